"""Readings added in stop 27: sums over a few written terms (worked examples over a small data set) written
out, their terms named as the notes name them. Fixtures are written here, in Markdown and LaTeX."""
from __future__ import annotations


import pytest
import sympy as sp

from derive.check import coordinates, finite_sums
from derive.check.latex import parse_expr
from derive.check.run import check_document
from fixture_docs import as_document as _as, error_lines as _error_lines, line_of as _line_of, verdicts_on as _verdicts







DATA_MD = r"""
# Mean squared error on four points

The data are $y_1 = -2$, $y_2 = -1$, $y_3 = 2$ and $y_4 = 4$, and the risk of a constant prediction is

$$R(h) = \frac{1}{4}\sum_{i=1}^{4}(y_i-h)^2.$$

Its derivative, with the data put in:

$$\frac{dR(h)}{dh} = \frac{1}{2}\sum_{i=1}^{4}(h-y_i) = \frac{1}{2}(4h - 3).$$

Hence the step from $h$ is $h - \alpha\frac{1}{2}\sum_{i=1}^{4}(h-y^{(i)}) = h - \frac{\alpha}{2}(4h - 3)$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_sum_over_stated_data_is_written_out_and_proved(name: str) -> None:
    text = _as(name, DATA_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    chain = _verdicts(report, _line_of(text, r"\frac{dR(h)}{dh}"))
    assert [v for v, _ in chain] == ["proved", "proved"], chain
    assert "finite sums written out" in chain[1][1]
    # y^{(i)} in the sum and y_1 … in the prose: the same samples, as a reader takes them
    step = _verdicts(report, _line_of(text, "Hence the step"))
    assert step and step[0][0] == "proved", step


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("slip, good", [("(4h - 5)", "(4h - 3)"), (r"\frac{1}{2}\sum_{i=1}^{3}(h-y_i) =", r"\frac{1}{2}\sum_{i=1}^{4}(h-y_i) =")])
def test_a_slip_in_a_sum_over_data_is_found_on_its_line(name: str, slip: str, good: str) -> None:
    text = _as(name, DATA_MD).replace(good, slip, 1)
    errors = _error_lines(name, text)
    assert errors == [(_line_of(text, r"\frac{dR(h)}{dh}"), "math/false")], errors


TERMS_MD = r"""
# Terms of short sums

So $\sum_{k=0}^{2} \beta^k g_{t-k} = g_t + \beta g_{t-1} + \beta^2 g_{t-2}$.

So $\prod_{k=1}^{3}(1 - \beta^k) = (1-\beta)(1-\beta^2)(1-\beta^3)$.

So $\sum_{i=1}^{2}\sum_{j=1}^{2} a_{ij} x_j = a_{11}x_1 + a_{12}x_2 + a_{21}x_1 + a_{22}x_2$.

Hence $\sum_{i=1}^{3}(h-z_i) = 3h$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_terms_of_a_short_sum_written_on_the_other_side_are_matched(name: str) -> None:
    text = _as(name, TERMS_MD)
    report = check_document(name, text)
    for snippet in (r"\beta^k g_{t-k}", r"\prod_{k=1}^{3}", r"a_{ij} x_j"):
        got = _verdicts(report, _line_of(text, snippet))
        assert [v for v, _ in got] == ["proved"], (snippet, got)
    # terms with no value on one side only: the sum is not refuted against a bare 3h
    loose = _verdicts(report, _line_of(text, "Hence"))
    assert loose and loose[0][0] == "undecided" and "terms of a sum written out" in loose[0][1], loose
    assert [f for f in report.findings if f.severity == "error"] == []


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("good, slip", [(r"+ \beta^2 g_{t-2}$", r"+ \beta g_{t-2}$"),
                                        (r"a_{21}x_1", r"a_{21}x_2"),
                                        (r"(1-\beta^3)$", r"(1-\beta^4)$")])
def test_a_wrong_term_of_a_short_sum_is_false(name: str, good: str, slip: str) -> None:
    text = _as(name, TERMS_MD).replace(good, slip, 1)
    errors = _error_lines(name, text)
    assert errors == [(_line_of(text, slip), "math/false")], errors


