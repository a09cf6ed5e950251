"""Rendering derivations as lecture notes: a standalone LaTeX article, a fragment to ``\\input``, MyST
Markdown for Jupyter Book, and PDF; in Russian and English.

Why it is shaped this way:

* **All maths comes from the engine.** Templates hold prose and layout only; every formula in them
  is a string that :class:`DerivationView` took from a :class:`derive.derivation.Derivation` (the
  one exception is the definition of the L2 objective, which is the premise, not a result). So a
  rendered note can never disagree with what the engine proved.
* **One Jinja environment** (:func:`get_env`): a user's template folder first, then the built-in
  ``derive.templates``; ``StrictUndefined`` so a misspelt variable is an error, not a blank;
  LaTeX-friendly delimiters (``\\VAR{…}``, ``\\BLOCK{…}``, ``\\#{…}``) so ``.tex`` templates stay
  readable despite LaTeX's braces.
* **Prose lives in templates** (``prose-ru.j2``, ``prose-en.j2``: Jinja macros, one per sentence or
  phrase, with only ``$…$`` inline math, which means the same in LaTeX and MyST). Structure lives in
  the per-format templates. A translator edits one file; a user overrides either by dropping a file of
  the same name into ``--templates DIR``.
* **Deterministic bytes.** No dates, sorted iteration, PDF built with ``SOURCE_DATE_EPOCH`` fixed, so
  ``derive render --check`` can compare committed notes with a fresh render byte for byte.

The CLI side (:func:`add_arguments`, :func:`run`) only parses arguments and calls the typed workers
(:func:`plan`, :func:`render_files`, :func:`compile_pdf`); every error becomes one line and an exit code.
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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import jinja2
import sympy as sp

from . import symbols as S
from .errors import DeriveError, RenderError, UsageError
from .writer import compare, write_all

Lang = Literal["ru", "en"]
Format = Literal["tex", "fragment", "md", "pdf"]

LANGS: tuple[Lang, ...] = ("ru", "en")
FORMATS: tuple[Format, ...] = ("tex", "fragment", "md", "pdf")
DEFAULT_FORMATS: tuple[Format, ...] = ("tex", "fragment", "md")
REG_MODES: tuple[str, ...] = ("none", "l2", "decoupled")
FLAGSHIP = "weight-decay"
#: The three derivations the flagship exercise is built from, as (optimizer, mode).
FLAGSHIP_PARTS: dict[str, tuple[str, str]] = {
    "momentum": ("momentum", "l2"),
    "adam": ("adam", "l2"),
    "adamw": ("adamw", "decoupled"),
}
#: File-name suffix of each text format.
SUFFIX: dict[Format, str] = {"tex": ".tex", "fragment": ".fragment.tex", "md": ".md", "pdf": ".pdf"}


# ---------------------------------------------------------------------------------------------
# Jinja environment
# ---------------------------------------------------------------------------------------------
class _PackageResourceLoader(jinja2.BaseLoader):
    """Templates shipped in the ``derive.templates`` package, read through importlib.resources.

    Unlike ``FileSystemLoader`` on ``__file__`` this also works from a zipped wheel.
    """

    def __init__(self, package: str = "derive.templates") -> None:
        self.package = package

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool]]:
        parts = [p for p in template.split("/") if p]
        if not parts or any(p in (".", "..") for p in parts):
            raise jinja2.TemplateNotFound(template)
        resource = importlib.resources.files(self.package)
        for part in parts:
            resource = resource.joinpath(part)
        if not resource.is_file():
            raise jinja2.TemplateNotFound(template)
        source = resource.read_text(encoding="utf-8")
        return source, f"derive.templates/{template}", lambda: True

    def list_templates(self) -> list[str]:
        root = importlib.resources.files(self.package)
        return sorted(item.name for item in root.iterdir() if item.name.endswith(".j2"))


def get_env(user_dir: str | os.PathLike[str] | None = None) -> jinja2.Environment:
    """The one Jinja environment every rendering goes through.

    ``user_dir`` (``--templates DIR``) is searched first, so a user overrides any built-in template,
    or just the prose of one language, by copying it there and editing.
    """
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        folder = Path(user_dir)
        if not folder.is_dir():
            raise RenderError(f"template folder {folder} does not exist")
        loaders.append(jinja2.FileSystemLoader(str(folder), encoding="utf-8"))
    loaders.append(_PackageResourceLoader())
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
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
    """Render one template; Jinja's errors become a one-line :class:`RenderError`."""
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateNotFound as err:
        raise RenderError(f"template {err.name!r} not found (looked in {_where(env)})") from None
    except jinja2.UndefinedError as err:
        raise RenderError(f"template {name}: {err.message}") from None
    except jinja2.TemplateSyntaxError as err:
        where = err.filename or err.name or name
        raise RenderError(f"template {where}:{err.lineno}: {err.message}") from None
    except jinja2.TemplateError as err:
        raise RenderError(f"template {name}: {err}") from None


