"""Readings added in stop 41, from the open items of fresh46 and the unseen sets fresh47, fresh48 and fresh49.
Fixtures are written here, in my own words and symbols (the notes themselves are not stored); each has a correct
copy and a slip, in Markdown and LaTeX."""
from __future__ import annotations

import pytest

from derive.check.run import check_document
from fixture_docs import as_sections as _as, slipped, verdicts_at as _verdicts


OWN_STEP = r"""# A step size per coordinate

Take $h(u,v) = u^2 + 3v^4$. Gradient descent with one step $\alpha$ updates

$$
u_+ = u - \alpha \cdot 2u, \qquad v_+ = v - \alpha \cdot 12v^3.
$$

A clamped step for the quartic coordinate, $\alpha_v = \min(0.1 / (12v^2 + \delta),\; 0.05)$, gives the update $v_+ = v - \alpha_v \cdot 12v^3$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_rule_with_a_step_size_defined_by_a_formula_of_its_own_is_another_scheme(name: str) -> None:
    """v₊ restated with α_v (a formula that does not read α) in place of α is the rule run with a step of its own,
    not a false claim about the first rule."""
    text = _as(name, OWN_STEP)
    verdicts = _verdicts(name, text, r"the update $v_+")
    assert verdicts[-1][0] == "undecided", verdicts
    assert "parameter of its own" in verdicts[-1][1], verdicts
    # the rule restated with its own α and a slipped power is still a slip
    slip = slipped(text, r"v_+ = v - \alpha_v \cdot 12v^3$", r"v_+ = v - \alpha \cdot 12v^2$")
    assert _verdicts(name, slip, r"the update $v_+")[-1][0] == "false"


SOLVED = r"""# A line through the data

We fit $g(t) = a t + c$ to pairs $(t_k, z_k)$, minimising $E = \frac{1}{2}\sum_{k=1}^M (z_k - a t_k - c)^2$.
Derive the solution:

$$
c = \bar{z} - a \bar{t}
$$

For the intercept, each term gives

$$
\frac{\partial}{\partial c} (z_k - a t_k - c)^2 = 2 (z_k - a t_k - c)(-1).
$$

Setting the sum to zero,

$$
\sum_{k=1}^M (z_k - a t_k - c) = 0,
$$

so that

$$
c = \frac{1}{M}\sum_{k=1}^M (z_k - a t_k)
$$

For the slope, each term gives (chain rule)

$$
\frac{\partial}{\partial a} (z_k - a t_k - c)^2 = 2 (z_k - a t_k - c)(-t_k).
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_value_solved_for_a_variable_is_not_put_into_another_partial_derivative(name: str) -> None:
    """c = z̄ − a·t̄ (the solution the exercise asks for, or solved after ∂/∂c) relates two variables the notes
    differentiate by: a condition at the optimum, so ∂/∂a of the square holds c fixed."""
    text = _as(name, SOLVED)
    verdicts = _verdicts(name, text, r"\frac{\partial}{\partial a}")
    assert verdicts == [("proved", verdicts[0][1])], verdicts
    stated = _verdicts(name, text, r"c = \bar{z} - a \bar{t}")
    assert stated[0][0] == "not-a-claim" and "value at the optimum" in stated[0][1], stated
    slip = slipped(text, r"(z_k - a t_k - c)(-t_k)", r"(z_k - a t_k - c)(-1)")
    assert _verdicts(name, slip, r"\frac{\partial}{\partial a}")[0][0] == "false"


BACKPROP = r"""# One neuron

Take $u = w x + b$ and the loss $\ell = (u^2 - y)^2$. First

$$
\frac{\partial \ell}{\partial u} = 4u(u^2 - y)
$$

and through $u$,

$$
\frac{\partial}{\partial w} (u^2 - y)^2 = 4u(u^2 - y) x.
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_intermediate_defined_before_it_is_differentiated_by_is_still_put_in(name: str) -> None:
    """u = wx + b, defined before ∂ℓ/∂u is taken, is a node of the computation: ∂/∂w goes through it."""
    text = _as(name, BACKPROP)
    assert _verdicts(name, text, r"\frac{\partial}{\partial w}")[0][0] == "proved"
    slip = slipped(text, r"4u(u^2 - y) x.", r"4u(u^2 - y).")
    assert _verdicts(name, slip, r"\frac{\partial}{\partial w}")[0][0] == "false"


SOFTMAX = r"""# Softmax in one coordinate

