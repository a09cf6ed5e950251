"""Running the checker over files: extract → lint → parse → bind/verify → compare with the catalog.

This is the one place that knows the order of the stages; each stage is a function of its own module
and returns :class:`~derive.check.findings.Finding` objects, so reporting and exit codes are uniform.
"""
from __future__ import annotations

import functools
import os
import re
import time
import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from ..errors import NotesError, debug_traceback
from . import suppress
from .files import DEFAULT_MAX_BYTES, INPUT_CODES
from .findings import SEVERITY_ORDER, FileReport, Finding, Link

if TYPE_CHECKING:
    from .document import Document

NOTE_SUFFIXES = (".md", ".markdown", ".myst", ".qmd", ".rmd", ".ipynb", ".tex", ".ltx")
_SKIP_DIRS = {".git", "node_modules", "_build", ".venv", "venv", "__pycache__", ".ipynb_checkpoints"}
_DEFINED_MACRO = re.compile(r"\\(?:(?:re)?newcommand\*?|providecommand\*?|DeclareMathOperator\*?|"
                            r"DeclarePairedDelimiter(?:X|XPP)?\*?|let)\s*\{?\s*(\\[A-Za-z]+)"
                            r"|\\def\s*(\\[A-Za-z]+)"
                            r"|^\s*['\"]?\\{1,2}([A-Za-z]+)['\"]?\s*:",  # MyST front matter: math: '\R': …
                            re.M)


@dataclass(frozen=True)
class CheckOptions:
    """Everything besides a file's content that decides its report (and so is part of a cache key)."""

    flavor: str | None = None  # force a dialect instead of deciding it from evidence
    link_seconds: float = 2.0  # the time budget of one link
    timeout: float | None = 60.0  # the time budget of one file (None: none); then a checker/timeout finding
    max_bytes: int = DEFAULT_MAX_BYTES  # larger files are not read (an input/too-large finding)
    #: the folders named on the command line: with no ``.git`` above a note they bound the files it may read
    #: (a course preamble ``\input{../../latex-math/basic-math}`` two folders up), never anything outside them
    roots: tuple[str, ...] = ()


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



#: A differential set upright as one word: ``\mathrm{dx}``, ``\text{du}``, ``{\rm dt}``.
#: (Only the letters differentials are taken in: ``\text{de}`` is a word of French or Spanish.)
_UPRIGHT_DIFFERENTIAL = re.compile(r"(\\(?:mathrm|text|textrm|operatorname)\s*\{\s*d)([xyztuvwsrpq])\}"
                                   r"|(\{\\rm\s+d)([xyztuvwsrpq])\}")


def upright_differentials(text: str) -> str:
    r"""``text`` with each differential set upright as one word written as the upright d before its letter
    (``\mathrm{dx}`` → ``\mathrm{d}x``, ``{\rm du}`` → ``{\rm d}u``): the same length, so every offset holds; read
    as one word, ``∫ … \mathrm{dx}`` was an integral without its differential."""
    return _UPRIGHT_DIFFERENTIAL.sub(lambda m: f"{m.group(1)}}}{m.group(2)}" if m.group(1)
                                     else f"{m.group(3)}}}{m.group(4)}", text)

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
        if entry not in paths and _config(entry).excluded(entry):
            continue  # [tool.derive] exclude, for files found in folders (as ruff does)
        out.append(entry)
    return out


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
            return check_document(path, source, options, started=time.monotonic())
    except HardBudgetExceeded:
        return timeout_report(path, options.timeout)


#: The share of a file's budget after which no further display is verified: the rest of the links are reported
#: undecided with the reason, and the hard budget (the whole of it) stays for input that stalls elsewhere.
SOFT_SHARE = 0.75


def check_document(path: str, source: str, options: CheckOptions = CheckOptions(), *,
                   started: float | None = None) -> FileReport:
    """The report for one document given as text (a notebook as its JSON); with ``started`` (a
    ``time.monotonic()``), verification stops at :data:`SOFT_SHARE` of ``options.timeout`` after it."""
    from .document import read_document

    doc = read_document(path, source, options.flavor, roots=options.roots)
    deadline = None
    if started is not None and options.timeout is not None:
        deadline = (started + SOFT_SHARE * options.timeout, options.timeout)
    findings, links = _check(doc, deadline)
    findings += _silence(doc, links)
    findings = suppress.apply(path, doc.source, findings, _config(path))
    findings = [doc.relocate(f) for f in findings]
    links = [doc.relocate(k) for k in links]
    ordered = sorted(set(findings), key=lambda f: (f.cell or 0, f.line, f.col, SEVERITY_ORDER[f.severity], f.code,
                                                   f.message))
    links.sort(key=lambda k: (k.cell or 0, k.line, k.col))
    here = os.path.abspath(path)
    depends = sorted({m.origin.path for m in doc.macros.macros.values()
                      if m.origin.path and os.path.abspath(m.origin.path) != here and os.path.isfile(m.origin.path)})
    return FileReport(path, doc.flavor.name, ordered, links, depends, doc.flavor.as_dict())


