"""Binding names to meanings: function definitions, gradients, and the symbols of a system.

A document says ``Q(w) = L(w) + \\frac{\\lambda}{2}\\|w\\|_2^2`` once and then writes ``\\nabla_w
Q(w_{t-1})`` wherever it likes; :class:`Functions` turns such a gradient into ``∇_w L(w_{t-1}) +
λ w_{t-1}`` by differentiating the definition (coordinate-wise: ‖w‖² contributes 2w per
coordinate). Undefined functions that remain (the loss L itself) become opaque atoms named after
their LaTeX (``\\nabla_{w} L(w_{t-1})``), the same symbols the engine's catalog uses, so that a
system read from notes can be compared with the catalog.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef

from .. import printing
from .. import symbols as S
from . import roots
from .unbounded import Unbounded

GRADIENT_PREFIX = r"\nabla"
#: ``\nabla^{2} f``, ``\nabla^{2}_{x} f``: the Hessian (the second derivative in one variable).
HESSIAN_PREFIX = r"\nabla^{2}"


class CircularDefinition(Exception):
    """A function defined through its own gradient (or itself)."""


@dataclass
class FunctionDef:
    """``f(x) = body`` as the notes define it (``line`` for messages), kept to evaluate ``f(2)`` and differentiate ``f'``."""

    name: str
    params: tuple[sp.Symbol, ...]
    body: sp.Expr
    line: int


def _is_norm(e: sp.Basic) -> bool:
    return isinstance(e, sp.Function) and type(e).__name__ == "Norm"


def _square_norms(expr: sp.Expr) -> sp.Expr:
    r"""Norm(x)**2 → x**2 (exact coordinate-wise); a lone Norm(x) → |x|. The norm of what holds a written
    tuple is kept: its coordinates give its value (:func:`derive.check.vectors.reduce_coords`).

    The norm of a matrix (``\|I - ηA\|_2``, ``\|A^{-1}\|``) is an operator norm: the largest stretch of a
    vector, not a function of the entries one by one, so read coordinate-wise it would refute true bounds
    (``\|I - A/L\|_2 = 1 - μ/L``) on random numbers. It becomes an opaque :data:`OperatorNorm` of its
    argument; only the Frobenius norm (``_F``), which is the entries' Euclidean norm, stays coordinate-wise."""
    expr = expr.replace(lambda e: _is_norm(e) and _operator_norm(e), lambda e: OperatorNorm(*e.args))
    expr = expr.replace(lambda e: e.is_Pow and _is_norm(e.base) and e.exp == 2 and not _has_tuple(e.base),
                        lambda e: e.base.args[0] ** 2)
    return expr.replace(lambda e: _is_norm(e) and not _has_tuple(e), lambda e: sp.Abs(e.args[0]))


#: The norm of a matrix, kept whole (its value is not a function of the entries one at a time).
OperatorNorm = sp.Function(r"\operatorname{norm}")

_ACCENT = re.compile(r"^(?:\\(?:hat|bar|tilde|widehat|widetilde|overline|mathbf|boldsymbol|bm|mathrm|mathcal|vec)\{)+")
_MATRIX_GREEK = frozenset({r"\Lambda", r"\Sigma", r"\Gamma", r"\Phi", r"\Psi", r"\Omega"})


def unaccented(name: str) -> str:
    r"""A symbol's name without the accents and styles around its letter: ``H}_t`` of ``\hat{H}_t``, ``q_{4}`` of
    ``q_{4}`` (its first character is the letter it is written with).

    >>> unaccented(r"\hat{H}_t"), unaccented(r"\vec{a}")
    ('H}_t', 'a}')
    """
    return _ACCENT.sub("", name)


def _matrix_letter(sym: sp.Symbol) -> bool:
    r"""Is the symbol's letter how notes write a matrix: a Latin capital (``A``, ``\hat{H}_t``, ``\mathbf{X}``)
    or one of the Greek capitals used for matrices (``\Lambda``, ``\Sigma``)?"""
    name = unaccented(sym.name)
    if any(name.startswith(g) for g in _MATRIX_GREEK):
        return True
    return bool(name) and "A" <= name[0] <= "Z"


