"""Readings added in stop 45. Fixtures are written here, in my own words and symbols (the notes themselves are not
stored); each has a correct copy and a slip."""
from __future__ import annotations

import pytest

from derive.check.imaginary import imaginary_letter
from derive.check.run import check_document
from fixture_docs import as_sections as _as, error_lines, line_of as _line, slipped, verdicts_at as _verdicts

# -- the imaginary unit, made so by the document ------------------------------------------------------------------
CHARACTERISTIC = r"""# Characteristic functions

Here $i$ is the imaginary unit. The characteristic function of a point mass at $a$ is

$$\varphi(t) = e^{i t a}$$

Its derivatives at zero give the moments:

$$\varphi'(0) = i a$$

$$\varphi''(0) = -a^2$$

Worked by hand, the product of two such factors is

$$-\left\{ i a (i a + i) \right\} = a^2 + a$$

and the index of a sum stays an index:

$$\sum_{i=1}^{n} i = \frac{n(n+1)}{2}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_letter_the_prose_calls_the_imaginary_unit_squares_to_minus_one(name: str) -> None:
    text = _as(name, CHARACTERISTIC)
    assert error_lines(name, text) == []
    for snippet in (r"\varphi'(0) = ", r"\varphi''(0) = ", r"-\left\{ i a", r"\sum_{i=1}^{n} i = "):
        assert [v for v, _ in _verdicts(name, text, snippet)] == ["proved"], snippet


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [(r"\varphi''(0) = -a^2", r"\varphi''(0) = a^2"),
                                      (r"\varphi'(0) = i a", r"\varphi'(0) = 2 i a"),  # both sides imaginary
                                      (r"= a^2 + a$$", r"= a^2 - a$$")])
def test_a_slip_with_the_imaginary_unit_is_false_on_its_line(name: str, old: str, new: str) -> None:
    text = slipped(_as(name, CHARACTERISTIC), old, new)
    assert error_lines(name, text) == [(_line(text, new), "math/false")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_document_that_never_says_so_keeps_i_a_real_letter(name: str) -> None:
    # without the words, i is a letter like any other: −i²a² is not −a², and the line is read as a slip
    text = slipped(_as(name, CHARACTERISTIC), "Here $i$ is the imaginary unit. ", "")
    assert (_line(text, r"\varphi''(0) = "), "math/false") in error_lines(name, text)


@pytest.mark.parametrize("formula, prose, letter", [
    (r"i^2 = -1", "", "i"),
    (r"i^{2} = −1", "", "i"),
    (r"j = \sqrt{-1}", "", "j"),
    (r"\sqrt{-1} = i", "", "i"),
    ("x = 1", "где $i$ — мнимая единица, а", "i"),
    ("x = 1", "ここで $i$ は虚数単位である", "i"),
    ("x = 1", "the imaginary unit $j$ of electrical engineers", "j"),
])
def test_the_imaginary_unit_is_read_from_its_property_or_its_name(formula: str, prose: str, letter: str) -> None:
    assert imaginary_letter([formula], prose) == letter


@pytest.mark.parametrize("formula, prose", [
    (r"x_i^2 = -1", ""),  # a subscript, not the letter
    (r"\pi^2 = -1", ""),
    (r"i^2 = -10", ""),
    ("x = 1", "the imaginary unit is written $i$ or $j$"),  # which letter? none is taken
    ("x = 1", "the index $i$ runs over the samples"),
])
def test_other_letters_and_plain_indices_are_not_the_imaginary_unit(formula: str, prose: str) -> None:
    assert imaginary_letter([formula], prose) is None


# -- a worked step of the rule in scope, written with numbers in place of its names ---------------------------------
WORKED_AVERAGE = r"""# Moving averages

The moving average of a sequence $x_1, x_2, \ldots$ with decay $\beta$ is

$$v_t = \beta v_{t-1} + (1 - \beta) x_t$$

starting from $v_0 = 0$. With $\beta = 0.9$ and the sequence $1, 2, 3$ we get

