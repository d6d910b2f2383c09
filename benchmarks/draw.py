"""Time giveaway-free quiz assembly against a plain random sample of the same pool.

Run: python benchmarks/draw.py
The pools are the drafts of the seed article and of up to 22 varied copies of it (people and
years changed), one article each; the baseline is random.sample, what a draw cost before the
giveaway rule.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generator import SEED, varied_copy  # noqa: E402

from quizapp.generate import DraftQuestion, generate  # noqa: E402
from quizapp.quiz.assembly import Item, balanced, draw  # noqa: E402


def drafts(copies: int) -> list[tuple[int, DraftQuestion]]:
    """The drafts of the seed and `copies - 1` varied copies, with their article number."""
    return [
        (c, q) for c in range(copies) for q in generate(varied_copy(c) if c else SEED).questions
    ]


def items(pool: list[tuple[int, DraftQuestion]]) -> list[Item]:
    """Candidates as a request builds them (timed too: each draw builds its own)."""
    return [
        Item(key=i, kind=q.kind, prompt=q.prompt, answer=q.answer, choices=q.choices,
             source=q.source, span=q.span, article=c)
        for i, (c, q) in enumerate(pool)
    ]  # fmt: skip


def median_ms(action, runs: int) -> float:
    """Median wall time of action(seed) over `runs` seeds, in milliseconds."""
    times = []
    for seed in range(runs):
        start = time.perf_counter()
        action(seed)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print one line per pool and draw size: assembly, baseline and their ratio."""
    seed = drafts(1)
    ready = median_ms(lambda s: balanced(items(seed), 15), 21)
    print(f"ready-made quiz, seed ({len(seed)} candidates): {ready:.2f} ms (median of 21)")
    for copies, count in ((1, 10), (10, 20), (10, 200), (23, 1000)):
        pool = drafts(copies)
        got = len(draw(items(pool), count, random.Random(0)))
        ours = median_ms(lambda s, p=pool, n=count: draw(items(p), n, random.Random(s)), 11)
        base = median_ms(lambda s, p=pool, n=count: random.Random(s).sample(p, min(n, len(p))), 11)
        print(
            f"draw {count:>4} of {len(pool):>4}: {ours:8.2f} ms, drew {got:>4}"
            f" (random.sample {base:.3f} ms; ratio {ours / max(base, 1e-6):.0f}x)"
        )


if __name__ == "__main__":
    main()
