r"""Tuples of coordinates and inner products, as the checker reads them.

The checker reads a vector name per coordinate (``w`` is one coordinate of the vector ``w``), so a
written tuple ``(1, \varepsilon)`` cannot be a scalar: it is kept as :class:`Coords`, and what can be
computed from its coordinates is computed here (sums and differences of tuples of one length, a tuple
times a scalar, the norm of a tuple, the inner product of two tuples). Anything else that holds a
tuple (``w - (\delta, 0)`` with ``w`` not known to be a tuple, a tuple squared) stays unreduced, and the
verifier calls the link undecided: a tuple is never treated as a number.

``\langle a, b\rangle`` is :class:`Inner`. Per coordinate it is the sum over coordinates of ``a·b``; only
that this sum is linear is modelled (:func:`linear_inner`), like the linearity of an expectation, so an
inner product can help prove a link and never refutes one.
"""
from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from . import tuples

__all__ = ["Coords", "Inner", "Rows", "coordinates", "entries", "has_vectors", "linear_inner", "matmul", "reduce_coords",
           "shape"]


class Coords(sp.Function):
    r"""A written tuple ``(a, b, …)`` or ``[a, b, …]``: a vector given by its coordinates."""

    def _latex(self, printer: object) -> str:
        return r"\left(" + ", ".join(printer._print(a) for a in self.args) + r"\right)"  # type: ignore[attr-defined]


class Cross(sp.Function):
    r"""``\mathbf{p} \times \mathbf{q}``: the cross product of two vectors (bold, arrowed or written as tuples).
    Worked out when both are three coordinates written; otherwise kept whole, as what it is: antisymmetric
    (``q × p = −p × q``, ``p × p = 0``). Read as a product, ``p × q`` of two tuples was their inner product."""

    compared_whole = True  # derive.proof.compare: one unknown, never sampled as a function of numbers

    @classmethod
    def eval(cls, a: sp.Expr, b: sp.Expr) -> sp.Expr | None:
        if isinstance(a, Coords) and isinstance(b, Coords) and len(a.args) == len(b.args) == 3:
            (a1, a2, a3), (b1, b2, b3) = a.args, b.args
            return Coords(a2 * b3 - a3 * b2, a3 * b1 - a1 * b3, a1 * b2 - a2 * b1)
        (ca, a0), (cb, b0) = a.as_coeff_Mul(), b.as_coeff_Mul()
        if ca != 1 or cb != 1:
            return ca * cb * cls(a0, b0)  # (−v) × u: numbers come out of either factor
        if a == b:
            return sp.Integer(0)
        if sp.default_sort_key(b) < sp.default_sort_key(a):
            return -cls(b, a)
        return None

    def _latex(self, printer: object) -> str:
        return " \\times ".join(printer._print(a) for a in self.args)  # type: ignore[attr-defined]


class Rows(sp.Function):
    r"""A written matrix ``\begin{bmatrix} a & b \\ c & d \end{bmatrix}``: its rows, each a :class:`Coords`
    of one length. Products with a written vector or matrix are taken where they are written (the parser
    keeps their order); sums and scalar multiples are computed entry by entry here."""

    def _latex(self, printer: object) -> str:
        rows = (" & ".join(printer._print(x) for x in row.args) for row in self.args)  # type: ignore[attr-defined]
        return r"\begin{bmatrix}" + r" \\ ".join(rows) + r"\end{bmatrix}"


def shape(expr: sp.Expr) -> tuple[int, ...] | None:
    """``(n,)`` for a tuple, ``(m, n)`` for a matrix, None for anything else."""
    if isinstance(expr, Coords):
        return (len(expr.args),)
    if isinstance(expr, Rows):
        return (len(expr.args), len(expr.args[0].args))
    return None


def entries(expr: sp.Expr) -> tuple[sp.Expr, ...]:
    """The coordinates of a tuple, or the entries of a matrix row by row."""
    if isinstance(expr, Rows):
        return tuple(x for row in expr.args for x in row.args)
    return tuple(expr.args)


