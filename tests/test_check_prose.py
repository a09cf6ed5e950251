"""The prose around a formula: conditions confined to their clause, never a silent drop."""
from __future__ import annotations

import pytest

from derive.check.run import check_document

SYSTEM = r"""
$$
\begin{cases}
m_t = \mu m_{t-1} + g_t \\
w_t = w_{t-1} - \eta m_t
\end{cases}
$$

"""
LAST = SYSTEM.count("\n") + 1  # the line of the prose that follows the system
FALSE = r"w_t = w_{t-1} - \eta\mu m_{t-1} + \eta g_t"  # the sign of η g_t is wrong


def errors(text: str, name: str = "doc.md") -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_document(name, text).findings if f.severity == "error"]


@pytest.mark.parametrize("prose", [
    "Substituting, we get",
    "When we substitute the buffer, we get",
    "When we substitute,",
    "If we plug the buffer in,",
    "With the buffer substituted,",
    "Когда подставим буфер, получим",
    "Подставляя, получаем",
    "当前的更新为",
    "代入得",
])
@pytest.mark.parametrize("display", [True, False])
def test_rewording_the_prose_around_a_false_link_keeps_the_finding(prose: str, display: bool) -> None:
    formula = f"$$\n{FALSE}\n$$" if display else f"${FALSE}$"
    text = SYSTEM + f"{prose}\n{formula}\n"
    line = text.count("\n", 0, text.index(FALSE)) + 1
    assert errors(text) == [(line, "math/false")]


@pytest.mark.parametrize("prose", [
    "With $\\mu = 0.9$, the update is",
    "If $\\mu = 0.9$, we get",
    "When $\\mu = 0.9$, one step gives",
    "При $\\mu = 0.9$ получаем",
    "当 $\\mu = 0.9$ 时，更新为",
])
def test_a_condition_word_governs_its_own_formula_not_the_clause_after_it(prose: str) -> None:
    # "With $μ = 0.9$, the update is $$…$$": the display is a claim made under the condition, so a slip is found
    text = SYSTEM + f"{prose}\n$$\n{FALSE}\n$$\n"
    line = text.count("\n", 0, text.index(FALSE)) + 1
    assert errors(text) == [(line, "math/false")]
    # a block joined to the condition by "and" is part of the condition
    joined = SYSTEM + f"If $\\mu = 0.9$ and\n$$\n{FALSE}\n$$\nthe steps shrink.\n"
    assert errors(joined) == []


@pytest.mark.parametrize("prose", ["If the rate is fixed, then", "如果学习率不变，那么", "若学习率不变，则"])
def test_a_claim_after_then_is_made_under_the_words_condition_not_dropped(prose: str) -> None:
    # "if <words>, then $$…$$": the display is claimed under a condition the checker cannot apply: undecided,
    # with that reason, never a silent "condition"
    text = SYSTEM + f"{prose}\n$$\n{FALSE}\n$$\n"
    (link,) = [k for k in check_document("doc.md", text).links if k.line == text.count("\n", 0, text.index(FALSE)) + 1]
    assert (link.verdict, link.reason) == ("undecided", "stated under a condition given in words (not applied)")


@pytest.mark.parametrize("prose", ["In the steady state,", "If", "We need", "Если", "若", "稳态时"])
def test_a_condition_is_not_checked_as_an_identity_but_is_reported(prose: str) -> None:
    text = SYSTEM + f"{prose} $m_t = m_{{t-1}}$ the buffer stops moving.\n"
    report = check_document("doc.md", text)
    assert [f for f in report.findings if f.severity == "error"] == []
    (link,) = [k for k in report.links if k.left == "m_t" and k.line == LAST]
    assert (link.verdict, link.reason) == ("not-a-claim", "condition (the prose states it as one)")


def test_a_condition_before_a_claim_is_applied_to_it() -> None:
    text = SYSTEM + r"If $\mu = 0$, then $w_t = w_{t-1} - \eta g_t$, and if $\mu = 0$ then $w_t = w_{t-1} + \eta g_t$." + "\n"
    report = check_document("doc.md", text)
    claims = [k for k in report.links if k.left == "w_t" and k.line == LAST]
    assert [k.verdict for k in claims] == ["proved", "false"]
    assert "condition" in claims[0].reason or "values given before (μ = 0)" in claims[0].reason
    assert [f.code for f in report.findings if f.severity == "error"] == ["math/false"]


def test_a_condition_after_a_claim_is_applied_to_it_and_a_new_sentence_is_not_one() -> None:
    text = SYSTEM + r"Note that $w_t = w_{t-1} - \eta g_t$ when $\mu = 0$." + "\n\n"
    text += "$$\n" + FALSE + "\n$$\nWhen the momentum is large, the steps grow.\n"
    report = check_document("doc.md", text)
    proved = [k for k in report.links if k.line == LAST]
    assert proved[0].verdict == "proved"
    assert errors(text) == [(LAST + 3, "math/false")]  # "When …" after the display starts a new sentence


def test_a_restatement_of_a_named_quantity_is_a_claim() -> None:
    text = "Let $m_t = \\beta m_{t-1} + (1-\\beta) g_t$.\n\nSo the buffer is $m_t = \\beta m_{t-1} + g_t$.\n"
    assert errors(text) == [(3, "math/false")]
    # with no word saying it follows, a different restatement may be a second definition: a note, not an error
    quiet = check_document("doc.md", text.replace("So the buffer is", "The buffer is"))
    assert [f.code for f in quiet.findings if f.line == 3] == ["math/undecided"]
    text = "Let $m_t = \\beta m_{t-1} + (1-\\beta) g_t$.\n\nInstead, take $m_t = \\beta m_{t-1} + g_t$.\n"
    assert errors(text) == []  # a scheme switch announced in prose redefines


def test_let_us_is_an_invitation_to_compute_not_a_definition() -> None:
    # "Let us expand it:" leads into a derivation; "Let x = …" defines
    text = SYSTEM + f"Let us expand the buffer:\n$$\n{FALSE}\n$$\n"
    line = text.count("\n", 0, text.index(FALSE)) + 1
    assert errors(text) == [(line, "math/false")]
    assert errors(text.replace("Let us expand the buffer:", "Let's expand the buffer:")) == [(line, "math/false")]


def test_formulas_listed_as_alternatives_give_no_value_in_force() -> None:
    # "for example $α_k = α$ or $α_k = α/n^c$": neither is α_k from there on, so "let α_k = α" later is no slip
    text = ("A chosen sequence, for example $\\alpha_k = \\alpha$ or $\\alpha_k = \\frac{\\alpha}{n^c}$.\n\n"
            "Take $\\alpha_k = \\alpha$, and $y = 2$, so $y^2 = 5$.\n")
    report = check_document("doc.md", text)
    assert [(f.line, f.code) for f in report.findings if f.severity == "error"] == [(3, "math/false")]
    assert [k.reason.startswith("one of alternatives") for k in report.links if k.line == 1] == [True, True]
