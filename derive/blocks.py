"""Small blocks an optimizer step is chained from, in the optax manner.

A chain threads an *update* expression (what will eventually be subtracted from the weights)
through blocks that each add definitions to the system. Regularization is a block like any other and
its position decides its meaning: :func:`add_decayed_weights` before the preconditioner is L2 (the
optimizer sees λ·w as part of the gradient); after it, before the learning-rate scaling, it is
decoupled weight decay. So every "with L2" and "decoupled" variant comes from one definition.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

import sympy as sp

from . import symbols as S
from .system import Definition, System


@dataclass(frozen=True)
class Chain:
    """The partial system built so far and the current update expression."""

    definitions: tuple[Definition, ...] = ()
    update: sp.Expr = S.grad
    state: tuple[tuple[sp.Symbol, sp.Symbol], ...] = ()
    atoms: tuple[sp.Symbol, ...] = ()


Block = Callable[[Chain], Chain]


def _define(chain: Chain, target: sp.Symbol, expr: sp.Expr, note: str, **changes: object) -> Chain:
    return replace(chain, definitions=chain.definitions + (Definition(target, expr, note),), **changes)


def add_decayed_weights(coefficient: sp.Expr = S.lam) -> Block:
    """update ← update + coefficient · w_{t-1} (L2 before the preconditioner, decay after it)."""
    def block(chain: Chain) -> Chain:
        return replace(chain, update=chain.update + coefficient * S.w_prev)
    return block


def name_gradient() -> Block:
    """g_t := the update so far: the gradient exactly as the optimizer sees it."""
    def block(chain: Chain) -> Chain:
        return _define(chain, S.g, chain.update, "the gradient the optimizer sees", update=S.g)
    return block


def trace(momentum: sp.Expr = S.mu, *, nesterov: bool = False) -> Block:
    """Heavy-ball momentum, PyTorch with dampening 0: m_t := μ m_{t-1} + g_t.

    With ``nesterov`` the direction is g_t + μ m_t (PyTorch's form of Nesterov momentum).
    """
    def block(chain: Chain) -> Chain:
        grad = chain.update
        out = _define(chain, S.m, momentum * S.m_prev + grad, "momentum buffer",
                      state=chain.state + ((S.m, S.m_prev),))
        return replace(out, update=grad + momentum * S.m if nesterov else S.m)
    return block


def trace_scaled(decay: sp.Expr, scale: sp.Expr) -> Block:
    """The paper's momentum (Algorithm 1): m_t := β₁ m_{t-1} + η_t α g_t, learning rate inside."""
    def block(chain: Chain) -> Chain:
        out = _define(chain, S.m, decay * S.m_prev + scale * chain.update, "momentum buffer (learning rate inside)",
                      state=chain.state + ((S.m, S.m_prev),))
        return replace(out, update=S.m)
    return block


def scale_by_adam(b1: sp.Expr = S.beta1, b2: sp.Expr = S.beta2, eps: sp.Expr = S.eps) -> Block:
    """Adam's moments and bias corrections; ε is added after the square root (PyTorch, the paper)."""
    def block(chain: Chain) -> Chain:
        grad = chain.update
        out = _define(chain, S.m, b1 * S.m_prev + (1 - b1) * grad, "first moment")
        out = _define(out, S.v, b2 * S.v_prev + (1 - b2) * grad ** 2, "second moment")
        out = _define(out, S.m_hat, S.m / (1 - b1 ** S.t), "bias correction of the first moment")
        out = _define(out, S.v_hat, S.v / (1 - b2 ** S.t), "bias correction of the second moment")
        return replace(out, update=S.m_hat / (sp.sqrt(S.v_hat) + eps),
                       state=out.state + ((S.m, S.m_prev), (S.v, S.v_prev)),
                       atoms=out.atoms + (S.v_hat,))
    return block


def scale(factor: sp.Expr) -> Block:
    """update ← factor · update (the paper's base rate α inside the schedule multiplier)."""
    def block(chain: Chain) -> Chain:
        return replace(chain, update=factor * chain.update)
    return block


@dataclass(frozen=True)
class Recipe:
    """The blocks of a step and the rate in front of the update: w_t := w_{t-1} − rate · update."""

    blocks: tuple[Block, ...]
    rate: sp.Expr = S.eta
    params: tuple[sp.Symbol, ...] = field(default=())

    def build(self) -> System:
        chain = Chain()
        for block in self.blocks:
            chain = block(chain)
        update = S.w_prev - self.rate * chain.update
        chain = _define(chain, S.w, update, "the step")
        return System(chain.definitions, state=dict(chain.state), rate=self.rate,
                      atoms=chain.atoms, params=self.params)
