r"""Readings added in stop 53. Fixtures are written here, in my own words and symbols (the notes themselves are not
stored); each has a correct copy and a slip where a slip can be made."""
from __future__ import annotations

import sympy as sp

from fixture_docs import error_lines, verdicts_at as _verdicts

# -- a power named by a chain, used in its later form: s² = (1/n)Σ… = ((n−1)/n)σ², then σ²/n = s²/(n−1) ------------
SPREAD = r"""# Spread of a sample

$$
\begin{align}
s^2 & = \frac{1}{n} \sum_{k=1}^{n}(X_k - \bar{X})^2 \\
 & = \frac{(n - 1)}{n} \sigma^2
\end{align}
$$

That is,

$$ \frac{\sigma^2}{n} = \frac{s^2}{n - 1} $$
"""


def test_a_power_used_in_the_later_form_of_its_chain_is_no_slip() -> None:
    assert error_lines("doc.md", SPREAD) == []
    (verdict, reason), = _verdicts("doc.md", SPREAD, "$$ \\frac{\\sigma^2}{n}")
    # the chain's second link (line 6) is undecided, so this one rests on it: undecided, the link named
    assert verdict == "undecided" and "later form its chain gives (line 6)" in reason and "line 6 is not" in reason


def test_a_slip_against_every_form_of_the_chain_stays_false() -> None:
    slip = SPREAD.replace("\\frac{s^2}{n - 1} $$", "\\frac{s^2}{n + 1} $$")
    assert (12, "math/false") in error_lines("doc.md", slip)


def test_a_power_in_a_proved_later_form_is_proved() -> None:
    text = ("# Sum of squares\n\n$$r^2 = (a + b)^2 - 2ab = a^2 + b^2$$\n\nSo\n\n"
            "$$\\frac{r^2}{2} + ab = \\frac{a^2 + b^2}{2} + ab$$\n")
    (verdict, reason), = _verdicts("doc.md", text, "$$\\frac{r^2}{2}")
    assert verdict == "proved" and "later form its chain gives (line 3)" in reason
    slip = text.replace("= \\frac{a^2 + b^2}{2} + ab$$", "= \\frac{a^2 - b^2}{2} + ab$$")
    assert (7, "math/false") in error_lines("doc.md", slip)


# -- a bare E of a random variable is an expectation: E(X⁴) − E(X²)², E(2X + 3) ---------------------------------------
UNIFORM = r"""# Uniform on [0, 1]

Let $X$ be uniform on $[0, 1]$, with density $f(x) = 1$ on $[0, 1]$.

$$V(X^2) = E(X^4) - (E(X^2))^2$$

$$= \int_{0}^{1}x^4dx - (\int_{0}^{1}x^2dx)^2 = \frac{4}{45}$$
"""


def test_an_expectation_written_with_round_brackets_is_not_a_product() -> None:
    # before: E·X⁴ − E²X⁴, refuted at any E; the distribution is in words, so the link is undecided
    assert error_lines("doc.md", UNIFORM) == []
    verdicts = _verdicts("doc.md", UNIFORM, "$$= \\int")
    assert verdicts[0][0] == "undecided" and "expectation" in verdicts[0][1] and verdicts[1][0] == "proved"


def test_linearity_of_a_bare_expectation() -> None:
    text = "# Linearity\n\n$$E(2X + 3) = 2E(X) + 3$$\n"
    (verdict, _), = _verdicts("doc.md", text, "$$E(2X")
    assert verdict == "proved"
    assert (3, "math/false") in error_lines("doc.md", text.replace("2E(X) + 3$$", "2E(X) + 4$$"))


def test_a_letter_e_before_lower_case_letters_stays_a_product() -> None:
    # E(x + 1) with no random variable's letter: the letter E times the group (an energy, a constant)
    text = "# Product\n\n$$E(x + 1) = Ex + E$$\n"
    (verdict, _), = _verdicts("doc.md", text, "$$E(x")
    assert verdict == "proved"


