"""Where the paper, torch.optim, optax and Keras 3 differ for each catalog entry, stated as data:
``derive conventions NAME``.

Each :class:`Convention` says how one framework spells the entry (in the catalog's symbols), what
its own weight-decay argument does (L2, decoupled ×lr, decoupled ×schedule), how to get each of the
catalog's modes from it, the λ that corresponds to the catalog's λ, and how its step differs from
the catalog's form (ε inside or outside the root, bias correction folded into the step size,
initial accumulators, fixed schedules). Where the form differs, ``variant`` is the framework's step
as a recipe of the catalog's own blocks, and ``pinned`` the hyperparameters it fixes; the
conformance run (:mod:`derive.conformance`) checks every one of these statements against the
installed frameworks, so the table cannot drift from what the frameworks do.

The facts were read from the frameworks' sources (torch/optim/*.py ``_single_tensor_*``,
optax/_src/alias.py and transform.py, keras/src/optimizers/*.py) of torch 2.13, optax 0.2.8 and
Keras 3.15; the conformance tests are what keeps them true.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from typing import Callable, Literal, Mapping

import sympy as sp

from . import blocks as B
from . import symbols as S

Framework = Literal["paper", "torch", "optax", "keras"]
FRAMEWORKS: tuple[Framework, ...] = ("paper", "torch", "optax", "keras")
RUNNABLE: tuple[Framework, ...] = ("torch", "optax", "keras")
TITLES: dict[Framework, str] = {"paper": "paper", "torch": "torch.optim", "optax": "optax", "keras": "Keras 3"}

# What a framework's own weight-decay argument does.
L2 = "L2"
DECOUPLED_LR = "decoupled ×lr"
DECOUPLED_SCHEDULE = "decoupled ×schedule"
NONE = "—"


@dataclass(frozen=True)
class Convention:
    """One framework's version of a catalog entry."""

    framework: Framework
    api: str                      # the call, hyperparameters in the catalog's symbols
    decay: str                    # what the framework's weight_decay argument does (L2 / decoupled ×lr / …)
    l2: str                       # how to get the catalog's l2 mode, or "—"
    decoupled: str                # how to get the catalog's decoupled mode, or "—"
    lam: str = "λ"                # the framework's λ in terms of the catalog's λ
    form: tuple[str, ...] = ()    # how the step differs from the catalog's form (empty: the same)
    defaults: str = ""
    variant: Callable[[str], B.Recipe] | None = None  # the framework's step, when ``form`` is not empty
    pinned: Mapping[sp.Symbol, float] = field(default_factory=dict)  # hyperparameters the framework fixes

    @property
    def modes(self) -> tuple[str, ...]:
        """The catalog modes this framework can run."""
        return ("none",) + (("l2",) if self.l2 != NONE else ()) + (("decoupled",) if self.decoupled != NONE else ())


# -- small helpers for the common spellings ----------------------------------------------------------
def _torch(api: str, *, decoupled: str = NONE, form: tuple[str, ...] = (), defaults: str = "",
           variant: Callable[[str], B.Recipe] | None = None) -> Convention:
    return Convention("torch", api, L2 if decoupled == NONE else "L2; decoupled ×lr with the flag",
                      "weight_decay=λ", decoupled, form=form, defaults=defaults, variant=variant)


_OPTAX_L2 = "chain(add_decayed_weights(λ), …)"
_KERAS_L2 = "regularizers.L2(λ/2) in the loss"
_KERAS_WD = "weight_decay=λ"


def _optax(api: str, *, decay: str = NONE, decoupled: str = NONE, l2: str = _OPTAX_L2, form: tuple[str, ...] = (),
           defaults: str = "", variant: Callable[[str], B.Recipe] | None = None,
           pinned: Mapping[sp.Symbol, float] | None = None) -> Convention:
    return Convention("optax", api, decay, l2, decoupled, form=form, defaults=defaults, variant=variant,
                      pinned=dict(pinned or {}))


def _keras(api: str, *, form: tuple[str, ...] = (), defaults: str = "",
           variant: Callable[[str], B.Recipe] | None = None,
           pinned: Mapping[sp.Symbol, float] | None = None) -> Convention:
    return Convention("keras", api, DECOUPLED_LR, _KERAS_L2, _KERAS_WD, form=form, defaults=defaults,
                      variant=variant, pinned=dict(pinned or {}))


