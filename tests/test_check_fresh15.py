"""Readings the fresh15 set of unseen notes asked for: integrals written differential first, angle brackets sized
with \\left< … \\right>, \\operatorname{grad}, and an inner product against a squared norm."""
from __future__ import annotations

import pytest

from derive.check.latex import parse_expr
from derive.check.run import check_document


def verdicts(text: str, path: str = "n.md") -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for k in check_document(path, text).links:
        out.setdefault(k.line, []).append(k.verdict)
    return out


def errors(text: str, path: str = "n.md") -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_document(path, text).findings if f.severity == "error"]


@pytest.mark.parametrize(("written", "value"), [
    (r"\int_0^1 \mathrm{d}t\, t^2", r"\frac{1}{3}"),
    (r"\int_0^1 \text{d}t ~ t ~ \epsilon + 1", r"\frac{\epsilon}{2} + 1"),           # the integrand stops at the +
    (r"\lambda^3 \int_0^1 \text{d}s ~ s^2 \int_0^1 \text{d}t ~ t", r"\frac{\lambda^3}{6}"),  # nested, both first
    (r"\int_0^1 t^2 \, dt", r"\frac{1}{3}"),                                        # the usual order is unchanged
])
def test_an_integral_written_differential_first_runs_over_the_product_after_it(written: str, value: str) -> None:
    assert (parse_expr(written).doit() - parse_expr(value)).expand() == 0


INTEGRAL_MD = r"""The step gives

$$L(x) - \lambda \epsilon + \mathcal L \lambda^3 \int_0^1 \text{d}s ~ s^2  \int_0^1 \text{d}t ~ t ~ \epsilon^{\frac{3}{2}} = L(x) - \lambda \epsilon + \frac{\lambda^3 \mathcal L ~ \epsilon^{\frac{3}{2}}}{6}$$
"""


def test_an_upright_d_is_a_differential_not_words_between_two_statements() -> None:
    """``\\text{d}t`` cut the side in two (one letter in \\text read as prose): the fragment after it was refuted, a
    false error. One upright letter is notation; the integral is read whole and checked."""
    assert verdicts(INTEGRAL_MD)[3] == ["proved"]
    assert errors(INTEGRAL_MD.replace("}}{6}$$", "}}{3}$$")) == [(3, "math/false")]


INNER_MD = r"""Steepest descent takes $m = - \operatorname{grad} f(x)$, so that

$$
\begin{aligned}
\left< \operatorname{grad} f(x), m \right> &= \left< \operatorname{grad} f(x), - \operatorname{grad} f(x)\right> \\
&= - \left< \operatorname{grad} f(x), \operatorname{grad} f(x)\right> \\
&= - \| \nabla f(x) \| ^ 2
\end{aligned}
$$
"""


def test_angle_brackets_sized_with_left_and_right_are_an_inner_product() -> None:
    """``\\left< u, v \\right>`` read ``<`` and ``>`` as relations: the row was cut at them and a fragment refuted.
    They are the brackets of ⟨u, v⟩; ``\\operatorname{grad}`` is ∇; ⟨g, g⟩ = ‖g‖² coordinate by coordinate."""
    assert parse_expr(r"\left< a, b \right>") == parse_expr(r"\langle a, b \rangle")
    assert verdicts(INNER_MD) == {1: ["not-a-claim"], 5: ["proved"], 6: ["proved"], 7: ["proved"]}
    assert errors(INNER_MD) == []


def test_an_inner_product_against_a_norm_with_the_wrong_sign_is_not_proved() -> None:
    wrong = INNER_MD.replace(r"&= - \| \nabla f(x) \| ^ 2", r"&= \| \nabla f(x) \| ^ 2")
    assert verdicts(wrong)[7] == ["undecided"]


