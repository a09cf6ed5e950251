r"""Derivatives in one coordinate of a family the notes define with an index: ``∂L/∂z_k`` of a softmax loss.

Backpropagation notes define quantities per index and sum over it — ``\hat y_i = e^{z_i}/\sum_j e^{z_j}``,
``L = -\sum_i y_i \log \hat y_i`` — and then state the derivative in one coordinate, ``∂L/∂z_k = \hat y_k - y_k``.
Read as scalars, ``L``'s body writes no ``z_k`` at all (the sum holds ``z_j`` for a bound ``j``), so the
derivative cannot be taken. Here the family is written out at small sizes: the sums' symbolic bounds (``K``,
``n``) become 2 and then 3, every sum is written term by term, each ``\hat y_m`` is its definition at ``m``, and
the claim is checked at every coordinate ``k = 1, …, K``. That is a proof for the sizes checked, which the
verdict says; a claim that holds only when the targets sum to one (a one-hot or probability target) is proved
only where the notes say the target is one (undecided otherwise); a claim that differs even then is false, with
the size and coordinate where it does.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

import sympy as sp

from .. import printing
from .. import symbols as S
from ..proof import compare
from . import finite_sums
from .bind import GRADIENT_PREFIX, gradient_parts

#: The sizes the families are written out at (the proof is for these).
SIZES = (2, 3)
#: A name with a one-letter index: ``z_{k}``, ``\hat{y}_{i}``.
_INDEXED_NAME = re.compile(r"(?P<base>.+)_\{(?P<letter>[a-z])\}")
#: A member of a family at one index, a number or a letter: ``\hat{y}_{2}``, ``\hat{y}_{c}``.
_MEMBER = re.compile(r"(?P<base>.+)_\{(?P<index>\d+|[a-z])\}")
#: Words saying a target is one-hot or a probability vector, so that its entries sum to one.
_SUMS_TO_ONE = re.compile(r"one[- ]hot|probabilit|distribution|sums? to (?:one|1)|\\sum_\{?[a-z]\}?\S*\s*y_[a-z]\s*=\s*1",
                          re.IGNORECASE)


def decide(name: sp.Symbol, claimed: sp.Expr, definitions: Mapping[sp.Symbol, sp.Expr], text: str, words: str,
           seconds: float) -> tuple[str, str] | None:
    """The verdict on ``name = claimed`` (``name`` the derivative symbol ``∇_{z_k} L``): ("proved", why),
    ("false", why) when it differs at a size even with the targets summing to one, or ("undecided", why); None when
    the link is not of this kind (no indexed variable, no definition of ``L`` with a sum over the family).
    ``text`` is the document (does it say the target is one-hot?), ``words`` the sentence before the link (does it
    say ``k ≠ c``?)."""
    if not name.name.startswith(GRADIENT_PREFIX):
        return None
    variable, stem = gradient_parts(name.name)
    m = _INDEXED_NAME.fullmatch(variable or "")
    body = definitions.get(S.symbol(stem)) if stem else None
    if m is None or body is None:
        return None
    base, letter = m.group("base"), m.group("letter")
    families = {fm.group("base"): (fm.group("letter"), value) for key, value in definitions.items()
                if isinstance(key, sp.Symbol) and (fm := _INDEXED_NAME.fullmatch(key.name)) is not None}
    families.pop(base, None)  # z_k = w_kᵀx + b_k defined too: the derivative is in z, which stays a variable
    members = {fm.group("base") for x in body.free_symbols if (fm := _MEMBER.fullmatch(x.name))}
    if not families or not (body.has(sp.Sum) or members & families.keys()):
        return None  # L = −log ŷ_c with ŷ_i = e^{z_i}/Σ_j e^{z_j}: the sum comes with the member
    # L = −z_c + log Σ_j e^{z_j} with c the true class: ∂L/∂z_k differs as k is c or not; both cases are read
    if claimed.has(sp.Derivative) or any(x.name.startswith(GRADIENT_PREFIX) for x in claimed.free_symbols):
        return None  # d/dz_k[−z_c + log Σ_j e^{z_j}]: the derivative written as an operation, read elsewhere
    opened = _written(body, SIZES[0], families)  # ŷ_c put in: e^{z_c}/Σ_j e^{z_j} shows the z_c the cases turn on
    if opened is None:
        return None
    others = sorted({fm.group("letter") for x in opened.free_symbols | claimed.free_symbols
                     if (fm := _INDEXED_NAME.fullmatch(x.name)) and fm.group("base") == base and fm.group("letter") != letter})
    if len(others) > 1:
        return None
    what = f"written out at K = {', '.join(map(str, SIZES))} (every sum term by term, each coordinate {letter})"
    if not others and (case := _case_of_a_class(words, letter)) is not None \
            and re.search(rf"one[- ]hot|y_\{{?{case[0]}\}}?\s*=\s*1\b", text, re.IGNORECASE):
        # L = −Σ_k y_k log ŷ_k, "only y_c = 1", then "if j ≠ c: ∂L/∂z_j = ŷ_j": the case puts in the one-hot target
        other, equal = case
        held = _holds_at_one_hot(body, claimed, base, letter, families, seconds, equal)
        if held is None:
            return None
        scope = f"for {letter} {'=' if equal else '≠'} {other}, with the one-hot target y_{other} = 1"
        if held == "true":
            return "proved", f"the derivative {what}, {scope}"
        return "false", f"the derivative {what} differs {scope}: {held}"
    target = S.symbol(f"y_{{{letter}}}")
    hot = {"apart": {}, "equal": {}}
    if others and target in claimed.free_symbols and not any(x.name.startswith("y_") for x in opened.free_symbols):
        # L = −log ŷ_c and ∂L/∂z_k = ŷ_k − y_k: with a one-hot y (y_c = 1) the target is 0 apart from c, 1 at it
        if not _SUMS_TO_ONE.search(text):
            return "undecided", f"{printing.text(target)} appears on the written side only (is the target one-hot?)"
        hot = {"apart": {target: sp.Integer(0)}, "equal": {target: sp.Integer(1)}}
    cases = {"apart": _holds(body, claimed.xreplace(hot["apart"]), base, letter, families, seconds)}
    if others:
        other = others[0]
        merged = {S.symbol(f"{b}_{{{other}}}"): S.symbol(f"{b}_{{{letter}}}") for b in {base, *families, "y"}}
        cases["equal"] = _holds(body.xreplace(merged), claimed.xreplace(merged).xreplace(hot["equal"]), base, letter,
                                families, seconds)
    if any(verdict is None for verdict, _ in cases.values()):
        return None
    said = _case_said(words, letter, others[0]) if others else None
    considered = {"apart": cases["apart"]} if said == "apart" else {"equal": cases["equal"]} if said == "equal" else cases
    one_hot = any(needs for _, needs in considered.values() if needs)
    loose = next((verdict for verdict, _ in considered.values() if verdict.startswith("only written: ")), None)
    if loose is not None:  # a name the definitions never give (y_k where L has no target): not an identity's slip
        return "undecided", f"{loose.removeprefix('only written: ')} appears on the written side only"
    failed = [(case, verdict) for case, (verdict, _) in considered.items() if verdict != "true"]
    case_text = {"apart": f"{letter} ≠ {others[0]}" if others else "", "equal": f"{letter} = {others[0]}" if others else ""}
    if failed and len(considered) == 2 and len(failed) == 1:
        held = case_text[next(case for case in considered if case != failed[0][0])]
        return "undecided", f"the derivative {what} agrees only for {held}, which the words before it do not say"
    if failed:
        case, verdict = failed[0]
        where = f" (for {case_text[case]})" if case_text[case] else ""
        return "false", f"the derivative {what} differs{where}: {verdict}"
    if one_hot and not _SUMS_TO_ONE.search(text):
        return "undecided", (f"the derivative {what} agrees only when the targets sum to one, which the notes do not "
                             "say (a one-hot or probability target)")
    scope = f", for {case_text[said]}" if said else ""
    return "proved", f"the derivative {what}{scope}" + (", with the targets summing to one (one-hot)" if one_hot else "")


def _holds(body: sp.Expr, claimed: sp.Expr, base: str, letter: str, families: Mapping[str, tuple[str, sp.Expr]],
           seconds: float) -> tuple[str | None, bool]:
    """("true", needs) when ``∂body/∂base_k = claimed`` at every size and coordinate (``needs``: only with the
    targets summing to one), (where it fails, False) otherwise, (None, False) when the family cannot be written out."""
    one_hot = False
    # the families' sizes (K of Σ_{j=1}^{K}, N of a mean over samples) are one number on both sides
    sizes = {hi for e in (body, *(value for _, value in families.values())) for total in e.atoms(sp.Sum)
             for _, _lo, hi in total.limits if isinstance(hi, sp.Symbol)}
    for size in SIZES:
        for k in range(1, size + 1):
            loss = _written(_at(body, letter, k), size, families)
            right = _written(_at(claimed, letter, k).xreplace({x: sp.Integer(size) for x in sizes}), size, families)
            if loss is None or right is None:
                return None, False
            derivative = sp.diff(loss, S.symbol(f"{base}_{{{k}}}"))
            if compare(derivative, right, seconds=seconds).status == "true":
                continue
            targets = sorted((x for x in (derivative - right).free_symbols if x.name.startswith("y_{")), key=str)
            if len(targets) == size and compare(*(e.xreplace({targets[-1]: 1 - sp.Add(*targets[:-1])})
                                                  for e in (derivative, right)), seconds=seconds).status == "true":
                one_hot = True
                continue
            if loose := sorted({printing.text(S.symbol(x.name.replace(f"_{{{k}}}", f"_{{{letter}}}")))
                                for x in right.free_symbols - derivative.free_symbols}):
                return "only written: " + ", ".join(loose), False
            return f"at K = {size}, {letter} = {k}", False
    return "true", one_hot


def _holds_at_one_hot(body: sp.Expr, claimed: sp.Expr, base: str, letter: str,
                      families: Mapping[str, tuple[str, sp.Expr]], seconds: float, equal: bool) -> str | None:
    """"true" when ``∂body/∂base_k = claimed`` at every size and coordinate with the target one-hot at a class ``c``
    equal to ``k`` (``equal``) or apart from it, where it fails otherwise; None when the family cannot be written
    out or the body has no target ``y``."""
    for size in SIZES:
        for k in range(1, size + 1):
            loss = _written(_at(body, letter, k), size, families)
            right = _written(_at(claimed, letter, k), size, families)
            if loss is None or right is None:
                return None
            c = k if equal else k % size + 1
            hot = {S.symbol(f"y_{{{m}}}"): sp.Integer(1 if m == c else 0) for m in range(1, size + 1)}
            if not any(y in loss.free_symbols for y in hot):
                return None
            derivative = sp.diff(loss, S.symbol(f"{base}_{{{k}}}")).xreplace(hot)
            if compare(derivative, right.xreplace(hot), seconds=seconds).status != "true":
                return f"at K = {size}, {letter} = {k}, the class at {c}"
    return "true"


def _case_of_a_class(words: str, letter: str) -> tuple[str, bool] | None:
    """The case the words before the link put last, ``j ≠ c`` or ``j = c`` for the link's index ``j`` and one other
    letter: (that letter, whether equal); None when there is none."""
    pair = (rf"(?<![A-Za-z\\])(?:{letter}\s*(?P<rel1>\\neq?|\\ne|≠|!=|=)\s*(?P<o1>[a-zA-Z])"
            rf"|(?P<o2>[a-zA-Z])\s*(?P<rel2>\\neq?|\\ne|≠|!=|=)\s*{letter})(?![A-Za-z0-9_])")
    found = [m for m in re.finditer(pair, words) if (m.group("o1") or m.group("o2")) != letter]
    if not found:
        return None
    m = found[-1]
    return m.group("o1") or m.group("o2"), (m.group("rel1") or m.group("rel2")) == "="


def _case_said(words: str, letter: str, other: str) -> str | None:
    """Do the words before the link restrict it to ``k ≠ c`` ("apart") or to ``k = c`` ("equal")?"""
    pair = rf"(?:{letter}\s*(?P<rel1>\\neq?|\\ne|≠|!=|=)\s*{other}|{other}\s*(?P<rel2>\\neq?|\\ne|≠|!=|=)\s*{letter})"
    found = list(re.finditer(pair, words))
    if not found:
        return None
    rel = found[-1].group("rel1") or found[-1].group("rel2")
    return "equal" if rel == "=" else "apart"


def _at(expr: sp.Expr, letter: str, value: int | str) -> sp.Expr:
    """``expr`` with every name indexed by ``letter`` taken at ``value`` (``\\hat y_k - y_k`` at 2, or at ``c``)."""
    swap = {x: S.symbol(f"{m.group('base')}_{{{value}}}") for x in expr.free_symbols
            if (m := _INDEXED_NAME.fullmatch(x.name)) and m.group("letter") == letter}
    return expr.xreplace(swap)


def _written(expr: sp.Expr, size: int, families: Mapping[str, tuple[str, sp.Expr]]) -> sp.Expr | None:
    """``expr`` with sums over symbolic bounds written out at ``size`` terms and the family members it names put
    in from their definitions, as far as three levels (ŷ_m, then the sums inside its definition); None when a sum
    is left (bounds that are not a size, a family beyond three levels)."""
    for _ in range(4):
        bounds = {hi: sp.Integer(size) for total in expr.atoms(sp.Sum) for _, _lo, hi in total.limits
                  if isinstance(hi, sp.Symbol)}  # Σ_{j=1}^{K}, Σ_{i=1}^{n}: the size of the family
        expr = finite_sums.expand(expr.xreplace(bounds)) if bounds or expr.has(sp.Sum) else expr
        members = {x: (fam, m.group("index")) for x in expr.free_symbols
                   if (m := _MEMBER.fullmatch(x.name)) and (fam := m.group("base")) in families}
        if not members:
            break
        expr = expr.xreplace({x: _at(families[fam][1], families[fam][0], k) for x, (fam, k) in members.items()})
    if expr.has(sp.Sum) or any((m := _MEMBER.fullmatch(x.name)) and m.group("base") in families for x in expr.free_symbols):
        return None
    return expr
