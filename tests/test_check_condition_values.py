r"""A first-order condition written with letters whose starting values are given is an equation, not worked arithmetic.

Coordinate descent notes start at values (``\theta_0 = 2``, ``\theta_1 = 3``), set a partial derivative to zero
(``2\theta_0 + \theta_1 = 0``) and solve it after a ⇒ (``\theta_0 = -\theta_1/2``). Reading the condition at the
starting values refuted it, and the solved value was compared with the starting value: two false errors per step on
real notes. The condition is a condition, and the value after the ⇒ is checked as the solution of it."""
from __future__ import annotations

import pytest

from derive.check.run import check_document

MARKDOWN = r"""# Coordinate descent

Consider $f(\theta_0, \theta_1) = \theta_0^2 + \theta_0 \theta_1 + \theta_1^2$. We start at $\theta_0 = 2$, $\theta_1 = 3$.

Fixing $\theta_1$, the minimum over $\theta_0$ is where

$$
\frac{\partial f}{\partial \theta_0} = 2\theta_0 + \theta_1 = 0 \implies \theta_0 = -\frac{\theta_1}{2}
$$

so $\theta_0 = -3/2 = -1.5$. Then fixing $\theta_0$:

$$
\frac{\partial f}{\partial \theta_1} = \theta_0 + 2\theta_1 = 0 \implies \theta_1 = -\frac{\theta_0}{2} = 0.75
$$
"""

LATEX = r"""\documentclass{article}
\begin{document}
\section{Koordinatenabstieg}
Sei $f(\theta_0, \theta_1) = \theta_0^2 + \theta_0 \theta_1 + \theta_1^2$. Wir starten bei $\theta_0 = 2$, $\theta_1 = 3$.

Bei festem $\theta_1$ liegt das Minimum in $\theta_0$ dort, wo
\[
\frac{\partial f}{\partial \theta_0} = 2\theta_0 + \theta_1 = 0 \Rightarrow \theta_0 = -\frac{\theta_1}{2}
\]
also $\theta_0 = -3/2 = -1.5$.
\end{document}
"""


def _errors(path: str, text: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_document(path, text).findings if f.severity == "error"]


@pytest.mark.parametrize(("path", "text", "line"), [("doc.md", MARKDOWN, 8), ("doc.tex", LATEX, 8)])
def test_the_condition_stays_a_condition_and_its_solution_is_proved(path: str, text: str, line: int) -> None:
    report = check_document(path, text)
    assert _errors(path, text) == []
    on_line = [(k.verdict, k.reason) for k in report.links if k.line == line]
    assert ("not-a-claim", "condition (a side is a constant)") in on_line, on_line
    assert any(v == "proved" and r.startswith("the result of the condition") for v, r in on_line), on_line


@pytest.mark.parametrize(("path", "text", "line"), [("doc.md", MARKDOWN, 8), ("doc.tex", LATEX, 8)])
def test_a_wrong_solution_after_the_implication_is_found_on_its_line(path: str, text: str, line: int) -> None:
    slipped = text.replace(r"\theta_0 = -\frac{\theta_1}{2}", r"\theta_0 = -\frac{\theta_1}{3}")
    assert slipped != text
    assert _errors(path, slipped) == [(line, "math/false")]


def test_worked_arithmetic_at_the_given_values_is_still_checked() -> None:
    slipped = MARKDOWN.replace("= -1.5", "= -1.4")
    assert _errors("doc.md", slipped) == [(11, "math/false")]
