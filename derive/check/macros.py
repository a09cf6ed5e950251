r"""Macros in lecture notes: where they are defined, and expanding them before the math is parsed.

Why: notes lean on their own notation (``\v{w}``, ``\norm{g}``, ``\E[x]``) defined in places the
checker used to ignore: a ``\newcommand`` with arguments, the course's ``myst.yml`` or Jupyter Book
``_config.yml``, a MathJax/KaTeX configuration pulled in by Quarto's ``include-in-header``, or a
``macros.tex`` that a chapter ``\input``\ s. A formula that uses them could not be parsed, so whole
derivations went unchecked. This module finds every definition in force for a file and expands the
math the way TeX does, keeping a map from every character of the expanded text back to the source,
so a finding inside an expansion still points at the ``line:col`` where the author wrote the call.

Two entry points (everything else is detail):

* :func:`macros_for` ``(path, source, flavor, project_root) -> MacroTable``: every definition in
  force for one file, each with where it came from (:class:`Origin`).
* :func:`expand` ``(text, table) -> Expansion``: the expanded text, the offset map back to ``text``,
  the macros used, and problems (an expansion bomb stops with "macro expansion too large").

Expansion follows TeX's model: a macro call is replaced by its body with ``#1``… substituted, and the
result is read again (so nested macros expand, and macros inside arguments expand when they come up).
An argument is a braced group or a single token; spaces before an argument are skipped; an optional
first argument (``\newcommand{\E}[2][]{…}``) is a ``[…]`` group or its default. ``\def`` parameter
text may have delimiters (``\def\pair#1,#2;{…}``). Definitions met while expanding (a ``$$`` block of
``\newcommand``\ s in a Markdown page, as MathJax and KaTeX allow) take effect from there and produce
no text. Nothing is evaluated: definitions are data, read by a tokenizer.

Where definitions come from (later ones override earlier ones, ``\providecommand`` never overrides):

1. project configuration found by walking up from the file to the project root (not for LaTeX files,
   which pdflatex compiles without any of it): MyST / Jupyter Book 2 ``myst.yml`` (``project.math``,
   following ``extends``), Jupyter Book 1 ``_config.yml`` (``sphinx.config.mathjax3_config.tex.macros``,
   MathJax 2 style ``TeX.Macros``, ``mathjax4_config``, ``katex_options``), Sphinx ``conf.py`` (the same
   settings, read with :func:`ast.literal_eval`, never executed), Quarto ``_quarto.yml`` and
   ``_metadata.yml`` and R Markdown ``_output.yml`` (files named by ``include-in-header``,
   ``include-before-body``, ``header-includes``, ``includes: in_header`` …: their ``\newcommand``\ s and
   any MathJax/KaTeX ``macros: {…}`` object in a ``<script>``);
2. for LaTeX: the main file's preamble when the file is a fragment (a ``subfiles`` document names its
   main file; otherwise a ``.tex`` with ``\documentclass`` next to it or one folder up that
   ``\input``\ s/``\include``\ s it), and files it reads itself: ``\input``, ``\include``, a local
   ``\usepackage{mymacros}`` (``mymacros.sty``), resolved next to the file and never outside the root;
3. the document: its front matter (MyST ``math:``; Quarto/R Markdown includes), Quarto
   ``{{< include >}}`` and Jekyll ``{% include %}`` files, and every definition in its text (code
   fences and comments excluded).

A missing or unreadable file, a file outside the root, or YAML that does not parse is a note in
:attr:`MacroTable.notes`, never an exception.
"""
from __future__ import annotations

import ast
import json
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Iterable, Iterator, NamedTuple

__all__ = [
    "MAX_EXPANSIONS", "MAX_WORK", "Expansion", "Macro", "MacroNote", "MacroProblem", "MacroTable", "Origin",
    "expand", "macros_for", "parse_definitions", "remap_parsed",
]

#: Macro calls one block may expand. A real block needs a few dozen; a bomb hits this quickly.
MAX_EXPANSIONS = 20_000
#: Tokens one block's expansion may produce or copy in total (bounds time and memory).
MAX_WORK = 400_000
#: Nested includes (``\input`` in ``\input`` …, ``extends`` in ``extends``) followed at most.
MAX_INCLUDE_DEPTH = 8
#: Largest file read for definitions.
MAX_FILE_BYTES = 4_000_000

_LATEX_SUFFIXES = (".tex", ".ltx", ".sty", ".cls")


# ==================================================================================================
# Data
# ==================================================================================================

@dataclass(frozen=True)
class Origin:
    """Where a definition is written: a file, a 1-based line (0 when unknown) and what kind of place."""

    path: str
    line: int
    kind: str  # "document", "front matter", "preamble", "main file", "include", "myst.yml", "_config.yml", …

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Macro:
    r"""One definition. ``body`` and ``default`` are token texts (``"#1"`` is a parameter).

    ``params`` is the token text of a ``\def`` parameter text that has delimiters, else None.
    ``kind`` is ``newcommand``, ``def``, ``let``, ``operator``, ``paired`` (mathtools'
    ``\DeclarePairedDelimiter``: ``delims`` holds the two delimiters) or ``config``.
    """

    name: str  # without the backslash
    nargs: int
    body: tuple[str, ...]
    origin: Origin
    kind: str = "newcommand"
    default: tuple[str, ...] | None = None
    params: tuple[str, ...] | None = None
    delims: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    primitive: bool = False  # \let to a macro the table does not define: its meaning is fixed

    def __str__(self) -> str:
        args = f"[{self.nargs}]" if self.nargs else ""
        opt = f"[{''.join(self.default)}]" if self.default is not None else ""
        return f"\\{self.name}{args}{opt}{{{''.join(self.body)}}}"


@dataclass(frozen=True)
class MacroNote:
    """Something about the definitions a user should know (a missing ``\\input``, bad YAML …)."""

    path: str
    line: int
    message: str


@dataclass
class MacroTable:
    """The macros in force for one file (name without backslash -> :class:`Macro`), plus notes."""

    macros: dict[str, Macro] = field(default_factory=dict)
    notes: list[MacroNote] = field(default_factory=list)

    def __contains__(self, name: str) -> bool:
        return name.lstrip("\\") in self.macros

    def __len__(self) -> int:
        return len(self.macros)

    def get(self, name: str) -> Macro | None:
        return self.macros.get(name.lstrip("\\"))

    def define(self, macro: Macro, *, provide: bool = False) -> None:
        """Add ``macro``; ``provide`` (``\\providecommand``) keeps an existing definition."""
        if provide and macro.name in self.macros:
            return
        self.macros[macro.name] = macro

    def names(self) -> list[str]:
        """Every name with its backslash, sorted: for messages and for "is this defined?" checks."""
        return sorted("\\" + n for n in self.macros)


@dataclass(frozen=True)
class MacroProblem:
    """Something in ``[start, end)`` of the text that could not be expanded, and why."""

    start: int
    end: int
    message: str


