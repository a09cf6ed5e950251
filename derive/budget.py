"""A wall-clock budget for symbolic work that holds on any thread, so long work says "undecided" instead of hanging.

SymPy has no cancellation points, so a budget interrupts the Python code that runs it:

* on the main thread of a POSIX process, with ``SIGALRM`` (an interval timer): the signal handler
  raises in the running frame (and a blocking system call is woken);
* on any other thread (a Jupyter or language-server worker, a ``ThreadPoolExecutor``, an asyncio
  executor), with one shared watchdog thread that raises the exception *in the target thread*
  through ``PyThreadState_SetAsyncExc`` once the deadline has passed.

Budgets nest: each thread keeps a stack of budgets and the earliest deadline is in force; when it
passes, the exception raised is that of the outermost budget with that deadline, so an inner
``except BudgetExceeded`` cannot swallow an outer budget that ran out at the same moment. Until the
block of an expired budget is left, its exception is raised again every :data:`REPEAT` seconds, so a
broad ``except Exception`` in SymPy or in a caller cannot swallow it for good. A budget whose block
was left without running ``__exit__`` to the end (an exception landing at its first instruction)
is recognised because the frame that opened it is no longer running, and is dropped.

Neither mechanism can interrupt one long C-level operation (a big-integer power, one huge
multiplication): the interpreter only looks for pending exceptions between bytecodes. That is why
input is bounded too (:mod:`derive.limits`: exponents, factorials and expression sizes are refused
before SymPy builds them), and why the parallel checker kills a worker that overruns its file budget.

A *hard* budget (``hard=True``) raises :class:`HardBudgetExceeded`, which derives from
``BaseException``: it stops a whole unit of work (one file of the checker) through the ``except
Exception`` and ``except BudgetExceeded`` handlers that turn a single link into "undecided".
"""
from __future__ import annotations

import ctypes
import heapq
import itertools
import math
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from types import FrameType, TracebackType

from .errors import BudgetExceeded

__all__ = ["Budget", "BudgetExceeded", "HardBudgetExceeded", "REPEAT", "expirations", "time_budget"]

#: While an expired budget's block is still running, its exception is raised again this often (s).
REPEAT = 0.05


class _Expired(BudgetExceeded):
    """What a soft budget raises (an asynchronous exception is raised as a class: no arguments)."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _due_message())


class HardBudgetExceeded(BaseException):
    """A hard budget ran out: the whole unit of work stops (not an ``Exception``, on purpose)."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _due_message())


def _due_message() -> str:
    """The message of an exception raised asynchronously (as a class): the binding budget's seconds."""
    stack = _stacks.get(threading.get_ident(), [])
    budget = _binding(stack)
    return f"time budget of {budget.seconds:g} s exceeded" if budget is not None else "time budget exceeded"


@dataclass(eq=False)
class Budget:
    """One active budget: what ``with time_budget(…) as budget`` gives."""

    seconds: float
    hard: bool
    deadline: float
    thread_id: int
    frame: FrameType | None = field(default=None, repr=False)  # the frame running the ``with``
    done: bool = False
    fired: bool = False  # its deadline passed while its block ran

    @property
    def expired(self) -> bool:
        """True once the deadline has passed (whether or not the block noticed)."""
        return self.fired or time.monotonic() >= self.deadline

    @property
    def exception(self) -> type[BaseException]:
        return HardBudgetExceeded if self.hard else _Expired


_lock = threading.RLock()
_stacks: dict[int, list[Budget]] = {}  # thread id -> its active budgets, outermost first
_expired_count: dict[int, int] = {}  # thread id -> budgets that ran out there (see expirations())
_scheduled: set[int] = set()  # threads with an asynchronous raise that may still be pending
_serial = itertools.count()


def expirations() -> int:
    """How many budgets have run out on the calling thread so far.

    Compare the count before and after a piece of work to learn whether its result depends on
    timing (a cache must not keep such a result: with more time it could come out decided).
    """
    return _expired_count.get(threading.get_ident(), 0)


def _binding(stack: list[Budget]) -> Budget | None:
    """The budget in force: the earliest deadline; on a tie the outermost (its exception wins)."""
    best: Budget | None = None
    for b in stack:
        if not b.done and (best is None or b.deadline < best.deadline):
            best = b
    return best


def _running(budget: Budget, top: FrameType | None) -> bool:
    """Is the frame that opened ``budget`` still on the thread's call stack (``top`` and its callers)?"""
    if budget.frame is None:
        return True
    frame = top
    while frame is not None:
        if frame is budget.frame:
            return True
        frame = frame.f_back
    return False


