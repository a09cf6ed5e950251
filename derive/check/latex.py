r"""From the LaTeX math of lecture notes to SymPy: a tokenizer and a hand-written recursive descent.

Why hand-written: the off-the-shelf LaTeX parsers measured on this notation (design.md, "Normalize and
parse") truncate ``w_{t-1} - \eta_t\frac{a}{b}``, read ``\eta (g+w)`` as a call, ``\hat m`` as a product,
``W`` as ``w`` and ``\nabla L`` as a product, and cost seconds per document. This grammar is written
for the notation of optimizer notes and follows one rule: *precision first*. Whatever it does not
understand becomes a :class:`Problem` and the side of the relation that contains it gets ``expr=None``;
it never guesses, and it never raises on document content.

A block (the content of ``$…$``/``$$…$$``/``\[…\]``, or a whole bare environment) is read in layers:

1. tokens (:mod:`derive.check.latex_tokens`: presentation is dropped there);
2. rows: ``\\`` inside ``cases``/``aligned``/``align``/``multline``/… separates rows;
3. statements: ``\qquad``, ``\text{ and }``, a ``,`` before another relation, ``&`` between columns
   separate statements within a row; a row that starts (or a chain that ends) with a relation
   continues the chain across rows;
4. terms: top-level relations split a statement into a chain ``a = b ≈ c``;
5. expressions: each term is parsed by :class:`_ExprParser` into SymPy objects built directly
   (symbols only through :func:`derive.symbols.symbol`; numbers through :class:`fractions.Fraction`).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from fractions import Fraction
from collections.abc import Callable, Mapping
from typing import NoReturn

import sympy as sp
from sympy.core.symbol import Str

from derive.check.latex_tokens import (
    ABS_MACROS, ACCENTS, ALPHABET_MACROS, BIG_OPS, BOLD, CLOSE_MACROS, DIV_MACROS, FRACS, FUNCTIONS_1,
    GREEK, LETTER_MACROS, MAX_MIN, MUL_MACROS, NORM_MACROS, OPEN_MACROS, ROW_ENVS, TEXT_MACROS, UNMODELLED,
    UPRIGHT_MACROS, WRAPPER_ENVS, WRAPPERS, Token, arg_span, inner, matching_brace, tokenize, unwrap_style,
    unwrap_undefined,
)
from derive import limits
from derive.check import optima
from derive.check.asymptotic import BigO, LittleO, remainder_order
from derive.check.conditional import Given
from derive.check.calculus import Gradient, Prime, hessian_name, partial_name
from derive.check import nested as nested_relations
from derive.check import entries, layer_labels, run_together, step_superscripts, tuples
from derive.check.data_sums import DATA_INDEX, DATA_SYMBOLS
from derive.check.recurrence import STEP_LETTERS
from derive.check.function_letters import EXPECTATION_E, LABELLED_ONLY
from derive.check.unbounded import unbounded
from derive.check.vectors import Coords, Cross, Inner, Rows, hadamard, matmul, reduce_coords, row_times, shape
from derive.errors import DeriveError
from derive.symbols import symbol

__all__ = [
    "CASE_RELATIONS", "DEFAULT_FUNCTIONS", "DOTS", "SUBSCRIPT_FREE_FUNCTIONS", "LIST_OF_VALUES", "Covariance", "Expect", "LatexParseError", "Norm", "ParsedBlock", "Problem", "Statement", "Term",
    "parse_block", "parse_expr", "render_tokens", "Variance",
]

#: An ellipsis (``\dots``, ``\ldots``, ``\cdots``): "and further terms". A chain whose side ends in
#: DOTS claims something about the written terms only.
DOTS: sp.Symbol = sp.Symbol(r"\dots")
#: The sign of ``\pm`` (``\mp`` is its negative): ``a \pm b`` is read ``a + PLUS_MINUS·b``, one symbol for
#: every ``\pm`` of a statement, because the notation means the same sign taken throughout
#: (``(a \pm b)^2 = a^2 \pm 2ab + b^2``). The checker reads such a statement twice, with +1 and with −1
#: (:mod:`derive.check.plus_minus`); the symbol never reaches a comparison.
PLUS_MINUS: sp.Symbol = sp.Symbol("±")

#: Why ``k = 0, 1, 2, …`` (or ``η = 0,01`` with a decimal comma) is not one expression: the verifier calls
#: such a link a list of values, not a claim.
LIST_OF_VALUES = "a list of values (k = 0, 1, 2, …) is not one expression"

#: Names that are functions when followed by ``(``. ``g``/``h`` only without a subscript, because
#: ``g_t (1-\beta)`` is a product in every optimizer note.
DEFAULT_FUNCTIONS: frozenset[str] = frozenset(
    {"L", "Q", "f", "F", "J", "R", r"\ell", r"\mathcal{L}", "g", "h", r"\varphi", r"\phi", r"\sigma"}
)
SUBSCRIPT_FREE_FUNCTIONS: frozenset[str] = frozenset({"g", "h"})
#: Letters that name densities and probabilities: a call when a bracket of several arguments follows.
_DENSITY_LETTERS: frozenset[str] = frozenset({"p", "q", "P"})
#: Environments that give a function by cases (``f(x) = \\begin{cases} … \\end{cases}``).
_CASE_ENVS: frozenset[str] = frozenset({"cases", "dcases", "cases*", "dcases*"})
#: The comparisons a row of ``cases`` may be conditioned on, as SymPy builds them.
CASE_RELATIONS: dict[str, Callable[[sp.Expr, sp.Expr], sp.Basic]] = {
    "<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge, "=": sp.Eq, "!=": sp.Ne}
#: Words that only introduce a row's condition (``\text{if } x > 0``), in the languages of the notes seen.
_IF_WORD = re.compile(r"(?:if|for|when|whenever|si|cuando|quand|falls|wenn|если|при|когда|当|若|如果)?")
#: Words for the rest of the cases, on the last row (``\text{otherwise}``).
_OTHERWISE_WORDS = re.compile(r"otherwise|else|elsewhere|sinon|sonst|иначе|в противном случае|de lo contrario|en otro caso"
                              r"|否则|其他|其它|その他")
#: Letters whose bracket holding a relation is an event (``P(y = 1 | x)``): a probability, not a product.
_EVENT_LETTERS: frozenset[str] = frozenset({"p", "P", "Pr"})
#: The relations that make a bracket an event: a value taken, a bound passed, a set entered.
_EVENT_RELATIONS: frozenset[str] = frozenset({"=", "<", ">", "<=", ">=", "!=", "in"})

#: Words that name a function wherever a bracket follows them (``\text{softmax}(z)``, ``Sigmoid(z)``), lower-cased.
_NAMED_FUNCTIONS: frozenset[str] = frozenset({"sigmoid", "logistic", "softmax", "relu", "sign", "sgn", "logit"})
#: Elementary functions written as upright words (``\mathrm{arccosh}(a)``, ``\operatorname{arsinh}(x)``, LaTeX
#: having no macro for them): the SymPy function, so that ``\mathrm{arccosh}(x) = \ln(x + \sqrt{x^2 - 1})`` is an
#: identity to check, not an unknown function.
_UPRIGHT_ELEMENTARY: dict[str, Callable[[sp.Expr], sp.Expr]] = {
    "arccosh": sp.acosh, "arcosh": sp.acosh, "acosh": sp.acosh, "arcsinh": sp.asinh, "arsinh": sp.asinh,
    "asinh": sp.asinh, "arctanh": sp.atanh, "artanh": sp.atanh, "atanh": sp.atanh, "sech": sp.sech, "csch": sp.csch,
}

#: Upright words that are known-but-unmodelled operators.
_UNMODELLED_WORDS: frozenset[str] = frozenset(
    {"argmin", "argmax", "arg min", "arg max", "Var", "Cov", "E", "tr", "diag"}
)

#: The marks that set a letter as a vector (the operands a ``\times`` between is a cross product of).
_VECTOR_MARKS: frozenset[str] = frozenset({"mathbf", "vec", "boldsymbol", "bm", "overrightarrow", "mathbfit", "bf"})
#: Real and imaginary parts in upright letters (``\text{re}\{w\}``, ``\operatorname{Im}(z)``): not modelled, and
#: never prose that splits a formula (read so, ``2\,\text{re}\{w\} = 8`` became w = 8).
_PARTS: frozenset[str] = frozenset({"Re", "re", "Im", "im"})


#: Upright words for what is computed from a matrix written out (:meth:`_ExprParser.matrix_operator`).
_MATRIX_WORDS: dict[str, str] = {"det": "det", "tr": "tr", "Tr": "tr", "trace": "tr", "diag": "diag"}

#: Largest determinant taken from written entries: a 5 × 5 of names already expands to 120 products.
_LARGEST_DETERMINANT = 5


class Expect(sp.Function):
    r"""``\mathbb{E}[X]`` or ``\mathbb{E}_{x\sim p}[X]``: an expectation, kept as an operator so that its
    linearity can be used (:mod:`derive.check.expectation` expands it over sums and constant factors, then
    treats what is left, ``E[g_t^2]``, as an opaque quantity). The optional second argument is the subscript
    as a label (:class:`sympy.core.symbol.Str`): ``E_p`` and ``E_q`` are different operators; further arguments
    are the names the distribution depends on (θ in ``x \sim p_\theta``)."""

    def _eval_is_real(self) -> bool:
        return True

    def _eval_derivative(self, s: sp.Symbol) -> sp.Expr:
        """d/dθ E[f] = E[df/dθ] when the distribution does not depend on θ; otherwise left as written."""
        if s in self.args[2:]:
            # opaque, but still a function of s (a Derivative object would break when s is substituted)
            return sp.Function(r"\partial_{" + s.name + "}")(self)
        return self.func(self.args[0].diff(s), *self.args[1:])

    def _latex(self, printer: object) -> str:
        sub = "" if len(self.args) == 1 else "_{" + self.args[1].name + "}"
        return r"\mathbb{E}" + sub + r"\left[" + printer._print(self.args[0]) + r"\right]"  # type: ignore[attr-defined]


class EvaluatedAt(sp.Function):
    r"""``\frac{df}{dx}\Big|_{x=2}``: an expression at a point, ``(expression, variable, value)``. Unlike
    :class:`sympy.Subs` it never evaluates on its own: ``df/dx`` is one symbol until the verifier takes the
    derivative of the function in scope, and only then is the point put in (``verify._prepare``)."""

    nargs = 3

    def _latex(self, printer: object) -> str:
        body, variable, value = (printer._print(a) for a in self.args)  # type: ignore[attr-defined]
        return rf"\left.{body}\right|_{{{variable} = {value}}}"


class Variance(sp.Function):
    r"""``\operatorname{Var}(X)``, ``\mathbb{V}[X]``: a variance, read as E[X²] − E[X]² when a link is checked
    (:mod:`derive.check.expectation`). Optional second argument: the subscript label, as for :class:`Expect`."""

    nargs = (1, 2)

    def _eval_is_real(self) -> bool:
        return True


class Covariance(sp.Function):
    r"""``\operatorname{Cov}(X, Y)``: a covariance, read as E[XY] − E[X]E[Y] when a link is checked."""

    nargs = (2, 3)

    def _eval_is_real(self) -> bool:
        return True


#: Upright names of the statistical operators (``\mathbb{V}`` only in blackboard bold).
_STATISTICS: dict[str, type[sp.Function]] = {
    "E": Expect, "Var": Variance, "V": Variance, "Cov": Covariance, "var": Variance, "cov": Covariance,  # {\rm var}(X)
}


class Norm(sp.Function):
    r"""``\|x\|`` (the Euclidean norm), or ``\|x\|_p`` as ``Norm(x, p)``.

    A function of its own (not ``Abs``) because a norm of a vector is not an absolute value, yet in
    the element-wise view the checker needs only that it is real and non-negative.
    """

    nargs = (1, 2)

    def _eval_is_real(self) -> bool:
        return True

    def _eval_is_nonnegative(self) -> bool:
        return True

    def _latex(self, printer: object) -> str:
        body = r"\left\|" + printer._print(self.args[0]) + r"\right\|"  # type: ignore[attr-defined]
        if len(self.args) == 2:
            body += "_{" + printer._print(self.args[1]) + "}"  # type: ignore[attr-defined]
        return body


@dataclass
class Term:
    """One side of a relation. ``start``/``end`` are offsets into the block text; ``expr`` is None
    when the side could not be parsed (the reason is in :attr:`ParsedBlock.problems`).
    ``transparent`` names the undefined macros this side was read through as wrappers (``\\vect``)."""

    expr: sp.Expr | None
    start: int
    end: int
    transparent: tuple[str, ...] = ()
    #: Conventions this side was read by where the notation alone is ambiguous (``\\log σ(z)^y(1 − σ(z))^{1−y}``
    #: as the log of the whole product): a link they make false is undecided, never an error.
    readings: tuple[str, ...] = ()


@dataclass
class Statement:
    """A chain ``a = b ≈ c``: ``len(relations) == len(terms) - 1``.

    ``env`` is the innermost row environment (``"cases"``, ``"aligned"`` …) or None; ``row`` is the
    index of the row of the block where the statement starts.
    """

    terms: list[Term]
    relations: list[str]
    env: str | None
    row: int
    #: Equalities inside a term's parentheses or brackets (``β(t=0)``, ``P(X = 1)``): (left start, left end,
    #: right start, right end). They are arguments or conditions, not statements, but they are ``=`` in the
    #: math, so the links report accounts for each.
    inner: list[list[int]] = field(default_factory=list)
    #: Relations deeper in the formula that no statement holds (``\\overbrace{m_t = …}^{…}``, ``a = 1`` in a
    #: ``pmatrix`` inside an expression): not modelled, listed so that the links report stays whole.
    nested: list[nested_relations.Nested] = field(default_factory=list)
    #: The hypothesis the chain states after its label (``H_0: μ_1 = μ_2``), as written (``H_0``), or None.
    hypothesis: str | None = None
    #: Set on a row of its own that opens with words ("Пусть u = \\ln x, du = dx/x" between the rows of a
    #: chain): a substitution remarked on, which the chain goes on past.
    remark: bool = False
    #: The words a remark row opens with, as written (``Пусть``): "let" makes its statements definitions.
    lead: str = ""

    def links(self) -> list[tuple[Term, str, Term]]:
        """Consecutive pairs of the chain with their relation, which is what a verifier checks."""
        return [(self.terms[k], rel, self.terms[k + 1]) for k, rel in enumerate(self.relations)]


@dataclass
class Problem:
    """Something in ``[start, end)`` that was not understood; the reason is ``message``."""

    start: int
    end: int
    message: str


@dataclass
class ParsedBlock:
    """Everything read from one math block. ``transparent`` lists the undefined one-argument macros
    read as wrappers of their argument (name with backslash, offset), which are not unknown."""

    statements: list[Statement]
    unknown_macros: list[tuple[str, int]]
    problems: list[Problem]
    transparent: list[tuple[str, int]] = field(default_factory=list)
    words: list[tuple[str, int]] = field(default_factory=list)  # plain words read as products of letters


#: The start of a problem's message when building an expression raised (a bug, not the document's fault).
INTERNAL_ERROR = "internal error while building the expression"


#: A number written inside ``\text{…}`` or ``\mathrm{…}`` (``1e-1``, ``0.5``), read as that number.
_NUMBER_TEXT = re.compile(r"\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")

#: The function names read over a whole juxtaposed product (``\log ab``); the trigonometric ones are not, since
#: ``\sin 2πt`` with an integer step t would read as 0 where the notes mean time.
_TAKES_PRODUCT = frozenset({"log", "ln", "lg"})

#: ``\tan^{-1}``: the inverse function, as the notation means it (not 1/tan).
_INVERSE = {"sin": "arcsin", "cos": "arccos", "tan": "arctan"}

def _written_terms(operand: sp.Expr, var: sp.Symbol) -> sp.Expr | None:
    """``∂/∂w_0 (w_0 + w_1x_1 + ⋯ + w_dx_d)``: a sum written out with an ellipsis, differentiated in a variable
    one of its written terms shows, is the derivative of the written terms. The ellipsis stands for terms of
    the same pattern at the indices not written, so none of them holds ``var``. None when it does not apply
    (no ellipsis, the ellipsis not a term of a sum, or ``var`` not written)."""
    if not operand.has(DOTS) or var not in operand.free_symbols:
        return None
    sums = [a for a in sp.Mul.make_args(operand) if isinstance(a, sp.Add) and any(t.has(DOTS) for t in a.args)]
    if len(sums) != 1 or (operand / sums[0]).has(DOTS):
        return None
    (total,) = sums
    dots = [t for t in total.args if t.has(DOTS)]
    if not all((t / DOTS).is_number for t in dots):  # ⋯ written twice (… + w_jx_j + ⋯) adds up to 2·⋯
        return None
    return operand.xreplace({total: sp.Add(*(t for t in total.args if not t.has(DOTS)))})


def _ellipsis_derived(operand: sp.Expr, var: sp.Symbol) -> sp.Expr:
    """What the ellipsis of ``c·(t_1 + t_2 + ⋯ + t_N)`` adds to its derivative in ``var``: nothing when only some
    written terms hold ``var`` (a coordinate, ``∂/∂w_0``: the terms not written hold other coordinates), but
    ``c·⋯`` when every written term holds it (``∂/∂β {(y_1 − βx_1)² + ⋯ + (y_N − βx_N)²}``: the terms not written
    hold β too, so their derivatives stand where they stood). 0 when that does not apply (c reads ``var``)."""
    sums = [a for a in sp.Mul.make_args(operand) if isinstance(a, sp.Add) and any(t.has(DOTS) for t in a.args)]
    if len(sums) != 1:
        return sp.Integer(0)
    (total,) = sums
    outer, written = operand / total, [t for t in total.args if not t.has(DOTS)]
    if len(written) < 2 or outer.has(DOTS) or var in outer.free_symbols \
            or not all(var in t.free_symbols for t in written):
        return sp.Integer(0)
    return outer * DOTS


def _ends_with_optimum(current: list[Token]) -> bool:
    """Do the tokens end with an optimum's head and its variable (``\\underset{β ∈ Θ}{\\operatorname{argmin}}``,
    ``\\arg\\min_w``)? A ``\\quad`` after it spaces the objective off; it parts no statements."""
    for start in range(max(0, len(current) - 40), len(current)):
        found = optima.head(current, start)
        if found is None:
            continue
        stop = found.stop
        if found.below is None and stop < len(current) and current[stop].is_char("_"):
            stop = arg_span(current, stop + 1) or len(current) + 1
        if stop == len(current):
            return True
    return False


def _conditioned_letters(tokens: list[Token]) -> frozenset[str]:
    """The letters (``p``, ``P``, ``\\pi``) written right before a group with a conditioning bar (``p(y \\mid x)``,
    ``P(A | B)``): in the same block their plain calls (``p(x)``) are probabilities, not products."""
    out = set()
    probe = _ExprParser(tokens, _Context(frozenset()))
    for k in range(len(tokens) - 1):
        tok, nxt = tokens[k], tokens[k + 1]
        if nxt.is_char("(") and (tok.kind == "letter" or tok.kind == "macro" and tok.text in GREEK) \
                and probe.separator_at(k + 1) is not None:
            out.add(tok.text if tok.kind == "letter" else "\\" + tok.text)
    return frozenset(out)


def _a_range(tokens: list[Token]) -> bool:
    r"""The subscript of ``\int_\Omega``, ``\int_{\mathcal{Y}}``, ``\int_{\mathbb{R}}``, ``\int_B``: a set the
    integral runs over (one capital, a calligraphic or blackboard letter), not a lower bound like ``0`` or ``a``."""
    tokens = [t for t in tokens if t.kind not in ("lbrace", "rbrace")]
    if len(tokens) != 1:
        return False
    tok = tokens[0]
    return tok.kind == "letter" and tok.text.isupper() or tok.kind == "macro" and tok.text in ("Omega", "Theta") \
        or tok.kind == "raw" and tok.text in ("mathcal", "mathbb", "mathscr", "mathbf") and (tok.arg or "").isupper() \
        and len(tok.arg or "") == 1 or tok.kind == "unknown" and tok.text == "R"


def _range_text(tokens: list[Token]) -> str:
    """The range of an integral as written, the key that tells one unwritten range from another."""
    return "".join(f"\\{t.text}{{{t.arg}}}" if t.kind == "raw" else f"\\{t.text} " if t.kind in ("macro", "unknown")
                   else t.text for t in tokens).strip()


def _the_real_line(written: str) -> bool:
    r"""``\int_{\mathbb{R}}``, ``\int_\R``: the whole line, a range as definite as ``−∞`` to ``∞``."""
    return written.replace(" ", "") in ("\\mathbb{R}", "\\R", "\\mathbf{R}")


def _differential(tokens: list[Token], start: int) -> int | None:
    """Where the differential of an integral opened before ``start`` is: the ``d`` (a letter, or
    ``\\mathrm{d}``) at depth 0 followed by one name token (``x``, ``\\theta``) that nothing subscripts; None
    when a relation, an end of group or the end of the side comes first."""
    depth = 0
    for k in range(start, len(tokens) - 1):
        tok = tokens[k]
        if depth == 0 and (tok.kind == "rel" or _closes(tok)):
            return None
        if _opens(tok):
            depth += 1
        elif _closes(tok):
            depth -= 1
        elif depth == 0 and (tok.kind == "letter" and tok.text == "d" or tok.kind == "raw" and tok.arg == "d"):
            var, after = tokens[k + 1], tokens[k + 2] if k + 2 < len(tokens) else None
            if (var.kind == "letter" or var.kind == "macro" and var.text in GREEK) \
                    and not (after is not None and after.is_char("_", "^", "(")):
                return k
    return None


def _outer_differential(tokens: list[Token], start: int, first: int) -> int:
    r"""The differential of the integral whose integrand starts at ``start``, given the first one found there:
    ``\int_0^1 \int_0^y xy\,dx\,dy`` writes the inner integral's ``dx`` first, so an integrand that opens with k
    integrals (at its own depth) takes the (k+1)-th of the differentials written one after another from
    ``first``. ``first`` itself when the run is shorter (the inner one then reports what is missing)."""
    depth, nested = 0, 0
    for tok in tokens[start:first]:
        if _opens(tok):
            depth += 1
        elif _closes(tok):
            depth -= 1
        elif depth == 0 and tok.is_macro("int"):
            nested += 1
    at = first
    for _ in range(nested):
        nxt = at + 2
        if nxt + 1 >= len(tokens) or _differential(tokens, nxt) != nxt:
            return first
        at = nxt
    return at


def _whole_of_coordinate(operand: sp.Expr, var: sp.Symbol) -> str | None:
    r"""The name ``θ`` when ``var`` is its coordinate ``θ_{i}`` and ``operand`` holds ``θ`` but not ``θ_{i}``: the
    derivative then is not 0 but a coordinate of the gradient, which the scalar reading cannot give."""
    m = re.fullmatch(r"(.+?)_\{.+\}", var.name)
    if m is None or var in operand.free_symbols:
        return None
    names = {s.name for s in operand.free_symbols if isinstance(s, sp.Symbol)}
    family = {str(x.base) for x in operand.atoms(sp.Indexed)}  # Σ_k a_k x_k: x_k of the sum, x_i one of them
    return m.group(1) if m.group(1) in names and m.group(1) not in family else None


def _unbraced_differentials(tokens: list[Token]) -> list[Token]:
    r"""``\partial{f(x, y)}``, ``\partial{x}``, ``d{w}``: braces around what a differential applies to are only
    grouping; without them the fraction reads as ``\partial f(x, y)`` over ``\partial x``."""
    if len(tokens) < 3 or not tokens[1].kind == "lbrace" or not _is_differential(tokens[:1], alone=True):
        return tokens
    close = matching_brace(tokens, 1)
    if close is None or close == 2:
        return tokens
    return [tokens[0], *tokens[2:close], *tokens[close + 1:]]


def _unbraced_nabla(tokens: list[Token]) -> list[Token]:
    r"""``\nabla{f}(x)``, ``\nabla{f}``: braces around the one name a gradient applies to are only grouping
    (every renderer shows ``\nabla f(x)``); without them the gradient's extent is the usual one."""
    if not any(t.kind == "macro" and t.text == "nabla" for t in tokens):
        return tokens
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if tok.kind == "macro" and tok.text == "nabla" and k + 2 < len(tokens) \
                and tokens[k + 1].kind == "lbrace" and (close := matching_brace(tokens, k + 1)) is not None \
                and close - k - 2 == 1 and (tokens[k + 2].kind == "letter"
                                           or tokens[k + 2].kind == "macro" and tokens[k + 2].text in GREEK):
            out += [tok, tokens[k + 2]]
            k = close + 1
            continue
        out.append(tok)
        k += 1
    return out


def _signed_exponents(tokens: list[Token]) -> list[Token]:
    r"""``e^-(xw + b)``, ``e^-x``: TeX raises only the sign (the page shows e⁻ followed by the bracket; the lint
    ``render/sign-exponent`` says so), but the exponent meant is the signed bracket or name: read as ``e^{-(xw + b)}``."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if tok.is_char("^") and k + 2 < len(tokens) and tokens[k + 1].is_char("-") \
                and (tokens[k + 2].start == tokens[k + 1].end or (k and (tokens[k - 1].text == "e"
                                                                         or tokens[k - 1].kind == "num"))):
            # (W^- e^α: a label W⁻, then e^α, when spaced apart; but e^- x and 10^- 3 are always signed exponents)
            nxt = tokens[k + 2]
            end = _close_of(tokens, k + 2) if nxt.is_char("(") else k + 2 if nxt.kind in ("letter", "num") else None
            if end is not None:
                out += [tok, Token("lbrace", "{", tokens[k + 1].start, tokens[k + 1].start), *tokens[k + 1:end + 1],
                        Token("rbrace", "}", tokens[end].end, tokens[end].end)]
                k = end + 1
                continue
        out.append(tok)
        k += 1
    return out


def _bold_scripts_out(tokens: list[Token]) -> list[Token]:
    r"""``\mathbf{x^0}``, ``\mathbf{x_1}``, ``\boldsymbol{\theta^{k+1}}``: the bold set around a letter and its sub- or
    superscript means the bold letter with that script, as ``\mathbf{x}^0`` (notes write both on one page); read
    that way, so that ``\nabla f(\mathbf{x^0})`` is at the iterate x⁰ the notes gave, not at the power x⁰ = 1."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        close = matching_brace(tokens, k + 1) if tok.kind == "macro" and tok.text in BOLD and k + 4 < len(tokens) \
            and tokens[k + 1].kind == "lbrace" and tokens[k + 3].is_char("^", "_") else None
        if close is not None and tokens[k + 2].kind in ("letter", "macro") and close > k + 4 \
                and _script_ends(tokens, k + 4) == close:
            out += [tok, tokens[k + 1], tokens[k + 2], tokens[close], *tokens[k + 3:close]]
            k = close + 1
            continue
        out.append(tok)
        k += 1
    return out


