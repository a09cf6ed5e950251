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
from .. import symbols as S
from ..budget import time_budget
from ..errors import BudgetExceeded
from ..proof import compare
from .recurrence import read as read_index

#: How far from a bound a written term may sit (x_1 + x_2 + x_3 + ⋯ + x_{n−1} + x_n).
_REACH = 3
#: The label Σ notation gives a quantity indexed by a bracketed superscript (``x^{(n)}`` is ``x^{(·)}[n]``).
_SUP = "^{(\\cdot)}"


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
    if total is not None and (against := _against_sum(outer, terms, *total)) is not None:
        return against
    if (family := _as_family_sum(outer, terms, other, dots, seconds)) is not None:
        return family  # x^{(1)} + ⋯ + x^{(N)}: a family the plain reading does not index, or two written sums
    if total is not None:
        return power_series(outer, terms, other, seconds)
    if other.has(sp.Sum):
        return _beside_sum(outer, terms, other)
    return (_geometric(outer, terms, other, seconds) or _general_term(outer, terms, other, seconds)
            or _telescoping(outer, terms, other, seconds) or power_series(outer, terms, other, seconds))


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
        if ix is None or getattr(ix, "more", None):
            continue
        label = ix.base + _SUP if ix.style == "sup" and ix.base + _SUP in bases else ix.base
        if label not in bases:
            continue
        if ix.letter is None:
            mapping[sym] = bases[label][ix.offset]
        elif ix.letter in letters:
            mapping[sym] = bases[label][letters[ix.letter] + ix.offset]
    return term.xreplace(mapping) if mapping else term


def _same(a: sp.Expr, b: sp.Expr) -> bool:
    return sp.expand(a - b) == 0


def _against_sum(outer: sp.Expr, terms: list[sp.Expr], constant: sp.Expr, total: sp.Sum) -> Reading | None:
    index, lo, hi = total.limits[0]
    if any(inner.limits[0][0] == index for inner in total.function.atoms(sp.Sum)):
        return None  # Σ(X_i − X̄)² with X̄ = (1/n)Σ X_i put in: the inner sum binds the same i, no term to instantiate
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


def as_sum(outer: sp.Expr, terms: list[sp.Expr]) -> sp.Expr | None:
    """``t(1) + t(2) + ⋯ + t(N)`` whose terms are one indexed family (``(y^{(1)} − βx^{(1)})² + ⋯``): the sum
    ``c·Σ_{k=s}^{N} t(k)``, its quantities indexed as Σ notation indexes them (``x^{(k)}`` as ``x^{(·)}[k]``), so
    that it compares with a Σ the notes write, or with the same sum written out with other terms shown. The
    first terms fix the start (one is enough: the index of the family says what runs), the last term the end;
    None when the terms are no such family."""
    running = {ix.base for sym in terms[-1].free_symbols
               if isinstance(sym, sp.Symbol) and (ix := read_index(sym)) is not None and ix.letter is not None}
    indexed = [_family(outer * t, running) for t in terms]
    if any(t is None for t in indexed):
        return None
    *first, last = indexed
    places = {s for ix in last.atoms(sp.Indexed) for i in ix.indices for s in i.free_symbols}
    counters = [s for s in places if not any(s in t.free_symbols for t in first)]
    if not first or len(counters) != 1:  # (x^{(1)} + ⋯ + x^{(N)}: the family's index says what runs)
        return None
    (n,) = counters
    k = sp.Symbol("k", integer=True)
    if k in last.free_symbols or any(k in t.free_symbols for t in first):
        return None
    general = last.xreplace({n: k})
    start = _start(first, general, k)
    return None if start is None else sp.Sum(general, (k, start, n))


