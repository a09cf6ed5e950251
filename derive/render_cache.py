"""A cache of whole ``derive render`` runs, so that ``derive render --all --check`` on an unchanged tree
does no symbolic work and compiles no PDF.

A run is keyed on everything that decides its bytes: every option of the command line except where
the files go and whether they are only compared (``--out``, ``--check``), the content of the
``--templates`` folder, derive's own source and built-in templates and the SymPy/Python versions
(:func:`derive.check.cache.tool_fingerprint`), and for PDF the ``pdflatex`` found on ``PATH`` (its
path, size and time). The value is every rendered file's bytes; ``--check`` and the writer then work
on them as on a fresh render (unchanged outputs are not rewritten: :func:`derive.writer.write_all`).

Whoever adds an input to ``derive render`` that is not a command-line option or a template (a
configuration file, an environment variable) must add it to :func:`key`.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from .check.cache import DEFAULT_DIR, open_dir, tool_fingerprint, write_quietly

#: Options that do not change what is rendered.
_NOT_IN_KEY = frozenset({"out", "check", "no_cache", "cache_dir", "run", "command"})


def _folder_digest(folder: str | None) -> str:
    if not folder:
        return "-"
    digest = hashlib.sha256()
    root = Path(folder)
    if not root.is_dir():
        return "missing:" + folder
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _engine_identity(formats: object) -> str:
    if "pdf" not in json.dumps(formats, default=str):
        return "-"
    exe = shutil.which("pdflatex")
    if exe is None:
        return "none"
    info = os.stat(exe)
    return f"{os.path.realpath(exe)}:{info.st_size}:{info.st_mtime_ns}"


def key(args: argparse.Namespace, extra: str = "") -> str:
    """The cache key of one ``derive render`` run (``extra``: inputs the arguments only name, such as the
    content of ``--system`` files and the notation map from ``pyproject.toml``)."""
    settings = {k: v for k, v in vars(args).items() if k not in _NOT_IN_KEY and not callable(v)}
    digest = hashlib.sha256()
    for part in (tool_fingerprint(), json.dumps(settings, sort_keys=True, default=repr),
                 _folder_digest(settings.get("templates")), _engine_identity(settings.get("format")), extra):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()


def rendered(args: argparse.Namespace, render: Callable[[], dict[str, bytes]], extra: str = "") -> dict[str, bytes]:
    """The files of this run: from the cache when an identical run was rendered before, else ``render()``
    (and stored). ``--no-cache`` renders; a cache folder that cannot be written is simply not used."""
    if getattr(args, "no_cache", True):
        return render()
    try:
        place = open_dir(getattr(args, "cache_dir", None) or DEFAULT_DIR, "render")
    except OSError:
        return render()
    entry = place / f"{key(args, extra)}.json"
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
        return {name: base64.b64decode(blob) for name, blob in data["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    files = render()
    payload = {"files": {name: base64.b64encode(blob).decode("ascii") for name, blob in sorted(files.items())}}
    write_quietly(entry, json.dumps(payload).encode("ascii"))
    return files
