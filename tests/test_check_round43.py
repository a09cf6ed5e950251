"""Readings added in stop 47. Fixtures are written here, in my own words and symbols (the notes themselves are not
stored); each has a correct copy and a slip."""
from __future__ import annotations

import pytest

from fixture_docs import as_sections as _as, error_lines, line_of as _line, slipped, verdicts_at as _verdicts

# -- index notation: entries of products, derivatives in an entry, matrix sides written entry by entry -----------
INDEX = r"""# A quadratic form, coordinate by coordinate

Let $B$ be a square matrix and $u$ a vector. The $r$-th coordinate of the gradient is

$$\frac{\partial}{\partial u_r} u^\top B u = \frac{\partial}{\partial u_r}\sum_p u_p (Bu)_p$$

$$\frac{\partial}{\partial u_r}\sum_p u_p (Bu)_p = \frac{\partial}{\partial u_r}\sum_p u_p \left(\sum_q b_{pq} u_q\right)$$

$$\frac{\partial}{\partial u_r}\sum_p u_p \left(\sum_q b_{pq} u_q\right) = \sum_p (b_{pr} + b_{rp}) u_p$$

# A trace

For square $C$ and $D$,

$$\frac{\partial}{\partial C_{ij}} \sum_k (CD)_{kk} = \frac{\partial}{\partial C_{ij}} \sum_{k,l} C_{kl} D_{lk}$$

$$\frac{\partial}{\partial C_{ij}} \sum_{k,l} C_{kl} D_{lk} = D_{ji}$$

# A transposed product

The entries of a product with a transpose are

$$(M^\top v)_i = \sum_k M_{ki} v_k$$

and a linear term differentiates to

$$\frac{\partial}{\partial u_r} c^\top u = \frac{\partial}{\partial u_r}\sum_p c_p u_p$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_index_notation_links_are_proved_at_small_sizes(name: str) -> None:
    text = _as(name, INDEX)
    assert error_lines(name, text) == []
    for snippet in (r"\frac{\partial}{\partial u_r} u^\top B u = ", r"\frac{\partial}{\partial u_r}\sum_p u_p (Bu)_p = ",
                    r"\frac{\partial}{\partial u_r}\sum_p u_p \left(\sum_q b_{pq} u_q\right) = ",
                    r"\frac{\partial}{\partial C_{ij}} \sum_k (CD)_{kk} = ", r"\frac{\partial}{\partial C_{ij}} \sum_{k,l} C_{kl} D_{lk} = ",
                    r"(M^\top v)_i = ", r"\frac{\partial}{\partial u_r} c^\top u = "):
        verdicts = _verdicts(name, text, snippet)
        assert [v for v, _ in verdicts] == ["proved"], (snippet, verdicts)
    reason = _verdicts(name, text, r"\frac{\partial}{\partial u_r} u^\top B u = ")[0][1]
    assert "in index notation" in reason and "sizes 2, 3, 4" in reason, reason


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [
    (r"(M^\top v)_i = \sum_k M_{ki} v_k", r"(M^\top v)_i = \sum_k M_{ki} v_i"),          # the summed index lost
    (r"\sum_p (b_{pr} + b_{rp}) u_p", r"\sum_p b_{rp} u_p"),                              # half the gradient
    (r"\sum_{k,l} C_{kl} D_{lk} = D_{ji}", r"\sum_{k,l} C_{kl} D_{lk} = 2 D_{ji}"),       # a factor too many
    (r"\frac{\partial}{\partial u_r} u^\top B u = \frac{\partial}{\partial u_r}\sum_p u_p (Bu)_p",
     r"\frac{\partial}{\partial u_r} u^\top B u = \frac{\partial}{\partial u_r}\sum_p u_p (Bu)_r"),
    (r"\frac{\partial}{\partial u_r} c^\top u = \frac{\partial}{\partial u_r}\sum_p c_p u_p",
     r"\frac{\partial}{\partial u_r} c^\top u = \frac{\partial}{\partial u_r}\sum_p c_p u_r"),
])
def test_an_index_slip_is_false_on_its_line(name: str, old: str, new: str) -> None:
    text = slipped(_as(name, INDEX), old, new)
    assert (_line(text, new), "math/false") in error_lines(name, text)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_false_index_link_names_the_written_out_sides(name: str) -> None:
    text = slipped(_as(name, INDEX), r"(M^\top v)_i = \sum_k M_{ki} v_k", r"(M^\top v)_i = \sum_k M_{ki} v_i")
    verdicts = _verdicts(name, text, r"(M^\top v)_i = ")
    assert verdicts[0][0] == "false", verdicts
    assert "M_{11}·v_{1} + M_{21}·v_{2}" in verdicts[0][1] and "every size tried (2, 3, 4)" in verdicts[0][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new, letter", [
    (r"(M^\top v)_i = \sum_k M_{ki} v_k", r"(M^\top v)_i = \sum_k M_{ik} v_k", "M"),
    (r"\sum_{k,l} C_{kl} D_{lk} = D_{ji}", r"\sum_{k,l} C_{kl} D_{lk} = D_{ij}", "D"),
])
def test_a_transposed_entry_holds_only_for_a_symmetric_matrix(name: str, old: str, new: str, letter: str) -> None:
    # the transposed index is a slip for a general matrix and right for a symmetric one: undecided, unless said
    text = slipped(_as(name, INDEX), old, new)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, new)
    assert verdicts[-1][0] == "undecided" and "symmetric" in verdicts[-1][1] and letter in verdicts[-1][1], verdicts
    said = slipped(text, "For square $C$ and $D$,", f"For square $C$ and $D$, with ${letter}$ symmetric,")
    verdicts = _verdicts(name, said, new)
    assert verdicts[-1][0] == "proved" and "symmetric as the notes say" in verdicts[-1][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_matrix_side_read_as_numbers_is_never_refuted_against_entries(name: str) -> None:
    # x^⊤Ax read by the scalar reader is A·x², whose derivative in a coordinate is 0: no refutation may rest on it
    doc = r"""# Gradient

