"""Correcting a used key regrades every attempt; manual marks; accepting a typed answer."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Attempt, GradeChange, Question, Response, utcnow
from quizapp.reports.exports import HEADER
from tests.conftest import post_form
from tests.factories import make_quiz
from tests.test_reports_factories import make_attempt, user


def edit_data(app, question_id: int, **changes) -> dict:
    """The edit form of a question as a browser would send it back, with some changes."""
    with app.app_context():
        q = db.session.get(Question, question_id)
        data = {
            "kind": q.kind,
            "format": q.format,
            "prompt": q.prompt,
            "answer": q.answer if q.format != "choice" else "",
            "accepted": "\n".join(q.accepted),
            "tolerance": str(q.tolerance),
            "article_id": str(q.article_id or 0),
            "source_sentence": q.source_sentence or "",
            "explanation": q.explanation,
            "status": q.status,
        }
        if q.format == "choice":
            data.update({f"choices-{i}": c.text for i, c in enumerate(q.choices)})
            data["correct"] = str(next(i for i, c in enumerate(q.choices) if c.is_correct))
    return data | changes


def scores(app, quiz_id: int) -> dict[str, float | None]:
    """Each student's score at a quiz (one attempt each)."""
    with app.app_context():
        attempts = db.session.scalars(select(Attempt).where(Attempt.quiz_id == quiz_id)).all()
        return {a.user.username: a.score for a in attempts}


def log(app, question_id: int) -> list[GradeChange]:
    with app.app_context():
        entries = db.session.scalars(
            select(GradeChange).where(GradeChange.question_id == question_id)
        ).all()
        db.session.expunge_all()
        return list(entries)


@pytest.fixture
def answered(app):
    """mrs_lee's two-question quiz: ann and bob picked 1932 (right) on Q1, cy picked 1928;
    dee, who also picked 1928, has not submitted yet."""
    with app.app_context():
        lee = user("mrs_lee", "teacher")
        quiz = make_quiz(questions=2, owner_id=lee.id)
        for item in quiz.items:
            item.question.author_id = lee.id
        db.session.commit()
        make_attempt(quiz=quiz, user=user("ann"), picks=[0, 0])
        make_attempt(quiz=quiz, user=user("bob"), picks=[0, 1])
        make_attempt(quiz=quiz, user=user("cy"), picks=[1, 0])
        make_attempt(quiz=quiz, user=user("dee"), picks=[1, 0], submitted=False)
        return {"quiz": quiz.id, "q1": quiz.items[0].question_id, "q2": quiz.items[1].question_id}


