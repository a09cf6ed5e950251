"""Naming a system read from notes: which catalog optimizer it is, or how it double-counts decay.

The comparison is numeric at one random point, on the weight update written out in the step's
inputs (w_{t-1}, m_{t-1}, v_{t-1}, ∇L(w_{t-1}), hyperparameters). Notes name hyperparameters their own
way (η or γ for η_t, β for μ), so the document's symbols that the catalog lacks are tried against
the catalog's unmatched ones in every pairing (there are at most a few).

Besides the catalog itself two known mistakes are recognised, each an error: the L2 term counted
twice (``g_t = ∇_w Q(w_{t-1}) + λ w_{t-1}`` where ∇_w Q already contains λw), and a system that both
uses ∇_w Q and decays the weights outside the step (AdamW written on Q).
"""
from __future__ import annotations

import functools
import itertools
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import mpmath
import sympy as sp

from .. import symbols as S
from .. import printing
from ..budget import time_budget
from ..errors import BudgetExceeded
from ..proof import evaluate, numeric_difference, random_point
from .bind import GRADIENT_PREFIX, CircularDefinition, substitute
from . import roots
from .findings import Finding

if TYPE_CHECKING:
    from .verify import DocumentChecker, SystemScope

_MAX_UNMATCHED = 3
_SECONDS = 4.0  # per system: recognising it is a nicety, never a reason to hang


@dataclass(frozen=True)
class Variant:
    """One step rule to recognise: the weight update written out (``raw``) and its rows as defined.

    Both are built on first use from ``build`` (the catalog system, or a known mistake made from it):
    building all 87 catalog steps was most of a cold check, while a system from notes is compared only
    with the few variants whose ``symbols`` it could match and whose ``row_names`` it writes. Those two
    come from :mod:`derive.check.catalog_index`, a table generated from the catalog that a test keeps
    equal to what building every system gives.
    """

    name: str
    mode: str
    build: Callable[[], Any] = field(repr=False, compare=False)  # () -> derive.system.System
    symbols: frozenset = field(repr=False)
    row_names: frozenset = field(repr=False)
    description: str = ""
    mistake: bool = False
    at_point: complex | None = None  # the weight update at catalog_point(symbols), from the generated index

    @functools.cached_property
    def system(self) -> Any:
        return self.build()

    @functools.cached_property
    def raw(self) -> sp.Expr:
        return _full(self.system)

    @property
    def rows(self) -> tuple[tuple[str, sp.Expr], ...]:
        return tuple((d.target.name, d.expr) for d in self.system.definitions)

    def value(self, point: dict[sp.Symbol, sp.Expr]) -> complex | None:
        """The weight update at ``point``, row by row in the system's order (each row's inputs are
        numbers by then): the same number as ``raw`` gives, without writing the step out, which took
        twenty milliseconds per Adam-like variant."""
        known: dict[sp.Symbol, Any] = dict(point)
        for d in self.system.definitions:
            v = evaluate(d.expr, known)
            if v is None:
                return None
            known[d.target] = v.real if isinstance(v, mpmath.mpc) and v.imag == 0 else v
            if d.target == self.system.weight:  # rows after it (Lion's m_t) feed the next step only
                return complex(v)
        return None


def _reached(system) -> frozenset:  # type: ignore[no-untyped-def]
    """The symbols the written-out weight update reads: the rows followed from the weight down to what
    no row defines (the same as ``_full(system).free_symbols`` for every catalog system: a test says so)."""
    from ..system import _reachable

    by_target = {d.target: d for d in system.definitions}
    return frozenset(sym for sym in _reachable(system.weight, by_target) if sym not in by_target)


def _full(system) -> sp.Expr:  # type: ignore[no-untyped-def]
    """The weight update with every row substituted in (each row written out once, by :func:`substitute`)."""
    defs = {d.target: d.expr for d in system.definitions}
    return substitute(defs[system.weight], defs)


_DETAIL = {"none": "without regularization", "l2": "with L2 regularization",
           "decoupled-lr": "with decoupled weight decay (×lr)",
           "decoupled-schedule": "with decoupled weight decay (×schedule)"}


def _plain(name: str, mode: str):  # type: ignore[no-untyped-def]
    from .. import catalog

    return catalog.get(name).system(mode)


