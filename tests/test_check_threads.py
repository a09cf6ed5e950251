"""The checker called from a thread (a Jupyter or language-server worker, a ThreadPoolExecutor, an
asyncio executor) keeps its budgets: hostile input ends "undecided" within them, as on the main thread.

Before, the budget was a SIGALRM that runs unbounded off the main thread: a slow link simply ran on.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import sys
import time
from pathlib import Path

import pytest

from derive.check import verify
from derive.check.run import CheckOptions, check_file

# Each of these would be minutes of one big-integer operation (or gigabytes) if SymPy built it.
HOSTILE = r"""# Hostile

$$ a = 10^{10^{10}} = b $$

$$ 2^{2^{2^{2^{2^{2}}}}} = c $$

$$ ((10!)!)! = d $$

$$ x^{10^8} (x - 1) = x^{10^8 + 1} - x^{10^8} $$
"""

# Twelve rows that explode symbolically (degree 4096), then claims about them.
ROWS = " \\\\\n".join([r"c_{1} = (w_{t-1} + \beta_1)^2"] + [rf"c_{{{k}}} = (c_{{{k - 1}}} + \beta_1)^2" for k in range(2, 13)]
                      + [r"w_t = w_{t-1} - \eta c_{12}"])
EXPLODING = (f"# Chain\n\n$$\n\\begin{{cases}}\n{ROWS}\n\\end{{cases}}\n$$\n\n"
             r"Hence $$c_{12} = (c_{11} + \beta_1)^2 = c_{11}^2 + 2 c_{11}\beta_1 + \beta_1^2$$" "\n\n"
             r"and $$c_{12} + c_{11} = c_{11}^2 + 2 c_{11}\beta_1 + \beta_1^2 + c_{11}$$" "\n\n"
             r"$$w_t = w_{t-1} - \eta (c_{11} + \beta_1)^2$$" "\n")

def ordinary(letter: str = "a") -> str:
    """Ordinary algebra whose proofs take tens of milliseconds each, far above a tiny link budget (fresh
    symbols per caller, so that SymPy's cache, warm from another test, does not make them instant)."""
    form = (r"$$ \frac{{({a} + {b})^4}}{{{a} - {b}}} - \frac{{({a} - {b})^4}}{{{a} + {b}}}"
            r" = \frac{{({a} + {b})^5 - ({a} - {b})^5}}{{{a}^2 - {b}^2}} $$")
    return "\n\n".join(form.format(a=f"{letter}_{{{k}}}", b=f"{letter}'_{{{k}}}") for k in range(40))


ORDINARY = ordinary()


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def _run(where: str, fn, *args):  # type: ignore[no-untyped-def]
    if where == "main":
        return fn(*args)
    if where == "thread":
        with concurrent.futures.ThreadPoolExecutor(1) as executor:
            return executor.submit(fn, *args).result(timeout=300)

    async def in_loop():  # type: ignore[no-untyped-def]
        return await asyncio.get_running_loop().run_in_executor(None, fn, *args)
    return asyncio.run(in_loop())


WHERE = ["main", "thread", "asyncio"]


@pytest.mark.parametrize("where", WHERE)
def test_hostile_numbers_are_undecided(where: str, tmp_path: Path) -> None:
    path = _write(tmp_path, "hostile.md", HOSTILE)
    start = time.monotonic()
    report = _run(where, check_file, path, CheckOptions(timeout=60))
    assert time.monotonic() - start < 60
    undecided = [f for f in report.findings if f.code == "math/undecided"]
    assert sorted({f.line for f in undecided}) == [3, 5, 7, 9], [f.text() for f in report.findings]
    assert not any(f.severity == "error" or f.code.startswith("checker/") for f in report.findings)


@pytest.mark.parametrize("where", WHERE)
def test_an_exploding_system_ends_within_its_budget(where: str, tmp_path: Path) -> None:
    path = _write(tmp_path, "chain.md", EXPLODING)
    start = time.monotonic()
    report = _run(where, check_file, path, CheckOptions(timeout=60))
    assert time.monotonic() - start < 60
    assert not any(f.severity == "error" or f.code.startswith("checker/") for f in report.findings), \
        [f.text() for f in report.findings]
    assert any(f.code == "math/undecided" for f in report.findings)


@pytest.mark.parametrize("where", WHERE)
def test_link_budgets_hold_off_the_main_thread(where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a link budget far below what these proofs take, every link must come out undecided
    because of the budget, on any thread (before, a thread ran each link to its end)."""
    path = _write(tmp_path, "ordinary.md", ordinary({"main": "p", "thread": "q", "asyncio": "r"}[where]))
    monkeypatch.setattr(verify, "LINK_SECONDS", 1e-4)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-3)  # the watchdog thread gets the GIL within a millisecond of its deadline
    try:
        report = _run(where, check_file, path, CheckOptions(timeout=120))
    finally:
        sys.setswitchinterval(interval)
    budget = [f for f in report.findings if f.code == "math/undecided" and ("budget" in f.message or "within" in f.message)]
    assert len(budget) >= 30, [f.text() for f in report.findings]


@pytest.mark.parametrize("where", WHERE)
def test_the_file_budget_holds_off_the_main_thread(where: str, tmp_path: Path) -> None:
    path = _write(tmp_path, "ordinary.md", ORDINARY * 5)
    start = time.monotonic()
    report = _run(where, check_file, path, CheckOptions(timeout=0.5))
    took = time.monotonic() - start
    # stopped either at the soft deadline (3/4 of it: verification stops, the rest of the links undecided)
    # or at the hard one (the file's findings replaced): both say so, with the budget
    stops = [f for f in report.findings if f.code == "checker/timeout"]
    assert len(stops) == 1 and "0.5 s" in stops[0].message, [f.text() for f in report.findings]
    if len(report.findings) > 1:
        assert any("time budget of 0.5 s ran out" in k.reason for k in report.links)
    assert took < 30
