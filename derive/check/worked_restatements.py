r"""A worked value carried on display after display: ``z_1 = [1\;4\;5]W + [0.5\;0.5]``, then ``z_1 = [3.8\;4.8] + [0.5\;0.5]``,
then ``z_1 = [4.3\;5.3]``.

Worked examples (a forward and backward pass, a gradient step on numbers) compute a quantity in several displays, each
starting again with its name. Each of those displays reads like a new value given to the name, and binding keeps it so;
yet each after the first is a claim: the arithmetic of the display before it, carried out. This pass, run after the
document is verified, decides those rows:

- the row right after a display that gave the same name a value computed from numbers (``[3.8 4.8] + [0.5 0.5]``,
  a tuple or a matrix, as the last member of its chain), with nothing in between — two values merely written one
  after the other (``μ = 0.975``, then ``μ = 0.999``) are two examples, not a computation carried out;
- both values evaluated exactly (written tuples and matrices multiplied in the written order, ``⊙`` entry by entry), and
  compared entry by entry to the digits the row writes (rounded or cut off, as :func:`.arithmetic.decide` allows).

A row that agrees is proved; one that does not is false, the entry named with its exact value. Only rows whose verdict
was a naming, a value given, a condition or undecided are read so; a row that is a new assignment (``W_1 := W_1 −
η∇``) ends the run of restatements.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

import sympy as sp

from .. import printing
from .arithmetic import decide as decide_numbers
from .vectors import Coords, Rows, entries, reduce_coords, shape

if TYPE_CHECKING:
    from .latex import Term
    from .verify import DocumentChecker, Item

__all__ = ["decide_rows"]

#: A number as written in the source, in reading order (matrix entries row by row).
_NUMBER = re.compile(r"(?<![\w.])[-−]?\s*\d+(?:\.\d+)?(?![\w.])")


def decide_rows(checker: DocumentChecker) -> None:
    """Prove or refute every row that restates, worked out, the numbers of the display right before it."""
    previous: Item | None = None
    carried: dict[int, sp.Expr] = {}  # a row found false passes on the value it should have had: one slip, one error
    worked: dict[sp.Symbol, tuple[sp.Expr, int, int]] = {}  # name -> (value, line, section) of its last proved row
    for item in checker.items:
        before, previous = previous, item
        _put_in(checker, item, worked)
        k = _first_link(item)
        if before is None or before.section != item.section or k is None or not _open(checker, item, k):
            continue
        j = _first_link(before)
        if j is None or not _same_name(item, item.stmt.terms[k], before, before.stmt.terms[j]) \
                or ":=" in before.stmt.relations:
            continue
        earlier = carried[before.index] if before.index in carried else _numbers(checker, before, before.stmt.terms[-1])
        now = _numbers(checker, item, item.stmt.terms[k + 1])
        if earlier is None or now is None or shape(earlier) != shape(now):
            continue
        if before.index not in carried and not _computed(before, before.stmt.terms[-1], earlier):
            continue  # "μ = 0.975 …, μ = 0.999": another value given, not the last one carried out
        _decide(checker, item, k, before, earlier, now)
        verdict = checker.verdicts.get((item.index, k), ("",))[0]
        if verdict == "false" and len(item.stmt.terms) == k + 2:
            carried[item.index] = earlier
        if verdict == "proved" and isinstance(item.stmt.terms[k].expr, sp.Symbol):
            worked[item.stmt.terms[k].expr] = (now, item.block.position(item.stmt.terms[k + 1].start)[0], item.section)


def _put_in(checker: DocumentChecker, item: Item, worked: dict[sp.Symbol, tuple[sp.Expr, int, int]]) -> None:
    r"""``a_1 = f_1(z_1) = f_1([4.3\;5.3])`` after ``z_1 = [4.3\;5.3]`` was worked out: a link that the worked values
    of its section make the same on both sides (whatever ``f_1`` is) is proved, the values named."""
    for k in range(len(item.stmt.relations)):
        left, right = item.stmt.terms[k].expr, item.stmt.terms[k + 1].expr
        if item.stmt.relations[k] != "=" or left is None or right is None or left == right \
                or left in worked or not _open(checker, item, k):
            continue  # (z_1 = [4.3 5.3] itself is a row carried out, decided as one)
        used = {name: value for name, (value, _, section) in worked.items()
                if section == item.section and (left.has(name) or right.has(name))}
        if not used or left.xreplace(used) != right.xreplace(used):
            continue
        said = ", ".join(f"{printing.text(name)} (line {worked[name][1]})" for name in sorted(used, key=str))
        checker.decide(item, k, "proved", f"the value worked out for {said} put in", override=True)


def _computed(item: Item, term: Term, value: sp.Expr) -> bool:
    """Does the side compute something (``[3.8 4.8] + [0.5 0.5]``: more numbers written than its value has entries),
    rather than write a value (``[4.3 5.3]``, ``0.999``)? Only a computation is carried out by the row after it; two
    values written one after the other are two examples."""
    text = item.block.text[term.start:term.end]
    if _FRACTION.fullmatch(text):
        return False  # −2/3, \frac{1}{4}: a value written as a fraction, not a computation of one
    written = len(_NUMBER.findall(text))
    return written > (len(entries(value)) if shape(value) else 1)


#: A value written as a fraction of two whole numbers, signed or not (``-2/3``, ``\frac{1}{4}``, ``−\tfrac12``).
_FRACTION = re.compile(r"\s*[-−+]?\s*(?:\d+\s*/\s*\d+|\\[dt]?frac\s*(?:\{\s*\d+\s*\}|\d)\s*(?:\{\s*\d+\s*\}|\d))\s*")


def _first_link(item: Item) -> int | None:
    """The first ``=`` link of a row, after a leading ``\\therefore`` (read as an implication from nothing)."""
    stmt = item.stmt
    k = 1 if len(stmt.relations) > 1 and stmt.relations[0] == "=>" and stmt.terms[0].start == stmt.terms[0].end else 0
    return k if k < len(stmt.relations) and stmt.relations[k] == "=" else None


def _open(checker: DocumentChecker, item: Item, k: int) -> bool:
    """Is the row's link still open to this reading (a naming, a value given, a condition, undecided)?"""
    verdict = checker.verdicts.get((item.index, k), ("", ""))[0]
    return verdict in ("not-a-claim", "undecided", "")


