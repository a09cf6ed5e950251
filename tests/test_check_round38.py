"""Readings added in stop 42, from the unseen sets. Fixtures are written here, in my own words and symbols (the
notes themselves are not stored); each has a correct copy and a slip."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from derive.check.run import check_document, check_file
from fixture_docs import as_sections as _as, error_lines, line_of as _line, slipped, verdicts_at as _verdicts


def _notebook(cells: list[str]) -> str:
    return json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": text.splitlines(keepends=True)}
                                 for text in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


MACRO_CELL = "$$\n\\newcommand{\\pd}{\\partial}\n\\newcommand{\\dd}{\\mathrm{d}}\n$$\n\n# Derivatives by hand\n"
USE_CELL = "Take $q(s) = s^3 + 4s$. Its slope is\n\n$$\n\\frac{\\pd q}{\\pd s} = 3s^2 + 4 .\n$$\n"


def test_a_notebook_cell_of_macros_holds_for_the_cells_after_it(tmp_path: Path) -> None:
    """MathJax keeps a \\newcommand typeset in one cell for every later cell: the notebook's own notation must be
    read, not left "unknown macro"."""
    (tmp_path / ".git").mkdir()
    good = tmp_path / "good.ipynb"
    good.write_text(_notebook([MACRO_CELL, USE_CELL]))
    [link] = [k for k in check_file(str(good)).links if (k.cell, k.line) == (2, 4)]
    assert link.verdict == "proved", link
    bad = tmp_path / "bad.ipynb"
    bad.write_text(_notebook([MACRO_CELL, slipped(USE_CELL, "3s^2 + 4", "3s^2 + 4s")]))
    report = check_file(str(bad))
    assert [(f.cell, f.line, f.code) for f in report.findings if f.severity == "error"] == [(2, 4, "math/false")]


PLAIN_RULE = r"""# Decay from a penalty

Gradient descent with step $\eta$ updates $u_{k+1} = u_k - \eta \nabla J(u_k)$. Adding the penalty, we minimise
$J(u) + \frac{\rho}{2}\|u\|^2$, so the update becomes

$$u_{k+1} = (1 - \eta\rho)\, u_k - \eta \nabla J(u_k).$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_rule_restated_for_a_penalty_the_prose_adds_is_checked(name: str) -> None:
    """The founding claim of weight-decay notes: the rule in force, on the objective with ½ρ‖u‖², is the rule with
    the weights shrunk by 1 − ηρ. It reads a name the rule does not (ρ), and was taken for another scheme."""
    text = _as(name, PLAIN_RULE)
    [(verdict, reason)] = _verdicts(name, text, r"u_{k+1} = (1")
    assert verdict == "proved" and "line 3" in reason, reason
    slip = slipped(text, r"(1 - \eta\rho)", r"(1 - \rho)")
    assert error_lines(name, slip) == [(6, "math/false")]
    [(verdict, reason)] = _verdicts(name, slip, r"u_{k+1} = (1")
    assert verdict == "false" and "(1 − η·ρ)·u_{k}" in reason + str(check_document(name, slip).findings), reason


def test_decay_announced_as_decoupled_is_never_refuted_against_the_penalty() -> None:
    """SGDW-style decay of its own ((1 − ρ)u_k, no η) after the penalty is written: a rule of its own, not a slip in
    the penalty's gradient; undecided, never false."""
    text = slipped(PLAIN_RULE, "so the update becomes",
                   "but decoupled weight decay shrinks the weights outside the gradient instead:")
    text = slipped(text, r"(1 - \eta\rho)", r"(1 - \rho)")
    assert error_lines("doc.md", text) == []
    [(verdict, reason)] = _verdicts("doc.md", text, r"u_{k+1} = (1")
    assert verdict in ("undecided", "not-a-claim"), reason
    # the same line without the word "decoupled" is a slip in the penalty's rule
    assert error_lines("doc.md", slipped(PLAIN_RULE, r"(1 - \eta\rho)", r"(1 - \rho)")) == [(6, "math/false")]


