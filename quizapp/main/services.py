"""Queries and text helpers for the public pages."""

from __future__ import annotations

from flask_login import current_user
from markupsafe import Markup, escape
from sqlalchemy import Row, exists, func, or_, select, text
from sqlalchemy.exc import SQLAlchemyError

from quizapp.errors import NotFound
from quizapp.extensions import db
from quizapp.models import Article, Attempt, MemoryState, Question, Quiz, Response, utcnow
from quizapp.quiz.visibility import feedback_waits, key_hidden
from quizapp.states import Status
from quizapp.transactions import abandon


def article_paragraphs(body: str) -> list[tuple[int, str]]:
    """Split an article into (start offset, paragraph) pairs, skipping blank lines."""
    paragraphs, offset = [], 0
    for line in body.splitlines(keepends=True):
        if line.strip():
            paragraphs.append((offset, line.rstrip("\r\n")))
        offset += len(line)
    return paragraphs


def highlight(sentence: str | None, phrase: str | None) -> Markup:
    """Escape a sentence and mark the first case-insensitive occurrence of a phrase in it."""
    sentence = sentence or ""
    if phrase:
        at = sentence.casefold().find(phrase.casefold())
        if at >= 0:
            end = at + len(phrase)
            return (
                escape(sentence[:at])
                + Markup("<mark>")
                + escape(sentence[at:end])
                + Markup("</mark>")
                + escape(sentence[end:])
            )
    return escape(sentence)


def split_at_span(paragraph: str, start: int, span: tuple[int, int]) -> tuple[str, str, str]:
    """Cut a paragraph (beginning at offset `start`) around a span of the whole text."""
    lo = min(max(span[0] - start, 0), len(paragraph))
    hi = min(max(span[1] - start, lo), len(paragraph))
    return paragraph[:lo], paragraph[lo:hi], paragraph[hi:]


def may_see_answer(question_id: int) -> bool:
    """Whether the visitor has been shown this question's answer (so citing it gives nothing away).

    Teachers always; students once a closed attempt with visible feedback, or practice, has
    shown it to them, and only while no quiz keeps the key secret (key_hidden).
    """
    if not current_user.is_authenticated:
        return False
    if current_user.is_teacher:
        return True
    now = utcnow()
    practised = select(MemoryState.question_id).where(
        MemoryState.user_id == current_user.id, MemoryState.question_id == question_id
    )
    reviewed = (
        select(Response.id)
        .join(Attempt, Attempt.id == Response.attempt_id)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(
            Attempt.user_id == current_user.id,
            Response.question_id == question_id,
            Attempt.submitted_at.is_not(None),
            ~feedback_waits(now),
        )
    )
    shown = db.session.scalar(
        select(Question.id).where(
            Question.id == question_id,
            or_(exists(practised), exists(reviewed)),
            ~key_hidden(current_user, now),
        )
    )
    return shown is not None


def current_articles() -> list[Row[tuple[Article, int]]]:
    """Articles not replaced by a newer version, newest first, with their published questions."""
    counts = (
        select(Question.article_id, func.count().label("n"))
        .where(Question.status == Status.PUBLISHED)
        .group_by(Question.article_id)
        .subquery()
    )
    return list(
        db.session.execute(
            select(Article, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.article_id == Article.id)
            .where(Article.replaced_by_id.is_(None))
            .order_by(Article.created_at.desc(), Article.id.desc())
        ).all()
    )


def article_by_id(article_id: int) -> Article:
    """An article, else NotFound."""
    article = db.session.get(Article, article_id)
    if article is None:
        raise NotFound(f"article {article_id}")
    return article


def cited_span(article: Article, question_id: int | None) -> tuple[int, int] | None:
    """The passage of the article a question cites, when the visitor may see that answer."""
    if question_id is None or not may_see_answer(question_id):
        return None
    question = db.session.get(Question, question_id)
    if (
        question
        and question.article_id == article.id
        and question.span_start is not None
        and question.span_end is not None
    ):
        return (question.span_start, question.span_end)
    return None


def database_answers() -> bool:
    """Whether the database answers a trivial query."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        abandon()  # the failed connection goes back to the pool clean
        return False
    return True