def _where(env: jinja2.Environment) -> str:
    loader = env.loader
    places: list[str] = []
    for sub in getattr(loader, "loaders", [loader]):
        if isinstance(sub, jinja2.FileSystemLoader):
            places.extend(str(p) for p in sub.searchpath)
        elif isinstance(sub, _PackageResourceLoader):
            places.append(sub.package)
    return ", ".join(places)


# ---------------------------------------------------------------------------------------------
# Markup of each output format, handed to templates as ``fmt``
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Markup:
    """The few places where LaTeX and MyST differ, so prose macros can stay format-neutral."""

    name: Literal["tex", "md"]

    def display(self, body: str) -> str:
        """Display math, to be written on its own line between lines of text.

        MyST: ``$$`` blocks (never ``\\[…\\]``, which CommonMark turns into ``[…]``) with a blank line
        on each side, so they are blocks of their own for every Markdown parser. LaTeX: ``\\[…\\]``
        with no blank lines, so the formula stays inside its paragraph (no spurious vertical space).
        """
        body = body.strip("\n")
        if not body.strip() or "\n\n" in body or any(not line.strip() for line in body.split("\n")):
            raise RenderError("a display formula is empty or contains a blank line; MyST would end the math block there")
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
        """Unnumbered headings: a note is a self-contained exercise, often ``\\input`` into a bigger one."""
        if self.name == "md":
            return "#" * level + " " + text
        command = {1: "section*", 2: "subsection*"}.get(level, "paragraph")
        return f"\\{command}{{{text}}}"

    def solution_begin(self, title: str) -> str:
        """Start of a solution: a ``{dropdown}`` in MyST (hidden until clicked), a run-in heading in LaTeX."""
        if self.name == "md":
            return f"```{{dropdown}} {title}"
        return f"\\paragraph{{{title}.}}"

    def solution_end(self) -> str:
        return "```" if self.name == "md" else "\\medskip"

    def quote(self, text: str, lang: str) -> str:
        """Quotation marks of the language: «…» in Russian, “…” in English."""
        return f"«{text}»" if lang == "ru" else f"“{text}”"


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

    Built once per (optimizer, mode) and shared by both languages and all formats.
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
        """``g(λ) = …`` (marked with ``label``) and ``h = …`` as two aligned rows."""
        lam = S.lam.name
        g = self.marked_decay(label) if self.decays else self.decay
        return (f"\\begin{{aligned}}\n  g({lam}) &= {g} \\\\\n  h &= {self.h}\n\\end{{aligned}}")

    def marked_decay(self, label: str) -> str:
        """The decay factor with the part that decides the classification under an ``\\underbrace``.

        Uniform: the whole factor is marked (``label`` says it is the same for every weight).
        Per-coordinate: ``1 - c \\cdot \\underbrace{r}_{label}`` with ``r`` the responsible factor.
        """
        text = f"\\text{{{label}}}"
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
        args = h_args if h_args is not None else S.grad.name
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


@cache
def view(name: str, reg: str) -> DerivationView:
    """Derive ``name`` in mode ``reg`` with the engine and keep every formula as LaTeX."""
    from . import catalog
    from .derivation import derive

    opt = catalog.get(name)
    mode = opt.check_mode(reg)
    d = derive(name, reg=mode)
    definitions = d.system.definitions
    rows = tuple((_latex(df.target), _latex(df.expr)) for df in definitions)
    steps = tuple(StepView(d.step_latex(i), _latex(s.substituted) if s.substituted is not None else None, s.reason)
                  for i, s in enumerate(d.steps))
    responsible = _latex(d.responsible) if d.responsible is not None else None
    coefficient, marked = _marked_template(d) if responsible is not None else ("", "")
    decay_expr = sp.sympify(d.decay)
    return DerivationView(
        name=opt.name,
        title=opt.title,
        source=getattr(opt, "source", ""),
        reg=mode,
        reg_detail=d.reg_detail,
        weight=_latex(d.system.weight),
        weight_prev=_latex(d.system.weight_prev),
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
    )


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
    """One document (all its languages and formats): an optimizer in a mode, or the flagship."""

    stem: str
    name: str
    reg: str | None = None

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
        raise UsageError("name at least one optimizer (or weight-decay), or pass --all")
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


def file_name(target: Target, lang: Lang, fmt: Format) -> str:
    return f"{target.stem}.{lang}{SUFFIX[fmt]}"


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------
def context(target: Target, lang: Lang, fmt: Literal["tex", "fragment", "md"]) -> dict[str, Any]:
    """The variables a template sees for one document."""
    ctx: dict[str, Any] = {
        "lang": lang,
        "format": fmt,
        "fmt": Markup("md" if fmt == "md" else "tex"),
        "sym": _symbols(),
        "prose": f"prose-{lang}.j2",
        "stem": target.stem,
        "fail": _fail,
    }
    if target.is_flagship:
        ctx["kind"] = "flagship"
        ctx["body"] = "weight-decay"
        ctx["parts"] = {key: view(*part) for key, part in FLAGSHIP_PARTS.items()}
    else:
        assert target.reg is not None
        ctx["kind"] = "optimizer"
        ctx["body"] = "optimizer"
        ctx["d"] = view(target.name, target.reg)
    return ctx


