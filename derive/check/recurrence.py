r"""Recurrences in notes: a definition ``m_t = \beta m_{t-1} + (1-\beta) g_t`` holds at every step.

Notes unroll such a definition (``m_t = \beta^2 m_{t-2} + \beta(1-\beta) g_{t-1} + (1-\beta) g_t``),
instantiate it (``m_1 = (1-\beta) g_1`` with ``m_0 = 0``), shift it (``m_{t+1} = …``) and expand it into a
series (``(1-\beta)(g_t + \beta g_{t-1} + \dots)``, ``… + \beta^{t-1}(1-\beta) g_1``). The symbols of the
notes are names (``m_{t-1}`` is one SymPy symbol), so this module reads an index out of a name, builds the
name of the same quantity at another index, and instantiates a recurrence there. Everything it produces
is a consequence of the definitions: unrolling can make a true claim provable, never a false one true.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import sympy as sp

from .. import symbols as S

_SUB = re.compile(r"^(?P<base>.+?)_\{(?P<idx>[^{}]+)\}$")
_SUP = re.compile(r"^(?P<base>.+?)\^\{\((?P<idx>[^{}()]+)\)\}$")
#: An opaque call atom ``f(x_{t-1})``; its arguments may hold brackets of their own (``f(x^{(k)})``).
_CALL = re.compile(r"^(?P<fn>[^()]+)\((?P<args>(?:[^()]|\([^()]*\))+)\)$")
_LABEL_OF = re.compile(r"^(.*)_\{([A-Za-z]+)\}$")
#: A subscript that names the quantity and then its step in brackets: ``V_{dw(t)}``, ``dW_{(t-1)}``.
_LABELLED = re.compile(r"^\s*(?P<label>[A-Za-z]*)\s*\((?P<step>[^()]+)\)\s*$")
_INDEX = re.compile(r"^\s*(?:(?P<num>-?\d+)|(?P<var>[a-zA-Z]|\\tau)\s*(?:(?P<sign>[+-])\s*(?P<off>\d+))?)\s*$")
#: Letters that count steps in notes (a subscript ``i`` is a coordinate as often as a step).
STEP_LETTERS = frozenset({"t", "k", "n", "s", "\\tau", "T", "K", "N"})


@dataclass(frozen=True)
class Indexed:
    """``m_{t-1}`` read as base ``m`` at ``t − 1`` (``letter`` None for a number such as ``m_0``).

    A name with several indices that move together, as in ``g_{t,t-1}`` (the gradient at step t taken at
    the weights of step t − 1), is read at its first index; ``more`` holds the others relative to it, and
    its ``base`` carries that pattern (``g[-1]``), so that ``g_{t,t}`` and ``g_{t,t-1}`` stay two quantities.
    """

    base: str
    letter: str | None
    offset: int
    style: str  # "sub" (m_{t}), "sup" (x^{(k)}) or "paren" (V_{dw(t)}, W_{(t)}: the base keeps the label)
    more: tuple[int, ...] = ()

    @property
    def stem(self) -> str:
        """The name without indices (``g`` of ``g_{t,t-1}``, like ``base`` for one index)."""
        return self.base.split("[", 1)[0] if self.more else self.base

    def at(self, letter: str | None, offset: int) -> sp.Symbol:
        """The symbol of the same quantity at another index, named as the parser names it."""
        idx = ",".join(_index_text(letter, offset + d) for d in (0, *self.more))
        if self.style == "paren":  # V_{dw(t)}: the label kept, the step in brackets after it
            labelled = _LABEL_OF.match(self.stem)
            stem, label = (labelled.group(1), labelled.group(2)) if labelled else (self.stem, "")
            return S.symbol(f"{stem}_{{{label}({idx})}}")
        name = f"{self.stem}_{{{idx}}}" if self.style == "sub" else f"{self.stem}^{{({idx})}}"
        return S.symbol(name)


def _index_text(letter: str | None, offset: int) -> str:
    if letter is None:
        return str(offset)
    if offset == 0:
        return letter
    return f"{letter}{'+' if offset > 0 else '-'}{abs(offset)}"


def base_of(name: str) -> str | None:
    """The name without its step index, whatever the index (``x`` of ``x^{(k+m-1)}``, ``m`` of ``m_{t-1}``),
    where :func:`read` needs an index it can place (a letter plus a number)."""
    for pattern in (_SUB, _SUP):
        if (m := pattern.match(name)) is not None:
            return m.group("base")
    return None


def read(sym: sp.Basic) -> Indexed | None:
    """The base and index of a symbol's name, if it has a step index."""
    if not isinstance(sym, sp.Symbol):
        return None
    return _read_name(sym.name)


