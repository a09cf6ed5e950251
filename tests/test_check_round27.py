"""Readings added in stop 31. Fixtures are written here, in Markdown and LaTeX."""
from __future__ import annotations

import pytest
import sympy as sp

from derive.check import computation
from derive.check.bind import Functions
from derive.check.run import check_document
from fixture_docs import (as_document as _as, error_lines, line_of as _line_of, slipped as _slipped,
                          verdicts_on as _verdicts)

NEURON_MD = r"""
# One neuron, backwards

The neuron computes

$$
z = w x + b, \qquad \hat{y} = \sigma(z),
$$

and the loss is $L = \frac{1}{2}(\hat{y} - y)^2$. The derivatives of the nodes are
$\frac{\partial L}{\partial \hat{y}} = \hat{y} - y$ and $\frac{\partial \hat{y}}{\partial z} = \sigma'(z)$.
By the chain rule,

$$
\frac{\partial L}{\partial w} = \frac{\partial L}{\partial \hat{y}} \frac{\partial \hat{y}}{\partial z}
\frac{\partial z}{\partial w} = (\hat{y} - y)\,\sigma'(z)\, x .
$$

Call the error at the neuron $\delta = (\hat{y} - y)\sigma'(z)$. Then

$$
\frac{\partial L}{\partial b} = \delta, \qquad \frac{\partial L}{\partial z} = \delta, \qquad
\frac{\partial L}{\partial w} = \delta \cdot x .
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_derivatives_through_nodes_named_by_an_open_function_are_proved(name: str) -> None:
    text = _as(name, NEURON_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    for snippet, count in ((r"\frac{\partial L}{\partial \hat{y}} = \hat{y} - y", 2),
                           (r"\frac{\partial L}{\partial w} = \frac{\partial L}", 1),
                           (r"= (\hat{y} - y)\,\sigma'(z)\, x", 1),
                           (r"\frac{\partial L}{\partial b} = \delta", 2),
                           (r"\frac{\partial L}{\partial w} = \delta \cdot x", 1)):
        verdicts = _verdicts(report, _line_of(text, snippet))
        assert [v for v, _ in verdicts] == ["proved"] * count, (snippet, verdicts)
        assert "hat{y}} = \\hat" in snippet or all("whatever \\sigma is" in why for _, why in verdicts), verdicts
    # the nodes themselves are definitions, not claims
    assert [v for v, _ in _verdicts(report, _line_of(text, r"z = w x + b"))] == ["not-a-claim"] * 2


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [
    (r"\frac{\partial L}{\partial w} = \delta \cdot x", r"\frac{\partial L}{\partial w} = \delta"),
    (r"= (\hat{y} - y)\,\sigma'(z)\, x .", r"= (\hat{y} - y)\,\sigma'(z) ."),
])
def test_a_slip_through_the_nodes_is_never_proved_nor_an_error(name: str, old: str, new: str) -> None:
    text = _as(name, _slipped(NEURON_MD, old, new))
    report = check_document(name, text)
    line = _line_of(text, new)
    verdicts = [(k.verdict, k.reason) for k in report.links if k.line == line and new.strip(" .").endswith(
        k.right.strip(" .")) and (new.startswith("=") or k.left.strip() in new)]
    assert verdicts and all(v != "proved" for v, _ in verdicts), verdicts
    assert [f for f in report.findings if f.severity == "error"] == []  # σ might be one function that makes it hold


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_slip_in_a_node_that_does_not_go_through_sigma_is_an_error(name: str) -> None:
    new = r"\frac{\partial L}{\partial \hat{y}} = y - \hat{y}"
    text = _as(name, _slipped(NEURON_MD, r"\frac{\partial L}{\partial \hat{y}} = \hat{y} - y", new))
    assert error_lines(name, text) == [(_line_of(text, new), "math/false")]


def test_named_primes_read_sympys_chain_rule_as_the_notes_write_it() -> None:
    sigma = sp.Function(r"\sigma")
    w, x, b = sp.symbols("w x b")
    taken = computation.named_primes(sp.diff(sigma(w * x + b) ** 2, w))
    assert taken == 2 * x * sigma(w * x + b) * sp.Function(r"\sigma'")(w * x + b)
    assert computation.named_primes(sp.diff(sigma(w), w, 2)) == sp.Function(r"\sigma''")(w)
    assert computation.named_primes(sp.diff(sigma(w * x), w, 2)) == x ** 2 * sp.Function(r"\sigma''")(w * x)


def test_prove_needs_the_variable_reached_from_the_node() -> None:
    sigma = sp.Function(r"\sigma")
    z, w, x, b, y, a, L = sp.symbols("z w x b y a L", real=True)
    nodes = {z: w * x + b, a: sigma(z), L: (a - y) ** 2 / 2}
    dLdw = sp.Symbol(r"\nabla_{w} L", real=True)
    dLdq = sp.Symbol(r"\nabla_{q} L", real=True)
    right = (a - y) * sp.Function(r"\sigma'")(z) * x
    assert computation.prove(dLdw, right, nodes, Functions(), 2.0) is not None
    assert computation.prove(dLdw, right * 2, nodes, Functions(), 2.0) is None
    assert computation.prove(dLdq, right, nodes, Functions(), 2.0) is None  # L does not depend on q


SCRIPT_POST = r"""---
layout: post
---

