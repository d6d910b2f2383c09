"""Home page, article pages and the health check."""

from __future__ import annotations

from flask import jsonify, render_template, request
from flask_login import current_user
from werkzeug.wrappers import Response

from quizapp.ids import parse_id
from quizapp.main import bp
from quizapp.main.services import (
    article_by_id,
    article_paragraphs,
    cited_span,
    current_articles,
    database_answers,
)
from quizapp.quiz.catalogue import quiz_summaries


@bp.get("/")
def index() -> str:
    """List the quizzes open to the visitor and the articles behind them."""
    articles = current_articles()
    summaries = quiz_summaries(current_user)
    return render_template("main/index.html", summaries=summaries, articles=articles)


@bp.get("/articles/<int:article_id>")
def article(article_id: int) -> str:
    """Show an article's full text, each paragraph addressable for citations."""
    art = article_by_id(article_id)
    span = cited_span(art, parse_id(request.args.get("q")))
    return render_template(
        "main/article.html", article=art, paragraphs=article_paragraphs(art.body), span=span
    )


@bp.get("/healthz")
def healthz() -> tuple[Response, int]:
    """Report health after a database round trip."""
    if not database_answers():
        return jsonify(status="unavailable"), 503
    return jsonify(status="ok"), 200
