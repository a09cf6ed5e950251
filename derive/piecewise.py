"""Functions given by cases, compared interval by interval.

A derivative taken of ``f(x) = x² (x ≥ 0), −x (x < 0)`` is SymPy's ``2x (x ≥ 0), −1 otherwise``; the notes write
``2x (x > 0), −1 (x < 0)``, leaving the kink out. The two agree wherever both are defined, yet their difference is
a case split SymPy does not reduce to 0. On one variable whose cases are comparisons with numbers, the real line
falls into open intervals between those numbers, and on each interval every case split picks one row: the sides
are equal as functions there when the rows picked are equal symbolically. The breakpoints themselves are left
out, as a kink's derivative is (a point where one side is undefined proves nothing either way).

A split whose every row holds at one value (``P(x_i | y) = P(x_i = 1 | y)`` if ``x_i = 1``, ``P(x_i = 0 | y)`` if
``x_i = 0``) is defined at those values only, so no random point evaluates it; a claim about it
(``log P(x_i | y) = x_i log P(x_i = 1 | y) + (1 − x_i) log P(x_i = 0 | y)``) is a claim at each of them, and is
checked at each.
"""
from __future__ import annotations

from collections.abc import Callable

import sympy as sp

__all__ = ["at_each_case", "equal_by_intervals", "on_interval"]

#: More breakpoints than this and a case split is no longer what notes write by hand.
_MOST_BREAKPOINTS = 6


def equal_by_intervals(lhs: sp.Expr, rhs: sp.Expr, zero: object) -> str | None:
    """Why ``lhs = rhs`` holds on every open interval between the breakpoints of their case splits (``zero``
    decides that a difference is identically 0: :func:`derive.proof.symbolic_zero`), or None when it cannot be
    told so (no case split, several variables in the conditions, a condition not against a number)."""
    splits = lhs.atoms(sp.Piecewise) | rhs.atoms(sp.Piecewise)
    if not splits:
        return None
    variables: set[sp.Symbol] = set()
    points: set[sp.Expr] = set()
    for split in splits:
        for _, condition in split.args:
            if condition in (sp.true, sp.false):
                continue
            for compared in (condition.args if isinstance(condition, sp.And) else (condition,)):
                if not isinstance(compared, sp.core.relational.Relational):
                    return None
                free = compared.lhs.free_symbols | compared.rhs.free_symbols
                if len(free) != 1:
                    return None
                x = next(iter(free))
                solved = sp.solve(sp.Eq(compared.lhs, compared.rhs), x)
                if not solved or not all(p.is_number and p.is_real for p in solved):
                    return None
                variables.add(x)
                points.update(solved)
    if len(variables) != 1 or len(points) > _MOST_BREAKPOINTS:
        return None
    x = variables.pop()
    ordered = sorted(points, key=lambda p: float(p))
    samples = [ordered[0] - 1, *((a + b) / 2 for a, b in zip(ordered, ordered[1:])), ordered[-1] + 1]
    for p in samples:
        picked = [_row_at(side, x, p) for side in (lhs, rhs)]
        if any(side is None for side in picked) or zero(picked[0] - picked[1]) is not True:
            return None
    shown = ", ".join(str(p) for p in ordered)
    return f"equal case by case on each interval between {x} = {shown}"


def on_interval(expr: sp.Expr, x: sp.Symbol, interval: sp.Interval) -> sp.Expr | None:
    """``expr`` with each case split in ``x`` replaced by the row in force all over ``interval`` (``q'(s) = 6s`` "for
    s > 1" where q′ is ``6s`` for s ≥ 1 and 4 below): None when a breakpoint lies inside the interval, so that no
    one row holds there, or a split reads another variable."""
    if not isinstance(interval, sp.Interval) or interval.measure == 0:
        return None
    for split in expr.atoms(sp.Piecewise):
        for _, condition in split.args:
            if condition in (sp.true, sp.false):
                continue
            if condition.free_symbols != {x}:
                return None
            for compared in (condition.args if isinstance(condition, sp.And) else (condition,)):
                if not isinstance(compared, sp.core.relational.Relational):
                    return None
                cuts = sp.solve(sp.Eq(compared.lhs, compared.rhs), x)
                if any(not c.is_real or interval.contains(c) == sp.true and c not in interval.boundary for c in cuts):
                    return None
    low, high = interval.inf, interval.sup
    inside = (low + high) / 2 if low.is_finite and high.is_finite else (low + 1 if low.is_finite else high - 1 if high.is_finite else sp.Integer(0))
    return _row_at(expr, x, inside)


def _row_at(expr: sp.Expr, x: sp.Symbol, p: sp.Expr) -> sp.Expr | None:
    """``expr`` with each case split replaced by its row in force at ``x = p``, or None when no row is."""
    def row(split: sp.Piecewise) -> sp.Expr:
        for value, condition in split.args:
            held = condition.subs(x, p) if condition not in (sp.true, sp.false) else condition
            if held == sp.true:
                return value
            if held != sp.false:
                raise ValueError("a condition undecided at the point")
        raise ValueError("no row in force")

    try:
        return expr.replace(lambda e: isinstance(e, sp.Piecewise), row)
    except (ValueError, TypeError):
        return None


def at_each_case(lhs: sp.Expr, rhs: sp.Expr, decide: Callable[[sp.Expr, sp.Expr], bool | None]
                 ) -> tuple[bool, str, dict[sp.Symbol, sp.Expr]] | None:
    """``lhs = rhs`` where every row of every case split holds at one value of one variable: (True, why) when the
    sides agree at each of those values, (False, where, the value) at the first one where they differ (``decide`` compares
    two sides: True, False, or None when it cannot tell), None when the splits are not of that kind (an
    "otherwise" row, a range, several variables)."""
    splits = lhs.atoms(sp.Piecewise) | rhs.atoms(sp.Piecewise)
    if not splits:
        return None
    variables: set[sp.Symbol] = set()
    values: list[sp.Expr] = []
    for split in splits:
        for _, condition in split.args:
            if not isinstance(condition, sp.Eq):
                return None
            free = condition.lhs.free_symbols | condition.rhs.free_symbols
            if len(free) != 1:
                return None
            x = next(iter(free))
            solved = sp.solve(condition, x)
            if len(solved) != 1 or not solved[0].is_number:
                return None
            variables.add(x)
            values.append(solved[0])
    if len(variables) != 1:
        return None
    x = variables.pop()
    points = sorted(set(values), key=lambda v: float(v))
    for p in points:
        a, b = lhs.subs(x, p), rhs.subs(x, p)
        if any(side.has(sp.Piecewise, sp.nan, sp.zoo) for side in (a, b)):
            return None
        held = decide(a, b)
        if held is False:
            return False, f"{x} = {p}", {x: p}
        if held is not True:
            return None
    return True, f"at each value its cases take ({x} = {', '.join(str(p) for p in points)})", {}
