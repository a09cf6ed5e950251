"""Readings added in stop 36. Fixtures are written here, in real notation (bootstrap sampling, the sort of
aside a page on minibatch SGD makes)."""
from __future__ import annotations

import pytest
import sympy as sp

from derive.check.run import check_document
from derive.proof import compare, symbolic_zero
from fixture_docs import as_document as _as, error_lines, line_of as _line_of, slipped as _slipped

# ------------------------------------------------------------------------ {n \choose k}, TeX's infix binomial

DRAWS_MD = r"""# Drawing with replacement

An example is drawn exactly once in $n$ draws with probability

$$
{n \choose 1} \frac{1}{n} \left(1-\frac{1}{n}\right)^{n-1} = \frac{n}{n-1} \left(1-\frac{1}{n}\right)^{n}
$$

and two of four examples can be chosen in ${4 \choose 2} = 6$ ways.
"""

ONCE = "{n \\choose 1}"
WAYS = "{4 \\choose 2} = 6"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_infix_binomial_is_read_and_its_identity_proved(name: str) -> None:
    text = _as(name, DRAWS_MD)
    report = check_document(name, text)
    assert error_lines(name, text) == []
    verdicts = {k.line: (k.verdict, k.reason) for k in report.links}
    assert verdicts[_line_of(text, ONCE)][0] == "proved", verdicts
    assert verdicts[_line_of(text, WAYS)][0] == "proved", verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("slip, wrong, where", [
    ("\\left(1-\\frac{1}{n}\\right)^{n}\n", "\\left(1-\\frac{1}{n}\\right)^{n-1}\n", ONCE),  # exponent one low
    (WAYS, "{4 \\choose 2} = 8", "{4 \\choose 2} = 8"),  # the count of pairs
])
def test_a_slip_next_to_an_infix_binomial_is_false_on_its_line(name: str, slip: str, wrong: str, where: str) -> None:
    text = _slipped(_as(name, DRAWS_MD), slip, wrong)
    assert (_line_of(text, where), "math/false") in error_lines(name, text)


def test_choose_takes_its_whole_group_as_tex_does() -> None:
    from derive.check.latex import parse_expr

    assert str(parse_expr(r"{n \choose k}")) == "binomial(n, k)"
    assert str(parse_expr(r"{n + 1 \choose 2}")) == "binomial(n + 1, 2)"
    assert str(parse_expr(r"{n \over 2}")) == "n/2"
    assert parse_expr(r"{5 \choose 2}") == 10


# ----------------------------------------------------------- powers of one base, exponents a whole number apart

def test_powers_a_whole_number_apart_are_proved_equal_and_slips_stay_false() -> None:
    n, t, beta = sp.symbols("n t beta")
    assert compare((1 - 1 / n) ** (n - 1), n / (n - 1) * (1 - 1 / n) ** n).status == "true"
    assert symbolic_zero(beta ** (t + 1) - beta * beta ** t) is True
    assert compare((1 - beta) * beta ** (t - 1), beta ** t * (1 - beta) / beta).status == "true"
    # a split never refutes, and a real difference is still found by the numbers
    assert compare((1 - 1 / n) ** (n + 1), n / (n - 1) * (1 - 1 / n) ** n).status == "false"
    assert compare(beta ** (t + 1), beta ** t).status == "false"
