"""Readings added in stop 31. Fixtures are written here, in Markdown and LaTeX."""
from __future__ import annotations

import pytest
import sympy as sp

from derive.check import computation
from derive.check.bind import Functions
from derive.check.run import check_document
from fixture_docs import as_document as _as, error_lines, line_of as _line_of, verdicts_on as _verdicts

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


def _slipped(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


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
