"""Where the math is in Markdown notes, read the way each flavour's own engine reads it.

MyST (Jupyter Book 1 and 2) is read with the parser MyST itself is built on: markdown-it-py with the
mdit-py-plugins that myst-parser enables, with myst-parser's options (``dollarmath`` with labels,
spaces and digits allowed; ``amsmath``; colon fences; front matter; ``%`` comments; roles;
footnotes). So what is math agrees with MyST by construction: ``$ 5 and $`` is math there, an
indented ``$$`` is code. markdown-it keeps no column positions for inline tokens, so each inline
rule is wrapped to record where in its paragraph it matched, and each paragraph line is located in
the file; a directive's body (``{dropdown}``) is parsed again as Markdown with its own line map.

The other Markdown flavours (GitHub, CommonMark, kramdown, Pandoc, Quarto, R Markdown, notebook cells)
take their block structure from markdown-it's CommonMark parser (code blocks, fences, HTML blocks,
front matter, block quotes) and their math from the hand-written scanner of
:mod:`derive.check.extract`, with that flavour's rules for dollars. In every flavour, constructs the
author clearly meant as math but that the engine will not typeset (``\\[…\\]`` in MyST, a bare
``cases``) are read as math too: the algebra is checked, and the render lint says what will go wrong.
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .script_math import ScriptMath
from .extract import (
    CODE_DIRECTIVES, MATH_ENVS, LineMap, _apply_masks, _blank_math_comments, _Found, _Scanner, env_base,
)

_DIRECTIVE = re.compile(r"\{([^{}\s]+)\}[ \t]*")
_OPTION = re.compile(r"^[ \t]*:[\w.-]+:(?:[ \t].*)?$")
_QUOTE_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)+")
_BEGIN = re.compile(r"\\begin\{([A-Za-z]+\*?)\}")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class MarkdownReading:
    """What reading found: math (source offsets), the masked view, and where sections start."""

    found: list[_Found]
    visible: str
    headings: list[int]  # offsets of heading lines
    #: spans of raw HTML blocks kramdown passes through untouched (its ``parse_block_html`` is off by default):
    #: the math in them reaches MathJax as written, ``\\(…\\)`` included
    raw_html: list[tuple[int, int]] = field(default_factory=list)
    #: where math written in code spans starts (`` `$x = 1$` ``) that the page shows as code (no site script
    #: typesets it): not read, and said so
    code_math: tuple[int, ...] = ()


def _spanning(rule: Callable[..., bool]) -> Callable[..., bool]:
    """Wrap an inline rule so the tokens it pushes remember the span of the paragraph they came from."""
    def wrapped(state: Any, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        matched = rule(state, silent)
        if matched and not silent:
            for token in state.tokens[count:]:
                if "span" not in token.meta:
                    token.meta = dict(token.meta or {}, span=(start, state.pos))
        return matched
    return wrapped


def _with_spans(md: MarkdownIt) -> MarkdownIt:
    for rule in md.inline.ruler.__rules__:  # no public API replaces a rule's function in place
        rule.fn = _spanning(rule.fn)
    md.inline.ruler.__cache__ = None
    return md


#: What ``read_markdown``'s ``site`` is for a page of a Jupyter Book 2 project (``myst.yml``).
MYSTMD = "mystmd"


@functools.lru_cache(maxsize=2)
def myst_parser(mystmd: bool = False) -> MarkdownIt:
    """markdown-it as myst-parser configures it (``myst_parser/parsers/mdit.py``), math extensions on.

    ``mystmd``: as Jupyter Book 2 (mystmd) reads dollars instead, which differs in two ways, both seen on
    pages built with mystmd 1.11: a ``$$`` block ends at a blank line (with no closing ``$$`` before it,
    the ``$$`` is text and the lines after it are paragraphs), and ``$$…$$`` inside a paragraph is a
    display (myst-parser shows ``$`` + inline math + ``$``)."""
    from mdit_py_plugins.amsmath import amsmath_plugin
    from mdit_py_plugins.colon_fence import colon_fence_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin
    from mdit_py_plugins.myst_blocks import myst_block_plugin
    from mdit_py_plugins.myst_role import myst_role_plugin

    md = (MarkdownIt("commonmark", {"typographer": False, "linkify": False})
          .enable("table")
          .use(front_matter_plugin).use(myst_block_plugin).use(myst_role_plugin)
          .use(footnote_plugin).disable("footnote_inline").disable("footnote_tail")
          .use(dollarmath_plugin, allow_labels=True, allow_space=True, allow_digits=True, double_inline=mystmd,
               allow_blank_lines=not mystmd)
          .use(amsmath_plugin).use(colon_fence_plugin))
    return _with_spans(md)


@functools.lru_cache(maxsize=1)
def structure_parser() -> MarkdownIt:
    """CommonMark's block structure (for the flavours whose math the scanner finds)."""
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark", {"typographer": False}).enable("table").use(front_matter_plugin)


def read_markdown(source: str, flavor: str, site: Any = None) -> MarkdownReading:
    """Math, masked view and headings of one Markdown document in ``flavor``.

    ``site`` is what the site's config says about math (:func:`site_options`): the arithmatex options
    of an MkDocs site, the math plugin of a docsify site.
    """
    if flavor == "myst":
        return _MystReader(source, mystmd=site == MYSTMD).read()
    if flavor == "docsify":
        return _read_docsify_latex(source) if site == "docsify-latex" else _read_docsify(source)
    return _read_by_structure(source, flavor, site)


