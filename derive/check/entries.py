r"""One entry of a product of matrices and vectors, written in index notation: ``(Ax)_j``, ``(AB)_{kk}``,
``(X^\top w)_i``, ``(A + A^\top)_{ij}``.

Notes on matrix calculus derive a gradient coordinate by coordinate: ``x^\top A x = \sum_j x_j (Ax)_j =
\sum_{j,k} a_{jk} x_j x_k``, ``\operatorname{tr}(AB) = \sum_k (AB)_{kk}``. The scalar reader cannot read a
subscript on a parenthesised product (it multiplies in any order and drops transposes), so the entry is
written out here as the sum over the inner index that matrix multiplication means, with the notes' own
convention for which letters are which:

- a capital letter (Latin or Greek, bold or not) is a square matrix, ``I`` the identity (a Kronecker delta);
- a lowercase letter is a column vector when it ends a product or stands before a transposed vector
  (``x y^\top``), and a number when it stands before a matrix or a vector (``\lambda A``, ``\alpha x``);
- a transpose swaps the two indices of what it is on.

Every inner index runs over the same unwritten range as ``\sum_j`` without limits (the count ``\#`` of
:mod:`derive.check.sums`), so a link between an entry and its sum is decided by the same writing out at
small sizes. A product whose shapes do not fit, a power, an inverse or a function inside are refused with
a reason: guessing them would prove links the notes do not make."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from ..symbols import symbol
from .latex_tokens import GREEK, Token, tokenize
from .sums import GENERIC_COUNT

#: Spellings of a transpose in a superscript.
_TRANSPOSE = frozenset({"T", "top", "intercal", "mathsf{T}"})
_BOLD = frozenset({"mathbf", "boldsymbol", "bm", "pmb", "vec", "mathbb"})
#: Letters tried, in order, for the index a product sums over.
_FRESH = "klmpqrsuvabcdefgh"


class NotAnEntry(Exception):
    """The group is not a product of matrices and vectors this module reads; the message says why."""


@dataclass(frozen=True)
class _Atom:
    """A matrix, vector or number written by its letter (``stem`` as the scalar reader names it)."""

    stem: str
    kind: str  # "matrix", "vector", "scalar", "identity"
    transposed: bool = False


@dataclass(frozen=True)
class _Group:
    """A parenthesised sum of products, possibly transposed."""

    terms: tuple[tuple[int, tuple[object, ...]], ...]  # (sign, factors)
    transposed: bool = False


Shape = tuple[bool, bool]  # (has rows, has columns): a matrix (True, True), a column (True, False), a row


def entry(inner: list[Token], indices: list[Token], bound: set[str], taken: set[str]) -> sp.Expr:
    r"""The entry ``indices`` of the group ``inner`` (the tokens between its parentheses): ``(Ax)_j`` →
    ``Σ_k A[j, k] x[k]``. ``bound`` holds the indices a sum around it binds, ``taken`` every letter of the
    block (the inner indices avoid them). Raises :class:`NotAnEntry` with the reason."""
    group = _Reader(inner).group()
    picked = _indices(indices)
    shape = _shape(group)
    if len(picked) == 2 and shape == (True, True):
        row, col = picked
    elif len(picked) == 1 and shape in ((True, False), (False, True)):
        row, col = (picked[0], None) if shape[0] else (None, picked[0])
    else:
        raise NotAnEntry("the subscript does not fit the shape of what it is on")
    inner = _InnerIndices(taken | bound)
    count = sp.Symbol(GENERIC_COUNT, integer=True, positive=True)
    written = _entry_of(group, row, col, inner.new)
    summed = inner.summed
    free = {x.name for x in (row, col) if isinstance(x, sp.Symbol)}
    named = {s.name for s in summed} | (free & bound)

    def name(atom: sp.Indexed) -> sp.Expr:
        if any(i.free_symbols and {x.name for x in i.free_symbols} & named for i in atom.indices):
            return atom  # an index a sum binds: an indexed quantity, as the reader makes x_j under Σ_j
        return symbol(f"{atom.base.label}_{{{''.join(str(i) for i in atom.indices)}}}")

    return written.replace(lambda e: isinstance(e, sp.Indexed), name) if not summed else \
        _sums(written.replace(lambda e: isinstance(e, sp.Indexed), name), summed, count)


class _InnerIndices:
    """The letters a product's inner indices take, in :data:`_FRESH` order, none of them one the block uses."""

    def __init__(self, avoid: set[str]) -> None:
        self._letters = iter(c for c in _FRESH if c not in avoid)
        self.summed: list[sp.Symbol] = []

    def new(self) -> sp.Symbol:
        letter = next(self._letters, None)
        if letter is None:
            raise NotAnEntry("a product too long to write as entries")
        self.summed.append(symbol(letter))
        return self.summed[-1]