$$
\begin{aligned}
v_1 &= 0.9 \cdot 0 + 0.1 \cdot 1 = 0.1 \\
v_2 &= 0.9 \cdot 0.1 + 0.1 \cdot 2 = 0.29 \\
v_3 &= 0.9 \cdot 0.29 + 0.1 \cdot 3 = 0.561
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_step_of_the_rule_is_matched_with_the_rule_at_its_step(name: str) -> None:
    text = _as(name, WORKED_AVERAGE)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, r"v_2 &= ")
    assert verdicts[0][0] == "undecided", verdicts  # x_2 comes from words: taken as put in, not proved
    assert "the rule for v_t at t = 2" in verdicts[0][1] and "x_{2} = 2 as put in" in verdicts[0][1]
    assert "v_{1} = 0.1" in verdicts[0][1] and "\\beta = 0.9" in verdicts[0][1]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_step_whose_inputs_are_all_given_is_proved(name: str) -> None:
    text = slipped(_as(name, WORKED_AVERAGE), "the sequence $1, 2, 3$", "$x_1 = 1$, $x_2 = 2$, $x_3 = 3$")
    assert error_lines(name, text) == []
    for snippet in (r"v_1 &= ", r"v_2 &= ", r"v_3 &= "):
        assert [v for v, _ in _verdicts(name, text, snippet)] == ["proved", "proved"], snippet


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [
    (r"v_2 &= 0.9 \cdot 0.1 + 0.1 \cdot 2 = 0.29", r"v_2 &= 0.9 \cdot 0.2 + 0.1 \cdot 2 = 0.38"),  # v_1 copied wrong
    (r"v_3 &= 0.9 \cdot 0.29 + 0.1 \cdot 3 = 0.561", r"v_3 &= 0.8 \cdot 0.29 + 0.1 \cdot 3 = 0.532"),  # β copied wrong
])
def test_a_worked_step_with_a_wrong_input_is_false_on_its_line_only(name: str, old: str, new: str) -> None:
    text = slipped(_as(name, WORKED_AVERAGE), old, new)
    assert error_lines(name, text) == [(_line(text, new), "math/false")]
    message = next(f.message for f in check_document(name, text).findings if f.code == "math/false")
    assert "the rule for v_t at t = " in message and "its value here is 0." in message  # a decimal, as written


ADAM_BY_HAND = r"""# Adam by hand

The moments and their corrections are

$$m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t$$

$$v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2$$

$$\hat m_t = \frac{m_t}{1 - \beta_1^t}$$

$$\hat v_t = \frac{v_t}{1 - \beta_2^t}$$

with $m_0 = v_0 = 0$, $\beta_1 = 0.9$, $\beta_2 = 0.999$ and the gradients 8, then 7.

$$
\begin{aligned}
m_1 &= 0.9 \times 0 + 0.1 \times 8 = 0.8 \\
v_1 &= 0.999 \times 0 + 0.001 \times 64 = 0.064 \\
\hat m_1 &= 0.8 / (1 - 0.9^1) = 8 \\
m_2 &= 0.9 \times 0.8 + 0.1 \times 7 = 1.42 \\
v_2 &= 0.999 \times 0.064 + 0.001 \times 49 = 0.113 \\
\hat m_2 &= 1.42 / (1 - 0.81) = 7.47 \\
\hat v_2 &= 0.113 / (1 - 0.998) = 56.5
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_worked_steps_feed_the_steps_after_them(name: str) -> None:
    text = _as(name, ADAM_BY_HAND)
    assert error_lines(name, text) == []
    first = _verdicts(name, text, r"m_1 &= ")[0]
    assert first[0] == "undecided" and "g_{1} = 8 as put in" in first[1]  # the gradient given in words
    for snippet in (r"\hat m_1 &= ", r"\hat m_2 &= ", r"v_2 &= "):  # worked out from the rules and those numbers
        assert _verdicts(name, text, snippet)[0][0] == "proved", snippet


CORRECTION = r"""# Bias correction by hand

The corrected average is

