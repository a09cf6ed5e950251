"""Readings added in stop 46. Fixtures are written here, in my own words and symbols (the notes themselves are not
stored); each has a correct copy and a slip."""
from __future__ import annotations

import pytest

from fixture_docs import as_sections as _as, error_lines, line_of as _line, slipped, verdicts_at as _verdicts

# -- a worked step of a vector iteration, its values put in -------------------------------------------------------
VECTOR_STEP = r"""# One step by hand

Take $h(\vec{u}) = (u_1 + 2)^2 + (u_1 u_2 - 1)^2$ and start from $\vec{u}^{(0)} = \begin{bmatrix} 1 \\ 2 \end{bmatrix}$
with step size $\eta = \frac{1}{4}$.

The update is

$$\vec{u}^{(1)} = \vec{u}^{(0)} - \eta \nabla h(\vec{u}^{(0)})$$

Putting the numbers in, we get

$$\vec{u}^{(1)} = \begin{bmatrix} 1 \\ 2 \end{bmatrix} - \frac{1}{4} \nabla h(\vec{u}^{(0)})$$

and finally

$$\vec{u}^{(1)} = \begin{bmatrix} 1 \\ 2 \end{bmatrix} - \frac{1}{4} \begin{bmatrix} 10 \\ 2 \end{bmatrix}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_vector_step_with_its_values_put_in_is_proved(name: str) -> None:
    text = _as(name, VECTOR_STEP)
    assert error_lines(name, text) == []
    for snippet in (r"- \frac{1}{4} \nabla h", r"- \frac{1}{4} \begin{bmatrix} 10"):
        verdicts = _verdicts(name, text, snippet)
        assert verdicts and verdicts[0][0] == "proved", (snippet, verdicts)
    reason = _verdicts(name, text, r"- \frac{1}{4} \nabla h")[0][1]
    assert "(1, 2)" in reason and "Coords" not in reason


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [
    (r"\end{bmatrix} - \frac{1}{4} \nabla h", r"\end{bmatrix} - \frac{1}{2} \nabla h"),   # the rate put in wrongly
    (r"\begin{bmatrix} 1 \\ 2 \end{bmatrix} - \frac{1}{4} \nabla h", r"\begin{bmatrix} 2 \\ 1 \end{bmatrix} - \frac{1}{4} \nabla h"),
])
def test_a_vector_step_with_a_wrong_value_put_in_is_false_on_its_line(name: str, old: str, new: str) -> None:
    text = slipped(_as(name, VECTOR_STEP), old, new)
    assert (_line(text, new), "math/false") in error_lines(name, text)


# -- laws of probability: undecided, never a naming -------------------------------------------------------------
LAWS = r"""# Probability facts

A waiting time without memory satisfies

$$P(T > a + b \mid T > a) = P(T > b)$$

and the rule of Bayes reads

$$P(H|D) = \frac{P(D|H)P(H)}{P(D)}$$

For the classifier we model

$$P(c = 1 \mid z) = \frac{1}{1 + e^{-z}}$$

and we write the chance of a move as

$$r_{ab} = P(S_2 = b \mid S_1 = a)$$

and by cases

$$P(v \mid c) = \begin{cases} P(v = 1 \mid c) & \text{if } v = 1 \\ P(v = 0 \mid c) & \text{if } v = 0 \end{cases}$$

while the count of successes has

$$P(K=j) = \binom{m}{j} r^j (1 - r)^{m-j}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_law_of_probability_is_undecided_with_its_reason(name: str) -> None:
    text = _as(name, LAWS)
    for snippet in (r"P(T > a + b \mid T > a) = ", r"P(H|D) = "):
        verdicts = _verdicts(name, text, snippet)
        assert [v for v, _ in verdicts] == ["undecided"], (snippet, verdicts)
        assert "law of probability" in verdicts[0][1]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_probability_given_by_a_formula_stays_a_definition(name: str) -> None:
    text = _as(name, LAWS)
    for snippet in (r"P(c = 1 \mid z) = ", r"P(K=j) = ", r"r_{ab} = "):
        verdicts = [v for v in _verdicts(name, text, snippet) if "inside brackets" not in v[1]]
        assert verdicts == [("not-a-claim", "definition (a naming)")], (snippet, verdicts)
    verdicts = _verdicts(name, text, r"P(v \mid c) = ")
    assert verdicts[0] == ("not-a-claim", "definition (a naming)"), verdicts  # a definition by cases, not a law


