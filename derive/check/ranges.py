r"""Ranges a document states (``0 < β < 1``, ``|β| < 1``, ``β ∈ (0, 1)``) and the limits and infinite sums
they decide.

Why: ``\sum_{τ=0}^{∞} β^τ = 1/(1 − β)`` and ``\lim_{t→∞} β^t = 0`` hold only for |β| < 1. SymPy returns the
infinite sum as a Piecewise on that condition and cannot take the limit for an unrestricted β, so the checker
decides them only under the range the document states, and otherwise says which range is missing
("needs |β| < 1") instead of guessing the notes' usual 0 < β < 1.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import sympy as sp

from .. import printing
from ..budget import time_budget
from ..errors import BudgetExceeded
from .vectors import Coords

__all__ = ["settle", "stated_ranges"]

_LESS = {"<": True, "<=": False}
_GREATER = {">": True, ">=": False}


#: "a positive constant $c$", "$c$ is strictly positive", "for negative $x$": a sign said in words of one name.
_SIGN_WORD = r"(?P<word>(?:strictly |non-?)?(?:positive|negative))"
_NOT_DEFINITE = r"(?!\s*(?:semi-?)?definite)\b"  # "$A$ is positive definite": a matrix's property, not a sign
_SIGN_BEFORE = re.compile(_SIGN_WORD + r"\*{0,2}(?:\s+[A-Za-z]+){0,2}\s+\$(?P<name>[^$]{1,24})\$", re.IGNORECASE)
_SIGN_AFTER = re.compile(r"\$(?P<name>[^$]{1,24})\$\s+(?:is|are|be)\s+(?:always\s+)?\*{0,2}" + _SIGN_WORD
                         + _NOT_DEFINITE, re.IGNORECASE)
#: "As a is positive constant": one letter alone in the words (notes typed without math markup), before "is".
_SIGN_BARE = re.compile(r"(?<![\w$\\{}^_])(?P<name>[A-Za-z])\s+is\s+(?:an?\s+)?(?:always\s+)?" + _SIGN_WORD
                        + _NOT_DEFINITE, re.IGNORECASE)
_SIGN_INTERVALS = {"positive": sp.Interval.open(0, sp.oo), "strictly positive": sp.Interval.open(0, sp.oo),
                   "nonnegative": sp.Interval(0, sp.oo), "non-negative": sp.Interval(0, sp.oo),
                   "negative": sp.Interval.open(-sp.oo, 0), "strictly negative": sp.Interval.open(-sp.oo, 0),
                   "nonpositive": sp.Interval(-sp.oo, 0), "non-positive": sp.Interval(-sp.oo, 0)}


def worded_ranges(text: str, read: Callable[[str], sp.Expr | None]) -> dict[sp.Symbol, sp.Interval]:
    """The signs the prose gives single names ("for some *positive* constant $c$", "$\\lambda$ is nonnegative"),
    read with ``read`` (the document's own reading of a formula); names only, never an expression."""
    out: dict[sp.Symbol, sp.Interval] = {}
    for pattern in (_SIGN_BEFORE, _SIGN_AFTER, _SIGN_BARE):
        for m in pattern.finditer(text):
            name = read(m.group("name"))
            interval = _SIGN_INTERVALS.get(m.group("word").lower())
            if isinstance(name, sp.Symbol) and interval is not None:
                out.setdefault(name, interval)
    return out


def stated_ranges(chains: Iterable[tuple[list[sp.Expr | None], list[str]]]) -> dict[sp.Symbol, sp.Interval]:
    """The interval of each symbol bounded by numbers in a written chain: ``0 < β < 1``, ``1 > β ≥ 0``,
    ``|β| < 1``, ``β ∈ (0, 1)``. Several statements about one symbol intersect."""
    out: dict[sp.Symbol, sp.Interval] = {}

    def add(sym: sp.Symbol, interval: sp.Set) -> None:
        if isinstance(interval, sp.Interval):
            current = out.get(sym, sp.Interval(-sp.oo, sp.oo))
            both = current.intersect(interval)
            if isinstance(both, sp.Interval):
                out[sym] = both

    for terms, relations in chains:
        if any(t is None for t in terms) or len(terms) != len(relations) + 1:
            continue
        if relations == ["in"] and isinstance(terms[0], sp.Symbol) and isinstance(terms[1], Coords) \
                and len(terms[1].args) == 2 and all(a.is_number for a in terms[1].args):
            lo, hi = terms[1].args
            add(terms[0], sp.Interval.open(lo, hi))  # β ∈ (0, 1): an open interval, written as a pair
            continue
        rels = relations if all(r in _LESS for r in relations) else (
            list(reversed(relations)) if all(r in _GREATER for r in relations) else None)
        if rels is None:
            continue
        ordered = terms if rels is relations else list(reversed(terms))
        strict = [_LESS[r] if r in _LESS else _GREATER[r] for r in rels]
        for j, term in enumerate(ordered):
            target = term.args[0] if isinstance(term, sp.Abs) else term
            if not isinstance(target, sp.Symbol):
                continue
            lo = ordered[j - 1] if j > 0 and ordered[j - 1].is_number else -sp.oo
            hi = ordered[j + 1] if j + 1 < len(ordered) and ordered[j + 1].is_number else sp.oo
            if lo == -sp.oo and hi == sp.oo:
                continue
            interval = sp.Interval(lo, hi, j > 0 and strict[j - 1], j + 1 < len(ordered) and strict[j])
            if isinstance(term, sp.Abs):
                if lo != -sp.oo:
                    continue  # a lower bound on |β| is not a range of β
                interval = sp.Interval(-hi, hi, interval.right_open, interval.right_open)
            add(target, interval)
    return out


def settle(expr: sp.Expr, ranges: dict[sp.Symbol, sp.Interval], seconds: float) -> tuple[sp.Expr, str | None]:
    """``expr`` with its limits and infinite sums evaluated under ``ranges``; the second value names the range
    a limit or sum needs and the document does not state (then the expression is returned as it was)."""
    if not expr.has(sp.Limit, sp.Integral) and not any(s.limits[0][2] in (sp.oo, -sp.oo) for s in expr.atoms(sp.Sum)):
        return expr, None
    try:
        with time_budget(seconds):
            return _settle(expr, ranges)
    except (BudgetExceeded, NotImplementedError, TypeError, ValueError, RecursionError):
        return expr, "a limit, an integral or an infinite sum SymPy does not decide here"


def _terms_of_sequences(body: sp.Expr, var: sp.Symbol) -> list[str]:
    """The names in ``body`` that carry ``var`` as their index (``x_k``, ``x^{(k)}``, ``∇f(x_k)``)."""
    index = re.compile(r"(?:_\{?|\^\{\()[^{}()]*(?<![A-Za-z\\])" + re.escape(var.name) + r"(?![A-Za-z])")
    return sorted(printing.text(s) for s in body.free_symbols if s != var and index.search(s.name))


def _settle(expr: sp.Expr, ranges: dict[sp.Symbol, sp.Interval]) -> tuple[sp.Expr, str | None]:
    need: list[str] = []
    sequences: list[str] = []

    def infinite_sum(s: sp.Sum) -> sp.Expr:
        value = s.doit()
        if not isinstance(value, sp.Piecewise):
            return value if not value.has(sp.Sum) else s
        for branch, condition in value.args:
            if branch.has(sp.Sum) or condition is sp.true:
                continue
            if _holds(condition, ranges):
                return branch
            need.append(_condition_text(condition))
        return s

    def limit(lim: sp.Limit) -> sp.Expr:
        body, var, target, side = lim.args[0], lim.args[1], lim.args[2], str(lim.args[3])
        if (terms := _terms_of_sequences(body, var)):
            # lim_{k→∞} ‖∇f(x_k)‖ = 0: k is in the names only (a sequence the notes do not define term by term), so
            # to SymPy the body is constant in k and the limit would be the body itself
            sequences.append(f"a limit of {', '.join(terms)}: its terms are not given as functions of "
                             f"{printing.text(var)}")
            return lim
        swap, back = _positive_form(body.free_symbols - {var}, ranges)
        try:
            value = sp.limit(body.xreplace(swap), var, target, dir=side)  # from one side, or both agreeing
        except NotImplementedError:  # "the result depends on the sign of log β"
            value = sp.nan
        settled = value in (sp.oo, -sp.oo) and not body.free_symbols - {var}  # lim_{r→1−0} r/(1 − r) = +∞
        if value.has(sp.Limit, sp.AccumBounds, sp.nan, sp.zoo, sp.oo, sp.sign) and not settled:
            unranged = sorted(printing.text(x) for x in body.free_symbols - {var} if x not in ranges)
            need.append("a range for " + ", ".join(unranged) if unranged else "a limit SymPy does not decide")
            return lim
        return value.xreplace(back)

    def integral(whole: sp.Integral) -> sp.Expr:
        # ∫_0^∞ e^{-ax} dx is 1/a only for a > 0: SymPy answers with cases, and the stated range picks one
        # a name the text says is positive is positive for SymPy too (a > 0: ∫_0^∞ e^{-at} dt converges)
        swap = {x: sp.Dummy(x.name, positive=True) for x in whole.free_symbols
                if isinstance(x, sp.Symbol) and x in ranges and ranges[x].is_subset(sp.Interval.open(0, sp.oo))}
        whole, sizes = _absolute_values_on_range(whole)
        swap.update(sizes)
        value = whole.xreplace(swap).doit(conds="piecewise").xreplace({v: k for k, v in swap.items()})
        if isinstance(value, sp.Piecewise):
            for branch, condition in value.args:
                if condition is sp.true or branch.has(sp.Integral):
                    continue
                if _holds(condition, ranges):
                    return branch
                need.append(_condition_text(condition))
                return whole
        if value.has(sp.Integral, sp.nan, sp.zoo) or value.has(sp.oo) and not whole.has(sp.oo):
            need.append("an integral SymPy does not evaluate")
            return whole
        return value

    out = expr.replace(lambda e: isinstance(e, sp.Sum) and e.limits[0][2] in (sp.oo, -sp.oo), infinite_sum)
    out = out.replace(lambda e: isinstance(e, sp.Integral), integral)
    out = out.replace(lambda e: isinstance(e, sp.Limit), limit)
    if sequences:
        return expr, sequences[0]
    if need:
        return expr, "needs " + need[0] + " (the text states no such range)"
    return out, None


def _holds(condition: sp.Basic, ranges: dict[sp.Symbol, sp.Interval]) -> bool:
    """Whether a one-variable condition (|β| < 1) holds on the whole stated range of its variable."""
    free = condition.free_symbols
    if len(free) != 1:
        return False
    (sym,) = free
    if sym not in ranges:
        return False
    real = sp.Dummy("x", real=True)
    try:
        allowed = condition.xreplace({sym: real}).as_set()
    except (NotImplementedError, TypeError, ValueError):
        return False
    return bool(ranges[sym].is_subset(allowed))


def _condition_text(condition: sp.Basic) -> str:
    return printing.text(condition)


def _positive_form(free: set[sp.Symbol], ranges: dict[sp.Symbol, sp.Interval]) \
        -> tuple[dict[sp.Symbol, sp.Expr], dict[sp.Symbol, sp.Expr]]:
    """β in a bounded stated range (lo, hi) written as lo + (hi − lo)/(1 + u) with u > 0, so that SymPy's limit
    sees the range through u's sign; the second map writes u back in terms of β."""
    swap: dict[sp.Symbol, sp.Expr] = {}
    back: dict[sp.Symbol, sp.Expr] = {}
    for sym in free:
        interval = ranges.get(sym)
        if interval is None or not interval.start.is_finite or not interval.end.is_finite or not interval.right_open:
            continue  # β ≤ 1 includes β = 1, where β^t does not vanish: no form, so SymPy leaves it undecided
        lo, hi = interval.start, interval.end
        if lo < 0:
            continue  # |β| < 1: the sign of β matters for some limits; SymPy decides those without the form
        u = sp.Dummy(sym.name, positive=True)
        swap[sym] = lo + (hi - lo) / (1 + u)
        back[u] = (hi - lo) / (sym - lo) - 1
    return swap, back


def _absolute_values_on_range(whole: sp.Integral) -> tuple[sp.Integral, dict[sp.Expr, sp.Dummy]]:
    """``∫_0^1 M|a − τa| dτ`` read as ``|a|·∫_0^1 M(1 − τ) dτ``: over numeric bounds the variable stays in its
    interval, so a factor of an absolute value with no root inside keeps one sign there and loses its bars; an
    absolute value free of the variable is a nonnegative number SymPy need not split into cases (returned as
    the symbols that stand for them, to put back after integrating). Anything else is left as written."""
    if len(whole.limits) != 1 or len(whole.limits[0]) != 3:
        return whole, {}
    var, lo, hi = whole.limits[0]
    if not (lo.is_real and hi.is_real and lo.is_number and hi.is_number and lo < hi):
        return whole, {}
    sizes: dict[sp.Expr, sp.Dummy] = {}

    def size(constant: sp.Expr) -> sp.Expr:
        if constant.is_number:
            return abs(constant)
        key = sp.Abs(constant)
        if key not in sizes:
            sizes[key] = sp.Dummy("abs", nonnegative=True)
        return sizes[key]

    def bars(inner: sp.Expr) -> sp.Expr:
        out = sp.Integer(1)
        for factor in sp.Mul.make_args(sp.factor(inner)):
            if var not in factor.free_symbols:
                out *= size(factor)
                continue
            base, power = factor.as_base_exp()
            if factor.free_symbols != {var} or not (power.is_integer and power > 0) or not base.is_polynomial(var):
                return sp.Abs(inner)
            inside = [r for r in sp.Poly(base, var).real_roots() if lo < r < hi]
            if inside:
                return sp.Abs(inner)
            sign = sp.sign(base.subs(var, (lo + hi) / 2))
            out *= (sign * base) ** power
        return out

    integrand = whole.function.replace(lambda e: isinstance(e, sp.Abs) and var in e.free_symbols,
                                       lambda e: bars(e.args[0]))
    integrand = integrand.replace(lambda e: isinstance(e, sp.Abs) and var not in e.free_symbols,
                                  lambda e: size(e.args[0]))
    return sp.Integral(integrand, whole.limits[0]), sizes

