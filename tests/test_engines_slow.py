"""The render lint against the real engines: for every probe document and every renderer, the lint
reports a problem (an error or a warning) exactly when the engine shows the construct wrong.

Each engine builds every probe of ``tests/engine_probes.py`` once (module-scoped fixtures); the lint is
then run on the very source the engine read, with the renderer that stands for that engine. An engine
that is missing skips locally and fails under CI (``CI`` set), so CI never passes by skipping.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import engine_probes as E
from derive.check.extract import extract
from derive.check.lint import lint
from derive.check.renderers import BEAMER, JB1, JB1_AMSMATH, JB2, KRAMDOWN, PDFLATEX, QUARTO, RMARKDOWN, Renderer

pytestmark = pytest.mark.slow

#: renderer key -> (engines it needs, builder)
BUILDS = {
    "jb1": (("jb1", "chromium"), lambda wd: E.build_jb1(E.PROBES, wd)),
    "jb1-amsmath": (("jb1", "chromium"), lambda wd: E.build_jb1(E.PROBES, wd, amsmath=True)),
    "jb2": (("jb2",), lambda wd: E.build_jb2(E.PROBES, wd)),
    "quarto": (("pandoc", "chromium"), lambda wd: E.build_pandoc(E.PROBES, wd, E.PANDOC_FORMATS["quarto"])),
    "rmarkdown": (("pandoc", "chromium"), lambda wd: E.build_pandoc(E.PROBES, wd, E.PANDOC_FORMATS["rmarkdown"])),
    "kramdown": (("ruby", "chromium"), lambda wd: E.build_kramdown(E.PROBES, wd)),
    "pdflatex": (("pdflatex",), lambda wd: E.build_latex(E.PROBES, wd)),
    "beamer": (("pdflatex",), lambda wd: E.build_latex(E.PROBES, wd, beamer=True)),
}
RENDERERS: dict[str, Renderer] = {r.key: r for r in (JB1, JB1_AMSMATH, JB2, QUARTO, RMARKDOWN, KRAMDOWN, PDFLATEX, BEAMER)}
_CACHE: dict[str, dict[str, E.Observation]] = {}
_BUILT: dict[str, Path] = {}  # renderer key -> the folder its pages were built in


def _require(engines: tuple[str, ...]) -> None:
    missing = [e for e in engines if E.engine_path(e) is None]
    if missing:
        message = f"engines not installed: {', '.join(missing)} (see .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    if "chromium" in engines and not E.MATHJAX.exists():
        pytest.fail(f"MathJax 3 missing at {E.MATHJAX}: run npm ci --prefix tests/js")


def observed(key: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, E.Observation]:
    engines, build = BUILDS[key]
    _require(engines)
    if key not in _CACHE:
        _BUILT[key] = tmp_path_factory.mktemp(key)
        _CACHE[key] = build(_BUILT[key])
    return _CACHE[key]


def _source(key: str, probe: E.Probe, built: Path) -> tuple[str, str]:
    """The path and text the lint reads: for Jupyter Book 2 the page itself, so that the ``myst.yml`` above it
    makes the checker read the page as mystmd does."""
    if key in ("pdflatex", "beamer"):
        return "probe.tex", E.latex_document(probe, beamer=key == "beamer")
    if key == "jb2":
        page = built / "jb2" / f"{probe.name}.md"
        return str(page), page.read_text(encoding="utf-8")
    return "probe.md", E.jb1_page(probe) if key.startswith("jb1") else probe.markdown


CASES = [
    pytest.param(key, probe.name, id=f"{key}-{probe.name}")
    for key in BUILDS
    for probe in E.PROBES
    if (probe.latex if key in ("pdflatex", "beamer") else probe.markdown) is not None
]


@pytest.mark.parametrize("key,name", CASES)
def test_lint_verdict_matches_the_engine(key: str, name: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    probe = E.BY_NAME[name]
    obs = observed(key, tmp_path_factory)[name]
    fine, what = probe.verdict(obs)
    path, source = _source(key, probe, _BUILT[key])
    findings = [f for f in lint(path, source, extract(path, source), RENDERERS[key])
                if f.severity in ("error", "warning")]
    assert bool(findings) == (not fine), (
        f"{RENDERERS[key].name} on {probe.construct}: the engine shows {what!r}; the lint says"
        f" {[f.text() for f in findings] or 'nothing'}"
    )


def test_katex_environments_are_the_ones_katex_knows() -> None:
    """renderers.KATEX_ENVS is KaTeX's own answer, environment by environment (tests/js KaTeX)."""
    import json
    import subprocess

    from derive.check.renderers import AMS_ENVS, KATEX_ENVS

    node = "node"
    katex_dir = Path(__file__).parent / "js"
    if not (katex_dir / "node_modules" / "katex").exists():
        pytest.fail("KaTeX missing: run npm ci --prefix tests/js")
    names = sorted(KATEX_ENVS | AMS_ENVS | {e + "*" for e in AMS_ENVS})
    script = (
        "import katex from 'katex'; const out = {};"
        f"for (const e of {json.dumps(names)}) {{"
        " const arg = /^(alignat|alignedat)/.test(e) ? '{1}' : /array$/.test(e) ? '{c}' : '';"
        " try { katex.renderToString(`\\\\begin{${e}}${arg}a\\\\end{${e}}`, {displayMode: true, throwOnError: true});"
        " out[e] = true; } catch (err) { out[e] = String(err.message).includes('No such environment') ? false : 'other'; } }"
        "console.log(JSON.stringify(out));"
    )
    probe = katex_dir / "_katex_envs.mjs"
    probe.write_text(script, encoding="utf-8")
    try:
        result = json.loads(subprocess.run([node, probe.name], cwd=katex_dir, capture_output=True, text=True,
                                           check=True, timeout=60).stdout)
    finally:
        probe.unlink()
    known = {e for e, ok in result.items() if ok is True}
    assert {e for e in names if e in KATEX_ENVS} == known


