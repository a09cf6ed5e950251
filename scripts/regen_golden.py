#!/usr/bin/env python3
"""Regenerate the golden files of the rendering tests: ``python scripts/regen_golden.py``.

Golden files pin the exact text of the flagship exercise (``weight-decay``) in both languages and all
three text formats. When the engine, the printer, a template or the prose changes on purpose, run
this, read the diff (``git diff tests/golden``) as you would read a proof-reader's marks, and commit
it with the change. ``--check`` only reports what would change (exit 1), for CI or a pre-commit hook.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


def golden_files() -> dict[str, bytes]:
    """The golden set: the flagship in every language and every text format."""
    from derive.render import FLAGSHIP, LANGS, plan, render_files

    return render_files(plan([FLAGSHIP]), langs=LANGS, formats=("tex", "fragment", "md"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a golden file is stale")
    args = parser.parse_args(argv)
    from derive.errors import DeriveError
    from derive.writer import compare, write_all

    try:
        files = golden_files()
        if args.check:
            stale = compare(GOLDEN, files)
            for diff in stale:
                print(diff.text())
            return 1 if stale else 0
        changed = write_all(GOLDEN, files)
    except DeriveError as err:
        print(f"regen_golden: error: {err}", file=sys.stderr)
        return 2
    for path in changed:
        print(f"updated {path.relative_to(ROOT)}")
    print(f"{len(files)} golden files, {len(changed)} changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
