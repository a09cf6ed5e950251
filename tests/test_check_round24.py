"""Readings added in stop 28: rows that write a rule out at its first steps. Fixtures are written here, in
Markdown and LaTeX."""
from __future__ import annotations

import pytest

from derive.check.run import check_document
from fixture_docs import as_document as _as, error_lines as _error_lines, line_of as _line_of, verdicts_on as _verdicts



UNROLLED_MD = r"""
# Unrolling classical momentum

Write $s_t = -\varepsilon \nabla f(\theta_t)$ for the steepest-descent step. The update is

$$\theta_{t+1} = \theta_t + s_t + \mu v_t, \qquad v_{t+1} = \theta_{t+1} - \theta_t.$$

The first steps are

$$
\begin{aligned}
\theta_1 &= \theta_0 + s_0 \\
\theta_2 &= \theta_1 + s_1 + \mu v_1 \\
 &= \theta_1 + s_1 + \mu s_0 \\
\theta_3 &= \theta_2 + s_2 + \mu v_2
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_rows_that_write_the_rule_out_at_a_step_are_proved(name: str) -> None:
    text = _as(name, UNROLLED_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    first = _verdicts(report, _line_of(text, r"\theta_1 &="))
    assert first == [("proved", "the rule for θ_{t+1} at t = 0, taking v_{0} = 0 (nothing moved before the first step)")]
    second = _verdicts(report, _line_of(text, r"\theta_2 &="))
    assert second == [("proved", "the rule for θ_{t+1} at t = 1")]
    # v_1 = θ_1 − θ_0 = s_0 + μv_0, and v_0 = θ_0 − θ_{−1} is at rest: the written-out momentum is proved
    assert _verdicts(report, _line_of(text, r" &= \theta_1 + s_1 + \mu s_0"))[0][0] == "proved"
    assert _verdicts(report, _line_of(text, r"\theta_3 &="))[0][0] == "proved"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_row_that_differs_from_the_rule_stays_a_definition(name: str) -> None:
    # a row may start a scheme of its own on purpose: it is never proved, and never called false on this ground
    text = _as(name, UNROLLED_MD).replace(r"\theta_2 + s_2 + \mu v_2", r"\theta_2 + s_2 + \mu v_3")
    report = check_document(name, text)
    assert _verdicts(report, _line_of(text, r"\theta_3 &=")) == [("not-a-claim", "definition (a row of a system)")]
    assert [f for f in report.findings if f.severity == "error"] == []


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_in_the_written_out_momentum_is_found_on_its_line(name: str) -> None:
    text = _as(name, UNROLLED_MD).replace(r"\mu s_0 \\", r"\mu s_1 \\")
    errors = _error_lines(name, text)
    assert errors == [(_line_of(text, r" &= \theta_1 + s_1 + \mu s_1"), "math/false")], errors


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_momentum_whose_own_start_is_unstated_is_not_taken_at_rest(name: str) -> None:
    # m_0 = βm_{−1} + g_0 reads m's own step before the first: nothing says it is zero, so nothing is assumed
    text = _as(name, r"""
# A running sum

$$m_{t} = \beta m_{t-1} + g_t$$

so the first step is

$$m_1 = \beta m_0 + g_1 = g_1.$$
""")
    report = check_document(name, text)
    chain = _verdicts(report, _line_of(text, r"m_1 = "))
    assert chain[0][0] == "proved" and chain[1][0] == "undecided", chain


EXERCISE_MD = r"""
# Two steps back

The data are $y_1 = -2, y_2 = -1, y_3 = 2, y_4 = 4$, and the risk of a constant prediction is

$$R_\text{sq}(h) = \frac{1}{4}\sum_{i=1}^{4}(y_i-h)^2.$$

Recall the general formula $R_\text{sq}(h) = \frac{1}{n}\sum_{i=1}^{n}(y_i-h)^2$, here with $n = 4$. Its derivative:

