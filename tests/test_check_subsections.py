"""A subsection sees what the section around it defined; a sibling section does not.

Notes define an update rule under "## Momentum" and unroll it under "### Unrolling": the unrolled form is a
claim about that rule. Every heading used to start a scope of its own, so the subsection's formula was read as
a new naming and never compared. A sibling ("## Adam") is another method and still starts afresh.
"""
from __future__ import annotations

import pytest

from derive.check.document import heading_levels
from derive.check.run import check_document

NOTES = r"""{top} Momentum

$$
\begin{{aligned}}
v_t &= \beta v_{{t-1}} + (1-\beta) g_t \\
w_t &= w_{{t-1}} - \eta v_t
\end{{aligned}}
$$

{sub} Unrolling

The buffer unrolls as
$$
v_t = \beta^2 v_{{t-2}} + \beta(1-\beta) g_{{t-1}} + (1-\beta) g_t
$$

{top} Adam

The second moment is $v_t = \beta v_{{t-1}} + g_t^2$.
"""
UNROLLED = r"v_t = \beta^2 v_{t-2} + \beta(1-\beta) g_{t-1} + (1-\beta) g_t"
LINE = NOTES.format(top="##", sub="###").split("\n").index(UNROLLED) + 1


def _verdict(text: str, line: int, name: str = "doc.md") -> tuple[str, str]:
    (link,) = [k for k in check_document(name, text).links if k.line == line]
    return link.verdict, link.reason


@pytest.mark.parametrize("top, sub", [("##", "###"), ("#", "##"), ("#", "####")])
def test_a_subsection_claim_is_checked_against_the_rule_around_it(top: str, sub: str) -> None:
    text = NOTES.format(top=top, sub=sub)
    assert _verdict(text, LINE)[0] == "proved"
    slipped = text.replace(r"\beta(1-\beta) g_{t-1}", r"(1-\beta) g_{t-1}")
    assert _verdict(slipped, LINE)[0] == "false"
    # the sibling section defines its own v_t: a naming, not a slip against momentum's
    assert _verdict(text, text.split("\n").index("The second moment is $v_t = \\beta v_{t-1} + g_t^2$.") + 1) \
        == ("not-a-claim", "definition (a naming)")


def test_a_sibling_section_does_not_see_the_rule() -> None:
    text = NOTES.format(top="##", sub="##")  # "## Unrolling" is a section of its own, beside Momentum
    assert _verdict(text, LINE)[0] == "not-a-claim"


def test_the_same_holds_for_latex_sectioning() -> None:
    body = NOTES.format(top="##", sub="###").replace("## Momentum", r"\section{Momentum}")
    body = body.replace("### Unrolling", r"\subsection{Unrolling}").replace("## Adam", r"\section{Adam}")
    body = body.replace("$$\n\\begin{aligned}", "\\begin{align*}").replace("\\end{aligned}\n$$", "\\end{align*}")
    body = body.replace("$$\nv_t = \\beta^2", "\\[\nv_t = \\beta^2").replace("g_t\n$$", "g_t\n\\]")
    line = body.split("\n").index(UNROLLED) + 1
    assert _verdict(body, line, "doc.tex")[0] == "proved"


def test_heading_levels_are_read_from_markdown_and_latex() -> None:
    assert heading_levels("# A\n## B\nSetext\n---\n", (1, 2, 3), "markdown") == (1, 2, 2)
    assert heading_levels("\\section{A}\n\\subsection*{B}\n", (1, 2), "latex") == (2, 3)


def test_a_subsection_named_for_a_method_starts_afresh() -> None:
    # "## Optimizer 2: Adam" under the tour's title is Adam's own section, not part of the title's SGD rule
    text = ("# A tour of optimizers\n\n$$\\theta_{t+1} = \\theta_t - \\eta g_t$$\n\n"
            "## Optimizer 2: Adam\n\nThis gives the Adam step:\n\n"
            "$$\\theta_{t+1} = \\theta_t - 2 \\eta g_t$$\n")
    assert [f for f in check_document("doc.md", text).findings if f.severity == "error"] == []
    # a subsection named for no method still reads the rule around it: a slip there is found
    plain = text.replace("## Optimizer 2: Adam", "## Details")
    assert [f.code for f in check_document("doc.md", plain).findings if f.severity == "error"] == ["math/false"]

