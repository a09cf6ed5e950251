r"""``σ`` as the logistic sigmoid when the words say so and the math never defines it.

Notes on logistic regression and backpropagation write ``\hat y = \sigma(z)`` and then ``\frac{\partial \hat
y}{\partial z} = \sigma(z)(1 - \sigma(z))``; the definition ``σ(z) = 1/(1 + e^{-z})`` is in the words ("the activation
function is sigmoid") or nowhere. With ``σ`` unknown, every such line is a form with an unknown function and nothing
is checked. When the prose names the sigmoid (or the logistic function) and no display defines ``σ``, ``σ`` is read
as ``1/(1 + e^{-x})``.

That reading is the text's, not the math's: the same words may name the sigmoid as one activation among several, and
``σ`` may be something else on a line of its own. So the reading only ever proves: a link it makes false is
undecided, "false if σ is the logistic sigmoid", and never an error.
"""

from __future__ import annotations

import re

import sympy as sp

from .. import symbols as S
from .bind import FunctionDef

#: The function name the parser gives ``\sigma(…)``.
NAME = "\\sigma"
#: The words that name the logistic function, in the languages of the notes met so far.
_WORDS = re.compile(r"sigmo[iï]d|logisti[cq]|логистическ|сигмоид|시그모이드|シグモイド|逻辑斯蒂|逻辑函数|S型",
                    re.IGNORECASE)
#: Said of a link proved with this reading.
PROVED_NOTE = "σ read as the logistic sigmoid the prose names"
#: Said of a link decided false under this reading.
FALSE_REASON = "false if σ is the logistic sigmoid the prose names (σ is not defined in the math)"


def named_in(text: str) -> bool:
    """Does the prose name the sigmoid or the logistic function?"""
    return _WORDS.search(text) is not None


def definition() -> FunctionDef:
    """``σ(x) = 1/(1 + e^{-x})``, as the prose's reading (line 0: no display gave it)."""
    x = S.symbol("x")
    return FunctionDef(NAME, (x,), 1 / (1 + sp.exp(-x)), 0)


def reads(expr: sp.Expr | None) -> bool:
    """Does ``expr`` apply σ (or differentiate it)?"""
    if expr is None:
        return False
    return any(type(call).__name__ == NAME or NAME in type(call).__name__
               for call in expr.atoms(sp.core.function.AppliedUndef))
