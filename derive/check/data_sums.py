r"""Sums over the data written with no index: ``\frac{2}{n}\sum x(mx + c - y)``, ``\sum (y - \hat{y})^2``.

Introductory notes on linear regression write the sum over the samples without naming its index: the letters
``x`` and ``y`` (and the prediction ``\hat{y}``) stand for the sample being summed over, the other letters
(``m``, ``c``, ``w``, ``b``) for the parameters. The parser reads such a sum as ``Sum(body, (ι, 1, #))`` over a
reserved index ``ι`` with the body in plain names (:data:`DATA_INDEX`), so that definitions are substituted
first (``\hat{y} = mx + c`` puts ``x`` into the sum); :func:`indexed` then makes each data name in it the
indexed quantity ``x[ι]`` — the form every other sum over an unwritten index set has — and linearity decides.
Derivatives with respect to a parameter pass inside, as for any sum.
"""
from __future__ import annotations

import sympy as sp

from .. import symbols as S

__all__ = ["DATA_INDEX", "DATA_SYMBOLS", "has_data_sum", "indexed", "open_prediction"]

#: The index of a sum over the data written without one (iota: a letter notes do not use for anything else).
DATA_INDEX = sp.Symbol("ι", integer=True)

#: The names that stand for the sample in such a sum: the input, the target, the prediction.
DATA_SYMBOLS = frozenset(S.symbol(name) for name in ("x", "y", "\\hat{y}", "X", "Y"))


def has_data_sum(expr: sp.Basic) -> bool:
    return isinstance(expr, sp.Basic) and any(
        total.limits[0][0] == DATA_INDEX for total in expr.atoms(sp.Sum) if total.limits)


def indexed(expr: sp.Expr) -> sp.Expr:
    """``expr`` with the data names inside each index-free sum made quantities of its index (``x`` → ``x[ι]``)."""
    if not has_data_sum(expr):
        return expr

    def index(total: sp.Sum) -> sp.Expr:
        if total.limits[0][0] != DATA_INDEX:
            return total
        swap = {x: sp.Indexed(sp.IndexedBase(x.name), DATA_INDEX) for x in total.function.free_symbols & DATA_SYMBOLS}
        return sp.Sum(total.function.xreplace(swap), *total.limits)
    return expr.replace(lambda e: isinstance(e, sp.Sum) and bool(e.limits) and e.limits[0][0] == DATA_INDEX, index)


def open_prediction(*exprs: sp.Expr) -> str | None:
    """Why a data sum may not be refuted: the prediction ``\\hat{y}`` is still in it (its definition is not in
    scope, or in words), so a difference in it may be the definition the reader knows; None otherwise."""
    for expr in exprs:
        for total in expr.atoms(sp.Sum):
            if total.limits and total.limits[0][0] == DATA_INDEX and any(
                    str(ix.base.label) == "\\hat{y}" for ix in total.function.atoms(sp.Indexed)):
                return "the prediction ŷ in a sum over the data is not defined in scope (a definition in words, or elsewhere)"
    return None
