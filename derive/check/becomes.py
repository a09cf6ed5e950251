r"""A quantity the words say *becomes* another: the rule restated with it is the rule, substituted.

Weight-decay notes change a rule in prose, not in a formula: "with L2 regularization the gradient becomes
$g_t + \lambda\theta_{t-1}$, so the update becomes $$\theta_t = \theta_{t-1} - \eta(g_t + \lambda\theta_{t-1})$$"
("梯度变成 …，于是更新规则变成", "градиент становится …"). Read against the rule in force, the display differs
(it has a λθ term the rule lacks) and is a second definition or a new scheme; read with the words, it is the rule
with ``g_t`` replaced by the expression the words give, which is a claim, and true here.

So when a display that names a quantity again is not proved, the inline formulas that a "becomes" word introduces
in the words just before it are tried: each name the formula shares with the rule in force is replaced by the
formula, and the link is proved when the substituted rule equals the display. The display is then the rule from
here on (the regularized scheme), so the lines that go on from it ("expanding: θ_t = (1 − ηλ)θ_{t−1} − ηg_t") are
checked against it. Only a proof is taken from the words: a display no replacement gives keeps its verdict.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import sympy as sp

from .. import printing
from ..budget import time_budget
from ..errors import BudgetExceeded
from ..proof import compare
from .bind import CircularDefinition, substitute

if TYPE_CHECKING:
    from .verify import DocumentChecker, Item

SECONDS = 2.0
#: How much of the text before the display is read for the words.
REACH = 300
#: "becomes" in the languages of the notes, right before the inline formula it introduces.
_BECOMES = re.compile(
    r"(?:\b(?:becomes|become|is now|turns into|changes to|is replaced by|replaced with|wird zu|wird|devient"
    r"|se convierte en|passa a ser)|(?:становится|станет|превращается в|принимает вид|заменяется на)"
    r"|(?:变成|变为|成为|变作|になる|となり|가 되))\s*[:：]?\s*$", re.IGNORECASE)
#: Inline math in the words: ``$…$`` or ``\(…\)`` (kramdown's ``\\(…\\)`` too).
_INLINE = re.compile(r"(?<!\$)\$([^$\n]{1,200})\$(?!\$)|\\\\?\\\((.{1,200}?)\\\\?\\\)")


def _said(checker: DocumentChecker, item: Item) -> list[sp.Expr]:
    """The inline formulas a "becomes" word introduces in the words before ``item``'s display (its paragraph)."""
    from .latex import parse_block
    from .macros import expand

    before = checker._words_before(item.index, REACH)
    paragraph = re.split(r"\n[ \t]*\n", before)[-1]
    found = []
    for m in _INLINE.finditer(paragraph):
        if not _BECOMES.search(paragraph[max(0, m.start() - 40):m.start()]):
            continue
        text = m.group(1) if m.group(1) is not None else m.group(2)
        if checker.macro_table is not None:
            text = expand(text, checker.macro_table).text
        parsed = parse_block(text)
        if parsed.problems or len(parsed.statements) != 1 or parsed.statements[0].relations:
            continue  # "the gradient becomes $g = …$" names; only an expression stands in for a name
        expr = parsed.statements[0].terms[0].expr
        if expr is not None and expr.free_symbols:
            found.append(expr)
    return found


def _line(checker: DocumentChecker, item: Item, name: sp.Symbol) -> str:
    """" of line N" for the rule in force for ``name`` before ``item`` (a naming or a system's row), or ""."""
    scope = checker._scope_for(item)
    rows = [scope.rows[name].index] if scope is not None and name in scope.rows else []
    namings = [index for index, _, named, _ in checker.namings if named == name and index < item.index]
    found = [i for i in rows + namings if i < item.index]
    return f" of line {checker._line_of(max(found))}" if found else ""


def decide(checker: DocumentChecker, item: Item, mark: int) -> bool:
    """Prove ``item`` (a one-link display naming a quantity again, not proved) as the rule in force with a name
    replaced by what the words say it becomes; its earlier findings go and it becomes the rule. True when done."""
    stmt = item.stmt
    if len(stmt.relations) != 1 or stmt.relations[0] != "=" \
            or checker.verdicts.get((item.index, 0), ("proved",))[0] == "proved":
        return False
    lhs, rhs = stmt.terms[0].expr, stmt.terms[1].expr
    if not isinstance(lhs, sp.Symbol) or rhs is None:
        return False
    definitions = checker._definitions(item)
    rule = definitions.get(lhs)
    if rule is None:
        return False
    said = _said(checker, item)
    if not said:
        return False
    claimed = checker._prepare(rhs, item)
    if claimed is None:
        return False
    try:
        with time_budget(SECONDS * 2):
            for expr in said:
                for name in sorted(expr.free_symbols & rule.free_symbols, key=sp.default_sort_key):
                    changed = rule.xreplace({name: expr})
                    if changed == rule:
                        continue
                    verdict = compare(substitute(changed, definitions), substitute(claimed, definitions),
                                      seconds=SECONDS)
                    if verdict.status == "true":
                        del checker.findings[mark:]
                        checker.decide(item, 0, "proved", f"the rule{_line(checker, item, lhs)} with {printing.text(name)} "
                                       f"replaced by {printing.text(expr)}, as the words before it say", override=True)
                        checker._record_naming(item, definitions)  # the changed rule, from here on
                        checker._scheme_namings.add(item.index)
                        checker._restated.discard(item.index)  # the words say how it follows: no doubt left
                        return True
    except (BudgetExceeded, CircularDefinition):
        return False
    return False