def site_options(path: str, flavor: str) -> Any:
    """For an MkDocs page, its ``mkdocs.yml``'s :class:`~derive.check.renderers.Arithmatex` options, or without
    arithmatex the :class:`~derive.check.script_math.ScriptMath` that typesets it in the browser; for a
    docsify page, the math plugin its ``index.html`` loads; for a Quarto page, the filters its ``_quarto.yml``
    runs (:class:`QuartoSite`); for a MyST page of a Jupyter Book 2 project, :data:`MYSTMD`; None otherwise (or
    without such a config)."""
    from .flavors import find_config

    if flavor in ("kramdown", "gfm", "commonmark"):  # a Jekyll site whose templates load math-code.js
        from .math_code import site_script

        config = find_config(path)
        return site_script(os.path.dirname(config.path)) if config is not None and config.kind == "jekyll" else None
    if flavor not in ("mkdocs", "docsify", "quarto", "myst"):
        return None

    if flavor == "myst":
        from .renderers import is_mystmd

        config = find_config(path)
        return MYSTMD if config is not None and config.kind == "jupyter-book-2" and is_mystmd(config.data) else None

    config = find_config(path)
    if flavor == "quarto":
        filters = config.data.get("filters") if config is not None and config.kind == "quarto" else None
        names = [f if isinstance(f, str) else (f.get("path") if isinstance(f, dict) else None) for f in filters] \
            if isinstance(filters, list) else []
        return QuartoSite(frozenset(str(n).rsplit("/", 1)[-1].removesuffix(".lua") for n in names if n))
    if config is None or config.kind != flavor:
        return None
    if flavor == "docsify":
        return config.data.get("math_plugin")
    from .renderers import arithmatex, mdx_math
    from .script_math import script_math

    if (extension := mdx_math(config.data)) is not None:
        return extension  # python-markdown-math: its delimiters, read as arithmatex reads plain dollars
    options = arithmatex(config.data)
    if options is None:
        return script_math(config.data)
    from dataclasses import replace

    from .renderers import renderer_for

    math = script_math(config.data)
    if math is not None and getattr(renderer_for("mkdocs", config.data), "leftover_dollars_typeset", False):
        options = replace(options, leftovers=math.inline | math.display)
    return options


# --------------------------------------------------------------------------------------------- MyST


