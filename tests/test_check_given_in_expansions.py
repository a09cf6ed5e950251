"""Values the prose gives before an expansion hold in what the expansion writes out.

"Let $x_0 = 1$, $w_0 = b$" (Japanese "とおく", after the formulas) before ``y = w_1x_1 + ⋯ + w_Mx_M + b =
w_1x_1 + ⋯ + w_Mx_M + w_0x_0``: the rewrite folds the bias into the sum, and it is true because of the
values just given. Read without them the coefficient of ``x_0`` differs and a true line was called false.
"""
from __future__ import annotations

import pytest

from derive.check.run import check_document

DISPLAY = r"""
$$
\begin{aligned}
y
&= w_{1}x_{1} + w_{2}x_{2} + \cdots + w_{M}x_{M} + b \\
&= w_{1}x_{1} + w_{2}x_{2} + \cdots + w_{M}x_{M} + w_{0}x_{0}
\end{aligned}
$$
"""


@pytest.mark.parametrize("prose", [
    "そこで、今回は $x_0 = 1$、$w_0 = b$ とおくことで、",
    "Let $x_0 = 1$ and $w_0 = b$, so that",
])
def test_values_given_before_an_expansion_hold_in_it(prose: str) -> None:
    text = "# Regression\n\n" + prose + "\n" + DISPLAY
    line = text.split("\n").index(r"&= w_{1}x_{1} + w_{2}x_{2} + \cdots + w_{M}x_{M} + w_{0}x_{0}") + 1
    verdicts = [(k.verdict, k.reason) for k in check_document("doc.md", text).links if k.line == line]
    assert [v for v, _ in verdicts] == ["proved"], verdicts
    slipped = text.replace("+ w_{0}x_{0}\n", "+ 2 w_{0}x_{0}\n")
    assert [k.verdict for k in check_document("doc.md", slipped).links if k.line == line] == ["false"]
    # the Japanese "let" after the formulas makes them definitions, not conditions
    firsts = [k for k in check_document("doc.md", text).links if k.line == 3]
    assert all(k.verdict == "not-a-claim" and "condition" not in k.reason for k in firsts), firsts


EMA = r"""# EMA

$$ V_t = \beta V_{t-1} + (1-\beta)\theta_t $$

A typical value for beta would be `0.9`. Substituted in the expansion:

$$ V_t = 0.1\theta_t + 0.9(0.1)\theta_{t-1} + 0.9^2(0.1)\theta_{t-2} + \ldots + 0.9^{t-1}(0.1)\theta_1 $$
"""


def test_numbers_put_in_for_a_parameter_with_no_value_in_math_are_undecided_not_false() -> None:
    (link,) = [k for k in check_document("doc.md", EMA).links if k.line == 7]
    assert link.verdict == "undecided", link.reason
    given = EMA.replace("would be `0.9`", "is $\\beta = 0.9$")
    (link,) = [k for k in check_document("doc.md", given).links if k.line == 7]
    assert link.verdict == "proved", link.reason
    slipped = given.replace("0.9^2(0.1)", "0.9^3(0.1)")
    (link,) = [k for k in check_document("doc.md", slipped).links if k.line == 7]
    assert link.verdict == "false", link.reason
