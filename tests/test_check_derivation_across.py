"""Derivation steps written across prose (issue 8): a link with nothing on its left continues the chain before it,
and a derivation goes on after a first-order condition (its rewrites, and the value solved from it).

Each reading: a correct copy proved, a planted slip found as ``math/false`` on its own line (Markdown and LaTeX).
"""
from __future__ import annotations

import pytest

from derive.check.run import check_document

EXPAND_MD = r"""# Expanding

We have
$$
g(u) = (u + 1)^2
$$
and expanding,
$$
= u^2 + 2u + 1
$$

The gradient is $h(u) = 3 u (u + 2)$, which gives $= 3u^2 + 6u$.
"""

EXPAND_TEX = r"""\documentclass{article}
\begin{document}
\section{Expanding}
We have
\begin{equation}
g(u) = (u + 1)^2
\end{equation}
and expanding,
\begin{equation}
= u^2 + 2u + 1
\end{equation}
\end{document}
"""

LINREG_MD = r"""# Least squares

Setting the derivative of the cost with respect to $\alpha$ to $0$,

$$
0 = \sum_{i=1}^{N}{-2(y_i - \alpha - \beta x_i)}
$$

we can divide both sides by $-2$

$$
0 = \sum_{i=1}^{N}{(y_i - \alpha - \beta x_i)}
$$

and the middle term is a sum of a constant

$$
0 = \sum_{i=1}^{N}{y_i} - N \alpha - \beta \sum_{i=1}^{N}{x_i}
$$

and rearranging terms

$$
\alpha = \frac{\sum_{i=1}^{N}{y_i} - \beta \sum_{i=1}^{N}{x_i}}{N}
$$
"""

QUADRATIC_MD = r"""# Minimum

Take $f(x) = a x^2 - 2 b x + c$ with $a > 0$. Setting the derivative to zero,

$$
0 = f'(x) = 2 a x - 2 b
$$

so the minimiser is

$$
x = \frac{b}{a}
$$
"""

QUADRATIC_TEX = r"""\documentclass{article}
\begin{document}
\section{Minimum}
Take $q(w) = p w^2 - 2 r w$ with $p > 0$. Setting the derivative to zero,
\[ 0 = 2 p w - 2 r \]
so the minimiser is
\[ w = \frac{r}{p} \]
\end{document}
"""


def _links(text: str, name: str = "doc.md") -> dict[int, list[tuple[str, str]]]:
    out: dict[int, list[tuple[str, str]]] = {}
    for link in check_document(name, text).links:
        out.setdefault(link.line, []).append((link.verdict, link.reason))
    return out


def _false_lines(text: str, name: str = "doc.md") -> list[int]:
    return [f.line for f in check_document(name, text).findings if f.code == "math/false"]


# -- 1. a link with nothing on its left continues the derivation -------------------------------------------------
def test_a_display_starting_with_equals_continues_the_chain_before_it() -> None:
    links = _links(EXPAND_MD)
    assert links[9] == [("proved", "continues line 5; symbolically equal; equal at 4 random points")], links
    assert links[12][1] == ("proved", "continues line 12; symbolically equal; equal at 4 random points"), links  # inline "which gives $= …$"
    assert _false_lines(EXPAND_MD) == []


def test_a_slip_in_a_continuation_is_false_on_its_line() -> None:
    display = EXPAND_MD.replace("= u^2 + 2u + 1", "= u^2 + u + 1")
    assert _false_lines(display) == [9]
    assert _links(display)[9][0][1].startswith("continues line 5;")
    finding, = [f for f in check_document("doc.md", display).findings if f.code == "math/false"]
    assert "continues line 5" in finding.message


def test_an_inline_continuation_that_disagrees_is_undecided_not_false() -> None:
    # "… (neural nets): Hessian $= J^T D J$": inline, the words before the formula may be its left side
    inline = EXPAND_MD.replace("$= 3u^2 + 6u$", "$= 3u^2 + 5u$")
    assert _false_lines(inline) == []
    (verdict, reason), = _links(inline)[12][1:]
    assert verdict == "undecided" and reason.startswith("continues line 12; inline, the words before it"), reason


def test_a_latex_continuation_is_read_the_same_way() -> None:
    assert _links(EXPAND_TEX, "notes.tex")[10] == [("proved", "continues line 6; symbolically equal; equal at 4 random points")]
    assert _false_lines(EXPAND_TEX.replace("= u^2 + 2u + 1", "= u^2 + 2u + 2"), "notes.tex") == [10]


def test_a_continuation_with_nothing_before_it_says_so() -> None:
    text = "# Start\n\nThe value\n$$\n= 3 u\n$$\n"
    (verdict, reason), = _links(text)[5]
    assert verdict == "undecided" and "no derivation before it" in reason


def test_a_continuation_never_reaches_into_another_section() -> None:
    text = "# One\n\n$$\ng(u) = (u+1)^2\n$$\n\n# Two\n\nand then\n$$\n= u^2 + 7\n$$\n"
    (verdict, reason), = _links(text)[11]
    assert verdict == "undecided" and "no derivation before it" in reason
    assert _false_lines(text) == []


