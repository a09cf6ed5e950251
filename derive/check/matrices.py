r"""Links written in matrix notation: ``(AB)^\top = B^\top A^\top``, ``\|Xw - y\|^2 = w^\top X^\top X w - 2y^\top Xw
+ y^\top y``, ``(I - \eta\Lambda) z = z - \eta\Lambda z``.

The scalar reader drops transposes and multiplies in any order, so on its own it would "prove" ``AB = BA`` and
``S = S^\top``. This module reads a link whose notation is matrix algebra (a transpose, a bold or transposed
capital, the identity ``I`` next to them) as written, with the order of products kept, and decides it:

- **proved** when both sides have the same normal form in the free algebra with transpose: products expanded,
  transposes pushed onto the names (``(AB)^\top = B^\top A^\top``), a matrix the document calls symmetric equal
  to its transpose, and a product that is a number (``y^\top X w``) equal to its own transpose. Each rule is an
  identity of matrices of every size, so equal normal forms prove the link for all sizes; the proof is also
  checked on random matrices, and a disagreement is never reported as proved;
- **false** only when the sides differ on random small integer matrices and vectors (exact arithmetic, several
  sizes) *and* still differ when every square matrix is diagonal *and* when every size is 1 (the scalar
  reading). So a link that would hold for symmetric, commuting or diagonal matrices the text does not mention
  (``\Lambda`` of a spectral decomposition) is undecided, never false;
- **undecided** otherwise, with the reason (shapes that do not fit, a definition in scope, an inverse that
  the normal form does not simplify, ...).

A closed form of an argmin is checked against its objective by :mod:`derive.check.matrix_argmin`.

Which names are matrices and vectors comes from the notation of the whole document: a bold capital or a
capital with a transpose anywhere is a matrix, a bold lowercase letter or one with a transpose is a vector,
``I`` is the identity, capital Greek ``\Lambda`` and ``\Sigma`` are matrices; every other name is a number.
Nothing here evaluates document text: the tokens are read by a small parser of the notation."""
from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Iterator, Union

import sympy as sp

from .latex_tokens import GREEK, LETTER_MACROS, Token, tokenize

# ==================================================================================================
# Document notation
# ==================================================================================================

_BOLD = frozenset({"mathbf", "boldsymbol", "bm", "pmb", "mathbold", "bf", "vb", "vec", "vect"})
_ACCENTS = frozenset({"hat", "bar", "tilde", "widehat", "widetilde", "overline", "dot", "check", "breve"})
_MATRIX_GREEK = frozenset({"Lambda", "Sigma"})
#: Greek names that stand for a vector when written right after a matrix (``Xβ``, ``Σ^{-1}μ``); π is a number.
_VECTOR_GREEK = frozenset(g for g in GREEK if g[0].islower() and g not in ("pi", "varpi"))
_TRANSPOSE_RAW = frozenset({"T", "\\top", "⊤"})
_POSITIVE_DEFINITE = (r"positive (?:semi-?)?definite|положительно (?:полу)?определ|正定|半正定|positiv (?:semi)?definit"
                      r"|définie positive")
_SYMMETRIC = re.compile(r"symmetric|симметричн|对称|symmetrisch|symétrique|" + _POSITIVE_DEFINITE, re.I)
_DEFINITE_WORDS = re.compile(_POSITIVE_DEFINITE, re.I)
#: The word "matrix" in the languages of the notes: the capitals written next to it are matrices.
MATRIX_WORDS = re.compile(r"\bmatri(?:x|ces|ce|z|zen|zes)\b|\bmacierz\w*|матриц\w*|矩阵|行列|행렬", re.I)
#: The property denied: "not (necessarily) symmetric", "non-symmetric", "не симметрична", "nicht symmetrisch", "非对称".
_NEGATED = re.compile(r"(?:\bnot\b|\bnon-?|\bне\b|\bnicht\b|\bun|[非不])\s*(?:necessarily\s+|always\s+|обязательно\s+|notwendig\w*\s+)?"
                      r"(?:symmetric|симметричн|对称|symmetrisch|positive|положительно|正定|positiv)", re.I)
#: Words that name a factorization into orthogonal and diagonal factors.
_DECOMPOSITION = re.compile(r"\bSVD\b|singular[ -]value decomposition|eigen-?decomposition|spectral decomposition"
                            r"|orthogonal matri|orthonormal (?:matri|basis|columns)|\bQR\b|сингулярн\w* разложени"
                            r"|спектральн\w* разложени|ортогональн\w* (?:матриц|преобразовани)|奇异值分解|特征分解|正交矩阵"
                            r"|orthogonal transform|orthogonale\w* (?:Matri|Transformation)|Orthogonalmatri|"
                            r"Singulärwertzerlegung|Eigen(?:wert)?zerlegung|matrices? orthogonales?|matri(?:z|ces) ortogona(?:l|les|is)|"
                            r"décomposition (?:en valeurs singulières|spectrale)|直交行列|直交変換|特異値分解|固有値分解|正規直交", re.I)
#: ``\mathbf{Q} \succ 0``, ``A \succeq 0``: a positive (semi)definite matrix, symmetric by the convention of notes.
_DEFINITE = re.compile(r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?\\?([A-Za-z]+)\s*\}?\s*\\succ(?:eq)?\s*0")
_DECLARED = re.compile(r"(?<![_\\A-Za-z{])([A-Za-z])\s*\\in\s*\\(?:mathbb|mathbf|Bbb)\s*\{?R\}?\s*\^\s*\{([^{}]*)\}")


@dataclass
class Notation:
    """What the document's notation says about names: letters written as matrices and as vectors, and the
    matrices it calls symmetric."""

    matrices: set[str] = field(default_factory=set)
    vectors: set[str] = field(default_factory=set)
    symmetric: set[str] = field(default_factory=set)
    definite: set[str] = field(default_factory=set)  # called positive (semi)definite: symmetric, and convex
    factored: bool = False  # the prose names a decomposition (SVD, eigen-, QR): orthogonal and diagonal factors

    def any(self) -> bool:
        return bool(self.matrices or self.vectors)


def _is_transpose(arg: list[Token]) -> bool:
    if len(arg) != 1:
        return False
    tok = arg[0]
    return (tok.is_macro("top", "intercal") or (tok.kind == "letter" and tok.text == "T")
            or (tok.kind == "raw" and (tok.arg or "").strip() == "T") or tok.text == "⊤")


def _arg(tokens: list[Token], i: int) -> tuple[list[Token], int] | None:
    """The argument starting at ``i`` (a braced group or one token) and the index after it."""
    if i >= len(tokens):
        return None
    if tokens[i].kind == "lbrace":
        depth = 0
        for j in range(i, len(tokens)):
            depth += 1 if tokens[j].kind == "lbrace" else -1 if tokens[j].kind == "rbrace" else 0
            if depth == 0:
                return tokens[i + 1:j], j + 1
        return None
    return [tokens[i]], i + 1


def notation(math: list[str], prose: str) -> Notation:
    """Scan the document's math for letters written bold or with a transpose, and its prose and math for
    matrices called symmetric (``A`` symmetric, ``A = A^\\top`` stated) or declared ``A \\in \\mathbb{R}^{n\\times n}``."""
    found = Notation()
    for text in math:
        toks = tokenize(text).tokens
        if _GRADIENT_TRANSPOSED.search(text):
            # ∇f(x_k)^T(x_k − x^*): the gradient is a vector, so the point it is taken at is one too
            found.vectors |= {m.group(1) for m in _GRADIENT_AT.finditer(text)}
        for i, tok in enumerate(toks):
            letter: str | None = None
            bold = False
            if tok.kind == "macro" and tok.text in _BOLD:
                got = _arg(toks, i + 1)
                if got and len(got[0]) == 1 and got[0][0].kind in ("letter", "macro"):
                    letter, bold = _letter(got[0][0]), True
            if letter is not None and bold:
                (found.matrices if _capital(letter) else found.vectors).add(letter)
            if tok.is_char("^"):
                got = _arg(toks, i + 1)
                if got and _is_transpose(got[0]):
                    base = _base_before(toks, i)
                    if base is not None:
                        (found.matrices if _capital(base) else found.vectors).add(base)
        for m in _DECLARED.finditer(text):
            dims = m.group(2)
            if "\\times" in dims or "×" in dims:
                found.matrices.add(m.group(1))
            elif m.group(1).islower():
                found.vectors.add(m.group(1))
    for sentence in _sentences_with(_SYMMETRIC, prose):
        if _NEGATED.search(sentence):
            continue  # "any matrix (not necessarily symmetric)": nothing is said to be symmetric
        for m in re.finditer(r"\$\s*(?:\\mathbf\{|\\boldsymbol\{|\\bm\{)?\\?([A-Za-z]+)\}?\s*(?=\$|\\in(?![A-Za-z]))", sentence):
            name = m.group(1)
            if not _nearest_is_symmetric(sentence, m.start()):
                continue  # "Let $A$ symmetric, $U$ orthogonal": U is the orthogonal one
            if name in found.matrices or name in _MATRIX_GREEK or _capital_letter(name):
                found.symmetric.add(name)  # (a capital the text calls symmetric is a matrix)
                found.matrices.add(name)
    for m in MATRIX_WORDS.finditer(prose):
        # "Let $A$, $B$ be constant matrices and $X$ a matrix variable", "матрицы $A$ и $B$": the capitals written
        # right around the word are matrices (only those: "$N$ columns" later in the sentence stays a number)
        near = prose[max(0, m.start() - 60):m.end() + 40]
        for name in re.findall(r"\$\s*(?:\\mathbf\{|\\boldsymbol\{|\\bm\{)?([A-Z])\}?\s*\$", near):
            if _capital_letter(name):
                found.matrices.add(name)
    for sentence in _sentences_with(_DEFINITE_WORDS, prose):
        if _NEGATED.search(sentence):
            continue
        for name in re.findall(r"\$\s*(?:\\mathbf\{|\\boldsymbol\{|\\bm\{)?\\?([A-Za-z]+)\}?\s*(?=\$|\\in(?![A-Za-z]))", sentence):
            if name in found.matrices or name in _MATRIX_GREEK:
                found.definite.add(name)
    for m in _DEFINITE.finditer(prose):
        if m.group(1) in found.matrices or m.group(1) in _MATRIX_GREEK:
            found.symmetric.add(m.group(1))
            found.definite.add(m.group(1))
    found.matrices.discard("I")
    found.factored = bool(_DECOMPOSITION.search(prose))
    return found


