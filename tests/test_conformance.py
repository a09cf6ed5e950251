"""The catalog next to the frameworks themselves: torch.optim, optax (CPU jax, float64) and Keras 3 (torch
backend, float64).

Every entry × mode the conventions say a framework can run is iterated by both sides on random problems
(12 steps, two seeds) and must agree to 1e-12 over the whole trajectory (the comparison raises on a
shorter or non-finite trajectory). Negative controls check that each difference the conventions state
is real: the framework against the catalog's form where the conventions say it differs, L2 against
decoupled, Keras's L2 without its ½, Keras's NAdam with PyTorch's ψ, torch in float32 defaults.

A framework that is not installed skips these tests on a developer's machine and fails them in CI
(``CI`` set): CI must never pass by skipping.
"""
from __future__ import annotations

import os

import pytest

from derive import catalog, conformance as K, conventions as C, numeric as N, symbols as S

pytestmark = pytest.mark.slow

IN_CI = bool(os.environ.get("CI"))
SEEDS = (0, 1)


def need(framework: str) -> None:
    if K.installed(framework):
        return
    message = f"{framework} is not installed (pip install -e '.[{framework}]')"
    if IN_CI:
        pytest.fail(message + "; CI must install it: see .ci/run")
    pytest.skip(message)


def _params(cases: list[K.Case]) -> list:  # type: ignore[type-arg]
    return [pytest.param(c, id=c.label, marks=getattr(pytest.mark, c.framework)) for c in cases]


ALL = K.cases()


def test_every_framework_has_cases_and_every_entry_is_run_somewhere() -> None:
    assert {c.framework for c in ALL} == set(C.RUNNABLE)
    run = {(c.name, c.mode) for c in ALL}
    missing = [v for v in catalog.all_variants() if v not in run]
    assert missing == [], f"catalog modes no framework runs: {missing}"


@pytest.mark.parametrize("case", _params(ALL))
def test_framework_matches_the_catalog(case: K.Case) -> None:
    need(case.framework)
    for seed in SEEDS:
        result = K.compare_case(case, seed=seed)
        assert result.error is None, result.error
        assert len(result.per_step) == K.STEPS
        assert result.worst <= K.TOLERANCE, f"{case.label} seed {seed}: per step {result.per_step}"


# -- negative controls --------------------------------------------------------------------------------
WITH_VARIANT = [c for c in ALL if (conv := C.convention(c.name, c.framework)) is not None and conv.variant is not None]


@pytest.mark.parametrize("case", _params(WITH_VARIANT))
def test_where_the_conventions_say_the_form_differs_it_does(case: K.Case) -> None:
    """The framework run against the catalog's own form (not its stated variant) must disagree."""
    need(case.framework)
    own = catalog.get(case.name).trajectory_system(case.mode)
    result = K.compare_case(case, seed=0, system=own)
    assert result.error is None and result.worst > 1e-9, f"{case.label}: the stated difference does not show"


def _other(mode: str) -> str:
    return "decoupled" if mode == "l2" else "l2"


# Plain SGD is left out: for it the two modes are the same rule (Proposition 1 with λ' = λ).
SWAPPED = [c for c in ALL if c.mode in ("l2", "decoupled") and c.name != "sgd"
           and _other(c.mode) in catalog.get(c.name).modes]


@pytest.mark.parametrize("case", _params(SWAPPED))
def test_l2_and_decoupled_are_told_apart(case: K.Case) -> None:
    """The framework's L2 run against the catalog's decoupled system, and the other way round."""
    need(case.framework)
    other = _other(case.mode)
    conv = C.convention(case.name, case.framework)
    wrong = (conv.variant(other).build() if conv is not None and conv.variant is not None
             else catalog.get(case.name).trajectory_system(other))
    result = K.compare_case(case, seed=0, system=wrong)
    assert result.error is None and result.worst > 1e-9


