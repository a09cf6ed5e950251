"""How derive's objects show themselves: in Jupyter (Markdown with math, LaTeX), in ``repr`` and in ``str``.

Jupyter asks an object for ``_repr_markdown_`` and ``_repr_latex_`` and shows the richest one the
front end renders (JupyterLab and VS Code prefer Markdown, ``nbconvert --to latex`` prefers LaTeX);
``repr`` is what a list of objects or a debugger shows, so it stays one short line. Every formula
comes from :mod:`derive.printing`, the printer of the notes, so a notebook reads like the notes.
"""
from __future__ import annotations

from typing import Iterable

import sympy as sp

from . import printing

#: ``repr`` longer than this is cut with an ellipsis: a repr is a label, not a report.
REPR_LIMIT = 160


def clip(text: str, limit: int = REPR_LIMIT) -> str:
    """``text`` cut to ``limit`` characters with ``…``.

    >>> clip("w_t = " + "x" * 200, 12)
    'w_t = xxxxx…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def inline(expr: sp.Basic | str) -> str:
    r"""Inline math for Markdown: ``$…$`` around the notes' LaTeX.

    >>> from derive import symbols as S
    >>> inline(S.beta1 * S.m_prev)
    '$\\beta_{1} m_{t-1}$'
    """
    return f"${expr if isinstance(expr, str) else printing.latex(expr)}$"


def display(body: str) -> str:
    """A display-math block for Markdown (``$$`` on lines of their own, as MyST and Jupyter read it).

    >>> print(display("a = b"))
    $$
    a = b
    $$
    """
    return f"$$\n{body.strip()}\n$$"


def aligned(rows: Iterable[str], *, brace: bool = False) -> str:
    r"""Rows ``lhs &= rhs`` as one ``aligned`` block, opened by a brace for a system.

    >>> print(aligned(["a &= b", "c &= d"], brace=True))
    \left\{\begin{aligned}
      a &= b \\
      c &= d
    \end{aligned}\right.
    """
    body = " \\\\\n".join(f"  {row}" for row in rows)
    block = f"\\begin{{aligned}}\n{body}\n\\end{{aligned}}"
    return f"\\left\\{{{block}\\right." if brace else block


def latex_text(text: str) -> str:
    r"""Plain text made safe inside ``\text{…}``.

    >>> latex_text("50% of {x}")
    '50\\% of \\{x\\}'
    """
    for ch in "\\{}%#&$_^~":
        text = text.replace(ch, "\\" + ch if ch not in "\\^~" else {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}[ch])
    return text


def markdown_to_latex(markdown: str) -> str:
    r"""A sentence with ``$…$`` math as one line of display LaTeX: text in ``\text{…}``, math as math.

    >>> markdown_to_latex("so $\\lambda w$ stays")
    '\\text{so }\\lambda w\\text{ stays}'
    """
    pieces = markdown.split("$")
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if i % 2:
            out.append(piece)
        elif piece:
            out.append(f"\\text{{{latex_text(piece)}}}")
    return "".join(out)


def latex_number(x: float) -> str:
    """A float as LaTeX: powers of ten as ``10^{-8}``, the rest as Python's shortest repr.

    >>> latex_number(1e-8), latex_number(0.999), latex_number(0.0001)
    ('10^{-8}', '0.999', '10^{-4}')
    """
    mantissa, exponent = f"{x:.0e}".split("e")
    if abs(int(exponent)) >= 4 and mantissa == "1" and float(f"1e{exponent}") == x:
        return f"10^{{{int(exponent)}}}"
    return f"{x:g}"
