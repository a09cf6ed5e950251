"""The verifier on small documents: one behaviour per test, each able to fail."""
from __future__ import annotations

import pytest

from derive.check.run import check_source


def findings(text: str, name: str = "doc.md") -> list:
    return check_source(name, text)


def errors(text: str, name: str = "doc.md") -> list:
    return [f for f in findings(text, name) if f.severity == "error"]


ADAM_SYSTEM = r"""
$$
\begin{aligned}
g_t &= \nabla_w L(w_{t-1}) + \lambda w_{t-1}, \\
m_t &= \beta_1 m_{t-1} + (1-\beta_1) g_t, \\
v_t &= \beta_2 v_{t-1} + (1-\beta_2) g_t^2, \\
\hat m_t &= \frac{m_t}{1-\beta_1^t}, \qquad \hat v_t = \frac{v_t}{1-\beta_2^t}, \\
w_t &= w_{t-1} - \eta_t \frac{\hat m_t}{\sqrt{\hat v_t} + \varepsilon}.
\end{aligned}
$$
"""


def test_true_chain_is_clean() -> None:
    doc = ADAM_SYSTEM + r"""
$$
w_t = w_{t-1} - \eta_t \frac{m_t}{(1-\beta_1^t)(\sqrt{\hat v_t}+\varepsilon)}
    = \left(1 - \frac{\eta_t\lambda(1-\beta_1)}{(1-\beta_1^t)(\sqrt{\hat v_t}+\varepsilon)}\right) w_{t-1}
      - \eta_t\frac{\beta_1 m_{t-1} + (1-\beta_1)\nabla_w L(w_{t-1})}{(1-\beta_1^t)(\sqrt{\hat v_t}+\varepsilon)}
$$
"""
    assert errors(doc) == []


def test_first_false_link_only_with_its_line() -> None:
    doc = ADAM_SYSTEM + r"""
$$
w_t = w_{t-1} - \eta_t \frac{m_t}{(1-\beta_1^t)(\sqrt{\hat v_t}+\varepsilon)}
    = w_{t-1} - \eta_t m_t
    = w_{t-1}
$$
"""
    errs = errors(doc)
    assert [(e.code, e.line) for e in errs] == [("math/false", 14)]


def test_trailing_dots_check_the_coefficient_written() -> None:
    good = ADAM_SYSTEM + r"""
$$
w_t = w_{t-1}\left(1 - \frac{\eta_t \lambda (1-\beta_1)}{(1-\beta_1^t)(\sqrt{\hat v_t}+\varepsilon)}\right) - \dots
$$
"""
    bad = good.replace(r"w_{t-1}\left(1 - \frac", r"w_{t-1}\left(1 - 2\frac")
    assert errors(good) == []
    [err] = errors(bad)
    assert err.code == "math/coefficient" and "w_{t-1}" in err.message


def test_definitions_after_use_are_found() -> None:
    doc = r"""
# Momentum
$$ w_t = w_{t-1} - \eta m_t = w_{t-1} - \eta(\mu m_{t-1} + g_t) $$
where
$$ \begin{cases} g_t = \nabla L(w_{t-1}) \\ m_t = \mu m_{t-1} + g_t \\ w_t = w_{t-1} - \eta m_t \end{cases} $$
"""
    assert errors(doc) == []
    assert errors(doc.replace(r"(\mu m_{t-1} + g_t)", r"(\mu m_{t-1} - g_t)"))


def test_heading_starts_a_new_scope() -> None:
    doc = r"""
# One
$$ \begin{cases} m_t = \mu m_{t-1} + g_t \\ w_t = w_{t-1} - \eta m_t \end{cases} $$
# Two
$$ m_t = \beta m_{t-1} + (1-\beta) g_t $$
"""
    assert errors(doc) == []


def test_gradient_of_a_defined_objective() -> None:
    ok = r"$Q(w) = L(w) + \frac{\lambda}{2}\|w\|^2$, so $\nabla_w Q(w) = \nabla_w L(w) + \lambda w$."
    assert errors(ok) == []
    [err] = errors(ok.replace(r"+ \lambda w$", r"+ 2\lambda w$"))
    assert err.code == "math/false"


def test_circular_definition() -> None:
    [err] = errors(r"$$ Q(w) = L(w) + \lambda \nabla_w Q(w) $$")
    assert err.code == "math/circular-definition"


def test_shape_claim_is_info() -> None:
    fs = findings(r"$$ w_t = g(\lambda) \cdot w_{t-1} - \eta_t \cdot h(\nabla_w L(w_{t-1})) $$")
    assert [f.code for f in fs] == ["check/nothing-decided", "math/shape-claim"]
    assert {f.severity for f in fs} == {"info"}


