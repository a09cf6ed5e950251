"""Findings and links as text lines, JSON, or GitHub workflow-command annotations."""
from __future__ import annotations

import json

from .findings import LINK_VERDICTS, FileReport, Link
from .run import CheckResult

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def link_summary(links: list[Link]) -> str:
    """``12 links: 8 proved, 1 false, 2 undecided, 1 not a claim``."""
    counts = {v: 0 for v in LINK_VERDICTS}
    for link in links:
        counts[link.verdict] += 1
    parts = ", ".join(f"{n} {v.replace('-', ' ')}" for v, n in counts.items())
    return f"{len(links)} link{'s' if len(links) != 1 else ''}: {parts}"


def summary(result: CheckResult) -> str:
    n = len(result.files)
    return (f"{result.count('error')} error(s), {result.count('warning')} warning(s), "
            f"{result.count('info')} note(s) in {n} file{'s' if n != 1 else ''}; {link_summary(result.links)}")


def _file_line(report: FileReport) -> str:
    return f"{report.path}: {link_summary(report.links)} [{report.flavor}]"


def as_text(result: CheckResult, show: frozenset[str] = frozenset()) -> str:
    lines = [f.text() for f in result.findings]
    if show:
        lines += [k.text() for k in result.links if k.verdict in show]
    lines += [_file_line(r) for r in result.reports]
    lines.append(summary(result))
    return "\n".join(lines)


def as_json(result: CheckResult, show: frozenset[str] = frozenset()) -> str:
    counts = {v: sum(1 for k in result.links if k.verdict == v) for v in LINK_VERDICTS}
    return json.dumps({
        "files": [{"path": r.path, "flavor": r.flavor, "decided": r.decided,
                   "links": {v: sum(1 for k in r.links if k.verdict == v) for v in LINK_VERDICTS}}
                  for r in result.reports],
        "findings": [f.as_dict() for f in result.findings],
        "links": [k.as_dict() for k in result.links],
        "summary": {"errors": result.count("error"), "warnings": result.count("warning"),
                    "notes": result.count("info"), "files": len(result.files), "links": len(result.links), **counts},
    }, ensure_ascii=False, indent=2)


def _escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def as_github(result: CheckResult, show: frozenset[str] = frozenset()) -> str:
    lines = [f"::{_GITHUB_LEVEL[f.severity]} file={_escape(f.path, prop=True)},line={f.line},col={f.col},"
             f"title={_escape(f.code, prop=True)}::{_escape(f.message)}" for f in result.findings]
    lines += [f"::notice file={_escape(k.path, prop=True)},line={k.line},col={k.col},"
              f"title={_escape('link/' + k.verdict, prop=True)}::{_escape(k.reason or k.verdict)}"
              for k in result.links if k.verdict in show]
    lines.append(summary(result))
    return "\n".join(lines)
