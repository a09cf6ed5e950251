"""Where a definition applies: the scope rules that keep a definition to the lines the notes state it for.

A note states a definition before the lines that use it, or right after a formula in a "where …" clause
("$$w_t = w_{t-1} - h_t$$ where $$h_t = …$$"). A system of definitions further down the page — the momentum
rows of part (d) of a problem set — says nothing about the plain gradient steps of part (b) above it, so a
later system is read by a line only when it is that "where" clause: a few statements after it, with the
words before it saying it defines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy as sp

if TYPE_CHECKING:
    from .verify import DocumentChecker, Item

#: How many statements after a line a "where" clause may start (the same reach as verify's ``_WHERE_REACH``).
WHERE_REACH = 3


def reads_later_system(checker: DocumentChecker, item: Item, start: int) -> bool:
    """Does ``item`` read the system whose first row is item ``start`` (after it, in its section)?

    Only when the system is the line's own "where" clause: it starts within ``WHERE_REACH`` statements
    and the words before it say it defines ("where", "with", "here", "Let", "где", "其中", …)."""
    if start <= item.index or start - item.index > WHERE_REACH:
        return False
    first = checker.items[start]
    return first.block_cue or checker._after_where(start)


#: Why a model equation is not a claim and defines nothing.
MODEL_REASON = "a model equation (it relates the variables; it gives the data no values)"


def model_equation(item: Item) -> bool:
    """Is ``item`` the equation of a model the words before it name ("обучить линейную регрессию $y = w x$",
    "the hypothesis $y = \\theta x$")? Read as a definition, ``y := w·x`` would make every worked number at a
    sample $(x_i, y_i)$ look false; it relates the model's variables and is not a naming. A function
    ("the model $f(x) = wx$") still defines its function: only a name on the left counts here."""
    import sympy as sp

    stmt = item.stmt
    return item.model_cue and len(stmt.relations) == 1 and stmt.relations[0] == "=" \
        and isinstance(stmt.terms[0].expr, sp.Symbol) and stmt.terms[1].expr is not None \
        and bool(stmt.terms[1].expr.free_symbols)


def sample_reading(checker: DocumentChecker, item: Item, written: sp.Expr, sa: sp.Expr,
                   sb: sp.Expr) -> tuple[str, str] | None:
    """A refuted link that reads data names (``x``, ``y``) only through the definitions (``written`` is the
    link's own two sides, ``sa``/``sb`` them with the definitions put in), where the notes give those names
    per-sample values before it ("$x_1 = 1, x_2 = 2$, $y_1 = 2, y_2 = 3$"): ``∇_w L(w_0) = -2·1·(2 − w_0·1)``
    is the gradient at one observation, its numbers already put in.

    Proved when one sample makes the sides agree (the reason names it); otherwise undecided — which
    observation, or the mean over them, the link means is not written, so a false verdict would rest on a
    reading the notes do not state. None when the rule does not apply (no such names, or no samples)."""
    from .recurrence import read as read_index

    free = (sa.free_symbols | sb.free_symbols) - written.free_symbols
    data = {s for s in free if isinstance(s, sp.Symbol) and read_index(s) is None}
    if not data:
        return None
    samples: dict[int, dict[sp.Symbol, sp.Expr]] = {}
    lines: dict[int, int] = {}
    by_name = {s.name: s for s in data}
    for index, _section, name, value in checker.examples:
        ix = read_index(name)
        if index >= item.index or ix is None or ix.letter is not None or ix.base not in by_name:
            continue
        samples.setdefault(ix.offset, {})[by_name[ix.base]] = value
        lines.setdefault(ix.offset, checker.items[index].block.line)
    data = {s for values in samples.values() for s in values}  # the names with sample values (not η, α)
    full = {i: values for i, values in samples.items() if set(values) == data}
    if len(full) < 2:
        return None  # observations come in several (x_1, x_2); one value (x_0 = 5) starts an iteration
    names = ", ".join(sorted(printing_text(s) for s in data))
    return _first_reading(sa, sb, [(values, f"at sample {i} of {names} (given on line {lines[i]})")
                                   for i, values in sorted(full.items())],
                          f"{names} come in only through the definitions, and the notes give them per-sample values "
                          f"(line {min(lines.values())}); no sample makes the sides agree, and the link does not say "
                          "which observation (or which mean over them) it means")


def _first_reading(sa: sp.Expr, sb: sp.Expr, readings: list[tuple[dict[sp.Symbol, sp.Expr], str]],
                   otherwise: str) -> tuple[str, str]:
    """("proved", why) for the first reading (values put in for names) under which the sides of a refuted
    link agree; ("undecided", otherwise) when none does — the rules here never turn a reading into false."""
    from ..proof import compare
    from .verify import LINK_SECONDS, _doit

    for mapping, why in readings:
        if compare(_doit(sa.xreplace(mapping)), _doit(sb.xreplace(mapping)), seconds=LINK_SECONDS).status == "true":
            return "proved", why
    return "undecided", otherwise


def printing_text(sym: sp.Basic) -> str:
    from .. import printing

    return printing.text(sym)


def earlier_section_reading(checker: DocumentChecker, item: Item, sa: sp.Expr, sb: sp.Expr,
                            definitions: object) -> tuple[str, str] | None:
    """A refuted link that leaves free a step name (``x_{k+1}``) its own section never defines, where an
    earlier section does ("Definition (gradient descent): $x_{k+1} = x_k - \\eta\\nabla f(x_k)$", then a proof
    under its own heading: "when $\\eta = 1/L$, $\\|x_{k+1} - x^*\\|^2 = \\|x_k - \\frac1L\\nabla f(x_k) - x^*\\|^2$").

    The earlier definition is put in, with the conditions the link's sentence states: proved if the sides
    then agree; None (the verdict stands) if they differ under it too; undecided if that could not be
    decided — a false verdict never rests on reading the step name as free when the notes define it."""
    from ..proof import compare
    from .recurrence import STEP_LETTERS, read as read_index
    from .verify import LINK_SECONDS, _doit

    free = {s for s in sa.free_symbols | sb.free_symbols if s not in definitions  # type: ignore[operator]
            and (ix := read_index(s)) is not None and ix.letter in STEP_LETTERS}
    if not free:
        return None
    found: dict[sp.Symbol, tuple[int, sp.Expr]] = {}
    for index, section, name, value in checker.namings:
        if name in free and index < item.index and section != item.section and name not in value.free_symbols:
            found[name] = (index, value)  # the latest before the link
    if not found:
        return None
    mapping = {name: value for name, (_, value) in found.items()}
    names = ", ".join(sorted(printing_text(s) for s in found))
    line = max(checker.items[i].block.line for i, _ in found.values())
    conditions = checker._sentence_conditions(item)
    pa, pb = _doit(sa.xreplace(mapping)), _doit(sb.xreplace(mapping))
    status = checker._under(conditions, pa, pb) if conditions else compare(pa, pb, seconds=LINK_SECONDS).status
    under = " and the condition stated before it" if conditions else ""
    if status == "true":
        return "proved", f"with {names} as defined on line {line} (an earlier section){under}"
    if status == "false":
        return None
    return "undecided", f"{names} is free here; the notes define it on line {line} (an earlier section), and " \
                        "with that definition the link is not decided"


def condition_after(checker: DocumentChecker, other: Item) -> bool:
    """Is ``other`` — a statement after a link — a condition ("…, falling out when $\\alpha = 1$", "if
    $\\beta = 0$")? A condition names a special case; it does not say what the link before it meant by the
    name, so it is never read as that link's "where" definition. "with $\\mu = …$" and "where …" do define."""
    return other.condition_cue and not other.block_cue and not checker._after_where(other.index)


def fixed_parameter_reading(checker: DocumentChecker, item: Item, written: sp.Expr, sa: sp.Expr,
                            sb: sp.Expr) -> tuple[str, str] | None:
    """A refuted link that writes a plain name (``α``) where the definitions it reads have the same name with a
    step index (``α_k`` of ``x_{k+1} = x_k + α_k p_k``): "gradient descent with a fixed step size α" holds
    ``α_k`` at ``α``. Proved if the sides agree with ``α_k = α``; otherwise undecided — a false verdict would
    rest on ``α_k`` and ``α`` being unrelated, which the notes do not say. None when no such pair exists."""
    from .recurrence import STEP_LETTERS, read as read_index

    own = written.free_symbols
    plain = {s.name: s for s in own if isinstance(s, sp.Symbol) and read_index(s) is None}
    mapping: dict[sp.Symbol, sp.Symbol] = {}
    for s in (sa.free_symbols | sb.free_symbols) - own:
        ix = read_index(s)
        if ix is not None and ix.letter in STEP_LETTERS and not ix.more and ix.base in plain:
            mapping[s] = plain[ix.base]
    if not mapping:
        return None
    names = ", ".join(f"{printing_text(k)} = {printing_text(v)}" for k, v in sorted(mapping.items(), key=str))
    return _first_reading(sa, sb, [(dict(mapping), f"with {names} (the link holds the step-indexed parameter fixed)")],
                          f"the link writes {', '.join(sorted(printing_text(v) for v in mapping.values()))} where the "
                          f"definitions read {', '.join(sorted(printing_text(k) for k in mapping))}; even with {names} "
                          "the sides are not shown equal")
