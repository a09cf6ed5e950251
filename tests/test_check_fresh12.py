"""Constructs from a set of public notes the checker had never seen that gave false errors there (fresh12).

Every fixture is written for these tests (no note is copied). Each correct copy gives no error; where the
construct can hold a real slip, a copy with a planted slip is still reported on its line.
"""
from __future__ import annotations

import pytest

from derive.check.run import check_document
from test_check_fresh2 import errors, verdicts  # (line, code) of the errors; verdicts by line


# -- coordinates rounded to the digits shown ------------------------------------------------------------------
GRADIENT_VALUES = r"""Wir betrachten $f(x_1, x_2) = \sin(x_1) + 0.05 x_1^2 + 0.1 x_2^2$. Dann ist

$$\nabla f(-4, -2) = \begin{pmatrix} -1.05 \\ -0.40 \end{pmatrix}, \quad \nabla f(-1, 2) = \begin{pmatrix} 0.44 \\ 0.40 \end{pmatrix}$$

und $\begin{pmatrix}\cos(-4)+0.1\cdot(-4) \\ 0.2\cdot(-2) \end{pmatrix} = \begin{pmatrix} -1.05 \\ -0.40 \end{pmatrix}$
sowie $(\cos(-1) - 0.1, 0.4)^T = (0.44, 0.40)^T$.
"""


def test_coordinates_rounded_to_the_digits_written_are_proved() -> None:
    """cos(−4) − 0.4 = −1.0536… written −1.05 in a vector: the digits shown, as for a number on its own."""
    assert errors(GRADIENT_VALUES) == []
    found = verdicts(GRADIENT_VALUES)
    assert [v for v, _ in found[3]] == ["proved", "proved"] and "to the digits written" in found[3][0][1]
    assert [v for v, _ in found[5]] == ["proved"] and [v for v, _ in found[6]] == ["proved"]


@pytest.mark.parametrize("slip, planted, line", [
    (r"0.44 \\ 0.40", r"0.44 \\ 0.20", 3),   # a coordinate off by more than its digits
    (r"-1.05 \\ -0.40 \end{pmatrix}$", r"-1.15 \\ -0.40 \end{pmatrix}$", 5),
    ("(0.44, 0.40)^T", "(0.45, 0.40)^T", 6),
])
def test_a_coordinate_off_by_more_than_its_digits_is_false(slip: str, planted: str, line: int) -> None:
    text = GRADIENT_VALUES.replace(slip, planted, 1)
    assert text != GRADIENT_VALUES
    assert (line, "math/false") in errors(text)


# -- letters typed as Unicode mathematical italics --------------------------------------------------------------
ITALIC_LETTERS = ("Die Funktion $𝑓(𝑥_{1}, 𝑥_{2}) = \\sin(𝑥_{1}) + 0.1 𝑥_{2}^{2}$ hat den Gradienten\n\n"
                  "$$\\nabla f(x_1, x_2) = \\begin{pmatrix} \\cos(x_1) \\\\ 0.2 x_2 \\end{pmatrix}$$\n")


def test_mathematical_italic_letters_are_the_plain_letters() -> None:
    """𝑓(𝑥₁, 𝑥₂) pasted from a word processor defines f: the gradient below is checked against it."""
    found = verdicts(ITALIC_LETTERS)
    assert found[1] == [("not-a-claim", "definition of f")]
    assert [v for v, _ in found[3]] == ["proved"]
    assert (3, "math/false") in errors(ITALIC_LETTERS.replace("0.2 x_2", "0.1 x_2"))


# -- a limit of a sequence the notes do not write term by term; a transpose set in bold -----------------------
SEQUENCE_LIMIT = r"""\documentclass{article}
\begin{document}
With $0 < \beta < 1$, summing the descent inequality, $\sum_{k=0}^{\infty} \|\nabla f(\mathbf{x_k})\|^2 < \infty$, hence
\[
\lim_{k\to\infty} \|\nabla f(\mathbf{x_k})\|^2 = 0 \quad\text{and}\quad \lim_{k\to\infty} \beta^k = 0 .
\]
Also $\nabla f(\mathbf{x_0})^{\mathbf{T}} \nabla f(\mathbf{x_0}) = \|\nabla f(\mathbf{x_0})\|^2$.
\end{document}
"""


def test_a_limit_of_a_sequence_given_by_name_only_is_undecided() -> None:
    """k only in the index of x_k: SymPy sees a body constant in k (the limit would be the body itself, and the
    line false). It is undecided, named so; a limit in k itself is still taken."""
    assert errors(SEQUENCE_LIMIT, "doc.tex") == []
    found = verdicts(SEQUENCE_LIMIT, "doc.tex")
    assert found[5][0][0] == "undecided" and "its terms are not given as functions of k" in found[5][0][1]
    assert found[5][1][0] == "proved"


def test_a_bold_t_in_a_superscript_is_a_transpose() -> None:
    r"""``x^{\mathbf{T}}`` is set like ``x^{\mathrm{T}}``: a transpose, never a power named T (a false error)."""
    found = verdicts(SEQUENCE_LIMIT, "doc.tex")
    assert [v for v, _ in found[7]] == ["proved"], found[7]  # ∇f^T ∇f = ‖∇f‖²


