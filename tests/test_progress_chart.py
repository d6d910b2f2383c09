"""The progress chart with one attempt (a labelled bar) and many (trend, best, last), and the
practice line "3 due now · 12 in your deck"."""

from __future__ import annotations

from datetime import timedelta

from quizapp.extensions import db
from quizapp.models import MemoryState, Question, User, utcnow
from tests.test_quiz import new_quiz
from tests.test_quiz_result import take


def test_one_attempt_is_a_labelled_bar(client, app, auth):
    quiz = new_quiz(app, questions=4)
    auth.as_new()
    take(client, quiz, 3)
    page = client.get("/progress/").get_data(as_text=True)
    assert '<rect class="bar"' in page and ">75%</text>" in page and "<circle" not in page
    assert "One attempt so far: 75%." in page


def test_many_attempts_show_the_trend_best_and_last(client, app, auth):
    quiz = new_quiz(app, questions=4)
    auth.as_new()
    for right in (1, 4, 2):
        take(client, quiz, right)
    page = client.get("/progress/").get_data(as_text=True)
    assert "<polyline" in page and page.count("<circle") == 3 and '<rect class="bar"' not in page
    assert ">Best 100%</text>" in page and ">Last 50%</text>" in page
    assert "3 attempts · best 100% · last 50%" in page


def _deck(app, due: int, later: int) -> None:
    """Practice cards for student1: `due` due now, `later` due tomorrow."""
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.username == "student1"))
        questions = db.session.scalars(db.select(Question).order_by(Question.id)).all()
        now = utcnow()
        for i, question in enumerate(questions[: due + later]):
            when = now - timedelta(minutes=5) if i < due else now + timedelta(days=1)
            db.session.add(
                MemoryState(user_id=user.id, question_id=question.id, card={}, due_at=when)
            )
        db.session.commit()


def test_practice_line_counts_due_and_deck(client, app, auth):
    new_quiz(app, questions=5)
    auth.as_new()
    page = client.get("/practice/").get_data(as_text=True)
    assert "A new fact to start your deck" in page and "due now" not in page
    _deck(app, due=3, later=1)
    assert "3 due now · 4 in your deck" in client.get("/practice/").get_data(as_text=True)


def test_practice_line_with_nothing_due_shows_a_new_fact(client, app, auth):
    new_quiz(app, questions=3)
    auth.as_new()
    _deck(app, due=0, later=1)
    assert "A new fact · 1 in your deck" in client.get("/practice/").get_data(as_text=True)
