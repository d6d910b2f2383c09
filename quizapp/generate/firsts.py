"""Rankings and firsts held by people: "Ferro, who was then Tribune's largest shareholder",
"Ruiz became the first woman to lead the club" -> "Who was Tribune's largest shareholder?"."""

from __future__ import annotations

import regex as re

from quizapp.generate.article import Article
from quizapp.generate.budget import spent
from quizapp.generate.distractors import assemble
from quizapp.generate.text import Paragraph, article_says
from quizapp.generate.types import DraftQuestion

_NAME = r"(?P<x>\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){0,3})"
_SUP = (
    r"(?:largest|biggest|best|oldest|youngest|highest|longest|richest|fastest|greatest"
    r"|leading|top|most\s\p{Ll}{4,}|(?:second|third)-(?:largest|biggest|highest|oldest))"
)
# "Ferro, who was then Tribune's largest shareholder" / "Okafor is the club's top scorer".
_HOLDS = re.compile(
    _NAME + r"(?:,\s+who|)"
    # "Trump is 73 years old and is the oldest …": the age before the ranking
    r"(?:\s+(?:is|was)\s+\d{1,3}\s+years\s+old,?\s+and)?"
    r"\s+(?P<verb>is|was|became|remains)\s+(?:then\s+|now\s+|also\s+)?"
    r"(?P<rank>(?:the\s+)?(?:\p{L}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*){0,2}[’']s\s+|the\s+)"
    + _SUP
    + r"\s+\p{Ll}[\p{Ll}-]*(?:\s(?:of|in|on|for)\s(?:the\s)?[\p{L}-]+){0,1}(?:\s\p{Ll}[\p{Ll}-]*)?"
    # "the oldest person ever elected to a first term as president"
    r"(?:\s+ever\s+\p{Ll}+\b[^,.;:\"“”]{0,60}?)?)"
    r"(?=[,.;]|\s+(?:and|who|since|after|when)\b)"
)
# "Ruiz became the first woman to lead the Tarn rowing club".
_FIRST = re.compile(
    _NAME + r"\s+(?P<verb>is|was|became)\s+(?P<rank>the\s+first\s+(?:\p{Ll}+\s+){0,3}"
    # "the first player in NBA history to …"
    r"(?:in\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+){1,2}history\s+)?to\s+[^,.;:\"“”]{3,80}?)(?=[,.;]|\s+(?:in|on|since|after|when)\s+(?:\d|\p{Lu}))"
)


# "the 14th-ranked Ruiz", "top-ranked Dana Ortiz": a ranked player named right after.
_RANKED = re.compile(
    r"(?<![\p{L}-])(?P<rank>top|No\.\s?\d{1,3}|\d{1,3}(?:st|nd|rd|th)|second|third|fourth|fifth)"
    r"-ranked\s" + _NAME
)


def person_rank_questions(art: Article) -> list[DraftQuestion]:
    """Who holds a ranking or a first, when the holder is a person of the article."""
    out: list[DraftQuestion] = []
    for p in art.paragraphs:
        if p.heading:
            continue
        if spent():
            return out
        for rx in (_HOLDS, _FIRST):
            for m in rx.finditer(art.norm, p.start, p.end):
                if spent():
                    return out
                q = _one(art, p, m)
                if q:
                    out.append(q)
        for m in _RANKED.finditer(art.norm, p.start, p.end):
            if spent():
                return out
            q = _ranked(art, p, m)
            if q:
                out.append(q)
    return out


def _ranked(art: Article, p: Paragraph, m: re.Match) -> DraftQuestion | None:
    """ "Who is the 14th-ranked player?" for "the 14th-ranked Ruiz" (a person of the article)."""
    idx = _person(art, m.group("x"))
    if idx is None or not art.is_person(idx):
        return None
    rank = art.text[m.start("rank") : m.end("rank")]
    return _who_holds(art, p, m, idx, f"Who is the {rank}-ranked player?")


def _person(art: Article, name: str) -> int | None:
    for i, person in enumerate(art.cast.people):
        if name == person.name or name in person.aliases():
            return i
    return None


def _one(art: Article, p: Paragraph, m: re.Match) -> DraftQuestion | None:
    idx = _person(art, m.group("x"))
    if idx is None:
        return None
    verb = {"is": "is", "remains": "is", "was": "was", "became": "became"}[m.group("verb")]
    rank = art.text[m.start("rank") : m.end("rank")].strip()
    prompt = f"Who {verb} {rank}?"
    if len(prompt.split()) > 20 or any(c in rank for c in '"“”()'):
        return None
    return _who_holds(art, p, m, idx, prompt)


def _who_holds(
    art: Article, p: Paragraph, m: re.Match, idx: int, prompt: str
) -> DraftQuestion | None:
    """A which-rank question whose answer is the article's person `idx`, cited from the match."""
    source, span = art.source(p, m.start(), m.end())
    person = art.cast.people[idx]
    return assemble(
        digest=art.digest,
        kind="which_rank",
        prompt=prompt,
        answer=person.name,
        distractors=art.person_choices(idx),
        source=source,
        span=span,
        explanation=article_says(source),
        confidence=0.8,
        accepted=person.aliases(),
    )
