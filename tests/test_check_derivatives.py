r"""Derivatives of written-out expressions whose variable the notes leave to the reader: ``\nabla (…)`` without a
subscript (the variable is the one quantity the update rules step, or the operand's only letter), and
``\frac{\partial (…)}{\partial w}`` / ``\frac{\partial \ln(…)}{\partial w}`` with the operand above the bar. Each
correct copy is proved and a planted slip in it is math/false on its line; where the variable stays ambiguous,
or the operand is written in the variable's coordinates, the link is undecided with a reason, never false."""
from __future__ import annotations

import pytest
import sympy as sp

from derive.check import calculus
from derive.check.bind import FunctionDef as fd
from derive.check.bind import written_coordinates
from derive.check.latex import LatexParseError, parse_expr
from derive.check.run import check_document
from derive.symbols import symbol

STEP = "The update is\n\n$$w_{t+1} = w_t - \\eta g_t.$$\n\n"

# (text as written correctly, the slip's target, the slip)
CLAIMS = [
    # the variable of ∇(…) is w, the quantity the update rule steps (λ and b are constants)
    (STEP + r"The gradient is $\nabla \left(\frac{\lambda}{2}\|w\|^2 + b w\right) = \lambda w + b$.",
     r"= \lambda w + b$", r"= \lambda w + 2b$"),
    # ∇L of a name defined by a formula: in the stepped quantity the formula holds
    (r"The loss is $L = \frac{1}{2}(w x - y)^2$. " + STEP + r"Its gradient is $\nabla L = (w x - y) x$.",
     "- y) x$", "- y) w$"),
    # an operand with a single letter: its variable
    (r"We get $\nabla \left(\frac{1}{2} x^2 + \sin x\right) = x + \cos x$.", r"+ \cos x$", r"- \cos x$"),
    # the operand written above the bar
    (r"Then $\frac{\partial \ln\left(1 + e^{z}\right)}{\partial z} = \frac{e^{z}}{1 + e^{z}}$.",
     r"= \frac{e^{z}}{1 + e^{z}}$", r"= \frac{1}{1 + e^{z}}$"),
    (r"Then $\frac{d\left(x^3 + 2x\right)}{dx} = 3x^2 + 2$.", "= 3x^2 + 2$", "= 3x^2 + 2x$"),
    (r"Then $\frac{\partial (w x - y)^2}{\partial w} = 2 (w x - y) x$.", "= 2 (w x - y) x$", "= 2 (w x - y) w$"),
    # a quantity defined through the variable: the chain rule through its definition
    (r"Let $r = w x - y$. Then $\frac{\partial (r^2)}{\partial w} = 2 r x$.", "= 2 r x$", "= 2 r w$"),
    # f of a vector written in its coordinates: the gradient is the vector of the partials
    (r"Let $f(\mathbf{x}) = x_1^2 + 2x_2^2$. The gradient is $\nabla f(\mathbf{x}) = (2x_1, 4x_2)$.",
     "4x_2)$", "2x_2)$"),
    (r"Let $f(\mathbf{x}) = x_1^2 + 2x_2^2$. Then $\frac{\partial f}{\partial x_2} = 4 x_2$.", "= 4 x_2$", "= 2 x_2$"),
    # a prime on an expression: the letters written primed in the section are functions, the others constants
    (r"By the product rule $(f g h)' = (f' g + g' f) h + (f g) h'$.", "(f g) h'$", "(f g) h$"),
    (r"Here $f'$ and $g'$ are derivatives, and $(a f + g)' = a f' + g'$.", "= a f' + g'$", "= a f' - g'$"),
    (r"We get $(x^3 + 1)' = 3x^2$.", "= 3x^2$", "= 3x^3$"),
    # d/dz followed by e^{…}: the exponential is the operand (not a function named e)
    (r"We get $\frac{d}{dz}e^{-z} = -e^{-z}$.", "= -e^{-z}$", "= e^{-z}$"),
    # d/dz of an expression in z, where z = wx + b is stated: the derivative in z, held as the variable
    ("Here $z = w x + b$. Then $\\frac{d}{dz} \\ln(1 + e^{-z}) = \\frac{-e^{-z}}{1 + e^{-z}}$.",
     "= \\frac{-e^{-z}}{1 + e^{-z}}$", "= \\frac{e^{-z}}{1 + e^{-z}}$"),
    # the prime of a name the notes gave as an expression in one letter ("if y = …", another cell)
    ("If $y = x^2 + 3x + 4$...\n\n...then $y' = 2x + 3$.", "= 2x + 3$", "= 2x + 4$"),
    (STEP + r"With $p = \sigma w$ we have $\nabla \left(\frac{1}{2} p^2\right) = \sigma^2 w$.",
     r"= \sigma^2 w$", r"= \sigma w$"),
]


