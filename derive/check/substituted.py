"""A side that is the other side with numbers written in place of its letters: an evaluation at those numbers.

Worked examples evaluate a formula at the current iterate by writing it again with the iterate's coordinates in
place of its letters: ``f(\\mathbf{x_1}) = x^2 + 2y^2 = 1^2 + 2 \\times 0.0^2 = 1``. The letters there stand for the
point the line is about, not for values the notes gave the same letters elsewhere (``x = 0, y = 0``, the minimum
found earlier); computing the formula at those older values refuted a true line. The written substitution says
which point is meant, so the link is read at it. Only the written texts are compared, token by token: every
letter of the formula matches one number (the same number each time it appears, bracketed or not), everything
else the same token, products written with ``\\times`` or ``\\cdot`` or side by side alike.
"""
from __future__ import annotations

from .latex_tokens import Token, tokenize

__all__ = ["meaningful", "number_at", "substitution"]

#: Tokens that only write a product or space: ``2y`` and ``2 \times 0.0`` say the same.
_PRODUCT_MACROS = frozenset({"times", "cdot", ",", ";", "!", "quad", "qquad", "left", "right"})


def meaningful(text: str) -> list[Token]:
    """The tokens of ``text`` that say something: products written with ``\\times`` or ``\\cdot``, and spaces, dropped."""
    return [t for t in tokenize(text).tokens if not (t.kind == "macro" and t.text in _PRODUCT_MACROS)
            and t.kind != "sep"]


def number_at(tokens: list[Token], j: int, *, signed: bool = False) -> tuple[str, int] | None:
    """The number written at ``tokens[j]`` (``1``, ``0.0``, ``(−0.016)``, ``(0.148)``; with ``signed`` also ``-80.0``)
    and the index after it."""
    if j < len(tokens) and tokens[j].kind == "num":
        return tokens[j].text, j + 1
    if signed and j + 1 < len(tokens) and tokens[j].is_char("-") and tokens[j + 1].kind == "num":
        return "-" + tokens[j + 1].text, j + 2
    if j < len(tokens) and tokens[j].is_char("("):
        k, sign = j + 1, ""
        if k < len(tokens) and tokens[k].is_char("-", "+"):
            sign, k = ("-" if tokens[k].text == "-" else ""), k + 1
        if k + 1 < len(tokens) and tokens[k].kind == "num" and tokens[k + 1].is_char(")"):
            return sign + tokens[k].text, k + 2
    return None


def substitution(formula: str, numbers: str) -> dict[str, str] | None:
    """The letter → number text that turns ``formula`` into ``numbers`` as written, or None when ``numbers`` is
    not ``formula`` with numbers in place of its letters (or ``formula`` has no letter)."""
    left, right = meaningful(formula), meaningful(numbers)
    if not left or not right or any(t.kind in ("macro", "raw", "word", "unknown") for t in left):
        return None  # a function, an operator or a word: not a plain formula in letters
    if all(t.kind == "letter" or t.is_char("_") or t.kind == "num" for t in left) and sum(
            t.kind == "letter" for t in left) == 1:
        return None  # L ≈ 0.0863: one name against a number is its value claimed, not a formula evaluated there
    found: dict[str, str] = {}
    j = 0
    for tok in left:
        if tok.kind == "letter":
            at = number_at(right, j)
            if at is None or found.setdefault(tok.text, at[0]) != at[0]:
                return None
            j = at[1]
            continue
        if j >= len(right) or (right[j].kind, right[j].text) != (tok.kind, tok.text):
            return None
        j += 1
    return found if found and j == len(right) else None
