"""The chain rule in Leibniz's notation, read as a template (derive/check/chain_rule.py)."""
from __future__ import annotations

import pytest

from derive.check.chain_rule import telescopes
from derive.check.latex import parse_expr
from derive.check.run import check_document

CHAIN_MD = r"""The loss is $L = -(y \log \hat{y} + (1 - y)\log(1 - \hat{y}))$ with $z = w x$.

$\frac{\partial L}{\partial w} = \frac{\partial L}{\partial \hat{y}} \frac{\partial \hat{y}}{\partial z} \frac{\partial z}{\partial w}$

$\frac{\partial \hat{y}}{\partial z}=\frac{1}{1+e^{-z}}\frac{e^{-z}}{1+e^{-z}} = \hat{y}(1-\hat{y})$

$\frac{\partial L}{\partial w} = -(y\frac{1}{\hat{y}}-(1-y)\frac{1}{1-\hat{y}})\hat{y}(1-\hat{y})x = -(y-\hat{y})x$
"""


@pytest.mark.parametrize(("left", "right", "holds"), [
    (r"\frac{dE}{dw}", r"\frac{dE}{dy} \cdot \frac{dy}{dz} \cdot \frac{dz}{dw}", True),
    (r"\frac{dE}{dw}", r"\frac{dz}{dw} \frac{dE}{dy} \frac{dy}{dz}", True),           # any order of the factors
    (r"\frac{\partial L}{\partial w}", r"\frac{\partial L}{\partial z} \frac{\partial y}{\partial w}", False),  # a gap
    (r"\frac{\partial L}{\partial w}", r"2 \frac{\partial L}{\partial z} \frac{\partial z}{\partial w}", False),  # a factor
    (r"\frac{\partial L}{\partial w}", r"\frac{\partial L}{\partial z} \frac{\partial z}{\partial v}", False),  # wrong end
])
def test_only_a_product_that_telescopes_is_the_chain_rule(left: str, right: str, holds: bool) -> None:
    assert (telescopes(parse_expr(left), parse_expr(right)) is not None) == holds


def test_the_chain_rule_is_proved_and_never_defines_its_left_side() -> None:
    """Stated before the factors are known, the chain rule is proved by its shape; read as a definition it made a
    later line that uses ŷ(1 − ŷ) (true when ŷ = σ(z), which the page implies) a false error."""
    result = check_document("doc.md", CHAIN_MD)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    first = [k for k in result.links if k.line == 3]
    assert [(k.verdict, k.reason.split(":")[0]) for k in first] == [("proved", "the chain rule")]


RESULT_MD = r"""The prediction is $\hat{y} = \sigma(z)$ and the loss is $L$.

$\frac{\partial L}{\partial w_{i}} = \frac{\partial L}{\partial \hat{y}} \frac{\partial \hat{y}}{\partial z} \frac{\partial z}{\partial w_{i}}$

$\frac{\partial L}{\partial \hat{y}} = -(\frac{y}{\hat{y}} - \frac{1-y}{1-\hat{y}})$

$\frac{\partial \hat{y}}{\partial z} = \frac{1}{1+e^{-z}}\frac{e^{-z}}{1+e^{-z}} = \hat{y}(1-\hat{y})$

$\frac{\partial z}{\partial w_{i}} = x_{i}$

$\frac{\partial L}{\partial w_{i}} = RESULT$
"""

RESULT_TEX = r"""\documentclass{article}
\begin{document}
By the chain rule,
\begin{equation}
\frac{\partial C}{\partial w} = \frac{\partial C}{\partial a} \cdot \frac{\partial a}{\partial z} \cdot \frac{\partial z}{\partial w}.
\end{equation}
Here
\[ \frac{\partial C}{\partial a} = a - y, \qquad \frac{\partial a}{\partial z} = a(1 - a), \qquad \frac{\partial z}{\partial w} = x. \]
Hence
\[ \frac{\partial C}{\partial w} = RESULT. \]
\end{document}
"""


def _result_links(path: str, text: str, line: int):
    result = check_document(path, text)
    return result, [k for k in result.links if k.line == line and k.col < 40]


@pytest.mark.parametrize(("path", "template", "line", "right", "wrong"), [
    ("doc.md", RESULT_MD, 11, r"-(y-\hat{y})x_{i}", r"-(y+\hat{y})x_{i}"),
    ("doc.tex", RESULT_TEX, 10, r"(a - y) a (1 - a) x", r"(a - y)(1 - a) x"),
])
def test_a_result_of_the_chain_rule_is_its_product_with_the_factors_given(path, template, line, right, wrong) -> None:
    """Stated after the chain rule and the values of its factors, ``∂L/∂w = …`` is a claim (it was read as the
    naming of something new): the correct result is proved, a slip in it is a false error on its line."""
    result, links = _result_links(path, template.replace("RESULT", right), line)
    assert [f.text() for f in result.findings if f.severity == "error"] == []
    assert [(k.verdict, k.reason.split(" with ")[0]) for k in links][:1] == [("proved", "the chain rule of line "
                                                                              f"{line - 8 if path == 'doc.md' else 5}")]
    result, links = _result_links(path, template.replace("RESULT", wrong), line)
    assert [k.verdict for k in links][:1] == ["false"]
    assert [(f.line, f.code) for f in result.findings if f.severity == "error"] == [(line, "math/false")]


def test_a_result_with_a_factor_never_given_is_undecided_not_false() -> None:
    """Without a value for ∂L/∂ŷ, the product is not known: a result that differs is not shown false."""
    text = RESULT_MD.replace(r"$\frac{\partial L}{\partial \hat{y}} = -(\frac{y}{\hat{y}} - \frac{1-y}{1-\hat{y}})$",
                             "").replace("RESULT", r"\hat{y}(1-\hat{y})x_{i}")  # as if ∂L/∂ŷ were 1
    result, links = _result_links("doc.md", text, 11)
    assert [k.verdict for k in links][:1] == ["undecided"]
    assert [f.text() for f in result.findings if f.severity == "error"] == []
