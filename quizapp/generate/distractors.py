"""Assembling choices: deterministic RNG, distractor pools and the final DraftQuestion.

Distractors come from the article itself (its people, their roles, its years and figures);
nothing is invented. When the article has too few of the answer's type, the question gets
fewer choices (never under MIN_CHOICES) or is not asked.
"""

from __future__ import annotations

import functools
import hashlib
import random
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex as re

from quizapp.generate.lexicon import (
    SPEECH_VERB_PATTERN,
    TITLE_ABBREVIATION_WORDS,
    TITLE_WORDS,
    is_person_noun,
)
from quizapp.generate.types import DraftQuestion

if TYPE_CHECKING:
    from quizapp.generate.cast import Cast, Person

MIN_CONFIDENCE = 0.6
# How many more questions assemble() may build for the article being generated: a text made of
# nothing but figures would otherwise hold a candidate (prompt, source…) per figure in memory.
_BUDGET: ContextVar[list[int] | None] = ContextVar("quizapp_question_budget", default=None)
# Three choices make a fair question (the app takes 2 to 8). Who said it and who is who may
# be asked between two people or roles when the article gives no third: "Graham or
# Sanborn?" still tests the reading, and an invented third name would give the answer away.
# A hedged figure ("more than 40") keeps only the distractors on the far side of its bound.
# Years and ranks always have enough of their type and keep four choices.
MIN_CHOICES = 2
# The one definition of how many real distractors each kind needs (all from the article);
# who-is asks the same minimum whichever way it asks (person or role as the answer).
MIN_DISTRACTORS = {"who_said": 1, "who_is": 1, "number": 2}
MAX_DISTRACTORS = 3


def rng_for(digest: str, prompt: str) -> random.Random:
    """A private RNG seeded from the article's hash and the prompt (never the global one)."""
    seed = hashlib.sha256(f"{digest}\x00{prompt}".encode()).hexdigest()[:16]
    return random.Random(int(seed, 16))


