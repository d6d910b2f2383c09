"""How kinds of question are named to people: one label per kind, and cloze items apart.

A fill-in-the-blank item keeps its generating kind in the database (see generate/cloze.py);
teachers still see it as its own kind, so the label and the filters treat it as one.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import ColumnElement, and_, not_

from quizapp.generate.cloze import LEAD, is_cloze
from quizapp.models import KIND_LABELS, Question

CLOZE = "cloze"
CLOZE_LABEL = "Fill in the blank"
# Every kind a teacher can filter by, in the order the menus list them.
KIND_FILTERS = {**KIND_LABELS, CLOZE: CLOZE_LABEL}


class Asked(Protocol):
    """Anything with a kind and a prompt (a Question, a report row)."""

    kind: str
    prompt: str


def kind_key(question: Asked) -> str:
    """The kind a teacher sees: "cloze" for a fill-in-the-blank prompt, else the stored kind."""
    return CLOZE if is_cloze(question.prompt or "") else question.kind


def kind_label(question: Asked | str) -> str:
    """The human label of a question's kind (or of a kind's key)."""
    key = question if isinstance(question, str) else kind_key(question)
    return KIND_FILTERS.get(key, key.replace("_", " ").capitalize())


def kind_condition(key: str) -> ColumnElement[bool]:
    """The SQL filter matching `kind_key(question) == key` (the LIKE prefix test of is_cloze)."""
    cloze = Question.prompt.startswith(LEAD, autoescape=True)
    if key == CLOZE:
        return cloze
    return and_(Question.kind == key, not_(cloze))
