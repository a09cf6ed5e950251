"""What a step form means: is the decay the same for every weight, and what does the form hide?

The classification is read off the free symbols of g(λ): only hyperparameters (and the step
counter) means *uniform*; anything the optimizer computes from the data (v̂_t, m_{t-1}, the gradient)
means *per-coordinate*, since those are vectors and the step is element-wise. The notes state the
dependences the one-step form hides, and :func:`part_ways` unrolls several steps to show where two
regularization schemes stop agreeing.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import sympy as sp

from . import printing
from . import symbols as S
from .display import clip, inline
from .proof import Verdict, compare
from .system import System

Kind = Literal["uniform", "per-coordinate"]


@dataclass(frozen=True)
class Note:
    r"""A stable ``code`` (templates translate it), the English sentence, the same with ``$…$`` math, and
    the symbols the note is about, when it is about some.

    >>> n = Note("x", "λ·w", markdown=r"$\lambda w$")
    >>> n
    Note(x: λ·w)
    """

    code: str
    text: str
    about: tuple[sp.Symbol, ...] = ()
    markdown: str = ""

    def __repr__(self) -> str:
        return f"Note({self.code}: {clip(self.text)})"

    def __str__(self) -> str:
        return self.text

    def _repr_markdown_(self) -> str:
        return self.markdown or self.text


@dataclass(frozen=True)
class Hidden:
    """A dependence on λ·w_{t-1} that the one-step form does not show, and the symbol that hides it.

    ``how`` is ``carries`` for a previous state built from earlier gradients of Q (m_{t-1} carries
    λ·w from past steps), ``contains`` for an atom computed in this very step from w_{t-1} (v̂_t,
    u_t = max(…), c_t under sign(…)): the split g(λ)·w_{t-1} − η·h is exact with it held fixed, but
    is then not a linear map of w_{t-1}. ``through`` is the function the atom sits under in the form
    (sign, max), if any: there a λ·w_{t-1} can never be collected into g(λ).
    """

    symbol: sp.Symbol
    how: Literal["carries", "contains"]
    text: str
    through: str | None = None


@dataclass(frozen=True)
class Analysis:
    """The classification of g(λ) (uniform or per-coordinate), what it depends on, and the notes."""

    kind: Kind
    depends_on: tuple[sp.Symbol, ...]
    notes: tuple[Note, ...]
    hidden: tuple[Hidden, ...] = ()

    @property
    def unexplained(self) -> tuple[Hidden, ...]:
        """The hidden dependences no note already explains (what ``derive show`` lists after the notes)."""
        told = {s for n in self.notes for s in n.about}
        return tuple(x for x in self.hidden if x.symbol not in told)

    def __repr__(self) -> str:
        names = ", ".join(S.text_name(s) for s in self.depends_on)
        codes = ", ".join(n.code for n in self.notes)
        return f"Analysis({self.kind}" + (f", depends on {names}" if names else "") + (f"; notes: {codes})" if codes else ")")

    def _repr_markdown_(self) -> str:
        if self.kind == "uniform":
            head = "**uniform**: the same decay factor for every weight."
        else:
            verb = "differs" if len(self.depends_on) == 1 else "differ"
            head = "**per-coordinate**: g(λ) depends on " + ", ".join(inline(s) for s in self.depends_on) + \
                   f", which {verb} from coordinate to coordinate."
        return "\n".join([head, ""] + [f"- {n._repr_markdown_()}" for n in self.notes])


Piece = sp.Basic | tuple[str, str] | list[sp.Basic]


def _say(template: str, **parts: Piece) -> tuple[str, str]:
    """A sentence in plain text and in Markdown with math, from one template and SymPy pieces
    (a ``(text, markdown)`` pair where the two are written by hand)."""
    def as_text(v: Piece) -> str:
        if isinstance(v, list):
            return ", ".join(printing.text(x) for x in v)
        return v[0] if isinstance(v, tuple) else printing.text(v)

    def as_markdown(v: Piece) -> str:
        if isinstance(v, list):
            return ", ".join(inline(x) for x in v)
        return v[1] if isinstance(v, tuple) else inline(v)
    return (template.format(**{k: as_text(v) for k, v in parts.items()}),
            template.format(**{k: as_markdown(v) for k, v in parts.items()}))


def _note(code: str, template: str, about: tuple[sp.Symbol, ...] = (), **parts: Piece) -> Note:
    text, markdown = _say(template, **parts)
    return Note(code, text, about, markdown)


def analyse(system: System, decay: sp.Expr, h: sp.Expr, responsible: sp.Expr | None, *,
            reg_detail: str, expanded: bool) -> Analysis:
    """Classify g(λ) and write the notes on what the one-step form hides (called by :func:`derive.derive`).

    >>> from derive import catalog
    >>> system = catalog.get("adam").system("decoupled")
    >>> analyse(system, 1 - S.eta * S.lam, S.m_hat, None, reg_detail="decoupled-lr", expanded=False)
    Analysis(uniform; notes: decay-outside-adaptive-step)
    """
    hyper = system.uniform_symbols()
    depends = tuple(sorted((s for s in decay.free_symbols if s not in hyper), key=lambda s: s.name))
    kind: Kind = "per-coordinate" if depends else "uniform"
    notes: list[Note] = []
    lam, w_prev = S.lam, system.weight_prev
    if kind == "per-coordinate" and responsible is not None:
        verb = "differs" if len(depends) == 1 else "differ"
        notes.append(_note("per-coordinate-factor",
                           "The factor {factor} depends on {names}, which " + verb + " from coordinate to coordinate: "
                           "each weight decays at its own rate.", factor=responsible, names=list(depends)))
    shown = decay.free_symbols | h.free_symbols
    hidden = _hidden(system, decay, h, expanded)
    carried = [x.symbol for x in hidden if x.how == "carries"]
    contained = [x.symbol for x in hidden if x.how == "contains"]
    # The prose-coded notes: the templates word each for the symbols it is about (m_{t-1} and v̂_t in
    # Adam; the accumulators, u_t or c_t under sign(…) elsewhere); ``hidden`` has every one in detail.
    if carried:
        notes.append(_note("momentum-carries-lambda",
                           "{names} " + ("is" if len(carried) == 1 else "are") + " built from earlier gradients of "
                           "Q, so " + ("it carries" if len(carried) == 1 else "they carry") + " {lw} from past steps: "
                           "{g} is the decay of this step only, not all of it.",
                           about=tuple(carried), names=carried, lw=_LAMBDA_W, g=_G_LAMBDA))
    if contained:
        lam, w_prev = S.lam, system.weight_prev
        notes.append(_note("vhat-contains-lambda",
                           "{names} " + ("is" if len(contained) == 1 else "are") + " computed in this step from {gt}, "
                           "so {lw} is inside: the split is exact with " + ("it" if len(contained) == 1 else "them")
                           + " held fixed, not a linear map of {w}.", about=tuple(contained), names=contained,
                           gt=sp.Eq(S.g, system.gradient + lam * w_prev, evaluate=False), lw=lam * w_prev, w=w_prev))
    adaptive = [a for a in system.atoms if a not in hyper]  # per-coordinate atoms; schedules (r_t, π_t) are not
    if reg_detail.startswith("decoupled") and adaptive and set(adaptive) & (shown | set(system.targets)):
        notes.append(_note("decay-outside-adaptive-step",
                           "The decay is applied outside the adaptive step, so every weight is multiplied by the "
                           "same factor {factor}, whatever its {atom}.", factor=1 - S.eta * S.lam, atom=adaptive[0]))
    if reg_detail == "decoupled-schedule" and S.alpha in system.inputs:
        notes.append(_note("decay-not-times-base-rate",
                           "The decay is scaled by the schedule multiplier {eta} only, not by the base rate {alpha}; "
                           "frameworks scale it by the whole learning rate {rate}, so {relation}.",
                           eta=S.eta, alpha=S.alpha, rate=S.eta * S.alpha,
                           relation=("λ_framework = λ_paper/α",
                                     r"$\lambda_{\text{framework}} = \lambda_{\text{paper}}/\alpha$")))
    return Analysis(kind, depends, tuple(notes), hidden)


def _hidden(system: System, decay: sp.Expr, h: sp.Expr, expanded: bool) -> tuple[Hidden, ...]:
    """Every symbol of the form that depends on w_{t-1} without showing it, with a sentence each."""
    shown = decay.free_symbols | h.free_symbols
    out: list[Hidden] = []
    for prev in sorted(_decayed_state(system) & shown, key=lambda s: s.name):
        name = printing.text(prev)
        out.append(Hidden(prev, "carries",
                          f"{name} is built from earlier gradients of Q, so it carries λ·w from past steps: "
                          "g(λ) is the decay of this step only, not all of it."))
    via = ""
    if S.g in system.targets and _reads(system, S.g, system.weight_prev):
        via = f" (through g_t = {printing.text(system.definition(S.g).expr)})"
    for atom in sorted(_atoms_reading_weight(system), key=lambda s: s.name):
        if atom not in shown and not expanded:
            continue
        name = printing.text(atom)
        through = _enclosing_function(atom, decay, h)
        if through is not None:
            text = (f"{name} is computed from w_{{t-1}}{via}, and the step reads it under {through}(…): the "
                    "λ·w_{t-1} it contains cannot be collected into g(λ), which shows only the decay outside it.")
        else:
            text = (f"{name} is computed from w_{{t-1}}{via}, so it contains λ·w_{{t-1}} itself: the split is exact "
                    "with it held fixed, not a linear map of w_{t-1}.")
        out.append(Hidden(atom, "contains", text, through))
    return tuple(out)


def _enclosing_function(atom: sp.Symbol, *exprs: sp.Expr) -> str | None:
    """The name of a non-algebraic function (sign, max, |·|, a case split) that ``atom`` sits under."""
    for expr in exprs:
        for node in sp.preorder_traversal(expr):
            if isinstance(node, (sp.sign, sp.Max, sp.Min, sp.Abs, sp.Piecewise, sp.Heaviside)) \
                    and atom in node.free_symbols:
                return {"Max": "max", "Min": "min", "Abs": "abs"}.get(type(node).__name__, type(node).__name__)
    return None


_G_LAMBDA = ("g(λ)", r"$g(\lambda)$")
_LAMBDA_W = ("λ·w", r"$\lambda w$")


def _reads(system: System, target: sp.Symbol, what: sp.Symbol) -> bool:
    """Does ``target``'s definition read ``what``, directly or through earlier definitions?"""
    defs = {d.target: d.expr for d in system.definitions}
    stack, seen = [target], set()
    while stack:
        s = stack.pop()
        if s in seen:
            continue
        seen.add(s)
        if s == what:
            return True
        if s in defs:
            stack.extend(defs[s].free_symbols)
    return False


