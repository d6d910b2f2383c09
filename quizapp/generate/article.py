"""The parsed article shared by every question builder."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from quizapp.generate.cast import Cast
from quizapp.generate.distractors import Candidate, candidates, person_pool, text_digest
from quizapp.generate.people import find_people
from quizapp.generate.text import Paragraph, normalise, sentence_at, split_paragraphs

# A source longer than this (a "sentence" without full stops, a list) is cut to the words
# around the fact: each question keeps its own copy of its source.
MAX_SOURCE = 1500
SOURCE_MARGIN = 300
# Distractor names come from at most this many people around the answer, so an article naming
# thousands of people costs linear time, not a pass over everyone per question.
MAX_NAME_POOL = 24


@dataclass
class Article:
    """Original text, its same-length normalised copy, paragraphs and people."""

    text: str
    norm: str
    paragraphs: list[Paragraph]
    cast: Cast
    digest: str
    # Article-wide values a builder computes once instead of per question.
    memo: dict[str, Any] = field(default_factory=dict)

    def source(self, p: Paragraph, start: int, end: int) -> tuple[str, tuple[int, int]]:
        """The whole sentence(s) of p covering [start, end), as text and span."""
        first = p.sentences[sentence_at(p, start)]
        last = p.sentences[sentence_at(p, max(start, end - 1))]
        lo, hi = first.start, last.end
        if hi - lo > MAX_SOURCE:
            lo, hi = self._window(lo, hi, start, end)
        return self.text[lo:hi], (lo, hi)

    def _window(self, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
        """At most MAX_SOURCE characters of [lo, hi) around [start, end), cut between words."""
        cut_lo = max(lo, start - SOURCE_MARGIN)
        cut_hi = min(hi, max(end, start + 1) + SOURCE_MARGIN, cut_lo + MAX_SOURCE)
        if cut_lo > lo:
            space = self.text.find(" ", cut_lo, start)
            cut_lo = space + 1 if space >= 0 else cut_lo
        if cut_hi < hi:
            space = self.text.rfind(" ", max(end, cut_lo), cut_hi)
            cut_hi = space if space > cut_lo else cut_hi
        return cut_lo, cut_hi

    def person_choices(self, idx: int, role: str | None = None) -> list[str]:
        """Distractor names for person idx: other people of the article (none invented);
        asking for the holder of role, none whose own role also fits it."""
        if not self.is_person(idx):
            return []  # never ask who "the owner of the Ledger" is with an outlet as the key
        people = self._candidates
        first = 0
        if len(people) > MAX_NAME_POOL:  # the people around idx: a pool per question stays small
            first = min(max(0, idx - MAX_NAME_POOL // 2), len(people) - MAX_NAME_POOL)
            people = people[first : first + MAX_NAME_POOL]
        return person_pool(idx - first, people, f"{self.digest}:{idx}", role)

    def is_person(self, idx: int) -> bool:
        """True when the article shows person idx to be a person (not an outlet or a place)."""
        return self._candidates[idx].person_like

    @cached_property
    def _candidates(self) -> list[Candidate]:
        return candidates(self.norm, self.cast)


def parse(text: str) -> Article:
    """Normalise, split and find people."""
    norm = normalise(text)
    paragraphs = split_paragraphs(text, norm)
    return Article(text, norm, paragraphs, find_people(norm, paragraphs), text_digest(text))
