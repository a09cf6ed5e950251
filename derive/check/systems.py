"""A user's own optimizer, read from the systems of a notes file (``cases``/``aligned`` blocks, algorithm rows).

The reader is the notes checker's (extract → parse → bind), so a system written in LaTeX gets the same
derivation, analysis and documents as a catalog entry: ``derive show --system notes.md``,
``derive render --system notes.md``. What it adds is the reading of a *system*, as lecturers write one:

* any step index: ``m_t``, ``\\theta_k``, ``x_{n+1} = x_n - …`` (the forward form), mapped onto the
  engine's ``t`` and written back in the author's letters (:class:`~derive.notation.Notation`);
* any name for the weights (``\\theta``, ``x``, ``\\mathbf{w}``): the row that updates a quantity from
  its own previous value and that no other row reads;
* ``=``, ``:=``, ``\\leftarrow``/``\\gets`` rows, and pseudo-code without indices (``m \\gets \\beta m +
  g``): a name read before its own row in the step is the previous step's value;
* definitions in the prose of the same section (``where $g_t = \\nabla L(w_{t-1}) + \\lambda
  w_{t-1}$`` after the block): used, and listed among the assumptions, never ignored silently;
* errors with the row at fault: a cycle, a row defined through itself (``m_t = m_t + g_t``), no
  weight update, a row that cannot be read.

Everything else (hyperparameters, state, atoms, the rate, which symbol is the loss gradient) is
inferred by :func:`derive.system.make_system`, the same path the Python API takes.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import sympy as sp

from .. import printing
from .. import symbols as S
from ..errors import SystemDefinitionError
from ..layout import math_to_text, plain_text
from ..notation import Notation
from ..system import Assumption, Definition, System, at_step, make_system, step_name
from .bind import GRADIENT_PREFIX, CircularDefinition, atomize

_INDEXED = re.compile(r"^(?P<base>.+?)_\{(?P<letter>[A-Za-z])(?:(?P<sign>[+-])(?P<num>\d+))?\}$")
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(?P<text>.*?)[ \t#]*$")
_TEX_HEADING = re.compile(r"\\(?:part|chapter|section|subsection|subsubsection)\*?\s*(?:\[[^\]]*\])?\{(?P<text>[^{}]*(?:\{[^{}]*\}[^{}]*)*)\}")
_WEIGHT_NAMES = ("w", r"\theta", "x", r"\mathbf{w}", r"\boldsymbol{\theta}", r"\mathbf{x}", r"\boldsymbol{w}",
                 r"\bm{w}", r"\bm{\theta}", r"\mathbf{\theta}", r"\vartheta", r"\boldsymbol{x}")
DEFINING = {"=", ":=", "<-", "equiv"}


@dataclass(frozen=True)
class Row:
    """One definition as read: the target and value in the engine's notation, and where it was written."""

    target: sp.Symbol
    expr: sp.Expr
    line: int
    relation: str = "="


@dataclass(frozen=True)
class NotesSystem:
    """A system read from notes: the engine's :class:`System`, and what is needed to write it back."""

    path: str
    line: int
    title: str | None
    system: System
    notation: Notation = Notation()
    rows: dict[sp.Symbol, int] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        """A file-name stem for documents of this system: the heading over it, else the file's name."""
        base = _slug(self.title) if self.title else ""
        return base or _slug(Path(self.path).stem) or "system"


def _slug(text: str) -> str:
    ascii_text = text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60]


# ---------------------------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------------------------
def system_from_notes(path: str, line: int | None = None) -> System:
    """The first system of ``path`` (or the one whose block holds ``line``) as a :class:`System`."""
    return select(read_systems(path), path, line).system