def _recipe(mode: str, *blocks: B.Block, rate: sp.Expr = S.eta) -> B.Recipe:
    """The catalog's way of adding regularization around a framework's own blocks."""
    l2 = (B.add_decayed_weights(S.lam),) if mode == "l2" else ()
    decay = (B.add_decayed_weights(S.lam),) if mode == "decoupled" else ()
    return B.Recipe(l2 + (B.name_gradient(),) + blocks + decay, rate=rate)


def _not_offered(framework: Framework, why: str) -> Convention:
    return Convention(framework, f"— ({why})", NONE, NONE, NONE)


_EPS_ROOT_RMS = "ε inside the root: g_t/√(v_t + ε)"
_EPS_ROOT_ADAGRAD = "ε inside the root: g_t/√(s_t + ε)"
_KERAS_EPS = "ε on the uncorrected √v_t, bias correction folded into the step size: η_t √(1 − β₂ᵗ)/(1 − β₁ᵗ) · m_t/(√v_t + ε)"
_KERAS_L2_NOTE = "regularizers.L2(c) adds c·Σw² (no ½): its gradient is 2c·w, so c = λ/2"


# -- the table -------------------------------------------------------------------------------------
CONVENTIONS: dict[str, tuple[Convention, ...]] = {
    "sgd": (
        _torch("SGD(lr=η_t)", defaults="lr=1e-3"),
        _optax("sgd(η_t)", decoupled="chain(add_decayed_weights(λ), scale_by_learning_rate(η_t))"),
        _keras("SGD(learning_rate=η_t)", defaults="learning_rate=0.01"),
    ),
    "momentum": (
        _torch("SGD(lr=η_t, momentum=μ)"),
        _optax("sgd(η_t, momentum=μ)", decoupled="chain(trace(μ), add_decayed_weights(λ), scale_by_learning_rate(η_t))"),
        _keras("SGD(learning_rate=η_t, momentum=μ)",
               form=("learning rate inside the buffer: m_t = μ m_{t-1} − η_t g_t, w_t = w_{t-1} + m_t "
                     "(the same steps while η_t is constant)",)),
    ),
    "nesterov": (
        _torch("SGD(lr=η_t, momentum=μ, nesterov=True)"),
        _optax("sgd(η_t, momentum=μ, nesterov=True)",
               decoupled="chain(trace(μ, nesterov=True), add_decayed_weights(λ), scale_by_learning_rate(η_t))"),
        _keras("SGD(learning_rate=η_t, momentum=μ, nesterov=True)",
               form=("learning rate inside the buffer; w_t = w_{t-1} + μ m_t − η_t g_t (the same steps while η_t is "
                     "constant)",)),
    ),
    "momentum-dampening": (
        _torch("SGD(lr=η_t, momentum=μ, dampening=τ)",
               form=("the buffer starts as m_1 = g_1: dampening is not applied at the first step (τ_1 = 0)",)),
        _not_offered("optax", "trace has no dampening"),
        _not_offered("keras", "SGD has no dampening"),
    ),
    "adam": (
        _torch("Adam(lr=η_t, betas=(β₁, β₂), eps=ε)", decoupled="weight_decay=λ, decoupled_weight_decay=True",
               defaults="eps=1e-8, weight_decay=0"),
        _optax("adam(η_t, b1=β₁, b2=β₂, eps=ε)", decoupled="adamw(…, weight_decay=λ)", defaults="eps=1e-8"),
        _keras("Adam(learning_rate=η_t, beta_1=β₁, beta_2=β₂, epsilon=ε)", form=(_KERAS_EPS,), defaults="epsilon=1e-7",
               variant=lambda mode: _recipe(mode, B.scale_by_adam(eps_on="uncorrected"))),
    ),
    "adamw": (
        Convention("torch", "AdamW(lr=η_t, betas=(β₁, β₂), eps=ε, weight_decay=λ)", DECOUPLED_LR, NONE,
                   "weight_decay=λ", defaults="weight_decay=1e-2"),
        Convention("optax", "adamw(η_t, b1=β₁, b2=β₂, eps=ε, weight_decay=λ)", DECOUPLED_LR, NONE, "weight_decay=λ",
                   defaults="weight_decay=1e-4"),
        Convention("keras", "AdamW(learning_rate=η_t, beta_1=β₁, beta_2=β₂, epsilon=ε, weight_decay=λ)", DECOUPLED_LR,
                   NONE, "weight_decay=λ", form=(_KERAS_EPS,), defaults="weight_decay=0.004, epsilon=1e-7",
                   variant=lambda mode: _recipe(mode, B.scale_by_adam(eps_on="uncorrected"))),
    ),
    "sgdw-paper": (
        Convention("paper", "Algorithm 1: m_t = β₁ m_{t-1} + η_t α g_t, w_t = w_{t-1} − m_t − η_t λ w_{t-1}",
                   DECOUPLED_SCHEDULE, "g_t = ∇f_t(w_{t-1}) + λ w_{t-1}", "η_t λ w_{t-1} in the step"),
        Convention("torch", "SGD(lr=η_t α, momentum=β₁)", L2, "weight_decay=λ", NONE,
                   form=("learning rate outside the buffer (the same steps while η_t is constant); no decoupled "
                         "decay (no SGDW in torch.optim)",)),
        Convention("optax", "sgd(η_t α, momentum=β₁)", NONE, _OPTAX_L2,
                   "chain(trace(β₁), add_decayed_weights(λ/α), scale_by_learning_rate(η_t α))", lam="λ/α",
                   form=("learning rate outside the buffer: the decoupled decay η_t λ w_{t-1} then passes no "
                         "momentum, as in the paper",)),
        _not_offered("keras", "no SGDW; SGD(weight_decay) is ×lr and Keras keeps the rate in the buffer"),
    ),
    "adamw-paper": (
        Convention("paper", "Algorithm 2: w_t = w_{t-1} − η_t(α m̂_t/(√v̂_t + ε) + λ w_{t-1})", DECOUPLED_SCHEDULE,
                   "g_t = ∇f_t(w_{t-1}) + λ w_{t-1}", "η_t λ w_{t-1} in the step", defaults="α=1e-3, ε=1e-8"),
        Convention("torch", "AdamW(lr=η_t α, betas=(β₁, β₂), eps=ε, weight_decay=λ/α)", DECOUPLED_LR,
                   "Adam(…, weight_decay=λ)", "AdamW(…, weight_decay=λ/α)", lam="λ/α"),
        Convention("optax", "adamw(η_t α, b1=β₁, b2=β₂, eps=ε, weight_decay=λ/α)", DECOUPLED_LR, _OPTAX_L2,
                   "adamw(…, weight_decay=λ/α)", lam="λ/α"),
        _not_offered("keras", "AdamW is ×lr with ε on the uncorrected √v_t; use λ/α there, the form differs"),
    ),
    "rmsprop": (
        _torch("RMSprop(lr=η_t, alpha=ρ, eps=ε)", defaults="alpha=0.99, eps=1e-8"),
        _optax("rmsprop(η_t, decay=ρ, eps=ε)", form=(_EPS_ROOT_RMS + " (eps_in_sqrt=True)",),
               decoupled="chain(scale_by_rms(ρ, ε), add_decayed_weights(λ), scale_by_learning_rate(η_t))",
               defaults="decay=0.9, eps=1e-8", variant=lambda mode: _recipe(mode, B.scale_by_rms(eps_in_sqrt=True))),
        _keras("RMSprop(learning_rate=η_t, rho=ρ, epsilon=ε)", form=(_EPS_ROOT_RMS,), defaults="rho=0.9, epsilon=1e-7",
               variant=lambda mode: _recipe(mode, B.scale_by_rms(eps_in_sqrt=True))),
    ),
    "rmsprop-centered": (
        _torch("RMSprop(lr=η_t, alpha=ρ, eps=ε, centered=True)"),
        _optax("rmsprop(η_t, decay=ρ, eps=ε, centered=True)", form=("ε inside the root: g_t/√(v_t − ḡ_t² + ε)",),
               decoupled="chain(scale_by_stddev(ρ, ε), add_decayed_weights(λ), scale_by_learning_rate(η_t))",
               variant=lambda mode: _recipe(mode, B.scale_by_rms(centered=True, eps_in_sqrt=True))),
        _keras("RMSprop(learning_rate=η_t, rho=ρ, epsilon=ε, centered=True)",
               form=("ε inside the root: g_t/√(v_t − ḡ_t² + ε)",),
               variant=lambda mode: _recipe(mode, B.scale_by_rms(centered=True, eps_in_sqrt=True))),
    ),
    "rmsprop-momentum": (
        _torch("RMSprop(lr=η_t, alpha=ρ, eps=ε, momentum=μ)"),
        _optax("rmsprop(η_t, decay=ρ, eps=ε, momentum=μ)",
               form=(_EPS_ROOT_RMS, "learning rate before the momentum trace (the same steps while η_t is constant)"),
               decoupled="chain(scale_by_rms(ρ, ε), trace(μ), add_decayed_weights(λ), scale_by_learning_rate(η_t))",
               variant=lambda mode: _recipe(mode, B.scale_by_rms(eps_in_sqrt=True), B.trace(S.mu))),
        _keras("RMSprop(learning_rate=η_t, rho=ρ, epsilon=ε, momentum=μ)",
               form=(_EPS_ROOT_RMS, "learning rate inside the buffer (the same steps while η_t is constant)"),
               variant=lambda mode: _recipe(mode, B.scale_by_rms(eps_in_sqrt=True), B.trace(S.mu))),
    ),
    "adagrad": (
        _torch("Adagrad(lr=η_t, lr_decay=κ, initial_accumulator_value=s₀, eps=ε)",
               defaults="lr_decay=0, initial_accumulator_value=0, eps=1e-10"),
        _optax("adagrad(η_t, initial_accumulator_value=s₀, eps=ε)",
               form=(_EPS_ROOT_ADAGRAD, "no learning-rate decay (κ = 0)"),
               decoupled="chain(scale_by_rss(s₀, ε), add_decayed_weights(λ), scale_by_learning_rate(η_t))",
               defaults="initial_accumulator_value=0.1, eps=1e-7",
               variant=lambda mode: _adagrad_variant(mode), pinned={S.kappa: 0.0}),
        _keras("Adagrad(learning_rate=η_t, initial_accumulator_value=s₀, epsilon=ε)",
               form=(_EPS_ROOT_ADAGRAD, "no learning-rate decay (κ = 0)"),
               defaults="initial_accumulator_value=0.1, epsilon=1e-7",
               variant=lambda mode: _adagrad_variant(mode), pinned={S.kappa: 0.0}),
    ),
    "adadelta": (
        _torch("Adadelta(lr=η_t, rho=ρ, eps=ε)", defaults="lr=1.0, rho=0.9, eps=1e-6"),
        Convention("optax", "adadelta(η_t, rho=ρ, eps=ε)", L2, "adadelta(…, weight_decay=λ)",
                   "chain(scale_by_adadelta(ρ, ε), add_decayed_weights(λ), scale_by_learning_rate(η_t))",
                   defaults="rho=0.9, eps=1e-6"),
        _keras("Adadelta(learning_rate=η_t, rho=ρ, epsilon=ε)", defaults="learning_rate=0.001, rho=0.95, epsilon=1e-7"),
    ),
    "adamax": (
        _torch("Adamax(lr=η_t, betas=(β₁, β₂), eps=ε)", defaults="lr=2e-3, eps=1e-8"),
        _optax("adamax(η_t, b1=β₁, b2=β₂, eps=ε)", decay=DECOUPLED_LR + " (adamaxw)", decoupled="adamaxw(…, weight_decay=λ)"),
        _keras("Adamax(learning_rate=η_t, beta_1=β₁, beta_2=β₂, epsilon=ε)",
               form=("ε outside the max: u_t = max(β₂ u_{t-1}, |g_t|), step m_t/((1 − β₁ᵗ)(u_t + ε))",),
               variant=lambda mode: _recipe(mode, B.scale_by_adamax(eps_in_max=False))),
    ),
    "nadam": (
        _torch("NAdam(lr=η_t, betas=(β₁, β₂), eps=ε, momentum_decay=ψ)",
               decoupled="weight_decay=λ, decoupled_weight_decay=True", defaults="momentum_decay=4e-3",
               form=("π_t is kept in torch's default dtype: float32 unless torch.set_default_dtype(torch.float64)",)),
        _optax("nadam(η_t, b1=β₁, b2=β₂, eps=ε)", decay=DECOUPLED_LR + " (nadamw)", decoupled="nadamw(…, weight_decay=λ)",
               form=("no momentum schedule: μ_t = β₁ for every t, π_t = β₁ᵗ (Adam with Nesterov momentum)",),
               variant=lambda mode: _recipe(mode, B.scale_by_nadam(schedule=False))),
        _keras("Nadam(learning_rate=η_t, beta_1=β₁, beta_2=β₂, epsilon=ε)",
               form=("the schedule is μ_t = β₁(1 − ½·0.96^t): ψ = 1, not PyTorch's 4e-3",), pinned={S.psi: 1.0}),
    ),
    "radam": (
        _torch("RAdam(lr=η_t, betas=(β₁, β₂), eps=ε)", decoupled="weight_decay=λ, decoupled_weight_decay=True",
               form=("rectified once ρ_t > 5 (the RAdam paper: ρ_t > 4)",)),
        _optax("radam(η_t, b1=β₁, b2=β₂, eps=ε)",
               form=("ε on the corrected root: r_t m̂_t/(√v̂_t + ε); rectified once ρ_t ≥ 5",),
               decoupled="chain(scale_by_radam(…), add_decayed_weights(λ), scale_by_learning_rate(η_t))",
               variant=lambda mode: _recipe(mode, B.scale_by_radam(branch="both", eps_on="corrected"))),
        _not_offered("keras", "Keras 3 has no RAdam"),
    ),
    "amsgrad": (
        Convention("torch", "Adam(lr=η_t, betas=(β₁, β₂), eps=ε, amsgrad=True)", "L2 (Adam); decoupled ×lr (AdamW)",
                   "Adam(…, amsgrad=True, weight_decay=λ)", "AdamW(…, amsgrad=True, weight_decay=λ)"),
        _optax("amsgrad(η_t, b1=β₁, b2=β₂, eps=ε)",
               form=("the maximum of the bias-corrected v_t/(1 − β₂ᵗ), not of v_t",),
               decoupled="chain(scale_by_amsgrad(…), add_decayed_weights(λ), scale_by_learning_rate(η_t))",
               variant=lambda mode: _recipe(mode, B.scale_by_amsgrad(max_of="corrected"))),
        _keras("Adam(learning_rate=η_t, beta_1=β₁, beta_2=β₂, epsilon=ε, amsgrad=True)",
               form=("ε on the uncorrected √vᵐᵃˣ_t, bias correction folded into the step size",),
               variant=lambda mode: _recipe(mode, B.scale_by_amsgrad(eps_on="uncorrected"))),
    ),
    "lion": (
        Convention("paper", "Chen et al. (2023): w_t = w_{t-1} − η_t(sign(c_t) + λ w_{t-1})", DECOUPLED_LR, NONE,
                   "λ w_{t-1} inside the step, ×η_t", defaults="β₁=0.9, β₂=0.99"),
        _not_offered("torch", "no Lion in torch.optim"),
        Convention("optax", "lion(η_t, b1=β₁, b2=β₂, weight_decay=λ)", DECOUPLED_LR, NONE, "weight_decay=λ",
                   defaults="b1=0.9, b2=0.99, weight_decay=1e-3"),
        Convention("keras", "Lion(learning_rate=η_t, beta_1=β₁, beta_2=β₂, weight_decay=λ)", DECOUPLED_LR, NONE,
                   "weight_decay=λ", defaults="beta_1=0.9, beta_2=0.99, weight_decay=None"),
    ),
}
CONVENTIONS["radam-early"] = CONVENTIONS["radam"]


