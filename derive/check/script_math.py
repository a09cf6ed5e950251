"""MkDocs sites whose math is typeset in the browser by a script, with no ``pymdownx.arithmatex``.

Such a site lists KaTeX's auto-render (``katex.min.js``, ``auto-render.min.js`` and a small script
calling ``renderMathInElement(document.body, {delimiters: […]})``) or MathJax 3 (``tex-mml-chtml.js``
after a ``window.MathJax = {tex: {inlineMath: …}}`` config) in ``extra_javascript``. Python-Markdown
has no math then: it reads every formula as paragraph text first — ``\\\\`` becomes ``\\``, ``\\{``
becomes ``{``, ``*…*`` pairs become emphasis — and the script typesets what reaches the browser, between
the delimiters it was given. So the delimiters decide what is math, and they are read here from the
config script when it lies in the docs folder (its JavaScript is read as text: only array and string
literals are looked at, nothing is run).

Defaults when no config script says otherwise: KaTeX auto-render 0.16 pairs ``$$``, ``\\(``, ``\\[`` and
``\\begin{equation|align|alignat|gather|CD}``; MathJax 3 pairs ``\\(`` inline, ``$$`` and ``\\[``
displayed, and any environment (``processEnvironments``). Neither takes a single ``$`` unless told to.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

#: Key under which :func:`derive.check.flavors` keeps the texts of an MkDocs site's local scripts.
SCRIPTS_KEY = "_extra_javascript_texts"

_KATEX_NAME = re.compile(r"katex|auto-render", re.I)
_MATHJAX_NAME = re.compile(r"mathjax|tex-(?:mml-)?(?:chtml|svg)", re.I)
_JS_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'')
_JS_ESCAPE = re.compile(r"\\(.)")
_DISPLAY_TRUE = re.compile(r"display\s*:\s*(true|false|!0|!1)")
_ENV = re.compile(r"\\begin\{([A-Za-z]+)\}")

KATEX_DEFAULT_ENVS = frozenset({"equation", "align", "alignat", "gather", "CD"})


@dataclass(frozen=True)
class ScriptMath:
    """The script that typesets an MkDocs site's math in the browser, and the delimiters it pairs.

    ``inline``/``display`` hold the left delimiters as the browser must see them (``\\(``, ``$``);
    ``envs`` are the environments typeset without delimiters (None: any, as MathJax does); ``custom``
    says the delimiters were read from the site's own config script.
    """

    engine: str  # "katex" or "mathjax"
    inline: frozenset[str]
    display: frozenset[str]
    envs: frozenset[str] | None
    custom: bool = False
    #: the script typesets all the page's text (KaTeX's auto-render), not only what arithmatex marked
    whole_page: bool = False


KATEX_DEFAULT = ScriptMath("katex", frozenset({"\\("}), frozenset({"$$", "\\["}), KATEX_DEFAULT_ENVS, whole_page=True)
MATHJAX_DEFAULT = ScriptMath("mathjax", frozenset({"\\("}), frozenset({"$$", "\\["}), None)


def _js_unquote(body: str) -> str:
    return _JS_ESCAPE.sub(lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


def _strings(text: str) -> list[str]:
    return [_js_unquote(m.group(1) if m.group(1) is not None else m.group(2)) for m in _JS_STRING.finditer(text)]


def _array_after(text: str, key: str) -> str | None:
    """The source of the balanced ``[…]`` that follows ``key:`` (string literals skipped), or None."""
    m = re.search(rf"\b{key}\s*:\s*\[", text)
    if m is None:
        return None
    depth, i = 0, m.end() - 1
    while i < len(text):
        quoted = _JS_STRING.match(text, i)
        if quoted:
            i = quoted.end()
            continue
        depth += {"[": 1, "]": -1}.get(text[i], 0)
        if depth == 0:
            return text[m.end() - 1:i + 1]
        i += 1
    return None


def _katex_delimiters(text: str) -> ScriptMath | None:
    """``renderMathInElement(…, {delimiters: [{left, right, display}, …]})``: the pairs listed."""
    array = _array_after(text, "delimiters")
    if array is None:
        return None
    inline: set[str] = set()
    display: set[str] = set()
    envs: set[str] = set()
    for entry in re.findall(r"\{[^{}]*\}", _JS_STRING.sub(lambda m: m.group().replace("{", "\0").replace("}", "\1"),
                                                          array)):
        entry = entry.replace("\0", "{").replace("\1", "}")
        fields = dict(re.findall(r"(left|right)\s*:\s*(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')", entry))
        if "left" not in fields:
            continue
        left = _strings(fields["left"])[0]
        env = _ENV.fullmatch(left)
        if env:
            envs.add(env.group(1))
            continue
        flag = _DISPLAY_TRUE.search(entry)
        (display if flag and flag.group(1) in ("true", "!0") else inline).add(left)
    return ScriptMath("katex", frozenset(inline), frozenset(display), frozenset(envs), custom=True, whole_page=True)


def _mathjax_delimiters(text: str) -> ScriptMath | None:
    """``window.MathJax = {tex: {inlineMath: [[l, r], …], displayMath: …, processEnvironments}}``."""
    inline_array, display_array = _array_after(text, "inlineMath"), _array_after(text, "displayMath")
    if inline_array is None and display_array is None:
        return None
    inline = frozenset(_strings(inline_array)[0::2]) if inline_array is not None else MATHJAX_DEFAULT.inline
    display = frozenset(_strings(display_array)[0::2]) if display_array is not None else MATHJAX_DEFAULT.display
    envs = frozenset() if re.search(r"processEnvironments\s*:\s*(false|!1)", text) else None
    return ScriptMath("mathjax", inline, display, envs, custom=True)


def _names(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        out = []
        for item in value:
            if isinstance(item, dict):  # MkDocs 1.5: {path: …, type: module, async: true}
                out += [str(item["path"])] if "path" in item else [str(k) for k in item]
            else:
                out.append(str(item))
        return out
    return [str(value)] if isinstance(value, str) else []


def local_scripts(config_path: str, data: dict[str, Any]) -> list[str]:
    """The texts of the ``extra_javascript`` files that lie in the site's docs folder (read at most 200 kB each)."""
    docs = os.path.join(os.path.dirname(config_path), str(data.get("docs_dir") or "docs"))
    texts = []
    for name in _names(data.get("extra_javascript")):
        if "://" in name or name.startswith("//"):
            continue
        path = os.path.normpath(os.path.join(docs, name))
        if not path.startswith(os.path.normpath(docs) + os.sep) or not os.path.isfile(path):
            continue
        try:
            with open(path, encoding="utf-8") as handle:
                texts.append(handle.read(200_000))
        except (OSError, UnicodeDecodeError):
            continue
    return texts


def script_math(data: dict[str, Any]) -> ScriptMath | None:
    """What typesets an MkDocs site's math in the browser (None: no known math script is loaded).

    The engine is named by a script's file name or by what its config script calls; a config
    script's delimiters replace the engine's defaults."""
    names = " ".join(_names(data.get("extra_javascript")))
    texts = [t for t in data.get(SCRIPTS_KEY, ()) if isinstance(t, str)]
    katex = _KATEX_NAME.search(names) is not None or any("renderMathInElement" in t for t in texts)
    mathjax = _MATHJAX_NAME.search(names) is not None
    auto_render = "auto-render" in names.lower() or any("renderMathInElement" in t for t in texts)
    for text in texts:
        if "renderMathInElement" in text:
            found = _katex_delimiters(text)
            if found is not None:
                return found
        if re.search(r"\bMathJax\s*=", text):
            found = _mathjax_delimiters(text)
            if found is not None and not katex:
                return found
    if katex and not mathjax:
        return KATEX_DEFAULT if auto_render else None  # katex.min.js alone typesets nothing by itself
    if mathjax:
        return MATHJAX_DEFAULT
    return None
