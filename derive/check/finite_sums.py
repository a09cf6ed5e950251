r"""Sums over a few written terms, written out: ``\sum_{i=1}^{4} (h - y_i)`` is ``4h - y_1 - y_2 - y_3 - y_4``.

Worked examples over a small data set sum over numeric bounds and then use the data: ``y_1 = -2``, … stated
in the prose, ``\frac{1}{2}\sum_{i=1}^{4}(h - y_i) = \frac{1}{2}(4h - 3)`` in the display. Inside a sum the
parser reads ``y_i`` as the indexed quantity ``y[i]`` (so that linearity can be proved for any index set),
but outside it ``y_1`` is a name of its own; SymPy's ``doit`` would give ``y[1]``, which no stated value or
written term is. This module writes such a sum out and names each entry as the notes write it
(``y[1]`` → ``y_1``, ``y^{(·)}[2]`` → ``y^{(2)}``, ``g[t − i]`` at ``i = 2`` → ``g_{t-2}``), so the values and
the terms written elsewhere apply. Writing a finite sum out is exact: it can prove and refute, never guess.
"""
from __future__ import annotations

import itertools
import re

from collections.abc import Iterator

import sympy as sp
from sympy.core.function import AppliedUndef

from .. import printing
from .. import symbols as S

__all__ = ["MAX_TERMS", "SIZES", "expand", "name_entries", "small_sizes"]

#: The most terms a written-out sum (or product) may have: worked examples over data are small, and a sum
#: with more terms is better left to linearity and induction.
MAX_TERMS = 30

_ITERATE = "^{(\\cdot)}"


def _span(limits: tuple) -> int | None:
    """How many terms these limits run over, or None unless every bound is an integer (bounds of an inner
    sum may name an outer index: those are written out once the outer one is)."""
    count = 1
    for _, low, high in limits:
        if not (isinstance(low, sp.Integer) and isinstance(high, sp.Integer)):
            return None
        count *= max(0, int(high) - int(low) + 1)
    return count


def _writable(total: sp.Sum | sp.Product) -> bool:
    """May the outermost index of ``total`` be written out? Its bounds must be integers (an inner index's
    bounds may name an outer one: those become integers once the outer one is written out), its terms few,
    and no call named with the index (``f_i(w)``: which function the i-th term applies is in the name, which
    substituting the index does not rename)."""
    span = _span(total.limits[-1:])
    if span is None or span > MAX_TERMS:
        return False
    indices = {lim[0].name for lim in total.limits}
    return not any(any(f"_{{{i}}}" in type(call).__name__ or f"_{i}" in type(call).__name__ for i in indices)
                   for call in total.function.atoms(AppliedUndef))


def _put(expr: sp.Basic, var: sp.Symbol, value: sp.Integer) -> sp.Basic:
    """``expr`` at ``var = value``, leaving a sum inside that binds a ``var`` of its own alone (but not its
    bounds): ``xreplace`` would rename the bound index and build a sum over a number."""
    if var not in expr.free_symbols:
        return expr
    if isinstance(expr, (sp.Sum, sp.Product)):
        limits = [(x, _put(lo, var, value), _put(hi, var, value)) for x, lo, hi in expr.limits]
        bound = any(x == var for x, _, _ in expr.limits)
        return expr.func(expr.function if bound else _put(expr.function, var, value), *limits)
    if expr == var:
        return value
    if not expr.args:
        return expr
    return expr.func(*(_put(a, var, value) for a in expr.args))


def _written_out(total: sp.Sum | sp.Product) -> sp.Expr:
    """The terms of the outermost index of ``total`` (each still a sum over the inner indices, if any)."""
    var, low, high = total.limits[-1]
    inner = total.limits[:-1]
    op = sp.Sum if isinstance(total, sp.Sum) else sp.Product
    terms = []
    for v in range(int(low), int(high) + 1):
        if inner:
            limits = [(x, _put(lo, var, sp.Integer(v)), _put(hi, var, sp.Integer(v))) for x, lo, hi in inner]
            terms.append(op(_put(total.function, var, sp.Integer(v)), *limits))
        else:
            terms.append(_put(total.function, var, sp.Integer(v)))
    return sp.Add(*terms) if isinstance(total, sp.Sum) else sp.Mul(*terms)


