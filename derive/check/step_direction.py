r"""Does a gradient method's weight update step against the gradient? The first step, tried at four points.

Why: a rule that drops its minus sign (``θ_{t+1} = θ_t \frac{η}{\sqrt{G_t} + ε} ⊙ g_t``) or writes a plus for a
minus is still a definition: no link of the notes compares it with anything, and a method the catalog compares
row by row (:mod:`.named_rules`) needs four rows and one convention, which momentum, RMSProp and Adagrad do not
have. Whatever the convention, one thing holds for every descent method: from a state of zeros, the first step
moves the weights against the gradient, by an amount the weights themselves barely change.

So the update is written out through the rows it reads (the section's definitions, or its system's), the
previous states are put to zero, the step counter to 1, every other letter (rates, β, ε, λ) to a small positive
number (drawn twice: a finding must hold for both draws), and the step ``θ_t − θ_{t−1}`` is computed from
``θ_{t−1} = ±1/10`` with the gradient ``±1``. A descent step has the sign opposite to the gradient's at all four
points. Two failures are reported, each on the update:

* the weights set the direction (``θ_{t−1}·η g/(…)`` moves toward 0 whatever the gradient): a sign or an operator
  is missing — any gradient method. Only a wrong move from positive weights counts: a multiplicative rule
  (``θ_{t−1}e^{−ηg}``, exponentiated gradient) is meant for positive weights and descends there;
* every step goes with the gradient: ascent. That is right for a likelihood, a reward or anything maximised, so
  it is reported only where the section names a descent method and no word of ascent or maximising.

The gradient is a ``∇`` atom of the rule or, where the section names a gradient method, a letter ``g`` the notes
leave undefined (``g_t``). A rule whose step cannot be computed (a sum over the data, an undefined function) says
nothing: the check is a net under the catalog's comparison, never a source of undecided links.
"""
from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sympy as sp

from .. import printing
from ..budget import time_budget
from ..errors import BudgetExceeded
from ..proof import evaluate
from . import recurrence
from .bind import GRADIENT_PREFIX, HESSIAN_PREFIX, CircularDefinition, substitute
from .findings import Finding

if TYPE_CHECKING:
    from .verify import DocumentChecker, Item

#: Words of a gradient method: a letter g in its rule is the gradient.
GRADIENT_METHOD = re.compile(
    r"gradient|градиент|梯度|勾配|경사|Gradient|gradiente|\bS?GD\b|momentum|Nesterov|Adam|RMS ?prop|Adagrad|"
    r"Adadelta|импульс|моментум|动量|모멘텀", re.I)
#: Words of descent: a step along the gradient is reported only where the section says it descends.
DESCENT = re.compile(
    r"descent|спуск|下降|降下|하강|descenso|descente|Abstieg|minimi[sz]|минимиз|最小化|minimiz|\bS?GD\b|momentum|"
    r"Nesterov|Adam|RMS ?prop|Adagrad|Adadelta", re.I)
#: Words of ascent or maximising (a likelihood, a reward, a policy's return): a step along the gradient is right.
ASCENT = re.compile(
    r"ascent|подъ[её]м|восхожд|上升|上昇|상승|ascenso|montée|Aufstieg|maximi[sz]|максимиз|最大|maximiz|maximier|"
    r"likelihood|правдоподоб|似然|尤度|vraisemblance|verosimilitud|reward|награ|奖励|return|policy|Lagrang|dual|"
    r"\bELBO\b|\bascend", re.I)

#: Letters notes call weights by (after a style such as \\mathbf is taken off).
WEIGHT_LETTERS = frozenset({"w", "W", "\\theta", "\\Theta", "x", "\\omega"})
_WEIGHT = sp.Rational(1, 10)
_SECONDS = 2.0


@dataclass(frozen=True)
class Step:
    """The first step at one point: weights before, the gradient, and the move."""

    before: sp.Rational
    gradient: int
    move: float


def _indexed(sym: sp.Symbol) -> recurrence.Indexed | None:
    ix = recurrence.read(sym)
    return ix if ix is not None and ix.letter in recurrence.STEP_LETTERS and not ix.more else None


