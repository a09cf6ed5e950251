"""Render lint: constructs that will not render in MyST (MathJax/KaTeX) or in LaTeX."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from derive.check.extract import extract, read_source
from derive.check.lint import lint

NOTES = Path(__file__).parent / "notes"


def run(path: str, source: str) -> list[tuple[int, int, str, str]]:
    return [(f.line, f.col, f.severity, f.code) for f in lint(path, source, extract(path, source))]


def codes(path: str, source: str) -> list[str]:
    return [code for *_, code in run(path, source)]


# ---------------------------------------------------------------- the samples


def test_adam_sample_has_exactly_three_render_errors():
    path = str(NOTES / "adam_l2.ru.md")
    findings = lint(path, read_source(path), extract(path, read_source(path)))
    assert [(f.line, f.col, f.severity, f.code) for f in findings] == [
        (10, 1, "error", "render/cases-outside-math"),
        (23, 3, "error", "render/beamer-macro"),
        (28, 1, "error", "render/bracket-not-math"),
    ]
    assert findings[1].text().startswith(f"{path}:23:3: error[render/beamer-macro] \\alert")
    assert all("\n" not in f.message for f in findings)


@pytest.mark.parametrize("name", ["adamw.en.md", "momentum_l2.ru.md"])
def test_correct_samples_are_clean(name):
    path = str(NOTES / name)
    assert run(path, read_source(path)) == []


def test_extract_and_lint_of_samples_is_fast():
    sources = [(str(p), read_source(p)) for p in sorted(NOTES.glob("*.md"))]
    start = time.perf_counter()
    for path, source in sources:
        lint(path, source, extract(path, source))
    assert time.perf_counter() - start < 0.05


# ---------------------------------------------------------------- cases outside math


def test_markdown_bare_cases_family_is_an_error_but_not_inside_math():
    doc = (
        "$$\n\\begin{cases} a \\end{cases}\n$$\n"
        "\\begin{gathered} b \\end{gathered}\n"
        "\\begin{pmatrix} 1 \\end{pmatrix}\n"  # amsmath extension renders it at top level
        "\\begin{align} c \\end{align}\n"
    )
    assert run("n.md", doc) == [(4, 1, "error", "render/cases-outside-math")]


def test_math_directive_body_is_math():
    doc = "```{math}\n\\begin{cases} a \\end{cases}\n```\n"
    assert run("n.md", doc) == []


def test_latex_cases_needs_math_mode():
    doc = (
        "\\documentclass{article}\n\\begin{document}\n"
        "\\[ \\begin{cases} a \\end{cases} \\]\n"
        "Text \\begin{cases} b \\end{cases}\n"
        "\\begin{bmatrix} 1 \\end{bmatrix}\n"
        "\\end{document}\n"
    )
    assert run("n.tex", doc) == [
        (4, 6, "error", "render/cases-outside-math"),
        (5, 1, "error", "render/cases-outside-math"),
    ]


# ---------------------------------------------------------------- brackets


def test_markdown_brackets_are_errors_at_the_backslash():
    doc = "Inline \\(x^2\\) here.\n\n  \\[\n  y = 1\n  \\]\n"
    findings = lint("n.md", doc, extract("n.md", doc))
    assert [(f.line, f.col, f.code) for f in findings] == [
        (1, 8, "render/bracket-not-math"),
        (3, 3, "render/bracket-not-math"),
    ]
    assert "$…$" in findings[0].message and "$$" in findings[1].message


def test_latex_brackets_are_fine():
    assert run("n.tex", "\\[ y = 1 \\] and \\(x\\)\n") == []


# ---------------------------------------------------------------- beamer


ALERT = "\\begin{document}\nWe get $\\alert{x}$ and \\pause more.\n\\end{document}\n"


def test_beamer_macro_in_article_is_an_error():
    doc = "\\documentclass[11pt]{article}\n" + ALERT
    assert run("n.tex", doc) == [
        (3, 9, "error", "render/beamer-macro"),
        (3, 24, "error", "render/beamer-macro"),
    ]


@pytest.mark.parametrize(
    "preamble",
    [
        "\\documentclass[11pt,aspectratio=169]{beamer}\n",
        "\\documentclass{ctexbeamer}\n",
        "\\documentclass{article}\n\\usepackage{beamerarticle}\n",
        "\\documentclass{article}\n\\newcommand{\\alert}[1]{\\textbf{#1}}\n\\newcommand\\pause{}\n",
    ],
)
def test_beamer_macro_allowed_where_defined(preamble):
    assert run("n.tex", preamble + ALERT) == []


def test_commented_documentclass_does_not_count():
    doc = "% \\documentclass{beamer}\n\\documentclass{article}\n" + ALERT
    assert codes("n.tex", doc) == ["render/beamer-macro"] * 2


def test_beamer_fragment_without_documentclass_is_fine():
    doc = "\\begin{frame}{T}\n$\\alert{x}$\n\\end{frame}\n"
    assert run("n.tex", doc) == []


def test_beamer_not_reported_in_code_or_comments_or_lookalikes():
    doc = (
        "Use `\\alert{x}` only in slides.\n"
        "```latex\n\\pause\n```\n"
        "% \\only<2>{x}\n"
        "$\\alpha + \\altitude + \\onlyone$ and a line break \\\\alert\n"
    )
    assert run("n.myst", doc) == []  # (% starts a comment in MyST only)
    assert run("n.tex", "% \\alert{x}\n\\verb|\\alert| $a$ \\% \\alert{b}\n") == [
        (2, 22, "error", "render/beamer-macro")
    ]


def test_beamer_environment_in_markdown():
    doc = "Text\n\n\\begin{alertblock}{T}\n$x$\n\\end{alertblock}\n"
    assert run("n.md", doc) == [(3, 1, "error", "render/beamer-macro")]


# ---------------------------------------------------------------- line breaks


def test_linebreak_outside_environment_is_a_warning_at_the_backslashes():
    doc = "$$\na = b \\\\\n\tc = d\n$$\n"
    assert run("n.md", doc) == [(2, 7, "warning", "render/linebreak-no-env")]
    assert run("n.tex", "\\[ a \\\\ b \\]\n") == [(1, 6, "warning", "render/linebreak-no-env")]


def test_linebreak_inside_environment_or_braces_is_fine():
    doc = (
        "$$\n\\begin{aligned} a \\\\ b \\end{aligned}\n$$\n"
        "$$\n\\sum_{\\substack{i \\\\ j}} x\n$$\n"
        "\\begin{multline*}\na \\\\\nb\n\\end{multline*}\n"
    )
    assert run("n.md", doc) == []


# ---------------------------------------------------------------- footnotes


def test_unused_footnote_is_a_warning():
    doc = "Text[^used].\n\n[^used]: Fine.\n[^Lost]: Never cited.\n"
    findings = lint("n.md", doc, extract("n.md", doc))
    assert [(f.line, f.col, f.severity, f.code) for f in findings] == [
        (4, 1, "warning", "render/footnote-unused")
    ]
    assert "[^Lost]" in findings[0].message


def test_footnote_reference_in_code_or_math_does_not_count():
    doc = "`x[^a]` and $y[^a]$\n\n[^a]: Note.\n"
    assert codes("n.md", doc) == ["render/footnote-unused"]
    assert codes("n.tex", doc) == []  # a LaTeX file has no Markdown footnotes


# ---------------------------------------------------------------- LaTeX $$


def test_dollar_display_in_latex_is_info():
    assert run("n.tex", "A\n  $$x = 1$$\n") == [(2, 3, "info", "render/dollar-display-latex")]
    # In Markdown the same $$ right after a line of text is not a display block for myst-parser:
    # a note in plain Markdown (other engines accept it), a warning in a page with MyST directives.
    assert run("n.md", "A\n  $$x = 1$$\n") == [(2, 3, "info", "render/display-not-block")]
    myst = "```{note}\nHi\n```\n\nA\n  $$x = 1$$\n"
    assert run("n.md", myst) == [(6, 3, "warning", "render/display-not-block")]


def test_findings_are_sorted_by_position():
    doc = "\\(a^2\\) $\\alert{b}$\n\\begin{cases} c \\end{cases}\n"
    assert [(line, col) for line, col, *_ in run("n.md", doc)] == [(1, 1), (1, 10), (2, 1)]
