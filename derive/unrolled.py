"""K steps at once: the coefficient of w_{t-K} in w_t, in every regularization mode, and where they part ways.

One step of an element-wise optimizer, with the gradient and the adaptive atoms (v̂) of each step
held fixed, is an affine map of the weight and the state it carries (w, m, …). So K steps multiply
K small Jacobians, and the coefficient of w_{t-K} in w_t is one entry of that product: cheap,
exact, and polynomial in a few per-step quantities. Those quantities are named once (an
*abbreviation* such as ρ_s = 1/((1 − β₁^s)(√v̂_s + ε)), the step size Adam gives coordinate s), so
the coefficient prints as a short polynomial instead of kilobytes of nested fractions. Where a
coefficient is still too long to read it is cut after its first-order term in λ, and the place where
two modes part ways is still given.

Every SymPy call here runs under :func:`derive.budget.time_budget`; what does not finish in time is
reported as undecided, never waited for.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, Iterator, Literal

import sympy as sp

from . import printing
from . import symbols as S
from .budget import time_budget
from .display import clip, display, inline
from .errors import BudgetExceeded, DeriveError, UsageError
from .proof import numeric_difference
from .system import System

if TYPE_CHECKING:
    from .derivation import Derivation

#: The largest K accepted: a bound on work, not on interest (the coefficient is a polynomial of degree K).
MAX_UNROLL = 64
#: Seconds of symbolic work allowed for one phase of one mode (linearising, multiplying, comparing, printing).
SECONDS_PER_MODE = 8.0
#: Seconds for the whole of :func:`compare_modes`, printing included: the stated bound of ``--unroll``.
TOTAL_SECONDS = 30.0
#: A coefficient whose text is longer than this is cut after its first-order term in λ.
PRINT_LIMIT = 700
#: JSON carries a coefficient in full up to this many terms, else as printed (cut) with its number of terms.
JSON_TERMS = 300

Status = Literal["exact", "nonlinear", "undecided", "error"]
_STEP = sp.Symbol("s", positive=True, integer=True)  # the generic step index of one unrolled step
_ABBREVIATION_NAMES = (r"\rho", r"\sigma", r"\kappa", r"\chi", r"\psi", r"\omega")


@dataclass(frozen=True)
class Abbreviation:
    """A per-step quantity named once: ``symbol`` (e.g. ρ_s) stands for ``value`` at step ``s``."""

    name: str
    value: sp.Expr

    def symbol(self, step: sp.Expr = _STEP) -> sp.Symbol:
        return S.symbol(f"{self.name}_{{{_index(step)}}}")

    def at(self, step: sp.Expr) -> sp.Expr:
        return _at_step(self.value, step)

    def text(self) -> str:
        return f"{printing.text(self.symbol())} = {printing.text(self.value)}"

    def latex(self) -> str:
        return f"{printing.latex(self.symbol())} = {printing.latex(self.value)}"


@dataclass(frozen=True)
class ModeCoefficient:
    """The coefficient of w_{t-k} in w_t for k = 1…K in one mode (in terms of the abbreviations)."""

    mode: str
    label: str
    #: c_1 … c_K as computed: elements of a polynomial ring (converted to SymPy only when asked).
    raw: tuple[Any, ...]
    status: Status
    reason: str = ""
    #: The last coefficient written as a product Π g_s (when the weight does not feed the state).
    product: sp.Expr | None = None
    #: The coefficient of w_{t-K} as printed (computed within the time bound by :func:`compare_modes`).
    text: str = ""
    latex: str = ""

    @cached_property
    def coefficients(self) -> tuple[sp.Expr, ...]:
        """c_1 … c_K as SymPy expressions (expanded polynomials in the hyperparameters and abbreviations)."""
        return tuple(_as_expr(c) for c in self.raw)

    @cached_property
    def last(self) -> sp.Expr | None:
        """The coefficient of w_{t-K}."""
        return _as_expr(self.raw[-1]) if self.raw else None


def _as_expr(c: Any) -> sp.Expr:
    return c if isinstance(c, sp.Basic) else c.as_expr()


@dataclass(frozen=True)
class Parting:
    """Where two modes' coefficients first differ (k), with the verdict at each k."""

    mode_a: str
    mode_b: str
    statuses: tuple[str, ...]
    first_difference: int | None
    difference: sp.Expr | None = None  # a − b at the first difference (abbreviated)
    difference_text: str = ""
    difference_latex: str = ""

    def __repr__(self) -> str:
        where = f"part ways at k = {self.first_difference}" if self.first_difference else "agree on every k shown"
        return f"Parting({self.mode_a} vs {self.mode_b}: {where})"


