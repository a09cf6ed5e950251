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
    elif t.kind == "macro" and t.text in _ACCENTS and i + 1 < stop and tokens[i + 1].kind == "lbrace":
        close = _closing(tokens, i + 1, stop)
        if close is None:
            return None
        inner = tokens[i + 2:close]
        if not inner or any(x.kind not in ("letter", "macro", "num") for x in inner):
            return None
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
    from .arithmetic import decide as decide_numbers
    from .latex import DEFAULT_FUNCTIONS, LatexParseError, parse_expr
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
    if found is None:
        return False
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
            if isinstance(expr, sp.Symbol):
                if computed:
                    return _copied_differently(checker, item, k, right, put, expr, value)
                # x² + 2y² = 1² + 2·0²: perhaps the letters of a new point, not the values given them before
                differ = (f"{put.text} is put in as {put.number}, but its value in force is "
                          f"{printing.text(sp.nsimplify(value) if value.is_Float else value)}: a new value, or a slip?")
                checker.report(item, right.start, "info", "math/undecided", f"not decided: {differ}")
                checker.decide(item, k, "undecided", "a substitution: " + differ)
                return True
            message = (f"{put.text} is put in as {put.number}, but its value here is "
                       f"{printing.text(sp.nsimplify(value) if value.is_Float else value)}")
            checker.report(item, right.start, "error", "math/false", f"false substitution: {message}")
            checker.decide(item, k, "false", "substitution: " + message)
            return True
        agree.append(f"{put.text} = {put.number}")
    for name, number in unknown:  # a data point given in words: the number put in is its value from now on
        checker.examples.append((item.index, item.section, name, sp.Rational(number)))
    taken = ", ".join(f"{printing.text(name)} = {number}" for name, number in unknown)
    if unknown:
        checked = f"; {', '.join(agree)} as worked out before" if agree else ""
        reason = f"a substitution: {taken} as put in (no value for it in the math){checked}"
        checker.decide(item, k, "undecided", reason)
        return True
    checker.decide(item, k, "proved", "a substitution: the numbers put in are the values in force ("
                   + ", ".join(agree) + ")")
    return True


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
