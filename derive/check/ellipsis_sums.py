r"""A sum written out with an ellipsis against a sum in Σ notation or a geometric series.

Notes write ``w_1x_1 + w_2x_2 + ⋯ + w_dx_d = Σ_{j=1}^{d} w_jx_j`` to introduce the sum sign, and
``1 + β + β^2 + ⋯ + β^{t−1} = (1 − β^t)/(1 − β)`` for the weights of a moving average. The terms written around
the ellipsis say where the sum starts and where it ends, and that is what an author gets wrong (``Σ_{j=1}^{d−1}``,
``+ ⋯ + β^t``). This module reads the written terms as instances of one general term:

* against ``c·Σ_{j=lo}^{hi} f(j)``: each written term must be ``c·f(j)`` for a ``j`` among the first steps after
  ``lo`` or the last before ``hi``, and ``j = lo`` and ``j = hi`` must both be written. When every written term is
  an instance but the written ends differ from the sum's bounds (the last term is ``f(hi + 1)``), the link is
  false and the reason names the bound;
* with no Σ on the other side, terms ``c·β^e`` of one base whose exponents run ``e₀, e₀ + 1, …, e_last`` are the
  geometric sum ``c·Σ_{j=e₀}^{e_last} β^j``, which SymPy sums and compares with the other side;
* otherwise the last term names the general one: in ``2 + 4 + ⋯ + 2n`` or ``1 + 3 + ⋯ + (2n − 1)`` the last term
  is ``f(n)`` for the one letter the first terms do not hold, and the first terms (at least two) must be
  ``f(s), f(s + 1), …`` for one start ``s``; the sum ``Σ_{k=s}^{n} f(k)`` is then compared with the other side.
  One written term, or terms that fit no start, decide nothing: the pattern is the author's, not a guess.

Anything else returns None: the caller's term-by-term comparison (coefficients of the written quantities) goes on.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .. import printing
from ..budget import time_budget
from ..errors import BudgetExceeded
from ..proof import compare
from .recurrence import read as read_index

#: How far from a bound a written term may sit (x_1 + x_2 + x_3 + ⋯ + x_{n−1} + x_n).
_REACH = 3


@dataclass(frozen=True)
class Reading:
    """The verdict (``true`` or ``false``) and why."""

    status: str
    reason: str


def decide(written: sp.Expr, other: sp.Expr, dots: sp.Symbol, seconds: float,
           source: str | None = None) -> Reading | None:
    """``written`` holds ``dots`` as one term of a sum (perhaps under a constant factor); ``other`` is the other
    side with the definitions in. ``source``, the side as written, keeps the terms that are numbers apart
    (SymPy adds ``2 + 4`` into 6 before anything here sees them)."""
    outer, terms = _terms(written, dots)
    apart = summands(source, dots) if source is not None else None
    if apart is not None and terms is not None and outer == 1 and _same(sp.Add(*apart), sp.Add(*terms)):
        terms = apart
    if terms is None or len(terms) < 2:
        return None
    total = _single_sum(other)
    if total is not None:
        return _against_sum(outer, terms, *total) or power_series(outer, terms, other, seconds)
    if other.has(sp.Sum):
        return _beside_sum(outer, terms, other)
    return (_geometric(outer, terms, other, seconds) or _general_term(outer, terms, other, seconds)
            or power_series(outer, terms, other, seconds))


def _beside_sum(outer: sp.Expr, terms: list[sp.Expr], other: sp.Expr) -> Reading | None:
    """``w_1x_1 + ⋯ + w_mx_m + b = Σ_{l=1}^{m} w_lx_l + b``: the terms beside the Σ written out on both sides
    (the bias, a regularizer) are set aside, each matched by one written term, and the rest is read against
    the sum. None when one of them is not written or more than one Σ stands there."""
    if outer != 1:
        return None
    sums = [t for t in sp.Add.make_args(other) if t.has(sp.Sum)]
    if len(sums) != 1 or (total := _single_sum(sums[0])) is None:
        return None
    left = list(terms)
    for rest in sp.Add.make_args(other - sums[0]):
        if rest == 0:
            continue
        match = next((t for t in left if _same(t, rest)), None)
        if match is None:
            return None
        left.remove(match)
    if len(left) < 2:
        return None
    reading = _against_sum(outer, left, *total)
    if reading is None:
        return None
    beside = ", ".join(printing.text(t) for t in sp.Add.make_args(other - sums[0]) if t != 0)
    return Reading(reading.status, f"{reading.reason} ({beside} on both sides)")


def power_series(outer: sp.Expr, terms: list[sp.Expr], other: sp.Expr, seconds: float) -> Reading | None:
    """``1 + x + x²/2 + x³/6 + ⋯ = Σ_{n≥0} xⁿ/n!`` or ``= e^x``, ``1 + γ + γ² + ⋯ = 1/(1 − γ)``: terms in rising
    powers of one letter, each a number times a power, against the other side's power series
    in that letter at 0. The expansion is unique, so the written terms are the series' first ones or a slip;
    the first power whose coefficient differs is named. Anything else (an unknown function, a letter that is
    not the one whose powers rise, a series SymPy cannot expand) is left undecided."""
    written = sp.expand(outer * sp.Add(*terms))
    if len(terms) < 3 or other.atoms(sp.Function) - other.atoms(sp.exp, sp.log, sp.sin, sp.cos, sp.cosh, sp.sinh,
                                                                 sp.factorial, sp.sqrt):
        return None
    if other.has(sp.Derivative, sp.Integral):
        return None
    letters = sorted(written.free_symbols & other.free_symbols, key=sp.default_sort_key)
    degrees = {}
    for letter in letters:
        try:
            poly = sp.Poly(written, letter)
        except sp.PolynomialError:
            return None
        if any(c.has(letter) for c in poly.coeffs()):
            return None
        degrees[letter] = poly.degree()
    rising = [x for x, d in degrees.items() if d >= 2]
    if len(rising) != 1 or written.free_symbols != {rising[0]} or other.free_symbols != {rising[0]}:
        return None  # only numbers besides the letter: m_{t−1} = (1 − β)(g_{t−1} + β g_{t−2} + …) is a series too
    (x,) = rising
    top = degrees[x]
    finite = other.replace(lambda e: isinstance(e, sp.Sum) and len(e.limits) == 1 and e.limits[0][2] == sp.oo
                           and e.limits[0][1].is_Integer,
                           lambda e: sp.Sum(e.function, (e.limits[0][0], e.limits[0][1],
                                                         e.limits[0][1] + top + 1)).doit())
    if finite.has(sp.Sum):
        return None
    try:
        with time_budget(seconds):
            expansion = sp.expand(sp.series(finite, x, 0, top + 1).removeO())
            true = sp.Poly(expansion, x)
    except (BudgetExceeded, sp.PolynomialError, NotImplementedError, ValueError, TypeError):
        return None
    mine = sp.Poly(written, x)
    for power in range(top + 1):
        have, want = mine.coeff_monomial(x ** power), true.coeff_monomial(x ** power)
        verdict = compare(have, want, seconds=seconds)
        if verdict.status == "true":
            continue
        if verdict.status != "false":
            return None
        term = printing.text(x ** power) if power else "the constant term"
        return Reading("false", f"the term in {term} is written with {printing.text(have)}, but the power series of "
                                f"the other side in {printing.text(x)} has {printing.text(want)}")
    return Reading("true", f"the written terms are the power series of the other side in {printing.text(x)} up to "
                           f"{printing.text(x ** top)}")


def summands(source: str, dots: sp.Symbol) -> list[sp.Expr] | None:
    """The terms of a side written as ``t₁ + t₂ + ⋯ + t_n``, each parsed on its own, the ellipsis left out.
    None when the side is not such a sum at its top level, or a term does not parse alone."""
    from .latex import LatexParseError, parse_expr
    from .latex_tokens import tokenize

    tokens = tokenize(source).tokens
    depth, cuts, previous = 0, [], None
    for k, tok in enumerate(tokens):
        if tok.kind in ("lbrace",) or tok.is_char("(", "[") or tok.side == "open":
            depth += 1
        elif tok.kind in ("rbrace",) or tok.is_char(")", "]") or tok.side == "close":
            depth -= 1
        elif depth == 0 and tok.is_char("+", "-") and previous is not None \
                and not (previous.kind == "char" and previous.text in "+-*/^_(["):
            cuts.append(k)
        previous = tok
    if not cuts or any(t.kind == "rel" for t in tokens):
        return None
    pieces, begin = [], 0
    for cut in cuts + [len(tokens)]:
        pieces.append(tokens[begin:cut])
        begin = cut
    out: list[sp.Expr] = []
    for piece in pieces:
        sign = -1 if piece[0].is_char("-") else 1
        body = piece[1:] if piece[0].is_char("+", "-") else piece
        if not body:
            return None
        if len(body) == 1 and body[0].kind == "dots":
            continue
        try:
            out.append(sign * parse_expr(source[body[0].start:body[-1].end]))
        except LatexParseError:
            return None
        if out[-1].has(dots):
            return None
    return out if len(out) + 1 == len(pieces) else None


def _terms(written: sp.Expr, dots: sp.Symbol) -> tuple[sp.Expr, list[sp.Expr] | None]:
    """The constant factor and the written terms (the ellipsis dropped) of ``c·(t₁ + t₂ + ⋯ + t_n)``."""
    if isinstance(written, sp.Add) and (dots in written.args or -dots in written.args):
        return sp.Integer(1), [t for t in written.args if t not in (dots, -dots)]  # 1 − x²/2 + x⁴/24 − ⋯
    if isinstance(written, sp.Mul):
        inner = [f for f in written.args if isinstance(f, sp.Add) and dots in f.args]
        if len(inner) == 1 and not (written / inner[0]).has(dots):
            return written / inner[0], [t for t in inner[0].args if t != dots]
    return sp.Integer(1), None


def _single_sum(expr: sp.Expr) -> tuple[sp.Expr, sp.Sum] | None:
    """``c·Σ_{j=lo}^{hi} f(j)`` with one index: (c, the sum)."""
    sums = [f for f in sp.Mul.make_args(expr) if isinstance(f, sp.Sum)]
    if len(sums) != 1 or len(sums[0].limits) != 1:
        return None
    constant = expr / sums[0]
    if constant.has(sp.Sum) or sums[0].limits[0][0] in constant.free_symbols:
        return None
    return constant, sums[0]


def _as_indexed(term: sp.Expr, bases: dict[str, sp.IndexedBase], letters: dict[str, sp.Symbol]) -> sp.Expr:
    """The written symbols ``w_{1}``, ``g_{t-1}`` of the sum's bases as ``w[1]``, ``g[t − 1]``."""
    mapping: dict[sp.Basic, sp.Expr] = {}
    for sym in term.free_symbols:
        ix = read_index(sym)
        if ix is None or ix.base not in bases or getattr(ix, "more", None):
            continue
        if ix.letter is None:
            mapping[sym] = bases[ix.base][ix.offset]
        elif ix.letter in letters:
            mapping[sym] = bases[ix.base][letters[ix.letter] + ix.offset]
    return term.xreplace(mapping) if mapping else term


