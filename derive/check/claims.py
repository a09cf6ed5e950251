"""When an equality that looks like a definition is a claim, by the conventions real notes follow.

The verifier (:mod:`derive.check.verify`) reads a link as a definition when its left side is a bare
name that nothing before defines. Notes also write claims in that shape; the verifier treats as claims

* one computation written row by row with its left side restated on every row
  (``h^{(1)} &= h^{(0)} − α·R'(h^{(0)}) \\\\ h^{(1)} &= 2 − 2\\sqrt2·(…) \\\\ h^{(1)} &= 4``): every row after
  the first is a claim about the previous row's last term — not two systems side by side
  (:func:`restated_rows` tells the two apart);
* a number written for an iterate at a fixed step (``h^{(1)} = 4``) when the document gives the update
  rule for that quantity (``h^{(t+1)} = …``): an answer, not a given value;
* an answer stated before the derivation that establishes it (exam solutions open with the result).

Precision first: where the reading is a guess (a restated row that no word says follows), only a proof
changes the verdict, and a disagreement is "undecided", never "false".
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence



if TYPE_CHECKING:  # pragma: no cover
    from .verify import Item


def restated_rows(definitions: Sequence["Item"], targets: Sequence[object], items: Sequence["Item"] = ()) -> bool:
    """Do the definitions of one block restate their left sides row after row, one name per run of rows?

    That is how a computation is written out in an ``align*`` (each row repeats ``h^{(1)} &=``); two
    systems side by side define several names, or the same name twice on one row (``\\qquad``). Between two
    definitions may stand the rows of the first one's chain (``&= …``) and remarks that name a substitution
    (``Пусть x = 2\\tan u``) among ``items``, the block's statements; anything else parts two computations.
    """
    if len(definitions) < 2:
        return False
    rows = [it.stmt.row for it in definitions]
    if any(b <= a for a, b in zip(rows, rows[1:])):
        return False
    if rows != list(range(rows[0], rows[0] + len(rows))) and any(
            a.index < it.index < b.index and not it.stmt.remark
            for a, b in zip(definitions, definitions[1:]) for it in items):
        return False
    # V_1 &= … \\ V_1 &= … \\ V_2 &= … \\ V_2 &= …: one computation per name, each name in one run of rows
    runs = [t for k, t in enumerate(targets) if k == 0 or targets[k - 1] != t]
    return len(runs) == len(set(runs)) and len(runs) < len(targets)
