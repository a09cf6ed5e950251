r"""A probability law the words name, written with a slip: "the Poisson distribution $P(y|\lambda) = \lambda^y
e^{\lambda}/y!$" (the exponent's minus sign lost), a normal density without its ``\sqrt{2\pi}``.

Notes write a handful of laws over and over: Poisson, normal (Gaussian), exponential, Bernoulli, binomial. When
the words right before a formula name one of them and the formula is a single expression in as many letters
as the law has roles (rate and count, mean, deviation and point, ...), the formula is compared with the
law's own form under every way of giving its letters those roles, at random points in the law's domain
(counts whole, rates and deviations positive). A match under some pairing says nothing more; no match is
an error on the formula, which names the law's form. Only formulas that carry the law's mark are judged
(a factorial for Poisson, a square root or π for the normal, the binomial coefficient, powers of ``1 − p``
for Bernoulli, an exponential for the exponential law), so a likelihood, a log-density or a derivative
written under the same words is never taken for the law itself.
"""
from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sympy as sp
from sympy.core.function import AppliedUndef

from .bind import GRADIENT_PREFIX
from .findings import Finding

if TYPE_CHECKING:
    from .verify import DocumentChecker

_WINDOW = 160  # the heading or the clause right before the formula
_POINTS = 4


@dataclass(frozen=True)
class Law:
    """One law: the words that name it, its roles (with their domains), its forms and its mark."""

    name: str
    words: re.Pattern[str]
    roles: tuple[str, ...]  # "real", "positive", "count", "probability", "trials"
    forms: tuple[Callable[..., sp.Expr], ...]
    shown: str
    mark: Callable[[sp.Expr], bool]
    #: The law's distribution and survival functions, for a formula whose left side is an event's probability
    #: (``P(T > t) = e^{−λt}``, ``P(X ≤ x)``); a law without them leaves such a formula unjudged.
    events: tuple[Callable[..., sp.Expr], ...] = ()
    events_shown: str = ""


def _has_pow_of_one_minus(expr: sp.Expr) -> bool:
    """``(1 − p)^{1−y}``: ``1 − p`` raised to a power with a letter in it (``1/(θ(1 − θ))`` is no such power)."""
    return any(isinstance(p, sp.Pow) and isinstance(p.base, sp.Add) and 1 in p.base.args and p.exp.free_symbols
               for p in expr.atoms(sp.Pow))


LAWS = (
    Law("the Poisson distribution",
        re.compile(r"poisson|пуассон|ポアソン|泊松|푸아송|포아송", re.IGNORECASE),
        ("positive", "count"),
        (lambda lam, k: lam**k * sp.exp(-lam) / sp.factorial(k),),
        "λ^k e^{−λ}/k!", lambda e: e.has(sp.factorial) or e.has(sp.gamma)),
    Law("the normal distribution",
        re.compile(r"normal (?:distribution|density|law)|gaussian|нормальн\w* (?:распределени|закон|плотност)"
                   r"|гаусс|正規分布|ガウス分布|正态分布|高斯分布|정규 ?분포|가우스|normalverteil|loi normale"
                   r"|distribución normal|distribuição normal", re.IGNORECASE),
        ("real", "real", "positive"),
        (lambda x, mu, sigma: sp.exp(-(x - mu)**2 / (2 * sigma**2)) / (sigma * sp.sqrt(2 * sp.pi)),
         lambda x, mu, var: sp.exp(-(x - mu)**2 / (2 * var)) / sp.sqrt(2 * sp.pi * var),
         lambda x, mu, tau: sp.sqrt(tau / (2 * sp.pi)) * sp.exp(-tau * (x - mu)**2 / 2)),  # τ the precision 1/σ²
        "e^{−(x−μ)²/(2σ²)}/(σ√(2π))", lambda e: e.has(sp.pi) and e.has(sp.exp)),
    Law("the exponential distribution",
        re.compile(r"exponential distribution|экспоненциальн\w* распределени|показательн\w* распределени"
                   r"|指数分布|지수 ?분포|exponentialverteil|loi exponentielle|distribución exponencial", re.IGNORECASE),
        ("positive", "positive"),
        (lambda lam, x: lam * sp.exp(-lam * x), lambda beta, x: sp.exp(-x / beta) / beta),
        "λe^{−λx}", lambda e: e.has(sp.exp) and not e.has(sp.pi),
        (lambda lam, x: sp.exp(-lam * x), lambda lam, x: 1 - sp.exp(-lam * x),
         lambda beta, x: sp.exp(-x / beta), lambda beta, x: 1 - sp.exp(-x / beta)),
        "P(X > x) = e^{−λx}, P(X ≤ x) = 1 − e^{−λx}"),
    Law("the Bernoulli distribution",
        re.compile(r"bernoulli|бернулли|ベルヌーイ|伯努利|베르누이", re.IGNORECASE),
        ("probability", "binary"),
        (lambda p, y: p**y * (1 - p)**(1 - y),),
        "p^y (1 − p)^{1−y}", _has_pow_of_one_minus),
    Law("the binomial distribution",
        re.compile(r"binomial distribution|биномиальн\w* распределени|二項分布|二项分布|이항 ?분포"
                   r"|binomialverteil|loi binomiale|distribución binomial", re.IGNORECASE),
        ("trials", "count", "probability"),
        (lambda n, k, p: sp.binomial(n, k) * p**k * (1 - p)**(n - k),),
        "C(n, k) p^k (1 − p)^{n−k}", lambda e: e.has(sp.binomial) or e.has(sp.factorial)),
)


