"""Printing in the notation of the notes: LaTeX and plain Unicode text from one layout.

SymPy's own printers order terms and factors canonically (``- \\eta_t m_t + w_{t-1}``,
``g_t (1 - \\beta_1)``), which is correct and reads badly. A textbook writes the iterate first,
positive terms before negative ones, hyperparameter coefficients before the state they scale, and a
scalar learning rate in front of a fraction: ``w_{t-1} - \\eta_t \\frac{\\hat m_t}{\\sqrt{\\hat v_t} +
\\varepsilon}``. :class:`NotationPrinter` lays expressions out that way; the two public functions
:func:`latex` and :func:`text` choose the output syntax. Only the layout changes, never the value:
what is printed is the expression that was proved.
"""
from __future__ import annotations

import functools
from typing import Literal

import sympy as sp
from sympy.polys.polyerrors import BasePolynomialError

from . import symbols as S

Style = Literal["latex", "text"]

# Hyperparameters in the order a textbook multiplies them: eta_t lambda (1 - beta_1) ...
_HYPER_ORDER = [S.eta, S.alpha, S.lam, S.mu, S.beta1, S.beta2, S.eps, S.tau, S.rho, S.kappa, S.psi, S.t]
_OPERATOR_NAMES = {"sign": r"\operatorname{sign}", "exp": r"\exp", "log": r"\log", "Max": r"\max", "Min": r"\min",
                   "sin": r"\sin", "cos": r"\cos", "tanh": r"\tanh"}
_GREEK_TEXT = {
    r"\alpha": "α", r"\beta": "β", r"\gamma": "γ", r"\delta": "δ", r"\varepsilon": "ε", r"\epsilon": "ε",
    r"\eta": "η", r"\theta": "θ", r"\lambda": "λ", r"\mu": "μ", r"\nu": "ν", r"\rho": "ρ", r"\sigma": "σ",
    r"\tau": "τ", r"\varphi": "φ", r"\phi": "φ", r"\psi": "ψ", r"\omega": "ω", r"\nabla": "∇", r"\ell": "ℓ",
}


def latex(expr: sp.Basic) -> str:
    r"""LaTeX for ``expr`` in the notes' notation (``\eta_{t}``, ``\hat{v}_{t}``, ``\nabla_{w} L(w_{t-1})``).

    >>> import sympy as sp
    >>> from derive import symbols as S
    >>> print(latex(S.w_prev - S.eta * S.m_hat / (sp.sqrt(S.v_hat) + S.eps)))
    w_{t-1} - \eta_{t} \frac{\hat{m}_{t}}{\sqrt{\hat{v}_{t}} + \varepsilon}
    """
    return NotationPrinter("latex").doprint(expr)


def text(expr: sp.Basic) -> str:
    """Plain Unicode text for terminals: ``w_{t-1} − η_t·m̂_t/(√v̂_t + ε)``.

    >>> import sympy as sp
    >>> from derive import symbols as S
    >>> text(S.w_prev - S.eta * S.m_hat / (sp.sqrt(S.v_hat) + S.eps))
    'w_{t-1} − η_t·m̂_t/(√v̂_t + ε)'
    """
    return NotationPrinter("text").doprint(expr)


def _factor_rank(f: sp.Expr) -> tuple[int, int, str]:
    """Sort key for the factors of a product: numbers, hyperparameters, hyper-only groups, the rest."""
    if f.is_Number:
        return (0, 0, "")
    base = f.base if f.is_Pow else f
    if base in _HYPER_ORDER:
        return (1, _HYPER_ORDER.index(base) + (1 if _HYPER_ORDER.index(base) >= _HYPER_ORDER.index(S.lam) else 0), "")
    if isinstance(base, sp.Symbol) and S.layout_role(base) == "hyper":
        # a user's own hyperparameter (γ, a bare η): with the rates, before λ — it is most often the rate
        return (1, _HYPER_ORDER.index(S.lam), base.name)
    if all(S.layout_role(s) in ("hyper", "index") for s in f.free_symbols):
        return (2, 0, sp.srepr(f))
    role = S.layout_role(base) if isinstance(base, sp.Symbol) else None
    order = {"state": 3, "intermediate": 4, "input": 5, "weight": 6}
    return (order.get(role, 4) if role else 4, 0, sp.srepr(f))


_STEP_NAMES = frozenset({"t", "k", "n", "s", "T"})