$$\hat m_t = \frac{m_t}{1 - \beta_1^t}$$

with $\beta_1 = 0.9$. After two steps the average is 1.42 (the table above), so

$$\hat m_2 = \frac{1.42}{1 - 0.81} = 7.47$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_correction_is_its_rule_at_the_step_with_the_power_worked_out(name: str) -> None:
    text = _as(name, CORRECTION)
    assert error_lines(name, text) == []
    verdict, reason = _verdicts(name, text, r"\hat m_2 = ")[0]
    assert verdict == "undecided" and "the rule for m̂_t at t = 2" in reason, reason
    assert "m_{2} = 1.42 as put in" in reason and "\\beta_1^2 = 0.81" in reason


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [(r"\frac{1.42}{1 - 0.81} = 7.47", r"\frac{1.42}{1 - 0.9} = 14.2"),
                                      (r"\frac{1.42}{1 - 0.81} = 7.47", r"1.42 / (1 - 0.9) = 14.2")])
def test_a_worked_correction_with_a_wrong_power_is_false(name: str, old: str, new: str) -> None:
    text = slipped(_as(name, CORRECTION), old, new)
    assert error_lines(name, text) == [(_line(text, r"\hat m_2 = "), "math/false")]
    message = next(f.message for f in check_document(name, text).findings if f.code == "math/false")
    assert "\\beta_1^2 is put in as 0.9, but its value here is 0.81" in message


#: The same steps with the gradients given in the math: every step's value is then worked out from the rules.
ADAM_GIVEN = ADAM_BY_HAND.replace("the gradients 8, then 7", "the gradients $g_1 = 8$, $g_2 = 7$")


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_value_within_the_rounding_of_its_numbers_is_undecided(name: str) -> None:
    text = _as(name, ADAM_GIVEN)
    assert error_lines(name, text) == []
    # 0.998 is β_2² = 0.998001 rounded: the step's exact value 56.496… is the written one within that rounding
    hat_v = _verdicts(name, text, r"\hat v_2 &= ")[0]
    assert hat_v[0] == "undecided" and "rounding of the numbers written on this side (0.113, 0.998)" in hat_v[1]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_correction_without_its_power_is_false_though_its_numbers_are_rounded(name: str) -> None:
    text = slipped(_as(name, ADAM_GIVEN), r"0.113 / (1 - 0.998) = 56.5", r"0.113 / (1 - 0.999) = 113")
    assert error_lines(name, text) == [(_line(text, r"\hat v_2 &= "), "math/false")]


# -- the chain rule through a unit applied by a function the notes never define -------------------------------------
HIDDEN_UNIT = r"""# Two units

The hidden unit is $h = \sigma(z)$ with

$$z = a x + c$$

and the output is

$$q = \sigma(v h + d)$$

The loss is $E = \frac{1}{2}(t - q)^2$. By the chain rule:

$$\frac{\partial E}{\partial a} = \frac{\partial E}{\partial q} \frac{\partial q}{\partial h} \frac{\partial h}{\partial z} \frac{\partial z}{\partial a}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_chain_through_units_of_an_undefined_function_is_proved(name: str) -> None:
    text = _as(name, HIDDEN_UNIT)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"\frac{\partial E}{\partial a} =")] == ["proved"]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_chain_through_a_unit_that_does_not_read_the_variable_is_false(name: str) -> None:
    # h = σ(ax + c) does not read v: ∂h/∂v = 0, while E reads v through q
    text = slipped(_as(name, HIDDEN_UNIT), r"\frac{\partial E}{\partial a} = \frac{\partial E}{\partial q} "
                   r"\frac{\partial q}{\partial h} \frac{\partial h}{\partial z} \frac{\partial z}{\partial a}",
                   r"\frac{\partial E}{\partial v} = \frac{\partial E}{\partial q} \frac{\partial q}{\partial h} "
                   r"\frac{\partial h}{\partial v}")
    line = _line(text, r"\frac{\partial E}{\partial v} =")
    assert error_lines(name, text) == [(line, "math/false")]
    message = next(f.message for f in check_document(name, text).findings if f.code == "math/false")
    assert "h does not depend on v (its definition: σ(z))" in message


@pytest.mark.parametrize("args, names", [
    (r"\sigma(d + h v)", {"d", "h", "v"}),
    (r"\sigma(2 w_{5} x_{1})", {"w_{5}", "x_{1}"}),
    (r"\sigma(\mathrm{out}_{h1} w)", None),  # a macro with braces: not every name in sight
])
def test_the_names_in_a_call_kept_as_one_name_are_read_only_when_all_are_plain(args: str, names: set[str] | None) -> None:
    from derive.check.chain_rule import call_arguments

    found = call_arguments(args, frozenset())
    assert (None if found is None else set(found)) == names
    assert call_arguments(args, frozenset({"\\sigma"})) is None  # a function the notes define reads its body too


# -- both sides 0 only because of a dependence the notes never write ------------------------------------------------
UNWRITTEN = r"""# Backward pass

