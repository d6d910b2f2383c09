"""The parsed article shared by every question builder."""

from __future__ import annotations

from dataclasses import dataclass

from quizapp.generate.distractors import name_pool, text_digest
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

    def person_choices(self, idx: int) -> list[str]:
        """Distractor names for person idx: other people of the article, then generic ones."""
        people = self.cast.people
        names = [p.name for p in people]
        surnames = [set(p.surnames) | {p.given} for p in people]
        return name_pool(idx, names, surnames, f"{self.digest}:{idx}")


def parse(text: str) -> Article:
    """Normalise, split and find people."""
    norm = normalise(text)
    paragraphs = split_paragraphs(text, norm)
    return Article(text, norm, paragraphs, find_people(norm, paragraphs), text_digest(text))
