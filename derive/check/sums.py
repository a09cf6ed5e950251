r"""Refuting an identity between sums over an unwritten index set (``\sum_i α_i u_i``).

The parser reads such a sum as ``Sum(body, (i, 1, #))`` with a count ``#`` the note never states
(:meth:`derive.check.latex._ExprParser.generic_sum`). Proving works as for any sum; refuting needs care,
because the count is unknown: ``\sum_i 1 = n`` may be how the note says there are ``n`` terms. What is
sound: when the difference of the sides is ``Σ_{i∈R} φ(s, x_i) + ψ(s)`` — a linear combination of single
sums over the same set, plus terms without indexed quantities — and ``φ`` depends on an indexed value
``x_i``, then changing ``x_j`` at one member ``j`` of any nonempty ``R`` changes the difference, so the
identity fails whatever the set is. Only links with such a sum on both sides are refuted: ``\sum_i p_i = 1``
states a constraint on the values. Products of sums, nested sums and sums over different sets are left
alone (the caller keeps its undecided reason).
"""
from __future__ import annotations

import itertools
import re
from typing import TypeVar

import sympy as sp

from .. import printing
from ..proof import compare

_K = TypeVar("_K", bound=sp.Basic)

__all__ = ["DIFFER", "GENERIC_COUNT", "has_generic", "log_products", "prove", "refute"]

#: Functions a summand may hold for a refutation: their value depends on their argument only.
_ELEMENTARY = (sp.exp, sp.log, sp.Abs, sp.sign, sp.sin, sp.cos, sp.tanh)

#: The prefix of the count symbol of a sum over an unwritten index set.
GENERIC_COUNT = "\\#"


def _generic(s: sp.Basic) -> bool:
    if not isinstance(s, sp.Sum) or len(s.limits) != 1:
        return False
    _, low, high = s.limits[0]
    return low == 1 and isinstance(high, sp.Symbol) and high.name.startswith(GENERIC_COUNT)


def has_generic(*exprs: sp.Expr) -> bool:
    return any(any(_generic(s) for s in e.atoms(sp.Sum)) for e in exprs if isinstance(e, sp.Basic))


def _summand(difference: sp.Expr, sums: list[sp.Sum], low: sp.Expr, high: sp.Expr, *, nested: bool = False
             ) -> tuple[sp.Expr, sp.Expr, sp.Dummy] | None:
    """``Σ_{k=low}^{high} φ(k) + ψ`` for a difference of single sums over one range, or None when it is not
    such a linear combination (a product of sums, a sum inside a function, a coefficient that varies). With
    ``nested``, ``φ`` may hold sums of its own (``Σ_i (y_i − Σ_k w_k x_{ik}) x_{ij}``)."""
    k = sp.Dummy("k", integer=True)
    relabel = {s: sp.Sum(s.function.xreplace({s.limits[0][0]: k}), (k, low, high)) for s in sums}
    expanded = sp.expand(difference.xreplace(relabel), deep=False)
    phi, psi = sp.Integer(0), sp.Integer(0)
    for term in sp.Add.make_args(expanded):
        inside = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Sum)]
        if not inside:
            if term.has(sp.Indexed, sp.Sum):
                return None
            psi += term
            continue
        if len(inside) != 1:
            return None  # a product of sums
        total = inside[0]
        coefficient = term / total
        if coefficient.has(sp.Indexed, sp.Sum, k) or (total.function.has(sp.Sum) and not nested):
            return None
        phi += coefficient * total.function
    return phi, psi, k


def outermost(expr: sp.Expr, kind: type[_K] = sp.Sum) -> list[_K]:
    """The objects of ``kind`` in ``expr`` that no other of that kind holds, once each, in the order met.

    A sum (or an integral, :mod:`.unbounded`) inside another's summand belongs to that summand: the
    comparisons here pair whole outer objects, and splitting an inner one out would pair parts of two.
    """
    found: list[_K] = []

    def walk(e: sp.Basic) -> None:
        if isinstance(e, kind):
            if e not in found:
                found.append(e)
            return
        for a in e.args:
            walk(a)
    walk(expr)
    return found


#: What :func:`prove` answers when the summands of one range differ: not an identity (an equation the
#: note solves, or a slip; sums over a written range are not refuted, see :func:`refute`).
DIFFER = "the sums over one range differ term by term: an equation in the quantities summed, or a slip (not refuted)"


