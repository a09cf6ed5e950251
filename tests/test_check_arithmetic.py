"""Worked numbers: exact arithmetic, the precision a decimal shows, example values, defined functions."""
from __future__ import annotations

import pytest

from derive.check.arithmetic import tolerance, written_with_numbers
from derive.check.run import check_document

CORRECT = r"""
# Horizon of a moving average

The effective horizon is $\frac{1}{1-0.9} = 10$ steps, and the bias after two steps is
$1 - 0.9^2 = 0.19$. A tenth of the rate over thirty steps gives $0.1 \times 30 = 3$.

After ten steps $0.9^{10} \approx 0.35$, more precisely $0.9^{10} = 0.3487$; and $\frac{1}{3} = 0.333\ldots$

Let $\beta = 0.9$. Then $\frac{1}{1-\beta} = 10$.

Let $f(x) = x^2 + 1$. Then $f(2) = 5$, $f'(x) = 2x$ and $f'(3) = 6$.
"""

SLIPS = [
    ("$1 - 0.9^2 = 0.19$", "$1 - 0.9^2 = 0.21$", "1 - 0.9^2 is 19/100 = 0.19, not 0.21"),
    (r"$0.9^{10} \approx 0.35$", r"$0.9^{10} \approx 0.39$", "0.9^{10} is 0.34867844, not 0.39"),
    (r"$\frac{1}{1-\beta} = 10$", r"$\frac{1}{1-\beta} = 9$", "is 10, not 9 (with β = 9/10)"),
    ("$f'(3) = 6$", "$f'(3) = 7$", "f'(3) is 6, not 7"),
    (r"$0.1 \times 30 = 3$", r"$0.1 \times 30 = 0.3$", "is 3, not 0.3"),
]


def report(text: str, name: str = "doc.md"):
    return check_document(name, text)


def test_correct_numbers_are_proved_and_clean() -> None:
    r = report(CORRECT)
    assert [f for f in r.findings if f.severity == "error"] == []
    arithmetic = [k for k in r.links if k.reason.startswith("arithmetic")]
    assert len(arithmetic) == 9 and {k.verdict for k in arithmetic} == {"proved"}


@pytest.mark.parametrize("good, bad, message", SLIPS, ids=[s[1] for s in SLIPS])
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_in_the_numbers_is_found_on_its_line(good: str, bad: str, message: str, name: str) -> None:
    assert good in CORRECT
    text = CORRECT.replace(good, bad)
    if name.endswith(".tex"):
        text = text.replace("# Horizon of a moving average", r"\section{Horizon}")
    line = text[: text.index(bad)].count("\n") + 1
    errors = [f for f in report(text, name).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(line, "math/false")]
    assert message in errors[0].message


@pytest.mark.parametrize("text", [
    "If $p_k(0) = 1$ the polynomial is normalized.",  # p_k(0) read as p_k·0: not a number written
    r"For large $t$, with $\beta = 0.9$ and $t = 1$ first, $1 - \beta^t \approx 1$.",  # asymptotics
    r"We want $\eta\lambda = 1$.",  # an equation to solve
])
def test_what_only_looks_like_arithmetic_is_not_checked_as_such(text: str) -> None:
    r = report(text)
    assert [f for f in r.findings if f.severity == "error"] == []
    assert not any(k.reason.startswith("arithmetic") for k in r.links)


@pytest.mark.parametrize("text, expected", [
    ("0.35", 0.005), ("0.333\\ldots", 0.001), ("3.5 \\times 10^{-5}", 0.5e-6), ("10", None), ("x", None),
])
def test_a_decimal_claims_the_digits_it_shows(text: str, expected: float | None) -> None:
    got = tolerance(text)
    assert (got is None) == (expected is None)
    if expected is not None:
        assert float(got) == pytest.approx(expected)


def test_written_with_numbers_means_digits_and_operators_only() -> None:
    assert written_with_numbers(r"\frac{1}{1-0.9}") and written_with_numbers(r"0.1 \times 30")
    assert written_with_numbers(r"\ln(1)") and written_with_numbers(r"\exp(0) - 1")  # functions of numbers
    assert written_with_numbers(r"\cos(0) + \sin(0)") and not written_with_numbers(r"\ln(x)")
    assert not written_with_numbers(r"p_k(0)") and not written_with_numbers(r"\beta^2")