HEAVY_BALL = r"""# Heavy ball on a penalised objective

The method keeps a velocity:

$$
\begin{cases}
p_k = \gamma p_{k-1} + \nabla h(z_{k-1}) \\
z_k = z_{k-1} - \alpha p_k
\end{cases}
$$

We minimise $H(z) = h(z) + \kappa \|z\|^2$ from now on. Substituting its gradient, one step reads

$$
z_k = (1 - 2\alpha\kappa)\, z_{k-1} - \alpha\left(\gamma p_{k-1} + \nabla h(z_{k-1})\right).
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_momentum_on_an_objective_the_notes_name_is_compared_with_the_regularized_gradient(name: str) -> None:
    """κ‖z‖² (no ½): its gradient is 2κz, so the shrink factor is 1 − 2ακ. The correct step was a false error (the
    rule in force has no κ) before; the ½-convention slip and the penalty counted twice are errors now."""
    text = _as(name, HEAVY_BALL)
    assert error_lines(name, text) == []
    [(verdict, reason)] = _verdicts(name, text, r"z_k = (1")
    assert verdict == "proved" and "∇h(z_{k-1}) + 2·κ·z_{k-1}" in reason, reason
    half = slipped(text, r"(1 - 2\alpha\kappa)", r"(1 - \alpha\kappa)")
    assert error_lines(name, half) == [(_line(half, r"z_k = (1"), "math/false")]
    twice = slipped(text, r"\nabla h(z_{k-1})\right).", r"\nabla h(z_{k-1}) + 2\kappa z_{k-1}\right).")
    [(verdict, reason)] = _verdicts(name, twice, r"z_k = (1")
    assert verdict == "false" and "counted twice" in reason, reason


WORDS_ONLY = r"""# Регуляризация

Шаг градиентного спуска: $x_{t} = x_{t-1} - \gamma \nabla f(x_{t-1})$. С $L_2$-регуляризацией с коэффициентом $\mu$ шаг принимает вид

$$x_{t} = (1 - \gamma\mu) x_{t-1} - \gamma \nabla f(x_{t-1}).$$
"""


def test_words_that_name_l2_stand_for_the_usual_half_penalty_and_never_refute() -> None:
    """No penalty written: "L2 regularization with coefficient μ" means ½μ‖x‖² as a rule; a rule that differs may
    follow another convention (μ‖x‖²), or be another scheme altogether: never false."""
    [(verdict, reason)] = _verdicts("doc.md", WORDS_ONLY, r"$$x_{t} = (1")
    assert verdict == "proved" and "usual L2 penalty" in reason, reason
    other = slipped(WORDS_ONLY, r"(1 - \gamma\mu)", r"(1 - 2\gamma\mu)")
    assert error_lines("doc.md", other) == []
    [(verdict, reason)] = _verdicts("doc.md", other, r"$$x_{t} = (1")
    assert verdict == "not-a-claim" and "different scheme" in reason, reason


def test_the_penalty_reading_on_its_own() -> None:
    """regularized.decide with the prose as it stands: the penalty's gradient, the decoupled words, and no reading
    without a gradient of the iterate in the rule."""
    import derive.symbols as S
    from derive.check import regularized

    u, eta, rho = S.symbol("u_{k}"), S.symbol(r"\eta"), S.symbol(r"\rho")
    grad = S.symbol(r"\nabla_{u} J(u_{k})")
    rule = u - eta * grad
    prose = r"we minimise $J(u) + \frac{\rho}{2}\|u\|^2$, so"
    good = regularized.decide(rule, (1 - eta * rho) * u - eta * grad, {rho}, prose, 3)
    assert good is not None and good.verdict == "proved"
    slip = regularized.decide(rule, (1 - rho) * u - eta * grad, {rho}, prose, 3)
    assert slip is not None and slip.verdict == "false" and slip.shown == "(1 − η·ρ)·u_{k} − η·∇J(u_{k})"
    decoupled = regularized.decide(rule, (1 - rho) * u - eta * grad, {rho}, "decoupled decay, not " + prose, 3)
    assert decoupled is not None and decoupled.verdict == "undecided"
    assert regularized.decide(u - eta, (1 - eta * rho) * u - eta, {rho}, prose, 3) is None  # no gradient in the rule
    assert regularized.decide(rule, (1 - eta * rho) * u - eta * grad, {rho}, "so", 3) is None  # no penalty at all


ONE_SIDED = r"""# Log-odds near the ends

The log-odds are

$${\rm logit}(r) = \log \frac{r}{1 - r} .$$

Towards the ends of the interval

$$\lim_{r \to +0} {\rm logit}(r) = -\infty, \qquad \lim_{r \to 1-0} \mathrm{logit}(r) = +\infty .$$

