"""Verifying the algebra of one document: every link of every equality chain, under its definitions.

Two passes over the statements in document order. The first binds: function definitions
(``Q(w) = …``, in force from where they are written) and systems (a block of two or more
definitions: ``cases``, ``aligned``, rows joined by ``\\qquad``), each in the scope of its section.
The second verifies each ``=`` link with the definitions of the nearest system of the same section
(the one before the statement, else the one after: notes often define after use) and the namings
met so far (``n = 1/(1-γ)``, "Let m_t = …"), and reports

* ``math/false`` (error) with a counterexample: values where the two sides differ;
* ``math/coefficient`` (error) for a chain ending in ``\\dots`` whose explicit part is wrong;
* ``math/circular-definition`` (error) for a function defined through its own gradient, or a cycle;
* ``math/undecided`` (info) when the budget ran out, or a false verdict may come from reading the
  notation the wrong way (:mod:`derive.check.heuristics`);
* ``math/new-scheme`` (info) when a statement rewrites a defined quantity with new symbols (the paper's
  base rate α): a different scheme, not a contradiction;
* ``math/shape-claim`` (info) for forms with unknown functions, w_t = g(λ)·w_{t-1} − η_t·h(…).

Precision first: anything the checker cannot model is info, never an error.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

import sympy as sp
from sympy.core.function import AppliedUndef

from .. import limits, printing
from .. import symbols as S
from ..budget import time_budget
from ..errors import BudgetExceeded
from ..proof import Verdict, compare
from .bind import GRADIENT_PREFIX, CircularDefinition, FunctionDef, Functions, atomize, gradient_parts, substitute
from .extract import MathBlock
from .findings import Finding
from .heuristics import doubt, find_cycle, is_assignment, is_condition
from .latex import DOTS, ParsedBlock, Statement, Term

CHECKED_RELATIONS = {"=", ":="}  # "\\leftarrow" assigns: it is never a claim
DEFINING_RELATIONS = {"=", ":=", "<-", "equiv"}
LOSS_NAMES = {"L", "Q", "f", "F", "J", "R", r"\ell", r"\mathcal{L}"}
LINK_SECONDS = 2.0
_SYSTEM_ENV = re.compile(r"\\begin\{(?:cases|aligned|array|gathered)\}")
_TRANSPOSE = re.compile(r"\^\s*\{?\s*(?:\\top(?![A-Za-z])|\\intercal|T|\\mathsf\{T\}|\\mathrm\{T\}|⊤)")


@dataclass
class Item:
    """A statement with where it stands: its block, its section, its place in the document."""

    block: MathBlock
    stmt: Statement
    section: int
    index: int
    block_cue: bool = False  # the prose right before the block says it defines ("Let", "where", …)
    claim_cue: bool = False  # … or that it follows ("Hence", "Значит", "因此")
    condition_cue: bool = False  # … or that it holds under a condition ("if", "we need", "若")


@dataclass
class SystemScope:
    """A system of definitions read from one block."""

    block: MathBlock
    section: int
    index: int
    definitions: dict[sp.Symbol, sp.Expr] = field(default_factory=dict)
    rows: dict[sp.Symbol, Item] = field(default_factory=dict)
    variant: object = None  # the catalog variant it is (catalog_match.classify), once asked
    classified: bool = False
    corrected: dict[sp.Symbol, sp.Expr] | None = None  # for a known mistake: the system as meant


@dataclass(frozen=True)
class Shape:
    """The exercise's form ``target = g(…)·iterate + h_factor·h(…)`` (h_factor is −η_t)."""

    target: sp.Symbol
    iterate: sp.Symbol
    g: sp.Expr
    h: sp.Expr
    h_factor: sp.Expr

    @staticmethod
    def read(target: sp.Expr, rhs: sp.Expr) -> "Shape | None":
        try:
            terms = sp.Add.make_args(limits.expand(rhs, "a form statement"))
        except limits.TooLarge:
            return None
        if not isinstance(target, sp.Symbol) or len(terms) != 2:
            return None
        parts = []
        for term in terms:
            calls = [c for c in term.atoms(AppliedUndef) if not type(c).__name__.startswith(GRADIENT_PREFIX)]
            if len(calls) != 1:
                return None
            factor, dependent = term.as_independent(calls[0], as_Add=False)
            if dependent != calls[0]:
                return None
            parts.append((calls[0], factor))
        (g, iterate), (h, factor) = sorted(parts, key=lambda p: not isinstance(p[1], sp.Symbol))
        if not isinstance(iterate, sp.Symbol) or isinstance(factor, sp.Symbol) and factor.name.endswith("_{t-1}"):
            return None
        return Shape(target, iterate, g, h, factor)


