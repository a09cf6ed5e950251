r"""Readings added in stop 49. Fixtures are written here, in my own words and symbols (the notes themselves are not
stored); each has a correct copy and a slip."""
from __future__ import annotations

import pytest

from fixture_docs import as_sections as _as, error_lines, line_of as _line, slipped, verdicts_at as _verdicts

# -- an example that names a letter anew through a function it leaves open ----------------------------------------
RENAMED_THROUGH_AN_OPEN_FUNCTION = r"""# Examples

Take $r = y^3$, so that $r + 2 = y^3 + 2$.

## Example

Now let $r = k(q)$ for a general $k$. Then

$$
r + 2 = k(q) + 2
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_later_example_names_a_letter_anew_through_an_open_function(name: str) -> None:
    text = _as(name, RENAMED_THROUGH_AN_OPEN_FUNCTION)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, "r + 2 = k(q) + 2")] == ["proved"]


SAME_SECTION = r"""# Example

Take $r = y^3$ and write it $r = k(y)$ with $k$ the cube. Then

$$
r + 2 = y^3 + 2
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_open_function_in_the_section_that_named_the_letter_does_not_rename_it(name: str) -> None:
    text = _as(name, SAME_SECTION)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, "r + 2 = y^3 + 2")] == ["proved"]
    slip = _as(name, slipped(SAME_SECTION, "r + 2 = y^3 + 2", "r + 2 = y^3 + 1"))
    assert error_lines(name, slip) == [(_line(slip, "r + 2 = y^3 + 1"), "math/false")]


# -- a general change of variable u = f^{-1}(x), then an example that works it for one f --------------------------
OPEN_INVERSE = r"""# Substitutions

Put $s = \sqrt{t}$, so that $s^2 = t$.

## A general change of variable

With $s = g^{-1}(t)$ we have $t = g(s)$. For the inverse tangent:

$$
t\arctan(t) - \ln\cos(s) = t\arctan(t) - \ln\cos(\arctan(t))
$$

and, whatever $g$ is, $2s + t = s + t + s$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_link_that_works_an_open_function_for_a_known_one_is_undecided(name: str) -> None:
    text = _as(name, OPEN_INVERSE)
    assert error_lines(name, text) == []
    worked = _verdicts(name, text, r"t\arctan(t) - \ln\cos(s)")
    assert [v for v, _ in worked] == ["undecided"] and "the function g" in worked[0][1], worked
    assert [v for v, _ in _verdicts(name, text, "2s + t = s + t + s")] == ["proved"]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_link_that_writes_no_known_function_is_still_refuted(name: str) -> None:
    text = _as(name, slipped(OPEN_INVERSE, "2s + t = s + t + s", "2s + t = s + 2t"))
    assert error_lines(name, text) == [(_line(text, "2s + t = s + 2t"), "math/false")]


# -- a step that puts in a value the notes take for granted (h = (b − a)/n) ---------------------------------------
UNWRITTEN_WIDTH = r"""# Midpoints

Split $[p, q]$ into $m$ pieces. On one piece,

$$
\frac{1}{2}\int_0^s (st - t^2)\,dt = \frac{1}{2}\left(\frac{s^3}{2} - \frac{s^3}{3}\right) = \frac{s^3}{12},
$$

and $T = \int_p^q g(x)\,dx$ is what the rule approximates. Adding the $m$ pieces,

$$
\lvert R \rvert \leq m \cdot \frac{C s^3}{12} = \frac{C (q - p)^3}{12 m^2}.
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_step_that_puts_in_an_unwritten_value_is_undecided_and_names_it(name: str) -> None:
    text = _as(name, UNWRITTEN_WIDTH)
    assert error_lines(name, text) == []
    step = _verdicts(name, text, r"m \cdot \frac{C s^3}{12}")
    assert [v for v, _ in step] == ["undecided"] and "s = (−p + q)/m" in step[0][1], step


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("new", [r"\frac{C (q - p)^3}{12 m}", r"\frac{C (q - p)^3}{24 m^2}",   # a root of m, of 2
                                 r"\frac{C (q - p)^2}{12 m^2}", r"m \cdot \frac{C q^3}{12}"])  # q for s: a typo
