r"""``^T`` on a vector base is a transpose whatever ``T`` is elsewhere in the note: a gradient (``\nabla f(x)^T p``)
or a bold name (``\boldsymbol{\theta}^T x``) is never raised to a power. The product shape is still required
(one factor after it), and a plain name in a note that counts with ``T`` stays ambiguous."""

from __future__ import annotations

import pytest

from derive.check.latex import parse_block
from derive.symbols import symbol as S


def _right(text: str) -> object:
    block = parse_block(text)  # transpose_t=False: the note uses T as a quantity
    return block.statements[0].terms[1].expr


def test_a_gradient_before_one_factor_is_transposed() -> None:
    assert str(_right(r"a = \nabla f(x)^T (y - x)")) == str(_right(r"a = \nabla f(x)^\top (y - x)"))
    assert _right(r"a = \nabla f(x)^{T} z") is not None


def test_a_bold_name_before_one_factor_is_transposed() -> None:
    assert _right(r"a = \boldsymbol{\theta}^T x") == S(r"\theta") * S("x")
    # θ, a model's parameters, plain too: θ^T x^{(i)} (nobody raises the parameters to a horizon T)
    assert _right(r"a = \theta^T x") == S(r"\theta") * S("x")
    assert _right(r"a = \mathbf{\theta}^{T} \mathbf{x}") == S(r"\theta") * S("x")


@pytest.mark.parametrize("text", [
    r"a = \beta^T x",                  # a plain Greek name: β^T may be a power of β in a note with a horizon T
    r"a = \nabla f(x)^T A p",          # two factors: u^T A v = v^T A u would be proved for every A
    r"a = \boldsymbol{\theta}^T",      # nothing after it
    r"a = \nabla f(x)^T 2",            # a number after it is no vector
])
def test_without_the_shape_or_the_evidence_t_stays_ambiguous(text: str) -> None:
    block = parse_block(text)
    assert block.statements[0].terms[1].expr is None
    assert any("ambiguous '^T'" in p.message for p in block.problems)


def test_a_quadratic_form_in_a_hessian_is_a_transpose() -> None:
    r"""``(y - x)^T \nabla^2 f(x) (y - x)``: the Hessian is the matrix between the two copies (a Taylor expansion)."""
    assert _right(r"a = \frac{1}{2}(y - x)^T \nabla^2 f(x) (y - x)") is not None
    assert _right(r"a = (y - x)^T (y - x)") is None  # no matrix between: a power of numbers is as likely
