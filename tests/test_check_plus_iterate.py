r"""``x^+`` (``x^{+}``, ``θ^{-}``): the next iterate of proximal and gradient-method notes, or a positive/negative
part of a name. A lone ``+`` or ``-`` raises nothing, so on a name it is a mark of the name; on an expression
(``(x_k + d_k)^+``: a positive part or a projection) it stays unmodelled."""

from __future__ import annotations

import pytest
import sympy as sp

from derive.check.latex import parse_block
from derive.check.run import check_document
from derive.symbols import symbol as S


@pytest.mark.parametrize("text, left", [
    (r"x^+ = y", S("x^{+}")),
    (r"x^{+} = y", S("x^{+}")),
    (r"x_k^+ = y", S("x_{k}^{+}")),
    (r"\theta^{-} = y", S(r"\theta^{-}")),
])
def test_a_plus_or_minus_mark_on_a_name_is_part_of_the_name(text: str, left: object) -> None:
    block = parse_block(text)
    assert not block.problems
    assert block.statements[0].terms[0].expr == left


@pytest.mark.parametrize("text", [r"a = (x_k + d_k)^+"])
def test_a_plus_mark_on_an_expression_or_a_number_stays_unmodelled(text: str) -> None:
    block = parse_block(text)
    assert block.statements[0].terms[1].expr is None
    assert any("superscript mark on an expression" in p.message for p in block.problems)


def test_a_minus_sign_raised_alone_before_a_number_is_read_as_the_exponent_meant() -> None:
    """``10^-3``: TeX raises only the sign (lint render/sign-exponent says so); the number meant is 10^{-3}."""
    block = parse_block(r"a = 10^-3")
    assert block.statements[0].terms[1].expr == sp.Rational(1, 1000)


NOTE = r"""
# One gradient step

The next iterate is

$$
x^+ = x - t \nabla f(x).
$$

Hence

$$
x^+ - x = -t \nabla f(x).
$$
"""

SLIP = NOTE.replace(r"x^+ - x = -t", r"x^+ - x = t")


def _verdicts(text: str) -> dict[int, str]:
    return {k.line: k.verdict for k in check_document("doc.md", text).links}


def test_a_step_written_with_x_plus_is_proved() -> None:
    assert _verdicts(NOTE) == {7: "not-a-claim", 13: "proved"}


def test_a_planted_sign_slip_with_x_plus_is_found() -> None:
    assert _verdicts(SLIP) == {7: "not-a-claim", 13: "false"}
