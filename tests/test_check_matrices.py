"""Links in matrix notation (transposes, bold capitals, the identity I): proved as matrix algebra with the order of
products kept, refuted on random matrices, undecided when they hold only for matrices the text does not describe."""
from __future__ import annotations

import pytest

from derive.check.matrices import Notation, decide, notation
from derive.check.run import check_document

TABLE = notation([r"A^T B^T X^\top \mathbf{S} \Lambda x^T y^T w^T a^T b^T z^\top"], "")

PROVED = [
    (r"(AB)^T", r"B^T A^T"),
    (r"\|Xw - y\|^2", r"w^T X^T X w - 2 y^T X w + y^T y"),
    (r"\|x\|_2^2", r"x^\top x"),
    (r"X^\top(Xw - y)", r"X^\top X w - X^\top y"),
    (r"a^Tx", r"x^Ta"),
    (r"x^T A x", r"x^T A^T x"),
    (r"(A^{-1})^T", r"(A^T)^{-1}"),
    (r"z - \eta \Lambda z", r"(I - \eta\Lambda) z"),
    # u is written nowhere with a transpose: a lowercase letter right after a matrix is a vector
    (r"(Aw + t Bu)^\top(Aw + t Bu)", r"w^\top A^\top A w + 2t w^\top A^\top B u + t^2 u^\top B^\top B u"),
]
SLIPS = [
    (r"\|Xw - y\|^2", r"w^T X^T X w + 2 y^T X w + y^T y"),
    (r"X^\top(Xw - y)", r"X^\top X w + X^\top y"),
    (r"(X^TX + \lambda I)^{-1}X^T y", r"(X^TX - \lambda I)^{-1}X^T y"),
    (r"z - \eta \Lambda z", r"(I + \eta\Lambda) z"),
]
#: true only for commuting, symmetric or diagonal matrices: the text would have to say so
UNSTATED = [(r"AB", r"BA"), (r"(AB)^T", r"A^T B^T"), (r"\mathbf{S}", r"\mathbf{S}^{\mathrm T}"), (r"x^T A y", r"y^T A x")]


@pytest.mark.parametrize(("left", "right"), PROVED)
def test_matrix_identities_are_proved_for_every_size(left: str, right: str) -> None:
    decision = decide(left, right, TABLE, set())
    assert decision is not None and decision.status == "true", decision
    assert "every size" in decision.reason


@pytest.mark.parametrize(("left", "right"), SLIPS)
def test_slips_are_refuted_on_random_matrices(left: str, right: str) -> None:
    decision = decide(left, right, TABLE, set())
    assert decision is not None and decision.status == "false", decision


@pytest.mark.parametrize(("left", "right"), UNSTATED)
def test_identities_of_special_matrices_are_undecided_never_proved(left: str, right: str) -> None:
    decision = decide(left, right, TABLE, set())
    assert decision is not None and decision.status == "undecided", decision


def test_a_symmetric_matrix_stated_in_the_prose_equals_its_transpose() -> None:
    table = notation([r"\mathbf{S} = \mathbf{S}^{\mathrm T}", "x^T S y"], "Let $\\mathbf{S}$ be a symmetric matrix.")
    assert "S" in table.symmetric
    assert decide(r"x^T S y", r"y^T S x", table, set()).status == "true"
    assert decide(r"\mathbf{S}", r"\mathbf{S}^{\mathrm T}", table, set()).status == "true"


def test_shapes_that_do_not_fit_are_undecided() -> None:
    decision = decide(r"A x", r"x A", TABLE, set())
    assert decision is not None and decision.status == "undecided" and "shapes" in decision.reason


def test_a_difference_that_a_definition_may_explain_is_undecided() -> None:
    assert decide(r"X^\top X w", r"X^\top y", TABLE, {"w"}).status == "undecided"


def test_definitions_in_scope_are_substituted_in_order() -> None:
    namings = [(r"r", r"Xw - y")]
    assert decide(r"X^\top r", r"X^\top X w - X^\top y", TABLE, {"r"}, namings).status == "true"
    assert decide(r"X^\top r", r"X X^\top w - X^\top y", TABLE, {"r"}, namings).status != "true"


