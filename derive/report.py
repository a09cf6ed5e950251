"""Derivations as terminal text, a LaTeX block and JSON: what ``derive show`` prints.

JSON carries every expression twice: ``latex`` to read and ``srepr`` to rebuild the exact SymPy
object (``sympy.srepr`` output is a constructor expression, meant for programs, not for humans).
"""
from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

import sympy as sp

from . import printing
from . import symbols as S
from .budget import time_budget
from .derivation import Derivation

T = TypeVar("T")

#: Seconds for printing one derivation: the printer walks each expression once, so this is only hit
#: by a pathological user system, which then gets a one-line error instead of a hang.
REPORT_SECONDS = 30.0


def _bounded(fn: Callable[..., T]) -> Callable[..., T]:
    """Run a report function under :func:`derive.budget.time_budget` (``BudgetExceeded`` is one line)."""
    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> T:
        with time_budget(REPORT_SECONDS):
            return fn(*args, **kwargs)
    return run


def _expr_json(expr: sp.Expr | None) -> dict[str, str] | None:
    if expr is None:
        return None
    return {"latex": printing.latex(expr), "text": printing.text(expr), "srepr": sp.srepr(expr)}


def _title(d: Derivation, title: str | None = None) -> str:
    return title if title is not None else d.title


@_bounded
def derivation_json(d: Derivation) -> dict[str, Any]:
    return {
        "optimizer": d.optimizer.name if d.optimizer else None,
        "source": d.optimizer.source if d.optimizer else None,
        "regularization": d.reg,
        "regularization_detail": d.reg_detail,
        "expanded": d.expanded,
        "system": [{"target": df.target.name, "expr": _expr_json(df.expr), "note": df.note}
                   for df in d.system.definitions],
        "steps": [{"expr": _expr_json(st.expr), "substituted": st.substituted.name if st.substituted else None,
                   "reason": st.reason} for st in d.steps],
        "form": {"latex": d.form_latex(), "text": d.form_text()},
        "decay_factor": {**_expr_json(d.decay), "latex": d.decay_latex(), "text": d.decay_text()},
        "rate": _expr_json(d.rate),
        "h": _expr_json(d.h),
        "kind": d.kind,
        "depends_on": [s.name for s in d.depends_on],
        "responsible_factor": _expr_json(d.responsible),
        "notes": [{"code": n.code, "text": n.text} for n in d.notes],
        "hidden": [{"symbol": x.symbol.name, "how": x.how, "through": x.through, "text": x.text} for x in d.hidden],
        "checks": [{"claim": what, "status": v.status, "how": v.reason} for what, v in d.proofs],
    }


@_bounded
def derivation_text(d: Derivation, title: str | None = None) -> str:
    lines = [_title(d, title), ""]
    lines.append("System:")
    lines += [f"  {S.text_name(df.target)} = {printing.text(df.expr)}" for df in d.system.definitions]
    lines += ["", "Substitution:"]
    lines += [f"  {st}" for st in d.steps]
    lines += ["", "Step form:", f"  {d.form_text()}", f"  g(λ) = {d.decay_text()}", f"  h    = {printing.text(d.h)}"]
    if d.kind == "uniform":
        lines.append("  decay: uniform — the same factor for every weight")
    else:
        names = ", ".join(S.text_name(s) for s in d.depends_on)
        factor = printing.text(d.responsible) if d.responsible is not None else "g(λ)"
        lines.append(f"  decay: per-coordinate — {factor} depends on {names}")
    if d.notes:
        lines += ["", "Notes:"] + [f"  - {n.text}" for n in d.notes]
    if d.analysis.unexplained:
        lines += ["", "Hidden dependences:"] + [f"  - {x.text}" for x in d.analysis.unexplained]
    lines += ["", "Checked: " + "; ".join(f"{what}: {v.status} ({v.reason})" for what, v in d.proofs)]
    return "\n".join(lines)


@_bounded
def derivation_latex(d: Derivation) -> str:
    rows = " \\\\\n  ".join(d.system_rows_latex())
    steps = " \\\\\n  &= ".join(printing.latex(st.expr) for st in d.steps)
    return (f"% {_title(d)}\n\\begin{{equation*}}\n\\begin{{cases}}\n  {rows}\n\\end{{cases}}\n\\end{{equation*}}\n"
            f"\\begin{{align*}}\n  w_{{t}} &= {steps}\n\\end{{align*}}\n"
            f"\\begin{{equation*}}\n  {d.form_latex()}\n\\end{{equation*}}\n")


def parting_json(d: Derivation, k: int, versus: Derivation | None = None) -> dict[str, Any]:
    """``--unroll K`` as JSON: each mode's coefficient of w_{t-K} in w_t and where the modes part ways.

    ``versus``: the derivation to compare with (a user's system in its other mode); by default every
    other mode of the catalog entry.
    """
    from .unrolled import compare_modes

    return compare_modes(d, k, versus=versus).as_json()


def parting_text(d: Derivation, k: int, versus: Derivation | None = None) -> str:
    """``--unroll K`` as text (bounded in time: see :mod:`derive.unrolled`)."""
    from .unrolled import compare_modes

    return "\n" + str(compare_modes(d, k, versus=versus))
