"""Findings as text lines, JSON, or GitHub workflow-command annotations."""
from __future__ import annotations

import json

from .run import CheckResult

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def summary(result: CheckResult) -> str:
    n = len(result.files)
    return (f"{result.count('error')} error(s), {result.count('warning')} warning(s), "
            f"{result.count('info')} note(s) in {n} file{'s' if n != 1 else ''}")


def as_text(result: CheckResult) -> str:
    lines = [f.text() for f in result.findings]
    lines.append(summary(result))
    return "\n".join(lines)


def as_json(result: CheckResult) -> str:
    return json.dumps({
        "files": result.files,
        "findings": [f.as_dict() for f in result.findings],
        "summary": {"errors": result.count("error"), "warnings": result.count("warning"),
                    "notes": result.count("info"), "files": len(result.files)},
    }, ensure_ascii=False, indent=2)


def _escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def as_github(result: CheckResult) -> str:
    lines = [f"::{_GITHUB_LEVEL[f.severity]} file={_escape(f.path, prop=True)},line={f.line},col={f.col},"
             f"title={_escape(f.code, prop=True)}::{_escape(f.message)}" for f in result.findings]
    lines.append(summary(result))
    return "\n".join(lines)
