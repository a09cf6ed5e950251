"""Readings added in stop 38, each from a false verdict or a wrong reason on public notes the checker had not
seen. Fixtures are written here, in the notation of optimization notes; each has a correct copy and a slip."""
from __future__ import annotations

import re

import pytest

from derive.check.run import check_document
from fixture_docs import as_document, error_lines, line_of, verdicts_on


def _as(name: str, markdown: str) -> str:
    """The fixture as ``name``; in LaTeX its ``##`` headings are subsections."""
    text = as_document(name, markdown)
    return re.sub(r"^## (.+)$", r"\\subsection{\1}", text, flags=re.M) if name == "doc.tex" else text


# --- an equation the words say is solved is no identity -------------------------------------------------------

NEWTON_SYSTEM = r"""# Examples

Take the wavy function $g(w) = \sin(3w) + 0.1w^2 + 1.5$ as a running example.

## Newton's method

At the $k$-th step the method jumps to the stationary point of the local quadratic model:

$$
\mathbf{w}^{k} = \mathbf{w}^{k-1} - \left(\nabla^2 g(\mathbf{w}^{k-1})\right)^{-1}\nabla g(\mathbf{w}^{k-1})
$$

Inverting the Hessian is costly. Instead $\mathbf{w}^k$ is usually found by solving the equivalent linear system

$$
\nabla^2 g\left(\mathbf{w}^{k-1}\right)\mathbf{w} = \nabla^2 g\left(\mathbf{w}^{k-1}\right)\mathbf{w}^{k-1} - \nabla g(\mathbf{w}^{k-1})
$$

which costs far less.
"""

SYSTEM = r"\nabla^2 g\left(\mathbf{w}^{k-1}\right)\mathbf{w} ="


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("lead", [
    "by solving the equivalent linear system",
    "as the solution of the equation",
])
def test_the_system_a_method_solves_is_a_condition_not_a_false_identity(name: str, lead: str) -> None:
    # the example g of an earlier section makes the equation false for most w: it is solved for w, not claimed
    text = _as(name, NEWTON_SYSTEM.replace("by solving the equivalent linear system", lead))
    assert error_lines(name, text) == []
    verdicts = verdicts_on(check_document(name, text), line_of(text, SYSTEM))
    assert [v for v, _ in verdicts] == ["not-a-claim"], verdicts
    assert "condition" in verdicts[0][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("lead", ["and dividing by $-1$ and solving,", "Solving this equation for $a$ gives"])
def test_a_value_solved_for_after_the_solve_word_is_still_a_claim(name: str, lead: str) -> None:
    # "…and solving," names no equation, and "solving the equation … gives" says what it gives: what follows is
    # the value solved, checked against the line before
    text = _as(name, r"""# Least squares

Setting the derivative in $a$ to zero,

$$
0 = \sum_{i=1}^{N} (y_i - a)
$$

{lead}

$$
a = \frac{1}{N}\sum_{i=1}^{N} y_i
$$
""".replace("{lead}", lead))
    verdicts = verdicts_on(check_document(name, text), line_of(text, r"a = \frac{1}{N}"))
    assert [v for v, _ in verdicts] == ["proved"], verdicts


# --- integrals of an unknown function ---------------------------------------------------------------------------

FTC = r"""# Smoothness

For a differentiable $g$ on the segment,

$$
g(1) = g(0)+\int_{0}^{1} g^{\prime}(t)\, d t
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_fundamental_theorem_of_calculus_holds_whatever_g_is(name: str) -> None:
    text = _as(name, FTC)
    verdicts = verdicts_on(check_document(name, text), line_of(text, "g(1) = g(0)"))
    assert [v for v, _ in verdicts] == ["proved"], verdicts
    assert "whatever g is" in verdicts[0][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("wrong", [r"g^{\prime}(t) + g(0)", r"g(0) + g^{\prime}(1)", r"g(1) - g(0)"])
def test_an_integral_of_a_call_that_reads_its_variable_is_no_constant(name: str, wrong: str) -> None:
    # ∫₀¹ g'(t) dt is g(1) − g(0), never the integrand times the length: a copy that says so is not proved
    text = _as(name, FTC.replace("\\, d t\n", f"\\, d t = {wrong}\n"))
    verdicts = verdicts_on(check_document(name, text), line_of(text, "g(1) = g(0)"))
    assert len(verdicts) == 2 and verdicts[1][0] != "proved", verdicts


# --- an unreadable new definition of a function retires the old one -----------------------------------------------

RETIRED = r"""# Smoothness

Take $g(x) = \frac{L}{2} x^2 - f(x)$. An example that is not smooth is $f(x) = x^4$ for $y$ near $x = 0$.

## From Lipschitz gradients to smoothness

Define $g(t \in [0,1]) = f(x + t(y - x))$ on the segment. Then

$$
g(0) + g^{\prime}(0) + \frac{L}{2}\Vert x - y\Vert^2 = f(x) + \nabla f(x)^{T}(y - x) + \frac{L}{2}\Vert x - y\Vert^2
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_defined_anew_unreadably_is_not_the_earlier_example(name: str) -> None:
    # the earlier g and f with the value x = 0 made both sides L/2‖y‖²: a proof for the wrong reason
    text = _as(name, RETIRED)
    verdicts = verdicts_on(check_document(name, text), line_of(text, r"g(0) + g^{\prime}(0)"))
    assert verdicts and all(v != "proved" for v, _ in verdicts), verdicts
    assert error_lines(name, text) == []