def _term_rank(term: sp.Expr) -> tuple[int, int, int, object]:
    r"""Sort key for the terms of a sum, as a textbook orders them.

    Positive terms first; then the bare iterate (``w_{t-1} - …``), numbers (``1 - \beta_1``), terms of
    the previous state (``\mu m_{t-1} + g_t``), of intermediates, of the gradient, of the iterate
    with a coefficient (``\nabla L + \lambda w``), and hyperparameter-only terms last
    (``\sqrt{\hat v_t} + \varepsilon``).
    """
    negative = term.could_extract_minus_sign()
    body = -term if negative else term
    if body == S.w_prev or (isinstance(body, sp.Symbol) and (S.role(body) == "index" or body.name in _STEP_NAMES)):
        category = 0  # the iterate first (w_{t-1} − …), and a step counter before its offset (t − 1)
    elif body.is_Number:
        category = 1
    else:
        ranks = {"state": 3, "intermediate": 4, "input": 5, "weight": 6}
        found = [ranks.get(S.layout_role(s) or "intermediate", 4) for s in body.free_symbols
                 if S.layout_role(s) not in ("hyper", "index")]
        category = max(found) if found else 9
    if category in (1, 9):
        # A polynomial in hyperparameters reads by degree, signs wherever they fall: 1 − 2ηλ + η²λ²;
        # but a constant that is subtracted comes last: ρ_t − 4, not −4 + ρ_t.
        if negative and body.is_Number:
            return (1, 9, 0, sp.default_sort_key(body))
        return (0, category, _degree(body), sp.default_sort_key(body))
    return (int(negative), category, 0, sp.default_sort_key(body))


def _degree(term: sp.Expr) -> int:
    if term.is_Number:
        return 0
    try:
        return int(sum(sp.degree_list(term)))
    except (BasePolynomialError, TypeError, ValueError):
        return 0


#: Constants as a reader writes them in plain text.
_TEXT_CONSTANTS: dict[sp.Basic, str] = {sp.pi: "π", sp.E: "e", sp.I: "i"}


