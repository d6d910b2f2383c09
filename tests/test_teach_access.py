"""Who may open the teaching pages, and admins managing teacher accounts."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import User
from tests.conftest import PASSWORD, post_form
from tests.teach_support import (
    article_id,
    choice_question,
    create_class,
    create_question,
    create_quiz,
    import_article,
    quiz_data,
)

STATIC_PAGES = [
    "/teach/",
    "/teach/articles/import",
    "/teach/questions",
    "/teach/questions/new",
    "/teach/quizzes",
    "/teach/quizzes/new",
    "/teach/classes",
    "/teach/admin/teachers",
]


def teacher_world(client, app, auth) -> dict[str, str]:
    """Tina's article, question, quiz and class; returns the pages that are hers alone."""
    auth.as_new(username="tina", role="teacher")
    import_article(client)
    art = article_id(app, "Bridge reopens")
    draft = create_question(client, choice_question(status="draft"))
    quiz = create_quiz(
        client,
        quiz_data(
            "Tina quiz",
            questions=str(create_question(client, choice_question(prompt="Published one?"))),
        ),
    )
    classroom, _ = create_class(client)
    auth.logout()
    return {
        "review": f"/teach/articles/{art}/review",
        "question": f"/teach/questions/{draft}/edit",
        "preview": f"/teach/questions/{draft}/preview",
        "quiz": f"/teach/quizzes/{quiz}/edit",
        "class": f"/teach/classes/{classroom}",
    }


def test_students_get_403_on_every_teacher_page(client, app, auth):
    pages = teacher_world(client, app, auth)
    auth.as_new(username="sam")
    for url in [*STATIC_PAGES, *pages.values()]:
        assert client.get(url).status_code == 403, url
    page = client.get("/").get_data(as_text=True)
    assert "/teach/" not in page and "/classes/join" in page


def test_anonymous_visitors_are_sent_to_log_in(client, app, auth):
    pages = teacher_world(client, app, auth)
    for url in [*STATIC_PAGES, *pages.values()]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/auth/login" in response.headers["Location"], url
    assert "/auth/login" in client.get("/classes/join").headers["Location"]


def test_another_teacher_gets_404_on_what_is_not_theirs(client, app, auth):
    pages = teacher_world(client, app, auth)
    auth.as_new(username="otto", role="teacher")
    for url in pages.values():
        assert client.get(url).status_code == 404, url
    assert client.get("/teach/admin/teachers").status_code == 403
    assert "Tina quiz" not in client.get("/teach/quizzes").get_data(as_text=True)
    assert "Year 9 History" not in client.get("/teach/classes").get_data(as_text=True)


def test_another_teacher_cannot_post_to_what_is_not_theirs(client, app, auth):
    pages = teacher_world(client, app, auth)
    auth.as_new(username="otto", role="teacher")
    classroom = pages["class"]
    for url in (f"{classroom}/delete", pages["question"].replace("/edit", "/delete")):
        response = post_form(client, url, {"confirm": "y"}, form_url="/teach/")
        assert response.status_code == 404, url


def test_admin_sees_everything(client, app, auth):
    pages = teacher_world(client, app, auth)
    auth.as_new(username="ada", role="admin")
    for url in [*STATIC_PAGES, *pages.values()]:
        assert client.get(url).status_code == 200, url


def test_teacher_sees_the_teach_link(client, auth):
    auth.as_new(username="tina", role="teacher")
    assert 'href="/teach/"' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"username": "ab", "password": PASSWORD, "confirm": PASSWORD}, "3 to 40 characters"),
        ({"username": "bad name", "password": PASSWORD, "confirm": PASSWORD}, "letters, digits"),
        ({"username": "terry", "password": "short", "confirm": "short"}, "8 to 256 characters"),
        ({"username": "terry", "password": PASSWORD, "confirm": "other pw!"}, "do not match"),
        ({"username": "ADA", "password": PASSWORD, "confirm": PASSWORD}, "taken"),
    ],
    ids=["short-name", "bad-name", "short-password", "mismatch", "taken"],
)
def test_admin_teacher_form_validation(client, auth, data, message):
    auth.as_new(username="ada", role="admin")
    response = post_form(client, "/teach/admin/teachers", data)
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_admin_creates_and_disables_a_teacher(client, app, auth):
    auth.as_new(username="ada", role="admin")
    data = {"username": "Terry", "password": PASSWORD, "confirm": PASSWORD}
    response = post_form(client, "/teach/admin/teachers", data)
    assert "Teacher account terry created" in client.get(response.headers["Location"]).get_data(
        True
    )
    terry = app.test_client()
    post_form(terry, "/auth/login", {"username": "terry", "password": PASSWORD})
    assert terry.get("/teach/").status_code == 200
    with app.app_context():
        terry_id = db.session.scalar(select(User.id).where(User.username == "terry"))
    response = post_form(
        client,
        f"/teach/admin/users/{terry_id}/active",
        {"active": "0"},
        form_url="/teach/admin/teachers",
    )
    assert "disabled" in client.get(response.headers["Location"]).get_data(True)
    assert "/auth/login" in terry.get("/teach/").headers["Location"]  # the session ended
    login = post_form(terry, "/auth/login", {"username": "terry", "password": PASSWORD})
    assert login.status_code == 400
    post_form(
        client,
        f"/teach/admin/users/{terry_id}/active",
        {"active": "1"},
        form_url="/teach/admin/teachers",
    )
    login = post_form(terry, "/auth/login", {"username": "terry", "password": PASSWORD})
    assert login.status_code == 302


def test_teachers_cannot_manage_accounts(client, app, auth):
    auth.as_new(username="tina", role="teacher")
    with app.app_context():
        own = db.session.scalar(select(User.id))
    response = post_form(
        client, f"/teach/admin/users/{own}/active", {"active": "0"}, form_url="/teach/"
    )
    assert response.status_code == 403