From above, $$\lim_{s \to 0^{+}} s \log s = 0 .$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_one_sided_limits_in_every_spelling_are_taken_from_their_side(name: str) -> None:
    """q → +0 (Russian and Japanese notes), x → 1 − 0 and s → 0^+ approach from one side; read as a two-sided limit
    (or the font group {\\rm logit}(r) as a product logit·r) the first was a false error. A limit whose two sides differ is
    never decided."""
    text = _as(name, ONE_SIDED)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, r"\lim_{r \to +0}")
    assert [v for v, _ in verdicts] == ["proved", "proved"], verdicts
    [(verdict, _)] = _verdicts(name, text, r"\lim_{s \to 0^{+}}")
    assert verdict == "proved"
    wrong_side = slipped(text, r"\lim_{r \to +0} {\rm logit}(r) = -\infty", r"\lim_{r \to +0} {\rm logit}(r) = +\infty")
    assert error_lines(name, wrong_side) == [(_line(wrong_side, r"\lim_{r \to +0}"), "math/false")]
    both = slipped(text, r"\lim_{s \to 0^{+}} s \log s = 0", r"\lim_{s \to 0} \frac{|s|}{s} = 1")
    [(verdict, _)] = _verdicts(name, both, r"\lim_{s \to 0}")
    assert verdict == "undecided"


STEP_THEN_MOMENTUM = r"""# Two steps

Plain descent takes the gradient as its step, $d_n = \frac{\partial E}{\partial v}$, and updates

$$v_n = v_{n-1} - \varepsilon d_n .$$

With momentum, choose $\kappa \in (0, 1)$ and mix each step with the last one:

$$d_n = \kappa \frac{\partial E}{\partial v} + (1 - \kappa) d_{n-1} .$$
"""


def test_a_recurrence_in_place_of_a_step_free_definition_is_a_new_rule() -> None:
    """d_n = g then d_n = κg + (1 − κ)d_{n−1}: under the first, d_{n−1} = g too and the second "held" as g = g. It is
    momentum's rule, a new scheme; a recurrence after a closed form that reads the step stays a claim."""
    [(verdict, reason)] = _verdicts("doc.md", STEP_THEN_MOMENTUM, r"$$d_n = \kappa")
    assert verdict == "not-a-claim" and "recurrence in place of the definition on line 3" in reason, reason
    closed = r"""# Closed form

Let $$q_t = 1 - \beta^t .$$ Hence

$$q_t = \beta q_{t-1} + 1 - \beta .$$
"""
    [(verdict, _)] = _verdicts("doc.md", closed, r"$$q_t = \beta")
    assert verdict == "proved"
    [(verdict, _)] = _verdicts("doc.md", slipped(closed, "+ 1 - \\beta .", "+ 1 ."), r"$$q_t = \beta")
    assert verdict != "proved"


def test_a_label_named_again_among_its_values_is_no_claim() -> None:
    """"spam (c = 1) or not (c = 0)" and later "the class c = 1": c takes its values in turn, naming one again
    restates nothing (it was "proved"). (A value given once and restated is still proved: test_check_claims_restated.)"""
    text = "Each mail is spam ($c = 1$) or not ($c = 0$).\n\nWe then ask how likely $c = 1$ is for a new mail.\n"
    assert [v for v, _ in _verdicts("doc.md", text, "how likely")] == ["not-a-claim"]


CODE_MATH_POST = """---
layout: post
---

The log-likelihood of $n$ draws with total $T$ is

`$$h(\\lambda) = n\\log\\lambda - \\lambda T$$`

and its slope is `$h'(\\lambda) = n/\\lambda - T$`.

```
`$$h(\\lambda) = 0$$` inside a fence is code on every site
```
"""


def _site(root: Path, script: bool) -> Path:
    (root / ".git").mkdir()
    (root / "_config.yml").write_text("title: notes\\nmarkdown: kramdown\\n")
    (root / "_includes").mkdir()
    loads = '<script src="//yihui.org/js/math-code.js"></script>\\n' if script else "<footer></footer>\\n"
    (root / "_includes" / "scripts.html").write_text(loads)
    (root / "_posts").mkdir()
    return root / "_posts" / "2021-04-01-likelihood.md"


