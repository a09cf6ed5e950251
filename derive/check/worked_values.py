r"""Worked values: ``m_2 = 0.19`` is what the notes computed, not a value they give.

After ``m_t = β m_{t-1} + (1-β) g_t`` with ``m_0 = 0``, ``β = 0.9`` and constant gradients ``g_t = 1``,
a line ``m_2 = 0.19`` has the shape of an example value (a name and a number), but the definitions
already fix ``m_2``: the line states a result, and a slip in it (``m_3 = 0.28``) is exactly what a
reader copies. The same holds for a definition at every step read at a numbered one (``η_{10}`` of
``η_t = η_0/(1 + kt)``) and for the first link of a chain (``\hat m_1 = 0.2/0.1 = 2``).

Such a line is a claim only when the value is certain: the quantity has one definition in its
section, every input has a value given before (``g_t = 1`` counts at every step), a recurrence
reaches a start the notes state, and the prose does not suppose the value ("suppose m_3 = 0.5",
"if", "let", "пусть", "假设"). Otherwise it stays a value given, as before. The value is compared
with the number written to the digits written, as worked arithmetic is.
"""
from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

import sympy as sp

from .. import printing
from ..budget import time_budget
from ..errors import BudgetExceeded
from . import tuples
from .bind import CircularDefinition, substitute
from .recurrence import Recurrences
from .recurrence import read as read_index

if TYPE_CHECKING:
    from .latex import Term
    from .verify import DocumentChecker, Item

Worked = tuple[sp.Expr, dict[sp.Symbol, sp.Expr]]


@functools.cache
def _suppose() -> re.Pattern[str]:
    """Words that make the value right after them a supposition (within the same clause)."""
    return re.compile(r"(?:\b(?:suppose|assume|imagine|say|if|let|set|given)\b|предполож|допуст|пусть|если|假设|设|若|如果)"
                      r"[^.!?;:]{0,40}$", re.IGNORECASE)


def supposed(checker: "DocumentChecker", item: "Item") -> bool:
    """Does the prose suppose or define what follows ("Suppose now that m_3 = 0.5", "if", "let")? Then a
    value it gives a step is taken as given, not as one computed. A list item that merely starts with the
    value ("- $x_2 = 0.64$", a table of iterates) supposes nothing: no word says so, and the recurrence
    fixes the step."""
    defines = item.block_cue and not item.list_cue
    return bool(defines or item.condition_cue or _suppose().search(checker._words_before(item.index, 60)))


def every_step_values(examples: Mapping[sp.Symbol, sp.Expr], symbols: set[sp.Basic]) -> dict[sp.Basic, sp.Expr]:
    """Values given for every step (``g_t = 1``, constant gradients) put in at the numbered steps in ``symbols``."""
    every = {(ix.base, ix.offset): value for x, value in examples.items()
             if (ix := read_index(x)) is not None and ix.letter is not None and ix.offset == 0 and not value.free_symbols}
    out = {}
    for x in symbols:
        ix = read_index(x)
        if ix is not None and ix.letter is None and (ix.base, 0) in every:
            out[x] = every[(ix.base, 0)]
    return out


def computed_step(checker: "DocumentChecker", item: "Item", name: sp.Expr) -> Worked | None:
    """``name``'s value and the values given that it used, when ``name`` is a quantity at a numbered step
    (m_2 after its start, η_{10} of η_t = η_0/(1 + kt)) that the definitions in scope and the values given
    before determine as a number. With any input unknown, None: there is nothing to compare it with."""
    from .verify import LINK_SECONDS

    ix = read_index(name) if isinstance(name, sp.Symbol) else None
    if ix is None or ix.letter is not None:
        return None
    definitions = checker._definitions(item)
    examples = checker._examples(item)
    if name in examples or name in definitions:
        return None  # given or defined as it stands: a restatement is read elsewhere
    named = [value for index, value in checker.namings_by_base.get((item.section, ix.base), []) if index < item.index]
    if len(set(named)) > 1:
        return None  # η_t defined twice (a decay, then a cosine schedule): which one a value uses is not sure
    recurrences = Recurrences(definitions.stepped(), examples)
    starts = [r.offset for r in map(read_index, recurrences.initial) if r is not None and r.base == ix.base
              and r.letter is None]
    if ix.base in recurrences.by_base:
        if not starts or ix.offset <= min(starts):
            return None  # no start below it that the notes give: the recurrence cannot reach a number
    elif ix.base not in recurrences.plain or ix.offset < 0 \
            or ix.offset < recurrences.plain[ix.base].lhs.offset:
        return None  # (y_0 from the closed form y_{k+1} = 2^k would put k = −1, below the range it is stated for)
    try:
        with time_budget(LINK_SECONDS):
            value, _ = recurrences.unroll(name, sp.Integer(0))
            value = substitute(value, definitions)
            value, _ = recurrences.unroll(value, sp.Integer(0))  # m̂_1 = m_1/(1 − β₁): m_1 in its turn
            shown = Recurrences(definitions.stepped(), {}).unroll(name, sp.Integer(0), {(ix.base, None): min(
                starts, default=ix.offset)})[0]  # the same, with the values given still as names, to list them
            used = {x: v for x, v in examples.items() if x in shown.free_symbols | value.free_symbols}
            used.update(every_step_values(examples, shown.free_symbols | value.free_symbols))
            value = value.xreplace(used)
            value = value.xreplace(every_step_values(examples, value.free_symbols))
            pis = [x for x in value.free_symbols if isinstance(x, sp.Symbol) and x.name == "\\pi"]
            if pis and value.free_symbols == set(pis):
                value = value.xreplace({pis[0]: sp.pi})  # cos(πt/T): π the number, in a schedule
    except (BudgetExceeded, CircularDefinition):
        return None
    return (value, used) if not value.free_symbols and value.is_number else None


