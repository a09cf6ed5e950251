r"""A value given to a name in the words right after its formula: ``$\beta$=0.98``, ``$\beta$等于0.98``,
"a rate $\eta$ of 0.01", "$\beta$ равно 0.9".

Notes often write only the name in math and the number in the text, with the ``=`` itself outside the
math. Such a value is in force for what follows exactly as ``$\beta = 0.98$`` would be: the worked
numbers after it use it. Left unread, an older value of the name from an earlier section is applied
instead, and a true computation with the new value looks false.

Only a plain number is read (digits and a decimal point), right after the connective; a number that goes
on as an expression or a phrase ("0.9 times", "2x", "10%", "3/4", "0.9^t", "of 10 elements", "1,2,3")
is not a value of the name and nothing is read.
"""
from __future__ import annotations

import functools
import re
from fractions import Fraction
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sympy as sp

    from .verify import DocumentChecker, Item

#: The connectives between a name and its value: = (ASCII or full width), 为/是/等于/取 (optionally after
#: 的值 / 的取值, "β的值为0.9", or 设置/设定/设, "γ设置为0.9": "set to"), равно/равен/равна, "is", "equals", "of", "set to".
_CONNECTIVE = (r"(?:=|＝|(?:的(?:取)?值)?\s*(?:设置|设定|设)?(?:等于|为|是|取)|равн(?:о|а|ы|ен)|"
               r"\b(?:is(?: set to| equal to)?|equals|of|set to)\b)")
#: What may not follow a number that is a value: more of an expression, a percentage, a unit of times.
_GOES_ON = (r"(?![\d.,]?\d)(?!\s*(?:[%^*/×·\\]|times\b|倍|раз\b))(?![A-Za-zА-Яа-я_])"
            # "of 10 elements", "= 0.9 gives": a word after it makes the number part of a phrase
            r"(?![ \t]+(?!(?:and|or|then|for|in|with|we|и|или|при)\b)[A-Za-zА-Яа-я])")


@functools.cache
def _value_after() -> re.Pattern[str]:
    """Compiled on first use (nothing is compiled when a document is imported only)."""
    return re.compile(r"[ \t]*" + _CONNECTIVE + r"[ \t]*(?:\$[ \t]*)?([-−]?\d+(?:\.\d+)?)(?:[ \t]*\$)?" + _GOES_ON,
                      re.IGNORECASE)


@functools.cache
def _one_name() -> re.Pattern[str]:
    r"""A formula that is one name once its braces are dropped: ``\beta``, ``{{\beta}_{1}}``, ``\eta_{t}``,
    ``x^{(0)}`` (no operator, no second letter outside a subscript)."""
    return re.compile(r"(?:\\[A-Za-z]+|[A-Za-z])(?:[_^](?:[A-Za-z0-9]+|\\[A-Za-z]+|\(\d+\)))*")


def value_after(formula: str, after: str) -> Fraction | None:
    """The number the words ``after`` a formula give it, when the formula is one name; else None."""
    if not _one_name().fullmatch(re.sub(r"[{}\s]", "", formula)):
        return None
    m = _value_after().match(after)
    if m is None:
        return None
    text = m.group(1).replace("−", "-")
    try:
        return Fraction(text)
    except ValueError:
        return None


def stale_value(checker: DocumentChecker, item: Item, used: dict[sp.Symbol, sp.Expr]) -> str | None:
    """Why false arithmetic may rest on a stale value: a name whose value comes from an earlier section,
    which the link's own section writes again on its own (``$\\beta$`` in "the green curve's $\\beta$ is close
    to 0.98") before the link, with no value the checker reads. The section speaks of that name afresh, so
    the older value may not be the one meant: undecided, naming it. None when no such name is used."""
    from .. import printing

    here = {name for index, section, name, _ in checker.examples if section == item.section and index < item.index}
    earlier = {name: index for index, section, name, _ in checker.examples
               if section != item.section and index < item.index}
    stale = [name for name in used if name not in here and name in earlier]
    if not stale:
        return None
    mentioned = {other.stmt.terms[0].expr for other in checker.items[:item.index]
                 if other.section == item.section and len(other.stmt.terms) == 1}
    again = sorted((name for name in stale if name in mentioned), key=str)
    if not again:
        return None
    named = ", ".join(f"{printing.text(name)} = {printing.text(used[name])} (line {checker._line_of(earlier[name])})"
                      for name in again)
    return (f"it uses {named} from an earlier section, and this section writes "
            f"{', '.join(printing.text(name) for name in again)} again before it with no value read: "
            "which value is meant?")


def record(checker: DocumentChecker, item: Item) -> None:
    """``$\\beta$=0.98``, ``$\\beta$等于0.98``: the value written after a one-name formula is given like
    ``$\\beta = 0.98$`` (a value, not an answer: see ``_gives_value``); the worked numbers after it use it."""
    import sympy

    name = item.stmt.terms[0].expr if len(item.stmt.terms) == 1 else None
    value = item.stated_value
    if isinstance(name, sympy.Symbol) and isinstance(value, Fraction) and checker._gives_value(item, name):
        checker.examples.append((item.index, item.section, name, sympy.Rational(value.numerator, value.denominator)))
