r"""A transposed written tuple (``[2x_1, 4x_2]^\top``) is the same coordinates as a column: a gradient written so is
compared coordinate by coordinate, proved or refuted, not left undecided as "matrix algebra"."""
from __future__ import annotations

import pytest

from derive.check.run import check_document
from derive.check.verify import _tuple_transposes_only

NOTE = (r"Take $f(\mathbf{x})=x_1^2+2x_2^2$ with $\mathbf{x} = [x_1, x_2]^\top$. "
        r"The gradient is given by $\nabla f(\mathbf{x}) = [2x_1, 4x_2]^\top$." + "\n")


def test_a_transposed_tuple_gradient_is_proved_and_its_slip_found() -> None:
    links = [k for k in check_document("doc.md", NOTE).links if k.left.startswith(r"\nabla")]
    assert [k.verdict for k in links] == ["proved"]
    slipped = NOTE.replace("4x_2]", "2x_2]")
    errors = [(f.line, f.code) for f in check_document("doc.md", slipped).findings if f.severity == "error"]
    assert errors == [(1, "math/false")]


@pytest.mark.parametrize(("text", "only"), [
    (r"\nabla f = [2x_1, 4x_2]^\top", True),
    (r"(a, b)^T", True),
    (r"\begin{bmatrix} a \\ b \end{bmatrix}^\top", True),
    (r"(Xw - y)^T (Xw - y)", False),
    (r"[a, b]^\top x^\top", False),
    (r"f(x, y)^\top", False),
])
def test_which_transposes_are_of_written_tuples(text: str, only: bool) -> None:
    assert _tuple_transposes_only(text) is only
