"""Readings added in the session of the unseen rounds 20 and 21: the everyday sums, derivatives and names of
regression and optimizer notes. Fixtures are written here, in the notation such notes use, each in Markdown and
LaTeX, with a planted slip that must be found on its line."""
from __future__ import annotations


import pytest

from derive.check.run import check_document
from fixture_docs import as_document as _as, line_of as _line_of




def _errors(name: str, text: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_document(name, text).findings if f.severity == "error"]




SERIES_MD = r"""
# Sums of a run of numbers

The step sizes add up: $2 + 4 + \dots + 2n = n(n+1)$, and the odd ones $1 + 3 + 5 + \cdots + (2n-1) = n^2$.
Gauss's sum is $1 + 2 + \ldots + T = \frac{T(T+1)}{2}$ and the squares give
$1^2 + 2^2 + \dots + n^2 = \frac{n(n+1)(2n+1)}{6}$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_written_out_run_of_numbers_is_summed_by_its_last_term(name: str) -> None:
    report = check_document(name, _as(name, SERIES_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    verdicts = [(k.verdict, k.reason.split(":")[0]) for k in report.links]
    assert verdicts == [("proved", "the written terms are Σ_{k=1}^{n} 2·k"),
                        ("proved", "the written terms are Σ_{k=1}^{n} (2·k − 1)"),
                        ("proved", "the written terms are Σ_{k=1}^{T} k"),
                        ("proved", "the written terms are Σ_{k=1}^{n} k^2")], verdicts


@pytest.mark.parametrize(("good", "bad"), [
    ("= n(n+1)$", "= n(n-1)$"),
    (r"\frac{T(T+1)}{2}", r"\frac{T(T-1)}{2}"),
    ("(2n-1) = n^2", "(2n-1) = n^2 + 1"),
])
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_in_the_closed_form_of_a_run_is_found_on_its_line(good: str, bad: str, name: str) -> None:
    text = _as(name, SERIES_MD)
    assert text.count(good) == 1
    slipped = text.replace(good, bad)
    errors = check_document(name, slipped).findings
    assert [(f.line, f.code) for f in errors if f.severity == "error"] == [(_line_of(slipped, bad), "math/false")]


@pytest.mark.parametrize("written", [
    r"$2 + \dots + 2n = n(n+1)$",          # one written term: no pattern to read
    r"$2 + 5 + \dots + 2n = n(n+1)$",      # the first terms fit no start of 2k
    r"$x_1 + x_2 + \dots + x_n = S$",      # the other side names the sum
])
def test_a_run_without_a_readable_pattern_is_never_false(written: str) -> None:
    report = check_document("doc.md", f"# Runs\n\nWe write {written}.\n")
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [k.verdict for k in report.links] in (["undecided"], ["not-a-claim"])  # S is named here


ACRONYM_MD = r"""
# The mean squared error

The loss is $\operatorname{MSE}(w) = \frac{1}{n}\sum_{i=1}^n (w x_i - y_i)^2$, and its derivative is

$$\frac{d \operatorname{MSE}}{d w} = \frac{2}{n}\sum_{i=1}^n (w x_i - y_i) x_i.$$

