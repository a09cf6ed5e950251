r"""Macros: definitions in every form and from every place notes keep them, TeX-style expansion with
an offset map back to the source, expansion bombs, and undefined one-argument macros read as wrappers.

The project trees below are small, written in ``tmp_path``; their *shapes* follow real public course
repositories (named at each fixture), their texts are our own.
"""
from __future__ import annotations

import random
import textwrap
import threading
from pathlib import Path

import pytest
import sympy as sp

from derive.check.extract import scan
from derive.check.latex import parse_block
from derive.check.macros import (
    Expansion, MacroTable, expand, js_macros, macros_for, parse_definitions, remap_parsed,
)
from derive.symbols import symbol
from derive.check.run import check_document


def table_of(text: str) -> MacroTable:
    return parse_definitions(text, path="defs.tex")


def expanded(defs: str, math: str) -> str:
    return expand(math, table_of(defs)).text


def squash(text: str) -> str:
    return "".join(text.split())


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"))


def parsed_expr(defs: str, math: str) -> sp.Expr:
    exp = expand(math, table_of(defs))
    pb = parse_block(exp.text)
    assert not pb.problems, (exp.text, pb.problems)
    (stmt,) = pb.statements
    (term,) = stmt.terms
    return term.expr


# ==================================================================================================
# Definition forms
# ==================================================================================================

@pytest.mark.parametrize("defs, math, want", [
    # \newcommand and friends, with and without braces around the name, starred
    (r"\newcommand{\v}[1]{\mathbf{#1}}", r"\v{w}_t", r"\mathbf{w}_t"),
    (r"\newcommand\R{\mathbb{R}}", r"x \in \R^n", r"x \in \mathbb{R}^n"),
    (r"\newcommand*{\half}{\frac{1}{2}}", r"\half x", r"\frac{1}{2} x"),
    (r"\renewcommand{\vec}{\boldsymbol}", r"\vec{x}", r"\boldsymbol{x}"),
    (r"\DeclareRobustCommand{\grad}{\nabla}", r"\grad f", r"\nabla f"),
    (r"\newcommand{\ip}[2]{\langle #1, #2 \rangle}", r"\ip{a}{b}", r"\langle a, b \rangle"),
    (r"\newcommand{\ip}[2]{(#1 \cdot #2)}", r"\ip a b", r"(a \cdot b)"),  # single-token arguments
    # \def with parameter text, \gdef as KaTeX pages write it
    (r"\def\R{\mathbb{R}}", r"\R", r"\mathbb{R}"),
    (r"\def\pdv#1#2{\frac{\partial #1}{\partial #2}}", r"\pdv{L}{w}", r"\frac{\partial L}{\partial w}"),
    (r"\gdef\mrm#1{\mathrm{#1}}", r"\mrm{d}x", r"\mathrm{d}x"),
    (r"\def\pair#1,#2;{(#1+#2)}", r"\pair a,b; c", r"(a+b) c"),  # delimited parameters
    (r"\def\sq(#1){#1^2}", r"\sq(x+y)", r"x+y^2"),
    (r"\def\bmat#1{\begin{bmatrix}#1\end{bmatrix}}", r"\bmat{a & b}", r"\begin{bmatrix}a & b\end{bmatrix}"),
    # operators and delimiters
    (r"\DeclareMathOperator*{\argmin}{arg\,min}", r"\argmin_w L", r"\operatorname*{arg\,min}_w L"),
    (r"\DeclareMathOperator{\sgn}{sgn}", r"\sgn(x)", r"\operatorname{sgn}(x)"),
    (r"\DeclarePairedDelimiter{\abs}{\lvert}{\rvert}", r"\abs{x}", r"\lvert x\rvert"),
    (r"\DeclarePairedDelimiter\norm{\lVert}{\rVert}", r"\norm*{x}", r"\left\lVert x\right\rVert"),
    (r"\DeclarePairedDelimiter\norm{\lVert}{\rVert}", r"\norm[\big]{x}", r"\bigl\lVert x\bigr\rVert"),
    # xparse
    (r"\NewDocumentCommand{\E}{O{} m}{\mathbb{E}_{#1}[#2]}", r"\E{x}", r"\mathbb{E}_{}[x]"),
    (r"\NewDocumentCommand{\E}{O{} m}{\mathbb{E}_{#1}[#2]}", r"\E[q]{x}", r"\mathbb{E}_{q}[x]"),
    # ## is a literal #
    (r"\def\h{a##b}", r"\h", r"a#b"),
])
def test_definition_forms(defs: str, math: str, want: str) -> None:
    assert squash(expanded(defs, math)) == squash(want)


def test_providecommand_never_overrides() -> None:
    table = table_of(r"\newcommand{\x}{a} \providecommand{\x}{b} \providecommand{\y}{c}")
    assert squash(expand(r"\x \y", table).text) == "ac"


def test_renewcommand_overrides() -> None:
    table = table_of(r"\newcommand{\x}{a} \renewcommand{\x}{b}")
    assert expand(r"\x", table).text == "b"


def test_let_to_a_known_macro_keeps_its_meaning() -> None:
    r"""``\let\oldvec\vec`` then redefining ``\vec``: ``\oldvec`` is still the primitive ``\vec``."""
    table = table_of(r"\let\oldvec\vec \renewcommand{\vec}{\boldsymbol}")
    assert squash(expand(r"\oldvec{x} + \vec{y}", table).text) == r"\vec{x}+\boldsymbol{y}"


def test_let_copies_a_defined_macro() -> None:
    table = table_of(r"\newcommand{\v}[1]{\mathbf{#1}} \let\vv=\v \renewcommand{\v}[1]{#1}")
    assert squash(expand(r"\vv{x} \v{y}", table).text) == r"\mathbf{x}y"


