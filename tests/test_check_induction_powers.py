"""Closed forms in powers of the step (``x_t = (1 − ηλ)^t x_0``): the induction step is shown symbolically
(:func:`derive.check.induction._step_powers`), a wrong rate is refuted at a small step."""
from __future__ import annotations

import pytest
import sympy as sp

from derive.check.induction import _step_powers
from derive.check.run import check_document

MARKDOWN = r"""
# Gradient descent on a quadratic

For $f(x) = \frac{\lambda}{2} x^2$ gradient descent gives

$$x_{t+1} = x_t - \eta \lambda x_t = (1 - \eta \lambda) x_t.$$

After $t$ steps we have $x_t = (1 - \eta \lambda)^t x_0$.
"""

LATEX = r"""
\section{Gradient descent on a quadratic}
For $f(x) = \frac{\lambda}{2} x^2$ gradient descent gives
\begin{equation}
  w_{t+1} = w_t - \eta \lambda w_t = (1 - \eta \lambda) w_t .
\end{equation}
Unrolling, after $t$ steps we have
\begin{equation}
  w_t = (1 - \eta \lambda)^{t} w_0 .
\end{equation}
"""

CASES = [("doc.md", MARKDOWN, r"(1 - \eta \lambda)^t x_0", r"(1 - 2\eta \lambda)^t x_0"),
         ("doc.tex", LATEX, r"(1 - \eta \lambda)^{t} w_0", r"(1 - 2\eta \lambda)^{t} w_0")]


@pytest.mark.parametrize("name, text, good, bad", CASES, ids=["md", "tex"])
def test_a_power_of_the_step_is_proved_by_induction(name: str, text: str, good: str, bad: str) -> None:
    r = check_document(name, text)
    assert [f for f in r.findings if f.severity == "error"] == []
    closed = next(k for k in r.links if k.right == good)
    assert closed.verdict == "proved" and closed.reason.startswith("by induction"), closed


@pytest.mark.parametrize("name, text, good, bad", CASES, ids=["md", "tex"])
def test_a_wrong_closed_form_is_refuted_on_its_line(name: str, text: str, good: str, bad: str) -> None:
    slipped = text.replace(good, bad)
    line = next(n for n, row in enumerate(slipped.splitlines(), 1) if bad in row)
    errors = [f for f in check_document(name, slipped).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(line, "math/false")]
    assert "closed form" in errors[0].message


def test_step_powers_writes_every_power_of_one_base_through_one_name() -> None:
    a, x0, t = sp.symbols("a x0 t")
    difference = x0 * (1 - a) ** t - (x0 * (1 - a) ** (t - 1) - a * x0 * (1 - a) ** (t - 1))
    assert sp.simplify(difference) != 0  # what SymPy alone leaves
    assert sp.simplify(_step_powers(difference, t)) == 0
    assert sp.simplify(_step_powers(x0 * (1 - a) ** t - x0 * (1 - a) ** (t - 1), t)) != 0  # not an identity
    assert _step_powers(a ** (2 * t) - a, t) == a ** (2 * t) - a  # only b^{t+k}: a ** (2t) is left alone
