r"""An enumeration label at the start of a formula or a row (``\left( 2 \right) \ (AB)^T = B^T A^T``, a row
``&\left(2\right) \begin{bmatrix}…``) is a label, not a factor 2: read as one it refuted true identities."""
from __future__ import annotations

import pytest

from derive.check.latex_tokens import without_labels
from derive.check.run import check_document


@pytest.mark.parametrize(("text", "kept"), [
    (r"\left( 2 \right) \ \left( A B \right)^{T} = B^{T} A^{T}", False),
    (r"a \\ &\left( 2\right) \begin{bmatrix} 1 \end{bmatrix}", False),
    (r"(3)\quad x = 1", False),
    (r"(2)(3) = 6", True),            # worked arithmetic: a product
    (r"(2) \cdot 3 = 6", True),
    (r"x = (2) \ y", True),           # not at the start of the formula or of a row
])
def test_labels_are_blanked_and_products_kept(text: str, kept: bool) -> None:
    out = without_labels(text)
    assert len(out) == len(text)
    assert (out == text) is kept


def test_a_labelled_transpose_rule_is_proved() -> None:
    text = ("Rules of the transpose:\n\n$$\n\\left( 1 \\right) \\ \\left( A^{T} \\right)^{T} = A \\\\\n"
            "\\left( 2 \\right) \\ \\left( A B \\right)^{T} = B^{T} A^{T}\n$$\n")
    report = check_document("doc.md", text)
    assert not [f for f in report.findings if f.severity == "error"], report.findings
    assert [k.verdict for k in report.links] == ["proved", "proved"], [(k.verdict, k.reason) for k in report.links]
