"""Readings added in stop 34. Fixtures are written here."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from derive.check.extract import scan
from derive.check.markdown import MYSTMD, read_markdown
from derive.check.run import check_document
from fixture_docs import (as_document as _as, error_lines, line_of as _line_of, slipped as _slipped,
                          verdicts_on as _verdicts)

# ---------------------------------------------------------------- Jupyter Book 2 reads $$ as mystmd does

MLE_MD = r"""# Likelihood of coin flips

We write the log-likelihood out for $\log L(p)$.
$$
\begin{align}
\log L(p) &= \sum_{i=1}^{n} \left[X_i \log p + (1-X_i)\log(1-p)\right] \\
&= S \log p + (n - S)\log(1-p)
\end{align}
$$

where $S = \sum_{i=1}^{n} X_i$ counts the successes.

Setting the derivative to zero:
$$
\frac{S}{p} - \frac{n-S}{1-p} = 0
$$

which gives
$$
\hat p = \frac{S}{n}
$$
"""

JB2 = ("myst.yml", "version: 1\nproject:\n  title: Notes\n")
JB1 = ("_config.yml", "title: Notes\nexecute:\n  execute_notebooks: off\n")


def _page(tmp_path: Path, config: tuple[str, str], text: str) -> str:
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / config[0]).write_text(config[1], encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    return str(page)


def _display_lines(path: str, text: str) -> list[tuple[int, str]]:
    return [(b.line, b.delim) for b in scan(path, text).blocks if b.display]


def test_a_jupyter_book_2_page_reads_dollar_blocks_as_mystmd_does(tmp_path: Path) -> None:
    path = _page(tmp_path, JB2, MLE_MD)
    closing = _line_of(MLE_MD, "$$\n\nwhere")
    condition, root = _line_of(MLE_MD, r"\frac{S}{p}"), _line_of(MLE_MD, r"\hat p =")
    # the $$ after the environment meets a blank line: in mystmd it is text, and the next $$ (on the line after
    # text) opens the display of the condition, not a block running from the stray $$ across the paragraphs
    displays = _display_lines(path, MLE_MD)
    assert (condition - 1, "$$") in displays and (root - 1, "$$") in displays, displays
    assert not any(line == closing for line, _ in displays)
    report = check_document(path, MLE_MD)
    verdicts = {(k.line, k.verdict) for k in report.links}
    assert (root, "proved") in verdicts, verdicts
    warned = {(f.line, f.code) for f in report.findings if f.severity == "warning"}
    assert warned == {(closing - 5, "render/display-not-block"), (closing, "render/display-not-block")}, warned
    assert not [f for f in report.findings if f.code == "render/display-blank-line"]


def test_a_jupyter_book_1_page_keeps_myst_parsers_reading(tmp_path: Path) -> None:
    """myst-parser lets a $$ block run across blank lines: the same text reads differently under Jupyter Book 1."""
    path = _page(tmp_path, JB1, MLE_MD)
    closing = _line_of(MLE_MD, "$$\n\nwhere")
    assert (closing, "$$") in _display_lines(path, MLE_MD)


def test_a_display_split_by_a_blank_line_is_read_and_said_to_show_as_text_in_jupyter_book_2(tmp_path: Path) -> None:
    text = "# Sums\n\nThe sums are\n\n$$\n1 + 2 = 3 \\\\\n\n2 + 2 = 5\n$$\n\nEnd.\n"
    path = _page(tmp_path, JB2, text)
    report = check_document(path, text)
    assert [(f.line, f.code, f.severity) for f in report.findings if f.code.startswith("render/")] == [
        (5, "render/display-blank-line", "error")]
    assert {(k.line, k.verdict) for k in report.links} == {(6, "proved"), (8, "false")}


def test_the_mystmd_reading_pairs_no_dollars_across_math(tmp_path: Path) -> None:
    """Two stray $$ with an environment between are two stray $$, never one display around it."""
    text = "Text.\n$$\n\\begin{align}\na &= b\n\\end{align}\n$$\n\nMore text.\n\n$$\nc = 1\n\n$$\n"
    mystmd = read_markdown(text, "myst", MYSTMD)
    spans = [(text[: f.start].count("\n") + 1, f.delim, f.env) for f in mystmd.found]
    assert spans == [(3, "env", "align"), (10, "$$", None)], spans
    plain = read_markdown(text, "myst")
    assert [(text[: f.start].count("\n") + 1, f.delim) for f in plain.found] == [(3, "env"), (6, "$$")]


@pytest.mark.parametrize("text, double", [("Mid $$x = 1$$ line.\n", True), ("Mid $x = 1$ line.\n", False)])
def test_mystmd_makes_a_display_of_double_dollars_inside_a_paragraph(text: str, double: bool) -> None:
    found = read_markdown(text, "myst", MYSTMD).found
    assert [(f.delim, f.display) for f in found] == [("$$" if double else "$", double)]
    assert text[found[0].start:found[0].end] == "x = 1"


# ---------------------------------------------------------------- a log-likelihood written out defines the likelihood

LOG_LIKELIHOOD_MD = r"""
# Maximum likelihood for a coin

