"""What surrounds a formula decides what it may be checked against: false errors found on unseen notes.

Each case is a reading that once turned a true line of real notes into ``math/false`` (fresh3 set):

* a system written *after* a claim ("some books write it another way") redefined what the claim's section
  had named before it;
* a worked list of steps (``x^{(k+1)} = …``, ``x^{(k+2)} = …`` with the same ``t_k`` and ``f_1, f_2``) was
  generalised into a recurrence, and an expansion left a state of the list unexpanded;
* an initial value ``x_0 = y_0`` was computed from the recurrence one step before its start (``y_{-1}``);
* a fact stated about an expression (``where ‖h‖₂ = 1``) was never used;
* a name defined right after the claim (``…, where α = {…\\over…}``) was left free;
* a redefinition that could not be read (a quoted algorithm) left the older definition in force;
* a restated row after the prose names another method (weight decay, PyTorch's form) was read as a slip.

Every correct copy must be clean, and the slips next to them must stay reported (or at least never proved).
"""
from __future__ import annotations

from derive.check.latex import parse_expr
from derive.check.run import check_document


def _links(text: str, name: str = "doc.md") -> dict[int, list[tuple[str, str]]]:
    out: dict[int, list[tuple[str, str]]] = {}
    for k in check_document(name, text).links:
        out.setdefault(k.line, []).append((k.verdict, k.reason))
    return out


def _verdicts(text: str, line: int, name: str = "doc.md") -> list[str]:
    return [v for v, _ in _links(text, name).get(line, [])]


def _line(text: str, needle: str) -> int:
    """The 1-based line of ``needle`` in ``text`` (fixtures stay readable without counted line numbers)."""
    return text[:text.index(needle)].count("\n") + 1


def _errors(text: str, name: str = "doc.md") -> list[str]:
    return [f.text() for f in check_document(name, text).findings if f.severity == "error"]


LATER_FORM = r"""
# Momentum

We keep a velocity

$$
v_t = \beta v_{t-1} + g_t
$$

and step with it:

$$
\theta_{t+1} = \theta_t - \eta v_t
$$

Unrolling the velocity gives

$$
v_t = g_t + \beta g_{t-1} + \beta^2 g_{t-2} + \cdots
$$

Some books write it another way:

$$
\begin{align}
v_t &= \beta v_{t-1} + \eta g_t \\
\theta_{t+1} &= \theta_t - v_t
\end{align}
$$
"""


def test_a_form_given_later_does_not_redefine_what_the_section_named_before() -> None:
    line = _line(LATER_FORM, r"v_t = g_t + \beta")
    assert _verdicts(LATER_FORM, line) == ["proved"]
    assert _errors(LATER_FORM) == []
    slip = LATER_FORM.replace(r"g_t + \beta g_{t-1} + \beta^2 g_{t-2}", r"g_t + \beta g_{t-1} + \beta^3 g_{t-2}")
    assert _verdicts(slip, line) == ["false"]


WORKED_STEPS = r"""
# One pass of the cyclic rule

$$
\begin{align}
x^{(k+1)} &= x^{(k)} - t_k \nabla f_1(x^{(k)}) \\
x^{(k+2)} &= x^{(k+1)} - t_k \nabla f_2(x^{(k+1)}) \\
x^{(k+3)} &= x^{(k+2)} - t_k \nabla f_3(x^{(k+2)}) \\
x^{(k+m)} &= x^{(k+m-1)} - t_k \nabla f_m(x^{(k+m-1)})
\end{align}
$$

Substituting and collecting,

$$
x^{(k+m)} = x^{(k)} - t_k \left[ \nabla f_1(x^{(k)}) + \nabla f_2(x^{(k+1)}) + \cdots + \nabla f_m(x^{(k+m-1)}) \right]
$$

## Three functions

1. First:
   $$x^{(k+1)} = x^{(k)} - t_k \nabla f_1(x^{(k)})$$
2. Then:
   $$x^{(k+2)} = x^{(k+1)} - t_k \nabla f_2(x^{(k+1)})$$
3. Last:
   $$x^{(k+3)} = x^{(k+2)} - t_k \nabla f_3(x^{(k+2)})$$
"""


def test_a_worked_list_of_steps_is_not_a_recurrence_and_an_unexpanded_state_decides_nothing() -> None:
    assert _errors(WORKED_STEPS) == []
    assert "false" not in _verdicts(WORKED_STEPS, _line(WORKED_STEPS, r"x^{(k+m)} = x^{(k)}"))
    assert "false" not in _verdicts(WORKED_STEPS, _line(WORKED_STEPS, r"$$x^{(k+3)}"))