def _same(a: sp.Expr, b: sp.Expr) -> bool:
    return sp.expand(a - b) == 0


def _against_sum(outer: sp.Expr, terms: list[sp.Expr], constant: sp.Expr, total: sp.Sum) -> Reading | None:
    index, lo, hi = total.limits[0]
    bases = {str(ix.base.label): ix.base for ix in total.function.atoms(sp.Indexed)}
    letters = {s.name: s for s in (lo.free_symbols | hi.free_symbols | constant.free_symbols)}
    written = [_as_indexed(outer * t, bases, letters) for t in terms]

    def general(j: sp.Expr) -> sp.Expr:
        return constant * total.function.xreplace({index: j})

    def steps(start: sp.Expr, stop: sp.Expr) -> list[sp.Expr]:
        near = [start + d for d in range(_REACH + 1)] + [stop - d for d in range(_REACH + 1)]
        unique: list[sp.Expr] = []
        for j in near:
            if not any(_same(j, u) for u in unique):
                unique.append(j)
        return unique

    def matches(start: sp.Expr, stop: sp.Expr) -> list[sp.Expr] | None:
        found: list[sp.Expr] = []
        for term in written:
            j = next((j for j in steps(start, stop) if _same(term, general(j))), None)
            if j is None or any(_same(j, f) for f in found):
                return None
            found.append(j)
        return found

    found = matches(lo, hi)
    name = printing.text(index)
    if found is not None and any(_same(j, lo) for j in found) and any(_same(j, hi) for j in found):
        return Reading("true", f"the terms written are the sum's at {name} = {printing.text(lo)}, …, "
                               f"{printing.text(hi)}")
    for shift_lo, shift_hi in ((0, 1), (0, -1), (1, 0), (-1, 0), (0, 2), (0, -2)):
        start, stop = lo + shift_lo, hi + shift_hi
        found = matches(start, stop)
        if found is not None and any(_same(j, start) for j in found) and any(_same(j, stop) for j in found):
            which = ("start", start, lo) if shift_lo else ("end", stop, hi)
            return Reading("false", f"the written terms {which[0]} at {name} = {printing.text(which[1])}, the sum "
                                    f"{which[0]}s at {name} = {printing.text(which[2])}")
    return None


