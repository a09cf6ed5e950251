"""Derivations that solve an equation, claims under a condition set off by a blank line, and a checker bug
confined to its own display.

* "set the derivative to zero: ``−2Aw + 2λBw = 0``, hence ``Aw = λBw``": the second is the first divided by −2,
  not an identity; a constant side makes the first a condition only when it fixes a case (``β = 0``), not when
  it sets an expression of several quantities to zero;
* "And when $\\nu = 0$ … we get:⏎⏎$$…$$": a display after a blank line belongs to the sentence before it, so
  the condition applies and never becomes a false finding;
* ``r(\\mathbf{S}_w) = r(\\mathbf{S}_w^{-1})`` where the document applies ``r`` elsewhere: a function, not a product;
* a bug in one display (an exception inside SymPy) leaves every other display examined.
"""
from __future__ import annotations

import sympy as sp

from derive import proof
from derive.check import verify
from derive.check.run import check_document

STATIONARY = r"""
# Fisher

The Lagrangian gives the derivative
$$\frac{\partial L}{\partial w} = -2 A w + 2 \lambda B w$$
and setting it to zero,
$$-2 A w + 2 \lambda B w = 0$$
that is,
$$A w = \lambda B w$$
"""

CONDITION_AFTER_BLANK = r"""
# QHM

The buffer is $v_t = (1 - \nu) s_{t-1} + \nu g_t$ for a fixed $\nu$.

And when $\nu = 0$ the second term disappears, so we get:

$$
2 v_t = 2 s_{t-1}
$$
"""

RANK = r"""
# Rank

The rank $r(A)$ is at most $d$. Since $A$ is invertible,
$$r(A) = r(A^{-1})$$
"""


def _verdicts(text: str, name: str = "doc.md") -> dict[int, tuple[str, str]]:
    return {k.line: (k.verdict, k.reason) for k in check_document(name, text).links}


def _errors(text: str, name: str = "doc.md") -> list[str]:
    return [f.text() for f in check_document(name, text).findings if f.severity == "error"]


def test_a_rearranged_stationarity_condition_follows_from_it() -> None:
    links = _verdicts(STATIONARY)
    assert links[9] == ("proved", "follows from the equation on line 7, multiplied by -1/2"), links
    assert _errors(STATIONARY) == []


def test_a_rearrangement_that_changes_the_equation_is_still_false() -> None:
    bad = STATIONARY.replace(r"$$A w = \lambda B w$$", r"$$A w = 2 \lambda B w$$")
    assert [e.split("error[")[1][:10] for e in _errors(bad)] == ["math/false"]


def test_a_case_value_is_not_an_equation_a_general_claim_derives_from() -> None:
    case = "# Case\n\nIf\n$$\\beta = 0$$\nthen\n$$m_t = \\beta m_{t-1} + g_t$$\nand so\n$$m_t = g_t + \\beta$$\n"
    assert not any("follows from the equation" in reason for _, reason in _verdicts(case).values())


def test_a_condition_before_a_blank_line_applies_to_the_display_after_it() -> None:
    assert _errors(CONDITION_AFTER_BLANK) == []
    # without the condition the same display is a slip: the rule is not "never report"
    bare = CONDITION_AFTER_BLANK.replace("And when $\\nu = 0$ the second term disappears, so we get:", "So we get:")
    assert len(_errors(bare)) == 1


def test_a_letter_applied_to_a_styled_argument_elsewhere_is_a_function() -> None:
    text = RANK.replace("A", r"\mathbf{S}_w")
    assert _errors(text) == []
    (verdict, reason), = [v for line, v in _verdicts(text).items() if line == 5]
    assert verdict == "undecided" and "may be the function r" in reason


def test_a_bound_index_under_a_root_or_a_log_is_not_sampled() -> None:
    i, m = sp.Symbol("i", real=True), sp.Symbol("m", real=True)  # as the reader makes them
    x = sp.IndexedBase("x")
    lhs = sp.Sum(sp.log(1 + sp.exp(x[i])), (i, 1, m))
    assert proof.numeric_difference(lhs, lhs).status == "true"
    assert proof.numeric_difference(lhs, lhs + 1).status == "false"