def _same_name(item: Item, term: Term, other: Item, other_term: Term) -> bool:
    """Do two rows start with the same name: as read (``\\vec x^{(1)}`` and ``\\vec{x}^{(1)}``), or as written when
    either could not be read (a derivative's fraction, say)?"""
    if term.expr is not None and other_term.expr is not None:
        return bool(term.expr == other_term.expr)
    return _name(item, term) == _name(other, other_term)


def _name(item: Item, term: Term) -> str:
    """The name a row starts with, as written (``z_1``, ``\\frac{\\partial J}{\\partial a_2}``), spaces and a leading
    ``\\therefore`` dropped."""
    return _LEAD.sub("", "".join(item.block.text[term.start:term.end].split()))


#: What a row of a worked example writes before its name: "therefore", an arrow, spacing.
_LEAD = re.compile(r"^(?:\\(?:therefore|because|Rightarrow|implies|Longrightarrow|quad|qquad)|&)+")


def _numbers(checker: DocumentChecker, item: Item, term: Term) -> sp.Expr | None:
    """The side's value when it is numbers only (a number, a tuple or a matrix of numbers), exactly; else None."""
    value = _worked_out(checker, item, term.expr) if term.expr is not None else None
    if value is None:
        return None
    if isinstance(value, (Coords, Rows)):
        return value if all(e.is_number and not e.free_symbols for e in entries(value)) else None
    return value if value.is_number and not value.free_symbols and value.is_real else None


def _written(item: Item, term: Term, values: list[sp.Expr]) -> list[str]:
    """The numbers the side writes, in reading order, when there is one per entry; else each entry's shortest
    decimal (its digits are then the fewest the author can have written, so the tolerance is never too tight)."""
    text = item.block.text[term.start:term.end]
    found = ["".join(m.group(0).replace("−", "-").split()) for m in _NUMBER.finditer(text)]
    return found if len(found) == len(values) else [_decimal(v) for v in values]


