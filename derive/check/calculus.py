r"""Derivatives of expressions written in notes: ``\frac{d}{dh}\big(\sqrt{(h-3)^2+1}\big)``,
``\nabla_w \big(\tfrac12\|w\|^2\big)``, ``\frac{\partial}{\partial w}(…)``, ``\frac{d^2}{dx^2}(…)``.

The parser keeps such a derivative unevaluated (``sp.Derivative(operand, (x, n))``) because what the
operand means is only known once the document's definitions are in: with ``u = x^2`` stated before,
``\frac{d}{dx}(u + x)`` is ``2x + 1``, not ``1``. :func:`evaluate` substitutes the definitions into the
operand (never the variable itself), reads norms coordinate-wise as the rest of the checker does
(``‖w‖² → w²``), differentiates with SymPy, and names what stays opaque the way the notes write it:
the derivative of an undefined ``f(x, Y_i)`` in the slot of ``x`` is the gradient ``\nabla_{x} f(x, Y_i)``,
the n-th derivative of a one-variable ``f(x)`` is ``f''(x)``. A derivative that cannot be named so (the
chain rule through ``f(x + ε)``, a derivative with respect to a defined name) stays a ``Derivative``,
which the verifier reports as undecided with :func:`unresolved`'s reason; nothing is guessed.
"""
from __future__ import annotations

from collections.abc import Callable

import sympy as sp
from sympy.core.function import AppliedUndef

from .. import printing
from .bind import GRADIENT_PREFIX, _square_norms

__all__ = ["evaluate", "linear_in", "unresolved"]


def evaluate(expr: sp.Expr, settle: Callable[[sp.Expr, sp.Symbol], sp.Expr | None]) -> sp.Expr:
    """Differentiate every ``Derivative`` of ``expr``, innermost first.

    ``settle(operand, variable)`` returns the operand with the document's definitions substituted
    (holding ``variable``), or None when the variable itself is defined (then the derivative stays).
    """
    if not expr.has(sp.Derivative):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Derivative), lambda d: _differentiate(d, settle))


def unresolved(expr: sp.Expr) -> str | None:
    """Why a derivative is left in ``expr`` (for an undecided verdict), or None when there is none."""
    for d in sorted(expr.atoms(sp.Derivative, sp.Subs), key=sp.default_sort_key):
        inner = d.expr if isinstance(d, (sp.Derivative, sp.Subs)) else d
        if isinstance(d, sp.Subs) or (isinstance(inner, sp.Derivative) and isinstance(inner.expr, AppliedUndef)):
            return f"the derivative of {printing.text(_applied(d))} needs the chain rule through an unknown function"
        return f"the derivative of {printing.text(inner)} could not be taken (its variable is defined, or not a name)"
    return None


def _applied(d: sp.Basic) -> sp.Basic:
    found = sorted(d.atoms(AppliedUndef), key=sp.default_sort_key)
    return found[0] if found else d


def _differentiate(d: sp.Derivative, settle: Callable[[sp.Expr, sp.Symbol], sp.Expr | None]) -> sp.Expr:
    if len(d.variable_count) != 1:
        return d
    var, order = d.variable_count[0]
    if not isinstance(var, sp.Symbol) or not isinstance(order, sp.Integer) or not 1 <= int(order) <= 4:
        return d
    operand = settle(d.expr, var)
    if operand is None:
        return d
    result = sp.diff(_square_norms(operand), var, int(order))
    return _name_opaque(result)


def _name_opaque(expr: sp.Expr) -> sp.Expr:
    """``Derivative(f(x, y), x)`` → ``\\nabla_{x} f(x, y)``; ``Derivative(f(x), (x, 2))`` → ``f''(x)``."""
    def name(d: sp.Derivative) -> sp.Expr:
        call = d.expr
        if not isinstance(call, AppliedUndef) or len(d.variable_count) != 1:
            return d
        var, order = d.variable_count[0]
        fname = type(call).__name__
        slots = [k for k, a in enumerate(call.args) if a == var]
        others = [a for k, a in enumerate(call.args) if k not in slots]
        if len(slots) != 1 or any(a.has(var) for a in others) or fname.startswith(GRADIENT_PREFIX):
            return d
        if order == 1:
            return sp.Function(f"{GRADIENT_PREFIX}_{{{var.name}}} {fname}")(*call.args)
        if len(call.args) == 1:
            return sp.Function(fname + "'" * int(order))(*call.args)
        return d

    return expr.replace(lambda e: isinstance(e, sp.Derivative), name)


def linear_in(expr: sp.Expr, var: sp.Symbol) -> bool:
    """Is ``expr`` of degree at most one in ``var``? (``∂²/∂var² = 0``, decided mostly from the tree.)

    The checker asks this of every variable of a long side (Adam's step written out) to find the
    coefficients an author can compare; differentiating twice is the slow way, so the tree decides
    first: sums and products with ``var`` in one factor are linear, ``var`` under a root, in a
    denominator, in an exponent or inside a function is not (a cancellation such as
    ``(2x + 2)/(x + 1)`` is not looked for); only products and integer powers of polynomials in
    ``var`` go to SymPy's second derivative.
    """
    verdict = _structurally_linear(expr, var)
    if verdict is None:
        return sp.diff(expr, var, 2) == 0
    return verdict


def coefficient(expr: sp.Expr, var: sp.Symbol) -> sp.Expr:
    """The coefficient of ``var`` in ``expr``, which :func:`linear_in` has found linear in it.

    Read off the tree (a sum's coefficients added, a product's other factors kept as they stand), so
    that a long side costs one walk instead of a derivative of every factor, and the coefficient keeps
    the shape the author wrote; where the tree does not decide, SymPy differentiates."""
    if expr == var:
        return sp.Integer(1)
    if not expr.has(var):
        return sp.Integer(0)
    if isinstance(expr, sp.Add):
        return sp.Add(*(coefficient(a, var) for a in expr.args))
    if isinstance(expr, sp.Mul):
        holding = [a for a in expr.args if a.has(var)]
        if len(holding) == 1:
            rest = [a for a in expr.args if a is not holding[0]]
            return sp.Mul(*rest) * coefficient(holding[0], var)
    return sp.diff(expr, var)


def _structurally_linear(expr: sp.Basic, var: sp.Symbol) -> bool | None:
    if not expr.has(var):
        return True
    if expr == var:
        return True
    if isinstance(expr, sp.Add):
        verdicts = [_structurally_linear(a, var) for a in expr.args]
        return False if False in verdicts else (None if None in verdicts else True)
    if isinstance(expr, sp.Mul):
        holding = [a for a in expr.args if a.has(var)]
        if len(holding) == 1:
            return _structurally_linear(holding[0], var)
        if any(isinstance(a, sp.Pow) and not (a.exp.is_Integer and a.exp > 0) for a in holding):
            return False  # g·(√v + ε)⁻¹ with v holding g: SymPy already merged x·x⁻¹, so nothing cancels
        return None  # a product of polynomials in var: degree two unless something cancels, which SymPy sees
    if isinstance(expr, sp.Pow):
        if expr.exp.has(var):
            return False
        if expr.exp.is_Integer and expr.exp > 1:
            return None
        return False
    return False
