r"""A restated function that is a new model, not a claim about the first one.

Notes on feature engineering write a model, ``h_θ(x) = θ₀ + θ₁·frontage + θ₂·depth``, then build a new
feature from the old ones (``x = frontage·depth = area``) and write the model again on it: "then
``h_θ(x) = θ₀ + θ₁x``". The second line does not follow from the first; it replaces it. Read as an identity
it is false, and reporting it would be a false error.

The rule reads what the two right sides are written with. The restatement is a new model when its right
side leaves out some of the first one's names *and* brings names of its own that the notes gave a role to
in between: a name defined after the first statement (the new feature ``x = …``), or the function's own
argument when the first right side did not read it (``h_θ(x)`` first written with the features, not with
``x``). A slip keeps the first model's names (a sign, a coefficient, a term dropped), so it is still
reported; a changed letter that the notes never gave a role to is still a slip.

Multi-letter words in math (``frontage``, ``depth``), which the parser reads as products of letters, are
named as words in the reason, so that the reason reads as the notes do.

A model is also written again with another *response*: ``Y = θ₀x₀ + … + θₙxₙ``, then "taking logs,
``\log(Y) = θ₀x₀ + … + θₙxₙ``", then the logit ``\log(p/(1 − p)) = θ₀x₀ + … + θₙxₙ`` (:func:`new_response`). The
right side is written exactly as the first model's; only the left side, a function of the response (a log, a
call) rather than the name, has changed. Nobody claims ``\log Y = Y`` that way: it is the next model, not a claim.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .. import printing

import sympy as sp
from sympy.core.function import AppliedUndef

from .calculus import derivative_parts

if TYPE_CHECKING:
    from .latex import Term
    from .verify import DocumentChecker, Item


@functools.cache
def _head_pattern() -> re.Pattern[str]:
    # a name (a letter or a Greek macro, with an optional subscript) applied to plain arguments: h_\theta(x)
    return re.compile(r"(\\?[A-Za-z]+)(?:_\\?[A-Za-z0-9]+)?\(([^()=]+)\)")


def _normal(written: str) -> str:
    """``{h_{\\theta}}\\left( x \\right)`` and ``h_\\theta(x)`` alike: no spacing, braces or sizing."""
    return re.sub(r"\\(?:left|right|big|Big|bigl|bigr|Bigl|Bigr)(?![A-Za-z])|[{}\s]|\\[,;:! ]", "", written)


def _source(item: Item, term: Term) -> str:
    return item.block.text[term.start:term.end]


def new_model(checker: DocumentChecker, item: Item, left: Term, right: Term) -> str | None:
    """Why a refuted ``f(x) = …`` is a new model of ``f`` rather than a slip (see the module docstring), or None.

    ``left`` is the restated side as written; the first statement with the same written head earlier in the
    document must have been read as a definition (not-a-claim), not as a claim."""
    head = _normal(_source(item, left))
    if not _head_pattern().fullmatch(head) or right.expr is None:
        return None
    first = None
    for other in reversed(checker.items[:item.index]):
        terms = other.stmt.terms
        if len(terms) >= 2 and other.stmt.relations and other.stmt.relations[0] in ("=", ":=", "equiv") \
                and _normal(_source(other, terms[0])) == head:
            first = other
            break
    if first is None or first.stmt.terms[1].expr is None \
            or checker.verdicts.get((first.index, 0), ("",))[0] != "not-a-claim":
        return None
    old, new = first.stmt.terms[1].expr.free_symbols, right.expr.free_symbols
    dropped, brought = old - new, new - old
    if not dropped or not brought:
        return None
    argument = (left.expr.free_symbols if left.expr is not None else set()) & brought
    defined_between = {name for other in checker.items[first.index + 1:item.index]
                       if (name := checker._definition_target(other)) is not None} & brought
    evidence = argument | defined_between
    if not evidence:
        return None
    line = first.block.position(first.stmt.terms[0].start)[0]
    why = []
    if defined_between:
        why.append(f"{_names(defined_between)} defined after it")
    if argument - defined_between:
        why.append(f"its argument {_names(argument - defined_between)}, which the first right side does not read")
    return (f"writes {' '.join(head.split())} anew (first on line {line}): it brings {' and '.join(why)}, and leaves "
            f"out {_names(dropped, (first.words, item.words))}: a new model, not a claim about the first")


def new_response(checker: DocumentChecker, item: Item, left: Term, right: Term) -> str | None:
    """Why ``log(Y) = θ₀x₀ + … + θₙxₙ`` after ``Y = θ₀x₀ + … + θₙxₙ`` is a new model (see the module docstring), or
    None: the right side written as an earlier definition's, the left side a function applied (log, a call), not its
    name."""
    if left.expr is None or right.expr is None or not isinstance(left.expr, (sp.log, sp.exp, AppliedUndef)) \
            or derivative_parts(type(left.expr).__name__) is not None or not right.expr.has(sp.Add, sp.Sum):
        return None  # only a transformed response (log Y, a call) of a linear predictor: a_1z_1 + … + c = aᵀz + c
        # writes the model out, ∇(½p²) = σw after p = σw differentiates
    written, head = _normal(_source(item, right)), _normal(_source(item, left))
    if len(written) < 6:
        return None  # "= 0", "= x": too short to be a model's right side
    for other in reversed(checker.items[:item.index]):
        terms = other.stmt.terms
        if len(terms) < 2 or not other.stmt.relations or other.stmt.relations[0] not in ("=", ":=", "equiv") \
                or checker.verdicts.get((other.index, 0), ("",))[0] != "not-a-claim":
            continue
        if _normal(_source(other, terms[1])) == written and _normal(_source(other, terms[0])) != head:
            line = other.block.position(terms[0].start)[0]
            return (f"the right side of {' '.join(_source(other, terms[0]).split())} on line {line} with another left "
                    "side: a new model, not a claim")
    return None


def _names(names: set[sp.Symbol], words: tuple[tuple[str, ...], ...] = ()) -> str:
    """The names as the notes wrote them: a word (``\\mathrm{depth}``, or a run of letters the parser split) as
    that word, quoted."""
    letters = {printing.text(x) for x in names}
    shown = [f"“{m.group(1)}”" for x in sorted(letters) if (m := re.fullmatch(r"\\mathrm\{([A-Za-z]+)\}", x))]
    split = [w for w in dict.fromkeys(w for group in words for w in group) if len(w) > 1 and set(w) <= letters]
    covered = {ch for w in split for ch in w}
    rest = sorted(x for x in letters if x not in covered and not x.startswith("\\mathrm{"))
    return ", ".join(rest + shown + [f"“{w}” (read as a product of its letters)" for w in split])
