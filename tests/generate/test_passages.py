"""Other invented articles: invariants and reasonable output."""

import pytest

from quizapp.generate import generate

from .helpers import check_invariants
from .passages import ALL, LOCAL, SCIENCE, SPORTS


@pytest.mark.parametrize("name", sorted(ALL))
def test_invariants(name: str) -> None:
    result = generate(ALL[name])
    check_invariants(ALL[name], result)
    assert {q.kind for q in result.questions} >= {"who_said", "which_year", "number", "who_is"}


def _by(text: str, kind: str) -> dict[str, str]:
    return {q.prompt: q.answer for q in generate(text).questions if q.kind == kind}


def test_sports() -> None:
    said = _by(SPORTS, "who_said")
    assert set(said.values()) >= {"Marta Kowalski", "Jamal Okafor", "Peter Lindqvist"}
    assert "1902" in _by(SPORTS, "which_year").values()
    numbers = _by(SPORTS, "number").values()
    assert "41,000" in numbers and "18%" in numbers
    assert "3-1" not in " ".join(numbers)


def test_science() -> None:
    said = _by(SCIENCE, "who_said")
    assert set(said.values()) == {"Elena Suarez", "Tom Becker"}
    assert not any("words" in p or "scare" in p for p in said)
    assert "Chile" in _by(SCIENCE, "which_rank").values()


def test_local() -> None:
    said = _by(LOCAL, "who_said")
    assert "Kevin Yearout" in said.values()
    # "she" after two women is ambiguous: no question about the bus routes
    assert not any("bus routes" in p for p in said)
    assert {"Linda Osei", "James Whitfield"} <= {p.name for p in generate(LOCAL).people}
    assert "$4.5 million" in _by(LOCAL, "number").values()
