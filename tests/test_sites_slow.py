"""The docsify and MkDocs render rules, confirmed with the real engines.

* **docsify** 4.13 + docsify-katex 1.4 (npm, ``tests/docsify``, pinned by its lock file), served from a
  local HTTP server and rendered in headless Chromium (Playwright, Debian's chromium): for each probe
  of :mod:`site_probes`, is every formula typeset (no KaTeX error, no TeX left in the text)? And the
  environments the bundled KaTeX knows, one by one, against ``renderers.KATEX_011_ENVS``.
* **docsify-latex** 0.5 with KaTeX 0.16 and with MathJax 3 (both from ``tests/js``), the same way: the
  probes of ``site_probes.DOCSIFY_LATEX`` and the reader run on the very page the browser showed.
* **MkDocs** 1.6 + pymdown-extensions (the ``[mkdocs]`` extra): ``mkdocs build``, then the HTML: what
  arithmatex wrapped in ``arithmatex`` elements is math, TeX left outside them is what a reader sees raw;
  once per arithmatex option set of ``site_probes.MKDOCS_OPTIONS`` (``generic: false``, ``smart_dollar:
  false``, ``inline_syntax``/``block_syntax``), formula by formula.
* **MkDocs without arithmatex**, typeset in Chromium by KaTeX 0.16 auto-render or MathJax 3 (both from
  ``tests/js``) that ``extra_javascript`` loads with a config script of the site: the probes of
  ``site_probes.MKDOCS_SCRIPT``, and the reader on the very page the browser showed.

Engines: ``DERIVE_MKDOCS`` (an ``mkdocs`` executable; default: the one next to this Python),
``DERIVE_CHROMIUM`` (default ``/usr/bin/chromium``). Missing ones skip locally and fail in CI.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from derive.check import renderers
from conftest import need
from site_probes import (
    DOCSIFY, DOCSIFY_LATEX, DOCSIFY_LATEX_READ, MKDOCS, MKDOCS_OPTION_READ, MKDOCS_OPTIONS, MKDOCS_READ, MKDOCS_SCRIPT,
    MKDOCS_AUTO_RENDER, MKDOCS_TEXT, SCRIPT_KATEX_INIT, SCRIPT_MATHJAX_INIT, auto_render_site_yml, mkdocs_yml, page,
    script_site_yml,
)

pytestmark = pytest.mark.slow

HERE = Path(__file__).parent
NODE = HERE / "docsify" / "node_modules"
MATHJAX = HERE / "js" / "node_modules" / "mathjax-full" / "es5" / "tex-chtml.js"
MATHJAX_MML = MATHJAX.with_name("tex-mml-chtml.js")
KATEX = HERE / "js" / "node_modules" / "katex" / "dist" / "katex.min.js"
#: TeX a reader must never see as text (the probes' formulas all hold one of these).
RAW_TEX = re.compile(r"[$\\=_^&]|c194a9eg")


@contextlib.contextmanager
def _served(root: Path):  # type: ignore[no-untyped-def]
    """A local HTTP server for ``root`` (docsify fetches its Markdown; file:// pages may not)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def _browser() -> tuple[str, object]:
    chromium = os.environ.get("DERIVE_CHROMIUM", "/usr/bin/chromium")
    need(os.access(chromium, os.X_OK), f"no Chromium at {chromium}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "playwright not installed (the [browser] extra)")
    return chromium, sync_playwright


# ------------------------------------------------------------------------------------------- MkDocs


def _mkdocs() -> list[str]:
    given = os.environ.get("DERIVE_MKDOCS")
    if given:
        need(os.access(given, os.X_OK), f"DERIVE_MKDOCS: no mkdocs at {given}")
        return [given]
    beside = Path(sys.executable).with_name("mkdocs")
    found = str(beside) if beside.exists() else shutil.which("mkdocs")
    need(found is not None, "mkdocs not installed (pip install -e '.[mkdocs]')")
    return [str(found)]


def _sections(html: str, tag: str = "h2") -> dict[str, str]:
    """The HTML after each ``<h2>probe NAME</h2>`` up to the next heading: NAME → HTML."""
    parts = re.split(rf"<{tag}[^>]*>(?:probe|env) ([^<]+)</{tag}>", html)
    return {parts[k].strip(): parts[k + 1] for k in range(1, len(parts) - 1, 2)}


@pytest.fixture(scope="module")
def mkdocs_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    site = tmp_path_factory.mktemp("mkdocs")
    (site / "docs").mkdir()
    (site / "mkdocs.yml").write_text("site_name: probes\nmarkdown_extensions:\n  - tables\n  - admonition\n"
                                     "  - pymdownx.details\n  - pymdownx.superfences\n  - pymdownx.tabbed\n"
                                     "  - pymdownx.arithmatex:\n      generic: true\n", encoding="utf-8")
    text = page(MKDOCS)[0] + "".join(f"\n## probe {name}\n\n{body}\n" for name, body in MKDOCS_TEXT)
    text += "".join(f"\n## probe {name}\n\n{body}\n" for name, body, _ in MKDOCS_READ)
    (site / "docs" / "index.md").write_text(text, encoding="utf-8")
    subprocess.run(_mkdocs() + ["build", "-q", "-d", str(site / "site")], cwd=site, check=True, timeout=120)
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    return html[html.index("<h1"): html.index("<footer") if "<footer" in html else len(html)]


@pytest.mark.parametrize("name,expected", [(n, ok) for n, _, ok in MKDOCS])
def test_mkdocs_arithmatex_makes_math_as_the_rules_say(mkdocs_html: str, name: str, expected: bool) -> None:
    body = _sections(mkdocs_html)[name]
    math = re.findall(r'<(span|div) class="arithmatex">(.*?)</\1>', body, re.S)
    left = re.sub(r"<[^>]+>", " ", re.sub(r'<(span|div) class="arithmatex">.*?</\1>', " ", body, flags=re.S))
    # a $ left inside the math is not a delimiter there (KaTeX: an error; MathJax: a dollar sign)
    shown_right = bool(math) and RAW_TEX.search(left) is None and not any(re.search(r"(?<!\\)\$", m) for _, m in math)
    assert shown_right == expected, f"{name}: arithmatex made {math!r}, left {left.strip()!r}"


@pytest.mark.parametrize("name,text", [(n, t) for n, t, ok in MKDOCS if ok])
def test_mkdocs_reader_finds_each_formula_arithmatex_made(mkdocs_html: str, name: str, text: str) -> None:
    from derive.check.extract import scan

    made = len(re.findall(r'<(?:span|div) class="arithmatex">', _sections(mkdocs_html)[name]))
    assert len(scan("probe.md", text, "mkdocs").blocks) == made


@pytest.mark.parametrize("name,expected", [(n, e) for n, _, e in MKDOCS_READ])
def test_mkdocs_arithmatex_pairs_dollars_as_listed(mkdocs_html: str, name: str, expected: list[str]) -> None:
    made = re.findall(r'<span class="arithmatex">\\\((.*?)\\\)</span>', _sections(mkdocs_html)[name], re.S)
    assert made == expected


@pytest.mark.parametrize("name", [n for n, _ in MKDOCS_TEXT])
def test_mkdocs_leaves_these_dollars_as_text(mkdocs_html: str, name: str) -> None:
    body = _sections(mkdocs_html)[name]
    assert "arithmatex" not in body and "$" in body, body


def test_mkdocs_passes_a_bare_linebreak_to_the_typesetter(mkdocs_html: str) -> None:
    """``\\\\`` reaches MathJax inside the display (whether it breaks is MathJax's rule, measured elsewhere)."""
    body = _sections(mkdocs_html)["bare-linebreak"]
    assert re.search(r'<div class="arithmatex">\\\[.*\\\\ c &amp;= d.*\\\]</div>', body, re.S), body


def _arithmatex_tex(body: str) -> list[str]:
    """The TeX of every formula arithmatex wrote, in order, stripped: generic output (``\\(…\\)`` in a
    ``span``/``div`` of class arithmatex) or MathJax-2 output (a ``script type="math/tex"`` with a preview)."""
    import html as html_

    out = []
    for m in re.finditer(r'<script type="math/tex(?:; mode=display)?">(.*?)</script>'
                         r'|<(span|div) class="arithmatex">(?!\s*<)(.*?)</\2>', body, re.S):
        tex = html_.unescape(m.group(1) if m.group(1) is not None else m.group(3)).strip()
        if m.group(1) is None and tex.startswith(("\\(", "\\[")):
            tex = tex[2:-2].strip()
        out.append(tex)
    return out


@pytest.fixture(scope="module")
def mkdocs_option_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, list[str]]]:
    """One site per arithmatex option set of MKDOCS_OPTIONS, built with mkdocs: probe → formulas made."""
    text = "# Probes\n\n" + "".join(f"## probe {name}\n\n{body}\n\n" for name, body, _ in MKDOCS_OPTION_READ)
    out = {}
    for k, options in enumerate(MKDOCS_OPTIONS.values()):
        site = tmp_path_factory.mktemp(f"arithmatex{k}")
        (site / "docs").mkdir()
        (site / "mkdocs.yml").write_text(mkdocs_yml(options), encoding="utf-8")
        (site / "docs" / "index.md").write_text(text, encoding="utf-8")
        subprocess.run(_mkdocs() + ["build", "-q", "-d", str(site / "site")], cwd=site, check=True, timeout=120)
        html = (site / "site" / "index.html").read_text(encoding="utf-8")
        html = html[html.index("<h1"): html.index("<footer") if "<footer" in html else len(html)]
        out[options] = {name: _arithmatex_tex(body) for name, body in _sections(html).items()}
    return out