Let $p_j = \frac{e^{s_j}}{\sum_k e^{s_k}}$. On the diagonal,

$$
\frac{\partial}{\partial s_i} \frac{e^{s_i}}{\sum_k e^{s_k}} = \frac{e^{s_i}}{\sum_k e^{s_k}} - \frac{e^{2 s_i}}{(\sum_k e^{s_k})^2}
$$

and for another index,

$$
\frac{\partial}{\partial s_i} \frac{e^{s_j}}{\sum_k e^{s_k}} = -\frac{e^{s_j} e^{s_i}}{(\sum_k e^{s_k})^2}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_in_one_coordinate_of_another_coordinate_is_not_proved_as_if_they_differ(name: str) -> None:
    """∂/∂s_i of e^{s_j}/Σ_k e^{s_k} depends on whether i = j: s_j is not a name unrelated to s_i, so the
    off-diagonal formula is not proved for every i, j (it was, at sizes 2–4, with i = j included)."""
    text = _as(name, SOFTMAX)
    off = _verdicts(name, text, r"\frac{e^{s_j}}{\sum_k e^{s_k}} = -")
    assert off[0][0] == "undecided", off
    assert _verdicts(name, text, r"\frac{e^{s_i}}{\sum_k e^{s_k}} = \frac")[0][0] == "proved"
    slip = slipped(text, r"- \frac{e^{2 s_i}}", r"- \frac{e^{s_i}}")
    assert _verdicts(name, slip, r"\frac{e^{s_i}}{\sum_k e^{s_k}} = \frac")[0][0] == "false"


CASES = r"""# A hard margin

For logistic regression the hypothesis was $h(x) = \frac{1}{1 + e^{-a^Tx}}$.

The margin rule instead outputs a label: $h(x) = 1$ if $a^Tx \ge 1$ and $h(x) = 0$ if $a^Tx \le -1$, with a gap between.

Each sample carries a flag ($r = 0$ if it is kept and $r = 1$ if it is dropped).
At test time: if $s(x) < \tau$, then $r = 1$, and if $s(x) \ge \tau$, then $r = 0$.

The horizon of the average is $H = \frac{1}{1 - \gamma}$.
If $\gamma = 0.9$, then $H = 10$, and if $\gamma = 0.99$, then $H = 100$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_values_given_case_by_case_in_one_sentence_define_by_cases(name: str) -> None:
    """h(x) = 1 if … and h(x) = 0 if …: neither value is h, so neither refutes the other, and a flag given 0 in
    one case is not "restated" as 0 in another sentence; a defined name's worked values under conditions are
    still claims."""
    text = _as(name, CASES)
    report = check_document(name, text)
    assert [f.code for f in report.findings if f.severity == "error"] == [], report.findings
    for snippet in (r"$h(x) = 1$", r"$r = 0$ if", r"then $r = 1$"):
        verdict = _verdicts(name, text, snippet)
        assert verdict and all(v == "not-a-claim" and "definition by cases" in why for v, why in verdict), verdict
    assert [v for v, _ in _verdicts(name, text, r"then $H = 10$")].count("proved") == 2
    slip = slipped(text, r"then $H = 100$", r"then $H = 1000$")
    assert "false" in [v for v, _ in _verdicts(name, slip, r"then $H = 1000$")]
    # a defined function's values at points given in the same sentence are still claims
    points = _as(name, "# Values\n\nLet $q(x) = x^2 + 1$. If $x = 1$, then $q(x) = 2$, and if $x = 2$, then $q(x) = 5$.\n")
    assert [v for v, _ in _verdicts(name, points, "then $q(x) = 2$") if v != "not-a-claim"] == ["proved", "proved"]
    wrong = slipped(points, "then $q(x) = 5$", "then $q(x) = 6$")
    assert [v for v, _ in _verdicts(name, wrong, "then $q(x) = 2$") if v != "not-a-claim"] == ["proved", "false"]


MAPSTO = r"""# Two functions

A bumpy surface is $q(u,v) = \cos(u)\cos(v) + u^2$, with many minima.

Next, a quadratic bowl:

