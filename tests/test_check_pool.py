"""``derive check -j N`` and the cache: the same reports in the same order, whatever the workers and
whatever was cached; a worker stuck past its budget is killed, one that dies costs only its file."""
from __future__ import annotations

import json
import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from derive.check import cache as cache_module
from derive.check import pool
from derive.check.cache import CheckCache
from derive.check.findings import FileReport
from derive.check.run import CheckOptions, check_paths
from derive.cli import main

HERE = Path(__file__).parent


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """Six notes of the test corpus in two folders (a mix of clean ones and ones with errors)."""
    root = tmp_path / "course"
    for k, name in enumerate(["adam_l2.ru.md", "adamw.en.md", "momentum_l2.ru.md"]):
        folder = root / f"week{k % 2}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(HERE / "notes" / name, folder / name)
    for name in ["geometric_off_by_one.en.md", "circular_system.md", "gets_then_claim.tex"]:
        shutil.copy(HERE / "docs" / name, root / "week1" / name)
    return root


def reports(result) -> list[dict]:  # type: ignore[no-untyped-def]
    return [r.to_dict() for r in result.reports]


def test_parallel_reports_equal_serial_ones_in_the_same_order(course: Path) -> None:
    serial = check_paths([str(course)], jobs=1)
    parallel = check_paths([str(course)], jobs=2)
    assert [r.path for r in serial.reports] == sorted(r.path for r in serial.reports)  # walk order, fixed
    assert reports(parallel) == reports(serial)
    assert len(serial.reports) == 6 and serial.count("error") >= 3


