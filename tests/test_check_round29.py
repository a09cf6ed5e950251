"""Readings added in stop 33. Fixtures are written here, in Markdown and LaTeX."""
from __future__ import annotations

import pytest

from derive.check.run import check_document
from fixture_docs import (as_document as _as, error_lines, line_of as _line_of, slipped as _slipped,
                          verdicts_on as _verdicts)


NAMED_MD = r"""
# Eigenvalues of a small matrix

Let

$$
A = \begin{pmatrix} 4 & 2 \\ 1 & 3 \end{pmatrix}.
$$

Subtracting $\lambda$ on the diagonal,

$$
A - \lambda I = \begin{pmatrix} 4 - \lambda & 2 \\ 1 & 3 - \lambda \end{pmatrix},
$$

and the characteristic equation is

$$
\det(A - \lambda I) = (4 - \lambda)(3 - \lambda) - 2 = \lambda^2 - 7\lambda + 10 = 0 .
$$

Its roots are $\lambda_1 = 5$ and $\lambda_2 = 2$; as a check, $\operatorname{tr}(A) = 7$ and $\det A = 10$.

For the first root, $A - 5I = \begin{pmatrix} -1 & 2 \\ 1 & -2 \end{pmatrix}$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_determinants_and_traces_of_a_matrix_written_out_before_are_computed_by_its_name(name: str) -> None:
    text = _as(name, NAMED_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [v for v, _ in _verdicts(report, _line_of(text, r"A - \lambda I ="))] == ["proved"]
    chain = _verdicts(report, _line_of(text, r"\det(A - \lambda I) ="))
    assert [v for v, _ in chain] == ["proved", "proved", "not-a-claim"], chain
    assert "matrix written out for A on line" in chain[0][1]
    check = _verdicts(report, _line_of(text, "as a check"))
    assert [v for v, _ in check][-2:] == ["proved", "proved"], check
    assert [v for v, _ in _verdicts(report, _line_of(text, "For the first root"))] == ["proved"]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new, where", [
    ("(3 - \\lambda) - 2 =", "(3 - \\lambda) - 1 =", r"\det(A - \lambda I) ="),  # a wrong off-diagonal product
    ("\\operatorname{tr}(A) = 7", "\\operatorname{tr}(A) = 8", "as a check"),
    ("\\det A = 10", "\\det A = 12", "as a check"),
    ("-1 & 2 \\\\ 1 & -2", "-1 & 2 \\\\ 1 & 2", "For the first root"),
    ("4 - \\lambda & 2 \\\\ 1 & 3 - \\lambda \\end{pmatrix},", "4 - \\lambda & 2 \\\\ 2 & 3 - \\lambda \\end{pmatrix},",
     r"A - \lambda I ="),
])
def test_a_slip_with_a_named_matrix_is_found_on_its_line(name: str, old: str, new: str, where: str) -> None:
    text = _as(name, _slipped(NAMED_MD, old, new))
    assert (_line_of(text, where), "math/false") in error_lines(name, text)


def test_the_refutation_says_which_written_matrix_was_used() -> None:
    text = _slipped(NAMED_MD, "\\det A = 10", "\\det A = 12")
    report = check_document("doc.md", text)
    [false] = [f for f in report.findings if f.code == "math/false"]
    assert "the definitions give 10" in false.message and "for A on line 7" in false.message, false.message


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_determinant_of_a_name_nothing_wrote_out_stays_undecided(name: str) -> None:
    text = _as(name, NAMED_MD.replace("A = \\begin{pmatrix} 4 & 2 \\\\ 1 & 3 \\end{pmatrix}.", "A \\in \\mathbb{R}^{2\\times 2}."))
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    chain = _verdicts(report, _line_of(text, r"\det(A - \lambda I) ="))
    assert chain[0] == ("undecided", "a side could not be parsed: determinants of what is not a square matrix "
                        "written out are not modelled"), chain


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_matrix_times_a_latin_letter_is_not_read_entry_by_entry(name: str) -> None:
    # Av with v a vector is no matrix with entries 4v, 2v, …: the side keeps its own reading, and a right side
    # written so would only agree with the entry-by-entry misreading
    doc = NAMED_MD + "\nThe product is $Av = \\begin{pmatrix} 4v & 2v \\\\ v & 3v \\end{pmatrix}$.\n"
    text = _as(name, doc)
    report = check_document(name, text)
    verdicts = _verdicts(report, _line_of(text, "The product is"))
    assert verdicts and all(v not in ("proved", "false") for v, _ in verdicts), verdicts


CHAIN_TO_ZERO_MD = r"""
# Diagonal matrices

