"""Render lint: will each piece of math render in the renderer that will show the page?

What each renderer does is data in :mod:`derive.check.renderers`, measured by building probe
documents with the real engines (Jupyter Book 1 and 2, Pandoc, kramdown, pdflatex). A finding of
severity error needs a known renderer that will show the text wrong, and its message names that
renderer. When the page may be shown by one of several renderers (a MyST page whose project config was
not found: Jupyter Book 1 with or without amsmath, or Jupyter Book 2), what every candidate shows wrong
is reported at its own severity and what only some show wrong is a note naming those (the project's
config, once found, says which renderer it is and turns the note into an error or nothing).

The algebra of a block that will not render is still checked elsewhere: the author meant it as math.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from derive.check.extract import INNER_ENVS, MATRIX_ENVS, LineMap, MathBlock, env_base, scan
from derive.check.findings import SEVERITY_ORDER, Finding, Severity
from derive.check import run_together
from derive.check.markdown_in_math import eaten_escapes, markup_spans, paragraph
from derive.check.renderers import (
    BEAMER,
    MYST_AMSMATH_ENVS,
    MYST_UNKNOWN,
    PDFLATEX,
    AnyOf,
    Renderer,
)

#: Commands that only beamer defines (KaTeX, MathJax and article classes do not).
BEAMER_MACROS = frozenset(
    {
        "alert", "pause", "only", "uncover", "onslide", "visible", "invisible", "alt", "temporal",
        "structure", "frametitle", "framesubtitle", "againframe", "usetheme", "usecolortheme",
        "usefonttheme", "useinnertheme", "useoutertheme", "setbeamertemplate", "setbeamercolor",
        "setbeamerfont", "setbeamercovered", "beamertemplatenavigationsymbolsempty", "transdissolve",
        "transduration",
    }
)
#: Environments that only beamer defines; reported at their ``\\begin``.
BEAMER_ENVS = frozenset(
    {
        "frame", "alertblock", "exampleblock", "block", "columns", "column", "onlyenv", "altenv",
        "overprint", "actionenv", "uncoverenv", "visibleenv", "invisibleenv", "beamercolorbox",
    }
)

_COMMAND = re.compile(r"\\(?:begin\{([A-Za-z]+\*?)\}|([A-Za-z]+)|.)", re.S)
_MATH_STRUCTURE = re.compile(r"\\(?:(begin)\{[^}]*\}|(end)\{[^}]*\}|(\\)|.)|([{}])", re.S)
_DOCUMENTCLASS = re.compile(r"^[^%\n]*?\\documentclass\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}", re.M)
_BEAMERARTICLE = re.compile(r"^[^%\n]*?\\usepackage\s*(?:\[[^\]]*\])?\s*\{[^}]*\bbeamerarticle\b", re.M)
_DEFINITION = re.compile(
    r"\\(?:(?:re)?newcommand|providecommand|DeclareRobustCommand|DeclareMathOperator)\*?\s*\{?\s*\\([A-Za-z]+)"
    r"|\\(?:g|e|x)?def\s*\\([A-Za-z]+)"
)
_FRAME = re.compile(r"\\begin\{frame\}|\\frame\{")
_FOOTNOTE_DEF = re.compile(r"^[ \t]{0,3}\[\^([^\]\s]+)\]:", re.M)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")  # every one that does not start a definition (see below)

_CLOSERS = {"$": "$", "$$": "$$", "\\[": "\\]", "\\(": "\\)", "\\\\[": "\\\\]", "\\\\(": "\\\\)"}
_BEGIN = re.compile(r"\\begin\{([A-Za-z]+\*?)\}")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*)$", re.M)
_TITLE_IN_FRONT_MATTER = re.compile(r"\A---\n(?:.*\n)*?title\s*:", re.M)

RendererLike = Renderer | AnyOf


@dataclass(frozen=True)
class _Raw:
    """A finding for one renderer; ``{r}`` in the message is that renderer's name."""

    line: int
    col: int
    code: str
    severity: Severity
    message: str


@dataclass(frozen=True)
class _Page:
    """What every lint rule reads of one file, gathered once: its blocks, and the text a renderer shows."""

    path: str
    source: str
    blocks: list[MathBlock]
    visible: str
    markdown: bool


