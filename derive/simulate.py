"""Numbers for a derivation: run its system and its derived step form side by side on a small problem.

The step form w_t = g(λ)·w_{t-1} − η_t·h is a statement about every step; :func:`simulate` shows it
at work. It iterates the optimizer's system as written and, separately, the derived form (its state
kept by the system's own updates), on a separable quadratic L(w) = ½ Σ aᵢ (wᵢ − bᵢ)², and records at
each step the decay factor g evaluated at the system's state. ``1 − g`` per coordinate is the
*effective decay*: how much of each weight the step takes away. With Adam and L2 it differs from
coordinate to coordinate by orders of magnitude on a badly scaled problem; with AdamW it is η_t·λ
for every coordinate.

Pure Python float64 by default (``math``; no dependency); ``backend="numpy"`` evaluates all
coordinates at once when NumPy is installed.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Literal, Mapping, Sequence

import sympy as sp

from . import printing
from . import symbols as S
from .display import clip, latex_number
from .errors import UsageError
from .numeric import Problem
from .system import System

if TYPE_CHECKING:
    from .derivation import Derivation

Backend = Literal["python", "numpy"]

#: Hyperparameters used when the caller does not fix them (PyTorch's Adam defaults, a visible λ); a
#: catalog entry's own torch.optim defaults (``Optimizer.defaults``: RMSprop's ρ = 0.99, Adadelta's
#: ρ = 0.9 and η = 1, NAdam's ψ = 4e-3, …) take precedence.
DEFAULT_HYPER: dict[str, float] = {"eta": 0.01, "alpha": 1.0, "lam": 0.01, "mu": 0.9, "beta1": 0.9,
                                   "beta2": 0.999, "eps": 1e-8}


def badly_scaled_quadratic(scales: Sequence[float] = (100.0, 1.0, 0.01), *, target: float = 1.0,
                           start: float = 0.0) -> Problem:
    """L(w) = ½ Σ aᵢ (wᵢ − b)²: curvatures ``scales`` (four orders of magnitude by default), one minimum.

    >>> p = badly_scaled_quadratic()
    >>> p.a, p.gradient(0, 0.5)
    ((100.0, 1.0, 0.01), -50.0)
    """
    n = len(scales)
    return Problem(tuple(float(a) for a in scales), (float(target),) * n, (0.0,) * n, (float(start),) * n)


@dataclass(frozen=True)
class Simulation:
    """Trajectories of a system and of its derived step form, and the decay factor along the way.

    ``weights[s][i]`` is coordinate i after step ``first_step + s`` (the system as written),
    ``weights_form`` the same from the derived form, ``decay[s][i]`` the factor g at that step
    evaluated at the system's state; :attr:`effective_decay` is 1 − g.
    """

    label: str
    hyper: tuple[tuple[str, float], ...]
    problem: Problem
    weights: tuple[tuple[float, ...], ...]
    weights_form: tuple[tuple[float, ...], ...]
    decay: tuple[tuple[float, ...], ...]
    #: The value of t at the first recorded step: 1, or where the entry's formula starts to apply
    #: (RAdam's rectified branch: the steps before it are run by the optimizer's full rule, unrecorded).
    first_step: int = 1
    #: For one branch of a rule that switches (RAdam's early steps): the last recorded step at which
    #: the optimizer's full rule still makes the same step; None when it does at every step.
    full_rule_until: int | None = None
    #: Values the full rule needs that this branch does not read (RAdam's β₂ for the early steps).
    full_rule_hyper: tuple[tuple[str, float], ...] = ()

    @property
    def steps(self) -> int:
        return len(self.weights)

    @property
    def step_numbers(self) -> range:
        """The value of t at each recorded step."""
        return range(self.first_step, self.first_step + self.steps)

    @property
    def effective_decay(self) -> tuple[tuple[float, ...], ...]:
        """1 − g per step and coordinate: the share of each weight the step's decay takes away."""
        return tuple(tuple(1.0 - g for g in row) for row in self.decay)

    @property
    def max_difference(self) -> float:
        """max |system − form| over every step and coordinate; ``inf`` if either run is cut short or NaN."""
        return max_abs_difference(self.weights, self.weights_form)

    def __repr__(self) -> str:
        last = ", ".join(f"{x:.3g}" for x in self.effective_decay[-1]) if self.steps else "—"
        return clip(f"Simulation({self.label}: {self.steps} steps × {len(self.problem.w0)} coordinates; "
                    f"max |system − form| = {self.max_difference:.2g}; 1 − g at the last step: {last}"
                    f"{self._departs()})", 260)

    def _departs(self) -> str:
        if self.full_rule_until is None:
            return ""
        extra = ", ".join(f"{S.text_name(S.lookup(k))} = {v:g}" for k, v in self.full_rule_hyper)
        return (f"; the optimizer's full rule{f' (with {extra})' if extra else ''} takes other steps "
                f"after step {self.full_rule_until}")

    def _repr_markdown_(self) -> str:
        n = len(self.problem.w0)
        rows = sorted({0, min(9, self.steps - 1), self.steps - 1}) if self.steps else []
        head = "| step | " + " | ".join(f"$w_{{{i + 1}}}$ | $1 - g$ ({i + 1})" for i in range(n)) + " |"
        rule = "|---:|" + "---:|---:|" * n
        body = ["| " + str(self.first_step + s) + " | " + " | ".join(f"{self.weights[s][i]:.6g} | {1 - self.decay[s][i]:.3g}"
                                                     for i in range(n)) + " |" for s in rows]
        hyper = ", ".join(f"${printing.latex(S.lookup(k))} = {latex_number(v)}$" for k, v in self.hyper)
        scales = ", ".join(f"{a:g}" for a in self.problem.a)
        return "\n".join([f"**{self.label}** on ½ Σ aᵢ (wᵢ − bᵢ)², a = ({scales}); {hyper}", "", head, rule, *body, "",
                          f"System and derived form agree to {self.max_difference:.2g}{self._departs()}."]) + "\n"