def test_a_slip_that_no_natural_value_explains_stays_false(name: str, new: str) -> None:
    text = _as(name, slipped(UNWRITTEN_WIDTH, r"\frac{C (q - p)^3}{12 m^2}", new))
    assert error_lines(name, text) == [(_line(text, new), "math/false")]


# -- "at $x = c$": the point a formula is taken at -----------------------------------------------------------------
AT_A_POINT = r"""# Tangent

The tangent line to $g$ at $y = q$ has slope $g'(q)$.

Let $z = q$.

At $y = 2$ we get $y^2 + 1 = 5$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_letter_set_to_a_point_after_at_is_no_naming(name: str) -> None:
    text = _as(name, AT_A_POINT)
    assert error_lines(name, text) == []
    point = _verdicts(name, text, "y = q")
    assert [v for v, _ in point] == ["not-a-claim"] and "the point a formula is taken at" in point[0][1], point
    assert "definition" in _verdicts(name, text, "z = q")[0][1]  # "let" still names
    assert [v for v, _ in _verdicts(name, text, "y^2 + 1 = 5")] == ["not-a-claim", "proved"]  # y = 2: an example
    slip = _as(name, slipped(AT_A_POINT, "y^2 + 1 = 5", "y^2 + 1 = 6"))
    assert error_lines(name, slip) == [(_line(slip, "y^2 + 1 = 6"), "math/false")]


# -- a new system in a later section: its rows are equations, not arithmetic on the last example's solution -----------
TWO_SYSTEMS = r"""# Elimination

## First example

The last row gives $c_3 = 2$; putting it in gives $c_2 = -1$ and then $c_1 = 4$.

## Second example

Another system. Eliminating the first unknown gives

$$
\begin{aligned}
c_1 + 2c_2 - c_3 &= 0 \\
5c_2 - 3c_3 &= 7
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_system_posed_in_a_later_section_is_not_checked_against_an_old_solution(name: str) -> None:
    text = _as(name, TWO_SYSTEMS)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, "5c_2 - 3c_3 &= 7")] == ["not-a-claim"]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_row_checked_in_the_section_that_gives_the_values_is_still_arithmetic(name: str) -> None:
    same = TWO_SYSTEMS.replace("## Second example\n\nAnother system. Eliminating the first unknown gives", "Check:")
    assert [v for v, _ in _verdicts(name, _as(name, same), "5c_2 - 3c_3 &= 7")] == ["false"]  # 5(−1) − 6 = −11


# -- "0 = −1": the contradiction an elimination reaches ------------------------------------------------------------
CONTRADICTION = r"""# No solution

Subtracting the rows leaves

$$
0 = -3
$$

and the statement $0 = -3$ is false, so there is no solution. By contrast $2 + 3 = 5$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_two_different_bare_numbers_are_a_contradiction_not_a_slip(name: str) -> None:
    text = _as(name, CONTRADICTION)
    assert error_lines(name, text) == []
    reached = _verdicts(name, text, "0 = -3\n")
    assert [v for v, _ in reached] == ["not-a-claim"] and "contradiction" in reached[0][1], reached
    chain = _as(name, slipped(CONTRADICTION, "$2 + 3 = 5$", "$2 + 3 = 5 = 6$"))
    assert error_lines(name, chain) == [(_line(chain, "2 + 3 = 5 = 6"), "math/false")]
    computed = _as(name, slipped(CONTRADICTION, "$2 + 3 = 5$", "$2 + 3 = 6$"))
    assert error_lines(name, computed) == [(_line(computed, "2 + 3 = 6"), "math/false")]


# -- "such that $y(0) = 2$": a condition of the next example -------------------------------------------------------
SUCH_THAT = r"""# Initial values

Solve $p' = 6s^2$ with $p(0) = 3$. Then $p(s) = 2s^3 + K$ and $p(0) = 3 = 2 \cdot 0^3 + K$, so $K = 3$.

