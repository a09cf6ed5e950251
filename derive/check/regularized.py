r"""An update rule restated for a regularized objective: ``θ_{t+1} = (1 − ηλ)θ_t − η∇L(θ_t)``.

Why: this is the founding exercise of weight-decay notes. They state a rule (``θ_{t+1} = θ_t − η∇L(θ_t)``),
add a penalty in the prose (``L(θ) + \frac{λ}{2}‖θ‖²``, or ``∇Q = ∇L + λθ``) and restate the rule with λ
in it. The restated rule reads a name the rule in force does not (λ), so the checker took it for another
scheme and never compared it — the one claim these notes exist to make was never checked, and a slip in it
(``1 − λ`` for ``1 − ηλ``, the penalty counted twice) passed.

The claim is read the way the notes mean it: the rule in force with its gradient ``∇L(θ_t)`` replaced by
the gradient of the regularized objective, ``∇L(θ_t) + kθ_t`` where the penalty ``c‖θ‖²`` gives ``k = 2c``.
The penalty is taken from the math written before the rule in its section, never guessed from its
coefficient's letter; without one, words that name L2 regularization or weight decay stand for the usual
``\frac{λ}{2}‖θ‖²`` and only ever prove. A restatement that differs is false only when a penalty is written, the
prose does not speak of decoupled decay (AdamW and SGDW decay the weights outside the step, a rule of its own), and
the gradient enters the rule linearly (SGD, momentum; Adam's ``m̂/√v̂`` is another matter). A
penalty of another kind written last (``λ‖θ‖₁``) means the rule is that objective's: not compared.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from .. import printing
from ..proof import Verdict, compare
from .bind import GRADIENT_PREFIX, atomize, gradient_parts
from .latex import LatexParseError, parse_expr
from .recurrence import base_of

#: Math in the prose before a rule: ``$…$``, ``$$…$$``, ``\(…\)``, ``\[…\]`` and the display environments.
_MATH = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$|\\\[(.+?)\\\]|\\\((.+?)\\\)"
                   r"|\\begin\{(?:equation|align|gather|multline)\*?\}(.+?)\\end\{(?:equation|align|gather|multline)\*?\}",
                   re.S)
#: Where one formula of a display ends or its sides part.
_PIECES = re.compile(r"=|\\\\|&|\\quad|\\qquad|\\Rightarrow|\\implies|\\to|,\s")
#: Words that name the penalty without writing it (then ½λ‖θ‖², the usual weight decay, is meant).
_PENALTY_WORDS = re.compile(r"\bL_?\{?2\}?\b|\bl_?2\b|ℓ_?2|weight[- ]decay|ridge|regulari[sz]|Tikhonov|регуляриз|"
                            r"затухани|正则|权重衰减|정규화|가중치 감쇠|régularis|Regularisier|regulariza", re.I)
#: Words that announce decay outside the step (its own rule, not the penalty's gradient).
#: ("Weight decay" alone is not among them: notes say it of the L2 penalty too, "in SGD this is weight decay".)
_DECOUPLED = re.compile(r"decoupl|AdamW|SGDW|отвязан|раздельн|解耦|분리", re.I)
#: A rule this small is shown with the iterate's terms collected; a larger one is left as the rule writes it.
_COLLECTED_OPS = 40
#: A heading: the prose before a rule is read back to its section's start only.
_HEADING = re.compile(r"^\s*#{1,6}\s|\\(?:sub)*section\*?\s*\{|^\s*\\chapter", re.M)


@dataclass(frozen=True)
class Penalty:
    """What the prose adds to the objective: its gradient is ``coefficient·θ``; ``written`` says where from."""

    coefficient: sp.Expr
    written: str


def plain_base(name: str) -> str:
    """``\\mathbf{w}_{t}`` → ``w``: the letter a penalty and a rule share, whatever its typeface or step."""
    base = base_of(name) or name
    while (m := re.fullmatch(r"\\(?:mathbf|boldsymbol|bm|vec|mathbold|pmb)\s*\{(.+)\}", base)) is not None:
        base = m.group(1)
    return base.strip()


def _squared_letter(factor: sp.Expr, letter: str) -> bool:
    """Whether ``factor`` is ‖θ‖², θᵀθ (read θ²), or Σ_i θ_i² for the iterate's letter."""
    if isinstance(factor, sp.Pow) and factor.exp == 2:
        inner = factor.base
        if isinstance(inner, sp.Function) and type(inner).__name__ == "Norm" and len(inner.args) >= 1:
            inner = inner.args[0]
        return isinstance(inner, sp.Symbol) and plain_base(inner.name) == letter
    if isinstance(factor, sp.Sum) and isinstance(factor.function, sp.Pow) and factor.function.exp == 2:
        inner = factor.function.base
        return isinstance(inner, sp.Symbol) and plain_base(inner.name.split("[")[0]) == letter
    return False


