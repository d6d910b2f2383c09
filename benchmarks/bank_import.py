"""Time a bank import (GIFT) of 1,000 and of 20,000 questions, parse to commit.

Run: python benchmarks/bank_import.py [--database-url postgresql+psycopg://postgres@127.0.0.1/db]
(default: a fresh SQLite file). The 20,000-question file must import well within a worker
timeout (gunicorn's default is 30 s); the 1,000-question run is the baseline of the ratio.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from quizapp import create_app  # noqa: E402
from quizapp.bank.interchange import import_bank  # noqa: E402
from quizapp.extensions import db  # noqa: E402


def gift_file(n: int, offset: int) -> bytes:
    """n distinct multiple-choice questions in GIFT (our own words)."""
    return "".join(
        f"// kind: which_year\n::q{i}:: In which year did event {i} of the harbour happen? "
        f"{{={1900 + i % 100} ~1850 ~1851 ~1852 ####Said in report {i}.}}\n\n"
        for i in range(offset, offset + n)
    ).encode()


def timed_import(n: int, offset: int) -> tuple[float, float]:
    """Wall and CPU seconds to import and commit an n-question file (CPU: on a busy machine)."""
    data = gift_file(n, offset)
    start, cpu = time.perf_counter(), time.process_time()
    report = import_bank("bench.gift", data, author=None)
    db.session.commit()
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    assert report.created == n, report
    return elapsed


def main() -> None:
    """Print both timings and the per-question ratio."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.sqlite"
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
        with app.app_context():
            db.drop_all()
            db.create_all()
            small = timed_import(1_000, 0)
            large = timed_import(20_000, 1_000)
            size = len(gift_file(20_000, 1_000))
            db.session.execute(text("DELETE FROM choice"))
            db.session.execute(text("DELETE FROM question"))
            db.session.commit()
    print(f"database: {url.split(':')[0]}")
    print(f"1,000 questions : {small[0]:6.2f} s wall, {small[1]:6.2f} s CPU (baseline)")
    print(
        f"20,000 questions: {large[0]:6.2f} s wall, {large[1]:6.2f} s CPU"
        f" ({size / 1e6:.1f} MB of GIFT)"
    )
    print(f"per question, 20,000 vs 1,000 (CPU): {large[1] / 20 / small[1]:.2f}x")


if __name__ == "__main__":
    main()
