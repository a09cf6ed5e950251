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
