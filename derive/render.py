"""Rendering derivations as lecture notes: a standalone LaTeX article, a fragment to ``\\input``, MyST
Markdown for Jupyter Book, and PDF; in Russian, English, or any language a user adds a prose file for.

Why it is shaped this way:

* **All maths comes from the engine.** Templates hold prose and layout only; every formula in them
  is a string that :class:`DerivationView` took from a :class:`derive.derivation.Derivation` (the
  one exception is the definition of the L2 objective, which is the premise, not a result). So a
  rendered note can never disagree with what the engine proved. A user's own system
  (``--system notes.md``, :mod:`derive.usersystem`) goes through the same view and templates.
* **One Jinja environment** (:func:`get_env`): a user's template folder first, then the built-in
  ``derive.templates``, which also answer to ``builtin/NAME`` so that a user's ``optimizer.j2`` can
  ``\\BLOCK{extends "builtin/optimizer.j2"}`` and override one block; ``StrictUndefined`` so a
  misspelt variable is an error, not a blank; LaTeX-friendly delimiters (``\\VAR{…}``,
  ``\\BLOCK{…}``, ``\\#{…}``); Jinja's sandbox with ``--sandbox`` for templates one did not write.
  Any error in a template is one line naming the file, the line and the block or macro
  (:func:`render_template`), exit code 2.
* **Prose lives in templates** (``prose-ru.j2``, ``prose-en.j2``: Jinja macros, one per sentence or
  phrase, with only ``$…$`` inline math, which means the same in LaTeX and MyST). Templates reach
  them through ``p`` (:class:`Prose`), which looks a macro up in the user's file of the language
  first, then in the built-in one, then in the English one: a user's ``prose-ru.j2`` needs only the
  macros it changes, and a ``prose-de.j2`` makes ``--lang de`` available. Built-in macros call each
  other through ``p`` too, so overriding ``name`` changes every sentence that names the method.
* **Pages that look right where they are read** (:mod:`derive.layout`): headings without maths in
  MyST (page titles show raw TeX otherwise), displays broken into aligned rows that fit Jupyter Book
  2's text column, fractions in running text written with a slash.
* **The course's notation** (:mod:`derive.notation`): w → θ, η → α, t → k from ``[tool.derive.notation]``
  or ``--notation``, applied to every formula of every output as the last step.
* **Deterministic bytes.** No dates, sorted iteration, PDF built with ``SOURCE_DATE_EPOCH`` fixed, so
  ``derive render --check`` can compare committed notes with a fresh render byte for byte.

The CLI side (:func:`add_arguments`, :func:`run`) only parses arguments and calls the typed workers
(:func:`plan`, :func:`render_files`, :func:`compile_pdf`); every error becomes one line and an exit code.
The module is callable: ``derive.render("adam", reg="l2", formats=("md",))`` is :func:`render`.
"""
from __future__ import annotations

import argparse
import importlib.resources
import os
import re
import shutil
import subprocess
import sys
import tempfile
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import jinja2
import jinja2.sandbox
import sympy as sp

from . import symbols as S
from .errors import DeriveError, RenderError, UsageError
from .layout import fit_display, inline_fractions_in, plain_text, stacked_label
from .notation import Notation
from .writer import compare, write_all

if TYPE_CHECKING:
    from .usersystem import OwnSystem

Lang = str
Format = Literal["tex", "fragment", "md", "pdf"]

#: Languages with built-in prose; any other needs ``prose-LANG.j2`` in the user's template folder.
LANGS: tuple[Lang, ...] = ("ru", "en")
FORMATS: tuple[Format, ...] = ("tex", "fragment", "md", "pdf")
DEFAULT_FORMATS: tuple[Format, ...] = ("tex", "fragment", "md")
ENGINES: tuple[str, ...] = ("pdflatex", "xelatex", "lualatex")
REG_MODES: tuple[str, ...] = ("none", "l2", "decoupled")
FLAGSHIP = "weight-decay"
BUILTIN = "builtin/"
FLAGSHIP_SVG = "weight-decay.decay.svg"  # the decay figure of the flagship's MyST pages
#: The three derivations the flagship exercise is built from, as (optimizer, mode).
FLAGSHIP_PARTS: dict[str, tuple[str, str]] = {
    "momentum": ("momentum", "l2"),
    "adam": ("adam", "l2"),
    "adamw": ("adamw", "decoupled"),
}
#: File-name suffix of each text format.
SUFFIX: dict[Format, str] = {"tex": ".tex", "fragment": ".fragment.tex", "md": ".md", "pdf": ".pdf"}
#: Width budgets of a display, in em of the maths font (estimated by :func:`derive.layout.width_em`):
#: Jupyter Book 2's column is 574 px at a 1440 px window, ≈ 29.6 em of KaTeX's 19.36 px maths font,
#: less the estimator's error; an A4 article with 2.2 cm margins is ≈ 42.7 em at 11 pt.
WIDTH_EM: dict[str, float] = {"md": 27.5, "tex": 40.0}


@dataclass(frozen=True)
class Language:
    """What the preamble needs to know about a language: babel's name for it and the font encoding
    pdflatex needs (T2A for Cyrillic)."""

    code: str
    babel: str
    fontenc: str = "T1"

    @property
    def cyrillic(self) -> bool:
        return self.fontenc == "T2A"


_LANGUAGES = {
    "en": Language("en", "english"), "ru": Language("ru", "russian", "T2A"), "de": Language("de", "ngerman"),
    "fr": Language("fr", "french"), "es": Language("es", "spanish"), "it": Language("it", "italian"),
    "pt": Language("pt", "portuguese"), "nl": Language("nl", "dutch"), "pl": Language("pl", "polish"),
    "cs": Language("cs", "czech"), "uk": Language("uk", "ukrainian", "T2A"), "bg": Language("bg", "bulgarian", "T2A"),
    "be": Language("be", "belarusian", "T2A"), "tr": Language("tr", "turkish"), "sv": Language("sv", "swedish"),
    "fi": Language("fi", "finnish"), "da": Language("da", "danish"), "no": Language("no", "norsk"),
}


def language(code: str, prose: "Prose | None" = None) -> Language:
    """The language ``code``; a prose file may name babel's language itself (``\\BLOCK{set babel = "…"}``)."""
    known = _LANGUAGES.get(code)
    babel = prose.get("babel") if prose is not None else None
    fontenc = prose.get("fontenc") if prose is not None else None
    if babel is None and known is None:
        raise RenderError(f"prose-{code}.j2: derive does not know babel's name for {code!r}; "
                          f"add \\BLOCK{{set babel = \"…\"}} to the file")
    base = known or Language(code, str(babel))
    return Language(code, str(babel or base.babel), str(fontenc or base.fontenc))


