"""Extraction against the real parsers of each flavour, line by line (as test_myst_structure does for MyST).

Pandoc (Quarto's and R Markdown's reader) and nbformat are the oracles (``tests/oracles.py``). What
the author meant as math but the renderer shows as text (``\\[…\\]`` for Quarto) is read by the
extractor and reported by the lint; the comparison leaves it out.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from derive.check.document import read_document
from derive.check.extract import extract
from oracles import myst_math, notebook_cells, pandoc_math

HAVE_PANDOC = shutil.which(os.environ.get("DERIVE_PANDOC", "pandoc")) is not None
needs_pandoc = pytest.mark.skipif(not HAVE_PANDOC and not os.environ.get("CI"),
                                  reason="pandoc not installed (apt-get install pandoc); required under CI")

DOCS = {
    "dollars": "Let $x = 1$ and\n\n$$\ny = \\frac{1}{2}\n$$\n\nthen $z$.\n",
    "brackets": "Text.\n\n\\[\nx = \\frac{1}{2}\n\\]\n\nand \\(y = 2\\) inline.\n",
    "mid-line display": "Mid $$x = \\frac{1}{12}$$ line.\n",
    "display after text": "The sum is\n$$\nx = 1\n$$\n",
    "environment": "Text.\n\n\\begin{align*}\na &= b\n\\end{align*}\n",
    "code": "Code `$x$` and\n\n```\n$$y$$\n```\n\nthen $z$.\n",
}


#: Lint codes for math the author meant but the renderer shows as text: the extractor reads it (the
#: algebra is checked) and the lint reports it, so it is not in the renderer's math.
NOT_RENDERED = {"render/bracket-not-math", "render/cases-outside-math", "render/env-not-math"}


def _pairs(blocks, path: str = "", source: str = "") -> list[tuple[int, str]]:
    flagged = set()
    if path:
        from derive.check.run import check_document

        flagged = {(f.line, f.col) for f in check_document(path, source).findings if f.code in NOT_RENDERED}
    return [(b.line + (1 if b.text.startswith("\n") else 0), " ".join(b.text.split())) for b in blocks
            if b.opening() not in flagged]


def _oracle_pairs(found) -> list[tuple[int, str]]:
    return [(line + (1 if text.startswith("\n") else 0), " ".join(text.split())) for line, _, text, _ in found]


def test_pandoc_oracle_reads_what_each_reader_takes():
    """The oracle itself: Quarto's reader has no \\[…\\]; R Markdown's has."""
    if not HAVE_PANDOC:
        pytest.skip("pandoc not installed") if not os.environ.get("CI") else pytest.fail("pandoc missing under CI")
    src = DOCS["brackets"]
    assert pandoc_math(src, "quarto") == []
    assert [(line, text.strip(), display) for line, _, text, display in pandoc_math(src, "rmarkdown")] == [
        (3, "x = \\frac{1}{2}", True), (7, "y = 2", False)]
    assert pandoc_math("Let $x$ be.\n", "quarto") == [(1, 6, "x", False)]


def test_myst_oracle_positions():
    assert myst_math("Let $x$ be.\n") == [(1, 6, "x", False)]


@needs_pandoc
@pytest.mark.parametrize("suffix,flavor", [(".qmd", "quarto"), (".Rmd", "rmarkdown")])
@pytest.mark.parametrize("name", sorted(DOCS))
def test_extractor_agrees_with_pandoc(name, suffix, flavor, request):
    src = DOCS[name]
    assert _pairs(extract(f"doc{suffix}", src), f"doc{suffix}", src) == _oracle_pairs(pandoc_math(src, flavor))


def test_extractor_reads_the_markdown_cells_of_a_notebook(tmp_path: Path):
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "\n", "Let $x = 1$.\n"]},
        {"cell_type": "code", "metadata": {}, "source": ["x = '$y$'\n"], "outputs": [], "execution_count": None},
        {"cell_type": "markdown", "metadata": {}, "source": ["$$\n", "z = 2\n", "$$\n"]},
    ]
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    want = [(cell, line, text) for cell, source in notebook_cells(path)
            for line, _, text, _ in myst_math(source)]
    assert [c for c, _ in notebook_cells(path)] == [1, 3]
    doc = read_document(str(path), path.read_text())
    assert [(*doc.locate(b.line + b.text.startswith("\n")), b.text) for b in doc.blocks] == want