The softmax of $$\mathbf x$$ is

<script type="math/tex; mode=display">
s(\mathbf x)_i = \frac{e^{x_i}}{\sum e^{x_j}}
</script>

Shifting every input by $$c$$ changes nothing:

<script type="math/tex; mode=display"> \begin{aligned}
\frac{e^{x_i + c}}{\sum e^{x_j + c}} &= \frac{e^{x_i}e^c}{\sum e^{x_j}e^c} \\
                   &= \frac{e^{x_i}}{\sum e^{x_j}}
\end{aligned} </script>

and for one input <script type="math/tex">e^{a + b} = e^a e^{b} + 1</script> is a slip.
"""


def test_math_in_script_elements_of_a_kramdown_post_is_read_and_checked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".git").mkdir()
    (tmp_path / "_config.yml").write_text("markdown: kramdown\n", encoding="utf-8")
    post = tmp_path / "_posts" / "2017-06-25-softmax.md"
    post.parent.mkdir()
    post.write_text(SCRIPT_POST, encoding="utf-8")
    from derive.check.run import check_file

    report = check_file(str(post))
    lines = {k.line: k.verdict for k in report.links}
    assert lines.get(_line_of(SCRIPT_POST, r"\frac{e^{x_i + c}}")) == "proved"
    assert lines.get(_line_of(SCRIPT_POST, r"&= \frac{e^{x_i}}{\sum e^{x_j}}")) == "proved"  # e^c out of Σ, cancelled
    assert [(f.line, f.code) for f in report.findings if f.severity == "error"] == [
        (_line_of(SCRIPT_POST, "e^{a + b} = e^a"), "math/false")]


def test_script_elements_are_math_only_to_kramdown() -> None:
    from derive.check.document import read_document

    kramdown = read_document("post.md", SCRIPT_POST, "kramdown").blocks
    assert [b.display for b in kramdown if b.delim == "script"] == [True, True, False]
    assert not [b for b in read_document("post.md", SCRIPT_POST, "gfm").blocks if b.delim == "script"]


RUNNING_MD = r"""
# Running averages

The running average of the first $k$ inputs is $h^k$, with $h^1 = w^1$ and

$$h^2 = \frac{w^1 + w^2}{2} = \frac{1}{2}h^1 + \frac{1}{2}w^2$$

In general

$$h^{k} = \frac{k-1}{k}h^{k-1} + \frac{1}{k}w^k$$

so that $h^3 = \frac{2}{3}h^2 + \frac{1}{3}w^3 = \frac{w^1 + w^2 + w^3}{3}$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_plain_superscripts_count_steps_where_the_notes_write_a_rule_and_a_first_power(name: str) -> None:
    text = _as(name, RUNNING_MD)
    report = check_document(name, text)
    assert [v for v, _ in _verdicts(report, _line_of(text, r"h^2 = \frac{w^1"))] == ["not-a-claim", "proved"]
    # the rule's instance at k = 3 although h^2 has a value of its own (its sides share no symbol)
    assert [(v, why[:16]) for v, why in _verdicts(report, _line_of(text, r"h^3 = "))] == [
        ("proved", "the rule for h^{"), ("proved", "symbolically equ")]
    assert error_lines(name, text) == []
    slipped = _slipped(text, r"w^2 + w^3}{3}", r"w^2 + w^3}{2}")
    assert error_lines(name, slipped) == [(_line_of(slipped, r"h^3 = "), "math/false")]
    unrolled = text.replace("so that", r"and unrolled $h^{k} = \frac{w^1 + w^2 + \cdots + w^k}{k}$, so that")
    assert error_lines(name, unrolled) == []  # not a geometric sum in w: the superscripts are steps