# -- μ the mean, said only in words ---------------------------------------------------------------------------------
VARIANCE = r"""# Variance from expectations

The mean of $Y$ is written $\mu$. Expanding the square,

$$E[(Y-\mu)^2] = E[Y^2]-2E[Y]\mu+E[\mu^2]$$

so that

$$E[Y^2]-2E[Y]\mu+E[\mu^2] = E[Y^2]-2\mu^2+\mu^2$$

$$E[Y^2]-2\mu^2+\mu^2 = E[Y^2]-\mu^2$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_step_that_needs_mu_to_be_the_mean_is_undecided_with_that_reason(name: str) -> None:
    text = _as(name, VARIANCE)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, r"E[Y^2]-2E[Y]\mu+E[\mu^2] = ")
    assert [v for v, _ in verdicts] == ["undecided"] and "μ = E[Y]" in verdicts[0][1], verdicts
    for snippet in (r"E[(Y-\mu)^2] = ", r"E[Y^2]-2\mu^2+\mu^2 = "):  # the expansion and the last step
        assert [v for v, _ in _verdicts(name, text, snippet)] == ["proved"], snippet


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [("= E[Y^2]-2\\mu^2+\\mu^2$$", "= E[Y^2]+\\mu^2$$"),
                                      ("= E[Y^2]-2\\mu^2+\\mu^2$$", "= E[Y^2]-3\\mu^2+\\mu^2$$")])
def test_a_slip_that_no_meaning_of_mu_repairs_stays_false(name: str, old: str, new: str) -> None:
    text = slipped(_as(name, VARIANCE), old, new)
    assert (_line(text, new), "math/false") in error_lines(name, text)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_mean_of_another_quantity_repairs_nothing(name: str) -> None:
    # μ_Z names the mean of Z: putting E[Y] for it is no reading, so the step stays false
    text = slipped(_as(name, VARIANCE), r"-2E[Y]\mu+E[\mu^2] = E[Y^2]-2\mu^2+\mu^2$$", r"-2E[Y]\mu_Z+E[\mu_Z^2] = E[Y^2]-2\mu_Z^2+\mu_Z^2$$")
    assert (_line(text, r"\mu_Z^2+"), "math/false") in error_lines(name, text)


# -- a chain rule through a name the definitions never use ----------------------------------------------------------
CHAIN = r"""# One output unit

The output unit computes $o = v u + d$ from the hidden value $u$, and the error is

$$E = \frac{1}{2}(t - o)^2$$

By the chain rule

$$\frac{\partial E}{\partial v} = \frac{\partial E}{\partial o} \frac{\partial o}{\partial v}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_chain_rule_through_its_definitions_is_proved(name: str) -> None:
    text = _as(name, CHAIN)
    assert [v for v, _ in _verdicts(name, text, r"\frac{\partial E}{\partial v} = ")] == ["proved"]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_chain_through_a_name_the_output_never_reads_is_undecided(name: str) -> None:
    # q is no name of the definitions: ∂o/∂q is 0 by them, so the telescoping shape proves nothing
    text = slipped(_as(name, CHAIN), r"\frac{\partial o}{\partial v}$$",
                   r"\frac{\partial o}{\partial q} \frac{\partial q}{\partial v}$$")
    verdicts = _verdicts(name, text, r"\frac{\partial E}{\partial v} = ")
    assert [v for v, _ in verdicts] == ["undecided"], verdicts
    assert "o does not depend on q" in verdicts[0][1]
    assert error_lines(name, text) == []


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_chain_through_a_defined_intermediate_is_still_proved(name: str) -> None:
    # o is defined, so E reads it only through its definition: no sign that ∂E/∂o is 0
    text = slipped(_as(name, CHAIN), r"\frac{\partial o}{\partial v}$$",
                   r"\frac{\partial o}{\partial u} \frac{\partial u}{\partial v}$$")
    text = slipped(text, "from the hidden value $u$, and", "from the hidden value $u = v w$, and")
    verdicts = _verdicts(name, text, r"\frac{\partial E}{\partial v} = ")
    assert [v for v, _ in verdicts] == ["proved"], verdicts


