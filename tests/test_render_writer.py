"""Tests of derive.writer: atomic writes, writes confined to the output folder, check mode."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from derive.errors import RenderError
from derive.writer import Difference, compare, write_all, write_atomic


def test_write_atomic_replaces_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_write_atomic_gives_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    write_atomic(target, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_write_atomic_cleans_up_when_the_move_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    target = tmp_path / "a.md"
    target.write_bytes(b"old")
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_write_all_creates_folder_and_skips_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "out" / "deeper"
    files = {"b.tex": b"B", "a.md": b"A"}
    assert write_all(out, files) == [out / "a.md", out / "b.tex"]
    mtime = (out / "a.md").stat().st_mtime_ns
    assert write_all(out, {"a.md": b"A", "b.tex": b"B2"}) == [out / "b.tex"]
    assert (out / "a.md").stat().st_mtime_ns == mtime


@pytest.mark.parametrize("name", ["../escape.md", "sub/x.md", "/etc/passwd", "..", ""])
def test_names_must_be_plain_file_names(tmp_path: Path, name: str) -> None:
    with pytest.raises(RenderError):
        write_all(tmp_path / "out", {name: b"x"})
    with pytest.raises(RenderError):
        compare(tmp_path / "out", {name: b"x"})
    assert not (tmp_path / "escape.md").exists()


def test_compare_reports_missing_and_differing_sorted(tmp_path: Path) -> None:
    (tmp_path / "same.md").write_bytes(b"s")
    (tmp_path / "changed.md").write_bytes(b"old")
    found = compare(tmp_path, {"same.md": b"s", "changed.md": b"new", "gone.md": b"g"})
    assert found == [Difference(tmp_path / "changed.md", "differs"), Difference(tmp_path / "gone.md", "missing")]
    assert found[0].text() == f"{tmp_path / 'changed.md'}: differs"
    assert (tmp_path / "changed.md").read_bytes() == b"old"
    assert not (tmp_path / "gone.md").exists()
