r"""Sizes of a matrix product written as a product of sizes: ``(n \times d)(d \times 1) = (n \times 1)``.

Notes check the shapes of a product this way ("$Xw$ has shape $(n × d)(d × 1) = (n × 1)$"), and read as numbers
the line is false (``n·d·d·1 ≠ n``) or proved by accident (``(p × 1)·(1 × q) = p × q``). A side that is a
product of two or more groups ``(a × b)`` and the other side one group is read as sizes (a group may be the space
``\mathbb{R}^{a \times b}`` of such matrices): the product of an ``a × b`` and a ``b × c`` matrix is ``a × c``.
The sizes are compared as written (letters and numbers, spaces aside), never as values: ``(2 × 3)(3 × 4) = (2 × 4)``
is a statement about shapes. Inner sizes that do not meet make no matrix product: numbers then are arithmetic
(``(2 × 3)(4 × 5) = (6 × 20)``), and letters (``(m × n)(k × q)``) are undecided, never multiplied out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: One size: a letter with an optional subscript, a number, or a braced name (``d_{in}``, ``\text{out}``).
_SIZE = r"(?:\\[A-Za-z]+\s*\{[^{}$]*\}|[A-Za-z0-9]+(?:_\{[^{}]*\}|_[A-Za-z0-9])?|\\[A-Za-z]+)"
_OPEN, _CLOSE = r"(?:\\left\s*)?(?:\(|\[|\\\{|\\lbrack|\\lparen)", r"(?:\\right\s*)?(?:\)|\]|\\\}|\\rbrack|\\rparen)"
_GROUP = re.compile(rf"\s*(?:{_OPEN}\s*({_SIZE})\s*\\times\s*({_SIZE})\s*{_CLOSE}"
                    rf"|(?:\\mathbb\s*\{{?\s*R\s*\}}?|\\R\b|ℝ)\s*\^\s*\{{\s*({_SIZE})\s*\\times\s*({_SIZE})\s*\}})\s*")
_BETWEEN = re.compile(r"\s*(?:\\cdot|\\times|\\,|\\;|\\!|\*|·|×)?\s*")


@dataclass(frozen=True)
class Sizes:
    """A link read as sizes: the product's sizes as the groups give them, and whether the written side agrees."""

    product: str
    written: str
    agrees: bool | None  # None: letters whose inner sizes do not meet (a product of sizes, or a slip in them)


def _groups(text: str) -> list[tuple[str, str]] | None:
    """The ``(a × b)`` groups ``text`` is a product of, in order; None if it holds anything else."""
    out: list[tuple[str, str]] = []
    at = 0
    text = text.strip()
    while at < len(text):
        if out:
            at = _BETWEEN.match(text, at).end()  # type: ignore[union-attr]
        match = _GROUP.match(text, at)
        if match is None:
            return None
        rows, columns = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        out.append((_plain(rows), _plain(columns)))  # (a × b), or the space ℝ^{a×b} of such matrices
        at = match.end()
    return out or None


def _plain(size: str) -> str:
    return re.sub(r"\s+", "", size)


def read(left: str, right: str) -> Sizes | None:
    """The link ``left = right`` (source text) read as the sizes of a matrix product, or None when it is not one
    (a side is not a product of groups, neither side has two groups and the other one, or numbers whose inner sizes
    differ)."""
    a, b = _groups(left), _groups(right)
    if a is None or b is None:
        return None
    product, single = (a, b) if len(a) >= 2 and len(b) == 1 else (b, a) if len(b) >= 2 and len(a) == 1 else (None, None)
    if product is None or single is None:
        return None
    shown = "".join(f"({r} × {c})" for r, c in product)
    if any(first[1] != second[0] for first, second in zip(product, product[1:])):
        if all(size.isdigit() for group in product + single for size in group):
            return None  # (2 × 3)(4 × 5) = (6 × 20): numbers whose inner sizes do not meet, arithmetic
        inner = next(f"{first[1]} and {second[0]}" for first, second in zip(product, product[1:]) if first[1] != second[0])
        return Sizes(f"{shown}: the inner sizes {inner} differ, so no matrix product has them", "", None)
    result = (product[0][0], product[-1][1])
    return Sizes(f"{shown} is {result[0]} × {result[1]}", f"{single[0][0]} × {single[0][1]}", single[0] == result)
