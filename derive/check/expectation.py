r"""Expectations, variances and covariances as linear operators, for the verifier.

Why: statistics notes (bias correction, variance of an estimator) write ``\mathbb{E}[a X + b] = a\mathbb{E}[X] + b``
or ``\operatorname{Var}(aX + b) = a^2 \operatorname{Var}(X)``. These links follow from linearity alone, so the
checker proves them by reading each operator into opaque quantities: Var X as E[X²] − E[X]², Cov(X, Y) as
E[XY] − E[X]E[Y], and E[·] split over sums with the constants (hyperparameters, the step) pulled out. What is
left, ``E[X^2]``, ``E_p[f(x)]``, is a symbol named after its argument and its subscript (E_p and E_q differ).

A link these readings do not make true is refuted only when nothing unmodelled could make it true: an
expectation of a product of two random quantities (E[XY] = E[X]E[Y] needs independence), of several steps of
one sequence (E[g_t] = E[g] needs stationarity), or of one argument under two subscripts leaves it undecided,
with that reason. Independence and stationarity are used only to prove, and only when the document states them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.symbol import Str

from .. import printing
from .. import symbols as S
from . import conditional
from .latex import Covariance, Expect, Variance
from .recurrence import read as read_index

__all__ = ["Reading", "has_statistics", "read"]

_GREEK_NAME = re.compile(r"^\\[a-zA-Z]+$")
_ATOM_PREFIX = r"\mathbb{E}"
#: Words that state independence or stationarity of the random quantities.
INDEPENDENT = re.compile(r"\bindependen(?:t|ce|tly)\b|\bi\.\s?i\.\s?d\b|\biid\b|\bнезависим|独立", re.IGNORECASE)
STATIONARY = re.compile(r"\bstationar(?:y|ity)\b|\bidentically distributed\b|\bi\.\s?i\.\s?d\b|\biid\b"
                        r"|\bстационарн|平稳", re.IGNORECASE)


def has_statistics(expr: sp.Expr) -> bool:
    return bool(expr.has(Expect, Variance, Covariance))


def inside(left: sp.Expr, right: sp.Expr) -> set[sp.Symbol]:
    """The names read only inside an expectation or variance when both sides hold one: moments of one random
    quantity written with and without its step (E[g_i], E[g]) are not a new name on one side."""
    if not (has_statistics(left) and has_statistics(right)):
        return set()
    within = {x for side in (left, right) for op in side.atoms(Expect, Variance, Covariance) for x in op.free_symbols}
    return within - _outside(left) - _outside(right)


def constant(sym: sp.Symbol) -> bool:
    """Not random, for an expectation: a hyperparameter (declared, or a bare Greek letter), the step, or an
    expectation already taken (E[E[X]] = E[X])."""
    if sym.name.startswith(_ATOM_PREFIX):
        return not conditional.in_name(sym.name)  # E[y | x] is a function of x: random, not a number
    if S.role(sym) in ("hyper", "index") or sym.name in ("t", "k", "n", "T"):
        return True
    return read_index(sym) is None and bool(_GREEK_NAME.match(sym.name)) and sym.name != r"\xi"


@dataclass
class Reading:
    """Both sides with every operator read as opaque expectations, and what a refutation would rest on."""

    left: sp.Expr
    right: sp.Expr
    written: tuple[sp.Expr, sp.Expr] = (sp.Integer(0), sp.Integer(0))  # the sides before the reading
    atoms: dict[sp.Symbol, tuple[sp.Expr, str]] = field(default_factory=dict)  # E-symbol -> (argument, label)
    assumed: list[str] = field(default_factory=list)  # independence/stationarity used to reach this reading

    def doubt(self) -> str | None:
        """Why a false verdict on this reading may only lack a fact that is not modelled; None if none."""
        if any(f.has(Expect, Variance, Covariance) for side in self.written
               for f in side.atoms(sp.Derivative, sp.core.function.AppliedUndef) if f.func.__name__.startswith("\\partial")
               or isinstance(f, sp.Derivative)):
            return "expectations: the derivative of an expectation (its distribution may depend on the variable)"
        bases: dict[str, set[sp.Symbol]] = {}
        if len({label for _, label in self.atoms.values()}) > 1:
            return "expectations: expectations under different distributions (E_p, E_q) are not modelled"
        for argument, _ in self.atoms.values():
            random = _random_factors(argument)
            if len(random) > 1 and self._independence_would_hold():
                return "expectations: E[XY] = E[X]E[Y] needs independence, not stated for these quantities"
            if argument.has(sp.Sum, sp.Indexed, sp.Limit, sp.Product):
                return "expectations: an expectation of a sum over steps is not modelled"
            for sym in argument.free_symbols:
                ix = read_index(sym)
                bases.setdefault(ix.base if ix is not None else sym.name, set()).add(sym)
        if any(len(syms) > 1 for syms in bases.values()):
            return "expectations: E[g_t] = E[g] across steps needs stationarity, not stated"
        inside = [{x for atom in side.free_symbols if atom in self.atoms for x in _random(self.atoms[atom][0])}
                  for side in (self.left, self.right)]
        if inside[0] != inside[1]:
            # E[μ̂] = μ, E[∇f_i(w)] = ∇f(w): what an expectation equals is a fact of the distribution
            return "expectations: an expectation equated with other quantities (the distribution is not modelled)"
        moments = [{x for x in side.free_symbols if x in self.atoms} for side in (self.left, self.right)]
        apart, common = moments[0] ^ moments[1], moments[0] & moments[1]
        if apart and max(self._order(x) for x in apart) >= max((self._order(x) for x in common), default=0):
            # E(X) = var(X) "for the Poisson law", √E(X) = E(√X) "is not true": a moment on one side that no moment on
            # both reaches, which only the law relates (a lower one left over, E[Y]μ beside E[Y²], is a slip)
            return ("expectations: the sides hold different moments, which the law of the quantity may relate "
                    "(the distribution is not modelled)")
        return None

    def _independence_would_hold(self) -> bool:
        """Would the sides agree with every product of distinct random factors split (E[XY] as E[X]E[Y])? Only then
        is a refutation doubted for the independence it lacks: E(X − EX)(Y − EY) = E(XY) + EX·EY fails either way."""
        split = read(*self.written, independent=True)
        try:
            return sp.expand(split.left - split.right) == 0
        except (TypeError, ValueError):
            return True

    def _order(self, atom: sp.Symbol) -> float:
        """The order of the moment an expectation symbol stands for (E[X²]: 2); one of no polynomial counts as the
        highest."""
        argument = self.atoms[atom][0]
        random = [x for x in argument.free_symbols if not constant(x)]
        try:
            return float(sp.Poly(argument, *random).total_degree()) if random else 0.0
        except sp.PolynomialError:
            return float("inf")

    def mean_letter(self, seconds: float) -> str | None:
        """Why a refutation may rest on a letter's meaning: ``E[X²] − 2E[X]μ + μ² = E[X²] − μ²`` holds once μ is
        E[X], the mean μ usually names, and fails otherwise. Notes say so in words ("the mean of X is μ") that the
        checker does not bind, so such a link is undecided with that reason. None when putting E[V] for μ (or μ_V)
        does not make the sides agree."""
        from ..proof import compare

        free = self.left.free_symbols | self.right.free_symbols
        means = sorted((x for x in free if _MEAN_LETTER.match(x.name)), key=str)
        targets = sorted(((sym, argument) for sym, (argument, label) in self.atoms.items()
                          if not label and sym in free), key=lambda t: str(t[0]))
        for mu in means:
            named = _MEAN_LETTER.match(mu.name).group(1)  # type: ignore[union-attr]
            for sym, argument in targets:
                if named and named != getattr(argument, "name", None):
                    continue  # μ_Y is no mean of X (nor of X², whose mean μ alone may name)
                swap = {mu: sym}
                if compare(self.left.xreplace(swap), self.right.xreplace(swap), seconds=seconds).status == "true":
                    shown = printing.text(argument)
                    return (f"it holds when {printing.text(mu)} = E[{shown}] (the mean of {shown}, as μ usually "
                            "names), which no formula here states")
        return None


#: The letter of a mean (``μ``, ``μ_X``, ``\mu_{X}``), its subscript naming the random quantity.
_MEAN_LETTER = re.compile(r"^(?:μ|\\mu)(?:_\{?([A-Za-z])\}?)?$")


#: "i is drawn uniformly at random", "равномерно", "均匀": an index sampled with equal probabilities.
UNIFORM = re.compile(r"\buniform(?:ly)?\b|\bequal(?:ly likely| probabilit)|\bat random\b|\bравномерн|均匀|等概率",
                     re.IGNORECASE)
#: The range such an index runs over: {1, …, n}, i = 1, …, n, [n].
_INDEX_RANGE = re.compile(r"\\?\{\s*1\s*,\s*(?:\\[lc]?dots|\.\.\.|…)\s*,\s*([A-Za-z])\s*\\?\}"
                          r"|=\s*1\s*,\s*(?:\\[lc]?dots|\.\.\.|…)\s*,\s*([A-Za-z])\b|\\in\s*\[\s*([A-Za-z])\s*\]")


def uniform_indices(text: str) -> dict[str, sp.Symbol]:
    """The index letters the text says are drawn uniformly, each with the count it runs up to: "pick i
    uniformly at random from {1, …, n}" gives ``{"i": n}``. The letter is taken from a subscript of an
    expectation the text writes (``\\mathbb{E}_i``, ``\\mathbb{E}_{i}``); empty when the text states no uniform
    draw or no range, so the reading is used only on the text's own word."""
    if not UNIFORM.search(text):
        return {}
    counts = {next(g for g in m.groups() if g) for m in _INDEX_RANGE.finditer(text)}
    if len(counts) != 1:
        return {}
    (count,) = counts
    letters = set(re.findall(r"\\mathbb\{E\}_\{?\s*([a-z])\s*\}?(?=\s*[\[(\\])", text))
    return {letter: S.symbol(count) for letter in letters if letter != count}


