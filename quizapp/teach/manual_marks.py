"""A teacher's manual mark for one response, with a note, logged on the question."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from quizapp.auth.guards import sees_all
from quizapp.errors import NotFound
from quizapp.extensions import db
from quizapp.models import Attempt, GradeChange, Response, User
from quizapp.quiz.marks import mark, rescore
from quizapp.states import GradeAction


class OverrideError(ValueError):
    """A manual mark that cannot be stored, with the reason in the teacher's words."""


def owned_response(response_id: int, user: User) -> Response:
    """A response of an attempt at one of the user's quizzes (admins: any), else NotFound."""
    found = db.session.scalar(
        select(Response)
        .where(Response.id == response_id)
        .options(selectinload(Response.attempt).selectinload(Attempt.quiz))
    )
    if found is None or not (sees_all(user) or found.attempt.quiz.owner_id == user.id):
        raise NotFound(f"response {response_id}")
    return found


def parse_mark(value: str | None) -> float | None:
    """A mark from 0 to 1 typed by a teacher ("0.5", "1"); empty clears the override."""
    text = (value or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise OverrideError("Give a mark from 0 to 1 (e.g. 0.5), or leave it empty.") from None
    if not 0 <= number <= 1:
        raise OverrideError("A mark goes from 0 (wrong) to 1 (right).")
    return number


def _shown(value: float | None, checked: bool | None) -> str:
    """A response's mark for the log: the override, else what the key gave."""
    return mark(value) if value is not None else ("1" if checked else "0")


def override(response: Response, value: float | None, note: str, user: User) -> GradeChange:
    """Replace (or with None, clear) a response's mark, rescore its attempt, log the change."""
    note = note.strip()
    if value is not None and not note:
        raise OverrideError("Say why in the note: students and colleagues will ask.")
    before = db.session.scalar(select(Attempt.score).where(Attempt.id == response.attempt_id))
    summary = (
        f"mark of {response.attempt.user.username}'s attempt {response.attempt.number}: "
        f"{_shown(response.mark_override, response.is_correct)} → "
        f"{_shown(value, response.is_correct)}" + (" (override cleared)" if value is None else "")
    )
    response.mark_override = value
    response.override_note = note or None
    rescore({response.attempt_id})
    after = db.session.scalar(select(Attempt.score).where(Attempt.id == response.attempt_id))
    entry = GradeChange(
        question_id=response.question_id,
        response_id=response.id,
        user_id=user.id,
        action=GradeAction.OVERRIDE,
        summary=summary,
        note=note or None,
        attempts_changed=1 if before != after else 0,
        old_total=before or 0.0,
        new_total=after or 0.0,
    )
    db.session.add(entry)
    db.session.flush()
    return entry
