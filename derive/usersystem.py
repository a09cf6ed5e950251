"""A user's own optimizer as a first-class citizen: read, regularized on request, derived, compared.

:func:`load` is what ``derive show --system``, ``derive render --system`` and :func:`derive.render`
share: every system of a notes file (or one given in Python), with its title, the author's notation,
and the assumptions made in reading it; ``reg`` adds the L2 or decoupled block the catalog's entries
are built with (:func:`with_regularization`), and :meth:`OwnSystem.counterpart` is the same system in
the other mode, for ``--unroll``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

import sympy as sp

from . import printing
from . import symbols as S
from .errors import UsageError
from .notation import Notation
from .system import Assumption, Definition, System, regularization

#: Mode names of ``--reg`` and the precise kinds :func:`regularization` reads off a system.
_MODE_OF = {"none": "none", "l2": "l2", "decoupled-lr": "decoupled", "decoupled": "decoupled", "custom": "custom"}


@dataclass(frozen=True)
class OwnSystem:
    """One user system, ready to derive and render like a catalog entry."""

    system: System
    title: str | None = None
    stem: str = "system"
    notation: Notation = Notation()
    path: str | None = None
    line: int | None = None
    base: System | None = field(default=None, compare=False)  # without regularization, when known

    @property
    def detail(self) -> str:
        """none, l2, decoupled-lr, decoupled or custom: where the system's regularization sits."""
        return regularization(self.system)[0]

    @property
    def mode(self) -> str:
        """The ``--reg`` name of :attr:`detail` (``custom`` for anything else)."""
        return _MODE_OF[self.detail]

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.path and self.line else (self.path or "")

    @cached_property
    def derivation(self):  # -> Derivation (imported lazily: the engine pulls in the proof machinery)
        from .derivation import derive_system

        d = derive_system(self.system, reg_detail=self.detail)
        return replace(d, reg=self.mode)

    def counterpart(self) -> "OwnSystem | None":
        """The same system with the other regularization (L2 ↔ decoupled), or None when there is none."""
        other = {"l2": "decoupled", "decoupled": "l2"}.get(self.mode)
        if other is None:
            return None
        base = self.base if self.base is not None else without_regularization(self.system)
        if base is None:
            return None
        return replace(self, system=with_regularization(base, other), base=base)


def load(spec: str, *, reg: str | None = None) -> list[OwnSystem]:
    """Every system of the notes file ``spec`` (``notes.md``, or ``notes.md:LINE`` for one of them)."""
    from .check.systems import read_systems, select, split_location

    path, line = split_location(spec)
    found = read_systems(path)
    if line is not None:
        found = [select(found, path, line)]
    return [own(ns.system, title=ns.title, stem=ns.stem, notation=ns.notation, path=ns.path, line=ns.line, reg=reg)
            for ns in found]


def own(system: System, *, title: str | None = None, stem: str = "system", notation: Notation | None = None,
        path: str | None = None, line: int | None = None, reg: str | None = None) -> OwnSystem:
    """Wrap a system (from :func:`derive.make_system` or a notes file) in the mode ``reg``.

    ``reg=None`` keeps the system as written. A system without regularization gets the block of
    ``reg`` added; one with a different regularization has its coefficient set to zero first (when
    that coefficient is one symbol), so ``--reg decoupled`` on an RMSprop+L2 gives RMSprop with decoupled
    decay.
    """
    base = None
    current = _MODE_OF[regularization(system)[0]]
    if reg is not None and reg != current:
        stripped = without_regularization(system) if current != "none" else system
        if stripped is None:
            raise UsageError(f"--reg {reg}: the system regularizes already ({current}) and its coefficient is not "
                             "one symbol, so it cannot be taken out")
        base = stripped
        system = stripped if reg == "none" else with_regularization(stripped, reg)
    return OwnSystem(system, title, stem, notation or Notation(), path, line, base)


