r"""A weight-decay step that grows the weights: ``W_n \leftarrow W_{n-1} + \lambda\eta W_{n-1}``.

Decoupled weight decay (AdamW, SGDW) multiplies the weights by ``1 − ηλ`` outside the adaptive step, and an L2
term adds ``λw`` to the gradient, which the step then subtracts: either way the weights shrink. A rule that
writes the previous weights times ``1 + s``, with ``s`` a product of the positive hyperparameters (a rate, a
decay coefficient), under words that name weight decay, grows them instead: the sign is flipped. That is
the slip this module reports (an error on the rule's line, with the factor the method has).

Only a rule of exactly that shape is read: the new value of one stepped quantity, the old value of the same
quantity times a factor, and nothing else (no gradient term, no other state). Its factor must be ``1 + s``
with ``s`` built from symbols by products and quotients only (``λη``, ``λ/η``), one of them the decay
coefficient (``λ``, ``wd``), positive whatever the values: a learning rate and a decay coefficient are never
negative in notes. A rule with a gradient, or a
factor such as ``1 − ηλ`` or ``1 + ηλ − ηβ``, is left alone.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import sympy as sp

from .. import printing
from .findings import Finding
from .recurrence import read as read_index

if TYPE_CHECKING:
    from .verify import DocumentChecker

#: Words that name weight decay, in the languages of the notes read.
DECAY_WORDS = re.compile(r"weight[ -]decay|\bAdamW\b|\bSGDW\b|decoupled|затухани\w* вес|decay|"
                         r"权重衰减|权值衰减|重み減衰|가중치 감쇠|Gewichtsabnahme|décroissance des poids", re.IGNORECASE)
#: The names notes give the decay coefficient: λ (with a subscript or not), wd, a "decay" or "wd" label.
_DECAY_COEFFICIENT = re.compile(r"\\lambda(?:_\{?\w+\}?)?|λ|w_?d|\\mathrm\{wd\}|\\text\{wd\}|.*decay.*")
#: How far back the words may be (a heading and its sentence).
_WINDOW = 400


def grown_weights(checker: DocumentChecker) -> list[Finding]:
    """An error for each rule under weight-decay words that multiplies the old weights by ``1 + s``, ``s > 0``."""
    findings: list[Finding] = []
    for item in checker.items:
        stmt = item.stmt
        if len(stmt.relations) != 1 or stmt.relations[0] not in ("=", "<-"):
            continue
        left, right = stmt.terms[0].expr, stmt.terms[1].expr
        factor = _growth(left, right)
        if factor is None or not DECAY_WORDS.search(checker._words_before(item.index, _WINDOW)):
            continue
        line, col = item.block.position(stmt.terms[1].start)
        shrink = printing.text(2 - factor)
        findings.append(Finding(
            checker.path, line, col, "error", "system/decay-grows",
            f"this weight-decay step multiplies the weights by {printing.text(factor)}, which is more than 1: it "
            f"grows them. Decay shrinks them: {shrink} (the sign of the decay term is flipped)"))
    return findings


def _growth(left: sp.Expr | None, right: sp.Expr | None) -> sp.Expr | None:
    """The factor ``1 + s`` of ``left = (1 + s)·old``, ``old`` the same quantity one step before and ``s`` a
    positive product of symbols; None for any other rule."""
    if not isinstance(left, sp.Symbol) or right is None:
        return None
    new = read_index(left)
    if new is None or new.letter is None:
        return None
    olds = [x for x in right.free_symbols if isinstance(x, sp.Symbol) and (ix := read_index(x)) is not None
            and ix.base == new.base and ix.letter == new.letter and ix.offset == new.offset - 1]
    if len(olds) != 1:
        return None
    old = olds[0]
    factor = sp.cancel(right / old)
    if factor.has(old) or not factor.free_symbols:
        return None
    s = sp.expand(factor - 1)
    if s == 0 or isinstance(s, sp.Add):
        return None  # (1 + ηλ − ηβ)w: a sum of terms of either sign, no decay read off it
    coefficient, rest = s.as_coeff_Mul()
    bases = [b.as_base_exp()[0] for b in sp.Mul.make_args(rest)]
    if coefficient <= 0 or not all(isinstance(b, sp.Symbol) and read_index(b) is None for b in bases):
        return None
    if not any(_DECAY_COEFFICIENT.fullmatch(b.name) for b in bases):
        return None  # (1 + β)v_{t−1}: no decay coefficient in it, whatever the words around say
    return factor
