r"""Derivatives of expressions written in notes: ``\frac{d}{dh}\big(\sqrt{(h-3)^2+1}\big)``,
``\nabla_w \big(\tfrac12\|w\|^2\big)``, ``\frac{\partial}{\partial w}(…)``, ``\frac{d^2}{dx^2}(…)``.

The parser keeps such a derivative unevaluated (``sp.Derivative(operand, (x, n))``) because what the
operand means is only known once the document's definitions are in: with ``u = x^2`` stated before,
``\frac{d}{dx}(u + x)`` is ``2x + 1``, not ``1``. :func:`evaluate` substitutes the definitions into the
operand (never the variable itself), reads norms coordinate-wise as the rest of the checker does
(``‖w‖² → w²``), differentiates with SymPy, and names what stays opaque the way the notes write it:
the derivative of an undefined ``f(x, Y_i)`` in the slot of ``x`` is the gradient ``\nabla_{x} f(x, Y_i)``,
the n-th derivative of a one-variable ``f(x)`` is ``f''(x)``. A derivative that cannot be named so (the
chain rule through ``f(x + ε)``, a derivative with respect to a defined name) stays a ``Derivative``,
which the verifier reports as undecided with :func:`unresolved`'s reason; nothing is guessed.
"""
from __future__ import annotations

import dataclasses
import re

from collections.abc import Callable

import sympy as sp
from sympy.core.function import AppliedUndef

from .. import printing
from ..symbols import symbol
from .bind import (GRADIENT_PREFIX, HESSIAN_PREFIX, Functions, _square_norms, derivative_name, gradient_parts,
                   hidden_in_names, written_coordinates)
from . import coordinates
from .vectors import Coords

__all__ = ["HESSIAN_PREFIX", "Gradient", "Prime", "as_operators", "derivative_parts", "operators_on_own_body", "differentiated", "primes", "evaluate", "gradient_variables", "hessian_name", "linear_in", "partial_name", "resolve_named",
           "unresolved"]


class Gradient(sp.Function):
    r"""``\nabla (…)`` written without its variable (``\nabla \big(\tfrac12\|w\|^2\big)``): the reader cannot tell
    in what it differentiates; :func:`gradient_variables` settles that from the document (or leaves it, and
    :func:`unresolved` says why)."""

    nargs = 1

    def _latex(self, printer: object) -> str:
        return r"\nabla \left(" + printing.latex(self.args[0]) + r"\right)"


def gradient_variables(expr: sp.Expr, stepped: frozenset[str],
                       written: Callable[[sp.Expr], sp.Expr] | None = None) -> sp.Expr:
    """Each ``Gradient(operand)`` as a derivative in its variable, when the document names one.

    The variable is the one quantity the document's update rules step (``w`` for ``w_{t+1} = w_t − η∇…``,
    given as ``stepped`` base names) that the operand writes once the definitions in scope are written out
    (``written``: ``p`` defined as ``σw`` holds w), or else that operand's only free symbol. With none or
    several candidates the gradient stays (undecided): the other letters could be variables too.
    """
    def choose(g: Gradient) -> sp.Expr:
        operand = g.args[0]
        full = written(operand) if written is not None else operand
        names = {s.name: s for s in full.free_symbols if isinstance(s, sp.Symbol)}
        found = [names[n] for n in sorted(stepped) if n in names]
        if len(found) == 1:
            return sp.Derivative(operand, (found[0], 1))
        if not found and len(names) == 1:
            return sp.Derivative(operand, (next(iter(names.values())), 1))
        return g
    return expr.replace(lambda e: isinstance(e, Gradient), choose)


class Prime(sp.Function):
    r"""``(f g h)'``, ``(x^2 + 1)'``: the derivative of an expression in a variable the notation leaves unsaid.
    :func:`primes` computes it once the statement shows which letters are functions (those written primed)."""

    nargs = 1

    def _latex(self, printer: object) -> str:
        return r"\left(" + printing.latex(self.args[0]) + r"\right)'"


