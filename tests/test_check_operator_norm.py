r"""The norm of a matrix is an operator norm, not a function of the entries: ``\|I - \eta A\|_2 = 1 - \mu/L`` holds
by the eigenvalues of ``A`` (between μ and L), which random scalars cannot stand for. Read coordinate-wise it was
refuted (a false error on real notes); it is undecided with its reason, while vector norms (``\|Xw - y\|``) and the
Frobenius norm (the entries' Euclidean norm) are still read coordinate-wise and decided."""
from __future__ import annotations

import pytest

from derive.check.bind import atomize, operator_norms
from derive.check.latex import parse_expr
from derive.check.run import check_document

NOTE = r"""# Gradient descent on a quadratic

Let $f(x) = \frac{1}{2} x^\top A x$ where $\mu I \preceq A \preceq L I$. Gradient descent is
$x_{k+1} = x_k - \eta A x_k = (I - \eta A) x_k$.

With $\eta = 1/L$ the contraction factor is

$$
\|I - \eta A\|_2 = 1 - \frac{\mu}{L}.
$$

Also $\|A\|_2 = L$ and $\|A^{-1}\|_2 = \frac{1}{\mu}$.
"""


def _by_line(text: str) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = {}
    for link in check_document("doc.md", text).links:
        found.setdefault(link.line, []).append((link.verdict, link.reason))
    return found


def test_bounds_on_a_matrix_norm_are_undecided_never_false() -> None:
    report = check_document("doc.md", NOTE)
    assert not [f for f in report.findings if f.severity == "error"], report.findings
    lines = _by_line(NOTE)
    for line in (9, 12):
        assert lines[line] and all(v == "undecided" and "operator norm" in r for v, r in lines[line]), lines[line]


def test_a_slip_outside_the_norm_is_still_found() -> None:
    slipped = NOTE.replace(r"x_{k+1} = x_k - \eta A x_k = (I - \eta A) x_k", r"x_{k+1} = x_k - \eta A x_k = (I + \eta A) x_k")
    assert slipped != NOTE
    errors = [f for f in check_document("doc.md", slipped).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(4, "math/false")]


@pytest.mark.parametrize(("text", "matrix"), [
    (r"\|I - \eta A\|_2", True),
    (r"\|A^{-1}\|", True),
    (r"\|\hat{H}_t\|", True),
    (r"\|\Lambda\|", True),
    (r"\|\mathbf{X}\|", True),
    (r"\|X^\top X\|_F", False),      # Frobenius: the entries' Euclidean norm, coordinate-wise
    (r"\|Xw - y\|", False),          # a matrix applied to a vector is a vector
    (r"\|A x_k - b\|_2", False),
    (r"\|\nabla f(x_k)\|", False),
    (r"\|w_t - \eta g_t\|", False),
])
def test_which_norms_are_norms_of_matrices(text: str, matrix: bool) -> None:
    assert bool(operator_norms(parse_expr(text))) is matrix


def test_a_matrix_norm_stays_whole_and_a_vector_norm_squares_coordinatewise() -> None:
    opaque = atomize(parse_expr(r"\|I - \eta A\|_2^2"))
    assert len(opaque.free_symbols) == 1  # one opaque value, squared: not (1 − ηA)²
    assert atomize(parse_expr(r"\|x - y\|^2")) == parse_expr("(x - y)^2")


def test_a_link_that_holds_whatever_the_norm_is_is_proved() -> None:
    text = "# N\n\nFor a matrix $A$, $2\\|A\\|_2 + 1 = 1 + \\|A\\|_2 + \\|A\\|_2$ and $x = 3$.\n"
    assert ("proved", "holds whatever the value of the matrix norm") in _by_line(text)[3]
