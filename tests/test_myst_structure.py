"""What MyST really makes of our Markdown: checked with the parser MyST is built on.

``derive render --format md`` promises pages where every formula is ``$…$``/``$$…$$`` and solutions sit
in ``{dropdown}`` directives; ``derive check``'s render lint (``derive/check/lint.py``) claims that in
MyST ``\\[…\\]``/``\\(…\\)`` and a bare ``cases``/``aligned`` are text while ``$``, ``$$`` and a
top-level AMS environment are math. Both are statements about markdown-it-py + mdit-py-plugins
(``dollarmath``, ``amsmath``), which is what myst-parser runs; these tests ask that parser instead of
trusting our own scanner (``tests/myst_reader.py`` is the oracle and shares no code with ``derive``).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from derive.check.extract import DISPLAY_ENVS, INNER_ENVS, MATRIX_ENVS, MathBlock, extract, read_source
from derive.check.run import check_source
from derive.cli import main
from myst_reader import Math, Reading, dollars_outside_math, read, tex_in_prose

NOTES = Path(__file__).parent / "notes"
SAMPLES = sorted(NOTES.glob("*.md"))
#: Lint codes that say "MyST will show this as text".
NOT_MATH_CODES = ("render/bracket-not-math", "render/cases-outside-math")


# ---------------------------------------------------------------- helpers


def _listing(problems: list[str]) -> str:
    return "\n  " + "\n  ".join(problems)


def _norm(tex: str) -> str:
    """Math text compared across the two readers: TeX comments dropped (the extractor blanks them),
    whitespace collapsed (directive bodies are de-indented by the parser, not by the extractor)."""
    tex = re.sub(r"(?<!\\)%[^\n]*", " ", tex)
    return " ".join(tex.split())


def _expected_types(block: MathBlock) -> frozenset[str]:
    """Which MyST token types each kind of extractor block must become."""
    if block.delim == "$":
        return frozenset({"math_inline"})
    if block.delim == "$$":
        return frozenset({"math_block", "math_block_label"})
    if block.delim == "env":
        return frozenset({"amsmath"})
    if block.delim == "directive":
        return frozenset({"directive:math" if block.display else "myst_role:math"})
    return frozenset()  # \[ and \( are never math in MyST


def _describe(block: MathBlock) -> str:
    line, col = block.opening()
    what = f"\\begin{{{block.env}}}" if block.delim == "env" else block.delim
    inside = f" inside {{{block.directive}}}" if block.directive else ""
    return f"{what} at {line}:{col}{inside}: {_norm(block.text)[:60]!r}"


def _not_math_findings(path: str, source: str) -> list:
    return [f for f in check_source(path, source) if f.code in NOT_MATH_CODES and f.severity == "error"]


def _pair(blocks: list[MathBlock], reading: Reading) -> tuple[list[MathBlock], list[Math]]:
    """Match extractor blocks with MyST math tokens one to one: same first line, a token type the
    block's delimiter must produce, same math text. Returns what is left unmatched on each side."""
    tokens = list(reading.math)
    left = []
    for block in blocks:
        want = _expected_types(block)
        for i, tok in enumerate(tokens):
            if tok.type in want and tok.first_line == block.line and _norm(tok.content) == _norm(block.text):
                del tokens[i]
                break
        else:
            left.append(block)
    return left, tokens


def consistency_problems(path: str, source: str) -> list[str]:
    """Where derive check and MyST disagree about what is math in ``source``.

    * a block the extractor takes for math and the lint lets through must be a MyST math token;
    * every MyST math token must be a block the extractor found (else its algebra is never checked);
    * every block the lint calls "not math" must be text in MyST, its opener visible in the prose.
    """
    blocks = extract(path, source)
    reading = read(source)
    flagged = {(f.line, f.col): f for f in _not_math_findings(path, source)}
    problems = []
    accepted = [b for b in blocks if b.opening() not in flagged]
    unmatched_blocks, unmatched_tokens = _pair(accepted, reading)
    for block in unmatched_blocks:
        near = [m.where() for m in reading.math_on(*_lines(block))] or ["no math token on those lines"]
        prose = [p.where() for p in reading.prose if _lines(block)[0] <= p.line <= _lines(block)[1]][:2]
        problems.append(
            f"extractor math that the lint lets through is not math in MyST: {_describe(block)};"
            f" MyST has {'; '.join(near)}" + (f"; {'; '.join(prose)}" if prose else "")
        )
    for tok in unmatched_tokens:
        problems.append(f"MyST typesets math the extractor never found: {tok.where()}")
    for _, finding in sorted(flagged.items()):
        problems += _flag_problems(finding, blocks, reading)
    return problems


