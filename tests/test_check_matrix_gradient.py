"""The gradient of a function in matrix notation, read coordinate by coordinate on random matrices."""
from __future__ import annotations

import pytest

from derive.check import matrices, matrix_gradient
from derive.check.run import check_document

LEAST_SQUARES_MD = ("With $J(\\theta) = \\frac{1}{2n}\\|X\\theta - y\\|^2$ the gradient is\n\n$$\n"
                    "\\nabla_\\theta J(\\theta) = \\frac{1}{n} X^\\top (X\\theta - y).\n$$\n\n"
                    "For ridge, $R(w) = \\frac{1}{2}\\|Xw - y\\|^2 + \\frac{\\lambda}{2}\\|w\\|^2$ and "
                    "$\\nabla R(w) = X^\\top(Xw - y) + \\lambda w$.\n")
LEAST_SQUARES_TEX = ("\\documentclass{article}\n\\begin{document}\nФункция потерь $Q(w) = \\|Xw - y\\|^2$, её градиент\n"
                     "\\[\n\\nabla Q(w) = 2 X^\\top (X w - y) .\n\\]\n\\end{document}\n")


def test_the_coordinates_of_a_gradient_are_computed_from_the_definition() -> None:
    table = matrices.notation([r"X^\top"], "")
    body = r"\frac{1}{2}\|Xw - y\|^2"
    assert matrix_gradient.check(body, "w", r"X^\top (Xw - y)", table).status == "true"
    assert matrix_gradient.check(body, "w", r"X^\top (Xw - 2y)", table).status == "false"
    # X (Xw − y) holds when X is square and symmetric, which the text may mean: never false
    assert matrix_gradient.check(body, "w", r"X (Xw - y)", table).status == "undecided"
    # a body of degree three in w is not read here
    assert matrix_gradient.check(r"(w^\top w)(b^\top w)", "w", r"w", matrices.notation([r"w^\top b^\top"], "")) is None


@pytest.mark.parametrize("name, text", [("doc.md", LEAST_SQUARES_MD), ("doc.tex", LEAST_SQUARES_TEX)])
def test_a_true_gradient_in_matrix_notation_is_proved_and_says_so(name: str, text: str) -> None:
    result = check_document(name, text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    claims = [k for k in result.links if k.left.startswith("\\nabla")]
    # (∇_θ of ‖Xθ − y‖²/2n is left to the chain rule by the scalar reader: undecided there, never false)
    proved = [k for k in claims if k.verdict == "proved"]
    assert proved and all("coordinate" in k.reason for k in proved), [k.text() for k in result.links]
    assert all(k.verdict in ("proved", "undecided") for k in claims), [k.text() for k in result.links]


@pytest.mark.parametrize("slip, planted, line", [
    ("(X\\theta - y).", "(X\\theta - 2y).", 4),
    ("+ \\lambda w$", "+ 2\\lambda w$", 7),
])
def test_a_wrong_gradient_in_matrix_notation_is_false(slip: str, planted: str, line: int) -> None:
    text = LEAST_SQUARES_MD.replace(slip, planted)
    assert text != LEAST_SQUARES_MD
    errors = [f for f in check_document("doc.md", text).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(line, "math/false")]


def test_a_transpose_the_scalar_reading_drops_is_not_proved() -> None:
    text = "Let $R(w) = \\frac{1}{2}\\|Xw - y\\|^2$ with $X^\\top$ its transpose. Then $\\nabla R(w) = X(Xw - y)$.\n"
    result = check_document("doc.md", text)
    assert [k.verdict for k in result.links if k.left.startswith("\\nabla")] == ["undecided"], \
        [k.text() for k in result.links]
