"""Taylor expansions with a big-O remainder: proved by series in the small quantity, slips named by order."""
from __future__ import annotations

import pytest
import sympy as sp

from derive.check.asymptotic import BigO, decide, remainder_order
from derive.check.latex import parse_block, parse_expr
from derive.check.run import check_document

CORRECT = r"""
# Gradient descent in one dimension

For a smooth $f$, a Taylor expansion gives

$$f(x + \epsilon) = f(x) + \epsilon f'(x) + \mathcal{O}(\epsilon^2).$$

Choosing $\epsilon = -\eta f'(x)$ and plugging this into the expansion above we get

$$f(x - \eta f'(x)) = f(x) - \eta f'^2(x) + \mathcal{O}(\eta^2 f'^2(x)).$$

To second order, $f(x + h) = f(x) + h f'(x) + \frac{h^2}{2} f''(x) + O(h^3)$.
"""

SLIPS = [
    (r"f(x) + \epsilon f'(x) + \mathcal{O}", r"f(x) + 2 \epsilon f'(x) + \mathcal{O}", "differ at ε"),
    (r"f(x) - \eta f'^2(x)", r"f(x) + \eta f'^2(x)", "differ at η: the left minus the right side has the term "
                                                     "−2·η·(f'(x))^2"),
    (r"\frac{h^2}{2} f''(x)", r"h^2 f''(x)", "−(h^2·f''(x))/2"),
]


def _tex(text: str) -> str:
    return text.replace("# Gradient descent in one dimension", r"\section{Gradient descent in one dimension}")


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_correct_expansions_are_proved(name: str) -> None:
    text = CORRECT if name.endswith(".md") else _tex(CORRECT)
    r = check_document(name, text)
    assert [f for f in r.findings if f.severity == "error"] == []
    taylor = [k for k in r.links if k.reason.startswith("a Taylor expansion")]
    assert [(k.verdict, k.reason) for k in taylor] == [
        ("proved", "a Taylor expansion in ε to order 2 (remainder O(ε^2))"),
        ("proved", "a Taylor expansion in η to order 2 (remainder O(η^2))"),
        ("proved", "a Taylor expansion in h to order 3 (remainder O(h^3))")]


LITTLE_O = r"""
By the definition of the derivative, $f(w + h) = f(w) + h f'(w) + o(h)$, and to second order

$$f(w + h) = f(w) + h f'(w) + \frac{h^2}{2} f''(w) + o(h^2).$$

For the exponential, $e^{h} = 1 + h + o(h)$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_little_o_remainder_claims_one_order_more(name: str) -> None:
    text = LITTLE_O if name.endswith(".md") else _tex(LITTLE_O)
    r = check_document(name, text)
    assert [f for f in r.findings if f.severity == "error"] == []
    assert [(k.verdict, k.reason) for k in r.links] == [
        ("proved", "a Taylor expansion in h to order 1 (remainder o(h))"),
        ("proved", "a Taylor expansion in h to order 2 (remainder o(h^2))"),
        ("proved", "a Taylor expansion in h to order 1 (remainder o(h))")]
    # O(h^2) allows a term in h^2; o(h^2) does not: the halved second derivative is the slip's term
    slipped = text.replace(r"\frac{h^2}{2} f''(w)", r"h^2 f''(w)")
    errors = [f for f in check_document(name, slipped).findings if f.severity == "error"]
    assert [f.code for f in errors] == ["math/false"] and "differ at h^2" in errors[0].message
    # sin h = h + o(h^2) holds (no h^2 term), + o(h^3) does not (−h^3/6)
    r = check_document(name, r"Then $\sin h = h + o(h^2)$ but not $\sin h = h + o(h^3)$." + "\n")
    assert [k.verdict for k in r.links] == ["proved", "false"]


@pytest.mark.parametrize("good, bad, message", SLIPS, ids=[s[1] for s in SLIPS])
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_in_an_expansion_is_found_on_its_line(good: str, bad: str, message: str, name: str) -> None:
    assert CORRECT.count(good) == 1
    text = CORRECT.replace(good, bad)
    if name.endswith(".tex"):
        text = _tex(text)
    line = text[: text.index(bad)].count("\n") + 1
    errors = [f for f in check_document(name, text).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(line, "math/false")]
    assert message in errors[0].message


def test_a_defined_function_is_expanded_with_its_definition() -> None:
    text = r"""
