r"""Tests for derive.check.latex: the LaTeX-math -> SymPy parser of the notes checker.

Table-driven: every math block of the three sample notes with the statements it must give, then the
notation the design notes list (and the pitfalls measured on off-the-shelf parsers), then what must
*not* be guessed (a Problem and ``expr=None`` instead).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import sympy as sp

from derive.check.latex import DOTS, INTERNAL_ERROR, LatexParseError, Norm, ParsedBlock, parse_block, parse_expr
from derive.check.vectors import Coords, Inner, Rows
from derive.errors import DeriveError
from derive.symbols import symbol as S

NOTES = Path(__file__).parent / "notes"
ADAM = (NOTES / "adam_l2.ru.md").read_text(encoding="utf-8")
ADAMW = (NOTES / "adamw.en.md").read_text(encoding="utf-8")
MOMENTUM = (NOTES / "momentum_l2.ru.md").read_text(encoding="utf-8")


def between(text: str, opening: str, closing: str, nth: int = 0, *, keep: bool = False) -> str:
    """The ``nth`` block delimited by ``opening`` … ``closing`` (plain slicing, no regex)."""
    pos = start = stop = 0
    for _ in range(nth + 1):
        start = text.index(opening, pos)
        stop = text.index(closing, start + len(opening))
        pos = stop + len(closing)
    return text[start:pos] if keep else text[start + len(opening):stop]


# -- the notation, built the way the engine builds it ------------------------------------------------
F = sp.Function
w, W, x = S("w"), S("W"), S("x")
w_prev, w_t = S("w_{t-1}"), S("w_{t}")
m_prev, m_t, v_prev, v_t = S("m_{t-1}"), S("m_{t}"), S("v_{t-1}"), S("v_{t}")
m_hat, v_hat, g_t = S(r"\hat{m}_{t}"), S(r"\hat{v}_{t}"), S("g_{t}")
b1, b2, eta_t, eta, eps, lam, mu, alpha = (
    S(r"\beta_{1}"), S(r"\beta_{2}"), S(r"\eta_{t}"), S(r"\eta"), S(r"\varepsilon"), S(r"\lambda"), S(r"\mu"),
    S(r"\alpha"),
)
t, i = S("t"), S("i")
beta = S(r"\beta")
L, Q = F("L"), F("Q")
grad_L, grad_Q = F(r"\nabla_{w} L"), F(r"\nabla_{w} Q")
denominator = sp.sqrt(v_hat) + eps

ADAM_SYSTEM = [
    (g_t, grad_L(w_prev) + lam * w_prev),
    (m_t, b1 * m_prev + (1 - b1) * g_t),
    (v_t, b2 * v_prev + (1 - b2) * g_t**2),
    (m_hat, m_t / (1 - b1**t)),
    (v_hat, v_t / (1 - b2**t)),
]

# (block, [(env, relations, [expr per term]), …]) for every math block of the samples.
SAMPLE_BLOCKS: list[tuple[str, str, list[tuple[str | None, list[str], list[sp.Expr]]]]] = [
    # adam_l2.ru.md
    ("adam inline l2", "l_2", [(None, [], [S("l_{2}")])]),
    ("adam Q", r"Q(w) = L(w) + \frac{\lambda}{2} \|w\|_2^2",
     [(None, ["="], [Q(w), L(w) + lam / 2 * Norm(w) ** 2])]),
    ("adam grad Q", r"\nabla_w Q(w) = \nabla_w L(w) + \lambda w", [(None, ["="], [grad_Q(w), grad_L(w) + lam * w])]),
    ("adam inline Q", "Q", [(None, [], [S("Q")])]),
    ("adam inline w", "w_{t-1}", [(None, [], [w_prev])]),
    ("adam cases", between(ADAM, r"\begin{cases}", r"\end{cases}", keep=True),
     [("cases", ["="], [lhs, rhs]) for lhs, rhs in ADAM_SYSTEM]
     + [("cases", ["="], [w_t, w_prev - eta_t * m_hat / denominator])]),
    ("adam inline m hat", r"\hat{m}_t", [(None, [], [m_hat])]),
    ("adam inline m", "m_t", [(None, [], [m_t])]),
    ("adam multline", between(ADAM, r"\begin{multline*}", r"\end{multline*}", keep=True),
     [("multline*", ["=", "=", "="], [
         w_t,
         w_prev - eta_t * m_hat / denominator,
         w_prev - eta_t * (b1 * m_prev + (1 - b1) * g_t) / ((1 - b1**t) * denominator),
         w_prev * (1 + eta_t * lam * (1 - b1) / ((1 - b1**t) * denominator)) - DOTS,
     ])]),
    ("adam \\[", between(ADAM, r"\[", r"\]"),
     [(None, ["="], [m_hat, (b1 * m_prev + (1 - b1) * g_t) / (1 - b1)])]),
    ("adam sqrt", between(ADAM, "$$", "$$"),
     [(None, ["="], [sp.sqrt(v_hat) + eps, sp.sqrt(v_hat + eps**2)])]),
    ("adam inline v hat", r"\hat{v}_t", [(None, [], [v_hat])]),
    # adamw.en.md
    ("adamw aligned", between(ADAMW, "$$", "$$"),
     [("aligned", ["="], [g_t, grad_L(w_prev)])]
     + [("aligned", ["="], [lhs, rhs]) for lhs, rhs in ADAM_SYSTEM[1:]]
     + [("aligned", ["="], [w_t, w_prev - eta_t * (m_hat / denominator + lam * w_prev)])]),
    ("adamw align*", between(ADAMW, r"\begin{align*}", r"\end{align*}", keep=True),
     [("align*", ["=", "="], [
         w_t,
         (1 - eta_t * lam) * w_prev - eta_t * m_hat / denominator,
         (1 - eta_t * lam) * w_prev - eta_t / (1 - b1**t) * (b1 * m_prev + (1 - b1) * grad_L(w_prev)) / denominator,
     ])]),
    ("adamw inline factor", r"1 - \eta_t \lambda", [(None, [], [1 - eta_t * lam])]),
    ("adamw inline adam factor", r"1 - \frac{\eta_t \lambda (1-\beta_1)}{(1-\beta_1^t)(\sqrt{\hat{v}_t}+\varepsilon)}",
     [(None, [], [1 - eta_t * lam * (1 - b1) / ((1 - b1**t) * denominator)])]),
    ("adamw inline alpha", r"\alpha", [(None, [], [alpha])]),
    ("adamw inline eta", r"\eta_t", [(None, [], [eta_t])]),
    ("adamw paper", between(ADAMW, "$$", "$$", nth=1),
     [(None, ["="], [w_t, w_prev - eta_t * (alpha * m_hat / denominator + lam * w_prev)])]),
    # momentum_l2.ru.md
    ("momentum Q", between(MOMENTUM, "$$", "$$"), [(None, ["="], [Q(w), L(w) + lam / 2 * Norm(w) ** 2])]),
    ("momentum form", between(MOMENTUM, "$$", "$$", nth=1),
     [(None, ["="], [w_t, F("g")(lam) * w_prev - eta * F("h")(grad_L(w_prev))])]),
    ("momentum cases", between(MOMENTUM, "$$", "$$", nth=2),
     [("cases", ["="], [g_t, grad_Q(w_prev)]), ("cases", ["="], [m_t, mu * m_prev + g_t]),
      ("cases", ["="], [w_t, w_prev - eta * m_t])]),
    ("momentum multline", between(MOMENTUM, r"\begin{multline*}", r"\end{multline*}", keep=True),
     [("multline*", ["=", "="], [
         w_t,
         w_prev - eta * (mu * m_prev + grad_L(w_prev) + lam * w_prev),
         (1 - eta * lam) * w_prev - eta * (mu * m_prev + grad_L(w_prev)),
     ])]),
    ("momentum inline factor", r"1 - \eta\lambda", [(None, [], [1 - eta * lam])]),
    ("momentum inline m", "m_{t-1}", [(None, [], [m_prev])]),
    ("momentum inline lambda w", r"\lambda w", [(None, [], [lam * w])]),
]


@pytest.mark.parametrize(("label", "block", "expected"), SAMPLE_BLOCKS, ids=[b[0] for b in SAMPLE_BLOCKS])
def test_sample_blocks(label: str, block: str, expected: list[tuple[str | None, list[str], list[sp.Expr]]]) -> None:
    assert any(block in text for text in (ADAM, ADAMW, MOMENTUM)), "block no longer in the sample notes"
    parsed = parse_block(block)
    assert parsed.problems == [] and parsed.unknown_macros == []
    got = [(s.env, s.relations, [term.expr for term in s.terms]) for s in parsed.statements]
    assert len(got) == len(expected)
    for (env, rels, exprs), (want_env, want_rels, want_exprs) in zip(got, expected):
        assert (env, rels) == (want_env, want_rels)
        assert len(exprs) == len(want_exprs)
        for have, want in zip(exprs, want_exprs):
            assert have is not None and sp.expand(have - want) == 0, (have, want)


def test_adam_cases_targets_rows_and_offsets() -> None:
    block = between(ADAM, r"\begin{cases}", r"\end{cases}", keep=True)
    parsed = parse_block(block)
    targets = [s.terms[0].expr for s in parsed.statements]
    assert targets == [g_t, m_t, v_t, m_hat, v_hat, w_t]
    assert [s.row for s in parsed.statements] == list(range(6))
    first = parsed.statements[0]
    assert block[first.terms[0].start:first.terms[0].end] == "g_t"
    assert block[first.terms[1].start:first.terms[1].end] == r"\nabla_w L(w_{t-1}) + \lambda w_{t-1}"


def test_multline_chain_sides_keep_their_lines() -> None:
    """The side after ``= \\\\ =`` starts on the second line, where the wrong sign is written."""
    block = between(ADAM, r"\begin{multline*}", r"\end{multline*}", keep=True)
    (chain,) = parse_block(block).statements
    lines = [block[:term.start].count("\n") for term in chain.terms]
    assert lines == [1, 1, 1, 2]
    assert block[chain.terms[3].start:].startswith(r"\alert{")
    assert block[chain.terms[3].start:chain.terms[3].end].endswith(r"\dots")
    assert chain.terms[3].expr.has(DOTS)


def test_aligned_two_statements_in_one_row() -> None:
    parsed = parse_block(between(ADAMW, "$$", "$$"))
    assert [s.row for s in parsed.statements] == [0, 1, 2, 3, 3, 4]
    assert [s.terms[0].expr for s in parsed.statements] == [g_t, m_t, v_t, m_hat, v_hat, w_t]


# -- single expressions -------------------------------------------------------------------------------
EXPRESSIONS: list[tuple[str, sp.Expr]] = [
    # the measured pitfalls of off-the-shelf parsers
    (r"\eta (g+w)", eta * (S("g") + w)),
    (r"\hat m", S(r"\hat{m}")),
    (r"w_{t-1} - \eta_t\frac{a}{b}", w_prev - eta_t * S("a") / S("b")),
    ("W", W),
    (r"\nabla L", S(r"\nabla L")),
    # names
    (r"\epsilon", eps),
    (r"\varphi + \phi", S(r"\varphi") + S(r"\phi")),
    ("w_t", w_t),
    ("w_{t - 1}", w_prev),
    (r"\beta_1", b1),
    (r"\hat m_t", m_hat),
    (r"\widehat{m}_t", m_hat),
    (r"\hat{m_t}", m_hat),
    (r"\hat{\mathbf{m}}_t", m_hat),
    (r"\overline{x}", S(r"\bar{x}")),
    (r"\widetilde{x}", S(r"\tilde{x}")),
    (r"\mathbf{w}", w),
    (r"\bm{w}_t", w_t),
    (r"\boldsymbol{w}", w),
    (r"\vec{w}", w),
    (r"\mathrm{lr}", S(r"\mathrm{lr}")),
    (r"\operatorname{lr}", S(r"\mathrm{lr}")),
    ("w^{(t)}", S("w^{(t)}")),
    ("x^{(k+1)}", S("x^{(k+1)}")),
    ("w^*", S("w^{*}")),
    ("w'", S("w'")),
    (r"\Delta w_t", S(r"\Delta w_{t}")),
    (r"\ell", S(r"\ell")),
    # arithmetic
    (r"\frac12 x", x / 2),
    (r"\dfrac{1}{2} + \tfrac\eta2", sp.Rational(1, 2) + eta / 2),
    (r"a \cdot b \times c \odot d \circ e", S("a") * S("b") * S("c") * S("d") * S("e")),
    ("a / b", S("a") / S("b")),
    ("-x^2", -x**2),
    (r"\beta_1^t", b1**t),
    ("g_t^2", g_t**2),
    ("x^{-1}", 1 / x),
    (r"x^\top", x),
    ("x^{T} w", x * w),
    (r"x^{\top}", x),
    ("0.9", sp.Rational(9, 10)),
    ("0{,}9", sp.Rational(9, 10)),
    (r"\sqrt{x}", sp.sqrt(x)),
    (r"\sqrt[3]{x}", sp.root(x, 3)),
    ("|x|", sp.Abs(x)),
    (r"\left| x \right|", sp.Abs(x)),
    (r"\|w\|", Norm(w)),
    (r"\|w\|_2^2", Norm(w) ** 2),
    (r"\lVert w \rVert^2", Norm(w) ** 2),
    (r"\left\| w \right\|", Norm(w)),
    (r"\max(a, b)", sp.Max(S("a"), S("b"))),
    (r"\min\{a, b\}", sp.Min(S("a"), S("b"))),
    (r"\exp(-x)", sp.exp(-x)),
    ("e^{-x}", sp.exp(-x)),
    (r"\log x + \ln(x)", 2 * sp.log(x)),
    (r"\sign(x) + \operatorname{sign}(x) + \mathrm{sign}(x)", 3 * sp.sign(x)),
    (r"\left( a + b \right) c", (S("a") + S("b")) * S("c")),
    (r"\bigl[ a + b \bigr]", S("a") + S("b")),
    (r"\Big( a \Big)", S("a")),
    (r"\{ a \}", S("a")),
    # sums
    (r"\sum_{i=0}^{t-1}\beta^i", sp.Sum(beta**i, (i, 0, t - 1))),
    (r"\sum\limits_{i=1}^{t} \beta^{t-i} + 1", sp.Sum(beta ** (t - i), (i, 1, t)) + 1),
    (r"\prod_{i=1}^{t} (1 - \beta)", sp.Product(1 - beta, (i, 1, t))),
    # functions and gradients
    ("g(\\lambda)", F("g")(lam)),
    ("g_t (1-\\beta)", g_t * (1 - beta)),
    ("f_t(w)", F("f_{t}")(w)),
    (r"Q_{\lambda}(w)", F(r"Q_{\lambda}")(w)),
    (r"\mathcal{L}(w) + \ell(w) + \varphi(x)", F(r"\mathcal{L}")(w) + F(r"\ell")(w) + F(r"\varphi")(x)),
    (r"\phi(x)", F(r"\phi")(x)),  # φ(α) = f(x + αd) in line search, φ(x) a feature map: a function, like \varphi
    (r"\tan^{-1}(x) + \sin^2(x)", sp.atan(x) + sp.sin(x) ** 2),  # the inverse and the power, as typeset
    (r"\nabla_w L(w_{t-1})", grad_L(w_prev)),
    (r"\nabla L(x)", F(r"\nabla L")(x)),
    (r"\nabla f_t(w)", F(r"\nabla f_{t}")(w)),
    (r"\nabla_{\theta} J(\theta)", F(r"\nabla_{\theta} J")(S(r"\theta"))),
    (r"\nabla_{\mathbf{w}} L(\mathbf{w})", grad_L(w)),
    (r"\frac{\partial L}{\partial w}(w)", grad_L(w)),
    (r"\frac{\partial L(w)}{\partial w}", grad_L(w)),
    (r"\frac{\partial}{\partial w} L(w)", grad_L(w)),
    (r"\partial_w L(w)", grad_L(w)),
    (r"\nabla_w L", S(r"\nabla_{w} L")),
    (r"h(\nabla_w L(w_{t-1}))", F("h")(grad_L(w_prev))),
    (r"\operatorname{clip}(x)", F(r"\operatorname{clip}")(x)),
    (r"\frac{d}{d+1}", S("d") / (S("d") + 1)),
    (r"\frac{dL}{dw}(x)", grad_L(x)),
    (r"\partial_{\mathbf{w}} L(x)", grad_L(x)),
    (r"v^{\text{max}} + v^{\max}", S(r"v^{\text{max}}") + S(r"v^{\max}")),
    # presentation
    (r"\underbrace{(1 - \eta \lambda)}_{\text{note}} w", (1 - eta * lam) * w),
    (r"\overbrace{a + b}^{\text{note}} c", (S("a") + S("b")) * S("c")),
    (r"\alert{x} + \boxed{w} + \textcolor{red}{W}", x + w + W),
    (r"{\color{red} x} + w", x + w),
    (r"\displaystyle x \, w \; \! \quad", x * w),
    # ellipses
    (r"w_{t-1} - \dots", w_prev - DOTS),
    (r"a \cdot \ldots + \cdots", S("a") * DOTS + DOTS),
    # Unicode in math
    ("α + β_1", alpha + b1),
]


@pytest.mark.parametrize(("text", "expected"), EXPRESSIONS, ids=[e[0] for e in EXPRESSIONS])
def test_expression(text: str, expected: sp.Expr) -> None:
    assert parse_expr(text) == expected


def test_canonical_symbols_carry_declared_assumptions() -> None:
    assert parse_expr(r"\beta_1").is_positive
    assert parse_expr("W") != parse_expr("w")
    assert parse_expr(r"\hat m") == parse_expr(r"\hat{m}")


def test_leaky_average_indexes_the_summed_quantity() -> None:
    r"""Under ``\sum_{i}``, ``g_{t-i}`` depends on i: it is ``g[t-i]``, not a constant symbol."""
    (stmt,) = parse_block(r"m_t = (1-\beta)\sum_{i=0}^{t-1} \beta^{i} g_{t-i}").statements
    expected = (1 - beta) * sp.Sum(beta**i * sp.Indexed(sp.IndexedBase("g"), t - i), (i, 0, t - 1))
    assert stmt.terms[0].expr == m_t
    assert stmt.terms[1].expr == expected


def test_geometric_sum_identity_sides() -> None:
    (stmt,) = parse_block(r"\sum_{i=0}^{t-1}\beta^i = \frac{1-\beta^t}{1-\beta}").statements
    left, right = (term.expr for term in stmt.terms)
    assert left == sp.Sum(beta**i, (i, 0, t - 1))
    assert sp.simplify((left.doit() - right).subs(beta, sp.Rational(1, 3))) == 0  # the textbook identity


# -- statements, chains, relations --------------------------------------------------------------------
RELATIONS: list[tuple[str, list[str]]] = [
    (r"a \stackrel{\text{def}}{=} b", [":="]),
    (r"a \overset{\text{def}}{=} b", [":="]),
    (r"a \stackrel{def}{=} b", [":="]),
    (r"a := b", [":="]),
    (r"a \coloneqq b \triangleq c", [":=", ":="]),
    (r"a \equiv b", ["equiv"]),
    (r"w \leftarrow w - \eta g", ["<-"]),
    (r"w \gets w", ["<-"]),
    (r"a \approx b \simeq c \sim d", ["approx", "approx", "approx"]),
    (r"a = b \approx c", ["=", "approx"]),
    (r"a < b \le c \leq d > e \ge f \geq g \ne h \neq i", ["<", "<=", "<=", ">", ">=", ">=", "!=", "!="]),
    (r"a \to b \rightarrow c \mapsto d", ["->", "->", "->"]),
    (r"a \Rightarrow b \implies c", ["=>", "=>"]),
    (r"a \propto b", ["propto"]),
    (r"x \in y", ["in"]),
]


@pytest.mark.parametrize(("text", "relations"), RELATIONS, ids=[r[0] for r in RELATIONS])
def test_relations(text: str, relations: list[str]) -> None:
    parsed = parse_block(text)
    (stmt,) = parsed.statements
    assert stmt.relations == relations
    assert all(term.expr is not None for term in stmt.terms)


SEPARATED: list[tuple[str, list[list[sp.Expr]]]] = [
    (r"x = 1 \text{ and } w = 2", [[x, 1], [w, 2]]),
    (r"x = 1 \text{и} w = 2", [[x, 1], [w, 2]]),
    (r"x = 1 \text{其中} w = 2", [[x, 1], [w, 2]]),
    (r"x = 1 \qquad w = 2", [[x, 1], [w, 2]]),
    (r"x = 1, \quad w = 2.", [[x, 1], [w, 2]]),
    (r"x = 1, w = 2", [[x, 1], [w, 2]]),
    (r"x = 1; w = 2;", [[x, 1], [w, 2]]),
    (r"\hat m_t = \frac{m_t}{1-\beta_1^t}, \qquad \hat v_t = \frac{v_t}{1-\beta_2^t}",
     [[m_hat, m_t / (1 - b1**t)], [v_hat, v_t / (1 - b2**t)]]),
    (r"x = \max(1, w)", [[x, sp.Max(1, w)]]),
    (r"\beta_1, \beta_2", [[b1], [b2]]),
    (r"a = b = \\ = c", [[S("a"), S("b"), S("c")]]),
    (r"a = \\ b", [[S("a"), S("b")]]),
    (r"\begin{multline*} a = b + c \\ - w \end{multline*}", [[S("a"), S("b") + S("c") - w]]),
    (r"\begin{align*} a &= b \\ &= c \label{eq} \nonumber \\[2pt] x &= w \tag{2} \end{align*}",
     [[S("a"), S("b"), S("c")], [x, w]]),
    (r"\left\{ \begin{array}{l} a = b \\ x = w \end{array} \right.", [[S("a"), S("b")], [x, w]]),
    (r"\begin{gathered} a = b \\ x = w \end{gathered}", [[S("a"), S("b")], [x, w]]),
    (r"\begin{equation} \begin{split} a &= b \\ &= c \end{split} \end{equation}", [[S("a"), S("b"), S("c")]]),
    (r"\eta = \text{lr}", [[eta, S(r"\mathrm{lr}")]]),
    # d2l: a chain continued after "\ldots,"
    (r"v = a = \ldots, = \sum_{i=0}^{t} \beta^{i} g_{t-i, t-i-1}.",
     [[S("v"), S("a"), DOTS, sp.Sum(beta**i * sp.Indexed(sp.IndexedBase("g"), t - i, t - i - 1), (i, 0, t))]]),
    # PyTorch docs: pseudo-code text between the formulas
    (r"\rule{110mm}{0.4pt} \\ \textbf{if} \: \lambda \neq 0 \\ &\hspace{5mm} g_t \leftarrow g_t + \lambda w",
     [[lam, 0], [g_t, g_t + lam * w]]),
    (r"\textbf{input}: \gamma \text{ (lr)}, \beta_1", [[S(r"\gamma")], [b1]]),
]


@pytest.mark.parametrize(("text", "chains"), SEPARATED, ids=[s[0] for s in SEPARATED])
def test_statements_and_chains(text: str, chains: list[list[sp.Expr]]) -> None:
    parsed = parse_block(text)
    assert parsed.problems == []
    assert [[term.expr for term in s.terms] for s in parsed.statements] == chains


def test_cases_with_conditions_split_value_and_condition() -> None:
    parsed = parse_block(r"\begin{cases} a & x > 0 \\ b & \text{otherwise} \end{cases}")
    assert [(s.relations, [term.expr for term in s.terms], s.row) for s in parsed.statements] == [
        ([], [S("a")], 0), ([">"], [x, 0], 0), ([], [S("b")], 1),
    ]
    assert {s.env for s in parsed.statements} == {"cases"}


def test_term_offsets_are_exact() -> None:
    text = r"w_t = w_{t-1} - \eta_t \left( g_t + \lambda w_{t-1} \right)."
    (stmt,) = parse_block(text).statements
    spans = [text[term.start:term.end] for term in stmt.terms]
    assert spans == ["w_t", r"w_{t-1} - \eta_t \left( g_t + \lambda w_{t-1} \right)"]


# -- precision: report, never guess -------------------------------------------------------------------
PROBLEMS: list[tuple[str, str]] = [
    (r"\foo + 1", "unknown macro \\foo"),
    (r"\{x \mid x > 0\}", "set-builder"),  # E[X \mid Y] is a conditional expectation (test_check_conditional)
    (r"\operatorname*{argmin}_{\|w\| = 1} L(w)", "argmin under a constraint"),
    (r"\arg\min L(w)", "argmin without its variable"),
    (r"\int_0 x \, dx", "one bound only"),  # with both bounds, or none, an integral is read (test_check_integrals)
    (r"\lim_{t \to c + d} w_t", "towards an expression"),  # towards a name, or from one side (0^+), it is read
    (r"\begin{vmatrix} a_1 & \dots \\ \vdots & a_n \end{vmatrix}", "inside \\begin{vmatrix}"),  # written: computed
    (r"\begin{bmatrix} M_1 \\ & M_2 \end{bmatrix}", "block matrix"),
    (r"\begin{bmatrix} 1 & 2 \\ 3 \end{bmatrix}", "rows of different lengths"),
    (r"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix} \begin{bmatrix} 1 \\ 2 \\ 3 \end{bmatrix}", "do not fit"),
    (r"\begin{bmatrix} x_1 & \dots \\ \vdots & x_n \end{bmatrix}", "ellipsis"),
    (r"[0, 1)", "intervals"),
    (r"x \oplus w", "direct sums"),  # \pm is read (one sign symbol, see test_check_plus_minus)
    (r"\beta^T", "^T"),
    (r"a / b c", "ambiguous"),
    (r"\sin x w", "ambiguous"),
    (r"\max_{i}", "max of nothing"),
    (r"\sum_{i=1} x_i", "limits"),
    (r"\sum^{n} x_i", "limits"),
    (r"\sum_{i} 1", "labels quantities"),
    (r"\sum_{i} i x_i", "labels quantities"),
    (r"\sum_{i} x_{i+1}", "shifted"),
    (r"\sum_{x_i} x_i", "must be a name"),
    (r"\nabla^3 L(w)", "higher derivatives"),
    (r"\nabla^2 (L + R)", "gradient of an expression"),
    (r"\frac{\partial^3 L}{\partial w \partial v}", "orders that differ"),
    (r"O(1/\sqrt{T})", "only positive whole powers"),
    (r"\mathcal{O}(\|\epsilon\| \|\delta\|)", "in a vector"),  # (one vector's ‖ε‖² is read along a line)
    (r"o(\eta x)", "o(·) of something other than a power"),
    (r"\langle a \rangle", "two arguments"),
    (r"0, 1, 2, \dots", "a list of values"),
    (r"\langle a, b", "not closed by \\rangle"),
    (r"(x_1, x_2, \dots)", "ends with an ellipsis"),
    (r"(x_1 + \dots, x_n)", "ellipsis is inside a coordinate"),
    (r"(a; b, c)", "closed by ','"),
    (r"((a, b), (c, d))", "tuple of tuples"),
    (r"(0, 1]", "half-open"),
    (r"\{a, b\}", "sets"),
    (r"(x \text{ for all } w)", "text inside an expression"),
    (r"\frac{1}{0}", "division by zero"),
    ("x^23", "ambiguous"),
    ("(a + b", "not closed"),
    ("v^{max}", "ambiguous superscript"),
    ("v^{a b c d}", "ambiguous superscript"),
    (r"\mathrm{lr}(g + w)", "ambiguous"),  # (softmax, ReLU, sigmoid are calls by name: test_check_backprop)
    (r"\hat{a + b}", "over an expression"),
]


@pytest.mark.parametrize(("text", "message"), PROBLEMS, ids=[p[0] for p in PROBLEMS])
def test_problem_not_guess(text: str, message: str) -> None:
    parsed = parse_block(f"y = {text}")
    (stmt,) = parsed.statements
    assert stmt.terms[0].expr == S("y")
    assert stmt.terms[1].expr is None
    assert any(message in p.message for p in parsed.problems), parsed.problems
    with pytest.raises(LatexParseError):
        parse_expr(text)


def test_unknown_macro_is_reported_with_offset() -> None:
    parsed = parse_block(r"a = b + \foo c = d")  # with a braced argument it is a wrapper (test_check_macros)
    assert parsed.unknown_macros == [("\\foo", 8)]
    (stmt,) = parsed.statements
    assert [term.expr for term in stmt.terms] == [S("a"), None, S("d")]


def test_empty_side_is_a_problem() -> None:
    parsed = parse_block("a = ")
    (stmt,) = parsed.statements
    assert stmt.terms[1].expr is None and parsed.problems


def test_parse_expr_errors_are_derive_errors() -> None:
    with pytest.raises(DeriveError):
        parse_expr("a = b")
    with pytest.raises(DeriveError):
        parse_expr(r"\foo")


@pytest.mark.parametrize("text", [
    "", "}", "{", "((((", r"\left(", r"\frac", r"\sqrt", "^", "_", "a^", r"\\", r"\end{cases}",
    r"\begin{cases} a", "&&&", r"\text{", "$", "%", r"\sum", r"\nabla", "|", r"\|", "x''''", "1 2",
    "шаг = 1", "a =: b", r"\not\in", r"\stackrel{=}", r"\underbrace{x}_", "a" * 50 + "(" * 300,
    r"10^{10^{10}}", r"((10!)!)!", r"\frac{1}{0}", r"0^{-1}", r"\binom{-1}{x}", r"\sqrt[0]{x}", r"x^{1/0}",
])
def test_never_raises(text: str) -> None:
    # The parser turns an exception inside SymPy into a problem (never a crash in a user's CI), so
    # "never raises" alone cannot fail: a bug must also not hide behind that catch-all.
    parsed = parse_block(text)
    assert isinstance(parsed, ParsedBlock)
    assert not [p.message for p in parsed.problems if p.message.startswith(INTERNAL_ERROR)]


def test_functions_parameter() -> None:
    assert parse_expr("u(x)") == S("u") * x
    assert parse_expr("u(x)", functions=frozenset({"u"})) == F("u")(x)


@pytest.mark.parametrize("text", [r"\mathbb{E}[g_t]", r"\mathbb{E}\left[ g_t \right]", r"\operatorname{E}(g_t)"])
def test_an_expectation_is_an_operator_over_its_argument(text: str) -> None:
    from derive.check.latex import Expect

    assert parse_expr(text) == Expect(S("g_{t}"))


# -- tuples and inner products: vectors given by their coordinates ------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    (r"(a, b)", Coords(S("a"), S("b"))),
    (r"[2x_1, 4x_2]^\top", Coords(2 * S("x_{1}"), 4 * S("x_{2}"))),
    (r"\|w - (\delta, 0)\|_2^2", Norm(S("w") - Coords(S(r"\delta"), 0)) ** 2),
    (r"\|w - (0, \delta)\|_1", Norm(S("w") - Coords(0, S(r"\delta")), 1)),
    (r"\langle w + \alpha v, x \rangle", Inner(S("w") + S(r"\alpha") * S("v"), S("x"))),
    (r"\left\langle a, b \right\rangle", Inner(S("a"), S("b"))),
    (r"\langle x, x \rangle^2", Inner(S("x"), S("x")) ** 2),
])
def test_tuples_and_inner_products(text: str, expected: sp.Expr) -> None:
    assert parse_expr(text) == expected


def test_a_tuple_equation_is_one_link_between_tuples() -> None:
    (stmt,) = parse_block("(x, y) = (a, b)").statements
    assert [t.expr for t in stmt.terms] == [Coords(S("x"), S("y")), Coords(S("a"), S("b"))]


def test_a_function_call_is_not_a_tuple() -> None:
    assert parse_expr("f(x, y)") == F("f")(S("x"), S("y"))


@pytest.mark.parametrize(("text", "expected"), [
    ("g^2_{t}", S("g_{t}") ** 2),
    ("g^2_t + 1", S("g_{t}") ** 2 + 1),
    (r"\beta^t_1", S(r"\beta_{1}") ** S("t")),
    (r"g_t^2", S("g_{t}") ** 2),
])
def test_a_subscript_after_a_power_belongs_to_the_name(text: str, expected: sp.Expr) -> None:
    assert parse_expr(text) == expected


def test_a_second_subscript_after_a_power_is_still_a_problem() -> None:
    with pytest.raises(LatexParseError, match="subscript"):
        parse_expr("g_t^2_s")


@pytest.mark.parametrize(("text", "expected"), [
    (r"\begin{bmatrix} a \\ b \end{bmatrix}", Coords(S("a"), S("b"))),
    (r"\begin{pmatrix} a & b \end{pmatrix}", Coords(S("a"), S("b"))),
    (r"\begin{bmatrix} a & b \\ c & d \\ \end{bmatrix}", Rows(Coords(S("a"), S("b")), Coords(S("c"), S("d")))),
    (r"\begin{bmatrix} a & b \\ c & d \end{bmatrix} \begin{bmatrix} x \\ y \end{bmatrix}",
     Coords(S("a") * S("x") + S("b") * S("y"), S("c") * S("x") + S("d") * S("y"))),
    (r"\begin{bmatrix} 0 & 1 \\ 1 & 0 \end{bmatrix} \cdot \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}",
     Rows(Coords(3, 4), Coords(1, 2))),
    (r"\eta \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix} \begin{bmatrix} x \\ y \end{bmatrix}",
     S(r"\eta") * Coords(S("x") + 2 * S("y"), 3 * S("x") + 4 * S("y"))),
])
def test_matrices_and_their_products_in_the_written_order(text: str, expected: sp.Expr) -> None:
    assert parse_expr(text) == expected


def test_a_written_word_of_four_letters_as_a_superscript_is_a_label() -> None:
    assert parse_expr(r"v_{dW}^{corrected}") == S("v_{dW}^{corrected}")
    assert parse_expr(r"\frac{v^{corrected}}{2}") == S("v^{corrected}") / 2


@pytest.mark.parametrize(("text", "expected"), [
    ("E[g^2]_t", S("E[g^{2}]_{t}")),
    (r"\mathbb{E}[g^2]_{t-1}", S("E[g^{2}]_{t-1}")),
    (r"\sqrt{E[g^{2}]_t + \epsilon}", sp.sqrt(S("E[g^{2}]_{t}") + S(r"\varepsilon"))),
])
def test_a_bracket_with_a_step_subscript_after_e_is_a_running_average(text: str, expected: sp.Expr) -> None:
    assert parse_expr(text) == expected


def test_e_of_a_bracket_without_a_subscript_is_still_an_expectation() -> None:
    from derive.check.latex import Expect
    assert parse_expr(r"\mathbb{E}[g^2]") == Expect(S("g") ** 2)


@pytest.mark.parametrize("text, terms", [
    (r"\mathbf{f(w) = w^2 + 1}", ["f(w)", "w**2 + 1"]),
    (r"\boldsymbol{a = b + c}.", ["a", "b + c"]),
    (r"\mathbf{w}_t = \mathbf{w}_{t-1}", ["w_t", "w_{t-1}"]),  # a bold name, not a wrapper around everything
    (r"\mathbf{x} + \mathbf{y}", ["x + y"]),
])
def test_a_style_command_around_the_whole_formula_holds_its_relations(text: str, terms: list[str]) -> None:
    block = parse_block(text)
    assert not block.problems
    assert [[str(t.expr) for t in s.terms] for s in block.statements] == [terms]


def test_newline_is_a_row_break() -> None:
    r"""``\newline`` breaks a row as ``\\`` does (MathJax and KaTeX know it): two statements, no unknown macro."""
    from derive.check.latex_tokens import tokenize

    assert [st.terms[0].expr for st in parse_block(r"a = b \newline c = d").statements] == [S("a"), S("c")]
    assert tokenize(r"a \newline b").unknown == []
