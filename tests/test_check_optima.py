"""Optima in notes (derive.check.optima): every spelling of argmin/argmax read, closed forms proved, slips found."""
from __future__ import annotations

import pytest
import sympy as sp

from derive.check.latex import parse_expr
from derive.check.optima import Optimum
from derive.check.run import check_document
from derive.symbols import symbol


@pytest.mark.parametrize(("text", "kind", "domain"), [
    (r"\arg\min_{w} (w - a)^2", "argmin", ""),
    (r"\arg \max\limits_w (w - a)^2", "argmax", ""),
    (r"\argmin_w (w - a)^2", "argmin", ""),
    (r"\operatorname*{arg\,min}_{w} (w - a)^2", "argmin", ""),
    (r"\operatorname{argmax}_{w \in \mathbb{R}} (w - a)^2", "argmax", r"\mathbb{R}"),
    (r"\mathrm{arg\,min}_w (w - a)^2", "argmin", ""),
    (r"\mathop{\rm argmin}_w (w - a)^2", "argmin", ""),
    (r"\underset{w}{\arg\min}\, (w - a)^2", "argmin", ""),
    (r"\underset{w \in \mathbb{R}}{\operatorname{argmax}} (w - a)^2", "argmax", r"\mathbb{R}"),
    (r"\min_{w} (w - a)^2", "min", ""),
])
def test_every_spelling_reads_as_one_optimum(text: str, kind: str, domain: str) -> None:
    opt = parse_expr(text)
    assert isinstance(opt, Optimum), opt
    w, a = symbol("w"), symbol("a")
    assert (opt.kind, opt.domain, opt.variables) == (kind, domain, (w,))
    assert sp.expand(opt.objective - (w - a) ** 2) == 0
    assert opt.free_symbols == {a}  # the variable is bound


def test_max_of_a_list_is_still_the_larger_value() -> None:
    assert parse_expr(r"\max(a, b)") == sp.Max(symbol("a"), symbol("b"))


NAMED = """# Fitting

The minimizer is

$$
x^\\star = \\arg\\min_{x} (x - a)^2 + b
$$

and setting the derivative to zero gives

$$
x^\\star = a
$$
"""


def _verdicts(report, line: int) -> list[tuple[str, str]]:
    return [(k.verdict, k.reason) for k in report.links if k.line == line]


def test_a_named_minimizer_is_a_definition_and_its_closed_form_is_proved() -> None:
    report = check_document("n.md", NAMED)
    assert _verdicts(report, 6)[0][0] == "not-a-claim" and "names the minimizer" in _verdicts(report, 6)[0][1]
    [(verdict, reason)] = _verdicts(report, 12)
    assert verdict == "proved" and "second derivative is positive" in reason, reason
    assert not [f for f in report.findings if f.severity == "error"]


def test_a_wrong_closed_form_of_a_named_minimizer_is_false() -> None:
    report = check_document("n.md", NAMED.replace("x^\\star = a\n", "x^\\star = 2a\n"))
    errors = [(f.line, f.code) for f in report.findings if f.severity == "error"]
    assert errors == [(12, "math/false")], report.links
    assert "stationary" in _verdicts(report, 12)[0][1]


CHAIN = r"""\documentclass{article}
\begin{document}
\section{Price}
The optimal price maximizes the revenue:
\[
  \operatorname*{arg\,max}_{p} \left(p m - c p^2\right) = \operatorname*{arg\,max}_{p} \left(2 p m - 2 c p^2 + 5\right)
  = \frac{m}{2c}.
\]
\end{document}
"""


def test_a_chain_of_optima_in_latex_is_proved() -> None:
    report = check_document("n.tex", CHAIN)
    links = [(k.verdict, k.reason) for k in report.links]
    assert [v for v, _ in links] == ["proved", "proved"], links
    assert "2 times the other" in links[0][1] and "one stationary point" in links[1][1]


def test_a_planted_slip_in_the_chain_is_false_on_its_line() -> None:
    report = check_document("n.tex", CHAIN.replace(r"\frac{m}{2c}", r"\frac{2m}{c}"))
    errors = [(f.line, f.code) for f in report.findings if f.severity == "error"]
    assert errors == [(7, "math/false")], [(k.verdict, k.reason) for k in report.links]


