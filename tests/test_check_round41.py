"""Readings added in stop 45. Fixtures are written here, in my own words and symbols (the notes themselves are not
stored); each has a correct copy and a slip."""
from __future__ import annotations

import pytest

from derive.check.imaginary import imaginary_letter
from fixture_docs import as_sections as _as, error_lines, line_of as _line, slipped, verdicts_at as _verdicts

# -- the imaginary unit, made so by the document ------------------------------------------------------------------
CHARACTERISTIC = r"""# Characteristic functions

Here $i$ is the imaginary unit. The characteristic function of a point mass at $a$ is

$$\varphi(t) = e^{i t a}$$

Its derivatives at zero give the moments:

$$\varphi'(0) = i a$$

$$\varphi''(0) = -a^2$$

Worked by hand, the product of two such factors is

$$-\left\{ i a (i a + i) \right\} = a^2 + a$$

and the index of a sum stays an index:

$$\sum_{i=1}^{n} i = \frac{n(n+1)}{2}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_letter_the_prose_calls_the_imaginary_unit_squares_to_minus_one(name: str) -> None:
    text = _as(name, CHARACTERISTIC)
    assert error_lines(name, text) == []
    for snippet in (r"\varphi'(0) = ", r"\varphi''(0) = ", r"-\left\{ i a", r"\sum_{i=1}^{n} i = "):
        assert [v for v, _ in _verdicts(name, text, snippet)] == ["proved"], snippet


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [(r"\varphi''(0) = -a^2", r"\varphi''(0) = a^2"),
                                      (r"\varphi'(0) = i a", r"\varphi'(0) = 2 i a"),  # both sides imaginary
                                      (r"= a^2 + a$$", r"= a^2 - a$$")])
def test_a_slip_with_the_imaginary_unit_is_false_on_its_line(name: str, old: str, new: str) -> None:
    text = slipped(_as(name, CHARACTERISTIC), old, new)
    assert error_lines(name, text) == [(_line(text, new), "math/false")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_document_that_never_says_so_keeps_i_a_real_letter(name: str) -> None:
    # without the words, i is a letter like any other: −i²a² is not −a², and the line is read as a slip
    text = slipped(_as(name, CHARACTERISTIC), "Here $i$ is the imaginary unit. ", "")
    assert (_line(text, r"\varphi''(0) = "), "math/false") in error_lines(name, text)


@pytest.mark.parametrize("formula, prose, letter", [
    (r"i^2 = -1", "", "i"),
    (r"i^{2} = −1", "", "i"),
    (r"j = \sqrt{-1}", "", "j"),
    (r"\sqrt{-1} = i", "", "i"),
    ("x = 1", "где $i$ — мнимая единица, а", "i"),
    ("x = 1", "ここで $i$ は虚数単位である", "i"),
    ("x = 1", "the imaginary unit $j$ of electrical engineers", "j"),
])
def test_the_imaginary_unit_is_read_from_its_property_or_its_name(formula: str, prose: str, letter: str) -> None:
    assert imaginary_letter([formula], prose) == letter


@pytest.mark.parametrize("formula, prose", [
    (r"x_i^2 = -1", ""),  # a subscript, not the letter
    (r"\pi^2 = -1", ""),
    (r"i^2 = -10", ""),
    ("x = 1", "the imaginary unit is written $i$ or $j$"),  # which letter? none is taken
    ("x = 1", "the index $i$ runs over the samples"),
])
def test_other_letters_and_plain_indices_are_not_the_imaginary_unit(formula: str, prose: str) -> None:
    assert imaginary_letter([formula], prose) is None