def max_abs_difference(a: Sequence[Sequence[float]], b: Sequence[Sequence[float]]) -> float:
    """The largest coordinate difference; ``inf`` for different shapes, NaN or infinity anywhere.

    >>> max_abs_difference([[1.0, 2.0]], [[1.0, 2.5]])
    0.5
    >>> max_abs_difference([[1.0]], []), max_abs_difference([[float("nan")]], [[0.0]])
    (inf, inf)
    """
    if len(a) != len(b) or not a:
        return math.inf
    worst = 0.0
    for ra, rb in zip(a, b):
        if len(ra) != len(rb):
            return math.inf
        for x, y in zip(ra, rb):
            if not (math.isfinite(x) and math.isfinite(y)):
                return math.inf
            worst = max(worst, abs(x - y))
    return worst


def resolve_hyper(d: "Derivation", hyper: Mapping[str | sp.Symbol, float] | None,
                  system: System | None = None) -> dict[sp.Symbol, float]:
    """Values for every hyperparameter of ``system`` (``d``'s by default): the caller's (by any name),
    else the catalog entry's torch.optim defaults, else :data:`DEFAULT_HYPER`.

    A name may also be a hyperparameter of the full rule ``d`` is a branch of (β₂ for RAdam's early
    steps, which do not read it): it is used only where that rule is run.

    >>> from derive import derive
    >>> sorted((S.text_name(k), v) for k, v in resolve_hyper(derive("momentum"), {"η_t": 0.1}).items())
    [('η_t', 0.1), ('λ', 0.01), ('μ', 0.9)]
    """
    system = system if system is not None else d.system
    needed = [s for s in system.hyperparameters() if s != S.t]
    full = _full_rule(d)
    known = set(d.system.hyperparameters()) | (set(full.hyperparameters()) if full is not None else set())
    values: dict[sp.Symbol, float] = {}
    for name, value in (hyper or {}).items():
        sym = S.lookup(name)
        if sym not in known or sym == S.t:
            from .errors import UnknownNameError

            raise UnknownNameError(f"{S.text_name(sym)} is not a parameter of {d.title}")
        if sym in needed:
            values[sym] = float(value)
    defaults = dict(DEFAULT_HYPER)
    if d.optimizer is not None:
        defaults.update(d.optimizer.defaults)
    for sym in needed:
        if sym not in values:
            default = defaults.get(S.python_name(sym) or "")
            if default is None:
                raise UsageError(f"give a value for {S.text_name(sym)}: hyper={{{sym.name!r}: …}}")
            values[sym] = default
    return values


