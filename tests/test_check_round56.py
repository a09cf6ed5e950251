r"""Readings added in stop 56. Fixtures are written here, in my own words and symbols (the notes themselves are not
stored); each has a correct copy and a slip where a slip can be made."""
from __future__ import annotations

import pytest
import sympy as sp

from derive import symbols as S
from derive.check.bind import evaluated_at
from derive.check.step_direction import first_steps
from fixture_docs import check_document, error_lines, line_of, slipped, verdicts_at as _verdicts

# -- the first step of a gradient method goes against the gradient -------------------------------------------------------
ADAPTIVE = r"""# Adaptive steps

Write $g_t = \nabla_\theta L(\theta_{t-1})$ for the gradient.

## Adagrad

Adagrad adds up the squared gradients,

$$G_t = G_{t-1} + g_t \odot g_t,$$

and divides the step by their root:

$$\theta_t = \theta_{t-1} - \frac{\eta}{\sqrt{G_t} + \epsilon} \odot g_t .$$

## RMSProp

RMSProp forgets old gradients at the rate $\rho$:

$$s_t = \rho s_{t-1} + (1 - \rho) g_t^2$$

$$\theta_t = \theta_{t-1} - \frac{\eta}{\sqrt{s_t + \epsilon}} g_t$$
"""


def test_adaptive_rules_that_step_against_the_gradient_are_left_as_definitions() -> None:
    assert error_lines("doc.md", ADAPTIVE) == []
    assert _verdicts("doc.md", ADAPTIVE, "\\theta_t = \\theta_{t-1} - \\frac{\\eta}{\\sqrt{G_t}")[0][0] == "not-a-claim"


def test_a_rule_that_lost_its_minus_sign_is_false_on_its_line() -> None:
    text = slipped(ADAPTIVE, "\\theta_{t-1} - \\frac{\\eta}{\\sqrt{G_t}", "\\theta_{t-1} \\frac{\\eta}{\\sqrt{G_t}")
    assert error_lines("doc.md", text) == [(line_of(text, "\\theta_t = \\theta_{t-1} \\frac"), "system/not-descent")]
    verdict, reason = _verdicts("doc.md", text, "\\theta_t = \\theta_{t-1} \\frac")[0]
    assert verdict == "false"
    assert "θ_{t-1} = 1/10 with g_t = -1 it moves -0.1" in reason  # the move that gives the slip away, with its values


def test_the_lost_minus_in_the_second_method_is_found_as_well() -> None:
    text = slipped(ADAPTIVE, "\\theta_{t-1} - \\frac{\\eta}{\\sqrt{s_t", "\\theta_{t-1} + \\frac{\\eta}{\\sqrt{s_t")
    assert error_lines("doc.md", text) == [(line_of(text, "\\theta_{t-1} + \\frac"), "system/not-descent")]
    assert "goes with the gradient" in _verdicts("doc.md", text, "\\theta_{t-1} + \\frac")[0][1]


@pytest.mark.parametrize("words", ["When we minimize the loss, RMSProp", "If the loss is minimised, RMSProp",
                                   "With a minibatch gradient, RMSProp", "Когда градиент шумный, RMSProp",
                                   "当前梯度很大时, RMSProp"])
def test_the_finding_stays_when_the_words_around_the_rule_change(words: str) -> None:
    text = slipped(ADAPTIVE, "\\theta_{t-1} - \\frac{\\eta}{\\sqrt{s_t", "\\theta_{t-1} + \\frac{\\eta}{\\sqrt{s_t")
    text = slipped(text, "RMSProp forgets", f"{words} forgets")
    assert error_lines("doc.md", text) == [(line_of(text, "\\theta_{t-1} + \\frac"), "system/not-descent")]


ADAPTIVE_TEX = r"""\section{Adagrad}
Let $g_k = \nabla f(x_{k-1})$. Adagrad keeps
\begin{equation}
  G_k = G_{k-1} + g_k^2
\end{equation}
and moves by
\begin{equation}
  x_k = x_{k-1} - \frac{\alpha}{\sqrt{G_k + \varepsilon}}\, g_k .
\end{equation}
"""


def test_a_latex_rule_is_read_the_same_way() -> None:
    assert error_lines("doc.tex", ADAPTIVE_TEX) == []
    text = slipped(ADAPTIVE_TEX, "x_{k-1} - \\frac", "x_{k-1} \\cdot \\frac")
    assert error_lines("doc.tex", text) == [(line_of(text, "x_{k-1} \\cdot"), "system/not-descent")]


