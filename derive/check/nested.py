"""Equalities written inside a formula rather than between its sides.

The links report must hold every ``=`` of the math (issue 7: "every `=` in math is in `links`"). The
statement splitter sees only the relations at the top of a row; two kinds sit deeper:

- **brace annotations**, ``\\underbrace{(1-β)\\sum β^{t-i}}_{=1-β^t}`` (and ``\\overbrace{…}^{=…}``):
  the note says the braced part equals something, a claim like any other. It becomes a statement of its
  own, placed before the statement that holds it, so that scope, definitions and verdicts apply to it;
- **other nested relations**, ``\\overbrace{m_t = βm_{t-1}}^{\\text{EMA}}``, ``\\begin{pmatrix} a = 1 \\\\ b
  \\end{pmatrix}`` inside an expression: they are not modelled, and say so in the report instead of
  vanishing.

``=`` in a sub- or superscript group (``\\sum_{i=1}``, ``\\right|_{x=0}``) is a range or a point, not an
equality, and ``=`` inside ``(…)``/``[…]`` is accounted for by the statement's ``inner`` list.
"""

from __future__ import annotations

from dataclasses import dataclass

from derive.check.latex_tokens import Token, arg_span, inner

#: The relations the links report lists (the verifier's link relations).
LINK_RELATIONS = frozenset({"=", ":=", "=:", "equiv", "approx", "<-", "?=", "=!"})

_BRACES = {"underbrace": "_", "overbrace": "^"}
_CASE_ENVS = frozenset({"cases", "dcases", "rcases", "cases*"})


@dataclass(frozen=True)
class Annotation:
    """``\\underbrace{body}_{= note}``: ``tokens`` reads ``body = note``; ``at`` is the macro's offset."""

    tokens: list[Token]
    at: int


def annotations(tokens: list[Token]) -> list[Annotation]:
    """Every brace whose note starts with a link relation, as the chain ``body rel note``."""
    out: list[Annotation] = []
    for i, tok in enumerate(tokens):
        mark = _BRACES.get(tok.text) if tok.kind == "macro" else None
        if mark is None:
            continue
        body_end = arg_span(tokens, i + 1)
        if body_end is None or body_end >= len(tokens) or not tokens[body_end].is_char(mark):
            continue
        note_end = arg_span(tokens, body_end + 1)
        if note_end is None:
            continue
        body = inner(tokens, i + 1, body_end)
        note = inner(tokens, body_end + 1, note_end)
        if body and len(note) > 1 and note[0].kind == "rel" and note[0].text in LINK_RELATIONS:
            out.append(Annotation(body + note, tok.start))
    return out


def _script_or_note(tokens: list[Token]) -> list[bool]:
    """For each token: whether it sits in a ``_{…}``/``^{…}`` group (a range, a point, a brace note)."""
    flags: list[bool] = []
    stack: list[bool] = []
    for k, tok in enumerate(tokens):
        if tok.kind == "rbrace" and stack:
            stack.pop()
        flags.append(any(stack))
        if tok.kind == "lbrace":
            stack.append(k > 0 and tokens[k - 1].is_char("_", "^"))
    return flags


def _opens(tok: Token) -> bool:
    return tok.kind in ("lbrace", "begin") or tok.is_char("(", "[") or tok.side == "open"


def _closes(tok: Token) -> bool:
    return tok.kind in ("rbrace", "end") or tok.is_char(")", "]") or tok.side == "close"


def _stops(tok: Token) -> bool:
    return tok.kind in ("rel", "newline", "sep") or tok.is_char(",", ";", "&")


def _side(tokens: list[Token], i: int, step: int) -> tuple[int, int]:
    """Index range of the side of the relation at ``i`` (``step`` -1: left, +1: right): up to the group
    that holds it, or a separator at the same depth."""
    j, depth = i + step, 0
    while 0 <= j < len(tokens):
        tok = tokens[j]
        towards_inside, towards_outside = (_closes, _opens) if step < 0 else (_opens, _closes)
        if towards_inside(tok):
            depth += 1
        elif towards_outside(tok):
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and _stops(tok):
            break
        j += step
    return (j + 1, i) if step < 0 else (i + 1, j)


def _enclosing_env(tokens: list[Token], i: int) -> str | None:
    depth = 0
    for j in range(i - 1, -1, -1):
        if tokens[j].kind == "end":
            depth += 1
        elif tokens[j].kind == "begin":
            if depth == 0:
                return tokens[j].text
            depth -= 1
    return None


@dataclass(frozen=True)
class Nested:
    """A relation the statements do not hold: its two sides as offsets, and why it is not checked."""

    left: tuple[int, int]
    right: tuple[int, int]
    condition: bool  # a case's condition (after ``&`` in ``cases``), not a statement


def nested(tokens: list[Token], used: set[int], covered: list[tuple[int, int]]) -> list[Nested]:
    """The link relations of ``tokens`` that no statement uses (``used``: their start offsets) and no
    ``inner`` span covers, outside sub/superscripts."""
    flags = _script_or_note(tokens)
    out: list[Nested] = []
    for i, tok in enumerate(tokens):
        if tok.kind != "rel" or tok.text not in LINK_RELATIONS or tok.start in used or flags[i]:
            continue
        if any(lo <= tok.start < hi for lo, hi in covered):
            continue
        a, b = _side(tokens, i, -1)
        c, d = _side(tokens, i, +1)
        left = (tokens[a].start, tokens[b - 1].end) if a < b else (tok.start, tok.start)
        right = (tokens[c].start, tokens[d - 1].end) if c < d else (tok.end, tok.end)
        condition = _enclosing_env(tokens, i) in _CASE_ENVS and a > 0 and tokens[a - 1].is_char("&")
        out.append(Nested(left, right, condition))
    return out