def _other_penalty(term: sp.Expr, new: set[sp.Symbol]) -> bool:
    """Whether ``term`` is a penalty of another kind in a new name: ``λ‖θ‖₁``, ``λ|θ|``, ``λ sign(θ)``, ``λ‖θ‖``."""
    if not term.free_symbols & new:
        return False
    for node in sp.preorder_traversal(term):
        if isinstance(node, (sp.Abs, sp.sign)):
            return True
        if isinstance(node, sp.Function) and type(node).__name__ == "Norm" and (
                len(node.args) > 1 or not any(isinstance(p, sp.Pow) and p.base == node and p.exp == 2
                                              for p in sp.preorder_traversal(term))):
            return True
    return False


class _Another(Exception):
    """The latest penalty in the prose is of another kind (an L1 term): the rule after it is not the L2 one's."""


def _from_expression(expr: sp.Expr, letter: str, new: set[sp.Symbol]) -> sp.Expr | None:
    """The gradient coefficient of a penalty term of ``expr``: 2c for ``c‖θ‖²``, or k for ``kθ`` next to a gradient
    (``∇L(θ) + λθ``); only a coefficient that reads a name the restated rule introduces counts. Raises
    :class:`_Another` at a penalty of another kind in those names (``λ‖θ‖₁``): a rule after it is not compared with
    an L2 penalty written before."""
    for term in sp.Add.make_args(expr):
        if _other_penalty(term, new):
            raise _Another
        factors = list(sp.Mul.make_args(term))
        squared = [f for f in factors if _squared_letter(f, letter)]
        if len(squared) == 1:
            rest = sp.Mul(*(f for f in factors if f is not squared[0]))
            if rest.free_symbols & new and not any(plain_base(x.name) == letter for x in rest.free_symbols):
                return 2 * rest
        linear = [f for f in factors if isinstance(f, sp.Symbol) and plain_base(f.name) == letter]
        if len(linear) == 1 and len(sp.Add.make_args(expr)) > 1 and any(
                isinstance(c, AppliedUndef) and GRADIENT_PREFIX in type(c).__name__ or
                isinstance(c, sp.Symbol) and c.name.startswith(GRADIENT_PREFIX)
                for c in sp.preorder_traversal(expr)):
            rest = sp.Mul(*(f for f in factors if f is not linear[0]))
            if rest.free_symbols & new and not any(plain_base(x.name) == letter for x in rest.free_symbols):
                return rest
    return None


def penalty(prose: str, letter: str, new: set[sp.Symbol]) -> Penalty | None:
    """The penalty the math in ``prose`` (the text before the rule, back to its section's start) adds for the
    iterate ``letter``, the latest written first; else the usual ½λ‖θ‖² when the words name L2 regularization
    or weight decay and the rule introduces exactly one name; None otherwise."""
    starts = [m.start() for m in _HEADING.finditer(prose)]
    prose = prose[starts[-1]:] if starts else prose
    for m in reversed(list(_MATH.finditer(prose))):
        math = next(g for g in m.groups() if g is not None)
        for piece in _PIECES.split(math):
            if not piece.strip() or not any(x.name in piece or printing.latex(x) in piece for x in new):
                continue
            try:
                expr = parse_expr(piece.strip())
            except (LatexParseError, ValueError, TypeError, RecursionError):
                continue
            if not isinstance(expr, sp.Expr):
                continue
            try:
                found = _from_expression(sp.expand(expr), letter, new)
            except _Another:
                return None
            if found is not None:
                return Penalty(found, _clipped(piece))
    if len(new) == 1 and _PENALTY_WORDS.search(_MATH.sub(" ", prose)):
        [name] = new
        return Penalty(name, "")
    return None


