"""Derivatives through a computation the notes build with a function they leave open.

Backpropagation notes name each node of a network (``z = wx + b``, ``a = σ(z)``, ``L = ½(a − y)²``), often with σ
never written out, and then state derivatives through the nodes: ``∂L/∂a = a − y``, ``∂L/∂w = (a − y)σ'(z)x``,
``∂L/∂b = δ`` after ``δ = (a − y)σ'(z)``. Read the ordinary way, ``σ(z)`` is an opaque number and ``L`` never
writes ``w``: nothing could be decided. Here the nodes keep their open calls, so a derivative is taken through
them by the chain rule — ``∂A/∂v`` is A's definition written out down to v (v held when it is a node itself),
differentiated in v — and an open function's derivative is named by its primes, as the notes write it. Both
sides are then written out down to the inputs, every application of an open function read as an unknown number;
equal there, the link holds whatever the function is.

Only a proof comes from here: sides that differ might still agree for the one σ the prose has in mind (the
sigmoid, whose σ' = σ(1 − σ) the notes use without writing it), so a difference is left to the usual checks.
"""
from __future__ import annotations

from collections.abc import Mapping

import sympy as sp
from sympy.core.function import AppliedUndef

from ..errors import BudgetExceeded
from ..proof import compare
from .bind import GRADIENT_PREFIX, CircularDefinition, Functions, substitute
from .calculus import derivative_parts

__all__ = ["named_primes", "opaque_calls", "prove"]


def named_primes(expr: sp.Expr) -> sp.Expr:
    """Derivatives of open functions of one argument named by their primes: SymPy's
    ``Subs(Derivative(σ(ξ), ξ), ξ, wx + b)`` and ``Derivative(σ(z), z)`` become ``σ'(wx + b)`` and ``σ'(z)``."""
    def prime(name: str, order: int, point: sp.Expr) -> sp.Expr | None:
        if name.startswith(GRADIENT_PREFIX) or order < 1:
            return None
        return sp.Function(name + "'" * order)(point)

    def at(s: sp.Subs) -> sp.Expr:
        d = s.expr
        if len(s.variables) != 1 or not isinstance(d, sp.Derivative) or not isinstance(d.expr, AppliedUndef) \
                or d.expr.args != s.variables or len(d.variable_count) != 1:
            return s
        return prime(type(d.expr).__name__, int(d.variable_count[0][1]), s.point[0]) or s

    def plain(d: sp.Derivative) -> sp.Expr:
        call = d.expr
        if not isinstance(call, AppliedUndef) or len(call.args) != 1 or len(d.variable_count) != 1 \
                or d.variable_count[0][0] != call.args[0]:
            return d
        return prime(type(call).__name__, int(d.variable_count[0][1]), call.args[0]) or d

    expr = expr.replace(lambda e: isinstance(e, sp.Subs), at)
    return expr.replace(lambda e: isinstance(e, sp.Derivative), plain)


def _derivatives(expr: sp.Expr, definitions: Mapping[sp.Symbol, sp.Expr]) -> sp.Expr | None:
    """Each Leibniz derivative ``∂A/∂v`` of a node A in ``expr`` taken through the definitions; None when one
    cannot be (A not defined, v not reached from A: how A depends on it is not written)."""
    named = {s.name: s for s in definitions}
    swap: dict[sp.Symbol, sp.Expr] = {}
    for sym in expr.free_symbols:
        parts = derivative_parts(sym.name) if isinstance(sym, sp.Symbol) else None
        if parts is None:
            continue
        kind, variables, base = parts
        if kind not in ("gradient", "partial") or variables is None or len(variables) != 1 or base not in named:
            return None
        held = named.get(variables[0])
        body = substitute(definitions[named[base]], definitions, hold=frozenset({held} if held is not None else ()))
        var = held if held is not None else next((s for s in body.free_symbols
                                                  if isinstance(s, sp.Symbol) and s.name == variables[0]), None)
        if var is None:
            return None
        swap[sym] = named_primes(sp.diff(body, var))
    return expr.xreplace(swap) if swap else expr


def _written_out(expr: sp.Expr, definitions: Mapping[sp.Symbol, sp.Expr], functions: Functions) -> sp.Expr | None:
    taken = _derivatives(functions.expand(expr), definitions)
    if taken is None:
        return None
    return named_primes(functions.expand(substitute(taken, definitions)))


def prove(left: sp.Expr, right: sp.Expr, definitions: Mapping[sp.Symbol, sp.Expr], functions: Functions,
          seconds: float) -> str | None:
    """The reason ``left = right`` holds through the computation ``definitions`` build (whatever the open
    functions are), or None when that is not shown. Only links that take a derivative through a node or use a
    node are tried: ``definitions`` must hold the nodes with their open calls (not read as opaque numbers)."""
    try:
        a, b = _written_out(left, definitions, functions), _written_out(right, definitions, functions)
    except (CircularDefinition, RecursionError):
        return None
    if a is None or b is None:
        return None
    calls = sorted({type(c).__name__.rstrip("'") for side in (a, b) for c in side.atoms(AppliedUndef)})
    if not calls or a.has(sp.Derivative, sp.Subs) or b.has(sp.Derivative, sp.Subs):
        return None
    opaque: dict[sp.Expr, sp.Symbol] = {}
    a, b = opaque_calls(a, opaque), opaque_calls(b, opaque)
    try:
        verdict = compare(a, b, seconds=seconds)
    except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
        return None
    if verdict.status != "true":
        return None
    return (f"through the computation the definitions build, by the chain rule, whatever {', '.join(calls)} "
            f"{'is' if len(calls) == 1 else 'are'}: {verdict.reason}")


def opaque_calls(expr: sp.Expr, opaque: dict[sp.Expr, sp.Symbol]) -> sp.Expr:
    """``expr`` with every application of an unknown function (and every derivative, integral or substitution
    of one) replaced by a symbol of its own, the same symbol for the same application on either side."""
    if isinstance(expr, (AppliedUndef, sp.Derivative, sp.Integral, sp.Subs)) and expr.atoms(AppliedUndef):
        if expr not in opaque:
            opaque[expr] = sp.Symbol(f"_call{len(opaque)}")
        return opaque[expr]
    if not expr.args or not isinstance(expr, sp.Basic):
        return expr
    args = [opaque_calls(x, opaque) if isinstance(x, sp.Expr) else x for x in expr.args]
    return expr.func(*args) if any(x is not y for x, y in zip(args, expr.args)) else expr
