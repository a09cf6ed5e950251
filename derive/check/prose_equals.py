"""``=`` written in prose between two pieces of inline math: ``$a$ = $b$``.

Notes write a chain across several inline formulas with the equals signs in the text
(``The loss is MSE = $\\frac1n\\sum_i e_i^2$ = $\\frac1n\\|e\\|^2$``). Each formula alone holds no
relation, so the claim between them would never be compared; the links report must still hold every
``=`` the reader meets (issue 7). Where only whitespace, one ``=`` and whitespace separate the closing
delimiter of one inline formula from the opening delimiter of the next (same paragraph: no blank
line), the two are one chain, ``a = b``, and are read as one block.

The joined block's text is the first formula, its closing delimiter blanked, the ``=`` and the
whitespace as written, the next opening delimiter blanked, and the next formula: the same length as
the source span, so every offset still maps to the file. A word before the first ``=`` (``MSE =``)
is a name in prose, not math, and is not joined. A table cell that starts with its relation
(``& $\\approx 0.7109$``) goes on with the formula in the cell before it, in the same way.
"""
from __future__ import annotations

import re
from typing import Sequence

#: Inline delimiters, with the length of the opener and of the closer in the source.
_INLINE = {"$": (1, 1), "\\(": (2, 2), "\\\\(": (3, 3)}
#: What may stand between two formulas for the ``=`` to be a link between them.
_GAP = re.compile(r"[ \t]*(?:\n[ \t]*)?=[ \t]*(?:\n[ \t]*)?")
#: A column break of a table row (LaTeX ``&``, Markdown ``|``): the next cell may go on with the formula before.
_COLUMN = re.compile(r"[ \t]*(?:\n[ \t]*)?(?:&|\|)[ \t]*(?:\n[ \t]*)?")
#: A formula that starts with its relation (``$\approx 0.7109$`` in a table's value column) goes on from another.
_STARTS_WITH_RELATION = re.compile(r"\s*(?:=|\\approx\b|\\simeq\b|\\equiv\b|\\le(?:q)?\b|\\ge(?:q)?\b|<|>)")


def joinable(delim: str, display: bool) -> bool:
    """Is a block with this delimiter inline math that a prose ``=`` may join?"""
    return not display and delim in _INLINE


def runs(spans: Sequence[tuple[int, int, str, bool]], source: str) -> list[list[int]]:
    """Groups of indices into ``spans`` (``(start, end, delim, display)`` of the math text, in file
    order) that prose ``=`` signs chain together; a group of one is a formula on its own."""
    groups: list[list[int]] = []
    for k, (start, _end, delim, display) in enumerate(spans):
        if groups and joinable(delim, display) and _linked(spans[groups[-1][-1]], (start, delim, display), source):
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


def _linked(left: tuple[int, int, str, bool], right: tuple[int, str, bool], source: str) -> bool:
    _start, end, delim, display = left
    start, next_delim, next_display = right
    if not (joinable(delim, display) and joinable(next_delim, next_display)):
        return False
    gap_start = end + _INLINE[delim][1]
    gap_end = start - _INLINE[next_delim][0]
    if gap_start > gap_end:
        return False
    if _GAP.fullmatch(source, gap_start, gap_end) is not None:
        # "$DS_2$ = $\mathcal{D}_1$ vs. $D \setminus \mathcal{D}_1$": the right formula is one part of a phrase
        # that goes on with a word and another formula, so the = reads as prose ("is"), not a link between them
        return _PHRASE_GOES_ON.match(source, _after(source, start)) is None
    # | $\sigma(0.9) = \frac{1}{1 + e^{-0.9}}$ & $\approx 0.7109$ |: a table's next cell goes on with the chain
    return _COLUMN.fullmatch(source, gap_start, gap_end) is not None and \
        _STARTS_WITH_RELATION.match(source, start) is not None


#: After a formula: a short word of comparison or listing, then another inline formula on the same line.
_PHRASE_GOES_ON = re.compile(r"[ \t]*(?:vs\.?|versus|and|or|against|против|и|или)[ \t]+(?:\$|\\\(|\\\\\()",
                             re.IGNORECASE)


def _after(source: str, start: int) -> int:
    r"""Just past the inline formula whose text starts at ``start`` (its closing ``$`` or ``\)``), or ``start``."""
    dollar = source.find("$", start)
    paren = source.find("\\)", start)
    ends = [e + 1 for e in (dollar,) if e != -1] + [e + 2 for e in (paren,) if e != -1]
    return min(ends) if ends else start


def joined_text(pieces: Sequence[str], spans: Sequence[tuple[int, int, str, bool]], source: str) -> str:
    """The text of one chain: each piece as read, the delimiters between them blanked, the gaps kept."""
    out = [pieces[0]]
    for k in range(1, len(pieces)):
        _s, end, delim, _d = spans[k - 1]
        start, _e, next_delim, _nd = spans[k]
        close, open_ = _INLINE[delim][1], _INLINE[next_delim][0]
        gap = source[end + close:start - open_].replace("&", " ").replace("|", " ")  # a column break is no math
        out.append(" " * close + gap + " " * open_)
        out.append(pieces[k])
    return "".join(out)
