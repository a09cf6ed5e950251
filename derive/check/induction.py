r"""Closed forms of recurrences, proved by induction or refuted at a small step.

Notes state ``m_t = (1-\beta)\sum_{i=1}^{t} \beta^{t-i} g_i`` for the recurrence
``m_t = \beta m_{t-1} + (1-\beta) g_t`` with ``m_0 = 0``. Such a claim is decided the way a student
would: the first steps are computed from the recurrence and compared with the closed form (a wrong
closed form fails at a small t, which is the counterexample), and the induction step — the closed form
at t equals the recurrence applied to the closed form at t − 1 — is checked symbolically, after the
last term of each sum up to t is peeled off and sums over the same range are combined.

Inside a sum the parser writes ``g_i`` as ``g[i]``; outside, ``g_t`` is one symbol. The two are
converted into each other here, so that ``g_1`` written in a note and ``g[1]`` from a sum are the same.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from .. import symbols as S
from ..budget import time_budget
from ..errors import BudgetExceeded
from ..proof import compare
from .recurrence import Indexed, Recurrences, read

#: Steps checked directly before the induction step: a wrong closed form fails at one of them.
SMALL_STEPS = (1, 2, 3, 4)


@dataclass(frozen=True)
class Induction:
    """The verdict on a closed form: proved by base case and step, refuted at ``step``, or undecided."""

    status: str  # "true", "false" or "undecided"
    reason: str
    step: int | None = None  # the step that refutes it


def applies(target: sp.Expr, closed: sp.Expr, recurrences: Recurrences) -> bool:
    """Is ``target = closed`` a closed form of a recurrence in scope (X_t on one side, a sum over steps or
    a power of the step on the other, and no X left there)?"""
    ix = read(target) if isinstance(target, sp.Symbol) else None
    if ix is None or ix.base not in recurrences.by_base or ix.letter != recurrences.by_base[ix.base].lhs.letter:
        return False
    if any((r := read(s)) is not None and r.base == ix.base and r.letter is not None for s in closed.free_symbols):
        return False
    return closed.has(sp.Sum) or S.symbol(ix.letter) in closed.free_symbols


def decide(target: sp.Symbol, closed: sp.Expr, recurrences: Recurrences, seconds: float) -> Induction:
    ix = read(target)
    assert ix is not None and ix.letter is not None
    hidden = _call_of_summed(closed)
    if hidden is not None:
        return Induction("undecided", f"a function of a summed quantity ({S.text_name(hidden)}) is not modelled "
                                      "inside a sum")
    rec = recurrences.by_base[ix.base]
    letter = S.symbol(ix.letter)
    bases = {r.base for r in map(read, (closed.free_symbols | rec.rhs.free_symbols)) if r is not None}
    bases |= {str(b.label) for b in closed.atoms(sp.IndexedBase)}
    try:
        with time_budget(seconds):
            for step in SMALL_STEPS:
                verdict = _at_step(ix, closed, recurrences, letter, step)
                if verdict == "false":
                    return Induction("false", f"fails at {ix.letter} = {step} (computed from the recurrence)", step)
                if verdict != "true":
                    return Induction("undecided", f"could not evaluate it at {ix.letter} = {step}")
            if _step_holds(ix, closed, rec, letter, bases):
                return Induction("true", f"by induction on {ix.letter}: it holds at the first steps, and the "
                                         "recurrence carries it from one step to the next")
            return Induction("undecided", f"holds at {ix.letter} = {', '.join(map(str, SMALL_STEPS))}; the induction "
                                          "step could not be shown symbolically")
    except BudgetExceeded:
        return Induction("undecided", "not decided in time")


def instance(target: sp.Symbol, closed: sp.Expr, recurrences: Recurrences) -> str | None:
    """``u_n = 5 + 4n`` after ``u_n = u_{n−1} + d`` with neither d nor u_0 given: a closed form that writes no
    name but its step, of a recurrence whose parameters are open, is an example with numbers put in for them.
    The parameters (and the start) that make its first steps hold, as text, or None when none do (then it is
    false: ``u_n = u_0 + (n + 1)d`` writes the parameters, and no choice of them excuses it)."""
    ix = read(target)
    if ix is None or ix.letter is None or closed.free_symbols - {S.symbol(ix.letter)}:
        return None
    try:
        pairs = [at_step(read_target(ix), closed, recurrences, step) for step in SMALL_STEPS]
        equations = [sp.expand(left - right) for left, right in pairs]
        unknowns = sorted(set().union(*(e.free_symbols for e in equations)), key=str)
        if not unknowns or len(unknowns) >= len(equations):
            return None
        solutions = sp.solve(equations, unknowns, dict=True)
    except (TypeError, ValueError, NotImplementedError, ArithmeticError):
        return None
    if len(solutions) != 1 or set(solutions[0]) != set(unknowns) \
            or any(v.free_symbols for v in solutions[0].values()):
        return None
    return ", ".join(f"{S.text_name(x)} = {v}" for x, v in solutions[0].items())


def _call_of_summed(closed: sp.Expr) -> sp.Symbol | None:
    """A call read as one opaque name whose argument holds a sum's index (``∇f(x_{k−1−i})`` under ``Σ_i``), or None.

    Such a name hides the index from the sum, which would then add up copies of one constant: at a concrete
    step the closed form would be computed wrong, and a true closed form called false."""
    bound = {limit[0].name for s in closed.atoms(sp.Sum) for limit in s.limits}
    for s in closed.atoms(sp.Sum):
        for x in s.function.free_symbols:
            if isinstance(x, sp.Symbol) and "(" in x.name and any(
                    re.search(r"(?<![A-Za-z\\])" + re.escape(b) + r"(?![A-Za-z])", x.name.split("(", 1)[1]) for b in bound):
                return x
    return None


def _at_step(ix: Indexed, closed: sp.Expr, recurrences: Recurrences, letter: sp.Symbol, step: int) -> str:
    """Compare X at a concrete step (unrolled to its initial value) with the closed form there."""
    left, right = at_step(read_target(ix), closed, recurrences, step)
    return compare(left, right, seconds=2.0).status  # without an initial value X_0 stays a symbol


def read_target(ix: Indexed) -> sp.Symbol:
    return ix.at(ix.letter, ix.offset)


def at_step(target: sp.Symbol, closed: sp.Expr, recurrences: Recurrences, step: int) -> tuple[sp.Expr, sp.Expr]:
    """Both sides at a concrete step, for a message: what the recurrence gives and what the closed form says."""
    ix = read(target)
    assert ix is not None and ix.letter is not None
    value = ix.at(None, ix.offset + step)
    # x^{(k+1)} = x^⋆ + (1 − α)^{k+1}(…) at k = 1 is x^{(2)}: the target is shifted by its offset, the closed form not
    right = _numbered(_plain_indices(closed).xreplace({S.symbol(ix.letter): sp.Integer(step)}).doit())
    # both sides through the same definitions: g_1 written in the closed form is what the system says it is
    left, right = recurrences.unroll(value, right, {(ix.base, None): 0})
    return _numbered(left), _numbered(right)


def _plain_indices(expr: sp.Expr) -> sp.Expr:
    """Each sum's index as a plain integer: τ read from a note is positive, and SymPy refuses to run a
    positive index over Σ_{τ=0}^{0} (an inconsistency, not a value) when a step makes the range concrete."""
    def plain(s: sp.Sum | sp.Product) -> sp.Expr:
        return s.xreplace({limit[0]: sp.Dummy(limit[0].name, integer=True) for limit in s.limits})
    return expr.replace(lambda e: isinstance(e, (sp.Sum, sp.Product)), plain) if expr.has(sp.Sum, sp.Product) else expr


def _numbered(expr: sp.Expr) -> sp.Expr:
    """``g[1]`` (from a sum with concrete bounds) → the symbol ``g_{1}`` a note writes."""
    mapping = {}
    for item in expr.atoms(sp.Indexed):
        if all(i.is_Integer for i in item.indices):  # g[2, 1] → g_{2,1}, as the parser names g_{2, 1}
            label = str(item.base.label)
            if label.endswith(_ITERATE) and len(item.indices) == 1:  # x^{(·)}[2] → x^{(2)}, an iterate
                mapping[item] = S.symbol(f"{label[:-len(_ITERATE)]}^{{({int(item.indices[0])})}}")
                continue
            mapping[item] = S.symbol(f"{label}_{{{','.join(str(int(i)) for i in item.indices)}}}")
    return expr.xreplace(mapping) if mapping else expr


def left_out(target: sp.Symbol, closed: sp.Expr, recurrences: Recurrences) -> list[sp.Symbol]:
    """The quantities the rule of ``target`` reads at each step (gradients, a momentum, a rate η_t) that
    ``closed`` does not hold at all.

    Why: ``w_T = Π_{t<T}(1 − η_tλ)w_0`` for ``w_t = (1 − η_tλ)w_{t−1} − η_t∇L(w_{t−1})`` is the rule without its
    gradients: a special case the prose states in words ("with the loss gradients left out"), not a closed
    form of the rule; it fails at the first step, but it is no slip."""
    ix = read(target)
    rec = recurrences.by_base.get(ix.base) if ix is not None else None
    if rec is None:
        return []
    held = {r.stem for r in map(read, closed.free_symbols) if r is not None}
    held |= {str(b.label).removesuffix(_ITERATE) for b in closed.atoms(sp.IndexedBase)}
    held |= {x.name for x in closed.free_symbols if isinstance(x, sp.Symbol)}
    missing = []
    for x in sorted(rec.rhs.free_symbols, key=lambda x: x.name):
        r = read(x) if isinstance(x, sp.Symbol) else None
        if r is not None and r.letter is not None and r.stem != ix.stem and r.stem not in held:
            missing.append(x)
        elif r is None and isinstance(x, sp.Symbol) and "(" in x.name and x.name not in held \
                and not any(read(s) is not None and read(s).letter is not None for s in closed.free_symbols
                            if isinstance(s, sp.Symbol) and "(" in s.name):
            missing.append(x)  # ∇L(w_{t−1}), read as one name: no call at all in the closed form
    return missing


def foreign(target: sp.Symbol, closed: sp.Expr, recurrences: Recurrences) -> list[sp.Symbol]:
    """The constants ``closed`` reads that the rule of ``target`` does not (nor the rows it reads, nor a start
    value): ``α`` and ``β`` of ``v_n = αΣβ^{n−t}δ_t`` when the rule in force is ``v_t = β_2v_{t−1} + (1 − β_2)δ_t²``.

    Why: such a closed form is about another rule, the one the prose just stated in other words (``v_new = βv_old +
    αδ_new``); compared with the rule in force it fails, but it is no slip in that rule."""
    ix = read(target)
    own = recurrences.by_base.get(ix.base) if ix is not None else None
    if own is None:
        return []
    known = set(own.rhs.free_symbols)
    for x in own.rhs.free_symbols:  # g_t = ∇L(w_{t−1}) + λw_{t−1}: what the rule reads, read through its rows
        if isinstance(x, sp.Symbol) and (r := read(x)) is not None and (row := recurrences.plain.get(r.base)):
            known |= row.rhs.free_symbols
    known |= {x for v in recurrences.initial.values() for x in v.free_symbols}
    known |= {b.label for b in closed.atoms(sp.IndexedBase)}  # g of g[t] under the sum: a stepped quantity
    # x_0 of x_k = x_0 − αΣg_j (the rule's start), g of "constant gradients g_i = g": the rule's own quantities
    stems = {r.stem for x in known if isinstance(x, sp.Symbol) and (r := read(x)) is not None and r.letter is not None}
    return sorted((x for x in closed.free_symbols if isinstance(x, sp.Symbol) and x not in known
                   and x.name != ix.letter and x.name not in stems
                   and ((r := read(x)) is None or (r.letter is None and r.stem not in stems))), key=lambda x: x.name)


def constant_powers(closed: sp.Expr, recurrences: Recurrences) -> sp.Expr:
    """``closed`` with ``β^{(T−t)}`` read as a power wherever β is a constant factor of a recurrence in scope.

    Why: under a sum the parser reads a parenthesised superscript as an iterate (``x^{(i)}``, the i-th sample);
    but β of ``m_t = βm_{t−1} + (1 − β)g_t`` has no steps, so ``β^{(T−t)}`` in its closed form is β to that power
    (left an iterate, the closed form would hold a name where the recurrence has a number)."""
    constants = {x.name for rec in recurrences.by_base.values() for x in rec.rhs.free_symbols
                 if isinstance(x, sp.Symbol) and ((ix := read(x)) is None or (
                     ix.letter is None and ix.base not in recurrences.by_base and ix.base not in recurrences.plain))}
    if not constants:
        return closed
    mapping = {}
    for item in closed.atoms(sp.Indexed):
        label = str(item.base.label)
        if label.endswith(_ITERATE) and len(item.indices) == 1 and label[:-len(_ITERATE)] in constants:
            mapping[item] = S.symbol(label[:-len(_ITERATE)]) ** item.indices[0]
    return closed.xreplace(mapping) if mapping else closed


#: The label of an iterate written ``x^{(k)}`` when a sum runs over its step (see ``latex.iterate_value``).
_ITERATE = "^{(\\cdot)}"


def _indexed(expr: sp.Expr, bases: set[str], letter: sp.Symbol) -> sp.Expr:
    """The symbols ``g_{t}``, ``g_{t-1}`` → ``g[t]``, ``g[t-1]`` (what a sum's body holds)."""
    mapping = {}
    for sym in expr.free_symbols:
        r = read(sym)
        if r is not None and r.style == "sup" and not r.more and r.stem + _ITERATE in bases and r.letter == letter.name:
            mapping[sym] = sp.IndexedBase(r.stem + _ITERATE)[letter + r.offset]  # x^{(k-1)} → x^{(·)}[k − 1]
        elif r is not None and r.stem in bases and r.letter == letter.name:
            mapping[sym] = sp.IndexedBase(r.stem)[tuple(letter + r.offset + d for d in (0, *r.more))]
    return expr.xreplace(mapping) if mapping else expr


def _absolute(expr: sp.Expr) -> sp.Expr:
    """Each sum over the steps back (Σ_{τ=0}^{t−1} β^τ g[t−τ]) counted by the step it reads instead
    (Σ_{j=1}^{t} β^{t−j} g[j]), so that F(t) and F(t − 1) run over ranges that differ only at an end."""
    def change(s: sp.Sum) -> sp.Expr:
        if len(s.limits) != 1:
            return s
        i, a, b = s.limits[0]
        firsts = {x.indices[0] for x in s.function.atoms(sp.Indexed)}
        if len(firsts) != 1:
            return s
        first = sp.expand(firsts.pop())
        c = first.coeff(i)
        rest = sp.expand(first - c * i)
        if c not in (1, -1) or i in rest.free_symbols:
            return s
        j = sp.Dummy("j", integer=True)
        low, high = (a + rest, b + rest) if c == 1 else (rest - b, rest - a)  # j = c·i + rest
        return sp.Sum(s.function.xreplace({i: c * (j - rest)}), (j, low, high))
    return expr.replace(lambda e: isinstance(e, sp.Sum), change) if expr.has(sp.Sum) else expr


def _peel(expr: sp.Expr, letter: sp.Symbol) -> sp.Expr:
    """Σ_{i=a}^{t} f(i) → Σ_{i=a}^{t−1} f(i) + f(t), for every sum whose upper bound is the step; or, when
    the sums run to t − 1 and t − 2 (x_t = x_0 − αΣ_{j=0}^{t−1} g_j against its value one step back), to the
    highest such bound, so that both ranges end at the same step."""
    bounds = {s.limits[0][2] for s in expr.atoms(sp.Sum) if len(s.limits) == 1}
    top = letter
    if letter not in bounds:
        shifts = {b - letter for b in bounds if (b - letter).is_Integer}
        if shifts and max(shifts) - 1 in shifts:
            top = letter + max(shifts)

    def split(s: sp.Sum) -> sp.Expr:
        if len(s.limits) != 1:
            return s
        i, a, b = s.limits[0]
        if b != top:
            return s
        return sp.Sum(s.function, (i, a, b - 1)) + s.function.xreplace({i: b})
    return expr.replace(lambda e: isinstance(e, sp.Sum), split)


def _combined(expr: sp.Expr) -> sp.Expr:
    """Sums over the same range with coefficients free of the summation index, as one sum."""
    expr = sp.expand(expr)
    groups: dict[tuple, list[sp.Expr]] = {}
    rest = []
    for term in sp.Add.make_args(expr):
        sums = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Sum)]
        if len(sums) != 1 or len(sums[0].limits) != 1:
            rest.append(term)
            continue
        s = sums[0]
        coefficient = term / s
        i, a, b = s.limits[0]
        key = (a, b)
        groups.setdefault(key, []).append((coefficient, s.function, i))
    out = sp.Add(*rest)
    for (a, b), parts in groups.items():
        i = parts[0][2]
        summand = sum(c * f.xreplace({j: i}) for c, f, j in parts)
        out += sp.Sum(sp.simplify(sp.powsimp(sp.expand(summand), force=True)), (i, a, b))
    return out