def simulate(d: "Derivation", problem: Problem | None = None, *, steps: int = 50,
             hyper: Mapping[str | sp.Symbol, float] | None = None, backend: Backend = "python") -> Simulation:
    """Run ``d``'s system and its step form for ``steps`` steps from the optimizer's initial state.

    The state starts where the system says (zero, or its ``initial`` values: Adagrad's s₀, NAdam's
    π₀ = 1). An entry whose formula holds only from some step on (RAdam's rectified branch,
    ``Optimizer.first_step``) is first run up to there by the optimizer's full rule, as torch.optim
    runs it; the recorded steps start at that t (:attr:`Simulation.first_step`).

    >>> from derive import derive
    >>> sim = derive("adamw").simulate(steps=5)
    >>> sim.max_difference < 1e-12, sorted({round(x, 12) for row in sim.effective_decay for x in row})
    (True, [0.0001])
    >>> derive("radam").simulate(steps=3).step_numbers
    range(20, 23)
    """
    if steps < 1 or steps > 100_000:
        raise UsageError(f"steps must be between 1 and 100000, got {steps}")
    if backend not in ("python", "numpy"):
        raise UsageError(f"unknown backend {backend!r}: python or numpy")
    problem = problem if problem is not None else badly_scaled_quadratic()
    values = resolve_hyper(d, hyper)
    first, start = _start(d, values, hyper, problem)
    run = _run_numpy if backend == "numpy" else _run_python
    weights, decay = run(d, values, start, steps, first, form=False)
    weights_form, _ = run(d, values, start, steps, first, form=True)
    hyper_out = tuple((S.python_name(s) or s.name, v) for s, v in sorted(values.items(), key=lambda kv: kv[0].name))
    until, extra = _full_rule_until(d, hyper, problem, first, weights)
    return Simulation(d.label, hyper_out, problem, weights, weights_form, decay, first, until, extra)


def _full_rule(d: "Derivation") -> System | None:
    """The rule a framework iterates when ``d`` is one branch of it (RAdam), with ``d.at`` values; else None."""
    if d.optimizer is None:
        return None
    full = d.optimizer.trajectory_system(d.reg)
    if d.at_values:
        fixed = dict(d.at_values)
        full = full.with_definitions(replace(df, expr=df.expr.xreplace(fixed)) for df in full.definitions)
    return None if full.definitions == d.system.definitions else full


def _with_fixed(d: "Derivation", values: Mapping[sp.Symbol, float]) -> dict[sp.Symbol, float]:
    out = dict(values)
    out.update({k: float(v) for k, v in d.at_values if sp.sympify(v).is_number})
    return out


def _full_rule_until(d: "Derivation", hyper: Mapping[str | sp.Symbol, float] | None, problem: Problem, first: int,
                     weights: Sequence[Sequence[float]]) -> tuple[int | None, tuple[tuple[str, float], ...]]:
    """The last recorded step the full rule agrees with (≤ 1e-12), or None if it agrees at every one;
    and the values of the full rule's own hyperparameters (those this branch does not read)."""
    from .numeric import run_system

    full = _full_rule(d)
    if full is None:
        return None, ()
    values = resolve_hyper(d, hyper, full)
    mine = set(d.system.hyperparameters())
    extra = tuple(sorted((S.python_name(k) or k.name, v) for k, v in values.items() if k not in mine))
    reference = run_system(full, _with_fixed(d, values), problem, first - 1 + len(weights))[first - 1:]
    for s, (a, b) in enumerate(zip(weights, reference)):
        if max_abs_difference([a], [b]) > 1e-12:
            return first + s - 1, extra
    return None, extra


@dataclass(frozen=True)
class _Start:
    """Where the recorded steps begin: the problem, the weights and the state (per coordinate)."""

    problem: Problem
    w: tuple[float, ...]
    state: dict[sp.Symbol, list[float]]


def _start(d: "Derivation", values: Mapping[sp.Symbol, float], hyper: Mapping[str | sp.Symbol, float] | None,
           problem: Problem) -> tuple[int, _Start]:
    """(t of the first recorded step, the weights and state before it).

    Before ``first_step`` the entry's own formula does not apply (RAdam's rectification is not a real
    number while ρ_t ≤ 4), so those steps run the entry's trajectory system, the rule a framework
    iterates, from the initial state.
    """
    from .numeric import Runner, initial_state

    n = len(problem.w0)
    first = d.optimizer.first_step if d.optimizer is not None else 1
    env_values = _with_fixed(d, values)
    state = initial_state(d.system, env_values, n)
    w = list(problem.w0)
    warm = _full_rule(d) if first > 1 else None
    if warm is not None:
        env_values = _with_fixed(d, resolve_hyper(d, hyper, warm))
        runner = Runner(warm)
        warm_state = initial_state(warm, env_values, n)
        for step in range(1, first):
            for i in range(n):
                env: dict[sp.Symbol, float] = dict(env_values)
                env[S.t] = float(step)
                env[warm.weight_prev] = w[i]
                env[warm.gradient] = problem.gradient(i, w[i])
                env.update({prev: warm_state[prev][i] for prev in warm_state})
                runner.evaluate(env)
                w[i] = env[warm.weight]
                for new, prev in warm.state.items():
                    warm_state[prev][i] = env[new]
        state.update({prev: warm_state[prev] for prev in state if prev in warm_state})
    return first, _Start(problem, tuple(w), state)


