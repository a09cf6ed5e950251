r"""Readings added in stop 50. Fixtures are written here, in my own words and symbols (the notes themselves are not
stored); each has a correct copy and a slip where a slip can be made."""
from __future__ import annotations

import pytest

from fixture_docs import as_sections as _as, error_lines, line_of as _line, slipped, verdicts_at as _verdicts

# -- a function defined before ⇒ in the statement that differentiates it, then defined anew for the next example --
TWO_EXAMPLES_BY_IMPLICATION = r"""# Derivatives

First: $h(s) = \sin(s) \Rightarrow h'(s) = \cos(s)$.

Next: $h(s) = s^4 \Rightarrow h'(s) = 4s^3$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_definition_before_an_implication_is_the_one_its_claim_uses(name: str) -> None:
    text = _as(name, TWO_EXAMPLES_BY_IMPLICATION)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"h'(s) = \cos(s)")][-1] == "proved"
    assert [v for v, _ in _verdicts(name, text, "h'(s) = 4s^3")][-1] == "proved"
    slip = _as(name, slipped(TWO_EXAMPLES_BY_IMPLICATION, r"h'(s) = \cos(s)", r"h'(s) = -\cos(s)"))
    assert error_lines(name, slip) == [(_line(slip, r"h'(s) = -\cos(s)"), "math/false")]


# -- a point named "at t = 1" in one section is not a value the next section computes with -------------------------
POINT_IN_ANOTHER_SECTION = r"""# Poles

The function $q(r) = \frac{1}{r - 2}$ has a pole at $r = 2$.

# Stationary points

Take $p(r) = r^2 - 6r + 8$. We solve $p(r) = 0$:

$$
(r - 2)(r - 4) = 0
$$

so the roots are $r = 2$ and $r = 4$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_point_named_with_at_is_not_an_example_value_in_another_section(name: str) -> None:
    text = _as(name, POINT_IN_ANOTHER_SECTION)
    assert "proved" not in [v for v, _ in _verdicts(name, text, "(r - 2)(r - 4) = 0")]


SAME_VALUE_GIVEN_PLAINLY = r"""# Values

Let $r = 2$.

# Work

$$
(r - 2)(r - 4) = 0
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_value_given_plainly_still_reaches_a_later_section(name: str) -> None:
    text = _as(name, SAME_VALUE_GIVEN_PLAINLY)
    assert [v for v, _ in _verdicts(name, text, "(r - 2)(r - 4) = 0")] == ["proved"]


# -- a derivative in a letter is about every value of it --------------------------------------------------------
DIFFERENTIATED_IN_A_VALUED_LETTER = r"""# Values

Let $s = 0$.

# Implicit differentiation

On the ellipse $s^2 + 4r^2 = 4$ we differentiate in $s$:

$$
\frac{d}{ds}(s^2 + 4r^2) = \frac{d}{ds}(4)
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_in_a_letter_is_never_proved_at_its_example_value(name: str) -> None:
    text = _as(name, DIFFERENTIATED_IN_A_VALUED_LETTER)
    verdicts = _verdicts(name, text, r"\frac{d}{ds}(s^2 + 4r^2) = \frac{d}{ds}(4)")
    assert verdicts and all(v != "proved" for v, _ in verdicts)


# -- "two equations: $…$" poses them ---------------------------------------------------------------------------
TWO_EQUATIONS = r"""# Exponentials

Let $s = 1$.

Writing the number in polar form splits it into two equations: $e^s = 7$, and the angle.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_equations_named_before_a_colon_are_posed(name: str) -> None:
    text = _as(name, TWO_EQUATIONS)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, "e^s = 7")] == ["not-a-claim"]


# -- decimals rounded or cut off to four places inside a computation --------------------------------------------
ROUNDED_INSIDE = r"""# Area

$$
\left(\frac{7}{3} + 2\right) - \left(\frac{1}{3} + 1\right) = 4.3333 - 1.3333 = 3
$$

