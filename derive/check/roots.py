r"""Substituting definitions under a root without SymPy's costly sign questions.

Substituting ``\hat v_t = v_t/(1-\beta_2^t)`` and ``v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2`` into
``\sqrt{\hat v_t}`` rebuilds ``\sqrt{N/D}``, and SymPy's ``Pow`` asks of the product whether it is
imaginary and of each factor whether it is nonnegative, to split ``\sqrt{ab}`` into
``\sqrt a\,\sqrt b`` where it may. For sums such as ``1 - \beta_2^t`` those questions have no answer
(``\beta_2 > 1`` is allowed as far as SymPy knows), and proving "unknown" costs SymPy tens of
milliseconds per sum: the single largest cost of checking an Adam lecture.

:func:`replace` is ``expr.xreplace(mapping)`` except at a fractional power of a product: there the
factors that hold a sum with symbols are set aside as one factor of unknown sign (which is what
SymPy concludes of them in nearly every note), SymPy splits the root over the others by its own
rule, and the set-aside factors are put back under the root they would have landed in. A power of a
sum with symbols is built unevaluated, which is what SymPy builds too after asking of a two-term sum
whether a term is infinite (that answer changes the result only for a literal ``a + b i``). The value
is always the same; the shape differs from SymPy's only when SymPy could have proved such a sum
nonnegative, and then ``\sqrt{(1+\lambda)(1-\beta^t)}`` stays one root instead of two.
"""
from __future__ import annotations

from collections.abc import Mapping

import sympy as sp

from ..lazy_sympy import skip_futile_infinity_question


def replace(expr: sp.Basic, mapping: Mapping[sp.Basic, sp.Basic]) -> sp.Basic:
    """``expr`` with ``mapping`` applied, as ``xreplace`` does, roots of products built cheaply."""
    if not mapping:
        return expr
    skip_futile_infinity_question()  # rebuilding a product rebuilds its powers of sums: see that function
    memo: dict[sp.Basic, sp.Basic] = {}

    def walk(node: sp.Basic) -> sp.Basic:
        hit = mapping.get(node)
        if hit is not None:
            return hit
        if not node.args:
            return node
        done = memo.get(node)
        if done is not None:
            return done
        if isinstance(node, sp.Derivative) and any(v in mapping for v in node.variables):
            return node  # dz/dx with x = t² put in: a derivative in an expression is no derivative (kept whole)
        args = [walk(a) for a in node.args]
        if all(new is old for new, old in zip(args, node.args)):
            out = node
        elif isinstance(node, sp.Pow):
            out = power(args[0], args[1])
        else:
            out = node.func(*args)
        memo[node] = out
        return out

    return walk(expr)


def power(base: sp.Expr, exp: sp.Expr) -> sp.Expr:
    """``base**exp`` as SymPy builds it, without asking the sign of sums with symbols under a root."""
    skip_futile_infinity_question()
    if base.is_Add and exp.is_Rational and exp not in (0, 1) and base.free_symbols and not base.has(sp.I):
        # SymPy returns the power unevaluated here whatever it learns, after asking of a sum of two terms
        # whether one of them is infinite (it only acts on a literal a + b·i)
        return sp.Pow(base, exp, evaluate=False)
    if not (base.is_Mul and exp.is_Rational and not exp.is_Integer):
        return sp.Pow(base, exp)
    costly = [f for f in base.args if f.has(sp.Add) and f.free_symbols]
    if not costly:
        return sp.Pow(base, exp)
    unknown = sp.Dummy("unknown")  # no assumptions: the sign SymPy finds for such a sum, found at no cost
    cheap = sp.Mul(*(f for f in base.args if not (f.has(sp.Add) and f.free_symbols)))
    split = sp.Pow(cheap * unknown, exp)
    hidden = sp.Mul(*costly)
    factors = []
    for factor in sp.Mul.make_args(split):
        if factor.is_Pow and unknown in factor.base.free_symbols:
            inner = sp.Mul(*(hidden if f == unknown else f for f in sp.Mul.make_args(factor.base)))
            factor = sp.Pow(inner, factor.exp, evaluate=False)
        factors.append(factor)
    return sp.Mul(*factors)
