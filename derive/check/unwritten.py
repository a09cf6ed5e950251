r"""A link that holds once one of its letters takes a value the notes do not write.

Error bounds and step sizes are worked so: ``n\cdot\frac{Kh^3}{12} = \frac{K(b-a)^3}{12}\frac{1}{n^2}`` puts in
``h = (b - a)/n`` for n intervals over [a, b], a value the notes take for granted. Read with every letter free, the
link is false; but its sides are written in different letters (h on one side only, a and b on the other only), and
it holds for one value of h in the other side's letters. That is a substitution, not a slip: the link is left
undecided, and the message names the value so the reader can see what was put in.

The letter must stand only raised to a power (``h^3``, an error bound's width): a letter written plainly where
another belongs (``Aw = 2λBw`` for ``Aw = λBw``) reads the same way as a value put in. A letter replaced by another
letter (``x + y = x + z``) is no such value either, so the value must be an expression (a number or a single letter
does not count). And it must be what such a step puts in, a rational expression with rational numbers: a slip in
the written side (``12n`` for ``12n^2``) would make the value ``(b - a)/\sqrt[3]{n}``, which no notes take for
granted, and the link stays false.
"""
from __future__ import annotations

import sympy as sp

from ..proof import compare


def _only_raised(expr: sp.Expr, letter: sp.Symbol) -> bool:
    """Does ``letter`` stand in ``expr`` only raised to an integer power of 2 or more (``Kh^3``)? Error bounds put
    the width in so; a letter written to the first power beside others is as likely a slip of one of them."""
    powers = [p for p in expr.atoms(sp.Pow) if p.base == letter]
    if not powers or not all(p.exp.is_Integer and abs(p.exp) >= 2 for p in powers):
        return False
    return letter not in expr.xreplace({p: sp.Dummy() for p in powers}).free_symbols


def unwritten_value(left: sp.Expr, right: sp.Expr, seconds: float) -> tuple[sp.Symbol, sp.Expr] | None:
    """``(letter, value)`` when ``left = right`` holds with the one letter that only one side writes set to an
    expression in letters that only the other side writes (and the common ones); None otherwise."""
    letters_left = {x for x in left.free_symbols if isinstance(x, sp.Symbol)}
    letters_right = {x for x in right.free_symbols if isinstance(x, sp.Symbol)}
    only_left, only_right = letters_left - letters_right, letters_right - letters_left
    if not only_left or not only_right:
        return None
    for own, others in ((only_left, only_right), (only_right, only_left)):
        if len(own) != 1:
            continue
        (letter,) = own
        side = left if own is only_left else right
        if not _only_raised(side, letter):
            continue  # Aw = 2λBw: a letter written plainly for another is a slip, not a value put in
        try:
            solutions = sp.solve(left - right, letter)
        except (NotImplementedError, TypeError, ValueError, ZeroDivisionError):
            continue
        for value in solutions if isinstance(solutions, list) else []:
            if not isinstance(value, sp.Expr) or value.has(sp.I) or value.is_Symbol or value.is_Number \
                    or letter in value.free_symbols or not value.free_symbols & others \
                    or not value.is_rational_function(*value.free_symbols) \
                    or not all(number.is_Rational for number in value.atoms(sp.Number)) \
                    or not all(power.exp.is_Integer for power in value.atoms(sp.Pow)):
                continue
            if compare(left.subs(letter, value), right, seconds=seconds).status == "true":
                return letter, value
    return None
