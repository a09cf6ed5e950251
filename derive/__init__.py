"""derive: the algebra of optimizer update rules in SymPy.

Interactive use::

    >>> import derive
    >>> d = derive.derive("adam", "l2")
    >>> d.decay          # a SymPy expression: g(λ)
    >>> d.kind           # 'per-coordinate'
    >>> d                # shows itself as LaTeX in Jupyter
"""
from __future__ import annotations

from . import catalog, printing, symbols
from .analysis import Analysis, Hidden, Note, part_ways, unroll
from .derivation import Derivation, Step, derive, derive_system
from .errors import DeriveError
from .system import Definition, System, make_system

__version__ = "0.1.0"

__all__ = [
    "Analysis", "Definition", "Derivation", "DeriveError", "Hidden", "Note", "Step", "System", "catalog", "derive",
    "derive_system", "make_system", "part_ways", "printing", "render", "symbols", "unroll",
]


def __getattr__(name: str) -> object:
    """``derive.render`` is imported on first use (it brings Jinja); the module is callable:
    ``derive.render("adam", reg="l2")`` renders notes (see :func:`derive.render.render`)."""
    if name == "render":
        import importlib
        return importlib.import_module(".render", __name__)
    raise AttributeError(f"module 'derive' has no attribute {name!r}")
