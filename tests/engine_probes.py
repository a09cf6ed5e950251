"""Probe documents and the real engines that render them: what each renderer really does with a construct.

Each :class:`Probe` is one small page holding one construct the render lint has an opinion about
(``\\[…\\]`` in Markdown, a top-level ``multline*``, ``\\\\`` in ``$$`` without an environment, …).
:func:`observe` builds every probe with one real engine and returns, per probe, an :class:`Observation`
(what was typeset, with errors and number of lines, the text a reader sees, the page title);
:meth:`Probe.judge` turns that into a verdict: did the construct come out as the author meant?

The engines (each found through an environment variable, see :data:`ENGINES`):

* Jupyter Book 1 (Sphinx + myst-parser; MathJax 3 typesets in the browser): built with ``jupyter-book
  build``; each page is then loaded in headless Chromium with MathJax 3 from ``tests/js/node_modules``
  (the page's own MathJax configuration is kept; only the script's address is changed, as no CDN is
  reachable), and what MathJax made of the page is read back from the DOM.
* Jupyter Book 2 (mystmd; KaTeX at build time): ``jupyter-book build --site`` writes mystmd's AST
  (``_build/site/content/*.json``) with every math node's KaTeX HTML or error, and the page title.
* Pandoc (Quarto's and R Markdown's reader): ``pandoc -f FORMAT -t html --mathjax`` in Chromium.
* kramdown (Jekyll): the kramdown library from Debian (``ruby-kramdown``), its HTML in a page with
  MathJax 3's default configuration (what a Jekyll layout loads), in Chromium.
* Jupyter notebooks: ``jupyter nbconvert --to html`` (nbconvert's lab template, MathJax 3 in the page;
  a stand-in for JupyterLab, which uses the same MathJax and the same delimiters) in Chromium.
* pdflatex (article and beamer): compiled; errors from the log, lines from ``pdftotext -layout``.

Shares no code with ``derive``: this module is the oracle the slow suite compares the lint with.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).parent
MATHJAX = HERE / "js" / "node_modules" / "mathjax-full" / "es5" / "tex-mml-chtml.js"

#: Environment variables naming each engine's executable, with local defaults.
ENGINES = {
    "jb1": ("DERIVE_JB1", "/work/engines/jb1/bin/jupyter-book"),
    "jb2": ("DERIVE_JB2", "/work/engines/jb2/bin/jupyter-book"),
    "chromium": ("DERIVE_CHROMIUM", "/usr/bin/chromium"),
    "pandoc": ("DERIVE_PANDOC", "pandoc"),
    "ruby": ("DERIVE_RUBY", "ruby"),
    "pdflatex": ("DERIVE_PDFLATEX", "pdflatex"),
}


def engine_path(name: str) -> str | None:
    """The executable for ``name``, or None when it is not installed."""
    var, default = ENGINES[name]
    value = os.environ.get(var, default)
    found = shutil.which(value) if not os.path.isabs(value) else (value if os.access(value, os.X_OK) else None)
    return found


# ---------------------------------------------------------------- observations


@dataclass(frozen=True)
class Typeset:
    """One piece of math the engine typeset: its TeX, display or inline, an error, its height in lines."""

    tex: str
    display: bool
    error: str | None = None
    lines: int = 1


@dataclass
class Observation:
    """What a reader gets from one probe page."""

    math: list[Typeset] = field(default_factory=list)
    text: str = ""  # the visible text outside math
    title: str | None = None  # the page title the engine shows (tab / navigation)
    errors: list[str] = field(default_factory=list)  # engine errors not tied to one formula (LaTeX)

    def find(self, marker: str) -> list[Typeset]:
        return [m for m in self.math if marker in _squash(m.tex)]


def _squash(tex: str) -> str:
    return re.sub(r"\s+", "", tex)


# ---------------------------------------------------------------- probes

Judge = Callable[[Observation, "Probe"], tuple[bool, str]]


def _typeset_fine(obs: Observation, probe: Probe) -> tuple[bool, str]:
    """The marker was typeset, without an error, and none of the probe's TeX shows as text."""
    found = obs.find(probe.marker)
    bad = [m.error for m in found if m.error]
    if bad:
        return False, f"error: {bad[0][:80]}"
    if obs.errors:
        return False, f"error: {obs.errors[0][:80]}"
    if found and probe.name in MULTI_ROW and not any("\\\\" in m.tex for m in found):
        return False, "rows lost (the typesetter never got the \\\\)"
    if found and probe.raw not in obs.text:
        return True, "math"
    if probe.raw in obs.text:
        return False, "raw TeX as text"
    return False, "not math"


