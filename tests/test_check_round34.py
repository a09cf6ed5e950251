"""Readings added in stop 38, each from a false verdict or a wrong reason on public notes the checker had not
seen. Fixtures are written here, in the notation of optimization notes; each has a correct copy and a slip."""
from __future__ import annotations

import re

import pytest

from derive.check.run import check_document
from fixture_docs import as_document, error_lines, line_of, verdicts_on


def _as(name: str, markdown: str) -> str:
    """The fixture as ``name``; in LaTeX its ``##`` headings are subsections."""
    text = as_document(name, markdown)
    return re.sub(r"^## (.+)$", r"\\subsection{\1}", text, flags=re.M) if name == "doc.tex" else text


def _clean_verdicts(name: str, text: str, snippet: str) -> list[tuple[str, str]]:
    """``text`` checked once as ``name``: no error in it, and the (verdict, reason) of the links on ``snippet``'s line."""
    report = check_document(name, text)
    assert [(f.line, f.code) for f in report.findings if f.severity == "error"] == [], report.findings
    return verdicts_on(report, line_of(text, snippet))


# --- an equation the words say is solved is no identity -------------------------------------------------------

NEWTON_SYSTEM = r"""# Examples

Take the wavy function $g(w) = \sin(3w) + 0.1w^2 + 1.5$ as a running example.

## Newton's method

At the $k$-th step the method jumps to the stationary point of the local quadratic model:

$$
\mathbf{w}^{k} = \mathbf{w}^{k-1} - \left(\nabla^2 g(\mathbf{w}^{k-1})\right)^{-1}\nabla g(\mathbf{w}^{k-1})
$$

Inverting the Hessian is costly. Instead $\mathbf{w}^k$ is usually found by solving the equivalent linear system

$$
\nabla^2 g\left(\mathbf{w}^{k-1}\right)\mathbf{w} = \nabla^2 g\left(\mathbf{w}^{k-1}\right)\mathbf{w}^{k-1} - \nabla g(\mathbf{w}^{k-1})
$$

which costs far less.
"""

