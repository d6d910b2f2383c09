"""Teacher forms: importing articles, authoring questions, building quizzes, classes, accounts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    FieldList,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
    URLField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    URL,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp.auth.forms import NewAccountForm
from quizapp.bank.spec import (
    MAX_CHOICES,
    MAX_PROMPT,
    MAX_TEXT,
    MAX_TOLERANCE,
    TOLERANCE_RANGE,
    QuestionSpec,
)
from quizapp.models import KIND_LABELS
from quizapp.states import Feedback, Format, Grading, Layout, Role, Status

FORMAT_LABELS = {
    Format.CHOICE: "Multiple choice",
    Format.TEXT: "Typed answer",
    Format.NUMERIC: "Number (year or figure)",
}
STATUS_LABELS = {Status.DRAFT: "Draft", Status.PUBLISHED: "Published", Status.RETIRED: "Retired"}
GRADING_LABELS = {Grading.HIGHEST: "Highest", Grading.LAST: "Last", Grading.AVERAGE: "Average"}
FEEDBACK_LABELS = {
    Feedback.IMMEDIATE: "Right after each attempt",
    Feedback.AFTER_CLOSE: "After the close date",
}
LAYOUT_LABELS = {
    Layout.PAGED: "One per page, with a navigator",
    Layout.MULTI: "N per page, with a navigator",
    Layout.SINGLE: "All on one page",
}


def options(pairs: Iterable[tuple[Any, str]]) -> list[SelectChoice]:
    """(value, label) pairs as WTForms choices (WTForms 3.3 deprecates plain tuples)."""
    return [SelectChoice(value, label) for value, label in pairs]


KIND_CHOICES = options(KIND_LABELS.items())


def sentence(message: str) -> str:
    """A rule's message as a form shows it: "the prompt is empty" → "The prompt is empty."."""
    return message[:1].upper() + message[1:] + "."


# Bounds keep numbers inside the database's 32-bit integers and within reason.
TOLERANCE_MESSAGE = sentence(TOLERANCE_RANGE)
MAX_MINUTES = 7 * 24 * 60
MINUTES_RANGE = f"Give 1 to {MAX_MINUTES} minutes (a week)."


class ActionForm(FlaskForm):
    """An empty form: a state-changing button carries only its CSRF token."""


