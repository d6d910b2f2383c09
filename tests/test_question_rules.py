"""Issue 14: one set of rules for a question, written, imported or generated."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from quizapp.bank import services
from quizapp.extensions import db
from quizapp.generate import DraftQuestion, GeneratedArticle
from quizapp.models import Attempt, Question, utcnow
from tests.conftest import post_form
from tests.factories import make_quiz
from tests.teach_support import choice_question, import_article
from tests.test_reports_factories import user

# The message both the import and the edit form give (the form as a sentence).
TWICE = "the choice “paris” appears twice; choices must differ"


def upload_json(client, items: list[dict]):
    """Upload a JSON bank file through the teacher's import page."""
    data = {"file": (io.BytesIO(json.dumps(items).encode()), "bank.json")}
    return post_form(client, "/teach/reports/bank/import", data, content_type="multipart/form-data")


def count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Question))


def capital_question(choices: list[str], **extra) -> dict:
    item = {"kind": "who_is", "prompt": "What is the capital of France?", "answer": "Paris"}
    return item | {"choices": choices} | extra


def test_choices_differing_only_in_case_are_refused_by_import_and_form_alike(client, app, teacher):
    """The JSON import took ["Paris", "paris"], which the edit form then refused to save."""
    imported = upload_json(client, [capital_question(["Paris", "paris"])])
    assert imported.status_code == 400
    assert f"line 1: {TWICE}" in imported.get_data(as_text=True)
    assert count(app) == 0

    form = choice_question(prompt="What is the capital of France?", choices=("Paris", "paris"))
    written = post_form(client, "/teach/questions/new", {**form, "kind": "who_is"})
    assert written.status_code == 400
    assert "The choice “paris” appears twice; choices must differ." in written.get_data(
        as_text=True
    )
    assert count(app) == 0


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (capital_question([f"City {i}" for i in range(8)] + ["Paris"]), "at most 8 choices"),
        (capital_question(["Paris", "Lyon"], prompt="Which? " * 400), "at most 2,000 characters"),
    ],
    ids=["nine-choices", "long-prompt"],
)
def test_import_refuses_what_the_edit_form_cannot_hold(client, app, teacher, item, message):
    """Nine choices (the form shows eight) or a prompt over the form's limit are refused."""
    response = upload_json(client, [item])
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert count(app) == 0


def test_an_imported_question_saves_unchanged_in_the_edit_form(client, app, teacher):
    """What the import accepts, the edit form saves as it stands."""
    assert upload_json(client, [capital_question(["Paris", "Lyon", "Nice"])]).status_code == 200
    with app.app_context():
        question_id = db.session.scalar(select(Question.id))
    page = client.get(f"/teach/questions/{question_id}/edit")
    assert page.status_code == 200
    data = choice_question(
        prompt="What is the capital of France?", choices=("Paris", "Lyon", "Nice")
    )
    data.update(kind="who_is", status="draft")
    response = post_form(client, f"/teach/questions/{question_id}/edit", data)
    assert response.status_code == 302, response.get_data(as_text=True)


def test_the_generators_import_keeps_out_what_the_form_would_refuse(
    client, app, teacher, monkeypatch
):
    """A generated draft with choices differing only in case does not enter the bank."""

    def draft(prompt: str, choices: tuple[str, ...]) -> DraftQuestion:
        return DraftQuestion(
            kind="who_is",
            prompt=prompt,
            answer=choices[0],
            choices=choices,
            source="The bridge opened.",
            span=(0, 18),
            explanation="",
            confidence=0.9,
        )

    generated = GeneratedArticle(
        questions=[
            draft("Who is Ortiz?", ("The mayor", "The engineer")),
            draft("Who is Becker?", ("The engineer", "the Engineer")),
        ]
    )
    monkeypatch.setattr(services, "generate", lambda text: generated)
    assert import_article(client).status_code == 302
    with app.app_context():
        assert list(db.session.scalars(select(Question.prompt))) == ["Who is Ortiz?"]


@pytest.mark.parametrize(
    ("score", "max_score", "expected"),
    [(None, 3, None), (2.0, 4, 50.0), (0.0, 0, None), (3.0, 3, 100.0)],
    ids=["unscored", "half", "no-questions", "full"],
)
def test_an_attempts_percent_is_the_same_in_sql_and_python(app, score, max_score, expected):
    """Attempt.percent is one definition: the query and the object give the same value."""
    with app.app_context():
        student = user("pat")
        quiz = make_quiz(questions=1)
        attempt = Attempt(quiz=quiz, user_id=student.id, number=1, max_score=max_score)
        attempt.score = score
        db.session.add(attempt)
        db.session.commit()
        in_sql = db.session.scalar(select(Attempt.percent).where(Attempt.id == attempt.id))
        assert attempt.percent == in_sql == expected


@pytest.mark.parametrize(
    ("deadline", "submitted", "running", "timed_out"),
    [(None, False, True, False), (-1, False, False, True), (1, False, True, False)]
    + [(1, True, False, False), (-1, True, False, True)],
)
def test_the_deadline_rule_is_the_same_in_sql_and_python(
    app, deadline, submitted, running, timed_out
):
    """Whether an attempt runs or timed out: one rule, asked by pages and by queries alike."""
    with app.app_context():
        now = utcnow()
        student = user("pat")
        attempt = Attempt(
            quiz=make_quiz(questions=1),
            user_id=student.id,
            number=1,
            started_at=now - timedelta(hours=2),
            deadline_at=now + timedelta(hours=deadline) if deadline is not None else None,
            submitted_at=now - timedelta(hours=1, minutes=30) if submitted else None,
        )
        db.session.add(attempt)
        db.session.commit()
        row = db.session.execute(
            select(Attempt.is_running(now), Attempt.timed_out(now)).where(Attempt.id == attempt.id)
        ).one()
        assert (attempt.is_running(now), attempt.timed_out(now)) == (running, timed_out)
        assert tuple(bool(v) for v in row) == (running, timed_out)