def _index_text(index: sp.Expr) -> str | None:
    """``3``, ``t``, ``t-2``, ``k+1``: an index as the notes write it, or None for anything else."""
    if isinstance(index, sp.Integer):
        return str(index)
    if isinstance(index, sp.Symbol):
        return index.name
    if isinstance(index, sp.Add) and len(index.args) == 2:
        number = next((a for a in index.args if isinstance(a, sp.Integer)), None)
        letter = next((a for a in index.args if isinstance(a, sp.Symbol)), None)
        if number is not None and letter is not None:
            return f"{letter.name}{'+' if number > 0 else '-'}{abs(number)}"
    return None


def _top_superscript(label: str) -> int | None:
    """Where a superscript outside every brace begins in ``label`` (``w^{(t)}``, not ``\\hat{y}``)."""
    depth = 0
    for k, ch in enumerate(label):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "^" and depth == 0 and label[k + 1:k + 2] == "{":
            return k
    return None


def _spellings(label: str, parts: list[str]) -> list[str]:
    """The names the notes may write for the entry ``label[parts]``, the likeliest first."""
    if label.endswith(_ITERATE):
        stem = label[:-len(_ITERATE)]
        if len(parts) == 1:  # the i-th sample; its data may be stated as y_1 = …
            return [f"{stem}^{{({parts[0]})}}", f"{stem}_{{{parts[0]}}}"]
        if len(parts) == 2:  # x^{(·)}[j, i]: the j-th coordinate of the i-th sample, x_j^{(i)}
            return [f"{stem}_{{{parts[0]}}}^{{({parts[1]})}}"]
        return []
    mark = ""
    cut = _top_superscript(label)
    if cut is not None:  # w^{(t)}[1]: the coordinate w_1^{(t)}, its mark after the subscript
        label, mark = label[:cut], label[cut:]
    joined = [",".join(parts)]
    if len(parts) > 1 and all(len(p) == 1 for p in parts):
        joined.insert(0, "".join(parts))  # a_{12} is how the entry of a matrix is usually written
    names = [f"{label}_{{{j}}}{mark}" for j in joined]
    if len(parts) == 1 and not mark:  # y_i summed, its data stated as y^{(1)} = …
        names.append(f"{label}^{{({parts[0]})}}")
    return names


def name_entries(expr: sp.Expr, known: frozenset[str] = frozenset()) -> sp.Expr:
    """``expr`` with each indexed quantity at a definite index (``y[1]``, ``g[t − 2]``) made the name the notes
    write for it; of its spellings (``a_{12}``, ``a_{1,2}``; ``y_1`` and ``y^{(1)}`` for the first sample) the one
    in ``known`` wins, the notation of the sum otherwise."""
    swap: dict[sp.Basic, sp.Basic] = {}
    bound = {lim[0] for total in expr.atoms(sp.Sum, sp.Product) for lim in total.limits}
    for entry in expr.atoms(sp.Indexed):
        if any(index.free_symbols & bound for index in entry.indices):
            continue  # y[i] in a sum still to be taken over i (one too long to write out)
        parts = [_index_text(i) for i in entry.indices]
        if any(p is None for p in parts):
            continue
        names = _spellings(str(entry.base.label), [p for p in parts if p is not None])
        if names:
            swap[entry] = S.symbol(next((n for n in names if n in known), names[0]))
    return expr.xreplace(swap) if swap else expr


def expand(expr: sp.Expr, known: frozenset[str] = frozenset()) -> sp.Expr:
    """``expr`` with every sum and product over at most :data:`MAX_TERMS` integer indices written out, and
    the entries it leaves named as the notes write them (unchanged when there is none)."""
    if not expr.has(sp.Sum, sp.Product):
        return expr
    before = expr
    for _ in range(6):  # a nested sum's bounds become integers once the sum around it is written out
        done = expr.replace(lambda e: isinstance(e, (sp.Sum, sp.Product)) and _writable(e), _written_out)
        if done == expr:
            break
        expr = done
    return before if expr == before else name_entries(expr, known)


