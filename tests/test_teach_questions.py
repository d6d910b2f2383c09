"""Authoring questions in every format: validation, preview, edit locks, retire-not-delete."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Choice, Question
from tests.conftest import post_form
from tests.teach_support import (
    choice_question,
    create_class,
    create_question,
    create_quiz,
    quiz_data,
    quiz_slug,
)
from tests.test_quiz import start, submit


def stored(app, question_id: int) -> Question:
    with app.app_context():
        question = db.session.get(Question, question_id)
        if question is not None:
            _ = [c.text for c in question.choices]
            db.session.expunge(question)
        return question


def test_multiple_choice_question_is_saved_with_one_correct_choice(client, app, teacher):
    qid = create_question(client, choice_question(choices=("1928", "1932", "", "1936"), correct=1))
    question = stored(app, qid)
    assert question.format == "choice" and question.answer == "1932"
    assert [(c.text, c.is_correct) for c in question.choices] == [
        ("1928", False),
        ("1932", True),
        ("1936", False),
    ]
    assert question.author_id is not None and question.status == "published"


def test_typed_question_keeps_its_aliases(client, app, teacher):
    data = {
        "kind": "who_said",
        "format": "text",
        "prompt": "Who said the bridge is the heart of the city?",
        "answer": "Lena Ortiz",
        "accepted": "Ortiz\n\n  Mayor Ortiz  \n",
        "article_id": "0",
        "status": "draft",
    }
    question = stored(app, create_question(client, data))
    assert question.format == "text" and question.answer == "Lena Ortiz"
    assert question.accepted == ["Ortiz", "Mayor Ortiz"] and question.choices == []


def test_numeric_question_keeps_its_tolerance(client, app, teacher):
    data = {
        "kind": "number",
        "format": "numeric",
        "prompt": "How many rivets were replaced?",
        "answer": "6,000",
        "tolerance": "100",
        "article_id": "0",
        "status": "published",
    }
    question = stored(app, create_question(client, data))
    assert (question.format, question.answer, question.tolerance) == ("numeric", "6,000", 100)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (choice_question(choices=("1932", "1932 ")), "appears twice"),
        (choice_question(choices=("1932", "1928"), correct=""), "Mark which choice is correct"),
        (choice_question(choices=("1932", "1928"), correct=5), "must be among the choices"),
        (choice_question(choices=("1932",)), "at least two choices"),
        (choice_question(choices=()), "at least two choices"),
        (choice_question(prompt=""), "This field is required."),
        (choice_question(kind="gossip"), "Not a valid choice"),
        (
            {"kind": "number", "format": "numeric", "prompt": "How many?", "answer": "many"},
            "needs a number",
        ),
        (
            {
                "kind": "number",
                "format": "numeric",
                "prompt": "How many?",
                "answer": "5",
                "tolerance": "-1",
            },
            "must be a whole number from 0 to 1,000,000",
        ),
        (
            {"kind": "who_said", "format": "text", "prompt": "Who?", "answer": ""},
            "The answer is empty.",
        ),
    ],
    ids=[
        "duplicate-choices",
        "no-correct",
        "correct-is-empty",
        "one-choice",
        "no-choices",
        "no-prompt",
        "bad-kind",
        "numeric-not-a-number",
        "negative-tolerance",
        "text-no-answer",
    ],
)
def test_question_form_validation(client, app, teacher, data, message):
    data = {"article_id": "0", "status": "draft", **data}
    response = post_form(client, "/teach/questions/new", data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Question.id)) is None


def test_preview_shows_radios_but_no_key(client, app, teacher):
    qid = create_question(
        client, choice_question(explanation="The article says 1932.", source_sentence="It opened.")
    )
    page = client.get(f"/teach/questions/{qid}/preview").get_data(as_text=True)
    assert page.count('type="radio"') == 3
    assert "1932" in page and "1936" in page
    assert "correct" not in page.lower() and "(answer)" not in page
    assert "The article says" not in page and "It opened." not in page


def test_editing_an_unused_question_replaces_its_choices(client, app, teacher):
    qid = create_question(client, choice_question())
    edit = f"/teach/questions/{qid}/edit"
    page = client.get(edit).get_data(as_text=True)
    assert 'value="1932"' in page and 'id="correct-0" value="0"\n                 checked' in page
    data = choice_question(choices=("1936", "1932"), correct=1, prompt="When did it open?")
    response = post_form(client, edit, data)
    assert response.status_code == 302
    question = stored(app, qid)
    assert question.prompt == "When did it open?"
    assert [(c.text, c.is_correct) for c in question.choices] == [("1936", False), ("1932", True)]


def test_the_list_filters_and_pages(client, app, teacher):
    for n in range(27):
        create_question(client, choice_question(prompt=f"Year question {n}?"))
    create_question(
        client,
        {
            "kind": "who_is",
            "format": "text",
            "prompt": "Who is Ortiz?",
            "answer": "The mayor",
            "article_id": "0",
            "status": "draft",
        },
    )
    first = client.get("/teach/questions").get_data(as_text=True)
    assert "Page 1 of 2 (28 questions)" in first
    assert "Year question 26?" in first and "Year question 0?" not in first
    second = client.get("/teach/questions?page=2").get_data(as_text=True)
    assert "Year question 0?" in second
    drafts = client.get("/teach/questions?status=draft").get_data(as_text=True)
    assert "Who is Ortiz?" in drafts and "Year question" not in drafts
    kind = client.get("/teach/questions?kind=which_year&status=draft").get_data(as_text=True)
    assert "No questions match." in kind


def answered_question(client, app, auth) -> tuple[int, int]:
    """A question in a quiz that a student has submitted; returns (question id, quiz id)."""
    qid = create_question(client, choice_question())
    quiz_id = create_quiz(client, quiz_data("Bridge quiz", questions=str(qid), public="y"))
    slug = quiz_slug(app, quiz_id)
    auth.logout()
    auth.as_new(username="sam")
    attempt = start(client, slug)
    with app.app_context():
        right = db.session.scalar(
            select(Choice.id).where(Choice.question_id == qid, Choice.is_correct)
        )
    submit(client, attempt, {qid: right})
    auth.logout()
    auth.login("tina")
    return qid, quiz_id


def test_a_used_question_is_retired_not_deleted(client, app, auth, teacher):
    qid, _ = answered_question(client, app, auth)
    edit = f"/teach/questions/{qid}/edit"
    assert "Retire this question" in client.get(edit).get_data(as_text=True)
    response = post_form(client, f"/teach/questions/{qid}/delete", {}, form_url=edit)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "retired instead of deleted" in page
    assert stored(app, qid).status == "retired"


def test_an_unused_question_is_deleted(client, app, teacher):
    qid = create_question(client, choice_question())
    edit = f"/teach/questions/{qid}/edit"
    response = post_form(client, f"/teach/questions/{qid}/delete", {}, form_url=edit)
    assert response.headers["Location"].endswith("/teach/questions")
    assert stored(app, qid) is None


def test_a_used_question_keeps_its_answer_but_wording_may_change(client, app, auth, teacher):
    qid, _ = answered_question(client, app, auth)
    edit = f"/teach/questions/{qid}/edit"
    changed = choice_question(choices=("1932", "1928", "1999"))
    response = post_form(client, edit, changed)
    assert response.status_code == 400
    assert "needs a new question (retire this one)" in response.get_data(as_text=True)
    assert [c.text for c in stored(app, qid).choices] == ["1932", "1928", "1936"]
    typo = choice_question(prompt="In which year did the bridge first open? (fixed)")
    assert post_form(client, edit, typo).status_code == 302
    assert stored(app, qid).prompt.endswith("(fixed)")


def test_the_importer_edits_generated_questions_but_not_other_teachers(client, app, auth):
    auth.as_new(username="tina", role="teacher")
    qid = create_question(client, choice_question())
    create_class(client)
    auth.logout()
    auth.as_new(username="otto", role="teacher")
    assert client.get(f"/teach/questions/{qid}/edit").status_code == 404
    assert client.get(f"/teach/questions/{qid}/preview").status_code == 200  # published
    page = client.get("/teach/questions").get_data(as_text=True)
    assert f"/teach/questions/{qid}/edit" not in page
    match = re.search(r"/teach/questions/(\d+)/preview", page)
    assert match and int(match.group(1)) == qid
