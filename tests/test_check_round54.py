r"""Readings added in stop 54. Fixtures are written here, in my own words and symbols (the notes themselves are not
stored); each has a correct copy and a slip where a slip can be made."""
from __future__ import annotations

import pytest

from fixture_docs import error_lines, verdicts_at as _verdicts

# -- a derivative in a coordinate θ_i of the θ written whole: no scalar 0 ------------------------------------------------
LIKELIHOOD = r"""# Maximum likelihood

The likelihood of the sample is $L(\theta) = \prod_{i=1}^{n} p(x_i; \theta)$. To find its maximum we solve

$$ \frac{\partial \ln L(\theta)}{\partial \theta_j} = 0 . $$
"""


def test_a_derivative_in_a_coordinate_of_the_whole_name_is_not_proved_zero() -> None:
    # before: θ_j read apart from θ, so the derivative was 0 and the condition "proved" as arithmetic
    (verdict, reason), = _verdicts("doc.md", LIKELIHOOD, "$$ \\frac{\\partial")
    assert verdict == "undecided" and "coordinate of \\theta" in reason
    assert error_lines("doc.md", LIKELIHOOD) == []


def test_a_derivative_in_a_separate_coordinate_is_still_computed() -> None:
    text = "# Partials\n\n$$ \\frac{\\partial (x_1^2 + 3 x_2)}{\\partial x_1} = 2 x_1 $$\n"
    (verdict, _), = _verdicts("doc.md", text, "$$ \\frac")
    assert verdict == "proved"
    assert (3, "math/false") in error_lines("doc.md", text.replace("= 2 x_1 $$", "= 3 x_1 $$"))


# -- a case of two indices over a family the definitions sum (one-hot labels): what the case keeps is in words -----------
ONE_HOT = r"""# Softmax with cross-entropy

With logits $z$, the probabilities are $p_k = \frac{e^{z_k}}{\sum_{i=1}^{K} e^{z_i}}$ and the loss is

$$
L = -\sum_{k=1}^{K} y_k \log(p_k)
$$

First $\frac{\partial L}{\partial p_k} = -\frac{y_k}{p_k}$ and $\frac{\partial p_k}{\partial z_j} = p_k (\delta_{kj} - p_j)$.
By the chain rule,

$$
\frac{\partial L}{\partial z_j} = \sum_{k=1}^{K} \frac{\partial L}{\partial p_k} \frac{\partial p_k}{\partial z_j}
= -\sum_{k=1}^{K} y_k (\delta_{kj} - p_j)
$$

The labels are one-hot: only $y_c = 1$, all the others are $0$.

* If $j \neq c$:

  $$\frac{\partial L}{\partial z_j} = p_j - 0 = p_j$$
"""


def test_a_claim_in_a_case_of_the_class_puts_in_the_one_hot_target() -> None:
    # before: y_k taken as free numbers, the case ignored, and a true line reported false
    assert error_lines("doc.md", ONE_HOT) == []
    (verdict, reason), _ = _verdicts("doc.md", ONE_HOT, "  $$\\frac")
    assert verdict == "proved" and "for j ≠ c, with the one-hot target y_c = 1" in reason


def test_a_slip_in_a_case_of_the_class_is_false() -> None:
    slip = ONE_HOT.replace("= p_j - 0 = p_j$$", "= p_j - 1 = p_j - 1$$")
    assert (21, "math/false") in error_lines("doc.md", slip)
    equal = ONE_HOT.replace("* If $j \\neq c$:", "* If $j = c$:")  # there the target is 1: p_j − 1, not p_j
    assert (21, "math/false") in error_lines("doc.md", equal)


def test_the_same_claim_without_a_case_stays_false() -> None:
    text = ONE_HOT.replace("* If $j \\neq c$:", "* Hence:")
    assert (21, "math/false") in error_lines("doc.md", text)


# -- the point a series is taken at is no value for an identity in its letter ---------------------------------------------
SERIES_AT_A_POINT = r"""# A generating function

We use the Taylor series at $x = 0$ of $\frac{1}{1 - x - x^2}$. First we factor:

$$1 - x - x^2 = -(x - a)(x - b)$$

with $a$ and $b$ the roots.
"""


def test_an_identity_after_the_point_of_a_series_is_not_proved_at_the_point() -> None:
    slip = SERIES_AT_A_POINT.replace("= -(x - a)(x - b)$$", "= 1 - 2x$$")
    # before: "with the values given before (x = 0)": proved, as 1 − 2x is 1 at x = 0 too
    assert (5, "math/false") in error_lines("doc.md", slip)
    assert error_lines("doc.md", SERIES_AT_A_POINT) == []