The error of the first output, then of the second through its weighted sum (Korean names, as the notes write
them):

$$\frac{d오차a_{1}}{du_{1}} = (a_{1} - b_{1}) \cdot v_{1}$$

$$\frac{d오차a_{2}}{du_{1}} = \frac{d오차a_{2}}{d합_{2}} \cdot \frac{d합_{2}}{du_{1}}$$
$$= \frac{d오차a_{2}}{d합_{2}} \cdot v_{2}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_sides_that_are_zero_only_by_an_unwritten_dependence_are_not_proved(name: str) -> None:
    text = _as(name, UNWRITTEN)
    verdicts = _verdicts(name, text, r"= \frac{d오차a_{2}}{d합_{2}} \cdot v_{2}")
    assert verdicts and verdicts[-1][0] == "undecided", verdicts
    assert "both sides are 0 only because the derivative in 합_{2} is 0" in verdicts[-1][1]


# -- a probability of an event: one quantity, the algebra around it checked -----------------------------------------
ODDS = r"""# Odds in logistic regression

The model says

$$P(y = 1 \mid x) = \sigma(z) = \frac{1}{1 + e^{-z}}$$

so that

$$P(y = 0 \mid x) = 1 - P(y=1|x) = \frac{e^{-z}}{1 + e^{-z}}$$

and the odds are

$$\frac{P(y = 1 \mid x)}{P(y = 0 \mid x)} = e^{z}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_probabilities_of_events_are_quantities_and_the_algebra_around_them_is_checked(name: str) -> None:
    text = _as(name, ODDS)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"\frac{P(y = 1 \mid x)}{P(y = 0 \mid x)} =")][-1] == "proved"
    assert "proved" in [v for v, _ in _verdicts(name, text, r"P(y = 0 \mid x) = 1 - ")]  # P(y=1|x) spaced otherwise


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_in_the_odds_of_an_event_is_false(name: str) -> None:
    text = slipped(_as(name, ODDS), "= e^{z}$$", "= e^{-z}$$")
    assert error_lines(name, text) == [(_line(text, "= e^{-z}$$"), "math/false")]


# -- a value under a condition said in Spanish or French is one case, not the function everywhere --------------------
CASES_THEN_MODEL = r"""# Probabilidades de clase

Las probabilidades podrían ser, por ejemplo:

- $p_1(x) = P(G=1|X = x) = 0.95$ si $x < 0.15$
- $p_1(x) = P(G=1|X = x) = 0.95 - 0.7(x - 0.15)$ si $x \ge 0.15$

## El modelo logístico

Con el modelo logístico $h$ escribimos

$$p_1(x) = p_1(x;\beta) = h(x\beta)$$

de modo que

$$\log (p_1(x;\beta)) = \log \frac{e^{x\beta}}{1 + e^{x\beta}} = x\beta - \log(1 + e^{x\beta})$$

y entonces

