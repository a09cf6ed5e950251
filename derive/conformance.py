"""The catalog next to the frameworks themselves: ``derive conformance [--framework torch|optax|keras]``.

Each catalog entry × regularization mode is run twice on the same random separable problem
(:class:`derive.numeric.Problem`, float64): once as the symbolic system (:mod:`derive.numeric`), once by
the framework's own optimizer, configured as :mod:`derive.conventions` says (the framework's name for
each hyperparameter, its λ, its ε placement). The largest difference per step is printed; a
trajectory that is shorter, longer or not finite is a failure, never a small number.

Frameworks are optional: whichever is importable is run (torch; optax with a CPU jax, float64
enabled; Keras 3 on the torch backend, float64). Nothing is downloaded at run time.
"""
from __future__ import annotations

import argparse
import math
import os
import random
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

import sympy as sp

from . import catalog, conventions as C, numeric as N, symbols as S
from .errors import DeriveError, UsageError
from .system import System

TOLERANCE = 1e-12
STEPS = 12
SIZE = 5


class TrajectoryMismatch(DeriveError):
    """Two trajectories cannot be compared: different lengths or widths, or a value that is not finite."""


def step_differences(a: Sequence[Sequence[float]], b: Sequence[Sequence[float]]) -> list[float]:
    """The largest |a − b| at each step, over the whole of both trajectories.

    Raises :class:`TrajectoryMismatch` when the trajectories differ in length, when a step differs in
    width, or when any value is NaN or infinite: a truncated or broken run must fail a comparison,
    not pass it with the steps it happens to share.
    """
    if len(a) != len(b):
        raise TrajectoryMismatch(f"trajectories of different lengths: {len(a)} and {len(b)} steps")
    if not a:
        raise TrajectoryMismatch("empty trajectories")
    out: list[float] = []
    for step, (ra, rb) in enumerate(zip(a, b), start=1):
        if len(ra) != len(rb) or not ra:
            raise TrajectoryMismatch(f"step {step}: {len(ra)} and {len(rb)} coordinates")
        worst = 0.0
        for x, y in zip(ra, rb):
            x, y = float(x), float(y)
            if not (math.isfinite(x) and math.isfinite(y)):
                raise TrajectoryMismatch(f"step {step}: a value is not finite ({x}, {y})")
            worst = max(worst, abs(x - y))
        out.append(worst)
    return out


def strict_max_difference(a: Sequence[Sequence[float]], b: Sequence[Sequence[float]]) -> float:
    """max over :func:`step_differences`: raises on a length mismatch or a NaN instead of comparing less."""
    return max(step_differences(a, b))


# ---------------------------------------------------------------------------------------------
# What runs: the catalog's side and each framework's side of one comparison
# ---------------------------------------------------------------------------------------------

Hyper = Mapping[sp.Symbol, float]

#: Ranges for conformance runs: ε large enough that where it goes (inside or outside a root) shows.
_RANGES: dict[sp.Symbol, tuple[float, float]] = {
    S.eta: (0.01, 0.1), S.lam: (0.01, 0.2), S.mu: (0.5, 0.95), S.tau: (0.1, 0.6), S.beta1: (0.6, 0.95),
    S.beta2: (0.9, 0.999), S.eps: (1e-3, 5e-2), S.rho: (0.6, 0.99), S.kappa: (0.01, 0.2), S.s0: (0.01, 0.5),
    S.psi: (0.05, 0.5), S.alpha: (0.1, 0.9),
}


def hyperparameters(system: System, seed: int, pinned: Hyper | None = None) -> dict[sp.Symbol, float]:
    rng = random.Random(seed)
    hyper = {s: rng.uniform(*_RANGES.get(s, (0.1, 0.9))) for s in system.hyperparameters() if s != S.t}
    hyper.update({s: v for s, v in (pinned or {}).items() if s in hyper})
    return hyper


def catalog_system(name: str, mode: str, framework: str | None = None) -> System:
    """The system a framework is compared with: the framework's variant where its form differs, else
    the entry's whole trajectory (both RAdam branches)."""
    conv = C.convention(name, framework) if framework else None  # type: ignore[arg-type]
    if conv is not None and conv.variant is not None:
        return conv.variant(mode).build()
    return catalog.get(name).trajectory_system(mode)


def ours(system: System, hyper: Hyper, problem: N.Problem, steps: int) -> list[list[float]]:
    return N.run_system(system, hyper, problem, steps)


