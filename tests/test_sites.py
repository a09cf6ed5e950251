"""docsify and MkDocs sites: the flavour decided from the site's files, math read by each renderer's
rules, and the render lint agreeing with what the real engines did on the probes (tests/site_probes.py;
the engines themselves run in tests/test_sites_slow.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from derive.check.extract import scan
from derive.check.flavors import _config_in, decide
from derive.check.lint import lint
from derive.check.renderers import (
    DOCSIFY_KATEX, DOCSIFY_LATEX_KATEX, DOCSIFY_LATEX_MATHJAX, DOCSIFY_OTHER, MKDOCS_KATEX, MKDOCS_MATHJAX, MKDOCS_OTHER,
    Renderer, renderer_for,
)
from site_probes import (
    DOCSIFY, DOCSIFY_LATEX, MKDOCS, MKDOCS_OPTION_READ, MKDOCS_OPTIONS, MKDOCS_READ, MKDOCS_TEXT, mkdocs_yml, page,
)

ROOT = Path(__file__).resolve().parent.parent
KATEX_PAGE = """<html><body><div id="app"></div>
<script>window.$docsify = {name: 'x', loadSidebar: true}</script>
<script src="//cdn.jsdelivr.net/npm/docsify@latest/lib/docsify.min.js"></script>
<script src="//cdn.jsdelivr.net/npm/docsify-katex@latest/dist/docsify-katex.js"></script>
</body></html>"""
MKDOCS_YML = """site_name: x
markdown_extensions:
  - admonition
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
  - pymdownx.arithmatex:
      generic: true
extra_javascript:
  - javascripts/mathjax.js
  - https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js
