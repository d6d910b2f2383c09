"""What a student sees follows the teacher's manual marks and regrades: the result page, its
summary, the "only the ones I got wrong" filter, the progress page and practice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Question, Quiz, Response, utcnow
from quizapp.states import Feedback
from tests.conftest import make_user, post_form
from tests.test_quiz import new_quiz, start, submit
from tests.test_regrade import edit_data

NOTE_HALF = "Half a mark: the year is close enough"
NOTE_RIGHT = "Counted: the question was ambiguous"


@pytest.fixture
def marked(app, client, auth) -> dict:
    """Mr Kay's 4-question quiz: the student got Q1 right and Q2–Q4 wrong; then Mr Kay marked
    Q2 right and Q3 half right, each with a note, and left Q4 wrong."""
    with app.app_context():
        kay = make_user(username="mr_kay", role="teacher")
        owner = kay.id
    facts = new_quiz(app, questions=4, shuffle=False, owner_id=owner)
    with app.app_context():
        for question in db.session.scalars(select(Question)):
            question.author_id = owner
        db.session.commit()
        facts["prompts"] = [db.session.get(Question, q).prompt for q in facts["questions"]]
    auth.as_new(username="sam")
    attempt = start(client, facts["slug"])
    q1, *rest = facts["questions"]
    submit(client, attempt, {q1: facts["right"][q1]} | {q: facts["wrong"][q] for q in rest})
    auth.logout()
    with app.app_context():
        ids = dict(
            db.session.execute(
                select(Response.question_id, Response.id).where(Response.attempt_id == attempt)
            ).all()
        )
    auth.login("mr_kay")
    page_url = f"/teach/reports/attempts/{attempt}"
    for question, mark, note in [(rest[0], "1", NOTE_RIGHT), (rest[1], "0.5", NOTE_HALF)]:
        url = f"/teach/responses/{ids[question]}/mark"
        sent = post_form(client, url, {"mark": mark, "note": note}, form_url=page_url)
        assert sent.status_code == 302, sent.get_data(as_text=True)
    auth.logout()
    auth.login("sam")
    return facts | {"attempt": attempt}


def items(page: str) -> list[str]:
    """The result page's question cards, in order."""
    return page.split('<li class="card result-item')[1:]


def test_the_result_page_shows_the_teachers_marks_and_notes(client, marked):
    page = client.get(f"/attempts/{marked['attempt']}/result").get_data(as_text=True)
    assert "Your score: 2.5 / 4" in page and 'stroke-dasharray="62.5 100"' in page
    first, second, third, fourth = items(page)
    assert " is-right" in first and "✓ right" in first and NOTE_RIGHT not in first
    assert " is-right" in second and "✓ right" in second and "Right answer:" not in second
    assert NOTE_RIGHT in second and "marked by your teacher: 1 of 1" in second
    assert " is-partly" in third and "◐ partly right" in third and "✗" not in third
    assert NOTE_HALF in third and "marked by your teacher: 0.5 of 1" in third
    assert " is-wrong" in fourth and "✗ wrong" in fourth and "teacher" not in fourth
    # The breakdown by kind counts the marks as given.
    assert '<span class="kind-score">2.5 / 4</span>' in page


def test_only_wrong_leaves_out_what_the_teacher_marked_right(client, marked):
    page = client.get(f"/attempts/{marked['attempt']}/result").get_data(as_text=True)
    assert "Only the ones I got wrong (2)" in page
    wrong = client.get(f"/attempts/{marked['attempt']}/result?only=wrong").get_data(as_text=True)
    shown = items(wrong)
    assert len(shown) == 2 and "◐ partly right" in shown[0] and "✗ wrong" in shown[1]
    assert marked["prompts"][1] not in wrong


def test_progress_and_practice_follow_the_marks(client, marked):
    page = client.get("/progress/").get_data(as_text=True)
    assert "<td>2.5 / 4</td>" in page
    missed = page.split('id="missed-heading"')[1]
    assert marked["prompts"][1] not in missed
    assert marked["prompts"][2] in missed and marked["prompts"][3] in missed
    # Practice starts with what was missed; the question marked right is not among it.
    assert marked["prompts"][2] in client.get("/practice/").get_data(as_text=True)


def test_a_regrade_shows_on_the_result_page(client, app, auth, marked):
    fourth = marked["questions"][3]
    auth.logout()
    auth.login("mr_kay")
    # The key now says the choice Sam picked was right.
    with app.app_context():
        question = db.session.get(Question, fourth)
        picked = next(i for i, c in enumerate(question.choices) if c.id == marked["wrong"][fourth])
    data = edit_data(app, fourth, correct=str(picked), confirm_regrade="1")
    assert post_form(client, f"/teach/questions/{fourth}/edit", data).status_code == 302
    auth.logout()
    auth.login("sam")
    page = client.get(f"/attempts/{marked['attempt']}/result").get_data(as_text=True)
    assert "Your score: 3.5 / 4" in page and "Only the ones I got wrong (1)" in page
    assert " is-right" in items(page)[3]


def test_no_verdict_or_note_leaks_while_answers_wait(client, app, marked):
    """A quiz that shows answers after it closes hides the teacher's verdicts and notes too."""
    with app.app_context():
        quiz = db.session.get(Quiz, marked["id"])
        quiz.instant = False
        quiz.feedback = Feedback.AFTER_CLOSE
        quiz.closes_at = utcnow() + timedelta(days=1)
        db.session.commit()
    page = client.get(f"/attempts/{marked['attempt']}/result").get_data(as_text=True)
    assert "Your score: 2.5 / 4" in page
    assert NOTE_HALF not in page and "partly right" not in page and NOTE_RIGHT not in page
