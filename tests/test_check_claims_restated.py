"""Definitions that are claims by what they restate, and claims made under a condition of their own sentence.

* a definition restating one given earlier (under another heading, or rewritten: ``s_t ← s_{t−1} + (1 − β₂)(g_t² −
  s_{t−1})``) holds by it: proved; a rewrite that the prose says follows and that differs is a slip;
* "if $g_t = g$ is constant, $m_t = (1 − β₁^t) g$": the condition belongs to its own clause, the formula after it
  is a claim under it (proved with the condition applied), not a condition itself; under a limit ("当 $\\gamma \\to 1$
  时，…") the formula stays a condition.
"""
from __future__ import annotations

import pytest

from derive.check.run import check_document

RESTATED = r"""
# Adam

The first moment is
$$m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t$$
and the second
$$s_t \leftarrow \beta_2 s_{t-1} + (1-\beta_2) g_t^2.$$
This can be rewritten as
$$s_t \leftarrow s_{t-1} + (1-\beta_2)(g_t^2 - s_{t-1}).$$

# Analysis

First, we recall that
$$m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t$$
"""

CONSEQUENT_MD = r"""
# Bias

The moment is $m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t$ with $m_0 = 0$.
For example, if $g_t = g$ is constant, $m_t = (1 - \beta_1^t) g$, so the estimate is scaled down.
"""

CONSEQUENT_TEX = r"""
\section{Bias}
The moment is $m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t$ with $m_0 = 0$.
For example, if $g_t = g$ is constant, $m_t = (1 - \beta_1^t) g$, so the estimate is scaled down.
"""

CONSEQUENT_ZH = r"""
# 动量

动量变量 $v_t = \beta_1 v_{t-1} + (1 - \beta_1) g_t$，其中 $v_0 = 0$。例如当 $\beta_1 = 0.9$ 时，$v_1 = 0.1 g_1$。
"""


def _links(name: str, text: str):
    return [(k.line, k.verdict, k.reason) for k in check_document(name, text).links]


def _errors(name: str, text: str):
    return [f for f in check_document(name, text).findings if f.severity == "error"]


def test_a_definition_restated_later_is_proved_by_the_first() -> None:
    links = {line: (verdict, reason) for line, verdict, reason in _links("doc.md", RESTATED)}
    assert links[5][0] == links[7][0] == "not-a-claim"  # the definitions themselves
    assert links[9] == ("proved", "restates the definition on line 7")  # rewritten, same section
    assert links[14] == ("proved", "restates the definition on line 5")  # under another heading
    assert _errors("doc.md", RESTATED) == []


def test_a_rewrite_that_differs_is_a_slip_when_the_prose_says_it_follows() -> None:
    bad = RESTATED.replace(r"(g_t^2 - s_{t-1})", r"(g_t^2 + s_{t-1})")
    errors = _errors("doc.md", bad)
    assert [(f.line, f.code) for f in errors] == [(9, "math/false")], errors
    assert "restates the definition on line 7 differently" in errors[0].message


def test_a_restatement_that_differs_under_another_heading_stays_a_definition() -> None:
    # another section may define another method's m_t: with no word that it follows, it is not a slip
    other = RESTATED.rsplit("First, we recall that", 1)[0] + "The variant uses\n$$m_t = \\beta_1 m_{t-1} + g_t$$\n"
    assert _errors("doc.md", other) == []
    assert ("proved" not in {v for line, v, _ in _links("doc.md", other) if line == 14})


@pytest.mark.parametrize("name, text, good, bad", [
    ("doc.md", CONSEQUENT_MD, r"(1 - \beta_1^t) g$", r"(1 - \beta_1^{t+1}) g$"),
    ("doc.tex", CONSEQUENT_TEX, r"(1 - \beta_1^t) g$", r"(1 - \beta_1^{t+1}) g$"),
    ("doc.md", CONSEQUENT_ZH, r"0.1 g_1$", r"0.9 g_1$"),
], ids=["markdown", "latex", "chinese"])
def test_a_formula_after_the_clause_of_its_condition_is_a_claim_under_it(name: str, text: str, good: str,
                                                                          bad: str) -> None:
    claims = [(verdict, reason) for _, verdict, reason in _links(name, text) if verdict != "not-a-claim"]
    assert claims and {v for v, _ in claims} == {"proved"}, claims
    assert _errors(name, text) == []
    assert text.count(good) == 1
    errors = _errors(name, text.replace(good, bad))
    assert [f.code for f in errors] == ["math/false"], errors
    assert errors[0].line == text.splitlines().index(next(s for s in text.splitlines() if good in s)) + 1


def test_a_formula_under_a_limit_stays_a_condition() -> None:
    text = "# Horizon\n\nLet $n = 1/(1-\\gamma)$ and $\\gamma = 0.5$. 当 $\\gamma \\to 1$ 时，$\\gamma^{1/(1-\\gamma)} = \\exp(-1)$。\n"
    verdicts = [(v, r) for line, v, r in _links("doc.md", text) if "exp" in r or line == 3]
    assert _errors("doc.md", text) == []
    assert ("not-a-claim", "condition (the prose states it as one)") in verdicts, verdicts


