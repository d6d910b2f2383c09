"""Who said what: hard cases on short passages."""

import pytest

from quizapp.generate import generate


def who_said(text: str) -> dict[str, str]:
    return {q.prompt: q.answer for q in generate(text).questions if q.kind == "who_said"}


# Two people: a quote is asked only with a real person of the article beside the speaker.
INTRO = "Jane Doe, a lawyer in Boston, met reporters on Monday with Judge Peter Reyes.\n"

CASES = [
    # speaker after the quote
    (INTRO + "“The case will go on for many years,” says Jane Doe.", "Jane Doe"),
    # speaker before the quote
    (INTRO + "Jane Doe said: “The case will go on for many years.”", "Jane Doe"),
    # speaker name then verb after the quote, with honorific without full stop
    (INTRO + "“The case will go on for many years,” Ms Doe said.", "Jane Doe"),
    # pronoun resolved to the only compatible person
    (INTRO + "“The case will go on for many years,” she said.", "Jane Doe"),
    # straight quotes
    (INTRO + '"The case will go on for many years," she said.', "Jane Doe"),
    # age and title in the attribution
    (
        '"We are open every single day," said Kevin Yearout, 51, co-owner of a store.\n'
        "Baker Dana Wells runs the shop next door.",
        "Kevin Yearout",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), CASES)
def test_attributed(text: str, speaker: str) -> None:
    answers = who_said(text)
    assert list(answers.values()) == [speaker]


def test_split_quote_is_one_question() -> None:
    text = INTRO + "“The case will go on,” Ms. Doe says, “for many more years to come.”"
    answers = who_said(text)
    assert len(answers) == 1
    (prompt,) = answers
    assert "The case will go on" in prompt and "for many more years to come" in prompt


def test_continued_quote_same_speaker() -> None:
    text = INTRO + "“The case will go on for years,” says Ms. Doe. “We are ready for a long fight.”"
    assert sorted(who_said(text).values()) == ["Jane Doe", "Jane Doe"]


def test_partial_quote_keeps_framing() -> None:
    text = (
        "Doug Ford, the premier of Ontario, called the plan "
        "“the most insulting thing I’ve ever heard.”\nMayor Olivia Chow replied later."
    )
    (prompt,) = who_said(text)
    assert prompt == "Who called the plan “the most insulting thing I’ve ever heard”?"


@pytest.mark.parametrize(
    "text",
    [
        # two women: "she" is ambiguous
        "Jane Doe met Mary Roe in Boston.\n“The case will go on for many years,” she said.",
        # no speaker at all
        "The sign read “No parking here at any time of day.”",
        # scare quotes and titles
        INTRO + "Ms. Doe called the plan “fair” and the film “Jaws” a classic, she said.",
        # unbalanced quote
        INTRO + "“The case will go on for many years, she said.",
        # ambiguous surname
        "Jane Doe and John Doe spoke.\n“We will appeal this ruling very soon,” Doe said.",
    ],
)
def test_no_question(text: str) -> None:
    assert who_said(text) == {}


def test_answer_is_full_name_and_aliases_accepted() -> None:
    text = INTRO + "“The case will go on for many years,” says Ms. Doe."
    (q,) = [q for q in generate(text).questions if q.kind == "who_said"]
    assert q.answer == "Jane Doe"
    assert "Doe" in q.accepted and "Ms. Doe" in q.accepted
    assert "explanation" and "Jane Doe" in q.explanation
