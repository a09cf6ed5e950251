r"""Readings added in stop 53. Fixtures are written here, in my own words and symbols (the notes themselves are not
stored); each has a correct copy and a slip where a slip can be made."""
from __future__ import annotations

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