SQRT_PROBE = r"""import katex from 'katex';
import mathjaxPkg from 'mathjax-full/js/mathjax.js';
import texPkg from 'mathjax-full/js/input/tex.js';
import adaptorPkg from 'mathjax-full/js/adaptors/liteAdaptor.js';
import htmlPkg from 'mathjax-full/js/handlers/html.js';
import allPkg from 'mathjax-full/js/input/tex/AllPackages.js';
import statePkg from 'mathjax-full/js/core/MathItem.js';
import serPkg from 'mathjax-full/js/core/MmlTree/SerializedMmlVisitor.js';
const { mathjax } = mathjaxPkg; const { TeX } = texPkg; const { liteAdaptor } = adaptorPkg;
const { RegisterHTMLHandler } = htmlPkg; const { AllPackages } = allPkg; const { STATE } = statePkg;
const { SerializedMmlVisitor } = serPkg;
const tex = '\\sqrt(x+1)';
const k = katex.renderToString(tex, {output: 'mathml'});
RegisterHTMLHandler(liteAdaptor());
const doc = mathjax.document('', {InputJax: new TeX({packages: AllPackages.filter((p) => p !== 'bussproofs')})});
const m = new SerializedMmlVisitor().visitTree(doc.convert(tex, {display: false, end: STATE.CONVERT}));
const inner = (s) => { const a = s.indexOf('<msqrt>'), b = s.indexOf('</msqrt>'); return s.slice(a + 7, b).replace(/<[^>]*>/g, '').replace(/\s+/g, ''); };
console.log(JSON.stringify({katex: inner(k), mathjax: inner(m)}));
"""


def _run_node_probe(name: str, script: str) -> dict[str, str]:
    """Run ``script`` with node next to the npm modules of tests/js and return the JSON it prints."""
    import json
    import subprocess

    katex_dir = Path(__file__).parent / "js"
    if not (katex_dir / "node_modules" / "katex").exists():
        pytest.fail("KaTeX missing: run npm ci --prefix tests/js")
    probe = katex_dir / name
    probe.write_text(script, encoding="utf-8")
    try:
        return json.loads(subprocess.run(["node", probe.name], cwd=katex_dir, capture_output=True, text=True,
                                         check=True, timeout=60).stdout)
    finally:
        probe.unlink()


def test_a_root_of_a_bracket_holds_only_the_bracket_in_katex_and_mathjax() -> None:
    """lint's render/sqrt-bracket: ``\\sqrt(x+1)`` puts only "(" under the radical, in KaTeX and in MathJax 3."""
    assert _run_node_probe("_sqrt_probe.mjs", SQRT_PROBE) == {"katex": "(", "mathjax": "("}


