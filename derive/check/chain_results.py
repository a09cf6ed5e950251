r"""Results of the chain rule: a derivative stated once as a product of derivatives, then worked out factor by factor.

Every backpropagation note does it the same way. It writes the chain rule, ``\frac{\partial L}{\partial w_i} =
\frac{\partial L}{\partial \hat y}\frac{\partial \hat y}{\partial z}\frac{\partial z}{\partial w_i}`` (proved by its
shape, :mod:`.chain_rule`), then gives each factor a value on a line of its own (``\frac{\partial z}{\partial w_i}
= x_i``), then states the result, ``\frac{\partial L}{\partial w_i} = -(y - \hat y) x_i``. Read alone, that last
line names ``∂L/∂w_i`` for the first time; read with the lines before it, it is a claim: the chain rule's product
with the factors put in. Each factor's value may be any member of the chain that gave it (``∂ŷ/∂z = … = ŷ(1−ŷ)``),
so every choice is tried (a handful at most); the link is proved when one choice gives the result written.

The factors' values are the notes' own namings, not derivatives the checker worked out, so a result that no choice
gives is false only when every factor had a value and every choice written in the result's letters differs from it
(a choice in other letters, ∂ŷ/∂z in z against a result in ŷ, proves nothing either way); otherwise it is
undecided.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import sympy as sp

from .. import printing
from ..budget import time_budget
from ..errors import BudgetExceeded
from ..proof import compare
from . import chain_rule

if TYPE_CHECKING:
    from .latex import Term
    from .verify import DocumentChecker, Item

SECONDS = 2.0
#: At most this many choices of the factors' values are compared (each factor: its chain's members).
CHOICES = 16
#: How many statements back the chain rule and its factors' values are looked for (a derivation keeps them close;
#: without a bound every naming of a long section rescanned the whole section).
REACH = 60
#: How a proved chain rule is named in the links report (:func:`.chain_rule.telescopes`).
_CHAIN = "the chain rule:"


def _product_for(checker: DocumentChecker, item: Item, name: sp.Symbol) -> tuple[Item, sp.Expr] | None:
    """The nearest earlier statement of the chain rule for ``name`` in the item's sections, and its product."""
    sections = set(checker._lineage(item.section))
    for prev in reversed(checker.items[max(0, item.index - REACH):item.index]):
        if prev.section not in sections:
            continue
        terms = prev.stmt.terms
        for k in range(len(prev.stmt.relations)):
            verdict, reason = checker.verdicts.get((prev.index, k), ("", ""))
            if verdict != "proved" or not reason.startswith(_CHAIN):
                continue
            left, right = terms[k].expr, terms[k + 1].expr
            for one, other in ((left, right), (right, left)):
                if one == name and isinstance(other, sp.Mul):
                    return prev, other
    return None


def _values(checker: DocumentChecker, item: Item, factor: sp.Symbol, since: int) -> tuple[list[sp.Expr], int | None]:
    """The values the notes gave ``factor`` before ``item`` (every parsed member of the nearest chain that starts
    with it), and the line of that chain; ([], None) when none did."""
    sections = set(checker._lineage(item.section))
    for prev in reversed(checker.items[max(0, item.index - REACH):item.index]):
        if prev.section not in sections or prev.index == since:
            continue
        stmt = prev.stmt
        if len(stmt.terms) < 2 or stmt.terms[0].expr != factor or stmt.relations[0] != "=":
            continue
        members: list[sp.Expr] = []
        for k, term in enumerate(stmt.terms[1:]):
            if stmt.relations[k] != "=":
                break
            value = checker._prepare(term.expr, prev) if term.expr is not None else None
            if value is not None and factor not in value.free_symbols:
                members.append(value)
        if members:
            return members, prev.block.position(stmt.terms[1].start)[0]
    return [], None


def result(checker: DocumentChecker, item: Item, k: int, left: Term, right: Term) -> bool:
    """Decide ``D = R`` when D was stated by the chain rule before and R is meant as its value. True when decided."""
    name = left.expr
    if k != 0 or not isinstance(name, sp.Symbol) or right.expr is None \
            or chain_rule.telescopes(left.expr, right.expr) is not None:
        return False
    found = _product_for(checker, item, name)
    if found is None:
        return False
    rule, product = found
    claimed = checker._prepare(right.expr, item)
    if claimed is None or name in claimed.free_symbols:
        return False
    factors = list(dict.fromkeys(f for f in product.args if chain_rule.is_factor(f)))
    choices: list[list[sp.Expr]] = []
    lines: list[int] = []
    unvalued = False
    for factor in factors:
        members, line = _values(checker, item, factor, rule.index) if not claimed.has(factor) else ([], None)
        if line is None:
            choices.append([factor])
            unvalued = True
        else:
            choices.append(members)
            lines.append(line)
    if not lines:
        return False  # no factor was worked out: the line names the derivative (or restates the rule)
    rule_line = rule.block.position(rule.stmt.terms[0].start)[0]
    given = sorted(set(lines))
    where = f"the chain rule of line {rule_line} with the factors' values of line{'s' if len(given) > 1 else ''} " \
            f"{', '.join(str(n) for n in given)}"
    refuting: list[tuple[str, sp.Expr]] = []  # the choices written in the result's own letters, and their verdicts
    try:
        with time_budget(SECONDS * 2):
            for choice in itertools.islice(itertools.product(*choices), CHOICES):
                value = product.xreplace(dict(zip(factors, choice)))
                verdict = compare(value, claimed, seconds=SECONDS)
                if verdict.status == "true":
                    checker.decide(item, k, "proved", where)
                    return True
                if claimed.free_symbols <= value.free_symbols:
                    refuting.append((verdict.status, value))  # (∂ŷ/∂z in z against a result in ŷ proves nothing)
    except BudgetExceeded:
        refuting.append(("undecided", product))
    if refuting and all(status == "false" for status, _ in refuting) and not unvalued:
        text = printing.text(refuting[0][1])
        checker.report(item, right.start, "error", "math/false",
                       f"false result: {where} gives {text}")
        checker.decide(item, k, "false", f"{where} gives {text}")
        return True
    checker.report(item, right.start, "info", "math/undecided", f"not decided against {where}")
    checker.decide(item, k, "undecided", f"a result of {where}, not shown equal to them")
    return True
