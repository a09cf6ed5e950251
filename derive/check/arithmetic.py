r"""Worked numbers in notes: ``1/(1-0.9) = 10``, ``1 - 0.9^2 = 0.19``, ``0.9^{10} \approx 0.35``.

The parser reads decimals as exact rationals, so arithmetic is decided exactly. A side written as a
decimal (``0.35``, ``0.333\dots``, ``3.5 \times 10^{-5}``) claims only as many digits as it shows:
the link holds when the exact value rounds to it (within half a unit of the last digit written,
a whole unit after a trailing ellipsis). Anything else is compared exactly. A side that *looks*
constant only because an unknown name was read as a factor (``p_k(0)`` as p_k·0) is not arithmetic:
only sides written with digits and operators, or made constant by the document's own functions and
example values, are.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

#: Macros that may appear in a side written with numbers only.
_NUMERIC_MACROS = re.compile(
    r"\\(?:d|t|c)?frac|\\cdot|\\times|\\sqrt|\\left|\\right|\\[bB]igg?[lr]?|\\[lc]?dots|\\dotsc|\\,|\\;|\\!|\\:|\\ "
    r"|\\quad|\\qquad|\\approx|\\%|\\div|\\over(?![A-Za-z])|\\(?:space|enspace|thinspace)(?![A-Za-z])|\\mathrm\{e\}|\\[{}]"
    r"|\\(?:sin|cos|tan|[dt]?binom)(?![A-Za-z])")  # a function of numbers is a number (\cos(0) = 1, \binom{5}{2} = 10)
_LETTERS = re.compile(r"[A-Za-z\u0370-\u03ff]")
_DECIMAL = re.compile(r"^\s*[-+]?\s*(\d+|(?=\.\d))(?:(?:\.|,|\{,\})(\d+))?\s*(\\[lc]?dots|\\dotsc|\.\.\.|…)?\s*$")
_PERCENT = re.compile(r"^(.*?)\s*\\%\s*$", re.S)
#: A whole percentage written as a side: ``23\%``.
_WHOLE_PERCENT = re.compile(r"^\s*[-−+]?\s*\d+\s*\\%\s*$")
_SCIENTIFIC = re.compile(r"^\s*[-+]?\s*(\d+)(?:\.(\d+))?\s*(?:\\times|\\cdot)\s*10\s*\^\s*\{?\s*([-+−]?\d+)\s*\}?\s*$")
#: E-notation written into math (``3e-4``): the parser reads it as one number (see latex_tokens).
_E_NOTATION = re.compile(r"(?<=\d)[eE](?=[-+]?\d{1,3}(?![\w.]))")
_E_SCIENTIFIC = re.compile(r"^\s*[-+]?\s*(\d+)(?:\.(\d+))?[eE]([-+]?\d{1,3})\s*$")


#: Euler's number raised to a power (``e^{(0+1)^2}``), and functions of numbers: constants, not names.
#: A function spelled without its backslash (``log_2(1/4)``, ``ln(1)``): still a function of numbers.
PLAIN_FUNCTION = re.compile(r"(?<![A-Za-z\\])(exp|ln|log|sin|cos|tan)(?=\s*[(_^])")
_CONSTANT_NAMES = re.compile(r"(?<![A-Za-z\\])e(?=\s*\^)|\\(?:exp|ln|log|pi)(?![A-Za-z])|" + PLAIN_FUNCTION.pattern)


#: Typography around a number (``\mathbf{-0.000793}``: a result set in bold): the number is what is written.
_NUMBER_STYLE = re.compile(r"\\(?:mathbf|boldsymbol|bm|textbf|mathrm|textrm|text|mathit)\s*\{([^{}]*)\}")


def unstyled(text: str) -> str:
    r"""``text`` with style macros around plain groups taken off (``\mathbf{0.3}`` → ``0.3``)."""
    return _NUMBER_STYLE.sub(r"\1", text)


def written_with_numbers(text: str) -> bool:
    """True if ``text`` (a side as written) has digits and operators only, no names."""
    text = unstyled(text)
    stripped = _NUMERIC_MACROS.sub(" ", _CONSTANT_NAMES.sub(" ", _E_NOTATION.sub(" ", text)))
    stripped = stripped.replace("{", " ").replace("}", " ")
    return bool(re.search(r"\d", stripped)) and not _LETTERS.search(stripped) and "\\" not in stripped


def tolerance(text: str) -> Fraction | None:
    """Half a unit of the last digit a decimal side shows (a unit after an ellipsis); None if exact. A percentage
    (``33.3\\%``) shows its digits in hundredths."""
    if (percent := _PERCENT.match(text)) is not None:
        shown = tolerance(percent.group(1))
        return None if shown is None else shown / 100
    m = _DECIMAL.match(unstyled(text))
    if m and (m.group(2) or m.group(3)):
        digits = len(m.group(2) or "")
        unit = Fraction(1, 10 ** digits)
        return unit if m.group(3) else unit / 2
    m = _SCIENTIFIC.match(text) or _E_SCIENTIFIC.match(text)
    if m:
        digits = len(m.group(2) or "")
        exponent = int(m.group(3).replace("−", "-"))
        return Fraction(1, 2) * Fraction(10) ** (exponent - digits)
    return None


@dataclass(frozen=True)
class Arithmetic:
    """The verdict on a link between numbers, with what the reader needs to fix it."""

    holds: bool
    reason: str
    left: sp.Expr
    right: sp.Expr


def decide(left: sp.Expr, right: sp.Expr, left_text: str, right_text: str, approx: bool) -> Arithmetic | None:
    """Compare two constant expressions; None if either cannot be evaluated to a real number."""
    try:
        lv, rv = sp.N(left, 40), sp.N(right, 40)
    except (TypeError, ValueError, ArithmeticError):
        return None
    if not (lv.is_real and rv.is_real) or lv.has(sp.zoo, sp.nan, sp.oo) or rv.has(sp.zoo, sp.nan, sp.oo):
        return None
    if not (lv.is_Number and rv.is_Number):
        return None  # ‖(3, 5)‖ left unreduced: real, but not a number that digits can be compared with
    tolerances = [t for t in (tolerance(left_text), tolerance(right_text)) if t is not None]
    difference = abs(lv - rv)
    # The message names the computed side's exact value against what the other side shows.
    swap = tolerance(left_text) is not None and tolerance(right_text) is None
    computed, computed_text, shown_text = (right, right_text, left_text) if swap else (left, left_text, right_text)
    wrong = f"{' '.join(computed_text.split())} is {_show(computed)}, not {' '.join(shown_text.split())}"
    if not tolerances and difference < 1e-30 and sp.simplify(left - right) == 0:
        return Arithmetic(True, "arithmetic: exact", left, right)  # (e^{x_1} = e^{0.7282}, x_1 carried as 0.7282)
    if (root := _rounded_root(lv, rv, left_text, right_text)) is not None:
        return Arithmetic(root, "arithmetic: equal with the decimal raised taken as rounded to its digits (a root "
                          "written rounded)" if root else wrong, left, right)
    if not approx and not tolerances and _rounded_to_units(lv, rv, left_text, right_text):
        return Arithmetic(True, "arithmetic: the value rounded to a whole number of four digits or more (≈ would say "
                          "so)", left, right)
    if not tolerances and (stand_in := _rounded_stand_ins(left, right, left_text, right_text)) is not None:
        return Arithmetic(stand_in, "arithmetic: equal with the decimals written inside taken as rounded "
                          "(the other side is irrational)" if stand_in else wrong, left, right)
    if not tolerances and _repeating_stand_ins(left, right, left_text, right_text):
        return Arithmetic(True, "arithmetic: equal with the decimals written inside taken as rounded or cut off to "
                          "their digits (the other side's decimal runs past them)", left, right)
    if approx and (whole := _rounded_integer(left_text, right_text)) is not None:
        tolerances.append(whole)  # √4.2 ≈ 2, .4699 ≈ 47\%: an integer after ≈ is rounded to its last nonzero digit
    elif not approx and any(_WHOLE_PERCENT.match(t) for t in (left_text, right_text)):
        tolerances.append(Fraction(1, 200))  # "1160/5000 = 23\%": a whole percent, rounded to the percent
    if not tolerances:
        if approx:  # ≈ between two exact forms: as close as the coarser one's shown digits
            tolerances = [Fraction(1, 200) * max(abs(Fraction(str(rv))), Fraction(1, 1000))]
        else:
            exact = sp.simplify(left - right) == 0 if difference < 1e-30 else False
            if exact:
                return Arithmetic(True, "arithmetic: exact", left, right)
            return Arithmetic(False, wrong, left, right)
    allowed = max(tolerances)
    if approx and any(t is not None for t in (tolerance(left_text), tolerance(right_text))):
        allowed *= 2  # "≈ 4.96" for 4.9665: ≈ also admits the digits cut off, not only rounded
    # ≤ half a unit, the half itself included (0.0405 is written 0.041), up to the 40 digits compared
    if difference <= sp.Rational(allowed.numerator, allowed.denominator) * (1 + sp.Rational(1, 10 ** 30)):
        how = "exact" if difference == 0 else "equal to the digits written"
        return Arithmetic(True, f"arithmetic: {how}", left, right)
    if _cut_off(computed, shown_text):
        return Arithmetic(True, "arithmetic: the digits written, cut off rather than rounded", left, right)
    shown = right if computed is left else left
    if _transcendental(computed) and _within_rounded_arguments(computed_text, sp.N(shown, 30), allowed):
        return Arithmetic(True, "arithmetic: equal to the digits written, with the decimals inside taken as rounded "
                          "to their digits", left, right)  # exp(1.324) = 3.759, 1.324 itself rounded from 1.32432
    return Arithmetic(False, wrong, left, right)


#: A side that is one decimal raised to a whole power: ``28.0^2``, ``0.21^{2}``.
_DECIMAL_POWER = re.compile(r"^\s*\(?\s*(\d+)\.(\d+)\s*\)?\s*\^\s*\{?\s*(\d)\s*\}?\s*[.,]?\s*$")


def _rounded_root(lv: sp.Expr, rv: sp.Expr, left_text: str, right_text: str) -> bool | None:
    """``783.5 = 28.0^2``, ``3089 = 55.6^2``: a number written as the power of a decimal of three digits or more shows
    its root rounded to the digits written (28.0 for √783.5 = 27.99). True when a value that rounds to the decimal
    gives the other side to its own digits, False when none does; None when neither side is a lone decimal raised to a
    power."""
    for text, other, other_text in ((left_text, rv, right_text), (right_text, lv, left_text)):
        m = _DECIMAL_POWER.match(unstyled(text))
        if m is None or _DECIMAL_POWER.match(unstyled(other_text)) \
                or len((m.group(1) + m.group(2)).lstrip("0")) < 3:
            continue  # (0.3^2 = 0.1: a root of one or two digits is a value of its own, and 0.09 is exact)
        base = sp.Rational(f"{m.group(1)}.{m.group(2)}")
        half = sp.Rational(1, 2 * 10 ** len(m.group(2)))
        power = int(m.group(3))
        low, high = sorted(((base - half) ** power, (base + half) ** power))
        shown = tolerance(other_text) or Fraction(0)  # (783.5 shown to its last digit too)
        slack = sp.Rational(shown.numerator, shown.denominator)
        return bool(low - slack <= other <= high + slack)
    return None


#: An integer written alone as a side: ``2``, ``-40``, ``1\,000`` is not one (thousands are read elsewhere).
_WHOLE = re.compile(r"\s*[-−+]?\s*(\d+)\s*")


def _rounded_to_units(lv: sp.Expr, rv: sp.Expr, left_text: str, right_text: str) -> bool:
    """``67968/22 = 3089`` (3089.45…): a whole number of four significant digits or more, written for a value that
    is not whole and lies within half a unit of it, is that value rounded to units with ``=``. At that precision
    a slip of the computation almost never lands within half a unit; a short integer (``7/2 = 3``) stays exact."""
    for text, value, other in ((right_text, rv, lv), (left_text, lv, rv)):
        m = _WHOLE.fullmatch(text)
        if m is None or _WHOLE.fullmatch(left_text if text is right_text else right_text):
            continue
        if len(m.group(1).lstrip("0").rstrip("0")) < 4 or other.is_Integer or sp.Rational(other).q == 1:
            continue
        return bool(abs(other - value) <= sp.Rational(1, 2))
    return False


def _rounded_integer(left_text: str, right_text: str) -> Fraction | None:
    """Half a unit of the last nonzero digit of a side written as an integer alone (``≈ 2``: ±1/2, ``≈ 300``:
    ±50), the precision an integer after ≈ shows; None when neither side is one. Only for ≈: ``=`` with an
    integer is exact."""
    for text in (right_text, left_text):
        percent = _PERCENT.match(text)
        if (m := _WHOLE.fullmatch(percent.group(1) if percent else text)) is not None:
            digits = m.group(1)
            zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
            return Fraction(10 ** zeros, 200 if percent else 2)  # ≈ 47\%: to the percent
    return None


#: A decimal with digits after its point, inside a side (``1/(1 + 0.014)``).
_INNER_DECIMAL = re.compile(r"(?<![\d.])(\d*)\.(\d+)(?![\d.])")  # (.333 too: notes drop the leading zero)


def _rounded_stand_ins(left: sp.Expr, right: sp.Expr, left_text: str, right_text: str) -> bool | None:
    """``1/(1 + e^{−4.25}) = 1/(1 + 0.014)``: a side that writes decimals where the other side has an irrational
    value (an exponential, a root, a logarithm) computes with those decimals rounded. True when the other
    side's value lies in the range the decimals' written digits allow (each within half a unit of its last
    digit), False when it lies outside; None when the link is not of that kind (a decimal such as 0.9 beside
    rational values is an exact parameter, and no rounding excuses ``1/(1 − 0.9) = 11``)."""
    for side, text, other, other_text in ((left, left_text, right, right_text), (right, right_text, left, left_text)):
        count = len({sp.Rational(m.group(0)) for m in _INNER_DECIMAL.finditer(text)})
        if not 0 < count <= 12 or not _transcendental(other) \
                or side.is_rational is not True and _INNER_DECIMAL.search(other_text):
            continue  # (−200/(1000√0.03226) for −200/(1000√(2/62)): a root of a rounded value, the other exact;
            # but e^{0.3} against e^{0.25} compares two written parameters, not a value and its rounding)
        # (more than four only in a sum: 0.0067 + 0.0337 + … + 0.1755, each term of a Poisson law rounded)
        corners = _corners(text, _INNER_DECIMAL, 4) if count <= 4 else _corners(text, _INNER_DECIMAL, 12, linear=True)
        if corners is None:
            return None
        target = sp.N(other, 30)
        return bool(min(corners) <= target <= max(corners))
    return None


#: Half a unit: how far a decimal rounded to its last digit may be from the value it stands for.
_HALF = sp.Rational(1, 2)
#: A decimal written to three places or more inside an expression (``\exp(1.324)``): a rounded intermediate value.
_ROUNDED_INSIDE = re.compile(r"(?<![\d.])(\d+)\.(\d{3,})(?![\d.])")


def _repeating_stand_ins(left: sp.Expr, right: sp.Expr, left_text: str, right_text: str) -> bool:
    """``(10/3 + 1) − (2/3 + 0) = 4.3333 − 0.6666``: a side that computes with decimals of three places or more,
    beside a side whose exact value is a fraction whose decimal never ends (11/3) or runs past every place written
    (``1 − 0.6563^{12} = 1 − 0.0064``), computes with those values rounded or cut off to the digits shown. True
    when the exact value lies in the range the decimals allow, each within one unit of its last digit. A short
    decimal (0.9, 0.25) is an exact value, never excused so."""
    for side, text, other in ((left, left_text, right), (right, right_text, left)):
        cut = {f"{a or 0}.{b}" for a, b in _CUT_DECIMAL.findall(text)}  # 3.66\dots: cut off, whatever its places
        text = _CUT_DECIMAL.sub(lambda m: f"{m.group(1)}.{m.group(2)}", text)
        written = _INNER_DECIMAL.findall(text)
        if not written or any(len(b) < 3 and f"{a or 0}.{b}" not in cut for a, b in written) \
                or side.is_rational is not True \
                or not (isinstance(other, sp.Rational) and _outruns(other, max(len(b) for _, b in written))):
            continue
        corners = _corners(text, _INNER_DECIMAL, 4, unit=1, linear=True)
        return corners is not None and bool(min(corners) <= other <= max(corners))
    return False


#: A decimal marked as cut off by an ellipsis right after it (``3.66\dots``, ``0.33...``).
_CUT_DECIMAL = re.compile(r"(?<![\d.])(\d*)\.(\d+)\s*(?:\\[lc]?dots(?![A-Za-z])|\.{3}|…)")


def _outruns(value: sp.Rational, places: int) -> bool:
    """Does the decimal of ``value`` go on past ``places`` digits: for ever (a denominator with a prime other than 2
    and 5: 11/3), or further than that (0.6563^{12} has 48 places, which no one writes)?"""
    q, twos, fives = int(value.q), 0, 0
    while q % 2 == 0:
        q, twos = q // 2, twos + 1
    while q % 5 == 0:
        q, fives = q // 5, fives + 1
    return q != 1 or max(twos, fives) > places


def _within_rounded_arguments(text: str, shown: sp.Expr, allowed: Fraction) -> bool:
    r"""``\exp(1.324) = 3.759``: the decimals of three places or more inside an exponential, a logarithm or a root
    are intermediate values rounded to what they show; the link holds when some values that round to them give
    the shown value to its digits (the side is monotone in each, so its extremes are at the corners)."""
    corners = _corners(text, _ROUNDED_INSIDE, 3)
    if corners is None:
        return False
    slack = sp.Rational(allowed.numerator, allowed.denominator)
    return bool(min(corners) - slack <= shown <= max(corners) + slack)


def _corners(text: str, decimal: re.Pattern[str], most: int, unit: int | sp.Rational = _HALF,
             linear: bool = False) -> list[sp.Expr] | None:
    """The values of the side ``text`` with each decimal ``decimal`` finds moved by ``unit`` (half) a unit of its
    last digit either way (every combination): the extremes of a side monotone in each. None when there are none
    or more than ``most`` such decimals, or the side does not read with them as names, or (``linear``) it is not
    a sum of them with numbers for coefficients (in 0.113/(1 − 0.998) a unit of 0.998 is half the divisor)."""
    decimals = {sp.Rational(f"{a or 0}.{b}"): unit / 10 ** len(b) for a, b in decimal.findall(text)}
    if not decimals or len(decimals) > most:
        return None
    from .latex import LatexParseError, parse_expr

    names = {value: f"\\xi_{{{90 + k}}}" for k, value in enumerate(decimals)}
    try:  # the side read again with each decimal a name, so that its value can move within the rounding
        shaped = parse_expr(decimal.sub(lambda m: f" {names[sp.Rational(m.group(0))]} ", text))
    except LatexParseError:
        return None
    held = {value: x for value in decimals for x in shaped.free_symbols if x.name == names[value].replace("\\\\", "\\")}
    if len(held) != len(decimals) or shaped.free_symbols - set(held.values()):
        return None
    if linear and any(sp.diff(shaped, x, y) != 0 for x in held.values() for y in held.values()):
        return None
    if linear:  # a sum of them: its extremes at once, each moved against the sign of its coefficient
        centre = shaped.xreplace({x: value for value, x in held.items()})
        slack = sum(abs(sp.diff(shaped, x)) * decimals[value] for value, x in held.items())
        low, high = sp.N(centre - slack, 30), sp.N(centre + slack, 30)
        return [low, high] if low.is_real and low.is_Number and high.is_Number else None
    corners = [sp.N(shaped.xreplace({x: value + sign * decimals[value] for (value, x), sign in zip(held.items(), signs)}),
                    30) for signs in itertools.product((-1, 1), repeat=len(held))]
    return corners if all(c.is_real and c.is_Number for c in corners) else None


def _transcendental(value: sp.Expr) -> bool:
    """Does ``value`` hold an exponential, a logarithm, π or a root (a value notes write rounded)?"""
    return value.has(sp.exp, sp.log, sp.pi, sp.E) or any(
        not p.exp.is_Integer for p in value.atoms(sp.Pow) if p.base.is_Number)


def _cut_off(computed: sp.Expr, shown_text: str) -> bool:
    """Is the decimal ``shown_text`` the value ``computed`` with its later digits dropped (0.0347… written 0.034)?

    Notes as often cut a long value off as round it; either shows the digits truly, so neither is a slip."""
    m = _DECIMAL.match(unstyled(shown_text))
    if not m or not m.group(2) or m.group(3):
        return False
    digits = len(m.group(2))
    written = Fraction(unstyled(shown_text).replace(" ", "").replace("−", "-").replace("{,}", ".").replace(",", "."))
    dropped = int(sp.N(computed, 40) * 10 ** digits)  # toward zero, as a value cut off is
    return Fraction(dropped, 10 ** digits) == written


def _show(value: sp.Expr) -> str:
    """An exact value as a reader checks it by hand: a short fraction and its decimal, or a decimal."""
    value = sp.nsimplify(value) if value.is_Float else value
    decimal = sp.N(value, 8)
    if value.is_Integer:
        return str(value)
    if value.is_Rational and value.q <= 10 ** 6:
        return f"{value.p}/{value.q} = {_trim(decimal)}"
    return _trim(decimal)


def _trim(value: sp.Expr) -> str:
    text = f"{float(value):.8g}"
    return text
