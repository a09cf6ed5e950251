"""Layout for where formulas are read: widths, line breaks that keep the maths, inline fractions, titles.

The slow test (tests/test_pages_in_browser.py) measures the real widths in Chromium; these tests pin
the pieces: the width model against KaTeX widths recorded in Chromium (tests/layout_katex_widths.json,
16 px body, KaTeX's CSS), and — the point that must never fail — that breaking a display changes its
layout only: every broken display of every page parses to the same expressions as the unbroken one.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import sympy as sp

from derive import render as R
from derive.check.latex import parse_block
from derive.layout import fit_display, inline_fractions, inline_fractions_in, plain_text, split_terms, width_em

HERE = Path(__file__).parent
PX_PER_EM = 16 * 1.21  # KaTeX's maths font at a 16 px body


@pytest.mark.parametrize("tex, px", json.loads((HERE / "layout_katex_widths.json").read_text(encoding="utf-8")))
def test_width_model_against_katex(tex: str, px: float) -> None:
    ratio = width_em(tex) * PX_PER_EM / px
    assert 0.9 <= ratio <= 1.12, f"estimated {width_em(tex) * PX_PER_EM:.0f} px, KaTeX {px:.0f} px"


@pytest.mark.parametrize("tex, inline", [
    (r"\frac{1}{\sqrt{\hat{v}_{t}} + \varepsilon}", r"1/(\sqrt{\hat{v}_{t}} + \varepsilon)"),
    (r"\frac{\lambda}{2} \|w\|", r"\lambda/2 \|w\|"),
    (r"\frac{m_{t}}{(1 - \beta_{1}^{t}) \sqrt{v}}", r"m_{t}/((1 - \beta_{1}^{t}) \sqrt{v})"),
    (r"\frac{a + b}{c}", r"(a + b)/c"),
    (r"\beta^{\frac{1}{2}}", r"\beta^{1/2}"),
    (r"x + y", r"x + y"),
])
def test_inline_fractions(tex: str, inline: str) -> None:
    assert inline_fractions(tex) == inline


def test_inline_fractions_only_in_inline_maths() -> None:
    text = "The factor $\\frac{1}{a+b}$ here.\n\n$$\n\\frac{1}{a+b}\n$$\n\nAnd \\$5 then $\\frac{x}{2}$."
    assert inline_fractions_in(text) == "The factor $1/(a+b)$ here.\n\n$$\n\\frac{1}{a+b}\n$$\n\nAnd \\$5 then $x/2$."


@pytest.mark.parametrize("heading, plain", [
    ("Adam with $l_2$ regularization", "Adam with l₂ regularization"),
    ("Adam и $l_2$-регуляризация", "Adam и l₂-регуляризация"),
    (r"Why $\beta_1^t$ matters", "Why β₁ᵗ matters"),
    ("No maths here", "No maths here"),
])
def test_plain_headings(heading: str, plain: str) -> None:
    assert plain_text(heading) == plain


def test_split_terms_keeps_brackets_and_signs() -> None:
    assert split_terms(r"w_{t-1} - \eta_{t} (a + b) + \frac{c - d}{e}") == [
        "w_{t-1}", r"- \eta_{t} (a + b)", r"+ \frac{c - d}{e}"]
    assert split_terms(r"-a + b") == ["-a", "+ b"]
    assert split_terms(r"\left(1 - x\right) w") == [r"\left(1 - x\right) w"]


def test_a_short_display_is_left_alone() -> None:
    body = "\\begin{aligned}\n  w_{t} &= w_{t-1} - \\eta_{t} m_{t}\n\\end{aligned}"
    assert fit_display(body, 27.5) == body


def test_a_long_single_equation_becomes_aligned_rows() -> None:
    body = "x = " + " + ".join(f"\\beta_{{{i}}} m_{{t-{i}}}" for i in range(1, 25))
    out = fit_display(body, 27.5)
    assert out.startswith("\\begin{aligned}") and out.count("\\\\") >= 2
    assert _display_width(out) <= 27.5


# -- breaking keeps the maths -----------------------------------------------------------------------
def _unbreak(display: str) -> str:
    """Continuation rows joined back into their row, the fixed-size brackets made plain again."""
    m = re.search(r"\\begin\{aligned\}(.*?)\\end\{aligned\}", display, re.S)
    if not m:
        return display
    rows: list[str] = []
    for row in m.group(1).split("\\\\"):
        stripped = row.strip()
        if stripped.startswith(("&\\quad", "&\\qquad")) and rows:
            rows[-1] += " " + stripped.split(" ", 1)[1]
        else:
            rows.append(stripped)
    body = " \\\\ ".join(rows)
    for macro in ("\\biggl", "\\biggr", "\\bigl", "\\bigr"):
        body = body.replace(macro, "")
    return display[:m.start()] + "\\begin{aligned}" + body + "\\end{aligned}" + display[m.end():]


def _chains(display: str) -> list[list[sp.Expr]]:
    pb = parse_block(display)
    assert not pb.problems, pb.problems
    return [[t.expr for t in st.terms] for st in pb.statements]


def _displays(pages: dict[str, bytes]) -> dict[str, list[str]]:
    return {n: re.findall(r"\$\$\n(.*?)\n\$\$", d.decode("utf-8"), re.S) for n, d in pages.items() if n.endswith(".md")}


def test_breaking_changes_the_layout_never_the_maths(monkeypatch: pytest.MonkeyPatch) -> None:
    targets = R.plan([], all_=True)
    broken = _displays(R.render_files(targets, formats=["md"], langs=["en"]))
    monkeypatch.setitem(R.WIDTH_EM, "md", 1000.0)
    whole = _displays(R.render_files(targets, formats=["md"], langs=["en"]))
    changed = 0
    for name, displays in broken.items():
        assert len(displays) == len(whole[name])
        for mine, theirs in zip(displays, whole[name]):
            if mine == theirs:
                continue
            changed += 1
            a, b = _chains(_unbreak(mine)), _chains(theirs)
            assert [len(x) for x in a] == [len(x) for x in b], (name, mine)
            for xs, ys in zip(a, b):
                for x, y in zip(xs, ys):
                    assert x is not None and y is not None and sp.expand(x - y) == 0, (name, x, y)
    assert changed >= 4  # the Adam, paper-AdamW and Nesterov derivations at least


def _display_width(display: str) -> float:
    """An aligned block is as wide as its widest left column plus its widest right column."""
    m = re.search(r"\\begin\{aligned\}(.*?)\\end\{aligned\}", display, re.S)
    if not m:
        return width_em(display)
    rows = [r.partition("&") for r in m.group(1).split("\\\\")]
    return max(width_em(lhs) for lhs, _, _ in rows) + max(width_em(rhs) for _, _, rhs in rows)


def test_every_display_fits_the_column_by_the_model() -> None:
    pages = R.render_files(R.plan([], all_=True), formats=["md"])
    too_wide = [(name, round(_display_width(d), 1), d[:80]) for name, displays in _displays(pages).items()
                for d in displays if _display_width(d) > R.WIDTH_EM["md"]]
    assert not too_wide, too_wide


def test_a_wide_fraction_is_broken_inside_its_numerator_keeping_the_maths() -> None:
    numerator = " + ".join(f"\\beta_{{{i}}} m_{{t-{i}}}" for i in range(1, 12))
    body = ("\\begin{aligned}\n  w_{t} &= w_{t-1} - \\eta_{t} \\frac{" + numerator
            + "}{(1 - \\beta_{1}^{t}) (\\sqrt{\\hat{v}_{t}} + \\varepsilon)}\n\\end{aligned}")
    out = fit_display(body, 27.5)
    assert "\\frac{\\eta_{t}}{(1 - \\beta_{1}^{t}) (\\sqrt{\\hat{v}_{t}} + \\varepsilon)} \\biggl(" in out
    assert _display_width(out) <= 27.5
    (broken,), (whole,) = _chains(_unbreak(out)), _chains(body)
    assert all(sp.expand(x - y) == 0 for x, y in zip(broken, whole))
