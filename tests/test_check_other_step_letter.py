r"""A recurrence written at step ``t`` and a claim about it at a step the text calls ``k`` (``v_k = β^{k-1}(1-β)g_1 +
… + (1-β)g_k``): the claim is the rule at that step, checked as if written at ``t`` — proved, or its first wrong
term found — unless ``k`` has a value or a definition of its own."""
from __future__ import annotations

from derive.check.run import check_document

NOTE = r"""# EMA

With $v_0 = 0$, the average is

$$v_t = \beta v_{t-1} + (1-\beta) g_t$$

Unrolled, at the $k$-th step,

$$v_k = \beta^{k-1}(1-\beta) g_1 + \beta^{k-2}(1-\beta) g_2 + \cdots + (1-\beta) g_k$$
"""


def _verdict(text: str) -> tuple[str, str]:
    (link,) = [k for k in check_document("doc.md", text).links if k.line == 9]
    return link.verdict, link.reason


def test_the_rule_at_a_step_called_k_is_proved() -> None:
    verdict, reason = _verdict(NOTE)
    assert verdict == "proved" and "at a step called k" in reason, reason


def test_a_wrong_term_at_step_k_is_found() -> None:
    slipped = NOTE.replace(r"\beta^{k-2}(1-\beta) g_2", r"\beta^{k-1}(1-\beta) g_2")
    assert slipped != NOTE
    errors = [(f.line, f.code) for f in check_document("doc.md", slipped).findings if f.severity == "error"]
    assert errors and errors[0][0] == 9, errors


def test_a_k_with_a_value_of_its_own_is_not_renamed() -> None:
    text = NOTE.replace("Unrolled, at the $k$-th step,", "Take $k = 3$. Then")
    assert "at a step called k" not in _verdict(text)[1]


def _closed(letter: str, body: str) -> str:
    return (f"# EMA\n\n$$ v_{letter} = \\beta v_{{{letter}-1}} + (1-\\beta) g_{{{letter}-1}} $$\n\n"
            f"where $v_0 = 0$. It expands as\n$$ v_{letter} = (1-\\beta) \\sum_{{i=0}}^{{{letter}-1}} {body} $$\n")


def test_a_closed_form_is_proved_by_induction_whatever_letter_the_rule_steps_by() -> None:
    for letter in "tkn":
        good = _closed(letter, f"\\beta^i g_{{{letter}-1-i}}")
        assert [k.verdict for k in check_document("doc.md", good).links if k.line == 6] == ["proved"], letter
        bad = _closed(letter, f"\\beta^{{i+1}} g_{{{letter}-1-i}}")
        assert [k.verdict for k in check_document("doc.md", bad).links if k.line == 6] == ["false"], letter


def test_a_function_of_the_summed_iterate_is_undecided_not_false() -> None:
    # ∇f(x_{k-1-i}) read as one opaque name hides i from the sum: never computed wrong, so never "false"
    text = _closed("k", "\\beta^i \\nabla f(x_{k-1-i})").replace("g_{k-1} $$", "\\nabla f(x_{k-1}) $$")
    (link,) = [k for k in check_document("doc.md", text).links if k.line == 6]
    assert link.verdict == "undecided" and "summed quantity" in link.reason, link.reason


def test_a_closed_form_over_iterates_written_with_a_bracketed_superscript() -> None:
    text = ("# EMA\n\n$$ v^{(k)} = \\beta v^{(k-1)} + (1-\\beta) g^{(k-1)} $$\n\n"
            "where $v^{(0)} = 0$. It expands as\n$$ v^{(k)} = (1-\\beta) \\sum_{i=0}^{k-1} \\beta^i g^{(k-1-i)} $$\n")
    assert [k.verdict for k in check_document("doc.md", text).links if k.line == 6] == ["proved"]
    bad = text.replace("\\beta^i g^{(k-1-i)}", "\\beta^i g^{(k-i)}")
    assert [k.verdict for k in check_document("doc.md", bad).links if k.line == 6] == ["false"]
