"""Queries and text helpers for the public pages."""

from __future__ import annotations

from flask_login import current_user
from sqlalchemy import func, or_, select

from quizapp.extensions import db
from quizapp.models import Assignment, Enrollment, Quiz, QuizQuestion


def visible_quizzes() -> list[tuple[Quiz, int]]:
    """Published quizzes the current visitor may take, with their fixed question counts."""
    allowed = Quiz.public.is_(True)
    if current_user.is_authenticated:
        my_classes = select(Enrollment.classroom_id).where(Enrollment.user_id == current_user.id)
        assigned = select(Assignment.quiz_id).where(Assignment.classroom_id.in_(my_classes))
        allowed = or_(allowed, Quiz.id.in_(assigned))
    counts = (
        select(QuizQuestion.quiz_id, func.count().label("n"))
        .group_by(QuizQuestion.quiz_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Quiz, func.coalesce(Quiz.draw_count, counts.c.n, 0))
        .outerjoin(counts, counts.c.quiz_id == Quiz.id)
        .where(Quiz.published.is_(True), allowed)
        .order_by(Quiz.created_at.desc(), Quiz.id.desc())
    ).all()
    return [(quiz, n) for quiz, n in rows]


def article_paragraphs(body: str) -> list[tuple[int, str]]:
    """Split an article into (start offset, paragraph) pairs, skipping blank lines."""
    paragraphs, offset = [], 0
    for line in body.splitlines(keepends=True):
        if line.strip():
            paragraphs.append((offset, line.rstrip("\r\n")))
        offset += len(line)
    return paragraphs