@pytest.mark.parametrize("written, verdict", [
    (r"$\frac{1}{1+e^{5}} \cdot 5 \approx 0.033$", "proved"),  # 0.03346…: rounded
    (r"$(1 - \frac{1}{1+e^{5}}) \cdot 5 \approx 4.96$", "proved"),  # 4.9665…: cut off, as ≈ allows
    (r"$(1 - \frac{1}{1+e^{5}}) \cdot 5 \approx 4.95$", "false"),  # two units off the last digit
    (r"$(1 - \frac{1}{1+e^{5}}) \cdot 5 = 4.96$", "proved"),  # 4.9665… cut off: the digits shown are its digits
    (r"$(1 - \frac{1}{1+e^{5}}) \cdot 5 = 4.97$", "proved"),  # rounded
    (r"$(1 - \frac{1}{1+e^{5}}) \cdot 5 = 4.95$", "false"),  # neither rounded nor cut off
    (r"$-\frac{2}{3} = -0.66$", "proved"),  # cut off toward zero
    (r"$4.9535 \approx 4.96$", "proved"),  # ≈ admits one unit more than rounding
    (r"$4.9535 = 4.96$", "false"),  # = does not: 4.9535 neither rounds nor cuts to 4.96
    (r"$-\frac{2}{3} = -0.68$", "false"),
])
def test_decimals_may_be_rounded_or_cut_off_but_nothing_else(written: str, verdict: str) -> None:
    [link] = report(written + "\n").links
    assert link.verdict == verdict, link.reason


def test_a_value_exactly_half_a_unit_away_is_rounded_half_up() -> None:
    [link] = report("$0.102 - 0.3 \\times 0.205 = 0.041$\n").links  # 0.0405 is written 0.041
    assert link.verdict == "proved", link.reason
    [slip] = report("$0.102 - 0.3 \\times 0.205 = 0.042$\n").links
    assert slip.verdict == "false"


def test_a_result_from_an_unrounded_input_is_not_called_false() -> None:
    # x shown as 0.102 is the iterate 0.1024…: f'(x) = 2x written 0.205 comes from it, not from 0.102
    text = ("Let $f(x) = x^2$. The step gives $0.256 - 0.3 \\times 0.512 = 0.102$.\n\n"
            "Iteration 4: $x = 0.102$, $f'(x) = 0.205$.\n")
    link = report(text).links[-1]
    assert link.verdict == "undecided" and "rounding" in link.reason, link.reason
    slip = report(text.replace("0.205", "0.215")).links[-1]  # beyond any rounding of 0.102
    assert slip.verdict == "false"


def test_a_result_set_in_bold_is_the_number_written() -> None:
    # w = 0.3 + 0.0000793 ≈ **0.3000793**: the bold is typography; the ≈ with digits is a claim to those digits
    from derive.check.run import check_document as _check

    good = "The step is $0.3 + 0.0000793 \\approx \\mathbf{0.3000793}$ and $0.1 \\cdot 3 = \\mathbf{0.3}$.\n"
    assert [k.verdict for k in _check("doc.md", good).links] == ["proved", "proved"]
    bad = good.replace("\\mathbf{0.3}$", "\\mathbf{0.4}$")
    assert [(f.line, f.code) for f in _check("doc.md", bad).findings if f.severity == "error"] == [(1, "math/false")]


NEW_EXAMPLE = """# Spread

For the data $-4, -2, 0, 2, 4$:

$$
\\begin{aligned}
\\sigma^2 &= \\frac{1}{5}(16 + 4 + 0 + 4 + 16) = 8 \\\\
\\sigma &= \\sqrt{8} = 2\\sqrt{2}
\\end{aligned}
$$

After scaling, the data are $-1, -0.5, 0, 0.5, 1$ and

$$
\\begin{aligned}
\\sigma^2 &= \\frac{1}{5}(1 + 0.25 + 0 + 0.25 + 1) = 0.5 \\\\
\\sigma &= \\sqrt{\\sigma^2} = \\sqrt{0.5}
\\end{aligned}
$$
"""


def test_a_quantity_computed_afresh_retires_the_old_value_of_its_name() -> None:
    # σ² computed again for new data: the σ = 2√2 of the first example no longer holds below it
    r = report(NEW_EXAMPLE)
    assert [f for f in r.findings if f.severity == "error"] == [], [(k.line, k.verdict, k.reason) for k in r.links]
    assert [k.verdict for k in r.links if k.line == 8] == ["proved", "proved"]  # the first example is checked
    # within one display the value still holds: a slip there is found
    slipped = NEW_EXAMPLE.replace(r"\sigma &= \sqrt{8} = 2\sqrt{2}", r"\sigma &= 2\sqrt{2} \\ \sigma^2 &= 6")
    assert [f.code for f in report(slipped).findings if f.severity == "error"] == ["math/false"]