def read(left: sp.Expr, right: sp.Expr, *, independent: bool = False, stationary: bool = False,
         uniform: dict[str, sp.Symbol] | None = None) -> Reading:
    """Read every Var, Cov and E on both sides linearly (see the module docstring). ``independent``: the
    document states independence, so E[XY] is E[X]E[Y] for distinct random factors; ``stationary``: it states
    stationarity, so E[g_t] is E[g] for every step. A name the link writes outside every operator
    (``a`` in E[aX + b] = aE[X] + b) is a number to the author, so it is a constant inside too."""
    # (X, Y, Z are random by the convention of statistics, written outside an expectation or not: E(X)/E(Y) = X/Y
    # is no identity)
    outside = {x for x in _outside(left) | _outside(right) if not _RANDOM_LETTER.match(x.name)}
    if uniform:
        left, right = _uniform_means(left, uniform), _uniform_means(right, uniform)
    reading = Reading(left, right, (left, right))
    reading.left = _read_side(left, reading, independent, stationary, outside)
    reading.right = _read_side(right, reading, independent, stationary, outside)
    return reading


def _uniform_means(expr: sp.Expr, uniform: dict[str, sp.Symbol]) -> sp.Expr:
    """``E_i[X_i]`` for an index drawn uniformly from 1…n: the mean ``(1/n) Σ_{i=1}^{n} X_i``, when X reads i
    (a name or a function with the subscript i, as the sums of the notes write them)."""
    def mean(e: Expect) -> sp.Expr:
        label = e.args[1].name if len(e.args) == 2 else ""
        if label not in uniform:
            return e
        sub = re.compile(r"_\{?" + re.escape(label) + r"\}?(?![A-Za-z])")
        names = [x.name for x in e.args[0].free_symbols] + \
            [type(f).__name__ for f in e.args[0].atoms(sp.core.function.AppliedUndef)]
        if not any(sub.search(name) for name in names):
            return e
        index = S.symbol(label)
        return sp.Sum(e.args[0], (index, 1, uniform[label])) / uniform[label]
    return expr.replace(lambda e: isinstance(e, Expect), mean)