def vector_step(checker: "DocumentChecker", item: "Item", name: sp.Expr) -> Worked | None:
    """``\\mathbf{x}^1 = [−0.3617, 0.3409]^T`` after ``\\mathbf{x}^{k+1} = \\mathbf{x}^k − [∇²f(\\mathbf{x}^k)]^{-1}∇f(\\mathbf{x}^k)``
    with f defined and ``\\mathbf{x}^0`` given: the rule as written, put in at the step before and evaluated there
    (f's gradient and Hessian at the point, a matrix of numbers inverted exactly). None unless every coordinate
    comes out a number."""
    from .verify import LINK_SECONDS
    from .vectors import Coords, reduce_coords

    ix = read_index(name) if isinstance(name, sp.Symbol) else None
    if ix is None or ix.letter is not None:
        return None
    rule = None
    for other in reversed(checker.items[:item.index]):
        first = other.stmt.terms[0].expr if other.stmt.terms else None
        at = read_index(first) if isinstance(first, sp.Symbol) else None
        if at is not None and at.base == ix.base and at.style == ix.style and at.letter is not None \
                and other.stmt.relations[:1] == ["="] and other.stmt.terms[1].expr is not None:
            rule = (at, other.stmt.terms[1].expr)
            break
    if rule is None:
        return None
    lhs, raw = rule
    shift = {}
    for x in raw.free_symbols:
        at = read_index(x)
        if isinstance(x, sp.Symbol) and at is not None and at.letter == lhs.letter:
            shift[x] = at.at(None, at.offset + ix.offset - lhs.offset)
    examples = checker._examples(item)
    points = {x: v for x, v in examples.items() if isinstance(v, Coords)}
    try:
        with time_budget(LINK_SECONDS):
            value = checker._prepare(raw.xreplace(shift), item)
            if value is None:
                return None
            value = reduce_coords(value.xreplace(points), lambda _: True)
    except (BudgetExceeded, CircularDefinition):
        return None
    if not isinstance(value, Coords) or value.free_symbols:
        return None
    used = {x: v for x, v in points.items() if x in shift.values()}
    return value, used


def decide(checker: "DocumentChecker", item: "Item", k: int, left: "Term", right: "Term") -> None:
    """``m_3 = 0.271``: the step's value against the number written, to the digits written."""
    from .arithmetic import decide as decide_numbers
    from .verify import LINK_SECONDS, _exact, _source

    from .vectors import Coords

    value, used = checker._worked_steps[item.index]
    shown = checker._prepare(right.expr, item)
    texts = (_source(item, left), _source(item, right))
    verdict = None
    if isinstance(value, Coords):  # a worked vector: each coordinate to the digits it is written with
        parts = coordinate_texts(texts[1])
        if isinstance(shown, Coords) and len(shown.args) == len(value.args) and len(parts) == len(value.args):
            with time_budget(LINK_SECONDS):
                each = [decide_numbers(v, w, f"coordinate {n} of {texts[0]}", t, item.stmt.relations[k] == "approx")
                        for n, (v, w, t) in enumerate(zip(value.args, shown.args, parts), start=1)]
            if all(e is not None for e in each):
                verdict = next((e for e in each if not e.holds), each[0])  # type: ignore[union-attr]
    elif shown is not None and not shown.free_symbols:
        with time_budget(LINK_SECONDS):
            verdict = decide_numbers(value, shown, texts[0], texts[1], item.stmt.relations[k] == "approx")
    if verdict is None:
        checker.decide(item, k, "undecided", "the step's value could not be compared with the number written")
        return
    given = ", ".join(f"{printing.text(x)} = {tuple_text(v) if isinstance(v, Coords) else _exact(v)}"
                      for x, v in sorted(used.items(), key=str))
    where = f" (from the recurrence with {given})" if given else " (from the recurrence)"
    if isinstance(left.expr, sp.Symbol):  # f(x^1), f(x_3) after it: at the step's value as written, or, when that is
        # wrong, at the value it should have had (one slip, one error)
        checker.examples.append((item.index, item.section, left.expr, shown if verdict.holds else value))
        if verdict.holds and "digits written" in verdict.reason:
            checker._rounded_results.add(shown)
    if verdict.holds:
        checker.decide(item, k, "proved", verdict.reason + where)
    elif shown is not None and not isinstance(value, Coords) and (
            rounded := _within_written_rounding(value, texts, item.stmt.relations[k] == "approx", frozenset(
                v for v in checker._examples(item).values() if v not in checker._rounded_results))):
        checker.decide(item, k, "undecided", rounded + where)
    else:
        checker.report(item, right.start, "error", "math/false", f"false worked value: {verdict.reason}{where}")
        checker.decide(item, k, "false", "a worked value: " + verdict.reason + where)


