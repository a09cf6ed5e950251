"""Readings added in stop 30. Fixtures are written here, in Markdown and LaTeX."""
from __future__ import annotations

import pytest

from derive.check.latex import parse_block
from derive.check.run import check_document
from fixture_docs import as_document as _as, error_lines as _error_lines, line_of as _line_of, verdicts_on as _verdicts

ANGLE_MD = r"""
# The angle between two gradients

Take the two gradients $a = (1, 2)$ and $b = (3, 4)$. Their inner product is $a^\top b = 1 \cdot 3 + 2 \cdot 4 = 11$,
and their lengths are

$$
\|a\| = \sqrt{5}, \qquad \|b\|_2 = 5, \qquad \|b\|_1 = 7.
$$

So the cosine of the angle between them is

$$
\frac{a^\top b}{\|a\| \|b\|} = \frac{11}{5\sqrt{5}} \approx 0.984
$$

A step of size one half along their sum and their difference lands at $a + \frac{1}{2}(a + b) = (3, 5)$ and
$a - b = (-2, -2)$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_inner_products_and_norms_of_written_tuples_are_worked_values(name: str) -> None:
    text = _as(name, ANGLE_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    for snippet, count in ((r"a^\top b = 1", 2), (r"\|a\| = \sqrt{5}", 3), (r"\frac{a^\top b}{\|a\| \|b\|}", 2)):
        verdicts = [v for v, why in _verdicts(report, _line_of(text, snippet)) if not why.startswith("a value given")]
        assert verdicts == ["proved"] * count, (snippet, verdicts)
    assert any("with a = (1, 2), b = (3, 4)" in why for _, why in _verdicts(report, _line_of(text, r"a^\top b = 1")))
    for snippet in (r"(a + b) = (3, 5)", "a - b = (-2, -2)"):
        assert _verdicts(report, _line_of(text, snippet))[-1] == (
            "proved", "coordinate by coordinate (2 coordinates) (with a = (1, 2), b = (3, 4))"), snippet


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("slip", [(r"\|b\|_2 = 5", r"\|b\|_2 = 6"), (r"\|b\|_1 = 7", r"\|b\|_1 = 5"),
                                  (r"= \frac{11}{5\sqrt{5}}", r"= \frac{11}{25}"), (r"a^\top b = 1 \cdot 3", r"a^\top b = 1 \cdot 4"),
                                  ("a - b = (-2, -2)", "a - b = (-2, -1)")])
def test_a_slip_in_a_worked_inner_product_or_norm_is_found_on_its_line(name: str, slip: tuple[str, str]) -> None:
    text = _as(name, ANGLE_MD).replace(*slip)
    assert set(_error_lines(name, text)) == {(_line_of(text, slip[1]), "math/false")}


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_relation_between_two_given_tuples_is_not_a_worked_value(name: str) -> None:
    # ‖a‖ = ‖b‖ with no number written is a statement about the tuples (here false), never read as arithmetic;
    # a tuple squared is not a number and stays out of the arithmetic
    text = _as(name, ANGLE_MD + "\nIn general $\\|a\\|^2 = a^\\top a$, while $a^2 = 5$ would need a product of tuples.\n")
    report = check_document(name, text)
    assert [v for v, _ in _verdicts(report, _line_of(text, "a^2 = 5"))][-1] == "not-a-claim"
    assert _error_lines(name, text) == []
    general = _verdicts(report, _line_of(text, r"\|a\|^2 = a^\top a"))[0]
    assert general[0] == "proved" and "arithmetic" not in general[1], general
    # a statement for all tuples is never proved at the example's values: this one holds there (52 = 5 + 25 + 22)
    wrong = _as(name, ANGLE_MD + "\nIn general $\\|a + b\\|^2 = \\|a\\|^2 + \\|b\\|^2 + 22$.\n")
    verdicts = _verdicts(check_document(name, wrong), _line_of(wrong, "+ 22"))
    assert verdicts and verdicts[0][0] != "proved", verdicts


def test_an_lvert_no_rvert_closes_is_a_conditioning_bar() -> None:
    block = parse_block(r"p(y \lvert x) = \sigma(w x)")
    assert [len(s.terms) for s in block.statements] == [2] and not block.problems
    assert str(block.statements[0].terms[0].expr) == r"p(y \mid x)"
    # \vert not sized by \left/\right is drawn as | and read so: a conditioning bar here too
    assert str(parse_block(r"p(y \vert x) = 1").statements[0].terms[0].expr) == r"p(y \mid x)"
    # a paired \lvert … \rvert stays an absolute value
    paired = parse_block(r"\lvert -x \rvert = \lvert x \rvert").statements[0].terms
    assert [str(t.expr) for t in paired] == ["Abs(x)", "Abs(x)"]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_conditional_written_with_lvert_is_one_link_with_its_whole_sides(name: str) -> None:
    text = _as(name, "# Model\n\nWe model $p(y \\lvert x) = \\sigma(w x)$ for one sample.\n")
    links = [(k.left, k.right) for k in check_document(name, text).links]
    assert (r"p(y \lvert x)", r"\sigma(w x)") in links


LOGISTIC_MD = r"""
# One step of logistic regression

