r"""Is ``i`` (or ``j``) the imaginary unit in this document, or an index and a quantity like any other letter?

Notes on characteristic functions, Fourier features or the eigenvalues of a rotation write ``e^{iλx}`` and
``−i²(λ² + λ) = λ² + λ``: read as a real letter, ``i`` turns each such step into a false equality. The letter
alone cannot say which it is, so the document decides: a formula that gives it its defining property
(``i^2 = −1``, ``i = \sqrt{-1}``), or prose that names it ("where $i$ is the imaginary unit", "мнимая
единица", "虚数単位"), makes the free letter ``sp.I`` in every statement of the document. A letter a sum or
product binds (``\sum_i``) stays the index, and ``x_i`` is a name of its own, so neither is touched.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import sympy as sp

from .latex import ParsedBlock

__all__ = ["imaginary_letter", "as_imaginary"]

#: ``i^2 = -1``, ``i^{2} = −1``, ``i = \sqrt{-1}``, ``\sqrt{-1} = i`` (and the same for ``j``), spaces allowed.
_PROPERTY = re.compile(
    r"(?<![A-Za-z\\_^])(?P<a>[ij])\s*\^\s*\{?\s*2\s*\}?\s*=\s*[-−]\s*1(?![\d.])"
    r"|(?<![A-Za-z\\_^])(?P<b>[ij])\s*=\s*\\sqrt\s*\{\s*[-−]\s*1\s*\}"
    r"|\\sqrt\s*\{\s*[-−]\s*1\s*\}\s*=\s*(?P<c>[ij])(?![A-Za-z])"
)

#: The name of the imaginary unit in the languages of the notes seen so far.
_NAMED = re.compile(
    r"imaginary\s+unit|мним\w*\s+единиц\w*|虚数单位|虚数単位|虛數單位|허수\s*단위|unidad\s+imaginaria"
    r"|unit[ée]\s+imaginaire|imagin[äa]re\s+Einheit|unidade\s+imagin[áa]ria|unit[àa]\s+immaginaria",
    re.IGNORECASE,
)
#: The letter written alone as a formula near the name: ``$i$``, ``\(i\)``, ``$\mathrm{i}$``.
_ALONE = re.compile(r"(?:\$|\\\()\s*(?:\\mathrm\{|\\text\{)?\s*([ij])\s*\}?\s*(?:\$|\\\))")
#: How far (in characters) from the name the letter may stand: the same sentence, either side.
_NEAR = 120


#: Prose about complex numbers, in the languages the notes come in.
_COMPLEX = re.compile(r"complex\s+numbers?|комплексн\w*\s+чис|复数|複素数|복소수|n[úu]meros?\s+complejos?"
                      r"|nombres?\s+complexes?|komplexe\s+Zahl|n[úu]meros?\s+complexos?|numeri\s+complessi",
                      re.IGNORECASE)
#: A complex number in Cartesian form, ``z = a + jb``, ``a + ib``, ``x - yi``: its unit beside the imaginary part.
#: The unit times a number as a term of its own, ``x_1 = -2i``, ``(x + 2i)(x - 2i)``, ``3 - 4j``: after an operator or a
#: bracket, before one (never ``x_{2i}`` or ``a_{2i+1}``, an index's double); or alone, added in a bracket.
_TIMES_NUMBER = re.compile(r"(?:^|[=(,+\-−])\s*\d+(?:\.\d+)?\s*(?:\\,\s*)?(?P<u>[ij])\s*(?=$|[),;.=+\-−]|\\\\)"
                           r"|[+\-−]\s*(?P<v>[ij])\s*\)")  # (and the unit alone added in a bracket: (x + i)(x − i))
_CARTESIAN = re.compile(r"=\s*[a-z]\s*[-+]\s*(?:(?P<a>[ij])\s*[a-z]|[a-z]\s*(?P<b>[ij]))\s*(?:$|[,.;]|\\\\)")


def imaginary_letter(formulas: Iterable[str], prose: str) -> str | None:
    """The letter (``"i"`` or ``"j"``) the document makes the imaginary unit, or None when it does not: given its
    property, named in words beside it, or written as the unit of a Cartesian form (``z = a + jb``) or times a
    number (``x = −2i``) in notes that speak of complex numbers."""
    formulas = list(formulas)
    for text in formulas:
        found = _PROPERTY.search(text)
        if found:
            return found.group("a") or found.group("b") or found.group("c")
    for name in _NAMED.finditer(prose):
        window = prose[max(0, name.start() - _NEAR):name.end() + _NEAR]
        letters = {m.group(1) for m in _ALONE.finditer(window)}
        if len(letters) == 1:
            return letters.pop()
    if _COMPLEX.search(prose):
        units = {m.group("a") or m.group("b") for text in formulas for m in _CARTESIAN.finditer(text.strip())}
        units |= {m.group("u") or m.group("v") for text in formulas for m in _TIMES_NUMBER.finditer(text)}
        if len(units) == 1:
            return units.pop()
    return None


def as_imaginary(parsed: ParsedBlock, letter: str) -> None:
    """Put ``sp.I`` for the free ``letter`` in every side of ``parsed`` (in place). Bound letters keep their
    meaning, since SymPy substitutes only free symbols."""
    for statement in parsed.statements:
        for term in statement.terms:
            if term.expr is None:
                continue
            free = [s for s in term.expr.free_symbols if isinstance(s, sp.Symbol) and s.name == letter]
            if free:
                term.expr = term.expr.subs({s: sp.I for s in free})
