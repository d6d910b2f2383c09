"""Shared fixtures: an app on a fresh database (SQLite, or PostgreSQL via DATABASE_URL)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, event, text
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from quizapp import create_app, normalise_database_url
from quizapp.auth.services import create_user
from quizapp.extensions import db
from quizapp.models import User

PASSWORD = "correct horse battery"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
POSTGRES_URL = normalise_database_url(
    os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
)
# Transaction control the app or SQLAlchemy sends: not queries a docstring would count.
TRANSACTION_CONTROL = re.compile(r"\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b", re.I)
TOKEN_RE = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)


def postgres_available() -> bool:
    """Whether a PostgreSQL server answers at POSTGRES_URL."""
    try:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 2})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


def database_url() -> str | None:
    """The database the suite runs on: DATABASE_URL when set, else a SQLite file per test."""
    url = os.environ.get("DATABASE_URL")
    return normalise_database_url(url) if url else None


@contextmanager
def queries(app: Flask) -> Iterator[list[str]]:
    """The SQL statements run inside the block (transaction control left out), in order."""
    with app.app_context():
        engine = db.engine
    seen: list[str] = []

    def record(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        if not TRANSACTION_CONTROL.match(statement):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


@pytest.fixture(autouse=True)
def _push_request_context() -> None:
    """Override pytest-flask's: a context held across requests would share `g` between them
    (Flask-Login's cached user, Flask-WTF's token) and hide bugs real requests would show."""


@pytest.fixture(scope="session")
def _server_schema() -> Iterator[None]:
    """On a server database, start from an empty schema once per run."""
    url = database_url()
    if url and url.startswith("postgresql"):
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    yield


@pytest.fixture
def app(tmp_path, _server_schema) -> Iterator[Flask]:
    """An application on an empty database with every table created."""
    url = database_url() or f"sqlite:///{tmp_path / 'test.sqlite'}"
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": url,
            "SEEDS_DIR": str(tmp_path / "seeds"),
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        if db.engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
            with db.engine.begin() as conn:
                conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client."""
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    """A CLI runner bound to the app."""
    return app.test_cli_runner()


def csrf_token(client: FlaskClient, url: str) -> str:
    """GET a page and return the CSRF token of its form."""
    response = client.get(url)
    match = TOKEN_RE.search(response.get_data(as_text=True))
    assert match, f"no CSRF token on {url} ({response.status_code})"
    return match.group(1) or match.group(2)


def post_form(client: FlaskClient, url: str, data: dict, *, form_url: str | None = None, **kw):
    """POST a form the way a browser does: with the token its page carries."""
    data = {"csrf_token": csrf_token(client, form_url or url), **data}
    return client.post(url, data=data, **kw)


def post_multipart(client: FlaskClient, url: str, data: dict, *, form_url: str | None = None):
    """POST a form with a file field as a browser does (multipart), with its page's token.

    The body is encoded here, in memory: the test client would spool a body over 500 KB to a
    temporary file it never closes (a ResourceWarning, an error in whichever test follows).
    `(stream, filename)` values are files, as the test client takes them.
    """
    fields = {"csrf_token": csrf_token(client, form_url or url)}
    for name, value in data.items():
        is_file = isinstance(value, tuple)
        fields[name] = FileStorage(value[0], filename=value[1]) if is_file else value
    boundary, body = encode_multipart(fields)
    return client.post(url, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def make_user(
    *, username: str = "student1", password: str = PASSWORD, role: str = "student"
) -> User:
    """Create and commit a user (call inside an app context)."""
    user = create_user(username, password, role)
    db.session.commit()
    return user


class AuthActions:
    """Log in and out through the real forms."""

    def __init__(self, client: FlaskClient, app: Flask) -> None:
        self._client = client
        self._app = app

    def create(self, *, username: str = "student1", role: str = "student") -> str:
        """Create a user and return its username."""
        with self._app.app_context():
            make_user(username=username, role=role)
        return username

    def login(self, username: str = "student1", password: str = PASSWORD):
        """Log in through the login form."""
        return post_form(self._client, "/auth/login", {"username": username, "password": password})

    def as_new(self, *, username: str = "student1", role: str = "student"):
        """Create a user and log in as them."""
        self.create(username=username, role=role)
        return self.login(username)

    def logout(self):
        """Log out through the logout form (its token comes from the home page)."""
        return post_form(self._client, "/auth/logout", {}, form_url="/")


@pytest.fixture
def teacher(auth: AuthActions) -> str:
    """A logged-in teacher, named tina."""
    auth.as_new(username="tina", role="teacher")
    return "tina"


@pytest.fixture
def auth(client: FlaskClient, app: Flask) -> AuthActions:
    """Authentication helper bound to the client."""
    return AuthActions(client, app)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request, tmp_path) -> Iterator[str]:
    """The URL of an empty database with no tables, on each backend (PostgreSQL if it answers)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite'}"
        return
    if not postgres_available():
        pytest.skip(f"PostgreSQL does not answer at {POSTGRES_URL}")
    schema = f"emptytest_{os.getpid()}"  # parallel runs must not share it
    engine = create_engine(POSTGRES_URL)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    # The schema is chosen through search_path so the app and Alembic see it as the default.
    yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
    engine.dispose()


@pytest.fixture
def fresh_app(empty_database, tmp_path) -> Iterator[Flask]:
    """An app on an empty database (no tables), its seeds folder holding the real seed article."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in SEEDS.glob("*"):
        (seeds / path.name).write_bytes(path.read_bytes())
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": empty_database,
            "SEEDS_DIR": str(seeds),
        }
    )
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
