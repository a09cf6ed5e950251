"""``p(y | x)``, ``P(A \\mid B)``: a probability under a condition is one opaque quantity, not a parse failure."""
from __future__ import annotations

import pytest

from derive.check.latex import parse_block
from derive.check.run import check_document

BAYES_MD = ("By Bayes' rule\n\n$$\np(y \\mid x) = \\frac{p(x \\mid y) p(y)}{p(x)} .\n$$\n\n"
            "Multiplying out, $p(y \\mid x) p(x) = p(x \\mid y) p(y)$, and $P(A|B) + P(A|B) = 2 P(A|B)$.\n")
BAYES_TEX = ("\\documentclass{article}\n\\begin{document}\nПо формуле Байеса\n\\[\n"
             "P(A \\mid B) = \\frac{P(B \\mid A) P(A)}{P(B)},\n\\]\n"
             "откуда $P(A \\mid B) P(B) = P(B \\mid A) P(A)$.\n\\end{document}\n")


def test_a_conditional_probability_is_one_quantity_and_its_letter_calls_are_too() -> None:
    (stmt,) = parse_block(r"p(y \mid x) p(x) = p(x | y) p(y)").statements
    left, right = (t.expr for t in stmt.terms)
    assert {str(s) for s in left.free_symbols} == {r"p(y \mid x)", "p(x)"}
    assert {str(s) for s in right.free_symbols} == {r"p(x \mid y)", "p(y)"}
    (stmt,) = parse_block(r"p(x) + p(y)").statements  # with no conditioning in the block: as before
    assert {str(s) for s in stmt.terms[0].expr.free_symbols} == {"p", "x", "y"}


@pytest.mark.parametrize("name, text", [("doc.md", BAYES_MD), ("doc.tex", BAYES_TEX)])
def test_algebra_around_conditional_probabilities_is_proved(name: str, text: str) -> None:
    result = check_document(name, text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    assert not any("could not be parsed" in k.reason for k in result.links), [k.text() for k in result.links]
    # Bayes' rule itself is a law of probability: undecided with that reason (stop 46), never a naming
    laws = [k for k in result.links if "law of probability" in k.reason]
    assert [k.verdict for k in laws] == ["undecided"], [k.text() for k in result.links]
    claims = [k for k in result.links if k.verdict != "not-a-claim" and k not in laws]
    assert claims and all(k.verdict == "proved" for k in claims), [k.text() for k in result.links]


def test_a_link_that_would_need_a_law_of_probability_is_never_false() -> None:
    """p(y|x) p(x) against p(x|y) p(x): the opaque quantities differ, and no law of probability is modelled,
    so the checker does not refute it (it may not be wrong for every distribution either way)."""
    text = "We have $p(y \\mid x) p(x) = p(x \\mid y) p(x)$ and $P(A|B) + P(A|B) = 3 P(A|B)$.\n"
    result = check_document("doc.md", text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    assert "false" not in {k.verdict for k in result.links}


def test_a_loss_of_a_conditional_probability_defines_no_function_of_it() -> None:
    """L(Y, P(Y|X)) = −log P(Y|X) names the log loss; a later L(Y, f(x)) = exp(−Y f(x)) (the exponential loss) is
    another loss, not L with f(x) put in for P(Y|X)."""
    text = ("The log loss is\n\n$$\nL(Y, P(Y|X)) = -\\log P(Y|X)\n$$\n\nand the exponential loss is\n\n"
            "$$\nL(Y, f(x)) = \\exp(-Y f(x))\n$$\n")
    result = check_document("doc.md", text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