def frameworks(name: str) -> tuple[Framework, ...]:
    """The runnable frameworks that have this entry (for ``derive list``)."""
    return tuple(c.framework for c in CONVENTIONS.get(name, ()) if c.framework in RUNNABLE
                 and not c.api.startswith("—"))


def _adagrad_variant(mode: str) -> B.Recipe:
    """optax and Keras: ε under the root, no learning-rate decay (the rate is η_t itself)."""
    return _recipe(mode, B.scale_by_adagrad(eps_in_sqrt=True))


def conventions(name: str) -> tuple[Convention, ...]:
    from . import catalog
    catalog.get(name)  # a clear UsageError for an unknown name
    return CONVENTIONS[name]


def convention(name: str, framework: Framework) -> Convention | None:
    for c in conventions(name):
        if c.framework == framework:
            return c
    return None


# -- λ conversions ---------------------------------------------------------------------------------
def lambda_conversions(name: str) -> list[str]:
    """Sentences converting the catalog's λ into each framework's, and saying what each decay acts like."""
    from . import catalog
    opt = catalog.get(name)
    lines: list[str] = []
    if opt.decoupled_kind == "decoupled-schedule":
        lines.append("paper: the decay is η_t·λ (schedule multiplier only); the frameworks multiply their λ by the "
                     "whole learning rate η_t·α, so λ_framework = λ_paper/α (e.g. λ_paper = 0.05 at α = 1e-3 is "
                     "weight_decay = 50).")
    for c in conventions(name):
        if c.decay == NONE and c.l2 == NONE and c.decoupled == NONE:
            continue
        if c.framework == "paper":
            continue
        acts = {L2: "acts like L2 (λ·w joins the gradient before the optimizer's state sees it)",
                DECOUPLED_LR: "acts as decoupled decay ×lr: w ← (1 − η_t·λ)·w, outside the optimizer's state",
                NONE: "has no weight-decay argument"}.get(c.decay, f"is {c.decay}")
        line = f"{TITLES[c.framework]}: its weight decay {acts}; catalog λ = {c.lam}"
        if c.framework == "keras":
            line += f"; L2 through the loss: {_KERAS_L2_NOTE}"
        lines.append(line + ".")
    return lines


