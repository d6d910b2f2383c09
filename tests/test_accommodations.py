"""Accommodations (per-student overrides): extra time and attempts, applied by the server."""

from __future__ import annotations

import re
from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Assignment, Attempt, Classroom, Quiz, QuizOverride, User
from tests.conftest import post_form
from tests.factories import make_quiz
from tests.teach_support import create_class, create_quiz, quiz_data

QUIZ_PAGE = "/teach/quizzes/{}/accommodations"


@pytest.fixture
def setting(app, client, auth, teacher):
    """tina's quiz (30 minutes, one attempt) assigned to her class, which sam joined."""
    classroom_id, code = create_class(client)
    with app.app_context():
        pool = make_quiz(questions=2, public=False)
        question_ids = [item.question_id for item in pool.items]
    data = quiz_data("Timed", time_limit="30", max_attempts="1", classes=str(classroom_id))
    data["questions"] = [str(q) for q in question_ids]
    quiz_id = create_quiz(client, data)
    auth.logout()
    auth.as_new(username="sam")
    post_form(client, "/classes/join", {"code": code})
    auth.logout()
    auth.login("tina")
    with app.app_context():
        sam = db.session.scalar(select(User.id).where(User.username == "sam"))
    return {"quiz": quiz_id, "sam": sam}


def start(client, app, quiz_id: int):
    """Start an attempt as the logged-in student: the newest attempt row and the response."""
    with app.app_context():
        slug = db.session.get(Quiz, quiz_id).slug
    response = post_form(client, f"/quizzes/{slug}/start", {}, form_url=f"/quizzes/{slug}")
    with app.app_context():
        return (
            db.session.scalars(select(Attempt).order_by(Attempt.id.desc())).first(),
            response,
        )


@pytest.mark.parametrize(
    ("pct", "minutes", "expected"),
    [("", "", 30), ("50", "", 45), ("", "10", 40), ("50", "10", 55)],
)
def test_extra_time_stretches_the_deadline(client, app, auth, setting, pct, minutes, expected):
    url = QUIZ_PAGE.format(setting["quiz"])
    if pct or minutes:
        data = {"user_id": setting["sam"], "extra_time_pct": pct, "extra_time_min": minutes}
        assert post_form(client, url, {**data, "extra_attempts": "0"}).status_code == 302
    auth.logout()
    auth.login("sam")
    attempt, _ = start(client, app, setting["quiz"])
    assert attempt.deadline_at - attempt.started_at == timedelta(minutes=expected)


def test_extra_attempts_raise_the_limit(client, app, auth, setting):
    url = QUIZ_PAGE.format(setting["quiz"])
    post_form(client, url, {"user_id": setting["sam"], "extra_attempts": "1"})
    page = client.get(url).get_data(as_text=True)
    assert "sam" in page and "2 attempts" in page
    auth.logout()
    auth.login("sam")
    for number in (1, 2):
        attempt, _ = start(client, app, setting["quiz"])
        assert attempt.number == number
        with app.app_context():
            row = db.session.get(Attempt, attempt.id)
            row.submitted_at = row.started_at
            row.score = 0
            db.session.commit()
    _, refused = start(client, app, setting["quiz"])
    with app.app_context():
        assert db.session.scalar(select(Attempt.number).order_by(Attempt.id.desc())) == 2
    assert refused.status_code in (302, 403)


def test_without_override_the_limit_holds(client, app, auth, setting):
    auth.logout()
    auth.login("sam")
    attempt, _ = start(client, app, setting["quiz"])
    with app.app_context():
        row = db.session.get(Attempt, attempt.id)
        row.submitted_at, row.score = row.started_at, 0
        db.session.commit()
    start(client, app, setting["quiz"])
    with app.app_context():
        assert db.session.scalar(select(Attempt.number).order_by(Attempt.id.desc())) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"extra_attempts": "0"}, "Give extra time, extra attempts or both."),
        ({"extra_time_pct": "-5"}, "Give 1 to 500 percent."),
        ({"extra_attempts": "x"}, "Not a valid integer value."),
    ],
)
def test_bad_accommodations_are_refused(client, app, setting, data, message):
    url = QUIZ_PAGE.format(setting["quiz"])
    response = post_form(client, url, {"user_id": setting["sam"], **data})
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(QuizOverride)) is None


