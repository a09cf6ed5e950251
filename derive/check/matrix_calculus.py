r"""A gradient written out in matrix calculus, checked entry by entry: ``\nabla_x x^\top A x = (A + A^\top)x``,
``\nabla_A \operatorname{tr}(AB) = B^\top``, ``\nabla_A x^\top A y = x y^\top``, ``\nabla_A \det A = (\det A) A^{-\top}``.

Such a link states the gradient of a number built from matrices and vectors with respect to one of them
(the variable after ``\nabla``), with nothing defined before: the claim is about the expression itself. On
random integer matrices of several sizes (exact fractions) each entry of the gradient is the slope of the
expression along that entry, computed by a central difference; the difference is the exact derivative when
the expression is at most quadratic along one entry (traces and quadratic forms are; a determinant is affine
in each entry), which a third difference confirms, or nothing is decided here.

The verdicts keep to :func:`derive.check.matrices.decide`'s standard: **false** when the claim differs on
general random matrices *and* on diagonal ones *and* on numbers; **proved** when it agrees on every random
instance tried — a generic small case (sizes 2 to 4), which the reason says, not a proof for every size — and
proved for every size when the variable is a vector and the gradient taken symbolically
(:func:`derive.check.matrix_gradient.gradient_poly`) has the claim's normal form.
"""
from __future__ import annotations

import random
import re
from fractions import Fraction

from .matrices import (SCALAR, Atom, Decision, Node, Notation, Shapes, Unsupported, _as_vectors, _atoms, _misfit,
                       _promoted, _stem, _summed_with_arrays, read_side, worlds)
from .matrix_gradient import _same_derivative, slopes

__all__ = ["gradient_link", "of_expression", "split_gradient"]

#: ``\nabla_x``, ``\nabla_{\mathbf{x}}``, ``\nabla_{A}`` and the expression after it.
_NABLA = re.compile(r"^\s*\\nabla\s*_\s*(\{(?:[^{}]|\{[^{}]*\})*\}|\\?[A-Za-z])\s*(?P<body>\S.*)$", re.S)
#: ``\frac{\partial}{\partial A}`` before the expression.
_PARTIAL = re.compile(r"^\s*\\d?frac\s*\{\s*\\partial\s*\}\s*\{\s*\\partial\s*(\{(?:[^{}]|\{[^{}]*\})*\}|\\?[A-Za-z]"
                      r"|\\[A-Za-z]+\s*\{[^{}]*\})\s*\}\s*(?P<body>\S.*)$", re.S)
#: ``\frac{\partial x^\top A x}{\partial x}``: the expression written in the numerator.
_PARTIAL_OVER = re.compile(r"^\s*\\d?frac\s*\{\s*\\partial\s*(?P<body>(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})+)\}\s*"
                           r"\{\s*\\partial\s*(\{(?:[^{}]|\{[^{}]*\})*\}|\\?[A-Za-z]|\\[A-Za-z]+\s*\{[^{}]*\})\s*\}\s*$",
                           re.S)
#: What says the expression after ∇ is a function's name applied to its point (``\nabla f(x)``): not read here.
_NAMED_CALL = re.compile(r"^\s*\\?[A-Za-z]+\s*(?:_\{[^{}]*\}|_[A-Za-z0-9])?\s*\(")

#: Random instances of each kind that must agree.
TRIES = 3


def split_gradient(left: str) -> tuple[str, str] | None:
    """``\\nabla_A \\operatorname{tr}(AB)`` → (``A``, ``\\operatorname{tr}(AB)``), and so for
    ``\\frac{\\partial}{\\partial A} \\operatorname{tr}(AB)`` and ``\\frac{\\partial\\operatorname{tr}(AB)}{\\partial A}``; None when ``left`` is not a
    gradient of a written expression with respect to a named variable (a ``\\nabla f(x)`` names a function)."""
    m = _NABLA.match(left) or _PARTIAL.match(left)
    if m is not None:
        var, body = m.group(1).strip(), m.group("body").strip()
    elif (m := _PARTIAL_OVER.match(left)) is not None and m.group("body").strip():
        var, body = m.group(2).strip(), m.group("body").strip()
    else:
        return None
    if var.startswith("{") and var.endswith("}"):
        var = var[1:-1].strip()
    if _NAMED_CALL.match(body) and not re.match(r"^\s*\\(?:det|operatorname|mathrm|text|tr|Tr)", body):
        return None
    if body.startswith("(") and body.endswith(")") and body.count("(") == 1:
        body = body[1:-1]
    return var, body


#: What makes the expression after ∇ one of matrix calculus: a trace, a determinant, a transpose or a norm.
_MATRIX_WORDS = re.compile(r"\\(?:det|operatorname\s*\{\s*(?:tr|Tr|trace)\s*\}|(?:mathrm|text|textrm|rm)\s*\{\s*(?:tr|Tr|trace)\s*\}"
                           r"|tr|Tr|top|intercal|\||lVert|Vert)(?![A-Za-z])|\^\s*(?:T|\{\s*T\s*\})")


