"""Extraction of math blocks: what is math, what is not, and exact file positions."""
from __future__ import annotations

from pathlib import Path

import pytest

from derive.check.extract import LineMap, MathBlock, extract, kind_of, read_source
from derive.errors import NotesError

NOTES = Path(__file__).parent / "notes"
SAMPLES = sorted(NOTES.glob("*.md"))


def texts(path: str, source: str) -> list[str]:
    return [b.text for b in extract(path, source)]


def find(block: MathBlock, needle: str) -> tuple[int, int]:
    """File position of the first ``needle`` inside ``block.text``."""
    offset = block.text.index(needle)
    return block.position(offset)


def where(source: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """The true (line, col) of the nth occurrence of ``needle`` in ``source``."""
    offset = -1
    for _ in range(nth + 1):
        offset = source.index(needle, offset + 1)
    return LineMap(source).position(offset)


# ---------------------------------------------------------------- the sample notes


@pytest.fixture(scope="module")
def adam() -> tuple[str, list[MathBlock]]:
    path = str(NOTES / "adam_l2.ru.md")
    source = read_source(path)
    return source, extract(path, source)


def test_adam_sample_kinds_and_lines(adam):
    _, blocks = adam
    display = [(b.line, b.col, b.delim, b.env, b.directive) for b in blocks if b.display]
    assert display == [
        (10, 1, "env", "cases", "dropdown"),
        (21, 1, "env", "multline*", "dropdown"),
        (28, 3, "\\[", None, "dropdown"),
        (34, 3, "$$", None, "dropdown"),
    ]
    inline = [(b.line, b.col, b.text) for b in blocks if not b.display]
    assert inline[0] == (1, 11, "l_2")
    assert (19, 12, "\\hat{m}_t") in inline
    assert all(b.directive is None for b in blocks if b.line < 7)


def test_adam_positions_inside_blocks(adam):
    source, blocks = adam
    by_line = {b.line: b for b in blocks if b.display}
    assert find(by_line[21], "\\alert") == (23, 3) == where(source, "\\alert")
    assert find(by_line[28], "\\hat{m}_t =") == (29, 1)
    assert find(by_line[34], "\\sqrt") == (35, 1)
    # a tab is one column: "\tm_t" on line 12
    assert find(by_line[10], "m_t =") == (12, 2)
    assert by_line[10].text.endswith("\\end{cases}")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_block_is_an_exact_slice(sample):
    source = read_source(sample)
    lines = LineMap(source)
    blocks = extract(str(sample), source)
    assert blocks
    for block in blocks:
        start = lines.offset(block.line, block.col)
        assert source[start : start + len(block.text)] == block.text
        for i in range(0, len(block.text), 7):
            assert lines.position(start + i) == block.position(i)


def test_adamw_nested_environment_belongs_to_dollars():
    path = str(NOTES / "adamw.en.md")
    source = read_source(path)
    blocks = extract(path, source)
    first = blocks[0]
    assert (first.delim, first.line, first.display) == ("$$", 5, True)
    assert "\\begin{aligned}" in first.text and "\\end{aligned}" in first.text
    assert not any(b.env == "aligned" for b in blocks)  # not a separate block
    assert [b.env for b in blocks if b.delim == "env"] == ["align*"]
    # the inline code span with "lr=eta" on line 25 is not math
    assert not any(b.line == 25 for b in blocks)


# ---------------------------------------------------------------- Markdown: what is not math


def test_code_fences_and_inline_code_are_not_math():
    doc = (
        "Before $a$.\n"
        "```python\n"
        "x = '$b$'\n"
        "```\n"
        "~~~\n"
        "$$c$$\n"
        "~~~\n"
        "Inline `$d$` and ``$e$ with ` inside`` then $f$.\n"
    )
    assert texts("n.md", doc) == ["a", "f"]


def test_dollar_amounts_are_not_math():
    assert texts("n.md", "It costs $5 and $6 today.\n") == []
    assert texts("n.md", "Escaped \\$5 and then $x$.\n") == ["x"]
    assert texts("n.md", "A space after: $ x $ is text.\n") == []
    assert texts("n.md", "Pay $20$30 later.\n") == []  # a closing $ is not followed by a digit


def test_inline_math_does_not_cross_a_blank_line():
    assert texts("n.md", "open $a\n\nb$ closed\n") == []
    assert texts("n.md", "open $a\nb$ closed\n") == ["a\nb"]


def test_dollar_inside_text_stays_in_its_block():
    doc = "$$\nf(x) = 1 \\text{ if $x > 0$}\n$$\nand $a \\text{ for $b$}$.\n"
    assert texts("n.md", doc) == ["\nf(x) = 1 \\text{ if $x > 0$}\n", "a \\text{ for $b$}"]


def test_display_dollar_label_is_not_math():
    blocks = extract("n.md", "$$\nx = 1\n$$ (eq:one)\n\nthen $y$\n")
    assert [(b.delim, b.text) for b in blocks] == [("$$", "\nx = 1\n"), ("$", "y")]


def test_html_and_myst_comments_are_not_math():
    doc = "<!-- $a$\n$b$ -->\n% $c$ is a MyST comment\n$d$\n"
    assert texts("n.myst", doc) == ["d"]
    assert texts("n.md", doc) == ["c", "d"]  # without evidence of MyST, % starts no comment


def test_front_matter_is_not_math():
    doc = "---\ntitle: $a$\n---\n# Title $b$\n"
    blocks = extract("n.md", doc)
    assert [(b.text, b.line) for b in blocks] == [("b", 4)]


def test_escaped_brackets_in_prose_are_not_math():
    assert texts("n.md", "see \\[1\\] and \\[citation needed\\]\n") == []
    blocks = extract("n.md", "see \\(x^2\\) and\n\\[\ny = 1\n\\]\n")
    assert [(b.delim, b.line, b.col, b.display) for b in blocks] == [
        ("\\(", 1, 7, False),
        ("\\[", 2, 3, True),
    ]


def test_bare_environments_are_blocks():
    doc = "Text\n\\begin{aligned}\na &= b\n\\end{aligned}\n\\begin{itemize}\n\\item $x$\n\\end{itemize}\n"
    blocks = extract("n.md", doc)
    assert [(b.delim, b.env, b.line, b.col) for b in blocks] == [
        ("env", "aligned", 2, 1),
        ("$", None, 6, 8),
    ]
    assert blocks[0].text == "\\begin{aligned}\na &= b\n\\end{aligned}"


def test_nested_same_environment_is_matched():
    doc = "\\begin{array}{c}\n\\begin{array}{c} a \\end{array}\n\\end{array}\n"
    (block,) = extract("n.md", doc)
    assert block.text == doc.rstrip("\n")


def test_unclosed_fence_runs_to_the_end():
    assert texts("n.md", "$a$\n```\n$b$\n") == ["a"]


# ---------------------------------------------------------------- MyST directives


def test_math_directive():
    doc = "Intro $a$\n\n```{math}\n:label: eq-q\n\nQ(w) = L(w)\n```\n"
    blocks = extract("n.md", doc)
    assert [(b.delim, b.display, b.directive) for b in blocks] == [
        ("$", False, None),
        ("directive", True, "math"),
    ]
    body = blocks[1]
    assert ":label:" not in body.text
    assert find(body, "Q(w)") == (6, 1)


def test_colon_fence_dropdown_with_options_exact_positions():
    doc = (
        "# Title\n"
        ":::{dropdown} Proof for $n$\n"
        ":open:\n"
        ":class: tip\n"
        "Then\t$a + b$ holds.\n"
        "\n"
        "$$\n"
        "  c = d\n"
        "$$\n"
        ":::\n"
        "After $e$.\n"
    )
    blocks = extract("n.md", doc)
    got = [(b.text, b.line, b.col, b.directive) for b in blocks]
    assert got == [
        ("n", 2, 26, "dropdown"),
        ("a + b", 5, 7, "dropdown"),
        ("\n  c = d\n", 7, 3, "dropdown"),
        ("e", 11, 8, None),
    ]
    assert find(blocks[2], "c = d") == (8, 3) == where(doc, "c = d")


def test_nested_directives_and_code_inside_them():
    doc = (
        "````{dropdown} Solution\n"
        "```python\n"
        "print('$a$')\n"
        "```\n"
        "```{note}\n"
        "$b$\n"
        "```\n"
        "$c$\n"
        "````\n"
    )
    blocks = extract("n.md", doc)
    assert [(b.text, b.line, b.directive) for b in blocks] == [("b", 6, "note"), ("c", 8, "dropdown")]


def test_math_role_is_inline_math():
    blocks = extract("n.md", "Role {math}`x^2` and code `{y}`.\n")
    assert [(b.text, b.delim, b.display, b.directive, b.col) for b in blocks] == [
        ("x^2", "directive", False, "math", 13)
    ]


def test_code_directives_are_code():
    doc = "```{code-cell} python\nx = '$a$'\n```\n```{code-block}\n$b$\n```\n$c$\n"
    assert texts("n.md", doc) == ["c"]


def test_yaml_options_in_directive():
    doc = "```{admonition} Note\n---\nclass: $a$\n---\n$b$\n```\n"
    blocks = extract("n.md", doc)
    assert [(b.text, b.line, b.directive) for b in blocks] == [("b", 5, "admonition")]


# ---------------------------------------------------------------- LaTeX


def test_latex_preamble_and_comments():
    doc = (
        "\\documentclass{article}\n"
        "\\newcommand{\\half}{$\\frac12$}\n"
        "\\begin{document}\n"
        "% $x$ is commented out\n"
        "Half is 50\\% of $y$. % and $z$ too\n"
        "\\end{document}\n"
        "$after$\n"
    )
    blocks = extract("n.tex", doc)
    assert [(b.text, b.line, b.col) for b in blocks] == [("y", 5, 18)]


def test_latex_comment_inside_math_is_blanked_in_place():
    doc = "\\begin{align*}\na &= b % why\n  &= c\n\\end{align*}\n"
    (block,) = extract("n.tex", doc)
    assert "why" not in block.text and len(block.text) == len(doc.rstrip("\n"))
    assert find(block, "&= c") == (3, 3)


def test_latex_verbatim_is_not_math():
    doc = (
        "\\begin{verbatim}\n$a$\n\\end{verbatim}\n"
        "\\begin{lstlisting}\n$b$ % c\n\\end{lstlisting}\n"
        "\\verb|$d$| and \\verb+%+ then $e$\n"
    )
    assert texts("n.tex", doc) == ["e"]


def test_latex_delimiters_and_envs():
    doc = (
        "$a$ and $ b $ and \\(c\\) and\n"
        "\\[\nd \\text{ if $x$}\n\\]\n"
        "$$e$$\n"
        "\\begin{cases} f \\\\ g \\end{cases}\n"
        "\\begin{math} h \\end{math}\n"
    )
    blocks = extract("n.tex", doc)
    got = [(b.delim, b.text, b.display, b.env) for b in blocks]
    assert got == [
        ("$", "a", False, None),
        ("$", " b ", False, None),  # TeX has no space rule
        ("\\(", "c", False, None),
        ("\\[", "\nd \\text{ if $x$}\n", True, None),
        ("$$", "e", True, None),
        ("env", "\\begin{cases} f \\\\ g \\end{cases}", True, "cases"),
        ("env", "\\begin{math} h \\end{math}", False, "math"),
    ]
    assert blocks[5].position(0) == (6, 1)


def test_latex_without_document_environment_is_all_body():
    assert texts("frag.ltx", "A $x$ fragment\n") == ["x"]


# ---------------------------------------------------------------- positions, files


def test_position_counts_tabs_as_one_column_and_checks_range():
    doc = " $$\n\t\tx\n$$\n"  # (a tab at a line's start would make an indented code block)
    (block,) = extract("n.md", doc)
    assert (block.line, block.col) == (1, 4)
    assert find(block, "x") == (2, 3)
    assert block.position(len(block.text)) == (3, 1)
    with pytest.raises(IndexError):
        block.position(len(block.text) + 1)
    assert block.opening() == (1, 2)


def test_kind_of():
    assert kind_of("a/b.ru.md") == "markdown"
    assert kind_of("X.MYST") == "markdown"
    assert kind_of("notes.ltx") == "latex"
    with pytest.raises(NotesError, match=r"notes\.txt: unsupported file type \.txt"):
        extract("notes.txt", "$x$")


def test_read_source_errors(tmp_path):
    with pytest.raises(NotesError, match="no such file") as missing:
        read_source(tmp_path / "absent.md")
    assert "absent.md" in str(missing.value) and "\n" not in str(missing.value)
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"ok\n\xff\xfe\n")
    with pytest.raises(NotesError, match=r"bad\.md:2: not UTF-8"):
        read_source(bad)
    with pytest.raises(NotesError, match="directory"):
        read_source(tmp_path)