class _MystReader:
    """Walks markdown-it's tokens (directive bodies included), mapping every piece to file offsets."""

    def __init__(self, source: str, mystmd: bool = False) -> None:
        self.s = source
        self.mystmd = mystmd
        self.lines = LineMap(source)
        self.found: list[_Found] = []
        self.masks: list[tuple[int, int]] = []
        self.headings: list[int] = []
        self.math_spans: list[tuple[int, int]] = []
        self.directives: list[tuple[int, int, str]] = []  # directive bodies: (start, end, name)
        self.html: list[tuple[int, int]] = []  # HTML blocks: markdown-it leaves their math to the page's typesetter

    def read(self) -> MarkdownReading:
        bases = [self.lines.start(i) for i in range(self.lines.count)]
        self._read(self.s, bases, None, 0)
        masked = _apply_masks(self.s, self.masks)
        if self.mystmd:
            self._split_displays(masked)
        # What the author meant as math but MyST leaves as text (\[…\], \(…\), a bare cases): read it
        # too, from the prose with MyST's own math blanked, so the algebra is checked and lint can say why.
        scanner = _Scanner(_apply_masks(masked, self.math_spans + self.html), markdown=True, dollars=False)
        scanner.run(0, len(masked), None)
        # HTML blocks: MyST passes them through untouched; the math written in them is read, dollars too
        in_html = _Scanner(masked, markdown=True)
        for start, end in self.html:
            in_html.run(start, end, None)
        found = self.found + [_inside(f, self.directives) for f in scanner.found + in_html.found]
        visible = _apply_masks(masked, scanner.masks + in_html.masks + _blank_math_comments(masked, found))
        return MarkdownReading(sorted(found, key=lambda f: f.start), visible, sorted(self.headings))

    def _split_displays(self, masked: str) -> None:
        """A ``$$`` display the author split with a blank line: mystmd shows it all as text, but it is meant
        as math, so it is read as one (and the lint says why it will not render). Two ``$$`` left as text
        pair up only when the first opens its line and is followed by text before a blank line (a ``$$`` right
        before a blank line closes something), the second ends its line, and nothing but prose lies between (a lone ``$$`` before an environment that mystmd typesets on its own stays text)."""
        spans = [(f.start - len(f.delim), f.end + len(f.delim)) if f.delim in ("$", "$$") else (f.start, f.end)
                 for f in self.found]
        prose = _apply_masks(masked, spans + self.html)
        strays = [m.start() for m in re.finditer(r"\$\$", prose)]
        k = 0
        while k + 1 < len(strays):
            a, b = strays[k], strays[k + 1]
            line_start, line_end = prose.rfind("\n", 0, a) + 1, prose.find("\n", b)
            between = prose[a + 2 : b]
            if (prose[line_start:a].strip() or prose[b + 2 : None if line_end < 0 else line_end].strip()
                    or not _BLANK_LINE.search(between) or _BLANK_LINE.match(between.lstrip(" \t"))
                    or masked[a:b] != self.s[a:b]
                    or any(a < x < b for x, _ in spans) or any(a < h < b for h in self.headings)):
                k += 1
                continue
            self._add(a + 2, b, "$$", None, True, None)
            k += 2

    # -- helpers ----------------------------------------------------------------------------------
    def _add(self, start: int, end: int, delim: str, env: str | None, display: bool, directive: str | None) -> None:
        if end < start:
            return
        self.found.append(_Found(start, end, delim, env, display, directive))
        self.math_spans.append((start, end))

    def _mask_text_lines(self, bases: list[int], text_lines: list[str], first: int, stop: int) -> None:
        for k in range(first, min(stop, len(text_lines))):
            self.masks.append((bases[k], bases[k] + len(text_lines[k])))

    def _read(self, text: str, bases: list[int], directive: str | None, depth: int) -> None:
        """``text`` line k starts at file offset ``bases[k]`` and is a suffix of its file line."""
        if depth > 20:
            return  # directives nested this deep are not notes
        text_lines = text.split("\n")
        quotes = 0
        cursor: dict[int, int] = {}  # per text line: where the next inline content may start (table cells)
        for tok in myst_parser(self.mystmd).parse(text):
            kind = tok.type
            if kind == "blockquote_open":
                quotes += 1
            elif kind == "blockquote_close":
                quotes -= 1
            elif tok.map is None:
                continue
            elif kind == "html_block":
                masks, span = _html_masks(text_lines, bases, tok.map[0], tok.map[1])
                self.masks += masks
                self.html.append(span)
            elif kind in ("front_matter", "code_block", "myst_line_comment"):
                self._mask_text_lines(bases, text_lines, tok.map[0], tok.map[1])
            elif kind in ("fence", "colon_fence"):
                self._fence(tok, text_lines, bases, directive, depth)
            elif kind in ("math_block", "math_block_label"):
                self._dollar_block(tok, text_lines, bases, directive, quotes)
            elif kind == "amsmath":
                self._ams_block(tok, text_lines, bases, directive, quotes)
            elif kind == "heading_open":
                self.headings.append(bases[tok.map[0]])
            elif kind == "inline":
                self._inline(tok, text_lines, bases, directive, cursor)

    def _dollar_block(self, tok: Token, text_lines: list[str], bases: list[int], directive: str | None,
                      quotes: int) -> None:
        first, last = tok.map[0], max(tok.map[0], tok.map[1] - 1)
        opener = text_lines[first].find("$$")
        closer = text_lines[last].rfind("$$")
        if opener < 0 or closer < 0 or (first == last and closer <= opener):
            return
        start, end = bases[first] + opener + 2, bases[last] + closer
        self._add(start, end, "$$", None, True, directive)
        if quotes:
            self._mask_quotes(bases, text_lines, first + 1, last + 1)
        if tok.type == "math_block_label":  # $$ … $$ (label): the label is not prose
            self.masks.append((end + 2, bases[last] + len(text_lines[last])))

    def _ams_block(self, tok: Token, text_lines: list[str], bases: list[int], directive: str | None,
                   quotes: int) -> None:
        first, last = tok.map[0], tok.map[1]
        m = _BEGIN.search(text_lines[first])
        if m is None or last >= len(text_lines):
            return
        end_tag = "\\end{" + m.group(1) + "}"
        stop = text_lines[last].rfind(end_tag)
        if stop < 0:
            return
        self._add(bases[first] + m.start(), bases[last] + stop + len(end_tag), "env", m.group(1),
                  env_base(m.group(1)) != "math", directive)
        if quotes:
            self._mask_quotes(bases, text_lines, first + 1, last + 1)

    def _mask_quotes(self, bases: list[int], text_lines: list[str], first: int, stop: int) -> None:
        for k in range(first, min(stop, len(text_lines))):
            m = _QUOTE_PREFIX.match(text_lines[k])
            if m and m.end():
                self.masks.append((bases[k], bases[k] + m.end()))
                self.math_spans.append((bases[k], bases[k] + m.end()))

    def _fence(self, tok: Token, text_lines: list[str], bases: list[int], directive: str | None, depth: int) -> None:
        first, stop = tok.map
        info = tok.info.strip()
        d = _DIRECTIVE.match(info)
        name = d.group(1) if d else None
        if name is None and tok.type == "colon_fence":
            name = ""  # ::: without a name: a plain container whose body is Markdown
        if name is None or name in CODE_DIRECTIVES:
            self._mask_text_lines(bases, text_lines, first, stop)
            return
        opening = text_lines[first]
        body = tok.content.split("\n")
        if body and body[-1] == "":
            body.pop()
        closed = stop - first - 1 > len(body)
        if closed:
            self._mask_text_lines(bases, text_lines, stop - 1, stop)
        argument = info[d.end():] if d else ""
        arg_col = opening.rfind(argument) if argument else len(opening)
        self.masks.append((bases[first], bases[first] + (arg_col if argument else len(opening))))
        # Body lines are the fence's lines with the fence's indentation removed.
        body_bases = []
        for k, line in enumerate(body):
            file_line = text_lines[first + 1 + k] if first + 1 + k < len(text_lines) else line
            body_bases.append(bases[first + 1 + k] + max(len(file_line) - len(line), 0))
        skip = _options(body)
        self._mask_text_lines(body_bases, body, 0, skip)
        if name == "math":
            if argument.strip():
                self._add(bases[first] + arg_col, bases[first] + arg_col + len(argument), "directive", None, True,
                          "math")
            if skip < len(body) and "\n".join(body[skip:]).strip():
                self._add(body_bases[skip], body_bases[-1] + len(body[-1]), "directive", None, True, "math")
            return
        if argument:  # a title such as "Solution for $x$" is inline Markdown
            for inline in myst_parser(self.mystmd).parseInline(argument):
                self._inline_content(inline, [argument], [bases[first] + arg_col], name or directive, {})
        if skip < len(body):
            self.directives.append((body_bases[skip], body_bases[-1] + len(body[-1]), name or directive or ""))
        self._read("\n".join(body[skip:]), body_bases[skip:] or [bases[first]], name or directive, depth + 1)

    def _inline(self, tok: Token, text_lines: list[str], bases: list[int], directive: str | None,
                cursor: dict[int, int]) -> None:
        """Locate each line of a paragraph in the file, then each math child inside the lines."""
        content_lines = tok.content.split("\n")
        line_bases = []
        for j, line in enumerate(content_lines):
            k = tok.map[0] + j
            if k >= len(text_lines):
                return
            col = text_lines[k].find(line, cursor.get(k, 0)) if line else cursor.get(k, 0)
            if col < 0:
                col = text_lines[k].find(line)
            if col < 0:
                return  # not where markdown-it says: leave this paragraph to the prose scan
            cursor[k] = col + len(line)
            line_bases.append(bases[k] + col)
        self._inline_content(tok, content_lines, line_bases, directive, cursor)

    def _inline_content(self, tok: Token, content_lines: list[str], line_bases: list[int],
                        directive: str | None, cursor: dict[int, int]) -> None:
        starts = [0]
        for line in content_lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)

        def offset(i: int) -> int:
            j = _bisect(starts, i)
            return line_bases[j] + i - starts[j]

        for child in tok.children or []:
            span = (child.meta or {}).get("span")
            if span is None:
                continue
            a, b = span
            if child.type in ("math_inline", "math_inline_double"):
                width = len(child.markup) or 1
                start, end = offset(a + width), offset(b - width)
                double = width == 1 and a > 0 and b < len(tok.content) and tok.content[a - 1] == "$" \
                    and tok.content[b] == "$"  # $$x$$ in a paragraph: MyST shows $ + inline math + $
                self._add(start, end, "$$" if double or width == 2 else "$", None, double or width == 2, directive)
            elif child.type == "myst_role":
                raw = tok.content[a:b]
                tick = raw.find("`")
                ticks = len(raw) - len(raw.rstrip("`"))
                if child.meta.get("name") == "math" and tick >= 0 and ticks:
                    self._add(offset(a + tick + ticks), offset(b - ticks), "directive", None, False, "math")
                else:
                    self._mask_span(offset, a, b)
            elif child.type == "code_inline" or (child.type == "html_inline" and child.content.startswith("<!--")):
                self._mask_span(offset, a, b)

    def _mask_span(self, offset: Callable[[int], int], a: int, b: int) -> None:
        self.masks.append((offset(a), offset(b - 1) + 1 if b > a else offset(a)))


