"""Importing articles from HTML, PDF, Word and Markdown files, in the browser and the CLI."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Article
from tests.conftest import post_form
from tests.source_files import (
    AUTHOR,
    HEADER,
    HTML_PAGE,
    NAV_ONLY_PAGE,
    PARAGRAPHS,
    TITLE,
    docx_bytes,
    encrypted_pdf_bytes,
    pdf_bytes,
    scanned_pdf_bytes,
    zip_bomb_docx,
)

FIRST, LAST = PARAGRAPHS[0][:40], PARAGRAPHS[-1][-40:]


def upload(client, data: bytes, filename: str, **fields):
    """POST a file to the import form."""
    form = {"upload": (io.BytesIO(data), filename), **fields}
    return post_form(client, "/teach/articles/import", form, content_type="multipart/form-data")


def only_article(app) -> Article | None:
    with app.app_context():
        article = db.session.scalar(select(Article))
        if article is not None:
            db.session.expunge(article)
        return article


def test_html_page_keeps_the_article_and_drops_navigation_ads_and_footer(client, app, teacher):
    response = upload(client, HTML_PAGE.encode(), "saved-page.html")
    assert response.status_code == 302, response.get_data(as_text=True)
    article = only_article(app)
    assert article.title == TITLE  # from the page: the title field was left empty
    assert article.published_on.isoformat() == "2026-03-17"
    assert article.body.startswith(FIRST) and article.body.rstrip().endswith(LAST)
    for noise in ("ADVERTISEMENT", "Subscribe", "Copyright", "Privacy", "Weather"):
        assert noise not in article.body


def test_two_column_pdf_loses_header_page_numbers_and_hyphenation(client, app, teacher):
    # A misleading extension: the type is read from the content.
    response = upload(client, pdf_bytes(), "reading.bin", title="Library PDF")
    assert response.status_code == 302, response.get_data(as_text=True)
    body = only_article(app).body
    assert body.startswith(FIRST) and body.rstrip().endswith(LAST)
    assert HEADER not in body and "Page 1" not in body and "Page 2" not in body
    assert "culture committee" in body and "com-" not in body
    # Both columns of both pages, in reading order.
    positions = [body.index(" ".join(p.split()[:5])) for p in PARAGRAPHS]
    assert positions == sorted(positions)


def test_word_file_gives_title_and_body_without_headings(client, app, teacher):
    response = upload(client, docx_bytes(), "library.docx")
    assert response.status_code == 302, response.get_data(as_text=True)
    article = only_article(app)
    assert article.title == TITLE
    assert "A ceremony at the doors" not in article.body
    assert article.body.split("\n\n") == PARAGRAPHS


def test_markdown_heading_becomes_the_title(client, app, teacher):
    text = f"# {TITLE}\n\n" + "\n\n".join(PARAGRAPHS)
    response = upload(client, text.encode(), "library.md")
    assert response.status_code == 302
    article = only_article(app)
    assert article.title == TITLE and article.body.startswith(FIRST)


def not_a_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "filename", "message"),
    [
        (scanned_pdf_bytes, "scan.pdf", "this PDF has no text"),
        (encrypted_pdf_bytes, "locked.pdf", "protected by a password"),
        (lambda: pdf_bytes()[:300], "cut.pdf", "This PDF is damaged"),
        (zip_bomb_docx, "bomb.docx", "zip bomb"),
        (not_a_docx, "archive.docx", "not a Word document"),
        (lambda: b"PK\x03\x04 broken", "broken.docx", "damaged"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "old.doc", "old Word (.doc)"),
        (lambda: NAV_ONLY_PAGE.encode(), "index.html", "No article was found on this page"),
    ],
    ids=["scanned", "encrypted", "corrupt", "zip-bomb", "zip", "bad-zip", "doc", "no-article"],
)
def test_unreadable_files_get_a_clear_message(client, app, teacher, make, filename, message):
    response = upload(client, make(), filename, title="Bad file")
    assert response.status_code == 400
    assert message.lower() in response.get_data(as_text=True).lower()
    assert only_article(app) is None


def test_cli_imports_a_pdf_detected_by_content(runner, app, tmp_path):
    path = tmp_path / "reading.dat"
    path.write_bytes(pdf_bytes())
    result = runner.invoke(args=["import-article", str(path), "--title", "Library"])
    assert result.exit_code == 0, result.output
    assert only_article(app).body.startswith(FIRST)


def test_cli_takes_title_and_date_from_an_html_file(runner, app, tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    result = runner.invoke(args=["import-article", str(path)])
    assert result.exit_code == 0, result.output
    article = only_article(app)
    assert article.title == TITLE and article.published_on.isoformat() == "2026-03-17"


def test_cli_generate_reads_a_word_file(runner, app, tmp_path):
    path = tmp_path / "library.docx"
    path.write_bytes(docx_bytes())
    result = runner.invoke(args=["generate", str(path), "--json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    assert items and all(item["source"] for item in items)
    assert not any("ceremony at the doors" in item["source"] for item in items)


def test_cli_refuses_a_scanned_pdf_with_a_message(runner, app, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf_bytes())
    result = runner.invoke(args=["import-article", str(path)])
    assert result.exit_code == 1
    assert "This PDF has no text" in result.output
    assert only_article(app) is None


@pytest.mark.parametrize(
    ("make", "filename"),
    [(HTML_PAGE.encode, "page.html"), (docx_bytes, "library.docx")],
    ids=["html", "docx"],
)
def test_the_byline_is_shown_after_import(client, app, teacher, make, filename):
    response = upload(client, make(), filename)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f"by {AUTHOR}" in page
