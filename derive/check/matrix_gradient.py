r"""The gradient of a function written in matrix notation, checked coordinate by coordinate.

``R(w) = \frac12\|Xw - y\|^2`` and then ``\nabla R(w) = X^\top(Xw - y)``: the scalar reader drops transposes and the
order of products, so it "proves" ``X(Xw - y)`` as readily as the true ``X^\top(Xw - y)``. Here the definition and
the claim are read by :mod:`.matrices` (products in order, transposes kept), the variable ``w`` a column vector,
and on random small integer matrices and vectors (several sizes, exact arithmetic) every coordinate of the gradient
is computed from the definition itself: ``∂R/∂w_i = (R(w + e_i) − R(w − e_i))/2``, which is exact for a function
of degree at most two in ``w`` (least squares, ridge, quadratic forms); the third difference along ``e_i`` must
vanish, or nothing is decided here.

A claim is **false** when its coordinates differ from the definition's on general random matrices *and* on
diagonal ones *and* on numbers (the scalar reading), the same standard as :func:`derive.check.matrices.decide`
(a symmetric or commuting matrix the text means without saying it makes such a claim undecided, never false).
Agreement on random matrices is evidence; it becomes a proof when the gradient taken symbolically
(:func:`gradient_poly`: each occurrence of the variable in each product of the expanded definition,
``d(L\,w\,R) = R\,L\,dw``) has the claim's normal form. The Hessian ``\nabla^2 f = A + A^\top`` is checked the
same way, one derivative further (:func:`check_hessian`).
"""
from __future__ import annotations

import random
from fractions import Fraction

from ..notation import GREEK_BY_CHAR
from .matrices import (SCALAR, Algebra, Atom, Decision, Det, Inverse, Node, Notation, Poly, Prod, Quotient, Shapes,
                       Trace, Unsupported, _add, _as_vectors, _atoms, _children, _misfit, _promoted,
                       _scalar, _added_to, _summed_with_arrays, read_side, substitute, worlds)

#: Worlds of each kind that must agree.
TRIES = 3


def _columns_beside(node: Node, variable: str) -> set[str]:
    """Capitals added to a matrix times the variable (``Xθ − Y``, the targets stacked as ``Y``): the variable is a
    column, so what is added to its product is a column too, whatever its letter's case says."""
    return _added_to(node, lambda t: isinstance(t, Prod) and isinstance(t.factors[-1], Atom)
                     and t.factors[-1].key == variable
                     and any(isinstance(f, Atom) and f.kind == "matrix" for f in t.factors[:-1]),
                     lambda atom: atom.kind == "matrix")


def _as_columns(node: Node, keys: set[str]) -> Node:
    """``node`` with the capitals ``keys`` read as column vectors."""
    if not keys:
        return node
    return substitute(node, {}, 0, lambda atom: Atom(atom.key, atom.letter, "vector")
                      if atom.kind == "matrix" and atom.key in keys else atom)


def _read(body_text: str, variable: str, claim_text: str, table: Notation,
          order: int) -> tuple[Node, Node, str, Shapes] | None:
    """The definition and the claim in matrix notation, the variable a column vector and the claim shaped as its
    gradient (``order`` 1: the variable's shape) or its Hessian (2: square in its size); with the variable's key
    as the reader spells it. None when the notation is not read here or holds no matrix (the scalar reading is
    the reading then), or when the shapes do not fit."""
    try:
        body, claim = read_side(body_text, table), read_side(claim_text, table)
        keys = {a.key for a in _atoms(body)}
        if variable not in keys and variable.lstrip("\\") in keys:
            variable = variable.lstrip("\\")  # \theta is the key "theta" there
        elif variable not in keys and GREEK_BY_CHAR.get(variable) in keys:
            variable = GREEK_BY_CHAR[variable]  # θ, as a parameter's name prints, is the key "theta" too
        if variable not in keys or (order == 2 and not _polynomial_in(body, variable)):
            return None
        vectors = {variable} | _promoted(body) | _promoted(claim)
        body, claim = _as_vectors(body, vectors), _as_vectors(claim, vectors)
        more = _summed_with_arrays(body) | _summed_with_arrays(claim)
        body, claim = _as_vectors(body, more), _as_vectors(claim, more)
        columns = _columns_beside(body, variable) | _columns_beside(claim, variable)
        body, claim = _as_columns(body, columns), _as_columns(claim, columns)
        if not any(a.kind == "matrix" for a in _atoms(body) + _atoms(claim)):
            return None
        shapes = Shapes()
        whole, derivative = shapes.of(body), shapes.of(claim)
        if whole is not SCALAR:
            shapes.unify(whole, (Shapes.ONE, Shapes.ONE))
        if variable not in shapes.atoms or derivative is SCALAR:
            return None
        rows = shapes.atoms[variable][0]
        shapes.unify(derivative, shapes.atoms[variable] if order == 1 else (rows, rows))
    except (Unsupported, RecursionError):
        return None
    return None if _misfit(shapes, body, claim) else (body, claim, variable, shapes)