def _within_written_rounding(value: sp.Expr, texts: tuple[str, str], approx: bool,
                             given: frozenset[sp.Expr] = frozenset()) -> str | None:
    """``v̂_2 = 0.113/(1 − 0.998)``, where 0.998 is β_2² = 0.998001 rounded: a side computed from numbers the notes
    rounded before writing them in. When moving those numbers (written to two decimal places or more) within their
    last digit's rounding makes the side meet the step's value, or changes which is larger, the reason it is
    undecided; None otherwise. A number that is the exact value of a name given (β_2 = 0.999) stays: dropping the
    square of ``0.113/(1 − 0.999)`` is a slip, not a rounding. At most three numbers are moved, each read again
    from the text with its digits moved (SymPy has already worked the side out to one number)."""
    from decimal import Decimal

    from .arithmetic import decide as decide_numbers
    from .latex import LatexParseError, parse_expr

    found = [m for m in _ROUNDABLE.finditer(texts[1]) if sp.Rational(m.group(0)) not in given]
    if not found or len(found) > 3 or _ROUNDABLE.fullmatch(texts[1].strip()):
        return None  # (one number alone is the value written, compared to its digits already)
    differences = []
    for signs in itertools.product((-1, 1), repeat=len(found)):
        text, last = [], 0
        for m, sign in zip(found, signs):
            digits = Decimal(m.group(0))
            half = Decimal(1).scaleb(digits.as_tuple().exponent) / 2
            text += [texts[1][last:m.start()], str(digits + sign * half)]
            last = m.end()
        try:
            moved = parse_expr("".join(text) + texts[1][last:])
        except LatexParseError:
            return None
        if moved.free_symbols:
            return None
        verdict = decide_numbers(value, moved, texts[0], texts[1], approx)
        if verdict is None:
            return None
        difference = sp.N(value - moved, 30)
        if verdict.holds or not difference.is_real:
            break
        differences.append(difference)
    else:
        if not (min(differences) < 0 < max(differences)):
            return None
    numbers = ", ".join(m.group(0) for m in found)
    return (f"equal within the rounding of the numbers written on this side ({numbers}): the step's value may be "
            "the same once they are not rounded")


#: A decimal written to two places or more, not an index or an exponent (``0.998``, not ``x_{0.5}``).
_ROUNDABLE = re.compile(r"(?<![\d.^_])(?<!_\{)(?<!\^\{)\d+\.\d{2,}(?![\d.])")


def coordinate_texts(written: str) -> list[str]:
    """The coordinates of a tuple as written (``\\left[ -0.3617, 0.3409 \\right]^T`` → ``-0.3617``, ``0.3409``),
    for the digits each is given to; [] when the text is not one bracketed list."""
    inner = re.sub(r"\\(?:left|right|big|Big)\s*|\\[,;:! ]|\\q?quad\b", "", written).strip()  # \, is spacing
    inner = re.sub(r"\^\s*(?:T|\{\s*T\s*\}|\\top)\s*$", "", inner).strip()
    if _COLUMN.fullmatch(written.strip()):  # \begin{bmatrix} 1.0 \\ 0.0 \end{bmatrix}: one coordinate a row
        return tuples.entry_texts(written) or []
    if len(inner) < 2 or inner[0] not in "[(" or inner[-1] not in "])":
        return []
    parts, depth, start = [], 0, 1
    for k, char in enumerate(inner):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0 and k != len(inner) - 1:
                return []  # (1, 2) − 0.5(2, 4): a computation with tuples, not one tuple
        elif char == "," and depth == 1:
            parts.append(inner[start:k].strip())
            start = k + 1
    return [*parts, inner[start:-1].strip()]


#: A column vector written as a matrix environment of one column (no ``&``, nothing nested; ``vmatrix`` and
#: ``Vmatrix`` are a determinant and a norm, no columns).
_COLUMN = re.compile(r"\\begin\{([bpB]?matrix)\}((?:(?!\\begin|\\end|&).)*)\\end\{\1\}", re.S)


def tuple_text(value: sp.Expr) -> str:
    """``(0, 1)`` for a tuple of numbers, as a reader writes it."""
    return "(" + ", ".join(printing.text(a) for a in value.args) + ")"