def text_digest(text: str) -> str:
    """Hash of the article text, computed once per article."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _key(s: str) -> str:
    return " ".join(s.casefold().replace(".", "").split())


def pick(pool: list[str], n: int, forbidden: set[str]) -> list[str]:
    """Up to n distinct items of pool (in pool order) whose key is not forbidden."""
    out: list[str] = []
    seen = set(forbidden)
    for item in pool:
        k = _key(item)
        if k and k not in seen:
            seen.add(k)
            out.append(item)
        if len(out) == n:
            break
    return out


@contextmanager
def question_budget(limit: int) -> Iterator[None]:
    """Let assemble() build at most limit questions inside the block."""
    token = _BUDGET.set([limit])
    try:
        yield
    finally:
        _BUDGET.reset(token)


def assemble(
    *,
    digest: str,
    kind: str,
    prompt: str,
    answer: str,
    distractors: list[str],
    source: str,
    span: tuple[int, int],
    explanation: str,
    confidence: float,
    accepted: tuple[str, ...] = (),
) -> DraftQuestion | None:
    """Build the question, or None when confidence is low or there are too few distractors."""
    if confidence < MIN_CONFIDENCE or not answer.strip():
        return None
    if kind == "number":
        distractors = [rescaled(d) for d in hedged(distractors, answer, hedge_of(source, answer))]
    forbidden = {_key(answer)} | {_key(a) for a in accepted}
    chosen = pick(distractors, MAX_DISTRACTORS, forbidden)
    if len(chosen) < MIN_DISTRACTORS.get(kind, MAX_DISTRACTORS):
        return None
    rng = rng_for(digest, prompt)  # seeded only for a question that is built: hashing costs
    budget = _BUDGET.get()
    if budget is not None:
        if budget[0] <= 0:
            return None
        budget[0] -= 1
    choices = list(chosen)
    choices.insert(rng.randrange(len(choices) + 1), answer)
    accepted = tuple(a for a in dict.fromkeys(accepted) if a != answer)
    return DraftQuestion(
        kind=kind,
        prompt=prompt,
        answer=answer,
        choices=tuple(choices),
        source=source,
        span=span,
        explanation=explanation,
        confidence=round(confidence, 2),
        accepted=accepted,
    )


def shuffled(items: list[str], rng: random.Random) -> list[str]:
    """A shuffled copy of items (deterministic for a given rng)."""
    out = list(items)
    rng.shuffle(out)
    return out


# Words that qualify an office rather than name it ("vice president", "prime minister").
_QUALIFIERS = frozenset(
    ["vice", "prime", "chief", "deputy", "acting", "former", "senior", "assistant", "associate"]
)
# Title words that name a department or a time, not a job ("Secretary of State").
_NOT_OFFICES = frozenset(
    ["state", "defence", "defense", "economy", "education", "environment", "finance", "health"]
    + ["interior", "justice", "trade", "party", "opposition", "provincial", "interim", "then"]
    + ["grand"]
)
_WORD = re.compile(r"\p{L}[\p{L}'-]*")
_CONJUNCTIONS = ("and", "or", "but", "as", "to")


@functools.lru_cache(maxsize=4096)
def office_words(role: str) -> frozenset[str]:
    """The job and title words of role ("Kentucky GOP Gov." -> {"governor"})."""
    out = set()
    for raw in _WORD.findall(role.lower()):
        for w in {raw, *raw.split("-")}:
            w = TITLE_ABBREVIATION_WORDS.get(w, w).lower()
            if w in _QUALIFIERS or w in _NOT_OFFICES:
                continue
            if w in TITLE_WORDS or is_person_noun(w):
                out.add(w)
    return frozenset(out)


def has_office(role: str) -> bool:
    """True when role names a job ("analyst") rather than a garble ("the Grand", "and the …")."""
    words = role.split()
    if not words or words[0].lower() in _CONJUNCTIONS:
        return False
    return role.startswith("someone who ") or bool(office_words(role))


def is_person_like(person: Person, speaks: bool = False) -> bool:
    """True when the article shows person is a person: they speak, have a gender (pronoun or
    known given name), an honorific or a job. "Hartford Courant" or "Agence France-Presse",
    found as names, have none of these and are never offered as people."""
    return bool(speaks or person.gender or person.honorifics or any(map(has_office, person.roles)))


_VERBS = SPEECH_VERB_PATTERN
# "Zelnick said" / "Zelnick, CEO of Take-Two, adds"
_SPEECH_AFTER = re.compile(rf"(?:,[^,\"“”]{{1,80}},)?\s+(?:also\s+|later\s+)?(?:{_VERBS})\b")
# "…," said Pohl names the speaker; "told Agence France-Presse" or "called Ruiz" names
# someone else: only verbs that invert after a quote count before a name.
_SPEECH_BEFORE = re.compile(
    r"(?:\b(?:said|says|added|adds|wrote|writes|explained|noted|recalled)|according to)\s+$"
)


def speakers(norm: str, cast: Cast) -> set[int]:
    """People named right before or after a speech verb ("Pohl said", "said Pohl")."""
    out = set()
    for mentions in cast.mentions.values():
        for m in mentions:
            if m.person is None or m.pronoun or m.person in out:
                continue
            if _SPEECH_AFTER.match(norm, m.end) or _SPEECH_BEFORE.search(
                norm, max(0, m.start - 20), m.start
            ):
                out.add(m.person)
    return out


# Party words qualify a role without telling its holders apart ("GOP Gov.", "Republican
# Governor").
_PARTIES = frozenset(
    ["republican", "democrat", "democratic", "gop", "labour", "labor", "conservative", "liberal"]
    + ["tory", "green", "independent", "socialist"]
)
_CAPITALISED = re.compile(r"\b\p{Lu}[\p{L}.'’-]*")


def _qualified(role: str) -> bool:
    """True when a proper name tells role's holder apart ("Transport Secretary", "at SNC")."""
    for m in _CAPITALISED.finditer(role):
        w = m.group(0).lower().rstrip(".")
        if w not in _PARTIES and w not in ("the", "a", "an") and not office_words(w):
            return True
    return False


@dataclass(frozen=True)
class Candidate:
    """A person of the article as a possible distractor, computed once per article."""

    name: str
    keys: frozenset[str]  # surnames and given name: a shared one makes an alias
    roles: tuple[str, ...]
    person_like: bool


