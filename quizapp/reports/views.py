"""Report pages: gradebooks, attempt detail, item statistics, exports, bank import/export."""

from __future__ import annotations

from flask import Response, abort, flash, render_template, request, stream_with_context
from flask_login import current_user

from quizapp.auth.guards import (
    can_edit,
    my_classrooms,
    owned_classroom,
    owned_quiz,
    owned_quizzes,
)
from quizapp.bank.interchange import InterchangeError, bank_questions, export_text, import_bank
from quizapp.ids import parse_id
from quizapp.models import Classroom, Quiz
from quizapp.reports import bp
from quizapp.reports.exports import (
    XLSX_MIMETYPE,
    csv_chunks,
    file_chunks,
    score_rows,
)
from quizapp.reports.forms import BankImportForm
from quizapp.reports.services import (
    MIN_DISCRIMINATION,
    assigned_classes,
    attempt_detail,
    class_matrix,
    gradebook,
    histogram,
    histogram_bars,
    item_statistics,
)
from quizapp.reports.xlsx import xlsx_file
from quizapp.transactions import transaction

BANK_MIMETYPES = {
    "json": "application/json",
    "gift": "text/plain; charset=utf-8",
    "xml": "application/xml; charset=utf-8",
}
EXPORT_FORMATS = {"json": "json", "gift": "gift", "xml": "moodle-xml"}


def _id_arg(name: str) -> int | None:
    """An optional numeric query parameter; anything else is a 400."""
    value = request.args.get(name, "").strip()
    if not value:
        return None
    number = parse_id(value)
    if number is None:
        abort(400)
    return number


def _attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}


@bp.get("/")
def index() -> str:
    """The teacher's quizzes and classes, with links to their reports."""
    return render_template(
        "reports/index.html",
        quizzes=owned_quizzes(current_user, by_title=True),
        classes=my_classrooms(current_user),
    )


@bp.get("/quizzes/<int:quiz_id>")
def quiz_gradebook(quiz_id: int) -> str:
    """Students × attempts of one quiz with grades and a histogram, optionally for one class."""
    quiz = owned_quiz(quiz_id, current_user)
    classes = assigned_classes(quiz, current_user)
    class_id = _id_arg("class")
    selected = None
    if class_id is not None:
        selected = next((c for c in classes if c.id == class_id), None) or abort(404)
    rows = gradebook(quiz, selected)
    bins = histogram([r.grade for r in rows if r.grade is not None])
    return render_template(
        "reports/quiz.html",
        quiz=quiz,
        classes=classes,
        selected=selected,
        rows=rows,
        bins=bins,
        bars=histogram_bars(bins),
    )


@bp.get("/quizzes/<int:quiz_id>/items")
def quiz_items(quiz_id: int) -> str:
    """Item statistics of one quiz: facility, discrimination, options picked, flags."""
    quiz = owned_quiz(quiz_id, current_user)
    return render_template(
        "reports/items.html",
        quiz=quiz,
        stats=item_statistics(quiz),
        min_discrimination=MIN_DISCRIMINATION,
        can_edit=lambda question: can_edit(question, current_user),
    )


@bp.get("/classes/<int:class_id>")
def class_grades(class_id: int) -> str:
    """Students × assigned quizzes of one class, a grade per cell."""
    classroom = owned_classroom(class_id, current_user)
    return render_template(
        "reports/class.html", classroom=classroom, matrix=class_matrix(classroom)
    )


@bp.get("/attempts/<int:attempt_id>")
def attempt(attempt_id: int) -> str:
    """One attempt question by question: the student's answer and whether it was right."""
    found = attempt_detail(attempt_id, current_user)
    return render_template("reports/attempt.html", attempt=found)


def _export_scope() -> tuple[Quiz | None, Classroom | None, bool, str]:
    """The filters of an export request, checked against the teacher's data, and a file stem."""
    quiz_id, class_id = _id_arg("quiz"), _id_arg("class")
    quiz = owned_quiz(quiz_id, current_user) if quiz_id is not None else None
    classroom = owned_classroom(class_id, current_user) if class_id is not None else None
    questions = request.args.get("questions") == "1"
    if questions and quiz is None:
        abort(400)
    stem = (
        "scores" + (f"-{quiz.slug}" if quiz else "") + (f"-class-{class_id}" if classroom else "")
    )
    return quiz, classroom, questions, stem


@bp.get("/export.csv")
def export_csv() -> Response:
    """Download one row per attempt as CSV, streamed; `?excel=1` adds the BOM Excel needs."""
    quiz, classroom, questions, stem = _export_scope()
    rows = score_rows(viewer=current_user, quiz=quiz, classroom=classroom, questions=questions)
    for_excel = request.args.get("excel") == "1"
    return Response(
        stream_with_context(csv_chunks(rows, for_excel=for_excel)),
        mimetype="text/csv",
        headers=_attachment(f"{stem}{'-excel' if for_excel else ''}.csv"),
    )


@bp.get("/export.xlsx")
def export_xlsx() -> Response:
    """Download one row per attempt as an Excel workbook, written to a spooled file."""
    quiz, classroom, questions, stem = _export_scope()
    rows = score_rows(viewer=current_user, quiz=quiz, classroom=classroom, questions=questions)
    workbook = xlsx_file(
        rows, viewer=current_user, quiz=quiz, classroom=classroom, answers=questions
    )
    return Response(
        file_chunks(workbook), mimetype=XLSX_MIMETYPE, headers=_attachment(f"{stem}.xlsx")
    )


@bp.route("/bank/import", methods=["GET", "POST"])
def bank_import() -> str | tuple[str, int]:
    """Upload a Moodle XML, GIFT or JSON file: every question imported as a draft, or none."""
    form = BankImportForm()
    errors: list[str] = []
    skipped: list[str] = []
    if form.validate_on_submit():
        upload = form.file.data
        try:
            with transaction():
                report = import_bank(upload.filename or "", upload.read(), author=current_user)
        except InterchangeError as error:
            errors = error.errors
        else:
            skipped = report.skipped
            flash(
                f"Imported {report.created} question(s) as drafts;"
                f" skipped {len(report.skipped)} (listed below).",
                "success",
            )
    status = 400 if errors or form.errors else 200
    page = render_template("reports/import.html", form=form, errors=errors, skipped=skipped)
    return (page, status) if status != 200 else page


@bp.get("/bank/export")
def bank_export_choice() -> Response:
    """The export form's target: the file of the chosen format (with drafts if ticked)."""
    return bank_export(request.args.get("fmt", ""))


@bp.get("/bank/export.<fmt>")
def bank_export(fmt: str) -> Response:
    """Download the published bank as JSON, GIFT or Moodle XML; `?drafts=1` adds my drafts."""
    if fmt not in BANK_MIMETYPES:
        abort(404)
    drafts = request.args.get("drafts") == "1"
    questions = bank_questions(visible_to=current_user)
    text = export_text(EXPORT_FORMATS[fmt], questions, include_drafts=drafts)
    return Response(text, mimetype=BANK_MIMETYPES[fmt], headers=_attachment(f"question-bank.{fmt}"))