ONE_STEP_SIZE = r"""
# One cycle

The cycle uses one step size $t_k$ for all its updates:

$$
\begin{aligned}
x_{k+1} &= x_k - t_k g_k \\
x_{k+2} &= x_{k+1} - t_k g_{k+1}
\end{aligned}
$$

and the third update is

$$
x_{k+3} = x_{k+2} - t_k g_{k+2}
$$
"""


def test_rows_written_for_two_steps_are_each_as_written_not_a_rule_for_the_third() -> None:
    assert _errors(ONE_STEP_SIZE) == []
    assert "false" not in _verdicts(ONE_STEP_SIZE, _line(ONE_STEP_SIZE, "x_{k+3} ="))


def test_a_general_recurrence_still_refutes_a_wrong_unrolled_step() -> None:
    text = ("# GD\n\nThe step is\n$$x_{k+1} = x_k - t_k g_k$$\nso two steps give\n"
            "$$x_{k+2} = x_k - t_k g_k - t_k g_{k+1}$$\n")
    assert _verdicts(text, 6) == ["false"]  # the definitions give t_{k+1} g_{k+1}
    fixed = text.replace("- t_k g_{k+1}", "- t_{k+1} g_{k+1}")
    assert _verdicts(fixed, 6) == ["proved"]


STARTING_POINT = r"""
# Сходимость

Предположим, что $f$ выпукла и $L$-гладкая. Ускоренный метод решает задачу, начиная с начальной точки $x_0 = y_0 \in \mathbb{R}^n$ и $\lambda_0 = 0$. Алгоритм выполняет следующие шаги:
$$
\begin{aligned}
&\textbf{Градиент: } &x_{k+1} &= y_k - \frac{1}{L} \nabla f(y_k) \\
&\textbf{Вес: } &\lambda_{k+1} &= \frac{1 + \sqrt{1 + 4\lambda_k^2}}{2} \\
& \quad &\gamma_k &= \frac{\lambda_k - 1}{\lambda_{k+1}} \\
&\textbf{Экстраполяция: } &y_{k+1} &= x_{k+1} + \gamma_k\left(x_{k+1} - x_k\right)
\end{aligned}
$$
"""


def test_a_starting_value_is_never_computed_from_a_step_before_the_first() -> None:
    assert _errors(STARTING_POINT) == []
    assert "false" not in _verdicts(STARTING_POINT, _line(STARTING_POINT, "начиная с начальной точки"))


UNIT_DIRECTION = r"""
# Steepest descent

Take a direction $h$ with $\|h\|_2 = 1$. By Cauchy-Schwarz,

$$
-\|\nabla f(x)\|_2 \|h\|_2 = -\|\nabla f(x)\|_2
$$
"""


def test_a_fact_stated_about_an_expression_is_used() -> None:
    line = _line(UNIT_DIRECTION, r"-\|\nabla f(x)\|_2 \|h\|_2")
    (verdict, reason), = _links(UNIT_DIRECTION)[line]
    assert verdict == "proved" and f"stated on line {_line(UNIT_DIRECTION, 'Take a direction')}" in reason
    slip = UNIT_DIRECTION.replace(r"= -\|\nabla f(x)\|_2" + "\n", r"= -2\|\nabla f(x)\|_2" + "\n")
    assert "proved" not in _verdicts(slip, line)


WHERE_AFTER = r"""
\section{Convergence}
Let $f$ be $\lambda$-strongly convex with an $L$-Lipschitz gradient, and let $\eta > 0$ be the step size.
By the two bounds above,
\begin{equation}
(1 - 2\eta\lambda + \eta^2 L^2) \|x_t - x^*\|^2 = \alpha \|x_t - x^*\|^2,
\end{equation}
where
$$
\alpha = L^2 \left(\eta - {\lambda \over L^2}\right)^2 + 1 - {\lambda^2 \over L^2}.
$$
"""


def test_a_name_defined_right_after_the_claim_is_put_in() -> None:
    line, where = _line(WHERE_AFTER, "(1 - 2"), _line(WHERE_AFTER, r"\alpha = L^2")
    (verdict, reason), = _links(WHERE_AFTER, "notes.tex")[line]
    assert verdict == "proved" and f"defined right after it (line {where})" in reason
    assert _errors(WHERE_AFTER, "notes.tex") == []
    slip = WHERE_AFTER.replace(r"1 - {\lambda^2 \over L^2}", r"1 + {\lambda^2 \over L^2}")
    assert _verdicts(slip, line, "notes.tex") == ["false"]
    assert [e.split("error[")[1][:10] for e in _errors(slip, "notes.tex")] == ["math/false"]


def test_tex_over_divides_its_whole_group() -> None:
    assert parse_expr(r"{a \over b}") == parse_expr(r"\frac{a}{b}")
    assert parse_expr(r"\left(\eta - {\lambda\over L^2}\right)") == parse_expr(r"\eta - \frac{\lambda}{L^2}")
    assert parse_expr(r"{1 \over 2} x") == parse_expr(r"\frac{1}{2} x")
    assert parse_expr(r"{a^{b \over c}}") == parse_expr(r"a^{\frac{b}{c}}")