def select(found: list[NotesSystem], path: str, line: int | None) -> NotesSystem:
    """One system of a file: the first, or the first that holds ``line`` or starts after it."""
    if line is None:
        return found[0]
    for ns in found:
        if max(ns.rows.values(), default=ns.line) >= line:
            return ns
    lines = ", ".join(str(ns.line) for ns in found)
    raise SystemDefinitionError(f"no system at or after line {line} (systems start at lines {lines})", path=path)


def split_location(spec: str) -> tuple[str, int | None]:
    """``notes.md:42`` → ("notes.md", 42); a path that exists as written is never split."""
    m = re.match(r"^(?P<path>.+):(?P<line>\d+)$", spec)
    if m and not Path(spec).exists():
        return m.group("path"), int(m.group("line"))
    return spec, None


def read_systems(path: str) -> list[NotesSystem]:
    """Every system of a notes file, in document order; a file without one is an error."""
    from .document import read_document
    from .extract import read_source
    from .latex import parse_block
    from .macros import expand, remap_parsed
    from .prose import algorithm_groups, cues
    from .verify import DocumentChecker

    doc = read_document(path, read_source(path))  # the same document model the checker reads
    source, blocks = doc.source, list(doc.blocks)
    parsed = []
    for block in blocks:
        expansion = expand(block.text, doc.macros)
        parsed.append(remap_parsed(parse_block(expansion.text), expansion))
    groups = algorithm_groups(doc.visible, blocks)
    checker = DocumentChecker(path, blocks, parsed, list(doc.sections), cues(source, blocks), groups=groups,
                              levels=list(doc.section_levels))
    checker.bind()  # function definitions (Q(w) = L(w) + …) for the gradients the rows write
    reader = _Reader(path, source, doc.kind, blocks, parsed, checker, groups)
    found = reader.systems()
    if not found:
        raise SystemDefinitionError("no system found: write the step as a block of two or more definitions "
                                    "(cases, aligned or align; =, := or \\leftarrow)", path=path)
    return found


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------
@dataclass
class _Unit:
    """The definition rows of one block (or of one algorithm), before normalization."""

    section: int
    line: int
    rows: list[Row]
    items: list[object]


