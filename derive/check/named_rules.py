r"""An optimizer's rule written one display at a time, compared row by row with the rule of the optimizer its
section names.

Why: notes write Adam a line at a time, with sentences between ("first the moments …", "then correct the bias …",
"finally the step …"), in their own names (θ or W for the weights, α for the rate, δ_t for a gradient given in
words) and their own indexing (``W_{t+1} = W_t − α\hat m_t/(\sqrt{\hat v_t} + ε)``). No display then holds two
rows, no system forms, and a slip in one row (``\hat m_t = m_t/(1 − β_1)``, or a second moment that averages
``m_{t−1}``) was a definition like any other.

Here the rows in force at a section's weight update are gathered (the update and every name it reads, through
the section's definitions), and renamed to the catalog's: the updated weights to ``w_t`` and the weights they
start from to ``w_{t−1}``; the other rows' common step index to ``t``; their names to the catalog's row names by
a bijection; leftover names (α for η_t, δ_t for the gradient, B_2 for β_2) by a permutation, as
:func:`.catalog_match.identify` pairs them. A gradient row (``g_t = ∇L(w_{t−1})``) is put into the rows that read
it, on both sides, so that a note that writes ∇L inline is compared too.

Only a section whose heading or prose names exactly one method of this family (Adam, AdamW, NAdam, AMSGrad,
AdaMax, Adadelta …) is compared with that method, and only rules of four rows or more: momentum and RMSProp are
written in several correct conventions, and "AMSGrad is Adam except v̂" must not read as a slip in Adam. When
every row agrees at two random points the rule is recognised (a note); when one or two rows differ and three or
more agree (the update among them: ``m̂`` and ``v̂`` both divided by ``1 − β`` is one slip made twice), the rows that
differ are false, each with the method's row in the notes' names — unless counting the steps from 0 makes every
row agree (``1 − β^{t+1}`` in both corrections is a convention).

A rule restated for a penalty right after words that name plain descent, with no rule written before
(:func:`_descent_restated`), is read against plain descent's step in the same way the rule in force would be.
"""
from __future__ import annotations

import functools
import itertools
import random
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sympy as sp

from .. import printing
from .. import symbols as S
from ..budget import time_budget
from ..errors import BudgetExceeded
from ..proof import compare, evaluate, random_point
from . import recurrence, roots
from .bind import GRADIENT_PREFIX
from .findings import Finding

if TYPE_CHECKING:
    from .verify import DocumentChecker, Item

#: Catalog entries by the words that name them (a word boundary after "Adam" keeps "AdamW" out).
_NAMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("adamw", re.compile(r"\bAdamW\b", re.IGNORECASE)),
    ("adam", re.compile(r"\bAdam\b|\bАдам\w*", re.IGNORECASE)),
    ("nadam", re.compile(r"\bNAdam\b|\bNesterov[- ]accelerated Adam", re.IGNORECASE)),
    ("amsgrad", re.compile(r"\bAMSGrad\b", re.IGNORECASE)),
    ("adamax", re.compile(r"\bAdaMax\b", re.IGNORECASE)),
    ("adadelta", re.compile(r"\bAdaDelta\b", re.IGNORECASE)),
    ("radam", re.compile(r"\bRAdam\b", re.IGNORECASE)),
)
#: Methods of the family the catalog does not hold: a section that names one may be about it.
_OTHERS = re.compile(r"\b(?:AdaBelief|Yogi|LAMB|AdaBound|QHAdam|AdamP|Adafactor|Sophia|PAdam|AdaMod|Lookahead|"
                     r"AdaHessian|Apollo|Prodigy|Sign(?:SGD|um))\b", re.IGNORECASE)
#: Catalog keys of each named method (a method's variants in every mode are tried).
_ENTRIES = {"adamw": ("adamw", "adamw-paper"), "adam": ("adam",), "nadam": ("nadam",), "amsgrad": ("amsgrad",),
            "adamax": ("adamax",), "adadelta": ("adadelta",), "radam": ("radam",)}