$$y \log (p_1(x;\beta)) = y x\beta - y\log(1 + e^{x\beta})$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_case_given_with_si_does_not_define_the_function_for_the_model_after_it(name: str) -> None:
    text = _as(name, CASES_THEN_MODEL)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"y \log (p_1(x;\beta)) = ")] == ["proved"]


@pytest.mark.parametrize("words", ["si $x < 0.15$", "cuando $x < 0.15$", "quand $x < 0.15$", "lorsque $x < 0.15$"])
def test_a_condition_after_a_formula_is_read_in_spanish_and_french(words: str) -> None:
    from derive.check.prose import _TRAILING_CONDITION

    assert _TRAILING_CONDITION.match(" " + words)
    assert not _TRAILING_CONDITION.match(" simple")  # a word that only starts like one


# -- a function given by cases -----------------------------------------------------------------------------------------
BY_CASES = r"""# Rectified units

The rectifier is

$$\mathrm{ReLU}(z) = \begin{cases} z & z > 0 \\ 0 & z \le 0 \end{cases}$$

and its derivative is

$$\mathrm{ReLU}'(z) = \begin{cases} 1 & \text{if } z > 0 \\ 0 & \text{otherwise} \end{cases}$$

A loss with a kink at zero:

$$f(x) = \begin{cases} x^2 & x \ge 0 \\ -x & x < 0 \end{cases}$$

$$f'(x) = \begin{cases} 2x & x > 0 \\ -1 & x < 0 \end{cases}$$

$$f(3) = 9, \qquad f(-2) = 2$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_given_by_cases_is_differentiated_and_evaluated_case_by_case(name: str) -> None:
    text = _as(name, BY_CASES)
    assert error_lines(name, text) == []
    for snippet in (r"\mathrm{ReLU}'(z) = ", r"f'(x) = ", r"f(3) = ", r"f(-2) = "):
        assert "proved" in [v for v, _ in _verdicts(name, text, snippet)], snippet
    assert "equal case by case on each interval between x = 0" in _verdicts(name, text, r"f'(x) = ")[0][1]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [
    (r"1 & \text{if } z > 0 \\ 0 & \text{otherwise}", r"0 & \text{if } z > 0 \\ 1 & \text{otherwise}"),
    (r"2x & x > 0 \\ -1 & x < 0", r"2x & x > 0 \\ 1 & x < 0"),
    (r"f(-2) = 2", r"f(-2) = -2"),
])
def test_a_slip_in_a_function_given_by_cases_is_false_on_its_line(name: str, old: str, new: str) -> None:
    text = slipped(_as(name, BY_CASES), old, new)
    assert error_lines(name, text) == [(_line(text, new), "math/false")]


def test_a_case_split_is_compared_only_on_one_variable_against_numbers() -> None:
    import sympy as sp

    from derive.piecewise import equal_by_intervals
    from derive.proof import symbolic_zero

    x, a = sp.symbols("x a", real=True)
    kinked = sp.Piecewise((2 * x, x >= 0), (-1, True))
    assert equal_by_intervals(kinked, sp.Piecewise((2 * x, x > 0), (-1, x < 0)), symbolic_zero) is not None
    assert equal_by_intervals(kinked, sp.Piecewise((2 * x, x > 0), (1, x < 0)), symbolic_zero) is None
    assert equal_by_intervals(sp.Piecewise((x, x > a), (0, True)), sp.Piecewise((x, x >= a), (0, True)),
                              symbolic_zero) is None  # a breakpoint that is a letter: not read by intervals


@pytest.mark.parametrize("text, problem", [
    (r"g(z) = \begin{cases} 1 & z > 0 \text{ and } z < 2 \\ 0 & \text{otherwise} \end{cases}", "mixes words"),
    (r"g(z) = \begin{cases} 1 & \text{when it rains} \\ 0 & \text{otherwise} \end{cases}", "given in words"),
    (r"g(z) = \begin{cases} 1 & z \in A \\ 0 & \text{otherwise} \end{cases}", "not a comparison"),
    (r"g(z) = \begin{cases} 1 \\ 0 \end{cases}", "without its condition"),
])
def test_a_case_split_whose_conditions_are_not_comparisons_is_not_read(text: str, problem: str) -> None:
    from derive.check.latex import parse_block

    found = parse_block(text, functions=frozenset({"g"})).problems
    assert found and problem in found[0].message, found


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("spelling", [r"\Pr", r"\mathbb{P}", r"\operatorname{P}"])
def test_a_probability_written_with_its_own_macro_is_the_same_quantity(name: str, spelling: str) -> None:
    # the first line with P, the others with the macro: one quantity, so the odds are checked through it
    text = _as(name, ODDS).replace(r"\frac{P(y = 1", r"\frac{" + spelling + "(y = 1") \
        .replace(r"{P(y = 0", "{" + spelling + "(y = 0").replace("1 - P(y=1|x)", f"1 - {spelling}(y=1|x)")
    assert spelling in text
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"= e^{z}$$")][-1] == "proved"
    slip = slipped(text, "= e^{z}$$", "= e^{-z}$$")
    assert error_lines(name, slip) == [(_line(slip, "= e^{-z}$$"), "math/false")]


# -- false errors of an unseen set (fresh58), each in a fixture of its own ------------------------------------------
EQUATION_NUMBERS = r"""# Partial derivatives