def primes(expr: sp.Expr, primed: frozenset[str], stands_for: frozenset[str] = frozenset()) -> sp.Expr:
    """Each ``Prime(operand)`` differentiated: the letters whose primes the statement writes (``f'`` for f)
    are functions of one unsaid variable, the other letters constants (``(a f)' = a f'``), by the product,
    quotient and chain rules, the derivative of ``f`` named ``f'``. With no primed letter, an operand of one
    letter is differentiated in it (``(x^2)' = 2x``); anything else stays (undecided), and so does every prime
    where a capital is written primed (``X'X``: there a prime is a transpose).

    ``stands_for`` names the letters the notes define by other letters (``u = 3x + 4``): a prime on an
    operand in such a letter alone is ambiguous, since ``(u^2)'`` after that substitution means the derivative
    in ``x`` (the chain rule at work), not ``2u``, so it stays."""
    if any(len(name) == 1 and name.isupper() for name in primed):
        return expr

    def one(p: Prime) -> sp.Expr:
        operand = p.args[0]
        letters = [s for s in operand.free_symbols if isinstance(s, sp.Symbol)]
        functions = sorted((s for s in letters if s.name in primed), key=sp.default_sort_key)
        if not functions:
            return sp.diff(operand, letters[0]) if len(letters) == 1 and letters[0].name not in stands_for else p
        t = sp.Dummy("t")
        as_function = {s: sp.Function(s.name)(t) for s in functions}
        result = sp.diff(operand.xreplace(as_function), t)
        result = result.xreplace({sp.Derivative(f, t): symbol(s.name + "'") for s, f in as_function.items()})
        result = result.xreplace({f: s for s, f in as_function.items()})
        return p if result.has(t) else result
    return expr.replace(lambda e: isinstance(e, Prime), one)


def differentiated(*sides: sp.Expr) -> set[sp.Symbol]:
    """The symbols that derivatives written out in ``sides`` differentiate in (every letter of a
    ``\\nabla (…)`` operand, whose variable is not known yet): they need not stand on the other side, and a
    statement holding such a derivative is a claim, not the naming of something new."""
    found: set[sp.Symbol] = set()
    for side in sides:
        for d in side.atoms(sp.Derivative):
            # d/dx (x² + a) = 2x: the variable, and any letter of a written operand, may vanish
            found |= {v for v in d.variables if isinstance(v, sp.Symbol)}
            if not d.expr.atoms(AppliedUndef):
                found |= {s for s in d.expr.free_symbols if isinstance(s, sp.Symbol)}
        for g in side.atoms(Gradient):
            found |= {s for s in g.args[0].free_symbols if isinstance(s, sp.Symbol)}
        for p in side.atoms(Prime):  # (f g)' = f' g + f g': the primes are the derivative's, not new names
            letters = {s for s in p.args[0].free_symbols if isinstance(s, sp.Symbol)}
            found |= letters | {symbol(s.name + "'") for s in letters}
    return found


def evaluate(expr: sp.Expr, settle: Callable[[sp.Expr, sp.Symbol], sp.Expr | None]) -> sp.Expr:
    """Differentiate every ``Derivative`` of ``expr``, innermost first.

    ``settle(operand, variable)`` returns the operand with the document's definitions substituted
    (holding ``variable``), or None when the variable itself is defined (then the derivative stays).
    """
    if not expr.has(sp.Derivative):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Derivative), lambda d: _differentiate(d, settle))


