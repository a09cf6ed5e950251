r"""A loss over examples written with the model's per-example value: ``\mathcal{L}(w, b) = \frac{1}{2m}\sum_i
(\hat y^{(i)} - y^{(i)})^2`` after ``\hat y = wx + b``.

Machine-learning notes define the model once, without an index, and then write the loss over the training set
with the prediction of each example (``\hat y^{(i)}``, ``\hat y_i``). Read as written, the loss's body holds no
``w`` or ``b``, so ``∂\mathcal{L}/∂w`` cannot be taken. A reader puts the model in at each example: every name of
the model that is not a parameter the loss is a function of takes the example's mark (``x`` → ``x^{(i)}``), the
parameters stay shared. This module does that, and proves the claimed derivative or refutes it with two examples
written out; it refutes only where the notes write every datum the mark was put on with that mark themselves (a
constant of the model the notes do not index would take the mark too, and a mismatch then says nothing) and the
claimed side is in the same names (``(1/m)(\hat Y - Y)\mathbf{1}`` is the same sum as rows).
"""
from __future__ import annotations

import re
from collections.abc import Mapping

import sympy as sp

from .. import printing
from .. import symbols as S
from ..proof import Verdict, compare
from . import sums
from .bind import CircularDefinition, FunctionDef, gradient_parts, substitute

__all__ = ["derivative"]

#: The mark of an iterate written as a superscript (``y^{(i)}``), kept in the base's name by the parser.
_ITERATE = "^{(\\cdot)}"


def _plain(base: str) -> tuple[str, str]:
    """``\\hat{y}^{(\\cdot)}`` → (``\\hat{y}``, its mark); ``\\hat{y}`` → (``\\hat{y}``, "")."""
    return (base[: -len(_ITERATE)], _ITERATE) if base.endswith(_ITERATE) else (base, "")


def _member_pattern(mark: str, index: sp.Expr) -> str:
    """The name of one member at the letter ``index`` as the parser keeps it: ``x^{(i)}`` or ``x_{i}``."""
    letter = re.escape(printing.latex(index))
    return rf"(.+)\^\{{\({letter}\)\}}" if mark else rf"(.+)_\{{{letter}\}}"


def _member_name(plain: str, mark: str, index: sp.Expr) -> sp.Symbol:
    """One member as the notes write it and the parser names it: ``\\hat{y}^{(i)}``, ``x_{i}``."""
    shown = printing.latex(index)
    return S.symbol(f"{plain}^{{({shown})}}" if mark else f"{plain}_{{{shown}}}")


def _members(expr: sp.Expr, definitions: Mapping[sp.Symbol, sp.Expr], params: set[sp.Symbol]
             ) -> dict[sp.Indexed, sp.Expr]:
    """Each member of a family in ``expr`` written out at its example (:func:`_at_example`)."""
    out: dict[sp.Indexed, sp.Expr] = {}
    for member in expr.atoms(sp.Indexed):
        if len(member.indices) == 1:
            plain, mark = _plain(str(member.base.label))
            value = _at_example(plain, mark, member.indices[0], definitions, params)
            if value is not None:
                out[member] = value
    return out


def _at_example(plain: str, mark: str, index: sp.Expr, definitions: Mapping[sp.Symbol, sp.Expr],
                params: set[sp.Symbol], depth: int = 0) -> sp.Expr | None:
    """The value of ``plain``'s member at ``index``: its own definition at the sum's letter (``z^{(i)} = wx^{(i)} + b``);
    else, through a plain alias (``ŷ = z``), its alias's member; else the plain definition (``ŷ = wx + b``) with the
    member's index (and mark) on every name that is not a parameter (a name the derivative is taken in that the
    loss does not list is marked too, and then absent: no derivative is claimed). None when nothing gives it."""
    member = _member_name(plain, mark, index)
    try:
        if (own := definitions.get(member)) is not None:  # the member defined at the sum's own letter
            value = substitute(own, dict(definitions))
            marked = {x: sp.IndexedBase(m.group(1) + mark)[index] for x in value.free_symbols
                      if isinstance(x, sp.Symbol) and (m := re.fullmatch(_member_pattern(mark, index), x.name))}
            return None if value.has(sp.Indexed, sp.Sum) else value.xreplace(marked)
        alias = definitions.get(S.symbol(plain))
        if isinstance(alias, sp.Symbol) and depth < 4:  # ŷ = z with z^{(i)} = w_1x_1^{(i)} + …
            found = _at_example(alias.name, mark, index, definitions, params, depth + 1)
            if found is not None:
                return found
        if alias is None:
            return None
        value = substitute(alias, dict(definitions))  # ŷ = z, z = wx + b: the model through the names defining it
    except CircularDefinition:
        return None
    if value.has(sp.Indexed, sp.Sum) or not value.free_symbols & params:
        return None
    return value.xreplace({x: sp.IndexedBase(x.name + mark)[index] for x in value.free_symbols
                           if isinstance(x, sp.Symbol) and x not in params})


