"""Account forms."""

from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import EqualTo, InputRequired, Length, Optional, Regexp

USERNAME_RULE = Regexp(
    r"^[A-Za-z0-9_.-]+$", message="Use letters, digits, dots, dashes or underscores only."
)


class LoginForm(FlaskForm):
    """Log in with username and password."""

    username = StringField(
        "Username",
        validators=[InputRequired(), Length(max=40, message="Wrong username or password.")],
        render_kw={"autocomplete": "username"},
    )
    password = PasswordField(
        "Password",
        validators=[InputRequired(), Length(max=256, message="Wrong username or password.")],
        render_kw={"autocomplete": "current-password"},
    )
    submit = SubmitField("Log in")


class RegisterForm(FlaskForm):
    """A student creates their own account."""

    username = StringField(
        "Username",
        validators=[
            InputRequired(),
            Length(min=3, max=40, message="The username must have 3 to 40 characters."),
            USERNAME_RULE,
        ],
        render_kw={"autocomplete": "username"},
        description="3 to 40 letters, digits, dots, dashes or underscores.",
    )
    password = PasswordField(
        "Password",
        validators=[
            InputRequired(),
            Length(min=8, max=256, message="The password must have 8 to 256 characters."),
        ],
        render_kw={"autocomplete": "new-password"},
        description="At least 8 characters.",
    )
    confirm = PasswordField(
        "Repeat password",
        validators=[InputRequired(), EqualTo("password", message="The passwords do not match.")],
        render_kw={"autocomplete": "new-password"},
    )
    join_code = StringField(
        "Class join code (optional)",
        validators=[Optional(), Length(max=12)],
        description="Your teacher may give you one; you can also join a class later.",
    )
    submit = SubmitField("Create account")


class LogoutForm(FlaskForm):
    """An empty form: logging out is a POST with a CSRF token."""

    submit = SubmitField("Log out")