# -- a case of two indices posed in words: "Falls $j \neq c$:" -------------------------------------------------------
ONE_HOT = r"""# Softmax and cross-entropy

The gradient is:

$$
\frac{\partial L}{\partial z_j} = p_j - y_j
$$

Only $y_c = 1$, every other entry is $0$:

* If $j \neq c$:

  $$\frac{\partial L}{\partial z_j} = p_j - 0 = p_j$$
"""


def test_a_link_in_a_case_of_indices_is_not_refuted_by_a_free_entry() -> None:
    for case in ("* If $j \\neq c$:", "* Falls $j \\ne c$:", "* Если $j \\neq c$:"):
        text = ONE_HOT.replace("* If $j \\neq c$:", case)
        assert error_lines("doc.md", text) == [], case
        (verdict, reason), proved = _verdicts("doc.md", text, "$$\\frac{\\partial L}{\\partial z_j} = p_j - 0")
        assert verdict == "undecided" and "y_{j} = 0" in reason and "j ≠ c" in reason and proved[0] == "proved"


def test_without_the_case_the_entry_is_free_and_the_link_false() -> None:
    text = ONE_HOT.replace("* If $j \\neq c$:", "* Then:")
    assert (13, "math/false") in error_lines("doc.md", text)


SKEW = r"""# Moments of the uniform law on [0, 1]

The expected value of $x^k$ is $\int_0^1 x^k dx$. The fourth central moment:

$$\alpha_4 = \frac{1}{\sigma^4}\left(E(x^4) - 4\mu E(x^3) + 6\mu^2 E(x^2) - 3\mu^4\right)$$

$$= \frac{1}{\sigma^4}\left(\int_{0}^{1}x^4 dx - 4 \mu \int_{0}^{1}x^3 dx + 6 \mu^2 \int_{0}^{1}x^2 dx - 3\mu^4\right)$$
"""


def test_a_bare_e_is_the_expectation_where_the_words_name_expectations() -> None:
    for words in ("The expected value of", "期待値は", "Математическое ожидание", "Der Erwartungswert von"):
        text = SKEW.replace("The expected value of", words)
        assert error_lines("doc.md", text) == [], words
        (verdict, reason), = _verdicts("doc.md", text, "$$= \\frac{1}{\\sigma^4}")
        assert verdict == "undecided" and "expectation" in reason


def test_without_words_of_expectation_a_bare_e_of_lower_case_letters_is_a_letter() -> None:
    text = SKEW.replace("The expected value of $x^k$ is $\\int_0^1 x^k dx$.", "Here is a sum.")
    assert (7, "math/false") in error_lines("doc.md", text)


def test_a_power_defined_in_one_link_is_put_in() -> None:
    text = "# Spread\n\n$$s^2 = \\frac{(n - 1)}{n} \\sigma^2$$\n\nHence\n\n$$\\frac{\\sigma^2}{n} = \\frac{s^2}{n - 1}$$\n"
    (verdict, reason), = _verdicts("doc.md", text, "$$\\frac{\\sigma^2}{n}")
    assert verdict == "proved" and "as defined on line 3" in reason
    assert (7, "math/false") in error_lines("doc.md", text.replace("{s^2}{n - 1}", "{s^2}{n + 1}"))


# -- matrices named in words: products whose order the scalar reading ignores ---------------------------------------
DIFFERENTIALS = r"""# Differentials

Let $A$, $B$ be constant matrices and $X$ a matrix variable. Rules of the differential:

$$d(AXB) = B(dX)A$$
"""


def test_matrices_named_in_words_are_not_commuted_into_a_proof() -> None:
    # before: d·A·X·B against d·B·X·A as numbers, "proved"; the rule is false for matrices
    (verdict, reason), = _verdicts("doc.md", DIFFERENTIALS, "$$d(AXB)")
    assert verdict == "undecided" and "commute" in reason


