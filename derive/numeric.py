"""Running a system numerically: the independent check of every derived form, and the bridge to PyTorch.

Each definition is compiled once with ``lambdify`` (float64, the ``math`` module: no NumPy needed)
and evaluated coordinate by coordinate, since every optimizer in the catalog is element-wise.
:func:`run_system` iterates the system as written; :func:`run_step_form` iterates the *derived*
form w_t = g·w_{t-1} − rate·h, feeding its own iterates back through the system's state updates.
Agreement of the two trajectories over several steps is what "the form is right" means numerically.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

import sympy as sp

from . import symbols as S
from .system import System

Gradient = Callable[[int, float], float]  # (coordinate index, weight) -> dL/dw at that coordinate


@dataclass(frozen=True)
class Problem:
    """A random separable test loss L(w) = Σ ½aᵢ(wᵢ − bᵢ)² + cᵢwᵢ⁴ and a random start."""

    a: tuple[float, ...]
    b: tuple[float, ...]
    c: tuple[float, ...]
    w0: tuple[float, ...]

    @staticmethod
    def random(size: int, seed: int) -> "Problem":
        rng = random.Random(seed)
        def vec(lo: float, hi: float) -> tuple[float, ...]:
            return tuple(rng.uniform(lo, hi) for _ in range(size))
        return Problem(vec(0.5, 2.0), vec(-1.0, 1.0), vec(0.0, 0.2), vec(-2.0, 2.0))

    def gradient(self, i: int, w: float) -> float:
        return self.a[i] * (w - self.b[i]) + 4 * self.c[i] * w ** 3


def _compile(expr: sp.Expr, args: Sequence[sp.Symbol]) -> Callable[..., float]:
    return sp.lambdify(list(args), expr, modules="math")


class Runner:
    """Compiled definitions of one system, evaluated in order for one coordinate at a time."""

    def __init__(self, system: System) -> None:
        self.system = system
        self.compiled: list[tuple[sp.Symbol, Callable[..., float], tuple[sp.Symbol, ...]]] = []
        for d in system.definitions:
            args = tuple(sorted(d.expr.free_symbols, key=lambda s: s.name))
            self.compiled.append((d.target, _compile(d.expr, args), args))

    def evaluate(self, env: dict[sp.Symbol, float], *, skip: sp.Symbol | None = None) -> dict[sp.Symbol, float]:
        """Evaluate every definition in order into ``env`` (all but ``skip``, which nothing else reads)."""
        for target, fn, args in self.compiled:
            if target != skip:
                env[target] = float(fn(*(env[a] for a in args)))
        return env


def _initial_env(system: System, hyper: Mapping[sp.Symbol, float], step: int, w: float, grad: float,
                 state: Mapping[sp.Symbol, float]) -> dict[sp.Symbol, float]:
    env: dict[sp.Symbol, float] = dict(hyper)
    env[S.t] = float(step)
    env[system.weight_prev] = w
    env[system.gradient] = grad
    env.update(state)
    return env


def run_system(system: System, hyper: Mapping[sp.Symbol, float], problem: Problem, steps: int,
               state0: Mapping[sp.Symbol, Sequence[float]] | None = None, *, first_step: int = 1) -> list[list[float]]:
    """Iterates w_1 … w_steps of the system as written (one list of coordinates per step).

    State not given in ``state0`` starts at the system's initial value (zero unless it says otherwise);
    ``first_step`` is the value of t at the first step (a branch that only applies from some t on).
    """
    runner = Runner(system)
    return _iterate(system, hyper, problem, steps, state0, lambda env: runner.evaluate(env)[system.weight],
                    first_step)


def run_step_form(system: System, decay: sp.Expr, rate: sp.Expr, h: sp.Expr, hyper: Mapping[sp.Symbol, float],
                  problem: Problem, steps: int, state0: Mapping[sp.Symbol, Sequence[float]] | None = None, *,
                  first_step: int = 1) -> list[list[float]]:
    """Iterates the derived form w_t = decay·w_{t-1} − rate·h, with the state updated by the system."""
    runner = Runner(system)
    args = tuple(sorted((decay.free_symbols | h.free_symbols | sp.sympify(rate).free_symbols), key=lambda s: s.name))
    g_fn, r_fn, h_fn = (_compile(e, args) for e in (decay, rate, h))

    def weight(env: dict[sp.Symbol, float]) -> float:
        runner.evaluate(env, skip=system.weight)
        values = [env[a] for a in args]
        return float(g_fn(*values)) * env[system.weight_prev] - float(r_fn(*values)) * float(h_fn(*values))

    return _iterate(system, hyper, problem, steps, state0, weight, first_step)


def initial_state(system: System, hyper: Mapping[sp.Symbol, float], n: int) -> dict[sp.Symbol, list[float]]:
    """Every previous-state symbol at its initial value (``system.initial``, else zero), n coordinates."""
    out: dict[sp.Symbol, list[float]] = {}
    for prev in system.state.values():
        value = sp.sympify(system.initial.get(prev, 0))
        out[prev] = [float(value.xreplace(dict(hyper)))] * n
    return out


def _iterate(system: System, hyper: Mapping[sp.Symbol, float], problem: Problem, steps: int,
             state0: Mapping[sp.Symbol, Sequence[float]] | None,
             weight: Callable[[dict[sp.Symbol, float]], float], first_step: int = 1) -> list[list[float]]:
    n = len(problem.w0)
    w = list(problem.w0)
    state = initial_state(system, hyper, n)
    state.update({prev: list(state0[prev]) for prev in state if state0 and prev in state0})
    trajectory: list[list[float]] = []
    for step in range(first_step, first_step + steps):
        new_w = []
        for i in range(n):
            env = _initial_env(system, hyper, step, w[i], problem.gradient(i, w[i]),
                               {prev: state[prev][i] for prev in state})
            new_w.append(weight(env))
            for new, prev in system.state.items():
                state[prev][i] = env[new]
        w = new_w
        trajectory.append(list(w))
    return trajectory


def random_hyperparameters(system: System, seed: int) -> dict[sp.Symbol, float]:
    """Random hyperparameters in their natural ranges (β in (0.5, 0.99), η in (0.001, 0.1), …)."""
    rng = random.Random(seed)
    ranges = {S.beta1: (0.5, 0.95), S.beta2: (0.9, 0.999), S.mu: (0.3, 0.95), S.eps: (1e-8, 1e-2),
              S.eta: (1e-3, 0.1), S.alpha: (0.1, 1.0), S.lam: (1e-3, 0.3),
              S.tau: (0.1, 0.9), S.rho: (0.5, 0.99), S.kappa: (0.0, 0.1), S.s0: (0.0, 0.5), S.psi: (1e-3, 0.05)}
    return {s: rng.uniform(*ranges.get(s, (0.1, 1.0))) for s in system.hyperparameters() if s != S.t}


def max_abs_difference(a: Sequence[Sequence[float]], b: Sequence[Sequence[float]]) -> float:
    """The largest |a − b| over two trajectories (steps × coordinates), or ``inf`` when they cannot agree.

    ``inf`` — so that any "≤ tolerance" check fails — when the shapes differ (one trajectory was cut
    short, a step lost a coordinate), when there is nothing to compare, or when a value is NaN or
    infinite (``max`` would quietly skip a NaN, and NaN compares false with everything).
    """
    if not a or len(a) != len(b):
        return math.inf
    worst = 0.0
    for ra, rb in zip(a, b):
        if not ra or len(ra) != len(rb):
            return math.inf
        for x, y in zip(ra, rb):
            difference = abs(x - y)
            if not (math.isfinite(x) and math.isfinite(y) and math.isfinite(difference)):
                return math.inf
            worst = max(worst, difference)
    return worst
