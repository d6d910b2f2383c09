"""Quizzes and attempts: the questions a quiz holds, responses, overrides and regrades."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ColumnElement,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
    case,
    false,
    not_,
    null,
)
from sqlalchemy.ext.hybrid import hybrid_method, hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import Model, UTCDateTime, utcnow
from quizapp.states import Feedback, GradeAction, Grading, Layout, sql_in

if TYPE_CHECKING:
    from quizapp.models.bank import Choice, Question
    from quizapp.models.people import User


class Quiz(Model):
    """A quiz: a fixed list of questions or a random draw, with its rules."""

    __table_args__ = (
        CheckConstraint(sql_in("grading", Grading), name="grading"),
        CheckConstraint(sql_in("feedback", Feedback), name="feedback"),
        CheckConstraint(sql_in("layout", Layout), name="layout"),
        CheckConstraint("per_page BETWEEN 2 AND 50", name="per_page"),
        # Instant feedback shows each key as soon as it is answered: never in a quiz whose
        # answers wait for its close date.
        CheckConstraint("NOT instant OR feedback = 'immediate'", name="instant"),
        CheckConstraint("draw_count IS NULL OR draw_count > 0", name="draw_count"),
        CheckConstraint("time_limit_s IS NULL OR time_limit_s > 0", name="time_limit"),
        CheckConstraint("max_attempts IS NULL OR max_attempts > 0", name="max_attempts"),
        CheckConstraint("tolerance >= 0", name="tolerance"),
        CheckConstraint(
            "closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at", name="window"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    # None: the fixed list in quiz_question; N: N questions drawn from the pool.
    draw_count: Mapped[int | None] = mapped_column(Integer)
    draw_kinds: Mapped[list[str]] = mapped_column(JSON, default=list)
    draw_article_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    shuffle: Mapped[bool] = mapped_column(Boolean, default=True)
    typed_answers: Mapped[bool] = mapped_column(Boolean, default=False)
    # How far a typed year or number may be off and still count.
    tolerance: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    time_limit_s: Mapped[int | None] = mapped_column(Integer)
    max_attempts: Mapped[int | None] = mapped_column(Integer)
    grading: Mapped[str] = mapped_column(String(10), default=Grading.HIGHEST)
    feedback: Mapped[str] = mapped_column(String(12), default=Feedback.IMMEDIATE)
    layout: Mapped[str] = mapped_column(
        String(10), default=Layout.PAGED, server_default=Layout.PAGED.value
    )
    # Questions per page of the "multi" layout.
    per_page: Mapped[int] = mapped_column(Integer, default=5, server_default="5")
    # Right or wrong, the key and the source sentence right after each answer, which then locks.
    instant: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    # Public practice quizzes are open to every student, not only to assigned classes.
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    items: Mapped[list[QuizQuestion]] = relationship(
        back_populates="quiz", cascade="all, delete-orphan", order_by="QuizQuestion.position"
    )


class QuizQuestion(Model):
    """Membership of a question in a fixed-list quiz."""

    __table_args__ = (
        UniqueConstraint("quiz_id", "position"),
        CheckConstraint("position >= 0", name="position"),
    )

    quiz_id: Mapped[int] = mapped_column(
        ForeignKey("quiz.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)

    quiz: Mapped[Quiz] = relationship(back_populates="items")
    question: Mapped[Question] = relationship()


class Attempt(Model):
    """One student's go at a quiz; its draw is frozen in its responses."""

    __table_args__ = (
        # The attempt number is unique per student and quiz: the attempts limit holds
        # even when two tabs start an attempt in the same instant.
        UniqueConstraint("quiz_id", "user_id", "number"),
        CheckConstraint("number > 0", name="number"),
        CheckConstraint("submitted_at IS NULL OR submitted_at >= started_at", name="submitted"),
        CheckConstraint("score IS NULL OR (score >= 0 AND score <= max_score)", name="score"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quiz.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deadline_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    score: Mapped[float | None] = mapped_column(Float)
    max_score: Mapped[int] = mapped_column(Integer, default=0)

    quiz: Mapped[Quiz] = relationship()
    user: Mapped[User] = relationship(back_populates="attempts")

    @hybrid_property
    def percent(self) -> float | None:
        """The score as a percentage; None before it is scored (SQL: NULL likewise)."""
        if self.score is None or not self.max_score:
            return None
        return 100.0 * self.score / self.max_score

    @percent.inplace.expression
    @classmethod
    def _percent_sql(cls) -> ColumnElement[float | None]:
        return case((cls.max_score > 0, cls.score * 100.0 / cls.max_score), else_=null())

    @hybrid_method
    def timed_out(self, now: datetime) -> bool:
        """Whether the attempt's time had run out at `now`, submitted or not."""
        return self.deadline_at is not None and now >= self.deadline_at

    # mypy reads a hybrid_method in the class body as the bound method it gives instances.
    @timed_out.inplace.expression  # type: ignore[attr-defined]
    @classmethod
    def _timed_out_sql(cls, now: datetime) -> ColumnElement[bool]:
        return and_(cls.deadline_at.is_not(None), cls.deadline_at <= now)

    @hybrid_method
    def is_running(self, now: datetime) -> bool:
        """Whether answers to the attempt still count at `now`: not submitted, not timed out."""
        return self.submitted_at is None and not self.timed_out(now)

    @is_running.inplace.expression  # type: ignore[attr-defined]
    @classmethod
    def _is_running_sql(cls, now: datetime) -> ColumnElement[bool]:
        return and_(cls.submitted_at.is_(None), not_(cls.timed_out(now)))

    responses: Mapped[list[Response]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", order_by="Response.position"
    )


class Response(Model):
    """A drawn question within an attempt and the student's answer to it."""

    __table_args__ = (
        UniqueConstraint("attempt_id", "question_id"),
        UniqueConstraint("attempt_id", "position"),
        CheckConstraint(
            "mark_override IS NULL OR (mark_override >= 0 AND mark_override <= 1)",
            name="mark_override",
        ),
        # The chosen option must belong to this very question.
        ForeignKeyConstraint(
            ["choice_id", "question_id"],
            ["choice.id", "choice.question_id"],
            name="fk_response_choice_question",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    # The shuffled order of the options, frozen so a reload shows the same page.
    choice_order: Mapped[list[int]] = mapped_column(JSON, default=list)
    choice_id: Mapped[int | None] = mapped_column(Integer, index=True)
    text_answer: Mapped[str | None] = mapped_column(String(500))
    is_correct: Mapped[bool | None] = mapped_column(Boolean)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The student's "come back to this one" mark; it never affects the score.
    flagged: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A teacher's manual mark (0 to 1) replacing the checked one; regrades leave it alone.
    mark_override: Mapped[float | None] = mapped_column(Float)
    override_note: Mapped[str | None] = mapped_column(String(500))

    attempt: Mapped[Attempt] = relationship(back_populates="responses")
    question: Mapped[Question] = relationship()
    choice: Mapped[Choice | None] = relationship(
        primaryjoin="Response.choice_id == Choice.id", foreign_keys=[choice_id], viewonly=True
    )

    @property
    def earned(self) -> float:
        """The mark that counts (0 to 1): the teacher's override, else what the key gave."""
        if self.mark_override is not None:
            return float(self.mark_override)
        return 1.0 if self.is_correct else 0.0

    @property
    def verdict(self) -> str:
        """The student's verdict: right, partly (a teacher's part mark) or wrong."""
        earned = self.earned
        return "right" if earned >= 1 else ("partly" if earned > 0 else "wrong")


class GradeChange(Model):
    """A question's grading history: a corrected key (regrade) or one response's manual mark."""

    __table_args__ = (
        CheckConstraint(sql_in("action", GradeAction), name="action"),
        CheckConstraint("attempts_changed >= 0", name="attempts_changed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    # Set for an override: the one response whose mark the teacher replaced.
    response_id: Mapped[int | None] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(10))
    # What changed, in the teacher's words (e.g. "accepted answers: + Priya").
    summary: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(String(500))
    attempts_changed: Mapped[int] = mapped_column(Integer, default=0)
    # The summed scores of the changed attempts, before and after.
    old_total: Mapped[float] = mapped_column(Float, default=0)
    new_total: Mapped[float] = mapped_column(Float, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User | None] = relationship()


class QuizOverride(Model):
    """A student's accommodation on one quiz: extra time and extra attempts (Moodle's override)."""

    __table_args__ = (
        CheckConstraint("extra_time_pct IS NULL OR extra_time_pct > 0", name="extra_pct"),
        CheckConstraint("extra_time_min IS NULL OR extra_time_min > 0", name="extra_min"),
        CheckConstraint("extra_attempts >= 0", name="extra_attempts"),
    )

    quiz_id: Mapped[int] = mapped_column(
        ForeignKey("quiz.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    extra_time_pct: Mapped[int | None] = mapped_column(Integer)
    extra_time_min: Mapped[int | None] = mapped_column(Integer)
    extra_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    user: Mapped[User] = relationship()