@dataclass(frozen=True)
class Expansion:
    """The expanded text of one piece of math, with a map back to the text it came from.

    Every offset of :attr:`text` maps to an offset of :attr:`source`: a character copied from the
    source (also inside a macro's argument) maps to itself; a character produced by a macro body maps
    to the start of the (outermost) call in the source, and the end of a span inside it to the end of
    that call.
    """

    text: str
    source: str
    used: tuple[str, ...] = ()
    problems: tuple[MacroProblem, ...] = ()
    # (out_start, out_end, src_start, src_end, literal); sorted, contiguous, covering text
    segments: tuple[tuple[int, int, int, int, bool], ...] = ()

    @property
    def changed(self) -> bool:
        return self.text != self.source or bool(self.segments)

    def _segment(self, i: int) -> tuple[int, int, int, int, bool] | None:
        if not self.segments:
            return None
        k = bisect_right(self._starts, i) - 1
        return self.segments[max(k, 0)]

    @property
    def _starts(self) -> list[int]:
        cached = self.__dict__.get("_starts_cache")
        if cached is None:
            cached = [s[0] for s in self.segments]
            object.__setattr__(self, "_starts_cache", cached)
        return cached

    def offset(self, i: int) -> int:
        """The source offset of ``text[i]`` (``i == len(text)``: just past the last source character)."""
        if not self.segments:
            return i
        if i >= len(self.text):
            last = self.segments[-1]
            return last[3] if not last[4] else last[2] + (i - last[0])
        seg = self._segment(i)
        assert seg is not None
        out_start, _, src_start, _, literal = seg
        return src_start + (i - out_start) if literal else src_start

    def end_offset(self, i: int) -> int:
        """The source offset just past ``text[i - 1]``: where a span of the text ending at ``i`` ends."""
        if not self.segments or i <= 0:
            return self.offset(i)
        seg = self._segment(i - 1)
        assert seg is not None
        out_start, _, src_start, src_end, literal = seg
        return src_start + (i - out_start) if literal else src_end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of ``text[start:end]``."""
        a = self.offset(start)
        b = self.end_offset(end) if end > start else a
        return a, max(a, b)


# ==================================================================================================
# Tokens
# ==================================================================================================

#: Kernel commands read by :meth:`_Expander._kernel` when no definition of the document's own overrides them.
_KERNEL = frozenset({"mathpalette", "raisebox", "m@th"})
_TOKEN = re.compile(r"\\(?:[A-Za-z@]+|.)|\\\Z|[ \t\r\n]+|#[1-9]|##|.", re.S)
_CONTROL_WORD = re.compile(r"\\[A-Za-z@]+\Z")


class _Tok(NamedTuple):
    """One token with its source span; a tuple because expansion makes many of them."""

    text: str
    start: int
    end: int
    literal: bool  # copied unchanged from the source at [start, end)

    @property
    def space(self) -> bool:
        return self.text[0] in " \t\r\n"


def _tokens(text: str) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(text)]


class _Reader:
    """Tokens of ``text`` read lazily, with tokens pushed back (or pushed by a macro) in front."""

    __slots__ = ("text", "pos", "end", "pending")

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        self.text = text
        self.pos = start
        self.end = len(text) if end is None else end
        self.pending: list[_Tok] = []  # reversed: the next token is pending[-1]

    def next(self) -> _Tok | None:
        if self.pending:
            return self.pending.pop()
        if self.pos >= self.end:
            return None
        m = _TOKEN.match(self.text, self.pos)
        assert m is not None
        self.pos = m.end()
        return _Tok(m.group(), m.start(), m.end(), True)

    def push(self, toks: list[_Tok]) -> None:
        self.pending.extend(reversed(toks))

    def next_nonspace(self, consumed: list[_Tok]) -> _Tok | None:
        while (tok := self.next()) is not None:
            consumed.append(tok)
            if not tok.space:
                return tok
        return None

    def peek_nonspace(self) -> _Tok | None:
        """The next non-space token, without consuming anything."""
        taken: list[_Tok] = []
        tok = self.next_nonspace(taken)
        self.push(taken)
        return tok

    def group(self, consumed: list[_Tok]) -> list[_Tok] | None:
        """The tokens of a balanced group whose ``{`` was just read (without the closing ``}``)."""
        depth = 1
        out: list[_Tok] = []
        while (tok := self.next()) is not None:
            consumed.append(tok)
            if tok.text == "{":
                depth += 1
            elif tok.text == "}":
                depth -= 1
                if depth == 0:
                    return out
            out.append(tok)
        return None

    def argument(self, consumed: list[_Tok]) -> list[_Tok] | None:
        """A TeX argument: a braced group (without braces) or one token; None if there is none."""
        tok = self.next_nonspace(consumed)
        if tok is None or tok.text == "}":
            return None
        if tok.text == "{":
            return self.group(consumed)
        return [tok]

    def optional(self, consumed: list[_Tok]) -> list[_Tok] | None:
        """A ``[…]`` argument (up to the first ``]`` outside braces), or None if none follows."""
        taken: list[_Tok] = []
        tok = self.next_nonspace(taken)
        if tok is None or tok.text != "[":
            self.push(taken)
            return None
        consumed.extend(taken)
        depth = 0
        out: list[_Tok] = []
        while (tok := self.next()) is not None:
            consumed.append(tok)
            if tok.text == "{":
                depth += 1
            elif tok.text == "}":
                depth -= 1
            elif tok.text == "]" and depth == 0:
                if len(out) >= 2 and out[0].text == "{" and out[-1].text == "}" and _one_group(out):
                    out = out[1:-1]  # TeX strips the braces of a delimited argument that is one group
                return out
            out.append(tok)
        return None

    def star(self, consumed: list[_Tok]) -> bool:
        taken: list[_Tok] = []
        tok = self.next_nonspace(taken)
        if tok is not None and tok.text == "*":
            consumed.extend(taken)
            return True
        self.push(taken)
        return False


# ==================================================================================================
# Definitions
# ==================================================================================================

_NEWCOMMAND = frozenset({"newcommand", "renewcommand", "providecommand", "DeclareRobustCommand",
                         "newcommandx", "renewcommandx"})
_DEF = frozenset({"def", "gdef", "edef", "xdef"})
_DOCUMENT_COMMAND = frozenset({"NewDocumentCommand", "RenewDocumentCommand", "ProvideDocumentCommand",
                               "DeclareDocumentCommand", "NewExpandableDocumentCommand"})
_OPERATOR = frozenset({"DeclareMathOperator"})
_PAIRED = frozenset({"DeclarePairedDelimiter"})
#: Every command that defines a macro.
DEFINERS: frozenset[str] = _NEWCOMMAND | _DEF | _DOCUMENT_COMMAND | _OPERATOR | _PAIRED | {"let"}
_DEFINER_RE = re.compile(
    r"\\(?:" + "|".join(sorted(DEFINERS, key=len, reverse=True)) + r")(?![A-Za-z@])"
)


class _Malformed(Exception):
    """A definition that does not read as one; the tokens consumed go back to the reader."""


class _Definitions:
    """Reads definitions from a token reader into a :class:`MacroTable`."""

    def __init__(self, table: MacroTable, origin_of: Any) -> None:
        self.table = table
        self.origin_of = origin_of  # offset -> Origin

    def read(self, name: str, tok: _Tok, reader: _Reader) -> bool:
        """Read the definition that starts with ``\\name`` (already consumed). False if malformed."""
        consumed: list[_Tok] = []
        try:
            if name in _NEWCOMMAND:
                self._newcommand(name, tok, reader, consumed)
            elif name in _DEF:
                self._def(tok, reader, consumed)
            elif name == "let":
                self._let(tok, reader, consumed)
            elif name in _OPERATOR:
                self._operator(tok, reader, consumed)
            elif name in _PAIRED:
                self._paired(tok, reader, consumed)
            else:
                self._document_command(name, tok, reader, consumed)
        except _Malformed:
            reader.push(consumed)
            return False
        return True

    # -- the forms -----------------------------------------------------------------------------

    def _name(self, reader: _Reader, consumed: list[_Tok]) -> str:
        r"""``\name``, ``{\name}`` or ``{ \name }``."""
        tok = reader.next_nonspace(consumed)
        if tok is None:
            raise _Malformed
        if tok.text == "{":
            inner = [t for t in (reader.group(consumed) or []) if not t.space]
            if len(inner) != 1:
                raise _Malformed
            tok = inner[0]
        if not tok.text.startswith("\\") or len(tok.text) < 2:
            raise _Malformed
        return tok.text[1:]

    def _body(self, reader: _Reader, consumed: list[_Tok]) -> tuple[str, ...]:
        tok = reader.next_nonspace(consumed)
        if tok is None or tok.text != "{":
            raise _Malformed
        body = reader.group(consumed)
        if body is None:
            raise _Malformed
        return tuple(t.text for t in body)

    def _newcommand(self, name: str, tok: _Tok, reader: _Reader, consumed: list[_Tok]) -> None:
        reader.star(consumed)
        cs = self._name(reader, consumed)
        nargs = 0
        count = reader.optional(consumed)
        default: tuple[str, ...] | None = None
        if count is not None:
            text = "".join(t.text for t in count).strip()
            if not text.isdigit() or not 0 <= int(text) <= 9:
                raise _Malformed
            nargs = int(text)
            opt = reader.optional(consumed)
            if opt is not None:
                default = tuple(t.text for t in opt)
        body = self._body(reader, consumed)
        macro = Macro(cs, nargs, body, self.origin_of(tok.start), "newcommand", default)
        self.table.define(macro, provide=(name == "providecommand"))

    def _def(self, tok: _Tok, reader: _Reader, consumed: list[_Tok]) -> None:
        head = reader.next_nonspace(consumed)
        if head is None or not head.text.startswith("\\") or len(head.text) < 2:
            raise _Malformed
        params: list[str] = []
        while True:
            nxt = reader.next()
            if nxt is None:
                raise _Malformed
            consumed.append(nxt)
            if nxt.text == "{":
                break
            params.append(nxt.text)
        body = reader.group(consumed)
        if body is None:
            raise _Malformed
        numbered = [p for p in params if re.fullmatch(r"#[1-9]", p)]
        if [int(p[1]) for p in numbered] != list(range(1, len(numbered) + 1)):
            raise _Malformed  # TeX wants #1#2… in order
        plain = all(re.fullmatch(r"#[1-9]", p) or p.strip() == "" for p in params)
        macro = Macro(head.text[1:], len(numbered), tuple(t.text for t in body), self.origin_of(tok.start), "def",
                      params=None if plain else tuple(params))
        self.table.define(macro)

    def _let(self, tok: _Tok, reader: _Reader, consumed: list[_Tok]) -> None:
        head = reader.next_nonspace(consumed)
        if head is None or not head.text.startswith("\\") or len(head.text) < 2:
            raise _Malformed
        target = reader.next_nonspace(consumed)
        if target is not None and target.text == "=":
            target = reader.next()  # one optional space after '=' is part of the syntax
            if target is not None:
                consumed.append(target)
                if target.space:
                    target = reader.next_nonspace(consumed)
        if target is None:
            raise _Malformed
        name = head.text[1:]
        known = self.table.get(target.text[1:]) if target.text.startswith("\\") else None
        if known is not None:
            self.table.define(replace(known, name=name, origin=self.origin_of(tok.start)))
        else:
            self.table.define(Macro(name, 0, (target.text,), self.origin_of(tok.start), "let", primitive=True))

    def _operator(self, tok: _Tok, reader: _Reader, consumed: list[_Tok]) -> None:
        star = reader.star(consumed)
        cs = self._name(reader, consumed)
        text = self._body(reader, consumed)
        body = ("\\operatorname*" if star else "\\operatorname", "{", *text, "}")
        self.table.define(Macro(cs, 0, body, self.origin_of(tok.start), "operator"))

    def _paired(self, tok: _Tok, reader: _Reader, consumed: list[_Tok]) -> None:
        cs = self._name(reader, consumed)
        left = self._body(reader, consumed)
        right = self._body(reader, consumed)
        self.table.define(Macro(cs, 1, ("#1",), self.origin_of(tok.start), "paired", delims=(left, right)))

    def _document_command(self, name: str, tok: _Tok, reader: _Reader, consumed: list[_Tok]) -> None:
        r"""xparse: only argument specifications of ``m`` (mandatory) with an optional first ``o``/``O{…}``."""
        cs = self._name(reader, consumed)
        spec = reader.argument(consumed)
        if spec is None:
            raise _Malformed
        texts = [t.text for t in spec if not t.space]
        default: tuple[str, ...] | None = None
        if texts[:1] == ["o"]:
            default, texts = (), texts[1:]
        elif texts[:2] == ["O", "{"]:
            close = _matching(texts, 1)
            default, texts = tuple(texts[2:close]), texts[close + 1:]
        if any(t != "m" for t in texts):
            raise _Malformed
        nargs = len(texts) + (default is not None)
        body = self._body(reader, consumed)
        self.table.define(Macro(cs, nargs, body, self.origin_of(tok.start), "newcommand", default),
                          provide=name.startswith("Provide"))


def _matching(texts: list[str], i: int) -> int:
    depth = 0
    for j in range(i, len(texts)):
        depth += texts[j] == "{"
        depth -= texts[j] == "}"
        if depth == 0:
            return j
    return len(texts) - 1


# ==================================================================================================
# Expansion
# ==================================================================================================

class _TooLarge(Exception):
    def __init__(self, tok: _Tok, macro: str) -> None:
        super().__init__(macro)
        self.tok, self.macro = tok, macro


class _Expander:
    def __init__(self, text: str, table: MacroTable) -> None:
        self.text = text
        self.table = table
        self.copied = False
        self.reader = _Reader(text)
        self.out: list[_Tok] = []
        self.used: dict[str, None] = {}
        self.problems: list[MacroProblem] = []
        self.expansions = 0
        self.work = 0

    def run(self) -> Expansion:
        reader = self.reader
        try:
            while (tok := reader.next()) is not None:
                text = tok.text
                if text[0] == "\\" and len(text) > 1:
                    name = text[1:]
                    macro = self.table.macros.get(name)
                    if macro is not None:
                        self._call(macro, tok)
                        continue
                    if name in DEFINERS:
                        self._define(name, tok)
                        continue
                    if name in _KERNEL and self._kernel(name, tok):
                        continue
                self.out.append(tok)
        except _TooLarge as big:
            message = (f"macro expansion too large: \\{big.macro} expands without end or past "
                       f"{MAX_EXPANSIONS} calls / {MAX_WORK} tokens; the math that uses it is not checked")
            return Expansion(self.text, self.text, tuple(self.used),
                             (MacroProblem(big.tok.start, big.tok.end, message),), ())
        return self._result()

    # -- definitions in the text ---------------------------------------------------------------

    def _define(self, name: str, tok: _Tok) -> None:
        if not self.copied:
            self.table = MacroTable(dict(self.table.macros), [])
            self.copied = True
        origin = Origin("", 0, "document")
        if not _Definitions(self.table, lambda _offset: origin).read(name, tok, self.reader):
            self.out.append(tok)  # not a definition after all: left for the parser to report

    # -- the LaTeX kernel's box tricks -----------------------------------------------------------

    def _kernel(self, name: str, tok: _Tok) -> bool:
        r"""The kernel commands a drawn symbol is built with, read for the symbol they draw. The well-known transpose
        macro ``\newcommand*{\T}{{\mathpalette\@T{}}}`` with ``\@T[1]`` = ``\raisebox{\depth}{$\m@th#1\intercal$}``
        typesets ⊺: ``\mathpalette\cs{a}`` is ``\cs`` given a style (an empty one here) and ``a``,
        ``\raisebox{…}[…][…]{b}`` is ``b`` moved up (its ``$`` only switch back to math), ``\m@th`` sets a spacing.
        False: not in that form, left as is."""
        reader = self.reader
        consumed: list[_Tok] = []
        def made(text: str) -> _Tok:  # one token at the call's place
            return _Tok(text, tok.start, tok.end, False)

        if name == "m@th":
            return True
        if name == "mathpalette":
            cs = reader.next_nonspace(consumed)
            arg = reader.argument(consumed)
            if cs is None or not cs.text.startswith("\\") or arg is None:
                reader.push(consumed)
                return False
            body = [cs, made("{"), made("}")]  # (the style, as an empty group: no switch left in the symbol)
            if any(not t.space for t in arg):
                body += [made("{"), *arg, made("}")]
            reader.push(body)
            return True
        # \raisebox{raise}[height][depth]{box}
        if reader.argument(consumed) is None:
            reader.push(consumed)
            return False
        reader.optional(consumed)
        reader.optional(consumed)
        box = reader.argument(consumed)
        if box is None:
            reader.push(consumed)
            return False
        reader.push([t for t in box if t.text != "$"])
        return True

    # -- calls ---------------------------------------------------------------------------------

    def _call(self, macro: Macro, tok: _Tok) -> None:
        reader = self.reader
        consumed: list[_Tok] = []
        if macro.primitive:
            self.out.append(_Tok(macro.body[0], tok.start, tok.end, False))
            self.used[macro.name] = None
            return
        try:
            args, prefix, suffix = self._arguments(macro, consumed)
        except _Malformed as err:
            reader.push(consumed)
            self.out.append(tok)
            self.problems.append(MacroProblem(tok.start, tok.end, str(err) or f"\\{macro.name}: missing argument"))
            return
        start = tok.start
        end = max([tok.end] + [t.end for t in consumed])
        args = [[_Tok(t.text, start, end, False) if t.start < 0 else t for t in arg] for arg in args]
        body: list[_Tok] = []
        for text in prefix:
            body.append(_Tok(text, start, end, False))
        for text in ("#1",) if macro.kind == "fraction" else macro.body:
            if len(text) == 2 and text[0] == "#":
                if text == "##":
                    body.append(_Tok("#", start, end, False))
                else:
                    k = int(text[1]) - 1
                    if k < len(args):
                        body.extend(args[k])
            else:
                body.append(_Tok(text, start, end, False))
        for text in suffix:
            body.append(_Tok(text, start, end, False))
        self.expansions += 1
        self.work += len(body)
        if self.expansions > MAX_EXPANSIONS or self.work > MAX_WORK or len(reader.pending) > MAX_WORK:
            raise _TooLarge(tok, macro.name)
        self.used[macro.name] = None
        reader.push(body)

    def _arguments(self, macro: Macro, consumed: list[_Tok]) -> tuple[list[list[_Tok]], tuple[str, ...], tuple[str, ...]]:
        reader = self.reader
        args: list[list[_Tok]] = []
        prefix: tuple[str, ...] = ()
        suffix: tuple[str, ...] = ()
        if macro.kind == "paired":
            assert macro.delims is not None
            left, right = macro.delims
            if reader.star(consumed):
                prefix, suffix = ("\\left", *left), ("\\right", *right)
            else:
                size = reader.optional(consumed)
                sized = [t.text for t in size or [] if not t.space]
                if len(sized) == 1 and sized[0].startswith("\\"):
                    prefix, suffix = (sized[0] + "l", *left), (sized[0] + "r", *right)
                else:
                    prefix, suffix = left, right
            arg = reader.argument(consumed)
            if arg is None:
                raise _Malformed(f"\\{macro.name}: missing argument")
            return [arg], prefix, suffix
        if macro.kind == "fraction":
            return [self._fraction(macro, consumed)], prefix, suffix
        if macro.params is not None:
            return self._delimited(macro, consumed), prefix, suffix
        remaining = macro.nargs
        if macro.default is not None:
            opt = reader.optional(consumed)
            if opt is None:
                opt = [_Tok(t, -1, -1, False) for t in macro.default]  # placed at the call below
            args.append(opt)
            remaining -= 1
        for _ in range(remaining):
            arg = reader.argument(consumed)
            if arg is None:
                raise _Malformed(f"\\{macro.name}: missing argument (it takes {macro.nargs})")
            args.append(arg)
        return args, prefix, suffix

    def _fraction(self, macro: Macro, consumed: list[_Tok]) -> list[_Tok]:
        r"""The physics package's ``\dv[n]{f}{x}`` (a derivative) or ``\dv{x}`` (the operator d/dx), written out as
        the fraction it typesets; ``macro.body`` is the differential (``d`` or ``\partial``)."""
        reader = self.reader
        order = reader.optional(consumed)
        first = reader.argument(consumed)
        if first is None:
            raise _Malformed(f"\\{macro.name}: missing argument")
        nxt = reader.peek_nonspace()
        second = reader.argument(consumed) if nxt is not None and nxt.text == "{" else None
        nxt = reader.peek_nonspace()
        if second is not None and nxt is not None and nxt.text == "{":
            raise _Malformed(f"\\{macro.name} with three arguments (a mixed derivative) is not read")
        top, var = (first, second) if second is not None else ([], first)

        def made(*texts: str) -> list[_Tok]:
            return [_Tok(t, -1, -1, False) for t in texts]

        power = made("^", "{") + list(order) + made("}") if order else []
        return (made("\\frac", "{", *macro.body) + power + made(" ") + top + made("}", "{", *macro.body, " ")
                + var + power + made("}"))

    def _delimited(self, macro: Macro, consumed: list[_Tok]) -> list[list[_Tok]]:
        r"""Arguments of a ``\def`` whose parameter text has delimiters (TeX's matching rules)."""
        reader = self.reader
        params = list(macro.params or ())
        args: list[list[_Tok]] = []
        i = 0
        mismatch = _Malformed(f"use of \\{macro.name} does not match its definition")
        taken: list[_Tok] = []
        if reader.next_nonspace(taken) is not None:  # TeX drops the spaces after a control word
            reader.push(taken[-1:])
            consumed.extend(taken[:-1])
        while i < len(params):
            p = params[i]
            if re.fullmatch(r"#[1-9]", p):
                j = i + 1
                while j < len(params) and not re.fullmatch(r"#[1-9]", params[j]):
                    j += 1
                delimiter = params[i + 1:j]
                if not delimiter:
                    arg = reader.argument(consumed)
                    if arg is None:
                        raise mismatch
                    args.append(arg)
                else:
                    args.append(self._until(delimiter, consumed, mismatch))
                i = j
            else:  # literal text right after the name (or between arguments, already consumed)
                tok = reader.next()
                if tok is None or not _same(tok.text, p):
                    if tok is not None:
                        reader.push([tok])
                    raise mismatch
                consumed.append(tok)
                i += 1
        return args

    def _until(self, delimiter: list[str], consumed: list[_Tok], mismatch: _Malformed) -> list[_Tok]:
        reader = self.reader
        got: list[_Tok] = []
        depth = 0
        while (tok := reader.next()) is not None:
            consumed.append(tok)
            got.append(tok)
            if tok.text == "{":
                depth += 1
            elif tok.text == "}":
                depth -= 1
            if depth == 0 and len(got) >= len(delimiter) and all(
                    _same(a.text, b) for a, b in zip(got[-len(delimiter):], delimiter)):
                arg = got[:-len(delimiter)]
                if len(arg) >= 2 and arg[0].text == "{" and arg[-1].text == "}" and _one_group(arg):
                    arg = arg[1:-1]
                return arg
            if len(got) > MAX_WORK:
                break
        raise mismatch

    # -- output --------------------------------------------------------------------------------

    def _result(self) -> Expansion:
        if not self.used and not self.copied and not self.problems:
            return Expansion(self.text, self.text)
        pieces: list[str] = []
        segments: list[list[Any]] = []
        pos = 0
        prev: _Tok | None = None
        for tok in self.out:
            text = tok.text
            if prev is not None and (text[0].isalpha() or text[0] == "@") and _CONTROL_WORD.match(prev.text):
                # "\mathbf" + "x" from a body would read as "\mathbfx": TeX keeps them apart, so must we
                pieces.append(" ")
                _add_segment(segments, pos, pos + 1, tok.start, tok.start, False)
                pos += 1
            pieces.append(text)
            if tok.literal:
                _add_segment(segments, pos, pos + len(text), tok.start, tok.end, True)
            else:
                _add_segment(segments, pos, pos + len(text), tok.start, tok.end, False)
            pos += len(text)
            prev = tok
        frozen = tuple((a, b, c, d, e) for a, b, c, d, e in segments)
        return Expansion("".join(pieces), self.text, tuple(self.used), tuple(self.problems), frozen)


def _add_segment(segments: list[list[Any]], a: int, b: int, src_a: int, src_b: int, literal: bool) -> None:
    if segments:
        last = segments[-1]
        if literal and last[4] and last[1] == a and last[3] == src_a:
            last[1], last[3] = b, src_b
            return
        if not literal and not last[4] and last[1] == a and last[2] == src_a and last[3] == src_b:
            last[1] = b
            return
    segments.append([a, b, src_a, src_b, literal])


def _same(a: str, b: str) -> bool:
    if a[0] in " \t\r\n" and b[0] in " \t\r\n":
        return True
    return a == b


def _one_group(toks: list[_Tok]) -> bool:
    depth = 0
    for k, tok in enumerate(toks):
        depth += tok.text == "{"
        depth -= tok.text == "}"
        if depth == 0 and k != len(toks) - 1:
            return False
    return True


_NAME_IN_TEXT = re.compile(r"\\([A-Za-z@]+|[^A-Za-z@])")


def expand(text: str, table: MacroTable) -> Expansion:
    """Expand every macro of ``table`` (and definitions written in ``text``) in ``text``.

    Never raises on content: a call with a missing argument stays as written (with a problem), and
    an expansion that grows without end stops with "macro expansion too large" and returns ``text``
    unchanged, so the parser reports what it cannot read instead of the checker hanging.
    """
    if "\\" not in text:
        return Expansion(text, text)
    names = set(_NAME_IN_TEXT.findall(text))
    if not (names & table.macros.keys()) and not (names & DEFINERS):
        return Expansion(text, text)
    return _Expander(text, table).run()


def remap_parsed(parsed: Any, expansion: Expansion) -> Any:
    """Map every offset of a :class:`~derive.check.latex.ParsedBlock` of ``expansion.text`` back to
    the source text (terms, problems, unknown macros, transparent wrappers); add the expansion's own
    problems. Returns the same object, changed in place."""
    if not expansion.segments and not expansion.problems:
        return parsed
    from .latex import Problem

    if expansion.segments:
        for stmt in parsed.statements:
            for term in stmt.terms:
                term.start, term.end = expansion.span(term.start, term.end)
            for span in getattr(stmt, "inner", ()):
                span[0], span[1] = expansion.span(span[0], span[1])
                span[2], span[3] = expansion.span(span[2], span[3])
        for problem in parsed.problems:
            problem.start, problem.end = expansion.span(problem.start, problem.end)
        parsed.unknown_macros[:] = [(name, expansion.offset(at)) for name, at in parsed.unknown_macros]
        transparent = getattr(parsed, "transparent", None)
        if transparent is not None:
            transparent[:] = [(name, expansion.offset(at)) for name, at in transparent]
    parsed.problems.extend(Problem(p.start, p.end, p.message) for p in expansion.problems)
    return parsed


# ==================================================================================================
# Reading definitions from text
# ==================================================================================================

class _Lines:
    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect_right(self.starts, offset)


_INCLUDE_RE = re.compile(r"\\(?:input|include|usepackage|RequirePackage|endinput)(?![A-Za-z@])"
                         r"|\\begin\s*\{document\}")


def parse_definitions(text: str, table: MacroTable | None = None, *, path: str = "", kind: str = "document",
                      offset_lines: _Lines | None = None, on_include: Any = None,
                      stop_at_document: bool = False) -> MacroTable:
    r"""Every definition written in ``text`` (already masked: no comments or code), in order, into ``table``.

    ``on_include(command, argument, offset)`` is called for ``\input``/``\include``/``\usepackage``
    (LaTeX files only) so that the caller can read those files at that point.
    """
    table = MacroTable() if table is None else table
    lines = offset_lines or _Lines(text)

    def origin_of(offset: int) -> Origin:
        return Origin(path, lines.line(offset), kind)

    definitions = _Definitions(table, origin_of)
    pattern = _DEFINER_RE if on_include is None else re.compile(_DEFINER_RE.pattern + "|" + _INCLUDE_RE.pattern)
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        word = m.group()
        if word.startswith("\\begin"):
            if stop_at_document:
                break
            pos = m.end()
            continue
        name = word[1:]
        reader = _Reader(text, m.end())
        if name in DEFINERS:
            definitions.read(name, _Tok(word, m.start(), m.end(), True), reader)
        elif name == "endinput":
            break
        else:
            consumed: list[_Tok] = []
            if name in ("usepackage", "RequirePackage"):
                reader.optional(consumed)
            elif name == "include" and text.startswith("*", reader.pos):
                reader.pos += 1  # \include*{ch1} (newclude's form without a page break): the file is ch1
            arg = _file_argument(reader, consumed)
            if arg is not None:
                on_include(name, arg, m.start())
        pos = max(reader.pos, m.end()) if not reader.pending else min(t.start for t in reader.pending)
        pos = max(pos, m.end())
    return table


def _file_argument(reader: _Reader, consumed: list[_Tok]) -> str | None:
    tok = reader.next_nonspace(consumed)
    if tok is None:
        return None
    if tok.text == "{":
        group = reader.group(consumed)
        return None if group is None else "".join(t.text for t in group).strip()
    name = [tok.text]  # \input file.tex: up to the next space
    while (nxt := reader.next()) is not None and not nxt.space and nxt.text not in "{}\\":
        name.append(nxt.text)
    return "".join(name)


_LATEX_COMMENT = re.compile(r"(?<!\\)((?:\\\\)*)%[^\n]*")
_VERBATIM = re.compile(r"\\begin\{(verbatim\*?|lstlisting|minted|comment|Verbatim)\}.*?\\end\{\1\}", re.S)
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})([^\n]*)\n.*?^ {0,3}\2[`~]*[ \t]*$", re.S | re.M)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)


def _mask(match: re.Match[str], keep: int = 0) -> str:
    text = match.group()
    return text[:keep] + re.sub(r"[^\n]", " ", text[keep:])


def mask_latex(text: str) -> str:
    """Comments and verbatim environments blanked (same length, newlines kept)."""
    text = _VERBATIM.sub(_mask, text)
    return _LATEX_COMMENT.sub(lambda m: m.group(1) + re.sub(r"[^\n]", " ", m.group()[len(m.group(1)):]), text)


def mask_markdown(text: str) -> str:
    """Code fences that are code (not ``{math}``/``{dropdown}`` directives) and code spans blanked."""
    def fence(m: re.Match[str]) -> str:
        info = m.group(3).strip()
        return m.group() if info.startswith("{") else _mask(m)
    text = _FENCE.sub(fence, text)
    return _CODE_SPAN.sub(_mask, text)


# ==================================================================================================
# Configuration files
# ==================================================================================================

def _yaml(text: str, path: str, notes: list[MacroNote]) -> Any:
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        notes.append(MacroNote(path, line, f"YAML does not parse ({problem}); its macros are not used"))
        return None


def _dig(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _macro_from_value(name: str, value: Any, origin: Origin, notes: list[MacroNote], *, style: str) -> Macro | None:
    """A configured macro: a string, ``[body]``, ``[body, nargs]``, ``[body, nargs, default]`` (MathJax)
    or ``{macro: body}`` (MyST). Without a count, the arguments are the highest ``#n`` in the body
    (KaTeX's rule; MathJax would refuse such a string, and the author would have seen it)."""
    name = name.strip().lstrip("\\")
    if not name:
        return None
    nargs: int | None = None
    default: str | None = None
    if isinstance(value, dict) and style == "myst":
        value = value.get("macro")
    if isinstance(value, (list, tuple)):
        if style == "myst":
            notes.append(MacroNote(origin.path, origin.line, f"math macro \\{name} is a list, which mystmd drops "
                                   "(write a string, or {macro: …}); it is not used"))
            return None
        if not value or not isinstance(value[0], str):
            return None
        if len(value) > 1 and isinstance(value[1], int) and not isinstance(value[1], bool):
            nargs = value[1]
        if len(value) > 2 and isinstance(value[2], str):
            default = value[2]
        value = value[0]
    if not isinstance(value, str):
        return None
    body = tuple(_tokens(value))
    used = [int(t[1]) for t in body if re.fullmatch(r"#[1-9]", t)]
    if nargs is None:
        nargs = max(used, default=0)
    nargs = max(0, min(nargs, 9))
    return Macro(name, nargs, body, origin, "config", None if default is None else tuple(_tokens(default)))


def _define_all(table: MacroTable, mapping: Any, origin: Origin, notes: list[MacroNote], style: str,
                text: str | None = None, first_line: int = 1) -> None:
    """Define each entry of a configured ``macros``/``math`` mapping; ``text`` (the YAML it was read
    from, starting at ``first_line`` of the file) locates each key's own line."""
    if not isinstance(mapping, dict):
        return
    for name, value in mapping.items():
        where = origin
        if text is not None:
            line = _key_line(text, str(name))
            if line:
                where = replace(origin, line=line + first_line - 1)
        macro = _macro_from_value(str(name), value, where, notes, style=style)
        if macro is not None:
            table.define(macro)


def _key_line(text: str, key: str) -> int:
    """1-based line of ``key:`` in YAML text (quoted or not, backslashes doubled or not); 0 if absent."""
    pattern = re.escape(key).replace(r"\\", r"\\{1,2}")
    m = re.search(rf"^\s*['\"]?{pattern}['\"]?\s*:", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else 0


_MATHJAX_KEYS = ("mathjax_config", "mathjax2_config", "mathjax3_config", "mathjax4_config")


def _sphinx_macros(config: Any, table: MacroTable, origin: Origin, notes: list[MacroNote],
                   text: str | None = None) -> None:
    """Sphinx's MathJax settings (v3/v4 ``tex.macros``, v2 ``TeX.Macros``) and sphinxcontrib-katex's."""
    if not isinstance(config, dict):
        return
    for key in _MATHJAX_KEYS:
        cfg = config.get(key)
        if isinstance(cfg, dict):
            _define_all(table, _dig(cfg, "tex", "macros"), origin, notes, "mathjax", text)
            _define_all(table, _dig(cfg, "TeX", "Macros"), origin, notes, "mathjax", text)
    katex = config.get("katex_options")
    if isinstance(katex, str):
        _define_all(table, js_macros(katex), origin, notes, "mathjax")


# -- JavaScript object literals (MathJax/KaTeX configuration in <script> or .js files) -------------

_JS_MACROS = re.compile(r"(?:\b[Mm]acros|katexMacros)\s*[:=]\s*\{")


def js_macros(text: str) -> dict[str, Any]:
    """The ``macros: {…}`` / ``Macros: {…}`` objects of a MathJax or KaTeX configuration, merged.

    A tolerant reader for the object-literal subset such configurations use (quoted or bare keys,
    strings, numbers, arrays; missing commas are forgiven); nothing is executed.
    """
    found: dict[str, Any] = {}
    for m in _JS_MACROS.finditer(text):
        try:
            value, _ = _JsReader(text, m.end() - 1).value()
        except ValueError:
            continue
        if isinstance(value, dict):
            found.update(value)
    return found


class _JsReader:
    def __init__(self, text: str, pos: int) -> None:
        self.text, self.pos = text, pos

    def _skip(self) -> None:
        text = self.text
        while self.pos < len(text):
            if text[self.pos] in " \t\r\n,":
                self.pos += 1
            elif text.startswith("//", self.pos):
                end = text.find("\n", self.pos)
                self.pos = len(text) if end < 0 else end
            elif text.startswith("/*", self.pos):
                end = text.find("*/", self.pos)
                self.pos = len(text) if end < 0 else end + 2
            else:
                return

    def value(self) -> tuple[Any, int]:
        self._skip()
        if self.pos >= len(self.text):
            raise ValueError("end of text")
        ch = self.text[self.pos]
        if ch == "{":
            return self._object(), self.pos
        if ch == "[":
            return self._array(), self.pos
        if ch in "'\"`":
            return self._string(), self.pos
        m = re.compile(r"-?\d+(?:\.\d+)?|[A-Za-z_$][\w$]*").match(self.text, self.pos)
        if m is None:
            raise ValueError(f"unexpected {ch!r}")
        self.pos = m.end()
        word = m.group()
        if word[0].isdigit() or word[0] == "-":
            return (float(word) if "." in word else int(word)), self.pos
        return {"true": True, "false": False, "null": None}.get(word, word), self.pos

    def _object(self) -> dict[str, Any]:
        self.pos += 1
        out: dict[str, Any] = {}
        while True:
            self._skip()
            if self.pos >= len(self.text):
                raise ValueError("unclosed object")
            if self.text[self.pos] == "}":
                self.pos += 1
                return out
            ch = self.text[self.pos]
            if ch in "'\"`":
                key = self._string()
            else:
                m = re.compile(r"[\w$\\]+").match(self.text, self.pos)
                if m is None:
                    raise ValueError("bad key")
                key, self.pos = m.group(), m.end()
            self._skip()
            if not self.text.startswith(":", self.pos):
                raise ValueError("missing ':'")
            self.pos += 1
            out[key], _ = self.value()

    def _array(self) -> list[Any]:
        self.pos += 1
        out: list[Any] = []
        while True:
            self._skip()
            if self.pos >= len(self.text):
                raise ValueError("unclosed array")
            if self.text[self.pos] == "]":
                self.pos += 1
                return out
            item, _ = self.value()
            out.append(item)

    def _string(self) -> str:
        quote = self.text[self.pos]
        self.pos += 1
        out: list[str] = []
        text = self.text
        while self.pos < len(text):
            ch = text[self.pos]
            if ch == "\\" and self.pos + 1 < len(text):
                nxt = text[self.pos + 1]
                out.append({"n": "\n", "t": "\t", "r": "\r"}.get(nxt, nxt))
                self.pos += 2
                continue
            if ch == quote:
                self.pos += 1
                return "".join(out)
            out.append(ch)
            self.pos += 1
        raise ValueError("unclosed string")


# ==================================================================================================
# Finding the definitions in force for a file
# ==================================================================================================

_INCLUDE_KEYS = frozenset({"include-in-header", "include-before-body", "include-after-body", "in_header",
                           "before_body", "after_body"})
_TEXT_KEYS = frozenset({"header-includes"})
_SHORTCODE_INCLUDE = re.compile(r"\{\{<\s*include\s+([^\s>]+)\s*>\}\}")
_LIQUID_INCLUDE = re.compile(r"\{%-?\s*include\s+([^\s%]+)[^%]*-?%\}")
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


@dataclass
class _Context:
    """A walk through ``\\input`` files: where it started, the table it fills, and the files seen (no cycle)."""

    root: str
    main_dir: str
    table: MacroTable
    seen: set[str] = field(default_factory=set)

    @property
    def notes(self) -> list[MacroNote]:
        return self.table.notes


def _real(path: str) -> str:
    return os.path.realpath(path)


def _inside(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([_real(path), _real(root)]) == _real(root)
    except ValueError:
        return False


@lru_cache(maxsize=256)
def _read_cached(path: str, mtime: float, size: int) -> str:
    with open(path, "rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    return raw[:MAX_FILE_BYTES].decode("utf-8-sig", errors="replace").replace("\r\n", "\n")


def _read(path: str) -> str | None:
    try:
        st = os.stat(path)
        return _read_cached(_real(path), st.st_mtime, st.st_size)
    except OSError:
        return None


def _resolve(ctx: _Context, name: str, base_dirs: Iterable[str], suffixes: tuple[str, ...], where: str,
             line: int, *, quiet: bool = False) -> str | None:
    """The file ``name`` names (tried with each suffix, in each base folder), inside the root."""
    name = name.strip().strip('"')
    if not name:
        return None
    candidates = []
    for base in base_dirs:
        full = os.path.normpath(os.path.join(base, name))
        candidates += [full + s for s in suffixes]
    outside = None
    for cand in candidates:
        if os.path.isfile(cand):
            if _inside(cand, ctx.root):
                return cand
            outside = cand
    if outside is not None:
        ctx.notes.append(MacroNote(where, line, f"{name} is outside the project root {ctx.root}: not read"))
    elif not quiet:
        ctx.notes.append(MacroNote(where, line, f"{name} not found: macros it defines are unknown"))
    return None


def _read_latex_file(ctx: _Context, path: str, kind: str, depth: int, *, preamble_only: bool = False,
                     skip: str | None = None, until: re.Pattern[str] | None = None) -> None:
    """Definitions of a LaTeX file, following its ``\\input``/``\\include``/local ``\\usepackage``; with
    ``until``, only the text before its first match (what is in force where the main file reads a chapter)."""
    real = _real(path)
    if real in ctx.seen or depth > MAX_INCLUDE_DEPTH:
        return
    text = _read(path)
    if text is None:
        ctx.notes.append(MacroNote(path, 0, "cannot be read: macros it defines are unknown"))
        return
    ctx.seen.add(real)
    if until is not None and (stop := until.search(mask_latex(text))) is not None:
        text = text[:stop.start()]
    events = _leaf_definitions(text, path, kind, preamble_only)
    if events is not None:  # a plain macros file: read once per content, replayed for every document
        for macro, provide in events:
            ctx.table.define(macro, provide=provide)
        return
    _latex_text(ctx, mask_latex(text), path, kind, depth, preamble_only=preamble_only, skip=skip)


class _Recorder(MacroTable):
    """A table that remembers the order of its definitions (to replay them into another table)."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[Macro, bool]] = []

    def define(self, macro: Macro, *, provide: bool = False) -> None:
        self.events.append((macro, provide))
        super().define(macro, provide=provide)


@lru_cache(maxsize=64)
def _leaf_definitions(text: str, path: str, kind: str, preamble_only: bool) -> tuple[tuple[Macro, bool], ...] | None:
    r"""The definitions of a LaTeX file that reads no other file and has no ``\let`` (whose meaning
    depends on what is defined before it), or None for any other file."""
    masked = mask_latex(text)
    if _INCLUDE_RE.search(masked) or re.search(r"\\let(?![A-Za-z@])", masked):
        return None
    recorder = _Recorder()
    parse_definitions(masked, recorder, path=path, kind=kind)
    return tuple(recorder.events)


def _physics_package(table: MacroTable, text: str, where: str) -> None:
    """The ``physics`` package's commands (:mod:`.physics`) when ``text`` loads it; definitions already in force
    stay (a course's own ``\\norm`` wins), and later ones override, as in TeX."""
    from . import physics

    if not physics.loaded_by(text):
        return
    origin = Origin(where, 0, "physics package")
    for macro in parse_definitions(physics.DEFINITIONS, path=where, kind="physics package").macros.values():
        table.define(replace(macro, origin=origin), provide=True)
    for name, differential in physics.DERIVATIVES.items():  # \dv{f}{x} or \dv{x}: one or two arguments
        table.define(Macro(name, 0, (differential,), origin, "fraction"), provide=True)


def _latex_text(ctx: _Context, text: str, path: str, kind: str, depth: int, *, preamble_only: bool = False,
                skip: str | None = None) -> None:
    lines = _Lines(text)
    _physics_package(ctx.table, text, path)
    here = os.path.dirname(path) or "."

    def on_include(command: str, arg: str, offset: int) -> None:
        line = lines.line(offset)
        bases = [ctx.main_dir, here] if ctx.main_dir != here else [here]
        if command in ("usepackage", "RequirePackage"):
            for name in arg.split(","):
                found = _resolve(ctx, name, bases, (".sty",), path, line, quiet=True)  # else a system package
                if found is not None:
                    _read_latex_file(ctx, found, "preamble", depth + 1)
            return
        suffixes = (".tex",) if command == "include" else ("", ".tex")
        # the main file's other chapters may be missing from a checkout of one chapter: not the fragment's concern
        found = _resolve(ctx, arg, bases, suffixes, path, line, quiet=kind == "main file")
        if found is not None and (skip is None or _real(found) != _real(skip)):
            _read_latex_file(ctx, found, "preamble" if kind != "main file" else kind, depth + 1)

    parse_definitions(text, ctx.table, path=path, kind=kind, offset_lines=lines, on_include=on_include,
                      stop_at_document=preamble_only)


def _read_text_include(ctx: _Context, path: str, depth: int) -> None:
    """An included HTML/JS/TeX/Markdown file: its ``\\newcommand``\\ s and MathJax/KaTeX ``macros``."""
    real = _real(path)
    if real in ctx.seen or depth > MAX_INCLUDE_DEPTH:
        return
    text = _read(path)
    if text is None:
        ctx.notes.append(MacroNote(path, 0, "cannot be read: macros it defines are unknown"))
        return
    ctx.seen.add(real)
    origin = Origin(path, 0, "include")
    _physics_package(ctx.table, text, path)
    _define_all(ctx.table, js_macros(text), origin, ctx.notes, "mathjax")
    if path.lower().endswith(_LATEX_SUFFIXES):
        _latex_text(ctx, mask_latex(text), path, "include", depth + 1)
    else:
        _markdown_text(ctx, text, path, "include", depth + 1)


def _markdown_text(ctx: _Context, text: str, path: str, kind: str, depth: int) -> None:
    masked = mask_markdown(text)
    here = os.path.dirname(path) or "."
    lines = _Lines(masked)
    for m in _SHORTCODE_INCLUDE.finditer(masked):  # Quarto: {{< include _macros.qmd >}}
        found = _resolve(ctx, m.group(1), [here], ("",), path, lines.line(m.start()))
        if found is not None:
            _read_text_include(ctx, found, depth + 1)
    for m in _LIQUID_INCLUDE.finditer(masked):  # Jekyll: {% include math.md %} from _includes/
        site = _find_up(here, ctx.root, ("_config.yml",))
        base = [os.path.join(os.path.dirname(site) if site else ctx.root, "_includes")]
        found = _resolve(ctx, m.group(1), base, ("",), path, lines.line(m.start()), quiet=True)
        if found is not None:
            _read_text_include(ctx, found, depth + 1)
    parse_definitions(masked, ctx.table, path=path, kind=kind, offset_lines=lines)


def _includes_in(data: Any, config_path: str, ctx: _Context, depth: int) -> None:
    """Files and text that Quarto/R Markdown/Pandoc metadata puts in the page (any nesting: ``format.html``…)."""
    base = os.path.dirname(config_path) or "."

    def one(value: Any, *, text: bool) -> None:
        if isinstance(value, list):
            for item in value:
                one(item, text=text)
        elif isinstance(value, dict):
            if isinstance(value.get("text"), str):
                _include_text(ctx, value["text"], config_path)
            if isinstance(value.get("file"), str):
                one(value["file"], text=False)
        elif isinstance(value, str):
            if text:
                _include_text(ctx, value, config_path)
            else:
                found = _resolve(ctx, value, [base], ("",), config_path, _key_line(_read(config_path) or "", "file")
                                 or 0)
                if found is not None:
                    _read_text_include(ctx, found, depth + 1)

    def walk(node: Any, level: int) -> None:
        if level > 6:
            return
        if isinstance(node, dict):
            for key, value in node.items():
                if key in _INCLUDE_KEYS:
                    one(value, text=False)
                elif key in _TEXT_KEYS:
                    one(value, text=True)
                else:
                    walk(value, level + 1)
        elif isinstance(node, list):
            for item in node:
                walk(item, level + 1)

    walk(data, 0)


def _include_text(ctx: _Context, text: str, where: str) -> None:
    _physics_package(ctx.table, text, where)
    _define_all(ctx.table, js_macros(text), Origin(where, 0, "include"), ctx.notes, "mathjax")
    parse_definitions(mask_latex(text) if "\\documentclass" in text else text, ctx.table, path=where,
                      kind="include")


def _find_up(start: str, root: str, names: tuple[str, ...]) -> str | None:
    for folder in _ancestors(start, root):
        for name in names:
            cand = os.path.join(folder, name)
            if os.path.isfile(cand):
                return cand
    return None


def _ancestors(start: str, root: str) -> Iterator[str]:
    """``start`` and its parents up to ``root`` (inclusive); only ``start`` if it is not inside ``root``."""
    folder = os.path.abspath(start)
    root = os.path.abspath(root)
    yield folder
    if not _inside(folder, root):
        return
    while folder != root:
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent
        yield folder


def project_root(path: str, named: tuple[str, ...] = ()) -> str:
    """The folder that bounds what ``path``'s macros may be read from (see :func:`_guess_root`)."""
    return _guess_root(path, named)


def _guess_root(path: str, named: tuple[str, ...] = ()) -> str:
    """The nearest folder above ``path`` with ``.git``; else the innermost of the ``named`` folders (the ones
    the user passed on the command line) that holds it — the user said where the project is, and a slide
    deck reads its course's preamble two folders up; else the nearest with a project configuration; else
    the file's own folder."""
    here = os.path.dirname(os.path.abspath(path))
    holding = sorted((os.path.abspath(n) for n in named if _inside(path, n)), key=len)
    folder = here
    config = None
    level = 0
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        if config is None and any(os.path.isfile(os.path.join(folder, n)) for n in
                                  ("myst.yml", "_config.yml", "_quarto.yml", "conf.py")):
            config = folder
        if config is None and level in (1, 2) and path.lower().endswith(".tex") and _has_main_tex(folder):
            config = folder  # a LaTeX book's main file, above the chapter: its project, as far as macros go
        level += 1
        parent = os.path.dirname(folder)
        if parent == folder:
            return holding[-1] if holding else config or here
        folder = parent


def _has_main_tex(folder: str) -> bool:
    try:
        names = sorted(n for n in os.listdir(folder) if n.lower().endswith(".tex"))[:20]
    except OSError:
        return False
    return any("\\documentclass" in (_read(os.path.join(folder, n)) or "")[:20000] for n in names)


def _myst_yml(ctx: _Context, path: str, depth: int) -> None:
    """``project.math`` of a ``myst.yml``, after the files it ``extends`` (which it overrides)."""
    real = _real(path)
    if real in ctx.seen or depth > MAX_INCLUDE_DEPTH:
        return
    ctx.seen.add(real)
    text = _read(path)
    data = _yaml(text, path, ctx.notes) if text is not None else None
    if not isinstance(data, dict):
        return
    extends = data.get("extends", data.get("extend"))
    for item in extends if isinstance(extends, list) else [extends] if isinstance(extends, str) else []:
        if isinstance(item, str) and "://" not in item:
            found = _resolve(ctx, item, [os.path.dirname(path)], ("",), path, _key_line(text or "", "extends"))
            if found is not None:
                _myst_yml(ctx, found, depth + 1)
    math = _dig(data, "project", "math")
    if math is None:
        math = data.get("math")  # a page-shaped file
    _define_all(ctx.table, math, Origin(path, _key_line(text or "", "math"), "myst.yml"), ctx.notes, "myst", text)


def _jb1_config(ctx: _Context, path: str) -> None:
    text = _read(path)
    data = _yaml(text, path, ctx.notes) if text is not None else None
    if isinstance(data, dict):
        # parse.myst_substitutions are Markdown substitutions, not math: deliberately not read.
        origin = Origin(path, _key_line(text or "", "macros") or _key_line(text or "", "Macros"), "_config.yml")
        _sphinx_macros(_dig(data, "sphinx", "config"), ctx.table, origin, ctx.notes, text)


def _conf_py(ctx: _Context, path: str) -> None:
    """Sphinx ``conf.py``: top-level literal assignments of the MathJax/KaTeX settings (never executed)."""
    text = _read(path)
    if text is None:
        return
    try:
        tree = ast.parse(text)
    except SyntaxError:
        ctx.notes.append(MacroNote(path, 0, "does not parse as Python; its macros are not used"))
        return
    config: dict[str, Any] = {}
    line = 0
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in _MATHJAX_KEYS or name == "katex_options":
                try:
                    config[name] = ast.literal_eval(node.value)
                    line = line or node.lineno
                except (ValueError, SyntaxError, TypeError, RecursionError):
                    ctx.notes.append(MacroNote(path, node.lineno, f"{name} is not a literal: not read"))
    _sphinx_macros(config, ctx.table, Origin(path, line, "conf.py"), ctx.notes)


def _project_configs(ctx: _Context, file_dir: str) -> None:
    """Configuration from the project root down to the file's folder (nearer overrides farther)."""
    folders = list(_ancestors(file_dir, ctx.root))[::-1]
    nearest: dict[str, str] = {}
    for folder in folders:  # root first: the last one found is the nearest
        for name in ("myst.yml", "_config.yml", "conf.py", "_quarto.yml", "_output.yml"):
            cand = os.path.join(folder, name)
            if os.path.isfile(cand):
                nearest[name] = cand
    if "conf.py" in nearest:
        _conf_py(ctx, nearest["conf.py"])
    if "_config.yml" in nearest:
        _jb1_config(ctx, nearest["_config.yml"])
    if "myst.yml" in nearest:
        _myst_yml(ctx, nearest["myst.yml"], 0)
    for name in ("_quarto.yml", "_output.yml"):
        if name in nearest:
            text = _read(nearest[name])
            data = _yaml(text, nearest[name], ctx.notes) if text is not None else None
            _includes_in(data, nearest[name], ctx, 0)
    for folder in folders:  # Quarto merges every _metadata.yml from the project down to the file
        cand = os.path.join(folder, "_metadata.yml")
        if os.path.isfile(cand):
            text = _read(cand)
            _includes_in(_yaml(text, cand, ctx.notes) if text is not None else None, cand, ctx, 0)


def _front_matter(ctx: _Context, source: str, path: str) -> None:
    m = _FRONT_MATTER.match(source)
    if m is None or not m.group(1):
        return
    text = m.group(1)
    data = _yaml(text, path, ctx.notes)
    if not isinstance(data, dict):
        return
    line = _key_line(text, "math") + 1 if _key_line(text, "math") else 0
    _define_all(ctx.table, data.get("math"), Origin(path, line, "front matter"), ctx.notes, "myst", text, 2)
    _includes_in(data, path, ctx, 0)


def _notebook_markdown(source: str) -> str | None:
    """The Markdown cells of a notebook, joined (the first may hold front matter); None when ``source`` is not a
    notebook's JSON (the checker passes the cells it has joined already: their definitions are read as they are)."""
    try:
        nb = json.loads(source)
    except ValueError:
        return None
    if not isinstance(nb, dict):
        return None
    cells = nb.get("cells", [])
    parts = []
    for cell in cells:
        if isinstance(cell, dict) and cell.get("cell_type") == "markdown":
            text = cell.get("source", "")
            parts.append("".join(text) if isinstance(text, list) else str(text))
    return "\n\n".join(parts)


_TEX_ROOT = re.compile(r"^\s*%\s*!\s*TEX\s+root\s*=\s*(\S+)", re.IGNORECASE | re.MULTILINE)
_SUBFILES = re.compile(r"\\documentclass\s*\[([^\]]+)\]\s*\{subfiles\}")
_REFERS = r"\\(?:input|include|subfile|import\s*\{[^}]*\})\s*\{\s*(?:[^}]*/)?STEM(?:\.tex)?\s*\}"


def _refers_to(path: str) -> re.Pattern[str]:
    """``\\input{ch1}``, ``\\include{chapters/ch1.tex}``: a reference to the file at ``path``."""
    return re.compile(_REFERS.replace("STEM", re.escape(os.path.splitext(os.path.basename(path))[0])))


def _main_files(ctx: _Context, path: str) -> list[str]:
    """The main file(s) of a LaTeX fragment: named by ``subfiles``, or one that ``\\input``\\ s it."""
    text = _read(path) or ""
    here = os.path.dirname(os.path.abspath(path))
    m = _SUBFILES.search(mask_latex(text))
    if m is not None:
        found = _resolve(ctx, m.group(1), [here], ("", ".tex"), path, text.count("\n", 0, m.start()) + 1)
        return [found] if found else []
    if (root := _TEX_ROOT.search(text[:2000])) is not None:  # "% !TEX root = ../main.tex", as editors write it
        found = _resolve(ctx, root.group(1).strip(), [here], ("", ".tex"), path, text.count("\n", 0, root.start()) + 1)
        return [found] if found else []
    refers = _refers_to(path)
    out, roots = [], []
    for folder in [here, os.path.dirname(here)]:
        if not _inside(folder, ctx.root):
            continue
        try:
            names = sorted(n for n in os.listdir(folder) if n.lower().endswith(".tex"))[:60]
        except OSError:
            continue
        for name in names:
            cand = os.path.join(folder, name)
            if _real(cand) == _real(path):
                continue
            body = _read(cand) or ""
            if "\\documentclass" in body:
                (out if refers.search(mask_latex(body)) else roots).append(cand)
    # A book's chapter is often read through a part file (main → part → chapter): with no file naming the
    # fragment, the one document nearby is its root, as latexmk and editors assume.
    return out[:1] if out else roots if len(roots) == 1 else []


def macros_for(path: str, source: str, flavor: str | None = None, project_root: str | None = None,
               named: tuple[str, ...] = ()) -> MacroTable:
    """Every macro definition in force for the file at ``path`` whose text is ``source``.

    ``flavor`` is the dialect the file is read as (``"latex"`` or any Markdown flavour; ``None``:
    from the suffix); for LaTeX, project configuration is not read (pdflatex never sees it).
    ``project_root`` bounds the walk up and every file read; by default it is the nearest folder with
    ``.git`` (else the folder named on the command line that holds it, one of ``named``; else the nearest
    with a project configuration, else the file's folder). Never raises on content.
    """
    path = os.fspath(path)
    root = os.path.abspath(project_root) if project_root else _guess_root(path, named)
    here = os.path.dirname(os.path.abspath(path))
    lower = path.lower()
    is_latex = (flavor or "").lower() in ("latex", "tex") or (not flavor and lower.endswith(_LATEX_SUFFIXES))
    ctx = _Context(root, here, MacroTable())
    ctx.seen.add(_real(path))
    if is_latex:
        masked = mask_latex(source)
        if "\\documentclass" not in masked or _SUBFILES.search(masked):
            for main in _main_files(ctx, path):
                ctx.main_dir = os.path.dirname(os.path.abspath(main))
                # the main file up to where it reads the fragment, not only its preamble: a book defines its
                # notation with \include{symbols} after \begin{document}, before the chapters (all of it when
                # the chapter comes through a part file the main names instead)
                _read_latex_file(ctx, main, "main file", 0, skip=path, until=_refers_to(path))
                ctx.main_dir = here
        _latex_text(ctx, masked, path, "document", 0)
        return ctx.table
    _project_configs(ctx, here)
    # a notebook comes either as its JSON or as its Markdown cells already joined (how the checker reads it)
    cells = _notebook_markdown(source) if lower.endswith(".ipynb") else None
    text = source if cells is None else cells
    _front_matter(ctx, text, path)
    m = _FRONT_MATTER.match(text)
    # the front matter is configuration, not text: blanked, keeping offsets (and line numbers)
    body = text if m is None else re.sub(r"[^\n]", " ", text[:m.end()]) + text[m.end():]
    _markdown_text(ctx, body, path, "document", 0)
    return ctx.table
