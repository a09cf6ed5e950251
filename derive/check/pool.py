"""Checking a whole course at once: files in parallel worker processes, in a fixed output order, cached.

Why processes and not threads: the work is SymPy, pure Python under the GIL. Each worker is a
process that calls :func:`derive.check.run.check_file` for one file at a time and sends back the
:class:`~derive.check.findings.FileReport` as a plain dict. Reports are put back in the order the
files were collected, so the output is the same with 1 worker or 8.

Budgets: ``check_file`` stops a file at its time budget (``--timeout``) and reports it. As a last
resort — one C-level operation that no budget can interrupt — the parent kills a worker that is
still busy with a file :data:`GRACE` after that budget, gives the file a ``checker/timeout``
finding, and starts a fresh worker. A worker that dies (killed from outside, out of memory) costs
its file a ``checker/internal-error`` finding, never the run.

The parent reads each file first (:func:`derive.check.files.read_note`: regular files only, up to
the size limit) to compute its cache key; files that cannot be read, and cache hits, never reach a
worker, and with everything cached no worker is started at all.
"""
from __future__ import annotations

import os
import time
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import NotesError
from . import files
from .findings import FileReport, Finding

if TYPE_CHECKING:
    from .cache import CheckCache
    from .run import CheckOptions

#: How long after a file's budget its worker is killed (seconds, plus a quarter of the budget).
GRACE = 5.0


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def check_one(path: str, options: "CheckOptions") -> tuple[FileReport, bool]:
    """One file's report, and whether it depended on timing (a budget ran out: do not cache it).

    Whatever goes wrong with one file stays with that file: an unreadable file is an ``input/…``
    finding, a bug in the checker a ``checker/internal-error`` finding.
    """
    from ..budget import expirations
    from .run import check_file

    before = expirations()
    try:
        report = check_file(path, options)
    except NotesError as err:
        return files.report_for(err, path), False
    except RecursionError:
        return _internal(path, "expressions nested too deeply"), True
    except MemoryError:
        return _internal(path, "out of memory"), True
    except Exception as exc:  # noqa: BLE001 - one file's checker bug must not end the run
        return _internal(path, f"{type(exc).__name__}: {exc}"), False
    partial = any(f.code == "checker/timeout" for f in report.findings)  # stopped at its soft deadline
    return report, partial or expirations() != before


def _internal(path: str, what: str) -> FileReport:
    return FileReport(path, "", [Finding(path, 1, 1, "warning", "checker/internal-error",
                                         f"this file was not checked: {what}")], [])


def killed_report(path: str, seconds: float) -> FileReport:
    return FileReport(path, "", [Finding(path, 1, 1, "warning", "checker/timeout",
                                         f"not checked: still busy {seconds:g} s after its time budget, "
                                         "so its worker was stopped (a single operation too large to interrupt)")], [])


def check_all(entries: list["str | files.Problem"], options: "CheckOptions", *, jobs: int = 1,
              cache: "CheckCache | None" = None) -> list[FileReport]:
    """Reports for ``entries`` (paths, and problems found while collecting them), in their order."""
    reports: list[FileReport | None] = [None] * len(entries)
    todo: list[tuple[int, str, str | None]] = []  # (index, path, cache key)
    for index, entry in enumerate(entries):
        if isinstance(entry, files.Problem):
            reports[index] = entry.report
            continue
        try:
            content = files.read_note(entry, options.max_bytes)
        except NotesError as err:
            reports[index] = files.report_for(err, entry)
            continue
        entry_key = None
        if cache is not None:
            entry_key = cache.key(entry, content, options)
            hit = cache.get(entry_key)
            if hit is not None:
                reports[index] = hit
                continue
        todo.append((index, entry, entry_key))

    # With more than one job even a single file goes to a worker: then a file that no budget can stop
    # (one long C-level operation) is still killed at its deadline. ``-j 1`` checks in this process.
    if jobs > 1 and len(todo) == 1 and hasattr(os, "fork"):
        index, path, _ = todo[0]
        results: Any = [(index, *_in_one_fork(path, options))]
    elif jobs > 1 and todo:
        results = _in_workers(todo, options, min(jobs, len(todo)))
    else:
        results = ((index, *check_one(path, options)) for index, path, _ in todo)
    keys = {index: entry_key for index, _, entry_key in todo}
    for index, report, timed in results:
        reports[index] = report
        entry_key = keys[index]
        if cache is not None and entry_key is not None and not timed and not _input_problem(report):
            cache.put(entry_key, report)
    assert all(r is not None for r in reports)
    return reports  # type: ignore[return-value]


