r"""``\textbf{X}`` in math is how some notes write a bold matrix name: one letter in a text font is that letter
(bold is typography, as for ``\mathbf{X}``), so the algebra around it is read; text of more than one letter stays
text."""
from __future__ import annotations

import pytest

from derive.check.latex import LatexParseError, parse_expr
from derive.check.run import check_document


def test_one_letter_in_a_text_font_is_the_letter() -> None:
    assert parse_expr(r"({\textbf{X}}^\top \textbf{X})^{-1}") == parse_expr(r"(X^\top X)^{-1}")
    assert parse_expr(r"\textit{w} + 1") == parse_expr("w + 1")
    with pytest.raises(LatexParseError):
        parse_expr(r"\textbf{X} w + \text{if } x")


def test_the_normal_equations_in_text_bold_are_checked() -> None:
    text = (r"Multiplying $\textbf{X}\hat{\theta} + \mathbf{e} = \mathbf{y}$ by ${\textbf{X}}^\top$ gives "
            r"${\textbf{X}}^\top \textbf{X}\hat{\theta} + {\textbf{X}}^\top\mathbf{e} = {\textbf{X}}^\top \mathbf{y}$."
            + "\n")
    links = check_document("doc.md", text).links
    assert all("text inside" not in k.reason for k in links), [(k.verdict, k.reason) for k in links]
