"""What Python-Markdown does to math it reads as text, before a browser script typesets it.

On an MkDocs site without ``pymdownx.arithmatex`` (:mod:`derive.check.script_math`) every formula is
paragraph text to Python-Markdown 3. Measured in Chromium with KaTeX auto-render and MathJax 3
(tests/test_sites_slow.py), it shows a formula wrong where

* a backslash escape is eaten: ``\\\\`` reaches the typesetter as ``\\`` (no line break, rows merge),
  ``\\{``/``\\}`` as bare braces (a group, not a set), ``\\!``, ``\\#``, ``\\>``, ``\\|`` as the bare
  character (``#`` is an error in both engines). ``\\_`` and ``\\*`` are fine: written to protect the
  math, they reach it as ``_`` and ``*``;
* a pair of ``*`` (``x*y*z``, ``a^*b^*``, ``align*}…{align*``) or of ``_`` that opens after a non-word
  character and closes before one (``{x}_1 + {y}_{2}``) becomes emphasis, which splits the text the
  script reads, so no formula is found;
* ``<`` and a letter start what Python-Markdown takes for an HTML tag up to the next ``>``
  (``$a<b$ and $c>d$``), and the tag is removed.

Each function returns offsets into the text it was given, so the lint can point at them.
"""
from __future__ import annotations

import re

#: Characters whose escape Python-Markdown eats and whose loss changes the formula.
_HARMFUL = frozenset("{}!#>|")
_PUNCTUATION = re.compile(r"[^\w\s]")
_STAR = re.compile(r"(?<![\\*])\*(?![\s*])(?:[^*\n]|\n(?![ \t]*\n))*?(?<![\s\\*])\*(?!\*)")
_UNDERSCORE = re.compile(r"(?<![\w\\])_(?![\s_])(?:[^_\n]|\n(?![ \t]*\n))*?(?<![\s\\_])_(?!\w)")
#: Python-Markdown 3's inline HTML tag (``HTML_RE``), without its comment and processing-instruction forms.
_TAG = re.compile(r"<\/?[a-zA-Z][^\s\"'<>@]*(?:\s+[^\s\"'=<>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>]+))?)*\s*/?>")
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


def eaten_escapes(written: str) -> list[tuple[int, str]]:
    """``(offset, what)`` for each escape in ``written`` (the math as written) that Python-Markdown eats
    to the formula's harm: a ``\\\\`` line break (``what`` is ``\\\\``; not before punctuation, where it is
    the page's way to write ``\\{``) or ``\\{`` and its kind."""
    out = []
    i = 0
    while i < len(written):
        if written[i] != "\\":
            i += 1
            continue
        start = i
        while i < len(written) and written[i] == "\\":
            i += 1
        run = i - start
        if run == 2 and not (i < len(written) and _PUNCTUATION.match(written[i])):
            out.append((start, "\\\\"))  # (\\{ is how these pages write \{: it reaches the math as \{)
        elif run == 1 and i < len(written) and written[i] in _HARMFUL:
            out.append((start, "\\" + written[i]))
    return out


def paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph of ``text`` around ``[start, end)``: from the blank line before to the blank line after."""
    first = 0
    for m in _PARAGRAPH_END.finditer(text, 0, start):
        first = m.end()
    after = _PARAGRAPH_END.search(text, end)
    return first, after.start() if after else len(text)


def markup_spans(text: str, first: int, stop: int) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of the emphasis pairs (``*``, ``_``) and HTML tags Python-Markdown finds in
    ``text[first:stop]`` (one paragraph, code already masked)."""
    out = []
    for kind, pattern in (("*", _STAR), ("_", _UNDERSCORE), ("<", _TAG)):
        out += [(m.start(), m.end(), kind) for m in pattern.finditer(text, first, stop)]
    return sorted(out)
