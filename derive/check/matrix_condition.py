r"""Steps of solving an equation in matrix notation: each display follows from the one just before it.

Closed forms are derived display by display: ``0 = -X^\top(y - Xw) + λw``, expanded ``0 = -X^\top y + X^\top Xw + λw``,
rearranged ``X^\top Xw + λw = X^\top y``, factored ``(X^\top X + λI)w = X^\top y``, solved ``w = (X^\top X + λI)^{-1}X^\top y``.
None of these is an identity (each holds at the solution only), so none is checked as one; but each is a claim
that it follows from the previous equation. Here, on random integer matrices and vectors of several sizes (exact
fractions, :func:`derive.check.matrices.worlds`):

- a *rearrangement*: left minus right equals ± the previous equation's left minus right, entry by entry;
- a *solution* ``w = M``: putting ``M`` for ``w`` makes the previous equation hold.

Agreement on every random instance is reported as following from the line before (a generic small case, said in the
reason); anything else returns None and the statement keeps the verdict it had (this never refutes: the next display
may be a new equation as well as a slip).
"""
from __future__ import annotations

import random
import re
from fractions import Fraction

from .matrices import (SCALAR, Atom, Notation, Num, Prod, Shapes, Sum, Unsupported, _as_vectors, _atoms, _equal,
                       _misfit, _promoted, read_side, worlds)

__all__ = ["follows"]

TRIES = 3


#: The zero vector written bold (``\mathbf{0}``): the number 0 where a side is only that.
_ZERO = re.compile(r"^\s*\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*0\s*\}?\s*$")


def _difference(left: str, right: str, table: Notation):
    left, right = ("0" if _ZERO.match(side) else side for side in (left, right))
    a, b = read_side(left, table), read_side(right, table)
    return Sum((a, Prod((Num(Fraction(-1)), b))))


def follows(previous: tuple[str, str], current: tuple[str, str], table: Notation, seed: int = 0) -> str | None:
    """Why the equation ``current`` follows from ``previous`` (both as written: left, right), or None."""
    try:
        before, after = _difference(*previous, table), _difference(*current, table)
        vectors = _promoted(before) | _promoted(after)
        before, after = _as_vectors(before, vectors), _as_vectors(after, vectors)
        names = {x.key for x in _atoms(before) if x.kind != "identity"}
        if not names or not {x.key for x in _atoms(after) if x.kind != "identity"} <= names:
            return None  # a new name: not a step of solving the equation before
        solved = _solved(current, table, vectors)
        shapes = Shapes()
        sb, sa = shapes.of(before), shapes.of(after)
        if sb is not SCALAR and sa is not SCALAR:
            shapes.unify(sb, sa)
        if solved is not None:
            key, value = solved
            if key not in shapes.atoms:
                return None
            shape = shapes.of(value)
            if shape is SCALAR:
                return None
            shapes.unify(shape, shapes.atoms[key])
    except (Unsupported, RecursionError):
        return None
    if _misfit(shapes, before, after) or not any(x.kind == "matrix" for x in _atoms(before)):
        return None
    rng = random.Random(seed)
    if solved is None:
        for sign in (1, -1):
            if _always(lambda w, s=sign: _equal(w.eval(after), _scaled(w.eval(before), s)), shapes, rng, table):
                return "a rearrangement of the equation just before (its terms, entry by entry on random matrices)"
        return None
    key, value = solved

    def holds(world) -> bool:
        world.values[key] = world.eval(value)
        return _is_zero(world.eval(before))
    if _always(holds, shapes, rng, table):
        return ("the value that solves the equation just before (put in, it holds on random matrices of several "
                "sizes: a generic small case)")
    return None


def _solved(current: tuple[str, str], table: Notation, vectors: set[str]) -> tuple[str, object] | None:
    """``w = M`` with ``w`` a name not in ``M``: the name and ``M``; None for any other equation."""
    left, right = (_as_vectors(read_side(side, table), vectors) for side in current)
    if isinstance(left, Atom) and left.kind != "identity" and left.key not in {x.key for x in _atoms(right)}:
        return left.key, right
    return None


def _scaled(value, sign: int):
    if isinstance(value, Fraction):
        return value * sign
    return [[x * sign for x in row] for row in value]


def _is_zero(value) -> bool:
    if isinstance(value, Fraction):
        return value == 0
    return all(x == 0 for row in value for x in row)


def _always(test, shapes: Shapes, rng: random.Random, table: Notation) -> bool:
    made = 0
    for world in worlds(shapes, rng, "generic", table.symmetric):
        if made >= TRIES:
            break
        try:
            ok = test(world)
        except (ZeroDivisionError, ArithmeticError):
            continue
        made += 1
        if not ok:
            return False
    return made > 0