def of_expression(left: str) -> bool:
    r"""Is ``left`` the gradient of a written expression in matrix calculus (``\nabla_A \operatorname{tr}(AB)``,
    ``\nabla_x x^\top A x``)? Such a side states a gradient; it names nothing."""
    parts = split_gradient(left)
    return parts is not None and bool(_MATRIX_WORDS.search(parts[1]))


def gradient_link(left: str, right: str, table: Notation, seed: int = 0) -> Decision | None:
    """``∇_V body = claim`` decided entry by entry (see the module's docstring); None when not read here."""
    parts = split_gradient(left)
    if parts is None:
        return None
    other = split_gradient(right)  # ∇_A xᵀAy = ∇_A tr(xᵀAy): two gradients in one variable
    if other is not None and other[0] != parts[0]:
        return None
    try:
        variable, body = read_side(parts[0], table), read_side(parts[1], table)
        claim = read_side(other[1] if other is not None else right, table)
        if not isinstance(variable, Atom) or variable.kind == "identity":
            return None
        key = variable.key
        if key not in {a.key for a in _atoms(body)} or variable.letter in table.symmetric:
            return None  # (the gradient over symmetric matrices has conventions of its own)
        vectors = _promoted(body) | _promoted(claim)
        if variable.kind == "scalar":
            if not variable.letter.islower():
                return None
            vectors.add(_stem(key))  # ∇_x of a number in x: x is a column vector
        body, claim = _as_vectors(body, vectors), _as_vectors(claim, vectors)
        more = _summed_with_arrays(body) | _summed_with_arrays(claim)  # ‖Ax − y‖²: y is a vector too
        body, claim = _as_vectors(body, more), _as_vectors(claim, more)
        shapes = Shapes()
        whole, grad = shapes.of(body), shapes.of(claim)
        if whole is not SCALAR:
            shapes.unify(whole, (Shapes.ONE, Shapes.ONE))
        if key not in shapes.atoms:
            return None
        if other is not None:
            if grad is not SCALAR:
                shapes.unify(grad, (Shapes.ONE, Shapes.ONE))
        elif grad is SCALAR:
            return None
        else:
            shapes.unify(grad, shapes.atoms[key])
    except (Unsupported, RecursionError):
        return None
    misfit = _misfit(shapes, body, claim)
    if misfit:
        return Decision("undecided", f"matrix calculus: the shapes do not fit ({misfit})")
    rng = random.Random(seed)
    both = other is not None
    generic = _agree(body, claim, key, shapes, rng, "generic", table.symmetric, both)
    if generic is None:
        return None
    if generic:
        column = shapes.find(shapes.atoms[key][1]) == shapes.find(Shapes.ONE)  # a vector variable
        if not both and column and _same_derivative(body, claim, key, shapes, table.symmetric, 1):
            return Decision("true", "proved in matrix algebra: the gradient taken at each occurrence of the variable "
                                    "(d(L·v·R) = R·L·dv for a number R) has the claim's normal form; its entries also agree on random "
                                    "matrices of sizes 2 to 4")
        return Decision("true", "the gradient taken entry by entry agrees on random matrices of sizes 2 to 4 "
                                "(exact; a generic small case, not a proof for every size)")
    special = [kind for kind in ("diagonal", "scalar")
               if _agree(body, claim, key, shapes, rng, kind, table.symmetric, both) is not False]
    if special:
        return Decision("undecided", "matrix calculus: the gradient differs on general random matrices but agrees "
                                     f"{'on diagonal (symmetric) ones' if 'diagonal' in special else 'on numbers'}, "
                                     "which the text may assume")
    return Decision("false", "the gradient taken entry by entry differs on random matrices of several sizes, on "
                             "diagonal ones and on numbers")


def _agree(body: Node, claim: Node, key: str, shapes: Shapes, rng: random.Random, kind: str,
           symmetric: set[str], claim_is_gradient: bool = False) -> bool | None:
    """Does every entry of the claim (or of the claim's own gradient) equal the slope of ``body`` along that
    entry of ``key``, on ``TRIES`` random instances of this kind? None when none could be used (a singular
    matrix, a body of degree three or more along an entry)."""
    made = 0
    for world in worlds(shapes, rng, kind, symmetric):
        if made >= TRIES:
            break
        try:
            point = world.atom(next(a for a in _atoms(body) if a.key == key))
            if isinstance(point, Fraction):
                return None
            got = slopes(world, claim, key, point) if claim_is_gradient else world.eval(claim)
            found = slopes(world, body, key, point)
            if found is None or got is None or isinstance(got, Fraction):
                return None
        except (ZeroDivisionError, ArithmeticError):
            continue
        made += 1
        if len(got) != len(found) or any(len(a) != len(b) or any(x != y for x, y in zip(a, b))
                                         for a, b in zip(got, found)):
            return False
    return True if made else None