def _braced_scripts(tokens: list[Token]) -> list[Token]:
    r"""``\delta{_2}``, ``\delta{_{k+1}}``: a sub- or superscript braced on its own right after a name is that name's
    script (KaTeX and MathJax draw δ₂, the script hung on an empty group); read as ``\delta_2``."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if (tok.kind == "letter" or (tok.kind == "macro" and tok.text in GREEK)) and k + 3 < len(tokens) \
                and tokens[k + 1].kind == "lbrace" and tokens[k + 2].is_char("_", "^") \
                and (close := matching_brace(tokens, k + 1)) is not None and close > k + 3 \
                and _script_ends(tokens, k + 3) == close:
            out += [tok, *tokens[k + 2:close]]
            k = close + 1
            continue
        out.append(tok)
        k += 1
    return out


def _row_groups(tokens: list[Token]) -> list[Token]:
    r"""``&{x_{i+1} = x_i − γ∇f}\``: a brace group that holds a whole row of an array (as OCR'd books and some
    converters write every cell) is TeX grouping only; its relation is the row's, so the braces go (a group inside an
    expression, ``a + {b = c}``, stays, and is still reported)."""
    out = list(tokens)
    k = 0
    while k < len(out):
        tok = out[k]
        before = out[k - 1] if k else None
        if tok.kind == "lbrace" and (before is None or before.kind in ("newline", "sep", "begin") or before.is_char("&")) \
                and (close := matching_brace(out, k)) is not None:
            after = out[close + 1] if close + 1 < len(out) else None
            inside = out[k + 1:close]
            depths = _depths(inside) if inside else []
            if (after is None or after.kind in ("newline", "sep", "end") or after.is_char("&", ",", ".", ";")) \
                    and any(t.kind == "rel" and d == 0 for t, d in zip(inside, depths)):
                out = out[:k] + inside + out[close + 1:]
                continue
        k += 1
    return out


def _over_as_frac(tokens: list[Token]) -> list[Token]:
    r"""``{\partial E \over \partial w_{11}}``, ``{1 \over 2}``: plain TeX's infix fraction written as ``{\frac{…}{…}}``
    (the braces kept, so that it stays one argument wherever it stands), so that everything that reads a
    ``\frac`` — a derivative in Leibniz's notation above all — reads it too."""
    if not any(t.kind == "macro" and t.text == "over" for t in tokens):
        return tokens
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        close = matching_brace(tokens, k) if tok.kind == "lbrace" else None
        if close is None:
            out.append(tok)
            k += 1
            continue
        inside = _over_as_frac(tokens[k + 1:close])
        depth, cut = 0, None
        for j, t in enumerate(inside):
            depth += (t.kind == "lbrace") - (t.kind == "rbrace")
            if depth == 0 and t.kind == "macro" and t.text == "over":
                cut = j
                break
        if cut is None or not inside[:cut] or not inside[cut + 1:]:
            out += [tok, *inside, tokens[close]]
        else:
            at, end = inside[cut], tokens[close]
            fraction = [Token("macro", "frac", at.start, at.start), Token("lbrace", "{", at.start, at.start),
                        *inside[:cut], Token("rbrace", "}", at.start, at.start), Token("lbrace", "{", at.end, at.end),
                        *inside[cut + 1:], Token("rbrace", "}", end.start, end.start)]
            before = out[-1] if out else None
            operator = len(inside[:cut]) == 1 and (inside[0].is_macro("partial") or inside[0].kind == "letter"
                                                   and inside[0].text == "d")
            if operator and not (before is not None and (before.kind in ("macro", "raw") or before.is_char("^", "_"))):
                out += fraction  # {\partial \over \partial w}(…): an operator, what follows the group is its operand
            else:
                out += [tok, *fraction, end]
        k = close + 1
    return out


def _font_groups(tokens: list[Token]) -> list[Token]:
    r"""``{\rm logit}(q)``: a group that only scopes a font switch around a word is the word (``\mathrm{logit}``), so
    the call after it is read as one; a group that is an argument or a script (``\frac{\rm a}{b}``, ``x^{\rm T}``)
    stays as it is."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        before = out[-1] if out else None
        if tok.kind == "lbrace" and k + 2 < len(tokens) and tokens[k + 1].kind == "raw" \
                and tokens[k + 1].text in UPRIGHT_MACROS and tokens[k + 2].kind == "rbrace" \
                and (before is None or not (before.kind in ("macro", "raw") or before.is_char("^", "_")
                                            or before.kind == "rbrace" and _second_argument_next(out))):
            out.append(tokens[k + 1])
            k += 3
            continue
        out.append(tok)
        k += 1
    return out


#: Macros whose second argument follows their first: ``\frac{1}{\rm n}`` keeps its group.
_TWO_ARGUMENTS = frozenset({"frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "overset", "underset",
                            "stackrel"})


def _second_argument_next(out: list[Token]) -> bool:
    r"""Whether the group ``out`` ends with is the first argument of a macro that takes two (``\frac{a}``)."""
    depth = 0
    for k in range(len(out) - 1, -1, -1):
        if out[k].kind == "rbrace":
            depth += 1
        elif out[k].kind == "lbrace":
            depth -= 1
            if depth == 0:
                return k > 0 and out[k - 1].kind == "macro" and out[k - 1].text in _TWO_ARGUMENTS
    return False


def _one_side(target: list[Token]) -> tuple[list[Token], str]:
    """The point a limit goes to and from which side: ``0^+``, ``0^{-}``, ``0+`` and the ``±0`` of Russian and
    Japanese notes (``q \\to +0``, ``x \\to 1 - 0``) approach from one side ("+" from above, "-" from below);
    anything else from both ("+-"), which SymPy decides only when the two sides agree."""
    def sign(tok: Token) -> str | None:
        return tok.text if tok.is_char("+", "-") else None

    if len(target) > 1 and (s := sign(target[-1])) is not None:  # 0^+, 0+
        rest = target[:-2] if target[-2].is_char("^") else target[:-1]
        return rest, s
    if len(target) > 3 and target[-4].is_char("^") and target[-3].kind == "lbrace" and target[-1].kind == "rbrace" \
            and (s := sign(target[-2])) is not None:  # 0^{+}
        return target[:-4], s
    if len(target) > 1 and target[-1].kind == "num" and target[-1].text == "0" and (s := sign(target[-2])) is not None:
        return (target[:-2] or target[-1:]), s  # +0, 1 - 0
    return target, "+-"


def _small_power(exponent: sp.Expr) -> bool:
    """2, 3 or 4: the power a quantity named ``e`` (an error) is raised to, its square in a loss; any other power of
    ``e`` (``e^{-z}``, ``e^{-1}``) stays the exponential in such a document too."""
    return exponent in (2, 3, 4)


def _script_ends(tokens: list[Token], start: int) -> int:
    """Where the script argument starting at ``start`` (a braced group or one token) ends, exclusive."""
    if tokens[start].kind == "lbrace":
        close = matching_brace(tokens, start)
        return -1 if close is None else close + 1
    return start + 1


def _sign_macro(tok: Token) -> bool:
    """Is ``tok`` ``\\pm`` or ``\\mp``, an operator between terms like ``+`` and ``-``?"""
    return tok.kind == "macro" and tok.text in ("pm", "mp")


#: Floor and ceiling brackets, and what closes each.
_ROUNDINGS = {"lfloor": "rfloor", "lceil": "rceil"}
#: Letters a sum written without limits may run over (the usual sample and coordinate indices).
_SUM_INDEX_LETTERS = frozenset("ijkl")


class LatexParseError(DeriveError):
    """:func:`parse_expr` could not read its text as one expression."""


class _Fail(Exception):
    """Internal: parsing of one term stops here (becomes a :class:`Problem`)."""

    def __init__(self, start: int, end: int, message: str) -> None:
        super().__init__(message)
        self.start, self.end, self.message = start, end, message


# ==================================================================================================
# Public entry points
# ==================================================================================================

def parse_block(text: str, *, functions: frozenset[str] = DEFAULT_FUNCTIONS, transpose_t: bool = False,
                layers: frozenset[str] = frozenset(), steps: frozenset[str] = frozenset(), e_name: bool = False,
                matrices: Mapping[sp.Symbol, sp.Expr] | None = None) -> ParsedBlock:
    r"""Parse one math block into statements; never raises on document content. ``transpose_t``: the document
    never uses ``T`` as a quantity (:func:`.transpose_t.t_is_transpose`), so ``a^T b`` is a transpose; ``layers``:
    superscript letters the document uses as layer labels (:func:`.layer_labels.layer_letters`: ``z_j^L``);
    ``e_name``: the document names a quantity ``e`` (:func:`.euler.e_is_a_name`), so ``e^2`` is its square;
    ``matrices``: written matrices given to names before the block, put in where a determinant or a trace of
    the names is taken (``\det(A − λI)``)."""
    if EXPECTATION_E not in functions and _RANDOM_E.search(text):
        functions = functions | {EXPECTATION_E}
    return _BlockParser(text, functions, transpose_t, layers, steps, e_name, matrices or {}).run()


#: A bare ``E(`` of a random variable's letter (``E(X^4)``, ``E(\bar{X})``, ``E(2Y + 3)``): the block's bare E is the
#: expectation, not the letter E times a bracket (E·X⁴ made ``E(X⁴) − E(X²)²`` a polynomial in E).
_RANDOM_E = re.compile(r"(?<![A-Za-z\\])[EV]\s*(?:\\left)?\(\s*[^()=]*?(?:(?<![A-Za-z\\])|(?<=[0-9a-z]))[XYZ](?![A-Za-z])")


def parse_expr(text: str, *, functions: frozenset[str] = DEFAULT_FUNCTIONS,
               matrices: Mapping[sp.Symbol, sp.Expr] | None = None) -> sp.Expr:
    """Parse a single expression (no relation); raise :class:`LatexParseError` if that fails."""
    block = parse_block(text, functions=functions, matrices=matrices)
    if block.problems:
        first = block.problems[0]
        raise LatexParseError(f"cannot parse {text!r}: {first.message} (at offset {first.start})")
    if len(block.statements) != 1 or len(block.statements[0].terms) != 1:
        raise LatexParseError(f"not a single expression: {text!r}")
    expr = block.statements[0].terms[0].expr
    assert expr is not None  # no problems means every term parsed
    return expr


# ==================================================================================================
# Rows, statements, chains
# ==================================================================================================

@dataclass
class _Row:
    """One row of an aligned block: its tokens, the environment it sits in and its place (for positions)."""

    tokens: list[Token]
    env: str | None
    index: int


@dataclass
class _RawStatement:
    """A chain before its terms are parsed: token lists and the relations between them."""

    terms: list[list[Token]]
    relations: list[str]
    rel_tokens: list[Token]
    env: str | None
    row: int
    remark: bool = False  # on a row that opens with words (a substitution named between the rows of a chain)
    lead: str = ""  # … and those words ("Пусть", "Let")


def _span(raw: _RawStatement) -> tuple[int, int]:
    """Offsets from a raw statement's first token to its last."""
    toks = [t for term in raw.terms for t in term] + raw.rel_tokens
    if not toks:
        return (0, 0)
    return (min(t.start for t in toks), max(t.end for t in toks))


def _depths(tokens: list[Token]) -> list[int]:
    """Nesting depth (braces and delimiters) *before* each token; never negative."""
    out: list[int] = []
    depth = 0
    for tok in tokens:
        if _closes(tok):
            depth = max(0, depth - 1)
        out.append(depth)
        if _opens(tok):
            depth += 1
    return out


def _left_open(tokens: list[Token]) -> bool:
    """Does a bracket stay open at the end of ``tokens`` (``(1,`` before ``\\\\`` in a tuple written over two rows)?
    Then a comma there separates coordinates: it is no sentence punctuation to drop."""
    depth = 0
    for tok in tokens:
        if _closes(tok):
            depth = max(0, depth - 1)
        if _opens(tok):
            depth += 1
    return depth > 0


def _opens(tok: Token) -> bool:
    if tok.kind == "lbrace":
        return True
    if tok.kind == "char":
        return tok.text in "([" or (tok.text == "|" and tok.side == "open")
    if tok.kind == "macro":
        if tok.text in OPEN_MACROS or tok.text in ("lVert", "lvert", "langle"):
            return True
        return tok.side == "open" and (tok.text in NORM_MACROS or tok.text in ABS_MACROS)
    return False


def _closes(tok: Token) -> bool:
    if tok.kind == "rbrace":
        return True
    if tok.kind == "char":
        return tok.text in ")]" or (tok.text == "|" and tok.side == "close")
    if tok.kind == "macro":
        if tok.text in CLOSE_MACROS or tok.text in ("rVert", "rvert", "rangle"):
            return True
        return tok.side == "close" and (tok.text in NORM_MACROS or tok.text in ABS_MACROS)
    return False


def _inner_equalities(tokens: list[Token]) -> list[list[int]]:
    """``=`` nested in ``(…)`` or ``[…]`` of a term, each with its two sides as offsets: a side runs
    from the bracket (or a ``,``/``;``/``|``/``\\mid`` at the same depth) to the ``=``, and on to the
    next such mark. ``=`` in a brace group (``\\sum_{i=1}``: a range) is not one of them."""
    out: list[list[int]] = []
    stack: list[int] = []  # index of each open bracket
    for i, tok in enumerate(tokens):
        if _closes(tok) and stack:
            stack.pop()
        elif _opens(tok):
            stack.append(i)
        elif tok.kind == "rel" and tok.text == "=" and stack and tokens[stack[-1]].is_char("(", "["):
            lo = i - 1
            while lo > stack[-1] and not _separates(tokens[lo]):
                lo -= 1
            hi, depth = i + 1, 0
            while hi < len(tokens):
                if _opens(tokens[hi]):
                    depth += 1
                elif _closes(tokens[hi]):
                    if depth == 0:
                        break
                    depth -= 1
                elif depth == 0 and (_separates(tokens[hi]) or tokens[hi].kind == "rel"):
                    break
                hi += 1
            if lo + 1 < i and i + 1 < hi:
                out.append([tokens[lo + 1].start, tokens[i - 1].end, tokens[i + 1].start, tokens[hi - 1].end])
    return out


def _separates(tok: Token) -> bool:
    return tok.is_char(",", ";", "|") or (tok.kind == "macro" and tok.text in ("mid", "vert"))


def _is_binary_op(tok: Token) -> bool:
    if tok.is_char("+", "-", "*", "/"):
        return True
    return tok.kind == "macro" and (tok.text in MUL_MACROS or tok.text in DIV_MACROS)


def _bulleted(prev: _RawStatement, first: _RawStatement) -> bool:
    """A row that opens with ``\\cdot`` or ``\\bullet`` and states a relation of its own after a row that states one
    (``… − 1 + s_k = 0 \\\\ \\cdot ν_ks_k = 0``, two conditions listed with a dot each): an item of a list, not a
    product broken over two rows. (Notes break a long side before + or −, hardly ever before a dot.)"""
    lead = first.terms[0][0]
    return bool(prev.relations and first.relations) and lead.kind == "macro" and lead.text.lstrip("\\") in ("cdot", "bullet")


def _first_offset(st: _RawStatement) -> int | None:
    """Where a statement starts in the block (its first token, or its first relation when a row begins with one)."""
    for term in st.terms:
        if term:
            return min(term[0].start, st.rel_tokens[0].start) if st.rel_tokens else term[0].start
    return st.rel_tokens[0].start if st.rel_tokens else None


#: A subscript that numbers a step (``∇_2``, ``∇_{t-1}``), never a variable to differentiate in.
_STEP_SUBSCRIPT = re.compile(r"\d+|[A-Za-z]\s*[-+]\s*\d+")


class _BlockParser:
    """Splits a block into rows, statements and terms, then parses every term."""

    def __init__(self, text: str, functions: frozenset[str], transpose_t: bool = False,
                 layers: frozenset[str] = frozenset(), steps: frozenset[str] = frozenset(), e_name: bool = False,
                 matrices: Mapping[sp.Symbol, sp.Expr] | None = None) -> None:
        self.text = text
        self.matrices = matrices or {}
        self.functions = functions
        self.transpose_t = transpose_t
        self.e_name = e_name
        self.layers = layers
        self.steps = steps
        self.problems: list[Problem] = []
        self.env_inner: dict[int, list[Token]] = {}  # an environment inside an expression: its tokens, by offset
        self.labels: set[int] = set()  # plain words read as a label, not letter by letter
        self.doubled: set[int] = set()  # offsets of relations written twice across a row break (a = \\ = b)
        self.conditioned: frozenset[str] = frozenset()
        self.asides: set[int] = set()  # offsets where a statement given as a reason starts (after \because)
        self.aligned: set[int] = set()  # offsets of relations written right after an alignment point (&=)
        self.noted: set[int] = set()  # offsets of statements set after a chain with \quad in their row (notes beside it)
        self.worded: dict[int, str] = {}  # statements a row opens with words before (\text{Пусть } u = …): the words
        self.run_breaks = frozenset(run_together.breaks(text))  # equations run together across a source line

    def run(self) -> ParsedBlock:
        tokenized = tokenize(self.text)
        tokens, transparent = unwrap_undefined(unwrap_style(tokenized.tokens))
        tokens = _row_groups(tokens)
        tokens = _without_equation_numbers(tokens, self.text)
        wrapped = {offset for _, offset in transparent}
        self.conditioned = _conditioned_letters(tokens)
        rows = self._rows(tokens)
        rows_statements, asides = [], []
        for row in rows:
            statements = [self._chain(group, row) for group in self._statements(row)]
            # "… \because z = …" then "&= …" on the next row: the row goes on with the chain, not the reason
            asides += [st for st in statements if _first_offset(st) in self.asides]
            rows_statements.append([st for st in statements if _first_offset(st) not in self.asides])
        raw = self._merge_rows(rows_statements) + asides
        raw = self._with_annotations(tokens, raw)
        statements = [self._statement(r) for r in raw]
        self._account_nested(tokens, raw, statements, self.doubled)
        unknown = [(name, offset) for name, offset in tokenized.unknown if offset not in wrapped]
        words = [(word, offset) for word, offset in tokenized.words if offset not in self.labels]
        return ParsedBlock(statements, unknown, self.problems, transparent, words)

    @staticmethod
    def _with_annotations(tokens: list[Token], raw: list[_RawStatement]) -> list[_RawStatement]:
        """Each ``\\underbrace{X}_{=Y}`` becomes the statement ``X = Y``, just before the one that holds it."""
        found = nested_relations.annotations(tokens)
        if not found:
            return raw
        out = list(raw)
        for note in reversed(found):
            holder = next((k for k, r in enumerate(out) if _span(r)[0] <= note.at < _span(r)[1]), len(out))
            host = out[holder] if holder < len(out) else None
            where = _Row(note.tokens, host.env if host else None, host.row if host else 0)
            chain = _BlockParser._chain(note.tokens, where)
            out.insert(holder, chain)
        return out

    @staticmethod
    def _account_nested(tokens: list[Token], raw: list[_RawStatement], statements: list[Statement],
                        doubled: set[int]) -> None:
        """Give every relation no statement holds to the statement it sits in (else the nearest before it)."""
        if not statements:
            return
        used = {t.start for r in raw for t in r.rel_tokens} | doubled
        covered = [(b, c) for st in statements for _, b, c, _ in st.inner]
        for rel in nested_relations.nested(tokens, used, covered):
            spans = [_span(r) for r in raw]
            holder = next((k for k, (lo, hi) in enumerate(spans) if lo <= rel.left[0] < hi), None)
            if holder is None:
                before = [k for k, (lo, _) in enumerate(spans) if lo <= rel.left[0]]
                holder = before[-1] if before else 0
            statements[holder].nested.append(rel)

    # -- rows --------------------------------------------------------------------------------------

    def _rows(self, tokens: list[Token]) -> list[_Row]:
        """Split at ``\\\\`` and environment boundaries; environments inside an expression stay opaque."""
        rows: list[_Row] = []
        envs: list[str] = []
        current: list[Token] = []
        depth = 0

        def flush() -> None:
            nonlocal current
            if current:
                env = next((e for e in reversed(envs) if e in ROW_ENVS), None)
                rows.append(_Row(current, env, len(rows)))
            current = []

        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.kind == "begin":
                if depth == 0 and _at_statement_start(current) and (tok.text in ROW_ENVS or tok.text in WRAPPER_ENVS):
                    current = []  # a lone \left\{ before a system is decoration
                    envs.append(tok.text)
                    i += 1
                    continue
                stop = _matching_end(tokens, i)
                if stop - 1 > i and tokens[stop - 1].kind == "end":
                    self.env_inner[tok.start] = tokens[i + 1:stop - 1]
                current.append(Token("env", tok.text, tok.start, tokens[stop - 1].end))
                i = stop
                continue
            if tok.kind == "end":
                if envs and envs[-1] == tok.text:
                    flush()
                    envs.pop()
                else:
                    self.problems.append(Problem(tok.start, tok.end, f"\\end{{{tok.text}}} without a matching \\begin"))
                i += 1
                continue
            if tok.kind == "newline" and depth == 0:
                flush()
                i += 1
                continue
            if tok.kind == "lbrace":
                depth += 1
            elif tok.kind == "rbrace":
                depth = max(0, depth - 1)
            current.append(tok)
            i += 1
        flush()
        if envs:
            self.problems.append(Problem(len(self.text), len(self.text), f"\\begin{{{envs[-1]}}} is not closed"))
        return rows

    # -- statements within a row -------------------------------------------------------------------

    def _statements(self, row: _Row) -> list[list[Token]]:
        """Token groups of the statements of one row (separators and trailing punctuation removed)."""
        toks = row.tokens
        depths = _depths(toks)
        row_has_relation = any(t.kind == "rel" and d == 0 for t, d in zip(toks, depths))
        groups: list[list[Token]] = [[]]
        aside = noting = False
        for k, tok in enumerate(toks):
            if depths[k] == 0 and tok.start in self.run_breaks and groups[-1]:
                groups.append([])  # a new equation on a new source line: the token starts it
            elif depths[k] == 0 and self._separates(toks, depths, k, groups[-1], row_has_relation):
                groups.append([])
                noting = noting or tok.kind == "sep" and any(t.kind == "rel" for g in groups[:-1] for t in g)
                if noting and k + 1 < len(toks):
                    self.noted.add(toks[k + 1].start)  # "… \quad v = \ln(u), du = …": notes beside the chain
                aside = aside or (tok.kind == "sep" and tok.text == "because")  # the rest of the row goes with it
                # "p(x) &= x^2/9, \quad x ∈ [0, 3] \\ &= …": a qualifier after the chain holds for its row; the next row
                # goes on from the chain, not from [0, 3]
                aside = aside or (any(t.kind == "rel" for t in groups[-2])
                                  and (_qualifier(toks, depths, k + 1) or _annotation(toks, k + 1)))
                # "&= E[ΣX_i/n] & \text{expanding out } \overline{X}", "& Var(X_i) = σ^2 \text{ is known}": a column
                # with words in it after the chain annotates the row; what it writes (X̄, "E(X_i) = μ for any i")
                # never becomes the member the next row goes on from (a cases row's "if …" is its condition)
                aside = aside or (tok.is_char("&") and row.env != "cases" and any(
                    t.kind == "raw" and t.text in TEXT_MACROS and d == 0 for t, d in zip(toks[k + 1:], depths[k + 1:])))
                continue
            if aside and not groups[-1]:
                self.asides.add(tok.start)
            if not any(groups) and depths[k] == 0 and not tok.is_char("&") and k > 0 \
                    and any(t.kind == "raw" and t.text in TEXT_MACROS for t in toks[:k]):
                # "&\text{Let } u = \tan x": the row opens with prose, a remark
                self.worded[tok.start] = " ".join(t.arg or "" for t in toks[:k] if t.kind == "raw").strip()
            if depths[k] == 0 and tok.is_char("&"):
                if k + 1 < len(toks) and toks[k + 1].kind == "rel":
                    self.aligned.add(toks[k + 1].start)
                continue  # alignment point
            groups[-1].append(tok)
        out = []
        for group in groups:
            while group and group[-1].is_char(",", ".", ";", ":") and not _left_open(group):
                group.pop()  # "… = b + c," / "… = b:" (and their full-width forms): the sentence's punctuation
            while group and group[0].is_char(",", ".", ";", ":"):
                del group[0]  # \textbf{input}: x, …
            if group:
                out.append(group)
        return out

    @staticmethod
    def _separates(toks: list[Token], depths: list[int], k: int, current: list[Token], row_has_relation: bool) -> bool:
        tok = toks[k]
        if tok.kind == "sep":
            return not (tok.text in ("quad", "qquad") and _ends_with_optimum(current))
        if tok.kind == "word":  # "u = \tan x\ и\ du = \sec^2 x\,dx": a word of prose set bare in the math
            # (set off by space: "2次", twice, is a number with its unit, no prose between statements)
            return bool(current) and row_has_relation and not _expects_operand(current) and k > 0 \
                and toks[k - 1].end < tok.start
        if tok.kind == "raw" and tok.text in TEXT_MACROS:
            if k + 1 < len(toks) and toks[k + 1].is_char("(") and not tok.text.endswith("intertext"):
                return False  # \text{tr}(A): an operator's name, not prose between statements
            if _ACRONYM.fullmatch((tok.arg or "").strip()) and not tok.text.endswith("intertext"):
                return False  # \text{MSE}: a quantity's name, not prose
            if (tok.arg or "").strip() in ("d", "e", "i", "T") and not tok.text.endswith("intertext"):
                return False  # \text{d}t, \text{T}: a differential, e, i or a transpose set upright is no prose
            if (tok.arg or "") in _PARTS and not tok.text.endswith("intertext"):  # (\text{ im } is German prose)
                return False  # 2\,\text{re}\{w\} = 8: the real part of w, no prose between two statements
            if _NUMBER_TEXT.fullmatch((tok.arg or "").strip()):
                return False  # \text{1e-1}: a number set as text
            nxt = k + 2 if k + 2 < len(toks) and toks[k + 1].is_char("&") else k + 1  # (\text{…} &= in an align)
            if current and nxt < len(toks) and toks[nxt].is_char("_") and not tok.text.endswith("intertext") \
                    and (tok.arg or "").strip().lower() not in _PROSE_WORDS:
                return False  # β_1\text{Degree}_i: a word with a subscript is a variable, a factor of the side
            if not current and nxt < len(toks) and toks[nxt].is_char("_"):
                nxt = arg_span(toks, nxt + 1) or len(toks)  # \text{Term}_1 = …: the word and its subscript name the side
            if not current and nxt < len(toks) and toks[nxt].kind == "rel" and not tok.text.endswith("intertext") \
                    and (tok.arg or "").strip().lower() not in _PROSE_WORDS:
                return False  # \text{balance owed} = …: the words name the side, they are not prose between statements
            return tok.text.endswith("intertext") or not _expects_operand(current)
        if tok.is_char("&"):
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            aligned = not current or current[-1].kind == "rel" or nxt is None or nxt.kind == "rel" \
                or nxt.is_char("+", "-") or nxt.is_macro("cdot") or nxt.is_macro("times") or nxt.is_macro("pm")
            return not aligned  # (P_i = a &+ b_1D_i: the side goes on past its alignment point)
        if tok.is_char(",", ";"):
            if not row_has_relation:
                return True  # a list of expressions: one statement each
            if k + 1 < len(toks) and toks[k + 1].kind == "rel":
                return False  # "\ldots, = c" continues the chain
            for j in range(k + 1, len(toks)):
                if depths[j] != 0:
                    continue
                nxt = toks[j]
                if nxt.kind == "sep" or nxt.is_char(",", ";", "&") or (nxt.kind == "raw" and nxt.text in TEXT_MACROS):
                    return False
                if nxt.kind == "rel":
                    return True
        return False

    # -- chains ------------------------------------------------------------------------------------

    @staticmethod
    def _chain(group: list[Token], row: _Row) -> _RawStatement:
        terms: list[list[Token]] = [[]]
        rels: list[str] = []
        rel_tokens: list[Token] = []
        for tok, depth in zip(group, _depths(group)):
            if tok.kind == "rel" and depth == 0:
                while terms[-1] and terms[-1][-1].is_char(","):
                    terms[-1].pop()  # "= \ldots, = \sum …": punctuation before a relation
                rels.append(tok.text)
                rel_tokens.append(tok)
                terms.append([])
            else:
                terms[-1].append(tok)
        return _RawStatement(terms, rels, rel_tokens, row.env, row.index)

    def _merge_rows(self, rows: list[list[_RawStatement]]) -> list[_RawStatement]:
        """Continue chains across rows: ``a = b = \\\\ = c``, ``a = \\\\ b``, ``a + b \\\\ + c``."""
        merged: list[_RawStatement] = []
        chain: _RawStatement | None = None  # the first statement of the row before, when it is a chain
        remark = False  # the row before opened with a word of prose: a remark on a row of its own
        for statements in rows:
            if not statements:
                continue
            prev = merged[-1] if merged else None
            listed = _listed_consequences(statements, self.text)
            lead = self.worded.get(_first_offset(statements[0]) or -1) or _remark_row(statements[0]) or listed
            opens_remark = bool(lead)
            past_remark = False
            if chain is not None and prev is not chain and not statements[0].terms[0] and statements[0].relations \
                    and (_first_offset(prev) in self.noted or remark):
                prev = chain  # ∫ … &= ½[…], \quad v = ln u, w = … \\ &= …: the chain goes on, not the note beside it
                # (nor the remark on a row of its own: "&Пусть\ u = \tan x,\ du = \sec^2 x\,dx \\ =&\int e^u du")
                past_remark = remark
            if prev is not None and not listed and self._continue(prev, statements[0]):
                statements = statements[1:]
                chain = prev  # (the row went on with the chain: its notes, if any, stand beside that chain)
                if past_remark and not statements:
                    remark = True  # the rows after go on with the chain too, not with the remark still last written
                    merged.extend(statements)
                    continue
            elif statements[0].relations and not opens_remark:
                chain = statements[0]
            elif not opens_remark:
                chain = statements[0] if len(statements) == 1 and statements[0].terms[0] else None
                # (∫ e^{ln t}/t dt \\ Let w = ln t, … \\ = ∫ e^w dw: an expression alone on its row starts the chain
                # the rows after the remark go on with)
            remark = opens_remark and chain is not None
            if remark:
                for statement in statements:
                    statement.remark, statement.lead = True, lead
            merged.extend(statements)
        return merged

    def _continue(self, prev: _RawStatement, first: _RawStatement) -> bool:
        """Append ``first`` (the first statement of a row) to ``prev`` if it continues it."""
        starts_with_relation = not first.terms[0] and bool(first.relations)
        dangling = not prev.terms[-1] and bool(prev.relations)
        if starts_with_relation:
            if dangling:  # a = b = \\ = c: the relation is written twice
                if prev.relations[-1] != first.relations[0]:
                    tok = first.rel_tokens[0]
                    message = f"the chain breaks with '{prev.relations[-1]}' and resumes with '{tok.text}'"
                    self.problems.append(Problem(tok.start, tok.end, message))
                prev.terms.pop()
                prev.relations.pop()
                self.doubled.add(prev.rel_tokens.pop().start)
            prev.terms.extend(first.terms[1:])
        elif dangling:
            prev.terms[-1] = first.terms[0]
            prev.terms.extend(first.terms[1:])
        elif first.env != "cases" and prev.terms[-1] and first.terms[0] and (
            _is_binary_op(first.terms[0][0]) or _is_binary_op(prev.terms[-1][-1]) or _left_open(prev.terms[-1])
        ) and not (prev.relations and first.rel_tokens and first.rel_tokens[0].start in self.aligned
                   and _is_binary_op(first.terms[0][0]) and not _is_binary_op(prev.terms[-1][-1])
                   and not _left_open(prev.terms[-1])) and not _bulleted(prev, first):
            # a long side broken before an operator, or inside a bracket (a tuple written over two rows); but a row
            # of a system with its own aligned relation (3x − 3y = −2 \ −2x + 6y &= 3) is an equation of its own
            prev.terms[-1] = prev.terms[-1] + first.terms[0]
            prev.terms.extend(first.terms[1:])
        else:
            return False
        prev.relations.extend(first.relations)
        prev.rel_tokens.extend(first.rel_tokens)
        return True

    # -- terms -------------------------------------------------------------------------------------

    def _statement(self, raw: _RawStatement) -> Statement:
        hypothesis = None
        if raw.terms and len(raw.terms[0]) > 1 and raw.terms[0][0].kind == "macro" \
                and raw.terms[0][0].text.lstrip("\\") in ("cdot", "bullet"):
            raw.terms[0] = raw.terms[0][1:]  # "\cdot ν_ks_k = 0" opening a row of its own: a bullet, no factor
        if len(raw.terms) > 1 and (label := _hypothesis_label(raw.terms[0])):
            hypothesis = self.text[raw.terms[0][0].start:raw.terms[0][label - 2].end]
            raw.terms[0] = raw.terms[0][label:]  # H_0: μ_1 = μ_2: the label names the hypothesis, it is no factor
        terms = [self._term(tokens, raw, k) for k, tokens in enumerate(raw.terms)]
        inner = [span for tokens in raw.terms for span in _inner_equalities(tokens)]
        return Statement(terms, list(raw.relations), raw.env, raw.row, inner, hypothesis=hypothesis, remark=raw.remark,
                         lead=raw.lead)

    def _term(self, tokens: list[Token], raw: _RawStatement, k: int) -> Term:
        if not tokens:
            where = raw.rel_tokens[k].start if k < len(raw.rel_tokens) else raw.rel_tokens[k - 1].end
            self.problems.append(Problem(where, where, "nothing on this side of the relation"))
            return Term(None, where, where)
        if k == 0 and len(raw.terms) > 1 and _objective_named(tokens):
            tokens = tokens[1:]  # "\\min f(\\mathbf{x}) = (x_1 + 1)^4 + …": the objective defined, its task said first
        if k == 0 and len(raw.terms) > 1 and (word := _leading_word(tokens)):
            tokens = tokens[word:]  # "Let\\space u = y_i − wx_i": the sentence's word, set in the math
        if k == 0 and len(raw.terms) > 1 and tokens and tokens[0].kind == "word":
            # "Пусть\\ u = \\tan x": a word of the sentence in another script, set bare (with a Latin letter typed
            # inside it, "Пуcть", still one word: the letters glued to it go with it)
            n = 1
            while n < len(tokens) and tokens[n].kind in ("word", "letter") and tokens[n].start == tokens[n - 1].end:
                n += 1
            if n < len(tokens):
                tokens = tokens[n:]
        start, end = tokens[0].start, tokens[-1].end
        unknown = [t for t in tokens if t.kind == "unknown"]
        if unknown:
            for tok in unknown:
                self.problems.append(Problem(tok.start, tok.end, f"unknown macro \\{tok.text}"))
            return Term(None, start, end)
        ctx = _Context(self.functions, [], self.env_inner, self.labels, self.transpose_t, self.conditioned,
                       self.layers, self.steps, e_name=self.e_name, matrices=self.matrices)
        try:
            expr = _ExprParser(tokens, ctx).parse_all(tokens[0])
        except _Fail as fail:
            self.problems.append(Problem(fail.start, fail.end, fail.message))
            return Term(None, start, end)
        except RecursionError:
            self.problems.append(Problem(start, end, "expression nested too deeply"))
            return Term(None, start, end)
        except Exception as exc:  # noqa: BLE001 - SymPy constructors raise many types on odd input;
            # document content must never crash the checker, and the message keeps the cause visible.
            message = f"{INTERNAL_ERROR}: {type(exc).__name__}: {exc}"
            self.problems.append(Problem(start, end, message))
            return Term(None, start, end)
        too_large = limits.too_large(expr)
        if too_large:  # (x^{1000})^{1000}: SymPy combined the powers; the time budget could not stop its use
            self.problems.append(Problem(start, end, too_large))
            return Term(None, start, end)
        wrappers = tuple(dict.fromkeys(t.arg for t in tokens if t.kind == "macro" and t.text in BOLD and t.arg))
        return Term(expr, start, end, wrappers, tuple(dict.fromkeys(ctx.readings)))


