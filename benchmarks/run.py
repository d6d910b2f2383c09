"""Benchmark quizapp under gunicorn against a bare Flask app, and check the performance targets.

Run: python benchmarks/run.py [--quick] [--database-url postgresql+psycopg://postgres@127.0.0.1/test]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import FrameType

from flask import Flask
from sqlalchemy import update

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.generator import SEED, median_ms, varied_copy  # noqa: E402
from benchmarks.load import (  # noqa: E402
    Call,
    Client,
    Sample,
    gunicorn,
    percentile,
    run_fixed,
    run_threads,
)
from benchmarks.seed import (  # noqa: E402
    Seeded,
    Student,
    bench_app,
    seed,
    submitted_count,
    temporary_database,
    top_up_attempts,
)
from quizapp.extensions import db  # noqa: E402
from quizapp.models import Quiz  # noqa: E402

SECRET = "benchmark-secret-key"
HISTORY = 10  # submitted attempts per student of the first class
TAKE_POOL = 64  # open attempts the take page and autosave are measured on (never submitted)
EXPORT_ATTEMPTS = 10_000
MIB = 1024 * 1024


@dataclass
class Plan:
    """How much work each phase does."""

    rounds: int
    hello: int
    take: int
    autosave: int
    submit: int
    sim_rounds: int
    bursts: int
    export_runs: int
    gen_seed_runs: int
    gen_long_runs: int

    def students(self) -> int:
        """Open attempts the plan consumes: one per submit, simulated student and burst slot."""
        return TAKE_POOL + 8 + self.rounds * self.submit + 100 * (self.sim_rounds + self.bursts)


QUICK = Plan(3, 600, 200, 200, 100, 1, 1, 3, 5, 3)
FULL = Plan(5, 2000, 600, 600, 300, 3, 3, 5, 21, 7)


class Report:
    """Printed figures and the PASS/MISS verdicts of the targets."""

    def __init__(self) -> None:
        self.verdicts: list[tuple[str, bool | None]] = []

    def line(self, text: str) -> None:
        """Print one figure at once (the run is long)."""
        print(text, flush=True)

    def target(self, name: str, met: bool | None, detail: str) -> None:
        """Print and remember a target's verdict (None: could not be measured)."""
        verdict = "SKIP" if met is None else ("PASS" if met else "MISS")
        self.verdicts.append((name, met))
        self.line(f"{verdict} {name}: {detail}")


def ms(seconds: float) -> str:
    """Seconds as milliseconds for printing."""
    return f"{seconds * 1000:.1f} ms"


def latency_line(name: str, samples: list[Sample]) -> str:
    """Median over rounds of RPS and latency percentiles, and the errors of every round."""
    rps = statistics.median(s.rps for s in samples)
    parts = [
        f"p{q} {ms(statistics.median(percentile(s.latencies, q) for s in samples))}"
        for q in (50, 95, 99)
    ]
    errors = sum(s.errors for s in samples)
    statuses: dict[int, int] = {}
    for s in samples:
        for status, n in s.statuses.items():
            statuses[status] = statuses.get(status, 0) + n
    return (
        f"{name}: {rps:.0f} req/s  {'  '.join(parts)}  errors {errors}"
        f"  (median of {len(samples)} rounds x {len(samples[0].latencies)} requests,"
        f" statuses {dict(sorted(statuses.items()))})"
    )


def answer_fields(seeded: Seeded, rng: random.Random) -> dict[str, object]:
    """A final submit's form: an answer to every question."""
    return {f"q{qid}": rng.choice(options) for qid, options in seeded.choices.items()}


def take_call(student: Student) -> tuple[str, Call]:
    """GET the quiz-taking page of the student's open attempt."""
    return student.cookie, ("GET", f"/attempts/{student.attempt_id}", None, {})


def autosave_call(student: Student, seeded: Seeded, rng: random.Random) -> tuple[str, Call]:
    """POST one autosaved answer, the way quiz.js does."""
    qid = rng.choice(list(seeded.choices))
    fields = {"question": qid, "answer": rng.choice(seeded.choices[qid])}
    headers = {"X-CSRFToken": student.token}
    return student.cookie, ("POST", f"/attempts/{student.attempt_id}/answer", fields, headers)


