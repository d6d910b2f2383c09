"""Whether the article's question budget (distractors.question_budget) is spent.

Once it is, assemble() builds nothing more, so a builder that checks this per candidate stops
instead of preparing sources, prompts and distractors that would be thrown away.
"""

from __future__ import annotations

from quizapp.generate import distractors


def spent() -> bool:
    """True when assemble() can build no more questions in the current budget."""
    # Read, never changed, here: distractors.assemble() alone spends the budget.
    left = distractors._BUDGET.get()
    return left is not None and left[0] <= 0
