"""Two equations written on two source lines of one display with no line break between them.

TeX, MathJax and KaTeX all join the source lines of a display into one line, so

    $$\\theta_{t+1} = \\theta_t - \\alpha g_t
    \\theta_{t+1} = \\theta_{t+1} - \\alpha \\lambda \\theta_t$$

is shown as ``θ_{t+1} = θ_t − α g_t θ_{t+1} = θ_{t+1} − αλθ_t``: a product across the join and a chain
the author never wrote. Both the render lint (the author should add ``\\\\`` inside an environment) and
the parser (which then reads the two equations the author meant, not the chain) need the same answer,
so it lives here. The rule is deliberately narrow: the earlier line already holds a relation and ends
in the middle of nothing (no operator, punctuation, spacing, ``\\\\``, ``&`` or environment boundary),
and the new line starts with a name — a letter, possibly accented, indexed or applied to arguments —
followed by a relation.
"""

from __future__ import annotations

import re

_GREEK = (
    "alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|"
    "varpi|rho|varrho|sigma|varsigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|"
    "Sigma|Upsilon|Phi|Psi|Omega|ell"
)
_LETTER = rf"(?:\\(?:{_GREEK})(?![A-Za-z])|[A-Za-z])"
_ACCENT = r"\\(?:hat|bar|tilde|vec|dot|ddot|mathbf|boldsymbol|bm|widehat|widetilde|overline|mathcal|mathrm)"
_ACCENTED = rf"(?:{_ACCENT}\s*\{{\s*{_LETTER}\s*\}}|{_ACCENT}\s*{_LETTER}|{_LETTER})"
_SCRIPT = r"[_^]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\?[A-Za-z0-9]|\\[A-Za-z]+)"
_ARGS = r"\((?:[^()]|\([^()]*\))*\)"
_STARTS_EQUATION = re.compile(
    rf"[ \t]*{_ACCENTED}(?:\s*{_SCRIPT}|')*\s*(?:{_ARGS})?\s*&?\s*(?:=|:=|\\coloneqq|\\leftarrow|\\gets)(?![=])")

_RELATION = re.compile(r"(?<![<>!:])=|\\(?:le|ge|leq|geq|approx|equiv|coloneqq)(?![A-Za-z])")
# Endings after which the next line carries on the same expression or is deliberately apart.
_OPEN_END = re.compile(
    r"(?:[-+=*/,.;:(\[{&|<>]|\\\\|\\(?:cdot|times|circ|odot|quad|qquad|[,;:! ]|left\.?|middle|pm|mp|"
    r"text\{[^{}]*\}|mbox\{[^{}]*\}|tag\{[^{}]*\}|label\{[^{}]*\}|begin\{[^{}]*\}|end\{[^{}]*\}|"
    r"nonumber|notag|[A-Za-z]+rightarrow|implies|iff|to|cr|crcr|newline))\s*$")


def breaks(text: str) -> list[int]:
    """Offsets in ``text`` where a new equation starts on a new source line that nothing separates
    from the equation before it."""
    out = []
    offset = 0
    previous = ""
    depth = 0
    for raw in text.splitlines(keepends=True):
        line = _without_comment(raw.rstrip("\r\n"))
        if (depth == 0 and previous.strip() and _RELATION.search(previous) and not _OPEN_END.search(previous)
                and _STARTS_EQUATION.match(line)):
            out.append(offset + len(line) - len(line.lstrip()))
        depth = max(0, depth + _brace_balance(line))
        # a blank line between them is a different fault (the display ends there in Markdown): not this one
        previous = line if line.strip() else ""
        offset += len(raw)
    return out


def _without_comment(line: str) -> str:
    """The line without a ``%`` comment (``\\%`` is a percent sign)."""
    m = re.search(r"(?<!\\)%", line)
    return line[:m.start()] if m else line


def _brace_balance(line: str) -> int:
    clean = re.sub(r"\\[{}]", "", line)
    return clean.count("{") - clean.count("}")
