"""Fast tests of derive.render: the Jinja environment, planning, the CLI worker, the golden flagship,
and the MyST rules every generated page must follow (the mistakes listed in tests/notes/*.expected.json)."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from derive import catalog
from derive.errors import RenderError, UsageError
from derive.render import (
    FLAGSHIP,
    LANGS,
    Target,
    add_arguments,
    file_name,
    get_env,
    plan,
    render_files,
    render_template,
    render_text,
    run,
)

GOLDEN = Path(__file__).parent / "golden"
FLAGSHIP_TARGET = Target(FLAGSHIP, FLAGSHIP)


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="derive render")
    add_arguments(parser)
    return parser.parse_args(list(argv))


@pytest.fixture(scope="module")
def everything() -> dict[str, bytes]:
    """Every text file `derive render --all` writes (rendered once for the module)."""
    return render_files(plan([], all_=True))


# -- the Jinja environment ------------------------------------------------------------------------
def test_undefined_variable_is_a_one_line_render_error(tmp_path: Path) -> None:
    (tmp_path / "t.j2").write_text(r"x = \VAR{no_such_thing}", encoding="utf-8")
    with pytest.raises(RenderError) as err:
        render_template(get_env(tmp_path), "t.j2", {})
    assert "no_such_thing" in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_template_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="not found"):
        render_template(get_env(), "nope.j2", {})


def test_syntax_error_names_template_and_line(tmp_path: Path) -> None:
    (tmp_path / "bad.j2").write_text("ok\n\\BLOCK{if x}\n", encoding="utf-8")
    with pytest.raises(RenderError, match=r"bad\.j2:\d+"):
        render_template(get_env(tmp_path), "bad.j2", {"x": 1})


def test_missing_user_folder_is_a_render_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="does not exist"):
        get_env(tmp_path / "absent")


def test_delimiters_leave_latex_braces_alone(tmp_path: Path) -> None:
    (tmp_path / "t.j2").write_text(
        "\\#{ a comment }\\frac{\\VAR{a}}{2}\n\\BLOCK{for x in xs}\n\\item{\\VAR{x}}\n\\BLOCK{endfor}\n",
        encoding="utf-8")
    out = render_template(get_env(tmp_path), "t.j2", {"a": 1, "xs": [1, 2]})
    assert out == "\\frac{1}{2}\n\\item{1}\n\\item{2}\n"


def test_latex_filter_prints_sympy_in_the_notation(tmp_path: Path) -> None:
    from derive import symbols as S

    (tmp_path / "t.j2").write_text(r"$\VAR{e|latex}$", encoding="utf-8")
    out = render_template(get_env(tmp_path), "t.j2", {"e": 1 - S.eta * S.lam})
    assert out == r"$1 - \eta_{t} \lambda$"


def test_user_folder_overrides_a_builtin_template(tmp_path: Path) -> None:
    (tmp_path / "prose-en.j2").write_text(
        get_env().loader.get_source(get_env(), "prose-en.j2")[0].replace("Weight decay and", "Shrinkage and"),
        encoding="utf-8")
    text = render_text(FLAGSHIP_TARGET, "en", "md", get_env(tmp_path))
    assert "# Shrinkage and l₂ regularization" in text  # MyST headings carry no TeX
    assert "# Weight decay and" in render_text(FLAGSHIP_TARGET, "en", "md", get_env())


def test_unknown_note_code_fails_instead_of_rendering_english(tmp_path: Path) -> None:
    from derive.render import DerivationView, view

    d = view("adam", "l2")
    fake = DerivationView(**{**{f: getattr(d, f) for f in d.__dataclass_fields__}, "notes": ("brand-new-note",)})
    (tmp_path / "t.j2").write_text("\\VAR{p.note(d.notes[0], d)}", encoding="utf-8")
    from derive.render import Markup, _fail, _symbols, make_prose

    env = get_env(tmp_path)
    ctx = {"d": fake, "fmt": Markup("md"), "sym": _symbols(), "fail": _fail, "lang": "ru"}
    make_prose(env, "ru", ctx)
    with pytest.raises(RenderError, match="brand-new-note"):
        render_template(env, "t.j2", ctx)


# -- planning -------------------------------------------------------------------------------------
def test_plan_all_covers_every_catalog_variant_and_the_flagship() -> None:
    targets = plan([], all_=True)
    expected = {f"{n}-{m}" for n, m in catalog.all_variants()} | {FLAGSHIP}
    assert {t.stem for t in targets} == expected
    assert targets == sorted(targets)


def test_plan_reg_filters_and_rejects_unsupported_modes() -> None:
    assert [t.stem for t in plan(["adam"], reg="l2")] == ["adam-l2"]
    assert all(t.reg in ("decoupled", None) for t in plan([], all_=True, reg="decoupled"))
    with pytest.raises(UsageError, match="adamw"):
        plan(["adamw"], reg="l2")
    with pytest.raises(UsageError, match="unknown optimizer"):
        plan(["adamx"])
    with pytest.raises(UsageError):
        plan([])


def test_file_names() -> None:
    t = plan(["momentum"], reg="l2")[0]
    assert file_name(t, "ru", "tex") == "momentum-l2.ru.tex"
    assert file_name(t, "en", "fragment") == "momentum-l2.en.fragment.tex"
    assert file_name(t, "ru", "md") == "momentum-l2.ru.md"
    assert file_name(t, "en", "pdf") == "momentum-l2.en.pdf"


# -- golden files ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ["tex", "fragment", "md"])
def test_flagship_matches_golden(lang: str, fmt: str) -> None:
    name = file_name(FLAGSHIP_TARGET, lang, fmt)  # type: ignore[arg-type]
    golden = (GOLDEN / name).read_text(encoding="utf-8")
    assert render_text(FLAGSHIP_TARGET, lang, fmt, get_env()) == golden, (  # type: ignore[arg-type]
        f"{name} differs from tests/golden; if the change is intended run scripts/regen_golden.py and review the diff")


def test_output_is_byte_identical_between_runs(everything: dict[str, bytes]) -> None:
    again = render_files(plan([], all_=True))
    assert list(again) == list(everything)
    assert again == everything


# -- what the flagship must say -------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_flagship_content(lang: str) -> None:
    md = render_text(FLAGSHIP_TARGET, lang, "md", get_env())  # type: ignore[arg-type]
    assert r"Q(w) = L(w) + \frac{\lambda}{2} \|w\|_2^2" in md
    assert r"\nabla_{w} Q(w) = \nabla_{w} L(w) + \lambda w" in md
    # (a) momentum: the exercise's form, g = 1 - eta_t lambda, the same for every weight
    assert r"w_{t} = g(\lambda) \cdot w_{t-1} - \eta_{t} \cdot h(\nabla_{w} L(w_{t-1}))" in md
    assert r"g(\lambda) &= 1 - \eta_{t} \lambda \qquad \text{(" in md  # no brace wider than the factor
    # (b) Adam + L2: the responsible factor under the brace
    assert (r"1 - \frac{\eta_{t} \lambda (1 - \beta_{1})}{1 - \beta_{1}^{t}} \cdot "
            r"\underbrace{\frac{1}{\sqrt{\hat{v}_{t}} + \varepsilon}}_{\substack{\text{") in md
    # AdamW written out, with the decay outside the adaptive step
    assert r"w_{t} &= w_{t-1} - \eta_{t} \left(\frac{\hat{m}_{t}}{\sqrt{\hat{v}_{t}} + \varepsilon} + \lambda w_{t-1}\right)" in md
    assert r"&= \left(1 - \eta_{t} \lambda\right) w_{t-1}" in md
    assert "Decoupled Weight Decay Regularization" in md and "ICLR 2019" in md and "Loshchilov" in md
    # hidden dependences: m_{t-1} carries lambda, v-hat contains lambda w_{t-1}
    assert md.count("$m_{t-1}$") >= 2
    assert r"$\lambda w_{t-1}$" in md
    lines = md.splitlines()
    assert sum(line.startswith("```{dropdown}") for line in lines) == 2
    assert lines.count("```") == 2


def test_flagship_prose_is_in_the_right_language() -> None:
    ru = render_text(FLAGSHIP_TARGET, "ru", "md", get_env())
    en = render_text(FLAGSHIP_TARGET, "en", "md", get_env())
    assert "вне адаптивного шага" in ru and "{свой у}" in ru and "{каждого веса}" in ru and "Решение" in ru
    assert "outside the adaptive step" in en and "{different for}" in en and "{each weight}" in en and "Solution" in en
    assert not re.search("[а-яё]", en, re.IGNORECASE)


def test_standalone_preambles() -> None:
    ru = render_text(FLAGSHIP_TARGET, "ru", "tex", get_env())
    for line in (r"\documentclass[11pt,a4paper]{article}", r"\usepackage{amsmath}", r"\usepackage[T2A]{fontenc}",
                 r"\usepackage[utf8]{inputenc}", r"\usepackage[russian]{babel}"):
        assert line in ru
    fragment = render_text(FLAGSHIP_TARGET, "ru", "fragment", get_env())
    assert r"\documentclass" not in fragment and r"\begin{document}" not in fragment
    assert r"\usepackage" not in fragment.replace(r"% Needs \usepackage", "")


# -- rules for every generated page ---------------------------------------------------------------
def _outside_dollars(md: str) -> str:
    """The Markdown with every $$…$$ block blanked (line count kept)."""
    parts = md.split("$$")
    assert len(parts) % 2 == 1, "unbalanced $$"
    return "".join(p if i % 2 == 0 else "\n" * p.count("\n") for i, p in enumerate(parts))


def test_markdown_math_is_only_dollars(everything: dict[str, bytes]) -> None:
    pages = {n: b.decode("utf-8") for n, b in everything.items() if n.endswith(".md")}
    assert pages
    for name, md in pages.items():
        assert r"\[" not in md and r"\]" not in md, f"{name}: \\[ is not math in MyST"
        assert r"\alert" not in md, f"{name}: beamer macro"
        prose = _outside_dollars(md)
        for env in ("cases", "aligned", "align", "multline", "equation"):
            assert f"\\begin{{{env}" not in prose, f"{name}: {env} outside $$"
        for block in md.split("$$")[1::2]:
            assert block.startswith("\n") and block.endswith("\n"), f"{name}: $$ must stand on its own line"
            assert "\n\n" not in block, f"{name}: blank line inside $$"
        assert prose.count("```{dropdown}") >= 1


def test_tex_never_uses_beamer_or_bare_environments(everything: dict[str, bytes]) -> None:
    for name, data in everything.items():
        if not name.endswith(".tex"):
            continue
        tex = data.decode("utf-8")
        assert r"\alert" not in tex, name
        # every aligned block sits inside \[ … \]
        outside = re.sub(r"\\\[.*?\\\]", "", tex, flags=re.DOTALL)
        assert r"\begin{aligned}" not in outside and r"\begin{cases}" not in outside, name


def test_every_variant_renders_in_both_languages(everything: dict[str, bytes]) -> None:
    for n, m in catalog.all_variants():
        for lang in LANGS:
            for suffix in (".tex", ".fragment.tex", ".md"):
                assert f"{n}-{m}.{lang}{suffix}" in everything


# -- the CLI worker -------------------------------------------------------------------------------
def test_run_writes_then_check_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert run(parse("adam", "--reg", "l2", "--out", str(out))) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"adam-l2.{lang}{s}" for lang in LANGS for s in (".tex", ".fragment.tex", ".md"))
    assert run(parse("adam", "--reg", "l2", "--out", str(out), "--check")) == 0
    capsys.readouterr()


def test_check_reports_changed_and_missing_files_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert run(parse(FLAGSHIP, "--out", str(out), "--lang", "ru")) == 0
    (out / "weight-decay.ru.md").write_text("edited by hand\n", encoding="utf-8")
    (out / "weight-decay.ru.tex").unlink()
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    capsys.readouterr()
    assert run(parse(FLAGSHIP, "--out", str(out), "--lang", "ru", "--check")) == 1
    lines = capsys.readouterr().out.splitlines()
    assert f"{out / 'weight-decay.ru.md'}: differs" in lines
    assert f"{out / 'weight-decay.ru.tex'}: missing" in lines
    assert len(lines) == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_check_on_missing_folder_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "never"
    assert run(parse("sgd", "--reg", "none", "--out", str(out), "--check")) == 1
    assert not out.exists()
    capsys.readouterr()


def test_format_and_lang_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o"
    assert run(parse("sgd", "--reg", "l2", "--format", "md,fragment", "--lang", "en", "--out", str(out))) == 0
    assert sorted(p.name for p in out.iterdir()) == ["sgd-l2.en.fragment.tex", "sgd-l2.en.md"]
    assert run(parse("sgd", "--reg", "l2", "--format", "md", "--format", "tex", "--lang", "ru",
                     "--out", str(out))) == 0
    assert (out / "sgd-l2.ru.tex").exists() and (out / "sgd-l2.ru.md").exists()
    capsys.readouterr()


@pytest.mark.parametrize("argv, message", [
    (("sgd", "--format", "docx"), "unknown format"),
    (("sgd", "--lang", "de"), "unknown lang"),
    (("nosuch",), "unknown optimizer"),
    (("adamw", "--reg", "none"), "adamw has no mode"),
    ((), "name at least one"),
])
def test_usage_errors_are_one_line_and_exit_2(
        argv: tuple[str, ...], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(parse(*argv, "--out", str(tmp_path / "o"))) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "o").exists()


def test_bad_template_folder_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "optimizer.j2").write_text(r"\VAR{d.no_such_field}", encoding="utf-8")
    assert run(parse("sgd", "--reg", "l2", "--templates", str(tmp_path / "tpl"), "--out", str(tmp_path / "o"))) == 2
    assert "no_such_field" in capsys.readouterr().err


def test_missing_latex_engine_is_a_render_error() -> None:
    from derive.render import compile_pdf

    with pytest.raises(RenderError, match="not found"):
        compile_pdf("\\documentclass{article}", engine="no-such-latex-engine")


def test_first_latex_error_line() -> None:
    from derive.render import first_latex_error

    log = "This is pdfTeX\n! Undefined control sequence.\n<recently read> \\alert \n\nl.12 $\\alert\n"
    assert first_latex_error(log) == "Undefined control sequence. (line 12)"
    assert "no error line" in first_latex_error("all fine\n")