_MIN_ROWS = 4  # rows compared after the gradient row is put in: Adam has m, v, m̂, v̂ and the update
_MAX_LEFTOVER = 3
#: A slip is named when at most two rows differ and three agree (the update among them): m̂ and v̂ both divided by
#: 1 − β rather than 1 − β^t is one slip made twice; more than that is another rule, not Adam with slips.
_MAX_DIFFERING = 2
_MIN_AGREEING = 3
_SECONDS = 3.0
_SAMPLES = 2


@dataclass
class Rule:
    """A section's update and the rows it reads, in the catalog's names (``rows``: catalog row name → value),
    with the item that writes each row."""

    weight: "Item"
    rows: dict[str, sp.Expr]
    items: dict[str, "Item"]


def named_method(text: str) -> str | None:
    """The one method of the family ``text`` names (its heading and prose), or None for none or several."""
    if _OTHERS.search(text):
        return None
    found = {key for key, pattern in _NAMES if pattern.search(text)}
    return found.pop() if len(found) == 1 else None


def _indexed(sym: sp.Symbol) -> recurrence.Indexed | None:
    ix = recurrence.read(sym)
    return ix if ix is not None and ix.letter in recurrence.STEP_LETTERS and not ix.more else None


def _closure(target: sp.Symbol, lookup: Callable[[sp.Symbol], sp.Expr | None],
             stop: set[sp.Symbol]) -> dict[sp.Symbol, sp.Expr]:
    """``target``'s row and every row it reads, through ``lookup`` (a name in ``stop`` is not followed)."""
    out: dict[sp.Symbol, sp.Expr] = {}
    todo = [target]
    while todo:
        name = todo.pop()
        if name in out or name in stop:
            continue
        value = lookup(name)
        if value is None:
            continue
        out[name] = value
        todo.extend(s for s in value.free_symbols if isinstance(s, sp.Symbol))
    return out


def _aligned(rows: dict[sp.Symbol, sp.Expr],
             weight: sp.Symbol) -> tuple[dict[sp.Symbol, sp.Expr], dict[sp.Symbol, sp.Expr]] | None:
    """The rows with the weights renamed to w_t, w_{t−1}, every other step index moved so that the rows' own
    index is t, and gradients at the starting weights as ∇L(w_{t−1}); with the renaming. None when the rows do
    not share one step index."""
    wx = _indexed(weight)
    if wx is None:
        return None
    prev = wx.at(wx.letter, wx.offset - 1)
    states = [t for t in rows if t != weight]
    offsets = {(ix.letter, ix.offset) for t in states if (ix := _indexed(t)) is not None}
    if len(offsets) != 1 or any(_indexed(t) is None for t in states):
        return None
    letter, offset = offsets.pop()
    if letter != wx.letter:
        return None
    step = S.symbol(letter)
    mapping: dict[sp.Symbol, sp.Expr] = {weight: S.symbol("w_{t}"), prev: S.w_prev}
    for expr in list(rows.values()) + states:
        for sym in (expr.free_symbols if isinstance(expr, sp.Expr) else ()):
            if sym in mapping or not isinstance(sym, sp.Symbol):
                continue
            if sym.name.startswith(GRADIENT_PREFIX) and sym.name.endswith(f"({prev.name})"):
                mapping[sym] = S.grad
            elif sym == step:
                mapping[sym] = S.symbol("t") - offset  # β^{t+1} over rows at t + 1 is β^t over rows at t
            elif (ix := _indexed(sym)) is not None and ix.letter == letter and ix.base != wx.base:
                mapping[sym] = ix.at("t", ix.offset - offset)
            elif (ix := _indexed(sym)) is not None and ix.base == wx.base:
                return None  # the weights at a third step: not one step of a rule
    return {mapping.get(t, t): roots.replace(v, mapping) for t, v in rows.items()}, mapping


def _gradient_rows(rows: dict[sp.Symbol, sp.Expr]) -> set[sp.Symbol]:
    """Rows that only bring the gradient in (``g_t = ∇L(w_{t−1}) + λw_{t−1}``): no state of the rule in them."""
    others = set(rows)
    return {t for t, v in rows.items()
            if S.grad in v.free_symbols and not (v.free_symbols & others) and t.name != "w_{t}"}