def test_matrices_named_in_words_are_read_as_matrices() -> None:
    text = DIFFERENTIALS.replace("$$d(AXB) = B(dX)A$$", "$$AXB = BXA$$")
    (verdict, reason), = _verdicts("doc.md", text, "$$AXB")
    assert verdict == "undecided" and "diagonal" in reason  # false for general matrices, true for diagonal ones
    without = text.replace("Let $A$, $B$ be constant matrices and $X$ a matrix variable.", "Let $A$, $B$ be numbers.")
    assert _verdicts("doc.md", without, "$$AXB")[0][0] == "proved"


# -- a letter applied to brackets elsewhere is no factor a proof may lean on -----------------------------------------
REMAINDER = r"""# Remainders

Here $f(x) = 1 + x + x\epsilon(x)$ and $g(x) = x^2\epsilon(x)$, with $\epsilon$ a function.

$$\lim_{x\to1}\epsilon(x-1) = 0$$

$$a(b + c) = ab + ac$$
"""


def test_a_proof_that_reads_a_function_as_a_factor_is_withdrawn() -> None:
    (verdict, reason), = _verdicts("doc.md", REMAINDER, "$$\\lim")
    assert verdict == "undecided" and "applies \\epsilon to brackets elsewhere" in reason
    assert _verdicts("doc.md", REMAINDER, "$$a(b")[0][0] == "proved"  # a letter never applied stays a factor


# -- the French Taylor chapter: properties posed by existence, letters set anew, bare names of functions -----------
def test_a_formula_some_numbers_make_true_defines_no_function() -> None:
    text = ("# Expansions\n\nWe say $f$ has an expansion at $0$ if there exist reals such that\n"
            "$f(x) = c_0 + c_1x + c_2x^2 + \\cdots + c_nx^n + x^n\\epsilon(x)$.\n\n"
            "If $f$ has an expansion at $a$ of order $n \\ge 1$, then $f(a)=c_0$ and $f'(a)=c_1$.\n")
    for lead in ("if there exist reals such that", "s'il existe des réels tels que"):
        doc = text.replace("if there exist reals such that", lead)
        assert error_lines("doc.md", doc) == [], lead
        assert _verdicts("doc.md", doc, "$f(x) = c_0")[0][0] == "not-a-claim"
    defined = text.replace("if there exist reals such that", "and we set")
    assert (6, "math/coefficient") in error_lines("doc.md", defined)  # f defined: f'(a) = c_1 + 2c_2a + … ≠ c_1


def test_a_letter_set_anew_in_words_is_in_force_from_there() -> None:
    text = ("# Taylor\n\nAt $a$ we set $h=x-a$.\n\nExpansion of $\\exp x$ at $1$. On pose $h=x-1$.\n\n"
            "$$\\exp x = \\exp(1) \\exp (x-1) = \\exp(1) \\exp h$$\n")
    assert error_lines("doc.md", text) == []
    assert [v for v, _ in _verdicts("doc.md", text, "$$\\exp x")] == ["proved", "proved"]
    slip = text.replace("\\exp(1) \\exp h$$", "\\exp(1) \\exp (2h)$$")
    assert (7, "math/false") in error_lines("doc.md", slip)


def test_a_bare_function_name_in_an_expansion_is_its_value() -> None:
    text = ("# Composition\n\nSet $u(x)=\\cos x-1$. Its expansion at $0$ to order $4$:\n\n"
            "$$u=-\\frac{1}{2}x^2+\\frac{1}{24}x^4+o(x^4)$$\n\nand\n\n$$u^2 = \\frac{1}{4}x^4 + o(x^4)$$\n")
    assert error_lines("doc.md", text) == []
    assert _verdicts("doc.md", text, "$$u=")[0][0] == "proved"
    slip = text.replace("\\frac{1}{24}x^4+o", "\\frac{1}{12}x^4+o")
    assert (5, "math/false") in error_lines("doc.md", slip)