@dataclass(frozen=True)
class Unrolled:
    """The unrolled comparison: each mode's coefficient of w_{t-K} in w_t and where the modes part ways."""

    k: int
    modes: tuple[ModeCoefficient, ...]
    abbreviations: tuple[Abbreviation, ...]
    partings: tuple[Parting, ...]
    seconds: float = field(default=0.0, compare=False)

    # -- text -------------------------------------------------------------------------------------
    def text_lines(self) -> list[str]:
        k = self.k
        lines = [f"Unrolled {k} step{'s' if k > 1 else ''}: w_t = c·w_{{t-{k}}} + (terms without w_{{t-{k}}}), "
                 "with each step's gradient and v̂ held as atoms"]
        if self.abbreviations:
            span = "s = t" if k == 1 else f"s = t-{k - 1}, …, t"
            lines += [f"  where {a.text()}  ({span})" for a in self.abbreviations]
        width = max(len(m.label) for m in self.modes)
        for i, m in enumerate(self.modes):
            tag = " (this)" if i == 0 and len(self.modes) > 1 else ""
            lines.append(f"  {m.label + tag:<{width + 7}}  c = {coefficient_text(m)}")
        for p in self.partings:
            if p.first_difference is None:
                if not p.statuses:
                    verdict = "not compared (a coefficient is missing)"
                elif all(s == "true" for s in p.statuses):
                    verdict = f"agree on every k ≤ {k}"
                else:
                    verdict = "undecided (" + ", ".join(f"k={j}" for j, s in enumerate(p.statuses, 1) if s != "true") + ")"
                lines.append(f"  {p.mode_a} and {p.mode_b}: {verdict}")
            else:
                diff = f": there ({p.mode_a}) − ({p.mode_b}) = {p.difference_text}" if p.difference_text else ""
                lines.append(f"  {p.mode_a} and {p.mode_b} part ways at k = {p.first_difference}{diff}")
        return lines

    def __str__(self) -> str:
        return "\n".join(self.text_lines())

    def __repr__(self) -> str:
        ways = ", ".join(f"{p.mode_a}/{p.mode_b}: k={p.first_difference}" for p in self.partings)
        return clip(f"Unrolled(K={self.k}; modes {', '.join(m.label for m in self.modes)}; part ways {ways or '—'})")

    # -- Jupyter ------------------------------------------------------------------------------------
    def _repr_markdown_(self) -> str:
        k = self.k
        out = [f"**Unrolled {k} step{'s' if k > 1 else ''}**: $w_t = c \\, w_{{t-{k}}} + \\dots$ "
               "(each step's gradient and $\\hat v$ held as atoms)", ""]
        if self.abbreviations:
            out += [display(", \\qquad ".join(a.latex() for a in self.abbreviations)), ""]
        for m in self.modes:
            out += [f"*{m.label}*:", "", display(_c_equals(coefficient_latex(m))), ""]
        for p in self.partings:
            if p.first_difference is None:
                out.append(f"- {p.mode_a} and {p.mode_b} agree for every $k \\le {k}$"
                           if all(s == "true" for s in p.statuses) else f"- {p.mode_a} and {p.mode_b}: undecided")
            else:
                diff = f"; there the difference is {inline(p.difference_latex)}" if p.difference_latex else ""
                out.append(f"- {p.mode_a} and {p.mode_b} part ways at $k = {p.first_difference}${diff}")
        return "\n".join(out) + "\n"

    def _repr_latex_(self) -> str:
        rows = [f"\\text{{{m.label}:}}\\quad {_c_equals(coefficient_latex(m))}" for m in self.modes]
        if self.abbreviations:
            rows.insert(0, ", \\qquad ".join(a.latex() for a in self.abbreviations))
        return "$$\n\\begin{gathered}\n" + " \\\\\n".join(rows) + "\n\\end{gathered}\n$$"

    def as_json(self) -> dict[str, object]:
        """Every coefficient as LaTeX, text and ``srepr`` (a long one as printed, with its number of terms)."""
        def expr(e: sp.Expr | None) -> dict[str, object] | None:
            if e is None:
                return None
            terms = len(sp.Add.make_args(e))
            if terms > JSON_TERMS:
                return {"truncated": True, "terms": terms}
            return {"latex": printing.latex(e), "text": printing.text(e), "srepr": sp.srepr(e)}

        def coefficient(m: ModeCoefficient) -> dict[str, object] | None:
            full = expr(m.product if m.product is not None else m.last)
            if full is not None and full.get("truncated"):
                full.update({"text": m.text, "latex": m.latex})
            return full
        with time_budget(TOTAL_SECONDS):
            first = self.partings[0] if self.partings else None
            return {
                "k": self.k,
                # the first comparison in the shape earlier versions gave it
                "versus": {"label": self.modes[1].label, "regularization": self.modes[1].mode} if first else None,
                "first_difference": first.first_difference if first else None,
                "abbreviations": [{"symbol": a.symbol().name, **(expr(a.value) or {})} for a in self.abbreviations],
                "modes": [{"mode": m.mode, "label": m.label, "status": m.status, "reason": m.reason,
                           "coefficient": coefficient(m)} for m in self.modes],
                "partings": [{"modes": [p.mode_a, p.mode_b], "statuses": list(p.statuses),
                              "first_difference": p.first_difference, "difference": expr(p.difference)}
                             for p in self.partings],
                "seconds": round(self.seconds, 3),
            }