Next, take $p' = 4p$ such that $p(0) = 5$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_value_after_such_that_is_a_condition(name: str) -> None:
    text = _as(name, SUCH_THAT)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, "p(0) = 5")][-1] == "not-a-claim"


# -- ≈ an integer: rounded to its last nonzero digit ---------------------------------------------------------------
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("written, verdict", [(r"\sqrt{5.3} \approx 2", "proved"), (r"\sqrt{5.3} \approx 3", "false"),
                                              (r"\sqrt{380} \approx 20", "proved"), (r"\sqrt{380} \approx 30", "false"),
                                              (r"\sqrt{5.3} = 2", "false")])
def test_an_integer_after_approx_shows_its_rounding(name: str, written: str, verdict: str) -> None:
    text = _as(name, f"# Spread\n\nThe spread is ${written}$.\n")
    assert [v for v, _ in _verdicts(name, text, written)] == [verdict]


# -- 12δ(0): a Greek letter applied to a number is a call ------------------------------------------------------------
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_greek_letter_at_a_number_may_be_a_call(name: str) -> None:
    text = _as(name, "# Source\n\nAt the start $u(0) = 7\\delta(0) = 7$.\n")
    assert error_lines(name, text) == []
    assert "may be a function of its argument" in _verdicts(name, text, "7\\delta(0) = 7")[-1][1]
    plain = _as(name, "# Source\n\nAt the start $7 \\cdot 0 = 7$.\n")
    assert error_lines(name, plain) == [(_line(plain, "7 \\cdot 0 = 7"), "math/false")]


# -- |z|² of a complex number ----------------------------------------------------------------------------------------
COMPLEX = r"""# Complex numbers

Write $w = p + jq$ with $p$ the real part, $q$ the imaginary part and $j$ the imaginary unit, and its conjugate
$\bar{w} = p - jq$. Then

$$
w \bar{w} = |w|^2
$$

and $w \bar{w} = p^2 + q^2$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_modulus_of_a_complex_number_is_not_refuted_as_a_real_absolute_value(name: str) -> None:
    text = _as(name, COMPLEX)
    assert error_lines(name, text) == []
    modulus = _verdicts(name, text, r"w \bar{w} = |w|^2")
    assert [v for v, _ in modulus] == ["undecided"] and "complex" in modulus[0][1], modulus
    slip = _as(name, slipped(COMPLEX, "p^2 + q^2$.", "p^2 - q^2$."))
    assert error_lines(name, slip) == [(_line(slip, "p^2 - q^2"), "math/false")]


# -- a condition stated with "Given … where", then restated to open the derivation ---------------------------------
EIGEN = r"""# Eigenvalues

Given $B \cdot x = \mu \cdot x$ where $B$ is a square matrix and $x \neq 0$, each such $\mu$ is an eigenvalue.
Starting from that equation:

$$
B \cdot x = \mu \cdot x \\
B \cdot x - \mu \cdot x = 0
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_stated_condition_restated_keeps_its_reading(name: str) -> None:
    text = _as(name, EIGEN)
    assert error_lines(name, text) == []
    again = _verdicts(name, text, "B \\cdot x = \\mu \\cdot x \\\\")
    # the words call B a matrix, so the row is read in matrix algebra: it follows from the equation stated before;
    # where the words call it no matrix ("a linear map"), the row keeps the first reading
    other = text.replace("is a square matrix", "is a linear map")
    same = _verdicts(name, other, "B \\cdot x = \\mu \\cdot x \\\\")
    assert [v for v, _ in same] == ["not-a-claim"] and "the same link as on line" in same[0][1], same
    assert again == [("proved", "a rearrangement of the equation just before (its terms, entry by entry on random "
                                "matrices) (line 3)")], again


