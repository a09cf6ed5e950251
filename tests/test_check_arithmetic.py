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
    assert not written_with_numbers(r"p_k(0)") and not written_with_numbers(r"\beta^2")


@pytest.mark.parametrize("written, verdict", [
    (r"$\frac{1}{1+e^{5}} \cdot 5 \approx 0.033$", "proved"),  # 0.03346…: rounded
    (r"$(1 - \frac{1}{1+e^{5}}) \cdot 5 \approx 4.96$", "proved"),  # 4.9665…: cut off, as ≈ allows
    (r"$(1 - \frac{1}{1+e^{5}}) \cdot 5 \approx 4.95$", "false"),  # two units off the last digit
    (r"$(1 - \frac{1}{1+e^{5}}) \cdot 5 = 4.96$", "proved"),  # 4.9665… cut off: the digits shown are its digits
    (r"$(1 - \frac{1}{1+e^{5}}) \cdot 5 = 4.97$", "proved"),  # rounded
    (r"$(1 - \frac{1}{1+e^{5}}) \cdot 5 = 4.95$", "false"),  # neither rounded nor cut off
    (r"$-\frac{2}{3} = -0.66$", "proved"),  # cut off toward zero
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