SIGN_PROBE = SQRT_PROBE.replace("const tex = '\\\\sqrt(x+1)';", "const tex = 'e^-(x+1)';").replace(
    "const inner = (s) => { const a = s.indexOf('<msqrt>'), b = s.indexOf('</msqrt>'); return s.slice(a + 7, b)",
    "const inner = (s) => { const a = s.indexOf('<msup>'), b = s.indexOf('</msup>'); return s.slice(a + 6, b)")


def test_a_sign_exponent_raises_only_the_sign_in_katex_and_mathjax() -> None:
    """lint's render/sign-exponent: ``e^-(x+1)`` raises only the minus sign, in KaTeX and in MathJax 3."""
    assert SIGN_PROBE != SQRT_PROBE and "msup" in SIGN_PROBE and "e^-(x+1)" in SIGN_PROBE
    result = _run_node_probe("_sign_probe.mjs", SIGN_PROBE)
    result = {engine: text.replace("&#x2212;", "\u2212") for engine, text in result.items()}
    assert result == {"katex": "e\u2212", "mathjax": "e\u2212"}, result  # the bracket is not raised


LABEL_PROBE = SIGN_PROBE.replace("const tex = 'e^-(x+1)';", "const tex = 'W^- e^{a}';")


def test_a_minus_label_is_raised_alone_as_written_in_katex_and_mathjax() -> None:
    """``W^- e^{a}`` (boosting's W⁻): the engines raise the minus alone on W, which is what the notes mean, so the
    checker reads the label W⁻ times e^a and the lint says nothing about it."""
    assert LABEL_PROBE != SIGN_PROBE and "W^- e^{a}" in LABEL_PROBE
    result = _run_node_probe("_label_probe.mjs", LABEL_PROBE)
    result = {engine: text.replace("&#x2212;", "\u2212") for engine, text in result.items()}
    assert result == {"katex": "W\u2212", "mathjax": "W\u2212"}, result  # e^{a} is a power of its own, not raised


PHYSICS_PROBE = r"""import { readFileSync } from 'node:fs';
import mathjaxPkg from 'mathjax-full/js/mathjax.js';
import texPkg from 'mathjax-full/js/input/tex.js';
import adaptorPkg from 'mathjax-full/js/adaptors/liteAdaptor.js';
import htmlPkg from 'mathjax-full/js/handlers/html.js';
import allPkg from 'mathjax-full/js/input/tex/AllPackages.js';
import 'mathjax-full/js/input/tex/physics/PhysicsConfiguration.js';
import statePkg from 'mathjax-full/js/core/MathItem.js';
import serPkg from 'mathjax-full/js/core/MmlTree/SerializedMmlVisitor.js';
const { mathjax } = mathjaxPkg; const { TeX } = texPkg; const { liteAdaptor } = adaptorPkg;
const { RegisterHTMLHandler } = htmlPkg; const { AllPackages } = allPkg; const { STATE } = statePkg;
const { SerializedMmlVisitor } = serPkg;
RegisterHTMLHandler(liteAdaptor());
const base = AllPackages.filter((p) => p !== 'bussproofs');
const withPhysics = mathjax.document('', {InputJax: new TeX({packages: [...base, 'physics']})});
const without = mathjax.document('', {InputJax: new TeX({packages: base})});
const ser = new SerializedMmlVisitor();
const text = (doc, tex) => ser.visitTree(doc.convert(tex, {display: false, end: STATE.CONVERT}))
  .replace(/<[^>]*>/g, '').replace(/&#x20(61|62);/g, '').replace(/[\u2061\u2062]/g, '').replace(/\s+/g, '');
const cases = JSON.parse(readFileSync(0, 'utf8'));
console.log(JSON.stringify(cases.map(([m, e]) => [m, text(withPhysics, m), text(without, e)])));
"""