def test_a_value_at_a_point_in_the_claims_own_sentence_still_counts() -> None:
    text = "# Meeting point\n\nThe two curves meet at $x = 2$, and there $x^2 = 2x$.\n"
    _, (verdict, reason) = _verdicts("doc.md", text, "there $x^2")
    assert verdict == "proved" and "x = 2" in reason
    assert (3, "math/false") in error_lines("doc.md", text.replace("$x^2 = 2x$", "$x^2 = 3x$"))


# -- a subscripted name applied to brackets elsewhere: a proof as a product is no proof ------------------------------------
PROJECTION = r"""# The regular part

For $f$ with an expansion of order $n$ at $a$, $p_n(f)$ is its polynomial part, and $p_n(f)$ has degree at most $n$.

For $f, g$ and $\lambda \in \mathbb{R}$, $p_n(\lambda f + g) = \lambda p_n(f) + p_n(g)$.
"""


def test_a_subscripted_name_applied_elsewhere_is_not_proved_linear_as_a_factor() -> None:
    (verdict, reason), = _verdicts("doc.md", PROJECTION, "For $f, g$")
    # before: p_n read as a number times the bracket, and linearity "symbolically equal"
    assert verdict == "undecided" and "p_n(f) read as p_n times the bracket" in reason


# -- one side of an equivalence is no claim: "A gilt genau dann, wenn B", "A iff B", "A 当且仅当 B" --------------------------
@pytest.mark.parametrize("words", ["gilt genau dann, wenn", "holds iff", "if and only if", "当且仅当",
                                   "тогда и только тогда, когда"])
def test_both_sides_of_an_equivalence_are_conditions(words: str) -> None:
    text = f"# Exercise\n\nShow: $|x + y| = |x| + |y|$ {words} $|x| y = |y| x$.\n"
    # before: each side refuted on its own, two false errors
    assert error_lines("doc.md", text) == []
    assert [v for v, _ in _verdicts("doc.md", text, "Show")] == ["not-a-claim", "not-a-claim"]


def test_a_formula_before_a_plain_if_stays_a_claim_under_it() -> None:
    text = "# Exercise\n\nHence $(x + 1)^2 = x^2 + 1$ holds if $x > 0$.\n"
    (verdict, reason), = _verdicts("doc.md", text, "Hence")
    assert verdict == "undecided" and "condition that follows it" in reason


# -- an orthogonal matrix said in Japanese, French or German: Hᵀ = H⁻¹ is no slip -------------------------------------------
@pytest.mark.parametrize("said", ["ここで $H$ は直交行列である．", "Ici $H$ est une matrice orthogonale.",
                                  "Hier ist $H$ eine orthogonale Matrix."])
def test_an_orthogonal_matrix_in_other_languages_is_read(said: str) -> None:
    text = f"# Rotation\n\nWe rotate, $Y = HZ$. {said}\n\nThen $z = H^{{-1}} y = H^T y$.\n"
    # before: Japanese and German went unread, and Hᵀy = H⁻¹y was refuted on random matrices
    assert error_lines("doc.md", text) == []
    assert "holds when H is orthogonal" in _verdicts("doc.md", text, "Then $z")[1][1]


# -- a letter only whose square the notes name is a spread: √(V²) = V -----------------------------------------------------
STUDENT = r"""# The t statistic

Write the sample as $\bar{X} = \sigma \bar{Z} + \mu$, with $V^2 = \frac{\sigma^2}{n-1} \sum_{i=1}^{n} (Z_i - \bar{Z})^2$.
Define $Z = \sqrt{n} \bar{Z} = \frac{\bar{X}-\mu}{\sigma/\sqrt{n}}$ and $U = \frac{(n-1)V^2}{\sigma^2}$. Then

$$ T = \frac{\bar{X}-\mu}{V/\sqrt{n}} = \frac{Z}{\sqrt{U/(n-1)}} $$
"""


def test_a_letter_whose_square_is_named_is_taken_positive_under_a_root() -> None:
    # before: V sampled negative, √(V²) = −V, and a true line refuted
    assert error_lines("doc.md", STUDENT) == []
    assert "it holds for V > 0" in _verdicts("doc.md", STUDENT, "$$ T =")[1][1]
    slip = STUDENT.replace("{\\sqrt{U/(n-1)}} $$", "{\\sqrt{U/n}} $$")
    assert (6, "math/false") in error_lines("doc.md", slip)


