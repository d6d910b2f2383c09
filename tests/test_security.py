"""Security headers and hostile input: always a clear 4xx, never a 500, nothing stored."""

import re

import pytest
from flask import request
from sqlalchemy import func, select

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Article, Quiz, User
from tests.conftest import PASSWORD, csrf_token, post_form
from tests.factories import make_quiz
from tests.test_access_matrix import MATRIX, ROLES, build_world

PAGES = ["/", "/auth/login", "/auth/register", "/quizzes", "/healthz"]


def users(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(User))


@pytest.mark.parametrize("path", PAGES)
def test_security_headers(client, path):
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    for directive in (
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_script_or_style(client, app, auth):
    with app.app_context():
        quiz = make_quiz(questions=2, time_limit_s=300)
        slug = quiz.slug
    auth.as_new()
    start = post_form(client, f"/quizzes/{slug}/start", {}, form_url=f"/quizzes/{slug}")
    pages = ["/", f"/quizzes/{slug}", start.headers["Location"], "/progress/", "/practice/"]
    for path in pages:
        html = client.get(path).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert not re.search(r"\sstyle=", html), path
        assert not re.search(r"\son[a-z]+=", html), path


def test_session_cookie_is_httponly_and_lax(client, auth):
    auth.create()
    response = auth.login()
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_nul_bytes_are_refused(client, app):
    response = post_form(
        client,
        "/auth/register",
        {"username": "ana\x00", "password": PASSWORD, "confirm": PASSWORD},
    )
    assert response.status_code == 400
    assert "not allowed" in response.get_data(as_text=True)
    assert users(app) == 0


def test_invalid_utf8_is_a_clear_error(client, app):
    token = csrf_token(client, "/auth/register")
    body = b"csrf_token=" + token.encode() + b"&username=an%FF%FEa&password=x&confirm=x"
    response = client.post(
        "/auth/register", data=body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert users(app) == 0


def test_too_many_fields_is_413(client, app):
    token = csrf_token(client, "/auth/register")
    data = {f"f{i}": "x" for i in range(10_000)}
    data.update(csrf_token=token, username="ana", password=PASSWORD, confirm=PASSWORD)
    response = client.post("/auth/register", data=data)
    assert response.status_code == 413
    assert "too large" in response.get_data(as_text=True)
    assert users(app) == 0


def test_body_over_the_limit_is_413(client, app):
    token = csrf_token(client, "/auth/register")
    big = "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post(
        "/auth/register",
        data={"csrf_token": token, "username": big, "password": PASSWORD, "confirm": PASSWORD},
    )
    assert response.status_code == 413
    assert users(app) == 0


def test_markup_in_stored_text_is_shown_escaped(client, app, runner, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Plain text, says Ada Stone, the historian.\n", encoding="utf-8")
    runner.invoke(args=["import-article", str(article), "--title", "<script>alert(1)</script>"])
    html = client.get("/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_sql_metacharacters_are_stored_literally(client, app):
    name = "o'neil--;drop"
    response = post_form(
        client, "/auth/register", {"username": name, "password": PASSWORD, "confirm": PASSWORD}
    )
    assert response.status_code == 400  # refused by the username rule, with a message
    assert "Use letters, digits" in response.get_data(as_text=True)
    response = post_form(
        client,
        "/auth/login",
        {"username": "' OR 1=1 --", "password": "' OR 1=1 --"},
    )
    assert response.status_code == 400
    assert "Wrong username or password." in response.get_data(as_text=True)


def test_behind_a_trusted_proxy_the_client_address_counts(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite'}",
            "RATELIMIT_STORAGE_URI": "memory://",
            "TRUSTED_PROXIES": 1,
        }
    )

    @app.get("/whoami")
    def whoami() -> str:
        return request.remote_addr or ""

    response = app.test_client().get("/whoami", headers={"X-Forwarded-For": "203.0.113.7"})
    assert response.get_data(as_text=True) == "203.0.113.7"


def test_a_server_error_is_logged_with_the_id_the_page_shows(tmp_path, caplog):
    app = create_app(
        {
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'e.sqlite'}",
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )

    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("kaboom")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "kaboom" not in page and "Traceback" not in page
    request_id = response.headers["X-Request-Id"]
    assert f"<code>{request_id}</code>" in page
    assert any(request_id in r.getMessage() and r.exc_info for r in caplog.records)


def test_sql_metacharacters_in_text_are_stored_literally(client, app, runner, tmp_path):
    title = "Robert'); DROP TABLE quiz;-- \" OR 1=1"
    article = tmp_path / "a.txt"
    article.write_text("The bridge opened in 1932, says Ada Stone, the historian.\n", "utf-8")
    result = runner.invoke(args=["import-article", str(article), "--title", title])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(Article.title)) == title
        assert db.session.scalar(select(func.count()).select_from(Quiz)) == 0  # table intact
    assert "Robert&#39;); DROP TABLE quiz;-- &#34; OR 1=1" in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    [
        "/attempts/99999999999999999999",
        "/articles/99999999999999999999",
        "/teach/reports/export.csv?quiz=99999999999999999999",
        "/teach/questions?page=99999999999999999999",
        "/teach/reports/quizzes/1?class=99999999999999999999",
    ],
)
def test_huge_ids_are_a_clear_4xx(client, auth, app, path):
    with app.app_context():
        make_quiz(questions=1)
    auth.as_new(role="teacher")
    response = client.get(path)
    assert 400 <= response.status_code < 500, response.status_code


