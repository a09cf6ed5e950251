"""Notebook cells pair ``$`` the way Jupyter's page does: nbconvert passes the math through Markdown untouched and
MathJax's own ``FindTeX`` pairs it (spaces inside or not). Checked against the real nbconvert (mistune) and the real
MathJax 3 ``FindTeX`` from ``tests/js`` under Node, paragraph by paragraph. Slow: it starts Node."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from test_check_document import NOTEBOOK_DOLLARS, notebook
from test_kramdown_dollars_slow import _mathjax

from derive.check.document import read_document

pytestmark = pytest.mark.slow


def test_notebook_dollars_are_the_formulas_mathjax_finds_in_nbconverts_html(tmp_path: Path) -> None:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    cells = [cell for cell, _ in NOTEBOOK_DOLLARS]
    paragraphs = [html.unescape(re.sub(r"<[^>]+>", "", markdown2html_mistune(cell))).strip() for cell in cells]
    found = _mathjax(tuple(paragraphs))
    assert found[0] == ["x(\\tau) = x_k + 1 ", " y = 2", "z"]  # the engines do pair across the spaces
    (tmp_path / ".git").mkdir()
    for cell, want in zip(cells, found):
        path = tmp_path / "n.ipynb"
        path.write_text(notebook([("markdown", cell)]), encoding="utf-8")
        assert [b.text for b in read_document(str(path), path.read_text()).blocks] == want, cell