def default_renderer(path: str, source: str) -> RendererLike:
    """Without a project config: Markdown may be either Jupyter Book; LaTeX is pdflatex (beamer if the
    document says so)."""
    info = scan(path, source)
    if info.kind == "markdown":
        return MYST_UNKNOWN
    return BEAMER if _is_beamer(source) else PDFLATEX


def lint(path: str, source: str, blocks: list[MathBlock], renderer: RendererLike | None = None,
         read: tuple[str, bool] | None = None) -> list[Finding]:
    """All render findings for one file, sorted by position.

    ``renderer`` is the renderer that will show the page (:func:`derive.check.renderers.renderer_for`),
    or several candidates (:class:`~derive.check.renderers.AnyOf`); None decides from the file alone
    (:func:`default_renderer`). ``read`` is the document model's (visible text, is Markdown), so that a
    file is read once; None reads it here.
    """
    if read is None:
        info = scan(path, source)
        read = (info.visible, info.kind == "markdown")
    page = _Page(path, source, blocks, read[0], read[1])
    guessed = renderer is None
    if renderer is None:
        renderer = default_renderer(path, source)
    if isinstance(renderer, Renderer) and renderer is PDFLATEX and not page.markdown and _is_beamer(source):
        renderer = BEAMER  # the document's own class decides
    candidates: Sequence[Renderer] = renderer.candidates if isinstance(renderer, AnyOf) else (renderer,)
    per = {r.key: _lint_one(page, r) for r in candidates}
    findings = _combine(path, renderer, candidates, per)
    if guessed and page.markdown and not _looks_like_myst(source):
        # Plain Markdown with no sign of MyST may be read by any engine: where it does not own its
        # lines, $$ is only a note (Pandoc, kramdown, mystmd accept it).
        findings = [_as_info(f) if f.code == "render/display-not-block" else f for f in findings]
    return sorted(findings, key=lambda f: (f.line, f.col, f.code))


def _as_info(f: Finding) -> Finding:
    return Finding(f.path, f.line, f.col, "info", f.code, f.message, f.cell)


def _combine(path: str, renderer: RendererLike, candidates: Sequence[Renderer],
             per: dict[str, list[_Raw]]) -> list[Finding]:
    """One finding per (position, code): an error only where every candidate shows it wrong."""
    by_place: dict[tuple[int, int, str], dict[str, _Raw]] = {}
    flagged: dict[tuple[int, int], set[str]] = {}  # which candidates have any finding at a position
    for r in candidates:
        for raw in per[r.key]:
            by_place.setdefault((raw.line, raw.col, raw.code), {})[r.key] = raw
            flagged.setdefault((raw.line, raw.col), set()).add(r.key)
    findings = []
    for (line, col, code), hits in by_place.items():
        worst = min(hits.values(), key=lambda h: SEVERITY_ORDER[h.severity])
        if len(hits) == len(candidates):
            name = renderer.name if len(candidates) > 1 else candidates[0].name
            severity = worst.severity
        else:
            wrong = [r for r in candidates if r.key in hits]
            fine = [r.name for r in candidates if r.key not in flagged[(line, col)]]
            name = " and ".join(r.name for r in wrong)
            severity = "info"  # some of the renderers that may show the page show it wrong
            tail = f" (fine in {', '.join(fine)})" if fine else ""
            worst = _Raw(line, col, code, severity, worst.message + tail)
        only = candidates[0] if len(candidates) == 1 else None
        if only is not None and not only.measured and severity == "error":
            severity = "warning"  # read from the renderer's documentation or source, not built here
        findings.append(Finding(path, line, col, severity, code, worst.message.replace("{r}", name)))
    return findings


def _lint_one(page: _Page, r: Renderer) -> list[_Raw]:
    checks: list[Callable[[_Page, Renderer], list[_Raw]]] = [_environments, _beamer_macros, _bare_linebreaks,
                                                            _root_of_a_bracket, _sign_exponent, _run_together]
    if page.markdown:
        checks += [_brackets, _not_own_block, _blank_lines, _lone_dollars, _unused_footnotes, _title, _table_pipes, _markdown_in_math]
    else:
        checks += [_dollar_display]
    out: list[_Raw] = []
    for check in checks:
        out += check(page, r)
    return out


# ---------------------------------------------------------------- environments


