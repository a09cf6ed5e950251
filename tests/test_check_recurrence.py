"""Recurrences and series: unrolled, shifted, instantiated, expanded with an ellipsis, closed forms."""
from __future__ import annotations

import pytest
import sympy as sp

from derive.check.recurrence import Recurrences, read
from derive.check.run import check_document
from derive.symbols import symbol

EMA = r"Let $m_0 = 0$ and $m_t = \beta m_{t-1} + (1-\beta) g_t$." + "\n\n"

#: (a true claim, the same claim with a slip, what the finding must name)
CASES = [
    (r"Unrolling once, $m_t = \beta^2 m_{t-2} + \beta(1-\beta) g_{t-1} + (1-\beta) g_t$.",
     r"Unrolling once, $m_t = \beta^2 m_{t-2} + (1-\beta) g_{t-1} + (1-\beta) g_t$.", "g_{t-1}"),
    (r"One step later $m_{t+1} = \beta m_t + (1-\beta) g_{t+1}$.",
     r"One step later $m_{t+1} = \beta m_t + (1-\beta) g_t$.", "m_{t+1}"),
    (r"In particular $m_2 = (1-\beta)(g_2 + \beta g_1)$.",
     r"In particular $m_2 = (1-\beta)(g_2 + g_1)$.", "g_{1}"),
    (r"Unrolling, $m_t = (1-\beta)(g_t + \beta g_{t-1} + \beta^2 g_{t-2} + \dots)$.",
     r"Unrolling, $m_t = (1-\beta)(g_t + \beta g_{t-1} + \beta g_{t-2} + \dots)$.", "g_{t-2}"),
    (r"So $m_t = (1-\beta)(g_t + \beta g_{t-1} + \ldots + \beta^{t-1} g_1)$.",
     r"So $m_t = (1-\beta)(g_t + \beta g_{t-1} + \ldots + \beta^{t} g_1)$.", "g_{1}"),
    (r"So $m_t = (1-\beta) g_t + \beta(1-\beta) g_{t-1} + \cdots,$ which decays.",
     r"So $m_t = (1-\beta) g_t + \beta g_{t-1} + \cdots,$ which decays.", "g_{t-1}"),
    (r"In closed form $m_t = (1-\beta)\sum_{i=1}^{t} \beta^{t-i} g_i$.",
     r"In closed form $m_t = (1-\beta)\sum_{i=1}^{t} \beta^{t-i+1} g_i$.", "t = 1"),
    (r"With constant gradients $g_i = g$ we get $m_t = (1-\beta^t) g$.",
     r"With constant gradients $g_i = g$ we get $m_t = (1-\beta^{t+1}) g$.", "t = 1"),
    (r"The weights sum to $(1-\beta)\sum_{i=1}^{t} \beta^{t-i} = 1 - \beta^t$.",
     r"The weights sum to $(1-\beta)\sum_{i=1}^{t} \beta^{t-i} = 1 - \beta^{t+1}$.", "1 − β^t"),
]


def report(text: str, name: str = "doc.md"):
    return check_document(name, text)


@pytest.mark.parametrize("good, bad, named", CASES, ids=[c[0][:30] for c in CASES])
@pytest.mark.parametrize("latex", [False, True])
def test_true_claim_is_proved_and_its_slip_is_found_on_its_line(good: str, bad: str, named: str, latex: bool) -> None:
    name = "doc.tex" if latex else "doc.md"
    ok = report(EMA + good + "\n", name)
    assert [f.text() for f in ok.findings if f.severity == "error"] == []
    claims = [k for k in ok.links if k.line == 3]
    assert claims and claims[-1].verdict == "proved", [k.text() for k in claims]
    wrong = report(EMA + bad + "\n", name)
    errors = [f for f in wrong.findings if f.severity == "error"]
    assert [(f.line, f.code in ("math/false", "math/coefficient")) for f in errors] == [(3, True)], \
        [f.text() for f in errors]
    assert named in errors[0].message


def test_indices_are_read_from_names_and_rebuilt_as_the_parser_names_them() -> None:
    ix = read(symbol("m_{t-1}"))
    assert (ix.base, ix.letter, ix.offset) == ("m", "t", -1)
    assert ix.at("t", 1) == symbol("m_{t+1}") and ix.at(None, 0) == symbol("m_{0}")
    assert read(symbol("x^{(k+1)}")).offset == 1 and read(symbol("w")) is None


