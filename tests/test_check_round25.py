"""Readings added in stop 29. Fixtures are written here, in Markdown and LaTeX."""
from __future__ import annotations

import pytest

from derive.check.latex import parse_block
from derive.check.run import check_document
from fixture_docs import as_document as _as, error_lines as _error_lines, line_of as _line_of, verdicts_on as _verdicts

LIKELIHOOD_MD = r"""
# The log-likelihood of logistic regression

With $p_i$ the predicted probability of sample $i$, the log-likelihood is

$$
\log \prod_{i=1}^n p_i^{y_i}(1-p_i)^{1-y_i} = \sum_{i=1}^n \log p_i^{y_i}(1-p_i)^{1-y_i}
$$

and, taking the logs apart,

$$
\sum_{i=1}^n \log p_i^{y_i}(1-p_i)^{1-y_i} = \sum_{i=1}^n \left( y_i \log p_i + (1-y_i) \log (1-p_i) \right)
$$

For one sample, $\log(1-p)^{1-y} = (1-y)\log(1-p) = \log(1-p) - y\log(1-p)$.
"""


def test_log_before_a_written_product_takes_the_whole_product_and_says_so() -> None:
    term = parse_block(r"\log x w = \log x + \log w").statements[0].terms[0]
    assert str(term.expr) == "log(w*x)"
    assert term.readings == (r"\log read as applying to the whole product written after it",)
    # a product sign, another log or a sum ends the argument: nothing ambiguous, no reading
    for text, expected in [(r"\log x \cdot w = 1", "w*log(x)"), (r"\log x \log w = 1", "log(w)*log(x)")]:
        term = parse_block(text).statements[0].terms[0]
        assert (str(term.expr), term.readings) == (expected, ())
    # \sin 2πt with an integer step t is 0: trigonometric names keep asking for parentheses
    assert parse_block(r"\sin 2 \pi t = 0").statements[0].terms[0].expr is None