def test_terms_after_a_limit_that_vary_with_its_variable_are_under_it() -> None:
    text = "# Limit\n\n$$\\lim_{x\\to+\\infty} \\frac{x^2 + 1}{x} - x = 0$$\n"
    assert _verdicts("doc.md", text, "$$\\lim")[0][0] == "proved"  # read as (lim (x²+1)/x) − x, it was refuted
    assert (3, "math/false") in error_lines("doc.md", text.replace("- x = 0$$", "- x = 1$$"))


def test_a_range_stated_negative_is_sampled_negative() -> None:
    text = ("# At minus infinity\n\nAt $-\\infty$ (so $x<0$):\n\n"
            "$$\\frac{\\sqrt{x^2-1}}{x} = -\\sqrt{1-\\frac{1}{x^2}}$$\n")
    (verdict, reason), = _verdicts("doc.md", text, "$$\\frac{\\sqrt")
    assert verdict == "proved" and "x < 0" in reason
    assert (5, "math/false") in error_lines("doc.md", text.replace("At $-\\infty$ (so $x<0$)", "At $+\\infty$ (so $x>0$)"))


def test_the_equation_of_a_line_is_no_value_of_y() -> None:
    text = "# Tangents\n\nThe tangent line at 1 is $y = 2x - 1$. Hence the tangent line at 2 is $y = 4x - 4$.\n"
    assert error_lines("doc.md", text) == []
    assert [v for v, _ in _verdicts("doc.md", text, "y = 4x")] == ["not-a-claim", "not-a-claim"]
    plain = "# Values\n\nWe have $y = 2x - 1$. Hence $y = 4x - 4$.\n"
    assert (3, "math/false") in error_lines("doc.md", plain)


def test_the_normal_density_with_its_precision_is_the_normal_law() -> None:
    text = ("# Precision\n\nThe PDF of the normal distribution with mean $\\mu$ and precision $\\tau$ is:\n\n"
            "$$f(x | \\mu, \\tau) = \\sqrt{\\frac{\\tau}{2\\pi}} \\exp\\left(-\\frac{\\tau}{2} (x - \\mu)^2\\right)$$\n")
    assert error_lines("doc.md", text) == []
    assert (5, "math/law") in error_lines("doc.md", text.replace("\\frac{\\tau}{2} (x", "\\frac{\\tau}{3} (x"))


def test_a_generic_function_a_proof_writes_out_stays_in_the_proof() -> None:
    text = (r"\section{Expansions}" "\n\\begin{proof}\nLet us write the expansion of $f$:\n"
            "$f(x)=c_0+c_1 x +x^2\\epsilon(x)$.\n\\end{proof}\n\nHence $f(0) = c_0 + 1$.\n")
    assert error_lines("doc.tex", text) == []
    outside = text.replace("\\begin{proof}\n", "").replace("\\end{proof}\n", "")
    assert (5, "math/false") in error_lines("doc.tex", outside)  # the same f outside a proof is in force


def test_the_condition_of_an_if_then_defines_no_function() -> None:
    text = ("# Limits\n\nIt is enough to note that\nif $f(x) = c_0+c_1(x-a)+\\cdots$ then $\\lim_{x\\to a} f(x) = c_0$.\n\n"
            "At $0$ we have $f(x)=\\ln(1+x)-\\tan x$.\n")
    assert error_lines("doc.md", text) == []
    (verdict, reason), = _verdicts("doc.md", text, "if $f(x)")[:1]
    assert verdict == "not-a-claim" and reason.startswith("condition")  # before: "definition of f"


def test_a_point_known_to_exist_does_not_refute_the_mean_value_theorem() -> None:
    text = ("# Mean value\n\nLet $f(x) = x^3$. Here $f(x) = f(a) + f'(c)(x - a)$ where $c$ is between $a$ and $x$.\n\n"
            "For $n=0$ this is the mean value theorem:\nil existe $c\\in]a,b[$ tel que $f(b)=f(a)+f'(c)(b-a)$.\n")
    assert error_lines("doc.md", text) == []
    (verdict, reason), = _verdicts("doc.md", text, "tel que")
    assert verdict == "undecided" and "only known to exist" in reason
    english = text.replace("il existe $c\\in]a,b[$ tel que", "there is a $c\\in]a,b[$ such that")
    assert error_lines("doc.md", english) == []