# -- printing a coefficient -----------------------------------------------------------------------
def _c_equals(latex: str) -> str:
    """``c = …``; a coefficient printed over several rows (one per power of λ) as an aligned block."""
    if "\\\\" not in latex:
        return f"c = {latex}"
    return f"\\begin{{aligned}}[t] c = {{}}& {latex}\n\\end{{aligned}}"


def _is_abbreviation(f: sp.Expr) -> bool:
    base = f.base if f.is_Pow else f
    return isinstance(base, sp.Symbol) and any(base.name.startswith(n) for n in _ABBREVIATION_NAMES)


@lru_cache(maxsize=32)
def _by_lambda(expr: sp.Expr) -> list[tuple[int, list[sp.Expr]]]:
    """The terms of an expanded polynomial grouped by their power of λ, lowest first (no rewriting)."""
    groups: dict[int, list[sp.Expr]] = {}
    for term in sp.Add.make_args(expr):
        power, rest = 0, []
        for f in sp.Mul.make_args(term):
            if f == S.lam:
                power += 1
            elif f.is_Pow and f.base == S.lam and f.exp.is_Integer:
                power += int(f.exp)
            else:
                rest.append(f)
        groups.setdefault(power, []).append(sp.Mul(*rest))
    return sorted(groups.items())


def _tidy(terms: list[sp.Expr]) -> sp.Expr:
    """A sum collected by its abbreviation monomials (ρ_t, ρ_t·ρ_{t-1}, …), each coefficient factored.

    ``β₁³·ρ_t − ρ_t − ρ_{t-1} + β₁²·ρ_{t-1}`` becomes ``−((1 − β₁³)·ρ_t + (1 − β₁²)·ρ_{t-1})``.
    """
    by_monomial: dict[sp.Expr, list[sp.Expr]] = {}
    for term in terms:
        factors = sp.Mul.make_args(term)
        monomial = sp.Mul(*[f for f in factors if _is_abbreviation(f)])
        by_monomial.setdefault(monomial, []).append(sp.Mul(*[f for f in factors if not _is_abbreviation(f)]))
    pieces = []
    for monomial, rest in by_monomial.items():
        pieces.append(_shortest(sp.Add(*rest)) * monomial)
    return _positive_binomials(sp.factor_terms(sp.Add(*pieces)))


