"""Correct a used question's key and regrade every attempt it touched (Moodle's regrade).

The flow: `current_key` and a proposed `Key` give a `Plan` (which responses change, which
attempts, old and new score totals) without writing; the teacher confirms; `regrade` writes
the new marks, rescores the attempts and logs a `GradeChange`, all in the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, update
from sqlalchemy.orm import selectinload

from quizapp.extensions import db
from quizapp.models import Attempt, GradeChange, Question, Quiz, Response, User
from quizapp.quiz.checkers import Key, is_correct, typed_format
from quizapp.quiz.marks import rescore
from quizapp.states import Format, GradeAction


@dataclass
class Plan:
    """What a key change would do: new marks per response and the attempts they touch."""

    marks: dict[int, bool | None] = field(default_factory=dict)  # response id -> is_correct
    attempts: set[int] = field(default_factory=set)
    answered: int = 0  # attempts that answered the question at all
    old_total: float = 0.0
    new_total: float = 0.0


def current_key(question: Question) -> Key:
    """A question's key as it is stored."""
    return Key(
        kind=question.kind,
        format=question.format,
        answer=question.answer,
        accepted=list(question.accepted or []),
        tolerance=(question.tolerance or 0) if question.format == Format.NUMERIC else 0,
        correct_choice_id=question.correct_choice_id,
    )


def proposed_key(question: Question, *, answer: str, accepted: list[str], tolerance: int) -> Key:
    """The key a form proposes; the options' texts are frozen, so the right one is found by text."""
    right = next((c.id for c in question.choices if c.text == answer), None)
    numeric = question.format == Format.NUMERIC
    return Key(
        kind=question.kind,
        format=question.format,
        answer=answer,
        accepted=list(accepted),
        tolerance=(tolerance or 0) if numeric else 0,
        correct_choice_id=right if question.format == Format.CHOICE else None,
    )


def describe(question: Question, old: Key, new: Key) -> str:
    """The change in a teacher's words, e.g. "accepted answers: + Priya; tolerance 0 → 2"."""
    parts = []
    if old.answer != new.answer:
        what = "right choice" if question.format == Format.CHOICE else "answer"
        parts.append(f"{what}: {old.answer} → {new.answer}")
    added = [a for a in new.accepted if a not in old.accepted]
    removed = [a for a in old.accepted if a not in new.accepted]
    if added or removed:
        signs = [f"+ {a}" for a in added] + [f"− {a}" for a in removed]
        parts.append("accepted answers: " + ", ".join(signs))
    if old.tolerance != new.tolerance:
        parts.append(f"tolerance {old.tolerance} → {new.tolerance}")
    return "; ".join(parts) or "no change to the key"


def _responses(question_id: int):  # noqa: ANN202  (result rows)
    """Every response to the question with what regrading needs of its attempt and quiz."""
    return db.session.execute(
        select(
            Response.id,
            Response.attempt_id,
            Response.choice_id,
            Response.text_answer,
            Response.is_correct,
            Response.mark_override,
            Attempt.submitted_at,
            Attempt.score,
            Quiz.tolerance,
        )
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Response.question_id == question_id)
    ).all()


def check(key: Key, choice_id: int | None, text: str | None, quiz_tolerance: int) -> bool | None:
    """An answer checked against a key; None when there is no answer.

    The answer's own shape says how it was asked: a chosen option, or a typed text (the
    quiz's typed-answer setting may have changed since).
    """
    if choice_id is not None:
        return is_correct(key, str(choice_id), fmt=Format.CHOICE)
    if not (text or "").strip():
        return None
    fmt = typed_format(key) if key.format == Format.CHOICE else key.format
    return is_correct(key, text or "", fmt=fmt, tolerance=quiz_tolerance or 0)


def plan(question_id: int, key: Key) -> Plan:
    """The marks a key would give, and the attempts and score totals it would change."""
    result = Plan()
    delta: dict[int, float] = {}
    scores: dict[int, float] = {}
    for row in _responses(question_id):
        if row.choice_id is not None or row.text_answer:
            result.answered += 1
        new = check(key, row.choice_id, row.text_answer, row.tolerance)
        if new == row.is_correct or (new is None and not row.is_correct):
            continue
        result.marks[row.id] = new
        result.attempts.add(row.attempt_id)
        if row.submitted_at is not None and row.score is not None:
            scores[row.attempt_id] = row.score
            if row.mark_override is None:  # a teacher's own mark outranks the key
                delta[row.attempt_id] = (
                    delta.get(row.attempt_id, 0.0)
                    + (1 if new else 0)
                    - (1 if row.is_correct else 0)
                )
    result.old_total = sum(scores.values())
    result.new_total = result.old_total + sum(delta.values())
    return result


def _totals(attempt_ids: set[int]) -> float:
    """The summed scores of some attempts."""
    if not attempt_ids:
        return 0.0
    total = db.session.scalar(
        select(func.coalesce(func.sum(Attempt.score), 0.0)).where(Attempt.id.in_(attempt_ids))
    )
    return float(total or 0.0)


def regrade(question: Question, old: Key, new: Key, user: User) -> GradeChange:
    """Store the new marks of every response to the question, rescore, and log the change."""
    change = plan(question.id, new)
    if change.marks:
        db.session.execute(
            update(Response),
            [{"id": rid, "is_correct": mark} for rid, mark in change.marks.items()],
        )
    old_total = _totals(change.attempts)
    rescore(change.attempts)
    entry = GradeChange(
        question_id=question.id,
        user_id=user.id,
        action=GradeAction.REGRADE,
        summary=describe(question, old, new),
        attempts_changed=len(change.attempts),
        old_total=old_total,
        new_total=_totals(change.attempts),
    )
    db.session.add(entry)
    db.session.flush()
    return entry


def history(question_id: int) -> list[GradeChange]:
    """A question's grading log, newest first, with who did each change."""
    return list(
        db.session.scalars(
            select(GradeChange)
            .where(GradeChange.question_id == question_id)
            .options(selectinload(GradeChange.user))
            .order_by(GradeChange.created_at.desc(), GradeChange.id.desc())
        )
    )