def prove(left: sp.Expr, right: sp.Expr, *, seconds: float = 2.0) -> str | None:
    """Why ``left = right`` holds, when both are linear combinations of sums over one range (written or
    not) whose summands cancel term by term: ``Σ_k φ(k) + ψ`` with ``φ ≡ 0`` and ``ψ ≡ 0``. Each indexed
    quantity (``x_k``, ``x^{(k)}``, ``g_{k-1}``) is an independent unknown, so this holds for every range
    and every value; it is decided like any identity (symbolically and at random points). :data:`DIFFER`
    when the summand is not zero and every quantity in it is labelled by the index itself."""
    sums = outermost(left - right)
    if sums and all(len(s.limits) > 1 for s in sums):
        return _prove_multiple(left - right, seconds)
    if not sums or any(len(s.limits) != 1 for s in sums):
        return None
    ranges = {s.limits[0][1:] for s in sums}
    if len(ranges) != 1:
        return None
    split = _summand(left - right, sums, *next(iter(ranges)), nested=True)
    if split is None:
        return None
    phi, psi, k = split
    if phi != 0 and not phi.has(sp.Indexed) or any(not isinstance(f, _ELEMENTARY) for f in phi.atoms(sp.Function)) \
            or phi.has(sp.Derivative):
        return None  # no labelled quantity, or calculus inside: the usual comparison decides (and faster)
    # a sum inside the summand (Σ_k w_k x_{ik}) is one unknown value: a summand that is zero whatever it is, is zero
    inner = {total: sp.Dummy("s", real=True) for total in outermost(phi)}
    names = {ix: sp.Dummy(f"{ix.base.label}", real=True) for ix in phi.xreplace(inner).atoms(sp.Indexed)}
    plain = phi.xreplace(inner).xreplace(names)
    if plain.has(sp.Indexed):
        return None
    termwise = compare(plain, sp.Integer(0), seconds=seconds / 4).status
    if termwise == "false" and not inner and all(ix.indices == (k,) for ix in names) and psi == 0:
        # each x_k an unknown of its own: no identity hides in a summand that is not zero. A term outside the sums
        # (ψ ≠ 0) may name an aggregate of the same data (X^T(Xθ − y) for Σ(θ^Tx_i − y_i)x_i, X's rows the x_i), so
        # summands that differ then say nothing
        return DIFFER
    if termwise != "true" or (psi != 0 and compare(psi, sp.Integer(0), seconds=seconds / 4).status != "true"):
        return None
    return "the sums agree term by term (left minus right sums to zero for every index and every range)"


def _prove_multiple(difference: sp.Expr, seconds: float) -> str | None:
    """``Σ_i Σ_c log μ_{ic}^{y_{ic}} − Σ_i Σ_c y_{ic} log μ_{ic}``: sums over the same several indices and ranges, each
    times a factor free of them; the summands combined must vanish with every indexed quantity an unknown."""
    limits = None
    summand = sp.Integer(0)
    for term in sp.Add.make_args(difference):
        found = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Sum)]
        if len(found) != 1:
            return None
        total = found[0]
        factor = term / total
        if limits is None:
            limits = total.limits
        if total.limits != limits or factor.free_symbols & {lim[0] for lim in limits}:
            return None
        summand += factor * total.function
    if limits is None or summand.has(sp.Sum, sp.Derivative) \
            or any(not isinstance(f, _ELEMENTARY) for f in summand.atoms(sp.Function)):
        return None
    names = {ix: sp.Dummy(f"{ix.base.label}", real=True) for ix in summand.atoms(sp.Indexed)}
    if compare(summand.xreplace(names), sp.Integer(0), seconds=seconds / 2).status != "true":
        return None
    indices = ", ".join(printing.text(lim[0]) for lim in reversed(limits))  # outermost first, as written
    return f"the sums over {indices} agree term by term (left minus right sums to zero for every index and range)"


#: A summed quantity that is a derivative (``∇z_k``, ``g'_k``): the chain rule ties it to others, so two sides that
#: differ in it may still agree (``∂g_k(z_k)/∂b_j = g'_k(z_k)∂z_k/∂b_j``, z_k's dependence on b_j written elsewhere).
_DERIVED = re.compile(r"\\nabla|\\partial|'")