# -- printing --------------------------------------------------------------------------------------
_COLUMNS = ("framework", "call", "weight decay acts as", "l2 mode", "decoupled mode", "λ", "form vs the catalog",
            "defaults")


def table_rows(name: str) -> list[tuple[str, ...]]:
    rows = []
    for c in conventions(name):
        form = "; ".join(c.form) if c.form else ("as the catalog" if c.decay != NONE or c.l2 != NONE else "")
        rows.append((TITLES[c.framework], c.api, c.decay, c.l2, c.decoupled, c.lam if c.decay != NONE else "",
                     form, c.defaults))
    return rows


def render_text(name: str) -> str:
    """What ``derive conventions NAME`` prints: one block per framework, then the λ conversions."""
    from . import catalog
    opt = catalog.get(name)
    lines = [f"{opt.title} ({opt.name}): the catalog's form follows {opt.source}", ""]
    for row in table_rows(name):
        lines.append(row[0])
        for label, value in zip(_COLUMNS[1:], row[1:]):
            if value:
                lines.append(f"  {label + ':':<22} {value}")
        lines.append("")
    lines.append("λ conversions:")
    lines += [f"  - {line}" for line in lambda_conversions(name)]
    return "\n".join(lines)


def render_markdown(name: str) -> str:
    rows = table_rows(name)
    out = ["| " + " | ".join(_COLUMNS) + " |", "|" + "---|" * len(_COLUMNS)]
    out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(out)


def readme_table() -> str:
    """The README's table of conventions: every catalog entry, what each framework's decay does and how
    its step differs from the catalog's (generated by ``scripts/gen_conventions.py``)."""
    from . import catalog
    head = ["entry", "torch.optim", "optax", "Keras 3"]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name in catalog.names():
        cells = [f"`{name}`"]
        for framework in RUNNABLE:
            c = convention(name, framework)
            cells.append(_cell(c))
        out.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(out)


def _cell(c: Convention | None) -> str:
    if c is None or (c.decay == NONE and c.l2 == NONE and c.decoupled == NONE):
        return "—"
    parts = [f"weight decay: {c.decay}" if c.decay != NONE else "no weight-decay argument"]
    if c.lam != "λ":
        parts.append(f"λ → {c.lam}")
    parts += list(c.form)
    return "; ".join(parts)


# -- CLI -------------------------------------------------------------------------------------------
def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help="catalog name (see 'derive list')")
    parser.add_argument("--format", choices=("text", "markdown"), default="text")


def run(args: argparse.Namespace) -> int:
    print(render_text(args.name) if args.format == "text" else render_markdown(args.name))
    return 0
