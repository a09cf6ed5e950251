r"""The gradient of a function written in matrix notation, checked coordinate by coordinate.

``R(w) = \frac12\|Xw - y\|^2`` and then ``\nabla R(w) = X^\top(Xw - y)``: the scalar reader drops transposes and the
order of products, so it "proves" ``X(Xw - y)`` as readily as the true ``X^\top(Xw - y)``. Here the definition and
the claim are read by :mod:`.matrices` (products in order, transposes kept), the variable ``w`` a column vector,
and on random small integer matrices and vectors (several sizes, exact arithmetic) every coordinate of the gradient
is computed from the definition itself: ``∂R/∂w_i = (R(w + e_i) − R(w − e_i))/2``, which is exact for a function
of degree at most two in ``w`` (least squares, ridge, quadratic forms); the third difference along ``e_i`` must
vanish, or nothing is decided here.

This only ever refutes: a claim is **false** when its coordinates differ from the definition's on general random
matrices *and* on diagonal ones *and* on numbers (the scalar reading), the same standard as
:func:`derive.check.matrices.decide` (a symmetric or commuting matrix the text means without saying it makes such
a claim undecided, never false). Agreement on random matrices is evidence, not a proof: the scalar reader's
verdict stands then, with the reason saying the coordinates were checked too.
"""
from __future__ import annotations

import random
from fractions import Fraction

from .matrices import (SCALAR, Atom, Decision, Node, Notation, Prod, Shapes, Sum, Transpose, Unsupported,
                       _as_vectors, _atoms, _children, _misfit, _promoted, _scalar, read_side, worlds)

#: Worlds of each kind that must agree.
TRIES = 3


def _summed_with_arrays(node: Node, found: set[str] | None = None) -> set[str]:
    """Lowercase one-letter names added to a product that holds a matrix (``Xw - y``): vectors, not numbers."""
    found = set() if found is None else found
    if isinstance(node, Sum):
        arrays = any(isinstance(t, Prod) and any(isinstance(f, Atom) and f.kind == "matrix"
                                                  or isinstance(f, Transpose) for f in t.factors) for t in node.terms)
        if arrays:
            for t in node.terms:
                core = t.factors[-1] if isinstance(t, Prod) and len(t.factors) == 2 and not isinstance(
                    t.factors[0], Atom) else t
                if isinstance(core, Atom) and core.kind == "scalar" and len(core.letter) == 1 and core.letter.islower():
                    found.add(core.key)
    for child in _children(node):
        _summed_with_arrays(child, found)
    return found


def check(body_text: str, variable: str, claim_text: str, table: Notation, seed: int = 0) -> Decision | None:
    """``∇f = claim`` for ``f(variable) = body``: "false" with the coordinates that differ, "true" when they agree
    on every kind of random matrices tried (evidence only), None when the notation is not read here."""
    try:
        body, claim = read_side(body_text, table), read_side(claim_text, table)
        keys = {a.key for a in _atoms(body)}
        if variable not in keys and variable.lstrip("\\") in keys:
            variable = variable.lstrip("\\")  # \theta is the key "theta" there
        if variable not in keys:
            return None
        vectors = {variable} | _promoted(body) | _promoted(claim)
        body, claim = _as_vectors(body, vectors), _as_vectors(claim, vectors)
        more = _summed_with_arrays(body) | _summed_with_arrays(claim)
        body, claim = _as_vectors(body, more), _as_vectors(claim, more)
        if not any(a.kind == "matrix" for a in _atoms(body) + _atoms(claim)):
            return None  # no matrix anywhere: the scalar reading is the reading
        shapes = Shapes()
        whole, grad = shapes.of(body), shapes.of(claim)
        if whole is not SCALAR:
            shapes.unify(whole, (Shapes.ONE, Shapes.ONE))
        if variable not in shapes.atoms or grad is SCALAR:
            return None
        shapes.unify(grad, shapes.atoms[variable])
    except (Unsupported, RecursionError):
        return None
    if _misfit(shapes, body, claim):
        return None
    rng = random.Random(seed)
    results = {kind: _agree(body, claim, variable, shapes, rng, kind, table.symmetric)
               for kind in ("generic", "diagonal", "scalar")}
    if results["generic"] is None:
        return None
    if results["generic"] is True:
        return Decision("true", "read coordinate by coordinate it also agrees with the definition on random "
                                "matrices and vectors of several sizes (checked there, not proved)")
    if results["diagonal"] is False and results["scalar"] is False:
        return Decision("false", "the gradient computed coordinate by coordinate from the definition differs on "
                                 "random matrices and vectors (several sizes), on diagonal ones and on numbers")
    return Decision("undecided", "its coordinates differ from the definition's on general random matrices but "
                                 "agree for diagonal ones or numbers, which the text may assume")


def _agree(body: Node, claim: Node, variable: str, shapes: Shapes, rng: random.Random, kind: str,
           symmetric: set[str]) -> bool | None:
    """Do the claim's coordinates equal the definition's on ``TRIES`` random worlds of this kind?
    None when no world could be used (a singular inverse, a body of degree above two)."""
    made = 0
    for world in worlds(shapes, rng, kind, symmetric):
        if made >= TRIES:
            break
        try:
            got = world.eval(claim)
            point = world.values[variable]
            if not isinstance(point, list) or any(len(row) != 1 for row in point):
                return None
            column = slopes(world, body, variable, point)
            if column is None:
                return None  # degree three or more in the variable: a central difference is not its slope
        except (ZeroDivisionError, ArithmeticError):
            continue
        made += 1
        if isinstance(got, Fraction) or len(got) != len(column) or any(len(r) != 1 for r in got) \
                or any(a[0] != b[0] for a, b in zip(got, column)):
            return False
    return True if made else None


def slopes(world, body: Node, key: str, point: list[list[Fraction]]) -> list[list[Fraction]] | None:
    """The slope of ``body`` along each entry of ``key`` (a vector's coordinates, a matrix's entries) at ``point`` in
    this world; None when ``body`` is cubic or more along an entry (a central difference is not its slope then).
    Shared with :mod:`.matrix_calculus`, which takes gradients in a matrix too."""
    found = [[Fraction(0)] * len(point[0]) for _ in point]
    base = _scalar(world.eval(body))
    for i, row in enumerate(point):
        for j in range(len(row)):
            values = []
            for step in (-1, 1, 2):
                moved = [list(r) for r in point]
                moved[i][j] += step
                world.values[key] = moved
                values.append(_scalar(world.eval(body)))
            world.values[key] = point
            down, up, up2 = values
            if up2 - 3 * up + 3 * base - down != 0:
                return None
            found[i][j] = (up - down) / 2
    return found
