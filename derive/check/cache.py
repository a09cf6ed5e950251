"""A content-hash cache of per-file results, so that re-checking an unchanged course costs nothing.

Like ruff's and mypy's: an entry is keyed on everything that decides a file's report and nothing
else —

* the file's path (findings carry it; the suffix decides the flavour) and its **content**;
* the **tool**: derive's version, a hash of derive's own source files (so a development checkout
  never reuses results of older code), the SymPy and Python versions;
* the **options** (:class:`~derive.check.run.CheckOptions`, every field);
* the content of the **configuration files** that can change a result (``pyproject.toml``'s
  ``[tool.derive]``, a MyST/Jupyter Book/Quarto project file with math macros …), found in the file's
  folder and every folder above it (:data:`CONFIG_NAMES`), and the **project root** that bounds what the
  file may read (its ``.git``, or the folder named on the command line);
* the content of every preamble or macros file the report was made from (checked when the entry is read).

A report whose result depended on timing (a budget ran out: with more time it could come out
decided) or that says the file could not be read is never stored. Entries are JSON files written
atomically under ``<cache dir>/<tool fingerprint>/``; a corrupt entry is a miss, and entries of other
tool fingerprints are removed when the cache is opened, so the folder does not grow without bound.
The cache folder holds a ``CACHEDIR.TAG`` and a ``.gitignore`` of ``*``, so backups and git leave it alone.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from .files import DEFAULT_CACHE_DIR
from .findings import FileReport

#: The default cache folder (relative to the working directory), like ``.ruff_cache``/``.mypy_cache``.
DEFAULT_DIR = DEFAULT_CACHE_DIR

#: Files whose content can change a report: read from the checked file's folder and every folder above.
CONFIG_NAMES: tuple[str, ...] = (
    "pyproject.toml", "derive.toml", ".derive.toml", "myst.yml", "_config.yml", "_config.yaml", "_toc.yml", "_quarto.yml",
    "conf.py", "preamble.tex", "macros.tex",
)

_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache of derive check/render results.\n"


def _digest(path: str) -> str:
    """The content hash of a file another one depends on ("" when it cannot be read)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


@cache
def tool_fingerprint() -> str:
    """derive's version, a hash of its source files, and the versions of what it computes with."""
    from importlib.metadata import PackageNotFoundError, version

    import derive

    try:
        sympy_version = version("sympy")  # not ``import sympy``: a run served from the cache never needs it
    except PackageNotFoundError:  # pragma: no cover - sympy is a dependency
        sympy_version = "?"
    digest = hashlib.sha256()
    digest.update(f"derive {derive.__version__}; sympy {sympy_version}; python {sys.version.split()[0]}".encode())
    package = Path(derive.__file__).resolve().parent
    templates = Path(__import__("derive.templates", fromlist=["_"]).__file__).resolve().parent
    for folder in (package, templates):
        for source in sorted(folder.rglob("*")):
            if source.suffix in (".py", ".j2") and source.is_file():
                digest.update(str(source.relative_to(folder)).encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _config_digest(folder: str) -> str:
    """A hash of the configuration files in ``folder`` and every folder above it (read afresh each run:
    :class:`CheckCache` keeps it for one run only)."""
    digest = hashlib.sha256()
    here = Path(folder)
    for place in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = place / name
            try:
                if candidate.is_file():
                    digest.update(str(candidate).encode() + b"\0" + candidate.read_bytes() + b"\0")
            except OSError:
                digest.update(str(candidate).encode() + b"\0unreadable\0")
    return digest.hexdigest()


def options_digest(options: object) -> str:
    """Every field of the options, in a stable text form."""
    fields = dataclasses.asdict(options) if dataclasses.is_dataclass(options) else vars(options)  # type: ignore[arg-type]
    return json.dumps(fields, sort_keys=True, default=repr)


def key(path: str, content: str, options: object, config: str | None = None) -> str:
    """The cache key of one file's report (``config``: :func:`_config_digest` of its folder, if known)."""
    if config is None:
        config = _config_digest(os.path.dirname(os.path.abspath(path)))
    digest = hashlib.sha256()
    for part in (tool_fingerprint(), path, options_digest(options), config, content):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def open_dir(folder: str | os.PathLike[str], kind: str) -> Path:
    """``<folder>/<tool fingerprint>/<kind>``, created, with older fingerprints removed."""
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    tag = root / "CACHEDIR.TAG"
    if not tag.exists():
        write_quietly(tag, _TAG.encode())
        write_quietly(root / ".gitignore", b"# derive's cache: never committed\n*\n")
    current = tool_fingerprint()
    for other in root.iterdir():
        if other.is_dir() and other.name != current and len(other.name) == 16:
            shutil.rmtree(other, ignore_errors=True)
    place = root / current / kind
    place.mkdir(parents=True, exist_ok=True)
    return place


def write_quietly(path: Path, data: bytes) -> None:
    """Atomically (a reader sees the old entry or the new one); a failure to write is not an error."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except (OSError, UnboundLocalError):
            pass


class CheckCache:
    """Reports of ``derive check`` by :func:`key`."""

    def __init__(self, folder: str | os.PathLike[str] = DEFAULT_DIR) -> None:
        self.place = open_dir(folder, "check")
        self.hits = 0
        self.misses = 0
        self._configs: dict[str, str] = {}  # folder -> config digest, for this run

    def key(self, path: str, content: str, options: object) -> str:
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in self._configs:
            # the project root bounds which preambles and includes a file may read: a `.git` created above it
            # (or a folder named on the command line) changes what it reads, so it is part of the key
            from .macros import project_root
            root = project_root(path, tuple(getattr(options, "roots", ()) or ()))
            self._configs[folder] = _config_digest(folder) + "\0root\0" + root
        return key(path, content, options, self._configs[folder])

    def _file(self, entry: str) -> Path:
        return self.place / entry[:2] / f"{entry}.json"

    def get(self, entry: str) -> FileReport | None:
        try:
            data: Any = json.loads(self._file(entry).read_text(encoding="utf-8"))
            report = FileReport.from_dict(data)
            # a preamble or an included macros file it read must be unchanged too
            fresh = all(_digest(path) == digest for path, digest in data.get("depend_digests", {}).items())
        except (OSError, ValueError, TypeError, KeyError):
            fresh = False
        if not fresh:
            self.misses += 1
            return None
        self.hits += 1
        return report

    def put(self, entry: str, report: FileReport) -> None:
        target = self._file(entry)
        try:
            target.parent.mkdir(exist_ok=True)
        except OSError:
            return
        data = report.to_dict()
        data["depend_digests"] = {path: _digest(path) for path in report.depends}
        write_quietly(target, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))
