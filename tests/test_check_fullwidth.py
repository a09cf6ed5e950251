"""Full-width punctuation typed inside a formula (an input method left on in Chinese, Japanese or Korean notes):
``，`` ``：`` ``；`` ``。`` ``（`` ``）`` read as their ASCII forms, and a trailing ``:`` is the sentence's punctuation."""

from __future__ import annotations

import pytest

from derive.check.latex import parse_block
from derive.check.run import check_document
from derive.symbols import symbol as S


@pytest.mark.parametrize("text, expected", [
    ("a = b + c，", [[S("a"), S("b") + S("c")]]),
    ("a = b + c。", [[S("a"), S("b") + S("c")]]),
    ("a = b；", [[S("a"), S("b")]]),
    ("a = b：", [[S("a"), S("b")]]),
    ("a = b:", [[S("a"), S("b")]]),
    ("a = b，c = d", [[S("a"), S("b")], [S("c"), S("d")]]),
    ("a = 2（b + c）", [[S("a"), 2 * (S("b") + S("c"))]]),
])
def test_full_width_punctuation_reads_as_ascii(text: str, expected: list[list[object]]) -> None:
    block = parse_block(text)
    assert not block.problems
    assert [[term.expr for term in statement.terms] for statement in block.statements] == expected


NOTE = """
# 动量法

设 $\\beta = 0.9$，偏差修正的分母满足：

$$
(1-\\beta)（1+\\beta） = 1 - \\beta^{2}，
$$
"""

SLIP = NOTE.replace("= 1 - \\beta^{2}", "= 1 + \\beta^{2}")


def _verdicts(text: str) -> dict[int, str]:
    return {k.line: k.verdict for k in check_document("doc.md", text).links if k.verdict != "not-a-claim"}


def test_a_formula_with_full_width_punctuation_is_proved() -> None:
    assert _verdicts(NOTE)[7] == "proved"


def test_a_planted_slip_next_to_full_width_punctuation_is_found() -> None:
    assert _verdicts(SLIP)[7] == "false"
