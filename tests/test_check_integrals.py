"""Definite integrals with bounds: read up to their differential and evaluated by SymPy."""
from __future__ import annotations

import pytest
import sympy as sp

from derive.check.latex import parse_block
from derive.check.run import check_document

INTEGRALS_MD = ("The area is\n\n$$\n\\int_0^1 x^2 \\, dx = \\frac{1}{3}\n$$\n\n"
                "and $\\int_0^{2} (2x + 1)\\,\\mathrm{d}x = 6$. For $a > 0$ we get "
                "$\\int_0^\\infty e^{-a t}\\, dt = \\frac{1}{a}$.\n\n"
                "Also $\\int_0^{\\pi} \\sin\\theta \\, d\\theta = 2$ and $\\int_0^1 (x + y) dx = \\frac{1}{2} + y$.\n")
INTEGRALS_TEX = ("\\documentclass{article}\n\\begin{document}\nИмеем\n\\[\n\\int_{0}^{1} 3x^2 \\, \\mathrm{d}x = 1 ,\n\\]\n"
                 "и $\\int_{-1}^{1} (u^3 + u) \\, du = 0$.\n\\end{document}\n")


def test_an_integral_is_read_up_to_its_differential() -> None:
    (stmt,) = parse_block(r"\int_0^1 x^2 + y \, dx = c").statements
    integral = stmt.terms[0].expr
    assert isinstance(integral, sp.Integral) and str(integral.limits) == "((x, 0, 1),)"
    assert str(integral.function) == "x**2 + y"


def test_an_integrand_and_its_differential_in_one_group_end_the_integral() -> None:
    """``\\int_0^1{t\\,dt}``: the braces hold the integrand and its differential; what follows the group is outside."""
    (stmt,) = parse_block(r"L \int_{0}^{1}{t^2 dt} + 1 = c").statements
    expr = stmt.terms[0].expr
    assert expr is not None and str(expr) == "L*Integral(t**2, (t, 0, 1)) + 1"
    text = "So $a^2 \\int_{0}^{1}{t\\,dt} = \\frac{a^2}{2}$ and $\\int_0^1 {2 u \\, du} = 1$.\n"
    result = check_document("doc.md", text)
    assert [k.verdict for k in result.links] == ["proved", "proved"], [k.text() for k in result.links]
    slip = text.replace("\\frac{a^2}{2}", "\\frac{a^2}{3}")
    assert [f.code for f in check_document("doc.md", slip).findings if f.severity == "error"] == ["math/false"]


@pytest.mark.parametrize("text, message", [
    (r"\int_0 x \, dx", "one bound only"),
    (r"\int_0^1 x^2", "without its differential"),
    (r"\int_0^1 {x^2 dx + 1}", "without its differential"),
])
def test_an_integral_the_checker_cannot_take_is_a_problem(text: str, message: str) -> None:
    parsed = parse_block(f"y = {text}")
    assert parsed.statements[0].terms[1].expr is None
    assert any(message in p.message for p in parsed.problems), parsed.problems


@pytest.mark.parametrize("name, text", [("doc.md", INTEGRALS_MD), ("doc.tex", INTEGRALS_TEX)])
def test_integrals_with_bounds_are_proved(name: str, text: str) -> None:
    result = check_document(name, text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    claims = [k for k in result.links if "\\int" in k.left]
    assert claims and all(k.verdict == "proved" for k in claims), [k.text() for k in result.links]


@pytest.mark.parametrize("slip, planted, line, shown", [
    ("dx = \\frac{1}{3}", "dx = \\frac{1}{2}", 4, "1/3"),
    ("dx = \\frac{1}{2} + y", "dx = 1 + y", 9, "1/2 + y"),
    ("= 6$", "= 5$", 7, "6"),
])
def test_a_wrong_integral_is_false_with_its_value(slip: str, planted: str, line: int, shown: str) -> None:
    text = INTEGRALS_MD.replace(slip, planted)
    assert text != INTEGRALS_MD
    errors = [f for f in check_document("doc.md", text).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(line, "math/false")]
    assert shown in errors[0].message


def test_an_integral_that_needs_a_range_the_text_does_not_state_is_undecided() -> None:
    text = "We get $\\int_0^\\infty e^{-a t}\\, dt = \\frac{1}{a}$.\n"
    result = check_document("doc.md", text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    assert [k.verdict for k in result.links] == ["undecided"]


def test_a_derivative_at_a_defined_path_never_breaks_the_display() -> None:
    # f'' of a loss with an unknown part, at a point x(τ) the notes define: SymPy cannot put an expression in for
    # the variable of the unevaluated derivative; the call stays opaque instead of a checker error
    text = ("# T\n\nThe loss is $f(w) = \\frac12 w^2 + \\ell(w)$.\n\nWith $x(\\tau) = x_k + \\tau(x^* - x_k)$ we have "
            "$A_k = \\int_0^1 f''(x(\\tau))d\\tau = f''(z)$.\n")
    report = check_document("doc.md", text)
    assert not [f for f in report.findings if f.code == "checker/internal-error"], report.findings
    assert len(report.links) == 4