def _shown(member: sp.Indexed) -> sp.Symbol:
    """A member of a sum's family as the notes write it outside the sum: ``\\hat{y}^{(\\cdot)}[i]`` → ``\\hat{y}^{(i)}``."""
    return _member_name(*_plain(str(member.base.label)), member.indices[0])


def _written_indexed(name: sp.Symbol, mark: str, text: str) -> bool:
    """Do the notes write ``name`` with an example's mark somewhere (``x^{(i)}``, ``x_i``)? Then the model's ``x``
    is data, indexed by example, and putting the mark on it is the notes' own reading."""
    head = re.sub(r"_\\\{(\w)\\\}", lambda m: r"_\{?" + m.group(1) + r"\}?", re.escape(name.name))  # x_{1}: x_1
    tail = r"\s*\^\s*\{\s*\(" if mark else r"\s*_\s*\{?\s*[a-z]\b"
    return re.search(rf"(?<![A-Za-z\\]){head}{tail}", text) is not None


def _at_two_examples(taken: sp.Expr, right: sp.Expr, seconds: float) -> Verdict:
    """The comparison with every sum over ``1, …, m`` written out at m = 2: summands that differ over free data differ
    there too (the caller refutes only when every datum is one the notes index)."""
    bounds = {s.limits[0][2] for side in (taken, right) for s in side.atoms(sp.Sum)
              if len(s.limits) == 1 and s.limits[0][1] == 1 and isinstance(s.limits[0][2], sp.Symbol)}
    if len(bounds) != 1:
        return Verdict("undecided")
    size = {next(iter(bounds)): sp.Integer(2)}
    a, b = (side.xreplace(size).doit() for side in (taken, right))
    named = {x: _shown(x) for x in a.atoms(sp.Indexed) | b.atoms(sp.Indexed)}
    return compare(a.xreplace(named), b.xreplace(named), seconds=seconds)


def derivative(name: sp.Symbol, claimed: sp.Expr, functions: Mapping[str, FunctionDef],
               definitions: Mapping[sp.Symbol, sp.Expr], text: str, seconds: float) -> tuple[str, str] | None:
    """The verdict on ``name = claimed`` (``name`` a derivative ``∇_w L`` of a defined function whose body writes
    the model's per-example values): ("proved", why), ("false", why) when the derivative differs and every name
    the mark was put on is one the notes (``text``) write with it, or None."""
    variable, stem = gradient_parts(name.name)
    fd = functions.get(stem)
    if variable is None or fd is None:
        return None
    var = S.symbol(variable)
    # the loss's parameters stay shared; the variable need not be one of them (∂L/∂w_1 for an L(w, b) of an earlier
    # section, with z^{(i)} = w_1x_1^{(i)} + w_2x_2^{(i)} + b defined at each example: the model says what L depends on)
    params = set(fd.params)
    opened = _members(fd.body, definitions, params)
    if not opened or not fd.body.xreplace(opened).has(var):
        return None
    taken = sp.diff(fd.body.xreplace(opened), var)
    right = claimed.xreplace(_members(claimed, definitions, params))
    member, value = next(iter(opened.items()))
    shown = value.xreplace({x: _shown(x) for x in value.atoms(sp.Indexed)})
    plain = printing.text(S.symbol(_plain(str(member.base.label))[0]))
    put_in = f"with the model put in at each example ({printing.text(_shown(member))} = {printing.text(shown)})"
    try:
        why = sums.prove(taken, right, seconds=seconds)
        if why is not None and why != sums.DIFFER:
            return "proved", f"{put_in}: {why}"
        verdict = compare(taken, right, seconds=seconds)
    except (TypeError, ValueError, ZeroDivisionError, RecursionError):
        return None
    if verdict.status == "true":
        return "proved", f"{put_in}: {verdict.reason}"
    if verdict.status == "false" or why == sums.DIFFER:
        verdict = _at_two_examples(taken, right, seconds)  # (every datum free: the summands must agree; and the
        # values then read as the notes write them, x^{(1)}, x^{(2)})
    data = {(x.base.label, _plain(str(x.base.label))[1]) for v in opened.values() for x in v.atoms(sp.Indexed)}
    foreign = right.free_symbols - taken.free_symbols - {x for x in right.free_symbols if isinstance(x, sp.Indexed)}
    # (a side in other names, (1/m)(Ŷ − Y)𝟏 with the examples as a row: the same sum in matrix notation, not compared)
    if verdict.status == "false" and not foreign and all(
            _written_indexed(S.symbol(_plain(str(label))[0]), mark, text) for label, mark in data):
        taken_shown = sp.factor_terms(taken).xreplace({x: _shown(x) for x in taken.atoms(sp.Indexed)})
        at = ", ".join(f"{printing.text(x)} = {printing.text(v)}" for x, v in sorted(
            verdict.counterexample.items(), key=lambda item: str(item[0])))
        return "false", (f"{put_in}, {plain}'s definition with the example's data, the derivative is "
                         f"{printing.text(taken_shown)}" + (f"; they differ at m = 2, {at}" if at else ""))
    return None