def _decayed_state(system: System) -> set[sp.Symbol]:
    """Previous-state symbols whose update reads w_{t-1} (they carry the decay into later steps)."""
    return {prev for new, prev in system.state.items() if _reads(system, new, system.weight_prev)}


def _atoms_reading_weight(system: System) -> set[sp.Symbol]:
    return {a for a in system.atoms if _reads(system, a, system.weight_prev)}


# -- unrolling ----------------------------------------------------------------------------------
def _index(k: int) -> str:
    """The step index t + k as written in a subscript: ``t-1``, ``t``, ``t+1``, …"""
    return "t-1" if k == -1 else ("t" if k == 0 else f"t+{k}")


def unroll(system: System, k: int) -> list[sp.Expr]:
    """The iterate after 1…k steps, in terms of w_{t-1}, the state before, and per-step atoms.

    Each step reads its own gradient atom ∇_w L(w_{t-1+j}) and its own adaptive atoms (v̂_{t+j}), held
    fixed, with the step counter advanced; hyperparameters stay constant. (``derive show --unroll``
    uses the bounded :func:`derive.unrolled.compare_modes` instead.)

    >>> from derive import catalog
    >>> two = unroll(catalog.get("sgd").system("none"), 2)[-1]
    >>> two - (S.w_prev - S.eta * S.grad - S.eta * S.symbol(r"\\nabla_{w} L(w_{t})"))
    0
    """
    if k < 1:
        raise ValueError("unroll needs k >= 1")
    defs = system.definitions
    weight, state_prev = system.weight_prev, dict(system.state)
    current: dict[sp.Symbol, sp.Expr] = {weight: weight}
    current.update({prev: prev for prev in state_prev.values()})
    out: list[sp.Expr] = []
    for j in range(k):
        index = _index(j)
        env: dict[sp.Symbol, sp.Expr] = {system.weight_prev: current[weight], S.t: S.t + j}
        env.update({prev: current[prev] for prev in state_prev.values()})
        if j:
            prev = system.weight_prev.name
            grad_name = system.gradient.name.replace(prev, prev.replace("_{t-1}", f"_{{{_index(j - 1)}}}"))
            env[system.gradient] = S.symbol(grad_name)
        for d in defs:
            if d.target in system.atoms and j:
                env[d.target] = S.symbol(d.target.name.replace("_{t}", f"_{{{index}}}"))
                continue
            if d.target in system.atoms:
                env[d.target] = d.target  # held as itself (an atom may be carried state too: RMSprop's v_t)
                continue
            env[d.target] = d.expr.xreplace(env)
        current = {weight: env[system.weight]}
        current.update({prev: env[new] for new, prev in state_prev.items()})
        out.append(current[weight])
    return out


