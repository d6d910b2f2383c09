"""The teacher's home page."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from quizapp.extensions import db
from quizapp.models import Article, Attempt, Question, Quiz
from quizapp.states import Status
from quizapp.teach import bp
from quizapp.teach.services import my_classrooms, student_counts

LIMIT = 20
RECENT = 10


def _my_articles() -> list[tuple[Article, int, int]]:
    """Articles the teacher imported, with their draft and published question counts."""
    counts = (
        select(
            Question.article_id,
            func.sum((Question.status == Status.DRAFT).cast(db.Integer)).label("drafts"),
            func.sum((Question.status == Status.PUBLISHED).cast(db.Integer)).label("published"),
        )
        .group_by(Question.article_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Article, func.coalesce(counts.c.drafts, 0), func.coalesce(counts.c.published, 0))
        .outerjoin(counts, counts.c.article_id == Article.id)
        .where(Article.imported_by_id == current_user.id)
        .order_by(Article.created_at.desc(), Article.id.desc())
        .limit(LIMIT)
    ).all()
    return [(a, d, p) for a, d, p in rows]


@bp.get("/")
def dashboard() -> str:
    """My articles, quizzes, classes and the latest attempts at my quizzes."""
    quizzes = list(
        db.session.scalars(
            select(Quiz)
            .where(Quiz.owner_id == current_user.id)
            .order_by(Quiz.created_at.desc(), Quiz.id.desc())
            .limit(LIMIT)
        )
    )
    classes = my_classrooms(current_user)
    attempts = list(
        db.session.scalars(
            select(Attempt)
            .join(Quiz, Quiz.id == Attempt.quiz_id)
            .where(Quiz.owner_id == current_user.id)
            .options(selectinload(Attempt.user), selectinload(Attempt.quiz))
            .order_by(Attempt.started_at.desc(), Attempt.id.desc())
            .limit(RECENT)
        )
    )
    return render_template(
        "teach/dashboard.html",
        articles=_my_articles(),
        quizzes=quizzes,
        classes=classes,
        counts=student_counts([c.id for c in classes]),
        attempts=attempts,
    )