def _geometric(outer: sp.Expr, terms: list[sp.Expr], other: sp.Expr, seconds: float) -> Reading | None:
    """``c·(β^{e₀} + β^{e₀+1} + ⋯ + β^{e_last})`` against a closed form."""
    powers: list[tuple[sp.Expr, sp.Expr, sp.Expr]] = []  # (coefficient, base, exponent)
    for term in terms:
        coefficient, rest = term.as_independent(*term.free_symbols, as_Add=False) \
            if term.free_symbols else (term, sp.Integer(1))
        if rest == 1:
            powers.append((coefficient, sp.Integer(0), sp.Integer(0)))
        elif isinstance(rest, sp.Pow):
            powers.append((coefficient, rest.base, rest.exp))
        elif isinstance(rest, sp.Symbol):
            powers.append((coefficient, rest, sp.Integer(1)))
        else:
            return None
    bases = {b for _, b, e in powers if e != 0}
    coefficients = {c for c, _, _ in powers}
    if len(bases) != 1 or len(coefficients) != 1:
        return None
    (base,) = bases
    if not isinstance(base, sp.Symbol):
        return None
    exponents = [e for _, _, e in powers]
    numbers = sorted(int(e) for e in exponents if e.is_Integer)
    symbolic = [e for e in exponents if not e.is_number]
    # the first exponents written one by one (0, 1, 2), the last one in letters (t − 1): 1 + β + ⋯ + β^5, all in
    # numbers, has no end to read, and a term β^{1/2} belongs to no such run
    if len(numbers) < 2 or len(symbolic) != 1 or len(numbers) + 1 != len(exponents) \
            or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    last = symbolic[0]
    (coefficient,) = coefficients
    known = {base} | last.free_symbols | outer.free_symbols | coefficient.free_symbols
    if not other.free_symbols <= known:
        return None  # s_t = 1 + β + ⋯ under s_t's recurrence: the other side is not a closed form to compare
    j = sp.Dummy("j", integer=True)
    series = outer * coefficient * sp.Sum(base ** j, (j, numbers[0], last))
    closed = sp.simplify(series.doit())
    if isinstance(closed, sp.Piecewise):  # β = 1 is not the notes' case (0 < β < 1)
        closed = closed.args[-1][0] if closed.args[-1][1] == sp.true else closed.args[0][0]
    verdict = compare(closed, other, seconds=seconds)
    written = printing.text(outer * coefficient * sp.Sum(base ** j, (j, numbers[0], last)).xreplace({j: sp.Symbol("j")}))
    if verdict.status == "true":
        return Reading("true", f"a geometric sum: {written}")
    if verdict.status == "false":
        return Reading("false", f"the written terms are the geometric sum {written} = "
                                f"{printing.text(printing.textbook(closed))}")
    return None