$$
\begin{aligned}
q \colon \mathbb{R}^2 &\to \mathbb{R} \\
u &\mapsto q(u) = (c + 2)u^2 + 5,
\end{aligned}
$$

whose derivative is

$$
q'(u) = 2(c + 2)u.
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_defined_after_its_variable_and_mapsto_is_defined_anew(name: str) -> None:
    """u ↦ q(u) = … defines q from there (the link after ↦), not a claim about the bumpy q of before."""
    text = _as(name, MAPSTO)
    assert _verdicts(name, text, r"q'(u) = 2(c + 2)u")[0][0] == "proved"
    slip = slipped(text, r"q'(u) = 2(c + 2)u", r"q'(u) = 2(c + 1)u")
    assert _verdicts(name, slip, r"q'(u) = 2(c + 1)u")[0][0] == "false"


WARM_UP = r"""# Warm-up

As a first guess we take $b_0 = 2$ and $b_1 = 5$, so the line is $g(z) = 2 + 5z$.

# Vectors

$$
g(z) = b^T z = \begin{bmatrix} b_0, b_1, \ldots, b_n \end{bmatrix} \cdot \begin{bmatrix} z_0 \\ z_1 \\ \vdots \\ z_n \end{bmatrix}
$$

# The general unit

With a constant input $z_0 = 1$, the weights $b_0, b_1, \ldots, b_n$ combine the inputs as
$r = b^Tz = b_0z_0 + b_1z_1 + \ldots + b_nz_n$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_guess_in_an_earlier_section_is_no_coordinate_of_a_general_expansion(name: str) -> None:
    """b_0 = 2 in a warm-up is not put into the general bᵀz = b_0z_0 + … + b_nz_n of a later section; the
    same section's z_0 = 1 still is."""
    text = _as(name, WARM_UP)
    verdicts = _verdicts(name, text, r"b_0z_0 + b_1z_1")
    assert [v for v, _ in verdicts if v != "not-a-claim"] == ["proved"], verdicts
    slip = slipped(text, r"b_0z_0 + b_1z_1", r"b_0z_0 + 2b_1z_1")
    assert "false" in [v for v, _ in _verdicts(name, slip, r"b_0z_0 + 2b_1z_1")]


NUMBERED_LAYERS = r"""# A network with two layers

The activation is $\phi(t) = \frac{1}{1 + e^{-t}}$. Inputs are $x_1, x_2$ and a constant $x_0 = 1$; the hidden
layer has a constant unit $h_0^{1} = 1$. Superscripts number the layers:

$$
\begin{aligned}
h_1^{1} &= \phi(v_{10}^{1}x_0 + v_{11}^{1}x_1 + v_{12}^{1}x_2), \\
h_2^{1} &= \phi(v_{20}^{1}x_0 + v_{21}^{1}x_1 + v_{22}^{1}x_2), \\
h_1^{2} &= \phi(v_{10}^{2}h_0^{1} + v_{11}^{2}h_1^{1} + v_{12}^{2}h_2^{1}).
\end{aligned}
$$
"""

SQUARES = r"""# Squares

Expanding, $(x_1 + 1)^2 = x_1^2 + 2x_1 + 1$ and $(x_2 - 1)^2 = x_2^2 - 2x_2 + 1$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_numbered_superscripts_label_layers_where_a_first_one_is_written(name: str) -> None:
    """v_{10}^{1} and v_{10}^{2} written: the numbers label layers, so h_1^{2} is layer 2's h_1, not (h_1)², and
    the third row defines it; where no first "power" is written, x_1^2 is still a square."""
    report = check_document(name, _as(name, NUMBERED_LAYERS))
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [k.verdict for k in report.links if k.left.replace(" ", "").startswith("h_1^{2}")] != ["false"]
    assert not [k for k in report.links if k.verdict == "false"]
    squares = _as(name, SQUARES)
    assert [v for v, _ in _verdicts(name, squares, "Expanding")] == ["proved", "proved"]
    slip = slipped(squares, "x_2^2 - 2x_2 + 1", "x_2^2 - x_2 + 1")
    assert [v for v, _ in _verdicts(name, slip, "Expanding")] == ["proved", "false"]


RESTATED_NODE = r"""# One neuron, again

Take $u = w x + b$ and the loss $\ell = (u^2 - y)^2$. By the chain rule,

