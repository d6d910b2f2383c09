"""The question linter: drops drafts that break the house rules and flags doubtful ones.

Every rule names a code of the teachers' rubric. Hard rules drop the draft (a teacher would
never publish it); soft rules keep it with a short reason in DraftQuestion.flags.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from quizapp.generate.forms import tidy_mid
from quizapp.generate.lint_answers import (
    ambiguous,
    gives_away,
    hedge_changed,
    non_person,
    person_answer,
)
from quizapp.generate.lint_rules import (
    QUOTE_SPLIT,
    Rule,
    dangling_connective,
    fragment,
    inside_quotation,
    leftover_attribution,
    short_quote,
    too_long,
    truncation,
    unresolved_inside,
    unresolved_start,
    wh_buried,
    wh_comma,
    wh_insert,
    xref,
)
from quizapp.generate.types import DraftQuestion

HARD: tuple[Rule, ...] = (
    wh_insert,
    wh_comma,
    dangling_connective,
    unresolved_start,
    leftover_attribution,
    truncation,
    short_quote,
    fragment,
    inside_quotation,
    xref,
    gives_away,
    non_person,
)
SOFT: tuple[Rule, ...] = (wh_buried, too_long, ambiguous, hedge_changed)


def check(q: DraftQuestion) -> tuple[list[str], list[str]]:
    """(hard problems, soft flags) found in one draft."""
    hard = [r for r in (rule(q) for rule in HARD) if r]
    soft = [r for r in (rule(q) for rule in SOFT) if r]
    soft += unresolved_inside(q)
    return hard, soft


def mirror_pairs(drafts: Iterable[DraftQuestion]) -> set[int]:
    """Indexes of role -> person drafts whose person is also asked as "Who is <person>?"."""
    drafts = list(drafts)
    asked = {
        q.prompt[7:-1]
        for q in drafts
        if q.kind == "who_is" and q.prompt.startswith("Who is ") and not person_answer(q)
    }
    return {i for i, q in enumerate(drafts) if person_answer(q) and q.answer in asked}


def lint(drafts: Iterable[DraftQuestion]) -> list[DraftQuestion]:
    """Drop drafts that break a hard rule; return the rest with their flags."""
    drafts = list(drafts)
    mirrors = mirror_pairs(drafts)
    out = []
    for i, q in enumerate(drafts):
        q = polish(q)
        hard, soft = check(q)
        if hard or i in mirrors:
            continue
        flags = tuple(dict.fromkeys((*q.flags, *soft)))
        out.append(dataclasses.replace(q, flags=flags) if flags != q.flags else q)
    return out


def polish(q: DraftQuestion) -> DraftQuestion:
    """Form-only repairs before checking: a mid-sentence ", though," outside quotations."""
    if "," not in q.prompt:
        return q
    parts = QUOTE_SPLIT.split(q.prompt)
    fixed = "".join(p if i % 2 else tidy_mid(p) for i, p in enumerate(parts))
    return dataclasses.replace(q, prompt=fixed) if fixed != q.prompt else q


def explain(drafts: Iterable[DraftQuestion]) -> list[tuple[DraftQuestion, list[str]]]:
    """Every draft with all its problems, hard and soft (for reports and evaluation)."""
    drafts = list(drafts)
    mirrors = mirror_pairs(drafts)
    out = []
    for i, q in enumerate(drafts):
        hard, soft = check(polish(q))
        if i in mirrors:
            hard.append(f"MIRROR_DUP: '{q.answer}' is also asked as 'Who is {q.answer}?'")
        out.append((q, hard + soft))
    return out