Let $A$ be a square matrix, and define $f(x) = x^\top A x + 1$.

$$\frac{\partial}{\partial x_i} f(x) = \sum_j (a_{ij} + a_{ji}) x_j$$
"""
    text = _as(name, doc)
    assert error_lines(name, text) == []


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("entry", [r"(A^{-1})_{ij}", r"(x^\top y)_i", r"(e^{A})_{ij}"])
def test_an_entry_of_what_is_not_a_product_of_matrices_is_undecided_with_the_reason(name: str, entry: str) -> None:
    text = _as(name, f"# Entries\n\nWe have\n\n$${entry} = c_{{ij}} + 1$$\n")
    verdicts = _verdicts(name, text, entry)
    assert [v for v, _ in verdicts] == ["undecided"], verdicts
    assert "subscript on an expression" in verdicts[0][1], verdicts


# -- a trace in plain letters, transposes written \text{T}: matrices, never numbers -----------------------------
TRACE = r"""# A trace rewritten

Let $P$, $Q$, $G$ and $H$ be square matrices of one size. Since a trace does not change when its product is
turned around,

$$tr \big( Q G^\text{T} P H \big) = tr \big( H Q G^\text{T} P \big)$$

and, transposing the product inside,

$$tr \big( H Q G^\text{T} P \big) = tr \big( (P^\text{T} G Q^\text{T} H^\text{T})^\text{T} \big)$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_trace_in_plain_letters_is_read_in_matrix_algebra(name: str) -> None:
    text = _as(name, TRACE)
    assert error_lines(name, text) == []
    for snippet in (r"tr \big( Q G^\text{T} P H \big) = ", r"tr \big( H Q G^\text{T} P \big) = tr \big( (P"):
        verdicts = _verdicts(name, text, snippet)
        assert [v for v, _ in verdicts] == ["proved"] and "matrix algebra" in verdicts[0][1], (snippet, verdicts)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [
    (r"= tr \big( H Q G^\text{T} P \big)$$", r"= tr \big( H G^\text{T} Q P \big)$$"),                   # factors swapped
    (r"(P^\text{T} G Q^\text{T} H^\text{T})^\text{T}", r"(P^\text{T} G^\text{T} Q^\text{T} H^\text{T})^\text{T}"),  # a transpose too many
])
def test_a_trace_that_reorders_its_product_is_never_proved(name: str, old: str, new: str) -> None:
    # numbers commute, matrices do not: the scalar reading proved these before
    text = slipped(_as(name, TRACE), old, new)
    verdicts = _verdicts(name, text, new)
    assert verdicts and all(v != "proved" for v, _ in verdicts), verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_coordinate_letter_that_is_not_written_out_never_refutes(name: str) -> None:
    # ∂/∂u_t: t is no entry letter, so u_t stays a name beside u_1, u_2 written out; t may be 1 or 2, and a
    # comparison that treats u_t as a new quantity would call the true link false
    doc = r"""# One coordinate

For a vector $u$,

$$\frac{\partial}{\partial u_t}\sum_p u_p^2 = 2 u_t$$
"""
    text = _as(name, doc)
    assert error_lines(name, text) == []
    assert all(v != "false" for v, _ in _verdicts(name, text, r"\sum_p u_p^2 = 2 u_t"))


