#!/usr/bin/env python3
"""Wall time of ``derive show NAME --reg MODE --unroll K`` for every catalog entry and mode.

    python benchmarks/unroll_speed.py            # K = 8
    python benchmarks/unroll_speed.py --k 3 --k 8

Each row runs the real command in a fresh process (imports included) and, as the baseline measured
in the same run, ``derive show NAME --reg MODE`` without unrolling; the ratio (of CPU times, which a
busy machine does not inflate) says what unrolling costs on top of the derivation. The catalog is read at run time, so new entries are measured too.
A bench, not a test: it prints numbers and asserts nothing (exit 1 only if a command fails).
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str]) -> tuple[float, float, int, str]:
    """(wall seconds, CPU seconds of the child, exit code, output): CPU time is what a loaded machine
    does not inflate, wall time is what the user waits."""
    started, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.run([sys.executable, "-m", "derive.cli", *args], capture_output=True, text=True, check=False)
    return time.perf_counter() - started, _children_cpu() - cpu, proc.returncode, proc.stdout + proc.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, action="append", help="unroll depth (repeatable; default 8)")
    args = parser.parse_args(argv)
    depths = args.k or [8]
    from derive import catalog

    failures = 0
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; times are wall (CPU) seconds")
    width = max(len(name) for name in catalog.names())
    print(f"{'entry':<{width}} {'mode':<10} {'show':>13} " + " ".join(f"{'--unroll ' + str(k):>14} {'ratio':>5}" for k in depths)
          + "  undecided")
    worst = worst_cpu = 0.0
    for name, mode in catalog.all_variants():
        base, base_cpu, code, out = timed(["show", name, "--reg", mode])
        failures += code != 0
        cells, undecided = [], []
        for k in depths:
            seconds, cpu, code, out = timed(["show", name, "--reg", mode, "--unroll", str(k)])
            failures += code != 0
            worst, worst_cpu = max(worst, seconds), max(worst_cpu, cpu)
            cells.append(f"{seconds:>6.2f} ({cpu:>5.2f}) {cpu / base_cpu:>5.1f}")
            if "undecided" in out or "in time" in out:
                undecided.append(f"K={k}")
        print(f"{name:<{width}} {mode:<10} {base:>6.2f} ({base_cpu:>4.2f}) " + " ".join(cells)
              + ("  " + ",".join(undecided) if undecided else ""))
    print(f"slowest: {worst:.2f} s wall, {worst_cpu:.2f} s CPU; ratio = CPU of --unroll / CPU of show; "
          f"failures: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
