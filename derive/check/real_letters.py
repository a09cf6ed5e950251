r"""Letters the words of a document make any real number: "let $t$ be any real number", "for every real $t$",
"$t \in \mathbb{R}$".

The checker reads some letters by convention as positive (t a step counter, λ a rate), so that ``|t| = t`` and
``‖tv‖ = t‖v‖``. Where the notes say the letter is any real number, that reading would prove a claim that fails for
negative values; the letter is then read as a plain real symbol for the whole document
(:func:`derive.symbols.any_real`).
"""
from __future__ import annotations

import re

#: A letter set alone in math, then "be/is any real", "for all real", or set in ℝ (not ℝⁿ: a vector).
_REAL_LETTER = re.compile(
    r"\$\s*([a-z]|\\[a-z]+)\s*\$\s+(?:be|is)\s+(?:any|an?(?:\s+arbitrary)?)\s+real\b"
    r"|(?:any|every|all|arbitrary)\s+real\s+(?:numbers?\s+)?\$\s*([a-z]|\\[a-z]+)\s*\$"
    r"|\$\s*([a-z]|\\[a-z]+)\s*\\in\s*\\mathbb\s*\{?\s*R\s*\}?\s*\$",
    re.IGNORECASE)


def real_letters(text: str) -> frozenset[str]:
    """The names (as the parser spells them: ``t``, ``\\lambda``) the words make any real number."""
    return frozenset(next(g for g in m.groups() if g) for m in _REAL_LETTER.finditer(text))
