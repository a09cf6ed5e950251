"""Notation met in real course notes that is *not* a mistake: no finding of severity error.

Each file in ``tests/docs/patterns`` is a minimal reproduction, written for these tests, of a pattern
seen in public notes (d2l, course lecture notes in Russian and Chinese) that once produced a false
error: a function redefined in a later paragraph, a condition ``ηλ = 1``, a matrix times a
bracket, superscript iteration indices, ``Let n = …`` namings, limits, unit-norm and optimality
conditions, sums over coordinates, standard macros.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from derive.check.extract import read_source
from derive.check.run import check_source

DOCS = Path(__file__).parent / "docs"
# Minimal patterns of real notation, and whole correct documents written to stress precision.
PATTERNS = sorted((DOCS / "patterns").iterdir()) + sorted((DOCS / "correct").iterdir())


@pytest.mark.parametrize("path", PATTERNS, ids=[p.name for p in PATTERNS])
def test_real_notation_gives_no_error_or_warning(path: Path) -> None:
    findings = check_source(str(path), read_source(str(path)))
    assert [f.text() for f in findings if f.severity in ("error", "warning")] == []


@pytest.mark.parametrize("text", [
    r"$$ h(x) = \tfrac12 a x^2 + c x $$" "\n\n" r"$$ \nabla_x h(x) = a x - c $$",            # wrong sign
    r"Let $n = 1/(1-\gamma)$; then $\left(1-1/n\right)^n = \gamma^{1/(1-\gamma)} + 1$.",  # wrong by 1
    r"$$ \sum_{i=0}^{t} \beta^i = \frac{1 - \beta^t}{1 - \beta} $$",                       # off by one
])
def test_real_mistakes_in_the_same_notation_are_still_found(text: str) -> None:
    findings = check_source("doc.md", text)
    assert [f.code for f in findings if f.severity == "error"] == ["math/false"]