def test_at_minus_infinity_the_variable_is_negative() -> None:
    text = "# At minus infinity\n\nAt $-\\infty$:\n\n$$\\frac{\\sqrt{x^2-1}}{x} = -\\sqrt{1-\\frac{1}{x^2}}$$\n"
    (verdict, reason), = _verdicts("doc.md", text, "$$\\frac{\\sqrt")
    assert verdict == "proved" and "x < 0" in reason
    assert (5, "math/false") in error_lines("doc.md", text.replace("At $-\\infty$", "At $+\\infty$"))


# -- expectations under a law the text states: X ∼ U(0, 1), Y ∼ N(μ, σ²) ----------------------------------------------
LAWS = r"""# Moments

Let $X \sim \mathcal{U}(0, 1)$.

$$E(X^4) - (E(X^2))^2 = \frac{4}{45}$$

Let $Y \sim \mathcal{N}(\mu, \sigma^2)$. Then

$$\mathbb{E}[Y^2] = \mu^2 + \sigma^2$$

$$\mathrm{Var}(2Y + 1) = 4\sigma^2$$
"""


def test_moments_of_a_stated_law_are_proved() -> None:
    assert error_lines("doc.md", LAWS) == []
    for snippet in ("$$E(X^4)", "$$\\mathbb{E}[Y^2]", "$$\\mathrm{Var}(2Y"):
        (verdict, reason), = _verdicts("doc.md", LAWS, snippet)
        assert verdict == "proved" and "the moments of the law the text states" in reason, snippet
    assert _verdicts("doc.md", LAWS, "Let $X")[0] == ("not-a-claim", "a law (∼ says how it is distributed), no value")


def test_a_wrong_moment_under_a_law_is_never_proved() -> None:
    # the law is read only to prove: a messy chain, or another part's law for the same letter, refutes nothing
    for old, new, snippet in (("\\frac{4}{45}", "\\frac{1}{45}", "$$E(X^4)"),
                              ("\\mu^2 + \\sigma^2$$", "\\mu^2 + 2\\sigma^2$$", "$$\\mathbb{E}[Y^2]"),
                              ("= 4\\sigma^2", "= 2\\sigma^2", "$$\\mathrm{Var}(2Y")):
        slip = LAWS.replace(old, new)
        assert _verdicts("doc.md", slip, snippet)[0][0] != "proved", old


def test_a_law_of_another_section_proves_but_never_refutes() -> None:
    text = LAWS.replace("Let $Y \\sim", "# Another part\n\nLet $Y \\sim").replace(
        "$$\\mathrm{Var}(2Y + 1) = 4\\sigma^2$$", "# General case\n\n$$\\mathbb{E}[Y] = m$$")
    assert error_lines("doc.md", text) == []


def test_a_normal_law_given_by_its_deviation_is_not_read() -> None:
    text = LAWS.replace("\\mathcal{N}(\\mu, \\sigma^2)", "\\mathcal{N}(\\mu, \\sigma)")
    assert _verdicts("doc.md", text, "$$\\mathbb{E}[Y^2]")[0][0] != "proved"


def test_a_bare_v_of_a_random_variable_is_the_variance() -> None:
    text = "# V\n\n$$E\\left(X^{2}\\right) = V(X)+[E(X)]^{2}$$\n\n$$V(2X) = 4V(X)$$\n"
    assert error_lines("doc.md", text) == []
    assert [v for v, _ in _verdicts("doc.md", text, "$$E\\left")] == ["proved"]
    assert [v for v, _ in _verdicts("doc.md", text, "$$V(2X)")] == ["proved"]
    assert (5, "math/false") in error_lines("doc.md", text.replace("= 4V(X)$$", "= 2V(X)$$"))


