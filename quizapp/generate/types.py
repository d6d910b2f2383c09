"""Plain data returned by the question generator (no Flask, no database)."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("who_said", "which_year", "which_rank", "number", "who_is")


@dataclass(frozen=True)
class PersonInfo:
    """A person named in the article."""

    name: str  # full name as first introduced, e.g. "Graeme C. Clark"
    aliases: tuple[str, ...] = ()  # "Clark", "Mr. Clark", "Graeme Clark", ...
    role: str | None = None  # "Canada's then-ambassador to Mexico"


@dataclass(frozen=True)
class DraftQuestion:
    """One generated question, ready to be stored as a draft."""

    kind: str  # one of KINDS
    prompt: str
    answer: str  # the correct option, exactly as it appears in choices
    choices: tuple[str, ...]  # all options (answer included), in display order
    source: str  # the source sentence, as it stands in the original text
    span: tuple[int, int]  # [start, end) character offsets of source in the original text
    explanation: str
    confidence: float  # 0..1; candidates below the threshold are never returned
    accepted: tuple[str, ...] = ()  # other typed answers that count (aliases; year as text)
    flags: tuple[str, ...] = ()  # linter's doubts, each "CODE: reason" (see lint.py)


@dataclass
class GeneratedArticle:
    """Everything the generator found in one article."""

    people: list[PersonInfo] = field(default_factory=list)
    questions: list[DraftQuestion] = field(default_factory=list)