#: Words set in ``\text{…}`` that are prose even right before a relation (``\text{where} = …`` is a typo'd sentence).
_PROSE_WORDS = frozenset({"where", "with", "for", "and", "if", "when", "so", "then", "hence", "thus", "since", "as",
                          "or", "by", "let", "i.e.", "e.g."})

#: Words of a sentence that notes type inside the math before what they introduce (``Let\\space u = …``).
_LEAD_WORDS = frozenset({"let", "where", "with", "then", "thus", "hence", "since", "so"})


def _hypothesis_label(tokens: list[Token]) -> int:
    r"""How many tokens at the start label a statistical hypothesis: ``H_0:``, ``H_{1}:``, ``H_a:``, ``H_A :``,
    ``\mathcal{H}_0:`` (and the colon); 0 if none."""
    def label(tok: Token) -> bool:
        return tok.kind == "num" and tok.text in ("0", "1", "2") or tok.kind == "letter" and tok.text in ("a", "A")
    if len(tokens) < 4 or not (tokens[0].kind == "letter" and tokens[0].text == "H"
                               or tokens[0].kind == "raw" and tokens[0].arg == "H") or not tokens[1].is_char("_"):
        return 0
    if label(tokens[2]):
        k = 3
    elif len(tokens) > 5 and tokens[2].kind == "lbrace" and label(tokens[3]) and tokens[4].kind == "rbrace":
        k = 5
    else:
        return 0
    return k + 1 if tokens[k].is_char(":") or tokens[k].kind == "rel" and tokens[k].text == ":" else 0


def _remark_row(statement: _RawStatement) -> str:
    """The word of prose set in the math (``Пусть``, ``Let``) the statement opens with, a remark on a row of its own
    between the rows of a chain (a substitution named, "let u = …, du = …"); empty if none."""
    first = statement.terms[0] if statement.terms else []
    if first and first[0].kind == "word":
        return first[0].text
    return "".join(t.text for t in first[:_leading_word(first)])


def _listed_consequences(statements: list[_RawStatement], text: str) -> str:
    """``\\therefore`` (or ``\\because``) opening a row that lists several statements ("∴ wᵀx⁺ = 1 − b, wᵀx⁻ = −1 − b"):
    facts noted beside the chain, which the rows after go on with; empty if the row is not such a list. (A row
    ``∴ x &= 5`` alone may start the chain the next rows continue, and keeps its reading.)"""
    first = statements[0]
    if len(statements) < 2 or first.terms[0] or not first.rel_tokens:
        return ""
    word = text[first.rel_tokens[0].start:first.rel_tokens[0].end]
    return word if word in ("\\therefore", "\\because") else ""


def _leading_word(tokens: list[Token]) -> int:
    """How many letter tokens at the start spell one of :data:`_LEAD_WORDS`, followed by a space and more; 0 if
    none. A product ``l·e·t`` is nothing a derivation writes."""
    n = 0
    while n < len(tokens) and tokens[n].kind == "letter" and (n == 0 or tokens[n - 1].end == tokens[n].start):
        n += 1
    word = "".join(t.text for t in tokens[:n]).lower()
    if word not in _LEAD_WORDS or n >= len(tokens) or tokens[n].start == tokens[n - 1].end:
        return 0
    return n


def _objective_named(tokens: list[Token]) -> bool:
    """Does the first side start with the task (``\\min``, ``\\max``, ``\\text{minimize}``) before a call ``f(…)``,
    with no variable under it? Then the statement defines the objective; ``\\min_x f(x) = 0`` (its least value)
    and ``\\min(a, b)`` keep their operator."""
    if len(tokens) < 3 or tokens[1].kind != "letter" or not tokens[2].is_char("("):
        return False
    first = tokens[0]
    return (first.kind == "macro" and first.text in ("min", "max")) \
        or (first.kind == "raw" and (first.arg or "").strip().lower() in ("minimize", "maximize", "min", "max"))


def _at_statement_start(current: list[Token]) -> bool:
    return not current or (len(current) == 1 and current[0].is_macro("{", "lbrace") and current[0].side == "open")


def _matching_end(tokens: list[Token], i: int) -> int:
    """Index after the ``\\end`` that closes the ``\\begin`` at ``tokens[i]`` (or the end)."""
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j].kind == "begin":
            depth += 1
        elif tokens[j].kind == "end":
            depth -= 1
            if depth == 0:
                return j + 1
    return len(tokens)


def _composite(args: list[sp.Expr], var: sp.Symbol) -> bool:
    """Is a call's one argument an expression in the variable (``f(g(x))`` under d/dx), not the variable itself?
    Then the derivative is of the composition (the chain rule), not the function's own at that point."""
    return len(args) == 1 and not isinstance(args[0], sp.Symbol) and var in args[0].free_symbols


def _closing(tokens: list[Token]) -> int | None:
    """Index of the parenthesis or bracket that closes the one at ``tokens[0]``, None if it stays open."""
    depth = 0
    for j, tok in enumerate(tokens):
        depth += tok.is_char("(", "[") - tok.is_char(")", "]")
        if depth == 0:
            return j
    return None


def _expects_operand(current: list[Token]) -> bool:
    r"""True when the statement so far ends where an operand must follow (``\eta = \text{lr}``)."""
    if not current:
        return False
    last = current[-1]
    return last.kind in ("rel", "lbrace") or _is_binary_op(last) or last.is_char("(", "[", "^", "_")


# ==================================================================================================
# Names
# ==================================================================================================

_CONTROL_WORD_END = re.compile(r"\\[A-Za-z]+$")
_REL_SPELLING = {"<=": r"\le", ">=": r"\ge", "!=": r"\ne", "in": r"\in", "->": r"\to", "approx": r"\approx"}


def _without_equation_numbers(tokens: list[Token], text: str) -> list[Token]:
    r"""The tokens without the equation numbers typed by hand at the end of a row: ``\frac{ds}{da_0} = 1 (3)``
    (a space, a bracketed number, then the end of the row or block). Read as a factor, the number made a true
    line false; a row ending so with a relation in it is numbered, never multiplied. ``f(3)``, ``2(3)`` without
    the space, and a bracket that is not last, stay as they are."""
    drop: set[int] = set()
    row_start = 0
    for k, tok in enumerate([*tokens, None]):
        if tok is not None and tok.kind != "newline":
            continue
        end = k
        while end > row_start and tokens[end - 1].is_char(",", ".", ";"):
            end -= 1
        if end - row_start >= 5 and tokens[end - 3].is_char("(") and tokens[end - 2].kind == "num" \
                and tokens[end - 1].is_char(")") and _EQUATION_NUMBER.fullmatch(tokens[end - 2].text) \
                and tokens[end - 3].start > 0 and text[tokens[end - 3].start - 1].isspace() \
                and any(t.kind == "rel" for t in tokens[row_start:end - 3]) \
                and not tokens[end - 4].is_char("+", "-", "*", "/", "(", "^", "_") and tokens[end - 4].kind != "rel":
            drop.update(range(end - 3, end))
        row_start = k + 1
    return [t for j, t in enumerate(tokens) if j not in drop] if drop else tokens


#: What a hand-typed equation number looks like: ``3``, ``12``, ``2.4`` (a chapter and its equation); never ``0.5``.
_EQUATION_NUMBER = re.compile(r"[1-9]\d{0,2}(?:\.[1-9]\d?)?")


def _cells(body: list[Token]) -> list[list[list[Token]]]:
    """The rows of an environment's body, each a list of its cells (split at ``\\\\`` and ``&`` outside any group), a
    trailing ``\\\\`` dropped: the shape both a matrix and a ``cases`` are read from."""
    rows: list[list[list[Token]]] = [[[]]]
    for t, depth in zip(body, _depths(body)):
        if depth == 0 and t.kind == "newline":
            rows.append([[]])
        elif depth == 0 and t.is_char("&"):
            rows[-1].append([])
        else:
            rows[-1][-1].append(t)
    if len(rows) > 1 and rows[-1] == [[]]:
        rows.pop()  # a trailing \\
    return rows


def _trimmed(tokens: list[Token]) -> list[Token]:
    """A row's piece without the punctuation that ends it in the sentence (``x^2,`` → ``x^2``)."""
    while tokens and tokens[-1].is_char(",", ".", ";"):
        tokens = tokens[:-1]
    return tokens


def render_tokens(tokens: list[Token]) -> str:
    r"""Canonical LaTeX of a token list, as used inside names: ``t - 1`` -> ``t-1``, ``\epsilon`` ->
    ``\varepsilon``, ``\mathbf{w}`` -> ``w``, ``_1`` -> ``_{1}``, ``\hat m`` -> ``\hat{m}``."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        piece, i = _render_one(tokens, i)
        if piece and out and _CONTROL_WORD_END.search(out[-1]) and piece[0].isalnum():
            out.append(" ")
        out.append(piece)
    return "".join(out)


def _render_one(tokens: list[Token], i: int) -> tuple[str, int]:
    """Render the token at ``i`` (with its argument when it takes one); return the next index."""
    tok = tokens[i]
    kind, text = tok.kind, tok.text
    if kind in ("letter", "num", "word"):
        return text, i + 1
    if kind == "char" and text in "_^":
        stop = arg_span(tokens, i + 1)
        if stop is None:
            return text, i + 1
        return text + "{" + render_tokens(inner(tokens, i + 1, stop)) + "}", stop
    if kind == "char":
        return text, i + 1
    if kind == "lbrace":
        close = matching_brace(tokens, i)
        if close is None:
            return "{", i + 1
        return "{" + render_tokens(tokens[i + 1:close]) + "}", close + 1
    if kind == "rel":
        return _REL_SPELLING.get(text, text), i + 1
    if kind == "raw":
        arg = (tok.arg or "").strip()
        if text in ALPHABET_MACROS or text == "mathbb":
            return f"\\{text}{{{arg}}}", i + 1
        return f"\\text{{{arg}}}", i + 1
    if kind == "dots":
        return r"\dots", i + 1
    if kind == "macro" and (text in BOLD or text in ACCENTS):
        stop = arg_span(tokens, i + 1)
        if stop is None:
            return "", i + 1
        body = render_tokens(inner(tokens, i + 1, stop))
        return (body if text in BOLD else f"\\{ACCENTS[text]}{{{body}}}"), stop
    if kind == "macro":
        return "\\" + GREEK.get(text, text), i + 1
    return ("\\" + text if kind == "unknown" else text), i + 1


@dataclass
class _Name:
    """A variable or function name being read: ``\\hat{m}`` + ``'`` + ``_{t}`` + ``^{(k)}``."""

    core: str          # r"\hat{m}", "w", r"\mathcal{L}", r"\mathrm{lr}"
    base: str          # the core without accents: what the function table is keyed on
    latin: bool        # a plain Latin letter (perhaps bold): ``^T`` after it is a transpose
    at: Token
    sub: list[Token] | None = None
    primes: int = 0
    mark: str | None = None   # "(t)" for iteration superscripts, "*" for optima, "\\text{max}" for labels
    mark_tokens: list[Token] = field(default_factory=list)
    vector: bool = False  # written bold or with an arrow (\mathbf{x}, \boldsymbol{\theta}, \vec v): no power T

    def stem(self) -> str:
        return self.core + "'" * self.primes

    def canonical(self) -> str:
        name = self.stem()
        if self.sub is not None:
            name += "_{" + _label_word(render_tokens(self.sub)) + "}"
        if self.mark is not None:
            name += "^{" + self.mark + "}"
        return name


#: Words that label a quantity in a subscript (λ_min, η_opt, w_init), in whatever font they are written.
_LABEL_WORDS = frozenset({"min", "max", "opt", "init", "best", "new", "old", "avg", "train", "test", "val"})
_LABEL_SPELLING = re.compile(r"\\(?:text|mathrm|operatorname|textrm|rm)\s*\{\s*([A-Za-z]+)\s*\}|\\([A-Za-z]+)|([A-Za-z]+)")


def _label_word(sub: str) -> str:
    """``\\min``, ``min``, ``\\text{min}``, ``\\mathrm{min}`` in a subscript are one label, ``\\text{min}``: notes
    write ``\\lambda_{\\min}`` in one line and ``\\lambda_{min}`` in the next for the same eigenvalue. Any other word
    set upright (``R_\\text{sq}``) is the same name as the word in italics (``R_{sq}``), the spelling a later line uses."""
    m = _LABEL_SPELLING.fullmatch(sub.strip())
    word = next((g for g in m.groups() if g), None) if m else None
    if word in _LABEL_WORDS:
        return f"\\text{{{word}}}"
    if m and m.group(1) and len(word or "") > 1:
        return m.group(1)  # R_\text{sq} and R_{sq}: one name, upright or not (one letter upright may be an index)
    return sub


