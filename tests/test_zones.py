"""Time zones: typed and shown in the user's zone, stored in UTC; taken from the browser once."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Quiz, User
from tests.conftest import PASSWORD, post_form
from tests.teach_support import create_quiz, quiz_data


def set_zone(app, username: str, zone: str | None) -> None:
    with app.app_context():
        db.session.scalar(select(User).where(User.username == username)).timezone = zone
        db.session.commit()


@pytest.mark.parametrize(
    ("zone", "typed", "stored"),
    [
        ("UTC", "2027-01-15T09:00", datetime(2027, 1, 15, 9, 0, tzinfo=UTC)),
        ("Europe/Paris", "2027-01-15T09:00", datetime(2027, 1, 15, 8, 0, tzinfo=UTC)),
        ("Europe/Paris", "2027-07-15T09:00", datetime(2027, 7, 15, 7, 0, tzinfo=UTC)),
        ("America/New_York", "2027-03-14T23:30", datetime(2027, 3, 15, 3, 30, tzinfo=UTC)),
        ("Asia/Kolkata", "2027-01-15T09:00", datetime(2027, 1, 15, 3, 30, tzinfo=UTC)),
    ],
)
def test_quiz_dates_round_trip_through_the_teachers_zone(client, app, teacher, zone, typed, stored):
    set_zone(app, "tina", zone)
    quiz_id = create_quiz(
        client,
        quiz_data("Dated", mode="draw", draw_count="1", closes_at=typed, feedback="immediate"),
    )
    with app.app_context():
        assert db.session.get(Quiz, quiz_id).closes_at == stored
    form = client.get(f"/teach/quizzes/{quiz_id}/edit").get_data(as_text=True)
    assert f'value="{typed}"' in form  # shown back exactly as typed
    assert zone in form


def test_dates_show_in_the_viewers_zone_with_utc_in_the_attribute(client, app, teacher):
    set_zone(app, "tina", "Asia/Tokyo")
    quiz_id = create_quiz(
        client, quiz_data("Dated", mode="draw", draw_count="1", closes_at="2027-01-15T09:00")
    )
    with app.app_context():
        slug = db.session.get(Quiz, quiz_id).slug
    page = client.get(f"/quizzes/{slug}").get_data(as_text=True)
    assert (
        '<time datetime="2027-01-15T00:00:00Z" data-when="datetime">15 Jan 2027, 09:00 JST</time>'
        in page
    )
    set_zone(app, "tina", None)
    page = client.get(f"/quizzes/{slug}").get_data(as_text=True)
    assert ">15 Jan 2027, 00:00 UTC</time>" in page  # the no-script fallback


def test_first_login_takes_the_browsers_zone_once(client, app, auth):
    auth.create(username="sam")
    post_form(client, "/auth/login", {"username": "sam", "password": PASSWORD, "tz": "Europe/Oslo"})
    auth.logout()
    post_form(client, "/auth/login", {"username": "sam", "password": PASSWORD, "tz": "Asia/Tokyo"})
    with app.app_context():
        assert (
            db.session.scalar(select(User.timezone).where(User.username == "sam")) == "Europe/Oslo"
        )


def test_an_unknown_zone_is_ignored(client, app, auth):
    auth.create(username="sam")
    post_form(client, "/auth/login", {"username": "sam", "password": PASSWORD, "tz": "Mars/Base"})
    with app.app_context():
        assert db.session.scalar(select(User.timezone).where(User.username == "sam")) is None


def test_account_page_edits_names_and_zone(client, app, auth):
    auth.as_new(username="sam")
    data = {"first_name": "Sam", "last_name": "Ortiz", "timezone": "America/Chicago"}
    assert post_form(client, "/auth/account", data).status_code == 302
    with app.app_context():
        sam = db.session.scalar(select(User).where(User.username == "sam"))
        assert (sam.display_name, sam.timezone) == ("Sam Ortiz", "America/Chicago")
    bad = post_form(client, "/auth/account", {**data, "timezone": "Nowhere/Land"})
    assert bad.status_code == 400 and "Not a valid choice" in bad.get_data(as_text=True)
    assert re.search(r'class="who"[^>]*>Sam Ortiz', client.get("/").get_data(as_text=True))
