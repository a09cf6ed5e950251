"""The slow suites' ``need`` (tests/conftest.py): a missing tool skips locally and fails in CI."""
from __future__ import annotations

import _pytest.outcomes
import pytest

import conftest


def test_need_goes_on_when_the_tool_is_there(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conftest, "IN_CI", True)
    assert conftest.need(True, "chromium") is None


def test_need_skips_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conftest, "IN_CI", False)
    with pytest.raises(pytest.skip.Exception, match="no Chromium"):
        conftest.need(False, "no Chromium at /usr/bin/chromium")


def test_need_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conftest, "IN_CI", True)
    with pytest.raises(_pytest.outcomes.Failed, match=r"no Chromium .*CI must install it"):
        conftest.need(False, "no Chromium at /usr/bin/chromium")
