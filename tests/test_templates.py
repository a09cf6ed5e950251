"""Templates as an extension point: one block or macro overridden, errors that name the file and block,
the sandbox, ``derive templates``, engines, languages from a user's prose file, and the notation map."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from derive.errors import RenderError, UsageError
from derive.notation import NotationError, Notation, load_notation, parse_notation
from derive.render import (
    FLAGSHIP,
    Settings,
    Target,
    add_arguments,
    available_langs,
    enclosing_scope,
    get_env,
    plan,
    render_files,
    render_text,
    run,
)

HERE = Path(__file__).parent
ADAM_L2 = Target("adam-l2", "adam", "l2")


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="derive render")
    add_arguments(parser)
    return parser.parse_args(list(argv))


def write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# -- overriding one block or one macro ------------------------------------------------------------
def test_one_block_overridden_the_rest_unchanged(tmp_path: Path) -> None:
    write(tmp_path, "optimizer.j2", '\\BLOCK{extends "builtin/optimizer.j2"}\n'
                                    "\\BLOCK{block task}\n**Our task.** Find $g$ for \\VAR{p.name(d)}.\n\\BLOCK{endblock}\n")
    mine = render_text(ADAM_L2, "en", "md", get_env(tmp_path))
    stock = render_text(ADAM_L2, "en", "md", get_env())
    assert "**Our task.** Find $g$ for Adam." in mine and "**Exercise.**" not in mine
    assert "**Exercise.**" in stock
    # everything outside the block is the built-in text
    assert mine.split("**Our task.**")[0] == stock.split("**Exercise.**")[0]
    assert mine.split("```{dropdown}")[1] == stock.split("```{dropdown}")[1]


def test_super_keeps_the_builtin_block(tmp_path: Path) -> None:
    write(tmp_path, "optimizer.j2", '\\BLOCK{extends "builtin/optimizer.j2"}\n'
                                    "\\BLOCK{block reference}\n\\VAR{super()}\nSee also the lecture of week 3.\n\\BLOCK{endblock}\n")
    text = render_text(Target("adamw-decoupled", "adamw", "decoupled"), "en", "md", get_env(tmp_path))
    assert "Decoupled weight decay was proposed" in text and "See also the lecture of week 3." in text


def test_one_prose_macro_overridden_reaches_every_sentence_that_uses_it(tmp_path: Path) -> None:
    write(tmp_path, "prose-en.j2", "\\BLOCK{macro name(d)}the optimizer «\\VAR{d.title}»\\BLOCK{endmacro}\n")
    text = render_text(ADAM_L2, "en", "md", get_env(tmp_path))
    assert "# the optimizer «Adam» with l₂ regularization" in text  # title() calls p.name()
    assert "Write one step of the optimizer «Adam» in the form" in text  # task() calls p.name()
    assert "**Exercise.**" in text  # the other macros are the built-in ones


def test_header_block_overridden_for_xelatex() -> None:
    env = get_env(HERE / "templates_xe")
    tex = render_text(ADAM_L2, "ru", "tex", Settings(env=env, engine="xelatex"))
    assert "\\usepackage{fontspec}\n\\setmainfont{DejaVu Serif}\n\\usepackage[russian]{babel}" in tex
    assert "fontenc" not in tex and "\\usepackage{amsmath}" in tex


@pytest.mark.parametrize("engine", ["xelatex", "lualatex"])
def test_builtin_header_for_unicode_engines(engine: str) -> None:
    tex = render_text(ADAM_L2, "ru", "tex", Settings(engine=engine))
    assert "\\usepackage{fontspec}" in tex and "inputenc" not in tex and "CMU Serif" in tex
    assert "fontspec" not in render_text(ADAM_L2, "ru", "tex", Settings())


# -- languages ------------------------------------------------------------------------------------
def test_a_german_prose_file_makes_lang_de_available(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env = get_env(HERE / "templates_de")
    assert available_langs(env) == ["ru", "en", "de"]
    out = tmp_path / "o"
    assert run(parse("adam", "--reg", "l2", "--lang", "de", "--templates", str(HERE / "templates_de"),
                     "--out", str(out))) == 0
    md = (out / "adam-l2.de.md").read_text(encoding="utf-8")
    tex = (out / "adam-l2.de.tex").read_text(encoding="utf-8")
    assert "# Adam mit l₂-Regularisierung" in md and "Lösung" in md and "für jedes Gewicht anders".split()[0] in md
    assert "\\usepackage[ngerman]{babel}" in tex
    assert capsys.readouterr().err == ""  # every macro the optimizer page needs is German


def test_missing_german_macros_fall_back_to_english_with_a_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "prose-de.j2", "\\BLOCK{macro task_label()}Aufgabe.\\BLOCK{endmacro}\n")
    assert run(parse("sgd", "--reg", "l2", "--lang", "de", "--templates", str(tmp_path),
                     "--out", str(tmp_path / "o"))) == 0
    err = capsys.readouterr().err
    assert "prose-de.j2 has no" in err and "the English text is used" in err and "task_label" not in err
    assert "**Aufgabe.**" in (tmp_path / "o" / "sgd-l2.de.md").read_text(encoding="utf-8")


def test_unknown_language_says_how_to_add_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(parse("sgd", "--lang", "fr", "--out", str(tmp_path / "o"))) == 2
    err = capsys.readouterr().err
    assert "unknown lang 'fr'" in err and "prose-fr.j2" in err and err.count("\n") == 1


# -- errors in a user's template: one line, file, line, block; exit code 2 --------------------------
@pytest.mark.parametrize("body, fragment", [
    ("\\BLOCK{block task}\n\\VAR{1 / 0}\n\\BLOCK{endblock}\n", "ZeroDivisionError"),
    ("\\BLOCK{block task}\n\\VAR{d.title + 1}\n\\BLOCK{endblock}\n", "TypeError"),
    ("\\BLOCK{block task}\n\\VAR{fail('the lecturer says no')}\n\\BLOCK{endblock}\n", "the lecturer says no"),
    ("\\BLOCK{block task}\n\\VAR{d.no_such_field}\n\\BLOCK{endblock}\n", "no_such_field"),
])
def test_a_failing_block_is_named_with_file_and_line(
        tmp_path: Path, body: str, fragment: str, capsys: pytest.CaptureFixture[str]) -> None:
    tpl = tmp_path / "tpl"
    path = write(tpl, "optimizer.j2", '\\BLOCK{extends "builtin/optimizer.j2"}\n' + body)
    assert run(parse("sgd", "--reg", "l2", "--templates", str(tpl), "--out", str(tmp_path / "o"))) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and fragment in err
    assert f"{path}:3 (block task)" in err
    assert not (tmp_path / "o").exists()


def test_a_macro_that_recurses_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tpl = tmp_path / "tpl"
    path = write(tpl, "prose-en.j2", "\\BLOCK{macro name(d)}\n\\VAR{p.name(d)}\n\\BLOCK{endmacro}\n")
    assert run(parse("sgd", "--reg", "l2", "--lang", "en", "--templates", str(tpl),
                     "--out", str(tmp_path / "o"))) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "recursion" in err and str(path) in err and "(macro name)" in err


def test_a_template_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tpl = tmp_path / "tpl"
    path = write(tpl, "prose-ru.j2", "\\BLOCK{macro task_label()}Задача.\\BLOCK{endmacro}\n".encode("cp1251"))
    assert run(parse("sgd", "--reg", "l2", "--lang", "ru", "--templates", str(tpl),
                     "--out", str(tmp_path / "o"))) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{path}:1" in err and "not UTF-8" in err


def test_syntax_error_in_an_included_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tpl = tmp_path / "tpl"
    path = write(tpl, "optimizer.j2", "ok\n\\BLOCK{if d.reg}\n")
    assert run(parse("sgd", "--reg", "l2", "--templates", str(tpl), "--out", str(tmp_path / "o"))) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{path}:" in err


def test_enclosing_scope() -> None:
    source = "a\n\\BLOCK{block x}\nb\n\\BLOCK{macro m(d)}\nc\n\\BLOCK{endmacro}\nd\n\\BLOCK{endblock}\ne\n"
    assert [enclosing_scope(source, n) for n in (1, 3, 5, 7, 9)] == [None, "block x", "macro m", "block x", None]


# -- the sandbox ------------------------------------------------------------------------------------
def test_sandbox_refuses_python_internals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tpl = tmp_path / "tpl"
    write(tpl, "optimizer.j2", '\\BLOCK{extends "builtin/optimizer.j2"}\n'
                               "\\BLOCK{block task}\n\\VAR{fmt.display.__globals__}\n\\BLOCK{endblock}\n")
    out = tmp_path / "o"
    assert run(parse("sgd", "--reg", "l2", "--templates", str(tpl), "--out", str(out), "--lang", "en")) == 0
    assert "__builtins__" in (out / "sgd-l2.en.md").read_text(encoding="utf-8")  # without it: reachable
    capsys.readouterr()
    assert run(parse("sgd", "--reg", "l2", "--templates", str(tpl), "--out", str(tmp_path / "o2"),
                     "--lang", "en", "--sandbox")) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "__globals__" in err and "optimizer.j2:3 (block task)" in err


def test_sandbox_renders_the_builtin_templates_identically() -> None:
    targets = plan(["adam", FLAGSHIP], reg="l2")
    assert render_files(targets, env=get_env(sandbox=True)) == render_files(targets)


# -- derive templates -----------------------------------------------------------------------------
def test_templates_list_and_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from derive.cli import main

    assert main(["templates", "list"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"optimizer\.j2 +blocks: heading, intro, task, solution, system", out)
    assert re.search(r"prose-en\.j2 +macros: name, and_list, title", out)
    folder = tmp_path / "mine"
    assert main(["templates", "copy", str(folder), "prose-en.j2", "optimizer.j2"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["optimizer.j2", "prose-en.j2"]
    (folder / "prose-en.j2").write_text("edited", encoding="utf-8")
    assert main(["templates", "copy", str(folder), "prose-en.j2"]) == 2
    assert (folder / "prose-en.j2").read_text(encoding="utf-8") == "edited"  # nothing overwritten
    assert "already has prose-en.j2" in capsys.readouterr().err
    assert main(["templates", "copy", str(folder), "nope.j2"]) == 2
    write(folder, "optimizer.j2", '\\BLOCK{extends "builtin/optimizer.j2"}\\BLOCK{block task}x\\BLOCK{endblock}')
    assert main(["templates", "list", "--templates", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "extends builtin/optimizer.j2, overrides blocks: task" in out


def test_copied_templates_render_the_same() -> None:
    import tempfile

    from derive.template_tools import copy

    with tempfile.TemporaryDirectory() as folder:
        copy(folder, [])
        targets = plan(["momentum", FLAGSHIP], reg="l2")
        assert render_files(targets, env=get_env(folder)) == render_files(targets)


# -- the notation map -----------------------------------------------------------------------------
def test_notation_flag_applies_to_every_formula(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o"
    assert run(parse("adam", "--reg", "l2", "--lang", "en", "--notation", r"w=\theta,eta=\alpha,t=k",
                     "--out", str(out))) == 0
    md = (out / "adam-l2.en.md").read_text(encoding="utf-8")
    tex = (out / "adam-l2.en.tex").read_text(encoding="utf-8")
    for text in (md, tex):
        assert r"\theta_{k} &= \theta_{k-1} - \alpha_{k}" in text
        assert r"Q(\theta) = L(\theta) + \frac{\lambda}{2} \|\theta\|_2^2" in text
        assert r"1 - \beta_{1}^{k}" in text
        maths = "".join(re.findall(r"\$\$?(.*?)\$\$?", text, re.S))
        assert not re.search(r"(?<![\\A-Za-z])w(?![A-Za-z])|_\{t|\^\{t\}|\\eta", maths)
    assert "% Notation: \\eta → \\alpha, w → \\theta, t → k." in md


def test_notation_from_pyproject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.derive.notation]\nw = "\\\\theta"\nt = "k"\n', encoding="utf-8")
    (tmp_path / "notes").mkdir()
    assert load_notation(tmp_path / "notes") == Notation(((("w", r"\theta"),)), "k", 0)
    monkeypatch.chdir(tmp_path)
    assert run(parse("sgd", "--reg", "l2", "--lang", "en", "--format", "md", "--out", "o")) == 0
    assert r"\theta_{k} &= \theta_{k-1}" in (tmp_path / "o" / "sgd-l2.en.md").read_text(encoding="utf-8")


def test_notation_clash_is_an_error_not_a_silent_rename(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the paper's entries use α for the base rate: η → α would merge two symbols
    assert run(parse("adamw-paper", "--reg", "decoupled", "--notation", r"eta=\alpha",
                     "--out", str(tmp_path / "o"))) == 2
    err = capsys.readouterr().err
    assert "already uses \\alpha" in err and "map \\alpha too" in err and err.count("\n") == 1
    assert run(parse("adamw-paper", "--reg", "decoupled", "--notation", r"eta=\alpha,alpha=\alpha_0",
                     "--lang", "en", "--out", str(tmp_path / "o"))) == 0
    md = (tmp_path / "o" / "adamw-paper-decoupled.en.md").read_text(encoding="utf-8")
    assert r"\alpha_{t} \alpha_0" in md or r"\alpha_{t} {\alpha_0}" in md


@pytest.mark.parametrize("spec, message", [
    ("w", "write NAME=LATEX"),
    ("w=$x$", "not a piece of math"),
    ("w=\\theta,eta=\\theta", "both"),
    ("t=kk", "step index"),
    ("w1=x", "give one letter"),
])
def test_bad_notation_maps(spec: str, message: str) -> None:
    with pytest.raises(NotationError, match=re.escape(message)):
        parse_notation(spec)


def test_notation_round_trip_for_the_checker() -> None:
    n = parse_notation({"w": r"\theta", "eta": "α", "t": "k"})
    canonical = r"w_{t} = w_{t-1} - \eta_{t} \frac{\hat{m}_{t}}{\sqrt{\hat{v}_{t}} + \varepsilon} + \beta_{1}^{t}"
    user = n.to_user(canonical)
    assert user == r"\theta_{k} = \theta_{k-1} - \alpha_{k} \frac{\hat{m}_{k}}{\sqrt{\hat{v}_{k}} + \varepsilon} + \beta_{1}^{k}"
    assert n.to_canonical(user) == canonical
    assert n.to_user(r"\text{the weight w at step t}") == r"\text{the weight w at step t}"


def test_user_system_written_back_in_its_own_letters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o"
    assert run(parse("--system", f"{HERE / 'own' / 'lecture.en.md'}:29", "--lang", "en", "--format", "md",
                     "--out", str(out))) == 0
    md = (out / "momentum-with-dampening.en.md").read_text(encoding="utf-8")
    assert r"\theta_{k} &= \theta_{k-1} - \alpha m_{k}" in md
    assert r"g(\lambda) &= 1 - \alpha \lambda (1 - \tau)" in md
    assert "w_{" not in md and "_{t" not in md


def test_unknown_engine_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="engine"):
        render_text(ADAM_L2, "en", "tex", Settings(engine="tectonic"))


def test_render_error_type_for_missing_template_folder(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="does not exist"):
        get_env(tmp_path / "nope", sandbox=True)
