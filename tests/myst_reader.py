"""Read Markdown the way MyST does, with the parser MyST itself is built on.

This is the test oracle for ``tests/test_myst_structure.py``: it must not share code with
``derive.check`` (the code under test), so it only uses markdown-it-py and mdit-py-plugins, configured
as myst-parser's ``create_md_parser`` configures them (``myst_parser/parsers/mdit.py``): the
``commonmark`` preset, front matter, MyST blocks (``%`` comments, targets), MyST roles, footnotes,
``dollarmath`` with myst-parser's defaults (labels, spaces and digits allowed, no ``$$`` inside a
paragraph) and ``amsmath``.

MyST parses the body of a directive (````` ```{dropdown} Title `````) as Markdown of its own, after
the ``:key: value`` option lines; markdown-it only returns it as a ``fence`` token. :func:`read`
re-parses those bodies, keeping file line numbers, as MyST does.

The one deviation from MyST's parser: the ``text_join`` core rule is disabled, so a backslash escape
stays a separate ``text_special`` token whose ``markup`` is what the author wrote (``\\[``). The
prose is joined again here (:attr:`Prose.text`), so nothing is lost, but :attr:`Prose.escapes` still
says that ``[`` came from ``\\[``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.amsmath import amsmath_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

#: Token types that MyST hands to MathJax/KaTeX (plus ``{math}`` directives and roles, see below).
MATH_TOKEN_TYPES = frozenset({"math_inline", "math_inline_double", "math_block", "math_block_label", "amsmath"})
#: Directives whose body is not Markdown (code or foreign markup); never re-parsed.
LITERAL_DIRECTIVES = frozenset(
    {"code", "code-block", "code-cell", "sourcecode", "literalinclude", "raw", "eval-rst", "mermaid", "graphviz"}
)
_DIRECTIVE = re.compile(r"^\{([^{}\s]+)\}\s*(.*)$")
_OPTION = re.compile(r"^\s*:[\w.-]+:(?:\s.*)?$")


@functools.lru_cache(maxsize=1)
def myst_markdown() -> MarkdownIt:
    """The markdown-it parser MyST builds with ``myst_enable_extensions = ["dollarmath", "amsmath"]``."""
    return (
        MarkdownIt("commonmark")
        .enable("table")
        .use(front_matter_plugin)
        .use(myst_block_plugin)
        .use(myst_role_plugin)
        .use(footnote_plugin)
        .disable("footnote_inline")
        .disable("footnote_tail")
        .use(dollarmath_plugin, allow_labels=True, allow_space=True, allow_digits=True, double_inline=False)
        .use(amsmath_plugin)
        .disable("text_join")
    )


@dataclass(frozen=True)
class Math:
    """One piece of math MyST sends to the typesetter. Lines are 1-based file lines, inclusive."""

    type: str  # a token type from MATH_TOKEN_TYPES, "myst_role:math" or "directive:math"
    first_line: int
    last_line: int
    content: str
    directive: str | None  # the enclosing directive ("dropdown"), None at the top level
    directive_line: int | None = None  # line of that directive's opening fence

    @property
    def inline(self) -> bool:
        return self.type in ("math_inline", "myst_role:math")

    def where(self) -> str:
        inside = f" inside {{{self.directive}}}" if self.directive else ""
        span = f"{self.first_line}" if self.first_line == self.last_line else f"{self.first_line}-{self.last_line}"
        return f"{self.type} at line {span}{inside}: {self.content.strip()[:60]!r}"


@dataclass(frozen=True)
class Prose:
    """A run of text on one line, as the reader sees it (escapes already applied)."""

    line: int
    text: str
    escapes: tuple[str, ...]  # markup of every backslash escape in the run, e.g. ("\\[",)
    directive: str | None
    directive_line: int | None = None

    def where(self) -> str:
        inside = f" inside {{{self.directive}}}" if self.directive else ""
        return f"prose at line {self.line}{inside}: {self.text[:80]!r}"


@dataclass(frozen=True)
class Other:
    """A block that is neither math nor prose: code, HTML, a directive fence."""

    type: str
    first_line: int
    info: str
    directive: str | None


@dataclass
class Reading:
    """Everything MyST makes of one document, directive bodies included."""

    math: list[Math] = field(default_factory=list)
    prose: list[Prose] = field(default_factory=list)
    other: list[Other] = field(default_factory=list)
    directives: list[tuple[str, int]] = field(default_factory=list)  # (name, line of the opening fence)

    def math_on(self, first: int, last: int | None = None) -> list[Math]:
        """Math tokens that share at least one line with ``first..last``."""
        last = first if last is None else last
        return [m for m in self.math if m.first_line <= last and first <= m.last_line]

    def prose_on(self, line: int) -> list[Prose]:
        return [p for p in self.prose if p.line == line]


def read(source: str) -> Reading:
    """Parse ``source`` like MyST, re-parsing directive bodies as Markdown."""
    reading = Reading()
    _read_into(reading, source, 0, (None, None))
    return reading


#: The directive a token sits in: (name, line of its opening fence), or (None, None) at the top level.
Container = tuple[str | None, int | None]


def _read_into(reading: Reading, source: str, offset: int, inside: Container) -> None:
    """``offset``: 0-based file line of ``source``'s first line."""
    md = myst_markdown()
    for token in md.parse(source):
        if token.type in MATH_TOKEN_TYPES and token.map:
            first, last = _block_lines(token)
            reading.math.append(Math(token.type, offset + first + 1, offset + last + 1, token.content, *inside))
        elif token.type == "inline":
            _read_inline(reading, token, offset, inside)
        elif token.type == "fence":
            _read_fence(reading, token, offset, inside)
        elif token.type in ("code_block", "html_block"):
            reading.other.append(Other(token.type, offset + token.map[0] + 1, "", inside[0]))


