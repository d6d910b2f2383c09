"""Assembling choices: deterministic RNG, distractor pools and the final DraftQuestion."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from quizapp.generate.types import DraftQuestion

MIN_CONFIDENCE = 0.6
# How many more questions assemble() may build for the article being generated: a text made of
# nothing but figures would otherwise hold a candidate (prompt, source…) per figure in memory.
_BUDGET: ContextVar[list[int] | None] = ContextVar("quizapp_question_budget", default=None)
GENERIC_NAMES = (
    "Maria Lopez",
    "James Wilson",
    "Sarah Thompson",
    "David Chen",
    "Priya Patel",
    "Thomas Martin",
    "Elena Petrova",
    "Robert King",
    "Ana Morales",
    "Michael Brown",
)


def rng_for(digest: str, prompt: str) -> random.Random:
    """A private RNG seeded from the article's hash and the prompt (never the global one)."""
    seed = hashlib.sha256(f"{digest}\x00{prompt}".encode()).hexdigest()[:16]
    return random.Random(int(seed, 16))


def text_digest(text: str) -> str:
    """Hash of the article text, computed once per article."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _key(s: str) -> str:
    return " ".join(s.casefold().replace(".", "").split())


def pick(pool: list[str], n: int, forbidden: set[str], rng: random.Random) -> list[str]:
    """Up to n distinct items of pool (in pool order) whose key is not forbidden."""
    out: list[str] = []
    seen = set(forbidden)
    for item in pool:
        k = _key(item)
        if k and k not in seen:
            seen.add(k)
            out.append(item)
        if len(out) == n:
            break
    return out


@contextmanager
def question_budget(limit: int) -> Iterator[None]:
    """Let assemble() build at most limit questions inside the block."""
    token = _BUDGET.set([limit])
    try:
        yield
    finally:
        _BUDGET.reset(token)


def assemble(
    *,
    digest: str,
    kind: str,
    prompt: str,
    answer: str,
    distractors: list[str],
    source: str,
    span: tuple[int, int],
    explanation: str,
    confidence: float,
    accepted: tuple[str, ...] = (),
) -> DraftQuestion | None:
    """Build the question, or None when confidence is low or there are too few distractors."""
    if confidence < MIN_CONFIDENCE or not answer.strip():
        return None
    rng = rng_for(digest, prompt)
    forbidden = {_key(answer)} | {_key(a) for a in accepted}
    chosen = pick(distractors, 3, forbidden, rng)
    if len(chosen) < 3:
        return None
    budget = _BUDGET.get()
    if budget is not None:
        if budget[0] <= 0:
            return None
        budget[0] -= 1
    choices = list(chosen)
    choices.insert(rng.randrange(len(choices) + 1), answer)
    accepted = tuple(a for a in dict.fromkeys(accepted) if a != answer)
    return DraftQuestion(
        kind=kind,
        prompt=prompt,
        answer=answer,
        choices=tuple(choices),
        source=source,
        span=span,
        explanation=explanation,
        confidence=round(confidence, 2),
        accepted=accepted,
    )


def shuffled(items: list[str], rng: random.Random) -> list[str]:
    """A shuffled copy of items (deterministic for a given rng)."""
    out = list(items)
    rng.shuffle(out)
    return out


def name_pool(
    answer_idx: int, names: list[str], surnames: list[set[str]], rng_seed: str
) -> list[str]:
    """Other people's names (never sharing a surname with the answer), then generic names."""
    banned = surnames[answer_idx]
    others = [n for i, n in enumerate(names) if i != answer_idx and not (surnames[i] & banned)]
    rng = random.Random(rng_seed)
    generic = [g for g in GENERIC_NAMES if not (set(g.split()) & banned)]
    return shuffled(others, rng) + shuffled(generic, rng)