# -- torch ----------------------------------------------------------------------------------------
def _torch_make(name: str, mode: str, h: Hyper) -> Callable[[list], Any]:
    import torch.optim as O

    lr, lam = h.get(S.eta, 0.0), (h.get(S.lam, 0.0) if mode != "none" else 0.0)
    b = (h.get(S.beta1), h.get(S.beta2))
    eps = h.get(S.eps)
    dec = {"decoupled_weight_decay": True} if mode == "decoupled" else {}
    if name in ("sgdw-paper", "adamw-paper"):
        lr = h[S.eta] * h[S.alpha]
    table: dict[str, Callable[[list], Any]] = {
        "sgd": lambda p: O.SGD(p, lr=lr, weight_decay=lam),
        "momentum": lambda p: O.SGD(p, lr=lr, momentum=h[S.mu], weight_decay=lam),
        "nesterov": lambda p: O.SGD(p, lr=lr, momentum=h[S.mu], nesterov=True, weight_decay=lam),
        "momentum-dampening": lambda p: O.SGD(p, lr=lr, momentum=h[S.mu], dampening=h[S.tau], weight_decay=lam),
        "sgdw-paper": lambda p: O.SGD(p, lr=lr, momentum=h[S.beta1], weight_decay=lam),
        "adam": lambda p: O.Adam(p, lr=lr, betas=b, eps=eps, weight_decay=lam, **dec),
        "adamw": lambda p: O.AdamW(p, lr=lr, betas=b, eps=eps, weight_decay=lam),
        "adamw-paper": lambda p: (O.AdamW(p, lr=lr, betas=b, eps=eps, weight_decay=lam / h[S.alpha])
                                  if mode == "decoupled" else O.Adam(p, lr=lr, betas=b, eps=eps, weight_decay=lam)),
        "rmsprop": lambda p: O.RMSprop(p, lr=lr, alpha=h[S.rho], eps=eps, weight_decay=lam),
        "rmsprop-centered": lambda p: O.RMSprop(p, lr=lr, alpha=h[S.rho], eps=eps, centered=True, weight_decay=lam),
        "rmsprop-momentum": lambda p: O.RMSprop(p, lr=lr, alpha=h[S.rho], eps=eps, momentum=h[S.mu], weight_decay=lam),
        "adagrad": lambda p: O.Adagrad(p, lr=lr, lr_decay=h[S.kappa], initial_accumulator_value=h[S.s0], eps=eps,
                                       weight_decay=lam),
        "adadelta": lambda p: O.Adadelta(p, lr=lr, rho=h[S.rho], eps=eps, weight_decay=lam),
        "adamax": lambda p: O.Adamax(p, lr=lr, betas=b, eps=eps, weight_decay=lam),
        "nadam": lambda p: O.NAdam(p, lr=lr, betas=b, eps=eps, weight_decay=lam, momentum_decay=h[S.psi], **dec),
        "radam": lambda p: O.RAdam(p, lr=lr, betas=b, eps=eps, weight_decay=lam, **dec),
        "amsgrad": lambda p: (O.AdamW(p, lr=lr, betas=b, eps=eps, weight_decay=lam, amsgrad=True)
                              if mode == "decoupled" else O.Adam(p, lr=lr, betas=b, eps=eps, weight_decay=lam,
                                                                 amsgrad=True)),
    }
    table["radam-early"] = table["radam"]
    return table[name]


def torch_trajectory(name: str, mode: str, hyper: Hyper, problem: N.Problem, steps: int) -> list[list[float]]:
    import torch

    # float64 throughout: torch keeps scalar state (NAdam's μ-product, step counts) in the default dtype,
    # which is float32 unless set; that alone is a 1e-9 difference after a few steps.
    previous = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    try:
        w = torch.tensor(problem.w0, dtype=torch.float64, requires_grad=True)
        a, b, c = (torch.tensor(x, dtype=torch.float64) for x in (problem.a, problem.b, problem.c))
        opt = _torch_make(name, mode, hyper)([w])
        out = []
        for _ in range(steps):
            opt.zero_grad()
            loss = (0.5 * a * (w - b) ** 2 + c * w ** 4).sum()
            loss.backward()
            opt.step()
            out.append(w.detach().tolist())
        return out
    finally:
        torch.set_default_dtype(previous)


