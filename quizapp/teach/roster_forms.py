"""The roster import form: a CSV file or pasted lines."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from werkzeug.datastructures import FileStorage
from wtforms import SubmitField, TextAreaField
from wtforms.validators import Length, Optional

MAX_ROSTER_BYTES = 512 * 1024


class RosterForm(FlaskForm):
    """Upload a CSV or paste it; the first line names the columns."""

    upload = FileField(
        "CSV file",
        description="Saved from a spreadsheet as CSV (comma or semicolon separated, UTF-8).",
    )
    pasted = TextAreaField(
        "…or paste the lines",
        validators=[Optional(), Length(max=MAX_ROSTER_BYTES)],
        description="First line: the column names, e.g. name,username or name,email.",
        render_kw={"rows": 6, "placeholder": "name,username\nAda Stone,astone"},
    )
    submit = SubmitField("Check and import")

    def roster_text(self) -> str | None:
        """The file's or the box's text; None (with an error on the form) when unreadable."""
        upload = self.upload.data
        if isinstance(upload, FileStorage) and upload.filename:
            raw = upload.stream.read(MAX_ROSTER_BYTES + 1)
            if len(raw) > MAX_ROSTER_BYTES:
                self.upload.errors.append("The file is larger than 512 KB.")
                return None
            try:
                return raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                self.upload.errors.append(
                    "The file is not UTF-8 text: in your spreadsheet choose “CSV UTF-8”."
                )
                return None
        if (self.pasted.data or "").strip():
            return self.pasted.data
        self.upload.errors.append("Choose a CSV file or paste the lines.")
        return None