@pytest.mark.parametrize("latex, expected", [
    (r"\sum_{i=1}^{3} y_i", "y_{1} + y_{2} + y_{3}"),
    (r"\sum_{i=1}^{2} y^{(i)}_2", "y_{2}^{(1)} + y_{2}^{(2)}"),
    (r"\sum_{i=1}^{2} w_i^{(t)}", "w_{1}^{(t)} + w_{2}^{(t)}"),
    (r"\sum_{i=1}^{2}\sum_{j=1}^{i} a_{ij}", "a_{11} + a_{21} + a_{22}"),
    (r"\sum_{i=1}^{0} y_i", "0"),
])
def test_entries_are_named_as_the_notes_write_them(latex: str, expected: str) -> None:
    assert finite_sums.expand(parse_expr(latex)) == parse_expr(expected)


def test_a_long_sum_and_a_sum_over_symbolic_bounds_stay_sums() -> None:
    for latex in (r"\sum_{i=1}^{40} y_i", r"\sum_{i=1}^{n} y_i"):
        e = parse_expr(latex)
        assert finite_sums.expand(e) == e


def test_an_inner_sum_that_binds_the_same_index_is_left_alone() -> None:
    i, n, h = sp.symbols("i n h")
    y = sp.IndexedBase("y")
    inner = sp.Sum((y[i] - h) ** 2, (i, 1, n))
    got = finite_sums.expand(sp.Sum(inner * y[i], (i, 1, 2)))
    assert sp.expand(got - inner * (sp.Symbol("y_{1}", real=True) + sp.Symbol("y_{2}", real=True))) == 0, got


def test_the_known_spelling_of_an_entry_wins() -> None:
    e = parse_expr(r"\sum_{j=1}^{2} a_{j1}")
    assert finite_sums.expand(e, frozenset({"a_{1,1}", "a_{2,1}"})) == parse_expr("a_{1,1} + a_{2,1}")
    assert finite_sums.expand(e) == parse_expr("a_{11} + a_{21}")


CALCULUS_MD = r"""
# Matrix calculus

Let $A$ and $B$ be matrices and $x$, $y$ vectors.

$$\nabla_x x^\top A x = (A + A^\top)x$$

$$\nabla_A \operatorname{tr}(AB) = B^\top$$

$$\nabla_A x^\top A y = \nabla_A \operatorname{tr}(A y x^\top) = x y^\top$$

$$\nabla_A \det A = (\det A) A^{-\top}$$

$$\nabla_x \|Ax - y\|^2 = 2A^\top(Ax - y)$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_gradients_in_matrix_calculus_are_checked_entry_by_entry(name: str) -> None:
    text = _as(name, CALCULUS_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    for snippet, count in ((r"\nabla_x x^\top", 1), (r"\nabla_A \operatorname{tr}(AB)", 1), (r"\nabla_A x^\top A y", 2),
                           (r"\nabla_A \det A", 1), (r"\nabla_x \|Ax", 1)):
        got = _verdicts(report, _line_of(text, snippet))
        assert [v for v, _ in got] == ["proved"] * count, (snippet, got)
        # in a vector the gradient is also taken symbolically (a proof for every size); in a matrix, entry by entry
        expected = "proved in matrix algebra" if snippet.startswith(r"\nabla_x") else "a generic small case"
        assert all(expected in why for _, why in got), got


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("good, slip", [(r"= B^\top$$", r"= B^\top A$$"), (r"2A^\top(Ax - y)", r"2A^\top(Ax + y)")])
def test_a_wrong_gradient_in_matrix_calculus_is_false(name: str, good: str, slip: str) -> None:
    text = _as(name, CALCULUS_MD).replace(good, slip, 1)
    errors = _error_lines(name, text)
    assert errors == [(_line_of(text, slip), "math/false")], errors


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("good, slip, why", [(r"(A + A^\top)x", "2Ax", "diagonal"), (r"= x y^\top", r"= y x^\top", "numbers"),
                                             (r"A^{-\top}", r"A^{-1}", "diagonal")])
def test_a_gradient_that_holds_only_for_symmetric_matrices_or_numbers_is_undecided(name: str, good: str, slip: str,
                                                                                   why: str) -> None:
    text = _as(name, CALCULUS_MD).replace(good, slip, 1)
    report = check_document(name, text)
    got = _verdicts(report, _line_of(text, slip))
    assert got[-1][0] == "undecided" and why in got[-1][1], got
    assert [f for f in report.findings if f.severity == "error"] == []


def test_a_determinant_is_evaluated_exactly() -> None:
    from fractions import Fraction as F

    from derive.check.matrices import _mat_det
    assert _mat_det([[F(0), F(1), F(2)], [F(1), F(0), F(3)], [F(4), F(-3), F(8)]]) == -2
    assert _mat_det([[F(1), F(2)], [F(2), F(4)]]) == 0


NEWTON_MD = r"""
# Newton's method