def test_step_letters_need_a_rule_a_first_power_and_no_function_variable() -> None:
    from derive.check.step_superscripts import key, stepped_letters, stepped_vectors

    rule = r"h^k = \beta \, h^{k-1} + \left(1 - \beta\right)w^k"
    assert stepped_letters([rule, r"h^1 = w^1"]) == {key("h", False), key("w", False)}
    assert stepped_letters([rule]) == set()  # no h^1, w^1: the superscripts may be powers
    assert stepped_letters([rule, r"h^1 = w^1", r"f(w) = w^2"]) == {key("h", False)}
    assert stepped_letters([r"x^{k+1} = x^k - \eta x^k", r"x^1 = 2"]) == {key("x", False)}
    assert stepped_letters([r"x^{k+1} = y^k - \eta", r"x^1 = 2"]) == set()  # not a rule from its own last step
    assert stepped_vectors([r"\mathbf{d}^{k-1} = \beta \, \mathbf{d}^{k-2} - g \\ \mathbf{w}^{\,k} = "
                            r"\mathbf{w}^{\,k-1} + \alpha \, \mathbf{d}^{k-1}"]) == {"d", "w"}


def test_a_letter_free_and_summed_at_once_is_no_internal_error() -> None:
    text = "$$b_k + \\sum_j g_j(z_j)w_{jk} = b_k + \\sum_j g_j\\left(b_i + \\sum_i a_i w_{ij}\\right)w_{jk}$$\n"
    report = check_document("doc.md", text)
    assert report.links and all("checker error" not in k.reason for k in report.links), report.links
    assert not [f for f in report.findings if f.code.startswith("checker")]


