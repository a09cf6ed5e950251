"""Expectations, variances, limits and infinite sums: a correct copy proved, a planted slip found false, and a link
that needs an unstated fact (independence, a range) left undecided with that reason."""
from __future__ import annotations

import pytest
import sympy as sp
from sympy.core.symbol import Str

from derive.check.latex import Covariance, Expect, Variance, parse_block, parse_expr
from derive.check.ranges import stated_ranges
from derive.check.run import check_document
from derive.symbols import symbol as S


def verdicts(text: str) -> list[tuple[str, str]]:
    return [(k.verdict, k.reason) for k in check_document("doc.md", text).links]


def errors(text: str) -> list:
    return [f for f in check_document("doc.md", text).findings if f.severity == "error"]


# -- the reader ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    (r"\mathbb{E}_{x \sim p}\left[f(x)\right]", Expect(sp.Function("f")(S("x")), Str(r"x\approx p"), S("p"))),
    (r"\mathbb{E}_q[X]", Expect(S("X"), Str("q"))),
    (r"\mathop{\mathbb{E}}_{q}[X]", Expect(S("X"), Str("q"))),
    (r"\mathbb{E}_{a \sim \pi} Q(s, a) + 1", Expect(sp.Function("Q")(S("s"), S("a")), Str(r"a\approx\pi"), S(r"\pi")) + 1),
    (r"E[X^2]", Expect(S("X") ** 2)),
    (r"\operatorname{Var}(2X+1)", Variance(2 * S("X") + 1)),
    (r"\mathrm{Var}[X]", Variance(S("X"))),
    (r"\mathbb{V}(X)", Variance(S("X"))),
    (r"\operatorname{Cov}(X, Y)", Covariance(S("X"), S("Y"))),
    (r"\lim_{t \to \infty} \beta^t", sp.Limit(S(r"\beta") ** S("t"), S("t"), sp.oo)),
])
def test_statistical_operators_and_limits_are_read(text: str, expected: sp.Expr) -> None:
    assert parse_expr(text) == expected


def test_expectations_under_different_distributions_differ() -> None:
    assert parse_expr(r"\mathbb{E}_p[X]") != parse_expr(r"\mathbb{E}_q[X]")


@pytest.mark.parametrize(("text", "expected"), [
    (r"E_{\rm graph}", r"E_{\mathrm{graph}}"),
    (r"{\rm lr} \cdot g", r"\mathrm{lr} \cdot g"),
    (r"{\cal L} + w", r"\mathcal{L} + w"),
    (r"{\bf w} + 1", "w + 1"),
])
def test_a_plain_tex_font_switch_reads_as_its_macro(text: str, expected: str) -> None:
    assert parse_expr(text) == parse_expr(expected)


@pytest.mark.parametrize(("text", "message"), [
    (r"\lim_{t \to a + b} f(t)", "towards an expression"),  # towards a name (t → a) it is read: round39
    (r"\lim f(t)", "subscript"),
    (r"\mathbb{V} + 1", "sets"),
])
def test_limits_and_operators_not_modelled_say_so(text: str, message: str) -> None:
    (problem,) = parse_block(text).problems
    assert message in problem.message


def test_stated_ranges() -> None:
    beta, gamma, rho, mu = S(r"\beta"), S(r"\gamma"), S(r"\rho"), S(r"\mu")
    texts = [r"0 < \beta < 1", r"|\gamma| < 1", r"\rho \in (0, 1)", r"1 > \mu \ge 0"]
    chains = [([t.expr for t in st.terms], list(st.relations)) for text in texts for st in parse_block(text).statements]
    assert stated_ranges(chains) == {beta: sp.Interval.open(0, 1), gamma: sp.Interval.open(-1, 1),
                                     rho: sp.Interval.open(0, 1), mu: sp.Interval.Ropen(0, 1)}


# -- expectations and variances ----------------------------------------------------------------------

LINEAR = r"""
# Moments

For a random $X$ and numbers $a$, $b$:

$$\mathbb{E}[a X + b] = a \mathbb{E}[X] + b$$

$$\operatorname{Var}(\alpha X + \beta) = \alpha^2 \operatorname{Var}(X)$$

$$\mathbb{V}[X] = \mathbb{E}[X^2] - \mathbb{E}[X]^2$$

$$\operatorname{Cov}(X, X) = \operatorname{Var}(X)$$

$$\mathbb{E}_{x \sim p}[3 f(x)] = 3\, \mathbb{E}_{x \sim p}[f(x)]$$
"""


def test_linearity_of_expectation_and_variance_is_proved() -> None:
    assert verdicts(LINEAR) == [("proved", "symbolically equal; equal at 4 random points")] * 5
    assert errors(LINEAR) == []


@pytest.mark.parametrize(("right", "slip"), [
    (r"a \mathbb{E}[X] + b$$", r"a \mathbb{E}[X] + 2b$$"),
    (r"\alpha^2 \operatorname{Var}(X)$$", r"\alpha^2 \operatorname{Var}(X) + \beta^2$$"),
    (r"\mathbb{E}[X^2] - \mathbb{E}[X]^2$$", r"\mathbb{E}[X^2] + \mathbb{E}[X]^2$$"),
    (r"3\, \mathbb{E}_{x \sim p}[f(x)]$$", r"2\, \mathbb{E}_{x \sim p}[f(x)]$$"),
])
def test_a_planted_slip_in_a_moment_is_false(right: str, slip: str) -> None:
    bad = LINEAR.replace(right, slip, 1)
    assert bad != LINEAR
    errs = errors(bad)
    assert len(errs) == 1 and errs[0].code == "math/false"


