"""The linter's flags: stored on import, shown next to the draft, filtered on the review page."""

from __future__ import annotations

import dataclasses
import re

import pytest
from sqlalchemy import select

import quizapp.bank.services
from quizapp.extensions import db
from quizapp.generate import generate as real_generate
from quizapp.models import Question
from tests.teach_support import article_id, import_article

TOO_LONG = "TOO_LONG: the question has 34 words"
WH = "WH_IN_PHRASE: “the how much Science Prize”"


def flagging(reasons_by_index: dict[int, tuple[str, ...]]):
    """The real generator, with linter reasons added to some of its drafts."""

    def generate(text: str):
        result = real_generate(text)
        result.questions = [
            dataclasses.replace(q, flags=reasons_by_index.get(i, ()))
            for i, q in enumerate(result.questions)
        ]
        return result

    return generate


def card(page: str, question_id: int) -> str:
    """The review page's card of one question."""
    match = re.search(
        rf'<article class="card[^"]*" id="q{question_id}">(.*?)</article>', page, re.S
    )
    assert match, f"no card for question {question_id}"
    return match.group(1)


def imported(client, app, monkeypatch, reasons: dict[int, tuple[str, ...]]) -> tuple[int, list]:
    """Import the test article with those flags; its id and (id, flag) of its drafts in order."""
    monkeypatch.setattr(quizapp.bank.services, "generate", flagging(reasons))
    assert import_article(client).status_code == 302
    art = article_id(app, "Bridge reopens")
    with app.app_context():
        rows = db.session.execute(
            select(Question.id, Question.flag)
            .where(Question.article_id == art)
            .order_by(Question.id)
        ).all()
    return art, [tuple(row) for row in rows]


def test_flags_are_stored_and_shown_next_to_the_draft(client, app, teacher, monkeypatch):
    art, rows = imported(client, app, monkeypatch, {0: (TOO_LONG, WH)})
    (flagged_id, flag), (clean_id, clean_flag) = rows[0], rows[1]
    assert flag == f"{TOO_LONG}; {WH}"
    assert clean_flag is None
    page = client.get(f"/teach/articles/{art}/review").get_data(as_text=True)
    shown = card(page, flagged_id)
    assert "<strong>Too long</strong>: the question has 34 words" in shown
    assert "<strong>Question word inside a phrase</strong>: “the how much Science Prize”" in shown
    assert "TOO_LONG" not in shown
    assert "flag-reason" not in card(page, clean_id)


def test_flagged_only_filter(client, app, teacher, monkeypatch):
    art, rows = imported(client, app, monkeypatch, {1: (TOO_LONG,), 2: ("CUT: “U” ends early",)})
    flagged = {rows[1][0], rows[2][0]}
    everything = client.get(f"/teach/articles/{art}/review").get_data(as_text=True)
    assert "Flagged only (2)" in everything
    assert {int(i) for i in re.findall(r'id="q(\d+)"', everything)} == {i for i, _ in rows}
    page = client.get(f"/teach/articles/{art}/review?flagged=1").get_data(as_text=True)
    assert {int(i) for i in re.findall(r'id="q(\d+)"', page)} == flagged
    assert "Text cut in the wrong place" in page
    assert "2 flagged drafts waiting" in page


def test_no_flag_shows_an_empty_filter_message(client, app, teacher, monkeypatch):
    art, _ = imported(client, app, monkeypatch, {})
    page = client.get(f"/teach/articles/{art}/review?flagged=1").get_data(as_text=True)
    assert "No question of this article is flagged." in page
    assert "Flagged only (0)" in page


@pytest.mark.parametrize("count", [1, 12])
def test_long_reasons_fit_the_column(client, app, teacher, monkeypatch, count):
    reasons = tuple(f"CODE_{n}: " + "word " * 80 for n in range(count))
    art, rows = imported(client, app, monkeypatch, {0: reasons})
    flag = rows[0][1]
    assert 0 < len(flag) <= 300
    assert flag.startswith("CODE_0: word")
    page = client.get(f"/teach/articles/{art}/review").get_data(as_text=True)
    assert "<strong>Code 0</strong>: word" in card(page, rows[0][0])


def test_a_flag_without_a_code_reads_as_it_is(client, app, teacher, monkeypatch):
    art, rows = imported(client, app, monkeypatch, {0: ("Changed; check it against the text",)})
    page = client.get(f"/teach/articles/{art}/review").get_data(as_text=True)
    assert "Check again</strong>: Changed; check it against the text" in card(page, rows[0][0])
