"""Run a command and print its wall time, peak RSS and exit code, from a small parent.

Usage: python benchmarks/peak_rss.py LOG COMMAND...  (the command's output goes to LOG)

A child's peak RSS counts the memory of the process that forked it (Linux keeps the larger
figure across exec), so the measuring parent must itself be small, not the benchmark.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time


def main() -> None:
    """Print `seconds peak_rss_bytes exit_code` of the command."""
    log, command = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    with open(log, "wb") as sink:
        code = subprocess.run(command, stdout=sink, stderr=sink, check=False).returncode
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KiB on Linux
    print(f"{elapsed} {peak} {code}")


if __name__ == "__main__":
    main()