# -- a value an earlier chain works out: var(Y) = E((Y − 3.5)²) after E(Y) = … = 3.5 ---------------------------------------
DIE = r"""# One roll of a die

The variance of $Y$ is

$$\operatorname{var}(Y) = E\left((Y-\mu)^2\right) \quad \text{if $\mu = E(Y)$}$$

For a fair die, the expected value is

$$E(Y) = \sum_{i=1}^6 \frac{i}{6} = \frac{21}{6} = 3.5$$

and the variance is

$$\operatorname{var}(Y) = E\left((Y - 3.5)^2\right) = \sum_{i=1}^6 \frac{(3.5 - i)^2}{6}$$
"""


def test_a_link_that_holds_at_the_value_an_earlier_chain_works_out_is_no_slip() -> None:
    # before: E[Y] taken as any number, and var(Y) = E[(Y − 3.5)²] refuted
    assert error_lines("doc.md", DIE) == []
    (verdict, reason), _ = _verdicts("doc.md", DIE, "$$\\operatorname{var}(Y) = E\\left((Y - 3.5)")
    assert verdict == "undecided" and "E}[Y] = 7/2, the value the chain on line 9 works out" in reason
    slip = DIE.replace("E\\left((Y - 3.5)^2\\right) =", "E\\left((Y - 2.5)^2\\right) =")
    assert (13, "math/false") in error_lines("doc.md", slip)


# -- the survival function of a named law is no slip in its density -----------------------------------------------------
SURVIVAL = r"""# Exponential Distribution

Let

$$P(T > t) = e^{-\lambda t}$$

Then $F(t) = 1 - P(T > t) = 1 - e^{-\lambda t}$ for $t \geq 0$.
"""


def test_an_events_probability_under_a_named_law_is_read_as_its_survival_function() -> None:
    # before: "the words name the exponential distribution, whose formula is λe^{−λx}": a false math/law error
    assert error_lines("doc.md", SURVIVAL) == []
    slip = SURVIVAL.replace("$$P(T > t) = e^{-\\lambda t}$$", "$$P(T > t) = e^{-2\\lambda t}$$")
    assert (5, "math/law") in error_lines("doc.md", slip)


# -- "for any functions f and g": an earlier example's f and g are not in force -------------------------------------------
GENERIC = r"""# Constant multiple

For two functions $g(x)$ and $f(x)$ and a constant $c$ with $g(x) = c f(x)$, the derivative of $g(x)$ is $c f'(x)$.

# Logarithms

A logarithmic function is $f(x) = \log_b x$ with $b > 0$.

# Quotients of limits

Para funções $f$ e $g$ quaisquer com $\lim_{x \to a} f(x) = 0$ e $\lim_{x \to a} g(x) = 0$,
$\lim_{x \to a} \frac{f(x)}{g(x)} = \lim_{x \to a} \frac{f'(x)}{g'(x)}$.
"""


@pytest.mark.parametrize("lead", ["Para funções $f$ e $g$ quaisquer com", "For any functions $f$ and $g$ with",
                                  "Für beliebige Funktionen $f$ und $g$ mit",
                                  "Se supormos duas funções, $f(x)$ e $g(x)$, com"])
def test_functions_any_the_words_say_are_not_an_earlier_examples(lead: str) -> None:
    text = GENERIC.replace("Para funções $f$ e $g$ quaisquer com", lead)
    # before: f = log_b x and g = c·f put in, f/g = 1/c = f'/g', and the rule "proved symbolically"
    (verdict, _), = _verdicts("doc.md", text, "$\\lim_{x \\to a} \\frac")
    assert verdict != "proved"


def test_functions_the_words_do_not_quantify_keep_the_earlier_definitions() -> None:
    text = GENERIC.replace("Para funções $f$ e $g$ quaisquer com", "Para as funções $f$ e $g$ com")
    (verdict, _), = _verdicts("doc.md", text, "$\\lim_{x \\to a} \\frac")
    assert verdict == "proved"  # (what the rule above prevents: the earlier f and g put in)


