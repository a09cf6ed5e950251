"""Names that work: symbols by plain names, a lookup by any spelling, substitution by name (``Derivation.at``)."""
from __future__ import annotations

import math

import pytest
import sympy as sp

import derive
from derive import symbols as S
from derive.errors import DeriveError, UnknownNameError


@pytest.mark.parametrize("spelling", ["beta1", "beta_1", "β₁", r"\beta_1", r"\beta_{1}", "beta_{1}", r"\beta _1"])
def test_lookup_accepts_every_spelling_of_beta1(spelling: str) -> None:
    assert S.lookup(spelling) is S.beta1


@pytest.mark.parametrize("spelling,expected", [
    ("v_hat", "v_hat"), ("v̂_t", "v_hat"), (r"\hat{v}_{t}", "v_hat"), (r"\hat v_t", "v_hat"),
    ("eps", "eps"), ("epsilon", "eps"), (r"\epsilon", "eps"), ("ε", "eps"), (r"\varepsilon", "eps"),
    ("eta", "eta"), ("η_t", "eta"), (r"\eta_{t}", "eta"), ("lam", "lam"), ("lambda", "lam"), ("λ", "lam"),
    ("w_{t-1}", "w_prev"), ("w_prev", "w_prev"), ("grad", "grad"), ("∇L(w_{t-1})", "grad"),
])
def test_lookup_of_other_symbols(spelling: str, expected: str) -> None:
    assert S.lookup(spelling) is getattr(S, expected)


def test_unknown_name_is_a_one_line_derive_error() -> None:
    with pytest.raises(UnknownNameError) as err:
        S.lookup("beta_3")
    assert isinstance(err.value, DeriveError)
    message = str(err.value)
    assert "\n" not in message and "'beta_3'" in message and "β₂ (beta2)" in message


def test_plain_sympy_symbol_is_not_the_declared_one() -> None:
    """Why lookup exists: the declared symbols carry assumptions."""
    d = derive.derive("adam", "l2")
    assert d.decay.subs(sp.Symbol("beta_1"), 0) == d.decay
    assert d.decay.subs(S.lookup("beta_1"), 0) != d.decay


def test_all_lists_every_declared_symbol_and_star_import_works() -> None:
    exported = set(S.__all__)
    for decl in S.all_declared():
        name = S.python_name(decl.symbol)
        assert name is not None and name in exported, decl.latex
    assert {"lookup", "symbol", "text_name"} <= exported
    namespace: dict[str, object] = {}
    exec("from derive.symbols import *", namespace)
    assert namespace["beta1"] is S.beta1 and "Symbol" in namespace


# -- Derivation.at ----------------------------------------------------------------------------------
def test_adam_l2_at_beta1_zero_is_rmsprop_like_symbolically() -> None:
    d = derive.derive("adam", "l2").at(beta1=0)
    rmsprop = 1 - S.eta * S.lam / (sp.sqrt(S.v_hat) + S.eps)
    assert sp.simplify(d.decay - rmsprop) == 0
    assert d.kind == "per-coordinate" and d.responsible == 1 / (sp.sqrt(S.v_hat) + S.eps)
    assert sp.simplify(d.h - S.grad / (sp.sqrt(S.v_hat) + S.eps)) == 0
    assert [v.status for _, v in d.proofs] == ["true", "true"]
    assert d.title.endswith("at β₁ = 0") and "beta1=0" in repr(d)


def test_adam_l2_at_beta1_zero_is_rmsprop_like_numerically() -> None:
    """d.at(beta1=0) iterated, against RMSprop with a bias-corrected v and L2, written out by hand."""
    eta, lam, beta2, eps = 0.01, 0.05, 0.99, 1e-8
    d = derive.derive("adam", "l2").at(beta1=0)
    sim = d.simulate(steps=30, hyper={"eta": eta, "lam": lam, "beta2": beta2, "eps": eps})
    a, b = sim.problem.a, sim.problem.b
    w = list(sim.problem.w0)
    v = [0.0] * len(w)
    for step in range(1, 31):
        for i in range(len(w)):
            g = a[i] * (w[i] - b[i]) + lam * w[i]
            v[i] = beta2 * v[i] + (1 - beta2) * g * g
            v_hat = v[i] / (1 - beta2 ** step)
            decay = 1 - eta * lam / (math.sqrt(v_hat) + eps)
            assert math.isclose(sim.decay[step - 1][i], decay, rel_tol=1e-12, abs_tol=1e-15)
            w[i] = w[i] - eta * g / (math.sqrt(v_hat) + eps)
            assert math.isclose(sim.weights[step - 1][i], w[i], rel_tol=1e-12, abs_tol=1e-15)
    assert sim.max_difference <= 1e-12


def test_at_accepts_any_spelling_and_reads_floats_exactly() -> None:
    d = derive.derive("adam", "l2")
    assert d.at({"β₁": 0.9}).decay == d.at(beta1=sp.Rational(9, 10)).decay
    assert S.beta1 not in d.at(beta1=0.9).decay.free_symbols
    assert d.at({S.eps: 0}).responsible == 1 / sp.sqrt(S.v_hat)
    assert d.at() is d


@pytest.mark.parametrize("bad", [{"mu": 0}, {"beta_3": 0}, {"m_prev": 0}, {"v_hat": 1}])
def test_at_refuses_names_that_are_not_parameters(bad: dict[str, object]) -> None:
    with pytest.raises(UnknownNameError) as err:
        derive.derive("adam", "l2").at(**bad)
    assert "\n" not in str(err.value)


def test_at_mistake_would_be_caught() -> None:
    """The symbolic check above is not vacuous: β₁ = 0.5 is not the RMSprop factor."""
    d = derive.derive("adam", "l2").at(beta1=0.5)
    rmsprop = 1 - S.eta * S.lam / (sp.sqrt(S.v_hat) + S.eps)
    assert sp.simplify(d.decay - rmsprop) != 0
