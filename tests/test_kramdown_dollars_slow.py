"""A single ``$`` in a kramdown page is text to kramdown and math to the site's MathJax: derive must pair
those dollars the way MathJax's own finder does (no Pandoc-style space rules), checked against the real
MathJax 3 ``FindTeX`` from ``tests/js`` under Node. Slow: it starts Node."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from derive.check.document import read_document

pytestmark = pytest.mark.slow

JS = Path(__file__).parent / "js"
CASES = (
    "where $ r_1 = 1-\\alpha h_i $ and $ r_2 = \\alpha $.",
    "costs $5 and $10 now",
    "a $x$2 b and $y = 2$",
    "p $a {$} b$ q",
    "with $x_t = \\beta x_{t-1}$, then $ y $ holds",
    "a lone $ sign",
)
_FIND = """
import {FindTeX} from 'mathjax-full/js/input/tex/FindTeX.js';
const f = new FindTeX({inlineMath: [['$', '$']], displayMath: [], processEscapes: true});
const cases = JSON.parse(process.argv[2]);
console.log(JSON.stringify(cases.map(s => f.findMath([s]).map(m => m.math))));
"""


def _mathjax(cases: tuple[str, ...]) -> list[list[str]]:
    node = shutil.which("node")
    if node is None or not (JS / "node_modules" / "mathjax-full").is_dir():
        message = "node and tests/js (npm ci --prefix tests/js) are needed"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    script = JS / "_findtex_probe.mjs"
    script.write_text(_FIND, encoding="utf-8")
    try:
        proc = subprocess.run([node, str(script), json.dumps(cases)], capture_output=True, text=True, timeout=120,
                              cwd=JS)
    finally:
        script.unlink()
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _kramdown_html(path: Path) -> str:
    """The HTML the real kramdown (ruby-kramdown, as Jekyll runs it) makes of the file at ``path``."""
    ruby = shutil.which("ruby")
    if ruby is None:
        if os.environ.get("CI"):
            pytest.fail("ruby (ruby-kramdown) is needed")
        pytest.skip("ruby not installed")
    proc = subprocess.run([ruby, "-e", 'require "kramdown"; print Kramdown::Document.new(File.read(ARGV[0])).to_html',
                           str(path)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_kramdown_single_dollars_pair_as_mathjax_pairs_them(tmp_path: Path) -> None:
    expected = _mathjax(CASES)
    assert len(expected) == len(CASES) and expected[0] == [" r_1 = 1-\\alpha h_i ", " r_2 = \\alpha "]
    for case, want in zip(CASES, expected):
        path = tmp_path / "post.md"
        doc = read_document(str(path), case + "\n", "kramdown")
        assert [b.text for b in doc.blocks] == want, case


def test_kramdown_escapes_inside_text_math_read_as_the_real_kramdown_outputs_them(tmp_path: Path) -> None:
    # \\( … \\) and a single $ are paragraph text to kramdown: its escapes are undone before MathJax reads them
    import html
    import re

    source = ("Let \\\\( a \\\\, b = c\\_1 + x^\\* + \\{1\\} - \\|y\\| \\\\) hold.\n\n"
              "And $ d\\_2 = \\\\{ e \\\\} \\% f $ too.\n\n$$ g\\_3 = h_1 $$\n")
    path = tmp_path / "post.md"
    path.write_text(source, encoding="utf-8")
    out = _kramdown_html(path)
    out = html.unescape(out)
    engine = re.findall(r"\\\((.*?)\\\)", out) + re.findall(r"\$(.*?)\$", out) + re.findall(r"\\\[(.*?)\\\]", out)
    mine = [b.text for b in read_document(str(path), source, "kramdown").blocks]

    def squeeze(text: str) -> str:
        return "".join(text.split())

    assert len(engine) == 3 and sorted(map(squeeze, mine)) == sorted(map(squeeze, engine))


def test_kramdown_passes_raw_html_blocks_through_and_the_lint_stays_quiet(tmp_path: Path) -> None:
    """``<p>… \\( x \\) …</p>``: kramdown (``parse_block_html`` off, its default) leaves an HTML block as written, so
    MathJax gets ``\\(`` there; in a Markdown paragraph the same ``\\(`` loses its backslash. The checker reads the
    formula in the HTML block as math with no render error, and still errs on the paragraph's."""
    import html
    import re

    from derive.check.run import check_file

    source = ("<p>The rule \\( w_{t+1} = w_t - \\alpha g_t \\) and \\( a = b \\) hold.</p>\n\n"
              "<li>Also \\( c = d \\) here.</li>\n\n"
              "A paragraph with \\( e = f \\) in it.\n\n"
              "<div style=\"text-align: left;\">\n\\( g = h \\)\n<div style=\"margin: 1px;\"></div>\n\n"
              "\\( i = j \\)\n</div>\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / "_config.yml").write_text("markdown: kramdown\n", encoding="utf-8")
    path = tmp_path / "post.md"
    path.write_text(source, encoding="utf-8")
    out = _kramdown_html(path)
    engine = [m.strip() for m in re.findall(r"\\\((.*?)\\\)", html.unescape(out))]
    # the paragraph's \( lost its backslash; the div keeps its blank line and its second formula (kramdown reads an
    # element to its closing tag, where CommonMark would end the block at the blank line)
    assert engine == ["w_{t+1} = w_t - \\alpha g_t", "a = b", "c = d", "g = h", "i = j"], out
    blocks = read_document(str(path), source, "kramdown").blocks
    assert [b.text.strip() for b in blocks if b.raw_html] == engine
    errors = [f for f in check_file(str(path)).findings if f.code == "render/bracket-not-math"]
    assert [f.line for f in errors] == [5], errors


def test_math_script_elements_reach_the_page_as_kramdown_passes_them(tmp_path: Path) -> None:
    """``<script type="math/tex; mode=display">`` blocks and ``<script type="math/tex">`` in a paragraph: kramdown
    passes both elements on as written (MathJax 2 typesets them, and sites with KaTeX run a script that does); the
    checker reads exactly the text the real kramdown hands on, and what is not in such an element stays out."""
    import html
    import re

    source = ("Intro with $$a = b$$ text.\n\n<script type=\"math/tex; mode=display\">\n"
              "s(\\mathbf x)_i = \\frac{e^{x_i}}{\\sum e^{x_j}} \\\\ c_2 = d * e * f\n</script>\n\n"
              "Inline <script type=\"math/tex\">x\\_1 = y_1 * z * w</script> here, and a"
              " <script type=\"text/javascript\">var q = 1;</script> script.\n\n"
              "```\n<script type=\"math/tex\">never = math</script>\n```\n")
    path = tmp_path / "post.md"
    path.write_text(source, encoding="utf-8")
    out = _kramdown_html(path)
    engine = [html.unescape(m) for m in re.findall(r'<script type="math/tex[^"]*">(.*?)</script>', out, re.S)]
    assert len(engine) == 2, out  # the fenced one is code: escaped, not an element
    blocks = read_document(str(path), source, "kramdown").blocks
    mine = [b.text for b in blocks if b.delim == "script"]
    assert mine == engine
    assert [b.display for b in blocks if b.delim == "script"] == [True, False]


def test_an_escaped_first_dollar_of_a_display_pair_is_math_as_kramdown_makes_it(tmp_path: Path) -> None:
    """``\\$$…$$``: at the start of a paragraph or list item the real kramdown makes inline math of it (``\\(…\\)``,
    its ``\\\\`` kept); in the middle of a paragraph it writes ``$$…$$`` as text for the page's script. Math either
    way; ``\\$5`` stays a dollar sign."""
    import html
    import re

    source = ("a \\$$x = 1$$ b\n\ncost \\$5 and \\$6 here\n\n\\$$y = 2$$\n\n"
              "- \\$$z = \\begin{bmatrix}1 \\\\ 2\\end{bmatrix}$$\n- \\$$w = 3$$\n")
    path = tmp_path / "post.md"
    path.write_text(source, encoding="utf-8")
    out = html.unescape(_kramdown_html(path))
    engine = re.findall(r"\\\((.*?)\\\)", out) + re.findall(r"\$\$(.*?)\$\$", out)
    assert sorted(engine) == sorted(["x = 1", "y = 2", "z = \\begin{bmatrix}1 \\\\ 2\\end{bmatrix}", "w = 3"]), out
    mine = [b.text for b in read_document(str(path), source, "kramdown").blocks]
    assert sorted(mine) == sorted(engine)