def _inline(rows: dict[sp.Symbol, sp.Expr], names: set[sp.Symbol]) -> dict[sp.Symbol, sp.Expr]:
    put = {t: rows[t] for t in names}
    return {t: v.xreplace(put) for t, v in rows.items() if t not in names}


def _catalog_rows(variant) -> dict[sp.Symbol, sp.Expr]:  # type: ignore[no-untyped-def]
    rows = {S.symbol(name): expr for name, expr in variant.rows}
    return _inline(rows, _gradient_rows(rows))


def _previous(sym: sp.Symbol) -> sp.Symbol | None:
    ix = recurrence.read(sym)
    return ix.at(ix.letter, ix.offset - 1) if ix is not None and ix.letter is not None else None


def _agree(mine: sp.Expr, theirs: sp.Expr, points: list[dict[sp.Symbol, sp.Expr]]) -> bool:
    for point in points:
        a, b = evaluate(mine, point), evaluate(theirs, point)
        if a is None or b is None or abs(complex(a) - complex(b)) > 1e-9 * max(1.0, abs(complex(b))):
            return False
    return True


@dataclass
class Match:
    variant: object
    agreeing: int
    differing: list[tuple[sp.Symbol, sp.Symbol, sp.Expr, sp.Expr]]  # (catalog name, written name, written, catalog)
    back: dict[sp.Symbol, sp.Expr]  # the catalog's names to the rows' (after alignment), to show its row as the notes would
    pairs: list[tuple[sp.Expr, sp.Expr]]  # every row, written and the catalog's, in the catalog's names
    points: list[dict[sp.Symbol, sp.Expr]]

    def counts_otherwise(self) -> bool:
        """Do all rows agree once the step is counted from the other end (``1 − β_1^{t+1}`` for a count from 0)?
        A convention of the notes, not a slip."""
        t = S.symbol("t")
        return any(all(_agree(mine, theirs.xreplace({t: t + s}), self.points) for mine, theirs in self.pairs)
                   for s in (1, -1))


def _best(written: dict[sp.Symbol, sp.Expr], variants) -> Match | None:  # type: ignore[no-untyped-def]
    """The variant, bijection of row names and pairing of leftover names under which most rows agree."""
    best: Match | None = None
    w_t = S.symbol("w_{t}")
    mine_states = [t for t in written if t != w_t]
    for variant in variants:
        theirs = _catalog_rows(variant)
        if len(theirs) != len(written) or w_t not in theirs:
            continue
        their_states = [t for t in theirs if t != w_t]
        free_theirs = set().union(*(v.free_symbols for v in theirs.values())) - set(theirs)
        for perm in itertools.permutations(their_states):
            names = dict(zip(mine_states, perm))
            names[w_t] = w_t
            rename: dict[sp.Symbol, sp.Symbol] = {}
            for a, b in names.items():
                rename[a] = b
                pa, pb = _previous(a), _previous(b)
                if pa is not None and pb is not None:
                    rename[pa] = pb
            renamed = {names[t]: v.xreplace(rename) for t, v in written.items()}
            free_mine = set().union(*(v.free_symbols for v in renamed.values())) - set(renamed)
            extra = sorted(free_mine - free_theirs, key=lambda s: s.name)
            missing = sorted(free_theirs - free_mine, key=lambda s: s.name)
            if not len(extra) <= len(missing) <= len(extra) + 1 or len(extra) > _MAX_LEFTOVER:
                continue  # (a row that slipped may lose a name: v_t written with m_{t−1} reads no v_{t−1})
            rng = random.Random(0)
            points = [random_point(free_theirs | set(theirs), rng) for _ in range(_SAMPLES)]
            for pairing in itertools.permutations(missing, len(extra)):
                pair = dict(zip(extra, pairing))
                differing = []
                agreeing = 0
                pairs = []
                for name, value in renamed.items():
                    mine = value.xreplace(pair)
                    pairs.append((mine, theirs[name]))
                    if _agree(mine, theirs[name], points):
                        agreeing += 1
                    else:
                        differing.append((name, next(t for t, n in names.items() if n == name), mine, theirs[name]))
                if best is None or agreeing > best.agreeing:
                    back = {b: a for a, b in rename.items()} | {b: a for a, b in pair.items()}
                    best = Match(variant, agreeing, differing, back, pairs, points)
                if not differing:
                    return best
    return best


