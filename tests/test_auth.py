"""Registration, login and logout through the real forms."""

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Classroom, Enrollment, User
from tests.conftest import PASSWORD, make_user, post_form


def register(client, **fields):
    data = {"username": "ana", "password": PASSWORD, "confirm": PASSWORD, "join_code": ""}
    data.update(fields)
    return post_form(client, "/auth/register", data)


def count_users(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(User))


def test_register_logs_in_and_hashes_with_argon2id(client, app):
    response = register(client, username="Ana")
    assert response.status_code == 302
    page = client.get("/").get_data(as_text=True)
    assert "ana" in page and "Log out" in page
    with app.app_context():
        user = db.session.scalar(select(User))
        assert user.username == "ana"
        assert user.role == "student"
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"username": ""}, "This field is required."),
        ({"username": "x" * 10_000}, "The username must have 3 to 40 characters."),
        ({"username": "bad name!"}, "Use letters, digits"),
        ({"password": "short", "confirm": "short"}, "The password must have 8 to 256 characters."),
        (
            {"password": "p" * 10_000, "confirm": "p" * 10_000},
            "The password must have 8 to 256 characters.",
        ),
        ({"confirm": "something else"}, "The passwords do not match."),
        ({"join_code": "NOPE"}, "No class has this join code."),
        ({"password": "password1", "confirm": "password1"}, "too common"),
        ({"password": "Iloveyou!", "confirm": "Iloveyou!"}, "too common"),
    ],
)
def test_register_rejects_bad_input_with_a_message(client, app, fields, message):
    response = register(client, **fields)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert count_users(app) == 0


def test_duplicate_username_is_refused_case_insensitively(client, app):
    with app.app_context():
        make_user(username="ana")
    response = register(client, username="ANA")
    assert response.status_code == 400
    assert "This username is taken" in response.get_data(as_text=True)
    assert count_users(app) == 1


def test_register_with_join_code_enrolls(client, app):
    with app.app_context():
        teacher = make_user(username="teach", role="teacher")
        db.session.add(Classroom(name="7B", join_code="ABC123", teacher_id=teacher.id))
        db.session.commit()
    assert register(client, join_code="abc123").status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Enrollment)) == 1


def test_login_and_logout(client, auth):
    auth.create()
    assert auth.login().status_code == 302
    assert "Log out" in client.get("/").get_data(as_text=True)
    assert auth.logout().status_code == 302
    assert "Log in" in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("username", "password"),
    [("student1", "wrong password"), ("nobody", PASSWORD), ("", ""), ("x" * 10_000, "y" * 10_000)],
)
def test_login_failures_get_a_clear_message(client, auth, username, password):
    auth.create()
    response = auth.login(username, password)
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "Wrong username or password." in body or "This field is required." in body
    assert "Log out" not in body


def test_old_cookie_stops_working_after_logout(client, auth, app):
    auth.create()
    auth.login()
    cookie = client.get_cookie("session").value
    auth.logout()
    other = app.test_client()
    other.set_cookie("session", cookie)
    assert "Log out" not in other.get("/").get_data(as_text=True)


def test_login_clears_the_previous_session(client, auth):
    auth.create()
    with client.session_transaction() as session:
        session["planted"] = "value from before login"
    auth.login()
    with client.session_transaction() as session:
        assert "planted" not in session


def test_disabled_account_cannot_log_in(client, auth, app):
    auth.create()
    with app.app_context():
        db.session.scalar(select(User)).active = False
        db.session.commit()
    assert auth.login().status_code == 400


def test_login_redirects_only_to_local_pages(client, auth):
    auth.create()
    response = post_form(
        client,
        "/auth/login?next=https://evil.example/",
        {"username": "student1", "password": PASSWORD},
    )
    assert response.headers["Location"] == "/"


def test_post_without_csrf_token_is_refused(client, app):
    response = client.post(
        "/auth/register", data={"username": "ana", "password": PASSWORD, "confirm": PASSWORD}
    )
    assert response.status_code == 400
    assert "form expired" in response.get_data(as_text=True)
    assert count_users(app) == 0


def test_logout_is_not_a_get(client, auth):
    auth.as_new()
    assert client.get("/auth/logout").status_code == 405
    assert "Log out" in client.get("/").get_data(as_text=True)