# ---------------------------------------------------------------------------------------------
# Jinja environment
# ---------------------------------------------------------------------------------------------
class TemplateLoader(jinja2.BaseLoader):
    """The user's folder first, then the built-in templates (read through importlib.resources, so it
    also works from a zipped wheel); ``builtin/NAME`` is always the built-in one.

    A user template that is not UTF-8 is a one-line :class:`RenderError` naming the file and line.
    """

    def __init__(self, user_dir: Path | None = None, package: str = "derive.templates") -> None:
        self.user_dir = user_dir
        self.package = package
        self.served: dict[str, str] = {}  # filename reported to Jinja -> template name

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool]]:
        parts = [p for p in template.split("/") if p]
        if not parts or any(p in (".", "..") for p in parts):
            raise jinja2.TemplateNotFound(template)
        if template.startswith(BUILTIN):
            return self._builtin(template[len(BUILTIN):])
        if self.user_dir is not None:
            path = self.user_dir.joinpath(*parts)
            if path.is_file():
                raw = path.read_bytes()
                try:
                    source = raw.decode("utf-8")
                except UnicodeDecodeError as err:
                    line = raw.count(b"\n", 0, err.start) + 1
                    raise RenderError(f"template {path}:{line}: not UTF-8 (byte 0x{raw[err.start]:02x}); "
                                      "save the file as UTF-8") from None
                mtime = path.stat().st_mtime
                self.served[str(path)] = template
                return source, str(path), lambda: path.is_file() and path.stat().st_mtime == mtime
        return self._builtin(template)

    def _builtin(self, name: str) -> tuple[str, str, Callable[[], bool]]:
        resource = importlib.resources.files(self.package)
        for part in name.split("/"):
            resource = resource.joinpath(part)
        if not resource.is_file():
            raise jinja2.TemplateNotFound(name)
        filename = f"derive.templates/{name}"
        self.served[filename] = BUILTIN + name
        return resource.read_text(encoding="utf-8"), filename, lambda: True

    def builtin_names(self) -> list[str]:
        root = importlib.resources.files(self.package)
        return sorted(item.name for item in root.iterdir() if item.name.endswith(".j2"))

    def user_names(self) -> list[str]:
        if self.user_dir is None:
            return []
        return sorted(p.name for p in self.user_dir.iterdir() if p.is_file() and p.name.endswith(".j2"))

    def list_templates(self) -> list[str]:
        return sorted(set(self.builtin_names()) | set(self.user_names()))

    def source_of(self, filename: str) -> str | None:
        """The text of a template Jinja reported as ``filename`` (for locating an error)."""
        name = self.served.get(filename)
        if name is None:
            return None
        try:
            if name.startswith(BUILTIN):
                return self._builtin(name[len(BUILTIN):])[0]
            return Path(filename).read_text(encoding="utf-8", errors="replace")
        except (OSError, jinja2.TemplateNotFound):
            return None


def get_env(user_dir: str | os.PathLike[str] | None = None, *, sandbox: bool = False) -> jinja2.Environment:
    """The one Jinja environment every rendering goes through.

    ``user_dir`` (``--templates DIR``) is searched first, so a user overrides any built-in template,
    one block of one (``extends "builtin/…"``), or a few prose macros. ``sandbox`` renders with
    Jinja's :class:`~jinja2.sandbox.SandboxedEnvironment` (``--sandbox``): templates from a pull
    request cannot reach Python internals (underscore attributes, ``__class__`` and the like).
    """
    folder = None
    if user_dir is not None:
        folder = Path(user_dir)
        if not folder.is_dir():
            raise RenderError(f"template folder {folder} does not exist")
    cls = jinja2.sandbox.SandboxedEnvironment if sandbox else jinja2.Environment
    env = cls(
        loader=TemplateLoader(folder),
        block_start_string=r"\BLOCK{",
        block_end_string="}",
        variable_start_string=r"\VAR{",
        variable_end_string="}",
        comment_start_string=r"\#{",
        comment_end_string="}",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["latex"] = _latex_filter
    env.filters["tex_escape"] = tex_escape
    env.filters["md_escape"] = md_escape
    return env


def _latex_filter(value: Any) -> str:
    """``\\VAR{expr|latex}``: a SymPy expression (or a symbol) in the notes' notation."""
    from .printing import latex

    if isinstance(value, str):
        return value
    return latex(sp.sympify(value))


_TEX_SPECIALS = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}


def tex_escape(text: str) -> str:
    """Plain text (e.g. a catalog title) made safe for LaTeX text mode."""
    return "".join(_TEX_SPECIALS.get(ch, ch) for ch in text)


def md_escape(text: str) -> str:
    """Plain text made safe for Markdown inline content (no accidental emphasis, links or math)."""
    return re.sub(r"([\\`*_\[\]<>$#|])", r"\\\1", text)


