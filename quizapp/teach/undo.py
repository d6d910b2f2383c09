"""Undo for destructive teacher actions: what an action removed is kept for a short while.

The record lives in the database, not in a worker's memory, so the "Undo" button works
whichever worker answers it. Records older than the window are refused and swept away.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from flask import current_app, flash
from sqlalchemy import delete, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapper

from quizapp.extensions import db
from quizapp.models import Choice, Enrollment, Question, UndoAction, User, UTCDateTime, utcnow
from quizapp.teach.services import discard, discard_message

UNDO_SECONDS = 60
FLASH_PREFIX = "undo:"


def window() -> timedelta:
    """How long an action can be undone."""
    return timedelta(seconds=current_app.config.get("TEACH_UNDO_SECONDS", UNDO_SECONDS))


def _row(record: Any) -> dict[str, Any]:
    """A row's column values as JSON (timestamps as ISO text)."""
    values: dict[str, Any] = {}
    for attr in inspect(type(record)).column_attrs:
        value = getattr(record, attr.key)
        values[attr.key] = value.isoformat() if isinstance(value, datetime) else value
    return values


def _build(model: type, values: dict[str, Any]) -> Any:
    """A new instance of `model` from `_row`'s output."""
    mapper: Mapper[Any] = inspect(model)
    columns = {attr.key: attr.columns[0] for attr in mapper.column_attrs}
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if key not in columns:
            continue
        if value is not None and isinstance(columns[key].type, UTCDateTime):
            value = datetime.fromisoformat(value)
        kwargs[key] = value
    return model(**kwargs)


def offer(user: User, payload: dict[str, Any], message: str) -> None:
    """Store what to restore and flash the message with an Undo button (the caller commits)."""
    db.session.execute(delete(UndoAction).where(UndoAction.created_at < utcnow() - window()))
    record = UndoAction(user_id=user.id, payload=payload)
    db.session.add(record)
    db.session.flush()
    flash(message, f"{FLASH_PREFIX}{record.id}")


def discard_questions(questions: list[Question], user: User) -> tuple[int, int]:
    """Delete unused questions and retire used ones, keeping what undo needs; (deleted, retired)."""
    deleted, retired = [], []
    for question in questions:
        before = {"id": question.id, "status": question.status}
        snapshot = {**_row(question), "choices": [_row(c) for c in question.choices]}
        if discard(question) == "deleted":
            deleted.append(snapshot)
        else:
            retired.append(before)
    db.session.flush()
    if len(questions) == 1:
        message = discard_message("deleted" if deleted else "retired")
    else:
        message = _bulk_message(len(deleted), len(retired))
    payload = {"what": "questions", "deleted": deleted, "retired": retired}
    offer(user, payload, message)
    return len(deleted), len(retired)


def _bulk_message(deleted: int, retired: int) -> str:
    """What a bulk reject did, in the teacher's words."""
    parts = []
    if deleted:
        parts.append(f"{deleted} question{'s' if deleted != 1 else ''} deleted")
    if retired:
        parts.append(
            f"{retired} retired instead of deleted (used in quizzes or attempts, "
            "so old scores stay explainable)"
        )
    return "; ".join(parts).capitalize() + "."


def remove_enrollment(enrollment: Enrollment, user: User, message: str) -> None:
    """Take a student out of a class, keeping the membership for undo."""
    payload = {"what": "enrollment", "row": _row(enrollment)}
    db.session.delete(enrollment)
    db.session.flush()
    offer(user, payload, message)


def _restore_questions(payload: dict[str, Any]) -> None:
    for values in payload["deleted"]:
        question = _build(Question, values)
        question.choices = [_build(Choice, c) for c in values["choices"]]
        db.session.add(question)
    for item in payload["retired"]:
        question = db.session.get(Question, item["id"])
        if question is not None:
            question.status = item["status"]


def _restore_enrollment(payload: dict[str, Any]) -> None:
    db.session.add(_build(Enrollment, payload["row"]))


RESTORERS = {"questions": _restore_questions, "enrollment": _restore_enrollment}


def undo(undo_id: int, user: User) -> str | None:
    """Put back what the action removed; None when done, else why not (the caller commits)."""
    record = db.session.scalar(
        select(UndoAction).where(UndoAction.id == undo_id, UndoAction.user_id == user.id)
    )
    if record is None or record.created_at < utcnow() - window():
        return "This action can no longer be undone."
    try:
        with db.session.begin_nested():
            RESTORERS[record.payload["what"]](record.payload)
            db.session.delete(record)
            db.session.flush()
    except IntegrityError:
        return "This cannot be undone: something with the same name was created meanwhile."
    return None