def test_unrolling_is_a_consequence_of_the_definitions() -> None:
    m_t, m_1, m_2, m_0 = (symbol(n) for n in ("m_{t}", "m_{t-1}", "m_{t-2}", "m_{0}"))
    beta, g_t, g_1 = symbol(r"\beta"), symbol("g_{t}"), symbol("g_{t-1}")
    recs = Recurrences({m_t: beta * m_1 + (1 - beta) * g_t}, {m_0: sp.Integer(0)})
    left, right = recs.unroll(m_t, m_2)
    assert sp.expand(left - (beta ** 2 * m_2 + beta * (1 - beta) * g_1 + (1 - beta) * g_t)) == 0
    assert recs.coefficient(m_t, symbol("g_{1}")) == beta ** (symbol("t") - 1) * (1 - beta)


def test_expectations_are_linear_and_a_slip_in_them_is_refuted() -> None:
    text = EMA + (r"Taking expectations, $\mathbb{E}[m_t] = \beta \mathbb{E}[m_{t-1}] + (1-\beta)\mathbb{E}[g_t]$."
                  "\n\n" r"If the gradients are stationary, $\mathbb{E}[m_t] = (1-\beta^t)\mathbb{E}[g_t]$." "\n\n"
                  r"Wrongly, $\mathbb{E}[m_t] = \mathbb{E}[m_{t-1}] + (1-\beta)\mathbb{E}[g_t]$." "\n")
    r = report(text)
    # the last link drops β from E[m_{t-1}]: no independence or stationarity makes that true
    assert [k.verdict for k in r.links if k.line >= 3] == ["proved", "not-a-claim", "false"]
    assert [f.line for f in r.findings if f.severity == "error"] == [r.links[-1].line]


EMA_NUMBERED = "We take\n\n$$m_t = \\beta_1 m_{t-1} + (1 - \\beta_1) g_t$$\n\nand unroll it:\n\n$$m_t = (1 - \\beta_1)\\left(g_t + \\beta_1 g_{t-1} + \\cdots + LAST\\right)$$\n"


def test_the_last_term_after_an_ellipsis_is_checked_with_numbered_hyperparameters() -> None:
    # β_1 is a hyperparameter, not step 1 of β: the coefficient of g_1 is known from the recurrence
    good = check_document("a.md", EMA_NUMBERED.replace("LAST", "\\beta_1^{t-1} g_1"))
    assert [(k.verdict, k.reason) for k in good.links][-1][0] == "proved"
    bad = check_document("a.md", EMA_NUMBERED.replace("LAST", "\\beta_1^{t} g_1"))
    [finding] = [f for f in bad.findings if f.severity == "error"]
    assert (finding.line, finding.code) == (7, "math/coefficient") and "g_{1}" in finding.message


def test_an_expansion_with_a_term_it_cannot_compare_is_not_proved() -> None:
    # with a step-dependent factor the weight of g_1 is not known: the other terms agree, but that is not a proof
    doc = ("We take\n\n$$m_t = \\beta_t m_{t-1} + g_t$$\n\nand unroll it:\n\n"
           "$$m_t = g_t + \\beta_t g_{t-1} + \\cdots + 5 g_1$$\n")
    last = check_document("a.md", doc).links[-1]
    assert last.verdict == "undecided" and "g_{1} could not be compared" in last.reason


# -- several indices that move together, and a chain across "= \ldots =" ---------------------------------

#: d2l's notation: g_{t,t-1} is the gradient of step t taken at the weights of step t − 1.
LEAKY = r"Let $v_0 = 0$ and $v_t = \beta v_{t-1} + g_{t,t-1}$." + "\n\n"
ACROSS = "Expanding,\n\n$$\\begin{aligned}\nv_t = \\beta^2 v_{t-2} + \\beta g_{t-1,t-2} + g_{t,t-1}\n= \\ldots, = SUM.\n\\end{aligned}$$\n"
SUM_TRUE = r"\sum_{\tau = 0}^{t-1} \beta^{\tau} g_{t-\tau,t-\tau-1}"