def test_an_expectation_taken_through_a_sum_is_linear() -> None:
    text = ("# Sums\n\nLet $M_n = \\sum_{i=1}^{n} a_i X_i$.\n\n"
            "$$E\\left(M_{n}\\right) = E\\left(\\sum_{i=1}^{n} a_{i} X_{i}\\right) = \\sum_{i=1}^{n} E\\left(a_{i} X_{i}\\right)$$\n")
    assert [v for v, _ in _verdicts("doc.md", text, "$$E\\left(M")] == ["proved", "proved"]


def test_an_expansion_with_its_remainder_defines_no_function() -> None:
    text = ("# Composition\n\nLet $h(x)=\\sqrt{\\cos x}$. We know $f(u)=\\sqrt{1+u}=1+\\frac{1}{2}u-\\frac{1}{8}u^2 + o(u^2)$.\n\n"
            "Set $u(x)=\\cos x-1$; then $h(x)= f\\big(u(x)\\big)$ and $u(0)=0$.\n\nThus\n\n"
            "\\begin{align*}\nh(x) & = f\\big(u\\big) = 1+\\frac{1}{2}u-\\frac{1}{8}u^2 + o(u^2) \\\\\n"
            "     & = 1-\\frac{1}{4}x^2+o(x^2)\n\\end{align*}\n")
    assert error_lines("doc.md", text) == []
    # before: the chain's last form, with its remainder, read as h's definition and "restated" against h(x) = f(u(x))
    assert _verdicts("doc.md", text, "h(x) & =")[0][0] == "proved"


def test_a_letter_before_a_power_of_a_number_in_its_letter_is_a_product() -> None:
    from derive.check.latex import parse_expr
    read = parse_expr(r"\frac{1}{n2^nx^n}")
    by_name = {str(s): s for s in read.free_symbols}
    assert set(by_name) == {"n", "x"}  # before: n₂, a name typed as code
    n, x = by_name["n"], by_name["x"]
    assert sp.simplify(read - 1 / (n * 2**n * x**n)) == 0
    assert {str(s) for s in parse_expr(r"x2^2 + x1^2").free_symbols} == {"x_{1}", "x_{2}"}  # names typed as code


def test_french_hyperbolic_names_and_display_limits() -> None:
    text = ("# Hyperboliques\n\n$$\\ch^2 x - \\sh^2 x = 1$$\n\n$$\\sum\\displaylimits_{i=1}^{n} (x_i + 1) = \\sum_{i=1}^{n} x_i + n$$\n\n"
            "$$\\coth x = \\frac{\\ch x}{\\sh x}$$\n")
    assert error_lines("doc.md", text) == []
    for snippet in ("$$\\ch^2", "$$\\sum", "$$\\coth"):
        assert _verdicts("doc.md", text, snippet)[0][0] == "proved", snippet
    assert (3, "math/false") in error_lines("doc.md", text.replace("\\sh^2 x = 1", "\\sh^2 x = 2"))


def test_moments_only_a_law_relates_are_not_refuted() -> None:
    text = ("# Moments\n\nFor the Poisson law, $E(X)=\\operatorname{var}(X)=\\lambda$.\n\n"
            "$$\\mathbb{E}[X + Y] = \\mathbb{E}[X] + \\mathbb{E}[Y]$$\n")
    assert error_lines("doc.md", text) == []  # before: E(X) = var(X) refuted (different moments of X)
    (verdict, reason), = _verdicts("doc.md", text, "$E(X)=")[:1]
    assert verdict == "undecided" and "different moments" in reason
    slip = text.replace("\\mathbb{E}[X] + \\mathbb{E}[Y]$$", "\\mathbb{E}[X] + 2\\mathbb{E}[Y]$$")
    assert (5, "math/false") in error_lines("doc.md", slip)  # the same moments on both sides: linearity refutes