#: Probes whose formula has rows separated by ``\\\\``: the typesetter must receive the separators.
MULTI_ROW = {"align-top", "multline-top", "pmatrix-top", "bare-cases", "multline-in-dollars", "aligned-in-dollars"}


def _linebreak(obs: Observation, probe: Probe) -> tuple[bool, str]:
    found = obs.find(probe.marker)
    if not found:
        return False, "not math"
    if found[0].error:
        return False, f"error: {found[0].error[:80]}"
    return (True, "breaks lines") if found[0].lines >= 2 else (False, "one line")


def _own_display(obs: Observation, probe: Probe) -> tuple[bool, str]:
    """The display is one display formula; no literal ``$``; the text after it is still prose."""
    found = obs.find(probe.marker)
    if not found:
        return False, "raw TeX as text" if probe.raw in obs.text else "not math"
    if found[0].error:
        return False, f"error: {found[0].error[:80]}"
    if probe.after and probe.after not in obs.text:
        return False, f"swallows the text after it ({probe.after!r})"
    if "$" in obs.text:
        return False, "literal $ around inline math" if not found[0].display else "literal $ in the text"
    if not found[0].display:
        return True, "inline math"  # typeset, nothing lost: kramdown's rule for $$ inside a paragraph
    return True, "display"


def _footnote(obs: Observation, probe: Probe) -> tuple[bool, str]:
    return (True, "shown") if probe.marker in obs.text else (False, "dropped")


def _title(obs: Observation, probe: Probe) -> tuple[bool, str]:
    if obs.title is None:
        return True, "no title from the heading"
    if "\\" in obs.title or "$" in obs.title:
        return False, f"raw TeX in the page title: {obs.title!r}"
    return True, f"title {obs.title!r}"


@dataclass(frozen=True)
class Probe:
    """One construct on a page of its own.

    ``marker`` is a piece of the TeX (whitespace removed) that identifies the formula among those the
    engine typeset; ``raw`` is what a reader would see as text if it were not typeset; ``code`` is the
    lint code that speaks about the construct; ``after`` is prose that must survive the construct.
    """

    name: str
    construct: str
    markdown: str | None
    marker: str
    raw: str
    code: str
    judge: Judge = _typeset_fine
    latex: str | None = None
    after: str | None = None

    def verdict(self, obs: Observation) -> tuple[bool, str]:
        return self.judge(obs, self)


