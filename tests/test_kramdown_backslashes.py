"""kramdown's backslash parity: a run of n backslashes before ``(``/``[`` keeps n//2 of them, and an odd last one
escapes the bracket. So ``\\\\(`` and ``\\\\\\(`` both reach MathJax as the ``\\(`` it reads as math, ``\\(``
reaches it as a plain ``(``, and ``\\\\\\\\(`` as ``\\\\(`` (text). The extractor and the render lint follow that."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from derive.check.extract import scan
from derive.check.lint import lint
from derive.check.renderers import KRAMDOWN


def probe(n: int, bracket: str = "(") -> str:
    close = {"(": ")", "[": "]"}[bracket]
    run = "\\" * n
    return f"Inline {run}{bracket}a + a = 2 a{run}{close} here.\n"


def read(source: str) -> tuple[list[str], list[str]]:
    """(the math texts, the lint codes) of ``source`` read as a kramdown page."""
    info = scan("post.md", source, "kramdown")
    blocks = list(info.blocks)
    codes = [f.code for f in lint("post.md", source, blocks, KRAMDOWN, read=(info.visible, True))]
    return [" ".join(b.text.split()) for b in blocks], codes


#: n -> is it math after kramdown (measured with kramdown 2.4: see the slow test below)
KRAMDOWN_MATH = {1: False, 2: True, 3: True, 4: False}


@pytest.mark.parametrize("bracket", ["(", "["])
@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_a_run_of_backslashes_is_math_as_kramdown_reads_it(n: int, bracket: str) -> None:
    texts, codes = read(probe(n, bracket))
    if KRAMDOWN_MATH[n]:
        assert texts == ["a + a = 2 a"] and "render/bracket-not-math" not in codes, (texts, codes)
    elif n == 1:  # an escaped bracket: the lint says the TeX after it is text
        assert "render/bracket-not-math" in codes, codes
    else:  # an escaped backslash, then an escaped bracket: text, and nothing to say
        assert texts == [] and "render/bracket-not-math" not in codes, (texts, codes)


def test_escaped_parentheses_inside_are_plain_parentheses() -> None:
    """``\\\\\\(f\\(x\\) = 0\\\\\\)`` (a table-of-contents line): MathJax gets ``\\(f(x) = 0\\)``."""
    source = "- [Newton for \\\\\\(f\\(x\\) = 0\\\\\\)](#newton)\n\nand \\\\(b + b = 2 b\\\\) too.\n"
    texts, codes = read(source)
    assert [t.replace(" ", "") for t in texts] == ["f(x)=0", "b+b=2b"], texts
    assert not [c for c in codes if c.startswith(("render/bracket", "parse/"))], codes


def test_the_links_inside_are_checked(tmp_path: Path) -> None:
    from derive.check.run import CheckOptions, check_document

    (tmp_path / ".git").mkdir()
    (tmp_path / "_config.yml").write_text("markdown: kramdown\n", encoding="utf-8")
    post = tmp_path / "post.md"
    post.write_text("Here \\\\\\(b + b = 2 b\\\\\\) holds, and \\\\\\(c + c = 3 c\\\\\\) is a slip.\n", encoding="utf-8")
    report = check_document(str(post), post.read_text(encoding="utf-8"), CheckOptions())
    verdicts = [(link.left.strip(), link.verdict) for link in report.links]
    assert verdicts == [("b + b", "proved"), ("c + c", "false")], verdicts


@pytest.mark.slow
def test_kramdown_itself_agrees_on_every_run(tmp_path: Path) -> None:
    """Debian's kramdown: the HTML holds a one-backslash ``\\(`` exactly where the reader finds math."""
    from conftest import need

    ruby = shutil.which("ruby")
    need(ruby is not None, "ruby (Debian ruby-kramdown) not installed")
    for bracket in "([":
        for n in (1, 2, 3, 4, 5):
            source = tmp_path / "post.md"
            source.write_text(probe(n, bracket), encoding="utf-8")
            html = subprocess.run([ruby, "-e", 'require "kramdown"; print Kramdown::Document.new(File.read(ARGV[0]))'
                                   '.to_html', str(source)], capture_output=True, text=True, check=True).stdout
            opener = re.escape("\\" + bracket)
            math = re.search(rf"(?<!\\){opener}a \+ a = 2 a", html) is not None
            texts, codes = read(probe(n, bracket))  # math to the checker: found, and no lint says it is text
            assert math == (texts == ["a + a = 2 a"] and "render/bracket-not-math" not in codes), (n, bracket, html)


def test_a_run_of_backslashes_inside_math_keeps_half_of_them_together() -> None:
    """kramdown 2.4 (Debian's ruby-kramdown) turns ``\\\\(p \\\\\\\\ q\\\\)`` into ``\\(p \\\\ q\\)`` and ``\\\\\\{``
    into ``\\{``: the backslashes that remain stay one command (a line break, an escaped brace), not ``\\ \\``."""
    texts, _ = read("Rows \\\\(p \\\\\\\\ q \\\\\\{ r\\\\) here.\n")
    assert texts == ["p \\\\ q \\{ r"]


def test_an_html_block_reaches_mathjax_as_written() -> None:
    """kramdown leaves ``<p>…</p>`` as written (checked against ruby-kramdown in
    tests/test_kramdown_dollars_slow.py): ``\\(`` there is math and no render error; in a paragraph it is not."""
    source = "<p>Solve \\( a_1 = b \\) first.</p>\n\nThen \\( c = d \\) in text.\n"
    texts, codes = read(source)
    assert texts == ["a_1 = b", "c = d"]
    assert codes.count("render/bracket-not-math") == 1
    blocks = scan("post.md", source, "kramdown").blocks
    assert [b.raw_html for b in blocks] == [True, False]


def test_an_html_element_runs_to_its_closing_tag_across_a_blank_line() -> None:
    """kramdown reads ``<div>…</div>`` to its end (nested elements and blank lines inside; checked against
    ruby-kramdown in tests/test_kramdown_dollars_slow.py), where CommonMark ends the block at the blank line."""
    source = ('<div style="text-align: left;">\n\\( g = h \\)\n<div style="margin: 1px;"></div>\n\n'
              "\\( i = j \\)\n</div>\n\nThen \\( k = l \\) in text.\n")
    texts, codes = read(source)
    assert texts == ["g = h", "i = j", "k = l"]
    assert codes.count("render/bracket-not-math") == 1  # only the paragraph's
    assert [b.raw_html for b in scan("post.md", source, "kramdown").blocks] == [True, True, False]