def constant_terms_counted(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each sum of a term free of its index counted out: ``Σ_{i=1}^n μ`` is ``nμ``, whatever ``n``
    (the step from ``(1/n)Σ_{i=1}^n μ`` to ``nμ/n`` in a sample mean's expectation); other sums are kept."""
    def counted(total: sp.Sum) -> sp.Expr:
        (index, low, high), = total.limits
        return total.function * (high - low + 1)

    return expr.replace(lambda e: isinstance(e, sp.Sum) and len(e.limits) == 1 and len(e.limits[0]) == 3
                        and not e.function.has(e.limits[0][0]), counted)


def tidied(expr: sp.Expr) -> sp.Expr:
    """``expr`` with its sums as a textbook leaves them: split by linearity, constants taken out, a constant term
    counted (``Σ_{i=0}^{n}(1 − X_i)`` gives ``(n + 1) − Σ X_i``) and like sums collected, so that a hint shows the
    ``n + 1`` an off-by-one range hides."""
    split = sp.expand(expr).replace(lambda e: isinstance(e, sp.Sum), lambda e: sp.factor_terms(e))
    counted = constant_terms_counted(split)
    return sp.collect(counted, sorted(counted.atoms(sp.Sum), key=sp.default_sort_key))


#: Letters that index entries in notes (``x_i``, ``a_{jk}``, ``A_{ij}``): a free one is "any index".
_ENTRY_LETTERS = "ijklpqrs"
#: The sizes a sum over an unwritten index set is written out at.
SIZES = (2, 3, 4)


def _free_letters(expr: sp.Expr) -> set[str]:
    """Index letters that label names outside every sum (``x_{i}``, ``a_{ii}``, ``A_{ij}``) or entries inside one
    that no sum binds (``a[i, k]`` in ``Σ_k a_{ik}x_k``): the free indices."""
    found: set[str] = set()
    for x in expr.atoms(sp.Symbol):
        m = re.fullmatch(r"(?:\\[A-Za-z]+\{)?[A-Za-z]\}?_\{([a-z]{1,2})\}", x.name)
        if m and all(c in _ENTRY_LETTERS for c in m.group(1)):
            found.update(m.group(1))
    bound = {lim[0] for total in expr.atoms(sp.Sum, sp.Product) for lim in total.limits}
    for entry in expr.atoms(sp.Indexed):
        for index in entry.indices:
            found.update(x.name for x in index.free_symbols
                         if isinstance(x, sp.Symbol) and x not in bound and x.name in _ENTRY_LETTERS)
    return found


def _at_indices(expr: sp.Expr, values: dict[str, int]) -> sp.Expr:
    """``expr`` with each free index at its value: names labelled by it renamed (``x_{i}`` → ``x_{2}``), and the
    letter itself where it indexes an entry (``a[i, k]`` → ``a[2, k]``)."""
    swap: dict[sp.Basic, sp.Basic] = {}
    for x in expr.atoms(sp.Symbol):
        m = re.fullmatch(r"(.*)_\{([a-z]{1,2})\}", x.name)
        if m and all(c in values for c in m.group(2)):
            swap[x] = S.symbol(f"{m.group(1)}_{{{''.join(str(values[c]) for c in m.group(2))}}}")
        elif x.name in values:
            swap[x] = sp.Integer(values[x.name])
    return expr.xreplace(swap)


#: An entry of a matrix at definite indices, as written out: ``A_{12}``, ``a_{21}``.
_MATRIX_ENTRY = re.compile(r"([A-Za-z])_\{(\d\d)\}")


def _entries_as_written(left: sp.Expr, right: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    r"""The two sides with the entries of a matrix named in one case: notes write the entries of ``A`` as
    ``a_{jk}`` (``(Ax)_j = \sum_k a_{jk}x_k``), so when one side has only ``A_{12}``-entries and the other only
    ``a_{12}``-entries of the same letter, they are the same entries."""
    def letters(side: sp.Expr) -> dict[str, set[sp.Symbol]]:
        found: dict[str, set[sp.Symbol]] = {}
        for x in side.free_symbols:
            if isinstance(x, sp.Symbol) and (m := _MATRIX_ENTRY.fullmatch(x.name)):
                found.setdefault(m.group(1), set()).add(x)
        return found

    ours, theirs = letters(left), letters(right)
    swap_left: dict[sp.Basic, sp.Basic] = {}
    swap_right: dict[sp.Basic, sp.Basic] = {}
    for letter in {c for c in ours if c.isupper()} | {c for c in theirs if c.isupper()}:
        lower = letter.lower()
        for mine, other, swap in ((ours, theirs, swap_left), (theirs, ours, swap_right)):
            if letter in mine and lower not in mine and lower in other and letter not in other:
                swap.update({x: S.symbol(lower + x.name[1:]) for x in mine[letter]})
    return left.xreplace(swap_left), right.xreplace(swap_right)


def _written_at(left: sp.Expr, right: sp.Expr, unsummed: bool = False
                ) -> Iterator[tuple[int, dict[str, int], sp.Expr, sp.Expr]] | None:
    """Both sides written out at each size of :data:`SIZES` and each value of their free indices, as (size,
    values, left, right); None when the sums are not over the one unwritten count, or cannot be written out.
    ``unsummed``: sides with no sum left (a derivative in an entry, taken) count when they have free indices."""
    from .sums import GENERIC_COUNT

    counts = {x for side in (left, right) for x in side.free_symbols
              if isinstance(x, sp.Symbol) and x.name.startswith(GENERIC_COUNT)}
    free = sorted(_free_letters(left) | _free_letters(right))
    if any(c.name != GENERIC_COUNT for c in counts):
        return None  # a named set (Σ_{i∈B}) or all-but-one (Σ_{j≠i}): its size is not the count's
    if not counts and not (unsummed and free and not left.has(sp.Sum) and not right.has(sp.Sum)):
        return None
    bound = {lim[0].name for side in (left, right) for total in side.atoms(sp.Sum, sp.Product) for lim in total.limits
             if isinstance(lim[0], sp.Symbol)}
    if len(free) > 2 or bound & set(free):
        return None  # b_i + Σ_i a_iw_{ij}: one letter free and summed at once, no value of it writes the side out
    written: list[tuple[int, dict[str, int], sp.Expr, sp.Expr]] = []
    for n in SIZES:
        for picks in itertools.product(range(1, n + 1), repeat=len(free)):
            values = dict(zip(free, picks))
            sides = []
            for side in (left, right):
                done = expand(_at_indices(side.xreplace({c: sp.Integer(n) for c in counts}), values))
                if done.has(sp.Sum, sp.Indexed):
                    return None
                sides.append(done.doit())
            written.append((n, values, *_entries_as_written(*sides)))
    return iter(written)


def index_notation(side: sp.Expr) -> bool:
    """Is every name of ``side`` an entry or coordinate (``x_{i}``, ``A_{ij}``, ``a[j, k]``), a summed index
    or the count? Then the side is index notation through and through, read as written."""
    from .sums import GENERIC_COUNT

    bound = {lim[0] for total in side.atoms(sp.Sum, sp.Product) for lim in total.limits}
    bound |= {ix.base.label for ix in side.atoms(sp.Indexed)}  # SymPy counts the X of X[k, i] as a name
    for x in side.free_symbols - bound:
        if isinstance(x, sp.Indexed) or x.name.startswith(GENERIC_COUNT) or x.name in _ENTRY_LETTERS:
            continue
        if not re.fullmatch(r"(?:\\[A-Za-z]+|[A-Za-z])_\{[a-z0-9]{1,2}\}", x.name):
            return False
    return not side.has(sp.Derivative) or all(
        isinstance(d.expr, (sp.Sum, sp.Add, sp.Mul, sp.Indexed)) for d in side.atoms(sp.Derivative))


#: A name with its subscript: the stem and the index (``u_{r}``, ``b_{12}``, ``\beta_{1}``).
_SUBSCRIPTED = re.compile(r"(.+)_\{([a-z0-9,]+)\}")


def _aliased(*sides: sp.Expr) -> bool:
    """Does a name keep a letter index (``u_{r}``) while the same quantity also appears at written-out numbers
    (``u_{1}``)? Then the letter may be one of those numbers, and the two names one quantity."""
    numbered: set[str] = set()
    lettered: set[str] = set()
    for side in sides:
        for x in side.free_symbols:
            if isinstance(x, sp.Symbol) and (m := _SUBSCRIPTED.fullmatch(x.name)):
                (numbered if m.group(2).replace(",", "").isdigit() else lettered).add(m.group(1))
    return bool(numbered & lettered)


#: The start of :func:`apart_at_small_sizes`' answer when the sides agree for symmetric matrices only.
SYMMETRIC = "it holds when these matrices are symmetric, which the notes do not say: "


def _symmetric(side: sp.Expr) -> sp.Expr:
    """``side`` with every matrix entry below the diagonal named by its mirror (``a_{21}`` → ``a_{12}``)."""
    swap = {x: S.symbol(f"{m.group(1)}_{{{m.group(2)[::-1]}}}") for x in side.free_symbols
            if (m := _MATRIX_ENTRY.fullmatch(getattr(x, "name", ""))) and m.group(2)[0] > m.group(2)[1]}
    return side.xreplace(swap)


def apart_at_small_sizes(left: sp.Expr, right: sp.Expr, seconds: float, unsummed: bool = False) -> str | None:
    r"""Why ``left = right`` is false for sums over an unwritten index set: at every size of :data:`SIZES` some
    value of the free indices makes the sides differ (``(X^\top w)_i = \sum_k X_{ik}w_k``: the entries are
    transposed). The first such case is named with both sides written out; when every case agrees once each
    matrix equals its transpose, the answer starts with :data:`SYMMETRIC` and names them (the caller leaves
    the link undecided unless the notes call them symmetric). None when some size agrees, or
    the sides are not of that kind (a size the notes fix elsewhere could be the one that agrees). The caller
    checks that both sides as read are :func:`index_notation` (``x^⊤Ax`` read as the number ``Ax²`` is not)."""
    from ..proof import compare

    cases = _written_at(left, right, unsummed)
    if cases is None:
        return None
    first: dict[int, tuple[dict[str, int], sp.Expr, sp.Expr]] = {}
    undecided = False
    mirrored = True  # every case agrees once each matrix equals its transpose
    for n, values, a, b in cases:
        status = compare(a, b, seconds=seconds).status
        if status == "false":
            first.setdefault(n, (values, a, b))
            mirrored = mirrored and compare(_symmetric(a), _symmetric(b), seconds=seconds).status == "true"
        elif status != "true":
            undecided = True
    if undecided or set(first) != set(SIZES):
        return None
    if any(_aliased(a, b) for _, a, b in first.values()):
        return None  # u_r beside u_1, u_2 written out: r may be one of them, so no written case refutes
    if mirrored:
        families = sorted({m.group(1) for _, a, b in first.values() for x in (a - b).free_symbols
                           if (m := _MATRIX_ENTRY.fullmatch(getattr(x, "name", "")))})
        return SYMMETRIC + ", ".join(families)
    values, a, b = first[min(first)]
    at = ", ".join(f"{k} = {v}" for k, v in values.items())
    return (f"written out with {min(first)} terms per sum{' at ' + at if at else ''}, the left side is "
            f"{printing.text(a)} and the right side {printing.text(b)}; the sides differ at every size tried "
            f"({', '.join(map(str, SIZES))})")


def small_sizes(left: sp.Expr, right: sp.Expr, seconds: float) -> str | None:
    """Why ``left = right`` holds for sums over an unwritten index set (``Σ_j x_j(Σ_k a_{jk}x_k) = Σ_{j,k} a_{jk}x_jx_k``,
    ``∂/∂x_i Σ_{j,k} a_{jk}x_jx_k = Σ_j a_{ji}x_j + Σ_k a_{ik}x_k``): written out at sizes 2 to 4, with every
    value of the free indices, both sides agree (a generic small case, said in the reason); None otherwise
    (a refutation needs every size to differ: :func:`apart_at_small_sizes`)."""
    from ..proof import compare

    cases = _written_at(left, right)
    if cases is None:
        return None
    letters: set[str] = set()
    for _, values, a, b in cases:
        letters.update(values)
        if _aliased(a, b) or compare(a, b, seconds=seconds).status != "true":
            return None
    where = f", every value of {', '.join(sorted(letters))}" if letters else ""
    return (f"the sums written out at sizes {', '.join(map(str, SIZES))}{where}: both sides agree (a generic small "
            "case, not a proof for every size)")