def other_penalty(prose: str, letter: str) -> str | None:
    """The latest penalty of another kind than L2 on the iterate ``letter`` that the math of ``prose`` writes
    (``μ‖b‖₁``, ``μ|b|``): a rule restated after it is that objective's rule, which this module does not derive."""
    for m in reversed(list(_MATH.finditer(prose))):
        math = next(g for g in m.groups() if g is not None)
        for piece in _PIECES.split(math):
            try:
                expr = parse_expr(piece.strip()) if piece.strip() else None
            except (LatexParseError, ValueError, TypeError, RecursionError):
                continue
            if not isinstance(expr, sp.Expr):
                continue
            named = {x for x in expr.free_symbols if plain_base(x.name.split("[")[0]) == letter}
            others = expr.free_symbols - named
            if named and any(_other_penalty(term, others) and term.free_symbols & named
                             for term in sp.Add.make_args(sp.expand(expr))):
                return _clipped(piece)
    return None


def _clipped(piece: str, width: int = 60) -> str:
    """A formula of the prose on one line, cut to ``width`` characters for a reason."""
    written = " ".join(piece.split())
    return written if len(written) <= width else written[:width - 1] + "…"


def iterate_gradient(rule: sp.Expr) -> tuple[sp.Symbol, sp.Symbol] | None:
    """The gradient atom of the rule in force and the iterate it is taken at (``∇L(θ_t)``, ``θ_t``): exactly one."""
    found = []
    for g in rule.free_symbols:
        if not g.name.startswith(GRADIENT_PREFIX) or not g.name.endswith(")"):
            continue
        argument = g.name[g.name.rfind("(") + 1:-1]
        point = next((x for x in rule.free_symbols if x.name == argument), None)
        if point is not None and gradient_parts(g.name)[1]:
            found.append((g, point))
    return found[0] if len(found) == 1 else None


def _product(coefficient: sp.Expr, point: sp.Symbol) -> str:
    """``2·κ·z_{k-1}``: the coefficient first, whatever order SymPy keeps the factors in."""
    shown = printing.text(coefficient)
    return f"{'(' + shown + ')' if isinstance(coefficient, sp.Add) else shown}·{printing.text(point)}"


def shown(expected: sp.Expr, point: sp.Symbol) -> str:
    """The rule the penalty gives, as a textbook writes it: ``(1 − 2·α·κ)·z_{k-1} − α·γ·p_{k-1} − α·∇h(z_{k-1})``,
    the iterate's terms collected and put first (a rule too large to expand is shown as it stands)."""
    if sp.count_ops(expected) > _COLLECTED_OPS:
        return printing.text(expected)
    expanded = sp.expand(expected)
    factor = expanded.coeff(point)
    rest = sp.expand(expanded - factor * point)
    if factor == 0 or point in factor.free_symbols or point in rest.free_symbols:
        return printing.text(expected)
    head = _product(factor, point) if factor != 1 else printing.text(point)
    if rest == 0:
        return head
    tail = printing.text(rest)
    return f"{head} − {tail[1:].lstrip()}" if tail.startswith(("−", "-")) else f"{head} + {tail}"


@dataclass(frozen=True)
class Reading:
    """The verdict on a restated rule: ``verdict`` is proved or false (or undecided), ``expected`` the rule the
    penalty gives, ``because`` the words of the reason."""

    verdict: str
    because: str
    expected: sp.Expr
    outcome: Verdict
    shown: str  # the expected rule as a textbook writes it (:func:`shown`)


