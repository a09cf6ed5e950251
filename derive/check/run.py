"""Running the checker over files: extract → lint → parse → bind/verify → compare with the catalog.

This is the one place that knows the order of the stages; each stage is a function of its own module
and returns :class:`~derive.check.findings.Finding` objects, so reporting and exit codes are uniform.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from ..errors import NotesError
from .files import DEFAULT_MAX_BYTES, INPUT_CODES
from .findings import SEVERITY_ORDER, FileReport, Finding, Link

NOTE_SUFFIXES = (".md", ".markdown", ".myst", ".tex", ".ltx")
_SKIP_DIRS = {".git", "node_modules", "_build", ".venv", "venv", "__pycache__", ".ipynb_checkpoints"}
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]", re.M)
_DEFINED_MACRO = re.compile(r"\\(?:(?:re)?newcommand\*?|providecommand\*?|DeclareMathOperator\*?|"
                            r"DeclarePairedDelimiter(?:X|XPP)?\*?|let)\s*\{?\s*(\\[A-Za-z]+)"
                            r"|\\def\s*(\\[A-Za-z]+)"
                            r"|^\s*['\"]?\\{1,2}([A-Za-z]+)['\"]?\s*:",  # MyST front matter: math: '\R': …
                            re.M)
_TEX_HEADING = re.compile(r"\\(?:part|chapter|section|subsection|subsubsection)\*?\s*[{\[]")


@dataclass(frozen=True)
class CheckOptions:
    """Everything besides a file's content that decides its report (and so is part of a cache key)."""

    flavor: str | None = None  # force a dialect instead of deciding it from evidence
    link_seconds: float = 2.0  # the time budget of one link
    timeout: float | None = 60.0  # the time budget of one file (None: none); then a checker/timeout finding
    max_bytes: int = DEFAULT_MAX_BYTES  # larger files are not read (an input/too-large finding)


@dataclass
class CheckResult:
    """The reports of a run, in the order the files were named."""

    reports: list[FileReport] = field(default_factory=list)

    @property
    def files(self) -> list[str]:
        return [r.path for r in self.reports]

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.reports for f in r.findings]

    @property
    def links(self) -> list[Link]:
        return [k for r in self.reports for k in r.links]

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def exit_code(self, strict: bool = False) -> int:
        """0 clean, 1 errors (``strict``: warnings too), 2 some path could not be checked at all."""
        if any(f.code in INPUT_CODES for f in self.findings):
            return 2
        if self.count("error") or (strict and self.count("warning")):
            return 1
        return 0


def collect_paths(paths: Iterable[str]) -> list[str]:
    """Files to check: each file named, and every notes file below each folder named (sorted);
    a path that does not exist raises :class:`NotesError` (``check_paths`` reports it instead)."""
    from .files import Problem, collect

    out: list[str] = []
    for entry in collect(paths, NOTE_SUFFIXES, _SKIP_DIRS):
        if isinstance(entry, Problem):
            if entry.report.findings[0].code == "input/missing":
                raise NotesError("no such file or folder", path=entry.report.path)
            continue
        out.append(entry)
    return out


def section_lines(kind: str, visible: str) -> list[int]:
    """Lines where a new section starts: definitions do not carry over a heading."""
    pattern = _MD_HEADING if kind == "markdown" else _TEX_HEADING
    return [visible.count("\n", 0, m.start()) + 1 for m in pattern.finditer(visible)]


def check_source(path: str, source: str) -> list[Finding]:
    """All findings for one document given as text."""
    return check_document(path, source).findings


def check_file(path: str, options: CheckOptions = CheckOptions()) -> FileReport:
    """Read one file and check it within ``options.timeout``; a file that cannot be read (not a
    regular file, too large, not UTF-8) raises :class:`NotesError` (an ``InputError`` with its code)."""
    from ..budget import HardBudgetExceeded, time_budget
    from .files import read_note, timeout_report

    source = read_note(path, options.max_bytes)
    try:
        with time_budget(options.timeout, hard=True):
            return check_document(path, source, options)
    except HardBudgetExceeded:
        return timeout_report(path, options.timeout)