def _lines(block: MathBlock) -> tuple[int, int]:
    """First and last file line of a block, delimiters included."""
    first = block.opening()[0]
    return first, block.line + block.text.count("\n")


def _flag_problems(finding, blocks: list[MathBlock], reading: Reading) -> list[str]:
    """A ``render/bracket-not-math`` / ``render/cases-outside-math`` finding must point at text."""
    at = f"{finding.code} at {finding.line}:{finding.col}"
    block = next((b for b in blocks if b.opening() == (finding.line, finding.col)), None)
    if block is None:
        return [f"{at}: no extracted block opens there"]
    first, last = _lines(block)
    problems = []
    for tok in reading.math_on(first, last):
        if _norm(block.text) in _norm(tok.content):
            problems.append(f"{at} says not math, but MyST typesets it: {tok.where()}")
    prose = reading.prose_on(first)
    if block.delim in ("\\[", "\\("):
        if not any(block.delim in p.escapes for p in prose):
            problems.append(
                f"{at}: MyST does not show {block.delim} as an escaped {block.delim[1]} on line {first};"
                f" prose there: {[p.text for p in prose]}"
            )
    else:
        opener = f"\\begin{{{block.env}}}"
        if not any(opener in p.text for p in prose):
            problems.append(f"{at}: {opener} is not prose on line {first}; prose there: {[p.text for p in prose]}")
    return problems


# ---------------------------------------------------------------- generated notes


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict[str, tuple[str, Reading]]:
    """Every page `derive render --all --format md` writes, with MyST's reading of it."""
    out = tmp_path_factory.mktemp("md")
    assert main(["render", "--all", "--format", "md", "--out", str(out)]) in (0, None)
    pages = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.md"))}
    assert {"weight-decay.en.md", "weight-decay.ru.md"} <= set(pages), f"unexpected output: {sorted(pages)}"
    return {name: (source, read(source)) for name, source in pages.items()}


def test_every_dollar_in_generated_notes_becomes_math(generated):
    """A `$` MyST does not pair up is printed literally and its formula shown as raw TeX; the count
    check also catches a `$` swallowed by code or HTML (each inline token used 2, each block 4)."""
    problems = []
    for name, (source, reading) in generated.items():
        problems += [f"{name}: $ left in {p.where()}" for p in dollars_outside_math(reading)]
        used = sum(2 if m.type == "math_inline" else 4 for m in reading.math if m.type.startswith("math_"))
        if used != source.count("$"):
            problems.append(f"{name}: the file has {source.count('$')} '$' but MyST math tokens use {used}")
    assert not problems, "dollar math MyST does not read as math:" + _listing(problems)


def test_no_tex_leaks_into_the_prose_of_generated_notes(generated):
    """A TeX macro (`\\frac`, `\\begin`, `\\alert`) or a TeX escape (`\\[`, `\\\\`) in MyST's text
    tokens is math a reader sees as source code."""
    problems = [f"{name}: {what} in {p.where()}" for name, (_, r) in generated.items() for p, what in tex_in_prose(r)]
    assert not problems, "TeX shown as text by MyST:" + _listing(problems)


