"""What the notes checker reports: one :class:`Finding` per problem, with a file position.

Every stage of the checker (extract, lint, parse, verify) produces findings of this one type, so the
reporters (text, JSON, GitHub annotations) and the exit code are computed in one place.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]

SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at ``path:line:col`` (1-based). ``code`` is a stable kebab-case identifier."""

    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def text(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}[{self.code}] {self.message}"
