"""Deciding whether two expressions are equal: symbolically, and numerically on random values.

The engine proves every displayed form equal to the raw substitution result, and the notes checker
decides every link of a chain, with the same function: :func:`compare`. It answers

* ``true`` when the difference simplifies to zero *and* vanishes at random points (the numeric
  check guards against a simplification bug; the symbolic one against a lucky sample);
* ``false`` with a counterexample (concrete values and the residual) when the difference is clearly
  non-zero at a random point: a numeric witness is a proof of inequality on its own;
* ``undecided`` when the time budget runs out or the expressions cannot be evaluated.

Random values respect the symbols' assumptions (positive hyperparameters in (0, 1) where that is
their natural range, so that 1 − β₁ᵗ ≠ 0 and square roots stay real).
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Literal, Mapping

import mpmath
import sympy as sp

from . import limits
from . import symbols as S
from .budget import time_budget
from .errors import BudgetExceeded

Status = Literal["true", "false", "undecided"]

# Natural ranges, so that a counterexample reads like a plausible configuration.
_RANGES: dict[sp.Symbol, tuple[float, float]] = {
    S.beta1: (0.5, 0.95), S.beta2: (0.9, 0.999), S.mu: (0.5, 0.95), S.eps: (0.01, 0.1),
    S.eta: (0.01, 0.2), S.alpha: (0.1, 0.9), S.lam: (0.01, 0.3),
}


@dataclass(frozen=True)
class Verdict:
    """Whether two expressions are equal, why, and the point that refutes them when they are not."""

    status: Status
    reason: str = ""
    counterexample: Mapping[sp.Symbol, object] = field(default_factory=dict)
    residual: float | None = None

    def __bool__(self) -> bool:
        return self.status == "true"


def random_point(free: set[sp.Symbol], rng: random.Random, *, wide: bool = False) -> dict[sp.Symbol, sp.Expr]:
    """Random exact values (small rationals) for ``free``, within each symbol's natural range.

    ``wide`` samples the symbols without a declared range from eight times as far: for sides real only
    away from zero (``\\sqrt{h - 2}``), where no point of the usual range is in the domain."""
    point: dict[sp.Symbol, sp.Expr] = {}
    scale = 8 if wide else 1
    for s in sorted(free, key=lambda s: s.name):
        if s.is_integer:
            point[s] = sp.Integer(rng.randint(2, 7))
            continue
        default = (0.2, 1.8 * scale) if (s.is_positive or s.is_nonnegative) else (-1.5 * scale, 1.5 * scale)
        if s.is_negative or s.is_nonpositive:
            default = (-1.8 * scale, -0.2)  # x < 0 as the text states ("at −∞"): sampled where it holds
        elif s.name.startswith("\\") and not s.name.startswith("\\nabla") and not wide:
            default = (0.1, 0.9)  # an undeclared Greek letter is most likely a rate or coefficient
        lo, hi = _RANGES.get(s, default)
        value = sp.Rational(round(rng.uniform(lo, hi) * 1000), 1000)
        if value == 0:
            value = sp.Rational(1, 7)
        point[s] = value
    return point


_FUNCTIONS = {sp.Abs: abs, sp.sign: mpmath.sign, sp.exp: mpmath.exp, sp.log: mpmath.log,
              sp.sin: mpmath.sin, sp.cos: mpmath.cos, sp.tanh: mpmath.tanh}


#: Beyond e^{10^6} a value is no sample of anything a note computes: a point that needs it is skipped.
_EXP_LIMIT = 10 ** 6


def _mp(expr: sp.Basic, point: Mapping[sp.Symbol, sp.Expr]) -> mpmath.mpc:
    """Walk the tree in mpmath: an order of magnitude faster than ``xreplace`` + ``evalf`` (which
    first rebuilds the expression in exact arithmetic); anything unusual goes to ``evalf``."""
    if expr.is_Symbol:
        value = point[expr]  # KeyError: a free symbol without a value
        if not isinstance(value, sp.Basic):
            return value  # already an mpmath number: a row evaluated before (catalog_match.Variant.value)
        return mpmath.mpf(value.p) / value.q if value.is_Rational else mpmath.mpmathify(complex(value))
    if expr.is_Rational:
        return mpmath.mpf(expr.p) / expr.q
    if expr.is_Add:
        return mpmath.fsum(_mp(a, point) for a in expr.args)
    if expr.is_Mul:
        out = mpmath.mpf(1)
        for a in expr.args:
            out *= _mp(a, point)
        return out
    if expr.is_Pow:
        base, exp = _mp(expr.base, point), expr.exp
        if exp.is_Integer:
            return base ** int(exp)
        power = _mp(exp, point)
        if base != 0 and abs(power) * abs(mpmath.log(abs(base))) > _EXP_LIMIT:
            raise OverflowError("a power too large to evaluate")
        return mpmath.power(base, power)
    fn = _FUNCTIONS.get(type(expr))
    if fn is not None and len(expr.args) == 1:
        arg = _mp(expr.args[0], point)
        if fn is mpmath.exp and mpmath.re(arg) > _EXP_LIMIT:
            raise OverflowError("exp of a huge number")  # e^{e^{…}}: mpmath would try to hold every digit
        return fn(arg)
    if isinstance(expr, sp.Sum) and len(expr.limits) == 1 and (summed := _sum_mp(expr, point)) is not None:
        return summed
    value = expr.xreplace({k: _sym(v) for k, v in point.items()}).evalf(40)
    if not value.is_number:
        raise ValueError("not a number")
    return mpmath.mpmathify(complex(value))


def _sum_mp(total: sp.Sum, point: Mapping[sp.Symbol, sp.Expr]) -> mpmath.mpc | None:
    """``Σ_{x=lo}^{hi} f(x)`` at ``point``, term by term in mpmath: SymPy's ``evalf`` of ``Σ_{x≥0} (λe^{−s})^x/x!`` was
    off in the sixth digit, and a true series identity came out false. None when the bounds are not whole numbers
    at the point, the start is not finite or the range is long (``evalf`` decides then)."""
    var, lo, hi = total.limits[0]
    try:
        start = _mp(lo, point)
        end = mpmath.inf if hi is sp.oo else _mp(hi, point)
    except (TypeError, ValueError, KeyError, OverflowError):
        return None
    if not mpmath.isfinite(start) or start != mpmath.floor(start) \
            or (end != mpmath.inf and (end != mpmath.floor(end) or end - start > _SERIES_TERMS)):
        return None

    def term(k: int) -> mpmath.mpc:
        return _mp(total.function, {**point, var: sp.Integer(k)})
    if end != mpmath.inf:
        return mpmath.fsum(term(k) for k in range(int(start), int(end) + 1))
    # to infinity: added up until the terms no longer matter, or None — a series that does not settle within
    # _SERIES_TERMS (diverging, or too slow) is left to evalf, never extrapolated (Σ2^k would come out −1)
    partial, small = mpmath.mpf(0), 0
    for k in range(int(start), int(start) + _SERIES_TERMS):
        value = term(k)
        partial += value
        small = small + 1 if abs(value) <= mpmath.mpf(10) ** -45 * max(1, abs(partial)) else 0
        if small >= 5:
            return partial
    return None


#: The most terms of a series added at one point before it is left to SymPy.
_SERIES_TERMS = 2000


def _sym(value: object) -> sp.Expr:
    """A point's value as SymPy takes it (mpmath numbers come from rows evaluated before)."""
    if isinstance(value, sp.Basic):
        return value
    if isinstance(value, mpmath.mpf):
        return sp.Float(value, 40)
    return sp.sympify(complex(value))  # type: ignore[arg-type]


