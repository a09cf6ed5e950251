"""``derive templates list|copy``: what can be overridden, and a starting point for one's own templates.

A lecturer customizes the notes in a folder passed as ``derive render --templates DIR``. Three ways,
from the smallest change up, and ``list`` shows which one each file of the folder uses:

* a few **prose macros**: ``DIR/prose-ru.j2`` with only the macros to change (the rest come from the
  built-in file; a new language ``DIR/prose-de.j2`` falls back to English macro by macro);
* one **block** of a layout template: ``DIR/optimizer.j2`` holding
  ``\\BLOCK{extends "builtin/optimizer.j2"}`` and ``\\BLOCK{block task}…\\BLOCK{endblock}``;
* a **whole file** of the same name (``copy`` gives the built-in one to start from).
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

from .errors import DeriveError, RenderError, UsageError

_DEFINES = re.compile(r"\\BLOCK\{-?\s*(?P<kind>block|macro)\s+(?P<name>[A-Za-z_][A-Za-z_0-9]*)")
_EXTENDS = re.compile(r"\\BLOCK\{-?\s*extends\s+[\"'](?P<parent>[^\"']+)[\"']")


def defined(source: str) -> tuple[list[str], list[str]]:
    """(blocks, macros) a template defines, in the order written."""
    blocks, macros = [], []
    for m in _DEFINES.finditer(source):
        (blocks if m.group("kind") == "block" else macros).append(m.group("name"))
    return blocks, macros


def listing(user_dir: str | None = None) -> list[str]:
    """One line per built-in template (blocks and macros), then one per file of ``user_dir`` saying
    how it overrides."""
    from .render import get_env

    env = get_env(user_dir)
    loader = env.loader
    lines = []
    builtin = loader.builtin_names()  # type: ignore[union-attr]
    width = max(len(n) for n in builtin)
    for name in builtin:
        source = loader.get_source(env, "builtin/" + name)[0]  # type: ignore[union-attr]
        blocks, macros = defined(source)
        parts = []
        if blocks:
            parts.append("blocks: " + ", ".join(blocks))
        if macros:
            parts.append("macros: " + ", ".join(macros))
        lines.append(f"{name:<{width}}  {'; '.join(parts) or '(no blocks: override the whole file)'}")
    if user_dir is not None:
        lines.append("")
        lines.append(f"in {user_dir}:")
        for name in loader.user_names():  # type: ignore[union-attr]
            source = (Path(user_dir) / name).read_text(encoding="utf-8", errors="replace")
            blocks, macros = defined(source)
            parent = _EXTENDS.search(source)
            if parent:
                how = f"extends {parent.group('parent')}, overrides blocks: {', '.join(blocks) or '(none)'}"
            elif name.startswith("prose-") and name not in builtin:
                how = f"prose of a new language ({len(macros)} macros; English for the rest)"
            elif name.startswith("prose-"):
                how = f"overrides prose macros: {', '.join(macros) or '(none)'}"
            elif name in builtin:
                how = "replaces the whole built-in file"
            else:
                how = "a template of your own (include or extend it from another)"
            lines.append(f"  {name:<{width}}  {how}")
    return lines


def copy(folder: str, names: list[str], *, force: bool = False) -> list[Path]:
    """Copy built-in templates (all, or ``names``) into ``folder``; existing files are never
    overwritten unless ``force``."""
    from .render import get_env

    env = get_env()
    loader = env.loader
    builtin = loader.builtin_names()  # type: ignore[union-attr]
    wanted = names or builtin
    unknown = [n for n in wanted if n not in builtin]
    if unknown:
        raise UsageError(f"no built-in template {', '.join(unknown)} (see 'derive templates list')")
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} exists and is not a folder")
    existing = [n for n in wanted if (target / n).exists()]
    if existing and not force:
        raise UsageError(f"{target} already has {', '.join(existing)}: nothing copied (--force overwrites)")
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in wanted:
        source = loader.get_source(env, "builtin/" + name)[0]  # type: ignore[union-attr]
        path = target / name
        tmp = path.with_name(f".{name}.tmp")
        tmp.write_text(source, encoding="utf-8")
        shutil.move(str(tmp), str(path))
        written.append(path)
    return written


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = sub.add_parser("list", help="the built-in templates with their blocks and macros (and how a folder overrides them)")
    p.add_argument("--templates", default=None, metavar="DIR", help="also show how the files of DIR override")
    p = sub.add_parser("copy", help="copy built-in templates into DIR to start your own")
    p.add_argument("folder", metavar="DIR")
    p.add_argument("names", nargs="*", metavar="NAME", help="templates to copy (default: all)")
    p.add_argument("--force", action="store_true", help="overwrite files that already exist in DIR")


def run(args: argparse.Namespace) -> int:
    try:
        if args.action == "list":
            print("\n".join(listing(args.templates)))
            print("\nOverride one block: a file of the same name starting with \\BLOCK{extends \"builtin/NAME\"}; "
                  "prose: only the macros you change; a new language: prose-LANG.j2 (then --lang LANG).")
            return 0
        written = copy(args.folder, list(args.names), force=args.force)
        print(f"copied {len(written)} template{'s' if len(written) != 1 else ''} to {args.folder}")
        return 0
    except (DeriveError, RenderError) as err:
        print(f"derive templates: error: {err}", file=sys.stderr)
        return err.exit_code
    except OSError as err:
        print(f"derive templates: error: {err}", file=sys.stderr)
        return 2
