"""Find every math block in lecture notes (MyST Markdown or LaTeX) with its exact file position.

Why a hand-written scanner instead of markdown-it or a LaTeX parser: the checker only needs the few
constructs that decide *where math is* (fences, directives, code spans, comments, math delimiters,
environments), it must keep byte-exact positions so that every later finding points at the right
``line:col``, and it must treat a construct that will not render (a bare ``cases``, ``\\[`` in
Markdown) as math anyway, because the author meant it as math. Renderers would throw that away.

Nothing here changes the length of the text: code, comments and markup that is not math are
*masked* (replaced by spaces, newlines kept), so an offset into a block's text maps to a file
position by counting newlines. Tabs count as one column.
"""
from __future__ import annotations

import functools
import os
import re
from bisect import bisect_right
from dataclasses import dataclass

from derive.errors import NotesError

from . import prose_equals
from .macros import _DEF, _DOCUMENT_COMMAND, _NEWCOMMAND, _OPERATOR, _PAIRED

MARKDOWN_SUFFIXES = (".md", ".markdown", ".myst", ".qmd", ".rmd", ".ipynb")  # a notebook's Markdown cells
LATEX_SUFFIXES = (".tex", ".ltx")

#: Top-level display environments (amsmath and LaTeX). ``math`` is the inline one.
DISPLAY_ENVS = frozenset(
    {"equation", "align", "gather", "multline", "flalign", "alignat", "eqnarray", "displaymath"}
)
#: Environments that only make sense inside math mode; authors still write them bare.
INNER_ENVS = frozenset({"cases", "dcases", "rcases", "aligned", "alignedat", "gathered", "split", "array"})
#: The matrix family: a top-level display in MyST's amsmath extension, math-only in LaTeX.
MATRIX_ENVS = frozenset({"matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix"})
MATH_ENVS = DISPLAY_ENVS | INNER_ENVS | MATRIX_ENVS | {"math"}

#: Directive bodies that are code or foreign markup, never MyST text.
CODE_DIRECTIVES = frozenset(
    {
        "code", "code-block", "code-cell", "sourcecode", "literalinclude", "raw", "eval-rst",
        "mermaid", "graphviz", "jupyter-execute", "ipython", "csv-table", "bibliography",
    }
)


def env_base(name: str) -> str:
    """``align*`` -> ``align``: the star only switches numbering off, never the meaning."""
    return name[:-1] if name.endswith("*") else name


class LineMap:
    """Offsets into one source <-> 1-based ``(line, col)``; a tab is one column."""

    def __init__(self, source: str) -> None:
        starts = [0]
        find = source.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1

    def offset(self, line: int, col: int) -> int:
        return self._starts[line - 1] + col - 1

    @property
    def count(self) -> int:
        return len(self._starts)

    def start(self, index: int) -> int:
        """Offset of line ``index`` (0-based)."""
        return self._starts[index]

    def end(self, index: int, source_len: int) -> int:
        """Offset just past the last character of line ``index`` (0-based), newline excluded."""
        return self._starts[index + 1] - 1 if index + 1 < len(self._starts) else source_len


@dataclass(frozen=True)
class MathBlock:
    """One piece of math as the author wrote it.

    ``text`` is an exact-length slice of the file (comments and code inside it blanked to spaces),
    so :meth:`position` can map any offset of ``text`` back to the file.
    """

    path: str
    text: str
    line: int
    col: int
    delim: str
    env: str | None
    display: bool
    directive: str | None
    #: The text as written when ``text`` is what the renderer receives after the Markdown engine's escapes
    #: (kramdown's ``c\\_1`` read as ``c _1``); same length, so offsets hold for both. Empty: the same.
    written: str = ""
    #: Inside a raw HTML block the Markdown engine passes through (kramdown's ``<p>…</p>``): the typesetter gets
    #: the text as written, so ``\\(…\\)`` there is math, not an escaped bracket.
    raw_html: bool = False

    def position(self, offset: int) -> tuple[int, int]:
        """File ``(line, col)`` of ``text[offset]`` (``offset == len(text)`` is just past the end)."""
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} outside a block of length {len(self.text)}")
        newline = self.text.rfind("\n", 0, offset)
        if newline < 0:
            return self.line, self.col + offset
        return self.line + self.text.count("\n", 0, offset), offset - newline

    def opening(self) -> tuple[int, int]:
        """Position of the opening delimiter (``$``, ``$$``, ``\\[``, ``\\(``; ``\\begin`` for env).

        Findings about the block as a whole (it will not render) point there.
        """
        if self.delim in OPENERS:
            return self.line, self.col - len(self.delim)
        return self.line, self.col


