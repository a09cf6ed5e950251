"""From a system to the step form w_t = g(λ)·w_{t-1} − rate·h(…), one recorded substitution at a time.

The engine never asks ``simplify`` for a presentable answer. It substitutes definitions into the
weight update one at a time (each a :class:`Step`), reads the coefficient of w_{t-1} off by
differentiation (which keeps the product structure the definitions had), reads h off by setting
w_{t-1} to zero, and only tidies common factors. Every displayed form is then proved equal to the raw
result, symbolically and at random points (:mod:`derive.proof`), before it is returned.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Mapping

import sympy as sp

from . import printing
from . import symbols as S
from .analysis import Analysis, analyse
from .display import aligned, clip, display, inline, latex_text, markdown_to_latex
from .catalog import Optimizer, get
from .budget import time_budget
from .errors import BudgetExceeded, DerivationError
from .proof import Verdict, compare, numeric_difference
from .system import System


#: Seconds allowed for collecting h(…) into a textbook layout before it is shown as built.
TIDY_SECONDS = 10.0


@dataclass(frozen=True)
class Step:
    """One line of a derivation: ``lhs = expr`` after substituting ``substituted`` (None: as written).

    ``reason`` is the note of the substituted definition ("first moment"), for the reader.

    >>> derive("sgd", "l2").steps[1]
    Step(w_t = w_{t-1} − η_t·(∇L(w_{t-1}) + λ·w_{t-1})  [substitute g_t: the gradient the optimizer sees])
    """

    expr: sp.Expr
    substituted: sp.Symbol | None
    reason: str
    lhs: sp.Symbol = S.w

    def why(self) -> str:
        """``substitute m_t: first moment``, or the reason alone for the step as written."""
        if self.substituted is None:
            return self.reason
        return f"substitute {S.text_name(self.substituted)}" + (f": {self.reason}" if self.reason else "")

    def text(self) -> str:
        return f"{printing.text(self.lhs)} = {printing.text(self.expr)}"

    def __repr__(self) -> str:
        return f"Step({clip(self.text())}  [{self.why()}])"

    def __str__(self) -> str:
        return f"{self.text()}    [{self.why()}]"

    def _reason_latex(self) -> str:
        if self.substituted is None:
            return f"\\text{{{latex_text(self.reason)}}}"
        tail = f"\\text{{: {latex_text(self.reason)}}}" if self.reason else ""
        return f"\\text{{substitute }} {printing.latex(self.substituted)}{tail}"

    def _repr_latex_(self) -> str:
        return (f"$\\displaystyle {printing.latex(self.lhs)} = {printing.latex(self.expr)}"
                f" \\qquad {self._reason_latex()}$")

    def _repr_markdown_(self) -> str:
        why = self.reason if self.substituted is None else \
            f"substitute {inline(self.substituted)}" + (f": {self.reason}" if self.reason else "")
        return f"{display(f'{printing.latex(self.lhs)} = {printing.latex(self.expr)}')}\n\n*{why}*\n"


@dataclass(frozen=True)
class Derivation:
    """The answer to "write one step in the form w_t = g(λ)·w_{t-1} − η_t·h(…)".

    ``decay`` (g(λ)), ``h`` and ``rate`` are SymPy expressions with ``w_t == decay*w_{t-1} - rate*h``
    proved in :attr:`proofs`. ``decay == 1 - uniform_part * responsible`` where ``responsible`` is
    the product of the factors that depend on optimizer state (None when the decay is uniform).
    """

    system: System
    steps: tuple[Step, ...]
    raw: sp.Expr
    decay: sp.Expr
    h: sp.Expr
    rate: sp.Expr
    shrink: sp.Expr
    uniform_part: sp.Expr
    responsible: sp.Expr | None
    analysis: Analysis
    expanded: bool
    optimizer: Optimizer | None = None
    reg: str = "custom"
    reg_detail: str = "custom"
    proofs: tuple[tuple[str, Verdict], ...] = field(default=())
    #: Hyperparameters fixed by :meth:`at`, in the order given (shown in the title).
    at_values: tuple[tuple[sp.Symbol, sp.Expr], ...] = field(default=())

    # -- analysis shortcuts -----------------------------------------------------------------
    @property
    def kind(self) -> str:
        return self.analysis.kind

    @property
    def depends_on(self) -> tuple[sp.Symbol, ...]:
        return self.analysis.depends_on

    @property
    def notes(self) -> tuple:
        return self.analysis.notes

    @property
    def hidden(self) -> tuple:
        """Every dependence on λ·w_{t-1} the form hides, with the symbol hiding it (see :class:`Hidden`)."""
        return self.analysis.hidden

    @property
    def form(self) -> sp.Expr:
        """The step form as one SymPy expression (equal to :attr:`raw`)."""
        return self.decay * S.w_prev - self.rate * self.h

    # -- textbook LaTeX -----------------------------------------------------------------------
    def decay_parts(self) -> tuple[str, str | None]:
        """LaTeX of the hyperparameter part of the shrinkage and of the per-coordinate factor."""
        return printing.latex(self.uniform_part), (printing.latex(self.responsible) if self.responsible is not None else None)

    def decay_latex(self) -> str:
        """g(λ) as a textbook writes it: ``1 - \\frac{…}{…} \\cdot \\frac{1}{\\sqrt{\\hat{v}_{t}} + \\varepsilon}``."""
        if self.shrink == 0:
            return "1"
        uniform, responsible = self.decay_parts()
        if responsible is None:
            return printing.latex(self.decay)
        if self.uniform_part == 1:
            return f"1 - {responsible}"
        return f"1 - {uniform} \\cdot {responsible}"

    def decay_text(self) -> str:
        if self.shrink == 0:
            return "1"
        if self.responsible is None:
            return printing.text(self.decay)
        return f"1 − {printing.text(self.uniform_part)} · {printing.text(self.responsible)}"

    def h_latex(self) -> str:
        return printing.latex(self.h)

    def form_latex(self) -> str:
        """``w_{t} = \\left(g\\right) w_{t-1} - \\eta_{t} \\left(h\\right)`` in the exercise's layout."""
        decay = "" if self.shrink == 0 else self._grouped(self.decay_latex(), self.decay, "latex") + " "
        return f"{S.w.name} = {decay}{S.w_prev.name} - {self._rate_times_h('latex')}"

    def form_text(self) -> str:
        decay = "" if self.shrink == 0 else self._grouped(self.decay_text(), self.decay, "text") + "·"
        return f"w_t = {decay}w_{{t-1}} − {self._rate_times_h('text')}"

    def _grouped(self, shown: str, expr: sp.Expr, style: str) -> str:
        if expr.is_Atom or expr.is_Mul or expr.is_Pow or isinstance(expr, sp.Function):
            return shown
        return f"\\left({shown}\\right)" if style == "latex" else f"({shown})"

    def _rate_times_h(self, style: str) -> str:
        pr = printing.latex if style == "latex" else printing.text
        h = pr(self.h)
        if self.rate == 1:
            return self._grouped(h, self.h, style)
        sep = " " if style == "latex" else "·"
        return f"{pr(self.rate)}{sep}{self._grouped(h, self.h, style)}"

    def system_rows_latex(self) -> list[str]:
        return [f"{d.target.name} = {printing.latex(d.expr)}" for d in self.system.definitions]

    def step_latex(self, i: int) -> str:
        return printing.latex(self.steps[i].expr)

    # -- displays ------------------------------------------------------------------------------
    @property
    def title(self) -> str:
        """``Adam with L2 regularization (λ·w added to the gradient)``, with the values fixed by :meth:`at`."""
        if self.optimizer is None:
            title = "Your system"
        else:
            reg = _REG_TITLES.get(self.reg_detail, self.reg_detail)
            title = f"{self.optimizer.title} {reg}"
        if self.at_values:
            title += ", at " + ", ".join(f"{printing.text(k)} = {printing.text(v)}" for k, v in self.at_values)
        return title

    @property
    def label(self) -> str:
        """``adam --reg l2``: how the command line names this derivation."""
        name = self.optimizer.name if self.optimizer is not None else "system"
        at = "".join(f", {S.python_name(k) or k.name}={printing.text(v)}" for k, v in self.at_values)
        return f"{name} --reg {self.reg}{at}" if self.optimizer is not None else f"{name}{at}"

    def __repr__(self) -> str:
        return f"Derivation({self.label}: {clip('g(λ) = ' + self.decay_text(), 110)}; {self.kind})"

    def __str__(self) -> str:
        from .report import derivation_text

        return derivation_text(self)

    def generic_form_latex(self) -> str:
        """The shape the exercise asks for, with this system's weight and rate: ``w_t = g(λ) w_{t-1} − η_t h``.

        >>> print(derive("sgdw-paper").generic_form_latex())
        w_{t} = g(\\lambda)\\, w_{t-1} - h
        """
        rate = "" if self.rate == 1 else printing.latex(self.rate) + "\\, "
        return (f"{printing.latex(self.system.weight)} = g(\\lambda)\\, {printing.latex(self.system.weight_prev)}"
                f" - {rate}h")

    def answer_latex(self) -> str:
        """``g(λ) = …`` and ``h = …`` as two aligned rows (to put inside display math)."""
        return aligned([f"g(\\lambda) &= {self.decay_latex()}", f"h &= {self.h_latex()}"])

    def _kind_sentence(self) -> str:
        if self.kind == "uniform":
            return "**uniform**: the same decay factor for every weight."
        factor = inline(self.responsible) if self.responsible is not None else "$g(\\lambda)$"
        names = ", ".join(inline(s) for s in self.depends_on)
        verb = "differs" if len(self.depends_on) == 1 else "differ"
        return f"**per-coordinate**: {factor} depends on {names}, which {verb} from coordinate to coordinate."

    def _repr_markdown_(self) -> str:
        source = f" (`{self.optimizer.source}`)" if self.optimizer is not None else ""
        notes = [f"- {n._repr_markdown_()}" for n in self.notes if n.code != "per-coordinate-factor"]
        parts = [f"**{self.title}**{source}", "", display(self.system.latex()), "",
                 f"In the form ${self.generic_form_latex()}$:", "",
                 display(self.form_latex()), "", display(self.answer_latex()), "", self._kind_sentence()]
        if notes:
            parts += [""] + notes
        return "\n".join(parts) + "\n"

    def _repr_latex_(self) -> str:
        rows = [self.system.latex(), self.form_latex(),
                f"g(\\lambda) = {self.decay_latex()}, \\qquad h = {self.h_latex()}",
                markdown_to_latex(self._kind_sentence().replace("**", ""))]
        rows += [markdown_to_latex(n._repr_markdown_()) for n in self.notes if n.code != "per-coordinate-factor"]
        body = " \\\\[4pt]\n".join(rows)
        return f"$$\n\\begin{{gathered}}\n{body}\n\\end{{gathered}}\n$$"

    # -- substituting, simulating, unrolling -------------------------------------------------------
    def at(self, values: Mapping[str | sp.Symbol, object] | None = None, /, **named: object) -> "Derivation":
        """The same derivation with some hyperparameters fixed, derived again (and proved again).

        Names are any spelling :func:`derive.symbols.lookup` accepts (``beta1``, ``"β₁"``,
        ``r"\\beta_1"``); a name that is not one of this derivation's hyperparameters (or ``t``) is
        an :class:`~derive.errors.UnknownNameError`. Python floats are read as the decimal they print
        as (``0.9`` is 9/10), so the result stays exact.

        >>> derive("adam", "l2").at(beta1=0).decay_text()
        '1 − η_t·λ · 1/(√v̂_t + ε)'
        >>> derive("adam", "l2").at(mu=0.9)
        Traceback (most recent call last):
        ...
        derive.errors.UnknownNameError: μ is not a parameter of Adam with L2 ...
        """
        items = list((values or {}).items()) + list(named.items())
        if not items:
            return self
        allowed = set(self.system.hyperparameters()) | {S.t}
        fixed: dict[sp.Symbol, sp.Expr] = {}
        for name, value in items:
            sym = S.lookup(name) if not (isinstance(name, sp.Symbol) and name in allowed) else name
            if sym not in allowed:
                from .errors import UnknownNameError

                params = ", ".join(f"{S.text_name(p)} ({S.python_name(p) or p.name})"
                                   for p in sorted(allowed, key=lambda p: p.name))
                raise UnknownNameError(f"{S.text_name(sym)} is not a parameter of {self.title}: "
                                       f"its parameters are {params}")
            fixed[sym] = _exact(value)
        system = self.system
        defs = [replace(d, expr=d.expr.xreplace(fixed)) for d in system.definitions]
        initial = {prev: sp.sympify(value).xreplace(fixed) for prev, value in system.initial.items()}
        new = System(tuple(defs), system.weight, system.weight_prev, system.gradient, dict(system.state),
                     sp.sympify(system.rate).xreplace(fixed), system.atoms, system.params, system.assumptions,
                     initial)
        result = derive_system(new, expand=self.expanded, reg_detail=self.reg_detail)
        return replace(result, optimizer=self.optimizer, reg=self.reg,
                       at_values=self.at_values + tuple(fixed.items()))

    def simulate(self, *args: Any, **kwargs: Any) -> Any:
        """Run the system and this step form side by side: see :func:`derive.simulate.simulate`."""
        from .simulate import simulate

        return simulate(self, *args, **kwargs)

    def plot_decay(self, *args: Any, **kwargs: Any) -> Any:
        """A matplotlib figure of the effective decay 1 − g per coordinate: see :func:`derive.figures.plot_decay`."""
        from .figures import plot_decay

        return plot_decay(self, *args, **kwargs)

    def unroll(self, k: int, **kwargs: Any) -> Any:
        """The coefficient of w_{t-k} in w_t in each regularization mode: see :func:`derive.unrolled.compare_modes`."""
        from .unrolled import compare_modes

        return compare_modes(self, k, **kwargs)