# -- a step schedule with a floor, instantiated in a list under "if s = 10" ------------------------------------
SCHEDULE = r"""Step decay:

$$
\eta_t\leftarrow\eta_0\cdot\gamma^{\lfloor\frac{t}{s}\rfloor}
$$

e.g., if $s=10$
- $\eta_5=\eta_0$
- $\eta_{10}=\eta_0\cdot\gamma$
- $\eta_{15}=\eta_0\cdot\gamma$
- $\eta_{20}=\eta_0\cdot\gamma^2$
"""


def test_a_schedule_with_a_floor_is_instantiated_in_the_list_under_its_condition() -> None:
    r"""``\lfloor t/s \rfloor`` is the floor; "if $s=10$" on the line above a list governs each item (a claim under
    it, never a condition itself, and never a naming because it starts a list item)."""
    found = verdicts(SCHEDULE)
    assert found[4] == [("not-a-claim", "definition (←)")]
    assert [found[n][0][0] for n in (8, 9, 10, 11)] == ["proved"] * 4, found
    slip = SCHEDULE.replace(r"\eta_{20}=\eta_0\cdot\gamma^2", r"\eta_{20}=\eta_0\cdot\gamma^3")
    message = [f.message for f in check_document("doc.md", slip).findings if f.severity == "error"]
    assert len(message) == 1 and "the definitions give γ^2" in message[0], message


# -- fresh13: the chain rule in Leibniz notation; cases listed as siblings --------------------------------------
CHAIN_RULE = ("Let $f(x) = 2x^2$ and $g(x) = x^3$. Then $\\frac{dg(x)}{dx} = 3x^2$ and\n\n"
              "$\\frac{df(g(x))}{dx} = 4g(x) \\cdot 3x^2 = 4x^3 \\cdot 3x^2 = 12x^5$\n")


def test_a_function_of_an_expression_in_the_variable_is_differentiated_whole() -> None:
    r"""``\frac{df(g(x))}{dx}`` is d/dx of f(g(x)) (the chain rule), not f′ taken at g(x): proved, never false."""
    assert errors(CHAIN_RULE) == []
    assert [v for v, _ in verdicts(CHAIN_RULE)[3]] == ["proved", "proved", "proved"]
    assert errors(CHAIN_RULE.replace("= 12x^5", "= 12x^6")) == [(3, "math/false")]


CASES_LISTED = r"""The update is $\Delta w_j = \eta(y - \hat{y})x_j$.
- For correct predictions the weights stay:
  - $\Delta w_j = \eta(-1-(-1))x_j = 0$
- For wrong ones they move towards the target class:
  - $\Delta w_j = \eta(1 + 1)x_j = 2\eta x_j$
  - $\Delta w_j = \eta(- 1 - 1)x_j = -2\eta x_j$
"""


def test_cases_listed_as_siblings_are_each_a_case_not_a_restatement() -> None:
    """Three list items each give Δw_j for one case: none is checked against the one before it (a false error),
    while each item's own chain is still checked."""
    assert errors(CASES_LISTED) == []
    found = verdicts(CASES_LISTED)
    assert [v for v, _ in found[6]] == ["not-a-claim", "proved"], found[6]
    assert (6, "math/false") in errors(CASES_LISTED.replace("= -2\\eta x_j", "= 2\\eta x_j"))


# -- fresh14: a derivative the written formulas make 0; a differential before a word ------------------------------
UNWRITTEN_DEPENDENCE = r"""The output is $y_{o} = \frac{1}{1 + e^{-z_{o}}}$ with $z_{o} = w_{3} a$, and its error 오차 changes as

$$\frac{d오차y_{o}}{dz_{o}} = (y_{o} - y_{t}) \cdot y_{o}(1 - y_{o})$$

so that, through the hidden unit drawn in the figure,

$$\frac{d오차y_{o}}{dh} = (y_{o} - y_{t}) \cdot y_{o}(1 - y_{o}) \cdot w_{3}$$
"""


def test_a_derivative_the_written_formulas_make_zero_is_undecided() -> None:
    """y_o depends on h only through a figure: the derivative d(오차·y_o)/dh is 0 by the formulas written, which
    is no evidence against the line (a false error before; the Hangul word after d is the differential's operand)."""
    assert errors(UNWRITTEN_DEPENDENCE) == []
    found = verdicts(UNWRITTEN_DEPENDENCE)[7]
    assert found[0][0] == "undecided" and "nothing makes its operand depend on that variable" in found[0][1], found


def test_a_norm_written_out_over_its_coordinates_is_the_pages_norm() -> None:
    """``‖w‖ = Σ|w_i|`` defines the ℓ1 norm the page uses (a false error against the Euclidean norm before);
    ``‖w‖_2 = Σ|w_i|`` names the Euclidean norm and is still false."""
    text = "The $\\ell_1$ norm is\n\n$$\\lVert \\boldsymbol{w} \\rVert = \\sum_{i=1}^{n}|w_i|$$\n"
    assert errors(text) == []
    assert verdicts(text)[3][0][0] == "undecided"
    assert errors(text.replace("\\rVert =", "\\rVert_2 =")) == [(3, "math/false")]