CONVENTIONS = r"""# Momentum

We minimize $L$ by gradient descent with momentum. Let $g_t = \nabla L(w_{t-1})$.

$$v_t = \mu v_{t-1} - \eta g_t$$

$$w_t = w_{t-1} + v_t$$

# Momentum as an average

$$u_t = \beta u_{t-1} + (1 - \beta) \nabla L(\theta_{t-1})$$

$$\theta_t = \theta_{t-1} - \alpha u_t$$

# Nesterov

$$z_{k} = \mu z_{k-1} - \eta \nabla f(x_{k-1} + \mu z_{k-1})$$

$$x_k = x_{k-1} + z_k$$

# Exponentiated gradient

The weights stay positive, and each step multiplies them:

$$w_t = w_{t-1} e^{-\eta g_t}$$

# Maximum likelihood

We maximize the log-likelihood by gradient ascent:

$$\theta_t = \theta_{t-1} + \alpha \nabla \ell(\theta_{t-1})$$

# The first moment of Adam

$$m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t$$

# The velocity of momentum

$$u_t = \mu u_{t-1} + \nabla L(w_{t-1})$$

# Growth

A population grows by the rate $g_t$ in year $t$:

$$x_t = x_{t-1} (1 + g_t)$$

# A step on a score

The score moves by its gradient:

$$w_t = w_{t-1} + \eta \nabla Q(w_{t-1})$$

# Look-ahead velocity

Nesterov's momentum looks ahead:

$$v_{t} = \gamma v_{t-1} + \eta \nabla J(\theta_{t-1} - \gamma v_{t-1})$$

# Adagrad as the notes write it

Adagrad moves by

$$w_{t} = w_{t-1} - \frac{\alpha}{\sqrt{g(t) \odot g(t)} + \epsilon} \cdot g_t$$

where $g(t) = \nabla J(w_{t-1})$.

# Plain descent

Gradient descent on $L$:

$$w_{t} = w_{t-1} - \eta \nabla L(w_{t-1})$$
"""


def test_every_convention_of_a_descent_step_is_left_alone() -> None:
    # momentum written both ways, Nesterov's look-ahead gradient, a multiplicative rule for positive weights, ascent
    # on a likelihood, averages of gradients (which go with the gradient by design), a letter g that is a rate, and a
    # step along a gradient where no word says the method descends; Nesterov's velocity (its gradient taken beside it),
    # and a rule whose g(t) the reader does not follow
    assert error_lines("doc.md", CONVENTIONS) == []


def test_a_plus_for_a_minus_under_words_of_descent_is_false() -> None:
    text = slipped(CONVENTIONS, "w_{t-1} - \\eta \\nabla L(w_{t-1})", "w_{t-1} + \\eta \\nabla L(w_{t-1})")
    assert error_lines("doc.md", text) == [(line_of(text, "w_{t-1} + \\eta \\nabla L"), "system/not-descent")]


def test_a_plus_for_a_minus_under_words_of_ascent_is_right() -> None:
    text = slipped(CONVENTIONS, "Gradient descent on $L$", "Gradient ascent on the log-likelihood $L$")
    text = slipped(text, "w_{t-1} - \\eta \\nabla L(w_{t-1})", "w_{t-1} + \\eta \\nabla L(w_{t-1})")
    assert error_lines("doc.md", text) == []


def test_momentum_that_adds_its_velocity_the_wrong_way_is_false() -> None:
    text = slipped(CONVENTIONS, "$$w_t = w_{t-1} + v_t$$", "$$w_t = w_{t-1} - v_t$$")
    assert error_lines("doc.md", text) == [(line_of(text, "w_{t-1} - v_t"), "system/not-descent")]


def test_first_steps_put_states_to_zero_and_try_both_signs() -> None:
    theta, before, m_prev, g, eta, beta = (S.symbol(n) for n in
                                           ("\\theta_{t}", "\\theta_{t-1}", "m_{t-1}", "g_{t}", "\\eta", "\\beta"))
    update = before - eta * (beta * m_prev + (1 - beta) * g)
    steps = first_steps(update, before, {g}, frozenset({"m"}))
    assert steps is not None and len(steps) == 4
    assert {(s.before, s.gradient) for s in steps} == {(sp.Rational(1, 10), 1), (sp.Rational(1, 10), -1),
                                                       (-sp.Rational(1, 10), 1), (-sp.Rational(1, 10), -1)}
    assert all((s.move < 0) == (s.gradient > 0) for s in steps)
    # m_{t−1} is 0, so the step is −η(1 − β)g whatever the weights: the same from 1/10 and from −1/10
    assert steps[0].gradient == steps[2].gradient == 1 and steps[0].move == pytest.approx(steps[2].move)
    assert first_steps(update.subs(eta, S.symbol("\\eta_{t}")), before, {g}, frozenset({"m"})) is not None  # η_t
    assert first_steps(update, before, {g}) is None  # m_{t−1} of no row in force: a state unknown, not a 0
    # a state a step back is 0 before the first step: with any other value it would move the weights by itself
    carried = first_steps(before + m_prev - eta * g, before, {g}, frozenset({"m"}))
    assert carried is not None and all((s.move < 0) == (s.gradient > 0) for s in carried)
    # a rule that cannot be computed (an undefined function of the weights) gives nothing, not a guess
    assert first_steps(before - eta * sp.Function("h")(before) * g, before, {g}, frozenset({"m"})) is None


# -- a matrix written out again with letters in it is the one in force ---------------------------------------------------
REDEFINED = r"""# Two matrices

First the diagonal one:

$$
R = \begin{pmatrix} 5 & 0 \\ 0 & 1 \end{pmatrix}
$$

Next the reflection across a line at angle $\phi$:

$$
R = \begin{pmatrix} \cos \phi & \sin \phi \\ \sin \phi & -\cos \phi \end{pmatrix}
$$

Its characteristic polynomial is

$$
\det(R - \mu I) = \mu^2 - 1
$$
"""


