"""The raw moments of the stated laws (derive.check.stated_laws) against SymPy's own distributions, and the
reading of ``X \\sim …`` in the notes' spellings."""
from __future__ import annotations

import pytest
import sympy as sp
import sympy.stats as st

from derive.check import stated_laws
from derive.check.stated_laws import Law

_CASES = [
    ("normal", (sp.Rational(3, 2), sp.Rational(5, 4)), lambda: st.Normal("Z", sp.Rational(3, 2), sp.sqrt(sp.Rational(5, 4)))),
    ("uniform", (sp.Rational(-1, 2), sp.Integer(2)), lambda: st.Uniform("Z", sp.Rational(-1, 2), 2)),
    ("exponential", (sp.Rational(7, 3),), lambda: st.Exponential("Z", sp.Rational(7, 3))),
    ("bernoulli", (sp.Rational(2, 7),), lambda: st.Bernoulli("Z", sp.Rational(2, 7))),
    ("poisson", (sp.Rational(5, 2),), lambda: st.Poisson("Z", sp.Rational(5, 2))),
    ("binomial", (sp.Integer(6), sp.Rational(1, 3)), lambda: st.Binomial("Z", 6, sp.Rational(1, 3))),
]


@pytest.mark.parametrize("family, params, make", _CASES, ids=[c[0] for c in _CASES])
def test_raw_moments_agree_with_sympy_stats(family: str, params: tuple, make) -> None:  # type: ignore[no-untyped-def]
    law = Law(family, params, 0, "")
    z = make()
    for k in range(1, 6):
        assert sp.simplify(stated_laws.moment(law, k) - st.E(z**k)) == 0, (family, k)


def test_symbolic_normal_moments() -> None:
    mu, s2 = sp.symbols("mu s2")
    law = Law("normal", (mu, s2), 0, "")
    assert sp.expand(stated_laws.moment(law, 4) - (mu**4 + 6 * mu**2 * s2 + 3 * s2**2)) == 0


def test_the_notes_spellings_of_a_law() -> None:
    text = ("$X \\sim \\mathcal{N}(0, 1)$, $U\\sim\\text{Unif}[a, b]$, $T \\sim \\mathrm{Exp}(\\lambda)$, "
            "$B \\sim \\operatorname{Bernoulli}(p)$, $Y \\sim N(\\mu, \\sigma)$, $K \\sim \\mathcal{U}(0, 1)$, $K \\sim N(0, 1)$")
    laws = {str(name): [law.family for law in found] for name, found in stated_laws.stated(text).items()}
    assert laws == {"X": ["normal"], "U": ["uniform"], "T": ["exponential"], "B": ["bernoulli"],
                    "K": ["uniform", "normal"]}  # N(μ, σ) is not read: a deviation or a variance?
    assert stated_laws.names_a_law("\\mathcal{N}(0, 1)") and not stated_laws.names_a_law("10^3")