def lone_rules(checker: "DocumentChecker", least: int = _MIN_ROWS, every: bool = False) -> Iterator[Rule]:
    """Each section's last weight update that is a lone definition (``every``: each such update, as a section may
    write Adagrad and then RMSProp), with the rows it reads (``least`` of them or more, the update among them)."""
    in_systems = {id(it) for scope in checker.systems for it in scope.rows.values()}
    last: dict[int | tuple[int, int], "Item"] = {}
    for item in checker.items:
        target = checker._definition_target(item)
        if target is None or not _defines(checker, item) or id(item) in in_systems or (ix := _indexed(target)) is None:
            continue
        value = checker._definitions(item, own=True).get(target)
        prev = ix.at(ix.letter, ix.offset - 1)
        if value is not None and prev in value.free_symbols:
            last[(item.section, item.index) if every else item.section] = item
    for item in last.values():
        target = checker._definition_target(item)
        assert target is not None
        definitions = checker._definitions(item, own=True)
        ix = _indexed(target)
        assert ix is not None
        writers: dict[sp.Symbol, "Item"] = {}
        lookup = functools.partial(_row_of, checker, item, definitions, writers)
        rows = _closure(target, lookup, {ix.at(ix.letter, ix.offset - 1)})
        if len(rows) >= least:
            yield Rule(item, rows, writers)


def _row_of(checker: "DocumentChecker", upto: "Item", view: Mapping[sp.Symbol, sp.Expr],
            writers: dict[sp.Symbol, "Item"], name: sp.Symbol) -> sp.Expr | None:
    """``name``'s row as ``upto``'s section writes it last (a rule restated under "Finalizing Adam" is that
    section's, though the reading in force may be the first section's), noting its item in ``writers``; else the
    reading in force."""
    writer = next((it for it in reversed(checker.items[: upto.index + 1])
                   if it.section == upto.section and checker._definition_target(it) == name
                   and _defines(checker, it)), None)
    if writer is not None and (value := checker._prepare(writer.stmt.terms[1].expr, writer)) is not None:
        writers[name] = writer
        return value
    return view.get(name)


def _defines(checker: "DocumentChecker", item: "Item") -> bool:
    """Does ``item``'s first link define (not "if g_t = g is constant, m_t = (1 − β_1^t)g", an example's claim)?"""
    verdict = checker.verdicts.get((item.index, 0))
    return verdict is not None and verdict[0] == "not-a-claim" and verdict[1].startswith("definition")


def _descent_restated(checker: "DocumentChecker") -> None:
    """"In SGD, this is weight decay: $w_t = (1 − αλ)w_{t−1} − α∇ℓ(w_{t−1})$" with no rule written before: the
    words name plain descent, whose rule ``w_{t−1} − α∇ℓ(w_{t−1})`` (the rate and gradient as written) is then the
    rule in force, and the restatement is read against it on the objective the prose regularizes
    (:func:`.regularized.decide`). Only a lone definition of an iterate whose sentence names plain descent and no
    method with a state of its own."""
    from . import regularized

    for item in checker.items:
        target = checker._definition_target(item)
        if target is None or not _defines(checker, item) or (ix := _indexed(target)) is None:
            continue
        sentence = checker._sentence_before(item.index)
        if not regularized.PLAIN_DESCENT.search(sentence) or regularized.NOT_PLAIN.search(sentence):
            continue
        restated = checker._prepare(item.stmt.terms[1].expr, item)
        point = ix.at(ix.letter, ix.offset - 1)
        rule = regularized.plain_descent(restated, point) if restated is not None else None
        if rule is None:
            continue
        new = {x for x in restated.free_symbols - rule.free_symbols if isinstance(x, sp.Symbol)}
        if not new:
            continue  # the plain rule itself: a definition
        source = f"plain gradient descent, which the words name ({printing.text(target)} = {printing.text(rule)})"
        try:
            with time_budget(_SECONDS):
                reading = regularized.decide(rule, restated, new, checker._words_before(item.index, 2000), 0, source)
        except (BudgetExceeded, TypeError, ValueError):
            continue
        if reading is not None:
            checker._decide_regularized(item, 0, reading, override=True)


