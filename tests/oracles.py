"""Real parsers as oracles for extraction: what Pandoc, MyST and nbformat say is math, and where.

Importable by any test (they share no code with ``derive``):

* :func:`pandoc_math` runs ``pandoc -f FMT -t json`` and returns every ``Math`` node with its source
  position. Pandoc's ``markdown`` reader has no source positions, so each formula's TeX is located in
  the source in document order (Pandoc keeps math text verbatim), after the opening delimiter.
* :func:`myst_math` reads with markdown-it-py + mdit-py-plugins as myst-parser does (``myst_reader``).
* :func:`notebook_cells` reads a notebook with nbformat: its markdown cells, numbered as ruff numbers
  them (1-based, counting every cell).

Positions are 1-based ``(line, col)`` of the first character of the math text (after the delimiter).
"""
from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
from typing import Any

#: Pandoc reader formats for the flavours that use Pandoc.
PANDOC_READERS = {
    "pandoc": "markdown",
    "quarto": "markdown",
    "rmarkdown": "markdown+autolink_bare_uris+tex_math_single_backslash",
}


def _position(source: str, offset: int) -> tuple[int, int]:
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


_RAW_MATH_ENV = re.compile(r"\\begin\{(?:equation|align|gather|multline|flalign|alignat|eqnarray)\*?\}")


def _math_nodes(node: Any, out: list[tuple[str, str]]) -> None:
    if isinstance(node, dict):
        if node.get("t") == "Math":
            kind, text = node["c"]
            out.append((kind["t"], text))
            return
        if node.get("t") in ("RawInline", "RawBlock") and _RAW_MATH_ENV.match(node["c"][1]) \
                and node["c"][0] in ("tex", "latex"):
            # \begin{align*} … in Pandoc Markdown is raw TeX that the HTML writer passes to MathJax
            out.append(("DisplayMath", node["c"][1]))
            return
        for value in node.values():
            _math_nodes(value, out)
    elif isinstance(node, list):
        for item in node:
            _math_nodes(item, out)


def pandoc_math(source: str, fmt: str = "markdown") -> list[tuple[int, int, str, bool]]:
    """``(line, col, text, display)`` of every formula Pandoc reads in ``source`` with reader ``fmt``
    (a format such as ``markdown+tex_math_single_backslash`` or a key of :data:`PANDOC_READERS`)."""
    exe = os.environ.get("DERIVE_PANDOC", "pandoc")
    if shutil.which(exe) is None:
        raise FileNotFoundError("pandoc is not installed")
    reader = PANDOC_READERS.get(fmt, fmt)
    proc = subprocess.run([exe, "-f", reader, "-t", "json"], input=source, capture_output=True, text=True,
                          timeout=60, check=True)
    nodes: list[tuple[str, str]] = []
    _math_nodes(json.loads(proc.stdout)["blocks"], nodes)
    found = []
    cursor = 0
    for kind, text in nodes:
        at = source.find(text, cursor) if text else -1
        if at < 0:
            raise AssertionError(f"pandoc math {text!r} not found in the source after offset {cursor}")
        found.append((*_position(source, at), text, kind == "DisplayMath"))
        cursor = at + len(text)
    return found


def myst_math(source: str, options: dict[str, Any] | None = None) -> list[tuple[int, int, str, bool]]:
    """``(line, col, text, display)`` of every formula MyST (markdown-it-py + mdit-py-plugins, configured
    as myst-parser does) reads in ``source``. ``options`` is reserved for parser options; only
    myst-parser's defaults with dollarmath and amsmath are supported."""
    if options:
        raise NotImplementedError(f"myst_math options not supported yet: {sorted(options)}")
    from myst_reader import read

    found = []
    lines = source.split("\n")
    for m in read(source).math:
        first = m.content.strip().split("\n")[0].strip()
        line_text = lines[m.first_line - 1]
        col = line_text.find(first) + 1 if first and first in line_text else 1
        line = m.first_line
        if first and first not in line_text and m.first_line < len(lines):
            line, col = m.first_line + 1, max(lines[m.first_line].find(first), 0) + 1
        found.append((line, col, m.content, not m.inline))
    return found


def notebook_cells(path: str | os.PathLike[str]) -> list[tuple[int, str]]:
    """``(cell number, source)`` of every markdown cell, numbered from 1 over all cells (ruff's way)."""
    import nbformat

    nb = nbformat.read(os.fspath(path), as_version=4)
    return [(i, cell.source) for i, cell in enumerate(nb.cells, start=1) if cell.cell_type == "markdown"]
