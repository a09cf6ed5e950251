r"""Taylor expansions with a remainder in big-O or little-o notation: ``f(x + ε) = f(x) + ε f'(x) + O(ε^2)``,
``f(x + h) = f(x) + h f'(x) + o(h)``.

Notes state first- and second-order expansions this way before deriving gradient descent. The parser reads
``O(…)`` / ``\mathcal{O}(…)`` as :class:`BigO` of its argument; this module decides such a link:

* exactly one ``O(g)`` term, added to one side, and ``g = c·v^k`` for a single scalar ``v`` (the symbol
  outside function calls) with a positive whole ``k`` and a factor ``c`` free of ``v``: the claim is that
  the difference ``D`` of the other terms is ``O(v^k)`` as ``v → 0``; ``o(v^k)`` claims one order more
  (``D/v^k → 0``), so the coefficients up to and including ``v^k`` must vanish;
* the primes of a function are its derivatives (``f'(x)`` is the derivative of ``f`` at ``x``), and an
  undefined ``f`` is a generic smooth function: SymPy expands ``D`` in ``v`` to order ``k``;
* every coefficient of ``v^j`` (``j < k``) vanishing proves the link; the values of ``f`` and its
  derivatives at distinct points are free (a smooth function's jets can be anything), so a coefficient that
  is not zero at some random jet refutes it, and the first such order is named.

Anything else (``O`` as a variable grows, ``O(‖ε‖²)`` of a vector, two remainders, an expansion SymPy
cannot take within the budget) is undecided with its reason. Text from the document never reaches
``sympify``: the expressions come from the parser.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from .. import printing
from ..budget import time_budget
from ..errors import BudgetExceeded
from ..proof import compare

__all__ = ["BigO", "Expansion", "LittleO", "decide", "has_order", "remainder_order"]

#: The highest order of an expansion the checker takes (a Taylor remainder of notes is O(ε²) or O(ε³)).
MAX_ORDER = 4


class BigO(sp.Function):
    """``O(g)``: a remainder bounded by a constant times ``g``; never evaluated."""

    nargs = 1

    #: The remainder's letter as printed in reasons.
    letter = "O"


class LittleO(BigO):
    """``o(g)``: a remainder that vanishes faster than ``g``; a :class:`BigO` for every rule that only asks
    whether a link has a remainder, one order stricter where :func:`decide` expands it."""

    letter = "o"


@dataclass(frozen=True)
class Expansion:
    """The verdict on an expansion: ``status`` is ``true``, ``false`` or ``undecided``."""

    status: str
    reason: str


def has_order(*exprs: sp.Expr) -> bool:
    return any(isinstance(e, sp.Basic) and e.has(BigO) for e in exprs)


def decide(left: sp.Expr, right: sp.Expr, *, small: sp.Symbol | None = None, seconds: float = 2.0) -> Expansion:
    """Decide ``left = right`` where one side ends in ``+ O(g)``. ``small`` is the quantity that tends to 0
    as the author wrote the remainder (``O(η² f'(x)²)`` is in ``η`` even once ``f(x) = x²`` makes it
    ``O(4η²x²)``)."""
    orders = [o for side in (left, right) for o in sp.Add.make_args(side) if isinstance(o, BigO)]
    total = sum(1 for side in (left, right) for _ in side.atoms(BigO))
    if len(orders) != 1 or total != 1:
        return Expansion("undecided", "O(·) more than once, or inside a product, is not modelled")
    remainder = orders[0]
    has_left = remainder in sp.Add.make_args(left)
    main = (left if has_left else right) - remainder
    other = right if has_left else left
    scale = remainder.args[0]
    order = remainder_order(scale, small)
    if isinstance(order, str):
        return Expansion("undecided", order)
    var, k = order
    written = f"{remainder.letter}({printing.text(var ** k)})"
    # g′ + g‴h²/6 + … = g′ + O(h²): the ellipsis holds the terms after the last one written, of higher order
    dotted = _DOTS in sp.Add.make_args(other) or _DOTS in sp.Add.make_args(main)
    last = -1  # the highest power of the small quantity among the terms written beside the ellipsis
    if dotted:
        side = other if _DOTS in sp.Add.make_args(other) else main
        for term in sp.Add.make_args(side):
            if term != _DOTS and (power := _power_in(term, var)) is not None:
                last = max(last, power)
        other, main = other.xreplace({_DOTS: 0}), main.xreplace({_DOTS: 0})
        if last < 0:
            return Expansion("undecided", "an ellipsis whose order is not known from the terms before it")
    # o(v^k): the term in v^k must vanish too, so the series is taken one order further
    k_series = k + 1 if isinstance(remainder, LittleO) else k
    if _counts_steps(var, left, right):
        return Expansion("undecided", f"O(·) as {printing.text(var)} grows (it counts steps here) is not modelled: "
                         "only a quantity that tends to 0")
    difference = _shifted_jets(_derivatives(other - main), var, k_series)
    if any(_vector_like(s) for s in difference.free_symbols | scale.free_symbols):
        return Expansion("undecided", "an expansion in a vector or a gradient (O(·) of vectors) is not modelled")
    try:
        with time_budget(seconds):
            series = sp.series(difference, var, 0, k_series).removeO().doit()
            series = sp.expand(series)
            for j in range(k_series):
                coefficient = series.coeff(var, j) if j else series.subs(var, 0)
                if coefficient == 0:
                    continue
                if coefficient.has(var, sp.Order) or any(call.has(var) for call in coefficient.atoms(AppliedUndef)):
                    return Expansion("undecided", "the expansion could not be taken term by term")
                generic = _free_jets(coefficient)
                if generic.has(sp.Derivative, sp.Subs, AppliedUndef):
                    return Expansion("undecided", "the expansion could not be taken term by term")
                verdict = compare(generic, sp.Integer(0), seconds=seconds / 2)
                if verdict.status == "false" and dotted and j > last:
                    return Expansion("undecided", f"the ellipsis may hold the term in {printing.text(var ** j)}")
                if verdict.status == "false":
                    term = printing.text(var ** j) if j else "order 0"
                    return Expansion("false", f"the sides differ at {term}: the left minus the right side has "
                                     f"the term {printing.text(_primed(coefficient * var ** j))} (the remainder is "
                                     f"{written})")
                if verdict.status != "true":
                    return Expansion("undecided", f"the coefficient of {printing.text(var ** j)} could not be "
                                     "shown to vanish")
    except BudgetExceeded:
        return Expansion("undecided", f"the expansion took longer than {seconds:g} s")
    except (ValueError, TypeError, NotImplementedError, ZeroDivisionError, sp.PoleError):
        return Expansion("undecided", "SymPy could not expand it in a series")
    if dotted and last < k_series - 1:
        return Expansion("undecided", f"the ellipsis may hold terms of order below the remainder {written}")
    dots = " (the ellipsis read as the terms after the last one written)" if dotted else ""
    return Expansion("true", f"a Taylor expansion in {printing.text(var)} to order {k} (remainder {written}){dots}")


#: The ellipsis as the parser writes it (:data:`derive.check.latex.DOTS`; that module imports this one).
_DOTS = sp.Symbol(r"\dots")


def _power_in(term: sp.Expr, var: sp.Symbol) -> int | None:
    """The power of ``var`` a written term carries (``g‴h²/6`` → 2), None when it is not a monomial in it."""
    power = sp.Integer(0)
    for factor in sp.Mul.make_args(term):
        base, exp = factor.as_base_exp()
        if base == var and exp.is_Integer:
            power += exp
        elif factor.has(var):
            return None
    return int(power)


def remainder_order(scale: sp.Expr, small: sp.Symbol | None = None) -> tuple[sp.Symbol, int] | str:
    """The small quantity ``v`` (the one symbol outside function calls, unless given) and the order ``k`` of
    ``O(c·v^k)``, or why it is not modelled."""
    if any(type(call).__name__ == "Norm" for call in scale.atoms(sp.Function)):
        return "an expansion in a vector (O(‖ε‖^k)) is not modelled"
    outside = scale.free_symbols - {s for call in scale.atoms(AppliedUndef) for s in call.free_symbols}
    if small is None and len(outside) != 1:
        return "O(·) of something other than a power of one small quantity is not modelled"
    var = small if small is not None else next(iter(outside))
    _, dependent = scale.as_independent(var, as_Add=False)
    if dependent == var:
        k = sp.Integer(1)
    elif isinstance(dependent, sp.Pow) and dependent.base == var:
        k = dependent.exp
    else:
        return "O(·) of something other than a power of one small quantity is not modelled"
    if not (k.is_Integer and 1 <= int(k) <= MAX_ORDER):
        return (f"O({printing.text(dependent)}) is not modelled: only positive whole powers (up to "
                f"{MAX_ORDER}) of a quantity that tends to 0")
    if any(call.has(var) for call in scale.atoms(AppliedUndef)):
        return "O(·) of a function of the small quantity is not modelled"
    return var, int(k)


#: Letters that count (iterations, samples, dimensions) whenever they stand in an O(·).
_COUNTS = frozenset({"n", "N", "K", "T", "m", "M"})


def _counts_steps(var: sp.Symbol, *sides: sp.Expr) -> bool:
    """Is ``var`` a count that grows (``t_k = O(k)``: k indexes t_k; ``O(n)``), not a quantity tending to 0?"""
    from .recurrence import read  # here: only a link with an O(·) needs it

    if var.name in _COUNTS:
        return True
    if any(var in limit[2].free_symbols for side in sides for total in side.atoms(sp.Sum) for limit in total.limits):
        return True  # Σ_{j=1}^{k} j = O(k²): k is how far a sum runs
    return any((ix := read(s)) is not None and ix.letter == var.name
               for side in sides for s in side.free_symbols)


def _vector_like(sym: sp.Symbol) -> bool:
    name = sym.name
    return any(mark in name for mark in ("\\nabla", "\\mathbf", "\\boldsymbol", "\\vec", "\\bm"))


def _derivatives(expr: sp.Expr) -> sp.Expr:
    """``f'(a)``, ``f''(a)`` (functions named with primes) as derivatives of ``f`` at ``a``."""
    mapping: dict[sp.Basic, sp.Expr] = {}
    for call in expr.atoms(AppliedUndef):
        name = call.func.__name__
        base = name.rstrip("'")
        primes = len(name) - len(base)
        if primes and base and len(call.args) == 1:
            u = sp.Dummy("u", real=True)
            mapping[call] = sp.Subs(sp.diff(sp.Function(base)(u), u, primes), u, call.args[0])
    return expr.xreplace(mapping) if mapping else expr


def _shifted_jets(expr: sp.Expr, var: sp.Symbol, order: int) -> sp.Expr:
    """``f'(x + p)`` (a derivative at a point that moves with the small ``p``) as its own Taylor polynomial
    ``f'(x) + f''(x)p + …`` to ``order``: SymPy's series does not expand a derivative taken at such a point."""
    mapping: dict[sp.Basic, sp.Expr] = {}
    for jet in expr.atoms(sp.Subs):
        if not (isinstance(jet.expr, sp.Derivative) and isinstance(jet.expr.expr, AppliedUndef)) \
                or len(jet.variables) != 1 or not jet.point[0].has(var):
            continue
        (u,), (at,) = jet.variables, jet.point
        base, n = jet.expr.expr.func, jet.expr.derivative_count
        start = at.xreplace({var: 0})
        step = at - start
        mapping[jet] = sp.Add(*(sp.Subs(sp.diff(base(u), u, n + j), u, start) * step ** j / sp.factorial(j)
                                for j in range(order + 1)))
    return expr.xreplace(mapping) if mapping else expr


def _free_jets(expr: sp.Expr) -> sp.Expr:
    """Each value of an undefined function or of one of its derivatives at a point as a free symbol."""
    jets = sorted(expr.atoms(sp.Derivative) | expr.atoms(AppliedUndef), key=sp.default_sort_key)
    mapping = {jet: sp.Dummy(f"jet{n}", real=True) for n, jet in enumerate(jets)
               if not isinstance(jet, sp.Derivative) or isinstance(jet.expr, AppliedUndef)}
    # one xreplace: it matches f'(x) as a whole before the f(x) inside it
    return expr.xreplace(mapping)


def _primed(expr: sp.Expr) -> sp.Expr:
    """Derivatives of a one-variable function written back the way notes write them: ``f''(x)``."""
    mapping: dict[sp.Basic, sp.Expr] = {}
    for d in expr.atoms(sp.Subs, sp.Derivative):
        point = None
        if isinstance(d, sp.Subs) and isinstance(d.expr, sp.Derivative) and len(d.variables) == 1:
            inner, point = d.expr, d.point[0]
        elif isinstance(d, sp.Derivative):
            inner = d
        else:
            continue
        call = inner.expr
        if not isinstance(call, AppliedUndef) or len(call.args) != 1 or len(inner.variable_count) != 1:
            continue
        var, count = inner.variable_count[0]
        if call.args[0] != var:
            continue
        at = var if point is None else point
        mapping[d] = sp.Function(type(call).__name__ + "'" * int(count))(at)
    return expr.xreplace(mapping) if mapping else expr
