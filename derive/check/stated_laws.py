r"""Expectations under a law the notes state: ``X \sim \mathcal{N}(\mu, \sigma^2)``, ``U \sim \mathcal{U}(a, b)``,
``T \sim \mathrm{Exp}(\lambda)``, ``B \sim \mathrm{Bernoulli}(p)``, ``K \sim \mathrm{Poisson}(\lambda)``,
``S \sim \mathrm{Bin}(n, p)``.

Why: statistics notes compute moments of a named law (``E[X^2] = \mu^2 + \sigma^2``, ``\mathrm{Var}(U) = (b − a)^2/12``,
``E(X^4) − (E(X^2))^2 = 4/45`` for X uniform on [0, 1]). Linearity alone leaves such a link undecided ("the
distribution is not modelled"); with the law stated, each expectation of a polynomial in one random quantity is its
raw moments, which are known in closed form. The reading is used only to prove: a link that fails under the law
keeps the verdict it had, since the law may be another section's, or another quantity's with the same letter.

Only the ``\sim`` notation is read, with the usual parametrisations: the normal law by its mean and variance (a second
argument that is no number and no square, ``N(\mu, \sigma)``, is ambiguous and not read), the exponential law by its
rate. A letter given two different laws in the notes is given none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from .. import printing
from .expectation import _RANDOM_LETTER, _outside, constant
from .latex import LatexParseError, parse_expr

__all__ = ["Law", "names_a_law", "said", "stated", "under"]

#: The families, by the names notes write them with (bare, calligraphic, upright, in \text or \operatorname).
_FAMILY_NAMES: dict[str, tuple[str, ...]] = {
    "normal": ("N", "Normal", "Norm"),
    "uniform": ("U", "Unif", "Uniform", "R"),
    "exponential": ("Exp", "Exponential", "Expo"),
    "bernoulli": ("Bernoulli", "Bern", "Be", "Ber"),
    "poisson": ("Poisson", "Pois", "Poi", "P"),
    "binomial": ("Bin", "Binom", "Binomial", "B"),
}
_ARITY = {"normal": 2, "uniform": 2, "exponential": 1, "bernoulli": 1, "poisson": 1, "binomial": 2}
_WRAPPED = r"(?:\\(?:mathcal|mathrm|text|operatorname|textrm|mathsf|mathbf|rm)\s*\{\s*(?P<w>[A-Za-z]+)\s*\}|(?P<b>[A-Za-z]+))"
_STATED = re.compile(r"(?<![A-Za-z\\])(?P<name>[A-Z](?:_\{?[A-Za-z0-9]+\}?)?)\s*\\sim\s*" + _WRAPPED
                     + r"\s*(?:\\left)?\s*[(\[](?P<args>(?:[^()\[\]]|\([^()]*\))*)(?:\\right)?\s*[)\]]")


@dataclass(frozen=True)
class Law:
    """One stated law: its family, its parameters, where the text states it, and the words to show."""

    family: str
    params: tuple[sp.Expr, ...]
    offset: int
    shown: str


def stated(text: str) -> dict[sp.Symbol, list[Law]]:
    """Each random letter's stated laws, in the order of the text (``X \\sim N(0, 1)``)."""
    out: dict[sp.Symbol, list[Law]] = {}
    for m in _STATED.finditer(text):
        written = m.group("w") or m.group("b")
        family = next((f for f, names in _FAMILY_NAMES.items() if written in names), None)
        if family is None:
            continue
        try:
            name = parse_expr(m.group("name"))
            params = tuple(parse_expr(a) for a in _split_args(m.group("args")))
        except LatexParseError:
            continue
        if not isinstance(name, sp.Symbol) or len(params) != _ARITY[family] \
                or not all(isinstance(p, sp.Expr) for p in params):
            continue
        if family == "normal" and not (params[1].is_number or (isinstance(params[1], sp.Pow) and params[1].exp == 2)):
            continue  # N(μ, σ): the deviation or the variance? not read
        out.setdefault(name, []).append(Law(family, params, m.start(), m.group(0)))
    return out


def names_a_law(written: str) -> bool:
    """Is ``written`` a law of a family read here (``\\mathcal{N}(0, 1)``, ``\\mathrm{Exp}(\\lambda)``)?"""
    m = re.match(r"\s*" + _WRAPPED + r"\s*(?:\\left)?\s*[(\[]", written)
    return m is not None and any((m.group("w") or m.group("b")) in names for names in _FAMILY_NAMES.values())