# -- an unrolled average whose gradient terms are never compared: not proved on its first term alone ------------
UNROLLED = r"""# Two averages

Take $\gamma \ge 0.9$ and $\delta \ge 0.99$. At step $n$ the averages move as

$$
\begin{align*}
p_{n+1} &= \gamma p_{n} + (1-\gamma) \frac{\partial J}{\partial \theta_{n}} \\
q_{n+1} &= \delta q_{n} + (1-\delta)\big( \frac{\partial J}{\partial \theta_{n}} \big)^2
\end{align*}
$$

For large $n$ the corrected average is close to the plain one:

$$
\begin{align*}
    \lim_{n \rightarrow +\infty} \hat{p}_{n} &= \frac{p_{n}}{1-\gamma^{n-1}}
\\ &\approx p_{n}
\\ &= \gamma \Big( \gamma p_{n-1} + (1-\gamma) \frac{\partial J}{\partial \theta_{n-1}} \Big) + (1-\gamma) \frac{\partial J}{\partial \theta_{n}}
\\ &= ...
\\ &= \gamma^n p_0 + (1-\gamma)\Big( \gamma^n \frac{\partial J}{\partial \theta_{1}} + ... + \gamma \frac{\partial J}{\partial \theta_{n-1}} + \frac{\partial J}{\partial \theta_{n}} \Big)
\end{align*}
$$

The second average unrolls the same way:

$$
q_n = \delta^n q_0 + (1-\delta)\Big( \delta^n \big( \frac{\partial J}{\partial \theta_{1}}\big)^2 + ... + \delta \big( \frac{\partial J}{\partial \theta_{n-1}} \big)^2 + \big( \frac{\partial J}{\partial \theta_{n}}\big)^2 \Big)
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_expansion_is_not_proved_by_its_first_term_alone(name: str) -> None:
    # the gradient terms carry δ^n where the recurrence gives δ^{n−1} (and no term at n): only q_0 was compared
    text = _as(name, UNROLLED)
    verdicts = _verdicts(name, text, r"q_n = \delta^n q_0")
    assert verdicts and all(v != "proved" for v, _ in verdicts), verdicts


# -- a rounded value put in for an exact one -----------------------------------------------------------------------
ROUNDED = r"""# A score

The model gives the log-odds $s = 3.1$ for a new case. Through the sigmoid, with $e^{-3.1}$ rounded to three
decimals,

$$q = \frac{1}{1 + e^{-3.1}} = \frac{1}{1 + 0.045} = 0.957$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_rounded_stand_in_for_an_irrational_value_is_proved(name: str) -> None:
    text = _as(name, ROUNDED)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, r"q = \frac{1}{1 + e^{-3.1}}")
    assert ("proved" in [v for v, _ in verdicts[1:2]]) and "taken as rounded" in verdicts[1][1], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [(r"\frac{1}{1 + 0.045}", r"\frac{1}{1 + 0.054}"),   # digits swapped
                                      (r"\frac{1}{1 + e^{-3.1}}", r"\frac{1}{1 - e^{-3.1}}")])  # the sign lost
def test_a_stand_in_outside_its_rounding_is_false(name: str, old: str, new: str) -> None:
    text = slipped(_as(name, ROUNDED), old, new)
    assert (_line(text, new), "math/false") in error_lines(name, text)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_exact_decimal_parameter_gets_no_rounding(name: str) -> None:
    # 0.9 is a parameter, not a rounded value: 1/(1 − 0.9) is 10, and 11 stays false
    text = _as(name, "# Horizon\n\nWith $\\beta = 0.9$ the horizon is\n\n$$\\frac{1}{1-0.9} = 11$$\n")
    assert (_line(text, r"\frac{1}{1-0.9} = 11"), "math/false") in error_lines(name, text)