# -- a function given by cases in separate formulas -------------------------------------------------------------
SPLIT = r"""# A split function

Let

$$q(s) = 3 s^2 \quad \text{if } s \ge 1,$$

$$q(s) = 4 s^2 - 1 \quad \text{if } s < 1.$$

Then $q(2) = 12$,
while $q(0.5) = 0$,
and the slope is $q'(s) = 6s$ for $s > 1$.

The rate is $\rho(n) = 0.5$ for $n < 4$ and

$$\rho(n) = \frac{2}{n} \quad \text{otherwise}$$

so $\rho(8) = 0.25$,
while $\rho(2) = 0.5$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_cases_in_separate_formulas_make_one_function(name: str) -> None:
    text = _as(name, SPLIT)
    assert error_lines(name, text) == []
    for snippet in ("q(2) = ", "q(0.5) = ", r"\rho(8) = ", r"\rho(2) = "):
        assert [v for v, _ in _verdicts(name, text, snippet)] == ["proved"], snippet
    assert "a further case" in _verdicts(name, text, "q(s) = 4 s^2")[0][1]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [("q(0.5) = 0$", "q(0.5) = 0.75$"),  # the first case's value at 0.5
                                      ("q(2) = 12", "q(2) = 15"),       # the second case's value at 2
                                      (r"\rho(8) = 0.25", r"\rho(8) = 0.5")])
def test_a_value_from_the_wrong_case_is_false(name: str, old: str, new: str) -> None:
    text = slipped(_as(name, SPLIT), old, new)
    assert (_line(text, new), "math/false") in error_lines(name, text)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_cases_of_two_sections_stay_two_definitions(name: str) -> None:
    # a new heading starts a new example: its q is the later one alone, and q(-1) = -5 is about that q
    text = _as(name, slipped(SPLIT, "$$q(s) = 4 s^2 - 1", "# Another example\n\n$$q(s) = 4 s^2 - 1"))
    verdicts = _verdicts(name, text, "q(s) = 4 s^2")
    assert verdicts and "a further case" not in verdicts[0][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_on_the_range_of_one_case_is_proved_there(name: str) -> None:
    text = _as(name, SPLIT)
    verdicts = _verdicts(name, text, "q'(s) = ")
    assert [v for v, _ in verdicts] == ["proved"] and "s > 1" in verdicts[0][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_other_case_on_that_range_is_false(name: str) -> None:
    # 8s is the slope below 1, not above it: the range picks the first case, which refutes it
    text = slipped(_as(name, SPLIT), "q'(s) = 6s", "q'(s) = 8s")
    assert error_lines(name, text) == [(_line(text, "q'(s) = 8s"), "math/false")]
    assert "the left side is 6·s there" in _verdicts(name, text, "q'(s) = ")[0][1]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_range_across_the_kink_picks_no_case(name: str) -> None:
    # for s > 0 the slope is 8s below 1 and 6s above: no one case is in force, so nothing is proved or refuted
    text = slipped(_as(name, SPLIT), "for $s > 1$", "for $s > 0$")
    assert [v for v, _ in _verdicts(name, text, "q'(s) = ")] == ["undecided"]
    assert error_lines(name, text) == []


# -- sums written out over a family indexed by a bracketed superscript ----------------------------------------------
FAMILY = r"""# Least squares by hand

