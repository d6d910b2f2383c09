"""Grading: checking answers against a question's checker, writing them, the quiz grade."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from functools import cache
from typing import cast

from sqlalchemy import Table, Update, bindparam, func, select, update

from quizapp.extensions import db
from quizapp.ids import parse_id
from quizapp.models import Attempt, Choice, Question, Quiz, Response
from quizapp.quiz.checkers import Key, answer_format, is_correct
from quizapp.quiz.errors import QuizError
from quizapp.quiz.instant import refuse_change
from quizapp.states import Format, Grading

RESPONSES = cast(Table, Response.__table__)  # a mapped class's __table__ is its Table


def _parse_id(value: object, what: str) -> int:
    number = parse_id(value if isinstance(value, str) else str(value))
    if number is None:
        raise QuizError(f"That {what} is not valid.")
    return number


@dataclass
class Slot:
    """A drawn question of an attempt as grading needs it: plain values, no ORM objects."""

    response_id: int
    question_id: int
    choice_order: list[int]
    choice_id: int | None
    text_answer: str | None
    is_correct: bool | None
    answered_at: datetime | None
    key: Key


Change = tuple[Slot, dict[str, object]]


# Built once, bound per call: every save and submit runs them.
_SLOTS = (
    select(
        Response.id.label("response_id"),
        Response.question_id,
        Response.choice_order,
        Response.choice_id,
        Response.text_answer,
        Response.is_correct,
        Response.answered_at,
        Question.kind,
        Question.format,
        Question.answer,
        Question.accepted,
        func.coalesce(Question.tolerance, 0).label("tolerance"),
        Choice.id.label("correct_choice_id"),
    )
    .join(Question, Question.id == Response.question_id)
    # One row per response: a question has at most one right option (uq_choice_one_correct).
    .outerjoin(Choice, (Choice.question_id == Question.id) & Choice.is_correct.is_(True))
    .where(Response.attempt_id == bindparam("attempt_id"))
)
_SOME_SLOTS = _SLOTS.where(Response.question_id.in_(bindparam("question_ids", expanding=True)))
_SLOT_FIELDS = [f.name for f in fields(Slot) if f.name != "key"]


def load_slots(attempt_id: int, question_ids: list[int] | None = None) -> dict[int, Slot]:
    """The attempt's drawn questions (or some of them) by question id, in one query."""
    if question_ids is None:
        rows = db.session.execute(_SLOTS, {"attempt_id": attempt_id}).all()
    else:
        params = {"attempt_id": attempt_id, "question_ids": question_ids}
        rows = db.session.execute(_SOME_SLOTS, params).all()
    return {
        # Columns bind to fields by their names (labels), never by position.
        row.question_id: Slot(
            **{name: row._mapping[name] for name in _SLOT_FIELDS},
            key=Key.from_row(row._mapping, row.correct_choice_id),
        )
        for row in rows
    }


def check_open(attempt: Attempt, now: datetime) -> None:
    """Refuse answers to a submitted or timed-out attempt."""
    if attempt.timed_out(now):
        raise QuizError("Time is up: answers after the deadline are not counted.", 409)
    if attempt.submitted_at is not None:
        raise QuizError("This attempt was already submitted; answers can no longer change.", 409)


def grade_one(attempt: Attempt, question_id: object, value: str, now: datetime) -> Change:
    """Check one autosaved answer, loading only its question; nothing is written yet."""
    check_open(attempt, now)
    qid = _parse_id(question_id, "question")
    slot = load_slots(attempt.id, [qid]).get(qid)
    if slot is None:
        raise QuizError("That question is not part of this attempt.")
    return slot, _grade(attempt, slot, value, now)


def grade_answers(attempt: Attempt, answers: dict[int, str], now: datetime) -> list[Change]:
    """Check the answers a form posted (a page's or the final submit's); nothing is written yet."""
    check_open(attempt, now)
    ids = [_parse_id(question_id, "question") for question_id in answers]
    # Only the questions posted: a page without JavaScript sends one question of the 44.
    slots = load_slots(attempt.id, ids) if ids else {}
    changes = []
    for question_id, value in zip(ids, answers.values(), strict=True):
        slot = slots.get(question_id)
        if slot is None:
            raise QuizError("That question is not part of this attempt.")
        changes.append((slot, _grade(attempt, slot, value, now)))
    return changes


def _grade(attempt: Attempt, slot: Slot, value: str, now: datetime) -> dict[str, object]:
    """The response's new values for an answer, checked with the question's checker."""
    value = (value or "").strip()
    fmt = answer_format(slot.key, attempt.quiz.typed_answers)
    new: dict[str, object] = {"answered_at": now, "is_correct": None}
    if fmt == Format.CHOICE:
        new["choice_id"], new["text_answer"] = None, None
        if value:
            choice_id = _parse_id(value, "choice")
            if choice_id not in slot.choice_order:
                raise QuizError("That choice does not belong to this question.")
            new["choice_id"] = choice_id
    else:
        if len(value) > 500:
            raise QuizError("That answer is too long (500 characters at most).")
        new["text_answer"] = value or None
    if value:
        new["is_correct"] = is_correct(slot.key, value, fmt=fmt, tolerance=attempt.quiz.tolerance)
    locked = refuse_change(attempt.quiz.instant, slot.choice_id, slot.text_answer, new)
    if locked:
        raise QuizError(locked, 423)
    return new


def apply(changes: list[Change]) -> None:
    """Write checked answers, skipping those already stored as they are."""
    by_columns: dict[tuple[str, ...], list[dict[str, object]]] = {}
    for slot, values in changes:
        same = all(getattr(slot, k) == v for k, v in values.items() if k != "answered_at")
        if same and slot.answered_at is not None:
            continue  # autosave stored it already: no write, no lock time
        by_columns.setdefault(tuple(sorted(values)), []).append(
            {"response_id": slot.response_id, **values}
        )
    for columns, rows in by_columns.items():
        # One UPDATE per row by primary key, sent as one executemany per set of columns.
        db.session.execute(_update_responses(columns), rows)


@cache
def _update_responses(columns: tuple[str, ...]) -> Update:
    """UPDATE of these response columns by id, built once per set of columns."""
    return (
        update(RESPONSES)
        .where(RESPONSES.c.id == bindparam("response_id"))
        .values({name: bindparam(name) for name in columns})
    )


def final_grade(quiz: Quiz, attempts: list[Attempt]) -> float | None:
    """The quiz grade by its grading method (highest, last, average), as a percentage."""
    in_order = sorted(attempts, key=lambda a: a.number)
    scores = [s for s in (a.percent for a in in_order) if s is not None]
    if not scores:
        return None
    if quiz.grading == Grading.LAST:
        return scores[-1]
    if quiz.grading == Grading.AVERAGE:
        return sum(scores) / len(scores)
    return max(scores)
