"""One fact stated twice: "Berg expects three rockets through _____" beside "At current rates,
Berg said, there will be three rockets produced by _____". A bank that asks both has a
duplicate a teacher would delete; the first one asked stays."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from quizapp.generate.cloze import LEAD
from quizapp.generate.lexicon import FUNCTION_WORDS
from quizapp.generate.types import DraftQuestion

_WORD = re.compile(r"[\p{L}\d][\p{L}\d'’-]*")
_STEM = 5  # "produce" and "produced", "rocket" and "rockets" share their first letters
# Shared words needed, and their share of the shorter question's words: "Berg joined the club
# in _____" and "Berg left the club in _____" share two, and stay two facts.
MIN_SHARED = 4
MIN_OVERLAP = 0.6
# Each draft is compared with this many earlier ones of its kind and answer at most: an
# article of a thousand facts of one year costs linear time.
MAX_COMPARED = 8
_ASKING = frozenset(["what", "which", "when", "how", "many", "much", "year", "blank"])
KINDS = ("which_year", "number")


@dataclass(frozen=True)
class Words:
    """What a draft says, for comparing it with others."""

    stems: frozenset[str]
    names: frozenset[str]  # capitalised words and figures: whom and how many it is about

    @classmethod
    def of(cls, q: DraftQuestion) -> Words:
        """The words of q's prompt."""
        words = _WORD.findall(q.prompt.removeprefix(LEAD))
        low = [w.casefold() for w in words]
        stems = {
            w[:_STEM] for w in low if len(w) > 2 and w not in FUNCTION_WORDS and w not in _ASKING
        }
        names = {w for w in words if w[0].isupper() or w[0].isdigit()}
        return cls(frozenset(stems), frozenset(names))


def restated(a: Words, b: Words) -> bool:
    """True when two drafts of one kind and answer say mostly the same words about the same
    names and figures ("Ken Doctor said: “Since _____, …”" restates "Since _____, …")."""
    if not (a.names <= b.names or b.names <= a.names):
        return False  # "Baba said …" and "Bako said …": two people, two facts
    shared = len(a.stems & b.stems)
    return shared >= MIN_SHARED and shared >= MIN_OVERLAP * min(len(a.stems), len(b.stems))