#: Where a written run may start: 1 + 2 + ⋯ + n at k = 1, 1 + 2 + 4 + ⋯ + 2^n at k = 0.
_STARTS = (1, 0, 2)


def _general_term(outer: sp.Expr, terms: list[sp.Expr], other: sp.Expr, seconds: float) -> Reading | None:
    """``t₁ + t₂ + ⋯ + f(n)`` with ``t₁ = f(s)``, ``t₂ = f(s + 1)``: the sum of ``f`` from ``s`` to ``n``."""
    *first, last = terms
    counters = [s for s in last.free_symbols if not any(s in t.free_symbols for t in first)]
    if len(first) < 2 or len(counters) != 1:
        return None
    (n,) = counters
    known = last.free_symbols | outer.free_symbols | set().union(*(t.free_symbols for t in first))
    if not other.free_symbols <= known:
        return None
    k = sp.Dummy("k", integer=True)
    general = last.xreplace({n: k})
    starts = [s for s in _STARTS if all(_same(t, general.xreplace({k: s + i})) for i, t in enumerate(first))]
    if len(starts) != 1:
        return None
    series = outer * sp.Sum(general, (k, starts[0], n))
    closed = sp.factor(sp.simplify(series.doit()))
    if closed.has(sp.Sum) or isinstance(closed, sp.Piecewise):
        return None
    verdict = compare(closed, other, seconds=seconds)
    written = printing.text(series.xreplace({k: sp.Symbol("k")}))
    if verdict.status == "true":
        return Reading("true", f"the written terms are {written}")
    if verdict.status == "false":
        return Reading("false", f"the written terms are {written} = {printing.text(printing.textbook(closed))}")
    return None