_REG_TITLES = {"none": "without regularization", "l2": "with L2 regularization (λ·w added to the gradient)",
               "decoupled-lr": "with decoupled weight decay (×lr: w ← (1 − η_t·λ)·w)",
               "decoupled-schedule": "with decoupled weight decay (×schedule multiplier η_t only)"}


def _exact(value: object) -> sp.Expr:
    """A number as an exact SymPy value: a float as the decimal it prints as."""
    if isinstance(value, bool):
        raise TypeError("a parameter value must be a number or a SymPy expression, not a bool")
    if isinstance(value, float):
        return sp.Rational(repr(value))
    return sp.sympify(value, strict=True)


def derive(name: str, reg: str | None = None, *, expand: bool = False) -> Derivation:
    """Derive the step form of a catalog entry.

    >>> d = derive("momentum", "l2")
    >>> d.decay_text(), d.kind
    ('1 − η_t·λ', 'uniform')
    >>> derive("adam", "bogus")
    Traceback (most recent call last):
    ...
    derive.errors.UsageError: unknown regularization mode 'bogus': choose one of none, l2, decoupled
    """
    optimizer = get(name)
    mode = optimizer.check_mode(reg)
    result = derive_system(optimizer.system(mode), expand=expand, reg_detail=optimizer.detail(mode))
    return replace(result, optimizer=optimizer, reg=mode)


