"""What the notes checker reports: findings (problems) and links (every equality it met, with a verdict).

Every stage of the checker (read, lint, parse, verify) produces :class:`Finding` objects, and the
verifier records one :class:`Link` per equality link it meets, so "checked and fine" can be told from
"never looked at". One file's results are a :class:`FileReport`: a plain, JSON-serializable value, so
that it can be cached, computed in a worker process, and merged in a fixed order.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]

SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}

#: What a link of an equality chain was found to be.
LinkVerdict = Literal["proved", "false", "undecided", "not-a-claim"]
LINK_VERDICTS: tuple[str, ...] = ("proved", "false", "undecided", "not-a-claim")


def location(path: str, line: int, col: int, cell: int | None = None) -> str:
    """``path:line:col``, or ``path:cell N:line:col`` inside a notebook (ruff's convention)."""
    return f"{path}:cell {cell}:{line}:{col}" if cell is not None else f"{path}:{line}:{col}"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at ``path:line:col`` (1-based). ``code`` is a stable kebab-case identifier.

    In a notebook, ``cell`` is the 1-based cell number and ``line``/``col`` count within that cell.
    """

    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str
    cell: int | None = None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def text(self) -> str:
        return f"{location(self.path, self.line, self.col, self.cell)}: {self.severity}[{self.code}] {self.message}"


@dataclass(frozen=True)
class Link:
    """One link ``left relation right`` of an equality chain, and what the checker made of it.

    ``reason`` says why for every verdict but ``proved`` (and may add detail there): the kind of
    non-claim (definition, assignment, condition, approximation, …) or what kept it undecided.
    ``left``/``right`` are the two sides as written in the source.
    """

    path: str
    line: int
    col: int
    verdict: LinkVerdict
    reason: str
    left: str
    right: str
    relation: str = "="
    cell: int | None = None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def text(self) -> str:
        why = f": {self.reason}" if self.reason else ""
        return f"{location(self.path, self.line, self.col, self.cell)}: {self.verdict}{why}: {self.left} {self.relation} {self.right}"


@dataclass
class FileReport:
    """Everything the checker found in one file. ``flavor`` is the dialect it was read as."""

    path: str
    flavor: str = ""
    findings: list[Finding] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    depends: list[str] = field(default_factory=list)  # other files it read (a macro preamble): for the cache
    decided: dict[str, Any] = field(default_factory=dict)  # how the flavour was decided (engine, evidence)

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "flavor": self.flavor, "depends": list(self.depends), "decided": self.decided,
                "findings": [f.as_dict() for f in self.findings], "links": [k.as_dict() for k in self.links]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "FileReport":
        return cls(data["path"], data.get("flavor", ""), [Finding(**f) for f in data.get("findings", [])],
                   [Link(**k) for k in data.get("links", [])], list(data.get("depends", [])),
                   dict(data.get("decided", {})))

    def link_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(LINK_VERDICTS, 0)
        for link in self.links:
            counts[link.verdict] += 1
        return counts