def decide(rule: sp.Expr, restated: sp.Expr, new: set[sp.Symbol], prose: str, line: int,
           source: str | None = None) -> Reading | None:
    """``restated`` (a rule reading the ``new`` names) against ``rule`` (the rule in force, line ``line``; or the
    rule ``source`` names, when the prose names it instead of writing it) with the gradient of the objective
    regularized as ``prose`` says; None when this reading does not apply."""
    rule, restated = atomize(rule), atomize(restated)
    found = iterate_gradient(rule)
    if found is None:
        return None
    gradient, point = found
    if point not in restated.free_symbols:
        return None
    letter = plain_base(point.name)
    written = penalty(prose, letter, new)
    if written is None or not (written.coefficient.free_symbols >= new):
        return None
    regularized = gradient + written.coefficient * point
    expected = rule.xreplace({gradient: regularized})
    ruled = source or f"the rule of line {line}"
    what = (f"{ruled} on the objective {written.written}" if written.written else
            f"{ruled} on the objective with the usual L2 penalty ½{printing.text(written.coefficient)}‖"
            f"{printing.text(sp.Symbol(letter))}‖²")
    outcome = compare(restated, expected)
    written_out = shown(expected, point)
    change = f"{printing.text(gradient)} becomes {printing.text(gradient)} + {_product(written.coefficient, point)}"
    if outcome.status == "true":
        return Reading("proved", f"{what} ({change}): {outcome.reason}", expected, outcome, written_out)
    if not written.written:
        return None  # words alone: a rule that is not the usual penalty's is another scheme (α a base rate…)
    if outcome.status != "false":
        return Reading("undecided", f"{what}: {outcome.reason}", expected, outcome, written_out)
    if _DECOUPLED.search(prose) or sp.diff(rule, gradient, 2) != 0:
        # decay of its own (SGDW's (1 − λ)θ, AdamW's step outside the adaptive one) is a rule of its own, never
        # refuted against the penalty; so is any rule the gradient enters other than linearly (Adam's m̂/√v̂)
        return Reading("undecided", f"not {what} (a decay of its own?)", expected, outcome, written_out)
    twice = compare(restated, rule.xreplace({gradient: gradient + 2 * written.coefficient * point}))
    if twice.status == "true":
        return Reading("false", f"the penalty's gradient is counted twice; once, {what} ({change}) gives",
                       expected, outcome, written_out)
    return Reading("false", f"{what} ({change}) gives", expected, outcome, written_out)


#: Words that name plain gradient descent, the rule a note may restate for a penalty without writing it first.
PLAIN_DESCENT = re.compile(r"\bS?GD\b|\bgradient descent\b|градиентн\w* спуск|梯度下降|경사 하강|勾配降下|"
                           r"descenso (?:de|por) gradiente|descente de gradient|Gradientenabstieg", re.I)
#: Words of a method with a state of its own: the rule then is not plain descent.
NOT_PLAIN = re.compile(r"momentum|Nesterov|Adam|RMS ?prop|Adagrad|Adadelta|импульс|моментум|动量|모멘텀", re.I)


def plain_descent(restated: sp.Expr, point: sp.Symbol) -> sp.Expr | None:
    """Plain descent ``point − α·∇L(point)`` with the rate and the gradient the restated rule writes (one gradient
    atom at ``point``, entering linearly with a coefficient free of the iterate); None otherwise."""
    restated = atomize(restated)
    gradients = [g for g in restated.free_symbols
                 if g.name.startswith(GRADIENT_PREFIX) and g.name.endswith(f"({point.name})")]
    if len(gradients) != 1 or point not in restated.free_symbols:
        return None
    gradient = gradients[0]
    rate = -sp.expand(restated).coeff(gradient)
    if rate == 0 or rate.free_symbols & {point, gradient} or sp.diff(restated, gradient, 2) != 0:
        return None
    return point - rate * gradient
