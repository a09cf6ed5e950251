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

MARKDOWN_SUFFIXES = (".md", ".markdown", ".myst")
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
        if self.delim in ("$", "$$", "\\[", "\\("):
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


def kind_of(path: str | os.PathLike[str]) -> str:
    """``"markdown"`` or ``"latex"`` from the suffix; anything else is not notes."""
    name = os.fspath(path).lower()
    if name.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if name.endswith(LATEX_SUFFIXES):
        return "latex"
    suffix = os.path.splitext(name)[1] or "(none)"
    raise NotesError(
        f"unsupported file type {suffix}: expected Markdown (.md, .markdown, .myst) or LaTeX (.tex, .ltx)",
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
def scan(path: str, source: str) -> Scan:
    """Blocks plus the masked view; cached because extract and lint both need it for one file."""
    kind = kind_of(path)
    reader = _MarkdownReader(source) if kind == "markdown" else _LatexReader(source)
    found, visible = reader.read()
    lines = LineMap(source)
    blocks = []
    for item in sorted(found, key=lambda f: f.start):
        text = visible[item.start : item.end]
        if not text.strip():
            continue
        line, col = lines.position(item.start)
        blocks.append(
            MathBlock(path, text, line, col, item.delim, item.env, item.display, item.directive)
        )
    return Scan(kind, tuple(blocks), visible)


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
# Inside math: escapes (so that \] \$ \{ \\ are one token), braces, dollars, a blank line.
_MATH_TOKEN = re.compile(r"\\.|[{}$]|\n[ \t]*\n", re.S)
_MD_TOKEN = re.compile(r"\\begin\{([A-Za-z]+\*?)\}|\\[A-Za-z]+|\\.|\$\$|\$|`+|<!--", re.S)
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
    s: str, pos: int, end: int, closer: str, *, markdown: bool, braces: bool = True
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
        elif first == "{":
            if braces:
                depth += 1
        elif first == "}":
            if depth:
                depth -= 1
        elif first == "$":
            if depth:
                continue
            j = m.start()
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


def _close(s: str, pos: int, end: int, closer: str, *, markdown: bool) -> tuple[int, int] | None:
    found = _find_closer(s, pos, end, closer, markdown=markdown)
    if found is None:
        found = _find_closer(s, pos, end, closer, markdown=markdown, braces=False)
    return found


def _bracket_is_math(s: str, opener: int, start: int, stop: int) -> bool:
    """In Markdown ``\\[1\\]`` is a legitimate escaped bracket; ``\\[`` at a line start, or
    content that looks like TeX, is math the author meant (and lint will flag). Nobody needs to
    escape ``(`` in Markdown, so ``\\(`` is always meant as math."""
    if s.startswith("\\(", opener):
        return True
    line_start = s.rfind("\n", 0, opener) + 1
    if not s[line_start:opener].strip():
        return True
    content = s[start:stop]
    return any(c in content for c in "\\^_={}")


class _Scanner:
    """Finds math in one run of text (a Markdown region between fences, or a LaTeX body)."""

    def __init__(self, s: str, markdown: bool) -> None:
        self.s = s
        self.markdown = markdown
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
            if tok in ("\\[", "\\("):
                pos = self._bracket(m, end, directive)
            elif tok == "$$":
                pos = self._display_dollar(m, end, directive)
            elif tok == "$":
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
        tok = m.group()
        found = _close(self.s, m.end(), end, "\\]" if tok == "\\[" else "\\)", markdown=self.markdown)
        if found is None:
            return m.end()
        if self.markdown and not _bracket_is_math(self.s, m.start(), m.end(), found[0]):
            return m.end()
        self._add(m.end(), found[0], tok, None, tok == "\\[", directive)
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
        if m.end() >= end or (self.markdown and s[m.end()].isspace()):
            return m.end()  # "costs $ 5": a space after $ does not open math in Markdown
        found = _close(s, m.end(), end, "$", markdown=self.markdown)
        if found is None:
            return m.end()
        self._add(m.end(), found[0], "$", None, False, directive)
        return found[1]

    def _code_span(self, m: re.Match[str], end: int) -> int:
        """CommonMark code span: the next run of exactly as many backticks, within a paragraph.

        Preceded by ``{math}`` it is MyST's inline math role, not code.
        """
        c = _code_span_closer(len(m.group())).search(self.s, m.end(), end)
        if c is None or c.group()[0] != "`":
            return m.end()
        if self.s.endswith("{math}", 0, m.start()):
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
# Markdown / MyST

_FENCE_OPEN = re.compile(r"[ \t]*(`{3,}|~{3,}|:{3,})[ \t]*([^\n]*?)[ \t]*$")
_FENCE_CLOSE = re.compile(r"[ \t]*(`{3,}|~{3,}|:{3,})[ \t]*$")
_DIRECTIVE = re.compile(r"\{([^{}\s]+)\}[ \t]*")
_OPTION_LINE = re.compile(r"[ \t]*:[A-Za-z0-9_.-]+:(?:[ \t][^\n]*)?$")
_YAML_RULE = re.compile(r"[ \t]*---[ \t]*$")
_MYST_COMMENT = re.compile(r"[ \t]{0,3}%")
_FRONT_MATTER_END = re.compile(r"(?:---|\.\.\.)[ \t]*$")


class _MarkdownReader:
    """Line structure first (front matter, fences, directives, MyST ``%`` comments), then math in
    the text regions between fences. Directive bodies are recursed into with their line offsets."""

    def __init__(self, source: str) -> None:
        self.s = source
        self.lines = LineMap(source)
        self.masks: list[tuple[int, int]] = []
        self.regions: list[tuple[int, int, str | None]] = []
        self.found: list[_Found] = []

    def read(self) -> tuple[list[_Found], str]:
        first = self._front_matter()
        self._lines(first, self.lines.count, None)
        masked = _apply_masks(self.s, self.masks)
        scanner = _Scanner(masked, markdown=True)
        for start, end, directive in self.regions:
            scanner.run(start, end, directive)
        found = self.found + scanner.found
        masks = scanner.masks + _blank_math_comments(masked, found)
        return found, _apply_masks(masked, masks)

    def _start(self, k: int) -> int:
        return self.lines.start(k)

    def _end(self, k: int) -> int:
        return self.lines.end(k, len(self.s))

    def _mask_lines(self, first: int, stop: int) -> None:
        if first < stop:
            self.masks.append((self._start(first), self._end(stop - 1)))

    def _front_matter(self) -> int:
        """YAML front matter (``---`` … ``---`` on line 1) is configuration, not prose."""
        if not _YAML_RULE.match(self.s, 0, self._end(0)) or self.s[:1] != "-":
            return 0
        for k in range(1, self.lines.count):
            if _FRONT_MATTER_END.match(self.s, self._start(k), self._end(k)):
                self._mask_lines(0, k + 1)
                return k + 1
        return 0

    def _lines(self, first: int, stop: int, directive: str | None) -> None:
        """Lines ``[first, stop)`` are Markdown text: split them into regions at fences."""
        s = self.s
        region = None
        k = first
        while k < stop:
            ls, le = self._start(k), self._end(k)
            m = _FENCE_OPEN.match(s, ls, le)
            if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
                if region is not None:
                    self.regions.append((self._start(region), ls, directive))
                    region = None
                k = self._fence(k, stop, m, directive)
                continue
            if _MYST_COMMENT.match(s, ls, le):
                self.masks.append((ls, le))
            if region is None:
                region = k
            k += 1
        if region is not None:
            self.regions.append((self._start(region), self._end(stop - 1), directive))

    def _fence_close(self, k: int, stop: int, fence: str) -> int:
        for c in range(k + 1, stop):
            m = _FENCE_CLOSE.match(self.s, self._start(c), self._end(c))
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                return c
        return stop  # unclosed: runs to the end of its container, as in CommonMark

    def _fence(self, k: int, stop: int, m: re.Match[str], directive: str | None) -> int:
        """Handle the fence opened on line ``k``; return the first line after it."""
        fence, info = m.group(1), m.group(2)
        close = self._fence_close(k, stop, fence)
        after = min(close + 1, stop)
        if close < stop:
            self._mask_lines(close, close + 1)
        d = _DIRECTIVE.match(info)
        name = d.group(1) if d else None
        if fence[0] == ":" and name is None:
            # A colon fence without {name}: a plain container, its body is still text.
            self._mask_lines(k, k + 1)
            self._lines(k + 1, close, directive)
            return after
        if name is None or name in CODE_DIRECTIVES:
            self._mask_lines(k, close)
            return after
        arg_start = m.start(2) + d.end()
        self.masks.append((self._start(k), arg_start))
        body = self._skip_options(k + 1, close)
        if name == "math":
            self._math_directive(arg_start, m.end(2), body, close)
        else:
            if arg_start < m.end(2):  # a title such as {dropdown} Lemma for $x$
                self.regions.append((arg_start, m.end(2), name))
            self._lines(body, close, name)
        return after

    def _skip_options(self, first: int, stop: int) -> int:
        """Mask ``:key: value`` lines or a ``---`` YAML block at the top of a directive body."""
        s = self.s
        k = first
        if k < stop and _YAML_RULE.match(s, self._start(k), self._end(k)):
            for c in range(k + 1, stop):
                if _YAML_RULE.match(s, self._start(c), self._end(c)):
                    self._mask_lines(k, c + 1)
                    return c + 1
        while k < stop and _OPTION_LINE.match(s, self._start(k), self._end(k)):
            k += 1
        self._mask_lines(first, k)
        return k

    def _math_directive(self, arg_start: int, arg_end: int, body: int, close: int) -> None:
        if arg_start < arg_end:
            self.found.append(_Found(arg_start, arg_end, "directive", None, True, "math"))
        if body < close:
            self.found.append(
                _Found(self._start(body), self._end(close - 1), "directive", None, True, "math")
            )


# --------------------------------------------------------------------------------------------
# LaTeX

_TEX_SKIP = re.compile(
    r"\\begin\{(?P<verb>verbatim\*?|Verbatim\*?|BVerbatim|lstlisting|minted|comment|filecontents\*?)\}"
    r"|\\(?:verb\*?|lstinline(?:\[[^\]\n]*\])?)(?P<vd>[^A-Za-z\s*\[])"
    r"|\\[\s\S]"
    r"|%"
)
_BEGIN_DOCUMENT = re.compile(r"\\begin\{document\}")
_END_DOCUMENT = re.compile(r"\\end\{document\}")


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
        masked = _apply_masks(masked, masks)
        scanner = _Scanner(masked, markdown=False)
        scanner.run(0, len(masked), None)
        return scanner.found, masked

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
