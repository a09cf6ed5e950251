"""A norm against the sum over its coordinates (``\\|w\\|_2^2 = \\sum_{i=1}^d w_i^2``), in Markdown and LaTeX."""
from __future__ import annotations

import pytest

from derive.check.run import check_document

GOOD = [r"\|w\|_2^2 = \sum_{i = 1}^d w_i^2", r"\|x\| = \sqrt{\sum_{j=1}^{n} x_j^2}",
        r"\lambda \|w\|^2 = \lambda \sum_{i=1}^d w_i^2"]
SLIPS = [r"\|w\|_2 = \sum_{i = 1}^d w_i^2", r"\|x\|^2 = \sum_{j=1}^{n} x_j", r"\|w\|_2^2 = \sum_{i=1}^d 2 w_i^2"]


def page(formula: str, latex: bool) -> tuple[str, str]:
    if latex:
        return "n.tex", f"\\documentclass{{article}}\n\\begin{{document}}\nThe norm:\n\\[ {formula} \\]\n\\end{{document}}\n"
    return "n.md", f"The norm:\n\n$$\n{formula}\n$$\n"


@pytest.mark.parametrize("latex", [False, True])
@pytest.mark.parametrize("formula", GOOD)
def test_a_norm_written_as_its_coordinates_is_proved(formula: str, latex: bool) -> None:
    report = check_document(*page(formula, latex))
    assert [k.verdict for k in report.links] == ["proved"], [(k.verdict, k.reason) for k in report.links]
    assert not [f for f in report.findings if f.severity == "error"]


@pytest.mark.parametrize("latex", [False, True])
@pytest.mark.parametrize("formula", SLIPS)
def test_a_lost_root_or_square_is_false_on_its_line(formula: str, latex: bool) -> None:
    report = check_document(*page(formula, latex))
    [error] = [f for f in report.findings if f.severity == "error"]
    assert (error.line, error.code) == (4, "math/false")
    assert "at d = 1" in error.message or "at n = 1" in error.message
    assert [k.verdict for k in report.links] == ["false"]


def test_other_norms_are_not_read_as_euclidean() -> None:
    report = check_document("n.md", "The norm:\n\n$$\\|w\\|_1 = \\sum_{i=1}^d w_i^2$$\n")
    errors = [f for f in report.findings if f.severity == "error"]
    assert [k.verdict for k in report.links] == ["false"]  # ‖w‖_1 is Σ|w_i|, not the sum of squares
    assert "the sum of the absolute values of the coordinates" in errors[0].message
    report = check_document("n.md", "The norm:\n\n$$\\|w\\|_\\infty = \\sum_{i=1}^d w_i^2$$\n")
    assert [k.verdict for k in report.links] != ["false"]
    assert not [f for f in report.findings if f.severity == "error"]
