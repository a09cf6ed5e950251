"""The generated MyST pages built with Jupyter Book 1 and 2 and looked at in headless Chromium.

What a reader would see wrong, checked on every page ``derive render --all --format md`` writes (and
on a lecturer's own systems):

* **Jupyter Book 2** (mystmd, KaTeX at build time): its site theme is downloaded at build time and is
  not reachable offline, so the book is built with a local stub template; the page ASTs it writes
  (``_build/site/content/*.json``) carry the title the theme would show and every formula as KaTeX
  HTML, or as an error. Checked: the build reports no error, no title holds TeX, no formula failed,
  no TeX is left in the text; then the KaTeX HTML of every display is laid out in Chromium in a
  574 px column (the book theme's text column at a 1440 px window) with KaTeX's own CSS, and none
  may be wider.
* **Jupyter Book 1** (Sphinx, MathJax 3 in the browser, from ``tests/js`` so nothing is fetched):
  built to HTML, opened in Chromium after MathJax has typeset the page. Checked: no MathJax error, no
  TeX left in the visible text, no TeX in the page title.

Engines: ``DERIVE_JB1``/``DERIVE_JB2`` (the ``jupyter-book`` executables; default
``.engines/jb1|jb2/bin/jupyter-book`` in the checkout), ``DERIVE_CHROMIUM`` (default
``/usr/bin/chromium``) driven by Playwright. Missing ones skip locally and fail in CI.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
from html import escape
from pathlib import Path
from typing import Any, Iterator

import pytest

from derive.render import plan, plan_own, render_files
from derive.usersystem import load
from conftest import need

pytestmark = pytest.mark.slow

HERE = Path(__file__).parent
ROOT = HERE.parent
KATEX = HERE / "js" / "node_modules" / "katex" / "dist"
MATHJAX = HERE / "js" / "node_modules" / "mathjax-full" / "es5" / "tex-chtml.js"
COLUMN_PX = 574
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
#: TeX that must never reach a reader as text.
RAW_TEX = re.compile(r"\\(?:frac|begin|end|left|right|hat|sqrt|nabla|lambda|eta|beta|varepsilon|underbrace|text)\b"
                     r"|\$|_\{|\^\{|\\\[|\\\]|[A-Za-z]_[0-9A-Za-z]")
#: A page title is plain text: any TeX character in it is shown raw.
TITLE_TEX = re.compile(r"[\\$_^{}]")


def engine(variable: str, default: Path) -> Path:
    path = Path(os.environ.get(variable) or default)
    need(path.is_file() and os.access(path, os.X_OK), f"{variable}: no jupyter-book at {path}")
    return path


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    """Every file the MyST render writes (pages and what they show, such as the flagship's SVG figure)."""
    files = render_files(plan([], all_=True), formats=["md"])
    files.update(render_files(plan_own(load(str(HERE / "own" / "lecture.en.md"))), formats=["md"]))
    return dict(sorted(files.items()))


@pytest.fixture(scope="module")
def pages(rendered: dict[str, bytes]) -> dict[str, str]:
    """Every MyST page of the catalog and the flagship, and the lecture's own systems: name → text."""
    return {name: data.decode("utf-8") for name, data in rendered.items() if name.endswith(".md")}


def _write_book(book: Path, rendered: dict[str, bytes]) -> None:
    for name, data in rendered.items():
        (book / name).write_bytes(data)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = Path(os.environ.get("DERIVE_CHROMIUM") or "/usr/bin/chromium")
    need(chromium.is_file(), f"DERIVE_CHROMIUM: no Chromium at {chromium} (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "playwright is not installed (pip install playwright; never 'playwright install')")
    need(KATEX.is_dir() and MATHJAX.is_file(), "KaTeX/MathJax not installed: run npm ci --prefix tests/js")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_FLAGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def has_tex(text: str) -> bool:
    return bool(RAW_TEX.search(text))


def test_raw_tex_detector() -> None:
    assert has_tex("Adam with l_{2}") and has_tex(r"the factor \frac{1}{2}") and has_tex("costs $5")
    assert has_tex("Adam with l_2 regularization") and TITLE_TEX.search("Adam with l_2")
    assert not has_tex("Adam with l₂ regularization") and not has_tex("Weight decay and L2")


# ---------------------------------------------------------------------------------------------
# Jupyter Book 2
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def jb2_site(pages: dict[str, str], rendered: dict[str, bytes],
             tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    exe = engine("DERIVE_JB2", ROOT / ".engines" / "jb2" / "bin" / "jupyter-book")
    book = tmp_path_factory.mktemp("jb2")
    _write_book(book, rendered)
    # A local stub instead of the book theme, which mystmd would download (no network here).
    (book / "theme").mkdir()
    (book / "theme" / "template.yml").write_text("myst: v1\nkind: site\ntitle: offline stub\n", encoding="utf-8")
    (book / "myst.yml").write_text("version: 1\nproject:\n  title: derive pages\nsite:\n  template: ./theme\n",
                                   encoding="utf-8")
    proc = subprocess.run([str(exe), "build", "--site"], cwd=book, capture_output=True, timeout=900, check=False,
                          stdin=subprocess.DEVNULL, env=dict(os.environ, NO_COLOR="1"))
    log = (proc.stdout + proc.stderr).decode("utf-8", errors="replace")
    assert proc.returncode == 0, log[-3000:]
    problems = [line for line in log.splitlines() if "⛔" in line or "⚠" in line]
    assert not problems, "\n".join(problems)
    content = book / "_build" / "site" / "content"
    site = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(content.glob("*.json"))}
    assert len(site) == len(pages), f"{len(site)} page ASTs for {len(pages)} pages"
    return site


def _nodes(node: Any, kinds: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if node.get("type") in kinds:
            yield node
        for value in node.values():
            yield from _nodes(value, kinds)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value, kinds)


def test_jb2_titles_have_no_tex(jb2_site: dict[str, dict[str, Any]]) -> None:
    bad = {name: page["frontmatter"].get("title") for name, page in jb2_site.items()
           if not page["frontmatter"].get("title") or TITLE_TEX.search(page["frontmatter"]["title"])}
    assert not bad, bad


def test_jb2_every_formula_typesets(jb2_site: dict[str, dict[str, Any]]) -> None:
    errors = [f"{name}: {m.get('message')}: {m['value'][:80]}" for name, page in jb2_site.items()
              for m in _nodes(page["mdast"], ("math", "inlineMath")) if m.get("error") or "html" not in m]
    assert not errors, "\n".join(errors)
    assert sum(1 for page in jb2_site.values() for _ in _nodes(page["mdast"], ("math",))) > 200


def test_jb2_no_tex_left_in_the_text(jb2_site: dict[str, dict[str, Any]]) -> None:
    leaks = [f"{name}: {t['value'][:100]}" for name, page in jb2_site.items()
             for t in _nodes(page["mdast"], ("text",)) if has_tex(t["value"])]
    assert not leaks, "\n".join(leaks)


def _katex_page(displays: list[tuple[str, str]]) -> str:
    items = "\n".join(f'<div class="display" data-id="{escape(i)}">{html}</div>' for i, html in displays)
    return ("<!doctype html><html><head><meta charset='utf-8'><link rel='stylesheet' href='katex.min.css'>"
            f"<style>body{{font-size:16px;margin:0}} #column{{width:{COLUMN_PX}px}}</style></head>"
            f"<body><div id='column'>{items}</div></body></html>")


_MEASURE = """() => Array.from(document.querySelectorAll('.display')).map((d) => {
  const bases = d.querySelectorAll('.katex-html .base');
  let lo = Infinity, hi = -Infinity;
  for (const b of bases) { const r = b.getBoundingClientRect(); lo = Math.min(lo, r.left); hi = Math.max(hi, r.right); }
  return [d.dataset.id, bases.length ? hi - lo : -1, d.querySelectorAll('.katex-error').length];
})"""


def test_jb2_displays_fit_the_text_column(jb2_site: dict[str, dict[str, Any]], browser: Any) -> None:
    displays = [(f"{name}#{k}", m["html"]) for name, page in jb2_site.items()
                for k, m in enumerate(_nodes(page["mdast"], ("math",)))]
    probe = KATEX / "_derive_probe.html"  # next to katex.min.css so that its fonts load
    probe.write_text(_katex_page(displays), encoding="utf-8")
    try:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(probe.as_uri())
        page.evaluate("document.fonts.ready")
        widths = page.evaluate(_MEASURE)
        page.close()
    finally:
        probe.unlink()
    assert len(widths) == len(displays) and all(w > 0 for _, w, _ in widths), "a display did not lay out"
    wide = sorted((round(w), i) for i, w, _ in widths if w > COLUMN_PX)
    assert not wide, f"displays wider than {COLUMN_PX} px: {wide}"
    assert not [i for i, _, e in widths if e], "KaTeX errors in the page"
    print(f"\nwidest display: {max(w for _, w, _ in widths):.0f} px of {COLUMN_PX}")


def test_width_check_is_not_vacuous(browser: Any) -> None:
    """The same measurement on a formula known to be too wide must report it."""
    katex_html = subprocess.run(
        ["node", "-e", "const k=require(process.argv[1]);process.stdout.write(k.renderToString("
         "'w_{t} = ' + Array(40).fill('\\\\beta_{1} m_{t-1}').join(' + '), {displayMode: true}))",
         str(KATEX / "katex.js")], capture_output=True, check=True, timeout=60).stdout.decode()
    probe = KATEX / "_derive_probe_wide.html"
    probe.write_text(_katex_page([("wide", katex_html)]), encoding="utf-8")
    try:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(probe.as_uri())
        page.evaluate("document.fonts.ready")
        ((_, width, _),) = page.evaluate(_MEASURE)
        page.close()
    finally:
        probe.unlink()
    assert width > COLUMN_PX


# ---------------------------------------------------------------------------------------------
# Jupyter Book 1
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def jb1_html(pages: dict[str, str], rendered: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> Path:
    exe = engine("DERIVE_JB1", ROOT / ".engines" / "jb1" / "bin" / "jupyter-book")
    need(MATHJAX.is_file(), "MathJax not installed: run npm ci --prefix tests/js")
    book = tmp_path_factory.mktemp("jb1")
    _write_book(book, rendered)
    (book / "intro.md").write_text("# Pages\n\nGenerated by derive.\n", encoding="utf-8")
    chapters = "".join(f"- file: {name[:-3]}\n" for name in pages)
    (book / "_toc.yml").write_text(f"format: jb-book\nroot: intro\nchapters:\n{chapters}", encoding="utf-8")
    (book / "_config.yml").write_text(
        "title: derive pages\nexecute:\n  execute_notebooks: 'off'\n"
        f"sphinx:\n  config:\n    mathjax_path: {MATHJAX.as_uri()}\n", encoding="utf-8")
    proc = subprocess.run([str(exe), "build", str(book), "--builder", "html"], capture_output=True, timeout=900,
                          check=False, stdin=subprocess.DEVNULL)
    log = (proc.stdout + proc.stderr).decode("utf-8", errors="replace")
    assert proc.returncode == 0, log[-3000:]
    warnings = [line for line in log.splitlines() if "WARNING" in line or "ERROR" in line]
    assert not warnings, "\n".join(warnings)
    return book / "_build" / "html"


_JB1_PAGE = """async () => {
  await MathJax.startup.promise;
  const main = document.querySelector('main') || document.body;
  const copy = main.cloneNode(true);
  copy.querySelectorAll('mjx-container, script, style, pre, code, .headerlink').forEach((e) => e.remove());
  return {
    title: document.title,
    errors: Array.from(document.querySelectorAll('mjx-merror')).map((e) => e.getAttribute('data-mjx-error') || e.textContent),
    formulas: document.querySelectorAll('mjx-container').length,
    text: copy.textContent,
  };
}"""


def test_jb1_pages_in_chromium(jb1_html: Path, pages: dict[str, str], browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    problems: list[str] = []
    formulas = 0
    for name in pages:
        html = jb1_html / (name[:-3] + ".html")
        assert html.is_file(), f"Jupyter Book 1 wrote no {html.name}"
        page.goto(html.as_uri())
        result = page.evaluate(_JB1_PAGE)
        formulas += result["formulas"]
        if TITLE_TEX.search(result["title"]):
            problems.append(f"{name}: title {result['title']!r}")
        if result["errors"]:
            problems.append(f"{name}: MathJax errors {result['errors'][:3]}")
        leak = RAW_TEX.search(result["text"])
        if leak:
            start = max(leak.start() - 40, 0)
            problems.append(f"{name}: TeX in the text: …{result['text'][start:leak.end() + 40]!r}")
    page.close()
    assert not problems, "\n".join(problems)
    assert formulas > 800
