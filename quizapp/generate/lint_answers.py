"""Linter rules on a draft's answer and choices: given away, no person, ambiguous, hedge lost."""

from __future__ import annotations

import functools

import regex as re

from quizapp.generate.cloze import BLANK, is_cloze
from quizapp.generate.lexicon import data_words
from quizapp.generate.lint_rules import body_of, compiled
from quizapp.generate.names import is_given_name
from quizapp.generate.types import DraftQuestion

_LETTERS = re.compile(r"\p{L}+")
# Hedges that bound a figure on one side: "more than 40" is not "about 40".
_DIRECTIONAL = (
    "more than",
    "over",
    "at least",
    "fewer than",
    "less than",
    "up to",
    "just over",
    "just under",
)
_HEDGES = (
    *_DIRECTIONAL,
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "an estimated",
)
# Words that make a would-be person answer an organisation ("Maple Leaf Newspaper").
_ORGS = data_words("lint_org_words")
_PARTICLES = frozenset(
    [
        "de",
        "del",
        "da",
        "di",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "al",
        "bin",
        "ibn",
        "y",
        "e",
        "du",
        "dos",
        "das",
    ]
)
_VAGUE_ROLES = frozenset(
    [
        "the president",
        "president",
        "the chairman",
        "the minister",
        "the leader",
        "the head",
        "the director",
        "the chief",
        "the spokesman",
        "the spokeswoman",
    ]
)


def gives_away(q: DraftQuestion) -> str | None:
    """The answer printed in its own question."""
    if q.kind in ("who_said", "who_is") or len(q.answer) < 2:
        return None
    own = rf"(?<![\w,.]){re.escape(q.answer)}(?![\w]|[,.]\d)"
    if q.answer in q.prompt and compiled(own).search(body_of(q)):
        return f"TRIVIAL: the answer '{q.answer}' appears in the question"
    return None


def non_person(q: DraftQuestion) -> str | None:
    """An organisation offered as the person who spoke or holds a role."""
    if q.kind not in ("who_said", "who_is"):
        return None
    name = q.answer
    if q.kind == "who_is" and not person_answer(q):
        if not q.prompt.startswith("Who is "):
            return None
        name = q.prompt[7:].rstrip("?")
    parts = _LETTERS.findall(name)
    words = {w.lower() for w in parts}
    # "Mark Church", "Ana Park": a given name makes the common word a surname (issue 10).
    if 2 <= len(parts) <= 3 and is_given_name(parts[0]):
        words.discard(parts[-1].lower())
    if words & _ORGS:
        return f"NON_PERSON: '{name}' names an organisation, not a person"
    return None


def ambiguous(q: DraftQuestion) -> str | None:
    """A vague key, or a distractor that also fits ("the President" beside "President-elect")."""
    key = q.answer.casefold().strip()
    if q.kind == "who_is" and key in _VAGUE_ROLES:
        return f"AMBIG: '{q.answer}' is vague (of what?)"
    if q.kind != "who_is":
        return None
    for c in q.choices:
        other = c.casefold().removeprefix("the ").strip()
        core = key.removeprefix("the ").strip()
        if (
            c != q.answer
            and other
            and (
                (other in core and compiled(rf"\b{re.escape(other)}\b").search(core))
                or (core in other and compiled(rf"\b{re.escape(core)}\b").search(other))
            )
        ):
            return f"AMBIG: the choice '{c}' also fits '{q.answer}'"
    return None


def hedge_changed(q: DraftQuestion) -> str | None:
    """A hedged figure ("more than 1,000") asked with a different or no hedge."""
    if q.kind != "number":
        return None
    figure = re.escape(q.answer.split()[0].rstrip("%"))
    m = compiled(rf"\b({'|'.join(_HEDGES)})\s+[$£€]?{figure}\b", re.I).search(q.source)
    if not m:
        return None
    hedge = m.group(1).lower()
    body = body_of(q).lower()
    if is_cloze(q.prompt):
        kept = f"{hedge} {BLANK}" in body or f"{hedge} $" in body or hedge in body
    elif hedge in _DIRECTIONAL:
        kept = hedge in body
    else:
        kept = any(h in body for h in ("about", "approximately", "roughly", "around", hedge))
    return None if kept else f"HEDGE_CHANGED: the article says '{m.group(0)}'"


def _has_lower_word(s: str) -> bool:
    return any(w[:1].islower() and w not in _PARTICLES for w in _LETTERS.findall(s))


def person_answer(q: DraftQuestion) -> bool:
    """True for a who-is draft whose choices are people (role -> person), not roles."""
    return q.kind == "who_is" and _people_choices(q.choices)


@functools.lru_cache(maxsize=4096)
def _people_choices(choices: tuple[str, ...]) -> bool:
    return sum(_has_lower_word(c) for c in choices) <= 1