def unresolved(expr: sp.Expr) -> str | None:
    """Why a derivative is left in ``expr`` (for an undecided verdict), or None when there is none."""
    for p in sorted(expr.atoms(Prime), key=sp.default_sort_key):
        return (f"the prime on {printing.text(p.args[0])}: its variable is not written, nor which letters are "
                "functions (write f' for each)")
    for g in sorted(expr.atoms(Gradient), key=sp.default_sort_key):
        return (f"the gradient of {printing.text(g.args[0])} needs its variable (no single quantity that the "
                "update rules step is in it): write \\nabla_x (…)")
    for d in sorted(expr.atoms(sp.Derivative, sp.Subs), key=sp.default_sort_key):
        if isinstance(d, sp.Derivative) and _coordinates_of(d) is not None:
            return (f"the derivative in {printing.text(d.variables[0])} of an expression written in its coordinates "
                    f"({printing.text(_coordinates_of(d))}) is not modelled")
        if isinstance(d, sp.Derivative) and len(d.variables) == 1 and isinstance(d.variables[0], sp.Symbol) \
                and _generic_coordinate(d.variables[0], d.expr):
            return (f"the derivative in {printing.text(d.variables[0])}, a coordinate at a letter, of an expression "
                    "written in other coordinates of it is not modelled")
        if isinstance(d, sp.Derivative) and (hidden := hidden_in_names(d.expr, set(d.variables))):
            named = sorted(x.name for x in d.expr.free_symbols if hidden_in_names(x, hidden))
            return (f"the derivative in {', '.join(sorted(printing.text(v) for v in hidden))} of {named[0]}: a "
                    "quantity read as one name (a probability under a condition) is not modelled as a function of it")
        inner = d.expr if isinstance(d, (sp.Derivative, sp.Subs)) else d
        if isinstance(d, sp.Subs) or (isinstance(inner, sp.Derivative) and isinstance(inner.expr, AppliedUndef)):
            return f"the derivative of {printing.text(_applied(d))} needs the chain rule through an unknown function"
        return f"the derivative of {printing.text(inner)} could not be taken (its variable is defined, or not a name)"
    return None


#: Subscripts that index the coordinates of a vector (``w_j``, ``x_{i}``), not a step or a label.
_COORDINATE_LETTERS = frozenset("ijlmnpqr")


def _through_coordinates(body: sp.Expr, var: sp.Symbol) -> bool:
    """Does ``body`` write ``var`` only through its numbered or lettered coordinates (``θ_0 + θ_1x`` for J(θ))?
    In the letter θ its derivative is 0; the author means the vector of partials."""
    if not isinstance(var, sp.Symbol) or var in body.free_symbols:
        return False
    return any(isinstance(x, sp.Symbol) and x.name.startswith(var.name + "_") for x in body.free_symbols)


def _coordinates_of(d: sp.Derivative) -> sp.Basic | None:
    """A coordinate of a variable of ``d`` that its operand writes (``w_j`` or ``w[i]`` under ``∂/∂w``), or None.

    Differentiating ``Σⱼ wⱼxⱼ`` in the symbol ``w`` would give 0, where the author means the vector ``x``:
    such a derivative is left undecided rather than computed wrong."""
    names = {v.name for v in d.variables if isinstance(v, sp.Symbol)}
    for atom in sorted(d.expr.atoms(sp.Symbol, sp.Indexed), key=sp.default_sort_key):
        if isinstance(atom, sp.Indexed) and str(atom.base.label) in names:
            return atom
        if isinstance(atom, sp.Symbol) and "_" in atom.name:
            stem, _, sub = atom.name.partition("_")
            sub = sub.strip("{}")
            if stem in names and sub and sub[0] in _COORDINATE_LETTERS:
                return atom
    return None


def _applied(d: sp.Basic) -> sp.Basic:
    found = sorted(d.atoms(AppliedUndef), key=sp.default_sort_key)
    return found[0] if found else d