QHM_MD = r"""$$v_t \overset{\mathrm{def}}{=} \theta_t - \theta_{t-1}$$

The momentum buffer is $m_{t+1} = (1 - \mu) g_t + \mu m_t$ and the update is

$$\theta_{t+1} = \theta_t - \varepsilon \left[ \left( 1 - \nu \right ) g_t + \nu m_{t+1} \right]$$

What is less easy to see is that $\nu = \mu$ gets you damped NAG:

$$\theta_{t+1} = \theta_t - \varepsilon \left[ \left( 1 - \mu \right ) g_t + \mu m_{t+1} \right]$$

Rearranging the update for the buffer and shifting the index,

$$m_t = - \frac{\left( 1 - \nu \right ) g_{t-1}}{\nu} - \frac{v_t}{\varepsilon \nu}$$
"""


def test_one_parameter_set_to_another_is_a_case_not_a_definition_in_force() -> None:
    """"$\\nu = \\mu$ gets you damped NAG" names a special case: read as ν's value from there on it made the later
    general line, in ν, false (a false error on a real note)."""
    assert errors(QHM_MD) == []
    found = check_document("n.md", QHM_MD).links
    assert [(k.verdict, k.reason) for k in found if k.line == 7] == [("not-a-claim",
                                                                     "condition (the prose states it as one)")]
    assert [k.verdict for k in found if k.line == 13] == ["proved"]
    assert errors(QHM_MD.replace(r"\frac{v_t}{\varepsilon \nu}$$", r"\frac{v_t}{\varepsilon}$$")) == [(13, "math/false")]


LINEAR_ARGMIN_MD = r"""Minimizing the linear approximation,

$$
\begin{aligned}
w_1 &= \mathrm{argmin}_{w} \left[ f_0 + g_0 (w - w_0) \right] \\
    &= \text{(subject to } |w - w_0| < \alpha \text{)}
\end{aligned}
$$

and with a penalty instead of the constraint the closed form is

$$w_1 = w_0 - \frac{1}{2\lambda} g_0$$
"""


def test_the_argmin_of_a_linear_objective_is_not_refuted_by_stationarity() -> None:
    """A linear objective has no optimum on ℝ: the notes mean one under a constraint, so a closed form is not
    checked against the objective's derivative (a false error: "2w₀ − 12 is not 0")."""
    assert errors(LINEAR_ARGMIN_MD) == []


def test_a_value_imagined_is_a_condition() -> None:
    text = ("Let $f(w) = (w - 6)^2$, with its minimum at $w = 6$.\n\n"
            "Imagine that we are close to the minimum and $\\|\\nabla f(w)\\| = 0.1$.\n")
    assert errors(text) == []
    assert [k.reason for k in check_document("n.md", text).links if k.line == 3] == [
        "condition (the prose states it as one)"]


LOGISTIC_MD = r"""The cross-entropy is

$$L(y, \hat{y}) = - \sum_{i = 1}^n y_i \log(\hat{y_i}) + (1 - y_i) \log(1 - \hat{y_i})$$

and gradient descent updates $$\theta := \theta - \alpha \nabla_\theta L$$ where $z = \theta x$ and $\hat{y} = \frac{1}{1 + e^{-z}}$.

$$\frac{\partial \hat{y}}{\partial z} = \frac{1}{1 + e^{-z}} \frac{e^{-z}}{1 + e^{-z}} = \hat{y}(1 - \hat{y})$$

$$\begin{align*} \frac{\partial L}{\partial \theta} &= \frac{\partial L}{\partial \hat{y}} \frac{\partial \hat{y}}{\partial z} \frac{\partial z}{\partial \theta} \\ &= \left( \frac{1 - y}{1 - \hat{y}} - \frac{y}{\hat{y}} \right) \hat{y}(1 - \hat{y}) x \end{align*}$$
"""


def test_an_update_written_with_colon_equals_is_an_assignment_not_a_circular_definition() -> None:
    """θ := θ − α∇L defined θ through itself: every later line that reads θ (through z) was "circular"."""
    found = check_document("n.md", LOGISTIC_MD).links
    assert [k.reason for k in found if k.line == 5][0] == "assignment (:=, the left side is read on the right)"
    # ∂ŷ/∂z of ŷ = 1/(1 + e^{−z}), named on line 5: a derivative to check, then the chain's rewrite
    assert [k.verdict for k in found if k.line == 7] == ["proved", "proved"]


