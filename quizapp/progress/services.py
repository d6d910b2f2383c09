"""Progress figures for one student, each in one query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, select

from quizapp.extensions import db
from quizapp.models import KIND_LABELS, Article, Attempt, MemoryState, Question, Quiz, Response
from quizapp.quiz.marks import mark_expr


@dataclass
class Mastery:
    """How often a group of questions was answered right."""

    label: str
    answered: int
    correct: float  # summed marks: a teacher's part mark counts as given

    @property
    def percent(self) -> float:
        """Share answered right, in percent."""
        return 100.0 * self.correct / self.answered if self.answered else 0.0


def history(user_id: int) -> list[tuple[Attempt, Quiz]]:
    """The student's submitted (and so scored) attempts, oldest first."""
    return list(
        db.session.execute(
            select(Attempt, Quiz)
            .join(Quiz, Quiz.id == Attempt.quiz_id)
            .where(
                Attempt.user_id == user_id,
                Attempt.submitted_at.is_not(None),
                Attempt.percent.is_not(None),
            )
            .order_by(Attempt.submitted_at, Attempt.id)
        )
    )


def _answered(user_id: int, hidden: ColumnElement[bool]):
    """Responses in the student's submitted attempts, but none to a question whose key is hidden.

    `hidden` comes from key_hidden: right or wrong per question would tell the key bit by bit.
    """
    # The marks that count: a teacher's manual mark (whole or part) outranks the key.
    correct = func.coalesce(func.sum(mark_expr()), 0.0)
    return (
        select(func.count(Response.id), correct)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(Question, Question.id == Response.question_id)
        .where(Attempt.user_id == user_id, Attempt.submitted_at.is_not(None), ~hidden)
    )


def mastery_by_kind(user_id: int, hidden: ColumnElement[bool]) -> list[Mastery]:
    """Share of right answers per kind of question, of the questions whose keys are visible."""
    rows = db.session.execute(
        _answered(user_id, hidden).add_columns(Question.kind).group_by(Question.kind)
    )
    found = {kind: Mastery(KIND_LABELS[kind], n, float(c or 0)) for n, c, kind in rows}
    return [found.get(kind, Mastery(label, 0, 0)) for kind, label in KIND_LABELS.items()]


def mastery_by_article(user_id: int, hidden: ColumnElement[bool]) -> list[Mastery]:
    """Share of right answers per article, of the questions whose keys are visible."""
    rows = db.session.execute(
        _answered(user_id, hidden)
        .add_columns(Article.title)
        .join(Article, Article.id == Question.article_id)
        .group_by(Article.id, Article.title)
        .order_by(Article.title)
    )
    return [Mastery(title, n, float(c or 0)) for n, c, title in rows]


def most_missed(
    user_id: int, hidden: ColumnElement[bool], limit: int = 5
) -> list[tuple[Question, int]]:
    """The questions the student got wrong most often, of those whose keys are visible."""
    wrong = func.count(Response.id).label("wrong")
    return list(
        db.session.execute(
            select(Question, wrong)
            .join(Response, Response.question_id == Question.id)
            .join(Attempt, Attempt.id == Response.attempt_id)
            .where(
                Attempt.user_id == user_id,
                Attempt.submitted_at.is_not(None),
                mark_expr() < 1,  # short of a full mark, the teacher's override included
                ~hidden,
            )
            .group_by(Question.id)
            .order_by(wrong.desc(), Question.id)
            .limit(limit)
        )
    )


@dataclass
class PracticeOutlook:
    """What spaced practice has waiting."""

    due: int
    learned: int
    next_due: datetime | None


def practice_outlook(user_id: int, now: datetime, hidden: ColumnElement[bool]) -> PracticeOutlook:
    """How many reviews are due now, how many cards exist and when the next falls due.

    Cards of questions whose key a quiz keeps secret (`hidden`) are not due: practice skips them.
    """
    open_ = ~hidden
    due, learned, next_due = db.session.execute(
        select(
            func.count().filter(and_(MemoryState.due_at <= now, open_)),
            func.count(),
            func.min(MemoryState.due_at).filter(and_(MemoryState.due_at > now, open_)),
        )
        .select_from(MemoryState)
        .join(Question, Question.id == MemoryState.question_id)
        .where(MemoryState.user_id == user_id)
    ).one()
    return PracticeOutlook(due or 0, learned or 0, next_due)


def chart_points(
    rows: list[tuple[Attempt, Quiz]], width: int = 600, height: int = 200
) -> list[dict]:
    """SVG coordinates for the score-over-time chart (x by attempt order, y by percent)."""
    pad = 30
    if not rows:
        return []
    step = (width - 2 * pad) / max(len(rows) - 1, 1)
    # A single attempt is drawn as a bar in the middle, not a lone dot on the axis.
    start = width / 2 if len(rows) == 1 else pad
    points = []
    for i, (attempt, quiz) in enumerate(rows):
        pct = attempt.percent or 0.0  # history() keeps scored attempts only
        points.append(
            {
                "x": round(start + i * step, 1),
                "y": round(height - pad - pct * (height - 2 * pad) / 100, 1),
                "percent": pct,
                "label": f"{quiz.title}, attempt {attempt.number}: {pct:.0f}%",
            }
        )
    return points