$$\frac{dR_\text{sq}(h)}{dh} = \frac{dR_\text{sq}(h)}{dh}\left(\frac{1}{4}\sum_{i=1}^{4}(y_i-h)^2\right) = \frac{1}{4}\sum_{i=1}^{4}\frac{dR_\text{sq}(h)}{dh}\left((y_i-h)^2\right) = \frac{1}{2}\sum_{i=1}^{4}(h-y_i).$$

The answer is $h^{(0)} = -\frac{5}{4}$. With $\alpha = \frac{1}{4}$ the step that ends at $h^{(1)}$ reads

$$-\frac{1}{4} = h^{(0)} - \alpha \frac{dR_{sq}(h^{(0)})}{dh} = h^{(0)} - \frac{1}{8}(h^{(0)} + 2 + h^{(0)} + 1 + h^{(0)} - 2 + h^{(0)} - 4) = h^{(0)} - \frac{1}{8}(4h^{(0)} - 3).$$

Solving this equation, we obtain $h^{(0)} = -\frac{5}{4}$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_exercise_solved_back_to_its_start_is_proved(name: str) -> None:
    text = _as(name, EXERCISE_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    # the general formula recalled does not replace the definition for these data
    recalled = _verdicts(report, _line_of(text, "Recall the general"))
    assert recalled[0] == ("not-a-claim", f"the general form of R_{{sq}} (line {_line_of(text, '$$R_')} is it with n = 4)")
    # d/dh written before R's own formula: the derivative taken of it, in every link of the chain
    assert [v for v, _ in _verdicts(report, _line_of(text, r"$$\frac{dR_"))] == ["proved"] * 3
    # R_\text{sq} and R_{sq}: one function
    assert [v for v, _ in _verdicts(report, _line_of(text, r"$$-\frac{1}{4} ="))] == ["not-a-claim", "proved", "proved"]
    solved = _verdicts(report, _line_of(text, "Solving this equation"))
    assert solved == [("proved", f"the result of the condition on line {_line_of(text, '$$-')} (solved for h^{{(0)}})")]
    answer = _verdicts(report, _line_of(text, "The answer is"))
    assert answer[0] == ("proved", f"the answer, derived on line {_line_of(text, 'Solving this equation')}"), answer


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_wrong_value_solved_from_the_last_form_is_found_on_its_line(name: str) -> None:
    text = _as(name, EXERCISE_MD).replace(r"we obtain $h^{(0)} = -\frac{5}{4}$", r"we obtain $h^{(0)} = -\frac{3}{4}$")
    report = check_document(name, text)
    errors = [(f.line, f.code) for f in report.findings if f.severity == "error"]
    assert errors == [(_line_of(text, "Solving this equation"), "math/false")], errors
    assert _verdicts(report, _line_of(text, "The answer is"))[0][0] == "not-a-claim"  # no longer derived


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_times_a_bracket_stays_a_product_without_the_operator_reading(name: str) -> None:
    # d/dh before R's own formula nowhere in the statement: f'(a)(x − a) is a product, as in a Taylor expansion
    text = _as(name, EXERCISE_MD).replace(
        r"\frac{dR_\text{sq}(h)}{dh}\left(\frac{1}{4}\sum_{i=1}^{4}(y_i-h)^2\right) = ", "")
    report = check_document(name, text)
    chain = _verdicts(report, _line_of(text, r"$$\frac{dR_"))
    assert chain[0][0] == "false", chain


UNIT_MD = r"""
# Steepest descent direction

We minimize $h(v) = \nabla f(w)^\top v$ under a constraint: $\|v\| = 1$.

For any such $v$, by Cauchy–Schwarz,

$$|\nabla f(w)^\top v| \leq \|\nabla f(w)\| \|v\| = \|\nabla f(w)\|.$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_link_that_holds_under_a_condition_stated_before_it_is_proved(name: str) -> None:
    text = _as(name, UNIT_MD)
    report = check_document(name, text)
    link = _verdicts(report, _line_of(text, r"|\nabla f(w)^\top v|"))
    assert link == [("proved", f"under the condition \\|v\\| = 1 stated on line {_line_of(text, 'We minimize')}")], link


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_link_false_under_the_condition_stated_before_it_is_found(name: str) -> None:
    text = _as(name, UNIT_MD).replace(r"= \|\nabla f(w)\|.$$", r"= 2\|\nabla f(w)\|.$$")
    errors = _error_lines(name, text)
    assert errors == [(_line_of(text, r"|\nabla f(w)^\top v|"), "math/false")], errors


NEWTON_MD = r"""
# Newton's method from a root of an equation

Let $\varphi(x^*) = 0$.
Near the solution ($x^* - x = \Delta x$) a linear approximation gives

$$\varphi(x^*) = \varphi(x + \Delta x) \approx \varphi(x) + \varphi'(x)\Delta x,$$

and so the iterative scheme

$$x_{k+1} = x_k - \frac{\varphi(x_k)}{\varphi'(x_k)}.$$

To minimize $f$ we solve $f'(x^*) = 0$. Here $\varphi(x) = f'(x), \; \varphi'(x) = f''(x)$. Thus Newton's method is

$$x_{k+1} = x_k - \left[ f''(x_k)\right]^{-1}f'(x_k).$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_newtons_method_derived_from_a_root_finder_is_proved(name: str) -> None:
    text = _as(name, NEWTON_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    named = _verdicts(report, _line_of(text, "Near the solution"))
    assert named[-1] == ("not-a-claim", "definition (names its right side)"), named
    # φ(x + Δx) with Δx = x^* − x is φ(x^*), whatever φ is
    assert _verdicts(report, _line_of(text, r"$$\varphi(x^*) ="))[0][0] == "proved"
    # φ = f' gives φ' = f'' (the derivative of an open f' is f''), and the scheme becomes Newton's
    here = _verdicts(report, _line_of(text, "Here $"))
    assert here[-2][1] == "definition of \\varphi" and here[-1][0] == "proved", here
    newton = _verdicts(report, _line_of(text, r"\left[ f''(x_k)\right]^{-1}f'(x_k)"))
    assert newton[0][0] == "proved", newton


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("slip, good, where", [
    (r"\varphi(x - \Delta x) \approx", r"\varphi(x + \Delta x) \approx", r"$$\varphi(x^*) ="),
    (r"\varphi'(x) = f'(x)$", r"\varphi'(x) = f''(x)$", "Here $"),
    (r"x_k + \left[ f''(x_k)\right]", r"x_k - \left[ f''(x_k)\right]", r"\right]^{-1}f'(x_k)"),
])
def test_a_slip_in_newtons_derivation_is_never_proved(name: str, slip: str, good: str, where: str) -> None:
    text = _as(name, NEWTON_MD).replace(good, slip)
    report = check_document(name, text)
    verdicts = [v for v, _ in _verdicts(report, _line_of(text, where))]
    assert verdicts and verdicts[-1] != "proved", verdicts


WORKED_NEWTON_MD = r"""
# One step of Newton's method

The update is

$$\mathbf{x}^{k + 1} = \mathbf{x}^k - \left[ \nabla^2 f(\mathbf{x}^k) \right]^{-1} \nabla f(\mathbf{x}^k).$$

Let $\mathbf{x} = \left[x_1, x_2 \right]^T$. We are interested in the problem

$$\min f(\mathbf{x}) = (x_1 + 1)^4 + x_1 x_2 + (x_2 + 1)^4.$$

Choose $\mathbf{x}^0 = \left[0, 1 \right]^T$. The initial cost is $f(\mathbf{x}^0) = 17.0$. The gradient is

$$\nabla f(\mathbf{x}) = \left[ \begin{array}{c} 4(x_1 + 1)^3 + x_2 \\ x_1 + 4(x_2 + 1)^3 \end{array} \right],$$

and the Hessian is

$$\nabla^2 f(\mathbf{x}) = \left[ \begin{array}{cc} 12(x_1 + 1)^2 & 1 \\ 1 & 12(x_2 + 1)^2 \end{array} \right].$$

At $\mathbf{x}^0$ we get $\nabla f(\mathbf{x}^0) = \left[5, 32 \right]^T$ and $\nabla^2 f(\mathbf{x}^0) = \left[\begin{array}{cc}12 & 1 \\ 1 & 48 \end{array} \right]$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_newton_step_in_superscript_steps_is_proved(name: str) -> None:
    text = _as(name, WORKED_NEWTON_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    # "\min f(x) = …" defines the objective; x^0 is the start, not x to the power 0
    assert _verdicts(report, _line_of(text, r"$$\min f"))[0] == ("not-a-claim", "definition of f")
    start = _verdicts(report, _line_of(text, "Choose"))
    assert start[0][0] == "not-a-claim" and start[1] == ("proved", "arithmetic: exact (with x^{(0)} = (0, 1))"), start
    # x_1, x_2 are the coordinates of x, not the steps x^1, x^2 of the update
    assert _verdicts(report, _line_of(text, r"$$\nabla f(\mathbf{x}) ="))[0][0] == "proved"
    assert _verdicts(report, _line_of(text, r"$$\nabla^2 f(\mathbf{x}) ="))[0][0] == "proved"
    at = _verdicts(report, _line_of(text, r"At $\mathbf{x}^0$"))
    assert [v for v, _ in at] == ["proved", "proved"], at


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("slip, good, where", [
    (r"= 17.0", r"= 18.0", "Choose"),
    (r"\left[5, 32 \right]^T", r"\left[5, 31 \right]^T", r"At $\mathbf{x}^0$"),
    (r"1 & 48 \end{array} \right]$.", r"1 & 47 \end{array} \right]$.", r"At $\mathbf{x}^0$"),
    (r"1 & 12(x_2 + 1)^2 \end", r"1 & 12(x_2 + 1) \end", r"$$\nabla^2 f(\mathbf{x}) ="),
])
def test_a_slip_in_a_worked_newton_step_is_found_on_its_line(name: str, slip: str, good: str, where: str) -> None:
    text = _as(name, WORKED_NEWTON_MD).replace(slip, good)
    errors = _error_lines(name, text)
    assert errors == [(_line_of(text, where), "math/false")], errors


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_whose_body_hides_its_variable_has_no_gradient_taken(name: str) -> None:
    # f(x) = α e^{−β} with α, β rows in x_1, x_2: its gradient at x^* is not 0 for want of x in the body
    text = _as(name, r"""
# A hidden variable

$$f(x) = \alpha \exp(-\beta)$$

where $\alpha = x_1 + x_2$ and $\beta = x_1 x_2$. At $x^* = [0.7, 0.3]$ the notes state $\nabla f(x^*) = 0$.
""")
    report = check_document(name, text)
    assert [v for v, _ in _verdicts(report, _line_of(text, "At $x^*"))][-1] != "proved"


RIDGE_MD = r"""
# Ridge regression in matrix notation

The cost is

$$J(\theta) = \mathbf{(y - X \theta)^T(y - X \theta) + \lambda^2 \theta^T \theta}
= \mathbf{(y^T - \theta^T X^T)(y - X \theta) + \lambda^2 \theta^T \theta}.$$

Its gradient is

$$\frac{\partial}{\partial \theta} J(\theta) = -2X^Ty + 2X^TX\theta + 2\lambda^2\theta,$$

and the first term measures the size of the predictions: $\theta^T X^T X \theta = |X\theta|^2$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_ridge_algebra_with_plain_transposed_capitals_is_proved_as_matrix_algebra(name: str) -> None:
    text = _as(name, RIDGE_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    expanded = _verdicts(report, _line_of(text, r"= \mathbf{(y^T"))
    assert expanded[0][0] == "proved" and "matrix algebra" in expanded[0][1], expanded
    gradient = _verdicts(report, _line_of(text, r"\frac{\partial}{\partial \theta}"))
    assert gradient[0][0] == "proved" and "random matrices" in gradient[0][1], gradient
    size = _verdicts(report, _line_of(text, "the first term measures"))
    assert size[0][0] == "proved" and "matrix algebra" in size[0][1], size


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_product_in_the_wrong_order_is_never_proved_by_the_scalar_reading(name: str) -> None:
    # θX^TX: numbers commute, matrices do not; a capital written transposed is a matrix
    text = _as(name, RIDGE_MD).replace(r"2X^TX\theta", r"2\theta X^TX")
    report = check_document(name, text)
    gradient = _verdicts(report, _line_of(text, r"\frac{\partial}{\partial \theta}"))
    assert gradient[0][0] != "proved", gradient


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("body, proved", [
    (r"y^\top y - 2\theta^\top X^\top y + \theta^\top X^\top X\theta", True),
    (r"y^\top y - 2\theta^\top X^\top y + \theta^\top\theta X^\top X", False),  # numbers commute, matrices do not
])
def test_a_function_restated_in_matrix_notation_is_compared_as_matrix_algebra(name: str, body: str, proved: bool) -> None:
    text = _as(name, r"""
# Least squares

$$J(\theta) = (y - X\theta)^T(y - X\theta)$$

which we can write as

$$J(\theta) = """ + body + "$$\n")
    report = check_document(name, text)
    restated = _verdicts(report, _line_of(text, "$$J(\\theta) = y^"))
    assert (restated[0][0] == "proved") is proved, restated


CHAIN_MD = r"""
# The slope of the squared error

$$
\begin{aligned}
Let\space u &= (y_i - wx_i), f(u) = u^2 \\
J(w) &= \frac{1}{m}\sum_{i=1}^{m}f(u) \\
\dfrac{dJ}{dw} &= \frac{1}{m}\sum_{i=1}^{m}\dfrac{df}{dw} \\
\because \dfrac{df}{dw} &= 2u \times \dfrac{d}{dw}(y_i - wx_i) \\
&= 2(y_i - wx_i) \times -x_i \\
\therefore \dfrac{dJ}{dw} &= \frac{1}{m}\sum_{i=1}^{m}2(y_i - wx_i)(-x_i) \\
\because \hat{y}_i &= wx_i \\
\therefore \dfrac{dJ}{dw} &= \frac{2}{m}\sum_{i=1}^{m}(\hat{y}_i - y_i)x_i
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_through_names_defined_outside_the_sum_is_proved(name: str) -> None:
    text = _as(name, CHAIN_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    # "Let\space u = …": the word is the sentence's; u is defined
    assert _verdicts(report, _line_of(text, r"Let\space"))[0] == ("not-a-claim", "definition (a row of a system)")
    # u = y_i − wx_i put into Σ_i f(u): its y_i is the summed y_i; x_i, y_i index samples, not steps
    assert _verdicts(report, _line_of(text, r"\therefore \dfrac{dJ}{dw} &= \frac{1}"))[0][0] == "proved"
    # ŷ_i = wx_i defined, then Σ_i (ŷ_i − y_i)x_i: the summed ŷ_i is the defined one
    assert _verdicts(report, _line_of(text, r"\therefore \dfrac{dJ}{dw} &= \frac{2}"))[0][0] == "proved"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("slip, good", [(r"2(y_i - wx_i)(-x_i)", r"2(y_i - wx_i)(x_i)"),
                                        (r"(\hat{y}_i - y_i)x_i", r"(\hat{y}_i + y_i)x_i")])
def test_a_slip_in_a_derivative_through_a_sum_is_found_on_its_line(name: str, slip: str, good: str) -> None:
    text = _as(name, CHAIN_MD).replace(slip, good)
    errors = _error_lines(name, text)
    assert errors == [(_line_of(text, good), "math/false")], errors


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_newton_iterate_is_computed_and_checked_to_its_digits(name: str) -> None:
    text = _as(name, WORKED_NEWTON_MD + r"""
The next iterate is then $\mathbf{x}^1 = \left[ -0.3617, 0.3409 \right]^T$ and $f(\mathbf{x}^1) = 3.2755$.
""")
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    step = _verdicts(report, _line_of(text, "The next iterate"))
    assert step[0] == ("proved", "arithmetic: equal to the digits written (from the recurrence with x^{(0)} = (0, 1))")
    assert step[1][0] == "proved", step  # f at the iterate as written


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_wrong_newton_iterate_is_found_with_its_coordinate(name: str) -> None:
    text = _as(name, WORKED_NEWTON_MD + r"""
The next iterate is then $\mathbf{x}^1 = \left[ -0.3617, 0.3509 \right]^T$.
""")
    errors = [f for f in check_document(name, text).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(_line_of(text, "The next iterate"), "math/false")], errors
    assert "coordinate 2 of" in errors[0].message and "196/575" in errors[0].message, errors[0].message


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_iterate_under_its_own_heading_is_still_checked(name: str) -> None:
    example = r"""
# Example

The next iterate is then $\mathbf{x}^1 = \left[ -0.3617, 0.3509 \right]^T$.
"""
    if name == "doc.tex":
        example = example.replace("# Example", r"\section{Example}")
    text = _as(name, WORKED_NEWTON_MD) + example
    errors = _error_lines(name, text)
    assert errors == [(_line_of(text, "The next iterate"), "math/false")], errors


IFF_MD = r"""
# A quadratic in one variable

The objective is $f(x) = \frac{1}{2}px^2 + qx + r$, and the sigmoid is $\sigma(t) = \frac{1}{1 + e^{-t}}$.
Setting the derivative to zero,

$$px^\star + q = 0 \Leftrightarrow x^\star = \frac{-q}{p}.$$

Critical points of $g(x) = x^3 + x^2$: $g'(x) = 0 \Leftrightarrow 3x^2 + 2x = 0 \Leftrightarrow x = -\frac{2}{3}$.

Note that $\frac{\text{d}\sigma(t)}{\text{d}t} = (1 - \sigma(t))\sigma(t)$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_value_solved_after_an_iff_is_checked_against_its_condition(name: str) -> None:
    text = _as(name, IFF_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    solved = _verdicts(report, _line_of(text, r"px^\star"))
    assert [v for v, _ in solved] == ["not-a-claim", "proved"], solved
    roots = _verdicts(report, _line_of(text, "Critical points"))
    assert roots[-1][0] == "proved" and roots[-1][1].startswith("a root of the condition"), roots
    # \text{d} is a differential as \mathrm{d} is
    assert _verdicts(report, _line_of(text, "Note that"))[0][0] == "proved"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("slip, good", [(r"x^\star = \frac{-q}{p}", r"x^\star = \frac{q}{p}"),
                                        (r"x = -\frac{2}{3}", r"x = -\frac{3}{2}")])
def test_a_wrong_value_after_an_iff_is_found_on_its_line(name: str, slip: str, good: str) -> None:
    text = _as(name, IFF_MD).replace(slip, good)
    errors = _error_lines(name, text)
    assert errors == [(_line_of(text, good), "math/false")], errors


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_equation_to_solve_names_nothing_on_its_right(name: str) -> None:
    # Ax = b is a linear system for x, b given: binding b := Ax would prove ‖Ax − b‖² = 0 for every x
    text = _as(name, r"""
# Solving instead of inverting

Use a solver for the linear system $A\mathbf{x} = \mathbf{b}$, then $\|A\mathbf{x} - \mathbf{b}\|^2 = 0$ at its
solution only.
""")
    report = check_document(name, text)
    system = _verdicts(report, _line_of(text, "Use a solver"))
    assert system and system[0][1] != "definition (names its right side)", system
    residual = _verdicts(report, _line_of(text, "solution only") - 1)
    assert len(residual) == 2 and residual[1][0] != "proved", residual


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_at_a_subscripted_coordinate_is_taken_there_whatever_its_letter(name: str) -> None:
    # ∂p_k/∂z_k: k may count steps elsewhere, but a derivative in z_k names its point; it is taken, not a naming
    text = _as(name, r"""
# Softmax

The softmax is $p_k = \frac{e^{z_k}}{\sum_{j=1}^K e^{z_j}}$, so $\frac{\partial p_k}{\partial z_k} = p_k (1 - p_k)$.
""")
    report = check_document(name, text)
    derivative = [(k.verdict, k.reason) for k in report.links if "partial" in k.left]
    assert [v for v, _ in derivative] == ["proved"], derivative
    # taken symbolically, for every K (the coordinate reading's check at K = 2, 3 is the weaker fallback)
    assert "written out at K" not in derivative[0][1], derivative
