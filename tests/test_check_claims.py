"""Claims written in the shape of definitions, worked numbers under condition words, and derivatives
of expressions: each is decided, and a slip in each is found on its line."""
from __future__ import annotations

import pytest

from derive.check.run import check_document

ROWS = r"""
# Step

Let $R(h) = (h-1)^2$, $\alpha = 0.25$ and $h^{(0)} = 3$. We get
$$
\begin{aligned}
h^{(1)} &= h^{(0)} - \alpha R'(h^{(0)}) \\
h^{(1)} &= 3 - 0.25 \cdot 4 \\
h^{(1)} &= 2
\end{aligned}
$$
"""

ANSWER_FIRST = r"""
# Answer

$$h^{(1)} = 2$$

Let $R(h) = (h-1)^2$, $\alpha = 0.25$, $h^{(0)} = 3$ and the update $h^{(t+1)} = h^{(t)} - \alpha R'(h^{(t)})$. Indeed
$h^{(1)} = h^{(0)} - \alpha R'(h^{(0)}) = 3 - 0.25 \cdot 4 = 2$.
"""

# (text as written correctly, the slip, the words the error must carry)
CLAIMS = [
    (r"When $\gamma = 0.9$, the horizon is $\frac{1}{1-0.9} = 10$ steps.", "= 10$", "= 11$", "is 10, not 11"),
    (r"Then $\alpha = 0.9 \Rightarrow \frac{1}{1-\alpha} = 10$.", "= 10$", "= 9$", "is 10, not 9 (with α = 9/10)"),
    (r"Let $f(x) = e^{(x+1)^2}$. Hence $f'(0) = 2(0 + 1)e^{(0+1)^2} = 2e$.", "= 2e$", "= 3e$", "Euler's number"),
    (r"We have $\frac{d}{dx}\left(x^2 + 3x\right) = 2x + 3$.", "2x + 3$", "2x + 2$", "the definitions give 3 + 2·x"),
    (r"We have $\frac{d^2}{dx^2}(x^3) = 6x$.", "6x$", "3x$", "the definitions give 6·x"),
    (r"The gradient is $\nabla_w \left(\frac{\lambda}{2}\|w\|^2\right) = \lambda w$.", r"= \lambda w$",
     r"= 2\lambda w$", "the definitions give w·λ"),
    (r"Let $u = x^2$. Then $\frac{d}{dx}(u + x) = 2x + 1$.", "2x + 1$", "2x$", "the definitions give 1 + 2·x"),
]


def _errors(text: str):
    return [f for f in check_document("doc.md", text).findings if f.severity == "error"]


@pytest.mark.parametrize("text, good, bad, words", CLAIMS, ids=[c[0][:40] for c in CLAIMS])
def test_a_claim_is_proved_and_its_slip_is_found(text: str, good: str, bad: str, words: str) -> None:
    report = check_document("doc.md", text)
    assert _errors(text) == []
    claims = [k for k in report.links if k.verdict != "not-a-claim"]
    assert claims and {k.verdict for k in claims} == {"proved"}, [(k.verdict, k.reason) for k in report.links]
    assert text.count(good) == 1
    errors = _errors(text.replace(good, bad))
    assert [f.code for f in errors] == ["math/false"] and words in errors[0].message, errors


def test_rows_restating_one_name_are_a_computation_checked_row_by_row() -> None:
    links = check_document("doc.md", ROWS).links
    rows = [k for k in links if k.line in (8, 9)]
    assert [k.verdict for k in rows] == ["proved", "proved"]
    assert all("restated" in k.reason for k in rows)
    errors = _errors(ROWS.replace("h^{(1)} &= 2\n", "h^{(1)} &= 2.5\n"))
    assert [(f.line, f.code) for f in errors] == [(9, "math/false")]
    assert "is 2, not 2.5" in errors[0].message


def test_restated_rows_with_no_word_that_they_follow_are_undecided_not_false() -> None:
    text = "# Two forms\n\n$$\n\\begin{aligned}\nm &= a + b \\\\\nm &= a - b\n\\end{aligned}\n$$\n"
    report = check_document("doc.md", text)
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [k.verdict for k in report.links] == ["not-a-claim", "undecided"]
    # the same rows after "we get" are a computation, and the slip is an error
    errors = _errors(text.replace("$$\n\\begin", "We get\n$$\n\\begin"))
    assert [f.code for f in errors] == ["math/false"]


def test_an_answer_stated_before_its_derivation_is_proved_by_it() -> None:
    first = check_document("doc.md", ANSWER_FIRST).links[0]
    assert (first.line, first.verdict) == (4, "proved") and "derived on line 7" in first.reason
    other = check_document("doc.md", ANSWER_FIRST.replace("$$h^{(1)} = 2$$", "$$h^{(1)} = 5$$")).links[0]
    assert other.verdict == "not-a-claim"


def test_a_derivative_through_an_unknown_function_is_not_guessed() -> None:
    report = check_document("doc.md", r"Then $\frac{d}{dx} g(x^2) = 2x g'(x^2)$ for the loss $g$.")
    assert [f for f in report.findings if f.severity == "error"] == []
    assert "proved" not in {k.verdict for k in report.links}


NEWTON = r"""
# Newton

Take $f(x) = x \cos x$ and let $e_k := x_k - x^*$. By Taylor's theorem,

$$0 = f'(x_k - e_k) = f'(x_k) - e_k f''(x_k) + \frac{1}{2} e_k^2 f'''(\xi_k).$$

Dividing the expansion above by $f''(x_k)$, we get

$$e_k - f'(x_k) / f''(x_k) = \frac{1}{2} e_k^2 f'''(\xi_k) / f''(x_k).$$
"""


def test_a_link_derived_from_an_undecided_equation_is_only_as_good_as_it() -> None:
    last = check_document("doc.md", NEWTON).links[-1]
    # line 6 (Taylor with a mean-value point ξ_k) is left undecided: what follows from it is only as good as it
    assert (last.line, last.verdict) == (10, "undecided") and "follows from the equation on line 6" in last.reason
    assert last.reason.endswith("which is itself not decided")
    slip = NEWTON.replace(r"= \frac{1}{2} e_k^2 f'''(\xi_k) / f''(x_k).$$", r"= e_k^2 f'''(\xi_k) / f''(x_k).$$")
    assert [(f.line, f.code) for f in _errors(slip)] == [(10, "math/false")]


def test_an_unrelated_equation_before_does_not_prove_a_false_link() -> None:
    # the quotient of the false link by the equation is no factor: the equation divides nothing
    slip = NEWTON.replace(r"f'''(\xi_k) / f''(x_k).$$", r"/ f''(x_k).$$")
    assert slip != NEWTON
    assert [(f.line, f.code) for f in _errors(slip)] == [(10, "math/false")]
