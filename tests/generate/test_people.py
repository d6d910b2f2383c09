"""People: names, aliases, roles and what is not a person."""

import pytest

from quizapp.generate import generate

from . import seed_key as key
from .seed import SEED


@pytest.fixture(scope="module")
def seed_people() -> dict:
    return {p.name: p for p in generate(SEED).people}


@pytest.mark.parametrize(("name", "role"), sorted(key.PEOPLE.items()))
def test_seed_person_and_role(seed_people: dict, name: str, role: str) -> None:
    assert name in seed_people
    assert role in (seed_people[name].role or "")


@pytest.mark.parametrize(("alias", "name"), sorted(key.ALIASES.items()))
def test_seed_alias(seed_people: dict, alias: str, name: str) -> None:
    assert alias in seed_people[name].aliases


@pytest.mark.parametrize("phrase", key.NOT_PEOPLE)
def test_not_people(seed_people: dict, phrase: str) -> None:
    assert not any(phrase in n or n in phrase for n in seed_people)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "“We are open,” said Kevin Yearout, 51, co-owner of a hardware store.",
            "Kevin Yearout",
            "co-owner of a hardware store",
        ),
        ("Doug Ford, the premier of Ontario, disagreed.", "Doug Ford", "the premier of Ontario"),
        ("Canadian Prime Minister Mark Carney arrived.", "Mark Carney", "Canadian Prime Minister"),
        (
            "That surprised Laura Macdonald, who teaches politics at a college.",
            "Laura Macdonald",
            "someone who teaches politics at a college",
        ),
        (
            "It was tough, says Jane Q. Public, a lawyer in Boston.",
            "Jane Q. Public",
            "a lawyer in Boston",
        ),
    ],
)
def test_roles(text: str, name: str, role: str) -> None:
    people = {p.name: p for p in generate(text).people}
    assert people[name].role == role


def test_honorific_without_full_stop_and_hispanic_surname() -> None:
    text = (
        "President Claudia Sheinbaum Pardo met John Smith on Friday.\n"
        "“We signed a very good deal today,” Ms Sheinbaum said.\n"
        "“It is a good start for both of us,” said Mr Smith."
    )
    qs = {q.answer for q in generate(text).questions if q.kind == "who_said"}
    assert qs == {"Claudia Sheinbaum Pardo", "John Smith"}
