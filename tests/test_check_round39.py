"""Readings added in stop 43. Fixtures are written here, in my own words and symbols (the notes themselves are not
stored); each has a correct copy and a slip."""
from __future__ import annotations

import pytest

from derive.check.run import check_document
from fixture_docs import as_sections as _as, error_lines, line_of as _line, slipped, verdicts_at as _verdicts

ADAM_BY_STEPS = r"""# Optimizers

Plain steps first; then the method everyone uses.

## Putting Adam together

The gradient at the current weights is $\delta_t$. The first average starts at zero:

$$m_t = \beta_1 m_{t-1} + (1 - \beta_1)\, \delta_t$$

the second averages the squares, as RMS prop does:

$$s_t = \beta_2 s_{t-1} + (1 - \beta_2)\, \delta_t^2$$

Both start at zero, so both are rescaled:

$$\hat m_t = \frac{m_t}{1 - \beta_1^t}$$

$$\hat s_t = \frac{s_t}{1 - \beta_2^t}$$

and the weights move by

$$W_{t+1} = W_t - \frac{\alpha\, \hat m_t}{\sqrt{\hat s_t} + \epsilon}$$
"""


def _codes(name: str, text: str) -> list[tuple[int, str, str]]:
    return [(f.line, f.severity, f.code) for f in check_document(name, text).findings if f.code.startswith("system/")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_adam_written_one_display_at_a_time_is_recognised(name: str) -> None:
    """Notes write Adam a row per display, with their own names (W, α, δ_t, s for the second moment) and the
    update one step ahead of the moments: the rows are gathered and found to be Adam's."""
    text = _as(name, ADAM_BY_STEPS)
    assert _codes(name, text) == [(_line(text, "W_{t+1} ="), "info", "system/recognized")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_row_of_a_named_adam_that_differs_is_false(name: str) -> None:
    """The second moment averaging the first moment's last value: one row of Adam's differs, on its line, and the
    message gives the row as the method has it in the notes' names."""
    text = slipped(_as(name, ADAM_BY_STEPS), r"\beta_2 s_{t-1}", r"\beta_2 m_{t-1}")
    line = _line(text, "s_t = \\beta_2")
    assert error_lines(name, text) == [(line, "system/differs")]
    [(verdict, reason)] = _verdicts(name, text, "s_t = \\beta_2")
    assert verdict == "false" and "β₂·s_{t-1}" in reason, reason


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_bias_corrections_without_the_power_are_both_false(name: str) -> None:
    """Dividing by 1 − β rather than 1 − β^t in both corrections: one slip made twice; the update and the two
    averages still agree with Adam, so both rows are named."""
    text = slipped(slipped(_as(name, ADAM_BY_STEPS), r"{1 - \beta_1^t}", r"{1 - \beta_1}"),
                   r"{1 - \beta_2^t}", r"{1 - \beta_2}")
    assert error_lines(name, text) == [(_line(text, "\\hat m_t ="), "system/differs"),
                                       (_line(text, "\\hat s_t ="), "system/differs")]


def test_counting_steps_from_zero_is_a_convention_not_a_slip() -> None:
    """1 − β^{t+1} in both corrections is right when the notes count steps from 0: nothing is false."""
    text = slipped(slipped(ADAM_BY_STEPS, r"{1 - \beta_1^t}", r"{1 - \beta_1^{t+1}}"),
                   r"{1 - \beta_2^t}", r"{1 - \beta_2^{t+1}}")
    assert error_lines("doc.md", text) == []
    one = slipped(ADAM_BY_STEPS, r"{1 - \beta_2^t}", r"{1 - \beta_2^{t+1}}")  # only one of them: a slip
    assert error_lines("doc.md", one) == [(_line(one, "\\hat s_t ="), "system/differs")]


def test_a_section_that_names_another_method_is_not_compared_with_adam() -> None:
    """AMSGrad is Adam with ŝ_t = max(ŝ_{t−1}, s_t): a section about it (or naming no method) is not Adam with a
    slip."""
    amsgrad = slipped(ADAM_BY_STEPS, "## Putting Adam together", "## Putting AMSGrad together")
    amsgrad = slipped(amsgrad, r"\frac{s_t}{1 - \beta_2^t}", r"\max(\hat s_{t-1}, s_t)")
    assert _codes("doc.md", amsgrad) == []
    unnamed = slipped(ADAM_BY_STEPS, "## Putting Adam together", "## Putting it together")
    assert _codes("doc.md", slipped(unnamed, r"\beta_2 s_{t-1}", r"\beta_2 m_{t-1}")) == []


def test_rows_restated_under_a_later_heading_are_that_sections_rule() -> None:
    """"Finalizing Adam" restates the averages and writes new corrections: the slip is in the later section's rule,
    though the first section's rows are the readings in force."""
    first = slipped(ADAM_BY_STEPS, "## Putting Adam together", "## Adam without corrections")
    first = first.split("Both start at zero")[0] + "and the weights move by\n\n" \
        "$$W_{t+1} = W_t - \\frac{\\alpha\\, m_t}{\\sqrt{s_t} + \\epsilon}$$\n\n"
    second = "## Finalizing Adam\n\n" + ADAM_BY_STEPS.split("## Putting Adam together\n\n")[1]
    text = first + slipped(second, r"{1 - \beta_1^t}", r"{1 - \beta_1}")
    assert error_lines("doc.md", text) == [(_line(text, "\\hat m_t ="), "system/differs")]


# -- from the unseen set fresh53 -------------------------------------------------------------------------------

DIFFERENTIAL = r"""# Differentials

Take $u(s) = s^3$, whose derivative is $u'(s) = 3s^2$. The increment's linear part is the differential:

$$d{u(s)} = u'(s)\, ds$$

and the product rule reads

$$\frac{d}{ds}(u(s)\, s) = u'(s)\, s + u(s)$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_plain_d_on_both_sides_is_a_differential_not_a_factor(name: str) -> None:
    """d{u(s)} = u′(s) ds read with d a number is false; d is the differential there, which is not modelled: the
    link is undecided. A derivative in Leibniz's notation is still checked, and its slip found."""
    text = _as(name, DIFFERENTIAL)
    [(verdict, reason)] = _verdicts(name, text, "d{u(s)}")
    assert verdict == "undecided" and "differential" in reason, reason
    assert _verdicts(name, text, r"\frac{d}{ds}(u(s)")[0][0] == "proved"
    slip = slipped(text, r"u'(s)\, s + u(s)$$", r"u'(s)\, s$$")
    assert error_lines(name, slip) == [(_line(slip, r"\frac{d}{ds}(u(s)"), "math/false")]


COORDINATE_GRADIENT = r"""# Gradient of a linear form

For vectors $c, z \in \mathbb{R}^n$ let $h(z) = c^T z = c_1 z_1 + \ldots + c_n z_n$. Coordinate by coordinate,
$\frac{\partial h(z)}{\partial z_j} = c_j$, so

$$\nabla h(z) = \begin{pmatrix} \frac{\partial h(z)}{\partial z_1} \\ \ldots \\ \frac{\partial h(z)}{\partial z_n} \end{pmatrix} = \begin{pmatrix} c_1 \\ \ldots \\ c_n \end{pmatrix}$$
"""


def test_a_derivative_in_a_coordinate_of_a_vector_parameter_is_not_the_whole_gradient() -> None:
    """h(z) = cᵀz read as numbers gives ∂h/∂z = c; ∂h/∂z_j is c_j, a coordinate the reading does not have: it was
    taken as c, and the true coordinate list refuted. Now undecided; a body written in coordinates still decides."""
    report = check_document("doc.md", COORDINATE_GRADIENT)
    assert not [f for f in report.findings if f.severity == "error"]
    assert {k.verdict for k in report.links if k.line >= 5} <= {"undecided", "not-a-claim"}
    written = "# Coordinates\n\nLet $h(z) = 3z_1 + 2z_2$. Then $\\frac{\\partial h(z)}{\\partial z_1} = 2$.\n"
    assert error_lines("doc.md", written) == [(3, "math/false")]


BRACKET_DERIVATIVE = r"""# Second partials

Let $q(x, y) = \sin(xy)$, so that $\frac{\partial q}{\partial x} = y\cos(xy)$.

$$\frac{\partial^2 q}{\partial y\,\partial x} = \frac{\partial q}{\partial y}\left[y\cos(xy)\right] = \cos(xy) - xy\sin(xy)$$
"""


def test_a_derivative_followed_by_a_bracket_may_differentiate_the_bracket() -> None:
    """∂q/∂y[y cos(xy)]: notes write the bracket as what is differentiated; read as a product, a true mixed
    partial was refuted. The side is ambiguous now; the mixed partial written plainly is still checked."""
    report = check_document("doc.md", BRACKET_DERIVATIVE)
    assert not [f for f in report.findings if f.severity == "error"]
    assert [k.verdict for k in report.links if k.line == 5] == ["undecided", "undecided"]
    plain = "# P\n\nLet $q(x, y) = \\sin(xy)$.\n\n$$\\frac{\\partial^2 q}{\\partial y\\,\\partial x} = \\cos(xy)$$\n"
    assert error_lines("doc.md", plain) == [(5, "math/false")]


LOWER_T = r"""# Least squares

Each row asks for $x_i^t w \approx y_i$, and the residual is measured by

$$\|Xw - y\|_2^2 = (Xw - y)^t(Xw - y) = w^tX^tXw - 2w^tX^ty + y^ty$$
"""


def test_notes_that_write_transposes_with_a_lower_case_t_are_read_so() -> None:
    """w^tX^tXw and (Xw − y)^t(Xw − y): t is a transpose in this document (on letters times capitals, never on a
    Greek letter or a number); read as a power, a true expansion was refuted at t = 2."""
    from derive.check.prime_transpose import t_as_transposes, t_transposes

    assert t_transposes([LOWER_T]) and not t_transposes([LOWER_T, r"m_t = \beta_1^t m_0"])
    assert t_as_transposes(r"w^tX^{t} x^{t-1}") == r"w^TX^{T} x^{t-1}"
    assert [k.verdict for k in check_document("doc.md", LOWER_T).links if k.line == 5] == ["proved", "proved"]
    slip = slipped(LOWER_T, "- 2w^tX^ty", "+ 2w^tX^ty")
    assert error_lines("doc.md", slip) == [(5, "math/false")]


ESTIMATE = r"""\section{Importance sampling}
With the density $p(x) = 2x/9$ on $[0, 3]$ the estimate of $\int_0^3 x^2 dx$ is
\[ J_n = \frac{1}{n} \sum_{i=1}^n \frac{Y^2}{2Y/9}. \]
A better density is
\[ p(x) = \frac{x^2}{9}, \]
and with it we get
\[ J_n = \frac{1}{n} \sum_{i=1}^n \frac{Y^2}{Y^2/9}. \]
"""


def test_a_name_restated_after_a_function_it_was_worked_from_is_defined_anew() -> None:
    """J_n was worked out for p written out; p is then defined anew and J_n restated for it: not a slip in the
    first J_n. Without the new p the same restatement is refuted."""
    [(verdict, reason)] = _verdicts("doc.tex", ESTIMATE, r"J_n = \frac{1}{n} \sum_{i=1}^n \frac{Y^2}{Y^2/9}")
    assert verdict == "undecided" and "defined anew" in reason, reason
    same = slipped(ESTIMATE, "A better density is\n\\[ p(x) = \\frac{x^2}{9}, \\]\nand with it", "So")
    assert _verdicts("doc.tex", same, r"J_n = \frac{1}{n} \sum_{i=1}^n \frac{Y^2}{Y^2/9}")[0][0] == "false"


REBOUND = r"""# Kinks

The function $g(x) = |x|$ has a corner at $x = 0$, where also $y = 0$.

# Partials

Now let $f(x, y) = x^2 y + y^3$. Then

$$\frac{\partial f}{\partial x} = 2xy$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_values_of_another_section_prove_nothing_of_a_functions_variables(name: str) -> None:
    """x = 0, y = 0 at a kink in one section "proved" a wrong partial of f(x, y) defined in the next, where x and y
    are f's variables: the values no longer apply there."""
    text = _as(name, REBOUND)
    assert _verdicts(name, text, r"\frac{\partial f}")[0][0] == "proved"
    slip = slipped(text, "= 2xy$$", "= 2xy + 4y^2$$")
    assert error_lines(name, slip) == [(_line(slip, r"\frac{\partial f}"), "math/false")]


QUALIFIED_ROWS = r"""# A density on an interval

$$
\begin{aligned}
r(x) &= \frac{1}{2}\frac{(x/2)^{2}}{1/3}, \quad x \in [0, 2] \\
&= \frac{3}{8}x^{2}, \quad x \in [0, 2]
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_qualifier_after_a_row_is_not_what_the_next_row_goes_on_from(name: str) -> None:
    """"…, x ∈ [0, 2]" closes each row: the next row's "= …" continues the chain, not [0, 2] (which made the link
    "a condition" and left it unchecked)."""
    text = _as(name, QUALIFIED_ROWS)
    assert [v for v, _ in _verdicts(name, text, r"&= \frac{3}{8}")] == ["proved"]
    slip = slipped(text, r"\frac{3}{8}x^{2}", r"\frac{3}{4}x^{2}")
    assert error_lines(name, slip) == [(_line(slip, r"&= \frac{3}{4}"), "math/false")]


SLOPE_BY_LIMITS = r"""# The slope of a parabola

Earlier we met $f(x) = \sqrt[3]{x}$. Now take the curve $y = x^2$:

$$
\begin{aligned}
f'(x_\mathrm{A}) & = \underset{x_\mathrm{B} \to x_\mathrm{A}}\lim\dfrac{f(x_\mathrm{B}) - f(x_\mathrm{A})}{x_\mathrm{B} - x_\mathrm{A}} \\
& = \underset{x_\mathrm{B} \to x_\mathrm{A}}\lim\dfrac{{x_\mathrm{B}}^2 - {x_\mathrm{A}}^2}{x_\mathrm{B} - x_\mathrm{A}} \quad && \text{since } f(x) = x^2 \\
& = \underset{x_\mathrm{B} \to x_\mathrm{A}}{\lim}(x_\mathrm{B} + x_\mathrm{A}) \quad && \text{since } x_\mathrm{B} \text{ approaches } x_\mathrm{A} \\
& = 2 x_\mathrm{A}
\end{aligned}
$$
"""


def test_a_limit_written_under_the_operator_with_a_reason_beside_each_row() -> None:
    """\\underset{x_B → x_A}\\lim is \\lim_{x_B → x_A} (a limit towards a name, taken symbolically); "since f(x) = x²"
    on a row is the f the row means, though another f was in force; and what a reason beside a row writes is not
    what the next row goes on from."""
    report = check_document("doc.md", SLOPE_BY_LIMITS)
    assert not [f for f in report.findings if f.severity == "error"]
    chain = [k for k in report.links if k.line >= 7 and k.left.lstrip().startswith(("f'", "\\underset"))]
    assert [k.verdict for k in chain] == ["proved"] * 4, [(k.line, k.verdict, k.reason) for k in chain]
    assert "as its display defines it" in chain[1].reason
    slip = slipped(SLOPE_BY_LIMITS, "& = 2 x_\\mathrm{A}", "& = 3 x_\\mathrm{A}")
    assert [k.verdict for k in check_document("doc.md", slip).links if k.line == _line(slip, "& = 3 x")] == ["false"]


def test_a_limit_whose_body_does_not_write_its_variable_is_not_refuted() -> None:
    """lim_{ε→0} u = 0 where "defining u = ε/x" sits in an annotation the reading did not put in: read as written
    the limit is u, and refuting that is about a dependence written elsewhere (a unit test: the reading that left u
    unsubstituted is a notebook's whole cell)."""
    import sympy as sp

    from derive.check.verify import _limit_of_unwritten

    u, eps, x = sp.symbols("u epsilon x")
    reason = _limit_of_unwritten(sp.Limit(u, eps, 0), sp.Integer(0))
    assert reason is not None and "does not write" in reason
    assert _limit_of_unwritten(sp.Limit(eps / x, eps, 0), sp.Integer(0)) is None