def check_document(path: str, source: str, options: CheckOptions = CheckOptions()) -> FileReport:
    """The report for one document given as text."""
    from .catalog_match import match_systems
    from .extract import scan
    from .latex import parse_block
    from .lint import lint
    from .verify import DocumentChecker

    scanned = scan(path, source)
    blocks = list(scanned.blocks)
    findings = list(lint(path, source, blocks))
    parsed = []
    own_macros = {a or b or "\\" + c for a, b, c in _DEFINED_MACRO.findall(source)}
    fragment = scanned.kind == "latex" and "\\documentclass" not in scanned.visible
    reported: set[str] = set()
    for block in blocks:
        pb = parse_block(block.text)
        for name, offset in pb.unknown_macros:
            if name in own_macros or name in reported:
                continue  # defined by the document (\newcommand, front matter), or already reported
            reported.add(name)
            line, col = block.position(min(offset, len(block.text) - 1))
            # A .tex fragment gets its macros from a preamble we cannot see: a note, not a warning.
            findings.append(Finding(path, line, col, "info" if fragment else "warning", "parse/unknown-macro",
                                    f"unknown macro {name}: the expressions that use it are not checked"))
        parsed.append(pb)
    checker = DocumentChecker(path, blocks, parsed, section_lines(scanned.kind, scanned.visible),
                              *prose_cues(source, blocks), groups=algorithm_groups(scanned.visible, blocks))
    try:
        findings += checker.verify()
        findings += match_systems(checker)
    except Exception as exc:  # noqa: BLE001 - a checker bug must not hide the rest of the report
        findings += checker.findings
        findings.append(Finding(path, 1, 1, "warning", "checker/internal-error",
                                f"the algebra of this file was only partly checked: {type(exc).__name__}: {exc}"))
    ordered = sorted(set(findings), key=lambda f: (f.line, f.col, SEVERITY_ORDER[f.severity], f.code, f.message))
    return FileReport(path, scanned.kind, ordered, [])


_CUE = re.compile(
    r"(?:\b(?:let|define|denote|set|suppose|assume|consider|where|here|now take|take)\b"
    r"|(?:пусть|положим|обозначим|рассмотрим|где|здесь|возьм[её]м|введ[её]м|определим|зададим)"
    r"|(?:令|设|记作|记为|定义|其中|假设))", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?。！？]\s|\n\s*\n")


_CLAIM_CUE = re.compile(
    r"(?:\b(?:hence|thus|therefore|so|we get|we obtain|this gives|which gives|it follows)\b"
    r"|(?:значит|следовательно|итак|получаем|получим|имеем|откуда|тогда)"
    r"|(?:因此|所以|于是|得到|可得))", re.IGNORECASE)


_ALGORITHM = re.compile(r"\\begin\{(algorithmic|algorithm2e|algorithm)\*?\}(.*?)\\end\{\1\*?\}", re.S)


def algorithm_groups(visible: str, blocks: list) -> dict[int, int]:
    """Blocks inside one ``algorithmic`` (``\\State $m_t \\gets …$`` rows): block number -> group."""
    from .extract import LineMap

    lines = LineMap(visible)
    spans = [(m.start(), m.end()) for m in _ALGORITHM.finditer(visible)]
    groups: dict[int, int] = {}
    for number, block in enumerate(blocks):
        start = lines.offset(block.line, block.col)
        for g, (a, b) in enumerate(spans):
            if a <= start < b:
                groups[number] = g
    return groups


_CONDITION_CUE = re.compile(
    r"(?:\b(?:if|when|whenever|assume|assuming|need|needs|require|requires|condition|steady state|"
    r"special case)\b|^\s*with\b"
    r"|(?:если|когда|нужно|необходимо|требуется|услови|стационар)"
    r"|(?:若|如果|当|需要|条件|稳态))", re.IGNORECASE)


def prose_cues(source: str, blocks: list) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
    """Blocks whose sentence, up to the formula, says it defines ("Let $m_t = …$", "где", "令") and
    blocks it says are consequences ("Hence $w_t = …$", "Значит", "因此").

    A formula introduced as a definition is a (re)definition, not a claim about earlier ones; a
    formula introduced as a consequence of an earlier naming is a claim to check against it; one under
    a condition ("if", "when", "we need", "в стационарном режиме", "若") holds only there: not checked.
    """
    from .extract import LineMap

    lines = LineMap(source)
    defining, claiming, conditional = set(), set(), set()
    for number, block in enumerate(blocks):
        start = lines.offset(block.line, block.col)
        before = source[max(0, start - 160):start]
        ends = list(_SENTENCE_END.finditer(before))
        sentence = before[ends[-1].end():] if ends else before
        clause = re.split(r"\$[^$]*\$", sentence)[-1]  # the words since the sentence's last formula
        sentence = re.sub(r"\$[^$]*\$", " ", sentence)  # earlier inline formulas of the sentence
        if _CONDITION_CUE.search(sentence):
            conditional.add(number)  # "With λ' = 0 the step is …": the whole sentence is conditional
        if _CUE.search(clause):
            defining.add(number)  # "Let n = …; then …": "Let" introduces the first formula only
        elif _CLAIM_CUE.search(clause):
            claiming.add(number)
    return frozenset(defining), frozenset(claiming), frozenset(conditional)


def check_paths(paths: Iterable[str], options: CheckOptions = CheckOptions(), *, jobs: int = 1,
                cache: object = None) -> CheckResult:
    """Every file below ``paths``, ``jobs`` at a time, in a fixed order (see :mod:`derive.check.pool`);
    paths that cannot be checked become ``input/…`` findings in their place."""
    from .files import collect
    from .pool import check_all

    entries = collect(paths, NOTE_SUFFIXES, _SKIP_DIRS)
    return CheckResult(check_all(entries, options, jobs=jobs, cache=cache))  # type: ignore[arg-type]