def _differentiate(d: sp.Derivative, settle: Callable[[sp.Expr, sp.Symbol], sp.Expr | None]) -> sp.Expr:
    """One derivative, in one variable or several (``\\frac{\\partial^2}{\\partial x \\partial y}(…)``)."""
    counts = d.variable_count
    if not 1 <= sum(int(n) if isinstance(n, sp.Integer) else 99 for _, n in counts) <= 4:
        return d
    if any(not isinstance(var, sp.Symbol) for var, _ in counts):
        return d
    operand: sp.Expr | None = d.expr
    for var, _ in counts:  # the definitions written out, every variable held
        operand = settle(operand, var) if operand is not None else None
    if operand is None:
        return d
    if (through := _through_common_variable(d, settle)) is not None:
        return through
    if _coordinates_of(sp.Derivative(operand, *counts)) is not None:
        return sp.Derivative(operand, *counts)  # ∂(Σᵢ wᵢxᵢ)/∂w: w's coordinates are not w (unresolved says so)
    if any(_generic_coordinate(var, operand) for var, _ in counts):
        return sp.Derivative(operand, *counts)  # ∂/∂β_j of β_0 + β_1x_1 + …: β_j may be any of them
    if hidden_in_names(operand, {var for var, _ in counts}):
        return sp.Derivative(operand, *counts)  # d/dθ log p(y | θ): θ is inside one name, not constant (unresolved)
    result = sp.diff(_square_norms(operand), *((var, int(n)) for var, n in counts))
    return _name_opaque(result)


def _through_common_variable(d: sp.Derivative, settle: Callable[[sp.Expr, sp.Symbol], sp.Expr | None]
                             ) -> sp.Expr | None:
    """``\\frac{d}{du}(…)`` of an operand written in x where ``u = 3x + 2`` is defined: :func:`through_definition`.
    Holding u and differentiating the written-out operand would give 0. None when that is not the case (the
    usual reading goes on)."""
    if len(d.variable_count) != 1 or d.variable_count[0][1] != 1:
        return None
    var = d.variable_count[0][0]
    body = settle(var, sp.Dummy("held"))
    held = settle(d.expr, var)
    if body is None or body == var or held is None or held.has(var):
        return None
    operand = settle(d.expr, sp.Dummy("held"))
    return None if operand is None else through_definition(operand, body)


def through_definition(operand: sp.Expr, definition: sp.Expr) -> sp.Expr | None:
    """``dy/du`` where ``y = (3x + 2)²`` and ``u = 3x + 2`` are both written in one variable x: the chain rule read
    backwards, ``(dy/dx)/(du/dx)`` — the derivative the notes mean when they go on "so y = u², dy/du = 2u".
    ``operand`` and ``definition`` (u's) have every definition written out. None unless u's definition is in one
    variable, not constant in it, and the operand writes that variable."""
    if len(definition.free_symbols) != 1:
        return None
    (base,) = definition.free_symbols
    inner = sp.diff(definition, base)
    if not isinstance(base, sp.Symbol) or inner == 0 or not operand.has(base):
        return None
    return sp.cancel(sp.diff(_square_norms(operand), base) / inner)


def _generic_coordinate(var: sp.Symbol, operand: sp.Expr) -> bool:
    """Is ``var`` a coordinate at a letter (``β_j``) of a family the operand writes at other indices (``β_0``,
    ``β_p``)? Then the derivative is the one of whichever coordinate j stands for, not 0."""
    stem, _, sub = var.name.partition("_")
    sub = sub.strip("{}")
    if not stem or not sub or not sub.isalpha() or len(sub) > 1:
        return False
    return any(isinstance(x, sp.Symbol) and x != var and x.name.partition("_")[0] == stem
               and x.name.partition("_")[2] for x in operand.free_symbols)


def _name_opaque(expr: sp.Expr) -> sp.Expr:
    """``Derivative(f(x, y), x)`` → ``\\nabla_{x} f(x, y)``; ``Derivative(f(x), (x, 2))`` → ``f''(x)``."""
    def name(d: sp.Derivative) -> sp.Expr:
        call = d.expr
        if not isinstance(call, AppliedUndef) or len(d.variable_count) != 1:
            return d
        var, order = d.variable_count[0]
        fname = type(call).__name__
        slots = [k for k, a in enumerate(call.args) if a == var]
        others = [a for k, a in enumerate(call.args) if k not in slots]
        if len(slots) != 1 or any(a.has(var) for a in others) or fname.startswith(GRADIENT_PREFIX):
            return d
        if order == 1:
            return sp.Function(derivative_name(fname, var.name, len(call.args)))(*call.args)
        if len(call.args) == 1:
            return sp.Function(fname + "'" * int(order))(*call.args)
        return d

    return expr.replace(lambda e: isinstance(e, sp.Derivative), name)


