r"""Identities with a sum up to a symbolic bound, proved by induction on that bound.

Convergence proofs telescope: ``\sum_{i=0}^{k} (1/η_{i+1} − 1/η_i) = 1/η_{k+1} − 1/η_0``,
``\sum_{t=1}^{T} (f(x_t) − f(x_{t+1})) = f(x_1) − f(x_{T+1})``. The summands are quantities at steps (``η[i+1]``
inside the sum, ``η_{k+1}`` outside), which SymPy cannot sum. Such a link holds for every bound when

- it holds at the first bound, where each sum has one term (written out by :mod:`.finite_sums`), and
- raising the bound by one changes both sides alike: a sum ``Σ_{i=lo}^{k+c}`` gains its term at ``i = k+c+1``,
  and each name at a step of ``k`` (``η_{k+1}``) moves one step on (``η_{k+2}``).

Both are checked symbolically (and at random points) by :func:`derive.proof.compare`, so the verdict is a proof by
induction; anything else returns None (this never refutes: the notes may mean the identity from some later bound).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from .. import symbols as S
from . import finite_sums
from .recurrence import _index_text, read as read_index

__all__ = ["SUP_LABEL", "bounded", "prove"]


def _bound_letter(expr: sp.Expr) -> sp.Symbol | None:
    """The one letter every sum's upper bound is written in (``k`` of ``Σ_{i=0}^{k}`` and ``Σ_{j=1}^{k+1}``), each
    bound that letter plus a whole number; None for anything else."""
    letters: set[sp.Symbol] = set()
    for total in expr.atoms(sp.Sum):
        if len(total.limits) != 1:
            return None
        _, low, high = total.limits[0]
        if not isinstance(low, sp.Integer) or len(high.free_symbols) != 1:
            return None
        letter = next(iter(high.free_symbols))
        if not isinstance(letter, sp.Symbol) or not (high - letter).is_Integer or letter.name.startswith("\\#"):
            return None  # (a sum over an unwritten index set has a count, not a bound to induct on)
        letters.add(letter)
    return letters.pop() if len(letters) == 1 else None


#: An unknown function applied at a step, read as one name (``f(x_{t+1})``): the call and its argument.
_CALL = re.compile(r"^(?P<fn>[^()]+)\((?P<arg>(?:[^()]|\([^()]*\))+)\)$")  # (x^{(k)}: one bracket inside)


@dataclass(frozen=True)
class _Step:
    """A name at a step: ``η_{k+1}`` (``template`` "\\eta_{{}}"), or an unknown function's value there
    (``f(x_{t+1})``, ``template`` "f(x_{{}})"); ``key`` names the quantity whatever its step."""

    template: str
    letter: str | None
    offset: int

    @property
    def key(self) -> str:
        return self.template.replace("{}", "·")

    def at(self, letter: str | None, offset: int) -> sp.Symbol:
        return S.symbol(self.template.format(_index_text(letter, offset)))


def _step(x: sp.Basic) -> _Step | None:
    if not isinstance(x, sp.Symbol):
        return None
    call = _CALL.match(x.name)
    if call is not None:
        inner = _step(sp.Symbol(call.group("arg").strip()))
        if inner is None:
            return None
        fn = call.group("fn").replace("{", "{{").replace("}", "}}")  # P_{\theta}(…): braces of a template
        return _Step(f"{fn}({inner.template})", inner.letter, inner.offset)
    ix = read_index(x)
    if ix is None or ix.more or ix.style not in ("sub", "sup"):
        return None
    if ix.style == "sub" and ix.stem.endswith(SUP_LABEL):  # f(x^{(·)}_{i−1}): a call at x^{(i−1)}, atomized
        return _Step(_template(ix.stem[:-len(SUP_LABEL)], "sup"), ix.letter, ix.offset)
    return _Step(_template(ix.stem, ix.style), ix.letter, ix.offset)


#: How the parser labels a quantity with parenthesized superscript steps (``x^{(i)}``) inside a sum: ``x^{(·)}[i]``.
SUP_LABEL = "^{(\\cdot)}"


def _template(stem: str, style: str) -> str:
    """The spelling of ``stem`` at a step, ``{}`` standing for the step: ``η_{k+1}``, ``x^{(k+1)}``."""
    escaped = stem.replace("{", "{{").replace("}", "}}")
    return escaped + ("_{{{}}}" if style == "sub" else "^{{({})}}")


def _moved(expr: sp.Expr, letter: sp.Symbol, by: int) -> sp.Expr:
    """``expr`` with every name at a step of ``letter`` moved ``by`` steps (``η_{k+1}`` → ``η_{k+2}``), and the letter
    itself where it stands alone (a bound, a coefficient)."""
    swap: dict[sp.Basic, sp.Basic] = {}
    for x in expr.atoms(sp.Symbol):
        st = _step(x) if x != letter else None
        if st is not None and st.letter == letter.name:
            swap[x] = st.at(letter.name, st.offset + by)
    moved = expr.xreplace(swap)
    return moved.xreplace({letter: letter + by}) if by else moved


def _at(expr: sp.Expr, letter: sp.Symbol, value: int) -> sp.Expr:
    """``expr`` at ``letter = value``: names at its steps become names at numbers (``η_{k+1}`` → ``η_{1}``)."""
    swap: dict[sp.Basic, sp.Basic] = {}
    for x in expr.atoms(sp.Symbol):
        st = _step(x) if x != letter else None
        if st is not None and st.letter == letter.name:
            swap[x] = st.at(None, value + st.offset)
    return expr.xreplace(swap).xreplace({letter: sp.Integer(value)})


def _named(expr: sp.Expr, templates: dict[str, _Step]) -> sp.Expr | None:
    """``expr`` with each summand quantity at a definite step (``η[k + 2]``, ``f(x_·)[3]``) named as the notes
    write it (``η_{k+2}``, ``f(x_{3})``); None when one is left at a step that is not a letter plus a number."""
    swap: dict[sp.Basic, sp.Basic] = {}
    for entry in expr.atoms(sp.Indexed):
        step = templates.get(str(entry.base.label))
        index = entry.indices[0]
        letter = next(iter(index.free_symbols), None) if len(entry.indices) == 1 else None
        offset = index - letter if letter is not None else index
        if step is None or not offset.is_Integer or len(index.free_symbols) > 1:
            return None
        swap[entry] = step.at(letter.name if letter is not None else None, int(offset))
    return expr.xreplace(swap)


def _written(expr: sp.Expr) -> sp.Expr:
    """Sums over whole-number bounds written out (their terms still indexed, named by :func:`_named`)."""
    return expr.replace(lambda e: isinstance(e, sp.Sum) and finite_sums._span(e.limits) is not None,
                        finite_sums._written_out)


def _increment(expr: sp.Expr, letter: sp.Symbol) -> sp.Expr | None:
    """``expr(letter + 1) − expr(letter)``: each sum replaced by the term it gains, the rest moved one step; None
    unless the sums enter linearly with coefficients free of the bound (a product of sums is not incremented so)."""
    totals = sorted(expr.atoms(sp.Sum), key=sp.default_sort_key)
    held = {total: sp.Dummy(f"s{n}") for n, total in enumerate(totals)}
    plain = expr.xreplace(held)
    rest = plain.xreplace({d: sp.Integer(0) for d in held.values()})
    step = _moved(rest, letter, 1) - rest
    for total, dummy in held.items():
        coefficient = sp.diff(plain, dummy)
        if coefficient.has(letter, *held.values()) or coefficient.free_symbols & {letter}:
            return None
        var, _, high = total.limits[0]
        step += coefficient * total.function.xreplace({var: high + 1})
    return step


def _reindexed(expr: sp.Expr, templates: dict[str, _Step]) -> sp.Expr:
    """Each sum's summands named at steps of its index (``η_{i+1}``; ``f(x_{t+1})``, read as one name) made
    indexed quantities of it (``η[i + 1]``), their spelling kept in ``templates`` to name them back."""
    def index(total: sp.Sum) -> sp.Expr:
        var = total.limits[0][0]
        swap = {}
        for x in total.function.atoms(sp.Symbol):
            st = _step(x) if x != var else None
            if st is not None and st.letter == var.name:
                templates[st.key] = st
                swap[x] = sp.Indexed(sp.IndexedBase(st.key), var + st.offset)
        for entry in total.function.atoms(sp.Indexed):  # η[i + 1] as the parser reads it inside a sum
            label = str(entry.base.label)
            if label not in templates and label.endswith(SUP_LABEL):  # ‖x^{(i−1)} − x^*‖²: the iterates
                templates[label] = _Step(_template(label[:-len(SUP_LABEL)], "sup"), None, 0)
            elif label not in templates:
                templates[label] = _Step(_template(label, "sub"), None, 0)
        return total.xreplace(swap) if swap else total
    return expr.replace(lambda e: isinstance(e, sp.Sum) and len(e.limits) == 1, index)


def bounded(expr: sp.Expr) -> bool:
    """Has ``expr`` a sum up to a symbolic bound (the cheap test before :func:`prove`)?"""
    return any(len(total.limits) == 1 and not total.limits[0][2].is_number for total in expr.atoms(sp.Sum))


def prove(left: sp.Expr, right: sp.Expr, seconds: float) -> str | None:
    """Why ``left = right`` holds for every value of its sums' bound (by induction), or None."""
    from ..proof import compare

    templates: dict[str, _Step] = {}
    difference = _reindexed(left, templates) - _reindexed(right, templates)
    letter = _bound_letter(difference)
    if letter is None or not difference.has(sp.Indexed):
        return None
    first = None
    for total in difference.atoms(sp.Sum):
        _, low, high = total.limits[0]
        start = int(low - (high - letter))  # the bound's value where this sum has its one term
        first = start if first is None else max(first, start)
    assert first is not None
    base = _named(_written(_at(difference, letter, first)), templates)
    if base is None or base.has(sp.Sum, sp.Indexed) or compare(base, sp.Integer(0), seconds=seconds / 2).status != "true":
        return None
    try:
        step = _increment(difference, letter)
    except ValueError:  # a sum whose index is the bound itself (Σ_{m=1}^{m}): SymPy refuses to move it
        return None
    if step is None:
        return None
    step = _named(step, templates)
    if step is None or step.has(sp.Indexed) or compare(step, sp.Integer(0), seconds=seconds / 2).status != "true":
        return None
    return (f"by induction on {letter.name}: it holds at {letter.name} = {first}, and raising {letter.name} by one adds "
            "the same to both sides")