def _split_args(args: str) -> list[str]:
    """The arguments of ``(μ, σ^2)`` at the top level (a comma inside braces or brackets stays)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(args):
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        elif ch in ",;" and depth == 0:
            parts.append(args[start:i])
            start = i + 1
    parts.append(args[start:])
    return [p.strip() for p in parts if p.strip()]


def moment(law: Law, k: int) -> sp.Expr:
    """The raw moment ``E[X^k]`` of the law, exactly."""
    p = law.params
    if k == 0:
        return sp.Integer(1)
    if law.family == "normal":
        mean, variance = p
        moments = [sp.Integer(1), mean]
        for j in range(2, k + 1):  # E[X^j] = μE[X^{j−1}] + (j − 1)σ²E[X^{j−2}]
            moments.append(sp.expand(mean * moments[j - 1] + (j - 1) * variance * moments[j - 2]))
        return moments[k]
    if law.family == "uniform":
        a, b = p
        return sp.cancel((b**(k + 1) - a**(k + 1)) / ((k + 1) * (b - a)))
    if law.family == "exponential":
        return sp.factorial(k) / p[0]**k
    if law.family == "bernoulli":
        return p[0]
    if law.family == "poisson":
        return sp.expand(sum(sp.functions.combinatorial.numbers.stirling(k, j) * p[0]**j for j in range(k + 1)))
    n, q = p  # binomial: Σ_j S(k, j) n(n − 1)…(n − j + 1) q^j
    return sp.expand(sum(sp.functions.combinatorial.numbers.stirling(k, j) * sp.ff(n, j) * q**j for j in range(k + 1)))


def expectation(argument: sp.Expr, variable: sp.Symbol, law: Law) -> sp.Expr | None:
    """``E[g(X)]`` for a polynomial g of the one random letter X, or None (a function of X that is no polynomial)."""
    try:
        poly = sp.Poly(sp.expand(argument), variable)
    except sp.PolynomialError:
        return None
    if poly.degree() > 12 or any(c.has(variable) for c in poly.coeffs()):
        return None
    return sp.expand(sum(c * moment(law, m[0]) for m, c in zip(poly.monoms(), poly.coeffs())))


def under(left: sp.Expr, right: sp.Expr, atoms: dict[sp.Symbol, tuple[sp.Expr, str]],
          laws: dict[sp.Symbol, Law]) -> tuple[sp.Expr, sp.Expr, dict[sp.Symbol, Law]] | None:
    """The sides read by :func:`.expectation.read` (``atoms``: each expectation symbol with its argument), each
    expectation of one lawful letter replaced by its value under the law, with the laws used; None when an
    expectation is of no lawful letter, of several, or of no polynomial."""
    values: dict[sp.Symbol, sp.Expr] = {}
    used: dict[sp.Symbol, Law] = {}
    law_letters = {x for law in laws.values() for p in law.params for x in p.free_symbols}  # (μ, σ of N(μ, σ²))
    outside = {x for x in (_outside(left) | _outside(right)) - set(laws)  # (a of E[aX + b], outside: a number)
               if not _RANDOM_LETTER.match(x.name)}  # (Y of E[X²Y] = 3Y stays random)
    for sym, (argument, label) in atoms.items():
        if sym not in left.free_symbols | right.free_symbols:
            continue
        random = [x for x in argument.free_symbols if x in laws]
        if label or len(random) != 1:
            return None  # E_p[…], or an expectation of several lawful letters (independence not read here)
        if any(not constant(x) and x not in random and x not in law_letters and x not in outside
               for x in argument.free_symbols):
            return None  # E[u²X⁴] with u an error term: another random quantity beside the lawful one
        value = expectation(argument, random[0], laws[random[0]])
        if value is None:
            return None
        values[sym] = value
        used[random[0]] = laws[random[0]]
    if not values:
        return None
    a, b = left.xreplace(values), right.xreplace(values)
    if any(s in atoms for s in (a.free_symbols | b.free_symbols)):
        return None
    return a, b, used


def said(used: dict[sp.Symbol, Law]) -> str:
    """``X ∼ \\mathcal{U}(0, 1)``: the laws a reading used, as the text writes them."""
    return ", ".join(f"{printing.text(x)} ∼ {law.shown.split(chr(92) + 'sim', 1)[-1].strip()}" for x, law in used.items())
