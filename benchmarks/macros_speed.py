r"""Cost of macros: reading a large preamble, and expanding the math of a document that uses it.

Prints medians over several runs, with the parser's own time on the same (expanded) blocks as the
baseline measured in the same run, so the numbers read as "expansion costs X % of parsing".
The preamble is synthetic but shaped like real course preambles: ``\newcommand`` with 0–3 arguments
and optional ones, ``\def`` with parameters, ``\DeclareMathOperator``, paired delimiters, nesting.
Run: python benchmarks/macros_speed.py [--runs N] [--macros N] [--blocks N]
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from typing import Callable

from derive.check.latex import parse_block
from derive.check.macros import _leaf_definitions, _read_cached, expand, macros_for, parse_definitions


def preamble(n: int) -> str:
    lines = [r"\newcommand{\R}{\mathbb{R}}", r"\newcommand{\norm}[1]{\left\|#1\right\|}",
             r"\DeclarePairedDelimiter{\abs}{\lvert}{\rvert}", r"\DeclareMathOperator*{\argmin}{arg\,min}"]
    for k in range(n):
        name = "m" + "".join(chr(97 + int(d)) for d in str(k))
        form = k % 6
        if form == 0:
            lines.append(rf"\newcommand{{\{name}}}{{\mathbf{{x}}_{{{k}}}}}")
        elif form == 1:
            lines.append(rf"\newcommand{{\{name}}}[1]{{\mathbf{{#1}}}}")
        elif form == 2:
            lines.append(rf"\newcommand{{\{name}}}[2][t]{{#2_{{#1}}}}")
        elif form == 3:
            lines.append(rf"\def\{name}#1#2{{\frac{{#1}}{{#2}}}}")
        elif form == 4:
            lines.append(rf"\DeclareMathOperator{{\{name}}}{{op{k}}}")
        else:
            lines.append(rf"\newcommand{{\{name}}}[1]{{\norm{{#1}}^2 + \abs{{#1}}}}  % nested")
    return "\n".join(lines) + "\n"


def blocks(n: int) -> list[str]:
    out = []
    for k in range(n):
        a, b = "m" + "".join(chr(97 + int(d)) for d in str(6 * (k % 20) + 1)), \
               "m" + "".join(chr(97 + int(d)) for d in str(6 * (k % 20) + 5))
        out.append(rf"w_t = \{a}{{w}}_{{t-1}} - \eta \{b}{{g_t}} + \frac{{\lambda}}{{2}} \norm{{\{a}{{w}}}}^2")
    return out


def median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--macros", type=int, default=1000)
    parser.add_argument("--blocks", type=int, default=300)
    args = parser.parse_args()
    text = preamble(args.macros)
    maths = blocks(args.blocks)
    table = parse_definitions(text)
    expanded = [expand(m, table).text for m in maths]

    with tempfile.TemporaryDirectory() as root:
        with open(os.path.join(root, "macros.tex"), "w") as handle:
            handle.write(text)
        doc = "\\documentclass{article}\n\\input{macros}\n\\begin{document}\n\\end{document}\n"
        lec = os.path.join(root, "lec.tex")

        def cold() -> object:
            _leaf_definitions.cache_clear()
            _read_cached.cache_clear()
            return macros_for(lec, doc, "latex", root)

        t_file = median(cold, args.runs)
        t_warm = median(lambda: macros_for(lec, doc, "latex", root), args.runs)

    t_defs = median(lambda: parse_definitions(text), args.runs)
    t_expand = median(lambda: [expand(m, table) for m in maths], args.runs)
    t_parse = median(lambda: [parse_block(m) for m in expanded], args.runs)
    untouched = [r"w_t = \mathbf{w}_{t-1} - \eta g_t + \frac{\lambda}{2} \|\mathbf{w}\|^2"] * len(maths)
    t_fast = median(lambda: [expand(m, table) for m in untouched], args.runs)
    t_bomb = median(lambda: expand(r"\a", parse_definitions(r"\def\a{\a\a}")), max(1, args.runs // 2))

    kb = len(text.encode()) / 1024
    print(f"preamble: {len(table)} macros, {text.count(chr(10))} lines, {kb:.0f} KiB")
    print(f"read its definitions (parse_definitions):      {t_defs * 1000:8.1f} ms")
    print(f"macros_for on a .tex that \\input's it:         {t_file * 1000:8.1f} ms")
    print(f"  … again, for the next file of the folder:    {t_warm * 1000:8.1f} ms (the preamble is read once)")
    print(f"expand {len(maths)} blocks that use it:                {t_expand * 1000:8.1f} ms "
          f"({t_expand / len(maths) * 1e6:.0f} us/block)")
    print(f"parse_block of the same blocks (baseline):     {t_parse * 1000:8.1f} ms")
    print(f"ratio expand / parse:                          {t_expand / t_parse:8.2f}x")
    print(f"blocks with no macro of the table (fast path): {t_fast / len(maths) * 1e6:8.1f} us/block")
    print(f"expansion bomb \\def\\a{{\\a\\a}} stopped after:      {t_bomb * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
