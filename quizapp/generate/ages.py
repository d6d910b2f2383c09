"""Ages as journalism gives them: "Dana Ortiz, 55, of Addison" -> "How old is Dana Ortiz?"."""

from __future__ import annotations

import regex as re

from quizapp.generate.article import Article
from quizapp.generate.budget import body_matches
from quizapp.generate.distractors import assemble, rng_for
from quizapp.generate.text import article_says
from quizapp.generate.types import DraftQuestion

# A name (initials and "Jr." allowed) then the age between commas; the age is no part of a
# list ("Ortiz, 55, 61 and 70") or a date ("May 4, 12, …") because a name must resolve.
_AGED = re.compile(
    r"(?<![\p{L}'’])(?P<x>\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,4}),\s(?P<age>[1-9]\d?),"
    r"(?!\s*\d)"
)
_STEPS = (-9, -6, -4, -3, 3, 4, 6, 9)


def age_questions(art: Article) -> list[DraftQuestion]:
    """Ask the age of a person of the article when it follows the name between commas."""
    out: list[DraftQuestion] = []
    asked: set[int] = set()
    for p, m in body_matches(art, _AGED):
        idx = _person(art, m.group("x"))
        if idx is None or idx in asked or not art.is_person(idx):
            continue
        q = _one(art, p, m, idx)
        if q:
            asked.add(idx)
            out.append(q)
    return out


def _person(art: Article, x: str) -> int | None:
    """The person a name before an age stands for: the whole name, else its last words."""
    words = x.split()
    for n in range(len(words)):
        name = " ".join(words[n:])
        for i, person in enumerate(art.cast.people):
            if name in (person.name, person.name.rstrip(".")) or name in person.aliases():
                return i
            if n == len(words) - 1 and name in person.surnames:
                return i
    return None


def _one(art: Article, p, m: re.Match, idx: int) -> DraftQuestion | None:
    person = art.cast.people[idx]
    age = int(m.group("age"))
    if age < 10:
        return None  # "Ortiz, 5, …" is rarely an age worth asking
    prompt = f"How old is {person.name}?"
    rng = rng_for(art.digest, prompt)
    steps = list(_STEPS)
    rng.shuffle(steps)
    source, span = art.source(p, m.start("age"), m.end("age"))
    return assemble(
        digest=art.digest,
        kind="number",
        prompt=prompt,
        answer=str(age),
        distractors=[str(age + d) for d in steps if age + d > 0],
        source=source,
        span=span,
        explanation=article_says(source),
        confidence=0.8,
        accepted=(f"{age} years old",),
    )
