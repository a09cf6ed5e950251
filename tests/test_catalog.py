"""The torch.optim catalog beyond Adam: what each entry's step form says, read as a textbook would.

The triple check (symbolic, iterated, kind) runs over every entry × mode in ``test_derivation.py``;
here: the factor responsible for a per-coordinate decay, the symbols that hide a dependence on
λ·w_{t-1}, the catalog's structure (every entry has its conventions), and the engine on non-polynomial
state a user hands in without declaring it an atom.
"""
from __future__ import annotations

import pytest
import sympy as sp

import derive
from derive import catalog, numeric as N, symbols as S
from derive.conformance import TrajectoryMismatch, strict_max_difference, step_differences

sqrt = sp.sqrt

# (entry, responsible factor in L2 mode, hidden: {symbol: how})
L2_FACTS = [
    ("rmsprop", 1 / (sqrt(S.v) + S.eps), {S.v: "contains"}),
    ("rmsprop-centered", 1 / (sqrt(S.v - S.g_bar ** 2) + S.eps), {S.v: "contains", S.g_bar: "contains"}),
    ("rmsprop-momentum", 1 / (sqrt(S.v) + S.eps), {S.m_prev: "carries", S.v: "contains"}),
    ("adagrad", 1 / (sqrt(S.s) + S.eps), {S.s: "contains"}),
    ("adadelta", sqrt(S.u_prev + S.eps) / sqrt(S.v + S.eps), {S.u_prev: "carries", S.v: "contains"}),
    ("adamax", 1 / S.u, {S.m_prev: "carries", S.u: "contains"}),
    ("nadam", 1 / (sqrt(S.v_hat) + S.eps), {S.m_prev: "carries", S.v_hat: "contains"}),
    ("radam", 1 / (sqrt(S.v) + S.eps), {S.m_prev: "carries", S.v: "contains"}),
    ("amsgrad", 1 / (sqrt(S.v_hat) + S.eps), {S.m_prev: "carries", S.v_hat: "contains"}),
    ("radam-early", None, {S.m_prev: "carries"}),
    ("momentum-dampening", None, {S.m_prev: "carries"}),
]


@pytest.mark.parametrize("name,responsible,hidden", L2_FACTS, ids=[f[0] for f in L2_FACTS])
def test_l2_responsible_factor_and_hidden_dependences(name: str, responsible, hidden) -> None:  # type: ignore[no-untyped-def]
    d = derive.derive(name, "l2")
    if responsible is None:
        assert d.kind == "uniform" and d.responsible is None
    else:
        assert d.responsible is not None and sp.simplify(d.responsible - responsible) == 0
    assert {x.symbol: x.how for x in d.hidden} == hidden


@pytest.mark.parametrize("name", [n for n in catalog.names() if "decoupled" in catalog.get(n).modes
                                  and catalog.get(n).decoupled_kind == "decoupled-lr"])
def test_decoupled_is_one_minus_rate_lambda_and_hides_nothing(name: str) -> None:
    d = derive.derive(name, "decoupled")
    assert d.kind == "uniform"
    assert sp.expand(d.decay - (1 - d.rate * S.lam)) == 0
    assert d.hidden == ()


def test_schedules_are_uniform_atoms() -> None:
    """μ_t, π_t, a_t, b_t (NAdam), r_t (RAdam), τ_t (dampening): defined, kept, and uniform."""
    for name, atoms in [("nadam", {S.mu_t, S.mu_next, S.pi_t, S.a_t, S.b_t}), ("radam", {S.r_t, S.rho_t, S.rho_inf}),
                        ("momentum-dampening", {S.tau_t})]:
        system = catalog.get(name).system("l2")
        assert atoms <= set(system.atoms) and atoms <= system.uniform_symbols()
    assert S.pi_prev in catalog.get("nadam").system("l2").uniform_symbols()
    assert S.v_hat not in catalog.get("nadam").system("l2").uniform_symbols()


