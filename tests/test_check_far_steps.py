r"""A claim about a far step of a recurrence (``v_{100} = 0.1\theta_{100} + 0.9v_{99}``) with the start stated
(``v_0 = 0``) is read down to the lowest step it writes, not part of the way to ``v_0``: unrolling stops after a
fixed number of steps, and two sides cut at different steps looked different (false errors on unseen notes)."""
from __future__ import annotations

from derive.check.run import check_document

NOTE = r"""# EMA

We start from $v_0 = 0$ and average with $$v_t = \beta v_{t-1} + (1 - \beta)\theta_t$$

Let $\beta = 0.9$ and write the steps backwards:

$$v_{100} = 0.1\theta_{100} + 0.9v_{99}$$

so that, substituting $v_{99} = 0.1\theta_{99} + 0.9v_{98}$, we get

$$v_{100} = 0.1\theta_{100} + 0.9(0.1\theta_{99} + 0.9v_{98})$$
"""


def test_far_steps_are_proved_with_the_value_given() -> None:
    report = check_document("doc.md", NOTE)
    assert [f for f in report.findings if f.severity == "error"] == []
    claims = [k for k in report.links if k.left.startswith("v_{")]
    assert claims and all(k.verdict == "proved" for k in claims), [(k.line, k.verdict, k.reason) for k in claims]


def test_a_slip_at_a_far_step_is_found_on_its_line() -> None:
    slipped = NOTE.replace(r"0.9(0.1\theta_{99} + 0.9v_{98})", r"0.9(0.2\theta_{99} + 0.9v_{98})")
    assert slipped != NOTE
    errors = [f for f in check_document("doc.md", slipped).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(11, "math/false")]
    assert "coefficient of θ_{99}" in errors[0].message  # the term that differs at β = 0.9, not θ_{100} against a symbolic 1 − β