FRAC = "\\frac{1}{2}"
PROBES: tuple[Probe, ...] = (
    Probe("bracket-display", "`\\[ … \\]` on lines of its own", "Text.\n\n\\[\nx = \\frac{1}{2}\n\\]\n\nEnd.\n",
          "x=\\frac{1}{2}", "\\frac{1}{2}", "render/bracket-not-math"),
    Probe("paren-inline", "`\\( … \\)` inline", "Let \\(x = \\frac{1}{3}\\) hold.\n",
          "x=\\frac{1}{3}", "\\frac{1}{3}", "render/bracket-not-math"),
    Probe("double-paren-inline", "`\\\\( … \\\\)` inline (kramdown style)", "Let \\\\(x = \\frac{1}{4}\\\\) hold.\n",
          "x=\\frac{1}{4}", "\\frac{1}{4}", "render/bracket-not-math"),
    Probe("double-bracket-display", "`\\\\[ … \\\\]` (kramdown style)", "Text.\n\n\\\\[\nx = \\frac{1}{5}\n\\\\]\n\nEnd.\n",
          "x=\\frac{1}{5}", "\\frac{1}{5}", "render/bracket-not-math"),
    Probe("align-top", "top-level `align*`", "Text.\n\n\\begin{align*}\na &= \\frac{1}{6} \\\\\nc &= d\n\\end{align*}\n",
          "a&=\\frac{1}{6}", "\\begin{align*}", "render/env-not-math",
          latex="\\begin{align*}\na &= \\frac{1}{6} \\\\\nc &= d\n\\end{align*}\n"),
    Probe("multline-top", "top-level `multline*`",
          "Text.\n\n\\begin{multline*}\na = \\frac{1}{7} \\\\\n+ c\n\\end{multline*}\n",
          "a=\\frac{1}{7}", "\\begin{multline*}", "render/env-not-math",
          latex="\\begin{multline*}\na = \\frac{1}{7} \\\\\n+ c\n\\end{multline*}\n"),
    Probe("pmatrix-top", "top-level `pmatrix`", "Text.\n\n\\begin{pmatrix}\n\\frac{1}{8} & 0 \\\\\n0 & 1\n\\end{pmatrix}\n",
          "\\frac{1}{8}&0", "\\begin{pmatrix}", "render/cases-outside-math",
          latex="\\begin{pmatrix}\n\\frac{1}{8} & 0 \\\\\n0 & 1\n\\end{pmatrix}\n"),
    Probe("multline-in-dollars", "`multline*` inside `$$`",
          "Text.\n\n$$\n\\begin{multline*}\na = \\frac{1}{9} \\\\\n+ c\n\\end{multline*}\n$$\n",
          "a=\\frac{1}{9}", "\\begin{multline*}", "render/env-not-math"),
    Probe("aligned-in-dollars", "`aligned` inside `$$` (control)",
          "Text.\n\n$$\n\\begin{aligned}\na &= \\frac{1}{10} \\\\\nc &= d\n\\end{aligned}\n$$\n",
          "a&=\\frac{1}{10}", "\\frac{1}{10}", "render/env-not-math",
          latex="\\[\n\\begin{aligned}\na &= \\frac{1}{10} \\\\\nc &= d\n\\end{aligned}\n\\]\n"),
    Probe("bare-cases", "bare `cases`", "Text.\n\n\\begin{cases}\n\\frac{1}{11} & x > 0 \\\\\n0 & x \\le 0\n\\end{cases}\n",
          "\\frac{1}{11}&x>0", "\\begin{cases}", "render/cases-outside-math",
          latex="\\begin{cases}\n\\frac{1}{11} & x > 0 \\\\\n0 & x \\le 0\n\\end{cases}\n"),
    Probe("linebreak-no-env", "`\\\\` inside `$$` with no environment", "Text.\n\n$$\nx = 1 \\\\\ny = 2\n$$\n",
          "x=1\\\\y=2", "y = 2", "render/linebreak-no-env", judge=_linebreak,
          latex="\\[\nx = 1 \\\\\ny = 2\n\\]\n"),
    Probe("dollars-mid-line", "`$$…$$` in the middle of a line", "Mid $$x = \\frac{1}{12}$$ line.\n",
          "x=\\frac{1}{12}", "\\frac{1}{12}", "render/display-not-block", judge=_own_display),
    Probe("dollars-after-text", "`$$` on the line right after text", "The sum is\n$$\nx = \\frac{1}{13}\n$$\n",
          "x=\\frac{1}{13}", "\\frac{1}{13}", "render/display-not-block", judge=_own_display),
    Probe("dollars-env-after-text", "`$$` on the line after text, around an environment",
          "The sum is\n$$\n\\begin{align}\na &= \\frac{1}{16}\n\\end{align}\n$$\n\nEnd of it.\n",
          "a&=\\frac{1}{16}", "\\frac{1}{16}", "render/display-not-block", judge=_own_display, after="End of it"),
    Probe("text-after-closing", "text after the closing `$$`",
          "Start.\n\n$$\nx = \\frac{1}{14}\n$$ and then\n\nNext paragraph here.\n\n$$\nz = 1\n$$\n",
          "x=\\frac{1}{14}", "\\frac{1}{14}", "render/display-not-block", judge=_own_display,
          after="Next paragraph here"),
    Probe("blank-in-dollars", "a blank line inside `$$…$$`", "Start.\n\n$$\nx = \\frac{1}{15}\n\ny = 2\n$$\n\nEnd.\n",
          "x=\\frac{1}{15}", "\\frac{1}{15}", "render/display-blank-line"),
    Probe("alert", "beamer `\\alert` in math", "Let $\\alert{x} = 1$ hold.\n",
          "\\alert{x}", "\\alert", "render/beamer-macro",
          latex="Let $\\alert{x} = 1$ hold.\n"),
    Probe("alert-display", "beamer `\\alert` in a `$$` display", "Text.\n\n$$\n\\alert{y} = 2\n$$\n",
          "\\alert{y}", "\\alert", "render/beamer-macro"),
    Probe("heading-math", "math in the first heading (page title)", "# Step size $\\eta_t$ here\n\nText.\n",
          "\\eta_t", "\\eta_t", "render/math-in-title", judge=_title),
    Probe("footnote-unused", "footnote never referenced", "Text.\n\n[^a]: Unreferenced footnote words.\n",
          "Unreferenced footnote words", "", "render/footnote-unused", judge=_footnote),
)
BY_NAME = {p.name: p for p in PROBES}