For an $f$ left open, Newton's step is

$$
x_{k+1} = x_k - \left[ f''(x_k)\right]^{-1}f'(x_k).
$$

Subtracting the minimizer,

$$
x_{k+1} - x^* = x_k -\left[ f''(x_k)\right]^{-1} f'(x_{k}) - x^*.
$$

The integral of the difference is the difference of the integrals:

$$
\left( f''(x_k) - \int_0^1 f''(x^* + \tau (x_k - x^*)) d \tau\right) (x_k - x^*) = \left( \int_0^1 \left( f''(x_k) - f''(x^* + \tau (x_k - x^*)) d \tau\right)\right) (x_k - x^*)
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_step_in_functions_left_open_is_substituted_and_an_integrand_may_hold_its_differential(name: str) -> None:
    text = _as(name, NEWTON_MD)
    report = check_document(name, text)
    for snippet in (r"x_{k+1} - x^* =", r"\left( f''(x_k) - \int_0^1"):
        got = _verdicts(report, _line_of(text, snippet))
        assert [v for v, _ in got] == ["proved"], (snippet, got)
        assert "whatever" in got[0][1], got


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("good, slip", [(r"f'(x_{k}) - x^*.", r"f'(x_{k}) + x^*."),
                                        (r"d \tau\right)\right) (x_k - x^*)", r"d \tau\right)\right) (x_k + x^*)")])
def test_a_slip_in_a_step_in_functions_left_open_is_not_proved(name: str, good: str, slip: str) -> None:
    text = _as(name, NEWTON_MD).replace(good, slip, 1)
    got = _verdicts(check_document(name, text), _line_of(text, slip))
    assert got and got[0][0] != "proved", got


def test_an_integral_whose_differential_closes_a_bracket_ends_there() -> None:
    e = parse_expr(r"\int_0^1 \left( a - g(\tau) d\tau \right) (b + 1)")
    integrals = list(e.atoms(sp.Integral))
    assert len(integrals) == 1 and str(integrals[0].limits[0][0]) == "τ", e
    assert not integrals[0].function.has(sp.Symbol("b", real=True)), e  # (b + 1) multiplies, outside


