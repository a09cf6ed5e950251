"""The chain rule as notes write it in Leibniz's notation, read as a template.

``\\frac{dE}{dw} = \\frac{dE}{dy} \\cdot \\frac{dy}{dz} \\cdot \\frac{dz}{dw}``: every backpropagation note writes it
before any function is known, with the intermediate names only drawn in a figure. Read as derivatives of
expressions the checker knows, each factor would be 0 or unknown; read as fractions, the differentials would
cancel by accident. What makes the line true is its shape: the factors telescope — the first differentiates the
left side's operand, each next one differentiates the previous variable, the last is in the left side's variable.
That shape is proved here, and only that shape (a factor out of order, a missing link, or any other factor leaves
the link to the usual checks).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import sympy as sp
from sympy.core.function import AppliedUndef

from .calculus import derivative_parts

__all__ = ["constant_factor", "is_factor", "telescopes"]


def _first_order(factor: sp.Expr) -> tuple[str, str] | None:
    """(operand, variable) of a first derivative written ``\\frac{dA}{dx}`` or ``\\frac{\\partial A}{\\partial x}``."""
    if isinstance(factor, sp.Derivative) and len(factor.variables) == 1:
        return str(factor.expr), str(factor.variables[0])
    name = factor.name if isinstance(factor, sp.Symbol) else type(factor).__name__ \
        if isinstance(factor, AppliedUndef) else None
    parts = derivative_parts(name) if name else None
    if parts is None or parts[0] != "gradient" or not parts[1] or len(parts[1]) != 1:
        return None
    return parts[2], parts[1][0]


def telescopes(left: sp.Expr | None, right: sp.Expr | None, same: Mapping[str, str] | None = None) -> str | None:
    """The reason when ``left = right`` is the chain rule (one derivative against a product of derivatives that
    telescopes from its operand to its variable, in either order of the sides); None otherwise. ``same`` maps a
    name to the function the text equates it with (``y`` to ``f`` after "if y = f(g(x))"): ``dy/dx = df/dg · dg/dx``
    then starts at f."""
    for one, product in ((left, right), (right, left)):
        if one is None or product is None or not isinstance(product, sp.Mul):
            continue
        outer = _first_order(one)
        factors = [_first_order(f) for f in product.args]
        if outer is None or len(factors) < 2 or any(f is None for f in factors):
            continue
        remaining = list(factors)
        at, names = outer[0], []
        if same and at in same and not any(f and f[0] == at for f in remaining):
            at = same[at]
        while remaining:
            step = next((f for f in remaining if f and f[0] == at), None)
            if step is None:
                break
            remaining.remove(step)
            at = step[1]
            names.append(at)
        if not remaining and at == outer[1] and len(names) >= 2:
            return f"the chain rule: the factors telescope through {', '.join(names[:-1])}"
    return None


def constant_factor(left: sp.Expr | None, right: sp.Expr | None,
                    reads: Callable[[str], frozenset[str] | None]) -> tuple[str, str, bool] | None:
    """A factor ``∂A/∂x`` of a telescoping product whose operand A, as the notes define it, does not read x at all
    (``reads(A)``: the names A's definition reads through the others, None when A is not defined): that factor is
    0, and so is the product. Returns A, x and whether the left side is surely not 0: its operand reads its own
    variable and x too (a slip), rather than being undefined or reading x under another name (``out_{h1}`` for
    ``h_1``: then nothing shows the product right, and nothing shows it wrong; only an x with no definition of
    its own counts there). None when there is no such factor, or when the left side's operand does not read its
    own variable either (then both sides are 0).

    Why: ``∂E/∂w = ∂E/∂out_h · ∂out_h/∂net_h · ∂net_h/∂w`` telescopes, but with ``net_h = ux + c`` the last factor
    is 0 while E reads w through the output unit: the names of the wrong unit were written (h for o)."""
    doubtful = None
    for one, product in ((left, right), (right, left)):
        if one is None or product is None or not isinstance(product, sp.Mul):
            continue
        outer = _first_order(one)
        if outer is None:
            continue
        whole = reads(outer[0])
        if whole is not None and outer[1] not in whole:
            continue
        for factor in product.args:
            part = _first_order(factor)
            if part is None:
                continue
            operand = reads(part[0])
            if operand is None or part[1] in operand:
                continue
            if whole is not None and part[1] in whole:
                return (*part, True)
            if reads(part[1]) is None:  # (a defined x is substituted away in what A reads: no sign A misses it)
                doubtful = doubtful or (*part, False)
    return doubtful


#: A call of a function the checker keeps as one name: ``\\sigma(d + h v)``, the function and its arguments.
_KEPT_CALL = re.compile(r"^(?P<fn>\\?[A-Za-z]+(?:_\{[^{}()]*\})?)\((?P<args>.*)\)$")
#: A name inside the arguments of such a call: a letter or a macro, with a subscript.
_ARGUMENT = re.compile(r"\\?[A-Za-z]+(?:_\{[^{}]*\}|_[A-Za-z0-9])?")
#: What may stand between the names of the arguments: numbers, operations, brackets, spaces.
_BETWEEN = re.compile(r"[\s\d.+\-*/^(),]*")


def call_arguments(name: str, defined: frozenset[str]) -> frozenset[str] | None:
    """The names in the arguments of a call kept as one name (``\\sigma(d + h v)`` → d, h, v), when every piece
    of them is read; None when the function is one the notes define (its body may read more) or some piece is
    not a plain name (a macro with braces, text)."""
    found = _KEPT_CALL.match(name)
    if found is None or found.group("fn") in defined or found.group("fn").lstrip("\\") in defined:
        return None
    args = found.group("args")
    if not _BETWEEN.fullmatch(_ARGUMENT.sub(" ", args)):
        return None
    return frozenset(_ARGUMENT.findall(args))


def is_factor(expr: sp.Expr) -> bool:
    """A first derivative written as the chain rule writes its factors (``\\frac{\\partial z}{\\partial w_i}``)."""
    return _first_order(expr) is not None
