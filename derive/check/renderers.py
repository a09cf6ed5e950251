"""What each renderer really does with the constructs the render lint judges, as data.

Every fact here was measured by building probe documents with the real engine
(``tests/engine_probes.py``, checked again by ``tests/test_engines_slow.py``), unless the renderer's
``measured`` is False: then no engine was installable here and the lint never reports an *error* for it
(an error needs a known renderer that will show the text wrong).

Measured with Jupyter Book 1.0.4 (Sphinx 7, myst-parser 3, MathJax 3.2 in headless Chromium),
Jupyter Book 2.1.7 (mystmd 1.11, KaTeX at build time, read from mystmd's AST), Pandoc 2.17 (Debian
12; MathJax 3.2 in Chromium), kramdown 2.4 (Debian's ruby-kramdown; its HTML with MathJax 3's default
configuration, as a Jekyll layout loads it) and pdflatex (TeX Live 2022):

================================  ========  ==========  ========  ==========  ==========  ========  ========
construct                         JB1       JB1+ams     JB2       Quarto      R Markdown  kramdown  pdflatex
================================  ========  ==========  ========  ==========  ==========  ========  ========
``\\[…\\]``, ``\\(…\\)``          text      text        text      text [1]_   math        text      math
``\\\\(…\\\\)``, ``\\\\[…\\\\]``  text      text        text      text        text        math      —
top-level ``align*``              text      math        math      math        math        text [2]_ math
top-level ``multline*``           text      math        error     math        math        text [2]_ math
top-level ``pmatrix``             text      math        math      math        math        rows lost error
``multline*`` inside ``$$``       math      math        error     math        math        math      —
bare ``cases``                    text      text        text      math        math        rows lost error
``\\\\`` in ``$$``, no env        breaks    breaks      breaks    one line    one line    one line  one line
``$$`` mid-line / after text      ``$`` [3] ``$`` [3]   display   display     display     inline    —
text after the closing ``$$``     swallows  swallows    fine      fine        fine        fine      —
blank line inside ``$$``          fine      fine        text      text        text        fine      —
``\\alert`` in math               red       red         error     red         red         red       error [4]_
math in the first heading         tab [5]_  tab [5]_    title     —           —           —         —
footnote never referenced         dropped   dropped     dropped   dropped     dropped     dropped   —
================================  ========  ==========  ========  ==========  ==========  ========  ========

.. [1] Pandoc's ``markdown`` without ``tex_math_single_backslash`` (Quarto's reader; Quarto itself is
   not installable here, its PyPI package downloads a binary): the brackets are escapes and the TeX in
   between is raw LaTeX, dropped from HTML. ``from: markdown+tex_math_single_backslash`` turns it on.
.. [2] kramdown reads a bare environment as Markdown: ``\\\\`` becomes ``\\`` (rows merge) and ``*…*``
   becomes emphasis; MathJax then typesets what is left, or nothing.
.. [3] myst-parser makes inline math of it, between literal ``$`` signs.
.. [4] beamer defines it: fine there.
.. [5] the heading and the navigation are typeset; the browser tab shows ``\\(\\eta_t\\)``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

#: Environments KaTeX 0.16 knows (probed one by one with KaTeX from tests/js/node_modules; KaTeX
#: answers "No such environment" for multline, flalign, eqnarray, displaymath and math).
KATEX_ENVS = frozenset(
    {
        "equation", "equation*", "align", "align*", "gather", "gather*", "alignat", "alignat*",
        "cases", "dcases", "rcases", "drcases", "aligned", "alignedat", "gathered", "split",
        "array", "darray", "subarray", "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix",
        "smallmatrix", "matrix*", "pmatrix*", "bmatrix*", "Bmatrix*", "vmatrix*", "Vmatrix*", "CD",
    }
)
#: Environments myst-parser's ``amsmath`` extension takes at the top level (mdit-py-plugins' list).
MYST_AMSMATH_ENVS = frozenset(
    {
        "equation", "multline", "gather", "align", "alignat", "flalign", "matrix", "pmatrix", "bmatrix",
        "Bmatrix", "vmatrix", "Vmatrix", "eqnarray",
    }
)
#: Environments MathJax 3 (with the packages a page loads) and amsmath-in-LaTeX know.
AMS_ENVS = frozenset(
    {
        "equation", "multline", "gather", "align", "alignat", "flalign", "eqnarray", "displaymath", "math",
        "cases", "dcases", "rcases", "aligned", "alignedat", "gathered", "split", "array", "subarray",
        "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "CD",
    }
)

#: Environments the KaTeX 0.11.1 bundled in docsify-katex 1.4 knows (probed one by one in docsify in
#: Chromium, tests/test_sites_slow.py): no equation, align, gather, alignat, multline, split, rcases.
KATEX_011_ENVS = frozenset(
    {
        "cases", "dcases", "aligned", "alignedat", "gathered", "array", "darray", "matrix", "pmatrix", "bmatrix",
        "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix",
    }
)

Display = Literal["display", "inline", "literal-dollars", "text", "unknown"]


@dataclass(frozen=True)
class Renderer:
    """One renderer's behaviour on the constructs the lint judges.

    ``None`` in a field means "not known": the lint then stays silent on that construct. Environment
    names are compared without their star (``align*`` is ``align``) unless a set lists starred names.
    """

    key: str
    name: str  #: how messages name it: "Jupyter Book 2 (KaTeX)"
    markdown: bool
    measured: bool  #: every fact below confirmed by building probes with the real engine
    bracket_math: bool | None  #: ``\\[…\\]`` and ``\\(…\\)`` are typeset
    double_backslash_math: bool | None  #: ``\\\\[…\\\\]`` and ``\\\\(…\\\\)`` are typeset
    top_level_envs: frozenset[str] | None  #: environments typeset without ``$$`` around them
    known_envs: frozenset[str] | None  #: environments the typesetter knows inside math
    bare_linebreak_breaks: bool | None  #: ``\\\\`` at the top level of a display starts a new line
    dollars_mid_line: Display  #: ``$$…$$`` starting inside a line of text
    dollars_after_text: Display  #: ``$$`` on the line right after a line of text
    text_after_display_swallows: bool | None  #: text after a closing ``$$`` runs the display on
    blank_line_breaks_display: bool | None  #: a blank line inside ``$$…$$`` leaves it as text
    beamer: bool  #: beamer commands (``\\alert``) are defined
    heading_math_title: bool | None  #: math in the first heading reaches the page title as raw TeX
    drops_unused_footnotes: bool | None
    #: a display (``$$``, ``\\[``, ``\begin``) is math only as a paragraph of its own: a line of text
    #: right before or after it leaves the whole block as text (Python-Markdown's block processors)
    display_needs_paragraph: bool | None = None
    #: a ``|`` inside math in a table row splits the cell (the table is split before math is read)
    table_pipe_breaks: bool | None = None
    #: ``name*`` is known wherever ``name`` is (KaTeX 0.11 has no ``pmatrix*``: False lists them exactly)
    star_variants: bool = True
    #: ``\\(…\\)`` is typeset, where it differs from ``\\[…\\]`` (None: as ``bracket_math`` says)
    round_math: bool | None = None
    #: the Markdown engine reads the math as text before the typesetter sees it (Python-Markdown under a
    #: browser script): ``\\\\`` loses a backslash, ``\\{`` its brace escape, ``*…*`` becomes emphasis
    markdown_escapes: bool = False
    #: a browser script typesets the whole page after the Markdown extension: a ``$$…$$`` that arithmatex
    #: leaves as text (glued to a line of text) is still a display (KaTeX auto-render over the body)
    leftover_dollars_typeset: bool = False

    def brackets(self, delim: str) -> bool | None:
        """Is ``\\[…\\]`` (``delim`` ``\\[``) or ``\\(…\\)`` (``\\(``) typeset?"""
        if delim == "\\(" and self.round_math is not None:
            return self.round_math
        return self.bracket_math

    def knows_env(self, env: str) -> bool | None:
        if self.known_envs is None:
            return None
        return env in self.known_envs or (self.star_variants and env.rstrip("*") in self.known_envs)

    def top_level(self, env: str) -> bool | None:
        if self.top_level_envs is None:
            return None
        return env in self.top_level_envs or env.rstrip("*") in self.top_level_envs


JB1 = Renderer(
    key="jb1", name="Jupyter Book 1 (default config, no amsmath)", markdown=True, measured=True,
    bracket_math=False, double_backslash_math=False, top_level_envs=frozenset(), known_envs=AMS_ENVS,
    bare_linebreak_breaks=True, dollars_mid_line="literal-dollars", dollars_after_text="literal-dollars",
    text_after_display_swallows=True, blank_line_breaks_display=False, beamer=False,
    heading_math_title=False, drops_unused_footnotes=True,
)
JB1_AMSMATH = Renderer(
    key="jb1-amsmath", name="Jupyter Book 1 with amsmath", markdown=True, measured=True,
    bracket_math=False, double_backslash_math=False, top_level_envs=MYST_AMSMATH_ENVS, known_envs=AMS_ENVS,
    bare_linebreak_breaks=True, dollars_mid_line="literal-dollars", dollars_after_text="literal-dollars",
    text_after_display_swallows=True, blank_line_breaks_display=False, beamer=False,
    heading_math_title=False, drops_unused_footnotes=True,
)
JB2 = Renderer(
    key="jb2", name="Jupyter Book 2 (KaTeX)", markdown=True, measured=True,
    bracket_math=False, double_backslash_math=False,
    top_level_envs=MYST_AMSMATH_ENVS, known_envs=KATEX_ENVS,
    bare_linebreak_breaks=True, dollars_mid_line="display", dollars_after_text="display",
    text_after_display_swallows=False, blank_line_breaks_display=True, beamer=False,
    heading_math_title=True, drops_unused_footnotes=True,
)
#: Pandoc's ``markdown`` reader, as Quarto runs it (HTML with MathJax 3).
QUARTO = Renderer(
    key="quarto", name="Quarto (Pandoc markdown, MathJax)", markdown=True, measured=True,
    bracket_math=False, double_backslash_math=False, top_level_envs=AMS_ENVS, known_envs=AMS_ENVS,
    bare_linebreak_breaks=False, dollars_mid_line="display", dollars_after_text="display",
    text_after_display_swallows=False, blank_line_breaks_display=True, beamer=False,
    heading_math_title=None, drops_unused_footnotes=True,
)
#: R Markdown's reader: ``markdown+autolink_bare_uris+tex_math_single_backslash``.
RMARKDOWN = Renderer(
    key="rmarkdown", name="R Markdown (Pandoc markdown+tex_math_single_backslash, MathJax)", markdown=True,
    measured=True, bracket_math=True, double_backslash_math=False, top_level_envs=AMS_ENVS, known_envs=AMS_ENVS,
    bare_linebreak_breaks=False, dollars_mid_line="display", dollars_after_text="display",
    text_after_display_swallows=False, blank_line_breaks_display=True, beamer=False,
    heading_math_title=None, drops_unused_footnotes=True,
)
#: Pandoc markdown with ``tex_math_single_backslash`` turned on in a Quarto project or front matter.
QUARTO_SINGLE_BACKSLASH = Renderer(
    key="quarto+tex_math_single_backslash", name="Quarto (Pandoc markdown+tex_math_single_backslash, MathJax)",
    markdown=True, measured=True, bracket_math=True, double_backslash_math=False, top_level_envs=AMS_ENVS,
    known_envs=AMS_ENVS, bare_linebreak_breaks=False, dollars_mid_line="display", dollars_after_text="display",
    text_after_display_swallows=False, blank_line_breaks_display=True, beamer=False,
    heading_math_title=None, drops_unused_footnotes=True,
)
KRAMDOWN = Renderer(
    key="kramdown", name="kramdown/Jekyll (MathJax)", markdown=True, measured=True,
    bracket_math=False, double_backslash_math=True, top_level_envs=frozenset(), known_envs=AMS_ENVS,
    bare_linebreak_breaks=False, dollars_mid_line="inline", dollars_after_text="inline",
    text_after_display_swallows=False, blank_line_breaks_display=False, beamer=False,
    heading_math_title=None, drops_unused_footnotes=True,
)
#: github.com: no engine to build with here, so nothing is an error; its math is $…$, $$…$$ and ```math.
GITHUB = Renderer(
    key="github", name="GitHub (CommonMark + math)", markdown=True, measured=False,
    bracket_math=None, double_backslash_math=None, top_level_envs=None, known_envs=None,
    bare_linebreak_breaks=None, dollars_mid_line="unknown", dollars_after_text="unknown",
    text_after_display_swallows=None, blank_line_breaks_display=None, beamer=False,
    heading_math_title=None, drops_unused_footnotes=None,
)
#: JupyterLab renders markdown cells with marked and MathJax 3; its math splitter (``removeMath``)
#: takes ``$``, ``$$``, ``\\begin{…}`` and the double-backslash ``\\\\(``/``\\\\[``. Read from its source,
#: not built here (nbconvert's HTML loads MathJax 2 from a CDN), so nothing is an error for it.
NOTEBOOK = Renderer(
    key="notebook", name="Jupyter notebook (JupyterLab, MathJax)", markdown=True, measured=False,
    bracket_math=False, double_backslash_math=True, top_level_envs=AMS_ENVS, known_envs=AMS_ENVS,
    bare_linebreak_breaks=None, dollars_mid_line="unknown", dollars_after_text="unknown",
    text_after_display_swallows=None, blank_line_breaks_display=None, beamer=False,
    heading_math_title=None, drops_unused_footnotes=None,
)
PDFLATEX = Renderer(
    key="pdflatex", name="pdflatex (article)", markdown=False, measured=True,
    bracket_math=True, double_backslash_math=False, top_level_envs=AMS_ENVS - {
        "cases", "dcases", "rcases", "aligned", "alignedat", "gathered", "split", "array", "subarray",
        "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "CD"},
    known_envs=AMS_ENVS, bare_linebreak_breaks=False, dollars_mid_line="display", dollars_after_text="display",
    text_after_display_swallows=False, blank_line_breaks_display=None, beamer=False,
    heading_math_title=None, drops_unused_footnotes=None,
)
BEAMER = Renderer(
    key="beamer", name="pdflatex (beamer)", markdown=False, measured=True,
    bracket_math=True, double_backslash_math=False, top_level_envs=PDFLATEX.top_level_envs,
    known_envs=AMS_ENVS, bare_linebreak_breaks=False, dollars_mid_line="display", dollars_after_text="display",
    text_after_display_swallows=False, blank_line_breaks_display=None, beamer=True,
    heading_math_title=None, drops_unused_footnotes=None,
)

#: docsify with docsify-katex 1.4: before marked reads the page, the plugin pairs every ``$$`` with the
#: next ``$$`` and then every ``$`` with the next ``$`` (spaces, digits and blank lines allowed; ``\\$``
#: escapes), hides each pair in an HTML comment (so marked never sees its ``_`` and ``*``) and typesets
#: it with the KaTeX 0.11.1 it bundles. ``\\(…\\)``/``\\[…\\]`` and bare environments are Markdown
#: text. Measured with docsify 4.13.1 + docsify-katex 1.4.3 in headless Chromium.
DOCSIFY_KATEX = Renderer(
    key="docsify-katex", name="docsify with docsify-katex (KaTeX 0.11)", markdown=True, measured=True,
    bracket_math=False, double_backslash_math=False, top_level_envs=frozenset(), known_envs=KATEX_011_ENVS,
    bare_linebreak_breaks=True, dollars_mid_line="display", dollars_after_text="display",
    text_after_display_swallows=False, blank_line_breaks_display=False, beamer=False,
    heading_math_title=None, drops_unused_footnotes=None, display_needs_paragraph=False, table_pipe_breaks=True,
    star_variants=False,
)
#: docsify with docsify-latex 0.5 and the KaTeX the page loads (0.16 measured): before marked reads the
#: page the plugin hides code, then pairs ``$…$`` and ``\\(…\\)`` on one line and ``$$…$$`` across lines
#: (spaces, digits, blank lines allowed; a delimiter after ``\\`` is text) and hides each pair from
#: marked, so a ``|`` in math does not split a table cell. ``\\[…\\]`` and bare environments are
#: Markdown text. Measured with docsify 4.13.1 + docsify-latex 0.5.2 in headless Chromium.
DOCSIFY_LATEX_KATEX = Renderer(
    key="docsify-latex-katex", name="docsify with docsify-latex (KaTeX)", markdown=True, measured=True,
    bracket_math=False, double_backslash_math=False, top_level_envs=frozenset(), known_envs=KATEX_ENVS,
    bare_linebreak_breaks=True, dollars_mid_line="display", dollars_after_text="display",
    text_after_display_swallows=False, blank_line_breaks_display=False, beamer=False,
    heading_math_title=None, drops_unused_footnotes=None, display_needs_paragraph=False, table_pipe_breaks=False,
    round_math=True,
)
#: The same typeset by MathJax 3 (``tex-chtml.js``/``tex-mml-chtml.js``): ``multline`` known, ``\\`` keeps one line.
DOCSIFY_LATEX_MATHJAX = Renderer(
    key="docsify-latex-mathjax", name="docsify with docsify-latex (MathJax 3)", markdown=True, measured=True,
    bracket_math=False, double_backslash_math=False, top_level_envs=frozenset(), known_envs=AMS_ENVS,
    bare_linebreak_breaks=False, dollars_mid_line="display", dollars_after_text="display",
    text_after_display_swallows=False, blank_line_breaks_display=False, beamer=False,
    heading_math_title=None, drops_unused_footnotes=None, display_needs_paragraph=False, table_pipe_breaks=False,
    round_math=True,
)
#: docsify with another math setup (MathJax 2, a plain MathJax or KaTeX script, custom docsify-latex
#: delimiters): not built here, nothing is an error.
DOCSIFY_OTHER = Renderer(
    key="docsify", name="docsify (math plugin not measured)", markdown=True, measured=False,
    bracket_math=None, double_backslash_math=None, top_level_envs=None, known_envs=None,
    bare_linebreak_breaks=None, dollars_mid_line="unknown", dollars_after_text="unknown",
    text_after_display_swallows=None, blank_line_breaks_display=None, beamer=False,
    heading_math_title=None, drops_unused_footnotes=None,
)
#: MkDocs (Python-Markdown) with ``pymdownx.arithmatex`` and MathJax 3 (generic mode or not: the same
#: text is math). Inline ``$…$`` (no space inside either dollar; a digit may follow) and ``\\(…\\)``;
#: displays ``$$…$$``, ``\\[…\\]`` and any ``\begin{env}`` only as a paragraph of their own;
#: ``$$x$$`` inside a line is inline math between literal ``$``; ``\\\\(`` is an escaped ``\\(``
#: (text); a ``|`` in math splits a table cell. Measured with MkDocs 1.6 + pymdown-extensions 10+/13
#: (the HTML arithmatex writes); MathJax 3's behaviour on what it is given was measured in Chromium for
#: the other MathJax renderers above (``\\\\`` outside an environment keeps one line).
MKDOCS_MATHJAX = Renderer(
    key="mkdocs-mathjax", name="MkDocs with pymdownx.arithmatex (MathJax)", markdown=True, measured=True,
    bracket_math=True, double_backslash_math=False, top_level_envs=AMS_ENVS, known_envs=AMS_ENVS,
    bare_linebreak_breaks=False, dollars_mid_line="literal-dollars", dollars_after_text="text",
    text_after_display_swallows=False, blank_line_breaks_display=True, beamer=False,
    heading_math_title=None, drops_unused_footnotes=None, display_needs_paragraph=True, table_pipe_breaks=True,
)
#: The same with KaTeX (0.16, from tests/js) typesetting arithmatex's output: ``\\\\`` breaks, no multline.
MKDOCS_KATEX = Renderer(
    key="mkdocs-katex", name="MkDocs with pymdownx.arithmatex (KaTeX)", markdown=True, measured=True,
    bracket_math=True, double_backslash_math=False, top_level_envs=KATEX_ENVS, known_envs=KATEX_ENVS,
    bare_linebreak_breaks=True, dollars_mid_line="literal-dollars", dollars_after_text="text",
    text_after_display_swallows=False, blank_line_breaks_display=True, beamer=False,
    heading_math_title=None, drops_unused_footnotes=None, display_needs_paragraph=True, table_pipe_breaks=True,
)
#: MkDocs without arithmatex, its math typeset in the browser by KaTeX's auto-render or MathJax 3 that
#: ``extra_javascript`` loads (:mod:`derive.check.script_math`): Python-Markdown reads the math as text first
#: (``\\\\`` → ``\\``, ``\\{`` → ``{``, ``\\(`` → ``(``, ``*…*`` and ``}_…}_{`` → emphasis, ``<b$ … $c>`` → an
#: HTML tag), so ``\\\\(…\\\\)`` is the round pair; the page's paragraphs bound the math (a blank line ends
#: it), a ``$$`` inside a line or under text is a display, a ``|`` splits a table cell. Measured with MkDocs
#: 1.6 (Python-Markdown 3), KaTeX 0.16 auto-render and MathJax 3.2 from tests/js in headless Chromium
#: (tests/test_sites_slow.py). The delimiters are the site's (:func:`mkdocs_script`).
MKDOCS_KATEX_SCRIPT = Renderer(
    key="mkdocs-katex-script", name="MkDocs with KaTeX auto-render (no arithmatex)", markdown=True, measured=True,
    bracket_math=False, double_backslash_math=True, top_level_envs=frozenset(), known_envs=KATEX_ENVS,
    bare_linebreak_breaks=True, dollars_mid_line="display", dollars_after_text="display",
    text_after_display_swallows=False, blank_line_breaks_display=True, beamer=False,
    heading_math_title=None, drops_unused_footnotes=None, display_needs_paragraph=False, table_pipe_breaks=True,
    round_math=False, markdown_escapes=True,
)
MKDOCS_MATHJAX_SCRIPT = Renderer(
    key="mkdocs-mathjax-script", name="MkDocs with MathJax 3 (no arithmatex)", markdown=True, measured=True,
    bracket_math=False, double_backslash_math=True, top_level_envs=AMS_ENVS, known_envs=AMS_ENVS,
    bare_linebreak_breaks=False, dollars_mid_line="display", dollars_after_text="display",
    text_after_display_swallows=False, blank_line_breaks_display=True, beamer=False,
    heading_math_title=None, drops_unused_footnotes=None, display_needs_paragraph=False, table_pipe_breaks=True,
    round_math=False, markdown_escapes=True,
)
#: MkDocs without arithmatex: Python-Markdown has no math; another extension may add it. Not measured.
MKDOCS_OTHER = Renderer(
    key="mkdocs", name="MkDocs (no pymdownx.arithmatex)", markdown=True, measured=False,
    bracket_math=None, double_backslash_math=None, top_level_envs=None, known_envs=None,
    bare_linebreak_breaks=None, dollars_mid_line="unknown", dollars_after_text="unknown",
    text_after_display_swallows=None, blank_line_breaks_display=None, beamer=False,
    heading_math_title=None, drops_unused_footnotes=None,
)

#: MkDocs with python-markdown-math (``mdx_math``): its inline patterns take ``$$…$$`` (no ``$`` inside),
#: ``\\[…\\]``, ``\\(…\\)`` and ``\\begin{env}…\\end{env}`` out of a paragraph before Python-Markdown's escapes and
#: emphasis see them (``\\\\`` stays a line break, ``*`` stays a star), glued to text or not; single ``$`` only with
#: ``enable_dollar_delimiter``, pairing with the next ``$``. A blank line ends the paragraph and so the formula.
#: What is math was checked against Python-Markdown with the extension (tests/test_mdx_math_slow.py); how
#: MathJax 2 then shows a bare ``\\\\`` or an environment was not measured, so the lint says nothing of those.
MKDOCS_MDX_MATH = Renderer(
    key="mkdocs-mdx-math", name="MkDocs with mdx_math (MathJax)", markdown=True, measured=False,
    bracket_math=True, double_backslash_math=False, top_level_envs=AMS_ENVS, known_envs=AMS_ENVS,
    bare_linebreak_breaks=None, dollars_mid_line="display", dollars_after_text="display",
    text_after_display_swallows=False, blank_line_breaks_display=True, beamer=False,
    heading_math_title=None, drops_unused_footnotes=None, display_needs_paragraph=False, table_pipe_breaks=None,
    round_math=True, markdown_escapes=False,
)

#: A MyST page whose project configuration was not found: it may be built by either Jupyter Book.
MYST_HOSTS: tuple[Renderer, ...] = (JB1, JB1_AMSMATH, JB2)


@dataclass(frozen=True)
class AnyOf:
    """The page will be shown by one of several renderers, and we do not know which.

    The lint reports a finding at its severity only where *every* candidate shows the construct wrong,
    and a note naming the ones that do where only some do.
    """

    key: str
    name: str
    candidates: tuple[Renderer, ...]

    @property
    def markdown(self) -> bool:
        return self.candidates[0].markdown


MYST_UNKNOWN = AnyOf("myst", "MyST (Jupyter Book 1 or 2)", MYST_HOSTS)

RENDERERS: dict[str, Renderer] = {
    r.key: r for r in (JB1, JB1_AMSMATH, JB2, QUARTO, QUARTO_SINGLE_BACKSLASH, RMARKDOWN, KRAMDOWN, GITHUB,
                       NOTEBOOK, PDFLATEX, BEAMER, DOCSIFY_KATEX, DOCSIFY_LATEX_KATEX, DOCSIFY_LATEX_MATHJAX, DOCSIFY_OTHER,
                       MKDOCS_MATHJAX, MKDOCS_KATEX, MKDOCS_KATEX_SCRIPT, MKDOCS_MATHJAX_SCRIPT,
                       MKDOCS_OTHER)
}
FLAVORS = ("myst", "commonmark", "gfm", "kramdown", "pandoc", "quarto", "rmarkdown", "docsify", "mkdocs", "ipynb",
           "latex")


def _extensions(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, (list, tuple)):
        return {str(v) for v in value}
    return set()


def is_mystmd(config: dict[str, Any]) -> bool:
    """``myst.yml`` (Jupyter Book 2 / mystmd): ``version: 1`` with a ``project`` or ``site`` table."""
    return "version" in config and ("project" in config or "site" in config)


def _jb1_amsmath(config: dict[str, Any]) -> bool:
    """Jupyter Book 1's ``parse.myst_enable_extensions`` (or Sphinx's ``myst_enable_extensions``)."""
    parse = config.get("parse")
    found = _extensions(parse.get("myst_enable_extensions")) if isinstance(parse, dict) else set()
    sphinx = config.get("sphinx")
    if isinstance(sphinx, dict) and isinstance(sphinx.get("config"), dict):
        found |= _extensions(sphinx["config"].get("myst_enable_extensions"))
    return "amsmath" in found


def _pandoc_reader(config: dict[str, Any]) -> str:
    """The reader format a Quarto/R Markdown config asks for (``from:`` / ``md_extensions``)."""
    parts = []
    for key in ("from", "reader", "md_extensions", "md-extensions"):
        if isinstance(config.get(key), str):
            parts.append(config[key])
    for fmt in ("format", "output"):
        table = config.get(fmt)
        if isinstance(table, dict):
            for sub in table.values():
                if isinstance(sub, dict):
                    parts += [str(sub[k]) for k in ("from", "md_extensions", "md-extensions") if k in sub]
    return " ".join(parts)


def _names(value: Any) -> list[str]:
    """Entry names of an MkDocs list (``- admonition`` or ``- pymdownx.arithmatex: {…}``)."""
    if isinstance(value, dict):
        return [str(k) for k in value]
    if isinstance(value, (list, tuple)):
        out = []
        for item in value:
            if isinstance(item, dict):  # {name: options}, or MkDocs 1.5's {path: …, type: module}
                out += [str(item["path"])] if "path" in item else [str(k) for k in item]
            else:
                out.append(str(item))
        return out
    return []


@dataclass(frozen=True)
class Arithmatex:
    """The ``pymdownx.arithmatex`` options that change what is math (pymdown-extensions 10-13).

    ``smart_dollar`` (default on): ``$`` opens only before a non-space and closes only after one, so
    ``$ x $`` and ``$5 and $10`` stay text; off, any ``$`` pairs with the next one in the paragraph.
    ``inline_syntax`` (``dollar``, ``round``) and ``block_syntax`` (``dollar``, ``square``, ``begin``)
    choose the delimiters; one left out is not math (``\\[`` and ``\\(`` are then Python-Markdown
    escapes of ``[`` and ``(``). ``generic``, ``preview``, the tags and the wraps change only the HTML
    around the same math (probed: tests/test_sites_slow.py), so they are not kept here.
    """

    smart_dollar: bool = True
    inline: frozenset[str] = frozenset({"dollar", "round"})
    block: frozenset[str] = frozenset({"dollar", "square", "begin"})
    #: KaTeX's auto-render run over the whole page after arithmatex (its left delimiters): it pairs the
    #: ``$`` that arithmatex left as text too (``$ x = 1 $``, ``$5 and $10``). Not an arithmatex option.
    leftovers: frozenset[str] = field(default=frozenset(), compare=False)


def _extension_options(value: Any, name: str) -> dict[str, Any] | None:
    """The options of extension ``name`` in an MkDocs ``markdown_extensions`` (None: not enabled)."""
    entries: list[tuple[Any, Any]] = []
    if isinstance(value, dict):
        entries = list(value.items())
    elif isinstance(value, (list, tuple)):
        for item in value:
            entries += list(item.items()) if isinstance(item, dict) else [(item, None)]
    for key, options in entries:
        if str(key) == name:
            return options if isinstance(options, dict) else {}
    return None


def _syntax(value: Any, default: frozenset[str]) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, (list, tuple)):
        return frozenset(str(v) for v in value)
    return default


def mdx_math(config: dict[str, Any] | None) -> Arithmatex | None:
    """python-markdown-math (``mdx_math``) in a parsed ``mkdocs.yml``, as the delimiters it makes math of, in
    arithmatex's terms: ``$`` pairs with the next ``$`` (no smart dollars), and only when
    ``enable_dollar_delimiter`` is on. None when the extension is not enabled (or arithmatex is)."""
    extensions = (config or {}).get("markdown_extensions")
    if _extension_options(extensions, "pymdownx.arithmatex") is not None:
        return None
    options = _extension_options(extensions, "mdx_math")
    if options is None:
        return None
    dollars = options.get("enable_dollar_delimiter") in (True, "true", "True", 1)
    return Arithmatex(smart_dollar=False, inline=frozenset({"round", "dollar"} if dollars else {"round"}),
                      block=frozenset({"dollar", "square", "begin"}))


def arithmatex(config: dict[str, Any] | None) -> Arithmatex | None:
    """The arithmatex options of a parsed ``mkdocs.yml`` (None when arithmatex is not enabled)."""
    options = _extension_options((config or {}).get("markdown_extensions"), "pymdownx.arithmatex")
    if options is None:
        return None
    default = Arithmatex()
    return Arithmatex(smart_dollar=options.get("smart_dollar", True) is not False,
                      inline=_syntax(options.get("inline_syntax"), default.inline),
                      block=_syntax(options.get("block_syntax"), default.block))


def _with_auto_render(base: Renderer, config: dict[str, Any]) -> Renderer:
    """arithmatex with KaTeX's auto-render run over the whole page (Material for MkDocs' KaTeX recipe): the
    script pairs ``$$`` in the text arithmatex left alone too, so a display glued to text is typeset
    (measured: tests/test_sites_slow.py)."""
    from .script_math import script_math

    math = script_math(config)
    if base is not MKDOCS_KATEX or math is None or not math.whole_page or "$$" not in math.display:
        return base
    return replace(base, key=base.key + "+auto-render", name="MkDocs with pymdownx.arithmatex (KaTeX auto-render)",
                   leftover_dollars_typeset=True,
                   double_backslash_math="\\(" in math.inline or "\\[" in math.display)  # \\( reaches it as \(


def _with_default_mathjax(base: Renderer, config: dict[str, Any]) -> Renderer:
    """arithmatex with MathJax 3 loaded but no config script of the site's (none listed, or one that is not in
    the docs folder): MathJax then runs with its defaults over the whole page, not only over what arithmatex
    marked, so a ``$$`` display arithmatex left as text (glued to a line of text) is typeset too. Read from
    MathJax's documented defaults, not built here: its errors are warnings."""
    from .script_math import script_math

    math = script_math(config)
    if base is not MKDOCS_MATHJAX or math is None or math.engine != "mathjax" or math.custom:
        return base
    return replace(base, key=base.key + "+default-config", measured=False, leftover_dollars_typeset=True,
                   name="MkDocs with pymdownx.arithmatex (MathJax 3 with its default config, over the whole page)")


def _mkdocs(config: dict[str, Any]) -> Renderer:
    """``mkdocs.yml``: arithmatex among ``markdown_extensions``, with its options; KaTeX or MathJax from
    ``extra_javascript``."""
    if mdx_math(config) is not None:
        return MKDOCS_MDX_MATH
    options = arithmatex(config)
    if options is None:
        return mkdocs_script(config)
    scripts = " ".join(_names(config.get("extra_javascript"))).lower()
    base = MKDOCS_KATEX if "katex" in scripts and "mathjax" not in scripts else MKDOCS_MATHJAX
    base = _with_default_mathjax(_with_auto_render(base, config), config)
    if options == Arithmatex():
        return base
    changes: dict[str, Any] = {"key": base.key + "+options"}
    left_out = sorted((options.inline ^ Arithmatex().inline) | (options.block ^ Arithmatex().block))
    said = [] if options.smart_dollar else ["smart_dollar: false"]
    if left_out:
        said.append("without " + ", ".join(left_out))
    changes["name"] = base.name[:-1] + "; " + "; ".join(said) + ")"
    if "square" not in options.block:
        changes["bracket_math"] = False
    if "round" not in options.inline:
        changes["round_math"] = False
    elif "square" not in options.block:
        changes["round_math"] = True
    if "begin" not in options.block:
        changes["top_level_envs"] = frozenset()
    return replace(base, **changes)


def mkdocs_script(config: dict[str, Any]) -> Renderer:
    """An MkDocs site without arithmatex: the KaTeX or MathJax its ``extra_javascript`` loads, with the
    delimiters its config script gives (:func:`derive.check.script_math.script_math`); else not known."""
    from .script_math import script_math

    math = script_math(config)
    if math is None:
        return MKDOCS_OTHER
    base = MKDOCS_KATEX_SCRIPT if math.engine == "katex" else MKDOCS_MATHJAX_SCRIPT
    envs = frozenset(math.envs) if math.envs is not None else AMS_ENVS
    changes: dict[str, Any] = {"top_level_envs": envs,
                               "double_backslash_math": "\\[" in math.display or "\\(" in math.inline}
    if math.custom:
        shown = sorted(math.inline) + sorted(math.display)
        changes["key"] = base.key + "+delimiters"
        changes["name"] = base.name[:-1] + "; delimiters " + " ".join(shown) + ")"
    return replace(base, **changes)


def renderer_for(flavor: str, config: dict[str, Any] | None = None) -> Renderer | AnyOf:
    """The renderer that will show a page of ``flavor`` under the project's parsed ``config``.

    ``config`` is the parsed project configuration found for the file (Jupyter Book 1's
    ``_config.yml``, Jupyter Book 2's ``myst.yml``, ``_quarto.yml`` merged with the front matter, an R
    Markdown front matter), or None when there is none. A MyST page without a config may be built by
    either Jupyter Book: :data:`MYST_UNKNOWN`.
    """
    flavor = flavor.lower()
    config = config or {}
    if flavor == "myst":
        if is_mystmd(config):
            return JB2
        if config:
            return JB1_AMSMATH if _jb1_amsmath(config) else JB1
        return MYST_UNKNOWN
    if flavor in ("pandoc", "quarto"):
        reader = _pandoc_reader(config)
        single = "+tex_math_single_backslash" in reader
        return QUARTO_SINGLE_BACKSLASH if single else QUARTO
    if flavor == "rmarkdown":
        return QUARTO if "-tex_math_single_backslash" in _pandoc_reader(config) else RMARKDOWN
    if flavor == "kramdown":
        return KRAMDOWN
    if flavor == "docsify":
        plugin, math = config.get("math_plugin"), config.get("math")
        if plugin == "docsify-katex":
            return DOCSIFY_KATEX
        if plugin == "docsify-latex" and not config.get("custom_delimiters"):
            return {"katex": DOCSIFY_LATEX_KATEX, "mathjax3": DOCSIFY_LATEX_MATHJAX}.get(str(math), DOCSIFY_OTHER)
        return DOCSIFY_OTHER
    if flavor == "mkdocs":
        return _mkdocs(config)
    if flavor in ("commonmark", "gfm", "markdown"):
        return GITHUB
    if flavor in ("ipynb", "notebook"):
        return NOTEBOOK
    if flavor in ("latex", "tex"):
        classes = str(config.get("documentclass", ""))
        return BEAMER if "beamer" in classes else PDFLATEX
    raise ValueError(f"unknown flavor {flavor!r}: expected one of {', '.join(FLAVORS)}")
