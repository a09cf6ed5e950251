r"""Decimal commas: ``1 - 0,05 = 0,95`` in notes written in German, French, Russian, Spanish, Italian, Portuguese or
Polish.

In those languages the comma is the decimal separator, and notes write it in math as they write it in prose:
``\alpha = 0,05``, ``(1-0,05)^2 = 0,95^2 \approx 0,902``. Read with English conventions the comma parts a list
(``α = 0`` and ``05``), and a worked line is never checked, or worse, checked wrong. So when the prose of a
document is in such a language, a comma between digits with no space after it (``0,05``, ``1,96``) is read as
a decimal point — but only where it cannot be a list: a leading ``0,`` or two digits or more after the comma,
never inside braces or right after a sub- or superscript (``x_{1,2}``, ``\{0,1\}``), never in a run of commas
(``1,2,3``), never alone in brackets (the interval ``(0,1)``). The rewrite keeps every offset: one character for one.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

#: A number written with a decimal comma, where a list of numbers is unlikely.
_COMMA_NUMBER = re.compile(r"(?<![\w.,{}\\_^])(\d+),(\d+)(?![\d,.])")
#: Common words of languages that write decimal commas, and of English (which does not).
_WORDS = {
    "comma": re.compile(r"\b(?:der|die|das|und|ist|nicht|mit|für|wir|eine?n?|dem|den|von|auf|les?|la|est|une|des"
                        r"|et|pour|dans|que|nous|avec|sur|el|los|las|es|para|con|del|por|como|il|gli|della|che|per"
                        r"|sono|um|uma|não|dos|das|jest|oraz|dla|się|nie)\b", re.IGNORECASE),
    "point": re.compile(r"\b(?:the|and|of|is|to|in|for|that|with|we|this|are|be)\b", re.IGNORECASE),
}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")


def uses_decimal_comma(prose: str) -> bool:
    """Is ``prose`` written in a language whose decimal separator is the comma (by its common words, or its
    Cyrillic letters)? Chinese, Japanese, Korean and English notes write decimal points."""
    letters = len(_LETTER.findall(prose))
    if letters and len(_CYRILLIC.findall(prose)) > 0.3 * letters:
        return True
    comma, point = (len(pattern.findall(prose)) for pattern in (_WORDS["comma"], _WORDS["point"]))
    return comma >= 20 and comma > 2 * point


#: A decimal comma no list is written with: ``0,`` and three digits or more (``0,2345``, ``0,0123``).
_UNMISTAKABLE = re.compile(r"(?<![\w.,{}\\_^])0,\d{3,}(?![\d,.])")


#: A comma between digits that a list could be as well as a decimal: one digit after it (``26,8``, ``1,2``).
_AMBIGUOUS = re.compile(r"(?<![\w.,{}\\_^])[1-9]\d*,\d(?![\d,.])")


def written_in_math(formulas: Iterable[str]) -> bool:
    """Do the formulas themselves write decimal commas, twice or more in a way no list is written (``1 − 0,0123 −
    0,2345``), and never one a list could be (``26,8``: read half as decimals, that line would split wrongly)? Notes
    in two languages, or with little prose, may not say so in their words."""
    texts = list(formulas)
    return sum(len(_UNMISTAKABLE.findall(text)) for text in texts) >= 2 \
        and not any(_AMBIGUOUS.search(text) for text in texts)


def as_points(math: str) -> str:
    """``math`` with each decimal comma that cannot part a list written as a point (same length, same offsets)."""
    def point(m: re.Match[str]) -> str:
        whole, part = m.group(1), m.group(2)
        before, after = math[m.start() - 1:m.start()].strip(), math[m.end():m.end() + 1].strip()
        if before in ("(", "[", "]") and after in (")", "[", "]"):
            return m.group(0)  # β ∈ (0,1), ]0,1[: an interval, or a pair
        return f"{whole}.{part}" if whole == "0" or len(part) >= 2 else m.group(0)
    return _COMMA_NUMBER.sub(point, math)
