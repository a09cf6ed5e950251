"""Verifying the algebra of one document: every link of every equality chain, under its definitions.

Two passes over the statements in document order. The first binds: function definitions
(``Q(w) = …``), systems (a block of two or more definitions: ``cases``, ``aligned``, rows joined by
``\\qquad``) and loose single definitions, each in the scope of its section. The second verifies each
``=`` link with the definitions of the nearest system of the same section (the one before the
statement, else the one after: notes often define after use), and reports

* ``math/false`` (error) with a counterexample: values where the two sides differ;
* ``math/coefficient`` (error) for a chain ending in ``\\dots`` whose explicit part is wrong;
* ``math/undecided`` (info) when the budget ran out or something could not be modelled;
* ``math/new-scheme`` (info) when a statement rewrites a defined quantity with new symbols (the paper's
  base rate α): a different scheme, not a contradiction;
* ``math/shape-claim`` (info) for forms with unknown functions, w_t = g(λ)·w_{t-1} − η_t·h(…).

Precision first: anything the checker cannot model is info, never an error.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import sympy as sp
from sympy.core.function import AppliedUndef

from .. import printing
from .. import symbols as S
from ..proof import Verdict, compare, random_point
from .bind import GRADIENT_PREFIX, CircularDefinition, Functions, atomize, substitute
from .extract import MathBlock
from .findings import Finding
from .latex import DOTS, ParsedBlock, Statement, Term

CHECKED_RELATIONS = {"=", ":=", "<-"}
DEFINING_RELATIONS = {"=", ":=", "<-", "equiv"}
LOSS_NAMES = {"L", "Q", "f", "F", "J", "R", r"\ell", r"\mathcal{L}"}
LINK_SECONDS = 2.0


@dataclass
class Item:
    """A statement with where it stands: its block, its section, its place in the document."""

    block: MathBlock
    stmt: Statement
    section: int
    index: int


@dataclass
class SystemScope:
    """A system of definitions read from one block."""

    block: MathBlock
    section: int
    index: int
    definitions: dict[sp.Symbol, sp.Expr] = field(default_factory=dict)
    rows: dict[sp.Symbol, Item] = field(default_factory=dict)


class DocumentChecker:
    """Binds and verifies the statements of one document; collects findings."""

    def __init__(self, path: str, blocks: list[MathBlock], parsed: list[ParsedBlock], sections: list[int]) -> None:
        self.path = path
        self.findings: list[Finding] = []
        self.functions = Functions()
        self.items: list[Item] = []
        self.systems: list[SystemScope] = []
        self.loose: dict[int, dict[sp.Symbol, sp.Expr]] = {}
        self.skip: set[int] = set()  # items that are definitions only
        for block, pb in zip(blocks, parsed):
            line = block.line
            section = sum(1 for s in sections if s <= line)
            for stmt in pb.statements:
                self.items.append(Item(block, stmt, section, len(self.items)))

    # -- findings -----------------------------------------------------------------------------
    def report(self, item: Item, offset: int, severity: str, code: str, message: str) -> None:
        line, col = item.block.position(min(max(offset, 0), max(len(item.block.text) - 1, 0)))
        self.findings.append(Finding(self.path, line, col, severity, code, message))  # type: ignore[arg-type]

    # -- pass 1: binding ----------------------------------------------------------------------
    def bind(self) -> None:
        by_block: dict[int, list[Item]] = {}
        for item in self.items:
            by_block.setdefault(id(item.block), []).append(item)
        for items in by_block.values():
            definitions = [it for it in items if self._definition_target(it) is not None]
            if len(definitions) >= 2 and not self._all_known(definitions):
                scope = SystemScope(items[0].block, items[0].section, items[0].index)
                for it in definitions:
                    target = self._definition_target(it)
                    assert target is not None
                    scope.definitions[target] = self._prepare(it.stmt.terms[1].expr)
                    scope.rows[target] = it
                    self.skip.add(it.index)
                self.systems.append(scope)
            for it in items:
                self._bind_function(it)

    def _all_known(self, definitions: list[Item]) -> bool:
        known = self._scope_for(definitions[0]).definitions if self.systems else {}
        return all(self._definition_target(it) in known for it in definitions)

    def _definition_target(self, item: Item) -> sp.Symbol | None:
        stmt = item.stmt
        if not stmt.relations or stmt.relations[0] not in DEFINING_RELATIONS or len(stmt.terms) < 2:
            return None
        lhs, rhs = stmt.terms[0].expr, stmt.terms[1].expr
        if not isinstance(lhs, sp.Symbol) or rhs is None or lhs == DOTS or rhs.has(DOTS):
            return None
        return lhs

    def _bind_function(self, item: Item) -> None:
        stmt = item.stmt
        if not stmt.relations or stmt.relations[0] not in DEFINING_RELATIONS or len(stmt.terms) < 2:
            return
        lhs, rhs = stmt.terms[0].expr, stmt.terms[1].expr
        if not (isinstance(lhs, AppliedUndef) and rhs is not None and all(isinstance(a, sp.Symbol) for a in lhs.args)):
            return
        name = type(lhs).__name__
        if name.startswith(GRADIENT_PREFIX) or name in self.functions.defs:
            return  # a claim about a gradient, or a restatement: verified in pass 2
        try:
            self.functions.define(name, tuple(lhs.args), rhs, item.block.line)
        except CircularDefinition:
            self.report(item, stmt.terms[1].start, "error", "math/circular-definition",
                        f"{name} is defined through its own gradient or itself")
            self.skip.add(item.index)
            return
        if len(stmt.terms) == 2:
            self.skip.add(item.index)

    # -- helpers ------------------------------------------------------------------------------
    def _prepare(self, expr: sp.Expr | None) -> sp.Expr | None:
        if expr is None:
            return None
        try:
            return atomize(self.functions.expand(expr))
        except CircularDefinition:
            return None

    def _scope_for(self, item: Item) -> SystemScope | None:
        before = [s for s in self.systems if s.section == item.section and s.index <= item.index]
        if before:
            return before[-1]
        after = [s for s in self.systems if s.section == item.section and s.index > item.index]
        return after[0] if after else None

    def _known_symbols(self, item: Item) -> set[sp.Symbol]:
        known: set[sp.Symbol] = set()
        scope = self._scope_for(item)
        if scope is not None:
            for target, expr in scope.definitions.items():
                known.add(target)
                known |= expr.free_symbols
        for other in self.items[: item.index]:
            for term in other.stmt.terms:
                if term.expr is not None:
                    known |= term.expr.free_symbols
        return known

    # -- pass 2: verification -----------------------------------------------------------------
    def verify(self) -> list[Finding]:
        self.bind()
        for item in self.items:
            if item.index not in self.skip:
                self._verify_item(item)
        return self.findings

    def _verify_item(self, item: Item) -> None:
        stmt = item.stmt
        if len(stmt.terms) < 2:
            return
        scope = self._scope_for(item)
        definitions = dict(scope.definitions) if scope else {}
        raw_exprs = [t.expr for t in stmt.terms]
        if any(e is not None and self._has_unknown_function(e) for e in raw_exprs):
            self.report(item, stmt.terms[0].start, "info", "math/shape-claim",
                        "a form with unknown functions (a claim about shape): not checked as an identity")
            return
        introduced = self._introduced(item, raw_exprs)
        defined_here = any(e is not None and e.free_symbols & set(definitions) for e in raw_exprs)
        if introduced and defined_here:
            names = ", ".join(sorted(printing.text(s) for s in introduced))
            self.report(item, stmt.terms[0].start, "info", "math/new-scheme",
                        f"introduces {names}: read as a different scheme, not checked against the definitions")
            return
        for k, relation in enumerate(stmt.relations):
            if relation not in CHECKED_RELATIONS:
                continue
            left, right = stmt.terms[k], stmt.terms[k + 1]
            if left.expr is None or right.expr is None:
                self.report(item, right.start, "info", "math/undecided", "not checked: a side could not be parsed")
                return
            if not self._verify_link(item, left, right, definitions):
                return  # report the first false link of a chain only

    def _introduced(self, item: Item, exprs: Iterable[sp.Expr | None]) -> set[sp.Symbol]:
        free: set[sp.Symbol] = set()
        for e in exprs:
            if e is not None:
                free |= e.free_symbols
        free.discard(DOTS)
        return {s for s in free - self._known_symbols(item) if S.role(s) != "index"}

    def _has_unknown_function(self, expr: sp.Expr) -> bool:
        for call in expr.atoms(AppliedUndef):
            name = type(call).__name__
            if name == "Norm" or name in self.functions.defs or name.startswith(GRADIENT_PREFIX):
                continue
            if name.split("_")[0] in LOSS_NAMES:
                continue
            return True
        return False

    def _verify_link(self, item: Item, left: Term, right: Term, definitions: dict[sp.Symbol, sp.Expr]) -> bool:
        a, b = self._prepare(left.expr), self._prepare(right.expr)
        if a is None or b is None:
            self.report(item, right.start, "info", "math/undecided", "not checked: circular function definitions")
            return False
        if a.has(DOTS) or b.has(DOTS):
            return self._verify_dots(item, left, right, a, b, definitions)
        try:
            sa, sb = substitute(a, definitions), substitute(b, definitions)
        except CircularDefinition:
            self.report(item, right.start, "info", "math/undecided", "not checked: circular system of definitions")
            return False
        sa, sb = _doit(sa), _doit(sb)
        verdict = compare(sa, sb, seconds=LINK_SECONDS)
        if verdict.status == "false":
            self.report(item, right.start, "error", "math/false", _false_message(a, b, sa, sb, verdict))
            return False
        if verdict.status == "undecided" and "not proved" not in verdict.reason:
            self.report(item, right.start, "info", "math/undecided", f"not decided: {verdict.reason}")
        return True

    def _verify_dots(self, item: Item, left: Term, right: Term, a: sp.Expr, b: sp.Expr,
                     definitions: dict[sp.Symbol, sp.Expr]) -> bool:
        """``… = X − \\dots``: check what is written: the coefficients of the variables X shows."""
        claimed_term, other, where = (right, a, b) if b.has(DOTS) else (left, b, a)
        explicit = where.xreplace({DOTS: 0})
        if (where - explicit - DOTS) != 0 and (where - explicit + DOTS) != 0:
            self.report(item, claimed_term.start, "info", "math/undecided",
                        r"not checked: \dots stands inside the expression, not as a trailing term")
            return False
        hold = frozenset(s for s in explicit.free_symbols if s in definitions)
        try:
            other_s = substitute(other, definitions, hold=hold)
            explicit_s = substitute(explicit, definitions, hold=hold)
        except CircularDefinition:
            return False
        variables = [s for s in explicit_s.free_symbols
                     if S.role(s) in ("weight", "state", "input") and s not in hold]
        for var in sorted(variables, key=lambda s: s.name):
            if sp.diff(other_s, var, 2) != 0 or sp.diff(explicit_s, var, 2) != 0:
                continue
            written, actual = sp.diff(explicit_s, var), sp.diff(other_s, var)
            verdict = compare(written, actual, seconds=LINK_SECONDS)
            if verdict.status == "false":
                self.report(item, claimed_term.start, "error", "math/coefficient",
                            f"coefficient of {printing.text(var)}: written {printing.text(written)}, but the "
                            f"definitions give {printing.text(actual)}{_witness(verdict)}")
                return False
        return True


def _doit(expr: sp.Expr) -> sp.Expr:
    """Evaluate sums and products with symbolic bounds (geometric sums) where SymPy can."""
    if expr.has(sp.Sum, sp.Product):
        try:
            return expr.doit()
        except Exception:  # noqa: BLE001 - SymPy raises many kinds here; the link stays as written
            return expr
    return expr


def _witness(verdict: Verdict) -> str:
    if not verdict.counterexample:
        return ""
    values = ", ".join(f"{printing.text(s)} = {_short(v)}" for s, v in list(verdict.counterexample.items())[:8])
    return f" (e.g. at {values})"


def _short(value: object) -> str:
    try:
        return f"{float(value):.4g}"  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)


def _false_message(a: sp.Expr, b: sp.Expr, sa: sp.Expr, sb: sp.Expr, verdict: Verdict) -> str:
    point = dict(verdict.counterexample)
    try:
        left = float(sa.xreplace(point).evalf(20))
        right = float(sb.xreplace(point).evalf(20))
        sides = f": left {left:.6g}, right {right:.6g}"
    except (TypeError, ValueError):
        sides = ""
    return (f"false equality {_clip(printing.text(a))} = {_clip(printing.text(b))}"
            f"{_witness(verdict)}{sides}")


def _clip(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


__all__ = ["DocumentChecker", "random_point"]
