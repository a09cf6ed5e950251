"""The checker's `$` and `$$` in plain Markdown, against a real parser: markdown-it with markdown-it-mathjax3,
what VitePress (`markdown: {math: true}`) renders with, run in node from tests/js.

GitHub's own renderer cannot be run here; where a markdown-it math plugin and the GFM reading agree on a
case, that case is settled by a parser and not by documentation. The cases are the ones that cost links on
unseen notes: a space inside the dollars, a price, CJK text around a formula, and an inline `$` left open
before a `$$` line (which shifted every formula after it in a Chinese book: 262 links, 3 proved; now 324, 18).
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import need
from derive.check.document import read_document

pytestmark = pytest.mark.slow
JS = Path(__file__).parent / "js"

CASES = [
    "a $\\theta_i$ b",
    "a $ \\theta_i $ b, and $ x$ too",
    "it costs $5 and $6 here",
    "如果令$\\Delta x = -g$则有，其中$G^{-1}\\nabla J$称为自然梯度",
    "$x$ and $y$, then $x + y$.",
    "b）对每个参数 $ \\theta$ 按梯度方向更新 $ \\theta$：\n$$\n\\theta_i = \\theta_i + y\n$$\nc) 共 $m$ 个样本",
    "text $a = 1$\n$$\nb = 2\n$$\nmore $c = 3$ end",
    "two lines $a +\nb$ of one formula",
    "a\n\n$$\nx = 1\n$$\n\nand $y$",
]


def oracle(docs: list[str]) -> list[list[str]]:
    need(shutil.which("node") is not None, "node not found")
    need((JS / "node_modules" / "markdown-it-mathjax3").is_dir(),
         "markdown-it-mathjax3 not installed: run npm ci --prefix tests/js")
    proc = subprocess.run(["node", str(JS / "mdmath.cjs")], input=json.dumps(docs).encode("utf-8"),
                          capture_output=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", errors="replace")
    return json.loads(proc.stdout)


def ours(doc: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "page.md"
    path.write_text(doc, encoding="utf-8")
    return [b.text.strip() for b in read_document(str(path), doc).blocks]


def test_plain_markdown_dollars_agree_with_markdown_it_mathjax3(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    expected = oracle(CASES)
    for doc, theirs in zip(CASES, expected):
        assert ours(doc, tmp_path) == [t.strip() for t in theirs], doc