@pytest.mark.parametrize("claim", [
    r"\mathbb{E}[X Y] = \mathbb{E}[X] \mathbb{E}[Y]",
    r"\operatorname{Var}(X + Y) = \operatorname{Var}(X) + \operatorname{Var}(Y)",
])
def test_a_product_of_random_quantities_needs_stated_independence(claim: str) -> None:
    doc = f"# Sum\n\nFor random $X$ and $Y$:\n\n$${claim}$$\n"
    assert verdicts(doc) == [("undecided", "expectations: E[XY] = E[X]E[Y] needs independence, "
                                           "not stated for these quantities")]
    stated = doc.replace("For random", "For independent random")
    assert verdicts(stated) == [("proved", "under the independence the text states")]


def test_stated_independence_never_proves_a_slip() -> None:
    doc = ("# Sum\n\nFor independent random $X$ and $Y$:\n\n"
           r"$$\operatorname{Var}(X + Y) = \operatorname{Var}(X) + 2\operatorname{Var}(Y)$$" "\n")
    assert [v for v, _ in verdicts(doc)] == ["undecided"]


BIAS = r"""
# Bias of the first moment

Let $0 < \beta < 1$. Assume the gradients are stationary.

$$\mathbb{E}\left[(1-\beta) \sum_{i=1}^{t} \beta^{t-i} g_i\right] = (1-\beta) \sum_{i=1}^{t} \beta^{t-i} \mathbb{E}[g_i]
= (1-\beta) \sum_{i=1}^{t} \beta^{t-i} \mathbb{E}[g] = (1-\beta^t)\, \mathbb{E}[g]$$
"""


def test_bias_correction_under_the_stationarity_the_text_states() -> None:
    got = verdicts(BIAS)
    assert got == [("proved", "symbolically equal; equal at 4 random points"), ("proved", "under the stationarity the text states"), ("proved", "symbolically equal; equal at 4 random points")]
    assert errors(BIAS) == []


def test_bias_correction_without_stationarity_is_undecided() -> None:
    got = verdicts(BIAS.replace(" Assume the gradients are stationary.", ""))
    assert got[0] == ("proved", "symbolically equal; equal at 4 random points")  # linearity alone
    assert got[1] == ("undecided", "expectations: an expectation of a sum over steps is not modelled")


def test_a_slip_in_the_bias_factor_is_false() -> None:
    bad = BIAS.replace(r"= (1-\beta^t)\, \mathbb{E}[g]", r"= (1-\beta^{t-1})\, \mathbb{E}[g]")
    assert bad != BIAS
    assert [e.code for e in errors(bad)] == ["math/false"]


# -- limits and infinite sums under stated ranges ----------------------------------------------------

SERIES = r"""
# Geometric series

Let $0 < \beta < 1$.

$$\sum_{\tau=0}^{\infty} \beta^\tau = \frac{1}{1-\beta}$$

$$\lim_{t \to \infty} \beta^t = 0$$

$$\lim_{t \to \infty} \frac{1-\beta^t}{1-\beta} = \frac{1}{1-\beta}$$
"""


def test_limits_and_infinite_sums_under_the_stated_range_are_proved() -> None:
    assert verdicts(SERIES) == [("proved", "symbolically equal; equal at 4 random points")] * 3


@pytest.mark.parametrize(("right", "slip"), [
    (r"\beta^\tau = \frac{1}{1-\beta}", r"\beta^\tau = \frac{1}{1+\beta}"),
    (r"\beta^t = 0", r"\beta^t = 1"),
    (r"{1-\beta} = \frac{1}{1-\beta}", r"{1-\beta} = \frac{2}{1-\beta}"),
])
def test_a_planted_slip_in_a_limit_is_false(right: str, slip: str) -> None:
    bad = SERIES.replace(right, slip, 1)
    assert bad != SERIES
    assert [e.code for e in errors(bad)] == ["math/false"]


def test_without_a_stated_range_the_range_is_named() -> None:
    got = verdicts(SERIES.replace(r"Let $0 < \beta < 1$.", "Let beta be a number."))
    assert got[0] == ("undecided", "needs |β| < 1 (the text states no such range)")
    assert got[1][0] == "undecided" and "range for β" in got[1][1]


def test_a_closed_range_that_includes_one_is_not_enough() -> None:
    got = verdicts(SERIES.replace(r"Let $0 < \beta < 1$.", r"Let $0 \le \beta \le 1$."))
    assert [v for v, _ in got] == ["undecided"] * 3


def test_a_distribution_that_depends_on_the_variable_keeps_the_derivative_of_an_expectation() -> None:
    doc = ("# PG\n\n$$J(\\theta) = \\mathbb{E}_{x \\sim p_\\theta} [f(x)]$$\n\nThen\n\n"
           "$$\\nabla_\\theta J(\\theta) = \\frac{99 \\exp(\\theta)}{(1 + \\exp(\\theta))^2}.$$\n")
    assert [v for v, _ in verdicts(doc)][-1] != "false"  # with ∇J read as 0 it was false
    assert errors(doc) == []


def test_a_name_drawn_by_the_subscript_of_e_is_random() -> None:
    doc = ("# SGD\n\n$$f(x) = \\frac{1}{n} \\sum_{i = 1}^n f_i(x).$$\n\n"
           "$$\\mathbb{E}_i \\nabla f_i(x) = \\frac{2}{n} \\sum_{i = 1}^n \\nabla f_i(x)$$\n")
    assert errors(doc) == []  # E_i[∇f_i] is not the constant ∇f_i, whatever Σ_i makes of it
