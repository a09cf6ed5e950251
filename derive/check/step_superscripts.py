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

__all__ = ["key", "stepped_letters", "stepped_vectors", "is_step"]

_VECTOR = r"\\(?:mathbf|boldsymbol|bm|vec|mathbold)\s*\{\s*(\\?[A-Za-z]+)\s*\}"
#: A rule at the next step: ``\mathbf{x}^{k+1} =`` (or ``&=``) for some step letter.
_RULE = re.compile(_VECTOR + r"\s*\^\s*\{\s*([kt])\s*\+\s*1\s*\}\s*&?\s*=")


def key(core: str, vector: bool) -> str:
    """How a name is kept in the set of names with step superscripts: a vector by its letter (``x`` for
    ``\\mathbf{x}``), a plain letter marked as such (``h`` and ``\\mathbf{h}`` are different names)."""
    return core if vector else core + " (plain)"


#: A plain letter (not inside a bold or accent group) with a superscript ``k``, ``t``, or one moved by a number.
_PLAIN = (r"(?<![\\A-Za-z{])(?P<name>[A-Za-z]|\\(?:alpha|beta|gamma|delta|theta|lambda|mu|nu|rho|sigma|tau|phi|psi|omega|xi|eta))"
          r"(?![A-Za-z])\s*\^\s*(?:\{\s*(?:\\[,;!]\s*)*(?P<step>[kt])\s*(?:(?P<sign>[+-])\s*(?P<n>\d))?\s*\}"
          r"|(?P<bare>[kt])(?![A-Za-z]))")
_PLAIN_RULE = re.compile(_PLAIN + r"\s*&?\s*=(?!=)")
_PLAIN_STEP = re.compile(_PLAIN)
#: The same for a vector: ``\mathbf{d}^{k-1} =`` … ``\mathbf{d}^{k-2}`` is a rule at a step too.
_BOLD_STEP = re.compile(r"\\(?:mathbf|boldsymbol|bm|vec|mathbold)\s*\{\s*(?P<name>\\?[A-Za-z]+)\s*\}"
                        + _PLAIN[_PLAIN.index("(?![A-Za-z])"):])
_BOLD_RULE = re.compile(_BOLD_STEP.pattern + r"\s*&?\s*=(?!=)")
#: ``w^1``, ``h^{1}``: a power nobody writes, so the letter's numbered superscripts count steps.
_POWER_ONE = re.compile(r"(?<![\\A-Za-z{])(?P<name>[A-Za-z]|\\[a-z]+)(?![A-Za-z])\s*\^\s*(?:\{\s*1\s*\}|1(?![0-9.,]))")
#: ``f(x) =``: x is a function's variable, whose powers are powers.
_PARAMETER = re.compile(r"[A-Za-z]\s*\(\s*(?P<name>[A-Za-z])\s*\)\s*=")
#: Where the right side of a rule ends: the next row, the next relation, the end of the display.
_ROW_END = re.compile(r"\\\\|\n\s*\n|&?\s*=|\\end\{")


def _offset(m: re.Match[str]) -> int:
    n = int(m.group("n") or 0)
    return -n if m.group("sign") == "-" else n


def _shifted_rules(text: str, rule: re.Pattern[str], step_at: re.Pattern[str]) -> set[str]:
    """The names ``text`` defines at a step from their value one step before (``h^k = βh^{k-1} + …``), with the
    names that rule's right side writes at its step letter (``w^k``)."""
    found: set[str] = set()
    for m in rule.finditer(text):
        name, step, at = m.group("name"), m.group("step") or m.group("bare"), _offset(m)
        rest = text[m.end():]
        stop = _ROW_END.search(rest)
        right = rest[:stop.start()] if stop else rest
        earlier = [r for r in step_at.finditer(right) if (r.group("step") or r.group("bare")) == step]
        if any(r.group("name") == name and _offset(r) == at - 1 for r in earlier):
            found |= {name} | {r.group("name") for r in earlier}
    return found


def stepped_letters(texts: Iterable[str]) -> frozenset[str]:
    """The plain letters whose superscripts count steps, as :func:`key` keeps them: a letter some display
    defines at a step from its value one step before (``h^k = βh^{k-1} + (1 − β)w^k``), and the letters that
    rule writes at its step (``w^k``) — each only where the notes also write it to the power 1 (``h^1``,
    ``w^1``, which nobody writes for a power) and never as a function's variable (``f(x) = x^2``: powers)."""
    texts = [t for t in texts if "^" in t]
    ones = {m.group("name") for t in texts for m in _POWER_ONE.finditer(t)}
    parameters = {m.group("name") for t in texts for m in _PARAMETER.finditer(t)}
    found = {name for text in texts for name in _shifted_rules(text, _PLAIN_RULE, _PLAIN_STEP)}
    return frozenset(key(name, False) for name in found & ones - parameters)


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
        found |= _shifted_rules(text, _BOLD_RULE, _BOLD_STEP)  # \mathbf{d}^{k-1} = β\mathbf{d}^{k-2} − …
    return frozenset(found)


#: A bold letter whose group holds its script too (``\mathbf{x^{k+1}}``), which means ``\mathbf{x}^{k+1}``.
_BOLD_SCRIPT = re.compile(r"\\(?P<macro>mathbf|boldsymbol|bm|vec|mathbold)\s*\{\s*(?P<name>\\?[A-Za-z]+)\s*"
                          r"(?P<script>\^\s*(?:\{[^{}]*\}|\w))\s*\}")

_STEP = re.compile(r"\d+|[kt](?:[+-]\d+)?")


def is_step(written: str) -> bool:
    """Is a superscript, as written without spaces, a step: a number, ``k``/``t``, or one of them moved by a number?"""
    return _STEP.fullmatch(written) is not None