def test_math_in_code_spans_is_read_on_a_site_that_loads_math_code_js(tmp_path: Path) -> None:
    """blogdown/Jekyll sites write `$$…$$` in backticks and load math-code.js, which turns such code back into math:
    there, the spans are math (checked, a slip found); a fenced block stays code."""
    post = _site(tmp_path, script=True)
    post.write_text(CODE_MATH_POST)
    report = check_file(str(post))
    assert [(k.line, k.verdict) for k in report.links] == [(7, "not-a-claim"), (9, "proved")]
    post.write_text(slipped(CODE_MATH_POST, r"n/\lambda - T", r"n/\lambda + T"))
    report = check_file(str(post))
    assert [(f.line, f.code) for f in report.findings if f.severity == "error"] == [(9, "math/false")]


def test_math_in_code_spans_on_a_site_without_the_script_is_named_not_silently_skipped(tmp_path: Path) -> None:
    """Without the script the page shows code: nothing is checked, and a note counts the spans (silence is no pass)."""
    post = _site(tmp_path, script=False)
    post.write_text(CODE_MATH_POST)
    report = check_file(str(post))
    assert report.links == []
    [note] = [f for f in report.findings if f.code == "check/math-in-code"]
    assert (note.line, note.severity) == (7, "info") and note.message.startswith("2 code span(s)"), note


def test_the_script_reads_only_the_code_texts_it_typesets() -> None:
    """`\\(x\\)`, `\\[x\\]`, an environment and `$…$` are typeset, even `$a$ and $b$` (the script makes it one
    formula, "a$ and $b", which does not parse); plain code is not, and neither is a lone backtick between spaces
    (kramdown's literal one); a double run loses its spaces."""
    from derive.check.math_code import code_span_math

    text = r"`$a$ and $b$` `\(x + 1\)` `print(x)` `\[y = 2\]` `\begin{aligned}z &= 1\end{aligned}` ` $p$ ` `` $q$ ``"
    found, spans = code_span_math(text)
    assert [text[f.start:f.end] for f in found] == ["a$ and $b", "x + 1", "y = 2", r"\begin{aligned}z &= 1\end{aligned}",
                                                    "q"]
    assert [f.display for f in found] == [False, False, True, True, False] and len(spans) == 5


RIDGE_THEN_LASSO = r"""# Two penalties

Descent on the loss alone steps $b_{j+1} = b_j - \tau \nabla Q(b_j)$. With the ridge penalty $Q(b) + \frac{\mu}{2}\|b\|^2$ the step becomes

$$b_{j+1} = (1 - \tau\mu)\, b_j - \tau \nabla Q(b_j).$$

With the lasso penalty $Q(b) + \mu\|b\|_1$ instead, a subgradient step reads

$$b_{j+1} = b_j - \tau\left(\nabla Q(b_j) + \mu\,\mathrm{sign}(b_j)\right).$$
"""


def test_a_rule_after_a_penalty_of_another_kind_is_not_compared_with_the_ridge_one() -> None:
    """The latest penalty in the prose is the L1 one: the subgradient step after it is its rule, never refuted with
    the ridge penalty written before (the ridge step itself is still proved)."""
    assert error_lines("doc.md", RIDGE_THEN_LASSO) == []
    [(verdict, _)] = _verdicts("doc.md", RIDGE_THEN_LASSO, r"$$b_{j+1} = (1")
    assert verdict == "proved"
    [(verdict, _)] = _verdicts("doc.md", RIDGE_THEN_LASSO, r"$$b_{j+1} = b_j - \tau\left(")
    assert verdict != "false"


def test_a_recurrence_in_numbers_after_its_closed_form_is_checked() -> None:
    """q_t = 0.5q_{t−1} + 0.5 after q_t = 1 − 0.5^t: with the closed form put in, the sides share no symbol (t on the
    left, q_{t−1} on the right), and the claim was taken for an equation in unknowns; q_{t−1} is a step of the
    quantity defined, read by its definition."""
    text = "# Closed form\n\nWe have $$q_t = 1 - 0.5^t .$$ Then\n\n$$q_t = 0.5 q_{t-1} + 0.5 .$$\n"
    [(verdict, reason)] = _verdicts("doc.md", text, "$$q_t = 0.5")
    assert verdict == "proved" and "q_{t-1}" in reason, reason
    slip = slipped(text, "0.5 q_{t-1} + 0.5 .", "0.5 q_{t-1} + 0.4 .")
    [(verdict, _)] = _verdicts("doc.md", slip, "$$q_t = 0.5")
    assert verdict != "proved"  # (undecided, as with β: a closed form of a recurrence is not refuted)