def _inside(found: _Found, directives: list[tuple[int, int, str]]) -> _Found:
    """The innermost directive whose body holds ``found`` (bodies nest, so the last match is innermost)."""
    name = None
    for start, end, directive in directives:
        if start <= found.start < end and directive:
            name = directive
    if name is None:
        return found
    return _Found(found.start, found.end, found.delim, found.env, found.display, name)


def _bisect(starts: list[int], i: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= i:
            lo = mid
        else:
            hi = mid - 1
    return lo


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


# ---------------------------------------------------------------------------------- HTML blocks

#: In an HTML block: a comment, an element whose content is never typeset (script, style, pre, code,
#: textarea), or one tag. What is left between tags is text a page's MathJax/KaTeX may typeset, and what
#: the author wrote as math there (``<div align="center">$$…$$</div>``) is read like any other math.
@functools.cache
def _html_opaque() -> re.Pattern[str]:
    return re.compile(r"<!--.*?(?:-->|\Z)|<(script|style|pre|code|textarea|svg|math)\b.*?(?:</\1\s*>|\Z)"
                      r"|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>", re.S | re.I)


def _html_masks(text_lines: list[str], bases: list[int], first: int, stop: int) -> tuple[list[tuple[int, int]],
                                                                                         tuple[int, int]]:
    """Masks for the tags, comments and opaque elements of an HTML block (lines ``first``–``stop``), and
    the block's span in the file."""
    stop = min(stop, len(text_lines))
    lines = text_lines[first:stop]
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def at(i: int) -> int:
        j = _bisect(starts, i)
        return bases[first + j] + min(i - starts[j], len(lines[j]))

    masks = []
    for m in _html_opaque().finditer("\n".join(lines)):
        a, b = m.start(), m.end()
        j, k = _bisect(starts, a), _bisect(starts, max(b - 1, a))
        for line in range(j, k + 1):  # per line: the blocks of a container body are not contiguous in the file
            lo = at(max(a, starts[line]))
            hi = at(min(b, starts[line] + len(lines[line])))
            if hi > lo:
                masks.append((lo, hi))
    if not lines:
        return masks, (0, 0)
    return masks, (bases[first], bases[stop - 1] + len(lines[-1]))


# ------------------------------------------------------------------------------- other flavours

#: How each flavour's engine reads dollars: "pandoc" — ``$`` opens only before a non-space and closes
#: only after one, not before a digit (Pandoc, Quarto, R Markdown, GitHub); "kramdown" — ``$$`` is the
#: delimiter inline and displayed, and MathJax in the page pairs ``$`` by its own rule, spaces inside or not;
#: a notebook's cells are read the same way (JupyterLab takes the math out before Markdown, nbconvert passes
#: it through, and MathJax pairs it: ``$x = 1 $`` is math there).
_MATH_FENCES = {"gfm": ("math",), "commonmark": ("math",), "pandoc": (), "quarto": (), "rmarkdown": (),
                "kramdown": (), "jupyter": ("math",), "mkdocs": (), "docsify": ()}


#: bookdown's theorem and proof engines (```` ```{theorem, label, name="…"} ````): knitr hands their body
#: to Pandoc as Markdown inside a div, so its math is typeset — it is not code.
_BOOKDOWN_ENVIRONMENTS = frozenset({"theorem", "lemma", "corollary", "proposition", "conjecture", "definition",
                                   "example", "exercise", "hypothesis", "proof", "remark", "solution"})
_ENGINE = re.compile(r"\{\s*([A-Za-z]+)")


def _markdown_body(info: str, flavor: str) -> bool:
    """Is this fence's body Markdown text (a bookdown theorem), not code?"""
    m = _ENGINE.match(info)
    return flavor == "rmarkdown" and m is not None and m.group(1).lower() in _BOOKDOWN_ENVIRONMENTS


#: MkDocs containers whose body is indented Markdown (admonition, pymdownx.details, pymdownx.tabbed):
#: CommonMark would read a body after a blank line as an indented code block.
_MKDOCS_CONTAINER = re.compile(r"^([ \t]*)(?:!!!|\?\?\?\+?|===)[ \t]")


def _in_containers(text_lines: list[str]) -> list[bool]:
    """Per line: inside the indented body of an MkDocs container (``!!! note``, ``??? tip``, ``=== "Tab"``)."""
    stack: list[int] = []
    out = []
    for line in text_lines:
        if line.strip():
            indent = len(line) - len(line.lstrip())
            while stack and indent <= stack[-1]:
                stack.pop()
        out.append(bool(stack))
        m = _MKDOCS_CONTAINER.match(line)
        if m:
            stack.append(len(m.group(1).expandtabs(4)))
    return out


#: A link reference definition (``[label]: destination "title"``), the line CommonMark consumes and never shows;
#: ``[//]: # (…)`` is the usual way to write a comment in a README. A footnote (``[^1]: …``) is shown, so it is kept.
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S")
_KRAMDOWN_FENCE = re.compile(r"^ {0,3}(([~`])\2{2,})[ \t]*(?:\S+)?[ \t]*$")


#: MathJax 2's own form of math in a page: ``<script type="math/tex">`` (inline) or ``…; mode=display"`` (a display).
#: kramdown writes its math so, and Jekyll notes write these elements by hand to keep Markdown off the TeX.
_SCRIPT_MATH = re.compile(r"<script\s+type\s*=\s*[\"']math/tex(?P<display>\s*;\s*mode\s*=\s*display)?[\"']\s*>"
                          r"(?P<body>.*?)</script\s*>", re.S | re.I)


def _script_math(text_lines: list[str], bases: list[int], first: int, stop: int) -> list[_Found]:
    """The math of the ``<script type="math/tex">`` elements in the HTML block on lines ``first``–``stop``: the
    page's MathJax (or a KaTeX script reading these elements) typesets their text; for the checker they were
    opaque HTML, and a page written this way had no math at all."""
    stop = min(stop, len(text_lines))
    starts = [0]
    for line in text_lines[first:stop - 1]:
        starts.append(starts[-1] + len(line) + 1)
    block = "\n".join(text_lines[first:stop])
    out = []
    for m in _SCRIPT_MATH.finditer(block):
        a, b = m.span("body")
        j, k = _bisect(starts, a), _bisect(starts, max(b - 1, a))
        if any(bases[first + n] - bases[first] != starts[n] for n in range(j, k + 1)):
            continue  # a block inside a container, whose lines are not contiguous in the file: not read
        out.append(_Found(bases[first] + a, bases[first] + b, "script", None, m.group("display") is not None, None))
    return out


def _kramdown_fence(text_lines: list[str], first: int, stop: int) -> bool:
    """Is the fence CommonMark found at lines ``first``…``stop`` one to kramdown too? kramdown takes at most one
    word after the opening run (a language) and needs a closing run of the same character, at least as long."""
    opening = _KRAMDOWN_FENCE.match(text_lines[first])
    if opening is None:
        return False
    run = opening.group(1)
    return any(line.strip().startswith(run) and not line.strip().strip(run[0])
               for line in text_lines[first + 1:stop])


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>")
_VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "wbr", "source"})


