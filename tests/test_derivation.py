"""The step form of every catalog entry × regularization mode, checked three ways.

1. symbolically: decay·w_{t-1} − rate·h equals the raw substitution result;
2. numerically: iterating the derived form reproduces iterating the system as written
   (random hyperparameters and states, several steps, float64, ≤ 1e-12);
3. the expected kind of decay (uniform / per-coordinate).
"""
from __future__ import annotations

import pytest
import sympy as sp

import derive
from derive import catalog, numeric as N, symbols as S
from derive.conformance import strict_max_difference
from derive.proof import numeric_difference

VARIANTS = catalog.all_variants()

EXPECTED_KIND = {
    ("adam", "l2"): "per-coordinate",
    ("adamw-paper", "l2"): "per-coordinate",
    # L2 through an adaptive denominator: per-coordinate; decoupled decay and momentum: uniform.
    **{(name, "l2"): "per-coordinate" for name in (
        "rmsprop", "rmsprop-centered", "rmsprop-momentum", "adagrad", "adadelta", "adamax", "nadam", "radam",
        "amsgrad")},
}


@pytest.mark.parametrize("name,mode", VARIANTS)
def test_step_form_equals_substitution_symbolically(name: str, mode: str) -> None:
    d = derive.derive(name, mode)
    assert sp.simplify(d.form - d.raw) == 0
    assert all(v.status == "true" for _, v in d.proofs)


@pytest.mark.parametrize("name,mode", VARIANTS)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_step_form_iterates_like_the_system(name: str, mode: str, seed: int) -> None:
    d = derive.derive(name, mode)
    hyper = N.random_hyperparameters(d.system, seed)
    problem = N.Problem.random(6, seed + 100)
    state0 = random_state(d.system, seed)
    first = catalog.get(name).first_step
    a = N.run_system(d.system, hyper, problem, 10, state0, first_step=first)
    b = N.run_step_form(d.system, d.decay, d.rate, d.h, hyper, problem, 10, state0, first_step=first)
    assert len(a) == len(b) == 10 and all(len(row) == len(a[0]) for row in a + b)  # every step, every coordinate
    assert strict_max_difference(a, b) <= 1e-12
    # The check is not vacuous: a wrong decay factor is caught by the same comparison.
    wrong = N.run_step_form(d.system, d.decay - S.eta * 0.01, d.rate, d.h, hyper, problem, 10, state0, first_step=first)
    assert strict_max_difference(a, wrong) > 1e-6


def random_state(system, seed: int) -> dict:  # type: ignore[no-untyped-def]
    """A random state before the first step, within what the state can be: second moments and
    accumulators non-negative, a centered RMSprop's mean small enough that v − ḡ² ≥ 0, schedule
    products (π_{t-1}) at their initial value."""
    state0 = {}
    for prev in system.state.values():
        if prev in system.initial:
            continue  # Adagrad's s_0, NAdam's π_0 = 1: from the system
        if prev.is_nonnegative:
            state0[prev] = [0.01 + 0.2 * i for i in range(6)]
        else:
            state0[prev] = [0.3 * ((i * 7 + seed) % 5) - 0.6 for i in range(6)]
    if S.g_bar_prev in state0:
        state0[S.g_bar_prev] = [0.1 * x for x in state0[S.g_bar_prev]]
    return state0


@pytest.mark.parametrize("name,mode", VARIANTS)
def test_kind(name: str, mode: str) -> None:
    d = derive.derive(name, mode)
    assert d.kind == EXPECTED_KIND.get((name, mode), "uniform")


def test_adam_l2_textbook_form() -> None:
    d = derive.derive("adam", "l2")
    assert d.decay_latex() == (r"1 - \frac{\eta_{t} \lambda (1 - \beta_{1})}{1 - \beta_{1}^{t}} \cdot "
                               r"\frac{1}{\sqrt{\hat{v}_{t}} + \varepsilon}")
    assert d.h_latex() == (r"\frac{\beta_{1} m_{t-1} + (1 - \beta_{1}) \nabla_{w} L(w_{t-1})}"
                           r"{(1 - \beta_{1}^{t}) (\sqrt{\hat{v}_{t}} + \varepsilon)}")
    assert d.responsible == 1 / (sp.sqrt(S.v_hat) + S.eps)
    assert d.depends_on == (S.v_hat,)
    codes = {n.code for n in d.notes}
    assert {"per-coordinate-factor", "vhat-contains-lambda", "momentum-carries-lambda"} <= codes


def test_momentum_l2_form() -> None:
    d = derive.derive("momentum", "l2")
    assert sp.expand(d.decay - (1 - S.eta * S.lam)) == 0
    assert d.h == S.mu * S.m_prev + S.grad
    assert d.rate == S.eta
    assert d.form_latex() == (r"w_{t} = \left(1 - \eta_{t} \lambda\right) w_{t-1} - "
                              r"\eta_{t} \left(\mu m_{t-1} + \nabla_{w} L(w_{t-1})\right)")