def _mark_then_power(arg: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """``(t)^2`` in a superscript: the bracketed step mark, and the power that follows it (from ``^``).
    Only a mark that reads as a step (``(t)``, ``(k+1)``, ``(0)``) qualifies: ``e^{(h+1)^2}`` is a power."""
    if len(arg) < 5 or not arg[0].is_char("("):
        return None
    close = next((j for j, t in enumerate(arg) if t.is_char(")")), None)
    inside = "".join(t.text for t in arg[1:close]) if close else ""
    if not re.fullmatch(r"(?:[tknijs]|\\tau)(?:[-+]\d+)?|\d+", inside):
        return None
    depth = 0
    for j, tok in enumerate(arg):
        depth += 1 if tok.is_char("(") else -1 if tok.is_char(")") else 0
        if depth == 0:
            rest = arg[j + 1:]
            if j >= 2 and len(rest) >= 2 and rest[0].is_char("^"):
                return arg[:j + 1], rest
            return None
    return None


#: Relations a qualifier states of a name: a set it lies in, a bound, an exclusion (never an equality).
_QUALIFYING = frozenset({"in", "notin", "<", ">", "<=", ">=", "!=", "subset", "subseteq"})


class NamedPointLimit(sp.Limit):
    """A limit towards a name (``\\lim_{x_B → x_A}``). Putting a definition in may make its point its own variable
    (``F'(a) = \\lim_{a→x} …`` called at x gives x → x), which SymPy refuses with an exception: that limit is left
    an opaque value instead, so a link that reads it is undecided, not a checker error."""

    def __new__(cls, e, z, z0, dir="+"):  # type: ignore[no-untyped-def]
        if z == z0:
            return sp.Function("\\lim")(e, z)
        return super().__new__(cls, e, z, z0, dir)


def _qualifier(toks: list[Token], depths: list[int], start: int) -> bool:
    """Do the tokens from ``start`` to the end of the row (past separators and spacing) state one relation that
    qualifies (``x ∈ [0, 3]``, ``x > 0``) and nothing else at the top level?"""
    rels = [t for t, d in zip(toks[start:], depths[start:]) if d == 0 and t.kind == "rel"]
    rest = [t for t in toks[start:] if t.kind != "sep"]
    return len(rels) == 1 and rels[0].text in _QUALIFYING and bool(rest) and rest[0].kind == "letter"


#: First words of a reason written beside a row (``&& \text{since } f(x) = x^2``, ``\quad \text{using } …``).
_REASON_WORDS = frozenset({"since", "because", "using", "by", "as", "from", "defining", "replacing", "with", "where",
                           "just", "note", "here", "for", "if", "when", "thanks", "applying"})


def _annotation(toks: list[Token], start: int) -> bool:
    r"""Does the rest of the row, past alignment points and spacing, open with a reason in words (``\text{since }``)?
    What it writes (``f(x) = x^2``) explains the row: the next row goes on from the chain, not from it."""
    rest = [t for t in toks[start:] if not (t.is_char("&") or t.kind == "sep")]
    if not rest or rest[0].kind != "raw" or rest[0].text not in TEXT_MACROS:
        return False
    words = (rest[0].arg or "").strip().lower().split()
    return bool(words) and words[0].strip(",.:") in _REASON_WORDS


def _superscript_kind(arg: list[Token]) -> str:
    r"""What a superscript means: a power, or a mark that belongs to the name (``(t)``, ``*``, ``'``),
    or a transpose (``\top``; a bare ``T`` is decided by the caller)."""
    if len(arg) == 4 and arg[0].kind == "macro" and arg[0].text in BOLD and arg[1].kind == "lbrace" \
            and arg[2].kind == "letter" and arg[2].text == "T" and arg[3].kind == "rbrace":
        return "transpose"  # x^{\mathbf{T}}: a styled T, as \mathrm{T} is; a power would not be set in bold
    if len(arg) == 1:
        tok = arg[0]
        if tok.is_char("*") or tok.is_macro("star", "ast"):
            return "star"
        if tok.is_macro("top", "intercal") or (tok.kind == "raw" and (tok.arg or "").strip() == "T"):
            return "transpose"
        if tok.kind == "letter" and tok.text == "T":
            return "T"
    if arg and all(t.is_macro("prime") or t.is_char("'") for t in arg):
        return "prime"
    if arg and all(t.kind == "raw" and (t.text in TEXT_MACROS or t.text in UPRIGHT_MACROS) for t in arg):
        return "label"  # v^{\text{max}}: a name, not a power
    if len(arg) == 1 and arg[0].is_macro("max", "min"):
        return "label"
    if len(arg) == 1 and arg[0].is_char("+", "-"):
        return "label"  # x^+, θ^{-}: the next iterate, a positive or negative part; nothing is raised to "+"
    if len(arg) >= 4 and all(t.kind == "letter" for t in arg) and all(a.end == b.start for a, b in zip(arg, arg[1:])):
        return "label"  # v^{corrected}: a word of four letters or more is a label; no note means c·o·r·r·e·c·t·e·d
    if len(arg) > 1 and all(t.kind == "letter" for t in arg):
        return "word"  # v^{max}: a label or a power of a product? ambiguous
    if len(arg) > 2 and arg[0].is_char("(") and arg[-1].is_char(")") and _wraps(arg):
        return "iteration"
    if len(arg) > 2 and arg[0].is_char("[") and arg[-1].is_char("]") and _wraps(arg, "[", "]"):
        return "iteration"  # x^{[k]}: the bracketed step index of Goodfellow et al. and many slides
    if len(arg) > 1 and arg[0].is_macro("circ"):
        return "hadamard"
    return "power"


_LATIN_NAME = re.compile(r"(?:\\[a-z]+\{)*[A-Za-z](?![A-Za-z])")


def _latin_name(base: sp.Expr) -> bool:
    r"""A quantity named by one Latin letter, perhaps marked (``x^*``, ``\hat{x}_k``): written in parentheses and
    transposed (``(x^*)^T b``), it is read as the bare letter is (``x^T``: a transpose)."""
    return isinstance(base, sp.Symbol) and _LATIN_NAME.match(base.name) is not None


def _capital_name(x: sp.Basic) -> bool:
    """A Latin capital (``A``, ``X_t``, ``\\mathbf{X}``): how notes write a matrix."""
    match = _LATIN_NAME.match(x.name) if isinstance(x, sp.Symbol) else None
    return match is not None and match.group(0)[-1].isupper()


def _parameter_vector(base: sp.Expr) -> bool:
    r"""``θ`` (bare or with a step, ``θ^{(t)}``): the parameter vector of a model, transposed in ``θ^T x`` whatever
    ``T`` is elsewhere in the notes; nobody raises the parameters to a power."""
    return isinstance(base, sp.Symbol) and re.match(r"\\(?:boldsymbol\{)?theta(?![A-Za-z])", base.name) is not None


def _hessian_in(factor: sp.Expr) -> bool:
    r"""``\nabla^2 f(x)`` among the factors between the two copies of a quadratic form: a matrix."""
    return any(mark in str(f) for f in factor.atoms(sp.Function, sp.Symbol) for mark in ("nabla^{2}", "nabla^2"))


def _is_gradient(base: sp.Expr) -> bool:
    r"""``\nabla f(x)``, ``\nabla_w L(w)``, ``\nabla (…)``: a gradient is a vector, never raised to a power ``T``."""
    return isinstance(base, Gradient) or (isinstance(base, sp.Function) and str(base.func).startswith("\\nabla"))


def _wraps(arg: list[Token], opening: str = "(", closing: str = ")") -> bool:
    """The first ``(`` closes at the last token (``(t)``, not ``(a)(b)``)."""
    depth = 0
    for k, tok in enumerate(arg):
        if tok.is_char(opening):
            depth += 1
        elif tok.is_char(closing):
            depth -= 1
            if depth == 0 and k != len(arg) - 1:
                return False
    return depth == 0


# ==================================================================================================
# Expressions
# ==================================================================================================

@dataclass
class _Context:
    """What nested parsers share: the function table and the variables bound by enclosing sums."""

    functions: frozenset[str]
    bound: list[sp.Symbol] = field(default_factory=list)
    envs: dict[int, list[Token]] = field(default_factory=dict)  # tokens of environments inside expressions
    labels: set[int] = field(default_factory=set)  # offsets of plain words read as labels (v^{corrected})
    transpose_t: bool = False  # the document never uses T as a quantity: a^T b is a transpose
    # letters the block writes with a conditioning bar (p(y | x)): their plain calls p(x) are probabilities too
    conditioned: frozenset[str] = frozenset()
    layers: frozenset[str] = frozenset()  # superscript letters that label layers here (z_j^L, a^{l-1})
    # names whose plain superscripts count steps (\mathbf{x}^k, x^0; h^k, w^1 where h^k = βh^{k-1} + … and h^1 are
    # written), as :func:`.step_superscripts.key` keeps them
    steps: frozenset[str] = frozenset()
    # readings by typesetting convention that the side needed (\log ab as log(ab)): a link they decide false is
    # only "false if …", since the author may have meant the other reading (:data:`Term.readings`)
    readings: list[str] = field(default_factory=list)
    e_name: bool = False  # the document names a quantity e (e = y − ŷ, an error): e^2 is its square, not exp(2)
    # names the document gave a written matrix before this block (A = [[4, 2], [1, 3]]): what \det(A − λI) and
    # \operatorname{tr}(A) are computed from
    matrices: Mapping[sp.Symbol, sp.Expr] = field(default_factory=dict)


#: Matrix environments read as vectors and matrices of their entries (``vmatrix`` is a determinant: not these).
_MATRIX_ENVS: frozenset[str] = frozenset({"bmatrix", "pmatrix", "matrix", "Bmatrix", "bmatrix*", "pmatrix*", "array"})

_OPEN_KIND = {("char", "("): ")", ("char", "["): "]", ("macro", "lparen"): ")", ("macro", "lbrack"): "]",
              ("macro", "{"): "}", ("macro", "lbrace"): "}"}
_CLOSE_KIND = {("char", ")"): ")", ("char", "]"): "]", ("macro", "rparen"): ")", ("macro", "rbrack"): "]",
               ("macro", "}"): "}", ("macro", "rbrace"): "}"}


#: TeX's infix commands that split their whole group in two: ``{a \\over b}`` and ``{n \\choose k}``.
_INFIX = ("over", "choose")


def _top_level_infix(tokens: list[Token]) -> int | None:
    """The index of a ``\\over`` or ``\\choose`` outside every inner brace group of ``tokens``, if there is one."""
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.kind == "lbrace":
            depth += 1
        elif tok.kind == "rbrace":
            depth -= 1
        elif depth == 0 and tok.text in _INFIX and tok.kind not in ("letter", "word", "num"):
            return i
    return None


def _describe(tok: Token) -> str:
    if tok.kind in ("macro", "unknown"):
        return "\\" + tok.text
    if tok.kind == "raw":
        return f"\\{tok.text}{{{tok.arg}}}"
    if tok.kind == "newline":
        return "\\\\"
    return f"'{tok.text}'"


class _ExprParser:
    """Recursive descent over the tokens of one side of a relation.

    expr    := product (('+' | '-') product)*
    product := signed (('\\cdot' | '\\times' | '/' | juxtaposition) signed)*
    signed  := ('-' | '+') signed | factor
    factor  := primary ('^' arg | '!')*
    primary := number | name [call] | group | |x| | \\|x\\| | \\frac | \\sqrt | \\sum | \\nabla … | …
    """

    def __init__(self, tokens: list[Token], ctx: _Context) -> None:
        self.toks = _signed_exponents(_unbraced_nabla(_bold_scripts_out(_braced_scripts(_font_groups(_over_as_frac(list(tokens)))))))  # own copy: \frac12 splits a number token in place
        self.pos = 0
        self.ctx = ctx
        self.bars = 0   # |…| being read: a bare '|' closes instead of opening
        self.norms = 0  # \|…\| being read
        self.given = False  # reading what a \mid conditions (p(y \mid x), E[y \mid x]): the \mid ends it
        self.given_bar = False  # in this group a single bare | is the conditioning bar (p(a | s))

    # -- stream ------------------------------------------------------------------------------------

    def peek(self, k: int = 0) -> Token | None:
        j = self.pos + k
        return self.toks[j] if j < len(self.toks) else None

    def next(self) -> Token:
        tok = self.toks[self.pos]
        self.pos += 1
        return tok

    def at_end(self) -> bool:
        return self.pos >= len(self.toks)

    def last(self) -> Token:
        return self.toks[min(self.pos, len(self.toks)) - 1]

    @staticmethod
    def fail(tok: Token, message: str) -> NoReturn:
        raise _Fail(tok.start, tok.end, message)

    def sub(self, tokens: list[Token]) -> _ExprParser:
        return _ExprParser(tokens, self.ctx)

    def parse_all(self, at: Token) -> sp.Expr:
        """The whole token list as one expression (``at`` locates an empty list)."""
        if not self.toks:
            self.fail(at, "empty expression")
        over = _top_level_infix(self.toks)
        if over is not None:  # {a \over b}, {n \choose k}: TeX's infix commands take their whole group
            numerator, denominator = self.toks[:over], self.toks[over + 1:]
            infix = self.toks[over]
            if not numerator or not denominator:
                self.fail(infix, f"\\{infix.text} needs something on each side")
            bottom = self.sub(denominator).parse_all(infix)
            top = self.sub(numerator).parse_all(at)
            self.pos = len(self.toks)
            if infix.text == "choose":
                too_large = limits.binomial(top, bottom)
                if too_large:
                    self.fail(infix, too_large)
                return sp.binomial(top, bottom)
            if bottom == 0:
                self.fail(infix, "division by zero")
            return top / bottom
        value = self.expr()
        if not self.at_end():
            tok = self.toks[self.pos]
            if tok.kind == "rel":
                self.fail(tok, "a relation inside a group is not modelled")
            if tok.is_char(","):
                self.fail(tok, LIST_OF_VALUES)
            self.fail(tok, f"unexpected {_describe(tok)}")
        return value

    def arg(self) -> tuple[list[Token], Token]:
        """A TeX argument: ``{…}``, one digit of a number (``\\frac12``), or one token."""
        tok = self.peek()
        if tok is None:
            self.fail(self.last(), "missing argument")
        if tok.kind == "lbrace":
            close = matching_brace(self.toks, self.pos)
            if close is None:
                self.fail(tok, "unbalanced '{'")
            body = self.toks[self.pos + 1:close]
            self.pos = close + 1
            return body, tok
        if tok.kind == "num" and len(tok.text) > 1:
            head = Token("num", tok.text[0], tok.start, tok.start + 1)
            self.toks[self.pos] = Token("num", tok.text[1:], tok.start + 1, tok.end)
            return [head], head
        if tok.kind in ("rbrace", "rel") or tok.is_char(")", "]", ",", "&", "^", "_"):
            self.fail(tok, "missing argument")
        after = self.peek(1)
        if tok.kind == "macro" and (tok.text in BOLD or tok.text in ACCENTS) and after is not None \
                and after.kind == "lbrace":
            # \nabla_\mathbf{w}, x_\hat{k}: TeX hands the bold or accent command its group, so the argument is both
            close = matching_brace(self.toks, self.pos + 1)
            if close is None:
                self.fail(after, "unbalanced '{'")
            body = self.toks[self.pos:close + 1]
            self.pos = close + 1
            return body, tok
        self.pos += 1
        return [tok], tok

    def peek_arg(self) -> tuple[list[Token], int] | None:
        """The next argument without consuming it (numbers are not split)."""
        stop = arg_span(self.toks, self.pos)
        if stop is None:
            return None
        return inner(self.toks, self.pos, stop), stop

    def parse_arg(self) -> sp.Expr:
        tokens, at = self.arg()
        return self.sub(tokens).parse_all(at)

    # -- grammar -----------------------------------------------------------------------------------

    def expr(self) -> sp.Expr:
        terms = [self.product()]
        while (tok := self.peek()) is not None and (tok.is_char("+", "-") or _sign_macro(tok)):
            self.pos += 1
            term = self.product()
            terms.append(-term if tok.text == "-" else PLUS_MINUS * term if tok.text == "pm"
                         else -PLUS_MINUS * term if tok.text == "mp" else term)
        return sp.Add(*terms)

    def product(self) -> sp.Expr:
        factors = [self.signed()]
        after_division = False
        while (tok := self.peek()) is not None:
            if (tok.is_char("|") or tok.kind == "macro" and tok.text in ("vert", "rvert")) \
                    and (nxt := self.peek(1)) is not None and (nxt.is_char("_") or nxt.is_char("^")
                                                               and self.bounds_upper_first()):
                factors = [self.evaluated(sp.Mul(*factors), tok)]
                after_division = False
                continue
            if (tok.is_char("|") or tok.kind == "macro" and tok.text in ("vert", "rvert")) and self.bars == 0 \
                    and (nxt := self.peek(1)) is not None and nxt.kind == "letter" \
                    and self.point_ends_side() and self.differentiates(sp.Mul(*factors)):
                factors = [self.evaluated_at_name(sp.Mul(*factors), tok)]  # … \vert x_0 at the end of the side
                continue
            if tok.is_macro("circ") and factors and self.function_name(factors[-1]) \
                    and (nxt := self.peek(1)) is not None and nxt.kind == "letter" and nxt.text in self.ctx.functions:
                # f \circ g with f, g functions and no argument: the composition itself, not a product (nor f·g)
                self.fail(tok, "a composition of functions written without an argument is not modelled")
            if tok.is_char("*") or (tok.kind == "macro" and tok.text in MUL_MACROS):
                crossed = tok.kind == "macro" and tok.text == "times" and bool(factors) and (
                    isinstance(factors[-1], Coords) or self.vector_before(self.pos))
                self.pos += 1
                marked = self.vector_at(self.pos)
                factor = self.signed()
                crossed = crossed and (isinstance(factor, Coords) or marked and not isinstance(factor, (Rows, sp.Number)))
                elementwise = self.hadamard_of(factors, factor) if tok.kind == "macro" and tok.text in ("odot", "circ") \
                    else None  # [0.79 0.75] ⊙ [0.098 0.16]: entry by entry (as one product it was an inner product)
                if crossed:
                    factors[-1] = Cross(factors[-1], factor)  # \mathbf{p} \times \mathbf{q}: a cross product
                elif elementwise is not None:
                    factors = [elementwise]
                else:
                    factors.append(factor)
                after_division = False
            elif tok.is_char("/") or (tok.kind == "macro" and tok.text in DIV_MACROS):
                self.pos += 1
                denominator = self.signed()
                if denominator == 0:
                    self.fail(tok, "division by zero")
                factors.append(sp.Pow(denominator, -1))
                after_division = True
            elif self.starts_factor(tok):
                if tok.kind == "raw" and tok.text in TEXT_MACROS and not _ACRONYM.fullmatch((tok.arg or "").strip()) \
                        and (tok.arg or "") not in _PARTS \
                        and not (self.peek(1) is not None and self.peek(1).is_char("_")):
                    # (β_1\text{Degree}_i: a word with a subscript is a variable, read as a name below)
                    self.fail(tok, "text inside an expression is not modelled")
                if after_division:
                    self.fail(tok, "ambiguous 'a/b c': write \\frac or add parentheses")
                after = self.peek(1)
                before = self.toks[self.pos - 1] if self.pos else None
                closed = before is not None and (before.is_char(")") or before.is_char("]")
                                                 or before.kind == "macro" and before.text in (r"\right", r"\bigr", r"\Bigr"))
                if tok.kind == "num" and not (after is not None and after.is_char("^")) \
                        and not (closed and "." not in tok.text):
                    # "x 2" is ambiguous (x·2? x_2?); "x 2^{t}" is not, and it is how 2^t·x prints; nor is
                    # "(w x_i − y_i) 1", the chain rule's inner derivative written after its bracket
                    self.fail(tok, "a number written after a factor is ambiguous")
                factors.append(self.factor())
            else:
                break
        if len(factors) > 1 and sum(limits.number_bits(f) for f in factors) > limits.MAX_BITS:
            self.fail(self.last(), "the product of the numbers here is too large to handle")
        return sp.Mul(*self.matrix_products(factors))

    def vector_at(self, pos: int) -> bool:
        r"""Does a vector's mark start at token ``pos`` (``\mathbf{q}``, ``\vec q``, ``\boldsymbol{q}``, ``\bm q``)?"""
        tok = self.toks[pos] if 0 <= pos < len(self.toks) else None
        return tok is not None and tok.kind in ("macro", "raw") and tok.text in _VECTOR_MARKS

    def vector_before(self, pos: int) -> bool:
        r"""Does a marked vector (``\mathbf{p}``, ``\vec{p}``) end right before token ``pos``?"""
        k = pos - 1
        if k < 0:
            return False
        if self.toks[k].kind == "rbrace":
            depth = 0
            while k >= 0:
                depth += self.toks[k].kind == "rbrace"
                depth -= self.toks[k].kind == "lbrace"
                if depth == 0:
                    break
                k -= 1
            return self.vector_at(k - 1)
        return self.vector_at(k - 1)  # \vec p

    def function_name(self, expr: sp.Expr) -> bool:
        """Is ``expr`` a bare letter the block reads as a function (``f`` of ``f(x) = x + 1``), or an iterate of one
        (``f^2``), with no argument?"""
        if isinstance(expr, sp.Pow):
            expr = expr.base
        return isinstance(expr, sp.Symbol) and expr.name in self.ctx.functions

    def hadamard_of(self, factors: list[sp.Expr], right: sp.Expr) -> sp.Expr | None:
        """``(δ_2 W_2^⊤) ⊙ f'(z)`` with the tuples written: the product so far (written matrices multiplied in the
        written order, numbers in) entry by entry with ``right`` when both have one shape; else None."""
        so_far = self.matrix_products(factors)
        tuples = [f for f in so_far if shape(f) is not None]
        if len(tuples) != 1 or any(not f.is_number for f in so_far if f is not tuples[0]):
            return None
        scale = sp.Mul(*(f for f in so_far if f is not tuples[0]))
        product = hadamard(tuples[0], right)
        if product is None:
            return None
        return product if scale == 1 else type(product)(*(
            Coords(*(scale * e for e in row.args)) if isinstance(row, Coords) and isinstance(product, Rows)
            else scale * row for row in product.args))

    def matrix_products(self, factors: list[sp.Expr]) -> list[sp.Expr]:
        """Multiply written matrices by the written vector or matrix right after them, in the written order
        (SymPy's product would forget the order). Shapes that do not fit are a problem, not a guess."""
        if not any(isinstance(f, Rows) for f in factors):
            return factors
        out: list[sp.Expr] = []
        for f in factors:
            if out and isinstance(out[-1], Rows) and shape(f) is not None:
                product = matmul(out[-1], f)
                if product is None:
                    self.fail(self.last(), "the shapes of the matrices in this product do not fit")
                out[-1] = product
            elif out and isinstance(out[-1], Coords) and isinstance(f, Rows) \
                    and (row := row_times(out[-1], f)) is not None:
                out[-1] = row  # a written row before a written matrix: a_1 W_2 in a worked forward pass
            else:
                out.append(f)
        return out

    def signed(self) -> sp.Expr:
        tok = self.peek()
        if tok is not None and _sign_macro(tok):
            self.pos += 1
            return (PLUS_MINUS if tok.text == "pm" else -PLUS_MINUS) * self.signed()
        if tok is not None and tok.is_char("-"):
            self.pos += 1
            return -self.signed()
        if tok is not None and tok.is_char("+"):
            self.pos += 1
            return self.signed()
        return self.factor()

    def factor(self) -> sp.Expr:
        start = self.pos
        return self.postfix(self.primary(), start)

    def postfix(self, base: sp.Expr, start: int | None = None) -> sp.Expr:
        end = self.pos  # where the primary ended: a subscript right there is on the whole group
        while (tok := self.peek()) is not None:
            if tok.is_char("^"):
                self.pos += 1
                arg, at = self.arg()
                kind = _superscript_kind(arg)
                if kind == "transpose":
                    continue
                if kind == "T" and isinstance(base, Coords):
                    continue  # (a, b)^T: a written tuple is never raised to a power
                if kind == "T" and _latin_name(base):
                    continue  # (x^*)^T: a Latin letter in parentheses is transposed as the bare letter is (x^T)
                if kind == "T" and self.transposes_before(self.pos, _is_gradient(base) or _parameter_vector(base)):
                    continue  # (Xw − y)^T (Xw − y), ∇f(z)^T p: a product of vectors, in a note where T is no quantity
                if kind == "T" and self.recurs_after(self.pos, base):
                    continue  # (x^*)^T A (x^*), (Xw − y)^T (Xw − y): a quadratic form, whatever T is elsewhere
                if kind == "T":
                    self.fail(at, "ambiguous '^T' (transpose or power?): write ^\\top or ^{T} on a vector name")
                if kind in ("star", "prime", "iteration", "label"):
                    self.fail(at, "a superscript mark on an expression is not modelled")
                if kind == "word":
                    self.fail(at, "ambiguous superscript (a label or a power?): write ^{\\text{…}} or ^{a b}")
                if kind == "hadamard":
                    arg = arg[1:]
                exponent = self.sub(arg).parse_all(at)
                if exponent.has(Prime):
                    self.fail(at, "a superscript mark on an expression is not modelled")  # φ^{(l)'}: a label
                if isinstance(base, sp.Symbol) and base.name == "e" and not (self.ctx.e_name and _small_power(exponent)):
                    base = sp.exp(exponent)  # e^{x}: Euler's number (an iterate e^{(k)} was read as a name before)
                    continue
                base = self.power(base, exponent, at)
            elif tok.kind == "macro" and tok.text == "%" and isinstance(base, sp.Number):
                self.pos += 1
                base = base / 100  # 3/5 = 60\%: a percent is a hundredth
            elif tok.is_char("!"):
                self.pos += 1
                too_large = limits.factorial(base)
                if too_large:
                    self.fail(tok, too_large)
                base = sp.factorial(base)
            elif tok.is_char("_"):
                if start is not None and self.pos == end and (written := self.entry(start, tok)) is not None:
                    base = written  # (Ax)_j, (AB)_{kk}: an entry of a product of matrices and vectors
                    continue
                self.fail(tok, "a subscript on an expression is not modelled")
            elif tok.is_char("'"):
                nxt = self.peek(1)
                if isinstance(base, sp.Symbol) or base.has(Prime) or base.has(sp.Derivative) or (nxt is not None and (
                        nxt.is_char("'") or self.starts_factor(nxt))):  # (y − Xb)'(y − Xb): a transpose
                    self.fail(tok, "a prime on an expression is not modelled")
                self.pos += 1
                base = Prime(base)  # (f g h)': which letters are functions, the statement says (verify)
            else:
                break
        return base

    def entry(self, start: int, under: Token) -> sp.Expr | None:
        r"""``(Ax)_j``: the entry of the parenthesised group ``tokens[start:pos]`` at the subscript after it,
        written out by :mod:`derive.check.entries`; None when the group is not parenthesised (``σ(z)_i``).
        A group that is, but is no product of matrices and vectors, fails with the reason."""
        group = self.toks[start:self.pos]
        if len(group) < 3 or not group[0].is_char("(", "[") or _closing(group) != len(group) - 1:
            return None
        self.pos += 1
        sub, at = self.arg()
        taken = {t.text for t in self.toks if t.kind == "letter"}
        try:
            return entries.entry(group[1:-1], sub, {s.name for s in self.ctx.bound}, taken)
        except entries.NotAnEntry as why:
            self.fail(under, f"a subscript on an expression is not modelled ({why})")

    def unwrap_braced_name(self) -> bool:
        r"""``{ x }_{ new }``, ``{{\theta }_{0}}``, ``{x}^{(i)}``, ``{\theta^T}X``, ``{h_\theta}(x)``: equation editors
        (MathType, Typora) brace every name, and TeX sets ``{x}_{t}`` exactly as ``x_t``. When the group at ``pos``
        holds one name (and at most a trailing ``^T``) and what follows attaches to it (a sub- or superscript,
        a prime, an argument list, a factor), the braces are dropped so the name is read as written bare.
        Never when that would stack two subscripts or two superscripts (``{x_1}_2``, ``{x^*}^2``): those stay
        a group, and a sub- or superscript on a group stays unmodelled."""
        close = matching_brace(self.toks, self.pos)
        if close is None or close + 1 >= len(self.toks):
            return False
        after = self.toks[close + 1]
        attaches = after.is_char("_", "^", "'")
        if not (attaches or self.starts_factor(after)):
            return False  # {x} + …: the group already reads as the name
        body = self.toks[self.pos + 1:close]
        while len(body) > 2 and body[0].kind == "lbrace" and matching_brace(body, 0) == len(body) - 1:
            body = body[1:-1]  # {{x}}_{t}
        if not body or not self.starts_name(body[0]):
            return False
        trial = _ExprParser(body, _Context(self.ctx.functions, list(self.ctx.bound), self.ctx.envs, set(),
                                           self.ctx.transpose_t, layers=self.ctx.layers, steps=self.ctx.steps,
                                           e_name=self.ctx.e_name, matrices=self.ctx.matrices))
        try:
            nm = trial.name()
            if not trial.at_end():  # {\theta^T}: the name, then a transpose mark
                hat = trial.next()
                arg, _ = trial.arg()
                if not (hat.is_char("^") and trial.at_end() and _superscript_kind(arg) in ("T", "transpose")):
                    return False
                if attaches:
                    return False
        except (_Fail, RecursionError):
            return False
        depth = 0
        for tok in body:  # top-level scripts of the body: would the one after the group stack on them?
            depth += tok.kind == "lbrace"
            depth -= tok.kind == "rbrace"
            if depth == 0 and ((after.is_char("_") and tok.is_char("_")) or (after.is_char("^") and tok.is_char("^"))):
                return False
        if after.is_char("_") and nm.sub is not None:
            return False
        self.toks[self.pos:close + 1] = body
        return True

    def transposes_before(self, stop: int, vector: bool = False) -> bool:
        r"""A ``^T`` that ends at ``stop`` is a transpose: the document never uses ``T`` as a quantity (or the base
        is a vector whatever ``T`` is elsewhere, ``vector``: a gradient ``∇f(x)^T``, a bold ``\boldsymbol{θ}^T``;
        nobody raises a vector to a power) and one factor follows that ends the product (``a^T b``,
        ``h(β^T x_i)``, ``∇f(z)^T (y − x)``; a number after it is no vector). Only that shape: ``a^T b = b^T a``
        holds for vectors, so reading it as a product of numbers proves nothing false, while ``u^T A v`` read so
        would prove ``u^T A v = v^T A u`` for every ``A``."""
        after = self.toks[stop] if stop < len(self.toks) else None
        if not ((self.ctx.transpose_t or vector) and after is not None and after.kind != "num"
                and self.starts_factor(after)):
            return False
        trial = _ExprParser(self.toks[stop:], _Context(self.ctx.functions, list(self.ctx.bound), self.ctx.envs,
                                                       set(), self.ctx.transpose_t, layers=self.ctx.layers, steps=self.ctx.steps,
                                                       e_name=self.ctx.e_name, matrices=self.ctx.matrices))
        try:
            trial.factor()
        except (_Fail, RecursionError):
            return False
        rest = trial.peek()
        return rest is None or not (self.starts_factor(rest) or rest.is_char("^", "_", "'"))

    def recurs_after(self, stop: int, base: sp.Expr) -> bool:
        """Is the expression just raised to ``^T`` written again among the next factors, with a matrix (a Latin
        capital) in it or between (``(x - x^*)^T A (x - x^*)``, ``(Xw - y)^T (Xw - y)``)? That is a quadratic form:
        read as a power, ``u^T A u`` would be a power of ``u`` times ``A`` times ``u``, which nobody writes. Without
        a matrix (``(a - b)^T (a - b)``, ``(1 - β)^T (1 - β)``) a power of numbers is as likely: still ambiguous."""
        matrix = any(_capital_name(x) for x in base.free_symbols)
        trial = _ExprParser(self.toks[stop:], _Context(self.ctx.functions, list(self.ctx.bound), self.ctx.envs,
                                                       set(), self.ctx.transpose_t, layers=self.ctx.layers, steps=self.ctx.steps,
                                                       e_name=self.ctx.e_name, matrices=self.ctx.matrices))
        for _ in range(3):
            nxt = trial.peek()
            if nxt is None or nxt.kind == "num" or not self.starts_factor(nxt):
                return False
            try:
                factor = trial.factor()
            except (_Fail, RecursionError):
                return False
            if factor == base:
                return matrix
            matrix = matrix or any(_capital_name(x) for x in factor.free_symbols) or _hessian_in(factor)
        return False

    def power(self, base: sp.Expr, exponent: sp.Expr, at: Token) -> sp.Expr:
        """``base^exponent``, unless SymPy would compute a number no budget can interrupt (10^{10^{10}})."""
        too_large = limits.power(base, exponent)
        if too_large:
            self.fail(at, too_large)
        return sp.Pow(base, exponent)

    def starts_factor(self, tok: Token) -> bool:
        """Can ``tok`` begin an operand (so that juxtaposition means multiplication)?"""
        kind = tok.kind
        if kind in ("letter", "word", "num", "lbrace", "dots", "raw", "env", "unknown", "bad"):
            return True
        if kind == "char":
            if tok.text in "([":
                return True
            if tok.text == "|":
                if self.given and self.given_bar:
                    return False  # p(a | s): the bar ends what is conditioned
                return tok.side == "open" or (tok.side is None and self.bars == 0)
            return False
        if kind != "macro":
            return False
        name = tok.text
        if name in ABS_MACROS:
            side = ABS_MACROS[name] or tok.side
            return side == "open" or (side is None and self.bars == 0)
        if name in NORM_MACROS:
            side = NORM_MACROS[name] or tok.side
            return side == "open" or (side is None and self.norms == 0)
        if name == "mid" and self.given:
            return False
        return not (name in CLOSE_MACROS or name in MUL_MACROS or name in DIV_MACROS
                    or name in ("not", "rangle", "pm", "mp", "rfloor", "rceil"))

    def composition(self) -> sp.Expr | None:
        r"""``(g \circ f)(w, b)``: the composed functions applied to the arguments after the brackets, the last
        one first (``g(f(w, b))``); None when the brackets hold anything but letters joined by ``\circ``."""
        k, names = self.pos + 1, []
        while k + 1 < len(self.toks) and self.toks[k].kind == "letter":
            names.append(self.toks[k].text)
            if not self.toks[k + 1].is_macro("circ"):
                break
            k += 2
        k += 1
        if len(names) < 2 or k + 1 >= len(self.toks) or not self.toks[k].is_char(")") \
                or not self.toks[k + 1].is_char("("):
            return None
        self.pos = k + 1
        value = sp.Function(names[-1])(*self.call_args())
        for name in reversed(names[:-1]):
            value = sp.Function(name)(value)
        return value

    def primary(self) -> sp.Expr:
        tok = self.peek()
        if tok is None:
            self.fail(self.last(), "missing operand")
        kind = tok.kind
        if kind in ("macro", "raw") and (found := optima.head(self.toks, self.pos)) is not None:
            return self.optimum(tok, found)
        if kind == "num":
            too_long = limits.number(tok.text)
            if too_long:
                self.fail(tok, too_long)
            self.pos += 1
            value = Fraction(tok.text)
            return sp.Rational(value.numerator, value.denominator)
        if kind == "dots":
            self.pos += 1
            comma, closing = self.peek(0), self.peek(1)
            if comma is not None and comma.is_char(",") and closing is not None \
                    and (closing.is_char(")", "]") or closing.kind == "rbrace"):
                self.pos += 1  # (g_t^2 + γ g_{t−1}^2 + \ldots, \right): the comma belongs to the ellipsis
            return DOTS
        if kind == "lbrace":
            if self.unwrap_braced_name():
                return self.after_name(self.name())
            return self.parse_arg()
        if kind in ("letter", "word"):
            return self.after_name(self.name())
        if kind == "raw":
            return self.raw(tok)
        if kind == "char":
            if tok.text == "(" and (composed := self.composition()) is not None:
                return composed
            if tok.text in "([":
                return self.delimited()
            if tok.text == "|":
                return self.absolute()
        if kind == "macro":
            return self.macro(tok)
        if kind == "env" and tok.text in _MATRIX_ENVS and tok.start in self.ctx.envs:
            self.pos += 1
            return self.matrix(tok, self.ctx.envs[tok.start])
        if kind == "env" and tok.text in _CASE_ENVS and tok.start in self.ctx.envs:
            self.pos += 1
            return self.cases(tok, self.ctx.envs[tok.start])
        if kind == "env" and tok.text == "vmatrix" and tok.start in self.ctx.envs:
            self.pos += 1  # |A| written as a vmatrix: the determinant of its entries
            return self.of_written_matrix(tok, "det", [self.matrix(tok, self.ctx.envs[tok.start])])
        if kind == "env":
            self.fail(tok, f"\\begin{{{tok.text}}} inside an expression is not modelled")
        if kind == "unknown":
            self.fail(tok, f"unknown macro \\{tok.text}")
        if kind == "rel":
            self.fail(tok, "a relation inside a group is not modelled")
        self.fail(tok, f"unexpected {_describe(tok)}")

    def macro(self, tok: Token) -> sp.Expr:
        """Dispatch on a known macro (the tables of latex_tokens say which family it is in)."""
        name = tok.text
        if name in GREEK or name in LETTER_MACROS or name in ACCENTS:
            return self.after_name(self.name())
        if name in BOLD:
            return self.bold()
        if name == "Pr" and (found := self.probability_of()) is not None:
            return found  # \Pr(X \le x), \Pr(y = 1 | x)
        if name in FRACS:
            return self.fraction()
        if name in BIG_OPS:
            return self.big_operator()
        if name == "lim":
            return self.limit()
        if name == "int":
            return self.integral()
        if name in FUNCTIONS_1:
            self.pos += 1
            return self.function1(tok, name)
        if name in MAX_MIN:
            self.pos += 1
            return self.max_min(tok, name)
        if name in WRAPPERS:
            return self.wrapper()
        if name in OPEN_MACROS:
            return self.delimited()
        if name in ABS_MACROS:
            return self.absolute()
        if name in NORM_MACROS:
            return self.norm()
        if name in _ROUNDINGS:
            return self.rounding(tok, name)
        handler = {
            "sqrt": self.root, "nabla": self.gradient, "partial": self.partial,
            "binom": self.binomial, "dbinom": self.binomial, "tbinom": self.binomial,
            "langle": self.inner_product,
        }.get(name)
        if handler is not None:
            return handler()
        if name == "infty":
            self.pos += 1
            return sp.oo
        if name == "det":
            return self.matrix_operator(tok, "det")
        if name in UNMODELLED:
            self.fail(tok, f"\\{name} ({UNMODELLED[name]}) is not modelled")
        self.fail(tok, f"unexpected {_describe(tok)}")

    # -- names, calls ------------------------------------------------------------------------------

    def starts_name(self, tok: Token) -> bool:
        if tok.kind in ("letter", "word"):
            return True
        if tok.kind == "macro":
            return tok.text in GREEK or tok.text in LETTER_MACROS or tok.text in ACCENTS or tok.text in BOLD
        return tok.kind == "raw" and (tok.text in ALPHABET_MACROS or tok.text in UPRIGHT_MACROS)

    def name(self) -> _Name:
        """Read a name: its core, then primes, a subscript and name-marks (``^{(t)}``, ``^*``)."""
        tok = self.next()
        nm = self.name_core(tok)
        return self.name_suffixes(nm)

    def name_core(self, tok: Token) -> _Name:
        if tok.kind == "letter":
            nm = _Name(tok.text, tok.text, True, tok)
            if (numbered := self.numbered_letter(tok)) is not None:
                nm.sub = [numbered]  # w5, h1, z1: the notes' names, as code spells w_5
            return nm
        if tok.kind == "word":
            return _Name(tok.text, tok.text, False, tok)
        if tok.kind == "raw":
            arg = (tok.arg or "").strip()
            if tok.text in ALPHABET_MACROS:
                core = f"\\{tok.text}{{{arg}}}"
                return _Name(core, core, False, tok)
            if len(arg) == 1 and arg.isalpha():
                return _Name(arg, arg, arg.isascii(), tok)
            return _Name(f"\\mathrm{{{arg}}}", f"\\mathrm{{{arg}}}", False, tok)
        if tok.kind == "macro" and tok.text in GREEK:
            core = "\\" + GREEK[tok.text]
            nxt = self.peek()
            if tok.text == "Delta" and nxt is not None and self.starts_name(nxt):
                inner_name = self.name()  # \Delta w_t is one quantity, the change of w_t
                core = r"\Delta " + inner_name.canonical()
            return _Name(core, core, False, tok)
        if tok.kind == "macro" and tok.text in LETTER_MACROS:
            return _Name("\\" + tok.text, "\\" + tok.text, False, tok)
        if tok.kind == "macro" and (tok.text in ACCENTS or tok.text in BOLD):
            arg, at = self.arg()
            parser = self.sub(arg)
            if not arg:
                self.fail(tok, f"\\{tok.text} of nothing")
            inner_name = parser.name_only(at, f"\\{tok.text} over an expression is not modelled")
            if tok.text in ACCENTS:
                inner_name.core = f"\\{ACCENTS[tok.text]}{{{inner_name.core}}}"
                # \hat{x}^T is a transpose as x^T is; only a Greek letter (\hat\beta^T) stays as it was
            else:
                inner_name.vector = True
            inner_name.at = tok
            return inner_name
        self.fail(tok, f"expected a name, found {_describe(tok)}")

    def numbered_letter(self, tok: Token) -> Token | None:
        """The number glued to a letter that names it (``w5``, ``h1``, ``y12``: notes that spell names as code does),
        consumed; None when there is none. A number after a space (``x 2``), a decimal (``x2.5``), the letter of a
        number's exponent (``1e5``) and Euler's e are not such names."""
        nxt = self.peek()
        before = self.toks[self.pos - 2] if self.pos >= 2 else None
        if nxt is None or nxt.kind != "num" or nxt.start != tok.end or not nxt.text.isdigit() or tok.text == "e" \
                or (before is not None and before.end == tok.start and before.kind in ("num", "letter", "word")):
            return None
        after = self.peek(1)
        if after is not None and after.start == nxt.end and (after.kind in ("num", "letter", "word") or after.is_char(".")):
            return None
        if after is not None and after.is_char("^") and self.pos + 2 < len(self.toks):
            power = self.toks[self.pos + 2]
            close = matching_brace(self.toks, self.pos + 2) if power.kind == "lbrace" else self.pos + 2
            if any(t.kind == "letter" and t.text == tok.text for t in self.toks[self.pos + 2:(close or self.pos + 2) + 1]):
                return None  # n2^n, k3^{k-1}: the letter times a power of the number, not a name n₂ to that power
        self.pos += 1
        return nxt

    def name_only(self, at: Token, message: str) -> _Name:
        """The whole token list as a single name (accent and bold arguments, sum indices)."""
        tok = self.peek()
        if tok is None or not self.starts_name(tok):
            self.fail(at, message)
        nm = self.name()
        if not self.at_end():
            self.fail(self.toks[self.pos], message)
        return nm

    def name_suffixes(self, nm: _Name) -> _Name:
        while (tok := self.peek()) is not None:
            if tok.is_char("'"):
                self.pos += 1
                nm.primes += 1
            elif tok.is_char("_"):
                if nm.sub is not None:
                    self.fail(tok, "double subscript")
                self.pos += 1
                arg, at = self.arg()
                if not arg:
                    self.fail(at, "empty subscript")
                nm.sub = arg
            elif tok.is_char("^"):
                found = self.peek_arg_after(1)
                if found is None:
                    break
                arg, stop = found
                split = _mark_then_power(arg)
                if split is not None and nm.mark is None:
                    # x^{(t)^2}: the iterate x^{(t)}, squared (as notes write (x^{(t)})^2)
                    mark, power = split
                    nm.mark, nm.mark_tokens = render_tokens(mark), mark
                    brace = power[0]
                    self.toks[self.pos:stop] = [brace, Token("lbrace", "{", brace.start, brace.start),
                                                *power[1:], Token("rbrace", "}", brace.end, brace.end)]
                    break
                kind = _superscript_kind(arg)
                if kind == "power" and (layer_labels.is_layer(arg, self.ctx.layers) or layer_labels.is_numbered(
                        nm.core, nm.sub is not None, arg, self.ctx.layers)):
                    kind = "iteration"  # z_j^L, a_k^{L-1} where ∂C/∂z_j^L is written: a layer, not a power (and
                    # a_1^{2} where w_{10}^{1} and w_{10}^{2} are written)
                step = kind == "power" and nm.sub is None and step_superscripts.key(nm.core, nm.vector) in self.ctx.steps \
                    and step_superscripts.is_step(render_tokens(arg).replace(" ", ""))
                if step and nm.mark is None:  # \mathbf{x}^0 where \mathbf{x}^{k+1} = \mathbf{x}^k − …: a step
                    nm.mark = "(" + render_tokens(arg).replace(" ", "") + ")"
                    nm.mark_tokens = arg
                elif kind in ("iteration", "label") and nm.mark is None:
                    if len(arg) >= 3 and arg[0].is_char("[") and arg[-1].is_char("]"):
                        # x^{[t]} (the bracketed iterate of some courses) is x^{(t)}: one notation for steps
                        arg = [Token("char", "(", arg[0].start, arg[0].end), *arg[1:-1],
                               Token("char", ")", arg[-1].start, arg[-1].end)]
                    nm.mark = render_tokens(arg)
                    nm.mark_tokens = arg
                    if kind == "label" and arg[0].kind == "letter":
                        self.ctx.labels.add(arg[0].start)  # v^{corrected}: the word is a label
                elif kind == "star" and nm.mark is None:
                    nm.mark = "*"
                elif kind == "prime":
                    nm.primes += len(arg)
                elif not (kind == "transpose" or (kind == "T" and (nm.latin or self.transposes_before(stop, nm.vector)))):
                    self.subscript_after_power(nm, stop)
                    break  # a power: postfix() reads it
                self.pos = stop
            else:
                break
        return nm

    def subscript_after_power(self, nm: _Name, stop: int) -> None:
        r"""``g^2_t`` is ``g_t^2`` in TeX (sub- and superscript attach to the same base in either order): the
        subscript that follows the power at ``[pos, stop)`` belongs to the name. Not for Euler's ``e``."""
        after = self.toks[stop] if stop < len(self.toks) else None
        if after is None or not after.is_char("_") or nm.sub is not None or nm.stem() == "e":
            return
        end = arg_span(self.toks, stop + 1)
        if end is None:
            return
        sub = inner(self.toks, stop + 1, end)
        if not sub:
            return
        nm.sub = sub
        del self.toks[stop:end]

    def peek_arg_after(self, k: int) -> tuple[list[Token], int] | None:
        saved = self.pos
        self.pos += k
        try:
            return self.peek_arg()
        finally:
            self.pos = saved

    def is_function(self, nm: _Name) -> bool:
        if nm.base not in self.ctx.functions:
            return nm.sub is not None and nm.base + LABELLED_ONLY in self.ctx.functions  # T_{(n,f,0)}(x), labelled only
        return not (nm.base in SUBSCRIPT_FREE_FUNCTIONS and nm.sub is not None and nm.base + "_" not in self.ctx.functions)

    def after_name(self, nm: _Name) -> sp.Expr:
        """A name is a call, ``e^{…}``, an indexed quantity under a sum, or a symbol."""
        nxt = self.peek()
        canonical = nm.canonical()
        if canonical == "e" and nxt is not None and nxt.is_char("^") and not self.ctx.e_name:
            self.pos += 1  # (where the document names a quantity e, the power after it decides: see postfix)
            return sp.exp(self.parse_arg())
        if canonical == "E" and (average := self.running_average("E")) is not None:
            return average
        if canonical == "E" and nxt is not None and nxt.is_char("[") and not self.is_function(nm):
            return Expect(self.delimited(conditional=True))  # E[X]: square brackets after a bare E are an expectation
        if nxt is not None and nxt.is_char("(") and canonical in _EVENT_LETTERS \
                and (event := self.event_call(canonical)) is not None:
            return event  # P(y = 1 | x), p(X ≤ t): the probability of an event, one opaque quantity
        if canonical == "P" and nxt is not None and nxt.kind == "letter" and nxt.text == "r" \
                and self.pos > 0 and self.toks[self.pos - 1].end == nxt.start \
                and (after := self.peek(1)) is not None and after.is_char("(") and after.start == nxt.end:
            self.pos += 1  # Pr(B = 2) typed without its backslash: \Pr of an event, never P·r times a bracket
            if (event := self.event_call("P")) is not None:
                return event
            self.pos -= 1
        if nxt is not None and nxt.is_char("(") and self.separator_at(self.pos) is not None:
            return self.conditional_call(canonical)
        if nxt is not None and nxt.is_char("(") and not self.is_function(nm) and self.density_call(canonical):
            # p(y_i; θ), p(x, y), P(A, B): a density or a probability of several arguments, a call of the letter
            return sp.Function(canonical)(*self.call_args())
        if nxt is not None and nxt.is_char("(") and canonical in self.ctx.conditioned and not self.is_function(nm):
            # p(y) next to p(x | y): a probability of its own, one opaque quantity, not p times y
            args = self.call_args()
            return symbol(f"{canonical}({', '.join(sp.latex(a) for a in args)})")
        if canonical == "E" and nm.sub is None and nxt is not None \
                and (nxt.is_char("(") or nxt.kind == "macro" and nxt.text in ("{", "lbrace")) \
                and not self.is_function(nm) and EXPECTATION_E in self.ctx.functions:
            # E(X^4), E(I_1) beside it: a bare E where the block takes one of a random variable (:func:`parse_block`),
            # or where the words speak of expectations (:func:`.function_letters.expectation_letter`)
            inner = self.delimited(conditional=True)
            if isinstance(inner, sp.Add) and (power := self.peek()) is not None and power.is_char("^"):
                # E(X − a)^2 is E[(X − a)^2], as probability notes write it (E(X)^2 stays the square of E(X))
                self.pos += 1
                exponent_tokens, at = self.arg()
                return Expect(inner ** self.sub(exponent_tokens).parse_all(at))
            if isinstance(inner, sp.Add) and (second := self.peek()) is not None and second.is_char("("):
                # E(X − EX)(Y − EY) is E[(X − EX)(Y − EY)], the covariance as notes write it
                start = self.pos
                other = self.delimited()
                if isinstance(other, sp.Add):
                    return Expect(inner * other)
                self.pos = start
            return Expect(inner)
        if canonical == "E" and nm.sub is None and nxt is not None and nxt.kind == "letter" and nxt.text in "XYZ" \
                and EXPECTATION_E in self.ctx.functions and not self.is_function(nm):
            # EX, EY_1 beside expectations: the expectation of the random variable written right after E, as
            # probability notes write it without brackets (not E times X); EX^2 is E[X^2] (DX = EX^2 − (EX)^2)
            variable = symbol(self.name().canonical())
            if (power := self.peek()) is not None and power.is_char("^"):
                self.pos += 1
                exponent_tokens, at = self.arg()
                return Expect(variable ** self.sub(exponent_tokens).parse_all(at))
            return Expect(variable)
        if canonical == "V" and nm.sub is None and nxt is not None and nxt.is_char("(") \
                and not self.is_function(nm) and EXPECTATION_E in self.ctx.functions \
                and (close := _close_of(self.toks, self.pos)) is not None \
                and any(t.kind == "letter" and t.text in "XYZ" for t in self.toks[self.pos + 1:close]):
            # V(X) beside expectations: the variance, as V(X) = E(X^2) − E(X)^2 writes it (not V times X)
            return Variance(self.delimited())
        if nxt is not None and nxt.is_char("("):
            if canonical in ("O", r"\mathcal{O}") and not self.is_function(nm):
                return self.big_o(nxt)
            if canonical == "o" and not self.is_function(nm):
                return self.big_o(nxt, little=True)
            if self.is_function(nm) and not self.reads_itself(nm):
                return sp.Function(canonical)(*self.call_args())
        if nxt is not None and nxt.is_char("^") and nm.primes and self.is_function(nm):
            found = self.peek_arg_after(1)
            after = self.toks[found[1]] if found is not None and found[1] < len(self.toks) else None
            if after is not None and after.is_char("("):
                # f'^2(x): the square of the derivative at x, as (f'(x))^2 (sin^2 x-style), not f'^2 times x
                self.pos += 1
                exponent_tokens, at = self.arg()
                exponent = self.sub(exponent_tokens).parse_all(at)
                return self.power(sp.Function(canonical)(*self.call_args()), exponent, at)
        if nxt is not None and nxt.is_char("^") and self.is_function(nm) and not nm.primes:
            found = self.peek_arg_after(1)
            after = self.toks[found[1]] if found is not None and found[1] < len(self.toks) else None
            if found is not None and after is not None and after.is_char("(") \
                    and render_tokens(found[0]).replace(" ", "") == "-1":
                # σ^{-1}(p), f^{-1}(y): the inverse function at p (the logit), its own function, never 1/σ times p
                self.pos = found[1]
                return sp.Function(canonical + "^{-1}")(*self.call_args())
        return self.name_value(nm)

    def density_call(self, canonical: str) -> bool:
        r"""Is the bracket at the parser's position the arguments of a density (``p(y_i; θ)``, ``q(x, z)``,
        ``P(A, B)``)? Those letters before a bracket of several arguments call; a semicolon at the top of the
        bracket (parameters set apart) calls after any one letter. A product of a letter and a pair is
        not how notes write anything."""
        close = _close_of(self.toks, self.pos)
        if close is None or canonical in self.ctx.conditioned:
            return False  # (p(y, X | w) nearby: probabilities, each an opaque quantity, no law of them modelled)
        inside = self.toks[self.pos + 1:close]
        top = [tok for tok, depth in zip(inside, _depths(inside)) if depth == 0]
        if any(tok.is_char(";") for tok in top):
            return len(canonical) == 1 or canonical.startswith("\\")
        return canonical in _DENSITY_LETTERS and any(tok.is_char(",") for tok in top)

    def reads_itself(self, nm: _Name) -> bool:
        r"""``σ(1 − σ)`` for a letter the document defines as a function (not one of the usual ``f, g, L``): the
        bracket reads the letter bare, which is the shorthand for ``σ(z)(1 − σ(z))``, a product; a call of σ on
        an expression of σ itself is not what such a line means."""
        if nm.base in DEFAULT_FUNCTIONS:
            return False
        close = _close_of(self.toks, self.pos)
        if close is None:
            return False
        inside = self.toks[self.pos + 1:close]
        own = nm.at.text
        return any(t.text == own and t.kind == nm.at.kind and not (j + 1 < len(inside) and inside[j + 1].is_char("("))
                   for j, t in enumerate(inside))

    def cases(self, tok: Token, inner: list[Token]) -> sp.Expr:
        r"""``\begin{cases} z & z > 0 \\ 0 & \text{otherwise} \end{cases}`` after ``ReLU(z) =``: a function given by
        cases, read as :class:`sympy.Piecewise`, each row its value and the condition after its ``&`` ("if" and
        its kin dropped; "otherwise" the rest). Its values, derivatives and restatements are then checked like
        any other body. A row without ``&``, or a condition that is not one comparison or a chain of them
        (``a < x \le b``), is not modelled."""
        rows = [row for row in _cells([t for t in inner if t.kind != "sep"]) if any(row)]
        pieces: list[tuple[sp.Expr, sp.Basic]] = []
        for k, row in enumerate(rows):
            if len(row) != 2 or not row[0]:
                self.fail(tok, "a case without its condition after & is not modelled")
            value = self.sub(_trimmed(row[0])).parse_all(tok)
            pieces.append((value, self.case_condition(_trimmed(row[1]), tok, last=k == len(rows) - 1)))
        if not pieces:
            self.fail(tok, "an empty \\begin{cases} is not modelled")
        return sp.Piecewise(*pieces)

    def case_condition(self, toks: list[Token], at: Token, *, last: bool) -> sp.Basic:
        """The condition of one row of a ``cases``: a comparison, a chain of them, or "otherwise" on the last row."""
        words = [t for t in toks if t.kind == "raw"]
        rest = [t for t in toks if t.kind != "raw" and not t.is_char(",", ":")]
        said = " ".join((t.arg or "").strip().lower() for t in words)
        if not rest:
            if last and _OTHERWISE_WORDS.search(said):
                return sp.true
            self.fail(at, "a case whose condition is given in words is not modelled")
        if any(_IF_WORD.fullmatch((t.arg or "").strip().lower()) is None for t in words):
            self.fail(at, "a case whose condition mixes words and formulas is not modelled")
        depths = _depths(rest)
        cuts = [j for j, (t, d) in enumerate(zip(rest, depths)) if d == 0 and t.kind == "rel"]
        if not cuts or any(rest[j].text not in CASE_RELATIONS for j in cuts):
            self.fail(at, "a case whose condition is not a comparison is not modelled")
        bounds = [0, *cuts, len(rest)]
        sides = [self.sub(rest[a + (a > 0):b]).parse_all(at) for a, b in zip(bounds, bounds[1:])]
        compared = [CASE_RELATIONS[rest[j].text](sides[n], sides[n + 1]) for n, j in enumerate(cuts)]
        return sp.And(*compared) if len(compared) > 1 else compared[0]

    def probability_of(self) -> sp.Expr | None:
        r"""``\mathbb{P}(X \le x)``, ``\Pr(y = 1 \mid x)``: the probability written with its own macro, read as
        ``P(…)`` is (an event, or a conditional probability), so that every spelling names one quantity; None
        (nothing consumed) when no bracket follows or the bracket is neither."""
        after = self.peek(1)
        if after is None or not after.is_char("("):
            return None
        self.pos += 1
        if (event := self.event_call("P")) is not None:
            return event
        if self.separator_at(self.pos) is not None:
            return self.conditional_call("P")
        self.pos -= 1
        return None

    def event_call(self, canonical: str) -> sp.Expr | None:
        r"""``P(y = 1 \mid x)``, ``P(X \le x)``, ``p(x_1 = 1, x_2 = 0; μ)``: a probability of an event, its bracket
        holding a relation at its top level. Read as one opaque quantity named by the bracket as written (spaces
        and ``|`` against ``\mid`` aside), so that the algebra around it is checked and the same event written
        twice is one quantity; no law of probability is modelled. None when the bracket holds no relation."""
        close = _close_of(self.toks, self.pos)
        if close is None:
            return None
        inside = self.toks[self.pos + 1:close]
        top = [tok for tok, depth in zip(inside, _depths(inside)) if depth == 0]
        if not any(tok.kind == "rel" and tok.text in _EVENT_RELATIONS for tok in top):
            return None
        written = re.sub(r"\\mid(?![A-Za-z])", "|", render_tokens([t for t in inside if t.kind != "sep"]))
        written = re.sub(r"(?<![A-Za-z])\s+|\s+(?![A-Za-z])", "", written)  # a space only between letters
        self.pos = close + 1
        return symbol(f"{canonical}({written})")

    def conditional_call(self, canonical: str) -> sp.Expr:
        r"""``p(y \mid x)``, ``P(A | B)``: a probability under a condition, read as one opaque quantity named by
        what it is written of (the same wherever it is written the same way; ``p(x \mid y)`` is another). No law
        of probability is modelled, so the algebra around it is checked and a link that needs such a law is
        never refuted (:func:`derive.check.heuristics.doubt` reads the ``\mid`` in the name). It is not a call
        of ``p``: a definition of ``p(x)`` says nothing of ``p(y \mid x)``."""
        given = self.delimited(conditional=True)
        if not isinstance(given, Given):
            self.fail(self.last(), "a conditioning bar in a call that is not one condition is not modelled")
        target, *conditions = (sp.latex(a) for a in given.args)
        return symbol(f"{canonical}({target} \\mid {', '.join(conditions)})")

    def bounds_upper_first(self) -> bool:
        """Is the bar at ``pos`` followed by ``^{b}_{a}``, bounds written upper first (``F\\right|^{1}_{-1}``)?"""
        mark = self.pos
        try:
            self.pos += 2
            self.arg()
            return (under := self.peek()) is not None and under.is_char("_")
        except _Fail:
            return False
        finally:
            self.pos = mark

    def evaluated(self, expr: sp.Expr, bar: Token) -> sp.Expr:
        r"""``\frac{df}{dx}\Big|_{x=2}``, ``\left.f'(x)\right|_{x = x_0}``: the expression before the bar at the
        point its subscript names, kept as :class:`EvaluatedAt` until the derivative in it is taken."""
        if (caret := self.peek(1)) is not None and caret.is_char("^"):  # F\right|^{b}_{a}: the upper bound first
            self.pos += 2
            upper = self.arg()
            self.pos += 1  # the '_'
            tokens, at = self.arg()
            split = next((k for k, t in enumerate(tokens) if t.kind == "rel" and t.text == "="), None)
            return self.evaluated_between(expr, bar, tokens, at, split, upper)
        self.pos += 2  # the bar and its '_'
        tokens, at = self.arg()
        split = next((k for k, t in enumerate(tokens) if t.kind == "rel" and t.text == "="), None)
        if (caret := self.peek()) is not None and caret.is_char("^"):
            return self.evaluated_between(expr, bar, tokens, at, split)  # (x\log x - x)\Big|_a^b
        if split is None:  # \frac{d^2f(x)}{dx^2}\Big|_{x^*}: the point alone, in the one variable differentiated in
            return EvaluatedAt(expr, self.differentiated_in(expr, bar), self.sub(tokens).parse_all(at))
        variable = self.sub(tokens[:split]).parse_all(at)
        value = self.sub(tokens[split + 1:]).parse_all(at)
        if not isinstance(variable, sp.Symbol):
            self.fail(bar, "an evaluation bar must name one variable")
        return EvaluatedAt(expr, variable, value)

    def evaluated_between(self, expr: sp.Expr, bar: Token, tokens: list[Token], at: Token,
                          split: int | None, upper_read: tuple[list[Token], Token] | None = None) -> sp.Expr:
        r"""``F(x)\Big|_a^b``, ``F\Big|_{x=a}^{b}``: F at the upper bound less F at the lower one (integration by
        parts and antiderivatives write it so). The variable is the one the subscript names, else the one letter
        of F that the bounds do not write (``(ht^2/2 - t^3/3)\Big|_0^h`` is in t), else the one F differentiates
        in; ``uv\Big|_0^\pi``, with two such letters, is refused rather than guessed."""
        if upper_read is None:
            self.pos += 1  # the '^'
            upper_read = self.arg()
        upper_tokens, upper_at = upper_read
        upper = self.sub(upper_tokens).parse_all(upper_at)
        if split is not None:
            variable = self.sub(tokens[:split]).parse_all(at)
            lower = self.sub(tokens[split + 1:]).parse_all(at)
        else:
            variable, lower = None, self.sub(tokens).parse_all(at)
        if variable is None:
            letters = {x for x in expr.free_symbols if isinstance(x, sp.Symbol)} \
                - lower.free_symbols - upper.free_symbols
            variable = letters.pop() if len(letters) == 1 else self.differentiated_in(expr, bar)
        if not isinstance(variable, sp.Symbol):
            self.fail(bar, "an evaluation bar must name one variable")
        from .calculus import derivative_parts  # (calculus reads nothing of the parser's)

        if expr.has(sp.Derivative, sp.core.function.AppliedUndef) or any(
                derivative_parts(x.name) is not None for x in expr.free_symbols if isinstance(x, sp.Symbol)):
            return EvaluatedAt(expr, variable, upper) - EvaluatedAt(expr, variable, lower)  # taken in scope first
        return expr.subs(variable, upper) - expr.subs(variable, lower)  # the variable is bound: put in at once

    def differentiated_in(self, expr: sp.Expr, bar: Token) -> sp.Symbol:
        """The one variable the derivatives of ``expr`` are taken in (the variable a bar with only a point means)."""
        from .calculus import derivative_parts  # (calculus reads nothing of the parser's)

        variables = {v for d in expr.atoms(sp.Derivative) for v in d.variables}
        for atom in expr.atoms(sp.Symbol, sp.core.function.AppliedUndef):
            parts = derivative_parts(atom.name if isinstance(atom, sp.Symbol) else type(atom).__name__)
            if parts is not None and parts[1] is not None and len(parts[1]) == 1:
                variables.add(symbol(parts[1][0]))  # \frac{∂f(x)}{∂x} is read as the name ∇_x f(x)
        if len(variables) != 1 or not isinstance(next(iter(variables)), sp.Symbol):
            self.fail(bar, "an evaluation bar without 'variable = value' below it is not modelled")
        return next(iter(variables))

    def differentiates(self, expr: sp.Expr) -> bool:
        """Does ``expr`` take derivatives in exactly one variable (what a bare evaluation bar after it means)?"""
        try:
            self.differentiated_in(expr, self.toks[self.pos])
            return True
        except _Fail:
            return False

    def point_ends_side(self) -> bool:
        """Is the bar at ``pos`` followed by one factor (a point, ``x_0``) and then the end of the side?"""
        mark = self.pos
        try:
            self.pos += 1
            self.factor()
            return self.at_end()
        except _Fail:
            return False
        finally:
            self.pos = mark

    def evaluated_at_name(self, expr: sp.Expr, bar: Token) -> sp.Expr:
        r"""``\frac{\partial f(x)}{\partial x} \vert x_0``: a bar and a point after a derivative, nothing below it."""
        self.pos += 1
        return EvaluatedAt(expr, self.differentiated_in(expr, bar), self.factor())

    def big_o(self, opener: Token, little: bool = False) -> sp.Expr:
        r"""``O(g)``/``\mathcal{O}(g)``, or ``o(g)``: a Taylor remainder (:mod:`.asymptotic` decides the link)."""
        args = self.call_args()
        letter = "o" if little else "O"
        if len(args) != 1:
            self.fail(opener, f"{letter}(…) takes one argument")
        scale = args[0]
        norms = {n: n.args[0] for n in scale.atoms(Norm) if len(n.args) == 1 and isinstance(n.args[0], sp.Symbol)}
        if norms and len(norms) == 1:
            # O(‖p‖²) in f(x + p) = f(x) + ∇f(x)ᵀp + O(‖p‖²): the expansion along the line x + tp, read with p
            # as a number (the verifier says so in its reason)
            scale = scale.xreplace(norms)
        order = remainder_order(scale)
        if isinstance(order, str):
            self.fail(opener, order.replace("O(", f"{letter}("))
        return LittleO(scale) if little else BigO(scale)

    def running_average(self, stem: str) -> sp.Expr | None:
        r"""``E[g^2]_t`` (Adadelta and RMSprop notes): a bracket with a step subscript after it is the name of a
        running average at that step, ``E[g^{2}]_{t}``, whose recurrence the note states; without the
        subscript it is an expectation (the caller's reading)."""
        opener = self.peek()
        if opener is None or (opener.kind, opener.text) not in _OPEN_KIND or opener.kind != "char":
            return None
        close = _close_of(self.toks, self.pos)
        if close is None or close + 1 >= len(self.toks) or not self.toks[close + 1].is_char("_"):
            return None
        stop = arg_span(self.toks, close + 2)
        if stop is None:
            return None
        body, sub = self.toks[self.pos + 1:close], inner(self.toks, close + 2, stop)
        if not body or not sub:
            return None
        self.sub(body).parse_all(opener)  # what is averaged must read as an expression
        self.pos = stop
        return symbol(f"{stem}[{render_tokens(body)}]_{{{render_tokens(sub)}}}")

    def name_value(self, nm: _Name) -> sp.Expr:
        """``g_{t-i}`` under ``\\sum_{i=…}`` is an indexed quantity; everything else a symbol."""
        if self.ctx.bound:
            bound_names = {s.name for s in self.ctx.bound}
            if any(render_tokens([t]) in bound_names for t in nm.mark_tokens):
                return self.iterate_value(nm)
            if nm.sub is not None and any(render_tokens([t]) in bound_names for t in nm.sub):
                indices = [index for part in _split_commas(nm.sub) for index in self.index_parts(part, nm)]
                if any(index.free_symbols & set(self.ctx.bound) for index in indices):
                    stem = nm.stem() + ("" if nm.mark is None else "^{" + nm.mark + "}")
                    return sp.Indexed(sp.IndexedBase(stem), *indices)
        return symbol(nm.canonical())

    def index_parts(self, part: list[Token], nm: _Name) -> list[sp.Expr]:
        """The indices one comma-free part of a subscript writes: ``i + 1`` is one, ``i1`` and ``ij`` (a letter
        glued to a digit or a letter, the usual matrix entry ``x_{ij}``, ``x_{i1}``) are two."""
        if len(part) == 2 and all(t.kind in ("letter", "num") for t in part) and part[0].kind == "letter":
            return [self.sub([t]).parse_all(nm.at) for t in part]
        return [self.sub(part).parse_all(nm.at)]

    def iterate_value(self, nm: _Name) -> sp.Expr:
        r"""``x^{(i)}`` under ``\sum_{i=…}``: the i-th sample or iterate, the indexed quantity ``x^{(·)}[i]``
        (as ``x_i`` is ``x[i]``); ``x_j^{(i)}`` is ``x_j^{(·)}[i]``, or ``x^{(·)}[j, i]`` when ``j`` is bound too.
        Outside a sum ``x^{(1)}`` stays the name it always was: the verifier relates both like ``g_1``."""
        marks = nm.mark_tokens
        if len(marks) < 3 or not marks[0].is_char("(") or not marks[-1].is_char(")"):
            self.fail(nm.at, "an iteration superscript bound by a sum is not modelled")
        index = self.sub(marks[1:-1]).parse_all(nm.at)
        indices = [index]
        stem = nm.stem()
        if nm.sub is not None:
            subs = [self.sub(part).parse_all(nm.at) for part in _split_commas(nm.sub)]
            if any(s.free_symbols & set(self.ctx.bound) for s in subs):
                indices = [*subs, index]
            else:
                stem += "_{" + render_tokens(nm.sub) + "}"
        return sp.Indexed(sp.IndexedBase(stem + "^{(\\cdot)}"), *indices)

    def call_args(self) -> list[sp.Expr]:
        """``(a, b, …)`` after a function name, ``\\max`` or ``\\min``; ``f(x; θ)`` is ``f`` of ``x`` and of its
        parameters ``θ`` (the semicolon only sets the parameters apart). A conditioning ``p(y \\mid x)`` is not
        read here: a call of an unknown function makes its whole chain a form (not a claim), which would hide
        the links next to it that were checked before."""
        opener = self.next()
        closer = _OPEN_KIND[(opener.kind, opener.text)]
        args: list[sp.Expr] = []
        while True:
            args.append(self.in_group(self.expr))
            tok = self.peek()
            if tok is None:
                self.fail(opener, f"'{opener.text}' is not closed")
            if tok.is_char(",", ";"):
                self.pos += 1
                continue
            if _CLOSE_KIND.get((tok.kind, tok.text)) == closer:
                self.pos += 1
                return args
            self.fail(tok, f"unexpected {_describe(tok)} in an argument list")

    def separator_at(self, opener: int) -> str | None:
        r"""``"mid"`` or ``"|"``: what separates a conditioning in the group at ``opener`` (``[y \mid x]``, or one
        bare ``[y | x]``: an absolute value needs two); None when none does."""
        close = _close_of(self.toks, opener)
        if close is None:
            return None
        inside = self.toks[opener + 1:close]
        top = [tok for tok, depth in zip(inside, _depths(inside)) if depth == 0]
        if any(tok.is_macro("mid") for tok in top):
            return "mid"
        bars = [tok for tok in top if tok.is_char("|")]
        if len(bars) == 1 and bars[0].side is None and not any(tok.is_char("|") and tok.side for tok in inside):
            return "|"
        return None

    def conditioned(self) -> sp.Expr:
        r"""An expression, or ``y \mid x, z`` read as :class:`.conditional.Given` (inside an expectation's brackets
        only: elsewhere ``\mid`` is set-builder notation or a probability, not modelled)."""
        saved = self.given
        self.given = True
        try:
            target = self.expr()
        finally:
            self.given = saved
        tok = self.peek()
        if tok is None or not (tok.is_macro("mid") or (self.given_bar and tok.is_char("|"))):
            return target
        self.pos += 1
        conditions = [self.expr()]
        while (tok := self.peek()) is not None and tok.is_char(","):
            self.pos += 1
            conditions.append(self.expr())
        return Given(target, *conditions)

    def in_group(self, parse: Callable[[], sp.Expr]) -> sp.Expr:
        """Run ``parse`` with bars reset: ``|`` inside parentheses opens, it does not close."""
        saved = self.bars, self.norms
        self.bars = self.norms = 0
        try:
            return parse()
        finally:
            self.bars, self.norms = saved

    def bold(self) -> sp.Expr:
        r"""``\mathbf{w}_t`` is the name ``w_{t}``; ``\mathbf{A x}`` is the expression inside."""
        tok = self.peek()
        assert tok is not None
        found = self.peek_arg_after(1)
        if found is not None and found[0]:
            probe = self.sub(found[0])
            try:
                probe.name_only(tok, "")
            except _Fail:
                self.pos = found[1]
                return self.sub(found[0]).parse_all(tok)
        return self.after_name(self.name())

    def raw(self, tok: Token) -> sp.Expr:
        r"""``\mathrm{…}``, ``\operatorname{…}``, ``\text{…}``, ``\mathcal{…}``, ``\mathbb{…}``
        as operands."""
        word = (tok.arg or "").strip()
        if word == "E" and tok.text in ("mathbb", "operatorname", "mathrm", "mathsf", "mathbf"):
            self.pos += 1
            average = self.running_average("E")
            if average is not None:
                return average
            self.pos -= 1
        compact = word.replace(" ", "").replace("\\,", "")
        operator = _STATISTICS.get(compact) if tok.text in ("mathbb", "operatorname", "mathrm", "mathsf", "mathbf",
                                                            *TEXT_MACROS) else None
        if operator is not None and (compact != "V" or tok.text == "mathbb"):
            found = self.statistic(tok, operator)
            if found is not None:
                return found
        if compact in ("P", "Pr") and tok.text in ("mathbb", "operatorname", "mathrm", "mathsf", *TEXT_MACROS) \
                and (found := self.probability_of()) is not None:
            return found  # \mathbb{P}(X \le x), \operatorname{Pr}(y = 1 | x): as P(…)
        if tok.text == "mathbb":
            what = "expectations" if word == "E" else "sets"
            self.fail(tok, f"\\mathbb{{{word}}} ({what}) is not modelled")
        if tok.text == "operatorname*":
            self.fail(tok, f"\\operatorname*{{{word}}} is not modelled")
        if tok.text in ALPHABET_MACROS:
            return self.after_name(self.name())
        if compact in _MATRIX_WORDS:
            return self.matrix_operator(tok, _MATRIX_WORDS[compact])
        if compact in _UNMODELLED_WORDS:
            self.fail(tok, f"{word} is not modelled")
        if compact in _PARTS:
            self.fail(tok, f"{word} (real and imaginary parts) is not modelled")
        if compact in FUNCTIONS_1:
            self.pos += 1
            return self.function1(tok, compact)
        if compact in MAX_MIN:
            self.pos += 1
            return self.max_min(tok, compact)
        if tok.text in TEXT_MACROS | UPRIGHT_MACROS and _NUMBER_TEXT.fullmatch(word):
            self.pos += 1  # \text{1e-1}: a number set as text (a learning rate copied from code), exactly
            return sp.Rational(word)
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", word):
            if tok.text in TEXT_MACROS and len(self.toks) == 1 and re.fullmatch(r"[A-Za-z][A-Za-z ]*", word):
                self.pos += 1  # \text{balance owed} = P(1 + i) − R: a quantity named in words, as a whole side
                return symbol(f"\\text{{{' '.join(word.split())}}}")
            self.fail(tok, "text inside an expression is not modelled")
        nxt = self.peek(1)
        if nxt is not None and nxt.is_char("(") and compact in _UPRIGHT_ELEMENTARY:
            self.pos += 1
            call = nxt
            args = self.call_args()
            if len(args) != 1:
                self.fail(call, f"{compact} takes one argument")
            return _UPRIGHT_ELEMENTARY[compact](args[0])
        primes = 0
        while (mark := self.peek(1 + primes)) is not None and mark.text == "'" and mark.kind in ("char", "unknown"):
            primes += 1  # \mathrm{ReLU}'(z): the derivative of the function named, called
        after = self.peek(1 + primes)
        if after is not None and after.is_char("(") and compact.lower() in _NAMED_FUNCTIONS:
            # \text{softmax}(z), Sigmoid(z), \mathrm{ReLU}(x): functions by name in every note, never a product;
            # the sigmoid is σ, so that a definition of σ (or the sigmoid named in words) gives it its value
            self.pos += 1 + primes
            name = "\\sigma" if compact.lower() in ("sigmoid", "logistic") else f"\\operatorname{{{compact}}}"
            return sp.Function(name + "'" * primes)(*self.call_args())
        if _ACRONYM.fullmatch(compact) and tok.text in TEXT_MACROS | UPRIGHT_MACROS:
            # \text{MSE}(w), \mathrm{RSS}: an acronym in upright letters names one quantity or function, never
            # a product and never words; spelt \mathrm{…} whatever the font, so that ∂\text{MSE}/∂w finds the
            # \operatorname{MSE}(w) the notes define
            self.pos += 1
            nxt = self.peek()
            if nxt is not None and nxt.is_char("("):
                return sp.Function(f"\\mathrm{{{compact}}}")(*self.call_args())
            self.pos -= 1
            return self.after_name(self.name())
        if tok.text in TEXT_MACROS:  # \text{lr} is a name only as a whole operand
            after = self.peek(1)
            if after is not None and self.starts_factor(after):
                self.fail(tok, "text inside an expression is not modelled")
        nxt = self.peek(1)
        if len(word) > 1 and nxt is not None and nxt.is_char("("):
            if tok.text != "operatorname":  # \mathrm{softmax}(z) or \mathrm{lr}\,(g + w)?
                self.fail(tok, f"ambiguous '{word}(…)' (a call or a product?): "
                               f"write \\operatorname{{{word}}} or \\cdot")
            self.pos += 1
            return sp.Function(f"\\operatorname{{{word}}}")(*self.call_args())
        return self.after_name(self.name())

    def statistic(self, tok: Token, operator: type[sp.Function]) -> sp.Expr | None:
        r"""``\mathbb{E}_{x\sim p}[X]``, ``\operatorname{Var}(X)``, ``\mathrm{Cov}[X, Y]``: the operator over its
        bracketed argument(s), the subscript kept as a label (part of the operator's identity). None when no
        bracket follows (the caller reports the word)."""
        j = self.pos + 1
        label: list[sp.Expr] = []
        if j < len(self.toks) and self.toks[j].is_char("_"):
            stop = arg_span(self.toks, j + 1)
            if stop is None:
                return None
            sub = inner(self.toks, j + 1, stop)
            if not sub:
                return None
            # a label, not a free symbol; the names under it after ∼ (θ in p_θ) are what the expectation
            # depends on, so that ∇_θ E_{x∼p_θ}[f(x)] is not taken as 0
            arrow = next((k for k, t in enumerate(sub) if t.kind == "rel"), -1)
            depends = sorted({symbol(render_tokens([t])) for t in sub[arrow + 1:]
                              if t.kind == "letter" or (t.kind == "macro" and t.text in GREEK)}, key=str) if arrow >= 0 else []
            label, j = [Str(" ".join(render_tokens(sub).split())), *depends], stop
        if j >= len(self.toks):
            return None
        opener = self.toks[j]
        if not (opener.is_char("[") or opener.is_char("(") or (opener.kind == "macro" and opener.text in OPEN_MACROS)):
            if operator is not Expect or not self.starts_factor(opener):
                return None
            # \mathbb{E}_{a∼π} Q(s, a), \mathbb{E}\|x_t - x^*\|^2: without brackets E applies to the product after
            # it, as Σ does (E is linear, so E a − b E c reads the same either way a product ends)
            self.pos = j
            return operator(self.product(), *label)
        self.pos = j
        if operator is Covariance:
            args = self.call_args()
            if len(args) != 2:
                self.fail(tok, "a covariance takes two arguments")
            return operator(*args, *label)
        return operator(self.delimited(conditional=operator is Expect), *label)

    # -- groups and bars ---------------------------------------------------------------------------

    def delimited(self, *, conditional: bool = False) -> sp.Expr:
        saved_bar = self.given_bar
        self.given_bar = conditional and self.separator_at(self.pos) == "|"
        opener = self.next()
        closer = _OPEN_KIND[(opener.kind, opener.text)]
        try:
            value = self.in_group(self.conditioned if conditional else self.expr)
        finally:
            self.given_bar = saved_bar
        tok = self.peek()
        if tok is None:
            self.fail(opener, f"{_describe(opener)} is not closed")
        if _CLOSE_KIND.get((tok.kind, tok.text)) == closer:
            self.pos += 1
            return value
        if tok.is_char(",", ";") and opener.kind == "char":
            return self.tuple_rest(opener, closer, value, tok.text)
        if tok.is_char(","):
            self.fail(tok, "sets are not modelled")
        self.fail(tok, f"{_describe(opener)} closed by {_describe(tok)}")

    def tuple_rest(self, opener: Token, closer: str, first: sp.Expr, separator: str = ",") -> sp.Expr:
        r"""``(a, b, …)`` or ``[a, b, …]`` after its first coordinate: a vector given by its coordinates
        (:class:`~derive.check.vectors.Coords`). ``(0, 1]`` and ``[0, 1)`` are intervals: not modelled.
        ``(a; b; c)`` is the column vector of many notes (one separator throughout). With an ellipsis,
        ``(x_1, x_2, …, x_n)`` keeps :data:`DOTS` as one coordinate: :mod:`.tuples` says what that allows."""
        items = [first]
        while (tok := self.peek()) is not None and tok.is_char(separator):
            self.pos += 1
            while (space := self.peek()) is not None and space.kind == "sep" and space.text != "because":
                self.pos += 1  # [16.0, \quad 0.01]: space after a coordinate's comma, not a new statement
            items.append(self.in_group(self.expr))
        tok = self.peek()
        if tok is None:
            self.fail(opener, f"{_describe(opener)} is not closed")
        if _CLOSE_KIND.get((tok.kind, tok.text)) != closer:
            if tok.is_char(")", "]"):
                self.fail(tok, "half-open intervals are not modelled")
            self.fail(tok, f"{_describe(opener)} closed by {_describe(tok)}")
        if any(item.has(Coords) or item.has(Inner) for item in items):
            self.fail(opener, "a tuple of tuples (a matrix written as rows) is not modelled")
        why = tuples.open_problem(items, DOTS)
        if why:
            self.fail(opener, why)
        self.pos += 1
        return Coords(*items)

    def matrix(self, tok: Token, body: list[Token]) -> sp.Expr:
        r"""``\begin{bmatrix} a \\ b \end{bmatrix}`` is the vector ``(a, b)``; a matrix of several columns is
        :class:`~derive.check.vectors.Rows` (a row ``[a & b]`` is a vector too: transposes are not modelled).
        Every entry must be written: a block matrix with empty entries is not modelled."""
        rows = _cells(body)
        if any(not cell for row in rows for cell in row):
            self.fail(tok, f"an empty entry in \\begin{{{tok.text}}} (a block matrix) is not modelled")
        if len({len(row) for row in rows}) != 1:
            self.fail(tok, f"rows of different lengths in \\begin{{{tok.text}}}")
        if len(rows) * len(rows[0]) > 64:
            self.fail(tok, f"a \\begin{{{tok.text}}} larger than 64 entries is not modelled")
        values = [[self.sub(cell).parse_all(tok) for cell in row] for row in rows]
        vector = [row[0] for row in values] if len(values[0]) == 1 else values[0] if len(values) == 1 else None
        if vector is not None and not any(v.has(Coords) or v.has(Inner) for v in vector) \
                and not tuples.open_problem(vector, DOTS):
            return Coords(*vector)  # a column or a row, with an ellipsis or not (x_1 & x_2 & … & x_n)
        if any(v.has(DOTS) or v.has(Coords) or v.has(Inner) for row in values for v in row):
            self.fail(tok, f"an ellipsis, a tuple or a matrix inside \\begin{{{tok.text}}} is not modelled")
        return Rows(*(Coords(*row) for row in values))

    def inner_product(self) -> sp.Expr:
        r"""``\langle a, b\rangle``: the inner product (:class:`~derive.check.vectors.Inner`)."""
        opener = self.next()
        left = self.in_group(self.expr)
        tok = self.peek()
        if tok is None or not tok.is_char(","):
            self.fail(opener, "\\langle … \\rangle without two arguments (a, b) is not modelled")
        self.pos += 1
        right = self.in_group(self.expr)
        tok = self.peek()
        if tok is None or not tok.is_macro("rangle"):
            self.fail(opener, "\\langle is not closed by \\rangle")
        self.pos += 1
        if any(x.has(DOTS) for x in (left, right)):
            self.fail(opener, "an inner product of this is not modelled")
        return Inner(left, right)

    def matrix_operator(self, tok: Token, op: str) -> sp.Expr:
        r"""``\det``, ``\operatorname{tr}`` or ``\operatorname{diag}`` at ``tok``, with its argument: in brackets
        (``\det(…)``, ``\text{diag}(a, b)``) or the one factor after it (``\det\begin{bmatrix}…\end{bmatrix}``)."""
        self.pos += 1
        nxt = self.peek()
        if nxt is None:
            self.fail(tok, f"{op} without an argument")
        args = self.call_args() if nxt.is_char("(") else [self.factor()]
        return self.of_written_matrix(tok, op, args)

    def of_written_matrix(self, tok: Token, op: str, args: list[sp.Expr]) -> sp.Expr:
        r"""The determinant or the trace of a square matrix written out, from its entries, and ``diag(a, b, …)``
        (or of a written tuple) as the matrix with that diagonal: the characteristic polynomial that a PCA or
        momentum note expands from ``\det\begin{bmatrix}2 − λ & 1 \\ 1 & 2 − λ\end{bmatrix}`` is then an
        ordinary expression. Of a name (``\det(A)``, ``\operatorname{diag}(\mathbf s)``) the operator stays
        unmodelled: the reading per coordinate does not know which matrix a name holds."""
        if op == "diag":
            if len(args) == 1 and type(args[0]) is Coords:
                args = list(args[0].args)
            if len(args) < 2 or any(a.has(Coords, Rows, Inner, DOTS) for a in args):
                self.fail(tok, "diag of what is not a written list of entries is not modelled")
            n = len(args)
            return Rows(*(Coords(*(args[i] if i == j else sp.S.Zero for j in range(n))) for i in range(n)))
        what = "determinants" if op == "det" else "traces"
        if len(args) == 1 and not isinstance(args[0], Rows) and self.ctx.matrices:
            args = [with_matrices(args[0], self.ctx.matrices)]
        square = len(args) == 1 and isinstance(args[0], Rows) and all(
            len(row.args) == len(args[0].args) for row in args[0].args)
        if not square:
            self.fail(tok, f"{what} of what is not a square matrix written out are not modelled")
        entries = [list(row.args) for row in args[0].args]
        if any(x.has(Coords, Rows, Inner, DOTS) for row in entries for x in row):
            self.fail(tok, f"{what} of a matrix with an ellipsis or a block are not modelled")
        if op == "tr":
            return sp.Add(*(entries[k][k] for k in range(len(entries))))
        if len(entries) > _LARGEST_DETERMINANT:
            self.fail(tok, f"a determinant larger than {_LARGEST_DETERMINANT} × {_LARGEST_DETERMINANT} is not modelled")
        return sp.Matrix(entries).det(method="berkowitz")

    def absolute(self) -> sp.Expr:
        opener = self.next()
        self.bars += 1
        try:
            value = self.expr()
        finally:
            self.bars -= 1
        tok = self.peek()
        if tok is None or not (tok.is_char("|") or tok.is_macro("vert", "rvert")) or tok.side == "open":
            self.fail(opener, "'|' is not closed")
        self.pos += 1
        nxt = self.peek()
        if (opener.side is None and tok.side is None and nxt is not None
                and nxt.kind in ("letter", "num", "word", "macro") and self.starts_factor(nxt)
                and any(t.is_char("|") for t in self.toks[self.pos:])):
            self.fail(tok, "ambiguous bars |…|…|: write \\left| … \\right|")
        if isinstance(value, Rows):
            return self.of_written_matrix(opener, "det", [value])  # |A| of a matrix written out: its determinant
        # |τ| in ∫_{-1}^{1} |τ| dτ: τ is declared positive (PyTorch's dampening), but bound here it runs over the
        # bounds, so the bars stay until the integral frees its variable of that declaration
        signed = any(x in value.free_symbols and x.is_nonnegative for x in self.ctx.bound)
        return sp.Abs(value, evaluate=not signed)

    def norm(self) -> sp.Expr:
        opener = self.next()
        self.norms += 1
        try:
            value = self.expr()
        finally:
            self.norms -= 1
        tok = self.peek()
        closes = tok is not None and tok.kind == "macro" and tok.text in NORM_MACROS and tok.text != "lVert"
        if tok is None or not closes or tok.side == "open":
            self.fail(opener, "'\\|' is not closed")
        self.pos += 1
        result: sp.Expr = Norm(value)
        exponent: sp.Expr | None = None
        for _ in range(2):  # \|w\|_2^2 and \|w\|^2_2
            nxt = self.peek()
            if nxt is not None and nxt.is_char("_") and result == Norm(value):
                self.pos += 1
                arg, at = self.arg()
                if render_tokens(arg) != "2":
                    result = Norm(value, self.sub(arg).parse_all(at))
            elif nxt is not None and nxt.is_char("^") and exponent is None:
                self.pos += 1
                exponent = self.parse_arg()
                too_large = limits.power(result, exponent)
                if too_large:
                    self.fail(nxt, too_large)
        return result if exponent is None else sp.Pow(result, exponent)

    def wrapper(self) -> sp.Expr:
        r"""``\alert{X}``, ``\boxed{X}``, ``\underbrace{X}_{note}``, ``\overset{note}{X}`` … are X."""
        tok = self.next()
        note = WRAPPERS[tok.text]
        j = self.pos
        if tok.text == "mathop" and j + 2 < len(self.toks) and self.toks[j].kind == "lbrace" \
                and self.toks[j + 1].kind == "raw" and self.toks[j + 2].kind == "rbrace" \
                and (self.toks[j + 1].arg or "").strip() in _STATISTICS:
            # \mathop{\mathbb{E}}_{x∼p}[…] (a macro for E with limits below): the operator itself
            self.toks[j:j + 3] = [self.toks[j + 1]]
            return self.primary()
        if note == "first":
            self.arg()
        value = self.parse_arg()
        nxt = self.peek()
        if note in ("_", "^") and nxt is not None and nxt.is_char(note):
            self.pos += 1
            self.arg()
        return value

    # -- operators ---------------------------------------------------------------------------------

    def fraction(self) -> sp.Expr:
        tok = self.next()
        num, num_at = self.arg()
        den, den_at = self.arg()
        derivative = self.derivative(tok, num, den, den_at)
        if derivative is not None:
            return derivative
        numerator = self.sub(num).parse_all(num_at)
        denominator = self.sub(den).parse_all(den_at)
        if denominator == 0:
            self.fail(den_at, "division by zero")
        return numerator * sp.Pow(denominator, -1)

    def derivative(self, tok: Token, num: list[Token], den: list[Token], den_at: Token) -> sp.Expr | None:
        r"""``\frac{\partial L}{\partial w}(x)``, ``\frac{dL}{dw}``, ``\frac{\partial}{\partial w} L(x)``:
        the gradient ``\nabla_{w} L``, as ``\nabla_w L(x)`` would read. ``\frac{d}{dx}(…)`` and
        ``\frac{d^2}{dx^2}(…)`` differentiate what follows (:meth:`derivative_of`); ``\frac{d^2 f}{dx^2}``
        is ``f''(x)``."""
        num, den = _unbraced_differentials(num), _unbraced_differentials(den)
        num, den = _variation_as_partial(num, den)
        if not _is_differential(den, alone=False):
            return None
        if not _is_differential(num, alone=True):
            if not _differential_of_expression(num):
                return None
            return self.derivative_of_written(tok, num, den, den_at)
        if sum(1 for t in den if _is_differential([t], alone=True)) > 1:
            return self.mixed_partial(tok, num, den, den_at)
        found = _derivative_order(num, den)
        if found is None and self.labelled_variable(den):
            found = 1, num[1:], den  # ∂g/∂w_1^1 where w_{10}^{1}, w_{10}^{2} number layers: the label, not a power
        if found is None:
            self.fail(tok, "mixed partial derivatives, or orders that differ above and below, are not modelled")
        order, rest, den = found
        var = self.sub(den[1:]).name_only(den_at, "a derivative with respect to an expression is not modelled")
        wrt = var.canonical()
        if order > 1:
            return self.higher_derivative(tok, num[0], rest, var, order)
        if not rest:  # operator form: the function follows the fraction
            nxt = self.peek()
            after = self.peek(1)
            if nxt is None or not self.starts_name(nxt) or self.name_starts_product(nxt) \
                    or (nxt.kind == "letter" and nxt.text == "e" and after is not None and after.is_char("^")):
                return self.derivative_of(tok, symbol(wrt), 1)  # (… e^{-z}: the exponential, not a function e)
            start = self.pos
            fnm = self.name()
            if (opening := self.peek()) is not None and opening.is_char("("):
                after_name = self.pos
                args = self.call_args()
                if _composite(args, symbol(wrt)):
                    self.pos = start  # d/dx f(g(x)): the composition differentiated whole, not f′ at g(x)
                    whole = self.derivative_of(tok, symbol(wrt), 1)
                    if isinstance(whole, sp.Derivative) and isinstance(at := whole.expr, EvaluatedAt) \
                            and at.args[1] == symbol(wrt):  # d/dx f(g(x))|_{x=2}: the bar is on the derivative
                        whole = EvaluatedAt(sp.Derivative(at.args[0], *whole.variable_count), *at.args[1:])
                    return whole
                self.pos = after_name
            return self.gradient_value(wrt, fnm)
        parser = self.sub(rest)
        if parser.starts_name(rest[0]) or _is_differential([num[0], rest[0]], alone=False):
            fnm = parser.name()
            if parser.at_end():
                if self.square_bracket_next():
                    # ∂²f/∂y∂x = ∂f/∂y[y cos(xy)]: notes that write the bracket as what is differentiated; a product
                    # reading refutes a true second derivative
                    self.fail(tok, "ambiguous: a derivative followed by [ … ] (the derivative of the bracket, or a "
                                   "product?)")
                return self.gradient_value(wrt, fnm)
            if parser.peek() is not None and parser.peek().is_char("("):  # type: ignore[union-attr]
                args = parser.call_args()
                if parser.at_end() and not _composite(args, symbol(wrt)):
                    return sp.Function(_gradient_name(wrt, fnm))(*args)
                # \frac{df(g(x))}{dx}: f of an expression in x, differentiated whole (the chain rule), not f′ at g(x)
        return self.written_operand(tok, rest, symbol(wrt))

    def square_bracket_next(self) -> bool:
        """Does a square bracket open right here (``[``, ``\\left[``, ``\\bigl[``, ``\\lbrack``)?"""
        tok = self.peek()
        if tok is None:
            return False
        if tok.is_char("[") or (tok.kind == "macro" and tok.text == "lbrack"):
            return True
        after = self.peek(1)
        return tok.kind == "macro" and tok.text in ("left", "bigl", "Bigl", "big", "Big", "biggl", "Biggl") \
            and after is not None and (after.is_char("[") or (after.kind == "macro" and after.text == "lbrack"))

    def labelled_variable(self, den: list[Token]) -> bool:
        """Is the denominator ``∂`` and one name whose superscript the document uses as a label (a numbered layer,
        :func:`.layer_labels.numbered_layers`), so that the number is no power?"""
        if len(den) < 2 or not any(t.is_char("^") for t in den):
            return False
        parser = self.sub(den[1:])
        try:
            nm = parser.name()
        except _Fail:
            return False
        return parser.at_end() and nm.mark is not None and layer_labels.NUMBERED + nm.core in self.ctx.layers

    def derivative_of_written(self, tok: Token, num: list[Token], den: list[Token], den_at: Token) -> sp.Expr:
        r"""``\frac{\partial (w^\top A w)}{\partial w}``, ``\frac{\partial \ln(1 + e^{z})}{\partial z}``: the operand
        written above the bar, after the differential, differentiated once in the variable below it."""
        if sum(1 for t in den if _is_differential([t], alone=True)) > 1 \
                or any(t.is_char("^") for t in den) and not self.labelled_variable(den):
            self.fail(tok, "mixed partial derivatives, or orders that differ above and below, are not modelled")
        var = self.sub(den[1:]).name_only(den_at, "a derivative with respect to an expression is not modelled")
        return self.written_operand(tok, num[1:], symbol(var.canonical()))

    def written_operand(self, tok: Token, rest: list[Token], var: sp.Symbol) -> sp.Expr:
        """The derivative in ``var`` of the expression ``rest`` (the numerator after its differential), kept
        unevaluated like :meth:`derivative_of`'s."""
        operand = self.sub(rest).parse_all(tok)
        if (whole := _whole_of_coordinate(operand, var)) is not None:
            # ∂ ln L(θ)/∂θ_i: θ_i is a coordinate of the θ written whole above the bar, no other unknown (which
            # would make every such derivative 0 and "prove" the condition ∂ ln L/∂θ_i = 0)
            self.fail(tok, f"a derivative in a coordinate of {whole} of an expression in {whole} whole is not "
                           "modelled")
        derived = sp.Integer(0)
        if (written := _written_terms(operand, var)) is not None:
            derived = _ellipsis_derived(operand, var)
            operand = written
        if operand.has(sp.Derivative) or operand.has(DOTS) or operand.has(Gradient):
            self.fail(tok, "a derivative of a derivative or of an ellipsis is not modelled")
        return sp.Derivative(operand, (var, 1)) + derived

    def gradient(self) -> sp.Expr:
        r"""``\nabla_w L(w)``, ``\nabla f``, ``\partial_w (…)``; ``\nabla^2 f(x)`` and ``\nabla^2_x (…)`` (the
        Hessian, or the second derivative in one variable: which, the function's definition says)."""
        tok = self.next()
        wrt = None
        var: _Name | None = None
        order = 1
        for _ in range(2):  # \nabla_x^2 and \nabla^2_x
            nxt = self.peek()
            if nxt is not None and nxt.is_char("^") and order == 1:
                self.pos += 1
                power, _ = self.arg()
                if len(power) != 1 or power[0].kind != "num" or power[0].text != "2" or tok.is_macro("partial"):
                    self.fail(nxt, "higher derivatives (the Hessian \\nabla^2) are not modelled")
                order = 2
            elif nxt is not None and nxt.is_char("_") and wrt is None:
                self.pos += 1
                arg, at = self.arg()
                wrt = render_tokens(arg)
                if arg and self.sub(arg).starts_name(arg[0]):
                    try:
                        var = self.sub(arg).name_only(at, "")
                    except _Fail:
                        var = None
        nxt = self.peek()
        if nxt is None or not self.starts_name(nxt) or self.name_starts_product(nxt):
            if var is None and wrt is None and order == 1 and tok.is_macro("nabla"):
                return Gradient(self.operand_of(tok))  # ∇(½‖w‖²): the variable is the document's (verify)
            if wrt is not None and order == 1 and tok.is_macro("nabla") \
                    and (var is None and _STEP_SUBSCRIPT.fullmatch(wrt.strip()) or var is not None and wrt.strip()
                         in STEP_LETTERS) and (nxt is None or nxt.is_char("+", "-", ")", "]", ",", "=")):
                # v_2 = 0.9v_1 + 0.1∇_2, v_t = βv_{t−1} + (1 − β)∇_t: nothing follows to differentiate, and the
                # subscript numbers a step: the gradient at that step, a name
                return symbol(f"\\nabla_{{{wrt.strip()}}}")
            if var is None:
                self.fail(tok, "the gradient of an expression needs its variable: write \\nabla_x (…)")
            return self.derivative_of(tok, symbol(var.canonical()), order)
        if order == 2:
            if wrt is not None and var is None:
                self.fail(tok, "a Hessian with respect to an expression is not modelled")
            fnm = self.name()
            name = hessian_name(None if var is None else var.canonical(), fnm.canonical())
            after = self.peek()
            if after is not None and after.is_char("("):
                return sp.Function(name)(*self.call_args())
            return symbol(name)
        return self.gradient_value(wrt, self.name())

    def name_starts_product(self, tok: Token) -> bool:
        r"""``\nabla_w \lambda w`` or ``\nabla_w \mathbf{A x}``: a name that starts a longer operand, not the
        function whose gradient is meant (``\nabla_w L(w)``, ``\nabla f``)."""
        saved = self.pos
        try:
            nm = self.name()
            nxt = self.peek()
            if nxt is None or nxt.is_char("(") or nxt.kind == "rel" or nxt.is_char(",", ")", "]", "+", "-"):
                return False
            if isinstance(self.after_name(nm), sp.Symbol) and nxt.is_char("^"):
                return True
            return self.starts_factor(nxt)
        except _Fail:
            return False
        finally:
            self.pos = saved

    def derivative_of(self, tok: Token, var: sp.Symbol, order: int) -> sp.Expr:
        r"""``\frac{d}{dx}(…)``, ``\nabla_w \big(\tfrac12\|w\|^2\big)``, ``\partial_w (…)``: the derivative of the
        operand that follows, kept unevaluated (:mod:`derive.check.calculus` differentiates it once the
        document's definitions are in). The operand is a bracketed group, or the rest of the product when
        no ``+``/``−`` follows it in the same term (``\frac{d}{dx} x^2 + 3x`` is ambiguous: which part?)."""
        derived: list[sp.Expr] = []
        return sp.Derivative(self.operand_of(tok, var, derived), (var, order)) + sum(derived, sp.Integer(0))

    def operand_of(self, tok: Token, var: sp.Symbol | None = None, derived: list[sp.Expr] | None = None) -> sp.Expr:
        """What a derivative operator applies to: a bracketed group, or the rest of the product (see
        :meth:`derivative_of`). A sum written out with an ellipsis loses its ellipsis here; what the ellipsis
        adds to the derivative (:func:`_ellipsis_derived`) goes to ``derived``."""
        nxt = self.peek()
        if nxt is None or not self.starts_factor(nxt):
            self.fail(tok, "a derivative of nothing: the operand is missing")
        start = self.pos
        operand = self.product()
        after = self.peek()
        if after is not None and after.is_char("+", "-") and _close_of(self.toks, start) != self.pos - 1:
            self.fail(tok, "ambiguous extent of a derivative: put its operand in parentheses")
        if var is not None and (written := _written_terms(operand, var)) is not None:
            if derived is not None:
                derived.append(_ellipsis_derived(operand, var))
            operand = written
        if operand.has(sp.Derivative) or operand.has(DOTS) or operand.has(Gradient):
            self.fail(tok, "a derivative of a derivative or of an ellipsis is not modelled")
        return operand

    def higher_derivative(self, tok: Token, head: Token, rest: list[Token], var: _Name, order: int) -> sp.Expr:
        r"""``\frac{d^2 f}{dx^2}`` is ``f''(x)``; ``\frac{d^2}{dx^2}(…)`` differentiates what follows twice.
        A named function under ``\partial^2`` may have other variables: not modelled."""
        if order > 4:
            self.fail(tok, "derivatives of order above 4 are not modelled")
        if not rest:
            nxt = self.peek()
            if nxt is not None and self.starts_name(nxt) and not self.name_starts_product(nxt):
                fnm = self.name()
                if self.is_function(fnm) and self.peek() is not None and self.peek().is_char("("):  # type: ignore[union-attr]
                    return sp.Derivative(sp.Function(fnm.canonical())(*self.call_args()), (symbol(var.canonical()), order))
                self.fail(tok, "a higher derivative of a name is not modelled: write f(x) after it")
            return self.derivative_of(tok, symbol(var.canonical()), order)
        if head.is_macro("partial"):
            return self.named_partial(tok, rest, [var.canonical()] * order)
        parser = self.sub(rest)
        if parser.starts_name(rest[0]) or _is_differential([head, rest[0]], alone=False):
            fnm = parser.name()
            after = parser.peek()
            if after is not None and after.is_char("(") and self.is_function(fnm):
                call = sp.Function(fnm.canonical())(*parser.call_args())
                if parser.at_end():
                    return sp.Derivative(call, (symbol(var.canonical()), order))
            parser = self.sub(rest)
        fnm = parser.name_only(tok, "a higher derivative of an expression is written \\frac{d^2}{dx^2}(…)")
        if fnm.sub is not None or fnm.mark is not None or fnm.primes:
            self.fail(tok, "a higher derivative of an indexed name is not modelled")
        higher = sp.Function(fnm.stem() + "'" * order)
        if (opening := self.peek()) is not None and opening.is_char("("):
            # \frac{d^2g}{dx^2}(x) = 2a: the second derivative at x (or at a point), as for the first, not a product
            start = self.pos
            args = self.call_args()
            if len(args) == 1 and (isinstance(args[0], sp.Symbol) or args[0].is_number):
                return higher(args[0])
            self.pos = start
        return higher(symbol(var.canonical()))

    def mixed_partial(self, tok: Token, num: list[Token], den: list[Token], den_at: Token) -> sp.Expr:
        r"""``\frac{\partial^2 f}{\partial x \partial y}``, ``\frac{\partial^3}{\partial x^2 \partial y}(…)``: the
        variables in the order written, each as often as its power says; the powers must add up to the order
        above."""
        starts = [k for k, t in enumerate(den) if _is_differential(den[k:k + 2], alone=False)
                  and (t.is_macro("partial") or t.kind in ("letter", "raw"))]
        if not starts or starts[0] != 0:
            self.fail(tok, "mixed partial derivatives, or orders that differ above and below, are not modelled")
        variables: list[str] = []
        for k, start in enumerate(starts):
            group = den[start + 1:starts[k + 1] if k + 1 < len(starts) else len(den)]
            power_at = next((j for j, t in enumerate(group) if t.is_char("^")), None)
            power = 1
            if power_at is not None:
                found = _power_at(group, power_at)
                if found is None or found[1] != len(group):
                    self.fail(tok, "mixed partial derivatives, or orders that differ above and below, are not modelled")
                power, group = found[0], group[:power_at]
            variables += [self.sub(group).name_only(den_at, "a derivative with respect to an expression is not "
                                                            "modelled").canonical()] * power
        num_power = _power_at(num, 1)
        order, rest = (1, num[1:]) if num_power is None else (num_power[0], num[num_power[1]:])
        if order != len(variables) or order > 4:
            self.fail(tok, "mixed partial derivatives, or orders that differ above and below, are not modelled")
        if not rest:
            if len(variables) == 1:
                return self.derivative_of(tok, symbol(variables[0]), 1)
            inner_d = self.derivative_of(tok, symbol(variables[0]), 1)
            if not isinstance(inner_d, sp.Derivative):  # (its ellipsis kept beside it: once, not again)
                self.fail(tok, "a second derivative of a sum written out with an ellipsis is not modelled")
            return sp.Derivative(inner_d.expr, *(symbol(v) for v in variables))
        return self.named_partial(tok, rest, variables)

    def named_partial(self, tok: Token, rest: list[Token], variables: list[str]) -> sp.Expr:
        r"""``\frac{\partial^2 q}{\partial x \partial y}`` or ``… q(x, y)``: a partial derivative of a named
        function, computed from its definition when the document gives one (else an opaque quantity)."""
        parser = self.sub(rest)
        if not parser.starts_name(rest[0]):
            self.fail(tok, "the derivative of an expression is not modelled")
        fnm = parser.name()
        name = partial_name(variables, fnm.canonical())
        if parser.at_end():
            after = self.peek()
            if after is not None and after.is_char("(") and self.is_function(fnm):
                return sp.Function(name)(*self.call_args())
            return symbol(name)
        if parser.peek() is not None and parser.peek().is_char("("):  # type: ignore[union-attr]
            args = parser.call_args()
            if parser.at_end():
                return sp.Function(name)(*args)
        self.fail(tok, "the derivative of an expression is not modelled")

    def partial(self) -> sp.Expr:
        tok = self.peek()
        assert tok is not None
        nxt = self.peek(1)
        if nxt is None or not nxt.is_char("_"):
            slashed = self.slashed_partial(tok)
            if slashed is not None:
                return slashed
            self.fail(tok, "\\partial outside \\frac{\\partial …}{\\partial …} or \\partial_x is not modelled")
        return self.gradient()

    def slashed_partial(self, tok: Token) -> sp.Expr | None:
        r"""``\partial (Ax)_j / \partial x_i``, ``\partial L/\partial w``: Leibniz's quotient written inline with a
        slash, read as ``\frac{\partial …}{\partial …}`` is. The operand runs from the ``\partial`` to the first slash
        outside brackets, the variable is the one name after the second ``\partial``; None when the tokens are not
        so (a relation, a sum or a comma comes first)."""
        depth, k = 0, self.pos + 1
        while k < len(self.toks):
            t = self.toks[k]
            if t.kind == "lbrace" or t.is_char("(") or t.is_char("["):
                depth += 1
            elif t.kind == "rbrace" or t.is_char(")") or t.is_char("]"):
                depth -= 1
                if depth < 0:
                    return None
            elif depth == 0 and t.is_char("/"):
                break
            elif depth == 0 and (t.kind == "rel" or t.is_char("+", "-", ",", "=", "&")):
                return None
            k += 1
        else:
            return None
        if k == self.pos + 1 or k + 2 >= len(self.toks) or not (self.toks[k + 1].kind == "macro"
                                                                 and self.toks[k + 1].text == "partial"):
            return None
        trial = self.sub(self.toks[k + 2:])
        if not trial.starts_name(self.toks[k + 2]):
            return None
        try:
            trial.name()
        except _Fail:
            return None
        num = self.toks[self.pos:k]
        den = self.toks[k + 1:k + 2 + trial.pos]
        self.pos = k + 2 + trial.pos
        return self.derivative(tok, num, den, den[0])

    def gradient_value(self, wrt: str | None, fnm: _Name) -> sp.Expr:
        """``\\nabla_{w} L`` applied to the arguments that follow, or a symbol of that name."""
        name = _gradient_name(wrt, fnm)
        nxt = self.peek()
        if nxt is not None and nxt.is_char("("):
            return sp.Function(name)(*self.call_args())
        return symbol(name)

    def root(self) -> sp.Expr:
        self.next()
        index = None
        nxt = self.peek()
        if nxt is not None and nxt.is_char("["):
            close = next((j for j in range(self.pos, len(self.toks)) if self.toks[j].is_char("]")), None)
            if close is None:
                self.fail(nxt, "'[' is not closed")
            index = self.sub(self.toks[self.pos + 1:close]).parse_all(nxt)
            self.pos = close + 1
        nxt = self.peek()
        if index is None and nxt is not None and nxt.is_char("("):
            # \sqrt(\hat{v}_t) + ε: TeX puts only "(" under the radical (a render warning says so), but the author
            # means the root of the bracket, and that is what the formula is checked as
            radicand = self.delimited()
        else:
            radicand = self.parse_arg()
        if index is not None and isinstance(index, sp.Rational) and index != 0:
            too_large = limits.power(radicand, 1 / index)
            if too_large:
                self.fail(self.last(), too_large)
        return sp.sqrt(radicand) if index is None else sp.root(radicand, index)

    def binomial(self) -> sp.Expr:
        tok = self.next()
        n, k = self.parse_arg(), self.parse_arg()
        too_large = limits.binomial(n, k)
        if too_large:
            self.fail(tok, too_large)
        return sp.binomial(n, k)

    def limits(self) -> tuple[tuple[list[Token], Token] | None, tuple[list[Token], Token] | None]:
        """The sub- and superscript of a big operator, in either order (``_{i=1}^{n}`` or ``^{n}_{i=1}``)."""
        lower: tuple[list[Token], Token] | None = None
        upper: tuple[list[Token], Token] | None = None
        for _ in range(2):
            nxt = self.peek()
            if nxt is not None and nxt.is_char("_") and lower is None:
                self.pos += 1
                lower = self.arg()
            elif nxt is not None and nxt.is_char("^") and upper is None:
                self.pos += 1
                upper = self.arg()
        return lower, upper

    def big_operator(self) -> sp.Expr:
        r"""``\sum_{i=0}^{t-1} body``: the body extends to the next top-level ``+``/``-``/relation."""
        tok = self.next()
        lower, upper = self.limits()
        if lower is not None and upper is None and tok.text == "sum":
            return self.generic_sum(tok, *lower)
        if lower is None and upper is None and tok.text == "sum" and (index := self.implied_index()) is not None:
            # \frac{1}{m} \sum (h(x^{(i)}) - y^{(i)}): the index is the one letter the summands are labelled by
            return self.generic_sum(tok, [dataclasses.replace(tok, kind="letter", text=index, arg=None)], tok)
        if lower is None and upper is None and tok.text == "sum":
            start = self.pos
            body = self.product()
            if body.free_symbols & DATA_SYMBOLS:
                # \frac{2}{n}\sum x(mx + c - y): a sum over the data with no index written; which names are
                # data the verifier settles once definitions are in (data_sums.indexed)
                return sp.Sum(body, (DATA_INDEX, 1, sp.Symbol(r"\#", integer=True, positive=True)))
            self.pos = start
        if lower is None or upper is None:
            self.fail(tok, f"\\{tok.text} without both limits is not modelled")
        low_tokens, low_at = lower
        eq = next((k for k, t in enumerate(low_tokens) if t.kind == "rel" and t.text == "="), None)
        if eq is None and tok.text == "sum" and (but := self.all_but_one(tok, low_tokens, low_at, upper)) is not None:
            return but
        if eq is None:
            self.fail(low_at, f"the lower limit of \\{tok.text} must read i=…")
        names = [[]]  # \sum_{i,j=1}^n: every index written before the = runs over the same range
        for t in low_tokens[:eq]:
            if t.is_char(","):
                names.append([])
            else:
                names[-1].append(t)
        indices = [symbol(self.sub(part).name_only(low_at, "the index of a sum must be a name").canonical())
                   for part in names]
        var = indices[0]
        start = self.sub(low_tokens[eq + 1:]).parse_all(low_at)
        top = upper[0]
        if len(top) >= 3 and top[1].kind == "rel" and top[1].text == "=" and top[0].kind == "letter" \
                and all(t.kind == "num" for t in top[2:]):
            top = top[2:]  # \sum_{i=1}^{n=3}: the bound named and given its value, the value is the bound
        stop = self.sub(top).parse_all(upper[1])
        self.ctx.bound.extend(indices)
        try:
            body = self.product()
            if tok.text == "sum" and len(indices) == 1:
                body = self.run_on(body, lambda term: var in term.free_symbols
                                   and any(ix.has(var) for ix in term.atoms(sp.Indexed)))
        finally:
            del self.ctx.bound[-len(indices):]
        if tok.text != "sum":
            too_large = limits.product_span(start, stop)
            if too_large:
                self.fail(tok, too_large)
        op = sp.Sum if tok.text == "sum" else sp.Product
        return op(body, *((index, start, stop) for index in indices))

    def all_but_one(self, tok: Token, low: list[Token], low_at: Token,
                    upper: tuple[list[Token], Token]) -> sp.Expr | None:
        r"""``\sum_{j \neq i}^{K} y_j \hat y_i``: the sum over ``1 … K`` less its term at ``j = i`` (the index
        left out is one of the range: softmax's other classes); None when the lower limit is not ``j \neq i``."""
        if len(low) != 3 or low[0].kind != "letter" or low[1].kind != "rel" or low[1].text != "!=" \
                or low[2].kind != "letter":
            return None
        var = symbol(low[0].text)
        stop = self.sub(upper[0]).parse_all(upper[1])
        start = self.pos
        self.ctx.bound.append(var)
        try:
            body = self.product()
        finally:
            self.ctx.bound.pop()
        # the term left out, read as written with i for j (y_i as the notes write it outside a sum, not y[i])
        term = [dataclasses.replace(t, text=low[2].text) if t.kind == "letter" and t.text == low[0].text else t
                for t in self.toks[start:self.pos]]
        return sp.Sum(body, (var, 1, stop)) - self.sub(term).parse_all(tok)

    def run_on(self, body: sp.Expr, belongs: Callable[[sp.Expr], bool]) -> sp.Expr:
        r"""The terms right after an operator's body (``+``/``−`` at its level) that ``belongs`` says are the
        operator's, added to the body. Notes leave the brackets out: ``\sum_{i=0}^k\frac{1}{\eta_{i+1}}-\frac{1}{\eta_i}``
        (a term labelled by the sum's index: outside the sum that index would be no one's), ``\lim_{x\to\infty}
        f(x) − (a_0x + a_1)`` (a term that still varies with x: outside, x would be free where the limit took it)."""
        while (nxt := self.peek()) is not None and nxt.is_char("+", "-"):
            start = self.pos
            self.pos += 1
            try:
                term = self.product()
            except _Fail:
                self.pos = start
                break
            if not belongs(term):
                self.pos = start
                break
            body = body + term if nxt.is_char("+") else body - term
        return body

    def limit(self) -> sp.Expr:
        r"""``\lim_{t \to \infty} body``: an unevaluated :class:`sympy.Limit` whose body extends like a sum's.
        The verifier evaluates it with SymPy under the ranges the document states (``0 < β < 1``)."""
        tok = self.next()
        nxt = self.peek()
        if nxt is None or not nxt.is_char("_"):
            self.fail(tok, "\\lim without a subscript (t \\to …) is not modelled")
        self.pos += 1
        low_tokens, low_at = self.arg()
        arrow = next((k for k, t in enumerate(low_tokens) if t.kind == "rel" and t.text == "->"), None)
        if arrow is None or arrow == 0 or arrow == len(low_tokens) - 1:
            self.fail(low_at, "the subscript of \\lim must read t \\to …")
        var_name = self.sub(low_tokens[:arrow]).name_only(low_at, "the variable of a limit must be a name")
        var = symbol(var_name.canonical())
        target_tokens = low_tokens[arrow + 1:]
        target_tokens, side = _one_side(target_tokens)
        if not target_tokens or target_tokens[-1].is_char("^"):
            self.fail(low_at, "the subscript of \\lim must read t \\to …")
        target = self.sub(target_tokens).parse_all(low_at)
        if target.free_symbols and not (isinstance(target, sp.Symbol) and target != var):
            # (x_B → x_A, h → a: towards a name, as the derivative's definition writes it, is taken symbolically)
            self.fail(low_at, "a limit towards an expression is not modelled")
        self.ctx.bound.append(var)
        try:
            body = self.run_on(self.product(), lambda term: var in term.free_symbols)  # (one without x stays outside)
        finally:
            self.ctx.bound.pop()
        if target.free_symbols:
            return NamedPointLimit(body, var, target, dir=side)
        return sp.Limit(body, var, target, dir=side)

    def integral(self) -> sp.Expr:
        r"""``\int_a^b f(x)\,dx``: an unevaluated definite :class:`sympy.Integral`; the integrand runs to its
        differential (``dx``, ``\mathrm{d}x``, ``d\theta``) at the same depth, or, written differential first
        (``\int_0^1 \mathrm{d}t\, t^2``), over the product after it. The verifier evaluates it with
        SymPy (:func:`derive.check.ranges.settle`). Without both bounds it has a constant of integration, and
        without a written differential its variable is a guess: both are not modelled."""
        tok = self.next()
        if (nxt := self.peek()) is not None and nxt.kind == "macro" and nxt.text in ("limits", "nolimits"):
            self.pos += 1
        lower, upper = self.limits()
        whole: str | None = None  # the range of an integral written without bounds (Ω in \int_\Omega; "" for none)
        if upper is None and (lower is None or _a_range(lower[0])):
            whole = "" if lower is None else _range_text(lower[0])
            if _the_real_line(whole):
                whole, lower, upper = None, ([], tok), ([], tok)  # \int_{\mathbb{R}}: from −∞ to ∞, as written
        elif lower is None or upper is None:
            self.fail(tok, "an integral with one bound only is not modelled")
        at = _differential(self.toks, self.pos)
        after = None  # where reading goes on past the integral
        if at is None and self.pos < len(self.toks) and self.toks[self.pos].kind == "lbrace" \
                and (close := matching_brace(self.toks, self.pos)) is not None \
                and (inside := _differential(self.toks, self.pos + 1)) is not None and inside + 2 == close:
            # \int_0^1{(x - y) f(t) dt}: the integrand and its differential in one group, the group ends the integral
            self.pos += 1
            at, after = inside, close + 1
        elif at is None and self.pos < len(self.toks) and self.toks[self.pos].is_char("(", "[") \
                and (close := _close_of(self.toks, self.pos)) is not None \
                and (inside := _differential(self.toks, self.pos + 1)) is not None and inside + 2 == close:
            # \int_0^1 \left( f''(x_k) - f''(y) d\tau \right): the differential inside the bracket that closes the
            # integrand (the bracket ends the integral; what follows it multiplies)
            self.pos += 1
            at, after = inside, close + 1
        over = None  # \int \frac{dy}{f(y)}: the differential written as the numerator, the integrand 1/f(y)
        if at is None and self.pos + 1 < len(self.toks) and self.toks[self.pos].is_macro("frac") \
                and self.toks[self.pos + 1].kind == "lbrace" \
                and (close := matching_brace(self.toks, self.pos + 1)) == self.pos + 4 \
                and _differential(self.toks, self.pos + 2) == self.pos + 2 \
                and close + 1 < len(self.toks) and self.toks[close + 1].kind == "lbrace" \
                and (end := matching_brace(self.toks, close + 1)) is not None:
            at, over = self.pos + 2, (close + 2, end)
        if at is None:
            self.fail(tok, "an integral without its differential (dx) at the end is not modelled")
        if over is None:
            at = _outer_differential(self.toks, self.pos, at)  # \int_0^1\int_0^y xy\,dx\,dy: dy is this one's
        var_tok = self.toks[at + 1]
        var = self.sub([var_tok]).parse_all(var_tok)
        if not isinstance(var, sp.Symbol):
            self.fail(var_tok, "the variable of an integral must be a name")
        # π in a bound (∫_0^π sin θ dθ) is the number: a bound is where the integral is taken, not a name
        if whole is not None or not lower[0]:
            low, high = (sp.S.Zero, sp.S.Zero) if whole is not None else (-sp.oo, sp.oo)
        else:
            low = self.sub(lower[0]).parse_all(lower[1])
            high = self.sub(upper[0]).parse_all(upper[1])
        pi = {x: sp.pi for x in low.free_symbols | high.free_symbols if str(x) == "\\pi"}
        low, high = low.xreplace(pi), high.xreplace(pi)
        self.ctx.bound.append(var)
        try:
            if over is not None:
                body = 1 / self.sub(self.toks[over[0]:over[1]]).parse_all(tok)
                self.pos = over[1] + 1
            elif at == self.pos:
                # \int_0^1 \mathrm{d}t\, t^2: the differential first, as physicists write it; the integrand is the
                # product that follows, as for Σ and an E without brackets
                self.pos = at + 2
                nxt = self.peek()
                if nxt is None or not self.starts_factor(nxt):
                    self.fail(tok, "an integral with nothing after its differential is not modelled")
                body = self.product()
            else:
                body = self.sub(self.toks[self.pos:at]).parse_all(tok)
                self.pos = at + 2 if after is None else after
        finally:
            self.ctx.bound.pop()
        if var.is_nonnegative:
            # ∫_{-1}^{1} |t| dt: t and τ are declared positive (a step, a dampening), but the variable of an
            # integral takes the values between its bounds, whatever the name means elsewhere
            plain = type(var)(var.name, real=True)
            body, var = body.xreplace({var: plain}), plain
        if whole is not None:
            return unbounded(body, var, whole)  # decided only by .unbounded (never evaluated: no range is written)
        return sp.Integral(body, (var, low, high))

    def rounding(self, tok: Token, name: str) -> sp.Expr:
        r"""``\lfloor t/s \rfloor``, ``\lceil x \rceil``: the floor or ceiling of what they enclose (a step
        schedule's ``η_0 γ^{\lfloor t/s \rfloor}``)."""
        closer = _ROUNDINGS[name]
        depth = 0
        for k in range(self.pos, len(self.toks)):
            t = self.toks[k]
            if t.is_macro(name):
                depth += 1
            elif t.is_macro(closer):
                depth -= 1
                if depth == 0:
                    inner = self.sub(self.toks[self.pos + 1:k]).parse_all(tok)
                    self.pos = k + 1
                    return sp.floor(inner) if name == "lfloor" else sp.ceiling(inner)
        self.fail(tok, f"\\{name} without its \\{closer}")

    def implied_index(self) -> str | None:
        r"""The index of a ``\sum`` written with no limits at all: the one letter among i, j, k, l that labels the
        names of its body as a whole subscript or a bracketed superscript (``y_i``, ``x^{(i)}``); None when there
        is no such letter or more than one. The body is read up to the next top-level ``+``, ``-`` or relation."""
        found: set[str] = set()
        depth = 0
        toks = self.toks
        for k in range(self.pos, len(toks)):
            t = toks[k]
            if t.kind == "lbrace" or t.is_char("(", "["):
                depth += 1
            elif t.kind == "rbrace" or t.is_char(")", "]"):
                depth -= 1
                if depth < 0:
                    break
            elif depth == 0 and (t.kind == "rel" or t.is_char("+", "-") and k > self.pos):
                break
            if t.is_char("_") and k + 1 < len(toks):
                nxt = toks[k + 1]
                if nxt.kind == "letter" and nxt.text in _SUM_INDEX_LETTERS:
                    found.add(nxt.text)
                elif nxt.kind == "lbrace" and k + 3 < len(toks) and toks[k + 2].kind == "letter" \
                        and toks[k + 2].text in _SUM_INDEX_LETTERS and toks[k + 3].kind == "rbrace":
                    found.add(toks[k + 2].text)
            elif t.is_char("^") and k + 4 < len(toks) and toks[k + 1].kind == "lbrace" and toks[k + 2].is_char("(") \
                    and toks[k + 3].kind == "letter" and toks[k + 3].text in _SUM_INDEX_LETTERS \
                    and toks[k + 4].is_char(")"):
                found.add(toks[k + 3].text)
        return found.pop() if len(found) == 1 else None

    def generic_sum(self, tok: Token, low_tokens: list[Token], low_at: Token) -> sp.Expr:
        r"""``\sum_i α_i u_i``, ``\sum_{i \in B} …`` and ``\sum_{j \neq y}``: a sum over an index set the note
        does not write out (each set, ``B`` or "all but ``y``", has a count of its own).

        It is read as ``Sum(body, (i, 1, #))`` with one count ``#`` shared by every sum over "all indices"
        (and one per named set): an identity that holds for every finite index set holds for ``1…#`` and
        conversely, provided the index only labels quantities (``u_i``, ``W_{ij}``). So the index must
        appear as a whole subscript of an indexed quantity and nowhere else: ``\sum_i i x_i`` or
        ``\sum_i x_{i+1}`` depend on which integers the set holds, and are not modelled. Linearity
        identities are proved; a false one stays undecided (indexed quantities are not refuted)."""
        if any(t.kind == "rel" and t.text == "=" for t in low_tokens):
            self.fail(tok, f"\\{tok.text} without both limits is not modelled")
        several = _split_commas(low_tokens)
        if len(several) > 1 and all(len(part) == 1 and part[0].kind == "letter" for part in several):
            return self.multi_sum(tok, [part[0] for part in several])
        if len(low_tokens) == 2 and all(t.kind == "letter" and t.text in _SUM_INDEX_LETTERS for t in low_tokens):
            return self.multi_sum(tok, list(low_tokens))  # \sum_{ij}: over every pair, as \sum_{i,j}
        member = next((k for k, t in enumerate(low_tokens) if t.kind == "rel" and t.text in ("in", "!=")), None)
        index_tokens = low_tokens if member is None else low_tokens[:member]
        var_name = self.sub(index_tokens).name_only(low_at, "the index of a sum must be a name")
        if var_name.sub is not None or var_name.mark is not None or var_name.primes:
            self.fail(low_at, "the index of a sum must be a name")
        var = symbol(var_name.canonical())
        if member is None:
            count = sp.Symbol(r"\#", integer=True, positive=True)
        else:
            where = low_tokens[member + 1:]
            if not where:
                self.fail(low_at, "a sum over a set needs the set after \\in")
            kept = "" if low_tokens[member].text == "in" else r"\neq "  # j ≠ y_i: every index but one
            count = sp.Symbol(r"\#" + kept + render_tokens(where), integer=True, positive=True)
        self.ctx.bound.append(var)
        try:
            body = self.product()
        finally:
            self.ctx.bound.pop()
        labels = [ix for ix in body.atoms(sp.Indexed) if ix.has(var)]
        if any(any(index != var and index.has(var) for index in ix.indices) for ix in labels):
            self.fail(tok, "a sum over an unwritten range whose index is shifted or combined (x_{i+1}, w_{ij}) is not modelled")
        held = body.xreplace({ix: sp.Dummy() for ix in labels})
        if not labels or held.has(var):
            self.fail(tok, "a sum over an unwritten range is modelled only when its index labels quantities "
                           "(u_i), not as a number")
        return sp.Sum(body, (var, 1, count))

    def multi_sum(self, tok: Token, letters: list[Token]) -> sp.Expr:
        r"""``\sum_{j,k} a_{jk} x_j x_k``: one sum over every pair (each index over all of the unwritten set, as
        ``\sum_j \sum_k``), read as nested sums of :meth:`generic_sum`'s kind sharing its count."""
        names = [symbol(t.text) for t in letters]
        if len(set(names)) != len(names):
            self.fail(tok, "a sum over the same index twice")
        count = sp.Symbol(r"\#", integer=True, positive=True)
        self.ctx.bound.extend(names)
        try:
            body = self.product()
        finally:
            del self.ctx.bound[-len(names):]
        labels = [ix for ix in body.atoms(sp.Indexed) if ix.has(*names)]
        if any(any(index not in names and index.has(*names) for index in ix.indices) for ix in labels):
            self.fail(tok, "a sum over an unwritten range whose index is shifted or combined (x_{i+1}) is not modelled")
        held = body.xreplace({ix: sp.Dummy() for ix in labels})
        if not labels or held.has(*names) or any(not any(ix.has(n) for ix in labels) for n in names):
            self.fail(tok, "a sum over an unwritten range is modelled only when its indices label quantities "
                           "(a_{jk}), not as numbers")
        return sp.Sum(body, *((n, 1, count) for n in reversed(names)))

    def function1(self, tok: Token, name: str) -> sp.Expr:  # noqa: C901 - one function's spellings
        r"""``\exp(x)``, ``\log x``, ``\sign(x)``: one argument, parenthesized or a single factor."""
        base = None
        nxt = self.peek()
        if name == "log" and nxt is not None and nxt.is_char("_"):
            self.pos += 1
            base = self.parse_arg()
            if isinstance(base, sp.Symbol) and base.name == "e":
                base = None  # log_e x: the natural logarithm (e in a base is never a quantity)
            nxt = self.peek()
        power = None
        if nxt is not None and nxt.is_char("^"):
            # the typesetting convention: \tan^{-1} x is arctan x, \sin^2 x is (sin x)^2
            self.pos += 1
            raised = self.parse_arg()
            if raised == -1 and name in _INVERSE:
                name = _INVERSE[name]
            elif isinstance(raised, sp.Integer) and raised > 1:
                power = raised
            else:
                self.fail(nxt, f"a power written on \\{name} before its argument is not modelled")
            nxt = self.peek()
        if nxt is None:
            self.fail(tok, f"\\{name} without an argument")
        if nxt.is_char("("):
            args = self.call_args()
            if len(args) != 1:
                self.fail(nxt, f"\\{name} takes one argument")
            arg = self._raised_inside(name, args[0])
        else:
            arg = self.factor()
            after = self.peek()
            if after is not None and self.starts_factor(after):
                arg = self._juxtaposed_argument(name, arg, after)
        fn = FUNCTIONS_1[name]
        if fn in ("sin", "cos", "tan", "sec", "csc", "cot"):  # cos(π/2), cos(πt/T): an angle, π the number
            arg = arg.xreplace({x: sp.pi for x in arg.free_symbols if x.name == r"\pi"})
        if fn == "log10":
            value = sp.log(arg, 10)
        elif base is not None:
            value = sp.log(arg, base)
        else:
            value = getattr(sp, fn)(arg)
        return value ** power if power is not None else value

    def _juxtaposed_argument(self, name: str, first: sp.Expr, after: Token) -> sp.Expr:
        r"""``\log σ(z)^y (1 − σ(z))^{1−y}``: a log before factors written side by side takes all of them, the
        textbook convention (``\log ab = \log a + \log b``). A product sign, a sum, another function name or a big
        operator ends the argument. The reading is recorded: the author may have meant the first factor alone, so a
        link it makes false is only undecided. Other names (``\sin 2πt``) still ask for parentheses."""
        if self._ends_argument(after):
            return first  # \log a \log b: the product of two logs, nothing ambiguous
        if name not in _TAKES_PRODUCT:
            self.fail(after, f"ambiguous argument of \\{name}: add parentheses")
        arg = first
        while (nxt := self.peek()) is not None and self.starts_factor(nxt) and not self._ends_argument(nxt):
            arg = arg * self.factor()
        self.ctx.readings.append(f"\\{name} read as applying to the whole product written after it")
        return arg

    @staticmethod
    def _ends_argument(tok: Token) -> bool:
        """A token that starts a new factor of the product rather than more of a function's argument."""
        if tok.kind == "dots":
            return True
        return tok.kind == "macro" and (tok.text in FUNCTIONS_1 or tok.text in BIG_OPS or tok.text in MAX_MIN
                                        or tok.text in ("int", "nabla", "partial", "frac", "dfrac", "tfrac"))

    def _raised_inside(self, name: str, arg: sp.Expr) -> sp.Expr:
        r"""``\log(1 − σ)^{1−y}`` is ``\log((1 − σ)^{1−y})``: the log of a power with a symbolic exponent is what
        log-likelihoods write, the power of a log almost never. A number exponent (``\log(x)^2``) stays on the
        value, as it is read everywhere else; only ``\log`` and ``\ln`` take this reading, recorded as one."""
        nxt = self.peek()
        if name not in ("log", "ln") or nxt is None or not nxt.is_char("^"):
            return arg
        mark = self.pos
        self.pos += 1
        raised = self.parse_arg()
        if raised.is_number:
            self.pos = mark
            return arg
        self.ctx.readings.append(f"\\{name}(a)^{{b}} read as the log of the power")
        return arg ** raised

    def optimum(self, tok: Token, found: optima.Head) -> sp.Expr:
        r"""``\arg\min_{w} F``, ``\max_{θ ∈ Θ} J(θ)`` in any spelling (:func:`.optima.head`): an
        :class:`.optima.Optimum` whose objective is the rest of the side; the variables are names, each maybe
        with its domain (``θ \in \mathbb{R}^D``, kept as written)."""
        self.pos = found.stop
        below = found.below
        if below is None and (nxt := self.peek()) is not None and nxt.is_char("_"):
            self.pos += 1
            below, _ = self.arg()
        if not below:
            self.fail(tok, f"{found.kind} without its variable is not modelled")
        variables: list[sp.Symbol] = []
        domains: list[str] = []
        for part in _split_commas(below):
            cut = next((k for k, t in enumerate(part) if t.kind == "rel"), len(part))
            if cut < len(part) and part[cut].text not in ("in", *_BOUNDS):
                self.fail(part[cut], f"{found.kind} under a constraint is not modelled")
            names = part[:cut]
            if not names:
                self.fail(tok, f"{found.kind} without its variable is not modelled")
            variables.append(symbol(self.sub(list(names)).name_only(names[0], f"the variable of {found.kind} "
                                                                    "must be a name").canonical()))
            # s ≥ 0 kept as written, with its sign: two optima are one only over the same domain, and a closed form
            # is compared only over ℝ (:func:`.optima.closed_form`), so a bound never yields a wrong optimizer
            start = cut + 1 if cut < len(part) and part[cut].text == "in" else cut
            domains.append(render_tokens(part[start:]) if cut < len(part) else "")
        if len(set(domains)) > 1:
            self.fail(tok, f"{found.kind} over variables with different domains is not modelled")
        while not self.at_end() and self.toks[self.pos].kind == "sep" and self.toks[self.pos].text in ("quad", "qquad"):
            self.pos += 1  # \underset{β}{\operatorname{argmin}} \quad J(β): the space set before the objective
        if self.at_end() or not self.starts_factor(self.toks[self.pos]):
            self.fail(tok, f"{found.kind} of nothing")
        body = self.expr()
        return optima.Optimum(body, Str(found.kind), Str(domains[0]), *variables)

    def max_min(self, tok: Token, name: str) -> sp.Expr:
        nxt = self.peek()
        if nxt is not None and nxt.is_char("_"):
            self.fail(nxt, f"\\{name} over a set is not modelled")
        if nxt is None or (nxt.kind, nxt.text) not in _OPEN_KIND:
            self.fail(tok, f"\\{name} without a parenthesized list is not modelled")
        args = self.call_args()
        return (sp.Max if name == "max" else sp.Min)(*args)


#: The relations of a bound on an optimum's variable (``\arg\min_{s \geq 0}``), as the tokenizer spells them.
_BOUNDS = frozenset({"geq", "leq", "ge", "le", ">", "<", "≥", "≤", ">=", "<="})


def _split_commas(tokens: list[Token]) -> list[list[Token]]:
    """``t-i, j`` -> ``[t-i]``, ``[j]`` (top-level commas only)."""
    parts: list[list[Token]] = [[]]
    for tok, depth in zip(tokens, _depths(tokens)):
        if depth == 0 and tok.is_char(","):
            parts.append([])
        else:
            parts[-1].append(tok)
    return parts


def _close_of(tokens: list[Token], start: int) -> int | None:
    """The index of the bracket that closes the one at ``start``."""
    depth = 0
    for j in range(start, len(tokens)):
        tok = tokens[j]
        if (tok.kind, tok.text) in _OPEN_KIND:
            depth += 1
        elif (tok.kind, tok.text) in _CLOSE_KIND:
            depth -= 1
            if depth == 0:
                return j
    return None


#: An acronym (MSE, RSS, RMSE, NLL): written in upright letters it is one name.
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+")


def _derivative_order(num: list[Token], den: list[Token]) -> tuple[int, list[Token], list[Token]] | None:
    r"""The order of ``\frac{d^n …}{dx^n}`` with the numerator after ``d^n`` and the denominator without its
    power: order 1 without powers, n when both powers are the same number on a single variable, None for
    what is not modelled (``\partial x \partial y``, ``d^2 f / dx``)."""
    if sum(1 for t in den if _is_differential([t], alone=True)) > 1:
        return None
    num_power = _power_at(num, 1)
    den_at = next((k for k in range(1, len(den)) if den[k].is_char("^")), None)
    den_power = _power_at(den, den_at) if den_at is not None else None
    if num_power is None and den_power is None:
        return 1, num[1:], den  # \partial a^{(l)}_i, \partial \hat{y}_j^k: a superscript of the name, not a power
    if num_power is None or den_power is None or den_power[0] != num_power[0] or den_power[1] != len(den):
        return None
    return num_power[0], num[num_power[1]:], den[:den_at]


def _power_at(tokens: list[Token], k: int) -> tuple[int, int] | None:
    """``^2`` or ``^{2}`` at ``tokens[k]``: the integer and the index after it."""
    if k >= len(tokens) or not tokens[k].is_char("^"):
        return None
    stop = arg_span(tokens, k + 1)
    if stop is None:
        return None
    body = inner(tokens, k + 1, stop)
    if len(body) != 1 or body[0].kind != "num" or not body[0].text.isdigit():
        return None
    return int(body[0].text), stop


def _gradient_name(wrt: str | None, fnm: _Name) -> str:
    name = fnm.canonical()
    word = re.fullmatch(r"\\(?:mathrm|text|operatorname|textrm|mathit)\{([A-Za-z]+)\}", name)
    if word and word.group(1).lower() in ("sigmoid", "logistic"):
        name = "\\sigma"  # d/dx \text{sigmoid}(x): the σ a call \text{sigmoid}(x) reads as (see _NAMED_FUNCTIONS)
    return r"\nabla" + ("" if wrt is None else "_{" + wrt + "}") + " " + name


def _differential_of_expression(tokens: list[Token]) -> bool:
    r"""``\partial (…)``, ``\partial \ln(…)``, ``d\left(…\right)``: a differential followed by an expression
    rather than a name (``d`` only before a bracket or a function macro: ``d x`` is a name's differential)."""
    if len(tokens) < 2 or _is_differential(tokens, alone=False):
        return False
    head, after = tokens[0], tokens[1]
    if head.is_macro("partial"):
        return not after.is_char("^", "_")
    if not _is_differential(tokens[:1], alone=True):
        return False
    return after.is_char("(", "[") or after.kind == "lbrace" or (after.kind == "macro" and after.text in (
        "left", "ln", "log", "exp", "sum", "frac", "sqrt", "sin", "cos", "tanh", "sigma"))


def _variation_as_partial(num: list[Token], den: list[Token]) -> tuple[list[Token], list[Token]]:
    r"""``\frac{\delta E}{\delta W}``: a quotient of variations, δ before a name above and below, is a derivative
    (as ``\partial`` would write it); read as δ times E over δ times W, δ cancelled and ``δy/δx = y/x`` was
    proved. A δ above alone (``\frac{\delta}{\delta x}``) or one side only is left as written."""
    def bare(tokens: list[Token]) -> list[Token]:  # {{\delta E} \over {\delta b}}: the group around each side
        whole = len(tokens) >= 2 and tokens[0].kind == "lbrace" and matching_brace(tokens, 0) == len(tokens) - 1
        return tokens[1:-1] if whole else tokens

    def varied(tokens: list[Token]) -> bool:
        return len(tokens) >= 2 and tokens[0].is_macro("delta") and _is_differential(
            [dataclasses.replace(tokens[0], kind="macro", text="partial"), *tokens[1:]], alone=False)
    top, bottom = bare(num), bare(den)
    if not (varied(top) and varied(bottom)):
        return num, den
    return ([dataclasses.replace(top[0], text="partial"), *top[1:]],
            [dataclasses.replace(bottom[0], text="partial"), *bottom[1:]])


def _is_differential(tokens: list[Token], *, alone: bool) -> bool:
    """``\\partial …``, ``d …`` or ``\\mathrm{d} …`` (``alone``: the bare operator counts too)."""
    if not tokens:
        return False
    head = tokens[0]
    is_d = head.is_macro("partial") or (head.kind == "letter" and head.text == "d") or (
        head.kind == "raw" and head.text in UPRIGHT_MACROS | TEXT_MACROS and (head.arg or "").strip() == "d"
    )  # (\text{d}σ(t)/\text{d}t as \mathrm{d}: an upright d, whatever macro sets it)
    if not is_d:
        return False
    if len(tokens) == 1:
        return alone
    after = tokens[1]  # d L, \partial \theta, d\mathbf{w}: a name must follow (d+1 is no differential)
    if after.kind in ("letter", "word") or (after.kind == "raw" and after.text in ALPHABET_MACROS):
        return True
    if after.kind == "raw" and after.text in TEXT_MACROS | UPRIGHT_MACROS \
            and re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", (after.arg or "").strip()):
        return True  # d\,\text{MSE}, \partial \mathrm{loss}: the differential of a name in upright letters
    return after.kind == "macro" and (after.text in GREEK or after.text in LETTER_MACROS or after.text in BOLD
                                      or after.text in ACCENTS) or after.is_char("^")


#: How the identity matrix is written (``I``, ``\mathbf{I}``, ``\mathbb{I}``, ``I_2``, ``I_n``): its size is the
#: size of the written matrices it is added to.
_IDENTITY = re.compile(r"I(?:_\{?(?:\d|[a-z])\}?)?")


def with_matrices(arg: sp.Expr, matrices: Mapping[sp.Symbol, sp.Expr],
                  scalar: Callable[[sp.Symbol], bool] = lambda _: True) -> sp.Expr:
    r"""``arg`` (the argument of ``\det`` or a trace) with the written matrices given to its names put in and
    computed entry by entry, an identity ``I`` taking the size of those matrices: ``A − λI`` after ``A = [[4, 2],
    [1, 3]]`` is ``[[4 − λ, 2], [1, 3 − λ]]``. ``arg`` unchanged when none of its names holds a square matrix (or
    the sizes differ), so that what is not written out stays unmodelled; also when a name left in it is not a
    ``scalar`` (``Av`` with ``v`` a vector is no matrix of entries ``4v``)."""
    given = {x: matrices[x] for x in arg.free_symbols if x in matrices}
    sizes = {len(m.args) for m in given.values() if isinstance(m, Rows) and all(len(r.args) == len(m.args) for r in m.args)}
    if not given or len(sizes) != 1 or len(given) != sum(isinstance(m, Rows) for m in given.values()):
        return arg
    n = sizes.pop()
    identity = Rows(*(Coords(*(sp.S.One if i == j else sp.S.Zero for j in range(n))) for i in range(n)))
    ones = {x: identity for x in arg.free_symbols if x not in given and _IDENTITY.fullmatch(x.name)}
    if not all(scalar(x) for x in arg.free_symbols - set(given) - set(ones)):
        return arg
    value = reduce_coords(arg.xreplace({**given, **ones}), lambda _: True)
    return value if isinstance(value, Rows) and not value.has(*matrices) else arg
