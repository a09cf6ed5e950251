"""Constructs from a second batch of public notes the checker was never tuned on that gave false errors.

Every fixture here is written for these tests (not copied from a note). Each correct copy must give no error;
where the construct can hold a real slip, a copy with a planted slip must still be reported on its line.
"""
from __future__ import annotations

from derive.check.run import check_document


def errors(text: str, name: str = "doc.md") -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_document(name, text).findings if f.severity == "error"]


def verdicts(text: str, name: str = "doc.md") -> dict[int, list[tuple[str, str]]]:
    out: dict[int, list[tuple[str, str]]] = {}
    for link in check_document(name, text).links:
        out.setdefault(link.line, []).append((link.verdict, link.reason))
    return out


# -- a step of a quantity the document defines for every step, in another section ---------------------------
UNROLLED = """\
# The step

Every method here moves by a step vector, the difference of two iterates:

$$p_{k+1} = x_{k+1} - x_k$$

# Unrolling heavy-ball

With $d_k$ the scaled steepest-descent direction, the heavy-ball update reads

$$x_{k+1} = x_k + d_k + \\beta p_k$$

and its first steps, starting from $x_0$, are

$$
\\begin{aligned}
x_1 & = x_0 + d_0 \\\\
x_2 & = x_1 + d_1 + \\beta p_1 \\\\
 & = x_1 + d_1 + \\beta d_0 \\\\
x_3 & = x_2 + d_2 + \\beta p_2 \\\\
 & = x_2 + d_2 + \\beta \\left( d_1 + \\beta d_0 \\right)
\\end{aligned}
$$
"""

# a quantity named on the right (``… = q_{k+1}``) and read one step back in the same section
NAMED_RIGHT = """\
# Look-ahead points

Call the change of the look-ahead point

$$y_{k+1} - y_k = q_{k+1}$$

With $u_k$ the gradient step, the look-ahead point moves by

$$y_{k+1} = y_k + \\gamma \\left( y_k - y_{k-1} \\right) + u_k$$

so, in terms of the previous $q_k$,

$$
\\begin{aligned}
q_{k+1} & = y_{k+1} - y_k \\\\
& = y_k + \\gamma \\left( y_k - y_{k-1} \\right) + u_k - y_k \\\\
& = \\gamma q_k + u_k
\\end{aligned}
$$
"""


def test_a_step_of_a_family_defined_in_another_section_is_read_by_that_definition() -> None:
    assert errors(UNROLLED) == []
    found = verdicts(UNROLLED)
    assert found[19][0][0] == "proved" and "p_{k+1}" in found[19][0][1]
    assert found[21][0][0] == "proved"


def test_a_planted_slip_in_an_unrolled_step_is_still_found() -> None:
    planted = UNROLLED.replace("x_1 + d_1 + \\beta d_0", "x_1 + d_1 + \\beta d_1")
    assert planted != UNROLLED
    assert (19, "math/false") in errors(planted)
    planted = UNROLLED.replace("\\beta \\left( d_1 + \\beta d_0 \\right)", "\\beta \\left( d_1 + d_0 \\right)")
    assert planted != UNROLLED
    assert (21, "math/false") in errors(planted)


def test_a_family_named_on_the_right_is_read_one_step_back() -> None:
    assert errors(NAMED_RIGHT) == []
    assert verdicts(NAMED_RIGHT)[17][0][0] == "proved"
    planted = NAMED_RIGHT.replace("\\gamma q_k + u_k", "\\gamma q_{k+1} + u_k")
    assert planted != NAMED_RIGHT
    assert (17, "math/false") in errors(planted)


# -- E-notation written straight into math --------------------------------------------------------------------
E_NOTATION = """\
The floor factor scales the peak rate. For example, if $\\alpha_f = 0.1$ and the peak rate is
$\\eta_{\\max} = 3e-4$, then the floor will be $\\eta_{\\min} = 3e-4 \\times 0.1 = 3e-5$.
"""


def test_e_notation_is_one_number() -> None:
    assert errors(E_NOTATION) == []
    assert [v for v, _ in verdicts(E_NOTATION)[2] if v == "proved"]
    planted = E_NOTATION.replace("= 3e-5", "= 3e-4")
    assert planted != E_NOTATION
    assert (2, "math/false") in errors(planted)


def test_a_letter_e_next_to_digits_is_still_read_as_before() -> None:
    from derive.check.latex import parse_expr

    assert str(parse_expr("2e^{x}")) == "2*exp(x)"
    assert parse_expr("3e-4x") != parse_expr("0.0003x")  # an exponent followed by a letter is not E-notation
    assert parse_expr("1e-8") == parse_expr("\\frac{1}{100000000}")


