r"""A claim under a value given in its own sentence ("when $\beta = 0.9$, $v_1 = 0.1 g_1$", "当 $β = 0.9$ 时") is
checked with that value: the condition is applied (proved or false), not left undecided as a condition in words."""
from __future__ import annotations

import pytest

from derive.check.run import check_document

EN = ("# EMA\n\nThe average is $$v_t = \\beta v_{t-1} + (1 - \\beta) g_t$$ with $v_0 = 0$.\n\n"
      "For example, when $\\beta = 0.9$, $v_1 = 0.1 g_1$, which is small.\n")
ZH = ("# Adam\n\n给定超参数 $0 \\leq \\beta_1 < 1$（建议设为 0.9），动量变量：\n\n"
      "$$\\boldsymbol{v}_t \\leftarrow \\beta_1 \\boldsymbol{v}_{t-1} + (1 - \\beta_1) \\boldsymbol{g}_t. $$\n\n"
      "由于我们将 $\\boldsymbol{v}_0$ 中的元素都初始化为 0，在时间步 $t$ 我们得到 "
      "$\\boldsymbol{v}_t =  (1-\\beta_1) \\sum_{i=1}^t \\beta_1^{t-i} \\boldsymbol{g}_i$。"
      "将权值相加，得到 $(1-\\beta_1) \\sum_{i=1}^t \\beta_1^{t-i} = 1 - \\beta_1^t$。"
      "需要注意的是，当 $t$ 较小时，权值之和会较小。例如当 $\\beta_1 = 0.9$ 时，$\\boldsymbol{v}_1 = 0.1\\boldsymbol{g}_1$。"
      "为了消除影响，我们除以 $1 - \\beta_1^t$。\n")


@pytest.mark.parametrize("text", [EN, ZH])
def test_the_claim_under_a_value_in_its_sentence_is_proved(text: str) -> None:
    links = [k for k in check_document("doc.md", text).links if k.left.endswith("v}_1") or k.left == "v_1"]
    assert [k.verdict for k in links] == ["proved"], [(k.verdict, k.reason) for k in links]


@pytest.mark.parametrize("text", [EN, ZH])
def test_a_slip_under_a_value_in_its_sentence_is_found(text: str) -> None:
    slipped = text.replace("0.1 g_1", "0.01 g_1").replace("0.1\\boldsymbol{g}_1", "0.01\\boldsymbol{g}_1")
    assert slipped != text
    errors = [(f.line, f.code) for f in check_document("doc.md", slipped).findings if f.severity == "error"]
    assert errors == [(5 if text is EN else 7, "math/false")]
