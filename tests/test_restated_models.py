"""A function written again on a new feature is a new model, not a claim about the first (fresh6, a Chinese note
on polynomial regression): ``h_θ(x) = θ₀ + θ₁·frontage + θ₂·depth``, then ``x = frontage·depth`` and "then
``h_θ(x) = θ₀ + θ₁x``". A slip in a restatement that keeps the model's names is still reported."""
from __future__ import annotations

from pathlib import Path

import pytest

from derive.check.latex import parse_expr
from derive.check.latex_tokens import reads_as_word
from derive.check.run import CheckOptions, check_paths

MODEL = {
    "en": ("For house prices we take the model\n\n$h_{\\theta}(x) = \\theta_0 + \\theta_1 \\times frontage + \\theta_2 "
           "\\times depth$\n\nWith $x_1 = frontage$, $x_2 = depth$ and the new feature $x = frontage \\times depth = "
           "area$, then $h_{\\theta}(x) = \\theta_0 + \\theta_1 x$.\n"),
    "zh": ("如房价预测问题，\n\n$h_{\\theta}\\left( x \\right)={\\theta_{0}}+{\\theta_{1}}\\times{frontage}+{\\theta_{2}}"
           "\\times{depth}$\n\n${x_{1}}=frontage$（临街宽度），${x_{2}}=depth$（纵向深度），$x=frontage*depth=area$（面积），"
           "则：${h_{\\theta}}\\left( x \\right)={\\theta_{0}}+{\\theta_{1}}x$。\n"),
    "ru": ("Для цены дома возьмём модель\n\n$h_{\\theta}(x) = \\theta_0 + \\theta_1 \\cdot frontage + \\theta_2 \\cdot "
           "depth$\n\nПусть $x_1 = frontage$, $x_2 = depth$, а новый признак $x = frontage \\cdot depth = area$, "
           "тогда $h_{\\theta}(x) = \\theta_0 + \\theta_1 x$.\n"),
}


def links(tmp_path: Path, text: str) -> list[tuple[int, str, str]]:
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / "notes.md").write_text("# Features\n\n" + text, encoding="utf-8")
    result = check_paths([str(tmp_path)], CheckOptions())
    return [(k.line, k.verdict, k.reason) for k in result.links]


@pytest.mark.parametrize("language", sorted(MODEL))
def test_a_model_written_again_on_a_new_feature_is_not_refuted(tmp_path: Path, language: str) -> None:
    found = links(tmp_path, MODEL[language])
    last = found[-1]
    assert last[1] == "undecided" and "a new model" in last[2], found
    assert "x defined after it" in last[2] and "θ_{2}" in last[2] and "“frontage”" in last[2], last
    assert not [k for k in found if k[1] == "false"], found


def test_the_same_model_written_again_is_never_refuted(tmp_path: Path) -> None:
    """``h_θ(x)`` is read as h_θ times x (a subscripted h is a step size to the parser): written again with its
    factors swapped it is the same model, and a false verdict would rest on the product reading."""
    text = ("The model is\n\n$$h_{\\theta}(x) = \\theta_0 + \\theta_1 x$$\n\nso\n\n"
            "$$h_{\\theta}(x) = \\theta_0 + x \\theta_1$$\n")
    last = links(tmp_path, text)[-1]
    assert last[1] == "undecided" and "may be a function of its argument" in last[2], last


def test_a_changed_letter_without_a_role_is_not_a_new_model(tmp_path: Path) -> None:
    """θ₂ for θ₁, a name the notes gave no role between the two lines and not the argument: no new model."""
    text = ("The model is\n\n$$h_{\\theta}(x) = \\theta_0 + \\theta_1 x$$\n\nso\n\n"
            "$$h_{\\theta}(x) = \\theta_0 + \\theta_2 x$$\n")
    last = links(tmp_path, text)[-1]
    assert "a new model" not in last[2], last


def test_a_new_model_needs_the_first_to_be_a_definition(tmp_path: Path) -> None:
    """A slip in a plain identity with the same shape is still false: nothing here is written anew."""
    text = "We have\n\n$$\\theta_0 + \\theta_1 x + \\theta_1 x = \\theta_0 + 3 \\theta_1 x$$\n"
    assert links(tmp_path, text)[-1][1] == "false"


@pytest.mark.parametrize("word, name", [("frontage", True), ("depth", True), ("area", True), ("dxdt", False),
                                        ("xy", False), ("abc", False), ("xsinx", False)])
def test_a_spelled_out_word_is_one_name(word: str, name: bool) -> None:
    assert reads_as_word(word) is name
    expr = parse_expr(f"\\theta_1 {word}")
    assert (len(expr.free_symbols) == 2) is name, expr


def test_a_word_in_an_index_stays_a_label() -> None:
    assert parse_expr(r"v_{dW}^{corrected}").free_symbols == parse_expr(r"v_{dW}^{corrected}").free_symbols
    assert "corrected" in str(parse_expr(r"v_{dW}^{corrected}"))


@pytest.mark.parametrize("sized", [False, True])
def test_a_further_model_after_the_new_feature_is_never_refuted(tmp_path: Path, sized: bool) -> None:
    # "或者三次方模型：h_θ(x) = θ₀ + θ₁x₁ + θ₂x₂² + θ₃x₃³": another model; h_θ\left( x \right) is the call all the same
    head = "h_{\\theta}\\left( x \\right)" if sized else "h_{\\theta}(x)"
    text = MODEL["zh"] + ("线性回归并不适用于所有数据，比如一个二次方模型：$" + head + "={\\theta_{0}}+{\\theta_{1}}{x_{1}}+"
                          "{\\theta_{2}}{x_{2}^2}$\n 或者三次方模型： $" + head + "={\\theta_{0}}+{\\theta_{1}}{x_{1}}+"
                          "{\\theta_{2}}{x_{2}^2}+{\\theta_{3}}{x_{3}^3}$\n")
    assert "false" not in [verdict for _, verdict, _ in links(tmp_path, text)]


def test_a_letter_before_a_sized_bracket_may_be_a_call(tmp_path: Path) -> None:
    """``w\\left( x + 1 \\right)`` refuted as the product w·(x + 1) is doubted as the call w(x + 1), as ``w(x + 1)`` is:
    the sizing is dropped before the call shape is looked for. (The model fixture above no longer reaches this
    doubt: ``h_θ(x) = θ₀ + θ₁x`` now makes ``h`` with a label a function.)"""
    found = links(tmp_path, "$$w\\left( x + 1 \\right) = w x + 2$$\n")
    assert found[-1][1] == "undecided" and "may be a function of its argument" in found[-1][2], found
