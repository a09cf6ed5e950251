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

from typing import Literal

import sympy as sp
from sympy.polys.polyerrors import BasePolynomialError

from . import symbols as S

Style = Literal["latex", "text"]

# Hyperparameters in the order a textbook multiplies them: eta_t lambda (1 - beta_1) ...
_HYPER_ORDER = [S.eta, S.alpha, S.lam, S.mu, S.beta1, S.beta2, S.eps, S.t]
_OPERATOR_NAMES = {"sign": r"\operatorname{sign}", "exp": r"\exp", "log": r"\log", "Max": r"\max", "Min": r"\min",
                   "sin": r"\sin", "cos": r"\cos", "tanh": r"\tanh"}
_GREEK_TEXT = {
    r"\alpha": "α", r"\beta": "β", r"\gamma": "γ", r"\delta": "δ", r"\varepsilon": "ε", r"\epsilon": "ε",
    r"\eta": "η", r"\theta": "θ", r"\lambda": "λ", r"\mu": "μ", r"\nu": "ν", r"\rho": "ρ", r"\sigma": "σ",
    r"\tau": "τ", r"\varphi": "φ", r"\phi": "φ", r"\psi": "ψ", r"\omega": "ω", r"\nabla": "∇",
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
        return (1, _HYPER_ORDER.index(base), "")
    if all(S.role(s) in ("hyper", "index") for s in f.free_symbols):
        return (2, 0, sp.srepr(f))
    role = S.role(base) if isinstance(base, sp.Symbol) else None
    order = {"state": 3, "intermediate": 4, "input": 5, "weight": 6}
    return (order.get(role, 4) if role else 4, 0, sp.srepr(f))


def _term_rank(term: sp.Expr) -> tuple[int, int, int, object]:
    r"""Sort key for the terms of a sum, as a textbook orders them.

    Positive terms first; then the bare iterate (``w_{t-1} - …``), numbers (``1 - \beta_1``), terms of
    the previous state (``\mu m_{t-1} + g_t``), of intermediates, of the gradient, of the iterate
    with a coefficient (``\nabla L + \lambda w``), and hyperparameter-only terms last
    (``\sqrt{\hat v_t} + \varepsilon``).
    """
    negative = term.could_extract_minus_sign()
    body = -term if negative else term
    if body == S.w_prev:
        category = 0
    elif body.is_Number:
        category = 1
    else:
        ranks = {"state": 3, "intermediate": 4, "input": 5, "weight": 6}
        found = [ranks.get(S.role(s) or "intermediate", 4) for s in body.free_symbols
                 if S.role(s) not in ("hyper", "index")]
        category = max(found) if found else 9
    if category in (1, 9):
        # A polynomial in hyperparameters reads by degree, signs wherever they fall: 1 − 2ηλ + η²λ².
        return (0, category, _degree(body), sp.default_sort_key(body))
    return (int(negative), category, 0, sp.default_sort_key(body))


def _degree(term: sp.Expr) -> int:
    if term.is_Number:
        return 0
    try:
        return int(sum(sp.degree_list(term)))
    except (BasePolynomialError, TypeError, ValueError):
        return 0


class NotationPrinter:
    """Recursive layout over SymPy trees; ``style`` selects LaTeX or Unicode text."""

    def __init__(self, style: Style) -> None:
        self.style = style

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
        if isinstance(e, sp.Abs):
            return rf"\left|{self._print(e.args[0])}\right|" if self.style == "latex" else f"|{self._print(e.args[0])}|"
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
        return sp.latex(e) if self.style == "latex" else sp.sstr(e)

    def _big_operator(self, e: sp.Expr) -> str:
        r"""Σ/Π with their bounds: ``\sum_{i=0}^{t-1} \beta^{i}``."""
        body = self._print(e.function)
        if e.function.is_Add:
            body = self._paren(body)
        limits = ""
        for var, lo, hi in e.limits:
            if self.style == "latex":
                limits += f"_{{{self._print(var)} = {self._print(lo)}}}^{{{self._print(hi)}}}"
            else:
                limits += f"_{{{self._print(var)}={self._print(lo)}}}^{{{self._print(hi)}}}"
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
        if n.is_Rational and not n.is_Integer:
            p, q = n.p, n.q
            if self.style == "latex":
                sign = "-" if p < 0 else ""
                return rf"{sign}\frac{{{abs(p)}}}{{{q}}}"
            return f"{p}/{q}"
        return str(n)

    # -- sums -------------------------------------------------------------------------------
    def _add(self, e: sp.Add) -> str:
        terms = sorted(e.args, key=_term_rank)
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
        num.sort(key=_factor_rank)
        den.sort(key=_factor_rank)
        if not den:
            return self._product(num)
        # A scalar hyperparameter coefficient stays in front of a fraction of state: eta_t m/(...).
        lead: list[sp.Expr] = []
        if any(_factor_rank(f)[0] >= 3 for f in num):
            while num and _factor_rank(num[0])[0] == 1:
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
        if not (base.is_Symbol or (base.is_Integer and base >= 0)):
            b = self._paren(b)
        x = self._print(exp)
        if self.style == "latex":
            return f"{b}^{{{x}}}"
        return f"{b}^{x}" if exp.is_Symbol or exp.is_Integer else f"{b}^({x})"
