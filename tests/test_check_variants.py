"""The weight-decay exercise written ten correct ways and thirteen faulty ways (one mistake each).

Correct variants (``c*``) vary language, format and notation (θ, γ/α, bold vectors, ``\\leftarrow``,
``:=``, ``\\stackrel{def}{=}``, cases/aligned/align*, chains ending in ``\\dots``, definitions after
use, leaky averages, ``\\approx``, inequalities): no finding of severity error or warning. Each faulty
variant (``f*``, described in ``faulty.json``) must get exactly one error, on the line of its mistake.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from derive.check.extract import read_source
from derive.check.run import check_source

HERE = Path(__file__).parent / "docs" / "variants"
CORRECT = sorted(p for p in HERE.iterdir() if p.name.startswith("c"))
FAULTY = json.loads((HERE / "faulty.json").read_text())


def _findings(path: Path) -> list:
    return check_source(str(path), read_source(str(path)))


@pytest.mark.parametrize("path", CORRECT, ids=[p.name for p in CORRECT])
def test_correct_variant_is_clean(path: Path) -> None:
    assert [f.text() for f in _findings(path) if f.severity in ("error", "warning")] == []


@pytest.mark.parametrize("name", sorted(FAULTY))
def test_faulty_variant_has_one_error_on_its_line(name: str) -> None:
    errors = [f for f in _findings(HERE / name) if f.severity == "error"]
    assert [f.line for f in errors] == [FAULTY[name]["line"]], FAULTY[name]["what"]