@functools.lru_cache(maxsize=64)
def _config_for(folder: str) -> suppress.ProjectConfig:
    return suppress.load_config(folder)


def _config(path: str) -> suppress.ProjectConfig:
    """``[tool.derive]`` for a file (read once per folder)."""
    return _config_for(os.path.dirname(os.path.abspath(path)))


#: A LaTeX file that pulls in text from others: ``\input{body}``, ``\include{ch1}``, ``\subfile{…}``.
_PULLS_IN = re.compile(r"\\(?:input|include\*?|subfile|import|subimport)\s*\{([^{}]+)\}")


def _silence(doc: "Document", links: list[Link]) -> list[Finding]:
    r"""Silence is never a pass: a file with math where nothing was decided says so, and a LaTeX root whose text
    is all in the files it ``\input``s (their math is not read from here) names them."""
    if not doc.blocks and doc.kind == "latex" and (pulled := list(_PULLS_IN.finditer(doc.visible))):
        line = doc.source.count("\n", 0, pulled[0].start()) + 1
        names = ", ".join(dict.fromkeys(m.group(1).strip() for m in pulled[:4])) + (", …" if len(pulled) > 4 else "")
        return [Finding(doc.path, line, 1, "info", "check/text-elsewhere",
                        f"no math in this file: its text is in the files it pulls in ({names}), which are checked "
                        "on their own (check them, or the folder)")]
    unread = []
    if doc.code_math:  # `$$…$$` in backticks on a site that loads no math-code.js: code on the page, never checked
        line = doc.source.count("\n", 0, doc.code_math[0]) + 1
        col = doc.code_math[0] - (doc.source.rfind("\n", 0, doc.code_math[0]) + 1) + 1
        unread.append(Finding(doc.path, line, col, "info", "check/math-in-code",
                              f"{len(doc.code_math)} code span(s) hold math (`$…$`): the page shows them as code, so "
                              "they are not checked (a site script such as math-code.js would typeset them)"))
    if not doc.blocks or any(k.verdict in ("proved", "false") for k in links):
        return unread
    line, col = doc.blocks[0].opening()
    if not links:
        message = f"{len(doc.blocks)} math block(s), but no equality to check"
    else:
        counts = {v: sum(1 for k in links if k.verdict == v) for v in ("undecided", "not-a-claim")}
        message = (f"{len(links)} equality link(s), none decided ({counts['undecided']} undecided, "
                   f"{counts['not-a-claim']} not a claim): see --show undecided")
    return [*unread, Finding(doc.path, line, col, "info", "check/nothing-decided", message)]


def _renderer(doc: "Document") -> object:
    """The renderer that will show the page, from its flavour and its project's config (None: lint decides
    from the file, as for a LaTeX source whose class says beamer or not)."""
    from .renderers import renderer_for

    if doc.kind == "latex":
        return None
    flavor = doc.flavor.markdown if doc.flavor.name == "ipynb" and doc.flavor.markdown == "myst" else doc.flavor.name
    config = dict(doc.flavor.config.data) if doc.flavor.config is not None else {}
    if doc.flavor.config is not None and doc.flavor.config.kind == "jekyll":
        config = {}
    config.update(doc.flavor.front_matter)
    return renderer_for(flavor or "gfm", config or None)


def _check(doc: "Document", deadline: tuple[float, float] | None = None) -> tuple[list[Finding], list[Link]]:
    """Lint, parse, bind and verify one document; every stage reads the same model. ``deadline``: (the
    monotonic time after which no display is verified, the file's budget in seconds for the message)."""
    from ..symbols import any_real
    from .real_letters import real_letters

    with any_real(real_letters(doc.visible)):  # "let t be any real number": no longer the positive step t
        return _check_read(doc, deadline)


