"""Letters a document defines as functions (``s(z) = …``) are functions everywhere in it."""
from __future__ import annotations

import pytest

from derive.check.function_letters import defined_letters
from derive.check.run import check_document

SIGMOID_MD = ("The logistic function $s(z) = \\frac{1}{1 + e^{-z}}$ satisfies\n\n$$\ns'(z) = s(z)(1 - s(z)),\n$$\n\n"
              "and the quadratic form $q(x) = x^\\top x$ has $\\nabla q(x) = 2 x$ and $q(3) = 9$.\n")
SIGMOID_TEX = ("\\documentclass{article}\n\\begin{document}\nСигмоида $\\sigma(z) = \\frac{1}{1 + e^{-z}}$ "
               "удовлетворяет\n\\[\n\\sigma'(z) = \\sigma(z)(1 - \\sigma(z)) .\n\\]\n\\end{document}\n")


def test_the_letters_a_document_defines_as_functions() -> None:
    assert defined_letters([r"s(z) = \frac{1}{1 + e^{-z}}", r"h(u, v) = u^2 v", r"\sigma(t) := 2t"]) \
        == {"s", "h", "\\sigma"}
    # a product, a constant, an argument that is not a name, a reserved letter: none defines a function
    assert defined_letters([r"a(b + c) = ab + ac", r"c(x) = 5", r"k(x_1) = x_1", r"e(x) = x",
                            r"w(1 - \eta) = w - \eta w", r"V(t) = \beta V(t-1) + g(t)"]) == frozenset()


@pytest.mark.parametrize("name, text", [("doc.md", SIGMOID_MD), ("doc.tex", SIGMOID_TEX)])
def test_claims_about_a_defined_letter_are_checked(name: str, text: str) -> None:
    result = check_document(name, text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    claims = [k for k in result.links if k.verdict != "not-a-claim"]
    assert len(claims) == (3 if name == "doc.md" else 1), [k.text() for k in result.links]
    assert all(k.verdict == "proved" for k in claims), [k.text() for k in result.links]


@pytest.mark.parametrize("slip, planted, line", [
    ("s(z)(1 - s(z))", "s(z)(1 + s(z))", 4),
    ("2 x$", "x$", 7),
    ("q(3) = 9", "q(3) = 6", 7),
])
def test_a_slip_about_a_defined_letter_is_false_on_its_line(slip: str, planted: str, line: int) -> None:
    text = SIGMOID_MD.replace(slip, planted)
    assert text != SIGMOID_MD
    errors = [f for f in check_document("doc.md", text).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(line, "math/false")]


def test_a_bracket_that_reads_the_letter_itself_stays_a_product() -> None:
    """σ'(z) = σ(1 − σ) is the shorthand for σ(z)(1 − σ(z)): not σ applied to 1 − σ, so never refuted."""
    text = "Let $\\sigma(z) = \\frac{1}{1 + e^{-z}}$. Then $\\sigma'(z) = \\sigma(1 - \\sigma)$.\n"
    result = check_document("doc.md", text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []


def test_a_value_replaced_in_place_is_no_circular_definition() -> None:
    """h(t) := h(t)/(1 − β^t), the bias correction written as pseudo-code after h(t) = βh(t − 1) + (1 − β)θ(t) (h is
    a function letter of every document)."""
    text = ("The average is $h(t) = \\beta h(t-1) + (1 - \\beta) \\theta(t)$. To correct it,\n\n"
            "$$h(t) := h(t) / (1 - \\beta^t)$$\n")
    result = check_document("doc.md", text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []


def test_a_letter_defined_with_a_label_below_it_is_a_function() -> None:
    # m_F(z) = ∫ dF(s)/(s − z): later m_F(−1/α) is the transform at a point, not m_F times −1/α
    # ("m_": defined with a label, so even a default letter with a subscript, h_θ(x), is a call there)
    assert defined_letters([r"m_F(z) = \int \frac{1}{s - z} \, dF(s)"]) == {"m", "m_"}
    assert defined_letters([r"a_i(b + c) = d", r"m_F = 3"]) == frozenset()
    text = ("$$m_F(z) = \\int \\frac{1}{s - z} \\, dF(s)$$\n\n"
            "Then $\\gamma m_F(-1/\\alpha) = \\frac{1 + \\gamma}{2}$ for the ridge limit.\n")
    report = check_document("doc.md", text)
    assert [f for f in report.findings if f.severity == "error"] == [], [(k.verdict, k.reason) for k in report.links]


POLY_MD = ("Write $c = 1 + \\delta - \\eta a$. The recursion has the characteristic polynomial\n\n"
           "$$\np(r) = r^2 - c r + \\delta .\n$$\n\n"
           "Then $p(1) = 1 - c + \\delta = \\eta a$ and $p(-1) = 1 + c + \\delta = 2 + 2\\delta - \\eta a$.\n")
POLY_TEX = ("\\documentclass{article}\n\\begin{document}\nПусть $c = 1 + \\delta - \\eta a$ и\n\\[\n"
            "P(r) = r^2 - c r + \\delta .\n\\]\nТогда $P(1) = 1 - c + \\delta = \\eta a$ и "
            "$P(-1) = 1 + c + \\delta = 2 + 2\\delta - \\eta a$.\n\\end{document}\n")


@pytest.mark.parametrize("name, text", [("doc.md", POLY_MD), ("doc.tex", POLY_TEX)])
def test_a_polynomial_p_at_points_is_evaluated_not_a_condition(name: str, text: str) -> None:
    """p and P are function letters once defined as one (``p(r) = r² − cr + δ``); ``p(1) = …`` is then its value
    at 1, a claim — before, ``p(1)`` was the product p·1, and ``p(−1) = …`` a false error."""
    result = check_document(name, text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    claims = [k for k in result.links if k.verdict != "not-a-claim"]
    assert len(claims) == 4 and all(k.verdict == "proved" for k in claims), [k.text() for k in result.links]
    for letter in ("p", "P"):
        planted = text.replace(f"{letter}(-1) = 1 + c", f"{letter}(-1) = 1 - c")
        if planted != text:
            errors = [f for f in check_document(name, planted).findings if f.severity == "error"]
            assert [f.code for f in errors] == ["math/false"]
