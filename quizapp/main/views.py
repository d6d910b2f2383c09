"""Home page, article pages and the health check."""

from __future__ import annotations

from flask import jsonify, render_template
from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.wrappers import Response

from quizapp.extensions import db
from quizapp.main import bp
from quizapp.main.services import article_paragraphs, visible_quizzes
from quizapp.models import Article, Question


@bp.get("/")
def index() -> str:
    """List the quizzes open to the visitor and the articles behind them."""
    counts = (
        select(Question.article_id, func.count().label("n"))
        .where(Question.status == "published")
        .group_by(Question.article_id)
        .subquery()
    )
    articles = db.session.execute(
        select(Article, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.article_id == Article.id)
        .where(Article.replaced_by_id.is_(None))
        .order_by(Article.created_at.desc(), Article.id.desc())
    ).all()
    return render_template("main/index.html", quizzes=visible_quizzes(), articles=articles)


@bp.get("/articles/<int:article_id>")
def article(article_id: int) -> str:
    """Show an article's full text, each paragraph addressable for citations."""
    art = db.get_or_404(Article, article_id)
    return render_template(
        "main/article.html", article=art, paragraphs=article_paragraphs(art.body)
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