#: The letters statistics keeps for random variables (``X``, ``Y_i``, ``Z_{n}``).
_RANDOM_LETTER = re.compile(r"^[XYZ](?:_.*)?$")


def _outside(expr: sp.Expr) -> set[sp.Symbol]:
    """Names written outside every operator and every sum (under Σ_i, ∇f_i(x) may stand for many)."""
    held = expr.replace(lambda e: isinstance(e, (Expect, Variance, Covariance, sp.Sum, sp.Product)),
                        lambda e: sp.Dummy())
    return {x for x in held.free_symbols if isinstance(x, sp.Symbol) and not isinstance(x, sp.Dummy)}


def _random(argument: sp.Expr) -> set[sp.Basic]:
    """The random quantities an expectation's argument reads (a sequence g_i counts as g)."""
    out: set[sp.Basic] = {ix.base for ix in argument.atoms(sp.Indexed)}
    held = argument.replace(lambda e: isinstance(e, sp.Indexed), lambda e: sp.Dummy())
    return out | {x for x in held.free_symbols if not isinstance(x, sp.Dummy) and not constant(x)}


def _read_side(expr: sp.Expr, reading: Reading, independent: bool, stationary: bool,
               outside: set[sp.Symbol]) -> sp.Expr:
    expr = expr.replace(lambda e: isinstance(e, Variance),
                        lambda e: Expect(e.args[0] ** 2, *e.args[1:]) - Expect(e.args[0], *e.args[1:]) ** 2)
    expr = expr.replace(lambda e: isinstance(e, Covariance),
                        lambda e: Expect(e.args[0] * e.args[1], *e.args[2:])
                        - Expect(e.args[0], *e.args[2:]) * Expect(e.args[1], *e.args[2:]))

    def linear(argument: sp.Expr, label: str, bound: frozenset[sp.Symbol]) -> sp.Expr:
        out = sp.Integer(0)
        drawn = _drawn(label)
        for term in sp.Add.make_args(sp.expand(argument)):
            random = [x for x in term.free_symbols if isinstance(x, sp.Symbol) and x not in bound and not constant(x)
                      and (x not in outside or any(v.search(x.name) for v in drawn))]
            const, rest = term.as_independent(*random, as_Add=False) if random else (term, sp.Integer(1))
            if rest == 1:
                out += const
                continue
            if isinstance(rest, sp.Sum) and len(rest.limits) == 1:
                # E[Σ_i c_i X_i] = Σ_i c_i E[X_i]: a finite sum is a sum of terms
                out += const * sp.Sum(linear(rest.function, label, bound | {rest.limits[0][0]}), rest.limits)
                continue
            factors = [rest] if not independent else _split_independent(rest)
            if len(factors) > 1:
                reading.assumed.append("the independence the text states")
            value = const
            for factor in factors:
                if stationary:
                    plain = _stationary(factor)
                    if plain != factor:
                        reading.assumed.append("the stationarity the text states")
                        factor = plain
                value *= _atom(factor, label, reading, bound)
            out += value
        return out

    def walk(e: sp.Expr, bound: frozenset[sp.Symbol]) -> sp.Expr:
        if isinstance(e, Expect):
            return linear(walk(e.args[0], bound), e.args[1].name if len(e.args) > 1 else "", bound)
        if not e.args or not e.has(Expect):
            return e
        if isinstance(e, (sp.Sum, sp.Product)):  # Σ_i E[g_i]: the index is bound inside
            inner = bound | {lim[0] for lim in e.limits}
            return e.func(walk(e.function, inner), *e.limits)
        return e.func(*(walk(a, bound) for a in e.args))

    return walk(expr, frozenset())