$$
\frac{5}{3} + \frac{1}{6} = 1.6666 + 0.1666 = 1.8332
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_decimals_rounded_or_cut_off_inside_a_side_are_read_to_their_digits(name: str) -> None:
    text = _as(name, ROUNDED_INSIDE)
    assert error_lines(name, text) == []
    assert "proved" in [v for v, _ in _verdicts(name, text, r"\frac{5}{3} + \frac{1}{6} = 1.6666 + 0.1666")]
    slip = _as(name, slipped(ROUNDED_INSIDE, "1.6666 + 0.1666", "1.6666 + 0.1766"))
    assert (_line(slip, "1.6666 + 0.1766"), "math/false") in error_lines(name, slip)


SHORT_DECIMAL_EXACT = r"""# Rate

$$
\frac{1}{3} + \frac{1}{3} = 0.334 + 0.334
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_decimal_more_than_a_unit_off_is_still_a_slip(name: str) -> None:
    text = _as(name, SHORT_DECIMAL_EXACT)  # 0.334 is 1/3 cut off one unit high: within a unit of its last digit
    assert error_lines(name, text) == []
    far = _as(name, slipped(SHORT_DECIMAL_EXACT, "0.334 + 0.334", "0.336 + 0.334"))
    assert error_lines(name, far) == [(_line(far, "0.336 + 0.334"), "math/false")]


NO_ROUNDING_EXCUSE = r"""# Sums

$$
\frac{2}{3} = 0.5 + 0.2
$$

$$
\frac{1}{8} + \frac{1}{4} = 0.1251 + 0.2500
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_short_decimals_and_a_fraction_whose_decimal_ends_are_not_excused_as_rounded(name: str) -> None:
    text = _as(name, NO_ROUNDING_EXCUSE)  # 0.5 is exact, and 3/8 = 0.375 is written in full when meant
    assert error_lines(name, text) == [(_line(text, "0.5 + 0.2"), "math/false"),
                                       (_line(text, "0.1251 + 0.2500"), "math/false")]


# -- a closed form that writes only numbers: an example of a recurrence with open parameters ----------------------
RECURRENCE_EXAMPLE = r"""# Progressions

The rule is $a_n = a_{n-1} + c$, so $a_n = a_0 + nc$. For instance $a_n = 7 + 3n$ gives $7, 10, 13, \dots$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_numeric_closed_form_is_an_example_of_a_recurrence_with_open_parameters(name: str) -> None:
    text = _as(name, RECURRENCE_EXAMPLE)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, "a_n = 7 + 3n")
    assert verdicts and verdicts[-1][0] == "undecided" and "c = 3" in verdicts[-1][1]


RECURRENCE_NO_INSTANCE = r"""# Progressions

The rule is $a_n = 2a_{n-1} + c$, so for instance $a_n = 3^n$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_numeric_closed_form_no_parameters_fit_is_false(name: str) -> None:
    text = _as(name, RECURRENCE_NO_INSTANCE)
    assert error_lines(name, text) == [(_line(text, "a_n = 3^n"), "math/false")]


# -- a closed form stated from step 1 is not run below it -------------------------------------------------------
CLOSED_FORM_FROM_ONE = r"""# Guess

The first terms suggest
$$
z_{n+1} = 3^n
$$
Induction step from $n$ to $n + 1$:
$$
z_{n+2} = 3 z_{n+1} = 3 \cdot 3^n
$$
So it holds for every $n$, together with $z_0 = 2$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_closed_form_is_not_run_below_the_step_it_starts_at(name: str) -> None:
    text = _as(name, CLOSED_FORM_FROM_ONE)
    assert error_lines(name, text) == []


# -- a function set to its dependent variable -------------------------------------------------------------------
MAPS_TO = r"""# Inverse

Write $g(x) = y$ and $g^{-1}(y) = x$. For every $x$, an odd $g$ has $g(-x) = -g(x)$; an even one $g(-x) = g(x)$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_set_to_its_dependent_variable_is_no_constant_function(name: str) -> None:
    text = _as(name, MAPS_TO)
    assert error_lines(name, text) == []
    assert "proved" not in [v for v, _ in _verdicts(name, text, "g(-x) = g(x)")]


