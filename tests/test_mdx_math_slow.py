"""MkDocs pages with python-markdown-math (``mdx_math``), against the real extension: what Python-Markdown turns
into ``<script type="math/tex">`` is what the checker reads as math, formula by formula.

The extension's inline patterns run before Python-Markdown's escapes and emphasis, so ``\\\\`` and ``*`` reach
MathJax as written; ``$$…$$`` is a display glued to text or not, but never across a blank line; a single ``$``
is text unless ``enable_dollar_delimiter`` is on, and then pairs with the next ``$``.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import need
from derive.check.document import read_document
from derive.check.renderers import renderer_for

pytestmark = pytest.mark.slow

CASES = [
    "Text before.\n\n$$a = b \\\\ c = d$$\n\nAfter.",
    "Text before $$x = 1$$ after, and \\(y = 2\\) inline.",
    "Text line\n$$\nx = y\n$$\n",
    "We have $x = 1$ here and $ y $ there.",
    "\\[x = 2\\]\n\nand \\begin{align}a &= b\\\\ c &= d\\end{align}",
    "$$a*b*c = d_1 + e_1$$ and \\(x_1 + y_1 = z_1\\)",
    "`$$x = 1$$` is code, $$y = 2$$ is not",
    "prices: $5 and $6, then $$p = 5 + 6$$.",
]
EXTENSIONS = ["toc", "tables", "fenced_code", "mdx_math"]  # MkDocs' own three, then the site's


def _theirs(doc: str, dollars: bool) -> list[str]:
    markdown = pytest.importorskip("markdown")
    try:
        out = markdown.markdown(doc, extensions=EXTENSIONS,
                                extension_configs={"mdx_math": {"enable_dollar_delimiter": dollars}})
    except Exception as exc:  # noqa: BLE001 - the extension missing is a setup problem, named below
        need(False, f"python-markdown-math not installed ({exc}): pip install -e '.[mkdocs]'")
        raise
    return [html.unescape(t).strip() for t in re.findall(r'<script type="math/tex[^"]*">(.*?)</script>', out, re.S)]


def _ours(doc: str, root: Path, dollars: bool) -> list[str]:
    (root / "mkdocs.yml").write_text("site_name: probe\nmarkdown_extensions:\n  - mdx_math:\n"
                                     f"      enable_dollar_delimiter: {str(dollars).lower()}\n", encoding="utf-8")
    page = root / "docs" / "page.md"
    page.parent.mkdir(exist_ok=True)
    page.write_text(doc, encoding="utf-8")
    return [b.text.strip() for b in read_document(str(page), doc).blocks]


@pytest.mark.parametrize("dollars", [False, True])
def test_mdx_math_makes_the_math_the_checker_reads(tmp_path: Path, dollars: bool) -> None:
    (tmp_path / ".git").mkdir()
    for doc in CASES:
        assert _ours(doc, tmp_path, dollars) == _theirs(doc, dollars), doc


def test_a_blank_line_inside_a_display_is_text_there_and_the_lint_says_so(tmp_path: Path) -> None:
    """The one case the reader reads differently on purpose: it keeps the broken display as math (to check its
    algebra) and the lint names the blank line that leaves it as text, as for every renderer whose paragraphs
    end there."""
    from derive.check.run import check_file

    doc = "$$\na = b\n\nc = d\n$$\n"
    assert _theirs(doc, False) == []
    (tmp_path / ".git").mkdir()
    _ours(doc, tmp_path, False)
    found = check_file(str(tmp_path / "docs" / "page.md")).findings
    assert [f.code for f in found if f.code.startswith("render/")] == ["render/display-blank-line"], found


def test_the_renderer_is_mdx_math_and_keeps_the_escapes() -> None:
    chosen = renderer_for("mkdocs", {"markdown_extensions": ["mdx_math"]})
    assert chosen.key == "mkdocs-mdx-math" and chosen.markdown_escapes is False
    out = pytest.importorskip("markdown").markdown("$$a = b \\\\ c = d$$", extensions=["mdx_math"])
    assert "a = b \\\\ c = d" in out  # the line break reaches MathJax whole (no escape eaten)
