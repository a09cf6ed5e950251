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

import contextlib
import contextvars
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

import sympy as sp

Role = Literal["weight", "state", "input", "hyper", "index", "intermediate"]


class Symbol(sp.Symbol):
    """A symbol of the notation: named by its canonical LaTeX, shown in the textbook's letters.

    ``str()`` and SymPy's pretty printer show ``η_t``/``β₁`` instead of the raw name ``\\eta_{t}``,
    and ``sympy.latex`` prints the name as it is. The class is called ``Symbol`` on purpose: SymPy
    orders the terms of a sum by class name, so keeping the name keeps every expression's canonical
    order (and ``srepr``) what it was with plain symbols.
    """

    def _sympystr(self, printer: object) -> str:
        return text_name(self)

    def _pretty(self, printer: object) -> object:
        from sympy.printing.pretty.stringpict import prettyForm

        return prettyForm(_pretty_text(text_name(self)))

    def _latex(self, printer: object) -> str:
        return self.name

    def _code(self, printer: object) -> str:
        # ``lambdify`` names an argument by ``str(arg)`` when that is an identifier (``ε``, ``η_t``)
        # and dummifies it otherwise (``w_{t-1}``); its body must then print the same name.
        return text_name(self)

    _lambdacode = _pythoncode = _mpmathcode = _numpycode = _scipycode = _cupycode = _jaxcode = _code
    _torchcode = _tensorflowcode = _cmathcode = _numexprcode = _code


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
    sym = Symbol(latex, **assumptions)
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

    >>> symbol(r"\\beta_{1}") is beta1, symbol("q_{t}")
    (True, q_{t})
    """
    declared = _REGISTRY.get(name)
    if declared is not None and name not in _ANY_REAL.get():
        return declared.symbol
    return sp.Symbol(name, real=True)


#: Declared names a document makes any real number ("let $t$ be any real number"): read as plain real symbols.
_ANY_REAL: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar("any_real", default=frozenset())


@contextlib.contextmanager
def any_real(names: Iterable[str]) -> Iterator[None]:
    """Within the block, :func:`symbol` reads each of ``names`` as a plain real symbol, not as declared (t a positive
    step, λ a positive rate): for a document whose words say so, where a claim must hold for negative values too.

    >>> with any_real({"t"}):
    ...     print(symbol("t").is_positive)
    None
    >>> symbol("t").is_positive
    True
    """
    token = _ANY_REAL.set(frozenset(names))
    try:
        yield
    finally:
        _ANY_REAL.reset(token)


def declared(sym: sp.Basic) -> Declared | None:
    """The declaration of a symbol, or ``None`` for a symbol the notation does not know.

    >>> declared(v_hat).meaning, declared(symbol("q_{t}"))
    ('bias-corrected second moment', None)
    """
    if isinstance(sym, sp.Symbol):
        found = _REGISTRY.get(sym.name)
        if found is not None and found.symbol == sym:
            return found
    return None


def role(sym: sp.Symbol) -> Role | None:
    """What a declared symbol is to the analysis (``hyper``, ``state``, …), or ``None``.

    >>> role(beta1), role(m_prev), role(symbol("q_{t}"))
    ('hyper', 'state', None)
    """
    found = declared(sym)
    return found.role if found else None


def text_name(sym: sp.Symbol) -> str:
    """Plain-text (Unicode) spelling, for terminal output.

    >>> text_name(beta1), text_name(v_hat), text_name(symbol(r"\\hat{v}_{t+1}"))
    ('β₁', 'v̂_t', 'v̂_{t+1}')
    """
    found = declared(sym)
    return found.text if found else latex_to_text(sym.name)


def all_declared() -> tuple[Declared, ...]:
    """Every declaration, in the order of this file.

    >>> [d.text for d in all_declared()][:3]
    ['w_{t-1}', 'w_t', 'm_{t-1}']
    """
    return tuple(_REGISTRY.values())


def layout_role(sym: sp.Symbol) -> Role | None:
    r"""The declared role, or for a symbol the notation does not know, the role its name suggests.

    For laying out a user's formulas like the catalog's (hyperparameters before state): a name with
    a step index (``c_{t}``, ``s_{t-1}``) is per-step data, a ``\\nabla`` atom is an input, any other
    name (``\\rho``, ``\\gamma``, ``\\eta``) is a hyperparameter.

    >>> layout_role(symbol("q_{t}")), layout_role(symbol(r"\gamma"))
    ('intermediate', 'hyper')
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