For $n$ flips with $X_i \in \{0, 1\}$ the log-likelihood is

$$
\log L(p) = \sum_{i=1}^{n} \left[X_i \log p + (1 - X_i) \log(1 - p)\right].
$$

Its derivative is

$$
\frac{d}{dp} \log L(p) = \sum_{i=1}^{n} \left[\frac{X_i}{p} - \frac{1 - X_i}{1 - p}\right].
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_log_likelihood_written_out_says_what_the_likelihood_is(name: str) -> None:
    text = _as(name, LOG_LIKELIHOOD_MD)
    derivative = _line_of(text, r"\frac{d}{dp}")
    assert [v for v, _ in _verdicts(check_document(name, text), derivative)] == ["proved"]
    slip = _slipped(text, r"\frac{X_i}{p} - \frac{1 - X_i}", r"\frac{X_i}{p} + \frac{1 - X_i}")
    assert (derivative, "math/false") in error_lines(name, slip)
    assert error_lines(name, text) == []


# ---------------------------------------------------------------- a sum's range in a false link's message

OFF_BY_ONE_MD = r"""
# Successes in the trials

Collecting the terms,

$$
\log p \sum_{i=0}^{n} X_i + \log (1-p) \sum_{i=0}^{n} (1-X_i) = S \log p + (n-S) \log (1-p)
$$

where $S = \sum_{i=0}^{n} X_i$ counts the successes.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_false_link_over_a_sum_names_its_count_and_a_whole_number_of_terms(name: str) -> None:
    text = _as(name, OFF_BY_ONE_MD)
    report = check_document(name, text)
    [false] = [f for f in report.findings if f.code == "math/false"]
    assert false.line == _line_of(text, r"\log p \sum")
    assert "n + 1" in false.message, false.message
    witness = false.message.rsplit("; at ", 1)[1]
    assert re.search(r"\bn = [2-7]\b", witness), witness  # a sum runs to a whole number
    fixed = _slipped(text, "(n-S) \\log (1-p)", "(n+1-S) \\log (1-p)")
    assert error_lines(name, fixed) == []


# ---------------------------------------------------------------- numbers put in for the names of a formula

PUT_IN_MD = r"""
# Least squares by hand

The data points are $(1, 3)$, $(2, 5)$ and $(3, 8)$. The means are

$$\bar{x} = \frac{1 + 2 + 3}{3} = 2$$
$$\bar{y} = \frac{3 + 5 + 8}{3} = 5.33$$

For the first point: $x_1 - \bar{x} = 1 - 2 = -1$ and $y_1 - \bar{y} = 3 - 5.33 = -2.33$.

For the second point: $x_2 - \bar{x} = 2 - 2 = 0$ and $y_2 - \bar{y} = 5 - 5.33 = -0.33$.

For the third point: $x_3 - \bar{x} = 3 - 2 = 1$ and $y_3 - \bar{y} = 8 - 5.33 = 2.67$.

The products are $(x_1 - \bar{x})(y_1 - \bar{y}) = (-1)(-2.33) = 2.33$ and
$(x_3 - \bar{x})(y_3 - \bar{y}) = (1)(2.67) = 2.67$, so

