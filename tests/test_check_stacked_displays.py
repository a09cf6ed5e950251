r"""Displays written one under the other with nothing between them, each restating one name, are the rows of one
computation (as in an ``align*``): each is checked against the row before it, so a worked step is proved and a slip
in its arithmetic is found on its line; words between two displays keep them two statements."""
from __future__ import annotations

from derive.check.run import check_document

STEPS = r"""# Paso 1

Con $\beta = 0.9$ y $v_0 = 0$:

$$v_1 = \beta v_0 + (1 - \beta) g$$
$$v_1 = 0.9 \cdot 0 + (1 - 0.9) \cdot (-0.00793)$$
$$v_1 = 0 + 0.1 \cdot (-0.00793)$$
$$v_1 = -0.000793$$
"""


def _verdicts(text: str) -> dict[int, str]:
    return {k.line: k.verdict for k in check_document("doc.md", text).links if k.left == "v_1"}


def test_stacked_rows_are_one_computation() -> None:
    verdicts = _verdicts(STEPS)
    assert verdicts[7] == "proved" and verdicts[8] == "proved", verdicts
    assert not [f for f in check_document("doc.md", STEPS).findings if f.severity == "error"]


def test_a_slip_in_a_stacked_row_is_found_on_its_line() -> None:
    slipped = STEPS.replace("v_1 = -0.000793", "v_1 = -0.00793")
    errors = [(f.line, f.code) for f in check_document("doc.md", slipped).findings if f.severity == "error"]
    assert errors == [(8, "math/false")]


def test_words_between_displays_keep_them_apart() -> None:
    apart = STEPS.replace("$$v_1 = 0 + 0.1", "which is\n\n$$v_1 = 0 + 0.1")
    reasons = [k.reason for k in check_document("doc.md", apart).links if k.line == 9]
    assert reasons and not any("restated: the previous row" in r for r in reasons), reasons


SYMBOLIC = r"""# Paso 1

Con $v_0 = 0$:

$$v_1 = \beta v_0 + (1 - \beta) g_1$$
$$v_1 = (1 - \beta) g_1$$
"""


def test_stacked_symbolic_rows_are_one_computation() -> None:
    # no numbers to carry out: only reading the rows as one computation makes the second a claim about the first
    reasons = [(k.verdict, k.reason) for k in check_document("doc.md", SYMBOLIC).links if k.line == 6]
    assert reasons == [("proved", "v_{1} restated: the previous row (line 5) = this row; symbolically equal; equal at 4 random points")], reasons
    # a row that differs may start another computation (no word says it follows): never proved, and not an error
    slipped = SYMBOLIC.replace("$$v_1 = (1 - \\beta) g_1$$", "$$v_1 = (1 + \\beta) g_1$$")
    assert _verdicts(slipped)[6] == "undecided"