def _drawn(label: str) -> list[re.Pattern[str]]:
    """The variables an expectation's subscript draws (i in E_i, x in E_{x∼p}): a name that reads one is random."""
    names = re.split(r"\\approx|\\in\b", label)[0] if label else ""
    return [re.compile(r"(?<![A-Za-z\\])" + re.escape(v) + r"(?![A-Za-z])")
            for v in re.split(r"[\s,]+", names) if v and re.fullmatch(r"\\?[A-Za-z]+", v)]


def _atom(argument: sp.Expr, label: str, reading: Reading, bound: frozenset[sp.Symbol]) -> sp.Expr:
    """E[X] as a symbol named after X and the label; E[g_i] under Σ_i as the sequence E[g]_i (its value may
    depend on the step), and anything else that reads a bound index as the expectation left whole."""
    prefix = _ATOM_PREFIX + (f"_{{{label}}}" if label else "")
    indexed = [ix for ix in argument.atoms(sp.Indexed) if ix.free_symbols & bound]
    if indexed:
        if len(indexed) > 1 or len({ix.base for ix in argument.atoms(sp.Indexed)}) > 1:
            reading.atoms[sp.Symbol(prefix + "[…]")] = (argument, label)  # several sequences: kept whole
            return Expect(argument, *([Str(label)] if label else []))
        (ix,) = indexed
        plain = argument.xreplace({ix: sp.Symbol(str(ix.base))})
        if plain.free_symbols & bound:
            reading.atoms[sp.Symbol(prefix + "[…]")] = (argument, label)
            return Expect(argument, *([Str(label)] if label else []))
        sequence = sp.IndexedBase(prefix + "[" + printing.latex(plain) + "]")
        reading.atoms[sp.Symbol(sequence.name)] = (argument, label)
        return sequence[ix.indices]
    sym = S.symbol(prefix + "[" + printing.latex(argument) + "]")
    reading.atoms[sym] = (argument, label)
    return sym


