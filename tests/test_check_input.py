"""What ``derive check`` reads: regular files only, each up to a size limit; every path that cannot be
checked is a finding (text, JSON, GitHub) and exit 2, after every other file was checked.

Paths that hang or exhaust a reader (a FIFO, /dev/zero, /dev/urandom) run in a subprocess with a
timeout, so a regression fails the test instead of hanging the suite.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from derive.check import files
from derive.check.run import CheckOptions, check_paths
from derive.cli import main

HERE = Path(__file__).parent
CLEAN = "# Clean\n\nLet $m_t = \\mu m_{t-1} + g_t$.\n"
WRONG = "# Wrong\n\n$$ (a + b)^2 = a^2 + b^2 $$\n"


def derive_check(*args: str, timeout: float = 120, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "derive.cli", "check", "--no-cache", *args],
                          capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A folder with one good note, one with errors, and a subfolder."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.md").write_text(CLEAN)
    (tmp_path / "sub" / "b.md").write_text(WRONG)
    return tmp_path


def test_links_to_devices_and_a_fifo_are_findings_not_reads(course: Path) -> None:
    for device in ("/dev/zero", "/dev/urandom", "/dev/null"):
        (course / "sub" / f"{device.rsplit('/', 1)[1]}.md").symlink_to(device)
    os.mkfifo(course / "pipe.md")  # open() would block until a writer comes
    proc = derive_check(str(course), "--format", "json", timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 4
    data = json.loads(proc.stdout)
    problems = {Path(f["path"]).name: (f["code"], f["message"]) for f in data["findings"] if f["code"].startswith("input/")}
    assert problems == {
        "pipe.md": ("input/not-a-file", "a FIFO (named pipe), not a regular file: not read"),
        "zero.md": ("input/not-a-file", "a character device, not a regular file: not read"),
        "urandom.md": ("input/not-a-file", "a character device, not a regular file: not read"),
        "null.md": ("input/not-a-file", "a character device, not a regular file: not read"),
    }
    # every other file was still checked: b.md's error is there
    assert any(f["code"] == "math/false" and f["path"].endswith("b.md") for f in data["findings"])


def test_a_file_above_the_size_limit_is_not_read(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (course / "big.md").write_text("$a = b$\n" * 2000)
    assert main(["check", "--no-cache", str(course), "--max-size", "10k", "--format", "github"]) == 2
    line = next(x for x in capsys.readouterr().out.splitlines() if "big.md" in x)
    assert line.startswith("::error file=") and "title=input/too-large" in line and "::16,000 bytes" in line


def test_read_note_refuses_a_file_that_grows_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("x" * 100)
    with pytest.raises(files.InputError) as err:
        files.read_note(path, max_bytes=99)
    assert err.value.code == "input/too-large"
    assert files.read_note(path, max_bytes=100) == "x" * 100


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux's /proc")
def test_a_file_whose_size_lies_is_still_bounded() -> None:
    """/proc files say they are 0 bytes long: the limit holds on what is read, not on what stat says."""
    assert os.stat("/proc/self/status").st_size == 0
    with pytest.raises(files.InputError) as err:
        files.read_note("/proc/self/status", max_bytes=100)
    assert err.value.code == "input/too-large"


def test_a_folder_with_no_notes_is_exit_two_with_a_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "README.txt").write_text("no notes here")
    assert main(["check", "--no-cache", str(tmp_path), "--format", "json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in data["findings"]] == ["input/no-notes"]
    assert main(["check", "--no-cache", str(tmp_path), "--format", "github"]) == 2
    assert capsys.readouterr().out.startswith(f"::error file={tmp_path},line=1,col=1,title=input/no-notes::")


def test_an_unreadable_subfolder_is_reported_after_the_rest(course: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # Tests may run as root, for whom chmod 000 changes nothing: make listing the folder fail instead.
    locked = course / "locked"
    locked.mkdir()
    (locked / "c.md").write_text(CLEAN)
    real = os.scandir

    def scandir(path=".", *args):  # type: ignore[no-untyped-def]
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, *args)

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["check", "--no-cache", "-j", "1", str(course)]) == 2
    captured = capsys.readouterr()
    assert f"{locked}:1:1: error[input/unreadable-folder] cannot list this folder (permission denied)" in captured.out
    assert "error[math/false]" in captured.out  # sub/b.md was checked all the same
    assert str(locked) in captured.err


def test_an_unreadable_file_is_a_finding(course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = str(course / "a.md")
    real = os.open

    def opener(path, flags, *args):  # type: ignore[no-untyped-def]
        if os.fspath(path) == target:
            raise PermissionError(13, "Permission denied", path)
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", opener)
    result = check_paths([str(course)])
    assert [(r.path, [f.code for f in r.findings][:1]) for r in result.reports][0] == (target, ["input/unreadable"])
    assert result.exit_code() == 2
    assert any(f.code == "math/false" for f in result.findings)


def test_a_missing_path_among_others(course: Path) -> None:
    result = check_paths([str(course / "nope.md"), str(course / "a.md")])
    assert [f.code for f in result.reports[0].findings] == ["input/missing"]
    assert result.reports[1].path.endswith("a.md") and result.exit_code() == 2


def test_a_broken_pipe_is_not_a_pass(course: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "derive.cli", "check", "--no-cache", str(course)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # what `| head -0` does: the reader is gone before the first line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141  # 128 + SIGPIPE, not 0 or 1
    assert "Traceback" not in err and "Exception ignored" not in err


def test_output_is_the_same_for_every_hash_seed(tmp_path: Path) -> None:
    """Two subprocesses with different PYTHONHASHSEED give byte-identical output.

    The document has several candidates for each "not decided" reason (three ambiguous calls,
    three superscripts), which is where an iterated set used to pick a different one per seed.
    Lines that report a link's time budget are dropped before comparing: on a loaded machine
    whether a slow link makes it in time is not a property of the hash seed.
    """
    doc = tmp_path / "seeds.md"
    doc.write_text("# Seeds\n\n"
                   "$$ L(x+1) + F(y-1) + J(z-2) = L(x+1) + F(y-1) + J(z-2) + 1 $$\n\n"
                   "$$ a^{k+1} + b^{j+1} + c^{n+1} = a^{k+1} + b^{j+1} + c^{n+1} + 1 $$\n")
    outputs = []
    for seed in ("1", "2", "3", "4"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = derive_check(str(doc), str(HERE / "notes" / "adam_l2.ru.md"), "-j", "1", "--format", "json", env=env)
        outputs.append([line for line in proc.stdout.splitlines() if "time budget" not in line
                        and "not decided within" not in line])
    assert all(out == outputs[0] for out in outputs[1:])
    # the candidates are read in name order: the first of F(y − 1), J(z − 2), L(x + 1) is named, whatever the seed
    assert any("F(y - 1) may be a product" in line for line in outputs[0])


def test_options_carry_the_size_limit_and_the_file_budget() -> None:
    options = CheckOptions()
    assert options.max_bytes == files.DEFAULT_MAX_BYTES and options.timeout == 60.0
