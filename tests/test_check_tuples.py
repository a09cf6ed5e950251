r"""Tuples, coordinates and indices as notes write them (:mod:`derive.check.tuples`): ``(w_1; …; w_d)``,
``(x_1, …, x_n)``, ``x^{(i)}`` under a sum, ``k = 0, 1, 2, …``. A correct copy is proved, a planted slip is
found false; what the model cannot see stays undecided."""
from __future__ import annotations

import pytest

from derive.check.latex import DOTS, parse_expr
from derive.check.run import check_document
from derive.check.vectors import Coords
from derive.symbols import symbol as S

NOTE = (
    "# Coordinates\n\n"
    "Column vectors are written with semicolons, $\\boldsymbol{x} = (x_{1};x_{2};...;x_{d})$.\n\n"  # line 3
    "$$(a; b) + 2 (c; d) = (a + 2c; b + 2d)$$\n\n"  # line 5
    "$$(x_1, x_2, \\dots, x_n) + (y_1, y_2, \\dots, y_n) = (x_1 + y_1, x_2 + y_2, \\dots, x_n + y_n)$$\n\n"  # line 7
    "$$\\eta (g_1, \\ldots, g_n) = (\\eta g_1, \\ldots, \\eta g_n)$$\n\n"  # line 9
    "The mean of the samples:\n\n"
    "$$\\frac{1}{m} \\sum_{i=1}^{m} (w x^{(i)} - y^{(i)}) x^{(i)} = "
    "\\frac{w}{m} \\sum_{i=1}^{m} (x^{(i)})^2 - \\frac{1}{m} \\sum_{i=1}^{m} y^{(i)} x^{(i)}$$\n\n"  # line 13
    "for the steps $t = 0, \\dots, T-1$.\n"  # line 15
)


def verdicts(text: str) -> dict[int, tuple[str, str]]:
    return {k.line: (k.verdict, k.reason) for k in check_document("doc.md", text).links}


def test_semicolon_tuples_and_tuples_with_an_ellipsis_are_read() -> None:
    assert parse_expr("(a; b; c)") == Coords(S("a"), S("b"), S("c"))
    value = parse_expr("(x_1, x_2, \\dots, x_n)^T")
    assert isinstance(value, Coords) and value.args[2] == DOTS and len(value.args) == 4
    column = parse_expr("\\begin{bmatrix} x_1 \\\\ \\vdots \\\\ x_n \\end{bmatrix}")
    assert isinstance(column, Coords) and column.args[1] == DOTS


def test_a_correct_copy_is_proved() -> None:
    got = verdicts(NOTE)
    assert got[3][0] == "not-a-claim"  # names the vector
    assert got[5] == ("proved", "coordinate by coordinate (2 coordinates)")
    assert got[7][0] == "proved" and "ellipsis stands for the same pattern" in got[7][1], got[7]
    assert got[9][0] == "proved", got[9]
    assert got[13][0] == "proved", got[13]
    assert got[15][0] == "not-a-claim" and got[15][1].startswith("a list of values"), got[15]


@pytest.mark.parametrize("line, right, slip", [
    (5, "(a + 2c; b + 2d)", "(a + 2c; b + d)"),
    (7, "x_2 + y_2, \\dots", "x_2 - y_2, \\dots"),
    (7, "x_n + y_n)$$", "x_n - y_n)$$"),
    (9, "\\eta g_n)$$", "g_n)$$"),
])
def test_a_planted_slip_is_false(line: int, right: str, slip: str) -> None:
    text = NOTE.replace(right, slip)
    assert text != NOTE
    report = check_document("doc.md", text)
    got = {k.line: (k.verdict, k.reason) for k in report.links}
    assert got[line][0] == "false", got[line]
    assert [f.line for f in report.findings if f.severity == "error"] == [line]


@pytest.mark.parametrize("claim", [
    "(x_1, \\dots, x_n) + (y_1, y_2, \\dots, y_n) = (x_1 + y_1, y_2, \\dots, x_n + y_n)",  # places differ
    "\\|(x_1, \\dots, x_n)\\|^2 = x_1^2 + x_n^2",  # the hidden coordinates count
    "\\langle (x_1, \\dots, x_n), (y_1, \\dots, y_n) \\rangle = x_1 y_1 + x_n y_n",
])
def test_what_the_ellipsis_hides_is_never_decided(claim: str) -> None:
    got = verdicts(f"# A\n\n$$\n{claim}\n$$\n")
    assert got[4][0] == "undecided", got


def test_a_decimal_comma_is_a_list_of_values_not_a_claim() -> None:
    got = verdicts("# A\n\nThe step size is\n\n$$\n\\eta = 0,05\n$$\n")
    assert [v for v, why in got.values()] == ["not-a-claim"] and "decimal comma" in got[6][1], got


SUMS = (
    "# Sums over an index set\n\n"
    "$$\\sum_{j \\neq y} (2 u_j - v_j) = 2 \\sum_{j \\neq y} u_j - \\sum_{j \\neq y} v_j$$\n\n"  # line 3
    "$$\\sum_{k=1}^{n} (x^{(k)} + \\eta g^{(k)}) = \\sum_{k=1}^{n} x^{(k)} + \\eta \\sum_{k=1}^{n} g^{(k)}$$\n"  # line 5
)


@pytest.mark.parametrize("line, right, slip, verdict", [
    (3, "- \\sum_{j \\neq y} v_j$$", "+ \\sum_{j \\neq y} v_j$$", "false"),
    # over a written range 1…n a difference may be an equation the note solves (w Σ x_i² = Σ y_i x_i):
    # proved term by term, never refuted
    (5, "+ \\eta \\sum_{k=1}^{n} g^{(k)}$$", "+ 2 \\eta \\sum_{k=1}^{n} g^{(k)}$$", "undecided"),
])
def test_sums_over_one_range_are_proved_term_by_term(line: int, right: str, slip: str, verdict: str) -> None:
    got = verdicts(SUMS)
    assert got[line][0] == "proved" and "term by term" in got[line][1], got
    text = SUMS.replace(right, slip)
    assert text != SUMS
    assert verdicts(text)[line][0] == verdict


def test_an_equation_solved_with_sums_is_not_refuted() -> None:
    text = ("# A\n\nSetting the derivative to zero,\n\n$$\nw\\sum_{i=1}^{m}x_i^2 = \\sum_{i=1}^{m}y_ix_i-"
            "\\sum_{i=1}^{m}bx_i\n$$\n")
    assert verdicts(text)[6][0] != "false"


def test_a_sum_against_a_named_total_is_a_constraint_not_refuted() -> None:
    got = verdicts("# A\n\nThe weights satisfy\n\n$$\n\\sum_{k=1}^{n} p^{(k)} = 2\n$$\n")
    assert got[6][0] != "false", got


def test_parameters_after_a_semicolon_are_arguments() -> None:
    text = "# A\n\n$$\nf(x; W) + 2 f(x; W) = 3 f(x; W)\n$$\n"
    assert verdicts(text)[4][0] == "proved"
    slip = verdicts(text.replace("= 3 f", "= 2 f"))[4]  # f(x, W) may be a product: a slip is never false
    assert slip[0] == "undecided" and "product" in slip[1], slip