# -- real and imaginary parts are not read as prose or a product ----------------------------------------------
REAL_PART = r"""# Complex numbers

Solve $w + \bar{w} = 10$ and $|w| = 13$. The first gives $2\,\text{Re}\{w\} = 10$.

Next system: $|w| = 4$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_real_part_in_upright_letters_is_not_prose(name: str) -> None:
    text = _as(name, REAL_PART)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, r"2\,\text{Re}\{w\} = 10")
    assert verdicts[-1][0] == "undecided" and "Re (real and imaginary parts)" in verdicts[-1][1]


# -- a differential equation posed under a later heading ------------------------------------------------------
ODE_POSED = r"""# Lines

Take $v = 3 - \frac{t}{2}$, which is $3$ at $t = 0$.

## Differential equations

For instance
$$
\frac{dv}{dt} + 2v = \cos t
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_differential_equation_under_a_later_heading_is_posed(name: str) -> None:
    text = _as(name, ODE_POSED)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"\frac{dv}{dt} + 2v = \cos t")] == ["not-a-claim"]


ODE_SAME_SECTION = r"""# Lines

Take $v = 3 - \frac{t}{2}$. Then
$$
\frac{dv}{dt} + 2v = 6 - t - \frac{1}{2}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_beside_its_function_in_its_own_section_is_checked(name: str) -> None:
    text = _as(name, ODE_SAME_SECTION)
    assert error_lines(name, text) == []
    slip = _as(name, slipped(ODE_SAME_SECTION, r"6 - t - \frac{1}{2}", r"6 - t + \frac{1}{2}"))
    assert error_lines(name, slip) == [(_line(slip, r"6 - t + \frac{1}{2}"), "math/false")]


# -- cross products and the unit vectors i, j, k ---------------------------------------------------------------
CROSS = r"""# Cross product

Let $\mathbf{a} = (a_1, a_2, a_3)$ and $\mathbf{b} = (b_1, b_2, b_3)$. Then

$$
\mathbf{a} \times \mathbf{b} = (a_2b_3 - a_3b_2)\mathbf{i} + (a_3b_1 - a_1b_3)\mathbf{j} + (a_1b_2 - a_2b_1)\mathbf{k}
$$

and $\mathbf{b} \times \mathbf{a} = -\mathbf{a} \times \mathbf{b}$, $(1, 0, 0) \times (0, 1, 0) = (0, 0, 1)$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_cross_product_is_worked_out_and_i_j_k_are_unit_vectors(name: str) -> None:
    text = _as(name, CROSS)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"\mathbf{a} \times \mathbf{b} = (a_2b_3")] == ["proved"]
    assert "proved" in [v for v, _ in _verdicts(name, text, r"\mathbf{b} \times \mathbf{a} = -\mathbf{a}")]
    assert "proved" in [v for v, _ in _verdicts(name, text, r"(1, 0, 0) \times (0, 1, 0) = (0, 0, 1)")]
    slip = _as(name, slipped(CROSS, r"(a_1b_2 - a_2b_1)\mathbf{k}", r"(a_1b_2 + a_2b_1)\mathbf{k}"))
    assert error_lines(name, slip) == [(_line(slip, r"(a_1b_2 + a_2b_1)\mathbf{k}"), "math/false")]


CROSS_IS_NO_INNER_PRODUCT = r"""# Products

Let $\mathbf{a} = (a_1, a_2, a_3)$ and $\mathbf{b} = (b_1, b_2, b_3)$. Then
$\mathbf{a} \times \mathbf{b} = a_1b_1 + a_2b_2 + a_3b_3$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_cross_product_is_never_proved_equal_to_the_inner_product(name: str) -> None:
    text = _as(name, CROSS_IS_NO_INNER_PRODUCT)
    assert "proved" not in [v for v, _ in _verdicts(name, text, r"\mathbf{a} \times \mathbf{b} = a_1b_1")]


OPEN_CROSS = r"""# Cross products