# -- d/dx of a composition of defined functions: the chain rule, not the outer derivative at the inner value ---
COMPOSED = r"""# Chain rule by hand

Take $p(u) = u^3$ and $r(x) = 2x$.

$$\frac{d}{dx}p(r(x)) = 24x^2$$

and with $k(u) = e^u$, $m(x) = x^2$, at $x = 1$:

$$\frac{d}{dx}k(m(x))|_{x=1} = 2e$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_derivative_of_a_composition_takes_the_inner_derivative(name: str) -> None:
    text = _as(name, COMPOSED)
    assert error_lines(name, text) == []
    for snippet in (r"\frac{d}{dx}p(r(x)) = ", r"\frac{d}{dx}k(m(x))|_{x=1} = "):
        assert [v for v, _ in _verdicts(name, text, snippet)] == ["proved"], snippet


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [(r"p(r(x)) = 24x^2", r"p(r(x)) = 12x^2"),   # the outer derivative at r(x) only
                                      (r"|_{x=1} = 2e", r"|_{x=1} = e")])
def test_a_composition_without_its_inner_factor_is_false(name: str, old: str, new: str) -> None:
    text = slipped(_as(name, COMPOSED), old, new)
    assert (_line(text, new), "math/false") in error_lines(name, text)


# -- derivatives that vanish only because a dependence is said in words -----------------------------------------
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_derivative_that_vanishes_by_an_unwritten_dependence_refutes_nothing(name: str) -> None:
    doc = r"""# Bias gradient

Let $\sigma(a) = \frac{1}{1 + e^{-a}}$; then

$$\frac{d\sigma(a)}{da} = \sigma(a)(1 - \sigma(a))$$

With $a = v c_i + h$ we have $\frac{da}{dh} = 1$, so a derivative in $h$ is one in $a$:

$$-t_i \frac{1}{\sigma (a)}\frac{\partial}{\partial h} \sigma(a) - (1 - t_i) \frac{1}{1 - \sigma (a)} \frac{\partial}{\partial h}(1 - \sigma (a))$$
$$=-t_i \frac{1}{\sigma (a)}\frac{d}{da} \sigma(a) - (1 - t_i) \frac{1}{1 - \sigma (a)} \frac{d}{da}(1 - \sigma (a))$$
"""
    text = _as(name, doc)
    assert error_lines(name, text) == []


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_two_derivatives_that_vanish_by_what_is_written_prove_nothing(name: str) -> None:
    doc = r"""# Log-loss

Let $q_i$ be the predicted probability of sample $i$ and $t_i$ its label. Then

$$=-\frac{\partial}{\partial v_j} (t_i \log(q_i) - (1 - t_i)\log(1 - q_i))$$
$$=-t_i \frac{\partial}{\partial v_j}\log(q_i) - (1 - t_i)\frac{\partial}{\partial v_j}\log(1 - q_i)$$
"""
    text = _as(name, doc)
    verdicts = _verdicts(name, text, r"=-t_i \frac{\partial}{\partial v_j}\log(q_i)")
    assert verdicts and all(v != "proved" for v, _ in verdicts), verdicts


# -- French "si": a condition, as "if" is ------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_french_si_makes_its_formula_a_condition(name: str) -> None:
    doc = ("# Indicatrice\n\nOn note $\\mathbb{1}(Z, c)$ la fonction qui vaut $1$ si $Z = c$ et $0$ sinon.\n\n"
           "Plus loin, comme $\\mathbb{1}(Z, c)$ vaut 1 si $Z = c$, on somme sur $c$.\n")
    text = _as(name, doc)
    for line in {_line(text, "qui vaut"), _line(text, "Plus loin")}:
        verdicts = [v for v in _verdicts(name, text, "qui vaut" if line == _line(text, "qui vaut") else "Plus loin")]
        assert ("not-a-claim", "condition (the prose states it as one)") in verdicts, verdicts
        assert all(v != "proved" for v, _ in verdicts), verdicts


def test_a_definition_put_into_a_derivative_variable_keeps_the_derivative_whole() -> None:
    # x = t² put into dz/dx: the derivative in an expression does not exist, and SymPy raised on it (a crash)
    import sympy as sp

    from derive.check import roots

    x, t = sp.symbols("x t")
    z = sp.Function("z")
    written = sp.Derivative(z(x), x) + x
    assert roots.replace(written, {x: t**2}) == sp.Derivative(z(x), x) + t**2


# -- a weight-decay step that grows the weights ------------------------------------------------------------------
DECAY = r"""# Decoupled weight decay

Before the adaptive step, AdamW decays the previous weights by $\lambda \eta \theta_{k-1}$, with decay
coefficient $\lambda = 0.01$ and learning rate $\eta = 10^{-3}$:

