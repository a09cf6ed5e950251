"""The catalog next to the real thing: torch.optim, float64, CPU, a random problem, 12 steps.

Each catalog system is iterated by :mod:`derive.numeric` on the same separable loss that PyTorch
differentiates with autograd; trajectories must agree to 1e-12. Negative controls (a wrong
convention on purpose) must disagree, so the comparison is known to be able to fail.
"""
from __future__ import annotations

import os
from typing import Callable

import pytest

from derive import catalog, numeric as N, symbols as S

if os.environ.get("CI"):
    import torch  # CI installs torch (.ci/run): there a missing torch fails the run, it never skips it
else:
    torch = pytest.importorskip("torch", reason="PyTorch is an optional extra: pip install -e '.[torch]'")

pytestmark = [pytest.mark.torch]

STEPS = 12
SIZE = 7


def torch_trajectory(make: Callable[[list], object], problem: N.Problem, steps: int) -> list[list[float]]:
    w = torch.tensor(problem.w0, dtype=torch.float64, requires_grad=True)
    a, b, c = (torch.tensor(x, dtype=torch.float64) for x in (problem.a, problem.b, problem.c))
    opt = make([w])
    out = []
    for _ in range(steps):
        opt.zero_grad()
        loss = (0.5 * a * (w - b) ** 2 + c * w ** 4).sum()
        loss.backward()
        opt.step()
        out.append(w.detach().tolist())
    return out


HYPER = {S.eta: 0.05, S.lam: 0.03, S.mu: 0.9, S.beta1: 0.8, S.beta2: 0.95, S.eps: 1e-3}

# (catalog name, mode, torch constructor)
CASES = [
    ("sgd", "none", lambda p: torch.optim.SGD(p, lr=0.05)),
    ("sgd", "l2", lambda p: torch.optim.SGD(p, lr=0.05, weight_decay=0.03)),
    ("momentum", "none", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)),
    ("momentum", "l2", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, weight_decay=0.03)),
    ("nesterov", "none", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True)),
    ("nesterov", "l2", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.03)),
    ("adam", "none", lambda p: torch.optim.Adam(p, lr=0.05, betas=(0.8, 0.95), eps=1e-3)),
    ("adam", "l2", lambda p: torch.optim.Adam(p, lr=0.05, betas=(0.8, 0.95), eps=1e-3, weight_decay=0.03)),
    ("adam", "decoupled", lambda p: torch.optim.Adam(p, lr=0.05, betas=(0.8, 0.95), eps=1e-3, weight_decay=0.03,
                                                     decoupled_weight_decay=True)),
    ("adamw", "decoupled", lambda p: torch.optim.AdamW(p, lr=0.05, betas=(0.8, 0.95), eps=1e-3, weight_decay=0.03)),
]


def ours(name: str, mode: str, problem: N.Problem) -> list[list[float]]:
    system = catalog.get(name).system(mode)
    hyper = {s: v for s, v in HYPER.items() if s in system.hyperparameters()}
    return N.run_system(system, hyper, problem, STEPS)


@pytest.mark.parametrize("name,mode,make", CASES, ids=[f"{n}-{m}" for n, m, _ in CASES])
@pytest.mark.parametrize("seed", [0, 1])
def test_matches_torch(name: str, mode: str, make: Callable, seed: int) -> None:
    problem = N.Problem.random(SIZE, seed)
    expected = torch_trajectory(make, problem, STEPS)
    assert N.max_abs_difference(ours(name, mode, problem), expected) <= 1e-12


NEGATIVE = [
    # AdamW without the ×lr: the paper's convention is not PyTorch's (pytorch/pytorch#38853).
    ("adamw-paper", "decoupled", lambda p: torch.optim.AdamW(p, lr=0.05, betas=(0.8, 0.95), eps=1e-3, weight_decay=0.03)),
    # L2 is not decoupled decay for Adam.
    ("adam", "l2", lambda p: torch.optim.AdamW(p, lr=0.05, betas=(0.8, 0.95), eps=1e-3, weight_decay=0.03)),
    # Momentum with L2 is not momentum with decoupled decay.
    ("momentum", "decoupled", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, weight_decay=0.03)),
]


@pytest.mark.parametrize("name,mode,make", NEGATIVE, ids=[f"{n}-{m}" for n, m, _ in NEGATIVE])
def test_negative_controls_disagree(name: str, mode: str, make: Callable) -> None:
    problem = N.Problem.random(SIZE, 5)
    system = catalog.get(name).system(mode)
    hyper = {s: v for s, v in {**HYPER, S.alpha: 1.0}.items() if s in system.hyperparameters()}
    if name == "adamw-paper":
        hyper[S.alpha] = 0.05  # rate η_t·α = 0.05 ... with η_t = 1: decay η_t·λ is not lr·λ
        hyper[S.eta] = 1.0
    got = N.run_system(system, hyper, problem, STEPS)
    assert N.max_abs_difference(got, torch_trajectory(make, problem, STEPS)) > 1e-4


def test_paper_adamw_equals_torch_adamw_with_lambda_over_alpha() -> None:
    """With η_t = 1 the paper's rate is α; PyTorch's λ is then the paper's λ divided by α."""
    problem = N.Problem.random(SIZE, 9)
    system = catalog.get("adamw-paper").system("decoupled")
    hyper = {S.eta: 1.0, S.alpha: 0.05, S.lam: 0.03 * 0.05, S.beta1: 0.8, S.beta2: 0.95, S.eps: 1e-3}
    expected = torch_trajectory(lambda p: torch.optim.AdamW(p, lr=0.05, betas=(0.8, 0.95), eps=1e-3,
                                                            weight_decay=0.03), problem, STEPS)
    assert N.max_abs_difference(N.run_system(system, hyper, problem, STEPS), expected) <= 1e-12
