"""The ``derive`` command: parses arguments, calls typed workers, turns errors into one line and an exit code.

Subcommands import their modules lazily, so ``derive list`` does not pay for the notes checker and
``derive check`` does not pay for Jinja.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import Callable, NoReturn, Sequence

from .errors import DeriveError, UsageError


def _cmd_list(args: argparse.Namespace) -> int:
    from . import catalog, conventions

    width = max(len(n) for n in catalog.names())
    for name in catalog.names():
        opt = catalog.get(name)
        modes = ", ".join(m + ("*" if m == opt.default_mode else "") for m in opt.modes)
        also = ", ".join(conventions.frameworks(name)) or "—"
        print(f"{name:<{width}}  {opt.title}  [{modes}]  ({opt.source}; in: {also})")
    print("(* = default regularization mode; 'decoupled' is ×lr for PyTorch entries, ×schedule for the paper's;\n"
          " 'in:' the frameworks that have it: 'derive conventions NAME' says how they differ, "
          "'derive conformance' runs them)")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from . import report
    from .derivation import derive, derive_system

    own = versus = None
    from .unrolled import MAX_UNROLL

    if not 0 <= args.unroll <= MAX_UNROLL:
        raise UsageError(f"--unroll K needs 0 ≤ K ≤ {MAX_UNROLL} (0: no unrolling), got {args.unroll}")
    if args.system is not None:
        if args.name is not None:
            raise UsageError("give either an optimizer NAME or --system FILE, not both")
        from .usersystem import assumptions_text, load
        own = load(args.system, reg=args.reg)[0]
        d = derive_system(own.system, expand=args.expand, reg_detail=own.detail)
        d = dataclasses.replace(d, reg=own.mode)
        if args.unroll:
            other = own.counterpart()
            versus = other.derivation if other is not None else None
        for a in own.system.warnings:
            print(f"derive show: warning: {own.path}:{a.line or own.line}: {a.text}", file=sys.stderr)
    elif args.name is None:
        raise UsageError("name an optimizer (see 'derive list') or give --system FILE")
    else:
        d = derive(args.name, args.reg, expand=args.expand)
    if args.format == "json":
        payload = report.derivation_json(d)
        if own is not None:
            payload["title"] = own.title
            payload["assumptions"] = [dataclasses.asdict(a) for a in own.system.assumptions]
        if args.unroll:
            payload["unroll"] = report.parting_json(d, args.unroll, versus) if own is None or versus is not None \
                else {"error": "no counterpart mode to compare with (the system has no single regularization coefficient)"}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    elif args.format == "latex":
        print(report.derivation_latex(d))
    else:
        print(report.derivation_text(d, own.title if own is not None and own.title else None))
        if own is not None:
            print(assumptions_text(own))
        if args.unroll:
            if own is not None and versus is None:
                print("\nUnroll: no counterpart mode to compare with (the system has no single regularization coefficient)")
            else:
                print(report.parting_text(d, args.unroll, versus))
    return 0


def _add_show(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help="derive the step form w_t = g(λ)·w_{t-1} − η_t·h(…) of a catalog optimizer or of your own system",
                       description="Substitute the optimizer's definitions one at a time, collect the terms in "
                                   "w_{t-1}, and classify the decay factor as uniform or per-coordinate.")
    p.add_argument("name", nargs="?", help="catalog name (see 'derive list')")
    p.add_argument("--system", metavar="FILE[:LINE]",
                   help="derive your own optimizer instead: the first system (a cases/aligned block of =, := or "
                        "\\leftarrow rows, any step index) of a Markdown or LaTeX file, or the one at LINE; what "
                        "it assumed (hyperparameters, state, the loss gradient, definitions taken from the prose) "
                        "is listed")
    p.add_argument("--reg", choices=("none", "l2", "decoupled"), default=None,
                   help="regularization: none, l2 (λ·w added to the gradient) or decoupled weight decay "
                        "(default: the entry's own; with --system: the system as written, else this block added)")
    p.add_argument("--format", choices=("text", "latex", "json"), default="text")
    p.add_argument("--expand", action="store_true", help="write v̂_t out instead of keeping it as an atom")
    p.add_argument("--unroll", type=int, default=0, metavar="K",
                   help="also unroll K steps (1-64): the coefficient of w_{t-K} in w_t in every regularization "
                        "mode of the entry, and the step at which the modes part ways (bounded: a few seconds for K ≤ 8)")
    p.set_defaults(run=_cmd_show)


def _cmd_theorems(args: argparse.Namespace) -> int:
    from . import printing
    from .theorems import all_theorems

    failures = 0
    for th in all_theorems():
        witness = th.witness
        where = ""
        if witness is not None:
            where = ": the two rules differ at " + ", ".join(
                f"{printing.text(k)} = {float(v):.3g}" for k, v in witness.counterexample.items())
        elif th.sides_equal:
            where = ": the two rules agree (symbolically, and at random points)"
        verdict = "holds" if th.holds else ("does NOT hold" if th.fails else "undecided")
        mark = "as expected" if th.as_expected else "NOT AS EXPECTED"
        failures += not th.as_expected
        print(f"{th.name}: {th.statement}\n  {verdict}{where} [{mark}]")
    return 1 if failures else 0


def _lazy(module: str) -> tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]:
    def add(parser: argparse.ArgumentParser) -> None:
        import importlib
        importlib.import_module(module).add_arguments(parser)

    def run(args: argparse.Namespace) -> int:
        import importlib
        return int(importlib.import_module(module).run(args))
    return add, run


_SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "render": ("derive.render", "render derivations (catalog entries or your own systems) as LaTeX (article, fragment, "
                                "PDF) and MyST Markdown"),
    "check": ("derive.check.cli", "verify the algebra written in lecture notes (Markdown/MyST, LaTeX)"),
    "templates": ("derive.template_tools", "list the built-in templates (blocks, macros) or copy them to start your own"),
    "conventions": ("derive.conventions", "how the paper, torch.optim, optax and Keras 3 spell an optimizer: "
                    "where ε goes, what their weight decay does, and λ conversions between them"),
    "conformance": ("derive.conformance", "run the catalog next to the installed frameworks (torch, optax, Keras) "
                    "and print the largest difference per case"),
}


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="derive", description="The algebra of optimizer update rules: "
                                     "derivations in SymPy, lecture notes, and a checker for the algebra in notes.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("list", help="list the optimizers of the catalog, their regularization modes and the "
                                    "frameworks that have them")
    p.set_defaults(run=_cmd_list)
    _add_show(sub)
    p = sub.add_parser("theorems", help="prove the paper's Propositions 1-3 (L2 vs weight decay) or refute them",
                       description="Loshchilov & Hutter (2019), Propositions 1-3, each decided symbolically with a "
                                   "numeric witness or counterexample; Proposition 3 in the printed and in the proved form.")
    p.set_defaults(run=_cmd_theorems)
    chosen = argv[0] if argv else None
    for name, (module, help_text) in _SUBCOMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        add, run = _lazy(module)
        # Only the chosen subcommand (or all, for --help) pays for importing its module.
        if chosen in (name, "-h", "--help") or chosen is None:
            add(p)
        p.set_defaults(run=run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser(argv)
        args = parser.parse_args(argv)
        return args.run(args)
    except DeriveError as err:
        print(f"derive: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("derive: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # ``derive check … | head``: the reader went away. Not a pass (the output was not all read),
        # and no second traceback when Python flushes stdout on exit.
        import os
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 141  # 128 + SIGPIPE, what a shell reports for a command killed by a broken pipe


def entry() -> NoReturn:
    """The ``derive`` command: :func:`main`, then an exit that skips the interpreter's teardown.

    Why: a check leaves SymPy's caches and hundreds of thousands of expression objects behind, and freeing
    them one by one at exit took a third of a second of a one-second lecture check — time nobody waits for.
    Everything the command writes is written and closed when :func:`main` returns (reports, ``out/``, the
    cache), so only the freeing is skipped. With worker processes still alive, or output that cannot be
    flushed, the ordinary exit runs instead. ``main()`` itself (tests, the Python API) exits nothing.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    children = sys.modules.get("multiprocessing")
    if children is not None and children.active_children():
        sys.exit(code)
    import os

    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