The model is $\hat y = \sigma(z)$ with $z = w x + b$ and $\sigma(z) = \frac{1}{1 + e^{-z}}$.

For example, with $w = 0.5$, $b = 0$, $x = 2$ and $y = 1$ we get $z = 1$, and $\hat y = \sigma(1) \approx 0.731$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_defined_name_stated_at_the_values_given_is_a_claim(name: str) -> None:
    text = _as(name, LOGISTIC_MD)
    report = check_document(name, text)
    assert ("proved", "the definition of z with the values given (b = 0, w = 1/2, x = 2)") in _verdicts(
        report, _line_of(text, "we get"))
    assert _error_lines(name, text) == []
    # stated as a result ("we get"), a wrong value is an error with the value the definition gives
    slipped = text.replace("we get $z = 1$", "we get $z = 2$")
    report = check_document(name, slipped)
    errors = [f for f in report.findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(_line_of(slipped, "we get"), "math/false")]
    assert "gives 1, not 2" in errors[0].message
    # a value merely given ("for z = 2 instead", another example) is no result: no error
    given = text.replace(r"we get $z = 1$, and $\hat y = \sigma(1) \approx 0.731$",
                         r"for $z = 2$ instead, $\hat y = \sigma(2) \approx 0.881$")
    assert given != text and _error_lines(name, given) == []


QUADRATIC_MD = r"""
# Gradient descent on a quadratic

Consider $f(x) = \frac{1}{2} a x^2$, so that the update is $x_{k+1} = x_k - \eta a x_k$.

For $a = 4$, $\eta = 0.1$ and $x_0 = 1$:

$$
\begin{aligned}
x_1 &= 0.6, \\
x_2 &= 0.36, \\
x_3 &= 0.216 .
\end{aligned}
$$

The loss after three steps is $f(x_3) = 2 \cdot 0.216^2 \approx 0.0933$.
With $\beta = 0.9$ an average keeps $1 - \beta^{10} \approx 0.651$ of its weight after ten steps.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_defined_function_at_a_worked_step_and_a_numeric_approx_with_given_values(name: str) -> None:
    text = _as(name, QUADRATIC_MD)
    report = check_document(name, text)
    assert _error_lines(name, text) == []
    loss = _verdicts(report, _line_of(text, "f(x_3) ="))
    assert [v for v, _ in loss] == ["proved", "proved"] and "x_{3} = 27/125" in loss[0][1], loss
    assert _verdicts(report, _line_of(text, r"1 - \beta^{10}"))[-1] == (
        "proved", "arithmetic: equal to the digits written (with β = 9/10)")
    # a slip in the numbers is found; a wrong step is replaced by its right value after it (one slip, one error)
    for old, new in ((r"\approx 0.651", r"\approx 0.615"), ("f(x_3) = 2 \\cdot 0.216^2", "f(x_3) = 2 \\cdot 0.226^2")):
        slipped = text.replace(old, new)
        assert set(_error_lines(name, slipped)) == {(_line_of(slipped, new), "math/false")}, new
    wrong_step = text.replace("x_3 &= 0.216", "x_3 &= 0.226")
    assert _error_lines(name, wrong_step) == [(_line_of(wrong_step, "x_3 &= 0.226"), "math/false")]


RIDGE_MD = r"""
# Линейная регрессия с регуляризацией

Функционал ошибки с регуляризацией: $Q(w) = \frac{1}{\ell}\|Xw - y\|^2 + \lambda \|w\|^2$. Его градиент

$$
\nabla_w Q(w) = \frac{2}{\ell} X^T (Xw - y) + 2 \lambda w,
$$