def refute(left: sp.Expr, right: sp.Expr, *, seconds: float = 2.0) -> str | None:
    """Why ``left = right`` is false for every nonempty index set, or None when that is not shown.

    Sums over a written range ``Σ_{i=1}^{m}`` are not refuted this way: notes solve equations written with
    them (``w Σ x_i² = Σ y_i x_i − b Σ x_i`` after setting a derivative to zero), which hold for the
    unknown they solve for, not for every value."""
    if not (has_generic(left) and has_generic(right)):
        return None  # Σ_i p_i = 1, Σ_i w_i x_i = y: a constraint on the values, not an identity
    sums = [s for s in (left - right).atoms(sp.Sum)]
    if not sums or not all(_generic(s) for s in sums):
        return None
    ranges = {s.limits[0][1:] for s in sums}
    if len(ranges) != 1:
        return None
    low, high = next(iter(ranges))
    where = "whatever the index set"
    letter = sums[0].limits[0][0]
    split = _summand(left - right, sums, low, high)
    if split is None:
        return None
    phi, _, k = split
    if any(not isinstance(f, _ELEMENTARY) for f in phi.atoms(sp.Function)):
        return None  # E[g_i] against E[g]: a fact about the quantities (stationarity), not about sums
    labelled = sorted(phi.atoms(sp.Indexed), key=sp.default_sort_key)
    if not labelled or any(any(index != k for index in ix.indices) for ix in labelled):
        return None
    if any(_DERIVED.search(str(ix.base.label)) for ix in labelled):
        return None  # ∂g_k(z_k)/∂b_j against g'_k(z_k)·∂z_k/∂b_j: derivatives are tied to each other, not free data
    stems = {str(ix.base.label).split("^")[0].split("_")[0] for ix in labelled}
    bases = {ix.base.label for ix in (left - right).atoms(sp.Indexed)}
    if any(x.name.split("^")[0].split("_")[0] in stems for x in (left - right).free_symbols
           if isinstance(x, sp.Symbol) and x != high and x not in bases and ("_" in x.name or "^" in x.name)):
        return None  # x_1 or x^{(1)} written outside the sums may be one of the summed quantities
    values = {ix: sp.Symbol(f"{ix.base.label}_{{k}}", real=True) for ix in labelled}
    plain = phi.xreplace(values)
    for ix in labelled:
        if compare(sp.diff(plain, values[ix]), sp.Integer(0), seconds=seconds / 2).status == "false":
            shown = phi.xreplace({k: letter})
            marked = {x: sp.Symbol(str(x.base.label).replace("(\\cdot)", "(" + printing.text(letter) + ")"))
                      for x in shown.atoms(sp.Indexed) if "(\\cdot)" in str(x.base.label)}
            shown, ix = shown.xreplace(marked), ix.xreplace({k: letter}).xreplace(marked)
            return (f"{where}, the sums do not agree term by term: left minus right is the sum "
                    f"over {printing.text(letter)} of {printing.text(sp.factor(shown))}, which depends on "
                    f"{printing.text(ix)}")
    return None


#: The index every sum is written with once canonical: sums that differ only in their index letter are one.
_CANONICAL = sp.Dummy("κ", integer=True)


def log_products(expr: sp.Expr) -> sp.Expr:
    """``log Π_i f_i`` as ``Σ_i log f_i``: the step every log-likelihood takes (its factors are probabilities, so
    positive). SymPy neither does it nor evaluates the product with a symbolic count within the time budget."""
    if not expr.has(sp.Product):
        return expr
    for _ in range(4):  # log Π_i Π_c μ_{ic}^{y_{ic}}: each product inside becomes a sum in turn
        done = expr.replace(lambda e: isinstance(e, sp.log) and isinstance(e.args[0], sp.Product),
                            lambda e: sp.Sum(sp.log(e.args[0].function), *e.args[0].limits))
        if done == expr:
            break
        expr = done
    return expr


