r"""A derivative in one coordinate of a sum over all of them: ``\frac{\partial}{\partial w_j}\sum_{k=1}^{d} w_k^2
= 2w_j``, ``\frac{\partial}{\partial w_j}\frac1n\sum_i (y_i − \sum_k w_k x_{ik})^2``.

The parser reads the summed coordinates as an indexed quantity (``w[k]``) and the variable as the name ``w_{j}``,
so SymPy sees no ``w_{j}`` in the operand and the derivative comes out 0. Here the variable becomes the same
indexed quantity at the symbolic index (``w[j]``); SymPy then differentiates through the sum (a Kronecker delta),
which is summed out on the understanding that ``j`` is one of the summed indices (``1 ≤ j ≤ d``) — what a
coordinate of the vector means. The result is written back with the name ``w_{j}``, as the other side has it.
"""
from __future__ import annotations

import re

import sympy as sp

#: A name with a subscript: the base and what is under it (``w_{j}``, ``\theta_{i}``).
_NAME = re.compile(r"(?P<base>[^_{}]+)_\{(?P<index>[A-Za-z]|\d+)\}")
#: An entry of a matrix at letters (``a_{ii}``, ``a_{ij}``).
_ENTRY = re.compile(r"(?P<base>[^_{}]+)_\{(?P<index>[A-Za-z]{2})\}")


