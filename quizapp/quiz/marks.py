"""An attempt's score: the sum of its responses' marks, a teacher's override winning."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import bindparam, case, func, select, update

from quizapp.extensions import db
from quizapp.models import Attempt, Response


def mark_expr():  # noqa: ANN201  (a SQL expression)
    """One response's mark in SQL: the teacher's override, else 1 when right, else 0."""
    return case(
        (Response.mark_override.is_not(None), Response.mark_override),
        (Response.is_correct.is_(True), 1.0),
        else_=0.0,
    )


def score_query(attempt_id):  # noqa: ANN001, ANN201  (an id or a correlated column)
    """The summed marks of one attempt's responses, as a scalar subquery."""
    return (
        select(func.coalesce(func.sum(mark_expr()), 0.0))
        .where(Response.attempt_id == attempt_id)
        .scalar_subquery()
    )


def mark(value: float | None) -> str:
    """A score as people write it: 3, 2.5 (no "3.0"); empty when there is none."""
    if value is None:
        return ""
    return f"{value:g}" if float(value).is_integer() else f"{round(value, 2):g}"


# Built once, bound per call: every submit runs it.
_SCORE = select(score_query(bindparam("attempt_id")))


def score_of(attempt_id: int) -> float:
    """An attempt's score from its saved marks."""
    return float(db.session.scalar(_SCORE, {"attempt_id": attempt_id}) or 0.0)


def rescore(attempt_ids: Collection[int]) -> None:
    """Recompute the scores of the given submitted attempts (running ones have none yet)."""
    if not attempt_ids:
        return
    db.session.flush()
    db.session.execute(
        update(Attempt)
        .where(Attempt.id.in_(list(attempt_ids)), Attempt.submitted_at.is_not(None))
        .values(score=score_query(Attempt.id))
        .execution_options(synchronize_session=False)
    )
    # Objects already loaded must not show the old scores for the rest of the request.
    for attempt in db.session.identity_map.values():
        if isinstance(attempt, Attempt) and attempt.id in attempt_ids:
            db.session.expire(attempt, ["score"])