def evaluate(expr: sp.Expr, point: Mapping[sp.Symbol, sp.Expr]) -> mpmath.mpc | None:
    """``expr`` at ``point`` in 40-digit mpmath, or None where it is undefined (a pole, a free symbol)."""
    with mpmath.workdps(40):
        try:
            value = mpmath.mpmathify(_mp(expr, point))
        except (TypeError, ValueError, ZeroDivisionError, RecursionError, KeyError, OverflowError):
            return None
        except MemoryError:  # a number too large to hold (mpmath sizes its mantissa by the exponent)
            return None
        if not mpmath.isfinite(value):
            return None
        return value


def _under_roots(expr: sp.Expr) -> set[sp.Symbol]:
    """Symbols a fractional power or a logarithm is taken of (√x, log C): sampled non-negative."""
    out: set[sp.Symbol] = set()
    for power in expr.atoms(sp.Pow):
        if power.exp.is_Rational and not power.exp.is_Integer:
            out |= {s for s in power.base.free_symbols if not s.is_integer}
    for log in expr.atoms(sp.log):
        out |= {s for s in log.args[0].free_symbols if not s.is_integer}
    return out


def numeric_difference(lhs: sp.Expr, rhs: sp.Expr, *, samples: int = 4, seed: int = 1) -> Verdict:
    """Compare at random points only: ``false`` with a witness, or ``true`` meaning "agreed everywhere tried"."""
    lhs, rhs = sp.sympify(lhs), sp.sympify(rhs)
    free = lhs.free_symbols | rhs.free_symbols
    rooted = (_under_roots(lhs) | _under_roots(rhs)) & free  # a bound index under a root is not sampled
    rooted = {x for x in rooted if not (x.is_negative or x.is_nonpositive)}  # (x < 0 stated: √(x² − 1) stays real)
    counts = _bounds(lhs) | _bounds(rhs)
    # A side that holds the imaginary unit (the document made i² = −1) lives in the complex numbers: a value
    # with an imaginary part is its value there, not a sign of leaving the domain.
    complex_sides = lhs.has(sp.I) or rhs.has(sp.I)
    rng = random.Random(seed)
    tried = 0
    for attempt in range(samples * 6):
        if tried >= samples or (attempt == samples * 3 and tried):
            break  # the usual ranges first; the wide ones only when none of their points was in the domain
        point = random_point(free, rng, wide=attempt >= samples * 3)
        for s in rooted:  # √G_t: a square root in notes is of something non-negative
            if point[s] < 0:
                point[s] = -point[s]
        for s in counts & point.keys():  # Σ_{i=0}^{n}: a sum runs to a whole number, and a witness must say one
            point[s] = sp.Integer(2 + int(abs(point[s]) * 1000) % 6)  # (a bound that is no free letter: none)
        a = evaluate(lhs, point)
        b = evaluate(rhs, point)
        if a is None or b is None:
            continue
        scale = max(1.0, float(abs(a)))
        if not complex_sides and (abs(a.imag) > 1e-12 * scale or abs(b.imag) > 1e-12 * scale):
            continue  # outside the real domain the notes live in (log of a negative, a branch cut)
        d = a - b
        tried += 1
        if float(abs(d)) > 1e-9 * scale:
            return Verdict("false", "differs at a point", dict(point), float(abs(d)))
    if tried == 0:
        return Verdict("undecided", "could not evaluate at any random point")
    return Verdict("true", f"equal at {tried} random points")