$$
\begin{aligned}
\frac{\partial}{\partial w_1}\left\{\sum_{j=1}^M\left(v^{(j)}-\left(w_1 u^{(j)}+w_0\right)\right)^2\right\}
&=\frac{\partial}{\partial w_1}\left\{\left(v^{(1)}-\left(w_1 u^{(1)}+w_0\right)\right)^2+\left(v^{(2)}-\left(w_1 u^{(2)}+w_0\right)\right)^2+\cdots+\left(v^{(M)}-\left(w_1 u^{(M)}+w_0\right)\right)^2\right\} \\
&=2\left(v^{(1)}-\left(w_1 u^{(1)}+w_0\right)\right)\left(-u^{(1)}\right)+\cdots+2\left(v^{(M)}-\left(w_1 u^{(M)}+w_0\right)\right)\left(-u^{(M)}\right)
\end{aligned}
$$

and in $w_0$

$$
\begin{aligned}
\frac{\partial}{\partial w_0}\left\{\left(v^{(1)}-\left(w_1 u^{(1)}+w_0\right)\right)^2+\cdots+\left(v^{(M)}-\left(w_1 u^{(M)}+w_0\right)\right)^2\right\}
&=2\left(v^{(1)}-\left(w_1 u^{(1)}+w_0\right)\right)(-1)+\cdots+2\left(v^{(M)}-\left(w_1 u^{(M)}+w_0\right)\right)(-1) \\
&=2\left(-\sum_{j=1}^M v^{(j)}+w_1 \sum_{j=1}^M u^{(j)}+w_0 \sum_{j=1}^M 1\right)
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_sums_written_out_over_a_superscript_family_are_proved(name: str) -> None:
    text = _as(name, FAMILY)
    assert error_lines(name, text) == []
    for snippet in (r"&=\frac{\partial}{\partial w_1}\left\{\left(v^{(1)}", r"&=2\left(v^{(1)}-\left(w_1 u^{(1)}+w_0\right)\right)\left(-u",
                    r"&=2\left(v^{(1)}-\left(w_1 u^{(1)}+w_0\right)\right)(-1)", r"&=2\left(-\sum"):
        verdicts = _verdicts(name, text, snippet)
        assert verdicts and all(v == "proved" for v, _ in verdicts), (snippet, verdicts)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [
    (r"\right)\left(-u^{(M)}\right)", r"\right)\left(-v^{(M)}\right)"),          # one written term off the pattern
    (r"&=2\left(-\sum_{j=1}^M v^{(j)}+w_1", r"&=2\left(-\sum_{j=1}^M v^{(j)}-w_1"),  # the Σ form with a sign slip
])
def test_a_slip_in_a_family_sum_is_false_on_its_line(name: str, old: str, new: str) -> None:
    text = slipped(_as(name, FAMILY), old, new)
    assert (_line(text, new), "math/false") in error_lines(name, text)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_term_off_the_pattern_is_named(name: str) -> None:
    text = slipped(_as(name, FAMILY), r"\right)\left(-u^{(M)}\right)", r"\right)\left(-v^{(M)}\right)")
    verdicts = _verdicts(name, text, r"\right)\left(-v^{(M)}\right)")
    assert any(v == "false" and "is not the sum's term at k = M" in r for v, r in verdicts), verdicts


# -- a capital with a subscript, transposed, is a matrix --------------------------------------------------------------
BACKWARD = r"""# Backward through a layer

Let $H_k, V_k$ be matrices, $H_k \in \mathbb{R}^{m \times n_k}$ and $V_k \in \mathbb{R}^{n_k \times n_{k+1}}$.

$$H_k = \left( H_{k+1} \circ g'(Z_k V_k) \right) V_k^T$$

so that

$$\left( H_{k+1} \circ g'(Z_k V_k) \right) V_k^T = H_{k+1} \cdot g'(Z_k V_k) \cdot V_k$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_transposed_matrix_with_a_subscript_is_never_proved_as_a_number(name: str) -> None:
    # read as numbers, V_k = V_k^T and the link would hold "whatever g is"; as matrices it does not
    text = _as(name, BACKWARD)
    verdicts = _verdicts(name, text, r"\left( H_{k+1} \circ g'(Z_k V_k) \right) V_k^T = ")
    assert verdicts and all(v != "proved" for v, _ in verdicts), verdicts


# -- an approximation said in words, written with "=" ---------------------------------------------------------------
LINEAR = r"""# Linearisation