def _kramdown_element(text_lines: list[str], bases: list[int], first: int, stop: int,
                      span: tuple[int, int]) -> tuple[int, int]:
    """The span kramdown passes through for the HTML block on lines ``first``–``stop``: CommonMark ends the block
    at a blank line, kramdown reads each element to its closing tag, blank lines and nested elements included.
    So the span runs on past ``stop`` until every element opened in it is closed; ``span`` (CommonMark's block)
    when one never closes within 400 lines."""
    open_tags: list[str] = []
    for k in range(first, min(len(text_lines), first + 400)):
        for tag in _TAG.finditer(text_lines[k]):
            closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
            if name in _VOID_TAGS or self_closing:
                continue
            if not closing:
                open_tags.append(name)
            elif name in open_tags:
                del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name):]
        if k >= stop - 1 and not open_tags:
            return span[0], max(span[1], bases[k] + len(text_lines[k]))
    return span


def _structure(source: str, flavor: str, raw: list[tuple[int, int]] | None = None,
               typeset_fences: frozenset[str] = frozenset()
               ) -> tuple[list[tuple[int, int]], list[_Found], list[int]]:
    """Code, HTML, front matter and quote markers to mask; ```` ```math ```` fences; heading offsets. The spans
    of HTML blocks go to ``raw`` when it is given. A fence whose info is in ``typeset_fences`` (Quarto's
    ```` ```pseudocode ```` under its filter) keeps its body: the filter typesets the ``$…$`` in it."""
    lines = LineMap(source)
    text_lines = source.split("\n")
    masks: list[tuple[int, int]] = []
    found: list[_Found] = []
    headings: list[int] = []
    _walk(text_lines, [lines.start(k) for k in range(len(text_lines))], flavor, masks, found, headings, 0, raw,
          typeset_fences)
    return masks, found, headings


