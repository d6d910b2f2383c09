"""Excel workbooks a teacher can use: bold frozen headers, sized columns, real numbers and dates.

The "Scores" sheet holds one row per attempt; with a quiz, an "Answers" sheet holds each
student's answer per question (the question text as header, right/wrong as the cell's style,
and a mark column for formulas). Write-only mode keeps a big export's memory flat.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from tempfile import SpooledTemporaryFile
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from sqlalchemy import select

from quizapp.actors import Actor
from quizapp.extensions import db
from quizapp.models import Choice, Classroom, Question, Quiz, Response
from quizapp.reports.exports import CHUNK, Cell, _attempts_query, neutralise, question_ids

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
RIGHT = PatternFill("solid", start_color="E3F5E9")  # the site's --ok-soft
WRONG = PatternFill("solid", start_color="FDE8E6")  # the site's --bad-soft
DATE_FORMAT = "yyyy-mm-dd hh:mm"
# Widths in characters by header; anything else gets DEFAULT_WIDTH.
WIDTHS = {
    "student": 22,
    "first name": 16,
    "last name": 18,
    "class": 18,
    "quiz": 30,
    "attempt": 9,
    "score": 8,
    "maximum": 9,
}
DEFAULT_WIDTH = 14
QUESTION_WIDTH = 40
MARK_WIDTH = 7


def _value(value: Cell) -> Any:
    """A cell value Excel keeps as it is: texts cleaned and neutralised, dates without zone."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)  # Excel has no time zones; the header says UTC
    if isinstance(value, str):
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def _cell(sheet: WriteOnlyWorksheet, value: Cell, fill: PatternFill | None = None) -> SheetCell:
    """A styled cell: dates get a date format, right/wrong answers a fill."""
    cell = WriteOnlyCell(sheet, value=_value(value))
    if isinstance(value, datetime):
        cell.number_format = DATE_FORMAT
    if fill is not None:
        cell.fill = fill
    return cell


def _start(sheet: WriteOnlyWorksheet, header: list[str], widths: list[float], frozen: str) -> None:
    """Size the columns, freeze the header (and leading columns), write it in bold."""
    # Worksheet._setup gives a write-only sheet its column dimensions; the stubs miss them.
    dimensions = sheet.column_dimensions  # type: ignore[attr-defined]
    for i, width in enumerate(widths, 1):
        dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = frozen
    cells = []
    for title in header:
        cell = WriteOnlyCell(sheet, value=_value(title))
        cell.font, cell.alignment = BOLD, WRAP
        cells.append(cell)
    sheet.append(cells)


def _width(title: str) -> float:
    """A column's width from its header."""
    if title.startswith(("started", "submitted")):
        return 17
    if title.startswith("Q") and "(#" in title:
        return MARK_WIDTH + 2
    return WIDTHS.get(title, max(DEFAULT_WIDTH, min(len(title) + 2, QUESTION_WIDTH)))


def write_scores(workbook: Workbook, rows: Iterator[list[Cell]]) -> None:
    """The "Scores" sheet: one row per attempt."""
    sheet = workbook.create_sheet("Scores")
    header = [str(h) for h in next(rows)]
    _start(sheet, header, [_width(h) for h in header], "B2")
    for row in rows:
        sheet.append([_cell(sheet, v) for v in row])


def write_answers(
    workbook: Workbook, *, viewer: Actor, quiz: Quiz, classroom: Classroom | None
) -> None:
    """The "Answers" sheet: per student (with their name) and attempt, each answer and mark."""
    sheet = workbook.create_sheet("Answers")
    columns = question_ids(quiz)
    found = db.session.execute(select(Question.id, Question.prompt).where(Question.id.in_(columns)))
    prompts = {qid: prompt for qid, prompt in found}
    header = ["student", "first name", "last name", "attempt"]
    widths: list[float] = [WIDTHS[title] for title in header]
    for i, qid in enumerate(columns, 1):
        header += [f"Q{i}. {prompts.get(qid, '')}", f"Q{i} mark"]
        widths += [QUESTION_WIDTH, MARK_WIDTH]
    _start(sheet, header, widths, "E2")
    result = db.session.execute(
        _attempts_query(viewer, quiz, classroom).execution_options(yield_per=CHUNK)
    )
    for chunk in result.partitions():
        answers = _answers([row.id for row in chunk])
        for row in chunk:
            line = [
                _cell(sheet, row.username),
                _cell(sheet, row.first_name or ""),
                _cell(sheet, row.last_name or ""),
                _cell(sheet, row.number),
            ]
            for qid in columns:
                text, correct, mark = answers.get((row.id, qid), (None, None, None))
                fill = None if correct is None else (RIGHT if correct else WRONG)
                line += [_cell(sheet, text, fill), _cell(sheet, mark)]
            sheet.append(line)


def _answers(attempt_ids: list[int]) -> dict[tuple[int, int], tuple[str | None, bool | None, Any]]:
    """(attempt, question) -> the answer as the student gave it, right or wrong, and its mark."""
    rows = db.session.execute(
        select(
            Response.attempt_id,
            Response.question_id,
            Choice.text,
            Response.text_answer,
            Response.is_correct,
            Response.mark_override,
        )
        .outerjoin(Choice, Choice.id == Response.choice_id)
        .where(Response.attempt_id.in_(attempt_ids))
    )
    found: dict[tuple[int, int], tuple[str | None, bool | None, Any]] = {}
    for attempt_id, question_id, chosen, typed, correct, override in rows:
        answer = chosen if chosen is not None else typed
        if override is not None:
            mark: Any = int(override) if float(override).is_integer() else override
            right: bool | None = override >= 0.5
        else:
            mark = None if answer is None else (1 if correct else 0)
            right = None if answer is None else bool(correct)
        found[(attempt_id, question_id)] = (answer, right, mark)
    return found


def xlsx_file(
    rows: Iterator[list[Cell]],
    *,
    viewer: Actor,
    quiz: Quiz | None = None,
    classroom: Classroom | None = None,
    answers: bool = False,
) -> IO[bytes]:
    """Write the workbook (scores, and the answers sheet when asked); returns it, rewound."""
    workbook = Workbook(write_only=True)
    write_scores(workbook, rows)
    if answers and quiz is not None:  # the rows were `viewer`'s; so are the answers
        write_answers(workbook, viewer=viewer, quiz=quiz, classroom=classroom)
    spool = SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115  (closed by file_chunks)
    workbook.save(spool)
    spool.seek(0)
    return spool