def test_a_huge_cited_question_id_is_ignored(client, app):
    with app.app_context():
        make_quiz(questions=1)
    response = client.get("/articles/1?q=99999999999999999999")
    assert response.status_code == 200 and 'id="cited"' not in response.get_data(as_text=True)


HOSTILE_NEXT = [
    "/\t///evil.example",  # the finding: a tab browsers drop, leaving //evil.example
    "/\n\\evil.com",  # the finding: a newline that gave a 500
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "\t//evil.example",
    " //evil.example",
    "/\r/evil.example",
    "https://evil.example/",
    "http:evil.example",
    "//evil.example/%2F..",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "/\x01//evil.example",
    "/\u3000//evil.example",
    "/\u2028//evil.example",
    "/" + "a" * 5000,
]


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_open_redirect_after_login_goes_home(client, auth, target):
    """Open redirect after login: a hostile `next` (normalised as browsers do) goes home."""
    auth.create()
    response = post_form(
        client,
        "/auth/login",
        {"username": "student1", "password": PASSWORD},
        query_string={"next": target},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize(
    "target", ["/quizzes", "/teach/?tab=1", "/articles/1#cited", "/%09/evil.example"]
)
def test_login_follows_a_same_site_next(client, auth, target):
    auth.create()
    response = post_form(
        client,
        "/auth/login",
        {"username": "student1", "password": PASSWORD},
        query_string={"next": target},
    )
    assert response.headers["Location"] == target


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_no_cache_control_finding_every_signed_in_page_is_no_store(app, client, auth, role):
    """No Cache-Control on result, progress, teacher and export responses: now `no-store`."""
    world = build_world(app, auth)
    auth.login(role)
    cached = []
    for endpoint, (path, _) in MATRIX.items():
        response = client.get(path.format(**world))
        if response.headers.get("Cache-Control") != "no-store":
            cached.append(f"{endpoint} ({response.status_code})")
    assert cached == []


def test_downloads_are_no_store(app, client, auth):
    """Score and bank exports (the downloads) are never kept by a browser or proxy cache."""
    world = build_world(app, auth)
    auth.login("teacher")
    for path in (
        f"/teach/reports/export.csv?quiz={world['quiz']}",
        f"/teach/reports/export.xlsx?quiz={world['quiz']}",
        "/teach/reports/bank/export.json",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "attachment" in response.headers.get("Content-Disposition", ""), path
        assert response.headers["Cache-Control"] == "no-store", path


def test_anonymous_pages_stay_cacheable(client):
    """The public pages need no such header (they hold nothing personal)."""
    assert "no-store" not in client.get("/quizzes").headers.get("Cache-Control", "")
