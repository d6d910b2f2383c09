"""People: names, aliases, roles and what is not a person."""

import pytest

from quizapp.generate import generate
from quizapp.generate.cast import Person

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


def _speakers(text: str) -> dict[str, str]:
    return {q.prompt: q.answer for q in generate(text).questions if q.kind == "who_said"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # coordination after a plural job noun; surname alone later
        (
            "Geologists Ana Ruiz and Tomas Berg mapped the cave for six years.\n"
            "“We never expected the river to run this deep,” Ruiz says.",
            "Ana Ruiz",
        ),
        (
            "Geologists Ana Ruiz and Tomas Berg mapped the cave for six years.\n"
            "Berg added: “The whole valley sits on top of a hollow.”",
            "Tomas Berg",
        ),
        # a given name known only from the names dataset ("Siobhan", "Oluwaseun")
        (
            "Siobhan Keogh opened the new library on Friday with Mayor Tomas Berg.\n"
            "“Every child in this town deserves a quiet room,” Keogh said.",
            "Siobhan Keogh",
        ),
        # a surname that is a common word, decided by the title and given name
        (
            "Senator Mark Church opposed the bill that Governor Dana Ortiz signed.\n"
            "“This plan costs far more than anyone has admitted,” Church said.",
            "Mark Church",
        ),
    ],
)
def test_surname_alone_after_first_mention(text: str, speaker: str) -> None:
    assert list(_speakers(text).values()) == [speaker]


def test_common_word_surname_needs_a_person_context() -> None:
    text = "Crowds filled Grace Church on Sunday for the concert.\n"
    assert generate(text).people == []


@pytest.mark.parametrize(
    "headline",
    [
        "How the Folk Singer Nora Quill Wrote the Most Played Song of the Whole Long Summer",
        "Nora Quill On Music Being ‘The Only Thing Worth Doing’",
    ],
)
def test_title_case_headline_names_nobody(headline: str) -> None:
    text = (
        f"{headline}\n\n"
        "The singer Nora Quill spent a winter in a cabin with her producer, Tomas Berg.\n"
        "“I had no plan at all when I arrived there,” Quill said."
    )
    assert [p.name for p in generate(text).people] == ["Nora Quill", "Tomas Berg"]
    assert list(_speakers(text).values()) == ["Nora Quill"]


def test_person_named_inside_quote_is_not_the_speaker() -> None:
    # "she" has no antecedent outside the quote (Tom is a man): not credited to Laura Vance.
    text = (
        "Laura Vance wrote the score in a month.\n"
        "Tom Vance, a drummer, remembers the noise. "
        "“It would have been easy for Laura Vance to stop halfway through,” she said."
    )
    assert _speakers(text) == {}


@pytest.mark.parametrize(
    ("text", "not_person"),
    [
        # a list of newspapers, then a coordinated description of their owner
        (
            "The group owns the Leeds Ledger, Bristol Courier and Exeter Gazette, "
            "and the former owner of The Post.",
            "Exeter Gazette",
        ),
        # a name that starts with a place is an organisation
        ("Reporters at the Chicago Sentinel, a daily, broke the story.", "Chicago Sentinel"),
        # a mountain range whose first word is also a given name
        ("Winds swept over the Sierra Nevada on Sunday.", "Sierra Nevada"),
        # the news agency
        ("Agence France-Presse reported the fire late on Friday.", "Agence France-Presse"),
    ],
)
def test_organisations_and_places_are_not_people(text: str, not_person: str) -> None:
    assert not_person not in [p.name for p in generate(text).people]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "“We looked again,” said Mia Lund, a chemist at the University in St. Paul.",
            "Mia Lund",
            "a chemist at the University in St. Paul",
        ),
        (
            "“We looked again,” said Mia Lund, now a chemist at a state laboratory.",
            "Mia Lund",
            "a chemist at a state laboratory",
        ),
    ],
)
def test_role_text(text: str, name: str, role: str) -> None:
    people = {p.name: p for p in generate(text).people}
    assert people[name].role == role


def test_a_persons_surnames_follow_the_fuller_name_adopted_later():
    person = Person("Eriksson Ek", ["Eriksson", "Ek"], 0)
    assert person.surnames == ("Ek",) and person.words == ("Eriksson", "Ek")
    person.tokens = ["Joel", "Eriksson", "Ek"]  # as people.py adopts a full name
    assert person.surnames == ("Ek", "Eriksson", "Eriksson Ek")
    assert person.aliases()[:2] == ("Joel Eriksson", "Joel Ek")