def _vector_letter(sym: sp.Symbol) -> bool:
    r"""A Latin lowercase letter (``x``, ``w_t``, ``\mathbf{v}``): a vector a matrix may be applied to."""
    name = unaccented(sym.name)
    return bool(name) and "a" <= name[0] <= "z"


def operator_norms(expr: sp.Expr | None) -> list[sp.Expr]:
    r"""The norms of matrices written in ``expr`` (as parsed, before :func:`atomize`)."""
    if expr is None:
        return []
    return [n for n in expr.atoms(sp.Function) if _is_norm(n) and _operator_norm(n)]


def _operator_norm(norm: sp.Expr) -> bool:
    r"""Is ``norm`` the norm of a matrix, not of a vector? Some term of its argument is made of matrices and
    numbers only (``I``, ``ηA``, ``A^{-1}``); ``Xw - y`` (a matrix applied to a vector) is a vector."""
    if len(norm.args) == 2 and isinstance(norm.args[1], sp.Symbol) and norm.args[1].name == "F":
        return False
    if _has_tuple(norm) or norm.args[0].atoms(AppliedUndef):
        return False
    for term in sp.Add.make_args(norm.args[0]):
        names = term.free_symbols
        if any(_matrix_letter(x) for x in names) and not any(_vector_letter(x) for x in names):
            return True
    return False


def _has_tuple(e: sp.Basic) -> bool:
    return any(type(f).__name__ == "Coords" for f in e.atoms(sp.Function))


def derivative_name(function: str, variable: str, arity: int) -> str:
    """The name of an open function's derivative: ``f''`` for ``f'`` of one argument (the notes write this
    function with primes, so φ(x) = f'(x) gives φ'(x) = f''(x)), ``\\nabla^{2} f`` for ``\\nabla f`` (the Hessian),
    else ``\\nabla_{x} f``."""
    if arity == 1 and function.endswith("'"):
        return function + "'"
    if arity == 1 and function.startswith(GRADIENT_PREFIX + " "):
        return HESSIAN_PREFIX + function[len(GRADIENT_PREFIX):]  # ∇f(x) in x: the Hessian ∇²f(x), as notes write it
    return f"{GRADIENT_PREFIX}_{{{variable}}} {function}"


def gradient_parts(name: str) -> tuple[str | None, str]:
    """``\\nabla_{w} L`` → ("w", "L"); ``\\nabla L`` → (None, "L")."""
    rest = name[len(GRADIENT_PREFIX):]
    variable = None
    if rest.startswith("_{"):
        depth = 0
        for i, ch in enumerate(rest[1:], start=1):
            depth += {"{": 1, "}": -1}.get(ch, 0)
            if depth == 0:
                variable, rest = rest[2:i], rest[i + 1:]
                break
    return variable, rest.strip()


def _base_letter(sym: sp.Basic) -> str:
    name = sym.name if isinstance(sym, sp.Symbol) else printing.latex(sym)
    return name.split("_")[0].split("^")[0]


def atom_name(function: str, args: tuple[sp.Basic, ...]) -> str:
    """The canonical atom for an opaque applied function, e.g. ``\\nabla_{w} L(w_{t-1})``."""
    if function.startswith(GRADIENT_PREFIX) and not function.startswith(GRADIENT_PREFIX + "^"):  # (not ∇²f)
        variable, base = gradient_parts(function)
        if variable is None and len(args) == 1:
            variable = _base_letter(args[0])
        function = f"{GRADIENT_PREFIX}_{{{variable}}} {base}" if variable else f"{GRADIENT_PREFIX} {base}"
    return f"{function}({', '.join(printing.latex(a) for a in args)})"