def _sums(body: sp.Expr, summed: list[sp.Symbol], count: sp.Symbol) -> sp.Expr:
    """``body`` summed over each inner index that occurs in it, every one over ``1 … #``."""
    result = sp.expand(body)
    for index in reversed(summed):
        result = sp.Add(*(sp.Sum(t, (index, 1, count)) if t.has(index) else t for t in sp.Add.make_args(result)))
    return result


def _indices(tokens: list[Token]) -> list[sp.Expr]:
    """``ij``, ``i,j``, ``kk``, ``1``: one index per letter or number, commas ignored."""
    picked: list[sp.Expr] = []
    for tok in tokens:
        if tok.is_char(","):
            continue
        if tok.kind == "letter":
            picked.append(symbol(tok.text))
        elif tok.kind == "num" and tok.text.isdigit():
            picked.append(sp.Integer(tok.text))
        else:
            raise NotAnEntry("an entry's index must be letters or numbers")
    if not 1 <= len(picked) <= 2:
        raise NotAnEntry("an entry needs one or two indices")
    return picked


class _Reader:
    """Reads the tokens inside the parentheses as sums of products of letters, numbers and groups."""

    def __init__(self, tokens: list[Token]) -> None:
        self.toks = [t for t in tokens if t.kind != "sep"]
        self.pos = 0

    def peek(self) -> Token | None:
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def group(self, transposed: bool = False) -> _Group:
        terms: list[tuple[int, tuple[object, ...]]] = []
        sign = 1
        factors: list[object] = []
        while (tok := self.peek()) is not None and not tok.is_char(")", "]"):
            if tok.is_char("+", "-"):
                if factors:
                    terms.append((sign, tuple(factors)))
                    factors = []
                elif terms:
                    raise NotAnEntry("two signs in a row")
                sign = -1 if tok.text == "-" else 1
                self.pos += 1
                continue
            factors.append(self.factor())
        if not factors:
            raise NotAnEntry("an empty term")
        terms.append((sign, tuple(factors)))
        return _Group(tuple(terms), transposed)

    def factor(self) -> object:
        tok = self.toks[self.pos]
        self.pos += 1
        if tok.is_char("(", "["):
            inner = self.group()
            close = self.peek()
            if close is None or not close.is_char(")", "]"):
                raise NotAnEntry("a parenthesis is not closed")
            self.pos += 1
            return _Group(inner.terms, self.transposed())
        if tok.kind == "num":
            if self.peek() is not None and self.peek().is_char("^"):
                raise NotAnEntry("a power inside an entry is not modelled")
            return sp.Rational(tok.text)
        if tok.kind == "macro" and tok.text in _BOLD:
            brace = self.peek()
            if brace is None or brace.kind != "lbrace":
                raise NotAnEntry("a bold letter without braces")
            self.pos += 1
            letter = self.toks[self.pos] if self.pos < len(self.toks) else None
            if letter is None:
                raise NotAnEntry("a bold letter without braces")
            self.pos += 1
            stem = self.stem(letter)
            end = self.peek()
            if end is None or end.kind != "rbrace":
                raise NotAnEntry("a bold group of more than one letter")
            self.pos += 1
        else:
            stem = self.stem(tok)
        transposed = self.transposed()
        nxt = self.peek()
        if nxt is not None and (nxt.is_char("_", "^", "'") or nxt.kind == "lbrace"):
            raise NotAnEntry("a name with a subscript, a power or a mark inside an entry is not modelled")
        bare = stem.lstrip("\\")
        if bare == "I":
            kind = "identity"
        elif bare[0].isupper():
            kind = "matrix"
        else:
            kind = "vector"  # a number or a vector: the position decides (_shape)
        return _Atom(stem, kind, transposed)

    @staticmethod
    def stem(tok: Token) -> str:
        if tok.kind == "letter":
            return tok.text
        if tok.kind == "macro" and tok.text in GREEK:
            return "\\" + GREEK[tok.text]
        raise NotAnEntry(f"'{tok.text}' inside an entry is not modelled")

    def transposed(self) -> bool:
        """Consumes ``^T``, ``^\\top``, ``^{T}``, ``^{\\top}`` after a factor; a power is refused."""
        tok = self.peek()
        if tok is None or not tok.is_char("^"):
            return False
        arg = self.toks[self.pos + 1:self.pos + 4]
        if arg and arg[0].kind in ("letter", "macro") and arg[0].text in _TRANSPOSE:
            self.pos += 2
            return True
        if len(arg) == 3 and arg[0].kind == "lbrace" and arg[1].text in _TRANSPOSE and arg[2].kind == "rbrace":
            self.pos += 4
            return True
        raise NotAnEntry("a power or an inverse inside an entry is not modelled")