def _updates(checker: "DocumentChecker") -> Iterator[tuple["Item", sp.Symbol, dict[sp.Symbol, sp.Expr]]]:
    """Each weight update written as a lone definition, with the rows it reads, and each system's update with its
    rows."""
    from .catalog_match import _weight_target
    from .named_rules import lone_rules

    for rule in lone_rules(checker, least=1, every=True):
        target = checker._definition_target(rule.weight)
        if target is not None:
            yield rule.weight, target, rule.rows
    for scope in checker.systems:
        weight = _weight_target(scope)
        if weight is not None and weight in scope.rows:
            yield scope.rows[weight], weight, dict(scope.definitions)


def _letter(stem: str) -> str:
    """``\\mathbf{w}`` and ``\\boldsymbol{\\theta}`` read as w and θ: the style is not the quantity."""
    return re.sub(r"^\\(?:mathbf|boldsymbol|bm|vec|mathbold)\{(.+)\}$", r"\1", stem.strip())


def _gradients(expr: sp.Expr, before: sp.Symbol, weight: sp.Symbol, named: bool) -> set[sp.Symbol]:
    """The rule's gradients: its ``∇`` atoms taken at the weights (``∇L(β_{t−1})``; with a letter weights are called
    by, also at a point beside them, ``∇L(θ_{t−1} + μv_{t−1})``), else, where the section names a gradient method
    (``named``) and the updated letter is one weights are called by, its letters g. (An average of gradients,
    ``v_t = βv_{t−1} + (1 − β)g_t`` or Nesterov's ``v_t = γv_{t−1} + η∇J(θ_{t−1} − γv_{t−1})``, is no weight update:
    it goes with the gradient by design.)"""
    wx = recurrence.read(weight)
    weights = wx is not None and _letter(wx.stem) in WEIGHT_LETTERS
    atoms = {s for s in expr.free_symbols if isinstance(s, sp.Symbol) and s.name.startswith(GRADIENT_PREFIX)
             and not s.name.startswith(HESSIAN_PREFIX) and (f"({before.name})" in s.name or f"({weight.name})" in s.name
                                                            or weights and before.name in s.name)}
    if atoms or not named or not weights:
        return atoms
    return {s for s in expr.free_symbols if isinstance(s, sp.Symbol) and (ix := recurrence.read(s)) is not None
            and _letter(ix.stem) == "g"}


def first_steps(update: sp.Expr, before: sp.Symbol, gradients: set[sp.Symbol],
                states: frozenset[str] = frozenset(), seed: int = 0) -> list[Step] | None:
    """The step ``update − before`` from ``before = ±1/10`` with every gradient ``±1``: the ``states`` (the bases of
    the rule's rows, ``G`` of ``G_t = G_{t−1} + g_t²``) a step back put to 0, the step letter to 1, other letters to
    small positive values drawn with ``seed`` (a rate at the step, ``γ_t``, too). None when a value cannot be computed or is not a real
    number, or the update reads a Latin letter at the step that no row in force defines (``m̂_t`` defined only after
    the rule, ``v_t`` whose row could not be read): a state unknown."""
    wx = _indexed(before)
    if wx is None:
        return None
    rng = random.Random(seed)
    fixed: dict[sp.Symbol, sp.Expr] = {}
    for sym in update.free_symbols - gradients - {before}:
        if not isinstance(sym, sp.Symbol):
            return None
        ix = _indexed(sym)
        if sym.name == wx.letter:
            fixed[sym] = sp.Integer(1)
        elif ix is not None and ix.letter == wx.letter and ix.offset <= wx.offset and ix.base in states:
            fixed[sym] = sp.Integer(0)  # m_{t−1}, G_{t−1}: a state of zeros before the first step
        elif ix is not None and ix.base == wx.base:
            return None  # the weights at another step: not one step of a rule
        elif ix is not None and ix.letter == wx.letter and re.match(r"[A-Za-z]", _letter(re.sub(
                r"^\\(?:hat|bar|tilde|widehat|overline)\{(.+)\}$", r"\1", ix.stem))):
            return None  # m̂_t, defined only after the rule ("with m̂_t = …"): a state whose row is not in force
        else:
            fixed[sym] = sp.Rational(rng.randint(20, 200), 1000)
    steps = []
    for weight in (_WEIGHT, -_WEIGHT):
        for sign in (1, -1):
            point = {**fixed, before: weight, **{g: sp.Integer(sign) for g in gradients}}
            value = evaluate(update - before, point)
            if value is None or abs(value.imag) > 1e-20 or value.real == 0:
                return None
            steps.append(Step(weight, sign, float(value.real)))
    return steps


