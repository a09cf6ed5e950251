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

and the differential, term by term:

$$\frac{\partial h(z)}{\partial z_1} \cdot dz_1 + \ldots + \frac{\partial h(z)}{\partial z_n} \cdot dz_n = c_1 \cdot dz_1 + \ldots + c_n \cdot dz_n$$
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
    again = slipped(ESTIMATE, "\\[ p(x) = \\frac{x^2}{9}, \\]", "\\[ p(x) = \\frac{2x}{9} = \\frac{2}{9}x, \\]")
    [(verdict, reason)] = _verdicts("doc.tex", again, r"J_n = \frac{1}{n} \sum_{i=1}^n \frac{Y^2}{Y^2/9}")
    assert verdict == "undecided" and "written out again" in reason, reason  # the setting revisited
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


DESCENT_NAMED = r"""# Decay in the plain step

An L2 penalty adds $\frac{\kappa}{2}\|u\|^2$ to the loss $J(u)$. For plain gradient descent this is the same as
shrinking the weights first:

$$u_k = (1 - \gamma\kappa)u_{k-1} - \gamma\nabla J(u_{k-1})$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_rule_restated_for_a_penalty_after_words_that_name_plain_descent(name: str) -> None:
    """No rule is written before: the words name plain gradient descent, whose step (with the rate and gradient the
    restatement writes) is the rule in force. The founding claim is then checked: proved, and (1 − κ) is false."""
    text = _as(name, DESCENT_NAMED)
    [(verdict, reason)] = _verdicts(name, text, "u_k = (1")
    assert verdict == "proved" and "plain gradient descent" in reason, reason
    slip = slipped(text, r"(1 - \gamma\kappa)", r"(1 - \kappa)")
    assert error_lines(name, slip) == [(_line(slip, "u_k = (1"), "math/false")]


def test_named_descent_is_never_refuted_for_decoupled_decay_or_read_for_another_method() -> None:
    """Under words of decoupled decay the slip is undecided ("a decay of its own?"); a sentence that names momentum
    does not make plain descent the rule in force."""
    decoupled = slipped(DESCENT_NAMED, "# Decay in the plain step", "# Decoupled decay (SGDW)")
    slip = slipped(decoupled, r"(1 - \gamma\kappa)", r"(1 - \kappa)")
    assert [v for v, _ in _verdicts("doc.md", slip, "u_k = (1")] == ["undecided"]
    momentum = slipped(DESCENT_NAMED, "For plain gradient descent", "For gradient descent with momentum")
    assert [v for v, _ in _verdicts("doc.md", momentum, "u_k = (1")] == ["not-a-claim"]


NEWTON_LIMIT = r"""# Newton's method for a loan's rate

The derivative at a guess is the slope

$$F'(a) = \lim_{a\to x}\; \frac{F(x)-F(a)}{x-a}$$

For the payment equation take $F(x) = x^3 - 5x$. Then

$$F'(x) = \frac{\partial (x^3 - 5x)}{\partial x} = 3x^2 - 5$$
"""


def test_a_limit_whose_variable_is_the_functions_parameter_defines_no_function() -> None:
    """F'(a) = lim_{a→x} …: the parameter a is the limit's variable, bound; read as F' of a, a call F'(x) made
    SymPy build lim_{x→x} and raise, and every link reading F' was a checker error. F' is F's derivative there."""
    report = check_document("doc.md", NEWTON_LIMIT)
    assert not [f for f in report.findings if f.code == "checker/internal-error"]
    assert [k.verdict for k in report.links if k.line == _line(NEWTON_LIMIT, "F'(x) =")] == ["proved", "proved"]
    from derive.check.latex import NamedPointLimit
    import sympy as sp

    x, y = sp.symbols("x y")
    opaque = NamedPointLimit(x + y, y, x).xreplace({x: y})  # the point becomes the variable: no exception
    assert not isinstance(opaque, sp.Limit) and opaque.free_symbols == {y}


BOXED = r"""\section{Steps}
For $f(x) = x^2 + 3x$ the slope is
\begin{equation}
\boxed{
f'(x) = 2x + 3
}
\end{equation}
"""


