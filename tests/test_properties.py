"""Property tests (hypothesis): what must hold for *every* input of a kind, not only the ones written down.

1. Any optimizer chained from the blocks (L2 or not, a momentum/Adam stage or not, a base-rate scale,
   decoupled decay or not, a rate or none): the derived step form w_t = g·w_{t-1} − rate·h iterates
   exactly like the system it came from.
2. Any expression built from the notation's grammar: parse → print → parse gives the same expression,
   and printing it again gives the same text (the printer and the parser speak one language).
3. Any document built from the pieces notes are made of: the checker returns findings, never an
   internal error, within bounded time.

Example counts are small so the fast suite stays fast; CI runs more (``DERIVE_HYPOTHESIS=ci``). No
example database is written (the runs are reproducible from the seed hypothesis prints on failure).
"""
from __future__ import annotations

import os
import time

import pytest
import sympy as sp
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from derive import blocks as B
from derive import numeric as N
from derive import printing
from derive import symbols as S
from derive.check.latex import LatexParseError, parse_expr
from derive.check.run import check_source
from derive.derivation import derive_system
from derive.proof import numeric_difference

_COMMON = dict(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fast", max_examples=12, derandomize=True, **_COMMON)
settings.register_profile("ci", max_examples=60, **_COMMON)
PROFILE = os.environ.get("DERIVE_HYPOTHESIS", "fast")


def examples(n_fast: int, n_ci: int):  # type: ignore[no-untyped-def]
    """Per-test example counts on top of the profile (the expensive tests run fewer)."""
    return settings(settings.get_profile(PROFILE), max_examples=n_ci if PROFILE == "ci" else n_fast)


# -- 1. optimizers from the blocks -----------------------------------------------------------------

COEFFICIENTS = [S.lam, 2 * S.lam, S.lam / 2]


@st.composite
def recipes(draw: st.DrawFn) -> B.Recipe:
    chain: list[B.Block] = []
    if draw(st.booleans()):
        chain.append(B.add_decayed_weights(draw(st.sampled_from(COEFFICIENTS))))  # L2: before the stage
    chain.append(B.name_gradient())
    stage = draw(st.sampled_from(["none", "trace", "nesterov", "trace_scaled", "adam"]))
    if stage == "trace":
        chain.append(B.trace(draw(st.sampled_from([S.mu, S.beta1]))))
    elif stage == "nesterov":
        chain.append(B.trace(S.mu, nesterov=True))
    elif stage == "trace_scaled":
        chain.append(B.trace_scaled(S.beta1, S.eta * S.alpha))
    elif stage == "adam":
        chain.append(B.scale_by_adam())
    if draw(st.booleans()):
        chain.append(B.scale(S.alpha))
    if draw(st.booleans()):
        chain.append(B.add_decayed_weights(draw(st.sampled_from(COEFFICIENTS))))  # decoupled: after it
    rate = S.eta if stage != "trace_scaled" else draw(st.sampled_from([S.eta, sp.Integer(1)]))
    return B.Recipe(tuple(chain), rate=rate)


@examples(10, 40)
@given(recipe=recipes(), seed=st.integers(0, 10_000))
def test_the_step_form_of_any_chained_optimizer_iterates_like_it(recipe: B.Recipe, seed: int) -> None:
    system = recipe.build()
    d = derive_system(system)  # proves the form symbolically and at random points, or raises
    hyper = N.random_hyperparameters(system, seed)
    problem = N.Problem.random(4, seed + 1)
    state0 = {prev: [0.1 * ((i + seed) % 7) - 0.3 for i in range(4)] for prev in system.state.values()}
    if S.v_prev in state0:
        state0[S.v_prev] = [0.05 + 0.1 * i for i in range(4)]
    steps = 8
    written = N.run_system(system, hyper, problem, steps, state0)
    derived = N.run_step_form(system, d.decay, d.rate, d.h, hyper, problem, steps, state0)
    assert len(written) == len(derived) == steps
    assert N.max_abs_difference(written, derived) <= 1e-10
    # the decay is uniform exactly when g(λ) reads no optimizer state
    state = set(system.state.values()) | set(system.atoms) | {system.gradient}
    assert (d.kind == "per-coordinate") == bool(d.decay.free_symbols & state)


# -- 2. parse → print → parse -----------------------------------------------------------------------

NAMES = [r"w_{t-1}", r"m_t", r"m_{t-1}", r"v_t", r"\beta_1", r"\beta_2", r"\eta_t", r"\lambda", r"\hat{v}_t",
         r"\hat{m}_t", r"g_t", r"\varepsilon", r"\mu", r"x", r"y", r"\alpha"]


ATOMS = NAMES + [str(k) for k in range(1, 13)] + ["0.5", "0.9", "0.999", r"\frac{1}{2}"]
FORMS = ["{a} + {b}", "{a} - ({b})", r"({a}) \cdot ({b})", r"\frac{{{a}}}{{{b}}}", "({a})^{{2}}", "({a})^{{3}}",
         "({a})^{{t}}", "({a})^{{-1}}", r"\sqrt{{{a}}}", "-({a})", r"\left( {a} \right)", "{n} ({a})"]


@st.composite
def expressions(draw: st.DrawFn, depth: int = 3) -> str:
    """A formula of the notation: names, numbers, + − · / powers √ brackets, nested up to ``depth``."""
    if depth == 0 or draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from(ATOMS))
    form = draw(st.sampled_from(FORMS))
    return form.format(a=draw(expressions(depth - 1)), b=draw(expressions(depth - 1)),
                       n=draw(st.sampled_from(NAMES)))