def test_the_matrix_written_last_is_the_one_a_determinant_reads() -> None:
    # before: "false … the definitions give (5 − μ)(1 − μ) … with the matrix written out for R on line 6"
    verdict, reason = _verdicts("doc.md", REDEFINED, "\\det(R - \\mu I)")[0]
    assert verdict == "proved" and "R on line 12" in reason
    assert error_lines("doc.md", REDEFINED) == []


def test_a_wrong_polynomial_of_the_last_matrix_is_still_false() -> None:
    text = slipped(REDEFINED, "= \\mu^2 - 1", "= \\mu^2 + 1")
    assert error_lines("doc.md", text) == [(line_of(text, "\\det(R"), "math/false")]
    assert "R on line 12" in _verdicts("doc.md", text, "\\det(R")[0][1]


def test_a_matrix_named_anew_by_no_matrix_is_no_longer_put_in() -> None:
    text = slipped(REDEFINED, "R = \\begin{pmatrix} \\cos \\phi & \\sin \\phi \\\\ \\sin \\phi & -\\cos \\phi \\end{pmatrix}",
                   "R = Q D Q^{-1}")
    verdict, reason = _verdicts("doc.md", text, "\\det(R")[0]
    assert verdict != "false" and "line 6" not in reason


# -- constants the words seek: the formula is an equation in them, and its rewrites follow from it ----------------------
SOUGHT = r"""# Splitting a fraction

We look for constants $a$ and $b$ with

$$
\frac{5x - 1}{(x - 1)(x + 2)} = \frac{a}{x - 1} + \frac{b}{x + 2}
$$

Clearing the denominators gives

$$
5x - 1 = a (x + 2) + b (x - 1)
$$

so $x = 1$ gives $a = 4/3$ and $x = -2$ gives $b = 11/3$.
"""


def test_an_equation_in_the_sought_constants_is_rewritten_not_refuted() -> None:
    # before: the first display "definition (names something new)", the second "false"
    assert _verdicts("doc.md", SOUGHT, "\\frac{5x - 1}")[0] == (
        "not-a-claim", "an equation in unknowns (the constants the words seek)")
    verdict, reason = _verdicts("doc.md", SOUGHT, "5x - 1 = a")[0]
    assert verdict == "proved" and "follows from the equation on line 6" in reason
    assert error_lines("doc.md", SOUGHT) == []


def test_a_rewrite_that_drops_a_sign_is_false() -> None:
    text = slipped(SOUGHT, "5x - 1 = a (x + 2) + b (x - 1)", "5x - 1 = a (x + 2) - b (x - 1)")
    assert error_lines("doc.md", text) == [(line_of(text, "5x - 1 = a"), "math/false")]


@pytest.mark.parametrize("words", ["Find numbers $a$ and $b$ such that", "Найдём коэффициенты $a$ и $b$:",
                                   "求待定系数 $a$, $b$，使得", "Buscamos constantes $a$ y $b$ con"])
def test_the_constants_are_sought_in_other_words_and_languages(words: str) -> None:
    text = slipped(SOUGHT, "We look for constants $a$ and $b$ with", words)
    assert _verdicts("doc.md", text, "5x - 1 = a")[0][0] == "proved"


def test_without_words_that_seek_them_the_letters_are_new_names() -> None:
    text = slipped(SOUGHT, "We look for constants $a$ and $b$ with", "With $a$ and $b$ two numbers, consider")
    assert _verdicts("doc.md", text, "\\frac{5x - 1}")[0] == ("not-a-claim", "definition (names something new)")


# -- i times a number in notes on complex numbers is the imaginary unit -------------------------------------------------
COMPLEX = r"""# Complex roots

Over the complex numbers every quadratic splits. The roots of $x^2 + 9$ are $3i$ and $-3i$, so

$$
x^2 + 9 = (x - 3i)(x + 3i)
$$

and likewise $x^2 + 1 = (x + i)(x - i)$.
"""


def test_i_beside_a_number_in_notes_on_complex_numbers_is_the_unit() -> None:
    assert _verdicts("doc.md", COMPLEX, "x^2 + 9 = (x")[0][0] == "proved"
    assert _verdicts("doc.md", COMPLEX, "and likewise")[0][0] == "proved"
    assert error_lines("doc.md", COMPLEX) == []


def test_the_unit_alone_in_brackets_is_the_unit_too() -> None:
    text = "# Complex numbers\n\nOver the complex numbers, $$x^2 + 1 = (x + i)(x - i)$$\n"
    assert _verdicts("doc.md", text, "x^2 + 1")[0][0] == "proved"


def test_a_wrong_factor_over_the_complex_numbers_is_false() -> None:
    text = slipped(COMPLEX, "(x - 3i)(x + 3i)", "(x - 3i)(x + 9i)")
    assert error_lines("doc.md", text) == [(line_of(text, "(x - 3i)(x + 9i)"), "math/false")]