def _errors(text: str):
    return [f for f in check_document("doc.md", text).findings if f.severity == "error"]


def _links(text: str):
    return [(k.verdict, k.reason) for k in check_document("doc.md", text).links]


@pytest.mark.parametrize("text, good, bad", CLAIMS, ids=[c[0][-50:] for c in CLAIMS])
def test_a_derivative_of_a_written_expression_is_proved_and_its_slip_is_found(text: str, good: str, bad: str) -> None:
    report = check_document("doc.md", text)
    assert _errors(text) == []
    claims = [k for k in report.links if k.verdict != "not-a-claim"]
    assert claims and {k.verdict for k in claims} == {"proved"}, _links(text)
    assert text.count(good) == 1
    slipped = text.replace(good, bad)
    assert [f.code for f in _errors(slipped)] == ["math/false"], _links(slipped)


UNDECIDED = [
    # two letters and no update rule: which is the variable?
    (r"We get $\nabla (a b) = b$.", "needs its variable"),
    # the rule steps w and θ, and the operand holds both
    ("The updates are\n\n$$w_{t+1} = w_t - \\eta g_t, \\quad \\theta_{t+1} = \\theta_t - \\eta h_t.$$\n\n"
     r"Then $\nabla \left(w \theta\right) = \theta$.", "needs its variable"),
    # two letters, none written primed: which is the variable?
    (r"We get $(a b)' = b$.", "prime on"),
    # ∂/∂β_j of β_0 + β_1x_1 + ⋯ + β_px_p: β_j is one of them, whichever j is (not a letter of its own, giving 0)
    ("The chain rule gives $$ \\frac{\\partial}{\\partial \\beta_j} (y - f_\\beta(x))^2 = -2(y - f_\\beta(x)) "
     "\\frac{\\partial f_\\beta(x)}{\\partial \\beta_j} $$\n\nwhere "
     "$$f_{\\beta} (x) = \\beta_0 + \\beta_1 x_1 + \\beta_2 x_2 + \\cdots + \\beta_p x_p$$\n", "a coordinate at a letter"),
    # after the substitution u = 3x + 4, (u^2)' is the derivative in x (chain rule), not 2u
    (r"Let $u = 3x + 4$. Then $\left\{ (3x+4)^2 \right\}' = (u^2)'$.", "prime on u^2"),
    # the operand is written in w's coordinates: ∂/∂w of the symbol w would be 0
    (r"Then $\frac{\partial \left(\sum_{j=1}^{n} w_j x_j\right)}{\partial w} = x$.", ""),
    (r"Then $\frac{\partial \left(w_j x_j + w_i\right)}{\partial w} = x_j$.", ""),
]


@pytest.mark.parametrize("text, reason", UNDECIDED, ids=[u[0][-40:] for u in UNDECIDED])
def test_a_derivative_whose_variable_is_ambiguous_is_undecided_never_false(text: str, reason: str) -> None:
    links = _links(text)
    assert _errors(text) == [], links
    claims = [r for v, r in links if v != "not-a-claim"]
    assert claims and all(v == "undecided" for v, _ in links if v != "not-a-claim"), links
    assert any(reason in r for r in claims), links


def test_the_reader_keeps_a_gradient_without_its_variable() -> None:
    assert parse_expr(r"\nabla (L + R)") == calculus.Gradient(symbol("L") + symbol("R"))
    assert parse_expr(r"\frac{\partial \ln (1 + x)}{\partial x}").args[0].has(symbol("x"))
    assert calculus.gradient_variables(calculus.Gradient(symbol("a") * symbol("w")), frozenset({"w"})) \
        == parse_expr(r"\frac{\partial (a w)}{\partial w}")
    # none or several candidates: the gradient stays
    both = calculus.Gradient(symbol("a") * symbol("w"))
    assert calculus.gradient_variables(both, frozenset()) == both


