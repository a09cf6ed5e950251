r"""Is ``^L`` a layer in this document? The evidence a derivative's variable gives about a superscript letter.

Backpropagation notes label every quantity with its layer as a bare superscript: ``z_j^L``, ``a_k^{L-1}``,
``w_{qj}^{l+1}``, ``\delta^l``. Read as powers, ``\frac{\partial C}{\partial w_{jk}^L}`` is a derivative with respect
to an expression, and nothing in those notes can be checked. The document says which reading it means: nobody
differentiates with respect to a power, so a letter written as the superscript of a derivative's variable
(``\partial z_j^L``, ``d a^{l}``) labels a layer, and the same letter (alone or shifted by a number, ``L-1``,
``l+1``) is a label on every name of the document.

Step letters are left out (``t``, ``k``, ``n``, ``i``, ``j``, ``s``, ``T`` for transposes): ``\partial x^k`` may be
an iterate, but a ``\beta_1^t`` in the same notes is a power, and mistaking it would make true lines false.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .latex_tokens import Token

#: Letters that count steps, samples or transposes: never read as layer labels.
_NOT_LAYERS = frozenset("tknijsTmN")
#: A cheap test before scanning: a differential followed somewhere by a superscript.
_DIFFERENTIAL = re.compile(r"\\partial|\\mathrm\{d\}|\bd\s*[A-Za-z\\]")
#: ``\partial z_j^L``, ``\partial w_{jk}^{L}``, ``d a^{l}``, ``\partial \delta^{l}`` in a denominator (a ``}`` or
#: the end of the group follows the variable).
_VARIABLE = re.compile(
    r"(?:\\partial|\\mathrm\{d\}|(?<![A-Za-z\\])d)\s*(?:\\[A-Za-z]+\s*(?:\{\s*)?)?[A-Za-z](?:\s*\})?"
    r"(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*\^\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))\s*\}"
)


def layer_letters(texts: Iterable[str]) -> frozenset[str]:
    """The letters some derivative's variable carries as its whole superscript (``\\partial z_j^L``: ``L``)."""
    found: set[str] = set()
    for text in texts:
        if "^" not in text or not _DIFFERENTIAL.search(text):
            continue
        for m in _VARIABLE.finditer(text):
            letter = m.group(1) or m.group(2)
            if letter not in _NOT_LAYERS:
                found.add(letter)
    return frozenset(found)


def is_layer(arg: list[Token], letters: frozenset[str]) -> bool:
    """``L``, ``{l}``, ``{L-1}``, ``{l+1}``: a superscript that labels a layer in a document with ``letters``."""
    if not letters or not arg or arg[0].kind != "letter" or arg[0].text not in letters:
        return False
    if len(arg) == 1:
        return True
    return len(arg) == 3 and arg[1].is_char("+", "-") and arg[2].kind == "num" and arg[2].text.isdigit()


#: ``w_{10}^{1}``, ``a_1^{2}``: a subscripted name with a number as its superscript.
_NUMBERED = re.compile(r"(?<![A-Za-z\\])(\\[A-Za-z]+|[A-Za-z])\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9])\s*\^\s*(?:\{\s*(\d+)\s*\}|(\d))")
#: The prefix that marks a numbered base among the layer letters (``#w``: ``w_{jk}^{2}`` is layer 2's weight).
NUMBERED = "#"


def numbered_layers(texts: Iterable[str]) -> frozenset[str]:
    """Bases whose subscripted names carry the superscript 1 and another number (``w_{10}^{1}``, ``w_{10}^{2}``):
    nobody writes a first power, so there the numbers label layers, and ``a_1^{2}`` is layer 2's ``a_1``, not a
    square. Returned as ``#w`` entries, to join :func:`layer_letters`."""
    numbers: dict[str, set[str]] = {}
    for text in texts:
        if "^" not in text:
            continue
        for m in _NUMBERED.finditer(text):
            numbers.setdefault(m.group(1), set()).add(m.group(2) or m.group(3))
    return frozenset(NUMBERED + base for base, found in numbers.items() if "1" in found and len(found) > 1)


def is_numbered(core: str, subscripted: bool, arg: list[Token], letters: frozenset[str]) -> bool:
    """A number as the superscript of a subscripted name whose base :func:`numbered_layers` found: a layer."""
    return subscripted and len(arg) == 1 and arg[0].kind == "num" and arg[0].text.isdigit() \
        and NUMBERED + core in letters
