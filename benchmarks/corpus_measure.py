"""Measure `derive check` against the hand-checked corpus of real public notes.

For every document of one set (dev or holdout) listed in ``benchmarks/corpus/manifest.json`` this runs
``derive check --format json`` on the stored text under ``--corpus`` (kept outside the repository, see
``benchmarks/corpus_fetch.md``) and compares what comes back with ``benchmarks/corpus/truth/<id>.json``:

- links in truth, and how many of them the checker accounted for (a ``links`` record on the same line,
  or cell and line, whose two sides match the truth's sides up to whitespace and spacing macros);
- true links proved; false links found (a ``math/false`` or ``math/coefficient`` error, or a ``false``
  link verdict, on the false link's line);
- false errors (a math error, or a ``false`` verdict, on a line whose links the truth says are all true or
  not claims);
- undecided links and their reasons (most frequent first); render errors, split into those on lines where
  a real rendering problem was observed and those on lines that render fine;
- wall time per document.

Until the checker emits ``links`` the report degrades to what findings say (accounted and proved are 0).
``--planted`` instead applies the planted slips of ``benchmarks/corpus/planted/`` in memory (on a
temporary copy of the document's project) and reports whether each slip was found on its line; a line the checker
already flags in the unmodified document does not count as found.

Run it from a directory where ``python -m derive.cli`` imports the code you mean to measure (``python -m`` puts the
current directory first on ``sys.path``: from a worktree root it measures that worktree).

Run: python benchmarks/corpus_measure.py --corpus /work/corpus --set dev [--planted] [--json OUT]
No network is used; a missing corpus is a clear error.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE / "corpus"
MATH_ERRORS = ("math/false", "math/coefficient")

_SPACING = re.compile(r"\\(?:begin|end)\{[A-Za-z*]+\}|\\(?:left|right|big|Big|bigg|Bigg)(?![A-Za-z])|\\[,;:!> ]"
                      r"|\\q?quad(?![A-Za-z])|&|\s+")


def normalize_side(text: str) -> str:
    """A side as written, without whitespace, alignment marks, spacing macros or trailing punctuation."""
    text = _SPACING.sub("", text)
    return text.rstrip(".,;:").strip()


def side_score(a: str, b: str) -> float:
    """2 for equal sides, 1 when one contains the other (one reader kept more context), else 0."""
    a, b = normalize_side(a), normalize_side(b)
    if a == b:
        return 2.0
    if a and b and (a in b or b in a):
        return 1.0
    return 0.0


@dataclass
class DocResult:
    doc_id: str
    flavour: str
    truth_links: int = 0
    accounted: int = 0
    true_links: int = 0
    proved: int = 0
    false_links: int = 0
    false_found: int = 0
    false_errors: list[str] = field(default_factory=list)
    unaccounted: list[str] = field(default_factory=list)  # line: why (no link there / sides differ), no text
    undecided: int = 0
    undecided_reasons: collections.Counter = field(default_factory=collections.Counter)
    render_errors_ok_lines: list[str] = field(default_factory=list)
    render_errors_bad_lines: int = 0
    seconds: float = 0.0
    checker_links: int = 0
    details: list[dict[str, Any]] = field(default_factory=list)  # each truth link with the verdict it got
    truth_status: str = ""
    status: str = "ok"

    def row(self) -> str:
        share = f"{self.proved}/{self.true_links}"
        return (f"{self.doc_id:34.34} {self.flavour:10.10} {self.truth_links:5d} {self.accounted:5d} {share:>9} "
                f"{self.false_found}/{self.false_links:<3d} {len(self.false_errors):5d} {self.undecided:5d} "
                f"{len(self.render_errors_ok_lines):5d} {self.seconds:6.2f}  {self.truth_status:6.6} {self.status}")


HEADER = (f"{'document':34} {'flavour':10} {'links':>5} {'acct':>5} {'proved':>9} {'false':>5} {'ferr':>5} "
          f"{'undec':>5} {'rerr':>5} {'sec':>6}  {'truth':6} run")


def load_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def as_clone(project: Path) -> None:
    """Mark a stored project folder as its repository's root (an empty ``.git``), as the clone it stands for
    has one: the checker reads files the page names (a LaTeX preamble two folders up, an include) only inside
    the project root, which it finds by ``.git``; without the marker a stored page would lose what its real
    checkout gives it."""
    marker = project / ".git"
    if not marker.exists():
        marker.mkdir()


def run_checker(command: list[str], target: Path, timeout: float) -> tuple[dict[str, Any] | None, float, str]:
    start = time.perf_counter()
    try:
        proc = subprocess.run([*command, "check", "--format", "json", str(target)], capture_output=True,
                              text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - start, f"timeout after {timeout:.0f} s"
    elapsed = time.perf_counter() - start
    try:
        return json.loads(proc.stdout), elapsed, "ok" if proc.returncode in (0, 1) else f"exit {proc.returncode}"
    except json.JSONDecodeError:
        first = (proc.stderr.strip().splitlines() or ["no output"])[0]
        return None, elapsed, f"exit {proc.returncode}: {first[:120]}"


def checker_links(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Links from the JSON output wherever the checker puts them (top level, or per file report)."""
    links = list(data.get("links", []))
    for item in data.get("files", []):
        if isinstance(item, dict) and isinstance(item.get("links"), list):
            links.extend(item["links"])
    return links