и оптимальный вектор весов записывается в явном виде: $w = (X^T X + \lambda \ell I)^{-1} X^T y$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_closed_form_announced_as_the_solution_solves_the_objective_in_scope(name: str) -> None:
    text = _as(name, RIDGE_MD)
    report = check_document(name, text)
    assert _error_lines(name, text) == []
    gradient = _verdicts(report, _line_of(text, r"\nabla_w Q(w)"))
    assert gradient and gradient[0][0] == "proved", gradient  # \ell is a letter in matrix notation too
    solution = _verdicts(report, _line_of(text, "в явном виде"))[-1]
    assert solution[0] == "proved" and solution[1].startswith("proved for every size") \
        and "ℓ > 0" in solution[1] and "(the minimizer of Q, line 4)" in solution[1], solution
    # the factor 1/ℓ forgotten in the closed form, and a factor 2 too many: each is found on its line
    for old, new in ((r"\lambda \ell I)^{-1}", r"\lambda I)^{-1}"), ("$w = (X^T X", "$w = 2(X^T X")):
        slipped = text.replace(old, new)
        assert _error_lines(name, slipped) == [(_line_of(slipped, new), "math/false")], new
    # with no word saying it is the solution, the same line is not read as one
    plain = text.replace("и оптимальный вектор весов записывается в явном виде", "рассмотрим также")
    assert [v for v, _ in _verdicts(check_document(name, plain), _line_of(plain, "рассмотрим"))] != ["proved"]


STATS_RIDGE_MD = r"""
# Ridge regression

The ridge estimator is
$$\hat{\beta}_\lambda = \mathrm{argmin}_{\beta} \frac{1}{n}\|\boldsymbol Y - \boldsymbol X\beta\|_2^2 + \lambda \|\beta\|_2^2$$

Ridge regression has a closed-form solution (set the derivative with respect to $\beta$ to zero):
$$\hat{\beta}_\lambda = (\boldsymbol X^\top \boldsymbol X + n \lambda \boldsymbol I)^{-1} \boldsymbol X^\top \boldsymbol Y$$

Using the SVD $\boldsymbol X = \boldsymbol U \boldsymbol D \boldsymbol V^\top$ we can show that
$$\hat{\beta}_\lambda = \boldsymbol V (\boldsymbol D^2 + n \lambda \boldsymbol I)^{-1} \boldsymbol D \boldsymbol U^\top \boldsymbol Y$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_bold_capital_response_is_a_column_in_a_closed_form_minimizer(name: str) -> None:
    text = _as(name, STATS_RIDGE_MD)
    report = check_document(name, text)
    assert _error_lines(name, text) == []
    closed = _verdicts(report, _line_of(text, r"n \lambda \boldsymbol I)^{-1} \boldsymbol X^\top"))
    assert closed and closed[-1][0] == "proved" and "(the minimizer of line" in closed[-1][1], closed
    # a form in other letters (the SVD's U, D, V) is not refuted by an objective that does not relate them
    svd = _verdicts(report, _line_of(text, r"\boldsymbol V (\boldsymbol D^2"))
    assert svd and svd[-1][0] != "false", svd
    slipped = text.replace(r"+ n \lambda \boldsymbol I)^{-1} \boldsymbol X^\top", r"+ \lambda \boldsymbol I)^{-1} \boldsymbol X^\top")
    assert _error_lines(name, slipped) == [(_line_of(slipped, r"+ \lambda \boldsymbol I)^{-1} \boldsymbol X^\top"), "math/false")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_optimum_stated_under_its_sentence_value_is_read_at_that_value(name: str) -> None:
    # "λ = 0 makes β̂_λ = β̂": at λ = 0 the ridge objective is least squares, whose minimizer β̂ is; without the
    # value, the claim was refuted (a false error on real notes)
    text = _as(name, r"""
# Ridge and least squares

Let $\hat\beta_\lambda = \mathrm{argmin}_{b} (y - x b)^2 + \lambda b^2$ and $\hat\beta = y / x$.

Note that $\lambda = 0$ makes $\hat\beta_\lambda = \hat\beta$.
""")
    report = check_document(name, text)
    assert _error_lines(name, text) == []
    verdict = _verdicts(report, _line_of(text, "makes"))[-1]
    assert verdict[0] == "proved" and "with λ = 0 as its sentence says" in verdict[1], verdict
    slipped = text.replace(r"$\lambda = 0$ makes", r"$\lambda = 1$ makes")
    assert _error_lines(name, slipped) == [(_line_of(slipped, "makes"), "math/false")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_tuple_written_over_two_rows_is_one_side(name: str) -> None:
    text = _as(name, r"""