# ---------------------------------------------------------------- Chromium: what MathJax makes of a page

_COLLECT = r"""
<script>
(function () {
  function lines(el) {
    const fs = parseFloat(getComputedStyle(el).fontSize) || 16;
    return Math.max(1, Math.round(el.getBoundingClientRect().height / fs / 1.45));
  }
  function collect() {
    const out = {math: [], text: '', title: document.title};
    const items = window.MathJax && MathJax.startup ? MathJax.startup.document.math : [];
    for (const item of items) {
      const root = item.typesetRoot;
      let error = null;
      const merr = root && root.querySelector('mjx-merror');
      if (merr) error = merr.getAttribute('data-mjx-error') || merr.textContent;
      if (!error && root) {
        for (const t of root.querySelectorAll('mjx-mtext')) {
          if ((t.getAttribute('style') || '').includes('red')) { error = 'undefined: ' + t.textContent; break; }
        }
      }
      out.math.push({tex: item.math, display: !!item.display, error: error, lines: root ? lines(root) : 0});
    }
    const main = document.querySelector('article') || document.querySelector('main') || document.body;
    const clone = main.cloneNode(true);
    for (const el of clone.querySelectorAll('mjx-container, script, style, .headerlink, nav, footer, header')) el.remove();
    out.text = clone.textContent.replace(/\s+/g, ' ').trim();
    parent.postMessage({probe: location.pathname, result: out}, '*');
  }
  function wait() {
    // a page without math loads no MathJax at all (Sphinx adds it only where there is math)
    if (!document.querySelector('script[src*="mathjax" i], script[src*="tex-mml" i]')) collect();
    else if (window.MathJax && MathJax.startup && MathJax.startup.promise) MathJax.startup.promise.then(collect);
    else setTimeout(wait, 20);
  }
  window.addEventListener('load', wait);
})();
</script>
"""
_CDN_MATHJAX = re.compile(r'src="[^"]*mathjax[^"]*\.js[^"]*"', re.I)


def _instrument(page: Path) -> None:
    """Point the page's MathJax at the local copy and add the collector; nothing else changes."""
    text = page.read_text(encoding="utf-8")
    text = _CDN_MATHJAX.sub(f'src="file://{MATHJAX}"', text, count=1)
    text = text.replace("</body>", _COLLECT + "</body>", 1) if "</body>" in text else text + _COLLECT
    page.write_text(text, encoding="utf-8")