class NotationPrinter:
    """Recursive layout over SymPy trees; ``style`` selects LaTeX or Unicode text."""

    def __init__(self, style: Style) -> None:
        self.style = style

    # The orders of terms and factors, as methods so that a printer for one purpose (the unrolled
    # coefficients, which order per-step symbols by step) can change them.
    def term_key(self, term: sp.Expr) -> tuple[object, ...]:
        return _term_rank(term)

    def factor_key(self, f: sp.Expr) -> tuple[object, ...]:
        return _factor_rank(f)

    def doprint(self, expr: sp.Basic) -> str:
        return self._print(sp.sympify(expr))

    # -- dispatch --------------------------------------------------------------------------
    def _print(self, e: sp.Basic) -> str:
        if isinstance(e, sp.Equality):
            return f"{self._print(e.lhs)} = {self._print(e.rhs)}"
        if e.is_Symbol:
            return self._symbol(e)
        if e.is_Number:
            return self._number(e)
        if e.is_Add:
            return self._add(e)
        if e.is_Mul:
            return self._mul(e)
        if e.is_Pow:
            return self._pow(e)
        if isinstance(e, sp.Piecewise):
            return self._piecewise(e)
        if isinstance(e, sp.core.relational.Relational):
            return self._relation(e)
        if isinstance(e, sp.Abs):
            return rf"\left|{self._print(e.args[0])}\right|" if self.style == "latex" else f"|{self._print(e.args[0])}|"
        if isinstance(e, sp.Function) and type(e).__name__ == "Norm" and len(e.args) == 1:
            # the checker's ‖x_k − x^*‖ (an unknown function to SymPy): printed with the bars it was written with
            return rf"\left\|{self._print(e.args[0])}\right\|" if self.style == "latex" else f"‖{self._print(e.args[0])}‖"
        if isinstance(e, (sp.Sum, sp.Product)):
            return self._big_operator(e)
        if isinstance(e, sp.Indexed):
            index = ", ".join(self._print(i) for i in e.indices)
            return f"{self._print(e.base.label)}_{{{index}}}"
        if isinstance(e, (sp.Function, sp.Max, sp.Min)):
            name = type(e).__name__
            args = ", ".join(self._print(a) for a in e.args)
            if self.style == "text":
                name = self._text_name(name)
            elif name in _OPERATOR_NAMES:
                name = _OPERATOR_NAMES[name]
            return f"{name}({args})" if self.style == "text" else rf"{name}\left({args}\right)"
        if self.style == "text" and e in _TEXT_CONSTANTS:
            return _TEXT_CONSTANTS[e]  # (sstr's "pi" and "E" in a message read as names)
        return sp.latex(e) if self.style == "latex" else sp.sstr(e)

    def _piecewise(self, e: sp.Piecewise) -> str:
        r"""A case split as a textbook writes it: ``\begin{cases} 0, & t = 1 \\ \tau, & t > 1 \end{cases}``."""
        otherwise = r"\text{otherwise}" if self.style == "latex" else "otherwise"
        rows = [(self._print(value), otherwise if cond == sp.true else self._print(cond)) for value, cond in e.args]
        if self.style == "latex":
            body = r" \\ ".join(f"{v}, & {c}" for v, c in rows)
            return rf"\begin{{cases}} {body} \end{{cases}}"
        return "{" + "; ".join(f"{v} if {c}" for v, c in rows) + "}"

    _RELATIONS = {"==": ("=", "="), "!=": (r"\neq", "≠"), ">": (">", ">"), "<": ("<", "<"),
                  ">=": (r"\geq", "≥"), "<=": (r"\leq", "≤")}

    def _relation(self, e: sp.Basic) -> str:
        latex_op, text_op = self._RELATIONS.get(e.rel_op, (e.rel_op, e.rel_op))
        op = latex_op if self.style == "latex" else text_op
        return f"{self._print(e.lhs)} {op} {self._print(e.rhs)}"

    def _big_operator(self, e: sp.Expr) -> str:
        r"""Σ/Π with their bounds: ``\sum_{i=0}^{t-1} \beta^{i}``."""
        body = self._print(e.function)
        if e.function.is_Add:
            body = self._paren(body)
        limits = ""
        for var, lo, hi in e.limits:
            if self.style == "latex":
                limits += f"_{{{self._print(var)} = {self._print(lo)}}}^{{{self._print(hi)}}}"
            else:  # a bound as a subscript is written tight: Π_{s=t−7}^{t}
                tight = ["".join(self._print(x).split()) for x in (var, lo, hi)]
                limits += f"_{{{tight[0]}={tight[1]}}}^{{{tight[2]}}}"
        is_sum = isinstance(e, sp.Sum)
        if self.style == "latex":
            return (r"\sum" if is_sum else r"\prod") + limits + " " + body
        return ("Σ" if is_sum else "Π") + limits + " " + body

    # -- atoms ------------------------------------------------------------------------------
    def _symbol(self, s: sp.Symbol) -> str:
        if self.style == "latex":
            return s.name
        return S.text_name(s)  # declared: its text; otherwise the LaTeX name read as text (v̂_{t+1})

    def _text_name(self, name: str) -> str:
        out = name
        for macro, char in sorted(_GREEK_TEXT.items(), key=lambda kv: -len(kv[0])):
            out = out.replace(macro, char)
        out = out.replace(r"\hat{", "hat{")
        return out

    def _number(self, n: sp.Number) -> str:
        if n.is_Float:
            return repr(float(n))  # 0.96, not 0.960000000000000
        if n.is_Rational and not n.is_Integer:
            p, q = n.p, n.q
            if self.style == "latex":
                sign = "-" if p < 0 else ""
                return rf"{sign}\frac{{{abs(p)}}}{{{q}}}"
            return f"{p}/{q}"
        return str(n)

    # -- sums -------------------------------------------------------------------------------
    def _add(self, e: sp.Add) -> str:
        terms = sorted(e.args, key=self.term_key)
        minus = " - " if self.style == "latex" else " − "
        out = ""
        for i, term in enumerate(terms):
            negative = term.could_extract_minus_sign()
            body = self._print(-term if negative else term)
            if i == 0:
                out = ("-" if self.style == "latex" else "−") + body if negative else body
            else:
                out += (minus if negative else " + ") + body
        return out

    # -- products ---------------------------------------------------------------------------
    def _mul(self, e: sp.Mul) -> str:
        if e.could_extract_minus_sign():
            inner = self._mul_positive(-e)
            return ("-" if self.style == "latex" else "−") + inner
        return self._mul_positive(e)

    def _mul_positive(self, e: sp.Expr) -> str:
        num: list[sp.Expr] = []
        den: list[sp.Expr] = []
        for f in sp.Mul.make_args(e):
            if f.is_Rational and not f.is_Integer:
                if f.p != 1:
                    num.append(sp.Integer(f.p))
                den.append(sp.Integer(f.q))
            elif f.is_Pow and f.exp.is_Rational and f.exp.is_negative:
                den.append(f.base ** (-f.exp))
            else:
                num.append(f)
        num.sort(key=self.factor_key)
        den.sort(key=self.factor_key)
        if not den:
            return self._product(num)
        # A scalar hyperparameter coefficient stays in front of a fraction of state: eta_t m/(...).
        lead: list[sp.Expr] = []
        if any(self.factor_key(f)[0] >= 3 for f in num):
            while num and self.factor_key(num[0])[0] == 1:
                lead.append(num.pop(0))
        top = self._product(num) if num else "1"
        bottom = self._product(den)
        if self.style == "latex":
            frac = rf"\frac{{{top}}}{{{bottom}}}"
            return (self._product(lead) + " " + frac) if lead else frac
        top = top if len(num) <= 1 and not (num and num[0].is_Add) else f"({top})"
        bottom = bottom if len(den) == 1 and not den[0].is_Add and not den[0].is_Mul else f"({bottom})"
        frac = f"{top}/{bottom}"
        return (self._product(lead) + "·" + frac) if lead else frac

    def _product(self, factors: list[sp.Expr]) -> str:
        parts: list[str] = []
        for f in factors:
            s = self._print(f)
            if f.is_Add and len(factors) > 1:
                s = self._paren(s)
            parts.append(s)
        if self.style == "latex":
            out = ""
            for i, p in enumerate(parts):
                if i and (parts[i - 1][-1:].isdigit() and p[:1].isdigit()):
                    out += r" \cdot "
                elif i:
                    out += " "
                out += p
            return out
        return "·".join(parts)

    def _paren(self, s: str) -> str:
        if self.style == "latex":
            return rf"\left({s}\right)" if r"\frac" in s else f"({s})"
        return f"({s})"

    # -- powers -----------------------------------------------------------------------------
    def _pow(self, e: sp.Pow) -> str:
        base, exp = e.base, e.exp
        if exp.is_Rational and exp.is_negative:
            return self._mul_positive(e)
        if exp == sp.Rational(1, 2):
            inner = self._print(base)
            return rf"\sqrt{{{inner}}}" if self.style == "latex" else (
                f"√{inner}" if base.is_Symbol else f"√({inner})")
        b = self._print(base)
        if not (base.is_Symbol or ((base.is_Integer or base.is_Float) and base >= 0)):
            b = self._paren(b)
        x = self._print(exp)
        if self.style == "latex":
            return f"{b}^{{{x}}}"
        return f"{b}^{x}" if exp.is_Symbol or exp.is_Integer else f"{b}^({x})"