def _random_factors(argument: sp.Expr) -> set[sp.Expr]:
    """The distinct random bases of a product (g_t² v_t → {g_t, v_t})."""
    out: set[sp.Expr] = set()
    for factor in sp.Mul.make_args(argument):
        base = factor.base if isinstance(factor, sp.Pow) and factor.exp.is_Integer else factor
        if base.free_symbols and not all(constant(x) for x in base.free_symbols):
            out.add(base)
    return out


def _split_independent(rest: sp.Expr) -> list[sp.Expr]:
    """A product of powers of distinct random symbols, one factor per symbol (E[XY] = E[X]E[Y] under stated
    independence); anything else stays whole."""
    groups: dict[sp.Expr, sp.Expr] = {}
    for factor in sp.Mul.make_args(rest):
        base = factor.base if isinstance(factor, sp.Pow) else factor
        if not isinstance(base, sp.Symbol):
            return [rest]
        groups[base] = groups.get(base, sp.Integer(1)) * factor
    return list(groups.values())


def _stationary(argument: sp.Expr) -> sp.Expr:
    """g_t, g_{t-1}, g_i → g: under stated stationarity every step of a sequence has the same moments."""
    swap: dict[sp.Expr, sp.Expr] = {}
    for ix in argument.atoms(sp.Indexed):
        swap[ix] = S.symbol(str(ix.base))
    for sym in argument.free_symbols:
        found = read_index(sym)
        if found is not None and found.letter is not None and not constant(sym):
            swap[sym] = S.symbol(found.base)
    return argument.xreplace(swap)


def moment_of_step(moment: sp.Expr, value: sp.Expr) -> bool:
    """Is ``moment = value`` the mean of a sequence at a general step (``E[g_k] = g``, ``E[g_t] = μ``), its value
    not reading the step? Such a statement, made for every step, is put into expectations of sums over steps."""
    if not isinstance(moment, Expect) or len(moment.args) != 1 or not isinstance(moment.args[0], sp.Symbol):
        return False
    ix = read_index(moment.args[0])
    return ix is not None and ix.letter is not None and ix.offset == 0 and not any(
        x.name == ix.letter for x in value.free_symbols)


def put_moments(expr: sp.Expr, moments: list[tuple[sp.Expr, sp.Expr]]) -> sp.Expr:
    """``expr`` read by :func:`read`, with the stated means put in: ``E[g]_k`` (the mean of g at a step a sum
    runs over) and ``E[g_t]`` become the value stated for ``E[g_k]``."""
    by_base: dict[str, sp.Expr] = {}
    for moment, value in moments:
        ix = read_index(moment.args[0])
        if ix is not None:
            by_base[ix.base] = value
    mapping: dict[sp.Basic, sp.Expr] = {}
    for atom in expr.atoms(sp.Indexed):
        label = str(atom.base.label)
        for base, value in by_base.items():
            if label == f"{_ATOM_PREFIX}[{base}]":
                mapping[atom] = value
    for sym in expr.free_symbols:
        if isinstance(sym, sp.Symbol) and sym.name.startswith(_ATOM_PREFIX + "[") and sym.name.endswith("]"):
            ix = read_index(sp.Symbol(sym.name[len(_ATOM_PREFIX) + 1:-1]))
            if ix is not None and ix.base in by_base:
                mapping[sym] = by_base[ix.base]
    return expr.xreplace(mapping) if mapping else expr
