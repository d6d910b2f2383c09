"""Score exports: one row per attempt, produced once and written as CSV or XLSX, streamed.

The rows come from a single query read in chunks (yield_per), so a big export never sits in
memory whole; the per-question columns add one query per chunk.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any

from sqlalchemy import func, select

from quizapp.actors import Actor
from quizapp.auth.guards import sees_all
from quizapp.extensions import db
from quizapp.models import (
    Assignment,
    Attempt,
    Classroom,
    Enrollment,
    Quiz,
    QuizQuestion,
    Response,
    User,
)
from quizapp.quiz.attempts import close_expired

HEADER = [
    "student",
    "first name",
    "last name",
    "class",
    "quiz",
    "attempt",
    "started (UTC)",
    "submitted (UTC)",
    "score",
    "maximum",
    "percent",
]
CHUNK = 500
# A spreadsheet runs a cell beginning with these as a formula (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Cell = str | int | float | datetime | None


def neutralise(value: str) -> str:
    """Prefix a text that a spreadsheet would run as a formula with a single quote."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _number(value: float | None) -> int | float | None:
    """Whole numbers as ints, so 2.0 is written 2."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)


def question_ids(quiz: Quiz) -> list[int]:
    """The questions a per-question export has columns for: the fixed list, else every drawn one."""
    fixed = db.session.scalars(
        select(QuizQuestion.question_id)
        .where(QuizQuestion.quiz_id == quiz.id)
        .order_by(QuizQuestion.position)
    ).all()
    if fixed:
        return list(fixed)
    drawn = (
        select(Response.question_id)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(Attempt.quiz_id == quiz.id)
        .distinct()
    )
    return sorted(db.session.scalars(drawn))


def score_rows(
    *,
    viewer: Actor,
    quiz: Quiz | None = None,
    classroom: Classroom | None = None,
    questions: bool = False,
) -> Iterator[list[Cell]]:
    """The header, then one row per attempt the viewer may see (the command line: every one).

    `classroom` keeps the class's students' attempts at quizzes assigned to that class;
    `questions` (with a quiz) adds a mark column per question (1/0, or a teacher's manual
    mark), empty when it was not drawn, and a last column listing the manual marks' notes.
    """
    # Attempts whose time ran out count as submitted with what was saved in time.
    close_expired(quiz_ids=[quiz.id] if quiz is not None else None)
    columns = question_ids(quiz) if questions and quiz is not None else []
    header: list[Cell] = [*HEADER, *(f"Q{i} (#{qid})" for i, qid in enumerate(columns, 1))]
    if columns:
        header.append("manual marks")
    yield header
    result = db.session.execute(
        _attempts_query(viewer, quiz, classroom).execution_options(yield_per=CHUNK)
    )
    for chunk in result.partitions():
        marks = _marks([row.id for row in chunk]) if columns else {}
        notes = _notes([row.id for row in chunk], columns) if columns else {}
        for row in chunk:
            line: list[Cell] = [
                row.username,
                row.first_name or "",
                row.last_name or "",
                row.classes or "",
                row.title,
                row.number,
                row.started_at,
                row.submitted_at,
                _number(row.score),
                row.max_score,
                round(row.percent, 1) if row.percent is not None else None,
            ]
            answered = marks.get(row.id, {})
            line.extend(answered.get(qid) for qid in columns)
            if columns:
                line.append(notes.get(row.id, ""))
            yield line


def _attempts_query(viewer: Actor, quiz: Quiz | None, classroom: Classroom | None):
    """Attempts with student, quiz and the names of the student's classes the quiz is set for."""
    classes = (
        select(func.aggregate_strings(Classroom.name, "; "))
        .select_from(Enrollment)
        .join(Classroom, Classroom.id == Enrollment.classroom_id)
        .join(Assignment, Assignment.classroom_id == Classroom.id)
        .where(Enrollment.user_id == Attempt.user_id, Assignment.quiz_id == Attempt.quiz_id)
        .scalar_subquery()
    )
    query = (
        select(
            Attempt.id,
            User.username,
            User.first_name,
            User.last_name,
            classes.label("classes"),
            Quiz.title,
            Attempt.number,
            Attempt.started_at,
            Attempt.submitted_at,
            Attempt.score,
            Attempt.max_score,
            Attempt.percent.label("percent"),
        )
        .join(User, User.id == Attempt.user_id)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .order_by(Quiz.title, Quiz.id, User.username, Attempt.number)
    )
    if viewer is not None and not sees_all(viewer):
        query = query.where(Quiz.owner_id == viewer.id)
    if quiz is not None:
        query = query.where(Attempt.quiz_id == quiz.id)
    if classroom is not None:
        members = select(Enrollment.user_id).where(Enrollment.classroom_id == classroom.id)
        assigned = select(Assignment.quiz_id).where(Assignment.classroom_id == classroom.id)
        query = query.where(Attempt.user_id.in_(members), Attempt.quiz_id.in_(assigned))
    return query


def _marks(attempt_ids: list[int]) -> dict[int, dict[int, Cell]]:
    """The mark per attempt and question (1/0, or a teacher's manual mark), for one chunk."""
    marks: dict[int, dict[int, Cell]] = {}
    rows = db.session.execute(
        select(
            Response.attempt_id, Response.question_id, Response.is_correct, Response.mark_override
        ).where(Response.attempt_id.in_(attempt_ids))
    )
    for attempt_id, question_id, correct, override in rows:
        value = _number(override) if override is not None else (1 if correct else 0)
        marks.setdefault(attempt_id, {})[question_id] = value
    return marks


def _notes(attempt_ids: list[int], columns: list[int]) -> dict[int, str]:
    """The manual marks of a chunk's attempts, as "Q2: 0.5 (note)" per attempt."""
    position = {qid: i for i, qid in enumerate(columns, 1)}
    notes: dict[int, list[str]] = {}
    rows = db.session.execute(
        select(
            Response.attempt_id,
            Response.question_id,
            Response.mark_override,
            Response.override_note,
        )
        .where(Response.attempt_id.in_(attempt_ids), Response.mark_override.is_not(None))
        .order_by(Response.attempt_id, Response.position)
    )
    for attempt_id, question_id, value, note in rows:
        label = f"Q{position[question_id]}" if question_id in position else f"#{question_id}"
        text = f"{label}: {_number(value)}" + (f" ({note})" if note else "")
        notes.setdefault(attempt_id, []).append(text)
    return {attempt_id: "; ".join(texts) for attempt_id, texts in notes.items()}


def _csv_cell(value: Cell) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, str):
        return neutralise(value)
    return "" if value is None else value


def csv_chunks(
    rows: Iterator[list[Cell]], size: int = 16384, *, for_excel: bool = False
) -> Iterator[str]:
    """CSV text in pieces of about `size` characters (numbers unquoted, texts neutralised).

    `for_excel` starts with a byte order mark: Excel then reads UTF-8 instead of guessing a
    Windows code page and garbling accented names.
    """
    if for_excel:
        yield "\ufeff"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
        if buffer.tell() >= size:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def file_chunks(handle: IO[bytes], size: int = 65536) -> Iterator[bytes]:
    """Read a file in pieces and close it at the end."""
    try:
        while piece := handle.read(size):
            yield piece
    finally:
        handle.close()