def test_a_function_word_with_all_elsewhere_keeps_the_definition() -> None:
    text = "# F\n\nLet $f(x) = x^2$.\n\nThe function $f$ is convex for all $x$, and $f(3) = 9$.\n"
    assert [v for v, _ in _verdicts("doc.md", text, "The function")] == ["proved"]
    assert (5, "math/false") in error_lines("doc.md", text.replace("f(3) = 9", "f(3) = 8"))


# -- a bracket of numbers names nothing: an equation in n₂, no substitution --------------------------------------------------
ELIMINATION = r"""\documentclass{article}
\begin{document}
We multiply the first equation by $17$ and the second by $9$:
\begin{align*}
  170 n_2 + 153 n_3 &= 34 \\
  -729 n_2 - 153 n_3 &= -36
\end{align*}
Adding the two, we get
\begin{align*}
  (170 - 729) n_2 &= 34 - 36 \\
  -559 n_2 &= -2
\end{align*}
\end{document}
"""


def test_an_equation_with_a_bracket_of_numbers_is_no_false_substitution() -> None:
    # before: "false substitution: 170 - 729 is put in as 34"
    assert error_lines("doc.tex", ELIMINATION) == []
    (verdict, _), = _verdicts("doc.tex", ELIMINATION, "(170 - 729)")
    assert verdict == "not-a-claim"


