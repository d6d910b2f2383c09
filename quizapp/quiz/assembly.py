"""Assembling quizzes whose questions do not give each other away (plain Python, no database).

One rule, used by the ready-made seed quiz and by every random draw: two questions clash when
they come from the same source sentence, when they are the two directions of a person↔role
pair ("Who is X?" / "Who is X's role?"), or when one's answer is a figure (year, number, rank)
that the other's stem states or that one of its choices spells out in context.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

# The kinds in the order a balanced quiz takes them, round after round.
KIND_ORDER = ("who_said", "which_year", "which_rank", "number", "who_is")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'))
# What a role answer may start with that the mirror question's stem words differently.
_ROLE_LEAD = re.compile(r"^(?:someone who|somebody who|a|an|the)\s+", re.IGNORECASE)
_DRAW_TRIES = 20
_PATIENCE = 3
_WORDS = re.compile(r"\w+")
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
class Clues:
    """What a question shows and what it asks, normalised once for fast comparisons."""

    prompt: str
    figures: frozenset[str]  # figures its stem states
    context_figures: frozenset[str]  # figures its choices spell out in words
    source: str
    answer: str
    answer_figures: frozenset[str]
    rank: str  # a rank answer ("third-largest"), else ""
    role: str  # a who-is answer without its lead ("premier of ontario"), else ""


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
    clues: Clues = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A choice that is a bare figure ("35%", "2016–2020") is just an option; one that wraps
        # a figure in words ("won the 2019 award") tells the student that figure.
        wrapped = [_numbers(c) for c in self.choices if len(_WORD.findall(c)) >= 2]
        answer = _norm(self.answer)
        clues = Clues(
            prompt=_norm(self.prompt),
            figures=_numbers(self.prompt),
            context_figures=frozenset().union(*wrapped),
            source=_norm(self.source or ""),
            answer=answer,
            answer_figures=_numbers(self.answer),
            # A rank answer is a lower-case phrase; an entity that holds a rank is a name.
            rank=answer if self.kind == "which_rank" and self.answer[:1].islower() else "",
            role=_ROLE_LEAD.sub("", answer).rstrip(".") if self.kind == "who_is" else "",
        )
        object.__setattr__(self, "clues", clues)

    @cached_property
    def filed_under(self) -> frozenset[tuple]:
        """Index keys of this item once chosen."""
        return _tokens(self, probe=False)

    @cached_property
    def seeks(self) -> frozenset[tuple]:
        """Index keys this item looks up as a candidate."""
        return _tokens(self, probe=True)

    @cached_property
    def wide(self) -> bool:
        """A rank answer any stem may state, or a role with no word to index it by."""
        return bool(self.clues.rank) or bool(self.clues.role and not _anchor(self.clues.role))


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
    """Casefolded, straight quotes, single spaces (replace() beats a slow dict translate)."""
    for curly, straight in _QUOTES:
        text = text.replace(curly, straight)
    return " ".join(text.casefold().split())


def _numbers(text: str) -> frozenset[str]:
    """The figures a text states, thousands separators dropped ("15,000" → "15000")."""
    return frozenset(m.group().rstrip(",").replace(",", "") for m in _NUMBER.finditer(text))


def _contains(haystack: str, needle: str) -> bool:
    """Whether needle occurs in haystack as whole words."""
    if len(needle) < 3 or needle not in haystack:
        return False
    return re.search(rf"(?<![\w-]){re.escape(needle)}(?![\w-])", haystack) is not None


def _same_sentence(a: Item, b: Item) -> bool:
    if a.span is not None and a.span == b.span and a.article == b.article:
        return True
    return bool(a.clues.source) and a.clues.source == b.clues.source


def _reveals(a: Item, b: Item) -> bool:
    """Whether a's stem or choices give away b's answer."""
    shown, asked = a.clues, b.clues
    if asked.answer_figures and (
        asked.answer_figures <= shown.figures or asked.answer_figures & shown.context_figures
    ):
        return True
    if asked.rank:  # the stem that states the rank answers the question
        return _contains(shown.prompt, asked.rank)
    if a.kind == "who_is" and asked.role:  # a person↔role mirror pair
        return _contains(shown.prompt, asked.role)
    return False


def gives_away(a: Item, b: Item) -> bool:
    """Whether a quiz holding both a and b lets one answer the other."""
    return _same_sentence(a, b) or _reveals(a, b) or _reveals(b, a)


class Selection:
    """Questions chosen so far, indexed so a candidate is checked only against those it could
    clash with: a pair that gives one away always shares a sentence, a figure or a word.

    `gives_away` stays the one rule; the index only skips pairs it would clear anyway.
    """

    def __init__(self) -> None:
        self.items: list[Item] = []
        self._index: dict[tuple, list[Item]] = defaultdict(list)
        self._wide: list[Item] = []  # checked against every candidate

    def fits(self, item: Item) -> bool:
        """Whether item gives none of the chosen away, nor is given away by one."""
        if item.wide:
            others: Iterable[Item] = self.items
        else:
            near = {id(x): x for key in item.seeks for x in self._index.get(key, ())}
            others = [*near.values(), *self._wide]
        return not any(gives_away(item, other) for other in others)

    def add(self, item: Item) -> None:
        """Choose item."""
        self.items.append(item)
        for key in item.filed_under:
            self._index[key].append(item)
        if item.wide:
            self._wide.append(item)


def _anchor(role: str) -> str:
    """A word any stem holding this role as whole words must hold too."""
    return max(_WORDS.findall(role), key=len, default="")


def _tokens(item: Item, *, probe: bool) -> frozenset[tuple]:
    """Index keys: what a chosen item is filed under (probe=False) or what a candidate seeks."""
    clues = item.clues
    keys: set[tuple] = {
        ("figure", f) for f in clues.figures | clues.context_figures | clues.answer_figures
    }
    if item.span is not None:
        keys.add(("span", item.article, item.span))
    if clues.source:
        keys.add(("source", clues.source))
    # Mirror pairs: one's role stands, word for word, in the other's who-is stem.
    stem, anchor = ("role", "word") if probe else ("word", "role")
    if item.kind == "who_is":
        keys |= {(stem, w) for w in _WORDS.findall(clues.prompt)}
    if clues.role and _anchor(clues.role):
        keys.add((anchor, _anchor(clues.role)))
    return frozenset(keys)


def pick(candidates: Iterable[Item], count: int) -> list[Item]:
    """The first `count` candidates, in the given order, that give none of the others away."""
    chosen = Selection()
    for item in candidates:
        if len(chosen.items) >= count:
            break
        if chosen.fits(item):
            chosen.add(item)
    return chosen.items


def balanced(candidates: Sequence[Item], size: int) -> list[Item]:
    """Up to `size` giveaway-free questions, taking one of each kind in turn (best first).

    Within a kind, candidates keep their given order (put the best first), but a fresh answer
    beats one the quiz already asks for; a kind that runs out leaves its turns to the others,
    so the quiz fits what the article has.
    """
    queues: dict[str, list[Item]] = {kind: [] for kind in KIND_ORDER}
    for item in candidates:
        queues.setdefault(item.kind, []).append(item)
    chosen = Selection()
    answers: set[str] = set()
    while len(chosen.items) < size and any(queues.values()):
        for queue in queues.values():
            if len(chosen.items) >= size:
                break
            queue[:] = [item for item in queue if chosen.fits(item)]
            if queue:
                fresh = next((i for i in queue if i.clues.answer not in answers), queue[0])
                queue.remove(fresh)
                chosen.add(fresh)
                answers.add(fresh.clues.answer)
    return chosen.items


def draw(candidates: Sequence[Item], count: int, rng: random.Random) -> list[Item]:
    """A random giveaway-free draw of `count` candidates (fewer only when no order found more).

    Greedy picking in a random order can corner itself; a few more orders almost always find
    a full draw when one exists, and give up soon when none does.
    """
    best: list[Item] = []
    pool = list(candidates)
    stale = 0
    for _ in range(_DRAW_TRIES):
        rng.shuffle(pool)
        chosen = pick(pool, count)
        stale = 0 if len(chosen) > len(best) else stale + 1
        best = max(best, chosen, key=len)
        # Stop when full, or when orders keep failing to do better (likely no full draw).
        if len(best) >= min(count, len(pool)) or stale >= _PATIENCE:
            break
    return best