def test_because_therefore_and_size_switches_are_read_not_unknown() -> None:
    text = ("$$\n\\because \\ln(1) = 0 \\quad \\therefore \\ln(e) - \\ln(1) = 1\n$$\n\n"
            "$$\n\\large\nx^2 - 1 = (x-1)(x+1)\n$$\n\n$$ y = 2 \\therefore y^2 = 4 $$\n")
    r = report(text)
    assert [f for f in r.findings if f.severity != "info"] == []  # no "unknown macro" warning
    assert [k.verdict for k in r.links] == ["proved", "proved", "proved", "not-a-claim", "proved"]
    assert [k.verdict for k in report(text.replace("y^2 = 4", "y^2 = 5")).links][-1] == "false"


ITERATES = r"""# Gradient descent

Two samples, $(1, 2)$ and $(2, 3)$, and their mean squared loss $L$; start at $w_0 = 0$
with $\eta = 0.1$, each step being $w_{t+1} = w_t - \eta \nabla L(w_t)$.

$$
\nabla L(w_0) = \frac{1}{2}(-2(2 - w_0) - 4(3 - 2w_0)) = -8
$$

First step:

$$
w_1 = 0 + 0.1 \cdot 8 = 0.8
$$

$$
\nabla L(w_1) = \frac{1}{2}(-2(2 - w_1) - 4(3 - 2 w_1)) = -4
$$

# Momentum

First step: $w_1 = 0 + 0.1 \cdot 1.6 = 0.16$.
"""


def test_a_worked_iterate_carries_its_value_to_the_next_step_and_not_into_a_new_example() -> None:
    r = report(ITERATES)
    assert [f for f in r.findings if f.severity == "error"] == [], [(k.line, k.verdict, k.reason) for k in r.links]
    (link,) = [k for k in r.links if k.line == 17 and k.verdict != "not-a-claim" and "w_{1} = 4/5" in k.reason]
    assert link.verdict == "proved"
    slipped = ITERATES.replace("(3 - 2 w_1)) = -4", "(3 - 2 w_1)) = -3")
    assert [(f.line, f.code) for f in report(slipped).findings if f.severity == "error"] == [(17, "math/false")]


def test_a_reason_given_with_because_does_not_take_the_chain_that_goes_on_below_it() -> None:
    text = ("$$\n\\begin{align*}\n\\frac{dz}{dw_1} &= \\frac{d}{dw_1}[w_1 x_1 + w_2 x_2 + b] \\quad \\because "
            "z = w_1 x_1 + w_2 x_2 + b \\\\\n&= x_1 + 0 + 0 \\\\\n&= x_1\n\\end{align*}\n$$\n")
    r = report(text)
    assert [f for f in r.findings if f.severity == "error"] == [], [(k.line, k.verdict, k.left, k.right) for k in r.links]
    assert [(k.line, k.verdict) for k in r.links if k.line > 3] == [(4, "proved"), (5, "proved")]
    slipped = report(text.replace("&= x_1 + 0 + 0", "&= x_2 + 0 + 0"))
    assert [f.line for f in slipped.findings if f.severity == "error"] == [4]


def test_an_arrow_typed_as_equals_greater_is_an_implication() -> None:
    text = "$$\nx = 2 => x^2 = 4\n$$\n\n$$\ny = 3 => y^2 = 10\n$$\n"
    r = report(text)
    assert [(k.line, k.verdict) for k in r.links] == [(2, "not-a-claim"), (2, "proved"), (6, "not-a-claim"), (6, "false")]
    assert not any("nothing on this side" in k.reason for k in r.links)


def test_an_operator_spelled_in_an_upright_font_is_the_operator() -> None:
    text = "$\\text{lim}_{x \\rightarrow 0} (1 + x) = 1$ and $\\mathrm{max}(2, 3) = 3$ and $\\mathrm{max}(2, 3) = 2$.\n"
    macros = text.replace("\\text{lim}", "\\lim").replace("\\mathrm{max}", "\\max")
    assert [(k.verdict, k.reason) for k in report(text).links] == [(k.verdict, k.reason) for k in report(macros).links]
    assert [k.verdict for k in report(text).links][1:] == ["proved", "false"]


def test_standard_macros_of_mathjax_and_katex_are_not_reported_unknown() -> None:
    text = "$\\nexists x: f(x) < 0$, $\\bigcup_i A_i = B$, $\\exist y$, $\\bbox[5px]{x = 1}$ and $x = x$.\n"
    assert [f.code for f in report(text).findings if f.code == "parse/unknown-macro"] == []