CENTRAL = r"""# Central differences

The symmetric quotient is more accurate than the one-sided one:

$$
\frac{g(s+k) - g(s-k)}{2k} \approx g'(s) + \frac{g'''(s)}{6}k^2 + \dots = g'(s) + O(k^2).
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_ellipsis_after_the_last_term_of_an_expansion_holds_the_higher_orders(name: str) -> None:
    """g′ + g‴k²/6 + … = g′ + O(k²): the ellipsis is the terms after k², inside the remainder (it was read as a term
    of order 0 and the link refuted); with O(k³) the k² term is outside it (false); against O(k⁴) the ellipsis
    after k² may hold a k³ term, so nothing is decided."""
    text = _as(name, CENTRAL)
    assert error_lines(name, text) == []
    [_, (verdict, reason)] = _verdicts(name, text, r"\frac{g(s+k)")
    assert verdict == "proved" and "ellipsis" in reason, reason
    tighter = slipped(text, "O(k^2)", "O(k^3)")
    assert error_lines(name, tighter) == [(_line(tighter, r"\frac{g(s+k)"), "math/false")]
    early = slipped(text, "+ O(k^2).", r"+ \frac{g'''(s)}{6}k^2 + O(k^4).")
    [_, (verdict, reason)] = _verdicts(name, early, r"\frac{g(s+k)")
    assert verdict == "undecided" and "ellipsis" in reason, reason  # (the ellipsis after k² may hold k³)


READ_AS_NOTATION = r"""# Notation

Take the map $r(v) = Cv$ and the coin model $\mathcal{F}(p) = \frac{1}{p(1-p)}$, its information.

The Jacobian of the map is $Jr(v) = J$, and the inverse information is $\mathcal{F}(p)^{-1} = p(1-p)$.

We work with the log-likelihood ${LL} = \log{{L}}$ rather than the likelihood.
"""


def test_notation_read_as_the_notes_mean_it() -> None:
    """Jr(v) is the Jacobian of r (an operator before a call of a defined function, not J times r(v)); \\mathcal{F}(p)
    is a function the notes define (it was ℱ·p); LL is the log-likelihood (it was L·L = L²). All three were false
    errors; a slip in the information's inverse is still found."""
    assert error_lines("doc.md", READ_AS_NOTATION) == []
    [(verdict, reason)] = _verdicts("doc.md", READ_AS_NOTATION, "The Jacobian")[:1]
    assert verdict == "undecided" and "operator" in reason, reason
    assert _verdicts("doc.md", READ_AS_NOTATION, "The Jacobian")[1][0] == "proved"
    slip = slipped(READ_AS_NOTATION, r"= p(1-p)$.", r"= p(1+p)$.")
    assert error_lines("doc.md", slip) == [(5, "math/false")]


MODEL_THEN_EXAMPLE = r"""# A linear model

The response is modelled as

$$h(Z) = c_0 + c_1 Z_1 + \cdots c_q Z_q$$

## A worked example

Now the response is exactly $V = e^{-(z_1^2 + z_2^2)}$.
The best prediction at $z_0 = (0,0)$ is $h((0,0)) = 1$.
"""


def test_a_value_of_a_function_with_open_parameters_is_no_refutation() -> None:
    """h((0, 0)) = 1 for the model h(Z) = c_0 + c_1Z_1 + ⋯ c_qZ_q of another section: it holds for some c_0 — the
    setting, said in words; a function without open parameters is still refuted at a point."""
    assert error_lines("doc.md", MODEL_THEN_EXAMPLE) == []
    [(verdict, reason)] = _verdicts("doc.md", MODEL_THEN_EXAMPLE, "best prediction")[-1:]
    assert verdict == "undecided" and "c_{0}" in reason, reason
    closed = "# F\n\nLet $u(x) = x^2 + 1$. Then $u(2) = 4$.\n"
    assert error_lines("doc.md", closed) == [(3, "math/false")]


def test_events_and_conditional_values_are_not_claims() -> None:
    """"observamos $H = h$" (a random variable at its value) and "$\\operatorname{rk}(X) = D$ si $N \\geq D$" (a value
    under a condition) name nothing: a later mention was "proved" from the first."""
    events = ("Observamos el par $(x, h)$ y asignamos probabilidad a $H = h$.\n\n"
              "Si la probabilidad es casi cero y observamos $H = h$, el castigo es enorme.\n")
    assert [v for v, _ in _verdicts("doc.md", events, "Si la")] == ["not-a-claim"]
    rank = ("Ignoring repeated inputs, $\\operatorname{rk}(X) = D$ if $N \\geq D$.\n\n"
            "We may invert $X^\\top X$, as then $\\operatorname{rk}(X) = D$ holds.\n")
    assert [v for v, _ in _verdicts("doc.md", rank, "We may")] != ["proved"]


