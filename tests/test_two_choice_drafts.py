"""Drafts with two or three choices (the article has no more people) work across the app."""

from __future__ import annotations

import io
import json

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Question
from tests.conftest import post_form
from tests.teach_support import article_id, import_article

# Written for this test: two people, so a who-said draft offers exactly those two.
TWO_PEOPLE = """The old ferry pier will close in May, the harbour board decided on Tuesday.

"The timbers are rotten and we cannot wait another winter," said harbour master Olive Brandt.

Carl Odum, a fisherman, said boats would land at the north quay instead. "We land our catch there every single morning of the week," Odum said.
"""  # noqa: E501


def who_said(app, art: int) -> list[tuple[int, str, list[str]]]:
    with app.app_context():
        qs = db.session.scalars(
            select(Question).where(Question.article_id == art, Question.kind == "who_said")
        ).all()
        return [(q.id, q.prompt, sorted(c.text for c in q.choices)) for q in qs]


def test_two_choice_draft_is_reviewed_published_and_round_trips(client, app, teacher):
    import_article(client, title="Pier closes", body=TWO_PEOPLE)
    art = article_id(app, "Pier closes")
    drafts = who_said(app, art)
    assert drafts
    assert all(choices == ["Carl Odum", "Olive Brandt"] for _, _, choices in drafts)
    review = f"/teach/articles/{art}/review"
    page = client.get(review).get_data(as_text=True)
    assert "Carl Odum" in page and "Olive Brandt" in page
    post_form(client, f"/teach/articles/{art}/publish", {"scope": "all"}, form_url=review)
    exported = client.get("/teach/reports/bank/export.json").get_json()
    two = [item for item in exported if len(item["choices"]) == 2]
    assert two
    with app.app_context():
        db.session.query(Question).delete()
        db.session.commit()
    response = post_form(
        client,
        "/teach/reports/bank/import",
        {"file": (io.BytesIO(json.dumps(two).encode()), "bank.json")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    assert f"Imported {len(two)} question(s)" in response.get_data(as_text=True)
