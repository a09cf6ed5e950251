r"""Which letters a document uses as functions: the ones it defines as functions somewhere.

The parser reads ``f(x)`` as a call only for letters it knows as functions (``f``, ``g``, ``L``, ``J`` …); any
other letter before a bracket is a factor, since ``a(b + c)`` is a product. But a note that writes
``s(z) = \frac{1}{1 + e^{-z}}`` or ``q(x) = x^\top A x`` has made ``s`` and ``q`` functions for the whole
document, and ``s'(z) = …``, ``\nabla q(x) = …``, ``q(2)`` are claims about them. Read as products they are
never checked.

A letter counts when some display *defines* it: a statement (or a row of one) starts with the letter (with a
label below it or not: ``m_F(z)``, ``f_\\theta(x)``), a bracket of plain names only (``s(z)``, ``h(u, v)``), then ``=`` or ``:=``, and the right side reads one of those
names (a function of its argument; ``c(x) = 5`` proves nothing) and not the letter itself (``V(t) = βV(t − 1) + …``
is a sequence written with brackets, an update rule). Letters with a reading of their own stay as
they are: ``e`` (Euler's number), ``E`` and ``O``/``o`` (expectations, orders), ``d`` (differentials).
In a call of such a letter whose argument reads the letter itself bare (``σ(1 − σ)``, the usual shorthand for
``σ(z)(1 − σ(z))``) the bracket stays a factor: see :meth:`derive.check.latex._ExprParser.after_name`.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .latex_tokens import ALPHABET_MACROS, GREEK, Token, arg_span, tokenize

#: Letters whose call-like use has another reading in the parser (or in every note).
_RESERVED = frozenset({"e", "E", "O", "o", "d", "i", "T"})
#: A cheap test before tokenizing: a letter or macro, a bracket of names, then a relation.
_SHAPE = re.compile(r"(?:\\[A-Za-z]+(?:\s*\{\s*[A-Za-z]\s*\})?|(?<![A-Za-z\\])[A-Za-z])\s*\(\s*(?:[^()=]|\([^()=]{1,6}\)){1,40}\)\s*&?\s*(?::=|=|\\coloneqq(?![A-Za-z])|\\colonequals(?![A-Za-z]))"
                    # a reserved letter with a label, defined (T_{(n,f,0)}(x) = Σ…, E_n(a) = …)
                    r"|(?<![A-Za-z\\])[TE]\s*_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\?[A-Za-z0-9]+)\s*\(\s*[^()=]{1,40}\)\s*&?\s*(?::=|=|\\coloneqq(?![A-Za-z])|\\colonequals(?![A-Za-z]))")
#: The same test for a call in the middle of a chain, its letter labelled or not (``q = h_1(r) = r + k``).
_CHAIN_SHAPE = re.compile(r"=\s*(?:\\[A-Za-z]+|[A-Za-z])\s*(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*\(\s*[^()=]{1,40}\)\s*(?::=|=|\\coloneqq(?![A-Za-z])|\\colonequals(?![A-Za-z]))")
#: The same test for a chain that ends in a call of a letter (``… = h_y(σ)``).
_TRAILING_SHAPE = re.compile(r"=\s*(?:\\[A-Za-z]+|[A-Za-z])\s*(?:_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+))?\s*"
                             r"\(\s*[^()=]{1,40}\)\s*[,.;]?\s*$")
#: Reserved letters that are functions where a definition writes them with a label (``T_{(n,f,0)}(x) = …``).
_LABELLED_ONLY = frozenset({"T", "E"})
#: The mark on such a letter in the set of function letters: a call only when the letter has a subscript.
LABELLED_ONLY = "_!"
#: The mark in the set of function letters that a bare ``E(…)`` is the expectation in this document
#: (:func:`expectation_letter`).
EXPECTATION_E = "E!expectation"
#: Words that name an expectation, in the languages notes are written in.
_EXPECTATION_WORDS = re.compile(
    r"\bexpectations?\b|\bexpected values?\b|\besp[ée]rance\b|\bErwartungswert|\besperanza\b|\bvalor esperado"
    r"|\bvalore atteso|\bwarto[śs][ćc] oczekiwan|математическ\w* ожидани|\bматожидани|\bожидани[еяю]\b"
    r"|期待値|数学期望|期望|기댓값|기대값", re.IGNORECASE)
#: A bare ``E(`` in math: the letter not part of a word or a command, its bracket right after it.
_BARE_E_CALL = re.compile(r"(?<![A-Za-z\\])E\s*(?:\\left)?\(")


def expectation_letter(prose: str, texts: Iterable[str]) -> bool:
    """Is a bare ``E(x^2)`` the expectation throughout this document? When its prose names expectations (the
    word, in any of the notes' languages) and its math applies a bare E to brackets: "期待値は E(x) = ∫x f(x)dx",
    then ``E(x^2) − (E(x))^2``. Read as the letter E times x², that difference is refuted at any value of E."""
    return bool(_EXPECTATION_WORDS.search(prose)) and any(_BARE_E_CALL.search(text) for text in texts)


#: What starts a statement inside a block (besides its start): a row break, an alignment mark, a separator.
_STARTS = ("newline", "sep")


def defined_letters(texts: Iterable[str]) -> frozenset[str]:
    """The letters (``s``, ``\\sigma``) some text defines as a function of plain names."""
    out: set[str] = set()
    for text in texts:
        if not _SHAPE.search(text) and not _TRAILING_SHAPE.search(text) and not _CHAIN_SHAPE.search(text):
            continue
        tokens = [t for t in tokenize(text).tokens]
        for k, tok in enumerate(tokens):
            chained = _names_the_value(tokens, k)
            if k > 0 and not (tokens[k - 1].kind in _STARTS or tokens[k - 1].is_char("&", ",", ";")
                              or tokens[k - 1].kind == "begin" or chained):
                continue
            name = _letter(tok)
            labelled = _after_subscript(tokens, k + 1) != k + 1
            if name is None or (name in _RESERVED and not (name in _LABELLED_ONLY and labelled)):
                continue
            params, after = _parameters(tokens, _after_subscript(tokens, k + 1), subscripts=chained)
            if not params or name in params or after >= len(tokens):
                continue
            rel = tokens[after]
            if after < len(tokens) and rel.is_char("&"):
                after += 1
                rel = tokens[after] if after < len(tokens) else rel
            if rel.kind != "rel" or rel.text not in ("=", ":="):
                continue
            if name in _RESERVED:  # (T_{(n,f,0)}(x) = Σ…: the Taylor polynomial, labelled; T alone stays a transpose)
                if _reads(tokens, after + 1, params):
                    out.add(name + LABELLED_ONLY)
                continue
            if _reads(tokens, after + 1, params) and not _reads(tokens, after + 1, {name}, bare=True):
                out.add(name)  # (V(t) = βV(t − 1) + …: a sequence written with brackets, not a function)
                if labelled or _labelled_call(tokens, name, params):
                    # h_θ(x) = θ_0 + θ_1x: h with a label is a function too (g_t(1 − β) is not); so are the
                    # components of r(x) = (r_1(x), …, r_m(x)), each applied to the same names
                    out.add(name + "_")
        out |= _named_at_the_end(tokens)
    return frozenset(out)


def _names_the_value(tokens: list[Token], k: int) -> bool:
    """Is the letter at ``k`` the second member of a chain that starts with one name (``q = h_1(r) = r + k``: the
    value q is named, then the function that gives it is defined)? Its call then defines it, as at a statement's
    start."""
    if k < 2 or tokens[k - 1].kind != "rel" or tokens[k - 1].text not in ("=", ":="):
        return False
    start = k - 2
    while start > 0 and tokens[start].kind not in ("rel", "newline", "sep") and not tokens[start].is_char("&", ",", ";"):
        start -= 1
    head = tokens[start + (start > 0 or tokens[0].kind in ("rel", "newline", "sep")):k - 1]
    return bool(head) and _letter(head[0]) is not None and all(
        t.kind in ("letter", "num", "lbrace", "rbrace") or t.is_char("_", "^") or t.text in GREEK.values()
        for t in head[1:]) and _after_subscript(head, 1) >= len(head)


def _labelled_call(tokens: list[Token], name: str, params: set[str]) -> bool:
    """Does ``name`` with a label stand applied to exactly ``params`` somewhere (``r_1(x)`` in the definition
    of ``r(x)``)? Then the labelled letter is a function of those names too (a component), not a product."""
    for k, tok in enumerate(tokens):
        if _letter(tok) != name or (k > 0 and tokens[k - 1].is_char("_", "^")):
            continue
        after = _after_subscript(tokens, k + 1)
        if after != k + 1 and _parameters(tokens, after)[0] == params:
            return True
    return False


#: A map's signature: a letter (with a label or not), a colon, a set (ℝ, ℝⁿ, a blackboard or calligraphic
#: letter), then an arrow: ``r_i:\mathbb{R}^n \to \mathbb{R}``, ``f : \mathcal{X} \rightarrow \mathbb{R}``.
_SIGNATURE = re.compile(r"(?<![A-Za-z\_^])(?P<name>[A-Za-z]|\\[a-z]+)\s*(?P<label>_\s*(?:\{[^{}]{1,12}\}|\\?[A-Za-z0-9]+))?"
                        r"\s*:\s*(?:\\mathbb\s*\{?\s*[A-Z]\s*\}?|\\mathcal\s*\{?\s*[A-Z]\s*\}?|\\R(?![A-Za-z])|ℝ)"
                        r"[^$:=]{0,40}?\\(?:to|rightarrow|longrightarrow)(?![A-Za-z])")


def _free_letter(name: str) -> bool:
    """Is ``name`` (``r``, ``\\Psi``) a letter that may be made a function: one Latin letter or a Greek macro,
    and none with a reading of its own (``e``, ``E``, ``d`` …)?"""
    return name.lstrip("\\") not in _RESERVED and (len(name) == 1 or name.lstrip("\\") in GREEK)


def signature_letters(texts: Iterable[str]) -> frozenset[str]:
    """Letters the notes declare as maps (``r_i : ℝⁿ → ℝ``): functions wherever they are applied, so ``r_1(x)^2``
    is the square of a residual, not r₁·x². A letter declared with a label is marked ``r_`` too (as
    :func:`defined_letters` marks ``h_θ``)."""
    out: set[str] = set()
    for text in texts:
        if ":" not in text:
            continue
        for m in _SIGNATURE.finditer(text):
            name = m.group("name")
            if not _free_letter(name):
                continue
            out.add(name)
            if m.group("label"):
                out.add(name + "_")
    return frozenset(out)


#: An integral, its integrand (up to 160 characters, no nested integral) and its differential's letter.
_INTEGRAL = re.compile(r"\\int(?![a-z])(?P<body>(?:(?!\\int(?![a-z])).){1,160}?)"
                       r"(?:\\,|\\;|\\!|\s)*(?:\\mathrm\{d\}|\\operatorname\{d\}|\bd)\s*(?P<var>[A-Za-z]|\\[a-z]+)(?![A-Za-z])",
                       re.S)


def integrand_letters(texts: Iterable[str]) -> frozenset[str]:
    """Letters applied to the variable of the integral they stand in (``∫_a^b r(s)\\,ds``, ``∫ χ_q(σ) dσ``): a
    rate that varies over the range, a function of that variable, not the product r·s. A letter with a label
    is marked as :func:`defined_letters` marks it (``χ_``: χ with a label)."""
    out: set[str] = set()
    for text in texts:
        if "\\int" not in text:
            continue
        for m in _INTEGRAL.finditer(text):
            var = re.escape(m.group("var"))
            for call in re.finditer(rf"(?<![A-Za-z\\_^])([A-Za-z]|\\[A-Za-z]+)(_\{{[^{{}}]*\}}|_\\?[A-Za-z0-9]+)?\s*"
                                    rf"(?:\\left)?\(\s*{var}\s*(?:\\right)?\)", m.group("body")):
                name = call.group(1)
                if name not in ("\\left", "\\right", m.group("var")) and name.lstrip("\\") not in _RESERVED \
                        and (len(name) == 1 or name.lstrip("\\") in GREEK):
                    out.add(name)
                    if call.group(2):
                        out.add(name + "_")  # χ_q(σ): χ with a label is a function too
    return frozenset(out)


#: A letter with primes applied to plain names: ``Ψ'(n)``, ``g''(z)``, ``f^{\prime}(x, y)``.
_PRIMED_CALL = re.compile(r"(?<![A-Za-z\\_^])(?P<name>[A-Za-z]|\\[A-Za-z]+)\s*(?:'+|\^\s*\{?\s*(?:\\prime\s*)+\}?)\s*"
                          r"(?:\\left)?\(\s*(?:[A-Za-z]|\\[a-z]+)(?:\s*,\s*(?:[A-Za-z]|\\[a-z]+))*\s*(?:\\right)?\)")


def primed_letters(texts: Iterable[str]) -> frozenset[str]:
    """Letters written with a prime and applied to plain names (``Ψ'(n) = E_n[T]``): the derivative of a function
    at its argument, so the letter is a function wherever it is applied (``γ(n) = e^{Ψ(n)}`` calls Ψ; read as
    the product Ψ·n, d/dn log γ(n) would be Ψ, not Ψ'(n)). A bracket of anything else (``w'(1 − η)``) may be a
    factor and names nothing."""
    out: set[str] = set()
    for text in texts:
        if "'" not in text and "prime" not in text:
            continue
        for m in _PRIMED_CALL.finditer(text):
            name = m.group("name")
            if not _free_letter(name):
                continue
            out.add(name)
    return frozenset(out)


def _named_at_the_end(tokens: list[Token]) -> set[str]:
    """``L = −(y log σ + …) = h_y(σ)``: a chain that ends in a letter applied to plain names, after ``=``, names
    that letter a function (the stage of an automatic-differentiation walk-through), not a product."""
    out: set[str] = set()
    for k, tok in enumerate(tokens):
        if k == 0 or tokens[k - 1].kind != "rel" or tokens[k - 1].text != "=":
            continue
        name = _letter(tok)
        if name is None or name in _RESERVED:
            continue
        after_label = _after_subscript(tokens, k + 1)
        params, after = _parameters(tokens, after_label)
        rest = tokens[after:]
        if not params or name in params or any(not t.is_char(",", ".", ";") for t in rest):
            continue
        out.add(name)
        if after_label != k + 1:
            out.add(name + "_")
    return out


def _letter(tok: Token) -> str | None:
    """The name a one-token letter stands for (``s``, ``\\sigma``), or None."""
    if tok.kind == "letter":
        return tok.text
    if tok.kind == "macro" and tok.text in GREEK:
        return "\\" + tok.text
    if tok.kind == "raw" and tok.text in ALPHABET_MACROS and re.fullmatch(r"[A-Za-z]", (tok.arg or "").strip()):
        return f"\\{tok.text}{{{tok.arg.strip()}}}"  # \mathcal{I}(\theta) = …: Fisher information, a function
    return None


def _after_subscript(tokens: list[Token], k: int) -> int:
    """Past a subscript at ``k`` (``m_F(z)``, ``f_{\\theta}(x)``: a function with a label), else ``k``."""
    if k >= len(tokens) or not tokens[k].is_char("_"):
        return k
    stop = arg_span(tokens, k + 1)
    return k if stop is None else stop


def _after_mark(tokens: list[Token], k: int) -> int:
    """Past a bracketed superscript mark at ``k`` (``x^{(i)}``, ``w^{(t)}``: a sample's or a step's name), else ``k``."""
    if k + 5 < len(tokens) and tokens[k].is_char("^") and tokens[k + 1].kind == "lbrace" and tokens[k + 2].is_char("("):
        close = next((j for j in range(k + 3, min(k + 8, len(tokens))) if tokens[j].is_char(")")), None)
        if close is not None and close + 1 < len(tokens) and tokens[close + 1].kind == "rbrace":
            return close + 2
    return k


def _parameters(tokens: list[Token], opener: int, *, subscripts: bool = False) -> tuple[set[str], int]:
    """``(z)`` or ``(u, v)`` at ``opener``: the names, and the index after the closing bracket (none: empty).
    ``subscripts``: names may carry one (``(p_3)``, read by its letter), as in a chain that names the value of
    the call (``p_2 = h_3(p_3) = p_3 + k``); at a statement's start ``k(x_1)`` stays a factor."""
    if opener >= len(tokens) or not tokens[opener].is_char("("):
        return set(), opener
    names: set[str] = set()
    k = opener + 1
    while k < len(tokens):
        name = _letter(tokens[k])
        if name is None:
            return set(), k
        names.add(name)
        k = _after_subscript(tokens, k + 1) if subscripts else k + 1
        k = _after_mark(tokens, k)  # h_θ(x^{(i)}) = θ_0 + θ_1x^{(i)}: the i-th sample's x, a name with its mark
        if k < len(tokens) and tokens[k].is_char(")"):
            return names, k + 1
        if k < len(tokens) and tokens[k].is_char(","):
            k += 1
            continue
        return set(), k
    return set(), k


def _reads(tokens: list[Token], start: int, params: set[str], *, bare: bool = False) -> bool:
    """Does the right side from ``start`` (to the next relation or row break; across ``=`` in a chain, as in
    ``σ(z) = P = 1/(1 + e^{-z})``) read one of ``params``? ``bare``: only without a label (``r_1`` in
    ``r(x) = (r_1(x), …)`` is a component of r, not r itself)."""
    for k, tok in enumerate(tokens[start:], start):
        if (tok.kind == "rel" and tok.text != "=") or tok.kind == "newline" or tok.is_char("&"):
            return False
        if _letter(tok) in params and not (bare and k + 1 < len(tokens) and tokens[k + 1].is_char("_")):
            return True
    return False


def matrix_letters(texts: Iterable[str], candidates: Iterable[str]) -> frozenset[str]:
    r"""The letters among ``candidates`` (the ones read as functions by default: ``Q``, ``L``, ``f`` …) that the
    document writes as a matrix: ``Q \in \mathbb{R}^{n \times n}``, ``x^\top Q x``, ``Q^\top``, ``Q \succ 0``.
    In such notes ``Q^{-1}(Qx^{(k)} − p)`` is a product with the inverse, not the inverse function applied;
    a letter the notes also define as a function (``Q(w) = L(w) + …``) is left to :func:`defined_letters`."""
    letters = [c for c in candidates if len(c) == 1 and c.isalpha()]
    if not letters:
        return frozenset()
    found: set[str] = set()
    for text in texts:
        for letter in letters:
            if letter in found or letter not in text:
                continue
            if any(p.search(text) for p in _matrix_evidence(letter)):
                found.add(letter)
    return frozenset(found)


@functools.lru_cache(maxsize=None)
def _matrix_evidence(letter: str) -> tuple[re.Pattern[str], ...]:
    own = rf"(?<![A-Za-z\\]){letter}"
    transpose = r"(?:\{\s*)?(?:\\top|\\intercal|\\mathsf\s*\{\s*T\s*\}|T)(?![A-Za-z])\s*(?:\}\s*)?"
    return (
        re.compile(own + r"\s*\\in\s*\\mathbb\s*\{?\s*R\s*\}?\s*\^\s*\{[^{}]*\\times"),  # Q ∈ ℝ^{n×n}
        re.compile(r"\^\s*" + transpose + letter + r"(?![A-Za-z(_'])"),  # x^⊤Q x
        re.compile(own + r"\s*\^\s*" + transpose),  # Q^⊤
        re.compile(own + r"\s*\\succ(?:eq)?\s*0"),  # Q ≻ 0
    )