# -- the instant of an initial condition proves nothing of a function of t ----------------------------------------
CIRCUIT = r"""# Circuit

Initial condition: $s = 0$.

$$
q_{C}(s) = 4e^{-5s} + M
$$

With $q_{C}(0) = 0$ we get $M = -4$, so

$$
q_{C}(s) = 4e^{-7s} - 4
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_of_t_is_not_proved_at_the_initial_instant(name: str) -> None:
    text = _as(name, CIRCUIT)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, "q_{C}(s) = 4e^{-7s} - 4")] == ["undecided"]


# -- an outer product is a matrix ------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_outer_product_over_an_inner_one_is_not_proved_one(name: str) -> None:
    text = _as(name, "# Projection\n\nFor a vector $a$,\n\n$$\n\\frac{aa^{T}}{a^{T}a} = 1\n$$\n")
    assert [v for v, _ in _verdicts(name, text, r"\frac{aa^{T}}{a^{T}a} = 1")] == ["undecided"]
    inner = _as(name, "# Projection\n\nFor a vector $a$,\n\n$$\n\\frac{a^{T}a}{a^{T}a} = 1\n$$\n")
    assert [v for v, _ in _verdicts(name, inner, r"\frac{a^{T}a}{a^{T}a} = 1")] == ["proved"]


# -- a list of rules: an item that starts with a power or a sum names nothing ------------------------------------------
RULES = r"""# Rules

- $(pq)^n = p^n q^n$
- $(p^2)^3 = p^6$
- $\sum_{k=1}^{N} (u_k + v_k) = \sum_{k=1}^{N} u_k + \sum_{k=1}^{N} v_k$
- $\sum_{k=1}^{N} c = N c$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [("p^6$", "p^5$"),
                                      ("= N c$", "= N + c$")])
def test_a_wrong_rule_in_a_list_is_false(name: str, old: str, new: str) -> None:
    text = _as(name, RULES)
    assert error_lines(name, text) == []
    slip = _as(name, slipped(RULES, old, new))
    assert error_lines(name, slip) == [(_line(slip, new), "math/false")]


# -- the next example's function: its initial value and its differential equation are posed, not checked ----------
NEXT_EXAMPLE = r"""# Equations

## Growth

Solve $q' = 6s^2$ such that $q(0) = 3$. Then $q(s) = 2s^3 + K$ and $q(0) = 3 = 2 \cdot 0^3 + K$, so $K = 3$,
and the solution is $q(s) = 2s^3 + 3$.

## Decay

Consider $q' = -2q$ such that $q(0) = 5$.

A constant solution of the differential equation $\frac{dq}{ds} = 3sq^2$ is $q = 0$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_next_examples_function_is_posed_not_checked_against_the_last(name: str) -> None:
    text = _as(name, NEXT_EXAMPLE)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, "such that $q(0) = 5$")][-1] == "not-a-claim"
    assert [v for v, _ in _verdicts(name, text, r"\frac{dq}{ds} = 3sq^2")][0] == "not-a-claim"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("lead, verdict", [("We study the equation", "not-a-claim"), ("Решим уравнение", "not-a-claim"),
                                           ("We study", "false")])
def test_a_formula_right_after_the_word_equation_is_posed(name: str, lead: str, verdict: str) -> None:
    text = _as(name, f"# Roots\n\n{lead} $r^2 + 2 = 3r$ next.\n")
    assert [v for v, _ in _verdicts(name, text, "r^2 + 2 = 3r")] == [verdict]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_rule_in_a_list_that_does_not_parse_says_so(name: str) -> None:
    text = _as(name, "# Rules\n\n- $b^{m^n} = b^{mn}$\n- $x_1 = 4$\n")
    rule = _verdicts(name, text, "b^{m^n} = b^{mn}")
    assert [v for v, _ in rule] == ["undecided"] and "could not be parsed" in rule[0][1], rule
    assert [v for v, _ in _verdicts(name, text, "x_1 = 4")] == ["not-a-claim"]  # a plain name in a list: a value


# -- F(x)|_a^b: the difference of an antiderivative's values -----------------------------------------------------
BARS = r"""# By parts

$$
\int_1^3 s \log(s)\, ds = \left(\log(s) \cdot \frac{s^2}{2}\right) \Big|_1^3 - \int_1^3 \frac{s}{2}\, ds
= \frac{9}{2}\log(3) - \left(\frac{s^2}{4}\right)\Big|_1^3 = \frac{9}{2}\log(3) - 2
$$

