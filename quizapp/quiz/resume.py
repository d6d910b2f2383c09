"""Unfinished attempts for the quiz list and home page, and the quizzes an article feeds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Attempt, Response, User, utcnow
from quizapp.quiz.catalogue import QuizSummary


@dataclass
class Running:
    """A student's attempt still open, as the Resume button shows it."""

    attempt_id: int
    answered: int
    total: int
    seconds_left: int | None  # None: no time limit
    deadline: datetime | None = None  # includes any extra time the teacher granted

    @property
    def deadline_style(self) -> str:
        """How `localtime` shows the deadline: the time alone when it is today-ish."""
        return "time" if self.seconds_left is not None and self.seconds_left < 12 * 3600 else ""

    @property
    def time_left(self) -> str:
        """The time left in words ("no time limit", "12 min left", "1 h 05 min left")."""
        if self.seconds_left is None:
            return "no time limit"
        minutes = max(self.seconds_left, 0) // 60
        if minutes < 1:
            return "less than a minute left"
        if minutes < 60:
            return f"{minutes} min left"
        return f"{minutes // 60} h {minutes % 60:02d} min left"


def running_attempts(user: User | None, now: datetime | None = None) -> dict[int, Running]:
    """The user's open attempts by quiz id, with how much is answered (one query)."""
    if user is None or not user.is_authenticated:
        return {}
    now = now or utcnow()
    answered = func.count(Response.choice_id) + func.count(func.nullif(Response.text_answer, ""))
    rows = db.session.execute(
        select(Attempt.id, Attempt.quiz_id, Attempt.deadline_at, Attempt.max_score, answered)
        .outerjoin(Response, Response.attempt_id == Attempt.id)
        .where(Attempt.user_id == user.id, Attempt.is_running(now))
        .group_by(Attempt.id, Attempt.quiz_id, Attempt.deadline_at, Attempt.max_score)
    ).all()
    return {
        quiz_id: Running(
            attempt_id,
            done,
            total,
            None if deadline is None else int((deadline - now).total_seconds()),
            deadline,
        )
        for attempt_id, quiz_id, deadline, total, done in rows
    }


def quizzes_using(article_id: int, summaries: list[QuizSummary]) -> list[QuizSummary]:
    """The visible quizzes that draw on this article."""
    return [s for s in summaries if any(a.id == article_id for a in s.articles)]
