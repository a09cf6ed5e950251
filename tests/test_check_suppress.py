"""Suppressions in the notes and in [tool.derive], and a note for the ones that suppress nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from derive.check.run import check_paths
from derive.check.suppress import code_matches

DOC = r"""Let $m_t = \beta m_{t-1} + (1-\beta) g_t$.

Then $m_t = \beta m_{t-1} + g_t$. SUPPRESS_LINE

Hence
SUPPRESS_BLOCK
$$
m_t = \beta m_{t-1} + 2 g_t
$$
"""


def fill(line: str, block: str) -> str:
    """The test document; an empty block directive removes its line so "Hence" stays next to the display."""
    text = DOC.replace("SUPPRESS_LINE", line)
    return text.replace("SUPPRESS_BLOCK", block) if block else text.replace("SUPPRESS_BLOCK\n", "")


def project(tmp_path: Path, text: str, name: str = "a.md", config: str = "") -> Path:
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / name).write_text(text, encoding="utf-8")
    if config:
        (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    return tmp_path


def codes(root: Path) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_paths([str(root)]).findings if f.severity != "info"
            or f.code == "check/unused-suppression"]


def test_without_suppressions_both_slips_are_errors(tmp_path: Path) -> None:
    text = fill("", "")
    assert codes(project(tmp_path, text)) == [(3, "math/false"), (7, "math/false")]


@pytest.mark.parametrize("line, block", [
    ("<!-- derive: ignore[math/false] -->", "<!-- derive: ignore[math] -->"),
    ("<!-- derive: ignore -->", "<!-- derive: ignore[math/*] -->"),
])
def test_a_comment_suppresses_its_line_or_the_next_block(tmp_path: Path, line: str, block: str) -> None:
    text = fill(line, block)
    assert codes(project(tmp_path, text)) == []


def test_a_suppression_that_suppresses_nothing_is_reported(tmp_path: Path) -> None:
    text = fill("<!-- derive: ignore[render] -->", "")
    assert codes(project(tmp_path, text)) == [(3, "math/false"), (3, "check/unused-suppression"), (7, "math/false")]


def test_latex_comments_and_file_wide_suppressions(tmp_path: Path) -> None:
    tex = ("\\documentclass{article}\\begin{document}\n% derive: ignore-file[math/false]\n"
           "Let $m_t = \\beta m_{t-1} + (1-\\beta) g_t$. Then $m_t = \\beta m_{t-1} + g_t$.\n\\end{document}\n")
    assert codes(project(tmp_path, tex, "a.tex")) == []


def test_pyproject_excludes_and_per_file_ignores(tmp_path: Path) -> None:
    text = fill("", "")
    root = project(tmp_path, text, config='[tool.derive]\nexclude = ["drafts/*"]\n'
                                        'per-file-ignores = {"a.md" = ["math/false"]}\n')
    (root / "drafts").mkdir()
    (root / "drafts" / "b.md").write_text(text, encoding="utf-8")
    result = check_paths([str(root)])
    assert [Path(p).name for p in result.files] == ["a.md"]
    assert [f for f in result.findings if f.severity == "error"] == []


def test_code_families() -> None:
    assert code_matches("math/false", ("math",)) and code_matches("math/false", ("math/*",))
    assert code_matches("math/false", ()) and not code_matches("render/beamer-macro", ("math",))
