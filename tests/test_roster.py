"""Roster import: names, invitations, per-line problems, and nothing half-imported."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Enrollment, Invitation, User
from tests.conftest import PASSWORD, post_form
from tests.teach_support import create_class

GOOD = 'name,username\nPriya Natarajan,priya\n"Stone, Ada",ada.stone\nBo,bo_li\n'


def roster_url(classroom_id: int) -> str:
    return f"/teach/classes/{classroom_id}/roster"


def upload(client, classroom_id: int, text: str, **kw):
    """Send a roster as a CSV file."""
    url = roster_url(classroom_id)
    data = {"upload": (io.BytesIO(text.encode("utf-8-sig")), "class.csv")}
    return post_form(client, url, data, content_type="multipart/form-data", **kw)


def counts(app) -> tuple[int, int]:
    with app.app_context():
        users = db.session.scalar(select(func.count()).select_from(User))
        members = db.session.scalar(select(func.count()).select_from(Enrollment))
        return users, members


def test_import_creates_students_with_names_and_codes(client, app, auth, teacher):
    classroom_id, _ = create_class(client)
    response = upload(client, classroom_id, GOOD)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    codes = re.findall(r'class="invite-code">([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})<', page)
    assert len(codes) == 3
    assert "/auth/invite?code=" in page
    with app.app_context():
        ada = db.session.scalar(select(User).where(User.username == "ada.stone"))
        assert (ada.first_name, ada.last_name, ada.display_name) == ("Ada", "Stone", "Ada Stone")
        assert ada.invited
        assert db.session.scalar(select(func.count()).select_from(Invitation)) == 3
    roster = client.get(f"/teach/classes/{classroom_id}").get_data(as_text=True)
    assert "Priya Natarajan" in roster and "invited" in roster
    # The student sets a password with the code, and is in.
    auth.logout()
    invite = f"/auth/invite?code={codes[0]}"
    data = {"code": codes[0], "password": PASSWORD, "confirm": PASSWORD}
    answer = post_form(client, "/auth/invite", data, form_url=invite)
    assert answer.status_code == 302
    auth.logout()
    assert auth.login("priya").status_code == 302
    # A code works once.
    auth.logout()
    again = post_form(client, "/auth/invite", data, form_url=invite)
    assert again.status_code == 400 and "not valid" in again.get_data(as_text=True)


def test_usernames_from_email_and_existing_students_are_enrolled(client, app, auth, teacher):
    auth.create(username="sam")
    classroom_id, _ = create_class(client)
    text = "First name;Last name;E-mail\nSam;Ortiz;sam@school.example\nLi;Wei;li.wei@school.example"
    page = " ".join(upload(client, classroom_id, text).get_data(as_text=True).split())
    assert "1 new account, 1 existing student added" in page
    with app.app_context():
        sam = db.session.scalar(select(User).where(User.username == "sam"))
        assert sam.display_name == "Sam Ortiz" and not sam.invited
        assert db.session.scalar(select(User.id).where(User.username == "li.wei"))
    assert counts(app) == (3, 2)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (GOOD + "Again,priya\n", "Line 5", "already on line 2"),
        (GOOD + "Bad name,no spaces allowed\n", "Line 5", "not a valid username"),
        ("name,email\nAda,ada@school.example\nBob,not-an-address\n", "Line 3", "not an e-mail"),
        ("name,username\nTina T,tina\n", "Line 2", "a teacher’s account"),
    ],
)
def test_bad_lines_are_reported_and_nothing_is_imported(client, app, teacher, text, line, message):
    classroom_id, _ = create_class(client)
    before = counts(app)
    response = upload(client, classroom_id, text)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Nothing was imported" in page
    assert f"{line}: " in page and message in page
    assert counts(app) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name\nAda\n", "a “username” or an “e-mail” column"),
        ("name,username\n", "no students"),
        ("", "Choose a CSV file"),
    ],
)
def test_unreadable_files_say_why(client, app, teacher, text, message):
    classroom_id, _ = create_class(client)
    response = (
        upload(client, classroom_id, text)
        if text
        else post_form(client, roster_url(classroom_id), {"pasted": ""})
    )
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_not_utf8_is_refused(client, app, teacher):
    classroom_id, _ = create_class(client)
    url = roster_url(classroom_id)
    data = {"upload": (io.BytesIO("name,username\nRené,rene\n".encode("cp1252")), "x.csv")}
    response = post_form(client, url, data, content_type="multipart/form-data")
    assert response.status_code == 400 and "CSV UTF-8" in response.get_data(as_text=True)


def test_pasted_roster_and_other_teachers_class(client, app, auth, teacher):
    classroom_id, _ = create_class(client)
    url = roster_url(classroom_id)
    response = post_form(client, url, {"pasted": "username\nzoe\n"})
    assert response.status_code == 200
    auth.logout()
    auth.as_new(username="other", role="teacher")
    assert client.get(url).status_code == 404


def test_a_new_code_replaces_the_old_one(client, app, auth, teacher):
    classroom_id, _ = create_class(client)
    first = upload(client, classroom_id, "username\nzoe\n").get_data(as_text=True)
    old = re.search(r'class="invite-code">([A-Z0-9-]+)<', first).group(1)
    with app.app_context():
        zoe = db.session.scalar(select(User.id).where(User.username == "zoe"))
    page = f"/teach/classes/{classroom_id}"
    response = post_form(client, f"{page}/students/{zoe}/invite", {}, form_url=page)
    new = re.search(r'class="invite-code">([A-Z0-9-]+)<', response.get_data(as_text=True)).group(1)
    assert new != old
    auth.logout()
    data = {"password": PASSWORD, "confirm": PASSWORD}
    assert post_form(client, "/auth/invite", {"code": old, **data}).status_code == 400
    assert post_form(client, "/auth/invite", {"code": new, **data}).status_code == 302
    auth.logout()
    auth.login("tina")
    again = post_form(client, f"{page}/students/{zoe}/invite", {}, form_url=page)
    assert again.status_code == 404  # zoe has a password now