def derive_system(system: System, *, expand: bool = False, check: bool = True,
                  reg_detail: str | None = None) -> Derivation:
    """Derive the step form of any system (a user's own, from :func:`derive.system.make_system`).

    ``reg_detail`` (none, l2, decoupled-lr, …) is read off the system when not given
    (:func:`derive.system.regularization`), so the notes about hidden dependences fit the system.
    Besides the system's declared atoms, an intermediate that depends on w_{t-1} and that the step
    reads non-polynomially (under sign(…), max(…), a root, in a denominator) is held as an atom too,
    as a textbook keeps c_t in sign(c_t): substituting it would leave no form linear in w_{t-1} to
    read g(λ) from. The analysis then names it among the hidden dependences.

    >>> import sympy as sp
    >>> from derive.system import make_system
    >>> mine = make_system([sp.Eq(S.w, S.w_prev - S.eta * S.g), sp.Eq(S.g, S.grad + S.lam * S.w_prev)])
    >>> derive_system(mine).form_text()
    'w_t = (1 − η_t·λ)·w_{t-1} − η_t·∇L(w_{t-1})'
    """
    if reg_detail is None:
        from .system import regularization
        reg_detail = regularization(system)[0]
    auto = _nonpolynomial_atoms(system)
    if auto:
        system = replace(system, atoms=system.atoms + auto)
    steps, held, raw = _substitute(system, expand)
    coefficient = sp.diff(held, system.weight_prev)
    if sp.diff(coefficient, system.weight_prev) != 0:
        raise DerivationError(f"the step is not linear in {system.weight_prev.name}: no form g·w_{{t-1}} − η·h exists")
    shrink = sp.factor_terms(1 - coefficient)
    remainder = held.xreplace({system.weight_prev: sp.Integer(0)})
    try:
        with time_budget(TIDY_SECONDS):
            h = _tidy(-remainder / system.rate, system)
    except BudgetExceeded:
        h = -remainder / system.rate  # correct, only less tidy: the proofs below still check it
    uniform_part, responsible = _split_shrink(shrink, system)
    decay = 1 - shrink
    proofs: list[tuple[str, Verdict]] = []
    if check:
        # Proved with the atoms held: writing v̂_t out afterwards substitutes equals for equals.
        form = decay * system.weight_prev - system.rate * h
        proofs.append(("step form equals the substitution result", compare(form, held, seconds=10)))
        display = 1 - uniform_part * (responsible if responsible is not None else 1)
        proofs.append(("displayed g(λ) equals the coefficient of w_{t-1}", compare(display, decay, seconds=10)))
    if expand:
        atoms = _atom_values(system)
        decay, h, uniform_part, shrink = (e.xreplace(atoms) for e in (decay, h, uniform_part, shrink))
        responsible = responsible.xreplace(atoms) if responsible is not None else None
        if check:
            numeric = numeric_difference(decay * system.weight_prev - system.rate * h, raw)
            proofs.append(("with the atoms written out, the form equals the raw result at random points", numeric))
    failed = [(what, v) for what, v in proofs if v.status != "true"]
    if failed:
        what, verdict = failed[0]
        raise DerivationError(f"internal check failed: {what} is {verdict.status} ({verdict.reason})")
    analysis = analyse(system, decay, h, responsible, reg_detail=reg_detail, expanded=expand)
    return Derivation(reg_detail=reg_detail, system=system, steps=tuple(steps), raw=raw, decay=decay, h=h, rate=system.rate,
                      shrink=shrink, uniform_part=uniform_part, responsible=responsible, analysis=analysis,
                      expanded=expand, proofs=tuple(proofs))