@pytest.mark.keras
def test_keras_l2_regularizer_has_no_half() -> None:
    """regularizers.L2(c) adds c·Σw²: with c = λ (as if it were ½λ‖w‖²) the run is not the catalog's L2."""
    need("keras")
    case = K.Case("adam", "l2", "keras")
    system = K.catalog_system("adam", "l2", "keras")
    hyper = K.hyperparameters(system, 0)
    doubled = {**hyper, S.lam: 2 * hyper[S.lam]}  # Keras with c = λ is the catalog with 2λ
    problem = N.Problem.random(K.SIZE, 1000)
    theirs = K.keras_trajectory("adam", "l2", doubled, problem, K.STEPS)
    assert K.strict_max_difference(N.run_system(system, doubled, problem, K.STEPS), theirs) <= K.TOLERANCE
    assert K.strict_max_difference(N.run_system(system, hyper, problem, K.STEPS), theirs) > 1e-6
    assert case.label == "adam-l2@keras"


@pytest.mark.keras
def test_keras_nadam_schedule_is_psi_one() -> None:
    need("keras")
    case = K.Case("nadam", "none", "keras")
    system = K.catalog_system("nadam", "none", "keras")
    hyper = {**K.hyperparameters(system, 0), S.psi: 4e-3}  # PyTorch's default: not what Keras does
    assert K.compare_case(case, seed=0, hyper=hyper).worst > 1e-9


@pytest.mark.torch
def test_torch_nadam_in_float32_defaults_is_not_float64() -> None:
    """torch keeps NAdam's μ-product in the default dtype: a float32 default is visible at 1e-12."""
    need("torch")
    import torch

    case = K.Case("nadam", "l2", "torch")
    system = K.catalog_system("nadam", "l2", "torch")
    hyper = K.hyperparameters(system, 0)
    problem = N.Problem.random(K.SIZE, 1000)
    w = torch.tensor(problem.w0, dtype=torch.float64, requires_grad=True)
    a, b, c = (torch.tensor(x, dtype=torch.float64) for x in (problem.a, problem.b, problem.c))
    assert torch.get_default_dtype() == torch.float32
    opt = K._torch_make("nadam", "l2", hyper)([w])
    theirs = []
    for _ in range(K.STEPS):
        opt.zero_grad()
        (0.5 * a * (w - b) ** 2 + c * w ** 4).sum().backward()
        opt.step()
        theirs.append(w.detach().tolist())
    assert K.strict_max_difference(N.run_system(system, hyper, problem, K.STEPS), theirs) > K.TOLERANCE
    assert K.compare_case(case, seed=0).ok


def test_a_short_or_broken_framework_run_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparison runs over the whole trajectory: one step missing, or a NaN, is an error."""
    case = K.Case("momentum", "l2", "torch")

    def short(name, mode, hyper, problem, steps):  # type: ignore[no-untyped-def]
        system = catalog.get(name).system(mode)
        return N.run_system(system, hyper, problem, steps - 1)

    def nan(name, mode, hyper, problem, steps):  # type: ignore[no-untyped-def]
        out = N.run_system(catalog.get(name).system(mode), hyper, problem, steps)
        out[-1][0] = float("nan")
        return out

    def exact(name, mode, hyper, problem, steps):  # type: ignore[no-untyped-def]
        return N.run_system(catalog.get(name).system(mode), hyper, problem, steps)

    monkeypatch.setitem(K.TRAJECTORIES, "torch", exact)
    assert K.compare_case(case).ok
    monkeypatch.setitem(K.TRAJECTORIES, "torch", short)
    result = K.compare_case(case)
    assert not result.ok and "lengths" in (result.error or "")
    monkeypatch.setitem(K.TRAJECTORIES, "torch", nan)
    result = K.compare_case(case)
    assert not result.ok and "finite" in (result.error or "")


@pytest.mark.torch
def test_conformance_command(capsys: pytest.CaptureFixture[str]) -> None:
    from derive.cli import main

    need("torch")
    assert main(["conformance", "momentum-dampening", "--framework", "torch"]) == 0
    out = capsys.readouterr().out
    assert "ok   momentum-dampening-l2@torch" in out and "per step:" in out
    assert "2 of 2 cases agree to 1e-12 over 12 steps" in out
