r"""Is ``e`` Euler's number in this document, or a quantity it names?

Notes write ``e^{-z}`` for the exponential, and as often call an error ``e``: ``e = y - \hat y``, then ``\frac12 e^2``.
The letter alone cannot say which; the document can. Where some formula gives ``e`` a value written in other names
(``e = y - \hat y``, ``e := t - o``), ``e`` is that quantity in every block and ``e^2`` is its square; a document
that never does so keeps ``e^x`` the exponential (``e = 2.718…`` or ``e = \exp(1)`` names the number itself).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .latex_tokens import tokenize

#: A bare ``e`` before ``=`` or ``:=`` somewhere in the text: the only blocks worth tokenizing.
_E_BEFORE_EQUALS = re.compile(r"(?<![A-Za-z\\])e\s*:?=")


def e_is_a_name(texts: Iterable[str]) -> bool:
    """True when a formula gives the bare letter ``e`` (not ``e_i``, not ``e^{…}``) a value written in names."""
    for text in texts:
        if not _E_BEFORE_EQUALS.search(text):
            continue
        tokens = tokenize(text).tokens
        for i, tok in enumerate(tokens[:-2]):
            if tok.kind != "letter" or tok.text != "e" or tokens[i + 1].kind != "rel" or tokens[i + 1].text not in ("=", ":="):
                continue
            if i and not (tokens[i - 1].is_char(",", ";", "&", "(") or tokens[i - 1].kind in ("newline", "sep", "rel")):
                continue  # 2e = …, x_e = …: not e on its own
            after = tokens[i + 2]
            if after.kind == "num" or (after.kind == "macro" and after.text == "exp"):
                continue  # e = 2.718…, e = \exp(1): the number itself
            return True
    return False