@dataclass(frozen=True)
class Scan:
    """Everything extraction learns about one file.

    ``visible`` is the source with code, comments, front matter and directive fences masked by
    spaces: what a reader sees as prose or math. Lint scans it so that ``\\alert`` quoted in a code
    span or a ``%`` comment is not reported.
    """

    kind: str  # "markdown" or "latex"
    blocks: tuple[MathBlock, ...]
    visible: str
    flavor: str = ""  # the dialect it was read as (see derive.check.flavors)
    headings: tuple[int, ...] = ()  # 1-based lines where a heading starts a section
    code_math: tuple[int, ...] = ()  # offsets of math in code spans the page shows as code (not read)


def kind_of(path: str | os.PathLike[str]) -> str:
    """``"markdown"`` or ``"latex"`` from the suffix; anything else is not notes."""
    name = os.fspath(path).lower()
    if name.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if name.endswith(LATEX_SUFFIXES):
        return "latex"
    suffix = os.path.splitext(name)[1] or "(none)"
    raise NotesError(
        f"unsupported file type {suffix}: expected Markdown (.md, .markdown, .myst, .qmd, .Rmd), a notebook "
        "(.ipynb) or LaTeX (.tex, .ltx)",
        path=os.fspath(path),
    )


def read_source(path: str | os.PathLike[str]) -> str:
    """Read a notes file as UTF-8 with ``\\n`` line ends; any failure is a one-line NotesError.

    Line ends are normalized because editors count ``\\r\\n`` as one line end; a BOM is dropped
    because editors do not show it as a column.
    """
    where = os.fspath(path)
    try:
        with open(where, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise NotesError("no such file", path=where) from None
    except IsADirectoryError:
        raise NotesError("is a directory, not a notes file", path=where) from None
    except PermissionError:
        raise NotesError("permission denied", path=where) from None
    except OSError as err:
        raise NotesError(f"cannot read: {err.strerror or err}", path=where) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise NotesError(
            f"not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}); save the file as UTF-8",
            path=where,
            line=line,
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def extract(path: str, source: str) -> list[MathBlock]:
    """Every math block of ``source``, in file order; the format is decided by ``path``'s suffix."""
    return list(scan(path, source).blocks)


@functools.lru_cache(maxsize=16)
def scan(path: str, source: str, flavor: str | None = None) -> Scan:
    """Blocks plus the masked view; cached because extract and lint both need it for one file.

    ``flavor`` is the Markdown dialect (see :mod:`derive.check.flavors`); by default it is decided
    from the path, the project's config and the text.
    """
    kind = kind_of(path)
    lines = LineMap(source)
    headings: tuple[int, ...] = ()
    script_typeset = False
    raw_html: list[tuple[int, int]] = []
    code_math: tuple[int, ...] = ()
    if kind == "markdown":
        from .flavors import decide
        from .markdown import read_markdown

        from .markdown import site_options

        flavor = flavor or decide(path, source).markdown or "gfm"
        site = site_options(path, flavor)
        reading = read_markdown(source, flavor, site)
        from .script_math import ScriptMath

        script_typeset = isinstance(site, ScriptMath)
        found, visible = reading.found, reading.visible
        headings = tuple(lines.position(h)[0] for h in reading.headings)
        raw_html = reading.raw_html
        code_math = reading.code_math
    else:
        flavor = "latex"
        found, visible = _LatexReader(source).read()
    read: list[tuple[_Found, str, str]] = []  # (item, text as the typesetter gets it, text as written)
    passed: set[int] = set()  # starts of the items in raw HTML blocks (passed to the typesetter as written)
    for item in sorted(found, key=lambda f: f.start):
        text = visible[item.start : item.end]
        if kind == "markdown" and item.delim in ("\\\\(", "\\\\["):
            text = _escaped_parens(text)
        if not text.strip():
            continue
        written = text
        if any(a <= item.start < b for a, b in raw_html):
            passed.add(item.start)
        elif flavor == "kramdown" and item.delim in KRAMDOWN_TEXT_MATH:
            text = kramdown_unescaped(text)
        elif script_typeset and item.delim != "fence":
            text = kramdown_unescaped(text, PYTHON_MARKDOWN_ESCAPABLE)  # Python-Markdown reads all math as text
        read.append((item, text, written))
    blocks = []
    spans = [(it.start, it.end, it.delim, it.display) for it, _t, _w in read]
    for group in prose_equals.runs(spans, visible):  # $a$ = $b$: one chain, one block
        item = read[group[0]][0]
        chain = [spans[k] for k in group]
        text = prose_equals.joined_text([read[k][1] for k in group], chain, visible)
        written = prose_equals.joined_text([read[k][2] for k in group], chain, visible)
        line, col = lines.position(item.start)
        blocks.append(
            MathBlock(path, text, line, col, item.delim, item.env, item.display, item.directive,
                      written if written != text else "", item.start in passed)
        )
    return Scan(kind, tuple(blocks), visible, flavor, headings, code_math)


#: Math that kramdown reads as paragraph text before MathJax sees it (``$$`` is kramdown's own math,
#: passed on verbatim): ``\\( … \\)``, ``\\[ … \\]`` and a single ``$``.
KRAMDOWN_TEXT_MATH = frozenset({"\\\\(", "\\\\[", "$"})
#: The characters a backslash escapes in kramdown text (the real kramdown 2.4 drops the backslash before
#: these and keeps it before ``% & , / ; ? @ ^ ~`` and letters).
_KRAMDOWN_ESCAPABLE = frozenset("\\!\"#$'()*+-.:<=>[]_`{|}")


#: The characters a backslash escapes in Python-Markdown 3 text (its ``ESCAPED_CHARS``, with ``|`` that the
#: tables extension MkDocs always loads adds).
PYTHON_MARKDOWN_ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!|")


def kramdown_unescaped(text: str, escapable: frozenset[str] = _KRAMDOWN_ESCAPABLE) -> str:
    """``text`` as kramdown hands it to MathJax: ``c\\_1`` is ``c_1``, ``x^\\*`` is ``x^*``, ``\\\\,`` is
    ``\\,``, ``\\{1\\}`` is the group ``{1}``. Each dropped backslash becomes a space, so that every
    offset (and so every line and column reported) stays where it was. ``escapable``: the characters the
    Markdown engine unescapes (:data:`PYTHON_MARKDOWN_ESCAPABLE` for Python-Markdown)."""
    if "\\" not in text:
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] == "\\" and "\\" in escapable:
            # a run of backslashes: each pair is one backslash, an odd one escapes what follows. The spaces go
            # first, so that what remains is one command again (\\\\ is \\, \\\{ is \{)
            start = i
            while i < len(text) and text[i] == "\\":
                i += 1
            run = i - start
            kept = "\\" * (run // 2)
            if run % 2 and i < len(text) and text[i] in escapable:
                kept, i = kept + text[i], i + 1
            elif run % 2:
                kept += "\\"
            out.append(" " * (i - start - len(kept)) + kept)
        elif text[i] == "\\" and i + 1 < len(text):
            out.append(" " + text[i + 1] if text[i + 1] in escapable else text[i:i + 2])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _escaped_parens(text: str) -> str:
    """Math between ``\\\\( … \\\\)`` is Markdown text first: ``f\\(x\\)`` reaches MathJax as ``f(x)``
    (kramdown and CommonMark drop the backslash of an escaped parenthesis). A space stands in for the
    backslash, so that positions in the block stay those of the source."""
    return re.sub(r"(?<!\\)\\([()])", r" \1", text) if "\\(" in text or "\\)" in text else text


# --------------------------------------------------------------------------------------------
# shared machinery


@dataclass(frozen=True)
class _Found:
    """A block before it gets a line/col: ``[start, end)`` is ``text`` in the source."""

    start: int
    end: int
    delim: str
    env: str | None
    display: bool
    directive: str | None


def _apply_masks(source: str, masks: list[tuple[int, int]]) -> str:
    """Blank every masked range to spaces, keeping newlines so positions do not move."""
    if not masks:
        return source
    pieces = []
    pos = 0
    for start, end in sorted(masks):
        start = max(start, pos)
        if end <= start:
            continue
        pieces.append(source[pos:start])
        pieces.append(_NOT_NEWLINE.sub(" ", source[start:end]))
        pos = end
    pieces.append(source[pos:])
    return "".join(pieces)


_NOT_NEWLINE = re.compile(r"[^\n]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Inside math: escapes (so that \] \$ \{ \\ are one token), braces, dollars, a blank line.
_MATH_TOKEN = re.compile(r"\\\\\\?[)\]]|\\.|[{}$]|\n[ \t]*\n", re.S)
#: A run of backslashes before ``(``/``[`` is read as a whole, as Markdown does: kramdown (and CommonMark) keep
#: n//2 backslashes of a run of n and an odd last one escapes the bracket, so ``\\\\(`` and ``\\\\\\(`` both
#: give the ``\\(`` MathJax looks for (checked with kramdown 2.4), and four or more give ``\\\\(``: text.
_MD_TOKEN = re.compile(r"\\begin\{([A-Za-z]+\*?)\}|\\[A-Za-z]+|\\{4,}[(\[]|\\\\\\?[(\[]|\\.|\$\$|\$|`+|<!--", re.S)
_TEX_TOKEN = re.compile(r"\\begin\{([A-Za-z]+\*?)\}|\\[A-Za-z]+|\\.|\$\$|\$", re.S)
_COMMENT_IN_MATH = re.compile(r"\\.|%[^\n]*", re.S)
_DOLLAR_LABEL = re.compile(r"[ \t]*\([^()\n]*\)")


@functools.lru_cache(maxsize=64)
def _env_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"\\(begin|end)\{" + re.escape(name) + r"\}")


def _find_env_end(s: str, pos: int, end: int, name: str) -> int | None:
    """Offset just past the ``\\end{name}`` matching a ``\\begin{name}`` that ends at ``pos``."""
    depth = 1
    for m in _env_pattern(name).finditer(s, pos, end):
        depth += 1 if m.group(1) == "begin" else -1
        if depth == 0:
            return m.end()
    return None


def _find_closer(
    s: str, pos: int, end: int, closer: str, *, markdown: bool, braces: bool = True, arithmatex: str = ""
) -> tuple[int, int] | None:
    """``(content_end, after_closer)`` for math opened just before ``pos``, or None.

    A closer counts only at brace depth 0, so a ``$`` inside ``\\text{… $x$ …}`` stays part of
    the block. If braces are unbalanced (depth never returns to 0) the caller retries without
    them. Inline math (``$``, ``\\(``) never crosses a blank line, as in TeX and Pandoc.
    """
    depth = 0
    inline = closer in ("$", "\\)")
    for m in _MATH_TOKEN.finditer(s, pos, end):
        tok = m.group()
        first = tok[0]
        if first == "\\":
            if tok == closer and depth == 0:
                return m.start(), m.end()
            if len(tok) == 4 and depth == 0 and closer in (tok[1:], tok[2:]):
                # \\\): the closer \\) after Markdown (a run of three), or \\ then \) in TeX
                return m.start() + 4 - len(closer) - (len(closer) == 3), m.end()
        elif first == "{":
            if braces:
                depth += 1
        elif first == "}":
            if depth:
                depth -= 1
        elif first == "$":
            j = m.start()
            if arithmatex and closer == "$" and j > pos:
                # pymdownx.arithmatex: the next $ closes (braces or not), with smart_dollar only after a non-space
                return (j, j + 1) if arithmatex == "plain" or not s[j - 1].isspace() else None
            if depth:
                continue
            if closer == "$$":
                if s.startswith("$$", j) and j + 1 < end:
                    return j, j + 2
            elif closer == "$" and j > pos:
                if not markdown:
                    return j, j + 1
                if not s[j - 1].isspace() and not (j + 1 < end and s[j + 1].isdigit()):
                    return j, j + 1
        elif inline:  # a blank line
            return None
    return None


def _close(s: str, pos: int, end: int, closer: str, *, markdown: bool,
           arithmatex: str = "") -> tuple[int, int] | None:
    found = _find_closer(s, pos, end, closer, markdown=markdown, arithmatex=arithmatex)
    if found is None:
        found = _find_closer(s, pos, end, closer, markdown=markdown, braces=False, arithmatex=arithmatex)
    return found


_PAIR = {"[": "]", "(": ")"}
#: Opening delimiters of math written between a pair (the block's text starts right after them).
OPENERS = frozenset({"$", "$$", "$`", "\\[", "\\(", "\\\\[", "\\\\("})


def _bracket_is_math(s: str, opener: int, start: int, stop: int) -> bool:
    """In Markdown ``\\[1\\]`` is a legitimate escaped bracket; ``\\[`` at a line start, or
    content that looks like TeX, is math the author meant (and lint will flag). Nobody needs to
    escape ``(`` in Markdown, so ``\\(`` is always meant as math."""
    if s.startswith(("\\(", "\\\\("), opener):
        return True
    line_start = s.rfind("\n", 0, opener) + 1
    if not s[line_start:opener].strip():
        return True
    content = s[start:stop]
    return any(c in content for c in "\\^_={}")


#: A line that is only ``$$``: a display's delimiter (markdown-it's dollar plugins, as VitePress and MkDocs
#: Material use them, end the paragraph there; an inline ``$`` never pairs across it).
_DISPLAY_LINE = re.compile(r"(?:^|\n)[ \t]*\$\$[ \t]*(?:\n|$)")


class _Scanner:
    """Finds math in one run of text (a Markdown region between fences, or a LaTeX body).

    ``dollars=False`` leaves dollars alone (MyST's own parser has read them); ``backslash_pairs``
    reads ``\\\\( … \\\\)`` and ``\\\\[ … \\\\]``, which is how kramdown pages write math (Markdown
    turns ``\\\\(`` into the ``\\(`` that MathJax looks for).
    """

    def __init__(self, s: str, markdown: bool, *, dollars: bool = True, backslash_pairs: bool = True,
                 arithmatex: bool = False, smart_dollar: bool = True, inline_dollars: bool = True,
                 browser_dollars: bool = False, escaped_display: bool = False) -> None:
        self.s = s
        #: kramdown's ``\$$…$$``: at the start of a paragraph or list item kramdown itself makes inline math of it
        #: (``\(…\)``), elsewhere it writes ``$$…$$`` as text that the page's script typesets (checked against the
        #: real kramdown 2.4); math either way, where the escape reads like a dollar sign
        self.escaped_display = escaped_display
        self.markdown = markdown
        #: A single ``$`` that the Markdown engine leaves as text (kramdown) and MathJax pairs in the browser:
        #: MathJax's rule, the next ``$`` at brace depth 0 closes, spaces inside or not (``$ x = 1 $`` is math)
        self.browser_dollars = browser_dollars
        #: pymdownx.arithmatex's dollars: the next ``$`` closes or nothing does, and ``$x$2`` is math
        #: (Pandoc: a digit after keeps it open, and a closer is looked for further on); with its
        #: ``smart_dollar: false`` a space may follow the opening ``$`` and precede the closing one
        self.arithmatex = arithmatex
        self.smart_dollar = smart_dollar or not arithmatex
        self.dollars = dollars
        self.inline_dollars = inline_dollars  #: False: a single ``$`` is text (arithmatex without inline dollars)
        self.backslash_pairs = backslash_pairs and markdown
        # [from, to): a $ at `from` found no closer before the paragraph ends at `to`, so no later $ in
        # that stretch can (the search without brace tracking is positional, and stops at a blank line)
        self._barren = (0, 0)
        self.found: list[_Found] = []
        self.masks: list[tuple[int, int]] = []  # code spans and HTML comments (Markdown)

    def run(self, start: int, end: int, directive: str | None) -> None:
        s = self.s
        token = _MD_TOKEN if self.markdown else _TEX_TOKEN
        pos = start
        while True:
            m = token.search(s, pos, end)
            if m is None:
                return
            pos = m.end()
            if m.group(1) is not None:
                pos = self._environment(m, end, directive)
                continue
            tok = m.group()
            if self.markdown and tok.startswith("\\\\\\\\"):
                continue  # four or more backslashes: Markdown keeps an escaped backslash before the bracket, text
            if tok in ("\\[", "\\(") or (tok in ("\\\\[", "\\\\(", "\\\\\\[", "\\\\\\(") and self.backslash_pairs):
                pos = self._bracket(m, end, directive)
            elif tok[0] == "$" and not self.dollars:
                continue
            elif tok == "\\$" and self.escaped_display and s.startswith("$", m.end()) \
                    and not s.startswith("$$", m.end()):
                found = _close(s, m.end() + 1, end, "$$", markdown=self.markdown)
                if found is not None:
                    self._add(m.end() + 1, found[0], "$$", None, False, directive)
                    pos = found[1]
            elif tok == "$$":
                pos = self._display_dollar(m, end, directive)
            elif tok == "$":
                if self.inline_dollars:
                    pos = self._inline_dollar(m, end, directive)
            elif tok[0] == "`":
                pos = self._code_span(m, end)
            elif tok == "<!--":
                stop = s.find("-->", pos, end)
                if stop >= 0:
                    self.masks.append((m.start(), stop + 3))
                    pos = stop + 3

    def _add(self, start: int, end: int, delim: str, env: str | None, display: bool, directive: str | None) -> None:
        self.found.append(_Found(start, end, delim, env, display, directive))

    def _environment(self, m: re.Match[str], end: int, directive: str | None) -> int:
        name = m.group(1)
        if env_base(name) not in MATH_ENVS:
            return m.end()  # e.g. itemize: keep scanning inside it
        after = _find_env_end(self.s, m.end(), end, name)
        if after is None:
            return m.end()
        self._add(m.start(), after, "env", name, env_base(name) != "math", directive)
        return after

    def _bracket(self, m: re.Match[str], end: int, directive: str | None) -> int:
        tok, opener = m.group(), m.start()
        if len(tok) == 4:  # \\\(: the same \( after Markdown as \\(, and the same closer
            tok, opener = tok[1:], opener + 1
        found = _close(self.s, m.end(), end, tok[:-1] + _PAIR[tok[-1]], markdown=self.markdown)
        if found is None:
            return m.end()
        stop = found[0]
        if self.markdown and not _bracket_is_math(self.s, opener, m.end(), stop):
            return m.end()
        self._add(m.end(), stop, tok, None, tok.endswith("["), directive)
        return found[1]

    def _display_dollar(self, m: re.Match[str], end: int, directive: str | None) -> int:
        found = _close(self.s, m.end(), end, "$$", markdown=self.markdown)
        if found is None:
            return m.end()
        self._add(m.end(), found[0], "$$", None, True, directive)
        after = found[1]
        if self.markdown:  # MyST dollarmath: $$ ... $$ (label)
            label = _DOLLAR_LABEL.match(self.s, after, end)
            if label:
                self.masks.append((after, label.end()))
                after = label.end()
        return after

    def _inline_dollar(self, m: re.Match[str], end: int, directive: str | None) -> int:
        s = self.s
        if m.end() >= end or (self.markdown and self.smart_dollar and not self.browser_dollars
                              and s[m.end()].isspace()):
            return m.end()  # "costs $ 5": a space after $ does not open math in Markdown
        if self.markdown and s[m.end()] == "`":
            # GitHub's $`…`$: math between backticks, which no Markdown processing touches
            ticks = len(s[m.end():end]) - len(s[m.end():end].lstrip("`"))
            close = s.find("`" * ticks + "$", m.end() + ticks, end)
            if close > m.end() + ticks and "\n\n" not in s[m.end():close]:
                self._add(m.end() + ticks, close, "$`", None, False, directive)
                return close + ticks + 1
        if self._barren[0] <= m.end() < self._barren[1]:
            return m.end()  # an earlier $ of this paragraph found no closer: none after it can (no rescans)
        rule = ("smart" if self.smart_dollar else "plain") if self.arithmatex else ""
        found = _close(s, m.end(), end, "$", markdown=self.markdown and not self.browser_dollars, arithmatex=rule)
        if found is not None and self.arithmatex and self._code_span_inside(m.end(), found[0], end):
            return m.end()  # Python-Markdown reads code spans before arithmatex: $a `b` c$ is no math
        if found is not None and self.markdown and not self.browser_dollars \
                and _DISPLAY_LINE.search(s, m.end(), found[1]):
            return m.end()  # "… $ \theta$：⏎$$⏎…": a line of its own `$$` opens a display, which no inline span crosses
        if found is None:
            if not self.arithmatex:  # there, a later $ may still open (the search stopped at the next $)
                blank = _BLANK_LINE.search(s, m.end(), end)
                self._barren = (m.end(), blank.start() if blank else end)
            return m.end()
        self._add(m.end(), found[0], "$", None, False, directive)
        return found[1]

    def _code_span_inside(self, start: int, stop: int, end: int) -> bool:
        """Does a code span start in ``s[start:stop]`` (closing anywhere in its paragraph)?"""
        tick = self.s.find("`", start, stop)
        while tick >= 0:
            run = len(self.s[tick:stop]) - len(self.s[tick:stop].lstrip("`"))
            c = _code_span_closer(run).search(self.s, tick + run, end)
            if c is not None and c.group()[0] == "`":
                return True
            tick = self.s.find("`", tick + run, stop)
        return False

    def _code_span(self, m: re.Match[str], end: int) -> int:
        """CommonMark code span: the next run of exactly as many backticks, within a paragraph.

        Preceded by ``{math}`` it is MyST's inline math role, not code.
        """
        c = _code_span_closer(len(m.group())).search(self.s, m.end(), end)
        if c is None or c.group()[0] != "`":
            return m.end()
        if self.s.endswith("{math}", 0, m.start()):
            if self.dollars:  # (where MyST's own parser read the text, it has read its roles too)
                self._add(m.end(), c.start(), "directive", None, False, "math")
        else:
            self.masks.append((m.start(), c.end()))
        return c.end()


@functools.lru_cache(maxsize=16)
def _code_span_closer(ticks: int) -> re.Pattern[str]:
    return re.compile(r"(?<!`)`{%d}(?!`)|\n[ \t]*\n" % ticks)


def _blank_math_comments(s: str, found: list[_Found]) -> list[tuple[int, int]]:
    """TeX ``%`` comments inside math (MathJax and KaTeX honor them too): ranges to blank."""
    masks = []
    for item in found:
        if "%" not in s[item.start : item.end]:
            continue
        for m in _COMMENT_IN_MATH.finditer(s, item.start, item.end):
            if m.group()[0] == "%":
                masks.append((m.start(), m.end()))
    return masks


# --------------------------------------------------------------------------------------------
# LaTeX

_TEX_SKIP = re.compile(
    r"\\begin\{(?P<verb>verbatim\*?|Verbatim\*?|BVerbatim|lstlisting|minted|comment|filecontents\*?)\}"
    r"|\\(?:verb\*?|lstinline(?:\[[^\]\n]*\])?)(?P<vd>[^A-Za-z\s*\[])"
    r"|\\[\s\S]"
    r"|%"
)
_BEGIN_DOCUMENT = re.compile(r"\\begin\{document\}")
#: Commands whose arguments are TeX stored for later, never typeset where they stand, with how many
#: brace groups follow the name (after optional ``[n]``/``[default]``): a ``\newcommand`` body holding
#: ``\left[\begin{array}`` is not an array outside math mode.
_STORED_BODIES = {**dict.fromkeys(_NEWCOMMAND | _DEF | _OPERATOR, 1), **dict.fromkeys(_DOCUMENT_COMMAND | _PAIRED, 2),
                  "newenvironment": 2, "renewenvironment": 2}
_DEFINITION = re.compile(r"\\(" + "|".join(sorted(_STORED_BODIES, key=len, reverse=True)) + r")(?![A-Za-z@])\*?")
_END_DOCUMENT = re.compile(r"\\end\{document\}")


#: ``\def\bea{\begin{eqnarray}}``, ``\newcommand{\ee}{\end{equation}}``: a macro that only opens or closes an
#: environment (physics and lecture-note preambles write displays as ``\bea … \eea``).
_SHORTHAND = re.compile(r"\\(?:def\s*\\(?P<a>[A-Za-z]+)|(?:re)?newcommand\*?\s*\{?\s*\\(?P<b>[A-Za-z]+)\s*\}?)"
                        r"\s*\{\s*\\(?P<side>begin|end)\s*\{(?P<env>[A-Za-z]+\*?)\}\s*\}")


def _environment_shorthands(s: str) -> dict[str, tuple[str, str]]:
    """Macro name → (``begin`` or ``end``, environment) for every shorthand of a math environment defined in ``s``."""
    found = {}
    for m in _SHORTHAND.finditer(s):
        if env_base(m.group("env")) in MATH_ENVS:
            found[m.group("a") or m.group("b")] = (m.group("side"), m.group("env"))
    return found


def _shorthand_blocks(s: str, shorthands: dict[str, tuple[str, str]], found: list[_Found]) -> list[_Found]:
    r"""The displays written with shorthands (``\bea … \eea``): from an opener to the next closer of the same
    environment, read as that environment; none inside math already found."""
    if not shorthands:
        return []
    names = "|".join(sorted(map(re.escape, shorthands), key=len, reverse=True))
    blocks: list[_Found] = []
    opened: tuple[int, str] | None = None
    for m in re.finditer(r"\\(" + names + r")(?![A-Za-z])", s):
        side, env = shorthands[m.group(1)]
        if any(f.start <= m.start() < f.end for f in found):
            continue
        if side == "begin":
            opened = (m.start(), env)
        elif opened is not None and opened[1] == env:
            # the whole \bea … \eea, as an environment: the document's macros expand it to \begin{eqnarray} … before
            # it is read, so rows, alignment and render rules are the environment's own
            blocks.append(_Found(opened[0], m.end(), "env", env, env_base(env) != "math", None))
            opened = None
    return blocks


class _LatexReader:
    """Mask what TeX never typesets as math (comments, verbatim, preamble), then scan the body."""

    def __init__(self, source: str) -> None:
        self.s = source

    def read(self) -> tuple[list[_Found], str]:
        masked = _apply_masks(self.s, self._code_and_comments())
        masks = []
        begin = _BEGIN_DOCUMENT.search(masked)
        if begin:
            masks.append((0, begin.end()))
            end = _END_DOCUMENT.search(masked, begin.end())
            if end:
                masks.append((end.start(), len(masked)))
        shorthands = _environment_shorthands(masked)
        masked = _apply_masks(masked, masks + _definition_spans(masked))
        scanner = _Scanner(masked, markdown=False)
        scanner.run(0, len(masked), None)
        return scanner.found + _shorthand_blocks(masked, shorthands, scanner.found), masked

    def _code_and_comments(self) -> list[tuple[int, int]]:
        """One left-to-right pass, because ``%`` inside verbatim is text and ``\\%`` is a percent."""
        s = self.s
        masks: list[tuple[int, int]] = []
        pos = 0
        while True:
            m = _TEX_SKIP.search(s, pos)
            if m is None:
                return masks
            if m.group("verb"):
                closing = "\\end{" + m.group("verb") + "}"
                stop = s.find(closing, m.end())
                stop = len(s) if stop < 0 else stop + len(closing)
            elif m.group("vd"):
                delim = m.group("vd")
                eol = s.find("\n", m.end())
                stop = s.find("}" if delim == "{" else delim, m.end(), len(s) if eol < 0 else eol)
                if stop < 0:  # \verb never spans lines
                    pos = m.end()
                    continue
                stop += 1
            elif m.group() == "%":
                stop = s.find("\n", m.start())
                stop = len(s) if stop < 0 else stop
            else:
                pos = m.end()
                continue
            masks.append((m.start(), stop))
            pos = stop


def _group_end(s: str, pos: int, opener: str = "{", closer: str = "}") -> int | None:
    """The offset just past the group opened at ``s[pos]``, braces counted; None if it never closes."""
    depth = 0
    i = pos
    while i < len(s):
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == opener:
            depth += 1
        elif c == closer:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def _definition_spans(s: str) -> list[tuple[int, int]]:
    """Where macro and environment definitions store TeX: their whole text, name to last body.

    A definition whose groups do not close is left alone, so a slip in it still reaches the lint.
    """
    spans = []
    for m in _DEFINITION.finditer(s):
        pos = m.end()
        bodies = _STORED_BODIES[m.group(1)]
        while pos < len(s) and s[pos].isspace():
            pos += 1
        if pos < len(s) and s[pos] == "{":
            end = _group_end(s, pos)
        else:
            name = re.match(r"\\(?:[A-Za-z@]+|.)", s[pos:])
            end = pos + name.end() if name else None
        while end is not None:
            while end < len(s) and s[end].isspace():
                end += 1
            if end < len(s) and s[end] == "[":
                end = _group_end(s, end, "[", "]")
                continue
            if m.group(1).endswith("def"):  # parameter text up to the body: #1#2, delimiters
                brace = s.find("{", end)
                end = brace if brace >= 0 else None
            break
        for _ in range(bodies):
            if end is None:
                break
            while end < len(s) and s[end].isspace():
                end += 1
            end = _group_end(s, end) if end < len(s) and s[end] == "{" else None
        if end is not None:
            spans.append((m.start(), end))
    return spans
