"""Whether the article's question budget (distractors.question_budget) is spent.

Once it is, assemble() builds nothing more, so a builder that checks this per candidate stops
instead of preparing sources, prompts and distractors that would be thrown away.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex as re

from quizapp.generate import distractors

if TYPE_CHECKING:
    from quizapp.generate.article import Article
    from quizapp.generate.text import Paragraph


def spent() -> bool:
    """True when assemble() can build no more questions in the current budget."""
    # Read, never changed, here: distractors.assemble() alone spends the budget.
    left = distractors._BUDGET.get()
    return left is not None and left[0] <= 0


def body_matches(art: Article, pattern: re.Pattern) -> Iterator[tuple[Paragraph, re.Match]]:
    """Each match of `pattern` in the article's body paragraphs, until the budget is spent."""
    for p in art.paragraphs:
        if p.heading:
            continue
        for m in pattern.finditer(art.norm, p.start, p.end):
            # Checked before each candidate: building one that would be thrown away is the cost.
            if spent():
                return
            yield p, m