ANSWERS = r"""
# Problem

Minimise $R(h) = e^{(h + 1)^2}$.

# Solution

$$h^* = -1$$

# Step

Start from $h^{(0)} = 0$ ($e$ is a constant).

# Solution

$$h^{(1)} = -2\alpha e$$

The derivative is $\frac{dR}{dh}(h) = 2(h+1) e^{(h+1)^2}$, so
$$h^{(1)} = h^{(0)} - \alpha \frac{dR}{dh}(h^{(0)}) = 0 - \alpha \frac{dR}{dh}(0)$$

# Step

We know from the first part that $h^* = -1$.
"""


def test_an_answer_with_e_and_a_restated_value_are_proved() -> None:
    links = {(line, verdict) for line, verdict, _ in _links("doc.md", ANSWERS)}
    assert (16, "proved") in links, links  # the answer before its derivation, with e read as Euler's number
    assert (23, "proved") in links, links  # h* = -1 restated
    assert _errors("doc.md", ANSWERS) == []
    slipped = ANSWERS.replace(r"0 - \alpha \frac{dR}{dh}(0)$$", r"0 + \alpha \frac{dR}{dh}(0)$$")
    errors = _errors("doc.md", slipped)
    assert [(f.line, f.code) for f in errors] == [(19, "math/false")], errors
    # a restated value that differs is not proved (it may be another exercise's h*)
    other = {(line, verdict) for line, verdict, _ in _links("doc.md", ANSWERS.replace("that $h^* = -1$", "that $h^* = 1$"))}
    assert (23, "proved") not in other


ZERO_START_MD = r"""
# Momentum

The state starts at zero: every element of $v_0$ is initialized to 0. The moment is

$$v_t \leftarrow \beta v_{t-1} + (1 - \beta) g_t.$$

For example, when $\beta = 0.9$, $v_1 = 0.1 g_1$ and $v_2 = 0.09 g_1 + 0.1 g_2$.
"""

ZERO_START_TEX = r"""
\section{Momentum}
The state starts at zero: every element of $v_0$ is initialized to 0. The moment is
\[ v_t = \beta v_{t-1} + (1 - \beta) g_t. \]
For example, when $\beta = 0.9$, $v_1 = 0.1 g_1$ and $v_2 = 0.09 g_1 + 0.1 g_2$.
"""


@pytest.mark.parametrize("name, text", [("doc.md", ZERO_START_MD), ("doc.tex", ZERO_START_TEX)],
                         ids=["markdown", "latex"])
def test_a_start_at_zero_said_in_words_is_kept_for_the_recurrence(name: str, text: str) -> None:
    claims = [(verdict, reason) for _, verdict, reason in _links(name, text) if verdict != "not-a-claim"]
    assert len(claims) == 2 and {v for v, _ in claims} == {"proved"}, claims  # v_1, and v_2 joined by "and"
    assert _errors(name, text) == []
    errors = _errors(name, text.replace("v_1 = 0.1 g_1", "v_1 = 0.9 g_1"))
    assert [f.code for f in errors] == ["math/false"], errors
    assert errors[0].line == next(n for n, s in enumerate(text.splitlines(), 1) if "v_1 = 0.1 g_1" in s)
    # the formula joined to it by "and" is a claim under the same condition: proved above, never a condition


def test_a_definition_restated_word_for_word_is_proved_even_when_it_cannot_be_evaluated() -> None:
    text = ("# Price\n\nThe optimal price is\n$$p^* = \\frac{\\mathbb{E}[M]}{2\\mathbb{E}[\\eta]}$$\n\n"
            "# Example\n\nThe optimum lies at\n$$p^* = \\frac{\\mathbb{E}[M]}{2\\mathbb{E}[\\eta]}$$\n")
    assert (9, "proved") in {(line, verdict) for line, verdict, _ in _links("doc.md", text)}


@pytest.mark.parametrize("name, text", [
    ("doc.md", "# Square\n\nDefine $f(x) = x^2$.\n\n# Point\n\nIndeed, if $x = 3$, we have $f(x) = 9$.\n"),
    ("doc.tex", "\\section{Square}\nDefine $f(x) = x^2$.\n\\section{Point}\nIndeed, if $x = 3$, we have $f(x) = 9$.\n"),
], ids=["markdown", "latex"])
def test_a_number_for_a_defined_function_at_the_point_in_hand_is_its_value(name: str, text: str) -> None:
    links = [(line, verdict) for line, verdict, _ in _links(name, text) if verdict != "not-a-claim"]
    assert links and {v for _, v in links} == {"proved"}, _links(name, text)
    assert _errors(name, text) == []
    errors = _errors(name, text.replace("f(x) = 9", "f(x) = 8"))
    assert [f.code for f in errors] == ["math/false"], errors
    # with no point given in its sentence, f(x) = 4 is a constant function defined anew, not a slip
    assert _errors(name, text.replace("if $x = 3$, we have $f(x) = 9$", "now take $f(x) = 4$")) == []