def submit_call(student: Student, seeded: Seeded, rng: random.Random) -> tuple[str, Call]:
    """POST the final submit of the student's open attempt with every answer."""
    fields = {"csrf_token": student.token, **answer_fields(seeded, rng)}
    return student.cookie, ("POST", f"/attempts/{student.attempt_id}/submit", fields, {})


def next_call(student: Student, seeded: Seeded, rng: random.Random) -> tuple[str, Call]:
    """POST one paged question without JavaScript: save its answer, move to the next (302)."""
    qid = rng.choice(list(seeded.choices))
    fields = {
        "csrf_token": student.token,
        f"q{qid}": rng.choice(seeded.choices[qid]),
        "shown": qid,
        "go": rng.randint(2, len(seeded.choices)),
    }
    return student.cookie, ("POST", f"/attempts/{student.attempt_id}/save", fields, {})


def set_layout(app: Flask, quiz_id: int, layout: str) -> None:
    """Switch the benchmark quiz between one per page and all on one page."""
    with app.app_context():
        db.session.execute(update(Quiz).where(Quiz.id == quiz_id).values(layout=layout))
        db.session.commit()


def hello_calls(n: int) -> list[tuple[str | None, Call]]:
    """n anonymous GET / of the hello app."""
    return [(None, ("GET", "/", None, {}))] * n


class Pool:
    """Students with untouched open attempts, handed out once each."""

    def __init__(self, students: list[Student]) -> None:
        self.students = students

    def take(self, n: int) -> list[Student]:
        """The next n students."""
        if n > len(self.students):
            raise RuntimeError("the plan needs more open attempts than were seeded")
        taken, self.students = self.students[:n], self.students[n:]
        return taken


def throughput(
    report: Report,
    plan: Plan,
    ports: tuple[int, int],
    seeded: Seeded,
    pool: Pool,
    threads: int,
    app: Flask,
) -> None:
    """Interleaved rounds of hello, take page (paged and all on one page), next question,
    autosave and submit at fixed concurrency."""
    hello_port, app_port = ports
    rng = random.Random(1)
    regulars = pool.take(TAKE_POOL)
    take = [take_call(regulars[i % TAKE_POOL]) for i in range(plan.take)]
    # Warm-up: templates compiled and connections opened in every worker before measuring.
    run_fixed(hello_port, hello_calls(200), concurrency=threads, expect=200)
    run_fixed(app_port, take[:100], concurrency=threads, expect=200)
    warm = [submit_call(s, seeded, rng) for s in pool.take(8)]
    run_fixed(app_port, warm, concurrency=threads, expect=302)
    keys = ("hello", "take", "next", "single", "autosave", "submit")
    results: dict[str, list[Sample]] = {key: [] for key in keys}
    for _ in range(plan.rounds):
        saves = [autosave_call(regulars[i % TAKE_POOL], seeded, rng) for i in range(plan.autosave)]
        moves = [next_call(regulars[i % TAKE_POOL], seeded, rng) for i in range(plan.take)]
        submits = [submit_call(s, seeded, rng) for s in pool.take(plan.submit)]
        results["hello"].append(
            run_fixed(hello_port, hello_calls(plan.hello), concurrency=threads, expect=200)
        )
        results["take"].append(run_fixed(app_port, take, concurrency=threads, expect=200))
        results["next"].append(run_fixed(app_port, moves, concurrency=threads, expect=302))
        set_layout(app, seeded.quiz_id, "single")
        try:
            results["single"].append(run_fixed(app_port, take, concurrency=threads, expect=200))
        finally:
            set_layout(app, seeded.quiz_id, "paged")
        results["autosave"].append(run_fixed(app_port, saves, concurrency=threads, expect=200))
        results["submit"].append(run_fixed(app_port, submits, concurrency=threads, expect=302))
    labels = {
        "hello": "hello GET / (bare Flask, the ceiling)",
        "take": "take GET /attempts/<id> (one question per page)",
        "next": "next question without JS POST /attempts/<id>/save (302)",
        "single": "take GET /attempts/<id> (all on one page)",
        "autosave": "autosave POST /attempts/<id>/answer",
        "submit": "submit POST /attempts/<id>/submit",
    }
    for key, label in labels.items():
        report.line(latency_line(f"{label} [{threads} threads]", results[key]))
    for key, floor in (("submit", 0.25), ("take", 0.4), ("next", 0.4)):
        ratios = [a.rps / h.rps for a, h in zip(results[key], results["hello"], strict=True)]
        ratio = statistics.median(ratios)
        report.line(f"ratio {key}/hello: {ratio:.2f}")
        report.target(f"{key} >= {floor} x hello", ratio >= floor, f"median ratio {ratio:.2f}")


