"""MkDocs sites without arithmatex whose math KaTeX auto-render or MathJax 3 typesets in the browser:
the typesetter and its delimiters read from ``mkdocs.yml`` and the config script, math read as the
script sees it after Python-Markdown, and the render lint erring exactly where the real engines showed a
probe wrong (tests/site_probes.py ``MKDOCS_SCRIPT``; the engines run in tests/test_sites_slow.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from derive.check import script_math
from derive.check.extract import PYTHON_MARKDOWN_ESCAPABLE, kramdown_unescaped, scan
from derive.check.flavors import _config_in, decide
from derive.check.lint import lint
from derive.check.markdown_in_math import eaten_escapes, markup_spans
from derive.check.renderers import (
    MKDOCS_KATEX, MKDOCS_KATEX_SCRIPT, MKDOCS_MATHJAX_SCRIPT, MKDOCS_OTHER, Renderer, renderer_for,
)
from site_probes import (
    MKDOCS_AUTO_RENDER, MKDOCS_SCRIPT, SCRIPT_KATEX_INIT, SCRIPT_MATHJAX_INIT, auto_render_site_yml, page, script_site_yml,
)


def _fresh() -> None:
    """Forget configs and readings: each is cached per folder and per text within a run."""
    _config_in.cache_clear()
    scan.cache_clear()


def _site(tmp_path: Path, engine: str, text: str) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs" / "js").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text(script_site_yml(engine), encoding="utf-8")
    init = ("katex-init.js", SCRIPT_KATEX_INIT) if engine == "katex" else ("mathjax-config.js", SCRIPT_MATHJAX_INIT)
    (tmp_path / "docs" / "js" / init[0]).write_text(init[1], encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text(text, encoding="utf-8")
    _fresh()
    return tmp_path / "docs" / "index.md"


def test_katex_auto_render_delimiters_are_read_from_the_config_script() -> None:
    found = script_math.script_math({"extra_javascript": ["js/katex.min.js"],
                                     script_math.SCRIPTS_KEY: [SCRIPT_KATEX_INIT]})
    assert found == script_math.ScriptMath("katex", frozenset({"$", "\\("}), frozenset({"$$", "\\["}),
                                           frozenset(), custom=True, whole_page=True)


def test_mathjax_delimiters_are_read_from_window_mathjax() -> None:
    found = script_math.script_math({"extra_javascript": ["js/mathjax-config.js", "https://x/tex-mml-chtml.js"],
                                     script_math.SCRIPTS_KEY: [SCRIPT_MATHJAX_INIT]})
    assert found is not None and (found.engine, found.inline, found.display, found.envs) == (
        "mathjax", frozenset({"$", "\\("}), frozenset({"$$", "\\["}), None)


def test_script_defaults_without_a_config_and_nothing_without_a_script() -> None:
    assert script_math.script_math({"extra_javascript": ["https://cdn/katex@0.16/dist/contrib/auto-render.min.js"]}) \
        is script_math.KATEX_DEFAULT
    assert script_math.script_math({"extra_javascript": ["https://cdn/mathjax@3/es5/tex-chtml.js"]}) \
        is script_math.MATHJAX_DEFAULT
    assert script_math.script_math({"extra_javascript": ["js/extra.js"]}) is None
    assert script_math.script_math({"extra_javascript": ["js/katex.min.js"]}) is None  # nothing calls it
    assert "$" not in script_math.KATEX_DEFAULT.inline and "$" not in script_math.MATHJAX_DEFAULT.inline


def test_env_delimiters_and_quoted_braces_in_a_katex_config() -> None:
    js = ('renderMathInElement(el, {delimiters: [{left: "\\\\begin{align}", right: "\\\\end{align}", display: true},'
          " {left: '$', right: '$', display: false}]})")
    found = script_math.script_math({script_math.SCRIPTS_KEY: [js]})
    assert found is not None and found.envs == frozenset({"align"}) and found.inline == frozenset({"$"})


def test_the_site_decides_the_renderer_and_the_reading(tmp_path: Path) -> None:
    path = _site(tmp_path, "katex", "Costs $ x = 1 $ and $5 and \\\\(y\\\\) and \\(z\\).\n")
    flavor = decide(str(path), path.read_text())
    assert flavor.config is not None
    renderer = renderer_for("mkdocs", flavor.config.data)
    assert isinstance(renderer, Renderer) and renderer.key == "mkdocs-katex-script+delimiters" and renderer.measured
    assert renderer.top_level_envs == frozenset()
    # the browser pairs any $ with the next (spaces inside or not); \\( is the round pair after Markdown
    assert [(b.delim, b.text) for b in scan(str(path), path.read_text()).blocks] == [
        ("$", " x = 1 "), ("\\\\(", "y"), ("\\(", "z")]
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nextra_javascript:\n  - js/other.js\n", encoding="utf-8")
    _fresh()
    assert renderer_for("mkdocs", decide(str(path), "").config.data) is MKDOCS_OTHER  # type: ignore[union-attr]


def test_mathjax_without_single_dollars_reads_them_as_text(tmp_path: Path) -> None:
    path = _site(tmp_path, "mathjax", "A $x = 1$ and \\\\(y = 2\\\\).\n")
    (tmp_path / "docs" / "js" / "mathjax-config.js").write_text("window.MathJax = {tex: {}};\n", encoding="utf-8")
    _fresh()
    assert [(b.delim, b.text) for b in scan(str(path), path.read_text()).blocks] == [("\\\\(", "y = 2")]


def test_python_markdown_unescapes_runs_of_backslashes_in_place() -> None:
    for written, seen in [("a \\\\ b", "a  \\ b"), ("a \\\\\\\\ b", "a   \\\\ b"), ("\\{x\\}", " {x }"),
                          ("a\\\\\\{b", "a  \\{b"), ("c\\_1", "c _1"), ("x\\\\\\alpha", "x \\\\alpha")]:
        assert kramdown_unescaped(written, PYTHON_MARKDOWN_ESCAPABLE) == seen


def test_eaten_escapes_and_markup_across_math() -> None:
    assert eaten_escapes("a \\\\ b \\\\\\\\ c \\\\{ d \\{ e \\_ f \\, g") == [(2, "\\\\"), (20, "\\{")]
    text = "x $a*b*c$ and $a * b$ and ${x}_1 + {y}_{2}$ and $a<b$ or $c>d$ and (x)_1 + (y)_2"
    kinds = [(text[a:b], kind) for a, b, kind in markup_spans(text, 0, len(text))]
    assert kinds == [("*b*", "*"), ("_1 + {y}_", "_"), ("<b$ or $c>", "<")]


@pytest.mark.parametrize("engine,column,renderer", [("katex", 2, MKDOCS_KATEX_SCRIPT), ("mathjax", 3, MKDOCS_MATHJAX_SCRIPT)])
def test_lint_errs_exactly_where_the_engine_showed_the_probe_wrong(tmp_path: Path, engine: str, column: int,
                                                                   renderer: Renderer) -> None:
    text, where = page([(p[0], p[1], p[column]) for p in MKDOCS_SCRIPT])
    path = str(_site(tmp_path, engine, text))
    info = scan(path, text)
    site = decide(path, text).config
    assert site is not None
    chosen = renderer_for("mkdocs", site.data)
    assert isinstance(chosen, Renderer) and chosen.key.startswith(renderer.key)
    findings = [f for f in lint(path, text, list(info.blocks), chosen, (info.visible, True)) if f.severity == "error"]
    for probe in MKDOCS_SCRIPT:
        name, shown_right = probe[0], probe[column]
        mine = [f.message for f in findings if where[name][0] <= f.line <= where[name][1]]
        assert bool(mine) != shown_right, (engine, name, mine)
        assert all(chosen.name in m for m in mine)


def test_arithmatex_with_auto_render_over_the_page_keeps_a_display_glued_to_text(tmp_path: Path) -> None:
    """Material's KaTeX recipe: arithmatex leaves a $$ glued to text as text, and auto-render typesets it."""
    text, where = page(MKDOCS_AUTO_RENDER)
    path = str(_site(tmp_path, "katex", text))
    (tmp_path / "mkdocs.yml").write_text(auto_render_site_yml(), encoding="utf-8")
    _fresh()
    site = decide(path, text).config
    assert site is not None
    chosen = renderer_for("mkdocs", site.data)
    assert isinstance(chosen, Renderer) and chosen.leftover_dollars_typeset and chosen.key == "mkdocs-katex+auto-render"
    assert renderer_for("mkdocs", {"markdown_extensions": ["pymdownx.arithmatex"],
                                   "extra_javascript": ["https://x/katex.min.js"]}) is MKDOCS_KATEX
    info = scan(path, text)
    findings = [f for f in lint(path, text, list(info.blocks), chosen, (info.visible, True)) if f.severity != "info"]
    for name, _, shown_right in MKDOCS_AUTO_RENDER:
        mine = [f.message for f in findings if where[name][0] <= f.line <= where[name][1]]
        assert bool(mine) != shown_right, (name, mine)


