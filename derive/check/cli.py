"""``derive check PATH…``: arguments in, findings and links out; exit 0 clean, 1 errors, 2 could not run."""
from __future__ import annotations

import argparse
import re
import sys

from ..errors import UsageError
from .findings import LINK_VERDICTS
from .flavors import FLAVORS


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds, not {text}")
    return value


def _size(text: str) -> int:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)[bB]?\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 500k, 8M)")
    factor = {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}[match.group(2).lower()]
    value = int(float(match.group(1)) * factor)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 byte, not {text!r}")
    return value



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
    from .files import DEFAULT_CACHE_DIR as DEFAULT_DIR
    from .files import DEFAULT_MAX_BYTES

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
    parser.add_argument("-j", "--jobs", type=_positive_int, default=None, metavar="N",
                        help="check N files at a time in worker processes (default: the number of cores); "
                             "the output order does not depend on it")
    parser.add_argument("--timeout", type=_seconds, default=60.0, metavar="SECONDS",
                        help="time budget of one file (default: 60); a file that runs out gets a "
                             "checker/timeout warning: after 3/4 of it no further display is verified "
                             "(those links are undecided, with the reason), and at the whole of it the "
                             "file's findings are replaced by the warning")
    parser.add_argument("--max-size", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                        help=f"larger files are not read: an input/too-large finding, exit 2 "
                             f"(default: {DEFAULT_MAX_BYTES // 2 ** 20}M; e.g. 500k, 16M)")
    parser.add_argument("--no-cache", action="store_true",
                        help="neither read nor write the cache of results of unchanged files")
    parser.add_argument("--cache-dir", default=DEFAULT_DIR, metavar="DIR",
                        help=f"where results of unchanged files are kept (default: {DEFAULT_DIR} in the "
                             "working folder)")


def run(args: argparse.Namespace) -> int:
    from . import report
    from .pool import default_jobs
    from .run import CheckOptions, check_paths

    show = args.show | ({"undecided"} if args.explain else set())
    options = CheckOptions(flavor=args.flavor, timeout=args.timeout, max_bytes=args.max_size)
    cache = None
    if not args.no_cache:
        from .cache import CheckCache
        try:
            cache = CheckCache(args.cache_dir)
        except OSError as err:  # a read-only checkout: check without a cache
            print(f"derive check: note: no cache ({args.cache_dir}: {err.strerror or err})", file=sys.stderr)
    jobs = args.jobs if args.jobs is not None else default_jobs()
    if args.jobs is not None and args.jobs > 256:
        raise UsageError(f"-j {args.jobs}: at most 256 worker processes")
    result = check_paths(args.paths, options, jobs=jobs, cache=cache)
    render = {"text": report.as_text, "json": report.as_json, "github": report.as_github}[args.format]
    print(render(result, frozenset(show)))
    code = result.exit_code(strict=args.strict)
    if code == 2:  # also say it where a human running it in a terminal looks for errors
        from .files import INPUT_CODES
        for finding in result.findings:
            if finding.code in INPUT_CODES:
                print(f"derive check: error: {finding.path}: {finding.message}", file=sys.stderr)
    return code
