"""Links that look like conditions but are settled whatever their letters are worth.

A link with a constant side (``∇f(x*) = 0``, ``ηλ = 1``) is read as a condition: an equation to solve
or a hypothesis, not a claim. That reading is wrong when the two sides differ by a constant: then the
link does not constrain anything. ``\\frac{k-1}{k} + \\frac1k = 1``, ``α_f + (1 − α_f) = 1``,
``\\cos 0 = 1`` and ``\\lim_{n→∞}(1 − 1/n)^n = e^{-1}`` hold for every value of their letters (an
identity the text claims), and ``α_f + (1 − α_f) = 2`` holds for none (a slip, not a condition). Such a
link is handed to the ordinary link check, which proves or refutes it with its usual message.

Under a condition the prose states ("if", "when", "note that … when"), only the first kind is taken
back: an identity in letters (``e^t/(1+e^t) = 1/(1+e^{-t})``) is a true statement whatever the clause
says, while a constant gap there is left a condition (the sentence may set up a case).

A side that collapsed to a number while its text names something (``p_k(0) = 1`` read as ``p_k·0``)
is a misreading, not arithmetic: such links are left as they were.
"""
from __future__ import annotations

import functools
import re
from fractions import Fraction

import sympy as sp
from sympy.core.function import AppliedUndef

from ..budget import time_budget
from ..errors import BudgetExceeded

#: Seconds to spend simplifying the gap between the two sides before leaving the link a condition.
GAP_SECONDS = 1.5


@functools.cache
def _macro() -> re.Pattern[str]:
    return re.compile(r"\\[A-Za-z]+|\\.")


@functools.cache
def _called() -> re.Pattern[str]:
    """A name written as if called or indexed in brackets: ``p_k(0)``, ``f^{(0)}``, ``g[1]``."""
    return re.compile(r"[^\W\d_](?:_\{[^{}]*\}|_\w)?\s*(?:\^\s*\{?\s*)?[(\[]")


def _collapsed(expr: sp.Expr, text: str) -> bool:
    """A side read as a bare number although its text names something (``p_k(0)``, ``f^{(0)}``)."""
    if not isinstance(expr, sp.Number):
        return False  # α + (1 − α) read as 1 is a cancellation, not a misreading: only calls collapse
    return bool(_called().search(_macro().sub(" ", text)))


@functools.lru_cache(maxsize=256)
def gap(left: sp.Expr, right: sp.Expr) -> sp.Expr | None:
    """``left − right`` when it is free of letters (a constant: 0 for an identity), else None.

    Expanding settles polynomials and sums of fractions; a rational or exponential identity gets
    ``simplify`` within :data:`GAP_SECONDS`; what that cannot settle is left alone (None).
    """
    if left.atoms(AppliedUndef) or right.atoms(AppliedUndef):
        return None  # f(2) = 5: a value of a function, decided elsewhere with its definition
    if not (_scalar(left) and _scalar(right)):
        return None
    try:
        with time_budget(GAP_SECONDS):
            d = left - right
            if d.free_symbols and not _looks_constant(d):
                return None  # differs at two sample points: a real condition, no need to simplify
            d = sp.expand(d)
            if d.free_symbols:
                d = sp.cancel(sp.together(d))
            if d.free_symbols:
                d = sp.simplify(d)
    except (BudgetExceeded, TypeError, ValueError, AttributeError, NotImplementedError, RecursionError):
        return None
    if d.free_symbols or d.atoms(AppliedUndef):
        return None
    return d


def _scalar(expr: sp.Expr) -> bool:
    """Plain scalar algebra (letters, numbers, elementary functions, limits): not a sum or integral, not
    infinity, not the checker's own vectors and norms, which are decided by their own readers."""
    if expr.has(sp.Sum, sp.Product, sp.Integral, sp.Derivative):
        return False
    if expr.xreplace({limit: sp.Dummy() for limit in expr.atoms(sp.Limit)}).has(sp.oo, -sp.oo, sp.zoo):
        return False  # ∞ as a value (Σ η_t = ∞), not as the point of a limit
    return all(isinstance(e, (sp.Symbol, sp.Limit)) or type(e).__module__.startswith("sympy")  # (a limit towards a
               for e in sp.preorder_traversal(expr))                                           # name is SymPy's too)


def _looks_constant(d: sp.Expr) -> bool:
    """Does ``d`` take the same value at two sample points (letters in (0, 1), as rates and weights are)?
    A cheap filter before ``simplify``: most conditions (``ηλ = 1``) fail it at once."""
    letters = sorted(d.free_symbols, key=str)
    values = []
    for seed in (3, 7):
        point = {x: sp.Rational(seed * (i + 2) % 17 + 1, 19) for i, x in enumerate(letters)}
        try:
            values.append(complex(sp.N(d.xreplace(point), 15)))
        except (TypeError, ValueError, ZeroDivisionError):
            return True  # cannot evaluate here: let simplify decide
    return abs(values[0] - values[1]) <= 1e-9 * max(1.0, abs(values[0]))


def settled(left: sp.Expr | None, right: sp.Expr | None, left_text: str, right_text: str, *,
            identities_only: bool = False) -> bool:
    """Should this "condition" be checked as a claim? Yes when its sides differ by a constant (an identity,
    or a link that holds for no value at all), unless a side is a misread collapse; with
    ``identities_only``, only when the gap is exactly 0 and both sides keep letters of their own."""
    if left is None or right is None:
        return False
    if _collapsed(left, left_text) or _collapsed(right, right_text):
        return False
    if identities_only and not (left.free_symbols and right.free_symbols):
        return False
    d = gap(left, right)
    if d is None:
        return False
    if identities_only:
        return d == 0
    return d == 0 or bool(left.free_symbols | right.free_symbols) or not _rounding(d, left, right, left_text, right_text)


def _rounding(d: sp.Expr, left: sp.Expr, right: sp.Expr, left_text: str, right_text: str) -> bool:
    """Could a gap between two letter-free sides be the rounding of a written number? ``log(8103) = 9``
    (8.99999…) is a value written to the unit, not a slip; ``cos 0 = 0`` is off by more than that."""
    from .arithmetic import tolerance
    unit = Fraction(0)
    for expr, text in ((left, left_text), (right, right_text)):
        if isinstance(expr, sp.Number):
            written = text.strip().rstrip(".,;")
            unit = max(unit, tolerance(written) or (Fraction(1, 2) if written.isdigit() else Fraction(0)))
    if not unit:
        return False
    try:
        size = abs(complex(sp.N(d, 15)))
    except (TypeError, ValueError):
        return True  # a gap we cannot size: leave the link as it was
    return size <= unit


def cancelled_gap(left: sp.Expr, right: sp.Expr) -> sp.Expr | None:
    """The nonzero number two sides differ by once their letters cancel (``α + (1 − α) = 2``: 1), else None."""
    if not (left.free_symbols | right.free_symbols):
        return None  # numbers on both sides: the ordinary link check does the arithmetic
    d = gap(left, right)
    if d is None or d == 0 or not d.is_number or d.is_zero is not False:
        return None
    return d
