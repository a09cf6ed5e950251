"""Derivations that go on after a condition: rewrites of the condition, and the value solved from it.

A first-order condition is not an identity (``0 = \\sum_i (y_i - α - β x_i)`` holds only at the optimum), so the link
that sets a side to a constant stays a condition. But notes then work on it display after display:

* ``0 = \\sum_i -2(y_i - α - β x_i)``, "dividing by −2", ``0 = \\sum_i (y_i - α - β x_i)``: the second condition is a
  *rewrite* of the first. It is proved when it follows from the condition just before it (no other formula between
  them): the two are proportional, or the new one vanishes once the earlier one is solved for one of its letters
  (a substitution such as "now substituting for α" is read through the definitions in scope). A condition that does
  not follow stays a condition: the next display may as well be a new condition (the derivative in the other
  variable), so it is never called false here.
* ``α = (\\sum y_i - β \\sum x_i)/N`` after that condition is a *result*: the condition is linear in α, so SymPy solves
  it (under the time budget) and the value written must be the solution — proved, or false when the value reads
  exactly the condition's other letters (a joint solution of several conditions reads fewer, so it is not judged
  against one of them) and the condition has no sum (each sum is an unknown of its own when comparing: enough to
  prove, not to refute). A result that cannot be decided is "a result of the condition on line N", not a claim, and
  never a silent definition; its value is kept for the statements after it, as the text uses it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re

import sympy as sp

from .. import printing
from ..budget import time_budget
from ..errors import BudgetExceeded
from ..proof import compare
from . import sums
from .bind import CircularDefinition
from .heuristics import is_condition

if TYPE_CHECKING:
    from .latex import Term
    from .verify import DocumentChecker, Item

SECONDS = 2.0
#: How a proved rewrite of a condition is named (a condition itself: the next display may rewrite it again).
REWRITE = "a rewrite of the condition on line "
#: How a value solved from a condition is named: a value the document establishes (an answer stated before it is
#: checked against it).
SOLVED = ("the result of the condition on line ", "a root of the condition on line ")
#: How many of a condition's letters are tried as the one to solve for.
TRIES = 4
#: How many conditions before a result are read for its letter (the nearest ones: a result follows its condition).
LOOK_BACK = 3
#: How many statements before a result are looked through for those conditions (a result follows its condition
#: closely; without a bound every naming of a long section rescanned the whole section).
REACH = 60


def _is_condition_link(checker: DocumentChecker, item: Item, k: int) -> bool:
    from .verify import CONSTANT_SIDE
    verdict, reason = checker.verdicts.get((item.index, k), ("", ""))
    if verdict == "proved" and reason.startswith(REWRITE):
        return True
    return verdict == "not-a-claim" and reason in (CONSTANT_SIDE, "condition (the prose states it as one)")


def _condition(checker: DocumentChecker, prev: Item, definitions, *, zero: bool = False
               ) -> tuple[sp.Expr, int] | None:
    """The expression that ``prev`` sets to a constant (E in E = 0), read under ``definitions``, and its line
    (with ``zero``, only a side set to 0: a first-order condition). A constant set equal to a chain of rewrites
    (``c = E = E′ = E″``) is read in the chain's last form, the one the text then solves: each rewrite has a verdict
    of its own."""
    stmt = prev.stmt
    for k, relation in enumerate(stmt.relations):
        left, right = stmt.terms[k].expr, stmt.terms[k + 1].expr
        if relation != "=" or left is None or right is None or not is_condition(left, right) \
                or not _is_condition_link(checker, prev, k) or (zero and 0 not in (left, right)):
            continue
        if k == 0 and not left.free_symbols and len(stmt.terms) > 2 and set(stmt.relations) == {"="} \
                and stmt.terms[-1].expr is not None:
            right = stmt.terms[-1].expr  # ¼ = h − α R′(h) = … = h − ⅛(4h − 3): what is solved is its last form
        a, b = checker._prepare(left, prev), checker._prepare(right, prev)
        if a is None or b is None:
            return None
        line = prev.block.position(max(0, min(stmt.terms[k + 1].start, len(prev.block.text) - 1)))[0]
        try:
            return _read(a - b, definitions), line
        except CircularDefinition:
            return None  # definitions that read each other in the scope of the link: no condition to read
    return None


def _read(expr: sp.Expr, definitions) -> sp.Expr:
    from .bind import substitute
    from .verify import _doit
    return _linear(_doit(substitute(expr, definitions)))


def _one_branch(condition: sp.Expr, name: sp.Symbol) -> bool:
    """Is ``condition = 0`` a product of which only some factors hold ``name`` (``μ(p + 2q − 3) = 0``, a
    complementary slackness)? Solved for ``name`` it gives one branch; the value written may come from the other
    (μ = 0) together with other equations, so a differing root refutes nothing."""
    try:
        with time_budget(SECONDS):
            condition = sp.factor(condition)  # (the condition arrives expanded: −μ²/4 − 2μq + 23μ/20)
    except (BudgetExceeded, sp.PolynomialError, TypeError, ValueError):
        return False
    factors = [f for f in sp.Mul.make_args(condition) if f.free_symbols]
    return len(factors) >= 2 and any(name not in f.free_symbols for f in factors)


def _solve(expr: sp.Expr, letter: sp.Symbol) -> sp.Expr | None:
    """The root of ``expr`` in ``letter`` when ``expr`` is linear in it (a nonzero coefficient free of it)."""
    from .verify import _doit
    slope = _doit(sp.diff(expr, letter))
    if slope == 0 or slope.has(letter) or slope.has(sp.Derivative) or slope.is_finite is False:
        return None
    return -_doit(expr.subs(letter, 0)) / slope


def _polynomial(expr: sp.Expr, letter: sp.Symbol, *, linear: bool = False) -> bool:
    """Is ``expr`` a polynomial in ``letter`` of degree 2 to 4 (degree 1 with ``linear``: solved elsewhere)?
    Its roots are the values that make it vanish, which is what a written root is checked by."""
    if expr.has(sp.Sum, sp.Derivative):
        return False
    try:
        degree = sp.Poly(expr, letter).degree()
    except (sp.PolynomialError, sp.GeneratorsNeeded):
        return False
    return degree == 1 if linear else 2 <= degree <= 4


def _linear(expr: sp.Expr) -> sp.Expr:
    """Sums split term by term, with what does not depend on the index taken out (``Σ α = Nα``): the form in which
    two rewrites of one condition can be compared (SymPy keeps ``Σ(y_i − α)`` whole)."""
    def split(total: sp.Sum) -> sp.Expr:
        (index, low, high), = total.limits
        out = sp.Integer(0)
        for term in sp.Add.make_args(sp.expand(total.function)):
            factor, rest = term.as_independent(index, as_Add=False)
            out += factor * (high - low + 1) if rest == 1 else factor * sp.Sum(rest, (index, low, high))
        return out
    return sp.expand(expr.replace(lambda e: isinstance(e, sp.Sum) and len(e.limits) == 1, split))


_INDEX = sp.Dummy("k", integer=True)


def _equal(a: sp.Expr, b: sp.Expr) -> str:
    """"true", "false" or another status: ``a = b`` after sums are split (symbolically, then at random points).

    Each sum left (``Σ x_i``, ``Σ x_i y_i``) is then one unknown of its own, whatever its index letter: an identity in
    those unknowns holds for every data set (SymPy cannot evaluate a sum up to a symbolic N at a random point).
    """
    a, b = _linear(sp.sympify(a)), _linear(sp.sympify(b))
    unknowns: dict[sp.Expr, sp.Symbol] = {}
    swap: dict[sp.Expr, sp.Symbol] = {}
    for total in (a.atoms(sp.Sum) | b.atoms(sp.Sum)):
        if len(total.limits) != 1:
            swap[total] = unknowns.setdefault(total, sp.Dummy("S", real=True))
            continue
        (index, low, high), = total.limits
        key = sp.Sum(total.function.xreplace({index: _INDEX}), (_INDEX, low, high))
        swap[total] = unknowns.setdefault(key, sp.Dummy("S", real=True))
    return compare(a.xreplace(swap), b.xreplace(swap), seconds=SECONDS).status


def _letters(expr: sp.Expr) -> list[sp.Symbol]:
    """The letters one may solve for: not a sum's bound (N in Σ_{i=1}^N) nor an indexed quantity's base."""
    bounds = {b for total in expr.atoms(sp.Sum) for limit in total.limits for e in limit[1:] for b in e.free_symbols}
    bases = {ix.base.label for ix in expr.atoms(sp.Indexed)}
    return sorted((s for s in expr.free_symbols if isinstance(s, sp.Symbol) and s not in bounds | bases), key=str)


#: How notes mark the solution of an equation in a letter: t^*, t^{\star}, \hat{t}, t_{opt}.
_SOLUTION_MARK = re.compile(r"^(?:\\hat\{(?P<hat>[^{}]+)\}|(?P<base>.+?)(?:\^\{?(?:\*|\\ast|\\star)\}?|_\{?opt\}?))$")


def _undecorated(name: sp.Symbol, condition: sp.Expr) -> sp.Symbol | None:
    """The letter of ``condition`` that ``name`` marks as its solution (``t`` for ``t^*``), if it holds one."""
    m = _SOLUTION_MARK.match(name.name)
    if m is None:
        return None
    plain = (m.group("hat") or m.group("base")).strip()
    return next((s for s in condition.free_symbols if isinstance(s, sp.Symbol) and s.name == plain), None)


def _just_before(checker: DocumentChecker, item: Item) -> Item | None:
    """The formula the reader has just read before ``item`` in its section: mentions in the prose between them
    ("dividing by $-2$", "for $\\alpha$") are passed over unless they are themselves conditions."""
    for prev in reversed(checker.items[:item.index]):
        if prev.section != item.section:
            return None
        if prev.block.display or any(_is_condition_link(checker, prev, k) for k in range(len(prev.stmt.relations))):
            return prev
    return None


def rewrite(checker: DocumentChecker, item: Item, k: int, left: Term, right: Term, definitions) -> bool:
    """Prove the condition ``left = right`` of ``item`` when it follows from the condition just before it."""
    if item.index == 0 or left.expr is None or right.expr is None or 0 not in (left.expr, right.expr) \
            or not item.block.display:
        return False  # displayed first-order conditions only (inline "h = ε(0.5) = 1" is worked arithmetic)
    prev = _just_before(checker, item)
    if prev is None or not prev.block.display or prev.block is item.block:
        return False
    try:
        with time_budget(SECONDS * 2):
            found = _condition(checker, prev, definitions, zero=True)
            if found is None:
                return False
            before, line = found
            a, b = checker._prepare(left.expr, item), checker._prepare(right.expr, item)
            if a is None or b is None:
                return False
            now = _read(a - b, definitions)
            if now == 0 or before == 0:
                return False
            common = [s for s in _letters(before) if s in now.free_symbols][:TRIES]
            for letter in common:
                root = _solve(before, letter)
                if root is None:
                    continue
                ratio = _solve_ratio(now, before, letter)
                if ratio is not None and _equal(now, ratio * before) == "true":
                    checker.decide(item, k, "proved", f"{REWRITE}{line} (a nonzero multiple of it)")
                    return True
                if _equal(now.subs(letter, root), sp.Integer(0)) == "true":
                    checker.decide(item, k, "proved", f"{REWRITE}{line} (it holds wherever that one does)")
                    return True
            if item.rearranged and _letters(now) == _letters(before) and common \
                    and all(_fails_where_it_holds(now, before, letter) for letter in common):
                checker.report(item, right.start, "error", "math/false",
                               f"does not follow from the condition on line {line}: the prose says it is a rewrite, "
                               f"but where that condition holds this one does not (on random data, solving for "
                               f"{', '.join(printing.text(x) for x in common)})")
                checker.decide(item, k, "false", f"not a rewrite of the condition on line {line}")
                return True
    except BudgetExceeded:
        return False
    return False


def _fails_where_it_holds(now: sp.Expr, before: sp.Expr, letter: sp.Symbol, draws: int = 3) -> bool:
    """Does ``now = 0`` fail where ``before = 0`` holds? ``before`` is solved for ``letter`` on random data (sums
    over 4 random points, random values for every other letter) and ``now`` is evaluated there: nonzero on every
    draw means no rewrite of ``before`` (a multiple, a rearrangement) can be ``now``. False when not decided."""
    import random

    rng = random.Random(7)
    for _ in range(draws):
        values: dict[sp.Basic, sp.Expr] = {}

        def pick(_key: sp.Basic) -> sp.Expr:
            return sp.Rational(rng.randint(-9, 9) or 1, rng.randint(1, 5))

        try:
            data = {}
            for expr in (now, before):
                for total in expr.atoms(sp.Sum):
                    for _index, _low, high in total.limits:
                        for bound in high.free_symbols:
                            data[bound] = sp.Integer(4)
            a, b = now.xreplace(data).doit(), before.xreplace(data).doit()
            for atom in sorted(a.atoms(sp.Indexed) | b.atoms(sp.Indexed) | a.free_symbols | b.free_symbols,
                               key=sp.default_sort_key):
                if atom != letter and not isinstance(atom, sp.Idx) and atom not in values \
                        and not (isinstance(atom, sp.Symbol) and any(atom in ix.free_symbols and atom == ix.base.label
                                                                     for ix in a.atoms(sp.Indexed))):
                    values[atom] = pick(atom)
            root = _solve(b.xreplace(values), letter)
            if root is None or a.has(sp.Sum) or b.has(sp.Sum):
                return False
            left = sp.nsimplify(a.xreplace(values).subs(letter, root))
            if not left.is_number or left == 0:
                return False
        except (TypeError, ValueError, ZeroDivisionError):
            return False
    return True


def _solve_ratio(now: sp.Expr, before: sp.Expr, letter: sp.Symbol) -> sp.Expr | None:
    """The constant c with now = c·before, read from the two slopes in ``letter`` (None unless a nonzero number)."""
    from .verify import _doit
    ratio = sp.cancel(_doit(sp.diff(now, letter)) / _doit(sp.diff(before, letter)))
    return ratio if ratio.is_number and ratio != 0 and ratio.is_finite else None


def _matrices_in(checker: DocumentChecker, *exprs: sp.Expr) -> bool:
    """Does a name the document writes as a matrix appear? Then solving in a scalar reading could prove
    ``x = -bA^{-1}`` for ``Ax + b = 0`` (the order of factors is lost): the result is left undecided."""
    names = checker._matrix_notation().matrices
    if not names:
        return False
    return any(x.name.split("_")[0].split("^")[0] in names for e in exprs for x in e.free_symbols
               if isinstance(x, sp.Symbol))


def _capital_coefficient(condition: sp.Expr, name: sp.Symbol) -> bool:
    """Is ``name`` multiplied by a capital (``A x + b = 0``)? Capitals are how notes write matrices, also
    where nothing else in the document says so; solving by dividing by one is not safe in a scalar reading."""
    try:
        coefficient = sp.expand(condition).coeff(name)
    except (TypeError, ValueError):
        return True
    counts = {x for total in condition.atoms(sp.Sum) for limit in total.limits for x in limit[1:]
              if isinstance(x, sp.Symbol)}  # N in Σ_{i=1}^N: a count, not a matrix
    return any(x.name[:1].isupper() for x in coefficient.free_symbols - counts if isinstance(x, sp.Symbol))


def result(checker: DocumentChecker, item: Item, left: Term, right: Term, definitions, k: int = 0) -> bool:
    """Decide ``s = V`` when it is the value of s solved from the nearest condition before it that reads s.

    ``k`` > 0: the link comes after a ⇒ in its own statement (``2θ₀ + θ₁ = 0 ⇒ θ₀ = −θ₁/2``), and the condition
    the ⇒ solves is first looked for in the links before it."""
    name = left.expr
    if not isinstance(name, sp.Symbol) or right.expr is None or name in right.expr.free_symbols:
        return False
    looked = 0
    refuted: tuple[str, str] | None = None  # (finding, verdict) for the first condition the value fails, if no other holds

    def refute() -> bool:
        if refuted is None:
            return False
        checker.report(item, right.start, "error", "math/false", refuted[0])
        checker.decide(item, k, "false", refuted[1])
        return True

    for prev in ([item] if k else []) + list(reversed(checker.items[max(0, item.index - REACH):item.index])):
        if prev.section != item.section:
            return refute()
        stmt = prev.stmt
        if prev is not item and stmt.terms and stmt.terms[0].expr == name and stmt.relations \
                and stmt.relations[0] in ("=", ":="):
            return refute()  # s was named in between: the statement is about that
        if not any(_is_condition_link(checker, prev, k) for k in range(len(stmt.relations))):
            continue
        looked += 1
        if looked > LOOK_BACK:
            return refute()
        found = None
        try:
            with time_budget(SECONDS * 2):
                found = _condition(checker, prev, definitions)
                if found is None:
                    continue
                if name not in found[0].free_symbols:
                    plain = _undecorated(name, found[0])  # 9t − 9 = 0 ⇒ t^* = 1: the root, named by its star
                    if plain is None or any(t.expr == plain and u.expr is not None and u.expr.is_number
                                            for t, u in zip(stmt.terms, stmt.terms[1:])):
                        continue  # "with y = 1, ŷ = σ(1)": a value given to y is no equation ŷ solves
                    found = (found[0].xreplace({plain: name}), found[1])
                condition, line = found
                value = checker._prepare(right.expr, item)
                if value is None:
                    return refute()
                value = _read(value, definitions)
                scalar = not _matrices_in(checker, condition, value) and not _capital_coefficient(condition, name)
                root = _solve(condition, name) if scalar else None
                verdict = _equal(value, root) if root is not None else None
                if root is None and scalar and _polynomial(condition, name):
                    # a x² + b x + c = 0, then x = (−b + √(b² − 4ac))/(2a): not solved here, but a root is
                    # what makes the condition vanish, and that is checked by putting the value in
                    verdict = _equal(condition.xreplace({name: value}), sp.Integer(0))
                    if verdict == "true":
                        if not k:
                            checker._record_naming(item, definitions)
                        checker.decide(item, k, "proved", f"a root of the condition on line {line}: the value "
                                       f"written for {name} makes it vanish")
                        return True
                    root = None if verdict != "false" else condition.xreplace({name: value})
                if root is None and verdict is None and scalar and condition.has(sp.Sum) \
                        and sums.by_linearity(condition.xreplace({name: value}), sp.Integer(0)):
                    # −(2/n)Σ(y_i − c) = 0 ⇒ c = (1/n)Σy_i: SymPy does not solve through the sum, the value is put in
                    if not k:
                        checker._record_naming(item, definitions)
                    checker.decide(item, k, "proved", f"a root of the condition on line {line}: the value written for "
                                   f"{name} makes it vanish (its sums split by linearity)")
                    return True
        except BudgetExceeded:
            if found is None:
                return refute()
            verdict, line = None, found[1]
        if verdict == "true":
            if not k:
                checker._record_naming(item, definitions)
            checker.decide(item, k, "proved", f"the result of the condition on line {line} (solved for {name})")
            return True
        if verdict == "false" and (anew := checker.redefined_between(prev.index, item)) is not None:
            # g(x^*) = 0 with g = f' written for one f, then f(x) = x^4 − 2x + 5 and x^* = 1/∛2: the condition was read
            # with the f of its time
            why = (f"the condition on line {line} was read with {anew[0]} as it was then; {anew[0]} is defined anew "
                   f"on line {anew[1]}")
            checker.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            checker.decide(item, k, "undecided", why)
            return True
        if verdict == "false" and root is not None and not _polynomial(condition, name, linear=True) \
                and value.free_symbols == condition.free_symbols - {name} and not condition.has(sp.Sum):
            refuted = refuted or (f"false root of the condition on line {line}: with {name} = the value written it "
                                  f"leaves {printing.text(sp.simplify(root))}, not 0",
                                  f"the value written for {name} is not a root of the condition on line {line}")
            continue  # "From the first condition, A = 85 − C": an earlier condition may be the one it solves
        if verdict == "false" and root is not None and not _one_branch(condition, name) \
                and value.free_symbols == condition.free_symbols - {name} and not condition.has(sp.Sum):
            # sums are judged as unknowns of their own (Σx_i and Σx_i² unrelated): enough to prove, not to refute
            refuted = refuted or (f"false result of the condition on line {line}: solving it for {name} gives "
                                  f"{printing.text(root)}, not the value written",
                                  f"the condition on line {line}, solved for {name}, gives another value")
            continue
        if refuted is not None:
            return refute()  # a condition nearer the value already refuted it; this one decides nothing
        if not k:
            checker._record_naming(item, definitions)  # the text goes on with this value
        checker.decide(item, k, "not-a-claim", f"a result of the condition on line {line} (not decided from it alone)")
        return True
    return refute()