def linear_in(expr: sp.Expr, var: sp.Symbol) -> bool:
    """Is ``expr`` of degree at most one in ``var``? (``∂²/∂var² = 0``, decided mostly from the tree.)

    The checker asks this of every variable of a long side (Adam's step written out) to find the
    coefficients an author can compare; differentiating twice is the slow way, so the tree decides
    first: sums and products with ``var`` in one factor are linear, ``var`` under a root, in a
    denominator, in an exponent or inside a function is not (a cancellation such as
    ``(2x + 2)/(x + 1)`` is not looked for); only products and integer powers of polynomials in
    ``var`` go to SymPy's second derivative.
    """
    verdict = _structurally_linear(expr, var)
    if verdict is None:
        return sp.diff(expr, var, 2) == 0
    return verdict


def coefficient(expr: sp.Expr, var: sp.Symbol) -> sp.Expr:
    """The coefficient of ``var`` in ``expr``, which :func:`linear_in` has found linear in it.

    Read off the tree (a sum's coefficients added, a product's other factors kept as they stand), so
    that a long side costs one walk instead of a derivative of every factor, and the coefficient keeps
    the shape the author wrote; where the tree does not decide, SymPy differentiates."""
    if expr == var:
        return sp.Integer(1)
    if not expr.has(var):
        return sp.Integer(0)
    if isinstance(expr, sp.Add):
        return sp.Add(*(coefficient(a, var) for a in expr.args))
    if isinstance(expr, sp.Mul):
        holding = [a for a in expr.args if a.has(var)]
        if len(holding) == 1:
            rest = [a for a in expr.args if a is not holding[0]]
            return sp.Mul(*rest) * coefficient(holding[0], var)
    return sp.diff(expr, var)


def _structurally_linear(expr: sp.Basic, var: sp.Symbol) -> bool | None:
    if not expr.has(var):
        return True
    if expr == var:
        return True
    if isinstance(expr, sp.Add):
        verdicts = [_structurally_linear(a, var) for a in expr.args]
        return False if False in verdicts else (None if None in verdicts else True)
    if isinstance(expr, sp.Mul):
        holding = [a for a in expr.args if a.has(var)]
        if len(holding) == 1:
            return _structurally_linear(holding[0], var)
        if any(isinstance(a, sp.Pow) and not (a.exp.is_Integer and a.exp > 0) for a in holding):
            return False  # g·(√v + ε)⁻¹ with v holding g: SymPy already merged x·x⁻¹, so nothing cancels
        return None  # a product of polynomials in var: degree two unless something cancels, which SymPy sees
    if isinstance(expr, sp.Pow):
        if expr.exp.has(var):
            return False
        if expr.exp.is_Integer and expr.exp > 1:
            return None
        return False
    return False


# -- derivatives of named functions and defined names ----------------------------------------------------

#: ``\partial_{x}\partial_{y} q``: the mixed partial ``\frac{\partial^2 q}{\partial x \partial y}`` (one group a variable).
PARTIAL_PREFIX = r"\partial_{"


def partial_name(variables: list[str], base: str) -> str:
    """The atom for ``\\frac{\\partial^n f}{\\partial x … \\partial y}``: one ``\\partial_{v}`` per differentiation,
    in one order whatever the order written — mixed partials of the smooth functions notes differentiate commute
    (Schwarz), so ``∂²f/∂x∂y`` and ``∂²f/∂y∂x`` are one quantity."""
    return "".join(r"\partial_{" + v + "}" for v in sorted(variables)) + " " + base


def hessian_name(variable: str | None, base: str) -> str:
    return HESSIAN_PREFIX + ("" if variable is None else "_{" + variable + "}") + " " + base