def test_a_boxed_formula_inside_its_environment_is_the_formula() -> None:
    """\\boxed{…} around the whole formula of an equation environment only frames it: the relation inside is the
    formula's (it was "a relation inside a group", never checked)."""
    assert [v for v, _ in _verdicts("doc.tex", BOXED, "f'(x) = 2x")] == ["proved"]
    slip = slipped(BOXED, "2x + 3", "2x + 4")
    assert error_lines("doc.tex", slip) == [(_line(slip, "f'(x) ="), "math/false")]


# -- from the unseen set fresh54 -------------------------------------------------------------------------------

def _no_error(name: str, text: str, snippet: str, allowed: tuple[str, ...] = ("undecided", "proved")) -> str:
    [(verdict, reason)] = _verdicts(name, text, snippet)[-1:]
    assert verdict in allowed, (verdict, reason)
    assert error_lines(name, text) == []
    return reason


def test_an_operator_typed_without_its_backslash_is_no_product_to_refute() -> None:
    """C = −Σ[y lna + (1 − y) ln(1 − a)]: "ln" with no backslash reads as letters l·n; the correct bias gradient
    was refuted against that reading."""
    text = ("# Bias gradient\n\nWith $a=\\sigma(z)$, $\\sigma(z)=\\frac{1}{1+e^{-z}}$ and $z=wx+b$ the cost is\n\n"
            "$C=-[ylna+(1-y)ln(1-a)]$\n\nand so\n\n$\\frac{\\partial C}{\\partial b}=\\sigma(z)-y$\n")
    assert "without a backslash" in _no_error("doc.md", text, "\\frac{\\partial C}", ("undecided",))
    # a bracket after the name is the function: a slip there is still found
    slip = "# Sums\n\n$cos(a+b) = \\cos(a)\\sin(b)+\\sin(a)\\cos(b)$\n"
    assert error_lines("doc.md", slip) == [(3, "math/false")]


def test_a_parameter_written_in_the_other_case_is_the_bodys_variable() -> None:
    """σ(X) = 1/(1 + e^{−x}): X for x is a typo; read as written σ was a constant and σ′ = σ(1 − σ) refuted."""
    text = ("# Slopes\n\nFor $\\sigma(X)=\\frac{1}{1+e^{-x}}$ the slope is "
            "$\\sigma'(x)=\\frac{1}{1+e^{-x}}(1-\\frac{1}{1+e^{-x}})$.\n")
    _no_error("doc.md", text, "\\sigma'(x)", ("proved",))
    slip = slipped(text, "(1-\\frac{1}{1+e^{-x}})$", "(1+\\frac{1}{1+e^{-x}})$")
    assert error_lines("doc.md", slip) == [(3, "math/false")]


def test_an_expectation_written_with_round_brackets_is_not_a_letter_e() -> None:
    """Var(X) = μ_2 − μ_1² with μ_k = E(X^k): E( … ) read as the letter E times X^k refuted a true identity; so did
    E(X) = E(I_1) + … + E(I_20) after X = I_1 + … + I_20 (linearity), with "the event $I_j = 1$" taken as a value."""
    moments = (r"\section{Moments}" "\nThe spread is \\[\\mathrm{Var}(X) = E(X^2) - (E(X))^2.\\]\n"
               "With the raw moments $\\mu_k = E(X^k)$ it reads $\\mathrm{Var}(X) = \\mu_2 - \\mu_1^2$.\n")
    _no_error("doc.tex", moments, "\\mathrm{Var}(X) = \\mu_2", ("undecided", "proved"))
    cards = ("\\section{Cards}\nFor blank card $j$ the event $I_j=1$ has probability $1/4$. With "
             "$X = I_1 + I_2 + ... + I_{20}$,\n\\[E(X) = E(I_1) + E(I_2) + ... + E(I_{20}).\\]\n")
    assert _verdicts("doc.tex", cards, "I_j=1")[0] == ("not-a-claim", "an event (the words before it call it one): no "
                                                               "value of its name")
    _no_error("doc.tex", cards, "E(X) = E(I_1)")


