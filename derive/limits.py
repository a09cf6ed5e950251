"""Bounds on the size of what SymPy is asked to build or expand, because a time budget cannot stop it.

:mod:`derive.budget` interrupts Python code between bytecodes; one CPython big-integer power
(``10^{10^{10}}``, ``((10!)!)!``, a rational point raised to ``10^8``) or one huge multiplication is a
single C call that no budget can interrupt, and it can take minutes and gigabytes. So the checker
refuses such things *before* building them: the parser turns them into a "too large" problem (the
link becomes undecided), and the symbolic steps that expand (form statements, the catalog matcher,
``symbolic_zero``) first estimate the size of the result.

The bounds are far above anything lecture notes write (``0.999^{1000}`` and ``10!`` are fine) and far
below what takes a noticeable time: every number built stays under :data:`MAX_BITS` bits, every
exponent under :data:`MAX_EXPONENT`, every exact factorial under :data:`MAX_FACTORIAL`.
"""
from __future__ import annotations

import math

import sympy as sp

from .errors import DeriveError

#: Largest |p| or |q| of a rational exponent kept (x^{10000} is fine, x^{10^8} is refused).
MAX_EXPONENT = 10_000
#: Largest number (numerator plus denominator bits) built exactly: about 30,000 decimal digits.
MAX_BITS = 100_000
#: Longest number literal read (digits).
MAX_DIGITS = 1_000
#: Largest n whose n! (or binomial) is evaluated exactly.
MAX_FACTORIAL = 1_000
#: Largest number of integer terms of a product with numeric bounds (its value is computed exactly).
MAX_PRODUCT_SPAN = 1_000
#: Largest number of nodes of one parsed expression.
MAX_NODES = 20_000
#: Largest number of terms an expansion may produce (estimated before expanding).
MAX_TERMS = 5_000


class TooLarge(DeriveError):
    """An expression (or a step on it) would exceed the size bounds; callers report it as undecided."""


def number_bits(value: sp.Basic) -> int:
    """Bits of a rational number (numerator plus denominator); 0 for anything else."""
    if isinstance(value, sp.Rational):
        return int(value.p).bit_length() + int(value.q).bit_length()
    return 0


def _exponent_too_large(exponent: sp.Basic) -> bool:
    if isinstance(exponent, sp.Rational):
        return abs(int(exponent.p)) > MAX_EXPONENT or int(exponent.q) > MAX_EXPONENT
    if isinstance(exponent, sp.Float):
        return not math.isfinite(float(exponent)) or abs(float(exponent)) > MAX_EXPONENT
    return False


def power(base: sp.Basic, exponent: sp.Basic) -> str | None:
    """Why ``base**exponent`` must not be built (None: it may)."""
    if _exponent_too_large(exponent):
        return f"the exponent {_short(exponent)} is too large to handle (more than {MAX_EXPONENT:,})"
    if isinstance(base, sp.Rational) and isinstance(exponent, sp.Rational) and base not in (0, 1, -1):
        if number_bits(base) * abs(exponent) > MAX_BITS:
            return f"the number {_short(base)}^{_short(exponent)} is too large to handle"
    return None


def factorial(n: sp.Basic) -> str | None:
    """Why ``n!`` must not be built."""
    if isinstance(n, sp.Rational) and abs(n) > MAX_FACTORIAL:
        return f"the factorial of {_short(n)} is too large to handle (more than {MAX_FACTORIAL:,}!)"
    return None


def binomial(n: sp.Basic, k: sp.Basic) -> str | None:
    for value in (n, k):
        if isinstance(value, sp.Rational) and abs(value) > MAX_FACTORIAL:
            return f"the binomial coefficient of {_short(value)} is too large to handle"
    return None


def product_span(start: sp.Basic, stop: sp.Basic) -> str | None:
    """Why a product over ``start … stop`` (numbers) must not be evaluated."""
    if isinstance(start, sp.Integer) and isinstance(stop, sp.Integer) and int(stop) - int(start) > MAX_PRODUCT_SPAN:
        return f"a product of {int(stop) - int(start) + 1:,} factors is too large to evaluate"
    return None


def number(digits: str) -> str | None:
    if len(digits) > MAX_DIGITS:
        return f"a number of {len(digits):,} digits is too large to handle"
    return None


def too_large(expr: sp.Basic, *, max_nodes: int = MAX_NODES) -> str | None:
    """Why a built expression is too large to work with (None: it is not).

    Walks the tree once (stops at ``max_nodes``): powers whose exponent SymPy combined past the bound
    (``(x^{1000})^{1000}``), numbers past :data:`MAX_BITS`, exact factorials past :data:`MAX_FACTORIAL`.
    """
    seen = 0
    stack = [expr]
    while stack:
        node = stack.pop()
        seen += 1
        if seen > max_nodes:
            return f"the expression has more than {max_nodes:,} parts: too large to handle"
        if isinstance(node, sp.Rational):
            if number_bits(node) > MAX_BITS:
                return "a number in the expression is too large to handle"
            continue
        if isinstance(node, sp.Pow):
            reason = power(node.base, node.exp)
            if reason:
                return reason
        elif isinstance(node, (sp.factorial, sp.factorial2, sp.RisingFactorial, sp.FallingFactorial)):
            reason = factorial(node.args[0])
            if reason:
                return reason
        stack.extend(node.args)
    return None


def expanded_terms(expr: sp.Basic, cap: int = MAX_TERMS) -> int:
    """An upper estimate of how many terms ``sp.expand(expr)`` gives (at most ``cap + 1``).

    A sum has the terms of its parts, a product their product, ``(a_1 + … + a_k)^n`` the
    multinomial count C(n + k − 1, k − 1); anything else is one term. Cheap: one walk of the tree.
    """
    def count(node: sp.Basic) -> int:
        if isinstance(node, sp.Add):
            return min(sum(count(a) for a in node.args), cap + 1)
        if isinstance(node, sp.Mul):
            total = 1
            for a in node.args:
                total = min(total * count(a), cap + 1)
            return total
        if isinstance(node, sp.Pow) and isinstance(node.exp, sp.Integer) and int(node.exp) > 1:
            k = count(node.base)
            n = int(node.exp)
            if k == 1:
                return 1
            if n > cap or k > cap:
                return cap + 1
            return min(math.comb(n + k - 1, k - 1), cap + 1)
        if isinstance(node, sp.Pow) and isinstance(node.exp, sp.Integer) and int(node.exp) < 0:
            return 1 if count(node.base) <= cap else cap + 1
        return 1

    try:
        return count(expr)
    except RecursionError:
        return cap + 1


def check_expand(expr: sp.Basic, what: str = "the expression") -> None:
    """Raise :class:`TooLarge` if expanding ``expr`` would give more than :data:`MAX_TERMS` terms."""
    reason = too_large(expr)
    if reason:
        raise TooLarge(reason)
    if expanded_terms(expr) > MAX_TERMS:
        raise TooLarge(f"expanding {what} would give more than {MAX_TERMS:,} terms")


def expand(expr: sp.Basic, what: str = "the expression") -> sp.Expr:
    """``sp.expand`` after :func:`check_expand`."""
    check_expand(expr, what)
    return sp.expand(expr)


def _short(value: sp.Basic) -> str:
    if isinstance(value, sp.Rational) and number_bits(value) > 200:
        return f"(a number of about {int(number_bits(value) * 0.30103):,} digits)"
    text = str(value)
    return text if len(text) <= 24 else text[:10] + "…" + text[-6:]