For any vectors $\mathbf{u}$ and $\mathbf{v}$ in space, $\mathbf{u} \times \mathbf{v} = -\mathbf{v} \times \mathbf{u}$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_cross_product_of_open_vectors_is_antisymmetric(name: str) -> None:
    text = _as(name, OPEN_CROSS)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"\mathbf{u} \times \mathbf{v} = ")] == ["proved"]
    slip = _as(name, slipped(OPEN_CROSS, r"= -\mathbf{v} \times \mathbf{u}", r"= \mathbf{v} \times \mathbf{u}"))
    assert error_lines(name, slip) == [(_line(slip, r"= \mathbf{v} \times \mathbf{u}"), "math/false")]


# -- decimals without a leading zero, fractions written with \over ------------------------------------------------
OVER_AND_BARE_DECIMALS = r"""# Steps

$$
w = 0 - (0.2)\left(\frac{1}{3}((0 - 2) + (0 - 3))\right) = 0 - (-.333) = .333
$$

$$
{7^2 \over 3} - {1 \over 6} = 16.3333 - 0.1666 = 16.1667
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_bare_decimals_and_over_fractions_are_arithmetic(name: str) -> None:
    text = _as(name, OVER_AND_BARE_DECIMALS)
    assert error_lines(name, text) == []
    assert "proved" in [v for v, _ in _verdicts(name, text, "= 0 - (-.333)")]
    assert [v for v, _ in _verdicts(name, text, r"{7^2 \over 3}")] == ["proved", "proved"]
    slip = _as(name, slipped(OVER_AND_BARE_DECIMALS, "16.3333 - 0.1666", "16.3333 - 0.2666"))
    assert (_line(slip, "16.3333 - 0.2666"), "math/false") in error_lines(name, slip)


# -- a value worked out anew under a later heading replaces the old one ------------------------------------------
VALUE_WORKED_ANEW = r"""# First sample

$$
q = \bar{x} = 6.25
$$

# Second sample

$$
q = \frac{1}{k}\sum_{j=1}^{k} (x_j - c)^2 = 16
$$

Hence
$$
r = \sqrt{q} = 4
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_value_worked_out_anew_in_a_later_section_replaces_the_old_one(name: str) -> None:
    text = _as(name, VALUE_WORKED_ANEW)
    assert error_lines(name, text) == []


# -- the rows of an equation being solved --------------------------------------------------------------------
SOLVING_ROWS = r"""# Intersections

Let $u(s) = s^2 + 5s$ and $w(s) = -s^2 - 5s$. Where do the graphs meet?

$$
\begin{aligned}
u(s) &= w(s) \\
s^2 + 5s &= -s^2 - 5s \\
2s^2 + 10s &= 0 \\
s(s + 5) &= 0
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_rows_rearranging_an_equation_are_posed(name: str) -> None:
    text = _as(name, SOLVING_ROWS)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, "s^2 + 5s &= -s^2 - 5s")] == ["not-a-claim"]


SOLVING_WRONG_STEP = r"""# Intersections

$$
\begin{aligned}
s^2 + 5s &= -s^2 - 5s \\
s^2 + 5s &= -s^2 - 7s \\
2s^2 + 12s &= 0
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_row_that_changes_the_roots_is_not_excused_by_later_rows(name: str) -> None:
    text = _as(name, SOLVING_WRONG_STEP)
    assert (_line(text, "-s^2 - 7s"), "math/false") in error_lines(name, text)


# -- a naming for another case --------------------------------------------------------------------------------
ANOTHER_CASE = r"""# Degrees of freedom

With $k$ classes the statistic has $f = k - 1$ degrees of freedom.

For the composite case, with two fitted parameters: $f = k - 1 - 2 = k - 3$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_naming_for_another_case_is_that_cases_own(name: str) -> None:
    text = _as(name, ANOTHER_CASE)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, "f = k - 1 - 2")
    assert [v for v, _ in verdicts] == ["not-a-claim", "proved"]
    slip = _as(name, slipped(ANOTHER_CASE, "= k - 3$", "= k - 4$"))
    assert error_lines(name, slip) == [(_line(slip, "= k - 4$"), "math/false")]


SAME_CASE_RESTATED = r"""# Degrees of freedom