@functools.lru_cache(maxsize=512)  # a message states the same quotient in several places: factor it once
def textbook(expr: sp.Expr) -> sp.Expr:
    """The same value in the shape a textbook states it: factored, powers of one base combined
    (``β^t·β`` → ``β^{t+1}``), and each factor led by its constant where that is positive
    (``(−1 + β^{t+1})/(−1 + β)`` → ``(1 − β^{t+1})/(1 − β)``, ``−(−1 + β)·β`` → ``β(1 − β)``).

    >>> from derive import symbols as S
    >>> text(textbook((-1 + S.beta1**(S.t + 1))/(-1 + S.beta1)))
    '(1 − β₁^(t + 1))/(1 − β₁)'

    A sum of whole terms and fractions keeps the whole terms apart (``1 − η·λ/(√v̂ + ε)``, the factor a
    decay step is read by), rather than one fraction over a common denominator, which hides the ``1`` and
    costs a factorization of the whole.
    """
    if not expr.has(sp.Add):
        return sp.powsimp(expr, combine="exp")  # a product of powers: nothing to factor, only β^t·β to join
    if isinstance(expr, sp.Add):
        whole = [term for term in expr.args if sp.fraction(term)[1] == 1]
        if whole and len(whole) < len(expr.args):
            fractions = sp.together(sp.Add(*(term for term in expr.args if sp.fraction(term)[1] != 1)))
            return sp.Add(textbook(sp.Add(*whole)), textbook(fractions), evaluate=False)
    try:
        if any(p.exp.could_extract_minus_sign() for p in expr.atoms(sp.Pow) if not p.exp.is_Number):
            expr = sp.simplify(expr)  # β^t·(1 − β^{−t}) from a summed series: bring it back to 1 − …
        shaped = sp.powsimp(sp.factor(expr), combine="exp")
    except (sp.PolynomialError, BasePolynomialError, TypeError, ValueError):
        return expr
    numerator, denominator = sp.fraction(shaped)
    sign = 1

    def lead(product: sp.Expr) -> sp.Expr:
        nonlocal sign
        factors = []
        for f in sp.Mul.make_args(product):
            base, exp = (f.base, f.exp) if f.is_Pow else (f, sp.Integer(1))
            constant = base.as_coeff_Add()[0] if base.is_Add else None
            if constant is not None and constant.is_negative and exp.is_integer:
                base = -base
                sign *= (-1) ** exp
            elif f == -1:
                sign = -sign
                continue
            factors.append(base ** exp)
        return sp.Mul(*factors)

    numerator, denominator = lead(numerator), lead(denominator)
    return sign * numerator / denominator
