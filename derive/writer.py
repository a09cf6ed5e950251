"""Writing rendered files: atomically, only inside one output folder, or only comparing (check mode).

Why a module of its own: generated notes are committed next to hand-written ones and checked in CI
with ``derive render --check``. That needs three guarantees that are easy to get subtly wrong inline:

* a reader (a Jupyter Book build, an editor, a concurrent ``derive render``) never sees a half-written
  file — each file is written to a temporary file in the *same* folder and moved with ``os.replace``,
  which is atomic on one file system;
* nothing outside the output folder is touched — every name is a plain file name, never a path;
* check mode compares bytes and writes nothing, so it can run on a read-only checkout.

A write killed between creating its temporary file and the move (SIGKILL, a power cut) leaves a
``.NAME.XXXXXXXX.tmp`` behind. The next write of NAME removes it, and check mode reports every such
leftover as ``stale``, like any file a complete render (``--all``) does not produce: a folder that
``--check`` passes holds exactly what a fresh render writes.
"""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .errors import RenderError

Status = Literal["missing", "differs", "stale"]

#: What :func:`write_atomic` names its temporary files (``tempfile.mkstemp`` adds 8 random characters).
_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")


@dataclass(frozen=True, order=True)
class Difference:
    """One file of the output folder that does not match a fresh render."""

    path: Path
    status: Status

    def text(self) -> str:
        return f"{self.path}: {self.status}"


def _safe_name(name: str) -> str:
    """Reject anything but a plain file name, so a write can never leave the output folder."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or os.sep in name or "\0" in name:
        raise RenderError(f"refusing to write {name!r}: output names must be plain file names")
    if os.altsep and os.altsep in name:
        raise RenderError(f"refusing to write {name!r}: output names must be plain file names")
    return name


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see either the old file or the new one, never a mix.

    The temporary file lives in the target's folder (``os.replace`` is only atomic within one file
    system) and gets the permissions an ordinary new file would get (``mkstemp`` creates 0600).
    """
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise


def leftovers(out_dir: Path, names: set[str] | None = None) -> list[Path]:
    """Temporary files of interrupted writes in ``out_dir`` (of ``names`` only, if given), sorted."""
    try:
        entries = sorted(out_dir.iterdir())
    except OSError:
        return []
    found = []
    for entry in entries:
        match = _LEFTOVER.match(entry.name)
        if match and (names is None or match.group("name") in names) and entry.is_file():
            found.append(entry)
    return found


def compare(out_dir: Path, files: Mapping[str, bytes], *, complete: bool = False) -> list[Difference]:
    """Which of ``files`` (name → bytes) are missing from ``out_dir`` or differ from it, and which files
    there are stale: leftovers of interrupted writes always, and — when ``files`` is everything the
    folder should hold (``complete``) — every other file. Writes nothing."""
    found: list[Difference] = []
    for name in sorted(files):
        target = out_dir / _safe_name(name)
        if not target.is_file():
            found.append(Difference(target, "missing"))
        elif target.read_bytes() != files[name]:
            found.append(Difference(target, "differs"))
    stale = set(leftovers(out_dir))
    if complete and out_dir.is_dir():
        stale |= {p for p in out_dir.iterdir() if p.name not in files and (p.is_file() or p.is_symlink())}
    found.extend(Difference(p, "stale") for p in sorted(stale))
    return found


def write_all(out_dir: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every file into ``out_dir`` (created if needed); return the paths whose bytes changed.

    Unchanged files are left alone, so their modification time stays and build tools that watch the
    folder (Jupyter Book, latexmk) do not rebuild for nothing.
    """
    names = [_safe_name(name) for name in sorted(files)]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise RenderError(f"cannot create the output folder {out_dir}: {err.strerror}") from None
    for leftover in leftovers(out_dir, set(names)):  # an earlier write of these names was interrupted
        try:
            leftover.unlink()
        except OSError:
            pass
    changed: list[Path] = []
    for name in names:
        target = out_dir / name
        data = files[name]
        if target.is_file() and target.read_bytes() == data:
            continue
        try:
            write_atomic(target, data)
        except OSError as err:
            raise RenderError(f"cannot write {target}: {err.strerror}") from None
        changed.append(target)
    return changed
