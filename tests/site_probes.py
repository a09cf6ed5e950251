"""Probe documents for the docsify and MkDocs render rules (shared by the fast and the slow suite).

Each probe is a snippet of Markdown and what its real engine does with it: ``True`` when every formula
in it is typeset as written, ``False`` when the reader sees it broken (text, literal ``$``, a KaTeX
error). The slow suite (tests/test_sites_slow.py) builds the probes with the real engines and checks
these expectations; both suites check that the render lint warns exactly on the broken ones.
"""
from __future__ import annotations

#: (name, Markdown, does docsify + docsify-katex show it right?)
DOCSIFY: list[tuple[str, str, bool]] = [
    ("inline", "Inline $a_1 + b_1 = c_1$ and $x*y*z$ end.", True),
    ("spaces", "Spaces $ x = 1 $ are math here.", True),
    ("display-mid-line", "Mid-line $$y_2 = 2$$ text after.", True),
    ("bare-linebreak", "$$\na = b \\\\ c = d\n$$", True),
    ("after-text", "Text right before\n$$\nm = n\n$$\ntext right after.", True),
    ("blank-line", "$$\nt = u\n\nv = w\n$$", True),
    ("aligned", "$$\n\\begin{aligned} e &= f \\\\ g &= h \\end{aligned}\n$$", True),
    ("stacked-displays", "$$m_6 = n_6$$\n$$m_7 = n_7$$\n$$m_8 = n_8$$", True),
    ("round", "Round \\(u_1 = v_1\\) here.", False),
    ("square", "\\[\nq_1 = q_2\n\\]", False),
    ("escaped-round", "Escaped \\\\(w = 2\\\\) here.", False),
    ("top-align", "\\begin{align*}\ng &= h \\\\\ni &= j\n\\end{align*}", False),
    ("align-in-dollars", "$$\n\\begin{align*}\ng &= h \\\\\ni &= j\n\\end{align*}\n$$", False),
    ("multline-in-dollars", "$$\n\\begin{multline*}\nk = l\n\\end{multline*}\n$$", False),
    ("table-pipe", "| a | b |\n|---|---|\n| $p | q$ | x |", False),
    ("table-vert", "| a | b |\n|---|---|\n| $p \\vert q$ | x |", True),
]

#: (name, Markdown, shown right by docsify + docsify-latex with KaTeX 0.16?, … with MathJax 3?)
DOCSIFY_LATEX: list[tuple[str, str, bool, bool]] = [
    ("inline", "Inline $a_1 + b_1 = c_1$ and $x*y*z$ end.", True, True),
    ("spaces", "Spaces $ x = 1 $ are math here.", True, True),
    ("round", "Round \\(u_1 = v_1\\) here.", True, True),
    ("display-mid-line", "Mid-line $$y_2 = 2$$ text after.", True, True),
    # KaTeX breaks the line at a bare \\; MathJax 3 keeps one line (heights compared in the slow suite)
    ("bare-linebreak", "$$\na = b \\\\ c = d\n$$", True, False),
    ("after-text", "Text right before\n$$\nm = n\n$$\ntext right after.", True, True),
    ("blank-line", "$$\nt = u\n\nv = w\n$$", True, True),
    ("aligned", "$$\n\\begin{aligned} e &= f \\\\ g &= h \\end{aligned}\n$$", True, True),
    ("stacked-displays", "$$m_6 = n_6$$\n$$m_7 = n_7$$\n$$m_8 = n_8$$", True, True),
    ("square", "\\[\nq_1 = q_2\n\\]", False, False),
    ("escaped-round", "Escaped \\\\(w = 2\\\\) here.", False, False),
    ("top-align", "\\begin{align*}\ng &= h \\\\\ni &= j\n\\end{align*}", False, False),
    ("align-in-dollars", "$$\n\\begin{align*}\ng &= h \\\\\ni &= j\n\\end{align*}\n$$", True, True),
    ("multline-in-dollars", "$$\n\\begin{multline*}\nk = l\n\\end{multline*}\n$$", False, True),
    ("table-pipe", "| a | b |\n|---|---|\n| $p | q$ | x |", True, True),
    ("table-vert", "| a | b |\n|---|---|\n| $p \\vert q$ | x |", True, True),
]
#: What docsify-latex pairs, formula by formula, where docsify-katex would pair differently (and text it leaves).
DOCSIFY_LATEX_READ: list[tuple[str, str, list[str]]] = [
    ("line-end", "Inline $a_1\nb_1 = c$ end.", []),
    ("prices", "It costs $5 and $10 here.", ["5 and "]),
    ("code-span", "Code `$x$` and $y = 1$ here.", ["y = 1"]),
    # a $ left open on one line pairs with the next $ on the next: the display then starts inside it
    ("stray", "A $e\nf$, $$g$$ $h$.", [", ", "g", " "]),
]

