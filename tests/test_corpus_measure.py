"""The corpus measurement script and its data: the truth files are well formed and the matching is honest.

The corpus texts live outside the repository, so these tests check the manifest, the hand-checked truth and the
planted slips as data, and the measurement logic on small synthetic checker outputs.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))
import corpus_measure as cm  # noqa: E402

KINDS = {"definition", "assignment", "condition", "approximation", "example-value", "notation"}
MANIFEST = json.loads((cm.DATA / "manifest.json").read_text(encoding="utf-8"))


def _truth(doc_id: str) -> dict:
    return json.loads((cm.DATA / "truth" / f"{doc_id}.json").read_text(encoding="utf-8"))


def test_every_manifest_entry_has_hand_checked_truth():
    ids = [e["id"] for e in MANIFEST]
    assert len(ids) == len(set(ids)), "duplicate document ids"
    assert {p.stem for p in (cm.DATA / "truth").glob("*.json")} == set(ids)
    for entry in MANIFEST:
        truth = _truth(entry["id"])
        assert truth["status"] == "hand-checked", entry["id"]
        assert truth["path"] == entry["path"], entry["id"]
        assert entry["set"] in ("dev", "holdout")
        assert len(entry["commit"]) == 40, entry["id"]


@pytest.mark.parametrize("entry", MANIFEST, ids=[e["id"] for e in MANIFEST])
def test_truth_links_are_classified(entry):
    links = _truth(entry["id"])["links"]
    assert links, "a document in the corpus has at least one link"
    for link in links:
        assert link["truth"] in ("true", "false", "not-a-claim"), link
        assert isinstance(link["line"], int) and link["line"] >= 1, link
        if link["truth"] == "not-a-claim":
            assert link["kind"] in KINDS, link
        else:
            assert link.get("check"), f"claim without the check that established it: {link}"
            assert link.get("note") or link["truth"] == "true", link
        if "lines" in link:
            lo, hi = link["lines"]
            assert lo <= link["line"] <= hi or lo <= hi, link


def test_sets_are_disjoint_and_large_enough():
    by_set = {"dev": [], "holdout": []}
    for entry in MANIFEST:
        by_set[entry["set"]].append(entry)
    assert len(by_set["holdout"]) >= 20
    for name, entries in by_set.items():
        claims = sum(link["truth"] in ("true", "false") for e in entries for link in _truth(e["id"])["links"])
        assert claims >= 100, (name, claims)
        assert {e["flavour"] for e in entries} >= {"myst-jb1", "quarto", "latex", "commonmark", "ipynb", "gfm",
                                                  "kramdown", "pandoc", "rmarkdown"}, name
    paths = {(e["repository"], e["path"]) for e in by_set["dev"]}
    assert not paths & {(e["repository"], e["path"]) for e in by_set["holdout"]}


def test_planted_slips_target_dev_documents_on_claim_lines():
    dev = {e["id"] for e in MANIFEST if e["set"] == "dev"}
    for path in sorted((cm.DATA / "planted").glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        assert spec["doc"] in dev, path.name
        truth = _truth(spec["doc"])["links"]
        for slip in spec["slips"]:
            assert slip["find"] != slip["replace"]
            on_line = [t for t in truth if (t.get("cell") or 0) == (slip.get("cell") or 0)
                       and t.get("lines", [t["line"]] * 2)[0] <= slip["line"] <= t.get("lines", [t["line"]] * 2)[1]]
            assert on_line, f"{path.name} {slip['id']}: no truth link on line {slip['line']}"
            assert not any(t["truth"] == "false" for t in on_line), (
                f"{path.name} {slip['id']}: the published line is already false, a slip there measures nothing")


def test_checker_links_ignore_per_file_counts():
    data = {"links": [{"line": 3, "left": "a", "right": "b"}],
            "files": [{"path": "x.md", "links": {"proved": 1, "false": 0}, "findings": []}]}
    assert len(cm.checker_links(data)) == 1
    assert cm.checker_findings(data) == []


def test_match_links_needs_agreeing_sides_inside_the_span():
    truth = [{"line": 10, "left": "v_t", "right": "\\beta v_{t-1} + g_t", "truth": "true"},
             {"line": 20, "lines": [20, 22], "left": "x", "right": "y + z", "truth": "true"}]
    links = [{"line": 10, "left": "v_t", "right": "\\beta v_{t-1} +  g_t,"},   # same up to spacing and comma
             {"line": 22, "left": "x", "right": "y+z"},                          # inside the span
             {"line": 11, "left": "v_t", "right": "\\beta v_{t-1} + g_t"}]      # wrong line: not this truth link
    matched = cm.match_links(truth, links)
    assert matched == {0: links[0], 1: links[1]}
    assert cm.match_links(truth, [{"line": 10, "left": "w", "right": "q"}]) == {}


def test_flagged_on_reads_findings_and_false_verdicts():
    data = {"findings": [{"severity": "error", "code": "math/false", "line": 8, "cell": None},
                         {"severity": "warning", "code": "math/false", "line": 9, "cell": None}],
            "links": [{"verdict": "false", "line": 12, "cell": 2}]}
    assert cm._flagged_on(data, (0, 8)) == ["math/false"]
    assert cm._flagged_on(data, (0, 9)) == []
    assert cm._flagged_on(data, (2, 12)) == ["link:false"]
    assert cm._flagged_on(None, (0, 8)) == []


def test_apply_slip_replaces_exactly_one_occurrence():
    slip = {"id": "p1", "line": 2, "find": "= 10", "replace": "= 9"}
    assert cm.apply_slip("a\n$1/(1-0.9) = 10$\nc", slip, ".md") == "a\n$1/(1-0.9) = 9$\nc"
    with pytest.raises(SystemExit):
        cm.apply_slip("a\n= 10 = 10\n", slip, ".md")
    nb = {"cells": [{"cell_type": "code", "source": "x = 10"},
                    {"cell_type": "markdown", "source": ["# t\n", "$y = 10$"]}], "metadata": {}, "nbformat": 4}
    out = json.loads(cm.apply_slip(json.dumps(nb), {**slip, "cell": 2}, ".ipynb"))
    assert out["cells"][1]["source"] == "# t\n$y = 9$"
    assert out["cells"][0]["source"] == "x = 10"