def _shortest(coefficient: sp.Expr) -> sp.Expr:
    """The coefficient with common factors pulled out, or fully factored when that reads shorter
    (``1 − 2·β₁ + β₁^2`` → ``(1 − β₁)^2``; ``1 − β₁^7`` stays)."""
    pulled = _positive_binomials(sp.factor_terms(coefficient))
    if len(sp.Add.make_args(sp.expand(coefficient))) > 12:
        return pulled
    factored = _positive_binomials(sp.factor(coefficient))
    return factored if len(printing.text(factored)) < len(printing.text(pulled)) else pulled


def _positive_binomials(expr: sp.Expr) -> sp.Expr:
    """``-(β₁ - 1)`` → ``(1 - β₁)``: factors of the form (x − 1) read better as (1 − x) in decay factors."""
    sign = 1
    out = []
    for f in sp.Mul.make_args(expr):
        base, exp = (f.base, f.exp) if f.is_Pow and f.exp.is_Integer else (f, 1)
        if base.is_Add and any(t.is_Number and t < 0 for t in sp.Add.make_args(base)):
            out.append((-base) ** exp)
            sign *= (-1) ** int(exp)
            continue
        out.append(f)
    return sign * sp.Mul(*out)


def _collected(expr: sp.Expr, style: str, limit: int | None, rows: bool = False) -> str:
    """The polynomial by powers of λ; cut after the first-order term when longer than ``limit``."""
    pr = printing.latex if style == "latex" else printing.text
    pieces: list[str] = []
    try:
        with time_budget(SECONDS_PER_MODE):
            groups = _by_lambda(expr)
            for n, (i, terms) in enumerate(groups):
                pieces.append(pr(_tidy(terms) * S.lam ** i))
                if limit is not None and n >= 1 and n + 1 < len(groups) and len(_join(pieces, style)) > limit:
                    break
    except BudgetExceeded:
        pieces = pieces[:2]
        if not pieces:
            return "(too large to collect in time)" if style == "text" else r"\text{(too large to collect in time)}"
    if len(pieces) == len(groups):
        return _join(pieces, style, rows)
    shown = _join(pieces[:2], style, rows)
    order = groups[min(2, len(pieces))][0]
    rest = f"O(λ^{order})" if style == "text" else f"O(\\lambda^{{{order}}})"
    note = f"   [too long to print in full: {len(sp.Add.make_args(expr))} terms; the Python API has it]" \
        if style == "text" else ""
    return f"{shown} + {rest}{note}"


def _join(pieces: list[str], style: str, rows: bool = False) -> str:
    """Signed terms joined into one line, or (``rows``, LaTeX) into ``aligned`` rows, one per power of λ."""
    if rows and style == "latex" and len(pieces) > 1:
        rows = [pieces[0]] + [("- " + p[1:]) if p.startswith("-") else ("+ " + p) for p in pieces[1:]]
        return " \\\\\n& ".join(rows)
    minus = " − " if style == "text" else " - "
    out = ""
    for i, p in enumerate(pieces):
        negative = p.startswith("−") or p.startswith("-")
        body = p[1:] if negative else p
        if i == 0:
            out = p
        else:
            out += (minus if negative else " + ") + body
    return out


def coefficient_text(m: ModeCoefficient) -> str:
    """A mode's coefficient of w_{t-K} as text: a product when it is one, else collected by powers of λ.

    >>> from derive import derive
    >>> coefficient_text(derive("momentum", "l2").unroll(2).modes[0])
    '1 − η_t·λ·(2 + μ) + η_t^2·λ^2'
    """
    if m.text:
        return m.text
    if m.status != "exact" or not m.raw:
        return f"({m.status}: {m.reason})"
    if m.product is not None:
        return printing.text(m.product)
    return _collected(m.last, "text", PRINT_LIMIT)


def coefficient_latex(m: ModeCoefficient) -> str:
    r"""The same as :func:`coefficient_text`, in the notes' LaTeX.

    >>> from derive import derive
    >>> coefficient_latex(derive("momentum", "decoupled").unroll(3).modes[0])
    '(1 - \\eta_{t} \\lambda)^{3}'
    """
    if m.latex:
        return m.latex
    if m.status != "exact" or not m.raw:
        return f"\\text{{({m.status})}}"
    if m.product is not None:
        return printing.latex(m.product)
    return _collected(m.last, "latex", PRINT_LIMIT * 2, rows=True)