@pytest.mark.parametrize("right", [
    r"\operatorname*{arg\,max}_{p} \left(p m - c p^3\right)",   # another objective: maybe the same optimizer
    r"\operatorname*{arg\,max}_{p} \left(- p m + c p^2\right)",  # a negative factor: not shown, never false
    r"\operatorname*{arg\,min}_{p} \left(p m - c p^2\right)",   # another kind
])
def test_optima_that_are_not_shown_equal_are_undecided_never_false(right: str) -> None:
    text = f"Compare\n\n$$\n\\operatorname*{{arg\\,max}}_{{p}} \\left(p m - c p^2\\right) = {right}\n$$\n"
    report = check_document("n.md", text)
    assert [k.verdict for k in report.links] == ["undecided"], [(k.verdict, k.reason) for k in report.links]
    assert not [f for f in report.findings if f.severity == "error"]


def test_a_matrix_closed_form_written_in_one_chain_uses_the_first_order_condition() -> None:
    good = check_document("n.md", "Let $X$ be the data matrix.\n\n$$\n\\arg\\min_{w \\in \\mathbb{R}^d} "
                          "\\|X w - y\\|^2 = (X^\\top X)^{-1} X^\\top y\n$$\n")
    assert [k.verdict for k in good.links] == ["proved"], [(k.verdict, k.reason) for k in good.links]
    slip = check_document("n.md", "Let $X$ be the data matrix.\n\n$$\n\\arg\\min_{w \\in \\mathbb{R}^d} "
                          "\\|X w - y\\|^2 = (X^\\top X)^{-1} y\n$$\n")
    assert [k.verdict for k in slip.links] != ["proved"]


def test_a_starred_name_is_the_optimizer_of_the_optimum_before_it() -> None:
    text = ("# Price\n\nWe maximize the expected revenue\n\n$$\n\\max_{p} \\mathbb{E}[pM - \\eta p^2]\n$$\n\n"
            "The optimal price is\n\n$$\np^* = \\frac{\\mathbb{E}[M]}{2\\mathbb{E}[\\eta]}\n$$\n")
    report = check_document("n.md", text)
    [(verdict, reason)] = _verdicts(report, 12)
    assert verdict == "proved" and "by its star" in reason, reason
    slipped = check_document("n.md", text.replace("{2\\mathbb{E}[\\eta]}", "{\\mathbb{E}[\\eta]}"))
    assert _verdicts(slipped, 12)[0][0] != "proved"  # a star is a reading: only ever proved
    assert not [f for f in slipped.findings if f.severity == "error"]


def test_a_constrained_or_matrix_optimum_is_never_false_on_a_scalar_reading() -> None:
    text = "$$\n\\arg\\min_{x \\in C} (x - a)^2 = 2a\n$$\n"
    report = check_document("n.md", text)
    assert [k.verdict for k in report.links] == ["undecided"], [(k.verdict, k.reason) for k in report.links]
    text = "Let $A$ be a matrix.\n\n$$\n\\arg\\min_{x} (A x - b)^2 = 2 A b\n$$\n"
    report = check_document("n.md", text)
    assert not [f for f in report.findings if f.severity == "error"], [(k.verdict, k.reason) for k in report.links]


STEP = """# Scalar functions

Let us minimize the function $f(x) = \\frac{\\lambda}{2} x^2$. For gradient descent we have

$$x_{t+1} = x_t - \\eta \\lambda x_t = (1 - \\eta \\lambda) x_t.$$
"""


def test_an_update_that_is_a_gradient_step_on_the_function_in_scope_is_proved() -> None:
    report = check_document("n.md", STEP)
    [first, second] = _verdicts(report, 5)
    assert first[0] == "proved" and "gradient step on f with rate η" in first[1], first
    assert second[0] == "proved"


@pytest.mark.parametrize("slip", [r"\eta \lambda^2 x_t", r"\eta x_t"])
def test_an_update_that_is_not_a_gradient_step_is_not_proved_and_not_refuted(slip: str) -> None:
    text = STEP.replace(r"\eta \lambda x_t =", slip + " =")
    report = check_document("n.md", text)
    assert _verdicts(report, 5)[0][0] != "proved", _verdicts(report, 5)


def test_an_objective_that_does_not_write_the_variable_is_undecided() -> None:
    text = ("The direction of steepest ascent, with $\\theta$ the angle between $v$ and the gradient:\n\n"
            "$$\n\\underset{v}{\\operatorname{argmax}}\\, 3 \\cos(\\theta) = \\underset{v}{\\operatorname{argmax}}"
            " \\cos(\\theta)\n$$\n")
    report = check_document("n.md", text)
    assert [k.verdict for k in report.links] == ["undecided"], [(k.verdict, k.reason) for k in report.links]
    assert "does not write the variable" in report.links[0].reason