def test_the_notation_of_the_document_decides_matrices_and_vectors() -> None:
    table = notation([r"\mathbf{W}\mathbf{x} + b", r"Q^T \hat{x}_k", r"A \in \mathbb{R}^{n \times n}"], "")
    assert {"W", "Q", "A"} <= table.matrices and {"x"} <= table.vectors
    assert isinstance(table, Notation)


def page(formula: str, prose: str = "") -> str:
    return (f"Let $X$ be the data matrix and $X^\\top$ its transpose. {prose}\n\n"
            f"The gradient:\n\n$$\n{formula}\n$$\n")


@pytest.mark.parametrize(("left", "right"), PROVED[:4])
def test_a_document_link_is_proved_in_matrix_algebra(left: str, right: str) -> None:
    report = check_document("n.md", page(f"{left} = {right}"))
    assert [k.verdict for k in report.links] == ["proved"], [(k.verdict, k.reason) for k in report.links]
    assert "matrix algebra" in report.links[0].reason


@pytest.mark.parametrize(("left", "right"), SLIPS[:2])
def test_a_document_slip_is_false_on_its_line(left: str, right: str) -> None:
    report = check_document("n.md", page(f"{left} = {right}"))
    [error] = [f for f in report.findings if f.severity == "error"]
    assert (error.line, error.code) == (6, "math/false")
    assert [k.verdict for k in report.links] == ["false"]


def test_a_scalar_reading_no_longer_proves_commuting_matrices() -> None:
    report = check_document("n.md", page(r"X^\top A X = A X^\top X"))
    assert [k.verdict for k in report.links] == ["undecided"], [(k.verdict, k.reason) for k in report.links]
    assert not [f for f in report.findings if f.severity == "error"]


def test_momentum_on_a_quadratic_with_the_identity() -> None:
    text = ("The update on the quadratic, with $\\Lambda$ diagonal and $Q^T$ the rotation:\n\n"
            "$$\n\\hat{x}_{k+1} = \\hat{x}_k - \\alpha \\Lambda \\hat{x}_k + \\beta (\\hat{x}_k - \\hat{x}_{k-1})"
            " = (I - \\alpha \\Lambda + \\beta I) \\hat{x}_k - \\beta \\hat{x}_{k-1}\n$$\n")
    report = check_document("n.md", text.replace("\\hat{x}_k - \\alpha", "\\hat{x}_k - \\alpha", 1))
    assert [k.verdict for k in report.links][-1] == "proved", [(k.verdict, k.reason) for k in report.links]
    slipped = check_document("n.md", text.replace("\\hat{x}_k - \\hat{x}_{k-1}", "\\hat{x}_k + \\hat{x}_{k-1}"))
    assert [k.verdict for k in slipped.links][-1] == "false", [(k.verdict, k.reason) for k in slipped.links]


RIDGE = ("Ridge regression:\n\n$$\n\\mathbf{w}^\\star = \\arg\\min_{\\mathbf{w}} \\lVert X\\mathbf{w} - y\\rVert_2^2"
         " + \\lambda \\lVert \\mathbf{w} \\rVert_2^2\n$$\n\nThe closed-form solution is given by\n\n"
         "$$\n\\mathbf{w}^\\star = \\left(X^\\mathsf{T}X + \\lambda I\\right)^{-1}X^\\mathsf{T}y\n$$\n")


def test_a_closed_form_minimizer_is_proved_by_its_first_order_condition() -> None:
    report = check_document("r.md", RIDGE)
    [link] = [k for k in report.links if k.line == 10]
    assert link.verdict == "proved" and "gradient" in link.reason and "λ ≥ 0" in link.reason, link
    assert not [f for f in report.findings if f.severity == "error"]


def test_a_stationary_point_of_an_indefinite_quadratic_is_not_called_the_minimizer() -> None:
    from derive.check.matrix_argmin import first_order

    table = notation(["A^T"], "Let $A$ be symmetric.")
    decision = first_order(r"\frac{1}{2} w^T A w - b^T w", "w", r"A^{-1}b", table)
    assert decision is not None and decision.status == "undecided" and "evidence" in decision.reason
    assert first_order(r"\frac{1}{2} w^T A w - b^T w", "w", r"2A^{-1}b", table).status == "false"