def _substitute(system: System, expand: bool) -> tuple[list[Step], sp.Expr, sp.Expr]:
    """Substitute definitions into the weight update, latest-defined first, one per step.

    Returns the steps, the result with the atoms (v̂_t) held, and the raw result (atoms expanded
    too when ``expand``).
    """
    order = {d.target: i for i, d in enumerate(system.definitions)}
    expr = system.weight_update.expr
    steps = [Step(expr, None, "the step as written", system.weight)]
    held: sp.Expr | None = None
    while True:
        pending = [s for s in expr.free_symbols if s in order and s != system.weight]
        substitutable = [s for s in pending if s not in system.atoms]
        if not substitutable and held is None:
            held = expr
            if not expand:
                break
        candidates = substitutable or pending
        if not candidates:
            break
        target = max(candidates, key=order.__getitem__)
        definition = system.definition(target)
        expr = expr.xreplace({target: definition.expr})
        steps.append(Step(expr, target, definition.note, system.weight))
    assert held is not None
    return steps, held, expr


def _nonpolynomial_atoms(system: System) -> tuple[sp.Symbol, ...]:
    """Intermediates reading w_{t-1} that the expression they would be substituted into is not a
    polynomial in (u_t in m_t/u_t, c_t in sign(c_t), v̂_t under a root), walking out from the step."""
    defs = {d.target: d.expr for d in system.definitions}
    reads_weight: dict[sp.Symbol, bool] = {}

    def reads(s: sp.Symbol) -> bool:
        if s == system.weight_prev:
            return True
        if s not in defs:
            return False
        if s not in reads_weight:
            reads_weight[s] = False  # no cycles (validated), but be safe
            reads_weight[s] = any(reads(x) for x in defs[s].free_symbols)
        return reads_weight[s]

    held: list[sp.Symbol] = []
    frontier = [system.weight_update.expr]
    seen: set[sp.Symbol] = set()
    while frontier:
        expr = frontier.pop()
        for s in sorted(expr.free_symbols, key=lambda s: s.name):
            if s not in defs or s == system.weight or s in seen:
                continue
            seen.add(s)
            if s in system.atoms:
                continue
            if reads(s) and not expr.is_polynomial(s):
                held.append(s)
                continue
            frontier.append(defs[s])
    return tuple(held)