#: (name, Markdown, does MkDocs + pymdownx.arithmatex make math of all of it?)
MKDOCS: list[tuple[str, str, bool]] = [
    ("inline", "Inline $a_1 + b_1 = c_1$ and $x*y*z$ end.", True),
    ("digit-after", "Digit $x_3$2 after.", True),
    ("round", "Round \\(u_1 = v_1\\) here.", True),
    ("square", "\\[\nq_1 = q_2\n\\]", True),
    ("display", "$$\nm_2 = n_2\n$$", True),
    ("one-line-display", "$$m_3 = n_3$$", True),
    ("bare-linebreak", "$$\n\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}\n$$", True),
    ("top-align", "\\begin{align*}\ng &= h \\\\\ni &= j\n\\end{align*}", True),
    ("top-multline", "\\begin{multline*}\nk = l\n\\end{multline*}", True),
    ("escaped-round", "Escaped \\\\(w = 2\\\\) here.", False),
    ("display-mid-line", "Mid-line $$y_2 = 2$$ text after.", False),
    ("after-text", "Text right before\n$$\nm_4 = n_4\n$$", False),
    ("text-after", "$$\nm_5 = n_5\n$$\ntext right after.", False),
    ("square-after-text", "Text right before\n\\[\nq_3 = q_4\n\\]", False),
    ("align-after-text", "Text right before\n\\begin{align*}\ng_5 &= h_5\n\\end{align*}", False),
    ("blank-line", "$$\nt = u\n\nv = w\n$$", False),
    ("stacked-displays", "$$m_6 = n_6$$\n$$m_7 = n_7$$\n$$m_8 = n_8$$", False),
    ("table-pipe", "| a | b |\n|---|---|\n| $p | q$ | x |", False),
    ("table-vert", "| a | b |\n|---|---|\n| $p \\vert q$ | x |", True),
    ("admonition", '!!! note "Title"\n\n    Inside $a_{10} = b_{10}$ it is math.\n\n    $$\n    c_{10} = d_{10}\n    $$', True),
    ("details-and-tab", "??? tip\n    More $e_{11} = f_{11}$.\n\n=== \"Tab\"\n\n    Tab $g_{11} = h_{11}$.", True),
    # a display that opens an admonition's body, right under its title line: the title is no paragraph text
    ("admonition-display-first", '!!! abstract "Rule"\n    $$\n    c_{12} = d_{12}\n    $$', True),
]

#: Dollars arithmatex leaves as text, and the checker must not read as math (prices, a spaced ``$``).
MKDOCS_TEXT: list[tuple[str, str]] = [
    ("spaced-dollars", "Spaces $ x = 1 $ are text."),
    ("prices", "It costs $5 and $10 here."),
]

#: What arithmatex makes math of, formula by formula, where Pandoc's rule would pair differently.
MKDOCS_READ: list[tuple[str, str, list[str]]] = [
    ("unbalanced", "From the point $f(x) with the curvature at $x$ scaled.", ["x"]),
    ("dollar-in-text", "Pick $a \\text{ if $b$} c$ here.", ["b"]),
]