#: A gradient transposed (``\nabla f(x_k)^T``, ``\nabla f(x)^\top``): the notes compute with vectors.
_GRADIENT_TRANSPOSED = re.compile(r"\\nabla\s*[A-Za-z]\w*\s*\([^()]*\)\s*\^\s*\{?\s*(?:T|\\top|\\intercal)\b")
#: The letter of the point a gradient is taken at (``x`` of ``\nabla f(x_k)``).
_GRADIENT_AT = re.compile(r"\\nabla\s*[A-Za-z]\w*\s*\(\s*([a-z])(?![A-Za-z])")


def _capital_letter(name: str) -> bool:
    """One capital Latin letter (``A``): a matrix when the text calls it symmetric or definite."""
    return len(name) == 1 and "A" <= name <= "Z" and name != "I"


#: Other properties a sentence may give matrices beside symmetry: each name takes the one written nearest to it.
_OTHER_PROPERTY = re.compile(r"orthogonal|orthonormal|unitary|diagonal|triangular|invertible|nonsingular|singular|"
                             r"skew|antisymmetric|idempotent|ортогональн|диагональн|正交|对角|orthogonale?|diagonale?",
                             re.I)


def _nearest_is_symmetric(sentence: str, at: int) -> bool:
    """Is the property word nearest to position ``at`` of ``sentence`` the symmetric one? ("Let $A$ symmetric, $U$
    orthogonal": A's is, U's is not.) With no other property named, every name of the sentence is the symmetric
    one's, as before."""
    others = [m for m in _OTHER_PROPERTY.finditer(sentence) if not _SYMMETRIC.fullmatch(m.group(0))]
    if not others:
        return True
    # the words of the name's own clause (between commas) first: "$A$ symmetric, $U$ orthogonal"
    start = max(sentence.rfind(c, 0, at) for c in ",;，、") + 1
    stops = [k for k in (sentence.find(c, at) for c in ",;，、") if k >= 0]
    end = min(stops) if stops else len(sentence)
    words = [(m, True) for m in _SYMMETRIC.finditer(sentence)] + [(m, False) for m in others]
    own = [(m, symmetric) for m, symmetric in words if start <= m.start() and m.end() <= end]
    nearest = min(own or words, key=lambda pair: min(abs(pair[0].start() - at), abs(pair[0].end() - at)))
    return nearest[1]


def _sentences_with(word: re.Pattern[str], prose: str) -> Iterator[str]:
    """Each sentence of ``prose`` (up to ``.`` or ``。``) that contains ``word``, once. The keyword is found
    first and the sentence grown around it: a pattern that matched the sentence itself would rescan every
    sentence from each of its characters."""
    end = 0
    for m in word.finditer(prose):
        if m.start() < end:
            continue
        start = max(prose.rfind(".", 0, m.start()), prose.rfind("。", 0, m.start())) + 1
        stops = [k for k in (prose.find(".", m.end()), prose.find("。", m.end())) if k >= 0]
        end = min(stops) if stops else len(prose)
        yield prose[start:end]


def _letter(tok: Token) -> str | None:
    if tok.kind == "letter":
        return tok.text
    if tok.kind == "macro" and (tok.text in GREEK or tok.text in LETTER_MACROS):
        return tok.text  # \ell: the sample count of many notes, a letter like any other
    return None


def _capital(letter: str) -> bool:
    return letter[:1].isupper()


def _group_start(toks: list[Token], end: int) -> int:
    """The index of the ``{`` that the ``}`` at ``end`` closes (-1 if none does)."""
    depth = 0
    for j in range(end, -1, -1):
        depth += 1 if toks[j].kind == "rbrace" else -1 if toks[j].kind == "lbrace" else 0
        if depth == 0:
            return j
    return -1


def _styled_letter(toks: list[Token], brace: int) -> str | None:
    """The letter of ``\\mathbf{A}`` / ``\\hat{x}`` whose ``{`` is at ``brace``; None when no style macro is there."""
    if brace >= 1 and toks[brace - 1].kind == "macro" and (toks[brace - 1].text in _BOLD or toks[brace - 1].text in _ACCENTS):
        return _letter(toks[brace + 1]) if brace + 1 < len(toks) else None
    return None


def _base_before(toks: list[Token], caret: int) -> str | None:
    """The letter a superscript at ``caret`` belongs to: ``A^T``, ``\\mathbf{A}^T``, ``x_i^T``, ``\\hat{x}^T``."""
    j = caret - 1
    if j >= 0 and toks[j].kind == "rbrace":  # x_{k}^T, \mathbf{A}^T, \hat{x}^T
        j = _group_start(toks, j)
        if j >= 1 and toks[j - 1].is_char("_"):
            j -= 2
        else:
            return _styled_letter(toks, j)
    elif j >= 1 and toks[j - 1].is_char("_"):  # x_i^T
        j -= 2
    if j >= 0:
        if toks[j].kind == "rbrace":  # \mathbf{x}_i^T
            return _styled_letter(toks, _group_start(toks, j))
        return _letter(toks[j])
    return None


# ==================================================================================================
# Reading a side
# ==================================================================================================

class Unsupported(Exception):
    """The side uses notation this reader does not model (a function call, a norm without a square, ...)."""


@dataclass(frozen=True)
class Atom:
    key: str        # the name as written, normalized: "x_{k}", "\hat{x}", "x^{*}"
    letter: str     # its letter: what the notation table is keyed on
    kind: str       # "scalar", "vector", "matrix", "identity"


@dataclass(frozen=True)
class Num:
    value: Fraction


@dataclass(frozen=True)
class Sum:
    terms: tuple["Node", ...]


@dataclass(frozen=True)
class Prod:
    factors: tuple["Node", ...]


@dataclass(frozen=True)
class Transpose:
    arg: "Node"


@dataclass(frozen=True)
class Inverse:
    arg: "Node"


@dataclass(frozen=True)
class Power:
    arg: "Node"
    exponent: int


@dataclass(frozen=True)
class Quotient:
    num: "Node"
    den: "Node"


@dataclass(frozen=True)
class NormSq:
    arg: "Node"


@dataclass(frozen=True)
class Trace:
    r"""``\operatorname{tr}(M)``: the sum of the diagonal of a square matrix (of a number, the number)."""

    arg: "Node"


@dataclass(frozen=True)
class Det:
    r"""``\det A``: the determinant of a square matrix (of a number, the number). Not a polynomial of any fixed
    degree in the entries, so it is only ever evaluated, never put in a normal form."""

    arg: "Node"


Node = Union[Atom, Num, Sum, Prod, Transpose, Inverse, Power, Quotient, NormSq, Trace, Det]

#: How notes spell the trace: ``\operatorname{tr}``, ``\mathrm{Tr}``, ``\text{trace}``, a macro ``\tr``.
_TRACE = frozenset({"tr", "Tr", "trace", "Trace"})


_TRACE_WRITTEN = re.compile(r"\\(?:operatorname|mathrm|text|textrm|rm|mathop)\s*\{\s*(?:tr|Tr|trace|Trace)\s*\}|\\(?:tr|Tr|trace)(?![A-Za-z])"
                            r"|(?<![A-Za-z\\])tr\s*(?:\\(?:left|[bB]ig{1,2}l?)\s*)?\(")  # tr(AB), tr \big( … \big)


def _is_trace(tok: Token) -> bool:
    return (tok.kind == "raw" and (tok.arg or "").strip() in _TRACE) or (tok.kind == "macro" and tok.text in _TRACE)

