"""Readings added in stop 40: gradients and Hessians in matrix notation proved symbolically (each occurrence of
the variable differentiated in the expanded products), not only checked on random matrices. Fixtures are written
here, in the notation of least-squares and quadratic-form notes; each has a correct copy and a slip."""
from __future__ import annotations

import pytest

from derive.check import matrices, matrix_calculus, matrix_gradient
from derive.check.run import check_document
from fixture_docs import line_of, verdicts_on, as_sections as _as, verdicts_at as _verdicts


QUADRATIC = r"""# Quadratic forms

Let $A \in \mathbb{R}^{n \times n}$ be a matrix, not necessarily symmetric, and $x \in \mathbb{R}^n$.
Its gradient, with the point left unwritten:

$$
\nabla_x f = (A + A^T) x
$$

where $f(x) = x^T A x$. Differentiating once more,

$$
\nabla^2 f(x) = A + A^T
$$

# Least squares

Let $Q(w) = (y - Xw)^T(y - Xw)$ with $X \in \mathbb{R}^{m \times n}$. Then

$$
\nabla Q(w) = -2X^T(y - Xw)
$$

and the Hessian is

$$
\nabla^2 Q(w) = 2X^TX
$$

The same gradient for the expression itself:

$$
\frac{\partial (y - Xw)^T(y - Xw)}{\partial w} = 2X^TXw - 2X^Ty
$$
"""

LINES = {  # the claim as written -> a slip of it
    r"\nabla_x f = (A + A^T) x": r"\nabla_x f = 2(A + A^T) x",
    r"\nabla^2 f(x) = A + A^T": r"\nabla^2 f(x) = A",
    r"\nabla Q(w) = -2X^T(y - Xw)": r"\nabla Q(w) = -2X^T(y + Xw)",
    r"\nabla^2 Q(w) = 2X^TX": r"\nabla^2 Q(w) = X^TX",
    r"= 2X^TXw - 2X^Ty": r"= 2X^TXw + 2X^Ty",
}


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("claim", list(LINES))
def test_a_matrix_gradient_or_hessian_is_proved_and_its_slip_found(name: str, claim: str) -> None:
    correct = _verdicts(name, _as(name, QUADRATIC), claim)
    assert [v for v, _ in correct] == ["proved"], correct
    assert correct[0][1].startswith("proved in matrix algebra"), correct
    slip = LINES[claim]
    verdicts = _verdicts(name, _as(name, QUADRATIC.replace(claim, slip)), slip)
    assert [v for v, _ in verdicts] == ["false"], verdicts


def _table(*sides: str) -> matrices.Notation:
    return matrices.notation(list(sides), "Let A and X be matrices.")


@pytest.mark.parametrize(("body", "claim", "proved"), [
    ("x^T A x", "(A + A^T) x", True),
    ("x^T A x", "(A^T + A) x", True),
    (r"\frac{1}{2}\|Xw - y\|^2 + \frac{\lambda}{2}\|w\|^2", r"X^T(Xw - y) + \lambda w", True),
    ("y^T X w", "X^T y", True),
    ("x^T A x", "2A x", False),  # true only for a symmetric A
    ("y^T X w", "X y", False),
])
def test_the_symbolic_gradient_proves_only_the_true_claims(body: str, claim: str, proved: bool) -> None:
    variable = "x" if "x" in body else "w"
    decision = matrix_gradient.check(body, variable, claim, _table(body, claim))
    assert decision is not None
    assert (decision.status == "true" and decision.reason.startswith("proved")) is proved, decision


@pytest.mark.parametrize(("body", "claim", "status"), [
    ("(y - Xw)^T(y - Xw)", "2X^TX", "proved"),
    ("x^T A x", "A + A^T", "proved"),
    ("x^T A x", "A", "false"),
    ("x^T A x", "2A", "undecided"),  # holds for a symmetric A, which notes often mean without saying
])
def test_a_hessian_in_matrix_notation(body: str, claim: str, status: str) -> None:
    variable = "x" if "x" in body else "w"
    decision = matrix_gradient.check_hessian(body, variable, claim, _table(body, claim))
    assert decision is not None
    got = "proved" if decision.status == "true" and decision.reason.startswith("proved") else decision.status
    assert got == status, decision