class DocumentChecker:
    """Binds and verifies the statements of one document; collects findings.

    Scopes. A heading starts a new section. Systems bind within their section (a statement sees the
    latest system before it, else the first after it: notes define after use). A function
    definition ``f(x) = …`` holds from where it is written until ``f`` is defined again ("now take
    f(x) = …" is a new definition, not a claim); before its first definition a section sees the
    latest one of an earlier section (the objective Q of the introduction). Namings (``n = 1/(1-γ)``,
    ``h = …``) hold for the rest of their section.
    """

    def __init__(self, path: str, blocks: list[MathBlock], parsed: list[ParsedBlock], sections: list[int],
                 cues: frozenset[int] = frozenset(), claims: frozenset[int] = frozenset(),
                 conditions: frozenset[int] = frozenset(), groups: dict[int, int] | None = None) -> None:
        self.path = path
        self.findings: list[Finding] = []
        self.items: list[Item] = []
        self.systems: list[SystemScope] = []
        self.function_defs: list[tuple[int, int, FunctionDef]] = []  # (item index, section, definition)
        self.namings: list[tuple[int, int, sp.Symbol, sp.Expr]] = []  # (item index, section, name, value)
        self.skip: set[int] = set()  # items that are definitions only
        self.skip_first_link: set[int] = set()  # f(x) = A = B: only A = B is a claim
        self.broken: set[sp.Symbol] = set()  # targets of circular definitions (reported once)
        self.side_by_side: set[int] = set()  # sections with two systems in one display
        self._functions_cache: dict[int, Functions] = {}
        self._shape_cache: list[tuple[int, int, Shape]] | None = None
        # block number -> group id, for blocks that belong together (the rows of an algorithm)
        self.groups = {id(blocks[n]): -1 - g for n, g in (groups or {}).items()}
        for number, (block, pb) in enumerate(zip(blocks, parsed)):
            section = sum(1 for s in sections if s <= block.line)
            for stmt in pb.statements:
                self.items.append(Item(block, stmt, section, len(self.items), number in cues, number in claims,
                                       number in conditions))

    # -- findings -----------------------------------------------------------------------------
    def report(self, item: Item, offset: int, severity: str, code: str, message: str) -> None:
        line, col = item.block.position(min(max(offset, 0), max(len(item.block.text) - 1, 0)))
        self.findings.append(Finding(self.path, line, col, severity, code, message))  # type: ignore[arg-type]

    # -- pass 1: binding ----------------------------------------------------------------------
    def bind(self) -> None:
        blocks: dict[int, list[Item]] = {}
        for item in self.items:
            # Rows of one algorithm (\State $…$ lines) form one system, like the rows of one cases block.
            blocks.setdefault(self.groups.get(id(item.block), id(item.block)), []).append(item)
        for items in blocks.values():
            for it in items:
                self._bind_function(it)
        self._functions_cache.clear()
        for items in blocks.values():
            section = items[0].section
            if len(_SYSTEM_ENV.findall(items[0].block.text)) >= 2:
                self.side_by_side.add(section)
            definitions = [it for it in items if self._definition_target(it) is not None]
            if len(definitions) < 2:
                continue
            targets = [self._definition_target(it) for it in definitions]
            twice = {t for t in targets if targets.count(t) > 1}
            if len(_SYSTEM_ENV.findall(items[0].block.text)) >= 2:
                twice = set(targets)  # two cases/aligned side by side, even if one did not parse
            if twice:
                # Two systems side by side in one display (L2 | decoupled): which w_t a later line means
                # is not decidable, so what reads these names is left undecided.
                self.broken |= twice  # type: ignore[arg-type]
                self.skip |= {it.index for it in definitions}
                continue
            scope = SystemScope(items[0].block, section, items[0].index)
            previous = [s for s in self.systems if s.section == section]
            targets = {self._definition_target(it) for it in definitions}
            if previous and not targets & set(previous[-1].definitions):
                # New names only (the bias corrections after the moments): it extends the system.
                scope.definitions.update(previous[-1].definitions)
                scope.rows.update(previous[-1].rows)
            for it in definitions:
                target = self._definition_target(it)
                assert target is not None
                value = self._prepare(it.stmt.terms[1].expr, it)
                self.skip.add(it.index)
                if value is not None:
                    scope.definitions[target] = value
                    scope.rows[target] = it
            cycle = find_cycle(scope.definitions)
            if cycle:
                row = scope.rows[cycle[0]]
                names = " → ".join(printing.text(c) for c in cycle + [cycle[0]])
                self.report(row, row.stmt.terms[0].start, "error", "math/circular-definition",
                            f"circular system of definitions: {names}")
                for target in cycle:  # keep the rest of the system usable
                    scope.definitions.pop(target, None)
                    scope.rows.pop(target, None)
                self.broken |= set(cycle)
            self.systems.append(scope)

    def _definition_target(self, item: Item) -> sp.Symbol | None:
        stmt = item.stmt
        if not stmt.relations or stmt.relations[0] not in DEFINING_RELATIONS or len(stmt.terms) < 2:
            return None
        lhs, rhs = stmt.terms[0].expr, stmt.terms[1].expr
        if not isinstance(lhs, sp.Symbol) or rhs is None or lhs == DOTS or rhs.has(DOTS):
            return None
        if lhs in rhs.free_symbols:
            return None  # m = βm + g: an in-place assignment (pseudo-code), not a definition
        return lhs

    def _bind_function(self, item: Item) -> None:
        stmt = item.stmt
        if not stmt.relations or stmt.relations[0] not in DEFINING_RELATIONS or len(stmt.terms) < 2:
            return
        lhs, rhs = stmt.terms[0].expr, stmt.terms[1].expr
        if not (isinstance(lhs, AppliedUndef) and rhs is not None and lhs.args
                and all(isinstance(a, sp.Symbol) for a in lhs.args)):
            return
        name = type(lhs).__name__
        if name.startswith(GRADIENT_PREFIX):
            return  # a claim about a gradient: verified in pass 2
        params = tuple(lhs.args)
        if any(type(call).__name__ == name and call.args != lhs.args for call in rhs.atoms(AppliedUndef)):
            return  # f(x_{k+1}) = f(x_k − ∇f(x_k)/L): f evaluated at the next iterate, not a definition of f
        try:
            fd = Functions().define(name, params, rhs, item.block.line)
        except CircularDefinition:
            self.report(item, stmt.terms[1].start, "error", "math/circular-definition",
                        f"{name} is defined through its own gradient or itself")
            self.skip.add(item.index)
            return
        self.function_defs.append((item.index, item.section, fd))
        if len(stmt.terms) == 2:
            self.skip.add(item.index)
        else:
            # f(x) = A = B: the definition is f(x) = A; A = B is still a claim to check.
            self.skip_first_link.add(item.index)

    def functions(self, item: Item) -> Functions:
        """The function definitions in force at ``item`` (see the class docstring)."""
        cached = self._functions_cache.get(item.index)
        if cached is not None:
            return cached
        chosen: dict[str, tuple[int, FunctionDef]] = {}
        for index, section, fd in self.function_defs:
            current = chosen.get(fd.name)
            if index < item.index:
                # The latest earlier definition; one in this section beats any of an earlier section.
                if current is None or current[0] > item.index or section == item.section or \
                        self.items[current[0]].section != item.section:
                    chosen[fd.name] = (index, fd)
            elif index > item.index and section == item.section and current is None:
                chosen[fd.name] = (index, fd)  # defined after use, in the same section
        functions = Functions({name: fd for name, (_, fd) in chosen.items()})
        self._functions_cache[item.index] = functions
        return functions

    # -- helpers ------------------------------------------------------------------------------
    def _prepare(self, expr: sp.Expr | None, item: Item) -> sp.Expr | None:
        if expr is None:
            return None
        try:
            return atomize(self.functions(item).expand(expr))
        except CircularDefinition:
            return None

    def _scope_for(self, item: Item) -> SystemScope | None:
        before = [s for s in self.systems if s.section == item.section and s.index <= item.index]
        if before:
            return before[-1]
        after = [s for s in self.systems if s.section == item.section and s.index > item.index]
        return after[0] if after else None

    def _system_before(self, item: Item) -> bool:
        return any(s.section == item.section and s.index <= item.index for s in self.systems)

    def _definitions(self, item: Item) -> dict[sp.Symbol, sp.Expr]:
        """The system in scope, plus the section's earlier namings for what the system does not define."""
        scope = self._scope_for(item)
        definitions: dict[sp.Symbol, sp.Expr] = dict(scope.definitions) if scope is not None else {}
        for index, section, name, value in self.namings:
            if section != item.section or index >= item.index:
                continue
            if name not in definitions or (scope is not None and index > scope.index):
                definitions[name] = value  # "Let m_t = …" after the system redefines m_t from there on
        return definitions

    def _known_symbols(self, item: Item) -> set[sp.Symbol]:
        """Symbols the document has related to something before ``item``, in its section."""
        known: set[sp.Symbol] = set()
        for target, expr in self._definitions(item).items():
            known.add(target)
            known |= expr.free_symbols
        for fd in self.functions(item).defs.values():
            known |= fd.body.free_symbols
        for other in self.items[: item.index]:
            if other.section != item.section:
                continue  # a heading starts afresh: notation is often reused with another meaning
            if len(other.stmt.terms) < 2:
                continue  # a bare mention ("the base rate $\\alpha$") introduces, it does not relate
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
        self._check_shape_answers()
        return self.findings

    # -- shape claims: w_t = g(λ)·w_{t-1} − η_t·h(…), and the answers given for g and h ------------
    def _shape_claim(self, item: Item, name: str) -> Shape | None:
        """The latest form statement before ``item`` (or later in its section) that uses ``name``
        as its g (multiplying an iterate) or as its h (the rest)."""
        shapes = self._shapes()
        before = [(i, sh) for i, sec, sh in shapes if i < item.index]
        after = [(i, sh) for i, sec, sh in shapes if i > item.index and sec == item.section]
        for _, shape in list(reversed(before)) + after:
            if name in (type(shape.g).__name__, type(shape.h).__name__):
                return shape
        return None

    def _shapes(self) -> list[tuple[int, int, Shape]]:
        """Every form statement of the document (read once): (item index, section, shape)."""
        if self._shape_cache is None:
            self._shape_cache = []
            for it in self.items:
                terms = it.stmt.terms
                if len(terms) == 2 and isinstance(terms[0].expr, sp.Symbol) and terms[1].expr is not None \
                        and terms[1].expr.atoms(AppliedUndef):
                    try:
                        with time_budget(LINK_SECONDS):
                            shape = Shape.read(terms[0].expr, terms[1].expr)
                    except BudgetExceeded:
                        continue
                    if shape is not None:
                        self._shape_cache.append((it.index, it.section, shape))
        return self._shape_cache

    def _check_shape_answers(self) -> None:
        """Answers "g(λ) = …" and "h = …" after the exercise's form: each against the definitions."""
        if not self._shapes():
            return
        h_names = {type(shape.h).__name__ for _, _, shape in self._shapes()}
        for index, _, fd in self.function_defs:
            item = self.items[index]
            shape = self._shape_claim(item, fd.name)
            if shape is not None:
                call = shape.g if type(shape.g).__name__ == fd.name else shape.h
                if len(call.args) == len(fd.params):
                    self._check_shape_part(item, shape, fd.name, fd.body.xreplace(dict(zip(fd.params, call.args))))
        for item in self.items:
            lhs = item.stmt.terms[0].expr if item.stmt.terms else None
            rhs = item.stmt.terms[1].expr if len(item.stmt.terms) > 1 else None
            if rhs is None or not item.stmt.relations or item.stmt.relations[0] not in DEFINING_RELATIONS:
                continue
            name = lhs.name if isinstance(lhs, sp.Symbol) else (
                type(lhs).__name__ if isinstance(lhs, AppliedUndef) and not all(
                    isinstance(a, sp.Symbol) for a in lhs.args) else None)
            if name is None or name not in h_names:
                continue  # (g(λ) = … with symbol arguments was a function definition, done above)
            shape = self._shape_claim(item, name)
            if shape is not None and name == type(shape.h).__name__:
                self._check_shape_part(item, shape, name, rhs)

    def _check_shape_part(self, item: Item, shape: Shape, name: str, value: sp.Expr) -> None:
        """g: the coefficient of the iterate; h: what is left of w_t, divided by its factor (−η_t)."""
        definitions = self._definitions(item)
        if shape.target not in definitions or shape.target in self.broken or item.section in self.side_by_side:
            return  # with two systems side by side, which one an answer is about is for the prose to say
        claimed = self._prepare(value, item)
        if claimed is None or claimed.has(DOTS):
            return
        hold = frozenset(s for s in claimed.free_symbols if s in definitions)
        try:
            with time_budget(LINK_SECONDS * 2):
                actual = substitute(shape.target, definitions, hold=hold)
                if sp.diff(actual, shape.iterate, 2) != 0:
                    return
                coefficient = sp.diff(actual, shape.iterate)
                if name == type(shape.g).__name__:
                    expected = coefficient
                    what = f"the coefficient of {printing.text(shape.iterate)} in {printing.text(shape.target)}"
                else:
                    expected = limits.expand((actual - coefficient * shape.iterate) / shape.h_factor, "the h")
                    what = f"the h of the form: what is left of {printing.text(shape.target)} besides g·{printing.text(shape.iterate)}, over {printing.text(-shape.h_factor)}"
                verdict = compare(claimed, expected, seconds=LINK_SECONDS)
        except (CircularDefinition, BudgetExceeded, limits.TooLarge):
            return
        if verdict.status == "false":
            reason = doubt(claimed, expected, self.functions(item), value)
            if reason:
                self.report(item, item.stmt.terms[1].start, "info", "math/undecided", f"not decided: {reason}")
                return
            self.report(item, item.stmt.terms[1].start, "error", "math/coefficient",
                        f"{name} = {printing.text(claimed)} is not {what}: the definitions give "
                        f"{printing.text(expected)}{_witness(verdict)}")

    def _verify_item(self, item: Item) -> None:
        stmt = item.stmt
        if len(stmt.terms) < 2:
            return
        lhs = stmt.terms[0].expr
        if item.condition_cue or (item.block_cue and lhs is not None and not isinstance(lhs, sp.Symbol)):
            return  # "if …", "we need …", "где 1 − β₁ᵗ = 1 − β₁": a condition, not an identity
        definitions = self._definitions(item)
        raw_exprs = [t.expr for t in stmt.terms]
        if any(e is not None and self._has_unknown_function(e, item) for e in raw_exprs):
            self.report(item, stmt.terms[0].start, "info", "math/shape-claim",
                        "a form with unknown functions (a claim about shape): not checked as an identity")
            return
        introduced = self._introduced(item, raw_exprs)
        defined_here = any(e is not None and e.free_symbols & set(definitions) for e in raw_exprs)
        if introduced and defined_here and not self._is_naming(item, definitions):
            names = ", ".join(sorted(printing.text(s) for s in introduced))
            self.report(item, stmt.terms[0].start, "info", "math/new-scheme",
                        f"introduces {names}: read as a different scheme, not checked against the definitions")
            if isinstance(lhs, sp.Symbol) and stmt.relations[0] in DEFINING_RELATIONS:
                self._record_naming(item, definitions)  # later statements about it follow the new scheme
            return
        for k, relation in enumerate(stmt.relations):
            if k == 0 and relation == "<-" and isinstance(stmt.terms[0].expr, sp.Symbol) \
                    and stmt.terms[1].expr is not None and not is_assignment(stmt.terms[0].expr, stmt.terms[1].expr):
                self._record_naming(item, definitions)  # m̂_t ← m_t/(1 − β₁ᵗ): a definition from here on
                continue
            if relation not in CHECKED_RELATIONS:
                continue
            left, right = stmt.terms[k], stmt.terms[k + 1]
            if left.expr is None or right.expr is None:
                self.report(item, right.start, "info", "math/undecided", "not checked: a side could not be parsed")
                return
            if k == 0 and item.index in self.skip_first_link:
                continue
            if k == 0 and relation == ":=":
                if isinstance(left.expr, sp.Symbol):
                    self._record_naming(item, definitions)
                continue  # "x := …" defines, whatever x looks like (ν(z) := c(Bz − d))
            if k == 0 and self._is_naming(item, definitions):
                self._record_naming(item, definitions)
                continue
            one_sided = (left.expr.free_symbols ^ right.expr.free_symbols) & introduced
            if one_sided and k > 0:
                names = ", ".join(sorted(printing.text(s) for s in one_sided))
                self.report(item, right.start, "info", "math/new-scheme",
                            f"{names} appears on one side only: not checked")
                continue
            if one_sided or is_condition(left.expr, right.expr) or (k == 0 and is_assignment(left.expr, right.expr)):
                continue  # names something new, states a condition (ηλ = 1), or assigns in place (w = w − αv)
            try:
                with time_budget(LINK_SECONDS * 2):
                    holds = self._verify_link(item, left, right, definitions)
            except BudgetExceeded:
                self.report(item, right.start, "info", "math/undecided",
                            f"not decided within {LINK_SECONDS * 2:g} s")
                return
            if not holds:
                return  # report the first false link of a chain only

    def _is_naming(self, item: Item, definitions: dict[sp.Symbol, sp.Expr]) -> bool:
        """``x = …`` as the first link, where x is a bare symbol that this statement (re)names.

        It is a naming when the prose before the formula says so ("Let", "where", "Пусть", "令"), when
        no system before it in the section defines x (an update rule written before the system of
        the next method is not a claim about that later system), unless it starts a chain from an x
        defined earlier (``w_t = A = B``: A is checked against that definition).
        """
        stmt = item.stmt
        if not stmt.relations or stmt.relations[0] not in DEFINING_RELATIONS:
            return False
        lhs, rhs = stmt.terms[0].expr, stmt.terms[1].expr
        if isinstance(lhs, AppliedUndef) and type(lhs).__name__.startswith(GRADIENT_PREFIX):
            # ∇f̄(x̄) = Λx̄ + c̄ for an f̄ the notes never define: it names the gradient.
            return gradient_parts(type(lhs).__name__)[1] not in self.functions(item).defs
        if not isinstance(lhs, sp.Symbol) or lhs == DOTS or rhs is None or lhs in rhs.free_symbols:
            return False
        if item.block_cue and len(stmt.relations) == 1:
            return True  # "Let m_t = …", "где …", "令 …": the prose says it defines
        scope = self._scope_for(item)
        in_system = scope is not None and lhs in scope.definitions and self._system_before(item)
        named_before = any(name == lhs and section == item.section and index < item.index
                           for index, section, name, _ in self.namings)
        if (len(stmt.relations) >= 2 or item.claim_cue) and (in_system or named_before):
            return False  # w_t = A = B, or "Hence w_t = A", after w_t was defined: a claim about it
        return not in_system

    def _record_naming(self, item: Item, definitions: dict[sp.Symbol, sp.Expr]) -> None:
        lhs, rhs = item.stmt.terms[0].expr, item.stmt.terms[1].expr
        if not isinstance(lhs, sp.Symbol):
            return
        value = self._prepare(rhs, item)
        if value is None or value.has(DOTS) or not value.free_symbols:
            return  # "β = 0" is an example value, not a definition to carry on
        self.namings.append((item.index, item.section, lhs, value))

    def _introduced(self, item: Item, exprs: Iterable[sp.Expr | None]) -> set[sp.Symbol]:
        free: set[sp.Symbol] = set()
        for e in exprs:
            if e is not None:
                free |= e.free_symbols
        free.discard(DOTS)
        return {s for s in free - self._known_symbols(item) if S.role(s) != "index"}

    def _has_unknown_function(self, expr: sp.Expr, item: Item) -> bool:
        functions = self.functions(item)
        for call in expr.atoms(AppliedUndef):
            name = type(call).__name__
            if name == "Norm" or name in functions.defs or name.startswith(GRADIENT_PREFIX):
                continue
            if name.split("_")[0] in LOSS_NAMES:
                continue
            return True
        return False

    def _verify_link(self, item: Item, left: Term, right: Term, definitions: dict[sp.Symbol, sp.Expr]) -> bool:
        functions = self.functions(item)
        a, b = self._prepare(left.expr, item), self._prepare(right.expr, item)
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
        if sa.free_symbols and sb.free_symbols and not sa.free_symbols & sb.free_symbols:
            return True  # r₁ + r₂ = s: sides with nothing in common relate unknowns; no identity is claimed
        if (sa.free_symbols | sb.free_symbols) & self.broken:
            self.report(item, right.start, "info", "math/undecided", "not checked: it reads a circular definition")
            return False
        sa, sb = _doit(sa), _doit(sb)
        verdict = compare(sa, sb, seconds=LINK_SECONDS)
        if verdict.status == "false" and self._holds_as_meant(item, a, b):
            return True  # the system has a known mistake (reported there); this link follows it as meant
        if verdict.status == "false":
            reason = doubt(sa, sb, functions, left.expr + right.expr)
            if reason is None and _TRANSPOSE.search(_source(item, left) + " " + _source(item, right)):
                reason = "transposes: matrix algebra is not modelled element-wise"
            if reason:
                self.report(item, right.start, "info", "math/undecided", f"not decided: {reason}")
                return True
            written = (_source(item, left), _source(item, right))
            shown = _as_written(a.free_symbols | b.free_symbols, definitions, verdict)
            self.report(item, right.start, "error", "math/false", _false_message(written, sa, sb, verdict, shown))
            return False
        if verdict.status == "undecided" and "not proved" not in verdict.reason:
            self.report(item, right.start, "info", "math/undecided", f"not decided: {verdict.reason}")
        return True

    def _holds_as_meant(self, item: Item, a: sp.Expr, b: sp.Expr) -> bool:
        """Does the link hold under the corrected system, when the system in scope is a known mistake?"""
        from .catalog_match import classify

        scope = self._scope_for(item)
        if scope is None or classify(scope) is None or scope.corrected is None:
            return False
        try:
            sa, sb = substitute(a, scope.corrected), substitute(b, scope.corrected)
        except CircularDefinition:
            return False
        return compare(_doit(sa), _doit(sb), seconds=LINK_SECONDS).status == "true"

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