def student_session(
    port: int,
    student: Student,
    seeded: Seeded,
    seed_value: int,
    sample: Sample,
    lock: threading.Lock,
) -> None:
    """One student: open the page, autosave a few answers with think time, submit."""
    rng = random.Random(seed_value)
    time.sleep(rng.uniform(0, 3))  # students arrive over a few seconds, not in one instant
    client = Client(port, student.cookie)
    calls: list[tuple[Call, int, float]] = [(take_call(student)[1], 200, 0.0)]
    for _ in range(rng.randint(3, 5)):
        calls.append((autosave_call(student, seeded, rng)[1], 200, rng.uniform(0.5, 2.0)))
    calls.append((submit_call(student, seeded, rng)[1], 302, rng.uniform(0.5, 2.0)))
    for call, expect, think in calls:
        time.sleep(think)
        status, elapsed, _ = client.send(call)
        with lock:
            sample.add(status, elapsed, status == expect)
    client.close()


def teacher_export(port: int, seeded: Seeded, delay: float, out: dict[str, object]) -> None:
    """The teacher downloads the CSV export while the class is working."""
    time.sleep(delay)
    client = Client(port, seeded.teacher[0])
    status, elapsed, body = client.send(("GET", "/teach/reports/export.csv", None, {}))
    client.close()
    out.update(status=status, seconds=elapsed, rows=body.count(b"\n") - 1, size=len(body))


def classroom(report: Report, plan: Plan, port: int, seeded: Seeded, pool: Pool) -> None:
    """100 students with think time, and a teacher export in the middle of it."""
    samples, exports = [], []
    for round_ in range(plan.sim_rounds):
        sample, lock, export = Sample(), threading.Lock(), {}
        students = pool.take(100)
        targets = [
            partial(student_session, port, s, seeded, 1000 * round_ + i, sample, lock)
            for i, s in enumerate(students)
        ]
        targets.append(partial(teacher_export, port, seeded, 4.0, export))
        start = time.perf_counter()
        run_threads(targets)
        sample.wall = time.perf_counter() - start
        samples.append(sample)
        exports.append(export)
    p99 = statistics.median(percentile(s.latencies, 99) for s in samples)
    errors = sum(s.errors for s in samples)
    report.line(latency_line("100 students with think time, all requests", samples))
    report.target(
        "p99 < 100 ms at 100 students, no errors",
        p99 < 0.1 and errors == 0,
        f"p99 {ms(p99)}, errors {errors}",
    )
    statuses = {e["status"] for e in exports}
    if statuses == {404}:
        report.line("teacher export during load: export endpoint missing")
        return
    seconds = statistics.median(float(e["seconds"]) for e in exports)  # type: ignore[arg-type]
    report.line(
        f"teacher export GET /teach/reports/export.csv during load: {ms(seconds)}"
        f" (median of {len(exports)}; statuses {sorted(statuses)},"
        f" {exports[-1]['rows']} rows, {exports[-1]['size']} bytes)"
    )


