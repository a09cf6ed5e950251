r"""Is a prime a transpose in this document? Statistics notes in the style of R write ``x^\prime A x`` and
``X^{\prime}X`` for ``x^\top A x`` and ``X^\top X``.

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