@pytest.mark.parametrize("column,label", list(enumerate(MKDOCS_OPTIONS)))
def test_arithmatex_options_make_the_listed_math(mkdocs_option_sites: dict[str, dict[str, list[str]]], column: int,
                                                 label: str) -> None:
    """What each option set made, probe by probe, is MKDOCS_OPTION_READ's column (which the fast suite
    holds the reader to, in a site with the same mkdocs.yml)."""
    made = mkdocs_option_sites[MKDOCS_OPTIONS[label]]
    assert {name: made[name] for name, _, _ in MKDOCS_OPTION_READ} == {
        name: expected[column] for name, _, expected in MKDOCS_OPTION_READ}


#: MathJax 3 as pymdown-extensions documents it for arithmatex's generic output (MkDocs Material's page).
_ARITHMATEX_MATHJAX = """window.MathJax = {tex: {inline: [["\\\\(", "\\\\)"]], display: [["\\\\[", "\\\\]"]],
  processEscapes: true, processEnvironments: true},
  options: {ignoreHtmlClass: ".*|", processHtmlClass: "arithmatex"}};"""


def test_mkdocs_mathjax_keeps_a_bare_linebreak_on_one_line(tmp_path: Path) -> None:
    """arithmatex's display of ``a = b \\\\ c = d`` typeset by MathJax 3 in Chromium is one line high;
    the same rows in ``aligned`` are two (what ``renderers.MKDOCS_MATHJAX.bare_linebreak_breaks`` says)."""
    need(MATHJAX.is_file(), "tests/js: run npm ci --prefix tests/js")
    chromium, sync_playwright = _browser()
    site = tmp_path / "mk"
    (site / "docs").mkdir(parents=True)
    (site / "mkdocs.yml").write_text("site_name: lb\nmarkdown_extensions:\n  - pymdownx.arithmatex:\n"
                                     "      generic: true\n", encoding="utf-8")
    (site / "docs" / "index.md").write_text("# lb\n\n$$\na = b \\\\ c = d\n$$\n\n$$\na = b \\quad c = d\n$$\n\n"
                                            "$$\n\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}\n$$\n",
                                            encoding="utf-8")
    subprocess.run(_mkdocs() + ["build", "-q", "-d", str(site / "site")], cwd=site, check=True, timeout=120)
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    body = "".join(re.findall(r'<div class="arithmatex">.*?</div>', html, re.S))
    assert body.count("arithmatex") == 3, html
    shutil.copy(MATHJAX, tmp_path / "tex-chtml.js")
    (tmp_path / "page.html").write_text(f"<html><head><script>{_ARITHMATEX_MATHJAX}</script>"
                                        '<script src="tex-chtml.js"></script></head><body>'
                                        f"{body}</body></html>", encoding="utf-8")
    with _served(tmp_path) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        tab = browser.new_page()
        tab.goto(f"{url}/page.html")
        tab.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=30_000)
        tab.evaluate("() => MathJax.startup.promise")
        heights = tab.evaluate("() => [...document.querySelectorAll('mjx-container')].map(c => c.getBoundingClientRect().height)")
        errors = tab.evaluate("() => document.querySelectorAll('mjx-merror').length")
        browser.close()
    bare, one_line, aligned = heights
    assert errors == 0 and len(heights) == 3
    assert abs(bare - one_line) < 0.1 * one_line and aligned > 1.5 * one_line, heights
    from derive.check.renderers import MKDOCS_MATHJAX

    assert MKDOCS_MATHJAX.bare_linebreak_breaks is False