@pytest.mark.parametrize("slip", [("+ \\lambda I", "- \\lambda I"), ("X^\\mathsf{T}y\n", "X^\\mathsf{T}y + y\n"),
                                  ("\\right)^{-1}", "\\right)")])
def test_a_wrong_closed_form_minimizer_is_false(slip: tuple[str, str]) -> None:
    text = RIDGE.replace(*slip)
    assert text != RIDGE
    report = check_document("r.md", text)
    errors = [f for f in report.findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(10, "math/false")], [(k.verdict, k.reason) for k in report.links]


def test_a_value_given_before_makes_a_difference_undecided() -> None:
    text = ("Let $X$ be the data and $X^\\top$ its transpose, and take $\\lambda = 0$.\n\n"
            "$$\n(X^\\top X + \\lambda I)^{-1} X^\\top y = (X^\\top X + 2\\lambda I)^{-1} X^\\top y\n$$\n")
    report = check_document("n.md", text)
    assert not [f for f in report.findings if f.severity == "error"], [(k.verdict, k.reason) for k in report.links]
    assert "stated before about lambda" in report.links[-1].reason, report.links[-1]


def test_the_documents_macros_are_expanded_before_matrix_algebra() -> None:
    head = "$$\\newcommand{\\v}[1]{\\mathbf{#1}}\\newcommand{\\m}[1]{\\mathbf{#1}}$$\n\nThe loss:\n\n"
    good = check_document("n.md", head + "$$\n\\m X^T(\\m X \\v w - \\v y) = \\m X^T \\m X \\v w - \\m X^T \\v y\n$$\n")
    assert [k.verdict for k in good.links][-1] == "proved", [(k.verdict, k.reason) for k in good.links]
    slip = check_document("n.md", head + "$$\n\\m X^T(\\m X \\v w - \\v y) = \\m X \\m X^T \\v w - \\m X^T \\v y\n$$\n")
    assert [k.verdict for k in slip.links][-1] != "proved", [(k.verdict, k.reason) for k in slip.links]


HEAVY_BALL = r"""
# Heavy ball on a quadratic

Recall the momentum update
$$
x^{k+1} = x^k - \alpha \nabla f(x^k) + \beta (x^k - x^{k-1}), \quad \mathbf{A} = Q \Lambda Q^\top
$$
Let $U^\top U = I$. In the eigenbasis of $\mathbf{A}$ it reads
$$
\hat{x}_{k+1} = \hat{x}_k - \alpha \Lambda \hat{x}_k + \beta (\hat{x}_k - \hat{x}_{k-1}) = (I - \alpha \Lambda + \beta I) \hat{x}_k - \beta \hat{x}_{k-1}
$$
"""


def test_a_matrix_slip_in_a_whole_document_is_false_and_the_reader_loads_on_demand() -> None:
    report = check_document("hb.md", HEAVY_BALL)
    assert [f.code for f in report.findings if f.severity != "info"] == []
    assert [k.verdict for k in report.links][-1] == "proved"
    slip = check_document("hb.md", HEAVY_BALL.replace(r"\hat{x}_k - \beta \hat{x}_{k-1}", r"\hat{x}_k + \beta \hat{x}_{k-1}"))
    assert [(f.severity, f.code) for f in slip.findings if f.severity != "info"] == [("error", "math/false")]


GRADIENTS = ("Let $A$ be a matrix and $p$ a direction.\n\nFirst $\\nabla f(x)^\\top p = p^\\top \\nabla f(x)$.\n\n"
             "Then $(A p)^\\top \\nabla f(x) = p^\\top A^\\top \\nabla f(x)$.\n\n"
             "Swapped $\\nabla f(x)^\\top A p = p^\\top A \\nabla f(x)$.\n")


def test_a_gradient_is_a_vector_in_matrix_notation_so_order_and_transposes_count() -> None:
    verdicts = [(k.line, k.verdict) for k in check_document("doc.md", GRADIENTS).links]
    assert verdicts[:2] == [(3, "proved"), (5, "proved")]
    # ∇f^T A p = p^T A ∇f holds only for a symmetric A: never proved (it was, read as numbers)
    assert verdicts[2] == (7, "undecided")
