"""Every symbol of the notation, declared once, with its LaTeX and plain-text forms.

A symbol's SymPy *name is its canonical LaTeX* (``w_{t-1}``, ``\\hat{v}_{t}``, ``\\beta_{1}``), so that
the notes checker, which reads LaTeX, and the engine, which builds systems in Python, meet on the same
objects: :func:`symbol` is the only way either side makes a symbol, and it returns the declared one
(with its assumptions) whenever the name is known.

Canonical names: Greek letters as their macro (``\\epsilon`` is spelled ``\\varepsilon``), subscripts
always braced and without spaces (``\\eta_{t}``), accents as ``\\hat{x}``/``\\bar{x}``/``\\tilde{x}``.

Roles decide the analysis: a decay factor that depends only on ``hyper`` symbols (and the step
counter) is *uniform*; one that depends on ``state``/``input``/``weight`` symbols is *per-coordinate*.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import sympy as sp

Role = Literal["weight", "state", "input", "hyper", "index", "intermediate"]


@dataclass(frozen=True)
class Declared:
    """A declared symbol: the SymPy object plus how it reads in text and what it stands for."""

    symbol: sp.Symbol
    text: str
    role: Role
    meaning: str

    @property
    def latex(self) -> str:
        return self.symbol.name


_REGISTRY: dict[str, Declared] = {}


def _declare(latex: str, text: str, role: Role, meaning: str, **assumptions: bool) -> sp.Symbol:
    sym = sp.Symbol(latex, **assumptions)
    _REGISTRY[latex] = Declared(sym, text, role, meaning)
    return sym


# The iterate and the optimizer state (previous step = inputs of a step, current = its outputs).
w_prev = _declare("w_{t-1}", "w_{t-1}", "weight", "weights before the step", real=True)
w = _declare("w_{t}", "w_t", "intermediate", "weights after the step", real=True)
m_prev = _declare("m_{t-1}", "m_{t-1}", "state", "first moment (momentum buffer) before the step", real=True)
m = _declare("m_{t}", "m_t", "intermediate", "first moment (momentum buffer) after the step", real=True)
v_prev = _declare("v_{t-1}", "v_{t-1}", "state", "second moment before the step", nonnegative=True)
v = _declare("v_{t}", "v_t", "intermediate", "second moment after the step", nonnegative=True)
m_hat = _declare(r"\hat{m}_{t}", "m̂_t", "intermediate", "bias-corrected first moment", real=True)
v_hat = _declare(r"\hat{v}_{t}", "v̂_t", "intermediate", "bias-corrected second moment", nonnegative=True)
g = _declare("g_{t}", "g_t", "intermediate", "the gradient the optimizer sees", real=True)
d = _declare("d_{t}", "d_t", "intermediate", "update direction", real=True)
grad = _declare(r"\nabla_{w} L(w_{t-1})", "∇L(w_{t-1})", "input", "gradient of the loss at w_{t-1}", real=True)

# Hyperparameters.
eta = _declare(r"\eta_{t}", "η_t", "hyper", "learning rate (or the paper's schedule multiplier)", positive=True)
alpha = _declare(r"\alpha", "α", "hyper", "the paper's base learning rate", positive=True)
lam = _declare(r"\lambda", "λ", "hyper", "weight-decay / L2 coefficient", positive=True)
mu = _declare(r"\mu", "μ", "hyper", "momentum coefficient", positive=True)
beta1 = _declare(r"\beta_{1}", "β₁", "hyper", "first-moment decay rate", positive=True)
beta2 = _declare(r"\beta_{2}", "β₂", "hyper", "second-moment decay rate", positive=True)
eps = _declare(r"\varepsilon", "ε", "hyper", "denominator offset", positive=True)
t = _declare("t", "t", "index", "step counter, from 1", positive=True, integer=True)


def symbol(name: str) -> sp.Symbol:
    """The canonical symbol for a canonical LaTeX name: the declared one if known, else a plain real one.

    Undeclared names are made ``real`` so that a symbol read from a document and the same symbol
    written by a user in Python compare equal.
    """
    declared = _REGISTRY.get(name)
    if declared is not None:
        return declared.symbol
    return sp.Symbol(name, real=True)


def declared(sym: sp.Basic) -> Declared | None:
    """The declaration of a symbol, or ``None`` for a symbol the notation does not know."""
    if isinstance(sym, sp.Symbol):
        found = _REGISTRY.get(sym.name)
        if found is not None and found.symbol == sym:
            return found
    return None


def role(sym: sp.Symbol) -> Role | None:
    found = declared(sym)
    return found.role if found else None


def text_name(sym: sp.Symbol) -> str:
    """Plain-text (Unicode) spelling, for terminal output."""
    found = declared(sym)
    return found.text if found else sym.name


def all_declared() -> tuple[Declared, ...]:
    return tuple(_REGISTRY.values())


def layout_role(sym: sp.Symbol) -> Role | None:
    """The declared role, or for a symbol the notation does not know, the role its name suggests.

    For laying out a user's formulas like the catalog's (hyperparameters before state): a name with
    a step index (``c_{t}``, ``s_{t-1}``) is per-step data, a ``\\nabla`` atom is an input, any other
    name (``\\rho``, ``\\gamma``, ``\\eta``) is a hyperparameter.
    """
    found = role(sym)
    if found is not None or not isinstance(sym, sp.Symbol):
        return found
    name = sym.name
    if name.startswith(r"\nabla"):
        return "input"
    if name.endswith(("_{t-1}", "_{t-2}")):
        return "state"
    if "_{t" in name:
        return "intermediate"
    return "hyper"


# -- The torch.optim catalog beyond Adam (appended; canonical names as above). ------------------------
# More state. The textbook keeps most of these as atoms of the step (see ``derive.blocks``).
s = _declare("s_{t}", "s_t", "intermediate", "sum of squared gradients after the step (Adagrad)", nonnegative=True)
s_prev = _declare("s_{t-1}", "s_{t-1}", "state", "sum of squared gradients before the step (Adagrad)", nonnegative=True)
u = _declare("u_{t}", "u_t", "intermediate",
             "a second accumulator after the step (Adamax: infinity norm; Adadelta: squared updates)", nonnegative=True)
u_prev = _declare("u_{t-1}", "u_{t-1}", "state", "the second accumulator before the step", nonnegative=True)
g_bar = _declare(r"\bar{g}_{t}", "ḡ_t", "intermediate", "running mean of the gradient (centered RMSprop)", real=True)
g_bar_prev = _declare(r"\bar{g}_{t-1}", "ḡ_{t-1}", "state", "running mean of the gradient before the step", real=True)
v_max = _declare(r"v_{t}^{\max}", "vᵐᵃˣ_t", "intermediate", "running maximum of the second moment (AMSGrad)",
                 nonnegative=True)
v_max_prev = _declare(r"v_{t-1}^{\max}", "vᵐᵃˣ_{t-1}", "state", "running maximum of the second moment before the step",
                      nonnegative=True)
c = _declare("c_{t}", "c_t", "intermediate", "interpolation of momentum and gradient whose sign is the step (Lion)",
             real=True)
delta = _declare(r"\Delta_{t}", "Δ_t", "intermediate", "the update before the learning rate (Adadelta)", real=True)

# More hyperparameters.
tau = _declare(r"\tau", "τ", "hyper", "dampening of the momentum buffer (PyTorch SGD)", positive=True)
rho = _declare(r"\rho", "ρ", "hyper", "decay rate of the average of squared gradients (RMSprop, Adadelta)",
               positive=True)
kappa = _declare(r"\kappa", "κ", "hyper", "learning-rate decay of Adagrad (PyTorch lr_decay)", nonnegative=True)
s0 = _declare("s_{0}", "s₀", "hyper", "initial value of Adagrad's accumulator", nonnegative=True)
psi = _declare(r"\psi", "ψ", "hyper", "momentum decay of NAdam (PyTorch momentum_decay)", positive=True)

# Schedules: computed from hyperparameters and t only, the same for every weight (uniform). They are
# defined in their systems and kept as atoms, as a textbook keeps μ_t or r_t.
tau_t = _declare(r"\tau_{t}", "τ_t", "hyper", "dampening in force: 0 at the first step, τ after", nonnegative=True)
mu_t = _declare(r"\mu_{t}", "μ_t", "hyper", "momentum coefficient of step t (NAdam's schedule)", positive=True)
mu_next = _declare(r"\mu_{t+1}", "μ_{t+1}", "hyper", "momentum coefficient of the next step (NAdam)", positive=True)
pi_t = _declare(r"\pi_{t}", "π_t", "hyper", "product μ_1⋯μ_t of the momentum schedule (NAdam)", positive=True)
pi_prev = _declare(r"\pi_{t-1}", "π_{t-1}", "hyper", "product μ_1⋯μ_{t-1} (NAdam; π_0 = 1)", positive=True)
rho_inf = _declare(r"\rho_{\infty}", "ρ_∞", "hyper", "maximal length of the approximated SMA (RAdam)", real=True)
rho_t = _declare(r"\rho_{t}", "ρ_t", "hyper", "length of the approximated SMA at step t (RAdam)", real=True)
r_t = _declare("r_{t}", "r_t", "hyper", "variance rectification term (RAdam)", positive=True)
a_t = _declare("a_{t}", "a_t", "hyper", "weight of the gradient in NAdam's step, (1 − μ_t)/(1 − π_t)", positive=True)
b_t = _declare("b_{t}", "b_t", "hyper", "weight of the momentum in NAdam's step, μ_{t+1}/(1 − π_t μ_{t+1})",
               positive=True)
