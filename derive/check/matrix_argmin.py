"""A closed form of an argmin, checked against its objective's first-order condition.

``w^* = (X^T X + λI)^{-1} X^T y`` after ``w^* = \\arg\\min_w \\|Xw − y\\|^2 + λ\\|w\\|^2``: the gradient of the
objective (matrix algebra of :mod:`derive.check.matrices`) must vanish at the closed form. False when it does
not on random matrices; proved for every size when the objective's Hessian is a positive multiple of the
matrix the closed form inverts and is built from Gram matrices and a multiple of I.
"""
from __future__ import annotations

import random
import re
from fractions import Fraction

import sympy as sp

from .matrices import (SCALAR, Algebra, Atom, Decision, Mat, Node, Notation, Poly, Shapes, Unsupported, _add, _as_vectors,
                       _atoms, _misfit, _promoted, _scalar, _stem, _World, columns_as_vectors, forced_columns, read_side,
                       worlds)

_ARGMIN = re.compile(r"^\s*(?:\\arg\s*\\min|\\operatorname\*?\{arg\s*(?:\\,)?\s*min\}|\\mathrm\{arg\s*(?:\\,)?\s*min\}"
                     r"|\\argmin)\s*(?:\\limits)?\s*_\s*(\{(?:[^{}]|\{[^{}]*\})*\}|\\?[A-Za-z])\s*(.*)$", re.S)
#: ``w \in \mathbb{R}^d`` below an argmin: the variable, and where it ranges (all of a real space: no constraint).
_REAL_SPACE = re.compile(r"^(.*?)\s*\\in\s*(?:\\mathbb\{R\}|\\R|\\Bbb\{?R\}?|R)(?:\s*\^\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+))?\s*$",
                         re.S)


def argmin(text: str) -> tuple[str, str] | None:
    """``\\arg\\min_{w} F`` (or ``_{w \\in \\mathbb{R}^d}``) as written: the variable and the objective (None for
    anything else, a constrained variable too)."""
    m = _ARGMIN.match(text)
    if m is None:
        return None
    var = m.group(1)
    var = var[1:-1] if var.startswith("{") else var
    if "\\in" in var:
        space = _REAL_SPACE.match(var)
        if space is None:
            return None
        var = space.group(1)
    return var, m.group(2)


def first_order(objective: str, variable: str, closed: str, table: Notation, seed: int = 0) -> Decision | None:
    """Is ``closed`` (a closed form of ``argmin_variable objective``) a stationary point of the objective?

    The objective must be a quadratic in the variable (checked: its third differences vanish), so central
    differences give its gradient exactly. A gradient that is not zero at random matrices (and at diagonal
    ones, and at numbers) refutes the closed form: a minimizer of a differentiable function is stationary. A
    zero gradient is only evidence (the identity is rational in the entries): undecided, with that said."""
    try:
        var = read_side(variable, table)
        f, c = read_side(objective, table), read_side(closed, table)
    except (Unsupported, RecursionError):
        return None
    if not isinstance(var, Atom) or var.kind == "identity":
        return None
    if var.key not in {x.key for x in _atoms(f)} or var.key in {x.key for x in _atoms(c)}:
        return None
    if {x.key for x in _atoms(c) if x.kind != "identity"} - {x.key for x in _atoms(f)}:
        return None  # V(D² + λI)⁻¹DUᵀY, another minimizer's name: letters the objective does not relate to it
    vectors = _promoted(f) | _promoted(c) | ({_stem(var.key)} if var.kind == "scalar" else set())
    f, c = _as_vectors(f, vectors), _as_vectors(c, vectors)
    var = Atom(var.key, var.letter, "vector")
    shapes = _shapes(f, c, var)
    if shapes is not None and (columns := forced_columns(shapes, f, c)):
        # ‖Y − Xβ‖² with a bold capital Y: the response is a column, whatever its letter — read it as a vector
        f, c = columns_as_vectors(f, columns), columns_as_vectors(c, columns)
        shapes = _shapes(f, c, var)
    if shapes is None or _misfit(shapes, f, c, var):
        return None
    rng = random.Random(seed)
    outcomes = {}
    for kind in ("generic", "diagonal", "scalar"):
        outcomes[kind] = _stationary(f, c, var, shapes, rng, kind, table.symmetric)
        if outcomes[kind] is None:
            return None
        if outcomes[kind]:
            break
    if outcomes.get("generic"):
        proof = _stationary_proof(f, c, var, shapes, table.symmetric, table.definite)
        if proof is not None:
            return Decision("true", proof)
        return Decision("undecided", "the first-order condition of the quadratic objective holds at this closed "
                                     "form on random matrices of several sizes (evidence, not a proof: the "
                                     "identity is rational in the entries)")
    if any(outcomes.values()):
        return Decision("undecided", "the closed form is stationary for the objective only if the matrices are "
                                     "diagonal or numbers, which the text may assume without saying")
    return Decision("false", "the gradient of the objective is not zero at this closed form (random matrices, "
                             "diagonal ones and numbers): it is not a minimizer")


def _shapes(f: Node, c: Node, var: Atom) -> Shapes | None:
    """The shapes of an objective ``f`` (a number), a closed form ``c`` and the variable it gives; None when they
    cannot be joined."""
    shapes = Shapes()
    try:
        sf, sc = shapes.of(f), shapes.of(c)
        shapes.of(var)
    except Unsupported:
        return None
    if sf is not SCALAR:
        shapes.unify(sf, (Shapes.ONE, Shapes.ONE))
    if sc is None:
        return None
    shapes.unify(shapes.atoms[var.key], sc)
    return shapes