def test_a_bare_e_of_a_difference_to_a_power_is_the_expectation_of_the_power() -> None:
    text = "# Squares\n\n$$E(X-a)^2 = E(X^2) - 2aE(X) + a^2$$\n\n$$E(X)^2 + 1 = (E(X))^2 + 1$$\n"
    assert [v for v, _ in _verdicts("doc.md", text, "$$E(X-a)")] == ["proved"]  # E[(X − a)²], not (E[X] − a)²
    assert [v for v, _ in _verdicts("doc.md", text, "$$E(X)^2")] == ["proved"]  # E(X)^2 stays (E X)²
    assert (3, "math/false") in error_lines("doc.md", text.replace("+ a^2$$", "+ 2a^2$$"))


# -- fresh79: a density defined through its distribution function, compositions, remainders, least squares ---------
def test_a_density_and_its_distribution_defined_through_each_other_is_no_crash() -> None:
    text = ("# CDF\n\n* CDF $F_X(x)= \\int_{-\\infty}^{x} f_X(t) \\, dt$.\n\n* $f_X(x) = \\frac{d}{dx} F_X(x)$\n"
            "* $P(a < X \\leq b) = F_X(b) - F_X(a) = \\int_{a}^{b} f_X(t) \\, dt$\n")
    assert not any(code == "checker/internal-error" for _, code in error_lines("doc.md", text))
    reasons = [r for _, r in _verdicts("doc.md", text, "P(a < X")]
    assert reasons and not any("checker error" in r for r in reasons)  # before: RecursionError, the display skipped


def test_a_composition_of_maps_is_not_refuted_as_a_product() -> None:
    text = "# Projection\n\nThe map $p_n$ is linear and a projection: $p_n \\circ p_n = p_n$.\n"
    assert error_lines("doc.md", text) == []
    (verdict, reason), = _verdicts("doc.md", text, "p_n \\circ")
    assert verdict == "undecided" and "compose" in reason


def test_a_remainder_function_applied_to_an_expression_is_no_factor() -> None:
    text = ("# Composition\n\n$$e^y = 1+y+\\frac{y^2}{2} +y^2\\epsilon_2(y).$$\n\n"
            "$$e^{\\sin x} = 1+\\sin x +\\frac{1}{2} \\sin^2(x) + \\sin^2(x) \\epsilon_2(\\sin(x))$$\n")
    assert error_lines("doc.md", text) == []


LEAST_SQUARES = r"""# Least squares

$$\pmb{\hat{\beta}}=(\pmb{X}^T\pmb{X})^{-1}\pmb{X}^T\pmb{y}$$

$$\pmb{\hat{e}}=\pmb{y}-\pmb{X}\pmb{\hat{\beta}}$$

$$ \pmb{P}=\pmb{X}(\pmb{X}^T\pmb{X})^{-1}\pmb{X}^T$$

$$\pmb{P}\pmb{P} = \pmb{P}, \quad \pmb{P}\pmb{X} = \pmb{X}$$

$$\pmb{M}=\pmb{I}-\pmb{P}$$

$$\pmb{M}\pmb{y}=\pmb{\hat{e}}$$
"""


def test_a_projection_matrix_is_a_naming_not_the_number_one() -> None:
    # before: P = X(XᵀX)⁻¹Xᵀ is 1 as numbers, so it was taken as the example P = 1, and My = ê refuted with P free
    assert error_lines("doc.md", LEAST_SQUARES) == []
    assert _verdicts("doc.md", LEAST_SQUARES, "$$ \\pmb{P}=")[0] == ("not-a-claim", "definition (a naming)")
    assert [v for v, _ in _verdicts("doc.md", LEAST_SQUARES, "$$\\pmb{P}\\pmb{P}")] == ["proved", "proved"]


