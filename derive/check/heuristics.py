"""Reading notation the way its author meant: which equations are claims, and which verdicts to doubt.

Real notes use ``=`` for more than identities: conditions (``ηλ = 1``, ``∇f(x*) = 0``), in-place
assignments (``w = w − αv``), iteration indices written as superscripts (``x^{k+1}``, ``γ^k``), a
matrix times a bracket that looks like a call (``Q(x + Q^{-1}c)``). These functions recognise them,
so that the checker skips what is not a claim and says "undecided" where a *false* verdict may come
from reading the notation the wrong way. Precision first: each rule can only remove a finding.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from .. import printing
from .. import symbols as S
from . import conditional
from .bind import GRADIENT_PREFIX, Functions


def find_cycle(definitions: dict[sp.Symbol, sp.Expr]) -> list[sp.Symbol] | None:
    """A cycle of definitions (a_t := b_t + 1, b_t := a_t − 1), in the order written, or None."""
    state: dict[sp.Symbol, int] = {}

    def visit(node: sp.Symbol, path: list[sp.Symbol]) -> list[sp.Symbol] | None:
        if state.get(node) == 1:
            return path[path.index(node):]
        if state.get(node) == 2 or node not in definitions:
            return None
        state[node] = 1
        for nxt in sorted(definitions[node].free_symbols, key=lambda s: s.name):
            found = visit(nxt, path + [node])
            if found:
                return found
        state[node] = 2
        return None

    for target in definitions:
        found = visit(target, [])
        if found:
            return found
    return None


def is_condition(left: sp.Expr, right: sp.Expr) -> bool:
    """``ηλ = 1``, ``∇f(x*) = 0``, ``‖v‖ = 1``: an equation to solve or a hypothesis, not an identity.

    A side without free symbols (and without a sum or product to evaluate) makes the link a
    condition; so does a link whose two sides both collapsed to numbers (``p_k(0) = 1`` read as a
    product with 0).
    """
    # lim_{t→∞} β^t = 0, ∫_0^1 x² dx = 1/3 and df/dx|_{x=3} = 6 state the value of a limit, an integral or a
    # derivative at a point: claims, not conditions (lim_{h→0} |h|/h binds its only letter: no free symbol, yet
    # not a constant the notes set)
    from .latex import EvaluatedAt
    from .unbounded import Unbounded  # ∫ x² dx = x³/3 + C: an antiderivative, or a value over an unwritten range

    def constant(e: sp.Expr) -> bool:
        return not e.free_symbols and not e.has(sp.Sum, sp.Product, sp.Integral, sp.Limit, EvaluatedAt, Unbounded)

    def stated_value(side: sp.Expr, value: sp.Expr) -> bool:
        # ∂/∂w_0 (w_0 + w_1x_1) = 1: a written expression's derivative is a number to check (= 0 stays a condition)
        return value != 0 and isinstance(side, sp.Derivative) and not side.expr.atoms(AppliedUndef) \
            and not isinstance(side.expr, sp.Symbol)
    integral = (sp.Limit, sp.Integral, EvaluatedAt, Unbounded)

    def valued(side: sp.Expr) -> bool:  # (Σ_{i=1}^{6} i/6 = 21/6: a sum with numbers for bounds is a value to check)
        return side.has(*integral) or (side.has(sp.Sum, sp.Product) and not side.free_symbols)
    return (constant(left) and not valued(right) and not stated_value(right, left)) \
        or (constant(right) and not valued(left) and not stated_value(left, right))


def is_assignment(left: sp.Expr, right: sp.Expr) -> bool:
    """``w = w − αv``: the symbol on the left is read on the right, so ``=`` assigns (pseudo-code)."""
    return isinstance(left, sp.Symbol) and left in right.free_symbols and left != right


def index_like(exp: sp.Expr, base: sp.Symbol) -> bool:
    """k, t, b, k+1, t-1: what an iteration index or a label looks like (not 1/(1-γ), not 2)."""
    free = exp.free_symbols
    if len(free) != 1 or base in free:
        return False
    (var,) = free
    if "_" in var.name:
        return False  # θ^{y_i}: a datum with its own index is an exponent, never the step or label of θ
    return exp == var or (exp.is_Add and (exp - var).is_Integer)


_STEP = re.compile(r"^(?P<base>[^()]+?)_\{t(?P<shift>[+-]\d+)?\}$")


def _steps(expr: sp.Expr) -> dict[str, set[str]]:
    """Iterates by base name and the steps they are taken at: w_{t+1}, w_{t} → {"w": {"+1", ""}}."""
    out: dict[str, set[str]] = {}
    for s in expr.free_symbols:
        m = _STEP.match(s.name)
        if m:
            out.setdefault(m.group("base"), set()).add(m.group("shift") or "")
    return out


def _closed_form(expr: sp.Expr) -> bool:
    """β^t, a sum over past steps: what an unrolled recurrence looks like."""
    if expr.has(sp.Sum):
        return True
    return any(any(s.is_integer for s in p.exp.free_symbols) for p in expr.atoms(sp.Pow))


#: A step written as a bracketed superscript (``x^{(k)}``, ``x^{(k+1)}``), a star (``x^*``) or a subscript
#: (``x_{k+1}``): part of the name, no power and no sum.
_NAME_MARKS = re.compile(r"\^\{\([^{}()]*\)\}|\^\{\*\}|\^\*|_\{[^{}]*\}")


#: Why a false verdict on indexed quantities is doubted (coordinates or past steps may be tied in words).
INDEXED_DOUBT = "indexed quantities (coordinates, past steps) are not modelled"


#: ``∇_2``, ``∇_{t−1}``: the gradient at a step, a name the parser made (nothing followed it to differentiate).
_STEP_GRADIENT = re.compile(r"\\nabla_\{(?:\d+|[A-Za-z]|\\tau|[A-Za-z]\s*[-+]\s*\d+)\}")


def doubt(sa: sp.Expr, sb: sp.Expr, functions: Functions, written: sp.Expr,
          unrolled: frozenset[str] = frozenset()) -> str | None:
    """A reason not to trust a *false* verdict: notation the checker may have read the wrong way.

    * an opaque call with a compound argument, ``Q(x + Q^{-1}c)``: a matrix times a bracket, maybe;
    * a Latin letter raised to a symbolic power, ``x^{k+1}``: an iteration index, maybe;
    * a gradient of a function the document defines that could not be expanded (another variable);
    * coordinates or time indices (``w_i``, ``g_{t-i}``) that the element-wise model does not have —
      except the quantities in ``unrolled``, whose recurrences were unrolled, so their steps are modelled.
    """
    both = sa + sb
    conditioned = conditional.doubt(written, both)  # E[y | x], p(y | x): whole quantities, no law of their own
    if conditioned is not None or any(conditional.in_name(s.name) for s in both.free_symbols):
        return conditioned or conditional.REASON
    for s in sorted(both.free_symbols, key=lambda s: s.name):  # sorted: the same message for every hash seed
        name = s.name
        if "(" in name and not name.startswith(GRADIENT_PREFIX):
            inner = name[name.index("(") + 1 : name.rindex(")")] if name.endswith(")") else ""
            inner = _NAME_MARKS.sub("", inner)  # f(x^{(k)}): x at step k is one name, not x to a power
            if any(ch in inner for ch in "+-/ ^{"):
                return f"{printing.text(s)} may be a product, not a function call"
        if name.startswith(GRADIENT_PREFIX) and "(" not in name and not _STEP_GRADIENT.fullmatch(name):
            return f"{printing.text(s)} has no brackets: what the gradient applies to is ambiguous"
        if name.startswith(GRADIENT_PREFIX):
            base = name.split(" ", 1)[-1].split("(")[0]
            if base in functions.defs:
                return f"the gradient {printing.text(s)} of a defined function could not be expanded"
    if not written.has(sp.Sum, sp.Product, sp.Limit):  # under Σ or lim the exponent is a bound power
        # Outside sums a superscript on a letter the notation does not declare is as likely an
        # iteration index or a label (x^{k+1}, γ^k, V^{b}) as a power; declared ones (β₁^t) are powers.
        for power in sorted(written.atoms(sp.Pow), key=sp.default_sort_key):
            base, exp = power.base, power.exp
            if isinstance(base, sp.Symbol) and S.declared(base) is None and index_like(exp, base):
                return f"the superscript of {printing.text(base)} may be an iteration index, not a power"
    if both.has(sp.Indexed):
        return INDEXED_DOUBT
    steps_a, steps_b = _steps(sa), _steps(sb)
    for base in sorted(set(steps_a) & set(steps_b)):
        if steps_a[base] != steps_b[base] and base not in unrolled:
            return f"the two sides are written at different steps of {base} (an unrolled recurrence): not modelled"
    for one, other in ((sa, sb), (sb, sa)):
        previous = {s for s in one.free_symbols - other.free_symbols if s.name.endswith("_{t-1}")}
        if previous and _closed_form(other):
            names = ", ".join(sorted(printing.text(s) for s in previous))
            return f"a closed form of a recurrence ({names} on one side only): not modelled"
    return None