def _args(d: "Derivation") -> tuple[sp.Symbol, ...]:
    exprs = (d.decay, d.h, sp.sympify(d.rate))
    return tuple(sorted(set().union(*(e.free_symbols for e in exprs)), key=lambda s: s.name))


def _run_python(d: "Derivation", values: Mapping[sp.Symbol, float], start: _Start, steps: int, first: int, *,
                form: bool) -> tuple[tuple[tuple[float, ...], ...], tuple[tuple[float, ...], ...]]:
    from .numeric import Runner

    system = d.system
    runner = Runner(system)
    args = _args(d)
    g_fn, r_fn, h_fn = (sp.lambdify(list(args), e, modules="math") for e in (d.decay, d.rate, d.h))
    problem = start.problem
    n = len(problem.w0)
    w = list(start.w)
    state = {prev: list(values_) for prev, values_ in start.state.items()}
    weights: list[tuple[float, ...]] = []
    decay: list[tuple[float, ...]] = []
    for step in range(first, first + steps):
        new_w, g_row = [], []
        for i in range(n):
            env: dict[sp.Symbol, float] = dict(values)
            env[S.t] = float(step)
            env[system.weight_prev] = w[i]
            env[system.gradient] = problem.gradient(i, w[i])
            env.update({prev: state[prev][i] for prev in state})
            runner.evaluate(env, skip=system.weight if form else None)
            point = [env[a] for a in args]
            g = float(g_fn(*point))
            if form:
                new_w.append(g * env[system.weight_prev] - float(r_fn(*point)) * float(h_fn(*point)))
            else:
                new_w.append(env[system.weight])
            g_row.append(g)
            for new, prev in system.state.items():
                state[prev][i] = env[new]
        w = new_w
        weights.append(tuple(w))
        decay.append(tuple(g_row))
    return tuple(weights), tuple(decay)


def _run_numpy(d: "Derivation", values: Mapping[sp.Symbol, float], start: _Start, steps: int, first: int, *,
               form: bool) -> tuple[tuple[tuple[float, ...], ...], tuple[tuple[float, ...], ...]]:
    try:
        import numpy as np
    except ImportError:
        raise UsageError("backend='numpy' needs NumPy: pip install 'derive[plot]' (or numpy)") from None
    system = d.system
    compiled: list[tuple[sp.Symbol, Callable[..., object], tuple[sp.Symbol, ...]]] = []
    for df in system.definitions:
        fargs = tuple(sorted(df.expr.free_symbols, key=lambda s: s.name))
        compiled.append((df.target, sp.lambdify(list(fargs), df.expr, modules="numpy"), fargs))
    args = _args(d)
    g_fn, r_fn, h_fn = (sp.lambdify(list(args), e, modules="numpy") for e in (d.decay, d.rate, d.h))
    problem = start.problem
    a, b = np.array(problem.a), np.array(problem.b)
    c = np.array(problem.c)
    n = len(problem.w0)
    w = np.array(start.w, dtype=np.float64)
    state = {prev: np.array(values_, dtype=np.float64) for prev, values_ in start.state.items()}
    weights: list[tuple[float, ...]] = []
    decay: list[tuple[float, ...]] = []
    for step in range(first, first + steps):
        env: dict[sp.Symbol, object] = {s: np.full(n, v) for s, v in values.items()}
        env[S.t] = np.full(n, float(step))
        env[system.weight_prev] = w
        env[system.gradient] = a * (w - b) + 4 * c * w ** 3
        env.update(state)
        for target, fn, fargs in compiled:
            if not (form and target == system.weight):
                env[target] = np.broadcast_to(np.asarray(fn(*(env[x] for x in fargs)), dtype=np.float64), (n,))
        point = [env[x] for x in args]
        g = np.broadcast_to(np.asarray(g_fn(*point), dtype=np.float64), (n,))
        if form:
            r = np.broadcast_to(np.asarray(r_fn(*point), dtype=np.float64), (n,))
            h = np.broadcast_to(np.asarray(h_fn(*point), dtype=np.float64), (n,))
            w = g * w - r * h
        else:
            w = np.array(env[system.weight], dtype=np.float64)
        for new, prev in system.state.items():
            state[prev] = np.array(env[new], dtype=np.float64)
        weights.append(tuple(float(x) for x in w))
        decay.append(tuple(float(x) for x in g))
    return tuple(weights), tuple(decay)