def primed(fname: str) -> tuple[str, int] | None:
    """(the function, the order) of a derivative written with primes: ``f''`` → (f, 2), and ``f'_{a}`` (the parser's
    name for ``f_a'`` and ``f'_a``) → (f_{a}, 1); None without a prime."""
    if fname.endswith("'"):
        return fname.rstrip("'"), len(fname) - len(fname.rstrip("'"))
    m = re.fullmatch(r"([^_']+)('+)(_.+)", fname)
    return (m.group(1) + m.group(3), len(m.group(2))) if m else None


def _own_bound(body: sp.Expr, around: set[sp.Basic]) -> sp.Expr:
    """``body`` with each variable its integrals, sums and products bind that is also free in ``around`` (the
    expression the body is put into) made its own (a dummy).

    Why: ``Γ(a) = ∫_0^∞ t^{a−1}e^{−t} dt`` binds a t that is not the t of ``M(t) = ∫ e^{tx} … /Γ(a) dx``; once
    Γ's body is put into M, a value given to M's t must not reach into Γ's integral. (A bound name that clashes
    with nothing keeps its name: sums are matched with the sums a note writes by their index.)"""
    if not body.has(sp.Integral, sp.Sum, sp.Product):
        return body

    def own(big: sp.Basic) -> sp.Basic:
        bound = [limit[0] for limit in big.limits if isinstance(limit[0], sp.Symbol) and limit[0] in around]
        return big.xreplace({x: sp.Dummy(x.name, **x._assumptions_orig) for x in bound}) if bound else big
    return body.replace(lambda e: isinstance(e, (sp.Integral, sp.Sum, sp.Product)), own)


def evaluated_at(body: sp.Expr, values: dict) -> sp.Expr:
    r"""``body`` at ``values`` of its variables; a derivative in a variable given a number is taken first, and an
    integral whose letter is also its bound keeps a letter of its own.

    Why: ``M'(t) = d/dt[c/(c − t)]`` read at ``M'(0)`` would ask SymPy for a derivative with respect to 0, and
    ``F(x + Δx)`` for ``F(x) = ∫_{−∞}^{x} f(x)\,dx`` for an integral in the letter ``x + Δx``."""
    try:
        return body.xreplace(values)
    except ValueError:
        pass
    try:
        return body.replace(lambda e: isinstance(e, sp.Derivative), lambda e: e.doit()).xreplace(values)
    except ValueError:
        # F(x) = ∫_{−∞}^{x} f(x) dx, the bound letter also the bound: the letter inside is the integral's own,
        # the bound is F's argument
        return _own_letters(body, set(values)).xreplace(values)


def _own_letters(body: sp.Expr, names: set[sp.Basic]) -> sp.Expr:
    """``body`` with each integral's letter that is also in ``names`` made a dummy inside the integral only: in
    its integrand and its slot, never in its bounds (``∫_{−∞}^{x} f(x) dx`` becomes ``∫_{−∞}^{x} f(u) du``)."""
    def own(node: sp.Basic) -> sp.Basic:
        function, limits = node.args[0], list(node.limits)
        for n, limit in enumerate(limits):
            if limit[0] in names:
                dummy = sp.Dummy(limit[0].name)
                function = function.xreplace({limit[0]: dummy})
                limits[n] = (dummy, *limit[1:])
        return type(node)(function, *limits)
    return body.replace(lambda e: isinstance(e, (sp.Integral, sp.Sum, sp.Product)), own)


def reads_function(expr: sp.Expr, name: str) -> bool:
    """Does ``expr`` call the function ``name``, its gradient or its Hessian (``f(x)``, ``∇f(x)``, ``∇²f(x)``), or
    write a partial derivative of it bare (``∂f/∂x``, read as the name ``∇_x f``)?"""
    for f in expr.atoms(AppliedUndef):
        fname = type(f).__name__
        if fname == name or (fname.startswith(GRADIENT_PREFIX) and gradient_parts(fname)[1] == name) \
                or (fname.startswith(HESSIAN_PREFIX) and fname.rsplit(" ", 1)[-1] == name):
            return True
    return any(isinstance(x, sp.Symbol) and x.name.startswith(GRADIENT_PREFIX + "_")
               and gradient_parts(x.name)[1] == name for x in expr.free_symbols)


