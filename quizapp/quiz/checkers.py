"""Answer formats: a checker and a validator each (registries, as CTFd keeps for flags).

A checker grades a student's answer; a validator says what a question of its format needs
(every way into the bank asks it through QuestionSpec.validate).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any, Protocol

from quizapp.generate.lexicon import HONORIFICS
from quizapp.states import Format


class Gradable(Protocol):
    """What a checker reads of a question: a Question, or the plain rows attempts grade with."""

    # Read-only: a checker never writes, and a regrade's frozen Key must fit too.
    @property
    def kind(self) -> str: ...
    @property
    def format(self) -> str: ...
    @property
    def answer(self) -> str: ...
    @property
    def accepted(self) -> list[str]: ...
    @property
    def tolerance(self) -> int: ...
    @property
    def correct_choice_id(self) -> int | None: ...


@dataclass(frozen=True)
class Key:
    """What decides whether an answer is right, as plain values: grading and regrades use it."""

    kind: str
    format: str
    answer: str
    accepted: list[str]
    tolerance: int
    correct_choice_id: int | None

    @classmethod
    def from_row(cls, row: Any, correct_choice_id: int | None) -> Key:
        """The key from a row with columns labelled by the key's fields."""
        names = [f.name for f in fields(cls) if f.name != "correct_choice_id"]
        return cls(**{n: row[n] for n in names}, correct_choice_id=correct_choice_id)

    def with_alias(self, alias: str) -> Key:
        """The same key also accepting `alias` (no-op when already accepted)."""
        if alias in self.accepted or alias == self.answer:
            return self
        return replace(self, accepted=[*self.accepted, alias])


Checker = Callable[[Gradable, str, int], bool]
CHECKERS: dict[str, Checker] = {}
# (field, message): the field of the question a problem is about, for the form to show it there.
Problem = tuple[str, str]
Validator = Callable[[str, list[str]], list[Problem]]
VALIDATORS: dict[str, Validator] = {}
MAX_TEXT = 500  # Question.answer and Choice.text are String(500)
MAX_CHOICES = 8

# The generator's honorifics: "Rev. Smith" counts wherever "Smith" does, as "Dr. Smith" does.
_HONORIFIC = re.compile(rf"^(?:{'|'.join(HONORIFICS)})\.?\s+", re.IGNORECASE)
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def checker(name: str) -> Callable[[Checker], Checker]:
    """Register an answer checker under a question format name."""

    def register(func: Checker) -> Checker:
        CHECKERS[name] = func
        return func

    return register


def validator(name: str) -> Callable[[Validator], Validator]:
    """Register what a question of this format needs, given its answer and choices."""

    def register(func: Validator) -> Validator:
        VALIDATORS[name] = func
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


@checker(Format.CHOICE)
def check_choice(question: Gradable, value: str, tolerance: int) -> bool:
    """A chosen option: `value` is the option's id."""
    return question.correct_choice_id is not None and str(question.correct_choice_id) == value


@checker(Format.TEXT)
def check_text(question: Gradable, value: str, tolerance: int) -> bool:
    """A typed answer matching the answer or one of its accepted aliases."""
    typed = normalise_text(value)
    if not typed:
        return False
    candidates = {normalise_text(a) for a in [question.answer, *(question.accepted or [])]}
    # "Mr. Clark" counts wherever "Clark" is accepted.
    candidates |= {normalise_text(_HONORIFIC.sub("", a)) for a in candidates}
    return typed in candidates or normalise_text(_HONORIFIC.sub("", value)) in candidates


@checker(Format.NUMERIC)
def check_numeric(question: Gradable, value: str, tolerance: int) -> bool:
    """A typed number (a year, a figure) within the allowed tolerance."""
    typed, expected = parse_number(value), parse_number(question.answer)
    if typed is None or expected is None:
        return False
    return abs(typed - expected) <= max(tolerance, question.tolerance or 0)


@validator(Format.CHOICE)
def validate_choice(answer: str, choices: list[str]) -> list[Problem]:
    """2 to MAX_CHOICES options, filled in, differing in more than case, one of them the answer."""
    problems = []
    if len(choices) < 2:
        problems.append(("choices", "a multiple-choice question needs at least two choices"))
    if len(choices) > MAX_CHOICES:
        problems.append(
            ("choices", f"a multiple-choice question has at most {MAX_CHOICES} choices")
        )
    if any(not c or len(c) > MAX_TEXT for c in choices):
        problems.append(("choices", f"every choice must have 1 to {MAX_TEXT} characters"))
    seen: set[str] = set()
    for text in choices:
        if text.casefold() in seen:
            message = f"the choice “{text}” appears twice; choices must differ"
            problems.append(("choices", message))
            break
        seen.add(text.casefold())
    if answer and answer not in choices:
        problems.append(("answer", "the answer is not one of the choices"))
    return problems


@validator(Format.TEXT)
def validate_text(answer: str, choices: list[str]) -> list[Problem]:
    """Any non-empty answer will do (checked for every format)."""
    return []


@validator(Format.NUMERIC)
def validate_numeric(answer: str, choices: list[str]) -> list[Problem]:
    """The answer must read as a number."""
    if answer and parse_number(answer) is None:
        message = f"a number question needs a number as its answer: {answer!r} is not a number"
        return [("answer", message)]
    return []


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
        return Format.NUMERIC
    return Format.TEXT


def answer_format(question: Gradable, typed_answers: bool) -> str:
    """How a question is answered in a quiz: by choosing, or by typing text or a number."""
    if question.format != Format.CHOICE or not typed_answers or not short_answer(question):
        return question.format
    return typed_format(question)


def is_correct(question: Gradable, value: str, *, fmt: str, tolerance: int = 0) -> bool:
    """Check an answer with the checker of its format."""
    return CHECKERS[fmt](question, value, tolerance)