def _short(e: sp.Expr | None) -> str:
    return _collected(e, "text", 200) if e is not None else ""


def _short_latex(e: sp.Expr | None) -> str:
    return _collected(e, "latex", 400) if e is not None else ""


# -- the linear step --------------------------------------------------------------------------------
def _index(step: sp.Expr) -> str:
    """``t``, ``t-3``, ``s``: a step index as a subscript."""
    text = str(sp.sympify(step).xreplace({S.t: sp.Symbol("t")})).replace(" ", "")
    return text


def _at_step(expr: sp.Expr, step: sp.Expr) -> sp.Expr:
    """``expr`` written for the generic step s, moved to ``step`` (t, t-1, …): s and every ``_{s}`` symbol."""
    mapping: dict[sp.Basic, sp.Expr] = {_STEP: step}
    for sym in expr.free_symbols:
        if isinstance(sym, sp.Symbol) and "_{s}" in sym.name:
            mapping[sym] = S.symbol(sym.name.replace("_{s}", f"_{{{_index(step)}}}"))
        elif isinstance(sym, sp.Symbol) and "_{s-1}" in sym.name:
            mapping[sym] = S.symbol(sym.name.replace("_{s-1}", f"_{{{_index(step - 1)}}}"))
    return expr.xreplace(mapping)


@dataclass(frozen=True)
class _GenericStep:
    """The Jacobian of one step at the generic step s, restricted to what feeds the weight."""

    variables: tuple[sp.Symbol, ...]  # w_{t-1} first, then the state that reaches it
    jacobian: dict[tuple[int, int], sp.Expr]  # (row, column) → entry, abbreviated; zero entries left out
    feeds_back: bool  # does some state row read w (then the coefficient is not a product)


def _generic_step(system: System) -> _GenericStep:
    """One step with t → s, atoms and the gradient named at step s, linearised exactly.

    Raises :class:`_Nonlinear` when the step is not affine in (w, state) with the atoms held.
    """
    env: dict[sp.Symbol, sp.Expr] = {S.t: _STEP}
    prev = system.weight_prev.name
    env[system.gradient] = S.symbol(system.gradient.name.replace(prev, prev.replace("_{t-1}", "_{s-1}")))
    for d in system.definitions:
        if d.target in system.atoms:
            env[d.target] = S.symbol(d.target.name.replace("_{t}", "_{s}"))
            continue
        env[d.target] = d.expr.xreplace(env)
    new_of = {system.weight_prev: env[system.weight]}
    new_of.update({p: env[n] for n, p in system.state.items()})
    relevant = [system.weight_prev]
    frontier = [system.weight_prev]
    while frontier:
        var = frontier.pop()
        for other in sorted(new_of[var].free_symbols & set(new_of), key=lambda s: s.name):
            if other not in relevant:
                relevant.append(other)
                frontier.append(other)
    jac: dict[tuple[int, int], sp.Expr] = {}
    for i, a in enumerate(relevant):
        for j, b in enumerate(relevant):
            entry = sp.diff(new_of[a], b)
            if entry.free_symbols & set(relevant) or entry.has(sp.DiracDelta, sp.Derivative, sp.Subs):
                raise _Nonlinear(f"{S.text_name(a)} is not linear in {S.text_name(b)}")
            if entry != 0:
                jac[(i, j)] = entry
    feeds = any(i != 0 and j == 0 for (i, j) in jac)
    return _GenericStep(tuple(relevant), jac, feeds)


class _Nonlinear(Exception):
    pass


