"""Answer checkers, one per question format (a registry, as CTFd keeps for flags)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Protocol


class Gradable(Protocol):
    """What a checker reads of a question: a Question, or the plain rows attempts grade with."""

    kind: str
    format: str
    answer: str
    accepted: list[str]
    tolerance: int

    @property
    def correct_choice_id(self) -> int | None: ...


Checker = Callable[[Gradable, str, int], bool]
CHECKERS: dict[str, Checker] = {}

_HONORIFIC = re.compile(r"^(mr|mrs|ms|miss|dr|prof|sir|dame)\.?\s+", re.IGNORECASE)
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def checker(name: str) -> Callable[[Checker], Checker]:
    """Register an answer checker under a question format name."""

    def register(func: Checker) -> Checker:
        CHECKERS[name] = func
        return func

    return register


def normalise_text(value: str) -> str:
    """Fold case, accents, punctuation and spacing so trivial differences don't cost a point."""
    value = unicodedata.normalize("NFKD", value)
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    value = re.sub(r"[^\w\s%]", " ", value.casefold())
    return " ".join(value.split())


def parse_number(value: str) -> float | None:
    """The first number in a typed answer ("1,944", "about 35 %"), or None."""
    match = _NUMBER.search(value or "")
    if not match:
        return None
    try:
        return float(match.group().replace(",", ""))
    except ValueError:
        return None


@checker("choice")
def check_choice(question: Gradable, value: str, tolerance: int) -> bool:
    """A chosen option: `value` is the option's id."""
    return question.correct_choice_id is not None and str(question.correct_choice_id) == value


@checker("text")
def check_text(question: Gradable, value: str, tolerance: int) -> bool:
    """A typed answer matching the answer or one of its accepted aliases."""
    typed = normalise_text(value)
    if not typed:
        return False
    candidates = {normalise_text(a) for a in [question.answer, *(question.accepted or [])]}
    # "Mr. Clark" counts wherever "Clark" is accepted.
    candidates |= {normalise_text(_HONORIFIC.sub("", a)) for a in candidates}
    return typed in candidates or normalise_text(_HONORIFIC.sub("", value)) in candidates


@checker("numeric")
def check_numeric(question: Gradable, value: str, tolerance: int) -> bool:
    """A typed number (a year, a figure) within the allowed tolerance."""
    typed, expected = parse_number(value), parse_number(question.answer)
    if typed is None or expected is None:
        return False
    return abs(typed - expected) <= max(tolerance, question.tolerance or 0)


# Longer answers are roles or phrases: typing them exactly is a spelling test, not a quiz.
SHORT_ANSWER_WORDS = 4


def short_answer(question: Gradable) -> bool:
    """Whether an answer is short enough to type: a name, a year, a number.

    "Who is X?" asks for a role ("the city's chief engineer"), which stays multiple choice;
    "Who is the chief engineer?" asks for a name, which may be typed.
    """
    answer = (question.answer or "").strip()
    if question.kind in ("which_year", "number") and parse_number(answer) is not None:
        return True
    if question.kind == "who_is" and not answer[:1].isupper():
        return False
    return 0 < len(answer.split()) <= SHORT_ANSWER_WORDS


def typed_format(question: Gradable) -> str:
    """How a multiple-choice question is checked when typed: as a number or as text."""
    if question.kind in ("which_year", "number") and parse_number(question.answer) is not None:
        return "numeric"
    return "text"


def answer_format(question: Gradable, typed_answers: bool) -> str:
    """How a question is answered in a quiz: by choosing, or by typing text or a number."""
    if question.format != "choice" or not typed_answers or not short_answer(question):
        return question.format
    return typed_format(question)


def is_correct(question: Gradable, value: str, *, fmt: str, tolerance: int = 0) -> bool:
    """Check an answer with the checker of its format."""
    return CHECKERS[fmt](question, value, tolerance)