def _environments(page: _Page, r: Renderer) -> list[_Raw]:
    """Bare environments the renderer shows as text, and environments its typesetter does not know.

    A top-level AMS display is math in MyST only with the ``amsmath`` extension (Jupyter Book 1's
    default config has it off) and never for ``cases``/``aligned``/…; in LaTeX ``cases`` and the
    matrix family need math mode; KaTeX (Jupyter Book 2) has no ``multline``, ``flalign``, ``eqnarray``.
    """
    out = []
    for block in page.blocks:
        if block.delim == "directive":
            candidates = [(m.group(1), m.start()) for m in _BEGIN.finditer(block.text)]
        elif block.delim == "env" and block.env is not None:
            line, col = block.opening()
            top = r.top_level(block.env)
            if top is False:
                out.append(_not_math(block.env, line, col, page.markdown, r))
                continue
            candidates = [(m.group(1), m.start()) for m in _BEGIN.finditer(block.text)]
        else:
            candidates = [(m.group(1), m.start()) for m in _BEGIN.finditer(block.text)]
        for env, offset in candidates:
            if r.knows_env(env) is False:
                line, col = block.position(offset)
                out.append(_Raw(line, col, "render/env-unsupported", "error",
                                f"{{r}} has no {env}; use aligned (or gathered) inside $$…$$"))
    return out


def _not_math(env: str, line: int, col: int, markdown: bool, r: Renderer) -> _Raw:
    base = env_base(env)
    if not markdown:
        return _Raw(line, col, "render/cases-outside-math", "error",
                    f"\\begin{{{env}}} outside math mode: {{r}} stops with 'Missing $ inserted';"
                    " put it inside \\[…\\] or an equation environment")
    if base in MYST_AMSMATH_ENVS and base not in MATRIX_ENVS and r.key == "jb1":
        return _Raw(line, col, "render/env-not-math", "error",
                    f"\\begin{{{env}}} on its own is text in {{r}}: its amsmath extension is off;"
                    " put it inside $$…$$ (with aligned) or add amsmath to parse.myst_enable_extensions")
    if base in MYST_AMSMATH_ENVS and r.key in ("kramdown", "docsify-katex"):
        return _Raw(line, col, "render/env-not-math", "error",
                    f"\\begin{{{env}}} on its own is Markdown text in {{r}}: \\\\ becomes \\ and * emphasis;"
                    " put it inside $$…$$")
    code = "render/env-not-math" if base in MYST_AMSMATH_ENVS and base not in MATRIX_ENVS else "render/cases-outside-math"
    return _Raw(line, col, code, "error",
                f"\\begin{{{env}}} outside math: {{r}} shows it as text (the typesetter never sees it);"
                " put it inside $$…$$")


# ---------------------------------------------------------------- delimiters


_PLAIN_WORDS = re.compile(r"[^\\^_={}$+*/<>|]*[A-Za-z\u0400-\u04ff\u4e00-\u9fff]{2}[^\\^_={}$+*/<>|]*")


def _brackets(page: _Page, r: Renderer) -> list[_Raw]:
    """``\\[``/``\\(`` (and kramdown's ``\\\\[``/``\\\\(``) where the renderer reads an escape, not math."""
    out = []
    for block in page.blocks:
        if block.raw_html:
            continue  # kramdown passes an HTML block through: MathJax gets \( as written
        if block.delim in ("\\[", "\\("):
            known = r.brackets(block.delim)
        elif block.delim in ("\\\\[", "\\\\("):
            known = r.double_backslash_math
        else:
            continue
        if known is not False:
            continue
        if block.delim.endswith("(") and _PLAIN_WORDS.fullmatch(block.text):
            continue  # 梯度下降\(GD\): an escaped parenthesis around a word, which is what the author meant
        bracket = block.delim[-1]
        use = "$$…$$" if bracket == "[" else "$…$"
        if block.delim in ("\\[", "\\(") and r.double_backslash_math:
            use += f" or \\\\{block.delim[-1]}…\\\\{_PAIR_CLOSE[bracket]}"  # the pair Markdown turns into \[ (MkDocs, kramdown)
        line, col = block.opening()
        out.append(_Raw(line, col, "render/bracket-not-math", "error",
                        f"{block.delim} is not a math delimiter in {{r}}: it is an escaped {bracket}, and the TeX"
                        f" after it is text; use {use}"))
    return out


