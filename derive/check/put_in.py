"""A formula written again with numbers put in for its names: each number is checked against the name's value.

Worked examples compute by substitution, one line per data point: ``x_1 - \\bar{x} = 1 - 2``,
``(x_1 - \\bar{x})(y_1 - \\bar{y}) = (-1)(-2.33)``, ``\\hat{y}_0 - y_0 = 0.659 - 1``. Read as an equation, such a
link has letters on one side and a constant on the other: a condition, checked by nothing. But the author's
claim is that the numbers are the values of what they replace, and the values worked out before (``\\bar{x} = 2``)
say whether they are. So the two texts are matched token by token: each name (``\\bar{x}``, ``\\hat{y}_1``,
``e_1``, a call such as ``f(x_3)``) or bracketed group of the formula stands for one number written in its place
(the same number each time), everything else is the same token on both sides.

Every number put in for something whose value is known (worked out before, given, or computed from its
definition at known values) is compared with that value, to the digits written. A group that differs makes the
link false; a single name that differs may be the letter of a new point (``x^2 + 2y^2 = 1^2 + 2 \\cdot 0^2`` at the
next iterate, after ``x = 0`` was the minimum), so it is left to the other readings. In worked arithmetic a single
name put in with a number that differs only in a late digit from the value another line gives it bare is one number
copied twice, once wrongly, and nothing says which copy: both lines are named (``math/conflict``). A name with no value anywhere
in the math (a data point given in words) takes the number put in, from then on, so the next line that uses it
is checked; the link that first put it in stays undecided, since nothing says the number is right.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sympy as sp

from .. import printing
from .latex_tokens import GREEK, Token
from .substituted import meaningful, number_at

if TYPE_CHECKING:
    from .verify import Checker, Item, Term

__all__ = ["Put", "puts", "decide"]


@dataclass(frozen=True)
class Put:
    """One piece of the formula as written (``\\bar{x}``, ``(x_1 - \\bar{x})``) and the number put in its place."""

    text: str
    number: str


#: Accents and styles that make one name of the letter under them.
_ACCENTS = frozenset({"bar", "hat", "tilde", "vec", "mathbf", "boldsymbol", "bm", "overline", "widehat",
                      "widetilde", "dot", "ddot", "check", "breve"})
#: Macros that compute from their argument: ``\sqrt{v}`` is a value worked from v, never one name (any other macro
#: around a single letter, such as a course's own ``\vect{m}``, writes that letter as a name).
_OPERATORS = frozenset({"sqrt", "frac", "dfrac", "tfrac", "left", "right", "exp", "log", "ln", "sin", "cos", "tan",
                        "operatorname", "text", "mathrm", "textrm", "overbrace", "underbrace", "binom"})
#: The most ways of matching tried for one link: worked lines are short, and a long formula is no substitution.
_STEPS = 4000


def _closing(tokens: list[Token], i: int, stop: int) -> int | None:
    """The index of the bracket closing the one at ``i`` (``(`` or ``{``), before ``stop``."""
    opening = tokens[i]
    depth = 0
    for k in range(i, stop):
        t = tokens[k]
        if (t.kind == "lbrace" and opening.kind == "lbrace") or (opening.is_char("(") and t.is_char("(")):
            depth += 1
        elif (t.kind == "rbrace" and opening.kind == "lbrace") or (opening.is_char("(") and t.is_char(")")):
            depth -= 1
            if depth == 0:
                return k
    return None


def _name_end(tokens: list[Token], i: int, stop: int, calls: frozenset[str]) -> int | None:
    """Where the name starting at ``i`` ends (its accents, subscript, bracketed superscript index, primes and a
    call of a function are part of it), or None when no name starts there."""
    t = tokens[i]
    base = t.text
    if t.kind == "letter" or (t.kind == "macro" and t.text in GREEK.values()):
        k = i + 1
    elif t.is_macro("frac") and (partial := _partial_end(tokens, i, stop)) is not None:
        return partial  # ∂E_{o2}/∂out_{h1}: one quantity of a worked backward pass, put in as one number
    elif t.kind in ("macro", "unknown") and i + 1 < stop and tokens[i + 1].kind == "lbrace" and (
            t.text in _ACCENTS or t.text not in _OPERATORS):
        close = _closing(tokens, i + 1, stop)
        if close is None:
            return None
        inner = tokens[i + 2:close]
        if not inner or any(x.kind not in ("letter", "macro", "num") for x in inner):
            return None
        if t.text not in _ACCENTS and (len(inner) != 1 or inner[0].kind == "num"):
            return None  # \vect{m}, a wrapper the notes define elsewhere, names one letter; \sqrt{64} is no name
        base, k = inner[0].text, close + 1
    else:
        return None
    primed = False
    while k < stop:
        t = tokens[k]
        if t.is_char("_") and k + 1 < stop:
            if tokens[k + 1].kind in ("num", "letter"):
                k += 2
                continue
            if tokens[k + 1].kind == "lbrace" and (close := _closing(tokens, k + 1, stop)) is not None:
                k = close + 1
                continue
            return None
        if t.is_char("^") and k + 2 < stop and tokens[k + 1].kind == "lbrace" and (
                tokens[k + 2].is_char("(", "[") or (tokens[k + 2].kind == "macro" and tokens[k + 2].text == "prime")):
            close = _closing(tokens, k + 1, stop)
            if close is None:
                return None
            primed = primed or tokens[k + 2].kind == "macro"
            k = close + 1
            continue
        if t.text == "'" and t.kind in ("unknown", "char"):
            primed, k = True, k + 1
            continue
        break
    if k < stop and tokens[k].is_char("(") and (primed or base in calls):
        close = _closing(tokens, k, stop)
        if close is not None:
            k = close + 1
    return k


def _power_end(tokens: list[Token], i: int, stop: int) -> int | None:
    """Where a power written right after a name ends (``^2``, ``^{t+1}`` at ``i``), or None when none is."""
    if i + 1 >= stop or not tokens[i].is_char("^"):
        return None
    if tokens[i + 1].kind in ("num", "letter"):
        return i + 2
    if tokens[i + 1].kind == "lbrace" and (close := _closing(tokens, i + 1, stop)) is not None:
        return close + 1
    return None


def _partial_end(tokens: list[Token], i: int, stop: int) -> int | None:
    """Where ``\\frac{\\partial E}{\\partial w}`` starting at ``i`` ends, or None when the fraction is not a partial
    derivative of a name by a name (``\\frac{\\partial}{\\partial w}`` is an operator, not a quantity)."""
    if i + 1 >= stop or tokens[i + 1].kind != "lbrace" or (top := _closing(tokens, i + 1, stop)) is None:
        return None
    if top + 1 >= stop or tokens[top + 1].kind != "lbrace" or (bottom := _closing(tokens, top + 1, stop)) is None:
        return None
    for a, b in ((i + 2, top), (top + 2, bottom)):
        if b - a < 2 or not tokens[a].is_macro("partial"):
            return None
    return bottom + 1


class _Matcher:
    def __init__(self, formula: str, left: list[Token], right: list[Token], calls: frozenset[str]) -> None:
        self.formula, self.left, self.right, self.calls = formula, left, right, calls
        self.steps = 0

    def text(self, i: int, stop: int) -> str:
        return self.formula[self.left[i].start:self.left[stop - 1].end]

    def seq(self, i: int, stop: int, j: int) -> Iterator[tuple[int, tuple[Put, ...]]]:
        """Every way the left tokens ``[i, stop)`` match the right tokens from ``j``: (where the match ends, puts)."""
        self.steps += 1
        if self.steps > _STEPS:
            return
        if i == stop:
            yield j, ()
            return
        L, R = self.left, self.right
        t = L[i]
        if (end := _name_end(L, i, stop, self.calls)) is not None:
            if (at := number_at(R, j, signed=True)) is not None:  # a + b = 0.0554 + -0.0190: b put in as −0.0190
                for j2, rest in self.seq(end, stop, at[1]):
                    yield j2, (Put(self.text(i, end), at[0]),) + rest
                if (power := _power_end(L, end, stop)) is not None:  # 1 − β^2 = 1 − 0.81: the power worked out
                    for j2, rest in self.seq(power, stop, at[1]):
                        yield j2, (Put(self.text(i, power), at[0]),) + rest
            return
        if t.is_char("(") and (close := _closing(L, i, stop)) is not None:
            if (at := number_at(R, j)) is not None:
                for j2, rest in self.seq(close + 1, stop, at[1]):
                    yield j2, (Put(self.text(i + 1, close), at[0]),) + rest
            if j < len(R) and R[j].is_char("("):
                for j1, inner in self.seq(i + 1, close, j + 1):
                    if j1 < len(R) and R[j1].is_char(")"):
                        for j2, rest in self.seq(close + 1, stop, j1 + 1):
                            yield j2, inner + rest
            return
        if t.kind == "lbrace" and (close := _closing(L, i, stop)) is not None:
            if j < len(R) and R[j].kind == "lbrace":
                at = number_at(R, j + 1, signed=True)
                if at is not None and at[1] < len(R) and R[at[1]].kind == "rbrace" and close > i + 1:
                    for j2, rest in self.seq(close + 1, stop, at[1] + 1):
                        yield j2, (Put(self.text(i + 1, close), at[0]),) + rest
                for j1, inner in self.seq(i + 1, close, j + 1):
                    if j1 < len(R) and R[j1].kind == "rbrace":
                        for j2, rest in self.seq(close + 1, stop, j1 + 1):
                            yield j2, inner + rest
            return
        if j < len(R) and (R[j].kind, R[j].text) == (t.kind, t.text):
            yield from self.seq(i + 1, stop, j + 1)


def _unwrapped(tokens: list[Token]) -> list[Token]:
    """The tokens without a bracket around all of them: ``(\\hat{y} - y)`` is put in as ``0.7692 - 0.5``."""
    while len(tokens) > 2 and tokens[0].is_char("(") and _closing(tokens, 0, len(tokens)) == len(tokens) - 1:
        tokens = tokens[1:-1]
    return tokens


def puts(formula: str, numbers: str, calls: frozenset[str] = frozenset()) -> tuple[Put, ...] | None:
    """What ``numbers`` puts in for the pieces of ``formula``, or None when ``numbers`` is not ``formula`` written
    with numbers in place of some of its names and groups (each piece always the same number). ``calls`` are the
    function names whose call ``f(x_3)`` is one piece."""
    left, right = _unwrapped(meaningful(formula)), _unwrapped(meaningful(numbers))
    if not left or not right or any(t.kind in ("letter", "word", "raw") for t in right):
        return None
    matcher = _Matcher(formula, left, right, calls)
    for end, found in matcher.seq(0, len(left), 0):
        if end != len(right) or not found:
            continue
        seen: dict[str, str] = {}
        whole = formula[left[0].start:left[-1].end]
        if any(p.text == whole for p in found):
            return None  # f''(x) = 0: one number for the whole side is a value claimed or a condition, not a substitution
        if all(seen.setdefault(p.text, p.number) == p.number for p in found):
            return found
    return None


# ---------------------------------------------------------------- the checker's side


def decide(checker: "Checker", item: "Item", k: int, left: "Term", right: "Term", *, computed: bool = False) -> bool:
    """Decide ``left = right`` when one side is the other with numbers put in; False (nothing decided) otherwise.

    ``computed``: the link was computed as arithmetic and found to differ; a single name put in with another
    number then leaves the refutation to that arithmetic (``w_1 = w_0 − ηg = 1 − 0.3`` with w_0 = 2 is false),
    where elsewhere it is undecided (the letter of a new point, or a slip)."""
    from .verify import _source

    if left.expr is None or right.expr is None:
        return False
    formula, numbers = _source(item, left), _source(item, right)
    if right.expr.free_symbols or not left.expr.free_symbols:
        if left.expr.free_symbols or not right.expr.free_symbols:
            return False
        formula, numbers = numbers, formula
    calls = frozenset(checker.functions(item).defs) | {"sigma"}
    found = puts(checker._expanded(formula), checker._expanded(numbers), calls)
    if found is None or any(_only_numbers(put.text) for put in found):
        return False  # (170 − 729)n₂ = 34 − 36: a bracket of numbers names nothing; an equation in n₂, no substitution
    return _judge(checker, item, k, right, found, "a substitution", computed=computed)


def _only_numbers(text: str) -> bool:
    """Is a piece written with no letter at all (``(170 - 729)``)? It stands for no name whose value it could be."""
    from .latex import LatexParseError, parse_expr

    try:
        expr = parse_expr(text)
    except LatexParseError:
        return False
    return not expr.free_symbols and not expr.atoms(sp.Function)


def _judge(checker: "Checker", item: "Item", k: int, right: "Term", found: tuple[Put, ...], what: str, *,
           computed: bool = False, step: bool = False) -> bool:
    """Decide link ``k`` from the numbers ``found`` put in: each compared with the value in force of what it
    replaces; ``what`` leads the reason (``a substitution``, ``the rule for v_t at t = 2``). ``step``: the numbers
    are a rule's inputs at a numbered step, so a name put in with another number than its value is a slip, not
    the letter of a new point."""
    from .arithmetic import decide as decide_numbers
    from .latex import DEFAULT_FUNCTIONS, LatexParseError, parse_expr
    from .worked_restatements import _decimal

    examples = checker._examples(item)
    agree: list[str] = []
    unknown: list[tuple[sp.Symbol, str]] = []
    seen: set[str] = set()
    for put in found:
        if put.text in seen:
            continue
        seen.add(put.text)
        try:
            expr = parse_expr(put.text, functions=DEFAULT_FUNCTIONS | frozenset(checker.functions(item).defs))
        except LatexParseError:
            return False
        value = checker._prepare(expr, item)
        if value is None:
            return False
        free = value.free_symbols
        if free and not free <= set(examples):
            through = checker._through_definitions(item, free, examples)
            value = value.xreplace(through)
            free = value.free_symbols
        if free <= set(examples):
            value = value.xreplace({s: examples[s] for s in free})
        if value.free_symbols:
            if isinstance(expr, sp.Symbol) and expr not in checker._definitions(item):
                unknown.append((expr, put.number))
                continue
            return False  # a group with an unknown name inside: nothing to compare it with
        verdict = decide_numbers(value, sp.Rational(put.number), put.text, put.number, False)
        if verdict is None:
            return False
        if not verdict.holds:
            if isinstance(expr, sp.Symbol) and not step:
                if computed:
                    return _copied_differently(checker, item, k, right, put, expr, value)
                # x² + 2y² = 1² + 2·0²: perhaps the letters of a new point, not the values given them before
                differ = (f"{put.text} is put in as {put.number}, but its value in force is "
                          f"{_decimal(value)}: a new value, or a slip?")
                checker.report(item, right.start, "info", "math/undecided", f"not decided: {differ}")
                checker.decide(item, k, "undecided", "a substitution: " + differ)
                return True
            if step and isinstance(expr, sp.Symbol) and (slipped := _from_a_slip(checker, item, expr)) is not None:
                # v_2 = 0.9·0.2 + 0.1·2 = 0.38 found false, then v_3 = 0.9·0.29 + …: the slip is reported once, on
                # its own line; the next step that puts in the right number is not a second error
                differ = (f"{put.text} is put in as {put.number}, but line {slipped} worked it out as "
                          f"{_decimal(value)} in a step found false")
                checker.decide(item, k, "undecided", f"{what}: {differ}")
                return True
            message = (f"{put.text} is put in as {put.number}, but its value here is "
                       f"{_decimal(value)}")
            false = "false substitution" if what == "a substitution" else f"false: {what}"
            checker.report(item, right.start, "error", "math/false", f"{false}: {message}")
            checker.decide(item, k, "false", f"{what.removeprefix('a ')}: {message}")
            return True
        agree.append(f"{put.text} = {put.number}")
    for name, number in unknown:  # a data point given in words: the number put in is its value from now on
        checker.examples.append((item.index, item.section, name, sp.Rational(number)))
    taken = ", ".join(f"{printing.text(name)} = {number}" for name, number in unknown)
    if unknown:
        checked = f"; {', '.join(agree)} agree with the values in force" if agree else ""
        reason = f"{what}: {taken} as put in (no value for it in the math){checked}"
        checker.decide(item, k, "undecided", reason)
        return True
    checker.decide(item, k, "proved", f"{what}: the numbers put in are the values in force ("
                   + ", ".join(agree) + ")")
    return True


def rule_step(checker: "Checker", item: "Item", k: int, left: "Term", right: "Term") -> bool:
    r"""``v_2 = 0.9 \cdot 0.1 + 0.1 \cdot 2`` under ``v_t = βv_{t-1} + (1 − β)x_t``: a worked step of the rule in
    scope, written with numbers in place of its names. Read as an equation it is a name against a constant (a
    condition, checked by nothing); the author's claim is that the numbers are the rule's inputs at that step. So
    the rule's right side, as the notes wrote it, is taken at the step (``β v_{1} + (1 − β) x_{2}``) and matched
    token by token with the numbers, each then compared with the value in force of what it replaces (β given, v_1
    worked out on the row before): the first that differs makes the link false. A data point the math never gives
    (x_2 from "the sequence 1, 2, 3") is taken as put in, and the link stays undecided, saying what agreed. True
    when decided here."""
    from .recurrence import Recurrences, read as read_index
    from .verify import _source

    name = left.expr
    ix = read_index(name) if isinstance(name, sp.Symbol) else None
    if ix is None or ix.letter is not None or right.expr is None or right.expr.free_symbols:
        return False
    numbers = _source(item, right)
    recurrences = Recurrences(checker._definitions(item).stepped(), checker._examples(item))
    rule = recurrences.by_base.get(ix.base) or recurrences.plain.get(ix.base)
    if rule is None or rule.lhs.letter is None:
        return False
    row = _rule_row(checker, item, rule.lhs)
    if row is None:
        return False
    step = ix.offset - rule.lhs.offset
    formula = _slashed(_at_step(checker._expanded(_source(row, row.stmt.terms[1])), rule.lhs.letter, step))
    calls = frozenset(checker.functions(item).defs) | {"sigma"}
    found = puts(formula, _slashed(_braced_digits(checker._expanded(numbers))), calls)
    if found is None:
        return False
    written = printing.text(rule.lhs.at(rule.lhs.letter, rule.lhs.offset))
    return _judge(checker, item, k, right, found, f"the rule for {written} at {rule.lhs.letter} = {step}", step=True)


def _rule_row(checker: "Checker", item: "Item", lhs: object) -> "Item | None":
    """The latest row before ``item``, in a display of its own, that writes the rule for ``lhs`` (``v_t = …``)."""
    from .recurrence import read as read_index

    for other in reversed(checker.items[:item.index]):
        if other.block is item.block or len(other.stmt.terms) < 2 or other.stmt.relations[0] not in ("=", ":="):
            continue
        first = other.stmt.terms[0].expr
        if isinstance(first, sp.Symbol) and read_index(first) == lhs and other.stmt.terms[1].expr is not None:
            return other
    return None


def _at_step(formula: str, letter: str, step: int) -> str:
    r"""``formula`` with the step letter's indices and powers taken at ``step``: ``m_{t-1}`` → ``m_{1}``,
    ``β_1^t`` → ``β_1^2``, ``x^{(t)}`` → ``x^{(2)}`` (``step`` = 2)."""
    import re

    at = re.escape(letter)
    bare = r"(?![A-Za-z])" if letter[-1].isalpha() else ""

    def moved(found: re.Match[str]) -> str:
        sign, off = found.group("sign"), found.group("off")
        value = step + (int(off) * (1 if sign == "+" else -1) if off else 0)
        return str(value)

    inner = rf"\s*{at}\s*(?:(?P<sign>[+-])\s*(?P<off>\d+))?\s*"
    formula = re.sub(rf"_\{{{inner}\}}", lambda m: "_{" + moved(m) + "}", formula)
    formula = re.sub(rf"\^\{{\({inner}\)\}}", lambda m: "^{(" + moved(m) + ")}", formula)
    formula = re.sub(rf"\^\{{{inner}\}}", lambda m: _power(moved(m)), formula)
    formula = re.sub(rf"_{at}{bare}", lambda m: "_{" + str(step) + "}", formula)
    return re.sub(rf"\^{at}{bare}", lambda m: _power(str(step)), formula)


def _slashed(text: str) -> str:
    r"""``\frac{m_1}{1 - β_1^1}`` written ``(m_1)/(1 - β_1^1)``, as worked lines write a quotient of numbers
    (``0.8 / (1 - 0.9^1)``); a bracket around a single piece is matched to one number as well."""
    import re

    from .calculus import _braced

    out = text
    for _ in range(8):  # fractions inside fractions, innermost last
        found = re.search(r"\\[dt]?frac\s*\{", out)
        if found is None:
            return out
        top_end = _braced(out, found.end() - 1)  # just past each group's closing brace
        if top_end is None or top_end >= len(out) or out[top_end] != "{":
            return text
        bottom_end = _braced(out, top_end)
        if bottom_end is None:
            return text
        top, bottom = out[found.end():top_end - 1], out[top_end + 1:bottom_end - 1]
        out = f"{out[:found.start()]}({top})/({bottom}){out[bottom_end:]}"
    return out


def _power(value: str) -> str:
    """An exponent as a worked line writes it: one digit bare (``0.9^2``), more in braces (``0.9^{12}``)."""
    return f"^{value}" if len(value) == 1 else "^{" + value + "}"


def _braced_digits(text: str) -> str:
    """``0.9^{2}`` written as ``0.9^2``: the one spelling :func:`_power` gives the rule's exponents."""
    import re

    return re.sub(r"\^\{\s*(\d)\s*\}", r"^\1", text)


def _from_a_slip(checker: "Checker", item: "Item", name: sp.Symbol) -> int | None:
    """The line of the row that gave ``name`` its value in force, when a link of that row was found false."""
    index = max((i for i, _, given, _ in checker.examples if given == name and i < item.index), default=None)
    if index is None or not any(key[0] == index and verdict[0] == "false" for key, verdict in checker.verdicts.items()):
        return None
    earlier = checker.items[index]
    return earlier.block.position(earlier.stmt.terms[0].start)[0]


def _given_at(checker: "Checker", item: "Item", name: sp.Symbol) -> "Item | None":
    """The item that gave ``name`` the value in force at ``item`` as a bare number (``name = −0.01904919``, nothing
    worked out on that line), or None when the value was computed there or comes from elsewhere."""
    from .verify import _ONE_NUMBER, _source

    index = max((i for i, _, given, _ in checker.examples if given == name and i < item.index), default=None)
    if index is None:
        return None
    earlier = checker.items[index]
    terms = earlier.stmt.terms
    if len(terms) != 2 or terms[0].expr != name or not _ONE_NUMBER.fullmatch(_source(earlier, terms[1]).strip()):
        return None
    return earlier


def _copied_differently(checker: "Checker", item: "Item", k: int, right: "Term", put: Put, name: sp.Symbol,
                        value: sp.Expr) -> bool:
    """``∂E/∂out_{h1} = 0.0554 + (−0.019049119)`` after ``∂E_{o2}/∂out_{h1} = −0.01904919`` was given bare: the two
    copies of one number differ in a late digit, and nothing on either line says which copy is the slip (the value
    given may be the typo, and this line right). The link is left undecided and both lines are named, so the
    author looks at both; True when decided so. A far-off number (``1`` put in for ``w_0 = 2``) or a value the
    earlier line worked out itself stays with the arithmetic that refutes the link (False)."""
    from .verify import _source

    given = _given_at(checker, item, name)
    if given is None:
        return False
    written = sp.Rational(put.number)
    digits = len(put.number.lstrip("+-−0.").replace(".", ""))
    if value == 0 or digits < 3 or abs(written - value) > abs(value) / 100:
        return False
    line = given.block.position(given.stmt.terms[0].start)[0]
    shown = " ".join(_source(given, given.stmt.terms[1]).split())
    conflict = (f"{put.text} is put in as {put.number}, but line {line} gives it as {shown}: "
                "one of the two copies is a slip")
    checker.report(item, right.start, "warning", "math/conflict", conflict)
    checker.decide(item, k, "undecided", "two lines disagree: " + conflict)
    return True


def at_point(checker: "Checker", item: "Item", k: int, left: "Term", right: "Term") -> bool:
    """``y = 0.33 + 2.5 \\times 2.5`` after the model ``y = 0.33 + 2.5x`` and "when $x = 2.5$": the name's formula
    written again with the numbers the text gives its letters, a claim that the formula was evaluated there.
    Proved when every letter put in has that number as its value (given, or stated just before as the point);
    True when decided here."""
    from .arithmetic import decide as decide_numbers
    from .verify import _source

    name = left.expr
    if not isinstance(name, sp.Symbol) or right.expr is None or right.expr.free_symbols:
        return False
    written = " ".join(_source(item, left).split())
    for earlier in reversed(checker.items[max(0, item.index - 40):item.index]):
        terms = earlier.stmt.terms
        if len(terms) < 2 or terms[0].expr != name or " ".join(_source(earlier, terms[0]).split()) != written \
                or terms[1].expr is None or not terms[1].expr.free_symbols or earlier.stmt.relations[0] != "=":
            continue
        formula = _source(earlier, terms[1])
        found = puts(checker._expanded(formula), checker._expanded(_source(item, right)))
        if found is None:
            return False
        values = {**_stated_points(checker, earlier.index, item.index), **checker._examples(item)}
        given = []
        for put in {p.text: p for p in found}.values():
            letter = next((x for x in terms[1].expr.free_symbols if _source_name(put.text) == x.name), None)
            if letter is None or letter not in values:
                return False
            verdict = decide_numbers(values[letter], sp.Rational(put.number), put.text, put.number, False)
            if verdict is None or not verdict.holds:
                return False
            given.append(f"{printing.text(letter)} = {put.number}")
        line = earlier.block.position(terms[0].start)[0]
        checker.decide(item, k, "proved", f"the formula of line {line} with the values given put in ({', '.join(given)})")
        return True
    return False


def _source_name(text: str) -> str:
    """The symbol name a written single letter parses to (``x``, ``x_1`` → ``x_{1}``)."""
    from .latex import LatexParseError, parse_expr

    try:
        expr = parse_expr(text)
    except LatexParseError:
        return ""
    return expr.name if isinstance(expr, sp.Symbol) else ""


def _stated_points(checker: "Checker", start: int, stop: int) -> dict[sp.Symbol, sp.Expr]:
    """Numbers the items between ``start`` and ``stop`` give single names (``when $x = 2.5$``), whatever the words
    around them made of the link (a condition, an example value)."""
    found: dict[sp.Symbol, sp.Expr] = {}
    for other in checker.items[start + 1:stop]:
        terms = other.stmt.terms
        if len(terms) == 2 and other.stmt.relations[0] == "=" and isinstance(terms[0].expr, sp.Symbol) \
                and terms[1].expr is not None and terms[1].expr.is_number:
            found[terms[0].expr] = terms[1].expr
    return found
