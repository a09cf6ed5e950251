"""Shared helpers of the test suites.

``need`` is how a slow suite asks for a tool it runs (an engine, a browser, a kernel): missing on a
developer's machine the test is skipped, naming what is missing; missing in CI (``CI`` set, as .ci/run
does) it fails, because CI installs every tool and a skip there would pass a suite that never ran.
"""
from __future__ import annotations

import os

import pytest

#: Whether the suites run in CI (.ci/run exports CI=1): a missing tool is then a failure, never a skip.
IN_CI = bool(os.environ.get("CI"))


def need(ok: bool, what: str) -> None:
    """Go on when ``ok``; else skip locally, naming ``what`` is missing, and fail in CI."""
    if ok:
        return
    if IN_CI:
        pytest.fail(f"{what} (CI must install it: see .ci/run)")
    pytest.skip(what)