def checker_findings(data: dict[str, Any]) -> list[dict[str, Any]]:
    found = list(data.get("findings", []))
    for item in data.get("files", []):
        if isinstance(item, dict) and isinstance(item.get("findings"), list):
            found.extend(item["findings"])
    return found


def _key(cell: Any, line: int) -> tuple[int, int]:
    return (int(cell) if cell is not None else 0, int(line))


def match_links(truth: list[dict[str, Any]], links: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Truth index -> checker link: same cell, line within the truth link's span, best side agreement."""
    candidates = []
    for ti, t in enumerate(truth):
        lo, hi = t.get("lines", [t["line"], t["line"]])
        for ci, c in enumerate(links):
            if (c.get("cell") or 0) != (t.get("cell") or 0) or not lo <= int(c["line"]) <= hi:
                continue
            score = side_score(t["left"], c.get("left", "")) + side_score(t["right"], c.get("right", ""))
            if score >= 2.0:  # at least one side equal, or both sides overlapping
                candidates.append((-score, abs(int(c["line"]) - t["line"]), ti, ci))
    matched: dict[int, dict[str, Any]] = {}
    used: set[int] = set()
    for _, _, ti, ci in sorted(candidates):
        if ti not in matched and ci not in used:
            matched[ti] = links[ci]
            used.add(ci)
    return matched


def measure_document(entry: dict[str, Any], root: Path, command: list[str], timeout: float,
                     target: Path | None = None, data_dir: Path = DATA) -> tuple[DocResult, dict[str, Any] | None]:
    truth = load_json(data_dir / "truth" / f"{entry['id']}.json")
    result = DocResult(entry["id"], entry["flavour"], truth_status=truth.get("status", ""))
    path = target or root / entry["id"] / entry["path"]
    if not path.is_file():
        raise SystemExit(f"{path}: not found; fetch the corpus first (benchmarks/corpus_fetch.md)")
    if target is None:
        as_clone(root / entry["id"])
    data, result.seconds, result.status = run_checker(command, path, timeout)
    tlinks = truth["links"]
    result.truth_links = len(tlinks)
    result.true_links = sum(t["truth"] == "true" for t in tlinks)
    result.false_links = sum(t["truth"] == "false" for t in tlinks)
    if data is None:
        return result, None
    links = checker_links(data)
    findings = checker_findings(data)
    result.checker_links = len(links)
    matched = match_links(tlinks, links)
    result.accounted = len(matched)
    for ti, t in enumerate(tlinks):
        if ti not in matched:
            lo, hi = t.get("lines", [t["line"], t["line"]])
            near = [c for c in links if (c.get("cell") or 0) == (t.get("cell") or 0) and lo <= int(c["line"]) <= hi]
            where = f"{'cell ' + str(t['cell']) + ':' if t.get('cell') else ''}{t['line']}"
            result.unaccounted.append(f"{where} ({'no link on its lines' if not near else f'{len(near)} link(s) there, sides differ'})")
    math_error_lines = {_key(f.get("cell"), f["line"]) for f in findings
                        if f["severity"] == "error" and f["code"] in MATH_ERRORS}
    false_verdict_lines = {_key(k.get("cell"), k["line"]) for k in links if k.get("verdict") == "false"}
    flagged = math_error_lines | false_verdict_lines
    false_lines: set[tuple[int, int]] = set()
    for t in tlinks:
        lo, hi = t.get("lines", [t["line"], t["line"]])
        span = {_key(t.get("cell"), n) for n in range(lo, hi + 1)}
        if t["truth"] == "false":
            false_lines |= span
            if span & flagged:
                result.false_found += 1
    for ti, link in matched.items():
        if tlinks[ti]["truth"] == "true" and link.get("verdict") == "proved":
            result.proved += 1
    for ti, t in enumerate(tlinks):
        got = matched.get(ti, {})
        result.details.append({"doc": entry["id"], "cell": t.get("cell"), "line": t["line"], "truth": t["truth"],
                               "kind": t.get("kind", ""), "verdict": got.get("verdict", "unaccounted"),
                               "reason": got.get("reason", ""), "left": t["left"], "right": t["right"]})
    truth_lines = {_key(t.get("cell"), n) for t in tlinks
                   for n in range(t.get("lines", [t["line"]] * 2)[0], t.get("lines", [t["line"]] * 2)[1] + 1)}
    for key in sorted((flagged & truth_lines) - false_lines):
        result.false_errors.append(f"{'cell ' + str(key[0]) + ':' if key[0] else ''}{key[1]}")
    for link in links:
        if link.get("verdict") == "undecided":
            result.undecided += 1
            result.undecided_reasons[(link.get("reason") or "no reason")[:80]] += 1
    for f in findings:
        if f["code"] == "math/undecided" and not links:  # before links exist, notes are all there is
            result.undecided_reasons[f["message"].split(":")[0][:80]] += 1
    bad = {_key(p.get("cell"), p["line"]) for p in truth.get("render_problems", [])}
    for f in findings:
        if f["severity"] == "error" and f["code"].startswith("render/"):
            if _key(f.get("cell"), f["line"]) in bad:
                result.render_errors_bad_lines += 1
            else:
                result.render_errors_ok_lines.append(f"{f['line']}:{f['code']}")
    return result, data


def apply_slip(text: str, slip: dict[str, Any], suffix: str) -> str:
    """The document with one planted slip: ``find`` replaced by ``replace`` on the slip's line (or cell line)."""
    if suffix == ".ipynb":
        nb = json.loads(text)
        cell = nb["cells"][slip["cell"] - 1]
        src = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        lines = src.split("\n")
        lines[slip["line"] - 1] = _replace_once(lines[slip["line"] - 1], slip)
        cell["source"] = "\n".join(lines)
        return json.dumps(nb, ensure_ascii=False, indent=1)
    lines = text.split("\n")
    lines[slip["line"] - 1] = _replace_once(lines[slip["line"] - 1], slip)
    return "\n".join(lines)


def _replace_once(line: str, slip: dict[str, Any]) -> str:
    if line.count(slip["find"]) != 1:
        raise SystemExit(f"planted slip {slip['id']}: {slip['find']!r} is not on line {slip['line']} exactly once")
    return line.replace(slip["find"], slip["replace"])


def _flagged_on(data: dict[str, Any] | None, key: tuple[int, int]) -> list[str]:
    """Error codes (and ``link:false``) the checker reports on one line (or cell and line)."""
    if data is None:
        return []
    hits = [f["code"] for f in checker_findings(data) if f["severity"] == "error"
            and f["code"] in MATH_ERRORS and _key(f.get("cell"), f["line"]) == key]
    return hits + ["link:false" for k in checker_links(data)
                   if k.get("verdict") == "false" and _key(k.get("cell"), k["line"]) == key]


def measure_planted(entries: list[dict[str, Any]], root: Path, command: list[str], timeout: float) -> int:
    """Recall on planted slips. A slip counts as found only when its line is flagged with the slip and was not
    flagged in the unmodified document (otherwise the checker already complained there, slip or not)."""
    by_id = {e["id"]: e for e in entries}
    found = total = already = 0
    for path in sorted((DATA / "planted").glob("*.json")):
        spec = load_json(path)
        entry = by_id.get(spec["doc"])
        if entry is None:
            continue
        as_clone(root / entry["id"])
        baseline, _, _ = run_checker(command, root / entry["id"] / entry["path"], timeout)
        for slip in spec["slips"]:
            total += 1
            with tempfile.TemporaryDirectory() as tmp:
                project = Path(tmp) / entry["id"]
                shutil.copytree(root / entry["id"], project)
                target = project / entry["path"]
                target.write_text(apply_slip(target.read_text(encoding="utf-8"), slip, target.suffix), encoding="utf-8")
                data, seconds, status = run_checker(command, target, timeout)
            key = _key(slip.get("cell"), slip["line"])
            hits, before = _flagged_on(data, key), _flagged_on(baseline, key)
            if hits and before:
                already += 1
                verdict = "flagged without the slip too (not counted)"
            else:
                found += bool(hits)
                verdict = "FOUND " + hits[0] if hits else "missed"
            print(f"{spec['doc']:34.34} {slip['id']:4} line {slip['line']:4d} {slip['kind']:28.28} "
                  f"{verdict}  ({status}, {seconds:.2f} s)")
    print(f"planted slips found: {found}/{total}" + (f" ({already} on lines flagged without the slip)" if already else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="folder holding dev/ and holdout/ (outside the repo)")
    parser.add_argument("--set", required=True, help="dev or holdout (the repository's data), or a set of --data")
    parser.add_argument("--data", type=Path, default=DATA,
                        help="folder with manifest.json and truth/ (default: benchmarks/corpus); an unseen round's "
                             "hand-checked truth stays outside the repository until it is measured")
    parser.add_argument("--derive", default=f"{sys.executable} -m derive.cli",
                        help="command that runs derive (default: this Python's derive.cli)")
    parser.add_argument("--only", action="append", default=[], help="measure only these document ids")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per document")
    parser.add_argument("--planted", action="store_true", help="measure recall on the planted slips (dev only)")
    parser.add_argument("--json", type=Path, help="also write the per-document numbers here")
    parser.add_argument("--links", type=Path, help="also write every truth link with the verdict it got (JSON lines)")
    parser.add_argument("--include-drafts", action="store_true",
                        help="count documents whose truth is still a machine draft in the totals")
    args = parser.parse_args(argv)
    root = args.corpus / args.set
    if not root.is_dir():
        parser.error(f"{root}: no such folder (see benchmarks/corpus_fetch.md)")
    command = args.derive.split()
    entries = [e for e in load_json(args.data / "manifest.json") if e["set"] == args.set
               and (not args.only or e["id"] in args.only)]
    if not entries:
        parser.error(f"no documents of set {args.set!r} in {args.data / 'manifest.json'}")
    if args.planted:
        return measure_planted(entries, root, command, args.timeout)
    results = []
    print(HEADER)
    for entry in entries:
        result, _ = measure_document(entry, root, command, args.timeout, data_dir=args.data)
        results.append(result)
        print(result.row())
    counted = [r for r in results if args.include_drafts or r.truth_status == "hand-checked"]
    total = DocResult("TOTAL", f"{len(counted)} docs")
    reasons: collections.Counter = collections.Counter()
    print(f"(totals over {len(counted)} of {len(results)} documents: "
          f"{'all' if args.include_drafts else 'those whose truth is hand-checked'})")
    for r in counted:
        for name in ("truth_links", "accounted", "true_links", "proved", "false_links", "false_found", "undecided",
                     "render_errors_bad_lines", "checker_links"):
            setattr(total, name, getattr(total, name) + getattr(r, name))
        total.false_errors += [f"{r.doc_id}:{x}" for x in r.false_errors]
        total.unaccounted += [f"{r.doc_id}:{x}" for x in r.unaccounted]
        total.render_errors_ok_lines += [f"{r.doc_id}:{x}" for x in r.render_errors_ok_lines]
        total.seconds += r.seconds
        reasons.update(r.undecided_reasons)
    total.status = ""
    print(total.row())
    share = total.proved / total.true_links if total.true_links else 0.0
    print(f"\nlinks in truth {total.truth_links}; accounted {total.accounted} ({total.accounted / max(1, total.truth_links):.0%}); "
          f"checker links emitted {total.checker_links}")
    print(f"true links proved {total.proved}/{total.true_links} ({share:.0%}); false links found "
          f"{total.false_found}/{total.false_links}; false errors {len(total.false_errors)}")
    print(f"render errors on lines that render fine: {len(total.render_errors_ok_lines)}; "
          f"on lines with an observed render problem: {total.render_errors_bad_lines}")
    print(f"time: {total.seconds:.1f} s total, {total.seconds / max(1, len(counted)):.2f} s per document")
    if total.false_errors:
        print("false errors at: " + ", ".join(total.false_errors))
    if total.unaccounted:
        print("truth links not in the checker's links: " + ", ".join(total.unaccounted[:20]))
    if total.render_errors_ok_lines:
        print("render errors on fine lines: " + ", ".join(total.render_errors_ok_lines[:30])
              + (" …" if len(total.render_errors_ok_lines) > 30 else ""))
    if reasons:
        print("top undecided reasons:")
        for reason, count in reasons.most_common(10):
            print(f"  {count:4d}  {reason}")
    if args.links:
        args.links.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for r in results for d in r.details),
                              encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps([{**{k: v for k, v in r.__dict__.items() if k != "details"},
                                          "undecided_reasons": dict(r.undecided_reasons)} for r in results],
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
