r"""Tuples and inner products in notes: a correct copy is proved, a planted slip is found or left undecided
as the model allows (:mod:`derive.check.vectors`)."""
from __future__ import annotations

import sympy as sp

from derive.check.latex import Norm
from derive.check.run import check_document
from derive.check.vectors import Coords, Inner, Rows, linear_inner, reduce_coords
from derive.symbols import symbol as S

TUPLES = (
    "# Tuples\n\n"
    "Let the weights be $w = (1, \\varepsilon)$ with a small $\\varepsilon > 0$, and take a step $\\delta > 0$. Then\n\n"
    "$$\\|w - (\\delta, 0)\\|_2^2 = 1 - 2 \\delta + \\delta^2 + \\varepsilon^2 .$$\n\n"          # line 5
    "The point moves: $(1, \\varepsilon) + 2 (\\delta, 0) = (1 + 2\\delta, \\varepsilon)$.\n\n"  # line 7
    "# Inner products\n\n"
    "For vectors $w$, $v$, $x$ and a number $\\alpha$,\n\n"
    "$$\\langle w + \\alpha v, x \\rangle = \\langle w, x \\rangle + \\alpha \\langle v, x \\rangle .$$\n\n"  # line 13
    "Hence $\\langle (1, 2), (\\delta, \\varepsilon) \\rangle = \\delta + 2\\varepsilon$.\n"  # line 15
)


def verdicts(text: str) -> dict[int, tuple[str, str]]:
    return {k.line: (k.verdict, k.reason) for k in check_document("doc.md", text).links}


def test_correct_tuples_and_inner_products_are_proved() -> None:
    got = verdicts(TUPLES)
    assert got[3][0] == "not-a-claim"  # w = (1, ε) names the tuple
    assert got[5][0] == "proved"
    assert got[7] == ("proved", "coordinate by coordinate (2 coordinates)")
    assert got[13][0] == "proved"
    assert got[15][0] == "proved"


def test_planted_slips_in_tuples_are_false() -> None:
    slips = {
        5: ("1 - 2 \\delta + \\delta^2", "1 - \\delta + \\delta^2"),
        7: ("(1 + 2\\delta, \\varepsilon)$", "(1 + 2\\delta, 2\\varepsilon)$"),
        15: ("= \\delta + 2\\varepsilon$", "= 2\\delta + \\varepsilon$"),
    }
    for line, (right, slip) in slips.items():
        text = TUPLES.replace(right, slip)
        assert text != TUPLES
        report = check_document("doc.md", text)
        got = {k.line: k.verdict for k in report.links}
        assert got[line] == "false", (line, got)
        assert [f.line for f in report.findings if f.severity == "error" and f.code == "math/false"] == [line]


def test_an_inner_product_slip_is_never_called_false() -> None:
    # only bilinearity and symmetry are modelled: a difference may be a fact about vectors not modelled
    text = TUPLES.replace("+ \\alpha \\langle v, x \\rangle .$$", "+ \\langle v, x \\rangle .$$")
    got = verdicts(text)
    assert got[13][0] != "false" and got[13][0] != "proved"


def test_a_tuple_next_to_an_unknown_vector_is_undecided() -> None:
    text = "# A\n\nFor a vector $u$ and a step $\\delta$, we get $\\|u - (\\delta, 0)\\|^2 = u^2 - 2 u \\delta + \\delta^2$.\n"
    ((line, (verdict, reason)),) = verdicts(text).items()
    assert verdict == "undecided" and "coordinates are not known" in reason


def test_tuples_of_different_lengths_are_undecided() -> None:
    got = verdicts("# A\n\nFor a step $\\delta$.\n\nHence $(1, \\delta) = (1, \\delta, 0)$.\n")
    assert got[5] == ("undecided", "tuples or matrices of different shapes")


def test_reduction_uses_coordinates_and_only_scalars_multiply_a_tuple() -> None:
    a, b, d, w = S("a"), S("b"), S(r"\delta"), S("w")
    scalar = {d}.__contains__
    assert reduce_coords(Coords(a, b) - 2 * Coords(d, 0), scalar) == Coords(a - 2 * d, b)
    assert reduce_coords(Norm(Coords(3, 4)), scalar) == 5
    assert reduce_coords(Norm(Coords(a, -b), 1), scalar) == sp.Abs(a) + sp.Abs(b)
    assert reduce_coords(Inner(Coords(a, b), Coords(1, 2)), scalar) == a + 2 * b
    assert reduce_coords(w * Coords(a, b), scalar).has(Coords)   # w may be a vector: kept as written
    assert reduce_coords(w + Coords(a, b), scalar).has(Coords)


