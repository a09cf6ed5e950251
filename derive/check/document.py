"""A notes file, read once: its flavour, its math blocks with exact positions, its prose and sections.

Every later stage (lint, parse, bind, verify, catalog) works on this one model instead of scanning
the text again. A Jupyter notebook is read as the Markdown of its Markdown cells, joined with blank
lines so that no formula runs from one cell into the next; :meth:`Document.locate` turns a line of
that joined text back into ``(cell, line)``, and findings in notebooks read ``path:cell N:line:col``
(cells counted from 1 over all cells, code cells included, as ruff counts them).
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import TypeVar

from ..errors import NotesError
from .extract import MathBlock, scan
from .flavors import Flavor, decide
from .macros import MacroTable, macros_for

_TEX_HEADING = re.compile(r"\\(?:part|chapter|section|subsection|subsubsection)\*?\s*[{\[]")


@dataclass(frozen=True)
class Cell:
    """A Markdown cell of a notebook: its number and where it starts in the joined text."""

    number: int  # 1-based, counting every cell
    first_line: int  # 1-based line in the joined text


@dataclass(frozen=True)
class Document:
    """One notes file as the checker reads it.

    ``source`` is the text the positions refer to (for a notebook, its Markdown cells joined);
    ``visible`` is that text with code, comments, front matter and markup masked by spaces;
    ``sections`` are the lines where a heading starts a new scope; ``macros`` are the definitions in
    force (from the file, its front matter, a ``\\input`` preamble and the project's config).
    """

    path: str
    source: str
    flavor: Flavor
    kind: str  # "markdown" or "latex"
    blocks: tuple[MathBlock, ...]
    visible: str
    sections: tuple[int, ...]
    macros: MacroTable
    cells: tuple[Cell, ...] = ()
    section_levels: tuple[int, ...] = ()  #: the depth of each section's heading (see :func:`heading_levels`)
    code_math: tuple[int, ...] = ()  #: offsets of math in code spans shown as code (:mod:`.math_code`)

    def locate(self, line: int) -> tuple[int | None, int]:
        """``(cell, line within the cell)`` for a line of :attr:`source`; ``(None, line)`` outside notebooks."""
        if not self.cells:
            return None, line
        k = bisect_right([c.first_line for c in self.cells], line) - 1
        cell = self.cells[max(k, 0)]
        return cell.number, line - cell.first_line + 1

    def relocate(self, item: _Located) -> _Located:
        """A finding or link with its line made cell-relative (notebooks only), and the lines its text refers
        to ("restates the value given on line 112") named the same way ("on line 3 of cell 7"): a line of the
        joined Markdown is nowhere in the notebook its author sees."""
        if not self.cells:
            return item
        cell, line = self.locate(item.line)  # type: ignore[attr-defined]
        texts = {name: _LINE_REFERENCE.sub(self._cell_line, getattr(item, name))
                 for name in ("message", "reason") if isinstance(getattr(item, name, None), str)}
        return replace(item, line=line, cell=cell, **texts)  # type: ignore[type-var]

    def _cell_line(self, m: re.Match[str]) -> str:
        cell, line = self.locate(int(m.group(1)))
        return f"line {line} of cell {cell}"


_Located = TypeVar("_Located")
#: "line 112" in a message or reason: a line of the text the checker reads.
_LINE_REFERENCE = re.compile(r"\bline (\d+)\b")


def read_document(path: str, text: str, forced: str | None = None, roots: tuple[str, ...] = ()) -> Document:
    """Read one file's text (as :func:`derive.check.extract.read_source` returns it) into a Document.

    ``roots`` are the folders named on the command line: without a ``.git`` above the file, the one holding
    it bounds the files its macros may come from (see :func:`derive.check.macros.macros_for`)."""
    flavor = decide(path, text, forced)
    cells: tuple[Cell, ...] = ()
    if flavor.name == "ipynb":
        text, cells = notebook_markdown(path, text)
    scanned = scan(path, text, flavor.markdown if forced else None)
    if scanned.kind == "markdown":
        sections = scanned.headings
    else:
        sections = tuple(scanned.visible.count("\n", 0, m.start()) + 1 for m in _TEX_HEADING.finditer(scanned.visible))
    sections = _without_steps(text, sections)
    macros = macros_for(path, text, flavor.name, named=roots)  # the file's, its front matter's, its preamble's, its project's
    return Document(path, text, flavor, scanned.kind, scanned.blocks, scanned.visible, sections, macros, cells,
                    heading_levels(text, sections, scanned.kind), scanned.code_math)


#: A heading that numbers a step of one derivation ("###### Step 3: Substituting the Update Rule", "Шаг 2", "第二步").
_STEP_HEADING = re.compile(
    r"^[#\s*_]*(?:\\(?:sub)*section\*?\s*\{\s*)?(?:\*\*)?\s*(?:(?:step|шаг|этап|schritt|étape|etape|paso|passo)\s*\d+\b"
    r"|第\s*[0-9一二三四五六七八九十]+\s*步|步骤\s*[0-9一二三四五六七八九十]+|ステップ\s*\d+|\d+\s*단계)", re.IGNORECASE)


def _without_steps(text: str, sections: tuple[int, ...]) -> tuple[int, ...]:
    """The section starts, less the headings that number the steps of one derivation: "Step 3" goes on with what
    "Step 2" defined (x⁺ = x − t∇f(x) there, ``x⁺ − x = −t∇f(x)`` substituted here); a new scope at each step made
    every later step's names new."""
    lines = text.split("\n")
    return tuple(line for line in sections
                 if not (0 < line <= len(lines) and _STEP_HEADING.match(lines[line - 1].strip())))


def heading_levels(source: str, sections: tuple[int, ...], kind: str) -> tuple[int, ...]:
    """The depth of each section's heading (``#`` is 1, ``###`` 3; ``\\section`` 2, ``\\subsection`` 3), so that
    a subsection can see what the section around it defined; a heading whose depth cannot be read counts as 1."""
    lines = source.split("\n")
    levels = []
    for line in sections:
        text = lines[line - 1].lstrip() if 0 < line <= len(lines) else ""
        if kind == "latex":
            m = _TEX_HEADING.search(text)
            name = re.match(r"\\(\w+)", m.group()).group(1) if m else ""
            levels.append(_TEX_LEVELS.get(name, 1))
            continue
        hashes = len(text) - len(text.lstrip("#"))
        if 0 < hashes <= 6:
            levels.append(hashes)
        else:  # a setext heading: the rule under it says which
            under = lines[line].strip() if line < len(lines) else ""
            levels.append(2 if under.startswith("-") else 1)
    return tuple(levels)


_TEX_LEVELS = {"part": 0, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4}


def notebook_markdown(path: str, text: str) -> tuple[str, tuple[Cell, ...]]:
    """The Markdown cells of a notebook joined by blank lines, and where each starts."""
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError as err:
        raise NotesError(f"not a Jupyter notebook: invalid JSON ({err.msg})", path=path, line=err.lineno) from None
    raw_cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if raw_cells is None and isinstance(notebook, dict) and isinstance(notebook.get("worksheets"), list):
        raw_cells = [c for ws in notebook["worksheets"] if isinstance(ws, dict) for c in ws.get("cells", [])]
    if not isinstance(raw_cells, list):
        raise NotesError("not a Jupyter notebook: no list of cells", path=path)
    pieces: list[str] = []
    cells: list[Cell] = []
    line = 1
    for number, cell in enumerate(raw_cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        body = "".join(source) if isinstance(source, list) else str(source)
        body = body.replace("\r\n", "\n").replace("\r", "\n")
        if not body.endswith("\n"):
            body += "\n"
        cells.append(Cell(number, line))
        pieces.append(body + "\n")  # a blank line between cells: no formula crosses a cell boundary
        line += body.count("\n") + 1
    return "".join(pieces), tuple(cells)
