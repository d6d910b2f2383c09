"""Quality on the seed article measured against the hand-labelled key."""

import pytest

from quizapp.generate import generate

from .evaluate import evaluate
from .helpers import check_invariants
from .seed import SEED


@pytest.fixture(scope="module")
def scores() -> dict:
    return evaluate(SEED)


def test_quotes_recall_and_no_wrong_speaker(scores: dict) -> None:
    s = scores["who_said"]
    assert s.recall >= 0.9
    assert s.wrong == 0


@pytest.mark.parametrize("kind", ["which_year", "which_rank", "number", "who_is"])
def test_full_recall(scores: dict, kind: str) -> None:
    assert scores[kind].recall == 1.0


@pytest.mark.parametrize("kind", ["who_said", "which_year", "which_rank", "number", "who_is"])
def test_precision(scores: dict, kind: str) -> None:
    assert scores[kind].precision >= 0.9


def test_invariants_on_seed() -> None:
    check_invariants(SEED, generate(SEED))


def test_short_quotes_not_asked() -> None:
    prompts = [q.prompt for q in generate(SEED).questions if q.kind == "who_said"]
    assert not any("“terrible”" in p for p in prompts)


def test_deterministic() -> None:
    assert generate(SEED) == generate(SEED)


def test_prompts_stand_alone() -> None:
    years = {q.answer: q.prompt for q in generate(SEED).questions if q.kind == "which_year"}
    assert "established diplomatic relations" in years["1944"]
    assert not years["1994"].lower().startswith("and it")
