"""Tokens of the math notation in lecture notes, and the tables that say what each macro means.

The parser in :mod:`derive.check.latex` works on these tokens only. Everything that is purely
presentational (spacing, ``\\left``/``\\right`` sizing, ``\\label``, ``\\displaystyle`` …) is dropped
here, so that the grammar never has to think about it; everything else keeps its source offsets, so
every finding can be reported at the line where it is written.

The meaning of macros is data (the tables below), not code: adding a Greek letter or a relation is a
one-line change.
"""
from __future__ import annotations

import dataclasses

import re
import unicodedata
from dataclasses import dataclass, field

# --------------------------------------------------------------------------------------------------
# Tables: macro name (without the backslash) -> meaning.
# --------------------------------------------------------------------------------------------------

#: Greek letters and their canonical spelling (``\epsilon`` is written ``\varepsilon``, as in symbols.py).
GREEK: dict[str, str] = {
    name: name
    for name in (
        "alpha beta gamma delta varepsilon zeta eta theta vartheta iota kappa varkappa lambda mu nu xi "
        "pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega "
        "Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega"
    ).split()
}
GREEK["epsilon"] = "varepsilon"

#: Other letter-like symbols that name a variable or a function.
LETTER_MACROS: frozenset[str] = frozenset({"ell"})

#: Relations, normalized to the spelling of :class:`derive.check.latex.Statement`.
RELATIONS: dict[str, str] = {
    "=": "=", "<": "<", ">": ">",
    "lt": "<", "gt": ">", "le": "<=", "leq": "<=", "leqslant": "<=", "ge": ">=", "geq": ">=",
    "geqslant": ">=", "ne": "!=", "neq": "!=",
    "approx": "approx", "simeq": "approx", "sim": "approx", "approxeq": "approx",
    "equiv": "equiv", "coloneqq": ":=", "coloneq": ":=", "triangleq": ":=", "doteq": ":=",
    "eqqcolon": "=:", "eqcolon": "=:",
    "leftarrow": "<-", "gets": "<-", "longleftarrow": "<-",
    "to": "->", "rightarrow": "->", "longrightarrow": "->", "mapsto": "->", "longmapsto": "->",
    "leadsto": "->", "rightsquigarrow": "->",
    "Rightarrow": "=>", "implies": "=>", "Longrightarrow": "=>", "therefore": "=>",
    "iff": "<=>", "Leftrightarrow": "<=>", "Longleftrightarrow": "<=>",
    "propto": "propto", "in": "in", "notin": "notin", "ll": "<<", "gg": ">>",
    "subset": "subset", "subseteq": "subset", "supset": "subset", "supseteq": "subset",
    "prec": "<", "preceq": "<=", "succ": ">", "succeq": ">=", "preccurlyeq": "<=", "succcurlyeq": ">=",
    "lesssim": "<=", "gtrsim": ">=", "leftrightarrow": "<=>", "perp": "perp", "parallel": "parallel",
    "colon": ":",
}

#: Binary operators read as multiplication (the element-wise view: ``\odot``/``\circ`` are products).
MUL_MACROS: frozenset[str] = frozenset({"cdot", "times", "odot", "circ"})
#: Binary operators read as division.
DIV_MACROS: frozenset[str] = frozenset({"div", "oslash"})

#: Dropped without a trace: spacing and style switches.
#: (``\\`` before a line end or a tab is a control space, as ``\\ `` is: what ``\\\\`` becomes after Markdown ate a backslash)
SPACING: frozenset[str] = frozenset({
    ",", ";", ":", "!", " ", "\n", "\t", ">", "space", "enspace", "thinspace", "medspace", "thickspace", "negthinspace",
    "negmedspace", "negthickspace", "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle",
    "limits", "nolimits", "displaylimits", "enskip", "nonumber", "notag", "hline", "strut", "mathstrut", "allowbreak",
    "nobreak", "relax", "centering", "hfill", "pause",
    # size switches (MathJax and KaTeX take them in math): how big, not what
    "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge", "Huge",
})
#: Horizontal space wide enough to separate two statements in one display.
SEPARATORS: frozenset[str] = frozenset({"quad", "qquad", "because"})  # "B ∵ A": two statements
#: Delimiter sizing; the delimiter that follows is kept, the side (open/close) is remembered.
SIZING: dict[str, str | None] = {
    "left": "open", "right": "close",
    **{f"{size}{side}": ("open" if side == "l" else "close" if side == "r" else None)
       for size in ("big", "Big", "bigg", "Bigg") for side in ("", "l", "r", "m")},
}
#: Macros whose argument is text, not math: the argument is kept raw (``Token.arg``).
RAW_ARG: frozenset[str] = frozenset({
    "text", "textrm", "textit", "textbf", "textnormal", "textsf", "texttt", "textup", "mbox", "hbox",
    "intertext", "shortintertext", "mathrm", "mathit", "mathsf", "mathtt", "mathcal", "mathscr",
    "mathfrak", "mathbb", "operatorname", "operatorname*", "hspace", "hspace*",
})
#: Macros dropped together with their raw argument.
DROP_WITH_ARG: frozenset[str] = frozenset({
    "label", "tag", "tag*", "vspace", "vspace*", "phantom", "hphantom", "vphantom", "color", "mspace",
})
#: Macros dropped with two raw arguments.
DROP_WITH_TWO_ARGS: frozenset[str] = frozenset({"rule"})
#: Macros whose *first* argument is raw (a colour) and whose second is math.
COLOR_ARG: frozenset[str] = frozenset({"textcolor", "colorbox"})
#: Raw-argument macros that are text (they separate statements at the top level of a row).
TEXT_MACROS: frozenset[str] = frozenset({
    "text", "textrm", "textit", "textbf", "textnormal", "textsf", "texttt", "textup", "mbox", "hbox",
    "intertext", "shortintertext",
})
#: Text fonts that notes use in math for one bold or italic letter (``{\textbf X}^\top``, ``\textbf{X}``).
_LETTER_FONTS: frozenset[str] = frozenset({"textbf", "textit", "textsf", "textnormal"})
#: Raw-argument macros that spell an upright name (``\mathrm{lr}``).
UPRIGHT_MACROS: frozenset[str] = frozenset({"mathrm", "mathit", "mathsf", "mathtt", "operatorname"})
#: Calligraphic-style alphabets: part of the name (``\mathcal{L}``).
ALPHABET_MACROS: frozenset[str] = frozenset({"mathcal", "mathscr", "mathfrak"})