def test_without_words_on_complex_numbers_i_stays_a_letter() -> None:
    text = slipped(COMPLEX, "Over the complex numbers every quadratic splits.", "Every quadratic splits.")
    assert _verdicts("doc.md", text, "and likewise")[0][0] == "false"


# -- a name given by a formula the parser could not read holds an unknown value -----------------------------------------
UNREAD = r"""# Centring

The centring matrix of $m$ samples is
$$
H = I_m - \frac{1}{m}\mathbf{1}\mathbf{1}^T
$$
and the centred data are $D = X H$.

What it does:

- symmetric: $H^T = H$
- it keeps its own output: $H^2 = H$
- twice more is the same: $H^3 = H$
"""


def test_a_property_of_a_matrix_defined_unreadably_is_undecided() -> None:
    # ^T after the bold one is ambiguous to the scalar reader: H's formula is not read (before: "H² = H" false on
    # random matrices, diagonal ones and numbers)
    assert _verdicts("doc.md", UNREAD, "H = I_m")[0][0] == "undecided"
    for snippet in ("$H^2 = H$", "$H^3 = H$"):
        verdict, reason = _verdicts("doc.md", UNREAD, snippet)[0]
        assert verdict == "undecided" and "H is defined on line 5 by an expression that could not be read" in reason
    assert error_lines("doc.md", UNREAD) == []


def test_with_no_formula_for_the_name_another_reason_holds() -> None:
    text = slipped(UNREAD, "H = I_m - \\frac{1}{m}\\mathbf{1}\\mathbf{1}^T", "m = 2")
    assert "could not be read" not in _verdicts("doc.md", text, "$H^3 = H$")[0][1]


PENROSE = r"""# Pseudo-inverse

With the singular value decomposition $A = U \Sigma V^\top$ put
$$
A^+ = V \Sigma^+ U^\top .
$$
One checks that
$$
A A^+ A = A
$$
"""


def test_a_pseudo_inverse_read_as_a_letter_of_its_own_is_not_refuted() -> None:
    verdict, reason = _verdicts("doc.md", PENROSE, "A A^+ A = A")[0]
    assert verdict == "undecided" and "pseudo-inverse" in reason
    assert error_lines("doc.md", PENROSE) == []


# -- the formula set to zero, as the words say ----------------------------------------------------------------------------
ZEROED = r"""# Least squares

The derivative of the loss is

$$
\frac{d L}{d \beta} = 2 c \beta - 2 d
$$

Setting it to zero (the condition for a minimum):

$$
c \beta = d
$$
"""


def test_a_condition_after_words_that_set_the_formula_to_zero_follows_from_it() -> None:
    verdict, reason = _verdicts("doc.md", ZEROED, "c \\beta = d")[0]
    assert verdict == "proved" and "the right side of line 6 set to zero" in reason


def test_a_condition_that_is_not_the_formula_set_to_zero_is_not_proved() -> None:
    text = slipped(ZEROED, "c \\beta = d", "c \\beta = 2 d")
    assert _verdicts("doc.md", text, "c \\beta = 2 d")[0][0] != "proved"


def test_the_solution_of_the_formula_set_to_zero_is_proved() -> None:
    text = slipped(ZEROED, "c \\beta = d", "\\beta = \\frac{d}{c}")
    verdict, reason = _verdicts("doc.md", text, "\\beta = \\frac{d}{c}")[0]
    assert verdict == "proved" and "set to zero" in reason
    wrong = slipped(ZEROED, "c \\beta = d", "\\beta = \\frac{2d}{c}")
    assert _verdicts("doc.md", wrong, "\\beta = \\frac{2d}{c}")[0][0] != "proved"


@pytest.mark.parametrize("words", ["Igualando a cero:", "Приравняв её к нулю, получаем", "令导数为零：",
                                   "Gleich null gesetzt:", "En l'annulant :"])
def test_setting_to_zero_in_other_languages(words: str) -> None:
    text = slipped(ZEROED, "Setting it to zero (the condition for a minimum):", words)
    assert _verdicts("doc.md", text, "c \\beta = d")[0][0] == "proved"


def test_a_formula_found_false_is_no_premise_for_its_zero() -> None:
    text = slipped(ZEROED, "The derivative of the loss is", "For $L = c \\beta^2 - 2 d \\beta + 5$ the derivative is")
    assert _verdicts("doc.md", text, "\\frac{d L}")[0][0] == "proved"
    text = slipped(text, "= 2 c \\beta - 2 d", "= 2 c \\beta - 4 d")
    assert _verdicts("doc.md", text, "\\frac{d L}")[0][0] == "false"
    assert _verdicts("doc.md", slipped(text, "c \\beta = d", "c \\beta = 2 d"), "c \\beta = 2 d")[0][0] != "proved"


def test_a_root_that_makes_the_formula_zero_is_its_solution() -> None:
    text = slipped(ZEROED, "= 2 c \\beta - 2 d", "= c \\beta^2 - d")
    text = slipped(text, "c \\beta = d", "\\beta = \\sqrt{d / c}")
    verdict, reason = _verdicts("doc.md", text, "\\beta = \\sqrt")[0]
    assert verdict == "proved" and reason.startswith("solves the right side of line 6 set to zero")
    assert _verdicts("doc.md", slipped(text, "\\sqrt{d / c}", "\\sqrt{2d / c}"), "\\beta = \\sqrt")[0][0] != "proved"