def test_a_name_with_two_step_indices_is_one_quantity_shifted_as_a_whole() -> None:
    ix = read(symbol("g_{t,t-1}"))
    assert (ix.stem, ix.letter, ix.offset, ix.more) == ("g", "t", 0, (-1,))
    assert ix.at("t", -1) == symbol("g_{t-1,t-2}") and ix.at(None, 1) == symbol("g_{1,0}")
    assert read(symbol("g_{t,t}")).base != ix.base  # another quantity, not g_{t,t-1} at another step
    assert read(symbol("h_{i,t-1}")) is None  # a coordinate and a step


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_chain_across_an_ellipsis_claims_its_head_equals_its_tail(name: str) -> None:
    text = LEAKY + ACROSS.replace("SUM", SUM_TRUE)
    if name.endswith(".tex"):
        text = text.replace("$$\\begin{aligned}", "\\begin{align*}").replace("\\end{aligned}$$", "\\end{align*}")
    links = [(k.line, k.verdict, k.reason) for k in check_document(name, text).links]
    unrolled, into_dots, closed = [k for k in links if k[0] >= 6]
    assert (unrolled[0], into_dots[0], closed[0]) == (6, 7, 7)
    assert unrolled[1] == "proved"
    assert into_dots[1] == "not-a-claim" and "ellipsis" in into_dots[2]
    assert closed[1] == "proved" and "induction" in closed[2]
    # the planted slip (the sum runs one step too far) is found on its line
    bad = check_document(name, text.replace("^{t-1} \\beta^{\\tau}", "^{t} \\beta^{\\tau}"))
    errors = [f for f in bad.findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(7, "math/false")], [f.text() for f in errors]
    assert "t = 1" in errors[0].message


def test_a_closed_form_that_needs_an_unstated_start_is_undecided_not_false() -> None:
    text = LEAKY.replace("$v_0 = 0$ and ", "") + ACROSS.replace("SUM", SUM_TRUE)
    closed = check_document("doc.md", text).links[-1]
    assert closed.verdict == "undecided" and "v_{0} = 0" in closed.reason
    # a start stated otherwise makes it false
    wrong = check_document("doc.md", text.replace("Let $v_t", "Let $v_0 = 1$ and $v_t"))
    assert wrong.links[-1].verdict == "false"


def test_a_sum_whose_index_reaches_zero_is_evaluated_at_small_steps() -> None:
    # τ from a note is positive; Σ_{τ=0}^{0} at t = 1 was a SymPy inconsistency, reported as a checker error
    text = r"Let $v_t = \beta v_{t-1} + g_t$ with $v_0 = 0$, so $v_t = \sum_{\tau = 0}^{t-1} \beta^{\tau} g_{t-\tau}$." + "\n"
    result = check_document("doc.md", text)
    assert not [f for f in result.findings if f.code.startswith("checker/")]
    assert result.links[-1].verdict == "proved", result.links[-1].reason


# -- a closed form written right after its recurrence; a step read through a look-ahead point ------------------
GD = "The iteration is\n\n$$x_{k+1} = x_k - \\alpha g_k$$\n\nUnrolling it gives\n\n$$CLOSED$$\n"
GD_TEX = ("The iteration is\n\\[ x_{k+1} = x_k - \\alpha g_k \\]\nUnrolling it gives\n"
          "\\begin{equation}\nCLOSED\n\\end{equation}\n")


@pytest.mark.parametrize("template, name, line", [(GD, "doc.md", 7), (GD_TEX, "doc.tex", 5)])
def test_a_closed_form_right_after_its_recurrence_is_a_claim(template: str, name: str, line: int) -> None:
    """x_0 and k are the recurrence's own start and step, not new names: the closed form is checked."""
    good = template.replace("CLOSED", r"x_k = x_0 - \alpha \sum_{j=0}^{k-1} g_j")
    ok = check_document(name, good)
    closed = [k for k in ok.links if k.line == line]
    assert closed and closed[0].verdict == "proved" and "induction" in closed[0].reason, [k.text() for k in ok.links]
    bad = template.replace("CLOSED", r"x_k = x_0 - \alpha \sum_{j=0}^{k} g_j")
    errors = [(f.line, f.code) for f in check_document(name, bad).findings if f.severity == "error"]
    assert errors == [(line, "math/false")]


