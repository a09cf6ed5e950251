r"""A step written in brackets after a label (``V_{dw(t)}``, ``dW_{(t)}``) is a step index like ``v_t``: the rule
``V_{dw(t)} = \beta V_{dw(t-1)} + (1-\beta) dW_{(t)}`` is instantiated at ``t = 1, 2`` and unrolled, and a slip in an
instance is found on its line; a sum over the steps is never read as missing a term it holds."""
from __future__ import annotations

from derive.check.recurrence import read
from derive.check.run import check_document
from derive import symbols as S

NOTE = r"""# Momentum

Initialize $V_{dw(0)} = 0$. At iteration $t$:

$$V_{dw(t)} = \beta V_{dw(t-1)} + (1-\beta)dW_{(t)}$$

At the first iteration,

$$V_{dw(1)} = \beta V_{dw(0)} + (1-\beta)dW_{(1)}$$

and at the second,

$$V_{dw(2)} = \beta V_{dw(1)} + (1-\beta)dW_{(2)}$$

$$= \beta^2 V_{dw(0)} + \beta(1-\beta)dW_{(1)} + (1-\beta)dW_{(2)}$$

In general,

$$V_{dw(k)} = \beta^k V_{dw(0)} + \beta^{k-1}(1-\beta)dW_{(1)} + \cdots + (1-\beta)dW_{(k)}$$

$$= \beta^k V_{dw(0)} + \sum_{i=1}^{k} \beta^{k-i}(1-\beta)dW_{(i)}$$
"""


def test_a_labelled_step_reads_as_a_step() -> None:
    ix = read(S.symbol("V_{dw(t-1)}"))
    assert ix is not None and (ix.letter, ix.offset) == ("t", -1)
    assert ix.at("t", 0).name == "V_{dw(t)}" and ix.at(None, 0).name == "V_{dw(0)}"
    w = read(S.symbol("W_{(1)}"))
    assert w is not None and w.letter is None and w.offset == 1 and w.at("t", 0).name == "W_{(t)}"


def test_the_instances_are_proved_and_the_sum_is_never_false() -> None:
    report = check_document("doc.md", NOTE)
    assert [f for f in report.findings if f.severity == "error"] == []
    verdicts = {k.line: k.verdict for k in report.links}
    assert [verdicts[line] for line in (9, 13, 15)] == ["proved", "proved", "proved"], verdicts


def test_a_slip_in_an_instance_is_found_on_its_line() -> None:
    slipped = NOTE.replace(r"V_{dw(2)} = \beta V_{dw(1)} + (1-\beta)dW_{(2)}", r"V_{dw(2)} = \beta V_{dw(1)} + (1-\beta)dW_{(1)}")
    assert slipped != NOTE
    errors = [(f.line, f.code) for f in check_document("doc.md", slipped).findings if f.severity == "error"]
    assert errors and errors[0] == (13, "math/false"), errors


def test_a_sum_holding_a_written_term_is_never_called_wrong_without_the_start() -> None:
    # with no start given, β^k V_{dw(0)} stays on both sides and the Σ holds the terms written around the ellipsis:
    # the term in dW_{(1)} is inside the sum, never "missing" from it
    text = NOTE.replace("Initialize $V_{dw(0)} = 0$. At iteration $t$:", "At iteration $t$:")
    assert text != NOTE
    report = check_document("doc.md", text)
    assert [f for f in report.findings if f.severity == "error"] == []
    line = text[:text.index(r"$$= \beta^k V_{dw(0)} + \sum")].count("\n") + 1
    assert [k.verdict for k in report.links if k.line == line] != ["false"]