@dataclass
class Functions:
    """The functions a document defines, in scope."""

    defs: dict[str, FunctionDef] = field(default_factory=dict)

    def define(self, name: str, params: tuple[sp.Symbol, ...], body: sp.Expr, line: int) -> FunctionDef:
        if self._mentions(body, name):
            raise CircularDefinition(name)
        fd = self.defs[name] = FunctionDef(name, params, _square_norms(body), line)
        return fd

    def member(self, name: str) -> FunctionDef | None:
        """``g_{1}`` of the family ``g_n(x) = Σ_{k=0}^{n} x^k/k!`` (or ``T_{(1,f,0)}`` of ``T_{(n,f,0)}``): the definition
        whose label differs only where it has a letter its body reads, with that letter set to the number the call's
        label has there; None when no definition is such a family."""
        found = _LABEL.fullmatch(name)
        if found is None or name in self.defs:
            return None
        for other, fd in self.defs.items():
            family = _LABEL.fullmatch(other)
            if family is None or family.group(1) != found.group(1):
                continue
            mine, theirs = _label_parts(found.group(2)), _label_parts(family.group(2))
            if len(mine) != len(theirs):
                continue
            letters = {str(x): x for x in fd.body.free_symbols}
            values: dict[sp.Basic, sp.Expr] = {}
            for value, slot in zip(mine, theirs):
                if value == slot:
                    continue
                if slot in letters and re.fullmatch(r"-?\d+", value):
                    values[letters[slot]] = sp.Integer(int(value))
                else:
                    values = {}
                    break
            if values:
                return FunctionDef(name, fd.params, fd.body.xreplace(values).doit(), fd.line)
        return None

    @staticmethod
    def _mentions(body: sp.Expr, name: str) -> bool:
        return reads_function(body, name)

    def expand(self, expr: sp.Expr, depth: int = 0) -> sp.Expr:
        """Replace calls and gradients of defined functions by their bodies (recursively)."""
        if depth > 8:
            raise CircularDefinition("definitions nested too deeply")
        changed = False
        mapping: dict[sp.Basic, sp.Expr] = {}
        for call in expr.atoms(AppliedUndef):
            fname = type(call).__name__
            if (fd := self.defs.get(fname) or self.member(fname)) is not None:  # (g_1 of the family g_n too)
                at = _at_coordinates(fd, call.args)
                if at is not None:  # g([−1, 1]) for g(x) = (x_1 − 3)² + …: the coordinates take the entries
                    mapping[call] = evaluated_at(fd.body, at)
                elif len(fd.params) == len(call.args):
                    mapping[call] = evaluated_at(_own_bound(fd.body, expr.free_symbols), dict(zip(fd.params, call.args)))
            elif fname.startswith(GRADIENT_PREFIX):
                variable, base = gradient_parts(fname)
                fd = self.defs.get(base)
                if fd is not None and (other := _other_variable(fd, variable, call.args)) is not None:
                    # ∂f(x_i)/∂a for f(x) = ax + b: the derivative in a parameter of the body, not in x, at x_i
                    body = self.expand(fd.body, depth + 1)
                    mapping[call] = sp.diff(body, other).xreplace(dict(zip(fd.params, call.args)))
                    continue
                at = _at_coordinates(fd, call.args) if fd is not None else None
                if fd is not None and at is not None:  # ∇g([−1, 1]): the partials in the coordinates, there
                    body = self.expand(fd.body, depth + 1)
                    mapping[call] = type(call.args[0])(*(sp.diff(body, c).xreplace(at) for c in at))
                elif base in self.defs and len(call.args) == 1 and len(self.defs[base].params) == 1 \
                        and written_coordinates(self.defs[base]) is None \
                        and not _hides_variable(self.defs[base]) \
                        and not _coordinate_of(variable, self.defs[base]):  # f(x) = x_1² + 2x_2²: calculus's
                    mapping[call] = self._gradient(self.defs[base], call.args[0], depth + 1)
            elif (found := primed(fname)) is not None and found[0] in self.defs and len(call.args) == 1:
                fd = self.defs[found[0]]  # f'(x), f''(x), f_a'(x): derivatives of a one-variable definition
                if len(fd.params) == 1:
                    body = self.expand(fd.body, depth + 1)
                    order = found[1]
                    try:
                        mapping[call] = _diff_keeping_ellipsis(body, fd.params[0], order).xreplace(
                            {fd.params[0]: call.args[0]})
                    except ValueError:
                        continue  # an unevaluated derivative in the body cannot take an expression for its variable
        if mapping:
            try:
                expr = expr.xreplace(mapping)
            except ValueError:
                # f''(x(τ)) with x(τ) = x_k + τ(…) defined: a derivative taken with respect to a call cannot take
                # an expression in its place; the calls that can be replaced are, the others stay opaque
                kept = {}
                for call, body in mapping.items():
                    try:
                        expr.xreplace({call: body})
                    except ValueError:
                        continue
                    kept[call] = body
                if not kept:
                    return expr
                expr = expr.xreplace(kept)
            changed = True
        return self.expand(expr, depth + 1) if changed else expr

    def _gradient(self, fd: FunctionDef, at: sp.Expr, depth: int = 0) -> sp.Expr:
        """∇ of a one-parameter definition at ``at``: differentiate, then name what stays opaque. ``depth`` goes on
        counting the expansion that asked (F(x) = ∫f and f(x) = F′(x) would recurse without end)."""
        (param,) = fd.params
        body = self.expand(fd.body, depth)
        derivative = sp.diff(body, param)
        derivative = derivative.replace(
            lambda e: isinstance(e, sp.Derivative) and isinstance(e.expr, AppliedUndef),
            lambda e: sp.Function(derivative_name(type(e.expr).__name__, _base_letter(param), len(e.expr.args)))(
                *e.expr.args))
        return derivative.xreplace({param: at})


