"""What an unseen round of public notes (fresh18: backpropagation gates, SGD on finite sums) showed: derivatives
written next to the function they differentiate, partial derivatives of named quantities, expectations over a
uniformly drawn index, and sums of functions named with the sum's index. Fixtures are written here, in the
notation those notes use, each with a planted slip."""
from __future__ import annotations


import pytest

from derive.check.run import check_document
from fixture_docs import as_document as _as



GATES_MD = r"""
# Gates

$$
f(x,y) = x y \hspace{0.5in} \rightarrow \hspace{0.5in} \frac{\partial f}{\partial x} = y \hspace{0.5in} \frac{\partial f}{\partial y} = x
$$

$$
\begin{aligned}
f(x) &= \frac{1}{x} \quad \rightarrow \quad \frac{df}{dx} = -1/x^2 \\
f_c(x) &= c + x \quad \rightarrow \quad \frac{df}{dx} = 1 \\
f_a(x) &= ax \quad \rightarrow \quad \frac{df}{dx} = a
\end{aligned}
$$

Split it: $q = x + y$ and $f = q z$, so $\frac{\partial f}{\partial q} = z$ and $\frac{\partial f}{\partial z} = q$.
"""

GATES_TEX = GATES_MD.replace("# Gates", r"\section{Gates}").replace("$$\n\\begin{aligned}", "\\begin{align*}") \
    .replace("\\end{aligned}\n$$", "\\end{align*}").replace("$$\nf(x,y)", "\\[\nf(x,y)").replace("= x\n$$", "= x\n\\]")


def _derivative_links(name: str, text: str) -> list[tuple[str, str]]:
    return [(k.right, k.verdict) for k in check_document(name, text).links if k.left.startswith(r"\frac{")]


@pytest.mark.parametrize(("name", "text"), [("doc.md", GATES_MD), ("doc.tex", GATES_TEX)])
def test_a_derivative_next_to_its_function_is_a_claim(name: str, text: str) -> None:
    assert GATES_TEX.count(r"\begin{align*}") == 1 and r"\[" in GATES_TEX
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    assert _derivative_links(name, text) == [("y", "proved"), ("x", "proved"), ("-1/x^2", "proved"),
                                             ("1", "proved"), ("a", "proved"), ("z", "proved"), ("q", "proved")]


@pytest.mark.parametrize(("good", "bad"), [
    (r"\frac{\partial f}{\partial y} = x", r"\frac{\partial f}{\partial y} = y"),   # a function of two variables
    (r"\frac{df}{dx} = 1 \\", r"\frac{df}{dx} = c \\"),                             # the row's own f_c
    (r"\frac{\partial f}{\partial q} = z$", r"\frac{\partial f}{\partial q} = q$"),  # a named product
])
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_in_a_gate_derivative_is_found_on_its_line(good: str, bad: str, name: str) -> None:
    text = GATES_MD if name == "doc.md" else GATES_TEX
    assert text.count(good) == 1
    slipped = text.replace(good, bad)
    line = slipped[:slipped.index(bad)].count("\n") + 1
    errors = [f for f in check_document(name, slipped).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(line, "math/false")]


SGD = r"""
# Stochastic gradients

The loss is an average, $f(w) = \frac{1}{n} \sum_{i=1}^{n} f_i(w)$. Pick $i$ uniformly at random from
$\{1, \dots, n\}$. Then

$$\mathbb{E}_i[\nabla f_i(w)] = \sum_{i=1}^{n} \frac{1}{n} \nabla f_i(w) = \nabla f(w).$$
"""


def test_an_expectation_over_a_uniform_index_is_the_mean() -> None:
    links = check_document("doc.md", SGD).links
    assert [k.verdict for k in links] == ["not-a-claim", "proved", "proved"], [(k.verdict, k.reason) for k in links]
    assert "drawn uniformly" in links[1].reason


def test_without_the_uniform_draw_the_expectation_is_not_the_mean() -> None:
    text = SGD.replace("uniformly at random", "by a sampler")
    link = check_document("doc.md", text).links[1]
    assert link.verdict == "undecided", link.reason


def test_a_slip_under_the_uniform_draw_is_never_proved() -> None:
    text = SGD.replace(r"\mathbb{E}_i[\nabla f_i(w)] =", r"\mathbb{E}_i[\nabla f_i(w)^2] =")
    assert check_document("doc.md", text).links[1].verdict != "proved"