Let $g(u) = u^3$. For a small step $s$ the function is well approximated by its tangent line:
$g(u + s) = g(u) + s g'(u)$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("words", ["well approximated by", "приближённо равна", "近似为"])
def test_an_approximation_said_in_words_is_undecided_not_false(name: str, words: str) -> None:
    text = _as(name, LINEAR.replace("well approximated by", words))
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, "g(u + s) = ")
    assert [v for v, _ in verdicts] == ["undecided"] and "approximation" in verdicts[0][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_without_the_words_the_same_formula_is_false(name: str) -> None:
    # (the word in another paragraph is about something else)
    text = _as(name, LINEAR.replace("well approximated by", "equal to") + "\nLater we approximate other functions.\n")
    assert (_line(text, "g(u + s) = "), "math/false") in error_lines(name, text)


# -- an example's function between a definition and its use ----------------------------------------------------------
SHADOWED = r"""# Partial derivatives

Take $h(a, b) = a b^2$. Then $\frac{\partial h}{\partial a} = b^2$.

> A one-variable reminder: for $h(a) = a^3$ we have $h'(a) = 3a^2$.

At $a = 2, b = 5$ we get
$\frac{\partial h}{\partial a} = 25$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_partial_derivative_that_holds_for_the_earlier_definition_is_undecided(name: str) -> None:
    text = _as(name, SHADOWED)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, r"\frac{\partial h}{\partial a} = 25")
    assert [v for v, _ in verdicts] == ["undecided"] and "defined on line" in verdicts[0][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_partial_derivative_false_for_both_definitions_stays_false(name: str) -> None:
    text = slipped(_as(name, SHADOWED), r"\frac{\partial h}{\partial a} = 25", r"\frac{\partial h}{\partial a} = 10")
    assert (_line(text, r"\frac{\partial h}{\partial a} = 10"), "math/false") in error_lines(name, text)


# -- the derivative of a function whose body never reads its variable ------------------------------------------------
UNREAD = r"""# Names for factors

Write $q(s) = u v$ for the product of the two factors.

The product rule gives $q'(s) = q'(u) q(v) + q'(v) q(u)$.

A constant: $r(s) = c$,
so $r'(s) = 0$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_zero_only_by_an_unread_variable_is_undecided(name: str) -> None:
    text = _as(name, UNREAD)
    verdicts = _verdicts(name, text, "q'(s) = ")
    assert [v for v, _ in verdicts] == ["undecided"] and "does not read s" in verdicts[0][1], verdicts
    assert [v for v, _ in _verdicts(name, text, "r'(s) = ")] == ["proved"]  # a constant body's derivative is 0


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_nonzero_derivative_of_such_a_function_is_never_false(name: str) -> None:
    text = slipped(_as(name, UNREAD), "q'(s) = q'(u) q(v) + q'(v) q(u)", "q'(s) = u + v")
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, "q'(s) = ")] == ["undecided"]


# -- a vector against its coordinates --------------------------------------------------------------------------------
COORDINATES = r"""# A linear model

$$z := f(\mathbf{u}) + \varepsilon = c_0 + \mathbf{a}^T \mathbf{u} + \varepsilon$$

$$
\begin{aligned}
z &= f(\mathbf{u}; \mathbf{a}) \\
&= c_0 + a_1 u_1 + a_2 u_2 + \cdots + a_D u_D + \varepsilon
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_vector_against_its_coordinates_is_undecided_not_false(name: str) -> None:
    text = _as(name, COORDINATES)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, "&= c_0 + a_1 u_1")
    assert [v for v, _ in verdicts] == ["undecided"] and "its coordinates on the other" in verdicts[0][1], verdicts


# -- an optimum spaced off its objective by \quad --------------------------------------------------------------------
SPACED_ARGMIN = r"""# Least squares

