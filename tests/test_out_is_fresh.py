"""``out/`` holds the rendered catalog as browsable examples; it must match a fresh render.

After an intended change to the engine, the printer or the templates: ``derive render --all`` (and
``python scripts/regen_golden.py``), then review the diff.
"""
from __future__ import annotations

from pathlib import Path

from derive.cli import main

OUT = Path(__file__).resolve().parent.parent / "out"


def test_out_matches_a_fresh_render(capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["render", "--all", "--check", "--out", str(OUT)])
    assert code == 0, capsys.readouterr().out