def test_a_multiple_of_a_residual_that_vanishes_as_numbers_is_never_proved() -> None:
    slip = LEAST_SQUARES.replace("$$\\pmb{M}\\pmb{y}=\\pmb{\\hat{e}}$$", "$$\\pmb{M}\\pmb{y}=2\\pmb{\\hat{e}}$$")
    assert _verdicts("doc.md", slip, "$$\\pmb{M}\\pmb{y}")[0][0] != "proved"  # ê is 0 only as numbers


def test_a_random_letter_written_outside_an_expectation_stays_random() -> None:
    text = "# Ratio\n\nSo $\\frac{E(X)}{E(Y)} = \\frac{X}{Y}$.\n\nAnd $E(aX + b) = aE(X) + b$.\n"
    assert _verdicts("doc.md", text, "\\frac{E(X)}")[0][0] != "proved"  # before: X outside E, so a constant
    assert _verdicts("doc.md", text, "E(aX + b)")[0][0] == "proved"


def test_a_law_proves_nothing_of_another_random_quantity() -> None:
    text = "# Product\n\nLet $X \\sim \\mathcal{N}(0, 3)$.\n\n$$\\mathbb{E}[X^2 Y] = 3Y$$\n\n$$\\mathbb{E}[aX^2 + b] = 3a + b$$\n"
    assert _verdicts("doc.md", text, "$$\\mathbb{E}[X^2 Y]")[0][0] != "proved"  # Y is random too
    assert _verdicts("doc.md", text, "$$\\mathbb{E}[aX^2")[0][0] == "proved"


def test_an_expectation_in_braces_is_the_expectation() -> None:
    text = "# Variance\n\n$$Var(X)=E\\{[X-E(X)]^2\\}$$\n"
    assert _verdicts("doc.md", text, "$$Var(X)")[0][0] == "proved"


def test_a_residual_refuted_as_numbers_is_undecided() -> None:
    # the model, the estimate and the residual in one section, P and M in subsections: as numbers ê is 0
    text = ("## Foundations\n\n$$\\pmb{y}=\\pmb{X}\\pmb{\\beta}+\\pmb{e}$$\n\n"
            "$$\\pmb{\\hat{\\beta}}=(\\pmb{X}^T\\pmb{X})^{-1}\\pmb{X}^T\\pmb{y}$$\n\n"
            "$$\\pmb{\\hat{e}}=\\pmb{y}-\\pmb{X}\\pmb{\\hat{\\beta}}$$\n\n### Projection\n\n"
            "$$ \\pmb{P}=\\pmb{X}(\\pmb{X}^T\\pmb{X})^{-1}\\pmb{X}^T$$\n\n### Orthogonal projection\n\n"
            "$$\\pmb{M}=\\pmb{I}-\\pmb{P}$$\n\n$$\\pmb{M}\\pmb{y}=\\pmb{\\hat{e}}$$\n")
    assert error_lines("doc.md", text) == []
    (verdict, reason), = _verdicts("doc.md", text, "$$\\pmb{M}\\pmb{y}")
    assert verdict == "undecided" and "matrix inverse" in reason


def test_a_subscripted_e_beside_a_variance_is_still_doubted_as_a_factor() -> None:
    text = ("# Error\n\n$$E_{\\theta}(T^{2})-(E_{\\theta}(T))^{2}+\\theta^{2}-2\\theta E_{\\theta}(T) "
            "= \\operatorname{var}(T)+(E_{\\theta}(T)-\\theta)^{2}$$\n")
    assert error_lines("doc.md", text) == []  # before: E_θ read as a letter beside the variance, refuted


def test_an_entry_of_a_product_is_a_number_for_the_matrix_guard() -> None:
    text = ("# Trace\n\nLet $A$ and $B$ be square matrices.\n\n"
            "$$\\frac{\\partial}{\\partial A_{ij}} \\sum_k (AB)_{kk} = \\frac{\\partial}{\\partial A_{ij}} \\sum_{k,l} A_{kl}B_{lk}$$\n")
    assert _verdicts("doc.md", text, "$$\\frac{\\partial}")[0][0] == "proved"  # (AB)_{kk} is no product of matrices