INDEX_MD = r"""
# Index notation

Written in coordinates, $x^\top A x = \sum_j x_j \bigg(\sum_k a_{jk}x_k\bigg) = \sum_{j,k} a_{jk} x_j x_k$.

Hence $\frac{\partial}{\partial x_i}\sum_{j,k} a_{jk} x_j x_k = \sum_{j} a_{ji} x_j + \sum_{k} a_{ik} x_k$.

Also $\frac{\partial}{\partial x_i}\sum_{j} a_j x_j^2 = 2 a_i x_i$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_sums_over_pairs_of_indices_and_their_derivatives_are_proved(name: str) -> None:
    text = _as(name, INDEX_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    chain = _verdicts(report, _line_of(text, "Written in coordinates"))
    assert [v for v, _ in chain][-1] == "proved", chain
    for snippet in ("Hence", "Also"):
        got = _verdicts(report, _line_of(text, snippet))
        assert [v for v, _ in got] == ["proved"], (snippet, got)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("good, slip", [(r"= \sum_{j} a_{ji} x_j + \sum_{k} a_{ik} x_k$", r"= 2\sum_{j} a_{ij} x_j$"),
                                        (r"= \sum_{j,k} a_{jk} x_j x_k$", r"= \sum_{j,k} a_{jk} x_j x_j$"),
                                        ("= 2 a_i x_i", "= a_i x_i")])
def test_a_slip_in_index_notation_is_never_proved(name: str, good: str, slip: str) -> None:
    text = _as(name, INDEX_MD).replace(good, slip, 1)
    got = _verdicts(check_document(name, text), _line_of(text, slip))
    assert got and got[-1][0] != "proved", got


def test_small_sizes_write_out_every_free_index_and_refuse_named_sets() -> None:
    a = parse_expr(r"\frac{\partial}{\partial x_i}\sum_{j,k} a_{jk} x_j x_k")
    b = parse_expr(r"\sum_{j} a_{ji} x_j + \sum_{k} a_{ik} x_k")
    why = finite_sums.small_sizes(coordinates.derivatives(a), b, 2.0)
    assert why is not None and "every value of i" in why
    assert finite_sums.small_sizes(parse_expr(r"\sum_{j} a_{ij} x_j"), parse_expr(r"\sum_{j} a_{ji} x_j"), 2.0) is None
    assert finite_sums.small_sizes(parse_expr(r"\sum_{i \in B} x_i"), parse_expr(r"\sum_{i \in B} x_i"), 2.0) is None
    # equal at i = 1 only: every value of the free index is tried
    assert finite_sums.small_sizes(parse_expr(r"\sum_{j} x_j + x_i"), parse_expr(r"\sum_{j} x_j + x_1"), 2.0) is None


def test_a_delta_in_a_sum_over_two_indices_sums_out_its_own_index() -> None:
    j, k, i = (sp.Symbol(c, real=True) for c in "jki")
    n = sp.Symbol("n", integer=True, positive=True)
    a, x = sp.IndexedBase("a"), sp.IndexedBase("x")
    total = sp.Sum(sp.KroneckerDelta(i, j) * a[j, k] * x[k], (k, 1, n), (j, 1, n))
    assert coordinates._sum_out(total) == sp.Sum(a[i, k] * x[k], (k, 1, n))


DATA_SUM_MD = r"""
# Linear regression

The prediction is $\hat{y} = mx + c$ and the loss is

$$MSE = \frac{1}{n}\sum (y - (mx + c))^2$$

Its derivatives:

$$\frac{\partial MSE}{\partial m} = \frac{2}{n}\sum x(mx + c - y) = \frac{2}{n}\sum x(\hat{y} - y)$$

$$\frac{\partial MSE}{\partial c} = \frac{2}{n}\sum(mx + c - y) = \frac{2}{n}\sum(\hat{y} - y)$$

