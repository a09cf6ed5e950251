r"""The trace in matrix algebra (:mod:`derive.check.matrices`): ``\operatorname{tr}`` of a product is the same for
every rotation and for the transpose, is linear, and of a number is the number; ``\|M\|_F^2`` is ``tr(M^\top M)``.
Proved for every size by one normal form, refuted only when the sides differ on random, diagonal and 1×1 matrices."""
from __future__ import annotations

import pytest

from derive.check.matrices import Notation, decide
from derive.check.run import check_document

NOTE = r"""# Traces

For matrices $A$, $B$, $C$ of fitting sizes, $\operatorname{tr}(AB) = \operatorname{tr}(BA)$ and
$\operatorname{tr}(ABC) = \operatorname{tr}(CAB) = \operatorname{tr}(BCA)$.

The squared Frobenius norm is $\|X\|_F^2 = \operatorname{tr}(X^\top X) = \operatorname{tr}(X X^\top)$.

A quadratic form is a trace: $x^\top A x = \operatorname{tr}(A x x^\top)$.

The least-squares loss expands as

$$
\|Xw - y\|^2 = \mathrm{tr}\left((Xw - y)^\top (Xw - y)\right) = w^\top X^\top X w - 2 y^\top X w + y^\top y .
$$
"""


def test_trace_identities_are_proved_for_every_size() -> None:
    report = check_document("doc.md", NOTE)
    links = [k for k in report.links if "tr" in (k.left + k.right)]
    assert len(links) == 8
    assert all(k.verdict == "proved" and "matrix algebra" in k.reason for k in links), \
        [(k.line, k.verdict, k.reason) for k in links]


def test_a_dropped_factor_after_a_trace_is_found_on_its_line() -> None:
    slipped = NOTE.replace("- 2 y^\\top X w", "- y^\\top X w")
    assert slipped != NOTE
    errors = [(f.line, f.code) for f in check_document("doc.md", slipped).findings if f.severity == "error"]
    assert errors == [(13, "math/false")]


@pytest.mark.parametrize(("left", "right", "status"), [
    (r"\mathrm{Tr}(A^\top)", r"\mathrm{Tr}(A)", "true"),
    (r"\operatorname{tr}(A + 2B)", r"\operatorname{tr}(A) + 2\operatorname{tr}(B)", "true"),
    (r"\operatorname{tr}(ABC)", r"\operatorname{tr}(C^\top B^\top A^\top)", "true"),
    (r"\operatorname{tr}(A + B)", r"\operatorname{tr}(A) - \operatorname{tr}(B)", "false"),
    # equal for diagonal (commuting) matrices: never called false, the text may assume it
    (r"\operatorname{tr}(ABC)", r"\operatorname{tr}(ACB)", "undecided"),
    (r"\operatorname{tr}(AB)", r"\operatorname{tr}(A)\operatorname{tr}(B)", "undecided"),
])
def test_trace_rules(left: str, right: str, status: str) -> None:
    decision = decide(left, right, Notation(), set())
    assert decision is not None and decision.status == status, decision


def test_the_trace_of_the_identity_is_not_guessed() -> None:
    decision = decide(r"\operatorname{tr}(I + A)", r"\operatorname{tr}(A) + 1", Notation(), set())
    assert decision is None or decision.status != "true"
