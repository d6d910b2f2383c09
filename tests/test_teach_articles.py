"""Importing articles in the browser and reviewing the generated drafts."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Article, Question
from tests.conftest import post_form, post_multipart
from tests.teach_support import ARTICLE, article_id, import_article, question_ids


def statuses(app, article: int) -> dict[int, str]:
    with app.app_context():
        rows = db.session.execute(
            select(Question.id, Question.status).where(Question.article_id == article)
        ).all()
        return dict(rows)


def test_pasting_an_article_imports_it_as_drafts_owned_by_the_teacher(client, app, teacher):
    response = import_article(client, source_url="https://example.com/bridge")
    art = article_id(app, "Bridge reopens")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/teach/articles/{art}/review")
    with app.app_context():
        article = db.session.get(Article, art)
        assert article.imported_by_id is not None and article.origin == "https://example.com/bridge"
    assert set(statuses(app, art).values()) <= {"draft"}
    page = client.get(f"/teach/articles/{art}/review").get_data(as_text=True)
    assert "Review questions: Bridge reopens" in page
    dashboard = client.get("/teach/").get_data(as_text=True)
    assert "Bridge reopens" in dashboard


def test_review_shows_source_key_and_confidence_and_publishes(client, app, teacher):
    import_article(client)
    art = article_id(app, "Bridge reopens")
    drafts = question_ids(app, art)
    if not drafts:
        pytest.skip("the generator made no drafts from this text")
    page = client.get(f"/teach/articles/{art}/review").get_data(as_text=True)
    assert "(answer)" in page and "Confidence" in page and 'class="source"' in page
    review = f"/teach/articles/{art}/review"
    first, *rest = drafts
    post_form(client, f"/teach/articles/{art}/questions/{first}/accept", {}, form_url=review)
    assert statuses(app, art)[first] == "published"
    if rest:
        response = post_form(
            client, f"/teach/articles/{art}/questions/{rest[0]}/reject", {}, form_url=review
        )
        assert rest[0] not in statuses(app, art)  # an unused draft is deleted
        assert "Question deleted." in client.get(response.headers["Location"]).get_data(True)
    if len(rest) > 2:
        post_form(
            client,
            f"/teach/articles/{art}/publish",
            {"scope": "selected", "ids": [str(rest[1])]},
            form_url=review,
        )
        assert statuses(app, art)[rest[1]] == "published"
        assert statuses(app, art)[rest[2]] == "draft"
    post_form(client, f"/teach/articles/{art}/publish", {"scope": "all"}, form_url=review)
    assert set(statuses(app, art).values()) == {"published"}


def test_uploading_a_text_file_imports_it(client, app, teacher):
    data = {
        "title": "Uploaded bridge",
        "upload": (io.BytesIO(("\ufeff" + ARTICLE).encode("utf-8")), "bridge.txt"),
    }
    response = post_form(
        client,
        "/teach/articles/import",
        data,
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        body = db.session.scalar(select(Article.body).where(Article.title == "Uploaded bridge"))
    assert body.startswith("The Harbour Bridge")


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00binary image", "not plain text"),
        (b"caf\xe9 in latin-1", "not UTF-8 text"),
        (b"a" * (1024 * 1024 + 10), "larger than 1 MB"),
        (b"   \n", "empty"),
    ],
    ids=["binary", "latin1", "too-large", "empty"],
)
def test_bad_uploads_are_refused_with_a_message(client, app, teacher, payload, message):
    data = {"title": "Bad", "upload": (io.BytesIO(payload), "bad.txt")}
    response = post_multipart(client, "/teach/articles/import", data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Article.id)) is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "body": ARTICLE}, "Give the article a title"),
        ({"title": "Nothing"}, "Paste the article text, choose a file or give a web address."),
        ({"title": "Bad url", "body": ARTICLE, "source_url": "not a url"}, "full web address"),
        ({"title": "Bad date", "body": ARTICLE, "published_on": "31/02/2024"}, "Not a valid date"),
    ],
    ids=["no-title", "no-text", "bad-url", "bad-date"],
)
def test_import_form_validation(client, app, teacher, data, message):
    response = post_form(client, "/teach/articles/import", data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_reimporting_the_same_text_is_recognised(client, app, teacher):
    import_article(client)
    art = article_id(app, "Bridge reopens")
    response = import_article(client, title="Same text again", body=ARTICLE + "\n\n")
    assert response.headers["Location"].endswith(f"/teach/articles/{art}/review")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "already imported" in page
    with app.app_context():
        assert len(db.session.scalars(select(Article)).all()) == 1


def test_reimport_by_another_teacher_goes_to_the_public_article(client, app, auth):
    auth.as_new(username="tina", role="teacher")
    import_article(client)
    art = article_id(app, "Bridge reopens")
    auth.logout()
    auth.as_new(username="otto", role="teacher")
    response = import_article(client)
    assert response.headers["Location"].endswith(f"/articles/{art}")