def compare_rules(checker: "DocumentChecker") -> list[Finding]:
    """Findings (and link verdicts) for the rules of :func:`lone_rules` in sections that name their method, and for a
    rule restated for a penalty after words that name plain descent (:func:`_descent_restated`)."""
    from .catalog_match import _variants

    mark = len(checker.findings)
    _descent_restated(checker)
    findings: list[Finding] = list(checker.findings[mark:])  # (reported after verify() handed its findings on)
    for rule in lone_rules(checker):
        method = named_method(checker.section_words(rule.weight))
        if method is None:
            continue
        variants = [v for v in _variants() if v.name in _ENTRIES[method] and not v.mistake]
        target = checker._definition_target(rule.weight)
        assert target is not None
        try:
            with time_budget(_SECONDS):
                aligned = _aligned(rule.rows, target)
                if aligned is None:
                    continue
                rows, aligning = aligned
                written = _inline(rows, _gradient_rows(rows))
                if len(written) < _MIN_ROWS:
                    continue
                match = _best(written, variants)
        except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
            continue
        if match is None:
            continue
        variant = match.variant
        where = f"{variant.description}, which the section names"  # type: ignore[attr-defined]
        if not match.differing:
            line, col = rule.weight.block.position(rule.weight.stmt.terms[0].start)
            findings.append(Finding(checker.path, line, col, "info", "system/recognized",
                                    f"the rows read by this update are {where}"))
            continue
        if len(match.differing) > _MAX_DIFFERING or match.agreeing < _MIN_AGREEING or match.counts_otherwise():
            continue
        others = "every other row agrees with it" if len(match.differing) == 1 else \
            f"{match.agreeing} of its {match.agreeing + len(match.differing)} rows agree with it"
        wrong = []
        for name, mine_name, mine, theirs in match.differing:
            original = target if name.name == "w_{t}" else next(
                (t for t in rule.rows if t != target and _same_row(t, mine_name)), None)
            row = rule.items.get(original) if original is not None else None
            if row is None or original is None or compare(mine, theirs, seconds=_SECONDS).status != "false":
                break  # (two random points told them apart; the row is false only when the comparison agrees)
            wrong.append((row, original, _in_notes_names(theirs, match.back, aligning)))
        else:
            for row, original, shown in wrong:
                line, col = row.block.position(row.stmt.terms[0].start)
                reason = f"{where}, has {printing.text(original)} = {printing.text(shown)} ({others})"
                findings.append(Finding(
                    checker.path, line, col, "error", "system/differs",
                    f"this row differs from {variant.description}, which the section names: "  # type: ignore[attr-defined]
                    f"written {printing.text(original)} = {printing.text(rule.rows[original])}, the method has "
                    f"{printing.text(original)} = {printing.text(shown)} ({others})"))
                checker.decide(row, 0, "false", reason, override=True)
    return findings


def _in_notes_names(expr: sp.Expr, back: dict[sp.Symbol, sp.Expr], aligning: dict[sp.Symbol, sp.Expr]) -> sp.Expr:
    """A catalog row in the notes' names: the pairing and bijection undone, then the alignment (``w_{t−1}`` back
    to ``W_t``, t back to the notes' step)."""
    expr = expr.xreplace(back)
    undo: dict[sp.Basic, sp.Expr] = {}
    for mine, theirs in aligning.items():
        if isinstance(theirs, sp.Symbol):
            undo[theirs] = mine
        else:  # the step letter: t − offset in the catalog's rows is the notes' t
            t = S.symbol("t")
            undo[t] = mine + (t - theirs)
    return roots.replace(expr, undo)


def _same_row(original: sp.Symbol, aligned_name: sp.Symbol) -> bool:
    """Is ``original`` (the notes' name) the row that aligning renamed to ``aligned_name``? Same stem and step."""
    a, b = recurrence.read(original), recurrence.read(aligned_name)
    return a is not None and b is not None and a.base == b.base
