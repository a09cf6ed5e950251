"""Render lint: will each piece of math render where the notes are meant to be read?

Markdown notes are read through MyST (Jupyter Book 1 typesets with MathJax 3, Jupyter Book 2 with
KaTeX; extensions dollarmath and amsmath). There display math is ``$$…$$``, the ``{math}``
directive or a top-level AMS environment; ``\\[`` is an escaped ``[`` and a bare ``cases`` is text.
LaTeX notes are compiled by an article-like class unless ``\\documentclass`` says beamer.
The algebra of a block that will not render is still checked elsewhere: the author meant it as math.
"""
from __future__ import annotations

import re

from derive.check.extract import INNER_ENVS, MATRIX_ENVS, LineMap, MathBlock, env_base, scan
from derive.check.findings import Finding

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
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")

_CLOSERS = {"$": "$", "$$": "$$", "\\[": "\\]", "\\(": "\\)"}


def lint(path: str, source: str, blocks: list[MathBlock]) -> list[Finding]:
    """All render findings for one file, sorted by position."""
    info = scan(path, source)
    markdown = info.kind == "markdown"
    findings: list[Finding] = []
    findings += _math_only_envs(path, blocks, markdown)
    if markdown:
        findings += _brackets(path, blocks)
        findings += _not_own_block(path, source, blocks, "warning" if _looks_like_myst(source) else "info")
        findings += _unused_footnotes(path, source, info.visible, blocks)
    else:
        findings += _dollar_display(path, blocks)
    if (markdown and not _quarto_beamer(source)) or (not markdown and not _is_beamer(source)):
        findings += _beamer_macros(path, source, info.visible, markdown)
    findings += _bare_linebreaks(path, blocks)
    return sorted(findings, key=lambda f: (f.line, f.col, f.code))


def _math_only_envs(path: str, blocks: list[MathBlock], markdown: bool) -> list[Finding]:
    """``cases`` and friends outside math: MyST prints them as text, LaTeX stops with an error.

    In MyST the matrix family is a top-level display (amsmath extension), but ``math``,
    ``displaymath`` and ``smallmatrix`` are not in its list; in LaTeX the matrix family needs math.
    """
    needs_math = INNER_ENVS | _NOT_AMSMATH_IN_MYST if markdown else INNER_ENVS | MATRIX_ENVS
    findings = []
    for block in blocks:
        if block.delim != "env" or block.env is None or env_base(block.env) not in needs_math:
            continue
        if markdown:
            message = (
                f"\\begin{{{block.env}}} outside math: MyST shows it as text (KaTeX/MathJax never see it);"
                " put it inside $$…$$"
            )
        else:
            message = (
                f"\\begin{{{block.env}}} outside math mode: LaTeX stops with 'Missing $ inserted';"
                " put it inside \\[…\\] or an equation environment"
            )
        line, col = block.opening()
        findings.append(Finding(path, line, col, "error", "render/cases-outside-math", message))
    return findings


_NOT_AMSMATH_IN_MYST = frozenset({"math", "displaymath", "smallmatrix"})
#: Lines that end a paragraph-free context: a fence, a directive option, a heading, a closed display.
_NOT_PARAGRAPH = re.compile(r"^\s*(?:```|~~~|:::|:[\w-]+:|#|<!--|-->|\||\$\$\s*$|\\end\{)|\$\$\s*(?:\(\S+\))?\s*$|-->\s*$")


_MYST_SIGNS = re.compile(r"^(?:```+|:::+)\{[\w-]+\}|\{(?:math|eq|ref|numref|doc)\}`|^\([\w-]+\)=\s*$"
                         r"|^(?:jupytext|kernelspec|myst):", re.M)


def _looks_like_myst(source: str) -> bool:
    """Directives, roles, targets or Jupyter front matter: a page myst-parser will read.

    Other Markdown engines (Pandoc, kramdown, Obsidian, mystmd) accept ``$$`` inside a paragraph,
    so for plain Markdown the display-block rule is only a note.
    """
    return _MYST_SIGNS.search(source) is not None


def _not_own_block(path: str, source: str, blocks: list[MathBlock], severity: str = "warning") -> list[Finding]:
    """``$$`` and AMS environments must be blocks of their own in MyST (myst-parser, Jupyter Book 1).

    A ``$$`` on the line right after text cannot interrupt the paragraph, nor can one written inside
    a line: myst-parser then shows inline math between literal ``$`` signs. An AMS environment is
    math only when ``\\begin`` starts a line and ``\\end{…}`` ends one.
    """
    lines = LineMap(source)
    text_lines = source.split("\n")
    findings = []
    for block in blocks:
        is_env = block.delim == "env" and block.env is not None and env_base(block.env) not in INNER_ENVS \
            and env_base(block.env) not in _NOT_AMSMATH_IN_MYST
        if block.delim != "$$" and not is_env:
            continue
        start = lines.offset(block.line, block.col)
        opener = start if is_env else start - 2
        closer_end = start + len(block.text) + (0 if is_env else 2)
        line, col = lines.position(opener)
        before = text_lines[line - 1][: col - 1]
        previous = text_lines[line - 2] if line >= 2 else ""
        end_line = source.count("\n", 0, closer_end) + 1
        after = source[closer_end: source.find("\n", closer_end) if "\n" in source[closer_end:] else len(source)]
        what = f"\\begin{{{block.env}}}" if is_env else "$$"
        if before.strip():
            problem = f"{what} starts in the middle of a line"
        elif previous.strip() and not _NOT_PARAGRAPH.search(previous) and not is_env:
            problem = "$$ is on the line right after text, with no blank line between"
        elif after.strip() and not re.fullmatch(r"\s*\(\S+\)\s*", after):
            problem = f"text follows the closing {'of the environment' if is_env else '$$'} on line {end_line}"
        else:
            continue
        effect = ("myst-parser shows inline math between literal $ signs; leave a blank line around $$…$$"
                  if not is_env else "MyST shows the environment as text; put \\begin and \\end on lines of their own")
        findings.append(Finding(path, line, col, severity, "render/display-not-block", f"{problem}: {effect}"))  # type: ignore[arg-type]
    return findings


