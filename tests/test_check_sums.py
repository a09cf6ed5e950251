r"""Sums over an index set the note does not write out (``\sum_i α_i u_i``, ``\sum_{i \in B} …``)."""
from __future__ import annotations

import pytest
import sympy as sp

from derive.check.latex import parse_expr
from derive.check.run import check_document
from derive.check.sums import refute

CORRECT = r"""
# Gradient descent in the eigenbasis

Write the displacement in the eigenvectors, $\delta w = \sum_i \alpha_i u_i$. One step gives

$$\sum_{i}\alpha_i u_i - \eta\sum_{i}\alpha_i\lambda_i u_i = \sum_{i}(1-\eta \lambda_i)\alpha_i u_i .$$

The minibatch gradient is linear: $\frac{1}{|B|}\sum_{i \in B} (g_i + h_i) = \frac{1}{|B|}\sum_{i \in B} g_i + \frac{1}{|B|}\sum_{i \in B} h_i$.
"""

SLIPS = [
    (r"\sum_{i}(1-\eta \lambda_i)", r"\sum_{i}(1-2\eta \lambda_i)", "sum over i of η·α_{i}·λ_{i}·u_{i}"),
    (r"\frac{1}{|B|}\sum_{i \in B} h_i$", r"\frac{2}{|B|}\sum_{i \in B} h_i$", "depends on h_{i}"),
]


def _tex(text: str) -> str:
    return text.replace("# Gradient descent in the eigenbasis", r"\section{Gradient descent in the eigenbasis}")


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_linearity_of_sums_over_an_unwritten_range_is_proved(name: str) -> None:
    r = check_document(name, CORRECT if name.endswith(".md") else _tex(CORRECT))
    assert [f for f in r.findings if f.severity == "error"] == []
    assert [k.verdict for k in r.links if k.relation == "=" and "\\sum" in k.right][1:] == ["proved", "proved"]


@pytest.mark.parametrize("good, bad, message", SLIPS, ids=[s[1] for s in SLIPS])
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_in_a_sum_is_found_on_its_line(good: str, bad: str, message: str, name: str) -> None:
    assert CORRECT.count(good) == 1
    text = CORRECT.replace(good, bad)
    if name.endswith(".tex"):
        text = _tex(text)
    line = text[: text.index(bad)].count("\n") + 1
    errors = [f for f in check_document(name, text).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(line, "math/false")]
    assert message in errors[0].message and "whatever the index set" in errors[0].message


def test_a_generic_sum_reads_as_a_sum_to_an_unstated_count() -> None:
    expr = parse_expr(r"\sum_{j} w_{i,j} x_j")
    assert isinstance(expr, sp.Sum)
    (var, low, high), = expr.limits
    assert var.name == "j" and low == 1 and high.name == "\\#"
    over_set = parse_expr(r"\sum_{i \in \mathcal{B}_t} g_i")
    assert over_set.limits[0][2].name == "\\#\\mathcal{B}_{t}"


@pytest.mark.parametrize(("left", "right"), [
    (r"\sum_i 2 a_i", r"n"),                                  # not parsed: never refuted through the count
    (r"\left(\sum_i a_i\right)^2", r"\sum_i a_i^2"),          # a product of sums: not refuted here
    (r"\sum_i a_i + \sum_{i \in B} a_i", r"2 \sum_i a_i"),     # two index sets
])
def test_what_depends_on_the_unknown_set_is_never_refuted(left: str, right: str) -> None:
    try:
        a, b = parse_expr(left), parse_expr(right)
    except Exception:  # noqa: BLE001 - a parse problem is the other safe outcome
        return
    assert refute(a, b) is None


def test_counting_terms_is_not_a_false_error() -> None:
    r = check_document("doc.md", r"There are $n$ terms, so $\sum_i 1 = n$ and $\sum_i c_i = \sum_j c_j$.")
    assert [f for f in r.findings if f.severity == "error"] == []


def test_a_constraint_on_the_values_is_not_a_false_error() -> None:
    r = check_document("doc.md", r"The weights are normalized, $\sum_i p_i = 1$, and the fit is exact: $\sum_i w_i x_i = y$.")
    assert [f for f in r.findings if f.severity == "error"] == []


def test_a_matrix_entry_under_a_sum_has_two_indices() -> None:
    from derive.check.latex import parse_expr
    from derive.check.run import check_document

    assert str(parse_expr(r"\sum_{i=1}^{N} x_{i1}")) == "Sum(x[i, 1], (i, 1, N))"
    text = "$$\\frac{1}{N}\\sum_{i=1}^{N} 2 x_{i1} = \\frac{2}{N}\\sum_{i=1}^{N} x_{i1}$$\n"
    assert [k.verdict for k in check_document("doc.md", text).links] == ["proved"]
    slipped = text.replace("\\frac{2}{N}", "\\frac{3}{N}")
    assert [k.verdict for k in check_document("doc.md", slipped).links] == ["undecided"]  # sums are never refuted


def test_a_sum_without_limits_runs_over_the_one_index_of_its_summands() -> None:
    """``\\frac{1}{m}\\sum (x^{(i)} - y^{(i)})``: the summands are labelled by i alone, so i is the index (a sum over
    the samples, as ``\\sum_i`` would be); with two candidate letters it is not read, nor without one unless its body
    holds the data letters x, y (then a sum over the samples, :mod:`derive.check.data_sums`)."""
    expr = parse_expr(r"\frac{1}{m}\sum (x^{(i)} - y^{(i)}) + 1")
    (big,) = expr.atoms(sp.Sum)
    assert big.limits[0][0].name == "i" and big.limits[0][2].name == "\\#"
    for unread in (r"\sum x_j y_i", r"\sum a"):
        with pytest.raises(Exception, match="without both limits"):
            parse_expr(unread)
    text = ("The cost is $J = \\frac{1}{2m}\\sum (w x^{(i)} - y^{(i)})^2$, so "
            "$\\frac{\\partial J}{\\partial w} = \\frac{1}{m}\\sum (w x^{(i)} - y^{(i)}) x^{(i)}$.\n")
    links = check_document("doc.md", text).links
    assert [k.verdict for k in links] == ["not-a-claim", "proved"], [k.text() for k in links]
    slip = text.replace("\\frac{1}{m}\\sum (w", "\\frac{2}{m}\\sum (w")
    assert [f.code for f in check_document("doc.md", slip).findings if f.severity == "error"] == ["math/false"]