class _Reader:
    def __init__(self, path: str, source: str, kind: str, blocks: list, parsed: list, checker: object,
                 groups: dict[int, int]) -> None:
        self.path = path
        self.source = source
        self.kind = kind
        self.blocks = blocks
        self.parsed = parsed
        self.checker = checker
        self.groups = groups
        self.number = {id(b): n for n, b in enumerate(blocks)}

    # -- rows ---------------------------------------------------------------------------------
    def _line(self, item: object) -> int:
        block, stmt = item.block, item.stmt  # type: ignore[attr-defined]
        return block.position(min(stmt.terms[0].start, max(len(block.text) - 1, 0)))[0]

    def _row(self, item: object, *, strict: bool) -> Row | None:
        """A definition ``x = …`` (``:=``, ``\\leftarrow``), or None for anything else."""
        stmt = item.stmt  # type: ignore[attr-defined]
        if not stmt.relations or stmt.relations[0] not in DEFINING or len(stmt.terms) < 2:
            return None
        lhs, rhs = stmt.terms[0].expr, stmt.terms[1].expr
        if not isinstance(lhs, sp.Symbol):
            return None
        if rhs is None:
            if strict:
                problem = self._problem(item)
                raise SystemDefinitionError(f"cannot read the definition of {lhs.name}" + (f": {problem}" if problem else ""),
                                            path=self.path, line=self._line(item))
            return None
        try:
            value = atomize(self.checker.functions(item).expand(rhs))  # type: ignore[attr-defined]
        except CircularDefinition as err:
            raise SystemDefinitionError(f"{lhs.name}: a function in it is defined through itself ({err})",
                                        path=self.path, line=self._line(item)) from None
        if not value.free_symbols:
            return None  # β₁ = 0.9: a value, not a definition
        return Row(lhs, value, self._line(item), stmt.relations[0])

    def _problem(self, item: object) -> str:
        block = item.block  # type: ignore[attr-defined]
        pb = self.parsed[self.number[id(block)]]
        return pb.problems[0].message if pb.problems else ""

    def _units(self) -> list[_Unit]:
        by_key: dict[int, list[object]] = {}
        order: list[int] = []
        for item in self.checker.items:  # type: ignore[attr-defined]
            n = self.number[id(item.block)]
            key = -1 - self.groups[n] if n in self.groups else n
            if key not in by_key:
                order.append(key)
            by_key.setdefault(key, []).append(item)
        units = []
        for key in order:
            items = by_key[key]
            candidates = [it for it in items if self._row(it, strict=False) is not None or self._looks_like_row(it)]
            if len(candidates) < 2:
                continue
            rows = [r for r in (self._row(it, strict=True) for it in candidates) if r is not None]
            if len(rows) < 2:
                continue
            units.append(_Unit(items[0].section, rows[0].line, rows, candidates))  # type: ignore[attr-defined]
        return units

    @staticmethod
    def _looks_like_row(item: object) -> bool:
        stmt = item.stmt  # type: ignore[attr-defined]
        return (bool(stmt.relations) and stmt.relations[0] in DEFINING and len(stmt.terms) >= 2
                and isinstance(stmt.terms[0].expr, sp.Symbol) and stmt.terms[1].expr is None)

    # -- systems ------------------------------------------------------------------------------
    def systems(self) -> list[NotesSystem]:
        grouped: list[list[_Unit]] = []
        for unit in self._units():
            current = grouped[-1] if grouped else None
            if current is not None and current[0].section == unit.section:
                targets = {r.target for u in current for r in u.rows}
                if not targets & {r.target for r in unit.rows}:
                    current.append(unit)  # new names only (the bias corrections after the moments)
                    continue
            grouped.append([unit])
        used = {id(it) for units in grouped for u in units for it in u.items}
        out = []
        skipped: list[int] = []
        for units in grouped:
            rows = [r for u in units for r in u.rows]
            try:
                out.append(self._build(units[0].section, units[0].line, rows, used))
            except _NoWeight:
                skipped.append(units[0].line)  # definitions that update nothing (the bias corrections alone)
        if not out and skipped:
            raise SystemDefinitionError("the system has no weight update: no row x_t = … x_{t-1} … that the other "
                                        "rows do not read (e.g. w_t = w_{t-1} - \\eta_t m_t)",
                                        path=self.path, line=skipped[0])
        return out

    def _build(self, section: int, line: int, rows: list[Row], used: set[int]) -> NotesSystem:
        reading: list[Assumption] = []
        rename, notation, rows = _normalize(rows, reading, path=self.path)
        _check_cycles(rows, path=self.path)
        weight = _weight_of(rows)
        if weight is None:
            raise _NoWeight()
        rename, notation, rows = _rename_weight(weight, rows, rename, notation, reading, path=self.path)
        rows = self._with_prose(section, rows, rename, used, reading)
        lines = {r.target: r.line for r in rows}
        try:
            system = make_system([Definition(r.target, r.expr) for r in rows], assumptions=reading)
        except SystemDefinitionError as err:
            target = getattr(err, "target", None)
            message = str(err)
            if notation is not None and not notation.is_identity:
                message = notation.to_user(message)
            raise SystemDefinitionError(message, path=self.path, line=lines.get(target, line)) from None
        return NotesSystem(self.path, line, self._title(line), system, notation or Notation(), lines)

    # -- prose definitions --------------------------------------------------------------------
    def _with_prose(self, section: int, rows: list[Row], rename: Callable[..., sp.Expr], used: set[int],
                    reading: list[Assumption]) -> list[Row]:
        """Add the definitions the prose of the same section gives for names the system reads but
        does not define (``where $g_t = …$``); name the ones that cannot be used."""
        defined = {r.target for r in rows}
        candidates: dict[sp.Symbol, list[tuple[Row, object]]] = {}
        unreadable: dict[sp.Symbol, int] = {}
        for item in self.checker.items:  # type: ignore[attr-defined]
            if item.section != section or id(item) in used or item.condition_cue:
                continue
            row = self._row(item, strict=False)
            if row is None:
                if self._looks_like_row(item):
                    target = rename(item.stmt.terms[0].expr)
                    if isinstance(target, sp.Symbol):
                        unreadable.setdefault(target, self._line(item))
                continue
            target = rename(row.target)
            if not isinstance(target, sp.Symbol) or target in row.expr.free_symbols:
                continue
            candidates.setdefault(target, []).append((Row(target, rename(row.expr, target), row.line, row.relation),
                                                      item))
        rows = list(rows)
        first_line = min(r.line for r in rows)
        changed = True
        while changed:
            changed = False
            read = set().union(*(r.expr.free_symbols for r in rows)) - defined
            for name in sorted(read, key=lambda s: s.name):
                if name in candidates:
                    options = candidates.pop(name)
                    # the first definition after the block, else the nearest before it
                    after = [o for o in options if o[0].line >= first_line]
                    row, _ = after[0] if after else options[-1]
                    rows.append(row)
                    defined.add(name)
                    reading.append(Assumption(
                        "prose", f"{printing.text(name)} = {printing.text(row.expr)}: definition taken from the "
                        f"text at line {row.line}", line=row.line))
                    for other, _ in options:
                        if other is not row and other.expr != row.expr:
                            reading.append(Assumption(
                                "prose", f"line {other.line} defines {printing.text(name)} differently; the definition "
                                f"at line {row.line} was used", severity="warning", line=other.line))
                    changed = True
                elif name in unreadable:
                    reading.append(Assumption(
                        "prose", f"line {unreadable[name]} seems to define {printing.text(name)} but could not be "
                        "read; it is not used", severity="warning", line=unreadable[name]))
                    unreadable.pop(name)
        return rows

    # -- titles -------------------------------------------------------------------------------
    def _title(self, line: int) -> str | None:
        lines = self.source.split("\n")[: max(line - 1, 0)]
        if self.kind == "markdown":
            for text in reversed(lines):
                m = _MD_HEADING.match(text)
                if m and m.group("text").strip():
                    return plain_text(m.group("text"))
            return None
        found = list(_TEX_HEADING.finditer("\n".join(lines)))
        return plain_text(found[-1].group("text")) if found else None