def test_a_bracket_that_markdown_eats_names_the_pair_that_works(tmp_path: Path) -> None:
    text = "# T\n\n\\[\nq_1 = q_2\n\\]\n"
    path = str(_site(tmp_path, "katex", text))
    site = decide(path, text).config
    assert site is not None
    info = scan(path, text)
    (finding,) = [f for f in lint(path, text, list(info.blocks), renderer_for("mkdocs", site.data), (info.visible, True))
                  if f.code == "render/bracket-not-math"]
    assert finding.line == 3 and finding.message.endswith("use $$…$$ or \\\\[…\\\\]")


def test_arithmatex_with_auto_render_reads_the_dollars_the_script_pairs_in_what_arithmatex_left(tmp_path: Path) -> None:
    text = "Tight $a_1$ and loose $ b_2 $ and $5 and $10, then $c = \\text{if $d$} e$.\n"
    path = str(_site(tmp_path, "katex", text))
    (tmp_path / "mkdocs.yml").write_text(auto_render_site_yml(), encoding="utf-8")
    _fresh()
    # arithmatex makes a_1 and d; auto-render pairs the rest, never across a formula arithmatex made
    assert [b.text for b in scan(path, text).blocks] == ["a_1", " b_2 ", "5 and ", "d"]
    (tmp_path / "mkdocs.yml").write_text(auto_render_site_yml().replace("  - js/auto-render.min.js\n", "")
                                         .replace("  - js/katex-init.js\n", ""), encoding="utf-8")
    _fresh()
    assert [b.text for b in scan(path, text).blocks] == ["a_1", "d"]  # arithmatex alone


