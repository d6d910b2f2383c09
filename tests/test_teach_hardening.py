"""Teacher pages against hostile input and across teachers: ids, bounds, ownership, aliases."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from quizapp.bank.services import CHANGED_FLAG
from quizapp.extensions import db
from quizapp.models import Article, Question, User
from tests.conftest import post_form
from tests.factories import make_quiz
from tests.teach_support import (
    ARTICLE,
    article_id,
    choice_question,
    create_question,
    import_article,
    quiz_data,
)
from tests.test_reports_factories import make_attempt, user

URL = "https://example.com/bridge"


@pytest.mark.parametrize("correct", ["²", "٣", "-1", "7", "99999999999999999999"])
def test_a_correct_choice_that_is_no_row_number_is_a_form_error(client, teacher, correct):
    response = post_form(
        client, "/teach/questions/new", choice_question(correct=0) | {"correct": correct}
    )
    assert response.status_code == 400
    assert "The answer must be among the choices" in response.get_data(as_text=True)


def test_bulk_publish_ignores_ids_that_are_not_plain_numbers(client, app, teacher):
    import_article(client)
    art = article_id(app, "Bridge reopens")
    response = post_form(
        client,
        f"/teach/articles/{art}/publish",
        {"scope": "selected", "ids": ["²", "99999999999999999999"]},
        form_url=f"/teach/articles/{art}/review",
    )
    assert response.status_code == 302
    assert "Nothing to publish" in client.get(response.headers["Location"]).get_data(as_text=True)


@pytest.mark.parametrize("tolerance", ["1000001", "99999999999999999999"])
def test_question_tolerance_is_bounded(client, teacher, tolerance):
    data = {
        "kind": "number",
        "format": "numeric",
        "prompt": "How many rivets were replaced?",
        "answer": "6000",
        "tolerance": tolerance,
        "article_id": "0",
        "status": "draft",
    }
    response = post_form(client, "/teach/questions/new", data)
    assert response.status_code == 400
    assert "must be a whole number from 0 to 1,000,000." in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("tolerance", "99999999999999999999", "must be a whole number from 0 to 1,000,000."),
        ("time_limit", "10081", "Give 1 to 10080 minutes"),
        ("max_attempts", "99999999999", "Allow 1 to 1000."),
        ("draw_count", "1001", "Draw 1 to 1000 questions."),
    ],
)
def test_quiz_numbers_are_bounded(client, teacher, field, value, message):
    create_question(client, choice_question())
    response = post_form(
        client, "/teach/quizzes/new", quiz_data("Big", mode="draw", **{field: value})
    )
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def _states(app, art: int) -> tuple[int | None, set]:
    with app.app_context():
        article = db.session.get(Article, art)
        flags = db.session.scalars(select(Question.flag).where(Question.article_id == art))
        # Only the "text changed" flag tells of a replacement; the linter's reasons are others.
        changed = {bool(flag and CHANGED_FLAG in flag) for flag in flags}
        return article.replaced_by_id, changed


def test_another_teacher_cannot_replace_an_article_by_reusing_its_url(client, app, auth):
    auth.as_new(username="tina", role="teacher")
    import_article(client, source_url=URL)
    art = article_id(app, "Bridge reopens")
    auth.logout()
    auth.as_new(username="otto", role="teacher")
    import_article(
        client, title="Otto's text", body=ARTICLE + "\nA new paragraph.\n", source_url=URL
    )
    assert _states(app, art) == (None, {False})
    auth.logout()
    auth.login("tina")
    import_article(
        client, title="Tina's update", body=ARTICLE + "\nAnother line.\n", source_url=URL
    )
    replaced_by, flags = _states(app, art)
    assert replaced_by == article_id(app, "Tina's update") and flags == {True}


@pytest.fixture
def shared_article(client, app, auth):
    """tina imports an article; otto attaches a hand-written draft to it; tina is logged in."""
    auth.as_new(username="tina", role="teacher")
    import_article(client)
    art = article_id(app, "Bridge reopens")
    auth.logout()
    auth.as_new(username="otto", role="teacher")
    data = choice_question(prompt="Otto's own question?", status="draft", article_id=str(art))
    otto_q = create_question(client, data)
    auth.logout()
    auth.login("tina")
    return art, otto_q


@pytest.mark.parametrize("action", ["accept", "reject"])
def test_importer_cannot_act_on_another_teachers_question(client, app, shared_article, action):
    art, otto_q = shared_article
    review = f"/teach/articles/{art}/review"
    url = f"/teach/articles/{art}/questions/{otto_q}/{action}"
    assert post_form(client, url, {}, form_url=review).status_code == 404
    post_form(client, f"/teach/articles/{art}/publish", {"scope": "all"}, form_url=review)
    with app.app_context():
        assert db.session.get(Question, otto_q).status == "draft"
    assert "Otto&#39;s own question?" not in client.get(review).get_data(as_text=True)


def test_another_teachers_published_question_is_read_only_on_review(client, app, shared_article):
    art, otto_q = shared_article
    with app.app_context():
        db.session.get(Question, otto_q).status = "published"
        db.session.commit()
    page = client.get(f"/teach/articles/{art}/review").get_data(as_text=True)
    assert "Otto&#39;s own question?" in page and "Written by another teacher" in page
    assert f"/questions/{otto_q}/reject" not in page and f"/questions/{otto_q}/edit" not in page


@pytest.fixture
def used_generated_question(app, teacher):
    """A generated multiple-choice question with aliases, imported by tina, answered once."""
    with app.app_context():
        quiz = make_quiz(questions=1)
        question = quiz.items[0].question
        question.article.imported_by_id = db.session.scalar(
            select(User.id).where(User.username == "tina")
        )
        question.accepted = ["nineteen thirty-two", "1932 AD"]
        make_attempt(quiz=quiz, user=user("ana"), picks=[0])
        db.session.commit()
        return question.id


def _edit_data(app, question_id: int, **changes) -> dict:
    with app.app_context():
        q = db.session.get(Question, question_id)
        data = choice_question(
            prompt=q.prompt,
            choices=tuple(c.text for c in q.choices),
            correct=next(i for i, c in enumerate(q.choices) if c.is_correct),
            kind=q.kind,
            article_id=str(q.article_id),
            status=q.status,
            source_sentence=q.source_sentence,
            explanation=q.explanation,
        )
    return data | changes


def test_editing_a_choice_question_keeps_its_aliases_and_allows_typo_fixes(
    client, app, used_generated_question
):
    qid = used_generated_question
    page = client.get(f"/teach/questions/{qid}/edit").get_data(as_text=True)
    assert "nineteen thirty-two" in page and "when students type their answer" in page
    data = _edit_data(app, qid, prompt="In which year did the bridge open?")
    data["accepted"] = "nineteen thirty-two\n1932 AD"
    response = post_form(client, f"/teach/questions/{qid}/edit", data)
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        question = db.session.get(Question, qid)
        assert question.prompt == "In which year did the bridge open?"
        assert question.accepted == ["nineteen thirty-two", "1932 AD"]
    data["accepted"] = "nineteen thirty-two"
    response = post_form(client, f"/teach/questions/{qid}/edit", data)
    # A key change of a used question asks to confirm the regrade before anything is saved.
    assert response.status_code == 200 and "Save and regrade" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Question, qid).accepted == ["nineteen thirty-two", "1932 AD"]


def test_bank_list_shows_the_published_bank_and_only_my_drafts(client, app, auth):
    auth.as_new(username="tina", role="teacher")
    create_question(client, choice_question(prompt="Tina draft?", status="draft"))
    create_question(client, choice_question(prompt="Tina published?"))
    auth.logout()
    auth.as_new(username="otto", role="teacher")
    create_question(client, choice_question(prompt="Otto draft?", status="draft"))
    page = client.get("/teach/questions").get_data(as_text=True)
    assert "Tina published?" in page and "Otto draft?" in page
    assert "Tina draft?" not in page
    assert "Tina draft?" not in client.get("/teach/questions?status=draft").get_data(as_text=True)
    auth.logout()
    auth.as_new(username="root", role="admin")
    assert "Tina draft?" in client.get("/teach/questions").get_data(as_text=True)