def test_without_the_words_the_condition_is_not_an_identity() -> None:
    text = slipped(ZEROED, "Setting it to zero (the condition for a minimum):", "Then:")
    assert _verdicts("doc.md", text, "c \\beta = d")[0][0] != "proved"


# -- rows in an align: ∴ with a list of facts is a remark beside the chain ----------------------------------------------
THEREFORE = r"""# Margin

$$
\begin{align*}
m &= \frac{v^\top}{\|v\|}(p - q) \\
 &\therefore v^\top p = 1 - c, \quad v^\top q = -1 - c \\
 &= \frac{v^\top p - v^\top q}{\|v\|}
\end{align*}
$$
"""


def test_a_row_continues_the_chain_past_a_therefore_list() -> None:
    # before: "−1 − c = (vᵀp − vᵀq)/‖v‖", the last fact of the list taken for the chain's last member
    verdicts = _verdicts("doc.md", THEREFORE, "&= \\frac{v^\\top p")
    assert verdicts and verdicts[0][0] != "false"
    assert error_lines("doc.md", THEREFORE) == []
    link = next(x for x in check_document("doc.md", THEREFORE).links if x.line == line_of(THEREFORE, "&= \\frac{v^\\top p"))
    assert link.left == "\\frac{v^\\top}{\\|v\\|}(p - q)"


def test_a_therefore_row_alone_still_starts_the_chain_it_continues() -> None:
    text = r"""# Solve

$$
\begin{align*}
2x + 1 &= 7 \\
\therefore 2x &= 6 \\
&= 5
\end{align*}
$$
"""
    assert (line_of(text, "&= 5"), "math/false") in error_lines("doc.md", text)
    link = next(x for x in check_document("doc.md", text).links if x.line == line_of(text, "&= 5"))
    assert link.left == "6"  # 2x = 6 = 5: the ∴ row's own chain goes on, not the row before it (7 = 5)


# -- an inline "= …" in another paragraph continues nothing --------------------------------------------------------------
INLINE = r"""# Sparsity

- many weights end at $w_j = 0$

Level sets of the penalty:

- the ridge ball is round
- the lasso ball has corners

Points on the corners have a coordinate $= 0$, hence sparsity.
"""


def test_an_inline_continuation_in_another_paragraph_is_undecided() -> None:
    verdict, reason = _verdicts("doc.md", INLINE, "a coordinate $= 0$")[0]
    assert verdict == "undecided" and "the words before it are its left side" in reason


def test_an_inline_continuation_in_the_same_paragraph_still_continues() -> None:
    text = "# Sum\n\nWe have $(a + 1)^2 = a^2 + 2a + 1$ and adding one $= a^2 + 2a + 2$ is wrong.\n"
    assert "continues line 3" in " ".join(r for _, r in _verdicts("doc.md", text, "We have"))


# -- \cdot opening a row of its own in inline math is a bullet -----------------------------------------------------------
BULLETS = r"""# Conditions

| condition | meaning |
| --- | --- |
| slackness | $\cdot\ \alpha_k (1 - m_k) = 0 \\ \cdot\ \mu_k \xi_k = 0$ |
"""


def test_a_dot_opening_a_row_is_a_bullet_not_a_product() -> None:
    # before: "0 \\ \cdot μ_kξ_k = 0" read as 0·μ_kξ_k = 0 and proved
    verdicts = _verdicts("doc.md", BULLETS, "slackness")
    assert len(verdicts) == 2 and all(v != "proved" for v, _ in verdicts)
    lefts = [x.left for x in check_document("doc.md", BULLETS).links]
    assert lefts == ["\\alpha_k (1 - m_k)", "\\mu_k \\xi_k"]  # the dot dropped, each row read on its own


PARTIAL = r"""# Partial fractions

We apply the general form of the partial fraction decomposition:

$$
\frac{2x^3 + 4x}{(x+1)^2(x-1)^2} = \frac{a}{x+1} + \frac{b}{(x+1)^2} + \frac{c}{x-1} + \frac{d}{(x-1)^2}
$$

Multiplying both sides by $(x+1)^2(x-1)^2$ gives

$$
2x^3 + 4x = a (x+1)(x-1)^2 + b (x-1)^2 + c (x+1)^2 (x-1) + d (x+1)^2
$$
"""


def test_the_coefficients_of_a_partial_fraction_decomposition_are_unknowns() -> None:
    # the words name the decomposition, not the letters: its numerators are what is sought
    verdict, reason = _verdicts("doc.md", PARTIAL, "2x^3 + 4x = a")[0]
    assert verdict == "proved" and "follows from the equation on line 6" in reason
    text = slipped(PARTIAL, "+ d (x+1)^2\n", "+ d (x+1)\n")
    assert error_lines("doc.md", text) == [(line_of(text, "2x^3 + 4x = a"), "math/false")]