# ------------------------------------------------------------------- MkDocs typeset by a browser script

#: Per ``<h2>probe NAME</h2>`` of the page's main content, up to the next h2: formulas typeset, typesetter
#: errors, emphasis elements, and the text left once math and code are taken out.
_SCRIPT_SECTIONS_JS = """() => {
  const out = {};
  const items = new Map();
  if (window.MathJax && MathJax.startup && MathJax.startup.document)
    for (const item of MathJax.startup.document.math) items.set(item.typesetRoot, item.math);
  for (const h of document.querySelectorAll('h2')) {
    const name = h.textContent.replace(/^probe /, '').trim();
    const seen = {maths: 0, errors: 0, em: 0, text: '', tex: []};
    for (let node = h.nextElementSibling; node && node.tagName !== 'H2'; node = node.nextElementSibling) {
      const copy = node.cloneNode(true);
      seen.errors += copy.querySelectorAll('.katex-error, mjx-merror').length;
      seen.maths += copy.querySelectorAll('.katex, mjx-container').length;
      seen.em += copy.querySelectorAll('em, strong').length;
      copy.querySelectorAll('.katex annotation').forEach(a => seen.tex.push(a.textContent));
      node.querySelectorAll('mjx-container').forEach(c => { if (items.has(c)) seen.tex.push(items.get(c)); });
      copy.querySelectorAll('.katex, .katex-display, .katex-error, mjx-container, code').forEach(k => k.remove());
      seen.text += ' ' + copy.textContent;
    }
    out[name] = seen;
  }
  return out; }"""


