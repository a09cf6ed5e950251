"""Laying out formulas for where they are read: displays that fit a column, inline maths without tall fractions.

Why this exists: a formula that is right can still read badly. Jupyter Book 2 typesets with KaTeX in
a text column of 574 px at a 1440 px window (about 29.6 em of KaTeX's 1.21 em maths font), and
clips what is wider; the Adam derivation's lines are 650–680 px. In running text, a display-style
``\\frac{1}{\\sqrt{\\hat v_t} + \\varepsilon}`` is shrunk to a tiny stack and stretches the line.

So the renderer passes every display through :func:`fit_display` (rows wider than the budget are
broken after a ``+``/``−`` into aligned continuation rows, inside a bracket if one term alone is too
wide, pulling a coefficient out of a fraction first when that is what makes it wide) and every inline
formula through :func:`inline_fractions` (``\\frac{a}{b+c}`` → ``a/(b+c)``). Widths are *estimated*
from TeX tokens with a small font model (:func:`width_em`), calibrated against KaTeX in Chromium; the
slow tests measure the real widths of every generated page.

Only the layout changes, never the expression: breaking a row moves a term to the next line, and
pulling ``c`` out of ``c\\frac{N}{D}`` writes ``\\frac{c}{D}\\bigl(N\\bigr)``, the same product.
"""
from __future__ import annotations

import re

from .notation import GREEK_BY_CHAR

_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[A-Za-z]|\d|\s+|.", re.S)

# -- widths of KaTeX's fonts, in em (measured: Main/Math italic at 1.0) ------------------------------
_LETTER = 0.53
_DIGIT = 0.5
_BIN = 0.78 + 0.44  # + − · with medium spaces on both sides
_REL = 0.78 + 0.56  # = with thick spaces
_PAREN = 0.39
_SCRIPT = 0.7  # superscripts and subscripts
_CALIBRATION = 1.05  # the token model is ~5 % narrow on average
_SPACE = {r"\quad": 1.0, r"\qquad": 2.0, r"\,": 0.17, r"\;": 0.28, r"\:": 0.22, r"\!": -0.17, "~": 0.33, r"\ ": 0.33}
_WIDE = {r"\nabla": 0.83, r"\varepsilon": 0.47, r"\lambda": 0.58, r"\eta": 0.5, r"\mu": 0.6, r"\alpha": 0.64,
         r"\beta": 0.57, r"\theta": 0.47, r"\rho": 0.52, r"\tau": 0.52, r"\gamma": 0.52, r"\cdot": 0.28 + 0.44,
         r"\|": 0.5, r"\ldots": 1.2, r"\dots": 1.2, r"\cdots": 1.2}
_ZERO = {r"\left", r"\right", r"\displaystyle", r"\textstyle", r"\limits", r"\bigl", r"\bigr", r"\Bigl", r"\Bigr",
         r"\biggl", r"\biggr", r"\big", r"\Big", r"\bigg"}
_BIN_TOKENS = {"+", "-", r"\cdot", r"\pm", r"\times"}
_REL_TOKENS = {"=", r"\approx", r"\le", r"\ge", r"\leq", r"\geq", r"\equiv", r"\leftarrow", r"\gets", r"\to"}
_TEXT_MACROS = {r"\text", r"\textrm", r"\mathrm", r"\operatorname", r"\textit", r"\textbf"}


def tokens(latex: str) -> list[str]:
    return _TOKEN.findall(latex)


def _group(toks: list[str], i: int) -> tuple[list[str], int]:
    """The argument starting at ``toks[i]`` (a brace group or one token) and the index after it."""
    while i < len(toks) and toks[i].isspace():
        i += 1
    if i >= len(toks):
        return [], i
    if toks[i] != "{":
        return [toks[i]], i + 1
    depth = 0
    for j in range(i, len(toks)):
        depth += {"{": 1, "}": -1}.get(toks[j], 0)
        if depth == 0:
            return toks[i + 1:j], j + 1
    return toks[i + 1:], len(toks)