SYSTEM = r"\nabla^2 g\left(\mathbf{w}^{k-1}\right)\mathbf{w} ="


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("lead", [
    "by solving the equivalent linear system",
    "as the solution of the equation",
])
def test_the_system_a_method_solves_is_a_condition_not_a_false_identity(name: str, lead: str) -> None:
    # the example g of an earlier section makes the equation false for most w: it is solved for w, not claimed
    text = _as(name, NEWTON_SYSTEM.replace("by solving the equivalent linear system", lead))
    verdicts = _clean_verdicts(name, text, SYSTEM)
    assert [v for v, _ in verdicts] == ["not-a-claim"], verdicts
    assert "condition" in verdicts[0][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("lead", ["and dividing by $-1$ and solving,", "Solving this equation for $a$ gives"])
def test_a_value_solved_for_after_the_solve_word_is_still_a_claim(name: str, lead: str) -> None:
    # "…and solving," names no equation, and "solving the equation … gives" says what it gives: what follows is
    # the value solved, checked against the line before
    text = _as(name, r"""# Least squares

Setting the derivative in $a$ to zero,

$$
0 = \sum_{i=1}^{N} (y_i - a)
$$

{lead}

$$
a = \frac{1}{N}\sum_{i=1}^{N} y_i
$$
""".replace("{lead}", lead))
    verdicts = verdicts_on(check_document(name, text), line_of(text, r"a = \frac{1}{N}"))
    assert [v for v, _ in verdicts] == ["proved"], verdicts


# --- integrals of an unknown function ---------------------------------------------------------------------------

FTC = r"""# Smoothness

For a differentiable $g$ on the segment,

$$
g(1) = g(0)+\int_{0}^{1} g^{\prime}(t)\, d t
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_fundamental_theorem_of_calculus_holds_whatever_g_is(name: str) -> None:
    text = _as(name, FTC)
    verdicts = verdicts_on(check_document(name, text), line_of(text, "g(1) = g(0)"))
    assert [v for v, _ in verdicts] == ["proved"], verdicts
    assert "whatever g is" in verdicts[0][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("wrong", [r"g^{\prime}(t) + g(0)", r"g(0) + g^{\prime}(1)", r"g(1) - g(0)"])
def test_an_integral_of_a_call_that_reads_its_variable_is_no_constant(name: str, wrong: str) -> None:
    # ∫₀¹ g'(t) dt is g(1) − g(0), never the integrand times the length: a copy that says so is not proved
    text = _as(name, FTC.replace("\\, d t\n", f"\\, d t = {wrong}\n"))
    verdicts = verdicts_on(check_document(name, text), line_of(text, "g(1) = g(0)"))
    assert len(verdicts) == 2 and verdicts[1][0] != "proved", verdicts


# --- an unreadable new definition of a function retires the old one -----------------------------------------------

RETIRED = r"""# Smoothness

Take $g(x) = \frac{L}{2} x^2 - f(x)$. An example that is not smooth is $f(x) = x^4$ for $y$ near $x = 0$.

## From Lipschitz gradients to smoothness

Define $g(t \in [0,1]) = f(x + t(y - x))$ on the segment. Then

$$
g(0) + g^{\prime}(0) + \frac{L}{2}\Vert x - y\Vert^2 = f(x) + \nabla f(x)^{T}(y - x) + \frac{L}{2}\Vert x - y\Vert^2
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_function_defined_anew_unreadably_is_not_the_earlier_example(name: str) -> None:
    # the earlier g and f with the value x = 0 made both sides L/2‖y‖²: a proof for the wrong reason
    text = _as(name, RETIRED)
    verdicts = verdicts_on(check_document(name, text), line_of(text, r"g(0) + g^{\prime}(0)"))
    assert verdicts and all(v != "proved" for v, _ in verdicts), verdicts
    assert error_lines(name, text) == []


# --- a probability under a condition is one name, not a constant of what it conditions on -------------------------

SCORE = r"""# Newton's method for a likelihood

For independent samples the log-likelihood is

$$
\ell(t)=\sum_{i=1}^{N}\log[p(x_i \mid t)]
$$

To first order around $t_0$ the score is

$$
\ell^{\prime}(t) = \ell^{\prime}(t_0)+\ell^{\prime\prime}(t_0)(t-t_0)
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("bar", [r"\mid", "|"])
def test_a_first_order_expansion_through_a_conditional_probability_is_not_proved(name: str, bar: str) -> None:
    # read with p(x_i | t) constant in t, ℓ' = ℓ'' = 0 and the expansion (false for a logistic p) held as 0 = 0
    text = _as(name, SCORE.replace(r"\mid", bar))
    verdicts = verdicts_on(check_document(name, text), line_of(text, r"\ell^{\prime}(t) ="))
    assert verdicts and all(v != "proved" for v, _ in verdicts), verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_through_a_conditional_probability_is_undecided_and_says_why(name: str) -> None:
    text = _as(name, "# Score\n\nThe derivative is\n\n$$\n"
                     r"\frac{d}{d\theta} \left(\theta^2 + \log p(y \mid \theta)\right) = 2\theta" "\n$$\n")
    verdicts = verdicts_on(check_document(name, text), line_of(text, r"\frac{d}{d\theta}"))
    assert [v for v, _ in verdicts] == ["undecided"], verdicts
    assert "read as one name" in verdicts[0][1], verdicts


# --- one relation written for each of its names is no cycle -------------------------------------------------------

BOTH_WAYS = r"""# Half-life

The decay factor $p$ and the number of halvings $n$ say the same thing:

$$
n=-\log_2 p,
\qquad
p=2^{-n}.
$$

The update then mixes $y = p\,x + (1-p)\,g$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_relation_written_for_each_name_is_proved_not_circular(name: str) -> None:
    text = _as(name, BOTH_WAYS)
    verdicts = _clean_verdicts(name, text, "p=2^{-n}")
    assert [v for v, _ in verdicts] == ["proved"], verdicts
    assert "solved for p" in verdicts[0][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_two_rows_that_disagree_are_still_a_circular_system(name: str) -> None:
    text = _as(name, BOTH_WAYS.replace("p=2^{-n}", "p=2^{n}"))
    assert [code for _, code in error_lines(name, text)] == ["math/circular-definition"]


# --- a letter applied to an integral's variable is a function of it ---------------------------------------------

RATE = r"""# Decay over a window

Over a window of length $\Delta$ from $a$, the number of halvings and the factor are

$$
H = \int_{a}^{a+\Delta} r(s)\,ds, \qquad p = 2^{-H}.
$$

For a constant rate, $r = 1/h$, the factor is $p = 2^{-\Delta/h}$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("rate", ["r", "r_q"])
def test_a_rate_inside_an_integral_is_no_product_with_its_variable(name: str, rate: str) -> None:
    # read as r·s, ∫ s/h ds gave (2aΔ + Δ²)/(2h) and the true constant-rate factor was called false
    text = _as(name, RATE.replace("r(s)", rate + "(s)").replace("$r = 1/h$", f"${rate} = 1/h$"))
    verdicts = _clean_verdicts(name, text, r"p = 2^{-\Delta/h}")
    assert "false" not in [v for v, _ in verdicts], verdicts


def test_integrand_letters_are_the_letters_applied_to_the_differential_variable() -> None:
    from derive.check.function_letters import integrand_letters

    assert integrand_letters([r"\int_a^b r(s)\,ds", r"\int \phi(\tau)\, d\tau", r"\int_0^T a(t)\,\mathrm{d}t"]) \
        == {"r", r"\phi", "a"}
    # with a label, marked as a labelled function (χ_q(σ) then reads as a call, not χ_q·σ)
    assert integrand_letters([r"\int_{\tau}^{\tau + h} \chi_q(\sigma)\,d\sigma"]) == {r"\chi", r"\chi_"}
    # a factor with another argument, the variable itself, a function outside any integral: none of them
    assert integrand_letters([r"\int_0^1 x(1-x)\,dx", r"\int_0^1 t(t)\,dt", r"r(s) = 2s"]) == set()


# --- definitions that read each other under a condition ---------------------------------------------------------

BALANCE = r"""# Balance

> Put $d=1-\zeta$ and take the additive scale $\gamma$. One cautious step is
>
> $$
> W'=W-d(P\odot W)+\gamma U.
> $$
>
> Keep running averages of
>
> $$
> p_2=\frac{\|P\odot W\|^2}{\|W\|^2},
> \qquad
> h=\frac{\langle W,U\rangle}{\|W\|\|U\|},
> \qquad
> k=\frac{\langle P\odot W,U\rangle}{\|W\|\|U\|}.
> $$
>
> Let $\alpha=\gamma\|U\|/R_W$. Close to the radius, $\|W\|\approx R_W$, the equation $\|W'\|^2=R_W^2$ turns into
>
> $$
> p_2d^2-(2p_2+2\alpha k)d+(\alpha^2+2\alpha h)=0.
> $$
>
> Take the smaller root, then set $\zeta=1-d$ and $\rho=\gamma/d$ when $d>0$. Otherwise let $r=\|W\|/R_W$ and solve
>
> $$
> p_2r^2d^2-(2p_2r^2+2\alpha kr)d+(r^2-1+\alpha^2+2\alpha hr)=0.
> $$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_name_defined_both_ways_leaves_no_display_unchecked(name: str) -> None:
    # d = 1 − ζ, later ζ = 1 − d: reading the conditions under both raised a checker error on two displays
    text = _as(name, BALANCE)
    findings = check_document(name, text).findings
    assert [f for f in findings if f.code.startswith("checker/")] == [], findings


# --- a closed form of the objective the notes defined first under the same name ---------------------------------

TWO_LOSSES = r"""# Two objectives, one name

Ordinary least squares minimises

$$
J(\theta) = \frac{1}{2}\|A\theta - b\|_2^2
$$

and the penalised fit minimises

$$
J(\theta) = \frac{1}{2}\|A\theta - b\|_2^2 + \frac{\mu}{2}\|\theta\|_2^2
$$

For ordinary least squares the minimiser is

$$
\theta = (A^T A)^{-1} A^T b
$$

and for the penalised fit it is

$$
\theta = (A^T A + \mu I)^{-1} A^T b
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_minimizer_of_the_first_objective_is_proved_with_its_line(name: str) -> None:
    text = _as(name, TWO_LOSSES)
    verdicts = _clean_verdicts(name, text, r"\theta = (A^T A)^{-1} A^T b")
    assert [v for v, _ in verdicts] == ["proved"], verdicts
    plain = line_of(text, r"J(\theta) = ")  # the first objective, ordinary least squares
    assert f"as defined on line {plain}" in verdicts[0][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("wrong", [r"(A^T A - \mu I)^{-1} A^T b", r"2(A^T A)^{-1} A^T b"])
def test_a_closed_form_of_neither_objective_is_false(name: str, wrong: str) -> None:
    text = _as(name, TWO_LOSSES.replace(r"\theta = (A^T A)^{-1} A^T b", r"\theta = " + wrong))
    assert error_lines(name, text) == [(line_of(text, wrong), "math/false")]
    # the error names the objective in force, the penalised one
    penalised = line_of(text, r"+ \frac{\mu}{2}\|\theta\|_2^2")
    errors = [f.message for f in check_document(name, text).findings if f.severity == "error"]
    assert f"the gradient of J (line {penalised})" in errors[0], errors


# --- the factors of a decomposition the text names ------------------------------------------------------------------

SVD = r"""# Ridge through the SVD

Here $P$, $S$, $Q$ are the factors of the singular value decomposition of $A$.

$$
\begin{aligned}
A\hat{\theta} &= A(A^TA + \mu I)^{-1}A^Tb \\
&= PSQ^T (QS^TP^T PSQ^T + \mu I)^{-1}QS^TP^Tb \\
&= PSQ^T (QS^2 Q^T + \mu QQ^T)^{-1}QS^TP^Tb
\end{aligned}
$$
"""
SVD_STEP = r"PSQ^T (QS^2 Q^T + \mu QQ^T)^{-1}QS^TP^Tb"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_step_that_needs_orthogonal_factors_is_not_false_when_the_text_names_an_svd(name: str) -> None:
    text = _as(name, SVD)
    verdicts = _clean_verdicts(name, text, SVD_STEP)
    assert verdicts[-1][0] == "undecided", verdicts
    assert "P, Q are orthogonal and S is diagonal" in verdicts[-1][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("wrong", [r"\mu Q^T)", r"\mu Q^2)"])
def test_a_step_false_for_any_factors_is_still_false(name: str, wrong: str) -> None:
    text = _as(name, SVD.replace(r"\mu QQ^T)", wrong))
    verdicts = verdicts_on(check_document(name, text), line_of(text, "PSQ^T (QS^2"))
    assert verdicts[-1][0] == "false", verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_without_a_named_decomposition_the_general_matrices_decide(name: str) -> None:
    text = _as(name, SVD.replace("the factors of the singular value decomposition of $A$", "three matrices")
               .replace("through the SVD", "rewritten"))
    verdicts = verdicts_on(check_document(name, text), line_of(text, SVD_STEP))
    assert verdicts[-1][0] == "false", verdicts


# --- a proof's "whatever" names no transpose mark and no identity ----------------------------------------------------

ECONOMY_QR = r"""# Economy QR

With the Cholesky factor $R$ of $A^T A = R^T R$, write $A = QR$ where $Q = AR^{-1}$; then

$$
Q^T Q = R^{-T} A^T A R^{-1} = R^{-T} R^T R R^{-1} = I.
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_matrix_proof_does_not_call_the_transpose_mark_a_free_name(name: str) -> None:
    text = _as(name, ECONOMY_QR)
    verdicts = verdicts_on(check_document(name, text), line_of(text, "Q^T Q = R^{-T}"))
    assert verdicts[-1][0] == "proved", verdicts
    assert "whatever I" not in verdicts[-1][1] and "T are" not in verdicts[-1][1], verdicts


# --- integrals of an unknown function compared by linearity -------------------------------------------------------

LINEAR_INTEGRALS = r"""# Smoothness from a Lipschitz gradient

Along the segment from $y$ to $x$,

$$
\Bigg|\int_{0}^{1}{\Big\langle\nabla{f}\big(y + t(x-y)\big), x-y\Big\rangle dt} - \int_{0}^{1}{\langle\nabla f(y), x-y\rangle dt}\Bigg| = \Bigg|\int_{0}^{1}{\Big\langle\Big[\nabla{f}\big(y + t(x-y)\big) - \nabla f(y)\Big], x-y\Big\rangle dt}\Bigg|
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_difference_of_integrals_is_the_integral_of_the_difference(name: str) -> None:
    text = _as(name, LINEAR_INTEGRALS)
    verdicts = verdicts_on(check_document(name, text), line_of(text, r"\Bigg|\int_{0}^{1}"))
    assert [v for v, _ in verdicts] == ["proved"], verdicts
    assert "linearity of the integral" in verdicts[0][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("slip, wrong", [(r"\big) - \nabla f(y)\Big]", r"\big) + \nabla f(y)\Big]"),
                                         (r"\Big], x-y\Big\rangle dt}", r"\Big], x+y\Big\rangle dt}")])
def test_integrals_that_differ_are_not_proved_by_linearity(name: str, slip: str, wrong: str) -> None:
    text = _as(name, LINEAR_INTEGRALS.replace(slip, wrong))
    assert text != _as(name, LINEAR_INTEGRALS)
    verdicts = verdicts_on(check_document(name, text), line_of(text, r"\Bigg|\int_{0}^{1}"))
    assert verdicts and all(v != "proved" for v, _ in verdicts), verdicts


# --- f'(x) = ∇f(x) said for the n-dimensional case is notation, not a new f′ ---------------------------------------

PRIME_NOTATION = r"""# Newton's method

For a root of $\varphi$ the step is $x_{k+1} = x_k - \varphi(x_k)/\varphi'(x_k)$. For a minimum of $f$ we need
$f'(x^*) = 0$. Here $\varphi(x) = f'(x), \; \varphi'(x) = f''(x)$, and the classic form follows:

$$
x_{k+1} = x_k - \left[ f''(x_k)\right]^{-1}f'(x_k).
$$

In $n$ dimensions read $f'(x) = \nabla f(x) \in \mathbb{R}^n, \; f''(x) = \nabla^2 f(x) \in \mathbb{R}^{n \times n}$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_renamed_for_n_dimensions_does_not_redefine_it(name: str) -> None:
    text = _as(name, PRIME_NOTATION)
    report = check_document(name, text)
    assert [v for v, _ in verdicts_on(report, line_of(text, r"\left[ f''(x_k)"))] == ["proved"]
    here = [v for v, _ in verdicts_on(report, line_of(text, r"Here $\varphi(x)"))]
    assert here[-2:] == ["not-a-claim", "proved"], here  # φ is defined, φ' = f'' proved


# --- checker errors cost one display or one pass, never the file -------------------------------------------------

LINE_FIT = r"""# Fitting a line

The first-order condition in $w$ reads

$$
0 = w\sum_{i=1}^{m}x_i^2-\sum_{i=1}^{m}(y_i-b)x_i
$$

The intercept is $b=\frac{1}{m}\sum_{i=1}^{m}(y_i-wx_i)$; write $\frac{1}{m}\sum_{i=1}^{m}y_i=\bar{y}$ and
$\frac{1}{m}\sum_{i=1}^{m}x_i=\bar{x}$, so $b=\bar{y}-w\bar{x}$. Putting it in:

$$
w\sum_{i=1}^{m}x_i^2 = \sum_{i=1}^{m}y_ix_i-\sum_{i=1}^{m}(\bar{y}-w\bar{x})x_i
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_sum_whose_bound_names_a_mean_leaves_no_checker_error(name: str) -> None:
    # the induction on the bound m met a sum SymPy refused to move (ValueError: invalid limits)
    text = _as(name, LINE_FIT)
    report = check_document(name, text)
    assert [f for f in report.findings if f.code.startswith("checker/")] == [], report.findings
    assert [v for v, _ in verdicts_on(report, line_of(text, r"so $b=\bar{y}-w\bar{x}$"))][-1] == "proved"


def test_a_later_pass_that_fails_keeps_the_verdicts_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from derive.check import verify

    def broken(self: object) -> None:
        raise ValueError("a bug in a later pass")

    monkeypatch.setattr(verify.DocumentChecker, "_earlier_sections", broken)
    text = "# Step\n\nWith $a = 2$ we get\n\n$$\na + a = 4\n$$\n"
    report = check_document("doc.md", text)
    assert [v for v, _ in verdicts_on(report, line_of(text, "a + a = 4"))] == ["proved"]
    warnings = [f for f in report.findings if f.code == "checker/internal-error"]
    assert len(warnings) == 1 and "a bug in a later pass" in warnings[0].message, report.findings
    assert "a pass over the whole file stopped" in warnings[0].message, warnings  # not "this file was not checked"


# --- a sign the text states, in math or in words ---------------------------------------------------------------

@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("given, link, verdict", [
    ("Let $c > 0$.", "|c| = c", "proved"),
    ("Take a *positive* constant $c$.", "|c| = c", "proved"),
    ("Here $c$ is strictly positive.", "|c| = c", "proved"),
    ("Take a negative constant $c$.", "|c| = -c", "proved"),
    ("Take a negative constant $c$.", "|c| = c", "false"),
    ("Take any constant $c$.", "|c| = c", "false"),
])
def test_an_absolute_value_under_a_stated_sign(name: str, given: str, link: str, verdict: str) -> None:
    text = _as(name, f"# Sign\n\n{given} The network then outputs $y = {link}$.\n")
    verdicts = verdicts_on(check_document(name, text), line_of(text, link))
    assert [v for v, _ in verdicts][-1] == verdict, verdicts


# --- differentials, step superscripts, derivatives in a coordinate ------------------------------------------------

@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("link", [r"\mathrm{d}(AB) = \mathrm{d}A\,B + A\,\mathrm{d}B",
                                  r"\mathrm{d}(A^{-1}) = -A^{-1}\,\mathrm{d}A\,A^{-1}"])
def test_a_matrix_differential_is_not_refuted_as_a_factor_d(name: str, link: str) -> None:
    text = _as(name, f"# Differentials\n\nThe product rule for differentials:\n\n$$\n{link}\n$$\n")
    verdicts = _clean_verdicts(name, text, link)
    assert [v for v, _ in verdicts] == ["undecided"] and "differentials" in verdicts[0][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_wrong_scalar_product_rule_with_a_plain_d_is_still_false(name: str) -> None:
    # d as a plain letter (a length, say) multiplies: the guard is for the upright differential d only
    text = _as(name, "# Lengths\n\nWith lengths $d$, $A$, $B$,\n\n$$\nd(A + B) = dA + 2dB\n$$\n")
    assert error_lines(name, text) == [(line_of(text, "d(A + B) ="), "math/false")]


STEP_SUPERSCRIPT = r"""# Gradient descent on a quadratic

Take $f(x) = \frac12 x^T \Lambda x$. The iterates count steps in superscripts:

$$
\begin{align*}
x^{k+1} &= x^k - \alpha^k \nabla f(x^k) \\
        &= x^k - \alpha^k \Lambda x^k
\end{align*}
$$

Let's use a constant step size $\alpha^k = \alpha$. The iteration then converges when $|1 - \alpha \lambda| < 1$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_step_size_indexed_by_a_superscript_step_is_no_power(name: str) -> None:
    text = _as(name, STEP_SUPERSCRIPT)
    verdicts = _clean_verdicts(name, text, r"$\alpha^k = \alpha$")
    assert verdicts and verdicts[-1][0] != "false", verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("power", ["", "Then $\\alpha^{k+1} > 0$ too. "])
def test_without_steps_in_superscripts_a_power_stays_a_power(name: str, power: str) -> None:
    # (α^{k+1} in a formula is a power: only x^{k+1} = … on the left of a rule counts steps)
    text = _as(name, "# Powers\n\nFor a number $\\alpha > 0$ and a whole $k \\ge 2$, " + power
               + "We get $\\alpha^k = \\alpha$.\n")
    assert error_lines(name, text) == [(line_of(text, r"\alpha^k = \alpha"), "math/false")]


COORDINATE_DIFFERENTIAL = r"""# Gradient of a linear form

Consider

$$
f(x) = a^T x
$$

with $a, x \in \mathbb{R}^n$. Coordinate by coordinate,

$$
\frac{\partial f}{\partial x_1} \cdot \mathrm{d}x_1 + \ldots + \frac{\partial f}{\partial x_n} \cdot \mathrm{d}x_n = a_1 \cdot \mathrm{d}x_1 + \ldots + a_n \cdot \mathrm{d}x_n
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_in_a_coordinate_of_a_vector_function_is_no_coefficient(name: str) -> None:
    text = _as(name, COORDINATE_DIFFERENTIAL)
    verdicts = _clean_verdicts(name, text, r"\frac{\partial f}{\partial x_1}")
    assert [v for v, _ in verdicts] == ["undecided"], verdicts
    assert "the derivative of a function the notes define could not be taken here" in verdicts[0][1]  # (the reason)


# --- R's primes are transposes where they stand on a factor --------------------------------------------------------

R_STYLE = r"""# Conjugate gradient, R style

A prime on a vector is its transpose here. We minimize

$$
f(x) = \frac{1}{2} x^\prime A x - x^{\prime} b
$$

so the first direction from $x_0$ is $p_0 = -f^\prime(x_0) = b - Ax_0$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_prime_on_a_factor_is_a_transpose(name: str) -> None:
    text = _as(name, R_STYLE)
    assert error_lines(name, text) == []
    assert [v for v, _ in verdicts_on(check_document(name, text), line_of(text, "p_0 = -f"))][-1] == "proved"


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_with_primes_as_transposes_a_wrong_gradient_is_still_false(name: str) -> None:
    text = _as(name, R_STYLE.replace("= b - Ax_0", "= b + Ax_0"))
    assert error_lines(name, text) == [(line_of(text, "p_0 = -f"), "math/false")]


def test_primes_as_transposes_keep_every_offset() -> None:
    from derive.check.prime_transpose import as_transposes, primes_transpose

    text = r"\frac{1}{2} x^\prime A x - x^{\prime} b + f^\prime(x)"
    assert primes_transpose([text]) and not primes_transpose([r"f^\prime(x) = 2x", r"y^\prime = y"])
    out = as_transposes(text)
    assert len(out) == len(text) and r"x^\top" in out and r"x^{\top}" in out and r"f^\prime(x)" in out


# --- a new method's rule written as a tuple of next steps ------------------------------------------------------------

SWEEP = r"""# Two methods

## Quasi-Newton

With $s_n = \theta_n-\theta_{n-1}$ and $y_n = g(\theta_n)-g(\theta_{n-1})$ the secant condition is $B_n s_n = y_n$.

## Coordinate descent

For $f(x, y) = x^2 + y^2 + axy$ one sweep of exact minimization is

$$
\begin{pmatrix} x_{n+1} \\ y_{n+1} \end{pmatrix} = \begin{pmatrix} -\frac{a}{2}y_n \\ -\frac{a}{2}x_{n+1} \end{pmatrix}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_tuple_of_next_steps_in_a_new_section_is_a_rule_not_a_claim(name: str) -> None:
    text = _as(name, SWEEP)
    verdicts = _clean_verdicts(name, text, r"\begin{pmatrix} x_{n+1}")
    assert [v for v, _ in verdicts] == ["not-a-claim"] and "tuple" in verdicts[0][1], verdicts


# --- English "also" is no "thus" ----------------------------------------------------------------------------------

ADAMW_ALSO = r"""# Adam, then AdamW

Adam's step is

$$
\theta_{i+1} = \theta_i - \frac{\alpha}{\sqrt{v_i + \epsilon}}\,m_i
$$

For AdamW the update rule also gets a term with the penalty:

$$
\theta_{i+1} = \theta_i - \alpha_i\left[\frac{m_i}{\sqrt{v_i + \epsilon}} + \lambda \theta_{i}\right]
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_rule_that_also_gets_a_term_is_a_new_method(name: str) -> None:
    text = _as(name, ADAMW_ALSO)
    assert error_lines(name, text) == []


def test_german_also_still_claims_and_english_also_have_too() -> None:
    from derive.check.prose import _CLAIM

    assert _CLAIM.search("Also gilt") and _CLAIM.search("und also $x$") and _CLAIM.search("We also have")
    assert not _CLAIM.search("the update rule also gets a term")