@functools.lru_cache(maxsize=4096)
def _read_name(name: str) -> Indexed | None:
    sym = sp.Symbol(name)
    for pattern, style in ((_SUB, "sub"), (_SUP, "sup")):
        m = pattern.match(sym.name)
        if m is None:
            continue
        if "," in m.group("idx"):
            return _several(m.group("base"), m.group("idx"), style) if style == "sub" else None
        labelled = _LABELLED.match(m.group("idx")) if style == "sub" else None
        if labelled is not None:  # V_{dw(t)}, W_{(t)}: a label (perhaps none) and the step in brackets
            idx = _INDEX.match(labelled.group("step"))
            if idx is None:
                return None
            base = m.group("base") + (f"_{{{labelled.group('label')}}}" if labelled.group("label") else "")
            if idx.group("num") is not None:
                return Indexed(base, None, int(idx.group("num")), "paren")
            offset = int(idx.group("off") or 0) * (-1 if idx.group("sign") == "-" else 1)
            return Indexed(base, idx.group("var"), offset, "paren")
        idx = _INDEX.match(m.group("idx"))
        if idx is None:
            return None
        if idx.group("num") is not None:
            return Indexed(m.group("base"), None, int(idx.group("num")), style)
        offset = int(idx.group("off") or 0) * (-1 if idx.group("sign") == "-" else 1)
        return Indexed(m.group("base"), idx.group("var"), offset, style)
    return None


def _several(stem: str, text: str, style: str) -> Indexed | None:
    """``g_{t,t-1}``: indices that are one step letter each (all the same) or all numbers."""
    read_parts = [_INDEX.match(part) for part in text.split(",")]
    if any(p is None for p in read_parts):
        return None
    letters = {p.group("var") for p in read_parts if p is not None}
    if len(letters) != 1 or not (letters <= STEP_LETTERS or letters == {None}):
        return None  # h_{i,t-1}: a coordinate and a step, not one step
    offsets = [int(p.group("num")) if p.group("num") is not None else
               int(p.group("off") or 0) * (-1 if p.group("sign") == "-" else 1) for p in read_parts if p is not None]
    more = tuple(o - offsets[0] for o in offsets[1:])
    return Indexed(f"{stem}[{','.join(map(str, more))}]", letters.pop(), offsets[0], style, more)


def _one_rule(rows: list[tuple[Indexed, sp.Expr]]) -> bool:
    """Are these definitions of one quantity at several steps the first of them shifted to each step?"""
    first = Recurrence(*rows[0])
    return all(sp.expand(first.at(ix) - value) == 0 for ix, value in rows[1:])


def _below_start(value: sp.Expr) -> bool:
    """Does an instance of a recurrence read a step before the first (y_{-1} for x_0 from x_{k+1} = y_k − …)?
    Notes count steps from 0 or 1: x_0 is where the recurrence starts, not a value it produces."""
    return any(isinstance(s, sp.Symbol) and _NEGATIVE.search(s.name) for s in value.free_symbols)


_NEGATIVE = re.compile(r"(?:_\{|\^\{\()\s*-\s*\d+\s*\)?\}(?:\)|$)")


_NUMBERED = re.compile(r"_\{?\d+\}?$")


