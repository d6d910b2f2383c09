"""Home page, article pages and the health check."""

from __future__ import annotations

from flask import jsonify, render_template, request
from flask_login import current_user
from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.wrappers import Response

from quizapp.extensions import db
from quizapp.ids import parse_id
from quizapp.main import bp
from quizapp.main.services import article_paragraphs, may_see_answer
from quizapp.models import Article, Question
from quizapp.quiz.services import quiz_summaries
from quizapp.states import Status


@bp.get("/")
def index() -> str:
    """List the quizzes open to the visitor and the articles behind them."""
    counts = (
        select(Question.article_id, func.count().label("n"))
        .where(Question.status == Status.PUBLISHED)
        .group_by(Question.article_id)
        .subquery()
    )
    articles = db.session.execute(
        select(Article, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.article_id == Article.id)
        .where(Article.replaced_by_id.is_(None))
        .order_by(Article.created_at.desc(), Article.id.desc())
    ).all()
    summaries = quiz_summaries(current_user)
    return render_template("main/index.html", summaries=summaries, articles=articles)


@bp.get("/articles/<int:article_id>")
def article(article_id: int) -> str:
    """Show an article's full text, each paragraph addressable for citations."""
    art = db.get_or_404(Article, article_id)
    span = None
    cited = parse_id(request.args.get("q"))
    if cited is not None and may_see_answer(cited):
        question = db.session.get(Question, cited)
        if question and question.article_id == art.id and question.span_start is not None:
            span = (question.span_start, question.span_end)
    return render_template(
        "main/article.html", article=art, paragraphs=article_paragraphs(art.body), span=span
    )


@bp.get("/healthz")
def healthz() -> tuple[Response, int]:
    """Report health after a database round trip."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="unavailable"), 503
    return jsonify(status="ok"), 200
