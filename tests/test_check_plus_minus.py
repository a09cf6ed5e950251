"""``\\pm`` and ``\\mp``: a statement with a double sign is checked once per sign."""
from __future__ import annotations

import pytest

from derive.check.latex import PLUS_MINUS, parse_block
from derive.check.run import check_document

ROOTS_MD = ("The roots of $a x^2 + b x + c = 0$ are\n\n$$\nx = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}.\n$$\n\n"
            "Expanding, $(a \\pm b)^2 = a^2 \\pm 2ab + b^2$ and $(u \\mp v)^2 = u^2 \\mp 2uv + v^2$.\n")
ROOTS_TEX = ("\\documentclass{article}\n\\begin{document}\n"
             "Die Nullstellen von $x^2 + p x + q = 0$ sind\n\\[\nx = -\\frac{p}{2} \\pm \\sqrt{\\frac{p^2}{4} - q}\n\\]\n"
             "und es gilt $(u \\pm v)^2 = u^2 \\pm 2uv + v^2$.\n\\end{document}\n")


def test_the_parser_reads_one_sign_symbol_for_every_pm() -> None:
    (stmt,) = parse_block(r"(a \pm b)^2 = a^2 \pm 2ab + b^2").statements
    assert all(t.expr is not None and t.expr.has(PLUS_MINUS) for t in stmt.terms)
    (stmt,) = parse_block(r"a \mp b = \pm c").statements
    assert str(stmt.terms[0].expr) == "a - b*±" and str(stmt.terms[1].expr) == "c*±"


@pytest.mark.parametrize("name, text", [("doc.md", ROOTS_MD), ("doc.tex", ROOTS_TEX)])
def test_pm_results_and_identities_are_proved_for_both_signs(name: str, text: str) -> None:
    result = check_document(name, text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    claims = [k for k in result.links if "\\pm" in k.left + k.right or "\\mp" in k.left + k.right]
    assert claims and all(k.verdict == "proved" for k in claims), [k.text() for k in result.links]
    assert all("both signs" in k.reason for k in claims)


@pytest.mark.parametrize("slip, line", [("2ab + b^2$ and", 7), ("b^2 - 4ac", 4)])
def test_a_slip_under_pm_is_false_on_its_line_with_its_sign(slip: str, line: int) -> None:
    planted = ROOTS_MD.replace(slip, slip.replace("2ab", "ab").replace("4ac", "2ac"), 1)
    assert planted != ROOTS_MD
    errors = [f for f in check_document("doc.md", planted).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(line, "math/false")]
    assert "of ±" in errors[0].message


def test_a_slip_in_one_sign_only_is_found() -> None:
    """(a ∓ b)(a ± b) is a² − b² for either sign; a² − 2b² is wrong for both, a² ± b² for the − sign only."""
    ok = check_document("doc.md", "Indeed $(a \\mp b)(a \\pm b) = a^2 - b^2$.\n")
    assert [k.verdict for k in ok.links] == ["proved"]
    bad = check_document("doc.md", "Indeed $(a + b)(a \\pm b) = a^2 \\pm b^2 + 2ab$.\n")
    assert [k.verdict for k in bad.links] == ["false"]
    assert "sign −" in bad.links[0].reason


def test_a_pm_value_names_nothing() -> None:
    """x = 1 ± √2 gives two values: x is not substituted later as either of them."""
    text = "Let $x = 1 \\pm \\sqrt{2}$. Then $y = x + 1$ and $y - 1 = x$.\n"
    result = check_document("doc.md", text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []


def test_a_root_of_a_polynomial_condition_is_checked_by_putting_it_in() -> None:
    text = "A root of $x^2 - a x - 2a^2 = 0$ is\n\n$$x = 2a.$$\n"
    ok = check_document("doc.md", text)
    assert [k.verdict for k in ok.links if k.line == 3] == ["proved"], [k.text() for k in ok.links]
    bad = check_document("doc.md", text.replace("x = 2a", "x = 3a"))
    assert [(f.line, f.code) for f in bad.findings if f.severity == "error"] == [(3, "math/false")]


@pytest.mark.parametrize("text", [
    "Let $x = 1 \\pm \\sqrt{2}$. Then $(x - 1)^2 = 2$.\n",
    "Let $f(t) = t \\pm 1$. Then $f(t)^2 = t^2 + 1$ is not claimed, but $f(2) - 2 = 0$ is not either.\n",
    "The rows are\n\n$$\nx = 1 \\pm y \\\\\nz = x + y\n$$\n\nand $z = 1 + 2y$.\n",
])
def test_a_pm_definition_never_makes_a_false_error(text: str) -> None:
    result = check_document("doc.md", text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []


def test_what_reads_a_pm_value_is_undecided_not_false() -> None:
    text = "Let $x = 1 \\pm y$. Then $x + y = 1 + 2y$.\n"
    result = check_document("doc.md", text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    assert [k.verdict for k in result.links if k.left == "x + y"] == ["undecided"], [k.text() for k in result.links]