def _as_written(symbols: set[sp.Symbol], definitions: dict[sp.Symbol, sp.Expr], verdict: Verdict) -> Verdict:
    """The counterexample in the symbols the author wrote (m̂_t, g_t), computed from the definitions."""
    point = dict(verdict.counterexample)
    values: dict[sp.Symbol, object] = {}
    for sym in sorted(symbols, key=lambda s: s.name):
        try:
            values[sym] = substitute(sym, definitions).xreplace(point).evalf(15)
        except (CircularDefinition, TypeError, ValueError):
            return verdict
    return Verdict(verdict.status, verdict.reason, values, verdict.residual) if values else verdict


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


def _source(item: Item, term: Term) -> str:
    """What the author wrote for a side, on one line."""
    return " ".join(item.block.text[term.start:term.end].split())


def _false_message(written: tuple[str, str], sa: sp.Expr, sb: sp.Expr, verdict: Verdict, shown: Verdict) -> str:
    """One line: what was written, values that refute it (in the author's symbols), both sides' values."""
    point = dict(verdict.counterexample)
    try:
        left = float(sa.xreplace(point).evalf(20))
        right = float(sb.xreplace(point).evalf(20))
        sides = f": left {left:.6g}, right {right:.6g}"
    except (TypeError, ValueError):
        sides = ""
    return (f"false equality under the definitions in scope: {_clip(written[0])} = {_clip(written[1])}"
            f"{_witness(shown)}{sides}")


def _clip(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"

