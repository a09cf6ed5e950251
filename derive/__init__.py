"""derive: the algebra of optimizer update rules in SymPy.

Interactive use::

    >>> import derive
    >>> d = derive.derive("adam", "l2")
    >>> d.decay          # a SymPy expression: g(λ)
    >>> d.kind           # 'per-coordinate'
    >>> d                # shows itself as LaTeX in Jupyter

The public names are imported on first use (PEP 562), so that ``import derive`` and the parts that do
not compute (the CLI's argument parsing, ``derive check`` answering from its cache) do not pay for
importing SymPy.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import DeriveError

__version__ = "0.1.0"

#: name -> (submodule, attribute or None for the submodule itself)
_LAZY: dict[str, tuple[str, str | None]] = {
    "catalog": ("catalog", None), "printing": ("printing", None), "symbols": ("symbols", None),
    "Analysis": ("analysis", "Analysis"), "Note": ("analysis", "Note"), "part_ways": ("analysis", "part_ways"),
    "unroll": ("analysis", "unroll"),
    "Derivation": ("derivation", "Derivation"), "Step": ("derivation", "Step"), "derive": ("derivation", "derive"),
    "derive_system": ("derivation", "derive_system"),
    "Definition": ("system", "Definition"), "System": ("system", "System"), "make_system": ("system", "make_system"),
}

__all__ = [
    "Analysis", "Definition", "Derivation", "DeriveError", "Note", "Step", "System", "catalog", "derive",
    "derive_system", "make_system", "part_ways", "printing", "symbols", "unroll",
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
    from . import catalog, printing, symbols  # noqa: F401
    from .analysis import Analysis, Note, part_ways, unroll  # noqa: F401
    from .derivation import Derivation, Step, derive, derive_system  # noqa: F401
    from .system import Definition, System, make_system  # noqa: F401