def render_text(target: Target, lang: Lang, fmt: Literal["tex", "fragment", "md"], env: jinja2.Environment) -> str:
    """One text document. ``tex`` is ``article.tex.j2``, ``fragment`` is ``fragment.tex.j2``, ``md`` is
    ``page.md.j2``; each includes the body template of the document's kind."""
    template = {"tex": "article.tex.j2", "fragment": "fragment.tex.j2", "md": "page.md.j2"}[fmt]
    return tidy(render_template(env, template, context(target, lang, fmt)))


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
) -> dict[str, bytes]:
    """Every requested file, name → bytes, rendered in memory (nothing is written here)."""
    env = env if env is not None else get_env()
    files: dict[str, bytes] = {}
    for target in sorted(targets):
        for lang in langs:
            tex_source: str | None = None
            for fmt in formats:
                if fmt == "pdf":
                    if tex_source is None:
                        tex_source = render_text(target, lang, "tex", env)
                    files[file_name(target, lang, fmt)] = compile_pdf(tex_source, name=file_name(target, lang, "tex"))
                    continue
                text = render_text(target, lang, fmt, env)
                if fmt == "tex":
                    tex_source = text
                files[file_name(target, lang, fmt)] = text.encode("utf-8")
    return files


# ---------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------
_RERUN = re.compile(r"Rerun to get|Label\(s\) may have changed")


def compile_pdf(tex: str, *, name: str = "document.tex", engine: str = "pdflatex", max_runs: int = 3,
                timeout: float = 120.0) -> bytes:
    """Compile a standalone article with pdflatex in a temporary folder and return the PDF's bytes.

    Runs again while the log asks for it (cross-references). ``SOURCE_DATE_EPOCH`` is pinned so the
    PDF is byte-identical from run to run. A missing engine or a LaTeX error is a one-line
    :class:`RenderError` quoting the first ``!`` line of the log.
    """
    exe = shutil.which(engine)
    if exe is None:
        raise RenderError(f"{engine} not found: install a LaTeX distribution (Debian: texlive-latex-recommended, "
                          "texlive-lang-cyrillic, cm-super-minimal) to render PDF")
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
    parser.add_argument("--reg", choices=REG_MODES, default=None,
                        help="only this regularization mode (default: every mode the optimizer supports)")
    parser.add_argument("--format", action="append", default=None, metavar="FMT",
                        help="tex, fragment, md or pdf; repeat or give a comma list (default: tex,fragment,md)")
    parser.add_argument("--lang", action="append", default=None, metavar="LANG",
                        help="ru or en; repeat or give a comma list (default: both)")
    parser.add_argument("--out", default="out", metavar="DIR", help="output folder (default: out/)")
    parser.add_argument("--templates", default=None, metavar="DIR",
                        help="a folder of templates that override the built-in ones of the same name")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a file in --out is missing or differs from a fresh render "
                             "(with --all: or is not part of it)")
    parser.add_argument("--no-cache", action="store_true",
                        help="render afresh instead of reusing the bytes of an identical earlier run")
    parser.add_argument("--cache-dir", default=None, metavar="DIR",
                        help="where earlier runs are kept (default: .derive_cache in the working folder)")


def _choices(values: Sequence[str] | None, allowed: Sequence[str], default: Sequence[str], what: str) -> list[str]:
    if not values:
        return list(default)
    out: list[str] = []
    for value in values:
        for item in value.split(","):
            item = item.strip()
            if not item:
                continue
            if item not in allowed:
                raise UsageError(f"unknown {what} {item!r}: choose from {', '.join(allowed)}")
            if item not in out:
                out.append(item)
    if not out:
        raise UsageError(f"--{what} given without a value")
    # Output order is fixed by the allowed order, not by how the flags were typed.
    return [a for a in allowed if a in out]


def run(args: argparse.Namespace) -> int:
    """``derive render``: 0 on success (or a clean check), 1 when ``--check`` finds a difference,
    2 on a usage or rendering error (one line on stderr)."""
    try:
        formats = _choices(args.format, FORMATS, DEFAULT_FORMATS, "format")
        langs = _choices(args.lang, LANGS, LANGS, "lang")
        targets = plan(args.names, all_=args.all_, reg=args.reg)
        env = get_env(args.templates)
        from .render_cache import rendered  # an identical earlier run's bytes, unless --no-cache
        files = rendered(args, lambda: render_files(targets, langs=langs, formats=formats, env=env))  # type: ignore[arg-type]
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
        print(f"derive render: error: {err}", file=sys.stderr)
        return err.exit_code
