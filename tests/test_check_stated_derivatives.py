"""A derivative of a function the document defines is a claim, whatever word introduces it."""
from __future__ import annotations

import pytest

from derive.check.run import check_document

CUBIC_MD = ("Minimize $f(x) = x^3 + x^2$.\n\nNow, we consider the second-order derivative:\n"
            "$$f''(x) = \\frac{d^2f}{dx^2} = 6x + 2.$$\n\nLet us write the derivative $f'(x) = 3x^2 + 2x$.\n")
CUBIC_TEX = ("\\documentclass{article}\n\\begin{document}\nМинимизируем $f(x) = x^3 + x^2$. Рассмотрим вторую производную:\n"
             "\\[\nf''(x) = 6x + 2 .\n\\]\n\\end{document}\n")


@pytest.mark.parametrize("name, text", [("doc.md", CUBIC_MD), ("doc.tex", CUBIC_TEX)])
def test_a_derivative_after_a_defining_word_is_proved(name: str, text: str) -> None:
    result = check_document(name, text)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    claims = [k for k in result.links if "'" in k.left or "d^2" in k.left]
    assert claims and all(k.verdict == "proved" for k in claims), [k.text() for k in result.links]


@pytest.mark.parametrize("name, text, slip, planted, line", [
    ("doc.md", CUBIC_MD, "6x + 2", "6x + 3", 4),
    ("doc.md", CUBIC_MD, "3x^2 + 2x", "3x^2 + x", 6),
    ("doc.tex", CUBIC_TEX, "6x + 2", "3x + 2", 5),
])
def test_a_wrong_derivative_after_a_defining_word_is_false(name: str, text: str, slip: str, planted: str,
                                                           line: int) -> None:
    bad = text.replace(slip, planted)
    assert bad != text
    errors = [f for f in check_document(name, bad).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(line, "math/false")]