def test_a_hessian_is_not_taken_from_second_differences_of_a_cubic() -> None:
    # (xᵀx)(aᵀx) is cubic: second differences are no Hessian there, so nothing is decided
    assert matrix_gradient.check_hessian("(x^T x)(a^T X x)", "x", "X", _table("X")) is None


def test_the_gradient_rule_keeps_the_order_of_products() -> None:
    # d(yᵀXw) = yᵀX dw: the gradient is Xᵀy (a column), never yᵀX or Xy
    table = _table("y^T X w")
    algebra = matrices.Algebra(matrices.Shapes(), set())
    body = matrices._as_vectors(matrices.read_side("y^T X w", table), {"y", "w"})
    algebra.shapes.of(body)
    algebra.shapes.unify(algebra.shapes.of(body), (matrices.Shapes.ONE, matrices.Shapes.ONE))
    gradient = matrix_gradient.gradient_poly(algebra, algebra.poly(body), "w")
    assert gradient == {("X'", "y"): 1}, gradient


@pytest.mark.parametrize(("left", "split"), [
    (r"\frac{\partial x^T A x}{\partial x}", ("x", "x^T A x")),
    (r"\frac{\partial (x^T A x)}{\partial x}", ("x", "x^T A x")),
    (r"\frac{\partial}{\partial x} x^T A x", ("x", "x^T A x")),
    (r"\frac{\partial f(x)}{\partial x}", None),  # names a function: not an expression's gradient
])
def test_a_gradient_written_as_a_fraction_of_partials(left: str, split: tuple[str, str] | None) -> None:
    assert matrix_calculus.split_gradient(left) == split


# --- fresh45: crashes and false errors on public notes -------------------------------------------------------

LIKELIHOOD = r"""# Likelihood

We maximize the likelihood

$$
L(\theta) = \prod_{i=1}^n P_\theta(y^{(i)} \mid x^{(i)})
$$

Taking logs,

$$
\ell(\theta) = \log \prod_{i=1}^n P_\theta(y^{(i)} \mid x^{(i)}) = \sum_{i=1}^n \log P_\theta(y^{(i)} \mid x^{(i)})
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_with_a_braced_subscript_in_a_sum_is_checked_not_crashed(name: str) -> None:
    # P_{θ}(y^{(i)} | x^{(i)}) in a sum: its name went into a str.format template with the braces of \theta
    text = _as(name, LIKELIHOOD)
    report = check_document(name, text)
    assert not [f for f in report.findings if f.code == "checker/internal-error"], report.findings
    verdicts = verdicts_on(report, line_of(text, r"= \sum_{i=1}^n \log P_\theta"))
    assert "proved" in [v for v, _ in verdicts], verdicts


SECANT = r"""# Newton and secant steps

Newton's method for solving $g(x)=0$ iterates