def test_the_latest_penalty_written_decides_which_objective_a_rule_is_for() -> None:
    """Two penalties in one sentence, the L1 one last: the subgradient step after it is the L1 objective's rule,
    never refuted against the L2 penalty written before it."""
    text = (r"Descent steps $b_{j+1} = b_j - \tau \nabla Q(b_j)$. One may minimise $Q(b) + \frac{\mu}{2}\|b\|^2$ or, "
            r"for sparse weights, $Q(b) + \mu\|b\|_1$; the subgradient step for the latter is" + "\n\n"
            r"$$b_{j+1} = b_j - \tau\left(\nabla Q(b_j) + \mu\,\mathrm{sign}(b_j)\right).$$" + "\n")
    assert error_lines("doc.md", text) == []


ROW_GROUPS = r"""# Momentum, as a converted book prints it

$$ \begin{array}{r l} &{y_{i+1}=y_{i}-\gamma\nabla h(y_{i})+\alpha\Delta y_{i}}\\ &{\Delta y_{i}=y_{i}-y_{i-1}} \end{array} $$

so that $$ \begin{array}{r l} &{y_{i+1}-y_{i}=\alpha(y_{i}-y_{i-1})-\gamma\nabla h(y_{i})} \end{array} $$
"""


def test_a_brace_group_around_a_whole_row_is_grouping_only() -> None:
    """OCR'd books brace every cell of an array (``&{x = …}\\\\``): the relation is the row's, read as written (it
    was "a relation inside a group", every row unread); a relation inside an expression's group is still reported."""
    assert error_lines("doc.md", ROW_GROUPS) == []
    [(verdict, _)] = _verdicts("doc.md", ROW_GROUPS, "so that")
    assert verdict == "proved"
    slip = slipped(ROW_GROUPS, r"=\alpha(y_{i}-y_{i-1})", r"=\alpha(y_{i}+y_{i-1})")
    assert error_lines("doc.md", slip) == [(5, "math/false")]
    from derive.check.latex import parse_block
    assert [p.message for p in parse_block("a + {b = c}").problems] == ["a relation inside a group is not modelled"]


def test_a_value_written_as_a_fraction_is_no_computation_to_carry_on() -> None:
    """"a maximum at $x = -2/3$ and a minimum at $x = 0$": two values of x, one written as a fraction; the second was
    refuted as if it carried out the first (−2/3 counted as a computation, two numbers for one value)."""
    text = ("# Extrema\n\nLet $f(x) = x^3 + x^2$. Then $f'(x) = 3x^2 + 2x$ vanishes at two points.\n\n"
            "So $f$ has a local maximum at $x = -2/3$ and a local minimum at $x = 0$.\n")
    assert error_lines("doc.md", text) == []
    computed = "# Sum\n\nThe step is $s = 2/3 + 1/3$, so\n$$s = 2 .$$\n"
    assert error_lines("doc.md", computed) == [(4, "math/false")]


def test_an_equation_a_step_size_is_chosen_to_solve_is_no_recurrence_claim() -> None:
    """"a_k can be chosen so that a_k²/(2c_{k+1}) = 1/(2M)" with c_k defined by a recurrence: the sides share no
    symbol, and c_{k+1} is a step of a defined quantity, but the claim does not restate c — an equation in unknowns."""
    text = (r"A step gives $f(y) \le f(x) - \frac{1}{2M}\|\nabla f(x)\|^2$. Let $$c_{k+1} = (1 - a_k) c_k + a_k m .$$"
            + "\n\n" + r"Можно выбрать $a_k$ так, чтобы $\frac{a_k^2}{2c_{k+1}} = \frac{1}{2M}$." + "\n")
    assert error_lines("doc.md", text) == []