def _bounds(expr: sp.Expr) -> set[sp.Symbol]:
    """The names a sum or product runs to or from (``n`` in ``Σ_{i=0}^{n}``), when a bound is that name alone."""
    found: set[sp.Symbol] = set()
    for total in expr.atoms(sp.Sum, sp.Product):
        for limit in total.limits:
            found.update(b for b in limit[1:] if isinstance(b, sp.Symbol))
    return found


def _split_roots(expr: sp.Expr) -> sp.Expr:
    """√(a/b) against √a·√(1/b): roots of products split, as the notes' roots are of non-negative quantities (the
    numeric check samples the names under roots non-negative for the same reason). It only ever proves."""
    return sp.cancel(sp.together(sp.expand_power_base(expr, force=True)))


def _split_logs(expr: sp.Expr) -> sp.Expr:
    """``log(ab) → log a + log b``, ``log(a^k) → k log a``: the logarithm rules for positive arguments, the only
    ones a real logarithm in notes takes (``log(e^{−x²/2σ²}/(√(2π)σ)) = −½log(2πσ²) − x²/2σ²``). Used only after
    the sides agreed at random points, and only to prove."""
    if not expr.has(sp.log):
        return expr
    return sp.expand(sp.expand_log(expr, force=True))


def _split_powers(expr: sp.Expr) -> sp.Expr:
    """``x^{n−1}`` against ``x^n/x``: a whole-number term of an exponent is split off (``x^{a+k} = x^a·x^k``), so
    powers of one base with exponents a whole number apart cancel (``(1 − 1/n)^{n−1} = n/(n−1)·(1 − 1/n)^n``).
    SymPy does not split them itself, since the rule fails at x = 0; it holds wherever both sides are defined,
    and is used only after the sides agreed at random points, and only to prove."""
    def split(power: sp.Pow) -> sp.Expr:
        whole, rest = power.exp.as_coeff_Add()
        if whole.is_Integer and whole != 0 and rest != 0:
            return sp.Pow(power.base, rest) * sp.Pow(power.base, whole)
        return power

    if not any(power.exp.is_Add for power in expr.atoms(sp.Pow)):
        return expr
    return sp.cancel(sp.together(expr.replace(lambda e: isinstance(e, sp.Pow) and e.exp.is_Add, split)))