Typed plainly, the same reads $\frac{\partial MSE}{\partial w} = \frac{2}{n}\sum_{i=1}^n (w x_i - y_i) x_i$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_acronym_is_one_name_and_its_derivative_is_taken(name: str) -> None:
    report = check_document(name, _as(name, ACRONYM_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [k.verdict for k in report.links] == ["not-a-claim", "proved", "proved"], \
        [(k.verdict, k.reason) for k in report.links]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_differential_of_an_acronym_is_not_cancelled_as_a_letter(name: str) -> None:
    # d·MSE/(d·w) read as letters would cancel d and compare MSE/w: the slip 1/n for 2/n must still be found
    text = _as(name, ACRONYM_MD)
    slipped = text.replace(r"\frac{d \operatorname{MSE}}{d w} = \frac{2}{n}", r"\frac{d \operatorname{MSE}}{d w} = \frac{1}{n}")
    assert slipped != text
    assert _errors(name, slipped) == [(_line_of(slipped, r"\frac{d \operatorname{MSE}}{d w}"), "math/false")]
    # named as what it is: a derivative whose summands differ from the written ones, not only "the sides differ"
    [link] = [k for k in check_document(name, slipped).links if k.verdict == "false"]
    assert link.reason.startswith("the derivative's summands differ"), link.reason


COORDINATES_MD = r"""
# One coordinate of the gradient

For each coordinate, $\frac{\partial}{\partial w_j} \frac{1}{2}\sum_{k=1}^d w_k^2 = w_j$, and for least squares

$$\frac{\partial}{\partial w_j} \frac{1}{n}\sum_{i=1}^n \left(y_i - \sum_{k=1}^d w_k x_{ik}\right)^2
= -\frac{2}{n}\sum_{i=1}^n \left(y_i - \sum_{k=1}^d w_k x_{ik}\right) x_{ij}.$$

A cube: $\frac{\partial}{\partial \theta_j} \sum_{k=1}^d \theta_k^3 = 3\theta_j^2$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_in_one_coordinate_of_a_sum_over_all_of_them(name: str) -> None:
    report = check_document(name, _as(name, COORDINATES_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [k.verdict for k in report.links] == ["proved", "proved", "proved"], \
        [(k.verdict, k.reason) for k in report.links]
    # the least-squares gradient, inner sum and all, is compared term by term (one sum against one sum)
    assert report.links[1].reason.startswith("the sums agree term by term"), report.links[1].reason


@pytest.mark.parametrize(("good", "bad"), [
    (r"w_k^2 = w_j", r"w_k^2 = 2 w_j"),
    (r"= 3\theta_j^2", r"= 3\theta_j^3"),
])
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_in_a_coordinate_derivative_is_found(good: str, bad: str, name: str) -> None:
    text = _as(name, COORDINATES_MD)
    assert text.count(good) == 1
    slipped = text.replace(good, bad)
    assert _errors(name, slipped) == [(_line_of(slipped, bad), "math/false")]


MINIMIZERS_MD = r"""
# Minimizers in closed form

For one feature, $L(w) = \sum_{i=1}^n (w x_i - y_i)^2 + \lambda w^2$. The minimizer is
$w^* = \frac{\sum_{i=1}^n x_i y_i}{\sum_{i=1}^n x_i^2 + \lambda}$.

Without the penalty, $R(b) = \frac{1}{n}\sum_{i=1}^n (y_i - b x_i)^2$, and setting the derivative to zero gives the
least-squares estimate $\hat{b} = \frac{\sum_{i=1}^n x_i y_i}{\sum_{i=1}^n x_i^2}$.

A parabola $q(u) = (u - 3)^2 + 1$ has its minimum at $u_{\text{opt}} = 3$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_marked_minimizer_is_proved_stationary_with_sums_kept_as_sums(name: str) -> None:
    report = check_document(name, _as(name, MINIMIZERS_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    claims = [(k.verdict, k.reason) for k in report.links if k.verdict != "not-a-claim"]
    assert [v for v, _ in claims] == ["proved"] * 3, claims
    assert all(r.startswith("the minimizer of ") for _, r in claims), claims
    assert "λ (taken ≥ 0)" in claims[0][1] and "L′ = 0 there" in claims[0][1]


@pytest.mark.parametrize(("good", "bad"), [
    (r"\sum_{i=1}^n x_i^2 + \lambda}$", r"\sum_{i=1}^n x_i^2}$"),         # the penalty dropped
    (r"\hat{b} = \frac{\sum_{i=1}^n x_i y_i}", r"\hat{b} = \frac{\sum_{i=1}^n y_i}"),
    ("u_{\\text{opt}} = 3", "u_{\\text{opt}} = -3"),
])
def test_a_point_that_is_not_stationary_is_never_proved_a_minimizer(good: str, bad: str) -> None:
    assert MINIMIZERS_MD.count(good) == 1
    report = check_document("doc.md", MINIMIZERS_MD.replace(good, bad))
    assert [k.verdict for k in report.links].count("proved") == 2, [(k.verdict, k.reason) for k in report.links]


def test_a_hat_is_an_optimum_only_when_the_words_say_so() -> None:
    text = MINIMIZERS_MD.replace("setting the derivative to zero gives the\nleast-squares estimate",
                                 "we write the\nprediction as")
    assert text != MINIMIZERS_MD
    verdicts = [k.verdict for k in check_document("doc.md", text).links]
    assert verdicts.count("proved") == 2, verdicts


CLASSIFIER_MD = r"""
# The gradient of a classifier's loss

## Softmax

The softmax is $p_i = \frac{e^{z_i}}{\sum_{j=1}^K e^{z_j}}$, so $\frac{\partial p_i}{\partial z_i} = p_i (1 - p_i)$.

## Log loss

With the sigmoid $p = \sigma(z)$ and $\ell(z) = -y\log p - (1-y)\log(1-p)$, we get
$\frac{\partial \ell}{\partial z} = p - y$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_loss_written_through_a_named_probability_is_differentiated_through_it(name: str) -> None:
    # ℓ(z) names p, and p = σ(z): ∂ℓ/∂z was 0 (p held constant) and the true line was reported false
    report = check_document(name, _as(name, CLASSIFIER_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    derivatives = [k.verdict for k in report.links if "partial" in k.left]
    assert derivatives == ["proved", "proved"], [(k.left, k.verdict, k.reason) for k in report.links]


@pytest.mark.parametrize(("good", "bad"), [
    (r"= p_i (1 - p_i)$", r"= p_i (1 + p_i)$"),
    (r"= p - y$", r"= y - p$"),
])
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_in_a_classifier_gradient_is_found(good: str, bad: str, name: str) -> None:
    text = _as(name, CLASSIFIER_MD)
    assert text.count(good) == 1
    slipped = text.replace(good, bad)
    assert _errors(name, slipped) == [(_line_of(slipped, bad), "math/false")]


def test_a_loss_whose_dependence_is_unwritten_is_never_false() -> None:
    # σ not named the sigmoid: ℓ depends on z through σ(z), whose derivative is not known
    text = CLASSIFIER_MD.replace("With the sigmoid $p", "With $p")
    assert text != CLASSIFIER_MD
    report = check_document("doc.md", text)
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [k.verdict for k in report.links if k.left == r"\frac{\partial \ell}{\partial z}"] in (
        ["undecided"], ["not-a-claim"])


STATISTICS_MD = r"""
# Means, variances and schedules

With $\bar{x} = \frac{1}{n}\sum_{i=1}^n x_i$, we have
$\frac{1}{n}\sum_{i=1}^n (x_i - \bar{x})^2 = \frac{1}{n}\sum_{i=1}^n x_i^2 - \bar{x}^2$.

The cosine schedule is $\eta_t = \eta_{\min} + \frac{1}{2}(\eta_{\max} - \eta_{\min})\left(1 + \cos\frac{\pi t}{T}\right)$.
At the end it gives $\eta_T = \eta_{\min}$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_sums_split_by_linearity_and_a_schedule_read_at_its_horizon(name: str) -> None:
    report = check_document(name, _as(name, STATISTICS_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    verdicts = {k.left: (k.verdict, k.reason) for k in report.links}
    assert verdicts[r"\frac{1}{n}\sum_{i=1}^n (x_i - \bar{x})^2"][1].startswith("by linearity of the sums"), verdicts
    assert verdicts[r"\eta_T"][0] == "proved", verdicts


@pytest.mark.parametrize(("good", "bad"), [
    (r"x_i^2 - \bar{x}^2$", r"x_i^2 + \bar{x}^2$"),
    (r"- \bar{x})^2 =", r"- \bar{x})^3 ="),
])
def test_a_variance_slip_is_never_proved(good: str, bad: str) -> None:
    # sums taken as values of their own prove only: a slip stays unproved (SymPy's summation may still refute it)
    assert STATISTICS_MD.count(good) == 1
    report = check_document("doc.md", STATISTICS_MD.replace(good, bad))
    assert [k.verdict for k in report.links if k.left.startswith(r"\frac{1}{n}")] != ["proved"]


BIAS_MD = r"""
# Why Adam corrects its bias

Unrolled, $m_t = (1 - \beta_1)\sum_{k=1}^t \beta_1^{t-k} g_k$. If $\mathbb{E}[g_k] = g$ for all $k$, then
$\mathbb{E}[m_t] = (1 - \beta_1^t)\, g$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_mean_of_the_first_moment_uses_the_stated_mean_at_every_step(name: str) -> None:
    report = check_document(name, _as(name, BIAS_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    last = report.links[-1]
    assert (last.verdict, last.reason) == ("proved", "with E[g_{k}] = g at every step, as its sentence states"), \
        [(k.verdict, k.reason) for k in report.links]


@pytest.mark.parametrize("bad", [r"(1 - \beta_1^{t+1})\, g", r"(1 - \beta_1)\, g", r"\beta_1^t\, g"])
def test_a_wrong_mean_of_the_first_moment_is_never_proved(bad: str) -> None:
    text = BIAS_MD.replace(r"(1 - \beta_1^t)\, g", bad)
    assert text != BIAS_MD
    assert check_document("doc.md", text).links[-1].verdict != "proved"


def test_the_mean_at_one_step_is_not_the_mean_at_every_step() -> None:
    text = BIAS_MD.replace(r"\mathbb{E}[g_k] = g$ for all $k$", r"\mathbb{E}[g_1] = g$")
    assert text != BIAS_MD
    assert check_document("doc.md", text).links[-1].verdict != "proved"


NORMAL_EQUATIONS_MD = r"""
# Least squares in matrix form

The loss $J(\theta) = \|X\theta - y\|^2 + \lambda \|\theta\|^2$ is minimized, setting its gradient to zero, at
$\hat{\theta} = (X^T X + \lambda I)^{-1} X^T y$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_closed_form_minimizer_in_matrices_is_proved_by_its_first_order_condition(name: str) -> None:
    links = check_document(name, _as(name, NORMAL_EQUATIONS_MD)).links
    assert [k.verdict for k in links] == ["not-a-claim", "proved"], [(k.verdict, k.reason) for k in links]
    assert "(the minimizer of J, line" in links[1].reason


@pytest.mark.parametrize("bad", [r"(X^T X + \lambda I)^{-1} y", r"(X^T X)^{-1} X^T y", r"(X X^T + \lambda I)^{-1} X^T y"])
def test_a_wrong_matrix_minimizer_is_never_proved(bad: str) -> None:
    text = NORMAL_EQUATIONS_MD.replace(r"(X^T X + \lambda I)^{-1} X^T y", bad)
    assert text != NORMAL_EQUATIONS_MD
    assert [k.verdict for k in check_document("doc.md", text).links][1] != "proved"


LIKELIHOOD_MD = r"""
# A Gaussian likelihood and a constant fit

For the Gaussian, $\log \left(\frac{1}{\sqrt{2\pi}\sigma} e^{-\frac{(x-\mu)^2}{2\sigma^2}}\right) = -\frac{1}{2}\log(2\pi\sigma^2) - \frac{(x-\mu)^2}{2\sigma^2}$.

The best constant: $\frac{d}{dc}\frac{1}{n}\sum_{i=1}^n (y_i - c)^2 = -\frac{2}{n}\sum_{i=1}^n (y_i - c) = 0 \Rightarrow c = \frac{1}{n}\sum_{i=1}^n y_i$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_logarithm_rules_and_a_root_through_a_sum(name: str) -> None:
    report = check_document(name, _as(name, LIKELIHOOD_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [k.verdict for k in report.links] == ["proved", "proved", "not-a-claim", "proved"], \
        [(k.verdict, k.reason) for k in report.links]


@pytest.mark.parametrize(("good", "bad"), [
    (r"-\frac{1}{2}\log(2\pi\sigma^2)", r"-\log(2\pi\sigma^2)"),
    (r"\log(2\pi\sigma^2) - \frac{(x-\mu)^2}{2\sigma^2}$", r"\log(2\pi\sigma^2) - \frac{(x-\mu)^2}{\sigma^2}$"),
])
def test_a_slip_in_a_log_likelihood_is_found(good: str, bad: str) -> None:
    assert LIKELIHOOD_MD.count(good) == 1
    slipped = LIKELIHOOD_MD.replace(good, bad)
    assert _errors("doc.md", slipped) == [(_line_of(slipped, bad), "math/false")]


def test_a_wrong_root_through_a_sum_is_never_proved() -> None:
    slipped = LIKELIHOOD_MD.replace(r"c = \frac{1}{n}\sum_{i=1}^n y_i", r"c = \frac{2}{n}\sum_{i=1}^n y_i")
    assert slipped != LIKELIHOOD_MD
    assert check_document("doc.md", slipped).links[-1].verdict != "proved"


def test_a_derivative_of_a_defined_function_is_never_a_naming() -> None:
    # ∂J/∂θ_j with x_j^{(i)} on the right: not read here (vectors in coordinates), but a claim, said undecided
    text = (r"# Cost" "\n\n" r"The cost is $J(\theta) = \frac{1}{2m}\sum_{i=1}^m (\theta^T x^{(i)} - y^{(i)})^2$, and"
            "\n" r"$\frac{\partial J(\theta)}{\partial \theta_j} = \frac{1}{m}\sum_{i=1}^m (\theta^T x^{(i)} - y^{(i)}) x_j^{(i)}$." "\n")
    verdicts = [k.verdict for k in check_document("doc.md", text).links]
    assert verdicts == ["not-a-claim", "undecided"], verdicts


QUADRATIC_MD = r"""
# A convex quadratic

Consider $h(\mathbf{x}) = \frac{1}{2} \mathbf{x}^\top \mathbf{Q} \mathbf{x} + \mathbf{x}^\top \mathbf{c} + b$.
For positive definite matrices $\mathbf{Q} \succ 0$ it has a minimizer at $\mathbf{x}^* = -\mathbf{Q}^{-1} \mathbf{c}$.

For the $i$-th coordinate of a linear form, $\frac{\partial}{\partial x_i}\sum_j a_j x_j = a_i$.
"""


def test_a_positive_definite_quadratic_is_minimized_at_its_stationary_point() -> None:
    verdicts = [(k.verdict, k.reason) for k in check_document("doc.md", QUADRATIC_MD).links]
    assert [v for v, _ in verdicts] == ["not-a-claim", "proved", "proved"], verdicts
    assert "positive definite" in verdicts[1][1]


def test_a_quadratic_not_called_definite_keeps_its_stationary_point_unproved() -> None:
    text = QUADRATIC_MD.replace(r"For positive definite matrices $\mathbf{Q} \succ 0$", "For any matrix")
    assert text != QUADRATIC_MD
    assert [k.verdict for k in check_document("doc.md", text).links][1] != "proved"


def test_a_slip_in_a_coordinate_of_a_linear_form_is_found() -> None:
    slipped = QUADRATIC_MD.replace(r"a_j x_j = a_i$", r"a_j x_j = 2 a_i$")
    assert slipped != QUADRATIC_MD
    assert _errors("doc.md", slipped) == [(_line_of(slipped, "x_j = 2 a_i"), "math/false")]


@pytest.mark.parametrize(("written", "verdict"), [("-\\infty", "proved"), ("\\infty", "false")])
def test_a_limit_at_infinity_is_compared(written: str, verdict: str) -> None:
    text = ("# Limits\n\nLet $f(x) = x^3 + x^2$. The descent cannot converge, because\n"
            f"$$\\lim_{{x \\rightarrow -\\infty}} f(x) = {written}.$$\n")
    assert [k.verdict for k in check_document("doc.md", text).links][-1] == verdict


def test_an_expression_in_a_defined_function_is_never_a_naming() -> None:
    text = ("# Risk\n\nThe risk is $\\mathrm{MSE}(\\theta) = E(Y - \\theta)^2$, and it splits as\n"
            "$$2 \\mathrm{MSE}(\\theta) = E(Y - E(Y \\mid Z))^2 + E(E(Y \\mid Z) - \\mu(Z, \\theta))^2.$$\n")
    verdicts = [k.verdict for k in check_document("doc.md", text).links]
    assert verdicts[0] == "not-a-claim" and verdicts[1] != "not-a-claim", verdicts


@pytest.mark.parametrize(("written", "verdict"), [("6(w - 1)", "proved"), ("3(w - 1)", "false")])
def test_a_second_derivative_of_an_acronym_is_taken(written: str, verdict: str) -> None:
    # \frac{d^2 \operatorname{MSE}}{dw^2}: the differential before an upright name (this path once read an unbound name)
    text = ("# H\n\nLet $\\operatorname{MSE}(w) = (w - 1)^3$. Then "
            f"$\\frac{{d^2 \\operatorname{{MSE}}}}{{dw^2}} = {written}$.\n")
    assert [k.verdict for k in check_document("doc.md", text).links] == ["not-a-claim", verdict]