def test_what_an_if_then_sentence_states_is_no_definition_for_the_next_example() -> None:
    """"If $E(Y|X=x) = 2x^3 − x$, then $E(Y|X) = 2X^3 − X$" holds in that case; the next example's E(Y|X) = X² was
    refuted against it."""
    text = (r"\section{Conditional means}" "\n\\begin{itemize}\n"
            "\\item If $E(Y|X=x) = 2x^3 - x$, then $E(Y|X) = 2X^3 - X$.\n"
            "\\item Another pair: $X$ standard normal and $Y=X^2$. Then $E(Y|X=x) = x^2$ since $X=x$ fixes $Y$. "
            "So $E(Y|X)=X^2, E(X|Y)=0$.\n\\end{itemize}\n")
    assert error_lines("doc.tex", text) == []


def test_a_row_beside_an_equation_that_reads_itself_is_an_equation_of_the_system() -> None:
    """s_0 = s_0(1 − α) + s_1β and s_1 = s_0α + s_0(1 − β) (a slip in the notes) "solve" the balance: the second is no
    definition of s_1, so a correct later equality in s_1 is not refuted with it."""
    text = (r"\section{A two-state chain}" "\nThe stationary vector solves $sQ = s$, that is "
            "\\[s_0 = s_0(1-\\alpha) + s_1 \\beta \\textnormal{ and } s_1 = s_0\\alpha + s_0(1-\\beta),\\]\n"
            "so $s_1 = \\frac{\\alpha}{\\alpha+\\beta}$ and $s_1 \\beta = \\frac{\\alpha\\beta}{\\alpha+\\beta}$.\n")
    [(verdict, reason)] = _verdicts("doc.tex", text, "s_1 = s_0\\alpha")[-1:]
    assert verdict == "not-a-claim" and "equation of the system" in reason, reason
    assert error_lines("doc.tex", text) == []


def test_independence_stated_as_a_case_is_not_assumed_by_later_claims() -> None:
    """"When X and Y are independent, Cov(X, Y) = 0" is one case: Cov(X + a, Y + b) = 7Cov(X, Y) for arbitrary X, Y
    was proved "under the independence the text states" (0 = 7·0)."""
    text = (r"\section{Covariance}" "\nWhen $X$ and $Y$ are independent we have $\\mathrm{Cov}(X, Y) = 0$.\n"
            "For arbitrary $X, Y$ and numbers $a, b$:\n\\[\\mathrm{Cov}(X + a, Y + b) = 7\\mathrm{Cov}(X, Y)\\]\n")
    [(verdict, _)] = _verdicts("doc.tex", text, "\\mathrm{Cov}(X + a")
    assert verdict != "proved"


def test_each_item_of_a_list_of_examples_sets_up_its_own() -> None:
    """"\\item Let …" starts an example of its own: its h = x² is not a restatement of the h = x + 7 the item before
    worked out (E(Y|X) = X² was refuted so against E(Y|X) = X + 7p). Without the new item the slip is still found."""
    text = (r"\section{Examples}" "\n\\begin{itemize}\n"
            "\\item Let $x$ count the successes of three trials. Then $h = x + 7$.\n"
            "\\item Let $x$ be a standard normal draw. So $h = x^2$.\n\\end{itemize}\n")
    assert error_lines("doc.tex", text) == []
    same = slipped(text, "\\item Let $x$ be a standard normal draw. So", "Hence")
    assert error_lines("doc.tex", same) == [(_line(same, "Hence"), "math/false")]
    rows = slipped(text, "So $h = x^2$.", "So $h = x^2, g = 0$.")  # two rows: a restated row of a system
    assert error_lines("doc.tex", rows) == []
    assert error_lines("doc.tex", slipped(same, "Hence $h = x^2$.", "Hence $h = x^2, g = 0$.")) == [(4, "math/false")]


def test_properties_of_limits_towards_a_name_listed_after_a_lead_in_are_identities() -> None:
    """"the main properties you need to know:" then lim_{x→k} c = c, lim_{x→k} x = k: identities, proved whatever the
    words before them (a limit towards a name is SymPy's limit too, not an unknown object)."""
    text = ("# Limits\n\nHere are the main properties you need to know:\n\n"
            "* $\\underset{x \\to k}\\lim c = c \\quad$ if $c$ does not depend on $x$.\n"
            "* $\\underset{x \\to k}\\lim x = k \\quad$ if $x$ approaches $k$.\n")
    assert [k.verdict for k in check_document("doc.md", text).links if k.line in (5, 6)] == ["proved", "proved"]