def _roles(factors: tuple[object, ...]) -> list[object]:
    """The factors of one product with each lowercase letter made a number or a vector by its place: a
    vector ends a product or stands before a row (``x y^\\top``); before a matrix or vector it is a number."""
    roles: list[object] = []
    for k, f in enumerate(factors):
        if isinstance(f, _Atom) and f.kind == "vector" and not f.transposed:
            nxt = next((g for g in factors[k + 1:] if not isinstance(g, sp.Rational)), None)
            row = nxt is not None and _shape(nxt) == (False, True)
            if nxt is not None and not row:
                f = _Atom(f.stem, "scalar")
        roles.append(f)
    return roles


def _shape(node: object) -> Shape:
    """(rows, columns) of a factor, a product or a group: a matrix, a column vector, a row or a number."""
    if isinstance(node, sp.Rational):
        return (False, False)
    if isinstance(node, _Atom):
        if node.kind == "scalar":
            return (False, False)
        shape = (True, True) if node.kind in ("matrix", "identity") else (True, False)
        return shape[::-1] if node.transposed else shape
    assert isinstance(node, _Group)
    shapes = {_product_shape(_roles(factors)) for _, factors in node.terms}
    if len(shapes) != 1:
        raise NotAnEntry("terms of different shapes are added")
    shape = shapes.pop()
    return shape[::-1] if node.transposed else shape


def _product_shape(factors: list[object]) -> Shape:
    shaped = [f for f in factors if _shape(f) != (False, False)]
    if not shaped:
        return (False, False)
    for a, b in zip(shaped, shaped[1:]):
        if _shape(a)[1] != _shape(b)[0]:
            raise NotAnEntry("the shapes of a product do not fit")
    return (_shape(shaped[0])[0], _shape(shaped[-1])[1])


