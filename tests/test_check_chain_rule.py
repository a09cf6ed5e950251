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