_PAIR_CLOSE = {"[": "]", "(": ")"}
_NOT_AMSMATH_IN_MYST = frozenset({"math", "displaymath", "smallmatrix"})
#: Lines that end a paragraph-free context: a fence, a directive option, a heading, a closed display.
#: Lines that are not paragraph text before a display: fences, directives, headings, comments, table rows, a
#: display's own end, and an MkDocs container's opener (``!!! note "Title"``: its body starts below it).
_NOT_PARAGRAPH = re.compile(r"^\s*(?:```|~~~|:::|:[\w-]+:|#|<!--|-->|\||\$\$\s*$|\\end\{|(?:!!!|\?\?\?\+?|===)(?:\s|$))"
                            r"|\$\$\s*(?:\(\S+\))?\s*$|-->\s*$")


_MYST_SIGNS = re.compile(r"^(?:```+|:::+)\{[\w-]+\}|\{(?:math|eq|ref|numref|doc)\}`|^\([\w-]+\)=\s*$"
                         r"|^(?:jupytext|kernelspec|myst):", re.M)


def _looks_like_myst(source: str) -> bool:
    """Directives, roles, targets or Jupyter front matter: a page myst-parser will read.

    Other Markdown engines (Pandoc, kramdown, Obsidian, mystmd) accept ``$$`` inside a paragraph,
    so for plain Markdown the display-block rule is only a note.
    """
    return _MYST_SIGNS.search(source) is not None


def _not_own_block(page: _Page, r: Renderer) -> list[_Raw]:
    """``$$`` that does not own its lines, and AMS environments that do not (MyST's amsmath).

    In Jupyter Book 1 (myst-parser) a ``$$`` inside a line or on the line right after text is inline
    math between literal ``$`` signs, and text after the closing ``$$`` runs the display on to the
    next ``$$``; Jupyter Book 2 and Pandoc make a display of each; kramdown makes inline math of a
    ``$$`` inside a paragraph (a note).
    """
    lines = LineMap(page.source)
    text_lines = page.source.split("\n")
    amsmath_parser = r.key in ("jb1-amsmath", "jb2")
    out = []
    for block in page.blocks:
        is_env = (block.delim == "env" and block.env is not None and env_base(block.env) not in INNER_ENVS
                  and env_base(block.env) not in _NOT_AMSMATH_IN_MYST)
        square = block.delim == "\\[" and bool(r.display_needs_paragraph)  # arithmatex's \[ is a block too
        if block.delim != "$$" and not square and not (is_env and (amsmath_parser or r.display_needs_paragraph)):
            continue
        start = lines.offset(block.line, block.col)
        width = 0 if is_env else len(block.delim)
        opener = start - width
        closer_end = start + len(block.text) + width
        line, col = lines.position(opener)
        before = text_lines[line - 1][: col - 1]
        previous = text_lines[line - 2] if line >= 2 else ""
        end_line = page.source.count("\n", 0, closer_end) + 1
        rest = page.source[closer_end:]
        after = rest[: rest.find("\n")] if "\n" in rest else rest
        what = f"\\begin{{{block.env}}}" if is_env else block.delim
        following = text_lines[end_line] if end_line < len(text_lines) else ""
        if r.display_needs_paragraph and not after.strip() and following.strip():
            after = following  # Python-Markdown: the next line joins the display's paragraph
        if is_env:
            if before.strip():
                problem = f"{what} starts in the middle of a line"
            elif after.strip() and not re.fullmatch(r"\s*\(\S+\)\s*", after):
                problem = f"text follows the end of the environment on line {end_line}"
                if r.display_needs_paragraph and after is following:
                    problem = f"text follows the end of the environment on line {end_line + 1}, with no blank line"
            elif r.display_needs_paragraph and previous.strip() and not _NOT_PARAGRAPH.search(previous):
                problem = f"{what} is on the line right after text, with no blank line between"
            else:
                continue
            if r.display_needs_paragraph:
                out.append(_Raw(line, col, "render/display-not-block", "error",
                                f"{problem}: {{r}} reads a display only as a paragraph of its own, so the whole"
                                " environment is text; leave a blank line before and after it"))
                continue
            out.append(_Raw(line, col, "render/display-not-block", "warning",
                            f"{problem}: {{r}} shows the environment as text; put \\begin and \\end on lines"
                            " of their own"))
            continue
        if r.display_needs_paragraph and block.delim == "$$" and not before.strip() and (
                previous.rstrip().endswith("$$") or after.lstrip().startswith("$$")):
            if previous.rstrip().endswith("$$"):
                continue  # reported at the first display of the paragraph
            out.append(_Raw(line, col, "render/display-not-block", "error",
                            "displays on consecutive lines with no blank line between: {r} reads the lines as one"
                            " paragraph, one display from its first $$ to its last, with the $$ between inside the"
                            " math; leave a blank line between displays"))
            continue
        one_line = r.display_needs_paragraph and "\n" not in block.text and after.strip()
        if r.leftover_dollars_typeset and block.delim == "$$" and not before.strip():
            continue  # arithmatex leaves it as text, and the page's KaTeX auto-render typesets it all the same
        if before.strip() or one_line:
            behaviour, problem = r.dollars_mid_line, f"{what} starts in the middle of a line"
            if one_line and not before.strip():
                problem = f"text follows the closing {_CLOSERS[what]} on its line"
            if square:
                behaviour = "text"
        elif previous.strip() and not _NOT_PARAGRAPH.search(previous):
            behaviour, problem = r.dollars_after_text, f"{what} is on the line right after text, with no blank line between"
        elif after.strip() and not re.fullmatch(r"\s*\(\S+\)\s*", after):
            if r.display_needs_paragraph:
                out.append(_Raw(line, col, "render/display-not-block", "error",
                                f"text follows the closing {block.delim}{_CLOSERS[block.delim]} on line {end_line}"
                                f"{'' if after is not following else ' (next line, no blank line)'}:"
                                f" {{r}} reads a display only as a paragraph of its own, so the whole display"
                                " is text; leave a blank line after it"))
            elif r.text_after_display_swallows:
                out.append(_Raw(line, col, "render/display-not-block", "warning",
                                f"text follows the closing $$ on line {end_line}: in {{r}} the display runs on"
                                " to the next $$, swallowing the paragraphs between; end the line at $$"))
            continue
        else:
            continue
        if behaviour == "literal-dollars":
            out.append(_Raw(line, col, "render/display-not-block", "warning",
                            f"{problem}: {{r}} shows inline math between literal $ signs;"
                            " leave a blank line around $$…$$" + (" and end the line at $$" if r.display_needs_paragraph
                                                                  else "")))
        elif behaviour == "text":
            out.append(_Raw(line, col, "render/display-not-block", "error",
                            f"{problem}: {{r}} reads a display only as a paragraph of its own, so the whole"
                            " display is text; put it on lines of its own, with a blank line before and after"))
        elif behaviour == "inline":
            out.append(_Raw(line, col, "render/display-not-block", "info",
                            f"{problem}: {{r}} makes inline math of it; leave a blank line around $$…$$"
                            " for a display"))
    return out


