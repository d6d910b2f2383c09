"""Account forms."""

from collections.abc import Callable

from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import EqualTo, InputRequired, Length, Optional, Regexp, ValidationError

from quizapp.auth.services import is_common_password, weak_password_message
from quizapp.states import Role

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


def not_common(form: FlaskForm, field: PasswordField) -> None:
    """Refuse passwords that attackers try first."""
    if field.data and is_common_password(field.data):
        raise ValidationError("This password is too common. Choose a less guessable one.")


def strong_enough(form: FlaskForm, field: PasswordField) -> None:
    """Refuse passwords zxcvbn scores below the minimum for the account's role."""
    if field.data and not field.errors:
        username = form.username.data or ""
        message = weak_password_message(field.data, role=form.account_role, username=username)
        if message:
            raise ValidationError(message)


def new_password(label: str, *checks: Callable[..., None], hint: str = "") -> PasswordField:
    """A new password's field: length, not a common password, then any further checks."""
    return PasswordField(
        label,
        validators=[
            InputRequired(),
            Length(min=8, max=256, message="The password must have 8 to 256 characters."),
            not_common,
            *checks,
        ],
        render_kw={"autocomplete": "new-password"},
        description="At least 8 characters and hard to guess: a few uncommon words work well."
        + hint,
    )


def repeat_password() -> PasswordField:
    """The field that repeats the new password."""
    return PasswordField(
        "Repeat password",
        validators=[InputRequired(), EqualTo("password", message="The passwords do not match.")],
        render_kw={"autocomplete": "new-password"},
    )


class NewAccountForm(FlaskForm):
    """Username and password with the account rules, for every way an account is made."""

    account_role = Role.STUDENT

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
    password = new_password("Password", strong_enough, hint=" Pasting is fine.")
    confirm = repeat_password()
    submit = SubmitField("Create account")


class RegisterForm(NewAccountForm):
    """A student creates their own account."""

    join_code = StringField(
        "Class join code (optional)",
        validators=[Optional(), Length(max=12)],
        description="Your teacher may give you one; you can also join a class later.",
    )
    submit = SubmitField("Create account")


class LogoutForm(FlaskForm):
    """An empty form: logging out is a POST with a CSRF token."""

    submit = SubmitField("Log out")


class InviteForm(FlaskForm):
    """An invited student types their one-time code and chooses a password."""

    code = StringField(
        "Invitation code",
        validators=[InputRequired(), Length(max=40)],
        description="The code your teacher gave you, like ABCD-EFGH-JKMN.",
        render_kw={"autocomplete": "off", "autocapitalize": "characters"},
    )
    # The role's strength rule is checked by the view, which knows the invited account.
    password = new_password("Choose a password")
    confirm = repeat_password()
    submit = SubmitField("Set my password")


class AccountForm(FlaskForm):
    """A user's own name and time zone."""

    first_name = StringField("First name", validators=[Optional(), Length(max=80)])
    last_name = StringField("Last name", validators=[Optional(), Length(max=80)])
    timezone = SelectField(
        "Time zone",
        description="Every date and time you see or type is in this zone.",
    )
    submit = SubmitField("Save")
