r"""The ``physics`` package's notation, when a file or its site loads the package.

``\usepackage{physics}`` in LaTeX, or MathJax's ``physics`` extension in a site's configuration (``load:
['[tex]/physics']``, ``packages: {'[+]': ['physics']}``), gives notes ``\qty(…)``, ``\va x``, ``\grad``, ``\dv{f}{x}``:
without them every formula that uses one is "unknown macro". The package is read here as the plain LaTeX its
documentation says each command typesets, with the meaning kept and the look dropped:

* ``\qty`` only sizes the bracket that follows (``\qty(…)``, ``\qty[…]``, ``\qty|…|``): it expands to nothing;
  ``\pqty{…}``, ``\bqty{…}``, ``\vqty{…}`` are the brackets themselves;
* ``\abs{…}``, ``\norm{…}``: the bars; ``\vb``, ``\va``, ``\vu``: bold, arrow and unit vectors;
* ``\grad`` is ``\nabla``; ``\rank`` an operator name; ``\dd`` is the upright differential; ``\dv{f}{x}``,
  ``\pdv{f}{x}``, ``\dv[2]{f}{x}``: the fractions, and ``\pdv{x}`` the operator ∂/∂x (``\pdv{f}{x}{y}``, a mixed
  derivative, is not read).

Matrices (``\mqty``), evaluation bars (``\eval``), bra-kets and the rest are not given a meaning: they stay unknown,
so a formula with one is undecided, as before. Definitions in the file itself still win.
"""

from __future__ import annotations

import re

#: What each command of the package typesets, as definitions the macro expander reads.
DEFINITIONS = r"""
\def\qty{}
\newcommand{\pqty}[1]{\left(#1\right)}
\newcommand{\bqty}[1]{\left[#1\right]}
\newcommand{\vqty}[1]{\left|#1\right|}
\newcommand{\abs}[1]{\left|#1\right|}
\newcommand{\norm}[1]{\left\|#1\right\|}
\newcommand{\vb}[1]{\mathbf{#1}}
\newcommand{\va}[1]{\vec{#1}}
\newcommand{\vu}[1]{\hat{\mathbf{#1}}}
\newcommand{\grad}{\nabla}
\newcommand{\dd}{\mathrm{d}}
\newcommand{\rank}{\operatorname{rank}}
"""

#: The derivatives, one or two arguments (``\dv{f}{x}``, ``\dv{x}``) and an order (``\dv[2]{f}{x}``): their
#: differential (read by the expander as a macro of its own kind, since TeX's argument rules cannot say "one or two").
DERIVATIVES = {"dv": "d", "pdv": "\\partial"}

_LATEX = re.compile(r"\\(?:usepackage|RequirePackage)\s*(?:\[[^\]]*\])?\s*\{[^}]*\bphysics\b[^}]*\}")
_MATHJAX = re.compile(r"\[tex\]/physics\b|\bpackages\s*:\s*[\[{][^\]}]*['\"]physics['\"]")


def loaded_by(text: str) -> bool:
    """Does ``text`` (a LaTeX preamble, a MathJax configuration, a header include) load the package?"""
    return "physics" in text and (_LATEX.search(text) is not None or _MATHJAX.search(text) is not None)
