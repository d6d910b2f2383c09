"""Importing an article from a web address, and every refusal of the safe fetcher."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Article
from quizapp.sources import fetch
from tests.conftest import post_form
from tests.source_files import ARTICLE_TEXT, FIRST_WORDS, HTML_PAGE, TITLE, pdf_bytes

BIG = 6 * 1024 * 1024


class Handler(BaseHTTPRequestHandler):
    """Pages of a pretend news site; records the Host header of each request."""

    hosts: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        Handler.hosts.append(self.headers.get("Host", ""))
        if self.path == "/article":
            self._send(200, "text/html; charset=utf-8", HTML_PAGE.encode())
        elif self.path == "/reading.pdf":
            self._send(200, "application/pdf", pdf_bytes())
        elif self.path == "/photo":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n")
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the cap must hold while streaming
            chunk = b"<p>" + b"a" * 65536 + b"</p>"
            try:
                for _ in range(BIG // len(chunk) + 1):
                    self.wfile.write(chunk)
            except OSError:
                pass  # the client hung up at the cap, as it should
        elif self.path.startswith("/to/"):
            self.send_response(302)
            self.send_header("Location", self.path[len("/to/") :].replace("_", "/"))
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        """Quiet."""


@pytest.fixture
def site() -> Iterator[str]:
    """A local web server in a thread; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Handler.hosts = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def allow_local(app) -> None:
    app.config["IMPORT_ALLOWED_HOSTS"] = "127.0.0.1, intranet.school"


def import_url(client, url: str, **fields):
    return post_form(client, "/teach/articles/import", {"url": url, **fields})


def articles(app) -> list[Article]:
    with app.app_context():
        found = list(db.session.scalars(select(Article)))
        for article in found:
            db.session.expunge(article)
        return found


def test_url_import_extracts_the_article_and_stores_its_address(
    client, app, teacher, site, allow_local
):
    response = import_url(client, f"{site}/article")
    assert response.status_code == 302, response.get_data(as_text=True)
    (article,) = articles(app)
    assert article.title == TITLE and article.source_url == f"{site}/article"
    assert article.body.startswith(FIRST_WORDS) and "ADVERTISEMENT" not in article.body
    assert article.published_on.isoformat() == "2026-03-17"
    for shown in (f"/articles/{article.id}", f"/teach/articles/{article.id}/review"):
        assert f'href="{site}/article"' in client.get(shown).get_data(as_text=True)


def test_url_import_reads_a_pdf_and_follows_a_redirect(client, app, teacher, site, allow_local):
    response = import_url(client, f"{site}/to/_reading.pdf", title="Library (PDF)")
    assert response.status_code == 302, response.get_data(as_text=True)
    (article,) = articles(app)
    assert article.source_url == f"{site}/reading.pdf" and article.body.startswith(FIRST_WORDS)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1:{port}/article", "private or local network (127.0.0.1)"),
        ("http://localhost:{port}/article", "private or local network"),
        ("http://10.0.0.1/article", "private or local network (10.0.0.1)"),
        ("http://169.254.169.254/latest/meta-data/", "private or local network (169.254.169.254)"),
        ("http://[::1]:{port}/article", "private or local network (::1)"),
        ("http://[::ffff:127.0.0.1]:{port}/", "private or local network"),
        ("http://[64:ff9b::a00:1]/", "private or local network"),
        ("http://[2002:a00:1::1]/", "private or local network"),
        ("http://0.0.0.0:{port}/", "private or local network"),
        ("http://224.0.0.1/", "private or local network"),
        ("http://[fe80::1]/", "private or local network"),
        ("file:///etc/passwd", "Only http:// and https://"),
        ("ftp://example.com/a.txt", "Only http:// and https://"),
        ("http://user:pw@example.com/", "user name or password"),
        ("http://host.invalid/", "does not exist"),
    ],
    ids=[
        "loopback",
        "localhost",
        "private",
        "metadata",
        "ipv6-loopback",
        "ipv4-mapped",
        "nat64",
        "6to4",
        "unspecified",
        "multicast",
        "ipv6-link-local",
        "file",
        "ftp",
        "credentials",
        "unknown-host",
    ],
)
def test_unsafe_addresses_are_refused_on_the_form(client, app, teacher, site, url, message):
    port = site.rsplit(":", 1)[1]
    response = import_url(client, url.format(port=port), title="Refused")
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert articles(app) == [] and Handler.hosts == []  # the server was never reached


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/to/http:__10.0.0.1_article", "private or local network (10.0.0.1)"),
        ("/to/http:__169.254.169.254_", "private or local network (169.254.169.254)"),
        ("/loop", "redirects more than 3 times"),
        ("/big", "larger than 5 MB"),
        ("/photo", "serves image/png"),
        ("/missing", "answered 404"),
    ],
    ids=[
        "redirect-private",
        "redirect-metadata",
        "redirect-loop",
        "too-large",
        "type",
        "404",
    ],
)
def test_bad_answers_are_refused_on_the_form(
    client, app, teacher, site, allow_local, path, message
):
    response = import_url(client, site + path, title="Refused")
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert articles(app) == []