# -- 2. a derivation after a condition ------------------------------------------------------------------------
def test_rewrites_of_a_first_order_condition_are_proved() -> None:
    links = _links(LINREG_MD)
    assert links[12] == [("proved", "a rewrite of the condition on line 6 (a nonzero multiple of it)")], links
    assert links[18][0][0] == "proved" and "condition on line 12" in links[18][0][1], links
    assert links[6] == [("not-a-claim", "condition (a side is a constant)")]  # the condition itself stays one


def test_a_condition_that_does_not_follow_stays_a_condition_never_false() -> None:
    slipped = LINREG_MD.replace(r"0 = \sum_{i=1}^{N}{y_i} - N \alpha", r"0 = \sum_{i=1}^{N}{y_i} + N \alpha")
    links = _links(slipped)
    assert links[18] == [("not-a-claim", "condition (a side is a constant)")], links
    assert links[24][0][0] == "not-a-claim" and links[24][0][1].startswith("a result of the condition on line 18")
    assert _false_lines(slipped) == []


def test_the_value_solved_from_a_condition_is_proved_and_a_wrong_one_is_false() -> None:
    links = _links(LINREG_MD)
    assert links[24] == [("proved", "the result of the condition on line 18 (solved for α)")], links
    assert _links(QUADRATIC_MD)[12] == [("proved", "the result of the condition on line 6 (solved for x)")]
    assert _false_lines(QUADRATIC_MD) == []
    slipped = QUADRATIC_MD.replace(r"x = \frac{b}{a}", r"x = \frac{a}{b}")
    assert _false_lines(slipped) == [12]


def test_a_latex_result_of_a_condition() -> None:
    links = _links(QUADRATIC_TEX, "notes.tex")
    assert links[7] == [("proved", "the result of the condition on line 5 (solved for w)")], links
    assert _false_lines(QUADRATIC_TEX.replace(r"w = \frac{r}{p}", r"w = \frac{p}{r}"), "notes.tex") == [7]


def test_a_joint_solution_is_a_result_not_judged_against_one_condition() -> None:
    text = QUADRATIC_MD.replace(r"x = \frac{b}{a}", r"x = \frac{b}{a} + \frac{d}{2}")
    (verdict, reason), = _links(text)[12]
    assert verdict == "not-a-claim", reason
    assert _false_lines(text) == []


def test_a_continuation_of_a_definition_is_never_itself_a_definition() -> None:
    text = "# Cost\n\n$$\nC := a + b\n$$\n\nwhich we write\n$$\n= c + d\n$$\n"
    (verdict, reason), = _links(text)[9]
    assert verdict == "undecided" and reason.startswith("continues line 4; a rewrite, not a definition"), reason
    assert _links(text.replace("= c + d", "= b + a"))[9] == [("proved", "continues line 4; symbolically equal; equal at 4 random points")]


@pytest.mark.parametrize("setup", ["Let $A$ be a symmetric positive definite matrix.",
                                   "Let $\\mathbf{A}^\\top = \\mathbf{A}$."])
def test_a_result_solved_through_a_matrix_is_never_proved_in_a_scalar_reading(setup: str) -> None:
    # Ax + b = 0 gives x = −A⁻¹b; a scalar solve would also "prove" x = −bA⁻¹, which is wrong for matrices
    text = f"# LS\n\n{setup} The gradient vanishes:\n\n$$\nA x + b = 0\n$$\n\nso\n\n$$\nx = -b A^{{-1}}\n$$\n"
    (verdict, reason), = _links(text)[12]
    assert verdict == "not-a-claim", reason


RUN_ON_MD = r"""Let $g(t) = (1 + t)^2$ and $q(x) = x^2 + 2x$. Then

$$g(1) - g(0) =$$
$$(1 + 1)^2 - (1 + 0)^2 =$$

and so

$$4 - 1 =$$

$$3 .$$
"""
RUN_ON_TEX = ("\\documentclass{article}\n\\begin{document}\n"
              + RUN_ON_MD.replace("$$", "\\[", 1).replace("$$", "\\]", 1).replace("$$", "\\[", 1)
              .replace("$$", "\\]", 1) + "\\end{document}\n")


@pytest.mark.parametrize("name, text", [("doc.md", RUN_ON_MD), ("doc.tex", RUN_ON_TEX)])
def test_a_display_ending_with_equals_runs_on_into_the_next(name: str, text: str) -> None:
    """``$$ A = $$ $$ B = $$ $$ C $$``: one chain split over displays; each trailing side is the next display's first
    member (prose in between does not break it). g(1) − g(0), values of a defined function, is worked out."""
    result = check_document(name, text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    claims = [(k.line, k.verdict, k.reason) for k in result.links if k.verdict != "not-a-claim"]
    assert [v for _, v, _ in claims] == ["proved"] * 3, claims
    assert all("runs on into line" in r for _, _, r in claims), claims
    slip = text.replace("4 - 1 =", "4 - 2 =")
    found = [(f.line, f.code) for f in check_document(name, slip).findings if f.severity == "error"]
    # both links that touch the slip are false (they are two statements, not one chain)
    assert len(found) == 2 and {code for _, code in found} == {"math/false"}, found
    assert "the right side is the first member of line" in [f.message for f in check_document(name, slip).findings
                                                             if f.severity == "error"][0]