# =============================================================================================
# Names that work: plain names, a lookup by any spelling, and what ``from derive.symbols import *``
# gives. (Declarations above; this section only reads the registry, so symbols declared later in
# this file are found too.)
# =============================================================================================
_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ϵ": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi",
    "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau", "φ": "phi", "ϕ": "phi", "χ": "chi", "ψ": "psi",
    "ω": "omega", "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta", "Λ": "Lambda", "Σ": "Sigma", "Φ": "Phi",
    "Ψ": "Psi", "Ω": "Omega", "∇": "nabla",
}
_MACRO_TEXT = {f"\\{name}": char for char, name in _GREEK.items() if char not in "ϵϕ"}
_MACRO_TEXT.update({r"\varepsilon": "ε", r"\epsilon": "ε", r"\varphi": "φ", r"\phi": "φ", r"\ell": "ℓ"})
_ACCENTS = {"hat": "\u0302", "bar": "\u0304", "tilde": "\u0303", "dot": "\u0307"}
_PRETTY_SUB = dict(zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))


def latex_to_text(name: str) -> str:
    r"""The Unicode text of a LaTeX symbol name the notation does not declare (shifted steps, notes).

    Greek macros become letters, accents combining marks (``\hat{v}`` → v̂), ``\nabla_{w} L`` → ∇L;
    subscripts stay as written, so a name in a message can be found in the document.

    >>> latex_to_text(r"\hat{v}_{t+1}"), latex_to_text(r"\nabla_{w} L(w_{t})"), latex_to_text(r"\beta_{3}")
    ('v̂_{t+1}', '∇L(w_{t})', 'β_{3}')
    >>> latex_to_text(r"\nabla_{z_{i}} f")
    '∇f'
    """
    import re

    out = re.sub(r"\\nabla_(?:\{(?:[^{}]|\{[^{}]*\})*\}|[a-zA-Z])\s*", "∇", name)  # ∇_{z_{i}} f too
    out = re.sub(r"_\{\\text\{([A-Za-z]+)\}\}", r"_\1", out)  # λ_{\text{max}} (a label word) → λ_max
    for macro, char in sorted(_MACRO_TEXT.items(), key=lambda kv: -len(kv[0])):
        out = re.sub(re.escape(macro) + r"(?![a-zA-Z])", char, out)
    for accent, mark in _ACCENTS.items():
        out = re.sub(rf"\\{accent}\{{(.)\}}|\\{accent}\s+(.)", lambda m, mark=mark: (m.group(1) or m.group(2)) + mark, out)
    return out


def _pretty_text(text: str) -> str:
    """Subscripts as Unicode subscript letters where every character has one (``w_{t-1}`` → ``wₜ₋₁``)."""
    import re

    def sub(m: re.Match[str]) -> str:
        body = m.group(1) or m.group(2)
        if all(ch in _PRETTY_SUB for ch in body):
            return "".join(_PRETTY_SUB[ch] for ch in body)
        return m.group(0)
    return re.sub(r"_\{([^{}]+)\}|_(.)", sub, text)


def _key(spelling: str) -> str:
    r"""One key for every way of writing a name: LaTeX with or without braces, Unicode, plain ASCII.

    ``\beta_{1}``, ``\beta_1``, ``beta_1``, ``β₁`` and ``beta1`` all give ``beta1``; ``v̂_t``,
    ``\hat{v}_{t}`` and ``\hat v_t`` all give ``hatvt``.
    """
    import unicodedata

    chars: list[str] = []
    for ch in unicodedata.normalize("NFKD", spelling):
        if ch in _GREEK:
            chars.append(_GREEK[ch])
            continue
        accent = next((a for a, mark in _ACCENTS.items() if mark == ch), None)
        if accent is not None and chars:
            chars[-1] = accent + chars[-1]
            continue
        chars.append(ch)
    out = "".join(chars)
    for junk in ("\\", "{", "}", "_", " ", "operatorname", "mathrm"):
        out = out.replace(junk, "")
    return out.replace("varepsilon", "epsilon").replace("varphi", "phi")


_INDEX: dict[str, sp.Symbol] = {}
_AMBIGUOUS: dict[str, set[sp.Symbol]] = {}
_INDEXED = -1


