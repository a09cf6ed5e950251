"""The paper's Propositions 1-3, each decided two ways (symbolic and numeric)."""
from __future__ import annotations

import sympy as sp

from derive import theorems as T
from derive.cli import main
from derive.proof import numeric_difference


def test_proposition_1_holds_symbolically_and_numerically() -> None:
    th = T.proposition_1()
    assert th.holds and th.as_expected
    for a, b in zip(th.lhs, th.rhs):
        assert sp.simplify(a - b) == 0
        assert numeric_difference(a, b).status == "true"


def test_proposition_2_no_single_l2_coefficient() -> None:
    th = T.proposition_2()
    assert th.holds and th.witness is not None
    # λ w_i = α λ' w_i / s_i for both coordinates: no λ' when s₁ ≠ s₂, one when M = k·I.
    eqs = [T.lam - T.alpha * T.lam2 / T.s1, T.lam - T.alpha * T.lam2 / T.s2]
    assert sp.solve(eqs, [T.lam2], dict=True) == []
    assert sp.solve([e.subs(T.s2, T.s1) for e in eqs], [T.lam2], dict=True) == [{T.lam2: T.lam * T.s1 / T.alpha}]


def test_proposition_3_proof_form_holds_printed_form_does_not() -> None:
    proved, printed = T.proposition_3(), T.proposition_3(printed=True)
    assert proved.holds and all(sp.simplify(a - b) == 0 for a, b in zip(proved.lhs, proved.rhs))
    assert printed.fails and printed.as_expected
    # The printed form is right exactly when α = 1.
    assert all(sp.simplify((a - b).subs(T.alpha, 1)) == 0 for a, b in zip(printed.lhs, printed.rhs))


def test_cli_theorems(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["theorems"]) == 0
    out = capsys.readouterr().out
    assert out.count("[as expected]") == 4 and "does NOT hold" in out
