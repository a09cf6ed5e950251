r"""Refuting an identity between sums over an unwritten index set (``\sum_i α_i u_i``).

The parser reads such a sum as ``Sum(body, (i, 1, #))`` with a count ``#`` the note never states
(:meth:`derive.check.latex._ExprParser.generic_sum`). Proving works as for any sum; refuting needs care,
because the count is unknown: ``\sum_i 1 = n`` may be how the note says there are ``n`` terms. What is
sound: when the difference of the sides is ``Σ_{i∈R} φ(s, x_i) + ψ(s)`` — a linear combination of single
sums over the same set, plus terms without indexed quantities — and ``φ`` depends on an indexed value
``x_i``, then changing ``x_j`` at one member ``j`` of any nonempty ``R`` changes the difference, so the
identity fails whatever the set is. Only links with such a sum on both sides are refuted: ``\sum_i p_i = 1``
states a constraint on the values. Products of sums, nested sums and sums over different sets are left
alone (the caller keeps its undecided reason).
"""
from __future__ import annotations

import sympy as sp

from .. import printing
from ..proof import compare

__all__ = ["GENERIC_COUNT", "has_generic", "refute"]

#: The prefix of the count symbol of a sum over an unwritten index set.
GENERIC_COUNT = "\\#"


def _generic(s: sp.Basic) -> bool:
    if not isinstance(s, sp.Sum) or len(s.limits) != 1:
        return False
    _, low, high = s.limits[0]
    return low == 1 and isinstance(high, sp.Symbol) and high.name.startswith(GENERIC_COUNT)


def has_generic(*exprs: sp.Expr) -> bool:
    return any(any(_generic(s) for s in e.atoms(sp.Sum)) for e in exprs if isinstance(e, sp.Basic))


def refute(left: sp.Expr, right: sp.Expr, *, seconds: float = 2.0) -> str | None:
    """Why ``left = right`` is false for every nonempty index set, or None when that is not shown."""
    if not (has_generic(left) and has_generic(right)):
        return None  # Σ_i p_i = 1, Σ_i w_i x_i = y: a constraint on the values, not an identity
    sums = [s for s in (left - right).atoms(sp.Sum)]
    if not sums or not all(_generic(s) for s in sums):
        return None
    counts = {s.limits[0][2] for s in sums}
    if len(counts) != 1:
        return None
    k = sp.Dummy("k", integer=True, positive=True)
    letter = sums[0].limits[0][0]
    relabel = {s: sp.Sum(s.function.xreplace({s.limits[0][0]: k}), (k, 1, s.limits[0][2])) for s in sums}
    difference = sp.expand((left - right).xreplace(relabel), deep=False)
    phi = sp.Integer(0)
    for term in sp.Add.make_args(difference):
        inside = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Sum)]
        if not inside:
            if term.has(sp.Indexed, sp.Sum):
                return None
            continue
        if len(inside) != 1:
            return None  # a product of sums
        total = inside[0]
        coefficient = term / total
        if coefficient.has(sp.Indexed, sp.Sum, k) or total.function.has(sp.Sum):
            return None
        phi += coefficient * total.function
    labelled = sorted(phi.atoms(sp.Indexed), key=sp.default_sort_key)
    if not labelled or any(any(index != k for index in ix.indices) for ix in labelled):
        return None
    values = {ix: sp.Symbol(f"{ix.base.label}_{{k}}", real=True) for ix in labelled}
    plain = phi.xreplace(values)
    for ix in labelled:
        if compare(sp.diff(plain, values[ix]), sp.Integer(0), seconds=seconds / 2).status == "false":
            shown = phi.xreplace({k: letter})
            return (f"whatever the index set, the sums do not agree term by term: left minus right is the sum "
                    f"over {printing.text(letter)} of {printing.text(sp.factor(shown))}, which depends on "
                    f"{printing.text(ix.xreplace({k: letter}))}")
    return None
