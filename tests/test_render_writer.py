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


def test_check_reports_stale_files_of_a_complete_render(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"A")
    (tmp_path / "old-entry.md").write_bytes(b"no longer rendered")
    assert compare(tmp_path, {"a.md": b"A"}) == []  # a partial render says nothing about other files
    assert compare(tmp_path, {"a.md": b"A"}, complete=True) == [Difference(tmp_path / "old-entry.md", "stale")]


def _interrupted_write(folder: str) -> None:
    """Killed between writing the temporary file and moving it into place (as by SIGKILL)."""
    os.replace = lambda src, dst: os._exit(9)  # type: ignore[assignment]
    write_atomic(Path(folder) / "a.md", b"new")


def test_an_interrupted_write_leaves_nothing_for_the_next_one(tmp_path: Path) -> None:
    import multiprocessing

    (tmp_path / "a.md").write_bytes(b"old")
    child = multiprocessing.get_context("fork").Process(target=_interrupted_write, args=(str(tmp_path),))
    child.start()
    child.join(60)
    assert child.exitcode == 9
    [leftover] = [p for p in tmp_path.iterdir() if p.name != "a.md"]
    assert leftover.name.startswith(".a.md.") and leftover.name.endswith(".tmp")
    assert (tmp_path / "a.md").read_bytes() == b"old"  # the reader never saw a half-written file
    # --check sees it, even when only a.md is rendered …
    assert compare(tmp_path, {"a.md": b"old"}) == [Difference(leftover, "stale")]
    # … and the next write of a.md removes it.
    write_all(tmp_path, {"a.md": b"new"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_leftovers_of_other_names_and_other_files_are_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / ".b.md.k2x9_a01.tmp"
    theirs = tmp_path / ".notes.tmp"
    mine.write_bytes(b"x")
    theirs.write_bytes(b"y")
    write_all(tmp_path, {"a.md": b"A"})
    assert mine.exists() and theirs.exists()
    assert Difference(mine, "stale") in compare(tmp_path, {"a.md": b"A"})
    assert Difference(theirs, "stale") not in compare(tmp_path, {"a.md": b"A"})


def test_render_check_fails_on_a_stale_file_in_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    from derive.cli import main

    out = tmp_path / "out"
    shutil.copytree(Path(__file__).resolve().parent.parent / "out", out)
    (out / "adam-l3.en.md").write_text("a file from an entry that was renamed long ago\n")
    (out / ".adam-l2.en.md.abcd1234.tmp").write_text("half a file")
    assert main(["render", "--all", "--check", "--out", str(out)]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert printed == [f"{out / '.adam-l2.en.md.abcd1234.tmp'}: stale", f"{out / 'adam-l3.en.md'}: stale"]