def width_em(latex: str, *, scale: float = 1.0) -> float:
    """Estimated width of ``latex`` as KaTeX typesets it in display style, in em of the maths font.

    Calibrated on the rows of the generated pages: within about ±6 % of KaTeX in Chromium.
    """
    return _CALIBRATION * _width(tokens(latex), scale, display=True)


def _width(toks: list[str], scale: float, *, display: bool) -> float:
    total = 0.0
    i = 0
    previous_operand = False
    while i < len(toks):
        tok = toks[i]
        if tok.isspace() or tok in _ZERO or tok in ("&", "{", "}"):
            i += 1
            continue
        if tok in (r"\\",):
            i += 1
            continue
        if tok == r"\frac":
            num, i = _group(toks, i + 1)
            den, i = _group(toks, i)
            inner = scale if display else scale * _SCRIPT
            total += max(_width(num, inner, display=False), _width(den, inner, display=False)) + 0.24 * scale
            previous_operand = True
            continue
        if tok == r"\sqrt":
            arg, i = _group(toks, i + 1)
            total += _width(arg, scale, display=display) + 0.85 * scale
            previous_operand = True
            continue
        if tok in (r"\hat", r"\bar", r"\tilde", r"\mathbf", r"\boldsymbol", r"\bm", r"\mathit", r"\vec"):
            arg, i = _group(toks, i + 1)
            total += _width(arg, scale, display=display) * (1.08 if tok in (r"\mathbf", r"\boldsymbol", r"\bm") else 1)
            previous_operand = True
            continue
        if tok in (r"\underbrace", r"\overbrace"):
            arg, i = _group(toks, i + 1)
            body = _width(arg, scale, display=display)
            j = i
            while j < len(toks) and toks[j].isspace():
                j += 1
            label = 0.0
            if j < len(toks) and toks[j] in ("_", "^"):
                lab, i = _group(toks, j + 1)
                label = _width(lab, scale * _SCRIPT, display=False)
            total += max(body, label)
            previous_operand = True
            continue
        if tok in ("_", "^"):
            arg, i = _group(toks, i + 1)
            total += _width(arg, scale * _SCRIPT, display=False) + 0.05 * scale
            continue
        if tok in _TEXT_MACROS:
            arg, i = _group(toks, i + 1)
            text = "".join(arg)
            total += (0.55 * len(text.replace(" ", "")) + 0.33 * text.count(" ")) * scale
            if tok == r"\operatorname":
                total += 0.17 * scale
            previous_operand = True
            continue
        if tok == r"\substack":
            arg, i = _group(toks, i + 1)
            rows = "".join(arg).split(r"\\")
            total += max(_width(tokens(r), scale, display=False) for r in rows)
            continue
        if tok in _SPACE:
            total += _SPACE[tok] * scale
            i += 1
            continue
        if tok in _BIN_TOKENS:
            # unary minus/plus (at the start or after an opening bracket or relation) has no spaces
            total += (_BIN if previous_operand else 0.78) * scale
            previous_operand = False
            i += 1
            continue
        if tok in _REL_TOKENS:
            total += _REL * scale
            previous_operand = False
            i += 1
            continue
        if tok in ("(", ")", "[", "]", r"\{", r"\}", "|", r"\lvert", r"\rvert"):
            total += _PAREN * scale
            previous_operand = tok in (")", "]", r"\}")
            i += 1
            continue
        if tok in (",", ";"):
            total += 0.45 * scale
            previous_operand = False
            i += 1
            continue
        if tok.startswith("\\"):
            total += _WIDE.get(tok, 0.6) * scale
        elif tok.isdigit():
            total += _DIGIT * scale
        else:
            total += _LETTER * scale
        previous_operand = True
        i += 1
    return total


