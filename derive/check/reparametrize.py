r"""A model restated in new parameters: "we can rewrite this model as $y_i = \beta_0 + \beta_1\sin t_i +
\beta_2\cos t_i + \varepsilon_i$" after $y_i = \mu + A\sin(t_i + \varphi) + \varepsilon_i$.

The claim is that *some* values of the new coefficients (β₀, β₁, β₂: written on one side only, given no value
anywhere) make the two forms agree for every observation (t_i, ε_i). Refuting it with random values of β, as
an identity in all its letters, is wrong: it is an existence claim. Here the coefficients are solved for as
undetermined coefficients in the data (SymPy's ``solve_undetermined_coeffs``, after the trigonometric sums are
expanded), and the solution is checked by putting it back in — symbolically and at random points — so a
wrong solution (SymPy returns some) never proves anything. When no solution holds, the sides are compared by
least squares over random observations: a residual that does not vanish means no coefficients can work, and
the link is false with that said.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

import sympy as sp

from .. import printing
from ..budget import time_budget
from ..errors import BudgetExceeded
from ..proof import compare
from .recurrence import read as read_index

#: Observations drawn for the least-squares refutation, beyond one per coefficient.
_EXTRA_ROWS = 6
#: A residual above this (relative to the data's scale) means no coefficients fit.
_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Reading:
    """``proved`` with the coefficients that make it hold, ``false`` when none can, ``undecided`` otherwise."""

    status: str
    reason: str


def names_a_model(sentence: str) -> bool:
    """Do the words of the sentence before the formula speak of a model ("we can rewrite this model as")?"""
    from .prose import _MODEL

    return _MODEL.search(sentence) is not None


def added_terms(sa: sp.Expr, sb: sp.Expr) -> str | None:
    """``Pay_i = α + β_1D_i + β_2U_i + β_3D_iU_i + ε_i`` after the model without β_3: every term of one side is a
    term of the other, and each term the longer adds holds a name the shorter never writes. It extends the model
    (an interaction, a new feature); it does not restate it. The added terms as text, or None."""
    for short, long in ((sa, sb), (sb, sa)):
        have, more = set(sp.Add.make_args(sp.expand(short))), set(sp.Add.make_args(sp.expand(long)))
        added = more - have
        if not added or not have <= more:
            continue
        names = short.free_symbols
        if all(term.free_symbols - names for term in added):
            return " + ".join(printing.text(t) for t in sorted(added, key=sp.default_sort_key))
    return None


def new_coefficients(sa: sp.Expr, sb: sp.Expr, written: sp.Expr, given: set[sp.Symbol]) -> list[sp.Symbol]:
    """The names the link writes (``written``: its sides as written) that stand on one side only once the
    definitions are put in (``sa``, ``sb``), that nothing gives a value, and whose letter does not stand on the
    other side at all (β₀, β₁, β₂ on the right, no β on the left): the new parameters. The old model's (μ, A, φ)
    come in through the definition, not the link."""
    one_sided = ((sa.free_symbols ^ sb.free_symbols) & written.free_symbols) - given
    found: set[sp.Symbol] = set()
    for side, other in ((sa, sb), (sb, sa)):
        letters = {letter(x) for x in other.free_symbols if isinstance(x, sp.Symbol)}
        found |= {x for x in side.free_symbols & one_sided
                  if isinstance(x, sp.Symbol) and coefficient_like(x) and letter(x) not in letters}
    return sorted(found, key=str)


def coefficient_like(x: sp.Symbol) -> bool:
    """β₀, c: a plain name or one with a fixed subscript; not t_i, which is an observation."""
    ix = read_index(x)
    return ix is None or ix.letter is None


def letter(x: sp.Symbol) -> str:
    """The letter a name is written with (``β`` of ``β_{0}``), by which coefficients are told apart."""
    ix = read_index(x)
    base = ix.base if ix is not None else x.name
    return re.split(r"[_^]", base, maxsplit=1)[0]


def observations(sa: sp.Expr, sb: sp.Expr) -> list[sp.Symbol]:
    """The per-observation names (``t_i``, ``ε_i``, ``x_i``: indexed by a letter) the link holds."""
    return sorted((x for x in sa.free_symbols | sb.free_symbols
                   if isinstance(x, sp.Symbol) and (ix := read_index(x)) is not None and ix.letter is not None),
                  key=str)


def decide(sa: sp.Expr, sb: sp.Expr, coefficients: list[sp.Symbol], data: list[sp.Symbol],
           seconds: float) -> Reading | None:
    """Do values of ``coefficients`` (free of ``data``) make ``sa = sb`` for all ``data``? None when the
    difference is not linear in them (nothing is decided here)."""
    difference = sa - sb
    try:
        with time_budget(seconds):
            if any(sp.diff(difference, c, 2) != 0 for c in coefficients):
                return None
            expanded = sp.expand(sp.expand_trig(difference))
            try:
                solution = sp.solve_undetermined_coeffs(expanded, coefficients, *data)
            except (NotImplementedError, ValueError, TypeError):
                solution = None
            if isinstance(solution, list):
                solution = solution[0] if len(solution) == 1 else None
            if isinstance(solution, dict) and set(solution) == set(coefficients) \
                    and not any(v.free_symbols & set(data) for v in solution.values()):
                if compare(sa.xreplace(solution), sb.xreplace(solution), seconds=seconds).status == "true":
                    values = ", ".join(f"{printing.text(c)} = {printing.text(solution[c])}" for c in coefficients)
                    return Reading("proved", f"a model restated in new parameters: it holds for every "
                                             f"{_names(data)} with {values}")
            residual = _least_squares_residual(difference, coefficients, data)
    except BudgetExceeded:
        return Reading("undecided", f"a model restated in new parameters ({_names(coefficients)}): whether values "
                                    "of them make it hold was not decided in time")
    if residual is not None and residual > _TOLERANCE:
        return Reading("false", f"no values of {_names(coefficients)} make it hold for every {_names(data)}: "
                                f"fitted by least squares over random {_names(data)}, the sides still differ "
                                f"(residual {residual:.3g})")
    return Reading("undecided", f"a model restated in new parameters ({_names(coefficients)}): values that make "
                                "it hold were not found in closed form")


def _names(symbols: list[sp.Symbol]) -> str:
    return ", ".join(printing.text(s) for s in symbols)


def _least_squares_residual(difference: sp.Expr, coefficients: list[sp.Symbol],
                            data: list[sp.Symbol]) -> float | None:
    """The least residual, relative to the size of the sides, of the coefficients fitted over random observations
    (the other letters fixed at random values once); None when it could not be evaluated."""
    rng = random.Random(7)
    others = sorted(difference.free_symbols - set(coefficients) - set(data), key=str)
    fixed = {x: sp.Float(rng.uniform(0.3, 1.7), 30) for x in others}
    rows, rhs = [], []
    gradient = [sp.diff(difference, c) for c in coefficients]
    base = difference.xreplace({c: 0 for c in coefficients})
    for _ in range(len(coefficients) + _EXTRA_ROWS):
        point = dict(fixed)
        point.update({x: sp.Float(rng.uniform(-2, 2), 30) for x in data})
        try:
            row = [complex(sp.N(g.xreplace(point), 30)) for g in gradient]
            value = complex(sp.N(base.xreplace(point), 30))
        except (TypeError, ValueError):
            return None
        if any(abs(v.imag) > 1e-12 for v in [*row, value]):
            return None
        rows.append([v.real for v in row])
        rhs.append(-value.real)
    matrix, target = sp.Matrix(rows), sp.Matrix(rhs)
    try:
        fitted = (matrix.T * matrix).LUsolve(matrix.T * target)
    except (ValueError, ZeroDivisionError):  # (SymPy's NonInvertibleMatrixError is a ValueError)
        return None
    error = matrix * fitted - target
    scale = max(1.0, max(abs(float(v)) for v in target))
    return max(abs(float(v)) for v in error) / scale
