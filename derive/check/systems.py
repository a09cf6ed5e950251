"""A user's own optimizer, read from the first system of a notes file (a ``cases``/``aligned`` block).

The reader is the notes checker's (extract → parse → bind), so a system written in LaTeX gets the same
derivation and analysis as a catalog entry: ``derive show --system my_optimizer.md``. Every free
symbol the system does not define is taken as a hyperparameter, except the previous state
(``x_{t-1}`` for a defined ``x_{t}``) and the gradient.
"""
from __future__ import annotations

import sympy as sp

from .. import symbols as S
from ..errors import SystemDefinitionError
from ..system import System, make_system
from .bind import GRADIENT_PREFIX

_RATE_NAMES = (r"\eta_{t}", r"\eta", r"\gamma", r"\gamma_{t}", r"\alpha_{t}", r"\alpha")


def system_from_notes(path: str) -> System:
    """The first system of ``path`` as a :class:`System`; a clear error when there is none."""
    from .catalog_match import _weight_target
    from .extract import read_source, scan
    from .latex import parse_block
    from .verify import DocumentChecker

    source = read_source(path)
    scanned = scan(path, source)
    blocks = list(scanned.blocks)
    checker = DocumentChecker(path, blocks, [parse_block(b.text) for b in blocks], [])
    checker.bind()
    if not checker.systems:
        raise SystemDefinitionError("no system found: write the step as a block of two or more definitions "
                                    "(cases, aligned or align)", path=path)
    scope = checker.systems[0]
    line = scope.block.line
    weight = _weight_target(scope)
    if weight is None:
        raise SystemDefinitionError("the system has no weight update x_t = … x_{t-1} …", path=path, line=line)
    weight_prev = S.symbol(weight.name.replace("_{t}", "_{t-1}"))
    free: set[sp.Symbol] = set()
    for expr in scope.definitions.values():
        free |= expr.free_symbols
    gradient = next((s for s in free if s.name.startswith(GRADIENT_PREFIX) and s.name.endswith(f"({weight_prev.name})")),
                    S.grad)
    defined = set(scope.definitions)
    state_prev = {S.symbol(t.name[: -len("_{t}")] + "_{t-1}") for t in defined if t.name.endswith("_{t}")}
    params = sorted(free - defined - state_prev - {weight_prev, gradient}, key=lambda s: s.name)
    update = scope.definitions[weight]
    rate = next((S.symbol(n) for n in _RATE_NAMES if S.symbol(n) in update.free_symbols), sp.Integer(1))
    atoms = tuple(t for t in defined if _under_root(t, scope.definitions))
    try:
        return make_system(list(scope.definitions.items()), weight=weight, weight_prev=weight_prev, gradient=gradient,
                           rate=rate, atoms=atoms, params=params)
    except SystemDefinitionError as err:
        raise SystemDefinitionError(str(err), path=path, line=line) from None


def _under_root(target: sp.Symbol, definitions: dict[sp.Symbol, sp.Expr]) -> bool:
    """Is ``target`` read under a square root somewhere (v̂_t in √v̂_t + ε)? Then it stays an atom."""
    for expr in definitions.values():
        for power in expr.atoms(sp.Pow):
            if power.exp == sp.Rational(1, 2) and target in power.base.free_symbols:
                return True
    return False
