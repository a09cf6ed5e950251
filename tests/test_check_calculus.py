r"""Derivatives as notes write them, computed from the document's definitions: ``\nabla_w L`` of a name
defined by a formula in w, ``\partial J/\partial w_1`` of a loss in several weights, the partials of a
function of several variables (one at a time, as a vector, as the Hessian matrix), ``\nabla^2 f`` of a
one-variable function, mixed partials, and bold subscripts (``\nabla_\mathbf{w}``). Each correct copy is
proved and a planted slip in it is a math/false error on its line; a gradient whose variable cannot be
known stays undecided, never false."""
from __future__ import annotations

import pytest

from derive.check import calculus
from derive.check.latex import parse_expr
from derive.check.run import check_document
from derive.symbols import symbol

# (text as written correctly, the slip's target, the slip)
CLAIMS = [
    (r"Let $L = \frac{1}{2}(w x - y)^2$. Then $\nabla_w L = (w x - y) x$.", "= (w x - y) x$", "= (w x - y) y$"),
    (r"Let $J = (w_1 x_1 + w_2 x_2 - y)^2$. Then $\frac{\partial J}{\partial w_1} = 2(w_1 x_1 + w_2 x_2 - y) x_1$.",
     "- y) x_1$", "- y) x_2$"),
    (r"Let $f(x_1, x_2) = x_1^2 + 3 x_1 x_2$. Then $\frac{\partial f}{\partial x_2} = 3 x_1$.", "= 3 x_1$", "= 3 x_2$"),
    (r"Let $f(x_1, x_2) = x_1^2 + 3 x_1 x_2$. Then $\frac{\partial f}{\partial x_1}(a, b) = 2a + 3b$.",
     "= 2a + 3b$", "= 2a + 2b$"),
    (r"Let $f(x_1, x_2) = x_1^2 + 3 x_1 x_2$. Then $\nabla f(x_1, x_2) = (2x_1 + 3x_2, 3x_1)$.",
     "3x_2, 3x_1)$", "3x_2, 3x_2)$"),
    ("Let $f(x_1, x_2) = x_1^2 + 3 x_1 x_2$. Then\n\n$$\\nabla^2 f = \\begin{pmatrix} 2 & 3 \\\\ 3 & 0 \\end{pmatrix}.$$",
     "3 & 0", "3 & 1"),
    (r"Let $g(x) = x^4$. Then $\nabla^2 g(x) = 12x^2$.", "= 12x^2$", "= 4x^3$"),
    (r"Let $g(x) = x^3 + x$. Then $\nabla_x^2 g(x) = 6x$.", "= 6x$", "= 3x$"),
    (r"Let $f(x, y) = x^2 y + y^3$. Then $\frac{\partial^2 f}{\partial x \partial y} = 2x$.", "= 2x$", "= 2y$"),
    (r"Let $f(x, y) = x^2 y + y^3$. Then $\frac{\partial^2 f}{\partial y^2} = 6y$.", "= 6y$", "= 3y$"),
    (r"Let $f(x, y) = x^3 y^2$. Then $\frac{\partial^3 f}{\partial x^2 \partial y} = 12 x y$.", "= 12 x y$", "= 6 x y$"),
    (r"We have $\frac{\partial^2}{\partial x \partial y}\left(x^2 y^3\right) = 6 x y^2$.", "= 6 x y^2$", "= 6 x y$"),
    (r"With $h(\mathbf{w}) = \frac{1}{2}\|\mathbf{w}\|^2$ we get $\nabla_\mathbf{w} h(\mathbf{w}) = \mathbf{w}$.",
     r"= \mathbf{w}$", r"= 2\mathbf{w}$"),
    (r"Let $L = \frac{\lambda}{2} w^2 + b w$. Then $\nabla^2_w L = \lambda$.", r"= \lambda$", r"= 2\lambda$"),
]


def _errors(text: str):
    return [f for f in check_document("doc.md", text).findings if f.severity == "error"]