and

$$
\frac{1}{3}\int_0^q (qr - r^2)\,dr = \frac{1}{3} \left(\frac{qr^2}{2} - \frac{r^3}{3}\right)\Big|_0^q = \frac{q^3}{18}
$$

while $uw\Big|_0^1 = 1$ names two letters.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_evaluation_bar_with_bounds_is_the_difference_of_the_values(name: str) -> None:
    text = _as(name, BARS)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"\int_1^3 s \log(s)")] == ["proved"]
    assert [v for v, _ in _verdicts(name, text, r"= \frac{9}{2}\log(3) - 2")] == ["proved", "proved"]
    assert [v for v, _ in _verdicts(name, text, r"\frac{1}{3}\int_0^q")] == ["proved", "proved"]
    two = _verdicts(name, text, r"uw\Big|_0^1 = 1")
    assert [v for v, _ in two] == ["undecided"] and "could not be parsed" in two[0][1], two


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [(r"\log(3) - 2", r"\log(3) - 3"), (r"= \frac{q^3}{18}", r"= \frac{q^3}{12}")])
def test_a_slip_after_an_evaluation_bar_is_false(name: str, old: str, new: str) -> None:
    text = _as(name, slipped(BARS, old, new))
    assert error_lines(name, text) == [(_line(text, new), "math/false")]


# -- iterated integrals and a differential written as a numerator -------------------------------------------------
ITERATED = r"""# Moments

$$
E(UV) = \int_{0}^{1}\int_{0}^{v} uv\,(3v)\;du\;dv = \frac{3}{10}
$$

and $\int_0^1\int_0^1\int_0^1 p^2 q r\,dp\,dq\,dr = \frac{1}{12}$, while $\int_1^4 \frac{dz}{z} = \ln 4$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_iterated_integrals_and_a_differential_over_a_denominator_are_read(name: str) -> None:
    text = _as(name, ITERATED)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"= \frac{3}{10}")][-1] == "proved"
    assert [v for v, _ in _verdicts(name, text, r"p^2 q r\,dp\,dq\,dr")] == ["proved", "proved"]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [(r"= \frac{3}{10}", r"= \frac{3}{8}"), (r"= \frac{1}{12}$", r"= \frac{1}{6}$"),
                                      (r"= \ln 4$", r"= \ln 3$")])
def test_a_slip_in_an_iterated_integral_is_false(name: str, old: str, new: str) -> None:
    text = _as(name, slipped(ITERATED, old, new))
    assert (_line(text, new), "math/false") in error_lines(name, text)


# -- exercises: each poses its own values, and an equation the notes go on to solve is no claim ---------------------
EXERCISES = r"""# Exercises

**Exercise 1.** Solve $3y = 12$.

$$
y = 4
$$

**Exercise 2.** Solve $2^y = 5$.

$$
y \ln 2 = \ln 5
$$

**Exercise 3.** Let $c = 2$. Then $c + 5 = 7$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_value_from_an_earlier_exercise_is_not_put_into_the_next(name: str) -> None:
    text = _as(name, EXERCISES)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"y \ln 2 = \ln 5")] == ["not-a-claim"]
    slip = _as(name, slipped(EXERCISES, "$c + 5 = 7$", "$c + 5 = 8$"))  # within one exercise, still arithmetic
    assert error_lines(name, slip) == [(_line(slip, "c + 5 = 8"), "math/false")]
    same = _as(name, EXERCISES.replace("**Exercise 2.** Solve $2^y = 5$.", "Then $2^y = 16$."))
    assert [v for v, _ in _verdicts(name, same, "2^y = 16")][-1] == "proved"  # no new exercise: y = 4 holds


