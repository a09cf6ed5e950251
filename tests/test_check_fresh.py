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

The iteration converges because

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


# -- "regard … as", "看作", "считать": the block that follows names things, it claims nothing ---------------------
@pytest.mark.parametrize("words", [
    "Treat the bias as a weight whose input is always $-1$, i.e.",
    "若将偏置$b$看作一个固定输入为$-1$的权重，即",
    "Будем считать смещение $b$ весом с постоянным входом $-1$, то есть",
])
def test_a_regarded_reading_is_a_naming(words: str) -> None:
    text = f"The unit fires when $w^T x > b$.\n\n{words}\n\n\n$$\n-b = -1\\cdot w_{{0}} = x_{{0}}\\cdot w_{{0}}\n$$\n"
    assert errors(text) == []
    assert {v for v, _ in verdicts(text)[7]} == {"not-a-claim"}


def test_a_claim_after_the_regarded_reading_is_still_checked() -> None:
    text = ("Treat the bias as a weight whose input is always $1$, i.e. $b = w_0$. Hence\n\n"
            "$$\n(w_1 + w_0)(w_1 - w_0) = w_1^2 - w_0^2 + 1\n$$\n")
    assert errors(text) == [(4, "math/false")]


def test_a_paragraph_break_before_a_display_leaves_other_readings_as_they_were() -> None:
    # only the regarded reading is read across the blank line: a slip there is still a claim, "Let" still names
    assert errors("Hence\n\n\n$$\n(a+b)^2 = a^2 + b^2\n$$\n") == [(5, "math/false")]
    assert errors("Let\n\n$$\nq = a^2 + b^2\n$$\n") == []


# -- "where θ is …" right after a formula introduces θ there, whatever θ meant before -----------------------------
WHERE = """\
The policy is $\\pi_\\theta(a) = \\exp(\\theta_a)/Z$ with parameters $\\theta$, updated by

$$\\theta_{t+1} = \\theta_t + \\alpha g_t$$

For two vectors, $p \\cdot q = \\|p\\| \\|q\\| \\cos \\theta$@WORDS@ the angle between them.
"""


@pytest.mark.parametrize("words", [", where $\\theta$ is", ", где $\\theta$ —", "，其中$\\theta$为"])
def test_a_name_introduced_right_after_is_new_there(words: str) -> None:
    text = WHERE.replace("@WORDS@", words)
    assert errors(text) == []
    assert verdicts(text)[5] == [("not-a-claim", verdicts(text)[5][0][1])]
    assert "introduce" in verdicts(text)[5][0][1]


def test_a_slip_in_a_link_where_the_introduced_name_stands_on_both_sides_is_found() -> None:
    text = ("The step is\n\n$$x_{t+1} = x_t - \\eta x_t = (1 + \\eta) x_t$$\n\nwhere $\\eta$ is the step size.\n")
    assert errors(text) == [(3, "math/false")]


# -- a name its section names twice (no word says the second follows): a claim true under the second is undecided --
TWICE = """\
Let us rename:

$$
m_t = \\tilde{d_t}
$$

Now the recursion looks like:

$$
m_t = \\rho m_{t-1} + (1 - \\rho) d_t
$$

and the update is:

$$
x_{t+1} = x_t - \\gamma m_t
$$

Expanding the update once, we get
$$
x_{t+1} = x_t - \\gamma (\\rho m_{t-1} + (1 - \\rho) d_t)
$$
"""


def test_a_claim_under_the_new_schemes_naming_is_proved() -> None:
    # "Now the recursion looks like" m_t = ρm_{t-1} + (1 − ρ)d_t: a new scheme (new names d_t, ρ), in force from
    # there on, so the expansion of the update is read under it, not under m_t = d̃_t
    assert errors(TWICE) == []
    line = TWICE.split("\n").index("x_{t+1} = x_t - \\gamma (\\rho m_{t-1} + (1 - \\rho) d_t)") + 1
    verdict, reason = verdicts(TWICE)[line][0]
    assert verdict == "proved", reason


def test_a_claim_false_under_both_namings_is_still_found() -> None:
    text = TWICE + "\nHence:\n\n$$\nx_{t+1} - x_t = -\\gamma (1 - \\rho) d_t - \\gamma \\rho (x_t - x_{t-1})\n$$\n"
    assert errors(text) == [(len(text.split("\n")) - 2, "math/false")]


# -- coordinates written out with an ellipsis against the vector form: an inner product, summed over coordinates ----
INTRO = "The unit outputs $y = \\boldsymbol{a}^{\\mathrm{T}}\\boldsymbol{z} + c$ with bias $c$.\n\n"
COORDS = INTRO + "Written out,\n\n$$\na_1z_1+a_2z_2+\\cdots+a_mz_m+c = \\boldsymbol{a}^{\\mathrm{T}}\\boldsymbol{z} + c\n$$\n"


def test_coordinates_of_an_inner_product_are_proved() -> None:
    assert errors(COORDS) == []
    verdict, reason = verdicts(COORDS)[6][0]
    assert verdict == "proved" and "a_{1}" in reason, reason


@pytest.mark.parametrize("slip", [("a_2z_2", "a_2z_1"), ("+a_2z_2", "-a_2z_2"), ("a_mz_m", "a_mz_{m-1}")])
def test_a_wrong_coordinate_term_is_found(slip: tuple[str, str]) -> None:
    text = COORDS.replace(*slip)
    assert text != COORDS
    assert errors(text) == [(6, "math/coefficient")]


def test_coordinates_against_a_form_that_is_no_inner_product_are_undecided() -> None:
    text = INTRO + "Hence\n\n$$\na_1+a_2+\\cdots+a_m = 2\\boldsymbol{a}\n$$\n"
    assert errors(text) == []
    assert verdicts(text)[6][0][0] == "undecided"
