"""Short-lived shared state: practice memory, rate-limit counters, undo records."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import Model, UTCDateTime, utcnow

if TYPE_CHECKING:
    from quizapp.models.bank import Question


class MemoryState(Model):
    """A student's spaced-repetition memory of one question (an FSRS card)."""

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), primary_key=True
    )
    card: Mapped[dict[str, Any]] = mapped_column(JSON)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    reviews: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    last_review_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The last practice answer, shown as feedback after the redirect that follows it.
    last_answer: Mapped[str | None] = mapped_column(String(500))
    last_correct: Mapped[bool | None] = mapped_column(Boolean)

    question: Mapped[Question] = relationship()


class RateLimit(Model):
    """A rate-limit counter shared by every worker (Flask-Limiter's database storage)."""

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    hits: Mapped[int] = mapped_column(Integer)
    # Seconds since the epoch, as the limits library counts them.
    expires_at: Mapped[float] = mapped_column(Float, index=True)


class UndoAction(Model):
    """What a destructive action removed, kept briefly so any worker can put it back."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
