"""`derive check` on one lecture and on a whole course: cold start, workers, cache.

Prints, each measured in this run (medians over `--runs` where cheap):

1. one lecture, cold (`--no-cache`, one process) against `python -c "import sympy"` (target ≤ 1.5×), run in
   interleaved pairs: the fastest of each and the median of the pairs' ratios;
2. a course of 200 documents (the test corpus's notes, copied round-robin into 20 weekly folders)
   with 2 workers against 1 (target ≥ 1.7× faster, which needs 2 idle cores);
3. the same course checked a second time with the cache against the first, cold run (target ≥ 10×).

Run: python benchmarks/course_speed.py [--docs N] [--runs N]
"""
from __future__ import annotations

import argparse
import compileall
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LECTURE = ROOT / "tests" / "notes" / "adam_l2.ru.md"


def corpus() -> list[Path]:
    docs = ROOT / "tests" / "docs"
    found = sorted((ROOT / "tests" / "notes").glob("*.md"))
    for folder in (docs / "samekind", docs / "correct", docs):
        found += sorted(p for p in folder.iterdir() if p.suffix in (".md", ".tex") and p.is_file())
    return found


def wall(cmd: list[str], runs: int = 1, cwd: Path = ROOT) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=200, help="documents in the course (default: 200)")
    parser.add_argument("--runs", type=int, default=5, help="runs of the cheap measurements (default: 5)")
    args = parser.parse_args()
    check = [sys.executable, "-m", "derive.cli", "check"]
    # Bytecode as an installed package has it (pip compiles at install; an editable install writes it on
    # the first run unless PYTHONDONTWRITEBYTECODE is set, as on this machine): otherwise every run would
    # also time compiling derive's own sources, which no user pays twice.
    compileall.compile_dir(str(ROOT / "derive"), quiet=1)

    # Interleaved, floor then lecture, so that a change in the machine's load hits both alike; the minimum
    # is the least disturbed run of each, the median of the per-pair ratios the typical one.
    floors, lectures = [], []
    for _ in range(args.runs):
        floors.append(wall([sys.executable, "-c", "import sympy"]))
        lectures.append(wall([*check, "--no-cache", "-j", "1", str(LECTURE)]))
    floor, lecture = min(floors), min(lectures)
    ratio = statistics.median(b / a for a, b in zip(floors, lectures))
    print(f"import sympy (floor):                 {floor:7.2f} s   (fastest of {args.runs})")
    print(f"one lecture cold ({LECTURE.name}):  {lecture:7.2f} s   {lecture / floor:.2f}x the floor, fastest runs; "
          f"median of paired runs {ratio:.2f}x (target <= 1.5x)")

    with tempfile.TemporaryDirectory(prefix="derive-course-") as tmp:
        course = Path(tmp) / "course"
        sources = corpus()
        for k in range(args.docs):
            source = sources[k % len(sources)]
            week = course / f"week{k % 20:02d}"
            week.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, week / f"{k:03d}-{source.name}")
        one = wall([*check, "--no-cache", "-j", "1", str(course)])
        two = wall([*check, "--no-cache", "-j", "2", str(course)])
        print(f"{args.docs} documents, 1 worker:              {one:7.2f} s")
        print(f"{args.docs} documents, 2 workers:             {two:7.2f} s   {one / two:.2f}x faster (target >= 1.7x)")
        cache = Path(tmp) / "cache"
        first = wall([*check, "-j", "2", "--cache-dir", str(cache), str(course)])
        second = wall([*check, "-j", "2", "--cache-dir", str(cache), str(course)])
        print(f"{args.docs} documents, cache: first run       {first:7.2f} s")
        print(f"{args.docs} documents, cache: second run      {second:7.2f} s   {first / second:.1f}x faster (target >= 10x)")


if __name__ == "__main__":
    main()