Let $s = a_0 + a_1 u + a_2 v$.

$$\frac{ds}{da_0} = 1 (3)$$

$$\frac{ds}{da_1} = u (4)$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_equation_number_typed_at_the_end_of_a_row_is_no_factor(name: str) -> None:
    text = _as(name, EQUATION_NUMBERS)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"\frac{ds}{da_1} = ")] == ["proved"]
    slip = slipped(text, "= u (4)", "= v (4)")  # the slip is still found, numbered or not
    assert error_lines(name, slip) == [(_line(slip, "= v (4)"), "math/false")]


@pytest.mark.parametrize("text, value", [
    (r"a = 2 (3)", "2"),           # numbered
    (r"a = 2(3)", "6"),            # no space: a product
    (r"x = 0.9 (0.5)", "9/20"),    # a decimal below 1 is a factor, never an equation number
    (r"a = b (3) + c", "3*b + c"),  # not at the end of the row
])
def test_only_a_spaced_bracketed_number_ending_a_row_is_an_equation_number(text: str, value: str) -> None:
    from derive.check.latex import parse_block

    assert str(parse_block(text).statements[0].terms[-1].expr) == value


HELPERS = r"""# A chain of helper functions

Let $q = h_1(r) = r + k$ where $k$ is a constant.

Let $r = h_2(m) = e^{m}$, and let $p_2 = h_3(p_3) = p_3 + k$.

Then $\frac{\partial q}{\partial m} = e^{m}$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_defined_in_the_middle_of_a_chain_is_a_function_not_a_product(name: str) -> None:
    text = _as(name, HELPERS)
    assert error_lines(name, text) == []


@pytest.mark.parametrize("texts, letters", [
    ([r"q = h_1(r) = r + k"], {"h", "h_"}),
    ([r"p_2 = h_3(p_3) = p_3 + k"], {"h", "h_"}),
    ([r"y = f(x_1, x_2) = x_1 + x_2"], {"f"}),
    ([r"k(x_1) = x_1"], set()),           # at a statement's start a subscripted argument stays a factor's
    ([r"y = a(b) = ab"], set()),          # the body reads the letter itself: a product
    ([r"v_t = g_t(1 - \beta)"], set()),   # not a bracket of names
])
def test_which_letters_a_chain_defines_as_functions(texts: list[str], letters: set[str]) -> None:
    from derive.check.function_letters import defined_letters

    assert set(defined_letters(texts)) == letters


LOSS_OF_PREDICTIONS = r"""# Logistic loss gradient

The loss at one sample is

$$E(\mathbf{w}; \mathbf{u}_k, t_k) = - (t_k\log(\hat{p_k}) + (1 - t_k)\log(1 - \hat{p_k}))$$