@pytest.mark.parametrize("claim", [
    r"\frac{1}{n}\sum_{i=1}^{n} f_i(w)^2 = \left(\frac{1}{n}\sum_{i=1}^{n} f_i(w)\right)^2",
    r"\sum_{i=1}^{n} f_i(w)^2 = \frac{1}{n}\left(\sum_{i=1}^{n} f_i(w)\right)^2",
    r"\sum_{i=1}^{n} \nabla f_i(w) = n \nabla f_i(w)",
])
def test_a_function_named_with_the_sums_index_is_not_a_constant(claim: str) -> None:
    # the mean of squares is not the square of the mean: SymPy summed f_i(w) as a constant and proved these
    text = "Let $f(w) = \\frac{1}{n} \\sum_{i=1}^{n} f_i(w)$.\n\nClaim: $" + claim + "$.\n"
    link = check_document("doc.md", text).links[-1]
    assert link.verdict != "proved", link.reason


PSEUDOCODE_QMD = """---
title: Gradient descent
{front}---

```pseudocode
#| html-line-number: true
\\begin{{algorithm}}
\\begin{{algorithmic}}
\\Procedure{{GD}}{{$x_{{0}}, \\eta$}}
  \\State $t \\gets 0$
  \\State $x_{{t+1}} = x_t - \\eta f'(x_t)$
\\EndProcedure
\\end{{algorithmic}}
\\end{{algorithm}}
```

For $f(x) = x^2$ the step is $x_{{t+1}} = (1 - 2\\eta) x_t$.
"""


@pytest.mark.parametrize("where", ["project", "front matter", "nowhere"])
def test_quartos_pseudocode_filter_typesets_its_algorithms_math(tmp_path, where: str) -> None:
    from derive.check.run import check_file

    front = "filters:\n  - pseudocode\n" if where == "front matter" else ""
    (tmp_path / "_quarto.yml").write_text("project:\n  type: book\n" + (
        "filters:\n  - pseudocode\n" if where == "project" else ""), encoding="utf-8")
    page = tmp_path / "gd.qmd"
    text = PSEUDOCODE_QMD.format(front=front)
    page.write_text(text, encoding="utf-8")
    rows = [n + 1 for n, line in enumerate(text.split("\n")) if line.lstrip().startswith("\\State")]
    lines = sorted({k.line for k in check_file(str(page)).links})
    algorithm = [n for n in lines if n <= rows[-1]]
    if where == "nowhere":
        assert algorithm == []  # without the filter the fence is code, shown as written
    else:
        assert algorithm == rows, lines
    assert lines[-1] == len(text.split("\n")) - 1  # the prose's formula after the fence, read either way


@pytest.mark.parametrize(("written", "reads"), [
    (r"(w x_i - y_i) 1", True),       # the inner derivative written after the chain rule's bracket
    (r"\left(w x_i - y_i\right) 2", True),
    (r"x 2", False),                  # x·2 or x_2?
    (r"(a + b) 0.5", False),          # a decimal after a bracket: a value, or a footnote mark?
])
def test_a_whole_number_after_a_closing_bracket_is_a_factor(written: str, reads: bool) -> None:
    from derive.check.latex import parse_block

    parsed = parse_block(written)
    assert (not parsed.problems) == reads, parsed.problems


BARS_MD = r"""
# Slopes at a point

Let $f(x) = x^2$. At $x = 2$ the slope is $\frac{\partial f(x)}{\partial x} \vert_{x=2} = 4$, and
$\left.\frac{df}{dx}\right|_{x=3} = 6$, $\frac{df}{dx}\Big|_{x=1} = 2$, $f'(x)\big|_{x = x_0} = 2x_0$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_at_a_point_is_a_claim(name: str) -> None:
    text = _as(name, BARS_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    bars = [k.verdict for k in report.links if "_{x" in k.left]
    assert bars == ["proved"] * 4, [(k.left, k.verdict, k.reason) for k in report.links]
    slipped = text.replace(r"\right|_{x=3} = 6", r"\right|_{x=3} = 5")
    errors = [f for f in check_document(name, slipped).findings if f.severity == "error"]
    assert [(f.code, "the definitions give 6" in f.message) for f in errors] == [("math/false", True)]


def test_a_bar_without_a_point_is_not_read_as_one() -> None:
    from derive.check.latex import parse_block

    assert parse_block(r"f(x) \big|_{x_0}", functions=frozenset({"f"})).problems


ELLIPSIS_MD = r"""
# Sums written out

A linear model writes $w_1 x_1 + w_2 x_2 + \cdots + w_d x_d = \sum_{j=1}^{d} w_j x_j$.

The momentum is $m_t = (1-\beta)\left(g_t + \beta g_{t-1} + \dots + \beta^{t-1} g_1\right) = (1-\beta)\sum_{i=1}^{t}\beta^{t-i} g_i$.

