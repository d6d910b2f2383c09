"""Whose eyes an answer key may reach: the one rule every page that shows keys asks."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, and_, false, or_, select, true

from quizapp.extensions import db
from quizapp.models import Attempt, Question, Quiz, QuizQuestion, Response, User, utcnow
from quizapp.states import Feedback


def feedback_waits(now: datetime) -> ColumnElement[bool]:
    """SQL condition on Quiz: its right answers are not shown yet (after close, still open)."""
    return and_(
        Quiz.feedback == Feedback.AFTER_CLOSE, or_(Quiz.closes_at.is_(None), Quiz.closes_at > now)
    )


def feedback_visible(attempt: Attempt, now: datetime | None = None) -> bool:
    """Whether the attempt's quiz shows right answers now (the Python twin of feedback_waits)."""
    if attempt.quiz.feedback == Feedback.IMMEDIATE:
        return True
    return attempt.quiz.closes_at is not None and (now or utcnow()) >= attempt.quiz.closes_at


def _pool(kinds: list[str] | None, article_ids: list[int] | None) -> ColumnElement[bool]:
    """SQL condition on Question: it may be drawn with these settings (empty: no limit).

    Any status: a retired question may be published again while the quiz is still open.
    """
    conditions: list[ColumnElement[bool]] = []
    if kinds:
        conditions.append(Question.kind.in_(kinds))
    if article_ids:
        # IS NOT NULL keeps the condition two-valued, so that NOT of it is never NULL.
        conditions.append(
            and_(Question.article_id.is_not(None), Question.article_id.in_(article_ids))
        )
    return and_(true(), *conditions)


def key_hidden(user: User | None, now: datetime | None = None) -> ColumnElement[bool]:
    """SQL condition on Question: its answer key must not reach this user now.

    A student never sees the key of a question in one of their running attempts, nor of one in
    any quiz whose feedback waits for its close date: its fixed list or its draw pool, whoever
    owns it (a question shared with an immediate-feedback quiz would leak through that one),
    nor of one in their own attempts at such a quiz (its list or pool may have changed since).
    Teachers see the whole bank anyway. Costs one small query, for the waiting draw pools;
    call it once per request and reuse the condition.
    """
    if user is None or not user.is_authenticated:
        return true()
    if user.is_teacher:
        return false()
    now = now or utcnow()
    waiting = feedback_waits(now)
    listed = (
        select(QuizQuestion.question_id).join(Quiz, Quiz.id == QuizQuestion.quiz_id).where(waiting)
    )
    mine = (
        select(Response.question_id)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Attempt.user_id == user.id, or_(Attempt.is_running(now), waiting))
    )
    pools = {
        (tuple(sorted(kinds or [])), tuple(sorted(article_ids or [])))
        for kinds, article_ids in db.session.execute(
            select(Quiz.draw_kinds, Quiz.draw_article_ids).where(
                Quiz.draw_count.is_not(None), waiting
            )
        )
    }
    return or_(
        Question.id.in_(listed),
        Question.id.in_(mine),
        *(_pool(list(kinds), list(article_ids)) for kinds, article_ids in sorted(pools)),
    )


def hidden_among(
    user: User | None, question_ids: Iterable[int], now: datetime | None = None
) -> set[int]:
    """Which of these questions' keys this user may not see now (two queries)."""
    ids = set(question_ids)
    if not ids:
        return set()
    return set(
        db.session.scalars(select(Question.id).where(Question.id.in_(ids), key_hidden(user, now)))
    )