def _twice(name: str):  # type: ignore[no-untyped-def]
    """The L2 mistake: ``g_t = ∇_w Q(w_{t-1}) + λw_{t-1}`` — λ counted twice in the gradient row."""
    from ..system import Definition

    l2 = _plain(name, "l2")
    return l2.with_definitions(
        Definition(d.target, d.expr.xreplace({S.lam: 2 * S.lam}) if d.target == S.g else d.expr, d.note)
        for d in l2.definitions)


def _both(name: str):  # type: ignore[no-untyped-def]
    """AdamW written on Q: the gradient row holds λw and the weights decay outside the step too."""
    from ..system import Definition

    system = _plain(name, "decoupled")
    return system.with_definitions(
        Definition(d.target, S.grad + S.lam * S.w_prev if d.target == S.g else d.expr, d.note)
        for d in system.definitions)


def variant_system(name: str, mode: str):  # type: ignore[no-untyped-def]
    """The system a variant stands for: a catalog entry's, or one of the two known mistakes made from it."""
    return {"l2-twice": lambda: _twice(name), "l2+decoupled": lambda: _both(name)}.get(
        mode, lambda: _plain(name, mode))()


def variant_keys() -> list[tuple[str, str]]:
    """Every (entry, mode) to recognise, mistakes included, in the order they are tried."""
    from .. import catalog

    keys: list[tuple[str, str]] = []
    for name in catalog.names():
        opt = catalog.get(name)
        keys += [(name, mode) for mode in opt.modes if not (name == "adam" and mode == "decoupled")]
        # (adam, decoupled) is the same step as the adamw entry, which names it better
        if "l2" in opt.modes:
            keys.append((name, "l2-twice"))
        if "decoupled" in opt.modes:
            keys.append((name, "l2+decoupled"))
    return keys


def index_from_catalog() -> dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...], complex | None]]:
    """What :mod:`derive.check.catalog_index` stores, computed by building every system (slow): the symbols
    the step reads, its rows' targets, and its value at :func:`catalog_point` (rounded to 15 digits, far
    finer than the 1e-12 :func:`identify` compares to)."""
    out = {}
    for name, mode in variant_keys():
        system = variant_system(name, mode)
        reached = _reached(system)
        variant = Variant(name, mode, lambda system=system: system, reached, frozenset())
        value = variant.value(catalog_point(reached))
        out[(name, mode)] = (tuple(sorted(s.name for s in reached)),
                             tuple(d.target.name for d in system.definitions),
                             None if value is None else complex(float(f"{value.real:.15g}"), float(f"{value.imag:.15g}")))
    return out


_SEED = 20191


def catalog_point(symbols: Iterable[sp.Symbol]) -> dict[sp.Symbol, sp.Expr]:
    """Random exact values for ``symbols``, each drawn from its own seed (its name): a symbol's value does not
    depend on which other symbols are drawn, so a catalog step's value at this point is a constant the
    generated index stores, and recognising a system computes only the notes' side."""
    point: dict[sp.Symbol, sp.Expr] = {}
    for sym in symbols:
        point.update(random_point({sym}, random.Random(f"{_SEED}:{sym.name}")))
    return point


def _description(opt, mode: str) -> str:  # type: ignore[no-untyped-def]
    if mode == "l2-twice":
        return (f"{opt.title} on Q, but {{row}} adds λ·w_{{{{t-1}}}} a second time "
                "(∇_w Q already contains it): the L2 term is counted twice")
    if mode == "l2+decoupled":
        return (f"{opt.title} with decoupled weight decay, but {{row}} is a gradient of Q: the decay "
                "is applied twice, once through ∇_w Q = ∇_w L + λ·w and once outside the step")
    return f"{opt.title} {_DETAIL[opt.detail(mode)]} ({opt.source})"


@functools.lru_cache(maxsize=1)
def _variants() -> tuple[Variant, ...]:
    from .. import catalog
    from .catalog_index import VARIANTS

    out: list[Variant] = []
    with S.any_real(()):  # (kept for every document: the catalog's names as declared, whatever the first one says)
        for (name, mode), (symbols, rows, value) in VARIANTS.items():
            out.append(Variant(name, mode, functools.partial(variant_system, name, mode),
                               frozenset(S.symbol(n) for n in symbols), frozenset(rows),
                               _description(catalog.get(name), mode), mode in ("l2-twice", "l2+decoupled"), value))
    return tuple(out)