def render_template(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render one template; any error in it becomes a one-line :class:`RenderError` (exit code 2)
    that names the template file, the line and the block or macro at fault."""
    try:
        return env.get_template(name).render(**context)
    except Exception as err:  # noqa: BLE001 - every failure of user code in a template is reported, none escapes
        raise template_error(err, env, name) from None


def template_error(err: BaseException, env: jinja2.Environment, name: str) -> RenderError:
    """The one-line error for an exception raised while rendering ``name``.

    Jinja rewrites tracebacks so that template frames carry the template's file name and line; the
    innermost such frame is where the template failed, and the ``\\BLOCK{block …}``/``\\BLOCK{macro …}``
    that encloses that line is named too.
    """
    if isinstance(err, RenderError):
        if str(err).startswith("template "):
            return err
    if isinstance(err, jinja2.TemplateNotFound):
        return RenderError(f"template {err.name!r} not found (looked in {_where(env)})"
                           + (f", included from {name}" if err.name != name else ""))
    if isinstance(err, jinja2.TemplateSyntaxError):
        where = err.filename or err.name or name
        return RenderError(f"template {where}:{err.lineno}: {err.message}")
    location = _location(err, env) or name
    if isinstance(err, RecursionError):
        what = "recursion too deep (a macro, block or include that calls itself?)"
    elif isinstance(err, jinja2.sandbox.SecurityError):
        what = f"not allowed in the sandbox: {err}"
    elif isinstance(err, jinja2.UndefinedError):
        what = err.message or str(err)
    elif isinstance(err, DeriveError):
        what = str(err)
    else:
        what = f"{type(err).__name__}: {err}"
    return RenderError(f"template {location}: {' '.join(str(what).split())}")


def _location(err: BaseException, env: jinja2.Environment) -> str | None:
    loader = env.loader
    if not isinstance(loader, TemplateLoader):
        return None
    found: tuple[str, int] | None = None
    tb = err.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename in loader.served:
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    if found is None:
        return None
    filename, line = found
    source = loader.source_of(filename)
    scope = enclosing_scope(source, line) if source is not None else None
    return f"{filename}:{line}" + (f" ({scope})" if scope else "")


_SCOPE = re.compile(r"\\BLOCK\{-?\s*(?P<kind>macro|block|endmacro|endblock)\b\s*(?P<name>[A-Za-z_][A-Za-z_0-9]*)?")


def enclosing_scope(source: str, line: int) -> str | None:
    """``macro title`` or ``block task``: the innermost macro or block open at ``line`` of a template."""
    stack: list[str] = []
    for number, text in enumerate(source.split("\n"), start=1):
        for m in _SCOPE.finditer(text):
            if number > line:
                break
            kind = m.group("kind")
            if kind in ("macro", "block"):
                stack.append(f"{kind} {m.group('name')}")
            elif stack:
                stack.pop()
        if number >= line:
            break
    return stack[-1] if stack else None


def _where(env: jinja2.Environment) -> str:
    loader = env.loader
    places: list[str] = []
    if isinstance(loader, TemplateLoader):
        if loader.user_dir is not None:
            places.append(str(loader.user_dir))
        places.append(loader.package)
    return ", ".join(places)


# ---------------------------------------------------------------------------------------------
# Prose: macros looked up in the user's file, the built-in one, then English
# ---------------------------------------------------------------------------------------------
class Prose:
    """The prose macros templates call as ``p.title(d)``, resolved late (see the module docstring).

    ``modules`` are Jinja template modules, most specific first. ``fallback`` lists the macros taken
    from English for a language whose prose file lacks them (a warning for the user).
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.modules: list[tuple[str, Any]] = []
        self.fallback: list[str] = []

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        for origin, module in self.modules:
            if name in _exports(module):
                if origin == "builtin/prose-en.j2" and self.lang != "en" and name not in self.fallback:
                    self.fallback.append(name)
                return getattr(module, name)
        raise AttributeError(f"no prose macro {name!r} for language {self.lang!r} "
                             f"(looked in {', '.join(o for o, _ in self.modules)})")

    def get(self, name: str, default: Any = None) -> Any:
        """A variable of the most specific prose file that sets it (``babel``), else ``default``."""
        for _, module in self.modules:
            if name in _exports(module):
                return getattr(module, name)
        return default


def _exports(module: Any) -> set[str]:
    return {k for k in getattr(module, "__dict__", {}) if not k.startswith("_")}


def prose_files(env: jinja2.Environment, lang: str) -> list[str]:
    """The prose templates of ``lang``, most specific first."""
    loader = env.loader
    assert isinstance(loader, TemplateLoader)
    name = f"prose-{lang}.j2"
    files = []
    if name in loader.user_names():
        files.append(name)
    if name in loader.builtin_names():
        files.append(BUILTIN + name)
    if not files:
        raise UsageError(f"no prose for language {lang!r}: add {name} to your --templates folder "
                         f"(copy one with 'derive templates copy DIR prose-en.j2')")
    if lang != "en":
        files.append(BUILTIN + "prose-en.j2")
    return files


def available_langs(env: jinja2.Environment) -> list[str]:
    """Built-in languages plus every ``prose-LANG.j2`` of the user's folder."""
    loader = env.loader
    assert isinstance(loader, TemplateLoader)
    found = {n[len("prose-"):-len(".j2")] for n in loader.user_names() if n.startswith("prose-") and n.endswith(".j2")}
    return list(LANGS) + sorted(found - set(LANGS))


def make_prose(env: jinja2.Environment, lang: str, context: dict[str, Any]) -> Prose:
    """The :class:`Prose` of ``lang``; ``context`` gets ``p`` (itself) so macros can call each other late."""
    prose = Prose(lang)
    context["p"] = prose
    for name in prose_files(env, lang):
        try:
            module = env.get_template(name).make_module(vars=context)
        except Exception as err:  # noqa: BLE001 - reported with file and line
            raise template_error(err, env, name) from None
        prose.modules.append((name, module))
    return prose


# ---------------------------------------------------------------------------------------------
# Markup of each output format, handed to templates as ``fmt``
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Markup:
    """The few places where LaTeX and MyST differ, so prose macros can stay format-neutral."""

    name: Literal["tex", "md"]

    @property
    def width_em(self) -> float:
        """How wide a display may be before its rows are broken (see :data:`WIDTH_EM`)."""
        return WIDTH_EM[self.name]

    def display(self, body: str) -> str:
        """Display math, to be written on its own line between lines of text.

        Rows wider than the format's column are broken (:func:`derive.layout.fit_display`). MyST:
        ``$$`` blocks (never ``\\[…\\]``, which CommonMark turns into ``[…]``) with a blank line on
        each side, so they are blocks of their own for every Markdown parser. LaTeX: ``\\[…\\]`` with
        no blank lines, so the formula stays inside its paragraph (no spurious vertical space).
        """
        body = body.strip("\n")
        if not body.strip() or "\n\n" in body or any(not line.strip() for line in body.split("\n")):
            raise RenderError("a display formula is empty or contains a blank line; MyST would end the math block there")
        body = fit_display(body, self.width_em)
        if self.name == "md":
            return f"\n$$\n{body}\n$$\n"
        return f"\\[\n{body}\n\\]"

    def emph(self, text: str) -> str:
        return f"\\emph{{{text}}}" if self.name == "tex" else f"*{text}*"

    def strong(self, text: str) -> str:
        return f"\\textbf{{{text}}}" if self.name == "tex" else f"**{text}**"

    def code(self, text: str) -> str:
        return f"\\texttt{{{tex_escape(text)}}}" if self.name == "tex" else f"`{text}`"

    def text(self, text: str) -> str:
        """Plain text from data (titles, names): escaped for the format."""
        return tex_escape(text) if self.name == "tex" else md_escape(text)

    def heading(self, text: str, level: int = 1) -> str:
        """Unnumbered headings: a note is a self-contained exercise, often ``\\input`` into a bigger one.

        In MyST a heading carries no maths: Jupyter Book 2 takes the first heading as the page title
        and shows its TeX raw (``l_2``), so ``$l_2$`` is written ``l₂`` there. LaTeX keeps the maths.
        """
        if self.name == "md":
            return "#" * level + " " + plain_text(text)
        command = {1: "section*", 2: "subsection*"}.get(level, "paragraph")
        return f"\\{command}{{{text}}}"

    def solution_begin(self, title: str) -> str:
        """Start of a solution: a ``{dropdown}`` in MyST (hidden until clicked), a run-in heading in LaTeX."""
        if self.name == "md":
            return f"```{{dropdown}} {title}"
        return f"\\paragraph{{{title}.}}"

    def solution_end(self) -> str:
        return "```" if self.name == "md" else "\\medskip"

    def figure(self, view: Any, caption: str, alt: str, fragment: bool = False) -> str:
        """The decay figure: an SVG image in MyST, pgfplots compiled by the LaTeX engine in LaTeX.

        A fragment draws it only when the host document loads pgfplots (``\\ifdefined``), so an
        ``\\input`` into notes without it still compiles.
        """
        if self.name == "md":
            return f"![{md_escape(alt)}]({view.svg_name})\n\n*{caption}*"
        body = f"\\begin{{figure}}[ht]\n\\centering\n{view.pgfplots}\n\\caption{{{caption}}}\n\\end{{figure}}"
        if fragment:
            return ("% Needs \\usepackage{pgfplots} in the host document for this figure (without it, it is left out).\n"
                    f"\\ifdefined\\pgfplotsset\n{body}\n\\fi")
        return body

    def quote(self, text: str, lang: str) -> str:
        """Quotation marks of the language: «…» in Russian, „…“ in German, “…” otherwise."""
        return {"ru": f"«{text}»", "uk": f"«{text}»", "de": f"„{text}“", "fr": f"«\u00a0{text}\u00a0»"}.get(
            lang, f"“{text}”")


# ---------------------------------------------------------------------------------------------
# The view of a derivation: every formula a template may print, as LaTeX strings
# ---------------------------------------------------------------------------------------------
def _latex(expr: Any) -> str:
    from .printing import latex

    return latex(sp.sympify(expr))


@dataclass(frozen=True)
class StepView:
    """One step of the derivation: the right-hand side of ``w_t = …`` after a substitution."""

    rhs: str
    substituted: str | None
    reason: str


@dataclass(frozen=True)
class DerivationView:
    """What templates see of one derivation: LaTeX strings and codes, nothing to compute.

    Built once per (optimizer, mode) and shared by all languages and formats. ``custom`` marks a
    user's own system (``title`` is then the heading it was written under, possibly empty), and
    ``reg_added`` one whose regularization ``--reg`` added.
    """

    name: str
    title: str
    source: str
    reg: str
    reg_detail: str
    weight: str
    weight_prev: str
    system_rows: tuple[tuple[str, str], ...]
    steps: tuple[StepView, ...]
    substituted: tuple[str, ...]
    decay: str
    h: str
    rate: str
    form: str
    kind: str
    depends_on: tuple[str, ...]
    responsible: str | None
    coefficient: str
    decays: bool
    notes: tuple[str, ...]
    _marked: str = field(repr=False, default="")
    gradient: str = S.grad.name
    custom: bool = False
    reg_added: bool = False
    carriers: tuple[str, ...] = (r"m_{t-1}",)  # previous state that carries λ·w from earlier steps
    held: tuple[str, ...] = (r"\hat{v}_{t}",)  # atoms held fixed that contain λ·w_{t-1}
    atoms: tuple[str, ...] = (r"\hat{v}_{t}",)
    state: tuple[str, ...] = ()
    reg_row: tuple[str, str] | None = None  # the row where λ·w_{t-1} enters (L2) or the update (decoupled)
    assumptions: tuple[str, ...] = ()
    update_last: bool = True  # the weight update is the system's last row (not so in Adadelta, Lion)
    adaptive: tuple[str, ...] = (r"\hat{v}_{t}",)  # the atoms that differ per coordinate (not schedules such as r_t)

    @property
    def stem(self) -> str:
        return f"{self.name}-{self.reg}"

    @property
    def cases(self) -> str:
        """The system as a brace-opened ``aligned`` block (to be put inside display math).

        ``aligned`` rather than ``cases``: its rows are in display style, so the bias-correction
        fractions are not shrunk to text size, and the ``=`` signs line up.
        """
        rows = " \\\\\n".join(f"  {lhs} &= {rhs}" for lhs, rhs in self.system_rows)
        return f"\\left\\{{\n\\begin{{aligned}}\n{rows}\n\\end{{aligned}}\n\\right."

    @property
    def form_rhs(self) -> str:
        """The right-hand side of the final form ``g(λ) w_{t-1} - rate h``."""
        prefix = f"{self.weight} = "
        return self.form.removeprefix(prefix)

    @property
    def chain(self) -> str:
        """Every step as one ``aligned`` chain ``w_t = … = … = …``, ending in the collected form."""
        rhs = [s.rhs for s in self.steps]
        if self.form_rhs != rhs[-1]:
            rhs.append(self.form_rhs)
        return self._aligned_chain(rhs)

    @property
    def short_chain(self) -> str:
        """The step as written and the collected form, nothing in between."""
        rhs = [self.steps[0].rhs]
        if self.form_rhs != rhs[-1]:
            rhs.append(self.form_rhs)
        return self._aligned_chain(rhs)

    def _aligned_chain(self, rhs: Sequence[str]) -> str:
        lines = [f"{self.weight} &= {rhs[0]}"] + [f"&= {r}" for r in rhs[1:]]
        body = " \\\\\n".join(f"  {line}" for line in lines)
        return f"\\begin{{aligned}}\n{body}\n\\end{{aligned}}"

    def answer(self, label: str) -> str:
        """``g(λ) = …`` and ``h = …`` as two aligned rows.

        A per-coordinate factor is marked with an ``\\underbrace`` labelled ``label`` (in two short
        lines, so the label does not open a gap around the factor). A uniform factor has no factor to
        mark: the label follows it in brackets instead of a brace that would be much wider than the
        factor and leave a gap after ``g(λ) =``.
        """
        lam = S.lam.name
        if not self.decays:
            g = self.decay
        elif self.responsible is None:
            g = f"{self.decay} \\qquad \\text{{({label})}}"
        else:
            g = self.marked_decay(label)
        return f"\\begin{{aligned}}\n  g({lam}) &= {g} \\\\\n  h &= {self.h}\n\\end{{aligned}}"

    def marked_decay(self, label: str) -> str:
        """The decay factor with the part that decides the classification under an ``\\underbrace``.

        Uniform: the whole factor is marked (``label`` says it is the same for every weight).
        Per-coordinate: ``1 - c \\cdot \\underbrace{r}_{label}`` with ``r`` the responsible factor.
        """
        text = stacked_label(label)
        if self.responsible is None:
            return f"\\underbrace{{{self.decay}}}_{{{text}}}"
        return self._marked.replace("@LABEL@", text)

    def rhs(self, target: str) -> str:
        """The right-hand side of the system's definition of ``target`` (given as LaTeX, e.g. ``g_{t}``)."""
        for lhs, rhs in self.system_rows:
            if lhs == target:
                return rhs
        raise RenderError(f"{self.stem}: the system defines no {target}")

    def defines(self, target: str) -> bool:
        return any(lhs == target for lhs, _ in self.system_rows)

    def generic_form(self, g: str = "g", h: str = "h", h_args: str | None = None) -> str:
        """``w_t = g(λ) \\cdot w_{t-1} - rate \\cdot h(…)``: the shape the exercise asks for."""
        lam = S.lam.name
        args = h_args if h_args is not None else self.gradient
        rate = "" if self.rate == "1" else f"{self.rate} \\cdot "
        return f"{self.weight} = {g}({lam}) \\cdot {self.weight_prev} - {rate}{h}({args})"


def _marked_template(d: Any) -> tuple[str, str]:
    """(coefficient, marked decay with an ``@LABEL@`` hole) for a per-coordinate decay.

    The engine gives the decay as ``1 - c·r`` in pieces (``decay_parts``); the ``\\underbrace`` is put
    here so that the label can be translated.
    """
    uniform, responsible = d.decay_parts()
    if responsible is None:
        return uniform, ""
    if sp.sympify(d.uniform_part) == 1:
        return uniform, f"1 - \\underbrace{{{responsible}}}_{{@LABEL@}}"
    return uniform, f"1 - {uniform} \\cdot \\underbrace{{{responsible}}}_{{@LABEL@}}"


def _reads(values: Mapping[sp.Symbol, sp.Expr], target: sp.Symbol, what: sp.Symbol) -> bool:
    stack, seen = [target], set()
    while stack:
        s = stack.pop()
        if s in seen:
            continue
        seen.add(s)
        if s == what:
            return True
        if s in values:
            stack.extend(values[s].free_symbols)
    return False


def _view_of(d: Any, *, name: str, title: str, source: str, mode: str, custom: bool = False,
             reg_added: bool = False) -> DerivationView:
    """The view of a :class:`~derive.derivation.Derivation`, catalog entry or user system alike."""
    from .system import regularization

    system = d.system
    definitions = system.definitions
    values = {df.target: df.expr for df in definitions}
    rows = tuple((_latex(df.target), _latex(df.expr)) for df in definitions)
    steps = tuple(StepView(d.step_latex(i), _latex(s.substituted) if s.substituted is not None else None, s.reason)
                  for i, s in enumerate(d.steps))
    responsible = _latex(d.responsible) if d.responsible is not None else None
    coefficient, marked = _marked_template(d) if responsible is not None else ("", "")
    decay_expr = sp.sympify(d.decay)
    prev = system.weight_prev
    h_reads = sp.sympify(d.h).free_symbols
    carriers = tuple(_latex(p) for n, p in sorted(system.state.items(), key=lambda kv: kv[1].name)
                     if p in h_reads and _reads(values, n, prev))
    held = tuple(_latex(a) for a in system.atoms if _reads(values, a, prev))
    _, where = regularization(system)
    reg_row = (_latex(where), _latex(values[where])) if where is not None else None
    return DerivationView(
        name=name,
        title=title,
        source=source,
        reg=mode,
        reg_detail=d.reg_detail,
        weight=_latex(system.weight),
        weight_prev=_latex(prev),
        system_rows=rows,
        steps=steps,
        substituted=tuple(s.substituted for s in steps if s.substituted is not None),
        decay=d.decay_latex(),
        h=d.h_latex(),
        rate=_latex(d.rate),
        form=d.form_latex(),
        kind=d.kind,
        depends_on=tuple(_latex(s) for s in sorted(d.depends_on, key=lambda s: s.name)),
        responsible=responsible,
        coefficient=coefficient,
        decays=decay_expr != 1,
        notes=tuple(n.code for n in d.notes),
        _marked=marked,
        gradient=_latex(system.gradient),
        custom=custom,
        reg_added=reg_added,
        carriers=carriers,
        held=held,
        atoms=tuple(_latex(a) for a in system.atoms),
        state=tuple(_latex(n) for n in sorted(system.state, key=lambda s: s.name)),
        reg_row=reg_row,
        assumptions=tuple(a.text for a in system.assumptions),
        update_last=definitions[-1].target == system.weight,
        adaptive=tuple(_latex(a) for a in system.atoms if a not in system.uniform_symbols()),
    )


@cache
def view(name: str, reg: str) -> DerivationView:
    """Derive the catalog entry ``name`` in mode ``reg`` with the engine and keep every formula as LaTeX."""
    from . import catalog
    from .derivation import derive

    opt = catalog.get(name)
    mode = opt.check_mode(reg)
    d = derive(name, reg=mode)
    return _view_of(d, name=opt.name, title=opt.title, source=getattr(opt, "source", ""), mode=mode)


def view_own(own: "OwnSystem") -> DerivationView:
    """The view of a user's own system (:mod:`derive.usersystem`)."""
    return _view_of(own.derivation, name="custom", title=own.title or "", source=own.where, mode=own.mode,
                    custom=True, reg_added=own.base is not None)


def _fail(message: str) -> str:
    """Called by a template that meets a case it has no prose for (e.g. a new note code)."""
    raise RenderError(message)


def _symbols() -> dict[str, str]:
    """Symbols prose may mention inline (``$\\VAR{sym.lam}$``), in the engine's notation."""
    return {
        "w": S.w.name, "w_prev": S.w_prev.name, "m": S.m.name, "m_prev": S.m_prev.name,
        "v": S.v.name, "v_hat": S.v_hat.name, "m_hat": S.m_hat.name, "g": S.g.name,
        "grad": S.grad.name, "eta": S.eta.name, "alpha": S.alpha.name, "lam": S.lam.name,
        "mu": S.mu.name, "beta1": S.beta1.name, "beta2": S.beta2.name, "eps": S.eps.name,
    }


# ---------------------------------------------------------------------------------------------
# What to render
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, order=True)
class Target:
    """One document (all its languages and formats): an optimizer in a mode, the flagship, or a
    user's own system (``own``)."""

    stem: str
    name: str
    reg: str | None = None
    own: "OwnSystem | None" = field(default=None, compare=False, repr=False)

    @property
    def is_flagship(self) -> bool:
        return self.name == FLAGSHIP