def _walk(text_lines: list[str], bases: list[int], flavor: str, masks: list[tuple[int, int]], found: list[_Found],
          headings: list[int], depth: int, raw: list[tuple[int, int]] | None = None,
          typeset_fences: frozenset[str] = frozenset()) -> None:
    """Line k of ``text_lines`` starts at file offset ``bases[k]`` (a suffix of its file line)."""
    def mask_lines(first: int, stop: int) -> None:
        for k in range(first, min(stop, len(text_lines))):
            masks.append((bases[k], bases[k] + len(text_lines[k])))

    inside = _in_containers(text_lines) if flavor == "mkdocs" and depth < 10 else []
    tokens = structure_parser().parse("\n".join(text_lines))
    covered = [False] * len(text_lines)
    for tok in tokens:
        if tok.map is not None and tok.level == 0:
            for k in range(tok.map[0], min(tok.map[1], len(text_lines))):
                covered[k] = True
    for k, line in enumerate(text_lines):
        if not covered[k] and _REFERENCE_DEFINITION.match(line):
            mask_lines(k, k + 1)  # [//]: # (a comment), [id]: url "title": never shown, so never math
    for tok in tokens:
        if tok.map is None:
            continue
        first, stop = tok.map
        if tok.type == "code_block" and inside and all(inside[k] for k in range(first, min(stop, len(text_lines)))
                                                       if text_lines[k].strip()):
            # the body of an MkDocs container: Markdown, read again without its indentation
            body = text_lines[first:stop]
            cut = min((len(x) - len(x.lstrip()) for x in body if x.strip()), default=0)
            _walk([x[cut:] if x.strip() else "" for x in body],
                  [bases[first + k] + (cut if x.strip() else 0) for k, x in enumerate(body)],
                  flavor, masks, found, headings, depth + 1, raw, typeset_fences)
        elif tok.type == "fence" and flavor == "kramdown" and not _kramdown_fence(text_lines, first, stop):
            # not a fence to kramdown (`~~~~ = \frac…` spacing a formula, or never closed): its first line is
            # text, and what follows is read as the page's Markdown again
            _walk(text_lines[first + 1:stop], bases[first + 1:stop], flavor, masks, found, headings, depth + 1, raw,
                  typeset_fences)
        elif tok.type == "html_block":
            tags, span = _html_masks(text_lines, bases, first, stop)
            masks += tags
            if raw is not None:
                raw.append(_kramdown_element(text_lines, bases, first, stop, span))
            if flavor == "kramdown":
                found += _script_math(text_lines, bases, first, stop)
        elif tok.type in ("front_matter", "code_block"):
            mask_lines(first, stop)
        elif tok.type == "fence" and _markdown_body(tok.info.strip(), flavor):
            mask_lines(first, first + 1)  # only the fence lines: the body is read as the page's text
            if stop - first >= 2 and text_lines[stop - 1].strip().startswith(("```", "~~~")):
                mask_lines(stop - 1, stop)
        elif tok.type == "fence" and tok.info.strip().lower().strip("{}") in typeset_fences:
            # the fence lines and the #| options are the filter's; the algorithm's $…$ are typeset
            mask_lines(first, first + 1)
            k = first + 1
            while k < stop and text_lines[k].lstrip().startswith("#|"):
                mask_lines(k, k + 1)
                k += 1
            if stop - first >= 2 and text_lines[stop - 1].strip().startswith(("```", "~~~")):
                mask_lines(stop - 1, stop)
        elif tok.type == "fence":
            mask_lines(first, stop)
            info = tok.info.strip().lower()
            if info in _MATH_FENCES.get(flavor, ()) and stop - first >= 2:
                body_first, body_last = first + 1, stop - 2 if stop - first > 2 else first + 1
                end = bases[body_last] + len(text_lines[body_last])
                if text_lines[stop - 1].strip().startswith(("```", "~~~")) and stop - 1 > first:
                    body_last = stop - 2
                    end = bases[body_last] + len(text_lines[body_last])
                found.append(_Found(bases[body_first], end, "fence", None, True, "math"))
        elif tok.type == "blockquote_open":
            for k in range(first, min(stop, len(text_lines))):
                m = _QUOTE_PREFIX.match(text_lines[k])
                if m and m.end():
                    masks.append((bases[k], bases[k] + m.end()))
        elif tok.type == "heading_open":
            headings.append(bases[first])


#: A Quarto document's own front matter listing the pseudocode filter (``filters: [pseudocode]`` or a list item).
_FRONT_MATTER_PSEUDOCODE = re.compile(r"\A---\n(?:(?!^---$).)*?^filters:(?:[^\n]*\bpseudocode\b|(?:\n[ \t]+-[^\n]*)*?"
                                      r"\n[ \t]+-\s*pseudocode\b)", re.S | re.M)


@dataclass(frozen=True)
class QuartoSite:
    """What a Quarto project's ``_quarto.yml`` says that changes where math is: the Lua filters it runs."""

    filters: frozenset[str] = frozenset()