# -- optima through a derivation: log of a positive objective, a flipped sign, a positive factor, a line restated --------
LIKELIHOOD = r"""# Maximum likelihood

$$
\begin{align*}
\hat w &= \argmax_w \prod_{i=1}^N \frac{1}{\sqrt{2 \pi \sigma^2}} e^{-\frac{(y_i - w^\top x_i)^2}{2\sigma^2}} \\
 &= \argmax_w \sum_{i=1}^N \log \frac{1}{\sqrt{2 \pi \sigma^2}} - \frac{(y_i - w^\top x_i)^2}{2\sigma^2} \\
 &= \argmin_w \sum_{i=1}^N \frac{(y_i - w^\top x_i)^2}{2\sigma^2} \\
 &= \argmin_w \sum_{i=1}^N (y_i - w^\top x_i)^2 \\
 &= \argmin_w \sum_{i=1}^N (y_i - w^\top x_i)^2 \quad (\text{as before})
\end{align*}
$$
"""


def _chain(text: str) -> list[tuple[str, str]]:
    return [(x.verdict, x.reason) for x in check_document("doc.md", text).links]


def test_each_step_of_a_likelihood_to_least_squares_is_proved() -> None:
    verdicts = _chain(LIKELIHOOD)
    assert len(verdicts) == 5 and verdicts[0][0] == "not-a-claim"
    assert all(v == "proved" for v, _ in verdicts[1:]), verdicts
    reasons = [r for _, r in verdicts[1:]]
    assert "logarithm of the other" in reasons[0]
    assert "minimizer of the objective's negative" in reasons[1]
    assert "1/(2·σ^2) times the other" in reasons[2]
    assert reasons[3] == "both sides are written alike"  # the same line again, a remark in words beside it


@pytest.mark.parametrize(("old", "new", "link"), [
    ("&= \\argmin_w \\sum_{i=1}^N \\frac{(y_i", "&= \\argmax_w \\sum_{i=1}^N \\frac{(y_i", 2),
    ("&= \\argmin_w \\sum_{i=1}^N (y_i - w^\\top x_i)^2 \\\\", "&= \\argmin_w \\sum_{i=1}^N (y_i - 2 w^\\top x_i)^2 \\\\", 3),
    ("{\\sqrt{2 \\pi \\sigma^2}} e^{", "{\\sqrt{2 \\pi \\sigma^2}} - e^{", 1),
])
def test_a_step_that_changes_the_optimizer_is_not_proved(old: str, new: str, link: int) -> None:
    assert _chain(slipped(LIKELIHOOD, old, new))[link][0] != "proved"


def test_a_factor_of_either_sign_or_a_matrix_product_is_not_excused() -> None:
    text = "# Fit\n\n$$\\argmin_w c (w - 1)^2 = \\argmin_w (w - 1)^2$$\n"
    assert _verdicts("doc.md", text, "\\argmin_w c")[0][0] == "undecided"
    text = "# Fit\n\n$$\\argmin_w \\frac{(y - X^\\top w)^2}{2} = \\argmin_w (y - X^\\top w)^2$$\n"
    assert "drops the order" in _verdicts("doc.md", text, "\\argmin_w \\frac")[0][1]
    text = "# Fit\n\n$$\\argmin_w \\frac{w^\\top x A}{2} = \\argmin_w w^\\top x A$$\n"  # a capital beside it
    assert "drops the order" in _verdicts("doc.md", text, "\\argmin_w \\frac")[0][1]


def test_a_link_whose_sides_are_written_alike_holds_whatever_its_letters_are() -> None:
    text = "# M\n\n$$f(A^\\top B) = f(A^\\top B)$$\n"
    assert _verdicts("doc.md", text, "f(A")[0] == ("proved", "both sides are written alike")
    text = "# M\n\n$$f(A^\\top B) = f(B^\\top A)$$\n"  # the scalar reading would prove it; the order differs
    assert _verdicts("doc.md", text, "f(A")[0][0] != "proved"


# -- hyperbolic functions are quotients of exponentials ------------------------------------------------------------------
HYPERBOLIC = r"""# Activations

$$\tanh(x) = \frac{1 - e^{-2x}}{1 + e^{-2x}}$$

and, with $\sigma$ the logistic sigmoid, $\tanh(x) + 1 = 2\sigma(2x)$.
"""


def test_tanh_written_in_exponentials_is_proved() -> None:
    assert _verdicts("doc.md", HYPERBOLIC, "\\tanh(x) = ")[0][0] == "proved"
    assert _verdicts("doc.md", HYPERBOLIC, "and, with")[0][0] == "proved"


def test_a_wrong_exponent_in_tanh_is_false() -> None:
    text = slipped(HYPERBOLIC, "\\frac{1 - e^{-2x}}{1 + e^{-2x}}", "\\frac{1 - e^{-x}}{1 + e^{-2x}}")
    assert error_lines("doc.md", text) == [(3, "math/false")]