With $k$ classes the statistic has $f = k - 1$ degrees of freedom.

Hence $f = k - 1 - 2 = k - 3$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_restatement_without_a_new_case_is_still_a_claim(name: str) -> None:
    text = _as(name, SAME_CASE_RESTATED)
    assert (_line(text, "f = k - 1 - 2"), "math/false") in error_lines(name, text)


# -- one computation split over two inline formulas -----------------------------------------------------------
SPLIT_SPANS = r"""# A step

From $c = 0$ with rate $0.5$:

1. $c = 0 - (0.5)$ $(\frac{1}{2}((0 - 2) + (0 - 6))) = 0 - (-2) = 2$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_inline_formula_that_goes_on_with_the_one_before_is_not_refuted_alone(name: str) -> None:
    text = _as(name, SPLIT_SPANS)
    assert error_lines(name, text) == []
    slip = _as(name, slipped(SPLIT_SPANS, "= 0 - (-2) = 2", "= 0 - (-2) = 3"))
    assert error_lines(name, slip) == [(_line(slip, "= 0 - (-2) = 3"), "math/false")]


APART_SPANS = r"""# A step

Take $c = 5$, and then $(\frac{1}{2}((0 - 2) + (0 - 6))) = 2$ is a slip.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_inline_formula_after_words_stands_alone(name: str) -> None:
    text = _as(name, APART_SPANS)
    assert error_lines(name, text) == [(_line(text, "= 2$ is a slip"), "math/false")]


MEET_THEN_VALUE = r"""# Intersections

Let $u(s) = s^2 + 5s$ and $w(s) = -s^2 - 5s$. Where do the graphs meet?

$$
\begin{aligned}
u(s) &= w(s) \\
s^2 + 5s &= -s^2 - 5s
\end{aligned}
$$

At one, $u(1) = 6$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_two_defined_functions_set_equal_is_an_equation_not_a_new_definition(name: str) -> None:
    text = _as(name, MEET_THEN_VALUE)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, "u(1) = 6")] == ["proved"]


SPACED_ARITHMETIC = r"""# Sums

$$
(0.1)\space(\frac{1}{3}(1 + 1 + 2)) \space = 0.133
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_spacing_macros_keep_arithmetic_arithmetic(name: str) -> None:
    text = _as(name, SPACED_ARITHMETIC)
    assert [v for v, r in _verdicts(name, text, r"(0.1)\space")] == ["proved"]
    slip = _as(name, slipped(SPACED_ARITHMETIC, "= 0.133", "= 0.143"))
    assert error_lines(name, slip) == [(_line(slip, "= 0.143"), "math/false")]


# -- secant, cosecant and cotangent ------------------------------------------------------------------------------
RECIPROCAL_TRIG = r"""# Derivatives

$$
\frac{d}{dx}\tan(x) = \sec^2(x), \qquad \frac{d}{dx}\cot(x) = -\csc^2(x)
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_secant_cosecant_and_cotangent_are_read(name: str) -> None:
    text = _as(name, RECIPROCAL_TRIG)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"\sec^2(x)")] == ["proved", "proved"]
    slip = _as(name, slipped(RECIPROCAL_TRIG, r"= \sec^2(x)", r"= \csc^2(x)"))
    assert error_lines(name, slip) == [(_line(slip, r"= \csc^2(x)"), "math/false")]


# -- a differential set upright as one word -----------------------------------------------------------------------
UPRIGHT_DIFFERENTIAL = r"""# Integrals

$$
\int 2\sin(v)\cos(v)\,\mathrm{dv} = \int \sin(2v)\,{\rm d}v
$$

$$
\int_0^{1} 3v^2\,{\rm dv} = 1
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_differential_set_upright_as_one_word_is_read(name: str) -> None:
    text = _as(name, UPRIGHT_DIFFERENTIAL)
    assert [v for v, _ in _verdicts(name, text, r"\mathrm{dv}")] == ["proved"]
    assert [v for v, _ in _verdicts(name, text, r"{\rm dv} = 1")] == ["proved"]
    slip = _as(name, slipped(UPRIGHT_DIFFERENTIAL, r"{\rm dv} = 1", r"{\rm dv} = 2"))
    assert error_lines(name, slip) == [(_line(slip, r"{\rm dv} = 2"), "math/false")]


