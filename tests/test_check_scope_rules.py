"""Definitions apply only where the notes state them: false errors found on the unseen set fresh4.

Each case is a reading that once turned a true line into ``math/false``:

* a system of definitions further down the page (the momentum rows of a later part) applied to the plain
  gradient steps above it;
* a model equation ("we fit the regression $y = w x$") taken as a definition of the data, so a gradient
  evaluated at an observation $(x_1, y_1)$ looked false;
* a condition in the prose (Korean "$\\eta = 1/L$일 때" = "when η = 1/L"; "… falls out when α = 1")
  either not applied or read as the definition of the name;
* a link that writes a fixed α where the scheme reads α_k.

Every correct copy must not be false (proved where the rule makes it provable), and a slip planted next
to it must still be reported as ``math/false``.
"""
from __future__ import annotations

from derive.check.prose import cues
from derive.check.run import check_document


def _verdicts(text: str, line: int, name: str = "doc.md") -> list[str]:
    return [k.verdict for k in check_document(name, text).links if k.line == line]


def _reasons(text: str, line: int, name: str = "doc.md") -> list[str]:
    return [k.reason for k in check_document(name, text).links if k.line == line]


def _line(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def _false_lines(text: str, name: str = "doc.md") -> list[int]:
    return [f.line for f in check_document(name, text).findings if f.code == "math/false"]


# --- 1. a scheme defined later in the page ------------------------------------------------------------

PARTS = r"""
# Exercise: three optimisers on one loss

Part (a). Plain gradient descent on $L(w) = (w - 3)^2$ with rate $\eta$:

$$
u_{2} = u_{1} - \eta \cdot \nabla_w L(u_{1})
$$

and the next one the same way.

Part (b). Momentum: a velocity $v_t$ collects the gradients.

$$
\begin{aligned}
& v_t = \beta \cdot v_{t-1} + \eta \cdot \nabla_w L(u_{t-1}) \\
& u_t = u_{t-1} - v_t
\end{aligned}
$$
"""


def test_a_later_system_does_not_reach_back_to_an_earlier_part() -> None:
    line = _line(PARTS, r"u_{2} = u_{1}")
    assert "false" not in _verdicts(PARTS, line)
    assert line not in _false_lines(PARTS)


def test_a_system_before_the_line_still_applies_and_finds_a_slip() -> None:
    after = PARTS + ("\nHence one momentum step is\n\n$$\nu_t = u_{t-1} - v_t = u_{t-1} - \\beta v_{t-1} "
                     "+ \\eta \\nabla_w L(u_{t-1})\n$$\n")
    line = _line(after, r"- v_t = u_{t-1}")
    assert line in _false_lines(after)  # the sign of the gradient term is wrong under the momentum rows
    right = after.replace(r"\beta v_{t-1} + \eta", r"\beta v_{t-1} - \eta")
    assert line not in _false_lines(right)


def test_a_where_system_right_after_the_line_still_defines_it() -> None:
    text = r"""
# Adam-like step

The update is

$$
\theta_{t} = \theta_{t-1} - \eta m_t
$$

where

$$
\begin{aligned}
m_t &= \beta m_{t-1} + g_t \\
s_t &= \gamma s_{t-1} + g_t^2
\end{aligned}
$$
"""
    from derive.check import scope_rules

    assert scope_rules.WHERE_REACH >= 1
    # the where-system is the line's own: the line is a definition read with it, never a false claim
    assert _false_lines(text) == []


# --- 2. a model equation is not a definition of the data ---------------------------------------------

MODEL = r"""
# Worked numbers

We observed $a_1 = 1, a_2 = 2$ and $b_1 = 2, b_2 = 3$, and we fit the linear regression $b = w \cdot a$.
The loss of one observation is

$$
L(w) = (b - w a)^2.
$$

SGD on the first observation, from $w_0 = 0$:

$$
\nabla_w L(w_0) = -2 \cdot 1 \cdot (2 - w_0 \cdot 1) = -4
$$

and on the second one:

$$
\nabla_w L(w_1) = -2 \cdot 2 \cdot (3 - w_1 \cdot 2)
$$
"""


def test_model_cue_is_read() -> None:
    from derive.check.extract import extract

    blocks = extract("doc.md", MODEL)
    c = cues(MODEL, blocks)
    assert c.modeling, "the regression's equation is a model"
    assert any(r"b = w" in blocks[n].text for n in c.modeling)


def test_a_gradient_at_an_observation_is_proved_at_its_sample() -> None:
    first = _line(MODEL, r"\nabla_w L(w_0) =")
    assert _verdicts(MODEL, first)[0] == "proved"
    assert "sample 1" in _reasons(MODEL, first)[0]
    assert _verdicts(MODEL, first)[1] == "proved"  # -2·1·(2 − 0) = −4 with w_0 = 0
    second = _line(MODEL, r"\nabla_w L(w_1) =")
    assert _verdicts(MODEL, second) == ["proved"]
    assert "sample 2" in _reasons(MODEL, second)[0]
    assert _false_lines(MODEL) == []


def test_the_model_equation_itself_is_not_a_claim() -> None:
    line = _line(MODEL, "we fit the linear regression")
    assert "a model equation" in " ".join(_reasons(MODEL, line))


def test_a_slip_in_the_worked_numbers_is_still_false() -> None:
    slip = MODEL.replace(r"(2 - w_0 \cdot 1) = -4", r"(2 - w_0 \cdot 1) = -5")
    assert _line(slip, r"\nabla_w L(w_0) =") in _false_lines(slip)


def test_no_sample_fits_is_undecided_never_false() -> None:
    wrong = MODEL.replace(r"-2 \cdot 2 \cdot (3 - w_1 \cdot 2)", r"-2 \cdot 2 \cdot (5 - w_1 \cdot 2)")
    line = _line(wrong, r"\nabla_w L(w_1) =")
    assert _verdicts(wrong, line) == ["undecided"]
    assert "per-sample values" in _reasons(wrong, line)[0]


# --- 3. conditions in the prose -----------------------------------------------------------------------

KOREAN = r"""
# 정의

**경사하강법**: 학습률 $\eta > 0$에 대해
$$z_{k+1} = z_k - \eta \nabla f(z_k)$$

# 증명

Descent lemma로부터
$$f(z_{k+1}) \le f(z_k) - \frac{1}{2L}\|\nabla f(z_k)\|^2$$

더 직접적인 접근으로, $\eta = 1/L$일 때
$$\|z_{k+1} - z^*\|^2 = \|z_k - \frac{1}{L}\nabla f(z_k) - z^*\|^2$$
"""


def test_korean_postposition_condition_cues() -> None:
    from derive.check.extract import extract

    blocks = extract("doc.md", KOREAN)
    c = cues(KOREAN, blocks)
    cond = [n for n, b in enumerate(blocks) if b.text.strip().startswith(r"\eta = 1/L")]
    disp = [n for n, b in enumerate(blocks) if r"\|z_{k+1}" in b.text]
    assert cond and cond[0] in c.conditional  # "$η = 1/L$일 때": the formula is the condition
    assert disp and disp[0] in c.assumed and disp[0] not in c.conditional  # the display holds under it


def test_korean_let_where_and_therefore_cues() -> None:
    from derive.check.extract import extract

    text = "설명.\n\n$h_0 = 1$이라 하자.\n\n따라서\n$$a = b + c$$\n\n여기서\n$$c = 2$$\n"
    blocks = extract("doc.md", text)
    c = cues(text, blocks)
    assert 0 in c.defining  # 라 하자 = let
    assert 1 in c.claiming  # 따라서 = therefore
    assert 2 in c.defining  # 여기서 = where


def test_a_condition_before_a_display_is_applied_with_the_earlier_scheme() -> None:
    line = _line(KOREAN, r"\|z_{k+1} - z^*\|^2")
    assert _verdicts(KOREAN, line) == ["proved"]
    reason = _reasons(KOREAN, line)[0]  # the rule of the earlier section, read at that step under η = 1/L
    assert "earlier section" in reason or "by the document's definition z_{k+1} = z_{k} − η" in reason, reason


def test_a_slip_under_the_korean_condition_is_still_false() -> None:
    slip = KOREAN.replace(r"\|z_k - \frac{1}{L}\nabla f(z_k) - z^*\|^2", r"\|z_k + \frac{1}{L}\nabla f(z_k) - z^*\|^2")
    line = _line(slip, r"\|z_{k+1} - z^*\|^2")
    assert line in _false_lines(slip)


AFTER = r"""
# Damped Newton

Adding a steplength $\alpha$, the step reads

$$
v^{k} = v^{k-1} - \alpha\left(\nabla^2 h(v^{k-1})\right)^{-1}\nabla h(v^{k-1})
$$

with the plain Newton step falling out when $\alpha = 1$.
"""


def test_a_condition_after_a_line_is_never_its_definition() -> None:
    line = _line(AFTER, r"v^{k} = v^{k-1}")
    assert "false" not in _verdicts(AFTER, line)
    assert not any("defined right after" in r for r in _reasons(AFTER, line))


FIXED = r"""
# Gradient descent

The method is
$$x_{k+1} = x_k + \alpha_k p_k$$
where $\alpha_k$ is a step size and $p_k = -g_k$.

Hence, with a fixed step size $\alpha$, we get
$$x_{k+1} = x_k - \alpha g_k$$
"""


def test_a_fixed_step_reads_the_step_indexed_parameter() -> None:
    line = _line(FIXED, r"x_{k+1} = x_k - \alpha g_k")
    assert _verdicts(FIXED, line) == ["proved"]
    assert "α_{k} = α" in _reasons(FIXED, line)[0]


def test_a_slip_with_the_indexed_parameter_is_still_false() -> None:
    slip = FIXED.replace(r"x_k - \alpha g_k", r"x_k + \alpha_k g_k")
    line = _line(slip, r"x_{k+1} = x_k + \alpha_k g_k")
    assert line in _false_lines(slip)


def test_a_non_step_subscript_is_not_a_fixed_parameter() -> None:
    # x_c is a centre point, not x at step c: writing x where a definition reads x_c renames nothing
    text = r"""
# Constrained

Around the centre we write $x = x_c + B z$.

Differentiating $L = x^2 + \lambda x$ gives

$$
\frac{\partial L}{\partial \lambda} = 2x
$$
"""
    line = _line(text, r"\frac{\partial L}{\partial \lambda} = 2x")
    assert not any("where the definitions read" in r for r in _reasons(text, line))


# --- a "where" clause that defines a name both sides use ------------------------------------------------

VARIANCE = r"""
# Variance

The variance of a step is $\mathbb{E}[(X - \mu)^2] = \mathbb{E}[X^2] - \mu^2$, where $\mu = \mathbb{E}[X]$.
"""

VARIANCE_TEX = VARIANCE.replace("# Variance", r"\section{Variance}").replace("$$", "$")


def test_a_where_clause_defines_a_name_on_both_sides() -> None:
    for name, text in (("doc.md", VARIANCE), ("doc.tex", VARIANCE_TEX)):
        line = _line(text, r"\mathbb{E}[(X")
        assert _verdicts(text, line, name)[0] == "proved", (name, _reasons(text, line, name))
        assert "as defined right after it" in _reasons(text, line, name)[0]
        assert _false_lines(text, name) == []


def test_a_slip_under_a_where_clause_on_both_sides_is_false() -> None:
    slip = VARIANCE.replace(r"\mathbb{E}[X^2] - \mu^2", r"\mathbb{E}[X^2] + \mu^2")
    assert _false_lines(slip) == [_line(slip, r"\mathbb{E}[(X")]


def test_a_name_on_both_sides_defined_later_without_a_cue_is_not_read() -> None:
    # q on both sides, given a value right after with no "where": a special case, not the link's definition
    text = "Also $(p + q)^2 = p^2 + q^2$; now $q = 0$.\n"
    assert _verdicts(text, 1)[0] == "false", _reasons(text, 1)
    assert _false_lines(text) == [1]
