r"""The probability of an event under the law the notes state for its variable: ``B \sim \mathrm{Bin}(5, 0.8)``, then
``P(B = 2) = \binom{5}{2}(0.8)^2(0.2)^3 = 0.2048``.

Why: exercise sheets in probability name a law once and then compute event after event of it, each written as
``P(X = k)``, ``P(X \le k)``, ``1 - P(X \le 2)``. The parser reads each event as one opaque quantity (no law of
probability is modelled there), so every such line was a value given to a name or undecided. With the law stated
(:mod:`.stated_laws`: one law for the letter, its parameters numbers), an event of that letter against a number
has a value: the binomial, Bernoulli and Poisson laws by their (finite) sums, the exponential, uniform and normal
laws by their distribution functions. The caller compares the sides as arithmetic, with the digits the notes write.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

import sympy as sp

from .latex import LatexParseError, parse_expr
from .stated_laws import Law

__all__ = ["law_of", "put_in"]

#: An event of one variable against a number, as the parser names it: ``P(B=2)``, ``P(B\le2)``, ``P(X>1.5)``.
_EVENT = re.compile(r"P\((?P<var>[A-Z](?:_\{?[A-Za-z0-9]+\}?)?)(?P<op>=|<|>|\\le(?:q|qslant)?|\\ge(?:q|qslant)?|"
                    r"\\lt|\\gt)(?P<value>-?\d+(?:\.\d+)?)\)")
_OPS = {"=": "=", "<": "<", ">": ">", "\\lt": "<", "\\gt": ">", "\\le": "<=", "\\leq": "<=", "\\leqslant": "<=",
        "\\ge": ">=", "\\geq": ">=", "\\geqslant": ">="}
#: The largest count summed term by term (a binomial with more trials is left alone).
_MAX_TERMS = 200


def law_of(variable: sp.Symbol, laws: Mapping[sp.Symbol, Law]) -> Law | None:
    """The law the notes state for ``variable`` (one law, :attr:`DocumentChecker._stated_laws`), when its parameters
    are numbers; None otherwise."""
    law = laws.get(variable)
    return law if law is not None and all(p.is_number for p in law.params) else None


def _discrete(law: Law) -> tuple[int, int, object] | None:
    """The support (low, high) of a discrete law with numeric parameters and its mass function, or None."""
    if law.family == "binomial":
        n, p = law.params
        if not (n.is_Integer and 0 <= n <= _MAX_TERMS and 0 <= p <= 1):
            return None
        return 0, int(n), lambda k: sp.binomial(n, k) * p**k * (1 - p)**(n - k)
    if law.family == "bernoulli":
        (p,) = law.params
        return (0, 1, lambda k: p if k == 1 else 1 - p) if 0 <= p <= 1 else None
    if law.family == "poisson":
        (lam,) = law.params
        return (0, -1, lambda k: sp.exp(-lam) * lam**k / sp.factorial(k)) if lam > 0 else None
    return None


def _cdf(law: Law, t: sp.Expr) -> sp.Expr | None:
    """P(X ≤ t) for a continuous law with numeric parameters, or None."""
    if law.family == "exponential":
        (lam,) = law.params
        return sp.Integer(0) if t < 0 else 1 - sp.exp(-lam * t)
    if law.family == "uniform":
        a, b = law.params
        return sp.Min(1, sp.Max(0, (t - a) / (b - a))) if b > a else None
    if law.family == "normal":
        mu, var = law.params
        return (1 + sp.erf((t - mu) / sp.sqrt(2 * var))) / 2 if var > 0 else None
    return None


def _probability(law: Law, op: str, t: sp.Expr) -> sp.Expr | None:
    """P(X op t) under ``law``."""
    discrete = _discrete(law)
    if discrete is not None:
        low, high, mass = discrete
        if not t.is_Integer:
            return None
        k = int(t)
        def upto(m: int) -> sp.Expr:  # P(X ≤ m)
            top = m if high < 0 else min(m, high)
            if top - low > _MAX_TERMS:
                raise ValueError("too many terms")
            return sp.Add(*(mass(j) for j in range(low, top + 1))) if top >= low else sp.Integer(0)
        try:
            if op == "=":
                return mass(k) if low <= k and (high < 0 or k <= high) else sp.Integer(0)
            below = {"<=": upto(k), "<": upto(k - 1)}
            if op in below:
                return below[op]
            return 1 - (upto(k - 1) if op == ">=" else upto(k))
        except ValueError:
            return None
    cdf = _cdf(law, t)
    if cdf is None:
        return None
    return {"=": sp.Integer(0), "<=": cdf, "<": cdf, ">=": 1 - cdf, ">": 1 - cdf}[op]


def put_in(expr: sp.Expr, laws: Mapping[sp.Symbol, Law]) -> tuple[sp.Expr, list[Law]] | None:
    """``expr`` with each event of a variable with a stated law replaced by its probability, and the laws used;
    None when it holds no such event."""
    values: dict[sp.Symbol, sp.Expr] = {}
    used: list[Law] = []
    for x in expr.free_symbols:
        m = _EVENT.fullmatch(x.name) if isinstance(x, sp.Symbol) else None
        if m is None:
            continue
        try:
            variable, t = parse_expr(m.group("var")), sp.Rational(m.group("value"))
        except (LatexParseError, ValueError, TypeError):
            continue
        law = law_of(variable, laws) if isinstance(variable, sp.Symbol) else None
        value = _probability(law, _OPS[m.group("op")], t) if law is not None else None
        if value is not None:
            values[x] = value
            if law not in used:
                used.append(law)
    return (expr.xreplace(values), used) if values else None
