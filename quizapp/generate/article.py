"""The parsed article shared by every question builder."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from quizapp.generate.distractors import Candidate, candidates, person_pool, text_digest
from quizapp.generate.people import Cast, find_people
from quizapp.generate.text import Paragraph, normalise, sentence_at, split_paragraphs


@dataclass
class Article:
    """Original text, its same-length normalised copy, paragraphs and people."""

    text: str
    norm: str
    paragraphs: list[Paragraph]
    cast: Cast
    digest: str

    def source(self, p: Paragraph, start: int, end: int) -> tuple[str, tuple[int, int]]:
        """The whole sentence(s) of p covering [start, end), as text and span."""
        first = p.sentences[sentence_at(p, start)]
        last = p.sentences[sentence_at(p, max(start, end - 1))]
        return self.text[first.start : last.end], (first.start, last.end)

    def person_choices(self, idx: int, role: str | None = None) -> list[str]:
        """Distractor names for person idx: other people of the article (none invented);
        asking for the holder of role, none whose own role also fits it."""
        if not self.is_person(idx):
            return []  # never ask who "the owner of the Ledger" is with an outlet as the key
        return person_pool(idx, self._candidates, f"{self.digest}:{idx}", role)

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
