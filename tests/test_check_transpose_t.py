r"""``^T`` read as a transpose from the evidence of the whole document (:mod:`derive.check.transpose_t`).

A ``T`` that is never a quantity in a document (no ``\sum_{t=1}^T``, no ``T - 1``, no ``$T$``) and is written as
``a^T b`` is the transpose; anywhere ``T`` counts something, ``\beta^T g`` stays ambiguous (undecided, not read).
"""
from __future__ import annotations

import pytest

from derive.check.latex import LatexParseError, parse_block, parse_expr
from derive.check.run import check_document
from derive.check.transpose_t import t_is_transpose


@pytest.mark.parametrize(("texts", "expected"), [
    ([r"\beta^T x_i", r"(Xw - y)^{T}(Xw - y)"], True),
    ([r"\beta^T x_i", r"\sum_{t=1}^T g_t"], False),           # an upper limit: a count
    ([r"\beta^T x_i", r"\sum\limits_{t=1}^{T} g_t"], False),
    ([r"\beta^T x_i", r"\prod^T_{t=1} a_t"], False),
    ([r"\beta^T x_i", "T"], False),                           # $T$ in a sentence
    ([r"\beta^T x_i", r"\beta^{T-1}"], False),                # T inside a power
    ([r"\beta^T x_i", r"t = 1, \dots, T"], False),
    ([r"\theta_{i}^T x", r"{x^*}^T A x^*", r"\mathrm{T}"], True),
    ([r"a + b"], True),
])
def test_the_letter_t_is_a_transpose_only_when_never_a_quantity(texts: list[str], expected: bool) -> None:
    assert t_is_transpose(texts) is expected


def _only(text: str, **kw: bool):
    block = parse_block(text, **kw)
    assert not block.problems, block.problems
    (statement,) = block.statements
    return [term.expr for term in statement.terms]


def test_a_transpose_before_a_factor_is_read_in_a_note_without_t() -> None:
    beta_x, = _only(r"\beta^T x_i", transpose_t=True)
    assert beta_x == parse_expr(r"\beta^\top x_i")
    grad_p, = _only(r"\nabla f(z)^T p", transpose_t=True)
    assert grad_p == parse_expr(r"\nabla f(z)^\top p")
    square, = _only(r"(a - b)^T (a - b)", transpose_t=True)
    assert square == parse_expr(r"(a - b)^\top (a - b)")


@pytest.mark.parametrize("text", [r"\beta^T x_i", r"(a - b)^T (a - b)"])
def test_without_the_document_evidence_t_stays_ambiguous(text: str) -> None:
    block = parse_block(text)
    assert [p.message for p in block.problems] == [
        "ambiguous '^T' (transpose or power?): write ^\\top or ^{T} on a vector name"]


@pytest.mark.parametrize("text", [r"\beta^T", r"\beta^T + 1", r"\beta^T 2", r"(a - b)^T"])
def test_a_t_with_no_factor_after_it_stays_ambiguous(text: str) -> None:
    block = parse_block(text, transpose_t=True)
    assert block.problems, text


def test_parse_expr_default_keeps_the_old_reading() -> None:
    with pytest.raises(LatexParseError):
        parse_expr(r"\beta^T x")


LOGISTIC = r"""
# Logistic regression

With the sigmoid

$$
h(w) = \frac{e^w}{1+e^w}
$$

the loss of one example is $\ell_i = y_i \log(h(\beta^T x_i)) + (1-y_i) \log(1-h(\beta^T x_i))$, and we get

$$
\frac{\partial \ell_i}{\partial \beta_j}
= \frac{y_i h'(\beta^T x_i) x_{ij}}{h(\beta^T x_i)} - \frac{(1 - y_i) h'(\beta^T x_i) x_{ij}}{1 - h(\beta^T x_i)}
= h'(\beta^T x_i) x_{ij} \left(\frac{y_i}{h(\beta^T x_i)} - \frac{1-y_i}{1-h(\beta^T x_i)} \right)
$$
"""

#: The same note with a sign slipped in the second term.
LOGISTIC_SLIP = LOGISTIC.replace(r"\frac{y_i}{h(\beta^T x_i)} - \frac{1-y_i}", r"\frac{y_i}{h(\beta^T x_i)} + \frac{1-y_i}")

#: The same display in a note where T is a horizon: β^T may be a power, so nothing is read.
LOGISTIC_HORIZON = LOGISTIC + "\nWe run $T$ steps.\n"


def _verdicts(text: str) -> list[tuple[str, str]]:
    return [(k.verdict, k.reason) for k in check_document("doc.md", text).links if k.verdict != "not-a-claim"]


def test_a_true_derivation_with_transposes_is_proved() -> None:
    # the first link, ∂ℓ_i/∂β_j of the defined ℓ_i through βᵀx_i, is a claim not read in coordinates: undecided
    assert _verdicts(LOGISTIC) == [("undecided", "x_{ij} appears on one side only"), ("proved", "symbolically equal; equal at 4 random points")]


def test_a_planted_slip_with_transposes_is_never_proved() -> None:
    # a slip read through a transpose is not refuted by the scalar reading (the checker's rule for every transpose,
    # \top too: a counterexample on numbers may not be one for vectors), but it is never proved
    first, (verdict, reason) = _verdicts(LOGISTIC_SLIP)
    assert first[0] == "undecided"
    assert verdict == "undecided"
    assert reason == "transposes: matrix algebra is not modelled element-wise"


@pytest.mark.parametrize("body", [r"\beta^T A \gamma = \gamma^T A \beta", r"\hat{u}^T A \hat{v} = \hat{v}^T A \hat{u}",
                                  r"\nabla f(x)^T A p = p^T A \nabla f(x)"])
def test_a_transpose_before_more_than_one_factor_is_not_read(body: str) -> None:
    # u^T A v = v^T A u is false for a general A: read as numbers it would be proved
    (verdict, reason), = _verdicts("# Q\n\nFor vectors we get\n$$\n" + body + "\n$$\n")
    assert verdict == "undecided"


def test_a_note_that_counts_with_t_keeps_the_link_undecided() -> None:
    verdicts = _verdicts(LOGISTIC_HORIZON)
    assert len(verdicts) == 3
    assert all(verdict == "undecided" and "ambiguous '^T'" in reason for verdict, reason in verdicts)