# -- the value of a defined function at a point, not a new constant function ---------------------------------
FUNCTION_AT_POINT = """\
Take $f(x) = x^2$.

If $x = 2$, we have $f(x) = 4$; moving $x$ from $x = 2$ to $x = 2.001$ yields
$f(x) \\approxeq 4.004$, an increase of about $0.004$.
"""


# -- the step at a letter, from another section; a function defined by an example far below -------------------
STEP_AT_K = r"""\documentclass{article}
\begin{document}
\section{The algorithm}
Minimizing the quadratic upper bound, this gives the step $x^{(k+1)}=x^{(k)}-\frac{1}{L}\nabla f(x^{(k)})$.
\section{Analysis}
For gradient descent with $h=\frac{1}{L}$, we have $\|x^{(k+1)}-x^{*}\|_{2}\leq\|x^{(k)}-x^{*}\|_{2}$:
\begin{align*}
\|x^{(k+1)}-x^{*}\|^{2}_{2} & =\|x^{(k)}-x^{*}-h\nabla f(x^{(k)})\|^{2}_{2}.
\end{align*}
For a quadratic of curvature 2 centred at $x^{*}$, $\nabla f(x^{(k)}) = 2x^{(k)} - 2x^{*}$.
Moreover $a = 1$, $b = 2$, and $c = 3$, so that $a + b = c$ and $b + c = 5$ and $a + c = 4$.
For $f(x)=x^{2}/2$, we have $\nabla f(x) = x$.
\end{document}
"""


def test_a_step_at_a_letter_is_read_by_the_rule_of_another_section() -> None:
    """x^{(k+1)} on one side, x^{(k)} on the other: only x^{(k+1)} is taken one step back by the rule of the first
    section (x^{(k)} on both sides was unrolled to different depths before, a false error); and f(x) = x²/2, an
    example statements later, is not the f of the general claim."""
    assert errors(STEP_AT_K, "doc.tex") == []
    found = verdicts(STEP_AT_K, "doc.tex")
    assert found[8][0][0] == "proved" and "reading x^{(k+1)} by the document's definition" in found[8][0][1], found
    slip = STEP_AT_K.replace(r"-x^{*}-h\nabla", r"-x^{*}+h\nabla")
    assert (8, "math/false") in errors(slip, "doc.tex")


GAP_AT_START = r"""\documentclass{article}
\begin{document}
Let $\epsilon_{k}=f(x^{(k)})-f(x^{*})$ be the gap. At the start,
\[
\epsilon_{0}=f(x^{(0)})-f(x^{*}) .
\]
\end{document}
"""


def test_a_quantity_of_a_call_at_a_bracketed_step_is_instantiated_at_its_start() -> None:
    """ε_k = f(x^{(k)}) − f(x*) at k = 0: the step inside the call's own brackets moves too (it stayed x^{(k)})."""
    assert verdicts(GAP_AT_START, "doc.tex")[5] == [("proved", "symbolically equal; equal at 4 random points")]
    slip = GAP_AT_START.replace(r"\epsilon_{0}=f(x^{(0)})", r"\epsilon_{0}=f(x^{(1)})")
    assert verdicts(slip, "doc.tex")[5][0][0] in ("false", "undecided")
    assert verdicts(slip, "doc.tex")[5][0][0] != "proved"


GENERAL_THEN_EXAMPLE = r"""## The algorithm

Iteratively compute
$$
c^{(n+1)}=c^{(n)} -\nu\nabla f(c^{(n)})
$$
until the steps are small, with $\nu = 0.1$, $n = 0$, $m = 1$, $k = 2$ and $\epsilon = 0.001$ for instance.

Consider the one-dimensional case, with
$$
f(x)=3x^4+4x^3-12x^2+5.
$$
The gradient is just the derivative $f'(x)=12x^3+12x^2-24x$ and the iteration is
$$
c^{(n+1)} = c^{(n)}-12\nu((c^{(n)})^3+(c^{(n)})^2-2c^{(n)}).
$$
"""


def test_a_general_rule_is_read_with_the_function_in_force_at_the_claim() -> None:
    """The rule's ∇f(c^{(n)}), written before f was defined, is the derivative of the f in force where the step is
    written out (not an example many statements further down, not a name that makes the step differ)."""
    found = verdicts(GENERAL_THEN_EXAMPLE)
    assert found[15][0][0] == "proved", found
    slip = GENERAL_THEN_EXAMPLE.replace("-12\\nu((c^{(n)})^3", "-12\\nu((c^{(n)})^2")
    assert verdicts(slip)[15][0][0] != "proved"