def test_textbook_shapes() -> None:
    nadam = derive.derive("nadam", "l2")
    assert sp.expand(nadam.uniform_part - S.eta * S.lam * (S.a_t + (1 - S.beta1) * S.b_t)) == 0
    assert nadam.responsible == 1 / (sp.sqrt(S.v_hat) + S.eps)
    damp = derive.derive("momentum-dampening", "l2")
    assert damp.decay_latex() == r"1 - \eta_{t} \lambda (1 - \tau_{t})"
    assert derive.derive("lion", "decoupled").h == sp.sign(S.c)
    adagrad = derive.derive("adagrad", "l2")
    assert adagrad.rate == S.eta and adagrad.kind == "per-coordinate"
    assert sp.simplify(adagrad.uniform_part - S.eta * S.lam / (1 + (S.t - 1) * S.kappa)) == 0


def test_dampening_is_not_applied_at_the_first_step() -> None:
    """PyTorch starts the buffer with b_1 = g_1: τ_1 = 0, τ_t = τ after."""
    tau_t = catalog.get("momentum-dampening").system("none").definition(S.tau_t).expr
    assert tau_t.subs(S.t, 1) == 0 and tau_t.subs(S.t, 2) == S.tau


def test_initial_values_are_part_of_the_system() -> None:
    assert catalog.get("adagrad").system("none").initial == {S.s_prev: S.s0}
    assert catalog.get("nadam").system("none").initial == {S.pi_prev: 1}
    assert S.s0 in catalog.get("adagrad").system("none").hyperparameters()


def test_every_entry_has_conventions() -> None:
    from derive import conventions
    assert set(catalog.names()) <= set(conventions.CONVENTIONS)


# -- non-polynomial state in a user's system ----------------------------------------------------------
def lion_l2_by_hand() -> derive.System:
    """Lion with λ·w added to the gradient, c_t *not* declared an atom: the engine must hold it."""
    return derive.make_system([
        sp.Eq(S.g, S.grad + S.lam * S.w_prev),
        sp.Eq(S.c, S.beta1 * S.m_prev + (1 - S.beta1) * S.g),
        sp.Eq(S.m, S.beta2 * S.m_prev + (1 - S.beta2) * S.g),
        sp.Eq(S.w, S.w_prev - S.eta * sp.sign(S.c)),
    ])


def test_sign_of_a_state_is_held_and_its_dependence_named() -> None:
    d = derive.derive_system(lion_l2_by_hand())
    assert d.decay == 1 and d.h == sp.sign(S.c)
    assert S.c in d.system.atoms
    (c_hidden,) = [x for x in d.hidden if x.symbol == S.c]
    assert c_hidden.how == "contains" and c_hidden.through == "sign"
    # the form still iterates like the system
    hyper = N.random_hyperparameters(d.system, 3)
    problem = N.Problem.random(4, 3)
    a = N.run_system(d.system, hyper, problem, 10)
    b = N.run_step_form(d.system, d.decay, d.rate, d.h, hyper, problem, 10)
    assert strict_max_difference(a, b) <= 1e-12


def test_max_of_a_state_is_held() -> None:
    system = derive.make_system([
        sp.Eq(S.g, S.grad + S.lam * S.w_prev),
        sp.Eq(S.u, sp.Max(S.beta2 * S.u_prev, sp.Abs(S.g))),
        sp.Eq(S.w, S.w_prev - S.eta * S.g / (S.u + S.eps)),
    ])
    d = derive.derive_system(system)
    assert S.u in d.system.atoms and S.g not in d.system.atoms
    assert d.kind == "per-coordinate" and d.depends_on == (S.u,)


# -- the strict comparison ----------------------------------------------------------------------------
def test_strict_comparison_fails_on_truncated_and_nan_trajectories() -> None:
    a = [[1.0, 2.0], [3.0, 4.0]]
    assert step_differences(a, [[1.0, 2.5], [3.0, 4.0]]) == [0.5, 0.0]
    with pytest.raises(TrajectoryMismatch):
        strict_max_difference(a, a[:1])
    with pytest.raises(TrajectoryMismatch):
        strict_max_difference(a, [[1.0, float("nan")], [3.0, 4.0]])
    with pytest.raises(TrajectoryMismatch):
        strict_max_difference(a, [[1.0], [3.0]])
    with pytest.raises(TrajectoryMismatch):
        strict_max_difference([], [])
