"""The thin CLI: outputs, JSON contents, one-line errors with non-zero exit codes."""
from __future__ import annotations

import json

import pytest

from derive.cli import main


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    from derive import catalog
    for name in catalog.names():
        assert f"\n{name} " in "\n" + out


def test_show_adam_l2_text_is_textbook(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "adam", "--reg", "l2"]) == 0
    out = capsys.readouterr().out
    assert "g(λ) = 1 − (η_t·λ·(1 − β₁))/(1 − β₁^t) · 1/(√v̂_t + ε)" in out
    assert "h    = (β₁·m_{t-1} + (1 − β₁)·∇L(w_{t-1}))/((1 − β₁^t)·(√v̂_t + ε))" in out
    assert "per-coordinate" in out


def test_show_json_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "momentum", "--reg", "l2", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["optimizer"] == "momentum" and data["regularization"] == "l2"
    assert data["kind"] == "uniform" and data["depends_on"] == []
    for key in ("decay_factor", "h"):
        assert {"latex", "srepr"} <= set(data[key])
    assert data["decay_factor"]["latex"] == r"1 - \eta_{t} \lambda"
    assert len(data["steps"]) == 3 and data["notes"]
    assert all(c["status"] == "true" for c in data["checks"])


def test_show_latex(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "adamw", "--format", "latex"]) == 0
    assert r"\begin{cases}" in capsys.readouterr().out


@pytest.mark.parametrize("argv,fragment", [
    (["show", "rmsprob"], "unknown optimizer 'rmsprob'"),
    (["show", "adamw", "--reg", "l2"], "adamw has no mode 'l2'"),
])
def test_errors_are_one_line(argv: list[str], fragment: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert fragment in err and err.count("\n") == 1 and "Traceback" not in err


def test_unknown_mode_is_rejected_by_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["show", "adam", "--reg", "weird"])
    assert exc.value.code == 2


LION = r"""# Lion-like
$$
\begin{aligned}
g_t &= \nabla_w L(w_{t-1}), \\
c_t &= \beta_1 m_{t-1} + (1-\beta_1) g_t, \\
w_t &= w_{t-1} - \eta_t (\operatorname{sign}(c_t) + \lambda w_{t-1}), \\
m_t &= \beta_2 m_{t-1} + (1-\beta_2) g_t.
\end{aligned}
$$
"""


def test_show_user_system_from_notes(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "lion.md"
    path.write_text(LION)
    assert main(["show", "--system", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["decay_factor"]["latex"] == r"1 - \eta_{t} \lambda" and data["kind"] == "uniform"
    assert data["optimizer"] is None and all(c["status"] == "true" for c in data["checks"])


def test_show_user_system_from_notes_adam_is_per_coordinate(capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path
    notes = Path(__file__).parent / "notes" / "adam_l2.ru.md"
    assert main(["show", "--system", str(notes), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "per-coordinate" and data["depends_on"] == [r"\hat{v}_{t}"]


@pytest.mark.parametrize("text,fragment", [
    ("no math here\n", "no system found"),
    (r"$$ \begin{cases} m_t = \mu m_{t-1} + g_t \\ v_t = m_t \end{cases} $$" + "\n", "no weight update"),
])
def test_show_malformed_user_system(tmp_path, text: str, fragment: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.md"
    path.write_text(text)
    assert main(["show", "--system", str(path)]) == 2
    err = capsys.readouterr().err
    assert fragment in err and str(path) in err and err.count("\n") == 1


def test_the_command_skips_teardown_but_loses_no_output(tmp_path) -> None:
    """``entry`` ends with ``os._exit``: every line written before it must still reach a pipe and a file."""
    import os
    import subprocess
    import sys

    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # as most shells run it
    doc = tmp_path / "sums.md"
    doc.write_text("".join(f"Line {k}: $${k} + 1 = {k + 2}$$\n\n" for k in range(400)), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "derive.cli", "check", str(doc), "--no-cache", "-j", "1"],
                         capture_output=True, text=True, env=buffered)
    assert run.returncode == 1
    errors = [line for line in run.stdout.splitlines() if "math/false" in line]
    assert len(errors) == 400
    assert run.stdout.rstrip().endswith("400 links: 0 proved, 400 false, 0 undecided, 0 not a claim")
    small = tmp_path / "one.md"  # a report smaller than a pipe's buffer: lost unless flushed before the exit
    small.write_text("One: $$1 + 1 = 3$$\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "derive.cli", "check", str(small), "--no-cache"],
                         capture_output=True, text=True, env=buffered)
    assert run.returncode == 1 and "math/false" in run.stdout and "1 link: 0 proved, 1 false" in run.stdout
    report = tmp_path / "report.json"
    with report.open("w") as out:
        code = subprocess.run([sys.executable, "-m", "derive.cli", "check", str(doc), "--no-cache", "--format", "json"],
                              stdout=out, env=buffered).returncode
    assert code == 1 and len(json.loads(report.read_text())["links"]) == 400
