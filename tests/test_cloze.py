"""Cloze (fill-in-the-blank) questions: a visible blank on every page, GIFT and JSON round trips."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.generate.cloze import BLANK, split_blank
from quizapp.models import Question, Quiz, QuizQuestion
from tests.conftest import post_form
from tests.factories import make_article, make_question
from tests.test_quiz import start, submit

CLOZE = "Fill in the blank: The council approved the <plan> in _____."
SHOWN = (
    "Fill in the blank: The council approved the &lt;plan&gt; in "
    '<span class="blank"><span class="visually-hidden">blank</span></span>.'
)


def cloze_question(app, **kw) -> dict:
    """A published cloze which_year question in a public quiz of its own."""
    with app.app_context():
        article = make_article(title="Council")
        question = make_question(
            article=article,
            prompt=CLOZE,
            answer="2019",
            distractors=("2018", "2020", "2021"),
            source="The council approved the <plan> in 2019.",
            **kw,
        )
        quiz = Quiz(title="Council quiz", slug="council", public=True, published=True)
        quiz.items = [QuizQuestion(question=question, position=0)]
        db.session.add(quiz)
        db.session.commit()
        right = next(c.id for c in question.choices if c.is_correct)
        return {"id": question.id, "article": article.id, "right": right}


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        (CLOZE, ("The council approved the <plan> in ", ".")),
        ("Fill in the blank: _____ is the capital.", ("", " is the capital.")),
        ("The bridge cost _____ dollars.", ("The bridge cost ", " dollars.")),
        ("Fill in the blank: the _____ and the _____.", None),
        ("In what year did the council approve the plan?", None),
    ],
)
def test_split_blank(prompt, expected):
    assert split_blank(prompt) == expected


def test_a_cloze_question_shows_its_blank_when_taken_and_in_the_result(client, app, auth):
    q = cloze_question(app)
    auth.as_new()
    attempt_id = start(client, "council")
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert SHOWN in page and BLANK not in page
    response = submit(client, attempt_id, {q["id"]: q["right"]})
    result = client.get(response.headers["Location"]).get_data(as_text=True)
    assert SHOWN in result and BLANK not in result


def test_a_cloze_question_shows_its_blank_in_practice(client, app, auth):
    q = cloze_question(app)
    auth.as_new()
    page = client.get("/practice/").get_data(as_text=True)
    assert SHOWN in page
    response = post_form(
        client, f"/practice/{q['id']}", {"choice": q["right"]}, form_url="/practice/"
    )
    feedback = client.get(response.headers["Location"]).get_data(as_text=True)
    assert SHOWN in feedback and BLANK not in feedback


def test_teacher_pages_show_the_blank(client, app, auth):
    q = cloze_question(app)
    auth.as_new(username="boss", role="admin")
    for url in (
        f"/teach/articles/{q['article']}/review",
        f"/teach/questions/{q['id']}/preview",
        "/teach/questions",
    ):
        page = client.get(url).get_data(as_text=True)
        assert SHOWN in page, url


def test_gift_puts_the_answers_where_the_blank_is_and_reads_them_back(app, runner, tmp_path):
    cloze_question(app, accepted=())
    exported = tmp_path / "bank.gift"
    result = runner.invoke(args=["bank", "export", "--format", "gift", "-o", str(exported)])
    assert result.exit_code == 0, result.output
    text = exported.read_text(encoding="utf-8")
    assert "The council approved the <plan> in {=2019 ~2018 ~2020 ~2021 ####" in text
    assert "}." in text and "Fill in the blank" not in text and BLANK not in text
    with app.app_context():
        db.session.execute(db.delete(QuizQuestion))
        db.session.execute(db.delete(Question))
        db.session.commit()
    result = runner.invoke(args=["bank", "import", str(exported)])
    assert result.exit_code == 0, result.output
    with app.app_context():
        back = db.session.scalar(select(Question))
        assert (back.prompt, back.kind, back.answer) == (CLOZE, "which_year", "2019")
        assert [c.text for c in back.choices] == ["2019", "2018", "2020", "2021"]


def test_a_moodle_missing_word_question_becomes_a_cloze(app, runner, tmp_path):
    path = tmp_path / "moodle.gift"
    path.write_text(
        "::Gandhi:: Gandhi's birthday is a holiday on {~15th ~3rd =2nd} of October.\n",
        encoding="utf-8",
    )
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code == 0, result.output
    with app.app_context():
        back = db.session.scalar(select(Question))
        assert (
            back.prompt == "Fill in the blank: Gandhi's birthday is a holiday on _____ of October."
        )
        assert split_blank(back.prompt) == ("Gandhi's birthday is a holiday on ", " of October.")


def test_json_keeps_the_cloze_prompt(app, runner):
    cloze_question(app)
    result = runner.invoke(args=["bank", "export", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["prompt"] == CLOZE