class _NoWeight(Exception):
    """Internal: a group of definitions without a weight update."""


# ---------------------------------------------------------------------------------------------
# Normalization: the author's indices and names onto the engine's
# ---------------------------------------------------------------------------------------------
def _normalize(rows: list[Row], reading: list[Assumption], *, path: str
               ) -> tuple[Callable[..., sp.Expr], Notation | None, list[Row]]:
    """Map the step index onto ``t`` (targets at ``t``), or read pseudo-code rows in order."""
    letters: Counter[str] = Counter()
    offsets: dict[str, list[int]] = {}
    for r in rows:
        m = _INDEXED.match(r.target.name)
        if m and not r.target.name.startswith(GRADIENT_PREFIX):
            letter = m.group("letter")
            letters[letter] += 1
            offsets.setdefault(letter, []).append(_offset(m))
    if not letters:
        return _in_order(rows, reading, path=path)
    letter = letters.most_common(1)[0][0]
    base = max(offsets[letter])
    pattern = re.compile(r"_\{" + re.escape(letter) + r"(?:([+-])(\d+))?\}")

    def shift_name(name: str) -> str:
        def repl(m: re.Match[str]) -> str:
            off = (int(m.group(2)) * (1 if m.group(1) == "+" else -1) if m.group(1) else 0) - base
            return "_{t}" if off == 0 else f"_{{t{off:+d}}}"
        return pattern.sub(repl, name)

    index_symbol = S.symbol(letter)

    def rename(expr: sp.Expr, reader: sp.Symbol | None = None) -> sp.Expr:
        mapping: dict[sp.Basic, sp.Expr] = {}
        for s in expr.free_symbols:
            if s == index_symbol:
                mapping[s] = S.t - base if letter != "t" or base else S.t
            else:
                new = shift_name(s.name)
                if new != s.name:
                    mapping[s] = S.symbol(new)
        return expr.xreplace(mapping) if mapping else expr

    if (letter, base) != ("t", 0):
        shown = f"{letter}{base:+d}" if base else letter
        reading.append(Assumption("index", f"step index: {letter} (the new values are written at {shown})"))
    rows = [Row(rename(r.target), rename(r.expr), r.line, r.relation) for r in rows]  # type: ignore[arg-type]
    notation = Notation(index=letter, index_offset=base) if (letter, base) != ("t", 0) else None
    return rename, notation, rows


