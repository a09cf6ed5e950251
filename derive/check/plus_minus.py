r"""``\pm`` and ``\mp``: a statement with a double sign is two statements, one per sign.

``(a \pm b)^2 = a^2 \pm 2ab + b^2`` means the same sign throughout, and ``\mp`` the opposite one; a result
``x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a}`` gives two values. The parser reads every ``\pm`` as one sign symbol
(:data:`~derive.check.latex.PLUS_MINUS`), and here the checker verifies the statement twice, with the sign
+1 and with −1, each run seeing a copy of the display with that sign put in. A link is proved when both
readings prove it, false when one reading refutes it (the message says which sign), and otherwise it
takes the first reading's verdict when both agree, or is undecided, naming the reading that was not decided.

The sign symbol itself never reaches a comparison: as a letter, ``±²`` would not be 1 and a true
identity would be refuted at a random point.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import sympy as sp

from .latex import PLUS_MINUS

if TYPE_CHECKING:
    from .verify import DocumentChecker, Item

#: The two readings, with the words that name them in a reason.
SIGNS = ((sp.Integer(1), "+"), (sp.Integer(-1), "−"))


def has_sign(item: "Item") -> bool:
    """Does a side of ``item`` hold a ``\\pm`` or ``\\mp``?"""
    return any(t.expr is not None and t.expr.has(PLUS_MINUS) for t in item.stmt.terms)


def _reading(item: "Item", sign: sp.Integer) -> "Item":
    """A copy of ``item`` whose sides have ``sign`` for every ``\\pm`` (and −sign for every ``\\mp``)."""
    terms = [dataclasses.replace(t, expr=t.expr.xreplace({PLUS_MINUS: sign}) if t.expr is not None else None)
             for t in item.stmt.terms]
    return dataclasses.replace(item, stmt=dataclasses.replace(item.stmt, terms=terms))


def verify(checker: "DocumentChecker", item: "Item") -> None:
    """Verify ``item`` once per sign and combine the two readings link by link."""
    keys = [(item.index, k) for k in range(len(item.stmt.relations))]
    first, second = item.stmt.terms[0].expr, item.stmt.terms[1].expr
    if isinstance(first, sp.Symbol) and second is not None and second.has(PLUS_MINUS) \
            and not first.has(PLUS_MINUS):
        checker.broken.add(first)  # x = 1 ± √2: two values; what reads x later is left undecided
    before = {key: checker.verdicts[key] for key in keys if key in checker.verdicts}
    readings: list[tuple[str, dict, list]] = []
    examples = len(checker.examples)
    checker._two_valued = True  # no reading names anything: x = 1 ± √2 gives x two values, not one
    for sign, word in SIGNS:
        for key in keys:  # each reading starts from what was decided before it, not from the other reading
            checker.verdicts.pop(key, None)
        checker.verdicts.update(before)
        copy = _reading(item, sign)
        checker.items[item.index] = copy  # the rules that look back at this display see the same reading
        start = len(checker.findings)
        try:
            checker._verify_item(copy)
        finally:
            checker.items[item.index] = item
            checker._two_valued = word == "+"
            del checker.examples[examples:]  # nor gives it a value to compute with
        readings.append((word, {key: checker.verdicts.get(key) for key in keys}, checker.findings[start:]))
        del checker.findings[start:]
    for key in keys:
        checker.verdicts.pop(key, None)
    checker.verdicts.update(before)
    for k, key in enumerate(keys):
        if key in before:
            continue
        (plus, first, found_plus), (minus, second, found_minus) = readings
        a, b = first.get(key), second.get(key)
        if a is None and b is None:
            continue
        if a is not None and a[0] == "false" or b is not None and b[0] == "false":
            word, verdict, found = (plus, a, found_plus) if a is not None and a[0] == "false" else (minus, b, found_minus)
            checker.decide(item, k, "false", f"with the sign {word} of ±: {verdict[1]}")
            continue
        if a is not None and b is not None and a[0] == b[0] == "proved":
            checker.decide(item, k, "proved", f"for both signs of ±: {a[1]}" if a[1] else "for both signs of ±")
        elif a is not None and b is not None and a[0] == b[0]:
            checker.decide(item, k, a[0], a[1])
        else:
            open_word, why = (plus, a) if a is None or a[0] != "proved" else (minus, b)
            reason = why[1] if why is not None else "not examined"
            checker.decide(item, k, "undecided", f"with the sign {open_word} of ±: {reason}")
    # the findings: a false reading's errors (named by their sign), else the first reading's notes
    # one slip makes one error: the first reading that has errors speaks for the display
    for word, _, found in readings:
        errors = [f for f in found if f.severity == "error"]
        if errors:
            checker.findings.extend(dataclasses.replace(f, message=f"with the sign {word} of ±: {f.message}")
                                    for f in errors)
            return
    checker.findings.extend(f for f in readings[0][2])
