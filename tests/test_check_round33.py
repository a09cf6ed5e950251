"""Readings added in stop 37: Newton's method written for an f the notes leave open, its rule named under one
heading and used under the next. Fixtures are written here, in the notation of optimization notes."""
from __future__ import annotations

import re

import pytest

from derive.check.run import check_document
from fixture_docs import as_document, error_lines, line_of, slipped, verdicts_on

NEWTON_MD = r"""# Newton's method

## The rule

Setting the derivative of the quadratic model to zero gives the classic form:

$$
x_{k+1} = x_k - \left[ f''(x_k)\right]^{-1} f'(x_k).
$$

## Convergence

Subtracting the minimizer from both sides,

$$
x_{k+1} - x^* = x_k - \left[ f''(x_k)\right]^{-1} f'(x_k) - x^* = x_k - x^* - \left[ f''(x_k)\right]^{-1} f'(x_k)
$$

and the error of the next step is what the model leaves.
"""

CARRIED = "x_{k+1} - x^* = x_k"


def _as(name: str, markdown: str) -> str:
    """The fixture as ``name``; in LaTeX its ``##`` headings are subsections."""
    text = as_document(name, markdown)
    return re.sub(r"^## (.+)$", r"\\subsection{\1}", text, flags=re.M) if name == "doc.tex" else text


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_rule_named_under_an_earlier_heading_proves_the_link_that_uses_it(name: str) -> None:
    text = _as(name, NEWTON_MD)
    report = check_document(name, text)
    assert error_lines(name, text) == []
    first = verdicts_on(report, line_of(text, CARRIED))
    assert [v for v, _ in first] == ["proved", "proved"], first
    assert "an earlier section" in first[0][1], first


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("slip, wrong", [
    ("f'(x_k) - x^* =", "f'(x_k) + x^* ="),  # the minimizer added, not subtracted
    ("= x_k - x^* - \\left", "= x_k + x^* - \\left"),  # a sign slip in the rearranged form
])
def test_a_slip_that_no_choice_of_f_repairs_is_false_on_its_line(name: str, slip: str, wrong: str) -> None:
    # the sides differ by ±2x^*, an expression with no f in it: false whatever f is
    text = _as(name, slipped(NEWTON_MD.replace("## Convergence\n", ""), slip, wrong))
    findings = [f for f in check_document(name, text).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in findings] == [(line_of(text, CARRIED), "math/false")], findings
    assert "whatever the unknown functions are" in findings[0].message


GRADIENT_THEN_HEAVY_BALL = r"""# Two methods for an open f

Gradient descent:

$$
x_{k+1} = x_k - \alpha f'(x_k)
$$

With momentum $\beta$ the same step gains a term:

$$
x_{k+1} - x_k = -\alpha f'(x_k) + \beta (x_k - x_{k-1})
$$

At the minimizer $f'(x^*) = 0$, so $x^*$ is a fixed point.

## Newton's method

$$
x_{k+1} - x^* = x_k - \left[ f''(x_k)\right]^{-1} f'(x_k) - x^*
$$

## Heavy ball

The step of the first section gains the last step, weighted by $\beta$:

$$
x_{k+1} - x_k = \beta (x_k - x_{k-1}) - \alpha f'(x_k)
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_new_method_a_condition_and_another_sections_rule_are_not_slips(name: str) -> None:
    # momentum brings in β and x_{k−1} (another method, not a slip); f'(x^*) = 0 is a condition on f; Newton's
    # rule in a new section differs from the gradient step of the section before, which proves only, never refutes
    text = _as(name, GRADIENT_THEN_HEAVY_BALL)
    report = check_document(name, text)
    assert error_lines(name, text) == []
    for written in ("x_{k+1} - x^* =", "x_{k+1} - x_k = \\beta", "x_{k+1} - x_k = -"):
        assert all(v != "false" for v, _ in verdicts_on(report, line_of(text, written))), written
