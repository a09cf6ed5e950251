"""Constructs from notes the checker was never tuned on that once gave false errors.

Every fixture here is written for these tests (not copied from a note). Each correct copy must give no error;
where the construct can hold a real slip, a copy with a planted slip must still be reported on its line.
"""
from __future__ import annotations

import pytest

from derive.check.run import check_document


def errors(text: str, name: str = "doc.md") -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_document(name, text).findings if f.severity == "error"]


def verdicts(text: str, name: str = "doc.md") -> dict[int, list[tuple[str, str]]]:
    out: dict[int, list[tuple[str, str]]] = {}
    for link in check_document(name, text).links:
        out.setdefault(link.line, []).append((link.verdict, link.reason))
    return out


# -- a name applied to parentheses elsewhere is a function, not a factor ------------------------------------
FUNCTION_VALUE = """\
Each mode shrinks by the same factor at every step:

$$c_k^{(t)} = (1-\\alpha\\mu_k)^t c_k^{(0)} = q(\\mu_k)^t c_k^{(0)}$$

The iteration converges when

$$|q(\\mu_k)| = |1-\\alpha\\mu_k| < 1$$

and it oscillates when $q(\\mu_k) < 0$.
"""


def test_a_function_value_is_not_read_as_a_product() -> None:
    assert errors(FUNCTION_VALUE) == []
    seven = verdicts(FUNCTION_VALUE)[7]
    assert seven[0][0] == "undecided" and "q(\\mu_k) may be the function q" in seven[0][1]


def test_a_slip_beside_a_function_value_is_still_found() -> None:
    text = FUNCTION_VALUE + "\nSquaring,\n\n$$(1-\\alpha\\mu_k)^2 = 1 - 2\\alpha\\mu_k + \\alpha\\mu_k^2$$\n"
    assert errors(text) == [(13, "math/false")]


def test_a_letter_before_a_bracket_once_is_still_a_factor() -> None:
    # nothing else applies a to parentheses: a(\lambda_i) is a times λ_i, and the slip (+ 1) is found
    assert errors("Hence\n\n$$a(\\lambda_i) = a\\lambda_i + 1$$\n") == [(3, "math/false")]


# -- an increment (δw, Δx) makes one name: a change of variables is not a claim about δ times w ------------------
INCREMENT = """\
Gradient descent reads

$$x^{(t)} = x^{(t-1)} - \\gamma \\nabla f(x^{(t-1)})$$

Write each iterate as the optimum plus an offset, $x = x^\\star + \\delta x$:

$$x^\\star + \\delta x^{(t)} = x^\\star + \\delta x^{(t-1)} - \\gamma \\nabla f(x^{(t-1)})$$
"""


@pytest.mark.parametrize("prefix", ["\\delta", "\\Delta"])
def test_an_increment_is_one_name_in_a_change_of_variables(prefix: str) -> None:
    text = INCREMENT.replace("\\delta", prefix)
    assert errors(text) == []
    verdict, reason = verdicts(text)[7][0]
    assert verdict == "undecided" and "one side only" in reason, reason


def test_a_slip_in_the_update_beside_increments_is_still_found() -> None:
    text = INCREMENT + "\nHence\n\n$$x^{(t)} - x^{(t-1)} = \\gamma \\nabla f(x^{(t-1)})$$\n"
    assert errors(text) == [(11, "math/false")]


def test_an_input_the_update_reads_is_not_an_unknown() -> None:
    # g_t is defined nowhere, but the update rule reads it: a dropped factor (1 − β) is still a slip
    text = ("$$v_t = \\beta v_{t-1} + (1-\\beta) g_t$$\n\n$$w_{t+1} = w_t - \\eta v_t$$\n\nHence\n\n"
            "$$w_{t+1} - w_t = -\\eta \\beta v_{t-1} - \\eta g_t$$\n")
    assert errors(text) == [(7, "math/false")]