def _read_by_structure(source: str, flavor: str, site: Any = None) -> MarkdownReading:
    raw: list[tuple[int, int]] = []
    fences = frozenset({"pseudocode"}) if flavor == "quarto" and (
        "pseudocode" in getattr(site, "filters", ()) or _FRONT_MATTER_PSEUDOCODE.search(source[:4000])) else frozenset()
    masks, found, headings = _structure(source, flavor, raw if flavor == "kramdown" else None, fences)
    masked = _apply_masks(source, masks)
    if flavor == "kramdown" and "math/tex" in masked:
        # <script type="math/tex">x_1 = y_1</script> inside a paragraph: kramdown passes the element on as written
        scripts = [_Found(m.start("body"), m.end("body"), "script", None, m.group("display") is not None, None)
                   for m in _SCRIPT_MATH.finditer(masked)]
        found += scripts
        masked = _apply_masks(masked, [(m.start(), m.end()) for m in _SCRIPT_MATH.finditer(masked)])
    from .math_code import MathCode, code_span_math

    in_code, code_spans = code_span_math(masked)
    if isinstance(site, MathCode):  # `$$…$$` in backticks, typeset by the site's math-code.js: math, not code
        found += in_code
        masked = _apply_masks(masked, code_spans)
        in_code = []
    # an MkDocs site's arithmatex options: smart dollars or not; $ left out of its inline_syntax is text
    smart = getattr(site, "smart_dollar", True)
    inline = "dollar" in getattr(site, "inline", ("dollar",))
    # an MkDocs site typeset by a browser script: Python-Markdown passes the dollars on, the script pairs them
    script = isinstance(site, ScriptMath)
    if script:
        inline = "$" in site.inline
    scanner = _Scanner(masked, markdown=True, backslash_pairs=flavor in ("kramdown", "gfm", "commonmark", "jupyter",
                                                                          "pandoc", "quarto", "rmarkdown", "mkdocs"),
                       arithmatex=flavor == "mkdocs" and not script, smart_dollar=smart, inline_dollars=inline,
                       browser_dollars=flavor in ("kramdown", "jupyter") or script, escaped_display=flavor == "kramdown")
    scanner.run(0, len(masked), None)
    found += scanner.found
    if "$" in getattr(site, "leftovers", ()):
        found += _leftover_dollars(masked, scanner.found)
    # A ```math fence is already masked, and so is a math script; its found block reads the unmasked source.
    visible = _apply_masks(masked, scanner.masks + _blank_math_comments(masked, found))
    if any(f.delim in ("fence", "script", "code") for f in found):  # (<script type="math/tex">: masked as HTML)
        visible = _unmask(visible, source, [(f.start, f.end) for f in found if f.delim in ("fence", "script", "code")])
    return MarkdownReading(sorted(found, key=lambda f: f.start), visible, headings, raw,
                           tuple(f.start for f in in_code))


def _leftover_dollars(masked: str, made: list[_Found]) -> list[_Found]:
    """The ``$…$`` that KaTeX's auto-render pairs in the text arithmatex left alone (its rule: the next ``$`` at
    brace depth 0 in the same paragraph, spaces inside or not). Each formula arithmatex made is an element of
    its own in the page, which no pair crosses: here a paragraph break of the same length."""
    barred = list(masked)
    for item in made:
        width = 0 if item.delim == "env" else len(item.delim)
        first, stop = max(item.start - width, 0), min(item.end + width, len(masked))
        barred[first:stop] = ["\n" if k < 2 else " " for k in range(stop - first)]
    scanner = _Scanner("".join(barred), markdown=True, backslash_pairs=False, browser_dollars=True)
    scanner.run(0, len(masked), None)
    return [f for f in scanner.found if f.delim == "$"]


_DOCSIFY_SHIELD = re.compile(r"\\\$|`[^`]*`")  # \$, and the dollars of a code span: never delimiters
_DOCSIFY_DISPLAY = re.compile(r"\$\$(.*?)\$\$", re.S)
_DOCSIFY_INLINE = re.compile(r"\$(.*?)\$", re.S)


def _read_docsify(source: str) -> MarkdownReading:
    """docsify-katex's reading: before marked sees the page, every ``$$`` pairs with the next ``$$``,
    then every ``$`` with the next ``$`` — across spaces, digits, line ends and blank lines — except an
    escaped ``\\$`` and dollars inside backticks. A pair found inside a code block is shown as code,
    not math. ``\\(``, ``\\[`` and bare environments are text there, but they are read as the math
    the author meant (the lint says they will not render)."""
    masks, found, headings = _structure(source, "docsify")
    shielded = _DOCSIFY_SHIELD.sub(lambda m: m.group().replace("$", " "), source)
    code = sorted(masks)
    code_starts = [a for a, _ in code]
    spans: list[tuple[int, int, bool]] = []
    for pattern, display in ((_DOCSIFY_DISPLAY, True), (_DOCSIFY_INLINE, False)):
        for m in pattern.finditer(shielded):
            spans.append((m.start(1), m.end(1), display))
        # what was paired is an HTML comment for the next pattern: blank it out, keeping offsets
        shielded = _apply_masks(shielded, [(m.start(), m.end()) for m in pattern.finditer(shielded)])
    for start, end, display in spans:
        k = _bisect(code_starts, start) if code else -1
        if k >= 0 and code[k][0] <= start < code[k][1]:
            continue
        found.append(_Found(start, end, "$$" if display else "$", None, display, None))
    masked = _apply_masks(source, masks)
    math = [(f.start - len(f.delim), f.end + len(f.delim)) for f in found if f.delim in ("$", "$$")]
    scanner = _Scanner(_apply_masks(masked, math), markdown=True, dollars=False, backslash_pairs=True)
    scanner.run(0, len(masked), None)
    found += scanner.found
    visible = _apply_masks(masked, scanner.masks + _blank_math_comments(masked, found))
    return MarkdownReading(sorted(found, key=lambda f: f.start), visible, headings)