def plan(names: Sequence[str], *, all_: bool = False, reg: str | None = None) -> list[Target]:
    """Resolve the command line's names into documents, sorted by file stem.

    ``--all`` means every catalog entry in every mode it supports (only ``reg`` if given), plus the
    flagship. A name without ``--reg`` renders all of that optimizer's modes. ``weight-decay`` names
    the flagship exercise.
    """
    from . import catalog

    if reg is not None and reg not in REG_MODES:
        raise UsageError(f"unknown regularization mode {reg!r}: choose one of {', '.join(REG_MODES)}")
    if not names and not all_:
        raise UsageError("name at least one optimizer (or weight-decay), or pass --all or --system FILE")
    wanted: list[str] = list(catalog.names()) + [FLAGSHIP] if all_ else []
    for n in names:
        if n != FLAGSHIP:
            catalog.get(n)  # raises UsageError for an unknown name
        if n not in wanted:
            wanted.append(n)
    found: set[Target] = set()
    for n in wanted:
        if n == FLAGSHIP:
            found.add(Target(FLAGSHIP, FLAGSHIP))
            continue
        opt = catalog.get(n)
        if reg is not None:
            if reg not in opt.modes:
                if all_ and n not in names:
                    continue
                opt.check_mode(reg)  # raises the catalog's one-line UsageError
            modes: Iterable[str] = (reg,)
        else:
            modes = opt.modes
        for mode in modes:
            found.add(Target(f"{n}-{mode}", n, mode))
    return sorted(found)


