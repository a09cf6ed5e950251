"""Every hostile input of issue 11, run the way a user runs it: exit code, wall time, peak memory.

Each case is one `derive` command in its own process (default options: the file budget of 60 s,
the size limit, as many workers as cores), stopped at `--limit` seconds. A case passes when it
ends in time, under 1 GB, without a traceback, with the exit code it should have. Peak memory is
the largest resident set of the process and its workers, as GNU time (`/usr/bin/time -f %M`) reports it.

Run: python benchmarks/hostile.py [--limit SECONDS] [--only NAME …]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_scaling import displays, long_line, many_lines, unclosed  # noqa: E402

CHAIN = "\\\\\n".join([r"c_{1} = (w_{t-1} + \beta_1)^2"] + [rf"c_{{{k}}} = (c_{{{k - 1}}} + \beta_1)^2" for k in range(2, 13)]
                       + [r"w_t = w_{t-1} - \eta c_{12}"])
SLOW_LINKS = "# Sixty links\n\n" + "".join(
    rf"$$ (a_{{{k}}} + b_{{{k}}} + c_{{{k}}})^{{9}} (a_{{{k}}} - b_{{{k}}}) = (a_{{{k}}} + b_{{{k}}} + c_{{{k}}})^{{9}} a_{{{k}}}"
    rf" - (a_{{{k}}} + b_{{{k}}} + c_{{{k}}})^{{9}} b_{{{k}}} $$" "\n\n" for k in range(60))


@dataclass
class Case:
    name: str
    setup: Callable[[Path], list[str]]  # makes the input in a folder, returns the derive arguments
    codes: tuple[int, ...]  # acceptable exit codes


def _note(text: str) -> Callable[[Path], list[str]]:
    def setup(folder: Path) -> list[str]:
        (folder / "note.md").write_text(text, encoding="utf-8")
        return ["check", "--no-cache", str(folder / "note.md")]
    return setup


def _link(target: str) -> Callable[[Path], list[str]]:
    def setup(folder: Path) -> list[str]:
        (folder / "notes").mkdir()
        (folder / "notes" / "a.md").write_text("$$ (a+b)^2 = a^2 + 2ab + b^2 $$\n")
        (folder / "notes" / "evil.md").symlink_to(target)
        return ["check", "--no-cache", str(folder / "notes")]
    return setup


def _fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "pipe.md")
    return ["check", "--no-cache", str(folder / "pipe.md")]


def _empty(folder: Path) -> list[str]:
    (folder / "empty").mkdir()
    return ["check", "--no-cache", str(folder / "empty"), "--format", "json"]


def _argv(*args: str) -> Callable[[Path], list[str]]:
    return lambda folder: list(args)


#: An R Markdown header whose ``output:`` block is nested and followed by commented lines: the beamer check's
#: regular expression once backtracked on it for 25 s (a real course's notes).
NESTED_HEADER = ("---\ntitle: \"notes\"\noutput:\n    pdf_document:\n" + "".join(f"        key{i}: value {i}\n" for i in range(8))
                 + "".join(f"  # html_document{i}:\n  #   toc: TRUE\n" for i in range(6)) + "---\n\n$$ (a+b)^2 = a^2 + 2ab + b^2 $$\n")

CASES = [
    Case("10^{10^{10}}", _note("$$ a = 10^{10^{10}} = b $$\n"), (0,)),
    Case("power tower", _note("$$ 2^{2^{2^{2^{2^{2}}}}} = c $$\n"), (0,)),
    Case("((10!)!)!", _note("$$ ((10!)!)! = d $$\n"), (0,)),
    Case("x^{10^8}", _note("$$ x^{10^8} (x - 1) = x^{10^8 + 1} - x^{10^8} $$\n"), (0,)),
    Case("12 exploding rows", _note(f"$$\n\\begin{{cases}}\n{CHAIN}\n\\end{{cases}}\n$$\n\n"
                                    r"Hence $$c_{12} = (c_{11} + \beta_1)^2 = c_{11}^2 + 2 c_{11}\beta_1 + \beta_1^2$$" "\n"),
         (0,)),
    Case("60 slow links", _note(SLOW_LINKS), (0,)),
    Case("link to /dev/zero", _link("/dev/zero"), (2,)),
    Case("link to /dev/urandom", _link("/dev/urandom"), (2,)),
    Case("FIFO", _fifo, (2,)),
    Case("folder without notes", _empty, (2,)),
    Case("1000 displays", _note(displays(1000)), (0,)),
    Case("4000 displays", _note(displays(4000)), (0,)),
    Case("10000 unclosed $", _note(unclosed(10_000)), (0,)),
    Case("nested output: header (R Markdown)", _note(NESTED_HEADER), (0,)),
    Case("5 MB line", _note(long_line(5 * 1024 * 1024)), (0,)),
    Case("100k lines", _note(many_lines(100_000)), (0,)),
    Case("--unroll -5", _argv("show", "adam", "--unroll", "-5"), (2,)),
    Case("show adam --unroll 8", _argv("show", "adam", "--reg", "l2", "--unroll", "8"), (0,)),
    Case("theorems", _argv("theorems"), (0,)),
]


def run(case: Case, limit: float) -> str:
    with tempfile.TemporaryDirectory(prefix="derive-hostile-") as tmp:
        args = case.setup(Path(tmp))
        # GNU time reports the peak of the process tree it waited for (the workers included).
        measure = ["/usr/bin/time", "-f", "%M", "-o", f"{tmp}/rss"] if os.path.exists("/usr/bin/time") else []
        start = time.perf_counter()
        try:
            proc = subprocess.run([*measure, sys.executable, "-m", "derive.cli", *args], capture_output=True,
                                  text=True, timeout=limit, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return f"FAIL  {case.name:22} did not end in {limit:.0f} s"
        seconds = time.perf_counter() - start
        try:
            peak_kib = int(Path(f"{tmp}/rss").read_text().split()[-1])
        except (OSError, ValueError, IndexError):
            peak_kib = 0
    traceback = "Traceback" in proc.stderr
    ok = proc.returncode in case.codes and not traceback and peak_kib < 1024 * 1024
    last = (proc.stdout.strip().splitlines() or proc.stderr.strip().splitlines() or [""])[-1][:90]
    return (f"{'ok' if ok else 'FAIL':5} {case.name:22} exit {proc.returncode}  {seconds:6.1f} s  "
            f"{peak_kib / 1024:5.0f} MiB{'  TRACEBACK' if traceback else ''}  {last}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=float, default=180.0, help="seconds before a case is stopped (default: 180)")
    parser.add_argument("--only", nargs="*", default=None, metavar="NAME")
    args = parser.parse_args()
    failed = 0
    for case in CASES:
        if args.only and case.name not in args.only:
            continue
        line = run(case, args.limit)
        failed += line.startswith("FAIL")
        print(line, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
