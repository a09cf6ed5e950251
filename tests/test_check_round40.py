"""Readings added in stop 44. Fixtures are written here, in my own words and symbols (the notes themselves are not
stored); each has a correct copy and a slip."""
from __future__ import annotations

import pytest

from derive.check.function_letters import primed_letters
from derive.check.run import check_document
from fixture_docs import as_sections as _as, error_lines, line_of as _line, slipped, verdicts_at as _verdicts

# -- a closed form written at the last step T, its sum counting with the rule's own letter t ----------------------
AVERAGE_AT_T = r"""# Running averages

The running average of the gradients starts at zero:

$$a_t = \rho\, a_{t-1} + (1 - \rho)\, g_t, \qquad a_0 = 0.$$

After the last step $T$ it has summed every gradient, each weighted by how long ago it came:

$$a_T = (1 - \rho) \sum_{t=1}^{T} \rho^{T-t} g_t$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_closed_form_at_the_last_step_whose_sum_counts_with_t_is_proved(name: str) -> None:
    text = _as(name, AVERAGE_AT_T)
    verdicts = _verdicts(name, text, "a_T = ")
    assert [v for v, _ in verdicts] == ["proved"], verdicts
    assert "step called T" in verdicts[0][1] and "induction on T" in verdicts[0][1]
    assert error_lines(name, text) == []


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [(r"\rho^{T-t} g_t", r"\rho^{(T-t)} (1 - \rho)^t g_t"),  # weights of 1 − ρ
                                      (r"\sum_{t=1}^{T} \rho^{T-t}", r"\sum_{t=1}^{T} \rho^{t}")])
def test_a_closed_form_at_the_last_step_with_wrong_weights_is_false_on_its_line(name: str, old: str, new: str) -> None:
    text = slipped(_as(name, AVERAGE_AT_T), old, new)
    line = _line(text, "a_T = ")
    assert error_lines(name, text) == [(line, "math/false")]
    report = check_document(name, text)
    message = next(f.message for f in report.findings if f.code == "math/false")
    assert "at T = " in message and "at t = " not in message  # the step the author counts with


def test_a_parenthesised_power_of_the_rules_constant_inside_the_sum_is_a_power() -> None:
    # ρ^{(T−t)} under Σ_t would be the t-th iterate of ρ; ρ is the rule's constant, so it is a power: the true
    # closed form written with the brackets is proved, not refuted at T = 1 by a name standing for ρ^0
    text = slipped(_as("doc.md", AVERAGE_AT_T), r"\rho^{T-t} g_t", r"\rho^{(T-t)} g_t")
    assert [v for v, _ in _verdicts("doc.md", text, "a_T = ")] == ["proved"]


DECAY_ONLY = r"""# Decay alone

The step with a schedule is

$$w_{t+1} = (1 - \eta_t \lambda)\, w_t - \eta_t\, g_t$$

Leave the gradients out, and after $T$ steps only the shrinking is left:

$$w_T = \prod_{t=0}^{T-1} (1 - \eta_t \lambda)\, w_0$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_closed_form_that_leaves_out_what_the_rule_reads_is_a_special_case_not_a_slip(name: str) -> None:
    text = _as(name, DECAY_ONLY)
    verdicts = _verdicts(name, text, "w_T = ")
    assert [v for v, _ in verdicts] == ["undecided"], verdicts
    assert "leaves out g" in verdicts[0][1] and "special case" in verdicts[0][1]
    assert error_lines(name, text) == []
    # with the gradient kept in the closed form, a wrong product is a slip again
    wrong = slipped(text, r"(1 - \eta_t \lambda)\, w_0", r"(1 - \eta_t \lambda)\, w_0 - \eta_0 g_0")
    assert error_lines(name, wrong) == [(_line(wrong, "w_T = "), "math/false")]


