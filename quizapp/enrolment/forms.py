"""The join-a-class form."""

from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import InputRequired, Length, Regexp


class JoinForm(FlaskForm):
    """A student types the code their teacher gave them."""

    code = StringField(
        "Join code",
        validators=[
            InputRequired(),
            Length(max=12, message="A join code has at most 12 characters."),
            Regexp(r"^\s*[A-Za-z0-9]+\s*$", message="A join code has only letters and digits."),
        ],
        description="Letters and digits, as your teacher wrote it (case does not matter).",
        render_kw={"autocomplete": "off", "autocapitalize": "characters"},
    )
    submit = SubmitField("Join class")