$$\sum_{i=1}^{3} (x_i - \bar{x})(y_i - \bar{y}) = 2.33 + 0 + 2.67 = 5 .$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_numbers_put_in_for_names_are_checked_against_their_values(name: str) -> None:
    text = _as(name, PUT_IN_MD)
    report = check_document(name, text)
    first = _line_of(text, r"$x_1 - \bar{x} = 1 - 2")
    [(verdict, reason)] = [v for v in _verdicts(report, first) if "substitution" in v[1]][:1]
    assert verdict == "undecided" and "x_{1} = 1 as put in" in reason, reason  # nothing gives x_1: taken as put in
    products = _line_of(text, r"(x_1 - \bar{x})(y_1 - \bar{y}) = (-1)")
    assert ("proved", ) == tuple(v for v, r in _verdicts(report, products) if "substitution" in r)
    rounded = _line_of(text, r"(x_3 - \bar{x})(y_3 - \bar{y})")
    assert [v for v, _ in _verdicts(report, rounded)][0] == "proved"  # (1)(2.67): each group to its digits
    total = _line_of(text, r"\sum_{i=1}^{3}")
    assert [v for v, _ in _verdicts(report, total)] == ["proved", "proved"]
    assert error_lines(name, text) == []
    wrong_mean = _slipped(text, "(x_1 - \\bar{x})(y_1 - \\bar{y}) = (-1)(-2.33)", "(x_1 - \\bar{x})(y_1 - \\bar{y}) = (-1)(-3.33)")
    assert (products, "math/false") in error_lines(name, wrong_mean)


@pytest.mark.parametrize("formula, numbers, expected", [
    (r"x_1 - \bar{x}", "1 - 2", [("x_1", "1"), (r"\bar{x}", "2")]),
    (r"(x_1 - \bar{x})^2", "(-1)^2", [(r"x_1 - \bar{x}", "-1")]),
    (r"\hat{y}_0 - y_0", "0.659 - 1", [(r"\hat{y}_0", "0.659"), ("y_0", "1")]),
    (r"-\frac{d_0^\top g}{d_0^\top H d_0}", r"-\frac{-80.0}{288.0}", [(r"d_0^\top g", "-80.0"), (r"d_0^\top H d_0", "288.0")]),
    (r"x + x", "1 + 2", None),  # one name, two numbers
    (r"x_1 - \bar{x}", r"1 - \bar{x}", None),  # a name left on the number side
    (r"2x", "2 \\times 3", [("x", "3")]),
    (r"f''(x)", "0", None),  # the whole side: a value or a condition, nothing put in
])
def test_what_is_put_in_is_read_token_by_token(formula: str, numbers: str, expected: list[tuple[str, str]] | None) -> None:
    from derive.check.put_in import puts

    found = puts(formula, numbers)
    assert (None if found is None else [(p.text, p.number) for p in found]) == expected


# ---------------------------------------------------------------- a table cell that starts with its relation

TABLE_TEX = r"""\section{Forward pass}

Parameters: $w = 0.8$, $b = -0.3$, $x = 1.5$.

\begin{tabular}{ccc}
Step & Expression & Value \\
1 & $0.8 \times 1.5 - 0.3$ & $= 0.9$ \\
2 & $\sigma(0.9) = \dfrac{1}{1+e^{-0.9}}$ & $\approx 0.7109$ \\
3 & $0.7109 - 1$
  & $\approx -0.2891$ \\
\end{tabular}
"""

TABLE_MD = r"""# Forward pass

| Step | Expression | Value |
|---|---|---|
| 1 | $0.8 \times 1.5 - 0.3$ | $= 0.9$ |
| 2 | $\frac{1}{1+e^{-0.9}}$ | $\approx 0.7109$ |
| 3 | $0.7109 - 1$ | $\approx -0.2891$ |
"""


@pytest.mark.parametrize("name, text", [("doc.tex", TABLE_TEX), ("doc.md", TABLE_MD)])
def test_a_table_cell_that_starts_with_its_relation_goes_on_from_the_cell_before(name: str, text: str) -> None:
    report = check_document(name, text)
    for value in ("= 0.9", "\\approx 0.7109", "\\approx -0.2891"):  # each link sits where its relation is
        line = _line_of(text, value)
        assert [v for v, _ in _verdicts(report, line)][-1:] == ["proved"], (value, _verdicts(report, line))
    slip = _slipped(text, "\\approx -0.2891", "\\approx -0.2981")
    assert (_line_of(text, "\\approx -0.2891"), "math/false") in error_lines(name, slip)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_number_put_in_against_the_value_in_force_is_named(name: str) -> None:
    """A group put in wrong is false; a single name put in with another number may be a new value: undecided, named."""
    text = _as(name, PUT_IN_MD + "\nFor a fourth point, $(x_1 - \\bar{x}) + u_4 = (-2) + 4$ and $x_4 - \\bar{x} = 5 - 3$.\n")
    report = check_document(name, text)
    line = _line_of(text, "For a fourth point")
    verdicts = _verdicts(report, line)
    assert verdicts[0][0] == "false" and "x_1 - \\bar{x} is put in as -2, but its value here is -1" in verdicts[0][1]
    assert verdicts[1][0] == "undecided" and "\\bar{x} is put in as 3, but its value in force is 2" in verdicts[1][1]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_wrong_value_put_in_for_a_given_name_is_false_arithmetic(name: str) -> None:
    text = _as(name, "# One step\n\nLet $w_0 = 2$, $\\eta = 0.1$ and $g = 3$. Then\n\n"
                     "$$w_1 = w_0 - \\eta g = 1 - 0.1 \\times 3 = 0.7 .$$\n")
    line = _line_of(text, "w_1 = w_0")
    assert (line, "math/false") in error_lines(name, text)
    assert error_lines(name, _slipped(text, "= 1 - 0.1 \\times 3 = 0.7", "= 2 - 0.1 \\times 3 = 1.7")) == []