def _numbered_call(value: sp.Expr) -> bool:
    """Does ``value`` apply a numbered function (∇f_1(x^{(k)}))? Then its row is one worked step of a list
    (f_1 at this step, f_2 at the next), not the rule for every step, which would name f_{i_k} or f."""
    for sym in value.free_symbols:
        name = sym.name if isinstance(sym, sp.Symbol) else ""
        if name.endswith(")") and "(" in name and _NUMBERED.search(name[:name.index("(")].strip()):
            return True
    return False


@dataclass(frozen=True)
class Recurrence:
    """``X_{letter+offset} = rhs``, where rhs reads X at lower offsets."""

    lhs: Indexed
    rhs: sp.Expr

    def at(self, target: Indexed) -> sp.Expr:
        """The definition instantiated at ``target``'s index (a shift, or a number)."""
        shift: dict[sp.Basic, sp.Expr] = {}
        letter = self.lhs.letter
        for sym in self.rhs.free_symbols:
            ix = read(sym)
            if ix is not None and ix.letter == letter:
                shift[sym] = self._moved(ix, target)
            elif isinstance(sym, sp.Symbol) and sym.name == letter:
                value = target.offset - self.lhs.offset
                shift[sym] = (S.symbol(target.letter) + value) if target.letter is not None else sp.Integer(value)
            elif isinstance(sym, sp.Symbol) and (call := _CALL.match(sym.name)):
                # an opaque atom such as ∇_w L(w_{t-1}): its argument moves with the step too
                args = [self._moved(a, target).name if (a := read(S.symbol(arg))) is not None and a.letter == letter
                        else arg for arg in call.group("args").split(", ")]
                shift[sym] = S.symbol(f"{call.group('fn')}({', '.join(args)})")
        return self.rhs.xreplace(shift)

    def _moved(self, ix: Indexed, target: Indexed) -> sp.Symbol:
        new = ix.offset - self.lhs.offset + target.offset
        return ix.at(target.letter, new) if target.letter is not None else ix.at(None, new)


