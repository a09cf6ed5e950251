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