def test_every_generated_note_has_math_and_every_dropdown_has_math(generated):
    """Zero math tokens would mean the page (or a solution) lost its math; a dropdown without math
    would mean its body was not read as Markdown, which is what MyST does with it."""
    problems = []
    for name, (_, reading) in generated.items():
        if not reading.math:
            problems.append(f"{name}: no math token at all")
        dropdowns = [line for kind, line in reading.directives if kind == "dropdown"]
        if not dropdowns:
            problems.append(f"{name}: no {{dropdown}} (the solution should be in one)")
        for line in dropdowns:
            if not any(m.directive_line == line for m in reading.math):
                problems.append(f"{name}: the {{dropdown}} at line {line} has no math token")
    assert not problems, _listing(problems)


def test_generated_notes_have_no_code_or_html_blocks(generated):
    """Four spaces of indentation make an indented code block in CommonMark: math or prose indented
    by accident would be shown as code. The only fences allowed are directives."""
    problems = [
        f"{name}: {o.type} at line {o.first_line} {o.info!r}"
        for name, (_, reading) in generated.items()
        for o in reading.other
        if not (o.type == "fence" and o.info.startswith("{dropdown}"))
    ]
    assert not problems, "blocks MyST would not show as prose or math:" + _listing(problems)


def test_checker_and_myst_agree_on_the_math_of_generated_notes(generated):
    """`derive check` runs on our own pages (test_generated_notes_pass_check); that is only meaningful
    if the extractor sees exactly the math MyST typesets."""
    problems = []
    for name, (source, _) in generated.items():
        problems += [f"{name}: {p}" for p in consistency_problems(name, source)]
    assert not problems, _listing(problems)


# ---------------------------------------------------------------- the lint's claims, one construct at a time


def test_display_bracket_is_an_escaped_bracket_not_math():
    """lint: '\\[ is not a math delimiter in MyST: CommonMark turns \\[ into ['."""
    reading = read("\\[ x = 1 \\]\n")
    assert reading.math == []
    assert [(p.text, p.escapes) for p in reading.prose] == [("[ x = 1 ]", ("\\[", "\\]"))]


def test_multiline_display_bracket_shows_its_tex_as_text():
    """The usual way authors write it: the TeX inside reaches the reader as text, `\\frac` and all."""
    reading = read("\\[\nx = \\frac{1}{2}\n\\]\n")
    assert reading.math == []
    assert [(p.line, p.text) for p in reading.prose] == [(1, "["), (2, "x = \\frac{1}{2}"), (3, "]")]


def test_inline_paren_is_an_escaped_paren_not_math():
    """lint: '\\( is not a math delimiter in MyST'."""
    reading = read("Let \\(x = 1\\) hold.\n")
    assert reading.math == []
    assert [p.text for p in reading.prose] == ["Let (x = 1) hold."]


@pytest.mark.parametrize("env", sorted(INNER_ENVS))
def test_bare_inner_environment_is_text_and_the_lint_says_so(env):
    """lint: a bare `cases`/`aligned`/… is text in MyST (amsmath only takes top-level environments);
    the lint must report exactly that line."""
    source = f"Intro.\n\n\\begin{{{env}}}\nx = 1\n\\end{{{env}}}\n"
    reading = read(source)
    assert reading.math == [], f"MyST typesets bare {env}: {[m.where() for m in reading.math]}"
    assert [p.text for p in reading.prose_on(3)] == [f"\\begin{{{env}}}"]
    assert [(f.line, f.code) for f in _not_math_findings("doc.myst", source)] == [(3, "render/cases-outside-math")]


_NOT_TOP_LEVEL_IN_MYST = {
    "displaymath": "mdit-py-plugins' amsmath list has no displaymath (LaTeX2e, not amsmath): MyST shows it as text",
    "smallmatrix": "mdit-py-plugins' amsmath list has the matrix family but not smallmatrix: MyST shows it as text",
}


@pytest.mark.parametrize("env", sorted(_NOT_TOP_LEVEL_IN_MYST))
def test_environments_outside_the_amsmath_list_are_text_and_the_lint_says_so(env):
    """displaymath and smallmatrix are not in MyST's amsmath list: text in MyST, an error in the lint."""
    source = f"Intro.\n\n\\begin{{{env}}}\nx = 1\n\\end{{{env}}}\n"
    assert [m for m in read(source).math if m.type == "amsmath"] == []
    assert [f.line for f in _not_math_findings("doc.myst", source)] == [3]


