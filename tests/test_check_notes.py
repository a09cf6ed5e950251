"""The checker on whole documents: exactly the listed errors, on the listed lines, nothing else.

``tests/notes`` are the shared sample notes (``*.expected.json`` gives each real mistake's line and
kind); ``tests/docs`` are documents of the same kind written for these tests (founding-exercise
mistakes, a correct exercise, a geometric-sum off-by-one), whose expectations name the code.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from derive.check.extract import read_source
from derive.check.run import check_source

HERE = Path(__file__).parent
# The shared samples, and fourteen more documents of the same kind written for these tests (their
# expectations use the samples' schema: a line and a kind for every real mistake).
NOTES = sorted((HERE / "notes").glob("*.md")) + sorted(
    p for p in (HERE / "docs" / "samekind").iterdir() if p.suffix in (".md", ".tex"))
DOCS = sorted((HERE / "docs").glob("*.md")) + sorted((HERE / "docs").glob("*.tex"))


def _errors(path: Path) -> list:
    return [f for f in check_source(str(path), read_source(str(path))) if f.severity == "error"]


def _kind(code: str) -> str:
    return "render" if code.startswith("render/") else "math"


@pytest.mark.parametrize("path", NOTES, ids=[p.name for p in NOTES])
def test_sample_notes_report_exactly_the_expected_errors(path: Path) -> None:
    # The samples' schema gives a line and a kind (math/render) per mistake; each entry also names the
    # finding's code, so that an error reported for the wrong reason on the right line still fails.
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text())
    assert all(_kind(e["code"]) == e["kind"] for e in expected["errors"])
    want = Counter((e["line"], e["code"]) for e in expected["errors"])
    got = Counter((f.line, f.code) for f in _errors(path))
    assert got == want


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_documents_report_exactly_the_expected_errors(path: Path) -> None:
    stem = path.name.split(".")[0]
    expected = json.loads((path.parent / f"{stem}.expected.json").read_text())
    want = Counter((e["line"], e["code"]) for e in expected["errors"])
    got = Counter((f.line, f.code) for f in _errors(path))
    assert got == want


def test_counterexample_is_in_the_authors_symbols() -> None:
    path = HERE / "notes" / "adam_l2.ru.md"
    [finding] = [f for f in _errors(path) if f.line == 29]
    assert finding.code == "math/false"
    assert "m̂_t = " in finding.message and "g_t = " in finding.message  # values of what was written
    assert "left" in finding.message and "right" in finding.message


def test_new_scheme_is_not_an_error() -> None:
    path = HERE / "notes" / "adamw.en.md"
    findings = check_source(str(path), read_source(str(path)))
    [scheme] = [f for f in findings if f.code == "math/new-scheme"]
    assert scheme.line == 29 and scheme.severity == "info" and "α" in scheme.message


def test_l2_counted_twice_is_named_as_such() -> None:
    """For momentum, "λ·w added twice" and "∇Q with decoupled decay" take the same single step; the rows
    tell them apart, and the message must name the mistake the notes made."""
    path = HERE / "docs" / "samekind" / "momentum_twice.ru.md"
    [twice] = [f for f in _errors(path) if f.code == "system/regularized-twice"]
    assert "a second time" in twice.message and "outside the step" not in twice.message
