r"""Matrices the document wrote out before, used by their names: determinants, traces, ``A − λI``.

A PCA or eigenvalue note gives the matrix once (``A = \begin{pmatrix} 4 & 2 \\ 1 & 3 \end{pmatrix}``) and then
expands ``\det(A − λI) = (4 − λ)(3 − λ) − 2 = λ² − 7λ + 10``, states ``\operatorname{tr}(A) = 7`` or writes
``A − 3I = \begin{pmatrix} 1 & 2 \\ 1 & 0 \end{pmatrix}``. The parser reads each block on its own, so it cannot
know which matrix ``A`` holds: a determinant of a name is "not modelled" there, and ``A − 3I`` reads as a name
minus a name. When the checker reaches such a side, the written matrices in force (the latest value given to each
name, as for worked numbers) are known; the side is read with them put in, the identity ``I`` taking their size,
and the link is decided like one written with the entries. A side whose names hold no written matrix (or that
uses one the reader cannot compute with, ``A^2``, ``Av``) keeps its reading and its reason.
"""
from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

import sympy as sp

from .latex import DEFAULT_FUNCTIONS, LatexParseError, Term, parse_expr, with_matrices
from .vectors import Rows

if TYPE_CHECKING:
    from .verify import DocumentChecker, Item

#: The parser's words for a determinant or trace of what it could not see written out.
_NOT_WRITTEN = "of what is not a square matrix written out are not modelled"


def put_in(checker: "DocumentChecker", item: Item) -> None:
    """Read again each side of ``item`` that takes a determinant or trace of a name, with the written matrices
    given before it put in, and compute a side such as ``A − λI`` that another side of the chain writes out as a
    matrix; a side so read replaces the one parsed before (its problem is dropped)."""
    terms = list(item.stmt.terms)
    failed = [k for k, term in enumerate(terms) if term.expr is None and _NOT_WRITTEN in item.problem(term)]
    written = any(isinstance(t.expr, Rows) for t in terms)
    if not failed and not written:
        return
    matrices = _in_force(checker, item)
    if not matrices:
        return
    problems = list(item.problems)
    for k, term in enumerate(terms):
        if k in failed:
            try:
                expr = parse_expr(checker._expanded(item.block.text[term.start:term.end]), functions=DEFAULT_FUNCTIONS,
                                  matrices=matrices)  # the document's macros expanded, as the parser had them
            except LatexParseError:
                continue
            problems = [p for p in problems if not (p.start < term.end and term.start < p.end)]
        elif written and term.expr is not None and not isinstance(term.expr, (sp.Symbol, Rows)) \
                and term.expr.free_symbols & matrices.keys():
            expr = with_matrices(term.expr, matrices, _scalar)  # A − 3I = [[−1, 1], [1, −1]]: entry by entry
            if expr is term.expr:
                continue
        else:
            continue
        terms[k] = Term(expr, term.start, term.end, term.transparent, term.readings)
        checker.matrices_put_in[(item.index, term.start)] = _given(checker, item, term, matrices)
    if terms != list(item.stmt.terms):
        item.stmt = dataclasses.replace(item.stmt, terms=terms)
        item.problems = tuple(problems)


def _in_force(checker: "DocumentChecker", item: Item) -> dict[sp.Symbol, Rows]:
    """The matrices written out for names before ``item``: the example values in force, except that a name written
    out again with letters in its entries (``B = [[2, 0], [0, 3]]``, then "next take the reflection B = [[cos θ,
    sin θ], [sin θ, −cos θ]]", a naming) holds its newer matrix, and a name given a value that is no matrix after
    its matrix holds none: the old numbers are another example's."""
    out = {name: value for name, value in checker._examples(item).items() if isinstance(value, Rows)}
    given = {name: max(i for i, _s, x, _v in checker.examples if x == name and i < item.index) for name in out}
    for index, _section, name, value in checker.namings:
        if index >= item.index or index <= given.get(name, -1) or name not in out and not isinstance(value, Rows):
            continue
        if isinstance(value, Rows) and item.section == checker.items[index].section:
            out[name], given[name] = value, index
        else:
            out.pop(name, None)
            given[name] = index
    return out


def _scalar(name: sp.Symbol) -> bool:
    """A name that may multiply a written matrix entry by entry: a Greek letter (``λ`` of ``A − λI``), never a
    Latin one, which may be a vector (``Av``)."""
    return name.name.startswith("\\") and name.name[1:2].islower()


def _given(checker: "DocumentChecker", item: Item, term: Term, matrices: dict[sp.Symbol, sp.Expr]) -> str:
    """Which written matrices a side was read with, and where each was given: "with A written out on line 3"."""
    from .. import printing

    written = checker._expanded(item.block.text[term.start:term.end])
    names = sorted(x for x in matrices if x in (term.expr or sp.S.Zero).free_symbols  # \Sigma is no S
                   or re.search(r"(?<![\\A-Za-z])" + re.escape(x.name) + r"(?![A-Za-z])", written))
    places = []
    for name in names:
        given = max((index for index, _section, x, value in [*checker.examples, *checker.namings]
                     if x == name and index < item.index and isinstance(value, Rows)), default=None)
        line = f" on line {checker.items[given].block.position(checker.items[given].stmt.terms[0].start)[0]}" \
            if given is not None else ""
        places.append(f"{printing.text(name)}{line}")
    return "with the matrix written out for " + ", ".join(places) if places else "with the written matrices put in"
