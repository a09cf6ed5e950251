r"""Integrals written without bounds: ``\int f(x)\,dx``, ``\int_\Omega p(θ)\,dθ``.

Notes write them in two senses. In calculus notes ``\int x^2 dx = x^3/3 + C`` is an antiderivative: its
variable stands outside the integral too, and the link holds when both sides have the same derivative in it.
In probability notes ``M(t) = \int e^{tx} p(x)\,dx`` is an integral over a range the reader knows (the
support, the whole line) and the variable is bound. Such an integral is never evaluated here — its range is
not written, and ``\int p(x)\,dx = 1`` holds only over all of it — so a link is proved only by what holds on
*every* range alike: both sides are the same combination of integrals over the same unwritten range, integrand
by integrand (linearity), or the same integrals once constant factors are taken out, and it is never refuted.
Only an antiderivative of known functions whose derivative is wrong is false: no constant mends that.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.core.symbol import Str

from ..budget import time_budget
from ..errors import BudgetExceeded
from ..proof import compare
from .sums import outermost

SECONDS = 4.0


class Unbounded(sp.Function):
    r"""``\int body\, d var`` over an unwritten range. args: the integrand, the variable and the range as written
    (``Str``: ``""`` when none, ``\Omega`` for ``\int_\Omega``). Kept unevaluated; only this module decides a
    link that holds one. The variable is bound: substitutions and replacements leave it alone."""

    nargs = 3

    @property
    def body(self) -> sp.Expr:
        return self.args[0]

    @property
    def var(self) -> sp.Symbol:
        return self.args[1]

    @property
    def domain(self) -> str:
        return self.args[2].name

    @property
    def free_symbols(self) -> set[sp.Basic]:
        return self.body.free_symbols - {self.var}

    def _eval_derivative(self, s: sp.Symbol) -> sp.Expr:
        # under the integral sign (Leibniz); the own variable is bound, so SymPy never asks for it (an
        # antiderivative's derivative is taken by :func:`_antiderivatives`)
        return Unbounded(sp.diff(self.body, s), self.var, self.args[2])

    def _eval_subs(self, old: sp.Basic, new: sp.Basic) -> sp.Expr | None:
        if old == self.var:
            return self  # the bound variable is not a value to put in
        var, body = self.var, self.body
        if var in getattr(new, "free_symbols", ()):  # nor may a value put in be captured by it
            var = sp.Dummy(var.name, **var.assumptions0)
            body = body.xreplace({self.var: var})
        return Unbounded(body._subs(old, new), var, self.args[2])

    def _xreplace(self, rule: dict) -> tuple[sp.Basic, bool]:
        if self in rule:
            return rule[self], True
        inner = {k: v for k, v in rule.items() if k != self.var}
        body, changed = self.body._xreplace(inner)
        return (Unbounded(body, self.var, self.args[2]), True) if changed else (self, False)

    def doit(self, **hints) -> sp.Expr:
        body = self.body.doit(**hints) if hints.get("deep", True) else self.body
        return Unbounded(body, self.var, self.args[2])

    def _sympystr(self, printer) -> str:
        where = f"_{self.domain}" if self.domain else ""
        return f"∫{where} {printer._print(self.body)} d{printer._print(self.var)}"

    def _latex(self, printer) -> str:
        where = f"_{{{self.domain}}}" if self.domain else ""
        return rf"\int{where} {printer._print(self.body)} \, d{printer._print(self.var)}"


def unbounded(body: sp.Expr, var: sp.Symbol, domain: str = "") -> Unbounded:
    return Unbounded(body, var, Str(domain))


def substituted(expr: sp.Expr, mapping: dict[sp.Symbol, sp.Expr]) -> sp.Expr:
    """``expr`` with each name of ``mapping`` put in, a substitution ``u = g(x)`` undone inside the integrals over u
    too: ``∫ e^u du`` becomes ``∫ e^{g(x)} g'(x) dx`` (the rule of substitution read backwards), when g has one
    variable. An integral over a name whose value has no single variable keeps its bound name."""
    def undo(node: sp.Expr) -> sp.Expr:
        if isinstance(node, Unbounded) and node.var in mapping:
            value = mapping[node.var]
            if len(value.free_symbols) == 1:
                (x,) = value.free_symbols
                return unbounded(node.body.xreplace({node.var: value}) * sp.diff(value, x), x, node.domain)
        return node
    return expr.replace(lambda n: isinstance(n, Unbounded), undo).xreplace(mapping)


@dataclass(frozen=True)
class Decision:
    status: str  # "true", "undecided", or "false" (an antiderivative only)
    reason: str


_RANGE = "the integrals have no written bounds"


def antiderivative_variables(left: sp.Expr, right: sp.Expr) -> set[sp.Symbol]:
    """The variables of integrals without bounds that also stand outside them: ``∫ x² dx = x³/3 + C`` is an
    antiderivative in x (so x, and the constant C, are no new names there)."""
    atoms = left.atoms(Unbounded) | right.atoms(Unbounded)
    return {u.var for u in atoms} & (left - right).free_symbols if atoms else set()


def decide(left: sp.Expr, right: sp.Expr, seconds: float = SECONDS) -> Decision:
    """A link with integrals over unwritten ranges on a side, definitions already put in. Proved as
    antiderivatives when an integral's variable also stands outside it, else by linearity over the common
    unwritten range; otherwise undecided. Both proofs are symbolic and checked at random points
    (:func:`derive.proof.compare`)."""
    diff = left - right
    atoms = diff.atoms(Unbounded)
    outside = {u.var for u in atoms} & diff.free_symbols
    try:
        with time_budget(seconds):
            if outside:
                return _antiderivatives(left, right, sorted(outside, key=str), seconds)
            return _over_the_range(diff, seconds)
    except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError, RecursionError, AttributeError):
        return Decision("undecided", f"{_RANGE}, and comparing them did not finish within {seconds:g} s")


def _antiderivatives(left: sp.Expr, right: sp.Expr, variables: list[sp.Symbol], seconds: float) -> Decision:
    r"""``\int x e^x dx = x e^x − \int e^x dx``: an antiderivative is fixed up to a constant, so the link holds when
    the derivatives of both sides in the variable agree (a constant of integration ``C`` drops out)."""
    diff = left - right
    for var in variables:
        own = [u for u in outermost(diff, Unbounded) if u.var == var]
        calls = {u: sp.Function(f"F{k}")(var) for k, u in enumerate(own)}  # each antiderivative a function of var
        slope = sp.diff(diff.xreplace(calls), var).xreplace({sp.Derivative(c, var): u.body for u, c in calls.items()})
        if any(slope.has(c) for c in calls.values()) or any(u.var == var for u in slope.atoms(Unbounded)):
            return Decision("undecided", f"{_RANGE}: {var} is bound by one integral and free in another term")
        verdict = compare(slope, sp.Integer(0), seconds=seconds)
        if verdict.status == "false" and _known(slope) and len(own) == 1:
            # ∫ 2x dx = x³ + C: no constant mends a wrong derivative (an unknown function in it might)
            integral, other = (left, right) if isinstance(left, Unbounded) else (right, left)
            if isinstance(integral, Unbounded) and not other.has(Unbounded):
                why = (f"the derivative of {_plain(other)} in {var} is {_plain(sp.simplify(sp.diff(other, var)))}, "
                       f"not the integrand {_plain(integral.body)}")
            else:
                why = f"the derivatives of the two sides in {var} differ by {_plain(sp.simplify(slope))}"
            return Decision("false", f"as antiderivatives: {why}, and no constant of integration mends that")
        if verdict.status != "true":
            return Decision("undecided", f"{_RANGE} and {var} stands outside them too (antiderivatives), but the "
                                         f"derivatives of the two sides in {var} do not agree")
    names = ", ".join(str(v) for v in variables)
    return Decision("true", f"as antiderivatives: the two sides have the same derivative in {names} (they differ "
                            "by a constant at most)")


def _known(expr: sp.Expr) -> bool:
    """No unknown function in ``expr``, called or read as one opaque name (``p(x)``)."""
    return not expr.atoms(AppliedUndef) and not any("(" in x.name for x in expr.free_symbols if isinstance(x, sp.Symbol))


def _plain(expr: sp.Expr) -> str:
    from .. import printing  # (printing reads the notes' symbols; only a refutation needs it)

    return printing.text(expr)


def _over_the_range(diff: sp.Expr, seconds: float) -> Decision:
    """Left minus right, every integral over an unwritten range: zero when it is linear in the integrals, what
    stands outside them cancels and the weighted integrands of each range cancel (which holds over every range
    alike), or when equal integrals, constant factors taken out, cancel as numbers."""
    top = outermost(diff, Unbounded)
    names = {u: sp.Dummy(f"I{k}") for k, u in enumerate(top)}
    reduced = diff.xreplace(names)
    slopes = {u: sp.diff(reduced, a) for u, a in names.items()}
    if all(not s.has(*names.values()) for s in slopes.values()):
        rest = reduced.xreplace({a: 0 for a in names.values()})
        if compare(rest, sp.Integer(0), seconds=seconds).status == "true" and all(
                compare(_integrand(group, slopes), sp.Integer(0), seconds=seconds).status == "true"
                for group in _by_range(top)):
            return Decision("true", f"by linearity of the integral: the two sides agree integrand by integrand "
                                    f"({_RANGE}: the same unwritten range on both sides)")
    classes = _same_integrals(top)
    if compare(diff.xreplace(classes), sp.Integer(0), seconds=seconds).status == "true":
        return Decision("true", f"with each integral read as a number of its own, constant factors taken out "
                                f"({_RANGE})")
    return Decision("undecided", f"{_RANGE}: the sides are not the same integrals integrand by integrand, and a "
                                 "value over the whole range (such as ∫ p(x) dx = 1) is not modelled")




def _by_range(top: list[Unbounded]) -> list[list[Unbounded]]:
    """The integrals grouped by the range they are written over (``\\int_\\Omega`` apart from ``\\int``)."""
    return [list(g) for _, g in itertools.groupby(sorted(top, key=lambda u: u.domain), key=lambda u: u.domain)]


def _integrand(group: list[Unbounded], slopes: dict[Unbounded, sp.Expr]) -> sp.Expr:
    """Σ_k c_k f_k(u): the integrands of one range, each weighted by its coefficient in the link, in one variable."""
    u = sp.Dummy("u", real=True)
    return sp.Add(*(slopes[i] * i.body.xreplace({i.var: u}) for i in group))


def _same_integrals(top: list[Unbounded]) -> dict[sp.Basic, sp.Expr]:
    """Each integral as (constant factor) × (one symbol per distinct integral), integrals over one range matched
    when their integrands agree once the variable is renamed."""
    u = sp.Dummy("u", real=True)
    kinds: list[tuple[str, sp.Expr, sp.Symbol]] = []
    out: dict[sp.Basic, sp.Expr] = {}
    for i in top:
        constant, rest = i.body.as_independent(i.var, as_Add=False)
        rest = rest.xreplace({i.var: u})
        name = next((s for d, r, s in kinds if d == i.domain and (r == rest or sp.simplify(r - rest) == 0)), None)
        if name is None:
            name = sp.Dummy(f"J{len(kinds)}")
            kinds.append((i.domain, rest, name))
        out[i] = constant * name
    return out
