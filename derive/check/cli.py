"""``derive check PATH…``: arguments in, findings out; exit 0 clean, 1 errors, 2 could not run."""
from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="Markdown/MyST or LaTeX files; a folder means every .md/.tex below it")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text",
                        help="text lines (path:line:col: severity[code] message), JSON, or GitHub annotations")
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too, not only on errors")


def run(args: argparse.Namespace) -> int:
    from . import report
    from .run import check_paths

    result = check_paths(args.paths)  # an unreadable file raises NotesError: exit 2, one line
    render = {"text": report.as_text, "json": report.as_json, "github": report.as_github}[args.format]
    print(render(result))
    return result.exit_code(strict=args.strict)