# -- a function's integral binds its own variable; a derivative read at a number ----------------------------------
GAMMA_MGF = r"""# Generating function

The normaliser is

$$\Gamma(a) = \int_0^\infty u^{a-1} e^{-u}\, du$$

and the generating function of the density is

$$M(u) = \int_0^\infty e^{u x}\, \frac{b^a x^{a-1} e^{-b x}}{\Gamma(a)}\, dx$$

Combine the exponentials:

$$M(u) = \frac{b^a}{\Gamma(a)} \int_0^\infty x^{a-1} e^{-(b-u) x}\, dx$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_restated_through_an_integral_no_point_decides_is_undecided_not_false(name: str) -> None:
    text = _as(name, GAMMA_MGF)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, r"M(u) = \frac{b^a}")
    assert [v for v, _ in verdicts] == ["undecided"], verdicts


def test_a_definitions_integral_keeps_its_own_variable_when_put_into_another() -> None:
    from derive.check.bind import Functions
    import sympy as sp
    u, a, x = sp.symbols("u a x", real=True)
    gamma = Functions()
    gamma.define("G", (a,), sp.Integral(u ** (a - 1) * sp.exp(-u), (u, 0, sp.oo)), 1)
    put = gamma.expand(sp.Function("G")(a) * u).xreplace({u: 2})  # the u of the call's surroundings gets a value
    assert put.has(sp.Integral) and not put.atoms(sp.Integral).pop().has(sp.Integer(2))
    alone = gamma.expand(sp.Function("G")(a) * x)  # no clash: the integral keeps the letter as written
    assert alone.atoms(sp.Integral).pop().limits[0][0] == u


MGF_AT_ZERO = r"""# Moments

The generating function is $c/(c - t)$; call its derivative $h$:

$$h(t) = \frac{d}{dt} \left[ \frac{c}{c - t} \right]$$

At $t = 0$ it gives the mean:

$$E[X] = h(0) = \frac{1}{c}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_defined_with_d_dt_is_read_at_a_number(name: str) -> None:
    text = _as(name, MGF_AT_ZERO)
    report = check_document(name, text)
    assert not [f for f in report.findings if f.code.startswith("checker/")], [f.text() for f in report.findings]
    assert ("proved" in [v for v, _ in _verdicts(name, text, "E[X] = h(0)")])
    wrong = slipped(text, r"= \frac{1}{c}$$", r"= \frac{1}{c^2}$$")
    assert error_lines(name, wrong) == [(_line(wrong, "E[X] = h(0)"), "math/false")]


# -- a prime on a letter applied to plain names makes the letter a function ---------------------------------------
def test_primed_letters_are_functions_only_when_applied_to_plain_names() -> None:
    found = primed_letters([r"\Psi'(n) = E", r"g''(z) + f^{\prime}(x, y)", r"w'(1 - \eta) + e'(x)"])
    assert found == {"\\Psi", "g", "f"}


LOG_PARTITION = r"""# A family of densities

Recall $\Psi'(n) = \mathbb{E}_n[r]$. Write $\kappa(n) = e^{\Psi(n)}$. Then

$$\Psi'(n) = \frac{d}{dn} \log \kappa(n)$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_primed_letter_is_a_function_in_the_definitions_that_call_it(name: str) -> None:
    # read as the product Ψ·n, log κ(n) = Ψ·n and its derivative Ψ: the link was false
    text = _as(name, LOG_PARTITION)
    assert error_lines(name, text) == []
    assert all(v != "false" for v, _ in _verdicts(name, text, r"\Psi'(n) ="))


# -- what an example section defines stays in the example ---------------------------------------------------------
EXAMPLE_THEN_GENERAL = r"""# Families of densities

Each member has a normaliser and a statistic.

## Example: the counting family

The pieces here are $r(k) = k$ and $q(\theta) = \theta$.

# The general family

For every member, $q'(n) = \mathbb{E}_n[r]$. Let $\kappa(n) = e^{q(n)}$. Then

$$q'(n) = \frac{d}{dn} \log \kappa(n) = \frac{\kappa'(n)}{\kappa(n)} = \mathbb{E}_n[r]$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_defined_in_an_example_section_does_not_reach_the_general_section(name: str) -> None:
    # the example's q(θ) = θ would make κ'/κ the number 1 (and, with a distribution the checker models, the last
    # link false); the general section speaks of any q
    text = _as(name, EXAMPLE_THEN_GENERAL)
    assert error_lines(name, text) == []
    general = _verdicts(name, text, r"\frac{d}{dn}")
    assert not any("arithmetic" in reason for _, reason in general), general
    assert any(v == "proved" and "whatever the functions are" in reason for v, reason in general), general
    # the same heading without the word "Example": q(θ) = θ is in force in the next section
    plain = slipped(text, "Example: the counting family", "The counting family")
    assert any("arithmetic" in reason for _, reason in _verdicts(name, plain, r"\frac{d}{dn}"))


EXAMPLE_THEN_SIBLING = r"""# Derivatives

## Example: a parabola

Take $f(x) = x^2$.

## Tangent lines

The slope at any point is

$$f'(x) = 2x$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_sibling_section_after_an_example_goes_on_with_its_function(name: str) -> None:
    # the next section at the same level still speaks of the example's f (the notes plot its tangents)
    text = _as(name, EXAMPLE_THEN_SIBLING)
    assert [v for v, _ in _verdicts(name, text, "f'(x) = 2x")] == ["proved"]
    wrong = slipped(text, "f'(x) = 2x", "f'(x) = 3x")
    assert error_lines(name, wrong) == [(_line(wrong, "f'(x) = 3x"), "math/false")]


MEAN_FROM_MGF = r"""# Moments

