"""Article-to-question generator: plain Python, no Flask imports."""

from quizapp.generate.cloze import BLANK, split_blank
from quizapp.generate.types import KINDS, DraftQuestion, GeneratedArticle, PersonInfo

__all__ = [
    "BLANK",
    "KINDS",
    "DraftQuestion",
    "GeneratedArticle",
    "PersonInfo",
    "generate",
    "split_blank",
]


def generate(text: str) -> GeneratedArticle:
    """Build draft questions from an article's text (deterministic for the same text)."""
    from quizapp.generate.pipeline import run  # imported late: pipeline imports this package

    return run(text)