# -- a decimal cut off with an ellipsis, inside a computation -------------------------------------------------
CUT_WITH_DOTS = r"""# Area

$$
\begin{aligned}
A &= \left(9 - {2 \over 3}\right) - 5 \\
  &= 9 - 0.66\dots - 5 \\
  &= 3.33\dots
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_decimal_cut_off_with_an_ellipsis_inside_a_side_is_read_to_its_digits(name: str) -> None:
    text = _as(name, CUT_WITH_DOTS)
    assert error_lines(name, text) == []
    slip = _as(name, slipped(CUT_WITH_DOTS, r"9 - 0.66\dots - 5", r"9 - 0.76\dots - 5"))
    assert (_line(slip, r"0.76\dots"), "math/false") in error_lines(name, slip)


# -- a remark on a row of its own inside a chain ---------------------------------------------------------------
REMARK_ROW = r"""# Substitution

$$
\begin{aligned}
&\int 2v\cos(v^2)\,dv \\
&Let\ s = v^2,\ ds = 2v\,dv \\
=&\int \cos(s)\,ds \\
=&\sin(s) + C
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_remark_row_does_not_take_the_place_of_the_chain(name: str) -> None:
    text = _as(name, REMARK_ROW)
    assert error_lines(name, text) == []
    links = _verdicts(name, text, r"=&\int \cos(s)\,ds")
    assert links and all("2v" not in reason for _, reason in links)
    from derive.check.run import check_document
    pairs = [(lk.left, lk.right) for lk in check_document(name, text).links]
    assert (r"\int 2v\cos(v^2)\,dv", r"\int \cos(s)\,ds") in pairs
    assert (r"\int \cos(s)\,ds", r"\sin(s) + C") in pairs  # the row after that one goes on with the chain too


# -- an exercise that starts at a heading ----------------------------------------------------------------------
EXERCISE_HEADINGS = r"""# Exercises

## Exercise 1

Here $P(M=0)=0.2$, so $P(M\geq 1) = 1 - P(M=0) = 0.8$.

## Exercise 2

Now $M$ is Poisson with mean $2$, so
$$
P(M\geq 1)=1-P(M=0)=1-e^{-2}=0.8647
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_exercise_heading_starts_its_own_values(name: str) -> None:
    text = _as(name, EXERCISE_HEADINGS)
    assert error_lines(name, text) == []


# -- a case posed with "if" in other languages is no value -------------------------------------------------------
CASE_IN_VIETNAMESE = r"""# Động lượng

$$
u_n = \gamma u_{n-1} + h_n
$$

- Nếu $\gamma = 0$: chỉ giữ gradient mới nhất.

Với $u_0 = 0$:
$$
u_n = \sum_{j=0}^{n-1} \gamma^j h_{n-j}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_case_posed_with_if_in_vietnamese_gives_no_value(name: str) -> None:
    text = _as(name, CASE_IN_VIETNAMESE)
    assert [v for v, r in _verdicts(name, text, r"\gamma = 0$: chỉ")] == ["not-a-claim"]
    assert "condition" in _verdicts(name, text, r"\gamma = 0$: chỉ")[0][1]
    assert error_lines(name, text) == []


# -- decimal commas the formulas themselves write ----------------------------------------------------------------
COMMAS_IN_MATH = r"""# Complement

$$
P(W>1) = 1-0,0123-0,2345=0.7532
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_decimal_commas_that_no_list_is_written_with_are_decimals(name: str) -> None:
    text = _as(name, COMMAS_IN_MATH)
    assert error_lines(name, text) == []
    assert "proved" in [v for v, _ in _verdicts(name, text, "0,0123")]
    slip = _as(name, slipped(COMMAS_IN_MATH, "=0.7532", "=0.7632"))
    assert error_lines(name, slip) == [(_line(slip, "=0.7632"), "math/false")]


# -- a sum of many terms each rounded, beside their exact values -------------------------------------------------
MANY_ROUNDED_TERMS = r"""# Poisson