@pytest.mark.parametrize("env", sorted((DISPLAY_ENVS | MATRIX_ENVS) - set(_NOT_TOP_LEVEL_IN_MYST)))
def test_bare_display_and_matrix_environments_are_math_and_the_lint_is_silent(env):
    """The lint lets the other DISPLAY_ENVS/MATRIX_ENVS environments through at top level in Markdown
    ("in MyST the matrix family is a top-level display"), so MyST's amsmath must take each of them."""
    source = f"Intro.\n\n\\begin{{{env}}}\nx = 1\n\\end{{{env}}}\n"
    assert _not_math_findings("doc.myst", source) == []
    reading = read(source)
    assert [(m.type, m.first_line, m.last_line) for m in reading.math] == [("amsmath", 3, 5)], (
        f"bare {env} is not one amsmath token in MyST; prose: {[p.text for p in reading.prose]}"
    )


def test_top_level_align_star_is_math_through_amsmath():
    """The starred form counts too (the extractor's env_base ignores the star; amsmath's RE_OPEN
    takes an optional `*`)."""
    reading = read("\\begin{align*}\nw_t &= w_{t-1} \\\\\n&= 0\n\\end{align*}\n")
    assert [(m.type, m.first_line, m.last_line) for m in reading.math] == [("amsmath", 1, 4)]
    assert reading.math[0].content.startswith("\\begin{align*}")
    assert reading.prose == []


def test_cases_inside_display_dollars_is_math():
    """The lint's advice for a bare cases ('put it inside $$…$$') does produce math."""
    reading = read("$$\n\\begin{cases}\nx = 1 \\\\\ny = 2\n\\end{cases}\n$$\n")
    assert [(m.type, m.first_line, m.last_line) for m in reading.math] == [("math_block", 1, 6)]
    assert "\\begin{cases}" in reading.math[0].content
    assert reading.prose == []


def test_dropdown_body_is_markdown_with_the_same_math_rules():
    """Solutions live in ```{dropdown} fences; MyST parses the body as Markdown, so `$$` is math
    there and `\\[` is still an escaped bracket; the lint reports the bracket inside the fence too."""
    source = "Text.\n\n```{dropdown} Solution for $x$\n:open:\n\n$$\nx = 1\n$$\n\n\\[\ny = 2\n\\]\n```\n"
    reading = read(source)
    assert [(m.type, m.first_line, m.directive) for m in reading.math] == [
        ("math_inline", 3, "dropdown"),  # the title is inline Markdown
        ("math_block", 6, "dropdown"),
    ]
    assert [p.escapes for p in reading.prose_on(10)] == [("\\[",)]
    assert [(f.line, f.code) for f in _not_math_findings("doc.myst", source)] == [(10, "render/bracket-not-math")]


# ---------------------------------------------------------------- the sample notes


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_lint_and_extractor_agree_with_myst_on_the_sample_notes(path):
    """Every line the lint calls not-math is text in MyST, every other extracted block is a MyST math
    token (same line, same TeX), and MyST has no math the extractor missed."""
    problems = consistency_problems(str(path), read_source(path))
    assert not problems, f"{path.name}:" + _listing(problems)


def test_the_sample_notes_exercise_both_not_math_findings():
    """Guard against the previous test passing vacuously: the samples must contain a flagged `\\[`
    and a flagged bare environment, each checked against MyST's tokens."""
    codes = {f.code for path in SAMPLES for f in _not_math_findings(str(path), read_source(path))}
    assert codes == set(NOT_MATH_CODES)


# ---------------------------------------------------------------- small documents, agreements and known disagreements

