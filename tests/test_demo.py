"""`setup` says what to do next; `demo` fills a development install with a class to look at."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Attempt, Classroom, Enrollment, Quiz, User
from tests.conftest import post_form


def test_setup_ends_with_next_steps(fresh_app):
    result = fresh_app.test_cli_runner().invoke(args=["setup"])
    assert result.exit_code == 0, result.output
    steps = result.output[result.output.index("Next steps:") :]
    assert "flask --app quizapp create-user YOUR_NAME --role teacher" in steps
    assert "http://127.0.0.1:5000/" in steps and "demo" in steps


@pytest.fixture
def demo(fresh_app):
    """The demo made on a set-up database: the app and the command's output."""
    runner = fresh_app.test_cli_runner()
    assert runner.invoke(args=["setup"]).exit_code == 0
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    return fresh_app, result.output


def password_in(output: str) -> str:
    return re.search(r"with the password: (\S+)", output).group(1)


def test_demo_makes_a_class_with_attempts_the_teacher_can_see(demo):
    app, output = demo
    with app.app_context():
        teacher = db.session.scalar(select(User).where(User.username == "demo-teacher"))
        classroom = db.session.scalar(select(Classroom).where(Classroom.teacher_id == teacher.id))
        members = db.session.scalar(
            select(func.count()).select_from(Enrollment).filter_by(classroom_id=classroom.id)
        )
        quiz = db.session.scalar(select(Quiz).where(Quiz.owner_id == teacher.id))
        scores = list(db.session.scalars(select(Attempt.score).where(Attempt.quiz_id == quiz.id)))
        named = db.session.scalar(
            select(func.count()).select_from(User).where(User.last_name.is_not(None))
        )
    assert members == 25 and named >= 25
    assert len(scores) >= 20 and len(set(scores)) >= 5  # a spread, not one score for everyone
    client = app.test_client()
    login = {"username": "demo-teacher", "password": password_in(output)}
    assert post_form(client, "/auth/login", login).headers["Location"] == "/teach/"
    gradebook = client.get(f"/teach/reports/quizzes/{quiz.id}").get_data(as_text=True)
    assert gradebook.count("Attempt 1") >= 20
    items = client.get(f"/teach/reports/quizzes/{quiz.id}/items")
    assert items.status_code == 200
    export = client.get(f"/teach/reports/export.csv?quiz={quiz.id}").get_data(as_text=True)
    assert len(export.splitlines()) == len(scores) + 1


def test_a_second_demo_only_resets_the_password(demo):
    app, output = demo
    with app.app_context():
        before = db.session.scalar(select(func.count()).select_from(User))
    again = app.test_cli_runner().invoke(args=["demo"])
    assert again.exit_code == 0 and "exists already" in again.output
    assert password_in(again.output) != password_in(output)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == before


def test_demo_refuses_outside_debug_without_yes(fresh_app):
    runner = fresh_app.test_cli_runner()
    runner.invoke(args=["setup"])
    fresh_app.testing = False
    refused = runner.invoke(args=["demo"])
    assert refused.exit_code != 0 and "only runs in debug mode" in refused.output
    with fresh_app.app_context():
        assert db.session.scalar(select(User)) is None
    assert runner.invoke(args=["demo", "--yes"]).exit_code == 0
