"""``derive check PATH…``: arguments in, findings and links out; exit 0 clean, 1 errors, 2 could not run."""
from __future__ import annotations

import argparse

from .findings import LINK_VERDICTS
from .flavors import FLAVORS


def _verdicts(text: str) -> frozenset[str]:
    chosen = frozenset(v.strip() for v in text.split(",") if v.strip())
    if "all" in chosen:
        return frozenset(LINK_VERDICTS)
    unknown = chosen - set(LINK_VERDICTS)
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown verdict {', '.join(sorted(unknown))}: choose from "
                                         f"{', '.join(LINK_VERDICTS)} or all")
    return chosen


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="notes files (Markdown/MyST, Quarto .qmd, R Markdown .Rmd, notebooks .ipynb, LaTeX); "
                             "a folder means every such file below it")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text",
                        help="text lines (path:line:col: severity[code] message), JSON (findings and every "
                             "equality link with its verdict), or GitHub annotations")
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too, not only on errors")
    parser.add_argument("--show", type=_verdicts, default=frozenset(), metavar="VERDICTS",
                        help="also list the equality links with these verdicts (comma-separated: "
                             f"{', '.join(LINK_VERDICTS)}, or all), each with its reason")
    parser.add_argument("--explain", action="store_true",
                        help="list the undecided links with their reasons (the same as --show undecided)")
    parser.add_argument("--flavor", choices=FLAVORS, default=None,
                        help="read every file as this dialect instead of deciding from its extension, the "
                             "project's config (myst.yml, _config.yml, _quarto.yml), front matter and signs")


def run(args: argparse.Namespace) -> int:
    from . import report
    from .run import CheckOptions, check_paths

    show = args.show | ({"undecided"} if args.explain else set())
    result = check_paths(args.paths, CheckOptions(flavor=args.flavor))  # an unreadable file: NotesError, exit 2
    render = {"text": report.as_text, "json": report.as_json, "github": report.as_github}[args.format]
    print(render(result, frozenset(show)))
    return result.exit_code(strict=args.strict)
