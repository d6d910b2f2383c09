"""Throttling of failed logins and join codes, in storage every worker shares."""

import pytest
import redis
from sqlalchemy import func, select

from quizapp import create_app
from quizapp.extensions import db, limiter
from quizapp.models import Classroom, RateLimit
from tests.conftest import PASSWORD, make_user, post_form


def fail_logins(client, username: str, times: int, address: str = "127.0.0.1") -> list[int]:
    return [
        post_form(
            client,
            "/auth/login",
            {"username": username, "password": "wrong pw!"},
            environ_base={"REMOTE_ADDR": address},
        ).status_code
        for _ in range(times)
    ]


def log_in(client, username: str, address: str = "127.0.0.1") -> int:
    data = {"username": username, "password": PASSWORD}
    response = post_form(client, "/auth/login", data, environ_base={"REMOTE_ADDR": address})
    return response.status_code


def test_one_username_is_throttled_not_the_whole_school(client, auth, app):
    app.config["LOGIN_LIMIT_PER_ACCOUNT_ADDRESS"] = "5 per 5 minutes"
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


def test_login_lockout_finding_strangers_cannot_lock_the_owner_out(app, auth):
    """Login lock-out as a weapon: ten wrong passwords from elsewhere (any case of the name)."""
    auth.create(username="victim", role="teacher")
    attacker = app.test_client()
    names = ["victim", "VICTIM", "Victim", " victim ", "vIcTiM"] * 2
    statuses = [fail_logins(attacker, name, 1, "198.51.100.9")[0] for name in names]
    assert statuses == [400] * 10
    assert fail_logins(attacker, "victim", 1, "198.51.100.9") == [429]  # the stranger stops
    assert log_in(app.test_client(), "victim", "203.0.113.20") == 302  # the owner does not


def test_past_the_account_ceiling_only_known_browsers_get_in(app, auth):
    """The per-account ceiling stops guessing from many addresses, not the owner's browser."""
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "12 per hour"
    auth.create(username="victim", role="teacher")
    owner = app.test_client()
    assert log_in(owner, "victim", "203.0.113.20") == 302
    post_form(owner, "/auth/logout", {}, form_url="/")
    for n in range(3):
        fail_logins(app.test_client(), "victim", 4, f"198.51.100.{n}")
    assert fail_logins(app.test_client(), "victim", 1, "198.51.100.50") == [429]
    assert log_in(app.test_client(), "victim", "203.0.113.21") == 429  # a new browser waits
    assert log_in(owner, "victim", "192.0.2.1") == 302  # the owner's browser, anywhere


def test_school_address_finding_junk_logins_do_not_lock_out_known_browsers(app, auth):
    """200 junk logins from a school address locked every account behind it: only failures
    count, and a browser that has logged in to an account before is counted on its own."""
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "5 per 5 minutes"
    school = "203.0.113.1"
    browsers = {}
    for n in range(8):  # more successful logins than the limit: they do not count
        name = auth.create(username=f"pupil{n}")
        browsers[name] = app.test_client()
        assert log_in(browsers[name], name, school) == 302
        post_form(browsers[name], "/auth/logout", {}, form_url="/")
    junk = app.test_client()
    assert fail_logins(junk, "nobody", 6, school) == [400] * 5 + [429]
    assert all(log_in(browser, name, school) == 302 for name, browser in browsers.items())
    assert log_in(app.test_client(), "pupil0", school) == 429  # an unknown browser waits


def test_a_forged_or_foreign_known_browser_cookie_grants_nothing(app, auth):
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "2 per 5 minutes"
    auth.create(username="victim")
    auth.create(username="mallory")
    attacker = app.test_client()
    assert log_in(attacker, "mallory") == 302  # a real cookie, but for another account
    fail_logins(attacker, "victim", 2)
    assert fail_logins(attacker, "victim", 1) == [429]
    forged = app.test_client()
    forged.set_cookie("known_browser", "eyJhIjpbInZpY3RpbSJdLCJiIjoieCJ9.forged")
    assert fail_logins(forged, "victim", 1) == [429]


def test_an_ipv6_client_is_one_address_across_its_64(app, auth):
    app.config["LOGIN_LIMIT_PER_ACCOUNT_ADDRESS"] = "3 per 5 minutes"
    statuses = [
        fail_logins(app.test_client(), "victim", 1, f"2001:db8:1:2::{n}")[0] for n in range(4)
    ]
    assert statuses == [400, 400, 400, 429]
    assert fail_logins(app.test_client(), "victim", 1, "2001:db8:1:3::1") == [400]


def test_the_login_page_itself_is_never_throttled(client, app):
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "1 per 5 minutes"
    fail_logins(client, "x", 2)
    assert client.get("/auth/login").status_code == 200


