r"""Math written inside code spans: `` `$x$` ``, `` `$$…$$` `` — typeset by a site script, or shown as code.

Why: blogdown and Jekyll sites that follow Yihui Xie's convention protect their math from the Markdown
engine by writing it in backticks, and load a small script (``math-code.js``) that turns such code
elements back into math before MathJax runs. To the checker these were code: a page written this way
had no equality at all, and said nothing about it.

The script's rule, read from its public source: an inline code element (not inside ``<pre>``, holding
text only) whose text is ``$…$`` (one dollar each side) becomes ``\(…\)``; one whose text is ``$$…$$``,
``\(…\)``, ``\[…\]`` or ``\begin{env}…\end{env}`` loses its ``<code>`` tags and MathJax reads it as
written. So on a site that loads the script those spans are math; elsewhere they are code, and the
checker says how many it leaves unread.
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass

from .extract import _BLANK_LINE, _Found

#: The script, by the name every copy of it keeps (``math-code.js``, ``math_code.js``, minified or not).
_SCRIPT = re.compile(r"math[-_]code(?:\.min)?\.js")
#: A run of backticks (kramdown's code span delimiter).
_TICKS = re.compile(r"`+")
#: The code texts the script turns into math (its four tests), with the part MathJax then reads.
_INLINE_DOLLAR = re.compile(r"\$([^$](?:.*[^$])?)\$", re.S)
_DISPLAY_DOLLAR = re.compile(r"\$\$(.+)\$\$", re.S)
_PAREN = re.compile(r"\\\((.+)\\\)", re.S)
_BRACKET = re.compile(r"\\\[(.+)\\\]", re.S)
_ENV = re.compile(r"\\begin\{([^}]+)\}(?:.+)\\end\{[^}]+\}", re.S)
#: Folders of a site that hold its page templates (Jekyll; Hugo and blogdown themes).
_TEMPLATE_FOLDERS = ("_includes", "_layouts", "layouts", "themes")
_MAX_TEMPLATES = 400


@dataclass(frozen=True)
class MathCode:
    """The site a page belongs to loads the script; ``where`` is the template that loads it."""

    where: str


@functools.lru_cache(maxsize=32)
def site_script(site_root: str) -> MathCode | None:
    """Whether a template of the site at ``site_root`` loads math-code.js (a few hundred files at most are read, once
    per site: every page of a course asks)."""
    seen = 0
    for folder in _TEMPLATE_FOLDERS:
        for path, dirs, files in os.walk(os.path.join(site_root, folder)):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith((".html", ".htm", ".js")):
                    continue
                seen += 1
                if seen > _MAX_TEMPLATES:
                    return None
                full = os.path.join(path, name)
                if _SCRIPT.search(name):
                    return MathCode(os.path.relpath(full, site_root))
                try:
                    with open(full, encoding="utf-8", errors="replace") as handle:
                        text = handle.read(200_000)
                except OSError:
                    continue
                if _SCRIPT.search(text):
                    return MathCode(os.path.relpath(full, site_root))
    return None


def _as_math(text: str) -> tuple[int, int, bool, str | None] | None:
    """Where the math is in a code span's text that the script typesets: (start, end, display, environment)."""
    if (m := _DISPLAY_DOLLAR.fullmatch(text)) is not None:
        return m.start(1), m.end(1), True, None
    if (m := _INLINE_DOLLAR.fullmatch(text)) is not None:
        return m.start(1), m.end(1), False, None  # (`$a$ and $b$` too: the script hands MathJax "a$ and $b")
    if (m := _PAREN.fullmatch(text)) is not None:
        return m.start(1), m.end(1), False, None
    if (m := _BRACKET.fullmatch(text)) is not None:
        return m.start(1), m.end(1), True, None
    if (m := _ENV.fullmatch(text)) is not None:
        return 0, len(text), True, None  # the environment is read inside the math, as MathJax reads it
    return None


def _code_spans(text: str) -> list[tuple[int, int, int, int]]:
    """kramdown's code spans in ``text``: (span start, span end, code start, code end). Its rules, checked against
    ruby-kramdown: a run of backticks opens a span that the next run of the same length closes, within the
    paragraph; a lone backtick with white space on both sides is a literal one; the code of a span of one
    backtick is kept as written, that of a longer run loses its white space at both ends."""
    spans = []
    pos = 0
    while (m := _TICKS.search(text, pos)) is not None:
        run = m.group()
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if len(run) == 1 and before.isspace() and after.isspace():
            pos = m.end()
            continue
        limit = _BLANK_LINE.search(text, m.end())
        stop = limit.start() if limit else len(text)
        close = next((c for c in _TICKS.finditer(text, m.end(), stop) if c.group() == run), None)
        if close is None:
            pos = m.end()
            continue
        a, b = m.end(), close.start()
        if len(run) > 1:
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
        spans.append((m.start(), close.end(), a, b))
        pos = close.end()
    return spans


def code_span_math(masked: str) -> tuple[list[_Found], list[tuple[int, int]]]:
    """The math of the code spans of ``masked`` (code blocks already blanked) and the spans themselves."""
    found: list[_Found] = []
    spans: list[tuple[int, int]] = []
    for start, end, a, b in _code_spans(masked):
        where = _as_math(masked[a:b].replace("\n", " "))
        if where is None:
            continue
        inner_start, inner_end, display, env = where
        found.append(_Found(a + inner_start, a + inner_end, "code", env, display, None))
        spans.append((start, end))
    return found, spans