def matmul(left: sp.Expr, right: sp.Expr) -> sp.Expr | None:
    """The product of a written matrix with a written vector or matrix, in this order; None when the
    shapes do not fit (or either is not written out)."""
    if not isinstance(left, Rows) or shape(right) is None:
        return None
    width = len(left.args[0].args)
    if isinstance(right, Coords):
        if len(right.args) != width:
            return None
        return Coords(*(sp.Add(*(a * b for a, b in zip(row.args, right.args))) for row in left.args))
    assert isinstance(right, Rows)
    if len(right.args) != width:
        return None
    columns = list(zip(*(row.args for row in right.args)))
    return Rows(*(Coords(*(sp.Add(*(a * b for a, b in zip(row.args, col))) for col in columns)) for row in left.args))


def row_times(row: Coords, matrix: Rows) -> Coords | None:
    """A written row of numbers times a written matrix after it (``[1 4 5] W`` in a worked forward pass):
    the row of sums Σ_i v_i M_ij; None when the lengths do not fit."""
    if len(row.args) != len(matrix.args):
        return None
    return Coords(*(sp.Add(*(v * m for v, m in zip(row.args, col))) for col in zip(*(r.args for r in matrix.args))))


def hadamard(left: sp.Expr, right: sp.Expr) -> sp.Expr | None:
    """``a ⊙ b`` of two written tuples (or matrices) of one shape: entry by entry; None for other shapes."""
    if shape(left) is None or shape(left) != shape(right):
        return None
    if isinstance(left, Rows):
        return Rows(*(Coords(*(a * b for a, b in zip(r.args, q.args))) for r, q in zip(left.args, right.args)))
    return Coords(*(a * b for a, b in zip(left.args, right.args)))


class Inner(sp.Function):
    r"""``\langle a, b\rangle``: the inner product (real, symmetric, bilinear)."""

    nargs = 2

    def _eval_is_real(self) -> bool:
        return True

    def _latex(self, printer: object) -> str:
        a, b = (printer._print(x) for x in self.args)  # type: ignore[attr-defined]
        return r"\left\langle " + a + ", " + b + r"\right\rangle"


def has_vectors(expr: sp.Basic) -> bool:
    return expr.has(Coords) or expr.has(Inner)


def _norm_class() -> type:
    from .latex import Norm  # latex imports this module: import late
    return Norm


def _is_norm(e: sp.Basic) -> bool:
    return isinstance(e, _norm_class())


def _norm_of(coords: tuple[sp.Expr, ...], p: sp.Expr | None) -> sp.Expr | None:
    """``‖(a, b)‖_p`` from the coordinates; None for an index that is not 1, 2, ∞ or a positive integer."""
    if p is None or p == 2:
        return sp.sqrt(sp.Add(*(c**2 for c in coords)))
    if p == sp.oo:
        return sp.Max(*(sp.Abs(c) for c in coords))
    if p.is_Integer and p > 0:
        return sp.Add(*(sp.Abs(c) ** p for c in coords)) ** sp.Rational(1, int(p))
    return None


def reduce_coords(expr: sp.Expr, scalar: Callable[[sp.Symbol], bool]) -> sp.Expr:
    """Compute with tuples where their coordinates say what happens; leave the rest as written.

    ``scalar`` says which names are numbers rather than vectors (a step size, a Greek constant): only
    those may multiply a tuple, because ``w·(a, b)`` with ``w`` a vector is not ``(w a, w b)``."""
    if not expr.has(Coords):
        return expr
    return _walk(expr, scalar)


def _is_scalar(e: sp.Expr, scalar: Callable[[sp.Symbol], bool]) -> bool:
    return not e.has(Coords) and not e.has(Inner) and all(scalar(s) for s in e.free_symbols) and not e.atoms(
        sp.core.function.AppliedUndef) and not any(_is_norm(x) for x in e.atoms(sp.Function))