def _offset(m: re.Match[str]) -> int:
    if not m.group("sign"):
        return 0
    return int(m.group("num")) * (1 if m.group("sign") == "+" else -1)


def _in_order(rows: list[Row], reading: list[Assumption], *, path: str
              ) -> tuple[Callable[..., sp.Expr], None, list[Row]]:
    """Pseudo-code without indices (``m \\gets \\beta m + g``): the rows run in order, so a name read
    before its own row is the previous step's value and one read after it is this step's."""
    assigned: dict[sp.Symbol, int] = {}
    for i, r in enumerate(rows):
        if r.target in assigned:
            raise SystemDefinitionError(f"{r.target.name} is assigned twice in one step: give the second value a "
                                        "name of its own", path=path, line=r.line)
        assigned[r.target] = i

    def version(sym: sp.Symbol, position: int) -> sp.Symbol:
        name = sym.name if "_" not in sym.name else "{" + sym.name + "}"
        return S.symbol(f"{name}_{{t}}" if assigned[sym] < position else f"{name}_{{t-1}}")

    def at(position: int) -> Callable[..., sp.Expr]:
        def rename(expr: sp.Expr, reader: sp.Symbol | None = None) -> sp.Expr:
            if position < 0:  # a definition from the prose: as of the first row that reads its name
                return at(_first_reader(out, reader))(expr)
            mapping: dict[sp.Basic, sp.Expr] = {}
            for s in expr.free_symbols:
                if s in assigned:
                    mapping[s] = version(s, position)
                elif s.name.startswith(GRADIENT_PREFIX) and s.name.endswith(")"):
                    mapping[s] = _rename_arguments(s, lambda a: version(a, position).name if a in assigned else a.name)
            return expr.xreplace(mapping) if mapping else expr
        return rename

    out = []
    for i, r in enumerate(rows):
        out.append(Row(version(r.target, i + 1), at(i)(r.expr), r.line, r.relation))
    if rows:
        reading.append(Assumption("in-place", "rows without a step index are read in order: a name read before its "
                                  "own row is the previous step's value (m → m_{t-1})"))
    return at(-1), None, out


def _first_reader(rows: list[Row], name: sp.Symbol | None) -> int:
    """Position of the first row that reads ``name`` (all rows when nobody does)."""
    for i, r in enumerate(rows):
        if name is not None and name in r.expr.free_symbols:
            return i
    return len(rows)


def _rename_arguments(atom: sp.Symbol, new_name: Callable[[sp.Symbol], str]) -> sp.Symbol:
    """``\\nabla_{\\theta} f(\\theta)`` with its arguments renamed."""
    head, _, args = atom.name.partition("(")
    names = [a.strip() for a in args[:-1].split(",")]
    renamed = [new_name(S.symbol(n)) for n in names]
    return S.symbol(f"{head}({', '.join(renamed)})")