#: A function's name with its label: ``g_{n}``, ``T_{(n,f,0)}`` (the base, then what is below it).
_LABEL = re.compile(r"(.+?)_\{(.+)\}")


def _label_parts(label: str) -> list[str]:
    """``(n,f,0)`` → ``["n", "f", "0"]``, ``n`` → ``["n"]``: the places of a label, spaces dropped."""
    return [part.strip() for part in label.strip().strip("()").split(",")]


#: The ellipsis of a sum written out (``a_0 + a_1x + … + a_nx^n``), as the parser names it.
_ELLIPSIS = sp.Symbol(r"\dots")


def _diff_keeping_ellipsis(body: sp.Expr, var: sp.Symbol, order: int) -> sp.Expr:
    """``d/dx`` of ``body`` ``order`` times, its ellipsis kept as the terms it stands for differentiated: P(x) =
    a_0 + a_1(x − a) + a_2(x − a)² + … + a_n(x − a)^n gives P′ = a_1 + 2a_2(x − a) + … + na_n(x − a)^{n−1}, not the
    written terms alone (read as a constant, the ellipsis vanished, and P′'s 3a_3(x − a)² had no place)."""
    if not body.has(_ELLIPSIS):
        return sp.diff(body, var, order)
    hidden = sp.Function("_ellipsis_terms")(var)
    # term by term, each kept one term (n(n − 1)a_n(x − a)^{n−2}, not n²·… − n·…: the written terms are matched
    # one for one against the ones around the ellipsis)
    terms = sp.Add.make_args(body.xreplace({_ELLIPSIS: hidden}))
    derived = sp.Add(*(sp.factor(sp.diff(term, var, order)) for term in terms))
    return derived.replace(lambda e: isinstance(e, sp.Derivative) and e.expr == hidden, lambda e: _ELLIPSIS) \
        .xreplace({hidden: _ELLIPSIS})