def test_a_failed_tls_handshake_is_a_message(client, app, teacher, site, allow_local):
    response = import_url(client, site.replace("http:", "https:") + "/article")
    assert response.status_code == 400
    assert "No secure (HTTPS) connection to 127.0.0.1" in response.get_data(as_text=True)


def test_the_checked_address_is_the_one_connected_to(
    client, app, teacher, site, allow_local, monkeypatch
):
    """DNS rebinding: a second lookup would answer a private address; there is none."""
    port = int(site.rsplit(":", 1)[1])
    lookups = []
    real = socket.getaddrinfo

    def rebinding(host, *args, **kwargs):
        if host == "news.example":
            lookups.append(host)
            address = "127.0.0.1" if len(lookups) == 1 else "10.0.0.1"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    # Pretend 127.0.0.1 is a public server (the test has no outside network).
    monkeypatch.setattr(fetch, "is_public", lambda address: address == "127.0.0.1")
    response = import_url(client, f"http://news.example:{port}/article")
    assert response.status_code == 302, response.get_data(as_text=True)
    assert lookups == ["news.example"]
    assert Handler.hosts == [f"news.example:{port}"]


def test_only_teachers_may_import_from_a_url(client, auth, site, allow_local):
    auth.as_new(username="sam")
    response = post_form(client, "/teach/articles/import", {"url": f"{site}/article"}, form_url="/")
    assert response.status_code in (403, 404)
    assert Handler.hosts == []


def test_url_imports_are_throttled_per_teacher(client, app, teacher, site, allow_local):
    app.config["IMPORT_URL_LIMIT_PER_USER"] = "2 per hour"
    assert import_url(client, f"{site}/missing").status_code == 400
    assert import_url(client, f"{site}/missing").status_code == 400
    blocked = import_url(client, f"{site}/article")
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.get_data(as_text=True)
    assert len(Handler.hosts) == 2
    # Pasting text is not a fetch and is not counted.
    pasted = post_form(
        client,
        "/teach/articles/import",
        {"title": "Pasted", "body": ARTICLE_TEXT},
    )
    assert pasted.status_code == 302


def test_cli_imports_from_a_url(runner, app, site, allow_local):
    result = runner.invoke(args=["import-article", "--url", f"{site}/article", "--publish"])
    assert result.exit_code == 0, result.output
    (article,) = articles(app)
    assert article.title == TITLE and article.source_url == f"{site}/article"


def test_cli_refuses_a_private_address(runner, app):
    result = runner.invoke(args=["generate", "--url", "http://10.0.0.1/article"])
    assert result.exit_code == 1
    assert "private or local network (10.0.0.1)" in result.output


def test_allowed_hosts_come_from_the_environment(monkeypatch, tmp_path):
    from quizapp import create_app
    from quizapp.sources.fetch import allowed_hosts

    monkeypatch.setenv("FLASK_IMPORT_ALLOWED_HOSTS", "intranet.school,10.1.2.3")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite'}")
    app = create_app()
    assert allowed_hosts(app.config["IMPORT_ALLOWED_HOSTS"]) == ["intranet.school", "10.1.2.3"]