def _fire(budget: Budget) -> type[BaseException]:
    if not budget.fired:
        budget.fired = True
        _expired_count[budget.thread_id] = _expired_count.get(budget.thread_id, 0) + 1
    return budget.exception


def _drop_stale(stack: list[Budget], top: FrameType | None) -> None:
    for b in list(stack):
        if not b.done and not _running(b, top):
            b.done = True
        if b.done:
            stack.remove(b)


# -- the main thread: SIGALRM -----------------------------------------------------------------------

_critical = False  # the main thread is inside __enter__/__exit__: the handler waits …
_deferred = False  # … and notes that it came
_saved: tuple[object, float, float] | None = None  # (handler, timer, when): what SIGALRM was before ours


def _signals_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    """SIGALRM handler (main thread only): raise the binding budget's exception once it is due."""
    global _deferred
    if _critical or _in_bookkeeping(frame):
        _deferred = True  # raised again once the bookkeeping is done (see _end_critical)
        return
    stack = _stacks.get(threading.get_ident(), [])
    _drop_stale(stack, frame)
    budget = _binding(stack)
    if budget is None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        return  # a late signal after every budget was left
    remaining = budget.deadline - time.monotonic()
    if remaining > 0:  # early, or a tighter budget was left meanwhile
        signal.setitimer(signal.ITIMER_REAL, remaining, REPEAT)
        return
    raise _fire(budget)(f"time budget of {budget.seconds:g} s exceeded")


def _in_bookkeeping(frame: FrameType | None) -> bool:
    """Is ``frame`` one of time_budget's own ``__enter__``/``__exit__``, outside the part guarded by ``_critical``?

    A raise at the first instruction of ``__exit__`` (before its ``try``) would leave the budget registered
    while the caller, still running its loop, goes on: it would fire later in code after the ``with``. Such
    a signal waits for the bookkeeping instead; the interval timer brings it back (REPEAT) if still due.
    """
    return frame is not None and frame.f_code in _BOOKKEEPING


def _end_critical() -> None:
    global _critical, _deferred
    _critical = False
    if _deferred:
        _deferred = False
        stack = _stacks.get(threading.get_ident())
        if stack:
            _arm_alarm(stack)


def _arm_alarm(stack: list[Budget]) -> None:
    budget = _binding(stack)
    if budget is None:
        signal.setitimer(signal.ITIMER_REAL, 0)
    else:
        signal.setitimer(signal.ITIMER_REAL, max(budget.deadline - time.monotonic(), 1e-4), REPEAT)


# -- other threads: a watchdog --------------------------------------------------------------------

_BOOKKEEPING_WAIT = 0.001  # s: how long the watchdog waits for a thread that is entering or leaving a budget
_wakeup = threading.Condition(_lock)
_queue: list[tuple[float, int, int]] = []  # (when to look, serial, thread id): a heap
_watchdog: threading.Thread | None = None

