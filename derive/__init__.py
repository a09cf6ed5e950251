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

"""
from __future__ import annotations

from . import catalog, figures, printing, symbols
from .analysis import Analysis, Hidden, Note, part_ways, unroll
from .derivation import Derivation, Step, derive, derive_system
from .errors import DeriveError, UnknownNameError
from .simulate import Simulation, simulate
from .symbols import lookup
from .system import Definition, System, make_system
from .unrolled import Unrolled, compare_modes

__version__ = "0.1.0"

__all__ = [
    "Analysis", "Definition", "Derivation", "DeriveError", "Hidden", "Note", "Step", "System", "catalog", "derive",
    "derive_system", "make_system", "part_ways", "printing", "render", "symbols", "unroll",
    "Simulation", "UnknownNameError", "Unrolled", "compare_modes", "figures", "lookup", "simulate",
]


def __getattr__(name: str) -> object:
    """``derive.render`` is imported on first use (it brings Jinja); the module is callable:
    ``derive.render("adam", reg="l2")`` renders notes (see :func:`derive.render.render`)."""
    if name == "render":
        import importlib
        return importlib.import_module(".render", __name__)
    raise AttributeError(f"module 'derive' has no attribute {name!r}")
