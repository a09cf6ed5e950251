"""--unroll K: each mode's coefficient of w_{t-K} in w_t, checked against the real recurrence; bounded in time."""
from __future__ import annotations

import random

import pytest
import sympy as sp

import derive
from derive import catalog
from derive import symbols as S
from derive.cli import main
from derive.errors import UsageError
from derive.system import make_system
from derive.unrolled import MAX_UNROLL, compare_modes


def _recurrence_holding_atoms(system, k: int, t_end: int, seed: int):  # type: ignore[no-untyped-def]
    """(run, values): ``run(w)`` is w_t of the real recurrence from w_{t-k} = w, and ``values`` the
    numbers the unrolled coefficient is evaluated at.

    Each step's gradient and atoms (v̂) are random numbers held fixed, as the unrolled form holds them,
    in their domain: second moments and accumulators positive, a real atom (centered RMSprop's ḡ_t,
    Lion's c_t) small, so that v_t − ḡ_t² ≥ 0 as in any run (ḡ_t averages the gradients whose squares
    v_t averages); the state before the first step likewise (u_{t-1} ≥ 0 under Adadelta's root).
    """
    from derive.numeric import random_hyperparameters

    rng = random.Random(seed)
    hyper = random_hyperparameters(system, seed)
    grads = [rng.uniform(-1, 1) for _ in range(k)]

    def value(sym: sp.Symbol, real: tuple[float, float]) -> float:
        return rng.uniform(0.1, 2.0) if sym.is_nonnegative else rng.uniform(*real)
    atoms = [{a: value(a, (-0.3, 0.3)) for a in system.atoms} for _ in range(k)]
    state0 = {prev: value(prev, (-1.0, 1.0)) for prev in system.state.values()}
    compiled = [(d.target, sp.lambdify(sorted(d.expr.free_symbols, key=lambda s: s.name), d.expr, "math"),
                 sorted(d.expr.free_symbols, key=lambda s: s.name)) for d in system.definitions]

    def run(w0: float) -> float:
        w, state = w0, dict(state0)
        for j in range(k):
            env = {**hyper, S.t: float(t_end - k + 1 + j), system.weight_prev: w, system.gradient: grads[j], **state}
            for target, fn, args in compiled:
                env[target] = atoms[j][target] if target in atoms[j] else float(fn(*(env[a] for a in args)))
            w = env[system.weight]
            state = {prev: env[new] for new, prev in system.state.items()}
        return w

    values = dict(hyper)
    values[S.t] = t_end
    for j in range(k):
        step = S.t - (k - 1 - j)
        for atom, v in atoms[j].items():
            values[S.symbol(atom.name.replace("_{t}", "_{" + str(step).replace(" ", "") + "}"))] = v
    return run, values


#: Entries × modes whose step is not affine in the weight even with the atoms held: Adadelta with L2
#: squares λ·w_{t-1} into u_t (through Δ_t²) and reads √(u_{t-1} + ε) in the next step.
NOT_AFFINE = {("adadelta", "l2")}


@pytest.mark.parametrize("name,mode", catalog.all_variants())
def test_coefficient_matches_the_recurrence(name: str, mode: str) -> None:
    k = 4
    d = derive.derive(name, mode)
    u = compare_modes(d, k)
    this = u.modes[0]
    run, values = _recurrence_holding_atoms(d.system, k, t_end=9, seed=3)
    # affine in w_{t-k} or not, decided by the recurrence itself: the second difference
    curvature = run(2.0) - 2 * run(1.0) + run(0.0)
    if (name, mode) in NOT_AFFINE:
        assert this.status == "nonlinear" and not this.coefficients
        assert abs(curvature) > 1e-9, "the recurrence is affine after all"
        return
    assert abs(curvature) <= 1e-10 * max(1.0, abs(run(1.0)))
    assert this.status == "exact" and len(this.coefficients) == k
    expected = run(1.0) - run(0.0)
    expr = this.coefficients[-1]
    for a in u.abbreviations:
        for j in range(k):
            expr = expr.xreplace({a.symbol(S.t - j): a.at(S.t - j)})
    got = float(expr.xreplace({s: values[s] for s in expr.free_symbols}).subs(S.t, 9))
    assert got == pytest.approx(expected, rel=1e-10, abs=1e-12)
    if this.product is not None:  # the printed product is the same number
        product = this.product.doit() if isinstance(this.product, sp.Product) else this.product
        assert sp.expand(product - this.coefficients[-1]) == 0 or this.product.has(sp.Product)


def test_a_step_that_is_not_affine_says_why_readably() -> None:
    u = derive.derive("adadelta", "l2").unroll(8)
    text = str(u)
    assert "not affine in w_{t-8}: ∂w_t/∂w_{t-1} = 1 − η_t·λ·√(u_{t-1} + ε)/√(v_t + ε) depends on u_{t-1}" in text
    assert "u_t = ρ·u_{t-1} + (1 − ρ)·Δ_t^2" in text
    assert "l2 and decoupled: not compared (l2 is not affine in the weight)" in text
    # the other modes of the same entry are exact: u_t without L2 never sees the weight
    assert [m.status for m in u.modes] == ["nonlinear", "exact", "exact"]
    assert "c = (1 − η_t·λ)^8" in text and "none              c = 1" in text
    md = u._repr_markdown_()  # the notebook says the same, and never that modes it could not compare agree
    assert "agree" not in md and md.count("not compared (l2 is not affine in the weight)") == 2
    assert r"not affine in $w_{t-8}$: $\partial w_{t} / \partial w_{t-1} = 1 - \eta_{t} \lambda" in md


