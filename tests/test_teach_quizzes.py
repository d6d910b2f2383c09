"""Building quizzes, classes with join codes, and a student taking an assigned quiz."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Assignment, Attempt, Choice, Enrollment, Quiz, QuizQuestion, utcnow
from tests.conftest import post_form, queries
from tests.teach_support import (
    choice_question,
    create_class,
    create_question,
    create_quiz,
    quiz_data,
    quiz_slug,
)
from tests.test_quiz import start, submit


def bank(client, n: int = 3, kind: str = "which_year") -> list[int]:
    """Author n published questions."""
    return [
        create_question(client, choice_question(prompt=f"Question {kind} {i}?", kind=kind))
        for i in range(n)
    ]


def test_fixed_quiz_keeps_chosen_questions_in_order_with_its_rules(client, app, teacher):
    qids = bank(client)
    data = quiz_data(
        "Bridge quiz",
        questions=[str(qids[2]), str(qids[0])],
        time_limit="15",
        max_attempts="2",
        grading="average",
        feedback="after_close",
        opens_at="2030-01-01T09:00",
        closes_at="2030-01-02T09:00",
    )
    quiz_id = create_quiz(client, data)
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        items = db.session.scalars(
            select(QuizQuestion.question_id)
            .where(QuizQuestion.quiz_id == quiz_id)
            .order_by(QuizQuestion.position)
        ).all()
        assert list(items) == [qids[0], qids[2]] or list(items) == [qids[2], qids[0]]
        assert (quiz.slug, quiz.time_limit_s, quiz.max_attempts) == ("bridge-quiz", 900, 2)
        assert quiz.opens_at == datetime(2030, 1, 1, 9, 0, tzinfo=UTC)
        assert quiz.owner_id is not None and quiz.draw_count is None
    page = client.get(f"/teach/quizzes/{quiz_id}/edit").get_data(as_text=True)
    assert 'value="2030-01-01T09:00"' in page and 'value="15"' in page


def test_slug_clash_gets_a_number(client, app, teacher):
    qid = bank(client, 1)[0]
    first = create_quiz(client, quiz_data("Bridge quiz", questions=str(qid)))
    second = create_quiz(client, quiz_data("Bridge quiz", questions=str(qid)))
    assert (quiz_slug(app, first), quiz_slug(app, second)) == ("bridge-quiz", "bridge-quiz-2")


def test_random_draw_quiz_stores_its_pool(client, app, teacher):
    bank(client, 2, kind="who_is")
    data = quiz_data("Draw", mode="draw", draw_count="2", draw_kinds=["who_is", "number"])
    quiz_id = create_quiz(client, data)
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert quiz.draw_count == 2 and sorted(quiz.draw_kinds) == ["number", "who_is"]
        assert quiz.items == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"title": ""}, "This field is required."),
        ({}, "Choose at least one question."),
        ({"mode": "draw"}, "Say how many to draw."),
        ({"mode": "draw", "draw_count": "0"}, "Draw 1 to 1000 questions."),
        ({"questions": "999999"}, "not available"),
        ({"feedback": "after_close"}, "Set a close date"),
        (
            {"opens_at": "2030-01-02T09:00", "closes_at": "2030-01-01T09:00"},
            "The close date must be after the open date.",
        ),
        ({"closes_at": "tomorrow"}, "Not a valid datetime value"),
        ({"time_limit": "0"}, "Give 1 to 10080 minutes (a week)."),
        ({"tolerance": "-2"}, "must be a whole number from 0"),
        ({"grading": "best"}, "Not a valid choice"),
    ],
    ids=[
        "no-title",
        "no-questions",
        "draw-without-count",
        "draw-zero",
        "unknown-question",
        "after-close-without-date",
        "close-before-open",
        "bad-date",
        "zero-time",
        "negative-tolerance",
        "bad-grading",
    ],
)
def test_quiz_form_validation(client, app, teacher, extra, message):
    data = quiz_data("Bad quiz")
    data.update(extra)
    response = post_form(client, "/teach/quizzes/new", data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Quiz.id)) is None


def test_student_joins_with_the_code_and_takes_the_assigned_quiz(client, app, auth, teacher):
    qids = bank(client, 2)
    classroom_id, code = create_class(client)
    quiz_id = create_quiz(
        client, quiz_data("Class quiz", questions=[str(q) for q in qids], classes=str(classroom_id))
    )
    with app.app_context():
        assert db.session.scalar(select(Assignment.classroom_id)) == classroom_id
    slug = quiz_slug(app, quiz_id)
    auth.logout()
    auth.as_new(username="sam")
    assert "Class quiz" not in client.get("/quizzes").get_data(as_text=True)
    response = post_form(client, "/classes/join", {"code": f"  {code.lower()} "})
    assert response.status_code == 302
    assert "You joined Year 9 History" in client.get("/quizzes").get_data(as_text=True)
    again = post_form(client, "/classes/join", {"code": code})
    assert "You are already in this class" in client.get(again.headers["Location"]).get_data(True)
    attempt = start(client, slug)
    with app.app_context():
        right = dict(
            db.session.execute(
                select(Choice.question_id, Choice.id).where(
                    Choice.question_id.in_(qids), Choice.is_correct
                )
            ).all()
        )
    submit(client, attempt, right)
    assert "Your score: 2 / 2" in client.get(f"/attempts/{attempt}/result").get_data(True)
    auth.logout()
    auth.login("tina")
    roster = client.get(f"/teach/classes/{classroom_id}").get_data(as_text=True)
    assert "sam" in roster and '<td data-label="Attempts">1</td>' in roster
    dashboard = client.get("/teach/").get_data(as_text=True)
    assert "sam" in dashboard and "2 / 2" in dashboard and "1 student," in dashboard


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("ZZZZZZZ", "No class has this join code"),
        ("ab-cd", "only letters and digits"),
        ("", "required"),
    ],
    ids=["unknown", "bad-characters", "empty"],
)
def test_joining_with_a_bad_code_explains(client, auth, code, message):
    auth.as_new(username="sam")
    response = post_form(client, "/classes/join", {"code": code})
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_join_codes_are_unambiguous_and_unique(client, app, teacher):
    codes = [create_class(client, f"Class {n}")[1] for n in range(5)]
    assert len(set(codes)) == 5
    for code in codes:
        assert 6 <= len(code) <= 8 and not set(code) & set("01OIL")


def test_teacher_removes_a_student_and_deletes_a_class(client, app, auth, teacher):
    classroom_id, code = create_class(client)
    auth.logout()
    auth.as_new(username="sam")
    post_form(client, "/classes/join", {"code": code})
    auth.logout()
    auth.login("tina")
    page = f"/teach/classes/{classroom_id}"
    with app.app_context():
        student = db.session.scalar(select(Enrollment.user_id))
    response = post_form(
        client, f"/teach/classes/{classroom_id}/students/{student}/remove", {}, form_url=page
    )
    assert "sam was removed" in client.get(response.headers["Location"]).get_data(True)
    with app.app_context():
        assert db.session.scalar(select(Enrollment.user_id)) is None
    unconfirmed = post_form(client, f"/teach/classes/{classroom_id}/delete", {}, form_url=page)
    assert "Tick the confirmation box" in client.get(unconfirmed.headers["Location"]).get_data(True)
    assert client.get(page).status_code == 200
    post_form(client, f"/teach/classes/{classroom_id}/delete", {"confirm": "y"}, form_url=page)
    assert client.get(page).status_code == 404


def count_queries(app, client, url: str) -> int:
    """How many SQL statements one GET runs."""
    with queries(app) as seen:
        assert client.get(url).status_code == 200
    return len(seen)


def test_roster_and_dashboard_run_a_bounded_number_of_queries(client, app, auth, teacher):
    classroom_id, code = create_class(client)
    pages = (f"/teach/classes/{classroom_id}", "/teach/")
    counts = []
    for students in (1, 4):
        for n in range(len(counts) and 3 or 1):
            auth.logout()
            auth.as_new(username=f"s{students}-{n}")
            post_form(client, "/classes/join", {"code": code})
        auth.logout()
        auth.login("tina")
        counts.append([count_queries(app, client, url) for url in pages])
    assert counts[0] == counts[1]


def running_attempt(client, app, auth, title: str) -> tuple[int, int, int]:
    """Tina's public one-question quiz and sam's running attempt; tina is logged in again."""
    question = create_question(client, choice_question(prompt=f"{title}?"))
    quiz_id = create_quiz(client, quiz_data(title, questions=str(question), public="y"))
    slug = quiz_slug(app, quiz_id)
    auth.logout()
    auth.as_new(username="sam")
    attempt_id = start(client, slug)
    auth.logout()
    auth.login("tina")
    return question, quiz_id, attempt_id


def close_at(client, quiz_id: int, question: int, title: str, when):
    """Save the quiz with a new close date."""
    data = quiz_data(
        title, questions=str(question), public="y", closes_at=when.strftime("%Y-%m-%dT%H:%M")
    )
    return post_form(client, f"/teach/quizzes/{quiz_id}/edit", data)


def test_moving_the_close_date_earlier_ends_running_attempts(client, app, auth, teacher):
    question, quiz_id, attempt_id = running_attempt(client, app, auth, "Closing quiz")
    response = close_at(client, quiz_id, question, "Closing quiz", utcnow() + timedelta(minutes=1))
    assert response.status_code == 302
    assert "1 running attempt(s) now end" in client.get(response.headers["Location"]).get_data(
        as_text=True
    )
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.deadline_at is not None
        assert attempt.deadline_at <= utcnow() + timedelta(minutes=1)


def test_a_close_date_before_an_attempts_start_closes_it_cleanly(client, app, auth, teacher):
    question, quiz_id, attempt_id = running_attempt(client, app, auth, "Past quiz")
    past = utcnow() - timedelta(minutes=5)
    assert close_at(client, quiz_id, question, "Past quiz", past).status_code == 302
    assert client.get(f"/teach/reports/quizzes/{quiz_id}").status_code == 200
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.submitted_at is not None and attempt.submitted_at >= attempt.started_at
