r"""Optima in notes: ``\arg\min_w F``, ``\operatorname*{arg\,max}_{θ ∈ ℝ^D} J(θ)``, ``\min_x F``, read and decided.

Why: notes name a minimizer (``\hat θ = \arg\min_θ \frac12\|Y − Xθ\|^2``) and then derive it in closed form, or
rewrite the objective (``\arg\min_θ A = \arg\min_θ B``). The parser reads every spelling (``\arg\min``, ``\argmin``,
``\operatorname*{arg\,min}``, ``\mathrm{argmin}``, ``\mathop{\rm argmin}``, ``\underset{w}{\arg\min}``, and
``\min_x``/``\max_x`` with a subscript) into one :class:`Optimum`, so that a link with an optimum is decided
here, soundly:

- two optima of the same kind over the same variables and domain are equal when their objectives are (the
  value ``\min_x F``), and, for argmin/argmax, also when the objectives differ by a term free of the variables
  or by a positive factor free of them (the minimizer does not move);
- an argmin/argmax of a scalar objective over one unconstrained variable, equated with an expression free of
  the variable, is proved when the objective's derivative vanishes there and its second derivative has the
  right sign, or the objective is a quadratic (its one stationary point is the optimum whenever one exists);
  it is false only when the objective is a polynomial in lower-case scalars whose derivative does not vanish
  there (a minimizer of a differentiable function on ℝ is stationary). Anything else is undecided, said so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from .. import printing
from ..budget import time_budget
from ..errors import BudgetExceeded
from ..proof import compare

KINDS = ("argmin", "argmax", "min", "max")
#: The words an optimum is spelled with inside ``\operatorname``, ``\mathrm`` … (spaces and ``\,`` removed).
_WORDS = {"argmin": "argmin", "argmax": "argmax", "arg\\,min": "argmin", "arg\\,max": "argmax"}
#: The domain of a scalar variable left unconstrained: none written, or ℝ (``\mathbb{R}``, ``\R``, ``\Bbb R``).
_FREE_DOMAIN = re.compile(r"(?:\\mathbb\{R\}|\\R|\\Bbb\{?R\}?|R)?")
SECONDS = 2.0


class Optimum(sp.Function):
    r"""``\arg\min_{w} F``: args are the objective, the kind (``Str``: argmin, argmax, min, max), the domain as
    written (``Str``, empty when none) and the variables. Kept unevaluated: only this module decides it."""

    @property
    def kind(self) -> str:
        return self.args[1].name

    @property
    def objective(self) -> sp.Expr:
        return self.args[0]

    @property
    def domain(self) -> str:
        return self.args[2].name

    @property
    def variables(self) -> tuple[sp.Symbol, ...]:
        return tuple(self.args[3:])

    @property
    def free_symbols(self) -> set[sp.Basic]:  # the variables are bound
        return self.objective.free_symbols - set(self.variables)


@dataclass
class Head:
    """Where an optimum's operator starts and stops in a token list, its kind and (when written above or
    below it) the tokens of its variable."""

    kind: str
    stop: int
    below: list | None = None


def _word(tok) -> str | None:
    if tok.kind == "raw" and tok.text in ("operatorname*", "operatorname", "mathrm", "rm", "text", "mathop"):
        return _WORDS.get((tok.arg or "").replace(" ", ""))
    if tok.kind == "macro" and tok.text in ("argmin", "argmax"):
        return tok.text
    return None


def head(toks: list, pos: int) -> Head | None:
    """The optimum operator at ``pos`` in any of its spellings, or None. ``\\min``/``\\max`` count only with a
    subscript (``\\max(a, b)`` is the larger of two numbers)."""
    from .latex_tokens import arg_span, inner

    def at(k: int):
        return toks[k] if 0 <= k < len(toks) else None

    def simple(k: int) -> Head | None:
        tok = at(k)
        if tok is None:
            return None
        word = _word(tok)
        if word is not None:
            return Head(word, k + 1)
        nxt = at(k + 1)
        if tok.kind == "macro" and tok.text == "arg" and nxt is not None and nxt.kind == "macro" \
                and nxt.text in ("min", "max"):
            return Head("arg" + nxt.text, k + 2)
        if tok.kind == "macro" and tok.text == "mathop" and nxt is not None and nxt.kind == "lbrace":
            stop = arg_span(toks, k + 1)
            body = inner(toks, k + 1, stop) if stop is not None else []
            found = simple_in(body)
            if found is not None:
                return Head(found.kind, stop)
        return None

    def simple_in(body: list) -> Head | None:
        if not body:
            return None
        found = simple_inner(body)
        return found if found is not None and found.stop == len(body) else None

    def simple_inner(body: list) -> Head | None:
        tok = body[0]
        word = _word(tok)
        if word is not None:
            return Head(word, 1)
        if tok.kind == "macro" and tok.text == "arg" and len(body) > 1 and body[1].kind == "macro" \
                and body[1].text in ("min", "max"):
            return Head("arg" + body[1].text, 2)
        if tok.kind == "macro" and tok.text in ("min", "max"):
            return Head(tok.text, 1)
        return None

    tok = at(pos)
    if tok is None:
        return None
    if tok.kind == "macro" and tok.text == "underset":
        below_stop = arg_span(toks, pos + 1)
        if below_stop is None:
            return None
        over_stop = arg_span(toks, below_stop)
        if over_stop is None:
            return None
        found = simple_in(inner(toks, below_stop, over_stop))
        if found is None:
            return None
        return Head(found.kind, over_stop, inner(toks, pos + 1, below_stop))
    found = simple(pos)
    if found is None and tok.kind == "macro" and tok.text in ("min", "max"):
        nxt = at(pos + 1)
        if nxt is not None and nxt.is_char("_"):
            found = Head(tok.text, pos + 1)
    return found


def optima(expr: sp.Basic) -> set[Optimum]:
    return expr.atoms(Optimum) if isinstance(expr, sp.Basic) else set()


def describe(opt: Optimum) -> str:
    names = ", ".join(printing.text(v) for v in opt.variables)
    return {"argmin": "the minimizer", "argmax": "the maximizer", "min": "the minimum",
            "max": "the maximum"}[opt.kind] + f" over {names}"


@dataclass
class Decision:
    """The verdict on two optima (never "false": different objectives may share an optimizer)."""

    status: str  # "true", "false" or "undecided"
    reason: str


def compare_optima(a: Optimum, b: Optimum, seconds: float = SECONDS) -> Decision:
    """Two optima: equal when their objectives are, and (argmin/argmax) when these differ by a term or a positive
    factor free of the variables. Never false (a different objective may have the same optimizer)."""
    if {a.kind, b.kind} == {"argmax", "argmin"} and set(a.variables) == set(b.variables) and a.domain == b.domain:
        # argmax_w f = argmin_w (−f): "flip the sign" between two lines of a derivation
        high, low = (a, b) if a.kind == "argmax" else (b, a)
        flipped = Optimum(-high.objective, sp.core.symbol.Str("argmin"), *high.args[2:])
        decision = compare_optima(flipped, low, seconds)
        if decision.status == "true":
            return Decision("true", f"the maximizer is the minimizer of the objective's negative; {decision.reason}")
        return Decision("undecided", f"{describe(a)} and {describe(b)}: the negated objective is not the other "
                                     "up to a constant term or a positive factor")
    if a.kind != b.kind or set(a.variables) != set(b.variables) or a.domain != b.domain:
        return Decision("undecided", f"{describe(a)} and {describe(b)} are optima of different problems")
    f, g = a.objective, b.objective
    variables = set(a.variables)
    if not (variables <= f.free_symbols and variables <= g.free_symbols):
        # argmax_v ‖∇f‖cos θ = argmax_v cos θ: θ depends on v through words, not through the formula
        return Decision("undecided", f"{describe(a)}: an objective does not write the variable (it may depend on "
                                     "it through a name the text defines in words)")
    if compare(f, g, seconds=seconds).status == "true":
        return Decision("true", f"{describe(a)}: the two objectives are equal")
    if a.kind in ("min", "max"):
        return Decision("undecided", f"{describe(a)}: the objectives differ (only equal objectives are compared)")
    for one, other in ((f, g), (g, f)):  # argmax Π p(y_i | w) = argmax Σ log p(y_i | w): log is increasing
        logged = _log_of(one) if _positive(one) else None
        if logged is not None and compare(logged, other, seconds=seconds).status == "true":
            return Decision("true", f"{describe(a)}: one objective is the logarithm of the other, which is positive "
                                    "(log is increasing: the optimizer does not move)")
    try:
        with time_budget(seconds):
            diff = sp.simplify(f - g)
            if not (diff.free_symbols & variables) and not diff.has(Optimum):
                return Decision("true", f"{describe(a)}: the objectives differ by {printing.text(diff)}, free of the "
                                        "variable (the optimizer does not move)")
            # f = c·g + d with c > 0 and c, d free of the variables: the gradients are proportional by c
            ratios = {sp.simplify(sp.diff(f, v) / sp.diff(g, v)) for v in a.variables}
            ratio = ratios.pop() if len(ratios) == 1 else None
            real = {x: sp.Dummy(x.name, real=True, nonzero=True) for x in ratio.free_symbols} if ratio is not None else {}
            if ratio is not None and not (ratio.free_symbols & variables) and ratio.xreplace(real).is_positive:
                # (1/(2σ²) for real letters: a square is positive whatever σ ≠ 0 is; c alone may be negative)
                return Decision("true", f"{describe(a)}: the objective is {printing.text(ratio)} times the other plus a "
                                        "term free of the variable (the optimizer does not move)")
    except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
        pass
    return Decision("undecided", f"{describe(a)}: objectives that are not equal up to a constant term or a "
                                 "positive factor")


def _real(expr: sp.Expr) -> sp.Expr:
    """``expr`` with its letters real and nonzero (π, read as a letter where the parser keeps it, positive)."""
    return expr.xreplace({x: sp.Dummy(x.name, positive=True) if x.name == "\\pi" else sp.Dummy(x.name, real=True,
                                                                                             nonzero=True)
                          for x in expr.free_symbols if isinstance(x, sp.Symbol)})


def _positive(expr: sp.Expr) -> bool:
    """Is ``expr`` positive for every real value of its letters (a product of exponentials and positive constants,
    ``Π (1/\\sqrt{2πσ²}) e^{−(y_i − wx_i)²/(2σ²)}``)? A product over an index is, when what it multiplies is."""
    if isinstance(expr, sp.Product):
        return _positive(expr.function)
    return all(isinstance(f, sp.exp) or _real(f).is_positive is True
               or isinstance(f, sp.Pow) and isinstance(f.base, sp.exp) for f in sp.Mul.make_args(expr))


def _log_of(expr: sp.Expr) -> sp.Expr:
    """The logarithm of a positive objective, a product over an index turned into the sum of the logarithms."""
    if isinstance(expr, sp.Product):
        return sp.Sum(_log_of(expr.function), *expr.limits)
    return sp.expand_log(sp.log(expr), force=True)


def _plain(expr: sp.Expr) -> bool:
    """Only lower-case scalar names (no matrices, vectors, functions, operators): a scalar reading is sound."""
    if expr.atoms(sp.core.function.AppliedUndef, sp.Indexed, sp.Sum, sp.Product, sp.Derivative, sp.Abs, Optimum):
        return False
    for sym in expr.free_symbols:
        name = getattr(sym, "name", "")
        core = name.lstrip("\\")
        if not core or core[0].isupper() or "mathbf" in name or "boldsymbol" in name or "vec" in name:
            return False
        if any(c in name for c in "|‖(") or name.startswith("∇") or "nabla" in name:
            return False  # ‖Y − Xβ‖² or f(β) read as one name: it depends on the variable, which its name hides
    return True


def closed_form(opt: Optimum, value: sp.Expr, *, objective: sp.Expr | None = None,
                seconds: float = SECONDS) -> Decision:
    """Is ``value`` (free of the variable) the argmin/argmax ``opt``? ``objective``: the objective read as the
    caller prepared it (definitions in, expectations read linearly); the written one otherwise."""
    what = describe(opt)
    if opt.kind not in ("argmin", "argmax") or len(opt.variables) != 1:
        return Decision("undecided", f"{what}: only the optimizer of one variable is compared with a closed form")
    if not _FREE_DOMAIN.fullmatch(opt.domain.replace(" ", "")):
        return Decision("undecided", f"{what} over {opt.domain}: only one real variable is compared with a closed form")
    var = opt.variables[0]
    f = opt.objective if objective is None else objective
    if var in value.free_symbols or var not in f.free_symbols:
        return Decision("undecided", f"{what}: the closed form names the variable, or the objective does not")
    try:
        with time_budget(seconds):
            if not (_plain(f) and _plain(value)):
                return Decision("undecided", f"{what}: only an objective in scalar names is differentiated here "
                                             "(no matrices, vectors, functions or sums)")
            slope = sp.diff(f, var)
            if var not in slope.free_symbols and slope != 0:
                # argmin_w [f(w₀) + ∇f(w₀)ᵀ(w − w₀)], "subject to ‖w − w₀‖ < α" on the next line: a linear objective
                # has no optimum on ℝ, so the notes mean one under a constraint; stationarity says nothing then
                return Decision("undecided", f"{what}: the objective is linear in {var}, with no optimum on ℝ: "
                                             "an optimum under a constraint is meant")
            at = slope.xreplace({var: value})
            stationary = compare(at, sp.Integer(0), seconds=seconds)
            if stationary.status == "false":
                if f.is_polynomial(var):
                    return Decision("false", f"{what}: the objective's derivative {printing.text(slope)} is "
                                             f"{printing.text(sp.simplify(at))} at {var} = {printing.text(value)}, "
                                             "not 0 (an optimum on ℝ is a stationary point)")
                return Decision("undecided", f"{what}: not a stationary point of the objective, which is not a "
                                             "polynomial in the variable")
            if stationary.status != "true":
                return Decision("undecided", f"{what}: whether the objective is stationary there is not decided")
            curve = sp.simplify(sp.diff(f, var, 2).xreplace({var: value}))
            sign = curve.is_positive if opt.kind == "argmin" else curve.is_negative
            if sign:
                return Decision("true", f"{what}: the derivative of the objective vanishes there and the second "
                                        f"derivative is {'positive' if opt.kind == 'argmin' else 'negative'}")
            if f.is_polynomial(var) and sp.degree(f, var) == 2:
                return Decision("true", f"{what}: the one stationary point of an objective quadratic in {var} "
                                        "(the optimum whenever there is one)")
    except (BudgetExceeded, TypeError, ValueError, sp.PolynomialError):
        return Decision("undecided", f"{what}: not decided within {seconds:g} s")
    return Decision("undecided", f"{what}: a stationary point of the objective, but not shown to be the optimum")


def gradient_step(body: sp.Expr, param: sp.Symbol, current: sp.Symbol, step: sp.Expr,
                  seconds: float = SECONDS) -> sp.Expr | None:
    r"""The rate c when ``step`` is ``current − c·f′(current)`` for the function ``f(param) = body`` (c one name:
    ``η``, ``α_t``), else None. ``x_{t+1} = x_t − ηλx_t`` for
    ``f(x) = \frac{λ}{2}x^2``: a gradient-descent step on f, which notes write without naming the rule."""
    try:
        with time_budget(seconds):
            slope = sp.diff(body, param).xreplace({param: current})
            if slope == 0 or current in (body.free_symbols - {param}):
                return None
            rate = sp.cancel((current - step) / slope)  # cheap: a rate that is one name needs no simplify
            if not isinstance(rate, sp.Symbol):  # the rate is a name (η, α_t): any multiple of x on a quadratic
                return None                       # is a step of some rate, the claim names the document's
            if compare(current - rate * slope, step, seconds=seconds).status != "true":
                return None
            return rate
    except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
        return None