def test_the_physics_package_reads_as_mathjax_typesets_it() -> None:
    """derive/check/physics.py: each command, expanded by the checker, shows the same symbols in the same order as
    MathJax 3 with its own physics extension shows the command (tests/js mathjax-full)."""
    import json
    import subprocess

    from derive.check.macros import expand, macros_for

    js_dir = Path(__file__).parent / "js"
    if not (js_dir / "node_modules" / "mathjax-full").exists():
        pytest.fail("MathJax missing: run npm ci --prefix tests/js")
    table = macros_for("notes.tex", r"\usepackage{physics}", "latex")
    commands = [r"\qty(x+1)^2", r"\abs{x}", r"\norm{x}", r"\vb{x}", r"\va{x}", r"\vu{x}", r"\grad f", r"\dv{f}{x}",
                r"\dv[2]{f}{x}", r"\pdv{f}{x}", r"\pdv{x}", r"\dd{x}", r"\pqty{a}", r"\bqty{a}", r"\rank A"]
    cases = [[c, expand(c, table).text] for c in commands]
    probe = js_dir / "_physics_probe.mjs"
    probe.write_text(PHYSICS_PROBE, encoding="utf-8")
    try:
        result = json.loads(subprocess.run(["node", probe.name], cwd=js_dir, input=json.dumps(cases),
                                           capture_output=True, text=True, check=True, timeout=60).stdout)
    finally:
        probe.unlink()
    assert [(command, shown) for command, shown, ours in result if shown != ours] == []
    assert all(shown and "\\" not in shown for _, shown, _ in result)  # the package really typeset each command


BOOKDOWN_PAGE = """---
title: probe
---

Text with $x = 1$.

```{example, least-squares}
The error is
$$E = \\frac{1}{2} (y - m)^2$$
and inline $a^2 + b^2 = c^2$.
```

```{theorem, pyth, name="Pythagoras"}
$$c = \\sqrt{a^2 + b^2}$$
```

```{proof}
Squares: $c^2 = a^2 + b^2$.
```

```{r}
x <- 1  # $y = 2$ is code here
```
"""


def test_bookdown_chunks_are_read_as_knitr_renders_them(tmp_path: Path) -> None:
    """What is math in an R Markdown page built with bookdown (R, rmarkdown, bookdown from Debian) is what the
    document model reads: the bodies of theorem/example/proof chunks are text, an R chunk is code."""
    import re
    import shutil
    import subprocess

    rscript = shutil.which("Rscript")
    if rscript is None:
        message = "engines not installed: Rscript with bookdown (see .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    page = tmp_path / "probe.Rmd"
    page.write_text(BOOKDOWN_PAGE, encoding="utf-8")
    subprocess.run([rscript, "-e", 'rmarkdown::render("probe.Rmd", output_format = bookdown::html_document2(), '
                    'quiet = TRUE)'], cwd=tmp_path, check=True, capture_output=True, timeout=300)
    html = (tmp_path / "probe.html").read_text(encoding="utf-8")
    rendered = sorted(" ".join(m.split()) for m in re.findall(r'class="math (?:display|inline)">\\[\[(](.*?)\\[\])]</span>',
                                                                html, re.S))
    from derive.check.document import read_document

    read = sorted(" ".join(b.text.split()) for b in read_document(str(page), BOOKDOWN_PAGE).blocks)
    unescaped = sorted(m.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&") for m in rendered)
    assert unescaped == read and len(read) == 5, (unescaped, read)


CR_PROBE = SQRT_PROBE.replace("const tex = '\\\\sqrt(x+1)';",
                              "const tex = '\\\\begin{aligned} x &= a + b \\\\cr y &= a - b \\\\end{aligned}';").replace(
    "const inner = (s) => { const a = s.indexOf('<msqrt>'), b = s.indexOf('</msqrt>'); return s.slice(a + 7, b)"
    ".replace(/<[^>]*>/g, '').replace(/\\s+/g, ''); };",
    "const inner = (s) => String((s.match(/<mtr[ >]/g) || []).length);")


def test_cr_ends_a_row_in_katex_and_mathjax() -> None:
    """The run-together lint and the reader take plain TeX's ``\\cr`` for a row break (stop 54): both engines set
    ``x &= a + b \\cr y &= a - b`` in aligned as two rows, as they do with ``\\\\``."""
    assert CR_PROBE != SQRT_PROBE and "\\\\cr" in CR_PROBE and "<mtr" in CR_PROBE
    assert _run_node_probe("_cr_probe.mjs", CR_PROBE) == {"katex": "2", "mathjax": "2"}
    one_row = CR_PROBE.replace("\\\\cr ", "")
    assert _run_node_probe("_cr_probe.mjs", one_row) == {"katex": "1", "mathjax": "1"}  # (the probe can tell)