# ---------------------------------------------------------------------------------------------
# Splitting at the top level
# ---------------------------------------------------------------------------------------------
def _depths(toks: list[str]) -> list[int]:
    out, depth = [], 0
    for tok in toks:
        if tok in ("{", r"\left", "(", "["):
            depth += 1
        out.append(depth)
        if tok in ("}", r"\right", ")", "]"):
            depth -= 1
    return out


def split_terms(latex: str) -> list[str]:
    """A sum at the top level split before each ``+``/``-`` (the sign stays with its term).

    ``w_{t-1} - \\eta_{t} (a + b)`` → ``["w_{t-1}", "- \\eta_{t} (a + b)"]``. Nothing inside braces,
    brackets or ``\\left…\\right`` is split, nor a leading sign.
    """
    toks = tokens(latex)
    depth = 0
    parts: list[list[str]] = [[]]
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok == r"\left" or tok in ("{", "(", "["):
            depth += 1
        elif tok == r"\right" or tok in ("}", ")", "]"):
            depth -= 1
        if depth == 0 and tok in ("+", "-") and "".join(parts[-1]).strip() and not _after_operator(parts[-1]):
            parts.append([])
        parts[-1].append(tok)
        if tok == r"\right" or tok == r"\left":
            # the delimiter after \left/\right belongs to it
            if i + 1 < len(toks):
                parts[-1].append(toks[i + 1])
                i += 1
        i += 1
    return ["".join(p).strip() for p in parts if "".join(p).strip()]


def _after_operator(toks: list[str]) -> bool:
    last = next((t for t in reversed(toks) if not t.isspace()), "")
    return last in _BIN_TOKENS or last in _REL_TOKENS or last in ("(", "[", "{", "&")


def _outer_bracket(term: str) -> tuple[str, str, str, str, str] | None:
    """``- \\eta_{t} (a + b)`` → ("- \\eta_{t} ", "(", "a + b", ")", "") when the term ends in a bracket."""
    toks = tokens(term.rstrip())
    if not toks:
        return None
    if toks[-1] == ")":
        close, end_at = ")", len(toks) - 1
        if end_at >= 2 and toks[end_at - 1] == r"\right":
            close, end_at = r"\right)", end_at - 1
        depth = 0
        for j in range(len(toks) - 1, -1, -1):
            if toks[j] == ")":
                depth += 1
            elif toks[j] == "(":
                depth -= 1
                if depth == 0:
                    opener, start = "(", j
                    if j >= 1 and toks[j - 1] == r"\left":
                        opener, start = r"\left(", j - 1
                    prefix = "".join(toks[:start])
                    inner = "".join(toks[j + 1:end_at])
                    return prefix, opener, inner, close, ""
    return None


def _coefficient_fraction(term: str) -> str | None:
    """``- \\eta_{t} \\frac{N}{D}`` with a sum N → ``- \\frac{\\eta_{t}}{D} \\bigl(N\\bigr)``, else None."""
    toks = tokens(term.strip())
    try:
        k = toks.index(r"\frac")
    except ValueError:
        return None
    num, after_num = _group(toks, k + 1)
    den, end = _group(toks, after_num)
    if "".join(toks[end:]).strip():
        return None
    head = "".join(toks[:k]).strip()
    sign = ""
    if head[:1] in "+-":
        sign, head = head[0] + " ", head[1:].strip()
    numerator = "".join(num)
    if len(split_terms(numerator)) < 2:
        # N = C·(a + b): C joins the coefficient, the sum is what gets broken
        found = _outer_bracket(numerator)
        if found is None or found[4] or len(split_terms(found[2])) < 2 or not found[0].strip():
            return None
        head, numerator = f"{head} {found[0].strip()}".strip(), found[2]
    if not head:
        return None
    return f"{sign}\\frac{{{head}}}{{{''.join(den)}}} \\left({numerator}\\right)"


