"""``derive conventions`` and the README's table of conventions, generated from the same data."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from derive import catalog, conventions as C
from derive.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _gen():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_conventions", ROOT / "scripts" / "gen_conventions.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["gen_conventions"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_readme_table_is_generated_from_the_catalog() -> None:
    gen = _gen()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert gen.replaced(text) == text, "README.md's table of conventions is stale: python scripts/gen_conventions.py"
    for name in catalog.names():
        assert f"| `{name}` |" in text


def test_stale_readme_table_is_caught(tmp_path: Path) -> None:
    gen = _gen()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    stale = text.replace("| `rmsprop` |", "| `rmsprop` | (edited by hand) |", 1)
    assert gen.replaced(stale) != stale
    with pytest.raises(SystemExit):
        gen.replaced("no markers here")


@pytest.mark.parametrize("name", catalog.names())
def test_conventions_command_prints_every_framework(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conventions", name]) == 0
    out = capsys.readouterr().out
    for c in C.conventions(name):
        assert C.TITLES[c.framework] in out
    assert "λ conversions:" in out


def test_paper_lambda_conversion(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conventions", "adamw-paper"]) == 0
    out = capsys.readouterr().out
    assert "λ_framework = λ_paper/α" in out and "AdamW(lr=η_t α" in out and "weight_decay=λ/α" in out


def test_conventions_say_what_each_decay_acts_like() -> None:
    assert C.convention("adadelta", "optax").decay == C.L2          # optax.adadelta's weight_decay is L2
    assert C.convention("lion", "optax").decay == C.DECOUPLED_LR
    assert C.convention("adam", "keras").decay == C.DECOUPLED_LR
    assert C.convention("rmsprop", "torch").decay == C.L2
    assert C.convention("nadam", "keras").pinned == {C.S.psi: 1.0}


def test_conventions_markdown_and_unknown_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conventions", "rmsprop", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("| framework |")
    assert main(["conventions", "rmsprob"]) == 2
    assert "unknown optimizer 'rmsprob'" in capsys.readouterr().err


def test_conformance_command_rejects_short_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conformance", "sgd", "--steps", "3"]) == 2
    assert "at least 10" in capsys.readouterr().err
