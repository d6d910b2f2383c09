"""Quality on unseen articles measured against keys written by reading them."""

import pytest

from quizapp.generate import generate

from .evaluate import article_keys, evaluate, evaluate_articles
from .helpers import check_invariants

KEYS = article_keys()
# Honest targets over all unseen articles together (see the report in the evaluate module).
MIN_RECALL = {"who_said": 0.9, "which_year": 0.9, "which_rank": 0.8, "number": 0.85, "who_is": 0.9}


@pytest.fixture(scope="module")
def totals() -> dict:
    return evaluate_articles()[1]


@pytest.mark.parametrize("name", sorted(KEYS))
def test_no_wrong_speaker_ever(name: str) -> None:
    scores = evaluate(KEYS[name].text, KEYS[name])
    assert scores["who_said"].wrong == 0
    assert scores["who_said"].precision == 1.0


@pytest.mark.parametrize("name", sorted(KEYS))
def test_invariants(name: str) -> None:
    check_invariants(KEYS[name].text, generate(KEYS[name].text))


@pytest.mark.parametrize("kind", sorted(MIN_RECALL))
def test_recall(totals: dict, kind: str) -> None:
    assert totals[kind].recall >= MIN_RECALL[kind]


@pytest.mark.parametrize("kind", sorted(MIN_RECALL))
def test_precision(totals: dict, kind: str) -> None:
    assert totals[kind].precision >= 0.95


def test_title_before_name_after_quote() -> None:
    text = KEYS["harbour"].text
    said = {q.prompt: q.answer for q in generate(text).questions if q.kind == "who_said"}
    assert "Lena Okafor" in said.values()


def test_role_distractors_not_plausibly_true() -> None:
    text = KEYS["harbour"].text
    (q,) = [q for q in generate(text).questions if q.prompt == "Who is Lena Okafor?"]
    assert q.answer == "the mayor and the council's longest-serving member"
    assert not any("council" in c for c in q.choices if c != q.answer)
    # The distractor is another person's role from the article, never an invented one.
    assert set(q.choices) - {q.answer} == {"the town engineer"}


def test_role_given_before_the_name() -> None:
    people = {p.name: p.role for p in generate(KEYS["harbour"].text).people}
    assert people["Tomas Reyes"] == "the town engineer"


def test_ranking_of_unknown_subject_uses_listed_names() -> None:
    qs = [q for q in generate(KEYS["harbour"].text).questions if q.kind == "which_rank"]
    which = next(q for q in qs if q.prompt.startswith("Which"))
    assert which.answer == "Harbour"
    assert {"Northport", "Kingsbay"} <= set(which.choices)
    where = next(q for q in qs if q.prompt.startswith("Where"))
    assert where.answer == "third-largest"


@pytest.mark.parametrize(
    "text",
    [
        # an apostrophe-heavy article without speech: no quotes invented
        "The players' union met on Monday. 'Tis the season, the fans' club joked in 1999.",
        # single quotes used as scare quotes inside a double-quoted article
        "Jane Doe, a lawyer, called it 'fair'. \"We will appeal this ruling soon,\" she said.",
    ],
)
def test_single_quotes_not_misread(text: str) -> None:
    said = [q for q in generate(text).questions if q.kind == "who_said"]
    assert all("players" not in q.prompt and "fair" not in q.prompt for q in said)