# ---------------------------------------------------------------------------------------------
# Breaking displays
# ---------------------------------------------------------------------------------------------
_ALIGNED = re.compile(r"\\begin\{aligned\}(?P<body>.*?)\\end\{aligned\}", re.S)
_CONTINUE = r"&\quad "


def fit_display(body: str, budget_em: float) -> str:
    """Break the rows of a display wider than ``budget_em`` (see the module docstring).

    Handles ``aligned`` blocks (also inside ``\\left\\{ … \\right.``) and a single equation, which
    becomes an ``aligned`` block when it needs breaking. A row that cannot be broken is left as it is.
    """
    m = _ALIGNED.search(body)
    if m:
        rows = [r.strip() for r in re.split(r"\\\\", m.group("body")) if r.strip()]
        # an aligned block is as wide as its widest left column plus its widest right column
        lhs_width = max(width_em(r.partition("&")[0]) for r in rows)
        new_rows: list[str] = []
        for row in rows:
            new_rows.extend(_fit_row(row, budget_em, lhs_width))
        if new_rows == rows:
            return body
        inner = " \\\\\n".join(f"  {r}" for r in new_rows)
        return body[:m.start()] + f"\\begin{{aligned}}\n{inner}\n\\end{{aligned}}" + body[m.end():]
    if "\n" in body.strip() or width_em(body) <= budget_em:
        return body
    toks = tokens(body)
    depth = _depths(toks)
    eq = next((i for i, t in enumerate(toks) if t == "=" and depth[i] == 0), None)
    if eq is None:
        return body
    lhs = "".join(toks[:eq]).strip()
    row = lhs + " &= " + "".join(toks[eq + 1:]).strip()
    rows = _fit_row(row, budget_em, width_em(lhs))
    if len(rows) == 1:
        return body
    inner = " \\\\\n".join(f"  {r}" for r in rows)
    return f"\\begin{{aligned}}\n{inner}\n\\end{{aligned}}"


def _fit_row(row: str, budget: float, lhs_width: float) -> list[str]:
    """One row ``lhs &= rhs`` as rows whose right column fits ``budget`` less the left column."""
    lhs, sep, rhs = row.partition("&")
    if not sep:
        return [row]
    room_right = budget - lhs_width
    if width_em(rhs) <= room_right:
        return [row]
    rhs = rhs.strip()
    relation = ""
    for rel in ("=", r"\approx", r"\leftarrow"):
        if rhs.startswith(rel):
            relation, rhs = rel, rhs[len(rel):].strip()
            break
    lead = (f"{lhs.strip()} " if lhs.strip() else "") + f"&{relation} "
    full = room_right - (width_em(relation) if relation else 0.0)
    rest = room_right - width_em(r"\quad")
    lines: list[list[str]] = [[]]
    for term in split_terms(rhs):
        current = lines[-1]
        line_room = full if len(lines) == 1 else rest
        if width_em(" ".join(current + [term])) <= line_room:
            current.append(term)
            continue
        # what is left of the line for the first piece (a joined sign gets binary spacing: +0.44 em)
        room = line_room - (width_em(" ".join(current)) + 0.44 if current else 0.0)
        if current and width_em(" ".join(current)) < 0.25 * line_room:
            # a short line (w_{t-1} alone): break the term's bracket and start it here
            pieces = _pieces(term, room, rest)
            if len(pieces) > 1 and width_em(pieces[0]) <= room:
                current.append(pieces[0])
                lines.extend([p] for p in pieces[1:])
                continue
        pieces = _pieces(term, rest, rest)
        if current:
            lines.append([pieces[0]])
        else:
            current.append(pieces[0])
        lines.extend([p] for p in pieces[1:])
    out = [lead + " ".join(lines[0])]
    for line in lines[1:]:
        text = " ".join(line)
        out.append(r"&\qquad " + text[len(r"\quad "):] if text.startswith(r"\quad ") else _CONTINUE + text)
    return out