def _blank_lines(page: _Page, r: Renderer) -> list[_Raw]:
    """A blank line inside ``$$…$$`` ends the paragraph first: the whole display is text there."""
    if not r.blank_line_breaks_display:
        return []
    out = []
    for block in page.blocks:
        if block.delim != "$$":
            continue
        m = re.search(r"\n[ \t]*\n", block.text)
        if m:
            line, col = block.opening()
            out.append(_Raw(line, col, "render/display-blank-line", "error",
                            f"a blank line inside $$…$$ (line {block.position(m.start() + 1)[0]}): {{r}} shows"
                            " the whole display as text; remove the blank line"))
    return out


def _lone_dollars(page: _Page, r: Renderer) -> list[_Raw]:
    """A ``$$`` that opens no display in MyST: both Jupyter Books show it as text.

    The page is read with MyST's own parser, so a ``$$`` outside every block is one the engine left in the
    prose. Built with mystmd 1.11 and myst-parser: a ``$$`` on the line after text belongs to that
    paragraph, and when an environment follows (``\\begin{align}``, which interrupts the paragraph) the
    ``$$`` before it and the one after it are both left on the page; in mystmd a ``$$`` block also ends at
    a blank line.
    """
    if r.key not in ("jb1", "jb1-amsmath", "jb2"):
        return []
    lines = LineMap(page.source)
    covered = []
    for block in page.blocks:
        start = lines.offset(block.line, block.col)
        width = len(block.delim) if block.delim in ("$", "$$") else 0
        covered.append((start - width, start + len(block.text) + width))
    out = []
    text_lines = page.visible.split("\n")
    for m in re.finditer(r"(?<![\\$])\$\$(?!\$)", page.visible):
        if any(a <= m.start() < b for a, b in covered):
            continue
        line, col = lines.position(m.start())
        previous = text_lines[line - 2] if line >= 2 else ""
        if page.visible[m.end():].lstrip().startswith("\\begin{") and previous.strip():
            problem = "this $$ is on the line right after text, and an environment follows"
            advice = "leave a blank line before $$"
        else:
            problem, advice = "this $$ opens no display", "close each $$ before the next blank line"
        out.append(_Raw(line, col, "render/display-not-block", "warning",
                        f"{problem}: {{r}} shows the $$ as text; {advice}"))
    return out


