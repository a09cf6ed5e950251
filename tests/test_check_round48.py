r"""Readings added in stop 52. Fixtures are written here, in my own words and symbols (the notes themselves are not
stored); each has a correct copy and a slip where a slip can be made."""
from __future__ import annotations

import pytest

from fixture_docs import error_lines, verdicts_at as _verdicts

# -- a name the words describe by a formula: "where $Z$ is the total $Σ…$" -------------------------------------------
NORMALISED = r"""# Normalised scores

Let $q_r = \frac{e^{s_r}}{N}$, where $N$ is the total $\sum_c e^{s_c}$.
Both parts of the fraction hold $s_r$, so

$$\frac{\partial q_r}{\partial s_r} = \frac{e^{s_r} N - e^{s_r} e^{s_r}}{N^2}$$
"""
DESCRIPTIONS = {
    "English": "where $N$ is the total $\\sum_c e^{s_c}$.",
    "Korean": "($N$는 전체 합 $\\sum_c e^{s_c}$)",
    "Russian": "где $N$ — сумма $\\sum_c e^{s_c}$.",
    "Chinese": "其中 $N$ 为总和 $\\sum_c e^{s_c}$。",
}


@pytest.mark.parametrize("language", sorted(DESCRIPTIONS))
def test_a_name_described_in_words_depends_on_the_variable(language: str) -> None:
    text = NORMALISED.replace("where $N$ is the total $\\sum_c e^{s_c}$.", DESCRIPTIONS[language])
    assert error_lines("doc.md", text) == []
    (verdict, reason), = _verdicts("doc.md", text, "$$\\frac{\\partial q_r}")
    assert verdict == "proved" and "as the words after it describe" in reason


def test_the_slip_of_a_constant_denominator_is_not_proved() -> None:
    # before: N read as a constant, so the quotient rule's commonest slip (forgetting N holds s_r) was proved
    text = NORMALISED.replace("\\frac{e^{s_r} N - e^{s_r} e^{s_r}}{N^2}", "\\frac{e^{s_r}}{N}")
    (verdict, reason), = _verdicts("doc.md", text, "$$\\frac{\\partial q_r}")
    assert verdict == "undecided" and "as the words after it describe" in reason


def test_a_list_of_names_is_not_a_description() -> None:
    # "$N$ and $Σ…$" names two things; N stays a letter of its own, and the quotient rule through it is refuted
    text = NORMALISED.replace("where $N$ is the total", "with $N$ and")
    (verdict, _), = _verdicts("doc.md", text, "$$\\frac{\\partial q_r}")
    assert verdict == "false"


# -- the sizes of a matrix product: (n × d)(d × 1) = (n × 1) ---------------------------------------------------------
SIZES = r"""# Shapes

The product $Xw$ has shape $(n \times d)(d \times 1) = (n \times 1)$, and

$$[m \times n] \cdot [n \times k] = [m \times k], \qquad \mathbb{R}^{3\times 2}\cdot\mathbb{R}^{2 \times 4} = \mathbb{R}^{3 \times 4}.$$

Arithmetic stays arithmetic: $(2 \times 3)(4 \times 5) = 120$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_sizes_of_a_matrix_product_are_read_as_sizes(name: str) -> None:
    text = SIZES if name == "doc.md" else SIZES.replace("# Shapes", "\\section{Shapes}")
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(name, text, "The product")] == ["proved"]
    assert [v for v, _ in _verdicts(name, text, "$$[m")] == ["proved", "proved"]
    (verdict, reason), = _verdicts(name, text, "Arithmetic")
    assert verdict == "proved" and "sizes" not in reason


def test_a_wrong_size_of_a_product_is_found() -> None:
    text = SIZES.replace("= (n \\times 1)$", "= (n \\times d)$")
    assert error_lines("doc.md", text) == [(3, "math/false")]
    (verdict, reason), = _verdicts("doc.md", text, "The product")
    assert verdict == "false" and "is n × 1" in reason


# -- a function "rewritten": the words say the second body is the same function ---------------------------------------
REWRITTEN = r"""# Completing the square

Consider the function

$$h(x) = \frac{1}{2} q x^2 + c x + b.$$

For $q > 0$ it has its minimum at $x^* = -c/q$. Hence we can rewrite $h$ as