_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)
_set_async_exc.restype = ctypes.c_int


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Schedule ``exc`` in the thread (None clears what is pending there)."""
    _set_async_exc(thread_id, exc if exc is not None else ctypes.py_object())


def _watch() -> None:
    with _lock:
        while True:
            if not _queue:
                _wakeup.wait()
                continue
            when, _, ident = _queue[0]
            now = time.monotonic()
            if when > now:
                _wakeup.wait(when - now)
                continue
            heapq.heappop(_queue)
            stack = _stacks.get(ident)
            if not stack:
                continue
            top = sys._current_frames().get(ident)
            _drop_stale(stack, top)
            budget = _binding(stack)
            if budget is None:
                _stacks.pop(ident, None)
                continue
            if budget.deadline > now:  # not yet: an earlier wake-up for a budget since left
                heapq.heappush(_queue, (budget.deadline, next(_serial), ident))
                continue
            if _in_bookkeeping(top):  # a raise landing there would leave a budget registered: look again soon
                heapq.heappush(_queue, (now + _BOOKKEEPING_WAIT, next(_serial), ident))
                continue
            _raise_in(ident, _fire(budget))
            _scheduled.add(ident)
            heapq.heappush(_queue, (now + REPEAT, next(_serial), ident))  # again, until the block is left


def _ensure_watchdog() -> None:
    global _watchdog
    if _watchdog is None or not _watchdog.is_alive():
        _watchdog = threading.Thread(target=_watch, name="derive-budget-watchdog", daemon=True)
        _watchdog.start()


# -- the context manager --------------------------------------------------------------------------

class time_budget:  # noqa: N801 - reads as a function: ``with time_budget(2):``
    """Raise :class:`BudgetExceeded` (or :class:`HardBudgetExceeded` if ``hard``) inside the block once
    ``seconds`` of wall time have passed; ``seconds`` of None, ≤ 0 or infinite means no budget.

    Works on any thread (see the module docstring); nested budgets keep the tighter deadline.
    ``with time_budget(s) as budget:`` gives the :class:`Budget` (None without a budget), whose
    ``expired`` says afterwards whether it ran out.
    """

    def __init__(self, seconds: float | None, *, hard: bool = False) -> None:
        self.seconds = seconds
        self.hard = hard
        self.budget: Budget | None = None
        self._signals = False

    def __enter__(self) -> Budget | None:
        # A deadline can pass (or an enclosing budget can fire) after this budget is registered but
        # before the block starts. Python then never calls __exit__, and the budget would stay on the
        # stack: its opening frame is the caller's, still running, so it would raise again later, in
        # code after the ``with``. Unregister it here before the exception goes on.
        try:
            return self._enter()
        except BaseException:
            self.__exit__(None, None, None)
            raise

    def _enter(self) -> Budget | None:
        global _critical, _saved
        seconds = self.seconds
        if seconds is None or not seconds > 0 or math.isinf(seconds):
            return None
        ident = threading.get_ident()
        now = time.monotonic()
        budget = Budget(float(seconds), self.hard, now + seconds, ident, sys._getframe(2))
        self.budget = budget
        self._signals = _signals_usable()
        if self._signals:
            _critical = True
            try:
                stack = _stacks.setdefault(ident, [])
                _drop_stale(stack, sys._getframe(2))
                if _saved is None:
                    # Someone else's SIGALRM (not a budget of ours) is saved, and restored on the way out.
                    previous = signal.signal(signal.SIGALRM, _on_alarm)
                    _saved = (previous, signal.getitimer(signal.ITIMER_REAL)[0], now)
                if _saved[1] > 0:
                    budget.deadline = min(budget.deadline, _saved[2] + _saved[1])
                stack.append(budget)
                _arm_alarm(stack)
            finally:
                _end_critical()
            return budget
        with _lock:
            stack = _stacks.setdefault(ident, [])
            stack.append(budget)
            _ensure_watchdog()
            heapq.heappush(_queue, (budget.deadline, next(_serial), ident))
            _wakeup.notify()
        return budget

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> bool:
        # A raise that lands while we clean up is dropped: the cleanup is idempotent and runs again;
        # an enclosing budget that is still due is raised again (REPEAT) once we are done.
        for _ in range(1000):
            try:
                self._leave()
                break
            except (BudgetExceeded, HardBudgetExceeded):
                continue
        return False

    def _leave(self) -> None:
        global _critical, _saved
        budget = self.budget
        if budget is None:
            return
        if self._signals:
            _critical = True
            try:
                budget.done = True
                stack = _stacks.get(budget.thread_id, [])
                if budget in stack:
                    stack.remove(budget)
                _drop_stale(stack, sys._getframe(2))
                if stack:
                    _arm_alarm(stack)
                elif _saved is not None:
                    handler, timer, started = _saved
                    _saved = None
                    signal.setitimer(signal.ITIMER_REAL, 0)
                    signal.signal(signal.SIGALRM, handler)  # type: ignore[arg-type]
                    if timer > 0:
                        signal.setitimer(signal.ITIMER_REAL, max(timer - (time.monotonic() - started), 0.001))
                    _stacks.pop(budget.thread_id, None)
            finally:
                _end_critical()
            return
        with _lock:
            budget.done = True
            stack = _stacks.get(budget.thread_id, [])
            if budget in stack:
                stack.remove(budget)
            if budget.thread_id in _scheduled:
                # A raise scheduled for this block but not delivered yet must not hit the caller's code.
                _raise_in(budget.thread_id, None)
                _scheduled.discard(budget.thread_id)
            if not stack:
                _stacks.pop(budget.thread_id, None)


_BOOKKEEPING = frozenset({time_budget.__enter__.__code__, time_budget.__exit__.__code__})


def _after_fork_in_child() -> None:
    """A forked child (a worker of ``derive check -j``) starts with no budgets and no watchdog.

    Locks held by another thread at the moment of the fork would stay held forever in the child.
    """
    global _lock, _wakeup, _watchdog, _saved, _critical, _deferred
    _lock = threading.RLock()
    _wakeup = threading.Condition(_lock)
    _watchdog = None
    _queue.clear()
    _scheduled.clear()
    _stacks.clear()
    _expired_count.clear()
    _saved = None
    _critical = _deferred = False


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
