"""`linear_in`: the shortcut for ∂²/∂x² = 0 that picks the coefficients a false-link message names."""
from __future__ import annotations

import random

import pytest
import sympy as sp

from derive.check.calculus import coefficient, linear_in

x, y, b, e = sp.symbols("x y beta epsilon", positive=True)

CASES = [
    x, 3 * x + y, b * (x + y) / (1 - b), (x + 1) / (y + 2), y ** 2 + x * y,
    x ** 2, x * (x + 1), (x + y) ** 2 - x ** 2, sp.sqrt(x), y / (sp.sqrt(x) + e), x / (sp.sqrt(x) + e),
    b ** x, sp.exp(x), 1 / x, (2 * x + 2) / (x + 1), x * (y + 1) * b, (1 - b) * (x + b * y) / (1 - b ** 3),
]


@pytest.mark.parametrize("expr", CASES, ids=[str(c) for c in CASES])
def test_agrees_with_the_second_derivative_except_for_an_unlooked_for_cancellation(expr: sp.Expr) -> None:
    exact = sp.simplify(sp.diff(expr, x, 2)) == 0
    if (2 * x + 2) / (x + 1) == expr:  # linear only after cancelling, which the tree does not look for
        assert exact and not linear_in(expr, x)
        return
    assert linear_in(expr, x) == exact


def test_random_affine_sums_are_linear_and_their_roots_are_not() -> None:
    rng = random.Random(7)
    for _ in range(30):
        coeffs = [sp.Rational(rng.randint(-9, 9), rng.randint(1, 9)) for _ in range(3)]
        affine = coeffs[0] * x + coeffs[1] * y * b + coeffs[2]
        assert linear_in(affine * (1 - b), x)
        if coeffs[0] != 0:
            assert not linear_in(sp.sqrt(affine ** 2 + 1), x)
            assert not linear_in(y / (affine + e), x)


@pytest.mark.parametrize("expr", [c for c in CASES if linear_in(c, x)], ids=str)
def test_the_coefficient_read_off_the_tree_is_the_derivative(expr: sp.Expr) -> None:
    assert sp.simplify(coefficient(expr, x) - sp.diff(expr, x)) == 0


def test_the_coefficient_keeps_the_written_shape_and_is_not_the_value_at_one() -> None:
    # η(μm + g + λx): the coefficient is ηλ, not η(μm + g + λ) − η(μm + g), and a factor is kept as written
    eta, mu, m, g, lam = sp.symbols("eta mu m g lambda")
    assert coefficient(eta * (mu * m + g + lam * x), x) == eta * lam
    step = 1 - eta * lam * (1 - b) / ((1 - b ** 2) * (sp.sqrt(y) + e))
    assert coefficient(step * x + g, x) == step
    assert coefficient(3 * x * y + y, x) == 3 * y
