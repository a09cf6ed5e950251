"""The weight-decay exercise and its neighbours, written many correct ways and many faulty ways.

``variants``: the exercise ten correct ways and thirteen faulty ways (one mistake each);
``variants2``: Nesterov, Proposition 1, the paper's Algorithms 1 and 2, RMSprop, Adagrad, unrolling,
bias correction, twelve correct and twelve faulty.

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

FOLDERS = [Path(__file__).parent / "docs" / name for name in ("variants", "variants2")]
CORRECT = sorted(p for folder in FOLDERS for p in folder.iterdir() if p.name.startswith("c"))
FAULTY = {folder / name: entry for folder in FOLDERS
          for name, entry in json.loads((folder / "faulty.json").read_text()).items()}


def _findings(path: Path) -> list:
    return check_source(str(path), read_source(str(path)))


@pytest.mark.parametrize("path", CORRECT, ids=[p.name for p in CORRECT])
def test_correct_variant_is_clean(path: Path) -> None:
    assert [f.text() for f in _findings(path) if f.severity in ("error", "warning")] == []


@pytest.mark.parametrize("path", sorted(FAULTY), ids=[p.name for p in sorted(FAULTY)])
def test_faulty_variant_has_one_error_on_its_line(path: Path) -> None:
    errors = [f for f in _findings(path) if f.severity == "error"]
    assert [f.line for f in errors] == [FAULTY[path]["line"]], FAULTY[path]["what"]
