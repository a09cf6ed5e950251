"""K steps at once: the coefficient of w_{t-K} in w_t, in every regularization mode, and where they part ways.

One step of an element-wise optimizer, with the gradient and the adaptive atoms (v̂) of each step
held fixed, is an affine map of the weight and the state it carries (w, m, …). So K steps multiply
K small Jacobians, and the coefficient of w_{t-K} in w_t is one entry of that product: cheap,
exact, and polynomial in a few per-step quantities. Those quantities are named once (an
*abbreviation* such as φ_s = 1/((1 − β₁^s)(√v̂_s + ε)), the step size Adam gives coordinate s), so
the coefficient prints as a short polynomial instead of kilobytes of nested fractions. An
abbreviation's letter, and the letter of the step index, are chosen so that no symbol of the
notation or of the systems compared spells the same (RMSprop's ρ, Adagrad's s_t). Where a
coefficient is still too long to read it is cut after its first-order term in λ, and the place where
two modes part ways is still given.

Only the weight and the state it feeds and that feeds it back are followed: state the weight never
reaches (Adadelta's u_t without L2) is held like an atom. A step that is not affine in what is
followed (Adadelta with L2: u_t squares λ·w, and the step reads √(u_{t-1} + ε)) is reported as
such, naming the derivative that still depends on the weights.

Every SymPy call here runs under :func:`derive.budget.time_budget`; what does not finish in time is
reported as undecided, never waited for.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, Callable, ContextManager, Literal

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
#: Letters for the per-step factors, in the order they are given out; a letter that any symbol of the
#: notation or of the compared systems already uses is skipped.
_ABBREVIATION_NAMES = (r"\varphi", r"\chi", r"\omega", r"\xi", r"\zeta", r"\sigma", r"\nu", r"\gamma")
#: Letters for the step index as printed (internally it is always ``s``), the first free one is used.
_INDEX_NAMES = ("s", "j", "i", "n", "q")


@dataclass(frozen=True)
class Abbreviation:
    """A per-step quantity named once: ``symbol`` (e.g. φ_s) stands for ``value`` at step ``s``."""

    name: str
    value: sp.Expr
    #: The letter the generic step is printed with (``s``, or ``j`` when a system has an s_t).
    index: str = "s"

    def symbol(self, step: sp.Expr = _STEP) -> sp.Symbol:
        return sp.Symbol(f"{self.name}_{{{_index(step)}}}", real=True)

    def at(self, step: sp.Expr) -> sp.Expr:
        return _at_step(self.value, step)

    def text(self) -> str:
        return f"{printing.text(_shown(self.symbol(), self.index))} = {printing.text(_shown(self.value, self.index))}"

    def latex(self) -> str:
        return f"{printing.latex(_shown(self.symbol(), self.index))} = {printing.latex(_shown(self.value, self.index))}"


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
    #: The symbols that stand for a quantity at one step (φ_{t-2}, τ_{t-1}): what the printed
    #: coefficient is collected by.
    per_step: frozenset[sp.Symbol] = frozenset()
    #: The letter the generic step is printed with (in a product Π_s).
    index: str = "s"
    #: The reason in Markdown with ``$…$`` math, for the notebook display.
    reason_markdown: str = ""

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
    #: What each step holds fixed besides its gradient: the per-coordinate atoms (v̂_t, u_t, c_t).
    held: tuple[sp.Symbol, ...] = ()

    def _held_text(self, style: str = "text") -> str:
        name = (lambda x: f"${printing.latex(x)}$") if style == "markdown" else printing.text
        if not self.held:
            return "with each step's gradient held fixed"
        names = ["gradient"] + [name(x) for x in self.held]
        return f"with each step's {', '.join(names[:-1])} and {names[-1]} held as atoms"

    # -- text -------------------------------------------------------------------------------------
    def text_lines(self) -> list[str]:
        k = self.k
        lines = [f"Unrolled {k} step{'s' if k > 1 else ''}: w_t = c·w_{{t-{k}}} + (terms without w_{{t-{k}}}), "
                 + self._held_text()]
        if self.abbreviations:
            letter = self.abbreviations[0].index
            span = f"{letter} = t" if k == 1 else f"{letter} = t-{k - 1}, …, t"
            lines += [f"  where {a.text()}  ({span})" for a in self.abbreviations]
        width = max(len(m.label) for m in self.modes)
        for i, m in enumerate(self.modes):
            tag = " (this)" if i == 0 and len(self.modes) > 1 else ""
            shown = f"c = {coefficient_text(m)}" if m.status == "exact" else _not_exact_text(m, k)
            lines.append(f"  {m.label + tag:<{width + 7}}  {shown}")
        missing = {m.label: m for m in self.modes if m.status != "exact"}
        for p in self.partings:
            if p.first_difference is None:
                if not p.statuses:
                    why = next((f"{label} {_short_status(m)}" for label, m in missing.items()
                                if label in (p.mode_a, p.mode_b)), "a coefficient is missing")
                    verdict = f"not compared ({why})"
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
               f"({self._held_text('markdown')})", ""]
        if self.abbreviations:
            out += [display(", \\qquad ".join(a.latex() for a in self.abbreviations)), ""]
        for m in self.modes:
            if m.status == "exact":
                out += [f"*{m.label}*:", "", display(_c_equals(coefficient_latex(m))), ""]
            elif m.status == "nonlinear":
                out += [f"*{m.label}*: not affine in $w_{{t-{k}}}$: {m.reason_markdown or m.reason}", ""]
            else:
                out += [f"*{m.label}*: {_not_exact_text(m, k)}", ""]
        missing = {m.label: m for m in self.modes if m.status != "exact"}
        for p in self.partings:
            if p.first_difference is None and not p.statuses:
                why = next((f"{label} {_short_status(m)}" for label, m in missing.items()
                            if label in (p.mode_a, p.mode_b)), "a coefficient is missing")
                out.append(f"- {p.mode_a} and {p.mode_b}: not compared ({why})")
            elif p.first_difference is None:
                out.append(f"- {p.mode_a} and {p.mode_b} agree for every $k \\le {k}$"
                           if all(s == "true" for s in p.statuses) else f"- {p.mode_a} and {p.mode_b}: undecided")
            else:
                diff = f"; there the difference is {inline(p.difference_latex)}" if p.difference_latex else ""
                out.append(f"- {p.mode_a} and {p.mode_b} part ways at $k = {p.first_difference}${diff}")
        return "\n".join(out) + "\n"

    def _repr_latex_(self) -> str:
        rows = [f"\\text{{{m.label}:}}\\quad {_c_equals(coefficient_latex(m))}" if m.status == "exact"
                else f"\\text{{{m.label}: {_short_status(m)}}}" for m in self.modes]
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
            if m.product is None and m.raw and _term_count(m.raw[-1]) > JSON_TERMS:  # never converted whole
                return {"truncated": True, "terms": _term_count(m.raw[-1]), "text": m.text, "latex": m.latex}
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
                "abbreviations": [{"symbol": _shown(a.symbol(), a.index).name, **(expr(_shown(a.value, a.index)) or {})}
                                  for a in self.abbreviations],
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


def _not_exact_text(m: ModeCoefficient, k: int) -> str:
    """The line of a mode without a coefficient: why, in words (``not affine in w_{t-8}: …``)."""
    if m.status == "nonlinear":
        return f"not affine in w_{{t-{k}}}: {m.reason}"
    return f"c = ({m.status}: {m.reason})"


def _short_status(m: ModeCoefficient) -> str:
    return "is not affine in the weight" if m.status == "nonlinear" else f"is {m.status}"


def _is_per_step(f: sp.Expr, per_step: frozenset[sp.Symbol]) -> bool:
    base = f.base if f.is_Pow else f
    return base in per_step


def _lambda_groups(c: Any) -> list[tuple[int, Callable[[], list[sp.Expr]]]]:
    """The terms of a coefficient grouped by their power of λ, lowest first, each group made SymPy
    only when asked: a coefficient computed in the polynomial ring (NAdam's has ~28,000 terms at
    K = 8) is split there, so printing its first-order term never converts the rest."""
    if isinstance(c, sp.Basic):
        return [(power, (lambda terms=terms: terms)) for power, terms in _by_lambda(c)]
    ring = c.ring
    if S.lam not in ring.symbols:
        return [(0, lambda: list(sp.Add.make_args(c.as_expr())))]
    at = ring.symbols.index(S.lam)
    split: dict[int, dict[tuple[int, ...], Any]] = {}
    for monom, coeff in c.terms():
        power = monom[at]
        split.setdefault(power, {})[monom[:at] + (0,) + monom[at + 1:]] = coeff
    return [(power, (lambda part=part: list(sp.Add.make_args(ring.from_dict(part).as_expr()))))
            for power, part in sorted(split.items())]


def _term_count(c: Any) -> int:
    return len(sp.Add.make_args(c)) if isinstance(c, sp.Basic) else max(1, len(c))


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


def _tidy(terms: list[sp.Expr], per_step: frozenset[sp.Symbol] = frozenset()) -> sp.Expr:
    """A sum collected by its per-step monomials (φ_t, φ_t·φ_{t-1}, τ_{t-2}, …), each coefficient factored.

    ``β₁³·φ_t − φ_t − φ_{t-1} + β₁²·φ_{t-1}`` becomes ``−((1 − β₁³)·φ_t + (1 − β₁²)·φ_{t-1})``.
    """
    by_monomial: dict[sp.Expr, list[sp.Expr]] = {}
    for term in terms:
        factors = sp.Mul.make_args(term)
        monomial = sp.Mul(*[f for f in factors if _is_per_step(f, per_step)])
        by_monomial.setdefault(monomial, []).append(sp.Mul(*[f for f in factors if not _is_per_step(f, per_step)]))
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


def _collected(expr: Any, style: str, limit: int | None, rows: bool = False,
               per_step: frozenset[sp.Symbol] = frozenset()) -> str:
    """The polynomial (a SymPy expression or a ring element) by powers of λ; cut after the
    first-order term when longer than ``limit``."""
    pr = _StepPrinter(style, per_step).doprint
    pieces: list[str] = []
    groups: list[tuple[int, Callable[[], list[sp.Expr]]]] = []
    try:
        with time_budget(SECONDS_PER_MODE):
            groups = _lambda_groups(expr)
            for n, (i, terms) in enumerate(groups):
                pieces.append(pr(_tidy(terms(), per_step) * S.lam ** i))
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
    note = f"   [too long to print in full: {_term_count(expr)} terms; the Python API has it]" \
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
        return _StepPrinter("text", m.per_step).doprint(_shown(m.product, m.index))
    return _collected(m.raw[-1], "text", PRINT_LIMIT, per_step=m.per_step)


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
        return _StepPrinter("latex", m.per_step).doprint(_shown(m.product, m.index))
    return _collected(m.raw[-1], "latex", PRINT_LIMIT * 2, rows=True, per_step=m.per_step)


def _short(e: sp.Expr | None, per_step: frozenset[sp.Symbol] = frozenset()) -> str:
    return _collected(e, "text", 200, per_step=per_step) if e is not None else ""


def _short_latex(e: sp.Expr | None, per_step: frozenset[sp.Symbol] = frozenset()) -> str:
    return _collected(e, "latex", 400, per_step=per_step) if e is not None else ""


class _StepPrinter(printing.NotationPrinter):
    """The notes' printer, with the per-step symbols of an unrolled coefficient in step order: after
    the hyperparameters in a product (η_t·λ·φ_j), and in a sum by step, latest first, letter by
    letter (φ_t + (1 − β₁)·χ_t + φ_{t-1} + …), after the terms without them."""

    def __init__(self, style: printing.Style, per_step: frozenset[sp.Symbol] = frozenset()) -> None:
        super().__init__(style)
        self.per_step = per_step

    def _steps(self, e: sp.Expr) -> list[tuple[int, int, str]]:
        found = [x for x in e.free_symbols if x in self.per_step or _is_generic(x)]
        return sorted((_offset(x), _letter_rank(x), x.name) for x in found)

    def term_key(self, term: sp.Expr) -> tuple[object, ...]:
        steps = self._steps(term)
        if not steps:
            return (0, printing._term_rank(term))
        return (1, tuple(steps), printing._term_rank(term))

    def factor_key(self, f: sp.Expr) -> tuple[object, ...]:
        base = f.base if f.is_Pow else f
        if isinstance(base, sp.Symbol) and (base in self.per_step or _is_generic(base)):
            return (3, 0, base.name)
        return printing._factor_rank(f)


def _is_generic(x: sp.Basic) -> bool:
    return isinstance(x, sp.Symbol) and bool(re.search(r"_\{[a-z](-1)?\}$", x.name)) and not x.name.endswith("_{t}")


def _letter_rank(x: sp.Symbol) -> int:
    """Abbreviations in the order they were given out (φ before χ), other per-step symbols after."""
    return next((i for i, n in enumerate(_ABBREVIATION_NAMES) if x.name.startswith(n + "_")), len(_ABBREVIATION_NAMES))


def _offset(x: sp.Symbol) -> int:
    """``φ_{t-3}`` → 3, ``φ_{t}`` → 0: how many steps before t."""
    found = re.search(r"_\{t-(\d+)\}$", x.name)
    return int(found.group(1)) if found else 0


def _shown(expr: sp.Expr, index: str) -> sp.Expr:
    """``expr`` at the generic step with the step printed as ``index`` (``j`` for ``s``: φ_j, v̂_j)."""
    if index == "s":
        return expr
    letter = sp.Symbol(index, positive=True, integer=True)
    mapping: dict[sp.Basic, sp.Expr] = {_STEP: letter}
    for sym in expr.free_symbols:
        if isinstance(sym, sp.Symbol) and ("_{s}" in sym.name or "_{s-1}" in sym.name):
            mapping[sym] = sp.Symbol(sym.name.replace("_{s}", f"_{{{index}}}").replace("_{s-1}", f"_{{{index}-1}}"),
                                     real=True)
    if isinstance(expr, sp.Product):  # the bound variable is not free: rename it by rebuilding
        (var, lo, hi), = expr.limits
        return sp.Product(_shown(expr.function, index), (letter, lo, hi))
    return expr.xreplace(mapping)


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

    Followed are the weight and the state on a path from w_{t-k} back to w_t: state the weight feeds
    (its update reads w, directly or through other state) *and* that feeds the weight. Other state
    does not depend on w_{t-k} (Adadelta's u_t without L2) or never reaches w_t (AMSGrad's running
    maximum, read through the atom v̂_t): it is held, like an atom, at its value of each step.

    Raises :class:`_Nonlinear` when the step is not affine in what is followed.
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
    variables = set(new_of)
    reads = {var: new_of[var].free_symbols & variables for var in new_of}
    feeds_weight = _closure(system.weight_prev, lambda var: reads[var])
    fed_by_weight = _closure(system.weight_prev, lambda var: {x for x in variables if var in reads[x]})
    relevant = [system.weight_prev] + sorted((feeds_weight & fed_by_weight) - {system.weight_prev},
                                             key=lambda s: s.name)
    # State that is not followed is a value per step: named at step s, it moves with the step.
    held = {x: S.symbol(_at_generic(x.name)) for x in variables - set(relevant)}
    new_of = {var: new_of[var].xreplace(held) for var in relevant}
    jac: dict[tuple[int, int], sp.Expr] = {}
    for i, a in enumerate(relevant):
        for j, b in enumerate(relevant):
            entry = sp.diff(new_of[a], b)
            depends = sorted(entry.free_symbols & set(relevant), key=lambda s: s.name)
            if depends or entry.has(sp.DiracDelta, sp.Heaviside, sp.Derivative, sp.Subs):
                raise _Nonlinear(_nonlinear_reason(system, a, b, entry, depends))
            if entry != 0:
                jac[(i, j)] = entry
    feeds = any(i != 0 and j == 0 for (i, j) in jac)
    return _GenericStep(tuple(relevant), jac, feeds)


def _closure(start: sp.Symbol, neighbours: Any) -> set[sp.Symbol]:
    seen, frontier = {start}, [start]
    while frontier:
        for other in neighbours(frontier.pop()):
            if other not in seen:
                seen.add(other)
                frontier.append(other)
    return seen


def _at_generic(name: str) -> str:
    """``u_{t-1}`` → ``u_{s-1}``: a previous-state name at the generic step."""
    return name.replace("_{t-1}", "_{s-1}") if name.endswith("_{t-1}") else name


def _nonlinear_reason(system: System, a: sp.Symbol, b: sp.Symbol, entry: sp.Expr,
                      depends: list[sp.Symbol]) -> tuple[str, str]:
    """Why the step is not affine, in the notes' words (text, and Markdown with ``$…$`` math): the
    derivative that still depends on what is followed, and the row through which that carries weights.

    ``∂w_t/∂w_{t-1} = 1 − η_t·λ·√(u_{t-1} + ε)/√(v_t + ε) depends on u_{t-1}, which carries earlier
    weights (u_t = ρ·u_{t-1} + (1 − ρ)·Δ_t^2)``.
    """
    new = {system.weight_prev: system.weight, **{p: n for n, p in system.state.items()}}
    at_t = _at_step(entry, S.t)
    d_text = f"∂{S.text_name(new[a])}/∂{S.text_name(b)}"
    d_latex = f"$\\partial {printing.latex(new[a])} / \\partial {printing.latex(b)}$"
    if entry.has(sp.DiracDelta, sp.Heaviside):
        jump = "jumps (a max, a sign or an absolute value of the weight)"
        return f"{d_text} {jump}", f"{d_latex} {jump}"
    others = [x for x in depends if x != system.weight_prev]
    row = next((d for d in system.definitions if others and d.target == new[others[0]]), None)
    fed_text = fed_latex = ""
    if others:
        fed_text = fed_latex = ", which carries earlier weights"
        if row is not None:
            fed_text += f" ({row.text()})"
            fed_latex += f" (${row.latex()}$)"
    text = (f"{d_text} = {clip(printing.text(at_t), 120)} depends on {', '.join(S.text_name(x) for x in depends)}"
            f"{fed_text}")
    latex = (f"{d_latex[:-1]} = {printing.latex(at_t)}$ depends on "
             f"{', '.join(inline(x) for x in depends)}{fed_latex}")
    return text, latex


class _Nonlinear(Exception):
    """The step is not affine in what is followed; ``text`` and ``markdown`` say why."""

    def __init__(self, reason: tuple[str, str]) -> None:
        super().__init__(reason[0])
        self.text, self.markdown = reason


def _abbreviate(steps: dict[str, _GenericStep], table: dict[sp.Expr, Abbreviation], letters: tuple[str, ...] = (),
                index: str = "s") -> dict[str, _GenericStep]:
    """Replace, in every entry, the product of the factors that depend on the step by one named symbol.

    Groups equal up to a constant factor (``1/((1 − β₁^s)(√v̂_s + ε))`` and its expanded denominator)
    share one name; the shortest spelling of the group is the one the legend shows. A group that is
    already one per-step symbol (NAdam's a_s, a dampening τ_s) keeps its own name. ``letters`` are
    the names free to give (see :func:`_free_letters`), ``index`` the letter the step prints as.
    """
    split: dict[str, dict[tuple[int, int], list[tuple[sp.Expr, sp.Expr | None]]]] = {}
    groups: list[sp.Expr] = []
    for mode, step in steps.items():
        split[mode] = {}
        for key, entry in step.jacobian.items():
            terms: list[tuple[sp.Expr, sp.Expr | None]] = []
            for term in _terms(entry):
                fixed = [f for f in sp.Mul.make_args(term) if not _varies(f)]
                varying = [f for f in sp.Mul.make_args(term) if _varies(f)]
                group = sp.Mul(*varying) if varying else None
                if group is not None and _is_named(group):  # already one symbol per step (τ_s, a_s): no new name
                    fixed, group = fixed + [group], None
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
    free = letters or _ABBREVIATION_NAMES
    for c, members in enumerate(clusters):
        best = min(members, key=lambda g: (len(printing.text(g)), printing.text(g)))
        name = free[c % len(free)] + "'" * (c // len(free))
        names.append(Abbreviation(name, best, index))
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


def _terms(entry: sp.Expr) -> list[sp.Expr]:
    """The terms of an entry with every numerator multiplied out and the denominators kept as they are,
    so that hyperparameters (λ, η, β₁) come out of a per-step group: NAdam's
    λ·(a_s + b_s·(1 − β₁))/(√v̂_s + ε) gives λ·a_s/(…), λ·b_s/(…) and −λ·β₁·b_s/(…)."""
    out: list[sp.Expr] = []
    for term in sp.Add.make_args(sp.expand(entry, deep=False)):
        numerator, denominator = sp.fraction(term)
        out += [t / denominator for t in sp.Add.make_args(sp.expand(numerator))]
    return out


def _is_named(group: sp.Expr) -> bool:
    """A per-step group that is a symbol already (or a power of one)."""
    base = group.base if group.is_Pow and group.exp.is_Integer else group
    return isinstance(base, sp.Symbol) and base != _STEP


def _free_letters(systems: list[System]) -> tuple[tuple[str, ...], str]:
    """The abbreviation letters and the step-index letter that no symbol of the notation or of
    ``systems`` starts with (RMSprop's ρ, NAdam's ψ, Adagrad's s_t are taken)."""
    mine: set[str] = set()
    for system in systems:
        for d in system.definitions:
            mine |= {_base_letter(S.text_name(x)) for x in d.expr.free_symbols | {d.target} if isinstance(x, sp.Symbol)}
    # a name for a factor must not be read as any symbol of the notation; the index only within these systems
    used = mine | {_base_letter(S.text_name(d.symbol)) for d in S.all_declared()}
    letters = tuple(n for n in _ABBREVIATION_NAMES if _base_letter(S.latex_to_text(n)) not in used)
    index = next((n for n in _INDEX_NAMES if n not in mine), "s")
    return letters or _ABBREVIATION_NAMES, index


def _base_letter(text: str) -> str:
    """``v̂_t`` → ``v``, ``β₁`` → ``β``, ``s₀`` → ``s``, ``∇L(w_{t-1})`` → ``∇``."""
    out = ""
    for ch in text:
        if ch.isalpha() and (not out or ch.isascii() == out[-1].isascii()):
            out += ch
            continue
        break
    return out or text[:1]


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
    failed: dict[str, tuple[Status, str, str]] = {}
    for _mode, label, system in modes:
        try:
            with clock.budget():
                generic[label] = _generic_step(system)
        except _Nonlinear as err:
            failed[label] = ("nonlinear", err.text, err.markdown)
        except BudgetExceeded:
            failed[label] = ("undecided", f"linearising one step ran out of time ({clock.why()})", "")
    table: dict[sp.Expr, Abbreviation] = {}
    letters, index = _free_letters([system for _, _, system in modes])
    try:
        with clock.budget():
            generic = _abbreviate(generic, table, letters, index)
    except BudgetExceeded:
        failed.update({label: ("undecided", f"naming the per-step factors ran out of time ({clock.why()})", "")
                       for label in generic})
        generic = {}
    results: list[ModeCoefficient] = []
    jacobians = {label: _jacobians(step, k) for label, step in generic.items()}
    per_step = _per_step_symbols(generic, jacobians)
    try:
        with clock.budget():
            R = _ring(list(jacobians.values()))
    except BudgetExceeded:
        R = None
    for mode, label, _ in modes:
        if label in failed:
            status, reason, markdown = failed[label]
            results.append(ModeCoefficient(mode, label, (), status, reason, reason_markdown=markdown))
            continue
        try:
            with clock.budget():
                coefficients, product = _coefficients(generic[label], jacobians[label], R)
            results.append(ModeCoefficient(mode, label, coefficients, "exact", "", product, per_step=per_step,
                                           index=index))
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
                    partings[i] = replace(p, difference_text=_short(p.difference, per_step),
                                          difference_latex=_short_latex(p.difference, per_step))
            except BudgetExceeded:
                pass
    legend = tuple(dict.fromkeys(table.values()))
    return Unrolled(k, tuple(results), legend, tuple(partings), clock.elapsed(), _held(modes))


def _held(modes: list[tuple[str, str, System]]) -> tuple[sp.Symbol, ...]:
    """The per-coordinate atoms of the compared systems (schedules such as NAdam's μ_t are no data)."""
    out: dict[sp.Symbol, None] = {}
    for _, _, system in modes:
        uniform = system.uniform_symbols()
        out.update({a: None for a in system.atoms if a not in uniform})
    return tuple(out)


def _per_step_symbols(generic: dict[str, _GenericStep], jacobians: dict[str, list[dict[tuple[int, int], sp.Expr]]]
                      ) -> frozenset[sp.Symbol]:
    """The symbols of the unrolled entries that stand for a quantity at one step (φ_{t-2}, τ_{t-1})."""
    fixed = {x for step in generic.values() for e in step.jacobian.values() for x in e.free_symbols if not _varies(x)}
    found = {x for jacs in jacobians.values() for jac in jacs for e in jac.values() for x in e.free_symbols}
    return frozenset(x for x in found - fixed if isinstance(x, sp.Symbol))


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

    def budget(self) -> ContextManager[object]:
        """The budget of the next phase, to be entered by the caller's own ``with``.

        Not a generator-based context manager: a budget is tied to the frame that enters it (so that
        one left without its ``__exit__`` is recognised), and a suspended generator's frame is not on
        the call stack while the ``with`` block runs, so a budget entered there would never fire.
        """
        left = self.total - self.elapsed()
        if left <= 0:
            raise BudgetExceeded(f"the {self.total:g} s of --unroll are spent")
        return time_budget(min(self.seconds, left))


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