# -- optax ----------------------------------------------------------------------------------------
def _optax_make(name: str, mode: str, h: Hyper) -> Any:
    import optax as O

    lr, lam = h.get(S.eta, 0.0), h.get(S.lam, 0.0)
    b1, b2, eps = h.get(S.beta1), h.get(S.beta2), h.get(S.eps)
    if name in ("sgdw-paper", "adamw-paper"):
        lr = h[S.eta] * h[S.alpha]

    def decoupled(*scale: Any) -> Any:
        return O.chain(*scale, O.add_decayed_weights(lam), O.scale_by_learning_rate(lr))

    plain: dict[str, Callable[[], Any]] = {
        "sgd": lambda: O.sgd(lr),
        "momentum": lambda: O.sgd(lr, momentum=h.get(S.mu)),
        "nesterov": lambda: O.sgd(lr, momentum=h.get(S.mu), nesterov=True),
        "sgdw-paper": lambda: O.sgd(lr, momentum=h.get(S.beta1)),
        "adam": lambda: O.adam(lr, b1=b1, b2=b2, eps=eps),
        "adamw-paper": lambda: O.adam(lr, b1=b1, b2=b2, eps=eps),
        "rmsprop": lambda: O.rmsprop(lr, decay=h.get(S.rho), eps=eps),
        "rmsprop-centered": lambda: O.rmsprop(lr, decay=h.get(S.rho), eps=eps, centered=True),
        "rmsprop-momentum": lambda: O.rmsprop(lr, decay=h.get(S.rho), eps=eps, momentum=h.get(S.mu)),
        "adagrad": lambda: O.adagrad(lr, initial_accumulator_value=h.get(S.s0), eps=eps),
        "adadelta": lambda: O.adadelta(lr, rho=h.get(S.rho), eps=eps),
        "adamax": lambda: O.adamax(lr, b1=b1, b2=b2, eps=eps),
        "nadam": lambda: O.nadam(lr, b1=b1, b2=b2, eps=eps),
        "radam": lambda: O.radam(lr, b1=b1, b2=b2, eps=eps),
        "amsgrad": lambda: O.amsgrad(lr, b1=b1, b2=b2, eps=eps),
        "lion": lambda: O.lion(lr, b1=b1, b2=b2, weight_decay=0.0),
    }
    plain["radam-early"] = plain["radam"]
    if mode == "none":
        return plain[name]()
    if mode == "l2":
        if name == "adadelta":
            return O.adadelta(lr, rho=h.get(S.rho), eps=eps, weight_decay=lam)
        return O.chain(O.add_decayed_weights(lam), plain[name]())
    coupled_out: dict[str, Callable[[], Any]] = {
        "sgd": lambda: decoupled(),
        "momentum": lambda: decoupled(O.trace(h.get(S.mu))),
        "nesterov": lambda: decoupled(O.trace(h.get(S.mu), nesterov=True)),
        "sgdw-paper": lambda: O.chain(O.trace(h.get(S.beta1)), O.add_decayed_weights(lam / h[S.alpha]),
                                      O.scale_by_learning_rate(lr)),
        "adam": lambda: O.adamw(lr, b1=b1, b2=b2, eps=eps, weight_decay=lam),
        "adamw": lambda: O.adamw(lr, b1=b1, b2=b2, eps=eps, weight_decay=lam),
        "adamw-paper": lambda: O.adamw(lr, b1=b1, b2=b2, eps=eps, weight_decay=lam / h[S.alpha]),
        "rmsprop": lambda: decoupled(O.scale_by_rms(h.get(S.rho), eps)),
        "rmsprop-centered": lambda: decoupled(O.scale_by_stddev(h.get(S.rho), eps)),
        "rmsprop-momentum": lambda: decoupled(O.scale_by_rms(h.get(S.rho), eps), O.trace(h.get(S.mu))),
        "adagrad": lambda: decoupled(O.scale_by_rss(h.get(S.s0), eps)),
        "adadelta": lambda: decoupled(O.scale_by_adadelta(h.get(S.rho), eps)),
        "adamax": lambda: O.adamaxw(lr, b1=b1, b2=b2, eps=eps, weight_decay=lam),
        "nadam": lambda: O.nadamw(lr, b1=b1, b2=b2, eps=eps, weight_decay=lam),
        "radam": lambda: decoupled(O.scale_by_radam(b1, b2, eps)),
        "amsgrad": lambda: decoupled(O.scale_by_amsgrad(b1, b2, eps)),
        "lion": lambda: O.lion(lr, b1=b1, b2=b2, weight_decay=lam),
    }
    coupled_out["radam-early"] = coupled_out["radam"]
    return coupled_out[name]()


def _jax() -> Any:
    import jax

    jax.config.update("jax_enable_x64", True)
    jax.config.update("jax_platforms", "cpu")
    return jax