class MultiCheckboxField(SelectMultipleField):
    """A multiple selection shown as a list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ImportForm(FlaskForm):
    """Import an article: paste its text, upload a file or give its web address."""

    title = StringField(
        "Title",
        validators=[Optional(), Length(max=300)],
        description="Leave empty to use the title found in the page or file.",
    )
    body = TextAreaField(
        "Article text",
        # The size limit (ARTICLE_MAX_BYTES) is checked and described by the view.
        validators=[Optional()],
        description="Paste the article here, or upload a file or give a web address below.",
        render_kw={"rows": 12},
    )
    upload = FileField(
        "…or upload a file",
        description="A web page (.html), PDF, Word (.docx), Markdown or UTF-8 text file, 1 MB.",
    )
    url = URLField(
        "…or import from a web address",
        # No URL() validator: the fetcher judges the address and says exactly what is wrong.
        validators=[Optional(), Length(max=2000)],
        description="The page is fetched and its article text extracted (https://…).",
    )
    source_url = URLField(
        "Source URL (optional)",
        validators=[
            Optional(),
            URL(message="Enter a full web address (https://…)."),
            Length(max=2000),
        ],
    )
    published_on = DateField("Publication date (optional)", validators=[Optional()])
    submit = SubmitField("Import and generate questions")


def _lines(value: str | None) -> list[str]:
    """Non-empty stripped lines of a text area."""
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


class QuestionForm(FlaskForm):
    """Create or edit a question in any of the three formats."""

    kind = SelectField("Kind", choices=KIND_CHOICES)
    format = RadioField("Format", choices=options(FORMAT_LABELS.items()), default=Format.CHOICE)
    prompt = TextAreaField(
        "Question", validators=[InputRequired(), Length(max=MAX_PROMPT)], render_kw={"rows": 3}
    )
    choices = FieldList(
        StringField("Choice", validators=[Length(max=MAX_TEXT)]),
        min_entries=MAX_CHOICES,
        max_entries=MAX_CHOICES,
    )
    correct = RadioField(
        "Correct choice",
        choices=options((str(i), f"Choice {i + 1} is correct") for i in range(MAX_CHOICES)),
        validate_choice=False,
    )
    answer = StringField(
        "Answer",
        validators=[Length(max=MAX_TEXT)],
        description="For typed and number questions: the expected answer.",
    )
    accepted = TextAreaField(
        "Also accept, when students type their answer (one per line)",
        description=(
            "Other spellings or short forms (e.g. a surname); also used when a quiz has "
            "multiple-choice questions typed instead of chosen."
        ),
        render_kw={"rows": 3},
    )
    tolerance = IntegerField(
        "Tolerance",
        default=0,
        validators=[Optional(), NumberRange(min=0, max=MAX_TOLERANCE, message=TOLERANCE_MESSAGE)],
        description="Numbers only: how far off a typed number may be and still count.",
    )
    article_id = SelectField("Article (optional)", coerce=int, default=0)
    source_sentence = TextAreaField("Source sentence (optional)", render_kw={"rows": 2})
    explanation = TextAreaField("Explanation (optional)", render_kw={"rows": 2})
    status = SelectField("Status", choices=options(STATUS_LABELS.items()), default=Status.DRAFT)
    submit = SubmitField("Save question")

    def filled_choices(self) -> list[tuple[int, str]]:
        """The choices the teacher filled in, with their row numbers."""
        return [
            (i, (entry.data or "").strip())
            for i, entry in enumerate(self.choices.entries)
            if (entry.data or "").strip()
        ]

    def validate_correct(self, field: RadioField) -> None:
        """Exactly one filled-in choice is marked correct."""
        if self.format.data != Format.CHOICE:
            return
        if field.data in (None, "", "None"):
            raise ValidationError("Mark which choice is correct.")
        # Compare as text: "²".isdigit() is true but int("²") fails.
        if field.data not in {str(row) for row, _ in self.filled_choices()}:
            raise ValidationError("The answer must be among the choices: mark a filled-in one.")

    def validate(self, extra_validators: dict[str, list[Any]] | None = None) -> bool:
        """The fields' own checks, then the bank's rules for a question, beside their fields."""
        valid = super().validate(extra_validators)
        fields = {
            "kind": self.kind,
            "format": self.format,
            "prompt": self.prompt,
            "answer": self.correct if self.format.data == Format.CHOICE else self.answer,
            "choices": self.choices,
            "tolerance": self.tolerance,
        }
        for name, message in self.spec().validate():
            field = fields.get(name)
            if field is None:
                self.form_errors.append(sentence(message))
            elif not field.errors:  # one message per field: its own check spoke first
                field.errors.append(sentence(message))
            valid = False
        return valid

    def spec(self) -> QuestionSpec:
        """The question the form describes (article, span and status are the caller's)."""
        fmt = self.format.data or ""
        return QuestionSpec(
            kind=self.kind.data or "",
            format=fmt,
            prompt=(self.prompt.data or "").strip(),
            answer=self.answer_text(),
            choices=self.choice_texts(),
            accepted=_lines(self.accepted.data),
            tolerance=(self.tolerance.data or 0) if fmt == Format.NUMERIC else 0,
            explanation=(self.explanation.data or "").strip(),
            source_sentence=(self.source_sentence.data or "").strip() or None,
            article_id=self.article_id.data or None,
            status=self.status.data or Status.DRAFT,
        )

    def answer_text(self) -> str:
        """The correct answer as stored: the marked choice, or the typed answer."""
        if self.format.data == Format.CHOICE:
            return dict((str(row), text) for row, text in self.filled_choices()).get(
                self.correct.data or "", ""
            )
        return (self.answer.data or "").strip()

    def choice_texts(self) -> list[str]:
        """The options in order (none for typed and number questions)."""
        if self.format.data != Format.CHOICE:
            return []
        return [text for _, text in self.filled_choices()]


class QuizForm(FlaskForm):
    """Build a quiz: a fixed list or a random draw, with its rules and classes."""

    title = StringField("Title", validators=[InputRequired(), Length(max=200)])
    description = TextAreaField("Description", render_kw={"rows": 3})
    mode = RadioField(
        "Questions",
        choices=options([("fixed", "The questions I choose"), ("draw", "N at random from a pool")]),
        default="fixed",
    )
    questions = MultiCheckboxField("Chosen questions", coerce=int, validate_choice=False)
    draw_count = IntegerField(
        "How many to draw",
        validators=[Optional(), NumberRange(min=1, max=1000, message="Draw 1 to 1000 questions.")],
    )
    draw_kinds = MultiCheckboxField(
        "From these kinds (none: all)", choices=KIND_CHOICES, validate_choice=True
    )
    draw_article_ids = MultiCheckboxField("From these articles (none: all)", coerce=int)
    shuffle = BooleanField("Shuffle questions and choices", default=True)
    typed_answers = BooleanField(
        "Students type their answers instead of choosing",
        description=(
            "Only questions with a short answer (a name, a year, a number) are typed; role "
            "answers (“Who is X?” → “the city’s historian”) and other long answers stay "
            "multiple choice."
        ),
    )
    tolerance = IntegerField(
        "Tolerance for typed numbers",
        default=0,
        validators=[Optional(), NumberRange(min=0, max=MAX_TOLERANCE, message=TOLERANCE_MESSAGE)],
    )
    time_limit = IntegerField(
        "Time limit in minutes (optional)",
        validators=[Optional(), NumberRange(min=1, max=MAX_MINUTES, message=MINUTES_RANGE)],
    )
    max_attempts = IntegerField(
        "Attempts allowed (empty: unlimited)",
        validators=[Optional(), NumberRange(min=1, max=1000, message="Allow 1 to 1000.")],
    )
    grading = SelectField("Grade by", choices=options(GRADING_LABELS.items()))
    feedback = SelectField("Show right answers", choices=options(FEEDBACK_LABELS.items()))
    layout = SelectField(
        "Questions per page", choices=options(LAYOUT_LABELS.items()), default=Layout.PAGED
    )
    per_page = IntegerField(
        "Questions per page (for N per page)",
        default=5,
        validators=[Optional(), NumberRange(min=2, max=50, message="Show 2 to 50 per page.")],
    )
    instant = BooleanField(
        "Instant feedback: right or wrong, the answer and its sentence after each question",
        description="On for practice; off for an exam (answers stay hidden until the end).",
    )
    opens_at = DateTimeLocalField(
        "Opens (optional)", format="%Y-%m-%dT%H:%M", validators=[Optional()]
    )
    closes_at = DateTimeLocalField(
        "Closes (optional)", format="%Y-%m-%dT%H:%M", validators=[Optional()]
    )
    published = BooleanField("Published (students can see it)")
    public = BooleanField("Public practice quiz (every student, not only my classes)")
    classes = MultiCheckboxField("Assign to my classes", coerce=int)
    submit = SubmitField("Save quiz")

    def validate_questions(self, field: MultiCheckboxField) -> None:
        """A fixed quiz needs questions, all taken from the list offered."""
        if self.mode.data != "fixed":
            return
        if not field.data:
            raise ValidationError("Choose at least one question.")
        offered = {choice.value for choice in field.choices or []}
        if any(qid not in offered for qid in field.data):
            raise ValidationError("Some chosen questions are not available; reload the page.")

    def validate_instant(self, field: BooleanField) -> None:
        """Instant feedback shows each key at once: not in a quiz whose answers wait."""
        if field.data and self.feedback.data != Feedback.IMMEDIATE:
            raise ValidationError(
                "Instant feedback shows each right answer at once: pick “Right after each "
                "attempt” above, or turn instant feedback off for an exam."
            )

    def validate(self, extra_validators: dict[str, list[Any]] | None = None) -> bool:
        """Also require a draw size for a random draw (Optional() skips empty fields' checks)."""
        valid = super().validate(extra_validators)
        if self.mode.data == "draw" and self.draw_count.data is None:
            if not self.draw_count.errors:
                self.draw_count.errors = [*self.draw_count.errors, "Say how many to draw."]
            valid = False
        return valid

    def validate_feedback(self, field: SelectField) -> None:
        """Answers shown after the close date need a close date."""
        if field.data == Feedback.AFTER_CLOSE and not self.closes_at.data:
            raise ValidationError("Set a close date to show answers after it.")

    def validate_closes_at(self, field: DateTimeLocalField) -> None:
        """The quiz must close after it opens."""
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError("The close date must be after the open date.")


class ClassForm(FlaskForm):
    """Create a class."""

    name = StringField("Class name", validators=[InputRequired(), Length(max=120)])
    submit = SubmitField("Create class")


class DeleteClassForm(FlaskForm):
    """Deleting a class asks for a ticked confirmation."""

    confirm = BooleanField(
        "Yes, delete this class and its roster",
        validators=[InputRequired(message="Tick the box to confirm.")],
    )
    submit = SubmitField("Delete class")


class TeacherForm(NewAccountForm):
    """An admin creates a teacher account, with the registration rules (and a stronger password)."""

    account_role = Role.TEACHER

    submit = SubmitField("Create teacher")