def test_the_derivative_of_a_function_written_in_coordinates_is_never_taken_as_zero() -> None:
    """∂L/∂ŷ for L(y, ŷ) written in ŷᵢ is 0 in the symbol ŷ: a product with that factor was refuted (false error);
    it is undecided, as the derivative alone already was."""
    assert errors(LOGISTIC_MD) == []
    found = [(k.verdict, k.reason) for k in check_document("n.md", LOGISTIC_MD).links if k.line == 9]
    assert found[0][0] == "proved" and found[1][0] == "undecided"
    assert "of an expression written in its coordinates" in found[1][1]


SQRT_MD = r"""Adam's step is $$w_{t} = w_{t-1} - \frac{\alpha \hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}$$ so that

$$\Delta w_t = w_{t} - w_{t-1} = -\frac{\alpha \cdot \hat{m}_t}{\sqrt(\hat{v}_t)+\epsilon}$$
"""


def test_a_root_of_a_bracket_is_read_as_meant_and_its_rendering_reported() -> None:
    """``\\sqrt(\\hat{v}_t)``: every renderer puts only "(" under the radical (a warning), and the author means the
    root of the bracket: the line is checked as that (it was "missing operand", and a slip in it went unseen)."""
    assert parse_expr(r"\sqrt(\hat{v}_t)+\epsilon") == parse_expr(r"\sqrt{\hat{v}_t}+\epsilon")
    result = check_document("n.md", SQRT_MD)
    assert [(f.line, f.code, f.severity) for f in result.findings if f.code == "render/sqrt-bracket"] == [
        (3, "render/sqrt-bracket", "warning")]
    assert [k.verdict for k in result.links if k.line == 3][-1] == "proved"
    assert (3, "math/false") in errors(SQRT_MD.replace(r"= -\frac{\alpha", r"= \frac{\alpha"))


BECOMES = {
    "en": (r"""Plain SGD updates

$$\theta_t = \theta_{t-1} - \eta g_t$$

With L2 regularization the gradient becomes $g_t + \lambda\theta_{t-1}$, so the update becomes

$$\theta_t = \theta_{t-1} - \eta (g_t + \lambda\theta_{t-1})$$

and expanding,

$$\theta_t = (1 - \eta\lambda)\theta_{t-1} - \eta g_t$$
"""),
    "zh": (r"""没有 L2 正则时，更新规则是：

$$\theta_t = \theta_{t-1} - \eta g_t$$

如果在 loss 中加入 L2 正则，梯度变成 $g_t + \lambda\theta_{t-1}$，于是更新规则变成：

$$\theta_t = \theta_{t-1} - \eta (g_t + \lambda\theta_{t-1})$$

展开一下：

$$\theta_t = (1 - \eta\lambda)\theta_{t-1} - \eta g_t$$
"""),
    "ru": (r"""Шаг SGD:

$$\theta_t = \theta_{t-1} - \eta g_t$$

С L2-регуляризацией градиент становится $g_t + \lambda\theta_{t-1}$, и шаг записывается так:

$$\theta_t = \theta_{t-1} - \eta (g_t + \lambda\theta_{t-1})$$

Раскрывая скобки, получаем

$$\theta_t = (1 - \eta\lambda)\theta_{t-1} - \eta g_t$$
"""),
}


@pytest.mark.parametrize("language", sorted(BECOMES))
def test_the_rule_with_what_the_words_say_the_gradient_becomes(language: str) -> None:
    """"the gradient becomes $g_t + λθ_{t−1}$, so the update becomes $$…$$": the display is the rule with g_t
    replaced (proved, it was a second definition or a new scheme), and the rule from there on, so the expanded
    line after it is checked against it — and a slip there is found."""
    text = BECOMES[language]
    found = {k.line: (k.verdict, k.reason) for k in check_document("n.md", text).links}
    assert found[7][0] == "proved" and "replaced by" in found[7][1]
    assert found[11][0] == "proved"
    assert errors(text.replace(r"(1 - \eta\lambda)\theta_{t-1} - \eta g_t$$", r"(1 - \lambda)\theta_{t-1} - \eta g_t$$")) \
        == [(11, "math/false")]