@dataclass(frozen=True)
class Parting:
    """Coefficient of w_{t-1} after each of k steps under two schemes, and where they first differ."""

    coefficients_a: tuple[sp.Expr, ...]
    coefficients_b: tuple[sp.Expr, ...]
    verdicts: tuple[Verdict, ...]

    def __repr__(self) -> str:
        where = f"part ways at step {self.first_difference}" if self.first_difference else "agree on every step shown"
        return f"Parting({len(self.verdicts)} steps: {where})"

    @property
    def first_difference(self) -> int | None:
        for j, v in enumerate(self.verdicts, start=1):
            if v.status == "false":
                return j
        return None


def weight_coefficients(system: System, k: int) -> list[sp.Expr]:
    """The coefficient of w_{t-1} in each of the k unrolled iterates (unbounded: for small k).

    >>> from derive import catalog
    >>> weight_coefficients(catalog.get("sgd").system("decoupled"), 2)
    [-η_t*λ + 1, η_t**2*λ**2 - 2*η_t*λ + 1]
    """
    return [sp.expand(sp.diff(e, system.weight_prev)) for e in unroll(system, k)]


def part_ways(a: System, b: System, k: int) -> Parting:
    """Where two systems' coefficients of w_{t-1} first differ over k unrolled steps.

    >>> from derive import catalog
    >>> m = catalog.get("momentum")
    >>> part_ways(m.system("l2"), m.system("decoupled"), 3).first_difference
    2
    """
    ca, cb = weight_coefficients(a, k), weight_coefficients(b, k)
    verdicts = tuple(compare(x, y, seconds=5) for x, y in zip(ca, cb))
    return Parting(tuple(ca), tuple(cb), verdicts)
