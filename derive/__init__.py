"""derive: the algebra of optimizer update rules in SymPy.

Interactive use::

    >>> import derive
    >>> d = derive.derive("adam", "l2")
    >>> d.decay          # a SymPy expression: g(λ), printed in the textbook's letters
    -η_t*λ*(1 - β₁)/((1 - β₁**t)*(ε + sqrt(v̂_t))) + 1
    >>> d.kind
    'per-coordinate'
    >>> d                # in Jupyter: the system, the step form, g(λ), h and the notes, as in the notes
    Derivation(adam --reg l2: g(λ) = 1 − (η_t·λ·(1 − β₁))/(1 − β₁^t) · 1/(√v̂_t + ε); per-coordinate)
    >>> d.at(beta1=0).decay_text()
    '1 − η_t·λ · 1/(√v̂_t + ε)'

The public names are imported on first use (PEP 562), so that ``import derive`` and the parts that do
not compute (the CLI's argument parsing, ``derive check`` answering from its cache) do not pay for
importing SymPy. ``derive.render`` is the module, and it is callable:
``derive.render("adam", reg="l2")`` renders notes (see :func:`derive.render.render`).
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import DeriveError, UnknownNameError

__version__ = "0.1.0"

#: name -> (submodule, attribute or None for the submodule itself)
_LAZY: dict[str, tuple[str, str | None]] = {
    "catalog": ("catalog", None), "printing": ("printing", None), "symbols": ("symbols", None),
    "figures": ("figures", None), "render": ("render", None),
    "Analysis": ("analysis", "Analysis"), "Hidden": ("analysis", "Hidden"), "Note": ("analysis", "Note"),
    "part_ways": ("analysis", "part_ways"), "unroll": ("analysis", "unroll"),
    "Derivation": ("derivation", "Derivation"), "Step": ("derivation", "Step"), "derive": ("derivation", "derive"),
    "derive_system": ("derivation", "derive_system"),
    "Definition": ("system", "Definition"), "System": ("system", "System"), "make_system": ("system", "make_system"),
    "Simulation": ("simulate", "Simulation"), "simulate": ("simulate", "simulate"), "lookup": ("symbols", "lookup"),
    "Unrolled": ("unrolled", "Unrolled"), "compare_modes": ("unrolled", "compare_modes"),
}

__all__ = [
    "Analysis", "Definition", "Derivation", "DeriveError", "Hidden", "Note", "Step", "System", "catalog", "derive",
    "derive_system", "make_system", "part_ways", "printing", "render", "symbols", "unroll",
    "Simulation", "UnknownNameError", "Unrolled", "compare_modes", "figures", "lookup", "simulate",
]


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'derive' has no attribute {name!r}") from None
    value = importlib.import_module(f".{module}", __name__)
    if attribute is not None:
        value = getattr(value, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


if TYPE_CHECKING:  # what the names are, for type checkers and editors
    from . import catalog, figures, printing, symbols  # noqa: F401
    from .analysis import Analysis, Hidden, Note, part_ways, unroll  # noqa: F401
    from .derivation import Derivation, Step, derive, derive_system  # noqa: F401
    from .simulate import Simulation, simulate  # noqa: F401
    from .symbols import lookup  # noqa: F401
    from .system import Definition, System, make_system  # noqa: F401
    from .unrolled import Unrolled, compare_modes  # noqa: F401