# -- \include*{…} (newclude) pulls in a file as \include does -----------------------------------------------------------
def test_a_starred_include_names_its_file_not_a_star(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from derive.check.run import check_file

    (tmp_path / "part").mkdir()
    (tmp_path / "part" / "one.tex").write_text("\\newcommand{\\R}{\\mathbb{R}}\n\\[ (a + b)^2 = a^2 + 2ab + b^2 \\]\n",
                                               encoding="utf-8")
    root = tmp_path / "main.tex"
    root.write_text("\\documentclass{article}\n\\begin{document}\n\\include*{part/one}\n\\end{document}\n",
                    encoding="utf-8")
    report = check_file(str(root))
    # before: eight "* not found" notes, and no word of where the text is
    assert [(f.line, f.code) for f in report.findings] == [(3, "check/text-elsewhere")], report.findings
    assert "part/one" in report.findings[0].message


def test_a_proof_through_defined_functions_does_not_say_whatever_they_are() -> None:
    text = "# Hazard\n\nLet $R(t) = e^{-\\lambda t}$.\n\n$$H(t) = -\\log(R(t)) = \\lambda t$$\n"
    _, (verdict, reason) = _verdicts("doc.md", text, "$$H(t)")
    # before: "holds whatever the functions are", though R's definition is what proves it
    assert verdict == "proved" and "whatever" not in reason and "definitions put in" in reason
    assert (5, "math/false") in error_lines("doc.md", text.replace("= \\lambda t$$", "= 2\\lambda t$$"))


# -- a sum with numbers for bounds is a value to check, no condition --------------------------------------------------------
def test_a_numeric_sum_is_arithmetic_not_a_condition() -> None:
    text = "# Die\n\nFor a fair die, $$S = \\sum_{i=1}^6 \\frac{i}{6} = \\frac{21}{6} = 3.5$$\n"
    verdicts = _verdicts("doc.md", text, "For a fair die")
    # before: "condition (a side is a constant)" for the sum's value
    assert [v for v, _ in verdicts] == ["not-a-claim", "proved", "proved"]
    assert (3, "math/false") in error_lines("doc.md", text.replace("= \\frac{21}{6} =", "= \\frac{20}{6} ="))


# -- |x||y|: two absolute values side by side, no norm bar ---------------------------------------------------------------
def test_adjacent_absolute_values_are_read_as_a_product() -> None:
    text = "# Bars\n\n$$(|x| + |y|)^2 = |x|^2 + 2|x||y| + |y|^2$$\n"
    # before: "'\\|' is not closed", the link undecided
    assert [v for v, _ in _verdicts("doc.md", text, "$$(|x|")] == ["proved"]
    assert (3, "math/false") in error_lines("doc.md", text.replace("+ 2|x||y| +", "+ 3|x||y| +"))
    assert [v for v, _ in _verdicts("doc.md", "# N\n\n$$||x||^2 = ||x|| \\cdot ||x||$$\n", "$$||x")] == ["proved"]


# -- a labelled function applied to a sample's name: h_θ(x^{(i)}) = θ_0 + θ_1x^{(i)} defines h_θ --------------------------
HYPOTHESIS = r"""# Linear regression

$$
h_\theta(x^{(i)}) = \theta_0 + \theta_1 x^{(i)}
$$

$$
J(\theta) = \frac{1}{2n} \sum_{i=1}^n \left(h_\theta(x^{(i)}) - y^{(i)}\right)^2
$$

The residual is $h_\theta(x^{(i)}) - y^{(i)} = \theta_0 + \theta_1 x^{(i)} - y^{(i)}$.

Hence $$\nabla_\theta J(\theta) = 0$$
"""


def test_a_labelled_function_of_a_marked_name_is_defined() -> None:
    # before: h_θ(x^{(i)}) read as h_θ·θ(x^{(i)}) applied, "a form with unknown functions", the residual undecided
    (verdict, reason), = _verdicts("doc.md", HYPOTHESIS, "h_\\theta(x^{(i)}) = \\theta_0")
    assert verdict == "not-a-claim" and reason.startswith("definition of h")
    assert [v for v, _ in _verdicts("doc.md", HYPOTHESIS, "The residual")] == ["proved"]
    slip = HYPOTHESIS.replace("x^{(i)} - y^{(i)}$.", "x^{(i)} - 2y^{(i)}$.")
    assert (11, "math/false") in error_lines("doc.md", slip)


def test_a_gradient_in_a_vector_written_through_its_coordinates_is_not_zero() -> None:
    # before: J's body has θ_0, θ_1 but no θ, so ∇_θ J = 0 was "proved: arithmetic"
    verdicts = _verdicts("doc.md", HYPOTHESIS, "Hence $$")
    assert verdicts and "proved" not in [v for v, _ in verdicts]


# -- EX, EX^2, E(X − EX)(Y − EY): expectations written without brackets --------------------------------------------------
MOMENTS = r"""# Moments

The expected value of $X$ is $EX$, and the variance is $DX = EX^2 - (EX)^2$.

$$\operatorname{Cov}(X, Y) = E(X - EX)(Y - EY) = E(XY) - EX \cdot EY$$
"""


def test_expectations_written_without_brackets_are_read() -> None:
    # before: EX read as E times X, and the covariance identity undecided ("needs independence")
    verdicts = _verdicts("doc.md", MOMENTS, "$$\\operatorname{Cov}")
    assert [v for v, _ in verdicts] == ["proved", "proved"]
    slip = MOMENTS.replace("= E(XY) - EX \\cdot EY$$", "= E(XY) + EX \\cdot EY$$")
    assert (5, "math/false") in error_lines("doc.md", slip)


def test_ex_squared_is_the_second_moment() -> None:
    text = "# M\n\nThe expected value of $X$ is $EX$. Then $$D X = EX^2 - (EX)^2 = E(X^2) - E(X)^2$$\n"
    assert "proved" in [v for v, _ in _verdicts("doc.md", text, "Then $$")]
    assert (3, "math/false") in error_lines("doc.md", text.replace("= E(X^2) - E(X)^2$$", "= E(X^2) + E(X)^2$$"))


# -- the same case where the loss is defined in an earlier section: the doubt, not a refutation --------------------------
ONE_HOT_SECTIONS = r"""# Softmax with cross-entropy

We show that

$$
\frac{\partial L}{\partial z_j} = p_j - y_j
$$

where:

* $z \in \mathbb{R}^K$ = logits
* $p = \text{softmax}(z)$
* $y$ = one-hot vector
* $L$ = cross-entropy

## Softmax

$$
p_k = \frac{e^{z_k}}{\sum_{i=1}^{K} e^{z_i}}
$$

## Cross-entropy

$$
L = -\sum_{k=1}^{K} y_k \log(p_k)
$$

As $y$ is one-hot ($y_c = 1$ for the true class $c$):

$$
L = -\log(p_c)
$$

## The derivative in z_j

First,

$$
\frac{\partial L}{\partial p_k} = -\frac{y_k}{p_k}
$$

and

$$
\frac{\partial p_k}{\partial z_j} = p_k (\delta_{kj} - p_j)
$$

with $\delta_{kj} = 1$ if $k = j$, otherwise $0$.

By the chain rule:

$$
\frac{\partial L}{\partial z_j}
= \sum_{k=1}^{K} \frac{\partial L}{\partial p_k} \frac{\partial p_k}{\partial z_j}
= \sum_{k=1}^{K} \left(-\frac{y_k}{p_k}\right) p_k (\delta_{kj} - p_j)
$$

Simplifying:

$$
= -\sum_{k=1}^{K} y_k (\delta_{kj} - p_j)
$$

Since only $y_c = 1$ and all others are $0$:

* If $j = c$:

  $$\frac{\partial L}{\partial z_c} = p_c - 1$$

* If $j \neq c$:

  $$\frac{\partial L}{\partial z_j} = p_j - 0 = p_j$$
"""


def test_a_case_over_a_summed_family_in_another_section_is_undecided() -> None:
    # before: y_k free, the case j ≠ c unread, and a true line reported false
    assert error_lines("doc.md", ONE_HOT_SECTIONS) == []
    (verdict, reason), _ = _verdicts("doc.md", ONE_HOT_SECTIONS, "  $$\\frac{\\partial L}{\\partial z_j} = p_j - 0")
    assert verdict == "undecided" and "case j ≠ c" in reason
    hence = ONE_HOT_SECTIONS.replace("* If $j \\neq c$:", "* Hence:")
    assert (72, "math/false") in error_lines("doc.md", hence)


# -- x², t³ typed as characters are powers ----------------------------------------------------------------------------
def test_superscript_digits_typed_as_characters_are_powers() -> None:
    text = "# Square\n\n$$(a + b)² = a² + 2ab + b²$$\n"
    # before: "unexpected '²'", the link undecided
    assert [v for v, _ in _verdicts("doc.md", text, "$$(a")] == ["proved"]
    assert (3, "math/false") in error_lines("doc.md", text.replace("+ 2ab +", "+ ab +"))


# -- sums renumbered: an index shifted, or run backwards ----------------------------------------------------------------
@pytest.mark.parametrize("link", [r"\sum_{k=m}^n a_{k+r} = \sum_{l=m+r}^{n+r} a_l",
                                  r"\sum_{k=m}^n a_{r-k} = \sum_{l=r-n}^{r-m} a_l",
                                  r"\sum_{k=0}^\infty f_{k+2} x^{k+2} = \sum_{j=2}^\infty f_j x^j"])
def test_a_sum_with_its_index_renumbered_is_proved(link: str) -> None:
    text = f"# Sums\n\n$${link}$$\n"
    # before: "indexed quantities (coordinates, past steps) are not modelled"
    (verdict, reason), = _verdicts("doc.md", text, "$$")
    assert verdict == "proved" and "renumbered from 0" in reason


def test_a_shift_that_moves_the_range_is_not_proved() -> None:
    text = "# Sums\n\n$$\\sum_{k=1}^n a_{k+1} = \\sum_{l=1}^{n} a_l$$\n"
    assert [v for v, _ in _verdicts("doc.md", text, "$$")] != ["proved"]


# -- a proposition's conclusion is what its proof shows, never a naming the proof then "proves" -------------------------
PROPOSITION = r"""\documentclass{article}
\begin{document}
\begin{prop}
  Suppose that for all $x$, $f(x) = P(x) + x^n \epsilon_1(x) = Q(x) + x^n \epsilon_2(x)$.
  Then $P = Q$.
\end{prop}
\begin{proof}
  Subtracting, the polynomials agree up to a small remainder, so their coefficients agree.
  We have shown that $P = Q$.
\end{proof}
\end{document}
"""


def test_the_conclusion_of_a_proposition_is_not_a_naming_its_proof_restates() -> None:
    (verdict, reason), = _verdicts("doc.tex", PROPOSITION, "Then $P")
    assert verdict == "not-a-claim" and "conclusion a proposition states" in reason
    # before: P = Q taken as a naming, and the proof's last line "proved symbolically"
    assert [v for v, _ in _verdicts("doc.tex", PROPOSITION, "We have shown")] != ["proved"]
    plain = PROPOSITION.replace("\\begin{prop}", "\\section{A}").replace("\\end{prop}", "")
    assert [v for v, _ in _verdicts("doc.tex", plain, "We have shown")] == ["proved"]  # (outside a proposition)


# -- matrices written with \pmb after a naming of an earlier section: no proof by numbers that commute ------------------
PMB_SECTIONS = r"""# Foundations

Recall the linear model.

$$\pmb{y}=\pmb{X}\pmb{\beta}+\pmb{e}$$

# Partialling out

Let

$$\tilde{\pmb{X}}_2=\pmb{M}_1 \pmb{X}_2$$

and

$$\tilde{\pmb{e}}_1=\pmb{M}_1 \pmb{y}$$

so that

$$ \pmb{\hat{\beta}}_2 = (\tilde{\pmb{X}}_2^T \tilde{\pmb{X}}_2)^{-1} (\tilde{\pmb{X}}_2^T \tilde{\pmb{e}}_1)$$

Proof:

$$
\begin{align}
\pmb{\hat{\beta}}_2 & = (\pmb{X}_2^T\pmb{M}_1\pmb{X}_2)^{-1} \pmb{X}_2^T \pmb{M}_1 \pmb{y} \\
& = (\pmb{X}_2^T\pmb{M}_1 \pmb{M}_1 \pmb{X}_2)^{-1} \pmb{X}_2^T \pmb{M}_1 \pmb{M}_1 \pmb{y}
\end{align}
$$
"""


def test_bold_pmb_matrices_after_a_naming_of_another_section_are_not_proved_as_numbers() -> None:
    # before: y = Xβ + e put in, the inverse cancelled as numbers, and both rows "proved symbolically"
    verdicts = [v for line in (25, 26) for v, _ in _verdicts("doc.md", PMB_SECTIONS, PMB_SECTIONS.splitlines()[line - 1])]
    assert verdicts == ["undecided", "undecided"]


# -- a sum whose summand holds a sum over the same letter, against an expansion in other names ---------------------------
SUM_OF_SQUARES = r"""\documentclass{article}
\begin{document}
Suppose $\bar X = \frac{1}{n} \sum X_i$, and $S_{XX} = \sum (X_i - \bar X)^2$.
After the rotation $Y = AX$, we get $S_{XX} = Y_2^2 + \cdots + Y^2_n$.
\end{document}
"""


def test_an_expansion_in_names_the_definitions_never_write_is_no_checker_error() -> None:
    from derive.check.run import check_document

    codes = [f.code for f in check_document("doc.tex", SUM_OF_SQUARES).findings]
    # before: a checker error (an inner sum over the same i given the number 1 for its index), then a false term
    assert "checker/internal-error" not in codes and error_lines("doc.tex", SUM_OF_SQUARES) == []
    verdicts = _verdicts("doc.tex", SUM_OF_SQUARES, "After the rotation")
    assert verdicts[-1][0] == "undecided" and "the expansion is written in Y" in verdicts[-1][1]


# -- a number written as the square of its rounded root: 783.5 = 28.0² ----------------------------------------------------
def test_a_number_written_as_the_square_of_its_rounded_root_holds() -> None:
    text = "# Worked\n\nWe have $S_{xx} = 783.5 = 28.0^2$ and $\\sigma^2 = 3089 = 55.6^2$.\n"
    # before: "28.0^2 is 784, not 783.5": the root rounded to its digits read as exact
    assert error_lines("doc.md", text) == []
    assert [v for v, _ in _verdicts("doc.md", text, "We have")] == ["not-a-claim", "proved", "not-a-claim", "proved"]
    assert (3, "math/false") in error_lines("doc.md", text.replace("28.0^2", "27.0^2"))


# -- plain TeX's \cr ends a row, as GitHub's MathJax reads it --------------------------------------------------------------
def test_cr_is_a_row_break() -> None:
    text = ("# Rows\n\n$$\n\\begin{aligned}\n(a + b)^2 &= a^2 + 2ab + b^2 \\cr\n(a - b)^2 &= a^2 - 2ab + b^2\n"
            "\\end{aligned}\n$$\n")
    # before: "unknown macro \\cr", both rows undecided
    assert [v for v, _ in _verdicts("doc.md", text, "(a + b)^2")] == ["proved"]
    assert [v for v, _ in _verdicts("doc.md", text, "(a - b)^2")] == ["proved"]
    assert (6, "math/false") in error_lines("doc.md", text.replace("a^2 - 2ab + b^2", "a^2 - ab + b^2"))


def test_a_row_ended_by_cr_is_not_run_together() -> None:
    from derive.check.run import check_document

    text = ("# Rows\n\n$$\n\\begin{aligned}\nx &= a + b \\cr\ny &= a - b\n\\end{aligned}\n$$\n")
    codes = [f.code for f in check_document("doc.md", text).findings]
    # before: "nothing breaks the line before it", though \cr does
    assert "render/run-together" not in codes
    assert "render/run-together" in [f.code for f in check_document("doc.md", text.replace(" \\cr", "")).findings]


# -- dx named alone is one name, the small change of x: no refutation with d times x ----------------------------------------
def test_a_differential_the_notes_name_alone_is_no_product_to_refute() -> None:
    text = "# Change\n\nLet $f(x) = x^2$. For a small change $dx$,\n\n$$f(x + dx) - f(x) = 2x\\,dx + dx^2$$\n"
    # before: dx^2 read as d·x², and a true line reported false
    assert error_lines("doc.md", text) == []
    (verdict, reason), = _verdicts("doc.md", text, "$$f(x + dx)")
    assert verdict == "undecided" and "dx may be one name" in reason
    unnamed = text.replace("For a small change $dx$,", "Then")
    assert (5, "math/false") in error_lines("doc.md", unnamed)  # (dx nowhere alone: d times x, and refuted)


# -- \coloneqq defines a function as := does; a labelled function written bare is its value --------------------------------
def test_a_function_defined_with_coloneqq_is_evaluated() -> None:
    text = "# C\n\nLet $u(t) \\coloneqq t^2 + 1$. Then $u(3) = 10$.\n"
    # before: u(t) read as u times t, and u(3) = 10 a condition
    assert [v for v, _ in _verdicts("doc.md", text, "Let $u")] == ["not-a-claim", "proved"]
    assert (3, "math/false") in error_lines("doc.md", text.replace("u(3) = 10", "u(3) = 11"))


def test_a_labelled_function_written_bare_is_no_number_to_refute() -> None:
    text = ("\\documentclass{article}\n\\usepackage{mathtools}\n\\begin{document}\n\\begin{align*}\n"
            "  q_0(x) &\\coloneqq 1\n\\end{align*}\n\\begin{align*}\n"
            "  q_1(x) &\\coloneqq (x-\\beta_0) q_0 = x-\\beta_0\n\\end{align*}\n\\end{document}\n")
    # before: q_0 a free number, and "the definitions give −q_0" for the coefficient of β_0
    assert error_lines("doc.tex", text) == []
    _, (verdict, reason) = _verdicts("doc.tex", text, "q_1(x)")
    assert verdict == "undecided" and "q_{0} is applied to an argument elsewhere" in reason


# -- a point named paragraphs before is no value for the equations a later paragraph solves ------------------------------
STATIONARY = r"""# A quartic

Near the origin (the point at $x=0, y=0$) the curve is flat.

Consider $f(x)=\frac{1}{4}x^4 - x^2 + \frac{1}{2}$; then $f'(x)=x^3 - 2x$.
We look for the values of $x$ for which $f'(x)=0$, so $x^3-2x=0$, and therefore $x(x^2-2)=0$.
"""


def test_a_point_named_in_another_paragraph_proves_no_equation() -> None:
    verdicts = _verdicts("doc.md", STATIONARY, "We look for")
    # before: each equation "proved: arithmetic: exact (with x = 0)", the origin taken for x's value
    assert verdicts and all(v != "proved" for v, _ in verdicts)


# -- the differential of a matrix: a scalar proof of f'(X)[dX] = 2X dX says nothing ----------------------------------------
def test_a_differential_of_a_matrix_is_not_proved_as_numbers() -> None:
    text = "# Square\n\nLet $f(X) = X^2$ for a square matrix $X$.\n\n$$f'(X)[dX] = 2 X\\, dX$$\n"
    # before: "symbolically equal", X and dX commuting as numbers (the truth is X dX + dX X)
    (verdict, reason), = _verdicts("doc.md", text, "$$f'(X)")
    assert verdict == "undecided" and "differential of a matrix" in reason
    scalar = "# Square\n\nLet $f(x) = x^2$ for a real number $x$.\n\n$$f'(x)\\,dx = 2 x\\, dx$$\n"
    assert [v for v, _ in _verdicts("doc.md", scalar, "$$f'(x)")] == ["proved"]


# -- \stackrel{!}{=}: a demand on the unknowns, no claim its own solution then proves ---------------------------------------
DEMAND = r"""\documentclass{article}
\begin{document}
With $n = 1$ we get
\begin{align*}
T v = \tau_0 \stackrel{!}{=} x \tau_0 \Leftrightarrow \tau_0 - x \tau_0 = 0
\end{align*}
So the eigenvalue is $x = 1$.
\end{document}
"""


def test_a_demanded_equality_is_a_condition_not_a_claim() -> None:
    verdicts = _verdicts("doc.tex", DEMAND, "T v = ")
    # before: τ_0 = xτ_0 "proved" by reading x = 1, which the line after solves from this very demand
    assert ("not-a-claim", "a demand (= with ! over it: what the unknowns must satisfy), not a claim") in verdicts