def _braced(text: str, start: int) -> int | None:
    """Index just past the group opening at ``text[start] == '{'``."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return i + 1
    return None


def derivative_parts(name: str) -> tuple[str, tuple[str, ...] | None, str] | None:
    """What a derivative atom's name says: (kind, variables, base).

    ``\\nabla_{w} L`` → ("gradient", ("w",), "L"); ``\\nabla f`` → ("gradient", None, "f");
    ``\\nabla^{2} f`` → ("hessian", None, "f"); ``\\partial_{x}\\partial_{y} q`` → ("partial", ("x", "y"), "q").
    None for a name that is no derivative.
    """
    if name.startswith(HESSIAN_PREFIX):
        rest = name[len(HESSIAN_PREFIX):]
        variable = None
        if rest.startswith("_{"):
            stop = _braced(rest, 1)
            if stop is None:
                return None
            variable, rest = rest[2:stop - 1], rest[stop:]
        return "hessian", None if variable is None else (variable,), rest.strip()
    if name.startswith(PARTIAL_PREFIX):
        variables: list[str] = []
        rest = name
        while rest.startswith(PARTIAL_PREFIX):
            stop = _braced(rest, len(PARTIAL_PREFIX) - 1)
            if stop is None:
                return None
            variables.append(rest[len(PARTIAL_PREFIX):stop - 1])
            rest = rest[stop:]
        return "partial", tuple(variables), rest.strip()
    if name.startswith(GRADIENT_PREFIX) and (len(name) == len(GRADIENT_PREFIX) or name[len(GRADIENT_PREFIX)] in "_ "):
        variable, base = gradient_parts(name)
        return "gradient", None if variable is None else (variable,), base
    return None


def _by_name(names: tuple[str, ...], among: tuple[sp.Symbol, ...] | set[sp.Symbol]) -> list[sp.Symbol] | None:
    found = {s.name: s for s in among}
    if any(n not in found for n in names):
        return None
    return [found[n] for n in names]


def _differentiate_body(kind: str, variables: tuple[str, ...] | None, body: sp.Expr,
                        params: tuple[sp.Symbol, ...]) -> sp.Expr | None:
    """The derivative a name asks for, of ``body`` in ``params``; vectors and matrices when ``params`` are
    several coordinates and no variable is written (``\\nabla f(x_1, x_2)``, ``\\nabla^2 f``). None when the
    written variable is not among ``params`` (then nothing is known of how ``body`` depends on it)."""
    from .vectors import Coords, Rows

    if variables is not None:
        chosen = _by_name(variables, params)
        if chosen is None:
            return None
        if kind == "hessian":
            return sp.diff(body, chosen[0], 2)
        held = sp.Derivative(body, *chosen)
        if (taken := coordinates.derivatives(held)) != held:
            return taken  # ∂p_i/∂z_i of e^{z_i}/Σ_j e^{z_j}: z_i is one of the z_j summed
        if _coordinates_of(held) is not None:
            return held  # ∂H/∂ŷ for H(y, ŷ) = −Σ yᵢ log ŷᵢ: 0 in the symbol ŷ, so left for unresolved() to name
        if any(_through_coordinates(body, c) for c in chosen):
            return None
        return sp.diff(body, *chosen)
    if kind == "partial":
        return None
    if len(params) == 1:
        return sp.diff(body, params[0], 1 if kind == "gradient" else 2)
    if kind == "gradient":
        return Coords(*(sp.diff(body, p) for p in params))
    return Rows(*(Coords(*(sp.diff(body, p, q) for q in params)) for p in params))


def _implicit(body: sp.Expr, params: tuple[sp.Symbol, ...]) -> bool:
    """``ℓ(z) = −y log p − (1 − y) log(1 − p)`` whose body, with the definitions in scope written out, names
    none of its parameters (``p = σ(z)`` said only in words, or σ not known): the dependence is not written, so
    the derivative is not known (it was taken as 0, and a true line reported false). A body of numbers only
    (``f(x) = 5``) is a constant function."""
    if not body.free_symbols or body.free_symbols & set(params):
        return False
    bases = {_BOLD.sub(r"\g<1>", p.name) for p in params}  # ŷ for ŷ_i, x for x_1 when the parameter is \mathbf{x}
    return not any(_BOLD.sub(r"\g<1>", str(s.base.label if isinstance(s, sp.Indexed) else s.name)).split("_")[0] in bases
                   for s in body.free_symbols)


#: A bold or arrow letter, for the plain name of its coordinates.
_BOLD = re.compile(r"\\(?:mathbf|boldsymbol|bm|vec)\{([^{}]+)\}")
#: A name with a subscript of its own (``z_{i}``): a derivative in it says at which coordinate it is taken.
_SUBSCRIPTED = re.compile(r"_\{[^{}]+\}$")


def resolve_named(expr: sp.Expr, functions: Functions,
                  settle_name: Callable[[str, tuple[str, ...]], sp.Expr | None], *, bare: bool = True,
                  stepped: frozenset[str] = frozenset(),
                  through: Callable[[sp.Expr, tuple[sp.Symbol, ...]], sp.Expr] | None = None,
                  through_name: Callable[[str, str], sp.Expr | None] | None = None) -> sp.Expr:
    r"""Differentiate the derivative atoms of ``expr`` whose function or name the document defines.

    ``\frac{\partial f}{\partial x_1}(a, b)`` and ``\nabla^2 f`` for ``f(x_1, x_2) = …`` are taken from
    f's definition (at the written arguments, or at f's own parameters when none are written); with
    several parameters and no variable, ``\nabla f`` is the vector of partials and ``\nabla^2 f`` the
    matrix of second partials. ``\nabla_w L`` and ``\frac{\partial J}{\partial w_1}`` for a name defined
    by a formula (``J = (w_1 x_1 + w_2 x_2 - y)^2``) differentiate that formula, with the definitions in
    scope written out and the variables held (``settle_name(base, variables)`` returns it, or None), but only in a variable the formula
    writes: of how a name depends on what it does not show nothing is known, so that stays opaque.
    ``\nabla L`` with no variable, for L so defined, is taken in the one quantity the update rules step
    (``stepped`` base names) that the formula holds, and stays opaque when it holds none or several.
    ``through(body, params)`` writes out, in a defined function's body, the names the scope defines in terms of
    its parameters (``ℓ(z) = −y log p − …`` "with p = σ(z)": ℓ depends on z through p, as a reader takes it).
    ``through_name(base, variable)`` gives ``dy/du`` when the variable is itself a defined name (u = 3x + 2) and
    ``settle_name`` declines (:func:`through_definition`), or None.
    ``bare=False`` leaves derivatives written without arguments alone: in an update rule
    (``w_{t+1} = w_t - \eta \nabla_w L``) the point is the current iterate, not the definition's variable.
    """
    mapping: dict[sp.Basic, sp.Expr] = {}
    for call in expr.atoms(AppliedUndef):
        parts = derivative_parts(type(call).__name__)
        if parts is None:
            continue
        kind, variables, base = parts
        fd = functions.defs.get(base)
        if fd is None or len(fd.params) != len(call.args):
            continue
        coords = written_coordinates(fd)
        point = call.args[0] if len(call.args) == 1 and isinstance(call.args[0], Coords) else None
        if coords is not None and call.args != fd.params and (point is None or len(point.args) != len(coords)):
            continue  # ∇f(x_t) for f(x) = x_1² + …: the coordinates of x_t are not written
        if kind == "gradient" and variables is None and len(fd.params) == 1 and coords is None:
            continue  # a one-variable ∇f(a) is Functions.expand's
        body = functions.expand(fd.body)
        body = through(body, fd.params) if through else body
        if _implicit(body, fd.params):
            continue
        value = _differentiate_body(kind, variables, body, coords or fd.params)
        if value is not None and coords is not None and point is not None and call.args != fd.params:
            mapping[call] = _name_opaque(value).xreplace(dict(zip(coords, point.args)))  # ∇²f([0, 1]^T)
        elif value is not None:
            mapping[call] = _name_opaque(value).xreplace(dict(zip(fd.params, call.args)))
    for sym in expr.free_symbols:
        parts = derivative_parts(sym.name) if isinstance(sym, sp.Symbol) else None
        if parts is None:
            continue
        kind, variables, base = parts
        if not bare and not (variables and all(_SUBSCRIPTED.search(v) for v in variables)):
            continue  # ∂p_i/∂z_i names its point (the index i); ∇_w L in an update rule does not
        fd = functions.defs.get(base)
        if fd is not None:  # ∂f/∂x_2 with no arguments: at f's own parameters (or the coordinates it is written in,
            # read once the functions in its body are written out: J(θ) = Σ(h_θ(x⁽ⁱ⁾) − y⁽ⁱ⁾)² with h_θ(x) = θ_0 + θ_1x)
            body = functions.expand(fd.body)
            coords = written_coordinates(fd) or written_coordinates(dataclasses.replace(fd, body=body))
            body = through(body, fd.params) if through and coords is None else body
            if coords is None and _implicit(body, fd.params):
                continue
            value = _differentiate_body(kind, variables, body, coords or fd.params)
        elif variables is not None:
            body = settle_name(base, variables)
            if body is None and len(variables) == 1 and kind != "hessian" and through_name is not None:
                value = through_name(base, variables[0])  # dy/du with u = 3x + 2 and y written in x
            elif body is None:
                continue
            else:
                value = _differentiate_body(kind, variables, functions.expand(body), tuple(body.free_symbols))
        elif kind == "gradient" and stepped:
            body = settle_name(base, ())
            found = [] if body is None else [s for s in body.free_symbols if s.name in stepped]
            if len(found) != 1:
                continue
            value = _differentiate_body(kind, (found[0].name,), functions.expand(body), tuple(body.free_symbols))
        else:
            continue
        if value is not None:
            mapping[sym] = _name_opaque(value)
    return expr.xreplace(mapping) if mapping else expr



def _derivative_factor(term: sp.Mul, functions: Functions) -> tuple[sp.Expr, sp.Symbol, str] | None:
    """In a product, the derivative of a defined function of one variable at that variable (``dR(h)/dh``), the
    variable, and the function's name."""
    for factor in term.args:
        if isinstance(factor, AppliedUndef) and type(factor).__name__.startswith(GRADIENT_PREFIX):
            name = gradient_parts(type(factor).__name__)[1]
            fd = functions.defs.get(name)
            if fd is not None and len(fd.params) == 1 and tuple(factor.args) == tuple(fd.params):
                return factor, fd.params[0], name
    return None