def _tidy(expr: sp.Expr, system: System) -> sp.Expr:
    """Collect the numerator in the state and gradient symbols, each with a factored coefficient.

    ``∇L + μ(μ m + ∇L)`` becomes ``μ² m_{t-1} + (1 + μ) ∇L``; the denominator is left as built.
    """
    if expr.atoms(sp.Function) - expr.atoms(sp.Abs):
        return expr  # sign(…), exp(…): collecting would expand inside the function; keep it as built
    num, den = sp.fraction(expr)
    hyper = system.uniform_symbols()
    variables = sorted((s for s in num.free_symbols if s not in hyper), key=lambda s: s.name)
    if not variables:
        return sp.factor_terms(expr)
    if den == 1 and num.is_Add and any(sp.fraction(term)[1] != 1 for term in num.args):
        return _tidy_sum_of_fractions(expr, variables)
    collected = sp.collect(sp.expand(num), variables, evaluate=False)
    if any(k != 1 and not (k.is_Symbol or k.is_Pow) for k in collected):
        return sp.factor_terms(expr)  # not linear in the variables: keep the structure as built
    schedules = sorted((a for a in system.atoms if a in hyper), key=lambda s: s.name)  # a_t + (1 − β₁) b_t
    tidy = sp.Add(*(sp.factor_terms(sp.collect(c, schedules) if schedules else c) * k for k, c in collected.items()))
    return sp.factor_terms(tidy) / den