def derivatives(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each derivative in a coordinate of a summed indexed quantity evaluated; the rest as it was."""
    if not (expr.has(sp.Derivative) and expr.has(sp.Indexed)):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Derivative), _evaluate)


def indices(*sides: sp.Expr) -> set[sp.Basic]:
    """The letters under the variables of derivatives (``j`` in ``∂/∂w_j``): the other side of
    ``∂/∂w_j Σ_i (y_i − Σ_k w_k x_{ik})² = −2Σ_i (…) x_{ij}`` writes ``j`` as an index, which is not a new name."""
    found = [m for side in sides for d in side.atoms(sp.Derivative) for var, _ in d.variable_count
             if isinstance(var, sp.Symbol) and (m := _NAME.fullmatch(var.name))]
    letters = {m["index"] for m in found if not m["index"].isdigit()}
    # ∂/∂A_{ij}: both letters name the entry's coordinates (B_{ji} on the other side is a summed B's entry)
    letters.update(c for side in sides for d in side.atoms(sp.Derivative) for var, _ in d.variable_count
                   if isinstance(var, sp.Symbol) and (m := _ENTRY.fullmatch(var.name)) for c in m["index"])
    if not letters:
        return set()
    named = {s for side in sides for s in side.free_symbols if isinstance(s, sp.Symbol) and s.name in letters}
    # θ_k summed under ∂/∂θ_j: the coordinates of the variable's own vector
    differentiated = {m["base"] for m in found}
    named |= {ix for side in sides for ix in side.atoms(sp.Indexed) if str(ix.base.label) in differentiated}
    # x_{ij} against the x_{ik} summed on the other side: the same quantity at the coordinate j
    bases = [{ix.base for ix in side.atoms(sp.Indexed)} for side in sides]
    both = set.intersection(*bases) if bases else set()
    named |= {ix for side in sides for ix in side.atoms(sp.Indexed) if ix.base in both
              and any(getattr(i, "name", None) in letters for i in ix.indices)}
    # Σ_j a_jx_j on the left, a_i on the right: a_j is summed over (bound), a_i the summed quantity at i
    summed = {lim[0] for side in sides for total in side.atoms(sp.Sum) for lim in total.limits}
    labels = {str(ix.base.label) for side in sides for ix in side.atoms(sp.Indexed)}
    named |= {ix for side in sides for ix in side.atoms(sp.Indexed) if set(ix.indices) & summed}
    named |= {x for side in sides for x in side.free_symbols if isinstance(x, sp.Symbol)
              and (m := _NAME.fullmatch(x.name)) and m["index"] in letters and m["base"] in labels}
    # a_{ii} against the a_{ij} summed: the summed matrix's entry on the diagonal of the coordinate
    named |= {x for side in sides for x in side.free_symbols if isinstance(x, sp.Symbol)
              and (m := _ENTRY.fullmatch(x.name)) and set(m["index"]) <= letters and m["base"] in labels}
    return named


def _evaluate(derivative: sp.Derivative) -> sp.Expr:
    operand = derivative.expr
    bases = {str(ix.base.label): ix.base for ix in operand.atoms(sp.Indexed)}
    names = {s.name: s for s in operand.free_symbols if isinstance(s, sp.Symbol)}
    forward: dict[sp.Symbol, sp.Indexed] = {}
    for var, _ in derivative.variable_count:
        entry = _ENTRY.fullmatch(var.name) if isinstance(var, sp.Symbol) else None
        if entry is not None and entry["base"] in bases and _rank(operand, bases[entry["base"]]) == 2:
            # ∂/∂A_{ij} Σ_{k,l} A_{kl}B_{lk}: the entry of the summed matrix at the letters i, j
            forward[var] = bases[entry["base"]][tuple(names.get(c, sp.Symbol(c, **var.assumptions0))
                                                      for c in entry["index"])]
            continue
        found = _NAME.fullmatch(var.name) if isinstance(var, sp.Symbol) else None
        if found is None or found["base"] not in bases:
            continue
        text = found["index"]
        index = sp.Integer(int(text)) if text.isdigit() else names.get(text, sp.Symbol(text, **var.assumptions0))
        forward[var] = bases[found["base"]][index]
    if not forward:
        return derivative
    variables = [(forward.get(var, var), count) for var, count in derivative.variable_count]
    # e^{u_j} beside Σ_k e^{u_k} under ∂/∂u_i: u_j is the same quantity at another letter, which may be i (a
    # Kronecker delta, not 0); read as an unrelated name it would prove ∂q_j/∂u_i = −q_jq_i for i = j too
    differentiated = {str(ix.base.label) for ix in forward.values()}
    for name, symbol in names.items():
        other = _NAME.fullmatch(name)
        if other is not None and other["base"] in differentiated and other["index"].isalpha() and symbol not in forward:
            letter = names.get(other["index"], sp.Symbol(other["index"], **symbol.assumptions0))
            forward[symbol] = bases[other["base"]][letter]
    try:
        result = sp.diff(operand.xreplace(forward), *variables)
    except Exception:  # noqa: BLE001 - SymPy raises many kinds here; the derivative stays as written
        return derivative
    for _ in range(4):  # ∂/∂A_{ij} of a double sum: one delta per index, each summed out in turn
        before, result = result, result.replace(lambda e: isinstance(e, sp.Sum) and e.has(sp.KroneckerDelta), _sum_out)
        if result == before:
            break
    if result.has(sp.KroneckerDelta):
        return derivative
    result = result.xreplace({v: k for k, v in forward.items()})
    # a_j left by Σ_k a_k δ_{jk}: the quantity at the coordinate, named as the notes write it (a_{j})
    free = {ix.indices[0]: var for var, ix in forward.items() if len(ix.indices) == 1 and isinstance(ix.indices[0], sp.Symbol)}
    free.update({i: var for var, ix in forward.items() if len(ix.indices) == 2 for i in ix.indices
                 if isinstance(i, sp.Symbol)})
    named = {ix: sp.Symbol(f"{ix.base.label}_{{{ix.indices[0]}}}", **free[ix.indices[0]].assumptions0)
             for ix in result.atoms(sp.Indexed) if len(ix.indices) == 1 and ix.indices[0] in free}
    # a_{ii} left by Σ_j a_{ij} δ_{ij}: the entry at the coordinate, named as the notes write a matrix's entries
    named.update({ix: sp.Symbol(f"{ix.base.label}_{{{''.join(str(i) for i in ix.indices)}}}", real=True)
                  for ix in result.atoms(sp.Indexed) if len(ix.indices) == 2 and all(i in free for i in ix.indices)})
    return result.xreplace(named)


def _rank(expr: sp.Expr, base: sp.IndexedBase) -> int | None:
    """How many indices ``base`` takes in ``expr`` (None when it is written with different counts)."""
    ranks = {len(ix.indices) for ix in expr.atoms(sp.Indexed) if ix.base == base}
    return ranks.pop() if len(ranks) == 1 else None


def _sum_out(total: sp.Sum) -> sp.Expr:
    """``Σ_k δ_{jk} a_k = a_j``: the coordinate ``j`` is one of the summed ones, which is what writing ``w_j``
    for a coordinate of ``w`` says (SymPy's own answer is a ``Piecewise`` on ``1 ≤ j ≤ d``, and slow). Terms
    without the delta keep their sum; in a sum over several indices (``Σ_{j,k}``) a delta sums out its own
    index and the others stay."""
    limits = list(total.limits)
    kept, out = [], []
    for term in sp.Add.make_args(sp.expand_mul(total.function) if total.function.has(sp.Add) else total.function):
        done = None
        for at, (index, _, _) in enumerate(limits):
            deltas = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.KroneckerDelta) and index in f.free_symbols]
            if len(deltas) != 1:
                continue
            other = [a for a in deltas[0].args if a != index]
            if len(other) != 1 or index in other[0].free_symbols:
                continue
            value = (term / deltas[0]).xreplace({index: other[0]})
            rest = [lim for n, lim in enumerate(limits) if n != at]
            done = sp.Sum(value, *rest) if rest else value
            break
        if done is None:
            kept.append(term)
        else:
            out.append(done)
    return sp.Add(*out) + (sp.Sum(sp.Add(*kept), *limits) if kept else sp.Integer(0))