"""


def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / ".git").mkdir(parents=True)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_docsify_site_with_a_jekyll_theme_is_docsify(tmp_path: Path) -> None:
    site = _site(tmp_path, {"docs/index.html": KATEX_PAGE, "docs/_config.yml": "theme: jekyll-theme-cayman\n",
                            "docs/.nojekyll": "", "docs/ch1/a.md": "# A\n"})
    flavor = decide(str(site / "docs/ch1/a.md"), "# A\n")
    assert (flavor.name, flavor.engine) == ("docsify", "docsify")
    assert flavor.config is not None and flavor.config.data["math_plugin"] == "docsify-katex"
    assert flavor.as_dict()["evidence"][0].endswith(f"index.html (math plugin: docsify-katex; {DOCSIFY_KATEX.name})")
    assert renderer_for("docsify", flavor.config.data) is DOCSIFY_KATEX


def test_nojekyll_turns_off_jekyll_and_a_plain_index_html_is_not_docsify(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.html": "<html><p>hello</p></html>", "_config.yml": "theme: minima\n",
                            ".nojekyll": "", "a.md": "x\n"})
    assert decide(str(site / "a.md"), "x\n").name == "gfm"
    (site / ".nojekyll").unlink()
    _config_in.cache_clear()  # config is read once per folder per run
    assert decide(str(site / "a.md"), "x\n").name == "kramdown"


def test_docsify_with_another_math_plugin_is_not_measured() -> None:
    assert renderer_for("docsify", {"math_plugin": "docsify-latex", "math": "mathjax"}) is DOCSIFY_OTHER
    assert not DOCSIFY_OTHER.measured


#: Material for MkDocs' MathJax recipe: MathJax only typesets what arithmatex marked.
MATERIAL_MATHJAX_JS = """window.MathJax = {
  tex: {inlineMath: [["\\(", "\\)"]], displayMath: [["\\[", "\\]"]], processEscapes: true, processEnvironments: true},
  options: {ignoreHtmlClass: ".*|", processHtmlClass: "arithmatex"}
};
"""


def test_mkdocs_config_decides_the_renderer(tmp_path: Path) -> None:
    site = _site(tmp_path, {"mkdocs.yml": MKDOCS_YML, "docs/ch/a.md": "x\n",
                            "docs/javascripts/mathjax.js": MATERIAL_MATHJAX_JS})
    flavor = decide(str(site / "docs/ch/a.md"), "x\n")
    assert flavor.name == "mkdocs" and flavor.config is not None
    assert renderer_for("mkdocs", flavor.config.data) is MKDOCS_MATHJAX  # the !!python/name tag did not hide it
    assert flavor.evidence[0].endswith(f"mkdocs.yml ({MKDOCS_MATHJAX.name})")
    katex = {"markdown_extensions": ["pymdownx.arithmatex"], "extra_javascript": ["https://x/katex.min.js"]}
    assert renderer_for("mkdocs", katex) is MKDOCS_KATEX
    assert renderer_for("mkdocs", {"markdown_extensions": ["admonition"]}) is MKDOCS_OTHER


def test_arithmatex_with_mathjax_and_no_config_script_is_mathjax_over_the_whole_page(tmp_path: Path) -> None:
    """The config script listed but not in the docs folder: MathJax 3 runs with its defaults over the whole page,
    so a $$ display arithmatex leaves as text (glued to the next line) is typeset after all: no error."""
    text = "Given the cost\n\n$$\nf(m) = m^2\n$$\nThe gradient is:\n"
    site = _site(tmp_path, {"mkdocs.yml": MKDOCS_YML, "docs/a.md": text})
    flavor = decide(str(site / "docs/a.md"), text)
    assert flavor.config is not None
    chosen = renderer_for("mkdocs", flavor.config.data)
    assert chosen.key == "mkdocs-mathjax+default-config" and not chosen.measured
    from derive.check.run import check_file
    assert [f.code for f in check_file(str(site / "docs/a.md")).findings if f.code.startswith("render/")] == []
    (site / "docs/javascripts").mkdir()
    (site / "docs/javascripts/mathjax.js").write_text(MATERIAL_MATHJAX_JS, encoding="utf-8")
    from derive.check.flavors import _config_in
    _config_in.cache_clear()
    assert renderer_for("mkdocs", decide(str(site / "docs/a.md"), text).config.data) is MKDOCS_MATHJAX


def _blocks(text: str, flavor: str) -> list[tuple[str, str]]:
    return [(b.delim, b.text) for b in scan("p.md", text, flavor).blocks]


def test_docsify_pairs_every_dollar_like_docsify_katex() -> None:
    text = "It costs $5 and $10 here; $ x = 1 $, `$code$`, \\$9 and $$\ny_1 = 2\n\nz = 3\n$$ end.\n"
    assert _blocks(text, "docsify") == [("$", "5 and "), ("$", " x = 1 "), ("$$", "\ny_1 = 2\n\nz = 3\n")]


def test_mkdocs_reads_dollars_as_arithmatex() -> None:
    assert _blocks("A $x_1$2 and $ y $ and \\(z = 1\\).\n", "mkdocs") == [("$", "x_1"), ("\\(", "z = 1")]
    assert _blocks("A $x_1$2 and $ y $.\n", "gfm") == []  # Pandoc's rule: a digit after keeps it open
    for _, text in MKDOCS_TEXT:  # what arithmatex left as text in the slow suite
        assert _blocks(text, "mkdocs") == [], text
    for _, text, made in MKDOCS_READ:  # and what it paired, formula by formula
        assert [t for _, t in _blocks(text, "mkdocs")] == made, text


def _flagged(flavor: str, probes: list[tuple[str, str, bool]], renderer: object) -> dict[str, list[str]]:
    text, where = page(probes)
    info = scan("p.md", text, flavor)
    findings = [f for f in lint("p.md", text, list(info.blocks), renderer, (info.visible, True)) if f.severity != "info"]
    return {name: [f.message for f in findings if where[name][0] <= f.line <= where[name][1]] for name, _, _ in probes}


@pytest.mark.parametrize("flavor,probes,renderer", [("docsify", DOCSIFY, DOCSIFY_KATEX), ("mkdocs", MKDOCS, MKDOCS_MATHJAX)])
def test_lint_warns_exactly_where_the_engine_breaks(flavor: str, probes: list, renderer: object) -> None:
    flagged = _flagged(flavor, probes, renderer)
    for name, _, shown_right in probes:
        assert bool(flagged[name]) != shown_right, (name, flagged[name])
        assert all(renderer.name in m for m in flagged[name]), flagged[name]  # type: ignore[attr-defined]


def test_mkdocs_with_mathjax_keeps_a_bare_linebreak_on_one_line_and_katex_breaks_it() -> None:
    probe = [("bare", "$$\na = b \\\\ c = d\n$$", True)]
    assert _flagged("mkdocs", probe, MKDOCS_MATHJAX)["bare"]
    assert not _flagged("mkdocs", probe, MKDOCS_KATEX)["bare"]
    assert not _flagged("docsify", probe, DOCSIFY_KATEX)["bare"]


def test_cli_states_the_flavour_and_takes_an_override(tmp_path: Path) -> None:
    note = tmp_path / "a.md"
    note.write_text("Spaces $ x = 1 $ and \\(y = 2\\).\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "derive.cli", "check", str(note), "--flavor", "docsify", "--no-cache",
                          "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    data = json.loads(out.stdout)
    [report] = data["files"]
    assert report["decided"]["name"] == "docsify" and report["decided"]["evidence"] == ["--flavor"]
    assert sum(report["links"].values()) == 2  # $ x = 1 $ is math in docsify (not in Pandoc or GitHub)


def test_mkdocs_reads_math_in_admonition_and_tab_bodies_but_not_their_code() -> None:
    text = ('!!! note "T"\n\n    Inside $a_1 = b_1$.\n\n    ```python\n    s = "$x$"\n    ```\n\n'
            '=== "Tab"\n\n    Tab $g = h$.\n\n        code $y$\n')
    assert _blocks(text, "mkdocs") == [("$", "a_1 = b_1"), ("$", "g = h")]
    assert _blocks(text, "gfm") == []  # CommonMark: an indented code block


def typeset(text: str, flavor: str, renderer: Renderer, path: str = "p.md") -> list[str]:
    """The formulas the reader finds that ``renderer`` typesets (what the lint does not call text)."""
    out = []
    for b in scan(path, text, flavor).blocks:
        if b.delim in ("\\(", "\\[") and renderer.brackets(b.delim) is False:
            continue
        if b.delim == "env" and b.env is not None and renderer.top_level(b.env) is False:
            continue
        out.append(b.text if b.delim == "env" else b.text.strip())
    return out


@pytest.mark.parametrize("column,options", list(enumerate(MKDOCS_OPTIONS)))
def test_mkdocs_reads_math_as_its_arithmatex_options_make_it(tmp_path: Path, column: int, options: str) -> None:
    """Each probe of MKDOCS_OPTION_READ, in a site whose mkdocs.yml sets these options (the slow suite
    builds the same sites with mkdocs and reads the formulas back from the HTML)."""
    site = _site(tmp_path, {"mkdocs.yml": mkdocs_yml(MKDOCS_OPTIONS[options]), "docs/x.md": ""})
    flavor = decide(str(site / "docs/x.md"), "")
    assert flavor.config is not None
    renderer = renderer_for("mkdocs", flavor.config.data)
    assert isinstance(renderer, Renderer) and renderer.measured
    for name, text, made in MKDOCS_OPTION_READ:
        assert typeset(text, "mkdocs", renderer, str(site / "docs" / f"{name}.md")) == made[column], (options, name)


def test_arithmatex_options_reach_the_lint(tmp_path: Path) -> None:
    only = renderer_for("mkdocs", {"markdown_extensions": [{"pymdownx.arithmatex": {
        "inline_syntax": ["dollar"], "block_syntax": ["dollar"]}}]})
    assert isinstance(only, Renderer) and "without begin, round, square" in only.name
    probes = [("round", "Round \\(u_1 = v_1\\) here.", False), ("square", "\\[\nq_1 = q_2\n\\]", False),
              ("begin", "\\begin{align*}\ng &= h\n\\end{align*}", False), ("display", "$$\nm = n\n$$", True)]
    flagged = _flagged("mkdocs", probes, only)
    assert {name: bool(found) for name, found in flagged.items()} == {"round": True, "square": True, "begin": True,
                                                                      "display": False}
    assert not any(_flagged("mkdocs", probes, MKDOCS_MATHJAX).values())
    no_round = renderer_for("mkdocs", {"markdown_extensions": {"pymdownx.arithmatex": {"inline_syntax": "dollar"}}})
    assert isinstance(no_round, Renderer) and no_round.brackets("\\(") is False and no_round.brackets("\\[") is True


def test_docsify_latex_site_is_read_with_its_typesetter(tmp_path: Path) -> None:
    page_ = KATEX_PAGE.replace("docsify-katex@latest/dist/docsify-katex.js", "docsify-latex@0/dist/docsify-latex.min.js")
    for typesetter, expected in (("https://cdn.jsdelivr.net/npm/katex@0.16/dist/katex.min.js", DOCSIFY_LATEX_KATEX),
                                 ("https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml.js", DOCSIFY_LATEX_MATHJAX),
                                 ("https://cdn.jsdelivr.net/npm/mathjax@2/MathJax.js?config=TeX-AMS_HTML",
                                  DOCSIFY_OTHER)):
        html = page_.replace("</body>", f'<script src="{typesetter}"></script></body>')
        site = _site(tmp_path / expected.key, {"index.html": html, "a.md": "x\n"})
        flavor = decide(str(site / "a.md"), "x\n")
        assert flavor.config is not None and flavor.config.data["math_plugin"] == "docsify-latex"
        assert renderer_for("docsify", flavor.config.data) is expected
    custom = page_.replace("name: 'x'", "name: 'x', latex: {inlineMath: [['$', '$']]}")
    assert renderer_for("docsify", {"math_plugin": "docsify-latex", "math": "katex",
                                    "custom_delimiters": "inlineMath" in custom}) is DOCSIFY_OTHER


def test_docsify_latex_pairs_dollars_on_one_line_and_round_brackets() -> None:
    from derive.check.markdown import read_markdown

    text = ("It costs $5 and $10 here; $ x = 1 $, `$code$`, \\$9 and $$\ny_1 = 2\n\nz = 3\n$$ end.\n"
            "Round \\(a = b\\), square \\[c_1 = d\\], $e\nf$ and\n$$g$$ $h$.\n")
    found = [(f.delim, text[f.start:f.end]) for f in read_markdown(text, "docsify", "docsify-latex").found]
    assert found == [("$", "5 and "), ("$", " x = 1 "), ("$$", "\ny_1 = 2\n\nz = 3\n"), ("\\(", "a = b"),
                     ("\\[", "c_1 = d"), ("$$", "g"), ("$", "h")]
    # docsify-katex pairs across the line end
    assert ("$", "e\nf") in [(f.delim, text[f.start:f.end]) for f in read_markdown(text, "docsify", None).found]


@pytest.mark.parametrize("column,renderer", [(2, DOCSIFY_LATEX_KATEX), (3, DOCSIFY_LATEX_MATHJAX)])
def test_docsify_latex_lint_warns_exactly_where_the_engine_breaks(tmp_path: Path, column: int,
                                                                   renderer: Renderer) -> None:
    probes = [(p[0], p[1], p[column]) for p in DOCSIFY_LATEX]
    site = _site(tmp_path, {"index.html": KATEX_PAGE.replace("docsify-katex", "docsify-latex"), "p.md": ""})
    text, where = page(probes)
    path = str(site / "p.md")
    info = scan(path, text, "docsify")
    findings = [f for f in lint(path, text, list(info.blocks), renderer, (info.visible, True)) if f.severity != "info"]
    for name, _, shown_right in probes:
        mine = [f.message for f in findings if where[name][0] <= f.line <= where[name][1]]
        assert bool(mine) != shown_right, (name, mine)


def test_mkdocs_wins_over_a_github_pages_theme_for_the_pages_in_its_docs_dir(tmp_path: Path) -> None:
    """A user site with the theme chooser's ``_config.yml`` left beside the ``mkdocs.yml`` that builds it: the pages
    in ``docs/`` are MkDocs' (their ``\\(…\\)`` is arithmatex math, not kramdown's escaped brackets)."""
    text = "The mean is \\(\\bar x = 2\\).\n"
    site = _site(tmp_path, {"_config.yml": "theme: jekyll-theme-cayman\n", "mkdocs.yml": MKDOCS_YML,
                            "docs/stats/mean.md": text, "notes/other.md": text})
    _config_in.cache_clear()
    assert decide(str(site / "docs/stats/mean.md"), text).name == "mkdocs"
    assert decide(str(site / "notes/other.md"), text).name == "kramdown"  # outside docs_dir: Jekyll's page
    moved = MKDOCS_YML + "docs_dir: notes\n"
    (site / "mkdocs.yml").write_text(moved, encoding="utf-8")
    _config_in.cache_clear()
    assert decide(str(site / "docs/stats/mean.md"), text).name == "kramdown"
    assert decide(str(site / "notes/other.md"), text).name == "mkdocs"


def test_a_jekyll_config_spelled_yaml_decides_kramdown(tmp_path: Path) -> None:
    # Jekyll reads _config.yml, then _config.yaml; Jupyter Book 1 reads only the first
    site = _site(tmp_path, {"_config.yaml": "theme: minima\nplugins:\n  - jekyll-feed\n", "posts/a.md": "x\n"})
    assert decide(str(site / "posts/a.md"), "x\n").name == "kramdown"
    (site / ".nojekyll").write_text("", encoding="utf-8")
    _config_in.cache_clear()
    assert decide(str(site / "posts/a.md"), "x\n").name == "gfm"
