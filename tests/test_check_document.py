"""The document model: flavours decided from evidence, notebooks, and a verdict for every equality link."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from derive.check.document import read_document
from derive.check.flavors import decide
from derive.check.run import CheckOptions, check_document, check_file, check_paths
from derive.check.verify import CASE_CONDITION, INNER_EQUALITY, NESTED_RELATION
from derive.cli import main
from derive.errors import NotesError

MOMENTUM = "$$\n\\begin{cases}\nm_t = \\mu m_{t-1} + g_t \\\\\nw_t = w_{t-1} - \\eta m_t\n\\end{cases}\n$$\n"


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- flavours


@pytest.mark.parametrize("config, text, flavor, engine", [
    ("myst.yml", "version: 1\nproject:\n  title: Notes\n", "myst", "jupyter-book-2"),
    ("_config.yml", "title: Notes\nexecute:\n  execute_notebooks: off\n", "myst", "jupyter-book-1"),
    ("_config.yml", "markdown: kramdown\ntheme: minima\n", "kramdown", "jekyll"),
    ("_quarto.yml", "project:\n  type: book\n", "quarto", "quarto"),
])
def test_flavor_from_the_project_config_above_the_file(tmp_path: Path, config: str, text: str, flavor: str,
                                                       engine: str) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, config, text)
    note = write(tmp_path, "part/ch1/lecture.md", "Plain text $x$.\n")
    decided = decide(str(note), note.read_text())
    assert (decided.name, decided.engine) == (flavor, engine)
    assert decided.config is not None and decided.config.path.endswith(config)
    assert any(config in e for e in decided.evidence)


def test_config_is_not_looked_for_above_the_repository_root(tmp_path: Path) -> None:
    write(tmp_path, "myst.yml", "version: 1\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    note = write(tmp_path, "repo/notes/a.md", "Text $x$.\n")
    assert decide(str(note), note.read_text()).name == "gfm"


def test_jupyter_book_1_is_told_from_jekyll_by_its_table_of_contents(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "_config.yml", "title: A course\n")
    write(tmp_path, "_toc.yml", "format: jb-book\nroot: intro\n")
    note = write(tmp_path, "intro.md", "Text.\n")
    assert decide(str(note), note.read_text()).engine == "jupyter-book-1"


@pytest.mark.parametrize("name, text, flavor", [
    ("a.qmd", "Text $x$.\n", "quarto"),
    ("a.Rmd", "Text $x$.\n", "rmarkdown"),
    ("a.tex", "$x$\n", "latex"),
    ("a.myst", "Text.\n", "myst"),
    ("a.md", "---\njupytext:\n  text_representation: {}\n---\nText.\n", "myst"),
    ("a.md", "---\nlayout: post\n---\nText \\\\(x\\\\).\n", "kramdown"),
    ("a.md", "```{note}\nHi $x$\n```\n", "myst"),
    ("a.md", "We have \\\\( x = 1 \\\\) here.\n", "kramdown"),
    ("a.md", "Nothing special: $x$.\n", "gfm"),
])
def test_flavor_from_extension_front_matter_and_signs(tmp_path: Path, name: str, text: str, flavor: str) -> None:
    (tmp_path / ".git").mkdir()
    note = write(tmp_path, name, text)
    assert decide(str(note), text).name == flavor


def test_forced_flavor_wins_and_json_says_what_was_decided(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    note = write(tmp_path, "a.md", "It costs $ 5 and $ 6.\n")
    assert read_document(str(note), note.read_text()).blocks == ()  # GitHub: a space after $ opens nothing
    assert len(read_document(str(note), note.read_text(), "myst").blocks) == 1  # MyST: dmath_allow_space
    main(["check", str(note), "--format", "json", "--flavor", "myst"])
    data = json.loads(capsys.readouterr().out)
    assert data["files"][0]["flavor"] == "myst"
    assert data["files"][0]["decided"]["evidence"][0] == "--flavor"
    with pytest.raises(SystemExit):
        main(["check", str(note), "--flavor", "word"])


def test_kramdown_double_backslash_math_is_read(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "_config.yml", "markdown: kramdown\n")
    note = write(tmp_path, "post.md", "Since \\\\( m_t = \\mu m_{t-1} + g_t \\\\) we get\n\n"
                                      "\\\\[ w_t = w_{t-1} - \\eta m_t \\\\]\n\nand $$a = b$$ inline.\n")
    doc = read_document(str(note), note.read_text())
    assert [b.text.strip() for b in doc.blocks] == ["m_t = \\mu m_{t-1} + g_t", "w_t = w_{t-1} - \\eta m_t", "a = b"]
    assert [(b.line, b.col) for b in doc.blocks] == [(1, 10), (3, 4), (5, 7)]


KRAMDOWN_TILDES = ("Momentum keeps a velocity\n\n$$\n\\begin{aligned}\nv_t &= \\beta v_{t-1} + g_t \\\\\n"
                   "~~~~ &= \\beta^2 v_{t-2} + \\beta g_{t-1} + g_t\n\\end{aligned}\n$$\n\n"
                   "and the step is $$w_t = w_{t-1} - \\eta v_t.$$\n\n~~~ python\nx = $1$\n~~~\n")


def test_kramdown_opens_a_fence_only_on_its_own_rule(tmp_path: Path) -> None:
    """`~~~~ &= …` spaces a formula: CommonMark would open a fence there (and hide the rest of the page); kramdown
    takes one word after the run and needs a closing run, so the formula and the page after it are read."""
    (tmp_path / ".git").mkdir()
    write(tmp_path, "_config.yml", "markdown: kramdown\n")
    note = write(tmp_path, "post.md", KRAMDOWN_TILDES)
    texts = [" ".join(b.text.split()) for b in read_document(str(note), KRAMDOWN_TILDES).blocks]
    assert any("~~~~ &= \\beta^2 v_{t-2}" in t for t in texts), texts
    assert texts[-1] == "w_t = w_{t-1} - \\eta v_t.", texts  # the real fence after it stays code
    plain = write(tmp_path / "gfm", "post.md", KRAMDOWN_TILDES)  # CommonMark's rule in a GitHub README
    (tmp_path / "gfm" / ".git").mkdir()
    assert [b.text for b in read_document(str(plain), KRAMDOWN_TILDES).blocks] == []


@pytest.mark.slow
def test_kramdown_itself_reads_the_fence_and_the_formulas_as_the_reader_does(tmp_path: Path) -> None:
    """Debian's kramdown (Jekyll's parser): every formula the reader finds is math in its HTML, and the real fence is code."""
    import re
    import subprocess

    from conftest import need

    ruby = shutil.which("ruby")
    need(ruby is not None, "ruby (Debian ruby-kramdown) not installed")
    source = tmp_path / "post.md"
    source.write_text(KRAMDOWN_TILDES, encoding="utf-8")
    html = subprocess.run([ruby, "-e", 'require "kramdown"; print Kramdown::Document.new(File.read(ARGV[0])).to_html',
                           str(source)], capture_output=True, text=True, check=True).stdout
    math = [" ".join(m.split()) for m in re.findall(r"\\\[(.*?)\\\]|\\\((.*?)\\\)", html, re.S) for m in m if m]
    (tmp_path / ".git").mkdir()
    (tmp_path / "_config.yml").write_text("markdown: kramdown\n", encoding="utf-8")
    read = [" ".join(b.text.replace("&", "&amp;").split()) for b in read_document(str(source), KRAMDOWN_TILDES).blocks]
    assert read and all(any(r.rstrip(".") in m for m in math) for r in read), (read, math)
    # the fence's text inside code, whether kramdown highlights it (rouge present: every token its own span) or not
    code = re.sub(r"<[^>]+>", "", "".join(re.findall(r"<code[^>]*>(.*?)</code>", html, re.S)))
    assert "x = $1$" in code, html


REFERENCES = ("# Notes\n\n[//]: # (The update is $w_{t+1} = w_t - 2 \\eta g_t$, old draft)\n"
              "[ref]: https://x.y \"A $a = b$ title\"\n\nThe update is $w_{t+1} = w_t - \\eta g_t$.\n\n"
              "- an item with [x]: not a definition $c = d$\n")


@pytest.mark.parametrize("flavor_config", [None, "markdown: kramdown\n"])
def test_link_reference_definitions_are_never_math(tmp_path: Path, flavor_config: str | None) -> None:
    """``[//]: # (…)`` (a README comment) and ``[id]: url "title"`` are consumed by the parser, never shown."""
    (tmp_path / ".git").mkdir()
    if flavor_config:
        write(tmp_path, "_config.yml", flavor_config)
    note = write(tmp_path, "README.md", REFERENCES)
    texts = [b.text for b in read_document(str(note), REFERENCES).blocks]
    assert texts == ["w_{t+1} = w_t - \\eta g_t", "c = d"], texts


# ---------------------------------------------------------------- notebooks


def notebook(cells: list[tuple[str, str]]) -> str:
    return json.dumps({"cells": [{"cell_type": kind, "metadata": {}, "source": text.splitlines(keepends=True),
                                  **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                                 for kind, text in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def test_notebook_markdown_cells_are_read_with_cell_locations(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    text = notebook([
        ("markdown", "# Momentum\n" + MOMENTUM),
        ("code", "x = '$a = b$'\n"),
        ("markdown", "Hence\n$$\nw_t = w_{t-1} - \\eta \\mu m_{t-1} + \\eta g_t\n$$\n"),
    ])
    path = write(tmp_path, "lecture.ipynb", text)
    report = check_file(str(path))
    assert report.flavor == "ipynb"
    (error,) = [f for f in report.findings if f.severity == "error"]
    assert (error.cell, error.line, error.code) == (3, 3, "math/false")
    assert error.text().startswith(f"{path}:cell 3:3:")
    assert {k.cell for k in report.links} == {1, 3}  # nothing from the code cell


def test_a_line_a_verdict_refers_to_is_named_by_its_cell(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    text = notebook([("markdown", "# Curve\n\nIf $y = x^2 + 3x + 4$..."), ("code", "y = x**2\n"),
                     ("markdown", "...then $y' = 2x + 3$.")])
    report = check_file(str(write(tmp_path, "n.ipynb", text)))
    (link,) = [k for k in report.links if k.verdict == "proved"]
    assert (link.cell, link.line) == (3, 1)
    assert link.reason.endswith("(line 3 of cell 1)"), link.reason


def test_a_formula_never_runs_from_one_cell_into_the_next(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    path = write(tmp_path, "n.ipynb", notebook([("markdown", "Cost $5"), ("markdown", "and $x = 1$.")]))
    doc = read_document(str(path), path.read_text())
    assert [b.text for b in doc.blocks] == ["x = 1"]
    assert doc.locate(doc.blocks[0].line) == (2, 1)


#: Notebook cells as Jupyter shows them: MathJax pairs each ``$`` with the next, spaces inside or not (JupyterLab
#: takes the math out before Markdown; nbconvert passes it through). Checked against nbconvert and MathJax's own
#: FindTeX in tests/test_notebook_dollars_slow.py.
NOTEBOOK_DOLLARS = (
    ("A $x(\\tau) = x_k + 1 $ - then $ y = 2$ and $z$.", ["x(\\tau) = x_k + 1 ", " y = 2", "z"]),
    ("where $ r_1 = 1-\\alpha h $ holds", [" r_1 = 1-\\alpha h "]),
    ("costs $5 and $10 each", ["5 and "]),
)


@pytest.mark.parametrize(("cell", "formulas"), NOTEBOOK_DOLLARS)
def test_notebook_dollars_pair_as_mathjax_pairs_them(tmp_path: Path, cell: str, formulas: list[str]) -> None:
    (tmp_path / ".git").mkdir()
    path = write(tmp_path, "n.ipynb", notebook([("markdown", cell)]))
    assert [b.text for b in read_document(str(path), path.read_text()).blocks] == formulas


@pytest.mark.parametrize("text, message", [("{not json", "invalid JSON"), ('{"metadata": {}}', "no list of cells")])
def test_a_broken_notebook_is_one_line_with_its_path(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "bad.ipynb", text)
    with pytest.raises(NotesError, match=message) as err:
        check_file(str(path))
    assert str(err.value).startswith(str(path))


def test_folders_include_notebooks_quarto_and_r_markdown(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    for name in ("a.qmd", "b.Rmd", "c.md"):
        write(tmp_path, name, "Text $x = x$.\n")
    write(tmp_path, "d.ipynb", notebook([("markdown", "$x = x$")]))
    write(tmp_path, "e.txt", "$x = y$")
    result = check_paths([str(tmp_path)])
    assert sorted(Path(p).name for p in result.files) == ["a.qmd", "b.Rmd", "c.md", "d.ipynb"]


# ---------------------------------------------------------------- every link gets a verdict


def links(text: str, name: str = "doc.md") -> list[tuple[int, str, str]]:
    return [(k.line, k.verdict, k.reason) for k in check_document(name, text).links]


def test_every_link_of_every_kind_gets_a_verdict() -> None:
    text = (
        "# Momentum\n\n" + MOMENTUM + "\n"           # lines 3-8: a system of two rows
        "Hence $w_t = w_{t-1} - \\eta\\mu m_{t-1} - \\eta g_t$.\n\n"  # line 10: proved
        "Then $w_t = w_{t-1} - \\eta g_t$.\n\n"        # line 12: false
        "If $\\eta\\lambda = 1$ the weights vanish.\n\n"  # line 14: a condition
        "We assign $w \\leftarrow w - \\eta v$ and note $\\hat v \\approx v$.\n\n"  # line 16
        "Let $x := 3$.\n"                              # line 18
    )
    got = links(text)
    verdicts = [(line, verdict) for line, verdict, _ in got]
    assert verdicts == [(5, "not-a-claim"), (6, "not-a-claim"), (10, "proved"), (12, "false"),
                        (14, "not-a-claim"), (16, "not-a-claim"), (16, "not-a-claim"), (18, "not-a-claim")]
    reasons = {line: reason for line, verdict, reason in got if verdict == "not-a-claim"}
    assert reasons[5].startswith("definition") and reasons[14].startswith("condition")
    assert reasons[18].startswith("definition") or reasons[18].startswith("a value given to a name")
    assert all(reason for _, verdict, reason in got if verdict != "proved")


def test_a_chain_in_a_system_row_defines_once_and_claims_the_rest() -> None:
    text = ("$$\n\\begin{cases}\nm_t = \\mu m_{t-1} + g_t \\\\\n"
            "w_t = w_{t-1} - \\eta m_t = w_{t-1} - \\eta\\mu m_{t-1} + \\eta g_t\n\\end{cases}\n$$\n")
    assert [(line, verdict) for line, verdict, _ in links(text)] == [
        (3, "not-a-claim"), (4, "not-a-claim"), (4, "false")]


def test_one_slip_is_one_error_and_the_chain_is_followed_after_it() -> None:
    text = (MOMENTUM + "\n$$\n\\begin{aligned}\nw_t &= w_{t-1} - \\eta(\\mu m_{t-1} + g_t) \\\\\n"
            "&= w_{t-1} - \\eta\\mu m_{t-1} + \\eta g_t \\\\\n&= w_{t-1} - \\eta\\mu m_{t-1} - \\eta g_t\n"
            "\\end{aligned}\n$$\n")
    report = check_document("doc.md", text)
    assert [f.line for f in report.findings if f.severity == "error"] == [11]
    chain = [(k.line, k.verdict) for k in report.links if k.line >= 10]
    assert chain == [(10, "proved"), (11, "false"), (12, "false")]
    assert "one slip" in report.links[-1].reason


def test_unparsed_sides_and_unknown_forms_are_undecided_or_named() -> None:
    got = links("$$ w_t = \\frobnicate w_{t-1} $$\n\n$$ w_t = g(\\lambda) w_{t-1} - \\eta h(\\nabla L) $$\n")
    assert got[0][1] == "undecided" and "parsed" in got[0][2]
    assert got[1][1] == "not-a-claim" and "unknown functions" in got[1][2]


def test_a_file_whose_math_decides_nothing_says_so() -> None:
    report = check_document("doc.md", "Let $a = b + c$ where $\\beta \\approx 0.9$.\n")
    assert [f.code for f in report.findings] == ["check/nothing-decided"]
    assert "none decided" in report.findings[0].message
    report = check_document("doc.md", "Only $x$ here.\n")
    assert [f.code for f in report.findings] == ["check/nothing-decided"]
    assert check_document("doc.md", "No math at all.\n").findings == []


def test_json_has_every_link_and_the_text_summary_counts_them(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "a.md", MOMENTUM + "\nHence $w_t = w_{t-1} - \\eta\\mu m_{t-1} - \\eta g_t$.\n")
    main(["check", str(path), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert [k["verdict"] for k in data["links"]] == ["not-a-claim", "not-a-claim", "proved"]
    assert set(data["links"][2]) >= {"path", "line", "col", "verdict", "reason", "left", "right"}
    assert data["summary"]["proved"] == 1 and data["summary"]["links"] == 3
    main(["check", str(path), "--show", "proved"])
    out = capsys.readouterr().out.splitlines()
    assert any(": proved: symbolically equal; equal at 4 random points: w_t = " in line for line in out)
    assert out[-1].endswith("3 links: 1 proved, 0 false, 0 undecided, 2 not a claim")
    assert out[-2] == f"{path}: 3 links: 1 proved, 0 false, 0 undecided, 2 not a claim [gfm]"


def test_options_reach_the_document(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "It costs $ 5 = 5 $ here.\n")
    assert check_file(str(path)).links == []
    assert [k.verdict for k in check_file(str(path), CheckOptions(flavor="myst")).links] == ["proved"]


def test_bookdown_theorem_fences_hold_text_and_other_chunks_hold_code(tmp_path: Path) -> None:
    # knitr gives the body of ```{example}/{theorem}/{proof} to Pandoc as Markdown, so its math is typeset
    (tmp_path / ".git").mkdir()
    text = ("```{example, least-squares}\nThe error is\n$$E = \\frac{1}{2} (y - m)^2 + 0$$\n```\n\n"
            "```{theorem, pyth, name=\"Pythagoras\"}\n$a^2 + b^2 = c^2$.\n```\n\n"
            "```{r}\nx <- 1  # $y = 2$\n```\n")
    rmd = read_document(str(write(tmp_path, "a.Rmd", text)), text)
    assert [b.text.strip() for b in rmd.blocks] == ["E = \\frac{1}{2} (y - m)^2 + 0", "a^2 + b^2 = c^2"]
    # the same fences in a page no knitr reads are code
    assert read_document(str(write(tmp_path, "a.md", text)), text, "gfm").blocks == ()


def test_an_equality_inside_brackets_is_accounted_for_as_an_argument() -> None:
    # every = in the math gets a link: β₁(t=0) holds a value given to an argument, not a claim to check
    text = "Decay:\n\n$$\\beta_1(t) = \\beta_1(t=0)^t, \\quad P(X = 1 \\mid Y = y) = p$$\n\n$$\\sum_{i=1}^n x_i = s$$\n"
    links = check_document("a.md", text).links
    inner = [(k.left, k.right, k.verdict) for k in links if k.reason == INNER_EQUALITY]
    assert inner == [("t", "0", "not-a-claim"), ("X", "1", "not-a-claim"), ("Y", "y", "not-a-claim")]
    assert len(links) == 3 + 3  # the three statements' own links, and no range of the sum


def test_a_brace_note_is_a_claim_of_its_own() -> None:
    # \underbrace{X}_{=Y} says X = Y: checked like any display, the slip found on its line
    right = "$$\\underbrace{(1-\\beta)\\sum_{i=1}^{t}\\beta^{t-i}}_{=1-\\beta^t} = 1 - \\beta^t$$\n"
    slip = right.replace("_{=1-\\beta^t}", "_{=1-\\beta^{t+1}}")
    good = [(k.left, k.right, k.verdict) for k in check_document("a.md", right).links]
    assert good == [("(1-\\beta)\\sum_{i=1}^{t}\\beta^{t-i}", "1-\\beta^t", "proved"),
                    ("\\underbrace{(1-\\beta)\\sum_{i=1}^{t}\\beta^{t-i}}_{=1-\\beta^t}", "1 - \\beta^t", "proved")]
    report = check_document("a.md", slip)
    assert [k.verdict for k in report.links] == ["false", "proved"]
    assert [(f.line, f.code) for f in report.findings if f.severity == "error"] == [(1, "math/false")]
    overbrace = "$$\\overbrace{(1-\\beta)\\sum_{i=1}^{t}\\beta^{t-i}}^{= 1-\\beta^t} + 1$$\n"
    assert [k.verdict for k in check_document("a.md", overbrace).links] == ["proved"]


def test_every_nested_equality_is_in_the_links() -> None:
    # = deeper than the top of a row: not modelled, or a case's condition, but never missing from the report
    text = ("$$\\overbrace{m_t = \\beta m_{t-1}}^{\\text{EMA}} + 0$$\n\n"
            "$$u = \\begin{pmatrix} a = 1 \\\\ b \\end{pmatrix}$$\n\n"
            "$$\\theta_t = \\begin{cases} 0 & t = 0 \\\\ 1 & t > 0 \\end{cases}$$\n\n"
            "$$x \\mathrel{=} y + 0, \\quad \\left. f \\right|_{x=0} + 1$$\n")
    links = check_document("a.md", text).links
    nested = [(k.line, k.left, k.right, k.verdict) for k in links if k.reason in (NESTED_RELATION, CASE_CONDITION)]
    assert nested == [(1, "m_t", "\\beta m_{t-1}", "undecided"), (3, "a", "1", "undecided"),
                      (5, "t", "0", "not-a-claim")]
    assert [(k.line, k.left, k.right) for k in links if k.line == 7] == [(7, "x", "y + 0")]  # \mathrel{=}; no x=0
    assert sum(k.reason == CASE_CONDITION for k in links) == 1


def test_kramdown_dollars_are_paired_by_mathjax_and_pandoc_dollars_by_pandoc(tmp_path: Path) -> None:
    # kramdown leaves a single $ as text for MathJax, which pairs dollars whatever the spaces; Pandoc does not
    text = "where $ r_1 = 1 - h $ and $ r_2 = 2 $.\n"
    kramdown = read_document(str(tmp_path / "post.md"), text, "kramdown")
    assert [b.text for b in kramdown.blocks] == [" r_1 = 1 - h ", " r_2 = 2 "]
    assert read_document(str(tmp_path / "page.qmd"), text, "quarto").blocks == ()


def test_kramdown_text_math_is_read_after_kramdowns_escapes(tmp_path: Path) -> None:
    # inside \\( … \\) kramdown turns c\_1 into c_1 and x^\* into x^*; $$ … $$ is kramdown's own math, verbatim
    text = "Then \\\\( c\\_1 = x^\\* \\\\) and\n\n$$ d\\_2 = 1 $$\n"
    blocks = read_document(str(tmp_path / "post.md"), text, "kramdown").blocks
    assert [b.text for b in blocks] == [" c _1 = x^ * ", " d\\_2 = 1 "]
    assert [b.col for b in blocks] == [9, 3]  # offsets unchanged
    links = check_document(str(tmp_path / "post.md"), "---\nlayout: post\n---\n" + text).links
    assert [(k.left, k.right) for k in links][:1] == [("c\\_1", "x^\\*")]  # reported as written


def test_beamer_overlays_hold_the_rows_they_uncover() -> None:
    # \uncover<+->{ … &= … \\} shows its part on a later slide: the rows inside are read as written
    text = ("$$\n\\begin{split}\n\\uncover<+->{ (a+b)^2 &= a^2 + 2ab + b^2 \\\\}\n"
            "\\uncover<+->{ &= a^2 + 2ab + b^2 + 0}\n\\end{split}\n$$\n")
    links = check_document("slides.qmd", text).links
    assert [(k.line, k.verdict) for k in links] == [(3, "proved"), (4, "proved")], [k.text() for k in links]
    slipped = check_document("slides.qmd", text.replace("2ab + b^2 \\\\", "ab + b^2 \\\\"))
    assert [(f.line, f.code) for f in slipped.findings if f.code.startswith("math/") and f.severity == "error"] == [
        (3, "math/false")]


@pytest.mark.parametrize("extra, kind", [("repository: me/site\n", "jekyll"), ("execute:\n  execute_notebooks: off\n",
                                                                            "jupyter-book-1")])
def test_a_jekyll_config_with_github_metadata_stays_jekyll(tmp_path: Path, extra: str, kind: str) -> None:
    # `repository:` is written by Jekyll sites too; with `markdown: kramdown` the site is Jekyll's
    (tmp_path / ".git").mkdir()
    write(tmp_path, "_config.yml", "title: Notes\nauthor: Me\nmarkdown    : kramdown\n" + extra)
    note = write(tmp_path, "_posts/2020-01-01-a.md", "---\ntitle: A\n---\n\nText $x$.\n")
    flavor = decide(str(note), note.read_text())
    assert flavor.config is not None and flavor.config.kind == kind


def test_an_inline_dollar_never_pairs_across_a_display_line(tmp_path: Path) -> None:
    # "$ \theta$：" leaves a `$` open before a `$$` line; pairing across it shifted every formula after it
    (tmp_path / ".git").mkdir()
    text = "更新 $ \\theta$：\n$$\n\\theta_i = \\theta_i + y\n$$\nc) 共 $m$ 个样本\n"
    path = write(tmp_path, "page.md", text)
    assert [b.text.strip() for b in read_document(str(path), text).blocks] == ["\\theta_i = \\theta_i + y", "m"]