#: Plain-TeX font switches (``{\rm d}``): the raw-argument macro the following word is read with, or None
#: for a switch that only changes the look.
FONT_SWITCHES: dict[str, str | None] = {
    "rm": "mathrm", "sf": "mathrm", "tt": "mathrm", "cal": "mathcal", "bf": None, "it": None, "sl": None,
}

#: Accents; the value is the canonical accent of the name.
ACCENTS: dict[str, str] = {
    "hat": "hat", "widehat": "hat", "bar": "bar", "overline": "bar", "tilde": "tilde",
    "widetilde": "tilde", "dot": "dot", "ddot": "ddot", "check": "check", "breve": "breve",
}
#: Bold / vector wrappers: typography only, stripped from names (``\mathbf{w}`` is ``w``).
BOLD: frozenset[str] = frozenset({"mathbf", "bm", "boldsymbol", "vec", "pmb", "mathbfit", "symbf", "mathbold"})
#: Presentational wrappers around math: ``\alert{X}`` is X. Value: where a note argument sits
#: (``"_"``/``"^"`` after the argument, ``"first"`` = a first argument that is discarded).
WRAPPERS: dict[str, str | None] = {
    "alert": None, "boxed": None, "cancel": None, "bcancel": None, "xcancel": None, "smash": None,
    "textcolor": None, "colorbox": None, "underbrace": "_", "overbrace": "^",
    "underset": "first", "overset": "first", "stackrel": "first", "mathop": None, "mathrel": None,
    "mathbin": None, "mathord": None, "ensuremath": None,
}
#: Fractions.
FRACS: frozenset[str] = frozenset({"frac", "dfrac", "tfrac", "cfrac"})
#: Big operators.
BIG_OPS: frozenset[str] = frozenset({"sum", "prod"})
#: Named functions of one argument (value: SymPy function name).
FUNCTIONS_1: dict[str, str] = {
    "exp": "exp", "log": "log", "ln": "log", "lg": "log10", "sin": "sin", "cos": "cos", "tan": "tan",
    "tanh": "tanh", "sinh": "sinh", "cosh": "cosh", "arctan": "atan", "arcsin": "asin", "arccos": "acos",
    "sign": "sign", "sgn": "sign", "sec": "sec", "csc": "csc", "cot": "cot", "coth": "coth",
    "sh": "sinh", "ch": "cosh", "th": "tanh",  # the French names of the hyperbolic functions
}
#: ``\max``/``\min`` of a list.
MAX_MIN: frozenset[str] = frozenset({"max", "min"})
#: Ellipses.
ELLIPSES: frozenset[str] = frozenset({
    "dots", "ldots", "cdots", "vdots", "ddots", "dotsb", "dotsc", "dotsm", "dotsi", "dotso",
})
#: Opening / closing delimiters written as macros (``\{``, ``\lbrace`` …).
OPEN_MACROS: dict[str, str] = {"{": "}", "lbrace": "rbrace", "lbrack": "rbrack", "lparen": "rparen"}
CLOSE_MACROS: frozenset[str] = frozenset({"}", "rbrace", "rbrack", "rparen"})
OPEN_CHARS: dict[str, str] = {"(": ")", "[": "]"}
#: Bars: ``|x|`` and the norm ``\|x\|``.
ABS_MACROS: dict[str, str | None] = {"vert": None, "lvert": "open", "rvert": "close"}
NORM_MACROS: dict[str, str | None] = {"|": None, "Vert": None, "lVert": "open", "rVert": "close"}
#: Superscripts that mean "transpose" (ignored: the checker works element-wise).
TRANSPOSE_MACROS: frozenset[str] = frozenset({"top", "intercal", "mathsf{T}", "mathrm{T}", "T"})
#: Other known macros with a dedicated rule in the parser.
SPECIAL: frozenset[str] = frozenset({
    "sqrt", "nabla", "partial", "infty", "binom", "dbinom", "tbinom", "not", "star", "ast", "prime",
})

#: Known notation the checker does not model: parsing the term stops with this message.
UNMODELLED: dict[str, str] = {
    "int": "integrals", "iint": "integrals", "oint": "integrals", "lim": "limits",
    "limsup": "limits", "liminf": "limits", "sup": "suprema", "inf": "infima",
    "arg": "argmin/argmax", "argmin": "argmin/argmax", "argmax": "argmin/argmax",
    "det": "determinants", "Pr": "probabilities", "langle": "inner products", "rangle": "inner products",
    "forall": "quantifiers", "exists": "quantifiers", "nexists": "quantifiers", "exist": "quantifiers",
    "mid": "set-builder notation", "bigcup": "sets", "bigcap": "sets", "bbox": "boxes (MathJax's bbox)",
    "middle": "set-builder notation", "cup": "sets", "cap": "sets", "setminus": "sets",
    "emptyset": "sets", "varnothing": "sets", "complement": "sets",
    "pm": "±", "mp": "∓", "otimes": "outer products", "oplus": "direct sums",
    "over": "{a \\over b}", "choose": "{n \\choose k}", "substack": "multi-line limits",
    **{name: "arrows" for name in ("downarrow", "uparrow", "Downarrow", "Uparrow", "updownarrow", "nearrow",
                                   "searrow", "nwarrow", "swarrow", "hookrightarrow", "rightharpoonup")},
    **{name: f"\\{name}" for name in ("square", "blacksquare", "Box", "checkmark", "clubsuit", "spadesuit",
                                      "heartsuit", "diamondsuit", "ddagger", "S", "P", "copyright")},
    "backslash": "set differences",
    "bmod": "modular arithmetic", "pmod": "modular arithmetic", "mod": "modular arithmetic",
    "gcd": "gcd", "deg": "degrees", "dim": "dimensions", "ker": "kernels", "top": "transposes outside a superscript",
    "intercal": "transposes outside a superscript", "land": "logic", "lor": "logic", "neg": "logic",
    "lnot": "logic", "wedge": "logic", "vee": "logic", "bullet": "\\bullet", "star": "\\star",
    "ast": "\\ast", "prime": "\\prime outside a superscript", "circledast": "convolutions",
    "hbar": "\\hbar", "Re": "real parts", "Im": "imaginary parts", "dagger": "adjoints",
    "tr": "traces", "Tr": "traces", "diag": "diagonal matrices", "E": "expectations",
    "%": "a percent sign", "#": "\\#", "&": "\\&", "$": "a dollar sign", "dots_text": "text",
    "checkmark": "text", "S": "text", "P": "text", "dag": "text", "ddag": "text", "copyright": "text",
    "newcommand": "macro definitions", "renewcommand": "macro definitions", "def": "macro definitions",
    "DeclareMathOperator": "macro definitions", "providecommand": "macro definitions",
}