def optax_trajectory(name: str, mode: str, hyper: Hyper, problem: N.Problem, steps: int) -> list[list[float]]:
    jax = _jax()
    import jax.numpy as jnp
    import optax

    a, b, c = (jnp.asarray(x, dtype=jnp.float64) for x in (problem.a, problem.b, problem.c))
    w = jnp.asarray(problem.w0, dtype=jnp.float64)
    grad = jax.grad(lambda w: jnp.sum(0.5 * a * (w - b) ** 2 + c * w ** 4))
    opt = _optax_make(name, mode, hyper)
    state = opt.init(w)
    out = []
    for _ in range(steps):
        updates, state = opt.update(grad(w), state, w)
        w = optax.apply_updates(w, updates)
        out.append([float(x) for x in w])
    return out


# -- Keras 3 (torch backend) ----------------------------------------------------------------------
def _keras() -> Any:
    os.environ.setdefault("KERAS_BACKEND", "torch")
    import keras

    if keras.backend.backend() != "torch":
        raise DeriveError(f"Keras runs on the {keras.backend.backend()} backend; set KERAS_BACKEND=torch")
    keras.config.set_floatx("float64")
    return keras


def _keras_make(name: str, mode: str, h: Hyper) -> Any:
    keras = _keras()
    opt = keras.optimizers
    lr = h.get(S.eta, 0.0)
    wd = {"weight_decay": h[S.lam]} if mode == "decoupled" else {}
    b1, b2, eps = h.get(S.beta1), h.get(S.beta2), h.get(S.eps)
    table: dict[str, Callable[[], Any]] = {
        "sgd": lambda: opt.SGD(learning_rate=lr, **wd),
        "momentum": lambda: opt.SGD(learning_rate=lr, momentum=h.get(S.mu), **wd),
        "nesterov": lambda: opt.SGD(learning_rate=lr, momentum=h.get(S.mu), nesterov=True, **wd),
        "adam": lambda: opt.Adam(learning_rate=lr, beta_1=b1, beta_2=b2, epsilon=eps, **wd),
        "adamw": lambda: opt.AdamW(learning_rate=lr, beta_1=b1, beta_2=b2, epsilon=eps, **wd),
        "rmsprop": lambda: opt.RMSprop(learning_rate=lr, rho=h.get(S.rho), epsilon=eps, **wd),
        "rmsprop-centered": lambda: opt.RMSprop(learning_rate=lr, rho=h.get(S.rho), epsilon=eps, centered=True, **wd),
        "rmsprop-momentum": lambda: opt.RMSprop(learning_rate=lr, rho=h.get(S.rho), epsilon=eps, momentum=h.get(S.mu), **wd),
        "adagrad": lambda: opt.Adagrad(learning_rate=lr, initial_accumulator_value=h.get(S.s0), epsilon=eps, **wd),
        "adadelta": lambda: opt.Adadelta(learning_rate=lr, rho=h.get(S.rho), epsilon=eps, **wd),
        "adamax": lambda: opt.Adamax(learning_rate=lr, beta_1=b1, beta_2=b2, epsilon=eps, **wd),
        "nadam": lambda: opt.Nadam(learning_rate=lr, beta_1=b1, beta_2=b2, epsilon=eps, **wd),
        "amsgrad": lambda: opt.Adam(learning_rate=lr, beta_1=b1, beta_2=b2, epsilon=eps, amsgrad=True, **wd),
        "lion": lambda: opt.Lion(learning_rate=lr, beta_1=b1, beta_2=b2, **wd),
    }
    return table[name]()


def keras_trajectory(name: str, mode: str, hyper: Hyper, problem: N.Problem, steps: int) -> list[list[float]]:
    keras = _keras()
    import torch

    var = keras.Variable(list(problem.w0), dtype="float64")
    a, b, c = (torch.tensor(x, dtype=torch.float64) for x in (problem.a, problem.b, problem.c))
    # L2 the Keras way: a loss term. regularizers.L2(c) adds c·Σw², whose gradient is 2c·w: c = λ/2.
    reg = keras.regularizers.L2(hyper[S.lam] / 2) if mode == "l2" else None
    opt = _keras_make(name, mode, hyper)
    out = []
    for _ in range(steps):
        w = var.value.detach().clone().requires_grad_(True)  # the torch backend holds a torch tensor
        loss = (0.5 * a * (w - b) ** 2 + c * w ** 4).sum()
        if reg is not None:
            loss = loss + reg(w)
        (grad,) = torch.autograd.grad(loss, w)
        opt.apply_gradients([(grad, var)])
        out.append([float(x) for x in var.value.detach().tolist()])
    return out


TRAJECTORIES: dict[str, Callable[[str, str, Hyper, N.Problem, int], list[list[float]]]] = {
    "torch": torch_trajectory, "optax": optax_trajectory, "keras": keras_trajectory,
}