$$
\theta_{k} \leftarrow \theta_{k-1} - \lambda \eta \theta_{k-1}
$$

and a momentum state is carried over as

$$
u_{k} = (1 + \rho) u_{k-1}
$$
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_decay_step_that_shrinks_the_weights_is_clean(name: str) -> None:
    assert [c for _, c in error_lines(name, _as(name, DECAY))] == []


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("new", [r"\theta_{k-1} + \lambda \eta \theta_{k-1}", r"(1 + \eta\lambda) \theta_{k-1}"])
def test_a_decay_step_that_grows_the_weights_is_an_error_on_its_line(name: str, new: str) -> None:
    text = slipped(_as(name, DECAY), r"\theta_{k-1} - \lambda \eta \theta_{k-1}", new)
    found = [f for f in error_lines(name, text) if f[1] == "system/decay-grows"]
    assert found == [(_line(text, new), "system/decay-grows")], error_lines(name, text)


# -- a law the words name, written with a slip --------------------------------------------------------------------
LAWS = r"""# Counting and measuring

Arrivals per minute follow the Poisson distribution

$$ P(c \mid \nu) = \frac{\nu^{c} e^{-\nu}}{c!} $$

The waiting time has the normal density

$$ h(s) = \frac{1}{\sqrt{2\pi}\tau} e^{-\frac{(s-m)^2}{2\tau^2}} $$

A coin follows the Bernoulli distribution, $b(z) = \rho^z (1-\rho)^{1-z}$.
"""


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_laws_written_as_the_words_name_them_are_clean(name: str) -> None:
    assert error_lines(name, _as(name, LAWS)) == []


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("old, new", [
    (r"\frac{\nu^{c} e^{-\nu}}{c!}", r"\frac{\nu^{c} e^{\nu}}{c!}"),                       # the minus sign lost
    (r"\frac{1}{\sqrt{2\pi}\tau} e^{", r"\frac{1}{\sqrt{2\pi\tau}} e^{"),                   # τ under the root
    (r"\rho^z (1-\rho)^{1-z}", r"\rho^z (1-\rho)^{z}"),                                      # the exponent 1 − z
])
def test_a_law_with_a_slip_is_an_error_on_its_line(name: str, old: str, new: str) -> None:
    text = slipped(_as(name, LAWS), old, new)
    assert error_lines(name, text) == [(_line(text, new), "math/law")]


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_likelihood_or_a_generating_function_under_the_law_s_name_is_not_judged_as_the_law(name: str) -> None:
    doc = (r"# Fit" "\n\nFor the Poisson distribution the log-likelihood of the counts is\n\n"
           r"$$\ell(\nu) = \sum_{i=1}^n \left(c_i \log \nu - \nu - \log c_i!\right)$$" "\n\n"
           r"and the Poisson distribution has the moment generating function $M(s) = e^{\nu(e^s - 1)}$." "\n")
    assert error_lines(name, _as(name, doc)) == []


# -- a definition restated word for word, its norm of a matrix product kept whole ---------------------------------
@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("param", [r"\beta", "b"])
def test_a_definition_restated_word_for_word_is_proved(name: str, param: str) -> None:
    # ‖y − Xβ‖ of a matrix X is kept whole in a function's body; the restated body was compared unconverted
    doc = (f"# Loss\n\nLet $L({param}) = \\Vert y - X{param} \\Vert^2.$ Then\n\n"
           f"$$L({param}) = \\Vert y - X{param} \\Vert^2$$\n")
    text = _as(name, doc)
    assert error_lines(name, text) == []
    verdicts = _verdicts(name, text, f"$$L({param})")
    assert [v for v, _ in verdicts] == ["proved"], verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_restatement_with_another_body_is_never_proved(name: str) -> None:
    doc = ("# Loss\n\nLet $L(\\beta) = \\Vert y - X\\beta \\Vert^2.$ Hence\n\n"
           "$$L(\\beta) = \\Vert y - X\\beta \\Vert^2 + 1$$\n")
    text = _as(name, doc)
    verdicts = _verdicts(name, text, "+ 1$$")
    assert verdicts and all(v != "proved" for v, _ in verdicts), verdicts


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_a_sum_identity_under_a_condition_in_words_is_not_refuted_by_writing_it_out(name: str) -> None:
    # (Σ u_k)² − Σ u_k² = −Σ u_k² holds once the mean is 0, as the words assume: no written-out case knows that
    doc = (r"# Centering" "\n\nShifting every $u_k$ by the mean changes nothing, so we may assume $\\bar u = 0$ without "
           r"loss of generality; then $\sum_{k\ne l} u_k u_l = \big(\sum_k u_k\big)^2 - \sum_k u_k^2 = -\sum_k u_k^2$. "
           "Expanding,\n")
    assert error_lines(name, _as(name, doc)) == []


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_limit_of_a_letter_applied_to_its_variable_is_not_proved_as_a_product(name: str) -> None:
    doc = ("# Differentiable\n\n" r"The map is differentiable at $a$ when $f(a + s) = f(a) + Ls + s\,\rho(s)$." "\n\n"
           r"Moreover, $\lim_{s \to 0} \rho(s) = 0$." "\n")
    text = _as(name, doc)
    verdicts = _verdicts(name, text, r"\lim_{s \to 0} \rho(s)")
    assert verdicts and all(v != "proved" for v, _ in verdicts), verdicts
    assert "may be a function of its variable" in verdicts[-1][1], verdicts  # (this guard's own reason)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