$$
\frac{\partial \ell}{\partial b} = \frac{\partial \ell}{\partial u} \frac{\partial u}{\partial b}.
$$

From the definition of the pre-activation,

$$
u = w x + b,
$$

we get

$$
\frac{\partial u}{\partial b} = 1,
$$

and so

$$
\frac{\partial \ell}{\partial b} = \frac{\partial \ell}{\partial u}.
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_node_defined_before_the_chain_rule_and_restated_after_it_is_still_a_definition(name: str) -> None:
    """u = wx + b, defined before ∂ℓ/∂u is taken and restated after: still u's definition (a node), so ∂u/∂b = 1
    is proved and ∂ℓ/∂b = ∂ℓ/∂u follows."""
    text = _as(name, RESTATED_NODE)
    restated = _verdicts(name, text, "u = w x + b,")
    assert restated and "solves for" not in restated[0][1], restated
    assert _verdicts(name, text, r"\frac{\partial u}{\partial b} = 1")[0][0] == "proved"
    assert _verdicts(name, text, r"\frac{\partial \ell}{\partial b} = \frac{\partial \ell}{\partial u}.")[0][0] == "proved"
    slip = slipped(text, r"\frac{\partial u}{\partial b} = 1", r"\frac{\partial u}{\partial b} = x")
    assert _verdicts(name, slip, r"\frac{\partial u}{\partial b} = x")[0][0] == "false"


SLOPE_NAMED = r"""# Output deltas

For the logistic unit the slope in $s$ is

$\large h'(s)=\frac{e^{-s}}{\left(1+e^{-s}\right)^2}=\left(\frac{1}{1+e^{-s}}\right)\left(1-\frac{1}{1+e^{-s}}\right)=\hat p\left(1-\hat p\right)$

Then $\epsilon^{(3)}=(q-\hat p)\cdot h'(s^{(3)})$

In a hidden layer the same quantity is

$\epsilon^{(k)}=\left(V^{(k)}\right)^\top\epsilon^{(k+1)}\,h'(s^{(k)})$ with $h'(s^{(k)}) = o^{(k)}\cdot (1 - o^{(k)})$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_named_by_a_value_is_no_answer_of_the_exercise_form(name: str) -> None:
    """h'(s^{(k)}) = o^{(k)}(1 − o^{(k)}) (o^{(k)} defined nowhere here) is a name for h′'s value, not an answer
    for h′ in the form ε^{(3)} = (q − p̂)·h′(s^{(3)}) to refute; the identities before it are still checked."""
    text = _as(name, SLOPE_NAMED)
    report = check_document(name, text)
    assert [f.code for f in report.findings if f.severity == "error"] == [], report.findings
    assert "proved" in [v for v, _ in _verdicts(name, text, r"\large h'(s)")]
    slip = slipped(text, r"\left(1-\frac{1}{1+e^{-s}}\right)=", r"\left(1+\frac{1}{1+e^{-s}}\right)=")
    assert "false" in [v for v, _ in _verdicts(name, slip, r"\large h'(s)")]


EQUATION_FOR = r"""# Choosing the point

The point $u_k$ is chosen so that $\frac{a_k c_k}{c_{k+1}}(w_k - u_k) + z_k - u_k$ vanishes. For $u_k$ we get

$$
u_k\left(\frac{a_k c_k}{c_{k+1}} + 1\right) = \frac{a_k c_k}{c_{k+1}} w_k + z_k.
$$

Solving, for $u_k$ we get

$$
u_k = \frac{a_k c_k w_k + c_{k+1} z_k}{a_k c_k + c_{k+1}} = \frac{a_k c_k w_k + c_{k+1} z_k}{c_{k+1} + a_k c_k}.
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_equation_announced_for_a_name_is_a_condition(name: str) -> None:
    """"For u_k we get u_k(ac/c′ + 1) = ac/c′·w_k + z_k": an equation that determines u_k, not an identity in its
    letters to refute; the solution's rewrite after it is still checked."""
    text = _as(name, EQUATION_FOR)
    equation = _verdicts(name, text, r"u_k\left(")
    assert equation and equation[0][0] == "not-a-claim" and "an equation for u" in equation[0][1], equation
    assert "proved" in [v for v, _ in _verdicts(name, text, r"u_k = \frac")]
    slip = slipped(text, r"{c_{k+1} + a_k c_k}", r"{c_{k+1} + a_k}")
    assert "false" in [v for v, _ in _verdicts(name, slip, r"u_k = \frac")]


