"""derive.limits and the parser's use of it: numbers no budget could interrupt are never built.

Each hostile formula here would, built by SymPy, be one C-level big-integer operation of minutes and
gigabytes (the issue measured 3.5–5.7 GB); the parser must refuse it as a "too large" problem at once.
"""
from __future__ import annotations

import time

import pytest
import sympy as sp

from derive import limits
from derive.check.latex import parse_block
from derive.symbols import symbol

x, y, z = sp.symbols("x y z")

HOSTILE = [  # cheap to build first: with the bounds broken (scripts/mutation_check.py) they fail fast
    r"x^{10^8}",
    r"10^{10^{10}}",
    r"2^{2^{2^{2^{2^{2}}}}}",
    r"((10!)!)!",
    r"(x+1)^{10^8}",
    r"(x^{1000})^{1000}",
    r"x^{1000} x^{1000} x^{1000} x^{1000} x^{1000} x^{1000} x^{1000} x^{1000} x^{1000} x^{1000} x^{1000}",
    r"(10^{9999})^{9999}",
    r"\sqrt[10^{9}]{x}",
    r"\binom{10^{9}}{5}",
    r"\prod_{i=1}^{10^{9}} i",
    r"\|w\|^{10^{9}}",
    "9" * 5000,
    r"2^{-10^{9}}",
]


@pytest.mark.parametrize("formula", HOSTILE)
def test_hostile_numbers_are_refused_as_too_large(formula: str) -> None:
    start = time.monotonic()
    parsed = parse_block(f"a = {formula} = b")
    assert time.monotonic() - start < 5  # refused before building, not computed and then dropped
    [stmt] = parsed.statements
    assert stmt.terms[1].expr is None
    assert any("too large" in p.message for p in parsed.problems), [p.message for p in parsed.problems]


@pytest.mark.parametrize("formula, value", [
    (r"0.999^{1000}", sp.Rational(999, 1000) ** 1000),
    (r"10!", sp.Integer(3628800)),
    (r"x^{10000}", symbol("x") ** 10000),
    (r"2^{-3}", sp.Rational(1, 8)),
    (r"\binom{10}{3}", sp.Integer(120)),
    (r"\prod_{i=1}^{10} i", sp.Product(symbol("i"), (symbol("i"), 1, 10))),
])
def test_what_notes_write_is_kept(formula: str, value: sp.Expr) -> None:
    parsed = parse_block(formula)
    assert not parsed.problems
    assert parsed.statements[0].terms[0].expr == value


def test_expanded_terms_estimates_before_expanding() -> None:
    assert limits.expanded_terms(x + y) == 2
    assert limits.expanded_terms((x + y) ** 2) == 3
    assert limits.expanded_terms((x + y + z) ** 3 * (x + 1)) == 20
    assert limits.expanded_terms((x + y) ** 10 ** 6) > limits.MAX_TERMS
    chain = x
    for _ in range(12):  # c_k = (c_{k-1} + β)^2, twelve rows: 2^12 = 4096 in degree
        chain = (chain + y) ** 2
    assert limits.expanded_terms(chain) > limits.MAX_TERMS
    with pytest.raises(limits.TooLarge):
        limits.expand(chain)
    assert limits.expand((x + y) ** 2) == x ** 2 + 2 * x * y + y ** 2


def test_too_large_walks_the_tree() -> None:
    assert limits.too_large(x ** 2 + sp.factorial(x)) is None
    assert "exponent" in limits.too_large(sp.Pow(x, 10 ** 6) + 1)
    assert "parts" in limits.too_large(sp.Add(*sp.symbols("a0:30000")), max_nodes=20000)