def _pieces(term: str, first_room: float, room: float) -> list[str]:
    """A term broken into pieces inside its bracket, the first fitting ``first_room`` and the others
    ``room`` (after pulling a coefficient out of a fraction when that is what makes it wide); the
    term itself when it fits or cannot be broken."""
    if width_em(term) <= first_room:
        return [term]
    pulled = _coefficient_fraction(term)
    if pulled is not None:
        term = pulled
    found = _outer_bracket(term)
    if found is None:
        return [term]
    prefix, _opener, inner, _closer, _ = found
    inner_terms = split_terms(inner)
    if len(inner_terms) < 2:
        return [term]
    tall = r"\frac" in inner or r"\frac" in prefix  # brackets as tall as the fraction beside them
    left, right = (r"\biggl(", r"\biggr)") if tall else (r"\bigl(", r"\bigr)")
    pieces: list[str] = []
    current = f"{prefix}{left}{inner_terms[0]}"
    for t in inner_terms[1:]:
        candidate = f"{current} {t}"
        limit = first_room if not pieces else room
        if width_em(candidate) > limit:
            pieces.append(current)
            current = r"\quad " + t
        else:
            current = candidate
    pieces.append(current + right)
    return pieces


# ---------------------------------------------------------------------------------------------
# Inline maths
# ---------------------------------------------------------------------------------------------
def inline_fractions(latex: str) -> str:
    """``\\frac{N}{D}`` → ``N/D`` with brackets where needed, for maths in running text.

    ``\\frac{1}{\\sqrt{\\hat{v}_{t}} + \\varepsilon}`` → ``1/(\\sqrt{\\hat{v}_{t}} + \\varepsilon)``;
    ``\\frac{\\lambda}{2}`` → ``\\lambda/2``. Fractions in sub- and superscripts are rewritten too.
    """
    toks = tokens(latex)
    return _inline(toks)


def _inline(toks: list[str]) -> str:
    out: list[str] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok in (r"\frac", r"\dfrac", r"\tfrac"):
            num, j = _group(toks, i + 1)
            den, k = _group(toks, j)
            n, d = _inline(num).strip(), _inline(den).strip()
            out.append(f"{_operand(n, numerator=True)}/{_operand(d, numerator=False)}")
            i = k
            continue
        out.append(tok)
        i += 1
    return "".join(out)


def _operand(text: str, *, numerator: bool) -> str:
    """``text`` as one side of ``/``: bracketed when it is a sum, or (in the denominator) a product."""
    toks = [t for t in tokens(text) if not t.isspace()]
    if len(split_terms(text)) > 1 or (toks and toks[0] in ("-", "+") and len(toks) > 2):
        return f"({text})"
    if not numerator and _is_product(text):
        return f"({text})"
    return text


def _is_product(text: str) -> bool:
    """More than one factor at the top level (``2 \\eta``, ``(1 - \\beta) \\sqrt{v}``)."""
    toks = [t for t in tokens(text) if not t.isspace()]
    count, i = 0, 0
    while i < len(toks):
        tok = toks[i]
        if tok in ("_", "^"):
            _, i = _group(toks, i + 1)
            continue
        count += 1
        if tok == "{":
            _, i = _group(toks, i)
        elif tok in ("(", "["):
            i = _matching(toks, i, tok, ")" if tok == "(" else "]") + 1
        elif tok == r"\left":
            i = _matching(toks, i, r"\left", r"\right") + 2
        elif tok in (r"\sqrt", r"\hat", r"\bar", r"\tilde", r"\mathbf", r"\boldsymbol", r"\operatorname", r"\text"):
            _, i = _group(toks, i + 1)
        elif tok == r"\frac":
            _, i = _group(toks, i + 1)
            _, i = _group(toks, i)
        else:
            i += 1
            while tok.isdigit() and i < len(toks) and toks[i].isdigit():
                i += 1
    return count > 1