QUOTED_ALGORITHM = r"""
# AdaDelta

AdaDelta keeps a second state $\Delta x_t$, initialized to $0$:

$$
\begin{aligned}
s_t &= \rho s_{t-1} + (1 - \rho) g_t^2 \\
g'_t &= \sqrt{\frac{\Delta x_{t-1} + \epsilon}{s_t + \epsilon}} \, g_t \\
x_t &= x_{t-1} - g'_t \\
\Delta x_t &= \rho \Delta x_{t-1} + (1 - \rho) {g'_t}^2
\end{aligned}
$$

The paper's pseudocode:

> 1: Compute update: $\Delta x_t = - \frac{\text{RMS}[\Delta x]_{t-1}}{\text{RMS}[g]_t} g_t$
> 2: Apply update: $x_{t+1} = x_t + \Delta x_t$
"""


def test_a_redefinition_that_cannot_be_read_shadows_the_older_one() -> None:
    assert _errors(QUOTED_ALGORITHM) == []
    (verdict, reason), = _links(QUOTED_ALGORITHM)[_line(QUOTED_ALGORITHM, "2: Apply")]
    assert verdict == "undecided" and f"defined again on line {_line(QUOTED_ALGORITHM, '1: Compute')}" in reason


WEIGHT_DECAY = r"""
# Adam

Adam keeps two moments:

$$
\begin{aligned}
m_t &= \beta_1 m_{t-1} + (1 - \beta_1) g_t \\
v_t &= \beta_2 v_{t-1} + (1 - \beta_2) g_t^2 \\
\theta_t &= \theta_{t-1} - \eta \frac{m_t}{\sqrt{v_t} + \epsilon}
\end{aligned}
$$

With L2 regularization the loss becomes

$$
L_{\mathrm{reg}}(\theta) = L(\theta) + \frac{\lambda}{2}\|\theta\|^2
$$

and the gradient gains $\lambda\theta_{t-1}$.

Weight decay is another point of view: it shrinks the weights at every step. Its most common form is

$$
\theta_t = (1 - \eta\lambda)\theta_{t-1} - \eta g_t
$$
"""


def test_a_row_restated_after_another_method_is_named_is_not_a_slip() -> None:
    assert _errors(WEIGHT_DECAY) == []
    line = _line(WEIGHT_DECAY, r"\theta_t = (1 - \eta\lambda)")
    (verdict, reason), = _links(WEIGHT_DECAY)[line]
    assert verdict == "undecided" and "names another method" in reason
    # the same restatement with no other method named is still a slip
    plain = WEIGHT_DECAY.replace("Weight decay is another point of view: it shrinks the weights at every step. "
                                 "Its most common form is", "Hence")
    assert _verdicts(plain, line) == ["false"]


DAMPED = r"""
# Damping

Starting from the undamped step and rescaling, i.e.:

$$
\theta_{t+1} = \theta_t - \varepsilon \left(l_t + \mu^* v_t \right) = \theta_t - \frac{\varepsilon}{1 + \mu^*} \left[ \left(1 - \mu \right) l_t + \mu v_t \right]
$$

with

$$
\mu = \frac{\mu^*}{1 + \mu^*}
$$
"""


def test_a_definition_introduced_by_a_bare_with_decides_the_link_before_it() -> None:
    line = _line(DAMPED, r"\theta_{t+1} =")
    assert _verdicts(DAMPED, line)[-1] == "false"  # (1 − μ)/(1 + μ*) l_t is not l_t: a slip, found
    fixed = DAMPED.replace(r"\left(1 - \mu \right) l_t", r"\left(1 + \mu^* \right) l_t") \
        .replace(r"+ \mu v_t \right]", r"+ \mu^* (1 + \mu^*) v_t \right]")
    assert _verdicts(fixed, line)[-1] == "proved"
    unannounced = DAMPED.replace("with\n", "Later on, another quantity:\n")
    assert _verdicts(unannounced, line)[-1] == "undecided"


LET_AGAIN = ("The reflected point is $x_r = 2\\bar{x} - x_w$. If it is better, let $x_h = x_r$. "
             "Otherwise it is worse, so let $x_h = x_w$.\n")


def test_let_gives_a_name_a_new_value_rather_than_claiming_the_old_one() -> None:
    result = check_document("doc.md", LET_AGAIN)
    assert not [f.text() for f in result.findings if f.severity == "error"]
    second = [k for k in result.links if k.right == "x_w" and k.left == "x_h"]
    assert [(k.verdict, "let" in k.reason) for k in second] == [("not-a-claim", True)]
