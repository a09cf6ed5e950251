"""Readings added in stop 35. Fixtures are written here."""
from __future__ import annotations

import pytest

from derive.check.run import check_document
from fixture_docs import as_document as _as, error_lines, line_of as _line_of, slipped as _slipped

# ---------------------------------------------------------------- one number copied twice, the copies differ

BACKPROP_MD = r"""# Backward pass by hand

The output layer gave $\frac{\partial E_{o1}}{\partial net_{o1}} = 0.138498562$, and the weight is $w_5 = 0.40$.

$$\frac{\partial E_{o1}}{\partial out_{h1}} = \frac{\partial E_{o1}}{\partial net_{o1}} \cdot w_5 = 0.138498562 \cdot 0.40 = 0.055399425$$

Following the same process for the second output, we get:

$$\frac{\partial E_{o2}}{\partial out_{h1}} = -0.019049119$$

Therefore:

$$\frac{\partial E_{total}}{\partial out_{h1}} = \frac{\partial E_{o1}}{\partial out_{h1}} + \frac{\partial E_{o2}}{\partial out_{h1}} = 0.055399425 + -0.019049119 = 0.036350306$$
"""

SUM_LINE = "\\frac{\\partial E_{total}}"


def _codes(name: str, text: str) -> list[tuple[int, str, str]]:
    return [(f.line, f.severity, f.code) for f in check_document(name, text).findings
            if f.code.startswith("math/") and f.severity in ("error", "warning")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_backward_pass_with_the_same_number_copied_twice_is_proved(name: str) -> None:
    text = _as(name, BACKPROP_MD)
    report = check_document(name, text)
    assert _codes(name, text) == []
    on_sum = [k.verdict for k in report.links if k.line == _line_of(text, SUM_LINE)]
    assert on_sum.count("proved") == 2, on_sum  # the values put in, and their sum


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_given_value_copied_with_a_dropped_digit_names_both_lines(name: str) -> None:
    # the value stated bare on one line and put in on another differ in the seventh digit: either copy may be the
    # typo (the hand truth of the public note this comes from marks the bare one), so neither line is called false
    text = _slipped(_as(name, BACKPROP_MD), "out_{h1}} = -0.019049119$$", "out_{h1}} = -0.01904919$$")
    given, line = _line_of(text, "out_{h1}} = -0.01904919$$"), _line_of(text, SUM_LINE)
    report = check_document(name, text)
    assert error_lines(name, text) == []
    conflicts = [f for f in report.findings if f.code == "math/conflict"]
    assert [(f.line, f.severity) for f in conflicts] == [(line, "warning")]
    assert f"line {given} gives it as -0.01904919" in conflicts[0].message
    assert "-0.019049119" in conflicts[0].message
    assert "undecided" in [k.verdict for k in report.links if k.line == line]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_number_far_from_the_value_given_is_still_false(name: str) -> None:
    # ten times the value: not a copy that lost a digit, the sum is simply computed with a wrong number
    text = _slipped(_as(name, BACKPROP_MD), "0.055399425 + -0.019049119 = 0.036350306",
                    "0.055399425 + -0.19049119 = -0.135091765")
    assert (_line_of(text, SUM_LINE), "math/false") in error_lines(name, text)
    assert not [f for f in check_document(name, text).findings if f.code == "math/conflict"]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_copy_of_a_value_worked_out_on_its_own_line_is_the_slip(name: str) -> None:
    # 0.055399425 was computed and checked on its line: the later copy with a digit changed is the slip
    text = _slipped(_as(name, BACKPROP_MD), "0.055399425 + -0.019049119 = 0.036350306",
                    "0.055399452 + -0.019049119 = 0.036350333")
    assert (_line_of(text, SUM_LINE), "math/false") in error_lines(name, text)
    assert not [f for f in check_document(name, text).findings if f.code == "math/conflict"]
