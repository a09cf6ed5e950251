"""Render lint: constructs that will not render in MyST (MathJax/KaTeX) or in LaTeX."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from derive.check.extract import extract, read_source
from derive.check.lint import lint
from derive.check.renderers import JB1, JB1_AMSMATH, JB2, KRAMDOWN, PDFLATEX, QUARTO, RMARKDOWN, renderer_for

NOTES = Path(__file__).parent / "notes"


def run(path: str, source: str, renderer=None) -> list[tuple[int, int, str, str]]:
    return [(f.line, f.col, f.severity, f.code) for f in lint(path, source, extract(path, source), renderer)]


def codes(path: str, source: str) -> list[str]:
    return [code for *_, code in run(path, source)]


# ---------------------------------------------------------------- the samples


def test_adam_sample_has_exactly_three_render_errors():
    """No project config next to the samples: either Jupyter Book may build them. What both show
    wrong is an error; the top-level multline* (text in Jupyter Book 1's default config, "No such
    environment" in Jupyter Book 2) and the math in the first heading (Jupyter Book 2's page title)
    are warnings naming the books that show them wrong."""
    path = str(NOTES / "adam_l2.ru.md")
    findings = lint(path, read_source(path), extract(path, read_source(path)))
    assert [(f.line, f.col, f.severity, f.code) for f in findings if f.severity == "error"] == [
        (10, 1, "error", "render/cases-outside-math"),
        (23, 3, "error", "render/beamer-macro"),
        (28, 1, "error", "render/bracket-not-math"),
    ]
    assert [(f.line, f.code) for f in findings if f.severity == "info"] == [
        (1, "render/math-in-title"), (21, "render/env-not-math"), (21, "render/env-unsupported")]
    errors = [f for f in findings if f.severity == "error"]
    assert errors[1].text().startswith(f"{path}:23:3: error[render/beamer-macro] \\alert")
    assert all("\n" not in f.message for f in findings)
    [unsupported] = [f for f in findings if f.code == "render/env-unsupported"]
    assert "Jupyter Book 2 (KaTeX) has no multline*" in unsupported.message
    assert "fine in Jupyter Book 1 with amsmath" in unsupported.message


@pytest.mark.parametrize("name", ["adamw.en.md", "momentum_l2.ru.md"])
def test_correct_samples_are_clean_in_jupyter_book_1_with_amsmath(name):
    path = str(NOTES / name)
    assert run(path, read_source(path), JB1_AMSMATH) == []
    assert [f for f in run(path, read_source(path)) if f[2] == "error"] == []


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
    assert run("n.md", doc, JB1_AMSMATH) == [(4, 1, "error", "render/cases-outside-math")]
    # Jupyter Book 1's default config has no amsmath: the matrix and the align are text too
    assert run("n.md", doc, JB1) == [(4, 1, "error", "render/cases-outside-math"),
                                     (5, 1, "error", "render/cases-outside-math"),
                                     (6, 1, "error", "render/env-not-math")]


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


def test_definitions_store_tex_they_do_not_typeset():
    """A macro file (`\\bmat` for `\\left[\\begin{array}`) is not an array outside math mode."""
    macros = (
        "\\newcommand{\\bmat}{\\left[\\begin{array}}\n"
        "\\newcommand{\\emat}{\\end{array}\\right]}\n"
        "\\def\\pmat#1{\\begin{pmatrix}#1\\end{pmatrix}}\n"
        "\\newenvironment{mycases}[1][x]{\\begin{cases}}{\\end{cases}}\n"
    )
    assert run("m.tex", macros) == []
    # the same array written where it is typeset is still an error, after the definitions and in a broken one
    assert run("m.tex", macros + "\\begin{array}{c} 1 \\end{array}\n") == [(5, 1, "error", "render/cases-outside-math")]
    assert run("m.tex", "\\newcommand\\bad\n\\begin{cases} 1 \\end{cases}\n") == [(2, 1, "error", "render/cases-outside-math")]


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
    assert run("n.tex", "\\documentclass{article}\n% \\alert{x}\n\\verb|\\alert| $a$ \\% \\alert{b}\n") == [
        (3, 22, "error", "render/beamer-macro")
    ]


def test_beamer_commands_in_a_fragment_are_for_the_file_that_inputs_it():
    # a header \input by a beamer deck has no class of its own: nothing says \alert will not be defined
    header = "\\newcommand{\\R}{\\mathbb{R}}\n\\setbeamertemplate{navigation symbols}{}\n$\\alert{x} = 1$\n"
    assert [c for c in run("header.tex", header) if c[3] == "render/beamer-macro"] == []
    assert [c[3] for c in run("n.tex", "\\documentclass{article}\n\\begin{document}\n" + header)
            if c[3] == "render/beamer-macro"] == ["render/beamer-macro"] * 2


def test_beamer_environment_in_markdown():
    doc = "Text\n\n\\begin{alertblock}{T}\n$x$\n\\end{alertblock}\n"
    assert run("n.md", doc) == [(3, 1, "error", "render/beamer-macro")]


# ---------------------------------------------------------------- line breaks


def test_linebreak_outside_environment_is_a_warning_where_it_stays_on_one_line():
    """Both Jupyter Books break the line (Sphinx wraps the display in split, KaTeX breaks it); Pandoc's
    MathJax, kramdown's MathJax and pdflatex keep one line."""
    doc = "$$\na = b \\\\\n\tc = d\n$$\n"
    assert run("n.md", doc) == []
    for renderer in (JB1, JB1_AMSMATH, JB2):
        assert run("n.md", doc, renderer) == []
    for renderer in (QUARTO, RMARKDOWN, KRAMDOWN):
        assert run("n.md", doc, renderer) == [(2, 7, "warning", "render/linebreak-no-env")]
    assert run("n.tex", "\\[ a \\\\ b \\]\n") == [(1, 6, "warning", "render/linebreak-no-env")]


def test_linebreak_inside_environment_or_braces_is_fine():
    doc = (
        "$$\n\\begin{aligned} a \\\\ b \\end{aligned}\n$$\n"
        "$$\n\\sum_{\\substack{i \\\\ j}} x\n$$\n"
        "\\begin{multline*}\na \\\\\nb\n\\end{multline*}\n"
    )
    assert run("n.md", doc, JB1_AMSMATH) == []
    assert run("n.md", doc, QUARTO) == []


# ---------------------------------------------------------------- footnotes


def test_unused_footnote_is_a_warning():
    doc = "Text[^used].\n\n[^used]: Fine.\n[^Lost]: Never cited.\n"
    findings = lint("n.md", doc, extract("n.md", doc))
    assert [(f.line, f.col, f.severity, f.code) for f in findings] == [
        (4, 1, "warning", "render/footnote-unused")
    ]
    assert "[^Lost]" in findings[0].message


def test_a_reference_followed_by_a_colon_mid_line_is_a_reference():
    doc = "Packages include[^ledell]: h2o and glmnet.\n\n[^ledell]: A footnote.\n"
    assert codes("n.md", doc) == []
    assert codes("n.md", doc.replace("include[^ledell]:", "include:")) == ["render/footnote-unused"]


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
    # literal $ in Jupyter Book 1, a display in Jupyter Book 2: a note until the config says which
    assert run("n.md", myst) == [(6, 3, "info", "render/display-not-block")]
    assert run("n.md", myst, JB1) == [(6, 3, "warning", "render/display-not-block")]
    assert run("n.md", myst, JB2) == []


def test_findings_are_sorted_by_position():
    doc = "\\(a^2\\) $\\alert{b}$\n\\begin{cases} c \\end{cases}\n"
    assert [(line, col) for line, col, *_ in run("n.md", doc)] == [(1, 1), (1, 10), (2, 1)]


# ---------------------------------------------------------------- per renderer (facts measured with the real engines)


def test_renderer_for_reads_the_project_config():
    assert renderer_for("myst", {"version": 1, "project": {"title": "T"}}) is JB2
    assert renderer_for("myst", {"title": "Book", "execute": {"execute_notebooks": "off"}}) is JB1
    ams = {"parse": {"myst_enable_extensions": ["colon_fence", "amsmath", "dollarmath"]}}
    assert renderer_for("myst", ams) is JB1_AMSMATH
    assert renderer_for("myst", None).key == "myst"  # no config: either book
    assert renderer_for("quarto", None) is QUARTO
    assert renderer_for("quarto", {"from": "markdown+tex_math_single_backslash"}).bracket_math is True
    assert renderer_for("rmarkdown", None) is RMARKDOWN
    assert renderer_for("kramdown", None) is KRAMDOWN
    assert renderer_for("latex", None) is PDFLATEX
    assert renderer_for("latex", {"documentclass": "beamer"}).beamer
    assert renderer_for("gfm", None).measured is False
    with pytest.raises(ValueError, match="unknown flavor"):
        renderer_for("asciidoc", None)


def test_brackets_are_errors_only_where_the_renderer_reads_an_escape():
    doc = "Text.\n\n\\[\nx = 1\n\\]\n\nand \\(y\\) inline.\n"
    for renderer in (JB1, JB1_AMSMATH, JB2, QUARTO, KRAMDOWN):
        found = lint("n.md", doc, extract("n.md", doc), renderer)
        assert [(f.line, f.severity, f.code) for f in found] == [
            (3, "error", "render/bracket-not-math"), (7, "error", "render/bracket-not-math")]
        assert renderer.name in found[0].message
    assert run("n.md", doc, RMARKDOWN) == []  # R Markdown reads with tex_math_single_backslash
    assert run("n.md", doc, renderer_for("gfm", None)) == []  # GitHub: not measured here, no finding


def test_top_level_environments_per_renderer():
    doc = "Text.\n\n\\begin{multline*}\na = b \\\\\n+ c\n\\end{multline*}\n"
    [jb1] = lint("n.md", doc, extract("n.md", doc), JB1)
    assert (jb1.severity, jb1.code) == ("error", "render/env-not-math") and "amsmath" in jb1.message
    assert run("n.md", doc, JB1_AMSMATH) == []
    [jb2] = lint("n.md", doc, extract("n.md", doc), JB2)
    assert (jb2.severity, jb2.code) == ("error", "render/env-unsupported")
    assert jb2.message.startswith("Jupyter Book 2 (KaTeX) has no multline*; use aligned")
    assert run("n.md", doc, QUARTO) == []
    # inside $$ too: KaTeX does not know the environment
    inside = "Text.\n\n$$\n\\begin{multline*}\na = b\n\\end{multline*}\n$$\n"
    assert run("n.md", inside, JB2) == [(4, 1, "error", "render/env-unsupported")]
    assert run("n.md", inside, JB1) == []
    align = "Text.\n\n\\begin{align*}\na &= b\n\\end{align*}\n"
    assert run("n.md", align, JB2) == [] and run("n.md", align, JB1)[0][3] == "render/env-not-math"


def test_display_position_per_renderer():
    swallow = "Start.\n\n$$\nx = 1\n$$ and then\n\nNext.\n"
    assert run("n.md", swallow, JB1) == [(3, 1, "warning", "render/display-not-block")]
    assert run("n.md", swallow, JB2) == [] and run("n.md", swallow, QUARTO) == []
    mid = "Mid $$x = 1$$ line.\n"
    assert run("n.md", mid, JB1) == [(1, 5, "warning", "render/display-not-block")]
    assert run("n.md", mid, KRAMDOWN) == [(1, 5, "info", "render/display-not-block")]
    assert run("n.md", mid, JB2) == []


def test_blank_line_inside_display_per_renderer():
    doc = "Start.\n\n$$\nx = 1\n\ny = 2\n$$\n"
    for renderer in (JB2, QUARTO, RMARKDOWN):
        assert run("n.md", doc, renderer) == [(3, 1, "error", "render/display-blank-line")]
    assert run("n.md", doc, JB1) == [] and run("n.md", doc, KRAMDOWN) == []
    assert run("n.md", doc) == [(3, 1, "info", "render/display-blank-line")]


def test_math_in_the_first_heading_is_a_warning_for_jupyter_book_2_only():
    doc = "# Step $\\eta_t$\n\nText.\n"
    assert run("n.md", doc, JB2) == [(1, 8, "warning", "render/math-in-title")]
    assert run("n.md", doc, JB1) == []
    assert run("n.md", "---\ntitle: Step\n---\n" + doc, JB2) == []