def check(body_text: str, variable: str, claim_text: str, table: Notation, seed: int = 0) -> Decision | None:
    """``∇f = claim`` for ``f(variable) = body``: "false" with the coordinates that differ, "true" when they agree
    on every kind of random matrices tried (evidence only), None when the notation is not read here."""
    read = _read(body_text, variable, claim_text, table, order=1)
    if read is None:
        return None
    body, claim, variable, shapes = read
    rng = random.Random(seed)
    results = {kind: _agree(body, claim, variable, shapes, rng, kind, table.symmetric)
               for kind in ("generic", "diagonal", "scalar")}
    if results["generic"] is None:
        return None
    if results["generic"] is True:
        if _same_derivative(body, claim, variable, shapes, table.symmetric, order=1):
            return Decision("true", "proved in matrix algebra: the gradient of the definition, taken at each "
                                    "occurrence of the variable (d(L·v·R) = R·L·dv for a number R), has the claim's normal form; "
                                    "its coordinates also agree on random matrices and vectors of several sizes")
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
            # (the claim may not hold the variable: ∇(yᵀXw) = Xᵀy; its value is drawn with the definition's)
            point = world.atom(next(a for a in _atoms(body) if a.key == variable))
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


def _holds_variable(node: Node, variable: str) -> bool:
    return any(a.key == variable for a in _atoms(node))


def _polynomial_in(node: Node, variable: str) -> bool:
    """Is ``node`` a polynomial in the variable as :class:`Algebra` expands it: the variable never inside an
    inverse, a trace, a determinant or a denominator (their derivatives are not the occurrence rule's)?"""
    if isinstance(node, (Inverse, Trace, Det)) and _holds_variable(node, variable):
        return False
    if isinstance(node, Quotient) and _holds_variable(node.den, variable):
        return False
    return all(_polynomial_in(child, variable) for child in _children(node))


def gradient_poly(algebra: Algebra, body: Poly, variable: str) -> Poly | None:
    """The gradient of a number (``body``: products of shape 1×1) in the column vector ``variable``, as products:
    an occurrence ``L w R`` (R a number) gives ``(RL)^⊤ = L^⊤R^⊤``, an occurrence ``L w^⊤ R`` (L a number)
    gives ``R L^⊤``. None when a product is not a number (the shapes were not what a gradient needs)."""
    out: Poly = {}
    back = variable + "'"
    for word, c in body.items():
        if not word:
            continue
        if not algebra._scalar_word(word):
            return None
        for i, atom in enumerate(word):
            left, right = word[:i], word[i + 1:]
            if atom == variable:
                piece = algebra.transpose({left: 1}) if left else {(): 1}
                piece = {w1 + w2: 1 for w1 in piece for w2 in (algebra.transpose({right: 1}) if right else {(): 1})}
            elif atom == back:
                piece = {right + w2: 1 for w2 in (algebra.transpose({left: 1}) if left else {(): 1})}
            else:
                continue
            out = _add(out, {w: c for w in piece})
    return out


def jacobian_poly(algebra: Algebra, column: Poly, variable: str) -> Poly | None:
    """The Jacobian ``∂g/∂w^⊤`` of a column vector ``column`` in ``variable``: ``L w`` gives ``L``, ``L w^⊤ R`` gives
    ``L R^⊤``. None when the variable stands before a number (``L w (a^⊤b)``: no product of names writes that)."""
    out: Poly = {}
    back = variable + "'"
    for word, c in column.items():
        for i, atom in enumerate(word):
            left, right = word[:i], word[i + 1:]
            if atom == variable:
                if right:
                    return None
                piece = {left: 1}
            elif atom == back:
                piece = {left + w2: 1 for w2 in (algebra.transpose({right: 1}) if right else {(): 1})}
            else:
                continue
            out = _add(out, {w: c for w in piece})
    return out