$$
e^{-4}\frac{4^0}{0!}+e^{-4}\frac{4^1}{1!}+e^{-4}\frac{4^2}{2!}+e^{-4}\frac{4^3}{3!}+e^{-4}\frac{4^4}{4!}+e^{-4}\frac{4^5}{5!}
= 0.0183+0.0733+0.1465+0.1954+0.1954+0.1563
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_sum_of_many_rounded_terms_is_read_to_their_digits(name: str) -> None:
    text = _as(name, MANY_ROUNDED_TERMS)
    assert error_lines(name, text) == []
    slip = _as(name, slipped(MANY_ROUNDED_TERMS, "+0.1563", "+0.1663"))
    assert error_lines(name, slip) == [(_line(slip, "+0.1663"), "math/false")]


# -- an ellipsis standing for terms in a computation --------------------------------------------------------------
ELIDED_TERMS = r"""# Means

The residuals are $r = [-30, -10, -50, -70]$, with mean $\frac{1}{4}[(-30) + (-10) + \dots] = -40$.

Also $1 + 2 + \dots + 10 = 55$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_ellipsis_of_terms_in_arithmetic_is_never_refuted(name: str) -> None:
    text = _as(name, ELIDED_TERMS)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, "1 + 2 + \\dots + 10 = 55")] == ["undecided"]


CASE_THEN_EXPANSION = r"""# Momentum

$$v_n = \rho v_{n-1} + g_{n,n-1}$$

- If $\rho = 0$: only the newest gradient counts.

Starting from $v_0 = 0$:

\begin{aligned}
v_n &= \sum_{\tau=0}^{n-1} \rho^\tau g_{n-\tau,n-\tau-1} \\
&= g_{n,n-1} + \rho g_{n-1,n-2} + \rho^2 g_{n-2,n-3} + \cdots
\end{aligned}
"""


@pytest.mark.parametrize("name", ["doc.md"])  # (an environment bare in Markdown, as GitHub's MathJax typesets it)
def test_a_case_posed_with_if_is_never_put_into_the_expansion_after_it(name: str) -> None:
    text = _as(name, CASE_THEN_EXPANSION)
    assert error_lines(name, text) == []


# -- the derivative in one term of a sum -------------------------------------------------------------------------
SOFTMAX_QUOTIENT = r"""# Softmax

Let $r_j = \frac{e^{a_j}}{\sum_l e^{a_l}}$. By the quotient rule,
$$
\frac{\partial r_j}{\partial a_j} = \frac{e^{a_j} \sum_l e^{a_l} - e^{a_j} e^{a_j}}{(\sum_l e^{a_l})^2}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_derivative_in_one_term_of_a_sum_keeps_that_term(name: str) -> None:
    text = _as(name, SOFTMAX_QUOTIENT)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"\frac{\partial r_j}{\partial a_j}")] == ["proved"]
    slip = _as(name, slipped(SOFTMAX_QUOTIENT, "- e^{a_j} e^{a_j}}", "+ e^{a_j} e^{a_j}}"))
    assert error_lines(name, slip) == [(_line(slip, "+ e^{a_j} e^{a_j}}"), "math/false")]


MIXED_COMMAS = r"""# Means

$$
\bar{x} = \frac{1}{8} \cdot 26,8 = 3,35
$$

$$
s = 0,0123 + 0,2345
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_formulas_with_a_comma_a_list_could_be_are_not_read_with_decimal_commas(name: str) -> None:
    text = _as(name, MIXED_COMMAS)  # 26,8 read as a list while 3,35 is a decimal: "8 = 3.35" was refuted
    assert error_lines(name, text) == []


GERMAN_IM = r"""# Intervall

Es gilt $x^2 + 2x = x(x + 2) \text{ im } [0, 1]$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_german_word_im_between_formulas_is_still_prose(name: str) -> None:
    text = _as(name, GERMAN_IM)
    assert [v for v, _ in _verdicts(name, text, "x^2 + 2x = x(x + 2)")] == ["proved"]