def _python_names() -> dict[sp.Symbol, str]:
    """The module attribute of each declared symbol (``beta1`` for β₁)."""
    return {value: name for name, value in globals().items()
            if not name.startswith("_") and isinstance(value, Symbol) and declared(value) is not None}


def _index() -> dict[str, sp.Symbol]:
    """Spelling key → symbol. Python names win; two symbols sharing another spelling make it ambiguous."""
    global _INDEXED
    if _INDEXED != len(_REGISTRY):
        python = _python_names()
        index: dict[str, sp.Symbol] = {_key(name): sym for sym, name in python.items()}
        ambiguous: dict[str, set[sp.Symbol]] = {}
        for decl in _REGISTRY.values():
            for spelling in (decl.latex, decl.text):
                key = _key(spelling)
                other = index.get(key)
                if other is None:
                    index[key] = decl.symbol
                elif other != decl.symbol and key != _key(python.get(other, "")):
                    ambiguous.setdefault(key, {other}).add(decl.symbol)
        _INDEX.clear()
        _INDEX.update({k: v for k, v in index.items() if k not in ambiguous})
        _AMBIGUOUS.clear()
        _AMBIGUOUS.update(ambiguous)
        _INDEXED = len(_REGISTRY)
    return _INDEX


def lookup(name: str | sp.Symbol) -> sp.Symbol:
    r"""The declared symbol for any usual spelling of its name, or :class:`UnknownNameError`.

    Accepts the Python name (``beta1``), LaTeX with or without braces (``\beta_{1}``, ``\beta_1``),
    plain ASCII (``beta_1``) and Unicode (``β₁``). The declared symbol carries assumptions
    (``positive=True``), so ``sp.Symbol("beta_1")`` is a *different* symbol: substitute with this one.

    >>> lookup("beta_1") is lookup("β₁") is lookup(r"\beta_{1}") is lookup(r"\beta_1") is beta1
    True
    >>> lookup("v_hat"), lookup("η_t")
    (v̂_t, η_t)
    >>> lookup("beta_3")
    Traceback (most recent call last):
    ...
    derive.errors.UnknownNameError: unknown symbol 'beta_3': derive.symbols declares β₂ (beta2), β₁ (beta1), ...
    """
    from .errors import UnknownNameError

    if isinstance(name, sp.Symbol):
        if declared(name) is not None:
            return name
        name = name.name
    key = _key(str(name))
    found = _index().get(key)
    if found is None and key in _AMBIGUOUS:
        choices = ", ".join(sorted(f"{text_name(x)} ({python_name(x) or x.name})" for x in _AMBIGUOUS[key]))
        raise UnknownNameError(f"the name {name!r} is ambiguous: it may be {choices}; use the Python name")
    if found is None:
        raise UnknownNameError(f"unknown symbol {name!r}: derive.symbols declares {_known_names(str(name))}")
    return found


def _known_names(near: str) -> str:
    """The declared names, the closest to ``near`` first."""
    import difflib

    python = _python_names()
    names = [f"{text_name(decl.symbol)} ({python.get(decl.symbol, decl.latex)})" for decl in _REGISTRY.values()]
    close = difflib.get_close_matches(_key(near), [_key(python.get(d.symbol, d.latex)) for d in _REGISTRY.values()],
                                      n=3, cutoff=0.5)
    keyed = {_key(python.get(d.symbol, d.latex)): n for d, n in zip(_REGISTRY.values(), names)}
    first = [keyed[k] for k in close]
    rest = [n for n in names if n not in first]
    return ", ".join(first + rest[: max(0, 4 - len(first))]) + (", …" if len(names) > 4 else "")


def python_name(sym: sp.Symbol) -> str | None:
    """The attribute of :mod:`derive.symbols` that holds a declared symbol.

    >>> python_name(beta1), python_name(v_hat)
    ('beta1', 'v_hat')
    """
    return _python_names().get(sym)


def __getattr__(attr: str) -> object:
    # ``__all__`` is computed, so a symbol declared anywhere in this file is exported.
    if attr == "__all__":
        functions = ["Declared", "Symbol", "all_declared", "declared", "latex_to_text", "lookup", "python_name",
                     "role", "symbol", "text_name"]
        return sorted(set(_python_names().values())) + functions
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")