def _stationary(f: Node, c: Node, var: Atom, shapes: Shapes, rng: random.Random, kind: str,
                symmetric: set[str]) -> bool | None:
    """Is the gradient of ``f`` zero at ``var = c`` on three random instances? None when ``f`` is not a
    quadratic in ``var`` or no instance could be made."""
    made = 0
    for world in worlds(shapes, rng, kind, symmetric):
        if made >= 3:
            break
        try:
            point = world.eval(c)
            if isinstance(point, Fraction):
                point = [[point]]
            n = len(point)

            def at(shift: int, i: int, p: Mat = point, w: _World = world) -> Fraction:
                moved = [list(r) for r in p]
                moved[i][0] += shift
                w.values[var.key] = moved
                return _scalar(w.eval(f))

            for i in range(n):
                values = [at(s, i) for s in (-1, 0, 1, 2)]
                if values[3] - 3 * values[2] + 3 * values[1] - values[0] != 0:
                    return None  # not a quadratic in the variable
                if values[2] != values[0]:
                    return False
        except (ZeroDivisionError, ArithmeticError):
            continue
        made += 1
    return True if made else None


def _stationary_proof(f: Node, c: Node, var: Atom, shapes: Shapes, symmetric: set[str],
                      definite: frozenset[str] | set[str] = frozenset()) -> str | None:
    r"""A proof for every size that ``c = P^{-1} r`` is where the gradient of the quadratic ``f`` vanishes:
    the gradient is ``H w + g`` (``w^\top M w`` gives ``(M + M^\top) w``, ``w^\top r`` and ``r^\top w`` give
    ``r``), and ``H = μ P`` so that ``H P^{-1} r + g = μ r + g = 0`` in the normal form. The minimizer needs
    ``H`` positive semidefinite: only a sum of Gram matrices ``B^\top B`` with positive weights and a
    multiple ``s I`` qualifies (convex for ``s ≥ 0``, which the reason states). None when not shown so."""
    algebra = Algebra(shapes, symmetric)
    try:
        pf, pc = algebra.canonical(algebra.poly(f)), algebra.poly(c)
    except (Unsupported, ZeroDivisionError, KeyError):
        return None
    w, wt = var.key, var.key + "'"
    hessian: Poly = {}
    linear: Poly = {}
    for word, coef in pf.items():
        count = sum(1 for a in word if a in (w, wt))
        if count == 0:
            continue
        if count == 2 and word[0] == wt and word[-1] == w:
            middle = {word[1:-1]: coef}
            hessian = _add(hessian, _add(middle, algebra.transpose(middle)))
        elif count == 1 and word[0] == wt:
            linear = _add(linear, {word[1:]: coef})
        elif count == 1 and word[-1] == w and len(word) > 1 and algebra._size(algebra.dims[word[0]][0]) == 1:
            linear = _add(linear, algebra.transpose({word[:-1]: coef}))
        else:
            return None
    if len(pc) != 1:
        return None
    [(word, coef)] = pc.items()
    if not word or not word[0].startswith("inv["):
        return None
    inverse = word[0]
    inside = algebra.inside.get(inverse)
    if inside is None or not inside:
        return None
    ratios = {sp.cancel(hessian.get(k, sp.Integer(0)) / v) for k, v in inside.items()}
    if len(ratios) != 1 or set(hessian) - set(inside):
        return None
    [mu] = ratios
    gradient = algebra.canonical(_add({word[1:]: mu * coef}, linear))
    if gradient:
        return None
    gram = all(k == tuple(algebra.flip(a) for a in reversed(k)) and len(k) % 2 == 0
               and (not k or (v.is_number and v > 0)) for k, v in inside.items())
    # H = Q for a Q the text calls positive definite (Q ≻ 0): ½xᵀQx + cᵀx is minimized at −Q⁻¹c (a Q only called
    # symmetric may be indefinite: its stationary point is no minimizer)
    declared = [k[0] for k in inside if len(k) == 1 and k[0] in symmetric and k[0] in definite]
    if mu.is_number and mu > 0 and not gram and len(inside) == 1 and declared and next(iter(inside.values())).is_number \
            and next(iter(inside.values())) > 0:
        return ("proved for every size: the gradient of the quadratic objective, H w − g with H a positive multiple "
                f"of the matrix the closed form inverts, vanishes there; H is {declared[0]}, which the text calls "
                f"positive definite")
    if not (gram and _positive(mu)):
        return None
    shift = inside.get((), sp.Integer(0))
    when = [] if shift.is_number and shift >= 0 else [f"a minimizer when {_plain(shift)} ≥ 0"]
    if not mu.is_number:  # 2/ℓ, 2/n: a positive multiple as long as the counts it is made of are positive
        when.append(", ".join(sorted(_plain(x) for x in mu.free_symbols)) + " > 0")
    convex = f" ({'; '.join(when)})" if when else ""
    return ("proved for every size: the gradient of the quadratic objective, H w − g with H a positive multiple "
            f"of the matrix the closed form inverts, vanishes there; H is a sum of Gram matrices and a multiple "
            f"of I{convex}")


def _positive(mu: sp.Expr) -> bool:
    """Is the factor between the Hessian and the inverted matrix positive — a number above zero, or a product and
    quotient of names (``2/ℓ``, ``1/n``) that is positive when the names are (sample counts, step sizes)?"""
    if mu.is_number:
        return bool(mu > 0)
    assumed = mu.xreplace({x: sp.Dummy(x.name, positive=True) for x in mu.free_symbols})
    return assumed.is_positive is True


def _plain(expr: sp.Expr) -> str:
    """A short coefficient on one line, Greek names as letters (``λ``)."""
    expr = expr.xreplace({x: sp.Symbol("ℓ") for x in expr.free_symbols if x.name == "ell"})  # \ell, as printed
    text = sp.pretty(expr, use_unicode=True)
    return text if "\n" not in text else sp.sstr(expr)
