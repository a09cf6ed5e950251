"""Readings added in stop 35. Fixtures are written here."""
from __future__ import annotations

import pytest

from derive.check.run import check_document
from fixture_docs import as_document as _as, error_lines, line_of as _line_of, slipped as _slipped

# ---------------------------------------------------------------- one number copied twice, the copies differ

BACKPROP_MD = r"""# Backward pass by hand

The output layer gave $\frac{\partial E_{o1}}{\partial net_{o1}} = 0.138498562$, and the weight is $w_5 = 0.40$.

$$\frac{\partial E_{o1}}{\partial out_{h1}} = \frac{\partial E_{o1}}{\partial net_{o1}} \cdot w_5 = 0.138498562 \cdot 0.40 = 0.055399425$$

Following the same process for the second output, we get:

$$\frac{\partial E_{o2}}{\partial out_{h1}} = -0.019049119$$

Therefore:

$$\frac{\partial E_{total}}{\partial out_{h1}} = \frac{\partial E_{o1}}{\partial out_{h1}} + \frac{\partial E_{o2}}{\partial out_{h1}} = 0.055399425 + -0.019049119 = 0.036350306$$
"""

SUM_LINE = "\\frac{\\partial E_{total}}"


def _codes(name: str, text: str) -> list[tuple[int, str, str]]:
    return [(f.line, f.severity, f.code) for f in check_document(name, text).findings
            if f.code.startswith("math/") and f.severity in ("error", "warning")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_backward_pass_with_the_same_number_copied_twice_is_proved(name: str) -> None:
    text = _as(name, BACKPROP_MD)
    report = check_document(name, text)
    assert _codes(name, text) == []
    on_sum = [k.verdict for k in report.links if k.line == _line_of(text, SUM_LINE)]
    assert on_sum.count("proved") == 2, on_sum  # the values put in, and their sum


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_given_value_copied_with_a_dropped_digit_names_both_lines(name: str) -> None:
    # the value stated bare on one line and put in on another differ in the seventh digit: either copy may be the
    # typo (the hand truth of the public note this comes from marks the bare one), so neither line is called false
    text = _slipped(_as(name, BACKPROP_MD), "out_{h1}} = -0.019049119$$", "out_{h1}} = -0.01904919$$")
    given, line = _line_of(text, "out_{h1}} = -0.01904919$$"), _line_of(text, SUM_LINE)
    report = check_document(name, text)
    assert error_lines(name, text) == []
    conflicts = [f for f in report.findings if f.code == "math/conflict"]
    assert [(f.line, f.severity) for f in conflicts] == [(line, "warning")]
    assert f"line {given} gives it as -0.01904919" in conflicts[0].message
    assert "-0.019049119" in conflicts[0].message
    assert "undecided" in [k.verdict for k in report.links if k.line == line]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_number_far_from_the_value_given_is_still_false(name: str) -> None:
    # ten times the value: not a copy that lost a digit, the sum is simply computed with a wrong number
    text = _slipped(_as(name, BACKPROP_MD), "0.055399425 + -0.019049119 = 0.036350306",
                    "0.055399425 + -0.19049119 = -0.135091765")
    assert (_line_of(text, SUM_LINE), "math/false") in error_lines(name, text)
    assert not [f for f in check_document(name, text).findings if f.code == "math/conflict"]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_copy_of_a_value_worked_out_on_its_own_line_is_the_slip(name: str) -> None:
    # 0.055399425 was computed and checked on its line: the later copy with a digit changed is the slip
    text = _slipped(_as(name, BACKPROP_MD), "0.055399425 + -0.019049119 = 0.036350306",
                    "0.055399452 + -0.019049119 = 0.036350333")
    assert (_line_of(text, SUM_LINE), "math/false") in error_lines(name, text)
    assert not [f for f in check_document(name, text).findings if f.code == "math/conflict"]


# ---------------------------------------------------------------- a cost written again through the same function

COST_MD = r"""# Logistic regression

## Likelihood

The log-likelihood of the data is
$$\ell(w) = \sum_{i=1}^{n} \left[y_i \log \sigma(w x_i) + (1 - y_i)\log(1 - \sigma(w x_i))\right].$$

We minimize the average negative log-likelihood
$$J(w) = -\frac{1}{n}\ell(w).$$

## Gradient

The cost of the previous section is
$$J(w) = -\frac{1}{n}\ell(w).$$

Its derivative is
$$\frac{dJ}{dw} = -\frac{1}{n}\sum_{i=1}^{n} (y_i - \sigma(w x_i)) x_i.$$
"""

RESTATED = "The cost of the previous section is\n$$J(w) = -\\frac{1}{n}\\ell(w).$$"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_cost_written_again_in_another_section_is_proved_the_same(name: str) -> None:
    text = _as(name, COST_MD)
    report = check_document(name, text)
    line = _line_of(text, RESTATED) + 1
    assert [k.verdict for k in report.links if k.line == line] == ["proved"]
    assert error_lines(name, text) == []


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_cost_written_again_without_its_factor_is_doubted_and_false_when_said_to_follow(name: str) -> None:
    dropped = RESTATED.replace("-\\frac{1}{n}\\ell(w)", "-\\ell(w)")
    text = _slipped(_as(name, COST_MD), RESTATED, dropped)
    line = _line_of(text, dropped) + 1
    report = check_document(name, text)
    assert [k.verdict for k in report.links if k.line == line] == ["undecided"]
    assert "line 9 gives −ℓ(w)/n" in next(k.reason for k in report.links if k.line == line)
    assert (line, "math/false") not in error_lines(name, text)
    # "Hence": the prose says it follows from the definition, which it does not
    said = _slipped(text, "The cost of the previous section is", "Hence the cost is")
    assert (line, "math/false") in error_lines(name, said)
    assert [k.verdict for k in check_document(name, said).links if k.line == line] == ["false"]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_next_example_function_in_another_section_is_a_new_definition(name: str) -> None:
    text = _as(name, "# Examples\n\n## First\n\nTake $$f(x) = x^2.$$\n\n## Second\n\nNow take $$f(x) = x^3.$$\n\n"
                     "Then $$f'(x) = 3x^2.$$\n")
    report = check_document(name, text)
    second = _line_of(text, "f(x) = x^3")
    assert [(k.verdict, k.reason) for k in report.links if k.line == second] == [("not-a-claim", "definition of f")]
    assert [k.verdict for k in report.links if k.line == _line_of(text, "f'(x) = 3x^2")] == ["proved"]


# ---------------------------------------------------------------- sums without limits count the data of the product

MLE_MD = r"""# Bernoulli likelihood

The likelihood of $n$ coin flips $x_1, \dots, x_n$ is
$$L(p) = \prod_{i=1}^{n} p^{x_i}(1-p)^{1-x_i} = p^{\sum x_i}(1-p)^{n - \sum x_i}.$$

Taking logs,
$$\log L(p) = \sum_{i} x_i \log p + \left(n - \sum_{i} x_i\right)\log(1-p).$$

The derivative is
$$\frac{d}{dp}\log L(p) = \frac{\sum x_i}{p} - \frac{n - \sum x_i}{1-p}.$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_likelihood_restated_with_sums_without_limits_is_proved(name: str) -> None:
    text = _as(name, MLE_MD)
    report = check_document(name, text)
    verdicts = {line: [k.verdict for k in report.links if k.line == line]
                for line in (_line_of(text, "L(p) = \\prod"), _line_of(text, "\\log L(p) ="),
                             _line_of(text, "\\frac{d}{dp}"))}
    assert verdicts == {4: ["not-a-claim", "proved"], 7: ["proved"], 10: ["proved"]}, verdicts
    assert not any("Dummy" in k.reason for k in report.links)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [
    ("(1-p)^{n - \\sum x_i}", "(1-p)^{n + \\sum x_i}"),
    ("\\right)\\log(1-p)", "\\right)\\log(p)"),
    ("- \\frac{n - \\sum x_i}{1-p}", "+ \\frac{n - \\sum x_i}{1-p}"),
])
def test_a_slip_in_the_likelihood_is_never_proved(name: str, old: str, new: str) -> None:
    text = _slipped(_as(name, MLE_MD), old, new)
    line = _line_of(text, new)
    report = check_document(name, text)
    assert "proved" not in [k.verdict for k in report.links if k.line == line]
    assert [e for e in error_lines(name, text) if e[0] != line] == []


def test_a_sum_without_limits_takes_the_count_of_its_own_index_only() -> None:
    from types import SimpleNamespace

    import sympy as sp

    from derive.check.counts import count_generic_sums
    from derive.check.latex import parse_expr

    def item(index: int, *texts: str) -> SimpleNamespace:
        terms = [SimpleNamespace(expr=parse_expr(t), start=0, end=0) for t in texts]
        return SimpleNamespace(index=index, section=0, stmt=SimpleNamespace(terms=terms, relations=["="] * (len(texts) - 1)))

    def replaced(*items: SimpleNamespace) -> set[str]:
        import dataclasses
        from unittest import mock
        with mock.patch.object(dataclasses, "replace", lambda obj, **kw: SimpleNamespace(**{**vars(obj), **kw})):
            count_generic_sums(list(items))
        return {str(s.limits[0][2]) for s in items[-1].stmt.terms[-1].expr.atoms(sp.Sum)}

    # the product over i counts n: the sum over i in a statement that counts with n runs to n
    assert replaced(item(0, r"\prod_{i=1}^{n} a_i"), item(1, r"T", r"n - \sum x_i")) == {"n"}
    # a sum over j to m says nothing of the data x_i: the count stays unwritten
    assert replaced(item(0, r"\sum_{j=1}^{m} w_j"), item(1, r"T", r"m - \sum x_i")) == {r"\#"}
    # a statement that never counts keeps the sum over any index set
    assert replaced(item(0, r"\prod_{i=1}^{n} a_i"), item(1, r"T", r"\sum x_i y_i")) == {r"\#"}


# ---------------------------------------------------------------- every verdict says why

EMA_MD = r"""# Exponential moving average

Let $v_t = \beta v_{t-1} + (1-\beta)\theta_t$ with $v_0 = 0$. Unrolling,
$$v_t = (1-\beta)\sum_{i=1}^{t} \beta^{t-i}\theta_i.$$
The weights sum to $(1-\beta)\sum_{i=1}^{t}\beta^{t-i} = 1 - \beta^t$, so the bias-corrected average is
$$\hat v_t = \frac{v_t}{1-\beta^t}.$$

With $\beta = 0.9$ and $t = 10$: $1 - 0.9^{10} \approx 0.651$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_every_link_of_the_average_has_a_verdict_with_its_reason(name: str) -> None:
    text = _as(name, EMA_MD)
    report = check_document(name, text)
    weights = _line_of(text, "The weights sum to")
    assert [(k.verdict, k.reason) for k in report.links if k.line == weights] == [
        ("proved", "symbolically equal; equal at 4 random points")]
    assert [k for k in report.links if not k.reason.strip()] == []
    assert error_lines(name, text) == []