_TABLE_ROW = re.compile(r"^[ \t]{0,3}\|")
_BARE_PIPE = re.compile(r"(?<!\\)\|")


def _table_pipes(page: _Page, r: Renderer) -> list[_Raw]:
    """A ``|`` in math on a table row: the row is split into cells before the math is read, so the
    formula is cut in two (docsify-katex shows its placeholder text, arithmatex leaves ``$`` as text)."""
    if not r.table_pipe_breaks:
        return []
    rows = page.source.split("\n")
    out = []
    for block in page.blocks:
        if "\n" in block.text or block.delim == "env" or not _TABLE_ROW.match(rows[block.line - 1]):
            continue
        m = _BARE_PIPE.search(block.text)
        if m is None:
            continue
        line, col = block.position(m.start())
        out.append(_Raw(line, col, "render/pipe-in-table-math", "error",
                        "| inside math in a table row: {r} splits the row into cells first, so the formula is cut"
                        " and shown as text; write \\vert (or \\mid)"))
    return out


_EATEN = {"\\\\": "the line break is lost and rows run together; write \\\\\\\\ for a line break"}
_MARKUP = {"*": "reads the *…* pair here as emphasis", "_": "reads the _…_ pair here as emphasis",
           "<": "reads <…> here as an HTML tag and drops it"}
_MARKUP_FIX = {"*": "escape each * as \\*", "_": "escape each _ as \\_", "<": "write \\lt, or put a space after <"}


def _markdown_in_math(page: _Page, r: Renderer) -> list[_Raw]:
    """Math that Python-Markdown changes before a browser script typesets it (:mod:`derive.check.markdown_in_math`):
    an eaten escape, an emphasis pair or an HTML tag across the formula."""
    if not r.markdown_escapes:
        return []
    lines = LineMap(page.source)
    out = []
    spans = []
    for block in page.blocks:
        start = lines.offset(block.line, block.col)
        spans.append((start, start + len(block.text), block))
        for offset, what in eaten_escapes(block.written or block.text):
            line, col = block.position(offset)
            why = _EATEN.get(what, f"the character shows bare; write \\{what} (two backslashes)")
            out.append(_Raw(line, col, "render/markdown-in-math", "error",
                            f"Python-Markdown turns {what} into {what[1:]} before {{r}} sees the math: {why}"))
    done: set[tuple[int, int]] = set()
    reported: set[tuple[int, str]] = set()
    for start, end, _block in spans:
        para = paragraph(page.visible, start, end)
        if para in done:
            continue
        done.add(para)
        for a, b, kind in markup_spans(page.visible, *para):
            hit = [blk for s, e, blk in spans if s < b and a < e]
            if not hit or (id(hit[0]), kind) in reported:
                continue
            reported.add((id(hit[0]), kind))
            line, col = hit[0].opening()
            out.append(_Raw(line, col, "render/markdown-in-math", "error",
                            f"Python-Markdown {_MARKUP[kind]} before {{r}} sees the page, so the formula is split"
                            f" and shown as text; {_MARKUP_FIX[kind]}"))
    return out


# ---------------------------------------------------------------- macros


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


_OUTPUT_KEY = re.compile(r"\s*(?:format|output)\s*:")


def _quarto_beamer(source: str) -> bool:
    """A Markdown deck rendered to beamer (Quarto/Pandoc ``format: beamer`` in the front matter, or under it).

    Read line by line: the key's own line and the lines indented below it. (A single regular expression with
    a repeated indented line, ``(?:\\n\\s+.*)*?``, backtracked exponentially on an R Markdown header with a
    nested ``output:`` block: 25 s for one file.)"""
    m = _FRONT_MATTER.match(source)
    if m is None:
        return False
    lines = m.group(1).split("\n")
    for i, line in enumerate(lines):
        if not _OUTPUT_KEY.match(line):
            continue
        indent = len(line) - len(line.lstrip())
        block = [line]
        for below in lines[i + 1:]:
            if below.strip() and len(below) - len(below.lstrip()) <= indent:
                break
            block.append(below)
        if any("beamer" in x for x in block if not x.lstrip().startswith("#")):  # a commented line is not read
            return True
    return False