def _as_family_sum(outer: sp.Expr, terms: list[sp.Expr], other: sp.Expr, dots: sp.Symbol,
                   seconds: float) -> Reading | None:
    """Both sides as sums of one indexed family: the side written out with ``⋯`` whose terms fix a general one
    (:func:`as_sum`) against the other — its own written terms, when it has an ellipsis too (they may show other
    instances: 1, 2, N against 1, N), or the Σ it writes (:func:`derive.check.sums.prove`, for every N and
    every value). "false" only where the slip is in sight: written ends that miss the sum's bounds, a written
    term off the other side's general term (:func:`_stray`), or summands that differ for every value; None
    when nothing here decides (the caller's comparison goes on)."""
    from . import sums

    mine = as_sum(outer, terms)
    if other.has(dots):
        o_outer, o_terms = _terms(other, dots)
        if o_terms is None or len(o_terms) < 2:
            return None
        theirs = as_sum(o_outer, o_terms)
        if theirs is not None and (shown := _against_sum(outer, terms, sp.Integer(1), theirs)) is not None:
            return shown
        if mine is not None and (shown := _against_sum(o_outer, o_terms, sp.Integer(1), mine)) is not None:
            return shown
        if mine is not None and (shown := _at_places(mine, other, dots)) is not None:
            return shown  # ∂/∂d{…}: its terms' derivatives added up by SymPy (2d + 2d = 4d), compared as a whole
        if mine is not None and theirs is None and (stray := _stray(o_outer, o_terms, mine)) is not None:
            return stray  # one side's terms agree on a general term, the other's written terms do not all fit it
        if theirs is not None and mine is None and (stray := _stray(outer, terms, theirs)) is not None:
            return stray
        if mine is None or theirs is None:
            return None
        other = theirs  # both written out, with general terms of their own: compared as the sums they are
    if mine is None or not other.has(sp.Sum):
        return None
    try:
        with time_budget(seconds):
            why = sums.prove(mine, other, seconds=seconds)
    except BudgetExceeded:
        return None
    if why is None:
        return None
    if why == sums.DIFFER:
        return Reading("false", f"the written terms are {_shown(mine)}, and its terms differ from those of "
                                f"{_shown(other)}")
    return Reading("true", f"the written terms are {_shown(mine)}; {why}")


def _at_places(total: sp.Sum, other: sp.Expr, dots: sp.Symbol) -> Reading | None:
    """``other`` written out with ``⋯`` but with its terms merged (SymPy adds ``2d + 2d`` into ``4d``, so no term
    of it is one place's): what it shows besides the ellipsis is compared with ``total``'s terms at the places it
    shows, which must include both ends. "true" when they agree, else None (the other readings go on)."""
    coefficient = other.coeff(dots)
    if coefficient == 0 or coefficient.has(dots) or not isinstance(other, sp.Add):
        return None
    index, lo, hi = total.limits[0]
    labels = {str(ix.base.label) for ix in total.function.atoms(sp.Indexed)}
    rest = _family(sp.expand(other - coefficient * dots), {label.replace(_SUP, "") for label in labels})
    if rest is None:
        return None
    places = {ix.indices[0] for ix in rest.atoms(sp.Indexed) if str(ix.base.label) in labels}
    if not any(_same(p, lo) for p in places) or not any(_same(p, hi) for p in places):
        return None
    expected = sp.Add(*(total.function.xreplace({index: p}) for p in places))
    if not _same(rest, expected):
        return None
    name = printing.text(index)
    return Reading("true", f"the terms written are the sum's at {name} = {printing.text(lo)}, …, {printing.text(hi)}")


def _stray(outer: sp.Expr, terms: list[sp.Expr], total: sp.Sum) -> Reading | None:
    """The first written term (of ``c·(t_1 + ⋯ + t_N)``) that is not ``total``'s term at the place its family
    index names: "false" naming it and what the sum has there; None when every term fits or a place is unclear."""
    index, _lo, _hi = total.limits[0]
    running = {str(ix.base.label) for ix in total.function.atoms(sp.Indexed)}
    bases = {label.replace(_SUP, "") for label in running}
    for term in terms:
        family = _family(outer * term, bases)
        if family is None:
            return None
        places = {ix.indices[0] for ix in family.atoms(sp.Indexed) if str(ix.base.label) in running}
        if len(places) != 1:
            return None
        (place,) = places
        expected = total.function.xreplace({index: place})
        at = {s for ix in family.atoms(sp.Indexed) for i in ix.indices for s in i.free_symbols}
        plain = {x for x in family.free_symbols if not isinstance(x, sp.Indexed) and str(x) not in running} - at
        if not plain <= total.function.free_symbols:
            return None  # a quantity the other side never writes (∂f/∂x_1 for a_1): its value is not in sight here
        if not _same(family, expected):
            return Reading("false", f"the written term {_shown(family)} is not the sum's term at "
                                    f"{printing.text(index)} = {printing.text(place)}, {_shown(expected)} "
                                    f"(the other side's terms are {_shown(total)})")
    return None


def _shown(expr: sp.Expr) -> str:
    """A sum of a family as the notes write it: ``x^{(·)}[n]`` printed ``x^{(n)}``."""
    mapping = {ix: sp.Symbol(str(ix.base.label).replace(_SUP, "^{(" + printing.text(ix.indices[0]) + ")}"))
               for ix in expr.atoms(sp.Indexed) if str(ix.base.label).endswith(_SUP) and len(ix.indices) == 1}
    return printing.text(expr.xreplace(mapping))


