r"""A first-order condition worked on display after display, the way least-squares notes solve it by hand.

* A value named anew in new names (``\alpha = \bar y - \beta \bar x`` after the solved ``\alpha``) is in force from
  there on: "now substituting for α" is then a rewrite of the condition before it, and proved.
* A display introduced by a paragraph that leads into it ("and rearranging terms", no full stop) takes those words
  as its own: a rewrite the prose announces that does not hold where the condition before it holds (a sign slip)
  is ``math/false`` on its line; without such words a new condition may as well start there, and it stays one.
"""
from __future__ import annotations

import pytest

from derive.check.run import check_document

NOTES = r"""# Least squares by hand

The cost is $C = \sum_{i=1}^{N} (y_i - \alpha - \beta x_i)^2$. Setting the derivative in $\alpha$ to zero,

$$
0 = \sum_{i=1}^{N}{-2(y_i - \alpha - \beta x_i)}
$$

and dividing by $-2$ and solving,

$$
\alpha = \frac{\sum_{i=1}^{N}{y_i} - \beta \sum_{i=1}^{N}{x_i}}{N}
$$

Both fractions are the means $\bar{y}$ and $\bar{x}$:

$$
\alpha = \bar{y} - \beta\bar{x}
$$

Setting the derivative in $\beta$ to zero,

$$
0 = \sum_{i=1}^{N}{(x_i y_i - \alpha x_i - \beta x_i^2)}
$$

now substituting for $\alpha$

$$
0 = \sum_{i=1}^{N}{(x_i y_i - (\bar{y} - \beta \bar{x}) x_i - \beta x_i^2)}
$$

and rearranging terms

$$
0 = \sum_{i=1}^{N}{(x_i y_i - \bar{y} x_i + \beta \bar{x} x_i - \beta x_i^2)}
$$
"""
GOOD = r"0 = \sum_{i=1}^{N}{(x_i y_i - \bar{y} x_i + \beta \bar{x} x_i - \beta x_i^2)}"
SLIP = r"0 = \sum_{i=1}^{N}{(x_i y_i - \bar{y} x_i - \beta \bar{x} x_i - \beta x_i^2)}"


def _links(text: str) -> dict[int, tuple[str, str]]:
    return {k.line: (k.verdict, k.reason) for k in check_document("doc.md", text).links}


def _errors(text: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_document("doc.md", text).findings if f.severity == "error"]


def test_the_substitution_and_the_rearrangement_are_proved_rewrites() -> None:
    links = _links(NOTES)
    assert _errors(NOTES) == []
    for line in (30, 36):
        verdict, reason = links[line]
        assert verdict == "proved" and reason.startswith("a rewrite of the condition"), (line, reason)


@pytest.mark.parametrize("lead", ["and rearranging terms", "Rearranging the terms, we get:", "и, упростив,"])
def test_a_rearrangement_that_does_not_follow_is_found_on_its_line(lead: str) -> None:
    text = NOTES.replace(GOOD, SLIP).replace("and rearranging terms", lead)
    assert SLIP in text
    assert _errors(text) == [(36, "math/false")]


def test_without_words_that_announce_a_rewrite_a_new_condition_stays_one() -> None:
    text = NOTES.replace(GOOD, SLIP).replace("and rearranging terms", "Next, the other equation.")
    assert _errors(text) == []
    assert _links(text)[36][0] == "not-a-claim"
