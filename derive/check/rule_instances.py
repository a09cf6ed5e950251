r"""Rows at a numbered step that are the rule in scope written out there.

Notes unroll an update by hand: after ``\theta_{t+1} = \theta_t + s_t + \mu v_t`` they write the first steps,
``\theta_1 = \theta_0 + s_0``, ``\theta_2 = \theta_1 + s_1 + \mu v_1``, …, one display holding several rows with
different left sides. Such a display reads like a new system of definitions, and binding keeps it so (the rows
give later lines their values). Yet each row is also a claim: it is the rule taken at that step. This pass,
run after the document is verified, proves those rows:

- the row equals the rule at its step (``\theta_2`` from ``\theta_{t+1}`` at ``t = 1``), or
- it equals it once a quantity *other than the row's own* that is at rest at the start (``v_0`` when
  ``v_{t+1} = \theta_{t+1} − \theta_t``: :meth:`Recurrences.at_rest`) is taken as zero, and the reason says so.

A row left undecided (``\mathbf{x}^1 = \mathbf{x}^0 − α∇f(\mathbf{x}^0)`` with ``\mathbf{x}^0`` given as a tuple and α
not) is proved the same way. A row that differs stays a definition: the rows of a new scheme (Nesterov's after the classical one) may
rewrite the rule on purpose, and a worked step may drop what the author knows is zero. This never refutes.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import sympy as sp

from .. import printing
from .. import symbols as S
from .bind import GRADIENT_PREFIX
from ..proof import compare
from .latex import DOTS
from .recurrence import Recurrence, Recurrences, read as read_index
from .vectors import Coords, reduce_coords

if TYPE_CHECKING:
    from .verify import DocumentChecker, Item

__all__ = ["prove_rows"]

#: The verdicts of a row that may be a rule's instance: bound as a definition, not yet a claim, or read as an
#: equation because its sides share no symbol (``h_3 = ⅔h_2 + ⅓w_3`` after ``h_2`` got a value of its own).
_ROW_REASONS = ("definition (a row of a system)", "definition (a naming)", "an equation in unknowns")


def prove_rows(checker: DocumentChecker) -> None:
    """Mark as proved every row at a numbered step (``\\theta_2 = …``) that is the rule in scope at that step."""
    for item in checker.items:
        verdict = checker.verdicts.get((item.index, 0))
        if verdict is None or not (verdict[0] == "undecided" or (verdict[0] == "not-a-claim"
                                                                  and verdict[1].startswith(_ROW_REASONS))):
            continue  # (undecided: x¹ = x⁰ − α∇f(x⁰) with x⁰ = [0, 1]^T given, its coordinates not known yet)
        found = _instance(checker, item)
        if found is not None:
            checker.decide(item, 0, "proved", found, override=True)


def _instance(checker: DocumentChecker, item: Item) -> str | None:
    """Why ``item``'s first link is its rule at a step, or None when it is not (or cannot be told)."""
    stmt = item.stmt
    target = stmt.terms[0].expr
    ix = read_index(target) if isinstance(target, sp.Symbol) else None
    if ix is None or ix.letter is not None or stmt.terms[1].expr is None:
        return None
    value = checker._prepare(stmt.terms[1].expr, item)
    if value is None or value.has(DOTS):
        return None
    definitions = checker._definitions(item)
    recurrences = Recurrences(definitions.stepped(), checker._examples(item))
    rule = recurrences.by_base.get(ix.base) or recurrences.plain.get(ix.base)
    if rule is None or rule.lhs.letter is None or not _rule_before(checker, item, rule):
        return None
    instance = rule.at(ix)
    if recurrences.initial:
        instance, value = instance.xreplace(recurrences.initial), value.xreplace(recurrences.initial)
    step = f"{rule.lhs.letter} = {ix.offset - rule.lhs.offset}"
    written = printing.text(rule.lhs.at(rule.lhs.letter, rule.lhs.offset))
    if _equal(value, instance) or _equal(value, _prepared(checker, item, instance)):
        return f"the rule for {written} at {step}"
    zero = {x for x in instance.free_symbols if recurrences.at_rest(x)}
    if zero and _equal(value, instance.xreplace(dict.fromkeys(zero, sp.Integer(0)))):
        names = ", ".join(sorted(printing.text(z) for z in zero))
        return f"the rule for {written} at {step}, taking {names} = 0 (nothing moved before the first step)"
    return None


def _prepared(checker: DocumentChecker, item: Item, instance: sp.Expr) -> sp.Expr:
    r"""The rule's instance read as the row is: the rule keeps ``∇f(\mathbf{x}^k)`` as one name, the row's
    ``∇f(\mathbf{x}^0)`` is f's gradient at the tuple given, so each such name is made the call again first."""
    from .verify import _OPAQUE_GRADIENT

    calls = {}
    for x in instance.free_symbols:
        m = _OPAQUE_GRADIENT.match(x.name) if isinstance(x, sp.Symbol) else None
        if m is not None:
            calls[x] = sp.Function(f"{GRADIENT_PREFIX} {m.group('fn')}")(S.symbol(m.group("arg").strip()))
    ready = checker._prepare(instance.xreplace(calls), item) if calls else None
    return instance if ready is None else ready


def _equal(a: sp.Expr, b: sp.Expr) -> bool:
    """Equal symbolically and at random points (:func:`derive.proof.compare`, under the link's time budget); with
    written tuples, coordinate by coordinate once their arithmetic is done (``(0, 1) − α(5, 32)``)."""
    from .verify import LINK_SECONDS, _tuple_factor

    if a.has(Coords) or b.has(Coords):
        a, b = reduce_coords(a, _tuple_factor), reduce_coords(b, _tuple_factor)
        if not (isinstance(a, Coords) and isinstance(b, Coords) and len(a.args) == len(b.args)):
            return False
        return all(compare(x, y, seconds=LINK_SECONDS).status == "true" for x, y in zip(a.args, b.args))
    return compare(a, b, seconds=LINK_SECONDS).status == "true"


def _rule_before(checker: DocumentChecker, item: Item, rule: Recurrence) -> bool:
    """Is the rule written in a display before ``item``'s (not a row of the same display, which would make the
    display a list of steps rather than their rule)?"""
    for other in checker.items[:item.index]:
        if other.block is item.block or not other.stmt.terms:
            continue
        first = other.stmt.terms[0].expr
        if isinstance(first, sp.Symbol) and read_index(first) == rule.lhs:
            return True
    return False
