"""User-supplied systems: the same derivation, and clear errors for malformed ones."""
from __future__ import annotations

import pytest
import sympy as sp

import derive
from derive import symbols as S
from derive.errors import SystemDefinitionError
from derive.system import make_system

c = S.symbol("c_{t}")


def test_user_system_out_of_order_is_sorted_and_derived() -> None:
    system = make_system([
        sp.Eq(S.w, S.w_prev - S.eta * S.m),
        sp.Eq(S.m, S.mu * S.m_prev + S.g),
        sp.Eq(S.g, S.grad + S.lam * S.w_prev),
    ])
    assert system.targets == (S.g, S.m, S.w)
    assert system.state == {S.m: S.m_prev}
    d = derive.derive_system(system)
    assert sp.expand(d.decay - (1 - S.eta * S.lam)) == 0
    assert d.kind == "uniform"


def test_user_lion_like_system_has_uniform_decay() -> None:
    system = make_system([
        (S.g, S.grad),
        (c, S.beta1 * S.m_prev + (1 - S.beta1) * S.g),
        (S.w, S.w_prev - S.eta * (S.symbol("s_{t}") + S.lam * S.w_prev)),
        (S.symbol("s_{t}"), c / (sp.Abs(c) + S.eps)),
        (S.m, S.beta2 * S.m_prev + (1 - S.beta2) * S.g),
    ])
    d = derive.derive_system(system)
    assert sp.expand(d.decay - (1 - S.eta * S.lam)) == 0


@pytest.mark.parametrize("defs,message", [
    ([(S.w, S.w_prev - S.eta * S.m), (S.m, S.mu * S.w + S.g), (S.g, S.grad)], "circular definition"),
    ([(S.w, S.w_prev - S.eta * (S.symbol("p_{t}") + S.symbol("q_{t}")))], "p_{t}, q_{t} are read but never defined"),
    ([(S.w, S.w_prev - S.eta * S.m), (S.m, S.m + S.g)], "m_{t} is defined through itself"),
    ([(S.m, S.mu * S.m_prev + S.grad)], "no weight update"),
    ([(S.w, S.w_prev), (S.w, S.w_prev - S.eta * S.grad)], "defined twice"),
    ([], "empty"),
])
def test_malformed_systems(defs: list, message: str) -> None:
    with pytest.raises(SystemDefinitionError, match=message.replace("{", r"\{").replace("}", r"\}")):
        make_system(defs)


def test_nonlinear_in_weight_is_a_derivation_error() -> None:
    system = make_system([(S.w, S.w_prev - S.eta * S.w_prev ** 2)])
    with pytest.raises(derive.DeriveError, match="not linear"):
        derive.derive_system(system)