def with_regularization(system: System, mode: str) -> System:
    """The catalog's regularization blocks on a user's system.

    ``l2`` adds λ·w_{t-1} to the loss gradient (in the row that names it, ``g_t := ∇L(w_{t-1})``, or in a
    new such row); ``decoupled`` shrinks the weights in the update itself, by the learning rate as
    PyTorch, optax and Keras do: ``w_t := w_{t-1} − η(… + λ w_{t-1})``.
    """
    if mode not in ("l2", "decoupled"):
        raise UsageError(f"unknown regularization mode {mode!r}: choose l2 or decoupled")
    present, where = regularization(system)
    if present != "none":
        raise UsageError(f"the system already regularizes the weights ({_MODE_OF[present]}, in "
                         f"{printing.text(where) if where is not None else 'the update'}); --reg adds a block to a "
                         "system without one")
    lam, prev = S.lam, system.weight_prev
    if lam in system.inputs:
        raise UsageError("the system already uses λ for something else; --reg needs λ for the decay coefficient")
    defs = list(system.definitions)
    if mode == "l2":
        named = next((d for d in defs if d.expr == system.gradient and d.target != system.weight), None)
        if named is not None:
            defs = [replace(d, expr=d.expr + lam * prev, note="the gradient the optimizer sees (L2 added)")
                    if d is named else d for d in defs]
            where_text = printing.text(named.target)
        else:
            g = S.g if S.g not in system.targets and S.g not in system.inputs else S.symbol(r"\tilde{g}_{t}")
            defs = [replace(d, expr=d.expr.xreplace({system.gradient: g})) for d in defs]
            defs.insert(0, Definition(g, system.gradient + lam * prev, "the gradient the optimizer sees (L2 added)"))
            where_text = printing.text(g)
        note = Assumption("regularization", f"--reg l2: λ·w_{{t-1}} added to the gradient in {where_text}")
    else:
        update = system.weight_update
        rate = sp.sympify(system.rate)
        step = (prev - update.expr) / rate
        new = prev - rate * (step + lam * prev) if rate != 1 else update.expr - lam * prev
        defs = [replace(d, expr=new) if d is update else d for d in defs]
        note = Assumption("regularization", f"--reg decoupled: the update shrinks w_{{t-1}} by "
                          f"{printing.text(rate * lam)} (×lr, as PyTorch, optax and Keras)")
    params = tuple(sorted(set(system.params) | {lam}, key=lambda s: s.name))
    assumptions = tuple(a for a in system.assumptions if a.code != "regularization") + (note,)
    return System(tuple(defs), system.weight, prev, system.gradient, dict(system.state), system.rate,
                  system.atoms, params, assumptions)


def without_regularization(system: System) -> System | None:
    """The system with its regularization coefficient set to zero, or None when that is not one symbol."""
    detail, where = regularization(system)
    if detail == "none":
        return system
    if where is None:
        return None
    row = system.definition(where)
    coefficient = sp.diff(row.expr, system.weight_prev)
    if where == system.weight:
        coefficient = sp.expand(1 - coefficient)
    hyper = [s for s in coefficient.free_symbols if s in system.params or S.role(s) == "hyper"]
    candidates = [s for s in hyper if s not in sp.sympify(system.rate).free_symbols]
    if len(candidates) != 1:
        return None
    (lam,) = candidates
    defs = tuple(replace(d, expr=d.expr.xreplace({lam: sp.Integer(0)})) for d in system.definitions)
    params = tuple(p for p in system.params if p != lam)
    kept = tuple(a for a in system.assumptions if a.code != "regularization")
    return System(defs, system.weight, system.weight_prev, system.gradient, dict(system.state), system.rate,
                  system.atoms, params, kept)


def assumptions_text(item: OwnSystem) -> str:
    """The "Assumed:" section of ``derive show --system``: one line per assumption, warnings marked."""
    lines = ["", "Assumed:" if item.system.assumptions else "Assumed: nothing"]
    for a in item.system.assumptions:
        where = f" (line {a.line})" if a.line else ""
        lines.append(f"  {'! ' if a.severity == 'warning' else '- '}{a.text}{where}")
    return "\n".join(lines)
