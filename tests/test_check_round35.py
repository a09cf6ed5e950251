"""Readings added in stop 39, each from a false verdict, a wrong proof or a wrong reason on public notes the checker
had not seen. Fixtures are written here, in the notation of optimization notes; each has a correct copy and a slip."""
from __future__ import annotations

import re

import pytest

from derive.check.run import check_document
from fixture_docs import as_document, line_of, verdicts_on


def _as(name: str, markdown: str) -> str:
    """The fixture as ``name``; in LaTeX its later ``#`` headings are sections too, its ``##`` ones subsections."""
    text = as_document(name, markdown)
    if name != "doc.tex":
        return text
    text = re.sub(r"^# (.+)$", r"\\section{\1}", text, flags=re.M)
    return re.sub(r"^## (.+)$", r"\\subsection{\1}", text, flags=re.M)


def _verdicts(name: str, text: str, snippet: str) -> list[tuple[str, str]]:
    """``text`` checked as ``name``: the (verdict, reason) of the links on ``snippet``'s line."""
    return verdicts_on(check_document(name, text), line_of(text, snippet))


# --- a proof by numbers never stands where the order of products matters --------------------------------------

NORMAL_EQUATIONS = r"""# Projection

Solving the normal equations gives the least-squares coefficients:

$$
\hat{x} = (A^{T}A)^{-1}A^{T}y
$$

# Gradient

The gradient of the squared error, term by term:

$$
2A^{T}A\hat{x} - 2A^{T}y = 2A^{T}A\hat{x} - 2A^{T}y + 0
$$
"""

GRADIENT = r"2A^{T}A\hat{x} - 2A^{T}y ="


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_row_for_a_column_is_not_proved_by_the_scalar_reading(name: str) -> None:
    # bᵀA is a row, Aᵀb a column: with x̂ named in an earlier section the numbers reading made them equal
    correct = _verdicts(name, _as(name, NORMAL_EQUATIONS), GRADIENT)
    assert [v for v, _ in correct] == ["proved"], correct
    slip = _as(name, NORMAL_EQUATIONS.replace(r"2A^{T}A\hat{x} - 2A^{T}y =", r"2A^{T}A\hat{x} - 2b^{T}A =")
               .replace(r"- 2A^{T}y + 0", r"- 2A^{T}b"))
    verdicts = _verdicts(name, slip, r"2A^{T}A\hat{x} - 2b^{T}A =")
    assert [v for v, _ in verdicts] != ["proved"], verdicts
    assert "unknown number" not in verdicts[0][1], verdicts


# --- R-style primes are transposes for the matrix reader too; a coefficient vector after a matrix -------------

FISHER_SCORING = r"""# Fisher scoring

The log-likelihood of a Poisson regression is $\ell(\beta) = y^\prime X\beta - \sum_i \exp(x_i^\prime\beta)$, its
gradient $X^\prime(y - \mu)$ and its Hessian $-X^\prime W X$ with $W$ diagonal. With the working response $z$,
one Newton step is

$$
\beta_n + (X^\prime WX)^{-1}X^\prime W(z - X\beta_n) = (X^\prime WX)^{-1}X^\prime Wz + \beta_n - (X^\prime WX)^{-1}X^\prime WX\beta_n
$$
"""

STEP = r"\beta_n + (X^\prime WX)^{-1}"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_primed_product_is_proved_in_matrix_algebra_and_a_dropped_prime_is_not(name: str) -> None:
    correct = _verdicts(name, _as(name, FISHER_SCORING), STEP)
    assert [v for v, _ in correct] == ["proved"], correct
    assert "matrix algebra" in correct[0][1], correct  # (β after X is a vector; X′ is Xᵀ)
    slip = _as(name, FISHER_SCORING.replace(r"(X^\prime WX)^{-1}X^\prime W(z", r"(X^\prime WX)^{-1}XW(z"))
    verdicts = _verdicts(name, slip, STEP)
    assert [v for v, _ in verdicts] != ["proved"], verdicts