def _is_beamer(source: str) -> bool:
    """Beamer class (``beamer``, ``ctexbeamer``…), ``beamerarticle``, or a frame-only fragment."""
    m = _DOCUMENTCLASS.search(source)
    if m:
        return "beamer" in m.group(1) or _BEAMERARTICLE.search(source) is not None
    return _FRAME.search(source) is not None


def _defined_macros(source: str) -> set[str]:
    """Names the document defines itself (``\\newcommand{\\alert}…``): those are not beamer's."""
    return {a or b for a, b in _DEFINITION.findall(source)}


def _beamer_macros(page: _Page, r: Renderer) -> list[_Raw]:
    """Every beamer-only command outside code and comments, at its backslash, unless defined here."""
    if r.beamer or (page.markdown and _quarto_beamer(page.source)):
        return []
    if not page.markdown and _DOCUMENTCLASS.search(page.source) is None and "\\begin{document}" not in page.source:
        return []  # a fragment \input by another file (a deck's header): that file's class decides, unknown here
    where = "{r} does not define it"
    lines = LineMap(page.visible)
    defined = _defined_macros(page.source)
    out = []
    for m in _COMMAND.finditer(page.visible):
        env, name = m.group(1), m.group(2)
        if env is not None and env in BEAMER_ENVS:
            what = f"\\begin{{{env}}} is a beamer environment"
        elif name is not None and name in BEAMER_MACROS and name not in defined:
            what = f"\\{name} is a beamer command"
        else:
            continue
        line, col = lines.position(m.start())
        out.append(_Raw(line, col, "render/beamer-macro", "error", f"{what}; {where}"))
    return out


# ---------------------------------------------------------------- roots

_SQRT_BRACKET = re.compile(r"\\sqrt\s*\(")


def _root_of_a_bracket(page: _Page, r: Renderer) -> list[_Raw]:
    """``\\sqrt(v_t) + ε``: TeX's ``\\sqrt`` takes one token, so every renderer puts only ``(`` under the radical
    (checked with KaTeX and MathJax in the slow suite). The checker reads the root of the bracket, as meant."""
    return _each_match(page, _SQRT_BRACKET, "render/sqrt-bracket",
                       "\\sqrt( puts only the opening bracket under the radical sign in {r}; write \\sqrt{…} "
                       "(checked as the root of the whole bracket)")


#: ``e^-(…)``, ``e^-x``: a superscript that is only a sign, the bracket or name after it left on the line (``W^- e^α``
#: with a space after the sign is the label W⁻ and a new factor, as it is read and shown).
_SIGN_EXPONENT = re.compile(r"(?:(?<![A-Za-z\\])e|\d)\s*\^\s*-\s*[(A-Za-z0-9]|\^\s*-[(A-Za-z0-9]")


def _sign_exponent(page: _Page, r: Renderer) -> list[_Raw]:
    """``e^-(xw + b)``: TeX's ``^`` takes one token, so every renderer raises only the minus sign and sets the bracket
    on the line (e⁻(xw + b)). The checker reads the exponent meant, ``-(xw + b)``."""
    return _each_match(page, _SIGN_EXPONENT, "render/sign-exponent",
                       "^- raises only the minus sign in {r}, the rest stays on the line; write ^{-…} "
                       "(checked as the whole signed exponent)")


def _each_match(page: _Page, pattern: re.Pattern[str], code: str, message: str) -> list[_Raw]:
    """A warning ``code`` at every match of ``pattern`` in the page's math: for notation that every renderer sets
    one way, whatever the renderer (``{r}`` in ``message`` names it)."""
    return [_Raw(*block.position(m.start()), code, "warning", message)
            for block in page.blocks for m in pattern.finditer(block.text)]


# ---------------------------------------------------------------- line breaks


def _run_together(page: _Page, r: Renderer) -> list[_Raw]:
    """A new equation on a new source line with nothing between it and the last one: every
    renderer joins the lines, so the page shows one chain and a product across the join
    (:mod:`derive.check.run_together`); the checker reads the two equations meant."""
    out = []
    for block in page.blocks:
        for offset in run_together.breaks(block.text):
            line, col = block.position(offset)
            out.append(_Raw(line, col, "render/run-together", "warning",
                            "this equation starts a new source line but nothing breaks the line before it:"
                            " {r} sets both on one line, as one chain; end the line before with \\\\"
                            " inside aligned (checked as two equations)"))
    return out


