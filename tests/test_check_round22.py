"""Readings added after the holdout's two false errors: equations run together across a source line of one
display (every renderer sets them on one line), and a min/max whose value depends on an order of its
arguments that the line takes from its context. Fixtures are written here, in Markdown and LaTeX."""
from __future__ import annotations


import pytest

from derive.check.run import check_document
from derive.check.run_together import breaks
from fixture_docs import as_document as _as, line_of as _line_of






RUN_TOGETHER_MD = r"""
# Decoupled decay

The Adam step, then the decay as its own step:

$$
\theta' = \theta - \alpha \frac{m}{\sqrt{v} + \epsilon}
\theta'' = \theta' - \alpha \lambda \theta
$$

so that $\theta'' = \theta - \alpha \frac{m}{\sqrt{v} + \epsilon} - \alpha \lambda \theta$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_two_equations_on_two_lines_without_a_break_are_read_apart_and_the_author_told(name: str) -> None:
    text = _as(name, RUN_TOGETHER_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    warned = [(f.line, f.col) for f in report.findings if f.code == "render/run-together"]
    assert warned == [(_line_of(text, "\\theta'' = \\theta' -"), 1)], report.findings
    assert [k.verdict for k in report.links].count("proved") == 1, report.links


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_after_a_run_together_line_is_still_found_on_its_line(name: str) -> None:
    text = _as(name, RUN_TOGETHER_MD).replace(r"- \alpha \lambda \theta$.", r"+ \alpha \lambda \theta$.")
    errors = [(f.line, f.code) for f in check_document(name, text).findings if f.severity == "error"]
    assert errors == [(_line_of(text, "so that"), "math/false")], errors


@pytest.mark.parametrize("source", [
    "f(x) = a\n  + b",                        # a sum carried on
    "f(x) = a \\\\\ng(x) = b",                 # a line break
    "L = a \\quad\ng = b",                     # deliberate spacing
    "x = 1,\ny = 2",                           # punctuation
    "x = a\n= b",                              # a chain carried on
    "x = a\nx \\geq 0",                        # not an equation on the new line
    "\\frac{a}{b\ny = c}",                     # inside a brace group
    "a + b\ny = c",                            # the line before holds no relation
])
def test_lines_that_continue_or_are_set_apart_are_not_run_together(source: str) -> None:
    assert breaks(source) == []


@pytest.mark.parametrize("source", [
    "v_{t+1} = \\beta v_t + g\n\\theta_{t+1} = \\theta_t - \\alpha v_{t+1}",
    "\\hat{m}_t = \\frac{m_t}{1 - \\beta_1^t}\n\\hat{v}_t = \\frac{v_t}{1 - \\beta_2^t}",
    "L(w) = a\nL(w) = b",
    "x &= 1\ny &= 2",
])
def test_a_new_equation_after_a_complete_one_is_run_together(source: str) -> None:
    assert breaks(source) == [source.index("\n") + 1]


MIN_MD = r"""
# Step size and curvature

