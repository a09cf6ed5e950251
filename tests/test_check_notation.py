r"""Notation of real notes read the way TeX reads it, at document level: a correct copy is proved, a planted
slip is found as math/false."""
from __future__ import annotations

from derive.check.run import check_document

SQUARE = (
    "# Adadelta\n\n"
    "The squared gradient is taken element-wise:\n\n"
    "$$g^2_{t} = g_{t} \\odot g_{t}$$\n"  # line 5
)


def verdicts(text: str) -> dict[int, str]:
    return {k.line: k.verdict for k in check_document("doc.md", text).links}


def test_a_subscript_after_a_power_is_proved() -> None:
    assert verdicts(SQUARE)[5] == "proved"


def test_a_slip_after_a_subscript_after_a_power_is_false() -> None:
    text = SQUARE.replace("g_{t} \\odot g_{t}$$", "g_{t} + g_{t}$$")
    assert text != SQUARE
    report = check_document("doc.md", text)
    assert verdicts(text)[5] == "false"
    assert [f.line for f in report.findings if f.code == "math/false"] == [5]


CORRECTED = (
    "# Bias correction\n\n"
    "$$v^{corrected} = \\frac{v}{1 - \\beta}$$\n\n"
    "Hence $v^{corrected} (1 - \\beta) = v$.\n"  # line 5
)


def test_a_word_superscript_is_a_label_and_its_slip_is_false() -> None:
    assert verdicts(CORRECTED)[5] == "proved"
    slip = CORRECTED.replace("(1 - \\beta) = v$", "(1 - \\beta) = 2 v$")
    assert slip != CORRECTED
    report = check_document("doc.md", slip)
    assert verdicts(slip)[5] == "false"
    assert [f.line for f in report.findings if f.code == "math/false"] == [5]


AVERAGE = (
    "# RMSprop\n\n"
    "The running average of squared gradients is\n\n"
    "$$E[g^2]_t = \\gamma E[g^2]_{t-1} + (1 - \\gamma) g^2_t$$\n\n"
    "Unrolled once, this gives\n"
    "$$E[g^2]_t = \\gamma^2 E[g^2]_{t-2} + \\gamma (1 - \\gamma) g_{t-1}^2 + (1 - \\gamma) g_t^2 .$$\n"  # line 8
)


def test_a_running_average_e_of_x_at_t_is_a_step_indexed_name() -> None:
    assert verdicts(AVERAGE)[8] == "proved"
    slip = AVERAGE.replace("\\gamma (1 - \\gamma) g_{t-1}^2", "(1 - \\gamma) g_{t-1}^2")
    assert slip != AVERAGE
    report = check_document("doc.md", slip)
    assert verdicts(slip)[8] == "false"
    assert [f.line for f in report.findings if f.code == "math/false"] == [8]


def test_an_empty_side_says_why_it_could_not_be_parsed() -> None:
    links = check_document("doc.md", "# A\n\n$$E[g^2]_t = $$\n").links
    assert [k.reason for k in links] == ["a side could not be parsed: nothing on this side of the relation"]
