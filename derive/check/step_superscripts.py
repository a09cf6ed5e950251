r"""Which vectors count their steps in plain superscripts: ``\mathbf{x}^{k+1} = \mathbf{x}^k − …``, then ``\mathbf{x}^0``.

Notes that write iterates as ``x^{(k)}`` leave no doubt, but many write ``\mathbf{x}^k`` and ``\mathbf{x}^0 = [0, 1]^T``,
which a parser reads as powers (``\mathbf{x}^0`` is 1). The document says which reading it means: an update rule that
defines a vector at ``k + 1`` from its value at ``k`` (``\mathbf{x}^{k+1} = \mathbf{x}^k − α∇f(\mathbf{x}^k)``) counts
that vector's steps in superscripts, and then ``\mathbf{x}^0``, ``\mathbf{x}^1``, ``\mathbf{d}^{k}`` are its steps. Only
names set as vectors (bold, arrow) are read so: a scalar ``x^2`` next to ``x^{k+1} = …`` may well be a square, a bold
``\mathbf{x}^2`` is not.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["stepped_vectors", "is_step"]

_VECTOR = r"\\(?:mathbf|boldsymbol|bm|vec|mathbold)\s*\{\s*(\\?[A-Za-z]+)\s*\}"
#: A rule at the next step: ``\mathbf{x}^{k+1} =`` (or ``&=``) for some step letter.
_RULE = re.compile(_VECTOR + r"\s*\^\s*\{\s*([kt])\s*\+\s*1\s*\}\s*&?\s*=")


def stepped_vectors(texts: Iterable[str]) -> frozenset[str]:
    """The vector names (``x``, ``\\theta``) some display defines at ``k + 1`` from the same vector at ``k``."""
    found: set[str] = set()
    for text in texts:
        if "^" not in text:
            continue
        text = _BOLD_SCRIPT.sub(r"\\\g<macro>{\g<name>}\g<script>", text)  # \mathbf{x^{k+1}} as \mathbf{x}^{k+1}
        for m in _RULE.finditer(text):
            name, letter = m.group(1), m.group(2)
            rest = text[m.end():]
            if re.search(_VECTOR.replace(r"(\\?[A-Za-z]+)", re.escape(name)) + r"\s*\^\s*\{?\s*" + letter + r"\s*\}?(?![+\-\w])",
                         rest):
                found.add(name)
    return frozenset(found)


#: A bold letter whose group holds its script too (``\mathbf{x^{k+1}}``), which means ``\mathbf{x}^{k+1}``.
_BOLD_SCRIPT = re.compile(r"\\(?P<macro>mathbf|boldsymbol|bm|vec|mathbold)\s*\{\s*(?P<name>\\?[A-Za-z]+)\s*"
                          r"(?P<script>\^\s*(?:\{[^{}]*\}|\w))\s*\}")

_STEP = re.compile(r"\d+|[kt](?:[+-]\d+)?")


def is_step(written: str) -> bool:
    """Is a superscript, as written without spaces, a step: a number, ``k``/``t``, or one of them moved by a number?"""
    return _STEP.fullmatch(written) is not None
