"""Which dialect a notes file is written in, decided from evidence, and the project config it lives in.

Where math is, and what will render, depends on the engine that shows the page: MyST (Jupyter Book 1
and 2) reads ``$ 5 and $`` as math, Pandoc does not; kramdown pages write ``\\\\( … \\\\)``; a Quarto
or R Markdown page is Pandoc Markdown. So each file gets a :class:`Flavor`, decided in this order:

1. ``--flavor`` (an explicit choice always wins);
2. the extension (``.ipynb``, ``.qmd``, ``.Rmd``, ``.tex``, ``.myst``);
3. the front matter (``jupytext``/``kernelspec``/``myst`` → MyST; ``layout``/``permalink`` → Jekyll);
4. the project's config, found by walking up from the file to the repository root (``myst.yml`` →
   Jupyter Book 2; a Jupyter Book ``_config.yml`` → Jupyter Book 1; a Jekyll ``_config.yml`` (or
   ``_config.yaml``, which Jekyll reads when there is no ``_config.yml``) → kramdown, unless ``.nojekyll`` sits
   next to it; ``_quarto.yml`` → Quarto; ``_bookdown.yml`` → R
   Markdown/Pandoc; an ``index.html`` that starts docsify → docsify, with the math plugin its scripts
   load; ``mkdocs.yml`` → MkDocs/Python-Markdown, with its ``markdown_extensions`` and
   ``extra_javascript``; beside a Jekyll ``_config.yml`` it wins for the files in its ``docs_dir``, which
   only MkDocs builds);
5. signs in the text (MyST directives and roles; ``\\\\(`` as kramdown writes it).

Otherwise a ``.md`` file is GitHub-flavoured Markdown. Every step that decided something is kept as
evidence, so ``--format json`` can say why a file was read the way it was.
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import UsageError

#: Every flavour the checker reads. ``ipynb`` files have an inner Markdown flavour (:attr:`Flavor.markdown`).
FLAVORS: tuple[str, ...] = ("myst", "gfm", "commonmark", "kramdown", "pandoc", "quarto", "rmarkdown", "docsify", "mkdocs",
                            "ipynb", "latex")
MARKDOWN_FLAVORS = frozenset(FLAVORS) - {"latex", "ipynb"}
#: Extensions of files the checker reads, and the flavour an extension decides on its own.
SUFFIXES: dict[str, str | None] = {
    ".md": None, ".markdown": None, ".myst": "myst", ".qmd": "quarto", ".rmd": "rmarkdown",
    ".ipynb": "ipynb", ".tex": "latex", ".ltx": "latex",
}
#: Config files that tell how a project renders, in the order they are looked for in one folder.
#: ``index.html`` counts only when it starts docsify (it is looked at before a ``_config.yml`` next to it).
CONFIG_FILES: tuple[str, ...] = ("myst.yml", "_quarto.yml", "index.html", "_config.yml", "_config.yaml", "_bookdown.yml",
                                 "mkdocs.yml")

_JB1_KEYS = frozenset({"execute", "sphinx", "parse", "launch_buttons", "html", "latex", "bibtex_bibfiles",
                       "repository", "only_build_toc_files", "exclude_patterns"})
#: Keys a Jekyll site's ``_config.yml`` may hold too (GitHub metadata, a theme's own settings).
_SHARED_KEYS = frozenset({"repository", "html", "latex", "exclude_patterns"})
_JEKYLL_KEYS = frozenset({"markdown", "kramdown", "theme", "remote_theme", "plugins", "gems", "baseurl",
                          "collections", "permalink", "defaults", "jekyll", "sass", "url"})
_MYST_SIGNS = re.compile(r"^[ \t]{0,3}(?:```+|~~~+|:::+)[ \t]*\{[\w:-]+\}|\{(?:math|eq|ref|numref|doc|cite)\}`"
                         r"|^\([\w-]+\)=[ \t]*$", re.M)
_KRAMDOWN_SIGNS = re.compile(r"\\\\\(|\\\\\[|\{:\s*[.#]")
_QUARTO_SIGNS = re.compile(r"\{\{<\s|^:::+\s*\{\.callout", re.M)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


@dataclass(frozen=True)
class ProjectConfig:
    """A config file that decides how the project renders: its path, kind and parsed content."""

    path: str
    kind: str  # "jupyter-book-2", "jupyter-book-1", "jekyll", "quarto", "bookdown", "mkdocs", "docsify"
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Flavor:
    """The dialect a file is read as.

    ``name`` is one of :data:`FLAVORS`; ``markdown`` is the dialect of the Markdown inside it (the
    cells of a notebook; for Markdown files the same as ``name``; None for LaTeX). ``engine`` names the
    program expected to render it ("jupyter-book-1", "jupyter-book-2", "quarto", "jekyll", "github",
    "pandoc", "jupyter", "latex") and ``evidence`` says what decided it.
    """

    name: str
    markdown: str | None
    engine: str
    evidence: tuple[str, ...] = ()
    config: ProjectConfig | None = None
    front_matter: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "markdown": self.markdown, "engine": self.engine,
                "evidence": list(self.evidence), "config": self.config.path if self.config else None}


def is_notes_file(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in SUFFIXES


def front_matter(source: str) -> dict[str, Any]:
    """The YAML front matter at the top of a Markdown file (empty if none, or if it does not parse)."""
    m = _FRONT_MATTER.match(source)
    return _yaml(m.group(1)) if m else {}


def _yaml(text: str, *, any_tag: bool = False) -> dict[str, Any]:
    """Parsed YAML (a mapping, else empty). ``any_tag``: an unknown tag such as MkDocs Material's
    ``!!python/name:material.extensions.emoji.twemoji`` reads as its plain value instead of failing
    the whole file (safe: nothing is constructed from a tag)."""
    import yaml

    loader: Any = yaml.SafeLoader
    if any_tag:
        loader = _tolerant_loader()
    try:
        data = yaml.load(text, Loader=loader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


@functools.lru_cache(maxsize=1)
def _tolerant_loader() -> Any:
    import yaml

    class Tolerant(yaml.SafeLoader):
        pass

    def plain(loader: Any, suffix: str, node: Any) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return loader.construct_scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return loader.construct_sequence(node)
        return loader.construct_mapping(node)

    Tolerant.add_multi_constructor("!", plain)
    Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", plain)
    return Tolerant


_DOCSIFY = re.compile(r"\$docsify\b|/docsify(?:@[^/\s\"']*)?/(?:lib|dist)/docsify(?:\.min)?\.js")
_SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']([^\"']+)[\"']", re.I)


def docsify_site(html: str) -> dict[str, Any] | None:
    """What a docsify ``index.html`` loads: ``{"scripts": [...], "math_plugin": name, "math": typesetter,
    "custom_delimiters": bool}``, or None when the page does not start docsify.

    docsify renders Markdown in the browser with marked; math is typeset only by a plugin, and each
    plugin has its own rules: docsify-katex (KaTeX 0.11 bundled) pairs dollars before marked sees the
    text; docsify-latex pairs ``$``, ``\\(`` and ``$$`` and hands them to the KaTeX or MathJax the page
    loads ("katex", "mathjax3", "mathjax2"). ``custom_delimiters``: the page sets docsify-latex's own
    ``inlineMath``/``displayMath``, which are not read here.
    """
    if _DOCSIFY.search(html) is None:
        return None
    scripts = _SCRIPT_SRC.findall(html)
    names = [src.lower() for src in scripts]
    plugin = next((p for p in ("docsify-katex", "docsify-latex", "docsify-mathjax") if any(p in n for n in names)),
                  None)
    math: str | None = None
    for name in names:
        if "docsify-katex" in name or "docsify-latex" in name or "docsify-mathjax" in name:
            continue
        if "katex" in name and math is None:
            math = "katex"
        elif "mathjax" in name and math is None:
            # MathJax 2 loads MathJax.js?config=…; MathJax 3 a component such as tex-chtml.js
            math = "mathjax2" if "mathjax.js" in name or "mathjax@2" in name else "mathjax3"
    if plugin == "docsify-katex":
        math = "katex"
    if plugin is None and math is not None:
        plugin = math.rstrip("23")
    custom = plugin == "docsify-latex" and re.search(r"\b(?:inlineMath|displayMath)\s*:", html) is not None
    return {"scripts": scripts, "math": math, "math_plugin": plugin, "custom_delimiters": custom}


@functools.lru_cache(maxsize=256)
def _config_in(folder: str) -> ProjectConfig | None:
    """The deciding config file in one folder, if any (read once per folder per run)."""
    for name in CONFIG_FILES:
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            continue
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read(1_000_000)
        except (OSError, UnicodeDecodeError):
            text = ""
        if name == "index.html":
            site = docsify_site(text)
            if site is not None:
                return ProjectConfig(path, "docsify", site)
            continue
        data = _yaml(text, any_tag=name == "mkdocs.yml")
        if name == "myst.yml":
            return ProjectConfig(path, "jupyter-book-2", data)
        if name == "_quarto.yml":
            return ProjectConfig(path, "quarto", data)
        if name == "_bookdown.yml":
            return ProjectConfig(path, "bookdown", data)
        if name == "mkdocs.yml":
            from .script_math import SCRIPTS_KEY, local_scripts

            # the site's own scripts (a KaTeX/MathJax config) say which delimiters are math
            return ProjectConfig(path, "mkdocs", dict(data, **{SCRIPTS_KEY: local_scripts(path, data)}))
        if name == "_config.yaml":  # Jekyll looks for _config.yml, then _config.yaml; Jupyter Book 1 only the first
            if os.path.exists(os.path.join(folder, ".nojekyll")):
                continue
            return ProjectConfig(path, "jekyll", data)
        # _config.yml: Jupyter Book 1 or Jekyll. A key both write (``repository``, ``html``…) gives way to
        # Jekyll's own (``markdown: kramdown``, ``theme``, ``plugins``).
        jb1 = _JB1_KEYS & set(data)
        if os.path.isfile(os.path.join(folder, "_toc.yml")) or (jb1 and (jb1 - _SHARED_KEYS or not _JEKYLL_KEYS & set(data))):
            return ProjectConfig(path, "jupyter-book-1", data)
        if os.path.exists(os.path.join(folder, ".nojekyll")):
            continue  # GitHub Pages serves this folder as it is: the _config.yml is not Jekyll's
        if _JEKYLL_KEYS & set(data) or not data:
            return ProjectConfig(path, "jekyll", data)
        return ProjectConfig(path, "jupyter-book-1" if "title" in data and "author" in data else "jekyll", data)
    return None


def _mkdocs_for(folder: str, path: str) -> ProjectConfig | None:
    """The ``mkdocs.yml`` beside a Jekyll ``_config.yml`` when ``path`` lies in its ``docs_dir``: a GitHub Pages theme
    left in the repository (``theme: jekyll-theme-cayman``) next to the MkDocs site that builds the pages, whose
    math (``\\(…\\)`` through arithmatex) Jekyll would never render."""
    config = os.path.join(folder, "mkdocs.yml")
    if not os.path.isfile(config):
        return None
    try:
        with open(config, encoding="utf-8") as handle:
            data = _yaml(handle.read(1_000_000), any_tag=True)
    except (OSError, UnicodeDecodeError):
        return None
    docs = os.path.abspath(os.path.join(folder, str(data.get("docs_dir") or "docs")))
    if os.path.commonpath([docs, os.path.abspath(path)]) != docs:
        return None
    from .script_math import SCRIPTS_KEY, local_scripts

    return ProjectConfig(config, "mkdocs", dict(data, **{SCRIPTS_KEY: local_scripts(config, data)}))


def find_config(path: str) -> ProjectConfig | None:
    """The nearest deciding config file above ``path``, not looking past the repository root."""
    folder = os.path.dirname(os.path.abspath(path))
    while True:
        found = _config_in(folder)
        if found is not None and found.kind == "jekyll" and (mkdocs := _mkdocs_for(folder, path)) is not None:
            return mkdocs
        if found is not None:
            return found
        if os.path.exists(os.path.join(folder, ".git")):
            return None  # the repository root: a config above it belongs to another project
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


_ENGINE_FLAVOR = {"jupyter-book-2": "myst", "jupyter-book-1": "myst", "jekyll": "kramdown", "quarto": "quarto",
                  "bookdown": "rmarkdown", "mkdocs": "mkdocs", "docsify": "docsify"}
_FLAVOR_ENGINE = {"myst": "jupyter-book-1", "gfm": "github", "commonmark": "github", "kramdown": "jekyll",
                  "pandoc": "pandoc", "quarto": "quarto", "rmarkdown": "pandoc", "latex": "latex", "ipynb": "jupyter",
                  "docsify": "docsify", "mkdocs": "mkdocs"}


def decide(path: str, source: str, forced: str | None = None, *, look_up: bool = True) -> Flavor:
    """The flavour of one file, from the evidence described in the module docstring."""
    if forced is not None and forced not in FLAVORS:
        raise UsageError(f"unknown flavor {forced!r}: choose one of {', '.join(FLAVORS)}")
    suffix = os.path.splitext(path)[1].lower()
    config = find_config(path) if look_up else None
    evidence: list[str] = []
    if config is not None:
        evidence.append(f"{config.kind} config {config.path}{_config_detail(config)}")
    if suffix == ".ipynb":
        inner = forced if forced in MARKDOWN_FLAVORS else None
        if inner is None and config is not None and config.kind.startswith("jupyter-book"):
            inner = "myst"
        engine = config.kind if config is not None and config.kind.startswith("jupyter-book") else "jupyter"
        return Flavor("ipynb", inner or "jupyter", engine, tuple(["extension .ipynb"] + evidence), config)
    if forced is not None:
        engine = _engine(forced, config)
        return Flavor(forced, None if forced == "latex" else forced, engine, ("--flavor",) + tuple(evidence), config)
    by_suffix = SUFFIXES.get(suffix)
    if by_suffix == "latex":
        return Flavor("latex", None, "latex", (f"extension {suffix}",), config)
    matter = front_matter(source)
    if by_suffix is not None:
        return Flavor(by_suffix, by_suffix, _engine(by_suffix, config), (f"extension {suffix}",) + tuple(evidence),
                      config, matter)
    name: str | None = None
    if matter:
        keys = set(matter)
        if keys & {"jupytext", "kernelspec", "myst", "mystnb", "file_format"}:
            name, why = "myst", "front matter (" + ", ".join(sorted(keys & {"jupytext", "kernelspec", "myst",
                                                                              "mystnb", "file_format"})) + ")"
        elif "format" in keys and config is not None and config.kind == "quarto":
            name, why = "quarto", "front matter (format)"
        elif keys & {"layout", "permalink"}:
            name, why = "kramdown", "front matter (" + ", ".join(sorted(keys & {"layout", "permalink"})) + ")"
        if name is not None:
            evidence.insert(0, why)
    if name is None and config is not None:
        name = _ENGINE_FLAVOR[config.kind]
    if name is None:
        if _MYST_SIGNS.search(source):
            name = "myst"
            evidence.append("MyST directives or roles in the text")
        elif _QUARTO_SIGNS.search(source):
            name = "pandoc"
            evidence.append("Pandoc fenced divs or shortcodes in the text")
        elif _KRAMDOWN_SIGNS.search(source):
            name = "kramdown"
            evidence.append("kramdown-style \\\\( math or attribute lists in the text")
        else:
            name = "gfm"
            evidence.append("no other evidence: GitHub-flavoured Markdown")
    return Flavor(name, name, _engine(name, config), tuple(evidence), config, matter)


def _config_detail(config: ProjectConfig) -> str:
    """What in a docsify or MkDocs config decides how math renders, for the evidence."""
    if config.kind == "docsify":
        from .renderers import renderer_for

        return f" (math plugin: {config.data.get('math_plugin') or 'none'}; {renderer_for('docsify', config.data).name})"
    if config.kind == "mkdocs":
        from .renderers import renderer_for

        return f" ({renderer_for('mkdocs', config.data).name})"
    return ""


def _engine(flavor: str, config: ProjectConfig | None) -> str:
    if config is not None and _ENGINE_FLAVOR.get(config.kind) == flavor:
        return config.kind
    if flavor == "quarto":
        return "quarto"
    return _FLAVOR_ENGINE.get(flavor, "github")