So $\sum (2x + 3y) = 2\sum x + 3 \sum y$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_sum_over_the_data_without_an_index_is_read_and_proved(name: str) -> None:
    text = _as(name, DATA_SUM_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    for snippet, count in ((r"\frac{\partial MSE}{\partial m}", 2), (r"\frac{\partial MSE}{\partial c}", 2), ("So", 1)):
        got = _verdicts(report, _line_of(text, snippet))
        assert [v for v, _ in got] == ["proved"] * count, (snippet, got)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("good, slip", [(r"\frac{2}{n}\sum(mx + c - y) =", r"\frac{1}{n}\sum(mx + c - y) ="),
                                        (r"\frac{2}{n}\sum x(mx + c - y) =", r"\frac{2}{n}\sum x(mx - c - y) ="),
                                        (r"3 \sum y$", r"2 \sum y$")])
def test_a_slip_in_a_sum_over_the_data_is_found_on_its_line(name: str, good: str, slip: str) -> None:
    text = _as(name, DATA_SUM_MD).replace(good, slip, 1)
    errors = {(f.line, f.code) for f in check_document(name, text).findings if f.severity == "error"}
    assert errors == {(_line_of(text, slip), "math/false")}, errors


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_prediction_defined_out_of_scope_keeps_a_data_sum_undecided(name: str) -> None:
    text = _as(name, DATA_SUM_MD).replace(r"The prediction is $\hat{y} = mx + c$ and the", "The")
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    got = _verdicts(report, _line_of(text, r"\frac{\partial MSE}{\partial c}"))
    assert got[0][0] == "proved" and got[1][0] == "undecided" and "ŷ" in got[1][1], got


BRACED_NABLA_MD = r"""
# Descent lemma

We perform the update $x^+ = x - t\nabla{f}(x)$. Then

$$\begin{align*}
f(x) + \nabla{f}(x)^T(x^+ - x) + \frac{L}{2}\|x^+-x\|_2^2
&= f(x) + \nabla{f}(x)^T[-t\nabla{f}(x)] + \frac{L}{2}\|-t\nabla{f}(x)\|_2^2\\
&= f(x) -t\|\nabla{f}(x)\|_2^2 + \frac{Lt^2}{2}\|\nabla{f}(x)\|_2^2
\end{align*}$$

Also $(\sum_i a_i)^2 = \sum_{ij} a_i a_j$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_braces_around_the_name_after_nabla_and_a_sum_over_ij_are_read(name: str) -> None:
    text = _as(name, BRACED_NABLA_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    for snippet in (r"&= f(x) + \nabla{f}(x)^T[", r"&= f(x) -t", r"\sum_{ij}"):
        got = _verdicts(report, _line_of(text, snippet))
        assert [v for v, _ in got] == ["proved"], (snippet, got)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("good, slip", [(r"&= f(x) -t\|", r"&= f(x) +t\|"), (r"\sum_{ij} a_i a_j", r"\sum_{ij} a_i a_i")])
def test_a_slip_after_a_braced_nabla_or_in_a_pair_sum_is_not_proved(name: str, good: str, slip: str) -> None:
    text = _as(name, BRACED_NABLA_MD).replace(good, slip, 1)
    got = _verdicts(check_document(name, text), _line_of(text, slip))
    assert got and got[0][0] != "proved", got


QUADRATIC_MD = r"""
# Quadratic problems

Many problems reduce to minimizing

$$
f(\mathbf{w}) = \frac{1}{2} \mathbf{w}^\top \mathbf{A} \mathbf{w} - \mathbf{b}^\top \mathbf{w}
$$

where $\mathbf{A} \in \mathbb{R}^{d \times d}$ is a **symmetric positive definite** matrix. Its gradient is

$$
\nabla f(\mathbf{w}) = \mathbf{A} \mathbf{w} - \mathbf{b}.
$$

Ridge regression minimizes

$$
g(\mathbf{w}) = \frac{1}{2}\|\mathbf{y} - \mathbf{X}\mathbf{w}\|^2_2 + \frac{\lambda}{2}\|\mathbf{w}\|^2_2,
$$

whose gradient is

$$
\nabla g(\mathbf{w}) = -\mathbf{X}^\top(\mathbf{y} - \mathbf{X}\mathbf{w}) + \lambda\mathbf{w}.
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_symmetric_matrix_declared_in_its_sentence_and_a_norm_squared_then_subscripted(name: str) -> None:
    text = _as(name, QUADRATIC_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    for snippet in (r"\nabla f(\mathbf{w}) =", r"\nabla g(\mathbf{w}) ="):
        got = _verdicts(report, _line_of(text, snippet))
        assert [v for v, _ in got] == ["proved"], (snippet, got)
        assert "proved in matrix algebra" in got[0][1] and "coordinates also agree" in got[0][1], got


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_without_the_word_symmetric_the_gradient_of_a_quadratic_form_is_not_proved(name: str) -> None:
    text = _as(name, QUADRATIC_MD).replace("**symmetric positive definite** matrix", "matrix")
    got = _verdicts(check_document(name, text), _line_of(text, r"\nabla f(\mathbf{w}) ="))
    assert got and got[0][0] == "undecided", got


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_wrong_gradient_of_a_norm_squared_then_subscripted_is_false(name: str) -> None:
    text = _as(name, QUADRATIC_MD).replace(r"\mathbf{w}) + \lambda\mathbf{w}.", r"\mathbf{w}) + 2\lambda\mathbf{w}.", 1)
    errors = _error_lines(name, text)
    assert errors == [(_line_of(text, r"\nabla g(\mathbf{w}) ="), "math/false")], errors


TELESCOPE_MD = r"""
# Telescoping

Summing the steps, $\sum_{i=0}^k \left(\frac{1}{\eta_{i+1}}-\frac{1}{\eta_i}\right) = \frac{1}{\eta_{k+1}}-\frac{1}{\eta_0}$.

Over the run, $\sum_{t=1}^{T} (f(x_t) - f(x_{t+1})) = f(x_1) - f(x_{T+1})$.

Written without brackets, $\sum_{i=0}^k\frac{1}{\eta_{i+1}}-\frac{1}{\eta_i} = \frac{1}{\eta_{k+1}}-\frac{1}{\eta_0}$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_telescoping_sum_is_proved_by_induction_on_its_bound(name: str) -> None:
    text = _as(name, TELESCOPE_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    for snippet in ("Summing the steps", "Over the run", "Written without brackets"):
        got = _verdicts(report, _line_of(text, snippet))
        assert [v for v, _ in got] == ["proved"], (snippet, got)
        assert got[0][1].startswith("by induction on"), got


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("good, slip", [(r"\right) = \frac{1}{\eta_{k+1}}-\frac{1}{\eta_0}$", r"\right) = \frac{1}{\eta_{k}}-\frac{1}{\eta_0}$"),
                                        ("= f(x_1) - f(x_{T+1})", "= f(x_0) - f(x_{T+1})"),
                                        (r"\frac{1}{\eta_i} = \frac{1}{\eta_{k+1}}-\frac{1}{\eta_0}$.", r"\frac{1}{\eta_i} = \frac{1}{\eta_{k+2}}-\frac{1}{\eta_0}$.")])
def test_a_slip_in_a_telescoping_sum_is_not_proved(name: str, good: str, slip: str) -> None:
    text = _as(name, TELESCOPE_MD).replace(good, slip, 1)
    assert text != _as(name, TELESCOPE_MD)
    got = _verdicts(check_document(name, text), _line_of(text, slip))
    assert got and got[0][0] != "proved", got


def test_a_term_after_a_sum_written_in_its_index_belongs_to_the_summand() -> None:
    e = parse_expr(r"\sum_{i=0}^k\frac{1}{\eta_{i+1}}-\frac{1}{\eta_i} + c")
    (total,) = e.atoms(sp.Sum)
    assert len(sp.Add.make_args(total.function)) == 2 and not total.function.has(sp.Symbol("c", real=True)), e
    # a term that is a sum of its own over the same letter is not pulled in
    f = parse_expr(r"\sum_{i=1}^{m} x_i - \sum_{i=1}^{m} y_i")
    assert len(f.atoms(sp.Sum)) == 2 and not any(t.function.has(sp.Sum) for t in f.atoms(sp.Sum)), f


SIGN_EXPONENT_MD = r"""
# Logistic regression

With $z = xw + b$, the prediction is $\hat{y} = \frac{1}{1+e^-(xw+b)} = \frac{1}{1+e^{-z}}$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_sign_exponent_is_linted_and_read_as_meant(name: str) -> None:
    text = _as(name, SIGN_EXPONENT_MD)
    report = check_document(name, text)
    line = _line_of(text, "the prediction")
    assert [(f.line, f.code) for f in report.findings if f.code.startswith("render/sign")] == [(line, "render/sign-exponent")]
    got = _verdicts(report, line)
    assert got[-1][0] == "proved", got
    slipped = text.replace(r"e^{-z}}$", r"e^{z}}$")
    assert [f.code for f in check_document(name, slipped).findings if f.severity == "error"] == ["math/false"]


def test_a_braced_or_plain_exponent_is_not_linted() -> None:
    text = "# A\n\nSo $e^{-x} e^{x} = 1$ and $x^{2} - y = x^2 - y$.\n"
    assert not [f for f in check_document("doc.md", text).findings if f.code == "render/sign-exponent"]


NORMAL_EQUATIONS_MD = r"""
# Ridge regression in closed form

Let $\mathbf{X}$ be the design matrix and $\mathbf{y}$ the targets. Setting the gradient to zero:

$$
\mathbf{0} = -\mathbf{X}^\top(\mathbf{y} - \mathbf{X}\mathbf{w}) + \lambda\mathbf{w}
$$

Expanding:

$$
0 = -\mathbf{X}^\top\mathbf{y} + \mathbf{X}^\top\mathbf{X}\mathbf{w} + \lambda\mathbf{w}
$$

Moving the data term over:

$$
\mathbf{X}^\top\mathbf{X}\mathbf{w} + \lambda\mathbf{w} = \mathbf{X}^\top\mathbf{y}
$$

Factoring out $\mathbf{w}$:

$$
(\mathbf{X}^\top\mathbf{X} + \lambda \mathbf{I})\mathbf{w} = \mathbf{X}^\top\mathbf{y}
$$

Assuming the matrix is invertible (it is for $\lambda > 0$):

$$
\mathbf{w} = (\mathbf{X}^\top\mathbf{X} + \lambda \mathbf{I})^{-1}\mathbf{X}^\top\mathbf{y}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_each_step_of_solving_a_matrix_equation_follows_from_the_one_before(name: str) -> None:
    text = _as(name, NORMAL_EQUATIONS_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    for snippet in ("0 = -\\mathbf{X}^\\top\\mathbf{y}", "\\mathbf{X}^\\top\\mathbf{X}\\mathbf{w} + \\lambda\\mathbf{w} =",
                    "(\\mathbf{X}^\\top\\mathbf{X} + \\lambda \\mathbf{I})\\mathbf{w} =", "\\mathbf{w} = (\\mathbf{X}"):
        got = _verdicts(report, _line_of(text, snippet))
        assert [v for v, _ in got] == ["proved"], (snippet, got)
    solved = _verdicts(report, _line_of(text, "\\mathbf{w} = (\\mathbf{X}"))
    assert "solves the equation just before" in solved[0][1], solved


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("good, slip", [
    ("\\mathbf{X}^\\top\\mathbf{X}\\mathbf{w} + \\lambda\\mathbf{w} = \\mathbf{X}^\\top\\mathbf{y}",
     "\\mathbf{X}^\\top\\mathbf{X}\\mathbf{w} - \\lambda\\mathbf{w} = \\mathbf{X}^\\top\\mathbf{y}"),
    ("\\mathbf{w} = (\\mathbf{X}^\\top\\mathbf{X} + \\lambda \\mathbf{I})^{-1}\\mathbf{X}^\\top\\mathbf{y}",
     "\\mathbf{w} = (\\mathbf{X}^\\top\\mathbf{X} + \\lambda \\mathbf{I})^{-1}\\mathbf{X}\\mathbf{y}"),
])
def test_a_step_that_does_not_follow_is_not_proved(name: str, good: str, slip: str) -> None:
    text = _as(name, NORMAL_EQUATIONS_MD).replace(good, slip, 1)
    assert text != _as(name, NORMAL_EQUATIONS_MD)
    got = _verdicts(check_document(name, text), _line_of(text, slip))
    assert got and got[0][0] != "proved", got


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_derivative_of_a_row_of_a_matrix_against_its_diagonal_entry(name: str) -> None:
    """``∂/∂x_i Σ_j a_{ij}x_j = a_{ii}``: the summed a_{ij} (free i) is no new name, and a_{ii} is its entry at the
    coordinate; a slip (a_{ii}x_i for 2a_{ii}x_i) is false."""
    text = _as(name, "# Coordinates\n\nHence $\\frac{\\partial}{\\partial x_i}\\sum_j a_{ij}x_j = a_{ii}$ and "
                     "$\\frac{\\partial}{\\partial x_i}\\sum_j a_{ij}x_j^2 = 2a_{ii}x_i$.\n")
    report = check_document(name, text)
    assert [k.verdict for k in report.links] == ["proved", "proved"], [(k.verdict, k.reason) for k in report.links]
    slipped = text.replace("= 2a_{ii}x_i", "= a_{ii}x_i")
    assert [f.code for f in check_document(name, slipped).findings if f.severity == "error"] == ["math/false"]
