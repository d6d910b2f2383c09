"""Naming what a question calls "the company" when the article names one company only."""

from __future__ import annotations

from dataclasses import replace

import regex as re

from quizapp.generate.lexicon import ORG_WORDS
from quizapp.generate.types import DraftQuestion

# "Brightwell Inc.", "Acme Foods Ltd", "Harlow Brandt & Co.": a name and its legal suffix.
_COMPANY = re.compile(
    # Spaces only: a name never runs on from a title line into the next paragraph.
    r"\b((?:\p{Lu}[\p{L}&'-]*[^\S\n]+){0,3}\p{Lu}[\p{L}&'-]*),?[^\S\n]+"
    r"(?:Inc|Corp|Corporation|Co|Ltd|LLC|plc|PLC|AG|SA|GmbH|NV)\b\.?"
)
_THE_COMPANY = re.compile(r"\b([Tt])he company(['’]s)?\b")
_QUOTED = re.compile(r"(“[^”]*”|\"[^\"]*\")")


def the_company(text: str) -> str | None:
    """The one company the article names with its legal suffix, when its headline names it
    too (else "the company" may be another one the story is about), else None."""
    names = {m.group(1) for m in _COMPANY.finditer(text)}
    if len(names) != 1:
        return None
    name = names.pop()
    title = set(text.split("\n", 1)[0].replace("+", " ").split())
    own = [w for w in name.split() if w.lower() not in ORG_WORDS]
    return name if any(w in title for w in own) else None


def _named(s: str, company: str) -> str:
    """s with "the company" outside quotation marks replaced by company."""
    parts = _QUOTED.split(s)
    for i in range(0, len(parts), 2):  # even parts are outside the quotes
        parts[i] = _THE_COMPANY.sub(lambda m: company + (m.group(2) or ""), parts[i])
    return "".join(parts)


def name_the_company(q: DraftQuestion, company: str | None) -> DraftQuestion:
    """q with "the company" named in its prompt and choices (not in the article's words)."""
    if company is None or q.kind == "who_said":
        return q
    choices = tuple(_named(c, company) for c in q.choices)
    if len(set(choices)) != len(choices):
        return q
    return replace(
        q, prompt=_named(q.prompt, company), answer=_named(q.answer, company), choices=choices
    )
