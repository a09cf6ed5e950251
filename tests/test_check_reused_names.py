r"""Names notes reuse or define in words are not refuted as free numbers.

* A function defined on an earlier slide (``f(x) = x^4 + …``) and a later section that says what ``f`` is now
  (``\nabla f(x) = Ax - b``, letters the old definition never uses): undecided with the reason, not false. A
  slip about the same ``f`` (its own letters) is still found, in its section and in a later one.
* A marked name given no value anywhere (``\hat y``, meant as ``h(x)`` in words) on one side only: the link says
  what it stands for; a slip with the name on both sides is still found.
"""
from __future__ import annotations

from derive.check.run import check_document

SLIDES = r"""## A cubic

$$
\begin{aligned}
f(x) &= x^4 + x^3 - x^2 - x \\
\nabla f(x) &= 4x^3 + 3x^2 - 2x - 1
\end{aligned}
$$

## Quadratics

Solving $A x = b$ is minimizing a quadratic:

$$
\arg\min_x f(x) = \arg\min_x \frac{1}{2} x^T A x - x^T b
$$

and at the minimum its gradient vanishes, with

$$
\nabla f(x) = A x - b
$$
"""

LOSS = r"""## Loss

The hypothesis is $h(x) = w x$. The loss of one point is $$\mathcal{L} = (\hat{y} - y)^2 = (h(x) - y)^2$$

The cost is $$J = \frac{1}{2m} \sum_{i=1}^{m} (\hat{y} - y)^2 = \frac{1}{2m} \sum_{i=1}^{m} (h(x) - y)^2$$
"""


def _errors(text: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_document("doc.md", text).findings if f.severity == "error"]


def _verdict(text: str, line: int) -> list[tuple[str, str]]:
    return [(k.verdict, k.reason) for k in check_document("doc.md", text).links if k.line == line]


def test_a_function_said_anew_in_a_later_section_is_not_refuted_by_the_old_definition() -> None:
    assert _errors(SLIDES) == []
    (verdict, reason), = _verdict(SLIDES, 21)
    assert verdict == "undecided" and "defined in an earlier section" in reason, reason


def test_a_slip_about_the_same_function_is_found_in_its_section_and_later() -> None:
    here = SLIDES.replace("- 2x - 1\n", "- 2x - 2\n")
    assert here != SLIDES and _errors(here) == [(6, "math/false")]
    later = SLIDES.replace(r"\nabla f(x) = A x - b", r"\nabla f(x) = 4x^3 + 3x^2 - 2x")
    assert later != SLIDES and _errors(later) == [(21, "math/false")]


def test_a_marked_name_defined_in_words_is_not_a_free_number() -> None:
    assert _errors(LOSS) == []
    verdicts = _verdict(LOSS, 5)
    assert ("undecided" in {v for v, _ in verdicts}) and not any(v == "false" for v, _ in verdicts), verdicts


def test_a_slip_with_the_marked_name_on_both_sides_is_found() -> None:
    slipped = LOSS.replace(r"= \frac{1}{2m} \sum_{i=1}^{m} (h(x) - y)^2", r"= \frac{1}{m} \sum_{i=1}^{m} (\hat{y} - y)^2")
    assert slipped != LOSS and _errors(slipped) == [(5, "math/false")]


def test_a_name_for_a_functions_value_does_not_replace_its_definition() -> None:
    # "the output is σ(z) = P": P names the value; σ stays the sigmoid for the derivative below it
    text = ("# Model\n\n$$ \\sigma(z) = \\frac{1}{1 + e^{-z}} $$\n\n"
            "The output is the probability $\\sigma(z) = P$, and we predict 1 when $P > 0.5$.\n\n"
            "$$ \\frac{d}{dz} \\ln(1 + e^{-z}) = \\sigma(z) - 1 $$\n")
    links = check_document("doc.md", text).links
    assert [k.verdict for k in links if k.line == 7] == ["proved"], [(k.line, k.verdict, k.reason) for k in links]
    slipped = check_document("doc.md", text.replace("= \\sigma(z) - 1 $$", "= \\sigma(z) + 1 $$")).links
    assert [k.verdict for k in slipped if k.line == 7] == ["false"]


def test_a_signature_declares_a_general_function_from_there_on() -> None:
    # "Let f: ℝⁿ → ℝ" after the example f(x) = Ax: the directional derivative is about any f, not Ax
    text = ("# Examples\n\nThe map $f(x) = Ax$ takes a vector to a vector.\n\n"
            "Let $f: \\mathbb{R}^n \\rightarrow \\mathbb{R}$. The directional derivative is "
            "\\[ \\nabla_v f(x) = \\lim_{h\\rightarrow 0}\\frac{f(x+hv)-f(x)}{h} \\]\n"
            "This can be calculated using the gradient: $\\nabla_v f(x) = \\nabla f(x) \\cdot v$.\n")
    report = check_document("doc.md", text)
    assert [f for f in report.findings if f.severity == "error"] == [], [(k.line, k.verdict, k.reason) for k in report.links]
    # the example's value is out of force after the signature, in force before it
    values = "# Ex\n\nTake $f(x) = x^2$, so $f(2) = 4$.\n\nLet $f\\colon \\mathbb{R} \\to \\mathbb{R}$ with $f(2) = 5$.\n"
    assert [k.verdict for k in check_document("doc.md", values).links if k.line == 5] != ["false"]
    unsigned = values.replace("Let $f\\colon \\mathbb{R} \\to \\mathbb{R}$ with", "Then")
    assert [k.verdict for k in check_document("doc.md", unsigned).links if k.line == 5] == ["false"]


def test_a_name_for_the_value_inside_a_definition_chain_does_not_hide_the_body() -> None:
    # "σ(z) = P = 1/(1 + e^{-z})": σ is the sigmoid, P its value; d/dz of −ln σ is σ − 1, not a free P
    text = ("$$ \\sigma(z) = P = \\frac{1}{1 + e^{-z}} $$\n\n"
            "$$ \\frac{d}{dz} \\ln(1 + e^{-z}) = \\sigma(z) - 1 $$\n")
    links = check_document("doc.md", text).links
    assert [k.verdict for k in links if k.line == 3] == ["proved"], [(k.line, k.verdict, k.reason) for k in links]
    slipped = check_document("doc.md", text.replace("= \\sigma(z) - 1 $$", "= \\sigma(z) + 1 $$")).links
    assert [k.verdict for k in slipped if k.line == 3] == ["false"]
