"""Defer SymPy's tensor module, which SymPy loads on the first sum it builds but a checker never uses.

``Add.flatten`` runs ``from sympy.tensor.tensor import TensExpr, TensAdd`` on every call, only to ask
``isinstance(term, TensExpr)``. Importing that module pulls in ``sympy.combinatorics`` (which builds the
polyhedral groups at import): about a tenth of the checker's cold start beyond ``import sympy``, spent on
classes no note ever produces.

:func:`defer_tensor_module` puts a stand-in in its place whose ``TensExpr`` and ``TensAdd`` are classes
nothing is an instance of, which is exactly true while the real module is not loaded (a tensor expression
can only be built from the real module's classes). Any other name asked of the stand-in loads the real
module, puts it back where it belongs, and answers from it, so ``import sympy.tensor.tensor`` and
``from sympy.tensor.tensor import TensorHead`` keep working in a session that uses both.
"""
from __future__ import annotations

import importlib
import sys
import types
from typing import Any

_NAME = "sympy.tensor.tensor"


class _Deferred(types.ModuleType):
    """The stand-in for :mod:`sympy.tensor.tensor` until something other than ``Add.flatten`` needs it."""

    class TensExpr:  # noqa: D106 - never instantiated: the marker that no term is a tensor expression
        pass

    class TensAdd(TensExpr):  # noqa: D106
        pass

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):  # the import system probing (``__path__``, ``__spec__``): not a use
            raise AttributeError(name)
        return getattr(_load_real(), name)


def _load_real() -> types.ModuleType:
    if isinstance(sys.modules.get(_NAME), _Deferred):
        del sys.modules[_NAME]
    real = importlib.import_module(_NAME)  # the import system binds it on sympy.tensor again
    return real


def defer_tensor_module() -> None:
    """Install the stand-in unless the real module is loaded already (then nothing changes)."""
    if _NAME in sys.modules:
        return
    import sympy.tensor

    stand_in = _Deferred(_NAME, __doc__)
    sys.modules[_NAME] = stand_in
    sympy.tensor.tensor = stand_in  # type: ignore[attr-defined]


# -- a power of a two-term sum -----------------------------------------------------------------------

_plain_add_power: Any = None


def skip_futile_infinity_question() -> None:
    """Build ``(a + b)**e`` without asking whether ``a`` or ``b`` is infinite when the answer cannot matter.

    ``Add._eval_power`` asks that of every two-term sum raised to a power (``1/(\\sqrt{\\hat v_t} + ε)``,
    ``(1 - β^t)^{-1}``) and acts on the answer only for a literal ``a + b·i``; a sum with symbols is
    otherwise left as an unevaluated power either way. For ``\\sqrt{N/(1-β_2^t)} + ε`` the question
    costs SymPy a tenth of a second (it must find that ``1 - β_2^t`` may vanish) and decides nothing.
    The shortcut returns what SymPy returns in that case — None, "no simplification" — and hands every
    other case (a number, a term with an imaginary part, more or fewer than two terms) to SymPy's own
    method, so no result changes; only the cost does. Idempotent.
    """
    global _plain_add_power
    from sympy import I
    from sympy.core.add import Add

    if _plain_add_power is not None:
        return
    _plain_add_power = Add._eval_power

    def _eval_power(self: Any, expt: Any) -> Any:
        args = self.args
        if len(args) == 2 and self.free_symbols and not (args[0].coeff(I) or args[1].coeff(I)):
            return None
        return _plain_add_power(self, expt)

    Add._eval_power = _eval_power  # type: ignore[method-assign]
