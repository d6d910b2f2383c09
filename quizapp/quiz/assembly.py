"""Assembling quizzes whose questions do not give each other away (plain Python, no database).

One rule, used by the ready-made seed quiz and by every random draw: two questions clash when
they come from the same source sentence, when they are the two directions of a person↔role
pair ("Who is X?" / "Who is X's role?"), or when one's answer is a figure (year, number, rank)
that the other's stem states or that one of its choices spells out in context.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

# The kinds in the order a balanced quiz takes them, round after round.
KIND_ORDER = ("who_said", "which_year", "which_rank", "number", "who_is")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
# What a role answer may start with that the mirror question's stem words differently.
_ROLE_LEAD = re.compile(r"^(?:someone who|somebody who|a|an|the)\s+", re.IGNORECASE)
_DRAW_TRIES = 20
_WORD = re.compile(r"[^\W\d_]{2,}")


class QuestionLike(Protocol):
    """What assembly needs of a question (a Question row or a plain object)."""

    kind: str
    prompt: str
    answer: str
    source_sentence: str | None
    span_start: int | None
    span_end: int | None


@dataclass(frozen=True)
class Item:
    """A candidate question reduced to what can give another away."""

    key: object
    kind: str
    prompt: str
    answer: str
    choices: tuple[str, ...] = ()
    source: str | None = None
    span: tuple[int, int] | None = None
    article: object = None
    _prompt: str = field(init=False, repr=False, compare=False)
    _figures: frozenset[str] = field(init=False, repr=False, compare=False)
    _context_figures: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_prompt", _norm(self.prompt))
        object.__setattr__(self, "_figures", _numbers(self.prompt))
        # A choice that is a bare figure ("35%", "2016–2020") is just an option; one that wraps
        # a figure in words ("won the 2019 award") tells the student that figure.
        wrapped = [_numbers(c) for c in self.choices if len(_WORD.findall(c)) >= 2]
        object.__setattr__(self, "_context_figures", frozenset().union(*wrapped))


def item_of(question: QuestionLike, choices: Iterable[str] = (), *, key: object = None) -> Item:
    """An Item from a Question row (or any object with the same attributes)."""
    span = None
    if question.span_start is not None and question.span_end is not None:
        span = (question.span_start, question.span_end)
    return Item(
        key=key if key is not None else question,
        kind=question.kind,
        prompt=question.prompt,
        answer=question.answer,
        choices=tuple(choices),
        source=question.source_sentence,
        span=span,
        article=getattr(question, "article_id", None),
    )


def _norm(text: str) -> str:
    return " ".join(text.translate(_QUOTES).casefold().split())


def _numbers(text: str) -> frozenset[str]:
    """The figures a text states, thousands separators dropped ("15,000" → "15000")."""
    return frozenset(m.group().rstrip(",").replace(",", "") for m in _NUMBER.finditer(text))


def _role(answer: str) -> str:
    return _ROLE_LEAD.sub("", _norm(answer)).rstrip(".")


def _contains(haystack: str, needle: str) -> bool:
    """Whether needle occurs in haystack as whole words."""
    if len(needle) < 3:
        return False
    return re.search(rf"(?<![\w-]){re.escape(needle)}(?![\w-])", haystack) is not None


def _same_sentence(a: Item, b: Item) -> bool:
    if a.span is not None and a.span == b.span and a.article == b.article:
        return True
    return bool(a.source and b.source and _norm(a.source) == _norm(b.source))


def _reveals(a: Item, b: Item) -> bool:
    """Whether a's stem or choices give away b's answer."""
    figures = _numbers(b.answer)
    if figures and (figures <= a._figures or figures & a._context_figures):
        return True
    if b.kind == "which_rank" and b.answer[:1].islower():
        # A rank answer ("third-largest"): the stem that states it answers the question.
        return _contains(a._prompt, _norm(b.answer))
    if a.kind == b.kind == "who_is":
        return _contains(a._prompt, _role(b.answer))
    return False


def gives_away(a: Item, b: Item) -> bool:
    """Whether a quiz holding both a and b lets one answer the other."""
    return _same_sentence(a, b) or _reveals(a, b) or _reveals(b, a)


def _fits(item: Item, chosen: Sequence[Item]) -> bool:
    return all(not gives_away(item, other) for other in chosen)


def pick(candidates: Iterable[Item], count: int) -> list[Item]:
    """The first `count` candidates, in the given order, that give none of the others away."""
    chosen: list[Item] = []
    for item in candidates:
        if len(chosen) >= count:
            break
        if _fits(item, chosen):
            chosen.append(item)
    return chosen


def balanced(candidates: Sequence[Item], size: int) -> list[Item]:
    """Up to `size` giveaway-free questions, taking one of each kind in turn (best first).

    Within a kind, candidates keep their given order (put the best first); a kind that runs
    out leaves its turns to the others, so the quiz fits what the article has.
    """
    queues: dict[str, list[Item]] = {kind: [] for kind in KIND_ORDER}
    for item in candidates:
        queues.setdefault(item.kind, []).append(item)
    chosen: list[Item] = []
    while len(chosen) < size and any(queues.values()):
        for queue in queues.values():
            while queue and len(chosen) < size:
                item = queue.pop(0)
                if _fits(item, chosen):
                    chosen.append(item)
                    break
    return chosen


def draw(candidates: Sequence[Item], count: int, rng: random.Random) -> list[Item]:
    """A random giveaway-free draw of `count` candidates (fewer only when no order found more).

    Greedy picking in a random order can corner itself; a few more orders almost always find
    a full draw when one exists.
    """
    best: list[Item] = []
    pool = list(candidates)
    for _ in range(_DRAW_TRIES):
        rng.shuffle(pool)
        chosen = pick(pool, count)
        if len(chosen) > len(best):
            best = chosen
        if len(best) >= min(count, len(pool)):
            break
    return best