def _script_probes(engine: str) -> list[tuple[str, str, bool]]:
    """The probes of a script-typeset site: (name, Markdown, shown right?)."""
    if engine == "arithmatex-katex":
        return MKDOCS_AUTO_RENDER
    column = 2 if engine == "katex" else 3
    return [(p[0], p[1], p[column]) for p in MKDOCS_SCRIPT]  # type: ignore[misc]


@pytest.fixture(scope="module", params=["katex", "mathjax", "arithmatex-katex"])
def script_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, dict]:
    """An MkDocs site typeset in the browser, built with mkdocs and shown in Chromium: without arithmatex,
    every MKDOCS_SCRIPT probe under KaTeX auto-render or MathJax 3; with arithmatex and KaTeX auto-render over
    the page, every MKDOCS_AUTO_RENDER probe. (engine, the page's Markdown, its sections as typeset)."""
    engine = request.param
    need(KATEX.is_file() and MATHJAX_MML.is_file(), "tests/js: run npm ci --prefix tests/js")
    chromium, sync_playwright = _browser()
    site = tmp_path_factory.mktemp(f"script-{engine}")
    js = site / "docs" / "js"
    js.mkdir(parents=True)
    if engine != "mathjax":
        for source in (KATEX, KATEX.with_name("katex.min.css"), KATEX.parent / "contrib" / "auto-render.min.js"):
            shutil.copy(source, js)
        shutil.copytree(KATEX.parent / "fonts", js / "fonts")
        (js / "katex-init.js").write_text(SCRIPT_KATEX_INIT, encoding="utf-8")
    else:
        shutil.copy(MATHJAX_MML, js)
        (js / "mathjax-config.js").write_text(SCRIPT_MATHJAX_INIT, encoding="utf-8")
    yml = auto_render_site_yml() if engine == "arithmatex-katex" else script_site_yml(engine)
    (site / "mkdocs.yml").write_text(yml, encoding="utf-8")
    text = page(_script_probes(engine))[0]
    (site / "docs" / "index.md").write_text(text, encoding="utf-8")
    subprocess.run(_mkdocs() + ["build", "-q", "-d", str(site / "site")], cwd=site, check=True, timeout=120)
    with _served(site / "site") as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        tab = browser.new_page()
        tab.goto(f"{url}/index.html")
        if engine == "mathjax":
            tab.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=30_000)
            tab.evaluate("() => MathJax.startup.promise")
        else:
            tab.wait_for_function("() => document.querySelector('.katex')", timeout=30_000)
        sections = tab.evaluate(_SCRIPT_SECTIONS_JS)
        browser.close()
    return engine, str(site / "docs" / "index.md"), sections


