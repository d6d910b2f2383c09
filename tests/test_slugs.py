"""Quiz addresses are unique through the database: every maker of quizzes inserts, then retries."""

from __future__ import annotations

from sqlalchemy import select

from quizapp.bank.services import article_quiz
from quizapp.extensions import db
from quizapp.models import Quiz
from tests.factories import make_article, make_question


def quiz_titled(title: str, slug: str) -> None:
    db.session.add(Quiz(title=title, slug=slug))
    db.session.flush()


def test_an_articles_quiz_takes_the_next_free_address(app):
    """A taken title slug, then a taken slug-with-id: the quiz is numbered, not refused."""
    with app.app_context():
        article = make_article(title="Harbour history")
        make_question(article=article, status="published")
        quiz_titled("Old", "harbour-history")
        quiz_titled("Older", f"harbour-history-{article.id}")
        quiz = article_quiz(article)
        db.session.commit()
        assert quiz.slug == "harbour-history-2"
        assert len(quiz.items) == 1


def test_an_articles_quiz_keeps_its_usual_addresses(app):
    """The title's slug when free, else the article's id after it, as before."""
    with app.app_context():
        first = make_article(title="Harbour history")
        assert article_quiz(first).slug == "harbour-history"
        second = make_article(title="Harbour history", body="Another text about the harbour.")
        assert article_quiz(second).slug == f"harbour-history-{second.id}"
        db.session.commit()
        assert len(db.session.scalars(select(Quiz.slug)).all()) == 2