def operators_on_own_body(exprs: list[sp.Expr], functions: Functions) -> frozenset[str]:
    """The functions whose derivative the notes write as an operator before a bracket: somewhere in ``exprs`` the
    derivative ``\\frac{dR(h)}{dh}`` stands before R's own definition (``(\\frac14\\sum_i (y_i − h)^2)``), a
    product no derivation means (the derivative times R). Elsewhere a bracket after a derivative is a factor
    (``\\frac{df(a)}{dx}(x − a)`` in a Taylor expansion)."""
    found: set[str] = set()
    for expr in exprs:
        for term in expr.atoms(sp.Mul):
            part = _derivative_factor(term, functions)
            if part is not None and (rest := term / part[0]).free_symbols \
                    and sp.expand(rest - functions.defs[part[2]].body) == 0:
                found.add(part[2])
    return frozenset(found)


def as_operators(expr: sp.Expr, functions: Functions, names: frozenset[str]) -> sp.Expr:
    """Each product of the derivative of one of ``names`` with what follows it read as that derivative taken of
    it: ``\\frac{dR(h)}{dh}((y_i − h)^2)`` is ``d/dh (y_i − h)^2`` once the notes use the operator so."""
    def apply(term: sp.Mul) -> sp.Expr | None:
        part = _derivative_factor(term, functions)
        return sp.Derivative(term / part[0], part[1]) if part is not None and part[2] in names else None
    return expr.replace(lambda e: isinstance(e, sp.Mul) and apply(e) is not None, apply)  # type: ignore[arg-type]
