r"""Tuples whose length is not written: ``(x_1, x_2, \dots, x_n)``.

The reader keeps such a tuple as a :class:`~derive.check.vectors.Coords` with the ellipsis itself as one
coordinate (an *open* tuple). The ellipsis says "the coordinates in between follow the pattern of the
written ones"; the checker never guesses that pattern. What it uses is weaker and sound:

* two open tuples are comparable only when their written coordinates sit at the same places (as many
  before the ellipsis, as many after it): the k-th written coordinate of one is then the k-th of the
  other (counted from the end after the ellipsis), whatever the length ``n`` is;
* a written coordinate that differs refutes the equality (that coordinate exists: it is written);
* written coordinates that all agree, with the ellipsis on both sides, prove it: the coordinates in
  between are read from the same written pattern on both sides (the reason says so);
* sums and scalar multiples are taken coordinate by coordinate, the ellipsis staying an ellipsis.

Norms and inner products of open tuples are not computed (their value depends on the hidden
coordinates), and a tuple whose ellipsis is not a coordinate of its own (``(x_1 + \dots, y)``) or that
ends with it (``(x_1, x_2, \dots)``, an infinite sequence) is not modelled.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

import sympy as sp

__all__ = ["TRANSPOSE_AT_END", "align", "entry_texts", "is_open", "open_problem", "only_open", "settle"]


def _dots() -> sp.Symbol:
    from .latex import DOTS  # latex imports this module: import late
    return DOTS


def open_problem(items: Sequence[sp.Expr], dots: sp.Symbol) -> str | None:
    """Why a written tuple with an ellipsis is not modelled, or None when it is (or has none)."""
    if not any(item.has(dots) for item in items):
        return None
    places = [k for k, item in enumerate(items) if item == dots]
    if len(places) != 1 or any(item.has(dots) and item != dots for item in items):
        return "a tuple whose ellipsis is inside a coordinate, or with several ellipses, is not modelled"
    if places[0] == 0 or places[0] == len(items) - 1:
        return "a tuple that begins or ends with an ellipsis (its first or last coordinate is not written) is not modelled"
    return None


def is_open(expr: sp.Basic) -> bool:
    """A written tuple with an ellipsis as one coordinate."""
    return type(expr).__name__ == "Coords" and _dots() in expr.args


def only_open(expr: sp.Basic) -> bool:
    """Every ellipsis in ``expr`` is a coordinate of a written tuple (not a series ``a + b + …``)."""
    dots = _dots()
    if expr == dots:
        return False
    if is_open(expr):
        return all(arg == dots or only_open(arg) for arg in expr.args)
    return all(only_open(arg) for arg in expr.args) if expr.has(dots) else True


def align(items: Sequence[Sequence[sp.Expr]]) -> bool:
    """The tuples have one length and their ellipses at the same place (or none at all)."""
    dots = _dots()
    first = [k for k, x in enumerate(items[0]) if x == dots]
    return all(len(t) == len(items[0]) and [k for k, x in enumerate(t) if x == dots] == first for t in items)


def settle(coordinate: sp.Expr) -> sp.Expr:
    """A coordinate computed from coordinates at an ellipsis (``2·…``, ``… + …``) is the ellipsis again."""
    dots = _dots()
    return dots if coordinate.has(dots) else coordinate


_MATRIX_TEXT = re.compile(r"^\\begin\{([pbvBV]?matrix)\}(?P<body>.*)\\end\{\1\}$", re.S)
#: A transpose mark ending a text (``^T``, ``^{\top}``, ``^\mathsf{T}``, ``^⊤``): what turns a written row into a column.
TRANSPOSE_AT_END = re.compile(r"\^\s*\{?\s*(?:\\top|\\intercal|T|\\mathsf\{T\}|\\mathrm\{T\}|⊤)\s*\}?$")


def entry_texts(text: str) -> list[str] | None:
    r"""The coordinates of a vector or matrix as written (``\begin{pmatrix} -1.05 \\ -0.40 \end{pmatrix}``,
    ``(0.5, 0.25)^T``), in reading order; None when ``text`` is not one whole written tuple. The digits each
    coordinate shows decide how closely it must match (a rounded coordinate is not a slip)."""
    text = TRANSPOSE_AT_END.sub("", text.strip().rstrip(".,;").strip()).strip()
    if (m := _MATRIX_TEXT.match(text)) is not None:
        return _split_top(m.group("body"), ("\\\\", "&"))
    for opener, closer in (("\\left(", "\\right)"), ("\\left[", "\\right]"), ("(", ")"), ("[", "]")):
        if text.startswith(opener) and text.endswith(closer):
            inner = text[len(opener):len(text) - len(closer)]
            parts = _split_top(inner, (",",))
            return parts if parts is not None and len(parts) > 1 else None
    return None


def _split_top(body: str, separators: tuple[str, ...]) -> list[str] | None:
    """``body`` cut at ``separators`` outside braces and brackets; None when the brackets do not balance."""
    parts, depth, start, k = [], 0, 0, 0
    while k < len(body):
        ch = body[k]
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0 and (sep := next((x for x in separators if body.startswith(x, k)), None)) is not None:
            parts.append(body[start:k])
            k += len(sep)
            start = k
            continue
        k += 1
    if depth != 0:
        return None
    parts.append(body[start:])
    parts = [p.strip() for p in parts]
    while parts and not parts[-1]:
        parts.pop()  # a row break before \end{pmatrix}
    return parts or None