def _other_variable(fd: FunctionDef, variable: str | None, args: tuple[sp.Basic, ...]) -> sp.Symbol | None:
    """The name a gradient is taken in when it is neither the definition's parameter nor the point it is called at
    but a name of the body (``a`` of ``∂f(x_i)/∂a`` with ``f(x) = ax + b``); None otherwise (``∇_w L(w_t)`` is
    L's derivative in its own parameter, taken at w_t)."""
    if not variable or len(fd.params) != len(args) or any(type(a).__name__ == "Coords" for a in args):
        return None
    names = {str(p) for p in fd.params} | {str(a) for a in args}
    if variable in names:
        return None
    found = [x for x in fd.body.free_symbols if isinstance(x, sp.Symbol) and x.name == variable]
    return found[0] if found and found[0] not in fd.params else None


def _coordinate_of(variable: str | None, fd: FunctionDef) -> bool:
    """Is ``variable`` a coordinate of the definition's vector parameter that its body does not write (``x_i`` or
    ``x_1`` for ``f(x) = a^T x``)? The derivative in it is a coordinate of the gradient, which the body read as
    numbers does not give (its derivative in x is a, not a_i): left opaque."""
    if not variable or len(fd.params) != 1 or not isinstance(fd.params[0], sp.Symbol):
        return False
    stem, _, sub = variable.partition("_")
    return bool(sub) and stem == fd.params[0].name and not any(
        isinstance(x, sp.Symbol) and x.name == variable for x in fd.body.free_symbols)


def _hides_variable(fd: FunctionDef) -> bool:
    """``f(x) = α e^{−β}`` with α, β rows of a system in x_1, x_2: the body does not write its variable, so how f
    depends on it is not read from the body alone, and its derivative is not 0 (nothing is taken)."""
    return bool(fd.body.free_symbols) and not fd.body.free_symbols & set(fd.params)


def _at_coordinates(fd: FunctionDef, args: tuple[sp.Basic, ...]) -> dict[sp.Symbol, sp.Expr] | None:
    """A definition written in the coordinates of its one vector parameter, or with one parameter per
    coordinate, called at a written tuple of as many entries (``g([−1, 1])``, ``f(x^{(0)})`` with
    ``x^{(0)} = (0, 0)``): each coordinate with its entry. None for any other call."""
    if len(args) != 1 or type(args[0]).__name__ != "Coords":
        return None
    coords = written_coordinates(fd)
    if coords is None and len(fd.params) > 1 and all(isinstance(p, sp.Symbol) for p in fd.params):
        coords = tuple(fd.params)  # f(x_1, x_2) = … at x^{(0)} = (0, 0): the point's entries are the arguments
    if coords is None or len(args[0].args) != len(coords):
        return None
    return dict(zip(coords, args[0].args))


def written_coordinates(fd: FunctionDef) -> tuple[sp.Symbol, ...] | None:
    """``(x_1, …, x_n)`` when a one-parameter ``f(\\mathbf{x})`` is written in the coordinates of ``x`` (numbered
    1…n or 0…n−1, none missing) and not in ``x`` itself; None otherwise. Differentiating such a body in the
    symbol ``x`` would give 0: its gradient is the vector of the partials in the coordinates."""
    if len(fd.params) != 1 or not isinstance(fd.params[0], sp.Symbol) or fd.params[0] in fd.body.free_symbols:
        return None
    name = fd.params[0].name
    found: dict[int, sp.Symbol] = {}
    for s in fd.body.free_symbols:
        stem, _, sub = s.name.partition("_")
        sub = sub[1:-1] if sub.startswith("{") and sub.endswith("}") else sub
        if stem == name and sub.isdigit():
            found[int(sub)] = s
    keys = sorted(found)
    if not keys or keys[0] not in (0, 1) or keys != list(range(keys[0], keys[0] + len(keys))):
        return None
    return tuple(found[k] for k in keys)


