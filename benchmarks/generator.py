"""Time generate() on the seed, a 10x longer text and a 1 MB text; then time and peak memory
on 1 MB of ordinary text and of each pathological text (issue 13).

Run: python benchmarks/generator.py            (everything)
     python benchmarks/generator.py --one NAME  (one 1 MB case, in this process)

Each 1 MB case runs in its own process, which reports wall and CPU time and its peak RSS; the
seed in its own process is the memory baseline, ordinary 1 MB text the time baseline.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizapp.generate import generate  # noqa: E402
from tests.generate.pathological import PATHOLOGICAL, ordinary  # noqa: E402

MB = 1_000_000
CASES = {"seed only": lambda size: SEED, "ordinary": ordinary, **PATHOLOGICAL}

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


def one_case(name: str) -> None:
    """Generate from one 1 MB case here; print its figures as JSON (for the parent)."""
    text = CASES[name](MB)
    generate("warm up")  # imports and compiled patterns are not the text's cost
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    wall, cpu = time.perf_counter(), time.process_time()
    result = generate(text)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    figures = {"chars": len(text), "wall": wall, "cpu": cpu, "questions": len(result.questions)}
    print(json.dumps({**figures, "peak": peak, "before": before}))


def run_case(name: str) -> dict:
    """The figures of one case, measured in a fresh process."""
    out = subprocess.run(
        [sys.executable, __file__, "--one", name], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def megabyte_cases() -> None:
    """Time and peak memory on 1 MB of each text, against ordinary text and the seed."""
    rows = {name: run_case(name) for name in CASES}
    base_rss, base_cpu = rows["seed only"]["peak"], rows["ordinary"]["cpu"]
    print(f"\n1 MB texts, one process each (memory baseline: the seed, {base_rss / MB:.0f} MB RSS)")
    print(
        f"{'text':<17} {'chars':>9} {'wall s':>7} {'CPU s':>6} {'CPU/ordinary':>12}"
        f" {'peak RSS MB':>11} {'over seed MB':>12} {'questions':>9}"
    )
    for name, row in rows.items():
        print(
            f"{name:<17} {row['chars']:>9,} {row['wall']:>7.2f} {row['cpu']:>6.2f}"
            f" {row['cpu'] / base_cpu:>12.2f} {row['peak'] / MB:>11.0f}"
            f" {(row['peak'] - base_rss) / MB:>12.0f} {row['questions']:>9}"
        )


def main() -> None:
    """Print the medians and the 10x ratio, then the 1 MB cases."""
    if sys.argv[1:2] == ["--one"]:
        one_case(sys.argv[2])
        return
    long_text = "\n".join(varied_copy(i) for i in range(10))
    mega = "\n".join(varied_copy(i) for i in range(1_000_000 // len(SEED) + 1))
    seed_ms = median_ms(SEED, 21)
    long_ms = median_ms(long_text, 7)
    mega_ms = median_ms(mega, 3)
    print(f"seed   ({len(SEED):>9,} chars): {seed_ms:8.1f} ms (median of 21)")
    print(f"10x    ({len(long_text):>9,} chars): {long_ms:8.1f} ms (median of 7)")
    print(f"ratio  10x / seed: {long_ms / seed_ms:.1f}")
    print(f"1 MB   ({len(mega):>9,} chars): {mega_ms:8.1f} ms (median of 3)")
    megabyte_cases()


if __name__ == "__main__":
    main()