def test_the_derivative_of_the_sigmoid_written_by_name_is_its_derivative() -> None:
    text = ("# Sigmoid\n\n$$\\frac{d}{dx}\\text{sigmoid}(x) = \\frac{e^{-x}}{(1 + e^{-x})^2}"
            " = \\text{sigmoid}(x)(1 - \\text{sigmoid}(x))$$\n")
    assert [v for v, _ in _verdicts("doc.md", text, "\\frac{d}{dx}")] == ["proved", "proved"]
    wrong = slipped(text, "(1 + e^{-x})^2}", "(1 + e^{-x})}")
    assert _verdicts("doc.md", wrong, "\\frac{d}{dx}")[0][0] not in ("proved", "not-a-claim")


# -- Japanese words that call a formula the one before rewritten ---------------------------------------------------------
REWRITTEN_JA = r"""# 平方完成

正の数 $c$ と数 $b$, $k$ に対して

$$h(z) = \frac{1}{2} c z^2 + b z + k.$$

よって、$h$ は次のように書き直せます。

$$h(z) = \frac{1}{2} c \left(z + \frac{b}{c}\right)^2 + k - \frac{b^2}{2c}.$$
"""


def test_a_function_rewritten_in_japanese_is_checked_against_its_definition() -> None:
    assert _verdicts("doc.md", REWRITTEN_JA, "\\left(z + ")[0][0] == "proved"
    text = slipped(REWRITTEN_JA, "\\left(z + \\frac{b}{c}\\right)", "\\left(z - \\frac{b}{c}\\right)")
    assert error_lines("doc.md", text) == [(line_of(text, "\\left(z - "), "math/false")]


# -- stop 56, second set (fresh87): operators typed as text, sets named by an equation, rounded decimals ------------------
TEXT_OPERATORS = r"""# Variance

Let $\text{Var}[Z] := E[(Z - E[Z])^2]$. Then

1. $\text{Var}[Z] = E[Z^2] - (E[Z])^2$
2. for independent $Z$, $W$: $\text{Var}[aZ + bW] = a^2 \text{Var}[Z] + b^2 \text{Var}[W]$
"""


def test_an_operator_typed_as_text_before_a_bracket_is_an_operator() -> None:
    # before: \text{Var} dropped as prose, "[aZ + bW] = a^2" refuted
    assert _verdicts("doc.md", TEXT_OPERATORS, "1. $")[0][0] == "proved"
    assert _verdicts("doc.md", TEXT_OPERATORS, "2. for")[0][0] == "proved"
    text = slipped(TEXT_OPERATORS, "a^2 \\text{Var}[Z] + b^2", "a \\text{Var}[Z] + b^2")
    assert _verdicts("doc.md", text, "2. for")[0][0] != "proved"


LOCUS = r"""# Planes

The line where $p + q + r = 3$ and $p - 2q + r = 0$ meet never crosses the plane $q = 0$, so we look for the point
with $p = 0$, where $r = 2q$ and

$$q + 2q = 3 \implies q = 1$$

and at $q = 1$, $$2q = 2 .$$
"""


def test_an_equation_naming_a_plane_gives_no_letter_a_value() -> None:
    # before: q = 0 from "the plane $q = 0$" put into every later line
    assert error_lines("doc.md", LOCUS) == []
    assert _verdicts("doc.md", LOCUS, "q + 2q")[-1] == ("proved", "the result of the condition on line 6 (solved for q)")
    assert _verdicts("doc.md", LOCUS, "the plane")[-1][1].startswith("condition")


def test_a_value_given_in_words_still_counts() -> None:
    text = slipped(LOCUS, "and at $q = 1$, $$2q = 2 .$$", "and at $q = 1$, $$2q = 3 .$$")
    assert (line_of(text, "and at"), "math/false") in error_lines("doc.md", text)


SUBSCRIPT_LOST = r"""# Lagrange multipliers

$$L = xy + \lambda (x^2 + y^2 - 1)$$

$$
\begin{cases}
L'_x = y + 2 \lambda x = 0, \\
L'y = x + 2 \lambda y = 0.
\end{cases}
$$
"""


def test_a_prime_and_a_letter_beside_primes_with_subscripts_is_a_lost_underscore() -> None:
    verdict, reason = _verdicts("doc.md", SUBSCRIPT_LOST, "L'y")[0]
    assert verdict == "undecided" and "underscore lost" in reason
    text = slipped(SUBSCRIPT_LOST, "L'_x = y", "L_x = y")  # no L'_… written anywhere: nothing says so
    assert "underscore" not in _verdicts("doc.md", text, "L'y")[0][1]
    text = "# P\n\nLet $G' = 3$. Then $$G'b = 2b$$\n"  # G' a number the notes give: G'b is a product, refuted
    assert _verdicts("doc.md", text, "G'b")[-1][0] == "false"


UNROLLED = r"""# Conjugate directions

$$
\mathbf{x}_{k+1} = \mathbf{x}_k + \alpha_k \mathbf{d}_k
$$

so that $\mathbf{x}_j - \mathbf{x}_0 = \alpha_0 \mathbf{d}_0 + \dots + \alpha_{j-1} \mathbf{d}_{j-1}$.
"""


def test_an_expansion_of_a_step_the_recurrence_is_not_unrolled_at_is_undecided() -> None:
    verdict, reason = _verdicts("doc.md", UNROLLED, "so that")[0]
    assert verdict == "undecided" and "not unrolled" in reason