def plan_own(items: Sequence["OwnSystem"]) -> list[Target]:
    """One document per user system, named after the heading it stands under (``rmsprop-with-l2``),
    with the mode appended when ``--reg`` set it; a stem met twice gets ``-2``, ``-3``."""
    targets: list[Target] = []
    seen: dict[str, int] = {}
    for item in items:
        stem = item.stem + (f"-{item.mode}" if item.base is not None else "")
        seen[stem] = seen.get(stem, 0) + 1
        if seen[stem] > 1:
            stem = f"{stem}-{seen[stem]}"
        targets.append(Target(stem, "custom", item.mode, item))
    return targets


def file_name(target: Target, lang: Lang, fmt: Format) -> str:
    return f"{target.stem}.{lang}{SUFFIX[fmt]}"


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------
@dataclass
class Settings:
    """How to render, besides what: the Jinja environment, the LaTeX engine, the notation."""

    env: jinja2.Environment = field(default_factory=get_env)
    engine: str = "pdflatex"
    notation: Notation = field(default_factory=Notation)
    warnings: list[str] = field(default_factory=list)


def context(target: Target, lang: Lang, fmt: Literal["tex", "fragment", "md"],
            settings: Settings | None = None) -> dict[str, Any]:
    """The variables a template sees for one document."""
    settings = settings if settings is not None else Settings()
    if settings.engine not in ENGINES:
        raise UsageError(f"unknown engine {settings.engine!r}: choose one of {', '.join(ENGINES)}")
    notation = _notation_for(target, settings)
    ctx: dict[str, Any] = {
        "lang": lang,
        "format": fmt,
        "fmt": Markup("md" if fmt == "md" else "tex"),
        "sym": _symbols(),
        "prose": f"prose-{lang}.j2",
        "stem": target.stem,
        "fail": _fail,
        "engine": settings.engine,
        "notation": "" if notation.is_identity else notation.describe(),
    }
    prose = make_prose(settings.env, lang, ctx)
    ctx["language"] = language(lang, prose)
    try:
        ctx["o"] = settings.env.get_template("objective.j2").make_module(vars=ctx)
    except Exception as err:  # noqa: BLE001 - reported with file and line
        raise template_error(err, settings.env, "objective.j2") from None
    if target.is_flagship:
        ctx["kind"] = "flagship"
        ctx["body"] = "weight-decay"
        ctx["parts"] = {key: view(*part) for key, part in FLAGSHIP_PARTS.items()}
        from .figures import flagship_view

        ctx["figure"] = flagship_view()
    elif target.own is not None:
        ctx["kind"] = "optimizer"
        ctx["body"] = "optimizer"
        ctx["d"] = view_own(target.own)
    else:
        assert target.reg is not None
        ctx["kind"] = "optimizer"
        ctx["body"] = "optimizer"
        ctx["d"] = view(target.name, target.reg)
    return ctx


