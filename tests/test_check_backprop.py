"""Backpropagation notation: layer superscripts (derive/check/layer_labels.py) and σ named the sigmoid in words
(derive/check/sigmoid.py)."""
from __future__ import annotations

import pytest

from derive.check.layer_labels import layer_letters
from derive.check.run import check_document

LAYERS_TEX = r"""\documentclass{article}
\begin{document}
The output layer is $L$, with $z_{j}^{L} = \sum_{k} w_{jk}^{L} a_{k}^{L-1} + b_{j}^{L}$.
\[ \frac{\partial C}{\partial w_{jk}^{L}} = \frac{\partial C}{\partial a_{j}^{L}} \frac{\partial a_{j}^{L}}{\partial z_{j}^{L}} \frac{\partial z_{j}^{L}}{\partial w_{jk}^{L}} \]
\[ \frac{\partial C}{\partial b_{j}^{L}} = \frac{\partial C}{\partial a_{j}^{L}} \frac{\partial a_{j}^{L}}{\partial z_{j}^{L}} \]
\end{document}
"""


def _links(path: str, text: str, line: int) -> list[tuple[str, str]]:
    return [(k.verdict, k.reason) for k in check_document(path, text).links if k.line == line]


def test_a_superscript_on_a_derivatives_variable_labels_a_layer() -> None:
    """∂C/∂w_jk^L: nobody differentiates with respect to a power, so ^L (and ^{L-1}) label the layer in the whole
    document; the chain rule through a_j^L and z_j^L is proved (it was "a derivative with respect to an expression")."""
    assert layer_letters([LAYERS_TEX]) == frozenset({"L"})
    assert _links("n.tex", LAYERS_TEX, 4) == [("proved", "the chain rule: the factors telescope through a_{j}^{L}, "
                                                          "z_{j}^{L}")]
    # a factor that does not telescope is still not the chain rule (the labels do not make everything pass)
    assert _links("n.tex", LAYERS_TEX, 5)[0][0] != "proved"


@pytest.mark.parametrize("text", [
    r"\frac{\partial f}{\partial x^{t}} \quad \hat{m}_t = \frac{m_t}{1 - \beta_1^t}",  # a step letter: an iterate
    r"\frac{\partial f}{\partial x^{2}}",                                                # a number: a power
    r"a^{L} + \frac{\partial f}{\partial x}",                                            # no superscript on a variable
])
def test_step_letters_numbers_and_bare_powers_are_no_layers(text: str) -> None:
    assert layer_letters([text]) == frozenset()


def test_the_layer_reading_keeps_powers_of_other_letters() -> None:
    """With L a layer, β_1^t in the same notes is still a power: the bias correction is checked as one."""
    text = LAYERS_TEX.replace(r"\end{document}", r"""Then $\hat{m}_t = \frac{m_t}{1 - \beta_1^t}$ and
\[ \frac{m_t}{1 - \beta_1^t} = \frac{m_t}{1 - \beta_1 \beta_1^{t-1}}. \]
\end{document}""")
    assert _links("n.tex", text, 7) == [("proved", "symbolically equal; equal at 4 random points")]


SIGMOID_MD = r"""The activation function is the sigmoid, $a = \sigma(z)$.

$$\frac{\partial a}{\partial z} = \sigma(z)(1-\sigma(z)) = a(1-a)$$

$$\frac{\partial a}{\partial z} = \sigma(z)(1+\sigma(z))$$
"""


def test_sigma_named_the_sigmoid_in_words_proves_but_never_refutes() -> None:
    """"the sigmoid": σ is 1/(1 + e^{−z}) where no display defines it, so σ' = σ(1 − σ) is proved; a line that
    reading makes false is undecided and no error (the words may name the sigmoid as one example among others)."""
    result = check_document("n.md", SIGMOID_MD)
    by_line = {}
    for k in result.links:
        by_line.setdefault(k.line, []).append(k)
    assert [k.verdict for k in by_line[3]] == ["proved", "proved"]
    assert "logistic sigmoid" in by_line[3][0].reason
    assert [k.verdict for k in by_line[5]] == ["undecided"]
    assert by_line[5][0].reason.startswith("false if σ is the logistic sigmoid")
    assert [f for f in result.findings if f.severity == "error"] == []


def test_without_the_word_sigma_stays_unknown() -> None:
    """σ' = σ(1 − σ) is the sigmoid's, not any activation's; σ(z)(1 − σ(z)) = a(1 − a) with a = σ(z) holds for every σ."""
    result = check_document("n.md", SIGMOID_MD.replace("the sigmoid", "an activation"))
    verdicts = [(k.verdict, k.reason) for k in result.links if k.line == 3]
    assert verdicts[0][0] != "proved"
    assert verdicts[1][0] == "proved" and "whatever \\sigma is" in verdicts[1][1], verdicts


def test_a_sigma_the_math_defines_is_the_documents_own() -> None:
    """σ(z) = 1/(1 + e^{−z}) written out: the definition is the math's, and a false line is an error."""
    text = SIGMOID_MD.replace("the sigmoid, $a = \\sigma(z)$", "the sigmoid $\\sigma(z) = \\frac{1}{1+e^{-z}}$, "
                              "$a = \\sigma(z)$")
    result = check_document("n.md", text)
    assert [(f.line, f.code) for f in result.findings if f.severity == "error"] == [(5, "math/false")]


@pytest.mark.parametrize(("written", "function"), [
    (r"\text{softmax}(z)", r"\operatorname{softmax}"),
    (r"\mathrm{ReLU}(x)", r"\operatorname{ReLU}"),
    (r"Sigmoid(w x + b)", r"\sigma"),
    (r"\text{sigmoid}(z)", r"\sigma"),
])
def test_functions_named_by_a_word_are_calls(written: str, function: str) -> None:
    """``\\text{softmax}(z)`` was "ambiguous (a call or a product?)"; these words name functions in every note, and
    the sigmoid is σ (so that the definition in force, or the sigmoid named in words, gives its value)."""
    from sympy.core.function import AppliedUndef

    from derive.check.latex import parse_expr

    assert [type(f).__name__ for f in parse_expr(written).atoms(AppliedUndef)] == [function]


def test_a_sigmoid_written_as_a_word_is_the_sigmoid() -> None:
    text = "The output is $\\hat{y} = Sigmoid(z)$.\n\n$$\\frac{\\partial \\hat{y}}{\\partial z} = \\hat{y}(1 - \\hat{y})$$\n"
    assert [k.verdict for k in check_document("n.md", text).links if k.line == 3] == ["proved"]
