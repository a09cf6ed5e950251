"""An optimizer step as an ordered system of definitions (g_t := …, m_t := …, w_t := …).

A :class:`System` is the single representation shared by the catalog, user-supplied systems, the
derivation engine, the numeric cross-checks and the renderers. It is validated once, at
construction, so every later stage can rely on: no cycles, no undefined symbols, a weight update.

:func:`make_system` is the one door for a user's own system, whether typed in Python or read from a
notes file (:mod:`derive.check.systems`): what the user did not say (which symbols are
hyperparameters, which are carried state, which one is the loss gradient, the learning rate, what
stays an atom, where the regularization sits) is inferred here, and every inference is kept as an
:class:`Assumption` on the system, so nothing is assumed silently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Literal, Mapping, Sequence

import sympy as sp

from . import printing
from . import symbols as S
from .display import aligned, clip, display, inline
from .errors import SystemDefinitionError

#: A step-indexed name: ``m_{t}``, ``\hat{v}_{t}``, ``w_{t-1}`` (base, offset).
_STEP_NAME = re.compile(r"^(?P<base>.+?)_\{t(?P<offset>[+-]\d+)?\}$")

Severity = Literal["info", "warning"]


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
class Assumption:
    """Something :func:`make_system` (or the notes reader) decided that the user did not write.

    ``code`` is stable (``gradient``, ``hyperparameters``, ``state``, ``atoms``, ``rate``,
    ``regularization``, ``prose``, ``index``, ``weight``, ``in-place``); ``text`` is one English line;
    a ``warning`` is an assumption that changes the answer if it is wrong (the loss gradient guessed,
    a definition taken from the prose); ``line`` points into the notes file when there is one.
    """

    code: str
    text: str
    severity: Severity = "info"
    line: int | None = None


@dataclass(frozen=True)
class System:
    """One step of an optimizer, in evaluation order.

    ``state`` maps each state symbol computed by the step to the symbol that holds it before the
    step (``m_t -> m_{t-1}``): iterating the system feeds one into the other. ``rate`` is the factor
    written in front of ``h`` in the step form ``w_t = g(λ) w_{t-1} − rate · h``; ``atoms`` are
    intermediates kept unexpanded by default (``\\hat{v}_t``, as a textbook does). ``assumptions``
    list what was inferred rather than given (empty for catalog entries). ``initial`` gives
    the value of a previous-state symbol before the first step where it is not zero (Adagrad's
    s_0, NAdam's π_0 = 1), in terms of hyperparameters.
    """

    definitions: tuple[Definition, ...]
    weight: sp.Symbol = S.w
    weight_prev: sp.Symbol = S.w_prev
    gradient: sp.Symbol = S.grad
    state: Mapping[sp.Symbol, sp.Symbol] = field(default_factory=dict)
    rate: sp.Expr = S.eta
    atoms: tuple[sp.Symbol, ...] = ()
    params: tuple[sp.Symbol, ...] = ()
    assumptions: tuple[Assumption, ...] = field(default=(), compare=False)
    initial: Mapping[sp.Symbol, sp.Expr] = field(default_factory=dict)

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
        free = set(self.inputs) | {s for value in self.initial.values() for s in sp.sympify(value).free_symbols}
        return tuple(sorted((s for s in free if s not in state_prev), key=lambda s: s.name))

    def uniform_symbols(self) -> frozenset[sp.Symbol]:
        """Symbols whose value is the same for every weight: hyperparameters, the step counter, and
        schedules computed from them alone (NAdam's μ_t and π_t, RAdam's r_t, a dampening τ_t).

        A state symbol (π_{t-1}) is uniform when its update reads only uniform symbols and itself,
        and its initial value is uniform; found as a fixed point, so the order of definitions does
        not matter. Everything else (moments, the gradient, the weights) differs per coordinate.
        """
        uniform = set(self.hyperparameters()) | {S.t}
        prev_of = dict(self.state)
        changed = True
        while changed:
            changed = False
            for d in self.definitions:
                if d.target in uniform or d.target == self.weight:
                    continue
                prev = prev_of.get(d.target)
                if d.expr.free_symbols <= uniform | ({prev} if prev is not None else set()):
                    if prev is not None and not sp.sympify(self.initial.get(prev, 0)).free_symbols <= uniform:
                        continue
                    uniform.add(d.target)
                    if prev is not None:
                        uniform.add(prev)
                    changed = True
        return frozenset(uniform)

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
                      dict(self.state), self.rate, self.atoms, self.params, self.assumptions, dict(self.initial))

    @property
    def warnings(self) -> tuple[Assumption, ...]:
        """The assumptions that change the answer if they are wrong."""
        return tuple(a for a in self.assumptions if a.severity == "warning")


# ---------------------------------------------------------------------------------------------
# Building a user's system: one path for Python and for notes
# ---------------------------------------------------------------------------------------------
def make_system(
    definitions: Sequence[Definition | sp.Eq | tuple[sp.Symbol, sp.Expr]],
    *,
    weight: sp.Symbol = S.w,
    weight_prev: sp.Symbol = S.w_prev,
    gradient: sp.Symbol | None = None,
    state: Mapping[sp.Symbol, sp.Symbol] | None = None,
    rate: sp.Expr | None = None,
    atoms: Sequence[sp.Symbol] | None = None,
    params: Sequence[sp.Symbol] | None = None,
    assumptions: Sequence[Assumption] = (),
) -> System:
    """Build a :class:`System` from definitions in any order, inferring what is not given.

    Accepts ``Definition`` objects, ``sp.Eq(target, expr)`` or ``(target, expr)`` pairs. Inferred
    (each recorded in :attr:`System.assumptions`):

    * ``gradient``: the loss gradient ``∇_w L(w_{t-1})`` (any ``\\nabla …(w_{t-1})`` atom) if the
      system reads one; else the one step-indexed symbol nobody defines (``g_t``), which is then
      defined as ``g_t := ∇_w L(w_{t-1})`` — a *warning*, since a ``g_t`` that includes λ·w would
      change g(λ). Two or more such symbols are an error: say which one is the gradient.
    * ``state``: every target ``x_t`` whose ``x_{t-1}`` the system reads.
    * ``params``: every other free symbol without a step index (β₁, ρ, ε, η).
    * ``atoms``: targets read under a square root (v̂_t in √v̂_t + ε), kept unexpanded.
    * ``rate``: the hyperparameter factors in front of the step in the weight update.

    >>> import sympy as sp
    >>> from derive import symbols as S
    >>> mine = make_system([sp.Eq(S.w, S.w_prev - S.eta * S.m), sp.Eq(S.m, S.mu * S.m_prev + S.g),
    ...                     sp.Eq(S.g, S.grad + S.lam * S.w_prev)])
    >>> mine
    System(g_t = ∇L(w_{t-1}) + λ·w_{t-1}; m_t = μ·m_{t-1} + g_t; w_t = w_{t-1} − η_t·m_t)
    >>> dict(mine.state)
    {m_t: m_{t-1}}
    """
    notes = list(assumptions)
    defs = [_as_definition(item) for item in definitions]
    if not defs:
        raise SystemDefinitionError("the system is empty: it needs at least the weight update w_t := …")
    _check_self_reference(defs)
    if gradient is None:
        gradient, defs = _infer_gradient(defs, weight, weight_prev, notes)
    if state is None:
        state = _infer_state(defs, weight)
        if state:
            notes.append(Assumption("state", "state carried from step to step: " + ", ".join(
                f"{printing.text(new)} (from {printing.text(prev)})" for new, prev in state.items())))
    if params is None:
        params = _infer_params(defs, weight_prev, gradient, state)
        if params:
            notes.append(Assumption("hyperparameters", "hyperparameters (the same for every weight): "
                                    + ", ".join(printing.text(p) for p in params)))
    if atoms is None:
        atoms = tuple(d.target for d in defs if d.target != weight and _under_root(d.target, defs))
        if atoms:
            notes.append(Assumption("atoms", "kept as atoms, as a textbook does (read under a square root): "
                                    + ", ".join(printing.text(a) for a in atoms)))
    if rate is None:
        rate = _infer_rate(defs, weight, weight_prev, set(params) | _declared_hyper())
        if rate != 1:
            notes.append(Assumption("rate", f"learning rate: {printing.text(rate)} (the factor in front of the step "
                                    f"in {printing.text(weight)})"))
    system = System(tuple(defs), weight, weight_prev, gradient, dict(state), rate, tuple(atoms), tuple(params),
                    tuple(notes))
    mode, where = regularization(system)
    if mode != "none" and not any(a.code == "regularization" for a in notes):
        notes.append(Assumption("regularization", _REG_TEXT[mode].format(where=printing.text(where) if where else "")))
        system = System(system.definitions, weight, weight_prev, gradient, dict(state), rate, tuple(atoms),
                        tuple(params), tuple(notes))
    return system


_REG_TEXT = {
    "l2": "regularization read as L2: w_{{t-1}} enters {where}, before the optimizer's state and scaling",
    "decoupled-lr": "regularization read as decoupled weight decay ×lr: {where} shrinks w_{{t-1}} by the learning "
                    "rate times the coefficient",
    "decoupled": "regularization read as decoupled weight decay: {where} shrinks w_{{t-1}} outside the optimizer's "
                 "step",
    "custom": "w_{{t-1}} enters both the optimizer's input and the weight update directly ({where}): "
              "L2 and decoupled decay at once",
}


def regularization(system: System) -> tuple[str, sp.Symbol | None]:
    """Where the weights enter the step besides ``w_{t-1} − …``: the regularization the system applies.

    ``("l2", g_t)`` when w_{t-1} reaches the optimizer's state or its preconditioner (as part of the
    gradient; ``g_t`` is the first row that reads it); ``("decoupled-lr", w_t)`` when it does not and
    the step shrinks w_{t-1} by the learning rate times hyperparameters; ``("decoupled", w_t)`` when
    the shrinkage is not scaled by the rate; ``("none", None)``; ``("custom", …)`` for anything else
    (both at once, or a shrinkage scaled by the state without passing through it).

    >>> from derive import catalog
    >>> regularization(catalog.get("adam").system("l2"))
    ('l2', g_t)
    """
    prev = system.weight_prev
    values = {d.target: d.expr for d in system.definitions}

    def written_out(expr: sp.Expr) -> sp.Expr:
        for _ in range(len(values) + 1):
            present = {s: values[s] for s in expr.free_symbols if s in values}
            if not present:
                break
            expr = expr.xreplace(present)
        return expr

    readers = [d.target for d in system.definitions if d.target != system.weight and prev in d.expr.free_symbols]
    through_state = [t for t in list(system.state) + list(system.atoms) if prev in written_out(values[t]).free_symbols]
    shrink = sp.expand(1 - sp.diff(written_out(values[system.weight]), prev)) if not through_state else sp.Integer(0)
    hyper = set(system.params) | _declared_hyper()
    if through_state:
        direct = sp.expand(1 - sp.diff(values[system.weight], prev))
        return ("custom", system.weight) if direct != 0 else ("l2", readers[0] if readers else through_state[0])
    if shrink == 0:
        return "none", None
    if not shrink.free_symbols <= hyper | set(sp.sympify(system.rate).free_symbols):
        return "custom", system.weight
    rate = sp.sympify(system.rate)
    if rate != 1 and sp.cancel(shrink / rate).free_symbols.isdisjoint(rate.free_symbols):
        return "decoupled-lr", system.weight
    return "decoupled", system.weight


def _as_definition(item: Definition | sp.Eq | tuple[sp.Symbol, sp.Expr]) -> Definition:
    if isinstance(item, Definition):
        return item
    if isinstance(item, sp.Eq):
        return Definition(_as_symbol(item.lhs), item.rhs)
    if isinstance(item, tuple) and len(item) == 2:
        return Definition(_as_symbol(item[0]), sp.sympify(item[1], strict=True))
    raise SystemDefinitionError(f"cannot read {item!r} as a definition: give Eq(target, expr) or (target, expr)")


def _as_symbol(target: object) -> sp.Symbol:
    if not isinstance(target, sp.Symbol):
        raise SystemDefinitionError(f"the left side of a definition must be a single symbol, got {target}")
    return target


def step_name(sym: sp.Symbol) -> tuple[str, int] | None:
    r"""``m_{t-1}`` → ("m", -1); ``\\hat{v}_{t}`` → ("\\hat{v}", 0); None for a name without a step index.

    >>> step_name(S.v_hat)
    ('\\hat{v}', 0)
    """
    m = _STEP_NAME.match(sym.name)
    if m is None or sym.name.startswith(r"\nabla"):
        return None
    return m.group("base"), int(m.group("offset") or 0)


def at_step(base: str, offset: int) -> sp.Symbol:
    """The canonical symbol ``base_{t+offset}``.

    >>> at_step("m", -1)
    m_{t-1}
    """
    index = "t" if offset == 0 else f"t{offset:+d}"
    return S.symbol(f"{base}_{{{index}}}")


def _declared_hyper() -> set[sp.Symbol]:
    return {d.symbol for d in S.all_declared() if d.role in ("hyper", "index")}


def _is_step_data(sym: sp.Symbol) -> bool:
    """A per-step quantity (x_t, x_{t-1}), as opposed to a hyperparameter such as η_t or β₁."""
    return step_name(sym) is not None and S.role(sym) not in ("hyper", "index")


def _is_gradient_atom(sym: sp.Symbol, weight_prev: sp.Symbol) -> bool:
    return sym.name.startswith(r"\nabla") and sym.name.endswith(f"({weight_prev.name})")


def _check_self_reference(defs: Sequence[Definition]) -> None:
    for d in defs:
        if d.target in d.expr.free_symbols:
            hint = ""
            named = step_name(d.target)
            if named is not None:
                hint = f" (did you mean {at_step(named[0], named[1] - 1).name} on the right?)"
            raise _row_error(f"{d.target.name} is defined through itself{hint}", d.target)


def _row_error(message: str, target: sp.Symbol | None) -> SystemDefinitionError:
    """A :class:`SystemDefinitionError` that remembers the row at fault (``err.target``)."""
    err = SystemDefinitionError(message)
    err.target = target  # type: ignore[attr-defined]
    return err


def _infer_gradient(defs: list[Definition], weight: sp.Symbol, weight_prev: sp.Symbol,
                    notes: list[Assumption]) -> tuple[sp.Symbol, list[Definition]]:
    defined = {d.target for d in defs}
    read: set[sp.Symbol] = set().union(*(d.expr.free_symbols for d in defs))
    atoms = sorted((s for s in read if _is_gradient_atom(s, weight_prev)), key=lambda s: s.name)
    if S.grad in atoms:
        return S.grad, defs
    if atoms:
        notes.append(Assumption("gradient", f"loss gradient: {printing.text(atoms[0])}"))
        return atoms[0], defs
    missing = sorted((s for s in read - defined if _is_step_data(s) and s != weight_prev
                      and not (step_name(s)[1] == -1 and at_step(step_name(s)[0], 0) in defined)),  # type: ignore[index]
                     key=lambda s: s.name)
    if not missing:
        return S.grad, defs
    if len(missing) > 1:
        names = ", ".join(s.name for s in missing)
        raise _row_error(f"{names} are read but never defined: define all but the loss gradient "
                         f"(e.g. g_{{t}} = \\nabla L(w_{{t-1}}))", next(d.target for d in defs if d.expr.free_symbols & set(missing)))
    (g,) = missing
    if step_name(g)[1] != 0:  # type: ignore[index]
        user = next(d.target for d in defs if g in d.expr.free_symbols)
        raise _row_error(f"{g.name} is read but the system never defines {at_step(step_name(g)[0], 0).name}",  # type: ignore[index]
                         user)
    notes.append(Assumption(
        "gradient", f"{printing.text(g)} is not defined anywhere: taken as the loss gradient "
        f"{printing.text(S.grad)} (if it includes λ·w_{{t-1}}, define it in the system; g(λ) depends on it)",
        severity="warning"))
    return S.grad, [Definition(g, S.grad, "the gradient of the loss (assumed)")] + list(defs)


def _infer_state(defs: Sequence[Definition], weight: sp.Symbol) -> dict[sp.Symbol, sp.Symbol]:
    read: set[sp.Symbol] = set()
    for d in defs:
        read |= d.expr.free_symbols
    state: dict[sp.Symbol, sp.Symbol] = {}
    for d in defs:
        named = step_name(d.target)
        if d.target != weight and named is not None and named[1] == 0:
            prev = at_step(named[0], -1)
            if prev in read:
                state[d.target] = prev
    return state


def _infer_params(defs: Sequence[Definition], weight_prev: sp.Symbol, gradient: sp.Symbol,
                  state: Mapping[sp.Symbol, sp.Symbol]) -> tuple[sp.Symbol, ...]:
    defined = {d.target for d in defs}
    read: set[sp.Symbol] = set().union(*(d.expr.free_symbols for d in defs))
    carried = set(state.values()) | {weight_prev, gradient}
    free = {s for s in read - defined - carried if not _is_step_data(s) and S.role(s) != "index"}
    return tuple(sorted(free, key=lambda s: s.name))


def _under_root(target: sp.Symbol, defs: Sequence[Definition]) -> bool:
    """Is ``target`` read under a square root somewhere (v̂_t in √v̂_t + ε)? Then it stays an atom."""
    for d in defs:
        for power in d.expr.atoms(sp.Pow):
            if power.exp == sp.Rational(1, 2) and target in power.base.free_symbols:
                return True
    return False


def _infer_rate(defs: Sequence[Definition], weight: sp.Symbol, weight_prev: sp.Symbol,
                hyper: set[sp.Symbol]) -> sp.Expr:
    """The hyperparameter factors of the step ``w_{t-1} − w_t`` as the weight update writes it."""
    update = next((d.expr for d in defs if d.target == weight), None)
    if update is None:
        return sp.Integer(1)
    step = sp.factor_terms(weight_prev - update)
    if step == 0:
        return sp.Integer(1)
    factors = [f for f in sp.Mul.make_args(step) if not f.is_Number and f.free_symbols
               and f.free_symbols <= hyper and not (f.is_Pow and f.exp.is_negative)]
    return sp.Mul(*factors) if factors else sp.Integer(1)


def _validated_order(system: System) -> tuple[Definition, ...]:
    """Check the system and return its definitions in an order where each uses only earlier ones.

    Definitions may be given in any order (notes often define m̂_t after using it); a cycle, a
    symbol defined twice, an undefined symbol or a missing weight update is a
    :class:`SystemDefinitionError` (with ``err.target``, the row at fault, when there is one).
    """
    defs = system.definitions
    if not defs:
        raise SystemDefinitionError("the system is empty: it needs at least the weight update w_t := …")
    by_target: dict[sp.Symbol, Definition] = {}
    for d in defs:
        if d.target in by_target:
            raise _row_error(f"{d.target.name} is defined twice", d.target)
        by_target[d.target] = d
    if system.weight not in by_target:
        raise SystemDefinitionError(
            f"the system has no weight update: define {system.weight.name} (e.g. w_t := w_{{t-1}} - eta_t * m_t)")
    known = _known_inputs(system)
    for d in defs:
        for s in sorted(d.expr.free_symbols, key=lambda s: s.name):
            if s not in by_target and s not in known:
                raise _row_error(
                    f"{s.name} in the definition of {d.target.name} is undefined: define it or pass it in params=",
                    d.target)
    if system.weight_prev not in _reachable(system.weight, by_target) and system.gradient not in _reachable(system.weight, by_target):
        raise _row_error(f"the weight update {system.weight.name} reads neither {system.weight_prev.name} "
                         "nor the gradient", system.weight)
    order: list[Definition] = []
    state: dict[sp.Symbol, int] = {}  # 1 = visiting, 2 = done

    def visit(target: sp.Symbol, path: list[sp.Symbol]) -> None:
        mark = state.get(target)
        if mark == 2:
            return
        if mark == 1:
            cycle = path[path.index(target):] + [target]
            raise _row_error("circular definition: " + " -> ".join(s.name for s in cycle), cycle[0])
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
    known |= {s for value in system.initial.values() for s in sp.sympify(value).free_symbols}
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
