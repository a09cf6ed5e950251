#!/usr/bin/env python3
"""Wall time of ``derive show NAME --reg MODE --unroll K`` for every catalog entry and mode.

    python benchmarks/unroll_speed.py            # K = 8
    python benchmarks/unroll_speed.py --k 3 --k 8

Each row runs the real command in a fresh process (imports included) and, as the baseline measured
in the same run, ``derive show NAME --reg MODE`` without unrolling; the ratio says what unrolling
costs on top of the derivation. The catalog is read at run time, so new entries are measured too.
A bench, not a test: it prints numbers and asserts nothing (exit 1 only if a command fails).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time


def timed(args: list[str]) -> tuple[float, int, str]:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "derive.cli", *args], capture_output=True, text=True, check=False)
    return time.perf_counter() - started, proc.returncode, proc.stdout + proc.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, action="append", help="unroll depth (repeatable; default 8)")
    args = parser.parse_args(argv)
    depths = args.k or [8]
    from derive import catalog

    failures = 0
    print(f"{'entry':<14} {'mode':<10} {'show':>7} " + " ".join(f"{'K=' + str(k):>8} {'ratio':>6}" for k in depths)
          + "  undecided")
    worst = 0.0
    for name, mode in catalog.all_variants():
        base, code, out = timed(["show", name, "--reg", mode])
        failures += code != 0
        cells, undecided = [], []
        for k in depths:
            seconds, code, out = timed(["show", name, "--reg", mode, "--unroll", str(k)])
            failures += code != 0
            worst = max(worst, seconds)
            cells.append(f"{seconds:>7.2f}s {seconds / base:>6.1f}")
            if "undecided" in out or "in time" in out:
                undecided.append(f"K={k}")
        print(f"{name:<14} {mode:<10} {base:>6.2f}s " + " ".join(cells) + ("  " + ",".join(undecided) if undecided else ""))
    print(f"slowest: {worst:.2f} s; failures: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
