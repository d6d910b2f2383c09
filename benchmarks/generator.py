"""Time generate() on the seed, a 10x longer text and a 1 MB text.

Run: python benchmarks/generator.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizapp.generate import generate  # noqa: E402

SEED = (ROOT / "seeds" / "canada-mexico-2025.txt").read_text(encoding="utf-8")
NAMES = ["Clark", "Ford", "Carney", "Hemingway", "Macdonald", "Bautista"]


def varied_copy(i: int) -> str:
    """The seed with surnames and years shifted, so copies are not identical."""
    text = SEED
    for name in NAMES:
        text = text.replace(name, f"{name}{chr(97 + i % 26)}{i}")
    for year in ("1822", "1926", "1944", "1994", "2016", "2020", "2024"):
        text = text.replace(year, str(int(year) - i % 7))
    return text


def median_ms(text: str, runs: int) -> float:
    """Median wall time of generate(text) in milliseconds."""
    generate(text)  # warm-up: regex compilation
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        generate(text)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print the medians and the 10x ratio."""
    long_text = "\n".join(varied_copy(i) for i in range(10))
    mega = "\n".join(varied_copy(i) for i in range(1_000_000 // len(SEED) + 1))
    seed_ms = median_ms(SEED, 21)
    long_ms = median_ms(long_text, 7)
    mega_ms = median_ms(mega, 3)
    print(f"seed   ({len(SEED):>9,} chars): {seed_ms:8.1f} ms (median of 21)")
    print(f"10x    ({len(long_text):>9,} chars): {long_ms:8.1f} ms (median of 7)")
    print(f"ratio  10x / seed: {long_ms / seed_ms:.1f}")
    print(f"1 MB   ({len(mega):>9,} chars): {mega_ms:8.1f} ms (median of 3)")


if __name__ == "__main__":
    main()