def _pattern(steps: list[Step]) -> tuple[bool, ...]:
    """Which of the four first steps go against the gradient: what a finding rests on, the same for every draw."""
    return tuple((s.move < 0) == (s.gradient > 0) for s in steps)


def _show(step: Step, before: sp.Symbol, gradient: str) -> str:
    return f"from {printing.text(before)} = {step.before} with {gradient} = {step.gradient} it moves {step.move:+.4g}"


def check_directions(checker: "DocumentChecker") -> list[Finding]:
    """Findings (and a false verdict on the update) for first steps that do not go against the gradient."""
    findings: list[Finding] = []
    seen: set[int] = set()
    for item, weight, rows in _updates(checker):
        if item.index in seen or checker.verdicts.get((item.index, 0), ("",))[0] == "false":
            continue
        seen.add(item.index)
        wx = _indexed(weight)
        if wx is None:
            continue
        before = wx.at(wx.letter, wx.offset - 1)
        words = checker.section_words(item)
        named = bool(GRADIENT_METHOD.search(words))
        # g_t kept whole where the section names a gradient method: the gradient, whatever the notes wrote it out as
        # elsewhere (g_t = 2X^⊤(Xθ_t − y) for the loss of an earlier task)
        held = {t for t in rows if named and (ix := recurrence.read(t)) is not None and _letter(ix.stem) == "g"}
        try:
            with time_budget(_SECONDS):
                update = substitute(rows[weight], rows, hold=frozenset({before} | held))
                gradients = _gradients(update, before, weight, named)
                if not gradients or before not in update.free_symbols:
                    continue
                states = frozenset(ix.base for t in rows if (ix := recurrence.read(t)) is not None)
                # two draws of the other letters: a finding holds for both, never for one lucky set of values
                drawn = [first_steps(update, before, gradients, states, seed) for seed in (0, 1)]
        except (BudgetExceeded, CircularDefinition, TypeError, ValueError, ZeroDivisionError, KeyError, RecursionError):
            continue  # (a rule that cannot be written out or computed says nothing: a net, never an error)
        if any(steps is None for steps in drawn) or len({_pattern(steps) for steps in drawn}) != 1:  # type: ignore[arg-type]
            continue
        steps = drawn[0]
        assert steps is not None
        against = [s for s in steps if (s.move < 0) == (s.gradient > 0)]
        if len(against) == len(steps):
            continue
        gradient = printing.text(sorted(gradients, key=lambda s: s.name)[0])
        if not against:
            if not DESCENT.search(words) or ASCENT.search(words):
                continue
            why = (f"every first step goes with the gradient, not against it ({_show(steps[0], before, gradient)}): "
                   f"the section names a descent method — a minus sign missing?")
        else:
            wrong = next((s for s in steps if s not in against and s.before > 0), None)
            if wrong is None:
                continue  # only negative weights move wrong: a multiplicative rule (θe^{−ηg}) for positive weights
            why = (f"the first step does not go against the gradient: {_show(against[0], before, gradient)}, but "
                   f"{_show(wrong, before, gradient)} (states before it 0, other letters small and positive) — "
                   f"a sign or an operator missing?")
        line, col = item.block.position(item.stmt.terms[0].start)
        findings.append(Finding(checker.path, line, col, "error", "system/not-descent", why))
        checker.decide(item, 0, "false", why, override=True)
    return findings
