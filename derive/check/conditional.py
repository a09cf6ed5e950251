r"""Conditioning: ``\mathbb{E}[y \mid x]``, ``\mathbb{E}[g \mid x_t, s]``.

Inside the brackets of an expectation, a ``\mid`` (or one bare ``|``) at the top level separates what is
distributed from what it is conditioned on. (In a call, ``p(y \mid x)``, it is not read: ``p`` would be an unknown
function, and the checker takes a chain holding one for a form, not a claim.) The checker knows no law of conditional probability, so the
pair is kept whole as :class:`Given`: ``\mathbb{E}[y \mid x]`` is one opaque quantity, the same wherever it is
written the same way, and different from ``\mathbb{E}[y]`` and from ``\mathbb{E}[x \mid y]``. That is enough for
the algebra around it (``y − \mathbb{E}[y \mid x] + \mathbb{E}[y \mid x] − f(x) = y − f(x)``); a link whose sides
differ by an expectation taken under a condition is never refuted (see :func:`doubt`), since taking out what is
known (``\mathbb{E}[f(x) y \mid x] = f(x)\mathbb{E}[y \mid x]``) and the tower rule are not modelled.
"""

from __future__ import annotations

import sympy as sp


class Given(sp.Function):
    r"""``y \mid x`` (``Given(y, x)``), or ``s' \mid s, a`` (``Given(s', s, a)``): the first argument is
    conditioned on the others."""

    def _latex(self, printer: object) -> str:
        target, *conditions = (printer._print(a) for a in self.args)  # type: ignore[attr-defined]
        return target + r" \mid " + ", ".join(conditions)


#: Why a link whose sides differ is not false when a conditioning is in it.
REASON = "conditional expectations and probabilities: only their rewriting as whole quantities is modelled"


def in_name(name: str) -> bool:
    r"""A symbol made of a conditioned quantity (the expectation atom ``\mathbb{E}[Given(y, x)]``, a call read as a
    name): its name still says so."""
    return "Given" in name or r"\mid" in name


def doubt(*sides: sp.Expr) -> str | None:
    """Why sides that differ may still be equal when a side holds a conditioning; None when none does."""
    return REASON if any(side.has(Given) for side in sides) else None
