r"""Two false errors found on the unseen set fresh5, and the general readings that remove them.

* A value written after its name outside the math (``$\beta$=0.98``, ``$\beta$等于0.98``, "a rate $\eta$ of
  0.01"): left unread, the value of an earlier section was applied and a true computation with the new
  value looked false. It is now a value given to the name, like ``$\beta = 0.98$``.
* A restatement of another scheme the document defines (AdamW's update written again in an answer key
  whose section restated Adam just before): false under the definition in force, it holds under the
  document's own AdamW definition and reads λ, which only that scheme reads — undecided, with both lines.
  Bold and plain letters are one name (``\mathbf{\theta}_t`` and ``\theta_t``), so such a restatement in
  plain letters is read against the bold definitions.

Each correct copy must not be false, and a slip planted next to it must still be ``math/false``.
"""
from __future__ import annotations

from fractions import Fraction

from derive.check.prose_values import value_after
from derive.check.run import check_document


def _links(text: str, line: int, name: str) -> list[tuple[str, str]]:
    return [(k.verdict, k.reason) for k in check_document(name, text).links if k.line == line]


def _line(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def _false_lines(text: str, name: str) -> list[int]:
    return [f.line for f in check_document(name, text).findings if f.code == "math/false"]


# --- 1. a value written after its name, outside the math -------------------------------------------------

EWA_ZH = r"""
# 指数加权平均

## 理解指数加权平均

$v_{t}=\beta v_{t-1}+(1-\beta)\theta_{t}$

使$\beta=0.9$，那么$\frac{1}{1-\beta}=10$，大约是10天的平均。

## 偏差修正

绿色曲线对应的$\beta$=0.98，我们来看看初期的估测。

举个具体例子，当$t=2$时，$1 - \beta^{t} = 1 - {0.98}^{2} = 0.0396$，因此估测变成了$\frac{v_{2}}{0.0396}$。
"""


def test_a_value_after_its_name_in_chinese_is_in_force() -> None:
    line = _line(EWA_ZH, "当$t=2$")
    links = _links(EWA_ZH, line, "ewa.md")
    assert links and all(v == "proved" for v, _ in links if v != "not-a-claim"), links
    assert any("49/50" in r for _, r in links), links  # the value read from the words, β = 0.98
    assert _false_lines(EWA_ZH, "ewa.md") == []


def test_a_slip_after_a_value_in_words_is_still_false() -> None:
    slip = EWA_ZH.replace("= 0.0396$", "= 0.0296$")
    assert _false_lines(slip, "ewa.md") == [_line(slip, "当$t=2$")]
    # the value in words is what the line is read with: 1 − 0.97² is not 1 − β² with β = 0.98
    other = EWA_ZH.replace("1 - {0.98}^{2} = 0.0396", "1 - {0.97}^{2}")
    assert _false_lines(other, "ewa.md") == [_line(other, "当$t=2$")]


EWA_EN = r"""
\section{Momentum}
With $\beta = 0.9$ we average over about $\frac{1}{1-\beta} = 10$ steps.

\section{Bias correction}
Take now a decay rate $\beta$ of 0.98 and the second step, $t = 2$: the correction divides by
$1 - \beta^{t} = 0.0396$.
"""


def test_a_value_after_its_name_in_english_is_in_force() -> None:
    line = _line(EWA_EN, "$1 - \\beta^{t} = 0.0396$")
    assert [v for v, _ in _links(EWA_EN, line, "ewa.tex")] == ["proved"]
    slip = EWA_EN.replace("= 0.0396$", "= 0.0196$")
    assert _false_lines(slip, "ewa.tex") == [line]


EWA_RU = r"""
# Сглаживание

## Пример первый

Пусть $\beta = 0.9$, тогда $\frac{1}{1-\beta} = 10$.

## Пример второй

Теперь $\beta$ равно 0.98, и при $t = 2$ имеем $1 - \beta^{t} = 0.0396$.
"""


def test_a_value_after_its_name_in_russian_is_in_force() -> None:
    line = _line(EWA_RU, "равно 0.98")
    assert "proved" in [v for v, _ in _links(EWA_RU, line, "ewa.md")]
    assert _false_lines(EWA_RU, "ewa.md") == []
    slip = EWA_RU.replace("= 0.0396$", "= 0.0496$")
    assert _false_lines(slip, "ewa.md") == [line]


def test_a_value_of_an_earlier_section_is_not_trusted_when_the_section_names_it_again() -> None:
    # "close to 0.98" gives no value the checker reads: β = 0.9 of the first section would make the line false
    vague = EWA_ZH.replace("绿色曲线对应的$\\beta$=0.98", "绿色曲线的$\\beta$接近0.98")
    assert vague != EWA_ZH
    line = _line(vague, "当$t=2$")
    assert _false_lines(vague, "ewa.md") == []
    reasons = [r for v, r in _links(vague, line, "ewa.md") if v == "undecided"]
    assert reasons and "β = 9/10" in reasons[0] and "earlier section" in reasons[0], reasons
    # the numbers themselves are still checked: 1 − 0.98² is not 0.0296
    slip = vague.replace("= 0.0396$", "= 0.0296$")
    assert _false_lines(slip, "ewa.md") == [line]
    # a section that does not name β again keeps the earlier value, and a slip with it is found
    kept = EWA_ZH.replace("绿色曲线对应的$\\beta$=0.98，我们来看看初期的估测。", "我们来看看初期的估测。")
    kept = kept.replace("1 - \\beta^{t} = 1 - {0.98}^{2} = 0.0396", "1 - \\beta^{t} = 0.29")
    assert _false_lines(kept, "ewa.md") == [_line(kept, "当$t=2$")]


def test_only_a_plain_number_after_one_name_is_a_value() -> None:
    assert value_after(r"\beta", "=0.98，如果") == Fraction(49, 50)
    assert value_after(r"\beta", "等于0.98的时候") == Fraction(49, 50)
    assert value_after(r"\beta", "的值为0.9，这个") == Fraction(9, 10)
    assert value_after(r"{{\beta}_{1}}", " = $0.9$.") == Fraction(9, 10)
    assert value_after(r"\eta", " of 0.01.") == Fraction(1, 100)
    assert value_after(r"\beta", " = 0.9 and $\\gamma$") == Fraction(9, 10)
    # the number goes on as an expression or a phrase: not a value of the name
    for formula, after in [("x", " of 10 elements"), (r"\beta", " = 0.9 gives"), ("t", "=1,2,3"),
                           (r"\beta", "=0.9^t"), (r"\beta", " is 2 times larger"), (r"\beta", "=10%"),
                           (r"\beta", " is the decay"), ("x+y", "=3"), ("xy", " = 3")]:
        assert value_after(formula, after) is None, (formula, after)


# --- 2. a restatement of another scheme of the document ---------------------------------------------------

SCHEMES = r"""
\section{Adam}
\begin{align}
  \hat{\mathbf{m}}_t &= \frac{\mathbf{m}_t}{1 - \beta_1^t} \\
  \hat{\mathbf{v}}_t &= \frac{\mathbf{v}_t}{1 - \beta_2^t} \\
  \boldsymbol{\theta}_{t+1} &= \boldsymbol{\theta}_t - \frac{\eta}{\sqrt{\hat{\mathbf{v}}_t} + \epsilon} \hat{\mathbf{m}}_t
\end{align}

\section{AdamW}
AdamW decouples the decay from the adaptive step:
\[
  \boldsymbol{\theta}_{t+1} = \boldsymbol{\theta}_t - \eta \left( \frac{\hat{\mathbf{m}}_t}{\sqrt{\hat{\mathbf{v}}_t} + \epsilon} + \lambda \boldsymbol{\theta}_t \right)
\]
where $\lambda$ is the weight decay coefficient. Hence, expanding,
$\boldsymbol{\theta}_{t+1} = (1 - \eta\lambda)\boldsymbol{\theta}_t - \frac{\eta \hat{\mathbf{m}}_t}{\sqrt{\hat{\mathbf{v}}_t} + \epsilon}$.

\section{Answer key}
\begin{itemize}
  \item \textbf{Update}: $\theta_{t+1} = \theta_t - \eta \hat{m}_t / (\sqrt{\hat{v}_t} + \epsilon)$ with bias-corrected moments.
  \item L2 in Adam adds $\lambda\theta$ to the gradient, $g_t = \nabla L + \lambda\theta$, then takes the Adam step
  \item \textbf{AdamW} applies the decay after the adaptive scaling: $\theta_{t+1} = \theta_t - \eta(\hat{m}_t/(\sqrt{\hat{v}_t}+\epsilon) + \lambda\theta_t)$.
\end{itemize}
"""


def test_a_restated_second_scheme_is_not_false() -> None:
    assert _false_lines(SCHEMES, "opt.tex") == []
    line = _line(SCHEMES, "\\item \\textbf{AdamW}")
    [(verdict, reason)] = [x for x in _links(SCHEMES, line, "opt.tex")]
    assert verdict == "undecided" and "line 12" in reason and "λ" in reason, reason
    # the plain-letter Adam line restates the bold definition: bold and plain are one name
    adam = _line(SCHEMES, "\\item \\textbf{Update}")
    assert [v for v, _ in _links(SCHEMES, adam, "opt.tex")] == ["proved"]


def test_a_slip_in_a_restated_scheme_is_still_false() -> None:
    # false under both schemes: 2λθ_t is neither Adam nor AdamW
    slip = SCHEMES.replace(r"+ \lambda\theta_t)$.", r"+ 2\lambda\theta_t)$.")
    assert _false_lines(slip, "opt.tex") == [_line(slip, "\\item \\textbf{AdamW}")]
    # with AdamW in force, a line that drops λθ_t reads nothing beyond it: a slip, though it is Adam
    dropped = SCHEMES.replace(r"= (1 - \eta\lambda)\boldsymbol{\theta}_t", r"= \boldsymbol{\theta}_t")
    assert _false_lines(dropped, "opt.tex") == [_line(dropped, "Hence, expanding") + 1]
    # the same slip in plain letters is read against the bold definition in force: bold and plain are one name
    plain = SCHEMES.replace(
        r"$\boldsymbol{\theta}_{t+1} = (1 - \eta\lambda)\boldsymbol{\theta}_t - \frac{\eta \hat{\mathbf{m}}_t}{\sqrt{\hat{\mathbf{v}}_t} + \epsilon}$",
        r"$\theta_{t+1} = \theta_t - \frac{\eta \hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}$")
    assert plain != SCHEMES
    assert _false_lines(plain, "opt.tex") == [_line(plain, "Hence, expanding") + 1]
    # and in plain letters, the correct expansion is proved
    right = SCHEMES.replace(
        r"$\boldsymbol{\theta}_{t+1} = (1 - \eta\lambda)\boldsymbol{\theta}_t - \frac{\eta \hat{\mathbf{m}}_t}{\sqrt{\hat{\mathbf{v}}_t} + \epsilon}$",
        r"$\theta_{t+1} = (1 - \eta\lambda)\theta_t - \frac{\eta \hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}$")
    assert right != SCHEMES
    assert [v for v, _ in _links(right, _line(right, "Hence, expanding") + 1, "opt.tex")] == ["proved"]


VARIANT = r"""# RMSprop

Every update is

$$\theta_{t+1} = \theta_t + \Delta \theta_t$$

with

$$\Delta \theta_t = - \frac{\eta}{\sqrt{E_t + \epsilon}} \cdot g_t$$

In PyTorch, they move the $\epsilon$ term outside of the square root. This gives us:

$$\Delta \theta_t = - \frac{\eta}{\sqrt{E_t} + \epsilon} \cdot g_t$$

Thus:

$$\theta_{t+1} = \theta_t - \frac{\eta}{\sqrt{E_t} + \epsilon} \cdot g_t$$
"""


def test_a_rule_restated_for_a_named_implementation_is_that_variant_in_force() -> None:
    from derive.check.run import check_document

    report = check_document("doc.md", VARIANT)
    assert [f for f in report.findings if f.severity == "error"] == [], [(k.line, k.verdict, k.reason) for k in report.links]
    last = VARIANT.count("\n")
    assert [k.verdict for k in report.links if k.line == last] == ["proved"]  # the variant's step, checked against it
    # without the words naming the implementation, the restatement is a claim about the first rule: a slip
    plain = VARIANT.replace("In PyTorch, they move the $\\epsilon$ term outside of the square root. This gives us:",
                            "Hence:")
    assert [f.line for f in check_document("doc.md", plain).findings if f.severity == "error"] == [last - 4, last]


SPECIAL = r"""# GD

Let $f$ satisfy $\|\nabla f(x) - \nabla f(y)\| \le L \|x - y\|$. The method steps by
$x^{(k+1)} = x^{(k)} - h \nabla f(x^{(k)})$.

Hence, this gives the step $x^{(k+1)} = x^{(k)} - \frac{1}{L}\nabla f(x^{(k)})$.
"""


def test_the_rule_at_a_value_of_its_parameter_is_undecided_with_that_value() -> None:
    from derive.check.run import check_document

    (link,) = [k for k in check_document("doc.md", SPECIAL).links if k.line == 6]
    assert link.verdict == "undecided" and "h = 1/L" in link.reason, link.reason
    # a slip that no value of h explains is still false
    slipped = SPECIAL.replace("= x^{(k)} - \\frac{1}{L}", "= 2 x^{(k)} - \\frac{1}{L}")
    assert [k.verdict for k in check_document("doc.md", slipped).links if k.line == 6] == ["false"]


def test_the_rule_at_a_value_of_its_parameter_is_read_without_running_out_of_time() -> None:
    """The parameter's value is read off a linear equation, never by sp.solve: on Adam's ε-inside-the-root line
    (`tests/docs/samekind/adam_eps.en.md`) solve used to spend the link's whole budget, so every such file ran out
    of time once (and so was never cached). Not a timing assert: sp.solve is counted, not the clock (whether a budget
    ran out depends on the machine's load)."""
    from pathlib import Path

    import pytest
    import sympy

    calls: list[tuple[object, ...]] = []
    solve = sympy.solve

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args)
        return solve(*args, **kwargs)

    path = Path(__file__).parent / "docs" / "samekind" / "adam_eps.en.md"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sympy, "solve", counted)
        report = check_document(path.name, path.read_text(encoding="utf-8"))
    assert report.links and not calls