EXPRESSIONS = expressions()


def _same_value(a: sp.Expr, b: sp.Expr) -> bool:
    return a == b or sp.expand(a - b) == 0 or numeric_difference(a, b, samples=6).status == "true"


@examples(60, 400)
@given(text=EXPRESSIONS)
@example(text=r"\beta_1 \cdot (2)^{t} \cdot w_{t-1}")  # printed "β₁ 2^{t} w", which the parser once refused
@example(text=r"\sqrt{(0.5 - (1))^{3}}")  # imaginary: not the notes' algebra
def test_parse_print_parse_is_stable(text: str) -> None:
    try:
        first = parse_expr(text)
    except LatexParseError:
        assume(False)  # e.g. a denominator that is 0 once SymPy simplifies it: refused, and rightly
        return
    assume(not first.has(sp.I, sp.zoo, sp.nan))  # √ of a negative number: not the notes' real algebra
    printed = printing.latex(first)
    second = parse_expr(printed)  # what the printer writes, the parser must read
    assert second.free_symbols == first.free_symbols, (text, printed)
    assert _same_value(first, second), (text, printed, second)
    again = printing.latex(second)
    assert printing.latex(parse_expr(again)) == again, (text, printed, again)  # a fixed point by then


# -- 3. random documents ------------------------------------------------------------------------------

PROSE = ["Let", "Hence", "where", "Пусть", "Значит", "令", "因此", "If", "We need", "Then", "Note that", ""]
HEADINGS = ["# Adam\n", "## Шаг\n", "\\section{Momentum}\n", ""]


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, str]:
    suffix = draw(st.sampled_from([".md", ".tex"]))
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["inline", "display", "system", "chain", "heading", "noise"]))
        word = draw(st.sampled_from(PROSE))
        a, b, c = draw(EXPRESSIONS), draw(EXPRESSIONS), draw(EXPRESSIONS)
        name = draw(st.sampled_from(NAMES[:12]))
        if kind == "inline":
            parts.append(f"{word} ${name} = {a}$.\n")
        elif kind == "display":
            parts.append(f"{word}\n$$\n{name} = {a}\n$$\n")
        elif kind == "system":
            rows = [rf"{n} = {e}" for n, e in zip(draw(st.permutations(NAMES[:8]))[:3], (a, b, c))]
            parts.append("$$\n\\begin{cases}\n" + " \\\\\n".join(rows) + "\n\\end{cases}\n$$\n")
        elif kind == "chain":
            parts.append(f"$$ {a} = {b} = {c} \\dots $$\n" if draw(st.booleans()) else f"$$ {a} = {b} = {c} $$\n")
        elif kind == "heading":
            parts.append(draw(st.sampled_from(HEADINGS)))
        else:
            parts.append(draw(st.text(alphabet="$\\{}_^&%#() =+-abxyz\n", max_size=30)))
        parts.append("\n")
    return suffix, "".join(parts)


@examples(25, 150)
@given(doc=documents())
def test_any_document_is_checked_without_an_internal_error(doc: tuple[str, str]) -> None:
    suffix, text = doc
    start = time.monotonic()
    findings = check_source("random" + suffix, text)
    assert time.monotonic() - start < 120  # bounded: budgets, size limits (a hang would not get here)
    assert not [f.text() for f in findings if f.code.startswith("checker/")]
    lines = text.count("\n") + 1
    assert all(1 <= f.line <= lines and f.col >= 1 for f in findings)


@pytest.mark.parametrize("profile", ["fast", "ci"])
def test_the_profiles_exist(profile: str) -> None:
    assert settings.get_profile(profile).deadline is None
