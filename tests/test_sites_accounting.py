"""Every ``=`` written in math is in ``links``, wherever on the page the math stands.

The probe page puts an equality, with a left side named for its place, in each spot where an
accounting could lose it: inside ``\\text{…}``, before a ``\\tag``, in an HTML block (``<div>``,
``<center>``, a ``<details>`` body with no blank line), a table cell, a footnote, a nested list, a
block quote, emphasis, a link's text, an MkDocs admonition, a chain of ``=``. It is checked in each
Markdown flavour whose reader differs (MyST's markdown-it reader, the CommonMark-structure reader,
MkDocs' containers, docsify's plugin pairing). Math that no page ever typesets (a tag's attribute, a
``<script>``, an HTML comment, ``<pre>``) must stay out of ``links``.
"""
from __future__ import annotations

import re

import pytest

from derive.check.run import CheckOptions, check_document

PAGE = r"""# Accounting probes

Inline $a_1 = b_1$ here.

$$
c_1 = d_1 \quad \text{where } e_1 = f_1
$$

$$
g_1 = h_1 \tag{2}
$$

<div align="center">
$$
i_1 = j_1
$$
</div>

<center>Centred $k_1 = l_1$ here.</center>

<details>
<summary>Proof</summary>
Hidden $m_1 = n_1$ here.
</details>

| col | math |
|---|---|
| x | $o_1 = p_1$ |

A footnote[^1].

[^1]: Footnote math $q_1 = r_1$.

- List $s_1 = t_1$
    - nested $u_1 = v_1$

> Quote $w_1 = x_1$.

**Bold $y_1 = z_1$** and [link $a_2 = b_2$](https://example.org).

$$
c_2 = d_2 = e_2
$$

<img alt="$x_0 = y_0$" src="a.png">

<script>var s = "$x_0 = y_0$";</script>

<!-- $x_0 = y_0$ -->

<pre>
$x_0 = y_0$
</pre>
"""

ADMONITION = '\n!!! note "Title"\n\n    Inside $f_2 = g_2$.\n'
#: every left side above that must be in links
EXPECTED = {"a_1", "c_1", "e_1", "g_1", "i_1", "k_1", "m_1", "o_1", "q_1", "s_1", "u_1", "w_1", "y_1", "a_2", "c_2"}


def _lefts(flavor: str, text: str) -> set[str]:
    report = check_document(f"accounting-{flavor}.md", text, CheckOptions(flavor=flavor, timeout=None))
    names: set[str] = set()
    for link in report.links:
        names |= set(re.findall(r"[a-z]_\d", link.left + " " + link.right))
    return names


@pytest.mark.parametrize("flavor", ["myst", "gfm", "kramdown", "mkdocs", "docsify"])
def test_every_equality_in_math_is_a_link(flavor: str) -> None:
    text = PAGE + (ADMONITION if flavor == "mkdocs" else "")
    expected = EXPECTED | ({"f_2"} if flavor == "mkdocs" else set())
    seen = _lefts(flavor, text)
    assert expected <= seen, sorted(expected - seen)
    assert "x_0" not in seen and "y_0" not in seen  # attributes, scripts, comments and <pre> are not math


def test_a_notebook_accounts_for_html_and_table_math_in_its_cells() -> None:
    import json

    cells = [{"cell_type": "markdown", "metadata": {}, "source": PAGE.splitlines(True)},
             {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
              "source": ["# $x_0 = y_0$ in a comment\n"]},
             {"cell_type": "markdown", "metadata": {}, "source": "<center>$h_2 = i_2$</center>"}]
    notebook = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    report = check_document("accounting.ipynb", notebook, CheckOptions(timeout=None))
    names = {n for k in report.links for n in re.findall(r"[a-z]_\d", k.left + " " + k.right)}
    assert EXPECTED | {"h_2"} <= names, sorted(EXPECTED | {"h_2"} - names)
    assert "x_0" not in names
    assert {k.cell for k in report.links if "h_2" in k.left} == {3}


@pytest.mark.parametrize("flavor", ["myst", "gfm"])
def test_a_less_than_sign_in_html_block_math_is_not_taken_for_a_tag(flavor: str) -> None:
    from derive.check.markdown import read_markdown

    text = '<div>\nOrder $a<b$ and $c > d$ <span class="x">$e = f$</span>\n<br/>\n</div>\n'
    assert [text[f.start:f.end] for f in read_markdown(text, flavor).found] == ["a<b", "c > d", "e = f"]
