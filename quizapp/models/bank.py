"""The question bank: articles, their questions and the questions' options."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import KINDS, Model, UTCDateTime, utcnow
from quizapp.states import Format, Status, sql_in


class Article(Model):
    """A news article a question bank is built from."""

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    source_url: Mapped[str | None] = mapped_column(String(2000))
    published_on: Mapped[date | None] = mapped_column(Date)
    body: Mapped[str] = mapped_column(Text)
    checksum: Mapped[str] = mapped_column(String(64), unique=True)
    # Where the text came from (seed file name or URL): a changed text re-imported under the
    # same origin replaces the old version instead of living beside it unnoticed.
    origin: Mapped[str | None] = mapped_column(String(2000), index=True)
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("article.id"))
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    questions: Mapped[list[Question]] = relationship(back_populates="article")


class Question(Model):
    """One question of the bank, keeping the sentence it came from."""

    __table_args__ = (
        CheckConstraint(sql_in("kind", KINDS), name="kind"),
        CheckConstraint(sql_in("status", Status), name="status"),
        CheckConstraint(sql_in("format", Format), name="format"),
        CheckConstraint("tolerance >= 0", name="tolerance"),
        CheckConstraint("span_start IS NULL OR span_end >= span_start", name="span"),
        CheckConstraint("confidence IS NULL OR (confidence >= 0 AND confidence <= 1)", name="conf"),
        UniqueConstraint("article_id", "kind", "prompt"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("article.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    format: Mapped[str] = mapped_column(String(10), default=Format.CHOICE)
    prompt: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(String(500))
    accepted: Mapped[list[str]] = mapped_column(JSON, default=list)
    tolerance: Mapped[int] = mapped_column(Integer, default=0)
    explanation: Mapped[str] = mapped_column(Text, default="")
    source_sentence: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(10), default=Status.DRAFT, index=True)
    # Why a teacher should look again (e.g. the article text changed); empty when fine.
    flag: Mapped[str | None] = mapped_column(String(300))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    article: Mapped[Article | None] = relationship(back_populates="questions")
    choices: Mapped[list[Choice]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="Choice.position"
    )

    @property
    def correct_choice_id(self) -> int | None:
        """The id of the right option (the database allows at most one)."""
        return next((c.id for c in self.choices if c.is_correct), None)


class Choice(Model):
    """One option of a multiple-choice question."""

    __table_args__ = (
        UniqueConstraint("question_id", "position"),
        UniqueConstraint("question_id", "text"),
        # Lets a response's (choice, question) pair be checked by a composite foreign key.
        UniqueConstraint("id", "question_id"),
        CheckConstraint("position >= 0", name="position"),
        # At most one correct option per question, enforced by the database.
        Index(
            "uq_choice_one_correct",
            "question_id",
            unique=True,
            sqlite_where=text("is_correct"),
            postgresql_where=text("is_correct"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(String(500))
    is_correct: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer)

    question: Mapped[Question] = relationship(back_populates="choices")