def _input_problem(report: FileReport) -> bool:
    return any(f.code in files.INPUT_CODES or f.code.startswith("checker/") for f in report.findings)


# -- worker processes -------------------------------------------------------------------------------

def _serve(conn: Any, options: "CheckOptions") -> None:
    """A worker: check the files the parent sends, one at a time, until it sends None."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path = task
        report, timed = check_one(path, options)
        conn.send((index, report.to_dict(), timed))


@dataclass
class _Worker:
    """One worker process, the file it is busy with (index, path) and since when (for its deadline)."""

    process: Any
    conn: Any
    task: tuple[int, str] | None = None
    started: float = 0.0


@dataclass
class _Pool:
    """The live workers of one run, started from the same options."""

    options: "CheckOptions"
    context: Any
    workers: list[_Worker] = field(default_factory=list)

    def start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(child, self.options), daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def retire(self, worker: _Worker, *, kill: bool) -> None:
        self.workers.remove(worker)
        if kill:
            worker.process.kill()
        else:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        worker.process.join(5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()


def _deadline(options: "CheckOptions") -> float | None:
    """Seconds a worker may spend on one file before the parent kills it."""
    return options.timeout + GRACE + options.timeout / 4 if options.timeout else None


def _in_one_fork(path: str, options: "CheckOptions") -> tuple[FileReport, bool]:
    """One file in one forked child, with the pool's deadline, for the common one-file run.

    Why not the pool: ``multiprocessing`` and its connection module cost about a tenth of a one-file
    run to import, and a single child needs none of its machinery — a pipe, ``select`` for the
    deadline and ``waitpid`` for the exit code do the same work. The report travels as JSON, the
    form the cache already stores it in.
    """
    import json
    import select
    import signal

    limit = _deadline(options)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: check, send, and leave without running the parent's exit handlers
        code = 70
        try:
            os.close(read_end)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
            report, timed = check_one(path, options)
            data = json.dumps([report.to_dict(), timed]).encode()
            view = memoryview(data)
            while view:
                view = view[os.write(write_end, view):]
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    started = time.monotonic()
    chunks: list[bytes] = []
    try:
        while True:
            wait = None if limit is None else max(0.0, started + limit - time.monotonic())
            ready, _, _ = select.select([read_end], [], [], wait)
            if not ready:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return killed_report(path, options.timeout), True
            chunk = os.read(read_end, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_end)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0 or not chunks:
        return _internal(path, f"its worker process died (exit code {code})"), True
    data, timed = json.loads(b"".join(chunks))
    return FileReport.from_dict(data), bool(timed)


def _context() -> Any:
    """``fork`` where it exists (the workers start with SymPy already imported), else ``spawn``."""
    import multiprocessing  # here, not at the top: a one-file check never starts a worker

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _in_workers(todo: list[tuple[int, str, str | None]], options: "CheckOptions", jobs: int):  # type: ignore[no-untyped-def]
    """Yield (index, report, timing-dependent) as workers finish; order is restored by the caller."""
    import multiprocessing.connection

    from . import run  # noqa: F401 - imported before forking, so no worker imports it again
    from .catalog_match import _variants

    _variants()  # the catalog's derivations, once, shared by every forked worker
    limit = _deadline(options)
    pool = _Pool(options, _context())
    queue = deque((index, path) for index, path, _ in todo)
    try:
        for _ in range(jobs):
            pool.start()
        while queue or any(w.task for w in pool.workers):
            for worker in pool.workers:
                if worker.task is None and queue:
                    worker.task = queue.popleft()
                    worker.started = time.monotonic()
                    worker.conn.send(worker.task)
            busy = [w for w in pool.workers if w.task is not None]
            wait = None
            if limit is not None:
                wait = max(0.0, min(w.started + limit for w in busy) - time.monotonic())
            ready = multiprocessing.connection.wait([w.conn for w in busy], timeout=wait)
            for worker in busy:
                assert worker.task is not None
                index, path = worker.task
                if worker.conn in ready:
                    try:
                        done_index, data, timed = worker.conn.recv()
                    except (EOFError, OSError):
                        worker.process.join(5)  # reaped, so that its exit code is known
                        code = worker.process.exitcode
                        pool.retire(worker, kill=True)
                        pool.start()
                        yield index, _internal(path, f"its worker process died (exit code {code})"), True
                        continue
                    worker.task = None
                    yield done_index, FileReport.from_dict(data), timed
                elif limit is not None and time.monotonic() - worker.started >= limit:
                    pool.retire(worker, kill=True)
                    pool.start()
                    yield index, killed_report(path, options.timeout), True
    finally:
        for worker in list(pool.workers):
            pool.retire(worker, kill=worker.task is not None)