def _entry_of(node: object, row: sp.Expr | None, col: sp.Expr | None,
              new_index: Callable[[], sp.Symbol]) -> sp.Expr:
    """The entry (row, col) of ``node``; ``None`` for a dimension the node does not have."""
    if isinstance(node, sp.Rational):
        return node
    if isinstance(node, _Atom):
        if node.kind == "scalar":
            return symbol(node.stem)
        if node.transposed:
            row, col = col, row
        if node.kind == "identity":
            return sp.KroneckerDelta(row, col)
        base = sp.IndexedBase(node.stem)
        return base[row, col] if node.kind == "matrix" else base[row]
    assert isinstance(node, _Group)
    if node.transposed:
        row, col = col, row
    total = sp.Integer(0)
    for sign, factors in node.terms:
        roles = _roles(factors)
        shaped = [f for f in roles if _shape(f) != (False, False)]
        value: sp.Expr = sp.Integer(sign)
        for f in roles:
            if _shape(f) == (False, False):
                value *= _entry_of(f, None, None, new_index)
        at = row
        for k, f in enumerate(shaped):
            last = k == len(shaped) - 1
            after = col if last else (new_index() if _shape(f)[1] else None)
            value *= _entry_of(f, at if _shape(f)[0] else None, after if _shape(f)[1] else None, new_index)
            at = after
        total += value
    return total


_CLOSERS = {")": "(", "]": "["}
_SIZED = re.compile(r"\\(?:left|[bB]ig{1,2}[lr]?)\s*$")


def without_entries(text: str) -> str:
    r"""``text`` with every entry of a parenthesised group (``(X^\top w)_i``, ``\left(AB\right)_{kk}``) cut
    out: what remains tells whether the link itself is written in matrix notation. (Transposes inside an
    entry are read here, index by index, so they do not make the link a matrix identity.)"""
    out = text
    pos = len(out)
    while (under := out.rfind("_", 0, pos)) > 0:
        pos = under
        close = under - 1
        while close >= 0 and out[close].isspace():
            close -= 1
        if close < 0 or out[close] not in _CLOSERS:
            continue
        depth, j = 0, close
        while j >= 0:
            if out[j] in _CLOSERS:
                depth += 1
            elif out[j] in "([":
                depth -= 1
                if depth == 0:
                    break
            j -= 1
        if j < 0:
            continue
        end = under + 1
        while end < len(out) and out[end].isspace():
            end += 1
        if end < len(out) and out[end] == "{":
            end = out.find("}", end) + 1 or len(out)
        elif end < len(out):
            end += 1
        j = len(_SIZED.sub("", out[:j]))  # \left( or \bigg( : the sizing goes with its parenthesis
        out = out[:j] + " " + out[end:]
        pos = j
    return out


#: Names of the trace: ``\operatorname{tr}``, ``\text{Tr}``, ``\tr``.
_TRACE = frozenset({"tr", "Tr", "trace", "Trace"})


def index_text(text: str) -> str | None:
    r"""``text`` with each scalar product in matrix notation written in index notation: ``x^\top A x`` →
    ``\sum_{k} \sum_{l} x_{k} A_{kl} x_{l}``, ``\operatorname{tr}(AB)`` → ``\sum_{k} \sum_{l} A_{kl} B_{lk}``; None
    when there is none. A product counts when it transposes something and comes out a number; it is the
    longest such product from the leftmost place one starts. The result is LaTeX for the reader (text the
    notes wrote is never evaluated; this is built from the parsed structure)."""
    toks = tokenize(text).tokens
    taken = {t.text for t in toks if t.kind == "letter"}
    pieces: list[str] = []
    at = 0  # offset in text copied up to
    i = 0
    changed = False
    while i < len(toks):
        found = _scalar_run(toks, i, taken) or _trace_at(toks, i, taken)
        if found is None:
            i += 1
            continue
        end, written = found
        pieces.append(text[at:toks[i].start])
        pieces.append(r"\left(" + written + r"\right)")
        at = toks[end - 1].end
        i = end
        changed = True
    if not changed:
        return None
    pieces.append(text[at:])
    return "".join(pieces)