def _decide(checker: DocumentChecker, item: Item, k: int, before: Item, earlier: sp.Expr, now: sp.Expr) -> None:
    """Link ``k`` of ``item`` (its value ``now``) against ``earlier`` worked out, entry by entry."""
    from .verify import _place

    right = item.stmt.terms[k + 1]
    worked = list(entries(earlier)) if shape(earlier) else [earlier]
    shown = list(entries(now)) if shape(now) else [now]
    texts = _written(item, right, shown)
    line = before.block.position(before.stmt.terms[-1].start)[0]
    cut = False
    for position, (exact, value, text) in enumerate(zip(worked, shown, texts), 1):
        verdict = decide_numbers(exact, value, "", text, False)
        if verdict is None:
            return
        if not verdict.holds and _within_inputs(checker, before, position - 1, value, text):
            checker.decide(item, k, "undecided", f"the value worked out on line {line} gives {_decimal(exact)} for "
                           f"{text}, equal within the rounding of the numbers it is worked from (written to fewer "
                           "digits there): the result may come from their unrounded values", override=True)
            return
        if not verdict.holds:
            where = f"entry {position}: " if len(shown) > 1 else ""
            message = (f"the value worked out on line {line} does not give this: {where}{printing.text(exact)} = "
                       f"{_decimal(exact)}, written {text}")
            checker.report(item, right.start, "error", "math/false", message)
            checker.decide(item, k, "false", message, override=True)
            return
        cut = cut or "cut off" in verdict.reason
    how = "the digits written, cut off rather than rounded" if cut else "to the digits written"
    checker.decide(item, k, "proved", f"the value worked out on line {line}, carried out ({how})", override=True)
    place = _place(item, right.start)
    checker.findings[:] = [f for f in checker.findings if not (f.code == "math/undecided" and (f.line, f.col) == place)]


def _within_inputs(checker: DocumentChecker, before: Item, position: int, value: sp.Expr, text: str) -> bool:
    """Could the entry at ``position`` of the earlier display's value be ``value`` (as written in ``text``) had the
    numbers it is worked from been their unrounded selves? Each decimal there may be off by a unit of its last
    digit (rounded or cut off); the entry moves by at most the sum of those units times its sensitivity to each."""
    from .arithmetic import tolerance
    from .verify import _decimal_places

    term = before.stmt.terms[-1]
    if term.expr is None:
        return False
    # a given (η = 0.01, b = 0.5) is short and exact; a number carried from an earlier result shows its digits
    inputs = {r: sp.Dummy("d") for r in term.expr.atoms(sp.Rational) if (_decimal_places(r) or 0) >= _CARRIED_PLACES}
    if not inputs:
        return False
    held = _worked_out(checker, before, term.expr.xreplace(inputs))
    if held is None:
        return False
    entry = (list(entries(held)) if shape(held) else [held])[position]
    at = {d: r for r, d in inputs.items()}
    spread = sum((abs(sp.diff(entry, d).xreplace(at)) * sp.Rational(1, 10 ** (_decimal_places(r) or 0))
                  for r, d in inputs.items()), sp.Integer(0))
    shown = tolerance(text) or 0
    return bool(abs(entry.xreplace(at) - value) <= spread + 2 * sp.Rational(shown.numerator, shown.denominator))


#: The decimal places from which a number in a worked display counts as a result carried from before (rounded or
#: cut off there), rather than a value given exactly.
_CARRIED_PLACES = 3


def _worked_out(checker: DocumentChecker, item: Item, expr: sp.Expr) -> sp.Expr | None:
    """The value of ``expr`` read as ``item`` reads it, written tuples and matrices reduced (its numbers may be held
    as symbols of their own, :func:`_within_inputs`)."""
    from .verify import _tuple_factor, _vanished_by_what_is_written

    value = checker._prepare(expr, item)
    if value is None or _vanished_by_what_is_written(expr, None, checker._definitions(item)):
        return None  # ∂/∂w_j log(p_i) with p_i a function of w in words: 0 as written is no worked number
    return reduce_coords(value, lambda x: _tuple_factor(x) or isinstance(x, sp.Dummy))


def _decimal(value: sp.Expr) -> str:
    """``value`` as a decimal: exact when it has a finite one (a written number), else to ten significant digits,
    for a message a reader can check by hand."""
    if isinstance(value, sp.Rational) and _finite_decimal(value.q):
        return format(Decimal(int(value.p)) / Decimal(int(value.q)), "f")
    try:
        return format(Decimal(str(sp.N(value, 10))).normalize(), "f")
    except ArithmeticError:
        return printing.text(value)


def _finite_decimal(denominator: int) -> bool:
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1