_SKIP_MACROS = frozenset({",", ";", ":", "!", " ", "quad", "qquad", "left", "right", "big", "Big", "bigg", "Bigg",
                          "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "displaystyle", "limits"})
_NORM = frozenset({"|", "Vert", "lVert", "rVert"})


def _bare_traces(toks: list[Token]) -> list[Token]:
    """``tr(AB)`` written in plain letters: the letters ``t r`` right before a parenthesis are the trace (a
    product ``t·r·(AB)`` of two numbers and a matrix is no reading anyone means)."""
    out: list[Token] = []
    k = 0
    while k < len(toks):
        tok = toks[k]
        if tok.kind == "letter" and tok.text == "t" and k + 2 < len(toks) and toks[k + 1].kind == "letter" \
                and toks[k + 1].text == "r" and toks[k + 2].is_char("(") and not (k and toks[k - 1].is_char("_", "^")):
            out.append(Token("raw", "operatorname", tok.start, toks[k + 1].end, arg="tr"))
            k += 2
            continue
        out.append(tok)
        k += 1
    return out


class _Reader:
    def __init__(self, tokens: list[Token], table: Notation, numbers: bool = False) -> None:
        self.toks = _bare_traces([t for t in tokens if not (t.kind == "macro" and t.text in _SKIP_MACROS)
                                  and t.kind != "sep"])
        self.pos = 0
        self.table = table
        self.numbers = numbers  # inside a denominator: a capital is a number there (1/N)

    def peek(self) -> Token | None:
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def read(self) -> Node:
        node = self.sum()
        if self.peek() is not None:
            raise Unsupported(f"'{self.peek().text}' is not read in matrix notation")
        return node

    def sum(self) -> Node:
        terms: list[Node] = []
        sign = 1
        tok = self.peek()
        if tok is not None and tok.is_char("-", "+"):
            sign = -1 if tok.text == "-" else 1
            self.pos += 1
        terms.append(self._signed(sign, self.product()))
        while (tok := self.peek()) is not None and tok.is_char("+", "-"):
            self.pos += 1
            terms.append(self._signed(-1 if tok.text == "-" else 1, self.product()))
        return terms[0] if len(terms) == 1 else Sum(tuple(terms))

    @staticmethod
    def _signed(sign: int, node: Node) -> Node:
        return node if sign == 1 else Prod((Num(Fraction(-1)), node))

    def product(self) -> Node:
        factors = [self.factor()]
        while (tok := self.peek()) is not None:
            if tok.kind == "macro" and tok.text in ("cdot", "cdotp"):
                self.pos += 1
                factors.append(self.factor())
            elif self._starts(tok):
                factors.append(self.factor())
            else:
                break
        return factors[0] if len(factors) == 1 else Prod(tuple(factors))

    def _starts(self, tok: Token) -> bool:
        if tok.kind in ("letter", "num", "lbrace") or _is_trace(tok):
            return True
        if tok.is_char("(", "["):
            return True
        if tok.kind == "macro":
            return tok.text in GREEK or tok.text in LETTER_MACROS or tok.text in _BOLD or tok.text in _ACCENTS or tok.text in (
                "frac", "dfrac", "tfrac", "lVert", "Vert", "|", "nabla")
        return False

    def factor(self) -> Node:
        node = self.primary()
        while (tok := self.peek()) is not None and tok.is_char("^"):
            self.pos += 1
            got = _arg(self.toks, self.pos)
            if got is None:
                raise Unsupported("a superscript without its argument")
            arg, self.pos = got
            if _is_transpose(arg):
                node = Transpose(node)
            elif len(arg) == 2 and arg[0].is_char("-") and arg[1].kind == "num" and arg[1].text == "1":
                node = Inverse(node)
            elif len(arg) >= 2 and arg[0].is_char("-") and _is_transpose(arg[1:]):
                node = Inverse(Transpose(node))  # A^{-T}: the inverse of the transpose (and its transpose)
            elif len(arg) == 1 and arg[0].kind == "num" and arg[0].text.isdigit() and 1 <= int(arg[0].text) <= 4:
                node = Power(node, int(arg[0].text))
            else:
                raise Unsupported("a superscript that is not a transpose, an inverse or a small power")
        return node

    def primary(self) -> Node:
        tok = self.peek()
        if tok is None:
            raise Unsupported("a missing operand")
        if tok.kind == "num":
            self.pos += 1
            return Num(Fraction(tok.text))
        if tok.kind == "lbrace":
            got = _arg(self.toks, self.pos)
            assert got is not None
            inner_tokens, self.pos = got
            return _Reader(inner_tokens, self.table, self.numbers).read()
        if tok.is_char("(", "["):
            close = ")" if tok.text == "(" else "]"
            depth, j = 0, self.pos
            while j < len(self.toks):
                t = self.toks[j]
                depth += 1 if t.is_char("(", "[") else -1 if t.is_char(")", "]") else 0
                if depth == 0:
                    break
                j += 1
            if j >= len(self.toks) or not self.toks[j].is_char(close):
                raise Unsupported("an unclosed bracket")
            node = _Reader(self.toks[self.pos + 1:j], self.table, self.numbers).read()
            self.pos = j + 1
            return node
        if tok.kind == "macro" and tok.text in ("frac", "dfrac", "tfrac"):
            self.pos += 1
            nxt = self.peek()
            if nxt is not None and nxt.kind == "num" and len(nxt.text) == 2 and nxt.text.isdigit():  # \frac12
                self.pos += 1
                return Quotient(Num(Fraction(int(nxt.text[0]))), Num(Fraction(int(nxt.text[1]))))
            got = _arg(self.toks, self.pos)
            if got is None:
                raise Unsupported("a fraction without its numerator")
            num_tokens, self.pos = got
            got = _arg(self.toks, self.pos)
            if got is None:
                raise Unsupported("a fraction without its denominator")
            den_tokens, self.pos = got
            return Quotient(_Reader(num_tokens, self.table, self.numbers).read(),
                            _Reader(den_tokens, self.table, True).read())
        if (tok.kind == "macro" and tok.text in _NORM) or tok.is_char("|"):
            return self.norm()  # (|Xw|^2 where Markdown took the backslash of \|: for a vector the same norm)
        if _is_trace(tok):
            self.pos += 1
            if self.peek() is None:
                raise Unsupported("a trace without its argument")
            return Trace(self.primary())
        if tok.kind == "macro" and tok.text == "det":
            self.pos += 1
            if self.peek() is None:
                raise Unsupported("a determinant without its argument")
            return Det(self.factor())
        if tok.kind == "macro" and tok.text == "nabla":
            return self.gradient()
        return self.name()

    def gradient(self) -> Atom:
        """``\\nabla f(x)``, ``\\nabla_x f(x_k)``: a column vector, one name as written (its value is not
        needed: an identity in matrix algebra holds for every vector, a gradient included)."""
        start = self.pos
        self.pos += 1
        tok = self.peek()
        if tok is not None and tok.is_char("_"):
            got = _arg(self.toks, self.pos + 1)
            if got is None:
                raise Unsupported("a gradient's subscript without its argument")
            self.pos = got[1]
        tok = self.peek()
        if tok is None or tok.kind not in ("letter", "macro") or (tok.kind == "macro" and _letter(tok) is None):
            raise Unsupported("a gradient of something other than a named function")
        self.pos += 1
        tok = self.peek()
        if tok is not None and tok.is_char("("):
            depth, j = 0, self.pos
            while j < len(self.toks):
                depth += 1 if self.toks[j].is_char("(") else -1 if self.toks[j].is_char(")") else 0
                if depth == 0:
                    break
                j += 1
            if j >= len(self.toks):
                raise Unsupported("an unclosed bracket")
            self.pos = j + 1
        key = "\\nabla " + " ".join(t.text for t in self.toks[start + 1:self.pos])
        return Atom(key, key, "vector")

    def norm(self) -> Node:
        opener = self.toks[self.pos]
        j, depth = self.pos + 1, 0
        while j < len(self.toks):
            t = self.toks[j]
            closes = t.is_char("|") if opener.is_char("|") else t.kind == "macro" and t.text in _NORM
            if closes and depth == 0 and (t.text != "lVert"):
                break
            depth += 1 if t.is_char("(", "[") or t.kind == "lbrace" else -1 if t.is_char(")", "]") or t.kind == "rbrace" else 0
            j += 1
        if j >= len(self.toks) or (opener.text == "lVert" and self.toks[j].text not in ("rVert",)):
            raise Unsupported("an unclosed norm")
        inside = _Reader(self.toks[self.pos + 1:j], self.table, self.numbers).read()
        self.pos = j + 1
        tok = self.peek()
        frobenius = False
        if tok is not None and tok.is_char("_"):  # ‖·‖_2 is the Euclidean norm, ‖·‖_F Frobenius'; others are not modelled
            got = _arg(self.toks, self.pos + 1)
            if got is None or len(got[0]) != 1 or got[0][0].text not in ("2", "F"):
                raise Unsupported("a norm other than the Euclidean or the Frobenius one")
            frobenius = got[0][0].text == "F"
            self.pos = got[1]
        tok = self.peek()
        if tok is None or not tok.is_char("^"):
            raise Unsupported("a norm that is not squared")
        got = _arg(self.toks, self.pos + 1)
        if got is None or len(got[0]) != 1 or got[0][0].text != "2":
            raise Unsupported("a norm that is not squared")
        self.pos = got[1]
        tok = self.peek()
        if tok is not None and tok.is_char("_") and not frobenius:  # ‖·‖^2_2: the subscript after the square
            got = _arg(self.toks, self.pos + 1)
            if got is None or len(got[0]) != 1 or got[0][0].text not in ("2", "F"):
                raise Unsupported("a norm other than the Euclidean or the Frobenius one")
            frobenius = got[0][0].text == "F"
            self.pos = got[1]
        if frobenius:  # ‖M‖_F² = tr(MᵀM): the sum of the squares of the entries, for a matrix of any shape
            return Trace(Prod((Transpose(inside), inside)))
        return NormSq(inside)

    def name(self) -> Atom:
        tok = self.peek()
        assert tok is not None
        bold = False
        accents: list[str] = []
        while tok is not None and tok.kind == "macro" and (tok.text in _BOLD or tok.text in _ACCENTS):
            got = _arg(self.toks, self.pos + 1)
            if got is None or len(got[0]) != 1:
                if got is not None and len(got[0]) == 3 and got[0][0].kind == "macro" and (
                        got[0][0].text in _BOLD or got[0][0].text in _ACCENTS):
                    # \hat{\mathbf{x}}: unwrap one level
                    accents.append(tok.text) if tok.text in _ACCENTS else None
                    bold = bold or tok.text in _BOLD
                    self.toks[self.pos:got[1]] = got[0]
                    tok = self.peek()
                    continue
                raise Unsupported("a styled group that is not one name")
            bold = bold or tok.text in _BOLD
            if tok.text in _ACCENTS:
                accents.append(tok.text)
            self.toks[self.pos:got[1]] = got[0]
            tok = self.peek()
        if tok is None:
            raise Unsupported("a missing name")
        letter = _letter(tok)
        if letter is None:
            raise Unsupported(f"'{tok.text}' is not read in matrix notation")
        self.pos += 1
        key = "".join(f"\\{a} " for a in accents) + letter
        tok = self.peek()
        if tok is not None and tok.is_char("_"):
            got = _arg(self.toks, self.pos + 1)
            if got is None:
                raise Unsupported("a subscript without its argument")
            key += "_{" + " ".join(t.text for t in got[0]) + "}"
            self.pos = got[1]
        tok = self.peek()
        if tok is not None and tok.is_char("^"):  # a mark that belongs to the name: x^*, x^{(k)}
            got = _arg(self.toks, self.pos + 1)
            if got is not None and (
                    (len(got[0]) == 1 and (got[0][0].is_char("*") or got[0][0].is_macro("star", "ast")))
                    or (len(got[0]) >= 3 and got[0][0].is_char("(") and got[0][-1].is_char(")"))):
                key += "^{" + " ".join(t.text for t in got[0]) + "}"
                self.pos = got[1]
        nxt = self.peek()
        if nxt is not None and (nxt.is_char("(") and not bold and letter not in self.table.matrices
                                and letter not in self.table.vectors and len(letter) == 1 and letter.islower()):
            raise Unsupported(f"{letter}(…) may be a function call")
        if nxt is not None and nxt.is_char("'"):
            raise Unsupported("a prime on a name")
        return Atom(key, letter, self._kind(letter, bold))

    def _kind(self, letter: str, bold: bool) -> str:
        if letter == "I":
            return "identity"
        if letter in self.table.matrices or letter in _MATRIX_GREEK or (bold and _capital(letter)):
            return "matrix"
        if len(letter) == 1 and letter.isupper() and not self.numbers:
            # a capital next to matrices is a matrix too (X^T A X): a number read as one is covered (A = aI),
            # and a matrix read as a number would make AB = BA "hold"
            return "matrix"
        if letter in self.table.vectors or bold:
            return "vector"
        return "scalar"


def read_side(text: str, table: Notation) -> Node:
    """The tree of one side as written; :class:`Unsupported` when its notation is not modelled here."""
    tokenized = tokenize(text)
    if tokenized.unknown:
        raise Unsupported(f"the macro {tokenized.unknown[0][0]} is not read in matrix notation")
    toks = _unbold_groups([t for t in tokenized.tokens if not (t.kind == "macro" and t.text in _SKIP_MACROS)])
    while toks and toks[-1].is_char(".", ",", ";"):
        toks.pop()
    if not toks:
        raise Unsupported("an empty side")
    return _Reader(toks, table).read()


def _unbold_groups(toks: list[Token]) -> list[Token]:
    """``\\mathbf{(y - Xθ)^T(y - Xθ)}``: a whole expression set in bold is that expression in brackets (the letters
    are what the notation table says they are); a bold group that is one name stays for :meth:`_Reader.name`."""
    out: list[Token] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        got = _arg(toks, i + 1) if tok.kind == "macro" and tok.text in _BOLD else None
        if got is not None and len(got[0]) > 1 and not (got[0][0].kind == "macro" and len(got[0]) <= 4):
            out += [Token("char", "(", tok.start, tok.end), *_unbold_groups(got[0]),
                    Token("char", ")", toks[got[1] - 1].start, toks[got[1] - 1].end)]
            i = got[1]
            continue
        out.append(tok)
        i += 1
    return out


# ==================================================================================================
# Shapes
# ==================================================================================================

SCALAR = None


class Shapes:
    """Sizes as unknowns joined by the products and sums that use them (union-find); ``ONE`` is the size 1."""

    ONE = 0

    def __init__(self) -> None:
        self.parent: list[int] = [0]
        self.atoms: dict[str, tuple[int, int]] = {}
        self.identities: dict[int, tuple[int, int]] = {}
        self.traced: dict[int, tuple[int, int] | None] = {}  # a trace's node -> the shape of its argument

    def fresh(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb == self.ONE:
                ra, rb = rb, ra
            self.parent[rb] = ra

    def unify(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        self.join(a[0], b[0])
        self.join(a[1], b[1])

    def of(self, node: Node) -> tuple[int, int] | None:
        """The shape of ``node`` (``None`` for a number), joining sizes as the notation demands."""
        if isinstance(node, Num):
            return SCALAR
        if isinstance(node, Atom):
            if node.kind == "scalar":
                return SCALAR
            if node.kind == "identity":
                k = self.fresh()
                self.identities[id(node)] = (k, k)
                return (k, k)
            if node.key not in self.atoms:
                self.atoms[node.key] = (self.fresh(), self.ONE if node.kind == "vector" else self.fresh())
            return self.atoms[node.key]
        if isinstance(node, Transpose):
            s = self.of(node.arg)
            return SCALAR if s is SCALAR else (s[1], s[0])
        if isinstance(node, (Inverse, Power)):
            s = self.of(node.arg)
            if s is not SCALAR:
                self.join(s[0], s[1])
            return s
        if isinstance(node, Quotient):
            if self.of(node.den) is not SCALAR:
                raise Unsupported("a division by a vector or a matrix")
            return self.of(node.num)
        if isinstance(node, NormSq):
            s = self.of(node.arg)
            if s is not SCALAR:
                self.join(s[1], self.ONE)
            return SCALAR
        if isinstance(node, Trace):
            s = self.of(node.arg)
            if s is not SCALAR:
                self.join(s[0], s[1])
            self.traced[id(node)] = s
            return SCALAR
        if isinstance(node, Det):
            s = self.of(node.arg)
            if s is not SCALAR:
                self.join(s[0], s[1])
            return SCALAR
        if isinstance(node, Prod):
            shape: tuple[int, int] | None = SCALAR
            for f in node.factors:
                s = self.of(f)
                if s is SCALAR:
                    continue
                if shape is SCALAR:
                    shape = s
                else:
                    self.join(shape[1], s[0])
                    shape = (shape[0], s[1])
            return shape
        assert isinstance(node, Sum)
        shapes = [self.of(t) for t in node.terms]
        real = [s for s in shapes if s is not SCALAR]
        if not real:
            return SCALAR
        for s in real[1:]:
            self.unify(real[0], s)
        if len(real) < len(shapes) and not all(_is_zero(t) for t, s in zip(node.terms, shapes) if s is SCALAR):
            self.unify(real[0], (self.ONE, self.ONE))
        return real[0]


def _is_zero(node: Node) -> bool:
    return isinstance(node, Num) and node.value == 0


# ==================================================================================================
# Normal form in the free algebra with transpose
# ==================================================================================================

Word = tuple[str, ...]
Poly = dict[Word, sp.Expr]


class Algebra:
    """Non-commutative polynomials in the names and their transposes, with numbers as coefficients."""

    def __init__(self, shapes: Shapes, symmetric: set[str]) -> None:
        self.shapes = shapes
        self.symmetric = symmetric
        self.dims: dict[str, tuple[int, int]] = {}
        self._inverse_pairs: dict[str, str] = {}
        self.inside: dict[str, Poly] = {}  # an inverse's name -> the polynomial it inverts
        self.cancellations = 0  # inverses cancelled against what they invert (said in the proof)

    def poly(self, node: Node) -> Poly:
        if isinstance(node, Num):
            return {(): sp.Rational(node.value.numerator, node.value.denominator)}
        if isinstance(node, Atom):
            if node.kind == "scalar":
                return {(): sp.Symbol(node.key)}
            if node.kind == "identity":
                return {(): sp.Integer(1)}
            self.dims[node.key] = self.shapes.atoms[node.key]
            self.dims[node.key + "'"] = self.shapes.atoms[node.key][::-1]
            return {(node.key,): sp.Integer(1)}
        if isinstance(node, Sum):
            out: Poly = {}
            for t in node.terms:
                out = _add(out, self.poly(t))
            return out
        if isinstance(node, Prod):
            out = {(): sp.Integer(1)}
            for f in node.factors:
                out = _mul(out, self.poly(f))
            return out
        if isinstance(node, Transpose):
            return self.transpose(self.poly(node.arg))
        if isinstance(node, Power):
            base = self.poly(node.arg)
            out = {(): sp.Integer(1)}
            for _ in range(node.exponent):
                out = _mul(out, base)
            return out
        if isinstance(node, Quotient):
            den = self.poly(node.den)
            if set(den) - {()}:
                raise Unsupported("a division by a product of vectors")
            return {w: sp.cancel(c / den.get((), sp.Integer(0))) for w, c in self.poly(node.num).items()}
        if isinstance(node, NormSq):
            inside = self.poly(node.arg)
            return _mul(self.transpose(inside), inside)
        if isinstance(node, Det):
            raise Unsupported("a determinant (not a polynomial of a fixed degree in the entries)")
        if isinstance(node, Trace):
            inside = self.poly(node.arg)
            if self.shapes.traced.get(id(node)) is SCALAR:
                return inside  # the trace of a number is the number
            out = {}
            for w, c in inside.items():
                if not w:
                    raise Unsupported("the trace of the identity (the size of the matrix)")
                out = _add(out, {(): c * sp.Symbol(self.trace_key(w))})
            return out
        assert isinstance(node, Inverse)
        inside = self.poly(node.arg)
        if set(inside) <= {()}:
            return {(): 1 / inside.get((), sp.Integer(0))}
        key = "inv[" + _show(inside) + "]"
        back = "inv[" + _show(self.transpose(inside)) + "]"
        shape = self.shapes.of(node.arg)
        assert shape is not None
        self.dims[key] = shape
        self.dims[back] = shape[::-1]
        self._inverse_pairs[key] = back
        self._inverse_pairs[back] = key
        self.inside[key] = inside
        self.inside[back] = self.transpose(inside)
        return {(key,): sp.Integer(1)}

    def flip(self, atom: str) -> str:
        if atom.startswith("inv["):
            return self._inverse_pairs.get(atom, atom)
        base = atom[:-1] if atom.endswith("'") else atom
        if _letter_of(base) in self.symmetric:
            return base
        return base if atom.endswith("'") else atom + "'"

    def transpose(self, p: Poly) -> Poly:
        return {tuple(self.flip(a) for a in reversed(w)): c for w, c in p.items()}

    def trace_key(self, w: Word) -> str:
        """One name for the trace of a product, whatever rotation or transpose it is written in: tr(ABC) =
        tr(BCA) = tr(CAB), and tr(M) = tr(Mᵀ). The smallest of those spellings stands for all."""
        back = tuple(self.flip(a) for a in reversed(w))
        spelled = min(v[i:] + v[:i] for v in (w, back) for i in range(len(v)))
        return "tr[" + " ".join(spelled) + "]"

    def canonical(self, p: Poly) -> Poly:
        """A product that is a number (row times column: ``y^\\top X w``) equals its transpose: the smaller
        of the two spellings stands for both."""
        out: Poly = {}
        for w, c in p.items():
            if w and self._scalar_word(w):
                w = min(w, tuple(self.flip(a) for a in reversed(w)))
            out = _add(out, {w: c})
        return out

    def comparable(self, p: Poly) -> Poly:
        """:meth:`canonical`, and a product that is a number named as its own trace, so that every rotation
        is one (``x^\\top A x = tr(A x x^\\top)``): the form two sides are compared in."""
        out: Poly = {}
        for w, c in self.cancelled(p).items():
            out = _add(out, {(): c * sp.Symbol(self.trace_key(w))} if w and self._scalar_word(w) else {w: c})
        return out

    def cancelled(self, p: Poly) -> Poly:
        """Each inverse next to the product it inverts cancelled: ``Q^{-1}(Qx − p) = x − Q^{-1}p`` (``Q^{-1}Q = I``),
        and ``(cA)^{-1}·A = 1/c``. Only an inverse of one product of names (a sum inside is another matter:
        ``(X^⊤X + λI)^{-1}X^⊤X`` is not I)."""
        out: Poly = {}
        for w, c in p.items():
            word, factor = self._cancel_word(w)
            out = _add(out, {word: c * factor})
        return out

    def _cancel_word(self, w: Word) -> tuple[Word, sp.Expr]:
        factor: sp.Expr = sp.Integer(1)
        changed = True
        while changed:
            changed = False
            for i, atom in enumerate(w):
                inside = self.inside.get(atom)
                if inside is None or len(inside) != 1:
                    continue
                (product, coefficient), = inside.items()
                n = len(product)
                if not n:
                    continue
                if w[i + 1:i + 1 + n] == product:  # A^{-1}·A
                    w, changed = w[:i] + w[i + 1 + n:], True
                elif i >= n and w[i - n:i] == product:  # A·A^{-1}
                    w, changed = w[:i - n] + w[i + 1:], True
                if changed:
                    factor = factor / coefficient
                    self.cancellations += 1
                    break
        return w, factor

    def _scalar_word(self, w: Word) -> bool:
        return self._size(self.dims[w[0]][0]) == 1 and self._size(self.dims[w[-1]][1]) == 1

    def _size(self, dim: int) -> int | None:
        return 1 if self.shapes.find(dim) == self.shapes.find(Shapes.ONE) else None


def _letter_of(key: str) -> str:
    m = re.match(r"(?:\\[a-z]+ )*\\?([A-Za-z]+)", key)
    return m.group(1) if m else key


_STYLE = re.compile(r"\\(?:hat|bar|tilde|widehat|widetilde|overline|dot|mathbf|boldsymbol|bm|vec|pmb)\s*\{")


def defined_letters(names: list[str]) -> set[str]:
    """The letters of defined names as the reader spells them (``\\hat{x}_{k}`` → ``x``, ``\\lambda`` →
    ``lambda``): a link whose letters meet these may depend on a definition this module does not substitute."""
    out = set()
    for name in names:
        m = re.match(r"\\?([A-Za-z]+)", _STYLE.sub("", name).lstrip("{"))
        if m:
            out.add(m.group(1))
    return out


def _show(p: Poly) -> str:
    return " + ".join(f"({c})*{'·'.join(w) or '1'}" for w, c in sorted(p.items(), key=lambda kv: kv[0]))


def _add(a: Poly, b: Poly) -> Poly:
    out = dict(a)
    for w, c in b.items():
        out[w] = out.get(w, sp.Integer(0)) + c
    return {w: c for w, c in out.items() if sp.expand(c) != 0}


def _mul(a: Poly, b: Poly) -> Poly:
    out: Poly = {}
    for wa, ca in a.items():
        for wb, cb in b.items():
            out = _add(out, {wa + wb: ca * cb})
    return out


# ==================================================================================================
# Numbers: exact matrices of fractions
# ==================================================================================================

Mat = list[list[Fraction]]


def _mat_mul(a: Mat, b: Mat) -> Mat:
    if len(a[0]) != len(b):
        raise ArithmeticError("shapes")
    return [[sum((a[i][k] * b[k][j] for k in range(len(b))), Fraction(0)) for j in range(len(b[0]))]
            for i in range(len(a))]


def _mat_det(a: Mat) -> Fraction:
    """The determinant by elimination in exact fractions."""
    m = [list(row) for row in a]
    n, det = len(m), Fraction(1)
    for c in range(n):
        pivot = next((r for r in range(c, n) if m[r][c] != 0), None)
        if pivot is None:
            return Fraction(0)
        if pivot != c:
            m[c], m[pivot] = m[pivot], m[c]
            det = -det
        det *= m[c][c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return det


def _mat_inv(a: Mat) -> Mat:
    n = len(a)
    if any(len(r) != n for r in a):
        raise ArithmeticError("shapes")
    m = [list(r) + [Fraction(int(i == j)) for j in range(n)] for i, r in enumerate(a)]
    for col in range(n):
        pivot = next((r for r in range(col, n) if m[r][col] != 0), None)
        if pivot is None:
            raise ZeroDivisionError("singular")
        m[col], m[pivot] = m[pivot], m[col]
        p = m[col][col]
        m[col] = [x / p for x in m[col]]
        for r in range(n):
            if r != col and m[r][col] != 0:
                f = m[r][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col])]
    return [r[n:] for r in m]


Value = Union[Fraction, list]


class _World:
    """One random instance: a size for every class of sizes, values for every name."""

    def __init__(self, shapes: Shapes, rng: random.Random, sizes: dict[int, int], kind: str,
                 symmetric: set[str], roles: dict[str, str] | None = None) -> None:
        self.shapes, self.rng, self.sizes, self.kind, self.symmetric = shapes, rng, sizes, kind, symmetric
        self.roles = roles or {}  # letter → "orthogonal" or "diagonal": the factors of a decomposition
        self.values: dict[str, Value] = {}

    def size(self, dim: int) -> int:
        return self.sizes[self.shapes.find(dim)]

    def entry(self) -> Fraction:
        return Fraction(self.rng.choice([-4, -3, -2, -1, 1, 2, 3, 4, 5]))

    def atom(self, node: Atom) -> Value:
        if node.key in self.values:
            return self.values[node.key]
        if node.kind == "scalar":
            value: Value = self.entry()
        elif (role := self.roles.get(node.letter)) is not None:
            r, c = (self.size(d) for d in self.shapes.atoms[node.key])
            value = self._orthonormal(r, c) if role == "orthogonal" else \
                [[self.entry() if i == j else Fraction(0) for j in range(c)] for i in range(r)]
        else:
            r, c = (self.size(d) for d in self.shapes.atoms[node.key])
            value = [[self.entry() for _ in range(c)] for _ in range(r)]
            if r == c and (self.kind == "diagonal" or (r > 1 and node.letter in self.symmetric)):
                for i in range(r):
                    for j in range(c):
                        if self.kind == "diagonal" and i != j:
                            value[i][j] = Fraction(0)
                        elif j < i:
                            value[i][j] = value[j][i]
        self.values[node.key] = value
        return value

    def _orthonormal(self, r: int, c: int) -> list[list[Fraction]]:
        """An r×c matrix with orthonormal columns (rows, when c > r), in rationals: the leading block of a product
        of two Householder reflections I − 2vvᵀ/vᵀv, each with a random rational v."""
        n = max(r, c)
        m = [[Fraction(int(i == j)) for j in range(n)] for i in range(n)]
        for _ in range(2):
            v = [self.entry() for _ in range(n)]
            norm = sum(x * x for x in v)
            h = [[Fraction(int(i == j)) - 2 * v[i] * v[j] / norm for j in range(n)] for i in range(n)]
            m = [[sum(m[i][k] * h[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
        return [row[:c] for row in m[:r]]

    def eval(self, node: Node) -> Value:
        if isinstance(node, Num):
            return node.value
        if isinstance(node, Atom):
            if node.kind == "identity":
                n = self.size(self.shapes.identities[id(node)][0])
                return [[Fraction(int(i == j)) for j in range(n)] for i in range(n)]
            return self.atom(node)
        if isinstance(node, Sum):
            total: Value = Fraction(0)
            for t in node.terms:
                total = _plus(total, self.eval(t))
            return total
        if isinstance(node, Prod):
            out: Value = Fraction(1)
            for f in node.factors:
                out = _times(out, self.eval(f))
            return out
        if isinstance(node, Transpose):
            v = self.eval(node.arg)
            return v if isinstance(v, Fraction) else [list(r) for r in zip(*v)]
        if isinstance(node, Inverse):
            v = self.eval(node.arg)
            if isinstance(v, Fraction):
                return 1 / v
            return _mat_inv(v)
        if isinstance(node, Power):
            v = self.eval(node.arg)
            out = Fraction(1)
            for _ in range(node.exponent):
                out = _times(out, v)
            return out
        if isinstance(node, Quotient):
            d = _scalar(self.eval(node.den))
            return _times(self.eval(node.num), 1 / d)
        if isinstance(node, Trace):
            v = self.eval(node.arg)
            if isinstance(v, Fraction):
                return v
            if len(v) != len(v[0]):
                raise ArithmeticError("shapes")
            return sum((v[i][i] for i in range(len(v))), Fraction(0))
        if isinstance(node, Det):
            v = self.eval(node.arg)
            if isinstance(v, Fraction):
                return v
            if len(v) != len(v[0]):
                raise ArithmeticError("shapes")
            return _mat_det(v)
        assert isinstance(node, NormSq)
        v = self.eval(node.arg)
        if isinstance(v, Fraction):
            return v * v
        return sum((x * x for row in v for x in row), Fraction(0))


def _scalar(v: Value) -> Fraction:
    if isinstance(v, Fraction):
        return v
    if len(v) == 1 and len(v[0]) == 1:
        return v[0][0]
    raise ArithmeticError("shapes")


def _plus(a: Value, b: Value) -> Value:
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return a + b
    if isinstance(a, Fraction) or isinstance(b, Fraction):
        s, m = (a, b) if isinstance(a, Fraction) else (b, a)
        if s == 0:
            return m
        return _scalar(m) + s
    if len(a) != len(b) or len(a[0]) != len(b[0]):
        raise ArithmeticError("shapes")
    return [[x + y for x, y in zip(ra, rb)] for ra, rb in zip(a, b)]


def _times(a: Value, b: Value) -> Value:
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return a * b
    if isinstance(a, Fraction):
        return [[a * x for x in r] for r in b]
    if isinstance(b, Fraction):
        return [[b * x for x in r] for r in a]
    if len(a) == 1 and len(a[0]) == 1 and len(b) != 1:
        return [[a[0][0] * x for x in r] for r in b]  # a number written as a 1×1 product, times a matrix
    if len(b) == 1 and len(b[0]) == 1 and len(a[0]) != 1:
        return [[b[0][0] * x for x in r] for r in a]
    return _mat_mul(a, b)


def _equal(a: Value, b: Value) -> bool:
    if isinstance(a, Fraction) or isinstance(b, Fraction):
        if isinstance(a, Fraction) and isinstance(b, Fraction):
            return a == b
        s, m = (a, b) if isinstance(a, Fraction) else (b, a)
        if s == 0:
            return all(x == 0 for r in m for x in r)
        return len(m) == 1 and len(m[0]) == 1 and m[0][0] == s
    return len(a) == len(b) and len(a[0]) == len(b[0]) and all(x == y for ra, rb in zip(a, b) for x, y in zip(ra, rb))


# ==================================================================================================
# Deciding a link
# ==================================================================================================

@dataclass(frozen=True)
class Decision:
    """The verdict on a link in matrix notation, with the reason the user reads."""

    status: str   # "true", "false", "undecided"
    reason: str


#: A transpose written in LaTeX (``^T``, ``^{\top}``, ``^\intercal``, ``^{\mathsf{T}}``, ``^⊤``).
#: A transpose mark. A bare ``^T`` is one whatever follows (TeX's superscript is one token: ``x^TAx`` is xᵀAx).
TRANSPOSE_WRITTEN = re.compile(r"\^\s*(?:T|\{\s*T(?![A-Za-z])|\{?\s*(?:\\top(?![A-Za-z])|\\intercal|\\mathsf\{T\}|\\mathrm\{T\}"
                               r"|\\text\{T\}|⊤))")


def applies(left: str, right: str, table: Notation) -> bool:
    """Is this link written in matrix notation (a transpose, or a name the document writes as a matrix or
    a vector)? Only then does :func:`decide` take it over from the scalar reading."""
    text = left + " " + right
    if TRANSPOSE_WRITTEN.search(text):
        return True
    if _TRACE_WRITTEN.search(text):
        return True  # tr(AB) = tr(BA): a trace is of a matrix
    if not table.matrices:
        return False
    toks = tokenize(text).tokens
    for i, tok in enumerate(toks):
        if i and toks[i - 1].is_char("_"):
            continue  # x_{i}: a subscript letter is an index
        if _letter(tok) in table.matrices or _letter(tok) in _MATRIX_GREEK:
            return True
    return False


def _promoted(node: Node) -> set[str]:
    """Lowercase names written right after a matrix (``X v``, the coefficients ``Xβ`` of statistics notes): vectors,
    as no note writes a number there (``λX``, not ``Xλ``)."""
    found: set[str] = set()
    if isinstance(node, Prod):
        for before, after in zip(node.factors, node.factors[1:]):
            core = before.arg if isinstance(before, (Transpose, Inverse)) else before
            if isinstance(core, Atom) and core.kind == "matrix" and isinstance(after, Atom) \
                    and after.kind == "scalar" and (len(after.letter) == 1 and after.letter.islower()
                                                    or after.letter in _VECTOR_GREEK):
                found.add(_stem(after.key))
    for child in _children(node):
        found |= _promoted(child)
    return found


def _added_to(node: Node, beside: Callable[[Node], bool], letter: Callable[[Atom], bool],
              found: set[str] | None = None) -> set[str]:
    """The one-letter names ``letter`` takes that a sum adds (alone, or after a number) beside a term ``beside`` takes,
    in every sum of ``node``: ``y`` in ``Xw − y``. What is added to an array has its shape, whatever the letter says."""
    found = set() if found is None else found
    if isinstance(node, Sum) and any(beside(t) for t in node.terms):
        for t in node.terms:
            core = t.factors[-1] if isinstance(t, Prod) and len(t.factors) == 2 and not isinstance(
                t.factors[0], Atom) else t
            if isinstance(core, Atom) and len(core.letter) == 1 and letter(core):
                found.add(core.key)
    for child in _children(node):
        _added_to(child, beside, letter, found)
    return found


def _lower_number(atom: Atom) -> bool:
    return atom.kind == "scalar" and atom.letter.islower()


def _summed_with_arrays(node: Node) -> set[str]:
    """Lowercase one-letter names added to a product that holds a matrix or a transpose (``Xw - y``): vectors, not
    numbers. (A product at any depth: −Xw is read as (−1)·(Xw).)"""
    return _added_to(node, lambda t: isinstance(t, Prod) and (any(isinstance(f, Transpose) for f in t.factors)
                                                                or any(a.kind == "matrix" for a in _atoms(t))),
                     _lower_number)


def _added_to_columns(node: Node) -> set[str]:
    """Lowercase one-letter names added to a matrix times a vector (``Xw − y``): columns too. Only such a product:
    beside a quadratic form (``½xᵀQx + xᵀc + b``) a letter added is a number."""
    return _added_to(node, lambda t: isinstance(t, Prod) and len(t.factors) >= 2 and isinstance(t.factors[0], Atom)
                     and t.factors[0].kind == "matrix" and isinstance(t.factors[-1], Atom)
                     and t.factors[-1].kind == "vector", _lower_number)


def _children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, (Atom, Num)):
        return ()
    if isinstance(node, Sum):
        return node.terms
    if isinstance(node, Prod):
        return node.factors
    if isinstance(node, Quotient):
        return (node.num, node.den)
    return (node.arg,)


def _as_vectors(node: Node, keys: set[str]) -> Node:
    if not keys:
        return node
    return substitute(node, {}, 0, lambda atom: Atom(atom.key, atom.letter, "vector")
                      if atom.kind == "scalar" and _stem(atom.key) in keys else atom)


def _stem(key: str) -> str:
    """A name without its subscript and mark: ``\\hat x_{k}`` → ``\\hat x`` (one letter, one kind)."""
    return re.split(r"[_^]", key, maxsplit=1)[0]


def substitute(node: Node, values: dict[str, Node], depth: int = 0, leaf=None) -> Node:
    """``node`` with every name in ``values`` replaced by its value (which may name others, up to a depth)."""
    if depth > 4:
        raise Unsupported("definitions nested too deep")
    if isinstance(node, Atom):
        if node.key in values:
            return substitute(values[node.key], values, depth + 1, leaf)
        return leaf(node) if leaf is not None else node
    if isinstance(node, Num):
        return node
    if isinstance(node, Sum):
        return Sum(tuple(substitute(t, values, depth, leaf) for t in node.terms))
    if isinstance(node, Prod):
        return Prod(tuple(substitute(t, values, depth, leaf) for t in node.factors))
    if isinstance(node, Quotient):
        return Quotient(substitute(node.num, values, depth, leaf), substitute(node.den, values, depth, leaf))
    if isinstance(node, Power):
        return Power(substitute(node.arg, values, depth, leaf), node.exponent)
    return type(node)(substitute(node.arg, values, depth, leaf))


def _definitions(namings: list[tuple[str, str]], table: Notation) -> dict[str, Node]:
    """The namings in scope (``name = value`` as written) that read in matrix notation, by the name's key."""
    values: dict[str, Node] = {}
    for left, right in namings:
        try:
            name, value = read_side(left, table), read_side(right, table)
        except (Unsupported, RecursionError):
            continue
        if isinstance(name, Atom) and name.kind != "identity":
            values[name.key] = value
    return values


def decide(left: str, right: str, table: Notation, defined: set[str],
           namings: list[tuple[str, str]] | None = None, seed: int = 0) -> Decision | None:
    """Decide ``left = right`` as matrix algebra; None when the notation is not read here (the caller keeps
    the link undecided). ``namings`` are the definitions in scope as written (``name``, ``value``): a name
    they define is replaced by its value when the sides differ without it. ``defined`` are the letters of
    every name defined in scope: a difference that may come from one not substituted is undecided."""
    try:
        names = ({x.key for x in _atoms(read_side(left, table)) if x.kind != "identity"},
                 {x.key for x in _atoms(read_side(right, table)) if x.kind != "identity"})
    except (Unsupported, RecursionError):
        names = (set(), set())
    if names[0] and names[1] and not names[0] & names[1]:
        return None  # A x^* = b: an equation in unknowns (or a definition), not an identity to decide here
    first = _decide(left, right, table, defined, {}, seed)
    if first is None or first.status == "true" or not namings:
        return first
    values = _definitions(namings, table)
    if not values:
        return first
    second = _decide(left, right, table, defined, values, seed)
    if second is None or second.status == "undecided":
        return first
    if second.status == "true":
        return Decision("true", second.reason + ", with the definitions in scope substituted")
    return second


def satisfies(left: str, right: str, table: Notation, name: str, value: str,
              namings: list[tuple[str, str]] | None = None) -> Decision | None:
    """Does the equation ``left = right`` hold as matrix algebra with ``value`` put for ``name`` (a solution
    checked by putting it in), and the ``namings`` in scope put in as well (``H = QΛQᵀ``)? None when the
    notation is not read here or ``name`` is not one name."""
    values = _definitions([(name, value)], table)
    if not values:
        return None
    values = {**_definitions(namings or [], table), **values}
    return _decide(left, right, table, set(), values, 0, closed=True)


def _decide(left: str, right: str, table: Notation, defined: set[str], values: dict[str, Node],
            seed: int, *, closed: bool = False) -> Decision | None:
    """``closed``: every name is what it is (a solution put in): one standing on one side only is no sign of a
    definition the sides differ by."""
    try:
        a, b = read_side(left, table), read_side(right, table)
        if values:
            a, b = substitute(a, values), substitute(b, values)
        vectors = _promoted(a) | _promoted(b)
        a, b = _as_vectors(a, vectors), _as_vectors(b, vectors)
        more = _added_to_columns(a) | _added_to_columns(b)  # ‖Xw − y‖²: y added to Xw is a vector too
        a, b = _as_vectors(a, more), _as_vectors(b, more)
        shapes = Shapes()
        sa, sb = shapes.of(a), shapes.of(b)
        if sa is not SCALAR and sb is not SCALAR:
            shapes.unify(sa, sb)
        elif (sa is SCALAR) != (sb is SCALAR) and not (_is_zero(a) or _is_zero(b)):
            shapes.unify(sa or sb, (Shapes.ONE, Shapes.ONE))
    except (Unsupported, RecursionError):
        return None  # notation not read here: the scalar reader's verdict and reasons stand
    misfit = _misfit(shapes, a, b)
    if misfit:
        return Decision("undecided", f"matrix notation: the shapes do not fit ({misfit})")
    letters = {at.letter for at in _atoms(a) + _atoms(b)}
    used = {at.key for at in _atoms(a) + _atoms(b)}
    defined = defined - {_letter_of(k) for k in values if k not in used}
    rng = random.Random(seed)
    generic = _agree(a, b, shapes, rng, "generic", table.symmetric)
    if generic is None:
        return Decision("undecided", "matrix notation: the random matrices met a singular inverse or shapes "
                                     "that do not fit")
    if generic:
        algebra = Algebra(shapes, table.symmetric & letters)
        try:
            pa, pb = algebra.comparable(algebra.poly(a)), algebra.comparable(algebra.poly(b))
        except (Unsupported, ZeroDivisionError) as exc:
            return Decision("undecided", f"matrix notation: holds on random matrices, not proved ({exc})")
        if not _add(pa, {w: -c for w, c in pb.items()}):
            sizes = _describe_shapes(shapes, a, b)
            stated = (f"; {', '.join(sorted(table.symmetric & letters))} symmetric as stated"
                      if table.symmetric & letters else "")
            cancelled = ", inverses cancelled against what they invert" if algebra.cancellations else ""
            return Decision("true", f"proved as matrix algebra for every size ({sizes}){stated}: both sides "
                                    "have one normal form (products expanded in order, transposes moved onto "
                                    f"the names{cancelled})")
        return Decision("undecided", "matrix notation: holds on random matrices of several sizes but not proved "
                                     "symbolically (an inverse or a product reordered)")
    special = [w for w in ("diagonal", "scalar") if _agree(a, b, shapes, rng, w, table.symmetric) is not False]
    if special:
        return Decision("undecided", "matrix notation: false for general matrices but it holds "
                                     f"{'if the square matrices are diagonal (they commute and equal their transposes)' if 'diagonal' in special else 'for numbers'}"
                                     ", which the text may assume without saying")
    if not closed and not values and (name := _property_of_one(a, b)) is not None and _letter_of(name) not in defined:
        # "show that H = Hᵀ and that H² = H", H never written out: a property that singles out some matrices
        # (projections), whatever H is in the course; false only for a general matrix, which H is not said to be
        return Decision("undecided", f"matrix notation: a property of {name} alone (products, powers, transposes "
                                     f"of {name}), true for some matrices only; the notes do not write {name} out")
    one_sided = ({x.key for x in _atoms(a)} ^ {x.key for x in _atoms(b)}) - {
        x.key for x in _atoms(a) + _atoms(b) if x.kind == "identity"}
    if one_sided and not closed:
        return Decision("undecided", "matrix notation: the sides differ, and a name stands on one side only "
                                     f"({sorted(one_sided)[0]}): a definition or an equation, perhaps")
    if letters & defined:
        names = ", ".join(sorted(letters & defined))
        return Decision("undecided", f"matrix notation: the sides differ unless what is stated before about {names} "
                                     "is used (a definition or a value, not substituted in matrix algebra)")
    if table.factored and (roles := _factor_roles(a, b, shapes, rng, table.symmetric)) is not None:
        return Decision("undecided", f"matrix notation: false for general matrices, but it holds when {roles} — "
                                     "as the factors of the decomposition the text names are")
    return Decision("false", f"the sides differ on random matrices ({_describe_shapes(shapes, a, b)}), "
                             "on diagonal ones and on numbers")


def _misfit(shapes: Shapes, *nodes: Node) -> str | None:
    r"""A matrix or a vector that the products and sums would make a number (``x^\top A + b``)."""
    one = shapes.find(Shapes.ONE)
    atoms = [x for node in nodes for x in _atoms(node)]
    matrices = {x.key for x in atoms if x.kind == "matrix"}
    vectors = {x.key for x in atoms if x.kind == "vector"}
    for key, (r, c) in shapes.atoms.items():
        if key in matrices and (shapes.find(r) == one or shapes.find(c) == one):
            return f"{key} would be a vector or a number"
        if key in vectors and shapes.find(r) == one:
            return f"{key} would be a number"
    return None


def forced_columns(shapes: Shapes, *nodes: Node) -> set[str]:
    """Capital names read as matrices that the products force to be one column (``‖Y − Xβ‖²``: the response ``Y``
    of statistics texts, a vector whatever its letter)."""
    one = shapes.find(Shapes.ONE)
    matrices = {x.key for node in nodes for x in _atoms(node) if x.kind == "matrix"}
    return {key for key, (r, c) in shapes.atoms.items()
            if key in matrices and shapes.find(c) == one and shapes.find(r) != one}


def columns_as_vectors(node: Node, keys: set[str]) -> Node:
    """``node`` with the matrices named in ``keys`` read as column vectors."""
    return substitute(node, {}, 0, lambda atom: Atom(atom.key, atom.letter, "vector")
                      if atom.kind == "matrix" and atom.key in keys else atom)


def worlds(shapes: Shapes, rng: random.Random, kind: str, symmetric: set[str], tries: int = 12,
           roles: dict[str, str] | None = None) -> Iterator[_World]:
    """Random instances of this kind ("general", "diagonal", "scalar"): every size joined by the shapes drawn
    afresh (2 to 4; 3 for diagonal ones; 1 for numbers). The caller counts the ones it could use."""
    roots = {shapes.find(d) for d in range(len(shapes.parent))}
    one = shapes.find(Shapes.ONE)
    for _attempt in range(tries):
        sizes = {r: 1 if (r == one or kind == "scalar") else (3 if kind == "diagonal" else rng.choice((2, 3, 4)))
                 for r in roots}
        if roles:  # the factors of a decomposition are square (QQᵀ = I only then): one size for every class
            common = rng.choice((2, 3, 4))
            sizes = {r: 1 if r == one else common for r in roots}
        yield _World(shapes, rng, sizes, kind, symmetric, roles)


def _factor_roles(a: Node, b: Node, shapes: Shapes, rng: random.Random, symmetric: set[str]) -> str | None:
    """Some of the matrices orthogonal (orthonormal columns) and some diagonal, the others general, such that the
    sides agree (``PSQᵀ(QSᵀPᵀPSQᵀ + μI)⁻¹ = PSQᵀ(QS²Qᵀ + μQQᵀ)⁻¹`` for the factors of an SVD): the roles, said in
    words, or None. At most four matrix letters (81 assignments), each tried on three random instances."""
    letters = sorted({x.letter for x in _atoms(a) + _atoms(b) if x.kind == "matrix"})
    if not letters or len(letters) > 4:
        return None
    for choice in itertools.product(("general", "orthogonal", "diagonal"), repeat=len(letters)):
        roles = {letter: role for letter, role in zip(letters, choice) if role != "general"}
        if not roles:
            continue
        if _agree(a, b, shapes, rng, "generic", symmetric, roles):
            said = [f"{', '.join(k for k, v in roles.items() if v == role)} "
                    f"{'is' if sum(v == role for v in roles.values()) == 1 else 'are'} {role}"
                    for role in ("orthogonal", "diagonal") if role in roles.values()]
            return " and ".join(said)
    return None


def _agree(a: Node, b: Node, shapes: Shapes, rng: random.Random, kind: str, symmetric: set[str],
           roles: dict[str, str] | None = None) -> bool | None:
    """Do the sides agree on three random instances of this kind? None when no instance could be made."""
    made = 0
    for world in worlds(shapes, rng, kind, symmetric, roles=roles):
        if made >= 3:
            break
        try:
            va, vb = world.eval(a), world.eval(b)
        except (ZeroDivisionError, ArithmeticError):
            continue
        made += 1
        if not _equal(va, vb):
            return False
    return True if made else None


def stems(text: str, table: Notation) -> set[str]:
    r"""The names of a side without their subscripts and marks (``U^\top U`` → ``{U}``, ``A x^*`` → ``{A, x}``,
    ``\hat{x}_k`` → ``{\hat x}``), the identity left out; for a side not read here, its letters."""
    try:
        return {_stem(x.key) for x in _atoms(read_side(text, table)) if x.kind != "identity"}
    except (Unsupported, RecursionError):
        toks = tokenize(text).tokens
        return {letter for i, tok in enumerate(toks) if (letter := _letter(tok)) is not None and letter != "I"
                and not (i and toks[i - 1].is_char("_", "^"))}


def same_names(left: str, right: str, table: Notation) -> bool:
    """Do both sides use the same names? (A name on one side only may make the link a definition.)"""
    try:
        a, b = read_side(left, table), read_side(right, table)
    except Unsupported:
        return False
    return {x.key for x in _atoms(a)} == {x.key for x in _atoms(b)}


def _property_of_one(a: Node, b: Node) -> str | None:
    """The one matrix both sides are made of when they are products, powers, transposes and inverses of it (and the
    identity): ``H^2 = H``, ``Q^TQ = I``, ``A^{-1} = A^T``. Such a link states what kind of matrix it is (idempotent,
    orthogonal); a sum (``(A + I)^2 = A^2 + I``) is an identity that fails, a slip. None otherwise."""
    def plain(node: Node) -> bool:
        if isinstance(node, (Atom, Num)):
            return True
        if isinstance(node, Prod):
            return all(plain(f) for f in node.factors)
        return isinstance(node, (Transpose, Inverse, Power)) and plain(node.arg)

    keys = {x.key for x in _atoms(a) + _atoms(b) if x.kind != "identity"}
    if len(keys) != 1 or not (plain(a) and plain(b)):
        return None
    name = next(iter(keys))
    kinds = {x.kind for x in _atoms(a) + _atoms(b) if x.key == name}
    return name if kinds == {"matrix"} else None


def _atoms(node: Node) -> list[Atom]:
    if isinstance(node, Atom):
        return [node]
    if isinstance(node, Num):
        return []
    if isinstance(node, (Sum,)):
        return [x for t in node.terms for x in _atoms(t)]
    if isinstance(node, Prod):
        return [x for t in node.factors for x in _atoms(t)]
    if isinstance(node, Quotient):
        return _atoms(node.num) + _atoms(node.den)
    return _atoms(node.arg)


def _matrix_keys(a: Node, b: Node) -> set[str]:
    return {x.key for x in _atoms(a) + _atoms(b) if x.kind == "matrix"}


def _vector_keys(a: Node, b: Node) -> set[str]:
    return {x.key for x in _atoms(a) + _atoms(b) if x.kind == "vector"}


def _describe_shapes(shapes: Shapes, a: Node, b: Node) -> str:
    kinds = {x.kind for x in _atoms(a) + _atoms(b)}
    parts = [w for w, k in (("matrices", "matrix"), ("vectors", "vector"), ("numbers", "scalar")) if k in kinds]
    return " and ".join(parts) or "numbers"
