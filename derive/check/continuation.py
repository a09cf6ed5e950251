"""A link with nothing on its left continues the derivation before it; one with nothing on its right runs on
into the next display.

Notes write a derivation across prose: ``$$ g(u) = (u+1)^2 $$ and expanding, $$ = u^2 + 2u + 1 $$``, or inline
"… which gives $= 3u^2 + 6u$". The parser reads the second formula as a relation with an empty left side. A reader
takes that side to be the last member of the chain just before it, so the checker does the same: the link claims
``<last member> = B``, and the reason says which line it continues. A definition before it (``g(u) = …``) does not
make the continuation a definition: "= B" rewrites the defined value, which is a claim.

Only the nearest preceding relation chain of the same section is read (never a chain further back): a bare inline
mention in between ("where $x$ is the input") is passed over, a displayed bare expression is itself what continues
("$$ \\frac{d}{dx}(x^2 + 1) $$ and computing, $$ = 2x $$"). An inline continuation that disagrees with that member
is undecided, not false: inline, the words just before the formula may be its left side ("Hessian $= J^T D J$").

The mirror image is as common: ``$$ A = $$ $$ B = $$ $$ C $$``, a chain split into one display per member, each
ending with its relation. The empty right side of a display is the first member of the next display of the same
section (inline mentions in between are passed over); the reason says which line it runs on into.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .latex import Term

if TYPE_CHECKING:
    from .verify import DocumentChecker, Item

#: The parser's words for an empty side (derive.check.latex).
EMPTY_SIDE = "nothing on this side of the relation"


@dataclass(frozen=True)
class Continued:
    """What an empty left side stands for: the member it continues, and where that member is written."""

    term: Term | None  # the previous chain's last member (None: it could not be parsed)
    line: int
    why: str  # the reason's wording, "continues line N"
    mark: int = 0  # how many findings there were before the statement was verified
    forward: bool = False  # the empty side was the right one (the last link's), filled from the next display


@functools.cache
def _opening() -> re.Pattern[str]:
    """What may stand before a leading ``=`` in its block: space, alignment marks, environment openers."""
    return re.compile(r"(?:\s|&|\{|\\begin\{[A-Za-z*]+\}(?:\{[^{}]*\})?)*")


def _empty_start(item: Item) -> bool:
    """The statement starts with ``=`` and nothing before it in its block (``\\text{MSE} =`` is not empty: the
    parser blanks the words, the reader sees them)."""
    first = item.stmt.terms[0]
    return (first.expr is None and first.start == first.end and bool(item.stmt.relations)
            and item.stmt.relations[0] == "=" and item.problem(first) == EMPTY_SIDE
            and _opening().fullmatch(item.block.text[:first.start]) is not None)


def _empty_end(item: Item) -> bool:
    """The statement ends with a relation and nothing after it in its block (``$$ A = $$`` before ``$$ B = $$``)."""
    last = item.stmt.terms[-1]
    return (len(item.stmt.terms) >= 2 and last.expr is None and last.start == last.end
            and item.problem(last) == EMPTY_SIDE and item.stmt.relations[-1] in ("=", "approx")
            and _closing().fullmatch(item.block.text[last.end:]) is not None)


@functools.cache
def _closing() -> re.Pattern[str]:
    """What may follow a trailing ``=`` in its block: space, punctuation, environment closers."""
    return re.compile(r"(?:\s|[.,;]|\\\\|\}|\\end\{[A-Za-z*]+\})*")


def next_member(checker: DocumentChecker, item: Item) -> Continued | None:
    """The member a trailing empty right side runs on into: the first member of the next display of the section
    (``$$ A = $$ $$ B = $$ $$ C $$`` is one chain A = B = C, split over displays), or None."""
    if not _empty_end(item) or not item.block.display:
        return None
    for nxt in checker.items[item.index + 1:]:
        if nxt.section != item.section:
            return None
        if nxt.block is item.block:
            continue
        if not nxt.block.display:
            continue  # "where $x$ is the input" between two displays
        first = nxt.stmt.terms[0]
        if first.expr is None:
            return None
        line = nxt.block.position(max(0, min(first.start, len(nxt.block.text) - 1)))[0]
        last = item.stmt.terms[-1]
        return Continued(Term(first.expr, last.start, last.end, first.transparent), line,
                         f"runs on into line {line}", forward=True)
    return None


def previous_member(checker: DocumentChecker, item: Item) -> Continued | None:
    """The member an empty left side continues, or None when ``item`` does not start with an empty side.

    A statement with no chain before it in its section gets a ``Continued`` with no term (undecided, said so).
    """
    if not _empty_start(item):
        return None
    for prev in reversed(checker.items[:item.index]):
        if prev.section != item.section:
            break
        if prev.block is item.block and prev.stmt.row == item.stmt.row:
            continue  # ", = c" inside one row is the parser's business
        if not prev.stmt.relations and not prev.block.display:
            continue  # "where $x$ is the input": a mention, not a derivation
        last = prev.stmt.terms[-1]
        line = prev.block.position(max(0, min(last.start, len(prev.block.text) - 1)))[0]
        if not item.block.display and not prev.block.display and not checker._same_paragraph(prev, item):
            # "… many $v_j^* = 0$" in a list item, then paragraphs on, "Corners have coordinates $= 0$": the words
            # before the formula are its left side, not the mention of another paragraph
            return Continued(None, line, "inline, its paragraph writes nothing before it to continue: the words "
                                         "before it are its left side")
        if last.expr is None:
            return Continued(None, line, f"continues line {line}, whose last member could not be parsed")
        return Continued(Term(last.expr, item.stmt.terms[0].start, item.stmt.terms[0].end, last.transparent),
                         line, f"continues line {line}")
    return Continued(None, 0, "nothing on this side of the relation, and no derivation before it in its section "
                              "to continue")


def apply(checker: DocumentChecker, item: Item) -> Continued | None:
    """Put the continued member in place of the empty left side of ``item`` (before it is verified).

    Returns what was done, so that :func:`finish` can name it in the verdicts; with nothing to continue, the link is
    decided undecided here with the reason.
    """
    forward = next_member(checker, item)
    if forward is not None and forward.term is not None:
        item.stmt.terms[-1] = forward.term
        return dataclasses.replace(forward, mark=len(checker.findings))
    continued = previous_member(checker, item)
    if continued is None:
        return None
    if continued.term is None:
        checker.decide(item, 0, "undecided", continued.why)
        return continued
    item.stmt.terms[0] = continued.term
    return dataclasses.replace(continued, mark=len(checker.findings))


def finish(checker: DocumentChecker, item: Item, continued: Continued | None) -> None:
    """Name the continued line in the first link's reason ("continues line 12")."""
    if continued is None or continued.term is None:
        return
    if continued.forward:  # a trailing side filled from the next display: name it, the verdict stands
        link = len(item.stmt.relations) - 1
        verdict, reason = checker.verdicts.get((item.index, link), ("undecided", "not examined"))
        if continued.why not in reason:
            checker.verdicts[(item.index, link)] = (verdict, f"{continued.why}; {reason}" if reason else continued.why)
        _explain_empty_side(checker, continued.mark, f"the right side is the first member of line {continued.line}")
        return
    verdict, reason = checker.verdicts.get((item.index, 0), ("undecided", "not examined"))
    if verdict == "not-a-claim" and reason.startswith(("definition", "a naming", "an equation in unknowns")):
        # "= ‖y − Xθ‖²" after "L(θ) := Σ …" rewrites the defined value: a claim, never a definition of its own
        verdict, reason = "undecided", f"a rewrite, not a definition, yet not decided ({reason})"
    if verdict == "false" and not item.block.display:
        # "… (neural nets): Hessian $= J^T D J + …$": inline, the words before the formula may be its left side, so
        # a difference from the previous chain is no slip of the text
        verdict, reason = "undecided", ("inline, the words before it may be its left side: it does not agree with "
                                         "the last member there")
        checker.findings[continued.mark:] = [f for f in checker.findings[continued.mark:] if f.code != "math/false"]
    if continued.why not in reason:
        reason = f"{continued.why}; {reason}" if reason else continued.why
        checker.verdicts[(item.index, 0)] = (verdict, reason)
    _explain_empty_side(checker, continued.mark, f"the left side {continued.why}: the last member written there")


def _explain_empty_side(checker: DocumentChecker, mark: int, note: str) -> None:
    """Say on the first ``math/false`` finding since ``mark`` where its side, empty as written, was taken from."""
    for n in range(mark, len(checker.findings)):
        finding = checker.findings[n]
        if finding.code == "math/false":
            checker.findings[n] = dataclasses.replace(finding, message=f"{finding.message} ({note})")
            return
