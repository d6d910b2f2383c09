"""Choices: one correct answer, distractors of the answer's type taken from the article."""

import pytest

from quizapp.generate import generate
from quizapp.generate.article import parse
from quizapp.generate.distractors import hedge_of, hedged, rescaled

# Short articles written for these tests: each reproduces one pattern of real journalism.
TWO_SPEAKERS = (
    "Town plans new ferry pier\n"
    "Harbour master Olive Brandt said the old pier would close in May.\n"
    "“The timbers are rotten and we cannot wait another winter,” Brandt said.\n"
    "“We land our catch there every single morning of the week,” said fisherman Carl Odum."
)
# A newspaper and a broadcaster named like people ("Hartford Courant" pattern).
WITH_OUTLETS = (
    "Mill closure hits valley\n"
    "Plant manager Rosa Lind said the mill would shut in March.\n"
    "“We tried every option to keep these jobs in the valley,” Lind said.\n"
    "The mill belongs to Hale Group, the owner of the Denton Post and Ridgeway Courier, and the "
    "former owner of The Ledger.\n"
    "Union steward Ivan Pohl said workers would vote on the offer.\n"
    "“Nobody here wants to leave the valley for work,” Pohl said."
)
# Two governors: the one asked about must not sit beside the other as a distractor.
TWO_GOVERNORS = (
    "Teachers rally at the capitol\n"
    "Republican Gov. Dale Hutch said the budget would rise next year.\n"
    "Republican Gov. Ray Miles of Kentucky said his state had done the same.\n"
    "School board chair Tina Vos said the rise was too small.\n"
    "Union president Sam Ortega called for a strike vote.\n"
    "“Teachers have waited long enough for a fair wage,” Ortega said."
)
GENERIC_NAMES = {"Maria Lopez", "James Wilson", "Sarah Thompson", "David Chen", "Elena Petrova"}
GENERIC_ROLES = {"a bank manager", "a software developer", "a police officer", "a hospital nurse"}


def person_questions(text: str) -> list:
    names = {p.name for p in generate(text).people}
    return [q for q in generate(text).questions if q.kind == "who_said" or q.answer in names], names


@pytest.mark.parametrize("text", [TWO_SPEAKERS, WITH_OUTLETS, TWO_GOVERNORS])
def test_person_choices_are_people_of_the_article(text: str) -> None:
    questions, names = person_questions(text)
    assert questions
    for q in questions:
        assert set(q.choices) <= names, q
        assert not set(q.choices) & GENERIC_NAMES


def test_two_people_make_a_two_choice_question_not_an_invented_third() -> None:
    questions = [q for q in generate(TWO_SPEAKERS).questions if q.kind == "who_said"]
    assert questions
    for q in questions:
        assert sorted(q.choices) == ["Carl Odum", "Olive Brandt"]


def test_outlets_are_never_offered_as_people() -> None:
    for q in generate(WITH_OUTLETS).questions:
        assert not any("Courier" in c or "Post" in c for c in q.choices), q


@pytest.mark.parametrize(
    ("role", "left_out"),
    [
        ("the Republican Governor", {"Ray Miles"}),  # a party tells no governor apart
        ("the Governor", {"Ray Miles"}),
        ("the Kentucky Governor", set()),  # a place does: Miles governs another state
        ("the board chair", {"Tina Vos"}),  # Vos chairs the board: she fits it too
    ],
)
def test_holder_of_a_role_has_no_second_holder_among_choices(role: str, left_out: set) -> None:
    # Which way round who_is asks is its own policy; the pool must hold either way.
    art = parse(TWO_GOVERNORS)
    names = [p.name for p in art.cast.people]
    pool = set(art.person_choices(names.index("Dale Hutch"), role))
    assert pool == {"Ray Miles", "Tina Vos", "Sam Ortega"} - left_out


def test_role_choices_are_roles_of_the_article() -> None:
    for text in (TWO_SPEAKERS, WITH_OUTLETS, TWO_GOVERNORS):
        for q in generate(text).questions:
            if q.kind == "who_is":
                assert not set(q.choices) & GENERIC_ROLES, q


@pytest.mark.parametrize(
    ("source", "answer", "hedge"),
    [
        ("More than 1,000 pages were released on Friday.", "1,000", "More than"),
        ("The fund paid out at least $40 million last year.", "$40 million", "at least"),
        ("Fewer than 30 people came to the meeting.", "30", "Fewer than"),
        ("About 300 people came to the meeting.", "300", None),
        ("More than 150 staff left.", "15", None),
    ],
)
def test_hedge_of_the_figure(source: str, answer: str, hedge: str | None) -> None:
    assert hedge_of(source, answer) == hedge


@pytest.mark.parametrize(
    ("answer", "hedge", "kept"),
    [
        ("1,000", "more than", ["1,500", "2,000"]),
        ("1,000", "fewer than", ["500", "750"]),
        ("1,000", None, ["500", "750", "1,500", "2,000"]),
    ],
)
def test_hedged_pool_drops_choices_that_would_also_be_true(
    answer: str, hedge: str | None, kept: list[str]
) -> None:
    assert hedged(["500", "750", "1,500", "2,000"], answer, hedge) == kept


@pytest.mark.parametrize(
    ("choice", "written"),
    [
        ("$1400 million", "$1.4 billion"),
        ("$2000 million", "$2 billion"),
        ("£350 million", "£350 million"),
        ("1,400", "1,400"),
    ],
)
def test_rescaled(choice: str, written: str) -> None:
    assert rescaled(choice) == written


def test_more_than_question_offers_only_larger_figures() -> None:
    text = (
        "Archive opens to the public\n"
        "The city released more than 1,000 pages of council records on Friday after a long "
        "court fight.\n"
    )
    asked = [q for q in generate(text).questions if q.answer == "1,000"]
    assert asked
    for q in asked:
        assert len(q.choices) >= 3
        assert all(float(c.replace(",", "")) > 1000 for c in q.choices if c != q.answer), q


def test_choices_are_deterministic() -> None:
    assert generate(WITH_OUTLETS) == generate(WITH_OUTLETS)