def installed(framework: str) -> bool:
    """Can this framework be imported here (without importing it for real)?"""
    import importlib.util

    module = {"torch": "torch", "optax": "optax", "keras": "keras"}[framework]
    found = importlib.util.find_spec(module) is not None
    if framework == "keras":
        found = found and importlib.util.find_spec("torch") is not None
    if framework == "optax":
        found = found and importlib.util.find_spec("jax") is not None
    return found


# ---------------------------------------------------------------------------------------------
# Runs
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """One comparison: a catalog entry in one mode against one framework."""

    name: str
    mode: str
    framework: str

    @property
    def label(self) -> str:
        return f"{self.name}-{self.mode}@{self.framework}"


def cases(frameworks: Sequence[str] = C.RUNNABLE) -> list[Case]:
    """Every entry × mode × framework the conventions say the framework can run."""
    out = []
    for name in catalog.names():
        for framework in frameworks:
            conv = C.convention(name, framework)  # type: ignore[arg-type]
            if conv is None:
                continue
            for mode in catalog.get(name).modes:
                if mode in conv.modes and (conv.api and not conv.api.startswith("—")):
                    out.append(Case(name, mode, framework))
    return out


@dataclass(frozen=True)
class Result:
    case: Case
    per_step: tuple[float, ...]
    error: str | None = None

    @property
    def worst(self) -> float:
        return max(self.per_step) if self.per_step else math.inf

    @property
    def ok(self) -> bool:
        return self.error is None and self.worst <= TOLERANCE


def compare_case(case: Case, *, seed: int = 0, steps: int = STEPS, size: int = SIZE,
                 system: System | None = None, hyper: Hyper | None = None) -> Result:
    """Run ``case`` on a random problem; ``system``/``hyper`` override the catalog's (negative controls)."""
    conv = C.convention(case.name, case.framework)  # type: ignore[arg-type]
    system = system if system is not None else catalog_system(case.name, case.mode, case.framework)
    if hyper is None:
        hyper = hyperparameters(catalog.get(case.name).trajectory_system(case.mode), seed,
                                conv.pinned if conv else None)
        hyper = {**hyper, **hyperparameters(system, seed, conv.pinned if conv else None), **hyper}
    problem = N.Problem.random(size, seed + 1000)
    theirs = TRAJECTORIES[case.framework](case.name, case.mode, hyper, problem, steps)
    mine = ours(system, hyper, problem, steps)
    try:
        return Result(case, tuple(step_differences(mine, theirs)))
    except TrajectoryMismatch as err:
        return Result(case, (), str(err))


# ---------------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------------
def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="*", metavar="NAME", help="catalog entries (default: all)")
    parser.add_argument("--framework", action="append", choices=C.RUNNABLE, default=None,
                        help="torch, optax or keras (repeatable; default: every installed one)")
    parser.add_argument("--seeds", type=int, default=2, metavar="N", help="random problems per case (default: 2)")
    parser.add_argument("--steps", type=int, default=STEPS, metavar="K", help=f"steps per run (default: {STEPS}, at least 10)")
    parser.add_argument("--summary", action="store_true",
                        help="one line per case (the largest difference over all steps) instead of one per step too")


def run(args: argparse.Namespace) -> int:
    if args.steps < 10:
        raise UsageError("--steps must be at least 10")
    for name in args.names:
        catalog.get(name)
    wanted = args.framework or list(C.RUNNABLE)
    frameworks = [f for f in wanted if installed(f)]
    for f in wanted:
        if f not in frameworks:
            print(f"{f}: not installed (pip install -e '.[{f}]'), skipped")
    if args.framework and not frameworks:
        raise UsageError("none of the requested frameworks is installed")
    failures = 0
    count = 0
    for case in cases(frameworks):
        if args.names and case.name not in args.names:
            continue
        per_step = [0.0] * args.steps
        error = None
        for seed in range(args.seeds):
            result = compare_case(case, seed=seed, steps=args.steps)
            if result.error:
                error = result.error
                break
            per_step = [max(x, y) for x, y in zip(per_step, result.per_step)]
        count += 1
        worst = max(per_step)
        ok = error is None and worst <= TOLERANCE
        failures += not ok
        status = "ok  " if ok else "FAIL"
        detail = error or f"max |Δw| = {worst:.1e}"
        print(f"{status} {case.label:<42} {detail}")
        if not args.summary and error is None:
            print("     per step: " + " ".join(f"{x:.0e}" for x in per_step))
    print(f"{count - failures} of {count} cases agree to {TOLERANCE:g} over {args.steps} steps "
          f"({args.seeds} random problems each, float64)")
    return 1 if failures else 0