def _family(term: sp.Expr, running: set[str]) -> sp.Expr | None:
    """``term`` with its names of the ``running`` families (``x^{(1)}``, ``y_{N}``: those the last term indexes
    by a letter) as ``x^{(·)}[1]``, ``y[N]``; None when it has none. A parameter's own subscript (``β_0``, ``β_1``
    in every term) is its name, not a place in the sum."""
    mapping: dict[sp.Basic, sp.Expr] = {}
    for sym in term.free_symbols:
        ix = read_index(sym) if isinstance(sym, sp.Symbol) else None
        if ix is None or getattr(ix, "more", None) or ix.base not in running:
            continue
        label = ix.base + (_SUP if ix.style == "sup" else "")
        place = ix.offset if ix.letter is None else S.symbol(ix.letter) + ix.offset
        mapping[sym] = sp.IndexedBase(label)[place]
    return term.xreplace(mapping) if mapping else None


def _start(first: list[sp.Expr], general: sp.Expr, k: sp.Symbol) -> int | None:
    """The one start s (of :data:`_STARTS`) at which the first written terms are ``general`` at s, s + 1, …; None
    when none or several fit."""
    starts = [s for s in _STARTS if all(_same(t, general.xreplace({k: s + i})) for i, t in enumerate(first))]
    return starts[0] if len(starts) == 1 else None


def _differences(term: sp.Expr) -> tuple[sp.Expr, sp.Symbol, sp.Symbol] | None:
    """``c·(b_{j+1} − b_j)``: the factor ``c`` and the two members of one family, the one added first; None for a
    term of any other shape."""
    members = [x for x in term.free_symbols if isinstance(x, sp.Symbol) and read_index(x) is not None]
    if len(members) != 2 or len({read_index(x).base for x in members}) != 1:  # type: ignore[union-attr]
        return None
    a, b = members
    ca, cb = sp.expand(term).coeff(a), sp.expand(term).coeff(b)
    if sp.expand(term - ca * a - cb * b) != 0 or sp.simplify(ca + cb) != 0 or ca.free_symbols & {a, b}:
        return None
    return (ca, a, b) if ca.could_extract_minus_sign() is False else (cb, b, a)


def _telescoping(outer: sp.Expr, terms: list[sp.Expr], other: sp.Expr, seconds: float) -> Reading | None:
    """``(b_2 − b_1) + ⋯ + (b_n − b_{n−1}) = b_n − b_1``: each written term the difference of two neighbours of one
    family, the first at numbered steps, the last at steps of a letter the first do not hold. The sum telescopes: all
    that is left is the last term's later member less the first term's earlier one (or, for ``b_j − b_{j+1}``, the
    first's earlier less the last's later). One first term is enough here: its two members fix the start."""
    *first, last = terms
    parts = [_differences(t) for t in terms]
    if not first or any(p is None for p in parts):
        return None
    (c0, p0, n0), (cl, pl, nl) = parts[0], parts[-1]  # type: ignore[misc]
    ix = {x: read_index(x) for x in (p0, n0, pl, nl)}
    if sp.simplify(c0 - cl) != 0 or len({i.base for i in ix.values()}) != 1 \
            or ix[p0].letter is not None or ix[n0].letter is not None \
            or ix[pl].letter is None or ix[pl].letter != ix[nl].letter \
            or any(ix[pl].letter in {str(x) for x in t.free_symbols} for t in first):
        return None
    step = ix[p0].offset - ix[n0].offset
    if step not in (1, -1) or ix[pl].offset - ix[nl].offset != step:
        return None
    for part in parts[1:-1]:
        c, p, n = part  # type: ignore[misc]
        if sp.simplify(c - c0) != 0 or read_index(p).letter is not None:  # type: ignore[union-attr]
            return None
    value = outer * c0 * ((pl - n0) if step == 1 else (p0 - nl))
    verdict = compare(value, other, seconds=seconds)
    if verdict.status == "undecided":
        return None
    telescoped = f"the sum telescopes to {printing.text(value)}"
    return Reading("true", telescoped) if verdict.status == "true" else Reading("false", f"{telescoped}, not this")


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
    start = _start(first, general, k)
    if start is None:
        return None
    series = outer * sp.Sum(general, (k, start, n))
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
