"""Readings added in stop 47. Fixtures are written here, in my own words and symbols (the notes themselves are not
stored); each has a correct copy and a slip."""
from __future__ import annotations

import pytest

from fixture_docs import as_sections as _as, error_lines, line_of as _line, slipped, verdicts_at as _verdicts

# -- index notation: entries of products, derivatives in an entry, matrix sides written entry by entry -----------
INDEX = r"""# A quadratic form, coordinate by coordinate

Let $B$ be a square matrix and $u$ a vector. The $r$-th coordinate of the gradient is

$$\frac{\partial}{\partial u_r} u^\top B u = \frac{\partial}{\partial u_r}\sum_p u_p (Bu)_p$$

$$\frac{\partial}{\partial u_r}\sum_p u_p (Bu)_p = \frac{\partial}{\partial u_r}\sum_p u_p \left(\sum_q b_{pq} u_q\right)$$

$$\frac{\partial}{\partial u_r}\sum_p u_p \left(\sum_q b_{pq} u_q\right) = \sum_p (b_{pr} + b_{rp}) u_p$$

# A trace

For square $C$ and $D$,

$$\frac{\partial}{\partial C_{ij}} \sum_k (CD)_{kk} = \frac{\partial}{\partial C_{ij}} \sum_{k,l} C_{kl} D_{lk}$$

$$\frac{\partial}{\partial C_{ij}} \sum_{k,l} C_{kl} D_{lk} = D_{ji}$$

# A transposed product

The entries of a product with a transpose are

$$(M^\top v)_i = \sum_k M_{ki} v_k$$

and a linear term differentiates to

$$\frac{\partial}{\partial u_r} c^\top u = \frac{\partial}{\partial u_r}\sum_p c_p u_p$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_index_notation_links_are_proved_at_small_sizes(name: str) -> None:
    text = _as(name, INDEX)
    assert error_lines(name, text) == []
    for snippet in (r"\frac{\partial}{\partial u_r} u^\top B u = ", r"\frac{\partial}{\partial u_r}\sum_p u_p (Bu)_p = ",
                    r"\frac{\partial}{\partial u_r}\sum_p u_p \left(\sum_q b_{pq} u_q\right) = ",
                    r"\frac{\partial}{\partial C_{ij}} \sum_k (CD)_{kk} = ", r"\frac{\partial}{\partial C_{ij}} \sum_{k,l} C_{kl} D_{lk} = ",
                    r"(M^\top v)_i = ", r"\frac{\partial}{\partial u_r} c^\top u = "):
        verdicts = _verdicts(name, text, snippet)
        assert [v for v, _ in verdicts] == ["proved"], (snippet, verdicts)
    reason = _verdicts(name, text, r"\frac{\partial}{\partial u_r} u^\top B u = ")[0][1]
    assert "in index notation" in reason and "sizes 2, 3, 4" in reason, reason


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [
    (r"(M^\top v)_i = \sum_k M_{ki} v_k", r"(M^\top v)_i = \sum_k M_{ki} v_i"),          # the summed index lost
    (r"\sum_p (b_{pr} + b_{rp}) u_p", r"\sum_p b_{rp} u_p"),                              # half the gradient
    (r"\sum_{k,l} C_{kl} D_{lk} = D_{ji}", r"\sum_{k,l} C_{kl} D_{lk} = 2 D_{ji}"),       # a factor too many
    (r"\frac{\partial}{\partial u_r} u^\top B u = \frac{\partial}{\partial u_r}\sum_p u_p (Bu)_p",
     r"\frac{\partial}{\partial u_r} u^\top B u = \frac{\partial}{\partial u_r}\sum_p u_p (Bu)_r"),
    (r"\frac{\partial}{\partial u_r} c^\top u = \frac{\partial}{\partial u_r}\sum_p c_p u_p",
     r"\frac{\partial}{\partial u_r} c^\top u = \frac{\partial}{\partial u_r}\sum_p c_p u_r"),
])
def test_an_index_slip_is_false_on_its_line(name: str, old: str, new: str) -> None:
    text = slipped(_as(name, INDEX), old, new)
    assert (_line(text, new), "math/false") in error_lines(name, text)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_false_index_link_names_the_written_out_sides(name: str) -> None:
    text = slipped(_as(name, INDEX), r"(M^\top v)_i = \sum_k M_{ki} v_k", r"(M^\top v)_i = \sum_k M_{ki} v_i")
    verdicts = _verdicts(name, text, r"(M^\top v)_i = ")
    assert verdicts[0][0] == "false", verdicts
    assert "M_{11}·v_{1} + M_{21}·v_{2}" in verdicts[0][1] and "every size tried (2, 3, 4)" in verdicts[0][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new, letter", [
    (r"(M^\top v)_i = \sum_k M_{ki} v_k", r"(M^\top v)_i = \sum_k M_{ik} v_k", "M"),
    (r"\sum_{k,l} C_{kl} D_{lk} = D_{ji}", r"\sum_{k,l} C_{kl} D_{lk} = D_{ij}", "D"),
])
def test_a_transposed_entry_holds_only_for_a_symmetric_matrix(name: str, old: str, new: str, letter: str) -> None:
    # the transposed index is a slip for a general matrix and right for a symmetric one: undecided, unless said
    text = slipped(_as(name, INDEX), old, new)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, new)
    assert verdicts[-1][0] == "undecided" and "symmetric" in verdicts[-1][1] and letter in verdicts[-1][1], verdicts
    said = slipped(text, "For square $C$ and $D$,", f"For square $C$ and $D$, with ${letter}$ symmetric,")
    verdicts = _verdicts(name, said, new)
    assert verdicts[-1][0] == "proved" and "symmetric as the notes say" in verdicts[-1][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_matrix_side_read_as_numbers_is_never_refuted_against_entries(name: str) -> None:
    # x^⊤Ax read by the scalar reader is A·x², whose derivative in a coordinate is 0: no refutation may rest on it
    doc = r"""# Gradient