def symbolic_zero(expr: sp.Expr) -> bool | None:
    """True if ``expr`` is identically zero, False if provably not, None if SymPy cannot tell."""
    expr = sp.sympify(expr)
    if expr == 0:
        return True
    for attempt in (sp.expand, lambda e: sp.cancel(sp.together(e)), _split_roots, _split_logs, _split_powers,
                    sp.simplify, _hyperbolic_as_exp):
        try:
            reduced = attempt(expr)
        except BudgetExceeded:
            raise
        except Exception:  # noqa: BLE001 - a SymPy bug in one rewrite (sum_simplify's StopIteration) proves nothing
            continue
        if reduced == 0:
            return True
        if reduced.is_number and reduced != 0 and attempt not in (_split_roots, _split_logs, _split_powers):
            return False  # (a root split under an assumption refutes nothing)
    return None


_HYPERBOLIC = (sp.sinh, sp.cosh, sp.tanh, sp.coth, sp.sech, sp.csch)


def _hyperbolic_as_exp(expr: sp.Expr) -> sp.Expr:
    """``tanh x − (1 − e^{−2x})/(1 + e^{−2x})``: hyperbolic functions written out in exponentials, where
    ``simplify`` leaves the two spellings side by side (tanh is a quotient of exponentials by definition)."""
    if not expr.has(*_HYPERBOLIC):
        return expr
    return sp.cancel(sp.together(expr.rewrite(sp.exp)))


def _decided(lhs: sp.Expr, rhs: sp.Expr) -> bool | None:
    """True when the sides are equal both ways, symbolically and at random points; False when they differ at a
    random point; else None."""
    numeric = numeric_difference(lhs, rhs).status
    if numeric == "false":
        return False
    return True if numeric == "true" and symbolic_zero(lhs - rhs) is True else None


def _whole(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each call of a function marked ``compared_whole`` (a cross product u × v of vectors left open)
    one symbol: no random number stands for a vector, so sampled as numbers it would never evaluate."""
    expr = sp.sympify(expr)
    if not isinstance(expr, sp.Basic):
        return expr
    whole = {a: sp.Symbol(str(a)) for a in expr.atoms(sp.Function) if getattr(a, "compared_whole", False)}
    return expr.xreplace(whole) if whole else expr


def compare(lhs: sp.Expr, rhs: sp.Expr, *, seconds: float = 2.0, seed: int = 1) -> Verdict:
    """Decide ``lhs == rhs`` as an identity in all free symbols, within ``seconds``."""
    lhs, rhs = _whole(lhs), _whole(rhs)
    ends = (sp.oo, -sp.oo)
    if sp.sympify(lhs) in ends or sp.sympify(rhs) in ends:  # lim_{x→−∞} f(x) = −∞: no random point evaluates it
        same = sp.sympify(lhs) == sp.sympify(rhs)
        if same or (lhs in ends and rhs in ends):
            return Verdict("true" if same else "false", "the same infinity" if same else "opposite infinities")
        if sp.sympify(lhs).is_number and sp.sympify(rhs).is_number and sp.sympify(lhs).is_finite is not None \
                and sp.sympify(rhs).is_finite is not None:
            return Verdict("false", "a finite number against an infinity")
    try:
        with time_budget(seconds):
            numeric = numeric_difference(lhs, rhs, seed=seed)
            if numeric.status == "undecided" and (sp.sympify(lhs).has(sp.Piecewise) or sp.sympify(rhs).has(sp.Piecewise)):
                from .piecewise import at_each_case

                cases = at_each_case(sp.sympify(lhs), sp.sympify(rhs), _decided)
                if cases is not None:  # a split defined at a few values only (x_i = 0, x_i = 1): checked at each
                    return Verdict("true", cases[1]) if cases[0] else \
                        Verdict("false", f"the sides differ at {cases[1]}", cases[2])
            if numeric.status != "true":
                return numeric
            difference = sp.sympify(lhs) - sp.sympify(rhs)
            too_large = limits.too_large(difference)
            if too_large is None and limits.expanded_terms(difference) > limits.MAX_TERMS:
                too_large = f"expanding the difference would give more than {limits.MAX_TERMS:,} terms"
            if too_large:
                return Verdict("undecided", f"too large to prove symbolically ({too_large})")
            zero = symbolic_zero(difference)
    except BudgetExceeded:
        return Verdict("undecided", f"time budget of {seconds:g} s exceeded")
    if zero is True:
        return Verdict("true", "symbolically equal; " + numeric.reason)
    if difference.has(sp.Piecewise):
        from .piecewise import equal_by_intervals

        try:
            with time_budget(seconds):
                by_cases = equal_by_intervals(sp.sympify(lhs), sp.sympify(rhs), symbolic_zero)
        except BudgetExceeded:
            by_cases = None
        if by_cases is not None:
            return Verdict("true", f"{by_cases}; {numeric.reason}")
    return Verdict("undecided", "numerically equal at random points but not proved symbolically")