def test_changing_the_right_choice_asks_first_then_regrades_every_attempt(
    client, auth, app, answered
):
    auth.login("mrs_lee")
    qid, edit = answered["q1"], f"/teach/questions/{answered['q1']}/edit"
    with app.app_context():
        choice_ids = [c.id for c in db.session.get(Question, qid).choices]
    before = scores(app, answered["quiz"])
    assert before == {"ann": 2, "bob": 1, "cy": 1, "dee": None}
    data = edit_data(app, qid, correct="1")  # 1928 is right after all
    response = post_form(client, edit, data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Regrade 4 attempts?" in page
    # ann, bob, cy submitted: 2 + 1 + 1 = 4 now, 1 + 0 + 2 = 3 after; dee is still running.
    assert "from 4 to 3" in page
    assert scores(app, answered["quiz"]) == before and log(app, qid) == []  # nothing yet

    response = post_form(client, edit, data | {"confirm_regrade": "1"})
    assert response.status_code == 302
    assert scores(app, answered["quiz"]) == {"ann": 1, "bob": 0, "cy": 2, "dee": None}
    with app.app_context():
        question = db.session.get(Question, qid)
        assert question.answer == "1928" and question.correct_choice_id == choice_ids[1]
        assert [c.id for c in question.choices] == choice_ids  # responses keep their options
        dee = db.session.scalar(
            select(Response.is_correct)
            .join(Attempt)
            .where(
                Attempt.number == 1, Response.question_id == qid, Attempt.user.has(username="dee")
            )
        )
        assert dee is True  # the running attempt's answer is checked too
    (entry,) = log(app, qid)
    assert entry.action == "regrade" and entry.attempts_changed == 4
    assert (entry.old_total, entry.new_total) == (4, 3)
    assert entry.summary == "right choice: 1932 → 1928"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "4 attempts changed, score total 4 → 3" in page  # the flash
    history = page[page.index('id="grade-log"') :]
    assert "right choice: 1932 → 1928" in history and "mrs_lee" in history
    assert "4 attempts changed · score total 4 → 3" in history


def test_a_regrade_follows_into_the_exports_and_gradebook(client, auth, app, answered):
    auth.login("mrs_lee")
    qid = answered["q1"]
    data = edit_data(app, qid, correct="1", confirm_regrade="1")
    assert post_form(client, f"/teach/questions/{qid}/edit", data).status_code == 302
    export = client.get(f"/teach/reports/export.csv?quiz={answered['quiz']}&questions=1")
    rows = {row[0]: row for row in csv.reader(io.StringIO(export.get_data(as_text=True)))}
    score, marks = HEADER.index("score"), len(HEADER)
    assert rows["cy"][score] == "2" and rows["cy"][marks : marks + 2] == ["1", "1"]
    assert rows["ann"][score] == "1" and rows["ann"][marks] == "0"


def test_the_kind_format_and_choice_texts_of_a_used_question_are_fixed(client, auth, app, answered):
    auth.login("mrs_lee")
    qid, edit = answered["q1"], f"/teach/questions/{answered['q1']}/edit"
    page = client.get(edit).get_data(as_text=True)
    assert "a different question needs a new question" in page  # said before typing
    assert re.search(r'<fieldset class="field"[^>]* disabled', page)  # the format
    assert re.search(
        r'<select[^>]*disabled[^>]*name="kind"|<select[^>]*name="kind"[^>]*disabled', page
    )
    assert re.search(r'name="choices-0"[^>]*readonly|readonly[^>]*name="choices-0"', page)
    for change in ({"choices-1": "1929"}, {"format": "text", "answer": "1932"}, {"kind": "number"}):
        response = post_form(client, edit, edit_data(app, qid, **change))
        assert response.status_code == 400, change
        assert "needs a new question" in response.get_data(as_text=True)
    with app.app_context():
        question = db.session.get(Question, qid)
        assert [c.text for c in question.choices][:2] == ["1932", "1928"]
        assert (question.kind, question.format) == ("which_year", "choice")
    # The browser sends no disabled fields: the stored ones are kept, and wording may change.
    data = edit_data(app, qid, prompt="In which year did the old bridge open?")
    del data["kind"], data["format"]
    assert post_form(client, edit, data).status_code == 302
    assert log(app, qid) == []  # no key change, no regrade


def typed_quiz(*, owner_id: int, answers: dict[str, str], kind: str = "who_said", **settings):
    """A typed-answer quiz of one question (answer "Priya Natarajan"), answered as given."""
    quiz = make_quiz(questions=1, owner_id=owner_id, typed_answers=True, **settings)
    question = quiz.items[0].question
    question.kind, question.format, question.author_id = kind, "text", owner_id
    question.answer = "Priya Natarajan" if kind != "number" else "1932"
    question.choices = []
    db.session.flush()
    for name, typed in answers.items():
        right = typed.casefold() in ("priya natarajan", "1932")
        attempt = Attempt(
            quiz=quiz,
            user_id=user(name).id,
            number=1,
            started_at=utcnow() - timedelta(minutes=5),
            submitted_at=utcnow(),
            score=1 if right else 0,
            max_score=1,
        )
        attempt.responses = [
            Response(question=question, position=0, text_answer=typed, is_correct=right)
        ]
        db.session.add(attempt)
    db.session.commit()
    return quiz


def test_item_statistics_list_typed_answers_and_accept_one_in_a_click(client, auth, app):
    with app.app_context():
        lee = user("mrs_lee", "teacher")
        answers = {"s1": "Priya", "s2": "priya", "s3": "Priya Natarajan", "s4": "Natarajan"}
        quiz = typed_quiz(owner_id=lee.id, answers=answers | {"s5": "Ada Stone"})
        quiz_id, qid = quiz.id, quiz.items[0].question_id
    auth.login("mrs_lee")
    items = f"/teach/reports/quizzes/{quiz_id}/items"
    page = client.get(items).get_data(as_text=True)
    typed = re.findall(
        r"<li>(?:<strong>)?([^<:]+?)(?: \(right\)</strong>)?: <span class=\"typed-count\">(\d+)",
        page,
    )
    assert typed == [
        ("Priya", "2"),
        ("Ada Stone", "1"),
        ("Natarajan", "1"),
        ("Priya Natarajan", "1"),
    ]
    assert page.count("Accept this answer") == 3  # not for the right one
    response = post_form(
        client,
        f"/teach/questions/{qid}/accept",
        {"answer": "Priya", "quiz": str(quiz_id)},
        form_url=items,
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(
        f"/items#item-{qid}"
    )
    assert scores(app, quiz_id) == {"s1": 1, "s2": 1, "s3": 1, "s4": 0, "s5": 0}
    (entry,) = log(app, qid)
    assert entry.summary == "accepted answers: + Priya" and entry.attempts_changed == 2
    assert (entry.old_total, entry.new_total) == (0, 2)  # the changed attempts' scores
    with app.app_context():
        assert db.session.get(Question, qid).accepted == ["Priya"]
    page = client.get(items).get_data(as_text=True)
    assert "<strong>Priya (right)</strong>" in page and page.count("Accept this answer") == 2
    # Accepting it again changes nothing and says so; without the token nothing happens.
    post_form(client, f"/teach/questions/{qid}/accept", {"answer": "Priya"}, form_url=items)
    assert len(log(app, qid)) == 1
    assert (
        client.post(f"/teach/questions/{qid}/accept", data={"answer": "Ada Stone"}).status_code
        == 400
    )
    assert scores(app, quiz_id)["s5"] == 0


def test_another_teacher_cannot_accept_answers_or_change_marks(client, auth, app, answered):
    with app.app_context():
        response_id = db.session.scalar(
            select(Response.id).where(Response.question_id == answered["q1"])
        )
    auth.as_new(username="otto", role="teacher")
    token_page = "/teach/questions"
    r = post_form(
        client, f"/teach/questions/{answered['q1']}/accept", {"answer": "x"}, form_url=token_page
    )
    assert r.status_code == 404
    r = post_form(
        client,
        f"/teach/responses/{response_id}/mark",
        {"mark": "1", "note": "n"},
        form_url=token_page,
    )
    assert r.status_code == 404
    assert log(app, answered["q1"]) == []


def test_a_wider_tolerance_regrades_typed_numbers(client, auth, app):
    with app.app_context():
        lee = user("mrs_lee", "teacher")
        quiz = typed_quiz(
            owner_id=lee.id, kind="number", answers={"a": "1932", "b": "1933", "c": "1940"}
        )
        question = quiz.items[0].question
        question.format = "numeric"
        db.session.commit()
        quiz_id, qid = quiz.id, question.id
    auth.login("mrs_lee")
    edit = f"/teach/questions/{qid}/edit"
    data = edit_data(app, qid, tolerance="1", confirm_regrade="1")
    assert post_form(client, edit, data).status_code == 302
    assert scores(app, quiz_id) == {"a": 1, "b": 1, "c": 0}
    (entry,) = log(app, qid)
    assert entry.summary == "tolerance 0 → 1" and (entry.old_total, entry.new_total) == (0, 1)


def test_a_manual_mark_with_a_note_is_kept_logged_and_exported(client, auth, app, answered):
    with app.app_context():
        response_id = db.session.scalar(
            select(Response.id)
            .join(Attempt)
            .where(Response.question_id == answered["q1"], Attempt.user.has(username="cy"))
        )
        attempt_id = db.session.scalar(
            select(Response.attempt_id).where(Response.id == response_id)
        )
    auth.login("mrs_lee")
    page_url = f"/teach/reports/attempts/{attempt_id}"
    url = f"/teach/responses/{response_id}/mark"
    for mark, note, message in [
        ("0.5", "", "Say why in the note"),
        ("2", "typo", "from 0 (wrong) to 1 (right)"),
        ("half", "typo", "Give a mark from 0 to 1"),
    ]:
        response = post_form(client, url, {"mark": mark, "note": note}, form_url=page_url)
        page = response.get_data(as_text=True)
        assert response.status_code == 400 and message in page
        assert f'value="{mark}"' in page and '<details class="mark-form" open>' in page
    assert scores(app, answered["quiz"])["cy"] == 1
    response = post_form(
        client, url, {"mark": "0,5", "note": "1928 was the first opening"}, form_url=page_url
    )
    assert response.status_code == 302
    assert scores(app, answered["quiz"])["cy"] == 1.5
    page = client.get(page_url).get_data(as_text=True)
    assert "1.5 / 2 (75%)" in page and "Manual mark: <strong>0.5</strong>" in page
    (entry,) = log(app, answered["q1"])
    assert entry.action == "override" and entry.note == "1928 was the first opening"
    assert entry.summary == "mark of cy's attempt 1: 0 → 0.5" and (
        entry.old_total,
        entry.new_total,
    ) == (1, 1.5)
    export = client.get(f"/teach/reports/export.csv?quiz={answered['quiz']}&questions=1")
    cy = next(line for line in export.get_data(as_text=True).splitlines() if line.startswith("cy,"))
    assert cy.endswith(",1.5,2,75.0,0.5,1,Q1: 0.5 (1928 was the first opening)")
    # A later regrade leaves the manual mark alone: the teacher's judgement outranks the key.
    data = edit_data(app, answered["q1"], correct="1", confirm_regrade="1")
    assert post_form(client, f"/teach/questions/{answered['q1']}/edit", data).status_code == 302
    assert scores(app, answered["quiz"]) == {"ann": 1, "bob": 0, "cy": 1.5, "dee": None}
    # Clearing the mark gives the key back its say.
    assert post_form(client, url, {"mark": "", "note": ""}, form_url=page_url).status_code == 302
    assert scores(app, answered["quiz"])["cy"] == 2


def test_discrimination_is_not_judged_on_a_small_sample(client, auth, app, answered):
    auth.login("mrs_lee")
    page = client.get(f"/teach/reports/quizzes/{answered['quiz']}/items").get_data(as_text=True)
    assert page.count("too few attempts to judge (3; 10 needed)") == 2
    assert "Weak discrimination" not in page and "1.00" not in page


@pytest.mark.parametrize(
    ("kind", "prompt", "answer", "typed"),
    [
        ("who_is", "Who is Ada Stone?", "the city's historian", False),  # a role
        ("who_is", "Who is the city's historian?", "Ada Stone", True),  # a name
        ("who_said", "Who said the bridge would reopen?", "Ada Stone", True),
        ("which_year", "In which year did the bridge open?", "1932", True),
        ("which_rank", "Which is the longest bridge?", "the old harbour bridge of the city", False),
    ],
)
def test_only_short_answers_are_typed_in_a_typed_answer_quiz(
    client, auth, app, kind, prompt, answer, typed
):
    with app.app_context():
        quiz = make_quiz(questions=1, typed_answers=True)
        question = quiz.items[0].question
        question.kind, question.prompt, question.answer = kind, prompt, answer
        question.choices[0].text = answer
        db.session.commit()
        slug = quiz.slug
    auth.as_new(username="sam")
    from tests.test_quiz import start

    attempt_id = start(client, slug)
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert ('type="radio"' not in page) is typed, page


def test_the_quiz_builder_says_role_answers_stay_multiple_choice(client, teacher):
    page = client.get("/teach/quizzes/new").get_data(as_text=True)
    assert "stay multiple choice" in page
