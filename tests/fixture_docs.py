"""Fixtures written once as Markdown and read in both flavours the checker tests its readings in."""
from __future__ import annotations

import re

from derive.check.run import check_document


def as_document(name: str, markdown: str) -> str:
    """The fixture for ``name``: as written for ``doc.md``, its first ``# heading`` a ``\\section`` for ``doc.tex``."""
    if name == "doc.md":
        return markdown
    title = re.search(r"^# (.+)$", markdown, re.M)
    assert title is not None, "a fixture starts with its heading"
    return markdown.replace(title.group(0), rf"\section{{{title.group(1)}}}", 1)


def as_sections(name: str, markdown: str) -> str:
    """The fixture for ``name`` when it has several parts: in LaTeX every ``#`` heading a ``\\section`` and every
    ``##`` one a ``\\subsection`` (a fixture whose readings depend on where a section starts)."""
    text = as_document(name, markdown)
    if name != "doc.tex":
        return text
    text = re.sub(r"^# (.+)$", r"\\section{\1}", text, flags=re.M)
    return re.sub(r"^## (.+)$", r"\\subsection{\1}", text, flags=re.M)


def verdicts_at(name: str, text: str, snippet: str) -> list[tuple[str, str]]:
    """``text`` checked as ``name``: the (verdict, reason) of the links on ``snippet``'s line."""
    return verdicts_on(check_document(name, text), line_of(text, snippet))


def slipped(text: str, old: str, new: str) -> str:
    """``text`` with its one occurrence of ``old`` replaced by ``new``: a planted slip (the fixture must hold ``old``
    exactly once, so a slip never lands somewhere else)."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, snippet: str) -> int:
    """The 1-based line of ``text`` that ``snippet`` first starts on."""
    return text[:text.index(snippet)].count("\n") + 1


def verdicts_on(report, line: int) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The (verdict, reason) of every link the report places on ``line``."""
    return [(k.verdict, k.reason) for k in report.links if k.line == line]


def error_lines(name: str, text: str) -> list[tuple[int, str]]:
    """(line, code) of every error the checker reports on ``text`` read as ``name``."""
    return [(f.line, f.code) for f in check_document(name, text).findings if f.severity == "error"]