def chromium_observe(pages: dict[str, Path], timeout: float = 120) -> dict[str, Observation]:
    """Load every page (one headless Chromium for all) and return what MathJax made of each."""
    chromium = engine_path("chromium")
    if chromium is None:
        raise RuntimeError("Chromium not found (set DERIVE_CHROMIUM)")
    for page in pages.values():
        _instrument(page)
    names = {str(p.resolve()): name for name, p in pages.items()}
    with tempfile.TemporaryDirectory() as tmp:
        driver = Path(tmp) / "driver.html"
        frames = "".join(f'<iframe src="file://{p}" width="900" height="600"></iframe>' for p in names)
        driver.write_text(  # the listener first: a page without MathJax reports before the others load
            "<html><body><pre id='out'></pre><script>"
            "const got = {};"
            "window.addEventListener('message', (e) => { got[decodeURIComponent(e.data.probe)] = e.data.result;"
            " document.getElementById('out').textContent = JSON.stringify(got); });"
            "</script>" + frames + "</body></html>",
            encoding="utf-8",
        )
        proc = subprocess.run(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
             f"--user-data-dir={tmp}/profile", "--virtual-time-budget=60000", "--run-all-compositor-stages-before-draw",
             "--dump-dom", f"file://{driver}"],
            capture_output=True, text=True, timeout=timeout,
        )
    m = re.search(r'<pre id="out">(.+?)</pre>', proc.stdout, re.S)
    if not m:
        raise RuntimeError(f"Chromium returned no result for any of {len(names)} pages: {proc.stderr[-2000:]}")
    raw = json.loads(html.unescape(m.group(1)))
    missing = sorted(set(names) - set(raw))
    if missing:
        raise RuntimeError(f"Chromium returned no result for {', '.join(names[k] for k in missing)}")
    out = {}
    for path, result in raw.items():
        out[names[path]] = Observation(
            [Typeset(t["tex"], t["display"], t["error"], t["lines"]) for t in result["math"]],
            result["text"], result["title"],
        )
    return out


# ---------------------------------------------------------------- engines


def _run(cmd: list[str], cwd: Path | None = None, timeout: float = 600, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, **kw)
    return proc


def jb1_page(p: Probe) -> str:
    """Sphinx needs a heading on each page of a book; a probe without one gets one."""
    return p.markdown if p.markdown.startswith("# ") else f"# Probe {p.name}\n\n{p.markdown}"


def latex_document(p: Probe, beamer: bool = False) -> str:
    return (_BEAMER if beamer else _ARTICLE) % p.latex