def test_read_source_normalizes_line_ends_and_bom(tmp_path):
    f = tmp_path / "crlf.md"
    f.write_bytes("\ufeffa\r\n$x$\rb".encode("utf-8"))
    source = read_source(f)
    assert source == "a\n$x$\nb"
    (block,) = extract(str(f), source)
    assert (block.line, block.col) == (2, 2)


# ---------------------------------------------------------------- invariants on arbitrary input

FRAGMENTS = [
    "$", "$$", "\\[", "\\]", "\\(", "\\)", "\\begin{cases}", "\\end{cases}", "\\begin{align*}",
    "\\end{align*}", "`", "```", "```{dropdown} T\n", ":::{note}\n", ":::\n", "```{math}\n",
    ":label: x\n", "\n", "\n\n", "x", " ", "\t", "{", "}", "\\text{", "%", "\\%", "\\$", "<!--", "-->",
    "\\alert{", "\\\\", "\\verb|", "|", "\\begin{document}", "\\end{document}", "---\n", "5", "中文",
]


@pytest.mark.parametrize("path", ["f.md", "f.tex"])
def test_random_documents_never_fail_and_blocks_stay_exact(path):
    """Whatever the input, a block is the source slice with some characters blanked to spaces."""
    import random

    rng = random.Random(20240601)
    for _ in range(400):
        doc = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(0, 40)))
        lines = LineMap(doc)
        for block in extract(path, doc):
            start = lines.offset(block.line, block.col)
            assert block.text.strip()
            for i, ch in enumerate(block.text):
                original = doc[start + i]
                assert ch == original or (ch == " " and original != "\n")
            assert block.position(len(block.text) - 1) == lines.position(start + len(block.text) - 1)
