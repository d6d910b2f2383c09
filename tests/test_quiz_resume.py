"""Open attempts on the quiz list and the home page (Resume, time left), and "Take the quiz"
at the end of each article a visible quiz uses."""

from __future__ import annotations

import re

import pytest

from quizapp.extensions import db
from quizapp.models import Article, Quiz
from tests.test_quiz import autosave, new_quiz, start, submit


@pytest.mark.parametrize("path", ["/", "/quizzes"])
def test_an_open_attempt_offers_resume_with_time_left(client, app, auth, path):
    quiz = new_quiz(app, questions=3, time_limit_s=1200, title="Bridges")
    other = new_quiz(app, questions=2, title="Harbours")
    auth.as_new()
    page = client.get(path).get_data(as_text=True)
    assert "Resume" not in page
    attempt = start(client, quiz["slug"])
    autosave(client, attempt, quiz["questions"][0], quiz["right"][quiz["questions"][0]])
    page = client.get(path).get_data(as_text=True)
    assert f'href="/attempts/{attempt}">Resume' in page
    assert re.search(r"1 of 3 answered · <span[^>]*>(19|20) min left</span>", page)
    # The open one comes first, before newer quizzes.
    assert page.index("Bridges") < page.index("Harbours") and other
    submit(client, attempt, {})
    assert "Resume" not in client.get(path).get_data(as_text=True)


def test_without_a_time_limit_it_says_so(client, app, auth):
    quiz = new_quiz(app, questions=2)
    auth.as_new()
    start(client, quiz["slug"])
    assert "0 of 2 answered · <span>no time limit</span>" in client.get("/quizzes").get_data(
        as_text=True
    )


def test_an_article_ends_with_take_the_quiz_when_a_visible_quiz_uses_it(client, app, auth):
    quiz = new_quiz(app, questions=2, title="Bridges")
    hidden = new_quiz(app, questions=2, title="Secret", published=False)
    with app.app_context():
        article_of = {
            q.slug: q.items[0].question.article_id for q in db.session.scalars(db.select(Quiz))
        }
        lonely = Article(title="Unused", body="Nothing here.", checksum="f" * 64)
        db.session.add(lonely)
        db.session.commit()
        lonely_id = lonely.id
    article = article_of[quiz["slug"]]
    auth.as_new()
    page = client.get(f"/articles/{article}").get_data(as_text=True)
    assert f'href="/quizzes/{quiz["slug"]}">Take the quiz' in page
    assert "Take the quiz" not in client.get(f"/articles/{lonely_id}").get_data(as_text=True)
    secret = client.get(f"/articles/{article_of[hidden['slug']]}").get_data(as_text=True)
    assert "Take the quiz" not in secret
    attempt = start(client, quiz["slug"])
    page = client.get(f"/articles/{article}").get_data(as_text=True)
    assert f'href="/attempts/{attempt}">Resume the quiz' in page