def _check_cycles(rows: list[Row], *, path: str) -> None:
    """A row defined through itself, or a cycle among the rows (m_t reads w_t, w_t reads m_t): an error at
    the row at fault."""
    from .heuristics import find_cycle

    for r in rows:
        if r.target in r.expr.free_symbols:
            named = step_name(r.target)
            hint = f" (did you mean {at_step(named[0], -1).name} on the right?)" if named is not None else ""
            raise SystemDefinitionError(f"{r.target.name} is defined through itself{hint}", path=path, line=r.line)
    values = {r.target: r.expr for r in rows}
    cycle = find_cycle(values)
    if cycle:
        row = next(r for r in rows if r.target == cycle[0])
        names = " -> ".join(s.name for s in cycle + [cycle[0]])
        raise SystemDefinitionError(f"circular definition: {names} (a row reads a value of this step that is "
                                    "defined from it; did you mean the previous step's?)", path=path, line=row.line)


def _weight_of(rows: list[Row]) -> sp.Symbol | None:
    """The weight update: a row ``x_t = … x_{t-1} …`` (directly or through other rows) that no other
    row reads; among several, the one whose previous value the gradient is taken at."""
    values = {r.target: r.expr for r in rows}
    read = set().union(*(r.expr.free_symbols for r in rows))
    candidates = []
    for r in rows:
        named = step_name(r.target)
        if named is None or named[1] != 0 or r.target in read:
            continue
        prev = at_step(named[0], -1)
        if prev in _written_out(r.expr, values).free_symbols:
            candidates.append(r.target)
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    for c in candidates:
        prev = at_step(step_name(c)[0], -1).name  # type: ignore[index]
        if any(s.name.startswith(GRADIENT_PREFIX) and s.name.endswith(f"({prev})") for s in read):
            return c
    for c in candidates:
        if step_name(c)[0] in _WEIGHT_NAMES:  # type: ignore[index]
            return c
    return candidates[-1]


def _written_out(expr: sp.Expr, values: dict[sp.Symbol, sp.Expr]) -> sp.Expr:
    for _ in range(len(values) + 1):
        present = {s: values[s] for s in expr.free_symbols if s in values}
        if not present:
            break
        expr = expr.xreplace(present)
    return expr


def _rename_weight(weight: sp.Symbol, rows: list[Row], rename: Callable[..., sp.Expr],
                   notation: Notation | None, reading: list[Assumption], *, path: str
                   ) -> tuple[Callable[..., sp.Expr], Notation | None, list[Row]]:
    """Call the weights ``w`` inside (the engine's form and prose are written in w) and remember the
    author's letter for the output."""
    base = step_name(weight)[0]  # type: ignore[index]
    if base == "w":
        return rename, notation, rows
    names = {s.name for r in rows for s in r.expr.free_symbols | {r.target}}
    if any(n == "w" or n.startswith("w_{") for n in names):
        raise SystemDefinitionError(f"the weights are {base} here, but w names something else in the same system: "
                                    "rename one of them", path=path, line=min(r.line for r in rows))
    escaped = re.escape(base)
    pattern = re.compile(r"(^|\(|, |\\nabla_\{)" + escaped + r"(?=_\{|\}|\)|,|$)")

    def rename_weight(expr: sp.Expr, reader: sp.Symbol | None = None) -> sp.Expr:
        expr = rename(expr, reader)
        mapping = {s: S.symbol(pattern.sub(lambda m: m.group(1) + "w", s.name)) for s in expr.free_symbols
                   if pattern.search(s.name)}
        return expr.xreplace(mapping) if mapping else expr

    rows = [Row(rename_weight(r.target), rename_weight(r.expr), r.line, r.relation) for r in rows]  # type: ignore[arg-type]
    shown = math_to_text(base)
    reading.append(Assumption("weight", f"the weights: {shown} (the row that updates {shown} from its previous value)"))
    own = Notation(symbols=(("w", base),))
    return rename_weight, (notation.merged(own) if notation is not None else own), rows