def test_definitions_record_their_origin() -> None:
    table = parse_definitions("% notation\n\\newcommand{\\v}[1]{\\mathbf{#1}}\n\n\\def\\R{\\mathbb{R}}\n",
                              path="macros.tex", kind="preamble")
    assert (table.get("v").origin.line, table.get("R").origin.line) == (2, 4)
    assert table.get(r"\v").origin.path == "macros.tex" and table.get("R").kind == "def"
    assert table.names() == [r"\R", r"\v"]


def test_malformed_definition_is_not_a_definition() -> None:
    table = table_of(r"\newcommand{\x}[z]{a} \newcommand{\y}")
    assert len(table) == 0


# ==================================================================================================
# Optional arguments
# ==================================================================================================

@pytest.mark.parametrize("math, want", [
    (r"\E{X}", r"\mathbb{E}\left[X\right]"),
    (r"\E[p]{X}", r"\mathbb{E}_{p}\left[X\right]"),
    (r"\E [p] {X}", r"\mathbb{E}_{p}\left[X\right]"),
    (r"\E[{a]b}]{X}", r"\mathbb{E}_{a]b}\left[X\right]"),  # a ] inside braces does not close
])
def test_optional_first_argument(math: str, want: str) -> None:
    # \E with an empty default subscript: the shape of many probability notes
    defs = r"\newcommand{\E}[2][]{\mathbb{E}\ifx&#1&\else_{#1}\fi\left[#2\right]}"
    # (\ifx is not modelled; the simpler real shape below carries the test)
    defs = r"\newcommand{\E}[2][]{\mathbb{E}_{#1}\left[#2\right]}"
    got = squash(expanded(defs, math))
    assert got == squash(want).replace(r"\mathbb{E}\left", r"\mathbb{E}_{}\left")


def test_optional_argument_with_a_default_inside_an_environment_name() -> None:
    # the shape of a course's mymacros.sty: \mat[p]{…} picks the matrix environment
    defs = r"\newcommand{\mat}[2][b]{\begin{#1matrix}#2\end{#1matrix}}"
    assert squash(expanded(defs, r"\mat{1 & 2}")) == squash(r"\begin{bmatrix}1 & 2\end{bmatrix}")
    assert squash(expanded(defs, r"\mat[p]{1 & 2}")) == squash(r"\begin{pmatrix}1 & 2\end{pmatrix}")


def test_missing_argument_leaves_the_call_and_says_so() -> None:
    exp = expand(r"x = \v", table_of(r"\newcommand{\v}[1]{\mathbf{#1}}"))
    assert exp.text == r"x = \v"
    assert exp.problems and "missing argument" in exp.problems[0].message
    assert exp.problems[0].start == 4


# ==================================================================================================
# Nesting
# ==================================================================================================

def test_nested_macros_expand_inside_out() -> None:
    # the shape of a norms block in real convex-optimization notes: \lone -> \norm -> \left\|…\right\|
    defs = r"""
        \newcommand{\norm}[1]{\left\|{#1}\right\|}
        \newcommand{\lone}[1]{\norm{#1}_1}
        \newcommand{\ltwo}[1]{\norm{#1}_2}
        \newcommand{\v}[1]{\mathbf{#1}}
    """
    assert squash(expanded(defs, r"\ltwo{\v{w}}")) == squash(r"\left\|{\mathbf{w}}\right\|_2")
    exp = expand(r"\ltwo{\v{w}}", table_of(defs))
    assert set(exp.used) == {"ltwo", "norm", "v"}


def test_macro_defined_through_another_sees_later_redefinitions() -> None:
    # TeX expands a body when it is used, not when it is defined
    table = table_of(r"\newcommand{\a}{x} \newcommand{\b}{\a} \renewcommand{\a}{y}")
    assert expand(r"\b", table).text == "y"


def test_control_word_before_a_letter_stays_separate() -> None:
    # \mathbf + x must not read as \mathbfx
    table = table_of(r"\newcommand{\bx}{\mathbf x} \def\g{\gamma}")
    assert expand(r"\bx", table).text == r"\mathbf x"
    assert parse_block(expand(r"\g\bx", table).text).problems == []


def test_parsed_value_through_macros() -> None:
    defs = r"\newcommand{\v}[1]{\mathbf{#1}} \newcommand{\half}{\frac{1}{2}} \DeclareMathOperator{\sgn}{sign}"
    expr = parsed_expr(defs, r"\half \v{w}_{t-1} + \sgn(\v{g}_t)")
    assert expr == sp.Rational(1, 2) * symbol("w_{t-1}") + sp.sign(symbol("g_{t}"))


def test_definitions_inside_the_math_take_effect_and_vanish() -> None:
    # MathJax/KaTeX pages define macros in a $$ block; the block itself renders as nothing
    exp = expand(r"\newcommand{\R}{\mathbb{R}} \gdef\v#1{\mathbf{#1}} x \in \R, \v{w}", MacroTable())
    assert squash(exp.text) == squash(r"x \in \mathbb{R}, \mathbf{w}")
    assert exp.used == ("R", "v")


def test_text_without_macros_is_returned_as_is() -> None:
    table = table_of(r"\newcommand{\v}[1]{\mathbf{#1}}")
    exp = expand(r"w_t = w_{t-1} - \eta g_t", table)
    assert exp.text == r"w_t = w_{t-1} - \eta g_t" and not exp.changed and exp.offset(5) == 5


# ==================================================================================================
# The offset map
# ==================================================================================================