def test_a_display_the_words_do_not_give_keeps_its_verdict() -> None:
    text = BECOMES["en"].replace(r"- \eta (g_t + \lambda\theta_{t-1})$$", r"- \eta (g_t + 2\lambda\theta_{t-1})$$")
    found = {k.line: k.verdict for k in check_document("n.md", text).links}
    assert found[7] != "proved"


def test_a_formula_no_becomes_word_introduces_replaces_nothing() -> None:
    """Only a formula the words say a quantity becomes stands in for it: any inline formula before a display is not."""
    text = BECOMES["en"].replace("With L2 regularization the gradient becomes $g_t + \\lambda\\theta_{t-1}$, so the update "
                                 "becomes", "The sum $g_t + \\lambda\\theta_{t-1}$ is not the gradient of L. Another method "
                                 "updates")
    found = {k.line: k.verdict for k in check_document("n.md", text).links}
    assert found[7] != "proved"


STEPS_MD = r"""## Convergence of gradient descent

###### Step 2: the update

$$x^{+} = x - t \nabla f(x)$$

###### Step 3: substituting the update rule

Substituting $x^+ - x = -t \nabla f(x)$, we get the bound.
"""


def test_headings_that_number_steps_continue_one_derivation() -> None:
    """"Step 3" goes on with what "Step 2" defined: with a new scope at each step, x⁺ was a new name there."""
    assert [k.verdict for k in check_document("n.md", STEPS_MD).links if k.line == 9] == ["proved"]
    other = STEPS_MD.replace("###### Step 3: substituting the update rule", "## Another method")
    assert [k.verdict for k in check_document("n.md", other).links if k.line == 9] == ["not-a-claim"]


def test_an_expectation_without_brackets_applies_to_the_product_after_it() -> None:
    """``\\mathbb{E}\\|x_t - x^*\\|^2`` ("not modelled" before): E over the product after it, as Σ is read."""
    assert parse_expr(r"\mathbb{E} \|x_t - x^*\|^2 - \eta \mathbb{E} M^2") == parse_expr(
        r"\mathbb{E}[\|x_t - x^*\|^2] - \eta \mathbb{E}[M^2]")
    text = ("$$\\mathbb{E} \\|x_t - x^*\\|^2 - \\eta_t \\lambda \\mathbb{E} \\|x_t - x^*\\|^2"
            " = (1 - \\eta_t\\lambda) \\mathbb{E} \\|x_t - x^*\\|^2$$\n")
    assert verdicts(text)[1] == ["proved"]
    # E‖x_t − x*‖² is one number on both sides: a sign slipped is false whatever the distribution
    assert verdicts(text.replace("(1 - \\eta_t\\lambda)", "(1 + \\eta_t\\lambda)"))[1] == ["false"]


HYPOTHESIS_MD = r"""## Cost

$J(\theta) = \frac{1}{2m} \sum (h_\theta(x^{(i)}) - y^{(i)})^2$.

## Exercise

- Let $h_\theta(x) = \theta_0 + \theta_1 x$.
- $\frac{\partial J}{\partial \theta_0} = \frac{1}{m} \sum (h_\theta(x^{(i)}) - y^{(i)})$
- $\frac{\partial J}{\partial \theta_1} = \frac{1}{m} \sum (h_\theta(x^{(i)}) - y^{(i)}) \cdot x^{(i)}$
"""


