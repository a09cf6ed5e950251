"""``=`` written in prose between inline formulas (``$a$ = $b$``) is an equality link between them."""
from __future__ import annotations

import pytest

from derive.check.extract import scan
from derive.check.run import check_document

TRUE = r"""# Loss

The square expands as $(a+b)^2$ = $a^2 + 2ab + b^2$ for all reals.

The loss is MSE = $\frac{1}{n}\sum_{i=1}^n e_i^2$ = $\frac{1}{n}\sum_{i=1}^n e_i e_i$ for the residuals.
"""


def _links(text: str, path: str = "notes.md") -> list[tuple[int, str, str, str]]:
    report = check_document(path, text)
    return [(link.line, link.verdict, link.left, link.right) for link in report.links]


def test_prose_equals_between_formulas_is_a_proved_link() -> None:
    assert _links(TRUE) == [
        (3, "proved", "(a+b)^2", "a^2 + 2ab + b^2"),
        (5, "proved", r"\frac{1}{n}\sum_{i=1}^n e_i^2", r"\frac{1}{n}\sum_{i=1}^n e_i e_i"),
    ]


def test_a_planted_slip_between_formulas_is_false_on_its_line() -> None:
    planted = TRUE.replace("$a^2 + 2ab + b^2$", "$a^2 + b^2$")
    report = check_document("notes.md", planted)
    false = [f for f in report.findings if f.code == "math/false"]
    assert [(f.line, f.col) for f in false] == [(3, planted.splitlines()[2].index("a^2") + 1)]
    assert [link.verdict for link in report.links] == ["false", "proved"]


def test_the_joined_block_keeps_every_offset() -> None:
    source = "Here $x + x$ =\n  $2x$ holds.\n"
    (block,) = scan("n.md", source).blocks
    assert block.text == "x + x  =\n   2x"
    assert block.position(block.text.index("2x")) == (2, 4)
    assert source.split("\n")[1][3:5] == "2x"


@pytest.mark.parametrize("source", [
    "The error MSE = $e^2$ stays.\n",  # a word before the = is a name
    "We have $a$ and = $b$.\n",  # words between: not one chain
    "We have $a$\n\n= $b$.\n",  # a blank line ends the paragraph
    "We have $a$ = 3 = $b$.\n",  # text between the equals signs
    "We have $a$ $b$.\n",  # no equals sign
    "Then\n\n$$a$$ = $b$\n",  # a display is not joined to inline math
])
def test_no_link_is_made_without_a_prose_equals_between_two_inline_formulas(source: str) -> None:
    blocks = scan("n.md", source).blocks
    assert all("=" not in b.text for b in blocks)


def test_chains_of_three_and_backslash_parens_join() -> None:
    (block,) = scan("n.md", r"So $a$ = \(b\) = $c$." + "\n").blocks
    assert block.text == "a  =   b   =  c"


def test_latex_inline_formulas_join_too() -> None:
    source = "\\documentclass{article}\\begin{document}\nSo $(a+b)^2$ = $a^2 + b^2$.\n\\end{document}\n"
    report = check_document("n.tex", source)
    assert [(f.line, f.code) for f in report.findings if f.code == "math/false"] == [(2, "math/false")]