# Where an organisation's name sits: after a determiner ("about the Muslim Brotherhood",
# "the Acme Facts report"), after a job noun and "at" ("strategist at Miller Tabak") or after a
# capitalised word and "for" ("High Commissioner for Human Rights"). A person's name never does.
_ORG_BEFORE = re.compile(
    r"(?:\b(?:the|a|an)|\b(?P<job>\p{Ll}[\p{Ll}-]+)\s+at|\b\p{Lu}[\p{L}-]*\s+for)\s+$",
    re.IGNORECASE,
)


def _named_as_organisations(norm: str, cast: Cast) -> set[int]:
    """People every one of whose full-name mentions sits where organisations are named (a
    one-word mention may be a homonym: "two Muslim women" is no mention of an organisation).

    One pass over the mentions, not one per person: a long list of names stays linear."""
    org: dict[int, bool] = {}
    for mentions in cast.mentions.values():
        for m in mentions:
            if m.person is None or m.pronoun or " " not in norm[m.start : m.end]:
                continue
            before = _ORG_BEFORE.search(norm, max(0, m.start - 40), m.start)
            job = before.group("job") if before else None
            at_org = bool(before) and (not job or is_person_noun(job))
            org[m.person] = org.get(m.person, True) and at_org
    return {i for i, yes in org.items() if yes}


def candidates(norm: str, cast: Cast) -> list[Candidate]:
    """Every person of the article, ready for person_pool."""
    spoke = speakers(norm, cast)
    orgs = _named_as_organisations(norm, cast)
    return [
        Candidate(
            p.name,
            frozenset([*p.surnames, p.given]),
            tuple(p.roles),
            is_person_like(p, i in spoke) and i not in orgs,
        )
        for i, p in enumerate(cast.people)
    ]


def person_pool(idx: int, people: list[Candidate], seed: str, role: str | None = None) -> list[str]:
    """Other people of the article as distractors for people[idx], in a seeded order.

    Never a name sharing a surname or given name with the answer (an alias), never a name
    the article doesn't show to be a person, and, when the question asks for the holder of
    role, never someone whose own role also fits it ("the Republican Governor" beside
    another "GOP Gov.").
    """
    banned = people[idx].keys
    offices = office_words(role) if role and not _qualified(role) else frozenset()
    out = []
    for j, p in enumerate(people):
        if j == idx or not p.person_like or p.keys & banned:
            continue
        if offices and any(office_words(r) & offices for r in p.roles):
            continue
        out.append(p.name)
    return shuffled(out, random.Random(seed))


# Hedged figures: any distractor on the wrong side of the bound would also be true
# ("more than 1,000" is also "more than 500").
_ABOVE = ("more than", "over", "at least", "just over", "upwards of")
_BELOW = ("fewer than", "less than", "up to", "just under", "under", "at most")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _value(choice: str) -> float | None:
    m = _NUMBER.search(choice)
    return float(m.group(0).replace(",", "")) if m else None


def hedge_of(source: str, answer: str) -> str | None:
    """The bound the source puts on the answer's figure ("more than" in "more than 40 …")."""
    m = _NUMBER.search(answer)
    if not m:
        return None
    found = re.search(
        rf"\b({'|'.join(_ABOVE + _BELOW)})\s+[$€£¥]?{re.escape(m.group(0))}(?!\d|[,.]\d)",
        source,
        re.IGNORECASE,
    )
    return found.group(1) if found else None


_NEXT_SCALE = {"thousand": "million", "million": "billion", "billion": "trillion"}
_SCALED = re.compile(r"^(?P<cur>\D*?)(?P<n>\d+(?:\.\d+)?) (?P<scale>thousand|million|billion)$")


def rescaled(choice: str) -> str:
    """ "$1400 million" -> "$1.4 billion": a figure written as the article would."""
    m = _SCALED.match(choice)
    if not m or float(m.group("n")) < 1000:
        return choice
    n = float(m.group("n")) / 1000
    return f"{m.group('cur')}{n:g} {_NEXT_SCALE[m.group('scale')]}"


def hedged(pool: list[str], answer: str, hedge: str | None) -> list[str]:
    """The pool without choices a hedge would make true too (for "more than": smaller ones)."""
    h = " ".join((hedge or "").lower().split())
    value = _value(answer)
    if value is None or h not in _ABOVE + _BELOW:
        return pool
    above = h in _ABOVE
    out = []
    for c in pool:
        v = _value(c)
        if v is not None and (v > value if above else v < value):
            out.append(c)
    return out