Let $A$ be a square matrix, and define $f(x) = x^\top A x + 1$.

$$\frac{\partial}{\partial x_i} f(x) = \sum_j (a_{ij} + a_{ji}) x_j$$
"""
    text = _as(name, doc)
    assert error_lines(name, text) == []


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("entry", [r"(A^{-1})_{ij}", r"(x^\top y)_i", r"(e^{A})_{ij}"])
def test_an_entry_of_what_is_not_a_product_of_matrices_is_undecided_with_the_reason(name: str, entry: str) -> None:
    text = _as(name, f"# Entries\n\nWe have\n\n$${entry} = c_{{ij}} + 1$$\n")
    verdicts = _verdicts(name, text, entry)
    assert [v for v, _ in verdicts] == ["undecided"], verdicts
    assert "subscript on an expression" in verdicts[0][1], verdicts


# -- a trace in plain letters, transposes written \text{T}: matrices, never numbers -----------------------------
TRACE = r"""# A trace rewritten

Let $P$, $Q$, $G$ and $H$ be square matrices of one size. Since a trace does not change when its product is
turned around,

$$tr \big( Q G^\text{T} P H \big) = tr \big( H Q G^\text{T} P \big)$$

and, transposing the product inside,

$$tr \big( H Q G^\text{T} P \big) = tr \big( (P^\text{T} G Q^\text{T} H^\text{T})^\text{T} \big)$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_trace_in_plain_letters_is_read_in_matrix_algebra(name: str) -> None:
    text = _as(name, TRACE)
    assert error_lines(name, text) == []
    for snippet in (r"tr \big( Q G^\text{T} P H \big) = ", r"tr \big( H Q G^\text{T} P \big) = tr \big( (P"):
        verdicts = _verdicts(name, text, snippet)
        assert [v for v, _ in verdicts] == ["proved"] and "matrix algebra" in verdicts[0][1], (snippet, verdicts)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [
    (r"= tr \big( H Q G^\text{T} P \big)$$", r"= tr \big( H G^\text{T} Q P \big)$$"),                   # factors swapped
    (r"(P^\text{T} G Q^\text{T} H^\text{T})^\text{T}", r"(P^\text{T} G^\text{T} Q^\text{T} H^\text{T})^\text{T}"),  # a transpose too many
])
def test_a_trace_that_reorders_its_product_is_never_proved(name: str, old: str, new: str) -> None:
    # numbers commute, matrices do not: the scalar reading proved these before
    text = slipped(_as(name, TRACE), old, new)
    verdicts = _verdicts(name, text, new)
    assert verdicts and all(v != "proved" for v, _ in verdicts), verdicts