@pytest.fixture
def shared_storage_app(app):
    """Make second apps on the same database whose limiter uses a shared storage; their
    connection pools are closed afterwards (an open one would warn when collected)."""
    made: list = []

    def make(uri: str):
        config = {k: app.config[k] for k in ("SQLALCHEMY_DATABASE_URI", "SEEDS_DIR")}
        other = create_app(
            {"TESTING": True, "SECRET_KEY": "test-secret", "RATELIMIT_STORAGE_URI": uri, **config}
        )
        other.config["LOGIN_LIMIT_PER_ACCOUNT_ADDRESS"] = "3 per 5 minutes"
        made.append(other)
        return other

    yield make
    for other in made:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


def test_database_storage_is_shared_by_workers(shared_storage_app):
    # Two app objects stand for two workers: the counts live in the database they share.
    worker_a = shared_storage_app("quizapp+db://")
    a = worker_a.test_client()
    assert fail_logins(a, "victim", 2) == [400, 400]
    worker_b = shared_storage_app("quizapp+db://")
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
def test_redis_storage_is_shared_by_workers(shared_storage_app):
    uri = "redis://127.0.0.1:6379/15"
    worker_a = shared_storage_app(uri)
    with worker_a.app_context():
        limiter.reset()
    assert fail_logins(worker_a.test_client(), "victim", 2) == [400, 400]
    worker_b = shared_storage_app(uri)
    assert fail_logins(worker_b.test_client(), "victim", 2) == [400, 429]
    with worker_b.app_context():
        limiter.reset()


@pytest.fixture
def classroom(app, auth) -> str:
    """A class with the join code SEVENB."""
    with app.app_context():
        teacher = make_user(username="tina", role="teacher")
        db.session.add(Classroom(name="7B", join_code="SEVENB", teacher_id=teacher.id))
        db.session.commit()
    return "SEVENB"


def join(client, code: str, address: str = "127.0.0.1"):
    return post_form(client, "/classes/join", {"code": code}, environ_base={"REMOTE_ADDR": address})


def student(app, auth, name: str):
    """A logged-in client for a new student."""
    client = app.test_client()
    auth.create(username=name)
    post_form(client, "/auth/login", {"username": name, "password": PASSWORD})
    return client


def test_join_code_finding_wrong_codes_are_throttled_per_account(app, auth, classroom):
    """Joining a class with wrong codes was never throttled: ten per account, then a clear 429."""
    guesser = student(app, auth, "guesser")
    statuses = [join(guesser, f"WRONG{n}", f"198.51.100.{n}").status_code for n in range(10)]
    assert statuses == [400] * 10
    blocked = join(guesser, "WRONG99", "198.51.100.99")
    assert blocked.status_code == 429
    assert "Too many wrong join codes" in blocked.get_data(as_text=True)
    assert "Retry-After" in blocked.headers
    assert join(student(app, auth, "pupil"), classroom).status_code == 302  # others join


def test_wrong_join_codes_are_throttled_per_address(app, auth, classroom):
    app.config["JOIN_LIMIT_PER_ADDRESS"] = "3 per 15 minutes"
    statuses = [join(student(app, auth, f"s{n}"), "NOPE").status_code for n in range(4)]
    assert statuses == [400, 400, 400, 429]
    assert join(student(app, auth, "away"), classroom, "192.0.2.7").status_code == 302


def test_a_class_joining_from_one_address_is_not_throttled(app, auth, classroom):
    app.config["JOIN_LIMIT_PER_ADDRESS"] = "2 per 15 minutes"
    statuses = [join(student(app, auth, f"s{n}"), classroom).status_code for n in range(5)]
    assert statuses == [302] * 5


def test_wrong_join_codes_count_in_the_database_store(shared_storage_app, auth, classroom):
    """With the default shared store, counting a wrong code must not wait on the request's lock."""
    worker = shared_storage_app("quizapp+db://")
    worker.config["JOIN_LIMIT_PER_ACCOUNT"] = "2 per 15 minutes"
    auth.create(username="guesser")
    client = worker.test_client()
    post_form(client, "/auth/login", {"username": "guesser", "password": PASSWORD})
    assert [join(client, "NOPE").status_code for _ in range(3)] == [400, 400, 429]
    with worker.app_context():
        limiter.reset()


def test_wrong_join_codes_at_registration_count_too(app, classroom):
    """Registration's join-code field is no way around the join-code limit."""
    app.config["JOIN_LIMIT_PER_ADDRESS"] = "2 per 10 minutes"
    client = app.test_client()

    def register(name: str, code: str):
        data = {"username": name, "password": PASSWORD, "confirm": PASSWORD, "join_code": code}
        return post_form(client, "/auth/register", data)

    assert register("ana", "").status_code == 302  # a success does not count
    client.delete_cookie("session")
    assert [register(f"stu{n}", "NOPE").status_code for n in range(2)] == [400, 400]
    blocked = register("stu9", classroom)
    assert blocked.status_code == 429
    assert "Wait 10 minutes" in blocked.get_data(as_text=True)