def misnamed_laws(checker: DocumentChecker) -> list[Finding]:
    """An error for each formula the words name as a law that no pairing of its letters makes that law."""
    findings: list[Finding] = []
    for item in checker.items:
        stmt = item.stmt
        if len(stmt.relations) != 1 or stmt.relations[0] != "=":
            continue
        named, formula = stmt.terms[0].expr, stmt.terms[1].expr
        if formula is None or formula.has(sp.Sum, sp.Product, sp.log, sp.Derivative, sp.Integral):
            continue
        if not _names_a_law(named):
            continue  # ∇_θ log p(x; θ) = (x − θ)/(θ(1 − θ)): the score under the law's name, not the law
        formula = formula.xreplace({x: sp.pi for x in formula.free_symbols if getattr(x, "name", "") == "\\pi"})
        words = _clause_before(checker._words_before(item.index, _WINDOW))
        event = _EVENT.search(item.block.text[stmt.terms[0].start:stmt.terms[0].end]) is not None
        for law in LAWS:
            if not law.words.search(words) or not law.mark(formula):
                continue
            if event and not law.events:
                break  # P(X ≤ x) = …: a distribution function this law has none of here, not its formula
            if _matches(formula, law, law.events if event else law.forms) is False:
                line, col = item.block.position(stmt.terms[1].start)
                findings.append(Finding(
                    checker.path, line, col, "error", "math/law",
                    f"the words name {law.name}, whose formula is {law.events_shown if event else law.shown}; "
                    "no reading of the letters here "
                    "gives it"))
            break
    return findings


def _names_a_law(named: sp.Expr | None) -> bool:
    """Is the left side a name or a call (``P(y | λ)``, ``f(x)``, ``p``), no derivative, logarithm or gradient of one?"""
    if isinstance(named, sp.Symbol):
        return not named.name.startswith(GRADIENT_PREFIX)
    return isinstance(named, AppliedUndef) and not type(named).__name__.startswith(GRADIENT_PREFIX)


def _clause_before(words: str) -> str:
    """The words since the last sentence end before the formula (a heading line just before it counts)."""
    parts = re.split(r"(?<=[.!?。！？])\s|\n[ \t]*\n(?=[^\n]*\S[^\n]*\n[ \t]*\n)", words)
    return parts[-1] if parts else words


#: An event inside the left side's brackets: ``P(T > t)``, ``P(X \le x)``.
_EVENT = re.compile(r"[<>≤≥]|\\(?:le|ge|leq|geq|lt|gt)(?![A-Za-z])")


def _matches(formula: sp.Expr, law: Law, forms: tuple[Callable[..., sp.Expr], ...]) -> bool | None:
    """Does some pairing of the formula's letters with the law's roles give one of its forms? None when the
    letters do not fit the roles (another number of them, a call): the formula is then not judged."""
    letters = sorted((x for x in formula.free_symbols if isinstance(x, sp.Symbol)), key=lambda x: x.name)
    if len(letters) != len(law.roles) or formula.atoms(sp.Function) - formula.atoms(
            sp.exp, sp.factorial, sp.binomial, sp.gamma):
        return None
    rng = random.Random(7)
    for order in itertools.permutations(letters):
        for form in forms:
            target = form(*order)
            if all(_close(formula, target, dict(zip(order, _point(law.roles, rng)))) for _ in range(_POINTS)):
                return True
    return False


def _point(roles: tuple[str, ...], rng: random.Random) -> list[sp.Expr]:
    values: list[sp.Expr] = []
    for role in roles:
        if role == "count":
            values.append(sp.Integer(rng.randint(0, 6)))
        elif role == "trials":
            values.append(sp.Integer(rng.randint(6, 10)))
        elif role == "binary":
            values.append(sp.Integer(rng.randint(0, 1)))
        elif role == "probability":
            values.append(sp.Rational(rng.randint(10, 90), 100))
        elif role == "positive":
            values.append(sp.Rational(rng.randint(30, 300), 100))
        else:
            values.append(sp.Rational(rng.randint(-200, 200), 100))
    return values


def _close(a: sp.Expr, b: sp.Expr, at: dict[sp.Symbol, sp.Expr]) -> bool:
    try:
        x, y = complex(sp.N(a.xreplace(at), 20)), complex(sp.N(b.xreplace(at), 20))
    except (TypeError, ValueError, ZeroDivisionError):
        return False
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))