# Gradient by hand

For $L(x) = \frac{1}{2}(a x_1 + b x_2 - c)^2$ the gradient is
$$
\begin{aligned}
\left(\frac{\partial L}{\partial x_1}, \frac{\partial L}{\partial x_2}\right)
&= ((a x_1 + b x_2 - c) a, \\
&\quad (a x_1 + b x_2 - c) b) .
\end{aligned}
$$
""")
    report = check_document(name, text)
    assert _verdicts(report, _line_of(text, r"&= ((a x_1"))[-1] == ("proved", "coordinate by coordinate (2 coordinates)")
    slipped = text.replace("- c) b)", "- c) a)")
    assert _error_lines(name, slipped) == [(_line_of(slipped, r"&= ((a x_1"), "math/false")]


DIFFERENCE_QUOTIENT_MD = r"""
# A worked difference quotient

Our prediction is $y = w \cdot x$. Say $w = 3$ and a training pair $(x, t) = (4, 8)$. The loss is

$$
\begin{aligned}
L(w) &= (y - t)^2 = (x \cdot w - t)^2 \\
L(3) &= (12 - 8)^2 = 16
\end{aligned}
$$

We increase $w$ a tiny little bit ($\Delta = 0.01$):

$$
L(3.01) = (12.04 - 8)^2 = 16.32
$$

and the ratio is

$$
\frac{16.32 - 16.0}{3.01 - 3.0} = \frac{L(w + \Delta) - L(w)}{\Delta}
$$

If instead we start from $w = 1.5$, our output is $y = 1.5 \cdot 4 = 6$ and

$$
\begin{aligned}
L(1.5) &= (6 - 8)^2 = 4 \\
L(1.51) &= (6.04 - 8)^2 = 3.84
\end{aligned}
$$

Finally, for $w = 2$ the loss is $(y - t)^2 = (8 - 8)^2 = 0$, and a unit with input $0.21$ outputs
$\frac{1}{1 + e^{-0.21}} = 0.5523$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_loss_with_a_training_pair_given_as_a_tuple(name: str) -> None:
    text = _as(name, DIFFERENCE_QUOTIENT_MD)
    report = check_document(name, text)
    assert _error_lines(name, text) == []
    assert _verdicts(report, _line_of(text, "(x, t) = (4, 8)"))[-1] == ("not-a-claim", "values given to names (a tuple of them)")
    assert _verdicts(report, _line_of(text, "(y - t)^2 = (8 - 8)^2"))[-2] == (
        "proved", "arithmetic: exact (y by its definition, with t = 8, w = 2, x = 4)")
    for snippet in ("L(3) &=", "L(3.01) =", "L(1.5) &=", "L(1.51) &="):
        verdict = _verdicts(report, _line_of(text, snippet))[0]
        assert verdict == ("proved", "arithmetic: exact (with t = 8, x = 4)"), (snippet, verdict)
    # the ratio of values shown rounded before (16.32 for 16.3216) is 32, not 32.16: undecided, never an error; a
    # decimal never shown as a rounded result is exact (1 − 0.98² = 0.0296 stays an error: tests/test_check_other_schemes.py)
    ratio = _verdicts(report, _line_of(text, r"\frac{16.32 - 16.0}"))[0]
    assert ratio[0] == "undecided" and ratio[1].startswith("within the rounding of the decimals"), ratio
    # a slip beyond any rounding is still found; y = 6 (at w = 1.5) is not L's y at w = 1.51
    for old, new in ((r"\frac{16.32 - 16.0}{3.01 - 3.0} =", r"\frac{16.32 - 16.0}{3.01 - 2.0} ="),
                     ("L(1.51) &= (6.04 - 8)^2", "L(1.51) &= (6.05 - 8)^2"), ("e^{-0.21}} = 0.5523", "e^{-0.21}} = 0.56")):
        slipped = text.replace(old, new)
        assert set(_error_lines(name, slipped)) == {(_line_of(slipped, new), "math/false")}, new