def _step_powers(expr: sp.Expr, letter: sp.Symbol) -> sp.Expr:
    """``b^{t−1}`` → ``P·b^{−1}`` and ``b^{t}`` → ``P`` with one new name ``P`` for ``b^t`` per base ``b``.

    SymPy keeps ``(1 − ηλ)^t`` and ``(1 − ηλ)^{t−1}`` apart (a product ``b·b^{t−1}`` is folded back into
    one power), so the induction step of ``x_t = (1 − ηλ)^t x_0`` never cancels; with the powers of the
    step written through one name it is a rational identity. Sound for any base: ``b^{t+k} = b^t b^k`` for an
    integer ``k``."""
    names: dict[sp.Expr, sp.Dummy] = {}

    def split(p: sp.Pow) -> sp.Expr:
        k = sp.expand(p.exp - letter)
        if not k.is_Integer or letter in p.base.free_symbols:
            return p
        name = names.setdefault(p.base, sp.Dummy("P"))
        return name * sp.Pow(p.base, k)
    if not any(isinstance(p, sp.Pow) and letter in p.exp.free_symbols for p in expr.atoms(sp.Pow)):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Pow) and letter in e.exp.free_symbols, split)


def _step_holds(ix: Indexed, closed: sp.Expr, rec, letter: sp.Symbol, bases: set[str]) -> bool:
    """F(t) − R(F(t − 1), t) = 0 symbolically, R being the recurrence."""
    previous = rec.lhs.at(rec.lhs.letter, rec.lhs.offset - 1)
    here = letter + ix.offset
    shifted = closed.xreplace({letter: letter - 1})  # the target one step back: the closed form at k − 1
    step = rec.at(ix).xreplace({ix.at(ix.letter, ix.offset - 1): shifted}) if previous is not None else None
    if step is None:
        return False
    difference = _absolute(_indexed(closed - step, bases, letter))
    difference = _peel(difference, here if ix.offset == 0 else letter)
    difference = _combined(difference)
    difference = sp.simplify(_step_powers(difference, letter))
    if difference == 0:
        return True
    remaining = [s for s in difference.atoms(sp.Sum)]
    return all(sp.simplify(s.function) == 0 for s in remaining) and sp.simplify(
        difference.xreplace({s: 0 for s in remaining})) == 0
