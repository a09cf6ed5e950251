r"""Suppressions, the way linters do them: in the file, or per file in the project's config.

In the notes themselves::

    $$ w_t = … $$  <!-- derive: ignore[math/false] -->     (this line)
    <!-- derive: ignore[render] -->                        (a comment on a line of its own: the next block)
    % derive: ignore[math/undecided]                       (LaTeX, and MyST comments)
    <!-- derive: ignore-file[render/display-not-block] --> (the whole file)

A code matches itself, a family (``render`` or ``render/*``) or everything (no brackets). In
``pyproject.toml``::

    [tool.derive]
    exclude = ["drafts/**", "*.bak.md"]
    per-file-ignores = {"slides/*.tex" = ["render/beamer-macro"]}

A suppression that suppresses nothing is itself reported (``check/unused-suppression``), as ruff
reports an unused ``noqa``: stale suppressions hide the next real finding.
"""
from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field

from .findings import Finding

_DIRECTIVE = re.compile(r"(?:<!--|%)[ \t]*derive:[ \t]*(?P<kind>ignore-file|ignore)(?:\[(?P<codes>[^\]]*)\])?")
_COMMENT_LINE = re.compile(r"^[ \t]*(?:<!--.*-->|%.*)[ \t]*$")


@dataclass
class Directive:
    """One ``derive: ignore[…]`` comment: the codes it names and the lines it covers."""

    line: int
    col: int
    codes: tuple[str, ...]  # empty: every code
    first: int
    last: int
    used: bool = False

    def matches(self, finding: Finding) -> bool:
        return self.first <= finding.line <= self.last and code_matches(finding.code, self.codes)


@dataclass
class ProjectConfig:
    """``[tool.derive]`` of the nearest ``pyproject.toml`` above the checked files."""

    root: str = ""
    exclude: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def excluded(self, path: str) -> bool:
        rel = self.relative(path)
        return any(fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern)
                   for pattern in self.exclude)

    def ignored_codes(self, path: str) -> tuple[str, ...]:
        rel = self.relative(path)
        codes: list[str] = []
        for pattern, listed in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern):
                codes += listed
        return tuple(codes)

    def relative(self, path: str) -> str:
        if not self.root:
            return path.replace(os.sep, "/")
        return os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")


def code_matches(code: str, codes: tuple[str, ...]) -> bool:
    if not codes:
        return True
    family = code.split("/")[0]
    return any(c == code or c.rstrip("/*") == family or fnmatch.fnmatch(code, c) for c in codes)


def directives(source: str) -> tuple[list[Directive], list[Directive]]:
    """The line directives and the file directives of one document's text."""
    lines = source.split("\n")
    per_line, per_file = [], []
    for number, text in enumerate(lines, start=1):
        for m in _DIRECTIVE.finditer(text):
            codes = tuple(c.strip() for c in (m.group("codes") or "").split(",") if c.strip())
            if m.group("kind") == "ignore-file":
                per_file.append(Directive(number, m.start() + 1, codes, 1, len(lines)))
                continue
            first = last = number
            if _COMMENT_LINE.match(text):
                # On a line of its own: the next block (up to the next blank line after it starts).
                k = number
                while k < len(lines) and not lines[k].strip():
                    k += 1
                first = k + 1
                last = first
                while last < len(lines) and lines[last].strip():
                    last += 1
            per_line.append(Directive(number, m.start() + 1, codes, first, last))
    return per_line, per_file


def apply(path: str, source: str, findings: list[Finding], config: ProjectConfig | None = None) -> list[Finding]:
    """Findings minus the suppressed ones, plus a note for each suppression that suppressed nothing."""
    per_line, per_file = directives(source)
    from_config = config.ignored_codes(path) if config is not None else ()
    kept = []
    for finding in findings:
        if from_config and code_matches(finding.code, from_config):
            continue
        hits = [d for d in per_line + per_file if d.matches(finding)]
        for d in hits:
            d.used = True
        if not hits:
            kept.append(finding)
    for d in per_line + per_file:
        if not d.used:
            what = ", ".join(d.codes) if d.codes else "every code"
            kept.append(Finding(path, d.line, d.col, "info", "check/unused-suppression",
                                f"this suppression ({what}) suppresses nothing: remove it"))
    return kept


def load_config(start: str) -> ProjectConfig:
    """``[tool.derive]`` from the nearest ``pyproject.toml`` above ``start`` (not past a repository root)."""
    folder = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
    while True:
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate):
            table = _tool_derive(candidate)
            if table is not None:
                return ProjectConfig(folder, tuple(table.get("exclude", ())),
                                     {k: tuple(v) for k, v in dict(table.get("per-file-ignores", {})).items()})
        if os.path.exists(os.path.join(folder, ".git")) or os.path.dirname(folder) == folder:
            return ProjectConfig()
        folder = os.path.dirname(folder)


def _tool_derive(path: str) -> dict | None:
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as err:
        from ..errors import NotesError

        raise NotesError(f"cannot read [tool.derive]: {err}", path=path) from None
    if b"derive" not in raw:
        return None  # no table of ours in any TOML spelling: not worth a TOML parser at every start
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    from ..errors import NotesError

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise NotesError(f"cannot read [tool.derive]: {err}", path=path) from None
    table = data.get("tool", {}).get("derive")
    return table if isinstance(table, dict) else None
