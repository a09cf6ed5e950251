"""Readings added in stop 40: gradients and Hessians in matrix notation proved symbolically (each occurrence of
the variable differentiated in the expanded products), not only checked on random matrices. Fixtures are written
here, in the notation of least-squares and quadratic-form notes; each has a correct copy and a slip."""
from __future__ import annotations

import re

import pytest

from derive.check import matrices, matrix_calculus, matrix_gradient
from derive.check.run import check_document
from fixture_docs import as_document, line_of, verdicts_on


def _as(name: str, markdown: str) -> str:
    text = as_document(name, markdown)
    if name != "doc.tex":
        return text
    return re.sub(r"^# (.+)$", r"\\section{\1}", text, flags=re.M)


def _verdicts(name: str, text: str, snippet: str) -> list[tuple[str, str]]:
    return verdicts_on(check_document(name, text), line_of(text, snippet))


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