SOLVED = r"""# Logarithms

Solution of exercise 4:

$$
\log_3(v^2 + 5v + 6) = 2 + \log_3(v^2 + 2v)
$$

$$
\frac{v + 3}{v} = 9
$$

$$
v + 3 = 9v
$$

$$
v = \frac{3}{8}
$$

A tank cools as $T = 20 + 60e^{-0.1s}$; after $s = 2$ minutes $T = 69.1$. It reaches 40 when

$$
20 + 60e^{-0.1s} = 40
$$

that is $s = 10.99$ minutes.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_equation_the_notes_go_on_to_solve_is_no_claim(name: str) -> None:
    text = _as(name, SOLVED)
    assert error_lines(name, text) == []
    for step in (r"\log_3(v^2 + 5v + 6)", "v + 3 = 9v", "20 + 60e^{-0.1s} = 40"):
        found = _verdicts(name, text, step)
        assert [v for v, _ in found][-1] == "not-a-claim" and "go on to solve" in found[-1][1], (step, found)
    assert [v for v, _ in _verdicts(name, text, r"\frac{v + 3}{v} = 9")] == ["not-a-claim"]  # a constant side


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [("v + 3 = 9v", "v + 3 = 7v"), ("= 40\n", "= 45\n")])
def test_a_step_the_root_does_not_satisfy_is_still_false(name: str, old: str, new: str) -> None:
    text = _as(name, slipped(SOLVED, old, new))
    assert (_line(text, new.strip()), "math/false") in error_lines(name, text)


# -- decimals written without their leading zero, and a percentage after ≈ ---------------------------------------
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("written, verdict", [(r"\frac{1}{7} = .142857", "proved"), (r"\frac{1}{7} = .1430", "false"),
                                              # (two places: no rounding rule but the digits shown reads it)
                                              (r"\frac{1}{7} = .14", "proved"), (r"\frac{1}{7} = .15", "false"),
                                              (r"\frac{1}{7} \approx 14\%", "proved"),
                                              (r"\frac{1}{7} \approx 15\%", "false")])
def test_a_decimal_without_its_leading_zero_and_a_percentage_show_their_digits(name: str, written: str,
                                                                                verdict: str) -> None:
    text = _as(name, f"# Odds\n\nThe chance is ${written}$.\n")
    assert [v for v, _ in _verdicts(name, text, written)] == [verdict]


# -- a result solved from the first of two conditions --------------------------------------------------------------
TWO_CONDITIONS = r"""# Warming

When $s = 0$: $70 = P + Q$.

When $s = 2$: $50 = P + Qe^{-0.4}$.

From the first condition:

$$
P = 70 - Q
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_result_may_solve_an_earlier_condition_than_the_nearest(name: str) -> None:
    text = _as(name, TWO_CONDITIONS)
    assert error_lines(name, text) == []
    found = _verdicts(name, text, "P = 70 - Q")
    assert [v for v, _ in found] == ["proved"] and "condition on line 3" in found[0][1], found
    slip = _as(name, slipped(TWO_CONDITIONS, "P = 70 - Q", "P = 75 - Q"))
    errors = [f for f in __import__("derive.check.run", fromlist=["check_document"]).check_document(name, slip).findings
              if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(_line(slip, "P = 75 - Q"), "math/false")]
    assert "condition on line 5" in errors[0].message  # the nearest condition names the slip


