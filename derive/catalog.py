"""The catalog: every optimizer as a recipe of blocks, for each regularization mode.

Mode names a user types are ``none``, ``l2`` and ``decoupled``. What *decoupled* means depends on the
source the entry follows: PyTorch, optax and Keras multiply the decay by the learning rate
(``decoupled-lr``: w ← (1 − η_t λ) w); the paper (Loshchilov & Hutter, 2019) and TF Addons by the
schedule multiplier only (``decoupled-schedule``: η_t λ with base rate α outside it).

Beyond Adam the catalog follows torch.optim (SGD with dampening, RMSprop plain/centered/with momentum,
Adagrad, Adadelta, Adamax, NAdam, RAdam's two branches, AMSGrad) and Lion's paper; each entry has every
mode some framework offers for it. How optax and Keras 3 differ from these forms is data in
:mod:`derive.conventions`, checked against the frameworks by :mod:`derive.conformance`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import blocks as B
from . import symbols as S
from .errors import UsageError
from .system import System

MODES = ("none", "l2", "decoupled")


@dataclass(frozen=True)
class Optimizer:
    """A catalog entry: how to build its system in each regularization mode it supports."""

    name: str
    title: str
    source: str
    modes: tuple[str, ...]
    default_mode: str
    decoupled_kind: str  # "decoupled-lr" or "decoupled-schedule"
    _build: Callable[[str], B.Recipe]
    #: The first step at which the system's formula applies (RAdam's rectified branch needs ρ_t > 5).
    first_step: int = 1
    #: The whole trajectory when the entry is one branch of a rule that switches between branches
    #: (RAdam): what a framework runs. None: the entry's own system.
    _trajectory: Callable[[str], B.Recipe] | None = None
    #: Values of hyperparameters (by Python name, ``derive.symbols``) that torch.optim uses when they
    #: are not given, where they differ from the general defaults of :data:`derive.simulate.DEFAULT_HYPER`:
    #: what :func:`derive.simulate.simulate` runs the entry with.
    defaults: tuple[tuple[str, float], ...] = ()

    def system(self, mode: str | None = None) -> System:
        mode = self.check_mode(mode)
        return self._build(mode).build()

    def trajectory_system(self, mode: str | None = None) -> System:
        """The system a framework iterates from step 1 (both branches of RAdam); else :meth:`system`."""
        mode = self.check_mode(mode)
        return (self._trajectory or self._build)(mode).build()

    def check_mode(self, mode: str | None) -> str:
        mode = self.default_mode if mode is None else mode
        if mode not in MODES:
            raise UsageError(f"unknown regularization mode {mode!r}: choose one of {', '.join(MODES)}")
        if mode not in self.modes:
            raise UsageError(f"{self.name} has no mode {mode!r} (it supports {', '.join(self.modes)})"
                             + ("; for Adam with L2 use 'adam --reg l2'" if self.name == "adamw" else ""))
        return mode

    def detail(self, mode: str) -> str:
        """The precise mode: none, l2, decoupled-lr or decoupled-schedule."""
        return self.decoupled_kind if mode == "decoupled" else mode


def _l2(mode: str) -> tuple[B.Block, ...]:
    return (B.add_decayed_weights(S.lam),) if mode == "l2" else ()


def _decay_lr(mode: str) -> tuple[B.Block, ...]:
    return (B.add_decayed_weights(S.lam),) if mode == "decoupled" else ()


def _sgd(mode: str) -> B.Recipe:
    return B.Recipe(_l2(mode) + (B.name_gradient(),) + _decay_lr(mode))


def _momentum(mode: str) -> B.Recipe:
    return B.Recipe(_l2(mode) + (B.name_gradient(), B.trace(S.mu)) + _decay_lr(mode))


def _nesterov(mode: str) -> B.Recipe:
    return B.Recipe(_l2(mode) + (B.name_gradient(), B.trace(S.mu, nesterov=True)) + _decay_lr(mode))


def _adam(mode: str) -> B.Recipe:
    return B.Recipe(_l2(mode) + (B.name_gradient(), B.scale_by_adam()) + _decay_lr(mode))


def _sgdw_paper(mode: str) -> B.Recipe:
    decay = (B.add_decayed_weights(S.eta * S.lam),) if mode == "decoupled" else ()
    return B.Recipe(_l2(mode) + (B.name_gradient(), B.trace_scaled(S.beta1, S.eta * S.alpha)) + decay,
                    rate=1)


def _adamw_paper(mode: str) -> B.Recipe:
    return B.Recipe(_l2(mode) + (B.name_gradient(), B.scale_by_adam(), B.scale(S.alpha)) + _decay_lr(mode))


def _with_reg(mode: str, *blocks: B.Block, rate: object = S.eta) -> B.Recipe:
    """L2 before the blocks (the optimizer sees g_t = ∇L + λw), decoupled decay after them (×rate)."""
    return B.Recipe(_l2(mode) + (B.name_gradient(),) + blocks + _decay_lr(mode), rate=rate)


def _momentum_dampening(mode: str) -> B.Recipe:
    return _with_reg(mode, B.trace_dampened(S.mu, S.tau))


def _rmsprop(mode: str) -> B.Recipe:
    return _with_reg(mode, B.scale_by_rms(S.rho, S.eps))


def _rmsprop_centered(mode: str) -> B.Recipe:
    return _with_reg(mode, B.scale_by_rms(S.rho, S.eps, centered=True))


def _rmsprop_momentum(mode: str) -> B.Recipe:
    return _with_reg(mode, B.scale_by_rms(S.rho, S.eps), B.trace(S.mu))


def _adagrad(mode: str) -> B.Recipe:
    return _with_reg(mode, B.scale_by_adagrad(S.eps, S.s0), B.decay_learning_rate(S.kappa))


def _adadelta(mode: str) -> B.Recipe:
    return _with_reg(mode, B.scale_by_adadelta(S.rho, S.eps))


def _adamax(mode: str) -> B.Recipe:
    return _with_reg(mode, B.scale_by_adamax())


def _nadam(mode: str) -> B.Recipe:
    return _with_reg(mode, B.scale_by_nadam())


def _radam(mode: str) -> B.Recipe:
    return _with_reg(mode, B.scale_by_radam(branch="rectified"))


def _radam_early(mode: str) -> B.Recipe:
    return _with_reg(mode, B.scale_by_radam(branch="early"))


def _radam_both(mode: str) -> B.Recipe:
    return _with_reg(mode, B.scale_by_radam(branch="both"))


def _amsgrad(mode: str) -> B.Recipe:
    return _with_reg(mode, B.scale_by_amsgrad())


def _lion(mode: str) -> B.Recipe:
    return _with_reg(mode, B.scale_by_lion())


#: RAdam's rectified branch applies once ρ_t > 5; with β₂ ≤ 0.999 that holds from step 7 on, so the
#: numeric checks of that branch start at step 20.
RADAM_RECTIFIED_FROM = 20

_ENTRIES: dict[str, Optimizer] = {
    o.name: o for o in (
        Optimizer("sgd", "SGD", "torch.optim.SGD (momentum=0)", MODES, "l2", "decoupled-lr", _sgd),
        Optimizer("momentum", "SGD with momentum", "torch.optim.SGD (momentum=μ, dampening=0)", MODES, "l2",
                  "decoupled-lr", _momentum),
        Optimizer("nesterov", "SGD with Nesterov momentum", "torch.optim.SGD (nesterov=True, dampening=0)", MODES,
                  "l2", "decoupled-lr", _nesterov),
        Optimizer("adam", "Adam", "torch.optim.Adam", MODES, "l2", "decoupled-lr", _adam),
        Optimizer("adamw", "AdamW", "torch.optim.AdamW", ("decoupled",), "decoupled", "decoupled-lr", _adam),
        Optimizer("sgdw-paper", "SGD with momentum, the paper's Algorithm 1 (SGDW)",
                  "Loshchilov & Hutter (2019), Algorithm 1", MODES, "decoupled", "decoupled-schedule", _sgdw_paper),
        Optimizer("adamw-paper", "Adam, the paper's Algorithm 2 (AdamW)",
                  "Loshchilov & Hutter (2019), Algorithm 2", MODES, "decoupled", "decoupled-schedule", _adamw_paper),
        Optimizer("momentum-dampening", "SGD with dampened momentum",
                  "torch.optim.SGD (momentum, dampening)", ("none", "l2"), "l2", "decoupled-lr", _momentum_dampening,
                  # torch's dampening is 0 unless given, which would make this entry plain momentum
                  defaults=(("tau", 0.1),)),
        Optimizer("rmsprop", "RMSprop", "torch.optim.RMSprop", MODES, "l2", "decoupled-lr", _rmsprop,
                  defaults=(("rho", 0.99),)),
        Optimizer("rmsprop-centered", "Centered RMSprop", "torch.optim.RMSprop (centered=True)", MODES, "l2",
                  "decoupled-lr", _rmsprop_centered, defaults=(("rho", 0.99),)),
        Optimizer("rmsprop-momentum", "RMSprop with momentum", "torch.optim.RMSprop (momentum)", MODES, "l2",
                  "decoupled-lr", _rmsprop_momentum, defaults=(("rho", 0.99),)),
        Optimizer("adagrad", "Adagrad", "torch.optim.Adagrad (lr_decay, initial_accumulator_value)", MODES, "l2",
                  "decoupled-lr", _adagrad, defaults=(("kappa", 0.0), ("s0", 0.0), ("eps", 1e-10))),
        Optimizer("adadelta", "Adadelta", "torch.optim.Adadelta", MODES, "l2", "decoupled-lr", _adadelta,
                  defaults=(("eta", 1.0), ("rho", 0.9), ("eps", 1e-6))),
        Optimizer("adamax", "Adamax", "torch.optim.Adamax", MODES, "l2", "decoupled-lr", _adamax),
        Optimizer("nadam", "NAdam", "torch.optim.NAdam", MODES, "l2", "decoupled-lr", _nadam,
                  defaults=(("psi", 4e-3),)),
        Optimizer("radam", "RAdam (rectified steps)", "torch.optim.RAdam", MODES, "l2", "decoupled-lr",
                  _radam, first_step=RADAM_RECTIFIED_FROM, _trajectory=_radam_both),
        Optimizer("radam-early", "RAdam (early steps)", "torch.optim.RAdam", MODES, "l2", "decoupled-lr",
                  _radam_early, _trajectory=_radam_both),
        Optimizer("amsgrad", "AMSGrad", "torch.optim.Adam (amsgrad=True)", MODES, "l2", "decoupled-lr", _amsgrad),
        Optimizer("lion", "Lion", "Chen et al. (2023), Algorithm 2; optax.lion", ("none", "decoupled"), "decoupled", "decoupled-lr",
                  _lion, defaults=(("beta2", 0.99),)),
    )
}


def names() -> list[str]:
    return list(_ENTRIES)


def get(name: str) -> Optimizer:
    try:
        return _ENTRIES[name]
    except KeyError:
        raise UsageError(f"unknown optimizer {name!r}: choose one of {', '.join(_ENTRIES)} (see 'derive list')") from None


def all_variants() -> list[tuple[str, str]]:
    """Every (optimizer, mode) pair of the catalog, for table-driven tests and ``render --all``."""
    return [(o.name, mode) for o in _ENTRIES.values() for mode in o.modes]