with $\hat{p} = \frac{1}{1 + e^{-s}}$ and $s = \mathbf{w}^T\mathbf{u}$. The chain rule gives

$$\frac{\partial E(\mathbf{w}; \mathbf{u}_k, t_k)}{\partial \mathbf{w}} = (\hat{p}_k - t_k)\mathbf{u}_k$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_gradient_of_a_function_whose_body_never_reads_the_variable_is_undecided(name: str) -> None:
    text = _as(name, LOSS_OF_PREDICTIONS)
    assert error_lines(name, text) == []
    verdict, reason = _verdicts(name, text, r"\frac{\partial E(\mathbf{w}; \mathbf{u}_k, t_k)}{\partial")[0]
    assert verdict == "undecided" and "E as defined on line 5 does not read w" in reason, reason


SOFTMAX_STEPS = r"""# The numerator of the gradient

When $i = k$

The denominator part is as before.

$\frac{e^{z_{k}-M}}{S}$

Now the numerator part p.

Let $q_1(y_1) = -log(y_1)$

Let $y_1 = q_2(y_2) = \frac{y_2}{S}$

Let $y_2 = q_3(y_3) = e^{y_3}$

Let $y_3 = q_4(z_{k})=z_{k}-M$

$p=\frac{\partial q_1(y_1)}{\partial y_1}\frac{\partial q_2(y_2)}{\partial y_2}\frac{\partial q_3(y_3)}{\partial y_3}\frac{\partial q_4(z_{k})}{\partial z_{k}}$

$\frac{\partial q_1(y_1)}{\partial y_1}=-\frac{1}{y_1}$

$\frac{\partial q_2(y_2)}{\partial y_2}=\frac{1}{S}$

$\frac{\partial q_3(y_3)}{\partial y_3}=e^{y_3}$

$\frac{\partial q_4(z_{k})}{\partial z_{k}}=1$

Hence $p=-\frac{e^{y_3}}{y_1S}$

$y_3=z_{k}-M$

$y_1=\frac{e^{z_{k}-M}}{S}$

Hence $p=-1$

Hence the whole derivative is $\frac{e^{z_{k}-M}}{S}-1$

$$
\frac{\partial ce}{\partial z_i}=\begin{cases}\frac{e^{z_i-M}}{S}, & \text{if } i \neq k \\
\frac{e^{z_{k}-M}}{S}-1, & \text{if } i = k
\end{cases}
$$
"""


def test_an_equation_is_not_divided_away_by_a_factor_reading_only_its_own_names() -> None:
    text = _as("doc.md", SOFTMAX_STEPS)
    verdicts = _verdicts("doc.md", text, r"\frac{\partial ce}{\partial z_i}=")
    assert verdicts and not any("follows from the equation" in reason for _, reason in verdicts), verdicts


RENAMED = r"""# Two helper chains

Let $x_3 = g_3(z) = z - m$.

Then, for the other output, let $x_3 = g_4(z) = z - 2m$.
"""


def test_a_name_given_by_another_function_is_no_rule_renamed() -> None:
    text = _as("doc.md", RENAMED)
    assert not any("the rule of line" in reason for _, reason in _verdicts("doc.md", text, "let $x_3 = g_4(z)"))


BINARY_FEATURE = r"""# A binary feature

The probability of a binary feature is

$$P(x_i \mid y) = \begin{cases} P(x_i = 1 \mid y) & \text{if } x_i = 1 \\ P(x_i = 0 \mid y) & \text{if } x_i = 0 \end{cases}$$

so, in one line,

$$\log P(x_i \mid y) = x_i \log P(x_i = 1 \mid y) + (1 - x_i) \log P(x_i = 0 \mid y)$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_split_defined_at_a_few_values_is_checked_at_each(name: str) -> None:
    text = _as(name, BINARY_FEATURE)
    assert error_lines(name, text) == []
    verdict, reason = _verdicts(name, text, r"\log P(x_i \mid y) = ")[0]
    assert verdict == "proved" and "at each value its cases take (x_{i} = 0, 1)" in reason, reason
    slip = slipped(text, r"x_i \log P(x_i = 1 \mid y) + (1 - x_i) \log P(x_i = 0",
                   r"x_i \log P(x_i = 0 \mid y) + (1 - x_i) \log P(x_i = 1")
    assert error_lines(name, slip) == [(_line(slip, r"\log P(x_i \mid y) = "), "math/false")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_event_of_a_letter_the_notes_define_as_a_function_is_still_an_event(name: str) -> None:
    text = _as(name, ODDS).replace("P(", "p(").replace("The model says", "The feature has density $p(u) = e^{-u}$. "
                                                                           "The model says")
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, r"= e^{z}$$")][-1] == "proved"


SOFT_THRESHOLD = r"""# Soft thresholding

