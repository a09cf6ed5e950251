r"""The solution of a matrix equation, written after it: ``\mathbf{x}^* = -\mathbf{A}^{-1}\mathbf{b}`` after
``\mathbf{A}\mathbf{x} = -\mathbf{b}``, ``w^* = (X^\top X)^{-1}X^\top y`` after the normal equations.

The equation is not an identity (its unknown stands on one side only), so it stays an equation; the scalar solver
cannot solve it either, since dividing by a matrix loses the order of factors. The value written is checked by
putting it in: the equation must then hold as matrix algebra (:mod:`.matrices`, inverses cancelled against what
they invert), with the namings in scope put in too. (:mod:`.matrix_condition` proves a solution written right after
its equation later, on random matrices; this reads further back, names an unknown by its mark — ``x^*`` solves an
equation in ``x`` — and proves symbolically.) A value that does not satisfy the nearest equation in its unknown is
not called false: it may solve another one (the text's own naming, or an equation further back), so it is
undecided, with the line it fails.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import printing

if TYPE_CHECKING:
    from .latex import Term
    from .verify import DocumentChecker, Item

#: How many statements back an equation is looked for (a solution follows its equation closely).
REACH = 12
#: The verdicts an equation in a matrix's unknown gets before its solution is written.
_EQUATION = ("an equation in unknowns (the sides share no symbol)", "condition (a side is a constant)",
             "condition (the prose states it as one)", "matrix notation: the sides differ, and a name stands on one")
#: The marks of an optimum or estimate on a name: ``x^*``, ``w^{\star}``, ``\theta_\ast``.
_MARK = re.compile(r"\s*(?:\^|_)\s*(?:\*|\\star|\\ast|\{\s*(?:\*|\\star|\\ast)\s*\})\s*$")


def _unknown(name: str) -> str | None:
    """``name`` without its optimum's mark (``\\mathbf{x}^*`` → ``\\mathbf{x}``, ``w`` stays ``w``); None when
    nothing is left."""
    plain = _MARK.sub("", name).strip()
    return plain or None


def _namings(checker: DocumentChecker, item: Item, unknown: object) -> list[tuple[str, str]]:
    """The namings in scope at ``item`` as written (``H = QΛQᵀ``), the unknown's own left out: the
    equation is read with what the text has said its other names are."""
    from .verify import _source

    definitions = checker._definitions(item)
    found: dict[object, tuple[str, str]] = {}
    for index, _section, name, _value in checker.namings:
        if index < item.index and name in definitions and name != unknown:
            named = checker.items[index]
            found[name] = (checker._expanded(_source(named, named.stmt.terms[0])),
                           checker._expanded(_source(named, named.stmt.terms[1])))
    return list(found.values())


def result(checker: DocumentChecker, item: Item, left: Term, right: Term) -> bool:
    """Decide ``x^* = V`` by putting V for x in the nearest matrix equation before it in x: proved when the
    equation then holds, undecided when it is refuted. True when decided here."""
    if right.expr is None or not checker._may_use_matrices():
        return False  # (a lecture with no matrix in sight never loads the matrix reader)
    from . import matrices
    from .latex import LatexParseError, parse_expr
    from .verify import _source

    name = checker._expanded(_source(item, left)).strip()
    unknown = _unknown(name)
    value = checker._expanded(_source(item, right))
    if unknown is None or not re.fullmatch(r"(?:\\[A-Za-z]+\s*\{\s*)?\\?[A-Za-z]+\s*\}?", unknown):
        return False
    table = checker._matrix_notation()
    try:
        unknown_expr = parse_expr(unknown)
    except LatexParseError:
        return False
    for prev in reversed(checker.items[max(0, item.index - REACH):item.index]):
        if prev.section != item.section:
            return False
        stmt = prev.stmt
        for k, relation in enumerate(stmt.relations):
            verdict, reason = checker.verdicts.get((prev.index, k), ("", ""))
            if relation != "=" or verdict == "proved" or not reason.startswith(_EQUATION):
                continue
            sides = (checker._expanded(_source(prev, stmt.terms[k])), checker._expanded(_source(prev, stmt.terms[k + 1])))
            if not any(re.search(re.escape(unknown) + r"(?![A-Za-z])", side) for side in sides):
                continue
            given = {x for side in (stmt.terms[k].expr, stmt.terms[k + 1].expr) if side is not None
                     for x in side.free_symbols} - {unknown_expr}
            if not given & (right.expr.free_symbols - {unknown_expr}):
                continue  # H = QΛQᵀ after H(w̃ − w*) + αw̃ = 0: written with none of the equation's other names,
                # a value of a given (a decomposition), not a solution
            decision = matrices.satisfies(*sides, table, unknown, value, _namings(checker, item, unknown_expr))
            if decision is None or decision.status == "undecided":
                continue
            line = prev.block.position(stmt.terms[k + 1].start)[0]
            letter = printing.text(unknown_expr)
            if decision.status == "true":
                checker.decide(item, 0, "proved", f"the solution of the equation on line {line}: put in for {letter}, "
                               "it makes the equation hold as matrix algebra")
                return True
            why = (f"put in for {letter}, the value does not make the equation on line {line} hold "
                   "(the solution of another equation, or a slip?)")
            checker.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            checker.decide(item, 0, "undecided", why)
            return True
    return False