$$\hat{w} = \underset{w \in \mathbb{R}}{\operatorname{argmin}} \quad \frac{1}{2}(y - a w)^2 = \underset{w \in \mathbb{R}}{\operatorname{argmin}} \quad (y - a w)^2$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_quad_after_an_argmin_spaces_off_its_objective(name: str) -> None:
    text = _as(name, SPACED_ARGMIN)
    verdicts = _verdicts(name, text, r"\hat{w} = ")
    assert not any("of nothing" in r for _, r in verdicts), verdicts
    assert verdicts[-1][0] == "proved", verdicts  # one minimizer: halving the objective moves nothing


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_quad_between_two_statements_still_parts_them(name: str) -> None:
    text = _as(name, "# Two\n\nWe set $$a = 1 \\quad b = a + 1$$ and we are done.\n")
    verdicts = _verdicts(name, text, "We set")
    assert [r for _, r in verdicts] == ["definition (a row of a system)"] * 2, verdicts


# -- plain TeX's \over -------------------------------------------------------------------------------------------------
OVER = r"""# One weight

The error is $E = {1 \over 2} (t - w x)^2$, so

$${\partial E \over \partial w} = {1 \over 2} {\partial \over \partial w} (t - w x)^2 = -(t - w x) x$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_derivatives_written_with_over_are_read_as_fractions(name: str) -> None:
    text = _as(name, OVER)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, r"{\partial E \over \partial w} = ")
    assert [v for v, _ in verdicts] == ["proved", "proved"], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_under_over_is_false_on_its_line(name: str) -> None:
    text = slipped(_as(name, OVER), "= -(t - w x) x$$", "= -(t - w x)$$")
    assert error_lines(name, text) == [(_line(text, "= -(t - w x)$$"), "math/false")]


# -- a sum's upper limit named and given its value ---------------------------------------------------------------------
NAMED_BOUND = r"""# Three points

$$\sum_{i=1}^{n=3} -2 (o_i - p_i) = -2 (o_1 - p_1) - 2 (o_2 - p_2) - 2 (o_3 - p_3)$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_upper_limit_written_n_equals_3_is_3(name: str) -> None:
    text = _as(name, NAMED_BOUND)
    assert [v for v, _ in _verdicts(name, text, r"\sum_{i=1}^{n=3}")] == ["proved"]
    slip = slipped(text, "- 2 (o_2 - p_2)", "- 3 (o_2 - p_2)")
    assert error_lines(name, slip) == [(_line(slip, r"\sum_{i=1}^{n=3}"), "math/false")]


# -- a quotient of variations is a derivative ------------------------------------------------------------------------
VARIATION = r"""# Variations

Let $q$ depend on $s$.

$$\frac{\delta q}{\delta s} = \frac{q}{s}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("written", [r"\frac{\delta q}{\delta s}", r"{{\delta q} \over {\delta s}}"])
def test_a_quotient_of_variations_is_never_cancelled(name: str, written: str) -> None:
    # δq/δs is a derivative: cancelling δ proved it equal to q/s
    text = _as(name, VARIATION.replace(r"\frac{\delta q}{\delta s}", written))
    verdicts = _verdicts(name, text, written)
    assert verdicts and all(v != "proved" for v, _ in verdicts), verdicts


# -- an earlier model's rule is no definition of the next model ---------------------------------------------------------
NEXT_MODEL = r"""# Two models

Logistic regression, two classes:

$$ y_n = \sigma(b_n) = \frac{1}{1 + e^{-b_n}} $$

Logistic regression for three classes (softmax):

$$ v = e^{b_0} + e^{b_1} + e^{b_2} $$

$$ y_k = \frac{e^{b_k}}{v} $$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_new_model_read_through_an_older_rule_is_undecided(name: str) -> None:
    text = _as(name, NEXT_MODEL)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, r"y_k = ")
    assert [v for v, _ in verdicts] == ["undecided"] and "a new model" in verdicts[0][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_older_rule_at_a_new_index_is_still_checked(name: str) -> None:
    # without a name defined after the rule, p_j is the rule at j, and a slip is false
    text = _as(name, NEXT_MODEL.replace(r"\frac{e^{b_k}}{v}", r"\frac{1}{1 + e^{b_k}}"))
    assert (_line(text, r"y_k = "), "math/false") in error_lines(name, text)