ROUNDED_APPROX = r"""# Step

With $s = 2/3$, written to three places as $s \approx 0.667$, three steps give

$$3 \times 0.667 = 2.000$$

while $$3 \times 0.667 = 2.100$$ is off.
"""


def test_a_decimal_written_after_approx_is_a_rounded_value_later() -> None:
    verdict, reason = _verdicts("doc.md", ROUNDED_APPROX, "3 \\times 0.667 = 2.000")[0]
    assert verdict == "undecided" and "within the rounding" in reason
    assert error_lines("doc.md", ROUNDED_APPROX) == [(line_of(ROUNDED_APPROX, "while"), "math/false")]


def test_an_integral_whose_letter_is_its_bound_is_put_in_at_its_bound_only() -> None:
    # F(x) = ∫_{−∞}^{x} f(x) dx read at x + Δx: before, SymPy was asked for an integral in the letter x + Δx (a crash)
    x, h = sp.symbols("x h")
    f = sp.Function("f")
    put = evaluated_at(sp.Integral(f(x), (x, -sp.oo, x)), {x: x + h})
    assert isinstance(put, sp.Integral) and put.limits[0][1:] == (-sp.oo, x + h)
    assert put.limits[0][0] != x and put.function == f(put.limits[0][0])


ONE_SECTION = r"""# Adaptive methods

Let $g_t = \nabla_\theta L(\theta_t)$; for our least squares task $g_t = 2 X^\top (X \theta_t - y)$.

**Adagrad:**

$$G_t = G_{t-1} + g_t \odot g_t$$

$$\theta_{t+1} = \theta_t - \frac{\eta}{\sqrt{G_t} + \epsilon} \odot g_t$$

**RMSprop:**

$$v_t = \beta v_{t-1} + (1 - \beta) g_t \odot g_t$$

$$\theta_{t+1} = \theta_t - \frac{\eta}{\sqrt{v_t} + \epsilon} \odot g_t$$
"""


def test_every_update_of_a_section_is_stepped_and_the_gradient_letter_kept_whole() -> None:
    assert error_lines("doc.md", ONE_SECTION) == []
    # the first of two rules under one heading, its gradient written out for a task above: still g, the gradient
    text = slipped(ONE_SECTION, "\\theta_t - \\frac{\\eta}{\\sqrt{G_t}", "\\theta_t \\frac{\\eta}{\\sqrt{G_t}")
    assert error_lines("doc.md", text) == [(line_of(text, "\\theta_t \\frac{\\eta}{\\sqrt{G_t}"), "system/not-descent")]
    # a row of the rule that is not read (here: missing) leaves its state unknown, never a 0 that decides
    text = slipped(ONE_SECTION, "$$v_t = \\beta v_{t-1} + (1 - \\beta) g_t \\odot g_t$$", "")
    text = slipped(text, "\\theta_t - \\frac{\\eta}{\\sqrt{v_t}", "\\theta_t \\frac{\\eta}{\\sqrt{v_t}")
    assert error_lines("doc.md", text) == []


def test_a_curve_named_by_a_function_is_no_condition() -> None:
    # "the curve $y = |x|$" after y = |x|: the graph of what y already is, a restatement — not a set with a value
    text = "# Corner\n\nLet $y = |x|$. Near the origin the curve $y = |x|$ has a corner.\n"
    assert _verdicts("doc.md", text, "Let")[-1][0] == "proved"


TRIED = r"""# Exercise 5 a)

Try a point with $t = 0$: then $u + 0 = 3$ and $u - 0 = 1$, which cannot both hold.

Try a point with $u = 0$ instead:

$$t + 2t = 3 \implies 3t = 3 \implies t = 1$$

## **Exercise 5 b)**

With $a = 2$:

$$a + 1 = 3$$
"""


def test_a_display_that_solves_for_a_letter_never_takes_a_value_tried_before() -> None:
    # before: "t + 2t is 0, not 3 (with t = 0)", the value of an abandoned trial
    assert error_lines("doc.md", TRIED) == []
    assert _verdicts("doc.md", TRIED, "t + 2t")[-1][0] == "proved"


def test_a_bold_exercise_heading_starts_a_new_exercise() -> None:
    text = slipped(TRIED, "With $a = 2$:", "Now:")
    text = slipped(text, "# Exercise 5 a)\n", "# Exercise 5 a)\n\nLet $a = 7$.\n")
    # a = 7 of part a) is not a's value in part b): the link there is no arithmetic with it
    assert not any(v == "false" for v, _ in _verdicts("doc.md", text, "a + 1 = 3"))


def test_a_sum_bound_bound_by_a_limit_is_not_sampled() -> None:
    # lim_{n→∞} (1/n)Σ_{i=1}^{n} …: n runs to the limit, no free letter to give a whole number (before: KeyError)
    from derive.proof import numeric_difference

    n, i, g = sp.symbols("n i g")
    riemann = sp.Limit(sp.Sum(g * i / n, (i, 1, n)) / n, n, sp.oo)
    assert numeric_difference(riemann, g / 2).status in ("true", "undecided")
    assert numeric_difference(riemann, g).status != "true"