#: The TeX the author meant, where a Markdown escape decides it: the engine must receive exactly this
#: (whitespace aside) for the probe to be shown right (``\\\\`` that arrives as ``\\`` merges the rows).
_MEANT = {
    "aligned-four": r"\begin{aligned} a &= b \\ c &= d \end{aligned}",
    "aligned-two": r"\begin{aligned} a &= b \\ c &= d \end{aligned}",
    "set-four": r"\{x_1, x_2\}",
    "set-braces": r"\{x_1, x_2\}",
    "escaped-underscore": "x_1 = y_2",
    "escaped-star": "a^*b^*",
    "top-align": r"\begin{align}g &= h \\i &= j\end{align}",
}


def _squeezed(tex: str) -> str:
    return "".join(tex.split())


def test_script_typeset_mkdocs_shows_the_probes_as_listed(script_site: tuple[str, str, dict]) -> None:
    """Each MKDOCS_SCRIPT probe is shown right (typeset, no error, no emphasis, no TeX left as text, and the
    TeX meant where an escape decides it) exactly where the table says; the fast suite holds the render
    lint to the same table."""
    engine, _, sections = script_site
    for name, _, expected in _script_probes(engine):
        seen = sections[name]
        shown_right = (seen["maths"] > 0 and seen["errors"] == 0 and seen["em"] == 0
                       and RAW_TEX.search(seen["text"]) is None)
        if name in _MEANT and shown_right:
            shown_right = [_squeezed(t) for t in seen["tex"]] == [_squeezed(_MEANT[name])]
        assert shown_right == expected, (engine, name, seen)


def test_script_typeset_mkdocs_reader_finds_each_formula_typeset(script_site: tuple[str, str, dict]) -> None:
    """The reader, on the very page the browser showed (found through its mkdocs.yml and config script),
    finds as many formulas in each probe shown right as the script typeset."""
    from derive.check.extract import read_source, scan

    engine, path, sections = script_site
    text = read_source(path)
    probes = _script_probes(engine)
    where = page(probes)[1]
    lines = [b.line for b in scan(path, text).blocks]
    for name, _, shown_right in probes:
        if shown_right:
            mine = sum(where[name][0] <= line <= where[name][1] for line in lines)
            assert mine == sections[name]["maths"], (engine, name, mine, sections[name])