def _matching(toks: list[str], i: int, opener: str, closer: str) -> int:
    depth = 0
    for j in range(i, len(toks)):
        if toks[j] == opener:
            depth += 1
        elif toks[j] == closer:
            depth -= 1
            if depth == 0:
                return j
    return len(toks) - 1


# ---------------------------------------------------------------------------------------------
# Whole documents
# ---------------------------------------------------------------------------------------------
def inline_regions(text: str) -> list[tuple[int, int]]:
    """Content spans of the inline ``$…$`` formulas of a generated document (not ``$$``, not ``\\[``)."""
    from .notation import math_regions

    return [(a, b) for a, b in math_regions(text)
            if a >= 1 and text[a - 1] == "$" and (a < 2 or text[a - 2] != "$")]


def inline_fractions_in(text: str) -> str:
    """Every inline formula of a document with its fractions slashed (:func:`inline_fractions`)."""
    out: list[str] = []
    last = 0
    for a, b in inline_regions(text):
        out.append(text[last:a])
        out.append(inline_fractions(text[a:b]))
        last = b
    out.append(text[last:])
    return "".join(out)


def stacked_label(text: str, *, width: int = 12) -> str:
    """A label for an ``\\underbrace`` in one or two ``\\text`` lines (split at the space nearest the
    middle), so that a label wider than what it marks does not open a gap around it."""
    words = text.split()
    if len(text) <= width or len(words) < 2:
        return f"\\text{{{text}}}"
    best = min(range(1, len(words)), key=lambda k: abs(len(" ".join(words[:k])) - len(" ".join(words[k:]))))
    return f"\\substack{{\\text{{{' '.join(words[:best])}}} \\\\ \\text{{{' '.join(words[best:])}}}}}"


# ---------------------------------------------------------------------------------------------
# Plain text for headings and titles
# ---------------------------------------------------------------------------------------------
_GREEK_CHARS = {"\\" + name: char for char, name in GREEK_BY_CHAR.items()} | {r"\epsilon": "ε", r"\nabla": "∇"}
_SUB = str.maketrans("0123456789+-", "₀₁₂₃₄₅₆₇₈₉₊₋")
_SUP_LETTERS = dict(zip("abdefghijklmnoprstuvwxyz", "ᵃᵇᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"))
_SUP = str.maketrans("0123456789+-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻")


def plain_text(text: str) -> str:
    """A heading without TeX: ``Adam with $l_2$`` → ``Adam with l₂`` (page titles show raw TeX otherwise)."""
    def math(m: re.Match[str]) -> str:
        return math_to_text(m.group(1))
    out = re.sub(r"\$\$?(.+?)\$\$?", math, text)
    out = re.sub(r"\\(?:emph|textbf|textit|texttt|text)\{([^{}]*)\}", r"\1", out)
    return re.sub(r"\s+", " ", out.replace("{", "").replace("}", "")).strip()


def math_to_text(tex: str) -> str:
    """Short inline TeX as Unicode (``l_2`` → ``l₂``, ``\\beta_1`` → ``β₁``); unknown macros lose their backslash."""
    out = tex
    for macro, char in sorted(_GREEK_CHARS.items(), key=lambda kv: -len(kv[0])):
        out = re.sub(re.escape(macro) + r"(?![A-Za-z])", char, out)
    out = re.sub(r"_\{([0-9+-]+)\}|_([0-9])", lambda m: (m.group(1) or m.group(2)).translate(_SUB), out)
    out = re.sub(r"\^\{([0-9+-]+)\}|\^([0-9])", lambda m: (m.group(1) or m.group(2)).translate(_SUP), out)
    out = re.sub(r"\^\{?([a-z])\}?", lambda m: _SUP_LETTERS.get(m.group(1), m.group(1)), out)
    out = re.sub(r"\\([A-Za-z]+)", r"\1", out)
    return out.replace("{", "").replace("}", "").replace("_", "").strip()
