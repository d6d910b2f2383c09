"""Report forms: uploading a question-bank file."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired, FileSize
from wtforms import SubmitField

MAX_UPLOAD = 1024 * 1024


class BankImportForm(FlaskForm):
    """Upload a Moodle XML, GIFT or JSON file of questions."""

    file = FileField(
        "Question file",
        validators=[
            FileRequired("Choose a file to import."),
            FileAllowed(["gift", "txt", "json", "xml"], "Use a .gift, .txt, .json or .xml file."),
            FileSize(MAX_UPLOAD, message="The file is too large (1 MB at most)."),
        ],
        description=(
            "Moodle XML (.xml), Moodle GIFT (.gift or .txt) or the bank's JSON export (.json),"
            " 1 MB at most."
        ),
    )
    submit = SubmitField("Import as drafts")