LIPSCHITZ_STEP = r"""# Newton's local rate

Let $e_k = x_k - x^*$ and suppose $|f''(u) - f''(v)| \le M|u - v|$. Then, with $0 \le \tau \le 1$,

$$
\left|f''(x_k) - f''(x^* + \tau e_k)\right| \le M\left|e_k - \tau e_k\right| = M\left|e_k\right|(1 - \tau).
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_link_with_absolute_values_in_a_chain_about_an_unknown_function_is_not_checked_as_elementary(name: str) -> None:
    """M|e − τe| = M|e|(1 − τ) holds only for τ ≤ 1, which the chain about f″ assumes: never refuted or doubted
    as an elementary identity (only a link free of norms, sums and integrals is)."""
    verdicts = _verdicts(name, _as(name, LIPSCHITZ_STEP), r"M\left|e_k - \tau e_k")
    assert [v for v, _ in verdicts] == ["not-a-claim"], verdicts


WORKED_FOR = r"""# Halving

The iterates follow $x_{k+1} = 0.5 x_k$ from $x_0 = 2$. For $x_1$ we get

$$
x_1 = 1.
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_value_announced_for_a_name_is_still_a_worked_claim(name: str) -> None:
    """"For x_1 we get x_1 = 1": the name alone on the left states its value, checked (not an equation for it)."""
    text = _as(name, WORKED_FOR)
    assert [v for v, _ in _verdicts(name, text, "x_1 = 1.")] == ["proved"]
    assert [v for v, _ in _verdicts(name, slipped(text, "x_1 = 1.", "x_1 = 3."), "x_1 = 3.")] == ["false"]