def _walk(e: sp.Expr, scalar: Callable[[sp.Symbol], bool]) -> sp.Expr:
    if not e.args or not e.has(Coords):
        return e
    args = [_walk(a, scalar) for a in e.args]
    if isinstance(e, (Coords, Rows)):
        return e.func(*args)
    if isinstance(e, sp.Add) and any(shape(a) is not None for a in args):
        shapes = {shape(a) for a in args}
        if len(shapes) == 1 and None not in shapes and (isinstance(args[0], Rows) or tuples.align([a.args for a in args])):
            cls, n = type(args[0]), len(args[0].args)
            return cls(*(tuples.settle(_walk(sp.Add(*(a.args[k] for a in args)), scalar)) for k in range(n)))
        return e.func(*args)
    if isinstance(e, sp.Mul) and (product := _numeric_product(args)) is not None:
        return product  # [[12, 1], [1, 48]]^{-1}(5, 32): a worked Newton step, computed exactly
    if isinstance(e, sp.Mul):
        vectors = [a for a in args if shape(a) is not None]
        others = [a for a in args if shape(a) is None]
        if len(vectors) == 1 and all(_is_scalar(a, scalar) for a in others):
            factor, vector = sp.Mul(*others), vectors[0]
            return vector.func(*(tuples.settle(_walk(factor * c, scalar)) for c in vector.args))
        if len(vectors) == 2 and all(type(v) is Coords and not tuples.is_open(v) for v in vectors) \
                and len(vectors[0].args) == len(vectors[1].args) and all(_is_scalar(a, scalar) for a in others):
            # ½(x, y)[[6, 0], [0, 2]](x; y): a row written before a column is their inner product (an outer
            # product would need a transpose on the column first)
            first, second = vectors
            return sp.Mul(*others) * sp.Add(*(a * b for a, b in zip(first.args, second.args)))
        return e.func(*args)
    if _is_norm(e) and isinstance(args[0], Coords) and not tuples.is_open(args[0]):
        value = _norm_of(args[0].args, args[1] if len(args) == 2 else None)
        return e.func(*args) if value is None else value
    if isinstance(e, Inner) and all(isinstance(a, Coords) and not tuples.is_open(a) for a in args) \
            and len(args[0].args) == len(args[1].args):
        return sp.Add(*(x * y for x, y in zip(args[0].args, args[1].args)))
    return e.func(*args)


def _numeric_product(args: list[sp.Expr]) -> sp.Expr | None:
    """A product of one matrix of numbers (or its inverse) and one tuple of numbers, times numbers: the tuple
    the matrix maps it to; None for anything else (names in the entries, two matrices, a singular matrix)."""
    mats = [a for a in args if isinstance(a, Rows) or (isinstance(a, sp.Pow) and isinstance(a.base, Rows)
                                                      and a.exp in (1, -1))]
    vecs = [a for a in args if type(a) is Coords]
    rest = [a for a in args if a not in mats and a not in vecs]
    if len(mats) != 1 or len(vecs) != 1 or any(a.free_symbols or not a.is_number for a in rest):
        return None
    matrix, vector = mats[0], vecs[0]
    inverse = isinstance(matrix, sp.Pow)
    rows = matrix.base.args if inverse else matrix.args
    if any(not isinstance(r, Coords) or len(r.args) != len(rows) for r in rows) or len(vector.args) != len(rows):
        return None
    m = sp.Matrix([list(r.args) for r in rows])
    if m.free_symbols or vector.free_symbols:
        return None
    if inverse:
        if m.det() == 0:
            return None
        m = m.inv()
    factor = sp.Mul(*rest)
    return Coords(*(factor * c for c in m * sp.Matrix(list(vector.args))))


def coordinates(expr: sp.Expr) -> tuple[sp.Expr, ...] | None:
    """The coordinates of a tuple, or None when ``expr`` is not one."""
    return tuple(expr.args) if isinstance(expr, Coords) else None


def linear_inner(expr: sp.Expr, constant: Callable[[sp.Symbol], bool], name: Callable[[sp.Expr], sp.Symbol]) -> sp.Expr:
    r"""``⟨a + αb, c⟩ → ⟨a, c⟩ + α⟨b, c⟩`` for constants α; each ``⟨u, v⟩`` left is the opaque quantity
    ``name(u·v)`` (one symbol for ``⟨u, v⟩`` and ``⟨v, u⟩``). With inner products around, ``‖x‖²`` is
    ``⟨x, x⟩``, so it becomes ``name(x²)`` too."""
    norm = _norm_class()

    def functional(product: sp.Expr) -> sp.Expr:
        out = sp.Integer(0)
        for term in sp.Add.make_args(sp.expand(product)):
            varying = [x for x in term.free_symbols if not constant(x)]
            const, rest = term.as_independent(*varying, as_Add=False) if varying else (term, sp.Integer(1))
            out += const * name(rest)  # a constant c sums to c·⟨1, 1⟩ over the coordinates, not to c
        return out

    expr = expr.replace(lambda e: isinstance(e, sp.Pow) and isinstance(e.base, norm) and len(e.base.args) == 1
                        and e.exp == 2, lambda e: functional(e.base.args[0] ** 2))
    return expr.replace(lambda e: isinstance(e, Inner), lambda e: functional(e.args[0] * e.args[1]))
