"""An optimizer step as an ordered system of definitions (g_t := …, m_t := …, w_t := …).

A :class:`System` is the single representation shared by the catalog, user-supplied systems, the
derivation engine, the numeric cross-checks and the renderers. It is validated once, at
construction, so every later stage can rely on: no cycles, no undefined symbols, a weight update.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

import sympy as sp

from . import printing
from . import symbols as S
from .display import aligned, clip, display, inline
from .errors import SystemDefinitionError


@dataclass(frozen=True)
class Definition:
    """``target := expr``; ``note`` says in a few words what the line does (shown in derivations)."""

    target: sp.Symbol
    expr: sp.Expr
    note: str = ""

    def __repr__(self) -> str:
        return f"Definition({self.text()}" + (f"  [{self.note}])" if self.note else ")")

    def text(self) -> str:
        """``m_t = β₁·m_{t-1} + (1 − β₁)·g_t``: the row in plain text."""
        return f"{printing.text(self.target)} = {printing.text(self.expr)}"

    def latex(self) -> str:
        """``m_{t} = \\beta_{1} m_{t-1} + (1 - \\beta_{1}) g_{t}``: the row in the notes' LaTeX."""
        return f"{printing.latex(self.target)} = {printing.latex(self.expr)}"

    def _repr_latex_(self) -> str:
        return f"$\\displaystyle {self.latex()}$"

    def _repr_markdown_(self) -> str:
        return f"${self.latex()}$" + (f" — {self.note}" if self.note else "")


@dataclass(frozen=True)
class System:
    """One step of an optimizer, in evaluation order.

    ``state`` maps each state symbol computed by the step to the symbol that holds it before the
    step (``m_t -> m_{t-1}``): iterating the system feeds one into the other. ``rate`` is the factor
    written in front of ``h`` in the step form ``w_t = g(λ) w_{t-1} − rate · h``; ``atoms`` are
    intermediates kept unexpanded by default (``\\hat{v}_t``, as a textbook does).
    """

    definitions: tuple[Definition, ...]
    weight: sp.Symbol = S.w
    weight_prev: sp.Symbol = S.w_prev
    gradient: sp.Symbol = S.grad
    state: Mapping[sp.Symbol, sp.Symbol] = field(default_factory=dict)
    rate: sp.Expr = S.eta
    atoms: tuple[sp.Symbol, ...] = ()
    params: tuple[sp.Symbol, ...] = ()

    def __post_init__(self) -> None:
        ordered = _validated_order(self)
        object.__setattr__(self, "definitions", ordered)

    # -- queries ---------------------------------------------------------------------------
    @property
    def targets(self) -> tuple[sp.Symbol, ...]:
        return tuple(d.target for d in self.definitions)

    def definition(self, target: sp.Symbol) -> Definition:
        for d in self.definitions:
            if d.target == target:
                return d
        raise KeyError(target)

    @property
    def weight_update(self) -> Definition:
        return self.definition(self.weight)

    @property
    def inputs(self) -> tuple[sp.Symbol, ...]:
        """Free symbols the step reads (hyperparameters, previous state, gradient), sorted by name."""
        defined = set(self.targets)
        free: set[sp.Symbol] = set()
        for d in self.definitions:
            free |= {s for s in d.expr.free_symbols if s not in defined}
        free |= {s for s in sp.sympify(self.rate).free_symbols}
        return tuple(sorted(free, key=lambda s: s.name))

    def hyperparameters(self) -> tuple[sp.Symbol, ...]:
        state_prev = set(self.state.values()) | {self.weight_prev, self.gradient}
        return tuple(s for s in self.inputs if s not in state_prev)

    # -- displays ------------------------------------------------------------------------------
    def __repr__(self) -> str:
        return "System(" + clip("; ".join(d.text() for d in self.definitions), 400) + ")"

    def __str__(self) -> str:
        return "\n".join(d.text() for d in self.definitions)

    def rows_latex(self) -> list[str]:
        """Each definition as an ``aligned`` row ``m_{t} &= …``."""
        return [f"{printing.latex(d.target)} &= {printing.latex(d.expr)}" for d in self.definitions]

    def latex(self) -> str:
        """The system as the notes write it: a brace and aligned rows (to put inside display math)."""
        return aligned(self.rows_latex(), brace=True)

    def _repr_latex_(self) -> str:
        return f"$$\n{self.latex()}\n$$"

    def _repr_markdown_(self) -> str:
        state = ", ".join(f"{inline(new)} (from {inline(prev)})" for new, prev in self.state.items())
        params = ", ".join(inline(s) for s in self.hyperparameters())
        lines = [display(self.latex()), ""]
        if state:
            lines.append(f"State carried to the next step: {state}.  ")
        if params:
            lines.append(f"Parameters: {params}.")
        return "\n".join(lines).rstrip() + "\n"

    def with_definitions(self, definitions: Iterable[Definition]) -> "System":
        return System(tuple(definitions), self.weight, self.weight_prev, self.gradient,
                      dict(self.state), self.rate, self.atoms, self.params)