def test_a_derivative_in_a_vector_of_its_own_coordinates_is_left_with_a_reason() -> None:
    w, x_j, w_j = symbol("w"), symbol("x_{j}"), symbol("w_{j}")
    written = parse_expr(r"\frac{\partial \left(w_j x_j + w\right)}{\partial w}")
    assert written == sp.Derivative(w_j * x_j + w, w)
    left = calculus.evaluate(written, lambda operand, var: operand)
    assert left == written  # not 1: ∂(w_j x_j)/∂w is x, the vector, not 0
    assert "coordinates (w_{j})" in (calculus.unresolved(left) or "")
    # a step or a label is no coordinate: w_t and w_0 are other quantities, constants here
    near = calculus.evaluate(parse_expr(r"\frac{\partial (w - w_t)^2}{\partial w}"), lambda operand, var: operand)
    assert near == 2 * (w - symbol("w_{t}"))


def test_the_gradient_of_a_function_written_in_coordinates_is_not_zero() -> None:
    # differentiating x_1² + 2x_2² in the symbol x gave 0, and "∇f(x) = 0" was proved
    text = r"Let $f(\mathbf{x}) = x_1^2 + 2x_2^2$. Then $\nabla f(\mathbf{x}) = 0$ and $\nabla f(\mathbf{x}_t) = 0$."
    links = _links(text)
    assert "proved" not in {v for v, _ in links}, links
    assert _errors(text) == [], links
    x, x1, x3 = symbol("x"), symbol("x_{1}"), symbol("x_{3}")
    assert written_coordinates(fd("f", (x,), x1**2 + symbol("x_{2}"), 1)) == (x1, symbol("x_{2}"))
    assert written_coordinates(fd("f", (x,), x1**2 + x3, 1)) is None  # x_2 missing: the dimension is not known
    assert written_coordinates(fd("f", (x,), x * x1, 1)) is None


def test_a_letter_primed_elsewhere_in_the_section_is_a_function() -> None:
    # g' is written in the sentence before: (f g)' = f' g forgets it, a slip, not a constant g
    text = r"The rule is $(f g)' = f' g + f g'$. Hence $(f g)' = f' g$ here."
    links = _links(text)
    assert [v for v, _ in links if v != "not-a-claim"] == ["proved", "false"], links
    assert parse_expr(r"(f g)'") == calculus.Prime(symbol("f") * symbol("g"))


def test_the_gradient_of_a_name_in_two_stepped_quantities_is_not_taken() -> None:
    text = ("The updates are\n\n$$w_{t+1} = w_t - \\eta g_t, \\quad \\theta_{t+1} = \\theta_t - \\eta h_t.$$\n\n"
            r"With $L = w \theta$ we get $\nabla L = \theta$ and $\nabla L = w$.")
    links = _links(text)
    assert _errors(text) == [] and "proved" not in {v for v, _ in links}, links


@pytest.mark.parametrize("text", [
    r"The estimate minimises $(y - X b)'(y - X b)$, and $(X b)' = b' X'$.",  # primes as transposes
    r"We have $(A x)' = x' A'$.",
])
def test_a_prime_that_may_be_a_transpose_is_never_false(text: str) -> None:
    links = _links(text)
    assert _errors(text) == [], links
    assert "proved" not in {v for v, _ in links}, links
    A, x = symbol("A"), symbol("x")
    assert calculus.primes(calculus.Prime(A * x), frozenset({"A", "x"})) == calculus.Prime(A * x)
    f, g = symbol("f"), symbol("g")
    assert calculus.primes(calculus.Prime(f * g), frozenset({"f", "g"})) == symbol("f'") * g + f * symbol("g'")


def test_a_prime_inside_a_superscript_or_on_one_letter_is_not_a_derivative() -> None:
    # φ^{(l)'}: the derivative of the layer-l activation, a label, not φ to the power d(l)/dl = 1
    for text in (r"\phi^{(l)'}(0)", r"(l)'"):
        with pytest.raises(LatexParseError):
            parse_expr(text)
