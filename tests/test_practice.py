"""Spaced practice with FSRS, and the progress page's practice outlook."""

from datetime import timedelta

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import MemoryState, Question, utcnow
from tests.conftest import post_form
from tests.factories import make_question
from tests.test_quiz import new_quiz, start, submit


def questions(app, n: int = 2) -> list[dict]:
    with app.app_context():
        made = [make_question() for _ in range(n)]
        db.session.commit()
        return [
            {
                "id": q.id,
                "prompt": q.prompt,
                "right": next(c.id for c in q.choices if c.is_correct),
                "wrong": next(c.id for c in q.choices if not c.is_correct),
            }
            for q in made
        ]


def answer(client, question: dict, choice: int):
    return post_form(
        client, f"/practice/{question['id']}", {"choice": choice}, form_url="/practice/"
    )


def test_practice_serves_new_questions_then_schedules_them(client, app, auth):
    first, second = questions(app)
    auth.as_new()
    page = client.get("/practice/").get_data(as_text=True)
    assert first["prompt"] in page and "correct" not in page.lower()
    response = answer(client, first, first["right"])
    assert response.headers["Location"].endswith(f"/practice/{first['id']}/feedback")
    feedback = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "✓ right" in feedback and "Next review of this fact" in feedback
    assert "<mark>1932</mark>" in feedback
    assert second["prompt"] in client.get("/practice/").get_data(as_text=True)
    with app.app_context():
        state = db.session.get(MemoryState, (1, first["id"]))
        assert state.due_at > utcnow() and state.reviews == 1 and state.last_correct


def test_due_questions_come_before_new_ones(client, app, auth):
    first, second = questions(app)
    auth.as_new()
    answer(client, first, first["wrong"])
    answer(client, second, second["right"])
    with app.app_context():
        state = db.session.get(MemoryState, (1, first["id"]))
        assert state.lapses == 1
        state.due_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    page = client.get("/practice/").get_data(as_text=True)
    assert first["prompt"] in page and "1 due now" in page


def test_all_caught_up_says_when_the_next_review_is_due(client, app, auth):
    (only,) = questions(app, 1)
    auth.as_new()
    answer(client, only, only["right"])
    page = client.get("/practice/").get_data(as_text=True)
    assert "All caught up" in page and "next review is due" in page
    progress = client.get("/progress/").get_data(as_text=True)
    assert "the next review is due" in progress


def test_practice_refuses_a_choice_of_another_question(client, app, auth):
    first, second = questions(app)
    auth.as_new()
    response = answer(client, first, second["right"])
    assert response.status_code == 302
    assert "Choose one of the options" in client.get(response.headers["Location"]).get_data(
        as_text=True
    )
    with app.app_context():
        assert db.session.scalars(select(MemoryState)).all() == []


def test_feedback_of_an_unpractised_question_is_404(client, app, auth):
    (only,) = questions(app, 1)
    auth.as_new()
    assert client.get(f"/practice/{only['id']}/feedback").status_code == 404


def test_practice_needs_login(client):
    response = client.get("/practice/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_questions_missed_in_quizzes_are_practised_first(client, app, auth):
    quiz = new_quiz(app, questions=3)
    auth.as_new()
    attempt_id = start(client, quiz["slug"])
    q1, q2, q3 = quiz["questions"]
    submit(
        client, attempt_id, {q1: quiz["right"][q1], q2: quiz["right"][q2], q3: quiz["wrong"][q3]}
    )
    with app.app_context():
        prompt = db.session.get(Question, q3).prompt
    assert prompt in client.get("/practice/").get_data(as_text=True)


def test_typed_answer_questions_are_not_served_for_practice(client, app, auth):
    with app.app_context():
        make_question(fmt="text", prompt="Who opened the bridge? (typed)")
        db.session.commit()
    (choice,) = questions(app, 1)
    auth.as_new()
    page = client.get("/practice/").get_data(as_text=True)
    assert "(typed)" not in page and choice["prompt"] in page


def test_questions_of_a_quiz_with_feedback_after_closing_stay_out_of_practice(client, app, auth):
    closes = utcnow() + timedelta(days=1)
    quiz = new_quiz(app, questions=1, feedback="after_close", closes_at=closes)
    secret = quiz["questions"][0]
    auth.as_new()
    assert "All caught up" in client.get("/practice/").get_data(as_text=True)
    response = post_form(
        client, f"/practice/{secret}", {"choice": quiz["right"][secret]}, form_url="/practice/"
    )
    assert response.status_code == 404
    with app.app_context():
        assert db.session.scalars(select(MemoryState)).all() == []


def test_feedback_quotes_the_sentence_once(client, app, auth):
    """An explanation that quotes the source sentence is not shown beside the sentence."""
    (only,) = questions(app, 1)
    with app.app_context():
        question = db.session.get(Question, only["id"])
        sentence = question.source_sentence
        question.explanation = f"The article says: “{sentence}”"
        db.session.commit()
    auth.as_new()
    response = answer(client, only, only["wrong"])
    feedback = client.get(response.headers["Location"]).get_data(as_text=True)
    words = sentence.split(",")[0].replace("1932", "<mark>1932</mark>")
    assert feedback.count(words) == 1 and "The article says:" not in feedback
    assert "✗ wrong" in feedback and "Right answer: <strong>1932</strong>" in feedback
    assert "Read it in “" in feedback
