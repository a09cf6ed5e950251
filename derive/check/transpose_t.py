r"""Is ``^T`` a transpose in this document? The evidence a whole document gives about the letter ``T``.

``\beta^T x_i`` is a transpose in a note on regression and a power in a note on momentum that sums
``\sum_{t=1}^{T}``: the letter alone cannot say which. The document can: when ``T`` is never a quantity anywhere
in its math (no horizon ``t = 1, …, T``, no ``\sum^T`` limit, no ``T - 1``, no ``$T$`` in a sentence), a ``T``
written only as a whole superscript has no value to raise anything to, and it is the transpose. The parser uses
this only where the shape is a product of vectors as well (``a^T b``, ``(Xw - y)^T (Xw - y)``, ``\nabla f(z)^T p``):
a ``^T`` followed by nothing, or any ``T`` used as a quantity elsewhere, keeps the link undecided.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .latex_tokens import Token, matching_brace, tokenize

#: The letter T on its own (not in a word or a macro name): the only blocks worth tokenizing.
_LETTER_T = re.compile(r"(?<![A-Za-z\\])T(?![A-Za-z])")

#: Operators whose superscript is an upper limit: a ``T`` there is a count (``\sum_{t=1}^T``), not a transpose.
_LIMIT_OPERATORS = frozenset({"sum", "prod", "int", "iint", "oint", "bigcup", "bigcap", "bigoplus", "bigotimes",
                              "coprod", "limits", "nolimits"})


def t_is_transpose(texts: Iterable[str]) -> bool:
    """True when no math text uses the letter ``T`` other than as the whole superscript of a name or a group
    (``x^T``, ``x^{T}``), so that ``^T`` is read as a transpose. A document without any ``T`` gives True too:
    nothing to contradict it (the parser still asks for the product shape)."""
    for text in texts:
        if not _LETTER_T.search(text):
            continue  # most blocks: no tokenizing (T only in words and macros: \Theta, \text{Train})
        tokens = tokenize(text).tokens
        for i, tok in enumerate(tokens):
            if tok.kind == "letter" and tok.text == "T" and not _whole_superscript(tokens, i):
                return False
    return True


def _whole_superscript(tokens: list[Token], i: int) -> bool:
    """``tokens[i]`` (a ``T``) is the whole superscript of something that is not a big operator's limit."""
    if i >= 1 and tokens[i - 1].is_char("^"):
        hat = i - 1
    elif (i >= 2 and tokens[i - 1].kind == "lbrace" and tokens[i - 2].is_char("^")
          and i + 1 < len(tokens) and tokens[i + 1].kind == "rbrace"):
        hat = i - 2
    else:
        return False
    base = _base_before(tokens, hat)
    return base is not None and not (base.kind == "macro" and base.text in _LIMIT_OPERATORS)


def _base_before(tokens: list[Token], hat: int) -> Token | None:
    """The token the superscript at ``hat`` is attached to, past a subscript written first (``\\sum_{t=1}^T``)."""
    k = hat - 1
    if k >= 0 and tokens[k].kind == "rbrace":
        opening = _opening_of(tokens, k)
        if opening is None:
            return None
        if opening >= 1 and tokens[opening - 1].is_char("_"):
            k = opening - 2
    elif k >= 1 and tokens[k - 1].is_char("_"):
        k -= 2
    return tokens[k] if k >= 0 else None


def _opening_of(tokens: list[Token], close: int) -> int | None:
    """The ``{`` that the ``}`` at ``close`` closes."""
    depth = 0
    for j in range(close, -1, -1):
        if tokens[j].kind == "rbrace":
            depth += 1
        elif tokens[j].kind == "lbrace":
            depth -= 1
            if depth == 0:
                return j if matching_brace(tokens, j) == close else None
    return None