def _same_derivative(body: Node, claim: Node, variable: str, shapes: Shapes, symmetric: set[str],
                     order: int) -> bool:
    """Does the gradient (``order`` 1) or the Hessian (2) of ``body`` in ``variable``, taken symbolically, have
    the claim's normal form? False when it differs or is not taken here (then the claim is not proved)."""
    if not _polynomial_in(body, variable):
        return False
    letters = {a.letter for a in _atoms(body) + _atoms(claim)}
    if any(a.key == variable and a.letter in symmetric for a in _atoms(body)):
        return False
    algebra = Algebra(shapes, symmetric & letters)
    try:
        derived = gradient_poly(algebra, algebra.poly(body), variable)
        if derived is not None and order == 2:
            derived = jacobian_poly(algebra, derived, variable)
        if derived is None:
            return False
        written = algebra.poly(claim)
        difference = _add(algebra.comparable(derived), {w: -c for w, c in algebra.comparable(written).items()})
    except (Unsupported, ZeroDivisionError, KeyError):
        return False
    return not {w: c for w, c in difference.items() if c != 0}


def check_hessian(body_text: str, variable: str, claim_text: str, table: Notation,
                  seed: int = 0) -> Decision | None:
    """``∇²f = claim`` for ``f(variable) = body`` (a number at most quadratic in the vector ``variable``):
    every entry of the claim against the definition's second differences on random matrices, and the Hessian
    taken symbolically. "false" / "true" / "undecided" as :func:`check`; None when not read here."""
    read = _read(body_text, variable, claim_text, table, order=2)
    if read is None or not _at_most_quadratic(read[0], read[2], read[3]):
        return None
    body, claim, variable, shapes = read
    rng = random.Random(seed)
    results = {kind: _agree_hessian(body, claim, variable, shapes, rng, kind, table.symmetric)
               for kind in ("generic", "diagonal", "scalar")}
    if results["generic"] is None:
        return None
    if results["generic"] is True:
        if _same_derivative(body, claim, variable, shapes, table.symmetric, order=2):
            return Decision("true", "proved in matrix algebra: the Hessian of the definition, its gradient "
                                    "differentiated again at each occurrence of the variable, has the claim's normal "
                                    "form; its entries also agree on random matrices of several sizes")
        return Decision("true", "entry by entry it agrees with the definition's second differences on random "
                                "matrices of several sizes (checked there, not proved)")
    if results["diagonal"] is False and results["scalar"] is False:
        return Decision("false", "the Hessian computed entry by entry from the definition differs on random "
                                 "matrices and vectors (several sizes), on diagonal ones and on numbers")
    return Decision("undecided", "its entries differ from the definition's second derivatives on general random "
                                 "matrices but agree for diagonal ones or numbers, which the text may assume")


def _at_most_quadratic(body: Node, variable: str, shapes: Shapes) -> bool:
    """Second differences are the Hessian only for a body of degree two at most in the variable (``x_1^2x_2`` has
    per-coordinate third differences of zero and still a mixed third derivative): counted in the expansion."""
    algebra = Algebra(shapes, set())
    try:
        expanded = algebra.poly(body)
    except (Unsupported, ZeroDivisionError, KeyError):
        return False
    return all(sum(a in (variable, variable + "'") for a in word) <= 2 for word in expanded)


def _agree_hessian(body: Node, claim: Node, variable: str, shapes: Shapes, rng: random.Random, kind: str,
                   symmetric: set[str]) -> bool | None:
    """Do the claim's entries equal ``f(x + e_i + e_j) − f(x + e_i) − f(x + e_j) + f(x)`` (exact for a body at
    most quadratic, which a third difference along each coordinate confirms) on ``TRIES`` worlds of this kind?"""
    made = 0
    for world in worlds(shapes, rng, kind, symmetric):
        if made >= TRIES:
            break
        try:
            got = world.eval(claim)
            point = world.atom(next(a for a in _atoms(body) if a.key == variable))
            if not isinstance(point, list) or any(len(row) != 1 for row in point):
                return None
            if slopes(world, body, variable, point) is None:
                return None  # cubic or more along a coordinate
            found = _second_differences(world, body, variable, point)
        except (ZeroDivisionError, ArithmeticError):
            continue
        made += 1
        if isinstance(got, Fraction) or len(got) != len(found) or any(
                len(a) != len(b) or any(x != y for x, y in zip(a, b)) for a, b in zip(got, found)):
            return False
    return True if made else None


def _second_differences(world, body: Node, key: str, point: list[list[Fraction]]) -> list[list[Fraction]]:
    n = len(point)

    def at(*steps: int) -> Fraction:
        moved = [list(r) for r in point]
        for i in steps:
            moved[i][0] += 1
        world.values[key] = moved
        try:
            return _scalar(world.eval(body))
        finally:
            world.values[key] = point

    base = at()
    single = [at(i) for i in range(n)]
    return [[at(i, j) - single[i] - single[j] + base for j in range(n)] for i in range(n)]