def _block_lines(token: Token) -> tuple[int, int]:
    """0-based first and last line of a block token (``amsmath`` stores the last line, not one past it)."""
    start, end = token.map
    if token.type == "amsmath":
        return start, end
    return start, max(start, end - 1)


def _read_fence(reading: Reading, token: Token, offset: int, inside: Container) -> None:
    line = offset + token.map[0] + 1
    m = _DIRECTIVE.match(token.info.strip())
    name = m.group(1) if m else None
    reading.other.append(Other("fence", line, token.info, inside[0]))
    if name is None or name in LITERAL_DIRECTIVES:
        return
    reading.directives.append((name, line))
    argument = m.group(2)
    body = token.content.split("\n")
    skip = _options(body)
    text = "\n".join(body[skip:])
    if name == "math":
        if argument.strip():
            reading.math.append(Math("directive:math", line, line, argument, *inside))
        if text.strip():
            last = line + len(body) - 1
            reading.math.append(Math("directive:math", line + 1 + skip, last, text, *inside))
        return
    if argument:  # a title such as "Solution for $x$" is inline Markdown in MyST
        for inline in myst_markdown().parseInline(argument):
            _read_inline(reading, inline, offset + token.map[0], (name, line), title=True)
    _read_into(reading, text, offset + token.map[0] + 1 + skip, (name, line))


def _options(body: list[str]) -> int:
    """How many lines at the top of a directive body are options (``:open:`` or a ``---`` YAML block)."""
    if body and body[0].strip() == "---":
        for k in range(1, len(body)):
            if body[k].strip() == "---":
                return k + 1
    k = 0
    while k < len(body) and _OPTION.match(body[k]):
        k += 1
    return k


def _read_inline(reading: Reading, inline: Token, offset: int, inside: Container, title: bool = False) -> None:
    """Children of one ``inline`` token, each assigned to its file line.

    Inline children carry no positions; the line is the paragraph's first line plus the line breaks
    before the child (soft/hard breaks, and newlines inside inline math).
    """
    line = offset + (0 if title else inline.map[0]) + 1
    text: list[str] = []
    escapes: list[str] = []

    def flush() -> None:
        if text:
            reading.prose.append(Prose(line, "".join(text), tuple(escapes), *inside))
        text.clear()
        escapes.clear()

    for child in inline.children or []:
        if child.type == "text":
            text.append(child.content)
        elif child.type == "text_special":
            text.append(child.content)
            if child.info == "escape" or child.markup.startswith("\\"):
                escapes.append(child.markup)
        elif child.type in ("softbreak", "hardbreak"):
            flush()
            line += 1
        elif child.type in MATH_TOKEN_TYPES:
            flush()
            n = child.content.count("\n")
            reading.math.append(Math(child.type, line, line + n, child.content, *inside))
            line += n
        elif child.type == "myst_role" and child.meta.get("name") == "math":
            flush()
            reading.math.append(Math("myst_role:math", line, line, child.content, *inside))
        else:
            flush()  # emphasis markers, code spans, links: they end a run of text
    flush()


def dollars_outside_math(reading: Reading) -> list[Prose]:
    """Prose runs that still contain a ``$``: dollar math the parser did not take as math."""
    return [p for p in reading.prose if "$" in p.text]


_MACRO = re.compile(r"\\[A-Za-z]+")
#: Escapes that mean a TeX delimiter or line break reached the prose.
TEX_ESCAPES = frozenset({"\\[", "\\]", "\\(", "\\)", "\\\\", "\\{", "\\}"})


def tex_in_prose(reading: Reading) -> list[tuple[Prose, str]]:
    """``(run, what)`` for every TeX macro or TeX escape a reader would see as text."""
    found = []
    for p in reading.prose:
        for m in _MACRO.finditer(p.text):
            found.append((p, m.group()))
        for e in p.escapes:
            if e in TEX_ESCAPES:
                found.append((p, e))
    return found