def test_a_checker_bug_costs_its_display_only(monkeypatch) -> None:
    original = verify.DocumentChecker._verify_item

    def broken(self, item):  # a bug in the second display only
        if item.block.line == 7:
            raise RecursionError("maximum recursion depth exceeded")
        return original(self, item)

    monkeypatch.setattr(verify.DocumentChecker, "_verify_item", broken)
    report = check_document("doc.md", STATIONARY)
    internal = [f for f in report.findings if f.code == "checker/internal-error"]
    assert [(f.line, f.severity) for f in internal] == [(7, "warning")]
    verdicts = {k.line: (k.verdict, k.reason) for k in report.links}
    assert verdicts[7][0] == "undecided" and verdicts[9][1] != "not examined", verdicts
    # line 9 follows from line 7, which the bug left undecided: only as good as that premise, never proved
    assert verdicts[9] == ("undecided", "follows from the equation on line 7, multiplied by -1/2, which is itself "
                                        "not decided"), verdicts


def test_a_display_after_a_blank_line_shares_the_sentence_before_it() -> None:
    from derive.check.extract import extract
    from derive.check.prose import cues

    text = "When $x = 0$ we get:\n\n$$y = 1$$\n\nA new paragraph.\n\n$$z = 2$$\n"
    blocks = extract("doc.md", text)
    sentence = cues(text, blocks).sentence
    assert sentence[0] == sentence[1] != sentence[2]


def test_a_file_out_of_time_reports_every_link_undecided_from_where_it_stopped() -> None:
    import time

    from derive.check.run import CheckOptions

    whole = check_document("doc.md", STATIONARY)
    late = check_document("doc.md", STATIONARY, CheckOptions(timeout=10.0), started=time.monotonic() - 100)
    assert len(late.links) == len(whole.links) >= 3  # nothing vanishes from the links report
    assert {k.verdict for k in late.links} == {"undecided"}
    assert all("time budget of 10 s ran out" in k.reason for k in late.links)
    stops = [f for f in late.findings if f.code == "checker/timeout"]
    assert [(f.line, f.severity) for f in stops] == [(5, "warning")], late.findings
    # with time to spare the same call checks everything
    on_time = check_document("doc.md", STATIONARY, CheckOptions(timeout=600.0), started=time.monotonic())
    assert [k.verdict for k in on_time.links] == [k.verdict for k in whole.links]


MINIMIZER = r"""
# Problem

Suppose we want to minimize the function

$$R(h) = \sqrt{(h - 3)^2 + 1}$$

The value that minimizes it is

$$h^* = 3$$
"""


def test_a_starred_answer_is_proved_the_minimizer_of_the_function_in_scope() -> None:
    assert _verdicts(MINIMIZER)[10] == ("proved", "the minimizer of R: R′ = 0 there and R″ > 0")


def test_a_starred_value_that_is_not_stationary_or_is_a_maximum_is_not_proved() -> None:
    assert _verdicts(MINIMIZER.replace("h^* = 3", "h^* = 2"))[10][0] == "not-a-claim"
    concave = MINIMIZER.replace(r"\sqrt{(h - 3)^2 + 1}", r"-(h - 3)^2")
    assert _verdicts(concave)[10][0] == "not-a-claim"


def test_coordinates_against_a_vector_inside_a_sum_are_undecided_not_a_crash() -> None:
    from derive.check.verify import _coordinates

    w, x, j, n = sp.symbols("w x j n")
    explicit = sp.Symbol("w_{1}") * sp.Symbol("x_{1}") + sp.Symbol("w_{2}") * sp.Symbol("x_{2}")
    other = sp.Sum(w * x * j, (j, 1, n))
    expanded, why = _coordinates(explicit, other)
    assert expanded is None and "not a polynomial" in why