def test_mdx_math_protects_the_math_from_python_markdown(tmp_path: Path) -> None:
    """python-markdown-math takes the math out before Python-Markdown's escapes (what it makes math of is checked
    against the extension in tests/test_mdx_math_slow.py): a bare ``\\\\`` in ``$$…$$`` is no eaten escape there,
    ``\\(…\\)`` is inline math, and so is ``$x$`` with ``enable_dollar_delimiter`` (MathJax 3's script would leave it). Under MathJax 2
    loaded from a CDN the page was read as MathJax 3 without arithmatex, and the ``\\\\`` got a false error."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nextra_javascript:\n  - https://cdn.example/mathjax/2.7.0/MathJax.js?config=TeX-AMS_HTML\n"
        "markdown_extensions:\n  - mdx_math:\n      enable_dollar_delimiter: true\n", encoding="utf-8")
    text = "$$\\frac{\\partial p}{\\partial a} = \\begin{cases} p(1-p) \\\\ -p q \\end{cases}$$\n\nSo \\(a*b*c\\) and $x$.\n"
    path = tmp_path / "docs" / "index.md"
    path.write_text(text, encoding="utf-8")
    _fresh()
    site = decide(str(path), text).config
    assert site is not None and renderer_for("mkdocs", site.data).key == "mkdocs-mdx-math"
    info = scan(str(path), text)
    assert [b.text.strip()[:6] for b in info.blocks] == ["\\frac{", "a*b*c", "x"]  # $x$: the option is on
    chosen = renderer_for("mkdocs", site.data)
    assert [f for f in lint(str(path), text, list(info.blocks), chosen, (info.visible, True))
            if f.severity != "info"] == []
