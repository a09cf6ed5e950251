"""derive.proof.compare: "true" needs the symbolic proof *and* the random points; either alone is not enough.

The engine proves every displayed form with compare, and the checker decides every link with it: if
compare ever trusted random points alone, a form that agrees on the sampled range but differs
elsewhere would be called proved. These pairs agree at every random point and differ elsewhere.
"""
from __future__ import annotations

import pytest
import sympy as sp

from derive import proof
from derive.symbols import symbol

x, y = symbol("x"), symbol("y")

# Equal on (−1.5, 1.5), where random points for an unconstrained symbol are drawn; different beyond.
LOOKALIKES = [
    (x, x + sp.Max(0, x - 100)),
    (x ** 2, x ** 2 + sp.Max(0, y - 50) * x),
    (sp.Abs(x - 10), 10 - x),
]


@pytest.mark.parametrize("lhs, rhs", LOOKALIKES)
def test_agreement_at_random_points_alone_is_not_a_proof(lhs: sp.Expr, rhs: sp.Expr) -> None:
    assert proof.numeric_difference(lhs, rhs).status == "true"  # the sample cannot tell them apart …
    verdict = proof.compare(lhs, rhs)
    assert verdict.status == "undecided"  # … so only the symbolic result keeps this from being "true"
    assert "not proved symbolically" in verdict.reason


def test_a_symbolic_proof_is_needed_and_reported() -> None:
    verdict = proof.compare((x + y) ** 2, x ** 2 + 2 * x * y + y ** 2)
    assert verdict.status == "true" and verdict.reason.startswith("symbolically equal")


def test_a_numeric_witness_refutes() -> None:
    verdict = proof.compare((x + y) ** 2, x ** 2 + y ** 2)
    assert verdict.status == "false" and set(verdict.counterexample) == {x, y} and verdict.residual > 0


def test_too_large_to_prove_is_undecided_at_once() -> None:
    chain = x
    for _ in range(12):
        chain = (chain + y) ** 2
    verdict = proof.compare(chain * (x - 1), chain * x - chain, seconds=60)
    assert verdict.status == "undecided" and "too large" in verdict.reason


def test_sides_real_only_away_from_zero_are_compared_at_wider_points() -> None:
    h = sp.Symbol("h", real=True)
    left = sp.sqrt((h - 3) ** 2 + 1)
    slip = proof.numeric_difference(left, sp.sqrt(h - 2))  # √(h − 2) is real only for h ≥ 2
    assert slip.status == "false" and slip.counterexample[h] >= 2
    assert proof.numeric_difference(sp.sqrt(h - 2) * sp.sqrt(h - 2), h - 2).status == "true"
    # a side real nowhere stays undecided
    assert proof.numeric_difference(sp.sqrt(-(h ** 2) - 1), sp.Integer(1)).status == "undecided"


def test_a_point_that_needs_an_astronomically_large_number_is_skipped_not_a_crash() -> None:
    # e^{e^{20}} has ~2·10^8 digits: mpmath would try to build it and run out of memory
    x = symbol("x")
    assert proof.evaluate(sp.exp(sp.exp(x)), {x: sp.Integer(20)}) is None
    assert proof.evaluate(sp.Integer(3) ** (sp.exp(x)), {x: sp.Integer(20)}) is None
    assert proof.evaluate(sp.exp(x), {x: sp.Integer(20)}) is not None  # an ordinary large value is kept
    verdict = proof.compare(sp.exp(sp.exp(sp.exp(x))), sp.exp(sp.exp(sp.exp(x))) + 1)
    assert verdict.status in {"false", "undecided"}


def test_logarithm_rules_prove_where_the_logarithms_are_defined() -> None:
    # log(ab) = log a + log b, log(a²) = 2 log a: the rules for positive arguments, the only ones a real log takes
    assert proof.compare(sp.log(x * y), sp.log(x) + sp.log(y)).status == "true"
    assert proof.compare(sp.log(sp.exp(-x ** 2 / 2) / sp.sqrt(2 * sp.pi)), -x ** 2 / 2 - sp.log(2 * sp.pi) / 2).status == "true"
    # … and never make a wrong rule true: the random points refute it first
    assert proof.compare(sp.log(x + y), sp.log(x) + sp.log(y)).status == "false"
    assert proof.compare(sp.log(x ** 2), sp.log(x)).status == "false"


def test_infinities_are_compared_as_values() -> None:
    # lim_{x→−∞} f(x) = −∞: no random point evaluates an infinity, so it is compared as the value it is
    assert proof.compare(-sp.oo, -sp.oo).status == "true"
    assert proof.compare(sp.oo, -sp.oo).status == "false"
    assert proof.compare(sp.Integer(3), sp.oo).status == "false"
    assert proof.compare(x, sp.oo).status == "undecided"