#: ``pymdownx.arithmatex`` option sets (the YAML under ``- pymdownx.arithmatex:`` in mkdocs.yml), in the
#: order of the columns of :data:`MKDOCS_OPTION_READ`.
MKDOCS_OPTIONS: dict[str, str] = {
    "default": "generic: true",
    "generic: false": "generic: false",  # MathJax 2 scripts and previews: other HTML, the same math
    "smart_dollar: false": "generic: true\n      smart_dollar: false",
    "inline_syntax: [round]": "generic: true\n      inline_syntax: [round]",
    "dollar syntax only": "generic: true\n      inline_syntax: [dollar]\n      block_syntax: [dollar]",
}
_A = "\\begin{align*}\ng &= h\n\\end{align*}"
#: (name, Markdown, per option set: the formulas arithmatex made, stripped), read from mkdocs build's HTML.
MKDOCS_OPTION_READ: list[tuple[str, str, tuple[list[str], ...]]] = [
    ("spaced", "Spaces $ x = 1 $ here.", ([], [], ["x = 1"], [], [])),
    ("prices", "It costs $5 and $10 here.", ([], [], ["5 and"], [], [])),
    ("tight", "Tight $a_1 = b_1$ and $x_3$2 here.",
     (["a_1 = b_1", "x_3"], ["a_1 = b_1", "x_3"], ["a_1 = b_1", "x_3"], [], ["a_1 = b_1", "x_3"])),
    ("text-dollar", "Pick $a = \\text{if $b$} c$ here.", (["b"], ["b"], ["a = \\text{if", "} c"], [], ["b"])),
    ("one-sided", "Left $ y_1 = z_1$ and right $y_2 = z_2 $ here.", ([], [], ["y_1 = z_1", "y_2 = z_2"], [], [])),
    ("round", "Round \\(u_1 = v_1\\) here.", (["u_1 = v_1"], ["u_1 = v_1"], ["u_1 = v_1"], ["u_1 = v_1"], [])),
    ("square", "\\[\nq_1 = q_2\n\\]", (["q_1 = q_2"], ["q_1 = q_2"], ["q_1 = q_2"], ["q_1 = q_2"], [])),
    ("display", "$$\nm_2 = n_2\n$$", (["m_2 = n_2"], ["m_2 = n_2"], ["m_2 = n_2"], ["m_2 = n_2"], ["m_2 = n_2"])),
    ("begin", _A, ([_A], [_A], [_A], [_A], [])),
    ("list", "- item $p_1 = q_1$ here\n- and $ p_2 = q_2 $ too",
     (["p_1 = q_1"], ["p_1 = q_1"], ["p_1 = q_1", "p_2 = q_2"], [], ["p_1 = q_1"])),
    ("admonition", "!!! note\n    In $v = w$ and $ v_2 = w_2 $ note.",
     (["v = w"], ["v = w"], ["v = w", "v_2 = w_2"], [], ["v = w"])),
    ("table", "| a | b |\n|---|---|\n| $t_1 = u_1$ | $ t_2 = u_2 $ |",
     (["t_1 = u_1"], ["t_1 = u_1"], ["t_1 = u_1", "t_2 = u_2"], [], ["t_1 = u_1"])),
    ("escaped", "A \\$ b and $c \\$ d = e$ here.",
     (["c \\$ d = e"], ["c \\$ d = e"], ["c \\$ d = e"], [], ["c \\$ d = e"])),
    # Python-Markdown reads code spans before arithmatex: a code span inside $…$ leaves it text
    ("code", "Code `$x$` and $y = 1$ and $k `j` = 2$.", (["y = 1"], ["y = 1"], ["y = 1"], [], ["y = 1"])),
]


def mkdocs_yml(options: str) -> str:
    """An mkdocs.yml with tables, admonitions and arithmatex under ``options``."""
    return ("site_name: probes\nmarkdown_extensions:\n  - tables\n  - admonition\n  - pymdownx.arithmatex:\n"
            f"      {options}\n")


