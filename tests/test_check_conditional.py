r"""Conditioning read as a whole quantity (:mod:`derive.check.conditional`): ``\mathbb{E}[y \mid x]``.

Only inside an expectation's brackets (in a call, ``p`` would be an unknown function: see the tests). Written the
same way, a conditional is the same quantity, so the algebra around it is checked; no law of
conditional probability is modelled, so a link that would need one (taking out what is known, the tower rule,
Bayes) is never refuted, and a conditional expectation is never taken for a number.
"""
from __future__ import annotations

import pytest

from derive.check.conditional import Given
from derive.check.latex import Expect, parse_block, parse_expr
from derive.check.run import check_document
from derive.symbols import symbol


def test_a_conditional_expectation_is_read_whole() -> None:
    x, y = symbol("x"), symbol("y")
    assert parse_expr(r"\mathbb{E}[y \mid x]") == Expect(Given(y, x))
    assert parse_expr(r"E[y \mid x]") == Expect(Given(y, x))
    assert parse_expr(r"\mathbb{E}[y \mid x]") != parse_expr(r"\mathbb{E}[x \mid y]")


@pytest.mark.parametrize(("text", "same"), [
    (r"\mathbb{E}[y | x]", r"\mathbb{E}[y \mid x]"),
    (r"\mathbb{E}[g_t | x_t]", r"\mathbb{E}[g_t \mid x_t]"),
])
def test_one_bare_bar_in_an_expectation_conditions(text: str, same: str) -> None:
    assert parse_expr(text) == parse_expr(same)


@pytest.mark.parametrize("text", [r"f(|x|)", r"\mathbb{E}[|y - x|]", r"p(a) + |b|"])
def test_two_bars_are_an_absolute_value(text: str) -> None:
    assert not parse_expr(text).has(Given)


@pytest.mark.parametrize(("text", "message"), [
    (r"\{x \mid x > 0\}", "\\mid (set-builder notation) is not modelled"),
    (r"a \mid b", "\\mid (set-builder notation) is not modelled"),
    (r"\exp(a \mid b)", "\\mid (set-builder notation) is not modelled"),    # only a named function conditions
    (r"\max(a \mid b, c)", "\\mid (set-builder notation) is not modelled"),
    # p(y \mid x) in a call is read: one opaque quantity, not a call (tests/test_check_probability_calls.py)
])
def test_set_builder_and_other_bars_stay_unmodelled(text: str, message: str) -> None:
    assert [p.message for p in parse_block(text).problems] == [message]


RISK = r"""
# Risk

Adding and subtracting the regression function, we get
$$
\mathbb{E}[(y - f(x))^2] = \mathbb{E}[ (y - \mathbb{E}[y \mid x] + \mathbb{E}[y \mid x] - f(x))^2 ]
$$
"""

#: A slip: the second conditional is the other way round, so the terms no longer cancel.
RISK_SLIP = RISK.replace(r"+ \mathbb{E}[y \mid x] - f(x))^2 ]", r"+ \mathbb{E}[x \mid y] - f(x))^2 ]")

#: A slip in the algebra around the conditionals: the sign of f(x).
ALGEBRA_SLIP = r"""
# Risk

Adding and subtracting, we get
$$
y - \mathbb{E}[y \mid x] + \mathbb{E}[y \mid x] - f(x) = y + f(x)
$$
"""


def _verdicts(text: str) -> list[tuple[str, str]]:
    return [(k.verdict, k.reason) for k in check_document("doc.md", text).links if k.verdict != "not-a-claim"]


def _errors(text: str) -> list[str]:
    return [f.code for f in check_document("doc.md", text).findings if f.severity == "error"]


def test_adding_and_subtracting_a_conditional_expectation_is_proved() -> None:
    assert _verdicts(RISK) == [("proved", "symbolically equal; equal at 4 random points")]


def test_a_conditional_written_the_other_way_is_not_proved() -> None:
    (verdict, _), = _verdicts(RISK_SLIP)
    assert verdict == "undecided"
    assert _errors(RISK_SLIP) == []


def test_a_slip_in_the_algebra_around_conditionals_is_false() -> None:
    (verdict, _), = _verdicts(ALGEBRA_SLIP)
    assert verdict == "false"
    assert _errors(ALGEBRA_SLIP) == ["math/false"]


@pytest.mark.parametrize("body", [
    r"\mathbb{E}[\mathbb{E}[y \mid x]^2] = \mathbb{E}[y \mid x]^2",     # false: E[y|x] is random, not a number
    r"\mathbb{E}[f(x) \mathbb{E}[y \mid x]] = \mathbb{E}[f(x)] \mathbb{E}[y \mid x]",
])
def test_a_conditional_expectation_is_never_taken_for_a_number(body: str) -> None:
    (verdict, _), = _verdicts("# Q\n\nWe get\n$$\n" + body + "\n$$\n")
    assert verdict != "proved"


@pytest.mark.parametrize("body", [
    r"\mathbb{E}[f(x) y \mid x] = f(x) \mathbb{E}[y \mid x]",                   # taking out what is known
    r"\mathbb{E}[a y + b \mid x] = a \mathbb{E}[y \mid x] + b",                 # linearity under the condition
    r"\mathbb{E}[\mathbb{E}[y \mid x]] = \mathbb{E}[y]",                        # the tower rule
    r"\mathbb{E}[y \mid x] \mathbb{E}[z \mid x] = \mathbb{E}[y z \mid x]",      # false in general, true if independent
])
def test_laws_of_conditioning_are_never_refuted(body: str) -> None:
    text = "# Q\n\nWe get\n$$\n" + body + "\n$$\n"
    (verdict, _), = _verdicts(text)
    assert verdict == "undecided"
    assert _errors(text) == []
