"""``derive check``: output formats and exit codes (0 clean, 1 errors, 2 could not run)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from derive.cli import main

NOTES = Path(__file__).parent / "notes"


def test_clean_file_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(NOTES / "momentum_l2.ru.md")]) == 0
    # notes: two from the algebra, three for constructs only some MyST renderers show wrong
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("0 error(s), 0 warning(s), 5 note(s) in 1 file; 8 links: 3 proved, 0 false, 0 undecided")


def test_errors_exit_one_with_file_line_col(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(NOTES / "adam_l2.ru.md")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"{NOTES / 'adam_l2.ru.md'}:29:") and "error[math/false]" in line for line in out)


def test_folder_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(NOTES), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert len(data["files"]) == 3 and data["summary"]["errors"] == 6
    assert {"path", "line", "col", "severity", "code", "message"} <= set(data["findings"][0])


def test_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(NOTES / "adam_l2.ru.md"), "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("::error file=") and ",line=35," in line for line in lines)


def test_missing_file_exits_two_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "does/not/exist.md"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does/not/exist.md" in err and "Traceback" not in err


def test_not_utf8_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"# x\n\xff\xfe $a = b$\n")
    assert main(["check", str(bad)]) == 2
    assert "bad.md" in capsys.readouterr().err


def test_strict_fails_on_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "w.md"
    doc.write_text(r"$$ a = \foo b $$" + "\n")  # \foo{b} would be read as a wrapper of b, not unknown
    assert main(["check", str(doc)]) == 0
    assert main(["check", "--strict", str(doc)]) == 1