def page(probes: list[tuple[str, str, bool]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """One Markdown page holding every probe after a heading of its own, and each probe's line range."""
    lines = ["# Probes", ""]
    where = {}
    for name, text, _ in probes:
        lines += [f"## probe {name}", ""]
        first = len(lines) + 1
        lines += text.split("\n")
        where[name] = (first, len(lines))
        lines.append("")
    return "\n".join(lines) + "\n", where


#: MkDocs without arithmatex, typeset in the browser by KaTeX auto-render or MathJax 3 that ``extra_javascript``
#: loads, with the delimiters of :data:`SCRIPT_KATEX_INIT` / :data:`SCRIPT_MATHJAX_INIT` (``$``, ``\\(``, ``$$``,
#: ``\\[``): Python-Markdown reads the math as text first. (name, Markdown, shown right with KaTeX?, with MathJax?)
MKDOCS_SCRIPT: list[tuple[str, str, bool, bool]] = [
    ("inline", "Inline $a_1 + b_1 = c_1$ end.", True, True),
    ("spaces", "Spaces $ x = 1 $ here.", True, True),
    ("line-span", "Line $a_5\n= b_5$ end.", True, True),
    ("escaped-underscore", "Escaped $x\\_1 = y\\_2$ end.", True, True),
    ("escaped-star", "Escaped $a^\\*b^\\*$ end.", True, True),
    ("double-round", "Round \\\\(u_2 = v_2\\\\) here.", True, True),
    ("double-square", "\\\\[\nq_3 = q_4\n\\\\]", True, True),
    ("display", "$$\nm_2 = n_2\n$$", True, True),
    ("mid-line", "Mid-line $$y_2 = 2$$ text after.", True, True),
    ("after-text", "Text right before\n$$\nm_4 = n_4\n$$\ntext after.", True, True),
    ("aligned-four", "$$\n\\begin{aligned} a &= b \\\\\\\\ c &= d \\end{aligned}\n$$", True, True),
    ("set-four", "Set $\\\\{x_1, x_2\\\\}$ end.", True, True),
    ("code", "Code `$x$` and $y = 1$ here.", True, True),
    ("star-spaced", "Product $a * b$ and $c * d$ end.", True, True),
    ("less-spaced", "Order $a < b$ and $c > d$ end.", True, True),
    ("stars", "Stars $x*y*z$ end.", False, False),
    ("star-sup", "Sup $a^*$ and $b^*$ end.", False, False),
    ("brace-under", "Groups ${x}_1 + {y}_{2}$ end.", False, False),
    ("tag", "Compare $a<b$ and $c>d$ end.", False, False),
    ("round", "Round \\(u_1 = v_1\\) here.", False, False),
    ("square", "\\[\nq_1 = q_2\n\\]", False, False),
    ("aligned-two", "$$\n\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}\n$$", False, False),
    ("set-braces", "Set $\\{x_1, x_2\\}$ end.", False, False),
    ("bang-hash", "Neg $a\\!b \\# c$ end.", False, False),
    ("blank-line", "$$\nt = u\n\nv = w\n$$", False, False),
    ("table-pipe", "| a | b |\n|---|---|\n| $p | q$ | x |", False, False),
    ("top-align-star", "\\begin{align*}\ng &= h \\\\\\\\\ni &= j\n\\end{align*}", False, False),
    # MathJax processes environments on its own (processEnvironments); this auto-render config lists none
    ("top-align", "\\begin{align}\ng &= h \\\\\\\\\ni &= j\n\\end{align}", False, True),
    ("multline-in-dollars", "$$\n\\begin{multline}\nk = l\n\\end{multline}\n$$", False, True),
]
#: The probe site's KaTeX auto-render call and MathJax 3 config (files in its docs folder).
SCRIPT_KATEX_INIT = """document.addEventListener("DOMContentLoaded", function () {
  renderMathInElement(document.body, {
    delimiters: [
      {left: "$$", right: "$$", display: true},
      {left: "$", right: "$", display: false},
      {left: "\\\\(", right: "\\\\)", display: false},
      {left: "\\\\[", right: "\\\\]", display: true}
    ],
    throwOnError: false
  });
});
"""
SCRIPT_MATHJAX_INIT = """window.MathJax = {
  tex: {inlineMath: [['$', '$'], ['\\\\(', '\\\\)']], displayMath: [['$$', '$$'], ['\\\\[', '\\\\]']]}
};
"""


def script_site_yml(engine: str) -> str:
    """The probe site's mkdocs.yml: no arithmatex, the engine's files (copied into docs/js) in extra_javascript."""
    scripts = (["js/katex.min.js", "js/auto-render.min.js", "js/katex-init.js"] if engine == "katex"
               else ["js/mathjax-config.js", "js/tex-mml-chtml.js"])
    css = "extra_css:\n  - js/katex.min.css\n" if engine == "katex" else ""
    return "site_name: probes\nextra_javascript:\n" + "".join(f"  - {s}\n" for s in scripts) + css

#: MkDocs with pymdownx.arithmatex (``generic: true``) and KaTeX's auto-render run over the whole page (Material for
#: MkDocs' KaTeX recipe, :data:`SCRIPT_KATEX_INIT`): a ``$$`` display arithmatex leaves as text is typeset by the
#: script all the same. (name, Markdown, shown right?)
MKDOCS_AUTO_RENDER: list[tuple[str, str, bool]] = [
    ("display", "$$\nm_2 = n_2\n$$", True),
    ("after-text", "Text right before\n$$\nm_4 = n_4\n$$", True),
    ("text-after", "$$\nm_5 = n_5\n$$\ntext right after.", True),
    ("around-text", "Text right before\n$$\nm_9 = n_9\n$$\ntext right after.", True),
    ("mid-line", "Mid-line $$y_2 = 2$$ text after.", False),
    ("square-after-text", "Text right before\n\\[\nq_3 = q_4\n\\]", False),
    ("blank-line", "$$\nt = u\n\nv = w\n$$", False),
    ("stacked-displays", "$$m_6 = n_6$$\n$$m_7 = n_7$$", False),
    # what arithmatex leaves as text and the script pairs: every $ with the next, spaces inside or not
    ("spaces", "Spaces $ x = 1 $ here.", True),
    ("prices", "It costs $5 and $10 here.", True),
    ("mixed", "Tight $a_1$ and loose $ b_2 $ and tight $c_3$ end.", True),
    ("one-sided", "Left $ y_1 = z_1$ and right $y_2 = z_2 $ here.", True),
    ("double-round", "Round \\\\(u_2 = v_2\\\\) here.", True),
]


def auto_render_site_yml() -> str:
    """The probe site's mkdocs.yml: arithmatex, and KaTeX with auto-render and its call in extra_javascript."""
    return script_site_yml("katex").replace("extra_javascript:", "markdown_extensions:\n  - pymdownx.arithmatex:\n"
                                            "      generic: true\nextra_javascript:", 1)