@pytest.mark.parametrize("text, good, bad", CLAIMS, ids=[c[0][:50] for c in CLAIMS])
def test_a_derivative_is_proved_and_its_slip_is_found(text: str, good: str, bad: str) -> None:
    report = check_document("doc.md", text)
    assert _errors(text) == []
    claims = [k for k in report.links if k.verdict != "not-a-claim"]
    assert claims and {k.verdict for k in claims} == {"proved"}, [(k.verdict, k.reason) for k in report.links]
    assert text.count(good) == 1
    errors = _errors(text.replace(good, bad))
    assert [f.code for f in errors] == ["math/false"], [(k.verdict, k.reason) for k in
                                                        check_document("doc.md", text.replace(good, bad)).links]


UNKNOWABLE = [
    # L is written without w: how it depends on w is not shown, so its gradient is not computed
    r"Let $L = \frac{1}{n}\sum_{i} \ell_i$. Then $\nabla_w L = 0$ and $\nabla_w L = \frac{1}{n} x$.",
    # no variable written, and L is a name, not a function of a stated argument
    r"Let $L = (w x - y)^2$. Then $\nabla L = 2 x$.",
    # the variable is not among the function's parameters
    r"Let $f(x_1, x_2) = x_1^2 + x_2$. Then $\frac{\partial f}{\partial y}(x_1, x_2) = 1$.",
    # an unknown function's Hessian
    r"Then $\nabla^2 F(x) = 2$.",
    # in an update rule a bare gradient is taken at the iterate, which the notation leaves unsaid
    r"Let $f(w) = \frac{1}{2} w^2$. The step is $w_{t+1} = w_t - \eta \nabla_w f = w_t - \eta w_t$.",
]


@pytest.mark.parametrize("text", UNKNOWABLE, ids=[u[:40] for u in UNKNOWABLE])
def test_a_derivative_whose_variable_cannot_be_known_is_never_false(text: str) -> None:
    report = check_document("doc.md", text)
    assert _errors(text) == [], [(k.verdict, k.reason) for k in report.links]
    assert "proved" not in {k.verdict for k in report.links}


def test_setting_a_defined_gradient_to_zero_is_a_condition_not_a_claim() -> None:
    text = r"Let $L = \frac{1}{2}(w x - y)^2$. Setting $\frac{\partial L}{\partial w} = 0$ gives $w = y/x$."
    report = check_document("doc.md", text)
    assert _errors(text) == []
    assert {k.verdict for k in report.links} == {"not-a-claim"}


def test_names_of_derivatives_read_back() -> None:
    assert calculus.derivative_parts(r"\nabla_{w_{1}} L") == ("gradient", ("w_{1}",), "L")
    assert calculus.derivative_parts(r"\nabla f") == ("gradient", None, "f")
    assert calculus.derivative_parts(calculus.hessian_name("x", "f")) == ("hessian", ("x",), "f")
    assert calculus.derivative_parts(calculus.partial_name(["x_{1}", "y"], "q")) == ("partial", ("x_{1}", "y"), "q")
    assert calculus.derivative_parts(r"\nabla^{2} f") == ("hessian", None, "f")
    assert calculus.derivative_parts("nablaf") is None


def test_the_reader_keeps_the_variables_of_a_mixed_partial_in_order() -> None:
    assert parse_expr(r"\frac{\partial^2 f}{\partial x \partial y}") == symbol(r"\partial_{x}\partial_{y} f")
    assert parse_expr(r"\frac{\partial^3 f}{\partial x^2 \partial y}") == symbol(r"\partial_{x}\partial_{x}\partial_{y} f")
    assert parse_expr(r"\nabla_\mathbf{w} L") == parse_expr(r"\nabla_{\mathbf{w}} L")


def test_braces_after_a_differential_are_only_grouping() -> None:
    r"""``\frac{\partial{f(x,y)}}{\partial{x}}`` is ``\frac{\partial f(x,y)}{\partial x}``: checked against f."""
    text = ("Let $f(x, y) = \\frac{1}{30}x^2 + y^2$. Then\n\n"
            "$$\\frac{\\partial{f(x,y)}}{\\partial{x}}=\\frac{1}{15}x,\\ \\frac{\\partial{f(x,y)}}{\\partial{y}}=2y$$\n")
    result = check_document("doc.md", text)
    assert [k.verdict for k in result.links] == ["not-a-claim", "proved", "proved"], [k.text() for k in result.links]
    slip = text.replace("=2y", "=y")
    assert [(f.line, f.code) for f in check_document("doc.md", slip).findings if f.severity == "error"] \
        == [(3, "math/false")]
