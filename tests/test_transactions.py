"""The transactions module: units of work commit or roll back, reads never queue for writers."""

from __future__ import annotations

import sqlite3
import time

import pytest
from flask import abort
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import User
from quizapp.transactions import set_rollback, writes
from tests.factories import make_quiz


@pytest.fixture
def routes(app):
    """Test-only views that add a user, then return, abort or ask for a rollback."""

    @writes
    def add(outcome: str):
        db.session.add(User(username=f"made-{outcome}", password_hash="x"))
        db.session.flush()
        if outcome == "abort":
            abort(409)
        if outcome == "rollback":
            set_rollback()
        return "done"

    app.add_url_rule("/_test/add/<outcome>", view_func=add, methods=["POST"])
    app.config["WTF_CSRF_ENABLED"] = False
    return app


def users(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(User))


@pytest.mark.parametrize(
    ("outcome", "status", "kept"), [("ok", 200, 1), ("abort", 409, 0), ("rollback", 200, 0)]
)
def test_writes_commits_a_returned_view_and_nothing_else(routes, client, outcome, status, kept):
    response = client.post(f"/_test/add/{outcome}")
    assert response.status_code == status
    assert users(routes) == kept


def test_a_get_reads_while_another_connection_holds_the_write_lock(app, client):
    """SQLite: GET requests begin deferred, so a long write elsewhere does not hold them up."""
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("SQLite's write lock")
        make_quiz(questions=2)
        db.session.commit()
        path = db.engine.url.database
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        response = client.get("/quizzes")
        elapsed = time.monotonic() - started
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert response.status_code == 200
    # A GET that took the write lock at BEGIN would wait busy_timeout (10 s), then fail.
    assert elapsed < 5
