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


WORKED = r"""
# A worked example

Minimize $f(w) = (w - 3)^2$ by $w_{t+1} = w_t - \eta f'(w_t)$ from $w_0 = 0$ with $\eta = 0.1$.

After $t$ steps, $w_t = 3 - 3 \cdot 0.8^t$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_examples_closed_form_is_proved_with_its_values(name: str) -> None:
    text = WORKED if name.endswith(".md") else WORKED.replace("# A worked example", r"\section{A worked example}")
    link = [k for k in check_document(name, text).links if k.right == r"3 - 3 \cdot 0.8^t"][0]
    assert link.verdict == "proved" and "values given before (η = 1/10)" in link.reason, link.reason
    slipped = text.replace("0.8^t", "0.9^t")
    errors = [f for f in check_document(name, slipped).findings if f.severity == "error"]
    assert [f.code for f in errors] == ["math/false"]
    assert "the recurrence gives 3/5, the closed form 3/10" in errors[0].message, errors[0].message


def test_a_general_closed_form_is_not_proved_by_one_example() -> None:
    # (2η − 1)^t writes η: it must hold for every η; at the example's η = 1/2 it does, in general not (the sign)
    text = WORKED.replace(r"\eta = 0.1", r"\eta = 0.5").replace(r"3 - 3 \cdot 0.8^t", r"3 - 3 (2\eta - 1)^t")
    link = [k for k in check_document("doc.md", text).links if "(2\\eta - 1)^t" in k.right][0]
    assert link.verdict == "false", link.reason