def _notation_for(target: Target, settings: Settings) -> Notation:
    """A user system is written back in its own letters (θ, k), under the project's and the flag's map."""
    if target.own is not None and not target.own.notation.is_identity:
        return target.own.notation.merged(settings.notation) if not settings.notation.is_identity \
            else target.own.notation
    return settings.notation


def render_text(target: Target, lang: Lang, fmt: Literal["tex", "fragment", "md"],
                env: jinja2.Environment | Settings | None = None) -> str:
    """One text document. ``tex`` is ``article.tex.j2``, ``fragment`` is ``fragment.tex.j2``, ``md`` is
    ``page.md.j2``; each includes the body template of the document's kind. Inline formulas get
    slashed fractions, and the notation map is applied last."""
    settings = env if isinstance(env, Settings) else Settings(env=env if env is not None else get_env())
    template = {"tex": "article.tex.j2", "fragment": "fragment.tex.j2", "md": "page.md.j2"}[fmt]
    ctx = context(target, lang, fmt, settings)
    text = tidy(render_template(settings.env, template, ctx))
    prose = ctx["p"]
    if prose.fallback:
        note = (f"prose-{lang}.j2 has no {', '.join(sorted(prose.fallback))}: the English text is used there")
        if note not in settings.warnings:
            settings.warnings.append(note)
    text = inline_fractions_in(text)
    return _notation_for(target, settings).document(text)