LOAN = r"""# A loan

We borrow $A$ and repay $Q$ each month, at the monthly rate $r = \text{yearly rate}/12$.
After two months the balance is

$$
\begin{aligned}
\text{balance} &= \left[A\;(1 + r) - Q\;\right](1 + r) - Q \\
&= A\;(1+r)^2-Q(1+r)-Q
\end{aligned}
$$

and after three

$$
\begin{aligned}
\text{balance} &= \left[A\;(1+r)^2-Q\;(1+r)-Q\;\right]\;(1+r)-Q \\
&= A\;(1+r)^3-Q\;(1+r)^2-Q\;(1+r)-Q
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_letter_before_a_bracket_is_a_product_even_where_a_name_is_defined_in_words(name: str) -> None:
    """Q(1 + r) is the payment times (1 + r), and Q\\;(1 + r)^2 is Q·(1 + r)² (the bracket's power), even where
    r's definition is in words and could not be read; a slipped power is not proved."""
    text = _as(name, LOAN)
    assert "proved" in [v for v, _ in _verdicts(name, text, "&= A\\;(1+r)^2-Q(1+r)-Q")]
    assert "proved" in [v for v, _ in _verdicts(name, text, "&= A\\;(1+r)^3")]
    slip = slipped(text, "&= A\\;(1+r)^3-Q\\;(1+r)^2", "&= A\\;(1+r)^3-Q\\;(1+r)^3")
    assert "proved" not in [v for v, _ in _verdicts(name, slip, "&= A\\;(1+r)^3")]


NAME_ANEW = r"""# Backpropagation

With $u = Wx + b$ and a loss $\ell$, the gradients are $\nabla_b \ell = \nabla_u \ell$ and $\nabla_W \ell = \nabla_u \ell\, x^T$.

# The singular values

Take the decomposition $W = U \Sigma V^T$ with $\nabla_\Sigma R$ to be found.
"""


def test_a_name_differentiated_by_in_another_section_is_defined_anew_there() -> None:
    """∇_W ℓ in a backpropagation section does not make W = UΣVᵀ of a later section a value solved for W."""
    verdicts = _verdicts("doc.md", _as("doc.md", NAME_ANEW), r"$W = U \Sigma V^T$")
    assert verdicts and all("solves for" not in why for _, why in verdicts), verdicts


WORD_ELSEWHERE = r"""# Дисперсия оценки

Обратная информация Фишера:

$$
\hat{J}^{-1} = \hat{Disp}(\hat{\beta}) = \frac{1}{10} \cdot \frac{1}{\frac{40}{3} - 12}
\begin{pmatrix}
2 & -1 \\
-1 & 4
\end{pmatrix}
= \frac{1}{10} \cdot \frac{3}{4}
\begin{pmatrix}
2 & -1 \\
-1 & 4
\end{pmatrix}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_word_in_one_link_does_not_doubt_the_arithmetic_of_another(name: str) -> None:
    """\\hat{Disp} read as letters in the first links says nothing about the numbers of the last one: its slip
    (3/4 for 1/(40/3 − 12) = 3/4 written 3/40) is found."""
    text = _as(name, WORD_ELSEWHERE)
    assert "proved" in [v for v, _ in _verdicts(name, text, r"= \frac{1}{10} \cdot \frac{3}{4}")]
    slip = slipped(text, r"= \frac{1}{10} \cdot \frac{3}{4}", r"= \frac{1}{10} \cdot \frac{3}{40}")
    assert "false" in [v for v, _ in _verdicts(name, slip, r"= \frac{1}{10} \cdot \frac{3}{40}")]


LABELLED_VARIABLE = r"""# Two components

The first component has weights $w_1^1, w_2^1$ and the second $w_1^2, w_2^2$.
Let $q = (w_1^1)^2 + 3 w_2^1$.

$$
\partial q/\partial w_1^1 = 2 w_1^1
$$

and

$$
\frac{\partial q}{\partial w_2^1} = 3
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_in_a_layer_labelled_variable_is_read(name: str) -> None:
    """∂q/∂w_1^1 where the superscripts number components: the variable w_1^{1}, not w_1 to the first power (it was
    "could not be parsed")."""
    text = _as(name, LABELLED_VARIABLE)
    assert [v for v, _ in _verdicts(name, text, r"\partial q/\partial w_1^1")] == ["proved"]
    assert [v for v, _ in _verdicts(name, text, r"\frac{\partial q}{\partial w_2^1}")] == ["proved"]
    slip = slipped(text, "= 2 w_1^1", "= 3 w_1^1")
    assert [v for v, _ in _verdicts(name, slip, r"\partial q/\partial w_1^1")] == ["false"]


PROJECTION = r"""# The nearest point

Let $V$ be a closed subspace. For each $u$ define the nearest-point map
$$
Pu = \arg\min_{v \in V} \|u - v\|
$$
Every $v \in V$ is its own nearest point, so $Pv = v$, and $P^2 = P$: the map is idempotent.
For the scale of the error, $(1 + 1)^2 = 4$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_map_defined_by_an_argmin_is_not_a_number(name: str) -> None:
    """Pu = argmin_{v∈V} ‖u − v‖ makes P a map: Pv = v and P² = P state a projection's properties, never refuted
    with P a random number; the arithmetic beside them is still checked."""
    text = _as(name, PROJECTION)
    report = check_document(name, text)
    assert [f.code for f in report.findings if f.severity == "error"] == [], report.findings
    assert {v for v, _ in _verdicts(name, text, "so $Pv = v$")} == {"undecided"}
    slip = slipped(text, "(1 + 1)^2 = 4", "(1 + 1)^2 = 3")
    assert [f.code for f in check_document(name, slip).findings if f.severity == "error"] == ["math/false"]


UNIVERSAL = r"""# Two remarks

A vanishing slope is no extremum: for $g(x) = x^3$ we have $g'(0) = 0$, yet $g$ turns at $x = 0$.

Near the origin the sine is almost linear, but $\sin(2x) = 2\sin x \cos x$ for every $x$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_claim_for_every_x_is_not_proved_at_a_value_given_before(name: str) -> None:
    """"… for every x" after "at x = 0": the claim is for all x, so x = 0 given before proves nothing (sin 2x = 2x
    was "proved with the values given before (x = 0)")."""
    text = _as(name, UNIVERSAL)
    assert [v for v, _ in _verdicts(name, text, r"\sin(2x)")] == ["proved"]
    slip = slipped(text, r"\sin(2x) = 2\sin x \cos x", r"\sin(2x) = 2x")
    verdicts = _verdicts(name, slip, r"\sin(2x)")
    assert [v for v, _ in verdicts] == ["false"], verdicts


TWO_CASES = r"""# Soft thresholding

We minimise $b^2 - 2bc + \mu|b|$ over $b$.

First case: $c > 0$. Then $b > 0$, so $|b| = b$, and the minimiser is $b = c - \mu/2$ when this is positive;
otherwise we take the corner $b = 0$.

Second case: $c \le 0$. Now $b \le 0$ to match the sign of $c$, hence $|b| = -b$, and the minimiser is
$b = c + \mu/2$ or, again, the corner $b = 0$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_case_and_its_otherwise_give_no_value_and_each_case_has_its_own_sign(name: str) -> None:
    """b = c − μ/2 "when positive; otherwise b = 0" are cases, neither b's value; |b| = −b is proved under "b ≤ 0"
    of its own sentence (it was refuted with the first case's value, or proved with b = 0)."""
    text = _as(name, TWO_CASES)
    assert [v for v, _ in _verdicts(name, text, "hence $|b| = -b$")] == ["proved"]
    assert "b ≤ 0" in _verdicts(name, text, "hence $|b| = -b$")[0][1]
    slip = slipped(text, "hence $|b| = -b$", "hence $|b| = -2b$")
    assert [v for v, _ in _verdicts(name, slip, "hence $|b| = -2b$")] == ["false"]


POSED = r"""# Least squares by a solve

The estimate is $\hat{\gamma} = (Z^\top Z)^{-1} Z^\top w$. Instead of inverting, one solves the normal equations
$(Z^\top Z)\gamma = Z^\top w$. By Jensen, $E[\log W] \le \log E[W]$, and the equality $E[\log W] = \log E[W]$ holds
if and only if $W$ is constant.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_normal_equations_and_an_equality_that_holds_only_if_are_not_identities(name: str) -> None:
    """"the normal equations (ZᵀZ)γ = Zᵀw" pose a system for γ; "the equality … holds if and only if W is constant"
    states when it holds: neither is refuted as an identity."""
    report = check_document(name, _as(name, POSED))
    assert [f.code for f in report.findings if f.severity == "error"] == [], report.findings
    assert "false" not in [k.verdict for k in report.links]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_equality_said_to_hold_when_a_condition_is_met_is_not_refuted(name: str) -> None:
    """"$(a + b)^2 = a^2 + b^2$ holds when $ab = 0$": the condition after "holds" is the link's own."""
    text = _as(name, "# L\n\nThe equality $(a + b)^2 = a^2 + b^2$ holds when $ab = 0$.\n")
    assert "false" not in [v for v, _ in _verdicts(name, text, "The equality")]


def test_a_side_that_ends_in_a_text_font_letter_keeps_its_brace() -> None:
    """The links report shows a side as written: ``b + a\\textbf{w}``, not ``b + a\\textbf{w`` (the letter's token
    spanned only the letter)."""
    report = check_document("doc.md", "# T\n\n$$\na\\textbf{w} + b = b + a\\textbf{w}\n$$\n")
    assert [(k.left, k.right, k.verdict) for k in report.links] == [
        ("a\\textbf{w} + b", "b + a\\textbf{w}", "proved")]


CASES_BY_PARAGRAPH = r"""# Two cases

We minimise $b^2 - 2bc + \mu|b|$ over $b$.

Case one. Here we must have $b > 0$. Since $b > 0$, it follows that $|b| = b$. The corner solution is to set $b = 0$.

Case two. In this case we must have $b \le 0$. It follows that $|b| = -b$ and the problem changes sign.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_sign_stated_earlier_in_the_paragraph_proves_the_absolute_value(name: str) -> None:
    """|b| = −b after "In this case we must have b ≤ 0." (the sentence before, same paragraph): proved for b ≤ 0,
    not with the corner value b = 0 of the other case."""
    text = _as(name, CASES_BY_PARAGRAPH)
    verdicts = _verdicts(name, text, "It follows that $|b| = -b$")
    assert [v for v, _ in verdicts] == ["proved"] and "b ≤ 0" in verdicts[0][1], verdicts
    slip = slipped(text, "It follows that $|b| = -b$", "It follows that $|b| = -2b$")
    assert [v for v, _ in _verdicts(name, slip, "It follows that $|b| = -2b$")] == ["false"]