_PLAIN_WORDS = re.compile(r"[^\\^_={}$+*/<>|]*[A-Za-z\u0400-\u04ff\u4e00-\u9fff]{2}[^\\^_={}$+*/<>|]*")


def _brackets(path: str, blocks: list[MathBlock]) -> list[Finding]:
    """``\\[``/``\\(`` in Markdown: CommonMark reads a backslash escape, not a math delimiter."""
    findings = []
    for block in blocks:
        if block.delim not in ("\\[", "\\("):
            continue
        if block.delim == "\\(" and _PLAIN_WORDS.fullmatch(block.text):
            continue  # 梯度下降\(GD\): an escaped parenthesis around a word, which is what the author meant
        bracket = block.delim[1]
        use = "$$…$$ (or an AMS environment)" if block.delim == "\\[" else "$…$"
        message = (
            f"{block.delim} is not a math delimiter in MyST: CommonMark turns {block.delim} into {bracket};"
            f" use {use}"
        )
        line, col = block.opening()
        findings.append(Finding(path, line, col, "error", "render/bracket-not-math", message))
    return findings


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _quarto_beamer(source: str) -> bool:
    """A Markdown deck rendered to beamer (Quarto/Pandoc ``format: beamer`` in the front matter)."""
    m = _FRONT_MATTER.match(source)
    return m is not None and re.search(r"^\s*(?:format|output)\s*:.*$(?:\n\s+.*)*?beamer", m.group(1), re.M) is not None


def _is_beamer(source: str) -> bool:
    """Beamer class (``beamer``, ``ctexbeamer``…), ``beamerarticle``, or a frame-only fragment."""
    m = _DOCUMENTCLASS.search(source)
    if m:
        return "beamer" in m.group(1) or _BEAMERARTICLE.search(source) is not None
    return _FRAME.search(source) is not None


def _defined_macros(source: str) -> set[str]:
    """Names the document defines itself (``\\newcommand{\\alert}…``): those are not beamer's."""
    return {a or b for a, b in _DEFINITION.findall(source)}


def _beamer_macros(path: str, source: str, visible: str, markdown: bool) -> list[Finding]:
    """Every beamer-only command outside code and comments, at its backslash, unless defined here."""
    where = "KaTeX and MathJax do not define it" if markdown else "this document class does not define it"
    lines = LineMap(visible)
    defined = _defined_macros(source)
    findings = []
    for m in _COMMAND.finditer(visible):
        env, name = m.group(1), m.group(2)
        if env is not None and env in BEAMER_ENVS:
            what = f"\\begin{{{env}}} is a beamer environment"
        elif name is not None and name in BEAMER_MACROS and name not in defined:
            what = f"\\{name} is a beamer command"
        else:
            continue
        line, col = lines.position(m.start())
        findings.append(Finding(path, line, col, "error", "render/beamer-macro", f"{what}; {where}"))
    return findings


def _bare_linebreaks(path: str, blocks: list[MathBlock]) -> list[Finding]:
    """``\\\\`` at the top level of ``$$…$$``/``\\[…\\]``/``$…$``: it breaks nothing there."""
    findings = []
    for block in blocks:
        if block.delim not in _CLOSERS:
            continue
        for offset in _top_level_breaks(block.text)[:1]:  # one finding per block, at its first \\
            line, col = block.position(offset)
            message = (
                f"\\\\ directly inside {block.delim}…{_CLOSERS[block.delim]} outside any environment"
                " does not break the line in LaTeX or MathJax; wrap the lines in aligned (or use multline)"
            )
            findings.append(Finding(path, line, col, "warning", "render/linebreak-no-env", message))
    return findings


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


def _unused_footnotes(path: str, source: str, visible: str, blocks: list[MathBlock]) -> list[Finding]:
    """``[^x]:`` defined and never referenced: MyST drops it silently, so it was probably meant."""
    prose = _without_math(visible, source, blocks)
    used = {m.group(1).casefold() for m in _FOOTNOTE_REF.finditer(prose)}
    lines = LineMap(source)
    findings = []
    for m in _FOOTNOTE_DEF.finditer(prose):
        if m.group(1).casefold() in used:
            continue
        line, col = lines.position(m.start(1) - 2)
        message = f"footnote [^{m.group(1)}] is defined but never referenced; MyST drops it"
        findings.append(Finding(path, line, col, "warning", "render/footnote-unused", message))
    return findings


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


def _dollar_display(path: str, blocks: list[MathBlock]) -> list[Finding]:
    """``$$`` in LaTeX works but is plain TeX: wrong spacing, ignores fleqn and equation numbering."""
    findings = []
    for block in blocks:
        if block.delim == "$$":
            line, col = block.opening()
            message = "$$…$$ is plain-TeX display math; in LaTeX use \\[…\\] or an equation environment"
            findings.append(Finding(path, line, col, "info", "render/dollar-display-latex", message))
    return findings
