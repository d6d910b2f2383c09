"""Load generation against 127.0.0.1: gunicorn servers, timed requests, latency statistics."""

from __future__ import annotations

import contextlib
import http.client
import itertools
import math
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parents[1]

# method, path, form fields (None: no body), extra headers
Call = tuple[str, str, dict[str, object] | None, dict[str, str]]


@dataclass
class Sample:
    """Latencies (seconds) and outcome counts of one measured phase."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    wall: float = 0.0

    @property
    def rps(self) -> float:
        """Completed requests per second of wall time."""
        return len(self.latencies) / self.wall if self.wall else 0.0

    def add(self, status: int, elapsed: float, ok: bool) -> None:
        """Record one request."""
        self.latencies.append(elapsed)
        self.statuses[status] = self.statuses.get(status, 0) + 1
        self.errors += not ok


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(math.ceil(q / 100 * len(ordered)) - 1, 0)]


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Client:
    """One keep-alive HTTP connection (gunicorn's sync workers close it; it reopens itself)."""

    def __init__(self, port: int, cookie: str | None = None) -> None:
        self.port = port
        self.cookie = cookie
        self.conn = http.client.HTTPConnection(HOST, port, timeout=60)

    def send(self, call: Call) -> tuple[int, float, bytes]:
        """Send one request; status 0 when the connection failed."""
        method, path, fields, headers = call
        headers = dict(headers)
        if self.cookie:
            headers["Cookie"] = f"session={self.cookie}"
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            self.conn.close()
            status, data = 0, b""
        return status, time.perf_counter() - start, data

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def run_fixed(
    port: int,
    calls: list[tuple[str | None, Call]],
    *,
    concurrency: int,
    expect: int,
) -> Sample:
    """Send every (cookie, call) with `concurrency` threads as fast as they go."""
    sample, lock, counter = Sample(), threading.Lock(), itertools.count()

    def worker() -> None:
        clients: dict[str | None, Client] = {}
        while (i := next(counter)) < len(calls):
            cookie, call = calls[i]
            # One connection per thread; the cookie is per request.
            client = clients.setdefault(None, Client(port))
            client.cookie = cookie
            status, elapsed, _ = client.send(call)
            with lock:
                sample.add(status, elapsed, status == expect)
        for client in clients.values():
            client.close()

    start = time.perf_counter()
    run_threads([worker] * concurrency)
    sample.wall = time.perf_counter() - start
    return sample


def run_threads(targets: list[Callable[[], None]]) -> None:
    """Run each target in a daemon thread and wait for all (Ctrl-C still interrupts)."""
    threads = [threading.Thread(target=t, daemon=True) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        while thread.is_alive():
            thread.join(0.2)


@contextmanager
def gunicorn(
    app: str, env: dict[str, str], log: Path, *, workers: int, ready: str
) -> Iterator[tuple[int, int]]:
    """Serve `app` with gunicorn on a free local port: yield (port, master pid), then stop it."""
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"{HOST}:{port}",
        "--graceful-timeout", "5",
        "--error-logfile", "-", app,
    ]  # fmt: skip
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches us, and we stop the server ourselves
        )  # fmt: skip
    try:
        wait_ready(port, ready, process, log)
        yield port, process.pid
    finally:
        stop(process)


def wait_ready(port: int, path: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Wait until every worker could answer `path` (or fail with the server's log)."""
    deadline = time.monotonic() + 60
    ok = 0
    while time.monotonic() < deadline and process.poll() is None:
        status, _, _ = Client(port).send(("GET", path, None, {}))
        ok = ok + 1 if status == 200 else 0
        if ok >= 20:  # several in a row: the workers have booted and imported the app
            return
        time.sleep(0.05 if ok else 0.2)
    tail = log.read_text(errors="replace")[-3000:]
    raise RuntimeError(f"gunicorn ({path}) did not become ready:\n{tail}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a gunicorn master and its workers: TERM, then KILL the group we created."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    with contextlib.suppress(ProcessLookupError):  # workers orphaned by a killed master
        os.killpg(process.pid, signal.SIGKILL)
