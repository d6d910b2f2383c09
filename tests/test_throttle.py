"""Login throttling: per username and per address, in storage every worker shares."""

import pytest
import redis
from sqlalchemy import func, select

from quizapp import create_app
from quizapp.extensions import db, limiter
from quizapp.models import RateLimit
from tests.conftest import PASSWORD, post_form


def fail_logins(client, username: str, times: int) -> list[int]:
    return [
        post_form(
            client, "/auth/login", {"username": username, "password": "wrong pw!"}
        ).status_code
        for _ in range(times)
    ]


def test_one_username_is_throttled_not_the_whole_school(client, auth, app):
    app.config["LOGIN_LIMIT_PER_USER"] = "5 per 5 minutes"
    auth.create(username="victim")
    auth.create(username="classmate")
    assert fail_logins(client, "victim", 5) == [400] * 5
    blocked = post_form(client, "/auth/login", {"username": "VICTIM", "password": PASSWORD})
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.get_data(as_text=True)
    # The same address, another account: still welcome.
    assert auth.login("classmate").status_code == 302


def test_one_address_is_throttled_across_usernames(client, auth, app):
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "3 per 5 minutes"
    statuses = [fail_logins(client, f"user{i}", 1)[0] for i in range(4)]
    assert statuses == [400, 400, 400, 429]


def test_the_login_page_itself_is_never_throttled(client, app):
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "1 per 5 minutes"
    fail_logins(client, "x", 2)
    assert client.get("/auth/login").status_code == 200


def shared_storage_app(app, uri: str):
    """A second app on the same database whose limiter uses a shared storage."""
    config = {k: app.config[k] for k in ("SQLALCHEMY_DATABASE_URI", "SEEDS_DIR")}
    other = create_app(
        {"TESTING": True, "SECRET_KEY": "test-secret", "RATELIMIT_STORAGE_URI": uri, **config}
    )
    other.config["LOGIN_LIMIT_PER_USER"] = "3 per 5 minutes"
    return other


def test_database_storage_is_shared_by_workers(app):
    # Two app objects stand for two workers: the counts live in the database they share.
    worker_a = shared_storage_app(app, "quizapp+db://")
    a = worker_a.test_client()
    assert fail_logins(a, "victim", 2) == [400, 400]
    worker_b = shared_storage_app(app, "quizapp+db://")
    b = worker_b.test_client()
    assert fail_logins(b, "victim", 2) == [400, 429]
    with worker_b.app_context():
        assert db.session.scalar(select(func.count()).select_from(RateLimit)) >= 1
        db.session.rollback()  # end the read so the reset can take the write lock
        limiter.reset()
        assert db.session.scalar(select(func.count()).select_from(RateLimit)) == 0


def redis_available() -> bool:
    try:
        return redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.mark.skipif(not redis_available(), reason="Redis does not answer on 127.0.0.1:6379")
def test_redis_storage_is_shared_by_workers(app):
    uri = "redis://127.0.0.1:6379/15"
    worker_a = shared_storage_app(app, uri)
    with worker_a.app_context():
        limiter.reset()
    assert fail_logins(worker_a.test_client(), "victim", 2) == [400, 400]
    worker_b = shared_storage_app(app, uri)
    assert fail_logins(worker_b.test_client(), "victim", 2) == [400, 429]
    with worker_b.app_context():
        limiter.reset()