@pytest.mark.parametrize("lead", ["alors :", "on a :", "entonces:", "então:"])
def test_a_claim_after_a_romance_condition_is_checked(name: str, lead: str) -> None:
    # "si" governs its own formula; "alors", "on a", "entonces", "então" claim the display that follows
    doc = ("# Cas\n\nPrenons $a = 2$. Si $ g(u, v) $ est positif, " + lead + "\n"
           "\\begin{align*}\nb &= a + 3 \\\\\n &= 6\n\\end{align*}\n")
    text = _as(name, doc)
    assert (_line(text, "&= 6"), "math/false") in error_lines(name, text)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_derivative_of_a_trace_in_an_entry_is_a_claim_proved_in_index_notation(name: str) -> None:
    doc = (r"# Trace" "\n\nFor square $C$ and $D$,\n\n"
           r"$$\frac{\partial}{\partial C_{ij}} \operatorname{tr}(CD) = \frac{\partial}{\partial C_{ij}} \sum_k (CD)_{kk}$$" "\n")
    text = _as(name, doc)
    verdicts = _verdicts(name, text, r"\operatorname{tr}(CD) = ")
    assert [v for v, _ in verdicts] == ["proved"] and "in index notation" in verdicts[0][1], verdicts
    slip = slipped(text, r"= \frac{\partial}{\partial C_{ij}} \sum_k", r"= 2 \frac{\partial}{\partial C_{ij}} \sum_k")
    assert (_line(slip, "= 2 \\frac"), "math/false") in error_lines(name, slip)


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_the_score_of_a_law_under_its_name_is_not_judged_as_the_law(name: str) -> None:
    doc = (r"# Score" "\n\nFor the Bernoulli distribution with parameter $\\rho$ the score is "
           r"$\nabla_\rho \log b(z; \rho) = \frac{z - \rho}{\rho (1 - \rho)}$, and the pmf changes as "
           r"$\nabla_\rho b(z; \rho) = z\rho^{z-1}(1-\rho)^{1-z} - (1-z)\rho^{z}(1-\rho)^{-z}$." "\n")
    assert error_lines(name, _as(name, doc)) == []


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_an_index_link_under_a_condition_of_its_sentence_is_not_refuted_by_writing_it_out(name: str) -> None:
    # the condition (a triangular, a symmetric B …) may be what makes it hold; a general written-out case cannot say
    doc = ("# Gradient\n\nLet $B$ be a square matrix. If $B$ is upper triangular, then\n\n"
           r"$$\frac{\partial}{\partial u_r} u^\top B u = \sum_p b_{rp} u_p$$" "\n")
    assert error_lines(name, _as(name, doc)) == []


@pytest.mark.parametrize("name", ["doc.md", "doc.tex"])
def test_index_links_whose_derivatives_vanish_as_written_are_not_proved(name: str) -> None:
    # v depends on u only in words: both sides are 0 as written, which proves nothing about the notes' v
    doc = ("# Layer\n\nThe vector $v$ is computed from $u$ by the layer above.\n\n"
           r"$$\frac{\partial}{\partial u_r} c^\top v = \frac{\partial}{\partial u_r}\sum_p c_p v_p$$" "\n")
    text = _as(name, doc)
    verdicts = _verdicts(name, text, r"c^\top v = ")
    assert verdicts and all(v != "proved" for v, _ in verdicts), verdicts