AGREEMENTS = {
    "math directive and role": "```{math}\n:label: eq\nx = 1\n```\n\nand {math}`y = 2` inline\n",
    "labelled display": "$$\nx = 1\n$$ (eq-one)\n",
    "display on one line": "$$x = 1$$\n",
    "blank line inside display": "$$\nx = 1\n\ny = 2\n$$\n",
    "math in comments and code": "% a MyST comment $x$\n\n<!-- $y$ -->\n\nsee `$z$` and \\$5\n",
    "environment interrupting a paragraph": "We have\n\\begin{equation}\nx = 1\n\\end{equation}\n",
    "one-line environment": "\\begin{align} c \\end{align}\n",
    "bare cases in a list item": "- item\n\n  \\begin{cases} x \\end{cases}\n",
    "cases inside an equation": "\\begin{equation}\n\\begin{cases} x \\end{cases}\n\\end{equation}\n",
    "inline bracket": "Here \\(x = \\frac12\\) inline.\n",
}


@pytest.mark.parametrize("source", AGREEMENTS.values(), ids=AGREEMENTS.keys())
def test_checker_and_myst_agree_on_small_documents(source):
    """Constructs near the edges of the rules where the extractor and lint already match MyST."""
    problems = consistency_problems("doc.myst", source)
    assert not problems, _listing(problems)


#: Documents where derive check once disagreed with MyST (it followed Pandoc's dollar rules and ignored
#: indented code); MyST files are now read with MyST's own parser, so these agree by construction.
FORMER_DISAGREEMENTS = {
    "spaces inside dollars": "It costs $ 5 and $ 6.\n",
    "digit after closing dollar": "From $a$5 to $b$.\n",
    "indented code block": "Code:\n\n    $$\n    x = 1\n    $$\n",
}


@pytest.mark.parametrize("source", FORMER_DISAGREEMENTS.values(), ids=FORMER_DISAGREEMENTS.keys())
def test_checker_and_myst_agree_where_pandoc_rules_would_not(source):
    """MyST reads ``$ 5 and $`` as math (dmath_allow_space), ``$a$5`` as a formula before a digit
    (dmath_allow_digits), and four spaces of indentation as code: so does derive check on MyST files."""
    problems = consistency_problems("doc.myst", source)
    assert not problems, _listing(problems)


def test_pandoc_rules_still_hold_outside_myst():
    """The same documents read as GitHub/Pandoc Markdown follow those engines' rules instead."""
    from derive.check.extract import extract

    assert [b.text for b in extract("doc.md", FORMER_DISAGREEMENTS["spaces inside dollars"])] == []
    assert [b.text for b in extract("doc.md", FORMER_DISAGREEMENTS["indented code block"])] == []


NOT_OWN_BLOCK = [
    pytest.param("The weights sum to\n$$\n\\sum_i \\beta^i = 1\n$$\n", id="double dollar right after a line of text"),
    pytest.param("Text $$x = 1$$ more.\n", id="double dollar inside a paragraph"),
    pytest.param("$$\nx = 1\n$$ and text\n", id="text after closing double dollar"),
    pytest.param("Text \\begin{align*} x &= 1 \\end{align*} more.\n", id="environment in the middle of a line"),
    pytest.param("\\begin{align*}\nx &= 1\n\\end{align*}.\n", id="text after end of environment"),
]


@pytest.mark.parametrize("source", NOT_OWN_BLOCK)
def test_lint_warns_where_myst_makes_no_display_block(source):
    """myst-parser makes no display block of a $$ that interrupts a paragraph or shares its line,
    nor of an AMS environment that does not own its lines (MyST-Parser issue #239); the lint says
    so (render/display-not-block), while the checker still verifies the algebra the author meant."""
    reading = read(source)
    assert not [m for m in reading.math if m.type in ("math_block", "math_block_label", "amsmath")], reading.math
    codes = [f.code for f in check_source("doc.myst", source)]
    assert codes.count("render/display-not-block") == 1, codes


def test_lint_is_silent_on_display_blocks_myst_accepts():
    source = "Text.\n\n$$\nx = 1\n$$ (eq1)\n\n```{dropdown} S\n$$\ny = 2\n$$\n```\n\n\\begin{align*}\nz &= 3\n\\end{align*}\n"
    assert len([m for m in read(source).math if m.type != "math_inline"]) == 3
    assert [f.code for f in check_source("doc.myst", source)
            if f.code.startswith("render/") and f.severity != "info"] == []