def test_offsets_of_arguments_and_bodies() -> None:
    source = r"x = \v{ab} + \half"
    exp = expand(source, table_of(r"\newcommand{\v}[1]{\mathbf{#1}} \newcommand{\half}{\frac12}"))
    assert exp.text == r"x = \mathbf{ab} + \frac12"
    for i in [0, 1, 2, 3, exp.text.index("ab"), exp.text.index("ab") + 1]:
        assert source[exp.offset(i)] == exp.text[i]  # copied characters (arguments too) map to themselves
    assert exp.offset(exp.text.index(r"\mathbf")) == source.index(r"\v")  # body -> the call's start
    assert exp.offset(exp.text.index("}")) == source.index(r"\v")
    assert exp.offset(exp.text.index("12")) == source.index(r"\half")
    # a span that ends inside a body ends where the call ends
    assert exp.span(exp.text.index(r"\frac"), len(exp.text)) == (source.index(r"\half"), len(source))
    assert exp.span(0, exp.text.index(" +")) == (0, source.index(" +"))


def test_offset_map_covers_every_character() -> None:
    rng = random.Random(7)
    table = table_of(r"""\newcommand{\v}[1]{\mathbf{#1}} \newcommand{\n}[1]{\left\|#1\right\|}
                         \newcommand{\E}[2][]{\mathbb{E}_{#1}[#2]} \def\R{\mathbb{R}}""")
    pieces = [r"\v{x}", r"\n{\v{g}}", r"\E{y}", r"\E[q]{z}", r"\R", "a", " + ", "w_{t-1}", r"\frac{1}{2}", "=", "{b}"]
    for _ in range(200):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        exp = expand(source, table)
        assert not exp.problems
        for i in range(len(exp.text) + 1):
            j = exp.offset(i)
            assert 0 <= j <= len(source)
            if i < len(exp.text) and j < len(source) and source[j] != "\\":
                assert source[j] == exp.text[i]  # a character not from a body is the source's own
            assert 0 <= exp.end_offset(i) <= len(source)
        a, b = exp.span(0, len(exp.text))
        assert (a, b) == (0, len(source))


def test_finding_inside_an_expanded_macro_points_at_the_call() -> None:
    source = textwrap.dedent(r"""
        Notation: $\newcommand{\bad}{\frac{1}{0}}\newcommand{\v}[1]{\mathbf{#1}}$

        $$
        y = \v{w} +
          \bad \\ z = \v{\oops}
        $$
    """).lstrip("\n")
    table = macros_for("notes.md", source, "myst", None)
    block = [b for b in scan("notes.md", source).blocks if "y =" in b.text][0]
    exp = expand(block.text, table)
    pb = remap_parsed(parse_block(exp.text), exp)
    division = [p for p in pb.problems if "division by zero" in p.message]
    assert division and block.position(division[0].start) == (5, 3)  # the \bad call on line 5
    assert [(name, block.position(at)) for name, at in pb.unknown_macros] == [(r"\oops", (5, 18))]
    first, second = pb.statements
    assert block.text[first.terms[1].start:first.terms[1].end].split() == [r"\v{w}", "+", r"\bad"]
    assert block.text[second.terms[1].start:second.terms[1].end] == r"\v{\oops}"


# ==================================================================================================
# Expansion bombs
# ==================================================================================================