def tidy(text: str) -> str:
    """Collapse runs of blank lines and trailing spaces that template branches leave behind.

    Neither LaTeX nor MyST gives a second blank line any meaning, and a tidy file diffs well.
    """
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"


def render_files(
    targets: Sequence[Target],
    *,
    langs: Sequence[Lang] = LANGS,
    formats: Sequence[Format] = DEFAULT_FORMATS,
    env: jinja2.Environment | None = None,
    settings: Settings | None = None,
) -> dict[str, bytes]:
    """Every requested file, name → bytes, rendered in memory (nothing is written here)."""
    if settings is None:
        settings = Settings(env=env if env is not None else get_env())
    files: dict[str, bytes] = {}
    for target in sorted(targets):
        for lang in langs:
            tex_source: str | None = None
            for fmt in formats:
                if fmt == "pdf":
                    if tex_source is None:
                        tex_source = render_text(target, lang, "tex", settings)
                    files[file_name(target, lang, fmt)] = compile_pdf(
                        tex_source, name=file_name(target, lang, "tex"), engine=settings.engine)
                    continue
                text = render_text(target, lang, fmt, settings)
                if fmt == "tex":
                    tex_source = text
                files[file_name(target, lang, fmt)] = text.encode("utf-8")
                if fmt == "md" and target.is_flagship:  # the page's figure, next to it
                    from .figures import decay_data, svg

                    files[FLAGSHIP_SVG] = svg(decay_data()).encode("utf-8")
    return files


def render(what: "str | os.PathLike[str] | Any", *, reg: str | None = None, langs: Sequence[str] = LANGS,
           formats: Sequence[str] = ("tex", "md"), out: "str | os.PathLike[str] | None" = None,
           templates: "str | os.PathLike[str] | None" = None, engine: str = "pdflatex",
           notation: "Notation | str | Mapping[str, str] | None" = None, sandbox: bool = False,
           title: str | None = None) -> dict[str, bytes]:
    """Render lecture notes from Python, as ``derive render`` does; returns file name → bytes.

    ``what`` is a catalog name (``"adam"``), ``"weight-decay"`` (the flagship), a notes file with
    systems in it (``"notes.md"``, or ``"notes.md:42"`` for one of them), or a :class:`~derive.System`
    built with :func:`derive.make_system` (``title`` names it). ``reg`` chooses the regularization
    (a user system: as written when None). ``out`` also writes the files there (atomically).
    ``notation`` is a map (``"w=\\\\theta,t=k"``) or a :class:`~derive.notation.Notation`.

    Example::

        files = derive.render("adam", reg="l2", langs=("en",), formats=("md",))
        files["adam-l2.en.md"].decode()
    """
    from .notation import parse_notation
    from .system import System
    from .usersystem import load, own

    env = get_env(templates, sandbox=sandbox)
    if isinstance(notation, Notation):
        chosen = notation
    elif notation is None:
        chosen = Notation()
    else:
        chosen = parse_notation(notation, source="derive.render(notation=…)")
    settings = Settings(env=env, engine=engine, notation=chosen)
    if isinstance(what, System):
        stem = _stem(title) or "system"
        targets = plan_own([own(what, title=title, stem=stem, reg=reg)])
    elif isinstance(what, (str, os.PathLike)) and _looks_like_notes(str(what)):
        targets = plan_own(load(os.fspath(what), reg=reg))
    elif isinstance(what, str):
        targets = plan([what], reg=reg)
    else:
        raise UsageError(f"cannot render {type(what).__name__}: give a catalog name, a notes file or a System")
    for lang in langs:
        if lang not in available_langs(env):
            prose_files(env, lang)  # raises the one-line error
    for fmt in formats:
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    files = render_files(targets, langs=list(langs), formats=list(formats), settings=settings)  # type: ignore[arg-type]
    if out is not None:
        write_all(Path(out), files)
    return files


def _stem(title: str | None) -> str:
    if not title:
        return ""
    return re.sub(r"[^a-z0-9]+", "-", title.encode("ascii", "ignore").decode().lower()).strip("-")[:60]


def _looks_like_notes(text: str) -> bool:
    from .check.systems import split_location

    path, _ = split_location(text)
    return path.lower().endswith((".md", ".markdown", ".myst", ".tex", ".ltx")) or os.path.sep in path


_RERUN = re.compile(r"Rerun to get|Label\(s\) may have changed")