For a diagonal matrix the eigenvalues are its entries, $\lambda_i = d_{ii}$.

## A worked example

Find the eigenvalues of $B = \begin{pmatrix} 2 & 1 \\ 1 & 2 \end{pmatrix}$.

**The characteristic equation:**

$$
\det(B - \lambda I) = \det\begin{pmatrix} 2 - \lambda & 1 \\ 1 & 2 - \lambda \end{pmatrix} = (2 - \lambda)^2 - 1 = 0 .
$$

For its eigenvectors,

$$
Bv = \lambda v .
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_chain_set_to_zero_at_its_end_is_the_equation_it_gives(name: str) -> None:
    # λ is named before (λ_i = d_{ii}); the chain's "= 0" is still the equation it gives, never an identity
    text = _as(name, CHAIN_TO_ZERO_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    chain = _verdicts(report, _line_of(text, r"\det(B - \lambda I) ="))
    assert [v for v, _ in chain] == ["proved", "proved", "not-a-claim"], chain
    # Bv = λv itself: B holds a matrix, which the reading per coordinate would take for a number
    [(verdict, reason)] = _verdicts(report, _line_of(text, r"Bv = \lambda v"))
    assert verdict == "undecided" and "B holds a matrix written out before" in reason, reason


ERROR_NAMED_E_MD = r"""
# Forward pass

With $w = 0.5$, $x = 2$ and $y = 2$ the prediction is $\hat{y} = wx = 1$; the error is $e = \hat{y} - y$.

# Backward pass

From the forward pass, $e \approx -1.0$ and $\hat{y} = 1$, so $\partial L/\partial \hat{y} = 2e = -2$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_error_named_e_in_one_section_is_not_eulers_number_in_the_next(name: str) -> None:
    text = _as(name, ERROR_NAMED_E_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    verdicts = _verdicts(report, _line_of(text, "From the forward pass"))
    assert verdicts[0][0] != "false" and "Euler" not in verdicts[0][1], verdicts


CHAIN_RULE_MD = r"""
# Exercises

## Exercise 1

For $f(x, y) = x^3 - 3xy + y^3$ the partial derivatives are $\frac{\partial f}{\partial x} = 3x^2 - 3y$ and
$\frac{\partial f}{\partial y} = 3y^2 - 3x$.

## Exercise 2

Let $z = f(u, v)$ where $u = x^2 + y$ and $v = xy$.

**For $f(u, v) = u^2 + v^2$:** $\frac{\partial f}{\partial u} = 2u$ and $\frac{\partial f}{\partial v} = 2v$, so

$$\frac{\partial z}{\partial x} = 2(x^2 + y) \cdot 2x + 2xy \cdot y = 4x^3 + 4xy + 2xy^2$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_named_call_is_differentiated_with_the_function_in_force_at_the_claim(name: str) -> None:
    # z = f(u, v) is named while Exercise 1's f is the latest; the claim comes after f is given anew
    text = _as(name, CHAIN_RULE_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    verdicts = _verdicts(report, _line_of(text, r"\frac{\partial z}{\partial x} ="))
    assert [v for v, _ in verdicts] == ["proved", "proved"], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_in_the_chain_rule_with_the_function_in_force_is_found(name: str) -> None:
    text = _as(name, _slipped(CHAIN_RULE_MD, "\\cdot 2x + 2xy \\cdot y =", "\\cdot 2x + 2xy \\cdot x ="))
    assert (_line_of(text, r"\frac{\partial z}{\partial x} ="), "math/false") in error_lines(name, text)


QUADRATIC_MD = r"""
# Quadratics

A quadratic function takes the form

$$
f(x) = \frac{1}{2}x^T A x - b^T x + c .
$$

For $n = 1$ this is the familiar $f(x) = ax^2 + bx + c$. The gradient and the Hessian of a quadratic are

$$
\begin{aligned}
\nabla f(x) &= Ax - b \\
\nabla^2 f(x) &= A .
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_hessian_true_for_the_general_definition_is_not_refuted_by_a_special_case(name: str) -> None:
    text = _as(name, QUADRATIC_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    [(verdict, reason)] = _verdicts(report, _line_of(text, r"\nabla^2 f(x) &= A"))
    assert verdict == "undecided" and "as defined on line" in reason, reason


SECOND_PARTIALS_MD = r"""
# A Hessian by hand

For $f(x, y) = x^3 - 3xy + y^3$ the second derivatives are

$$\frac{\partial^2 f}{\partial x^2} = 6x, \quad \frac{\partial^2 f}{\partial y^2} = 6y, \quad \frac{\partial^2 f}{\partial x \partial y} = -3$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_second_partials_on_the_rows_of_one_display_are_claims_about_the_function(name: str) -> None:
    text = _as(name, SECOND_PARTIALS_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [v for v, _ in _verdicts(report, _line_of(text, r"\frac{\partial^2 f}{\partial x^2} ="))] == ["proved"] * 3


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_in_a_second_partial_on_a_row_is_found(name: str) -> None:
    text = _as(name, _slipped(SECOND_PARTIALS_MD, "\\partial y} = -3$$", "\\partial y} = 3$$"))
    assert (_line_of(text, r"\frac{\partial^2 f}{\partial x^2} ="), "math/false") in error_lines(name, text)


SAMPLE_MEAN_MD = r"""
# The sample mean

Its expectation and variance, with a reason for each step in a column of words:

$$
\begin{align*}
\mathbb{E}(\overline{X}) &= \mathbb{E}\left[\frac{1}{n}\sum_{i=1}^n X_i\right] & \text{expanding out } \overline{X} \\
&= \frac{1}{n}\sum_{i=1}^n \mathbb{E}(X_i) & \text{by linearity} \\
&= \frac{1}{n}\sum_{i=1}^n \mu & \text{because } \mathbb{E}(X_i) = \mu \text{ for any } i \\
&= \frac{n\mu}{n} \\
&= \mu
\end{align*}
$$

$$
\begin{align*}
\operatorname{Var}(\overline{X}) &= \frac{1}{n^2}\sum_{i=1}^n \operatorname{Var}(X_i) \\
&= \frac{1}{n^2}\sum_{i=1}^n \sigma^2 & \operatorname{Var}(X_i) = \sigma^2 \text{ is known} \\
&= \frac{n\sigma^2}{n^2} \\
&= \frac{\sigma^2}{n}
\end{align*}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_column_of_words_annotates_its_row_and_the_chain_goes_on_from_the_row(name: str) -> None:
    text = _as(name, SAMPLE_MEAN_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    links = {(link.line, link.left.strip()): link for link in report.links}
    # the row after an annotation goes on from the row's last member, never from what the words mention
    after_words = [link for link in report.links if link.line == _line_of(text, r"&= \frac{n\mu}{n}")]
    assert [link.left for link in after_words] == [r"\frac{1}{n}\sum_{i=1}^n \mu"], after_words
    assert [link.verdict for link in after_words] == ["proved"]
    after_formula = [link for link in report.links if link.line == _line_of(text, r"&= \frac{n\sigma^2}{n^2}")]
    assert [link.left for link in after_formula] == [r"\frac{1}{n^2}\sum_{i=1}^n \sigma^2"], after_formula
    assert [link.verdict for link in after_formula] == ["proved"]
    # the annotation's own equation is still accounted for
    assert any(left.startswith(r"\operatorname{Var}(X_i)") for _, left in links), sorted(links)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_after_an_annotated_row_is_found(name: str) -> None:
    text = _as(name, _slipped(SAMPLE_MEAN_MD, "&= \\frac{n\\mu}{n}", "&= \\frac{(n - 1)\\mu}{n}"))
    assert (_line_of(text, r"&= \frac{(n - 1)\mu}{n}"), "math/false") in error_lines(name, text)


CHEBYSHEV_MD = r"""
# Chebyshev polynomials

For $a \ge 1$ the polynomials are $T_k(a) = \cosh\left(k \cdot \mathrm{arccosh}(a)\right)$.

Hence

$$
|T_k(1 + \epsilon)| = \cosh\left(k\, \mathrm{arccosh}(1 + \epsilon)\right).
$$

Two values: $\cosh(\mathrm{arccosh}(2)) = 2$ and $\operatorname{arcsinh}(0) + \mathrm{arctanh}(0) = 0$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_inverse_hyperbolic_functions_written_upright_are_the_functions(name: str) -> None:
    text = _as(name, CHEBYSHEV_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [v for v, _ in _verdicts(report, _line_of(text, "Two values"))] == ["proved", "proved"]
    # T_k applied to 1 + ε: the function the notes define by T_k(a) = …, not T_k times (1 + ε); since stop 52 a
    # labelled T the notes define is that function, and |cosh(…)| = cosh(…) is proved
    [(verdict, reason)] = _verdicts(report, _line_of(text, r"|T_k(1 + \epsilon)| ="))
    assert verdict == "proved", reason
    # a letter the parser keeps for another reading (o, of orders) applied where it is defined and again: the call
    # the definition makes it, not o_k times (1 + ε)
    other = text.replace("T_k", "o_k")
    [(verdict, reason)] = _verdicts(check_document(name, other), _line_of(other, r"|o_k(1 + \epsilon)| ="))
    assert verdict == "undecided" and "may be the function o applied" in reason, reason


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_with_an_inverse_hyperbolic_function_is_found(name: str) -> None:
    text = _as(name, _slipped(CHEBYSHEV_MD, r"(\mathrm{arccosh}(2)) = 2", r"(\mathrm{arccosh}(2)) = 3"))
    assert (_line_of(text, "Two values"), "math/false") in error_lines(name, text)


EWMA_MD = r"""
# The exponentially weighted average

$$
V_t = \beta V_{t-1} + (1 - \beta)\theta_t, \qquad V_0 = 0 .
$$

Unrolling it down to the start,

$$
V_t = (1 - \beta)\theta_t + \beta(1 - \beta)\theta_{t-1} + \beta^2(1 - \beta)\theta_{t-2} + \dots + \beta^{t-1}(1 - \beta)\theta_1 .
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_unrolled_average_ends_at_the_first_input_after_its_start(name: str) -> None:
    text = _as(name, EWMA_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    [(verdict, _)] = _verdicts(report, _line_of(text, r"V_t = (1 - \beta)\theta_t +"))
    assert verdict == "proved"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_last_term_before_the_start_is_found(name: str) -> None:
    # with V_0 = 0 the rule starts at t = 1: no θ_0 enters (the unrolling one step too far is a slip)
    text = _as(name, _slipped(EWMA_MD, r"\beta^{t-1}(1 - \beta)\theta_1", r"\beta^{t}(1 - \beta)\theta_0"))
    report = check_document(name, text)
    errors = [f for f in report.findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(_line_of(text, r"V_t = (1 - \beta)\theta_t +"), "math/coefficient")]
    assert "θ_{0}" in errors[0].message and "the definitions give 0" in errors[0].message, errors[0].message


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_start_that_holds_the_first_input_gives_it_its_weight(name: str) -> None:
    # V_0 = θ_0 (the average started at the first value): θ_0 keeps the weight β^t
    doc = EWMA_MD.replace(r"V_0 = 0", r"V_0 = \theta_0").replace(
        r"\beta^{t-1}(1 - \beta)\theta_1 .", r"\beta^{t-1}(1 - \beta)\theta_1 + \beta^t \theta_0 .")
    text = _as(name, doc)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    [(verdict, _)] = _verdicts(report, _line_of(text, r"V_t = (1 - \beta)\theta_t +"))
    assert verdict == "proved"


SOFTMAX_MD = r"""
# Softmax and cross-entropy

The softmax of the logits is

$$\hat{y}_i = \frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}}$$

and the loss for a one-hot target $\mathbf{y}$ is

$$L = -\sum_{i=1}^{K} y_i \log \hat{y}_i .$$

Its gradient in each logit is

$$\frac{\partial L}{\partial z_k} = \hat{y}_k - y_k .$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_in_one_coordinate_of_a_family_is_checked_written_out(name: str) -> None:
    text = _as(name, SOFTMAX_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    [(verdict, reason)] = _verdicts(report, _line_of(text, r"\frac{\partial L}{\partial z_k} ="))
    assert verdict == "proved" and "K = 2, 3" in reason and "one-hot" in reason, reason


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_in_a_softmax_gradient_is_found(name: str) -> None:
    text = _as(name, _slipped(SOFTMAX_MD, r"= \hat{y}_k - y_k", r"= \hat{y}_k + y_k"))
    assert (_line_of(text, r"\frac{\partial L}{\partial z_k} ="), "math/false") in error_lines(name, text)


def test_a_gradient_that_needs_a_one_hot_target_the_notes_do_not_state_is_undecided() -> None:
    report = check_document("doc.md", SOFTMAX_MD.replace("for a one-hot target", "for a target"))
    [(verdict, reason)] = _verdicts(report, _line_of(SOFTMAX_MD, r"\frac{\partial L}{\partial z_k} ="))
    assert verdict == "undecided" and "sum to one" in reason, reason


TRUE_CLASS_MD = r"""
# The loss of the true class

With $c$ the true class, $\hat{y}_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}$ and

$$L = -z_c + \log\left(\sum_{j=1}^{K} e^{z_j}\right) .$$

For $k \neq c$,

$$\frac{dL}{dz_k} = \hat{y}_k ,$$

and for the true class

$$\frac{dL}{dz_c} = \hat{y}_c - 1 .$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_each_case_of_a_coordinate_derivative_is_checked_as_the_words_restrict_it(name: str) -> None:
    text = _as(name, TRUE_CLASS_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    [(verdict, reason)] = _verdicts(report, _line_of(text, r"\frac{dL}{dz_k} ="))
    assert verdict == "proved" and "for k ≠ c" in reason, reason
    [(verdict, _)] = _verdicts(report, _line_of(text, r"\frac{dL}{dz_c} ="))
    assert verdict == "proved"


def test_a_case_the_words_do_not_state_is_undecided() -> None:
    report = check_document("doc.md", TRUE_CLASS_MD.replace("For $k \\neq c$,", "For the others,"))
    [(verdict, reason)] = _verdicts(report, _line_of(TRUE_CLASS_MD, r"\frac{dL}{dz_k} ="))
    assert verdict == "undecided" and "agrees only for k ≠ c" in reason, reason


def test_a_coordinate_derivative_keeps_its_variable_when_the_variable_is_a_family_too() -> None:
    # z_k = w_k x + b_k defined as well: ∂L/∂z_k is still a derivative in z, never 0 because z was put in
    doc = SOFTMAX_MD.replace("The softmax of the logits is", "The logits are $z_k = w_k x + b_k$; their softmax is")
    report = check_document("doc.md", doc)
    assert [f for f in report.findings if f.severity == "error"] == []
    [(verdict, _)] = _verdicts(report, _line_of(doc, r"\frac{\partial L}{\partial z_k} ="))
    assert verdict == "proved"


def test_the_case_a_heading_states_holds_in_its_section() -> None:
    doc = TRUE_CLASS_MD.replace("For $k \\neq c$,", "## Case 2: $k \\ne c$\n\n" + "Nothing of the true class enters here. " * 8)
    report = check_document("doc.md", doc)
    [(verdict, reason)] = _verdicts(report, _line_of(doc, r"\frac{dL}{dz_k} ="))
    assert verdict == "proved" and "for k ≠ c" in reason, reason


@pytest.mark.parametrize("operation", [
    r"\frac{d}{dz_k} \left[ -z_c + \log\left(\sum_{j=1}^{K} e^{z_j}\right) \right]",
    # a derivative left as a name on the written side must not reach the one-hot question either
    r"-\frac{\partial z_c}{\partial z_k} + \frac{\partial}{\partial z_k} \log\left(\sum_{j=1}^{K} e^{z_j}\right)",
])
def test_a_derivative_written_as_an_operation_is_not_refuted_by_the_coordinate_reading(operation: str) -> None:
    doc = TRUE_CLASS_MD.replace(r"\frac{dL}{dz_k} = \hat{y}_k ,", r"\frac{dL}{dz_k} = " + operation + " ,")
    report = check_document("doc.md", doc)
    assert [f for f in report.findings if f.severity == "error"] == []
    [(verdict, reason)] = _verdicts(report, _line_of(doc, r"\frac{dL}{dz_k} ="))
    assert verdict == "undecided" and "written out at K" not in reason and "written side" not in reason, reason


def test_a_loss_of_the_true_class_member_splits_the_cases_too() -> None:
    # L = −log ŷ_c: z_c only shows once ŷ_c is its definition; ∂L/∂z_k = ŷ_k holds for k ≠ c alone
    doc = TRUE_CLASS_MD.replace(r"L = -z_c + \log\left(\sum_{j=1}^{K} e^{z_j}\right) .", r"L = -\log \hat{y}_c .") \
        .replace("For $k \\neq c$,", "For the others,")
    report = check_document("doc.md", doc)
    assert [f for f in report.findings if f.severity == "error"] == []
    [(verdict, reason)] = _verdicts(report, _line_of(doc, r"\frac{dL}{dz_k} ="))
    assert verdict == "undecided" and "agrees only for k ≠ c" in reason, reason
    [(verdict, _)] = _verdicts(report, _line_of(doc, r"\frac{dL}{dz_c} ="))
    assert verdict == "proved"


def test_a_coordinate_derivative_in_a_subsection_is_a_claim_about_the_loss_above() -> None:
    doc = TRUE_CLASS_MD.replace("For $k \\neq c$,", "### Case 2: $k \\neq c$\n\nSo:") \
        .replace("and for the true class", "### Case 1: $k = c$\n\nSo:")
    report = check_document("doc.md", doc)
    assert [f for f in report.findings if f.severity == "error"] == []
    for snippet in (r"\frac{dL}{dz_k} =", r"\frac{dL}{dz_c} ="):
        [(verdict, reason)] = _verdicts(report, _line_of(doc, snippet))
        assert verdict == "proved", (snippet, reason)


def test_a_one_hot_target_against_a_loss_of_the_true_class_is_zero_apart_from_it() -> None:
    # L = −log ŷ_c with a one-hot y: ∂L/∂z_k = ŷ_k − y_k holds at every k (y_k is 1 at c, 0 elsewhere)
    from derive import symbols as S
    from derive.check import indexed_derivatives
    from derive.check.latex import parse_expr

    definitions = {S.symbol(r"\hat{y}_{k}"): parse_expr(r"\frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}"),
                   S.symbol("L"): parse_expr(r"-\log \hat{y}_c")}
    name, claim = parse_expr(r"\frac{dL}{dz_k}"), parse_expr(r"\hat{y}_k - y_k")
    verdict, reason = indexed_derivatives.decide(name, claim, definitions, "a one-hot target y", "", 4.0)
    assert verdict == "proved", reason
    # without the words one-hot, y_k is a name the loss never gives: undecided, never false
    verdict, reason = indexed_derivatives.decide(name, claim, definitions, "a target y", "", 4.0)
    assert verdict == "undecided" and "y_{k} appears on the written side only" in reason, reason
    # a slip stays a slip: 2ŷ_k − y_k differs in both cases even with the one-hot target (ŷ_k + y_k would hold
    # for k ≠ c alone: undecided, as the words do not restrict k)
    verdict, _ = indexed_derivatives.decide(name, parse_expr(r"2\hat{y}_k - y_k"), definitions, "one-hot", "", 4.0)
    assert verdict == "false"
    verdict, _ = indexed_derivatives.decide(name, parse_expr(r"\hat{y}_k + y_k"), definitions, "one-hot", "", 4.0)
    assert verdict == "undecided"
    # the log-sum-exp has no target at all: y_k on the written side only is undecided, whatever the words say
    definitions[S.symbol("L")] = parse_expr(r"\log \sum_{j=1}^{K} e^{z_j}")
    verdict, reason = indexed_derivatives.decide(name, claim, definitions, "one-hot", "", 4.0)
    assert verdict == "undecided" and "y_{k} appears on the written side only" in reason, reason


def test_a_determinant_written_with_the_documents_macros_is_read_with_them() -> None:
    doc = "$$\\newcommand{\\mA}{\\mathbf{A}}$$\n" + NAMED_MD.replace(r"\det(A - \lambda I)", r"\det(\mA - \lambda I)")
    report = check_document("doc.md", doc)
    assert [f for f in report.findings if f.severity == "error"] == []
    chain = _verdicts(report, _line_of(doc, r"\det(\mA - \lambda I) ="))
    assert chain[0][0] == "proved" and "for A on line" in chain[0][1], chain


def test_a_mean_over_the_family_keeps_its_size_on_both_sides() -> None:
    # L = (1/K)Σ_i (ŷ_i − y_i)²/2 with ŷ_i = σ-free e^{z_i}: ∂L/∂z_k writes the same K outside any sum
    from derive import symbols as S
    from derive.check import indexed_derivatives
    from derive.check.latex import parse_expr

    definitions = {S.symbol(r"\hat{y}_{i}"): parse_expr(r"e^{z_i}"),
                   S.symbol("L"): parse_expr(r"\frac{1}{K}\sum_{i=1}^{K} \frac{(\hat{y}_i - y_i)^2}{2}")}
    name = parse_expr(r"\frac{\partial L}{\partial z_k}")
    verdict, reason = indexed_derivatives.decide(name, parse_expr(r"\frac{1}{K}(\hat{y}_k - y_k)\hat{y}_k"),
                                                 definitions, "", "", 4.0)
    assert verdict == "proved", reason
    verdict, _ = indexed_derivatives.decide(name, parse_expr(r"\frac{2}{K}(\hat{y}_k - y_k)\hat{y}_k"),
                                            definitions, "", "", 4.0)
    assert verdict == "false"