def _abbreviate(steps: dict[str, _GenericStep], table: dict[sp.Expr, Abbreviation]) -> dict[str, _GenericStep]:
    """Replace, in every entry, the product of the factors that depend on the step by one named symbol.

    Groups equal up to a constant factor (``1/((1 − β₁^s)(√v̂_s + ε))`` and its expanded denominator)
    share one name; the shortest spelling of the group is the one the legend shows.
    """
    split: dict[str, dict[tuple[int, int], list[tuple[sp.Expr, sp.Expr | None]]]] = {}
    groups: list[sp.Expr] = []
    for mode, step in steps.items():
        split[mode] = {}
        for key, entry in step.jacobian.items():
            terms: list[tuple[sp.Expr, sp.Expr | None]] = []
            for term in sp.Add.make_args(sp.expand(entry, deep=False)):
                fixed = [f for f in sp.Mul.make_args(term) if not _varies(f)]
                varying = [f for f in sp.Mul.make_args(term) if _varies(f)]
                group = sp.Mul(*varying) if varying else None
                terms.append((sp.Mul(*fixed), group))
                if group is not None and group not in groups:
                    groups.append(group)
            split[mode][key] = terms
    # Cluster the groups by "ratio free of the step", representative = shortest text.
    clusters: list[list[sp.Expr]] = []
    ratio: dict[sp.Expr, tuple[int, sp.Expr]] = {}
    for group in groups:
        for c, members in enumerate(clusters):
            r = sp.cancel(sp.together(group / members[0]))
            if not _varies(r):
                members.append(group)
                ratio[group] = (c, r)
                break
        else:
            clusters.append([group])
            ratio[group] = (len(clusters) - 1, sp.Integer(1))
    names: list[Abbreviation] = []
    for c, members in enumerate(clusters):
        best = min(members, key=lambda g: (len(printing.text(g)), printing.text(g)))
        name = _ABBREVIATION_NAMES[c % len(_ABBREVIATION_NAMES)] + "'" * (c // len(_ABBREVIATION_NAMES))
        names.append(Abbreviation(name, best))
        for g in members:
            table[g] = names[c]
    out: dict[str, _GenericStep] = {}
    for mode, step in steps.items():
        jac: dict[tuple[int, int], sp.Expr] = {}
        for key, terms in split[mode].items():
            total = sp.Integer(0)
            for fixed, group in terms:
                if group is None:
                    total += fixed
                    continue
                c, r = ratio[group]
                best = names[c].value
                scale = sp.cancel(sp.together(group / best))  # free of the step, by construction
                total += fixed * scale * names[c].symbol()
            jac[key] = sp.expand(total)
        out[mode] = _GenericStep(step.variables, jac, step.feeds_back)
    return out


def _varies(f: sp.Expr) -> bool:
    return _STEP in f.free_symbols or any("_{s}" in s.name or "_{s-1}" in s.name for s in f.free_symbols)


def _jacobians(step: _GenericStep, k: int) -> list[dict[tuple[int, int], sp.Expr]]:
    """J_t, J_{t-1}, …, J_{t-k+1}: the generic step moved to each of the k steps."""
    return [{key: _at_step(e, S.t - j) for key, e in step.jacobian.items()} for j in range(k)]


def _ring(jacobians: list[list[dict[tuple[int, int], sp.Expr]]]) -> Any:
    """One sparse polynomial ring for every mode (so two modes' coefficients subtract in it), or None."""
    gens = sorted(set().union(*(e.free_symbols for jacs in jacobians for jac in jacs for e in jac.values()))
                  or {S.lam}, key=lambda s: s.name)
    try:
        R, *_ = sp.ring(gens, sp.QQ)
        for jacs in jacobians:
            for jac in jacs:
                for e in jac.values():
                    R(e)
        return R
    except (sp.polys.polyerrors.CoercionFailed, sp.polys.polyerrors.GeneratorsError, ValueError):
        return None


def _coefficients(step: _GenericStep, jacobians: list[dict[tuple[int, int], sp.Expr]], R: Any) -> tuple[
        tuple[Any, ...], sp.Expr | None]:
    """c_1 … c_k: the (w, w) entry of J_t · J_{t-1} ⋯ J_{t-j+1}; and Π g_s when it is a product.

    The entries are polynomials in the hyperparameters and the abbreviations, so the products are
    done in the sparse polynomial ring ``R`` (fast); without one (an entry is not a polynomial),
    with ``expand``.
    """
    n, k = len(step.variables), len(jacobians)
    if R is not None:
        conv: list[dict[tuple[int, int], Any]] = [{key: R(e) for key, e in jac.items()} for jac in jacobians]
        zero, one = R.zero, R.one
    else:
        conv, zero, one = jacobians, sp.Integer(0), sp.Integer(1)  # type: ignore[assignment]
    row = [one] + [zero] * (n - 1)
    out: list[Any] = []
    for jac in conv:
        row = [sum((row[i] * jac[(i, c)] for i in range(n) if (i, c) in jac), zero) for c in range(n)]
        if R is None:
            row = [sp.expand(x) for x in row]
        out.append(row[0])
    product = None
    if not step.feeds_back:
        diagonal = step.jacobian.get((0, 0), sp.Integer(0))
        if diagonal == 1 or k == 1:
            product = diagonal
        elif not _varies(diagonal):
            product = sp.Pow(diagonal, k, evaluate=False)
        else:
            product = sp.Product(diagonal, (_STEP, S.t - k + 1, S.t))
    return tuple(out), product


# -- the modes to compare -----------------------------------------------------------------------------
def _modes(d: "Derivation") -> list[tuple[str, str, System]]:
    """(mode, label, system) for this derivation first, then every other mode of its catalog entry.

    An entry with one mode (AdamW) is compared with the modes of any entry whose system in that mode
    is the same (Adam): found from the catalog, not from a list of names.
    """
    from . import catalog

    first = (d.reg, d.reg if d.optimizer is not None and not d.at_values else d.label, d.system)
    if d.optimizer is None or d.at_values:
        return [first]
    entry = d.optimizer
    out = [first]
    for mode in entry.modes:
        if mode != d.reg:
            out.append((mode, mode, entry.system(mode)))
    if len(entry.modes) == 1:
        mine = entry.system(d.reg).definitions
        for name in catalog.names():
            other = catalog.get(name)
            if other.name == entry.name or d.reg not in other.modes:
                continue
            try:
                same = other.system(d.reg).definitions == mine
            except DeriveError:
                continue
            if same:
                out += [(m, f"{other.name} --reg {m}", other.system(m)) for m in other.modes if m != d.reg]
                break
    return out


def compare_modes(d: "Derivation", k: int, *, versus: "Derivation | None" = None,
                  seconds: float = SECONDS_PER_MODE, total: float = TOTAL_SECONDS) -> Unrolled:
    """Unroll ``k`` steps in every mode of ``d``'s entry: the coefficient of w_{t-k} in w_t and where modes part ways.

    ``versus`` replaces the other modes by one derivation to compare with (a user's system in its
    other regularization mode). Each phase of the work has ``seconds`` and the whole comparison
    ``total`` (printing included); what does not finish in time is reported as undecided.

    >>> from derive import derive
    >>> u = derive("momentum", "l2").unroll(2)
    >>> [(p.mode_b, p.first_difference) for p in u.partings]
    [('none', 1), ('decoupled', 2)]
    >>> print(coefficient_text(u.modes[2]))
    (1 − η_t·λ)^2
    """
    if not isinstance(k, int) or isinstance(k, bool) or k < 1 or k > MAX_UNROLL:
        raise UsageError(f"--unroll K needs 1 ≤ K ≤ {MAX_UNROLL}, got {k}")
    clock = _Clock(seconds, total)
    modes = _modes(d)
    if versus is not None:
        label = versus.reg if versus.reg != modes[0][1] else f"{versus.reg} (other)"
        modes = [modes[0], (versus.reg, label, versus.system)]
    generic: dict[str, _GenericStep] = {}
    failed: dict[str, tuple[Status, str]] = {}
    for _mode, label, system in modes:
        try:
            with clock.budget():
                generic[label] = _generic_step(system)
        except _Nonlinear as err:
            failed[label] = ("nonlinear", f"the step is not affine in the weight and state: {err}")
        except BudgetExceeded:
            failed[label] = ("undecided", f"linearising one step ran out of time ({clock.why()})")
    table: dict[sp.Expr, Abbreviation] = {}
    try:
        with clock.budget():
            generic = _abbreviate(generic, table)
    except BudgetExceeded:
        failed.update({label: ("undecided", f"naming the per-step factors ran out of time ({clock.why()})")
                       for label in generic})
        generic = {}
    results: list[ModeCoefficient] = []
    jacobians = {label: _jacobians(step, k) for label, step in generic.items()}
    try:
        with clock.budget():
            R = _ring(list(jacobians.values()))
    except BudgetExceeded:
        R = None
    for mode, label, _ in modes:
        if label in failed:
            results.append(ModeCoefficient(mode, label, (), *failed[label]))
            continue
        try:
            with clock.budget():
                coefficients, product = _coefficients(generic[label], jacobians[label], R)
            results.append(ModeCoefficient(mode, label, coefficients, "exact", "", product))
        except BudgetExceeded:
            results.append(ModeCoefficient(mode, label, (), "undecided",
                                           f"multiplying {k} steps ran out of time ({clock.why()})"))
    partings = [_part(results[0], other, table, clock) for other in results[1:]]
    # What is printed is computed here too, so the bound holds for the output as well.
    for i, m in enumerate(results):
        if m.status == "exact":
            try:
                with clock.budget():
                    results[i] = _keep_cache(m, replace(m, text=coefficient_text(m), latex=coefficient_latex(m)))
            except BudgetExceeded:
                results[i] = replace(m, text="(computed, but too large to print in time)",
                                     latex="\\text{(too large to print in time)}")
    for i, p in enumerate(partings):
        if p.difference is not None:
            try:
                with clock.budget():
                    partings[i] = replace(p, difference_text=_short(p.difference), difference_latex=_short_latex(p.difference))
            except BudgetExceeded:
                pass
    legend = tuple(dict.fromkeys(table.values()))
    return Unrolled(k, tuple(results), legend, tuple(partings), clock.elapsed())


def _keep_cache(old: ModeCoefficient, new: ModeCoefficient) -> ModeCoefficient:
    """``replace`` makes a new object: carry the SymPy forms already converted over to it."""
    for name in ("coefficients", "last"):
        if name in old.__dict__:
            new.__dict__[name] = old.__dict__[name]
    return new


class _Clock:
    """Budgets for the phases of one comparison: each phase at most ``seconds``, all of them ``total``."""

    def __init__(self, seconds: float, total: float) -> None:
        self.seconds, self.total = seconds, total
        self.started = time.monotonic()

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def why(self) -> str:
        left = self.total - self.elapsed()
        return f"{self.seconds:g} s per step of the work" if left > 0 else f"{self.total:g} s in all"

    @contextmanager
    def budget(self) -> Iterator[None]:
        left = self.total - self.elapsed()
        if left <= 0:
            raise BudgetExceeded(f"the {self.total:g} s of --unroll are spent")
        with time_budget(min(self.seconds, left)):
            yield


def _part(a: ModeCoefficient, b: ModeCoefficient, table: dict[sp.Expr, Abbreviation], clock: _Clock) -> Parting:
    if a.status != "exact" or b.status != "exact":
        return Parting(a.label, b.label, (), None)
    statuses: list[str] = []
    for j, (x, y) in enumerate(zip(a.raw, b.raw), start=1):
        try:
            with clock.budget():
                same_ring = not isinstance(x, sp.Basic) and not isinstance(y, sp.Basic)
                diff = _as_expr(x - y) if same_ring else sp.expand(_as_expr(x) - _as_expr(y))
                if diff == 0:
                    statuses.append("true")
                    continue
                verdict = numeric_difference(_expand_abbreviations(diff, table, j), sp.Integer(0))
        except BudgetExceeded:
            statuses.append("undecided")
            continue
        if verdict.status == "false":
            statuses.append("false")
            return Parting(a.label, b.label, tuple(statuses), j, diff)
        statuses.append("undecided")
    return Parting(a.label, b.label, tuple(statuses), None)


def _expand_abbreviations(expr: sp.Expr, table: dict[sp.Expr, Abbreviation], k: int) -> sp.Expr:
    """``expr`` with every ρ_{t-j} replaced by what it stands for (for a numeric witness)."""
    mapping = {}
    for abbreviation in table.values():
        for j in range(k):
            mapping[abbreviation.symbol(S.t - j)] = abbreviation.at(S.t - j)
    return expr.xreplace(mapping)