def test_the_cli_output_does_not_depend_on_jobs(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outs = []
    for jobs in ("1", "3"):
        code = main(["check", "--no-cache", "-j", jobs, str(course), "--format", "json"])
        outs.append((code, capsys.readouterr().out))
    assert outs[0] == outs[1] and outs[0][0] == 1


def test_a_second_run_is_served_from_the_cache(course: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first_cache = CheckCache(folder)
    first = check_paths([str(course)], jobs=2, cache=first_cache)
    assert first_cache.hits == 0
    second_cache = CheckCache(folder)
    second = check_paths([str(course)], jobs=2, cache=second_cache)
    assert second_cache.hits == 6 and reports(second) == reports(first)
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (folder / ".gitignore").read_text().strip().endswith("*")


def test_what_decides_a_report_is_in_the_key(course: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    check_paths([str(course)], cache=CheckCache(folder))
    doc = next(course.rglob("adamw.en.md"))
    doc.write_text(doc.read_text() + "\n$$ (a+b)^2 = a^2 + b^2 $$\n")  # content
    again = CheckCache(folder)
    result = check_paths([str(course)], cache=again)
    assert again.hits == 5
    assert any(f.code == "math/false" and f.path == str(doc) for f in result.findings)
    other_options = CheckCache(folder)  # options
    check_paths([str(course)], CheckOptions(max_bytes=10 ** 6), cache=other_options)
    assert other_options.hits == 0
    (course / "week0" / "myst.yml").write_text("project:\n  math:\n    '\\\\R': '\\\\mathbb{R}'\n")  # config
    configured = CheckCache(folder)
    check_paths([str(course)], cache=configured)
    assert configured.hits == 4  # week1's four files are not below week0's config; week0's two are


def test_timing_dependent_and_unreadable_results_are_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from derive.check import verify

    doc = tmp_path / "a.md"
    doc.write_text("$$ (a+b)^3 (a-b) = a^4 + 2 a^3 b - 2 a b^3 - b^4 $$\n")
    # A link budget that runs out makes the report depend on timing: with more time it comes out
    # decided, so it must not be kept (the link budget is no option, so the key is the same).
    monkeypatch.setattr(verify, "LINK_SECONDS", 1e-4)
    slow = check_paths([str(doc)], cache=CheckCache(tmp_path / "cache"))
    assert [f.code for f in slow.findings if f.code != "check/nothing-decided"] == ["math/undecided"]
    monkeypatch.setattr(verify, "LINK_SECONDS", 2.0)
    fresh = CheckCache(tmp_path / "cache")
    assert check_paths([str(doc)], cache=fresh).findings == [] and fresh.hits == 0
    # So is a file budget that runs out.
    timed_out = check_paths([str(doc)], CheckOptions(timeout=1e-6), cache=CheckCache(tmp_path / "cache"))
    assert [f.code for f in timed_out.findings] == ["checker/timeout"]
    again = CheckCache(tmp_path / "cache")
    check_paths([str(doc)], CheckOptions(timeout=1e-6), cache=again)
    assert again.hits == 0
    (tmp_path / "b.md").write_bytes(b"\xff not utf-8")
    for _ in range(2):
        unreadable = CheckCache(tmp_path / "cache")
        check_paths([str(tmp_path / "b.md")], cache=unreadable)
        assert unreadable.hits == 0


def test_a_corrupt_entry_is_a_miss(course: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    check_paths([str(course)], cache=CheckCache(folder))
    for entry in folder.rglob("*.json"):
        entry.write_text("{not json")
    again = CheckCache(folder)
    assert reports(check_paths([str(course)], cache=again)) == reports(check_paths([str(course)]))
    assert again.hits == 0


def test_no_cache_writes_nothing(course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    main(["check", "--no-cache", "-j", "1", str(course)])
    assert not (tmp_path / cache_module.DEFAULT_DIR).exists()
    main(["check", "-j", "1", str(course), "--cache-dir", str(tmp_path / "elsewhere")])
    assert list((tmp_path / "elsewhere").rglob("*.json"))
    capsys.readouterr()


def test_other_tool_versions_are_pruned(tmp_path: Path) -> None:
    stale = tmp_path / "cache" / ("0" * 16) / "check"
    stale.mkdir(parents=True)
    CheckCache(tmp_path / "cache")
    assert not stale.parent.exists()


# -- the last resort: killing a worker ---------------------------------------------------------------

def _stuck_or_dying(path: str, options: CheckOptions) -> FileReport:
    """Stands in for check_file in forked workers: a file that no budget can stop, one that kills its worker."""
    if path.endswith("stuck.md"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # like one long C call: no budget gets in
        time.sleep(30)  # (only the kill ends it sooner)
    if path.endswith("dies.md"):
        os._exit(3)
    return FileReport(path, "markdown", [], [])


def test_a_stuck_worker_is_killed_and_a_dead_one_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.md", "stuck.md", "b.md", "dies.md", "c.md"):
        (tmp_path / name).write_text("$a = b$\n")
    monkeypatch.setattr("derive.check.run.check_file", _stuck_or_dying)
    monkeypatch.setattr(pool, "GRACE", 0.5)
    start = time.monotonic()
    result = check_paths([str(tmp_path)], CheckOptions(timeout=1.0), jobs=2)
    assert time.monotonic() - start < 25
    by_name = {Path(r.path).name: [(f.code, f.message) for f in r.findings] for r in result.reports}
    assert list(by_name) == ["a.md", "b.md", "c.md", "dies.md", "stuck.md"]
    assert by_name["a.md"] == by_name["b.md"] == by_name["c.md"] == []
    [(code, message)] = by_name["stuck.md"]
    assert code == "checker/timeout" and "worker was stopped" in message
    [(code, message)] = by_name["dies.md"]
    assert code == "checker/internal-error" and "exit code 3" in message


@pytest.mark.parametrize("name, code, words", [
    ("stuck.md", "checker/timeout", "worker was stopped"),
    ("dies.md", "checker/internal-error", "exit code 3"),
    ("fine.md", None, None),
])
def test_one_file_gets_the_same_last_resort_in_its_own_child(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, code: str | None, words: str | None) -> None:
    """One file with more than one job goes to a single forked child (no pool), killed or reaped alike."""
    (tmp_path / name).write_text("$a = b$\n")
    monkeypatch.setattr("derive.check.run.check_file", _stuck_or_dying)
    monkeypatch.setattr(pool, "GRACE", 0.5)
    monkeypatch.setattr(pool, "_in_workers", None)  # the pool must not be used for a single file
    start = time.monotonic()
    [report] = check_paths([str(tmp_path / name)], CheckOptions(timeout=1.0), jobs=2).reports
    assert time.monotonic() - start < 25
    found = [(f.code, f.message) for f in report.findings]
    if code is None:
        assert found == [] and report.flavor == "markdown"
    else:
        [(got, message)] = found
        assert got == code and words in message


def test_json_of_a_parallel_run_is_machine_readable(course: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--no-cache", "-j", "2", str(course), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert len(data["files"]) == 6 and data["summary"]["files"] == 6


def test_the_project_root_is_in_the_key(tmp_path: Path) -> None:
    """A course preamble two folders up is read only inside the project root; a `.git` created above the file
    moves the root, so a report cached before must not be reused (it was made without the preamble)."""
    course = tmp_path / "course"
    (course / "notes").mkdir(parents=True)
    (course / "lecture-notes").mkdir()
    (course / "lecture-notes" / "course.sty").write_text("\\newcommand{\\eps}{\\varepsilon}\n")
    doc = course / "notes" / "sem.tex"
    doc.write_text("\\usepackage{../lecture-notes/course}\n\\begin{document}\nHere $\\eps + \\eps = 2\\eps$.\n"
                   "\\end{document}\n")
    folder = tmp_path / "cache"
    before = check_paths([str(doc)], cache=CheckCache(folder))
    assert any("outside the project root" in f.message for f in before.findings), before.findings
    (course / ".git").mkdir()
    after_cache = CheckCache(folder)
    after = check_paths([str(doc)], cache=after_cache)
    assert after_cache.hits == 0
    assert not any("outside the project root" in f.message for f in after.findings), after.findings
    assert [k.verdict for k in after.links] == ["proved"], after.links
