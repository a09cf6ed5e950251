"""Roots and powers of substituted sums built without SymPy's futile sign questions, to the same value.

``roots.power`` must give what ``sympy.Pow`` gives (the same tree wherever SymPy cannot tell the sign of a
sum with symbols, which is the case in optimizer notes: ``1 - β^t``), always the same value, and it must not
ask those questions: the probe below counts every assumption query SymPy puts to a sum's term.
"""
from __future__ import annotations

import random

import pytest
import sympy as sp

from derive.check import roots
from derive.lazy_sympy import skip_futile_infinity_question

beta = sp.Symbol("beta", positive=True)
lam = sp.Symbol("lambda", positive=True)
t = sp.Symbol("t", integer=True, positive=True)
v = sp.Symbol("v", nonnegative=True)
w, g = sp.symbols("w g", real=True)
x = sp.Symbol("x")

BASES = [
    (beta * v + (1 - beta) * (lam * w + g) ** 2) / (1 - beta ** t),  # Adam's v̂ written out
    4 * v * (1 - beta),
    4 * v * (1 + lam),
    -4 * v * (1 - beta),
    v * w * (1 - beta) / (1 - beta ** t),
    2 * (1 - beta) * (1 - lam),
    9 * beta ** 2 * (1 - beta ** t),
    -(1 - beta) / (3 * v),
]
EXPONENTS = [sp.Rational(1, 2), sp.Rational(-1, 2), sp.Rational(3, 2), sp.Rational(1, 3), sp.Integer(2), sp.Integer(-1)]


@pytest.mark.parametrize("base", BASES, ids=str)
@pytest.mark.parametrize("exp", EXPONENTS, ids=str)
def test_power_is_sympys_power(base: sp.Expr, exp: sp.Expr) -> None:
    mine, sympys = roots.power(base, exp), sp.Pow(base, exp)
    assert mine == sympys
    rng = random.Random(f"{base}|{exp}")
    for _ in range(5):
        point = {beta: rng.uniform(0.05, 0.95), lam: rng.uniform(0.01, 2), t: rng.randint(1, 9),
                 v: rng.uniform(0.01, 3), w: rng.uniform(-2, 2), g: rng.uniform(-2, 2)}
        a, b = complex(mine.evalf(subs=point)), complex(sympys.evalf(subs=point))
        assert abs(a - b) <= 1e-12 * max(1.0, abs(b))


def test_power_of_a_sum_with_symbols_is_left_as_sympy_leaves_it() -> None:
    for base in (1 - beta ** t, sp.sqrt(v) + beta, w + g):
        for exp in EXPONENTS:
            assert roots.power(base, exp) == sp.Pow(base, exp)
    assert roots.power(1 - beta, sp.Integer(0)) == 1 and roots.power(1 - beta, sp.Integer(1)) == 1 - beta


def test_two_sums_one_provably_positive_stay_under_one_root_with_the_same_value() -> None:
    """The one documented difference of shape: SymPy proves 1 + λ ≥ 0 and splits it off; the value agrees."""
    base = (1 + lam) * (1 - beta ** t)
    mine, sympys = roots.power(base, sp.Rational(1, 2)), sp.Pow(base, sp.Rational(1, 2))
    point = {lam: sp.Rational(3, 7), beta: sp.Rational(2, 5), t: 3}
    assert sp.nsimplify(mine.xreplace(point) ** 2 - sympys.xreplace(point) ** 2) == 0


class _Asked:
    count = 0


class Probe(sp.Function):
    """A real function value whose sign SymPy must ask about: every question is counted."""

    @classmethod
    def eval(cls, arg: sp.Expr) -> None:
        return None

    def _ask(self, fact: str) -> None:
        _Asked.count += 1
        return None

    def _eval_is_extended_real(self) -> None:
        return self._ask("real")

    def _eval_is_finite(self) -> None:
        return self._ask("finite")

    def _eval_is_infinite(self) -> None:
        return self._ask("infinite")

    def _eval_is_extended_positive(self) -> None:
        return self._ask("positive")

    def _eval_is_extended_negative(self) -> None:
        return self._ask("negative")

    def _eval_is_zero(self) -> None:
        return self._ask("zero")


def test_a_root_of_a_substituted_product_asks_nothing_of_its_sums() -> None:
    base = v * (1 - Probe(x))
    _Asked.count = 0
    roots.power(base, sp.Rational(1, 2))
    assert _Asked.count == 0
    fresh = v * (1 - Probe(sp.Symbol("y")))  # SymPy caches answers per expression: ask about a new one
    _Asked.count = 0
    sp.Pow(fresh, sp.Rational(1, 2))
    assert _Asked.count > 0, "the probe cannot see SymPy's questions: this test would pass vacuously"


def test_replace_is_xreplace_where_no_power_is_rebuilt() -> None:
    expr = beta * w + sp.sqrt(v) * g - lam / (1 - beta ** t)
    mapping = {w: g + 1, lam: beta / 2}
    assert roots.replace(expr, mapping) == expr.xreplace(mapping)
    assert roots.replace(expr, {}) is expr
    nested = sp.sqrt(v * x) / (sp.Symbol("eps", positive=True) + sp.sqrt(x))
    into = {x: (beta * v + (1 - beta) * g ** 2) / (1 - beta ** t)}
    assert roots.replace(nested, into) == nested.xreplace(into)


def test_the_infinity_shortcut_returns_what_sympy_returns() -> None:
    """Every case the shortcut takes, and the ones it hands back, against SymPy's own method."""
    from sympy.core.add import Add

    from derive import lazy_sympy

    skip_futile_infinity_question()
    plain = lazy_sympy._plain_add_power
    assert plain is not None and Add._eval_power is not plain
    oo, i = sp.oo, sp.I
    sums = [1 - beta ** t, sp.sqrt(v) + beta, w + g, x + 1, w + i * g, oo + i * x, x + i * oo, 1 + sp.sqrt(2),
            3 + 4 * i, w + g + lam, Probe(x) + 1, sp.Add(oo, x, evaluate=False)]
    for s in sums:
        if not isinstance(s, Add):
            continue
        for e in EXPONENTS + [sp.Integer(0), sp.Integer(1), -sp.Integer(2)]:
            assert Add._eval_power(s, e) == plain(s, e), (s, e)
    first, second = Probe(sp.Symbol("p")) + 1, Probe(sp.Symbol("q")) + 1  # answers are cached per expression
    _Asked.count = 0
    Add._eval_power(first, sp.Integer(-1))
    assert _Asked.count == 0
    _Asked.count = 0
    plain(second, sp.Integer(-1))
    assert _Asked.count > 0, "the probe cannot see SymPy's questions: this test would pass vacuously"