@pytest.mark.parametrize("claim", [
    r"\sum_{i=0}^{t-1} \beta^i = \frac{1-\beta^t}{1-\beta}",
    r"\sqrt{\hat v_t} + \varepsilon \approx \sqrt{\hat v_t}",
    r"0 < \beta_1 < 1",
    r"(1-\beta)\sum_{i=1}^{t} \beta^{t-i} = 1 - \beta^t",
])
def test_true_or_unmodelled_statements_are_not_errors(claim: str) -> None:
    assert errors(f"$$ {claim} $$") == []


@pytest.mark.parametrize("claim", [
    r"\sum_{i=0}^{t-1} \beta^i = \frac{1-\beta^{t-1}}{1-\beta}",
    r"(1-\beta)\sum_{i=1}^{t} \beta^{t-i} = 1 - \beta^{t+1}",
    r"\sqrt{a + b} = \sqrt{a} + \sqrt{b}",
])
def test_false_identities(claim: str) -> None:
    [err] = errors(f"$$ {claim} $$")
    assert err.code == "math/false"


def test_latex_document() -> None:
    doc = r"""\documentclass{article}
\begin{document}
\section{SGD}
\begin{align*}
g_t &= \nabla L(w_{t-1}) + \lambda w_{t-1} \\
w_t &= w_{t-1} - \eta_t g_t
\end{align*}
Hence
\[ w_t = (1 - \eta_t\lambda) w_{t-1} - \eta_t \nabla L(w_{t-1}) = (1 + \eta_t\lambda) w_{t-1} - \eta_t \nabla L(w_{t-1}). \]
\end{document}
"""
    [err] = errors(doc, "notes.tex")
    assert err.code == "math/false" and err.line == 9


def test_recognises_catalog_and_double_regularization() -> None:
    base = r"""$Q(w) = L(w) + \frac{\lambda}{2}\|w\|^2$.
$$ \begin{cases} g_t = \nabla_w Q(w_{t-1}) \\ m_t = \mu m_{t-1} + g_t \\ w_t = w_{t-1} - \eta_t m_t \end{cases} $$
"""
    codes = {f.code: f for f in findings(base)}
    assert "system/recognized" in codes and "momentum" in codes["system/recognized"].message
    twice = base.replace(r"g_t = \nabla_w Q(w_{t-1})", r"g_t = \nabla_w Q(w_{t-1}) + \lambda w_{t-1}")
    [err] = errors(twice)
    assert err.code == "system/regularized-twice" and err.line == 2


def test_renamed_hyperparameters_are_recognised() -> None:
    doc = r"$$ \begin{cases} g_t = \nabla L(w_{t-1}) \\ m_t = \gamma m_{t-1} + g_t \\ w_t = w_{t-1} - \alpha m_t \end{cases} $$"
    [rec] = [f for f in findings(doc) if f.code == "system/recognized"]
    assert "SGD with momentum without regularization" in rec.message


def test_unknown_macro_is_a_warning_not_a_guess() -> None:
    fs = findings(r"$$ w_t = \foo w_{t-1} = w_{t-1} + 1 $$")
    assert [f.code for f in fs if f.severity != "info"] == ["parse/unknown-macro"]


def test_undefined_wrapper_makes_a_false_link_undecided() -> None:
    """``\\foo{x}`` defined nowhere is read as x; a link that is false only under that reading is a note."""
    fs = findings(r"$$ w_t = \foo{w_{t-1}} = w_{t-1} + 1 $$")
    assert [f.code for f in fs if f.severity != "info"] == []
    assert any(f.code == "math/undecided" and "\\foo" in f.message for f in fs), fs


def test_near_catalog_system_names_the_differing_row() -> None:
    from pathlib import Path
    path = Path(__file__).parent / "docs" / "v_without_square.en.md"
    [warning] = [f for f in findings(path.read_text(), str(path)) if f.severity == "warning"]
    assert warning.code == "system/differs" and warning.line == 5
    assert "except v_t" in warning.message and "g_t^2" in warning.message


SHAPE = r"""
Write the step as $w_t = g(\lambda) \cdot w_{t-1} - \eta_t \cdot h(\nabla_w L(w_{t-1}))$.

$$
\begin{cases} g_t = \nabla_w L(w_{t-1}) + \lambda w_{t-1} \\ m_t = \mu m_{t-1} + g_t \\ w_t = w_{t-1} - \eta_t m_t \end{cases}
$$

Answer: $g(\lambda) = 1 - \eta_t \lambda$.
"""


def test_the_answer_for_g_is_checked_against_the_shape_claim() -> None:
    assert errors(SHAPE) == []
    [err] = errors(SHAPE.replace(r"g(\lambda) = 1 - \eta_t \lambda", r"g(\lambda) = 1 - \eta_t \mu \lambda"))
    assert err.code == "math/coefficient" and err.line == 8 and "1 − η_t·λ" in err.message