# -- integers the words declare, \cancel, words typed in a formula, \log to base 10, a row of a general system ----
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_letter_the_words_make_an_integer_is_one(name: str) -> None:
    text = _as(name, "# Series\n\nFor every integer $m \\ge 1$,\n\n$$\n\\frac{\\sin(m\\pi)}{m} + \\cos(m\\pi) = (-1)^m\n$$\n")
    assert [v for v, _ in _verdicts(name, text, r"\cos(m\pi) = (-1)^m")] == ["proved"]
    plain = _as(name, "# Series\n\nFor every $m \\ge 1$,\n\n$$\n\\frac{\\sin(m\\pi)}{m} + \\cos(m\\pi) = (-1)^m\n$$\n")
    assert [v for v, _ in _verdicts(name, plain, r"\cos(m\pi) = (-1)^m")] != ["proved"]
    slip = _as(name, "# Series\n\nFor every integer $m \\ge 1$,\n\n$$\n\\frac{\\sin(m\\pi)}{m} + \\cos(m\\pi) = (-1)^{m+1}\n$$\n")
    assert error_lines(name, slip) == [(_line(slip, "(-1)^{m+1}"), "math/false")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("written, said", [
    (r"\frac{(q - 1)(q + 3)}{q - 1} = \frac{\cancel{(q - 1)}(q + 3)}{\cancel{q - 1}} + 1", "struck through"),
    (r"q = 0 or r q = 2", "a word typed inside the formula")])
def test_annotations_and_words_inside_a_formula_are_not_refuted(name: str, written: str, said: str) -> None:
    text = _as(name, f"# Notes\n\nWe write\n\n$$\n{written}\n$$\n")
    assert error_lines(name, text) == []
    assert any(said in r for _, r in _verdicts(name, text, written.split(" = ")[0])), _verdicts(name, text, written[:8])


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("written, verdict", [(r"\log(100 u) = 2 + \log(u)", "proved"), (r"\log(10000) = 4", "proved"),
                                              (r"\ln(100 u) = 2 + \ln(u)", "false"), (r"\log(100 u) = 3 + \log(u)", "false")])
def test_log_without_a_base_may_be_the_common_logarithm(name: str, written: str, verdict: str) -> None:
    text = _as(name, f"# Logs\n\nFirst $\\log(100 u) = 2 + \\log(u)$.\n\nThen ${written}$.\n")
    assert [v for v, _ in _verdicts(name, text, written)][-1] == verdict


GENERAL_SYSTEM = r"""# Systems

- $\begin{equation*}
 \begin{cases}
   c_{11}z_{1} + c_{12}z_{2} + \dots + c_{1m}z_{m} = d_{1} \\
   c_{21}z_{1} + c_{22}z_{2} + \dots + c_{2m}z_{m} = d_{2} \\
   \end{cases}
  \end{equation*}$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_row_of_a_general_system_is_an_equation(name: str) -> None:
    text = _as(name, GENERAL_SYSTEM)
    assert error_lines(name, text) == []
    assert {v for v, _ in _verdicts(name, text, "c_{11}z_{1}")} == {"not-a-claim"}


QUADRATIC = r"""# Forms

$u \in \mathbb{R}^n, \quad g(u) = u^T B u$

$g(u + h) = (u^T + h^T) B (u + h) = \underbrace{u^TBu}_{g(u)} + \underbrace{u^TBh + uBh^T}_{Dg(u)[h]} + \underbrace{h^TBh}_{o(h)}$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_capital_inside_a_quadratic_form_is_a_matrix(name: str) -> None:
    """x^TAx: the scalar reading commutes A past the vectors, and so proved a misplaced transpose (uBh^T)."""
    text = _as(name, QUADRATIC)
    assert "math/false" not in {code for _, code in error_lines(name, text)}
    assert [v for v, _ in _verdicts(name, text, "= (u^T + h^T) B (u + h)")][-1] != "proved"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_italian_se_before_a_formula_states_a_condition(name: str) -> None:
    text = _as(name, "# Serie\n\nEsempio: $g(t) = \\cos(t^3)$.\n\nSe $g$ è pari ($g(-t)=g(t)$), allora $c_n = 0$.\n")
    assert [v for v, _ in _verdicts(name, text, "g(-t)=g(t)")][0] == "not-a-claim"


@pytest.mark.parametrize("name", ["doc.md"])
def test_a_rule_between_a_problem_and_its_answer_keeps_the_values(name: str) -> None:
    text = _as(name, "# Q1\n\nFind the difference of $p = 9$ and $q = 4$.\n\n---\n\n### Answer\n\n$$\np - q = 9 - 4 = 5\n$$\n")
    assert [v for v, _ in _verdicts(name, text, "p - q = 9 - 4")] == ["proved", "proved"]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("lead", ["Hence", "For $r \\ge 0$:"])
def test_a_claimed_or_ranged_step_is_not_excused_by_a_later_root(name: str, lead: str) -> None:
    text = _as(name, f"# Roots\n\n{lead} $r^2 = 3r + r^2$.\n\nThe root is $r = 0$.\n")
    assert error_lines(name, text) == [(_line(text, "r^2 = 3r + r^2"), "math/false")]