NESTEROV = ("The look-ahead point is $y_k = x_k + \\mu (x_k - x_{k-1})$ and the step is\n\n"
            "$$x_{k+1} = y_k - \\alpha g_k$$\n\nStarting from $x_0 = 1$ and $x_{-1} = x_0$, the first step is\n\n"
            "$$x_1 = y_0 - \\alpha g_0 = 1 - \\alpha g_0$$\n")


def test_a_step_through_a_look_ahead_point_is_instantiated_with_its_start() -> None:
    """Nesterov written with a look-ahead point: x_1 and y_0 are put in at their steps, x_{-1} = x_0 from the notes."""
    ok = check_document("doc.md", NESTEROV)
    assert [f.text() for f in ok.findings if f.severity == "error"] == []
    assert [k.verdict for k in ok.links if k.line == 7] == ["proved", "proved"], [k.text() for k in ok.links]
    bad = check_document("doc.md", NESTEROV.replace("= 1 - \\alpha g_0", "= 1 + \\mu - \\alpha g_0"))
    assert [(f.line, f.code) for f in bad.findings if f.severity == "error"] == [(7, "math/false")]
    # without a value before the start, y_0 reads x_{-1}, which the notes never give: not false
    unknown = check_document("doc.md", NESTEROV.replace(" and $x_{-1} = x_0$", ""))
    assert [f.text() for f in unknown.findings if f.severity == "error"] == []
    assert "false" not in [k.verdict for k in unknown.links]


def test_a_definition_at_every_step_is_read_at_a_numbered_step_without_any_recurrence() -> None:
    text = ("Let $y_k = 2 x_k + 1$ for every $k$. With $x_0 = 3$,\n\n$$y_0 = 2 x_0 + 1 = 7$$\n\nand so on.\n")
    ok = check_document("doc.md", text)
    assert [k.verdict for k in ok.links if k.line == 3] == ["proved", "proved"], [k.text() for k in ok.links]
    bad = check_document("doc.md", text.replace("y_0 = 2 x_0 + 1 = 7", "y_0 = 2 x_0 + 1 = 6"))
    assert [(f.line, f.code) for f in bad.findings if f.severity == "error"] == [(3, "math/false")]


# -- worked values of a recurrence: m_2 = 0.19 is what the notes computed, not a value they give --------------
WORKED = ("Let $m_t = \\beta m_{t-1} + (1-\\beta) g_t$ with $m_0 = 0$, $\\beta = 0.9$ and constant gradients $g_t = 1$.\n\n"
          "Then\n\n$$m_1 = 0.1$$\n\nand\n\n$$m_2 = 0.19,$$\n\nand three steps in\n\n$$m_3 = 0.271.$$\n")


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_worked_values_of_a_recurrence_are_checked_to_the_digits_written(name: str) -> None:
    text = WORKED if name == "doc.md" else WORKED.replace("$$", "\\[", 1).replace("$$", "\\]", 1) \
        .replace("$$", "\\[", 1).replace("$$", "\\]", 1).replace("$$", "\\[", 1).replace("$$", "\\]", 1)
    ok = check_document(name, text)
    assert [f.text() for f in ok.findings if f.severity == "error"] == []
    worked = [k for k in ok.links if k.line in (5, 9, 13)]
    assert [k.verdict for k in worked] == ["proved"] * 3, [k.text() for k in ok.links]
    assert "β = 0.9" in worked[-1].reason
    bad = check_document(name, text.replace("m_3 = 0.271", "m_3 = 0.28"))
    errors = [f for f in bad.findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(13, "math/false")]
    assert "0.271" in errors[0].message
    # the rounding the notes show is admitted: 0.271 written 0.27
    assert [k.verdict for k in check_document(name, text.replace("m_3 = 0.271", "m_3 = 0.27")).links
            if k.line == 13] == ["proved"]


