r"""Names braced the way equation editors write them (MathType, Typora): ``{ x }_{ new }``, ``{{\theta }_{0}}``,
``{{y}^{(i)}}``. TeX sets ``{x}_{t}`` exactly as ``x_t``, so the reader drops the braces around one name when a
script, a prime, an argument list or a factor attaches to it; it never stacks two scripts (``{x_1}_2``)."""

from __future__ import annotations

import pytest

from derive.check.latex import parse_block
from derive.check.run import check_document
from derive.symbols import symbol as S


def _sides(text: str) -> list[object]:
    block = parse_block(text)
    return [term.expr for statement in block.statements for term in statement.terms]


@pytest.mark.parametrize("braced, bare", [
    (r"{ x }_{ k+1 } = { x }_{ k }", r"x_{k+1} = x_{k}"),
    (r"{{\theta }_{0}} = {{\theta }_{1}}", r"\theta_{0} = \theta_{1}"),
    (r"{{y}^{(i)}} = {{x}^{\left( i \right)}}", r"y^{(i)} = x^{(i)}"),
    (r"{{x}_{2}} = {{x}_{3}}^{2}", r"x_{2} = x_{3}^{2}"),
    (r"{ f }^{ \prime }\left( { x }_{ k } \right) = 0", r"f'(x_{k}) = 0"),
    (r"{x'}' = y", r"x'' = y"),
])
def test_a_braced_name_reads_as_the_bare_name(braced: str, bare: str) -> None:
    assert _sides(braced) == _sides(bare)
    assert None not in _sides(braced)


@pytest.mark.parametrize("text", [r"{x_1}_2 = y", r"{x_{t}}_{k} = y"])
def test_two_subscripts_are_never_stacked(text: str) -> None:
    assert _sides(text)[0] is None


def test_a_group_that_is_not_one_name_keeps_its_reading() -> None:
    assert _sides(r"{a+b}^{2} = c") == [(S("a") + S("b")) ** 2, S("c")]
    assert _sides(r"{x^*}^{2} = c")[0] == S("x^{*}") ** 2


NOTE = r"""
# Mean squared error, one example

The residual of example $i$ is ${{r}^{(i)}} = {{h}_{\theta}} - {{y}^{(i)}}$, and expanding the square gives

$$
{{\left( {{h}_{\theta }}-{{y}^{\left( i \right)}} \right)}^{2}} = {{h}_{\theta}}^{2} - 2{{h}_{\theta}}{{y}^{(i)}} + {{\left( {y}^{(i)} \right)}^{2}}
$$

The update is

$$
{ x }_{ k+1 } = { x }_{ k } - \alpha { g }_{ k }
$$

so that

$$
{ x }_{ k+1 } - { x }_{ k } = -\alpha { g }_{ k }
$$
"""

#: Two planted slips: the sign of the cross term, and the sign of the step.
SLIP = NOTE.replace(r"- 2{{h}_{\theta}}", r"+ 2{{h}_{\theta}}").replace(r"= -\alpha { g }_{ k }", r"= \alpha { g }_{ k }")


def _verdicts(text: str) -> dict[int, str]:
    return {k.line: k.verdict for k in check_document("doc.md", text).links if k.verdict != "not-a-claim"}


def test_a_note_in_braced_names_is_proved() -> None:
    assert _verdicts(NOTE) == {7: "proved", 19: "proved"}


def test_planted_slips_in_braced_names_are_found() -> None:
    assert _verdicts(SLIP) == {7: "false", 19: "false"}
