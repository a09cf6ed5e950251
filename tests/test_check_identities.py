"""Links that look like conditions (a constant side, a lone letter, a "when" clause) but whose sides differ by
a constant: identities are proved, a constant gap is a slip (:mod:`derive.check.identities`)."""
from __future__ import annotations

import pytest

from derive.check.identities import cancelled_gap, gap, settled
from derive.check.run import check_document

CORRECT = r"""
# Running means and schedules

After $k$ samples the running mean keeps the old mean with weight $\frac{k-1}{k}$ and takes the new
sample with weight $\frac{1}{k}$. The weights sum to one:

$$\frac{k-1}{k} + \frac{1}{k} = 1.$$

At the first step of the cosine schedule the multiplier is $\alpha_f + (1 - \alpha_f) = 1$, since $\cos(0) = 1$.

When the logit is $t$, note that $\frac{e^{t}}{1+e^{t}} = \frac{1}{1+e^{-t}}$, which is the sigmoid.

Shrinking by $1 - 1/n$ for $n$ steps leaves $\lim_{n \rightarrow \infty} \left(1-\frac{1}{n}\right)^n = \exp(-1)$ of the start.
"""

SLIPS = [
    (r"\frac{1}{k} = 1.", r"\frac{1}{k} = 2.", "false for every value of k"),
    (r"(1 - \alpha_f) = 1$", r"(1 - \alpha_f) = 2$", "the definitions give 1"),
    (r"\cos(0) = 1$", r"\cos(0) = 0$", ""),
    (r"\right)^n = \exp(-1)", r"\right)^n = \exp(-2)", ""),
]


def latex(text: str) -> str:
    """The same note as a LaTeX article body."""
    body = text.replace("# Running means and schedules", r"\section{Running means and schedules}")
    body = body.replace("$$\\frac{k-1}{k} + \\frac{1}{k} = 1.$$",
                        "\\begin{equation}\n\\frac{k-1}{k} + \\frac{1}{k} = 1.\n\\end{equation}")
    return body.replace("$$\\frac{k-1}{k} + \\frac{1}{k} = 2.$$",
                        "\\begin{equation}\n\\frac{k-1}{k} + \\frac{1}{k} = 2.\n\\end{equation}")


def run(text: str, name: str):
    return check_document(name, latex(text) if name.endswith(".tex") else text)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_identities_that_look_like_conditions_are_proved(name: str) -> None:
    r = run(CORRECT, name)
    assert [f for f in r.findings if f.severity == "error"] == []
    verdicts = {(k.left, k.verdict) for k in r.links}
    for left in (r"\frac{k-1}{k} + \frac{1}{k}", r"\alpha_f + (1 - \alpha_f)", r"\cos(0)",
                 r"\frac{e^{t}}{1+e^{t}}"):
        assert (left, "proved") in verdicts, (left, sorted(verdicts))
    assert any(k.left.startswith(r"\lim_") and k.verdict == "proved" for k in r.links)


@pytest.mark.parametrize("good, bad, message", SLIPS, ids=[s[1] for s in SLIPS])
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_constant_gap_is_a_slip_on_its_line(good: str, bad: str, message: str, name: str) -> None:
    assert good in CORRECT
    text = CORRECT.replace(good, bad)
    source = latex(text) if name.endswith(".tex") else text
    wrong = bad.replace("$", "").rstrip(".")
    line = next(n for n, row in enumerate(source.splitlines(), 1) if wrong in row)
    errors = [f for f in run(text, name).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(line, "math/false")]
    assert message in errors[0].message


def test_a_wrong_identity_inside_a_when_clause_stays_a_condition() -> None:
    """Under "when", only an exact identity is taken back; e^t/(1+e^t) = 1/(1+e^t) pins t (t = 0), so the
    sentence may be stating a case: never a false error, and never silent. "When the logit is $t$, note that"
    says the condition in words and then claims in a clause of its own: undecided, the condition not applied."""
    text = CORRECT.replace(r"\frac{1}{1+e^{-t}}", r"\frac{1}{1+e^{t}}")
    r = run(text, "doc.md")
    assert [f for f in r.findings if f.severity == "error"] == []
    link = next(k for k in r.links if k.left == r"\frac{e^{t}}{1+e^{t}}")
    assert (link.verdict, link.reason) == ("undecided", "stated under a condition given in words (not applied)")
    inside = text.replace("When the logit is $t$, note that", "Note what holds when")
    link = next(k for k in run(inside, "doc.md").links if k.left == r"\frac{e^{t}}{1+e^{t}}")
    assert (link.verdict, link.reason) == ("not-a-claim", "condition (the prose states it as one)")


@pytest.mark.parametrize("text", [
    "The penalty ranges from 0 to over 8,000 ($log(8103) = 9$).",  # a value rounded to the unit, not a slip
    r"Here $\sqrt{2} = 1.41$ to two places.",
    "If $p_k(0) = 1$ the polynomial is normalized.",  # p_k(0) read as p_k·0: a misreading, not 0 = 1
    "The start is $f^{(0)} = 2$ here.",  # f^{(0)} read as f^0 = 1
    r"We want $\eta\lambda = 1$.",  # an equation to solve: the gap depends on η and λ
    r"At the optimum $\nabla f(x^*) = 0$.",
])
def test_real_conditions_and_misreadings_stay_conditions(text: str) -> None:
    r = check_document("doc.md", text)
    assert [f for f in r.findings if f.severity == "error"] == []
    assert all(k.verdict != "false" for k in r.links)


def test_gap_reads_only_letter_free_differences() -> None:
    import sympy as sp
    a, k, t = sp.symbols("a k t")
    assert gap((k - 1) / k + 1 / k, sp.Integer(1)) == 0
    assert gap(sp.exp(t) / (1 + sp.exp(t)), 1 / (1 + sp.exp(-t))) == 0
    assert gap(a * k, sp.Integer(1)) is None
    assert gap(sp.Function("f")(2), sp.Integer(5)) is None  # a value of a function: decided with its definition
    assert cancelled_gap((k - 1) / k + 1 / k, sp.Integer(2)) == -1
    assert cancelled_gap(sp.Integer(1), sp.Integer(2)) is None  # numbers only: ordinary arithmetic
    assert settled(sp.Integer(0), sp.Integer(1), "p_k(0)", "1") is False
    assert settled(sp.Integer(1), sp.Integer(1), r"\alpha_f + (1 - \alpha_f)", "1") is True
    assert settled(sp.exp(t) / (1 + sp.exp(t)), 1 / (1 + sp.exp(t)), "", "", identities_only=True) is False
