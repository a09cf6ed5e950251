"""Readings added in stop 42, from the unseen sets. Fixtures are written here, in my own words and symbols (the
notes themselves are not stored); each has a correct copy and a slip."""
from __future__ import annotations

import json
from pathlib import Path

from derive.check.run import check_file
from fixture_docs import slipped


def _notebook(cells: list[str]) -> str:
    return json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": text.splitlines(keepends=True)}
                                 for text in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


MACRO_CELL = "$$\n\\newcommand{\\pd}{\\partial}\n\\newcommand{\\dd}{\\mathrm{d}}\n$$\n\n# Derivatives by hand\n"
USE_CELL = "Take $q(s) = s^3 + 4s$. Its slope is\n\n$$\n\\frac{\\pd q}{\\pd s} = 3s^2 + 4 .\n$$\n"


def test_a_notebook_cell_of_macros_holds_for_the_cells_after_it(tmp_path: Path) -> None:
    """MathJax keeps a \\newcommand typeset in one cell for every later cell: the notebook's own notation must be
    read, not left "unknown macro"."""
    (tmp_path / ".git").mkdir()
    good = tmp_path / "good.ipynb"
    good.write_text(_notebook([MACRO_CELL, USE_CELL]))
    [link] = [k for k in check_file(str(good)).links if (k.cell, k.line) == (2, 4)]
    assert link.verdict == "proved", link
    bad = tmp_path / "bad.ipynb"
    bad.write_text(_notebook([MACRO_CELL, slipped(USE_CELL, "3s^2 + 4", "3s^2 + 4s")]))
    report = check_file(str(bad))
    assert [(f.cell, f.line, f.code) for f in report.findings if f.severity == "error"] == [(2, 4, "math/false")]