The generating function is $M(t) = \frac{c}{c - t}$, so the mean is

$$E[X] = M'(0) = \frac{1}{c}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_derivative_of_a_defined_function_at_a_number_is_checked(name: str) -> None:
    # M'(0) has no free symbols: it was read as a condition on a constant and never compared
    text = _as(name, MEAN_FROM_MGF)
    assert "proved" in [v for v, _ in _verdicts(name, text, "E[X] = M'(0)")]
    wrong = slipped(text, r"= \frac{1}{c}$$", r"= \frac{1}{c^2}$$")
    assert error_lines(name, wrong) == [(_line(wrong, "E[X] = M'(0)"), "math/false")]


MGF_DERIVATIVES = r"""# Mean of the gamma law

The generating function is

$$M_X(t) = \left(\frac{b}{b - t}\right)^a$$

Its derivative is

$$M_X'(t) = a \cdot \frac{b}{(b - t)^2} \cdot \left(\frac{b}{b - t}\right)^{a - 1}$$

and at zero

$$M_X'(0) = \frac{a}{b}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_primed_function_with_a_label_is_the_derivative_of_the_labelled_function(name: str) -> None:
    # M_X'(t) after M_X(t) = …: the derivative of M_X, a claim (it was the definition of a new function M'_X)
    text = _as(name, MGF_DERIVATIVES)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, "M_X'(t) =")] == ["proved"]
    wrong = slipped(text, r"\frac{b}{(b - t)^2} \cdot", r"\frac{b}{(b - t)} \cdot")
    assert (_line(wrong, "M_X'(t) ="), "math/false") in error_lines(name, wrong)


ANOTHER_RULE = r"""# Two averages

The second moment is kept as

$$v_t = \rho\, v_{t-1} + (1 - \rho)\, g_t^2$$

A plain running sum with its own weights, new $= \kappa \cdot$ old $+\, c \cdot$ gradient, would give after $T$ steps

$$v_T = c \sum_{t=1}^{T} \kappa^{T-t} g_t$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_closed_form_reading_constants_the_rule_does_not_is_another_rules(name: str) -> None:
    text = _as(name, ANOTHER_RULE)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, "v_T = ")
    assert [v for v, _ in verdicts] == ["undecided"] and "κ" in verdicts[0][1] and "c" in verdicts[0][1], verdicts
    # the rule's own constants, weights wrong: a slip again
    wrong = slipped(text, r"c \sum_{t=1}^{T} \kappa^{T-t} g_t", r"(1 - \rho) \sum_{t=1}^{T} \rho^{t} g_t^2")
    assert error_lines(name, wrong) == [(_line(wrong, "v_T = "), "math/false")]


TWO_UNITS = r"""# A unit behind a unit

The forward pass:

$$
\begin{aligned}
p &= a \cdot x + c \\
q &= \frac{1}{1 + e^{-p}} \\
r &= w \cdot q + d \\
E &= \frac{1}{2}(y - r)^2
\end{aligned}
$$

The weight of the second unit reaches the error through r only:

$$\frac{\partial E}{\partial w} = \frac{\partial E}{\partial r} \cdot \frac{\partial r}{\partial w}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_telescoping_chain_through_a_unit_that_does_not_read_the_weight_is_false(name: str) -> None:
    text = _as(name, TWO_UNITS)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"\frac{\partial E}{\partial w} =")] == ["proved"]
    # the names of the first unit written for the second: it telescopes, but ∂p/∂w = 0 (p = ax + c)
    wrong = slipped(text, r"\frac{\partial E}{\partial r} \cdot \frac{\partial r}{\partial w}",
                    r"\frac{\partial E}{\partial q} \cdot \frac{\partial q}{\partial p} \cdot \frac{\partial p}{\partial w}")
    assert error_lines(name, wrong) == [(_line(wrong, r"\frac{\partial E}{\partial w} ="), "math/false")]
    # a weight E does not read either: both sides are 0, nothing to report
    neither = slipped(wrong, r"\partial p}{\partial w}$$", r"\partial p}{\partial v}$$").replace(
        r"\frac{\partial E}{\partial w} =", r"\frac{\partial E}{\partial v} =")
    assert error_lines(name, neither) == []