def test_partials_of_a_cost_through_a_labelled_hypothesis() -> None:
    """``h_θ(x) = θ_0 + θ_1x`` makes h with a label a function (``g_t(1 − β)`` stays a product), and ∂J/∂θ_0 is
    taken in the coordinates J's body has once h_θ is written out (both were namings)."""
    assert [k.reason for k in check_document("n.md", HYPOTHESIS_MD).links if k.line == 7] == ["definition of h_{\\theta}"]
    assert verdicts(HYPOTHESIS_MD)[8] == ["proved"] and verdicts(HYPOTHESIS_MD)[9] == ["proved"]
    assert errors(HYPOTHESIS_MD.replace(r"y^{(i)}) \cdot x^{(i)}$", r"y^{(i)})$")) == [(9, "math/false")]
    assert parse_expr(r"g_t (1 - \beta)").is_Mul  # the default g, h with a subscript are still factors


RESPONSE_MD = r"""The linear relation is $Y = \theta_0 x_0 + \theta_1 x_1 + \theta_2 x_2$.

Taking the logarithm instead, $\log(Y) = \theta_0 x_0 + \theta_1 x_1 + \theta_2 x_2$, and the logit transform is

$$\log\left(\frac{p}{1-p}\right) = \theta_0 x_0 + \theta_1 x_1 + \theta_2 x_2$$
"""


def test_a_model_written_again_with_another_response_is_a_new_model() -> None:
    """``log(Y) = θ₀x₀ + …`` after ``Y = θ₀x₀ + …``: the same right side with a transformed response is the next
    model (two false errors on a real notebook), while ``Y = …`` written again with a slip is never proved."""
    assert errors(RESPONSE_MD) == []
    found = [(k.line, k.reason) for k in check_document("n.md", RESPONSE_MD).links if k.line in (3, 5)]
    assert [line for line, reason in found if "a new model" in reason] == [3, 5]
    slip = RESPONSE_MD + "\nHence $Y = \\theta_0 x_0 + \\theta_1 x_1 - \\theta_2 x_2$.\n"
    assert verdicts(slip)[7] != ["proved"]


def test_a_transposed_matrix_product_is_not_proved_in_the_scalar_reading() -> None:
    """``2êᵀ(AᵀAu − Ay)`` against the definitions' ``2êᵀAᵀ(Au − y)``: equal for numbers, false for a matrix A. The
    scalar reading's proof is not taken where a matrix and a transpose meet (it was proved: a false proof)."""
    text = ("Let $f(u) = \\|\\mathbf{A} u - y\\|^2$.\n\n"
            "$$\\frac{f(u+h e)-f(u)}{h} = h e^{\\mathsf{T}} \\mathbf{A}^{\\mathsf{T}} \\mathbf{A} e"
            " + 2 e^{\\mathsf{T}} (\\mathbf{A}^{\\mathsf{T}} \\mathbf{A} u - \\mathbf{A} y)$$\n")
    assert verdicts(text)[3] != ["proved"]
    assert verdicts("$$(a + b)^{\\mathsf{T}} c = a^{\\mathsf{T}} c + b^{\\mathsf{T}} c$$\n")[1] == ["proved"]  # vectors only



RATE_MD = r"""The best step is $$\eta^* = \frac{2}{\lambda_{min}+\lambda_{max}}$$

As a concrete example, consider $\lambda_{\min}=1$ and $\lambda_{\max}=5$: we see that $\eta^* = \frac{2}{5+1}=\frac{1}{3}$.
"""


def test_a_named_quantity_at_the_example_values_given() -> None:
    """``η* = 2/(5 + 1)`` after ``η* = 2/(λ_min + λ_max)`` and "consider λ_min = 1, λ_max = 5" is the definition at
    those values (a condition before); ``\\lambda_{\\min}`` and ``\\lambda_{min}`` are one name."""
    assert parse_expr(r"\lambda_{\min} - \lambda_{min} + \lambda_{\text{min}}") == parse_expr(r"\lambda_{\mathrm{min}}")
    found = [(k.verdict, k.reason) for k in check_document("n.md", RATE_MD).links if k.line == 3]
    assert found[2] == ("proved", "arithmetic: exact (η^{*} by its definition, with λ_max = 5, λ_min = 1)")
    assert [k.verdict for k in check_document("n.md", RATE_MD.replace("{5+1}", "{5+2}")).links
            if k.line == 3][2] != "proved"
