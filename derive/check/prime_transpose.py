r"""Is a prime (or a lower-case t) a transpose in this document? Statistics notes in the style of R write
``x^\prime A x`` and ``X^{\prime}X`` for ``x^\top A x`` and ``X^\top X``; notes from other traditions write
``w^tX^tXw`` and ``(Xw − y)^t(Xw − y)``.

Read as the derivative mark, ``x^\prime`` is a name of its own, so ``f(x) = ½x^\prime Ax − x^\prime b`` would be
differentiated as if ``x^\prime`` did not depend on x, and ``−f^\prime(x_0) = b − Ax_0`` called false. A prime is a
transpose where it stands on a letter that multiplies what follows (``x^\prime A``, ``x^\prime b``, ``X^\prime X``,
never ``f^\prime(x)``), at least twice in the document's math. The rewrite keeps every offset: the shorter
``^\top`` is padded with spaces to the length of the prime it replaces.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

#: A prime on a single letter followed by a letter or a macro, not a bracket: ``x^\prime A``, ``X^{\prime} X``.
_PRIME_FACTOR = re.compile(r"(?<![A-Za-z\\])[A-Za-z]\s*(?P<prime>\^\s*\\prime|\^\s*\{\s*\\prime\s*\})(?=\s*(?:\\[A-Za-z]|[A-Za-z]))")


def primes_transpose(texts: Iterable[str]) -> bool:
    """Does the document's math write a prime as a transpose (at least twice on a factor, see the module)?"""
    return sum(len(_PRIME_FACTOR.findall(text)) for text in texts) >= 2


def as_transposes(text: str) -> str:
    """``text`` with each prime on a factor written ``^\\top`` (padded to the prime's length: offsets are kept)."""
    def swap(m: re.Match[str]) -> str:
        prime = m.group("prime")
        start = m.start("prime") - m.start()
        new = r"^\top" if "{" not in prime else r"^{\top}"
        return m.group()[:start] + new.ljust(len(prime))

    return _PRIME_FACTOR.sub(swap, text)


#: A lower-case t on a single Latin letter that multiplies a capital: ``w^tX``, ``X^t X``, ``y^{t}X`` (never ``β^t``).
_T_FACTOR = re.compile(r"(?<![A-Za-z\\])[A-Za-z]\s*\^\s*(?:t|\{\s*t\s*\})(?=\s*[A-Z])")
#: A lower-case t raised on a macro or a number (``\beta^t``, ``0.9^t``, ``\hat{x}^{t}``): t is a step count there.
_T_POWER = re.compile(r"(?:\\[A-Za-z]+(?:_\{?\w+\}?)?\}?|(?<![_\w{.])\d[\d.]*)\s*\^\s*(?:t|\{\s*t\s*[-+}])")  # (x_1^t: a subscript)
#: Every lower-case t superscript, alone: ``^t``, ``^{t}`` (not ``^{t-1}``, ``^{th}``).
_T_ANY = re.compile(r"\^(\s*)(?:t|\{(\s*)t(\s*)\})")  # (unbraced, TeX takes the one letter: ^tX is ^t X)


def t_transposes(texts: Iterable[str]) -> bool:
    """Does the document write ``^t`` for a transpose: on a letter times a capital at least twice (``w^tX^tXw``), and
    never as a power of a macro or a number (``\\beta^t``)? Then ``^t`` is ``^T`` in all its math."""
    texts = list(texts)
    return sum(len(_T_FACTOR.findall(text)) for text in texts) >= 2 and not any(_T_POWER.search(text) for text in texts)


def t_as_transposes(text: str) -> str:
    """``text`` with each lone ``^t`` written ``^T`` (the same length: offsets are kept)."""
    return _T_ANY.sub(lambda m: m.group().replace("t", "T"), text)
