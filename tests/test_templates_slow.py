"""Slow tests with the real engines for what users add: their own systems, templates, engines, languages.

* A lecturer's RMSprop+L2, Lion and dampened momentum (``tests/own/lecture.en.md``) compile to PDF
  in Russian and English, and their MyST pages typeset with KaTeX and MathJax;
* a user template overriding one block compiles; a xelatex header with fontspec compiles, and so do
  the built-in xelatex and lualatex headers; a German prose file compiles with babel's ngerman.

A missing engine skips locally but fails when ``CI`` is set (see ``need``).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import need
from derive.render import LANGS, Settings, compile_pdf, get_env, plan, plan_own, render_files
from derive.usersystem import load

pytestmark = pytest.mark.slow

HERE = Path(__file__).parent
JS = HERE / "js"


def _pdf_ok(pdf: bytes, *words: str) -> None:
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000
    if words and shutil.which("pdftotext"):
        import tempfile

        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", handle.name, "-"], capture_output=True,
                                  check=True, timeout=60).stdout.decode("utf-8", errors="replace")
        flat = " ".join(text.split())
        for word in words:
            assert word in flat, f"{word!r} not in the PDF's text"


@pytest.fixture(scope="module")
def lecture_files() -> dict[str, bytes]:
    need(shutil.which("pdflatex") is not None, "pdflatex not found")
    return render_files(plan_own(load(str(HERE / "own" / "lecture.en.md"))), langs=LANGS,
                        formats=["tex", "md", "pdf"])  # type: ignore[list-item]


@pytest.mark.parametrize("stem, words", [
    ("rmsprop-with-l2-regularization", {"en": ("RMSprop with L2 regularization", "different for"),
                                        "ru": ("RMSprop with L2 regularization", "свой у")}),
    ("lion", {"en": ("Lion", "the same for every weight"), "ru": ("Lion", "одинаков для всех весов")}),
    ("momentum-with-dampening", {"en": ("Momentum with dampening", "the same for every weight"),
                                 "ru": ("Momentum with dampening", "одинаков для всех весов")}),
])
@pytest.mark.parametrize("lang", LANGS)
def test_lecturers_systems_compile_like_the_catalog(lecture_files: dict[str, bytes], stem: str,
                                                    words: dict[str, tuple[str, ...]], lang: str) -> None:
    _pdf_ok(lecture_files[f"{stem}.{lang}.pdf"], *words[lang])
    md = lecture_files[f"{stem}.{lang}.md"].decode("utf-8")
    assert md.count("```{dropdown}") == 1 and "$$" in md
    tex = lecture_files[f"{stem}.{lang}.tex"].decode("utf-8")
    assert "\\underbrace" in tex or "\\qquad \\text{(" in tex  # the answer g(λ) is marked as in the catalog


def test_lecturers_pages_typeset_with_katex_and_mathjax(lecture_files: dict[str, bytes]) -> None:
    need(shutil.which("node") is not None, "node not found")
    need((JS / "node_modules" / "katex").is_dir(), "KaTeX/MathJax not installed: run npm ci --prefix tests/js")
    blocks = []
    for name, data in sorted(lecture_files.items()):
        if not name.endswith(".md"):
            continue
        md = data.decode("utf-8")
        for i, tex in enumerate(md.split("$$")[1::2]):
            blocks.append({"id": f"{name}#d{i}", "tex": tex.strip("\n"), "display": True})
        for i, m in enumerate(re.finditer(r"(?<![\\$])\$(?!\$)([^$\n]+?)(?<!\\)\$", re.sub(r"\$\$.*?\$\$", "", md, flags=re.S))):
            blocks.append({"id": f"{name}#i{i}", "tex": m.group(1), "display": False})
    assert len(blocks) > 60
    proc = subprocess.run(["node", str(JS / "typeset.mjs")], input=json.dumps(blocks).encode("utf-8"),
                          capture_output=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", errors="replace")
    assert json.loads(proc.stdout)["errors"] == []


def test_one_block_overridden_compiles(tmp_path: Path) -> None:
    need(shutil.which("pdflatex") is not None, "pdflatex not found")
    (tmp_path / "optimizer.j2").write_text(
        '\\BLOCK{extends "builtin/optimizer.j2"}\n\\BLOCK{block task}\n'
        "\\VAR{fmt.strong('Our exercise.')} Bring \\VAR{p.name(d)} to the form\n\\VAR{fmt.display(d.generic_form())}\n"
        "\\BLOCK{endblock}\n", encoding="utf-8")
    files = render_files(plan(["adam"], reg="l2"), langs=["ru", "en"], formats=["pdf"], env=get_env(tmp_path))
    _pdf_ok(files["adam-l2.en.pdf"], "Our exercise. Bring Adam to the form")
    _pdf_ok(files["adam-l2.ru.pdf"], "Our exercise. Bring Adam to the form")


@pytest.mark.parametrize("lang", LANGS)
def test_xelatex_header_with_fontspec_compiles(lang: str) -> None:
    need(shutil.which("xelatex") is not None, "xelatex not found (Debian: texlive-xetex)")
    settings = Settings(env=get_env(HERE / "templates_xe"), engine="xelatex")
    files = render_files(plan(["adam"], reg="l2"), langs=[lang], formats=["tex", "pdf"], settings=settings)
    assert "\\setmainfont{DejaVu Serif}" in files[f"adam-l2.{lang}.tex"].decode("utf-8")
    _pdf_ok(files[f"adam-l2.{lang}.pdf"], "Adam")
    fonts = subprocess.run(["pdffonts", "-"], input=files[f"adam-l2.{lang}.pdf"], capture_output=True, check=False)
    if fonts.returncode == 0:
        assert b"DejaVuSerif" in fonts.stdout


@pytest.mark.parametrize("engine, lang", [("xelatex", "ru"), ("lualatex", "en")])
def test_builtin_unicode_engine_headers_compile(engine: str, lang: str) -> None:
    need(shutil.which(engine) is not None, f"{engine} not found (Debian: texlive-xetex, texlive-luatex)")
    files = render_files(plan(["momentum"], reg="l2"), langs=[lang], formats=["pdf"],
                         settings=Settings(engine=engine))
    _pdf_ok(files[f"momentum-l2.{lang}.pdf"], "SGD")


def test_german_prose_file_compiles() -> None:
    need(shutil.which("pdflatex") is not None, "pdflatex not found")
    files = render_files(plan(["adam", "momentum"], reg="l2"), langs=["de"], formats=["pdf"],
                         env=get_env(HERE / "templates_de"))
    _pdf_ok(files["adam-l2.de.pdf"], "Adam mit", "Aufgabe", "Lösung")
    _pdf_ok(files["momentum-l2.de.pdf"], "SGD mit Momentum")


def test_notation_map_compiles() -> None:
    need(shutil.which("pdflatex") is not None, "pdflatex not found")
    from derive.notation import parse_notation

    settings = Settings(notation=parse_notation(r"w=\theta,eta=\alpha,alpha=\alpha_0,t=k"))
    files = render_files(plan(["adamw-paper"], reg="decoupled"), langs=["en"], formats=["pdf"], settings=settings)
    _pdf_ok(files["adamw-paper-decoupled.en.pdf"], "θ")


def test_compile_pdf_uses_the_engine_asked_for() -> None:
    need(shutil.which("xelatex") is not None, "xelatex not found")
    doc = "\\documentclass{article}\\usepackage{fontspec}\\begin{document}x\\end{document}\n"
    assert compile_pdf(doc, engine="xelatex").startswith(b"%PDF")
    from derive.errors import RenderError

    if shutil.which("pdflatex"):
        with pytest.raises(RenderError, match="fontspec"):
            compile_pdf(doc, engine="pdflatex")
