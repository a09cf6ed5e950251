"""How `derive check` scales with the length of a note: time (and peak memory) per generated input.

Cases (from issue 11): 1,000 and 4,000 one-line displays (the ratio should be about 4, i.e. linear),
10,000 unclosed `$`, one 5 MB line full of dollars, a 100,000-line file. Each case runs in its own
process (`derive check --no-cache -j 1`, with a file budget above the process timeout so that the
budget does not hide the scaling) and is stopped at `--limit` seconds.

Run: python benchmarks/check_scaling.py [--limit SECONDS] [--only NAME …]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Runs the CLI in-process and reports the peak resident memory (KiB on Linux) of that process.
RUNNER = r"""
import json, resource, sys
from derive.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
print(json.dumps({"code": code, "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}), file=sys.stderr)
"""


def displays(n: int) -> str:
    return "# Displays\n\n" + "".join(f"$$x_{{{k}}} = y_{{{k}}} + {k % 7 + 1}$$\n\n" for k in range(n))


def unclosed(n: int) -> str:
    return "# Prices\n\n" + "".join(f"It costs ${k} and more\n" for k in range(n))


def long_line(size: int) -> str:
    piece = "$a_1 = b$ and $ c "
    return "# One line\n\n" + piece * (size // len(piece)) + "\n"


def many_lines(n: int) -> str:
    return "# Lines\n\n" + "".join(f"Line {k}: the step $w_t = w_{{t-1}} - \\eta g_t$.\n" if k % 100 == 0
                                   else f"Line {k} of prose without any formula.\n" for k in range(n))


CASES = {
    "1000 displays": lambda: displays(1000),
    "4000 displays": lambda: displays(4000),
    "10000 unclosed $": lambda: unclosed(10_000),
    "5 MB line": lambda: long_line(5 * 1024 * 1024),
    "100k lines": lambda: many_lines(100_000),
}


def run(text: str, limit: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="derive-scaling-") as tmp:
        path = Path(tmp) / "note.md"
        path.write_text(text, encoding="utf-8")
        cmd = [sys.executable, "-c", RUNNER, "check", "--no-cache", "-j", "1", "--timeout", str(limit * 10),
               "--max-size", "64M", str(path)]
        start = time.perf_counter()
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=limit)
        except subprocess.TimeoutExpired:
            return {"seconds": None, "bytes": len(text.encode())}
        seconds = time.perf_counter() - start
    info = json.loads(proc.stderr.strip().splitlines()[-1]) if proc.stderr.strip() else {}
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr.strip()[-200:]
    return {"seconds": seconds, "bytes": len(text.encode()), "rss_mib": info.get("rss_kib", 0) / 1024,
            "code": info.get("code"), "summary": summary}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=float, default=300.0, help="seconds before a case is stopped (default: 300)")
    parser.add_argument("--only", nargs="*", default=None, metavar="NAME", help="run these cases only")
    args = parser.parse_args()
    floor = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import sympy"], check=True)
    floor = time.perf_counter() - floor
    print(f"{'import sympy (floor)':18} {floor:8.2f} s")
    results = {}
    for name, make in CASES.items():
        if args.only and name not in args.only:
            continue
        result = results[name] = run(make(), args.limit)
        if result["seconds"] is None:
            print(f"{name:18} did not finish in {args.limit:.0f} s ({result['bytes'] / 1e6:.1f} MB)", flush=True)
        else:
            print(f"{name:18} {result['seconds']:8.2f} s  {result['rss_mib']:7.0f} MiB peak  "
                  f"({result['bytes'] / 1e6:.2f} MB)  exit {result['code']}: {result['summary']}", flush=True)
    small, large = results.get("1000 displays"), results.get("4000 displays")
    if small and large and small["seconds"] and large["seconds"]:
        print(f"4000/1000 displays: {large['seconds'] / small['seconds']:.2f}x  (linear would be about 4x)")


if __name__ == "__main__":
    main()