BACKPROP_MD = r"""
# 反向传播的数值例子

激活函数 $\sigma$ 是 sigmoid 函数。隐藏层激活值：$a_1 = \sigma(z_1) = \left[\frac{1}{1+e^{-2.0}}, \frac{1}{1+e^{-2.4}}\right] \approx [0.8808, 0.9168]$

输出层误差项：$\delta{_2} = \frac{\partial L}{\partial z_2} \approx 0.0478$

权重梯度：$\frac{\partial L}{\partial W_2} = \delta{_2} \cdot a_1 = 0.0478 \times [0.8808, 0.9168] \approx [0.0421, 0.0438]$

隐藏层激活对加权和的导数：$\frac{\partial a_1}{\partial z_1} = \sigma'(z_1) \approx [0.8808 \times 0.1192, \, 0.9168 \times 0.0832] \approx [0.1050, 0.0763]$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_worked_tuples_of_numbers_are_compared_entry_by_entry(name: str) -> None:
    text = _as(name, BACKPROP_MD)
    report = check_document(name, text)
    assert _error_lines(name, text) == []
    for snippet in (r"0.0478 \times [0.8808", r"[0.8808 \times 0.1192"):
        assert _verdicts(report, _line_of(text, snippet))[-1] == ("proved", "coordinate by coordinate (2 coordinates)"), snippet
    # \delta{_2} is δ₂, as KaTeX draws it
    assert all("could not be parsed" not in why for _, why in _verdicts(report, _line_of(text, r"\delta{_2} \cdot a_1")))
    # a slip in numbers alone is an error even though σ, which only the words name, stands in the same formula
    for old, new in (("[0.0421, 0.0438]", "[0.0421, 0.0448]"), ("[0.1050, 0.0763]", "[0.1051, 0.0763]"),
                     ("[0.8808, 0.9168]$", "[0.8808, 0.9084]$")):
        slipped = text.replace(old, new)
        assert _error_lines(name, slipped) == [(_line_of(slipped, new), "math/false")], new


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_value_worked_to_the_digits_written_is_carried_as_a_rounded_value(name: str) -> None:
    text = _as(name, r"""
# One step on the exponential

Let $f(x) = e^x$, and take one gradient step $x_{k+1} = x_k - \eta f'(x_k)$ with $\eta = 0.1$ from $x_0 = 1$:
$x_1 = 1 - 0.1 e \approx 0.7282$.

The new value is $f(x_1) = e^{0.7282} \approx 2.0714$, down from $f(x_0) = e \approx 2.7183$.
""")
    report = check_document(name, text)
    assert _error_lines(name, text) == []
    carried = _verdicts(report, _line_of(text, "The new value"))[0]
    assert carried == ("proved", "arithmetic: exact (with x_{1} = 3641/5000)"), carried
    slipped = text.replace("f(x_1) = e^{0.7282}", "f(x_1) = e^{0.7382}")
    assert set(_error_lines(name, slipped)) == {(_line_of(slipped, "The new value"), "math/false")}


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_value_given_to_a_letter_is_no_equation_its_hat_solves(name: str) -> None:
    # "with y = 1, the output is ŷ = …": ŷ is the prediction, not the root of y = 1 (a false error before)
    text = _as(name, "# Output\n\nWith $y = 1$, the output is $\\hat y = \\frac{1}{1 + e^{-1}} \\approx 0.7311$.\n")
    assert _error_lines(name, text) == []


def test_a_sum_over_two_indices_written_under_one_sign() -> None:
    block = parse_block(r"f(x) = \sum_{i,j=1}^n a_{ij} x_i x_j")
    assert not block.problems
    total = block.statements[0].terms[1].expr
    assert [(str(i), a, str(b)) for i, a, b in total.limits] == [("i", 1, "n"), ("j", 1, "n")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_quadratic_form_over_two_indices_written_out(name: str) -> None:
    text = _as(name, "# Q\n\nFor two coordinates,\n\n$$f(x) = \\sum_{i,j=1}^{2} a_{ij} x_i x_j = a_{11} x_1^2 + "
                     "(a_{12} + a_{21}) x_1 x_2 + a_{22} x_2^2$$\n")
    report = check_document(name, text)
    assert _verdicts(report, _line_of(text, r"\sum_{i,j=1}^{2}"))[-1] == ("proved", "the finite sums written out term by term")
    slipped = text.replace("(a_{12} + a_{21}) x_1 x_2", "2 a_{12} x_1 x_2")
    assert _verdicts(check_document(name, slipped), _line_of(slipped, r"\sum_{i,j=1}^{2}"))[-1][0] != "proved"


SHORTHAND_TEX = r"""\documentclass{article}
\def\bea{\begin{eqnarray}}
\def\eea{\end{eqnarray}}
\newcommand{\be}{\begin{equation}}
\newcommand{\ee}{\end{equation}}
\begin{document}
Let $f(x) = x^2 + 2x$. Then
\bea
f'(x) &=& 2x + 2 \\
&=& 2(x + 1)
\eea
and
\be
f(1) = 3 .
\ee
\end{document}
"""


def test_displays_written_with_environment_shorthands_are_read() -> None:
    report = check_document("notes.tex", SHORTHAND_TEX)
    assert [(k.line, k.verdict) for k in report.links if k.line > 7] == [(9, "proved"), (10, "proved"), (14, "proved")]
    assert [f for f in report.findings if f.severity != "info"] == []  # no \\ outside an environment: it is eqnarray
    slipped = SHORTHAND_TEX.replace("&=& 2(x + 1)", "&=& 2(x + 2)")
    assert _error_lines("notes.tex", slipped) == [(10, "math/false")]


ERROR_E_MD = r"""
# The squared error of one output

