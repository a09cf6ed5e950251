"""Displays: every public object shows itself as the notes write it (Markdown/LaTeX in Jupyter), has a
short ``repr``, and ``str()``/SymPy's pretty printer show the textbook letters."""
from __future__ import annotations

import re

import pytest
import sympy as sp

import derive
from derive import printing
from derive import symbols as S

DATACLASS_REPR = re.compile(r"\b(system|steps|definitions|analysis|expr|coefficients)=")


@pytest.fixture(scope="module")
def adam_l2() -> derive.Derivation:
    return derive.derive("adam", "l2")


def _objects(d: derive.Derivation) -> dict[str, object]:
    return {"derivation": d, "step": d.steps[2], "system": d.system, "definition": d.system.definitions[1],
            "note": d.notes[-1], "analysis": d.analysis, "unrolled": d.unroll(2)}


def test_reprs_are_short_and_not_dataclass_dumps(adam_l2: derive.Derivation) -> None:
    for name, obj in _objects(adam_l2).items():
        text = repr(obj)
        assert len(text) <= 420, (name, len(text))
        assert not DATACLASS_REPR.search(text), (name, text)
        assert "\\" not in text, (name, text)  # textbook letters, not raw LaTeX names
    assert repr(adam_l2).startswith("Derivation(adam --reg l2: g(λ) = 1 − ")
    assert repr(adam_l2).endswith("per-coordinate)")


def test_every_object_has_markdown_and_latex(adam_l2: derive.Derivation) -> None:
    for name, obj in _objects(adam_l2).items():
        markdown = obj._repr_markdown_()  # type: ignore[attr-defined]
        assert "$" in markdown and not DATACLASS_REPR.search(markdown), name
        if hasattr(obj, "_repr_latex_"):
            latex = obj._repr_latex_()
            assert latex.startswith("$") and latex.endswith("$"), name
            assert latex.count("\\begin{") == latex.count("\\end{"), name


def test_derivation_shows_system_form_answer_kind_and_notes(adam_l2: derive.Derivation) -> None:
    md = adam_l2._repr_markdown_()
    assert "\\left\\{\\begin{aligned}" in md                       # the system
    assert adam_l2.form_latex() in md                              # the step form
    assert f"g(\\lambda) &= {adam_l2.decay_latex()}" in md          # g(λ)
    assert f"h &= {adam_l2.h_latex()}" in md                        # h
    assert "**per-coordinate**" in md
    assert "carries $\\lambda w$ from past steps" in md             # a note, with its math
    latex = adam_l2._repr_latex_()
    assert adam_l2.form_latex() in latex and "per-coordinate" in latex


def test_step_reads_w_t_equals_with_its_reason(adam_l2: derive.Derivation) -> None:
    step = adam_l2.steps[2]
    assert repr(step).startswith("Step(w_t = w_{t-1} − ")
    assert "[substitute m_t: first moment]" in repr(step)
    assert step._repr_latex_().startswith("$\\displaystyle w_{t} = ")
    assert "\\text{substitute } m_{t}\\text{: first moment}" in step._repr_latex_()
    assert "*substitute $m_{t}$: first moment*" in step._repr_markdown_()


def test_system_reads_as_in_the_notes(adam_l2: derive.Derivation) -> None:
    assert str(adam_l2.system).splitlines()[1] == "m_t = β₁·m_{t-1} + (1 − β₁)·g_t"
    assert "m_{t} &= \\beta_{1} m_{t-1} + (1 - \\beta_{1}) g_{t}" in adam_l2.system._repr_latex_()
    assert repr(adam_l2.system.definitions[1]) == "Definition(m_t = β₁·m_{t-1} + (1 − β₁)·g_t  [first moment])"


def test_str_and_pretty_show_textbook_letters_and_latex_is_unchanged(adam_l2: derive.Derivation) -> None:
    assert str(S.eta) == "η_t" and str(S.beta1) == "β₁" and str(S.v_hat) == "v̂_t"
    text = str(adam_l2.decay)
    assert "η_t" in text and "\\eta" not in text and "\\hat" not in text
    pretty = sp.pretty(adam_l2.decay, use_unicode=True)
    assert "ηₜ" in pretty and "β₁" in pretty and "\\" not in pretty
    assert sp.latex(S.eta) == "\\eta_{t}" and sp.latex(S.v_hat) == "\\hat{v}_{t}"
    assert printing.latex(adam_l2.decay).count("\\eta_{t}") == 1  # the notes' printer is untouched


def test_lambdify_still_works_with_textbook_names() -> None:
    f = sp.lambdify([S.eps, S.beta1, S.w_prev, S.v_hat, S.eta], S.eps + S.beta1 * S.w_prev + sp.sqrt(S.v_hat) * S.eta)
    assert f(1.0, 2.0, 3.0, 4.0, 0.5) == 8.0


def test_undeclared_names_print_as_text_not_half_latex() -> None:
    """The printing slip of issue 10: √hat{v}_{t+1}."""
    shifted = S.symbol(r"\hat{v}_{t+1}")
    assert printing.text(sp.sqrt(shifted)) == "√v̂_{t+1}"
    assert str(shifted) == "\\hat{v}_{t+1}"  # a plain SymPy symbol keeps SymPy's own str
    assert printing.text(S.symbol(r"\nabla_{w} L(w_{t})")) == "∇L(w_{t})"
    out = str(derive.derive("adam", "l2").unroll(3))
    assert "hat{" not in out and "\\" not in out


def test_notes_have_markdown_with_math_and_plain_text() -> None:
    d = derive.derive("adamw-paper", "decoupled")
    texts = {n.code: n for n in d.notes}
    note = texts["decay-not-times-base-rate"]
    assert "λ_framework = λ_paper/α" in note.text and "$" not in note.text
    assert "$\\eta_{t} \\alpha$" in note.markdown
    assert str(note) == note.text