def atomize(expr: sp.Expr) -> sp.Expr:
    """Opaque applied functions (L(w), ∇_w L(w_{t-1})) → symbols named after their LaTeX."""
    expr = _square_norms(expr)  # first: it may leave an operator norm, an opaque call atomized here
    bound = _bound_variables(expr)
    mapping = {call: S.symbol(_atom_name(call)) for call in expr.atoms(AppliedUndef) if type(call).__name__ != "Norm"
               and not (bound and any(a.free_symbols & bound for a in call.args if isinstance(a, sp.Basic)))}
    return expr.xreplace(mapping) if mapping else expr


def hidden_in_names(expr: sp.Expr, variables: tuple[sp.Symbol, ...] | set[sp.Symbol]) -> set[sp.Symbol]:
    """The ``variables`` that ``expr`` reads only inside a name of its own: ``p(x_i \\mid t)``, a probability
    read as one opaque symbol, mentions t although as a symbol it is constant in t. Differentiating such an
    expression in t would give 0 for what depends on t."""
    opaque = [x.name for x in expr.free_symbols if isinstance(x, sp.Symbol) and "(" in x.name]
    # (x^{(i)}, a sample's name with its mark, is the variable itself, not a name that hides it)
    return {v for v in variables if opaque and isinstance(v, sp.Symbol)
            and any(name != v.name and re.search(rf"(?<![A-Za-z\\]){re.escape(v.name)}(?![A-Za-z])", name) for name in opaque)}


def _bound_variables(expr: sp.Expr) -> set[sp.Symbol]:
    """The variables integrals bind in ``expr``. A call that reads one (``∫₀¹ g'(t) dt``) stays a call: as one
    opaque symbol it would be a constant of the integral, and ``∫₀¹ f'(t) dt = f'(t)`` would hold. (A sum's index
    is different: ``f(x_k)`` under ``Σ_k`` is a term named by its step, and the sums machinery shifts k in names.)"""
    if not expr.has(sp.Integral, Unbounded):
        return set()
    return {limit[0] for node in expr.atoms(sp.Integral) for limit in node.limits if isinstance(limit[0], sp.Symbol)} \
        | {node.var for node in expr.atoms(Unbounded)}


def _atom_name(call: sp.Basic) -> str:
    if type(call) is OperatorNorm:
        body = rf"\|{printing.latex(call.args[0])}\|"
        return body + (f"_{{{printing.latex(call.args[1])}}}" if len(call.args) == 2 else "")
    return atom_name(type(call).__name__, call.args)


def substitute(expr: sp.Expr, definitions: dict[sp.Symbol, sp.Expr], *, hold: frozenset[sp.Symbol] = frozenset(),
               limit: int = 32) -> sp.Expr:
    """Substitute system definitions until none is left (``hold`` stays atomic); cycles stop at ``limit``.

    Each definition is written out once, from the rows it reads up (then one replacement in ``expr``):
    replacing round after round rebuilt the whole growing expression each time, which was a third of
    checking a lecture. A chain deeper than ``limit`` is a cycle (``m_t = m_t + g_t``).
    """
    written: dict[sp.Symbol, sp.Expr] = {}

    def out(sym: sp.Symbol, depth: int) -> sp.Expr:
        done = written.get(sym)
        if done is not None:
            return done
        if depth > limit:
            raise CircularDefinition("circular system of definitions")
        body = definitions[sym]
        inner = {s: out(s, depth + 1) for s in body.free_symbols if s in definitions and s not in hold}
        written[sym] = roots.replace(body, inner)
        return written[sym]

    present = {s: out(s, 1) for s in expr.free_symbols if s in definitions and s not in hold}
    return roots.replace(expr, present)