def constants_out(expr: sp.Expr) -> sp.Expr:
    """Each sum with the factors that do not depend on its index taken out (``Σ_j e^{x_j}e^c = e^c Σ_j e^{x_j}``,
    ``Σ_j e^{x_j + c}`` too): the step a reader takes to see a ratio of sums cancel, which comparing the sums
    as wholes cannot."""
    if not expr.has(sp.Sum):
        return expr

    def out(total: sp.Sum) -> sp.Expr:
        if len(total.limits) != 1:
            return total
        index = total.limits[0][0]
        body = sp.expand_power_exp(total.function)
        factors = sp.Mul.make_args(sp.factor_terms(body))
        outside = [f for f in factors if index not in f.free_symbols]
        if not outside:
            return total
        inside = sp.Mul(*(f for f in factors if index in f.free_symbols))
        return sp.Mul(*outside) * sp.Sum(inside, *total.limits)

    return expr.replace(lambda e: isinstance(e, sp.Sum), out)


def _canonical(total: sp.Sum) -> sp.Sum:
    index, low, high = total.limits[0]
    return sp.Sum(total.function.xreplace({index: _CANONICAL}), (_CANONICAL, low, high))


def pulled_out(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each single sum split over its terms and the factors free of its index taken out:
    ``Σ_i 2(a x_i − y_i)x_i`` → ``2a Σ x_i² − 2 Σ x_iy_i`` (``a`` may be a ratio of other sums), each sum written
    with one canonical index. Linearity only; a sum SymPy cannot split stays as it is."""
    def split(total: sp.Sum) -> sp.Expr:
        if len(total.limits) != 1:
            return total
        index, low, high = total.limits[0]
        out = sp.Integer(0)
        for term in sp.Add.make_args(sp.expand(total.function)):
            free, bound = [], []
            for factor in sp.Mul.make_args(term):
                (bound if index in factor.free_symbols else free).append(factor)
            inner = sp.Mul(*bound)
            out += sp.Mul(*free) * (high - low + 1 if inner == 1 else _canonical(sp.Sum(inner, (index, low, high))))
        return out
    return expr.replace(lambda e: isinstance(e, sp.Sum), split)


def as_unknowns(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each (canonical) sum replaced by a real unknown: an identity in those unknowns holds for
    every range and every data, as the sums are values like any other."""
    found: dict[sp.Sum, sp.Symbol] = {}
    for total in outermost(expr):
        found.setdefault(total, sp.Dummy(f"S{len(found)}", real=True))
    return expr.xreplace(found)


def squares(expr: sp.Expr) -> str | None:
    """Is ``expr`` (free of the variable) a positive combination of sums of squares and of weights (``2Σx_i² +
    2λ``)? The weights named are taken as nonnegative, as a regularization weight is; None when not of that shape."""
    weights, summed = [], False
    counts = {total.limits[0][2] for total in expr.atoms(sp.Sum) if len(total.limits) == 1}  # n in Σ_{i=1}^n: > 0
    for term in sp.Add.make_args(sp.expand(expr)):
        coefficient, rest = term.as_coeff_Mul()
        rest = sp.Mul(*(f for f in sp.Mul.make_args(rest)
                        if not (f in counts or isinstance(f, sp.Pow) and f.base in counts and f.exp.is_integer)))
        if not coefficient.is_positive:
            return None
        if isinstance(rest, sp.Sum) and len(rest.limits) == 1 and isinstance(rest.function, sp.Pow) \
                and rest.function.exp.is_even:
            summed = True
            continue
        if isinstance(rest, sp.Symbol):
            weights.append(rest)
            continue
        return None
    names = " + ".join(printing.text(w) for w in weights)
    if not weights:
        return "a sum of squares"
    return f"a sum of squares plus {names} (taken ≥ 0)" if summed else f"{names} (taken > 0)"


def by_linearity(left: sp.Expr, right: sp.Expr, *, seconds: float = 2.0) -> str | None:
    """Why ``left = right`` holds when each sum is split by linearity (:func:`pulled_out`) and the sums that remain
    are taken as values of their own: ``(1/n)Σ(x_i − x̄)² = (1/n)Σx_i² − x̄²`` with ``x̄ = (1/n)Σx_i``, which
    SymPy's own summation does not settle in time. Only a proof: sums taken apart may be related (Σx_i and Σx_i²),
    so a difference that does not vanish this way says nothing."""
    if not (left.has(sp.Sum) or right.has(sp.Sum)):
        return None
    try:
        a, b = as_unknowns(pulled_out(left) - pulled_out(right)), sp.Integer(0)
    except (TypeError, ValueError):
        return None
    if a.has(sp.Sum, sp.Indexed) or compare(a, b, seconds=seconds / 2).status != "true":
        return None
    return "by linearity of the sums (each sum that remains taken as a value of its own)"


def by_shift(left: sp.Expr, right: sp.Expr, *, seconds: float = 2.0) -> str | None:
    """Why ``left = right`` holds once each sum's index is moved to start at 0, forwards or backwards:
    ``Σ_{k=m}^{n} a_{k+r} = Σ_{l=m+r}^{n+r} a_l``, ``Σ_{k=0}^∞ f_{k+2}x^{k+2} = Σ_{j=2}^∞ f_jx^j``,
    ``Σ_{k=m}^{n} a_{r−k} = Σ_{l=r−n}^{r−m} a_l``. Each move is exact (the same terms, renumbered), so only a proof;
    the sums that remain are then taken as values of their own, as :func:`by_linearity` takes them."""
    found = outermost(left) + outermost(right)
    if not found or len(found) > 4 or any(len(total.limits) != 1 for total in found):
        return None
    if not (left.has(sp.Sum) and right.has(sp.Sum)):
        return None

    def moved(total: sp.Sum, backwards: bool) -> sp.Sum | None:
        index, low, high = total.limits[0]
        if backwards and high.has(sp.oo):
            return None
        if any(index in inner.limits[0] for inner in total.function.atoms(sp.Sum)):
            return None  # (an inner sum over the same letter: renumbering would reach its bounds)
        try:
            if backwards:
                return sp.Sum(total.function.xreplace({index: high - _CANONICAL}), (_CANONICAL, 0, high - low))
            return sp.Sum(total.function.xreplace({index: _CANONICAL + low}), (_CANONICAL, 0, high - low))
        except (TypeError, ValueError):
            return None

    for choice in itertools.product((False, True), repeat=len(found)):
        if choice[0]:
            continue  # (one side's direction is free: reversing every sum gives the same comparison)
        swap = {}
        for total, backwards in zip(found, choice):
            shifted = moved(total, backwards)
            if shifted is None:
                break
            swap[total] = shifted
        else:
            try:
                difference = as_unknowns(pulled_out(left.xreplace(swap)) - pulled_out(right.xreplace(swap)))
            except (TypeError, ValueError):
                continue
            if difference.has(sp.Sum, sp.Indexed):
                continue
            if compare(difference, sp.Integer(0), seconds=seconds / 4).status == "true":
                how = "renumbered from 0" + (", one of them backwards" if any(choice) else "")
                return f"the sums agree once each index is {how} (the same terms, each taken as a value of its own)"
    return None


def bound_subscripts(expr: sp.Expr) -> sp.Expr:
    """``Σ_i (y_{i} − w x_{i})^2`` after a name defined outside the sum (``u = y_i − wx_i``) was put in: inside a sum
    over ``i`` the subscript ``i`` is the sum's, so ``y_{i}`` is the summed quantity ``y[i]``, as the sum writes it."""
    def bind(total: sp.Sum) -> sp.Expr:
        index = total.limits[0][0]
        tail = "_{" + str(index) + "}"
        swap = {x: sp.Indexed(sp.IndexedBase(x.name[:-len(tail)]), index) for x in total.function.free_symbols
                if isinstance(x, sp.Symbol) and x.name.endswith(tail) and len(x.name) > len(tail)}
        return sp.Sum(total.function.xreplace(swap), *total.limits) if swap else total
    if not expr.has(sp.Sum):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Sum) and len(e.limits) == 1, bind)


def defined_summands(expr: sp.Expr, defined: set[sp.Basic]) -> sp.Expr:
    """``Σ_i (ŷ[i] − y[i])x[i]`` where ``ŷ_i = wx_i`` is defined: the summed ``ŷ[i]`` written as the defined name
    ``ŷ_{i}``, so that its definition is put in (and :func:`bound_subscripts` makes it summed again)."""
    def name(total: sp.Sum) -> sp.Expr:
        index = total.limits[0][0]
        swap = {}
        for ix in total.function.atoms(sp.Indexed):
            if ix.indices == (index,):
                symbol = next((d for d in defined if isinstance(d, sp.Symbol)
                               and d.name == f"{ix.base.label}_{{{index}}}"), None)
                if symbol is not None:
                    swap[ix] = symbol
        return sp.Sum(total.function.xreplace(swap), *total.limits) if swap else total
    if not expr.has(sp.Sum) or not defined:
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Sum) and len(e.limits) == 1, name)