def _check_read(doc: "Document", deadline: tuple[float, float] | None) -> tuple[list[Finding], list[Link]]:
    """:func:`_check` with the document's letter readings in force (the parse and the verdicts read symbols)."""
    from ..lazy_sympy import defer_tensor_module, skip_futile_infinity_question
    from .catalog_match import match_systems
    from .decay_sign import grown_weights
    from .decimal_comma import as_points, uses_decimal_comma, written_in_math
    from .named_laws import misnamed_laws
    from .named_rules import compare_rules
    from .step_direction import check_directions
    from .function_letters import (EXPECTATION_E, defined_letters, expectation_letter, integrand_letters,
                                   matrix_letters, primed_letters, signature_letters)
    from .latex import DEFAULT_FUNCTIONS, parse_block
    from .layer_labels import layer_letters, numbered_layers
    from .step_superscripts import stepped_letters, stepped_vectors
    from .euler import e_is_a_name
    from .imaginary import as_imaginary, imaginary_letter
    from .lint import lint
    from .macros import expand, remap_parsed
    from .prime_transpose import as_transposes, primes_transpose, t_as_transposes, t_transposes
    from .prose import algorithm_groups, cues, zero_initialized
    from .transpose_t import t_is_transpose
    from .verify import DocumentChecker

    defer_tensor_module()
    skip_futile_infinity_question()
    path, source, blocks = doc.path, doc.source, list(doc.blocks)
    findings = list(lint(path, source, blocks, _renderer(doc), (doc.visible, doc.kind == "markdown")))
    parsed = []
    # Macros in force (the file, its front matter, \input preambles, the project's config): each block
    # is expanded before parsing, and every offset of the parse is mapped back to the block as written.
    table = doc.macros
    for note in table.notes:
        where = note.line if os.path.abspath(note.path) == os.path.abspath(path) else 1
        elsewhere = "" if where == note.line and note.line else f"{note.path}:{note.line}: " if note.line else f"{note.path}: "
        findings.append(Finding(path, max(where, 1), 1, "info", "parse/macro-source", elsewhere + note.message))
    own_macros = {a or b or "\\" + c for a, b, c in _DEFINED_MACRO.findall(source)} | set(table.names())
    fragment = doc.kind == "latex" and "\\documentclass" not in doc.visible
    reported: set[str] = set()
    wrapped: set[str] = set()
    expansions = [expand(block.text, table) for block in blocks]
    primed = primes_transpose(e.text for e in expansions)
    if primed:  # f(x) = ½x^\prime Ax − x^\prime b: R's transposes
        expansions = [dataclasses.replace(e, text=as_transposes(e.text)) for e in expansions]
    lower_t = t_transposes(e.text for e in expansions)
    if lower_t:  # ‖Xw − y‖² = (Xw − y)^t(Xw − y) = w^tX^tXw − …: the same, with a lower-case t
        expansions = [dataclasses.replace(e, text=t_as_transposes(e.text)) for e in expansions]
    expansions = [dataclasses.replace(e, text=upright_differentials(e.text)) for e in expansions]  # \mathrm{dx}
    # "ist $1-\alpha = 1-0,05 = 0,95$": a decimal comma, read as a point, by the prose's language or when the
    # formulas write 0,0123 and 0,2345 (no list is written so); in notes that mostly write points (B(2100,1/2000))
    # one line "1-0,0064-0,0401 = 0.9535" still is
    every = uses_decimal_comma(doc.visible) or written_in_math(e.text for e in expansions)
    commas = frozenset(block for block, e in zip(blocks, expansions) if every or written_in_math([e.text]))
    expansions = [dataclasses.replace(e, text=as_points(e.text)) if block in commas else e
                  for block, e in zip(blocks, expansions)]
    transpose_t = t_is_transpose(e.text for e in expansions)  # ^T: a transpose unless T is a quantity somewhere
    # s(z) = 1/(1 + e^{-z}) somewhere: s is a function in every block, so s'(z) = … is a claim about it
    # x^⊤Qx, Q ∈ ℝ^{n×n} somewhere: Q is a matrix, and Q^{-1}(Qx − p) a product, unless Q(w) = … is defined too
    defined = defined_letters(e.text for e in expansions)
    defined |= integrand_letters(e.text for e in expansions)  # ∫_a^b r(s) ds: a rate that varies over the range
    defined |= signature_letters(e.text for e in expansions)  # r_i : ℝⁿ → ℝ: r_1(x)^2 squares a residual
    defined |= primed_letters(e.text for e in expansions)  # Ψ'(n) = E_n[T]: Ψ is a function wherever applied
    functions = (DEFAULT_FUNCTIONS - matrix_letters((e.text for e in expansions), DEFAULT_FUNCTIONS)) | defined
    if expectation_letter(doc.visible, (e.text for e in expansions)):
        functions |= {EXPECTATION_E}  # "期待値は E(x) = ∫x f(x)dx": a bare E(x²) is the expectation of x²
    layers = layer_letters(e.text for e in expansions)  # ∂C/∂z_j^L somewhere: ^L labels a layer in every block
    layers |= numbered_layers(e.text for e in expansions)  # w_{10}^{1} and w_{10}^{2}: numbered layers
    steps = stepped_vectors(e.text for e in expansions)  # \mathbf{x}^{k+1} = \mathbf{x}^k − …: x^0 is a step
    steps |= stepped_letters(e.text for e in expansions)  # h^k = βh^{k-1} + (1 − β)w^k and h^1 = w^1: h^2 is a step
    e_name = e_is_a_name(e.text for e in expansions)  # e = y − ŷ somewhere: e^2 is the error squared
    imaginary = imaginary_letter((e.text for e in expansions), doc.visible)  # i² = −1 somewhere: i is √−1
    for block, expansion in zip(blocks, expansions):
        pb = remap_parsed(parse_block(expansion.text, functions=functions, transpose_t=transpose_t, layers=layers,
                                      steps=steps, e_name=e_name), expansion)
        for problem in expansion.problems:
            line, col = block.position(min(problem.start, len(block.text) - 1))
            findings.append(Finding(path, line, col, "warning", "parse/macro", problem.message))
        for name, offset in pb.transparent:
            if name not in wrapped:
                wrapped.add(name)
                line, col = block.position(min(offset, len(block.text) - 1))
                findings.append(Finding(path, line, col, "info", "parse/wrapper-macro",
                                        f"{name}{{…}} is defined nowhere the checker can see: read as its argument"))
        for name, offset in pb.unknown_macros:
            if name in own_macros or name in reported:
                continue  # defined by the document (\newcommand, front matter), or already reported
            reported.add(name)
            line, col = block.position(min(offset, len(block.text) - 1))
            # A .tex fragment gets its macros from a preamble we cannot see: a note, not a warning.
            findings.append(Finding(path, line, col, "info" if fragment else "warning", "parse/unknown-macro",
                                    f"unknown macro {name}: the expressions that use it are not checked"))
        if imaginary:
            as_imaginary(pb, imaginary)
        parsed.append(pb)
    checker = DocumentChecker(path, blocks, parsed, list(doc.sections), cues(source, blocks),
                              groups=algorithm_groups(doc.visible, blocks), zero_init=zero_initialized(doc.visible),
                              text=doc.visible, deadline=deadline, levels=list(doc.section_levels))
    checker.source = source  # (what a code block assigns: a function defined anew where the math does not show it)
    checker.macro_table = table  # the matrix reader reads the sides as written, macros expanded
    checker.t_transposes = lower_t  # and (Xw − y)^t(Xw − y) as (Xw − y)^T(Xw − y)
    checker.primes_transpose = primed  # the matrix reader reads X^\prime WX as the blocks were parsed: X^\top WX
    checker.decimal_commas = commas  # the number rules read 0,0064 as its digits: 0.0064
    checker.e_name = e_name  # e = ŷ − y in one section: "e ≈ −0.2891" in the next is that error, not Euler's number
    try:
        findings += checker.verify()
        if not checker.out_of_time:
            findings += match_systems(checker)
            findings += compare_rules(checker)
            findings += check_directions(checker)
            findings += grown_weights(checker)
            findings += misnamed_laws(checker)
    except Exception as exc:  # noqa: BLE001 - a checker bug must not hide the rest of the report
        debug_traceback()
        findings += checker.findings
        findings.append(Finding(path, 1, 1, "warning", "checker/internal-error",
                                f"the algebra of this file was only partly checked: {type(exc).__name__}: {exc}"))
    return findings, checker.links()


def check_paths(paths: Iterable[str], options: CheckOptions = CheckOptions(), *, jobs: int = 1,
                cache: object = None) -> CheckResult:
    """Every file below ``paths``, ``jobs`` at a time, in a fixed order (see :mod:`derive.check.pool`);
    paths that cannot be checked become ``input/…`` findings in their place."""
    from .files import collect
    from .pool import check_all

    from .files import Problem

    named = set(paths := list(paths))
    if not options.roots:  # the folders the user named bound what a note may read (see CheckOptions.roots)
        options = dataclasses.replace(options, roots=tuple(sorted(os.path.abspath(p) for p in named if os.path.isdir(p))))
    entries = [e for e in collect(paths, NOTE_SUFFIXES, _SKIP_DIRS)
               if isinstance(e, Problem) or e in named or not _config(e).excluded(e)]  # [tool.derive] exclude
    return CheckResult(check_all(entries, options, jobs=jobs, cache=cache))  # type: ignore[arg-type]
