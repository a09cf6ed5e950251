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
