"""Instant feedback and "N per page" through the HTTP client: an answer locks once saved, its
key and sentence show only then, the running score and streak, without and with JavaScript."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.models import Quiz, QuizQuestion
from tests.conftest import post_form
from tests.factories import make_question, make_quiz
from tests.teach_support import choice_question, create_question, quiz_data
from tests.test_quiz import autosave, new_quiz, start, stored
from tests.test_quiz_paging import enabled_pages, save_page

SENTENCE = "says Ada Stone, the city"


@pytest.fixture
def instant(app, client, auth) -> dict:
    """A student with a running attempt at a 3-question instant-feedback quiz (fixed order)."""
    quiz = new_quiz(app, questions=3, shuffle=False, instant=True)
    auth.as_new()
    quiz["attempt"] = start(client, quiz["slug"])
    return quiz


def test_the_key_shows_only_once_an_answer_is_locked(client, app, instant):
    attempt, q1 = instant["attempt"], instant["questions"][0]
    page = client.get(f"/attempts/{attempt}").get_data(as_text=True)
    assert SENTENCE not in page and "The answer is" not in page and "Check answer" in page

    reply = autosave(client, attempt, q1, instant["wrong"][q1]).get_json()
    assert reply["saved"] and reply["right"] == 0 and reply["streak"] == 0
    assert "Not quite. The answer is <strong>1932</strong>" in reply["feedback"]
    assert SENTENCE in reply["feedback"] and "<mark>1932</mark>" in reply["feedback"]

    # Locked: another answer, or a blank, is refused and nothing changes.
    for value in (instant["right"][q1], ""):
        response = autosave(client, attempt, q1, value)
        assert (
            response.status_code == 423 and "can no longer change" in response.get_json()["error"]
        )
    assert stored(app, attempt)["answers"][q1] == instant["wrong"][q1]

    # The page shows the verdict of the locked question only; its options are disabled.
    page = client.get(f"/attempts/{attempt}?q=1").get_data(as_text=True)
    assert (
        page.count("The answer is") == 1
        and f'value="{instant["wrong"][q1]}" checked disabled' in page
    )


def test_running_score_and_streak(client, instant):
    attempt, (q1, q2, q3) = instant["attempt"], instant["questions"]
    autosave(client, attempt, q1, instant["wrong"][q1])
    assert autosave(client, attempt, q2, instant["right"][q2]).get_json()["streak"] == 1
    reply = autosave(client, attempt, q3, instant["right"][q3]).get_json()
    assert (reply["right"], reply["streak"]) == (2, 2) and "Right!" in reply["feedback"]
    assert "2 in a row" in reply["feedback"]
    page = client.get(f"/attempts/{attempt}").get_data(as_text=True)
    assert 'id="tally-right">2<' in page and 'id="tally-streak">2<' in page


def test_without_javascript_check_stays_on_the_question_and_shows_feedback(client, app, instant):
    attempt, q1 = instant["attempt"], instant["questions"][0]
    response = save_page(client, attempt, go="1", answers={q1: instant["right"][q1]}, shown=[q1])
    assert response.headers["Location"].endswith(f"/attempts/{attempt}?q=1")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert enabled_pages(page) == [1] and "Right!" in page and SENTENCE in page
    # A tampered form that changes the locked answer is refused with a message.
    response = save_page(client, attempt, go="2", answers={q1: instant["wrong"][q1]}, shown=[q1])
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "can no longer change" in page
    assert stored(app, attempt)["answers"][q1] == instant["right"][q1]


def test_a_quiz_without_instant_feedback_says_only_saved(client, app, auth):
    quiz = new_quiz(app, questions=2, shuffle=False)
    auth.as_new()
    attempt, q1 = start(client, quiz["slug"]), quiz["questions"][0]
    assert autosave(client, attempt, q1, quiz["wrong"][q1]).get_json() == {"saved": True}
    assert autosave(client, attempt, q1, quiz["right"][q1]).get_json() == {"saved": True}
    page = client.get(f"/attempts/{attempt}").get_data(as_text=True)
    assert "Check answer" not in page and SENTENCE not in page


def test_a_key_still_hidden_by_another_running_quiz_is_not_shown(client, app, auth):
    with app.app_context():
        shared = make_question()
        waiting = make_quiz(questions=1, feedback="after_close")
        waiting.items.append(QuizQuestion(question=shared, position=1))
        quiz = make_quiz(questions=0, instant=True)
        quiz.items.append(QuizQuestion(question=shared, position=0))
        db.session.commit()
        slug, qid = quiz.slug, shared.id
        right = next(c.id for c in shared.choices if c.is_correct)
    auth.as_new()
    attempt = start(client, slug)
    reply = autosave(client, attempt, qid, right).get_json()
    assert "feedback waits" in reply["feedback"] and "Right!" not in reply["feedback"]
    assert reply["right"] == 0
    page = client.get(f"/attempts/{attempt}").get_data(as_text=True)
    assert SENTENCE not in page and "feedback waits" in page


def test_instant_feedback_needs_answers_shown_at_once(client, app, teacher):
    question = create_question(client, choice_question())
    data = quiz_data("Exam", questions=[str(question)], feedback="after_close", instant="y")
    response = post_form(client, "/teach/quizzes/new", data)
    assert response.status_code == 400
    assert "turn instant feedback off for an exam" in response.get_data(as_text=True)
    with app.app_context():
        db.session.add(Quiz(title="x", slug="x", feedback="after_close", instant=True))
        with pytest.raises(IntegrityError):
            db.session.flush()


def test_a_new_quiz_offers_instant_feedback_on(client, teacher):
    page = client.get("/teach/quizzes/new").get_data(as_text=True)
    assert re.search(r'<input [^>]*checked id="instant" name="instant"', page)


def test_n_per_page_layout(client, app, auth):
    quiz = new_quiz(app, questions=5, shuffle=False, layout="multi", per_page=2)
    auth.as_new()
    attempt = start(client, quiz["slug"])
    q = quiz["questions"]
    page = client.get(f"/attempts/{attempt}").get_data(as_text=True)
    assert enabled_pages(page) == [1, 2] and 'data-move="next"' in page
    response = save_page(
        client, attempt, go="3", answers={q[0]: quiz["right"][q[0]]}, shown=q[:2], flags=[q[1]]
    )
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert enabled_pages(page) == [3, 4] and "1</strong> of 5 answered" in page
    assert 'name="go" value="1" data-move="prev"' in page
    # The navigator still jumps to a question: its page opens.
    assert enabled_pages(client.get(f"/attempts/{attempt}?q=5").get_data(as_text=True)) == [5]
    assert enabled_pages(client.get(f"/attempts/{attempt}?q=2").get_data(as_text=True)) == [1, 2]


@pytest.mark.parametrize("per_page", ["1", "51"])
def test_per_page_out_of_range_is_refused(client, teacher, per_page):
    question = create_question(client, choice_question())
    data = quiz_data("Multi", questions=[str(question)], layout="multi", per_page=per_page)
    response = post_form(client, "/teach/quizzes/new", data)
    assert response.status_code == 400 and "Show 2 to 50 per page." in response.get_data(
        as_text=True
    )