The regularized objective and its penalty are

$$Q_\alpha(w) = Q(w) + \alpha R(w)$$

$$R(w) = \|w\|_1 = \sum_{i = 1}^d |w_i|$$

The proximal step is

$$w^{(k)} = S_{\eta \alpha}\left(w^{(k - 1)} - \eta g\right)$$

and the function $S_{\eta \alpha}(w)$ applies to each weight on its own:

$$S_{\eta \alpha} (w_i) = \begin{cases} w_i - \eta \alpha & w_i > \eta \alpha \\ 0 & |w_i| \le \eta \alpha \\ w_i + \eta \alpha & w_i < -\eta \alpha \end{cases}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_split_defining_a_name_read_as_a_product_is_never_false(name: str) -> None:
    text = _as(name, SOFT_THRESHOLD)
    assert error_lines(name, text) == []
    verdict, reason = _verdicts(name, text, r"S_{\eta \alpha} (w_i) = ")[0]
    assert verdict == "undecided" and "a definition by cases of S_{\\eta \\alpha}(…)" in reason, reason


SAME_OPERAND = r"""# Rewriting under the derivative

For the weight $w_j$ the error does not care about the order of its terms:

$$\frac{\partial}{\partial w_j}\left[\frac{1}{2}(y - p)^2\right] = \frac{\partial}{\partial w_j}\left[\frac{1}{2}(p - y)^2\right]$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_one_derivative_of_equal_operands_is_proved_whatever_depends_on_the_variable(name: str) -> None:
    text = _as(name, SAME_OPERAND)
    assert [v for v, _ in _verdicts(name, text, r"\frac{\partial}{\partial w_j}\left[\frac{1}{2}(y")] == ["proved"]
    slip = slipped(text, r"(p - y)^2\right]$$", r"(p + y)^2\right]$$")  # different operands: no proof by the zeros
    assert [v for v, _ in _verdicts(name, slip, r"\frac{\partial}{\partial w_j}\left[\frac{1}{2}(y")] == ["undecided"]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("power", [r"0.9^2", r"0.9^{2}"])
def test_a_worked_correction_may_write_the_power_with_or_without_braces(name: str, power: str) -> None:
    text = slipped(_as(name, CORRECTION), r"\frac{1.42}{1 - 0.81} = 7.47", r"\frac{1.42}{1 - " + power + "} = 7.47")
    verdict, reason = _verdicts(name, text, r"\hat m_2 = ")[0]
    assert verdict == "undecided" and "\\beta_1 = 0.9" in reason and "m_{2} = 1.42 as put in" in reason, reason
    slip = slipped(text, power, power.replace("2", "3"))  # the wrong power: false
    assert error_lines(name, slip) == [(_line(slip, r"\hat m_2 = "), "math/false")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_worked_value_written_as_a_fraction_is_within_the_rounding_of_its_numbers(name: str) -> None:
    text = slipped(_as(name, ADAM_GIVEN), r"0.113 / (1 - 0.998) = 56.5", r"\frac{0.113}{1 - 0.998} = 56.5")
    assert error_lines(name, text) == []
    hat_v = _verdicts(name, text, r"\hat v_2 &= ")[0]
    assert hat_v[0] == "undecided" and "(0.113, 0.998)" in hat_v[1], hat_v