class Recurrences:
    """The recurrences among a set of definitions, with the initial values the notes state."""

    def __init__(self, definitions: dict[sp.Symbol, sp.Expr], initial: dict[sp.Symbol, sp.Expr] | None = None):
        self.by_base: dict[str, Recurrence] = {}
        # A quantity defined at two steps of one index by rows that are not one rule shifted (x^{(k+1)} =
        # x^{(k)} − t_k g_k, x^{(k+2)} = x^{(k+1)} − t_k g_{k+1}) is a worked list of steps, each as written:
        # no row of it is the rule for every step. Rows that are one rule at two steps stay a recurrence.
        rows: dict[tuple[str, str | None], list[tuple[Indexed, sp.Expr]]] = {}
        for target, value in definitions.items():
            if (ix := read(target)) is not None and ix.letter is not None:
                rows.setdefault((ix.base, ix.letter), []).append((ix, value))
        self.listed = frozenset(base for (base, _), found in rows.items()
                                if len({ix.offset for ix, _ in found}) > 1 and not _one_rule(found))
        self.listed |= frozenset(ix.base for target, value in definitions.items()
                                 if (ix := read(target)) is not None and _numbered_call(value))
        for target, value in definitions.items():
            ix = read(target)
            if ix is None or ix.letter not in STEP_LETTERS or ix.base in self.listed:
                continue
            lower = [r for r in map(read, value.free_symbols)
                     if r is not None and r.base == ix.base and r.letter == ix.letter and r.offset < ix.offset]
            if lower and all(r.offset >= ix.offset - 2 for r in lower):
                self.by_base[ix.base] = Recurrence(ix, value)
        # Indexed definitions that are not recurrences (g_t = ∇L(w_{t-1}) + λw_{t-1}) hold at every step too.
        self.plain: dict[str, Recurrence] = {}
        for target, value in definitions.items():
            ix = read(target)
            if ix is not None and ix.letter in STEP_LETTERS and ix.base not in self.by_base and ix.base not in self.listed:
                self.plain[ix.base] = Recurrence(ix, value)
        # Values at the start: numbers given in the prose (x_0 = 1) and rows of the notes (x_{-1} = x_0, the
        # usual start of a look-ahead method), put in wherever unrolling reaches those steps. Rows at later
        # fixed steps (x_1 = …) are worked steps to be checked, not starting values.
        fixed = {t: v for t, v in definitions.items()
                 if (ix := read(t)) is not None and ix.letter is None and ix.offset <= 0}
        self.initial = {**fixed, **{s: v for s, v in (initial or {}).items() if read(s) is not None}}
        for _ in range(4):  # x_{-1} = x_0 with x_0 = 1: each start as far as the starts give it
            closed = {s: v.xreplace(self.initial) for s, v in self.initial.items()}
            if closed == self.initial:
                break
            self.initial = closed
        self.blocked: set[sp.Basic] = set()  # symbols left as written: their step reads before the start

    def own_steps(self, symbols: set[sp.Basic]) -> set[sp.Basic]:
        """Of ``symbols``, the steps of what these recurrences model (x_0, g_j) and their step letters (k):
        a closed form written after x_{k+1} = x_k − αg_k names no new thing with x_0 or k."""
        if not self.by_base:
            return set()
        bases = self.modelled()
        letters = {rec.lhs.letter for rec in self.by_base.values()}
        return {s for s in symbols if isinstance(s, sp.Symbol)
                and (s.name in letters or ((ix := read(s)) is not None and ix.base in bases))}

    def instantiates(self, *exprs: sp.Expr) -> bool:
        """Is there anything to put in at a step in ``exprs``: a recurrence, or a definition at every step
        (y_k = …) read at a numbered step (y_0)? Definitions at every step are not otherwise unrolled: rows that
        read each other (φ_{t+1} = θ_t − …, θ_{t+1} = φ_{t+1} + …) would only grow."""
        if self.by_base:
            return True
        return any((ix := read(s)) is not None and ix.base in self.plain
                   and (ix.letter is None or ix.letter in STEP_LETTERS and ix.letter != self.plain[ix.base].lhs.letter)
                   for e in exprs for s in e.free_symbols)  # η_T or η_0 for η_t = η_min + ½(…)(1 + cos πt/T)

    def _below_start(self, value: sp.Expr, sym: sp.Basic) -> bool:
        """Does ``value`` (what ``sym`` is at its step) read a step before the first, one the notes give no value
        for? Then ``sym`` stays as written, and is remembered in :attr:`blocked`: a link that still differs
        through it is not known to be false (y_0 = x_0 + μ(x_0 − x_{−1}) with no x_{−1} given)."""
        if _below_start(value.xreplace(self.initial) if self.initial else value):
            self.blocked.add(sym)
            return True
        return False

    def at_rest(self, sym: sp.Basic) -> bool:
        """Is ``sym`` a quantity at a fixed step whose rule there reads a step before the first (of another quantity),
        and gives zero once those earlier steps are taken equal to the first (``v_0 = θ_0 − θ_{−1}`` with
        ``θ_{−1} = θ_0``)? Nothing moved before the first step, the convention notes use when they start a
        momentum method. A quantity that reads its own earlier step (``m_0 = βm_{−1} + g_0``) keeps ``m_0`` in what
        it gives, so it is never at rest: its start is a value the notes must state."""
        ix = read(sym)
        rule = (self.by_base.get(ix.base) or self.plain.get(ix.base)) if ix is not None else None
        if ix is None or ix.letter is not None or rule is None or rule.lhs.letter is None:
            return False
        value = rule.at(ix)
        early = {s: r.at(None, 0) for s in value.free_symbols
                 if (r := read(s)) is not None and r.letter is None and r.offset < 0}
        return bool(early) and sp.expand(value.xreplace(early)) == 0

    def __bool__(self) -> bool:
        return bool(self.by_base)

    def modelled(self) -> frozenset[str]:
        """The quantities whose steps these recurrences relate: their own, and the inputs they read."""
        bases = set(self.by_base) | set(self.plain)
        for rec in list(self.by_base.values()) + list(self.plain.values()):
            bases |= {ix.base for ix in map(read, rec.rhs.free_symbols) if ix is not None and ix.letter == rec.lhs.letter}
        return frozenset(bases) if self.by_base else frozenset()

    def _step(self, expr: sp.Expr, floor: dict[tuple[str, str | None], int]) -> sp.Expr | None:
        """Replace every recurrence symbol above its floor by its definition there; None if nothing was."""
        mapping = {}
        for sym in expr.free_symbols:
            ix = read(sym)
            if ix is None:
                continue
            if (ix.base in self.by_base or ix.base in self.plain) \
                    and (self.by_base.get(ix.base) or self.plain[ix.base]).lhs.style != ix.style:
                continue  # x_1, a coordinate, where the iterates are x^{(k)}: another quantity of the same letter
            plain = self.plain.get(ix.base)
            if plain is not None and (ix.letter == plain.lhs.letter or ix.letter is None or ix.letter in STEP_LETTERS) \
                    and not (ix.letter == plain.lhs.letter and ix.offset == plain.lhs.offset):
                value = plain.at(ix)  # m̂_1 = m_1/(1 − β₁): what it reads may unroll further
                if not self._below_start(value, sym):
                    mapping[sym] = value
                continue
            if ix.base not in self.by_base:
                continue
            rec = self.by_base[ix.base]
            if ix.letter is not None and ix.letter != rec.lhs.letter and ix.letter not in STEP_LETTERS:
                continue  # (a recurrence stated for w_{s+1} holds at every step, whatever letter counts it)
            low = floor.get((ix.base, ix.letter))
            if low is not None and ix.offset > low:
                value = rec.at(ix)
                if not self._below_start(value, sym):
                    mapping[sym] = value
        # a name a derivative is taken in (g'(x^{(k−1)}) read as d/dx^{(k−1)}) stays: it cannot become an expression
        for derivative in expr.atoms(sp.Derivative) if mapping else ():
            for variable, _count in derivative.variable_count:
                mapping.pop(variable, None)
        return expr.xreplace(mapping) if mapping else None

    def floors(self, *exprs: sp.Expr, reach: int = 48) -> dict[tuple[str, str | None], int]:
        """Per quantity and index family, the lowest index present (or an initial value below it, when unrolling
        can get there: v_{100} = 0.1θ_{100} + 0.9v_{99} with v_0 = 0 stated is read down to v_{99}, not part of the
        way to v_0, which would leave the two sides cut at different steps)."""
        low: dict[tuple[str, str | None], int] = {}
        for expr in exprs:
            for sym in expr.free_symbols:
                ix = read(sym)
                if ix is not None and ix.base in self.by_base:
                    key = (ix.base, ix.letter)
                    low[key] = min(low.get(key, ix.offset), ix.offset)
        for sym in self.initial:
            ix = read(sym)
            if ix is not None and ix.letter is None and (ix.base, None) in low \
                    and low[(ix.base, None)] - ix.offset <= reach:
                low[(ix.base, None)] = min(low[(ix.base, None)], ix.offset)
        return low

    def unroll(self, a: sp.Expr, b: sp.Expr, floor: dict[tuple[str, str | None], int] | None = None,
               limit: int = 48) -> tuple[sp.Expr, sp.Expr]:
        """Both sides with each recurrence unrolled down to the lowest index either side shows (or to
        ``floor``), and the initial values put in."""
        floor = dict(floor or {})
        for _ in range(limit):
            for key, low in self.floors(a, b, reach=limit).items():
                floor.setdefault(key, low)  # a quantity first met while unrolling keeps the floor it came with
            na, nb = self._step(a, floor), self._step(b, floor)
            if na is None and nb is None:
                break
            a, b = na if na is not None else a, nb if nb is not None else b
            if sp.count_ops(a) + sp.count_ops(b) > 4000:
                break  # a series this long is not what a note writes out
        if self.initial:
            a, b = a.xreplace(self.initial), b.xreplace(self.initial)
        return self._shifted_plain(a), self._shifted_plain(b)

    def _shifted_plain(self, expr: sp.Expr) -> sp.Expr:
        """Put in the non-recurrent definitions at the indices unrolling produced (g_{t-1} = …)."""
        for _ in range(4):
            mapping = {}
            for sym in expr.free_symbols:
                ix = read(sym)
                rec = self.plain.get(ix.base) if ix is not None else None
                if rec is not None and (ix.letter == rec.lhs.letter or ix.letter is None) and \
                        not (ix.letter == rec.lhs.letter and ix.offset == rec.lhs.offset) and \
                        not self._below_start(value := rec.at(ix), sym):
                    mapping[sym] = value
            if not mapping:
                return expr
            expr = expr.xreplace(mapping)
        return expr

    def coefficient(self, target: sp.Symbol, term: sp.Symbol) -> sp.Expr | None:
        """The coefficient of ``term`` (an input Y_j or the state X_j at any index) in ``target`` = X_t,
        for a first-order linear recurrence X_t = a·X_{t-1} + c·Y_t + … with a, c constant: a^{t-j}·c
        (a^{t-j} for X_j). None when the recurrence is not of that form."""
        tx, ix = read(target), read(term)
        if tx is None or ix is None or tx.base not in self.by_base:
            return None
        rec = self.by_base[tx.base]
        previous = rec.lhs.at(rec.lhs.letter, rec.lhs.offset - 1)
        a = sp.diff(rec.rhs, previous)
        # A factor must not change with the step: no g_{t-1}, no t, no g_1 of a family the step reads; β_1
        # and β_2 are hyperparameters (no β_t anywhere), not step 1 and 2 of something.
        stepped = {r.base for x in rec.rhs.free_symbols if (r := read(x)) is not None and r.letter is not None}
        stepped |= {tx.base, ix.base}

        def varies(x: sp.Symbol) -> bool:
            r = read(x)
            return x.name == rec.lhs.letter or (r is not None and (r.letter is not None or r.base in stepped))

        if any(varies(x) for x in a.free_symbols):
            return None
        if sp.diff(rec.rhs, previous, 2) != 0:
            return None
        letter = tx.letter
        here = S.symbol(letter) + tx.offset if letter is not None else sp.Integer(tx.offset)
        there = S.symbol(ix.letter) + ix.offset if ix.letter is not None else sp.Integer(ix.offset)
        if ix.base == tx.base:
            return a ** (here - there)
        own = [s for s in rec.rhs.free_symbols if (r := read(s)) is not None and r.base == ix.base
               and r.letter == rec.lhs.letter and r.offset == rec.lhs.offset]
        if len(own) != 1:
            return None
        c = sp.diff(rec.rhs, own[0])
        if any(varies(x) for x in c.free_symbols):
            return None
        if ix.letter is None and (start := self._start(tx.base)) is not None and start[0] >= ix.offset:
            # V_t = βV_{t−1} + (1 − β)θ_t from V_0 = 0: the rule holds after the start only, so θ_0 enters
            # through the start's value alone (not at all when that is a number)
            step, value = start
            if sp.diff(value, term, 2) != 0:
                return None
            return a ** (here - step) * sp.diff(value, term)
        return a ** (here - there) * c

    def _start(self, base: str) -> tuple[int, sp.Expr] | None:
        """The latest fixed step at which the notes give ``base`` a value (``V_0 = 0``), and that value."""
        starts = [(r.offset, value) for name, value in self.initial.items()
                  if (r := read(name)) is not None and r.base == base and r.letter is None]
        return max(starts, key=lambda start: start[0]) if starts else None