$$h(x) = \frac{1}{2} q (x + c/q)^2 + b - \frac{c^2}{2q}.$$
"""


@pytest.mark.parametrize("lead", ["Hence we can rewrite $h$ as", "Equivalently,", "Перепишем $h$ в виде",
                                  "$h$ 可以改写为"])
def test_a_rewritten_function_is_checked_against_its_definition(lead: str) -> None:
    text = REWRITTEN.replace("Hence we can rewrite $h$ as", lead)
    assert error_lines("doc.md", text) == []
    assert [v for v, _ in _verdicts("doc.md", text, "$$h(x) = \\frac{1}{2} q (")] == ["proved"]
    slip = text.replace("(x + c/q)^2", "(x - c/q)^2")
    assert error_lines("doc.md", slip) == [(9, "math/false")]


def test_a_function_named_again_without_a_rewriting_word_is_a_new_definition() -> None:
    text = REWRITTEN.replace("Hence we can rewrite $h$ as", "The next example is").replace("(x + c/q)^2", "(x - c/q)^2")
    assert error_lines("doc.md", text) == []
    assert [v for v, _ in _verdicts("doc.md", text, "$$h(x) = \\frac{1}{2} q (")] != ["false"]


# -- the solution of a matrix equation, put in; a claim under a condition said in words -------------------------------
CRITICAL = r"""# Critical points

The critical points of $f(\mathbf{x}) = \frac{1}{2}\mathbf{x}^T\mathbf{A}\mathbf{x} + \mathbf{b}^T\mathbf{x} + c$
solve the linear system

$$\mathbf{A}\mathbf{x} = -\mathbf{b}.$$

LEAD $\mathbf{x}^* = -\mathbf{A}^{-1}\mathbf{b}$.
"""
LEADS = {
    "English": "If $\\mathbf{A}$ is invertible, the only critical point is",
    "German": "Falls $\\mathbf{A}$ invertierbar ist, ist der einzige kritische Punkt",
    "Russian": "Если матрица $\\mathbf{A}$ обратима, то единственная критическая точка равна",
}


@pytest.mark.parametrize("language", sorted(LEADS))
def test_the_solution_of_a_matrix_equation_is_put_in(language: str) -> None:
    text = CRITICAL.replace("LEAD", LEADS[language])
    (verdict, reason), = _verdicts("doc.md", text, "$\\mathbf{x}^*")
    assert verdict == "proved" and "the equation on line 6" in reason
    slip = text.replace("= -\\mathbf{A}^{-1}", "= \\mathbf{A}^{-1}")
    (verdict, reason), = _verdicts("doc.md", slip, "$\\mathbf{x}^*")
    assert verdict == "undecided" and "does not make the equation on line 6 hold" in reason
    assert error_lines("doc.md", slip) == []


def test_a_condition_in_words_then_a_formula_in_its_own_clause_is_the_condition() -> None:
    # "if" with the formula inside the if-clause: the formula is what is supposed, not claimed
    text = "# Cases\n\nIf $a = b + 1$ holds, then nothing.\n\nWhen the loss is flat, i.e. $a = b$, we stop.\n"
    assert [v for v, _ in _verdicts("doc.md", text, "If $a")] == ["not-a-claim"]
    assert [v for v, _ in _verdicts("doc.md", text, "When the loss")] == ["not-a-claim"]


def test_a_condition_number_is_no_condition() -> None:
    text = "# Conditioning\n\nThe loss is $L(w) = h_1 w_1^2 + h_2 w_2^2$.\nThe condition number is $\\kappa = h_1/h_2$,\n" \
           "so $\\kappa h_2 = h_1$.\n"
    (verdict, reason), = _verdicts("doc.md", text, "The condition number")
    assert verdict == "not-a-claim" and "condition" not in reason
    assert [v for v, _ in _verdicts("doc.md", text, "so $")] == ["proved"]


# -- the same term added to both sides of a tuple link cancels ---------------------------------------------------------
NOISY = r"""# Noisy gradient

$$L(w) = \tfrac{1}{2}\big(h_1 w_1^2 + h_2 w_2^2\big)$$

Each step receives

$$g(w) = \nabla L(w) + \xi = (h_1 w_1,\, h_2 w_2) + \xi$$
"""


def test_a_noise_term_added_to_a_gradient_cancels() -> None:
    assert [v for v, _ in _verdicts("doc.md", NOISY, "$$g(w)")][1:] == ["proved"]
    alone = NOISY.replace("$$g(w) = ", "$$")
    assert [v for v, _ in _verdicts("doc.md", alone, "$$\\nabla")] == ["proved"]
    slip = alone.replace("(h_1 w_1,\\, h_2 w_2) + \\xi$$", "(h_1 w_1,\\, 2 h_2 w_2) + \\xi$$")
    assert [v for v, _ in _verdicts("doc.md", slip, "$$\\nabla")] == ["false"]
