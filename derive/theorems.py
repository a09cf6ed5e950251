"""The paper's equivalence results as theorems: a symbolic proof and a numeric witness or counterexample.

Loshchilov & Hutter (2019), "Decoupled Weight Decay Regularization", state when weight decay and L2
regularization are the same thing. Each :class:`Theorem` here builds both sides of one such claim in
SymPy, decides it with :func:`derive.proof.compare` (symbolic + random points), and keeps the
verdict. Vectors are written per coordinate with two coordinates, which is enough both to prove the
element-wise identities and to exhibit a counterexample when a preconditioner is not a multiple of
the identity.

Proposition 3 is checked in two forms: with the L2 term λ'/2·‖w ⊙ √s‖² (what the paper's proof in
Appendix A uses; true) and λ'/(2α)·‖w ⊙ √s‖² (as the statement is printed; false unless α = 1).
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from . import symbols as S
from .proof import Verdict, compare

alpha, lam = S.alpha, S.lam
lam2 = S.symbol(r"\lambda'")
w1, w2 = S.symbol("w_{1}"), S.symbol("w_{2}")
g1, g2 = S.symbol(r"\nabla_{1} f"), S.symbol(r"\nabla_{2} f")
s1, s2 = sp.Symbol("s_{1}", positive=True), sp.Symbol("s_{2}", positive=True)


@dataclass(frozen=True)
class Theorem:
    """A claim about two update rules: ``equal`` says whether it asserts they coincide.

    ``lhs``/``rhs`` are the two rules per coordinate; ``verdicts`` decide their equality; the claim
    *holds* when that decision matches ``equal``. ``expected`` is whether the claim, as stated, is
    known to hold (False for the printed form of Proposition 3).
    """

    name: str
    statement: str
    lhs: tuple[sp.Expr, ...]
    rhs: tuple[sp.Expr, ...]
    equal: bool
    expected: bool
    verdicts: tuple[Verdict, ...]

    @property
    def sides_equal(self) -> bool:
        return all(v.status == "true" for v in self.verdicts)

    @property
    def sides_differ(self) -> bool:
        return any(v.status == "false" for v in self.verdicts)

    @property
    def holds(self) -> bool:
        return self.sides_equal if self.equal else self.sides_differ

    @property
    def fails(self) -> bool:
        return self.sides_differ if self.equal else self.sides_equal

    @property
    def witness(self) -> Verdict | None:
        """A point where the two rules differ, if any."""
        return next((v for v in self.verdicts if v.status == "false"), None)

    @property
    def as_expected(self) -> bool:
        return self.holds if self.expected else self.fails


def _theorem(name: str, statement: str, lhs: tuple[sp.Expr, ...], rhs: tuple[sp.Expr, ...],
             *, equal: bool = True, expected: bool = True) -> Theorem:
    verdicts = tuple(compare(a, b, seconds=5) for a, b in zip(lhs, rhs))
    return Theorem(name, statement, lhs, rhs, equal, expected, verdicts)


def proposition_1() -> Theorem:
    """Plain SGD: weight decay λ = L2 with λ' = λ/α."""
    decay = tuple((1 - lam) * w - alpha * g for w, g in ((w1, g1), (w2, g2)))
    l2 = tuple(w - alpha * (g + (lam / alpha) * w) for w, g in ((w1, g1), (w2, g2)))
    return _theorem("Proposition 1", "SGD with weight decay λ takes the steps of SGD on f + λ'/2·‖w‖² with λ' = λ/α",
                    decay, l2)


def proposition_2() -> Theorem:
    """A preconditioner M = diag(s)⁻¹ with s₁ ≠ s₂: no L2 coefficient reproduces weight decay."""
    # With s1 = s2 (M = kI) there is a solution; with s1 ≠ s2 the λ' that fits one coordinate misses the other.
    best = lam * s1 / alpha  # what coordinate 1 needs
    decay = ((1 - lam) * w2 - alpha * g2 / s2,)
    l2 = (w2 - alpha * (g2 + best * w2) / s2,)
    return _theorem("Proposition 2", "with a preconditioner M ≠ k·I, L2 regularization is not weight decay: "
                    "the λ' that fits one coordinate misses another", decay, l2, equal=False)


def proposition_3(printed: bool = False) -> Theorem:
    """Fixed M = diag(s)⁻¹: weight decay λ = L2 on f + λ'/2·‖w ⊙ √s‖² with λ' = λ/α."""
    scale = 1 / (2 * alpha) if printed else sp.Rational(1, 2)
    coefficient = lam / alpha
    decay, l2 = [], []
    for w, g, s in ((w1, g1, s1), (w2, g2, s2)):
        penalty = scale * coefficient * s * w ** 2  # one coordinate of λ'·scale·‖w ⊙ √s‖²
        decay.append((1 - lam) * w - alpha * g / s)
        l2.append(w - alpha * (g + sp.diff(penalty, w)) / s)
    form = "λ'/(2α)" if printed else "λ'/2"
    return _theorem("Proposition 3" + (" (as printed)" if printed else ""),
                    f"with a fixed preconditioner diag(s)⁻¹, weight decay λ equals L2 with {form}·‖w ⊙ √s‖², λ' = λ/α",
                    tuple(decay), tuple(l2), expected=not printed)


def all_theorems() -> list[Theorem]:
    return [proposition_1(), proposition_2(), proposition_3(), proposition_3(printed=True)]