def test_linear_inner_pulls_out_scalars_only() -> None:
    v, x, alpha, theta = S("v"), S("x"), S(r"\alpha"), S(r"\theta")
    name = lambda e: sp.Symbol("<" + str(e) + ">")  # noqa: E731
    scalar = {alpha}.__contains__
    assert linear_inner(Inner(alpha * v, x), scalar, name) == alpha * name(v * x)
    assert linear_inner(Inner(theta * v, x), scalar, name) == name(theta * v * x)
    assert linear_inner(Inner(alpha, x), scalar, name) == alpha * name(x)  # Σ α x_k = α Σ x_k


def test_the_norm_of_a_tuple_needs_signs_so_it_is_never_called_false() -> None:
    # ‖w − (0, δ)‖₁ = 1 − δ + ε holds when δ < ε, which the prose says in words
    text = ("# A\n\nLet $w = (1, \\varepsilon)$ and take a step $\\delta$ with $0 < \\delta < \\varepsilon$. Then\n\n"
            "$$\\|w - (0, \\delta)\\|_1 = 1 - \\delta + \\varepsilon .$$\n")
    verdict, reason = verdicts(text)[5]
    assert verdict == "undecided" and "signs" in reason


MATRIX = (
    "# Momentum on a quadratic\n\n"
    "$$\n\\begin{aligned}\nv_{t+1} &= \\beta v_t + \\lambda x_t, \\\\\nx_{t+1} &= x_t - \\eta v_{t+1}.\n\\end{aligned}\n$$\n\n"
    "In matrix form this reads\n\n"
    "$$\n\\begin{bmatrix} v_{t+1} \\\\ x_{t+1} \\end{bmatrix} =\n"
    "\\begin{bmatrix} \\beta & \\lambda \\\\ -\\eta \\beta & (1 - \\eta \\lambda) \\end{bmatrix}\n"  # line 14
    "\\begin{bmatrix} v_{t} \\\\ x_{t} \\end{bmatrix}.\n$$\n"
)


def test_a_matrix_times_a_vector_is_checked_row_by_row() -> None:
    got = verdicts(MATRIX)
    assert got[14] == ("proved", "coordinate by coordinate (2 coordinates)")
    slip = MATRIX.replace("(1 - \\eta \\lambda)", "(1 + \\eta \\lambda)")
    assert slip != MATRIX
    report = check_document("doc.md", slip)
    assert verdicts(slip)[14][0] == "false"
    assert [f.line for f in report.findings if f.code == "math/false"] == [14]


def test_matrices_add_and_scale_entry_by_entry() -> None:
    a, b, d = S("a"), S("b"), S(r"\delta")
    m = Rows(Coords(a, 0), Coords(0, b))
    assert reduce_coords(m + d * m, {d}.__contains__) == Rows(Coords(a + d * a, 0), Coords(0, b + d * b))


def test_tuples_and_matrices_of_numbers_are_arithmetic_not_conditions() -> None:
    cases = [
        ("$(1, 2) + (3, 4) = (4, 6)$", "$(1, 2) + (3, 4) = (4, 7)$"),
        ("$\\|(3, 4)\\| = 5$", "$\\|(3, 4)\\| = 6$"),
        ("$\\langle (1, 2), (3, 4) \\rangle = 11$", "$\\langle (1, 2), (3, 4) \\rangle = 12$"),
        ("$\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix} \\begin{bmatrix} 1 \\\\ 1 \\end{bmatrix} = "
         "\\begin{bmatrix} 3 \\\\ 7 \\end{bmatrix}$",
         "$\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix} \\begin{bmatrix} 1 \\\\ 1 \\end{bmatrix} = "
         "\\begin{bmatrix} 3 \\\\ 8 \\end{bmatrix}$"),
    ]
    for right, slip in cases:
        assert verdicts(f"# A\n\nHence {right}.\n")[3][0] == "proved", right
        assert verdicts(f"# A\n\nHence {slip}.\n")[3][0] == "false", slip


def test_a_condition_on_a_tuple_with_unknowns_stays_a_condition() -> None:
    verdict, reason = verdicts("# A\n\nWe need $(x, y) = (0, 0)$.\n")[3]
    assert verdict == "not-a-claim"