def test_a_symbolic_power_after_a_bracketed_log_argument_is_inside_the_log() -> None:
    inside = parse_block(r"\log(1-p)^{1-y} = 1").statements[0].terms[0]
    assert str(inside.expr) == "log((1 - p)**(1 - y))"
    assert inside.readings == (r"\log(a)^{b} read as the log of the power",)
    number = parse_block(r"\log(x)^2 = 1").statements[0].terms[0]  # (log x)², as everywhere else
    assert (str(number.expr), number.readings) == ("log(x)**2", ())


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_log_likelihood_written_without_brackets_is_proved(name: str) -> None:
    text = _as(name, LIKELIHOOD_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    for snippet in (r"\log \prod", r"\sum_{i=1}^n \log p_i^{y_i}(1-p_i)^{1-y_i} = \sum"):
        verdicts = _verdicts(report, _line_of(text, snippet))
        assert verdicts and all(v == "proved" and "read as" in why for v, why in verdicts), (snippet, verdicts)
    one_sample = _verdicts(report, _line_of(text, r"\log(1-p)^{1-y}"))
    assert one_sample[0] == ("proved", r"symbolically equal; equal at 4 random points; \log(a)^{b} read as the log of the power")
    assert one_sample[1][0] == "proved"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_link_false_only_under_the_reading_is_undecided_and_a_plain_slip_stays_an_error(name: str) -> None:
    # (1 + y) log(1 − p) for (1 − y) log(1 − p): false if the power is inside the log, but the author may have meant the
    # power of the log, so the verdict is "false if …", never an error
    text = _as(name, LIKELIHOOD_MD).replace(r"= (1-y)\log(1-p)", r"= (1+y)\log(1-p)")
    verdicts = _verdicts(text and check_document(name, text), _line_of(text, r"\log(1-p)^{1-y}"))
    assert verdicts and verdicts[0][0] == "undecided" and verdicts[0][1].startswith(r"false if \log(a)^{b} read as")
    assert _error_lines(name, text) == []
    # a slip in a link that needs no reading is an error on its line (it once "followed from" the sums above it,
    # multiplied by a factor: SymPy's gcd saw nothing in common between expressions in sums and logs)
    slipped = _as(name, LIKELIHOOD_MD).replace(r"- y\log(1-p)", r"- y\log(1+p)")
    assert _error_lines(name, slipped) == [(_line_of(slipped, r"- y\log(1+p)"), "math/false")]


MATRIX_FORM_MD = r"""
# Gradient of the squared error

For linear regression with loss $L(\theta) = \frac{1}{2N}\sum_{i=1}^N (h_\theta(x_i) - y_i)^2$, where the model is
$h_\theta(x) = \theta^T x$:

$$\nabla_\theta L = \frac{1}{N}\sum_{i=1}^N (h_\theta(x_i) - y_i) x_i = \frac{1}{N}\sum_{i=1}^N (\theta^T x_i - y_i) x_i$$

In matrix form (with $\mathbf{X} \in \mathbb{R}^{N \times d}$, $\mathbf{y} \in \mathbb{R}^N$):

$$\nabla_\theta L = \frac{1}{N}\mathbf{X}^T(\mathbf{X}\theta - \mathbf{y})$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_matrix_form_of_a_sum_over_the_data_is_not_refuted_by_its_summands(name: str) -> None:
    # X^T(Xθ − y) names an aggregate of the same data: summands that differ from a term outside the sum say
    # nothing (it was a false error on public notes)
    text = _as(name, MATRIX_FORM_MD)
    report = check_document(name, text)
    assert [v for v, _ in _verdicts(report, _line_of(text, r"(\theta^T x_i - y_i) x_i"))] == ["proved", "proved"]
    matrix = _verdicts(report, _line_of(text, r"\mathbf{X}^T(\mathbf{X}\theta"))
    assert matrix and matrix[0][0] == "undecided", matrix
    assert _error_lines(name, text) == []
    # a summand slip (a factor 2 too many) is still found
    slipped = text.replace(r"\frac{1}{N}\sum_{i=1}^N (h_\theta(x_i)", r"\frac{2}{N}\sum_{i=1}^N (h_\theta(x_i)")
    assert _error_lines(name, slipped) == [(_line_of(slipped, r"\frac{2}{N}\sum"), "math/false")]


RIDGE_MD = r"""
# Linear and ridge regression

In linear regression one minimizes

$$
L(w) = \frac{1}{2} \|Xw - y\|_2^2
$$

and ridge regression adds a penalty:

$$
L(w) = \frac{1}{2} \|Xw - y\|_2^2 + \frac{\lambda}{2} \|w\|_2^2
$$

For linear regression, the gradient is

$$
\nabla L(w) = X^T (Xw - y)
$$

and for ridge regression

$$
\nabla L(w) = X^T (Xw - y) + \lambda w
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_link_true_for_the_definition_a_function_replaced_is_undecided_not_false(name: str) -> None:
    text = _as(name, RIDGE_MD)
    report = check_document(name, text)
    first = _line_of(text, "L(w) = \\frac{1}{2} \\|Xw - y\\|_2^2\n")
    second = _line_of(text, r"+ \frac{\lambda}{2}")
    linear = _verdicts(report, _line_of(text, r"\nabla L(w) = X^T (Xw - y)" + "\n"))
    assert linear == [("undecided", f"false for L as defined on line {second}, but it holds for L as defined on line "
                                    f"{first}, which the words may mean")]
    assert _verdicts(report, _line_of(text, r"+ \lambda w"))[0][0] == "proved"
    assert _error_lines(name, text) == []
    # false under both definitions: still an error
    slipped = text.replace(r"\nabla L(w) = X^T (Xw - y)" + "\n", r"\nabla L(w) = X^T (Xw + y)" + "\n")
    assert _error_lines(name, slipped) == [(_line_of(slipped, r"X^T (Xw + y)"), "math/false")]


CHAIN_MD = r"""
# The chain rule

**Example**: Let $y = (3x + 2)^2$.

Let $u = 3x + 2$, so $y = u^2$ and

$$\frac{dy}{dx} = \frac{dy}{du} \cdot \frac{du}{dx} = 2u \cdot 3 = 6(3x + 2)$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_in_a_defined_name_goes_through_the_common_variable(name: str) -> None:
    # dy/du with y and u both written in x is (dy/dx)/(du/dx) = 2u (it was taken with u held: 0)
    text = _as(name, CHAIN_MD)
    report = check_document(name, text)
    assert [v for v, _ in _verdicts(report, _line_of(text, r"\frac{dy}{dx} ="))] == ["proved"] * 3
    assert _error_lines(name, text) == []
    for wrong in (r"2u \cdot 2 = 4(3x + 2)", r"3u \cdot 3 = 9(3x + 2)"):
        slipped = text.replace(r"2u \cdot 3 = 6(3x + 2)", wrong)
        assert _error_lines(name, slipped) == [(_line_of(slipped, wrong), "math/false")], wrong


NORMS_MD = r"""
# Norms in coordinates

For $w \in \mathbb{R}^d$ the squared Euclidean norm is

$$\|w\|_2^2 = w_1^2 + w_2^2 + \dots + w_d^2$$

and the $L_1$ norm is

$$\|w\|_1 = |w_1| + |w_2| + \dots + |w_d|$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_norm_written_out_in_coordinates_is_proved_term_by_term(name: str) -> None:
    # the scalar reading makes ‖w‖₁ and ‖w‖₂ both |w|: the norm is spelled out over the coordinates written
    text = _as(name, NORMS_MD)
    report = check_document(name, text)
    for snippet in (r"\|w\|_2^2 =", r"\|w\|_1 ="):
        verdicts = _verdicts(report, _line_of(text, snippet))
        assert verdicts and verdicts[0][0] == "proved" and "ellipsis" in verdicts[0][1], (snippet, verdicts)
    assert _error_lines(name, text) == []
    for right, wrong in ((r"|w_2| + \dots", r"w_2 + \dots"), (r"w_2^2 + \dots", r"2w_2^2 + \dots")):
        slipped = text.replace(right, wrong)
        assert _error_lines(name, slipped) == [(_line_of(slipped, wrong), "math/coefficient")], wrong


TELESCOPING_MD = r"""
# Summing the per-step bound

The terms on the right-hand side form a telescoping sum:

$$
\sum_{i=1}^k \left( \|x^{(i-1)} - x^*\|_2^2 - \|x^{(i)} - x^*\|_2^2 \right) = \|x^{(0)} - x^*\|_2^2 - \|x^{(k)} - x^*\|_2^2
$$

and likewise for the values:

$$
\sum_{i=1}^k \left( f(x^{(i-1)}) - f(x^{(i)}) \right) = f(x^{(0)}) - f(x^{(k)})
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_telescoping_sum_of_iterates_with_bracketed_superscripts_is_proved_by_induction(name: str) -> None:
    text = _as(name, TELESCOPING_MD)
    report = check_document(name, text)
    for snippet in (r"\sum_{i=1}^k \left( \|x", r"\sum_{i=1}^k \left( f("):
        assert _verdicts(report, _line_of(text, snippet)) == [
            ("proved", "by induction on k: it holds at k = 1, and raising k by one adds the same to both sides")]
    # a wrong last iterate is never proved (induction does not refute: the notes may mean a later start)
    slipped = text.replace(r"- \|x^{(k)} - x^*\|_2^2", r"- \|x^{(k-1)} - x^*\|_2^2")
    verdicts = _verdicts(check_document(name, slipped), _line_of(slipped, r"\sum_{i=1}^k \left( \|x"))
    assert verdicts and verdicts[0][0] != "proved", verdicts


WORKED_GD_MD = r"""
# GD example

The update is

$$
\mathbf{x}^{k + 1} = \mathbf{x}^k - \alpha \nabla f(\mathbf{x}^k).
$$

Let $\mathbf{x} = \left[x_1, x_2 \right]^T$. We are interested in the optimization problem:

$$
\min f(\mathbf{x}) = (x_1 + 1)^4 + x_1 x_2  + (x_2 + 1)^4.
$$

1. Choose initial conditions $\mathbf{x}^0 = \left[0, 1 \right]^T$. The initial cost is $f(\mathbf{x}^0) = 17.0$.
2. The gradient is:

    $$
    \nabla f(\mathbf{x}) =
    \left[
    \begin{array}{c}
    4(x_1 + 1)^3 + x_2 \\
    x_1 + 4(x_2 + 1)^3
    \end{array}
    \right].
    $$

    Evaluating the gradient at $\mathbf{x}^0$, we get $\nabla f(\mathbf{x^0}) = \left[5, 32 \right]^T$

3. The next iterate can be computed as:

    $$
    \begin{align}
    \mathbf{x}^1 &= \mathbf{x}^0 - \alpha \nabla f(\mathbf{x}^0) \\
    &=
    \left[
    \begin{array}{c}
    -5 \alpha \\
    1 - 32\alpha
    \end{array}
    \right]
    \end{align}
    $$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_gradient_step_on_a_bold_vector_is_checked_at_the_iterate(name: str) -> None:
    # \mathbf{x^0} is the bold x at step 0, as \mathbf{x}^0 (it was the power x⁰ = 1); the first iterate's row is
    # the rule at k = 0 although x⁰ is a tuple and α has no value
    text = _as(name, WORKED_GD_MD)
    report = check_document(name, text)
    assert _verdicts(report, _line_of(text, r"\nabla f(\mathbf{x^0})")) == [("proved", "coordinate by coordinate (2 coordinates)")]
    assert _verdicts(report, _line_of(text, r"\mathbf{x}^1 &=")) == [("proved", "the rule for x^{(k+1)} at k = 0")]
    assert _verdicts(report, _line_of(text, r"f(\mathbf{x}^0) = 17.0"))[-1] == ("proved", "arithmetic: exact (with x^{(0)} = (0, 1))")
    assert _error_lines(name, text) == []
    slipped = text.replace(r"\left[5, 32 \right]^T", r"\left[5, 31 \right]^T")
    assert _error_lines(name, slipped) == [(_line_of(slipped, "[5, 31"), "math/false")]
    other_rule = text.replace(r"\mathbf{x}^1 &= \mathbf{x}^0 - \alpha", r"\mathbf{x}^1 &= \mathbf{x}^0 + \alpha")
    verdicts = _verdicts(check_document(name, other_rule), _line_of(other_rule, r"\mathbf{x}^1 &="))
    assert verdicts and verdicts[0][0] != "proved", verdicts


FORWARD_PASS_MD = r"""
# A forward pass by hand

For the hidden layer

$$
z_1 = a_0 W_1 + b_1^T
$$

$$
\therefore z_1 = \begin{bmatrix} 1 & 4 & 5 \end{bmatrix}
\begin{bmatrix} 0.1 & 0.2\\ 0.3 & 0.4\\ 0.5 & 0.6 \end{bmatrix} + \begin{bmatrix} 0.5 & 0.5 \end{bmatrix}
$$

$$
\therefore z_1 = \begin{bmatrix} 3.8 & 4.8 \end{bmatrix} + \begin{bmatrix} 0.5 & 0.5 \end{bmatrix}
$$

$$
\therefore z_1 = \begin{bmatrix} 4.3 & 5.3 \end{bmatrix}
$$

The output error is

$$
\delta_2 = \begin{bmatrix} 0.7896 & 0.7504 \end{bmatrix} \odot \begin{bmatrix} 0.0983 & 0.1598 \end{bmatrix}
$$

$$
\delta_2 = \begin{bmatrix} 0.0776 & 0.1199 \end{bmatrix}
$$

and back through the hidden layer

$$
\delta_1 = \begin{bmatrix} 0.0776 & 0.1199 \end{bmatrix} \begin{bmatrix} 0.7 & 0.9\\ 0.8 & 0.1 \end{bmatrix}
\odot \begin{bmatrix} 0.0132 & 0.0049 \end{bmatrix}
$$

$$
\delta_1 = \begin{bmatrix} 0.002 & 0.0004 \end{bmatrix}
$$

and with the learning rate $0.01$ the bias becomes

$$
b_1 = \begin{bmatrix} 0.5\\ 0.5 \end{bmatrix} - 0.01 \begin{bmatrix} 0.002\\ 0.0004 \end{bmatrix}
$$

$$
b_1 = \begin{bmatrix} 0.49998\\ 0.499996 \end{bmatrix}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_value_restated_display_after_display_is_carried_out(name: str) -> None:
    # a row times a matrix in the written order, ⊙ entry by entry, to the digits written
    text = _as(name, FORWARD_PASS_MD)
    report = check_document(name, text)
    for snippet in (r"z_1 = \begin{bmatrix} 3.8", r"z_1 = \begin{bmatrix} 4.3", r"\delta_2 = \begin{bmatrix} 0.0776",
                    r"\delta_1 = \begin{bmatrix} 0.002", r"b_1 = \begin{bmatrix} 0.49998"):
        verdicts = _verdicts(report, _line_of(text, snippet))
        assert verdicts and verdicts[-1][0] == "proved" and "worked out on line" in verdicts[-1][1], (snippet, verdicts)
    assert _error_lines(name, text) == []
    # a wrong entry of the matrix product, of the ⊙ (an inner product would give one number), of the update
    # (and the row times the matrix, then ⊙: the product so far entry by entry with the last tuple)
    for right, wrong in ((r"3.8 & 4.8", r"3.8 & 4.9"), (r"0.0776 & 0.1199", r"0.0776 & 0.1299"),
                         (r"0.002 & 0.0004", r"0.003 & 0.0004"),
                         (r"0.49998\\ 0.499996", r"0.49998\\ 0.49996")):
        slipped = text.replace(right, wrong, 1)
        assert _error_lines(name, slipped) == [(_line_of(slipped, wrong), "math/false")], wrong


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_value_off_only_within_its_inputs_rounding_is_undecided(name: str) -> None:
    # 0.0004 carried from an earlier result may have been 0.00049…: 0.5 − 0.01·0.00049 = 0.4999951, so 0.499995 may
    # be right; it is not an error
    text = _as(name, FORWARD_PASS_MD).replace(r"0.49998\\ 0.499996", r"0.49998\\ 0.499995")
    verdicts = _verdicts(check_document(name, text), _line_of(text, r"b_1 = \begin{bmatrix} 0.49998"))
    assert verdicts[-1][0] == "undecided" and "unrounded values" in verdicts[-1][1], verdicts
    assert _error_lines(name, text) == []


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_two_values_written_one_after_the_other_are_two_examples(name: str) -> None:
    # only a computation is carried out by the row after it: μ = 0.9 and then μ = 0.99 are two settings
    text = _as(name, "# Momentum\n\nWith a moderate momentum\n\n$$\\mu = 0.9$$\n\n$$\\mu = 0.99$$\n\nthe steps grow.\n")
    report = check_document(name, text)
    assert [v for v, _ in _verdicts(report, _line_of(text, r"\mu = 0.99"))] == ["not-a-claim"]
    assert _error_lines(name, text) == []


EQUATION_THEN_SLIP_MD = r"""
# A slip after an open equation

$$\log \prod_{i=1}^n q_i^{2} = \sum_{i=1}^n 3 \log q_i$$

For one sample,

$$(1-y)\log(1-p) = (1-y)\log(1+p)$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_does_not_follow_from_an_unrelated_equation_of_sums(name: str) -> None:
    # the quotient of the slip by the sums' difference is no factor: SymPy's gcd missed the common factor when one
    # form wrote Σ 3 log q_i and the other 3 Σ log q_i, and the slip "followed, multiplied by a factor"
    text = _as(name, EQUATION_THEN_SLIP_MD)
    assert _error_lines(name, text) == [(_line_of(text, r"(1-y)\log(1+p)"), "math/false")]


LOAN_MD = r"""
# Paying back a loan

After a month the balance is

$$\text{balance owed} = P \; (1 + i) - R$$

and after the second payment

$$
\begin{aligned}
\text{balance owed} &= \left[P\; (1 + i) - R \right] (1 + i) - R \\
&= P\;(1+i)^2 - R(1+i) - R
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_side_named_in_words_and_a_letter_before_a_bracket(name: str) -> None:
    # \text{balance owed} names the side (it was dropped as prose, leaving "nothing on this side"); R(1 + i) is the
    # payment times (1 + i): R is no function here, so the link holds read as a product and says so
    text = _as(name, LOAN_MD)
    report = check_document(name, text)
    assert _verdicts(report, _line_of(text, r"$$\text{balance owed}")) == [("not-a-claim", "definition (a naming)")]
    assert _verdicts(report, _line_of(text, r"&= P\;(1+i)^2")) == [
        ("proved", "with R(1 + i) read as a product (the letter is no function in these notes)")]
    assert _error_lines(name, text) == []
    slipped = text.replace(r"&= P\;(1+i)^2 - R(1+i) - R", r"&= P\;(1+i)^2 - R(1+i) + R")
    verdicts = _verdicts(check_document(name, slipped), _line_of(slipped, r"&= P\;(1+i)^2"))
    assert verdicts and verdicts[0][0] != "proved", verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_letter_the_notes_apply_as_a_function_is_never_read_as_a_product(name: str) -> None:
    # f(1 + i) − f = fi would hold for f times a bracket; the notes apply f to a plain name, so it is a function
    text = _as(name, "# Rates\n\nFor a function $f(x)$ we write\n\n$$y = f(1 + i) - f = f i$$\n\n"
                     "and for the payment $R$\n\n$$z = R(1 + i) - R = R i$$\n")
    report = check_document(name, text)
    function = _verdicts(report, _line_of(text, "y = f(1 + i)"))
    assert function[1] == ("undecided", "f(1 + i) may be a product, not a function call"), function
    assert _verdicts(report, _line_of(text, "z = R(1 + i)"))[1][0] == "proved"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_quantity_named_in_words_is_named_anew_at_each_stage(name: str) -> None:
    # "balance owed" after one month, then "so that by the second month … the balance will be": a new stage, never a
    # slip against the first value
    text = _as(name, LOAN_MD.replace("and after the second payment", "so that, after the second payment, it will be"))
    report = check_document(name, text)
    assert _verdicts(report, _line_of(text, r"\text{balance owed} &=")) == [("not-a-claim", "definition (a naming)")]
    assert _verdicts(report, _line_of(text, r"&= P\;(1+i)^2"))[0][0] == "proved"
    assert _error_lines(name, text) == []


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_row_is_carried_out_whatever_the_spelling_of_its_name(name: str) -> None:
    # \vec x^{(1)} and \vec{x}^{(1)} are one name: the second row carries the first one's arithmetic out
    text = _as(name, "# One step by hand\n\nWith the gradient $[-8, 0]^T$ at the start,\n\n"
                     "$$\\vec x^{(1)} = \\begin{bmatrix} -1 \\\\ 1 \\end{bmatrix} - \\frac{1}{2} "
                     "\\begin{bmatrix} -8 \\\\ 0 \\end{bmatrix}$$\n\n"
                     "$$\\vec{x}^{(1)} = \\begin{bmatrix} 3 \\\\ 1 \\end{bmatrix}$$\n")
    report = check_document(name, text)
    verdicts = _verdicts(report, _line_of(text, "\\vec{x}^{(1)} ="))
    assert verdicts and verdicts[0][0] == "proved" and "worked out on line" in verdicts[0][1], verdicts
    slipped = text.replace("3 \\\\ 1 \\end{bmatrix}$$", "3 \\\\ 2 \\end{bmatrix}$$")
    assert _error_lines(name, slipped) == [(_line_of(slipped, "\\vec{x}^{(1)} ="), "math/false")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_value_put_into_an_unknown_activation(name: str) -> None:
    # a_1 = f_1(z_1) = f_1([4.3 5.3]) after z_1 = [4.3 5.3] was worked out: holds whatever f_1 is
    text = _as(name, FORWARD_PASS_MD.replace("The output error is", "Now\n\n$$a_1 = f_1(z_1) = f_1(\\begin{bmatrix} 4.3 & "
                                                                  "5.3 \\end{bmatrix})$$\n\nThe output error is"))
    verdicts = _verdicts(check_document(name, text), _line_of(text, "a_1 = f_1(z_1)"))
    assert verdicts[1][0] == "proved" and "the value worked out for z_{1}" in verdicts[1][1], verdicts
    slipped = text.replace("f_1(\\begin{bmatrix} 4.3 & 5.3", "f_1(\\begin{bmatrix} 4.3 & 5.4")
    verdicts = _verdicts(check_document(name, slipped), _line_of(slipped, "a_1 = f_1(z_1)"))
    assert verdicts[1][0] != "proved", verdicts


LINE_SEARCH_MD = r"""
# Exact line search

For a quadratic the step is a one-dimensional problem:

$$
t = \arg\min_{s \geq 0}\, \frac{1}{2} a (x + s d)^2 + b (x + s d) = \arg\min_{s \geq 0}\, \frac{1}{2} a d^2 s^2 + s d (a x + b)
$$

In matrix notation,

$$
t = \arg\min_{s\geq 0}\, \frac{1}{2}(\mathbf{x}+s \mathbf{d})^\top P (\mathbf{x}+s \mathbf{d}) = \arg\min_{s\geq 0}\,
\frac{1}{2}s^2 \mathbf{d}^\top P \mathbf{d} + s \mathbf{d}^\top P \mathbf{x}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_argmin_under_a_bound_is_compared_with_one_over_the_same_bound(name: str) -> None:
    # s ≥ 0 is kept as the domain: the objectives differ by a term free of s, so the optimizer is one (the bound
    # never reaches a closed form); in matrix notation the scalar reading proves nothing
    text = _as(name, LINE_SEARCH_MD)
    report = check_document(name, text)
    scalar = _verdicts(report, _line_of(text, r"t = \arg\min_{s \geq 0}"))
    assert scalar[1][0] == "proved" and "free of the variable" in scalar[1][1], scalar
    matrix = _verdicts(report, _line_of(text, r"t = \arg\min_{s\geq 0}"))
    assert matrix[1] == ("undecided", "the scalar reading holds, but it drops the order of products and the "
                                      "transposes of the matrices"), matrix
    assert _error_lines(name, text) == []
    slipped = text.replace(r"s d (a x + b)", r"s d (a x - b)")
    verdicts = _verdicts(check_document(name, slipped), _line_of(slipped, r"t = \arg\min_{s \geq 0}"))
    assert verdicts[1][0] == "undecided", verdicts  # another objective may share the optimizer: never false


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_let_after_a_general_statement_of_the_same_name_is_in_force_from_there(name: str) -> None:
    # "If y = f(g(x)), then …", then "Let y = (3x + 2)²": the example's y is the one the chain rule example uses
    text = _as(name, CHAIN_MD.replace("**Example**", "If $y = f(g(x))$, then the rule applies.\n\n**Example**"))
    report = check_document(name, text)
    assert [v for v, _ in _verdicts(report, _line_of(text, r"\frac{dy}{dx} ="))] == ["proved"] * 3
    assert _verdicts(report, _line_of(text, "so $y = u^2$"))[-1][0] == "proved"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_chain_rule_written_with_the_functions_letters(name: str) -> None:
    # "If y = f(g(x)), then dy/dx = df/dg · dg/dx": the factors telescope from f, which y is
    text = _as(name, "# The chain rule\n\nIf $y = f(g(x))$, then:\n\n$$\\frac{dy}{dx} = \\frac{df}{dg} \\cdot "
                     "\\frac{dg}{dx}$$\n")
    verdicts = _verdicts(check_document(name, text), _line_of(text, r"\frac{dy}{dx}"))
    assert verdicts == [("proved", "the chain rule: the factors telescope through g, with y = f(…) as stated before")]
    slipped = text.replace(r"\frac{dg}{dx}$$", r"\frac{df}{dx}$$")
    verdicts = _verdicts(check_document(name, slipped), _line_of(slipped, r"\frac{dy}{dx}"))
    assert verdicts and verdicts[0][0] != "proved", verdicts


HERON_MD = r"""
# Heron's method

The square root of $a > 0$ is the root of $f_a:\mathbb{R}_{>0} \to \mathbb{R}$, $x \mapsto 1 - \frac{a}{x^2}$, and
Newton's sequence is

$$ x_{n+1}
= x_n - \frac{f_a(x_n)}{f_a'(x_n)}
= x_n - \frac{1-\frac{a}{x_n^2}}{2ax_n^{-3}}
= \frac{x_n}{2}\Big( 3 - \frac{x_n^2}{a} \Big)$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_defined_by_where_it_maps_its_variable(name: str) -> None:
    # f_a: ℝ → ℝ, x ↦ 1 − a/x²: f_a is defined, and f_a' (the parser's f'_{a}) is its derivative
    text = _as(name, HERON_MD)
    report = check_document(name, text)
    assert _verdicts(report, _line_of(text, r"= x_n - \frac{1-"))[0][0] == "proved"
    assert _error_lines(name, text) == []
    slipped = text.replace(r"{2ax_n^{-3}}", r"{2ax_n^{-2}}")
    assert _error_lines(name, slipped) == [(_line_of(slipped, r"{2ax_n^{-2}}"), "math/false")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_evaluation_bar_with_only_a_point(name: str) -> None:
    # "\frac{∂f(x)}{∂x} \vert x_0" and "\frac{d^2 f}{dx^2}\Big|_{x_0}": at x_0, in the one variable differentiated in
    text = _as(name, "# Derivatives at a point\n\nFor $f(x) = x^2$, the slope at $x_0$ is "
                     "$\\frac{\\partial f(x)}{\\partial x} \\vert x_0 = 2x_0$ and the curvature is "
                     "$\\frac{d^2 f(x)}{d x^2}\\Big|_{x_0} = 2$.\n")
    report = check_document(name, text)
    verdicts = _verdicts(report, _line_of(text, "the slope at"))
    assert [v for v, _ in verdicts] == ["not-a-claim", "proved", "proved"], verdicts
    slipped = text.replace("x_0 = 2x_0", "x_0 = 3x_0")
    assert _error_lines(name, slipped) == [(_line_of(slipped, "the slope at"), "math/false")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_number_set_as_text(name: str) -> None:
    # \text{1e-1}: a learning rate copied from code is the number 0.1 (it was text inside an expression)
    text = _as(name, "# One step\n\n$$w_{t+1} = \\begin{bmatrix} 1 \\\\ 1 \\end{bmatrix} + \\text{1e-1} "
                     "\\begin{bmatrix} -2.64 \\\\ 0.88 \\end{bmatrix} = \\begin{bmatrix} 0.74 \\\\ 1.09 \\end{bmatrix}$$\n")
    report = check_document(name, text)
    assert _verdicts(report, _line_of(text, "w_{t+1}"))[1][0] == "proved"
    slipped = text.replace("0.74 \\\\ 1.09", "0.74 \\\\ 1.9")
    assert _error_lines(name, slipped) == [(_line_of(slipped, "w_{t+1}"), "math/false")]


NEWTON_MD = r"""
# Newton's method

To find a root of $f$, take the root of its tangent:

$$x_{n+1} = x_n - \frac{f(x_n)}{f'(x_n)}$$

# Newton's method for optimization

A local optimum is a root of $f'$, so the sequence is

$$x_{n+1} = x_n - \frac{f'(x_n)}{f''(x_n)}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_rule_written_again_for_another_function(name: str) -> None:
    # Newton's rule applied to f' (to optimize f): one renaming of f and its derivatives turns one into the other
    text = _as(name, NEWTON_MD)
    verdicts = _verdicts(check_document(name, text), _line_of(text, r"\frac{f'(x_n)}{f''(x_n)}"))
    assert verdicts == [("proved", f"the rule of line {_line_of(text, 'frac{f(x_n)}')} with f' for f")], verdicts
    slipped = text.replace(r"\frac{f'(x_n)}{f''(x_n)}", r"\frac{f''(x_n)}{f'(x_n)}")
    verdicts = _verdicts(check_document(name, slipped), _line_of(slipped, r"\frac{f''(x_n)}{f'(x_n)}"))
    assert verdicts and verdicts[0][0] != "proved", verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_minus_label_spaced_from_the_next_factor(name: str) -> None:
    # W^- e^α: the label W⁻ times e^α (it was W to the power −e, raised to α); e^-x stays e^{-x}, and is linted
    text = _as(name, "# Boosting\n\n$$\\alpha = \\arg\\min_\\alpha \\left\\{W^+ e^{-\\alpha} + W^- e^\\alpha \\right\\}$$\n\n"
                     "and $e^-x = 1/e^x$.\n")
    report = check_document(name, text)
    assert [f.code for f in report.findings if f.code == "render/sign-exponent"] == ["render/sign-exponent"]
    assert {f.line for f in report.findings if f.code == "render/sign-exponent"} == {_line_of(text, "e^-x")}
    from derive.check.latex import parse_expr
    assert str(parse_expr(r"W^+ e^{-\alpha} + W^- e^\alpha")) == "W^{+}*exp(-α) + W^{-}*exp(α)"