def compile_pdf(tex: str, *, name: str = "document.tex", engine: str = "pdflatex", max_runs: int = 3,
                timeout: float = 120.0) -> bytes:
    """Compile a standalone article with ``engine`` (pdflatex, xelatex, lualatex) in a temporary folder
    and return the PDF's bytes.

    Runs again while the log asks for it (cross-references). ``SOURCE_DATE_EPOCH`` is pinned so the
    PDF is byte-identical from run to run. A missing engine or a LaTeX error is a one-line
    :class:`RenderError` quoting the first ``!`` line of the log.
    """
    exe = shutil.which(engine)
    if exe is None:
        raise RenderError(f"{engine} not found: install a LaTeX distribution (Debian: texlive-latex-recommended, "
                          "texlive-lang-cyrillic, cm-super; texlive-xetex or texlive-luatex for those engines) "
                          "to render PDF")
    env = dict(os.environ, SOURCE_DATE_EPOCH="0", FORCE_SOURCE_DATE="1")
    with tempfile.TemporaryDirectory(prefix="derive-tex-") as tmp:
        folder = Path(tmp)
        (folder / "doc.tex").write_text(tex, encoding="utf-8")
        for _ in range(max_runs):
            try:
                proc = subprocess.run(
                    [exe, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc.tex"],
                    cwd=folder, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout, check=False,
                )
            except subprocess.TimeoutExpired:
                raise RenderError(f"{name}: {engine} did not finish in {timeout:.0f} s") from None
            log_path = folder / "doc.log"
            log = log_path.read_text(encoding="utf-8", errors="replace") if log_path.exists() else \
                proc.stdout.decode("utf-8", errors="replace")
            if proc.returncode != 0 or not (folder / "doc.pdf").exists():
                raise RenderError(f"{name}: LaTeX error: {first_latex_error(log)}")
            if not _RERUN.search(log):
                break
        return (folder / "doc.pdf").read_bytes()


def first_latex_error(log: str) -> str:
    """The first ``! …`` line of a LaTeX log, with the ``l.N`` line number that follows it if any."""
    lines = log.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("!"):
            message = line.lstrip("! ").strip()
            for follow in lines[i + 1:i + 12]:
                m = re.match(r"l\.(\d+)", follow)
                if m:
                    return f"{message} (line {m.group(1)})"
            return message
    return "no error line in the log (see pdflatex output)"


# ---------------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------------
def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``derive render``."""
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"optimizers from the catalog (see 'derive list'), or {FLAGSHIP!r} for the flagship exercise")
    parser.add_argument("--all", action="store_true", dest="all_",
                        help="every catalog entry in every mode it supports, plus the flagship exercise")
    parser.add_argument("--system", action="append", default=None, metavar="FILE[:LINE]",
                        help="your own optimizers: every system (cases/aligned block of definitions) of a notes "
                             "file, or the one at LINE, as documents like a catalog entry's (named after the "
                             "heading above each); repeatable")
    parser.add_argument("--reg", choices=REG_MODES, default=None,
                        help="only this regularization mode (default: every mode the optimizer supports; "
                             "a --system as written); on a --system it adds (or swaps in) that block")
    parser.add_argument("--format", action="append", default=None, metavar="FMT",
                        help="tex, fragment, md or pdf; repeat or give a comma list (default: tex,fragment,md)")
    parser.add_argument("--lang", action="append", default=None, metavar="LANG",
                        help="ru, en, or any LANG with a prose-LANG.j2 in --templates; repeat or give a comma list "
                             "(default: ru,en)")
    parser.add_argument("--out", default="out", metavar="DIR", help="output folder (default: out/)")
    parser.add_argument("--templates", default=None, metavar="DIR",
                        help="a folder of templates that override the built-in ones: a whole file of the same "
                             "name, one block (extends \"builtin/NAME\"), or a few prose macros "
                             "(see 'derive templates list')")
    parser.add_argument("--engine", choices=ENGINES, default="pdflatex",
                        help="LaTeX engine for --format pdf and the article's font setup (xelatex/lualatex: fontspec)")
    parser.add_argument("--notation", default=None, metavar="MAP",
                        help="the course's notation, e.g. 'w=\\theta,eta=\\alpha,t=k', applied to every formula "
                             "(over [tool.derive.notation] of the nearest pyproject.toml)")
    parser.add_argument("--sandbox", action="store_true",
                        help="render the templates in Jinja's sandbox (for templates you did not write)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a file in --out is missing or differs from a fresh render "
                             "(with --all: or is not part of it)")
    parser.add_argument("--no-cache", action="store_true",
                        help="render afresh instead of reusing the bytes of an identical earlier run")
    parser.add_argument("--cache-dir", default=None, metavar="DIR",
                        help="where earlier runs are kept (default: .derive_cache in the working folder)")


def _choices(values: Sequence[str] | None, allowed: Sequence[str], default: Sequence[str], what: str,
             hint: str = "") -> list[str]:
    if not values:
        return list(default)
    out: list[str] = []
    for value in values:
        for item in value.split(","):
            item = item.strip()
            if not item:
                continue
            if item not in allowed:
                raise UsageError(f"unknown {what} {item!r}: choose from {', '.join(allowed)}"
                                 + hint.format(item=item))
            if item not in out:
                out.append(item)
    if not out:
        raise UsageError(f"--{what} given without a value")
    # Output order is fixed by the allowed order, not by how the flags were typed.
    return [a for a in allowed if a in out]


def run(args: argparse.Namespace) -> int:
    """``derive render``: 0 on success (or a clean check), 1 when ``--check`` finds a difference,
    2 on a usage, template or rendering error (one line on stderr)."""
    from .notation import load_notation, parse_notation
    from .usersystem import load

    try:
        env = get_env(args.templates, sandbox=getattr(args, "sandbox", False))
        formats = _choices(args.format, FORMATS, DEFAULT_FORMATS, "format")
        langs = _choices(args.lang, available_langs(env), LANGS, "lang",
                         " (or add prose-{item}.j2 to a --templates folder)")
        notation = load_notation(Path.cwd())
        if getattr(args, "notation", None):
            notation = notation.merged(parse_notation(args.notation, source="--notation"))
        settings = Settings(env=env, engine=getattr(args, "engine", "pdflatex"), notation=notation)
        targets: list[Target] = []
        for spec in getattr(args, "system", None) or []:
            items = load(spec, reg=args.reg)
            for item in items:
                for a in item.system.warnings:
                    print(f"derive render: warning: {item.path}:{a.line or item.line}: {a.text}", file=sys.stderr)
            targets += plan_own(items)
        if args.names or args.all_ or not targets:
            targets += plan(args.names, all_=args.all_, reg=args.reg)
        from .render_cache import rendered  # an identical earlier run's bytes, unless --no-cache
        extra = settings.notation.describe() + "".join(Path(t.own.path).read_text(encoding="utf-8", errors="replace")
                                                       for t in targets if t.own is not None)
        files = rendered(args, lambda: render_files(targets, langs=langs, formats=formats, settings=settings),  # type: ignore[arg-type]
                         extra=extra)
        for warning in settings.warnings:
            print(f"derive render: warning: {warning}", file=sys.stderr)
        out = Path(args.out)
        if args.check:
            differences = compare(out, files, complete=args.all_)  # --all: anything else in --out is stale
            for diff in differences:
                print(diff.text())
            if differences:
                print(f"{len(differences)} of {len(files)} files differ from a fresh render "
                      f"(run 'derive render' without --check to update them)", file=sys.stderr)
                return 1
            print(f"{len(files)} files up to date in {out}")
            return 0
        changed = write_all(out, files)
        print(f"wrote {len(changed)} of {len(files)} files to {out} ({len(files) - len(changed)} unchanged)")
        return 0
    except DeriveError as err:
        print(f"derive render: error: {' '.join(str(err).split())}", file=sys.stderr)
        return err.exit_code


class _CallableModule(types.ModuleType):
    """``derive.render(...)`` calls :func:`render`, while ``derive.render.compile_pdf`` and the other
    names of this module stay reachable (the package attribute is this module once it is imported)."""

    def __call__(self, *args: Any, **kwargs: Any) -> dict[str, bytes]:
        return render(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