EXPANSION = r"""# EWA

$$
V_{t} = \beta V_{t-1} + ( 1-\beta ) \theta_{t}
$$

with $V_0 = 0$. Let us expand it:

$$
\begin{aligned}
V_{1} &= ( 1-\beta ) \theta_{1} + \beta \cdot 0 \\
V_{1} &= ( 1-\beta ) \theta_{1} \\
V_{2} &= ( 1-\beta ) \theta_{2} + \beta V_{1} \\
V_{2} &= ( 1-\beta ) \theta_{2} + \beta ( 1-\beta ) \theta_{1}
\end{aligned}
$$
"""


def test_each_name_restated_on_its_own_run_of_rows_is_one_computation_per_name() -> None:
    from derive.check.run import check_document

    links = check_document("doc.md", EXPANSION).links
    assert [(k.line, k.verdict) for k in links if k.line >= 11] == [
        (11, "proved"), (12, "proved"), (13, "proved"), (14, "proved")], [(k.line, k.verdict, k.reason) for k in links]
    slipped = EXPANSION.replace(r"\beta ( 1-\beta ) \theta_{1}", r"\beta ( 1+\beta ) \theta_{1}")
    errors = [(f.line, f.code) for f in check_document("doc.md", slipped).findings if f.severity == "error"]
    assert errors == [(14, "math/false")]


def test_a_word_of_the_sentence_typed_in_math_separates_two_statements() -> None:
    from derive.check.run import check_document

    text = ("$$\nV_{t} \\ =\\ \\beta \\ V_{t-1} \\ +\\ ( 1-\\beta ) \\ \\theta _{t} \\ \\ where \\ \\ V_{0}=0\n$$\n\n"
            "so $V_1 = (1-\\beta)\\theta_1$ and $V_1 = (1+\\beta)\\theta_1$.\n")
    links = check_document("doc.md", text).links
    assert [(k.left.strip(), k.verdict) for k in links][:2] == [("V_{t}", "not-a-claim"), ("V_{0}", "not-a-claim")]
    assert [k.verdict for k in links if k.line == 5] == ["proved", "false"]


REFINED_MD = r"""
# Adam

$$\theta_{t+1} = \theta_t - \eta \frac{m_t}{\sqrt{v_t} + \epsilon}$$

where

$$
\begin{aligned}
m_t &= \beta_1 m_{t-1} + (1 - \beta_1) g_t \\
v_t &= \beta_2 v_{t-1} + (1 - \beta_2) g_t^2
\end{aligned}
$$

Adam corrects the bias of both averages:

$$
\begin{aligned}
\hat{m}_t &= \frac{m_t}{1 - \beta_1^t} \\
\hat{v}_t &= \frac{v_t}{1 - \beta_2^t}
\end{aligned}
$$

This gives the final Adam equation:

$$\theta_{t+1} = \theta_t - \eta \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}$$

so that, in full, $\theta_{t+1} = \theta_t - \eta \frac{m_t / (1 - \beta_1^t)}{\sqrt{v_t / (1 - \beta_2^t)} + \epsilon}$.
"""
REFINED_TEX = ("\\documentclass{article}\n\\begin{document}\n"
               + REFINED_MD.replace("# Adam", "\\section{Adam}").replace("$$\n\\begin{aligned}", "\\begin{align*}")
               .replace("\\end{aligned}\n$$", "\\end{align*}").replace("$$", "\\[", 1).replace("$$", "\\]", 1)
               + "\\end{document}\n")


@pytest.mark.parametrize("name, text", [("doc.md", REFINED_MD), ("doc.tex", REFINED_TEX)])
def test_a_rule_restated_with_names_defined_after_it_refines_the_rule(name: str, text: str) -> None:
    """θ_{t+1} restated with m̂, v̂ (defined after the first rule, from the m and v it read) is the final rule, not a
    false claim about the first one; what follows is read against the refined rule."""
    result = check_document(name, text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    notes = [f.message for f in result.findings if f.code == "math/new-scheme"]
    assert any("refines the rule on line" in m and "m̂_t in place of m_t" in m for m in notes), notes
    assert [k.verdict for k in result.links if k.left.startswith("\\theta_{t+1}")][-1] == "proved"
    # a slip in the full form is still found against the refined rule
    slip = text.replace("m_t / (1 - \\beta_1^t)", "m_t / (1 - \\beta_2^t)")
    assert [f.code for f in check_document(name, slip).findings if f.severity == "error"] == ["math/false"]


def test_a_restatement_that_changes_no_name_is_still_a_claim() -> None:
    """Without a name defined in between, a restatement that differs is still false (the refinement reading needs
    the new name)."""
    text = REFINED_MD.replace(r"\frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}", r"\frac{m_t}{v_t + \epsilon}")
    errors = [f for f in check_document("doc.md", text).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors][:1] == [(26, "math/false")], errors