def _tidy_sum_of_fractions(expr: sp.Expr, variables: list[sp.Symbol]) -> sp.Expr:
    """A sum of fractions (NAdam: two step sizes over one denominator): take the shared factors out,
    then collect what is left in the state and gradient symbols without multiplying the
    denominators out, ``((1 − μ_t)/(1 − π_t) + …)·∇L + …`` over √v̂_t + ε."""
    common = sp.factor_terms(expr)
    outside: list[sp.Expr] = []
    inside: sp.Expr = sp.Integer(1)
    for factor in sp.Mul.make_args(common):
        if factor.is_Add and factor.free_symbols & set(variables):
            inside *= factor
        else:
            outside.append(factor)
    coefficients: dict[sp.Expr, sp.Expr] = {}
    for term in sp.Add.make_args(inside):
        scalar = sp.Mul(*(f for f in sp.Mul.make_args(term) if not f.free_symbols & set(variables)))
        rest = sp.Mul(*(f for f in sp.Mul.make_args(term) if f.free_symbols & set(variables)))
        for key, c in sp.collect(sp.expand(rest), variables, evaluate=False).items():
            if key != 1 and not (key.is_Symbol or key.is_Pow):
                return common
            coefficients[key] = coefficients.get(key, sp.Integer(0)) + scalar * sp.factor_terms(c)
    body = sp.Add(*(c * k for k, c in coefficients.items()))
    return sp.Mul(*outside) * body


def _atom_values(system: System) -> dict[sp.Symbol, sp.Expr]:
    """Each atom written out in terms of the step's inputs."""
    order = {d.target: d.expr for d in system.definitions}
    values: dict[sp.Symbol, sp.Expr] = {}
    for atom in system.atoms:
        expr = order[atom]
        while any(s in order for s in expr.free_symbols):
            expr = expr.xreplace({s: order[s] for s in expr.free_symbols if s in order})
        values[atom] = expr
    return values


def _split_shrink(shrink: sp.Expr, system: System) -> tuple[sp.Expr, sp.Expr | None]:
    """shrink = uniform · responsible, where ``responsible`` gathers the factors that read state."""
    if shrink == 0:
        return sp.Integer(0), None
    hyper = system.uniform_symbols()
    uniform: list[sp.Expr] = []
    responsible: list[sp.Expr] = []
    for factor in sp.Mul.make_args(shrink):
        (uniform if factor.free_symbols <= hyper else responsible).append(factor)
    if not responsible:
        return shrink, None
    return sp.Mul(*uniform), sp.Mul(*responsible)