@pytest.mark.parametrize("name", ["adamw", "adamw-paper", "sgdw-paper"])
def test_decoupled_decay_is_one_minus_eta_lambda(name: str) -> None:
    d = derive.derive(name, "decoupled")
    assert sp.expand(d.decay - (1 - S.eta * S.lam)) == 0
    assert d.kind == "uniform"


def test_steps_substitute_one_definition_each() -> None:
    d = derive.derive("adam", "l2")
    assert [st.substituted for st in d.steps] == [None, S.m_hat, S.m, S.g]
    for before, after in zip(d.steps, d.steps[1:]):
        assert after.substituted in before.expr.free_symbols
        assert after.substituted not in after.expr.free_symbols


def test_expand_writes_vhat_out_and_stays_exact() -> None:
    d = derive.derive("adam", "l2", expand=True)
    assert S.v_hat not in d.decay.free_symbols
    assert S.w_prev in d.decay.free_symbols  # v̂_t contains λ·w_{t-1}: said, not hidden
    assert numeric_difference(d.form, d.raw).status == "true"
    assert numeric_difference(d.form + S.lam * S.w_prev ** 2, d.raw).status == "false"
    assert [v.status for _, v in d.proofs] == ["true", "true", "true"]
    assert any(n.code == "vhat-contains-lambda" for n in d.notes)


def test_momentum_l2_and_sgdw_part_ways_at_step_two() -> None:
    l2 = catalog.get("momentum").system("l2")
    decoupled = catalog.get("momentum").system("decoupled")
    parting = derive.part_ways(l2, decoupled, 3)
    assert [v.status for v in parting.verdicts] == ["true", "false", "false"]
    assert parting.first_difference == 2
    gap = sp.expand(parting.coefficients_a[1] - parting.coefficients_b[1])
    assert gap == -S.eta * S.lam * S.mu  # the λ·w carried by the momentum buffer


def test_repr_latex_for_jupyter() -> None:
    d = derive.derive("adamw")
    latex = d._repr_latex_()
    assert latex.startswith("$$\n\\begin{gathered}") and d.form_latex() in latex


@pytest.mark.parametrize("name,mode", [("momentum", "l2"), ("nesterov", "decoupled"), ("sgdw-paper", "l2")])
def test_unrolled_steps_match_iterating_the_system(name: str, mode: str) -> None:
    """The unrolled symbolic iterate, fed the gradients of the real trajectory, is that trajectory."""
    system = catalog.get(name).system(mode)
    hyper = N.random_hyperparameters(system, 4)
    problem = N.Problem.random(1, 11)
    state0 = {prev: [0.37] for prev in system.state.values()}
    trajectory = N.run_system(system, hyper, problem, 3, state0)
    weights = [problem.w0[0]] + [row[0] for row in trajectory]
    unrolled = derive.unroll(system, 3)
    values = {**hyper, S.w_prev: weights[0], **{prev: 0.37 for prev in system.state.values()}}
    for j, index in enumerate(["t-1", "t", "t+1"]):
        values[S.symbol(rf"\nabla_{{w}} L(w_{{{index}}})")] = problem.gradient(0, weights[j])
    for k, expr in enumerate(unrolled, start=1):
        assert abs(float(expr.xreplace(values)) - weights[k]) <= 1e-12


@pytest.mark.parametrize("a, b", [
    ([[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0]]),                        # cut short by a step
    ([[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0], [3.0]]),                 # a coordinate lost
    ([[1.0, float("nan")], [3.0, 4.0]], [[1.0, 2.0], [3.0, 4.0]]),   # NaN on one side
    ([[float("nan"), 2.0]], [[float("nan"), 2.0]]),                  # NaN on both sides
    ([[5.0, float("inf")]], [[5.0, float("inf")]]),                  # an overflow
    ([], []),                                                        # nothing compared
    ([[]], [[]]),
])
def test_max_abs_difference_fails_on_truncated_or_nan_trajectories(a: list, b: list) -> None:
    assert not N.max_abs_difference(a, b) <= 1e-12
    assert not N.max_abs_difference(b, a) <= 1e-12


def test_max_abs_difference_of_agreeing_trajectories() -> None:
    assert N.max_abs_difference([[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0], [3.0, 4.0 + 1e-13]]) <= 1e-12
    assert N.max_abs_difference([[1.0, 2.0]], [[1.0, 2.5]]) == 0.5


def test_the_step_form_is_proved_symbolically_not_only_numerically() -> None:
    """Every proof the engine records says the symbolic check succeeded, not just agreement at random
    points (tests/test_proof.py makes sure compare cannot call numeric agreement alone "true")."""
    for name, mode in VARIANTS:
        d = derive.derive(name, mode)
        symbolic = [v for what, v in d.proofs if "random points" not in what]
        assert symbolic and all(v.reason.startswith("symbolically equal") for v in symbolic), (name, mode)
