"""Reviewing drafts fast and safely: labels, filters, bulk actions, and undo for what is lost."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from quizapp.extensions import db
from quizapp.models import Enrollment, Question, UndoAction, utcnow
from tests.conftest import post_form
from tests.teach_support import (
    article_id,
    create_class,
    import_article,
    question_ids,
)

UNDO = re.compile(r'action="(/teach/undo/\d+)"')


def imported(client, app) -> tuple[int, list[int]]:
    """Import the test article; its id and its drafts' ids."""
    assert import_article(client).status_code == 302
    art = article_id(app, "Bridge reopens")
    ids = sorted(question_ids(app, art))
    assert len(ids) >= 3, "the generator should make several drafts of the test article"
    return art, ids


def statuses(app, ids: list[int]) -> dict[int, str]:
    with app.app_context():
        rows = db.session.execute(select(Question.id, Question.status).where(Question.id.in_(ids)))
        return dict(rows.all())


def undo_url(client, response) -> str:
    """Follow a redirect and return the Undo form's action on the page it lands on."""
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    match = UNDO.search(page)
    assert match, "no Undo button"
    return match.group(1)


def test_kinds_show_human_labels(client, app, teacher):
    art, ids = imported(client, app)
    page = client.get(f"/teach/articles/{art}/review").get_data(as_text=True)
    kinds = re.findall(r"<dt>Kind</dt><dd>([^<]+)</dd>", page)
    assert kinds and not any("_" in k for k in kinds)
    assert set(kinds) <= {
        "Who said it",
        "Which year",
        "Which ranking",
        "Number",
        "Who is who",
        "Fill in the blank",
    }
    bank = client.get("/teach/questions").get_data(as_text=True)
    assert "who_said" not in re.sub(r'value="[a-z_]+"', "", bank)


@pytest.mark.parametrize("kind", ["which_year", "cloze"])
def test_kind_filter_shows_only_that_kind(client, app, teacher, kind):
    art, ids = imported(client, app)
    with app.app_context():
        db.session.execute(
            update(Question)
            .where(Question.id == ids[0])
            .values(kind="which_year", prompt="Fill in the blank: The bridge opened in _____.")
        )
        db.session.execute(
            update(Question).where(Question.id == ids[1]).values(kind="which_year", prompt="When?")
        )
        db.session.commit()
    page = client.get(f"/teach/articles/{art}/review?kind={kind}").get_data(as_text=True)
    shown = {int(i) for i in re.findall(r'id="q(\d+)"', page)}
    assert (ids[0] in shown) == (kind == "cloze")
    assert (ids[1] in shown) == (kind == "which_year")
    label = "Fill in the blank" if kind == "cloze" else "Which year"
    assert set(re.findall(r"<dt>Kind</dt><dd>([^<]+)</dd>", page)) == {label}


def test_flag_filter_by_reason(client, app, teacher):
    art, ids = imported(client, app)
    with app.app_context():
        db.session.execute(update(Question).values(flag=None))
        db.session.execute(
            update(Question).where(Question.id == ids[0]).values(flag="TOO_LONG: 30 words")
        )
        db.session.execute(
            update(Question).where(Question.id == ids[1]).values(flag="CUT: ends early")
        )
        db.session.commit()
    page = client.get(f"/teach/articles/{art}/review?flag=CUT").get_data(as_text=True)
    assert {int(i) for i in re.findall(r'id="q(\d+)"', page)} == {ids[1]}
    assert "Text cut in the wrong place (1)" in page
    page = client.get(f"/teach/articles/{art}/review?flag=none").get_data(as_text=True)
    assert {int(i) for i in re.findall(r'id="q(\d+)"', page)} == set(ids[2:])


def test_review_has_sticky_bar_with_select_all_and_bulk_reject(client, app, teacher):
    art, _ = imported(client, app)
    page = client.get(f"/teach/articles/{art}/review").get_data(as_text=True)
    bar = page[page.index('class="action-bar"') :]
    for text in ("Select all", "Select none", "Publish selected", "Reject selected"):
        assert text in bar
    assert page.count('form="bulk" name="ids"') == len(question_ids(app, art))


