"""derive.budget: a budget that stops Python work on the main thread and off it, nested, not swallowed.

The upper bounds on elapsed time below are generous (the machine is shared): they tell "stopped"
from "ran on unbounded", which is what these tests are about, not speed.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import signal
import sys
import threading
import time

import pytest

from derive.budget import BudgetExceeded, HardBudgetExceeded, expirations, time_budget

LONG = 20.0  # what an unbounded loop below would run for (it never gets there when the budget works)


def busy(seconds: float = LONG) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        sum(range(100))


def stops(seconds: float) -> float:
    """Run a busy loop under a budget; return how long it took to stop."""
    start = time.monotonic()
    with pytest.raises(BudgetExceeded, match=f"time budget of {seconds:g} s exceeded"):
        with time_budget(seconds):
            busy()
    return time.monotonic() - start


def in_thread(fn, *args):  # type: ignore[no-untyped-def]
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(fn, *args).result(timeout=LONG)


def nested_outer_tighter() -> list[str]:
    seen = []
    with pytest.raises(BudgetExceeded):
        with time_budget(0.3):
            try:
                with time_budget(LONG):
                    busy()
            except BudgetExceeded:
                seen.append("inner block stopped")
            busy()  # the outer budget is still due: it stops this too
    return seen


def nested_inner_tighter() -> str:
    with time_budget(LONG):
        try:
            with time_budget(0.2):
                busy()
        except BudgetExceeded:
            pass
        busy(0.3)  # the outer budget is far away: this runs to its end
    return "finished"


def swallowed() -> float:
    start = time.monotonic()
    with pytest.raises(BudgetExceeded):
        with time_budget(0.2):
            try:
                busy()
            except Exception:  # noqa: BLE001 - what a careless caller (or SymPy) might do
                pass
            busy()  # raised again: a swallowed budget does not let the work run on
    return time.monotonic() - start


def hard_through_handlers() -> str:
    with pytest.raises(HardBudgetExceeded):
        with time_budget(0.3, hard=True):
            for _ in range(1000):
                try:
                    with time_budget(LONG):
                        busy()
                except Exception:  # noqa: BLE001 - neither this nor an except BudgetExceeded stops it
                    pass
    return "stopped"


def many_short_then_quiet() -> str:
    for _ in range(300):
        try:
            with time_budget(0.002):
                sum(range(2000))
        except BudgetExceeded:
            pass
    busy(0.3)  # no late raise once every block is left
    return "quiet"


@pytest.mark.parametrize("where", ["main", "thread"])
def test_a_budget_stops_a_busy_loop(where: str) -> None:
    took = stops(0.2) if where == "main" else in_thread(stops, 0.2)
    assert took < 5


def test_a_budget_stops_work_in_an_asyncio_executor() -> None:
    async def main() -> float:
        return await asyncio.get_running_loop().run_in_executor(None, stops, 0.2)

    assert asyncio.run(main()) < 5


@pytest.mark.parametrize("where", ["main", "thread"])
def test_nesting_keeps_the_tighter_deadline(where: str) -> None:
    run = (lambda fn: fn()) if where == "main" else (lambda fn: in_thread(fn))
    start = time.monotonic()
    assert run(nested_outer_tighter) == ["inner block stopped"]
    assert time.monotonic() - start < 5
    assert run(nested_inner_tighter) == "finished"


@pytest.mark.parametrize("where", ["main", "thread"])
def test_a_swallowed_budget_is_raised_again(where: str) -> None:
    took = swallowed() if where == "main" else in_thread(swallowed)
    assert took < 5


@pytest.mark.parametrize("where", ["main", "thread"])
def test_a_hard_budget_passes_through_broad_handlers(where: str) -> None:
    assert (hard_through_handlers() if where == "main" else in_thread(hard_through_handlers)) == "stopped"


@pytest.mark.parametrize("where", ["main", "thread"])
def test_no_late_raise_after_the_block(where: str) -> None:
    assert (many_short_then_quiet() if where == "main" else in_thread(many_short_then_quiet)) == "quiet"


def test_no_budget_for_none_zero_or_infinity() -> None:
    for seconds in (None, 0, -1, float("inf")):
        with time_budget(seconds) as budget:
            busy(0.05)
        assert budget is None


def test_expirations_count_and_expired_flag() -> None:
    before = expirations()
    with time_budget(5) as budget:
        pass
    assert budget is not None and not budget.expired and expirations() == before
    with pytest.raises(BudgetExceeded):
        with time_budget(0.05) as budget:
            busy()
    assert budget is not None and budget.expired and expirations() == before + 1


def test_the_previous_alarm_handler_is_restored() -> None:
    def mine(signum, frame):  # type: ignore[no-untyped-def]
        pass

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        with time_budget(1):
            pass
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_threads_have_budgets_of_their_own() -> None:
    """A budget in one thread does not stop another; both stop at their own deadlines."""
    results: dict[str, float] = {}

    def run(name: str, seconds: float) -> None:
        results[name] = stops(seconds)

    threads = [threading.Thread(target=run, args=(f"t{k}", 0.2 + 0.2 * k)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(LONG)
    assert sorted(results) == ["t0", "t1", "t2"]
    assert all(v < 8 for v in results.values())


class _LandedEarly(BudgetExceeded):
    """Stands for a budget exception delivered inside ``__enter__``, after the budget was registered."""


def raise_after_registering(where: str, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Enter a budget whose registration is followed at once by an exception (as a deadline passing
    under load delivers it) and return what stays on the thread's budget stack afterwards."""
    import derive.budget as budget_module

    def landed(*args: object, **kwargs: object) -> None:
        raise _LandedEarly("delivered before the block started")

    # The last step of __enter__ on each path: arming the alarm (main thread) or the watchdog (others).
    monkeypatch.setattr(budget_module, "_arm_alarm" if where == "main" else "_ensure_watchdog", landed)
    with pytest.raises(_LandedEarly):
        with time_budget(5):
            pytest.fail("the block must not start")
    monkeypatch.undo()
    left = list(budget_module._stacks.get(threading.get_ident(), []))
    with time_budget(5):  # the next budget works as usual
        busy(0.05)
    return left


@pytest.mark.parametrize("where", ["main", "thread"])
def test_an_exception_inside_enter_leaves_no_budget_behind(where: str, monkeypatch: pytest.MonkeyPatch) -> None:
    left = (raise_after_registering(where, monkeypatch) if where == "main"
            else in_thread(raise_after_registering, where, monkeypatch))
    assert left == []


def test_a_signal_at_the_first_instruction_of_exit_does_not_outlive_the_block() -> None:
    """A SIGALRM that lands as ``__exit__`` starts (before its ``try``) waits for the bookkeeping.

    CI saw it: after 300 short budgets in a loop, one stayed registered (its opening frame, the loop's, was
    still running) and fired in code after the loop. The handler is called here as the interpreter would
    call it at the first instruction of ``__exit__``, with a due budget: it must not raise there.
    """
    import types

    import derive.budget as budget_module

    at_exit = types.SimpleNamespace(f_code=budget_module.time_budget.__exit__.__code__, f_back=sys._getframe())
    raised = False
    with time_budget(LONG) as budget:
        assert budget is not None
        budget.deadline = time.monotonic() - 1  # due: a signal in the block's own code raises
        try:
            budget_module._on_alarm(signal.SIGALRM, at_exit)  # type: ignore[arg-type]
        except BudgetExceeded:
            raised = True
        with pytest.raises(BudgetExceeded):  # while the block runs, it still raises
            budget_module._on_alarm(signal.SIGALRM, sys._getframe())
    assert not raised and budget.done
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
