"""Share links and QR codes, the pre-filled join link, and where a teacher lands after login."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Enrollment, Quiz
from tests.conftest import PASSWORD, post_form
from tests.factories import make_quiz
from tests.teach_support import create_class, create_quiz, quiz_data
from tests.test_reports_factories import make_attempt, user


def test_class_page_shows_join_link_and_qr(client, app, teacher):
    classroom_id, code = create_class(client)
    page = client.get(f"/teach/classes/{classroom_id}").get_data(as_text=True)
    link = f"http://localhost/classes/join?code={code}"
    assert f'href="{link}"' in page
    svg = page[page.index('<svg viewBox="0 0') : page.index("</svg>")]
    assert "<title>QR code: Join link for" in svg and "<path" in svg
    assert "<script" not in svg and "style=" not in svg


def test_quiz_page_shows_absolute_link_and_qr(client, app, teacher):
    quiz_id = create_quiz(client, quiz_data("Shared", mode="draw", draw_count="1"))
    with app.app_context():
        slug = db.session.get(Quiz, quiz_id).slug
    page = client.get(f"/teach/quizzes/{quiz_id}/edit").get_data(as_text=True)
    assert f'href="http://localhost/quizzes/{slug}"' in page
    assert "<title>QR code: Link to Shared</title>" in page


def test_join_link_prefills_the_code_and_join_still_needs_a_post(client, app, auth, teacher):
    classroom_id, code = create_class(client)
    auth.logout()
    auth.as_new(username="sam")
    page = client.get(f"/classes/join?code={code}").get_data(as_text=True)
    assert f'value="{code}"' in page
    with app.app_context():
        assert db.session.scalar(select(Enrollment)) is None  # GET changes nothing
    post_form(client, "/classes/join", {"code": code}, form_url=f"/classes/join?code={code}")
    with app.app_context():
        assert db.session.scalar(select(Enrollment.classroom_id)) == classroom_id


@pytest.mark.parametrize(
    ("role", "next_url", "lands"),
    [
        ("teacher", None, "/teach/"),
        ("admin", None, "/teach/"),
        ("student", None, "/"),
        ("teacher", "/teach/classes", "/teach/classes"),
        ("teacher", "https://evil.example/", "/teach/"),
    ],
)
def test_login_lands_where_the_work_is(client, auth, role, next_url, lands):
    auth.create(username="pat", role=role)
    url = "/auth/login" + (f"?next={next_url}" if next_url else "")
    response = post_form(client, url, {"username": "pat", "password": PASSWORD})
    assert response.headers["Location"] == lands


def test_gradebook_and_exports_show_names(client, app, auth):
    with app.app_context():
        lee, ada = user("mrs_lee", "teacher"), user("astone")
        ada.first_name, ada.last_name = "Ada", "Stone"
        quiz_id = make_quiz(questions=2, owner_id=lee.id).id
        make_attempt(quiz=db.session.get(Quiz, quiz_id), user=ada, picks=[0, 1])
    auth.login("mrs_lee")
    page = client.get(f"/teach/reports/quizzes/{quiz_id}").get_data(as_text=True)
    assert 'Ada Stone <span class="muted">(' in page
    rows = client.get(f"/teach/reports/export.csv?quiz={quiz_id}").get_data(as_text=True)
    assert rows.splitlines()[0].startswith("student,first name,last name,")
    assert ",Ada,Stone," in rows