#: Other spellings of a known macro (``\triangledown f`` for the gradient in some course notes).
_ALIASES: dict[str, str] = {"triangledown": "nabla", "bigtriangledown": "nabla", "bigtriangleup": "Delta",
                             # the dsfont and bbm packages' blackboard bold (\mathds{E}, \mathbbm{1}): \mathbb's letters
                             "mathds": "mathbb", "mathbbm": "mathbb"}

#: Environments whose rows are separated by ``\\`` and hold one or more statements each.
ROW_ENVS: frozenset[str] = frozenset({
    "cases", "dcases", "rcases", "aligned", "align", "align*", "alignat", "alignat*", "alignedat",
    "gathered", "gather", "gather*", "split", "multline", "multline*", "array", "eqnarray",
    "eqnarray*", "flalign", "flalign*", "subequations",
})
#: Environments that only wrap math (no rows).
WRAPPER_ENVS: frozenset[str] = frozenset({
    "equation", "equation*", "displaymath", "math", "empheq",
})
#: Environments that take a column specification (skipped).
ENVS_WITH_SPEC: frozenset[str] = frozenset({"array", "alignat", "alignat*", "alignedat", "tabular", "empheq"})

#: Unicode characters that stand for a macro or an ASCII character.
#: Superscript digits typed as characters (``x²``): read as the power they show.
_SUPERSCRIPT_DIGITS = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9"}

UNICODE: dict[str, tuple[str, str]] = {
    "−": ("char", "-"), "–": ("char", "-"), "∗": ("char", "*"), "·": ("macro", "cdot"),
    "⋅": ("macro", "cdot"), "×": ("macro", "times"), "⊙": ("macro", "odot"), "∘": ("macro", "circ"),
    "≤": ("rel", "<="), "≥": ("rel", ">="), "≠": ("rel", "!="), "≈": ("rel", "approx"),
    "≡": ("rel", "equiv"), "≔": ("rel", ":="), "←": ("rel", "<-"), "→": ("rel", "->"), "⇒": ("rel", "=>"),
    "∈": ("rel", "in"), "∝": ("rel", "propto"), "∇": ("macro", "nabla"), "∂": ("macro", "partial"),
    "∑": ("macro", "sum"), "∏": ("macro", "prod"), "∞": ("macro", "infty"), "√": ("macro", "sqrt"),
    "…": ("dots", "..."), "⋯": ("dots", "..."), "‖": ("macro", "|"), "′": ("char", "'"),
    # full-width punctuation of Chinese, Japanese and Korean text typed inside a formula (an input method left on)
    "，": ("char", ","), "、": ("char", ","), "：": ("char", ":"), "；": ("char", ";"), "。": ("char", "."),
    "（": ("char", "("), "）": ("char", ")"), "［": ("char", "["), "］": ("char", "]"),
    **{ch: ("macro", name) for ch, name in zip(
        "αβγδεζηθικλμνξπρστυφχψωΓΔΘΛΞΠΣΥΦΨΩϵϑϕ",
        ("alpha beta gamma delta varepsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau "
         "upsilon varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega "
         "varepsilon vartheta phi").split(),
    )},
}

#: Every macro name the tokenizer or the parser gives a meaning to.
KNOWN_MACROS: frozenset[str] = frozenset().union(
    GREEK, LETTER_MACROS, RELATIONS, MUL_MACROS, DIV_MACROS, SPACING, SEPARATORS, SIZING, RAW_ARG,
    DROP_WITH_ARG, DROP_WITH_TWO_ARGS, COLOR_ARG, ACCENTS, BOLD, WRAPPERS, FRACS, BIG_OPS, FUNCTIONS_1, MAX_MIN,
    ELLIPSES,
    OPEN_MACROS, CLOSE_MACROS, ABS_MACROS, NORM_MACROS, SPECIAL, UNMODELLED,
    {"\\", "begin", "end", "left", "right"},
    {"lfloor", "rfloor", "lceil", "rceil"},  # floors and ceilings (the parser reads them)
    {"newline"},  # a row break
)


# --------------------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Token:
    """One unit of the notation with its offsets ``[start, end)`` in the block text.

    ``kind`` is one of: ``letter`` (one ASCII letter), ``word`` (a run of non-ASCII letters),
    ``num``, ``char`` (punctuation: ``+ - / ( ) [ ] | , ; . ! ' ^ _ & *`` …), ``lbrace``/``rbrace``,
    ``rel`` (text = normalized relation), ``macro`` (known macro, text = name without backslash),
    ``unknown`` (unknown macro), ``raw`` (macro with a text argument in ``arg``), ``begin``/``end``
    (text = environment name), ``newline`` (``\\\\``), ``sep`` (``\\quad``, ``\\qquad``, ``\\hspace``),
    ``dots`` (an ellipsis), ``bad`` (a character with no meaning in math).
    ``side`` is ``"open"``/``"close"`` for delimiters sized with ``\\left``/``\\right`` (or ``\\bigl``…).
    """

    kind: str
    text: str
    start: int
    end: int
    arg: str | None = None
    side: str | None = None

    def is_char(self, *chars: str) -> bool:
        return self.kind == "char" and self.text in chars

    def is_macro(self, *names: str) -> bool:
        return self.kind == "macro" and self.text in names


@dataclass(frozen=True, slots=True)
class Tokenized:
    """The tokens of a block and the unknown macros met on the way (name with backslash, offset)."""

    tokens: list[Token]
    unknown: list[tuple[str, int]]
    words: list[tuple[str, int]] = field(default_factory=list)  # plain words read letter by letter


#: A group of three digits after a thin space (``\,320``), as a thousands separator sets it.
_THOUSANDS = re.compile(r"\\,(\d{3})(?![\d.])")
_E_NOTATION = re.compile(r"[eE][-+]?\d{1,3}(?![\w.])")  # at most three exponent digits: no huge numbers
_SCANNER = re.compile(
    r"(?P<ws>\s+)|(?P<comment>%[^\n]*)|(?P<macro>\\(?:[A-Za-z]+|.))|(?P<num>\d+(?:\.\d+)?|\.\d+)"
    r"|(?P<dots>\.\.\.)|(?P<word>(?<![A-Za-z])(?:[A-Za-z]{3,}\d*|ln(?=\s*\()|LL)(?![A-Za-z]))|(?P<letter>[A-Za-z])|(?P<other>.)",
    re.S,
)
#: Three or more medium spaces in a row (``\;\;\;\;``): as wide as a ``\quad``, written to part statements.
_SPACE_RUN = re.compile(r"(?:\\[;:]\s*){3,}")
_STARRABLE = frozenset({"tag", "operatorname", "hspace", "vspace", "qquad"})