def _bare_linebreaks(page: _Page, r: Renderer) -> list[_Raw]:
    """``\\\\`` at the top level of a display where the renderer keeps one line (MathJax outside
    Sphinx, pdflatex); Jupyter Book 1 (Sphinx wraps the display in ``split``) and KaTeX break it."""
    if r.bare_linebreak_breaks is not False:
        return []
    out = []
    for block in page.blocks:
        if block.delim not in _CLOSERS:
            continue
        for offset in _top_level_breaks(block.text)[:1]:  # one finding per block, at its first \\
            line, col = block.position(offset)
            out.append(_Raw(line, col, "render/linebreak-no-env", "warning",
                            f"\\\\ directly inside {block.delim}…{_CLOSERS[block.delim]} outside any environment"
                            " does not break the line in {r}; wrap the lines in aligned (or use multline)"))
    return out


def _top_level_breaks(text: str) -> list[int]:
    """Offsets of ``\\\\`` outside every environment and every brace group."""
    envs = braces = 0
    offsets = []
    for m in _MATH_STRUCTURE.finditer(text):
        if m.group(1):
            envs += 1
        elif m.group(2):
            envs = max(envs - 1, 0)
        elif m.group(3):
            if envs == 0 and braces == 0:
                offsets.append(m.start())
        elif m.group(4) == "{":
            braces += 1
        elif m.group(4) == "}":
            braces = max(braces - 1, 0)
    return offsets


# ---------------------------------------------------------------- footnotes and titles


def _unused_footnotes(page: _Page, r: Renderer) -> list[_Raw]:
    """``[^x]:`` defined and never referenced: the renderer drops it silently, so it was probably meant."""
    if not r.drops_unused_footnotes:
        return []
    prose = _without_math(page.visible, page.source, page.blocks)
    definitions = list(_FOOTNOTE_DEF.finditer(prose))
    starts = {m.start(1) - 2 for m in definitions}
    # "include[^ledell]:" mid-line is a reference followed by a colon; only "[^x]:" opening a line defines
    used = {m.group(1).casefold() for m in _FOOTNOTE_REF.finditer(prose) if m.start() not in starts}
    lines = LineMap(page.source)
    out = []
    for m in definitions:
        if m.group(1).casefold() in used:
            continue
        line, col = lines.position(m.start(1) - 2)
        out.append(_Raw(line, col, "render/footnote-unused", "warning",
                        f"footnote [^{m.group(1)}] is defined but never referenced; {{r}} drops it"))
    return out


def _title(page: _Page, r: Renderer) -> list[_Raw]:
    """Math in the first heading of a page without a front-matter title: Jupyter Book 2 makes it the
    page title, where it shows as raw TeX."""
    if not r.heading_math_title or _TITLE_IN_FRONT_MATTER.match(page.source):
        return []
    m = _HEADING.search(page.visible)
    if m is None:
        return []
    start = m.start(2)
    lines = LineMap(page.source)
    for block in page.blocks:
        offset = lines.offset(block.line, block.col)
        if start <= offset <= m.end(2):
            line, col = block.opening()
            return [_Raw(line, col, "render/math-in-title", "warning",
                         "math in the first heading: {r} makes it the page title, which shows the raw TeX;"
                         " give the page a `title:` in its front matter")]
    return []


def _without_math(visible: str, source: str, blocks: list[MathBlock]) -> str:
    """The visible text with every math block blanked, so ``[^1]`` in math is not a footnote."""
    lines = LineMap(source)
    pieces = []
    pos = 0
    for block in blocks:
        start = lines.offset(block.line, block.col)
        if start < pos:
            continue
        pieces.append(visible[pos:start])
        pieces.append(re.sub(r"[^\n]", " ", block.text))
        pos = start + len(block.text)
    pieces.append(visible[pos:])
    return "".join(pieces)


def _dollar_display(page: _Page, r: Renderer) -> list[_Raw]:
    """``$$`` in LaTeX works but is plain TeX: wrong spacing, ignores fleqn and equation numbering."""
    out = []
    for block in page.blocks:
        if block.delim == "$$":
            line, col = block.opening()
            out.append(_Raw(line, col, "render/dollar-display-latex", "info",
                            "$$…$$ is plain-TeX display math; in LaTeX use \\[…\\] or an equation environment"))
    return out