def _scalar_run(toks: list[Token], i: int, taken: set[str]) -> tuple[int, str] | None:
    """(end, index notation) of the longest product from ``toks[i]`` that transposes and is a number."""
    if not _starts_factor(toks[i]) or (i > 0 and (toks[i - 1].is_char("_", "^") or toks[i - 1].kind in ("macro", "raw")
                                                  and toks[i - 1].text in _BOLD)):
        return None
    reader = _Reader(toks[i:])
    factors: list[object] = []
    ends: list[int] = []
    while reader.peek() is not None and _starts_factor(reader.peek()):
        try:
            factors.append(reader.factor())
        except NotAnEntry:
            break
        ends.append(reader.pos)
    best = None
    for n in range(len(factors), 1, -1):
        run = tuple(factors[:n])
        if not any(getattr(f, "transposed", False) for f in run):
            continue
        try:
            if _shape(_Group(((1, run),))) != (False, False):
                continue
            written = _written(_Group(((1, run),)), None, None, taken)
        except NotAnEntry:
            continue
        if written is not None:
            best = (i + ends[n - 1], written)
            break
    return best


def _trace_at(toks: list[Token], i: int, taken: set[str]) -> tuple[int, str] | None:
    r"""(end, index notation) of ``\operatorname{tr}(M)`` at ``toks[i]``: the entries ``(k, k)`` of ``M`` summed."""
    tok = toks[i]
    name = tok.arg if tok.kind == "raw" else tok.text if tok.kind == "macro" else None
    if name not in _TRACE or i + 1 >= len(toks) or not toks[i + 1].is_char("("):
        return None
    depth = 0
    for j in range(i + 1, len(toks)):
        depth += toks[j].is_char("(", "[") - toks[j].is_char(")", "]")
        if depth == 0:
            break
    else:
        return None
    try:
        group = _Reader(toks[i + 2:j]).group()
        if _shape(group) != (True, True):
            return None
        k = next(c for c in _FRESH if c not in taken)
        written = _written(group, symbol(k), symbol(k), taken | {k}, outer=[symbol(k)])
    except (NotAnEntry, StopIteration):
        return None
    return (j + 1, written) if written is not None else None


def _starts_factor(tok: Token) -> bool:
    return tok.kind == "letter" or tok.is_char("(") or tok.kind == "macro" and (
        tok.text in _BOLD or tok.text in GREEK)


def _written(group: _Group, row: sp.Expr | None, col: sp.Expr | None, taken: set[str],
             outer: list[sp.Symbol] | None = None) -> str | None:
    """The entry (row, col) of ``group`` (a number when both are None) as LaTeX in index notation, summed
    over its inner indices and then over ``outer``; None when a Kronecker delta is left (the identity)."""
    inner = _InnerIndices(taken | {o.name for o in outer or ()})
    value = sp.expand(_entry_of(group, row, col, inner.new))
    if value.has(sp.KroneckerDelta):
        return None
    indices = [*(outer or []), *inner.summed]
    return " + ".join(_tex_sum(term, indices) for term in sp.Add.make_args(value)).replace("+ -", "- ")


def _tex_sum(term: sp.Expr, indices: list[sp.Symbol]) -> str:
    """One product, with ``\\sum_{k}`` before it for each index it holds."""
    sums = "".join(rf"\sum_{{{x.name}}} " for x in indices if term.has(x))
    coefficient, factors = term.as_coeff_mul()
    parts = [_tex_atom(f) for f in factors]
    sign = "-" if coefficient < 0 else ""
    number = "" if abs(coefficient) == 1 else sp.latex(abs(coefficient)) + " "
    return f"{sign}{sums}{number}{' '.join(parts)}"


def _tex_atom(factor: sp.Expr) -> str:
    if isinstance(factor, sp.Indexed):
        return f"{factor.base.label}_{{{''.join(str(i) for i in factor.indices)}}}"
    if isinstance(factor, sp.Pow) and isinstance(factor.base, sp.Indexed) and factor.exp.is_Integer:
        return f"{_tex_atom(factor.base)}^{{{factor.exp}}}"
    if isinstance(factor, sp.Symbol):
        return factor.name
    raise NotAnEntry("a factor that has no index notation")