def test_a_function_defined_in_an_aligned_row_and_a_sum_of_a_constant() -> None:
    """``\\mathcal{F}(p) \\n&= …`` defines ℱ (the alignment mark before = hid it); Σ_{i=1}^{n} ℐ_1(θ) restated as nℐ_1(θ)
    is the same body (a sum of what i does not index), not "another body"."""
    aligned = ("# Information\n\n$$\n\\begin{aligned}\n\\mathcal{F}(p)\n&= \\frac{1}{p} + \\frac{1}{1-p} \\\\\n"
               "&= \\frac{1}{p(1-p)}\n\\end{aligned}\n$$\n\nHence $\\mathcal{F}(p)^{-1} = p(1-p)$.\n")
    assert error_lines("doc.md", aligned) == []
    assert _verdicts("doc.md", aligned, "Hence")[0][0] == "proved"
    summed = ("# Information\n\nFor independent data\n$$\\mathcal{I}_n(\\theta) = \\sum_{i=1}^n \\mathcal{I}_1(\\theta)$$\n\n"
              "so that, for identically distributed ones, $\\mathcal{I}_n(\\theta) = n \\mathcal{I}_1(\\theta)$.\n")
    assert error_lines("doc.md", summed) == []
    assert _verdicts("doc.md", summed, "so that")[-1][0] == "proved"


def test_fresh52_readings() -> None:
    """An expansion set to zero because of a fact (Cayley–Hamilton) is an equation; a model fitted in an example is
    not refuted with the general model's open coefficients; "whatever g" is never claimed through a g defined in
    another section; a value said in another section is not restated."""
    hamilton = ("# Krylov\n\nWith the characteristic polynomial $q(\\mu) = \\det(B - \\mu I)$, Cayley–Hamilton gives\n\n"
                "- $q(B)v = B^m v + a_1B^{m-1}v + \\ldots + a_m v = 0$\n"
                "- $B^{-1}q(B)v = B^{m-1}v + a_1B^{m-2}v + \\ldots + a_m B^{-1}v = 0$\n")
    assert error_lines("doc.md", hamilton) == []
    fitted = ("# Least squares\n\nThe best parameters are\n$$w = (ZZ^T)^{-1} Z y^T$$\n\nOne feature gives the line\n"
              "$$r(z) = w_1 z_1 + w_0$$\n\n# An example\n\n"
              "Two points fitted exactly give the model\n$$50 z_1 + 7 = r(z)$$\n")
    assert error_lines("doc.md", fitted) == []
    general = ("## A quadratic\n\n$$q(u) = \\frac{1}{2}u^{\\top}Bu$$\n\n## A general convex q\n\n"
               "The mean value theorem gives $H(u) = \\int_0^1 q''(u(s))ds = q''(w)$.\n")
    assert "proved" not in [v for v, _ in _verdicts("doc.md", general, "The mean value")]
    elsewhere = ("\\section{Offset}\nThe offset is what the model outputs with all inputs switched off ($z=\\vec{0}$).\n"
                 "\\section{Singular matrices}\nWays of saying that a square matrix $B$ is singular:\n"
                 "\\begin{itemize}\n    \\item its determinant vanishes;\n"
                 "    \\item $Bz=0$ has a solution other than $z=0$.\n\\end{itemize}\n")
    assert [v for v, _ in _verdicts("doc.tex", elsewhere, "item $Bz")][-1] != "proved"



def test_a_link_that_holds_with_the_function_opaque_holds_whatever_it_is() -> None:
    """f(b) − f(a) = ∫_a^b f′(x)dx holds for every f, even where a later section defines one f: the definition is
    not what proves it, so the fresh52 guard (no "whatever g" through a definition) leaves the proof standing."""
    text = ("# Calculus\n\nFor every differentiable function the fundamental theorem gives\n"
            "$$f(b) - f(a) = \\int_a^b f'(x)\\,dx .$$\n\n# An example\n\n$$f(x) = x^2 + 1$$\n")
    [(verdict, reason)] = _verdicts("doc.md", text, "$$f(b)")
    assert verdict == "proved" and "whatever f" in reason, reason


def test_a_slip_in_the_rule_is_found_in_notes_about_weight_decay() -> None:
    """"Weight decay" in a heading or the prose is what the L2 penalty does to SGD: it does not excuse (1 − ρ) for
    (1 − ηρ); only decoupled decay (AdamW, SGDW) is a rule of its own."""
    text = slipped(PLAIN_RULE, "# Decay from a penalty", "# Weight decay")
    [(verdict, _)] = _verdicts("doc.md", text, r"u_{k+1} = (1")
    assert verdict == "proved"
    assert error_lines("doc.md", slipped(text, r"(1 - \eta\rho)", r"(1 - \rho)")) == [(6, "math/false")]