def build_jb1(probes: tuple[Probe, ...], workdir: Path, amsmath: bool = False) -> dict[str, Observation]:
    """Jupyter Book 1 with its default configuration (dollarmath, no amsmath) or with amsmath added."""
    exe = engine_path("jb1")
    if exe is None:
        raise RuntimeError("Jupyter Book 1 not found (set DERIVE_JB1)")
    book = workdir / ("jb1-amsmath" if amsmath else "jb1")
    book.mkdir(parents=True, exist_ok=True)
    config = 'title: Probes\nexecute:\n  execute_notebooks: "off"\n'
    if amsmath:  # the book template's list with the amsmath line uncommented
        config += ("parse:\n  myst_enable_extensions:\n    - amsmath\n    - colon_fence\n    - dollarmath\n"
                   "    - linkify\n    - substitution\n    - tasklist\n")
    (book / "_config.yml").write_text(config, encoding="utf-8")
    md = [p for p in probes if p.markdown is not None]
    toc = "format: jb-book\nroot: intro\nchapters:\n" + "".join(f"- file: {p.name}\n" for p in md)
    (book / "_toc.yml").write_text(toc, encoding="utf-8")
    (book / "intro.md").write_text("# Probes\n\nIntro.\n", encoding="utf-8")
    for p in md:
        (book / f"{p.name}.md").write_text(jb1_page(p), encoding="utf-8")
    proc = _run([exe, "build", str(book)])
    if proc.returncode != 0:
        raise RuntimeError(f"jupyter-book build failed: {proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    pages = {p.name: book / "_build" / "html" / f"{p.name}.html" for p in md}
    observed = chromium_observe(pages)
    # The page title a reader sees (the heading, the navigation) is typeset by MathJax; only the
    # browser tab (<title>) shows "\\(\\eta_t\\)". Recorded in renderers.py, not judged as the page title.
    for obs in observed.values():
        obs.title = None
    return observed


def build_jb2(probes: tuple[Probe, ...], workdir: Path) -> dict[str, Observation]:
    """Jupyter Book 2 (mystmd): the site content it writes holds every math node with KaTeX's verdict."""
    exe = engine_path("jb2")
    if exe is None:
        raise RuntimeError("Jupyter Book 2 not found (set DERIVE_JB2)")
    book = workdir / "jb2"
    book.mkdir(parents=True, exist_ok=True)
    md = [p for p in probes if p.markdown is not None]
    toc = "".join(f"    - file: {p.name}.md\n" for p in md)
    (book / "myst.yml").write_text(
        "version: 1\nproject:\n  title: Probes\n  toc:\n    - file: index.md\n" + toc + "site:\n  template: book-theme\n",
        encoding="utf-8",
    )
    (book / "index.md").write_text("# Probes\n\nIntro.\n", encoding="utf-8")
    for p in md:
        (book / f"{p.name}.md").write_text(p.markdown, encoding="utf-8")
    env = dict(os.environ, PATH=f"{Path(exe).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    proc = _run([exe, "build", "--site", "--ci"], cwd=book, env=env)
    content = book / "_build" / "site" / "content"
    if not content.is_dir():
        raise RuntimeError(f"jupyter-book build --site wrote no content: {proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    out = {}
    for p in md:
        page = json.loads((content / f"{p.name.lower()}.json").read_text(encoding="utf-8"))
        obs = Observation(title=page.get("frontmatter", {}).get("title"))
        texts: list[str] = []
        _walk_mdast(page["mdast"], obs, texts)
        obs.text = re.sub(r"\s+", " ", " ".join(texts)).strip()
        out[p.name] = obs
    return out


def _walk_mdast(node: dict, obs: Observation, texts: list[str]) -> None:
    kind = node.get("type")
    if kind in ("math", "inlineMath"):
        error = node.get("message") if node.get("error") else None
        lines = 1 + node.get("html", "").count("mspace newline") if not error else 1
        obs.math.append(Typeset(node.get("value", ""), kind == "math", error, lines))
        return
    if kind in ("text", "inlineCode", "code"):
        texts.append(node.get("value", ""))
    for child in node.get("children", []):
        _walk_mdast(child, obs, texts)


#: Pandoc reader formats: Quarto's default reader, and R Markdown's (rmarkdown's html_document).
PANDOC_FORMATS = {
    "quarto": "markdown",
    "rmarkdown": "markdown+autolink_bare_uris+tex_math_single_backslash",
}


def build_pandoc(probes: tuple[Probe, ...], workdir: Path, fmt: str) -> dict[str, Observation]:
    """``pandoc -f FMT -t html --mathjax`` (standalone, MathJax 3 as Quarto and R Markdown load it)."""
    exe = engine_path("pandoc")
    if exe is None:
        raise RuntimeError("pandoc not found")
    where = workdir / ("pandoc-" + re.sub(r"[^A-Za-z0-9]+", "-", fmt))
    where.mkdir(parents=True, exist_ok=True)
    pages = {}
    for p in probes:
        if p.markdown is None:
            continue
        src = where / f"{p.name}.md"
        src.write_text(p.markdown, encoding="utf-8")
        out = where / f"{p.name}.html"
        proc = _run([exe, "-f", fmt, "-t", "html5", "-s", "--metadata", "title=Probe", f"--mathjax=file://{MATHJAX}",
                     "-o", str(out), str(src)])
        if proc.returncode != 0:
            raise RuntimeError(f"pandoc failed on {p.name}: {proc.stderr}")
        pages[p.name] = out
    return chromium_observe(pages)


def build_kramdown(probes: tuple[Probe, ...], workdir: Path) -> dict[str, Observation]:
    """kramdown's HTML (its default math engine writes ``\\(…\\)``/``\\[…\\]`` for MathJax), in a page
    that loads MathJax 3 with its default configuration."""
    ruby = engine_path("ruby")
    if ruby is None:
        raise RuntimeError("ruby not found")
    where = workdir / "kramdown"
    where.mkdir(parents=True, exist_ok=True)
    pages = {}
    for p in probes:
        if p.markdown is None:
            continue
        src = where / f"{p.name}.md"
        src.write_text(p.markdown, encoding="utf-8")
        proc = _run([ruby, "-e", 'require "kramdown"; print Kramdown::Document.new(File.read(ARGV[0])).to_html', str(src)])
        if proc.returncode != 0:
            raise RuntimeError(f"kramdown failed on {p.name}: {proc.stderr}")
        page = where / f"{p.name}.html"
        page.write_text(f"<html><head><title>Probe</title><script src='{MATHJAX}'></script></head>"
                        f"<body><article>{proc.stdout}</article></body></html>", encoding="utf-8")
        pages[p.name] = page
    return chromium_observe(pages)


def build_notebook(probes: tuple[Probe, ...], workdir: Path) -> dict[str, Observation]:
    """Each probe as the one markdown cell of a notebook, exported by ``jupyter nbconvert --to html``."""
    exe = engine_path("jb2")
    if exe is None:
        raise RuntimeError("nbconvert (in the Jupyter Book 2 environment) not found")
    nbconvert = Path(exe).parent / "jupyter-nbconvert"
    where = workdir / "notebook"
    where.mkdir(parents=True, exist_ok=True)
    pages = {}
    for p in probes:
        if p.markdown is None:
            continue
        nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": p.markdown.splitlines(True)}],
              "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        path = where / f"{p.name}.ipynb"
        path.write_text(json.dumps(nb), encoding="utf-8")
        pages[p.name] = where / f"{p.name}.html"
    proc = _run([str(nbconvert), "--to", "html", *(str(p.with_suffix(".ipynb")) for p in pages.values())])
    if proc.returncode != 0:
        raise RuntimeError(f"nbconvert failed: {proc.stderr[-2000:]}")
    return chromium_observe(pages)


_ARTICLE = "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n%s\n\\end{document}\n"
_BEAMER = "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}\n%s\n\\end{frame}\n\\end{document}\n"


def build_latex(probes: tuple[Probe, ...], workdir: Path, beamer: bool = False) -> dict[str, Observation]:
    """pdflatex on each probe's LaTeX body; an error stops the document, lines come from pdftotext."""
    exe = engine_path("pdflatex")
    if exe is None:
        raise RuntimeError("pdflatex not found")
    where = workdir / ("beamer" if beamer else "article")
    where.mkdir(parents=True, exist_ok=True)
    out = {}
    for p in probes:
        if p.latex is None:
            continue
        tex = where / f"{p.name}.tex"
        tex.write_text(latex_document(p, beamer), encoding="utf-8")
        proc = _run([exe, "-interaction=nonstopmode", "-halt-on-error", tex.name], cwd=where, timeout=120)
        log = (where / f"{p.name}.log").read_text(encoding="latin-1") if (where / f"{p.name}.log").exists() else ""
        errors = re.findall(r"^! (.*)$", log, re.M)
        if proc.returncode != 0 and not errors:
            errors = [f"pdflatex exit {proc.returncode}"]
        obs = Observation(errors=errors)
        pdf = where / f"{p.name}.pdf"
        if pdf.exists():
            text = _run(["pdftotext", "-layout", str(pdf), "-"]).stdout
            obs.text = text
            # one formula per probe: which of its pieces share a line of the PDF
            row = [line for line in text.splitlines() if "=" in line]
            obs.math.append(Typeset(p.latex, True, errors[0] if errors else None, max(1, len(row))))
        out[p.name] = obs
    return out