class Tokenizer:
    """Turns block text into :class:`Token` s; drops presentation; never raises."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.tokens: list[Token] = []
        self.unknown: list[tuple[str, int]] = []
        self.words: list[tuple[str, int]] = []
        self._side: str | None = None  # sizing seen, waiting for its delimiter
        self._sized = False
        self._size_start = 0

    def run(self) -> Tokenized:
        text = self.text
        while self.pos < len(text):
            m = _SCANNER.match(text, self.pos)
            assert m is not None  # the last alternative matches any character
            self.pos = m.end()
            kind = m.lastgroup
            if kind in ("ws", "comment"):
                continue
            if kind == "macro":
                self._macro(m.group()[1:], m.start())
            elif kind == "num":
                start = m.start()
                if self._sized and self.text[start] == "." and start + 1 < m.end():
                    # \left.4\arctan x\right|: the invisible delimiter, then the number 4 (not 0.4)
                    self._emit(Token("char", ".", start, start + 1))
                    start += 1
                self._number(start, m.end())
            elif kind == "dots":
                self._emit(Token("dots", "...", m.start(), m.end()))
            elif kind == "letter":
                self._emit(Token("letter", m.group(), m.start(), m.end()))
            elif kind == "word":
                self._word(m.group(), m.start())
            else:
                self._other(m.group(), m.start())
        return Tokenized(_unpaired_bars(_merge_stacked_relations(_parallel_norms(self.tokens))), self.unknown, self.words)

    # -- emitting ----------------------------------------------------------------------------------

    def _emit(self, tok: Token) -> None:
        if self._sized:
            self._sized = False
            if tok.is_char("."):  # \left. and \right. are invisible delimiters
                return
            if tok.kind == "rel" and tok.text in ("<", ">"):  # \left< u, v \right>: angle brackets, not relations
                tok = Token("macro", "langle" if tok.text == "<" else "rangle", tok.start, tok.end)
            tok = Token(tok.kind, tok.text, self._size_start, tok.end, tok.arg, self._side)
        prev = self.tokens[-1] if self.tokens else None
        if prev is not None and self._merge(prev, tok):
            return
        self.tokens.append(tok)

    def _bar_open(self) -> bool:
        """Is an absolute value open before the last token (an odd number of single bars since the last relation)?
        Then ``||`` in ``2|x||y|`` closes it and opens the next, no norm bar."""
        count = 0
        for t in reversed(self.tokens[:-1]):
            if t.kind == "rel":
                break
            count += t.is_char("|")
        return count % 2 == 1

    def _merge(self, prev: Token, tok: Token) -> bool:
        """Two-token spellings: ``:=``, ``=:``, ``=>`` (⇒), ``\\not=``, ``||`` (a norm bar)."""
        merged: Token | None = None
        if prev.is_char(":") and tok.kind == "rel" and tok.text == "=":
            merged = Token("rel", ":=", prev.start, tok.end)
        elif prev.kind == "rel" and prev.text == "=" and tok.is_char(":"):
            merged = Token("rel", "=:", prev.start, tok.end)
        elif prev.kind == "rel" and prev.text == "=" and tok.kind == "rel" and tok.text == ">" and prev.end == tok.start:
            merged = Token("rel", "=>", prev.start, tok.end)  # "=>" typed for ⇒ (not "=" then ">")
        elif prev.is_macro("not") and tok.kind == "rel":
            negated = {"=": "!=", "in": "notin"}.get(tok.text, "not " + tok.text)
            merged = Token("rel", negated, prev.start, tok.end)
        elif (prev.is_char("|") and tok.is_char("|") and prev.end == tok.start
              and prev.side is None and tok.side is None and not self._bar_open()):
            merged = Token("macro", "|", prev.start, tok.end)
        if merged is None:
            return False
        self.tokens[-1] = merged
        return True

    # -- scanning ----------------------------------------------------------------------------------

    def _number(self, start: int, end: int) -> None:
        text = self.text
        if end - start <= 3 and text[start:end].isdigit() and _THOUSANDS.match(text, end):
            # 40\,320, 1\,000\,000: groups of three digits set apart by a thin space are one number
            digits, stop = text[start:end], end
            while (group := _THOUSANDS.match(text, stop)) is not None:
                digits, stop = digits + group.group(1), group.end()
            self.pos = stop
            self._emit(Token("num", digits, start, stop))
            return
        # Russian decimal comma written as 0{,}9.
        if text.startswith("{,}", end) and end + 3 < len(text) and text[end + 3].isdigit():
            stop = end + 3
            while stop < len(text) and text[stop].isdigit():
                stop += 1
            self.pos = stop
            self._emit(Token("num", text[start:end] + "." + text[end + 3:stop], start, stop))
            return
        # E-notation written straight into math (3e-4, 1e-8): one number, not 3·e − 4; only when the
        # exponent is a run of digits right after the e and no letter follows it
        exponent = _E_NOTATION.match(text, end)
        if exponent is not None:
            self.pos = exponent.end()
            self._emit(Token("num", text[start:exponent.end()], start, exponent.end()))
            return
        self._emit(Token("num", text[start:end], start, end))

    def _other(self, ch: str, start: int) -> None:
        end = start + 1
        if ch == "{":
            self._emit(Token("lbrace", ch, start, end))
        elif ch == "}":
            self._emit(Token("rbrace", ch, start, end))
        elif ch in "=<>":
            self._emit(Token("rel", ch, start, end))
        elif ch == "~":
            return
        elif ch in "+-*/()[]|,;.!'^_&:?":
            self._emit(Token("char", ch, start, end))
        elif ch in _SUPERSCRIPT_DIGITS:
            # x², t³ typed as characters (MathJax and KaTeX show them raised): the power ^2, ^3; a run ¹⁰ is one
            stop = end
            while stop < len(self.text) and self.text[stop] in _SUPERSCRIPT_DIGITS:
                stop += 1
            self.pos = stop
            self._emit(Token("char", "^", start, start + 1))
            digits = "".join(_SUPERSCRIPT_DIGITS[c] for c in self.text[start:stop])
            self._emit(Token("lbrace", "{", start, start + 1))
            self._emit(Token("num", digits, start, stop))
            self._emit(Token("rbrace", "}", stop - 1, stop))
        elif ch in UNICODE:
            kind, value = UNICODE[ch]
            if kind == "macro":
                self._macro(value, start, end=end)
            else:
                self._emit(Token(kind, value, start, end))
        elif ch.isalpha():
            stop = end
            while stop < len(self.text) and self.text[stop].isalpha() and not self.text[stop].isascii():
                stop += 1
            self.pos = stop
            self._emit(Token("word", self.text[start:stop], start, stop))
        else:
            self._emit(Token("bad", ch, start, end))

    def _macro(self, name: str, start: int, *, end: int | None = None) -> None:
        end = self.pos if end is None else end
        if name == "_":
            # \_ in Markdown math: written so that Markdown does not read an emphasis; the page shows a subscript
            self._other("_", start)
            return
        name = _ALIASES.get(name, name)
        if name in _STARRABLE and self.text.startswith("*", self.pos):
            name += "*"
            self.pos += 1
            end = self.pos
        if name in SPACING:
            if name in (";", ":") and (run := _SPACE_RUN.match(self.text, start)) is not None:
                # v_2 = x_1x_2\;\;\;\;v_3 = sin(x_2): a run of spaces as wide as a \quad parts two statements
                self.pos = run.end()
                self._emit(Token("sep", "quad", start, run.end()))
            return
        if name in SIZING:
            self._side = SIZING[name]
            self._sized = True
            self._size_start = start
            return
        if name in ("\\", "newline", "cr", "crcr"):  # \newline, plain TeX's \cr: a row break, as MathJax and KaTeX read it
            self._skip_row_options()
            self._emit(Token("newline", "\\\\", start, self.pos))
        elif name in ("begin", "end"):
            env, stop = self._raw_arg()
            if name == "begin" and env in ENVS_WITH_SPEC:
                self._skip_optional()
                _, stop = self._raw_arg()
            self._emit(Token(name, env, start, stop))
        elif name in DROP_WITH_ARG:
            self._raw_arg()
        elif name in DROP_WITH_TWO_ARGS:
            self._skip_optional()
            self._raw_arg()
            self._raw_arg()
        elif name in FONT_SWITCHES:
            self._font_switch(FONT_SWITCHES[name], start)
        elif name in RAW_ARG:
            arg, stop = self._raw_arg()
            if name == "mathbb" and arg.strip() == "I":
                # \mathbb{I}: the identity matrix in blackboard bold, the letter I as every matrix reading takes it
                at = self.text.index("I", start + len(name) + 1)
                self._emit(Token("letter", "I", at, at + 1))
                return
            if name in _LETTER_FONTS and len(arg.strip()) == 1 and arg.strip().isascii() and arg.strip().isalpha():
                # \textbf{X} in math: one letter in a text font, written for a bold matrix or vector name (as
                # \mathbf{X}, whose bold is typography too): the letter, not text
                letter = arg.strip()
                self._emit(Token("letter", letter, start, stop))  # (the whole macro: a side ending in it keeps its brace)
                return
            if name in ("text", "mathrm", "textrm", "operatorname") and arg.strip() in _OPERATOR_NAMES \
                    and not self._in_script(start):  # (v^{\text{max}}: a label)
                # \text{lim}_{x \to 0}, \mathrm{max}(…): the operator TeX has a macro for, written in an upright font
                self._emit(Token("macro", arg.strip(), start, stop))
                return
            if name in TEXT_MACROS and _operator_word(arg, self.text[stop:]) and not self._in_script(start):
                # \textup{rank}\, A: an operator spelt in a text font, applied to what follows; dropped as prose it
                # would leave "A = 2" and prove "rank A² = 4" as A² = 4. Read as \operatorname{rank}.
                name = "operatorname"
            if name in ("mathrm", "operatorname") and arg.strip() == "grad" and not self._in_script(start):
                self._emit(Token("macro", "nabla", start, stop))  # \operatorname{grad} f: the gradient, as ∇f
                return
            kind = "sep" if name.startswith("hspace") else "raw"
            self._emit(Token(kind, name, start, stop, arg))
        elif name in COLOR_ARG:
            arg, stop = self._raw_arg()
            self._emit(Token("macro", name, start, stop, arg))
        elif name in SEPARATORS:
            self._emit(Token("sep", name, start, end))
        elif name in RELATIONS:
            self._emit(Token("rel", RELATIONS[name], start, end))
        elif name in ELLIPSES:
            self._emit(Token("dots", name, start, end))
        elif name in KNOWN_MACROS:
            self._emit(Token("macro", name, start, end))
        else:
            self.unknown.append(("\\" + name, start))
            self._emit(Token("unknown", name, start, end))

    def _word(self, word: str, start: int) -> None:
        """A plain word in math: ``alpha`` as written in plain-text notes is α, ``exp`` is the function;
        any other word (``constant``, ``loss``) is read letter by letter as TeX does, and remembered, so
        that a false verdict that rests on it is only undecided."""
        digits = len(word) - len(word.rstrip("0123456789"))
        if digits and word[:-digits] in GREEK:
            # beta1 in plain-text notes: β₁
            letters = word[:-digits]
            self._macro(letters, start, end=start + len(letters))
            self._emit(Token("char", "_", start + len(letters), start + len(letters)))
            self._emit(Token("num", word[-digits:], start + len(letters), start + len(word)))
            return
        if digits:
            self.pos = start + len(word) - digits  # the digits are read on their own, after the word
            word = word[:-digits]
        after = self.text[start + len(word):].lstrip()[:1]
        if word in GREEK or ((word in FUNCTIONS_1 or word in ("max", "min", "sqrt")) and after in ("(", "\\", "_")):
            self._macro(word, start, end=start + len(word))
            return
        if word.lower() in _CONNECTIVES and not self._in_script(start, group=True):
            # "V_t = βV_{t-1} + (1-β)θ_t \ \ where \ \ V_0 = 0": a word of the sentence typed in math joins two
            # statements, as \quad does; read letter by letter it would glue V_0 into the rule
            self._emit(Token("sep", "quad", start, start + len(word)))
            return
        if word in _STATISTICS and after in ("(", "[") and not self._in_script(start):
            # Var(X_1/n) typed without a backslash: the variance, as \mathrm{Var}(…) reads (V·a·r proved linearity)
            self._emit(Token("raw", "mathrm", start, start + len(word), word))
            return
        self.words.append((word, start))  # remembered either way: a false verdict resting on a word is doubted
        subscripted = self.text.startswith("_", start + len(word)) and len(word) == 3 and word.isascii() \
            and 0 < sum(ch in "aeiou" for ch in word.lower()) < 3  # net_{h1}, out_{o1}: the notes' names of nodes
        if (reads_as_word(word) or word in ACRONYMS or subscripted) and not self._in_script(start):
            # frontage, depth, area: a name the notes spell out, not f·r·o·n·t·a·g·e (a label in an index stays)
            self._emit(Token("raw", "mathrm", start, start + len(word), word))
            return
        for k, ch in enumerate(word):
            self._emit(Token("letter", ch, start + k, start + k + 1))

    def _in_script(self, start: int, group: bool = False) -> bool:
        """Does the text at ``start`` open a sub- or superscript (``_``, ``^{``), or with ``group`` any brace group?
        A word there is a label (``v^{\\text{max}}``, ``x_{where}``). Only the few characters before are read: the
        whole text before every word would make a long block quadratic."""
        before = self.text[max(0, start - 16):start].rstrip()
        return before.endswith(("_", "^", "_{", "^{", "{") if group else ("_", "^", "_{", "^{"))

    def _font_switch(self, style: str | None, start: int) -> None:
        r"""Plain-TeX font switches: ``{\rm d}x``, ``E_{\rm graph}``. The word of letters that follows is one
        upright (or calligraphic) name, as if written ``\mathrm{graph}``; a bold or italic switch only
        changes the look, so it is dropped."""
        m = re.compile(r"\s*([A-Za-z]+)").match(self.text, self.pos)
        if style is None or m is None:
            return
        word = m.group(1) if style == "mathrm" else m.group(1)[0]
        self.pos = m.start(1) + len(word)
        self._emit(Token("raw", style, start, self.pos, word))

    def _skip_row_options(self) -> None:
        """``\\\\*`` and ``\\\\[2pt]`` are layout."""
        if self.text.startswith("*", self.pos):
            self.pos += 1
        self._skip_optional()

    def _skip_optional(self) -> None:
        text = self.text
        probe = self.pos
        while probe < len(text) and text[probe] in " \t":
            probe += 1
        if probe < len(text) and text[probe] == "[":
            close = text.find("]", probe)
            if close != -1:
                self.pos = close + 1

    def _raw_arg(self) -> tuple[str, int]:
        """A macro's argument as raw text: a balanced ``{…}`` group or the next character/macro."""
        text = self.text
        probe = self.pos
        while probe < len(text) and text[probe].isspace():
            probe += 1
        if probe >= len(text):
            self.pos = probe
            return "", probe
        if text[probe] == "{":
            depth = 0
            for stop in range(probe, len(text)):
                ch = text[stop]
                if ch == "\\":
                    continue
                if ch == "{" and text[stop - 1] != "\\":
                    depth += 1
                elif ch == "}" and text[stop - 1] != "\\":
                    depth -= 1
                    if depth == 0:
                        self.pos = stop + 1
                        return text[probe + 1:stop], stop + 1
            self.pos = len(text)
            return text[probe + 1:], len(text)
        if text[probe] == "\\":
            m = re.match(r"\\(?:[A-Za-z]+|.)", text[probe:])
            stop = probe + (m.end() if m else 1)
        else:
            stop = probe + 1
        self.pos = stop
        return text[probe:stop], stop


def _unpaired_bars(tokens: list[Token]) -> list[Token]:
    r"""``p(y \lvert x)``, ``p(y \vert x)``: an ``\lvert`` that no ``\rvert`` closes (nor an ``\rvert`` that none opens),
    and a ``\vert`` not sized by ``\left``/``\right``, are drawn as ``|`` by KaTeX and MathJax, and read as the
    character ``|``: a conditioning bar in ``p(a | s)``, an absolute value where bars pair, never a group that
    swallows the rest of the formula and the ``=`` after it."""
    partner = {"lvert": "rvert", "rvert": "lvert", "lVert": "rVert", "rVert": "lVert"}
    out = list(tokens)
    for k, tok in enumerate(tokens):
        if tok.kind == "macro" and tok.text == "vert" and tok.side is None:
            out[k] = Token("char", "|", tok.start, tok.end)
        if tok.kind != "macro" or tok.text not in partner:
            continue
        step = 1 if tok.text in ("lvert", "lVert") else -1
        depth, j = 0, k + step
        while 0 <= j < len(tokens):
            other = tokens[j]
            if other.kind == "macro" and other.text == tok.text:
                depth += 1
            elif other.kind == "macro" and other.text == partner[tok.text]:
                if depth == 0:
                    break
                depth -= 1
            j += step
        else:  # (‖∇f(x_1)\lVert = 2: an \lVert written to close is drawn as ‖ all the same, and pairs as \| does)
            out[k] = Token("char", "|", tok.start, tok.end) if tok.text.islower() else Token("macro", "|", tok.start, tok.end)
    return out


def _parallel_norms(tokens: list[Token]) -> list[Token]:
    r"""``\frac12 \parallel w \parallel^2``: ``\parallel`` written in pairs, one of them raised or subscripted, are the
    bars of a norm (as ``\Vert``), not the relation "is parallel to"."""
    at = [k for k, t in enumerate(tokens) if t.kind == "rel" and t.text == "parallel"]
    if not at or len(at) % 2 or not any(k + 1 < len(tokens) and tokens[k + 1].is_char("^", "_") for k in at):
        return tokens
    out = list(tokens)
    for k in at:
        out[k] = dataclasses.replace(tokens[k], kind="macro", text="Vert")
    return out


def tokenize(text: str) -> Tokenized:
    """Tokens of ``text`` (never raises)."""
    return Tokenizer(without_labels(without_overlays(plain_letters(text)))).run()


def _math_alphanumerics() -> dict[int, str]:
    """Unicode's mathematical letters and digits (𝑓, 𝑥, 𝐰, 𝜃, 𝟎) and the one plain character each stands for."""
    table = {}
    for code in range(0x1D400, 0x1D800):
        plain = unicodedata.normalize("NFKC", chr(code))
        if len(plain) == 1 and plain != chr(code):
            table[code] = plain
    return table


#: Built once: a formula typed in a word processor (or pasted from one) writes 𝑓(𝑥) for f(x); the letters
#: are the same names, so they are read as the plain ones (one character for one: offsets do not move).
_PLAIN_LETTERS = _math_alphanumerics()


def plain_letters(text: str) -> str:
    """``text`` with mathematical italic/bold/… letters (𝑓, 𝑥) as the plain letters they style."""
    if not any(ord(ch) >= 0x1D400 for ch in text):
        return text
    return text.translate(_PLAIN_LETTERS)


#: Beamer's overlay commands that only say on which slide a part appears (``\uncover<+->{…}``, ``\pause``):
#: every part is shown in the end, so the math is what they hold. (``\only`` is left alone: its parts
#: replace each other.)
_OVERLAY = re.compile(r"\\(?:uncover|onslide|visible|pause)(?![A-Za-z])\s*(?:<[^<>{}\n]*>)?")


#: An enumeration label at the start of a formula or a row, set apart by a space or followed by a matrix:
#: ``\left( 2 \right) \ (AB)^T = …``, ``(3)\quad x = …``, ``\left(2\right) \begin{bmatrix}…``. Read as a
#: factor it multiplied the whole side by 2.
_LABEL = re.compile(r"(?:^|(?<=\\\\))(\s*&?\s*)((?:\\left\s*)?\(\s*\d{1,2}\s*(?:\\right\s*)?\))"
                    r"(?=\s*(?:\\ |\\quad|\\qquad|~|\\;|\\,|\\begin\{[bpvBV]?matrix\}))")


def without_labels(text: str) -> str:
    """``text`` with an enumeration label at the start of the formula or of a row blanked to spaces (same
    length, so offsets still point into the source)."""
    if "(" not in text:
        return text
    return _LABEL.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


def without_overlays(text: str) -> str:
    """``text`` with each overlay command, its ``<spec>`` and the braces of its argument blanked to spaces
    (the argument stays, so rows and relations inside it are read at the level they are written at);
    the length is unchanged, so offsets still point into the source."""
    if "\\" not in text or _OVERLAY.search(text) is None:
        return text
    from .extract import _group_end  # only for decks that use overlays: the reader's own brace matcher
    chars = list(text)
    for m in _OVERLAY.finditer(text):
        for i in range(m.start(), m.end()):
            chars[i] = " "
        j = m.end()
        while j < len(text) and text[j] in " \t":
            j += 1
        if j < len(text) and text[j] == "{" and (after := _group_end(text, j)) is not None:
            chars[j] = chars[after - 1] = " "
    return "".join(chars)


# --------------------------------------------------------------------------------------------------
# Token-level rewrites that must happen before rows and statements are found.
# --------------------------------------------------------------------------------------------------

_DEFINITION_MARKS = ("def", "triangle", "Delta", ":", "опр", "定义")


def arg_span(tokens: list[Token], i: int) -> int | None:
    """End index (exclusive) of the TeX argument starting at ``tokens[i]``; None if there is none."""
    if i >= len(tokens):
        return None
    if tokens[i].kind == "lbrace":
        close = matching_brace(tokens, i)
        return None if close is None else close + 1
    if tokens[i].kind in ("rbrace", "newline", "begin", "end"):
        return None
    return i + 1


def matching_brace(tokens: list[Token], i: int) -> int | None:
    """Index of the ``}`` matching the ``{`` at ``tokens[i]``."""
    depth = 0
    for j in range(i, len(tokens)):
        kind = tokens[j].kind
        if kind == "lbrace":
            depth += 1
        elif kind == "rbrace":
            depth -= 1
            if depth == 0:
                return j
    return None


def inner(tokens: list[Token], start: int, stop: int) -> list[Token]:
    """The tokens of an argument without its braces."""
    if tokens[start].kind == "lbrace":
        return tokens[start + 1:stop - 1]
    return tokens[start:stop]


#: The bold wrapper an undefined one-argument macro is read as (see :func:`unwrap_undefined`).
TRANSPARENT_AS = "mathbf"


def unwrap_undefined(tokens: list[Token]) -> tuple[list[Token], list[tuple[str, int]]]:
    r"""Read an undefined macro with one braced argument (``\vect{x}``) as a transparent wrapper.

    Notes use their own wrappers (``\vect``, ``\hl``, ``\mathds``) whose definition lives where the
    checker cannot see it; typographically they are almost always "the argument, decorated". The
    macro becomes a bold wrapper token (``\mathbf`` reads ``\vect{x}_t`` as the name ``x_t`` and
    ``\vect{a+b}`` as the expression), with ``arg`` holding the original name, so that a link that
    relies on this reading can say so. Only ``\name{…}`` followed by no second group or ``[``
    qualifies: ``\inner{a}{b}`` or ``\foo[o]{x}`` stay unknown. Returns the tokens and the names
    read this way with their offsets.
    """
    if not any(t.kind == "unknown" for t in tokens):
        return tokens, []
    out: list[Token] = []
    names: list[tuple[str, int]] = []
    for i, tok in enumerate(tokens):
        if tok.kind == "unknown" and i + 1 < len(tokens) and tokens[i + 1].kind == "lbrace":
            close = matching_brace(tokens, i + 1)
            after = tokens[close + 1] if close is not None and close + 1 < len(tokens) else None
            if close is not None and not (after is not None and (after.kind == "lbrace" or after.is_char("["))):
                out.append(Token("macro", TRANSPARENT_AS, tok.start, tok.end, arg="\\" + tok.text))
                names.append(("\\" + tok.text, tok.start))
                continue
        out.append(tok)
    return out, names


#: Font and emphasis commands that only style what they hold: a whole formula written inside one of them
#: (``\\(\\mathbf{f(w) = (w - w_1)^2}\\)``) is the formula, relations and all.
STYLE_WRAPPERS = frozenset({"mathbf", "boldsymbol", "bm", "pmb", "mathit", "mathrm", "mathsf", "mathnormal",
                            "boxed", "underline", "mathbold"})


def unwrap_style(tokens: list[Token]) -> list[Token]:
    """The tokens inside a style command that wraps the whole formula around a relation, else as they are.

    Only a wrapper around everything (up to a final ``.`` or ``,``) whose group holds a relation is
    removed: ``\\mathbf{w}_t = …`` or ``\\mathbf{x} + \\mathbf{y}`` keep their bold names.
    """
    if len(tokens) > 2 and tokens[0].kind == "begin" and tokens[-1].kind == "end" and tokens[0].text == tokens[-1].text:
        # \begin{equation} \boxed{x_{t+1} = …} \end{equation}: the wrapper inside the one environment of the block
        body = unwrap_style(tokens[1:-1])
        return tokens if len(body) == len(tokens) - 2 else [tokens[0], *body, tokens[-1]]
    end = len(tokens)
    while end and tokens[end - 1].is_char(".", ",", ";"):
        end -= 1
    if end < 3 or tokens[0].kind != "macro" or tokens[0].text not in STYLE_WRAPPERS or tokens[1].kind != "lbrace":
        return tokens
    if matching_brace(tokens, 1) != end - 1 or not any(t.kind == "rel" for t in tokens[2:end - 1]):
        return tokens
    return tokens[2:end - 1] + tokens[end:]


def _merge_stacked_relations(tokens: list[Token]) -> list[Token]:
    """``\\stackrel{def}{=}``, ``\\overset{\\text{def}}{=}``, ``\\mathrel{=}`` … become one relation token.

    A mark that says "definition" makes it ``:=``; ``?`` makes it ``?=`` (a question, not a claim); ``!`` over ``=``
    makes it ``=!`` (a demand: "shall equal"); any other mark (``(a)``) keeps the relation underneath.
    """
    if not any(t.kind == "macro" and t.text in ("stackrel", "overset", "underset", "mathrel") for t in tokens):
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "macro" and tok.text == "mathrel":  # \mathrel{=}: spacing only
            end = arg_span(tokens, i + 1)
            body = inner(tokens, i + 1, end) if end is not None else []
            if len(body) == 1 and body[0].kind == "rel":
                out.append(Token("rel", body[0].text, tok.start, tokens[end - 1].end))
                i = end
                continue
        if tok.kind == "macro" and tok.text == "underset" and (limit := _limit_below(tokens, i)) is not None:
            out += limit[0]  # \underset{x \to a}{\lim}: \lim_{x \to a}, as typeset
            i = limit[1]
            continue
        if tok.kind == "macro" and tok.text in ("stackrel", "overset", "underset"):
            mark_end = arg_span(tokens, i + 1)
            rel_end = arg_span(tokens, mark_end) if mark_end is not None else None
            if rel_end is not None:
                below = inner(tokens, mark_end, rel_end)
                if len(below) == 1 and below[0].kind == "rel":
                    mark = "".join((t.arg or t.text) for t in inner(tokens, i + 1, mark_end))
                    rel = below[0].text
                    if any(m in mark for m in _DEFINITION_MARKS):
                        rel = ":="
                    elif "?" in mark:
                        rel = "?" + rel
                    elif mark.strip() == "!" and rel == "=":
                        rel = "=!"  # \stackrel{!}{=}: what the unknowns must satisfy, a demand, no claim
                    out.append(Token("rel", rel, tok.start, tokens[rel_end - 1].end))
                    i = rel_end
                    continue
        out.append(tok)
        i += 1
    return out


def _limit_below(tokens: list[Token], i: int) -> tuple[list[Token], int] | None:
    """``\\underset{x \\to a}{\\lim}`` or ``\\underset{x \\to a}\\lim`` at ``i``: the tokens of ``\\lim_{x \\to a}`` and where
    the construct ends; None for anything else under ``\\underset``."""
    mark_end = arg_span(tokens, i + 1)
    if mark_end is None or tokens[i + 1].kind != "lbrace":
        return None
    over_end = arg_span(tokens, mark_end)
    if over_end is None:
        return None
    over = inner(tokens, mark_end, over_end)
    if len(over) != 1 or over[0].kind != "macro" or over[0].text != "lim":
        return None
    lim = dataclasses.replace(over[0], start=tokens[i].start)  # (a side it starts begins at \underset, as written)
    return [lim, Token("char", "_", lim.end, lim.end), *tokens[i + 1:mark_end]], over_end


#: Operators that may be glued to letters in plain-text math (``xsinx``, ``argmin``, ``logx``): such a run stays letters.
_GLUED_OPERATORS = ("sin", "cos", "tan", "exp", "log", "ln", "max", "min", "det", "arg", "sup", "inf", "lim", "tr")


#: Operators TeX writes as macros that notes also spell in an upright font (``\text{lim}``).
_OPERATOR_NAMES = frozenset({"lim", "max", "min", "sup", "inf", "log", "ln", "exp", "sin", "cos", "tan"})
#: Words of prose typed in math before a formula (``\text{for all } i``, ``\text{if} x > 0``): never an operator.
_PROSE_WORDS = frozenset({
    "for", "all", "if", "and", "or", "where", "subject", "to", "with", "on", "in", "is", "are", "at", "as", "of",
    "the", "let", "then", "else", "otherwise", "when", "whenever", "since", "so", "thus", "hence", "some", "each",
    "every", "any", "given", "such", "that", "by", "from", "over", "per", "not", "until", "while", "via", "using",
    "we", "it", "has", "have", "be", "also", "but", "iff", "st", "ie", "eg", "new", "old", "our", "this",
    "these", "which", "because", "therefore", "holds", "gives", "yields", "get", "obtain", "note", "see", "case",
    "cases", "step", "steps", "iteration", "epoch", "update", "init", "initially", "finally", "repeat", "do",
    "return", "end", "begin", "true", "false", "yes", "no", "constant", "const",
})
#: What starts an operand after an operator word: a letter, a digit, a bracket (``\text{det}|P|``), or a macro
#: that makes a name.
_OPERAND_AFTER = re.compile(r"(?:\s|\\[,;:! ]|~)*(?:[A-Za-z0-9(|\[]|\\(?:left|lvert|lVert|\||mathbf|boldsymbol|bm|vec|hat|bar|tilde|"
                            r"widehat|widetilde|mathcal|" + "|".join(sorted(GREEK, key=len, reverse=True)) + r")(?![A-Za-z]))")


def _operator_word(arg: str, after: str) -> bool:
    r"""Is ``\text{arg}`` an operator name applied to what follows (``\textup{rank}\, A``, ``\text{diag}(v)``)? One
    word of at least two letters, unpadded, no word of prose, and an operand right after it."""
    return (arg == arg.strip() and len(arg) >= 2 and arg.isascii() and arg.isalpha()
            and arg.lower() not in _PROSE_WORDS and _OPERAND_AFTER.match(after) is not None)
#: Words of the sentence that authors type straight into math between two formulas.
_CONNECTIVES = frozenset({"where", "when", "with", "for", "and", "if", "then", "since", "otherwise", "hence", "thus"})


#: Names of losses and statistics that notes type in plain math (``MSE(w) = …``, ``\\partial SSE``): one name each,
#: never a product of capitals (a product of three matrices is not written M·S·E). Two-letter ones (``LR``, ``KL``)
#: are left out: ``LR`` is as often L·R; but ``LL`` (the log-likelihood) is in: L·L is written L².
ACRONYMS = frozenset({"MSE", "RMSE", "MAE", "SSE", "RSS", "SST", "SSR", "TSS", "ESS", "NLL", "BCE", "MLE",
                      "ELBO", "SGD", "AUC", "LL"})


#: Operators of statistics that notes type as plain words before their bracket (``Var(X)``, ``Cov(X, Y)``).
_STATISTICS = frozenset({"Var", "Cov", "Corr"})


def reads_as_word(word: str) -> bool:
    """Is a run of letters in math a word (one name), not a product of its letters? Evidence from the run alone:
    four letters or more, with a vowel and a consonant (``depth``, ``area``, ``frontage``; not ``dxdt`` or
    ``abcd``-like runs without vowels… nor ``aaaa``), and no operator glued in (``xsinx``). Shorter runs (``xy``,
    ``ab``) stay products, as TeX reads them."""
    lower = word.lower()
    vowels = sum(ch in "aeiou" for ch in lower)
    return len(word) >= 4 and word.isalpha() and word.isascii() and 0 < vowels < len(word) \
        and len(set(lower)) >= 3 and not any(op in lower for op in _GLUED_OPERATORS)
