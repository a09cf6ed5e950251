"""A course's own notation: w → θ, η → α, t → k, applied to every formula derive writes.

The engine works in one canonical notation (``w_{t-1}``, ``\\eta_{t}``, ``\\beta_{1}^{t}``; see
:mod:`derive.symbols`). Courses write θ for the weights, α for the learning rate, k for the step. A
:class:`Notation` is the map between the two, read from ``[tool.derive.notation]`` in the nearest
``pyproject.toml`` (:func:`load_notation`) or from a command-line flag (:func:`parse_notation`)::

    [tool.derive.notation]
    w = "\\theta"      # the weights
    eta = "\\alpha"    # the learning rate (η_t becomes α_t)
    alpha = "\\alpha_0"  # the paper's base rate, which would otherwise clash with the new α
    t = "k"           # the step index: w_{t-1} becomes θ_{k-1}

Why a token rewrite and not a renaming of SymPy symbols: the printer lays expressions out by the
*role* of each symbol (hyperparameters before state), and the hand-written maths of the templates
(``L(w)``, ``\\|w\\|_2^2``) must follow the same map. So the map is applied to the LaTeX of every
math region of a finished document, one TeX token at a time: a letter or a control word is replaced
as a whole (``\\eta`` never matches inside ``\\beta``), the arguments of ``\\text{…}``,
``\\operatorname{…}`` and environment names are left alone, and the step index keeps its offset
(``t-1`` → ``k-1``; with ``t = "k+1"``, ``t-1`` → ``k``). The replacement is simultaneous, so η → α,
α → α₀ is a consistent renaming; a target that the document also uses for something else (η → α
while α is the paper's base rate) is an error, never a silent clash.

The notes checker reads the same map in the other direction (:meth:`Notation.to_canonical`).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping

from .errors import UsageError

#: Names a user may use for a key, besides the LaTeX token itself.
_GREEK = ("alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
          "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi",
          "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega")
GREEK_BY_CHAR = dict(zip("αβγδεζηθικλμνξπρστυφχψωΓΔΘΛΞΠΣΦΨΩ",
                    ("alpha", "beta", "gamma", "delta", "varepsilon", "zeta", "eta", "theta", "iota", "kappa",
                     "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "varphi", "chi", "psi",
                     "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega")))
#: The canonical spellings of a few keys (the engine writes \varepsilon, never \epsilon).
_CANONICAL_KEY = {r"\epsilon": r"\varepsilon", "lam": r"\lambda", "eps": r"\varepsilon"}
#: Macros whose first brace group is text or a name, not maths: copied verbatim.
_VERBATIM_ARG = {r"\text", r"\textrm", r"\textit", r"\textbf", r"\mathrm", r"\operatorname", r"\begin", r"\end",
                 r"\label", r"\mbox", r"\emph", r"\texttt", r"\ref", r"\eqref", r"\tag"}
_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[A-Za-z]|\d+|\s+|.", re.S)
_INDEX_VALUE = re.compile(r"^\s*([A-Za-z])\s*(?:([+-])\s*(\d+))?\s*$")


class NotationError(UsageError):
    """A notation map that cannot be applied: an unknown key, a bad value, or a clash."""


@dataclass(frozen=True)
class Notation:
    """The course's notation: ``symbols`` maps canonical TeX tokens (``w``, ``\\eta``) to the course's
    LaTeX; the step index ``t`` is written ``index`` (+ ``index_offset``). ``source`` says where the
    map came from (for error messages)."""

    symbols: tuple[tuple[str, str], ...] = ()
    index: str = "t"
    index_offset: int = 0
    source: str | None = field(default=None, compare=False)

    # -- construction --------------------------------------------------------------------------
    @property
    def is_identity(self) -> bool:
        return not self.symbols and self.index == "t" and self.index_offset == 0

    def merged(self, other: "Notation") -> "Notation":
        """This map overridden by ``other`` (a flag over the project's file, a file over the project)."""
        table = dict(self.symbols)
        table.update(dict(other.symbols))
        index, offset = (other.index, other.index_offset) if (other.index, other.index_offset) != ("t", 0) \
            else (self.index, self.index_offset)
        sources = [s for s in (self.source, other.source) if s]
        return Notation(tuple(sorted(table.items())), index, offset, " + ".join(sources) or None)

    def describe(self) -> str:
        """``w → \\theta, \\eta → \\alpha, t → k``: for messages and generated-file headers."""
        parts = [f"{k} → {v}" for k, v in self.symbols]
        if (self.index, self.index_offset) != ("t", 0):
            parts.append(f"t → {_index_text(self.index, self.index_offset)}")
        return ", ".join(parts) or "the built-in notation"

    # -- rewriting -----------------------------------------------------------------------------
    def to_user(self, latex: str) -> str:
        """One formula from the engine's notation into the course's."""
        if self.is_identity:
            return latex
        return _rewrite(latex, dict(self.symbols), ("t", 0), (self.index, self.index_offset), self)

    def to_canonical(self, latex: str) -> str:
        """One formula from the course's notation back into the engine's (what the checker reads).

        A target is matched token by token as the map writes it (``\\alpha_0`` but not ``\\alpha_{0}``).
        """
        if self.is_identity:
            return latex
        reverse = {v.strip(): k for k, v in self.symbols}
        return _rewrite(latex, reverse, (self.index, self.index_offset), ("t", 0), self)

    def document(self, text: str) -> str:
        """Every math region (``$…$``, ``$$…$$``, ``\\[…\\]``, ``\\(…\\)``) of a generated document
        rewritten with :meth:`to_user`; the prose between them is left alone."""
        if self.is_identity:
            return text
        out: list[str] = []
        last = 0
        for start, end in math_regions(text):
            out.append(text[last:start])
            out.append(self.to_user(text[start:end]))
            last = end
        out.append(text[last:])
        return "".join(out)


def _index_text(letter: str, offset: int) -> str:
    return letter if offset == 0 else f"{letter}{offset:+d}"


def math_regions(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the *contents* of the math regions of a document derive generated.

    Recognises ``$$…$$``, ``$…$``, ``\\[…\\]`` and ``\\(…\\)``; an escaped ``\\$`` is text. Meant for
    derive's own output (whose prose never holds a bare ``$``), not for arbitrary documents.
    """
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n:
            nxt = text[i + 1]
            if nxt in "[(":
                closer = "\\]" if nxt == "[" else "\\)"
                end = text.find(closer, i + 2)
                if end < 0:
                    return
                yield i + 2, end
                i = end + 2
                continue
            i += 2
            continue
        if ch == "$":
            if text.startswith("$$", i):
                end = text.find("$$", i + 2)
                if end < 0:
                    return
                yield i + 2, end
                i = end + 2
                continue
            j = i + 1
            while j < n and text[j] != "$":
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                return
            yield i + 1, j
            i = j + 1
            continue
        i += 1


def _rewrite(latex: str, table: Mapping[str, str], index_from: tuple[str, int], index_to: tuple[str, int],
             notation: Notation) -> str:
    tokens = _TOKEN.findall(latex)
    keys = sorted(((_solid(k), v) for k, v in table.items()), key=lambda kv: -len(kv[0]))
    targets = {tuple(_solid(v)) for v in table.values()}
    mapped_away = {tuple(k) for k, _ in keys}
    out: list[str] = []
    i = 0
    letter_from, offset_from = index_from
    letter_to, offset_to = index_to
    moving_index = index_from != index_to
    clash_index = moving_index and letter_to != letter_from and letter_to in _letters(tokens) and (letter_to,) not in mapped_away
    while i < len(tokens):
        tok = tokens[i]
        if tok in _VERBATIM_ARG:
            j = i + 1
            while j < len(tokens) and tokens[j].isspace():
                j += 1
            if j < len(tokens) and tokens[j] == "{":
                depth, k = 0, j
                while k < len(tokens):
                    depth += {"{": 1, "}": -1}.get(tokens[k], 0)
                    if depth == 0:
                        break
                    k += 1
                out.extend(tokens[i:k + 1])
                i = k + 1
                continue
        if moving_index and tok == letter_from:
            offset, consumed = _read_offset(tokens, i + 1)
            if clash_index:
                raise NotationError(f"the notation writes the step index as {letter_to}, but this formula already "
                                    f"uses {letter_to}: {latex.strip()[:80]}")
            out.append(_index_text(letter_to, offset - offset_from + offset_to))
            i = consumed
            continue
        for key, value in keys:
            end = _match(tokens, i, key)
            if end is None:
                continue
            nxt = tokens[end] if end < len(tokens) else ""
            if nxt in ("_", "^") and any(c in value for c in "_^"):
                value = "{" + value + "}"  # \alpha_0 before _{k}: a double subscript otherwise
            elif value[-1:].isalpha() and value.lstrip().startswith("\\") and nxt[:1].isalpha():
                value += " "  # \theta followed by a letter must not run into \thetaw
            out.append(value)
            i = end
            break
        else:
            for target in targets:
                if target not in mapped_away and _match(tokens, i, list(target)) is not None:
                    shown = "".join(target)
                    sources = ", ".join(k for k, v in table.items() if tuple(_solid(v)) == target)
                    where = f" from {notation.source}" if notation.source else ""
                    raise NotationError(f"the notation{where} writes {sources} as {shown}, but this formula already "
                                        f"uses {shown} for something else (map {shown} too): {latex.strip()[:80]}")
            out.append(tok)
            i += 1
    return "".join(out)


def _solid(text: str) -> list[str]:
    """The TeX tokens of ``text`` without white space."""
    return [t for t in _TOKEN.findall(text.strip()) if not t.isspace()]


def _match(tokens: list[str], i: int, key: list[str]) -> int | None:
    """Index just past ``key`` matched at ``tokens[i]`` (white space between key tokens allowed)."""
    j = i
    for want in key:
        while j < len(tokens) and tokens[j].isspace() and j > i:
            j += 1
        if j >= len(tokens) or tokens[j] != want:
            return None
        j += 1
    return j


def _letters(tokens: list[str]) -> set[str]:
    return {t for t in tokens if len(t) == 1 and t.isalpha()}


def _read_offset(tokens: list[str], i: int) -> tuple[int, int]:
    """``- 1`` / ``+2`` after an index letter: (offset, index after it); (0, i) when there is none."""
    j = i
    while j < len(tokens) and tokens[j].isspace():
        j += 1
    if j < len(tokens) and tokens[j] in "+-" and tokens[j]:
        k = j + 1
        while k < len(tokens) and tokens[k].isspace():
            k += 1
        if k < len(tokens) and tokens[k].isdigit():
            # only inside a subscript or superscript group: "t - 1}" or "t-1}"; not "t - 1 + x" in a sum
            after = k + 1
            while after < len(tokens) and tokens[after].isspace():
                after += 1
            if after >= len(tokens) or tokens[after] in ("}",):
                sign = 1 if tokens[j] == "+" else -1
                return sign * int(tokens[k]), k + 1
    return 0, i


# ---------------------------------------------------------------------------------------------
# Reading a map
# ---------------------------------------------------------------------------------------------
def _key(name: str) -> str:
    raw = name.strip()
    if raw in GREEK_BY_CHAR:
        raw = "\\" + GREEK_BY_CHAR[raw]
    elif raw in _GREEK:
        raw = "\\" + raw
    raw = _CANONICAL_KEY.get(raw, raw)
    if not (re.fullmatch(r"[A-Za-z]", raw) or re.fullmatch(r"\\[A-Za-z]+", raw)):
        raise NotationError(f"notation key {name!r}: give one letter (w), a Greek name (eta) or a macro (\\eta)")
    return raw


def _value(key: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise NotationError(f"notation for {key}: give the LaTeX to write instead, e.g. \"\\\\theta\"")
    text = value.strip()
    if text in GREEK_BY_CHAR:
        text = "\\" + GREEK_BY_CHAR[text]
    if any(c in text for c in "$%#&") or "\\\\" in text or text.count("{") != text.count("}"):
        raise NotationError(f"notation for {key}: {value!r} is not a piece of math (no $, %, #, &, \\\\, "
                            "and balanced braces)")
    return text


def parse_notation(spec: str | Mapping[str, object], *, source: str | None = None) -> Notation:
    """A map from ``"w=\\theta,eta=\\alpha,t=k"`` (a flag) or a TOML table (``{"w": "\\\\theta"}``)."""
    if isinstance(spec, str):
        pairs: list[tuple[str, object]] = []
        for part in spec.split(","):
            if not part.strip():
                continue
            if "=" not in part:
                raise NotationError(f"notation {part.strip()!r}: write NAME=LATEX, e.g. w=\\theta")
            k, v = part.split("=", 1)
            pairs.append((k, v))
    else:
        pairs = list(spec.items())
    table: dict[str, str] = {}
    index, offset = "t", 0
    for raw_key, raw_value in pairs:
        key = _key(str(raw_key))
        if key == "t":
            m = _INDEX_VALUE.match(str(raw_value))
            if m is None:
                raise NotationError(f"notation for the step index t: give a letter, optionally with an offset "
                                    f"(k, or k+1 for θ_{{k+1}} = θ_k − …), not {raw_value!r}")
            index = m.group(1)
            offset = int(m.group(3) or 0) * (-1 if m.group(2) == "-" else 1)
            continue
        value = _value(key, raw_value)
        if value != key:
            table[key] = value
    seen: dict[str, str] = {}
    for k, v in table.items():
        if v in seen:
            raise NotationError(f"notation writes both {seen[v]} and {k} as {v}")
        seen[v] = k
    if index in seen or index in table:
        raise NotationError(f"notation uses {index} both for the step index and for a symbol")
    return Notation(tuple(sorted(table.items())), index, offset, source)


def find_pyproject(start_dir: str | os.PathLike[str]) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start_dir`` (a file's folder for a file)."""
    here = Path(start_dir).resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_notation(start_dir: str | os.PathLike[str]) -> Notation:
    """The notation of the project ``start_dir`` belongs to: ``[tool.derive.notation]`` of the nearest
    ``pyproject.toml`` (the identity map when there is none, or when it has no such table).

    A malformed file or map is a one-line :class:`NotationError` naming the file.
    """
    path = find_pyproject(start_dir)
    if path is None:
        return Notation()
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ModuleNotFoundError:
            raise NotationError(f"{path}: reading pyproject.toml needs Python 3.11 or the tomli package") from None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise NotationError(f"{path}: cannot read: {err}") from None
    table = data.get("tool", {}).get("derive", {}).get("notation")
    if table is None:
        return Notation()
    if not isinstance(table, dict):
        raise NotationError(f"{path}: [tool.derive] notation must be a table, e.g. notation = {{ w = \"\\\\theta\" }}")
    try:
        return parse_notation(table, source=str(path))
    except NotationError as err:
        raise NotationError(f"{path}: {err}") from None