def make_system(
    definitions: Sequence[Definition | sp.Eq | tuple[sp.Symbol, sp.Expr]],
    *,
    weight: sp.Symbol = S.w,
    weight_prev: sp.Symbol = S.w_prev,
    gradient: sp.Symbol = S.grad,
    state: Mapping[sp.Symbol, sp.Symbol] | None = None,
    rate: sp.Expr = S.eta,
    atoms: Sequence[sp.Symbol] = (),
    params: Sequence[sp.Symbol] = (),
) -> System:
    """Build a :class:`System` from what a user types in a session.

    Accepts ``Definition`` objects, ``sp.Eq(target, expr)`` or ``(target, expr)`` pairs. Symbols the
    notation declares (η_t, λ, β₁, m_{t-1}, ∇_w L(w_{t-1}), …) are known; any other free symbol
    must be defined in the system or listed in ``params``. When ``state`` is not given, every
    target ``x_{t}`` whose ``x_{t-1}`` is read by the system is taken as state.

    >>> import sympy as sp
    >>> from derive import symbols as S
    >>> mine = make_system([sp.Eq(S.w, S.w_prev - S.eta * S.m), sp.Eq(S.m, S.mu * S.m_prev + S.g),
    ...                     sp.Eq(S.g, S.grad + S.lam * S.w_prev)])
    >>> mine
    System(g_t = ∇L(w_{t-1}) + λ·w_{t-1}; m_t = μ·m_{t-1} + g_t; w_t = w_{t-1} − η_t·m_t)
    >>> dict(mine.state)
    {m_t: m_{t-1}}
    """
    defs: list[Definition] = []
    for item in definitions:
        if isinstance(item, Definition):
            defs.append(item)
        elif isinstance(item, sp.Eq):
            defs.append(Definition(_as_symbol(item.lhs), item.rhs))
        elif isinstance(item, tuple) and len(item) == 2:
            defs.append(Definition(_as_symbol(item[0]), sp.sympify(item[1], strict=True)))
        else:
            raise SystemDefinitionError(f"cannot read {item!r} as a definition: give Eq(target, expr) or (target, expr)")
    if state is None:
        state = _infer_state(defs, weight)
    return System(tuple(defs), weight, weight_prev, gradient, dict(state), rate, tuple(atoms), tuple(params))


def _as_symbol(target: object) -> sp.Symbol:
    if not isinstance(target, sp.Symbol):
        raise SystemDefinitionError(f"the left side of a definition must be a single symbol, got {target}")
    return target


def _infer_state(defs: Sequence[Definition], weight: sp.Symbol) -> dict[sp.Symbol, sp.Symbol]:
    read: set[sp.Symbol] = set()
    for d in defs:
        read |= d.expr.free_symbols
    state: dict[sp.Symbol, sp.Symbol] = {}
    for d in defs:
        name = d.target.name
        if d.target != weight and name.endswith("_{t}"):
            prev = S.symbol(name[: -len("_{t}")] + "_{t-1}")
            if prev in read:
                state[d.target] = prev
    return state


def _validated_order(system: System) -> tuple[Definition, ...]:
    """Check the system and return its definitions in an order where each uses only earlier ones.

    Definitions may be given in any order (notes often define m̂_t after using it); a cycle, a
    symbol defined twice, an undefined symbol or a missing weight update is a
    :class:`SystemDefinitionError`.
    """
    defs = system.definitions
    if not defs:
        raise SystemDefinitionError("the system is empty: it needs at least the weight update w_t := …")
    by_target: dict[sp.Symbol, Definition] = {}
    for d in defs:
        if d.target in by_target:
            raise SystemDefinitionError(f"{d.target.name} is defined twice")
        by_target[d.target] = d
    if system.weight not in by_target:
        raise SystemDefinitionError(
            f"the system has no weight update: define {system.weight.name} (e.g. w_t := w_{{t-1}} - eta_t * m_t)")
    known = _known_inputs(system)
    for d in defs:
        for s in sorted(d.expr.free_symbols, key=lambda s: s.name):
            if s not in by_target and s not in known:
                raise SystemDefinitionError(
                    f"{s.name} in the definition of {d.target.name} is undefined: define it or pass it in params=")
    if system.weight_prev not in _reachable(system.weight, by_target) and system.gradient not in _reachable(system.weight, by_target):
        raise SystemDefinitionError(f"the weight update {system.weight.name} reads neither {system.weight_prev.name} nor the gradient")
    order: list[Definition] = []
    state: dict[sp.Symbol, int] = {}  # 1 = visiting, 2 = done

    def visit(target: sp.Symbol, path: list[sp.Symbol]) -> None:
        mark = state.get(target)
        if mark == 2:
            return
        if mark == 1:
            cycle = path[path.index(target):] + [target]
            raise SystemDefinitionError("circular definition: " + " -> ".join(s.name for s in cycle))
        state[target] = 1
        for s in sorted(by_target[target].expr.free_symbols, key=lambda s: s.name):
            if s in by_target:
                visit(s, path + [target])
        state[target] = 2
        order.append(by_target[target])

    for d in defs:
        visit(d.target, [])
    return tuple(order)


def _known_inputs(system: System) -> set[sp.Symbol]:
    known = {decl.symbol for decl in S.all_declared() if decl.role in ("hyper", "index", "state", "input", "weight")}
    known |= {system.weight_prev, system.gradient}
    known |= set(system.state.values())
    known |= set(system.params)
    known |= set(sp.sympify(system.rate).free_symbols)
    return known


def _reachable(target: sp.Symbol, by_target: Mapping[sp.Symbol, Definition]) -> set[sp.Symbol]:
    seen: set[sp.Symbol] = set()
    stack = [target]
    while stack:
        s = stack.pop()
        if s in seen:
            continue
        seen.add(s)
        if s in by_target:
            stack.extend(by_target[s].expr.free_symbols)
    return seen