def test_factor_names_and_the_step_letter_collide_with_no_symbol() -> None:
    """RMSprop's ρ, NAdam's ψ and κ are hyperparameters of the catalog; Adagrad's accumulator is s_t."""
    declared = {d.text[0] for d in S.all_declared()}
    for name, mode in [("rmsprop", "l2"), ("adagrad", "l2"), ("nadam", "l2"), ("radam", "l2"), ("adam", "l2")]:
        u = derive.derive(name, mode).unroll(3)
        mine = {S.text_name(x)[0] for m in u.modes for x in _symbols(catalog.get(name).system(m.mode))}
        assert u.abbreviations
        for a in u.abbreviations:
            assert S.latex_to_text(a.name)[0] not in declared | mine, (name, a.name)
            assert a.index not in mine, (name, a.index)
    assert derive.derive("adagrad", "l2").unroll(2).abbreviations[0].index != "s"
    assert derive.derive("adam", "l2").unroll(2).abbreviations[0].index == "s"


def _symbols(system) -> set:  # type: ignore[no-untyped-def]
    out = set()
    for d in system.definitions:
        out |= d.expr.free_symbols | {d.target}
    return out


def test_momentum_modes_part_at_step_two_by_the_carried_lambda() -> None:
    u = derive.derive("momentum", "l2").unroll(3)
    decoupled = next(p for p in u.partings if p.mode_b == "decoupled")
    assert decoupled.first_difference == 2 and decoupled.statuses == ("true", "false")
    assert sp.expand(decoupled.difference + S.eta * S.lam * S.mu) == 0
    assert u.modes[2].product == sp.Pow(1 - S.eta * S.lam, 3, evaluate=False)


def test_adam_l2_at_eight_steps_is_readable() -> None:
    u = derive.derive("adam", "l2").unroll(8)
    assert [m.status for m in u.modes] == ["exact"] * 3
    text = str(u)
    assert "φ_{s} = 1/((1 − β₁^s)·(√v̂_{s} + ε))" in text
    assert "c = 1 − η_t·λ·((1 − β₁^8)·φ_{t} + (1 − β₁^7)·φ_{t-1} + " in text
    assert "O(λ^2)" in text and "too long to print in full" in text
    assert "c = (1 − η_t·λ)^8" in text
    assert "l2 and decoupled part ways at k = 1" in text
    assert max(len(line) for line in text.splitlines()) < 500


def test_adamw_is_compared_with_adam_found_in_the_catalog() -> None:
    labels = [m.label for m in derive.derive("adamw").unroll(2).modes]
    assert labels == ["decoupled", "adam --reg none", "adam --reg l2"]


def test_a_budget_that_runs_out_says_undecided_instead_of_hanging() -> None:
    u = compare_modes(derive.derive("adam", "l2"), 8, seconds=1e-4)
    assert any(m.status == "undecided" for m in u.modes) or any("undecided" in p.statuses for p in u.partings)
    spent = compare_modes(derive.derive("adam", "l2"), 8, total=1e-6)
    assert {m.status for m in spent.modes} == {"undecided"}
    assert "undecided" in str(spent) and "0 s" not in str(spent).split("in all")[0][-3:]


def test_a_nonlinear_state_is_reported_not_crashed() -> None:
    system = make_system([sp.Eq(S.w, S.w_prev - S.eta * S.m_prev), sp.Eq(S.g, S.grad + S.lam * S.w_prev),
                          sp.Eq(S.m, S.mu * S.m_prev + S.g ** 2)])
    u = compare_modes(derive.derive_system(system), 3)
    assert u.modes[0].status == "nonlinear" and "not affine" in str(u)


@pytest.mark.parametrize("k", [0, -1, MAX_UNROLL + 1])
def test_out_of_range_k_is_a_usage_error(k: int) -> None:
    with pytest.raises(UsageError):
        compare_modes(derive.derive("sgd"), k)


@pytest.mark.parametrize("k", ["-1", "65", "100000"])
def test_cli_rejects_bad_unroll_with_one_line(k: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "adam", "--reg", "l2", "--unroll", k]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--unroll" in err


def test_cli_unroll_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["show", "momentum", "--reg", "l2", "--unroll", "2"]) == 0
    out = capsys.readouterr().out
    assert "l2 and decoupled part ways at k = 2: there (l2) − (decoupled) = −η_t·λ·μ" in out
    assert main(["show", "adam", "--reg", "l2", "--unroll", "2", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)["unroll"]
    assert data["k"] == 2 and [m["mode"] for m in data["modes"]] == ["l2", "none", "decoupled"]
    assert data["partings"][1]["first_difference"] == 1


def test_versus_compares_with_one_given_derivation() -> None:
    """A user's system in its other mode (what `show --system FILE --unroll K` passes)."""
    mine = derive.derive("momentum", "l2")
    other = derive.derive("momentum", "decoupled")
    u = compare_modes(mine, 3, versus=other)
    assert [m.label for m in u.modes] == ["l2", "decoupled"]
    assert u.partings[0].first_difference == 2