def test_bulk_publish_and_bulk_reject(client, app, teacher):
    art, ids = imported(client, app)
    review = f"/teach/articles/{art}/review"
    post_form(client, f"/teach/articles/{art}/publish", {"ids": ids[:1]}, form_url=review)
    response = post_form(
        client, f"/teach/articles/{art}/reject", {"ids": ids[1:3]}, form_url=review
    )
    assert statuses(app, ids[:3]) == {ids[0]: "published"}
    assert "2 questions deleted." in client.get(response.headers["Location"]).get_data(True)


def test_bulk_reject_undo_restores_questions_and_choices(client, app, teacher):
    art, ids = imported(client, app)
    with app.app_context():
        before = {
            q.id: (q.prompt, q.answer, q.flag, [(c.text, c.is_correct) for c in q.choices])
            for q in db.session.scalars(select(Question).where(Question.id.in_(ids)))
        }
    review = f"/teach/articles/{art}/review"
    response = post_form(client, f"/teach/articles/{art}/reject", {"ids": ids}, form_url=review)
    assert statuses(app, ids) == {}
    url = undo_url(client, response)
    restored = post_form(client, url, {"next": review}, form_url=review)
    assert restored.headers["Location"] == review
    assert "everything is back" in client.get(review).get_data(as_text=True)
    with app.app_context():
        after = {
            q.id: (q.prompt, q.answer, q.flag, [(c.text, c.is_correct) for c in q.choices])
            for q in db.session.scalars(select(Question).where(Question.id.in_(ids)))
        }
        assert db.session.scalar(select(func.count()).select_from(UndoAction)) == 0
    assert after == before
    # A second click finds nothing left to undo.
    again = post_form(client, url, {"next": review}, form_url=review)
    assert "can no longer be undone" in client.get(again.headers["Location"]).get_data(True)


def test_undo_expires(client, app, teacher):
    art, ids = imported(client, app)
    review = f"/teach/articles/{art}/review"
    response = post_form(
        client, f"/teach/articles/{art}/questions/{ids[0]}/reject", {}, form_url=review
    )
    url = undo_url(client, response)
    with app.app_context():
        db.session.execute(update(UndoAction).values(created_at=utcnow() - timedelta(minutes=5)))
        db.session.commit()
    post_form(client, url, {"next": review}, form_url=review)
    assert ids[0] not in statuses(app, ids)


def test_undo_belongs_to_its_teacher(client, app, auth, teacher):
    art, ids = imported(client, app)
    review = f"/teach/articles/{art}/review"
    response = post_form(
        client, f"/teach/articles/{art}/questions/{ids[0]}/reject", {}, form_url=review
    )
    url = undo_url(client, response)
    auth.logout()
    auth.as_new(username="other", role="teacher")
    post_form(client, url, {"next": "/teach/"}, form_url="/teach/")
    assert ids[0] not in statuses(app, ids)


def test_removing_a_student_can_be_undone(client, app, auth, teacher):
    classroom_id, code = create_class(client)
    auth.logout()
    auth.as_new(username="sam")
    post_form(client, "/classes/join", {"code": code})
    auth.logout()
    auth.login("tina")
    page = f"/teach/classes/{classroom_id}"
    with app.app_context():
        joined = db.session.scalar(select(Enrollment))
        student, joined_at = joined.user_id, joined.joined_at
    response = post_form(
        client, f"/teach/classes/{classroom_id}/students/{student}/remove", {}, form_url=page
    )
    url = undo_url(client, response)
    with app.app_context():
        assert db.session.scalar(select(Enrollment)) is None
    post_form(client, url, {"next": page}, form_url=page)
    with app.app_context():
        back = db.session.scalar(select(Enrollment))
        assert (back.user_id, back.joined_at) == (student, joined_at)


def test_undo_next_stays_on_teacher_pages(client, app, teacher):
    art, ids = imported(client, app)
    review = f"/teach/articles/{art}/review"
    response = post_form(
        client, f"/teach/articles/{art}/questions/{ids[0]}/reject", {}, form_url=review
    )
    url = undo_url(client, response)
    answer = post_form(client, url, {"next": "https://evil.example/"}, form_url=review)
    assert answer.headers["Location"] == "/teach/"
