"""``derive render`` reuses the bytes of an identical earlier run, and only of an identical one."""
from __future__ import annotations

from pathlib import Path

import pytest

from derive import render
from derive.cli import main


def _count_renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = render.render_files

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(render, "render_files", counting)
    return calls


def test_an_identical_run_is_not_rendered_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    calls = _count_renders(monkeypatch)
    cache = str(tmp_path / "cache")
    out = tmp_path / "out"
    base = ["render", "sgd", "--lang", "en", "--format", "md", "--cache-dir", cache]
    assert main([*base, "--out", str(out)]) == 0
    assert main([*base, "--out", str(out), "--check"]) == 0  # --out and --check are not in the key
    assert main([*base, "--out", str(tmp_path / "elsewhere")]) == 0
    assert len(calls) == 1
    assert (tmp_path / "elsewhere" / "sgd-l2.en.md").read_bytes() == (out / "sgd-l2.en.md").read_bytes()
    assert main([*base[:-2], "--no-cache", "--out", str(out)]) == 0  # --no-cache renders
    assert main([*base[:3], "ru", *base[4:], "--out", str(out)]) == 0  # another option: another key
    assert len(calls) == 3
    capsys.readouterr()


def test_a_changed_template_is_rendered_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    calls = _count_renders(monkeypatch)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "unused.j2").write_text("one")
    args = ["render", "sgd", "--lang", "en", "--format", "md", "--cache-dir", str(tmp_path / "cache"),
            "--templates", str(templates), "--out", str(tmp_path / "out")]
    assert main(args) == 0 and main(args) == 0 and len(calls) == 1
    (templates / "unused.j2").write_text("two")
    assert main(args) == 0 and len(calls) == 2
    capsys.readouterr()
