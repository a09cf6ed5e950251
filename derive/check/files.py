"""Which files the checker reads, and reading them so that no path can hang it or exhaust its memory.

A CI job checks whatever lands in a course repository, so a path is hostile until shown otherwise:

* only **regular files** are read. A symlink to ``/dev/zero`` or ``/dev/urandom`` would read forever,
  a FIFO would block ``open`` until a writer comes; a file is opened with ``O_NONBLOCK`` (so a FIFO
  opens at once) and what the descriptor *is* is asked with ``fstat`` on it, not on the name (no race
  between looking and reading);
* each file is read up to a **size limit** (:data:`DEFAULT_MAX_BYTES`, ``--max-size``): past it the
  file gets a finding and is not read;
* a **folder** that cannot be listed, or that holds no notes at all, is a finding too — never a
  silent pass.

Every such problem is an :class:`~derive.errors.InputError` with a code (``input/…``); the checker turns
it into a finding at ``path:line:1`` after checking every other file, and exits 2 (could not run).
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import InputError, NotesError
from .findings import FileReport, Finding

#: The default cache folder (relative to the working directory), like ``.ruff_cache``/``.mypy_cache``.
#: (Here and not in :mod:`.cache`, so that building the CLI does not load hashing for a ``--no-cache`` run.)
DEFAULT_CACHE_DIR = ".derive_cache"

#: The largest notes file read by default (8 MiB: a long book chapter is well under 1 MiB).
DEFAULT_MAX_BYTES = 8 * 1024 * 1024

#: Codes of findings that mean "could not run on this path" (exit code 2).
INPUT_CODES = frozenset({
    "input/missing", "input/not-a-file", "input/too-large", "input/unreadable", "input/not-utf8",
    "input/unsupported", "input/unreadable-folder", "input/no-notes",
})

_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


@dataclass(frozen=True)
class Problem:
    """A path named or found that cannot be checked, already as the report it becomes."""

    report: FileReport


def problem_report(path: str, code: str, message: str, line: int = 1) -> FileReport:
    """The report of a path that could not be checked: one error finding that says why."""
    return FileReport(path, "", [Finding(path, line, 1, "error", code, message)], [])


def timeout_report(path: str, seconds: float | None) -> FileReport:
    """The report of a file whose time budget ran out: what it found so far is not trusted, so it says only that."""
    return FileReport(path, "", [Finding(path, 1, 1, "warning", "checker/timeout",
                                         f"not checked: the file's time budget of {seconds:g} s ran out "
                                         "(raise it with --timeout)")], [])


def report_for(err: NotesError, path: str) -> FileReport:
    """A :class:`NotesError` raised while checking ``path``, as its report."""
    if isinstance(err, InputError):
        return problem_report(err.path or path, err.code, err.reason, err.line or 1)
    text = str(err)
    for prefix in (f"{err.path}:{err.line}: ", f"{err.path}: "):
        if err.path is not None and text.startswith(prefix):
            text = text[len(prefix):]
            break
    code = "input/unsupported" if "unsupported file type" in text else "input/unreadable"
    return problem_report(err.path or path, code, text, err.line or 1)


def _describe(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def read_note(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """A notes file as text (UTF-8, ``\\n`` line ends, no BOM); anything else is an :class:`InputError`."""
    where = os.fspath(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(where, flags)
    except FileNotFoundError:
        raise InputError("no such file", code="input/missing", path=where) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a notes file", code="input/not-a-file", path=where) from None
    except PermissionError:
        raise InputError("permission denied", code="input/unreadable", path=where) from None
    except OSError as err:
        raise InputError(f"cannot open: {err.strerror or err}", code="input/unreadable", path=where) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{_describe(info.st_mode)}, not a regular file: not read", code="input/not-a-file",
                             path=where)
        if info.st_size > max_bytes:
            raise InputError(_too_large(info.st_size, max_bytes), code="input/too-large", path=where)
        try:
            raw = handle.read(max_bytes + 1)
        except OSError as err:
            raise InputError(f"cannot read: {err.strerror or err}", code="input/unreadable", path=where) from None
    if len(raw) > max_bytes:  # it grew while we looked, or its size lied (/proc)
        raise InputError(_too_large(len(raw), max_bytes), code="input/too-large", path=where)
    return decode(raw, where)


def decode(raw: bytes, path: str) -> str:
    """UTF-8 (a BOM dropped, editors do not show it) with ``\\n`` line ends (editors count ``\\r\\n`` as one)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise InputError(f"not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}); save the file as UTF-8",
                         code="input/not-utf8", path=path, line=line) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _too_large(size: int, limit: int) -> str:
    return (f"{size:,} bytes, more than the limit of {limit:,}: not read "
            f"(raise it with --max-size if this is really one notes file)")


def collect(paths: Iterable[str], suffixes: tuple[str, ...], skip_dirs: frozenset[str] | set[str]
            ) -> list[str | Problem]:
    """Files to check, in a fixed order: each path named, and every notes file below each folder named.

    Folders are walked sorted (hidden folders and ``skip_dirs`` left out; symlinked folders are not
    followed, so a link cycle cannot loop). What cannot be listed, a path that does not exist and a
    folder without notes come back as :class:`Problem` entries in their place, so that everything
    else is still checked.
    """
    out: list[str | Problem] = []
    for name in paths:
        if os.path.isdir(name):
            found: list[str | Problem] = []

            def failed(err: OSError, into: list[str | Problem] = found, top: str = name) -> None:
                folder = err.filename if isinstance(err.filename, str) else top
                reason = "permission denied" if isinstance(err, PermissionError) else (err.strerror or str(err))
                into.append(Problem(problem_report(folder, "input/unreadable-folder",
                                                   f"cannot list this folder ({reason}): its notes were not checked")))

            for root, dirs, files in os.walk(name, onerror=failed):
                dirs[:] = sorted(d for d in dirs if d not in skip_dirs and not d.startswith("."))
                found.extend(os.path.join(root, f) for f in sorted(files) if f.lower().endswith(suffixes))
            if not found:
                found.append(Problem(problem_report(
                    name, "input/no-notes", f"no notes here (no {', '.join(suffixes)} file below this folder)")))
            out.extend(found)
        elif os.path.lexists(name):
            out.append(name)  # a file, a FIFO, a device, a dangling link: read_note decides
        else:
            out.append(Problem(problem_report(name, "input/missing", "no such file or folder")))
    return out