Its weights add up to $(1-\beta)(1 + \beta + \ldots + \beta^{t-1}) = 1 - \beta^t$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_sum_written_out_is_compared_with_its_sigma_or_closed_form(name: str) -> None:
    text = _as(name, ELLIPSIS_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    decided = [(k.verdict, k.reason.split(":")[0]) for k in report.links if k.verdict != "not-a-claim"]
    assert decided == [("proved", "the terms written are the sum's at j = 1, …, d"),
                       ("proved", "the terms written are the sum's at i = 1, …, t"),
                       ("proved", "a geometric sum")], decided


@pytest.mark.parametrize(("good", "bad", "message"), [
    (r"\sum_{j=1}^{d} w_j x_j", r"\sum_{j=1}^{d-1} w_j x_j", "the written terms end at j = d, the sum ends at j = d − 1"),
    (r"\sum_{i=1}^{t}\beta^{t-i}", r"\sum_{i=0}^{t}\beta^{t-i}", "start at i = 1, the sum starts at i = 0"),
    (r"\ldots + \beta^{t-1}) = 1", r"\ldots + \beta^{t}) = 1", "the geometric sum (1 − β)·Σ_{j=0}^{t} β^j"),
])
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_wrong_bound_of_a_written_out_sum_is_named(good: str, bad: str, message: str, name: str) -> None:
    text = _as(name, ELLIPSIS_MD)
    assert text.count(good) == 1
    slipped = text.replace(good, bad)
    line = slipped[:slipped.index(bad)].count("\n") + 1
    errors = [f for f in check_document(name, slipped).findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(line, "math/false")]
    assert message in errors[0].message, errors[0].message


def test_a_written_out_sum_against_an_unrolled_recurrence_is_never_false() -> None:
    text = r"Let $s_t = \beta s_{t-1} + 1$ with $s_0 = 0$. Then $s_t = 1 + \beta + \dots + \beta^{t-1}$." + "\n"
    report = check_document("doc.md", text)
    assert [f for f in report.findings if f.severity == "error"] == []


def test_pi_in_an_angle_is_the_number() -> None:
    # a cosine schedule worked at its half period: cos(π/2) = 0, so the arithmetic is checked, and a slip found
    text = r"At epoch 5: $0.001 + 0.5 \times (0.1 - 0.001) \times (1 + \cos(\pi/2)) = 0.0505$." + "\n"
    assert [k.verdict for k in check_document("doc.md", text).links] == ["proved"]
    slipped = text.replace("= 0.0505", "= 0.0605")
    assert [f.code for f in check_document("doc.md", slipped).findings if f.severity == "error"] == ["math/false"]


DERIVATIVE_OF_WRITTEN_SUM = r"""
# The gradient of a linear model

The model is $\hat{y}_i = w_0 + w_1 x_{i1} + \cdots + w_d x_{id}$. In the bias,
$\frac{\partial}{\partial w_0} (w_0 + w_1 x_{i1} + \cdots + w_d x_{id}) = 1$, and in a weight
$\frac{\partial (w_0 + w_1 x_{i1} + \dots + w_d x_{id})}{\partial w_1} = x_{i1}$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_derivative_of_a_sum_written_out_is_that_of_its_written_terms(name: str) -> None:
    text = DERIVATIVE_OF_WRITTEN_SUM if name == "doc.md" else \
        DERIVATIVE_OF_WRITTEN_SUM.replace("# The gradient of a linear model", r"\section{The gradient of a linear model}")
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [k.verdict for k in report.links if k.left.startswith(r"\frac")] == ["proved", "proved"]
    slipped = text.replace(r"\cdots + w_d x_{id}) = 1", r"\cdots + w_d x_{id}) = x_{i1}")
    errors = [f for f in check_document(name, slipped).findings if f.severity == "error"]
    assert [f.code for f in errors] == ["math/false"]


def test_a_derivative_of_a_named_function_equal_to_a_number_stays_a_condition() -> None:
    # ∂L/∂w = 0 and ∂/∂w (w² − 2w) = 0 are stationarity conditions, not claims
    text = r"Let $L(w) = w^2 - 2w$. Setting $\frac{\partial}{\partial w}(w^2 - 2w) = 0$ gives $w = 1$." + "\n"
    verdicts = [(k.verdict, k.reason) for k in check_document("doc.md", text).links]
    assert verdicts[1][0] == "not-a-claim", verdicts


WORKED_GD = r"""
# Worked example

Take $f(x) = x^2 - 4x + 5$, so $f'(x) = 2x - 4$ and the minimum is at $x^* = 2$.

Start at $x_0 = 5$ with $\eta = 0.1$: $x_1 = x_0 - \eta f'(x_0) = 5 - 0.1 \cdot 6 = 4.4$, and $x_2 = 4.4 - 0.48 = 3.92$,
and the loss after two steps is $f(x_2) = 3.92^2 - 4 \cdot 3.92 + 5 = 4.6864$.

In general $x_{k+1} - x^* = (1 - 2\eta)(x_k - x^*)$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_rule_written_at_its_first_step_reads_at_every_step(name: str) -> None:
    text = _as(name, WORKED_GD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    general = [k for k in report.links if k.left == "x_{k+1} - x^*"][0]
    assert general.verdict == "proved" and "read from its first step" in general.reason, general.reason
    value = [k for k in report.links if k.left == "f(x_2)"][0]
    assert value.verdict == "proved", value.reason  # f at a point worked out before: a claim, not a new f
    # a slip in the rate: the rule is read, not written, so it is never called false — but never proved
    slipped = text.replace(r"(1 - 2\eta)(x_k", r"(1 - \eta)(x_k")
    report = check_document(name, slipped)
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [k.verdict for k in report.links if k.left == "x_{k+1} - x^*"] == ["undecided"]
    slipped = text.replace(r"+ 5 = 4.6864", r"+ 5 = 4.8864")
    assert [f.code for f in check_document(name, slipped).findings if f.severity == "error"] == ["math/false"]


LOGISTIC = r"""
# Logistic regression

The model is $\hat{y} = \sigma(z)$ with $z = w^\top x + b$ and $\sigma(z) = \frac{1}{1 + e^{-z}}$.
The loss for one example is $L = -y \log \hat{y} - (1 - y) \log(1 - \hat{y})$, so

$$\frac{\partial L}{\partial \hat{y}} = -\frac{y}{\hat{y}} + \frac{1 - y}{1 - \hat{y}} = \frac{\hat{y} - y}{\hat{y}(1 - \hat{y})}.$$

By the chain rule,

$$\frac{\partial L}{\partial z} = \frac{\partial L}{\partial \hat{y}} \frac{\partial \hat{y}}{\partial z} = \frac{\hat{y} - y}{\hat{y}(1 - \hat{y})} \cdot \hat{y}(1 - \hat{y}) = \hat{y} - y,$$

and $\frac{\partial L}{\partial b} = \hat{y} - y$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_logistic_regression_gradient_is_checked_through_its_definitions(name: str) -> None:
    text = _as(name, LOGISTIC)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    claims = [(k.verdict, k.reason.split(" (")[0]) for k in report.links if k.verdict != "not-a-claim"]
    assert all(v == "proved" for v, _ in claims) and len(claims) == 6, claims
    assert any(r.startswith("each derivative") for _, r in claims)
    slipped = text.replace(r"and $\frac{\partial L}{\partial b} = \hat{y} - y$", r"and $\frac{\partial L}{\partial b} = y - \hat{y}$")
    errors = [f for f in check_document(name, slipped).findings if f.severity == "error"]
    assert [f.code for f in errors] == ["math/false"] and "through the definitions" in errors[0].message


@pytest.mark.parametrize(("header", "beamer"), [
    ("format: beamer\n", True),
    ("format:\n  beamer:\n    theme: metropolis\n", True),
    ("output:\n    beamer_presentation:\n        toc: true\n", True),
    ("output:\n    pdf_document:\n        toc: true\n  # beamer_presentation:\n", False),  # commented out
    ("output:\n    pdf_document:\n        latex_engine: xelatex\n  # html_document:\n  #   toc: TRUE\n", False),
    ("output: html_document\ntitle: beamer talk\n", False),  # "beamer" outside the output block
])
def test_a_beamer_deck_is_told_from_its_front_matter(header: str, beamer: bool) -> None:
    from derive.check.lint import _quarto_beamer

    assert _quarto_beamer(f"---\n{header}---\n\ntext\n") is beamer


def test_an_equation_written_again_keeps_its_first_reading() -> None:
    # proved under its sentence's condition, then recalled ("as we saw") without it: not a false identity
    text = "## Symmetric case\n\nIf $y = x$, then $x + y = 2x$.\n\nThe sum is what we need. As we saw, $x + y = 2x$ here.\n"
    report = check_document("doc.md", text)
    assert [f for f in report.findings if f.severity == "error"] == []
    again = [k for k in report.links if k.left == "x + y"][-1]
    assert again.line == 5 and again.reason.startswith("the same link as on line 3"), again.reason


def test_a_power_outside_the_run_keeps_a_written_sum_undecided() -> None:
    # β^{1/2} is no term of 1 + β + β² + ⋯: reading the rest as the geometric sum would drop it and "prove" the line
    text = r"Then $1 + \beta^{1/2} + \beta + \beta^2 + \dots + \beta^{t-1} = \frac{1 - \beta^t}{1 - \beta}$." + "\n"
    assert [k.verdict for k in check_document("doc.md", text).links] != ["proved"]
