"""The thin CLI: outputs, JSON contents, one-line errors with non-zero exit codes."""
from __future__ import annotations

import json

import pytest

from derive.cli import main


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    for name in ("sgd", "momentum", "nesterov", "adam", "adamw", "sgdw-paper", "adamw-paper"):
        assert name in out


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
    (["show", "rmsprop"], "unknown optimizer 'rmsprop'"),
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
