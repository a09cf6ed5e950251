"""A link that restates another scheme the document defines: undecided, never false.

A chapter defines Adam (``θ_{t+1} = θ_t − η m̂_t/(√v̂_t + ε)``) and then AdamW (``… − η(m̂_t/(√v̂_t + ε) + λθ_t)``);
an answer key later restates Adam, then AdamW. The checker reads the later section's Adam line as the
definition in force, so the AdamW line is false under it — yet it is the document's own AdamW
definition, written again. A reader takes it that way because the line reads a name (λ) that only the
other scheme reads.

So a false verdict is kept only when no such reading exists: when the link reads names that the
definition in force of one of its quantities does not read, and an earlier definition of that quantity
(another scheme, in any section) reads them all and makes the link hold, the link is undecided with
both lines named. A slip inside a scheme (the λθ term dropped from an AdamW line, with AdamW in force)
reads no name beyond the definition in force and stays false.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import sympy as sp

if TYPE_CHECKING:
    from .verify import DocumentChecker, Item

#: How many other definitions of one quantity are tried (the latest first): a note has a few schemes.
_TRIED = 4


def earlier_definitions(checker: DocumentChecker, item: Item, name: sp.Symbol) -> list[tuple[int, sp.Expr]]:
    """Every value the document gave ``name`` before ``item`` (namings and rows of systems), latest first."""
    found = [(index, value) for index, _, named, value in checker.namings if named == name and index < item.index]
    for scope in checker.systems:
        row = scope.rows.get(name)
        if row is not None and row.index < item.index and name in scope.definitions:
            found.append((row.index, scope.definitions[name]))
    return sorted(found, key=lambda entry: -entry[0])


def other_scheme(checker: DocumentChecker, item: Item, a: sp.Expr, b: sp.Expr,
                 definitions: dict[sp.Symbol, sp.Expr]) -> str | None:
    """Why the false link ``a = b`` may restate another scheme of the document; None when it does not."""
    from .. import printing
    from ..budget import time_budget
    from ..errors import BudgetExceeded
    from .verify import LINK_SECONDS

    try:
        with time_budget(LINK_SECONDS):
            found = _holding(checker, item, a, b, definitions)
    except BudgetExceeded:
        return None
    if found is None:
        return None
    name, index, beyond = found
    names = ", ".join(sorted(printing.text(x) for x in beyond))
    return (f"false under the definition in force, but it holds under the definition of {printing.text(name)} "
            f"on line {checker._line_of(index)} (another scheme of the document, which reads {names}): "
            "which scheme is meant?")


def _holding(checker: DocumentChecker, item: Item, a: sp.Expr, b: sp.Expr,
             definitions: dict[sp.Symbol, sp.Expr]) -> tuple[sp.Symbol, int, set[sp.Symbol]] | None:
    """The quantity, the item of its other definition and the names only that one reads, when the link holds."""
    from ..proof import compare
    from .bind import CircularDefinition, substitute
    from .latex import DOTS
    from .recurrence import Recurrences, read as read_index
    from .verify import LINK_SECONDS, ScopeView, _doit

    read = (a.free_symbols | b.free_symbols) - {DOTS}
    for name in sorted(read & set(definitions), key=str):
        current = definitions[name]
        beyond = read - {name} - current.free_symbols
        if not beyond:
            continue  # the link reads nothing the definition in force does not: a slip within that scheme
        tried = 0
        for index, value in earlier_definitions(checker, item, name):
            if tried >= _TRIED:
                break
            if value.has(DOTS) or value == current or not beyond <= value.free_symbols:
                continue
            tried += 1
            mixed = {x: definitions[x] for x in definitions}
            mixed[name] = value
            try:
                sa, sb = substitute(a, mixed), substitute(b, mixed)
            except CircularDefinition:
                continue
            stepped = dict(definitions.stepped()) if isinstance(definitions, ScopeView) else {}
            if name in stepped or read_index(name) is not None:
                stepped[name] = value
            recurrences = Recurrences(stepped, checker._examples(item))
            if recurrences:
                sa, sb = recurrences.unroll(sa, sb)
            if compare(_doit(sa), _doit(sb), seconds=LINK_SECONDS).status == "true":
                return name, index, beyond
    return None
