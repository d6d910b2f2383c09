"""Weak passwords: zxcvbn's score, at least 2 for students and 3 for teachers and admins."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import User
from tests.conftest import PASSWORD, post_form

STUDENT_OK = "wolfcub88"  # zxcvbn score 2: enough for a student, not for a teacher
WEAK = ["aaaaaaaa", "abcdefgh", "12345678", "qwertyuiop", "harbour1932"]


def users(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(User))


def register(client, password: str, username: str = "ana"):
    data = {"username": username, "password": password, "confirm": password, "join_code": ""}
    return post_form(client, "/auth/register", data)


@pytest.mark.parametrize("password", WEAK)
def test_weak_passwords_finding_registration_refuses_them(client, app, password):
    """Passwords like aaaaaaaa or abcdefgh were accepted: now refused with zxcvbn's advice."""
    response = register(client, password)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "too easy to guess" in page or "too common" in page
    assert users(app) == 0


@pytest.mark.parametrize(
    ("password", "advice"),
    [("aaaaaaaa", "Repeats like &#34;aaa&#34; are easy to guess"), ("abcdefgh", "Avoid sequences")],
)
def test_the_form_shows_zxcvbns_feedback(client, password, advice):
    assert advice in register(client, password).get_data(as_text=True)


def test_the_username_itself_counts_as_guessable(client, app):
    assert register(client, "margaretlee1", username="margaretlee").status_code == 400
    assert users(app) == 0


def test_a_student_needs_score_two(client, app):
    assert register(client, STUDENT_OK).status_code == 302
    assert users(app) == 1


def test_a_teacher_needs_score_three(client, app, auth):
    auth.as_new(username="ada", role="admin")
    data = {"username": "terry", "password": STUDENT_OK, "confirm": STUDENT_OK}
    response = post_form(client, "/teach/admin/teachers", data)
    assert response.status_code == 400
    assert "too easy to guess" in response.get_data(as_text=True)
    data = {"username": "terry", "password": PASSWORD, "confirm": PASSWORD}
    assert post_form(client, "/teach/admin/teachers", data).status_code == 302


@pytest.mark.parametrize(
    ("role", "password"),
    [("student", "abcdefgh"), ("teacher", STUDENT_OK), ("admin", STUDENT_OK)],
)
def test_create_user_refuses_weak_passwords_with_the_message(runner, app, role, password):
    result = runner.invoke(
        args=["create-user", "lee", "--role", role, "--password-stdin"], input=password + "\n"
    )
    assert result.exit_code == 1
    assert "too easy to guess" in result.output
    assert users(app) == 0


def test_create_user_accepts_a_score_two_student(runner, app):
    result = runner.invoke(args=["create-user", "lee", "--password-stdin"], input=STUDENT_OK + "\n")
    assert result.exit_code == 0, result.output


def test_a_long_password_is_judged_without_error(client, app):
    """zxcvbn refuses input over 72 characters; a strong 200-character password still works."""
    long_password = "correct horse battery staple " * 7
    assert register(client, long_password).status_code == 302
