"""The count of a sum written without limits, taken from the sums around it that write theirs.

``\\sum x_i`` is read as a sum over an unwritten index set of ``#`` terms (:meth:`latex.Parser.generic_sum`); an
identity that holds for every count then holds for it. But notes drop the limits once they have written them:
``L(p) = \\prod_{i=1}^{n} p^{x_i}(1-p)^{1-x_i} = p^{\\sum x_i}(1-p)^{n-\\sum x_i}`` counts the same ``n`` data on
both sides, and read with ``#`` the right side has a count the left lacks (and ``n`` a meaning the sum does not
share), so the link could never be decided. Where the statement itself, or failing that the nearest statement
before it in the same section, runs every sum or product over the same index letter from 1 to one name ``n``,
and the statement counts with ``n`` (writes it, or a sum to it), the unwritten count is that ``n``. A statement
that never counts keeps the sum over any index set, which proves and refutes more.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import sympy as sp

from .sums import GENERIC_COUNT

if TYPE_CHECKING:
    from .verify import Item

__all__ = ["count_generic_sums"]

#: How far back a statement may look for the limits its sums dropped.
_REACH = 30


def _generic_indices(expr: sp.Expr) -> set[str]:
    return {s.limits[0][0].name for s in expr.atoms(sp.Sum)
            if s.limits[0][1] == 1 and isinstance(s.limits[0][2], sp.Symbol) and s.limits[0][2].name == GENERIC_COUNT}


def _written_counts(exprs: list[sp.Expr], index: str) -> set[sp.Symbol]:
    """The upper limits of the sums and products over ``index`` from 1 that write one."""
    found: set[sp.Symbol] = set()
    for expr in exprs:
        for big in expr.atoms(sp.Sum, sp.Product):
            var, low, high = big.limits[0]
            if var.name == index and low == 1 and isinstance(high, sp.Symbol) and not high.name.startswith(GENERIC_COUNT):
                found.add(high)
    return found


def count_generic_sums(items: list["Item"]) -> None:
    """Give each sum without limits the count its statement, or the nearest one before it in its section, writes
    (one name for that index letter, else nothing is changed)."""
    for item in items:
        exprs = [t.expr for t in item.stmt.terms if t.expr is not None]
        indices = set().union(*(_generic_indices(e) for e in exprs)) if exprs else set()
        if len(indices) != 1:
            continue
        (index,) = indices
        counts = _written_counts(exprs, index)
        for earlier in reversed(items[max(0, item.index - _REACH):item.index]):
            if counts or earlier.section != item.section:
                break
            counts = _written_counts([t.expr for t in earlier.stmt.terms if t.expr is not None], index)
        if len(counts) != 1:
            continue
        (count,) = counts
        if not any(count in e.free_symbols or _written_counts([e], index) for e in exprs):
            continue  # Σ_i a_i b_i = Σ_i b_i a_i: nothing here counts the data, the sum over any set is as good
        generic = sp.Symbol(GENERIC_COUNT, integer=True, positive=True)
        terms = [t if t.expr is None else dataclasses.replace(t, expr=t.expr.xreplace({generic: count}))
                 for t in item.stmt.terms]
        item.stmt = dataclasses.replace(item.stmt, terms=terms)
