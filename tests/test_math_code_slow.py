"""Math in code spans on a site that loads math-code.js: the spans derive reads as math must be the ``<code>``
elements the real kramdown makes (ruby-kramdown, as Jekyll runs it) that the script then turns into math. The
script's own rule is applied to kramdown's HTML here, written from its public source: an inline ``<code>`` (not
in ``<pre>``, no child element) whose text is ``$…$`` becomes ``\\(…\\)``, and one whose text is ``\\(…\\)``,
``\\[…\\]``, ``$…$``/``$$…$$`` or ``\\begin{…}…\\end{…}`` is unwrapped for MathJax. Slow: it starts Ruby."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from derive.check.document import read_document
from test_kramdown_dollars_slow import _kramdown_html

pytestmark = pytest.mark.slow

POST = r"""Text `$x_1 + x_2$` and `plain code` and `` `$y$` `` and `$a$ and $b$`.

`$$f(w) = \frac{1}{2}\|w\|^2$$`

A list:

- item `\(u = v\)` and `\[p = q\]`
- `\begin{aligned} s &= t \end{aligned}`

    `$$indented = code$$`

```
`$$fenced = code$$`
```

> quoted ` $z = 1$ ` here
"""


class _Codes(HTMLParser):
    """The text of every ``<code>`` element that is not inside ``<pre>`` and holds no element of its own."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pre = 0
        self.code: list[str] | None = None
        self.nested = False
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre":
            self.pre += 1
        elif tag == "code" and not self.pre:
            self.code, self.nested = [], False
        elif self.code is not None:
            self.nested = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self.pre -= 1
        elif tag == "code" and self.code is not None:
            if not self.nested:
                self.texts.append("".join(self.code))
            self.code = None

    def handle_data(self, data: str) -> None:
        if self.code is not None:
            self.code.append(data)


def _typeset_by_script(text: str) -> str | None:
    """What math-code.js hands MathJax for a code element's text (None: it stays code)."""
    if re.match(r"\$[^$]", text) and re.search(r"[^$]\$$", text):
        text = "\\(" + text[1:-1] + "\\)"
    if re.fullmatch(r"\\\((.|\s)+\\\)", text) or re.fullmatch(r"\\\[(.|\s)+\\\]", text) \
            or re.fullmatch(r"\$(.|\s)+\$", text) or re.fullmatch(r"\\begin\{([^}]+)\}(.|\s)+\\end\{[^}]+\}", text):
        return text
    return None


def _inner(math: str) -> str:
    for opener, closer in (("$$", "$$"), ("\\(", "\\)"), ("\\[", "\\]")):
        if math.startswith(opener) and math.endswith(closer):
            return math[len(opener):-len(closer)]
    return math


def test_code_spans_read_as_math_are_those_math_code_js_typesets_in_kramdowns_html(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / ".git").mkdir(parents=True)
    (site / "_config.yml").write_text("markdown: kramdown\n")
    (site / "_includes").mkdir()
    (site / "_includes" / "head.html").write_text('<script src="/js/math-code.min.js"></script>\n')
    (site / "_posts").mkdir()
    post = site / "_posts" / "2020-01-01-post.md"
    post.write_text(POST)
    codes = _Codes()
    codes.feed(_kramdown_html(post))
    expected = [_inner(m) for t in codes.texts if (m := _typeset_by_script(html.unescape(t))) is not None]
    assert "plain code" in codes.texts and len(expected) >= 5, codes.texts  # the probe saw kramdown's code
    doc = read_document(str(post), POST)
    assert [b.text.strip() for b in doc.blocks] == [e.strip() for e in expected]