With $y = 1$ the output is $\hat y = \frac{1}{1 + e^{-1}} \approx 0.7311$, so the error is
$e = \hat y - y \approx -0.2689$ and the loss is $\frac{1}{2} e^2 = 0.0362$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_quantity_named_e_is_squared_while_e_to_a_negative_power_stays_the_exponential(name: str) -> None:
    from derive.check.euler import e_is_a_name

    assert e_is_a_name([r"e = \hat y - y"]) and not e_is_a_name([r"e = 2.718", r"x = e^{-z}", r"2e = y"])
    text = _as(name, ERROR_E_MD)
    report = check_document(name, text)
    assert _error_lines(name, text) == []
    loss = _verdicts(report, _line_of(text, r"\frac{1}{2} e^2"))[-1]
    assert loss[0] == "proved" and "e = -2689/10000" in loss[1], loss
    assert _verdicts(report, _line_of(text, r"e^{-1}"))[-1][0] == "proved"  # σ(1) ≈ 0.7311: e^{-1} is exp(−1)
    slipped = text.replace("= 0.0362", "= 0.0462")
    assert _error_lines(name, slipped) == [(_line_of(slipped, "= 0.0462"), "math/false")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_named_value_through_two_definitions(name: str) -> None:
    # η* = 2/(μ + L) with L = 2μ: only the definitions put in one into the other reach the value given (μ = 1)
    text = _as(name, "# Step\n\nThe best step is $$\\eta^* = \\frac{2}{\\mu + L}$$ where $$L = 2\\mu$$\n\n"
                     "As a concrete example, consider $\\mu = 1$: we see that $\\eta^* = \\frac{2}{1+2}=\\frac{2}{3}$.\n")
    verdict, reason = _verdicts(check_document(name, text), _line_of(text, "consider"))[1]
    assert verdict == "proved" and "η^{*}" in reason and "definition" in reason and "μ = 1" in reason, reason


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_starred_closed_form_with_no_word_of_solving_is_still_the_minimizer(name: str) -> None:
    # a star marks the optimum by itself (no "solution", no "setting the gradient to zero" before it)
    text = _as(name, "# Ridge\n\nThe loss is $J(\\theta) = \\|X\\theta - y\\|^2 + \\lambda \\|\\theta\\|^2$.\n\n"
                     "$\\theta^* = (X^T X + \\lambda I)^{-1} X^T y$.\n")
    verdict = _verdicts(check_document(name, text), _line_of(text, "\\theta^* ="))[-1]
    assert verdict[0] == "proved" and "(the minimizer of J, line" in verdict[1], verdict


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_numbers_after_an_unknown_function_are_checked(name: str) -> None:
    # σ is neither defined nor named in words: σ'(z_1) ≈ […] is a form with an unknown function, the numbers after it
    # are still arithmetic
    text = _as(name, "# Derivative\n\n$\\frac{\\partial a_1}{\\partial z_1} = \\sigma'(z_1) \\approx "
                     "[0.8808 \\times 0.1192, \\, 0.9168 \\times 0.0832] \\approx [0.1050, 0.0763]$\n")
    report = check_document(name, text)
    assert _verdicts(report, _line_of(text, "0.8808"))[-1] == ("proved", "coordinate by coordinate (2 coordinates)")
    slipped = text.replace("[0.1050, 0.0763]", "[0.1050, 0.0663]")
    assert _error_lines(name, slipped) == [(_line_of(slipped, "0.0663"), "math/false")]