def _finishes(fn, seconds: float = 60.0):  # type: ignore[no-untyped-def]
    """Run ``fn`` in a thread; fail (instead of hanging the suite) if it does not return."""
    box: list[object] = []
    worker = threading.Thread(target=lambda: box.append(fn()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "expansion did not stop"
    return box[0]


@pytest.mark.parametrize("defs, call", [
    (r"\def\a{\a\a}", r"x = \a"),                                      # doubles forever
    (r"\def\a{x\a}", r"\a"),                                           # grows forever, one token at a time
    (r"\def\a{\a}", r"\a"),                                            # loops without output
    (r"\def\a#1{#1#1}", r"\a{\a{\a{\a{\a{\a{\a{\a{\a{\a{\a{\a{\a{\a{\a{\a{\a{\a{\a{\a{x}}}}}}}}}}}}}}}}}}}}"),
    ("".join(rf"\def\m{chr(98 + k)}{{\m{chr(97 + k)}\m{chr(97 + k)}\m{chr(97 + k)}\m{chr(97 + k)}}}"
             for k in range(12)) + r"\def\ma{xy}", r"\mm"),             # 4^12 characters by nesting
    (r"\newcommand{\a}[1]{\a{#1#1}}", r"\a{x}"),                       # arguments that double
])
def test_expansion_bombs_stop_with_a_problem(defs: str, call: str) -> None:
    exp: Expansion = _finishes(lambda: expand(call, table_of(defs)))
    assert exp.text == call  # nothing half-expanded reaches the parser
    assert exp.problems and exp.problems[0].message.startswith("macro expansion too large")
    assert call.startswith("\\", exp.problems[0].start)  # at a call in the source


def test_a_bomb_in_one_block_leaves_the_others_alone() -> None:
    table = table_of(r"\def\a{\a\a} \newcommand{\v}[1]{\mathbf{#1}}")
    assert expand(r"\v{x}", table).text == r"\mathbf{x}"


# ==================================================================================================
# Undefined macros with one argument: transparent wrappers
# ==================================================================================================

def test_undefined_one_argument_macro_is_a_transparent_wrapper() -> None:
    pb = parse_block(r"\vect{x}_t = \vect{x}_{t-1} - \eta \hl{g_t + \lambda \vect{x}_{t-1}}")
    assert pb.unknown_macros == [] and not pb.problems
    (stmt,) = pb.statements
    left, right = stmt.terms
    assert left.expr == symbol("x_{t}") and left.transparent == (r"\vect",)
    x, g, lam, eta = symbol("x_{t-1}"), symbol("g_{t}"), symbol(r"\lambda"), symbol(r"\eta")
    assert sp.expand(right.expr - (x - eta * (g + lam * x))) == 0
    assert right.transparent == (r"\vect", r"\hl")
    assert [name for name, _ in pb.transparent] == [r"\vect", r"\vect", r"\hl", r"\vect"]


@pytest.mark.parametrize("text", [r"\foo x = 1", r"\inner{a}{b} = 1", r"\foo[o]{x} = 1"])
def test_other_undefined_macros_stay_unknown(text: str) -> None:
    pb = parse_block(text)
    assert [name for name, _ in pb.unknown_macros] in ([r"\foo"], [r"\inner"])
    assert pb.transparent == [] and pb.statements[0].terms[0].expr is None


def test_a_defined_macro_is_not_a_wrapper() -> None:
    table = table_of(r"\newcommand{\vect}[1]{\mathbf{#1}^\top}")  # defined: its meaning is used, transposed
    pb = parse_block(expand(r"\vect{x} = y", table).text)
    assert pb.transparent == []


# ==================================================================================================
# Where definitions come from: project trees (shapes of real public repositories)
# ==================================================================================================

def test_myst_yml_project_math(tmp_path: Path) -> None:
    # shape of vronnblom/maths content/myst.yml: project.math with KaTeX-style bodies, arguments by #n
    write(tmp_path, {
        "myst.yml": r"""
            version: 1
            project:
              title: Notes
              math:
                '\R': '\mathbb{R}'
                '\dv': '\frac{\mathrm{d} #1}{\mathrm{d} #2}'
                '\dvn': '\frac{\mathrm{d}^{#1} #2}{\mathrm{d} #3^{#1}}'
                '\norm': '\left\lVert #1 \right\rVert'
                '\eps': {macro: '\varepsilon', title: 'epsilon'}
                '\bad': ['\mathbf{#1}', 1]
        """,
        "chapters/gd.md": "# GD\n\n$$ \\dv{L}{w} = 0 $$\n",
    })
    doc = tmp_path / "chapters" / "gd.md"
    table = macros_for(str(doc), doc.read_text(), "myst", str(tmp_path))
    assert table.get("dv").nargs == 2 and table.get("dvn").nargs == 3 and table.get("R").nargs == 0
    assert table.get("eps").body == (r"\varepsilon",)
    assert table.get("dv").origin.kind == "myst.yml" and table.get("dv").origin.line == 6
    assert "bad" not in table and any("mystmd drops" in n.message for n in table.notes)
    assert squash(expand(r"\norm{\dv{L}{w}}", table).text) == squash(
        r"\left\lVert \frac{\mathrm{d} L}{\mathrm{d} w} \right\rVert")


def test_myst_yml_extends_and_nearest_wins(tmp_path: Path) -> None:
    write(tmp_path, {
        "macros.yml": "version: 1\nproject:\n  math:\n    '\\R': '\\mathbb{R}'\n    '\\x': 'base'\n",
        "myst.yml": "version: 1\nextends:\n  - macros.yml\nproject:\n  math:\n    '\\x': 'own'\n",
        "a.md": "$x$\n",
    })
    table = macros_for(str(tmp_path / "a.md"), "$x$\n", "myst", str(tmp_path))
    assert expand(r"\R \x", table).text == r"\mathbb{R} own"


def test_front_matter_math(tmp_path: Path) -> None:
    # shape of the MyST quickstart page kept in nikolaimatni/jupyter-books: page front matter `math:`
    source = textwrap.dedent(r"""
        ---
        title: Inverse problems
        math:
          '\dobs': '\mathbf{d}_\text{obs}'
          '\dpred': '\mathbf{d}_\text{pred}\left( #1 \right)'
        ---

        The residual is $\dpred{m} - \dobs$.
    """).lstrip("\n")
    table = macros_for(str(tmp_path / "page.md"), source, "myst", str(tmp_path))
    assert table.get("dpred").nargs == 1 and table.get("dobs").origin.kind == "front matter"
    assert table.get("dobs").origin.line == 4
    assert squash(expand(r"\dpred{m}", table).text) == squash(r"\mathbf{d}_\text{pred}\left( m \right)")


def test_jupyter_book_1_config(tmp_path: Path) -> None:
    # shape of aai-institute/tfl-training-rl notebooks/_config.yml: sphinx.config.mathjax3_config.tex.macros
    write(tmp_path, {
        "book/_config.yml": r"""
            title: Reinforcement learning
            parse:
              myst_enable_extensions: [dollarmath, amsmath, substitution]
              myst_substitutions:
                vect: "not a math macro"
            sphinx:
              config:
                mathjax_path: https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js
                mathjax3_config:
                  loader: { load: [ '[tex]/configmacros' ] }
                  tex:
                    macros:
                      vect: ["{\\mathbf{\\boldsymbol{#1}} }", 1]
                      R: "{\\mathbb{R}}"
                      floor: ["\\lfloor#1\\rfloor", 1]
                      E: ["\\mathbb{E}_{#1}[#2]", 2, "p"]
                      bmat: ["\\left[\\begin{array}"]
        """,
        "book/ch1/intro.md": "$\\vect{x}$\n",
    })
    doc = tmp_path / "book" / "ch1" / "intro.md"
    table = macros_for(str(doc), doc.read_text(), "myst", str(tmp_path))
    assert set(table.macros) == {"vect", "R", "floor", "E", "bmat"}
    assert table.get("vect").origin.kind == "_config.yml"
    assert squash(expand(r"\vect{x} \in \R", table).text) == squash(r"{\mathbf{\boldsymbol{x}} } \in {\mathbb{R}}")
    assert squash(expand(r"\E{X} \E[q]{Y}", table).text) == squash(r"\mathbb{E}_{p}[X] \mathbb{E}_{q}[Y]")


def test_jupyter_book_1_mathjax_2_style(tmp_path: Path) -> None:
    # MathJax 2 keys (TeX.Macros) under mathjax_config, as older books and Sphinx projects write them
    write(tmp_path, {"_config.yml": r"""
        sphinx:
          config:
            mathjax_config:
              TeX:
                Macros:
                  pder: ["{\\frac{\\partial #1}{\\partial #2}}", 2]
    """})
    table = macros_for(str(tmp_path / "a.md"), "", "myst", str(tmp_path))
    assert squash(expand(r"\pder{L}{w}", table).text) == squash(r"{\frac{\partial L}{\partial w}}")


def test_sphinx_conf_py_is_read_not_run(tmp_path: Path) -> None:
    # shape of NaokiHori/SimpleIBMSolver's Sphinx MathJax parameters
    write(tmp_path, {"conf.py": r'''
        import os
        os.system("echo this must never run")
        mathjax3_config = {
            "TeX": {"Macros": {"tder": ["{\\frac{d #1}{d #2}}", 2]}},
            "tex": {"macros": {"R": "\\mathbb{R}"}},
        }
        katex_options = "macros: {'\\\\N': '\\\\mathbb{N}'}"
        mathjax2_config = make_config()
    '''})
    table = macros_for(str(tmp_path / "index.md"), "", "myst", str(tmp_path))
    assert set(table.macros) == {"tder", "R", "N"} and table.get("N").body == (r"\mathbb", "{", "N", "}")
    assert any("not a literal" in n.message for n in table.notes)


def test_quarto_include_in_header_with_a_mathjax_script(tmp_path: Path) -> None:
    # the shape Quarto projects document (e.g. my1396/R-Notes): format.html.include-in-header names an
    # HTML file whose <script> configures MathJax macros; a hidden div of \def's in an included .qmd
    write(tmp_path, {
        "_quarto.yml": """
            project:
              type: book
            format:
              html:
                html-math-method: mathjax
                include-in-header:
                  - file: themes/mathjax.html
                  - text: |
                      <script>window.MathJax = {tex: {macros: {RR: "{\\\\bf R}"}}};</script>
              pdf:
                include-in-header: preamble.tex
        """,
        "themes/mathjax.html": r"""
            <script>
            MathJax = {
              tex: {
                tags: 'ams',
                macros: {
                  bold: ["{\\bf #1}", 1],   // a comment
                  "E": '\\mathbb{E}'
                  Var: ["\\operatorname{Var}\\left[#1\\right]", 1]
                },
              },
            };
            </script>
        """,
        "preamble.tex": r"\newcommand{\T}{^\top}",
        "_macros.qmd": """
            ::: {.hidden}
            $$
            \\def\\argmin{\\operatorname*{argmin}}
            \\def\\bmat#1{\\begin{bmatrix}#1\\end{bmatrix}}
            $$
            :::
        """,
        "chapters/sgd.qmd": "{{< include ../_macros.qmd >}}\n\n$$\\bmat{1 & 2}$$\n",
    })
    doc = tmp_path / "chapters" / "sgd.qmd"
    table = macros_for(str(doc), doc.read_text(), "quarto", str(tmp_path))
    assert {"bold", "E", "Var", "RR", "T", "argmin", "bmat"} <= set(table.macros), table.names()
    assert squash(expand(r"\bold{x} \Var{X}", table).text) == squash(r"{\bf x} \operatorname{Var}\left[X\right]")
    assert table.get("bmat").origin.path.endswith("_macros.qmd") and table.get("bmat").origin.line == 4


def test_quarto_metadata_and_front_matter_includes(tmp_path: Path) -> None:
    write(tmp_path, {
        "_quarto.yml": "project:\n  type: website\n",
        "lectures/_metadata.yml": "format:\n  html:\n    include-before-body: defs.html\n",
        "lectures/defs.html": "<div hidden>$\\newcommand{\\loss}{\\mathcal{L}}$</div>\n",
        "lectures/extra.tex": "\\newcommand{\\grad}{\\nabla}\n",
    })
    source = "---\ntitle: L1\nheader-includes: |\n  \\newcommand{\\lr}{\\eta}\nformat:\n  pdf:\n    include-in-header: extra.tex\n---\n$\\loss$\n"
    doc = tmp_path / "lectures" / "l1.qmd"
    table = macros_for(str(doc), source, "quarto", str(tmp_path))
    assert {"loss", "lr", "grad"} <= set(table.macros), table.names()


def test_r_markdown_output_yml_in_header(tmp_path: Path) -> None:
    write(tmp_path, {
        "_output.yml": "bookdown::gitbook:\n  includes:\n    in_header: header.html\n",
        "header.html": "<script>MathJax.Hub.Config({TeX: {Macros: {R: '{\\\\mathbb R}', Z: '{\\\\mathbb Z}'}}});</script>\n",
    })
    table = macros_for(str(tmp_path / "01-intro.Rmd"), "", "rmarkdown", str(tmp_path))
    assert squash(expand(r"\R", table).text) == r"{\mathbbR}"


def test_jekyll_liquid_include(tmp_path: Path) -> None:
    # shape of maxime-tournier.github.com: _includes/math.md holds a $$ block of \newcommand's
    write(tmp_path, {
        "_config.yml": "markdown: kramdown\n",
        "_includes/math.md": "$$\n\\newcommand{\\RR}{\\mathbb{R}}\n\\renewcommand{\\bar}{\\overline}\n"
                             "\\newcommand{\\norm}[1]{ \\left| \\left| #1 \\right| \\right| }\n$$\n",
        "_posts/2020-01-01-gd.md": "{% include math.md %}\n\n$$ \\norm{x} $$\n",
    })
    doc = tmp_path / "_posts" / "2020-01-01-gd.md"
    table = macros_for(str(doc), doc.read_text(), "kramdown", str(tmp_path))
    assert {"RR", "bar", "norm"} <= set(table.macros)
    assert squash(expand(r"\bar{x}", table).text) == r"\overline{x}"


def test_katex_macros_in_a_script() -> None:
    # KaTeX's own shape: keys with the backslash, [body, nargs] arrays (a course site's katex-macros.js)
    found = js_macros(r'''window.katexMacros = {
        "\\R": "\\mathbb{R}",
        "\\vv": ["\\vec{#1}", 1],
        /* block comment */ '\\bb': ['\\textbf{#1}', 1]
    };''')
    assert found == {"\\R": "\\mathbb{R}", "\\vv": ["\\vec{#1}", 1], "\\bb": ["\\textbf{#1}", 1]}


def test_broken_yaml_is_a_note_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path, {"myst.yml": "version: 1\nproject:\n  math:\n    '\\R': \"\\mathbb{R}\"\n"})  # \m: bad escape
    table = macros_for(str(tmp_path / "a.md"), "", "myst", str(tmp_path))
    assert len(table) == 0
    assert any("YAML does not parse" in n.message and n.line == 4 for n in table.notes), table.notes


def test_latex_file_ignores_project_configs(tmp_path: Path) -> None:
    write(tmp_path, {"myst.yml": "version: 1\nproject:\n  math:\n    '\\R': '\\mathbb{R}'\n"})
    table = macros_for(str(tmp_path / "a.tex"), "\\documentclass{article}\n", "latex", str(tmp_path))
    assert "R" not in table


# ==================================================================================================
# LaTeX: \input preambles, local packages, fragments
# ==================================================================================================

def test_input_preamble_next_to_the_file(tmp_path: Path) -> None:
    write(tmp_path, {
        "lectures/macros.tex": r"""
            \newcommand{\v}[1]{\mathbf{#1}}
            \DeclareMathOperator*{\argmin}{arg\,min}
            \input{more}
        """,
        "lectures/more.tex": "\\def\\R{\\mathbb{R}}\n",
        "lectures/mymath.sty": "\\ProvidesPackage{mymath}\n\\newcommand{\\norm}[1]{\\left\\|#1\\right\\|}\n",
        "lectures/lec01.tex": "\\documentclass{article}\n\\usepackage{amsmath,mymath}\n\\input{macros}\n"
                              "% \\input{commented-out}\n\\begin{document}\n$\\v{w} \\in \\R^n$\n\\end{document}\n",
    })
    doc = tmp_path / "lectures" / "lec01.tex"
    table = macros_for(str(doc), doc.read_text(), "latex", str(tmp_path))
    assert {"v", "argmin", "R", "norm"} == set(table.macros)
    assert table.get("v").origin.kind == "preamble" and table.get("v").origin.path.endswith("macros.tex")
    assert table.get("v").origin.line == 1 and table.notes == []


def test_missing_or_outside_input_is_a_note(tmp_path: Path) -> None:
    project = tmp_path / "course"
    write(tmp_path, {"secret.tex": "\\newcommand{\\leak}{x}\n"})
    write(project, {"a.tex": "\\documentclass{article}\n\\input{nowhere}\n\\input{../secret}\n"})
    doc = project / "a.tex"
    table = macros_for(str(doc), doc.read_text(), "latex", str(project))
    assert "leak" not in table
    messages = [(n.line, n.message) for n in table.notes]
    assert any(line == 2 and "nowhere not found" in m for line, m in messages), messages
    assert any(line == 3 and "outside the project root" in m for line, m in messages), messages


def test_fragment_takes_the_preamble_of_the_main_file(tmp_path: Path) -> None:
    write(tmp_path, {
        "notes/main.tex": "\\documentclass{book}\n\\input{preamble}\n\\newcommand{\\E}{\\mathbb{E}}\n"
                          "\\begin{document}\n\\include{ch1}\n\\newcommand{\\late}{x}\n\\end{document}\n",
        "notes/preamble.tex": "\\newcommand{\\v}[1]{\\mathbf{#1}}\n",
        "notes/ch1.tex": "\\chapter{GD}\n$\\v{w}$\n",
    })
    doc = tmp_path / "notes" / "ch1.tex"
    table = macros_for(str(doc), doc.read_text(), "latex", str(tmp_path))
    assert {"v", "E"} == set(table.macros)  # the preamble only: not what the body defines later
    assert table.get("E").origin.kind == "main file"


def test_subfiles_document_names_its_main_file(tmp_path: Path) -> None:
    write(tmp_path, {
        "main.tex": "\\documentclass{article}\n\\usepackage{subfiles}\n\\def\\R{\\mathbb{R}}\n\\begin{document}\n\\end{document}\n",
        "sections/s1.tex": "\\documentclass[../main.tex]{subfiles}\n\\begin{document}\n$\\R$\n\\end{document}\n",
    })
    doc = tmp_path / "sections" / "s1.tex"
    assert "R" in macros_for(str(doc), doc.read_text(), "latex", str(tmp_path))


def test_comments_and_code_are_not_definitions(tmp_path: Path) -> None:
    source = textwrap.dedent(r"""
        In LaTeX you would write:

        ```latex
        \newcommand{\code}{x}
        ```

        and `\newcommand{\span}{y}` inline; but this one counts: $\newcommand{\real}{z}$
    """)
    table = macros_for(str(tmp_path / "a.md"), source, "myst", str(tmp_path))
    assert set(table.macros) == {"real"}
    tex = "% \\newcommand{\\old}{x}\n100\\% \\newcommand{\\new}{y}\n\\begin{verbatim}\\def\\v{z}\\end{verbatim}\n"
    assert set(macros_for(str(tmp_path / "b.tex"), tex, "latex", str(tmp_path)).macros) == {"new"}


def test_notebook_markdown_cells(tmp_path: Path) -> None:
    import json
    nb = {"cells": [
        {"cell_type": "markdown", "source": ["---\n", "math:\n", "  '\\R': '\\mathbb{R}'\n", "---\n", "# Title"]},
        {"cell_type": "code", "source": "s = r'\\newcommand{\\code}{x}'"},
        {"cell_type": "markdown", "source": "$\\newcommand{\\v}[1]{\\mathbf{#1}}$"},
    ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    table = macros_for(str(tmp_path / "a.ipynb"), json.dumps(nb), "ipynb", str(tmp_path))
    assert set(table.macros) == {"R", "v"}


# ==================================================================================================
# Real notation, end to end through the parser
# ==================================================================================================

REAL_PREAMBLE = r"""
% the shape of a convex-optimization course's macros.tex
\newcommand{\R}{\mathbb{R}}
\newcommand{\v}[1]{\mathbf{#1}}
\newcommand{\norm}[1]{\left\|#1\right\|}
\newcommand{\abs}[1]{\left|{#1}\right|}
\DeclareMathOperator*{\argmin}{arg\,min}
\DeclareMathOperator{\sign}{sign}
\newcommand{\grad}{\nabla}
\newcommand{\lr}{\eta}
\def\half{\frac{1}{2}}
\newcommand{\E}[2][]{\mathbb{E}_{#1}\left[#2\right]}
"""


@pytest.mark.parametrize("math, want", [
    (r"\half\norm{\v{w}}^2", sp.Rational(1, 2) * sp.Symbol("N") ** 2),
    (r"\v{w}_{t-1} - \lr \grad L(\v{w}_{t-1})", None),
    (r"\abs{\v{g}_t}", sp.Abs(symbol("g_{t}"))),
    (r"\sign(\v{g}_t)", sp.sign(symbol("g_{t}"))),
])
def test_real_notation_parses(math: str, want: sp.Expr | None) -> None:
    table = table_of(REAL_PREAMBLE)
    exp = expand(math, table)
    pb = parse_block(exp.text)
    assert not pb.problems and not pb.unknown_macros, (exp.text, pb.problems)
    expr = pb.statements[0].terms[0].expr
    if want is not None and want.has(sp.Symbol("N")):
        norm = next(iter(expr.atoms(sp.Function)))
        assert expr == want.subs(sp.Symbol("N"), norm) and norm.args == (symbol("w"),)
    elif want is not None:
        assert expr == want


@pytest.mark.parametrize("math, message", [
    (r"\argmin_{\|\v{w}\| = 1} L(\v{w})", r"under a constraint is not modelled"),
    (r"\E{\v{g}_t}", r"expectations"),
])
def test_real_notation_that_is_not_modelled_says_what(math: str, message: str) -> None:
    pb = parse_block(expand(math, table_of(REAL_PREAMBLE)).text)
    assert not pb.unknown_macros and any(message in p.message for p in pb.problems), pb.problems


# ==================================================================================================
# End to end through check_document (the integration in run.py)
# ==================================================================================================

def test_check_uses_project_macros_and_reports_at_the_written_call(tmp_path: Path) -> None:
    from derive.check.run import check_document

    write(tmp_path, {
        "myst.yml": "version: 1\nproject:\n  math:\n    '\\v': '\\mathbf{#1}'\n",
        "gd.md": r"""
            # Gradient descent with L2

            Let $Q(\v{w}) = L(\v{w}) + \frac{\lambda}{2}\|\v{w}\|^2$. Then

            $$
            \v{w}_t = \v{w}_{t-1} - \eta \nabla Q(\v{w}_{t-1}) = (1 - 2\eta\lambda)\v{w}_{t-1} - \eta \nabla L(\v{w}_{t-1})
            $$
        """,
    })
    (tmp_path / ".git").mkdir()
    doc = tmp_path / "gd.md"
    report = check_document(str(doc), doc.read_text())
    [error] = [f for f in report.findings if f.severity == "error"]
    assert (error.code, error.line, error.col) == ("math/false", 6, 54)
    assert r"(1 - 2\eta\lambda)\v{w}_{t-1}" in error.message  # the side as written, not as expanded


def test_check_reads_an_input_preamble_and_stops_bombs(tmp_path: Path) -> None:
    from derive.check.run import check_document

    write(tmp_path, {
        "macros.tex": "\\newcommand{\\lr}{\\eta}\n\\def\\bomb{\\bomb\\bomb}\n",
        "lec.tex": "\\documentclass{article}\n\\input{macros}\n\\begin{document}\n"
                   "\\[ w_t = w_{t-1} - \\lr g_t = w_{t-1} - 2\\lr g_t \\]\n\\[ x = \\bomb \\]\n\\end{document}\n",
    })
    doc = tmp_path / "lec.tex"
    findings = check_document(str(doc), doc.read_text()).findings
    codes = {(f.code, f.line) for f in findings if f.severity != "info"}
    assert ("math/false", 4) in codes and ("parse/macro", 5) in codes, findings
    assert not any(f.code == "parse/unknown-macro" for f in findings)


def test_random_soup_never_raises(tmp_path: Path) -> None:
    """Definitions and expansion of arbitrary TeX-like text: problems at most, never an exception."""
    rng = random.Random(11)
    alphabet = [r"\newcommand", r"\def", r"\let", r"\DeclareMathOperator", r"\DeclarePairedDelimiter", r"\a", r"\b",
                "{", "}", "[", "]", "#1", "#2", "##", "#", "1", "2", "x", " ", "\n", "%", "*", "=", r"\input", r"\\",
                "\\"]
    for _ in range(300):
        defs = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        math = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        table = parse_definitions(defs)
        exp = expand(math, table)
        assert 0 <= exp.offset(len(exp.text)) <= len(math)
        macros_for(str(tmp_path / "a.tex"), defs, "latex", str(tmp_path))
        macros_for(str(tmp_path / "a.md"), "---\n" + defs + "\n---\n" + math, "myst", str(tmp_path))


def test_a_chapter_read_through_a_part_file_takes_the_one_main_file_above_it(tmp_path: Path) -> None:
    # main.tex → part2.tex (not in this checkout) → ch8/opt.tex: the notation is \include'd in the body
    write(tmp_path, {
        ".git/HEAD": "ref: refs/heads/main\n",
        "book/main.tex": "\\documentclass{book}\n\\begin{document}\n\\include{symbols}\n\\input{part2.tex}\n"
                         "\\end{document}\n",
        "book/symbols.tex": "\\newcommand{\\Vtheta}{\\boldsymbol{\\theta}}\n",
        "book/ch8/opt.tex": "\\chapter{Optimization}\n$\\Vtheta$\n",
    })
    doc = tmp_path / "book" / "ch8" / "opt.tex"
    table = macros_for(str(doc), doc.read_text(), "latex", str(tmp_path))
    assert "Vtheta" in table.macros and table.get("Vtheta").origin.kind == "main file"
    # with a second document nearby the root is not known: nothing is taken from either
    (tmp_path / "book" / "slides.tex").write_text("\\documentclass{beamer}\n\\newcommand{\\Vtheta}{t}\n")
    assert "Vtheta" not in macros_for(str(doc), doc.read_text(), "latex", str(tmp_path)).macros


def test_tex_root_comment_names_the_main_file(tmp_path: Path) -> None:
    write(tmp_path, {
        "notes/lecture.tex": "\\documentclass{article}\n\\newcommand{\\R}{\\mathbb{R}}\n\\begin{document}\n\\end{document}\n",
        "notes/other.tex": "\\documentclass{article}\n\\newcommand{\\R}{x}\n",
        "notes/parts/gd.tex": "% !TEX root = ../lecture.tex\n\\section{GD}\n$\\R$\n",
    })
    doc = tmp_path / "notes" / "parts" / "gd.tex"
    table = macros_for(str(doc), doc.read_text(), "latex", str(tmp_path))
    assert table.get("R").origin.path.endswith("lecture.tex")


# -- the physics package ----------------------------------------------------------------------------------------------
PHYSICS_TEX = r"""\documentclass{article}
\usepackage{amsmath, physics}
\begin{document}
The risk is $R(\va\theta) = \frac{1}{2}\qty(y - \va\theta \cdot \va x)^2$, and
\[ \grad_{\va\theta} \frac{1}{2}\qty(y - w x)^2 = \pdv{w}\frac{1}{2}\qty(y - w x)^2 = -\qty(y - w x) x, \qquad
   \dv{x} x^3 = 3x^2, \qquad \pdv{f}{x} = \frac{\partial f}{\partial x}. \]
\end{document}
"""


def test_the_physics_package_gives_its_commands_their_meaning() -> None:
    """\\usepackage{physics}: \\qty, \\va, \\grad, \\pdv, \\dv are the package's, not unknown macros."""
    table = macros_for("notes.tex", PHYSICS_TEX, "latex")
    assert {"qty", "va", "vb", "grad", "pdv", "dv", "abs", "norm"} <= set(table.macros)
    assert expand(r"\qty(a + b)^2 \abs{x}", table).text == r"(a + b)^2 \left|x\right|"
    result = check_document("notes.tex", PHYSICS_TEX)
    assert [f.code for f in result.findings if f.code.startswith("parse/")] == []
    assert [k.verdict for k in result.links if k.line == 6] == ["proved", "proved"]  # \dv{x} x^3, \pdv{f}{x}
    assert [k.verdict for k in result.links if k.line == 5][1:] == ["proved"]  # \pdv{w}(…) = −(y − wx)x


def test_a_mixed_derivative_of_the_package_is_not_read_as_a_product() -> None:
    """\\pdv{f}{x}{y} is ∂²f/∂x∂y: read as ∂f/∂x followed by a group it would be ∂f/∂x · y."""
    table = macros_for("notes.tex", PHYSICS_TEX, "latex")
    done = expand(r"\pdv{f}{x}{y} + \pdv[2]{f}{x}", table)
    assert [p.message for p in done.problems] == ["\\pdv with three arguments (a mixed derivative) is not read"]
    assert done.text.endswith(r"\frac{\partial^{2} f}{\partial x^{2}}")


def test_without_the_package_its_commands_stay_unknown() -> None:
    text = PHYSICS_TEX.replace("amsmath, physics", "amsmath")
    assert "qty" not in macros_for("notes.tex", text, "latex").macros
    assert "parse/unknown-macro" in {f.code for f in check_document("notes.tex", text).findings}


def test_a_mathjax_configuration_that_loads_physics(tmp_path: Path) -> None:
    """A Quarto site whose header loads MathJax's physics extension (``[tex]/physics``); a course's own \\norm wins."""
    write(tmp_path, {
        "_quarto.yml": """
            format:
              html:
                include-in-header:
                  - text: |
                      <script>
                      window.MathJax = {loader: {load: ['[tex]/physics']},
                                        tex: {packages: {'[+]': ['physics']}, macros: {norm: ["\\\\lVert #1 \\\\rVert", 1]}}};
                      </script>
        """,
    })
    table = macros_for(str(tmp_path / "l.qmd"), "$\\va x$\n", "quarto", str(tmp_path))
    assert {"va", "qty", "grad"} <= set(table.macros)
    assert "lVert" in "".join(table.macros["norm"].body)