def test_script_typeset_mkdocs_reader_reads_what_the_script_typeset(script_site: tuple[str, str, dict]) -> None:
    """Formula by formula: in each probe shown right, the reader's texts are the TeX the script typeset
    (whitespace aside; the reader keeps a space where Markdown dropped a backslash)."""
    from derive.check.extract import read_source, scan

    engine, path, sections = script_site
    text = read_source(path)
    probes = _script_probes(engine)
    where = page(probes)[1]
    blocks = scan(path, text).blocks
    for name, _, shown_right in probes:
        if shown_right:
            mine = [_squeezed(b.text) for b in blocks if where[name][0] <= b.line <= where[name][1]]
            assert mine == [_squeezed(t) for t in sections[name]["tex"]], (engine, name, sections[name])


# ------------------------------------------------------------------------------------------ docsify

_ENVS = sorted(renderers.AMS_ENVS | renderers.KATEX_ENVS)


def _env_probe(env: str) -> str:
    arg = "{2}" if env.startswith(("alignat", "alignedat")) else "{cc}" if env in ("array", "darray", "subarray") else ""
    return f"$$\n\\begin{{{env}}}{arg} a & b \\\\ c & d \\end{{{env}}}\n$$"


@pytest.fixture(scope="module")
def docsify_sections(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    need((NODE / "docsify" / "lib" / "docsify.min.js").is_file(), "tests/docsify: run npm ci --prefix tests/docsify")
    chromium, sync_playwright = _browser()
    root = tmp_path_factory.mktemp("docsify")
    shutil.copy(NODE / "docsify" / "lib" / "docsify.min.js", root)
    shutil.copy(NODE / "docsify-katex" / "dist" / "docsify-katex.js", root)
    (root / "index.html").write_text(
        '<!DOCTYPE html><html><head><meta charset="UTF-8"></head><body><div id="app"></div>'
        "<script>window.$docsify = {name: 'probes'}</script>"
        '<script src="docsify.min.js"></script><script src="docsify-katex.js"></script></body></html>',
        encoding="utf-8")
    text = page(DOCSIFY)[0] + "".join(f"\n## env {env}\n\n{_env_probe(env)}\n" for env in _ENVS)
    (root / "README.md").write_text(text, encoding="utf-8")

    with _served(root) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            tab = browser.new_page()
            tab.goto(f"{url}/index.html")
            tab.wait_for_selector("#main h1", timeout=30_000)
            sections = tab.evaluate("""() => {
              const out = {}; let key = null;
              for (const node of document.querySelector('#main').children) {
                if (node.tagName === 'H2') { key = node.textContent.replace(/^(probe|env) /, '').trim();
                                              out[key] = {errors: 0, maths: 0, newlines: 0, text: ''}; continue; }
                if (key === null) continue;
                const copy = node.cloneNode(true);
                out[key].errors += copy.querySelectorAll('.katex-error').length;
                out[key].maths += copy.querySelectorAll('.katex').length;
                out[key].newlines += copy.querySelectorAll('.katex .newline').length;
                copy.querySelectorAll('.katex, .katex-error').forEach(k => k.remove());
                out[key].text += ' ' + copy.textContent;
              }
              return out; }""")
            browser.close()
    return sections


@pytest.mark.parametrize("name,expected", [(n, ok) for n, _, ok in DOCSIFY])
def test_docsify_katex_typesets_as_the_rules_say(docsify_sections: dict[str, dict], name: str, expected: bool) -> None:
    seen = docsify_sections[name]
    shown_right = seen["maths"] > 0 and seen["errors"] == 0 and RAW_TEX.search(seen["text"]) is None
    assert shown_right == expected, f"{name}: {seen}"


@pytest.mark.parametrize("name,text", [(n, t) for n, t, ok in DOCSIFY if ok])
def test_docsify_reader_finds_each_formula_katex_typeset(docsify_sections: dict[str, dict], name: str,
                                                         text: str) -> None:
    from derive.check.extract import scan

    assert len(scan("probe.md", text, "docsify").blocks) == docsify_sections[name]["maths"]


def test_docsify_katex_breaks_a_bare_linebreak(docsify_sections: dict[str, dict]) -> None:
    assert docsify_sections["bare-linebreak"]["newlines"] == 1
    assert renderers.DOCSIFY_KATEX.bare_linebreak_breaks is True


def test_docsify_katex_knows_exactly_the_listed_environments(docsify_sections: dict[str, dict]) -> None:
    known = {env for env in _ENVS if docsify_sections[env]["errors"] == 0 and docsify_sections[env]["maths"] > 0}
    assert known == {env for env in _ENVS if renderers.DOCSIFY_KATEX.knows_env(env)}


# ------------------------------------------------------------------------------ docsify-latex


_SECTIONS_JS = """() => {
  const out = {}; let key = 'page';
  out[key] = {errors: 0, maths: 0, newlines: 0, height: 0, text: '', tex: []};
  for (const node of document.querySelector('#main').children) {
    if (node.tagName === 'H2') { key = node.textContent.replace(/^probe /, '').trim();
                                  out[key] = {errors: 0, maths: 0, newlines: 0, height: 0, text: '', tex: []}; continue; }
    if (node.tagName === 'H1') continue;
    const copy = node.cloneNode(true);
    out[key].errors += copy.querySelectorAll('.katex-error, mjx-merror').length;
    out[key].maths += copy.querySelectorAll('.katex, mjx-container').length;
    out[key].newlines += copy.querySelectorAll('.katex .newline').length;
    for (const m of node.querySelectorAll('.katex-display, mjx-container[display]'))
      out[key].height = Math.max(out[key].height, m.getBoundingClientRect().height);
    copy.querySelectorAll('.katex annotation').forEach(a => out[key].tex.push(a.textContent));
    if (window.MathJax && MathJax.startup && MathJax.startup.document)
      for (const item of MathJax.startup.document.getMathItemsWithin(node)) out[key].tex.push(item.math);
    copy.querySelectorAll('.katex, .katex-error, mjx-container, docsify-latex').forEach(k => k.remove());
    out[key].text += ' ' + copy.textContent;
  }
  return out; }"""

#: The probe page of the docsify-latex fixture: every DOCSIFY_LATEX probe, then a one-line display to
#: compare heights with. (Each DOCSIFY_LATEX_READ probe gets a page of its own: docsify-latex pairs one
#: inline and one display formula per pass over the whole page, so what it pairs can depend on the rest.)
_LATEX_PAGE = page([(n, t, True) for n, t, _, _ in DOCSIFY_LATEX] + [("one-line", "$$\na = b \\quad c = d\n$$", True)])


@pytest.fixture(scope="module", params=["katex", "mathjax3"])
def docsify_latex(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:
    """docsify 4.13 + docsify-latex 0.5 with KaTeX 0.16 (and its CSS) or MathJax 3 (from tests/js), in
    Chromium: the probe page's sections, and ``read-NAME`` for each DOCSIFY_LATEX_READ page."""
    typesetter = KATEX if request.param == "katex" else MATHJAX
    need((NODE / "docsify-latex" / "dist" / "docsify-latex.js").is_file(),
         "tests/docsify: run npm ci --prefix tests/docsify")
    need(typesetter.is_file(), "tests/js: run npm ci --prefix tests/js")
    chromium, sync_playwright = _browser()
    root = tmp_path_factory.mktemp("docsify-latex")
    for source in (NODE / "docsify" / "lib" / "docsify.min.js", NODE / "docsify-latex" / "dist" / "docsify-latex.js",
                   typesetter):
        shutil.copy(source, root)
    css = ""
    if request.param == "katex":
        shutil.copy(KATEX.with_name("katex.min.css"), root)
        css = '<link rel="stylesheet" href="katex.min.css">'
    (root / "index.html").write_text(
        f'<!DOCTYPE html><html><head><meta charset="UTF-8">{css}</head><body><div id="app"></div>'
        f"<script>window.$docsify = {{name: 'probes'}}</script><script src=\"{typesetter.name}\"></script>"
        '<script src="docsify.min.js"></script><script src="docsify-latex.js"></script></body></html>',
        encoding="utf-8")
    (root / "README.md").write_text(_LATEX_PAGE[0], encoding="utf-8")
    for name, text, _ in DOCSIFY_LATEX_READ:
        (root / f"read-{name}.md").write_text(f"# {name}\n\n{text}\n", encoding="utf-8")
    sections: dict[str, dict] = {}
    with _served(root) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        tab = browser.new_page()
        for route in [""] + [f"read-{name}" for name, _, _ in DOCSIFY_LATEX_READ]:
            tab.goto(f"{url}/index.html#/{route}")
            tab.wait_for_selector("#main h1", timeout=30_000)
            if request.param == "mathjax3":
                tab.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.document",
                                      timeout=30_000)
                tab.evaluate("() => MathJax.startup.promise")
            tab.wait_for_timeout(800)  # docsify-latex typesets element by element after docsify's render
            seen = tab.evaluate(_SECTIONS_JS)
            if route:
                sections[route] = seen["page"]
            else:
                sections.update(seen)
        browser.close()
    return request.param, sections


def test_docsify_latex_typesets_as_the_rules_say(docsify_latex: tuple[str, dict]) -> None:
    engine, sections = docsify_latex
    column = 2 if engine == "katex" else 3
    one_line = sections["one-line"]["height"]
    assert one_line > 0
    for probe in DOCSIFY_LATEX:
        name, expected = probe[0], probe[column]
        seen = sections[name]
        shown_right = seen["maths"] > 0 and seen["errors"] == 0 and RAW_TEX.search(seen["text"]) is None
        if name == "bare-linebreak":  # typeset either way: does \\ start a second line?
            shown_right = shown_right and seen["height"] > 1.5 * one_line
        assert shown_right == expected, f"{engine} {name}: {seen}"
    renderer = renderers.DOCSIFY_LATEX_KATEX if engine == "katex" else renderers.DOCSIFY_LATEX_MATHJAX
    assert renderer.bare_linebreak_breaks is (sections["bare-linebreak"]["height"] > 1.5 * one_line)


def _typeset_found(text: str) -> list:
    from derive.check.markdown import read_markdown

    return [f for f in read_markdown(text, "docsify", "docsify-latex").found if f.delim in ("$", "$$", "\\(")]


def test_docsify_latex_reader_finds_each_formula_typeset(docsify_latex: tuple[str, dict]) -> None:
    """The reader, run on the very page the browser showed, finds as many formulas in each probe as were
    typeset (or failed in the typesetter); on its own pages, each DOCSIFY_LATEX_READ probe's formulas."""
    engine, sections = docsify_latex
    text, where = _LATEX_PAGE
    found = _typeset_found(text)
    lines = [text.count("\n", 0, f.start) + 1 for f in found]
    for name, *_ in DOCSIFY_LATEX:
        mine = sum(where[name][0] <= line <= where[name][1] for line in lines)
        assert mine == sections[name]["maths"] + sections[name]["errors"], (engine, name)
    for name, snippet, made in DOCSIFY_LATEX_READ:
        seen = sections[f"read-{name}"]
        assert seen["maths"] == len(made) and seen["errors"] == 0, (engine, name, seen)
        page_text = f"# {name}\n\n{snippet}\n"
        assert [page_text[f.start:f.end] for f in _typeset_found(page_text)] == made
        if engine == "katex":  # KaTeX keeps the TeX it was given in an annotation
            assert seen["tex"] == made, (name, seen["tex"])