def test_a_sum_of_numbered_superscripts_is_no_geometric_sum_where_the_first_power_is_written() -> None:
    """No rule says the superscripts are steps, but ``w^1`` is written: ``w^1 + w^2 + ⋯ + w^k`` is never refuted
    as the geometric sum of w (undecided, saying why)."""
    text = ("The averages of the first inputs, for $k \\geq 1$:\n\n$$\n\\begin{array}{l}\nh^1 = w^1 \\\\\n"
            "h^2 = \\frac{w^1 + w^2}{2} \\\\\nh^{k} = \\frac{w^1 + w^2 + w^3 + \\cdots + w^k}{k}\n\\end{array}\n$$\n")
    report = check_document("doc.md", text)
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [(v, why[:40]) for v, why in _verdicts(report, 7)] == [
        ("undecided", "the superscripts of w are step numbers i")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_summed_derivatives_tied_by_the_chain_rule_are_never_refuted_term_by_term(name: str) -> None:
    text = _as(name, r"""
# Hidden biases

$$
\begin{aligned}
\frac{\partial E }{\partial b_{j}} &= \sum_{k} (a_k - t_k) \frac{\partial }{\partial b_{j}}g_k(z_k) \\
&= \sum_{k} (a_k - t_k)g'_k(z_k)\frac{\partial z_k}{\partial b_{j}}
\end{aligned}
$$
""")
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [v for v, _ in _verdicts(report, _line_of(text, "&= \\sum_{k} (a_k - t_k)g'"))] != ["false"]


_ROWS = " \\\\\n".join([r"c_{1} = (w_{t-1} + \beta)^2"] + [rf"c_{{{k}}} = (c_{{{k - 1}}} + \beta)^2" for k in range(2, 13)])


def test_algebra_as_written_is_proved_where_writing_out_the_definitions_explodes() -> None:
    text = (f"$$\n\\begin{{cases}}\n{_ROWS}\n\\end{{cases}}\n$$\n\n"
            "Expanding, $(c_{11} + \\beta)^2 = c_{11}^2 + 2 c_{11}\\beta + \\beta^2$.\n\n"
            "Also $(c_{10} + \\beta)^2 = c_{10}^2 + c_{10}\\beta + \\beta^2$.\n")
    report = check_document("doc.md", text)
    right = [(v, why) for v, why in _verdicts(report, _line_of(text, "Expanding"))]
    assert [v for v, _ in right] == ["proved"] and right[0][1].startswith("holds as written"), right
    slip = _verdicts(report, _line_of(text, "Also"))
    assert [v for v, _ in slip] != ["proved"], slip  # not equal as written: never proved that way


NUMBERED_MD = r"""
# A forward pass by hand

The hidden unit computes $z1 = w1 x1 + w2 x2 + b1$ with $w1 = 0.15$, $w2 = 0.2$, $x1 = 0.05$, $x2 = 0.1$ and
$b1 = 0.35$, so

$$z1 = 0.15 \times 0.05 + 0.2 \times 0.1 + 0.35 = 0.3775$$

and the output unit $y1 = w5 h1 + b2$ has the error $E = \frac{1}{2}(t1 - y1)^2$, whose derivative is
$\frac{\partial E}{\partial w5} = (y1 - t1) h1$. With the values of the forward pass,
$\frac{\partial E}{\partial w5} = 0.7414 \times 0.5933 = 0.4399$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_names_spelled_with_their_number_are_read_as_indexed_names(name: str) -> None:
    text = _as(name, NUMBERED_MD)
    report = check_document(name, text)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(report, _line_of(text, "z1 = 0.15"))][-1] == "proved"
    assert "proved" in [v for v, _ in _verdicts(report, _line_of(text, r"= (y1 - t1) h1"))]
    # a derivative's value at numbers the notes worked elsewhere: never refuted as a formula
    assert [v for v, _ in _verdicts(report, _line_of(text, r"0.7414 \times"))][0] != "false"
    slipped = _slipped(text, "+ 0.35 = 0.3775", "+ 0.35 = 0.3875")
    assert error_lines(name, slipped) == [(_line_of(slipped, "+ 0.35 = 0.3875"), "math/false")]
    slipped = _slipped(text, r"= (y1 - t1) h1", r"= (t1 - y1) h1")
    assert error_lines(name, slipped) == [(_line_of(slipped, r"= (t1 - y1) h1"), "math/false")]


def test_a_number_glued_to_a_letter_is_its_index_only_where_nothing_else_reads() -> None:
    from derive.check.latex import LatexParseError, parse_expr

    assert str(parse_expr("w5")) == "w_{5}"
    assert parse_expr("1e5") == 100000  # a number's exponent
    for text in ("x 2", "e2", "x2.5"):
        with pytest.raises(LatexParseError):
            parse_expr(text)


def test_a_derivatives_value_at_stated_values_is_worked_and_a_slip_named_with_them() -> None:
    text = ("# Values\n\nTake $t = 1$, $h = 2$, $w = 0.25$ and $b = 0$. The output is $y = w h + b$ and the error "
            "$E = \\frac{1}{2}(t - y)^2$.\n\nThen $\\frac{\\partial E}{\\partial w} = (y - t) h = -1$.\n\n"
            "And $\\frac{\\partial E}{\\partial w} = -3$.\n")
    report = check_document("doc.md", text)
    errors = [f for f in report.findings if f.severity == "error"]
    assert [(f.line, f.code) for f in errors] == [(7, "math/false")]
    assert "is -1, not -3 (with b = 0, h = 2, t = 1, w = 1/4)" in errors[0].message
    assert [v for v, _ in _verdicts(report, 5)] == ["proved", "proved"]


BRACKET_MD = r"""
# Adam: bias in the moments

The algorithm updates $\mathbf{s}^{[t]} \leftarrow \rho_1 \, \mathbf{s}^{[t-1]}  + (1 - \rho_1) \, \hat{\mathbf{g}}^{[t]}$.
Unrolling it yields

$$
\begin{gathered}
\mathbf{s}^{[0]} = 0 \\
\mathbf{s}^{[1]} = \rho_1\mathbf{s}^{[0]} + (1 - \rho_1) \hat{\mathbf{g}}^{[1]} = (1 - \rho_1) \hat{\mathbf{g}}^{[1]} \\
\mathbf{s}^{[2]} = \rho_1\mathbf{s}^{[1]} + (1 - \rho_1) \hat{\mathbf{g}}^{[2]} = \rho_1 (1 - \rho_1) \hat{\mathbf{g}}^{[1]} + (1 - \rho_1) \hat{\mathbf{g}}^{[2]}
\end{gathered}
$$

Therefore $\mathbf{s}^{[t]}  = (1 - \rho_1) \sum_{i=1}^t \rho_1^{t - i} \hat{\mathbf{g}}^{[i]}$, and
$\mathds{E}[\mathbf{s}^{[t]}] = (1 - \rho_1) \sum_{i=1}^t \rho_1^{t - i} \mathds{E}[\hat{\mathbf{g}}^{[i]}]$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_bracketed_iterates_unroll_and_sum_like_parenthesised_ones(name: str) -> None:
    text = _as(name, BRACKET_MD)
    report = check_document(name, text)
    assert error_lines(name, text) == []
    for snippet in (r"\mathbf{s}^{[1]} = \rho_1", r"\mathbf{s}^{[2]} = \rho_1"):
        assert [v for v, _ in _verdicts(report, _line_of(text, snippet))] == ["proved", "proved"], snippet
    line = _line_of(text, "Therefore")
    verdicts = _verdicts(report, line)
    assert verdicts and verdicts[0][0] == "proved" and "induction" in verdicts[0][1], verdicts
    # \mathds{E} (dsfont's blackboard bold) is the expectation: read, not an unknown macro
    assert [why.split(":")[0] for _, why in _verdicts(report, line + 1)] == ["expectations"]
    slipped = _slipped(text, r"\rho_1^{t - i} \hat{\mathbf{g}}^{[i]}$, and", r"\rho_1^{t - i + 1} \hat{\mathbf{g}}^{[i]}$, and")
    assert error_lines(name, slipped) == [(line, "math/false")]
    slipped = _slipped(text, r"= (1 - \rho_1) \hat{\mathbf{g}}^{[1]} \\", r"= \rho_1 \hat{\mathbf{g}}^{[1]} \\")
    assert error_lines(name, slipped) == [(_line_of(slipped, r"= \rho_1 \hat{\mathbf{g}}^{[1]}"), "math/false")]



SLASH_MD = r"""
# Partials written inline

With $f = x^2 + 3xy$ the partials are $\partial f/\partial x = 2x + 3y$ and $\partial f / \partial y = 3x$.

$$\partial \left( \sum_{k=1}^n a_{k} x_k \right)/ \partial x_i = a_{i}$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_leibniz_quotients_written_with_a_slash_are_derivatives(name: str) -> None:
    text = _as(name, SLASH_MD)
    report = check_document(name, text)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(report, _line_of(text, "With $f"))][1:] == ["proved", "proved"]
    assert [v for v, _ in _verdicts(report, _line_of(text, r"\partial \left("))] == ["proved"]
    slipped = text + "\nSo $\\partial f / \\partial y = 3y$.\n"
    assert error_lines(name, slipped) == [(_line_of(slipped, "So $"), "math/false")]
    from derive.check.latex import LatexParseError, parse_expr

    for text in (r"\partial f + g / \partial y", r"\partial f / g"):  # not a quotient of two differentials
        with pytest.raises(LatexParseError):
            parse_expr(text)


NODES_MD = r"""
# Mazur's forward pass

The hidden unit sums its inputs, $net_{h1} = w_1 i_1 + w_2 i_2 + b_1$, and squashes the sum,
$out_{h1} = \frac{1}{1 + e^{-net_{h1}}}$. The output unit sums the hidden outputs:

$$net_{o1} = w_5 \, out_{h1} + w_6 \, out_{h2} + b_2$$

so $\frac{\partial net_{o1}}{\partial w_5} = out_{h1}$ and $\frac{\partial net_{o1}}{\partial w_6} = out_{h2}$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_three_letter_node_names_with_a_subscript_are_names(name: str) -> None:
    text = _as(name, NODES_MD)
    report = check_document(name, text)
    assert error_lines(name, text) == []
    assert [v for v, _ in _verdicts(report, _line_of(text, r"so $\frac"))] == ["proved", "proved"]
    slipped = _slipped(text, r"\partial w_6} = out_{h2}", r"\partial w_6} = out_{h1}")
    assert error_lines(name, slipped) == [(_line_of(slipped, r"so $\frac"), "math/false")]
    from derive.check.latex import parse_expr

    assert str(parse_expr("xyz_1")) == "x*y*z_{1}"  # no vowel: a product, as TeX reads it


def test_a_kramdown_list_of_escaped_display_pairs_is_read_and_lint_quiet(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from derive.check.run import check_file

    (tmp_path / ".git").mkdir()
    (tmp_path / "_config.yml").write_text("markdown: kramdown\n", encoding="utf-8")
    post = tmp_path / "post.md"
    post.write_text("Steps:\n\n- \\$$d_0 = -\\begin{bmatrix} 2 \\times 2.0 \\\\ 4 \\times 2.0\\end{bmatrix} = "
                    "-\\begin{bmatrix} 4.0 \\\\ 8.0\\end{bmatrix}$$\n- \\$$\\eta_0 = \\frac{80.0}{288.0} = 0.2777$$\n"
                    "- \\$$\\eta_1 = \\frac{80.0}{288.0} = 0.25$$\n", encoding="utf-8")
    report = check_file(str(post))
    assert [(f.line, f.code) for f in report.findings if f.severity == "error"] == [(5, "math/false")]
    assert [k.verdict for k in report.links if k.line == 3] == ["not-a-claim", "proved"]


NEWTON_MD = r"""
# Newton

## Roots

Take $f(x) = x^3 - 3x + 2$, so $f'(x) = 3x^2 - 3$. With $x_0 = 2$, $x_1 = x_0 - \frac{f(x_0)}{f'(x_0)} = 2 - \frac{4}{9}$.

## Optima

Setting $g(x) = f'(x)$, a critical point solves $g(x^\ast) = 0$, so the iterations are

$$x_{k+1} = x_k - \frac{g(x_k)}{g'(x_k)} = x_k - \frac{f'(x_k)}{f''(x_k)}$$

For $f(x) = x^4 - 2x + 5$ from $x_0 = 2$: $f'(x) = 4x^3 - 2$ and $f''(x) = 12x^2$, and

- $x_1 = x_0 - \frac{f'(x_0)}{f''(x_0)} = 2 - \frac{30}{48}$

The iterations approach the minimum point $x^\ast = 1/\sqrt[3]{2} \approx 0.794$ of the function.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_rule_written_for_one_function_is_not_refuted_with_it_after_the_function_is_redefined(name: str) -> None:
    text = _as(name, NEWTON_MD)
    report = check_document(name, text)
    assert error_lines(name, text) == []
    step = _verdicts(report, _line_of(text, r"- $x_1 = x_0"))
    assert step[0][0] == "undecided" and "defined anew" in step[0][1], step
    root = _verdicts(report, _line_of(text, r"approach the minimum point"))
    assert root and root[0][0] != "false", root  # (read against g(x^*) = 0 with the f of line 10 it was refuted)


def test_a_function_defined_for_the_first_time_after_a_rule_leaves_its_slips_errors() -> None:
    text = ("# Steps\n\nWith $g(x) = 2x$ the rule is $x_{k+1} = x_k - \\eta g(x_k)$. Let $h(x) = x^2 + 1$.\n\n"
            "Then $x_1 = x_0 - 2\\eta x_0 + 1$.\n")
    assert error_lines("doc.md", text) == [(5, "math/false")]


WORKED_POINT_MD = r"""
# Descent on a bowl

The minimum of $f(x, y) = x^2 + 2y^2$ is where $\nabla f = 0$, at $x = 0, y = 0$. From $(2, 2)$ one step gives
the point $(1, 0)$, where $f(\mathbf{x}_1) = x^2+2y^2 = 1^2 + 2 \times 0.0^2 = 1$.

At the next point $f(\mathbf{x}_2) = x^2+2y^2 = 0.5^2 + 2 \times 0.0^2 = 0.5$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_formula_written_again_with_the_points_numbers_is_read_at_that_point(name: str) -> None:
    text = _as(name, WORKED_POINT_MD)
    report = check_document(name, text)
    at = [why for v, why in _verdicts(report, _line_of(text, "the point $(1, 0)$")) if v == "proved"]
    assert any(why.startswith("the formula at the point written in it (x = 1, y = 0.0)") for why in at), at
    # the arithmetic after it is still checked: 0.25, not 0.5
    assert error_lines(name, text) == [(_line_of(text, "At the next point"), "math/false")]


def test_a_substitution_is_read_token_by_token() -> None:
    from derive.check.substituted import substitution

    assert substitution("x^2+2y^2", r"1^2 + 2 \times 0.0^2") == {"x": "1", "y": "0.0"}
    assert substitution("x^2+2y^2", r"0.065^2 + 2 \cdot (-0.016)^2") == {"x": "0.065", "y": "-0.016"}
    assert substitution("x^2+2y^2", r"1^2 + 3 \times 0.0^2") is None  # another coefficient: not the formula
    assert substitution("x^2+2x", r"1^2 + 2 \times 2") is None  # x is one number throughout
    assert substitution(r"\sin x", r"\sin 1") is None  # a function: not a plain formula


ORTHOGONAL_MD = r"""
# Orthogonal changes of variables

Let $\mathbf{U}$ be orthogonal, $\mathbf{U}^\top\mathbf{U} = \mathbf{I}$, and $\mathbf{v} = \mathbf{c} - \boldsymbol\delta$.
Then

$$\|\mathbf{v}\|_2 = \|\mathbf{U}\mathbf{v}\|_2.$$

But $\|\mathbf{v}\|_2 = 2\|\mathbf{U}\mathbf{v}\|_2$ is a slip.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_norm_kept_by_a_matrix_stated_orthogonal_is_not_refuted_as_numbers(name: str) -> None:
    text = _as(name, ORTHOGONAL_MD)
    report = check_document(name, text)
    kept = _verdicts(report, _line_of(text, r"$$\|\mathbf{v}\|_2 = \|"))
    assert kept[0][0] == "undecided" and "orthogonal" in kept[0][1], kept
    assert error_lines(name, text) == [(_line_of(text, "is a slip"), "math/false")]  # false for U = ±1 too
    unstated = text.replace(r", $\mathbf{U}^\top\mathbf{U} = \mathbf{I}$,", "")
    verdicts = _verdicts(check_document(name, unstated), _line_of(unstated, r"$$\|\mathbf{v}\|_2 = \|"))
    assert verdicts and "= I on line" not in verdicts[0][1], verdicts  # no statement, no excuse from it


def test_a_derivative_claimed_constant_is_still_an_error() -> None:
    """A whole number is no worked value: ``∂E/∂w = 3`` for an E quadratic in w is the slip of a derivative taken as
    a constant (a decimal such as 0.4399 is the value at a point the notes worked out)."""
    text = "# D\n\nLet $E = \\frac{1}{2}(t - y)^2$ and $y = w h$. Then $\\frac{\\partial E}{\\partial w} = 3$.\n"
    assert error_lines("doc.md", text) == [(3, "math/false")]


ONE_HOT_MD = r"""
# One-hot labels

The label is one-hot: $y_i = 1$ for the true class and the other entries are 0, so they sum to one. Then

$$
\begin{aligned}
\frac{\partial L}{\partial x_i} &= p_i y_1 + p_i y_2 + \dots + p_i y_n - y_i \\
&= p_i (y_1 + y_2 + \dots + y_n) - y_i \\
&= p_i - y_i
\end{aligned}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_link_that_holds_when_a_written_sum_is_one_is_never_refuted(name: str) -> None:
    text = _as(name, ONE_HOT_MD)
    report = check_document(name, text)
    assert [f for f in report.findings if f.severity == "error"] == []  # neither math/false nor math/coefficient
    last = _verdicts(report, _line_of(text, "&= p_i - y_i"))
    assert last[0][0] == "undecided" and "y_{1} + y_{2} + … + y_{n} = 1" in last[0][1], last
    slipped = _slipped(text, "&= p_i - y_i", "&= 2p_i - y_i")
    assert error_lines(name, slipped)  # false whatever the sum is: still an error