#: docsify-latex 0.5's pairs (its default ``inlineMath`` and ``displayMath``): a delimiter after a
#: backslash does not open; inline math stays on one line, ``$$`` may span lines; ``\\.`` is one unit.
@functools.cache
def _latex_patterns() -> tuple[tuple[re.Pattern[bytes], ...], re.Pattern[bytes], tuple[re.Pattern[bytes], ...]]:
    """docsify-latex's inline pairs, its display pair, and the code it hides first (its own regexes, on UTF-8)."""
    inline = (re.compile(rb"(?:^|[^\\])(\$((?:[^\\\n]|\\.)+?)\$)"),
              re.compile(rb"(?:^|[^\\])(\\\(((?:[^\\\n]|\\.)+?)\\\))"))
    display = re.compile(rb"(?:^|[^\\])(\$\$((?:[^\\]|\\.)+?)\$\$)")
    code = (re.compile(rb"(?:^|[^\\])(<code>((?:[^\\]|\\.)+?)</code>)"),
            re.compile(rb"(?:^|[^\\])((`{3,})((?:[^\\]|\\.)+?)\2)"),
            re.compile(rb"(?:^|[^\\])((`{1,})((?:[^\\\n]|\\.)+?)\2)"))
    return inline, display, code


def _read_docsify_latex(source: str) -> MarkdownReading:
    """docsify-latex's reading (before marked sees the page, as docsify-katex's): code is hidden first;
    then, again and again, the first ``$…$`` on one line (``\\(…\\)`` when no ``$`` pair is left) and the
    first ``$$…$$`` are replaced by a placeholder, the display first when both start at one place and
    the inline one alone when the display starts inside it. ``\\[…\\]`` and bare environments are
    Markdown text there (read as the math the author meant; the lint says they will not render)."""
    masks, found, headings = _structure(source, "docsify")
    # The page as UTF-8 in a mutable buffer: hiding a formula is a slice assignment, not a new string, and
    # no byte of a multi-byte character is one of the ASCII delimiters, so the patterns match as on text.
    data = source.encode("utf-8")
    work = bytearray(data)
    if len(data) == len(source):
        char_at = None
    else:
        char_at = [0] * (len(data) + 1)
        i = 0
        for k, ch in enumerate(source):
            n = len(ch.encode("utf-8"))
            char_at[i:i + n] = [k] * n
            i += n
        char_at[len(data)] = len(source)

    def at(i: int) -> int:
        return i if char_at is None else char_at[i]

    def hide(a: int, b: int) -> None:  # a placeholder of one line with no $ or \ in it
        work[a:b] = b"#" * (b - a)

    inline_pairs, display_pair, code_patterns = _latex_patterns()
    for pattern in code_patterns:
        m = pattern.search(work)
        while m is not None:
            hide(m.start(1), m.end(1))
            m = pattern.search(work, max(m.end(1) - 1, 0))
    code = sorted(masks)
    code_starts = [a for a, _ in code]
    patterns = (*inline_pairs, display_pair)
    # Each pattern's next match starts at or after its last one (hiding only turns $ and \ into #), so
    # each is searched from there, and one that found nothing is not searched again: linear in the page.
    pos = [0] * len(patterns)
    spent = [False] * len(patterns)

    def first(k: int) -> re.Match[bytes] | None:
        m = None if spent[k] else patterns[k].search(work, pos[k])
        spent[k] = m is None
        if m is not None:
            pos[k] = max(m.start(1) - 1, 0)
        return m

    while True:
        inline = None
        for k in range(len(inline_pairs)):
            inline = first(k)
            if inline is not None:
                break
        display = first(len(patterns) - 1)
        picked = []
        if inline is not None and (display is None or display.start(1) > inline.start(1)):
            picked.append((inline, False))
            if display is not None and display.start(1) < inline.end(1):
                display = None
        if display is not None:
            picked.append((display, True))
        if not picked:
            break
        for m, shown in picked:
            k = _bisect(code_starts, at(m.start(2))) if code else -1
            if not (k >= 0 and code[k][0] <= at(m.start(2)) < code[k][1]):
                found.append(_Found(at(m.start(2)), at(m.end(2)), data[m.start(1):m.start(2)].decode(), None, shown,
                                    None))
            hide(m.start(1), m.end(1))
    masked = _apply_masks(source, masks)
    math = [(f.start - len(f.delim), f.end + len(f.delim)) for f in found if f.delim in ("$", "$$", "\\(")]
    scanner = _Scanner(_apply_masks(masked, math), markdown=True, dollars=False, backslash_pairs=True)
    scanner.run(0, len(masked), None)
    found += scanner.found
    visible = _apply_masks(masked, scanner.masks + _blank_math_comments(masked, found))
    return MarkdownReading(sorted(found, key=lambda f: f.start), visible, headings)


def _unmask(visible: str, source: str, spans: list[tuple[int, int]]) -> str:
    pieces, pos = [], 0
    for a, b in sorted(spans):
        pieces.append(visible[pos:a])
        pieces.append(source[a:b])
        pos = b
    pieces.append(visible[pos:])
    return "".join(pieces)


__all__ = ["MATH_ENVS", "MarkdownReading", "myst_parser", "read_markdown", "structure_parser"]
