"""The folders named on the command line bound what a note may read when no ``.git`` marks its project: a slide
deck reads its course's ``\\input{../../latex-math/basic-math}`` two folders up when the course folder was named,
and never a file outside the folders named."""
from __future__ import annotations

from pathlib import Path

import pytest

from derive.check.run import CheckOptions, check_paths

DECK = ("\\documentclass{beamer}\n\\input{../../latex-math/basic-math}\n\\begin{document}\n"
        "\\begin{frame}\nThe sum is\n\\[ \\xv + \\xv = {claim} \\]\n\\end{frame}\n\\end{document}\n")


def course(tmp_path: Path, claim: str = "2\\xv") -> Path:
    root = tmp_path / "course"
    (root / "latex-math").mkdir(parents=True)
    (root / "latex-math" / "basic-math.tex").write_text("\\newcommand{\\xv}{\\mathbf{x}}\n", encoding="utf-8")
    deck = root / "slides" / "04-first-order"
    deck.mkdir(parents=True)
    (deck / "deck.tex").write_text(DECK.replace("{claim}", claim), encoding="utf-8")
    return root


def verdicts(*paths: Path) -> tuple[list[str], list[str]]:
    result = check_paths([str(p) for p in paths], CheckOptions())
    return [k.verdict for k in result.links], [f.message for f in result.findings if f.code == "parse/macro-source"]


@pytest.mark.parametrize("claim, verdict", [("2\\xv", "proved"), ("3\\xv", "false")])
def test_the_named_course_folder_bounds_the_preamble_search(tmp_path: Path, claim: str, verdict: str) -> None:
    root = course(tmp_path, claim)
    links, notes = verdicts(root)
    assert links == [verdict], (links, notes)
    assert not [n for n in notes if "not read" in n], notes


def test_nothing_outside_the_named_folder_is_read(tmp_path: Path) -> None:
    root = course(tmp_path, "3\\xv")  # a slip, but the macro it needs lies outside what was named
    links, notes = verdicts(root / "slides" / "04-first-order")
    assert links != ["false"], links
    assert any("outside the project root" in n and "not read" in n for n in notes), notes


def test_a_git_root_still_bounds_it(tmp_path: Path) -> None:
    root = course(tmp_path, "2\\xv")
    (root / ".git").mkdir()
    links, _ = verdicts(root / "slides" / "04-first-order")  # the deck's folder named, the repository above it
    assert links == ["proved"], links


def test_a_named_file_keeps_its_own_folder(tmp_path: Path) -> None:
    root = course(tmp_path, "2\\xv")
    links, notes = verdicts(root / "slides" / "04-first-order" / "deck.tex")
    assert links != ["proved"] and any("not read" in n for n in notes), (links, notes)