# ---------------------------------------------------------------- a value worked out through a chain of definitions

FORWARD_MD = r"""
# A forward pass

Parameters: $w = 0.8$, $b = -0.3$, $x = 1.5$, $y = 1$. The pass computes

$$z = wx + b, \quad \hat{y} = \sigma(z), \quad e = \hat{y} - y, \quad L = e^2 ,$$

where $\sigma$ is the logistic sigmoid.

So $z = 0.9$, $\hat{y} \approx 0.7109$ and $L \approx 0.0836$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_value_is_worked_out_through_a_chain_of_definitions(name: str) -> None:
    text = _as(name, FORWARD_MD)
    line = _line_of(text, "So $z = 0.9$")
    verdicts = _verdicts(check_document(name, text), line)
    assert [v for v, _ in verdicts] == ["proved", "proved", "proved"], verdicts
    assert "L by its definition" in verdicts[2][1]
    assert (line, "math/false") in error_lines(name, _slipped(text, "L \\approx 0.0836", "L \\approx 0.0863"))


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_typed_without_its_backslash_is_still_arithmetic(name: str) -> None:
    text = _as(name, "# Entropy\n\nIf each of four outcomes is equally likely, $H = -log_2(1/4) = 2$ bits and "
                     "$ln(1) + exp(0) = 1$.\n")
    line = _line_of(text, "$H =")
    assert [v for v, _ in _verdicts(check_document(name, text), line)] == ["not-a-claim", "proved", "proved"]
    slip = _slipped(text, "= 2$ bits", "= 3$ bits")  # typed as plain text, a value may be rounded freely: doubted
    assert error_lines(name, slip) == []
    [(verdict, reason)] = _verdicts(check_document(name, slip), line)[1:2]
    assert verdict == "undecided" and "log typed as plain text" in reason and "not 3" in reason, reason


MODEL_AT_POINT_MD = r"""
# Prediction

The fitted line is

$$y = 0.33 + 2.5x$$

To find the predicted value when $x = 2.5$, we substitute it:

$$y = 0.33 + 2.5 \times 2.5 = 6.58$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_model_written_again_at_the_point_the_text_gives_is_evaluated_there(name: str) -> None:
    text = _as(name, MODEL_AT_POINT_MD)
    line = _line_of(text, "y = 0.33 + 2.5 \\times")
    verdicts = _verdicts(check_document(name, text), line)
    assert verdicts[0][0] == "proved" and "x = 2.5" in verdicts[0][1], verdicts
    elsewhere = _slipped(text, "2.5 \\times 2.5 = 6.58", "2.5 \\times 3.5 = 9.08")  # another x than the one given
    assert _verdicts(check_document(name, elsewhere), line)[0][0] != "proved"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_run_of_medium_spaces_parts_statements_and_log_base_e_is_natural(name: str) -> None:
    text = _as(name, "# Forward pass\n\n$$v_1 = \\log_e(x_1)\\;\\;\\;\\;v_2 = x_1x_2\\;\\;\\;\\;v_3 = \\sin(x_2)$$\n\n"
                     "$$\\frac{\\partial v_1}{\\partial x_1}=\\frac{1}{x_1}\\;\\;\\;\\;"
                     "\\frac{\\partial v_3}{\\partial x_2}=\\cos(x_2)$$\n")
    report = check_document(name, text)
    assert [v for v, _ in _verdicts(report, _line_of(text, "$$v_1"))] == ["not-a-claim"] * 3
    assert [v for v, _ in _verdicts(report, _line_of(text, "\\frac{\\partial v_1}"))] == ["proved", "proved"]
    assert error_lines(name, text) == []
    slip = _slipped(text, "=\\frac{1}{x_1}", "=\\frac{2}{x_1}")
    assert (_line_of(text, "\\frac{\\partial v_1}"), "math/false") in error_lines(name, slip)
