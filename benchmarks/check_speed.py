"""Wall time of `derive check` on the sample notes against `python -c "import sympy"`, in the same run.

Prints medians over several runs and their ratio; the target is at most 2x the import floor.
Run: python benchmarks/check_speed.py [--runs N]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    notes = sorted(str(p) for p in (ROOT / "tests" / "notes").glob("*.md"))
    floor = wall([sys.executable, "-c", "import sympy"], args.runs)
    check = wall([sys.executable, "-m", "derive.cli", "check", *notes], args.runs)
    print(f"import sympy (floor):          {floor:.3f} s")
    print(f"derive check ({len(notes)} sample notes): {check:.3f} s")
    print(f"ratio:                         {check / floor:.2f}x  (target <= 2.00x)")


if __name__ == "__main__":
    main()