def test_removing_an_accommodation_and_other_teachers(client, app, auth, setting):
    url = QUIZ_PAGE.format(setting["quiz"])
    post_form(client, url, {"user_id": setting["sam"], "extra_attempts": "2"})
    remove = f"/teach/quizzes/{setting['quiz']}/accommodations/{setting['sam']}/remove"
    post_form(client, remove, {}, form_url=url)
    with app.app_context():
        assert db.session.scalar(select(QuizOverride)) is None
    auth.logout()
    auth.as_new(username="other", role="teacher")
    assert client.get(url).status_code == 404


def test_resume_and_attempts_left_count_the_accommodation(client, app, auth, setting):
    url = QUIZ_PAGE.format(setting["quiz"])
    data = {"user_id": setting["sam"], "extra_time_min": "30", "extra_attempts": "1"}
    assert post_form(client, url, data).status_code == 302
    auth.logout()
    auth.login("sam")
    with app.app_context():
        db.session.get(User, setting["sam"]).timezone = "Asia/Kolkata"  # UTC+05:30
        db.session.commit()
    attempt, _ = start(client, app, setting["quiz"])
    page = client.get("/quizzes").get_data(as_text=True)
    # 30 minutes of the quiz and 30 more for sam; the deadline in his own zone.
    assert re.search(r"<span[^>]*>(59 min|1 h 00 min) left</span>", page)
    local = attempt.deadline_at.replace(tzinfo=UTC).astimezone(ZoneInfo("Asia/Kolkata"))
    assert re.search(rf"\(until <time datetime=\"[^\"]+\" [^>]*>{local:%H:%M} IST</time>\)", page)
    assert re.search(r"<dt>Attempts left</dt><dd>1</dd>", page)


def test_a_student_sees_their_own_time_limit_and_attempts(client, app, auth, setting):
    url = QUIZ_PAGE.format(setting["quiz"])
    data = {"user_id": setting["sam"], "extra_time_pct": "50", "extra_attempts": "2"}
    assert post_form(client, url, data).status_code == 302
    with app.app_context():
        slug = db.session.get(Quiz, setting["quiz"]).slug
    auth.logout()
    auth.login("sam")
    facts = r"<dt>Time limit</dt><dd>45 min <span class=\"muted\">\(with your extra time\)</span>"
    for page_url in ["/quizzes", "/"]:
        page = client.get(page_url).get_data(as_text=True)
        assert re.search(facts, page), page_url
        assert re.search(r"<dt>Attempts left</dt><dd>3</dd>", page), page_url
    page = client.get(f"/quizzes/{slug}").get_data(as_text=True)
    assert re.search(facts, page) and "<dt>Attempts left</dt><dd>3</dd>" in page
    assert re.search(r"<dt>Attempts allowed</dt><dd>3 <span[^>]*>\(with your extra attempts", page)
    # After one attempt, two are left: the quiz's one is used, the extra ones stay.
    start(client, app, setting["quiz"])
    assert "<dt>Attempts left</dt><dd>2</dd>" in client.get("/quizzes").get_data(as_text=True)
    # A classmate without an accommodation sees the quiz's own limits.
    with app.app_context():
        join = db.session.scalar(
            select(Classroom.join_code)
            .join(Assignment, Assignment.classroom_id == Classroom.id)
            .where(Assignment.quiz_id == setting["quiz"])
        )
    auth.logout()
    auth.as_new(username="kim")
    post_form(client, "/classes/join", {"code": join})
    page = client.get(f"/quizzes/{slug}").get_data(as_text=True)
    assert "<dt>Time limit</dt><dd>30 min</dd>" in page and "extra" not in page
    assert "<dt>Attempts allowed</dt><dd>1</dd>" in page