def test_a_step_value_with_an_input_not_given_stays_a_value_given() -> None:
    text = WORKED.replace(" and constant gradients $g_t = 1$", "").replace("m_3 = 0.271", "m_3 = 0.5")
    result = check_document("doc.md", text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    assert "false" not in [k.verdict for k in result.links]


SCHEDULE = ("The step size decays as $\\eta_t = \\frac{\\eta_0}{1 + k t}$ with $\\eta_0 = 0.1$ and $k = 0.1$. After ten "
            "steps\n\n$$\\eta_{10} = 0.05.$$\n\nAdam keeps $m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t$ and "
            "$\\hat m_t = \\frac{m_t}{1-\\beta_1^t}$ with $m_0 = 0$, $\\beta_1 = 0.9$. With $g_1 = 2$:\n\n"
            "$$\\hat m_1 = \\frac{0.2}{0.1} = 2.$$\n")


def test_a_value_of_a_definition_at_every_step_and_a_corrected_moment_are_worked_values() -> None:
    ok = check_document("doc.md", SCHEDULE)
    assert [f.text() for f in ok.findings if f.severity == "error"] == []
    assert [k.verdict for k in ok.links if k.line in (3, 7)] == ["proved", "proved", "proved"], \
        [k.text() for k in ok.links]
    for slip, line in (("\\eta_{10} = 0.05", 3), ("\\hat m_1 = \\frac{0.2}{0.1}", 7)):
        planted = SCHEDULE.replace(slip, slip.replace("0.05", "0.06").replace("0.2}", "0.3}"))
        assert planted != SCHEDULE
        errors = [(f.line, f.code) for f in check_document("doc.md", planted).findings if f.severity == "error"]
        assert (line, "math/false") in errors, errors


def test_a_step_value_is_not_claimed_when_its_quantity_was_defined_twice() -> None:
    """η_t first decays, then the text turns to a cosine schedule: η_{50} = 0.5 may use either, so no verdict."""
    text = SCHEDULE + ("\nA cosine schedule $\\eta_t = \\frac{\\eta_{\\max}}{2}\\left(1 + \\cos\\frac{\\pi t}{T}\\right)$ "
                       "with $\\eta_{\\max} = 1$ and $T = 100$ gives $\\eta_{50} = 0.5$.\n")
    result = check_document("doc.md", text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []


def test_a_step_value_the_prose_supposes_is_not_a_worked_value() -> None:
    text = WORKED.replace("and three steps in\n\n$$m_3 = 0.271.$$", "Suppose now that\n\n$$m_3 = 0.5.$$")
    result = check_document("doc.md", text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []


ROWS = ("The iteration is\n\n$$\n\\phi_{t+1} = \\theta_t - \\varepsilon \\nabla f(\\theta_t) \\\\\n"
        "\\theta_{t+1} = \\phi_{t+1} + \\mu (\\phi_{t+1} - \\phi_t)\n$$\n\n"
        "Putting the first row into the second,\n\n$$\\theta_{t+1} = \\theta_t - \\varepsilon \\nabla f(\\theta_t)"
        " + \\mu (\\theta_t - \\varepsilon \\nabla f(\\theta_t) - \\phi_t)$$\n")


def test_rows_that_read_each_other_are_not_unrolled_into_each_other() -> None:
    """Definitions at every step are put in at numbered steps only: φ and θ read each other, so unrolling them
    at symbolic steps would only grow (a real Nesterov note ran out of time on every link that way)."""
    ok = check_document("doc.md", ROWS)
    assert [k.verdict for k in ok.links if k.line == 10] == ["proved"], [k.text() for k in ok.links]
    bad = check_document("doc.md", ROWS.replace("+ \\mu (\\theta_t", "+ \\mu (2\\theta_t"))
    assert [(f.line, f.code) for f in bad.findings if f.severity == "error"] == [(10, "math/false")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_chain_that_states_its_recurrence_first_unrolls_it_in_its_next_links(name: str) -> None:
    # v_t = βv_{t-1} + g_t = β²v_{t-2} + βg_{t-1} + g_t: the first link defines, the second unrolls that rule
    good = "Momentum:\n\n$$v_t = \\beta v_{t-1} + g_t = \\beta^2 v_{t-2} + \\beta g_{t-1} + g_t$$\n"
    ok = report(good, name)
    assert [(k.verdict, k.reason) for k in ok.links] == [("not-a-claim", "definition (a naming)"), ("proved", "symbolically equal; equal at 4 random points")]
    wrong = report(good.replace("+ \\beta g_{t-1}", "+ g_{t-1}"), name)
    errors = [f for f in wrong.findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(3, "math/false")] and "g_{t-1}" in errors[0].message
    # a first link that is no recurrence adds nothing to the links after it
    plain = report("Let\n\n$$y_t = 2 x_t = x_t + x_t$$\n", name)
    assert [k.verdict for k in plain.links] == ["not-a-claim", "proved"]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_partly_unrolled_side_equal_to_a_closed_form_is_decided_through_the_chain_head(name: str) -> None:
    # m_t = β²m_{t-2} + … = (1−β)Σβ^{t−i}g_i: with the first link proved, the second says m_t equals the sum
    chain = ("$$m_t = \\beta^2 m_{t-2} + \\beta (1-\\beta) g_{t-1} + (1-\\beta) g_t"
             " = (1-\\beta)\\sum_{i=1}^{t} \\beta^{t-i} g_i$$\n")
    ok = report(EMA + chain, name)
    assert [k.verdict for k in ok.links if k.line == 3] == ["proved", "proved"]
    assert "induction" in [k.reason for k in ok.links if k.line == 3][1]
    wrong = report(EMA + chain.replace("\\beta^{t-i} g_i", "\\beta^{t-i+1} g_i"), name)
    errors = [f for f in wrong.findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(3, "math/false")] and "t = 1" in errors[0].message
    # the first link wrong: the head is not known to equal the unrolled side, so the closed form is not read through it
    slipped = report(EMA + chain.replace("\\beta (1-\\beta) g_{t-1}", "(1-\\beta) g_{t-1}"), name)
    assert [k.verdict for k in slipped.links if k.line == 3][0] == "false"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_numbers_in_an_expansion_are_the_coefficients_at_the_values_given(name: str) -> None:
    # "Let β = 0.9": 0.1θ_{100} + 0.1·0.9θ_{99} + … writes (1−β) and β(1−β) at that value; a wrong number stays false
    text = ("The average is $v_t = \\beta v_{t-1} + (1-\\beta)\\theta_t$.\n\nLet $\\beta = 0.9$ and write it out:\n\n"
            "$v_{100} = 0.1\\theta_{100} + 0.1 \\times 0.9 \\theta_{99} + 0.1 \\times {(0.9)}^{2}\\theta_{98} + \\ldots$\n")
    ok = report(text, name)
    assert [k.verdict for k in ok.links if k.line == 5] == ["proved"], [k.text() for k in ok.links]
    wrong = report(text.replace("0.1 \\times 0.9 \\theta_{99}", "0.1 \\times 0.8 \\theta_{99}"), name)
    errors = [f for f in wrong.findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(5, "math/coefficient")] and "β = 0.9" in errors[0].message


def test_an_inductive_step_is_never_refuted_as_a_closed_form_of_the_next_step() -> None:
    # m_{t+1} = βm_t + (1−β)g_{t+1} = β(1−β)Σ_{i≤t}β^{t−i}g_i + (1−β)g_{t+1}: true under the hypothesis for m_t
    text = EMA + ("Inductive step:\n\n$$\n\\begin{aligned}\nm_{t+1} &= \\beta m_t + (1 - \\beta) g_{t+1} \\\\\n"
                  "&= \\beta (1 - \\beta) \\sum_{i=1}^{t} \\beta^{t-i} g_i + (1 - \\beta) g_{t+1} \\\\\n"
                  "&= (1 - \\beta) \\sum_{i=1}^{t+1} \\beta^{t+1-i} g_i\n\\end{aligned}\n$$\n")
    found = report(text)
    assert [f.text() for f in found.findings if f.severity == "error"] == []
    assert "false" not in [k.verdict for k in found.links]


def test_definitions_at_every_step_are_put_in_at_numbered_steps_only() -> None:
    # φ_{t+1} = θ_t − εg and θ_{t+1} = φ_{t+1} + μ(φ_{t+1} − φ_t) read each other: at symbolic steps there is nothing
    # to put in (unrolling them into each other only grows); at a numbered step (θ_1, φ_0) there is
    phi1, phi, theta1, theta = (symbol(n) for n in ("\\phi_{t+1}", "\\phi_{t}", "\\theta_{t+1}", "\\theta_{t}"))
    eps, mu, g = symbol("\\varepsilon"), symbol("\\mu"), symbol("g")
    recs = Recurrences({phi1: theta - eps * g, theta1: phi1 + mu * (phi1 - phi)})
    assert not recs.by_base and recs.plain
    assert not recs.instantiates(theta1, phi + theta)
    assert recs.instantiates(symbol("\\theta_{1}"), symbol("\\phi_{0}"))


# -- a list of iterates: "- $x_2 = 0.64$" under a recurrence and its start is a worked value, not a naming -----
ITERATES = ("Take $x_{t+1} = 0.8 x_t$ from $x_0 = 1$. The first iterates:\n\n"
            "- $x_1 = 0.8$\n- $x_2 = 0.64$\n- $x_3 = 0.512$\n")


@pytest.mark.parametrize("marker", ["- ", "* ", "1. "])
def test_a_list_of_iterates_is_checked_against_the_recurrence(marker: str) -> None:
    text = ITERATES.replace("- ", marker)
    ok = check_document("doc.md", text)
    assert [k.verdict for k in ok.links if k.line >= 3] == ["proved"] * 3, [k.text() for k in ok.links]
    bad = check_document("doc.md", text.replace("0.512", "0.521"))
    errors = [f for f in bad.findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(5, "math/false")]
    assert "0.512" in errors[0].message


def test_a_list_of_alternatives_still_names() -> None:
    """A list that offers values (step sizes to try) is not a table of iterates: nothing fixes them."""
    text = "Try several step sizes:\n\n- $\\eta = 0.1$\n- $\\eta = 0.01$\n"
    result = check_document("doc.md", text)
    assert {k.verdict for k in result.links} == {"not-a-claim"}


# -- two worked steps in one display: instances of the rule, not the rows of a new system --------------------
TWO_STEPS = ("With $\\beta = 0.9$, $v_0 = 0$ and the update $v_t = \\beta v_{t-1} + g_t$, the gradients $g_1 = 2$ "
             "and $g_2 = 1$ give\n\n$$\nv_1 = \\beta v_0 + g_1 = 0.9 \\cdot 0 + 2 = 2, \\qquad v_2 = 0.9 \\cdot 2 + 1 = 2.8 .\n$$\n")


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_two_worked_steps_in_one_display_are_instances_of_the_rule(name: str) -> None:
    text = TWO_STEPS if name == "doc.md" else TWO_STEPS.replace("$$\n", "\\[\n", 1).replace("$$\n", "\\]\n", 1)
    ok = check_document(name, text)
    assert [k.verdict for k in ok.links if k.line == 4] == ["proved"] * 5, [k.text() for k in ok.links]
    bad = check_document(name, text.replace("2.8", "2.9"))
    assert [(f.line, f.code) for f in bad.findings if f.severity == "error"] == [(4, "math/false")]
    wrong_rule = check_document(name, text.replace("v_2 = 0.9 \\cdot 2 + 1", "v_2 = 0.9 \\cdot 2 + 2")
                                .replace("= 2.8", "= 3.8"))
    assert [(f.line, f.code) for f in wrong_rule.findings if f.severity == "error"] == [(4, "math/false")]


RESTATED_STEP = ("Take $g(u) = u^2$, $u^{(0)} = 3$ and $\\eta = 0.25$. The result is $u^{(1)} = 1.5$.\n\n"
                 "The rule is $u^{(t+1)} = u^{(t)} - \\eta g'(u^{(t)})$, and so\n\n"
                 "$$\\begin{aligned}\nu^{(1)} &= u^{(0)} - \\eta g'(u^{(0)}) \\\\\nu^{(1)} &= 3 - 0.25 \\cdot 6 \\\\\n"
                 "u^{(1)} &= 1.5\n\\end{aligned}$$\n")


def test_one_step_restated_row_after_row_still_answers_the_result_stated_before() -> None:
    """u^{(1)} restated on every row of one display is one computation (each row a claim about the last), even
    after the rule for u^{(t+1)}: the rows are not read as separate instances, and the answer stated before
    them is the one they derive."""
    ok = check_document("doc.md", RESTATED_STEP)
    assert [k.verdict for k in ok.links if k.line == 1 and k.left.startswith("u^{(1)}")] == ["proved"], \
        [k.text() for k in ok.links]
    assert all(k.verdict == "proved" for k in ok.links if k.line >= 6), [k.text() for k in ok.links]


UNROLLED_ROWS_MD = r"""
# Exponential moving averages

Let $v_0 = 0$ and $v_t = \beta v_{t-1} + (1 - \beta) \theta_t$. Then

$$
\begin{aligned}
v_1 &= (1-\beta)\theta_1 \\
v_2 &= \beta (1-\beta)\theta_1 + (1-\beta)\theta_2 \\
v_t &= (1-\beta)\left(\theta_t + \beta\theta_{t-1} + \cdots + \beta^{t-1}\theta_1\right)
\end{aligned}
$$
"""

UNROLLED_ROWS_TEX = r"""
\section{Exponential moving averages}
Let $v_0 = 0$ and $v_t = \beta v_{t-1} + (1 - \beta) \theta_t$. Then
\begin{align*}
v_1 &= (1-\beta)\theta_1 \\
v_2 &= \beta (1-\beta)\theta_1 + (1-\beta)\theta_2 \\
v_t &= (1-\beta)\left(\theta_t + \beta\theta_{t-1} + \cdots + \beta^{t-1}\theta_1\right)
\end{align*}
"""


@pytest.mark.parametrize(("name", "text"), [("doc.md", UNROLLED_ROWS_MD), ("doc.tex", UNROLLED_ROWS_TEX)])
def test_the_rows_of_an_unrolling_are_claims(name: str, text: str) -> None:
    links = check_document(name, text).links
    rows = [k for k in links if k.left in ("v_1", "v_2", "v_t") and k.right.startswith(("(1-", r"\beta (1"))]
    assert [(k.left, k.verdict) for k in rows] == [("v_1", "proved"), ("v_2", "proved"), ("v_t", "proved")], \
        [(k.left, k.verdict, k.reason) for k in rows]
    slipped = text.replace(r"(1-\beta)\theta_2 \\", r"\theta_2 \\")
    assert slipped != text
    errors = [f for f in check_document(name, slipped).findings if f.severity == "error"]
    line = slipped[:slipped.index(r"v_2 &=")].count("\n") + 1
    assert [(f.line, f.code) for f in errors] == [(line, "math/false")]
    assert "coefficient of θ_{2}" in errors[0].message


def test_a_row_reading_a_step_before_the_start_is_proved_at_rest_and_never_false() -> None:
    # x_1 = x_0 − αg_0 drops βp_0: p_0 reads x_{-1}, which the notes never give
    text = r"""Momentum: $x_{k+1} = x_k - \alpha g_k + \beta p_k$ with $p_k = x_k - x_{k-1}$. Unrolling,

$$
\begin{aligned}
x_1 &= x_0 - \alpha g_0 \\
x_2 &= x_1 - \alpha g_1 + \beta (x_1 - x_0) \\
x_{k+1} &= x_k - \alpha g_k + \beta (x_k - x_{k-1})
\end{aligned}
$$
"""
    report = check_document("doc.md", text)
    assert [f for f in report.findings if f.severity == "error"] == []
    # p_0 = x_0 − x_{−1} is at rest: nothing moved before the first step, and the verdict says it takes that
    assert [(k.verdict, k.reason) for k in report.links if k.left == "x_1"] == [
        ("proved", "taking p_{0} = 0 (nothing moved before the first step)")]


def test_a_closed_form_under_its_condition_without_an_initial_value_is_not_false() -> None:
    # "If all θ_i = c, then v_t = c(1 − β^t)": true when v_0 = 0, which these notes never state
    text = r"Let $v_t = \beta v_{t-1} + (1 - \beta) \theta_t$." + "\n\n" + \
        r"If all $\theta_i = c$, then $v_t = c(1 - \beta^t)$." + "\n"
    report = check_document("doc.md", text)
    assert [f for f in report.findings if f.severity == "error"] == []
    link = [k for k in report.links if k.right == r"c(1 - \beta^t)"][0]
    assert link.verdict == "undecided" and "v_{0} = 0" in link.reason, link.reason
