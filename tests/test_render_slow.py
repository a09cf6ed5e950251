"""Slow tests with the real renderers: pdflatex compiles every generated .tex (articles and fragments),
KaTeX (Jupyter Book 2) and MathJax 3 (Jupyter Book 1) typeset every math block of every .md page.

A missing tool skips these tests on a developer's machine but fails them in CI (``CI`` set), so a
broken install step can never turn into a green run that tested nothing.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from derive.render import LANGS, compile_pdf, first_latex_error, plan, render_files
from conftest import need

pytestmark = pytest.mark.slow

JS = Path(__file__).parent / "js"


_FILES: dict[str, bytes] | None = None


def all_files() -> dict[str, bytes]:
    global _FILES
    if _FILES is None:
        _FILES = render_files(plan([], all_=True))
    return _FILES


def _names(suffix: str, exclude: str | None = None) -> list[str]:
    return sorted(n for n in all_files() if n.endswith(suffix) and not (exclude and n.endswith(exclude)))


# -- LaTeX ----------------------------------------------------------------------------------------
OVERFULL = re.compile(r"Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide\)")


def _check_log(log: str, name: str) -> None:
    too_wide = [float(x) for x in OVERFULL.findall(log)]
    assert not [w for w in too_wide if w > 2.0], f"{name}: a line or formula runs into the margin: {too_wide} pt"


@pytest.mark.parametrize("name", _names(".tex", exclude=".fragment.tex"))
def test_article_compiles_with_pdflatex(name: str, tmp_path: Path) -> None:
    need(shutil.which("pdflatex") is not None, "pdflatex not found")
    tex = all_files()[name].decode("utf-8")
    pdf = compile_pdf(tex, name=name)
    assert pdf.startswith(b"%PDF")
    # once more by hand, to read the log for overfull lines
    (tmp_path / "doc.tex").write_text(tex, encoding="utf-8")
    subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"], cwd=tmp_path, check=False,
                   capture_output=True, stdin=subprocess.DEVNULL, timeout=120)
    _check_log((tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace"), name)


@pytest.mark.parametrize("lang", LANGS)
def test_fragments_compile_when_input_into_a_host(lang: str, tmp_path: Path) -> None:
    """Every fragment of a language ``\\input`` into one host that loads only what the fragment header asks."""
    need(shutil.which("pdflatex") is not None, "pdflatex not found")
    fragments = [n for n in _names(".fragment.tex") if f".{lang}." in n]
    for n in fragments:
        (tmp_path / n).write_bytes(all_files()[n])
    babel = ("\\usepackage[T2A]{fontenc}\n\\usepackage[utf8]{inputenc}\n\\usepackage[russian]{babel}\n"
             if lang == "ru" else "\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n")
    host = ("\\documentclass{article}\n" + babel + "\\usepackage{amsmath}\n\\begin{document}\n"
            + "".join(f"\\input{{{n}}}\n\\clearpage\n" for n in fragments) + "\\end{document}\n")
    (tmp_path / "host.tex").write_text(host, encoding="utf-8")
    proc = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "host.tex"], cwd=tmp_path, check=False,
                          capture_output=True, stdin=subprocess.DEVNULL, timeout=300)
    log = (tmp_path / "host.log").read_text(encoding="utf-8", errors="replace")
    assert proc.returncode == 0, f"host of {lang} fragments: {first_latex_error(log)}"


def test_latex_error_is_reported_with_its_first_line() -> None:
    need(shutil.which("pdflatex") is not None, "pdflatex not found")
    from derive.errors import RenderError

    bad = "\\documentclass{article}\n\\begin{document}\n$\\alert{x}$\n\\end{document}\n"
    with pytest.raises(RenderError, match=r"Undefined control sequence.*line 3"):
        compile_pdf(bad, name="bad.tex")


def test_pdf_is_byte_identical_between_runs() -> None:
    need(shutil.which("pdflatex") is not None, "pdflatex not found")
    tex = all_files()["weight-decay.ru.tex"].decode("utf-8")
    assert compile_pdf(tex) == compile_pdf(tex)


# -- KaTeX and MathJax ----------------------------------------------------------------------------
INLINE = re.compile(r"(?<![\\$])\$(?!\$)([^$\n]+?)(?<!\\)\$")


def math_blocks(md: str) -> list[tuple[str, bool]]:
    """(tex, display) for every $$ block and every inline $ … $ of a MyST page.

    A plain splitter is enough for derive's own output (the checker's extractor handles the rest).
    """
    parts = md.split("$$")
    assert len(parts) % 2 == 1, "unbalanced $$"
    blocks = [(p.strip("\n"), True) for p in parts[1::2]]
    for text in parts[0::2]:
        text = re.sub(r"`[^`\n]*`", "", text)
        blocks += [(m.group(1), False) for m in INLINE.finditer(text)]
    return blocks


def typeset(blocks: list[dict[str, object]]) -> dict[str, object]:
    need(shutil.which("node") is not None, "node not found")
    need((JS / "node_modules" / "katex").is_dir() and (JS / "node_modules" / "mathjax-full").is_dir(),
         "KaTeX/MathJax not installed: run npm ci --prefix tests/js")
    proc = subprocess.run(["node", str(JS / "typeset.mjs")], input=json.dumps(blocks).encode("utf-8"),
                          capture_output=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", errors="replace")
    return json.loads(proc.stdout)


def test_every_math_block_typesets_with_katex_and_mathjax() -> None:
    blocks: list[dict[str, object]] = []
    for name in _names(".md"):
        for i, (tex, display) in enumerate(math_blocks(all_files()[name].decode("utf-8"))):
            blocks.append({"id": f"{name}#{i}", "tex": tex, "display": display})
    assert len(blocks) > 500
    result = typeset(blocks)
    by_id = {b["id"]: b["tex"] for b in blocks}
    errors = [f"{e['id']} [{e['engine']}] {e['message']}\n    {by_id[e['id']]}" for e in result["errors"]]  # type: ignore[index, union-attr]
    assert not errors, "\n".join(errors)


def test_typesetting_harness_reports_errors() -> None:
    """The harness must fail on what the sample notes get wrong: beamer macros, broken braces."""
    result = typeset([
        {"id": "alert", "tex": "\\alert{w_{t-1}}", "display": True},
        {"id": "brace", "tex": "\\frac{1}{", "display": False},
        {"id": "ok", "tex": "\\begin{aligned} a &= b \\\\ &= c \\end{aligned}", "display": True},
    ])
    failed = {(e["id"], e["engine"]) for e in result["errors"]}  # type: ignore[index, union-attr]
    assert failed == {("alert", "katex"), ("alert", "mathjax"), ("brace", "katex"), ("brace", "mathjax")}


def test_pdf_format_writes_only_the_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    need(shutil.which("pdflatex") is not None, "pdflatex not found")
    import argparse

    from derive.render import add_arguments, run

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    out = tmp_path / "out"
    assert run(parser.parse_args(["weight-decay", "--format", "pdf", "--lang", "ru", "--out", str(out)])) == 0
    assert [p.name for p in out.iterdir()] == ["weight-decay.ru.pdf"]
    assert (out / "weight-decay.ru.pdf").read_bytes().startswith(b"%PDF")
    assert run(parser.parse_args(["weight-decay", "--format", "pdf", "--lang", "ru", "--out", str(out), "--check"])) == 0
    capsys.readouterr()