Let $f(x) = x^3$. Then $f(x + h) = x^3 + 3 x^2 h + O(h^2)$, and also $f(x + h) = x^3 + 3 x^2 h + 3 x h^2 + O(h^3)$.
But $f(x + h) = x^3 + 2 x^2 h + O(h^2)$ is a slip.
"""
    r = check_document("doc.md", text)
    verdicts = [k.verdict for k in r.links if "O(" in k.right]
    assert verdicts == ["proved", "proved", "false"]


@pytest.mark.parametrize(("written", "reason"), [
    (r"\eta = O(1/\sqrt{T})", "only positive whole powers"),   # a rate as T grows
    (r"f(x + \epsilon) = f(x) + O(\epsilon x)", "one small quantity"),
    (r"f(x + \epsilon) = f(x) + o(\epsilon x)", "o(·) of something other than a power"),
])
def test_what_is_not_a_taylor_remainder_is_a_parse_problem(written: str, reason: str) -> None:
    parsed = parse_block(written, functions=frozenset({"f"}))
    assert parsed.problems and reason in parsed.problems[0].message


def test_vectors_and_two_remainders_stay_undecided() -> None:
    text = r"""
Then $f(\mathbf{x} + \boldsymbol{\epsilon}) = f(\mathbf{x}) + \boldsymbol{\epsilon}^\top \nabla f(\mathbf{x}) + \mathcal{O}(\epsilon^2)$.

Hence $f(x + h) + O(h^2) = f(x) + h f'(x) + O(h^2)$.
"""
    r = check_document("doc.md", text)
    assert [f for f in r.findings if f.severity == "error"] == []
    assert {k.verdict for k in r.links if "O(" in k.right} == {"undecided"}


def test_the_remainder_reads_its_small_quantity_and_order() -> None:
    eta, x = sp.symbols(r"\eta x", real=True)
    scale = parse_expr(r"\mathcal{O}(\eta^2 f'^2(x))", functions=frozenset({"f"}))
    assert isinstance(scale, BigO)
    var, order = remainder_order(scale.args[0])  # type: ignore[misc]
    assert (var.name, order) == (r"\eta", 2)
    # f'^2(x) is the square of the derivative at x (as sin^2 x), not f'^2 times x
    assert parse_expr(r"f'^2(x)", functions=frozenset({"f"})) == sp.Function("f'")(x) ** 2
    assert remainder_order(4 * eta**2 * x**2, eta) == (eta, 2)


def test_an_unexpandable_difference_is_never_false() -> None:
    h, x = sp.symbols("h x", real=True)
    f = sp.Function("f")
    assert decide(f(x + h), f(x) + h * sp.Function("f'")(x) + BigO(h ** 2)).status == "true"
    assert decide(f(x + h), f(x) + BigO(h)).status == "true"
    assert decide(f(x + h), f(x + h) + BigO(h)).status == "true"
    assert decide(f(x + 2 * h), f(x) + h * sp.Function("f'")(x) + BigO(h ** 2)).status == "false"


@pytest.mark.parametrize("text", [
    r"With $t_{k+1} = \frac{1 + \sqrt{1 + 4t_k^2}}{2}$ and $t_1 = 1$ we have $t_k^2 \approx k$ and $t_k - 1 = O(k)$.",
    r"The sum grows as $\sum_{j=1}^{k} j = O(k^2)$.",
    r"Over $n$ samples the cost is $2n + 3 = O(n)$.",
])
def test_an_order_as_a_count_grows_is_undecided_never_false(text: str) -> None:
    link = [k for k in check_document("doc.md", text + "\n").links if "O(" in k.right][-1]
    assert link.verdict == "undecided" and "grows" in link.reason, link.reason