$$
x^{(k+1)}=x^{(k)}-\frac{g(x^{(k)})}{g'(x^{(k)})}
$$

When $g(x)=\nabla f(x)$ the step becomes

$$
x^{(k+1)}=x^{(k)}-\left(\nabla^{2}f(x^{(k)})\right)^{-1}\nabla f(x^{(k)})
$$

The secant method replaces the derivative by a difference quotient:

$$
x^{(k+1)}=x^{(k)}-g(x^{(k)})\frac{x^{(k)}-x^{(k-1)}}{g(x^{(k)})-g(x^{(k-1)})}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_unrolling_never_puts_an_expression_where_a_derivative_is_taken(name: str) -> None:
    # g'(x^{(k−1)}) is d/dx^{(k−1)}: unrolling x^{(k−1)} by Newton's rule made SymPy raise "Can't calculate derivative"
    report = check_document(name, _as(name, SECANT))
    assert not [f for f in report.findings if f.code == "checker/internal-error"], report.findings
    assert not [f for f in report.findings if f.code == "math/false"], report.findings


LOGDET = r"""# Gradient of a log-determinant

Let $Q$ be a symmetric positive-definite matrix and set $P = Q^{-1}$. Differentiating in $P$:

$$
\nabla_{P} \log \text{det} P^{-1} = - \nabla_{P} \log \text{det} | P | = - P^{-1}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_text_operator_before_a_bar_keeps_its_operand(name: str) -> None:
    # \text{det}|P| was cut at the \text word, leaving |P| = −P^{-1} to refute
    text = _as(name, LOGDET)
    verdicts = _verdicts(name, text, r"\nabla_{P} \log \text{det} P^{-1}")
    assert "false" not in [v for v, _ in verdicts], verdicts
    assert all("|P| = " not in r for _, r in verdicts), verdicts


def test_a_bar_after_an_operator_word_is_its_operand() -> None:
    from derive.check.latex_tokens import _operator_word

    assert _operator_word("det", "|P|")
    assert _operator_word("det", r"\lvert P \rvert")
    assert not _operator_word("if", "|x| < 1")


BIAS = r"""# A linear unit

$$
z = w_1 x_1 + w_2 x_2 + \dots + w_m x_m + b = \sum_{l=1}^{m} w_l x_l + b
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_ellipsis_sum_beside_a_bias_is_read_against_the_sum(name: str) -> None:
    correct = _verdicts(name, _as(name, BIAS), r"\sum_{l=1}^{m}")
    assert [v for v, _ in correct][-1] == "proved", correct
    assert "b on both sides" in correct[-1][1], correct
    slip = _as(name, BIAS.replace(r"\sum_{l=1}^{m}", r"\sum_{l=1}^{m-1}"))
    verdicts = _verdicts(name, slip, r"\sum_{l=1}^{m-1}")
    assert [v for v, _ in verdicts][-1] == "false", verdicts
    assert "l = m − 1" in verdicts[-1][1], verdicts


SEASONAL = r"""# Seasonal model

Earlier we fitted the quadratic model

$$
Y_i = \beta_0 + \beta_1 x_i + \beta_2 x_i^2 + \varepsilon_i
$$

A periodic measurement-error model for monthly data is

$$
y_i = \mu + A \sin(2\pi t_i/12 + \phi) + \varepsilon_i
$$

Using trigonometry, we can rewrite this model as

$$
y_i = \beta_0 + \beta_1 \sin(2\pi t_i/12) + \beta_2 \cos(2\pi t_i/12) + \varepsilon_i
$$
"""

REFIT = r"y_i = \beta_0 + \beta_1"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_model_restated_in_new_coefficients_is_an_existence_claim(name: str) -> None:
    # β₀, β₁, β₂ exist (μ, A cos φ, A sin φ): refuting the line with random β was a false error (fresh45, a Quarto book)
    correct = _verdicts(name, _as(name, SEASONAL), REFIT)
    assert [v for v, _ in correct] == ["proved"], correct
    assert "A·cos(φ)" in correct[0][1] and "A·sin(φ)" in correct[0][1], correct
    # no β can turn sin(t + φ) into a cosine of twice the angle
    slip = _as(name, SEASONAL.replace(r"\beta_2 \cos(2\pi t_i/12)", r"\beta_2 \cos(4\pi t_i/12)"))
    verdicts = _verdicts(name, slip, REFIT)
    assert [v for v, _ in verdicts] == ["false"], verdicts
    assert "no values of" in verdicts[0][1], verdicts


def test_without_a_model_in_its_sentence_a_restatement_is_still_an_identity() -> None:
    # the same two lines with no word of a model: a restatement with letters of its own stays what it was
    text = _as("doc.md", SEASONAL.replace("Using trigonometry, we can rewrite this model as", "Hence"))
    verdicts = _verdicts("doc.md", text, REFIT)
    assert verdicts and "restated in new parameters" not in verdicts[0][1], verdicts


def test_a_wrong_witness_from_sympy_never_proves() -> None:
    # solve_undetermined_coeffs answers sin(t + φ) = β₁ sin t + β₂ cos 2t with β₂ = 0; put back in, it fails
    import sympy as sp

    from derive.check import reparametrize

    mu, amp, phi, t = sp.symbols("mu A phi t_i")
    b = list(sp.symbols("beta_0:3"))
    left = mu + amp * sp.sin(t + phi)
    right = b[0] + b[1] * sp.sin(t) + b[2] * sp.cos(2 * t)
    witness = sp.solve_undetermined_coeffs(sp.expand(sp.expand_trig(left - right)), b, t)
    assert witness and witness[b[2]] == 0  # SymPy's answer, which leaves A·sin(φ)·cos(t) over
    reading = reparametrize.decide(left, right, b, [t], 4.0)
    assert reading is not None and reading.status == "false", reading


def test_a_hessian_with_the_variable_transposed_inside_a_product() -> None:
    # (aᵀw)(wᵀXb): its gradient holds wᵀ (b·wᵀa), whose Jacobian keeps the order L·Rᵀ
    table = _table("a^T w", "w^T X b")
    decision = matrix_gradient.check_hessian("(a^T w)(w^T X b)", "w", "a b^T X^T + X b a^T", table)
    assert decision is not None and decision.status == "true" and decision.reason.startswith("proved"), decision


DENSITY = r"""# Likelihood

$$
L(\theta) = \prod_{i=1}^n p(y_i; \theta)
$$

$$
\log L(\theta) = \sum_{i=1}^n \log p(y_i; \theta)
$$

# Joint

$$
\log \prod_{i=1}^n q(x_i, z_i) = \sum_{i=1}^n \log q(x_i, z_i)
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("snippet", [r"\log L(\theta) =", r"\log \prod_{i=1}^n q("])
def test_a_density_of_several_arguments_is_a_call(name: str, snippet: str) -> None:
    # p(y_i; θ), q(x_i, z_i) were a letter times a tuple: "a tuple next to a name", never decided
    verdicts = _verdicts(name, _as(name, DENSITY), snippet)
    assert [v for v, _ in verdicts] == ["proved"], verdicts


def test_only_density_letters_call_on_a_comma() -> None:
    from derive.check.latex import parse_expr

    assert type(parse_expr(r"p(x, \theta)")).__name__ == "p"
    assert type(parse_expr(r"a(x; \theta)")).__name__ == "a"  # a semicolon sets parameters apart after any letter
    assert type(parse_expr(r"a(x, \theta)")).__name__ != "a"


MULTINOMIAL = r"""# Multinomial likelihood

$$
\log \prod_{i=1}^N\prod_{c=1}^C \mu_{ic}^{y_{ic}} = \sum_{i=1}^N\sum_{c=1}^C y_{ic}\log \mu_{ic}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_log_of_a_double_product_is_a_double_sum(name: str) -> None:
    correct = _verdicts(name, _as(name, MULTINOMIAL), r"\log \prod")
    assert [v for v, _ in correct] == ["proved"], correct
    assert "over i, c" in correct[0][1], correct
    slip = _as(name, MULTINOMIAL.replace(r"y_{ic}\log", r"2y_{ic}\log"))
    assert [v for v, _ in _verdicts(name, slip, r"\log \prod")] != ["proved"]


def test_sums_over_different_ranges_are_not_combined() -> None:
    from derive.check import sums
    from derive.check.latex import parse_expr

    whole = parse_expr(r"\sum_{i=1}^N\sum_{c=1}^C y_{ic}\log \mu_{ic}")
    short = parse_expr(r"\sum_{i=1}^N\sum_{c=1}^{C-1} y_{ic}\log \mu_{ic}")
    logs = sums.log_products(parse_expr(r"\log \prod_{i=1}^N\prod_{c=1}^C \mu_{ic}^{y_{ic}}"))
    assert "agree term by term" in (sums.prove(logs, whole, seconds=2) or "")
    assert sums.prove(whole, short, seconds=2) is None  # one range is not the other: nothing combines


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_coefficients_an_earlier_model_gave_values_are_the_restatements_own(name: str) -> None:
    # "testing the null hypothesis that $\beta_0 = 0$ and $\beta_1 = 0$" for the first model: the seasonal model's
    # β are new, and only β₂ left free could not make it hold
    earlier = SEASONAL.replace("A periodic", "We test the null hypothesis that $\\beta_0 = 0$ and $\\beta_1 = 0$.\n\n"
                                             "A periodic")
    verdicts = _verdicts(name, _as(name, earlier), REFIT)
    assert [v for v, _ in verdicts] == ["proved"], verdicts


BAYES = r"""# Posterior

$$
p(w \mid y, X) = \frac{p(y, X \mid w)\, p(w)}{p(y, X)}
$$

and by the definition of a conditional density

$$
p(y, X \mid w) = \frac{p(X, y, w)}{p(w)}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_joint_density_next_to_conditioned_ones_stays_a_claim(name: str) -> None:
    # p(X, y, w) read as a call would make the line "a form with unknown functions", not a claim at all
    verdicts = _verdicts(name, _as(name, BAYES), r"\frac{p(X, y, w)}{p(w)}")
    assert verdicts and all(v != "not-a-claim" for v, _ in verdicts), verdicts


SOFTMAX_CASES = r"""# Softmax Jacobian

Let $p_j = \frac{e^{z_j}}{\sum_k e^{z_k}}$.

$$
\frac{\partial p_j}{\partial z_i} = p_i(1 - p_i), \quad i = j
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_index_case_after_a_formula_is_a_condition(name: str) -> None:
    # the trailing i = j was "definition (a naming)": it names nothing, it says where the formula holds
    text = _as(name, SOFTMAX_CASES)
    report = check_document(name, text)
    cases = [k for k in report.links if k.left == "i" and k.right == "j"]
    assert [(k.verdict, k.reason.split(" (")[0]) for k in cases] == [("not-a-claim", "condition")], cases
    proved = _verdicts(name, text, r"\frac{\partial p_j}{\partial z_i}")
    assert "proved" in [v for v, _ in proved], proved


# --- fresh46 ---------------------------------------------------------------------------------------------------

WAGES = r"""# Two wage models

The additive model is

$$
\begin{align}
  \text{Pay}_i = \alpha + \beta_1 \text{Degree}_i + \beta_2 \text{Urban}_i + \varepsilon_i
\end{align}
$$

Adding an interaction gives a different model:

$$
\begin{align}
  \text{Pay}_i = \alpha + \beta_1 \text{Degree}_i + \beta_2 \text{Urban}_i + \beta_3 \text{Degree}_i \times \text{Urban}_i + \varepsilon_i
\end{align}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_side_is_not_cut_at_a_word_with_a_subscript(name: str) -> None:
    # the sides were cut at \text{Degree}_i, so both models read "Pay_i = α + β_1" and the second was "proved"
    report = check_document(name, _as(name, WAGES))
    rights = [k.right for k in report.links]
    assert all(r.rstrip().endswith(r"\varepsilon_i") for r in rights), rights
    assert [k.verdict for k in report.links] == ["not-a-claim", "not-a-claim"], [k.text() for k in report.links]
    assert "a model extended by" in report.links[1].reason, report.links[1].reason


ALIGNED = r"""# Aligned model line

$$
\begin{align}
  P_i = a &+ b_1 D_i + b_2 U_i
\end{align}
$$

With an interaction term:

$$
\begin{align}
  P_i = a &+ b_1 D_i + b_2 U_i + b_3 D_i U_i
\end{align}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_alignment_point_before_an_operator_does_not_end_the_side(name: str) -> None:
    report = check_document(name, _as(name, ALIGNED))
    assert [k.right.replace(" ", "").replace("&", "") for k in report.links] == \
        ["a+b_1D_i+b_2U_i", "a+b_1D_i+b_2U_i+b_3D_iU_i"], [k.text() for k in report.links]
    assert "proved" not in [k.verdict for k in report.links]


def _fixture(name: str, number: int) -> str:
    """A fresh46 repro in my own words (kept here, the notes themselves not stored)."""
    return _as(name, FRESH46[number])


FRESH46 = {
    1: r"""# Step sizes per coordinate

Take $f(x,y) = x^2 + y^4$. Plain gradient descent on each variable is

$$
x_+ = x - \gamma \cdot 2x, \qquad y_+ = y - \gamma \cdot 4y^3.
$$

Two ways to run it:

1. **Shared step** $\gamma = 0.01$ for both coordinates.
2. **Separate steps.** We set $\eta_x = 0.3$ and $\eta_y = 0.05$. The update is $x_+ = x - \eta_x \cdot 2x$.
""",
    2: r"""# Curvature along rotated axes

Let $g(a,b) = (a-b)^2 + (a+b)^4$ and call its Hessian $M = \nabla^2 g$:

$$
M = \begin{bmatrix} 2 + 12(a+b)^2 & -2 + 12(a+b)^2 \\ -2 + 12(a+b)^2 & 2 + 12(a+b)^2 \end{bmatrix}.
$$

Its eigenvectors are the directions $s = a+b$ and $t = a-b$, so in the eigenvector basis $M = \text{diag}(24s^2, 4)$.
""",
    3: r"""# Problem sizes

Exhaustive subset search over $q$ features needs $2^q$ fits, e.g. $2^{20} = 1048576$.
Modern solvers handle $q \sim 10^3 \sim 10^5$ in practice.
""",
    4: r"""# Fitting a line

We fit $g(t) = b\,t + a$ to pairs $(t_k, z_k)$ by minimising $E = \sum_k (z_k - b t_k - a)^2$.
Show that the minimiser satisfies

$$
a = \bar z - b \bar t .
$$

For the slope, each term differentiates (chain rule) as

$$
\frac{\partial}{\partial b} (z_k - b t_k - a)^2 = 2 (z_k - b t_k - a)(-t_k).
$$
""",
}


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_rule_with_a_parameter_set_after_it_is_another_scheme(name: str) -> None:
    verdicts = _verdicts(name, _fixture(name, 1), r"x_+ = x - \eta_x")
    assert verdicts[-1][0] == "undecided", verdicts
    assert "first written after" in verdicts[-1][1], verdicts
    # the same rule restated with its own γ but a slipped factor is still a slip
    slip = _fixture(name, 1).replace(r"The update is $x_+ = x - \eta_x \cdot 2x$", r"The update is $x_+ = x - \gamma \cdot 3x$")
    assert _verdicts(name, slip, r"x_+ = x - \gamma \cdot 3x")[-1][0] == "false"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_matrix_in_another_basis_is_not_compared_entry_by_entry(name: str) -> None:
    verdicts = _verdicts(name, _fixture(name, 2), r"M = \text{diag}")
    assert verdicts[-1][0] == "undecided" and "basis" in verdicts[-1][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_chain_of_orders_of_magnitude_is_not_arithmetic(name: str) -> None:
    text = _fixture(name, 3)
    report = check_document(name, text)
    assert not [f for f in report.findings if f.code == "math/false"], report.findings
    on_line = verdicts_on(report, line_of(text, r"10^3 \sim 10^5"))
    assert on_line and all(v == "not-a-claim" and "order of magnitude" in r for v, r in on_line), on_line
    # arithmetic with ≈ is still worked to its digits
    slip = text.replace(r"needs $2^q$ fits, e.g. $2^{20} = 1048576$.", r"takes $2^q$ fits. So $2^{20} \approx 1000576$.")
    assert [v for v, _ in _verdicts(name, slip, r"2^{20} \approx")] == ["false"]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_what_a_minimiser_satisfies_is_no_value_to_put_in(name: str) -> None:
    # a = z̄ − b t̄ put into ∂/∂b (z_k − b t_k − a)² made the chain rule's plain answer false
    text = _fixture(name, 4)
    assert [v for v, _ in _verdicts(name, text, r"a = \bar z")] == ["not-a-claim"]
    assert [v for v, _ in _verdicts(name, text, r"\frac{\partial}{\partial b}")] == ["proved"]
    slip = text.replace("(-t_k).", "(t_k).")
    assert [v for v, _ in _verdicts(name, slip, r"\frac{\partial}{\partial b}")] == ["false"]


QP = r"""# A quadratic program

The solver takes the problem

$$
\begin{aligned}
\min_{v} \quad & \frac{1}{2} v^\top P v + q^\top v \\
\text{subject to} \quad & G v \preceq h, \quad A v = b
\end{aligned}
$$

where $A = (y_1, \dots, y_N)$ and $b = 0$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_constraint_after_subject_to_is_a_condition(name: str) -> None:
    # Av = b with A and b given after it was refuted as an identity in v (fresh46, a homework's SVM dual)
    text = _as(name, QP)
    report = check_document(name, text)
    assert not [f for f in report.findings if f.code == "math/false"], report.findings
    verdicts = verdicts_on(report, line_of(text, "A v = b"))
    assert verdicts == [("not-a-claim", "condition (a constraint: it follows “subject to”)")], verdicts
    # a claim in the row before the words is still one
    claim = text.replace(r"\min_{v} \quad & \frac{1}{2} v^\top P v + q^\top v", r"(a + b)^2 &= a^2 + 2ab + b^2")
    assert _verdicts(name, claim, "(a + b)^2")[0][0] == "proved"


def test_coefficients_that_only_come_in_together_are_undecided_not_a_crash() -> None:
    # β₀ + β₁ only ever as a sum: the least-squares system is singular (SymPy's NonInvertibleMatrixError)
    import sympy as sp

    from derive.check import reparametrize

    mu, t, b0, b1 = sp.symbols("mu t_i b0 b1")
    for right in (b0 + b1 + t, b0 + b1 + 2 * t):
        reading = reparametrize.decide(mu + t, right, [b0, b1], [t], 4.0)
        assert reading is not None and reading.status == "undecided", reading