def _weight_target(scope: "SystemScope") -> sp.Symbol | None:
    """The sink of the system: defined, read by no other definition, and reading its own t-1."""
    defs = scope.definitions
    used = set().union(*(e.free_symbols for e in defs.values())) if defs else set()
    sinks = [t for t in defs if t not in used]
    for t in sinks:
        base = t.name.split("_")[0]
        try:
            reads = substitute(defs[t], defs).free_symbols
        except CircularDefinition:
            continue
        if any(s.name.startswith(base + "_{t-1}") for s in reads):
            return t
    return None


def _normalise(expr: sp.Expr, weight_prev: sp.Symbol) -> sp.Expr:
    """The document's iterate and gradient atoms renamed to the catalog's w_{t-1} and ∇_w L(w_{t-1})."""
    mapping: dict[sp.Symbol, sp.Symbol] = {weight_prev: S.w_prev}
    suffix = f"({weight_prev.name})"
    for s in expr.free_symbols:
        if s.name.startswith(GRADIENT_PREFIX) and s.name.endswith(suffix):
            mapping[s] = S.grad
    return roots.replace(expr, mapping)


def _value(expr: sp.Expr, point: dict[sp.Symbol, sp.Expr]) -> complex | None:
    value = evaluate(expr, point)
    return complex(value) if value is not None else None


def identify(raw: sp.Expr, written: dict[str, sp.Expr] | None = None) -> Variant | None:
    """The catalog variant (or known mistake) whose step equals ``raw`` up to renaming.

    Several variants can take the same single step (momentum with L2 and with decoupled decay both
    give (1 − η_tλ)w_{t-1} − η_t(μm_{t-1} + ∇L)); then the one whose rows read like the notes'
    (``written``: target name → definition) wins.
    """
    variants = _variants()
    catalog_symbols = set().union(*(v.symbols for v in variants))
    free = raw.free_symbols  # a walk of the whole step: once, not once per variant
    point = catalog_point(catalog_symbols | free)
    matches: list[tuple[Variant, dict[sp.Symbol, sp.Symbol]]] = []
    for variant in variants:
        extra = sorted(free - variant.symbols, key=lambda s: s.name)
        missing = sorted(variant.symbols - free, key=lambda s: s.name)
        if len(extra) != len(missing) or len(extra) > _MAX_UNMATCHED:
            continue
        if any(S.role(s) not in ("hyper", None) for s in extra + missing):
            continue
        target = variant.at_point
        if target is None:
            continue
        for perm in itertools.permutations(missing):
            renaming = dict(zip(extra, perm))
            value = _value(roots.replace(raw, renaming), point)
            if value is not None and abs(value - target) <= 1e-12 * max(1.0, abs(target)):
                matches.append((variant, renaming))
                break
    if not matches:
        return None
    if written is None or len(matches) == 1:
        return matches[0][0]
    return max(matches, key=lambda m: _rows_in_common(m[0], written, m[1], point))[0]


def _rows_in_common(variant: Variant, written: dict[str, sp.Expr], renaming: dict[sp.Symbol, sp.Symbol],
                    point: dict[sp.Symbol, sp.Expr]) -> int:
    """How many of the variant's rows the notes write the same way (same target, same value at ``point``)."""
    same = 0
    for name, expr in variant.rows:
        mine = written.get(name)
        if mine is None:
            continue
        full = {**point, **{s: sp.Rational(1, 3) for s in (mine.free_symbols | expr.free_symbols) - set(point)}}
        a, b = _value(roots.replace(mine, renaming), full), _value(expr, full)
        if a is not None and b is not None and abs(a - b) <= 1e-12 * max(1.0, abs(b)):
            same += 1
    return same


def classify(scope: "SystemScope") -> Variant | None:
    """The catalog variant (or known mistake) a system is, cached on the scope."""
    if scope.variant is not None or scope.classified:
        return scope.variant
    scope.classified = True
    weight = _weight_target(scope)
    if weight is None:
        return None
    try:
        raw = substitute(scope.definitions[weight], scope.definitions)
    except CircularDefinition:
        return None
    prev = next((s for s in raw.free_symbols if s.name == weight.name.replace("_{t}", "_{t-1}")), None)
    if prev is None:
        return None
    scope.variant = identify(_normalise(raw, prev), _written_rows(scope, weight, prev))
    if scope.variant is not None and scope.variant.mistake:
        row = _gradient_row(scope)
        target = next(t for t, it in scope.rows.items() if it is row)
        corrected = dict(scope.definitions)
        corrected[target] = scope.definitions[target] - S.lam * prev
        scope.corrected = corrected
    return scope.variant


