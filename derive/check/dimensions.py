r"""A norm against its coordinates: ``\|w\|_2^2 = \sum_{i=1}^d w_i^2`` for a vector of ``d`` coordinates.

Elsewhere the checker reads vectors per coordinate (``‖w‖² → w²``), which cannot meet a sum over the
coordinates whose length ``d`` is a letter: ``d`` stands on one side only and the link stayed undecided,
so ``\|w\|_2 = \sum_i w_i^2`` (a square root lost) passed. Here the Euclidean norm of ``w`` is written as
the sum the other side uses — ``‖w‖ = √(Σ_{i=lo}^{d} w_i²)``, same index range — when that side sums
over the coordinates ``w_i`` of the same name. The two sides are then proved equal symbolically, or
compared with the sum written out for ``d = 1, 2, 3, 4`` (coordinates as plain numbers): a difference
there is a counterexample, and agreement at those sizes alone is not a proof (the link stays undecided
and says so). ``\|w\|_1`` is read as ``Σ |w_i|`` the same way; ``\|w\|_\infty`` and other orders are not read.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..proof import Verdict, compare, symbolic_zero
from .latex import Norm

#: The sizes a sum over coordinates is written out at.
SIZES = (1, 2, 3, 4)


@dataclass(frozen=True)
class Reading:
    """The two sides with each norm written as its coordinate sum, and the letter counting coordinates."""

    left: sp.Expr
    right: sp.Expr
    size: sp.Symbol


def as_coordinate_sums(left: sp.Expr, right: sp.Expr) -> Reading | None:
    """Both sides with ``‖w‖`` as ``√(Σ w_i²)`` over the range a sum on either side takes ``w_i`` over.

    None unless a side sums over ``w_i`` up to a letter and a side holds the Euclidean norm of ``w``.
    """
    ranges: dict[str, tuple[sp.Symbol, sp.Expr, sp.Symbol, sp.IndexedBase]] = {}
    for total in (left.atoms(sp.Sum) | right.atoms(sp.Sum)):
        if len(total.limits) != 1:
            continue
        index, lo, hi = total.limits[0]
        if not isinstance(hi, sp.Symbol):
            continue
        for indexed in total.function.atoms(sp.Indexed):
            if indexed.indices == (index,):
                ranges.setdefault(str(indexed.base.label), (index, lo, hi, indexed.base))
    norms = {n: n.args[0] for n in (left.atoms(Norm) | right.atoms(Norm))
             if (len(n.args) == 1 or (len(n.args) == 2 and n.args[1] == 1))
             and isinstance(n.args[0], sp.Symbol) and n.args[0].name in ranges}
    if not norms:
        return None
    mapping = {}
    sizes = set()
    for norm, vector in norms.items():
        index, lo, hi, base = ranges[vector.name]
        if len(norm.args) == 2:  # ‖w‖_1: the sum of the absolute values of the coordinates
            mapping[norm] = sp.Sum(sp.Abs(base[index]), (index, lo, hi))
        else:
            mapping[norm] = sp.sqrt(sp.Sum(base[index] ** 2, (index, lo, hi)))
        sizes.add(hi)
    if len(sizes) != 1:
        return None
    left, right = left.xreplace(mapping), right.xreplace(mapping)
    if set(norms.values()) & (left.free_symbols | right.free_symbols):
        return None  # v·w/(‖v‖‖w‖): the vector stands outside a norm too, and is not written out here
    return Reading(left, right, sizes.pop())


@dataclass(frozen=True)
class Outcome:
    """What :func:`decide` found; for a false link, the size and both sides written out there."""

    verdict: Verdict
    size: int | None = None
    left: sp.Expr | None = None
    right: sp.Expr | None = None


def decide(reading: Reading, seconds: float) -> Outcome:
    """Proved symbolically, else compared with the sums written out at each size of :data:`SIZES`."""
    if symbolic_zero(reading.left - reading.right) is True:
        return Outcome(Verdict("true", "the norm written as the sum over its coordinates"))
    for n in SIZES:
        a, b = (_written_out(side, reading.size, n) for side in (reading.left, reading.right))
        if a is None or b is None:
            return Outcome(Verdict("undecided", "a sum over the coordinates could not be written out"))
        verdict = compare(a, b, seconds=seconds)
        if verdict.status == "false":
            return Outcome(verdict, n, a, b)
        if verdict.status != "true":
            return Outcome(verdict)
    shown = ", ".join(map(str, SIZES))
    return Outcome(Verdict("undecided", f"holds for {reading.size} = {shown} (the norm as the sum of squared "
                           "coordinates); not proved for every size"))


def _written_out(expr: sp.Expr, size: sp.Symbol, n: int) -> sp.Expr | None:
    """``expr`` with ``size = n``, every sum written out and each coordinate ``w[k]`` a real symbol ``w_{k}``."""
    expr = expr.xreplace({size: sp.Integer(n)}).doit()
    if expr.has(sp.Sum):
        return None
    return expr.xreplace({ix: sp.Symbol(f"{ix.base.label}_{{{ix.indices[0]}}}", real=True)
                          for ix in expr.atoms(sp.Indexed) if len(ix.indices) == 1 and ix.indices[0].is_Integer})