The curvatures are $h_1 \geq h_2 > 0$. In particular, the step is bounded:
$$
\alpha \leq \min\{2/h_1, 2/h_2\} = 2/h_1,
$$
and the largest useful step is $\max\{1/h_1, 1/h_2\} = 1/h_2$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_min_that_holds_for_an_order_of_its_arguments_is_undecided_naming_the_order(name: str) -> None:
    report = check_document(name, _as(name, MIN_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    reasons = [k.reason for k in report.links if k.verdict == "undecided"]
    assert any("2/h_{1} is the least of 2/h_{1}, 2/h_{2}" in r for r in reasons), reasons
    assert any("1/h_{2} is the greatest of 1/h_{1}, 1/h_{2}" in r for r in reasons), reasons


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_min_no_order_makes_true_is_false(name: str) -> None:
    text = _as(name, MIN_MD).replace("= 2/h_1,", "= 3/h_1,")
    errors = [(f.line, f.code) for f in check_document(name, text).findings if f.severity == "error"]
    assert errors == [(_line_of(text, "= 3/h_1"), "math/false")], errors


NEWTON_MD = r"""
# Newton's method

At the optimum $f'(x^*) = 0$. The error after one step is
$$
x_{k+1} - x^* = x_k - \left[ f''(x_k)\right]^{-1} f'(x_k) - x^* = x_k - x^* - \left[ f''(x_k)\right]^{-1} f'(x_k)
$$
and, multiplying out, $f''(x_k)\,(x_k - x^*) - f'(x_k) = f''(x_k) \left( x_k - x^* - \left[ f''(x_k)\right]^{-1} f'(x_k) \right)$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_rearrangement_in_functions_never_defined_is_proved_whatever_they_are(name: str) -> None:
    report = check_document(name, _as(name, NEWTON_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    proved = [k.reason for k in report.links if k.verdict == "proved"]
    assert len(proved) == 2, report.links
    assert all(r.startswith("holds whatever f is") for r in proved), proved  # f' and f'' are f's


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_in_a_rearrangement_in_unknown_functions_is_not_proved(name: str) -> None:
    text = _as(name, NEWTON_MD).replace(r"- f'(x_k) = f''(x_k)", r"+ f'(x_k) = f''(x_k)")
    assert text != _as(name, NEWTON_MD)
    report = check_document(name, text)
    verdicts = [k.verdict for k in report.links]
    assert verdicts.count("proved") == 1, report.links


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_value_at_the_optimum_is_no_definition_of_the_function(name: str) -> None:
    text = _as(name, "# Optimum\n\nAt the optimum $g(x^*) = 0$, so $g(x) + 1 = 1$ is no identity to prove.\n")
    report = check_document(name, text)
    assert not any(k.verdict == "proved" for k in report.links), report.links


BIAS_MD = r"""
# Why bias correction

The first moment is $m_t = \beta m_{t-1} + (1-\beta) g_t$ with $m_0 = 0$.
Taking expectations (each $g_i$ with mean $\bar{g}$):

$$\mathbb{E}[m_t] = (1-\beta) \sum_{i=1}^{t} \beta^{t-i} \bar{g} = (1-\beta^t) \bar{g}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_link_that_holds_whatever_a_new_name_is_is_proved_in_a_new_scheme(name: str) -> None:
    report = check_document(name, _as(name, BIAS_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    last = report.links[-1]
    assert last.verdict == "proved" and last.reason.startswith("holds whatever "), report.links


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_in_a_new_scheme_is_neither_proved_nor_an_error(name: str) -> None:
    text = _as(name, BIAS_MD).replace(r"= (1-\beta^t) \bar{g}$$", r"= (1-\beta^{t+1}) \bar{g}$$")
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    assert report.links[-1].verdict == "undecided", report.links


SERIES_MD = r"""
# Power series

The exponential is $\sum_{n=0}^{\infty}\frac{x^{n}}{n!} = 1 + x + \frac{x^{2}}{2} + \frac{x^{3}}{6} + \frac{x^{4}}{24} + \cdots$
and the geometric series gives $1 + \gamma + \gamma^2 + \ldots, = \frac{1}{1-\gamma}$, while
$\cos x = 1 - \frac{x^2}{2} + \frac{x^4}{24} - \dots$ and $e^{-x} = 1 - x + \frac{x^2}{2} - \frac{x^3}{6} + \dots$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_terms_in_rising_powers_are_the_power_series_of_the_other_side(name: str) -> None:
    report = check_document(name, _as(name, SERIES_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    reasons = [(k.verdict, k.reason.split(" up to")[0]) for k in report.links]
    assert reasons == [("proved", "the written terms are the power series of the other side in x"),
                       ("proved", "the written terms are the power series of the other side in γ"),
                       ("proved", "the written terms are the power series of the other side in x"),
                       ("proved", "the written terms are the power series of the other side in x")], reasons


@pytest.mark.parametrize(("good", "bad", "power"), [
    (r"\frac{x^{3}}{6} + \frac{x^{4}}{24} + \cdots", r"\frac{x^{3}}{3} + \frac{x^{4}}{24} + \cdots", "x^3"),
    (r"\frac{x^4}{24} - \dots", r"\frac{x^4}{12} - \dots", "x^4"),
    (r"1 - x + \frac{x^2}{2}", r"1 + x + \frac{x^2}{2}", "x "),
])
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_wrong_term_of_a_power_series_is_named(good: str, bad: str, power: str, name: str) -> None:
    text = _as(name, SERIES_MD)
    assert text.count(good) == 1
    slipped = text.replace(good, bad)
    errors = [f for f in check_document(name, slipped).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(_line_of(slipped, bad), "math/false")], errors
    assert f"the term in {power}" in errors[0].message, errors[0].message


RIDGE_MD = r"""
# Ridge

The loss is $L(\mathbf{w}) = \frac{1}{2}\|\mathbf{y} - \mathbf{X}\mathbf{w}\|^2 + \frac{\lambda}{2}\mathbf{w}^\top\mathbf{w}$, so
$$
\nabla L(\mathbf{w}) = \mathbf{X}^\top \mathbf{X}\mathbf{w} - \mathbf{X}^\top\mathbf{y} + \lambda \mathbf{w} = (\mathbf{X}^\top \mathbf{X} + \lambda \mathbb{I})\mathbf{w} - \mathbf{X}^\top\mathbf{y}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_blackboard_bold_i_is_the_identity_matrix(name: str) -> None:
    report = check_document(name, _as(name, RIDGE_MD))
    assert [k.verdict for k in report.links] == ["not-a-claim", "proved", "proved"], report.links
    slipped = _as(name, RIDGE_MD).replace(r"+ \lambda \mathbb{I}", r"+ 2\lambda \mathbb{I}")
    errors = [(f.line, f.code) for f in check_document(name, slipped).findings if f.severity == "error"]
    assert errors == [(_line_of(slipped, "2\\lambda"), "math/false")], errors


RMSPROP_MD = r"""
# RMSProp

The state is $\mathbf{s}_t = \gamma \mathbf{s}_{t-1} + (1 - \gamma) \mathbf{g}_t^2$. Expanding it,

$$
\begin{aligned}
\mathbf{s}_t & = (1 - \gamma) \mathbf{g}_t^2 + \gamma \mathbf{s}_{t-1} \\
& = (1 - \gamma) \left(\mathbf{g}_t^2 + \gamma \mathbf{g}_{t-1}^2 + \gamma^2 \mathbf{g}_{t-2}^2 + \ldots, \right).
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_expansion_in_squared_inputs_is_compared_term_by_term(name: str) -> None:
    report = check_document(name, _as(name, RMSPROP_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    last = report.links[-1]
    assert last.verdict == "proved" and "around the ellipsis" in last.reason, report.links


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_input_left_unsquared_in_the_expansion_is_found(name: str) -> None:
    text = _as(name, RMSPROP_MD).replace(r"\gamma^2 \mathbf{g}_{t-2}^2", r"\gamma^2 \mathbf{g}_{t-2}")
    errors = [f for f in check_document(name, text).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(_line_of(text, r"\gamma^2 \mathbf{g}_{t-2} +"), "math/coefficient")]
    assert "the term in g_{t-2}" in errors[0].message, errors[0].message


NORMS_MD = r"""
# Regularizers

The two regularizers are
$$
R_1(w) = \|w\|_1 = \sum_{i = 1}^d |w_i|, \quad R_2(w) = \|w\|_2^2 = \sum_{i=1}^d w_i^2.
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_l1_norm_against_its_coordinates(name: str) -> None:
    report = check_document(name, _as(name, NORMS_MD))
    assert [(k.verdict, k.reason) for k in report.links if k.verdict != "not-a-claim"] == [
        ("proved", "the norm written as the sum over its coordinates")] * 2, report.links
    slipped = _as(name, NORMS_MD).replace("|w_i|,", "|w_i|^2,")
    errors = [f for f in check_document(name, slipped).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(_line_of(slipped, "|w_i|^2"), "math/false")], errors
    assert "the sum of the absolute values of the coordinates" in errors[0].message


ZH_VALUE_MD = r"""
# RMSProp 的超参数

我们将初始学习率设置为0.01，加权项$\gamma$设置为0.9。
也就是说，$\mathbf{s}$累加了过去的$1/(1-\gamma) = 10$次平方梯度观测值的平均值。
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_value_set_in_chinese_words_is_used_by_the_arithmetic_after_it(name: str) -> None:
    report = check_document(name, _as(name, ZH_VALUE_MD))
    assert [(k.verdict, k.reason) for k in report.links] == [("proved", "arithmetic: exact (with γ = 9/10)")]
    slipped = _as(name, ZH_VALUE_MD).replace("= 10$", "= 20$")
    errors = [(f.line, f.code) for f in check_document(name, slipped).findings if f.severity == "error"]
    assert errors == [(_line_of(slipped, "= 20$"), "math/false")], errors


VECTOR_POINT_MD = r"""
# Gradient at a point

Let $\vec{x} = \begin{bmatrix} x_1 \\ x_2 \end{bmatrix}$. Consider the
function $g(\vec{x}) = (x_1 - 3)^2 + (x_1^2 - x_2)^2$.

$$\nabla g(\vec{x}) = \begin{bmatrix} 2x_1 -6 + 4x_1(x_1^2 - x_2) \\ -2(x_1^2 - x_2) \end{bmatrix}$$

so $\nabla g\left( \begin{bmatrix} -1 \\ 1 \end{bmatrix} \right) = \begin{bmatrix} -8 \\ 0 \end{bmatrix}$ and
$g\left( \begin{bmatrix} -1 \\ 1 \end{bmatrix} \right) = 16$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_of_a_vector_is_evaluated_and_differentiated_at_a_written_tuple(name: str) -> None:
    report = check_document(name, _as(name, VECTOR_POINT_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [k.verdict for k in report.links] == ["not-a-claim", "not-a-claim", "proved", "proved", "proved"]


@pytest.mark.parametrize(("good", "bad"), [
    (r"\begin{bmatrix} -8 \\ 0 \end{bmatrix}$", r"\begin{bmatrix} -8 \\ 1 \end{bmatrix}$"),
    ("= 16$", "= 17$"),
])
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_wrong_value_of_a_vector_function_at_a_tuple_is_found(good: str, bad: str, name: str) -> None:
    text = _as(name, VECTOR_POINT_MD)
    assert text.count(good) == 1
    slipped = text.replace(good, bad)
    errors = [(f.line, f.code) for f in check_document(name, slipped).findings if f.severity == "error"]
    assert errors == [(_line_of(slipped, bad), "math/false")], errors


ROOT_MD = r"""
# Newton's method for a root

Newton's method solves $f(x) = 0$ by the step $x_{k+1} = x_k - f(x_k)/f'(x_k)$.

A root is a point with

$$f(x) = 0$$

# An example

For the objective of this example the minimum found is $f(x^*) = -5.0893$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_equation_f_of_x_equals_zero_never_defines_the_zero_function(name: str) -> None:
    report = check_document(name, _as(name, ROOT_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    assert report.links[0].verdict == "not-a-claim" and not report.links[0].reason.startswith("definition of")
    assert report.links[-1].verdict != "proved", report.links


STEP_GRADIENT_MD = r"""
# Velocity by hand

Take $\beta = 0.9$. The velocity is $v_t = 0.9 v_{t-1} + 0.1 \nabla_t$, so
$v_2 = 0.9 v_1 + 0.1 \nabla_2 = 0.9 (0.9 v_0 + 0.1 \nabla_1) + 0.1 \nabla_2 = 0.81 v_0 + 0.09 \nabla_1 + 0.1 \nabla_2$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_gradient_numbered_by_its_step_is_a_name(name: str) -> None:
    report = check_document(name, _as(name, STEP_GRADIENT_MD))
    assert not any("could not be parsed" in k.reason for k in report.links), report.links
    assert [k.verdict for k in report.links][-1] == "proved", report.links
    slipped = _as(name, STEP_GRADIENT_MD).replace(r"0.09 \nabla_1", r"0.9 \nabla_1")
    errors = [(f.line, f.code) for f in check_document(name, slipped).findings if f.severity == "error"]
    assert errors == [(_line_of(slipped, r"0.9 \nabla_1"), "math/false")], errors


LINE_SEARCH_MD = r"""
# Exact line search

**Step 3**: Define the line search function along the step,
$$\begin{pmatrix} 0 \\ 0 \end{pmatrix} - t \begin{pmatrix} -2 \\ -4 \end{pmatrix} = \begin{pmatrix} 2t \\ 4t \end{pmatrix}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_sum_after_define_is_checked_and_a_letter_scales_a_tuple(name: str) -> None:
    report = check_document(name, _as(name, LINE_SEARCH_MD))
    assert [(k.verdict, k.reason) for k in report.links] == [("proved", "coordinate by coordinate (2 coordinates)")]
    slipped = _as(name, LINE_SEARCH_MD).replace(r"4t \end{pmatrix}$$", r"-4t \end{pmatrix}$$")
    errors = [(f.line, f.code) for f in check_document(name, slipped).findings if f.severity == "error"]
    assert errors == [(_line_of(slipped, "-4t"), "math/false")], errors


STAR_ROOT_MD = r"""
# Step length

The line search function is $\phi(t) = \frac{9t^2}{2} - 9t + 2$. Its minimum:
$$\phi'(t) = 9t - 9 = 0 \Rightarrow t^* = 1$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_starred_letter_after_implies_is_the_root_of_the_condition(name: str) -> None:
    report = check_document(name, _as(name, STAR_ROOT_MD))
    assert report.links[-1].verdict == "proved" and "solved for t^{*}" in report.links[-1].reason, report.links
    slipped = _as(name, STAR_ROOT_MD).replace("t^* = 1$$", "t^* = 2$$")
    errors = [(f.line, f.code) for f in check_document(name, slipped).findings if f.severity == "error"]
    assert errors == [(_line_of(slipped, "t^* = 2"), "math/false")], errors


UNDERBRACE_MD = r"""
# Many solutions

If $\langle v, x \rangle = 0$ for every object, then
$$ \langle w + \alpha v, x \rangle = \langle w, x \rangle + \alpha \underbrace{\langle v, x \rangle}_{=0} = \langle w, x \rangle. $$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_underbrace_note_is_used_by_the_link_after_it(name: str) -> None:
    report = check_document(name, _as(name, UNDERBRACE_MD))
    assert report.links[-1].verdict == "proved", report.links
    scalar = _as(name, "# Step\n\nThe step is $$u = a + b \\underbrace{(c - d)}_{=0} = a.$$\n")
    assert check_document(name, scalar).links[-1].verdict == "proved"
    slipped = scalar.replace("= a.$$", "= 2a.$$")
    errors = [(f.line, f.code) for f in check_document(name, slipped).findings if f.severity == "error"]
    assert errors == [(_line_of(slipped, "= 2a"), "math/false")], errors


STAGES_MD = r"""
# Automatic differentiation

We write $z = x w + b = f(w, b)$ and $\sigma = \frac{1}{1 + e^{-z}} = g(z)$. Then

$g'(z) = \frac{e^{-z}}{(1 + e^{-z})^2}$ and $\frac{\partial f}{\partial w} = x$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_named_at_the_end_of_a_chain_is_defined_by_the_term_before_it(name: str) -> None:
    report = check_document(name, _as(name, STAGES_MD))
    reasons = [(k.verdict, k.reason) for k in report.links]
    assert ("not-a-claim", "definition of g (named by the term before it)") in reasons, reasons
    assert reasons[-2][0] == "proved", reasons
    slipped = _as(name, STAGES_MD).replace(r"{(1 + e^{-z})^2}", r"{1 + e^{-z}}")
    errors = [(f.line, f.code) for f in check_document(name, slipped).findings if f.severity == "error"]
    assert errors == [(_line_of(slipped, r"{1 + e^{-z}}$ and"), "math/false")], errors


LOSS_STAGE_MD = r"""
# The loss stage

Writing $L = - (y \log(\sigma) + (1 - y) \log(1 - \sigma)) = h_y(\sigma)$ we get
$h'(\sigma) = - \frac{y}{\sigma} + \frac{1 - y}{1 - \sigma}$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_labelled_function_named_at_the_end_of_a_chain_is_read_as_a_call(name: str) -> None:
    report = check_document(name, _as(name, LOSS_STAGE_MD))
    assert [k.verdict for k in report.links][-1] == "proved", report.links
    slipped = _as(name, LOSS_STAGE_MD).replace(r"+ \frac{1 - y}{1 - \sigma}$", r"- \frac{1 - y}{1 - \sigma}$")
    errors = [(f.line, f.code) for f in check_document(name, slipped).findings if f.severity == "error"]
    assert errors == [(_line_of(slipped, r"h'(\sigma)"), "math/false")], errors


QUADRATIC_FORM_MD = r"""
# Quadratic functions in standard form

The function $f_1(x,y) = 3x^2 + y^2$ can be written as
$$
f_1(x,y) = \frac{1}{2}(x,y) \begin{bmatrix} 6 & 0 \\ 0 & 2 \end{bmatrix} \begin{bmatrix} x \\ y \end{bmatrix} + (0,0) \begin{bmatrix} x \\ y \end{bmatrix} + 0,
$$
so that
$$
\nabla f_1(x,y) = \begin{bmatrix} 6 & 0 \\ 0 & 2 \end{bmatrix} \begin{bmatrix} x \\ y \end{bmatrix}.
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_row_before_a_column_is_their_inner_product_and_a_restated_function_is_a_claim(name: str) -> None:
    report = check_document(name, _as(name, QUADRATIC_FORM_MD))
    assert [k.verdict for k in report.links] == ["not-a-claim", "proved", "proved"], report.links
    assert report.links[1].reason.startswith("the definition of f_{1} on line 4, written another way")


@pytest.mark.parametrize(("good", "bad"), [
    (r"0 & 2 \end{bmatrix} \begin{bmatrix} x \\ y \end{bmatrix}.", r"0 & 4 \end{bmatrix} \begin{bmatrix} x \\ y \end{bmatrix}."),
])
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_wrong_gradient_of_a_quadratic_form_is_found(good: str, bad: str, name: str) -> None:
    text = _as(name, QUADRATIC_FORM_MD)
    assert text.count(good) == 1
    slipped = text.replace(good, bad)
    errors = [(f.line, f.code) for f in check_document(name, slipped).findings if f.severity == "error"]
    assert errors == [(_line_of(slipped, r"\nabla f_1"), "math/false")], errors


POINT_TUPLE_MD = r"""
# Line search

Consider $$f(x_1, x_2) = x_1^2 + 2x_2^2 - 2x_1 - 4x_2 + 3$$

At the starting point $$x^{(0)} = (0, 0)$$ the step is

$$x^{(0)} - t \nabla f(x^{(0)}) = \begin{pmatrix} 0 \\ 0 \end{pmatrix} - t \begin{pmatrix} -2 \\ -4 \end{pmatrix} = \begin{pmatrix} 2t \\ 4t \end{pmatrix}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_of_coordinates_is_differentiated_at_a_point_given_as_a_tuple(name: str) -> None:
    report = check_document(name, _as(name, POINT_TUPLE_MD))
    assert [k.verdict for k in report.links] == ["not-a-claim", "not-a-claim", "proved", "proved"], report.links
    slipped = _as(name, POINT_TUPLE_MD).replace(r"- t \begin{pmatrix} -2 \\ -4", r"- t \begin{pmatrix} -2 \\ 4")
    errors = [(f.line, f.code) for f in check_document(name, slipped).findings if f.severity == "error"]
    assert [line for line, _ in errors] == [_line_of(slipped, r"\nabla f(x^{(0)})")] * len(errors) and errors, errors


DISTANCE_MD = r"""
# Convergence of gradient descent

The step is $x_{k+1} = x_k - \frac{1}{L}\nabla f(x_k)$. Then
$$
\|x_{k+1} - x^*\|^2 = \|x_k - x^* - \tfrac{1}{L}\nabla f(x_k)\|^2 = \|x_k - x^*\|^2 - \frac{2}{L}\nabla f(x_k)^T(x_k - x^*) + \frac{1}{L^2}\|\nabla f(x_k)\|^2
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_distance_to_the_optimum_expands_with_l_a_constant_and_x_a_vector(name: str) -> None:
    report = check_document(name, _as(name, DISTANCE_MD))
    assert [k.verdict for k in report.links] == ["not-a-claim", "proved", "proved"], report.links
    assert "matrix algebra" in report.links[-1].reason
    slipped = _as(name, DISTANCE_MD).replace(r"- \frac{2}{L}\nabla", r"- \frac{1}{L}\nabla")
    assert check_document(name, slipped).links[-1].verdict != "proved"


VECTOR_TAYLOR_MD = r"""
# Newton's model

Expanding $f$ around $x$,
$$
f(x + p) = f(x) + \nabla f(x)^T p + \frac{1}{2} p^T \nabla^2 f(x) p + \mathcal{O}(\|p\|^3)
$$
and for the gradient
$$
\nabla f(x + p) = \nabla f(x) + \nabla^2 f(x) p + \mathcal{O}(\|p\|^2).
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_taylor_expansion_in_a_vector_is_read_along_a_line(name: str) -> None:
    report = check_document(name, _as(name, VECTOR_TAYLOR_MD))
    assert [k.verdict for k in report.links] == ["proved", "proved"], report.links
    assert all("read along the line x + tp" in k.reason for k in report.links)


@pytest.mark.parametrize(("good", "bad"), [
    (r"\frac{1}{2} p^T", r"2 p^T"),
    (r"+ \nabla^2 f(x) p + \mathcal{O}(\|p\|^2)", r"- \nabla^2 f(x) p + \mathcal{O}(\|p\|^2)"),
])
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_wrong_term_of_a_vector_taylor_expansion_is_found(good: str, bad: str, name: str) -> None:
    text = _as(name, VECTOR_TAYLOR_MD)
    assert text.count(good) == 1
    slipped = text.replace(good, bad)
    errors = [(f.line, f.code) for f in check_document(name, slipped).findings if f.severity == "error"]
    assert errors == [(_line_of(slipped, bad), "math/false")], errors


DELTA_MD = r"""
# The Adam step

The update is $$w_{t}= w_{t-1}-\frac{\alpha \cdot \hat{m}_t}{\sqrt{\hat{v}_t}+\epsilon}$$

Starting with the step update:

$$\Delta w_t = -\frac{\alpha \cdot \hat{m}_t}{\sqrt{\hat{v}_t}+\epsilon}$$

In the limit the step tends to $\Delta w_t = \frac{\alpha g}{1 - \beta}$ for a constant gradient $g$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_delta_is_the_step_of_the_rule_in_force(name: str) -> None:
    report = check_document(name, _as(name, DELTA_MD))
    assert [f for f in report.findings if f.severity == "error"] == []
    assert report.links[1].verdict == "proved" and "the step w_t − w_{t-1}" in report.links[1].reason, report.links
    assert report.links[2].verdict == "not-a-claim"  # a new name (g): a limit, not the rule's step
    slipped = _as(name, DELTA_MD).replace(r"$$\Delta w_t = -\frac", r"$$\Delta w_t = \frac")
    errors = [(f.line, f.code) for f in check_document(name, slipped).findings if f.severity == "error"]
    assert errors == [(_line_of(slipped, r"$$\Delta w_t = \frac"), "math/false")], errors


ADADELTA_MD = r"""
# Adadelta

The state is $\mathbf{s}_t = \rho \mathbf{s}_{t-1} + (1 - \rho) \mathbf{g}_t^2$.
The rescaled gradient is $\mathbf{g}_t' = \frac{\sqrt{\Delta\mathbf{x}_{t-1} + \epsilon}}{\sqrt{\mathbf{s}_t + \epsilon}} \odot \mathbf{g}_t$
and the update $\mathbf{x}_t = \mathbf{x}_{t-1} - \mathbf{g}_t'$. We initialize $\Delta \mathbf{x}_{0}$ to $0$ and update it with
$$\Delta \mathbf{x}_t = \rho \Delta\mathbf{x}_{t-1} + (1 - \rho) {\mathbf{g}_t'}^2.$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_delta_with_a_recurrence_of_its_own_is_a_state_not_a_step(name: str) -> None:
    report = check_document(name, _as(name, ADADELTA_MD))
    assert [f for f in report.findings if f.severity == "error"] == [], report.findings
    assert (report.links[-1].verdict, report.links[-1].reason) == ("not-a-claim", "definition (a naming)")


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_delta_that_is_another_schemes_step_is_undecided_not_false(name: str) -> None:
    text = _as(name, DELTA_MD).replace(r"$$\Delta w_t = -\frac{\alpha \cdot \hat{m}_t}{\sqrt{\hat{v}_t}+\epsilon}$$",
                                       r"$$\Delta w_t = -\alpha \hat{m}_t$$")
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    assert report.links[1].verdict == "undecided" and "another scheme" in report.links[1].reason, report.links


ARRAY_MD = r"""
# Columns

The sum is $\left( \begin{array}{c} 1 \\ 2 \end{array} \right) + \left( \begin{array}{c} 3 \\ 4 \end{array} \right) = \left( \begin{array}{c} 4 \\ 6 \end{array} \right)$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_one_column_array_is_a_column_vector(name: str) -> None:
    report = check_document(name, _as(name, ARRAY_MD))
    assert [k.verdict for k in report.links] == ["proved"], report.links
    slipped = _as(name, ARRAY_MD).replace(r"{c} 4 \\ 6", r"{c} 4 \\ 7")
    errors = [(f.line, f.code) for f in check_document(name, slipped).findings if f.severity == "error"]
    assert errors == [(_line_of(slipped, r"4 \\ 7"), "math/false")], errors


UNIFORM_MD = r"""
# Minibatches

A minibatch holds indices $j \in \{1, \ldots, m\}$ of its own.

# Stochastic gradient

The objective is $f(\mathbf{x}) = \frac{1}{n} \sum_{i = 1}^n f_i(\mathbf{x})$.
At each step we sample an index $i$ uniformly at random, where $i \in \{1, \ldots, n\}$, and compute $\nabla f_i(\mathbf{x})$.
The stochastic gradient is unbiased, because
$$\mathbb{E}_i \nabla f_i(\mathbf{x}) = \frac{1}{n} \sum_{i = 1}^n \nabla f_i(\mathbf{x}) = \nabla f(\mathbf{x}).$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_uniform_draw_is_read_where_the_text_tells_it(name: str) -> None:
    report = check_document(name, _as(name, UNIFORM_MD).replace("# Stochastic gradient", "## Stochastic gradient"
                                                                  if name == "doc.md" else "# Stochastic gradient"))
    assert report.links[-2].verdict == "proved" and "drawn uniformly" in report.links[-2].reason, report.links


INTEGRAL_MD = r"""
# Newton's local rate

The error after the step is
$$
x_k - x^* - \left[ f''(x_k)\right]^{-1} \int_0^1 f''(x^* + \tau (x_k - x^*)) (x_k - x^*) d\tau = \left( 1 - \left[ f''(x_k)\right]^{-1} \int_0^1 f''(x^* + \tau (x_k - x^*)) d \tau\right) (x_k - x^*)
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_integrals_of_an_unknown_function_split_by_linearity(name: str) -> None:
    report = check_document(name, _as(name, INTEGRAL_MD))
    assert report.links[-1].verdict == "proved" and report.links[-1].reason.startswith("holds whatever f is")
    slipped = _as(name, INTEGRAL_MD).replace(r"\left( 1 - \left[", r"\left( 2 - \left[")
    assert check_document(name, slipped).links[-1].verdict != "proved"