def fire(
    port: int,
    cookie_call: tuple[str, Call],
    barrier: threading.Barrier,
    sample: Sample,
    lock: threading.Lock,
) -> None:
    """Wait at the barrier with everyone else, then submit."""
    client = Client(port, cookie_call[0])
    barrier.wait()
    status, elapsed, _ = client.send(cookie_call[1])
    client.close()
    with lock:
        sample.add(status, elapsed, status == 302)


def burst(report: Report, plan: Plan, port: int, seeded: Seeded, pool: Pool, app: Flask) -> None:
    """100 submits released at the same instant by a barrier."""
    samples, recorded = [], []
    rng = random.Random(3)
    for _ in range(plan.bursts):
        students = pool.take(100)
        calls = [submit_call(s, seeded, rng) for s in students]
        barrier, sample, lock = threading.Barrier(len(calls)), Sample(), threading.Lock()
        start = time.perf_counter()
        run_threads([partial(fire, port, c, barrier, sample, lock) for c in calls])
        sample.wall = time.perf_counter() - start
        samples.append(sample)
        recorded.append(submitted_count(app, [s.attempt_id for s in students]))
    p99 = statistics.median(percentile(s.latencies, 99) for s in samples)
    all_ok = all(s.errors == 0 for s in samples) and all(n == 100 for n in recorded)
    report.line(latency_line("burst of 100 simultaneous submits", samples))
    report.line(f"burst submits recorded in the database: {recorded} of 100 per burst")
    report.target(
        "all 100 burst submits succeed, p99 < 1 s", all_ok and p99 < 1.0, f"p99 {ms(p99)}"
    )


def generator(report: Report, plan: Plan) -> None:
    """The question generator on the seed article and on a 10x longer text."""
    long_text = "\n".join(varied_copy(i) for i in range(10))
    seed_ms = median_ms(SEED, plan.gen_seed_runs)
    long_ms = median_ms(long_text, plan.gen_long_runs)
    report.line(
        f"generator seed ({len(SEED):,} chars): {seed_ms:.1f} ms (median of {plan.gen_seed_runs})"
    )
    report.line(
        f"generator 10x ({len(long_text):,} chars): {long_ms:.1f} ms"
        f" (median of {plan.gen_long_runs}; {long_ms / seed_ms:.1f}x the seed)"
    )