_ALIASES = {r"\eta": S.eta, r"\gamma": S.eta, r"\epsilon": S.eps}


def _written_rows(scope: "SystemScope", weight: sp.Symbol, prev: sp.Symbol) -> dict[str, sp.Expr]:
    """The notes' rows in the catalog's names: iterate w, gradient ∇_w L(w_{t-1}), η_t for η or γ."""
    mapping: dict[sp.Symbol, sp.Expr] = {prev: S.w_prev}
    for expr in scope.definitions.values():
        for sym in expr.free_symbols:
            if sym.name in _ALIASES:
                mapping[sym] = _ALIASES[sym.name]
            elif sym.name.startswith(GRADIENT_PREFIX) and sym.name.endswith(f"({prev.name})"):
                mapping[sym] = S.grad
    rename = {weight.name: S.w.name}
    return {rename.get(t.name, t.name): e.xreplace(mapping) for t, e in scope.definitions.items()}


def closest(scope: "SystemScope") -> tuple[Variant, str, sp.Expr, sp.Expr] | None:
    """A catalog variant with the same rows as the system but one: (variant, row, written, catalog's).

    Only systems of three rows or more, written with the catalog's names, are compared: a system that
    is "Adam except v_t" is most likely Adam with a slip in v_t; anything further off is left alone.
    """
    weight = _weight_target(scope)
    if weight is None or len(scope.definitions) < 3:
        return None
    written = _written_rows(scope, weight, S.symbol(weight.name.replace("_{t}", "_{t-1}")))
    best: tuple[Variant, str, sp.Expr, sp.Expr] | None = None
    for variant in _variants():
        if variant.mistake or variant.row_names != set(written):
            continue
        differing = [(name, expr) for name, expr in variant.rows
                     if numeric_difference(written[name], expr, samples=2).status != "true"]
        if len(differing) == 1:
            name, expr = differing[0]
            best = best or (variant, name, written[name], expr)
    return best


def match_systems(checker: "DocumentChecker") -> list[Finding]:
    findings: list[Finding] = []
    if checker.systems:
        _variants()  # the catalog's own derivations, once, outside any document's budget
    for scope in checker.systems:
        try:
            with time_budget(_SECONDS):
                variant = classify(scope)
                near = closest(scope) if variant is None else None
        except BudgetExceeded:
            continue  # a system that explodes symbolically is not compared with the catalog
        if variant is None:
            if near is not None:
                other, name, mine, theirs = near
                row = next(it for t, it in scope.rows.items() if S.symbol(name) == t or
                           (name == S.w.name and t == _weight_target(scope)))
                line, col = row.block.position(row.stmt.terms[0].start)
                findings.append(Finding(
                    checker.path, line, col, "warning", "system/differs",
                    f"this system is {other.description} except {printing.text(S.symbol(name))}: written "
                    f"{printing.text(mine)}, where the catalog has {printing.text(theirs)}"))
            continue
        weight = _weight_target(scope)
        row = _gradient_row(scope) if variant.mistake else scope.rows[weight]  # type: ignore[index]
        line, col = row.block.position(row.stmt.terms[0].start)
        if variant.mistake:
            target = next(t for t, it in scope.rows.items() if it is row)
            findings.append(Finding(checker.path, line, col, "error", "system/regularized-twice",
                                    variant.description.format(row=printing.text(target))))
        else:
            findings.append(Finding(checker.path, line, col, "info", "system/recognized",
                                    f"this system is {variant.description}"))
    return findings


def _gradient_row(scope: "SystemScope"):  # type: ignore[no-untyped-def]
    """The row that brings the gradient in (where a double-counted λ·w is written)."""
    for target, item in scope.rows.items():
        if any(s.name.startswith(GRADIENT_PREFIX) for s in scope.definitions[target].free_symbols):
            return item
    return next(iter(scope.rows.values()))
