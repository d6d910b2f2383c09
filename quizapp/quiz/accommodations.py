"""Per-student accommodations on a quiz (Moodle's user overrides): extra time, extra attempts.

The attempt checks ask here for a student's own limits, so an override applies wherever the
server enforces the time limit and the number of attempts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from quizapp.extensions import db
from quizapp.models import Assignment, Enrollment, Quiz, QuizOverride, User


@dataclass(frozen=True)
class Limits:
    """One student's limits on one quiz, after any override."""

    time_limit_s: int | None
    max_attempts: int | None

    @property
    def time_label(self) -> str:
        """The time limit as a student reads it: "45 min", "12 min 30 s", or "none"."""
        if not self.time_limit_s:
            return "none"
        minutes, seconds = divmod(self.time_limit_s, 60)
        return f"{minutes} min" + (f" {seconds} s" if seconds else "")


def override_for(quiz_id: int, user_id: int) -> QuizOverride | None:
    """The student's override on this quiz, if the teacher set one."""
    return db.session.scalar(
        select(QuizOverride).where(QuizOverride.quiz_id == quiz_id, QuizOverride.user_id == user_id)
    )


def limits(quiz: Quiz, override: QuizOverride | None) -> Limits:
    """The quiz's time limit and attempts, stretched by the override."""
    seconds = quiz.time_limit_s
    attempts = quiz.max_attempts
    if override is not None:
        if seconds:
            # Percent first (on the quiz's own limit), then the fixed minutes on top.
            seconds += seconds * (override.extra_time_pct or 0) // 100
            seconds += (override.extra_time_min or 0) * 60
        if attempts is not None:
            attempts += override.extra_attempts or 0
    return Limits(time_limit_s=seconds, max_attempts=attempts)


def student_limits(quiz: Quiz, user_id: int) -> Limits:
    """A student's limits on a quiz (one query)."""
    return limits(quiz, override_for(quiz.id, user_id))


def attempt_deadline(quiz: Quiz, started: datetime, time_limit_s: int | None) -> datetime | None:
    """When an attempt started at `started` ends: its time limit or the quiz's close, first."""
    deadline = started + timedelta(seconds=time_limit_s) if time_limit_s else None
    if quiz.closes_at and (deadline is None or quiz.closes_at < deadline):
        deadline = quiz.closes_at
    return deadline


def overrides_for(user_id: int, quiz_ids: list[int]) -> dict[int, QuizOverride]:
    """The student's overrides on each of these quizzes that has one (one query)."""
    if not quiz_ids:
        return {}
    rows = db.session.scalars(
        select(QuizOverride).where(
            QuizOverride.user_id == user_id, QuizOverride.quiz_id.in_(quiz_ids)
        )
    )
    return {row.quiz_id: row for row in rows}


def quiz_students(quiz_id: int) -> list[User]:
    """The students of the classes this quiz is assigned to, by name."""
    classes = select(Assignment.classroom_id).where(Assignment.quiz_id == quiz_id)
    members = select(Enrollment.user_id).where(Enrollment.classroom_id.in_(classes))
    return list(
        db.session.scalars(
            select(User).where(User.id.in_(members)).order_by(User.last_name, User.username)
        )
    )


def quiz_overrides(quiz_id: int) -> list[QuizOverride]:
    """The accommodations set on a quiz, with their students."""
    return list(
        db.session.scalars(
            select(QuizOverride)
            .where(QuizOverride.quiz_id == quiz_id)
            .options(selectinload(QuizOverride.user))
        )
    )


def set_override(
    quiz_id: int, user_id: int, extra_pct: int | None, extra_min: int | None, extra_attempts: int
) -> QuizOverride:
    """Create or replace one student's accommodation on a quiz (flushed by the caller's commit)."""
    override = db.session.get(QuizOverride, (quiz_id, user_id))
    if override is None:
        override = QuizOverride(quiz_id=quiz_id, user_id=user_id)
        db.session.add(override)
    override.extra_time_pct = extra_pct
    override.extra_time_min = extra_min
    override.extra_attempts = extra_attempts
    return override


def remove_override(quiz_id: int, user_id: int) -> None:
    """End a student's accommodation on a quiz (attempts already started keep their deadline)."""
    db.session.execute(
        delete(QuizOverride).where(QuizOverride.quiz_id == quiz_id, QuizOverride.user_id == user_id)
    )
