"""Article-to-question generator: plain Python, no Flask imports."""

import gc

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

    # A long text makes a million small objects and no reference cycles: the collector's full
    # passes over them found nothing and took a fifth of the time on 1 MB (issue 13).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return run(text)
    finally:
        if collecting:
            gc.enable()