def measure(command: list[str], env: dict[str, str], log: Path) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (bytes) and exit code of one subprocess, via peak_rss.py."""
    launcher = [sys.executable, str(ROOT / "benchmarks" / "peak_rss.py"), str(log)]
    out = subprocess.run(
        [*launcher, *command], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def csv_export(report: Report, plan: Plan, app: Flask, url: str, seeded: Seeded, tmp: Path) -> None:
    """`flask scores export --format csv` of 10,000 attempts: time and memory over a bare start."""
    total = top_up_attempts(app, seeded, EXPORT_ATTEMPTS, random.Random(4))
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": SECRET}
    flask = [sys.executable, "-m", "flask", "--app", "quizapp"]
    output, log = tmp / "export.csv", tmp / "export.log"
    base_runs, runs = [], []
    for _ in range(plan.export_runs):
        base_runs.append(measure([*flask, "--help"], env, log))
        result = measure(
            [*flask, "scores", "export", "--format", "csv", "-o", str(output)], env, log
        )
        if result[2] != 0:
            text = log.read_text(errors="replace")
            if "No such command" in text:
                report.target("export 10,000 attempts", None, "`flask scores export` missing")
                return
            raise RuntimeError(f"export failed:\n{text[-2000:]}")
        runs.append(result)
    rows = output.read_bytes().count(b"\n") - 1
    base_s = statistics.median(r[0] for r in base_runs)
    base_rss = statistics.median(r[1] for r in base_runs)
    run_s = statistics.median(r[0] for r in runs)
    run_rss = statistics.median(r[1] for r in runs)
    net_s, growth = run_s - base_s, (run_rss - base_rss) / MIB
    report.line(
        f"csv export of {total:,} attempts ({rows:,} rows): {net_s * 1000:.0f} ms over a bare"
        f" start ({run_s * 1000:.0f} ms wall, start-up {base_s * 1000:.0f} ms;"
        f" median of {plan.export_runs})"
    )
    report.line(
        f"csv export peak RSS: {run_rss / MIB:.1f} MiB vs {base_rss / MIB:.1f} MiB bare"
        f" start: growth {growth:.1f} MiB"
    )
    traced = traced_export_peak(app) / MIB
    report.line(f"csv export Python heap peak (tracemalloc, in-process): {traced:.1f} MiB")
    report.target(
        "export of 10,000 attempts < 1 s, memory growth < 50 MiB",
        net_s < 1.0 and growth < 50,
        f"{net_s * 1000:.0f} ms, {growth:.1f} MiB",
    )


def traced_export_peak(app: Flask) -> int:
    """Peak Python allocation (bytes) of the same export run in-process, under tracemalloc."""
    from quizapp.reports.exports import csv_chunks, score_rows

    with app.app_context():
        tracemalloc.start()
        for _ in csv_chunks(score_rows(viewer=None)):
            pass
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        db.session.remove()
    return peak


def server_env(url: str, memory_limits: bool) -> dict[str, str]:
    """The production environment of the app server."""
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": SECRET}
    if memory_limits:
        env["FLASK_RATELIMIT_STORAGE_URI"] = "memory://"
    return env


def run(args: argparse.Namespace, tmp: Path, report: Report) -> None:
    """Every phase, in order, on one temporary database."""
    plan = QUICK if args.quick else FULL
    generator(report, plan)
    with temporary_database(args.database_url, tmp, args.schema) as url:
        app = bench_app(url, SECRET)
        started = time.perf_counter()
        seeded = seed(app, students=plan.students(), history=HISTORY, rng=random.Random(0))
        report.line(
            f"seeded {len(seeded.students)} students ({HISTORY * 30} submitted attempts in the"
            f" first class, one open attempt each), {len(seeded.choices)} questions per attempt"
            f" in {time.perf_counter() - started:.1f} s"
        )
        pool = Pool(seeded.students)
        env = server_env(url, args.memory_limits)
        servers = (
            ("benchmarks.hello_app:create_app()", "/", tmp / "hello.log"),
            ("quizapp:create_app()", "/healthz", tmp / "app.log"),
        )
        hello_app, quiz_app = servers
        with (
            gunicorn(hello_app[0], env, hello_app[2], workers=args.workers, ready="/") as hello,
            gunicorn(quiz_app[0], env, quiz_app[2], workers=args.workers, ready="/healthz") as main,
        ):
            throughput(report, plan, (hello[0], main[0]), seeded, pool, args.threads, app)
            classroom(report, plan, main[0], seeded, pool)
            burst(report, plan, main[0], seeded, pool, app)
        csv_export(report, plan, app, url, seeded, tmp)
        with app.app_context():
            db.engine.dispose()  # before the schema is dropped


def parse_args() -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="about a minute instead of minutes")
    parser.add_argument(
        "--database-url", help="a local PostgreSQL URL (default: a temporary SQLite file)"
    )
    parser.add_argument("--schema", default="bench", help="PostgreSQL schema created and dropped")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
    parser.add_argument("--threads", type=int, default=8, help="client threads (default 8)")
    parser.add_argument(
        "--memory-limits",
        action="store_true",
        help="FLASK_RATELIMIT_STORAGE_URI=memory:// for the servers (default: the database)",
    )
    return parser.parse_args()


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # run the same clean-up as Ctrl-C


def main() -> int:
    """Run the benchmark, print figures and verdicts, clean up whatever happens."""
    args = parse_args()
    signal.signal(signal.SIGTERM, _terminate)
    # Also when started in the background, where the shell leaves SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    tmp = Path(tempfile.mkdtemp(prefix="quizapp-bench-"))
    report = Report()
    try:
        run(args, tmp, report)
    except KeyboardInterrupt:
        print("interrupted: cleaning up", file=sys.stderr)
        return 130
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    missed = [name for name, met in report.verdicts if met is False]
    report.line(f"targets: {len(report.verdicts) - len(missed)} of {len(report.verdicts)} met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
