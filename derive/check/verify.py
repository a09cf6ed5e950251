"""Verifying the algebra of one document: every link of every equality chain, under its definitions.

Two passes over the statements in document order. The first binds: function definitions
(``Q(w) = …``, in force from where they are written) and systems (a block of two or more
definitions: ``cases``, ``aligned``, rows joined by ``\\qquad``), each in the scope of its section.
The second verifies each ``=`` link with the definitions of the nearest system of the same section
(the one before the statement, else the one after: notes often define after use) and the namings
met so far (``n = 1/(1-γ)``, "Let m_t = …"), and reports

* ``math/false`` (error) with a counterexample: values where the two sides differ;
* ``math/coefficient`` (error) for a chain ending in ``\\dots`` whose explicit part is wrong;
* ``math/conflict`` (warning) when a number put in for a name differs in a late digit from the value another
  line gives it bare: one copy is a slip, and nothing says which (:mod:`derive.check.put_in`);
* ``math/circular-definition`` (error) for a function defined through its own gradient, or a cycle;
* ``math/undecided`` (info) when the budget ran out, or a false verdict may come from reading the
  notation the wrong way (:mod:`derive.check.heuristics`);
* ``math/new-scheme`` (info) when a statement rewrites a defined quantity with new symbols (the paper's
  base rate α): a different scheme, not a contradiction;
* ``math/shape-claim`` (info) for forms with unknown functions, w_t = g(λ)·w_{t-1} − η_t·h(…).

Precision first: anything the checker cannot model is info, never an error.
"""
from __future__ import annotations

import bisect
import contextvars
import dataclasses
import functools
import itertools
import re
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

import sympy as sp
from sympy.core.function import AppliedUndef

from .. import limits, piecewise, printing
from .. import symbols as S
from ..budget import time_budget
from ..errors import BudgetExceeded, debug_traceback
from .. import proof
from ..proof import Verdict
from . import (asymptotic, becomes, event_values, per_example, put_in, stated_laws, computation, counts, data_sums, ellipsis_sums, calculus, chain_results, chain_rule, condition_chain, conditional, continuation, coordinates, dimensions, matrix_sizes, matrix_solutions,
               expectation, finite_sums, identities, indexed_derivatives, named_matrices, optima, other_schemes, plus_minus, prose_values, ranges, reparametrize, restated_models,
               regularized, rule_instances, scope_rules, sigmoid, step_superscripts, sum_induction, sums, tuples, unbounded, unwritten, worked_restatements, worked_values)
from .entries import index_text, without_entries
from .latex_tokens import GREEK, reads_as_word
from .macros import MacroTable, expand
from .bind import (GRADIENT_PREFIX, HESSIAN_PREFIX, CircularDefinition, evaluated_at, FunctionDef, Functions, _square_norms, atom_name, atomize, gradient_parts,
                   hidden_in_names, operator_norms, primed, reads_function, substitute, unaccented)
from .claims import restated_rows
from .substituted import substitution
from .extract import LineMap, MathBlock
from .findings import Finding, Link
from .heuristics import INDEXED_DOUBT, doubt, find_cycle, is_assignment, is_condition
from .latex import (CASE_RELATIONS, DEFAULT_FUNCTIONS, DOTS, EvaluatedAt, LIST_OF_VALUES, PLUS_MINUS, SUBSCRIPT_FREE_FUNCTIONS, LatexParseError, ParsedBlock,
                    Norm, Statement, Term, parse_expr)
from .prose import CLAIMS, DEFINES, DERIVATION, LOCUS_BEFORE, Cues
from .recurrence import STEP_LETTERS, Recurrences, base_of as step_base, read as read_index
from .vectors import Coords, Inner, Rows, entries, has_vectors, linear_inner, reduce_coords
from .vectors import shape as vector_shape

if TYPE_CHECKING:  # loaded only by a document that writes matrix notation (a cold check pays for it otherwise)
    from . import matrices
    from fractions import Fraction

    from .arithmetic import Arithmetic

CHECKED_RELATIONS = {"=", ":="}  # "\\leftarrow" assigns: it is never a claim
DEFINING_RELATIONS = {"=", ":=", "<-", "equiv"}
#: Relations whose links are accounted for: each gets a verdict in the links report.
LINK_RELATIONS = {"=", ":=", "=:", "equiv", "approx", "<-", "?=", "=!"}
_NOT_CHECKED = {
    "approx": "approximation (≈ is not an identity)",
    "<-": "assignment (←)",
    "=:": "definition (=: names the right side)",
    "?=": "a question (?=), not a claim",
    "=!": "a demand (= with ! over it: what the unknowns must satisfy), not a claim",
    "equiv": "definition or identity (≡) — not checked",
}
LOSS_NAMES = {"L", "Q", "f", "F", "J", "R", r"\ell", r"\mathcal{L}"}
LINK_SECONDS = 2.0
_SYSTEM_ENV = re.compile(r"\\begin\{(?:cases|aligned|array|gathered)\}")
#: ``W(t+1)``, ``V_{t}(x)``: a letter right before a bracket, read as a product when not a known function.
#: Only an argument that looks like a step or a point (t, t+1, x, 0) makes the call reading likely; a Greek letter
#: counts too (``12\delta(0)``: the impulse at 0, read as 12·δ·0).
_CALL_OR_PRODUCT = re.compile(r"(?<![\\A-Za-z])([A-Za-z]|\\(?:hat|bar|tilde|overline|widehat|widetilde)\s*\{[A-Za-z]\}"
                              r"|\\(?:" + "|".join(sorted(GREEK, key=len, reverse=True)) + r")(?![A-Za-z]))(?:_\{[^{}]*\}|_[A-Za-z0-9])?\(\s*(?:[A-Za-z](?:_\{[^{}]*\}|_[A-Za-z0-9])?(?:\s*[-+]\s*\d+)?|\d+)\s*\)")
#: The words that put a point right before its formula, "the tangent line at $x = c$", "expanded about $x = a$",
#: "в точке $x = c$": where a formula is taken, not a value the letter keeps (a number there is still an example).
_AT_A_POINT = re.compile(r"(?:\b(?:at|around|about|near|an der Stelle|um|en|autour de|cerca de|em|vicino a|w punkcie)"
                         r"|в точке|около|вокруг|在|关于|關於|围绕|附近)\s*$", re.IGNORECASE)
#: Words right after a formula that make it a point (Chinese and Japanese put "at" after): "$x=0$处", "$x=1$において".
_POINT_AFTER = re.compile(r"\s*(?:\$+|\\\)|\\\])?\s*(?:处|處|点处|において|での|における|の近く|近傍)")
#: The logarithms a side writes, as written (``\ln``, ``\log``, ``\lg``, ``\log_2``).
_LOGARITHMS = re.compile(r"\\(?:ln|lg|log)(?![A-Za-z])(?:_\{?\w+\}?)?")
#: ``\log`` without a base (``\log_2`` names its base, ``\ln`` is natural): in school notes, often to base 10.
_COMMON_LOG = re.compile(r"\\log(?![A-Za-z_])")
#: A joining word typed into a formula without ``\text``: "or", "and", "if", "for" (and their Italian, German,
#: French and Russian forms), set off by spaces (never a lone letter: Spanish "y" is a variable as often).
_WORD_IN_MATH = re.compile(r"(?<=\s)(?:or|and|if|for|per|oppure|und|oder|et|ou|или|и)(?=\s)")
#: The cancel package's strike-through marks.
_CANCEL = re.compile(r"\\[bx]?cancel(?:to)?(?![A-Za-z])")
#: Absolute-value bars, ``|z|``, ``\lvert z \rvert``, ``\vert z \vert`` (not a norm's double bars).
_BARS = re.compile(r"(?<![|\\])\|(?!\|)|\\[lr]?vert\b")
#: The letter a function is written at, ``i_{L}(t)``, ``f(x)``, ``g(\theta)``: the link is about every value of it.
_CALLED_LETTER = re.compile(r"(?:[A-Za-z]|\})\(\s*([A-Za-z]|\\[A-Za-z]+)\s*\)")
#: The letter a derivative is taken in, as written: ``\frac{d}{du}``, ``\frac{dv}{du}``, ``\frac{\partial f}{\partial x}``,
#: ``\frac{d^2y}{dx^2}``, ``\partial_x``. A link that differentiates in a letter is about every value of it.
_DIFFERENTIATED_IN = re.compile(
    r"\\[dt]?frac\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*\{\s*(?:d|\\partial|\\mathrm\{d\}|\{\\rm\s+d\})\s*"
    r"([A-Za-z])\s*(?:\^\s*\{?\s*\d\s*\}?\s*)?\}|\\partial_\{?\s*([A-Za-z])\b")
#: The letters notes use for a dependent variable: ``f(x) = y`` says y is f's value at x, never that f is constant.
_VALUE_LETTERS = frozenset({"y", "z", "u", "v", "w", "Y", "Z"})
#: The reason a statement gets when the words right after it introduce its letters ("where A is a matrix").
_INTRODUCED_AFTER = "definition: the words right after it introduce"
#: An integer written alone, the whole side of a link: ``0``, ``-1`` (``4.9535 = 4.96`` is a rounding, not this).
_BARE_NUMBER = re.compile(r"\s*[-−+]?\s*\d+\s*")
#: A letter the words make an integer: "integer $n$" (intero, целое, entier, ganze Zahl, 整数), "$n \in \mathbb{Z}$"
#: (or ℕ), "$n = 1, 2, \dots$".
_INTEGER_LETTER = re.compile(
    r"(?:integers?|interi|intero|цел\w+|entiers?|ganze(?:n|r)?\s+Zahl(?:en)?|整数|정수)\s*\$\s*([a-z])\s*(?:\$|\\(?:ge|geq|neq|in)\b|[,=><])"
    r"|\$\s*([a-z])\s*\\in\s*\\mathbb\s*\{?\s*[ZN]\b"
    r"|\$\s*([a-z])\s*=\s*[0-9]\s*,\s*[0-9]\s*,\s*(?:\\[lc]?dots|\.\.\.|…)",
    re.IGNORECASE)
#: Two letters stated orthogonal: ``a \perp b``, ``a^T b = 0`` (``^t``, ``^\top``, ``\cdot``), ``\langle a, b\rangle = 0``.
_VECTOR = r"(?:\\(?:mathbf|vec|boldsymbol|bm)\s*\{)?\s*([a-z])\s*\}?(?:_\{?[a-z0-9]+\}?)?\}?"
_ORTHOGONAL = re.compile(
    _VECTOR + r"\s*\\perp\s*" + _VECTOR
    + r"|" + _VECTOR + r"\s*(?:\^\s*\{?\s*(?:T|t|\\top|\\intercal)\s*\}?|\\cdot)\s*" + _VECTOR
    + r"\s*=\s*(?:0(?![.\d])|\\delta)"
    + r"|\\langle\s*" + _VECTOR + r"\s*,\s*" + _VECTOR + r"\s*\\rangle\s*=\s*(?:0(?![.\d])|\\delta)"
    + r"|\$\s*" + _VECTOR + r"\s*\$\s*(?:and|y|и|et|und|e|和|与|與)\s*\$\s*" + _VECTOR
    + r"\s*\$\s*(?:are\s+|son\s+|sont\s+|sind\s+|são\s+|是)?(?:mutually\s+)?(?:orthogon|ortogon|ортогональн|正交)"
    + r"|(?:orthonormal|ortonormal|orthonormée?|ортонормированн)\w*\s+(?:basis|base|базис)?\s*(?:de\s+)?\$\s*\\\{\s*"
    + _VECTOR, re.IGNORECASE)
#: A coordinate written as a parenthesised superscript after a step subscript: the ``^{(j)}`` of ``y_{k-1}^{(j)}``
#: (with no subscript, ``x^{(k)}`` is as often the step itself).
_COORDINATE_MARK = re.compile(r"(?<=\})\^\{\(\s*[a-z]\s*\)\}$|(?<=_[a-z0-9])\^\{\(\s*[a-z]\s*\)\}$")
#: Where a new exercise or example starts: a label with its number at the start of a line (**Exercise 2.**,
#: Esercizio 3, Soluzione dell'\ref{ex_2}, Задача 4, 例 5). "Solution." alone is no new exercise: it works the one
#: just posed, and so may a rule (``---`` between a problem and its answer).
_NEW_EXERCISE = re.compile(
    r"^[ \t>]*(?:(?:\*\*|__|\\textbf\{|\\paragraph\*?\{|\\noindent\s*\\textbf\{|#{1,6}[ \t]|\\(?:sub)*section\*?\{)"
    r"[ \t]*){0,2}"  # (one run of blanks; a heading "## Exercise 2" as well, and "## **Exercice 26 b)**")
    r"(?:Exercise|Example|Problem|Question|Task|Esercizio|Esempio|Problema|Soluzione\s+dell?'?\s*(?:esercizio\s*)?"
    r"|Solution\s+(?:of|to)\s+(?:exercise|problem)|Задача|Пример|Упражнение|Zadanie|Przykład|Ćwiczenie|Aufgabe"
    r"|Beispiel|Übung|Ejercicio|Ejemplo|Exercice|Exemple|例題?|练习|习题|問題|연습|예제|문제)\s*(?:\d+|\\ref\{)"
    r"|^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?\(?[a-hа-и]\)(?:\*\*|__)?[ \t]*$"  # (a part's label alone on its line: "b)", "**в)**",
    r"|^[ \t]*(?:\*\*|__|\\textbf\{)[ \t]*(?:\d+[.)]|\(?[a-hа-и]\))(?:[ \t]*\(?[a-hа-и]\))?[ \t]*(?:\*\*|__|\})",  # **2)**
    # \textbf{1) a)}: a number or a letter set in bold at the start of a line)
    re.IGNORECASE | re.MULTILINE)
#: Where a LaTeX exercise starts by its markup rather than its words: an exercise-like environment
#: (``\begin{problem}``, ``{exercise}``, ``{ejercicio}``, ``{задача}``) or a macro that opens one (the exam class's
#: ``\question``, probsoln's ``\newproblem``). ``\begin{solution}`` works the problem just posed, so it is not one.
_EXERCISE_MARKUP = re.compile(
    r"^[ \t]*\\(?:begin\s*\{\s*(?:exercises?|problems?|examples?|questions?|tasks?|exo|exercices?|exemples?"
    r"|ejercicios?|ejemplos?|problemas?|aufgaben?|beispiele?|esercizi[oa]?|esempi[oa]?|zadanie|задача|пример"
    r"|упражнение|prob|exer|exm|ex)\*?\s*\}"
    r"|(?:newproblem|question|exercise|problem)\*?(?![A-Za-z]))",
    re.IGNORECASE | re.MULTILINE)
#: An ellipsis written as terms of a sum (after an operator), not a decimal cut off (3.66…) nor a tuple's (1, …, n).
_ELIDED_TERMS = re.compile(r"[-+−]\s*(?:\\[lc]?dots(?![A-Za-z])|\\cdots|\.{3}|…)")
#: The inverse mark of ``f^{-1}``: a message names the function f.
_INVERSE_MARK = re.compile(r"\^\{\s*-\s*1\s*\}$")
#: Delimiter sizing, which says nothing about whether a bracket is a call's.
_SIZING = re.compile(r"\\(?:left|right|[bB]ig{1,2}[lr]?)\s*")
#: A numbered superscript, ``x^1``, ``x^{0}``, ``x^{(2)}``: on a function's argument, the step it is taken at.
_STEP_NUMBER = re.compile(r"\^\s*(?:\d|\{\s*\(?\s*\d+\s*\)?\s*\})")
#: The word that gives a name its value right before it ("so let $x_h = …$"): a definition, whatever it was before.
_LET = re.compile(r"(?:\b(?:let|set|define|denote)|пусть|положим|обозначим|令|设)\s*$", re.IGNORECASE)
#: A letter (plain, bold or hatted) with a numbered superscript: ``w^2``, ``\mathbf{w}^{3}``.
_LETTER = r"(?:(?<![\\A-Za-z])|(?<=\\mathbf\{)|(?<=\\boldsymbol\{)|(?<=\\vec\{)|(?<=\\hat\{))(?P<letter>[A-Za-z])\}?"
_NUMBERED_SUPERSCRIPT = re.compile(_LETTER + r"\s*\^\s*(?:\{\s*\d+\s*\}|\d)")
_POWER_ONE = re.compile(_LETTER + r"\s*\^\s*(?:\{\s*1\s*\}|1(?![0-9.,]))")
_GREEK = (r"\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|"
          r"rho|sigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|"
          r"Omega)(?![A-Za-z])")
#: ``r(\lambda_i)``, ``g(x_t)``, ``\Omega(\mathbf{h})``: a letter applied to one parenthesised name (Latin or Greek,
#: maybe indexed). Read as a call only when the document applies the same letter to parentheses more than once.
_APPLIED = re.compile(r"(?:(?<![\\A-Za-z])([A-Za-z])|(?<![_^])(" + _GREEK + r"))(?:_\{[^{}]*\}|_[A-Za-z0-9])?\(\s*(?:\\[A-Za-z]+|[A-Za-z])"
                      r"(?:[^()=+,\-{}]|\{[^{}]*\})*\)")  # one name, styled or raised as it may be: r(\mathbf{S}_w^{-1})
#: A bracket that holds a conditioning bar or a relation (``P(x_i \mid y)``, ``P(X \le x)``): a probability the
#: parser reads as one quantity, never a letter times a bracket.
_EVENT_INSIDE = re.compile(r"\\mid|\||=|<|>|\\le|\\ge|\\leq|\\geq|\\in\b")
#: A Greek letter, perhaps with a subscript, right before an opening bracket: ``\epsilon_2(`` of ``\epsilon_2(\sin x)``.
_GREEK_BEFORE_BRACKET = re.compile(r"(?<![\\A-Za-z_^])(\\(?:epsilon|varepsilon|eta|phi|varphi|psi|rho|omega|xi))(?![A-Za-z])"
                                   r"(?:_\{[^{}]*\}|_[A-Za-z0-9])?\s*\(")
#: Why a refutation through ``∘`` may be no slip.
_COMPOSITION_DOUBT = "∘ may compose maps (a projection p ∘ p = p), read here as a product of numbers"
#: Composition of maps, which the scalar reading takes for a product (``p_n \circ p_n = p_n``).
_COMPOSITION = re.compile(r"\\circ(?![A-Za-z])")
#: A composition applied to an argument, ``(q \\circ p)(t)``: read as the functions nested (:mod:`.latex`), no product.
_COMPOSITION_APPLIED = re.compile(r"\\circ[^()]*\)\s*\(")
#: A Latin letter, perhaps with a subscript, right before an opening bracket: ``T_k(`` of ``T_k(1 + ε)``.
_BEFORE_BRACKET = re.compile(r"(?<![\\A-Za-z_^])([A-Za-z])(?:_\{[^{}]*\}|_[A-Za-z0-9])?\s*\(")
#: A name that may be a letter before a bracket rather than a function: ``R`` of ``R(1 + i)``, ``\lambda(a + b)``.
_LETTER_CALL = re.compile(r"[A-Za-z]|\\(?:alpha|beta|gamma|delta|eta|lambda|mu|nu|rho|tau)")
#: ``\delta w``, ``\Delta x_t``: a prefix that usually makes an increment of the name after it.
_INCREMENT = re.compile(r"\\(delta|Delta)(?![A-Za-z])\s*(?:\\[A-Za-z]+\{)?([A-Za-z])")
#: The rest of a line and then only list items ("if $s = 10$⏎- $η_5 = η_0$⏎- …⏎- "): one list under one line.
_LIST_ITEMS_ONLY = re.compile(r"[^\n]*(?:\n[ \t]*(?:[-*+]|\d{1,2}[.)])[ \t]+[^\n]*)+", re.S)
_TRANSPOSE = re.compile(r"\^\s*\{?\s*(?:\\top(?![A-Za-z])|\\intercal|T|\\mathsf\{T\}|\\mathrm\{T\}|⊤)")
#: What may stand between two displays that are rows of one computation: their delimiters and line breaks.
#: A differential written with a plain d before what it applies to: ``d{f(x)}``, ``df``, ``dx``, ``d(uv)``, ``d\theta``
#: (an upright d is ``_DIFFERENTIAL``, further down).
_PLAIN_DIFFERENTIAL = re.compile(r"(?<![A-Za-z\\])d\s*(?=[{(A-Za-z]|\\[A-Za-z])")
#: A derivative in Leibniz's notation, ``\frac{d}{dx}``, ``\dfrac{df}{dt}``: its d's are no differential of their own.
_LEIBNIZ = re.compile(r"\\[dt]?frac\s*\{\s*d(?:[^{}]|\{[^{}]*\})*\}\s*\{\s*d(?:[^{}]|\{[^{}]*\})*\}")
#: A plain d applied to something: a brace group (``d{f(x)}``) or a call (``df(x)``, ``d u(s)``), not in a
#: subscript (``V_{dw(t)}`` labels a quantity).
_DIFFERENTIAL_OF = re.compile(r"(?<![A-Za-z\\{_])d\s*(?:\{|[A-Za-z]\s*\(|\\[A-Za-z]+\s*\()")
#: An operator's name typed without its backslash and glued to letters (``ylna``, ``logx``, ``sin x``): the parser
#: reads letters (a bracket after it, ``ln(1-a)``, ``cos(a+b)``, is read as the function), and a refutation of that
#: reading says nothing.
_BARE_OPERATOR = re.compile(r"(?<![\\A-Za-z{])[A-Za-z]*?(?<!\\)(ln|log|exp|sin|cos|tan)(?=\s*[A-Za-z])")
#: ``E(X)``: a capital E right before a bracket, the expectation in most notes (read as the letter E times X).
_EXPECTATION_CALL = re.compile(r"(?<![\\A-Za-z_^])E\s*(?:\\left\s*)?\(")
#: "If $…$, then" before a formula (a condition written in math): what it states holds in that case.
_IF_THEN = re.compile(r"(?:^|[\s(])(?:if|when|если|когда|si|wenn|falls|如果|若)\b[^$]*(?:\$[^$]+\$|\\\(.+?\\\))"
                      r".*\b(?:then|то|entonces|alors|dann|则|那么)\s*[,:]?\s*$",
                      re.IGNORECASE | re.S)
#: A list item (or a new paragraph) that sets up an example of its own: "\item Let …", "- Consider …".
_NEW_EXAMPLE = re.compile(r"(?:\\item(?:\[[^\]]*\])?|(?:^|\n)\s*(?:[-*+]|\d+[.)]))\s*(?:Now,?\s+)?"
                          r"(?:Let|Consider|Suppose|Take|Assume|Пусть|Рассмотрим|Sea|Soit|设|考虑)\b", re.IGNORECASE)
#: The word "event" right before a formula: ``the event $I_j = 1$`` states no value of ``I_j``.
_EVENT_WORDS = re.compile(r"(?:\bevents?|событи[еяю]|事件|\bevento|événement|\bEreignis)\s*$", re.IGNORECASE)
#: An upright font command right before a word: ``{\rm logit}``, ``\mathrm{logit}`` name a function of their own.
_UPRIGHT_BEFORE = re.compile(r"\\(?:rm|mathrm|operatorname\*?|text\w*|mathit|it|textrm)\s*\{?\s*$")
#: Words that open a case: a fact stated after them holds in that case only.
_CASE_CLAUSE = re.compile(r"\b(?:if|when|whenever|provided|in case|если|когда|si|cuando|wenn|falls|如果|若)\b|如果|若",
                          re.IGNORECASE)
#: Words that open another case of what was named ("For the composite case", "в случае", "im Fall"): a naming
#: there is that case's own, not a claim about the one before.
_CASE_LEAD = re.compile(r"\b(?:for|in)\s+(?:the|a|each|every)\s+(?:[\w-]+\s+){0,3}case\b|в\s+случае|для\s+случая"
                        r"|\bim\s+Fall\b|\bdans\s+le\s+cas\b|\ben\s+el\s+caso\b|\bnel\s+caso\b|情况下|の場合",
                        re.IGNORECASE)
#: A paragraph heading: ``\paragraph{…}``, ``\subparagraph{…}``, or a Markdown line of bold words alone.
_CASE_HEADING = re.compile(r"\\(?:sub)?paragraph\*?\{([^{}\n]*)\}|^[ \t]*\*\*([^*\n]+)\*\*[ \t]*$", re.MULTILINE)
#: Headings of a proof or a derivation, whose formulas go on with the names in force.
_PROOF_HEADING = re.compile(r"proof|derivation|доказательств|вывод|beweis|herleitung|preuve|démonstration|demostración"
                            r"|prova|证明|推导", re.IGNORECASE)
_DISPLAY_GLUE = re.compile(r"\s+|\$\$|\\\[|\\\]")
_MATRIX_END = re.compile(r"\\end\{[bpvBV]?matrix\}\s*$")


def _summed(expr: sp.Expr, var: sp.Symbol) -> bool:
    """Does a sum in ``expr`` run over the quantity ``var`` is one step of (``Σ_i W_{(i)}`` for ``W_{(1)}``)?"""
    ix = read_index(var)
    if ix is None:
        return False
    for total in expr.atoms(sp.Sum):
        labels = {ix.stem, ix.stem + sum_induction.SUP_LABEL} if ix.style == "sup" else {ix.stem}
        if any(str(x.base.label) in labels for x in total.function.atoms(sp.Indexed)):
            return True  # Σ_i W[i]: the parser's indexed form of W_{(i)} (x^{(·)}[i] for x^{(i)})
        for s in total.function.free_symbols:
            other = read_index(s) if isinstance(s, sp.Symbol) else None
            if other is not None and other.base == ix.base:
                return True
    return False


_OPAQUE_GRADIENT = re.compile(r"^\\nabla(?:_\{[^{}]*\})? (?P<fn>[^\s()]+)\((?P<arg>[^,]+)\)$")


def _gradients_in_force(expr: sp.Expr, functions: Functions) -> sp.Expr:
    """``∇f(c^{(n)})`` kept whole from a rule stated before ``f`` was defined: the derivative of the ``f`` in force
    (a function of one variable), at that point."""
    swap: dict[sp.Basic, sp.Expr] = {}
    names = {x.name: x for x in expr.free_symbols if isinstance(x, sp.Symbol)}
    for x in expr.free_symbols:
        m = _OPAQUE_GRADIENT.match(x.name) if isinstance(x, sp.Symbol) else None
        fd = functions.defs.get(m.group("fn")) if m else None
        if m is None or fd is None or len(fd.params) != 1:
            continue
        point = names.get(m.group("arg").strip()) or S.symbol(m.group("arg").strip())
        swap[x] = sp.diff(fd.body, fd.params[0]).xreplace({fd.params[0]: point})
    return expr.xreplace(swap) if swap else expr


#: A sizing command just before a bracket (``\left[``, ``\bigl(``): part of the bracket, not a name before it.
_SIZED = re.compile(r"\\(?:left|[bB]igg?[lr]?)$")


#: A lower-case vector transposed and then a lower-case vector: ``w^\intercal x^{(i)}``, ``\mathbf{u}^\top \mathbf{v}_j``.
_INNER_PRODUCT = re.compile(r"(?<![A-Za-z\\])(?:\\(?:mathbf|boldsymbol|bm|vec)\{)?[a-z]\}?(?:_\{[^{}]*\}|_\w)?"
                            r"\s*\^\s*\{?\s*(?:\\top(?![A-Za-z])|\\intercal|T)\s*\}?\s*"
                            r"(?:\\(?:mathbf|boldsymbol|bm|vec)\{)?[a-z](?![A-Za-z])")


def _inner_products_only(text: str) -> bool:
    r"""Is every transpose in ``text`` that of a lower-case vector times another (``w^\intercal x^{(i)}``), with no
    capital letter but a sum's bound? Such a product is a number and commutes (wᵀx = xᵀw): reading it as w·x
    loses nothing, so an objective in it compared as numbers is compared as written."""
    transposes = len(_TRANSPOSE.findall(text))
    if not transposes or len(_INNER_PRODUCT.findall(text)) != transposes:
        return False
    bare = re.sub(r"\\[A-Za-z]+|\^\s*\{?\s*T|[_^]\s*\{?\s*[A-Z]", " ", text)  # macros, T, bounds N, M
    return not re.search(r"[A-Z]", bare)


def _tuple_transposes_only(text: str) -> bool:
    """Is every transpose in ``text`` that of a written tuple (``[2x_1, 4x_2]^\\top``, ``(a, b)^T``, a ``bmatrix``)?
    Such a transpose only turns a row into a column: the coordinates, compared one by one, are the same."""
    for m in _TRANSPOSE.finditer(text):
        before = text[:m.start()].rstrip()
        if _MATRIX_END.search(before):
            continue
        if not before or before[-1] not in ")]":
            return False
        opening = "(" if before[-1] == ")" else "["
        depth, comma = 0, False
        for j in range(len(before) - 1, -1, -1):
            ch = before[j]
            if ch in ")]}":
                depth += 1
            elif ch in "([{":
                depth -= 1
                if depth == 0:
                    ahead = _SIZED.sub("", before[:j].rstrip()).rstrip()  # \left[5, 32\right]^T: a sized bracket
                    if ch != opening or (ahead and (ahead[-1].isalnum() or ahead[-1] in "}'")
                                         and not tuples.TRANSPOSE_AT_END.search(ahead)):
                        return False  # f(x, y)^T: a call's arguments, not a tuple (after (a, b)^T: another tuple)
                    break
            elif ch == "," and depth == 1:
                comma = True
        else:
            return False
        if not comma:
            return False  # (Xw − y)^T: a group, not a tuple
    return True


#: The reason given for an ``=`` inside a term's brackets.
NESTED_RELATION = ("a relation inside a group (an \\overbrace, a matrix or an environment inside an expression) "
                   "is not modelled")
CASE_CONDITION = "condition (the case of a cases environment it selects)"
INNER_EQUALITY = "an argument or a condition inside brackets (β(t=0), P(X = x)), not a statement"
#: A link with a constant side ("β = 0", "∇f = 0"): a condition of its sentence, unless a later link derives from it.
CONSTANT_SIDE = "condition (a side is a constant)"
#: Words that put a matrix in other coordinates: "in the eigenvector basis", "diagonalized", "в базисе" (not
#: "eigenvalues" alone: the trace is the sum of the eigenvalues, a claim about the matrix itself).
_OTHER_BASIS = re.compile(r"\b(?:basis|bases|eigenbasis|diagonali[sz]ed|diagonali[sz]ing)\b|базис|基下|Eigenbasis",
                          re.IGNORECASE)
#: The words that put constraints on an optimization problem, set in a display.
_SUBJECT_TO = re.compile(r"\\(?:text|textrm|mathrm|mbox|operatorname|textup)\s*\{\s*(?:subject\s+to|s\.\s*t\.?|such\s+that"
                         r"|при\s+условии|满足|使得|unter\s+der\s+Nebenbedingung|u\.\s*d\.\s*N\.)\s*\}"
                         r"|(?<![A-Za-z])s\.t\.|\\st\b|\\subjectto\b", re.IGNORECASE)
#: ``\sim`` (not ``\simeq``): "of the order of", or "distributed as".
_ORDER_OF = re.compile(r"\\sim(?![A-Za-z])|∼")
#: Letters that index coordinates: two of them equated after a formula (``\quad i = j``) state its case.
_INDEX_LETTERS = frozenset({"i", "j", "k", "l"})
#: How many statements after its use a function may be defined and still be the one used (``where f(x) = …``).
_FORWARD_ITEMS = 4


@dataclass
class Item:
    """A statement with where it stands: its block, its section, its place in the document."""

    block: MathBlock
    stmt: Statement
    section: int
    index: int
    block_cue: bool = False  # the prose right before the block says it defines ("Let", "where", …)
    claim_cue: bool = False  # … or that it follows ("Hence", "Значит", "因此")
    condition_cue: bool = False  # … or that it holds under a condition ("if", "we need", "若")
    trailing_condition: bool = False  # a condition follows it in its sentence ("… when β = 0")
    sentence: int = -1  # blocks of one sentence share this (the offset where the sentence starts)
    problems: tuple = ()  # what the parser could not read in this block (derive.check.latex.Problem)
    words: tuple = ()  # plain words (constant, loss) the parser read as products of letters
    assumed: bool = False  # its sentence states a condition before it ("if …, then", "we assume …, so")
    introduced_after: frozenset = frozenset()  # names the words right after it introduce ("where θ is the angle")
    model_cue: bool = False  # the words before it name a model it states ("we fit the regression $y = wx$")
    rearranged: bool = False  # … or that it is the formula before it rearranged ("rearranging", "dividing by −2")
    stated_value: object = None  # a Fraction the words right after a one-name formula give it ("$\\beta$=0.98")
    list_cue: bool = False  # block_cue only because a list item starts with the block ("- $x_2 = 0.64$")
    satisfied: bool = False  # a lead-in says something satisfies it: a property of that thing, no value given

    def problem(self, term: Term) -> str:
        """Why a side could not be parsed, in the parser's words."""
        for p in self.problems:
            if p.start < term.end and term.start < p.end or p.start == p.end == term.start == term.end:
                return p.message  # an empty side is a zero-width problem at its place
        return ""


@dataclass
class SystemScope:
    """A system of definitions read from one block."""

    block: MathBlock
    section: int
    index: int
    definitions: dict[sp.Symbol, sp.Expr] = field(default_factory=dict)
    rows: dict[sp.Symbol, Item] = field(default_factory=dict)
    variant: object = None  # the catalog variant it is (catalog_match.classify), once asked
    classified: bool = False
    corrected: dict[sp.Symbol, sp.Expr] | None = None  # for a known mistake: the system as meant
    with_calls: dict[sp.Symbol, sp.Expr] = field(default_factory=dict)  # rows with their calls kept (ŷ = σ(z))


class ScopeView(Mapping):
    """The definitions in force at one item: its system's rows overlaid by the section's namings before it.

    A view, not a copy: lookups check the system and the section's namings (kept per name, in document
    order), so a note of n statements is bound in O(n) rather than copying O(n) namings per statement.
    The rule is the one a reader applies: a naming later than the system redefines a row from there on
    ("Let m_t = …" after the system); an earlier naming of a row the system defines does not; otherwise
    the first naming stands (a later one is a claim about it, or a second scheme). A system written after
    the item that the prose announces ("another form", "instead") does not override what the section named
    before the item.
    """

    def __init__(self, system: dict[sp.Symbol, sp.Expr], system_index: int | None,
                 namings: dict[sp.Symbol, list[tuple[int, sp.Expr]]], upto: int,
                 stepped: dict[sp.Symbol, None] | None = None, system_announced: bool = False,
                 starts: dict[sp.Symbol, None] | None = None, schemes: frozenset[int] = frozenset(),
                 hidden: tuple[int, int] = (0, 0), unread: Mapping[sp.Symbol, list[int]] | None = None) -> None:
        self.system, self.system_index, self.namings, self.upto = system, system_index, namings, upto
        self.hidden = hidden  # statements [a, b) that make other exercises' namings: not in force here
        self.unread = unread or {}  # name -> statements that tie it anew (unreadably, or by a supposed equation)
        self.schemes = schemes  # namings that start a different scheme (new names in them): in force from there
        self.system_announced = system_announced  # the prose before the system says it defines (another form)
        self.stepped_names = stepped or {}
        self.start_names = starts or {}  # named at a fixed step at or before 0 (x_{-1} = x_0): starting values

    def _naming(self, name: sp.Symbol) -> sp.Expr | None:
        entry = self.entry(name)
        return None if entry is None else entry[1]

    def entry(self, name: sp.Symbol) -> tuple[int, sp.Expr] | None:
        """The naming in force, with the index of the statement that makes it: the last one after the system,
        else the first one (before it, or with no system) unless the system defines the name."""
        entries = self.namings.get(name)
        if entries and self.hidden[0] < self.hidden[1]:
            entries = [(index, value) for index, value in entries if not self.hidden[0] <= index < self.hidden[1]]
        if entries and (since := [i for i in self.unread.get(name, ()) if i < self.upto]):
            entries = [(index, value) for index, value in entries if index > max(since)]  # named anew, unread
        if not entries or entries[0][0] >= self.upto:
            return None
        if self.system_index is not None and self.system_index > self.upto and self.system_announced:
            return entries[0]  # a later system the prose calls another form: what was said before stands
        if self.system_index is not None:
            for index, value in reversed(entries):
                if index < self.upto and index > self.system_index:
                    return index, value
            if name in self.system:
                return None
        for index, value in reversed(entries):
            if index < self.upto and index in self.schemes:
                return index, value  # α = ȳ − βx̄ after α = (Σy − βΣx)/N: the text goes on in the new names
        return entries[0]

    def __getitem__(self, name: sp.Symbol) -> sp.Expr:
        value = self._naming(name)
        if value is not None:
            return value
        return self.system[name]

    def __contains__(self, name: object) -> bool:
        return name in self.system or (isinstance(name, sp.Symbol) and self._naming(name) is not None)

    def __iter__(self):  # type: ignore[no-untyped-def]
        seen = set(self.system)
        yield from self.system
        for name in self.namings:
            if name not in seen and self._naming(name) is not None:
                yield name

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def stepped(self) -> dict[sp.Symbol, sp.Expr]:
        """Only the definitions of quantities with a step index (m_t, g_t): what recurrences are built from,
        with the starting values named in the notes (x_{-1} = x_0 before a look-ahead method's first step)."""
        out = {}
        for name in list(self.system) + list(self.stepped_names) + list(self.start_names):
            if read_index(name) is not None and name in self:
                out[name] = self[name]
        return out


@dataclass(frozen=True)
class Shape:
    """The exercise's form ``target = g(…)·iterate + h_factor·h(…)`` (h_factor is −η_t)."""

    target: sp.Symbol
    iterate: sp.Symbol
    g: sp.Expr
    h: sp.Expr
    h_factor: sp.Expr

    @staticmethod
    def read(target: sp.Expr, rhs: sp.Expr) -> "Shape | None":
        try:
            terms = sp.Add.make_args(limits.expand(rhs, "a form statement"))
        except limits.TooLarge:
            return None
        if not isinstance(target, sp.Symbol) or len(terms) != 2:
            return None
        parts = []
        for term in terms:
            calls = [c for c in term.atoms(AppliedUndef) if not type(c).__name__.startswith(GRADIENT_PREFIX)]
            if len(calls) != 1:
                return None
            factor, dependent = term.as_independent(calls[0], as_Add=False)
            if dependent != calls[0]:
                return None
            parts.append((calls[0], factor))
        (g, iterate), (h, factor) = sorted(parts, key=lambda p: not isinstance(p[1], sp.Symbol))
        if not isinstance(iterate, sp.Symbol) or isinstance(factor, sp.Symbol) and factor.name.endswith("_{t-1}"):
            return None
        return Shape(target, iterate, g, h, factor)


def _parent_sections(levels: list[int]) -> dict[int, int]:
    """Section number (1-based, as items count them) -> the nearest earlier section with a shallower heading."""
    parent: dict[int, int] = {}
    for k, level in enumerate(levels, start=1):
        for j in range(k - 1, 0, -1):
            if levels[j - 1] < level:
                parent[k] = j
                break
    return parent


class _Layered(Mapping):
    """Per-section tables layered outermost first: a name's entries are those of every layer, in document order
    (the sections around come before the subsection inside them)."""

    def __init__(self, layers: list[dict[sp.Symbol, Any]]) -> None:
        self.layers = layers

    def get(self, name: sp.Symbol, default: Any = None) -> Any:
        found = [layer[name] for layer in self.layers if name in layer]
        if not found:
            return default
        if all(isinstance(f, list) for f in found):
            return [entry for f in found for entry in f]
        return found[-1]

    def __getitem__(self, name: sp.Symbol) -> Any:
        value = self.get(name, _MISSING)
        if value is _MISSING:
            raise KeyError(name)
        return value

    def __contains__(self, name: object) -> bool:
        return any(name in layer for layer in self.layers)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(dict.fromkeys(name for layer in self.layers for name in layer))

    def __len__(self) -> int:
        return len(dict.fromkeys(name for layer in self.layers for name in layer))


_MISSING = object()


class DocumentChecker:
    """Binds and verifies the statements of one document; collects findings.

    Scopes. A heading starts a new section. Systems bind within their section (a statement sees the
    latest system before it, else the first after it: notes define after use). A function
    definition ``f(x) = …`` holds from where it is written until ``f`` is defined again ("now take
    f(x) = …" is a new definition, not a claim); before its first definition a section sees the
    latest one of an earlier section (the objective Q of the introduction). Namings (``n = 1/(1-γ)``,
    ``h = …``) hold for the rest of their section.
    """

    def __init__(self, path: str, blocks: list[MathBlock], parsed: list[ParsedBlock], sections: list[int],
                 cues: Cues | None = None, groups: dict[int, int] | None = None, zero_init: bool = False,
                 text: str = "", deadline: tuple[float, float] | None = None, levels: list[int] | None = None) -> None:
        self.deadline = deadline  # (monotonic time, the file's budget in seconds): no display verified after it
        self.e_name = False  # the document names a quantity e somewhere (:func:`.euler.e_is_a_name`); run sets it
        self.decimal_commas: frozenset[MathBlock] = frozenset()  # blocks read with decimal commas; run sets them
        self._unread_namings: dict[sp.Symbol, list[int]] = {}  # name -> where it is tied anew: unreadably, or supposed
        self._sought_constants: set[tuple[int, sp.Basic]] = set()  # (section, name) an equation poses as unknown
        self.out_of_time = False
        self._by_first_side: dict[str, list[int]] | None = None  # see _items_naming
        # section -> the section its heading is a subsection of; a subsection whose heading names a method of
        # its own ("## Optimizer 7: Adam" under the tour's title) starts afresh, as a sibling would
        lines = text.split("\n") if text else []
        self._levels = list(levels or [])  # the depth of each section's heading (section k at index k − 1)
        self._parent = {k: p for k, p in _parent_sections(levels or []).items()
                        if not (0 < sections[k - 1] <= len(lines) and _METHOD_HEADING.search(lines[sections[k - 1] - 1]))}
        # section -> its heading as written ("#### Case 2: $k \ne c$"): what the heading says holds in the section
        self._headings = {k: lines[line - 1] for k, line in enumerate(sections, start=1) if 0 < line <= len(lines)}
        self._section_lines = sections
        self._by_block: dict[int, list[Item]] | None = None  # items per block (:meth:`_equation_beside`)
        cues = cues or Cues(frozenset(), frozenset(), frozenset(), frozenset(), {})
        # "for some ξ": names known only to exist; a false verdict that reads one is undecided
        self.existential: set[sp.Symbol] = set()
        self._running: dict[int, list] = {}  # section -> [next item index, symbols related so far, their bases]
        # section -> name -> [(item index, value)] in document order: the namings, for ScopeView
        self._section_namings: dict[int, dict[sp.Symbol, list[tuple[int, sp.Expr]]]] = {}
        self._scope_symbols: dict[int, set[sp.Symbol]] = {}  # id(system scope) -> its targets and their symbols
        self._stepped_namings: dict[int, dict[sp.Symbol, None]] = {}  # section -> named quantities with a step letter
        self._start_namings: dict[int, dict[sp.Symbol, None]] = {}  # section -> named at a step ≤ 0 (x_{-1} = x_0)
        self._first_seen: dict[sp.Symbol, int] | None = None  # the item each name is first written in
        self._by_variable: dict[str, int] | None = None  # the item each name is first differentiated by in
        self._scheme_namings: set[int] = set()  # items that name a quantity anew in new names (a different scheme)
        #: (section, base) -> the namings of that quantity at any step (index, value): found without a scan
        self.namings_by_base: dict[tuple[int, str], list[tuple[int, sp.Expr]]] = {}
        self._naming_symbols: dict[int, set[sp.Symbol]] = {}  # section -> every symbol its namings relate
        self._naming_bases: dict[int, set[str]] = {}  # section -> names and bases of its namings' symbols
        # restatements of a prose naming with no word saying they follow ("Let m = A." … "m = B."): a second
        # definition as often as a slip, so a false verdict on one is a note, not an error
        self._restated: set[int] = set()  # items that restate a naming without a claim word
        # row -> the row before it, in a block that restates one left side on consecutive rows
        self._continues: dict[int, int] = {}
        # values the document proved for a name (x = A = … = V, every link proved): (item, section, name, V)
        self._derived: list[tuple[int, int, sp.Symbol, sp.Expr]] = []
        self._updated: set[str] | None = None  # bases with an update rule (x^{(t+1)} = …) anywhere
        self._scope_bases: dict[int, set[str]] = {}
        self._families: dict[str, list[tuple[sp.Symbol, sp.Expr]]] | None = None
        self._named: dict[tuple[int, sp.Symbol], int] = {}  # (section, name) -> the first item that named it
        self._conventional: dict[str, FunctionDef] = {}  # functions only the prose defines (σ, "the sigmoid")
        self._matrix_decided: set[tuple[int, int]] = set()  # links matrix algebra decided (:meth:`_matrix_link`)
        self._per_example: set[tuple[int, int]] = set()  # links decided with the model put in at each example
        # equations an expectation stands on both sides of (item index, the expectation, the right side)
        self._expectation_equations: list[tuple[int, sp.Expr, sp.Expr]] = []
        # sides read with the written matrices given to their names (:mod:`.named_matrices`): (item, term start) →
        # which, for the reason ("A from line 3")
        self.matrices_put_in: dict[tuple[int, int], str] = {}
        self.zero_init = zero_init  # the prose says the state starts at zero ("initialized to 0", "初始化为 0")
        self.text = text  # the document as the reader sees it (for the prose between two statements)
        self.source = text  # the file itself, code blocks kept (what a code cell assigns); run sets it
        self._lines = LineMap(text) if text else None
        self._scheme_at: list[int] | None = None  # where the prose names a method (found once, on first need)
        self.path = path
        self.findings: list[Finding] = []
        self.items: list[Item] = []
        self._primed_cache: dict[int, frozenset[str]] = {}  # section -> letters written primed there
        self.systems: list[SystemScope] = []
        self.function_defs: list[tuple[int, int, FunctionDef]] = []  # (item index, section, definition)
        # the latest function given by cases in separate formulas: name -> (item index, section, params,
        # [(body, condition)], line of its first case)
        self._cases: dict[str, tuple[int, int, tuple, list, int]] = {}
        self._case_items: set[int] = set()  # the items whose formulas were joined into such a function
        self._declared: list[tuple[int, str]] = []  # (item index, function name) of "f: ℝⁿ → ℝ", a general f
        self.namings: list[tuple[int, int, sp.Symbol, sp.Expr]] = []  # (item index, section, name, value)
        self.examples: list[tuple[int, int, sp.Symbol, sp.Expr]] = []  # numbers given to names: β = 0.9, v_0 = 0
        # (item index, link number) -> (verdict, reason): every link of every statement gets one
        self.verdicts: dict[tuple[int, int], tuple[str, str]] = {}
        self._quiet = False
        self._abbreviations: set[sp.Symbol] = set()  # names given from the right (x^* − x = Δx): written out in calls
        self._with_calls: dict[tuple[int, sp.Symbol], sp.Expr] = {}  # namings with their calls kept (a = σ(z))
        self._open_nodes: set[int] = set()  # sections that name a node through an open function
        self._through_functions: set[int] = set()  # namings whose value calls a function (x_{k+1} = x_k − g(x_k)/…)
        self.broken: set[sp.Symbol] = set()  # targets of circular definitions (reported once)
        self.side_by_side: set[int] = set()  # sections with two systems in one display
        self._functions_cache: dict[int, Functions] = {}
        # item index -> (f, f_{c}): "f_c(x) = c + x → df/dx = 1", the derivative of the function its row defines
        self._row_function: dict[int, tuple[str, str]] = {}
        self._shape_cache: list[tuple[int, int, Shape]] | None = None
        self._applied: dict[str, int] | None = None  # letter -> times the math applies it to (one name)
        self._step_superscripts: frozenset[str] | None = None  # letters the math writes as w^1: w^k counts steps
        self._step_letters: frozenset[str] | None = None  # letters counting steps in superscripts: x^{k+1}
        self._stepped_vectors: frozenset[str] | None = None  # names the parser reads with step superscripts (step_superscripts.key)
        self._rounded_results: set[sp.Expr] = set()  # values worked arithmetic showed rounded (0.1024 as 0.102)
        #: The coordinate or entry a refuted link between tuples or matrices differs in ("entry (2, 2)"), by link.
        self._differing_entry: dict[tuple[int, int], str] = {}
        #: (the rule's step letter, the letter the link counts with) while a link at another step is checked
        self._step_alias: tuple[str, str] | None = None
        self._two_valued = False  # set while a statement with ± is read once per sign (.plus_minus)
        self._worked_steps: dict[int, worked_values.Worked] = {}  # m_2 = 0.19: its value, and the values given it used
        self._matrix_table: matrices.Notation | None = None  # names the document writes as matrices, vectors
        self._matrix_hint: bool | None = None  # whether it writes any matrix notation at all
        self._matrix_unread: set[tuple[int, int]] = set()  # links in matrix notation the matrix reader could not read
        self._inverse_namings: set[sp.Symbol] = set()  # names defined by a product with a matrix inverse
        self.macro_table: MacroTable | None = None  # the document's macros (set by the runner)
        self.t_transposes = False  # (Xw − y)^t(Xw − y): the document writes transposes with a lower-case t (the runner sets it)
        self.primes_transpose = False  # x^\prime A x: the document writes transposes as primes (set by the runner)
        # block number -> group id, for blocks that belong together (the rows of an algorithm)
        self.groups = {id(blocks[n]): -1 - g for n, g in (groups or {}).items()}
        for number, (block, pb) in enumerate(zip(blocks, parsed)):
            section = sum(1 for s in sections if s <= block.line)
            for stmt in pb.statements:
                if number in cues.existential and stmt.terms and stmt.terms[0].expr is not None:
                    first = stmt.terms[0].expr
                    self.existential |= {first} if isinstance(first, sp.Symbol) else set(first.free_symbols)
                self.items.append(Item(block, stmt, section, len(self.items), number in cues.defining,
                                       number in cues.claiming, number in cues.conditional,
                                       number in cues.trailing_condition, cues.sentence.get(number, -number - 1),
                                       tuple(pb.problems), tuple(w for w, _ in pb.words),
                                       number in cues.assumed))
                if number in cues.introduced_after:
                    self.items[-1].introduced_after = _names(cues.introduced_after[number])
                self.items[-1].model_cue = number in cues.modeling
                self.items[-1].rearranged = number in cues.rearranged
                self.items[-1].stated_value = cues.stated_values.get(number)
                self.items[-1].list_cue = number in cues.listed
                self.items[-1].satisfied = number in cues.satisfied
                if stmt.remark and _LET.search(stmt.lead):
                    self.items[-1].block_cue = True  # "&Пусть\ f' = \sin u, df' = …": the row's own "let" defines
        counts.count_generic_sums(self.items)  # p^{Σ x_i} after ∏_{i=1}^{n}: the n data the product counted

    def _on_stated_interval(self, a: sp.Expr, b: sp.Expr, item: Item) -> str | None:
        """Why ``a = b`` holds where the text restricts the variable of a function given by cases: on the range
        stated in its own sentence (``for s > 1`` after it, "now s > 1, so" before it), each split is the one row
        in force there (:func:`derive.piecewise.on_interval`). A range written elsewhere may be a case's own
        condition (``q(s) = 3s²`` if ``s ≥ 1``), never one the claim is made under."""
        stated = {**self._trailing_ranges(item), **self._sentence_ranges(item)}
        for x, pa, pb in _one_case_each(a, b, stated):
            try:
                if compare(pa, pb, seconds=LINK_SECONDS).status == "true":
                    return f"for {_range_text(x, stated[x])}, as the text states, where one case is in force"
            except (BudgetExceeded, TypeError, ValueError):
                return None
        return None

    def _trailing_ranges(self, item: Item) -> dict[sp.Symbol, sp.Interval]:
        """The range a condition right after ``item`` in its sentence states ("``q'(s) = 6s`` for ``s > 1``")."""
        if not item.trailing_condition or item.index + 1 >= len(self.items) \
                or (nxt := self.items[item.index + 1]).sentence != item.sentence:
            return {}
        return ranges.stated_ranges([([t.expr for t in nxt.stmt.terms], list(nxt.stmt.relations))])

    def _refuted_on_trailing_range(self, item: Item, a: sp.Expr, b: sp.Expr) -> str | None:
        """Why ``a = b`` fails on the range written right after it in its sentence ("``q'(s) = 8s`` for ``s > 1``"),
        where each function given by cases is the one case in force there; None unless the sides then differ."""
        stated = self._trailing_ranges(item)
        for x, pa, pb in _one_case_each(a, b, stated):
            try:
                if compare(pa, pb, seconds=LINK_SECONDS).status == "false":
                    return (f"for {_range_text(x, stated[x])}, the condition after it, one case of each split is in "
                            f"force: the left side is {printing.text(pa)} there, the right side {printing.text(pb)}")
            except (BudgetExceeded, TypeError, ValueError):
                return None
        return None

    def _sentence_ranges(self, item: Item) -> dict[sp.Symbol, sp.Interval]:
        r"""The ranges written earlier in ``item``'s own sentence or paragraph ("Now $b \le 0$ …, hence $|b| = −b$"):
        they hold for it over a range the notes state for another case."""
        if item.sentence < 0:
            return {}
        before = [it for it in self.items[max(0, item.index - 6):item.index] if it.sentence == item.sentence
                  or self._same_paragraph(it, item)]  # ("In this case β_j ≤ 0. It follows that |β_j| = −β_j")
        return ranges.stated_ranges(([t.expr for t in it.stmt.terms], list(it.stmt.relations)) for it in before)

    def _toward_minus_infinity(self, item: Item, letters: set[sp.Basic]) -> dict[sp.Symbol, sp.Interval]:
        """"En $-\\infty$.", "as $x \\to -\\infty$": the paragraph before the formula studies it towards −∞, where its
        variable is negative (the x of ``x \\to -\\infty``, or the link's one letter). Empty when it says nothing so."""
        words = re.split(r"\n[ \t]*\n|\\item\b", self._words_before(item.index, 200))[-1]
        if not _MINUS_INFINITY.search(words):
            return {}
        named = _TOWARD_MINUS_INFINITY.findall(words)
        symbols = [x for x in letters if isinstance(x, sp.Symbol)]
        if named:
            chosen = [x for x in symbols if x.name == named[-1]]
        else:
            chosen = symbols if len(symbols) == 1 else []
        return {x: sp.Interval.open(-sp.oo, 0) for x in chosen}

    def _continues_span(self, item: Item) -> str | None:
        """``$b = 0 - (0.5)$ $(\\frac{1}{2}(…)) = 0 - (-3)$``: an inline formula right after another with nothing but
        spaces between, starting with a bracket or an operator, goes on with the product or sum before it; its first
        link compares only a part. The reason, or None."""
        if item.index == 0 or self._lines is None or not self.text or item.block.display:
            return None
        before = self.items[item.index - 1].block
        if before is item.block or before.display or not re.match(r"\s*(?:[(\[+\-*/]|\\(?:left|cdot|times)\b)",
                                                                    item.block.text):
            return None
        end = self._lines.offset(before.line, before.col) + len(before.text)
        start = self._lines.offset(item.block.line, item.block.col)
        between = self.text[end:start]
        if not re.fullmatch(r"[ \t]*(?:\$|\\\))?[ \t]*(?:\$|\\\()?[ \t]*", between):
            return None
        return "it goes on with the formula right before it (two inline formulas with nothing between): its left side is only a part"

    def _same_paragraph(self, first: Item, second: Item) -> bool:
        """Do the two items stand inline in one paragraph of prose (no blank line, heading or paragraph mark between
        them)?"""
        if self._lines is None or not self.text or first.block.display or second.block.display:
            return False
        start = self._lines.offset(first.block.line, first.block.col)
        end = self._lines.offset(second.block.line, second.block.col)
        between = self.text[start:end]
        return start <= end and not re.search(r"\n[ \t]*\n|\\paragraph|\\(?:sub)*section|\n#", between)

    @functools.cached_property
    def stated_ranges(self) -> dict[sp.Symbol, sp.Interval]:
        """The ranges the document writes (0 < β < 1): limits and infinite sums are decided under them."""
        written = ranges.stated_ranges(([t.expr for t in it.stmt.terms], list(it.stmt.relations)) for it in self.items)
        if not self.text or not re.search(r"positive|negative", self.text, re.IGNORECASE):
            return written

        def read(tex: str) -> sp.Expr | None:
            try:
                return parse_expr(tex)
            except LatexParseError:
                return None
        worded = ranges.worded_ranges(self.text, read)
        for x, interval in written.items():  # "a is positive" and a ≤ 4/3 written in math: both hold
            both = worded[x].intersect(interval) if x in worded else interval
            worded[x] = both if isinstance(both, sp.Interval) else interval  # (none in common: the math wins)
        return worded

    # -- findings -----------------------------------------------------------------------------
    def report(self, item: Item, offset: int, severity: str, code: str, message: str) -> None:
        if self._quiet:
            return  # a link after the first false one of its chain: its verdict is kept, not a finding
        line, col = _place(item, offset)
        if code == "math/false" and self.matrices_put_in:  # \det A = 4: the A meant is the one written out
            terms = item.stmt.terms
            link = next((terms[k:k + 2] for k in range(len(terms) - 1) if terms[k + 1].start == offset), [])
            put = {v for t in link if (v := self.matrices_put_in.get((item.index, t.start)))}
            message = "; ".join([message, *sorted(put)])
        self.findings.append(Finding(self.path, line, col, severity, code, message))  # type: ignore[arg-type]

    # -- pass 1: binding ----------------------------------------------------------------------
    def _generic_function(self, item: Item) -> str | None:
        r"""The name ``f`` when ``item`` is the bare ``$f$`` of "for any functions $f$ and $g$" ("para funções $f$ e
        $g$ quaisquer", "für beliebige Funktionen $f$"): a general function from here on, so that no earlier
        example's ``f(x) = \log_b x`` proves what is said of every f (L'Hôpital's rule "symbolically equal")."""
        text = item.block.text.strip()
        called = re.fullmatch(r"([a-zA-Z])\s*\(\s*[a-zA-Z]\s*\)", text)  # "duas funções, $f(x)$ e $g(x)$"
        if not (re.fullmatch(r"[a-zA-Z]", text) or called) or item.stmt.relations:
            return None
        text = called.group(1) if called else text
        before, after = self._sentence_before(item.index), self._words_after(item.index, 40)
        generic = _GENERIC_AHEAD.search(before) or (_FUNCTION_WORD.search(before) and _GENERIC_BEHIND.match(after))
        return text if generic else None

    def bind(self) -> None:
        blocks: dict[int, list[Item]] = {}
        for item in self.items:
            # Rows of one algorithm (\State $…$ lines) form one system, like the rows of one cases block.
            blocks.setdefault(self.groups.get(id(item.block), id(item.block)), []).append(item)
        declared: tuple[int, str] | None = None  # the latest signature "f_a: ℝ → ℝ" (item index, name)
        for items in blocks.values():
            for it in items:
                self._bind_function(it)
                self._bind_trailing_function(it)
                signature = _SIGNATURE.match(it.block.text)
                if signature:  # "Let f: ℝⁿ → ℝ": a new, general f from here on
                    name = _signature_name(signature.group(1))
                    self._declared.append((it.index, name))
                    declared = (it.index, name)
                elif (unread := _UNREAD_FUNCTION.match(it.block.text)) and it.stmt.terms \
                        and it.stmt.terms[0].expr is None and it.stmt.relations[:1] == ["="]:
                    # "Define g(t ∈ [0, 1]) = f(x + t(y − x))", unreadable: g means something new from here on, and
                    # an earlier example's g no longer holds (the same as a signature: a g the checker cannot read)
                    self._declared.append((it.index, _signature_name(unread.group(1))))
                elif (generic := self._generic_function(it)) is not None:
                    self._declared.append((it.index, generic))  # "for any functions $f$ and $g$": general from here
                if declared is not None and it.index - declared[0] <= 2:
                    self._bind_mapsto(it, declared[1])
        if not any(fd.name == sigmoid.NAME for _, _, fd in self.function_defs) and sigmoid.named_in(self.text or "") \
                and any(sigmoid.reads(t.expr) for it in self.items for t in it.stmt.terms):
            self._conventional[sigmoid.NAME] = sigmoid.definition()  # "the activation is the sigmoid": σ(z) = …
        self._functions_cache.clear()
        self._stack_restated_displays()
        for items in blocks.values():
            section = items[0].section
            if len(_SYSTEM_ENV.findall(items[0].block.text)) >= 2:
                self.side_by_side.add(section)
            # ∂f/∂x = y after f(x, y) = xy (on its row, or before): the derivative of what is defined is a claim
            # (and not an event the prose counts or conditions on: "出现 $x = a, y = c$ 的次数", the times both occur)
            definitions = [it for it in items if self._definition_target(it) is not None
                           and not self._derivative_of_defined(it) and not it.stmt.remark
                           and not self._solved_for_named(it)
                           and not (it.condition_cue and not it.block.display and id(it.block) not in self.groups)]
            if len({self._definition_target(it) for it in definitions}) == len(definitions):
                # v_1 = βv_0 + g_1 = … = 2, v_2 = … = 2.8 after v_t = βv_{t−1} + g_t: worked values of that rule,
                # its instances, not a new system. Only rows that end in a number: a symbolic row at the first
                # step (x_1 = x_0 + d_0 under x_{k+1} = x_k + d_k + βp_k) may drop what is zero before the start,
                # and stays a row. (One name restated row after row, h^{(1)} &= … \\ h^{(1)} &= …, is read below.)
                # An unrolling (v_1 = …, v_2 = …, v_t = … in one display, v_t ruled before) is claims row by row too.
                unrolled = self._unrolls_rule(items)
                definitions = [it for it in definitions  # the cheap test first: the scan back is per row
                               if not ((unrolled or _number(it.stmt.terms[-1].expr)) and self._instance_of_rule(it))]
            if len(definitions) < 2 or all(_number(it.stmt.terms[1].expr) for it in definitions):
                continue  # h^{(1)} = 4, h^{(2)} = 2: values (given, or answers), each read on its own
            targets = [self._definition_target(it) for it in definitions]
            twice = {t for t in targets if targets.count(t) > 1}
            if len(_SYSTEM_ENV.findall(items[0].block.text)) >= 2:
                twice = set(targets)  # two cases/aligned side by side, even if one did not parse
            elif twice and all(it.stmt.env == "cases" for it in definitions):
                # \begin{cases} U = A, & |a − b| ≥ h \\ U = B, & |a − b| < h \end{cases}: each row under its own
                # condition, alternatives, never one restating the other
                self.broken |= twice  # type: ignore[arg-type]
                for it in definitions:
                    self.decide_all(it, "not-a-claim", "definition (one case of a definition by cases)")
                continue
            elif twice and restated_rows(definitions, targets, items):
                # h^{(1)} &= A \\ h^{(1)} &= B \\ …: one computation, its left side restated on every row;
                # each row after the first is a claim about the previous row's last term.
                for previous, row in zip(definitions, definitions[1:]):
                    if self._definition_target(previous) == self._definition_target(row):
                        self._continues[row.index] = previous.index
                continue
            if twice:
                # Two systems side by side in one display (L2 | decoupled): which w_t a later line means
                # is not decidable, so what reads these names is left undecided.
                self.broken |= twice  # type: ignore[arg-type]
                for it in definitions:
                    self.decide_all(it, "not-a-claim", "definition (one of two systems side by side)")
                continue
            scope = SystemScope(items[0].block, section, items[0].index)
            previous = [s for s in self.systems if s.section == section]
            targets = {self._definition_target(it) for it in definitions}
            if previous and not targets & set(previous[-1].definitions):
                # New names only (the bias corrections after the moments): it extends the system.
                scope.definitions.update(previous[-1].definitions)
                scope.rows.update(previous[-1].rows)
            for it in definitions:
                target = self._definition_target(it)
                assert target is not None
                value = self._prepare(it.stmt.terms[1].expr, it)
                # The first link of a row defines; in a row x = A = B the rest are claims about x.
                self.decide(it, 0, "not-a-claim", "definition (a row of a system)")
                if value is not None and value.has(PLUS_MINUS):
                    self.broken.add(target)  # x = 1 ± y: two values; what reads x is left undecided
                elif value is not None and value.is_number and _counts_steps(target, self.items):
                    # "Initialize the counter $k = 0$" in an algorithm: where the loop starts, not the value of k
                    # in the rules and closed forms written with it (m^{[k]} = (1 − b)Σ_{j≤k} …)
                    continue
                elif value is not None:
                    scope.definitions[target] = value
                    scope.rows[target] = it
                    if (raw := it.stmt.terms[1].expr).atoms(AppliedUndef) \
                            and (kept := self._prepare(raw, it, atomized=False)) is not None and kept != value:
                        scope.with_calls[target] = kept  # ŷ = σ(z) as a row: a node for the chain rule
                        if self._has_unknown_function(kept, it):
                            self._open_nodes.add(section)
            cycle = find_cycle(scope.definitions)
            if cycle and (both_ways := self._one_relation_both_ways(scope, cycle)) is not None:
                # n = −log₂ p, p = 2^{−n}: one relation written for each name; the first row defines, the
                # second is that row solved for its name, a claim proved so
                later, reason = both_ways
                scope.definitions.pop(self._definition_target(later), None)
                scope.rows.pop(self._definition_target(later), None)
                self.decide(later, 0, "proved", reason, override=True)
                cycle = find_cycle(scope.definitions)
            while cycle and (restated := [name for name in cycle if self._restates_earlier_row(scope.rows[name])]):
                # κ &= α + β \\ α &= μκ after κ = α + β and "solving for α, we get α = μκ": rows that write again
                # what was defined before them define nothing new; the cycle is the reader's, not the notes'. They
                # are checked as restatements later.
                for name in restated:
                    scope.definitions.pop(name, None)
                    scope.rows.pop(name, None)
                cycle = find_cycle(scope.definitions)
            if cycle:
                row = scope.rows[cycle[0]]
                names = " → ".join(printing.text(c) for c in cycle + [cycle[0]])
                self.report(row, row.stmt.terms[0].start, "error", "math/circular-definition",
                            f"circular system of definitions: {names}")
                for target in cycle:  # keep the rest of the system usable
                    scope.definitions.pop(target, None)
                    scope.rows.pop(target, None)
                self.broken |= set(cycle)
            self.systems.append(scope)

    def _equation_in_expectation(self, item: Item, k: int, left: Term, right: Term) -> bool:
        """``E[R] = (E[R] + 1)(1 − p) + p(…)``: an expectation on both sides is an equation the notes go on to solve
        for it (as ``x = (x + 1)(1 − p)`` would be an assignment), never its value. The lines after it that write
        the same expectation are that equation rewritten (its right side, checked against the first one's) or its
        solution (put in, the equation must hold). True when it decided the link."""
        unknown = left.expr
        assert unknown is not None and right.expr is not None
        earlier = [(index, value) for index, name, value in self._expectation_equations if name == unknown
                   and index < item.index and item.index - index <= 6 and self.items[index].section == item.section]
        if right.expr.has(unknown) and not earlier:
            self._expectation_equations.append((item.index, unknown, right.expr))
            self.decide(item, k, "not-a-claim", f"an equation in {' '.join(_source(item, left).split())} (it stands "
                        "on both sides), solved for it after")
            return True
        if not earlier:
            return False
        index, first = earlier[-1]
        line, written = self._line_of(index), " ".join(_source(item, left).split())
        x = sp.Dummy("x")  # the unknown as a number, for the comparison to evaluate
        try:
            if right.expr.has(unknown):  # the equation rewritten: its right side is the first one's
                verdict = compare(right.expr.xreplace({unknown: x}), first.xreplace({unknown: x}), seconds=LINK_SECONDS)
                held = f"the right side of the equation on line {line}, rewritten"
            else:  # the value solved for: the equation holds there
                verdict = compare(first.xreplace({unknown: right.expr}), right.expr, seconds=LINK_SECONDS)
                held = f"it solves the equation on line {line} for {written}"
        except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
            return False
        if verdict.status == "true":
            self.decide(item, k, "proved", f"{held}: {verdict.reason}")
        elif verdict.status == "false" and not right.expr.has(unknown) and item.claim_cue:
            # "so E[R] = (1 + p)/p": put into the equation the notes solve, its sides differ
            shown = " ".join(_source(item, right).split())
            why = f"{written} = {shown} does not solve the equation on line {line}: put in, its sides differ"
            self.report(item, right.start, "error", "math/false", f"false solution: {why}")
            self.decide(item, k, "false", why)
        else:  # (an equivalent rearrangement, both sides scaled, is no slip: undecided, never false)
            why = (f"{held} was not shown ({verdict.reason or verdict.status}); it may be the equation rearranged"
                   if right.expr.has(unknown) else f"{held} was not shown: {verdict.reason or verdict.status}")
            self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            self.decide(item, k, "undecided", why)
        return True

    def _solved_for_named(self, item: Item) -> bool:
        """``α &= μκ`` after ``μ = α/(α + β)`` and ``κ = α + β``, where the words say it follows ("solving for α and β,
        we get"): the row writes its name through names whose own definitions, earlier in its section, are written
        in that name. It is those definitions solved for it, a claim to check, never a definition of α (which would
        make them circular)."""
        if not item.claim_cue or (target := self._definition_target(item)) is None or self._restates_earlier_row(item):
            return False  # (κ &= α + β written again after κ = α + β: a restatement, read as one)
        value = item.stmt.terms[1].expr
        lineage = set(self._lineage(item.section))
        written: dict[sp.Symbol, sp.Expr] = {}  # the names of the value that an earlier statement writes out
        for other in self.items[:item.index]:
            name = other.stmt.terms[0].expr if other.stmt.terms else None
            if name == target and other.section in lineage and other.stmt.relations[:1] == ["="]:
                return False  # s &= a + 2b after s = a + b: a second definition of s, read by the restatements
            if other.block is item.block or other.section not in lineage or other.stmt.relations[:1] != ["="] \
                    or not isinstance(name, sp.Symbol) or name == target or name not in value.free_symbols \
                    or other.stmt.terms[1].expr is None:
                continue
            written[name] = other.stmt.terms[1].expr
        # every name of the value written out, one of them in the target: the row is checkable, and a claim (with a
        # name left open, "in terms of the share p", the row still says what p is: a definition)
        return written.keys() == value.free_symbols and any(target in v.free_symbols for v in written.values())

    def _restates_earlier_row(self, row: Item) -> bool:
        """Does an earlier display give ``row``'s name the same value, written the same way (``κ = α + β`` in the
        prose, then ``κ &= α + β = …`` as the first row of a later computation)? Such a row repeats a definition
        and takes no part in a cycle of the system it sits in."""
        name, value = row.stmt.terms[0].expr, row.stmt.terms[1].expr
        return value is not None and any(
            other.block is not row.block and other.stmt.relations[:1] == ["="] and other.stmt.terms[0].expr == name
            and other.stmt.terms[1].expr == value for other in self.items[:row.index])

    def _one_relation_both_ways(self, scope: SystemScope, cycle: list[sp.Symbol]) -> tuple[Item, str] | None:
        """Two rows that define each other's name (``n = −\\log_2 p``, ``p = 2^{−n}``): when the later one, with
        the earlier put in, is an identity (for positive values, as logarithms ask), they are one relation
        written both ways, not a cycle. Rows of an update rule at step t must compute their quantity, so there
        a pair that reads each other stays a cycle. The later row and the reason it holds, or None."""
        if len(cycle) != 2 or any((ix := read_index(name)) is not None and ix.letter in STEP_LETTERS for name in cycle):
            return None  # (a_t = b_t + 1, b_t = a_t − 1 among update rules: the step computes neither, a cycle)
        rows = sorted((scope.rows[name] for name in cycle), key=lambda it: it.index)
        first, later = (self._definition_target(it) for it in rows)
        value = scope.definitions[later].xreplace({first: scope.definitions[first]})
        positive = {x: sp.Symbol(x.name, positive=True) for x in value.free_symbols | {later}}
        for swap, note in (({}, ""), (positive, "; for positive values")):
            try:
                verdict = compare(value.xreplace(swap), later.xreplace(swap), seconds=LINK_SECONDS)
            except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
                return None
            if verdict.status == "true":
                return rows[1], (f"the row on line {self._line_of(rows[0].index)} solved for "
                                 f"{printing.text(later)} (one relation written both ways{note})")
        return None

    def _instance_of_rule(self, item: Item) -> bool:
        """Is ``item`` a numbered step (``v_1 = βv_0 + g_1``) of a quantity an earlier display of its section gives
        a rule at every step (``v_t = βv_{t-1} + g_t``)? Then it is that rule's instance, a claim, and not a row
        of a new system, even when the display holds two such steps (``v_1 = …, \\qquad v_2 = …``)."""
        ix = read_index(item.stmt.terms[0].expr) if isinstance(item.stmt.terms[0].expr, sp.Symbol) else None
        if ix is None or ix.letter is not None:
            return False
        for other in self.items[:item.index]:
            if other.section != item.section or other.block is item.block or not other.stmt.relations \
                    or other.stmt.relations[0] not in DEFINING_RELATIONS:
                continue
            first = other.stmt.terms[0].expr
            rule = read_index(first) if isinstance(first, sp.Symbol) else None
            if rule is not None and rule.letter is not None and rule.base == ix.base:
                return True
        return False

    def _differentiated_parameters(self, item: Item, left: Term) -> set[sp.Symbol]:
        """The letters of the defined functions whose derivative the left side writes (``∂f/∂y`` after
        ``f(x, y) = xy``): letters of that function, never names the link could be giving a meaning to."""
        if left.expr is None:
            return set()
        alias = self._row_function.get(item.index)
        defs = self.functions(item).defs
        found: set[sp.Symbol] = set()
        for x in left.expr.free_symbols:
            if isinstance(x, sp.Symbol) and x.name.startswith(GRADIENT_PREFIX):
                base = gradient_parts(x.name)[1]
                fd = defs.get(alias[1] if alias and alias[0] == base else base)
                if fd is not None:  # its variables, and the constants its body writes (c in f_c(x) = c + x)
                    found |= {p for p in fd.params if isinstance(p, sp.Symbol)} | fd.body.free_symbols
        return found

    def _derivative_of_defined(self, item: Item) -> bool:
        """Is the left side of ``item`` a derivative (``∂f/∂x``, ``df/dx``) of a function defined before it or
        of a name a statement before it defines (``f = qz``)? Then the row computes that derivative, a claim
        to check, and not the row of a new system."""
        target = self._definition_target(item)
        if target is None:
            return False
        if target.name.startswith(GRADIENT_PREFIX):
            _, base = gradient_parts(target.name)
        elif (parts := calculus.derivative_parts(target.name)) is not None and parts[0] in ("partial", "hessian"):
            base = parts[2]  # ∂²f/∂x², ∂²f/∂x∂y, ∇²f on the rows of a display after f(x, y) = …: second derivatives
            return any(fd.name == base and index < item.index for index, _, fd in self.function_defs)
        else:
            return False
        in_block = [fd.name for index, _, fd in self.function_defs
                    if index < item.index and self.items[index].block is item.block]
        if in_block and in_block[-1].startswith(base + "_"):
            # f_c(x) = c + x → df/dx = 1: the letter without its label, the function its row defines
            self._row_function[item.index] = (base, in_block[-1])
            return True
        if any(fd.name == base and index < item.index for index, _, fd in self.function_defs):
            return True
        return any(isinstance(first := other.stmt.terms[0].expr, sp.Symbol) and first.name == base
                   and other.stmt.relations and other.stmt.relations[0] in DEFINING_RELATIONS
                   and other.section == item.section for other in self.items[max(0, item.index - 12):item.index])

    def _unrolls_rule(self, rows: list[Item]) -> bool:
        """Do the rows unroll a rule of their section: steps at numbers (``v_1``, ``v_2``) and the rule's own
        general step (``v_t``) on the left, the general step ruled before the display (``v_t = βv_{t−1} + …``)?
        Then each row restates what the rule gives, row by row, to arrive at the general one."""
        if len(rows) < 2:
            return False
        general = [it for it in rows if it.stmt.terms and isinstance(first := it.stmt.terms[0].expr, sp.Symbol)
                   and (ix := read_index(first)) is not None and ix.letter is not None]
        if len(general) != 1:
            return False
        numbered = [it for it in rows if it is not general[0] and self._instance_of_rule(it)]
        if not numbered or len(general) + len(numbered) != len(rows):
            return False
        name = general[0].stmt.terms[0].expr
        return any(other.section == general[0].section and other.block is not general[0].block
                   and other.stmt.terms and other.stmt.terms[0].expr == name and other.stmt.relations
                   and other.stmt.relations[0] in DEFINING_RELATIONS for other in self.items[:general[0].index])

    def _definition_target(self, item: Item) -> sp.Symbol | None:
        stmt = item.stmt
        if not stmt.relations or stmt.relations[0] not in DEFINING_RELATIONS or len(stmt.terms) < 2:
            return None
        lhs, rhs = stmt.terms[0].expr, stmt.terms[1].expr
        if not isinstance(lhs, sp.Symbol) or rhs is None or lhs == DOTS or rhs.has(DOTS):
            return None
        if lhs in rhs.free_symbols:
            return None  # m = βm + g: an in-place assignment (pseudo-code), not a definition
        if rhs.has(optima.Optimum):
            return None  # θ* = argmin …: names an optimizer, its value is not a formula to substitute
        return lhs

    def _assumption(self, item: Item) -> str | None:
        """"Suppose $r/s − 1 = p/q$ with p, q > 0": an equation the words suppose, between expressions (a name alone
        on the left is a naming, read elsewhere), is posed, not claimed; and the names it relates that were named
        before are tied by it now, no longer by their old values (a second argument's "fresh p, q")."""
        stmt = item.stmt
        if len(stmt.terms) != 2 or stmt.relations != ["="] or isinstance(stmt.terms[0].expr, sp.Symbol) \
                or any(t.expr is None for t in stmt.terms) or not _SUPPOSE.search(self._words_before(item.index, 60)):
            return None
        definitions = self._definitions(item)
        for x in sorted(stmt.terms[0].expr.free_symbols | stmt.terms[1].expr.free_symbols, key=str):
            if isinstance(x, sp.Symbol) and x in definitions:
                self._unread_namings.setdefault(x, []).append(item.index)
        return "an assumption (the words suppose it): posed, not claimed"

    def _remarked_namings(self, item: Item, right: Term) -> tuple[dict[sp.Symbol, sp.Expr], int] | None:
        """The namings set by remark rows (``&Пусть\\ u = \\tan x, du = …``) that stand inside ``item``'s chain before
        its side ``right``, with the line of the first; None if there are none. The chain began before them, so
        its own place in the document does not reach them."""
        mapping: dict[sp.Symbol, sp.Expr] = {}
        line = 0
        for other in self.items[item.index + 1:]:
            if other.block is not item.block or other.stmt.terms[0].start > right.start:
                break
            name = self._definition_target(other) if other.stmt.remark else None
            if name is not None and name not in mapping:
                mapping[name] = other.stmt.terms[1].expr
                line = line or other.block.position(other.stmt.terms[0].start)[0]
        return (mapping, line) if mapping else None

    def _stack_restated_displays(self) -> None:
        """``$$v_1 = βv_0 + …$$⏎$$v_1 = 0.9·0 + …$$⏎$$v_1 = −0.000793$$``: displays one under the other with nothing
        between them, each restating one name, are the rows of one computation, as in an ``align*`` — each a
        claim about the row before (:meth:`_verify_restated_row`), not a new definition or a value given."""
        if self._lines is None or not self.text:
            return
        per_block: dict[int, int] = {}
        for item in self.items:
            per_block[id(item.block)] = per_block.get(id(item.block), 0) + 1
        for a, b in zip(self.items, self.items[1:]):
            if not (a.block.display and b.block.display) or a.block is b.block or a.section != b.section \
                    or per_block[id(a.block)] != 1 or per_block[id(b.block)] != 1 or b.index in self._continues:
                continue
            if not (a.stmt.relations[:1] == ["="] and b.stmt.relations[:1] == ["="]) \
                    or not isinstance(a.stmt.terms[0].expr, sp.Symbol) or a.stmt.terms[0].expr != b.stmt.terms[0].expr:
                continue
            if " ".join(_source(a, a.stmt.terms[0]).split()) != " ".join(_source(b, b.stmt.terms[0]).split()):
                continue
            end = self._lines.offset(a.block.line, a.block.col) + len(a.block.text)
            start = self._lines.offset(b.block.line, b.block.col)
            between = self.text[end:start]
            if start - end > 12 or _DISPLAY_GLUE.sub("", between) or re.search(r"\n[ \t]*\n", between):
                continue  # words or a blank line between them: two statements, read as such
            self._continues[b.index] = a.index

    def _bind_function(self, item: Item) -> None:
        stmt = item.stmt
        at = 1 if self._mapsto_call(item) else 0  # u ↦ g(u) = (c + 2)u² + …: the definition is the link after ↦
        if not stmt.relations or stmt.relations[at] not in DEFINING_RELATIONS or len(stmt.terms) < at + 2 \
                or self._case_of_cases(item) is not None or self._if_of_if_then(item) \
                or self._posed_by_existence(item):
            return  # (f(u) = 1 if wᵀu ≥ 1 and f(u) = 0 if …: one case of a definition by cases, not f)
        lhs, rhs = stmt.terms[at].expr, stmt.terms[at + 1].expr
        if isinstance(lhs, sp.log) and isinstance(lhs.args[0], AppliedUndef) and rhs is not None \
                and not any(fd.name == type(lhs.args[0]).__name__ for _, _, fd in self.function_defs):
            # log L(p) = Σ[X_i log p + …]: the log-likelihood written out says what L(p) is (e to that power),
            # so d/dp log L(p) later is the derivative of the sum
            lhs, rhs = lhs.args[0], sp.exp(rhs)
        if not (isinstance(lhs, AppliedUndef) and rhs is not None and lhs.args
                and all(isinstance(a, sp.Symbol) and not conditional.in_name(a.name) for a in lhs.args)) \
                or rhs.has(optima.Optimum, PLUS_MINUS) or len(set(lhs.args)) < len(lhs.args):
            return  # (f(x) = x ± 1 is two functions; L(Y, P(Y|X)) = … names a loss of a probability, not a
            # function of a variable P(Y|X) to put other arguments in; ρ(X, X) = 1 is a property on the diagonal,
            # not ρ everywhere)
        name = type(lhs).__name__
        if name.startswith(GRADIENT_PREFIX):
            return  # a claim about a gradient: verified in pass 2
        params = tuple(lhs.args)
        if len(params) == 1 and isinstance(params[0], sp.Symbol) and params[0] not in rhs.free_symbols \
                and len(twin := [x for x in rhs.free_symbols if isinstance(x, sp.Symbol) and x != params[0]
                                 and x.name.lower() == params[0].name.lower()]) == 1:
            # σ(X) = 1/(1 + e^{−x}): the variable written in the other case on one side, a typo; read as σ(x) = …
            # (as written σ was a constant, and σ′ = σ(1 − σ) refuted)
            params = (twin[0],)
            lhs = lhs.func(twin[0])
        if (prime := primed(name)) is not None and any(fd.name == prime[0] for _, _, fd in self.function_defs):
            return  # f'(x) = 2x after f(x) = x² + 1 (M_X'(t) after M_X(t)): a claim about the derivative, pass 2
        if (prime := primed(name)) is not None and isinstance(rhs, AppliedUndef) and rhs.args == lhs.args \
                and (parts := calculus.derivative_parts(type(rhs).__name__)) is not None \
                and parts[0] == ("gradient", "hessian")[min(prime[1], 2) - 1] and parts[2] == prime[0]:
            return  # "in n dimensions f'(x) = ∇f(x), f''(x) = ∇²f(x)": one derivative in two notations, no new f′
        if any(type(call).__name__ == name and call.args != lhs.args for call in rhs.atoms(AppliedUndef)):
            return  # f(x_{k+1}) = f(x_k − ∇f(x_k)/L): f evaluated at the next iterate, not a definition of f
        if isinstance(rhs, AppliedUndef) and rhs.args == lhs.args and type(rhs).__name__ != name and all(
                any(fd.name == each and index < item.index for index, _, fd in self.function_defs)
                for each in (name, type(rhs).__name__)):
            return  # p(t) = q(t) with both defined before: where their graphs meet, an equation, not p redefined as q
        if lhs in rhs.atoms(AppliedUndef):
            return  # v(t) := v(t)/(1 − β^t): the value replaced in place (pseudo-code), not a circular definition
        if not rhs.free_symbols and self._point_in_hand(item, params) and any(
                fd.name == name and index < item.index and fd.body.free_symbols & set(fd.params)
                for index, _, fd in self.function_defs):
            return  # "if x = 2, we have f(x) = 4" after f(x) = x²: the value at that point, a claim, not a new f
        if rhs == 0:
            return  # "solve f(x) = 0", "at a root f(x) = 0": an equation in x, never the zero function
        if (item.trailing_condition or item.condition_cue or item.assumed) and not rhs.free_symbols & set(params) \
                and (isinstance(rhs, sp.Symbol) or rhs.is_number):
            # "rk(X) = D if N ≥ D", "if rk(X) = D then …": a value under a condition, never a constant rk (ℓ(z) =
            # −y log p − … "with p = σ(z)" still defines ℓ, through p); but "η(t) = 0.1 for t < 10" is the first
            # case of a definition by cases, kept for the case that follows
            self._joined_cases(item, name, params, rhs)
            return
        if not (rhs.free_symbols & set(params)) and any(_POINT_MARK.search(p.name) for p in params):
            return  # φ(x^*) = 0, f'(x^*) = 0: the value at the optimum (a condition), never a constant φ
        if not rhs.free_symbols and _STEP_NUMBER.search(_source(item, stmt.terms[0])):
            return  # f(x^1) = 3.2755: the value at the iterate x^1 (its superscript a step), not a constant f
        if not rhs.free_symbols and self._valued_before(item, params) and any(
                fd.name == name and index < item.index and fd.body.free_symbols & set(fd.params)
                for index, _, fd in self.function_defs):
            return  # f(x_2) = 3.92² − 4·3.92 + 5 after x_2 = 3.92 was worked out: the value there, a claim
        if params and not rhs.free_symbols & set(params):
            later = [t.expr for t in stmt.terms[at + 2:] if t.expr is not None and t.expr.free_symbols & set(params)]
            if later:
                # σ(z) = P = 1/(1 + e^{−z}): P names the value, the chain goes on to what σ is; L(w) = (y − t)² =
                # (xw − t)²: the body in its variable is the one that says how L varies (y = wx is worked out anew)
                rhs = later[0]
            elif isinstance(rhs, sp.Symbol) and rhs not in params and any(fd.name == name and index < item.index and fd.body.free_symbols & set(fd.params)
                     for index, _, fd in self.function_defs):
                return  # "σ(z) = P" after σ(z) = 1/(1 + e^{−z}): a name for its value, not a new σ
            elif isinstance(rhs, sp.Symbol) and rhs not in params and rhs.name in _VALUE_LETTERS:
                return  # "f(x) = y, f^{-1}(y) = x": y names f's value at x (the dependent variable), not a constant f
        if hidden_in_names(rhs, params):
            return  # ℓ(t) = Σ log p(x_i | t): t only inside a probability read as one name, so ℓ' would be 0
        if rhs.has(asymptotic.BigO):
            return  # h(x) = f(u) = 1 + u/2 − u²/8 + o(u²) = …: an expansion with its remainder, never h's definition
        if any(lim.args[1] in params for lim in rhs.atoms(sp.Limit)):
            return  # F'(a) = lim_{a→x} (F(x) − F(a))/(x − a): its parameter is the limit's, bound; no function of a
        if has_vectors(rhs):
            rhs = reduce_coords(rhs, _tuple_factor)  # ½(x, y)[[6, 0], [0, 2]](x; y) is 3x² + y², a number
        joined = self._joined_cases(item, name, params, rhs) if at == 0 else None
        if joined is not None:
            rhs = joined[0]  # f(x) = −2x if x < 0 after f(x) = x² if x ≥ 0: one function by cases
        elif self._restates_function(item, name, params, rhs):
            return
        try:
            fd = Functions().define(name, params, rhs, item.block.position(item.stmt.terms[at].start)[0])
        except CircularDefinition:
            self.report(item, stmt.terms[at + 1].start, "error", "math/circular-definition",
                        f"{name} is defined through its own gradient or itself")
            self.decide_all(item, "not-a-claim", "definition (circular: reported as an error)")
            return
        self.function_defs.append((item.index, item.section, fd))
        # f(x) = A = B: the definition is f(x) = A; A = B is still a claim to check.
        self.decide(item, at, "not-a-claim", f"definition of {name}" + (
            f" (a further case of the definition by cases begun on line {joined[1]})" if joined else ""))

    def _case_condition(self, item: Item, params: tuple[sp.Basic, ...]) -> sp.Basic | None:
        r"""The condition a definition of a function is given under, when it is one case of a definition by cases
        written as separate formulas: ``f(x) = x^2 \quad \text{if } x \ge 0`` (the comparison in the same display,
        after a word that opens a case), or ``f(x) = x²`` "when $x ≥ 0$" (the comparison right after it, in its
        sentence); ``sp.true`` for "otherwise". Only comparisons of the function's own variables with each other
        or with numbers count. None for an unconditioned definition."""
        after = self._words_after(item.index, 80).split("\n\n")[0]  # the words after its block, in its paragraph
        tail = item.block.text[item.stmt.terms[-1].end:] + (after if item.block.display else "")
        if _OTHERWISE_AFTER.match(tail):
            return sp.true
        if item.index + 1 >= len(self.items):
            return None
        nxt = self.items[item.index + 1]
        if nxt.block is item.block:
            between = item.block.text[item.stmt.terms[-1].end:nxt.stmt.terms[0].start]
            if not _CASE_WORD.search(between):
                return None
        elif not (item.trailing_condition and nxt.sentence == item.sentence and not nxt.block.display
                  and _CASE_WORD.search(after[:24])):
            return None
        relations, terms = nxt.stmt.relations, [t.expr for t in nxt.stmt.terms]
        if not relations or any(r not in ("<", ">", "<=", ">=") for r in relations) or any(t is None for t in terms) \
                or not set().union(*(t.free_symbols for t in terms)) <= set(params) \
                or not any(t.free_symbols for t in terms):
            return None
        compared = [CASE_RELATIONS[r](a, b) for r, a, b in zip(relations, terms, terms[1:])]
        return sp.And(*compared) if len(compared) > 1 else compared[0]

    def _joined_cases(self, item: Item, name: str, params: tuple[sp.Basic, ...], rhs: sp.Expr) -> tuple[sp.Expr, int] | None:
        """``f(x) = x²`` if x ≥ 0, then ``f(x) = −2x`` if x < 0 in the next formula: the second case joins the
        first into one function given by cases (a Piecewise), so ``f(3) = 9`` and ``f(−1) = 2`` are both checked
        against it. Returns the joined body and the line of the first case; None when ``item`` is no further case
        of the function the last few formulas gave by cases."""
        condition = self._case_condition(item, params)
        if condition is None:
            return None
        earlier = self._cases.get(name)
        self._cases[name] = (item.index, item.section, params, [(rhs, condition)], self._line_of(item.index))
        if earlier is None:
            return None
        index, section, first_params, pieces, line = earlier
        if section != item.section or tuple(first_params) != tuple(params) or item.index - index > 4 \
                or pieces[-1][1] == sp.true:
            return None
        pieces = [*pieces, (rhs, condition)]
        self._cases[name] = (item.index, item.section, params, pieces, line)
        # the cases before stand for no function of their own any more (q(−1) is the joined q's value, not the first
        # case's taken for "another definition the words may mean")
        self.function_defs[:] = [(i, sec, fd) for i, sec, fd in self.function_defs
                                 if not (fd.name == name and index <= i < item.index)]
        self._case_items.update({index, item.index})
        return sp.Piecewise(*pieces), line

    def _mapsto_call(self, item: Item) -> bool:
        """``u ↦ g(u) = (c + 2)u² + (c − 3)v²``: a map written with its variable, then the call it defines."""
        stmt = item.stmt
        if stmt.relations[:2] != ["->", "="] or len(stmt.terms) < 3:
            return False
        var, call = stmt.terms[0].expr, stmt.terms[1].expr
        between = item.block.text[stmt.terms[0].end:stmt.terms[1].start]
        return "mapsto" in between and isinstance(var, sp.Symbol) and isinstance(call, AppliedUndef) \
            and var in call.args

    def _case_of_cases(self, item: Item) -> str | None:
        """``f_w(u) = 1`` if …, and ``f_w(u) = 0`` if … (or "if …, then c = 1, and if …, then c = 0"): one name
        given two values in one sentence, each under a condition of its own, is a definition by cases; neither
        value is the name's, and neither refutes the other. The reason, or None."""
        stmt = item.stmt
        if item.sentence < 0 or len(stmt.relations) != 1 or stmt.relations[0] != "=" or not self._conditioned(item):
            return None
        name, value = stmt.terms[0].expr, stmt.terms[1].expr
        if not isinstance(name, (sp.Symbol, AppliedUndef)) or value is None:
            return None
        if isinstance(name, AppliedUndef) and any(fd.name == type(name).__name__ and index < item.index
                                                  for index, _, fd in self.function_defs) \
                and any(other.sentence == item.sentence and other.stmt.relations[:1] == ["="]
                        and other.stmt.terms[0].expr in name.args
                        for other in self.items[max(0, item.index - 6):item.index + 7]):
            return None  # "if x = 1, f(x) = 3, and if x = 2, f(x) = 5" after f is defined: its values at points,
            # claims (but "h(x) = 1 if θᵀx ≥ 1 and h(x) = 0 if θᵀx ≤ −1" defines h anew, by cases)
        for other in self.items[max(0, item.index - 6):item.index + 7]:
            if other is item or other.sentence != item.sentence or len(other.stmt.relations) != 1 \
                    or other.stmt.relations[0] != "=" or not self._conditioned(other):
                continue
            if other.stmt.terms[0].expr == name and other.stmt.terms[1].expr is not None \
                    and other.stmt.terms[1].expr != value:
                return (f"condition (one case of a definition by cases: its sentence gives {printing.text(name)} "
                        "another value under another condition)")
        return None

    def _conditioned(self, item: Item) -> bool:
        """Is a condition stated for the statement in its sentence, before it ("if …, then c = 1", "otherwise c = 0")
        or right after it ("c = 1 if …")? (Not the formula that is itself the condition: "if $β = 0.9$".)"""
        return item.trailing_condition or item.assumed or bool(_OTHERWISE.search(self._words_before(item.index, 40)))

    def _bind_mapsto(self, item: Item, name: str) -> None:
        """``f_a: ℝ_{>0} → ℝ, x ↦ 1 − a/x²``: the function the signature just before declared, defined by where
        it maps its variable (the notation of analysis texts, where ``f_a(x) = …`` is never written)."""
        stmt = item.stmt
        if stmt.relations != ["->"] or len(stmt.terms) != 2:
            return
        var, body = stmt.terms[0].expr, stmt.terms[1].expr
        between = item.block.text[stmt.terms[0].end:stmt.terms[1].start]
        if not isinstance(var, sp.Symbol) or body is None or "mapsto" not in between or not body.has(var):
            return
        try:
            fd = Functions().define(name, (var,), body, item.block.position(stmt.terms[0].start)[0])
        except CircularDefinition:
            return
        self.function_defs.append((item.index, item.section, fd))

    def _uniform_draw(self, item: Item) -> dict[str, sp.Symbol]:
        """The indices drawn uniformly, as the whole text tells them; in a text with several index ranges
        ({1, …, n} for samples, {1, …, m} for a batch) as the paragraphs just before the link tell them."""
        drawn = expectation.uniform_indices(self.text or "")
        if drawn:
            return drawn
        paragraphs = re.split(r"\n[ \t]*\n", self._words_before(item.index, 1500))
        for n in range(1, min(3, len(paragraphs)) + 1):
            drawn = expectation.uniform_indices("\n\n".join(paragraphs[-n:]) + item.block.text)
            if drawn:
                return drawn
        return {}

    def _step_difference(self, item: Item, k: int, left: Term, right: Term,
                         definitions: dict[sp.Symbol, sp.Expr]) -> bool:
        """``Δw_t = …`` where nothing defines Δw_t but an update rule steps w: the step it takes, ``w_t − w_{t−1}``
        (or ``w_{t+1} − w_t``, as notes write either), against the right side. Proved when either reading holds;
        false when both are refuted, the rule reaches both, and the sides differ by a constant factor (a sign
        lost, a factor 2); undecided when they differ otherwise (another scheme's step may be meant); otherwise
        left to the usual reading. True when decided here."""
        lhs, rhs = left.expr, right.expr
        m = _DELTA_NAME.fullmatch(lhs.name) if isinstance(lhs, sp.Symbol) else None
        if m is None or rhs is None or lhs in definitions \
                or any(_DELTA_NAME.fullmatch(x.name) for x in rhs.free_symbols):
            return False  # Δx_t = ρΔx_{t−1} + …: Adadelta's Δx is a state of its own, not x's step
        target = S.symbol(m.group(1))
        ix = read_index(target)
        if ix is None or any(read_index(x) is not None and read_index(x).base == ix.base for x in rhs.free_symbols):
            return False
        readings = [target - ix.at(ix.letter, ix.offset - 1), ix.at(ix.letter, ix.offset + 1) - target]
        try:
            b = substitute(self._prepare(rhs, item) or rhs, definitions)
            outcomes = []
            for step in readings:
                a = substitute(step, definitions)
                if a == step or not (a.free_symbols - step.free_symbols):
                    outcomes.append(None)  # the rule does not reach this step
                    continue
                if b.free_symbols - a.free_symbols:
                    outcomes.append(None)  # Δw_t = αg/(1 − β) with g new: a limit or another scheme, not this step
                    continue
                outcomes.append((compare(a, b, seconds=LINK_SECONDS), step, a))
        except (CircularDefinition, BudgetExceeded, TypeError, ValueError):
            return False
        for outcome in outcomes:
            if outcome is not None and outcome[0].status == "true":
                self.decide(item, k, "proved", f"{printing.text(lhs)} is the step {printing.text(outcome[1])} of the "
                                               "update rule in force")
                return True
        if all(o is not None and o[0].status == "false" for o in outcomes):
            step, value = outcomes[0][1], outcomes[0][2]
            try:
                ratio = sp.simplify(value / b) if b != 0 else None
            except (TypeError, ValueError, ZeroDivisionError):
                ratio = None
            if ratio is None or not ratio.is_number:
                # Δw_t = −αg_t under Adam's rule: SGD's step named for another scheme, or a slip: not said which
                why = (f"{printing.text(lhs)} is not the step {printing.text(step)} of the update rule in force "
                       "(another scheme's step, or a slip)")
                self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
                self.decide(item, k, "undecided", why)
                return True
            self.report(item, right.start, "error", "math/false",
                        f"false step: {_clip(_source(item, left))} = {_clip(_source(item, right))}; the step "
                        f"{printing.text(step)} of the update rule in force is "
                        f"{printing.text(printing.textbook(value))}{_witness(outcomes[0][0])}")
            self.decide(item, k, "false", f"the step {printing.text(step)} of the rule differs")
            return True
        return False

    def _bare_calls(self, item: Item, left: Term, right: Term) -> tuple[Term, Term]:
        """The link's sides with a defined function's bare name written as its call where the link writes the
        function's variable: after ``u(x) = cos x − 1``, ``u = −½x² + x⁴/24 + o(x⁴)`` and ``u² = ¼x⁴ + o(x⁴)`` speak
        of u(x), not of a constant u. A name the definitions in scope give a value of its own stays that value."""
        if left.expr is None or right.expr is None:
            return left, right
        letters = left.expr.free_symbols | right.expr.free_symbols
        defs = self.functions(item).defs
        if not defs or not any(isinstance(x, sp.Symbol) and x.name in defs for x in letters):
            return left, right
        named = self._definitions(item)
        applied = {type(call).__name__ for side in (left.expr, right.expr) for call in side.atoms(AppliedUndef)}
        # (σ'(z) = σ(1 − σ): the letter applied in the link too is its own shorthand, read where it is handled)
        # (only a Latin letter no convention gives: σ in N(μ, σ²) beside σ(X) = √Var(X) is the deviation, a number)
        bare = {x: sp.Function(x.name)(*fd.params) for x in letters if isinstance(x, sp.Symbol) and x not in named
                and re.fullmatch(r"[A-Za-z]", x.name) and x.name not in DEFAULT_FUNCTIONS
                and x.name not in applied and (fd := defs.get(x.name)) is not None and len(fd.params) == 1
                and fd.params[0] in letters and fd.params[0] != x}
        if not bare:
            return left, right
        return (dataclasses.replace(left, expr=left.expr.xreplace(bare)),
                dataclasses.replace(right, expr=right.expr.xreplace(bare)))

    def _restates_function(self, item: Item, name: str, params: tuple[sp.Basic, ...], body: sp.Expr) -> bool:
        """``f_1(x, y) = ½(x, y)[[6, 0], [0, 2]](x; y)`` after ``f_1(x, y) = 3x² + y²`` in the same section ("can be
        written as"): the same function written another way, proved so, is a claim that holds — not a new f_1.
        A body that differs stays a new definition (notes reuse a name for the next example), never an error."""
        for index, section, fd in reversed(self.function_defs):
            if fd.name != name or index >= item.index:
                continue
            body = _square_norms(body)  # read as the definition's body was (‖y − Xβ‖ of a matrix X kept whole)
            defs = self.functions(item).defs
            bare = {x: sp.Function(x.name)(*other.params) for x in body.free_symbols if isinstance(x, sp.Symbol)
                    and re.fullmatch(r"[A-Za-z]", x.name) and x.name not in DEFAULT_FUNCTIONS  # (as _bare_calls)
                    and x not in params and (other := defs.get(x.name)) is not None and len(other.params) == 1
                    and other.params[0] in params}
            body = body.xreplace(bare) if bare else body  # h(x) = f(u) for h(x) = f(u(x)), u(x) = cos x − 1
            if tuple(fd.params) != tuple(params) or (section != item.section and not _calls_kept(fd.body, body)):
                return False  # (another section may define a new f; one written again through the same ℓ(w) is J)
            earlier = self.items[index]
            written = (_source(earlier, earlier.stmt.terms[1]), _source(item, item.stmt.terms[1]))
            if in_matrices := self._order_matters_in(" ".join(written)):
                from . import matrices  # J(θ) = (y − Xθ)^T(y − Xθ), then J(θ) = yᵀy − 2θᵀXᵀy + …: matrix algebra
                decision = matrices.decide(self._expanded(written[0]), self._expanded(written[1]),
                                           self._matrix_notation(), set(), [])
                same = decision is not None and decision.status == "true" or fd.body == body  # (read alike: one text)
                if not same and (decision is None or decision.status != "false"):
                    return False  # shapes the matrix reader cannot fit decide no restatement false
            else:
                try:  # (an unknown function ℓ(w) leaves nothing to sample: the same text is the same body)
                    same = sp.expand(fd.body - body) == 0 or (verdict := compare(
                        fd.body, body, seconds=LINK_SECONDS)).status == "true" \
                        or (fd.body.has(sp.Sum) or body.has(sp.Sum)) \
                        and compare(atomize(_doit(fd.body)), atomize(_doit(body)), seconds=LINK_SECONDS).status == "true"
                    # (Σ_{i=1}^{n} ℐ_1(θ) = nℐ_1(θ): a sum of what i does not index, which no random point samples)
                except (BudgetExceeded, TypeError, ValueError):
                    return False
                if not same and verdict.status != "false" and (fd.body.has(sp.Integral) or body.has(sp.Integral)) \
                        and _calls_kept(fd.body, body):
                    # M(t) = (bᵃ/Γ(a))∫xᵃ⁻¹e^{−(b−t)x}dx after M(t) = ∫e^{tx}bᵃxᵃ⁻¹e^{−bx}/Γ(a)dx: an integral no
                    # random point decides is no other body, only one not compared
                    line = earlier.block.position(earlier.stmt.terms[0].start)[0]
                    why = f"{name} written again; compared with its definition on line {line}: {verdict.reason}"
                    self.report(item, item.stmt.terms[1].start, "info", "math/undecided", f"not decided: {why}")
                    self.decide(item, 0, "undecided", why)
                    return True
            line = earlier.block.position(earlier.stmt.terms[0].start)[0]
            if same:
                self.decide(item, 0, "proved", f"the definition of {name} on line {line}, written another way")
                return True
            if (count := _general_count(fd.body, body)) is not None:
                # "Recall R(h) = (1/n)Σ_{i=1}^{n}(y_i − h)²" after R(h) = ¼Σ_{i=1}^{4}(y_i − h)²: the formula the
                # definition instantiates, recalled; the definition for these data stays in force
                self.decide(item, 0, "not-a-claim", f"the general form of {name} (line {line} is it with "
                            f"{printing.text(count[0])} = {count[1]})")
                return True
            refuted = in_matrices or verdict.status == "false"  # (a matrix body that differs was refuted to get here)
            if refuted and section == item.section and _REWRITTEN.search(self._sentence_before(item.index)):
                # "Hence we can rewrite h as h(x) = ½(x − Q⁻¹c)ᵀQ(x − Q⁻¹c) + …": the words say it is the same h
                self.report(item, item.stmt.terms[1].start, "error", "math/false",
                            f"false rewriting: {name} is written again, “rewritten”, with a body that differs from its "
                            f"definition on line {line}")
                self.decide(item, 0, "false", f"the words call it {name} rewritten; it differs from the definition "
                            f"on line {line}")
                return True  # the definition stays in force
            if not _calls_kept(fd.body, body):
                return False  # f(x) = x³ after f(x) = x²: the next example, a new f
            # J(w) = −ℓ(w) after J(w) = −(1/n)·ℓ(w): the cost written again through the same ℓ, nothing new in it
            was = f"the definition of {name} on line {line} gives {printing.text(fd.body)}"
            if item.claim_cue:
                self.report(item, item.stmt.terms[1].start, "error", "math/false",
                            f"false restatement: {name} is written with another body than its definition: {was}")
                self.decide(item, 0, "false", f"restated: {was}")
                return True  # the prose says it follows: the definition stays in force
            doubt = f"{name} written again with another body and no new names: {was} (a new definition, or a slip?)"
            self.report(item, item.stmt.terms[1].start, "info", "math/undecided", f"not decided: {doubt}")
            self.decide(item, 0, "undecided", doubt)
            return False  # read as the new definition from here, as the notes go on with it
        return False

    def _bind_trailing_function(self, item: Item) -> None:
        """``σ = 1/(1 + e^{−z}) = g(z)``: a chain that ends in a function no one has defined, applied to its
        letters, names that function by the term before it (notes for automatic differentiation write each
        stage so). ``g'(z) = …`` after it is then a claim about that g. A subscript that names the data a
        function is taken at (``h_y``, ``f_x``) names the same function as the bare letter, when that is free."""
        stmt = item.stmt
        if len(stmt.terms) < 3 or stmt.relations[-1] != "=" or any(r not in ("=", ":=") for r in stmt.relations):
            return
        call, body = stmt.terms[-1].expr, stmt.terms[-2].expr
        if not isinstance(call, AppliedUndef) or body is None or not call.args \
                or not all(isinstance(a, sp.Symbol) for a in call.args) or len(set(call.args)) != len(call.args):
            return
        name = type(call).__name__
        if name.startswith(GRADIENT_PREFIX) or name.endswith("'") or name in self.functions(item).defs \
                or call in body.atoms(AppliedUndef):
            return
        if not body.free_symbols & set(call.args) or body.has(DOTS):
            return  # the term before names nothing the call's letters take
        names = [name]
        stem, _, sub = name.partition("_")
        if sub and stem not in self.functions(item).defs and len(stem) == 1:
            names.append(stem)  # h_y(σ): also h, so that h'(σ) reads it
        for each in names:
            try:
                fd = Functions().define(each, tuple(call.args), body, item.block.position(item.stmt.terms[0].start)[0])
            except CircularDefinition:
                return
            self.function_defs.append((item.index, item.section, fd))
        self._functions_cache.clear()
        self.decide(item, len(stmt.relations) - 1, "not-a-claim", f"definition of {name} (named by the term before it)")

    def _restated_link(self, item: Item, left: Term, right: Term) -> tuple[str, str] | None:
        """A refuted link written exactly as one before it that was proved or read as a condition ("we solve
        $M^{-1}Ax = M^{-1}b$" under "instead of $Ax = b$", then "consider the preconditioned system:" and the
        same equation; "Given $Av = λv$ where A is …", then the derivation "from the first equation" opens with it):
        the notes say the same thing again, and it keeps the first reading. Only within
        ``_RESTATED_REACH`` statements: far apart, another part of the notes may have changed what the names mean."""
        if left.expr is None or right.expr is None:
            return None
        for other in self.items[max(0, item.index - _RESTATED_REACH):item.index]:
            for j in range(len(other.stmt.relations)):
                verdict = self.verdicts.get((other.index, j))
                if verdict is None or not (verdict[0] == "proved" or verdict[1].startswith("condition") or (
                        verdict[1].startswith(_INTRODUCED_AFTER)  # Av = λv "where A is …": no name named, a condition
                        and not isinstance(other.stmt.terms[j].expr, (sp.Symbol, AppliedUndef)))):
                    continue
                if (other.stmt.terms[j].expr, other.stmt.terms[j + 1].expr) == (left.expr, right.expr) \
                        and _LOGARITHMS.findall(_source(other, other.stmt.terms[j]) + _source(other, other.stmt.terms[j + 1])) \
                        == _LOGARITHMS.findall(_source(item, left) + _source(item, right)):
                    # (\ln and \log read alike, but a reading that proved one, \log to base 10, says nothing of \ln)
                    line = other.block.position(other.stmt.terms[j + 1].start)[0]
                    return verdict[0], f"the same link as on line {line} ({verdict[1]})"
        return None

    def _rule_from_first_step(self, item: Item, a: sp.Expr, b: sp.Expr,
                              definitions: Mapping[sp.Symbol, sp.Expr]) -> tuple[str, str] | None:
        """A refuted link about a general step (``x_{k+1}``) of a quantity whose rule the notes write only at its
        first step (``x_1 = x_0 − ηf'(x_0)``, a worked example): the rule at step k is that step shifted. Proved
        when the shifted rule makes the sides agree; otherwise undecided — the rule is read, not stated, so a
        refutation would rest on it. None when no such step is written."""
        steps = [x for x in (a.free_symbols | b.free_symbols) - set(definitions)
                 if (ix := read_index(x)) is not None and ix.letter is not None]
        latest: dict[tuple[str, str | None], sp.Symbol] = {}  # x_{k+1} over x_k: the step the rule gives
        for x in steps:
            key = (read_index(x).base, read_index(x).letter)
            if key not in latest or read_index(x).offset > read_index(latest[key]).offset:
                latest[key] = x
        ruled = {r.base for x in definitions if (r := read_index(x)) is not None and r.letter is not None}
        for target in latest.values():
            tx = read_index(target)
            if tx.base in ruled:
                continue  # u_t = u_{t−1} − v_t is in force: its rule, not one read from a first step
            for name, value in definitions.items():
                ix = read_index(name)
                if ix is None or ix.letter is not None or ix.base != tx.base or value.free_symbols & {name}:
                    continue
                numbered = {y: read_index(y) for y in value.free_symbols}
                numbered = {y: r for y, r in numbered.items() if r is not None and r.letter is None}
                if not any(r.base == ix.base and r.offset == ix.offset - 1 for r in numbered.values()):
                    continue  # not a step from the one before (x_2 = 4.4 − 0.48 is a value)
                shift = {y: r.at(tx.letter, tx.offset + r.offset - ix.offset) for y, r in numbered.items()}
                rule = value.xreplace(shift)
                try:
                    pa = substitute(a.xreplace({target: rule}), definitions)
                    pb = substitute(b.xreplace({target: rule}), definitions)
                except CircularDefinition:
                    return None
                verdict = compare(_doit(pa), _doit(pb), seconds=LINK_SECONDS)
                written = f"{printing.text(name)} = {printing.text(value)}"
                if verdict.status == "true":
                    return "proved", f"with the step rule read from its first step, {written}"
                given = {x: v for x, v in self._examples(item).items() if x in pa.free_symbols | pb.free_symbols
                         and read_index(x) is None}
                if given and compare(_doit(pa.xreplace(given)), _doit(pb.xreplace(given)),
                                     seconds=LINK_SECONDS).status == "true":
                    values = ", ".join(f"{printing.text(x)} = {printing.text(v)}"
                                       for x, v in sorted(given.items(), key=lambda kv: kv[0].name))
                    return "proved", f"with the step rule read from its first step, {written}, and the values " \
                                     f"given before ({values})"
                return "undecided", (f"{printing.text(target)}: the notes write the rule only at a first step "
                                     f"({written}); read at step {tx.letter}, the sides differ")
        return None

    def _named_derivatives(self, sa: sp.Expr, sb: sp.Expr, definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
        """A link whose sides write derivatives of defined names (``∂L/∂ŷ · ∂ŷ/∂z``): each taken from its
        name's definition with its variable held (L in ŷ, ŷ = σ(z) in z), then both sides through the
        definitions. The reason when they agree; only a proof is taken from it, never a refutation."""
        mapping: dict[sp.Symbol, sp.Expr] = {}
        shown: list[str] = []
        for x in sa.free_symbols | sb.free_symbols:
            if not (isinstance(x, sp.Symbol) and x.name.startswith(GRADIENT_PREFIX)):
                continue
            variable, stem = gradient_parts(x.name)
            name = S.symbol(stem) if stem else None
            if variable is None or name not in definitions:
                return None
            var = S.symbol(variable)
            try:
                value = substitute(definitions[name], definitions, hold=frozenset({var}))
            except CircularDefinition:
                return None
            if var not in value.free_symbols:
                return None
            mapping[x] = sp.diff(value, var)
            shown.append(f"∂{printing.text(name)}/∂{printing.text(var)}")
        if not mapping:
            return None
        try:
            pa = substitute(sa.xreplace(mapping), definitions)
            pb = substitute(sb.xreplace(mapping), definitions)
        except CircularDefinition:
            return None
        if pa.has(sp.Derivative) or pb.has(sp.Derivative):
            return None
        if compare(_doit(pa), _doit(pb), seconds=LINK_SECONDS).status != "true":
            return None
        return f"each derivative ({', '.join(sorted(shown))}) taken from its name's definition, then both sides " \
               "through the definitions"

    def _names_a_defined_call(self, item: Item) -> bool:
        """``ŷ = σ(z)`` with σ defined in the section: the name is that function's value, a definition the
        derivatives of the section read (∂ŷ/∂z), not a model equation between data."""
        rhs = item.stmt.terms[1].expr if len(item.stmt.terms) > 1 else None
        return isinstance(rhs, AppliedUndef) and type(rhs).__name__ in self.functions(item).defs

    def _valued_before(self, item: Item, params: tuple[sp.Symbol, ...]) -> bool:
        """Has every parameter been given a number by an earlier statement of the section (``x_2 = 4.4 − 0.48
        = 3.92``, its last term a number)?"""
        pending = set(params)
        for other in reversed(self.items[:item.index]):
            if other.section != item.section:
                break
            terms = other.stmt.terms
            if len(terms) >= 2 and terms[0].expr in pending and other.stmt.relations[0] == "=" \
                    and terms[-1].expr is not None and _number(terms[-1].expr):
                pending.discard(terms[0].expr)
        return not pending

    def _point_in_hand(self, item: Item, params: tuple[sp.Symbol, ...]) -> bool:
        """Does the sentence of ``item`` give each parameter a number before it ("if $x = 2$, we have …")?"""
        given = set()
        for other in self.items[max(0, item.index - 8):item.index]:
            terms = other.stmt.terms
            if other.sentence == item.sentence and len(terms) == 2 and other.stmt.relations[0] == "=" \
                    and terms[0].expr in params and terms[1].expr is not None and _number(terms[1].expr):
                given.add(terms[0].expr)
        return given == set(params)

    def _left_behind(self, section: int, later: int) -> bool:
        """Has the text left the part of the notes ``section`` belongs to by ``later``: a heading at a shallower
        level than ``section``'s came between (``\\subsection{Natural families}`` after ``\\subsubsection{Example
        3}``)? A sibling at the same level may go on with the example (## Example, then ## Notations, about the
        same f)."""
        if not self._levels or section not in range(1, len(self._levels) + 1) or later > len(self._levels):
            return False
        depth = self._levels[section - 1]
        return any(self._levels[k - 1] < depth for k in range(section + 1, later + 1))

    def _example_section(self, section: int) -> bool:
        """Does ``section``'s heading announce a worked example ("Example: Poisson", "Пример 2", "例")? What it
        defines is the example's own: once the text leaves the part around it (:meth:`_left_behind`), the notes
        speak of the general case again."""
        return bool(_EXAMPLE_HEADING.search(self._headings.get(section, "")))

    @functools.cached_property
    def _stated_laws(self) -> dict[sp.Symbol, stated_laws.Law]:
        """The law each random letter is stated to follow (``X \\sim \\mathcal{N}(0, 1)``), when the notes give it
        one law only."""
        out = {}
        for name, laws in stated_laws.stated(self.text or "").items():
            if len({(law.family, law.params) for law in laws}) == 1:
                out[name] = laws[0]
        return out

    def _under_stated_law(self, item: Item, k: int, left: Term, right: Term) -> bool:
        """Prove link ``k`` from the moments of the laws the text states for its random letters
        (:mod:`.stated_laws`): True when proved so. Only a proof is taken (a law may be another part's)."""
        if left.expr is None or right.expr is None or not (
                expectation.has_statistics(left.expr) or expectation.has_statistics(right.expr)):
            return False
        laws = self._laws_stated(item)
        if not laws:
            return False
        try:
            with time_budget(LINK_SECONDS):
                a, b = self._prepare(left.expr, item), self._prepare(right.expr, item)
                if a is None or b is None:
                    return False
                definitions = self._definitions(item)
                reading = expectation.read(_doit(substitute(a, dict(definitions))), _doit(substitute(b, dict(definitions))))
                read = stated_laws.under(reading.left, reading.right, reading.atoms, laws)
                if read is None:
                    return False
                sa, sb, used = read
                verdict = compare(_doit(sa), _doit(sb), seconds=LINK_SECONDS / 2)
        except (BudgetExceeded, CircularDefinition, TypeError, ValueError, ZeroDivisionError):
            return False
        if verdict.status != "true":
            return False  # (a law may be another part's, or the reading of a messy chain off: only a proof is taken)
        self.decide(item, k, "proved", f"the moments of the law the text states ({stated_laws.said(used)})")
        return True

    def _event_probabilities(self, item: Item, k: int, left: Term, right: Term, approx: bool) -> bool:
        """``P(B = 2) = \\binom{5}{2}(0.8)^2(0.2)^3 = 0.2048`` after ``B \\sim Bin(5, 0.8)``: the events of a letter the
        text gives a law put in as their probabilities (:mod:`.event_values`), and the link compared as arithmetic.
        A refutation stands only under a law stated in the link's own section (another part may reuse the letter).
        True when it decided."""
        from .arithmetic import decide as decide_numbers

        laws = self._laws_stated(item)
        if not laws or left.expr is None or right.expr is None:
            return False
        opened = [event_values.put_in(side, laws) for side in (left.expr, right.expr)]
        if not any(opened):
            return False
        a, b = (found[0] if found else side for found, side in zip(opened, (left.expr, right.expr)))
        used = [law for found in opened if found for law in found[1]]
        try:
            with time_budget(LINK_SECONDS):
                a, b = self._prepare(a, item), self._prepare(b, item)
                if a is None or b is None or a.free_symbols or b.free_symbols:
                    return False
                result = decide_numbers(a, b, _source(item, left), _source(item, right), approx)
        except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
            return False
        if result is None:
            return False
        said = ", ".join(dict.fromkeys(" ".join(law.shown.split()) for law in used))
        if not result.holds and (rounded := _rounded_terms(_source(item, right if opened[0] else left), a - b)):
            result = dataclasses.replace(result, holds=True, reason=rounded)  # 1 − 0,0317 − 0,1267 for 1 − P(Z=0) − P(Z=1)
        if result.holds:
            self.decide(item, k, "proved", f"under the law the text states ({said}): {result.reason}")
            return True
        text = self.text or ""
        # (the law stated in the link's own section: under "### Question two" the letter may be another experiment's)
        if any(sum(1 for s in self._section_lines if s <= text.count("\n", 0, law.offset) + 1) != item.section
               for law in used):
            return False
        self.report(item, right.start, "error", "math/false", f"false probability under the law the text states "
                    f"({said}): {result.reason.removeprefix('arithmetic: ')}")
        self.decide(item, k, "false", f"under the law the text states ({said}): {result.reason}")
        return True

    def _laws_stated(self, item: Item) -> dict[sp.Symbol, stated_laws.Law]:
        """The laws stated before ``item``'s formula."""
        if not self._stated_laws or self._lines is None:
            return {}
        at = self._lines.offset(item.block.line, item.block.col)
        return {name: law for name, law in self._stated_laws.items() if law.offset < at}

    @functools.cached_property
    def _proof_of_item(self) -> list[int | None]:
        """For each item, the proof environment it stands in (its start offset), or None: a generic function a
        proof writes out ("let f(x) = c_0 + c_1x + ⋯ be its expansion") is that proof's, never the notes' f."""
        if self._lines is None or not self.text:
            return [None] * len(self.items)
        spans = [(m.start(), m.end()) for m in _PROOF_ENV.finditer(self.text)]
        if not spans:
            return [None] * len(self.items)
        out: list[int | None] = []
        for it in self.items:
            at = self._lines.offset(it.block.line, it.block.col)
            out.append(next((start for start, end in spans if start <= at < end), None))
        return out

    @functools.cached_property
    def _statement_spans(self) -> list[tuple[int, int]]:
        """Where the theorem-like environments are (proposition, theorem, lemma, corollary, in LaTeX or MyST)."""
        return [(m.start(), m.end()) for m in _STATEMENT_ENV.finditer(self.text or "")]

    def _concludes_a_statement(self, item: Item) -> bool:
        """Does ``item`` stand in a proposition, theorem, lemma or corollary, after words that claim ("Alors",
        "Then")? It is then what the statement asserts, to be shown by its proof."""
        if self._lines is None or not self._statement_spans \
                or not (item.claim_cue or CLAIMS.search(self._sentence_before(item.index))):
            return False  # ("Alors $P_n = Q_n$ et $ε_1 = ε_2$": the second conclusion joined to the first)
        at = self._lines.offset(item.block.line, item.block.col)
        return any(start <= at < end for start, end in self._statement_spans)

    def functions(self, item: Item) -> Functions:
        """The function definitions in force at ``item`` (see the class docstring)."""
        cached = self._functions_cache.get(item.index)
        if cached is not None:
            return cached
        chosen: dict[str, tuple[int, FunctionDef]] = {}
        shadowed: dict[str, int] = {}
        hidden = self._other_exercises(item)
        proofs = self._proof_of_item
        for index, section, fd in self.function_defs:
            current = chosen.get(fd.name)
            if hidden[0] <= index < hidden[1]:
                continue  # "**Exercise 1.** f(x, y) = x + 2y" says nothing of the f of exercise 2
            if proofs[index] is not None and proofs[index] != proofs[item.index]:
                continue  # the f a proof writes out ("Écrivons deux DL de f : f(x) = c_0 + …") is the proof's
            if index < item.index and self._example_section(section) and self._left_behind(section, item.section):
                shadowed[fd.name] = index  # Ψ(θ) = θ under "Example: Poisson": the example's, not the general Ψ of
                continue  # the next section (nor does it bring back a Ψ defined before the example)
            if index < item.index or index == item.index and "=>" in item.stmt.relations[1:]:
                # The latest earlier definition; one in this section beats any of an earlier section. One that this
                # statement makes before its ⇒ ("q(w) = cos w ⇒ q'(w) = −sin w") is in force for what follows it.
                if current is None or current[0] > item.index or section == item.section or \
                        self.items[current[0]].section != item.section:
                    chosen[fd.name] = (index, fd)
            elif index > item.index and section == item.section and current is None \
                    and index - item.index <= _FORWARD_ITEMS and not self.items[index].claim_cue:
                # defined right after use, in the same section ("…, where f(x) = …"); an example many statements
                # later ("For f(x) = x²/2, we have") says nothing about a general f before it, nor does a result
                # drawn after it ("Therefore a(y) = −c'/b'"), which the lines before must not lean on
                chosen[fd.name] = (index, fd)
        for name, at in shadowed.items():
            if name in chosen and chosen[name][0] < at:
                del chosen[name]
        for name, fd in self._conventional.items():
            chosen.setdefault(name, (-1, fd))  # σ named the sigmoid only in words: in force where nothing defines it
        for index, name in self._declared:
            if name in chosen and chosen[name][0] < index <= item.index:
                del chosen[name]  # "Let f: ℝⁿ → ℝ" after f(x) = Ax: a general f, the example's is gone
        functions = Functions({name: fd for name, (_, fd) in chosen.items()})
        self._functions_cache[item.index] = functions
        return functions

    # -- helpers ------------------------------------------------------------------------------
    def _prepare(self, expr: sp.Expr | None, item: Item, *, atomized: bool = True) -> sp.Expr | None:
        """``expr`` as the checker reads it here: defined functions and derivatives of defined names written out,
        and (``atomized``) every remaining call an opaque symbol."""
        if expr is None:
            return None
        if item.index in self._row_function:
            base, own = self._row_function[item.index]
            expr = expr.xreplace({x: S.symbol(x.name[: -len(base)] + own) for x in expr.free_symbols
                                  if x.name.startswith(GRADIENT_PREFIX) and gradient_parts(x.name)[1] == base
                                  and x.name.endswith(base)})
        try:
            functions = self.functions(item)
            expr = self._points_in_calls(expr, item, functions)
            if any(type(call).__name__.startswith(GRADIENT_PREFIX) for call in expr.atoms(AppliedUndef)):
                names = calculus.operators_on_own_body([t.expr for t in item.stmt.terms if t.expr is not None],
                                                       functions)
                expr = calculus.as_operators(expr, functions, names) if names else expr
            expanded = calculus.resolve_named(functions.expand(expr), functions, self._name_settler(item),
                                              bare=not self._stepped(item), stepped=self._stepped_bases(item),
                                              through=self._through(item), through_name=self._through_name(item))
            if expanded.has(calculus.Prime):
                expanded = calculus.primes(expanded, self._primed(item), self._substituted(item))
            if expanded.has(calculus.Gradient):
                expanded = calculus.gradient_variables(expanded, self._stepped_bases(item), self._written_out(item))
            if expanded.has(sp.Product) and expanded.has(sp.log):
                expanded = sums.log_products(expanded)  # d/dp log L(p) for L(p) = ∏_i …: the log-likelihood's sum
            if expanded.has(sp.Derivative):  # ∂/∂w_j of a sum over the coordinates w_k first: SymPy gives 0 there
                expanded = calculus.evaluate(coordinates.derivatives(expanded), self._settler(item))
            if expanded.has(EvaluatedAt):  # df/dx|_{x=2}: the derivative is taken, now the point is put in
                expanded = expanded.replace(lambda e: isinstance(e, EvaluatedAt) and not e.args[0].has(sp.Derivative)
                                            and isinstance(e.args[1], sp.Symbol),
                                            lambda e: e.args[0].xreplace({e.args[1]: e.args[2]}))
            if self._abbreviations and (short := {c for c in expanded.atoms(AppliedUndef)
                                                  if any(a.free_symbols & self._abbreviations for a in c.args)}):
                # φ(x + Δx) after "x^* − x = Δx": the abbreviation is written out where the call is read as one name
                definitions = self._definitions(item)
                spelled = {x: definitions[x] for x in self._abbreviations if x in definitions}
                expanded = expanded.xreplace({c: c.func(*(a.xreplace(spelled) for a in c.args)) for c in short})
            return atomize(expanded) if atomized else expanded
        except CircularDefinition:
            return None

    def _points_in_calls(self, expr: sp.Expr, item: Item, functions: Functions) -> sp.Expr:
        """``∇f(x^{(0)})`` with ``x^{(0)} = (0, 0)`` stated and f defined: the point's tuple goes into the call,
        so the defined function is evaluated (or differentiated) there instead of being kept as a name."""
        calls = [c for c in expr.atoms(AppliedUndef) if len(c.args) == 1 and isinstance(c.args[0], sp.Symbol)]
        if not calls:
            return expr
        definitions, examples = self._definitions(item), self._examples(item)
        swap = {}
        for call in calls:
            name = type(call).__name__
            parts = calculus.derivative_parts(name)
            base = parts[2] if parts is not None and parts[0] == "hessian" else \
                gradient_parts(name)[1] if name.startswith(GRADIENT_PREFIX) else name
            if base not in functions.defs:
                continue
            value = definitions.get(call.args[0])
            value = examples.get(call.args[0]) if value is None else value
            if isinstance(value, Coords) and not tuples.is_open(value):
                swap[call] = call.func(value)
        return expr.xreplace(swap) if swap else expr

    def _settler(self, item: Item) -> Callable[[sp.Expr, sp.Symbol], sp.Expr | None]:
        """What a derivative's operand means here: the definitions in scope substituted, the variable held
        (``\\frac{d}{dx}(u + x)`` with ``u = x^2`` stated is ``2x + 1``, ``\\frac{d}{dz}`` of an expression in
        ``z = wx + b`` is taken in z); None when the variable is a stepped quantity an update rule defines."""
        definitions = self._definitions(item)

        def settle(operand: sp.Expr, var: sp.Symbol) -> sp.Expr | None:
            if var in definitions and read_index(var) is not None and read_index(var).letter in STEP_LETTERS:
                return None  # ∂/∂w_t under w_t = w_{t-1} − ηg_t: which w_t is meant, the rule's or a free one?
            # d/dz_i with z_i = w·x_i + b stated: the derivative in z_i, held as the variable it names
            return substitute(operand, definitions, hold=frozenset({var}))
        return settle

    def _through(self, item: Item) -> Callable[[sp.Expr, tuple[sp.Symbol, ...]], sp.Expr]:
        """A function's body with the names the scope defines in terms of its parameters written out
        (``ℓ(z) = −y log p − (1 − y) log(1 − p)`` with ``p = σ(z)`` stated): the dependence a reader sees. A body
        that names none of them is returned as it is."""
        def through(body: sp.Expr, params: tuple[sp.Symbol, ...]) -> sp.Expr:
            definitions = self._definitions(item)
            held = frozenset(params)
            if not any(s in definitions and definitions[s].free_symbols & held
                       for s in body.free_symbols if s not in held):
                return body
            try:
                return sums.bound_subscripts(substitute(body, definitions, hold=held))
            except CircularDefinition:
                return body
        return through

    def _substituted(self, item: Item) -> frozenset[str]:
        """The letters that stand for an expression in other letters here (``u`` after ``u = 3x + 4``)."""
        definitions = self._definitions(item)
        return frozenset(s.name for s, value in definitions.items()
                         if isinstance(s, sp.Symbol) and value.free_symbols - {s})

    def _primed(self, item: Item) -> frozenset[str]:
        """The letters ``item``'s section writes primed (``f`` for ``f'``): functions, for ``(f g)'``; a letter
        never primed there is a constant (``(a f)' = a f'``)."""
        cached = self._primed_cache.get(item.section)
        if cached is None:
            cached = self._primed_cache[item.section] = frozenset(
                s.name[:-1] for it in self.items if it.section == item.section for t in it.stmt.terms
                if t.expr is not None for s in t.expr.free_symbols
                if isinstance(s, sp.Symbol) and s.name.endswith("'") and not s.name.endswith("''"))
        return cached

    def _written_out(self, item: Item) -> Callable[[sp.Expr], sp.Expr]:
        """An expression with the definitions in scope substituted (what its letters stand for)."""
        def written(expr: sp.Expr) -> sp.Expr:
            try:
                return substitute(expr, self._definitions(item))
            except CircularDefinition:
                return expr
        return written

    def _stepped_bases(self, item: Item) -> frozenset[str]:
        """The quantities the update rules of ``item``'s section step (``w`` for ``w_{t+1} = …``): the variable
        a ``\\nabla (…)`` without one differentiates in."""
        found = (read_index(s) for s in self._stepped_namings.get(item.section, {}))
        return frozenset(ix.base for ix in found if ix is not None)

    def _stepped(self, item: Item) -> bool:
        """Does the statement of ``item`` write a quantity at a step (w_t, x^{(k+1)})? Then a bare ``\\nabla f`` in
        it is taken at that step, which the notation leaves unsaid."""
        stepped = self._stepped_bases(item)
        # (y_i, x_i: a sample's index, unless an update rule of the section steps that quantity in i)
        return any((ix := read_index(x)) is not None and ix.letter is not None
                   and (ix.letter not in _SAMPLE_LETTERS or ix.base in stepped)
                   for t in item.stmt.terms if t.expr is not None for x in t.expr.free_symbols)

    def _name_settler(self, item: Item) -> Callable[[str, tuple[str, ...]], sp.Expr | None]:
        """What a defined name means for its derivative (``\\nabla_w L`` after ``L = \\tfrac12(wx - y)^2``): its
        definition with the definitions in scope written out and the variables held; None when it has none."""
        def settle(base: str, variables: tuple[str, ...]) -> sp.Expr | None:
            definitions = self._definitions(item)  # only when asked: the scope is looked up (and cached) late
            named = {s.name: s for s in definitions}
            target = named.get(base)
            if target is None or any(v in named for v in variables):
                return None
            held = frozenset(s for s in named.values() if s.name in variables)
            return _square_norms(substitute(definitions[target], definitions, hold=held | {target}))
        return settle

    def _through_name(self, item: Item) -> Callable[[str, str], sp.Expr | None]:
        """``dy/du`` for names the scope defines in one common variable (``u = 3x + 2``, ``y = (3x + 2)²``): the chain
        rule read backwards (:func:`.calculus.through_definition`); None when they are not so defined."""
        def differentiate(base: str, variable: str) -> sp.Expr | None:
            definitions = self._definitions(item)
            named = {s.name: s for s in definitions}
            target, var = named.get(base), named.get(variable)
            if target is None or var is None or target == var:
                return None
            try:
                operand = substitute(definitions[target], definitions)
                written = substitute(definitions[var], definitions)
            except CircularDefinition:
                return None
            return None if operand.has(var) else calculus.through_definition(operand, written)
        return differentiate

    def _scope_for(self, item: Item) -> SystemScope | None:
        """The system in force: the section's latest before the item, else the first after it when the notes
        read it ahead, else the latest of the section around it (a "### Unrolling" under "## Momentum")."""
        before = [s for s in self.systems if s.section == item.section and s.index <= item.index]
        if before:
            return before[-1]
        after = [s for s in self.systems if s.section == item.section and s.index > item.index]
        if after and scope_rules.reads_later_system(self, item, after[0].index):
            return after[0]
        for outer in self._lineage(item.section)[1:]:
            around = [s for s in self.systems if s.section == outer and s.index <= item.index]
            if around:
                return around[-1]
        return None

    def _lineage(self, section: int) -> list[int]:
        """``section`` and the sections around it, innermost first."""
        chain = [section]
        while chain[-1] in self._parent:
            chain.append(self._parent[chain[-1]])
        return chain

    def _inherited(self, table: dict[int, dict[sp.Symbol, Any]], section: int) -> Mapping[sp.Symbol, Any]:
        """A per-section table (namings, stepped names) as seen from ``section``: the sections around it first."""
        chain = [table[s] for s in reversed(self._lineage(section)) if s in table]
        if len(chain) <= 1:
            return chain[0] if chain else {}
        return _Layered(chain)

    def _system_before(self, item: Item) -> bool:
        """Does a system before ``item`` bind here (in its section, or in a section around it)?"""
        lineage = self._lineage(item.section)
        return any(s.section in lineage and s.index <= item.index for s in self.systems)

    def _definitions(self, item: Item, own: bool = False) -> ScopeView:
        """The system in scope, plus the section's earlier namings for what the system does not define
        (``own``: and the item's own naming, for the links after it in its chain)."""
        scope = self._scope_for(item)
        hidden = self._other_exercises(item)
        if scope is not None and hidden[0] <= scope.index < hidden[1]:
            scope = None  # the system of another exercise of the section
        return ScopeView(scope.definitions if scope is not None else {}, scope.index if scope is not None else None,
                         self._inherited(self._section_namings, item.section), item.index + own,
                         self._inherited(self._stepped_namings, item.section),
                         starts=self._inherited(self._start_namings, item.section),
                         system_announced=scope is not None and self._announced(scope.index),
                         schemes=frozenset(self._scheme_namings), hidden=hidden, unread=self._unread_namings)

    @functools.cached_property
    def _exercise_items(self) -> list[int]:
        """The index of the first statement of each exercise the text starts (:meth:`_exercise_starts`), in order."""
        if self._lines is None or not self._exercise_starts:
            return []
        offsets = [self._lines.offset(it.block.line, it.block.col) for it in self.items]
        firsts = {bisect.bisect_left(offsets, start) for start in self._exercise_starts}
        return sorted(k for k in firsts if k < len(self.items))

    def _other_exercises(self, item: Item) -> tuple[int, int]:
        """The statements [a, b) of ``item``'s section that belong to the exercises before its own ("**b)**",
        "**Exercise 2.**", ``\\begin{problem}``): what they name is not in force in it. What the section says before
        its first exercise (the setting they share) stays in force; (0, 0) when nothing is hidden."""
        starts = [k for k in self._exercise_items if k <= item.index and self.items[k].section == item.section]
        return (starts[0], starts[-1]) if len(starts) >= 2 else (0, 0)

    def _known_symbols(self, item: Item) -> set[sp.Symbol]:
        """Symbols the document has related to something before ``item``, in its section."""
        known: set[sp.Symbol] = set(self._related_before(item))
        scope = self._scope_for(item)
        if scope is not None:
            if id(scope) not in self._scope_symbols:
                symbols = set(scope.definitions)
                for expr in scope.definitions.values():
                    symbols |= expr.free_symbols
                self._scope_symbols[id(scope)] = symbols
            known |= self._scope_symbols[id(scope)]
        for section in self._lineage(item.section):  # what the sections around it named is known here too
            known |= self._naming_symbols.get(section, set())
        for fd in self.functions(item).defs.values():
            known |= fd.body.free_symbols
        return known

    def _related_before(self, item: Item) -> set[sp.Symbol]:
        """The symbols of the statements before ``item`` in its section that relate something (a bare
        mention, "the base rate $\\alpha$", introduces, it does not relate; a heading starts afresh).

        Kept as a running set per section, so a long note is read in linear time: callers go through
        the items in order; an earlier item is recomputed."""
        running = self._running.get(item.section)
        if running is None or running[0] > item.index:
            running = [0, set(), set()]
            self._running[item.section] = running
        upto, seen, bases = running
        for other in self.items[upto:item.index]:
            if other.section != item.section or len(other.stmt.terms) < 2:
                continue
            for term in other.stmt.terms:
                if term.expr is not None:
                    added = term.expr.free_symbols - seen
                    seen |= added
                    bases |= _bases_of(added)
        running[0] = max(upto, item.index)
        return seen

    # -- pass 2: verification -----------------------------------------------------------------
    def verify(self) -> list[Finding]:
        token = _SIGNS.set(self._sign_labels())  # (the labels −1 or 1 this document declares, for compare)
        try:
            return self._verify()
        finally:
            _SIGNS.reset(token)

    def _verify(self) -> list[Finding]:
        self.bind()
        for item in self.items:
            if self.deadline is not None and time.monotonic() > self.deadline[0] and not self._all_decided(item):
                self._out_of_time(item)
                return self.findings
            if item.stated_value is not None:
                prose_values.record(self, item)
            if not self._all_decided(item):
                named_matrices.put_in(self, item)  # \det(A − λI) after A was written out: computed from its entries
                self._verify_guarded(item)
            self._record_derived(item)
        later_passes: list[Callable[[], None]] = [
            self._check_shape_answers,
            self._answers_derived_later,
            self._restated_definitions,
            self._later_forms,
            self._listed_cases,
            self._earlier_sections,
            lambda: rule_instances.prove_rows(self),
            lambda: worked_restatements.decide_rows(self),
            self._minimizers,
            self._gradient_steps,
            self._equation_steps,
        ]
        for later_pass in later_passes:
            self._pass_guarded(later_pass)
        return self.findings

    def _pass_guarded(self, later_pass: Callable[[], None]) -> None:
        """Run one pass over the whole document after verification; a checker bug there costs that pass (named
        once, on line 1), never the verdicts the displays already have."""
        try:
            later_pass()
        except Exception as exc:  # noqa: BLE001 - a later pass's bug must not lose the file's findings
            debug_traceback()
            self.findings.append(Finding(self.path, 1, 1, "warning", "checker/internal-error",
                                         f"a pass over the whole file stopped ({type(exc).__name__}: {exc}); "
                                         "the verdicts before it stand; please report it"))

    def _equation_steps(self) -> None:
        """``0 = -X^⊤(y − Xw) + λw``, then ``X^⊤Xw + λw = X^⊤y``, then ``w = (X^⊤X + λI)^{-1}X^⊤y``: an equation in
        matrix notation written right after another, that it rearranges or solves, is proved to follow from it
        (:mod:`.matrix_condition`); only a verdict short of proved (a condition, a naming, undecided) is raised."""
        if not self._may_use_matrices():
            return
        from . import matrices, matrix_condition

        table = self._matrix_notation()
        # the equations in order (an inline name or a condition such as λ > 0 between two of them says nothing)
        equations = [it for it in self.items if tuple(it.stmt.relations) == ("=",)]
        for before, item in zip(equations, equations[1:]):
            if before.section != item.section or item.index - before.index > 8 \
                    or self.verdicts.get((item.index, 0), ("",))[0] not in ("not-a-claim", "undecided") \
                    or self.verdicts[(item.index, 0)][1].startswith("the same link as on line") \
                    or self.verdicts.get((before.index, 0), ("",))[0] == "false":
                continue
            previous = tuple(self._expanded(_source(before, t)) for t in before.stmt.terms[:2])
            current = tuple(self._expanded(_source(item, t)) for t in item.stmt.terms[:2])
            if not (matrices.applies(*previous, table) and matrices.applies(*current, table)):
                continue
            why = matrix_condition.follows(previous, current, table)  # type: ignore[arg-type]
            premise = self.verdicts.get((before.index, 0), ("", ""))
            if why is not None and premise[0] == "undecided" and "an equation" not in premise[1]:
                # xᵀM⁻¹a = aᵀM⁻¹x after a claim left undecided (it needs M symmetric): only as good as that claim (a
                # line read as an equation, "a definition or an equation, perhaps", is a premise the notes pose)
                if self.verdicts.get((item.index, 0), ("",))[0] == "undecided":
                    line, _ = before.block.position(before.stmt.terms[0].start)
                    self.decide(item, 0, "undecided", f"{why} (line {line}){_UNDECIDED_PREMISE}", override=True)
            elif why is not None:
                line, _ = before.block.position(before.stmt.terms[0].start)
                self.decide(item, 0, "proved", f"{why} (line {line})", override=True)
                self.findings = [f for f in self.findings if not (
                    f.code in ("math/undecided", "math/new-scheme") and (f.line, f.col) == item.block.position(
                        item.stmt.terms[1].start))]

    def _out_of_time(self, item: Item) -> None:
        """The file's budget ran out before ``item``: it and every link after it are undecided, named so
        (the links report stays whole), and one finding says where checking stopped."""
        assert self.deadline is not None
        self.out_of_time = True
        seconds = self.deadline[1]
        why = f"not examined: the file's time budget of {seconds:g} s ran out (raise it with --timeout)"
        for later in self.items[item.index:]:
            self.decide_all(later, "undecided", why)
        line, _ = item.block.position(0)
        self.findings.append(Finding(self.path, line, 1, "warning", "checker/timeout",
                                     f"partly checked: the file's time budget of {seconds:g} s ran out here; "
                                     "the links from here on are undecided (raise it with --timeout)"))

    def _verify_guarded(self, item: Item) -> None:
        """Verify one display; a checker bug there (a SymPy recursion on a deep expression, say) costs that
        display, named on its line, and never the displays after it."""
        continued = continuation.apply(self, item)  # "… and expanding, $$ = B $$": the left side is the last member
        try:
            mark = len(self.findings)
            self._verify_item(item)
            if self.verdicts.get((item.index, 0), ("",))[0] == "false" and (refined := self._refinement(item)):
                self._read_as_refinement(item, mark, *refined)
            self._superseded_definition(item, mark)
            continuation.finish(self, item, continued)
            becomes.decide(self, item, mark)  # "the gradient becomes $g_t + λθ$, so …": the rule, substituted
            self._hedge_readings(item, mark)
            self._carry_worked_value(item)
        except Exception as exc:  # noqa: BLE001 - one display's bug must not leave the rest unexamined
            debug_traceback()
            why = f"checker error: {type(exc).__name__}"
            self.decide_all(item, "undecided", why)
            line, col = item.block.position(0)
            self.findings.append(Finding(self.path, line, col, "warning", "checker/internal-error",
                                         f"this display was not checked ({why}: {exc}); please report it"))

    def _hedge_readings(self, item: Item, mark: int) -> None:
        """A link decided under a reading the notation does not force — σ as the sigmoid only the prose names
        (:mod:`.sigmoid`), ``\\log ab`` as the log of the product (:attr:`.latex.Term.readings`) — and found false is
        undecided, its error a note: the author may have meant the other reading. A proof says which reading it
        used."""
        words = bool(self._conventional) and any(sigmoid.reads(t.expr) for t in item.stmt.terms)
        hedged: dict[tuple[int, int], str] = {}
        for k in range(len(item.stmt.relations)):
            left, right = item.stmt.terms[k], item.stmt.terms[k + 1]
            numbers = all(t.expr is not None and not t.expr.free_symbols and not t.expr.atoms(AppliedUndef)
                          for t in (left, right))  # [0.8808 × 0.1192, …] ≈ [0.1051, …]: no σ read in it
            readings = ([sigmoid.PROVED_NOTE] if words and not numbers else []) \
                + list(dict.fromkeys(left.readings + right.readings))
            if not readings:
                continue
            verdict, reason = self.verdicts.get((item.index, k), ("", ""))
            said = "; ".join(readings)
            if verdict == "false":
                why = sigmoid.FALSE_REASON if words else f"false if {said}"
                self.decide(item, k, "undecided", f"{why}: {reason}", override=True)
                hedged[_place(item, right.start)] = why
            elif verdict == "proved":
                self.decide(item, k, "proved", f"{reason}; {said}" if reason else said, override=True)
        self.findings[mark:] = [dataclasses.replace(f, severity="info", code="math/undecided",
                                                    message=f"{hedged[(f.line, f.col)]}: {f.message}")
                                if f.severity == "error" and f.code == "math/false" and (f.line, f.col) in hedged
                                else f for f in self.findings[mark:]]

    def _superseded_definition(self, item: Item, mark: int) -> None:
        """``L(w) = ½‖Xw − y‖²``, then ridge's ``L(w) = ½‖Xw − y‖² + (λ/2)‖w‖²``, then "for linear regression, the
        gradient is ``∇L(w) = X^T(Xw − y)``": a link false under the latest definition of a function it reads but
        true under the one it replaced refers back to that one, as its prose says. It is undecided, both lines
        named, never an error: which ``L`` is meant is in the words."""
        false = [k for k in range(len(item.stmt.relations)) if self.verdicts.get((item.index, k), ("",))[0] == "false"]
        if not false:
            return
        functions = self.functions(item)
        if self._defined_on_its_display(item, false, functions, mark):
            return
        for name, current in functions.defs.items():
            if not any(t.expr is not None and reads_function(t.expr, name) for t in item.stmt.terms):
                continue
            earlier = [fd for index, _, fd in self.function_defs
                       if fd.name == name and index < item.index and fd is not current and fd.body != current.body]
            if not earlier:
                continue
            before = earlier[-1]
            retried = self._verdicts_with(item, Functions({**functions.defs, name: before}))
            held = [k for k in false if retried.get(k, ("",))[0] == "proved"]
            if not held:
                continue
            why = (f"false for {name} as defined on line {current.line}, but it holds for {name} as defined on line "
                   f"{before.line}, which the words may mean")
            places = set()
            for k in held:
                self.decide(item, k, "undecided", why, override=True)
                right = item.stmt.terms[k + 1]
                places.add(_place(item, right.start))
            self.findings[mark:] = [dataclasses.replace(f, severity="info", code="math/undecided", message=why)
                                    if f.code == "math/false" and (f.line, f.col) in places else f
                                    for f in self.findings[mark:]]
            return

    def _defined_on_its_display(self, item: Item, false: list[int], functions: Functions, mark: int) -> bool:
        """``lim (f(x_B) − f(x_A))/(x_B − x_A) = lim (x_B² − x_A²)/(x_B − x_A)  since f(x) = x²``: a function the
        display defines anew beside the link, after it, is the one the link means (its reason, written on its row).
        Links false under the function in force but true under that one are proved so; True when any was."""
        for name, current in functions.defs.items():
            if not any(t.expr is not None and reads_function(t.expr, name) for t in item.stmt.terms):
                continue
            beside = [(index, fd) for index, _, fd in self.function_defs if fd.name == name and index > item.index
                      and self.items[index].block is item.block and fd.body != current.body]
            if not beside:
                continue
            index, fd = beside[0]
            retried = self._verdicts_with(item, Functions({**functions.defs, name: fd}))
            held = [k for k in false if retried.get(k, ("",))[0] == "proved"]
            if not held:
                continue
            places = set()
            for k in held:
                self.decide(item, k, "proved", f"with {name} as its display defines it on line {fd.line} "
                                               f"({retried[k][1]})", override=True)
                places.add(_place(item, item.stmt.terms[k + 1].start))
            self.findings[mark:] = [f for f in self.findings[mark:]
                                    if not (f.code == "math/false" and (f.line, f.col) in places)]
            return True
        return False

    def _verdicts_with(self, item: Item, functions: Functions) -> dict[int, tuple[str, str]]:
        """The verdicts ``item``'s links get with ``functions`` in force instead of the document's, leaving no
        trace: its own verdicts and findings are restored."""
        key = item.index
        saved = {k: v for k, v in self.verdicts.items() if k[0] == key}
        for k in saved:
            del self.verdicts[k]
        mark, cached, quiet = len(self.findings), self._functions_cache.get(key), self._quiet
        self._functions_cache[key] = functions
        try:
            self._verify_item(item)
            return {k: self.verdicts[(key, k)] for k in range(len(item.stmt.relations)) if (key, k) in self.verdicts}
        finally:
            for k in [k for k in self.verdicts if k[0] == key]:
                del self.verdicts[k]
            self.verdicts.update(saved)
            del self.findings[mark:]
            self._quiet = quiet
            if cached is None:
                self._functions_cache.pop(key, None)
            else:
                self._functions_cache[key] = cached

    def _refinement(self, item: Item) -> tuple[int, sp.Symbol, sp.Symbol] | None:
        r"""``θ_{t+1} = θ_t − η m̂_t/(√v̂_t + ε)`` after ``θ_{t+1} = θ_t − η m_t/(√v_t + ε)`` and then
        ``m̂_t = m_t/(1 − β₁^t)``: the rule restated with a name defined *after* it, from a name the rule read and
        the restatement no longer does. The notes refine their rule ("this gives the final equation"); the
        restatement is the rule from here on, not a claim about the first one. Returns (line of the first rule, the
        new name, the name it stands in for), or None. Only consulted when the restatement is false under the first."""
        stmt = item.stmt
        if len(stmt.terms) < 2 or stmt.relations[0] not in DEFINING_RELATIONS:
            return None
        lhs, rhs = stmt.terms[0].expr, stmt.terms[1].expr
        if not isinstance(lhs, sp.Symbol) or rhs is None:
            return None
        dated: list[tuple[int, sp.Symbol, sp.Expr]] = [(i, n, v) for i, _, n, v in self.namings if i < item.index]
        for scope in self.systems:
            dated += [(row.index, n, scope.definitions[n]) for n, row in scope.rows.items()
                      if n in scope.definitions and row.index < item.index]
        firsts = [(i, v) for i, n, v in dated if n == lhs]
        if not firsts:
            return None
        first, old = max(firsts, key=lambda entry: entry[0])
        value = self._prepare(rhs, item)
        if value is None:
            return None
        dropped = old.free_symbols - value.free_symbols
        for i, name, body in sorted(dated, key=lambda entry: entry[0]):
            if first < i and name in value.free_symbols - old.free_symbols and (replaced := body.free_symbols & dropped):
                return self._line_of(first), name, min(replaced, key=str)
        return None

    def _read_as_refinement(self, item: Item, mark: int, line: int, name: sp.Symbol, replaced: sp.Symbol) -> None:
        """The restatement refines the rule (see :meth:`_refinement`): its error findings go, it is a definition."""
        del self.findings[mark:]
        why = f"refines the rule on line {line}: {printing.text(name)} in place of {printing.text(replaced)}"
        self.report(item, item.stmt.terms[0].start, "info", "math/new-scheme", f"{why}; read as the rule from here on")
        self.decide(item, 0, "not-a-claim", f"definition ({why})", override=True)
        self._record_naming(item, {})

    # -- the links report ---------------------------------------------------------------------
    def decide(self, item: Item, k: int, verdict: str, reason: str, *, override: bool = False) -> None:
        """Give link ``k`` of ``item`` its verdict (the first decision stands unless ``override``)."""
        if override or (item.index, k) not in self.verdicts:
            if verdict in ("proved", "false") and self.matrices_put_in and (put := [
                    self.matrices_put_in[key] for t in item.stmt.terms[k:k + 2]
                    if (key := (item.index, t.start)) in self.matrices_put_in]):
                reason = "; ".join(x for x in (reason, *put) if x)  # \det(A − λI): say which A
            self.verdicts[(item.index, k)] = (verdict, reason)

    def decide_all(self, item: Item, verdict: str, reason: str, *, start: int = 0) -> None:
        for k in range(start, len(item.stmt.relations)):
            self.decide(item, k, verdict, reason)

    def _all_decided(self, item: Item) -> bool:
        return all((item.index, k) in self.verdicts for k, rel in enumerate(item.stmt.relations)
                   if rel in LINK_RELATIONS)

    def links(self) -> list[Link]:
        """Every equality link met, with its verdict; one never examined says so (never silent)."""
        out = []
        for item in self.items:
            for k, relation in enumerate(item.stmt.relations):
                if relation not in LINK_RELATIONS:
                    continue
                verdict, reason = self.verdicts.get((item.index, k), ("undecided", "not examined"))
                left, right = item.stmt.terms[k], item.stmt.terms[k + 1]
                line, col = _place(item, right.start)
                out.append(Link(self.path, line, col, verdict, reason, _written(item, left), _written(item, right),
                                relation))  # type: ignore[arg-type]
            for a, b, c, d in item.stmt.inner:
                line, col = item.block.position(min(c, max(len(item.block.text) - 1, 0)))
                out.append(Link(self.path, line, col, "not-a-claim", INNER_EQUALITY,
                                " ".join(item.block.text[a:b].split()), " ".join(item.block.text[c:d].split())))
            for rel in item.stmt.nested:
                line, col = item.block.position(min(rel.right[0], max(len(item.block.text) - 1, 0)))
                verdict, reason = ("not-a-claim", CASE_CONDITION) if rel.condition else ("undecided", NESTED_RELATION)
                out.append(Link(self.path, line, col, verdict, reason,
                                " ".join(item.block.text[slice(*rel.left)].split()),
                                " ".join(item.block.text[slice(*rel.right)].split())))
        return out

    # -- shape claims: w_t = g(λ)·w_{t-1} − η_t·h(…), and the answers given for g and h ------------
    def _shape_claim(self, item: Item, name: str) -> Shape | None:
        """The latest form statement before ``item`` (or later in its section) that uses ``name``
        as its g (multiplying an iterate) or as its h (the rest)."""
        shapes = self._shapes()
        before = [(i, sh) for i, sec, sh in shapes if i < item.index]
        after = [(i, sh) for i, sec, sh in shapes if i > item.index and sec == item.section]
        for _, shape in list(reversed(before)) + after:
            if name in (type(shape.g).__name__, type(shape.h).__name__):
                return shape
        return None

    def _shapes(self) -> list[tuple[int, int, Shape]]:
        """Every form statement of the document (read once): (item index, section, shape)."""
        if self._shape_cache is None:
            self._shape_cache = []
            for it in self.items:
                terms = it.stmt.terms
                if len(terms) == 2 and isinstance(terms[0].expr, sp.Symbol) and terms[1].expr is not None \
                        and terms[1].expr.atoms(AppliedUndef):
                    try:
                        with time_budget(LINK_SECONDS):
                            shape = Shape.read(terms[0].expr, terms[1].expr)
                    except BudgetExceeded:
                        continue
                    if shape is not None:
                        self._shape_cache.append((it.index, it.section, shape))
        return self._shape_cache

    def _check_shape_answers(self) -> None:
        """Answers "g(λ) = …" and "h = …" after the exercise's form: each against the definitions."""
        if not self._shapes():
            return
        h_names = {type(shape.h).__name__ for _, _, shape in self._shapes()}
        for index, _, fd in self.function_defs:
            item = self.items[index]
            shape = self._shape_claim(item, fd.name)
            if shape is not None:
                call = shape.g if type(shape.g).__name__ == fd.name else shape.h
                if fd.params and fd.body.free_symbols and not fd.body.free_symbols & set(fd.params):
                    continue  # g'(z^{(k)}) = a^{(k)}(1 − a^{(k)}): a name for its value, not the function of z
                if len(call.args) == len(fd.params):
                    self._check_shape_part(item, shape, fd.name, evaluated_at(fd.body, dict(zip(fd.params, call.args))))
        for item in self.items:
            lhs = item.stmt.terms[0].expr if item.stmt.terms else None
            rhs = item.stmt.terms[1].expr if len(item.stmt.terms) > 1 else None
            if rhs is None or not item.stmt.relations or item.stmt.relations[0] not in DEFINING_RELATIONS:
                continue
            name = lhs.name if isinstance(lhs, sp.Symbol) else (
                type(lhs).__name__ if isinstance(lhs, AppliedUndef) and not all(
                    isinstance(a, sp.Symbol) for a in lhs.args) else None)
            if name is None or name not in h_names:
                continue  # (g(λ) = … with symbol arguments was a function definition, done above)
            shape = self._shape_claim(item, name)
            if shape is not None and name == type(shape.h).__name__:
                self._check_shape_part(item, shape, name, rhs)

    def _check_shape_part(self, item: Item, shape: Shape, name: str, value: sp.Expr) -> None:
        """g: the coefficient of the iterate; h: what is left of w_t, divided by its factor (−η_t)."""
        definitions = self._definitions(item)
        if shape.target not in definitions or shape.target in self.broken or item.section in self.side_by_side:
            return  # with two systems side by side, which one an answer is about is for the prose to say
        claimed = self._prepare(value, item)
        if claimed is None or claimed.has(DOTS):
            return
        hold = frozenset(s for s in claimed.free_symbols if s in definitions)
        try:
            with time_budget(LINK_SECONDS * 2):
                actual = substitute(shape.target, definitions, hold=hold)
                if not calculus.linear_in(actual, shape.iterate):
                    return
                coefficient = calculus.coefficient(actual, shape.iterate)
                if name == type(shape.g).__name__:
                    expected = coefficient
                    what = f"the coefficient of {printing.text(shape.iterate)} in {printing.text(shape.target)}"
                else:
                    expected = limits.expand((actual - coefficient * shape.iterate) / shape.h_factor, "the h")
                    what = f"the h of the form: what is left of {printing.text(shape.target)} besides g·{printing.text(shape.iterate)}, over {printing.text(-shape.h_factor)}"
                verdict = compare(claimed, expected, seconds=LINK_SECONDS)
        except (CircularDefinition, BudgetExceeded, limits.TooLarge) as err:
            why = "not decided in time" if isinstance(err, BudgetExceeded) else "circular definitions"
            self.decide(item, 0, "undecided", f"an answer for {name}: {why}", override=True)
            return
        answer = f"the answer for {name} in the form {printing.text(shape.target)} = g·{printing.text(shape.iterate)} − …"
        if verdict.status == "false":
            reason = doubt(claimed, expected, self.functions(item), value)
            if reason:
                self.report(item, item.stmt.terms[1].start, "info", "math/undecided", f"not decided: {reason}")
                self.decide(item, 0, "undecided", f"{answer}: {reason}", override=True)
                return
            self.report(item, item.stmt.terms[1].start, "error", "math/coefficient",
                        f"{name} = {printing.text(claimed)} is not {what}: the definitions give "
                        f"{printing.text(expected)}{_witness(verdict)}")
            self.decide(item, 0, "false", f"{answer} does not fit the definitions", override=True)
        elif verdict.status == "true":
            self.decide(item, 0, "proved", f"{answer}, against the definitions", override=True)
        else:
            self.decide(item, 0, "undecided", f"{answer}: {verdict.reason}", override=True)

    def _verify_item(self, item: Item) -> None:
        stmt = item.stmt
        if len(stmt.terms) < 2:
            return
        if stmt.hypothesis is not None:
            # "H_0: μ_1 = μ_2 = μ_3": what a test assumes or rejects; no name gets a value, nothing is claimed
            self.decide_all(item, "not-a-claim", f"a hypothesis ({stmt.hypothesis}): what a test states, not an identity")
            return
        for k, relation in enumerate(stmt.relations):
            if relation == "=":
                self._differential_link(item, k)  # du = \frac{1}{x} dx after u = \log x: differentials, not d·u
        if self._constraint(item):
            # "\min_v ½vᵀPv + qᵀv \text{ subject to } Gv ⪯ h, Av = b": a constraint of the problem, never an identity
            self.decide_all(item, "not-a-claim", "condition (a constraint: it follows “subject to”)")
            return
        if self._index_case(item):
            # "∂p_j/∂z_i = p_i(1 − p_i), \quad i = j": the case the formula before it holds in, never a naming
            self.decide_all(item, "not-a-claim", "condition (the case the formula before it in its display holds in)")
            return
        if self._alternative(item):
            self.decide_all(item, "not-a-claim", "one of alternatives the words list (“… or …”): no value in force")
            return
        if (assumed := self._assumption(item)) is not None:
            self.decide_all(item, "not-a-claim", assumed)
            return
        if (other := self._equation_beside(item)) is not None:
            self.decide_all(item, "not-a-claim", f"condition (an equation of the system its display solves, with "
                                                 f"{printing.text(other)} = … beside it, which reads itself)")
            return
        if len(stmt.terms) == 2 and stmt.relations == ["="] and isinstance(stmt.terms[0].expr, sp.Symbol) \
                and self._called_a_line(item):
            self.decide_all(item, "not-a-claim", "the equation of a line or curve (the words call it one): no value of "
                                                 f"{printing.text(stmt.terms[0].expr)}")
            return
        if self._called_event(item) and len(stmt.terms) == 2:
            self.decide_all(item, "not-a-claim", "an event (the words before it call it one): no value of its name")
            return
        if (unknown := self._equation_for(item)) is not None:
            # "For $y_k$ we get $$y_k(αγ/γ' + 1) = αγ/γ'·v_k + x_k$$": an equation that determines y_k (the next line
            # solves it), not an identity in its letters
            self.decide_all(item, "not-a-claim", f"condition (an equation for {printing.text(unknown)}: the words "
                            "before it say it determines that name)")
            return
        if (case := self._case_of_cases(item)) is not None and stmt.terms[0].expr not in self._definitions(item):
            self.decide_all(item, "not-a-claim", case)  # c = 0 if clean and c = 1 if corrupted: neither is c's value
            return  # (w_t under its rule, "if μ = 0, then w_t = …": a claim under the condition, checked)
        if plus_minus.has_sign(item):
            plus_minus.verify(self, item)  # (a ± b)² = a² ± 2ab + b²: once with +, once with −
            return
        if item.index in self._continues:
            self._verify_restated_row(item, self.items[self._continues[item.index]])
            if len(stmt.relations) == 1:
                return
        lhs = stmt.terms[0].expr
        if any(t.expr is not None and t.expr.has(optima.Optimum) for t in stmt.terms):
            self._optimum_links(item, self._definitions(item))  # argmin/min links: .optima decides, the rest flows on
        # f(x) = A = B after "Consider", "if": the first link defines f, A = B is still a claim about it
        defines_first = self.verdicts.get((item.index, 0), ("", ""))[1].startswith("definition of ")
        if not defines_first and (item.condition_cue or (item.block_cue and lhs is not None
                                                         and not isinstance(lhs, sp.Symbol)
                                                         and not self._states_derivative(lhs, item))):
            # ("we consider the second derivative: f''(x) = 6x + 2" after f is defined: a derivative is fixed by
            # its function, so the words cannot make it a naming; it goes on to be checked below)
            # "if …", "we need …", "где 1 − β₁ᵗ = 1 − β₁": a condition, not an identity — but a link between
            # numbers is arithmetic whatever the sentence says ("when γ = 0.9, 1/(1 − 0.9) = 10")
            for k, relation in enumerate(stmt.relations):
                left, right = stmt.terms[k], stmt.terms[k + 1]
                # (but "such that y(0) = 2" sets the value of the function being solved for: a condition, even when
                # an earlier example's y gives y(0) another number)
                valued_call = item.condition_cue and any(t.expr is not None and t.expr.atoms(AppliedUndef)
                                                         for t in (left, right))
                if (item.index, k) not in self.verdicts and not valued_call and (
                        relation in CHECKED_RELATIONS and _number(self._prepare(left.expr, item))
                        and _number(self._prepare(right.expr, item))
                        or relation in (*CHECKED_RELATIONS, "approx") and self._worked_at_values(item, left, right)):
                    self._arithmetic(item, k, left, right)
                elif relation == "=" and (item.index, k) not in self.verdicts and identities.settled(
                        left.expr, right.expr, _source(item, left), _source(item, right), identities_only=True):
                    self._budgeted_link(item, k, left, right)  # e^t/(1+e^t) = 1/(1+e^{-t}) "when …": still true
                elif relation == "=" and (item.index, k) not in self.verdicts and k == 0 and item.condition_cue \
                        and self._states_derivative(left.expr, item) and right.expr is not None \
                        and right.expr.free_symbols and not is_condition(left.expr, right.expr) \
                        and self._differentiated_here(left.expr, item):
                    # "σ satisfies σ'(z) = σ(z)(1 − σ(z))" after σ is defined: the derivative is fixed by the
                    # definition, so whatever word comes before, the line states it — an identity to check (but
                    # not of a y an earlier example's section solved for: "the differential equation dy/dx = 2xy²"
                    # poses another)
                    self._budgeted_link(item, k, left, right)
                elif relation == "=" and (item.index, k) not in self.verdicts and not item.condition_cue \
                        and isinstance(left.expr, sp.Add) and right.expr is not None \
                        and not (k == 0 and len(stmt.relations) == 1 and right.expr == 0):
                    # (but "令所有的偏微分为0: 2x_1x_2 + 2λx_1 = 0": a sum set to zero on its own is an equation to solve;
                    # at the end of a chain the chain's own reading says so)
                    # "Define the line search: x^{(0)} − t∇f(x^{(0)}) = (2t, 4t)": a sum names nothing, so the
                    # words lead into a worked line, checked; after "where" (“где 1 − β^t = 1 − β”) a sum may state
                    # the case meant, so there it stands only when proved
                    if _WHERE_CUE.search(self._words_before(item.index, 60)):
                        self._proved_quietly(item, k, left, right)
                    else:
                        self._budgeted_link(item, k, left, right)
                elif relation == "=" and (item.index, k) not in self.verdicts and item.list_cue \
                        and not item.condition_cue and left.expr is not None and right.expr is not None \
                        and not isinstance(left.expr, (sp.Symbol, AppliedUndef)) and left.expr.free_symbols \
                        and left.expr.free_symbols == right.expr.free_symbols \
                        and not is_condition(left.expr, right.expr):
                    # "- $a^{x^y} = a^{xy}$" in a list of rules: a list item names nothing by starting with a power
                    # or a product of the letters the other side writes; the rule is checked
                    self._budgeted_link(item, k, left, right)
                elif (item.index, k) not in self.verdicts and item.list_cue and not item.condition_cue \
                        and (left.expr is None or right.expr is None) \
                        and not isinstance(left.expr, (sp.Symbol, AppliedUndef)) \
                        and (why := item.problem(left if left.expr is None else right)):
                    # the same rule with a side the parser refuses: say so, rather than call it a naming
                    self.report(item, right.start, "info", "math/undecided", f"not checked: a side could not be parsed ({why})")
                    self.decide(item, k, "undecided", f"a side could not be parsed: {why}")
                elif relation == "=" and k > 0 and (item.index, k) not in self.verdicts and not item.condition_cue \
                        and item.list_cue and left.expr is not None and right.expr is not None:
                    # "- $$V[X] = Σ(x_k − m)²p_k = Σ(x_k² − 2x_k m + m²)p_k = …$$" under a list item: the words may
                    # make the first link a naming, but every link after it rewrites the side before, a claim
                    self._budgeted_link(item, k, left, right)
            self.decide_all(item, "not-a-claim", "condition (the prose states it as one)" if item.condition_cue
                            else "a naming (the prose before it defines or regards, it does not claim)")
            if isinstance(lhs, sp.Symbol) and stmt.relations[0] in DEFINING_RELATIONS and stmt.terms[1].expr is not None \
                    and not (item.condition_cue and isinstance(stmt.terms[1].expr, sp.Symbol)) \
                    and not item.satisfied \
                    and self.verdicts.get((item.index, 0), ("",))[0] != "proved":
                # "with β = 0.9": the worked numbers that follow use it (but "ν = μ gets you NAG", "when β₁ = β₂":
                # one parameter set to another is a special case, never the value of ν from here on)
                self._record_naming(item, {})
            return
        if _event(stmt):
            self.decide_all(item, "not-a-claim", "an event: a random variable at a value (X = x)")
            return  # "we observe $H = h$", "P(X = x)": the capital is the variable, the small letter its value
        if scope_rules.model_equation(item) and not self._names_a_defined_call(item):
            self.decide_all(item, "not-a-claim", scope_rules.MODEL_REASON)
            return  # "регрессию y = w·x": no name gets a value from it (the samples keep their own)
        if self._initial_values(item):
            return
        definitions = self._definitions(item)
        raw_exprs = [t.expr for t in stmt.terms]
        if any(e is not None and self._has_unknown_function(e, item) for e in raw_exprs) \
                and not asymptotic.has_order(*raw_exprs):  # a Taylor expansion of an unknown f is a claim
            refuted = False
            for k, relation in enumerate(stmt.relations):
                if relation == "=" and (k > 0 or not self._names_through_open_function(item, definitions)) \
                        and self._through_computation(item, k, stmt.terms[k], stmt.terms[k + 1]):
                    continue  # ∂L/∂a · ∂a/∂z · ∂z/∂w = (a − y)σ'(z)x with a = σ(z) named: through the nodes
                if relation == "=" and (why := self._holds_whatever(item, stmt.terms[k], stmt.terms[k + 1],
                                                                  definitions)):
                    self.decide(item, k, "proved", why)
                elif relation == "=" and self._unbounded_of_unknown(item, k, definitions):
                    continue  # ∫ g(x) dx = ∫ g(x)/π(x) π(x) dx: the same integrand whatever g and π are
                elif k == 0 and relation == "=" and (why := self._renamed_rule(item, stmt.terms[0], stmt.terms[1])):
                    self.decide(item, k, "proved", why)  # Newton's rule on f' (to optimize f), or on f_a
                elif relation == "=" and not refuted \
                        and self._false_whatever(item, k, stmt.terms[k], stmt.terms[k + 1], definitions):
                    refuted = True  # one slip, one error: the links after it repeat the slipped term
                elif relation == "=" and all(t.expr is not None and not self._has_unknown_function(t.expr, item)
                                             for t in stmt.terms[k:k + 2]):
                    # ∫₀¹ M‖a − τa‖dτ = ∫₀¹ M‖a‖(1 − τ)dτ in a chain that began with ‖G_k‖ of an unknown f″: this
                    # link reads no unknown function, so it is checked as any other — to prove only, as the
                    # chain around it is a claim about f; but e^{−s}/(1 + e^{−s})² = σ(1 + σ) in a chain that
                    # defines h′(s) is elementary in the same letters on both sides: checked, a slip found
                    if _elementary_link(stmt.terms[k].expr, stmt.terms[k + 1].expr) \
                            or (k > 0 and self._defined_calls_only(item, stmt.terms[k], stmt.terms[k + 1])):
                        # (H(t) = −log R(t) = λt with R(t) = e^{−λt} defined before: the link after H's naming
                        # applies only R, whose definition decides it either way)
                        self._budgeted_link(item, k, stmt.terms[k], stmt.terms[k + 1])
                    else:
                        self._proved_quietly(item, k, stmt.terms[k], stmt.terms[k + 1])
                elif relation in (*CHECKED_RELATIONS, "approx") and all(
                        t.expr is not None and not t.expr.free_symbols and not t.expr.atoms(AppliedUndef)
                        for t in stmt.terms[k:k + 2]):
                    self._arithmetic(item, k, stmt.terms[k], stmt.terms[k + 1])  # σ'(z) ≈ [0.88 × 0.12, …] ≈ […]
            if not self._all_decided(item):
                self.report(item, stmt.terms[0].start, "info", "math/shape-claim",
                            "a form with unknown functions (a claim about shape): not checked as an identity")
            self.decide_all(item, "not-a-claim", "a form with unknown functions (its answers are checked)")
            lhs = stmt.terms[0].expr
            if isinstance(lhs, sp.Symbol) and stmt.relations[0] == "=" and stmt.terms[1].expr is not None \
                    and (ix := read_index(lhs)) is not None and ix.letter in STEP_LETTERS \
                    and lhs not in stmt.terms[1].expr.free_symbols and not self.verdicts.get((item.index, 0), ("",))[0] == "proved" \
                    and all("'" in type(call).__name__ or calculus.derivative_parts(type(call).__name__) is not None
                            for call in stmt.terms[1].expr.atoms(AppliedUndef)):
                # Newton's x_{k+1} = x_k − [f''(x_k)]^{-1}f'(x_k) for an f left open: the step it names, which
                # x_{k+1} − x^* = x_k − [f''(x_k)]^{-1}f'(x_k) − x^* then rewrites (whatever f is); only derivatives
                # of the open function (an exercise's form w_t = g(λ)w_{t−1} − ηh(…) names no step: g, h are asked for)
                self._record_naming(item, definitions)
            elif self._names_through_open_function(item, definitions):
                # a = σ(z), ŷ = σ(w·x + b) with σ left open: a node of the computation the chain rule goes through,
                # so ∂L/∂w for L = ½(a − y)² is (a − y)σ'(z)·x, whatever σ is
                self._record_naming(item, definitions, open_calls=True)
                if isinstance(lhs, sp.Symbol) and lhs in definitions:
                    self._scheme_namings.add(item.index)  # u = f^{-1}(x) in a new example: in force from here
            return
        if (replaced := self._recurrence_replacing(item, definitions)) is not None:
            # Δ_t = ηg + (1 − η)Δ_{t−1} after Δ_t = g: momentum's rule in place of the plain step; read under the old
            # definition, Δ_{t−1} = g too and the line "holds" as g = g
            self._record_naming(item, definitions)
            self._scheme_namings.add(item.index)
            self.decide(item, 0, "not-a-claim", f"definition (a recurrence in place of the definition on line {replaced}, "
                        "which does not change from step to step: a different scheme)")
            self.decide_all(item, "undecided", "follows a recurrence that replaces a definition; not compared", start=1)
            return
        introduced = self._introduced(item, raw_exprs)
        # ∂L/∂ŷ, ∂ŷ/∂z with L and ŷ defined: derivatives of what the section defines, not new names
        introduced = {x for x in introduced if not (x.name.startswith(GRADIENT_PREFIX) and (
            S.symbol(stem := gradient_parts(x.name)[1]) in definitions or stem in self.functions(item).defs))}
        if introduced and (units := {m.group(1) or m.group(2) for t in stmt.terms
                                     for m in _UNIT_VECTOR.finditer(_source(item, t))}):
            introduced = {x for x in introduced if _axis(x) not in units}  # \mathbf{i}, \hat{k}: the axes, no new names
        defined_here = any(e is not None and any(x in definitions for x in e.free_symbols) for e in raw_exprs)
        if introduced and defined_here and not self._is_naming(item, definitions) \
                and not (len(raw_exprs) == 2 and chain_rule.telescopes(*raw_exprs) is not None):
            # (∂C/∂w = ∂C/∂a · ∂a/∂z · ∂z/∂w with the factors given later: the chain rule, proved by its shape)
            names = ", ".join(sorted(printing.text(s) for s in introduced))
            if self._regularized_rule(item, definitions, introduced):
                return  # θ_{t+1} = (1 − ηλ)θ_t − η∇L(θ_t) after the plain rule and the penalty ½λ‖θ‖²
            self.report(item, stmt.terms[0].start, "info", "math/new-scheme",
                        f"introduces {names}: read as a different scheme, not checked against the definitions")
            if isinstance(lhs, sp.Symbol) and stmt.relations[0] in DEFINING_RELATIONS:
                self._record_naming(item, definitions)  # later statements about it follow the new scheme
                self._scheme_namings.add(item.index)
                self.decide(item, 0, "not-a-claim", f"definition (a different scheme: introduces {names})")
            for k, relation in enumerate(stmt.relations):
                if relation == "=" and (item.index, k) not in self.verdicts and stmt.terms[k].expr is not None \
                        and stmt.terms[k + 1].expr is not None:
                    self._proved_quietly(item, k, stmt.terms[k], stmt.terms[k + 1], names)
                elif relation == "=" and (item.index, k) not in self.verdicts:
                    # (y^T − β^TX^T)(y − Xβ) = y^Ty − …: a side only matrix algebra reads (y^T: no scalar reading)
                    self._matrix_proved_quietly(item, k, stmt.terms[k], stmt.terms[k + 1], definitions, names)
            self.decide_all(item, "undecided", f"introduces {names}: a different scheme")
            return
        first_false: int | None = None  # one slip makes one error: later links are read against the chain
        last_good = 0  # the last term known to follow from the chain's start
        across: Term | None = None  # "A = … = B": the side before an ellipsis that stands for steps left out
        own_rule = False  # the chain began with a recurrence (v_t = βv_{t-1} + g_t = …)
        for k, relation in enumerate(stmt.relations):
            if (item.index, k) in self.verdicts and self.verdicts[(item.index, k)][0] == "false" and first_false is None:
                first_false = k
            if relation not in LINK_RELATIONS or (item.index, k) in self.verdicts:
                continue
            left, right = self._bare_calls(item, stmt.terms[k], stmt.terms[k + 1])
            if relation == "=" and self._under_stated_law(item, k, left, right):
                continue
            if relation == "=" and right.expr == DOTS and left.expr is not None and left.expr != DOTS \
                    and k + 1 < len(stmt.relations) and stmt.relations[k + 1] == "=":
                self.decide(item, k, "not-a-claim", "an ellipsis for the steps left out: the chain is checked "
                            "across it, on the next link")
                across = left
                if not isinstance(left.expr, sp.Symbol) and isinstance(stmt.terms[0].expr, sp.Symbol) and \
                        all(self.verdicts.get((item.index, j), ("",))[0] == "proved" for j in range(k)):
                    across = stmt.terms[0]  # v_t = (proved rows) = … = Σ: the closed form of v_t itself
                continue
            if across is not None and left.expr == DOTS:
                left = across  # "… = B" claims that the side before the ellipsis equals B
            across = None
            if k > 0:
                left = self._annotated(item, left)  # ⟨w, x⟩ + α\underbrace{⟨v, x⟩}_{=0} = ⟨w, x⟩: the note is used
            if k > 0 and _unrolled_to_closed(stmt.terms[0].expr, left.expr, right.expr) and \
                    all(self.verdicts.get((item.index, j), ("",))[0] == "proved" for j in range(k)):
                left = stmt.terms[0]  # m_t = β²m_{t-2} + … = (1−β)Σβ^{t−i}g_i: the head equals the closed form
            if first_false is not None and left.expr is not None and right.expr is not None \
                    and relation in CHECKED_RELATIONS and self._agrees(item, stmt.terms[last_good], right, definitions):
                line = item.block.position(stmt.terms[first_false + 1].start)[0]
                self.decide(item, k, "false", f"follows the false link on line {line}: its right side agrees "
                            "with the chain before that link (one slip, reported once)")
                continue
            if k == 0 and relation == "<-" and isinstance(left.expr, sp.Symbol) \
                    and right.expr is not None and not is_assignment(left.expr, right.expr):
                self._record_naming(item, definitions)  # m̂_t ← m_t/(1 − β₁ᵗ): a definition from here on
                self.decide(item, k, "not-a-claim", "definition (←)")
                continue
            self._quiet = first_false is not None  # one slip, one error: later links keep their verdicts only
            if relation == "approx" and left.expr is not None and right.expr is not None \
                    and self._arithmetic(item, k, left, right):
                self._quiet = False
                continue
            if relation not in CHECKED_RELATIONS:
                self.decide(item, k, "not-a-claim", _NOT_CHECKED[relation])
                if relation == "approx" and right.expr is not None and right.expr.is_Number \
                        and _decimal_places(right.expr) is not None:
                    self._rounded_results.add(right.expr)  # "t ≈ 0.667": the decimal stands for t, rounded
                continue
            if relation == "=" and (sizes := matrix_sizes.read(_source(item, left), _source(item, right))) is not None:
                # (n × d)(d × 1) = (n × 1): the sizes of a matrix product, not numbers multiplied
                if sizes.agrees is None:
                    self.report(item, right.start, "info", "math/undecided", f"not decided: {sizes.product}")
                    self.decide(item, k, "undecided", sizes.product)
                elif sizes.agrees:
                    self.decide(item, k, "proved", f"the sizes of a matrix product: {sizes.product}")
                else:
                    self.report(item, right.start, "error", "math/false",
                                f"false sizes: {_source(item, left)} = {_source(item, right)}; the sizes of a matrix "
                                f"product {sizes.product}, not {sizes.written}")
                    self.decide(item, k, "false", f"the sizes of a matrix product: {sizes.product}, not {sizes.written}")
                continue
            if own_rule and left.expr is not None and right.expr is not None and any(
                    (ix := read_index(x)) is not None and ix.letter is not None
                    for x in left.expr.free_symbols ^ right.expr.free_symbols if isinstance(x, sp.Symbol)):
                # a link that reads steps on one side only unrolls the recurrence its chain began with (a
                # rewrite of the same right side, with the same steps on both sides, needs none)
                definitions, own_rule = self._definitions(item, own=True), False
            if (left.expr is None or right.expr is None) and relation == "=" \
                    and self._matrix_link(item, k, left, right, definitions, unparsed=True):
                continue  # x^T A x: '^T' is ambiguous to the scalar reader, plain to the matrix one
            if left.expr is None or right.expr is None:
                why = item.problem(left if left.expr is None else right)
                if k == 0 and relation == "=" and isinstance(left.expr, sp.Symbol) and left.expr in definitions:
                    # "the square node: $u = s^2)$" after u = σ(s): u is named anew, unread; the old u is gone
                    self._unread_namings.setdefault(left.expr, []).append(item.index)
                if why == LIST_OF_VALUES and relation == "=" and left.expr is not None:
                    self.decide(item, k, "not-a-claim", "a list of values (the values an index takes, or a "
                                "number with a decimal comma such as 0,5): not one expression")
                    continue
                self.report(item, right.start, "info", "math/undecided",
                            "not checked: a side could not be parsed" + (f" ({why})" if why else ""))
                self.decide(item, k, "undecided", "a side could not be parsed" + (f": {why}" if why else ""))
                continue
            if relation in ("=", "approx") and self._event_probabilities(item, k, left, right, relation == "approx"):
                continue  # P(B = 2) = C(5, 2)(0.8)²(0.2)³ after B ~ Bin(5, 0.8): the law's value, checked
            if k == 0 and relation == "=" and isinstance(left.expr, sp.Symbol) \
                    and _LET.search(self._words_before(item.index, 40)):
                self._record_naming(item, definitions)  # "otherwise let x_h = x_{p+1}": its value from here on
                self._scheme_namings.add(item.index)  # (in force from here, over "if y = f(g(x))" said before)
                self.decide(item, k, "not-a-claim", "definition (“let” gives it this value here)")
                continue
            if k == 0 and relation == ":=":
                if isinstance(left.expr, sp.Symbol) and is_assignment(left.expr, right.expr):
                    self.decide(item, k, "not-a-claim", "assignment (:=, the left side is read on the right)")
                    continue  # θ := θ − α∇H: an update in place, never θ's value (it would make θ circular)
                if isinstance(left.expr, sp.Symbol):
                    self._record_naming(item, definitions)
                self.decide(item, k, "not-a-claim", "definition (:=)")
                continue  # "x := …" defines, whatever x looks like (ν(z) := c(Bz − d))
            if relation == "=" and k + 1 < len(stmt.relations) and stmt.relations[k + 1] == "=>" \
                    and left.expr in _premises(stmt, k + 2):
                self.decide(item, k, "not-a-claim", "a value given to a name (the premise of ⇒)")
                continue
            if k == 0 and relation == "=" and self._derivative_of_named(item, k, left, right):
                continue  # y' = 2x + 3 after y = x^2 + 3x + 4: the derivative, checked
            if k == 0 and relation == "=" and (model := restated_models.new_response(self, item, left, right)):
                self.decide(item, k, "not-a-claim", model)  # log(Y) = θ₀x₀ + … after Y = θ₀x₀ + …: the next model
                continue
            if k == 0 and relation == "=" and chain_results.result(self, item, k, left, right):
                continue  # ∂L/∂w = −(y − ŷ)x after the chain rule and its factors' values: the product, checked
            if k == 0 and relation == "=" and self._argmin_closed_form(item, k, left, right):
                continue  # w* = (XᵀX + λI)⁻¹Xᵀy after w* = argmin …: its first-order condition
            if k == 0 and relation == "=" and self._stationary_closed_form(item, k, left, right):
                continue  # "the optimal weights are w = (XᵀX + λI)⁻¹Xᵀy" after Q(w) = ‖Xw − y‖² + λ‖w‖²
            if k == 0 and relation == "=" and isinstance(left.expr, sp.Symbol) \
                    and matrix_solutions.result(self, item, left, right):
                self._record_naming(item, definitions)
                continue  # x^* = −A^{-1}b after Ax = −b: the solution put in, the equation holds
            if relation == "=" and (k == 0 or stmt.relations[k - 1] in ("=>", "<=>")) \
                    and condition_chain.result(self, item, left, right, definitions, k):
                continue  # α = (Σy − βΣx)/N after 0 = Σy − Nα − βΣx: the value solved from the condition
            if k == 0 and relation == "=" and self._step_difference(item, k, left, right, definitions):
                continue  # Δw_t = −αm̂_t/(√v̂_t + ε) under w_t's rule: the step the rule takes, checked
            if k == 0 and relation in ("=", "approx") and item.index in self._worked_steps:
                worked_values.decide(self, item, k, left, right)  # x^1 = [−0.3617, 0.3409]^T: worked, not named
                continue
            if k == 0 and relation == "=" and put_in.at_point(self, item, k, left, right):
                continue  # y = 0.33 + 2.5 × 2.5 after the model y = 0.33 + 2.5x and "when x = 2.5": evaluated there
            if k == 0 and relation == "=" and (solved := self._solved_unknown(item, left, right)) is not None:
                self.decide(item, k, "not-a-claim", solved)  # c = z̄ − a·t̄ after ∂/∂c (z_k − a·t_k − c)²: c's value
                continue  # at the optimum, never put into ∂/∂a (a partial derivative holds c fixed)
            if (renamed := self._at_another_step(item, left, right, definitions)) is not None:
                # v_k = β^{k−1}(1−β)g_1 + … + (1−β)g_k after v_t = βv_{t−1} + (1−β)g_t: the rule at a step named k
                self._step_alias = renamed[3]
                try:
                    self._verify_link(item, k, *renamed[:2], definitions)
                finally:
                    self._step_alias = None
                verdict, reason = self.verdicts.get((item.index, k), ("undecided", "not examined"))
                self.decide(item, k, verdict, f"{renamed[2]}; {reason}" if reason else renamed[2], override=True)
                continue
            if k == 0 and len(stmt.terms) == 2 and self._at_a_point(item):
                self.decide(item, k, "not-a-claim", "the point a formula is taken at (“at”), not a value the letter "
                            "keeps from here on")
                continue
            if k == 0 and self._is_naming(item, definitions) and not (
                    relation == "=" and self._differentiates_defined(left.expr, item)) \
                    and not asymptotic.has_order(left.expr, right.expr):
                # (∇f(x + p) = ∇f(x) + ∇²f(x)p + O(‖p‖²): an expansion with its remainder, a claim, never a naming)
                # (∇MSE = −2(y − xM)x after MSE = …: a claim about the defined quantity, checked below, never a naming)
                if self._concludes_a_statement(item):
                    # "Alors $P_n = Q_n$" closing a proposition: what its proof is to show, never a naming the proof
                    # may then use to "prove" its own end
                    self.decide(item, k, "not-a-claim", "the conclusion a proposition states (its proof shows it)")
                    continue
                self._record_naming(item, definitions)
                if relation == "=" and isinstance(left.expr, sp.Symbol) and self._zero_cue(item) \
                        and (prepared := self._prepare(right.expr, item)) is not None \
                        and (zeroed := self._set_to_zero(item, left.expr, prepared, definitions)) is not None:
                    self.decide(item, k, "proved", zeroed)  # "setting it to zero gives β = d/c": its solution
                elif _probability_law(left.expr, right.expr):
                    self.decide(item, k, "undecided", "a law of probability (probabilities of events on both sides): "
                                "no law of probability is modelled")
                else:
                    self.decide(item, k, "not-a-claim", "definition (a naming)")
                if len(stmt.relations) > 1 and _is_recurrence(left.expr, right.expr):
                    own_rule = True  # v_t = βv_{t-1} + g_t = β²v_{t-2} + …: the links after it may unroll it
                continue
            if (new := (left.expr.free_symbols ^ right.expr.free_symbols) & item.introduced_after):
                names = ", ".join(sorted(printing.text(x) for x in new))
                self.decide(item, k, "not-a-claim", f"{_INTRODUCED_AFTER} {names} "
                            "(“where … is”), new there whatever the letter meant before")
                continue
            if k == 0 and relation in ("=", "approx") and self._worked(item, left, right):
                self._quiet = False
                worked_values.decide(self, item, k, left, right)
                continue
            if relation in CHECKED_RELATIONS and (unread := self._unread_prime(item, left, right)) is not None:
                self.decide(item, k, "undecided", unread)  # f'(s) = f'(a)f(b) + … after f(s) = ab: 0 = 0 says nothing
                continue
            if self._arithmetic(item, k, left, right, _premises(stmt, k)):
                self._quiet = False
                continue
            self._quiet = False
            if relation == "=" and (why := chain_rule.telescopes(left.expr, right.expr)) is not None:
                if (dead := chain_rule.constant_factor(left.expr, right.expr, self._reads_of(
                        definitions, frozenset(self.functions(item).defs)))) is not None:
                    # ∂E/∂w = ∂E/∂out_h·∂out_h/∂net_h·∂net_h/∂w with net_h = ux + c: the last factor is 0
                    at = self._definition_text(dead[0], definitions)
                    shown = {str(x): printing.text(x) for x in (*definitions, *left.expr.free_symbols,
                                                                  *right.expr.free_symbols) if isinstance(x, sp.Symbol)}
                    a, x = shown.get(dead[0], dead[0]), shown.get(dead[1], dead[1])
                    if not dead[2]:  # the left side's operand undefined, or reading x under another name
                        why = (f"{a} does not depend on {x}{at}, so by the definitions ∂{a}/∂{x} = 0 and the product "
                               "is 0; whether the left side is 0 is not in sight (a name for the same quantity?)")
                        self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
                        self.decide(item, k, "undecided", why)
                        continue
                    self.report(item, right.start, "error", "math/false",
                                f"false chain rule: {_source(item, left)} = {_source(item, right)}; {a} does not "
                                f"depend on {x}{at}, so ∂{a}/∂{x} = 0 and the product is 0, while the left side's "
                                f"operand does depend on {x}")
                    self.decide(item, k, "false", f"∂{a}/∂{x} = 0 by the definitions: the product is 0")
                    continue
                self.decide(item, k, "proved", why)  # dE/dw = dE/dy · dy/dz · dz/dw: the shape is the claim
                continue
            if relation == "=" and (composed := self._composed_names(item)) \
                    and (why := chain_rule.telescopes(left.expr, right.expr, composed)) is not None:
                said = ", ".join(f"{name} = {fn}(…)" for name, fn in sorted(composed.items()))
                self.decide(item, k, "proved", f"{why}, with {said} as stated before")  # "if y = f(g(x)), then"
                continue
            if (reading := dimensions.as_coordinate_sums(left.expr, right.expr)) is not None:
                self._by_coordinates(item, k, right, reading)
                continue
            if relation == "=" and isinstance(left.expr, expectation.Expect) and left.expr != right.expr \
                    and self._equation_in_expectation(item, k, left, right):
                continue  # E[R] = (E[R] + 1)(1 − p) + …, then that equation rewritten, then solved: E[R] = (1 + p)/p²
            one_sided = (left.expr.free_symbols ^ right.expr.free_symbols) & introduced
            one_sided -= _summed_entries(left.expr, right.expr)  # (Σ_i a_i)² = Σ_{ij} a_ia_j: a_j is summed over
            one_sided -= _family_entries(left.expr, right.expr)  # (M^⊤v)_i = Σ_k M_{ik}v_k: M's entries, not a new M
            in_sums = {x for side in (left.expr, right.expr) for total in side.atoms(sp.Sum)
                       for x in total.free_symbols if not isinstance(x, sp.Indexed)}  # k of Σ_{i=0}^{k}, the label η
            stepped = {x for x in one_sided if isinstance(x, sp.Symbol) and (_summed(left.expr, x) or _summed(right.expr, x))}
            if stepped and all(x in in_sums or x in stepped for x in one_sided if isinstance(x, sp.Symbol)):
                one_sided = set()  # Σ_{i=0}^{k}(1/η_{i+1} − 1/η_i) = 1/η_{k+1} − 1/η_0: η_{k+1} is a step of what is summed
                # (and w_1x_1 + ⋯ + w_dx_d = Σ_{j=1}^{d} w_jx_j: the sum sign introduced over the terms written out)
            one_sided -= expectation.inside(left.expr, right.expr)  # E[g_i] = E[g]: moments, not new names
            one_sided -= calculus.differentiated(left.expr, right.expr)  # ∇(½‖w‖²) = w: w is taken, not new
            one_sided -= coordinates.indices(left.expr, right.expr)  # ∂/∂w_j … = … x_{ij}: j names the coordinate
            one_sided -= _norm_coordinates(left.expr, right.expr)  # ‖w‖² = w_1² + … + w_d²: w's own coordinates
            if one_sided & unbounded.antiderivative_variables(left.expr, right.expr):
                one_sided = set()  # ∫ x² dx = x³/3 + C: an antiderivative in x, and C its constant of integration
            if one_sided and (left.expr.has(sp.Sum, sp.Product) or right.expr.has(sp.Sum, sp.Product)):
                # Σ_{k=0}^{2} β^k g_{t−k} = g_t + βg_{t−1} + β²g_{t−2}: the terms of a finite sum, written out
                known = frozenset(x.name for x in left.expr.free_symbols | right.expr.free_symbols
                                  if isinstance(x, sp.Symbol))
                one_sided &= finite_sums.expand(left.expr, known).free_symbols \
                    ^ finite_sums.expand(right.expr, known).free_symbols
                # (1/n)Σ_{i=1}^n μ = nμ/n: a constant summed n times; n is on both sides once counted out
                one_sided &= finite_sums.constant_terms_counted(left.expr).free_symbols \
                    ^ finite_sums.constant_terms_counted(right.expr).free_symbols
            if one_sided and (later := self._later_definitions(item, one_sided)) and \
                    one_sided <= set(later).union(*(value.free_symbols for _, value in later.values())):
                one_sided = set()  # "… = α‖x‖², where α = …(λ, L)": defined right after, a claim that uses it
            if one_sided:  # x_k = x_0 − α Σ g_j after x_{k+1} = x_k − αg_k: x_0 and k are the recurrence's own steps
                one_sided -= Recurrences(definitions.stepped(), self._examples(item)).own_steps(one_sided)
            if one_sided and identities.settled(left.expr, right.expr, _source(item, left), _source(item, right)):
                one_sided = set()  # (k−1)/k + 1/k = 1: k cancels, so the link names nothing; it is checked
                if self._cancelled_gap(item, k, left, right):
                    continue
            if one_sided and (left.expr.has(sp.Sum) or right.expr.has(sp.Sum)) and not (
                    sums.constants_out(left.expr) - sums.constants_out(right.expr)).free_symbols & one_sided:
                one_sided = set()  # e^{x_i}e^c / Σ_j e^{x_j}e^c = …: c cancels once taken out of the sum; checked
            if one_sided and all(x.name == "I" for x in one_sided) \
                    and self._matrix_link(item, k, left, right, definitions):
                continue  # (I − ηΛ)z: I is the identity matrix, not a new name
            if one_sided and right.expr == 0 and relation == "=" and (k > 0 or stmt.relations[k + 1:k + 2] in (
                    ["=>"], ["<=>"]) or isinstance(left.expr, sp.Add)):
                # (px^* + q = 0 ⇔ x^* = −q/p: an equation for x^*, then its solution; λ² − 4λ + 3 = 0, the
                # characteristic equation: a sum set to zero names nothing)
                self.decide(item, k, "not-a-claim", CONSTANT_SIDE)  # ∂L/∂c = −(2/n)Σ(y_i − c) = 0: stationarity
                continue
            if one_sided and (k > 0 or calculus.differentiated(left.expr, right.expr)
                              or self._differentiates_defined(left.expr, item)
                              or (not isinstance(left.expr, AppliedUndef) and any(
                                  type(c).__name__ in self.functions(item).defs for c in left.expr.atoms(AppliedUndef)))):
                # (2MSE(θ) = E(Y − …)² + … after MSE(θ) = …: an expression in a defined function is no naming)
                if k == 0 and self._indexed_derivative(item, k, left, right, definitions):
                    continue  # ∂L/∂z_c = ŷ_c − 1 in a subsection: ŷ_c is the family's member, not a new name
                if put_in.decide(self, item, k, left, right):
                    continue  # w_5 − α·∂E/∂w_5 = 0.4 − 0.5 × 0.0845: α given in words, put in here
                names = ", ".join(sorted(printing.text(s) for s in one_sided))
                self.report(item, right.start, "info", "math/new-scheme",
                            f"{names} appears on one side only: not checked")
                self.decide(item, k, "undecided", f"{names} appears on one side only")
                continue
            if one_sided and left.expr != 0:  # "0 = Σ(y_i − α)": a condition written from its zero, it names nothing
                if right.expr in one_sided and self._names_right_side(item, k, left, right, definitions):
                    continue
                if not isinstance(left.expr, sp.Symbol) and put_in.decide(self, item, k, left, right):
                    continue  # x_1 − x̄ = 1 − 2: x_1 is new, but the line puts numbers in, it names nothing
                if not isinstance(left.expr, sp.Symbol) and self._sought(item, one_sided):
                    self._sought_constants |= {(item.section, x) for x in one_sided}
                    self.decide(item, k, "not-a-claim", "an equation in unknowns (the constants the words seek)")
                    continue  # "we look for constants A_1, A_2 with 1/((x−1)(x+1)) = A_1/(x−1) + A_2/(x+1)"
                self.decide(item, k, "not-a-claim", "definition (names something new)")
                continue
            if k == 0 and relation == "=" and self._named_value(item, k, left, right, definitions):
                continue  # η* = 2/(5 + 1) after η* = 2/(λ_min + λ_max) and "consider λ_min = 1, λ_max = 5"
            if is_condition(left.expr, right.expr) and not _written_numbers(left.expr, right.expr) \
                    and not (self._derivative_given(left.expr, item) and right.expr != 0) \
                    and not self._defined_value(item, left.expr, right.expr) \
                    and not identities.settled(left.expr, right.expr, _source(item, left), _source(item, right)):
                if not condition_chain.rewrite(self, item, k, left, right, definitions) \
                        and not self._sum_of_values(item, k, left, right) \
                        and not put_in.decide(self, item, k, left, right) \
                        and not put_in.rule_step(self, item, k, left, right):  # "dividing by −2, 0 = …"; x_1 − x̄ = 1 − 2
                    self.decide(item, k, "not-a-claim", CONSTANT_SIDE)  # (v_2 = 0.9·0.1 + 0.1·2: the rule at t = 2)
                continue
            if k == 0 and is_assignment(left.expr, right.expr):
                self.decide(item, k, "not-a-claim", "assignment (the left side is read on the right)")
                continue
            self._quiet = first_false is not None  # report the first false link of a chain, not the chain
            try:
                with time_budget(LINK_SECONDS * 2):
                    self._verify_link(item, k, left, right, definitions)
            except BudgetExceeded:
                if (held := self._holds_as_written(item, left, right)) is not None:
                    self.decide(item, k, "proved", held)  # β(βh^{k-2} + …) = β²h^{k-2} + …: algebra in what is written
                else:
                    self.report(item, right.start, "info", "math/undecided",
                                f"not decided within {LINK_SECONDS * 2:g} s")
                    self.decide(item, k, "undecided", f"not decided within {LINK_SECONDS * 2:g} s")
            finally:
                self._quiet = False
            if first_false is not None and self.verdicts.get((item.index, k), ("",))[0] == "false":
                line = item.block.position(stmt.terms[first_false + 1].start)[0]
                self.decide(item, k, "false", f"after the false link on line {line} (reported there)", override=True)
            verdict = self.verdicts.get((item.index, k), ("",))[0]
            if verdict == "false" and first_false is None:
                first_false = k
            elif verdict == "proved" and first_false is None:
                last_good = k + 1

    def _verify_restated_row(self, item: Item, previous: Item) -> None:
        """``h^{(1)} &= A \\\\ h^{(1)} &= B``: the row claims B = A (the previous row's last term).

        Arithmetic (numbers, or names with values given before) is decided either way; anything else is
        reported false only when the prose says the block follows ("we get"): rows that restate one name
        with no such word may list alternatives, so a disagreement there is undecided.
        """
        left, right = previous.stmt.terms[-1], item.stmt.terms[1]
        name = printing.text(item.stmt.terms[0].expr)
        if left.expr is None or right.expr is None:
            why = item.problem(right) if right.expr is None else previous.problem(left)
            self.decide(item, 0, "undecided", "a side could not be parsed" + (f": {why}" if why else ""))
            return
        mark = len(self.findings)
        try:
            with time_budget(LINK_SECONDS * 2):
                arithmetic = self._arithmetic(item, 0, left, right)
                if not arithmetic:
                    self._verify_link(item, 0, left, right, self._definitions(item))
        except BudgetExceeded:
            self.verdicts.pop((item.index, 0), None)
            self.decide(item, 0, "undecided", f"not decided within {LINK_SECONDS * 2:g} s")
            return
        verdict, reason = self.verdicts.pop((item.index, 0), ("undecided", "not examined"))
        line = previous.block.position(left.start)[0]
        if verdict == "false" and not arithmetic and not item.claim_cue:
            del self.findings[mark:]
            self.report(item, right.start, "info", "math/undecided",
                        f"not decided: this row restates {name} differently from the row before, and no word "
                        "says it follows (a step of one computation, or an alternative?)")
            self.decide(item, 0, "undecided", f"restates {name} differently from line {line}: a step or an "
                        "alternative? (no word says it follows)")
            return
        self.decide(item, 0, verdict, f"{name} restated: the previous row (line {line}) = this row"
                    + (f"; {reason}" if reason else ""))

    def _agrees(self, item: Item, left: Term, right: Term, definitions: dict[sp.Symbol, sp.Expr]) -> bool:
        """Are two terms of a chain equal under the definitions (quietly; True only when proved)?"""
        a, b = self._prepare(left.expr, item), self._prepare(right.expr, item)
        if a is None or b is None or a.has(DOTS) or b.has(DOTS):
            return False
        try:
            with time_budget(LINK_SECONDS):
                sa, sb = _doit(substitute(a, definitions)), _doit(substitute(b, definitions))
                return compare(sa, sb, seconds=LINK_SECONDS).status == "true"
        except (CircularDefinition, BudgetExceeded):
            return False

    def _function_redefined_since(self, item: Item, a: sp.Expr, b: sp.Expr,
                                  definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
        """A reason to doubt a false verdict that reads a naming written in terms of a function the notes have
        defined anew since (Newton's ``x_{k+1} = x_k − g(x_k)/g'(x_k)`` with ``g = f'`` stated for one f, then
        ``f(x) = x^4 − 2x + 5`` and ``x_1 = x_0 − f'(x_0)/f''(x_0)``): the naming was read with the f of its time, the
        link with the f of its own, and the rule is meant for whichever f is in force; None otherwise."""
        if not isinstance(definitions, ScopeView):
            return None
        names = {x for x in a.free_symbols | b.free_symbols if isinstance(x, sp.Symbol)}
        bases = {ix.base for x in names if (ix := read_index(x)) is not None}
        for name in definitions:
            if not isinstance(name, sp.Symbol) or (name not in names and (
                    (ix := read_index(name)) is None or ix.base not in bases)):
                continue
            entry = definitions.entry(name)
            if entry is None or entry[0] not in self._through_functions:
                continue
            if (anew := self.redefined_between(entry[0], item)) is not None:
                return (f"{printing.text(name)} is read by its line {self._line_of(entry[0])}, written when "
                        f"{anew[0]} meant something else; {anew[0]} is defined anew on line {anew[1]}")
        # "\item Let x count …: h = x + 7", then "\item Let x be normal. So h = x²": each item sets up its own example
        if isinstance(a, sp.Symbol) and (entry := definitions.entry(a)) is not None and 0 <= entry[0] < item.index \
                and _NEW_EXAMPLE.search(self._text_between(self.items[entry[0]], item)):
            return (f"{printing.text(a)} was defined on line {self._line_of(entry[0])}, in an example before the one "
                    "this sets up (“Let …” on a new list item)")
        # I_m = (1/m)Σ X²/(2X/9) with π(x) = 2x/9, then "a better density" π(x) = x²/9 and I_m = (1/m)Σ X²/(X²/9):
        # the restated name was worked out for the old π, written out rather than called, and is restated for the
        # new one — not a slip in the first
        if isinstance(a, sp.Symbol) and (entry := definitions.entry(a)) is not None \
                and (anew := self.redefined_between(entry[0], item) or self._function_restated_between(entry[0], item)):
            how = "defined anew" if self.redefined_between(entry[0], item) else "written out again"
            return (f"{printing.text(a)} was defined on line {self._line_of(entry[0])}, before {anew[0]} is {how} on "
                    f"line {anew[1]}: this may restate it for the new setting")
        return None

    def _orthogonal_stated(self, item: Item, sa: sp.Expr, sb: sp.Expr) -> str | None:
        """A reason to doubt a false verdict of the scalar reading about a matrix the notes state orthogonal
        (``\\mathbf{U}^\\top\\mathbf{U} = \\mathbf{I}`` written before): read as a number U is any number, while an
        orthogonal U of size one is ±1 — when the link holds at both, the scalar reading cannot refute it
        (``‖v‖₂ = ‖Uv‖₂``); None otherwise."""
        letters = {x for x in sa.free_symbols | sb.free_symbols if isinstance(x, sp.Symbol)}
        for x in sorted(letters, key=str):
            stem = _BOLD_STEM.sub(r"\1", x.name)
            if len(stem) != 1 or not stem.isupper():
                continue
            written = _orthogonality(stem)
            for other in reversed(self.items[:item.index]):
                if written.search(other.block.text):
                    line = self._line_of(other.index)
                    try:
                        holds = all(compare(sa.xreplace({x: v}), sb.xreplace({x: v}), seconds=LINK_SECONDS / 2).status
                                    == "true" for v in (sp.Integer(1), sp.Integer(-1)))
                    except BudgetExceeded:
                        return None
                    if holds:
                        return (f"{printing.text(x)} is orthogonal ({printing.text(x)}ᵀ{printing.text(x)} = I on line "
                                f"{line}): the link holds for {printing.text(x)} = ±1, and read as a number the "
                                "matrix is no more than that")
                    break
        return None

    def _function_restated_between(self, since: int, item: Item) -> tuple[str, int] | None:
        """(name, line) of a function defined before the statement at ``since`` and written out again between it and
        ``item`` (``π(x) = … = \\frac{1}{9}x^2`` with the parameters of "a Beta(3, 1) instead" put in): the notes
        revisit the setting the statement was worked in. None when there is none."""
        defined_before = {fd.name for index, _, fd in self.function_defs if index < since}
        for other in self.items[since + 1:item.index]:
            first = other.stmt.terms[0].expr if other.stmt.terms else None
            if isinstance(first, AppliedUndef) and type(first).__name__ in defined_before \
                    and len(other.stmt.terms) > 2:
                return type(first).__name__, other.block.position(other.stmt.terms[0].start)[0]
        return None

    def redefined_between(self, since: int, item: Item) -> tuple[str, int] | None:
        """(name, line) of a function defined before the statement at ``since`` and defined anew between it and
        ``item``: what that statement wrote through the function meant the old one. None when there is none."""
        defined_before = {fd.name for index, _, fd in self.function_defs if index < since}
        for index, _, fd in self.function_defs:
            if since < index < item.index and fd.name in defined_before:
                return fd.name, self._line_of(index)
        return None

    def _holds_as_written(self, item: Item, left: Term, right: Term) -> str | None:
        """The reason a link holds as written, its names left as they are, or None. Equal there, it is equal whatever
        the names stand for: the way out when writing out the definitions is what made the link too large or too
        slow (a running average's recurrence unrolled under ``β(βh^{k-2} + (1 − β)w^{k-1}) + …``)."""
        if left.expr is None or right.expr is None:
            return None
        try:
            with time_budget(LINK_SECONDS):
                a, b = self._prepare(left.expr, item), self._prepare(right.expr, item)
                if a is None or b is None or a.has(DOTS) or b.has(DOTS) or a == b:
                    return None  # (the same expression on both sides is a restatement: its own checks decide it)
                verdict = compare(_doit(a), _doit(b), seconds=LINK_SECONDS / 2)
        except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
            return None
        return f"holds as written, whatever its names stand for: {verdict.reason}" if verdict.status == "true" else None

    def _through_computation(self, item: Item, k: int, left: Term, right: Term) -> bool:
        """Decide the link as proved when it holds through the computation the section builds with an open
        function (:mod:`.computation`): ``∂L/∂b = δ`` after ``a = σ(z)``, ``L = ½(a − y)²``, ``δ = (a − y)σ'(z)``."""
        if left.expr is None or right.expr is None \
                or not any(section in self._open_nodes for section in self._lineage(item.section)):
            return False
        if self._order_matters(item, left, right):
            return False  # (G·σ′(ZW)·W = (G ∘ σ′(ZW))W^T: read as numbers W^T is W, and the proof says nothing)
        definitions = self._definitions(item)
        scope = self._scope_for(item)
        rows = scope.with_calls if scope is not None else {}
        kept: dict[sp.Symbol, sp.Expr] = {}
        for name in definitions:
            entry = definitions.entry(name) if isinstance(name, sp.Symbol) else None
            kept[name] = self._with_calls.get((entry[0], name), entry[1]) if entry is not None \
                else rows.get(name, definitions[name])
        why = computation.prove(left.expr, right.expr, kept, self.functions(item), LINK_SECONDS)
        if why is None:
            return False
        self.decide(item, k, "proved", why)
        return True

    def _names_through_open_function(self, item: Item, definitions: Mapping[sp.Symbol, sp.Expr]) -> bool:
        """Does ``item`` name a quantity by an open function of others (``a = σ(z)``, ``ŷ = σ(wx + b)``, σ never
        defined)? Backpropagation notes build their computation so: the name is a node the derivatives go
        through. Not a name at a step (an exercise's ``w_t = g(λ)w_{t−1} − ηh(…)`` asks for g and h), a
        derivative, a name already defined here, or one its own right side holds."""
        stmt = item.stmt
        lhs, rhs = stmt.terms[0].expr, stmt.terms[1].expr
        if stmt.relations[0] != "=" or not isinstance(lhs, sp.Symbol) or rhs is None or lhs == DOTS \
                or lhs in rhs.free_symbols or rhs.has(DOTS) \
                or calculus.derivative_parts(lhs.name) is not None or lhs.name.startswith(GRADIENT_PREFIX):
            return False
        if lhs in definitions and not self._named_in_an_outer_section(item, lhs, definitions):
            return False  # a = σ(z) again in the section that named a: a restatement, not a new node
        if (ix := read_index(lhs)) is not None and ix.letter in STEP_LETTERS:
            return False
        calls = [c for c in rhs.atoms(AppliedUndef) if self._has_unknown_function(c, item)]
        return bool(calls) and all(len(c.args) == 1 and calculus.derivative_parts(type(c).__name__) is None
                                   for c in calls)

    def _named_in_an_outer_section(self, item: Item, name: sp.Symbol, definitions: Mapping[sp.Symbol, sp.Expr]) -> bool:
        r"""Is the naming of ``name`` in force at ``item`` made in a section that holds the item's (an example's
        ``u = \log x`` under "Examples", before "Example" headings that choose their own u)? A later example's
        ``u = f^{-1}(x)`` then names u anew instead of restating the outer one."""
        entry = definitions.entry(name) if isinstance(definitions, ScopeView) else None
        return entry is not None and 0 <= entry[0] < item.index and self.items[entry[0]].section != item.section

    def _indexed_derivative(self, item: Item, k: int, left: Term, right: Term,
                            definitions: Mapping[sp.Symbol, sp.Expr]) -> bool:
        """``∂L/∂z_k = ŷ_k − y_k`` for a loss over a family defined with an index, decided by
        :mod:`.indexed_derivatives` with the section's heading and the words before it (``k ≠ c``): True when
        decided there."""
        if not isinstance(left.expr, sp.Symbol) or right.expr is None:
            return False
        words = self._headings.get(item.section, "") + "\n" + self._words_before(item.index, 200)
        # "…, \quad i \neq j": a case written after the formula in its display restricts it, and has the last word
        words += "\n" + re.split(r"\\\\|\\partial|\\frac|\\nabla", item.block.text[right.end:right.end + 60])[0]
        indexed = indexed_derivatives.decide(left.expr, right.expr, definitions, self.text, words, LINK_SECONDS)
        if indexed is None:
            return False
        if indexed[0] == "undecided":
            self.report(item, right.start, "info", "math/undecided", f"not decided: {indexed[1]}")
        elif indexed[0] == "false":
            self.report(item, right.start, "error", "math/false", f"false derivative: "
                        f"{_clip(_source(item, left))} = {_clip(_source(item, right))}; {indexed[1]}")
        self.decide(item, k, *indexed)
        return True

    def _is_naming(self, item: Item, definitions: dict[sp.Symbol, sp.Expr]) -> bool:
        """``x = …`` as the first link, where x is a bare symbol that this statement (re)names.

        It is a naming when the prose before the formula says so ("Let", "where", "Пусть", "令"), when
        no system before it in the section defines x (an update rule written before the system of
        the next method is not a claim about that later system), unless it starts a chain from an x
        defined earlier (``w_t = A = B``: A is checked against that definition).
        """
        stmt = item.stmt
        if not stmt.relations or stmt.relations[0] not in DEFINING_RELATIONS:
            return False
        lhs, rhs = stmt.terms[0].expr, stmt.terms[1].expr
        if self._solved_for_named(item):
            return False  # α = μκ "solving for α" after μ = α/(α + β), κ = α + β: those namings solved, a claim
        if chain_rule.telescopes(lhs, rhs) is not None:
            return False  # ∂L/∂w = ∂L/∂ŷ · ∂ŷ/∂z · ∂z/∂w states the chain rule; it defines nothing
        parts = calculus.derivative_parts(lhs.name if isinstance(lhs, sp.Symbol) else type(lhs).__name__) \
            if isinstance(lhs, (sp.Symbol, AppliedUndef)) else None
        if parts is not None and self._may_use_matrices():
            from . import matrix_calculus

            if matrix_calculus.of_expression(self._expanded(_source(item, stmt.terms[0]))):
                return False  # ∇_A tr(AB) = Bᵀ: the gradient of a written expression, a claim
        if isinstance(lhs, AppliedUndef) and parts is not None:
            # ∇f̄(x̄) = Λx̄ + c̄ for an f̄ the notes never define: it names the gradient (but ∂/∂A_{ij} tr(AB) is
            # the derivative of a trace, an operator every reader knows: a claim)
            return parts[2] not in self.functions(item).defs and not _OPERATOR_NAME.fullmatch(parts[2])
        if parts is not None and self._prepare(lhs, item) != lhs:
            return False  # ∇_w L = … after L = ½(wx − y)²: the derivative of a defined name, a claim about it
        if not isinstance(lhs, sp.Symbol) or lhs == DOTS or rhs is None or lhs in rhs.free_symbols:
            return False
        if re.fullmatch(r"[A-Za-z]", lhs.name) and lhs.name not in DEFAULT_FUNCTIONS \
                and (fd := self.functions(item).defs.get(lhs.name)) is not None and len(fd.params) == 1 \
                and fd.params[0] in rhs.free_symbols:
            return False  # "u(x) = cos x − 1 … its expansion: u = −½x² + …": u(x) written bare, a claim about it
        if _word_label(lhs):
            return True  # "balance owed" after one month, then after two: words label each stage anew
        if item.block_cue and len(stmt.relations) == 1 and not (item.list_cue and item.index in self._worked_steps):
            if not item.list_cue and any(self._named.get((section, lhs), item.index) < item.index
                                         for section in self._lineage(item.section)):
                self._scheme_namings.add(item.index)  # "On pose h = x − 1" after "on pose h = x − a": the words
                # give it anew, in force from here
            return True  # "Let m_t = …", "где …", "令 …": the prose says it defines (a list item of iterates,
            # "- $x_2 = 0.64$" under x_{t+1} = 0.8x_t from x_0 = 1, says nothing: the recurrence fixes it)
        scope = self._scope_for(item)
        hidden = self._other_exercises(item)  # (what another exercise of the section named is no restatement)
        in_system = scope is not None and lhs in scope.definitions and self._system_before(item) \
            and not hidden[0] <= scope.index < hidden[1]
        first = min(self._named.get((section, lhs), item.index) for section in self._lineage(item.section))
        named_before = first < item.index and not hidden[0] <= first < hidden[1]
        if (in_system or named_before) and self._variant_lead_in(item):
            self._scheme_namings.add(item.index)  # in force from here, as a naming in new names is
            return True  # "in the PyTorch implementation they do use one, so they end up $$Δθ = −η …$$": a variant
        if named_before and item.list_cue and not item.claim_cue and not in_system and any(
                other.list_cue and other.section == item.section and other.stmt.terms
                and other.stmt.terms[0].expr == lhs for other in self.items[max(0, item.index - 12):item.index]):
            return True  # "- correct: $Δw_j = η(−1 − (−1))x_j = 0$", "- wrong: $Δw_j = η(1 + 1)x_j = …$": cases of a list
        if named_before and not item.claim_cue and _CASE_LEAD.search(self._sentence_before(item.index)):
            self._scheme_namings.add(item.index)  # in force from here, for that case
            return True  # "For the composite case, with one fitted parameter: d = m − 1 − 1": that case's own d
        if named_before and not item.claim_cue and not in_system and self._case_heading_between(first, item):
            self._scheme_namings.add(item.index)  # in force from here, for that case
            return True  # "\paragraph{The composite hypothesis} … ν = k − 1 − 1 = k − 2" after ν = k − 1: its own ν
        if (len(stmt.relations) >= 2 or item.claim_cue) and (in_system or named_before):
            return False  # w_t = A = B, or "Hence w_t = A", after w_t was defined: a claim about it
        shifted = read_index(lhs)
        if shifted is not None and lhs not in definitions and not (shifted.letter is None and shifted.offset < 0) and any(
                (ix := read_index(d)) is not None and ix.base == shifted.base and ix.letter is not None
                for d in definitions.stepped()):
            return False  # m_{t+1} = …, m_2 = … under the recurrence for m_t: an instance of it, a claim (x_{-1} = x_0
            # is not: a value before the start, which the recurrence does not give)
        if named_before and len(stmt.relations) == 1 and not item.claim_cue and self._scheme_between(item, lhs):
            return True  # "The gradient becomes g_t = ∇ℓ + λw … AdamW … computes g_t = ∇ℓ": another method's g_t
        if named_before and lhs.name not in {type(shape.h).__name__ for _, _, shape in self._shapes()}:
            if len(stmt.relations) == 1 and not item.claim_cue and not in_system:
                self._restated.add(item.index)  # no word says it follows from the naming: false is only a note
            return False  # a restatement of what the section already named is a claim about it
            # (but a new answer h = … for the exercise's form is an answer, checked against its own system)
        return not in_system

    def _case_heading_between(self, first: int, item: Item) -> bool:
        """Is there a paragraph heading between item ``first`` and ``item`` (``\\paragraph{…}``, a line that is only
        bold words) that is no proof's? It starts another case of the section, whose names are its own."""
        if self._lines is None or not self.text:
            return False
        start = self._lines.offset(self.items[first].block.line, self.items[first].block.col)
        end = self._lines.offset(item.block.line, item.block.col)
        return any(not _PROOF_HEADING.search(m.group(1) or m.group(2)) for m in _CASE_HEADING.finditer(self.text, start, end))

    def _scheme_between(self, item: Item, name: sp.Symbol, since: int | None = None) -> bool:
        """Does the prose since ``name`` was named (or since item ``since``) introduce another method
        (AdamW, Nesterov, SGDW, weight decay …)?"""
        if self._lines is None:
            return False
        first = self._named.get((item.section, name)) if since is None else since
        if first is None:
            return False
        start = self._lines.offset(self.items[first].block.line, self.items[first].block.col)
        end = self._lines.offset(item.block.line, item.block.col)
        if self._scheme_at is None:  # one scan of the text, not one per statement (a long note is linear)
            self._scheme_at = [m.start() for m in _SCHEME.finditer(self.text)]
        k = bisect.bisect_left(self._scheme_at, start)
        return k < len(self._scheme_at) and self._scheme_at[k] < end

    def _names_right_side(self, item: Item, k: int, left: Term, right: Term,
                          definitions: dict[sp.Symbol, sp.Expr]) -> bool:
        """"near the solution ($x^* − x = Δx$)": a lone statement whose right side is one new name gives that name
        to the expression on its left (bound, and written out inside calls: :attr:`_abbreviations`)."""
        if k != 0 or len(item.stmt.relations) != 1 or not isinstance(right.expr, sp.Symbol) \
                or isinstance(left.expr, sp.Symbol) or _BARE_LETTER.fullmatch(right.expr.name):
            return False  # (Ax = b, Xw = y: an equation to solve, whose b is given, never b's definition)
        self._record_naming(item, definitions, backwards=True)
        self.decide(item, k, "not-a-claim", "definition (names its right side)")
        return True

    def _record_naming(self, item: Item, definitions: dict[sp.Symbol, sp.Expr], *, backwards: bool = False,
                       open_calls: bool = False) -> None:
        """Keep the naming ``item`` makes (``backwards``: of its right side, ``x^* − x = Δx``) for what follows;
        ``open_calls``: it names a node through an open function (``a = σ(z)``), kept with its calls too, for
        derivatives through the computation (:mod:`.computation`)."""
        if self._two_valued:
            return  # x = 1 ± √2, read once per sign: two values, neither is the name's value from here on
        if item.stmt.remark:
            return  # "&Пусть u = \\ln x, du = dx/x": a substitution the chain goes on in; u stays u after it (the
            # rows that need its value get it from the remark: :meth:`_remarked_namings`)
        if _IF_THEN.search(self._sentence_before(item.index)):
            return  # "If E(Y|X=x) = 2x³ − x, then E(Y|X) = 2X³ − X": what holds in that case, no value from here on
        lhs, rhs = item.stmt.terms[0].expr, item.stmt.terms[1].expr
        if not backwards and self._at_a_point(item):
            return  # "the tangent line at $x = c$": the point a formula is taken at, not x's value from here on
        if backwards:
            lhs, rhs = rhs, lhs
            self._abbreviations.add(lhs)  # type: ignore[arg-type]
        if not isinstance(lhs, sp.Symbol):
            return
        if not backwards and self._solved_unknown(item, item.stmt.terms[0], item.stmt.terms[1]) is not None:
            return  # w₀ = Ȳ − w₁X̄ solved from ∂L/∂w₀ = 0: true at the optimum, never put into ∂/∂w₁
        value = self._prepare(rhs, item)
        if value is None or value.has(DOTS) or value.has(optima.Optimum) or value.has(PLUS_MINUS):
            return  # θ* = argmin …: names an optimizer, not a value to substitute (x = 1 ± √2: two values)
        if self._collapsed_matrices(item, item.stmt.terms[-1]):
            self._inverse_namings.add(lhs)  # β̂ = (XᵀX)⁻¹Xᵀy: a scalar proof through it says nothing of matrices
        collapsed = not value.free_symbols and self._collapsed_matrices(item, item.stmt.terms[1])
        if collapsed:
            pass  # P = X(XᵀX)⁻¹Xᵀ is 1 only as numbers: a naming the matrix reader reads, never the example P = 1
        elif not value.free_symbols:
            # "β = 0.9": an example value (or an initial value v_0 = 0), for worked numbers, not a definition
            if self._gives_value(item, lhs):
                self.examples.append((item.index, item.section, lhs, value))
            return
        terms = item.stmt.terms
        last = self._prepare(terms[-1].expr, item) if terms[-1].expr is not None else None
        if not collapsed and last is not None and not last.free_symbols \
                and all(isinstance(t.expr, sp.Symbol) for t in terms[:-1]) \
                and all(r in DEFINING_RELATIONS for r in item.stmt.relations):
            for t in terms[:-1]:  # m_0 = v_0 = 0: each is given the value
                self.examples.append((item.index, item.section, t.expr, last))
            return
        chained = [t.expr for t in terms[1:-1]] if last is not None and len(terms) > 2 \
            and all(isinstance(t.expr, sp.Symbol) and t.expr not in definitions for t in terms[:-1]) \
            and all(r in DEFINING_RELATIONS for r in item.stmt.relations) \
            and not {t.expr for t in terms[:-1]} & last.free_symbols else []
        if chained:  # ⟹ q̂_0 = q̂_1 = q̂ = (n_0r_0 + n_1r_1)/(n_0 + n_1): each name is given the value the chain ends in
            value = last
        if any(name == lhs and self._after_new_exercise(index, item) for index, _, name, _ in self.namings):
            self._scheme_namings.add(item.index)  # "**Exercise 2.** Let a = …": this exercise's a, from here on
        self.namings.append((item.index, item.section, lhs, value))
        self._section_namings.setdefault(item.section, {}).setdefault(lhs, []).append((item.index, value))
        for name in chained:
            self.namings.append((item.index, item.section, name, value))
            self._section_namings.setdefault(item.section, {}).setdefault(name, []).append((item.index, value))
        if rhs.atoms(AppliedUndef):
            self._through_functions.add(item.index)  # (its functions were written out as they were defined then)
        if open_calls or rhs.atoms(AppliedUndef):
            # δ = (a − y)σ'(z) as well as a = σ(z): the calls kept, so a node inside them is written out
            kept = self._prepare(rhs, item, atomized=False)
            if kept is not None and kept != value:
                self._with_calls[(item.index, lhs)] = kept
            if open_calls:
                self._open_nodes.add(item.section)
        if (ix := read_index(lhs)) is not None and ix.letter in STEP_LETTERS:
            self._stepped_namings.setdefault(item.section, {})[lhs] = None
        if ix is not None:
            self.namings_by_base.setdefault((item.section, ix.base), []).append((item.index, value))
            if ix.letter is None and ix.offset <= 0:
                self._start_namings.setdefault(item.section, {})[lhs] = None
        self._naming_symbols.setdefault(item.section, set()).update({lhs} | value.free_symbols)
        self._naming_bases.setdefault(item.section, set()).update(_bases_of({lhs} | value.free_symbols))
        self._named[(item.section, lhs)] = min(self._named.get((item.section, lhs), item.index), item.index)

    def _reads_an_inverse(self, item: Item, definitions: Mapping[sp.Symbol, sp.Expr]) -> bool:
        """Does the link read, through the definitions in scope, a name defined by a product with a matrix inverse
        (``β̂ = (XᵀX)⁻¹Xᵀy``, ``P = X(XᵀX)⁻¹Xᵀ``)? As numbers such a product cancels (β̂ = y/X, ê = 0), so a scalar
        proof through it says nothing of the matrices."""
        if not self._inverse_namings:
            return False
        seen: set[sp.Basic] = set()
        todo = [x for t in item.stmt.terms if t.expr is not None for x in t.expr.free_symbols]
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            if name in self._inverse_namings:
                return True
            if isinstance(name, sp.Symbol) and name in definitions and len(seen) < 60:
                todo.extend(definitions[name].free_symbols)
            elif len(seen) < 60:  # (named in another section of the notes: ê = y − Xβ̂ above M = I − P)
                todo.extend(x for index, _section, named, value in self.namings
                            if named == name and index < item.index for x in value.free_symbols)
        return False

    def _collapsed_matrices(self, item: Item, term: Term) -> bool:
        """Does ``term`` write a product of matrices that the scalar reading cancels to a number (``X(XᵀX)⁻¹Xᵀ``)?"""
        if not self._may_use_matrices():
            return False
        written = self._expanded(_source(item, term))
        return len(_whole_matrices(written, self._matrix_notation().matrices)) >= 1 \
            and re.search(r"\^\s*\{?\s*-\s*1|\^\s*\{?\s*(?:T|\\top)", written) is not None

    def _derivative_given(self, expr: sp.Expr | None, item: Item) -> bool:
        """Is ``expr`` a derivative (``\\nabla_w L``, ``\\nabla^2 f(x)``, ``∂²f/∂x∂y``) the definitions in scope
        determine? Then a statement about it is a claim, not a naming or a value given. So is a written matrix or
        column of such derivatives (the Hessian written with its second partials, ``[∂²f/∂x² ∂²f/∂x∂y; …]``)."""
        if isinstance(expr, (Coords, Rows)) and expr.free_symbols:
            cells = [x for row in expr.args for x in (row.args if isinstance(row, Coords) else (row,))]
            return all(x.is_number or self._derivative_given(x, item) for x in cells)
        if isinstance(expr, sp.Symbol):
            name = expr.name
        elif isinstance(expr, AppliedUndef):
            name = type(expr).__name__
        else:
            return False
        return calculus.derivative_parts(name) is not None and self._prepare(expr, item) != atomize(expr)

    def _differentiates_defined(self, expr: sp.Expr | None, item: Item) -> bool:
        """Is ``expr`` a derivative of a function the notes define (``∂J(θ)/∂θ_j`` after ``J(θ) = …``), whether or
        not it can be taken here? Then a link from it states that derivative: a claim, never a naming."""
        name = expr.name if isinstance(expr, sp.Symbol) else type(expr).__name__ if isinstance(expr, AppliedUndef) else None
        parts = calculus.derivative_parts(name) if name else None
        return parts is not None and (parts[2] in self.functions(item).defs
                                      or any(s.name == parts[2] for s in self._definitions(item)))

    def _differentiated_here(self, expr: sp.Expr | None, item: Item) -> bool:
        """Is the function ``expr`` is a derivative of defined in ``item``'s section or one holding it (True when
        that cannot be told)? A y defined under another heading is another example's solution."""
        name = expr.name if isinstance(expr, sp.Symbol) else type(expr).__name__ if isinstance(expr, AppliedUndef) else None
        parts = calculus.derivative_parts(name) if name else None
        fd = self.functions(item).defs.get(parts[2]) if parts is not None else None
        where = next((section for _, section, other in self.function_defs if other is fd), None) if fd else None
        return where is None or where in self._lineage(item.section)

    def _posed_differential_equation(self, item: Item, left: Term, right: Term) -> str | None:
        """``dy/dx − 3y = \\sin x`` under a heading after the one where ``y = 2 + x/5`` was named: a link that
        writes a derivative of a name beside the name itself, neither alone on a side, is a differential equation
        that a later section poses for a y of its own; and any link with a derivative of a name the notes set to an
        unknown function (``y = y(x)``, then ``dy/dx = 2x``) is an equation for it. The reason, or None
        (``dy/dx = 2xy²`` in y's own section is a claim about that y)."""
        exprs = [t.expr for t in (left, right)]
        if any(e is None for e in exprs):
            return None
        written = set().union(*(e.free_symbols for e in exprs))  # type: ignore[union-attr]
        functions = self.functions(item).defs
        for x in written:
            parts = calculus.derivative_parts(x.name) if isinstance(x, sp.Symbol) else None
            if parts is None:
                continue
            base = S.symbol(parts[2])
            named = [(index, section, value) for index, section, name, value in self.namings
                     if name == base and index < item.index]
            if not named:
                continue
            index, section, value = named[-1]
            line = self.items[index].block.position(self.items[index].stmt.terms[0].start)[0]
            called = type(value).__name__ if isinstance(value, AppliedUndef) else value.name.split("(", 1)[0] \
                if isinstance(value, sp.Symbol) and value.name.endswith(")") else None  # y(x), atomized or not
            if called is not None and called not in functions:
                # "y = y(x) is the unknown function", then dy/dx = 2x: an equation for that function, never refuted
                return (f"a differential equation for {printing.text(base)}, which the notes name an unknown function "
                        f"(line {line})")
            if base in written and not any(isinstance(e, sp.Symbol) for e in exprs) and section != item.section:
                return (f"a differential equation in {printing.text(base)}, posed: the {printing.text(base)} named on "
                        f"line {line} is another section's")
        return None

    def _states_derivative(self, expr: sp.Expr | None, item: Item) -> bool:
        """Is ``expr`` a derivative the definitions fix: ``f'(x)`` of a function defined before, or a ``∇``/``∂``
        of one (:meth:`_derivative_given`)?"""
        if isinstance(expr, AppliedUndef) and (name := type(expr).__name__).endswith("'"):
            return name.rstrip("'") in self.functions(item).defs
        return self._derivative_given(expr, item)

    def _initial_values(self, item: Item) -> bool:
        """``m_0 = v_0 = 0``, ``w_0 = 1``: values given to names (initial values, example values) are kept for
        the recurrences and worked numbers that follow; they are not claims."""
        terms, relations = item.stmt.terms, item.stmt.relations
        if self._values_in_tuple(item) or self._recurrence_tuple(item):
            return True
        if not all(r in DEFINING_RELATIONS for r in relations) or not all(isinstance(t.expr, sp.Symbol)
                                                                         for t in terms[:-1]):
            return False
        last = self._prepare(terms[-1].expr, item) if terms[-1].expr is not None else None
        if last is None or last.free_symbols or not last.is_number:
            return False
        if self._collapsed_matrices(item, terms[-1]):
            return False  # P = X(XᵀX)⁻¹Xᵀ, 1 only as numbers: a naming the matrix reader reads, no value P = 1
        if len(terms) == 2 and (laws := self._laws_stated(item)) and event_values.put_in(terms[0].expr, laws):
            return False  # P(B ≤ 2) = 0.05792 after B ~ Bin(5, 0.8): the law gives the event its value, checked
        if last != 0 and any(self._derivative_given(t.expr, item) for t in terms[:-1]):
            return False  # ∇²f = 2 after f(x) = x² + 1: a claim about the derivative (∇f = 0 stays a condition)
        if len(terms) == 2 and not worked_values.supposed(self, item) \
                and (worked := worked_values.computed_step(self, item, terms[0].expr)
                     or (worked_values.vector_step(self, item, terms[0].expr) if isinstance(last, Coords) else None)):
            self._worked_steps[item.index] = worked
            return False  # m_2 = 0.19 after m_t = βm_{t−1} + (1−β)g_t, m_0 = 0, β = 0.9, g_t = 1: a worked value
        for t in terms[:-1]:
            if self._gives_value(item, t.expr):
                self.examples.append((item.index, item.section, t.expr, last))
        if len(terms) == 2 and item.claim_cue \
                and condition_chain.result(self, item, terms[0], terms[1], self._definitions(item)):
            return True  # "solving this equation, we obtain h = −1/4": the root of the condition before it
        if len(terms) == 2 and not worked_values.supposed(self, item) \
                and self._named_value(item, 0, terms[0], terms[1], self._definitions(item), stated=item.claim_cue):
            return True  # "with w = 0.5, b = 0, x = 2 we get z = 1" after z = wx + b: the definition at the values
        self.decide_all(item, "not-a-claim", "a value given to a name (an initial or example value)")
        return True

    def _worked(self, item: Item, left: Term, right: Term) -> bool:
        """Is ``left = right`` a step's value (``m_2``, ``\\hat m_1``) against a number? Remembered for the item."""
        if item.index in self._worked_steps:
            return True
        if not isinstance(left.expr, sp.Symbol) or right.expr is None or worked_values.supposed(self, item):
            return False
        shown = self._prepare(right.expr, item)
        if shown is None or shown.free_symbols or (worked := worked_values.computed_step(self, item, left.expr)) is None:
            return False
        self._worked_steps[item.index] = worked
        return True

    def _carry_worked_value(self, item: Item) -> None:
        """``w_1 = 0 + 0.1·8 = 0.8``, ``w_2 = w_1 − η∇L(w_1) = 0.8 + 0.1·4 = 1.2``: a name worked out to a number
        has that value in the arithmetic after it (the next step computes with w_1 = 0.8), whether its first
        link was read as a naming, a condition or a claim. Only a chain through a computation that the checker
        found exact (in numbers, or with values worked before) counts, so that a bare ``x = 2`` keeps the reading
        its words give it."""
        terms = item.stmt.terms
        name = terms[0].expr if terms else None
        if len(terms) < 3 or not isinstance(name, sp.Symbol) or any(r not in ("=", "approx") for r in item.stmt.relations) \
                or any(index == item.index and given == name for index, _, given, _ in self.examples[-8:]):
            return
        from .arithmetic import written_with_numbers

        texts = [_source(item, t) for t in terms[1:]]
        if _tuple_of_numbers(texts[-1]):
            self._carry_worked_tuple(item, name)  # x_1 = x_0 − η∇f(x_0) = … = [1.0; 0.0]: the next step uses it
            return
        if not written_with_numbers(texts[-1]) or not _ONE_NUMBER.fullmatch(texts[-1]) \
                or all(_ONE_NUMBER.fullmatch(t) for t in texts[:-1]):
            return  # (∇L(w_1) = ½(−2(2 − w_1) − …) = −4 with w_1 = 0.8 worked before counts: a computation)
        last = self.verdicts.get((item.index, len(terms) - 2), ("", ""))
        rounded = last[0] == "proved" and "digits written" in last[1]
        if not (last[1].startswith("arithmetic: exact") or rounded):
            return  # a chain that does not end in its value worked out carries nothing
        value = self._prepare(terms[-1].expr, item)
        if value is not None and value.is_number and not self._worked_from_definition(item, name):
            self.examples.append((item.index, item.section, name, value))
            if rounded:  # ŷ ≈ 0.7692: the next step may compute with it or with the unrounded value
                self._rounded_results.add(value)

    def _carry_worked_tuple(self, item: Item, name: sp.Symbol) -> None:
        """A chain worked out to a tuple of numbers whose every computing link was proved coordinate by coordinate
        gives its name that tuple, as :meth:`_carry_worked_value` does for one number (a worked step of gradient
        descent in vectors: ``x_1 = … = [1.0; 0.0]``, then ``x_2 = x_1 + η_1d_1``)."""
        links = len(item.stmt.terms) - 1
        verdicts = [self.verdicts.get((item.index, k), ("", "")) for k in range(1, links)]
        if not verdicts or any(v != "proved" or not r.startswith("coordinate by coordinate") for v, r in verdicts):
            return
        value = self._prepare(item.stmt.terms[-1].expr, item)
        if type(value) is Coords and not value.free_symbols and all(x.is_number for x in value.args):
            self.examples.append((item.index, item.section, name, value))

    def _through_definitions(self, item: Item, free: set[sp.Symbol],
                             examples: Mapping[sp.Symbol, sp.Expr]) -> dict[sp.Symbol, sp.Expr]:
        """The definitions in scope of the names in ``free`` that have no value given (``y = w·x``), followed down
        through the names they are written in (``e = ŷ − y``, ``ŷ = σ(z)``, ``z = wx + b``) until every name has a
        value: put in, those names are worked out at the values in force. Empty otherwise."""
        definitions = self._definitions(item)
        through: dict[sp.Symbol, sp.Expr] = {}
        pending = {x for x in free if x not in examples}
        for _ in range(6):  # a chain of definitions deeper than a worked forward pass is not one
            if not pending or any(x not in definitions for x in pending):
                break
            through.update({x: definitions[x] for x in pending})
            pending = {y for x in pending for y in definitions[x].free_symbols
                       if y not in examples and y not in through}
        if pending or not through:
            return {}
        for _ in range(6):
            through = {x: v.xreplace(through) for x, v in through.items()}
        if any(not v.free_symbols <= set(examples) for v in through.values()):
            return {}
        return {x: v for x, v in through.items() if x in free}

    def _worked_from_definition(self, item: Item, name: sp.Symbol) -> bool:
        """Does ``name`` have a definition in scope in other names (``y = w·x``)? Then a number worked out for it
        (``y = 1.5·4 = 6``) holds at the values in force now only; later arithmetic (``L(1.51)``) works it out again
        from the definition, and the number is not kept as its value."""
        defined = self._definitions(item).get(name)
        return defined is not None and bool(defined.free_symbols)

    def _values_in_tuple(self, item: Item) -> bool:
        """``(x, t) = (4, 8)``: a tuple of names given a tuple of numbers gives each name its value, as ``x = 4``
        and ``t = 8`` would (a training pair, a starting point written as coordinates)."""
        terms = item.stmt.terms
        if len(terms) != 2 or item.stmt.relations[0] not in DEFINING_RELATIONS:
            return False
        names, values = terms[0].expr, self._prepare(terms[1].expr, item) if terms[1].expr is not None else None
        if type(names) is not Coords or type(values) is not Coords or len(names.args) != len(values.args) \
                or not all(isinstance(x, sp.Symbol) for x in names.args) or len(set(names.args)) != len(names.args) \
                or not all(v.is_number and not v.free_symbols for v in values.args):
            return False
        for name, value in zip(names.args, values.args):
            if self._gives_value(item, name):
                self.examples.append((item.index, item.section, name, value))
        self.decide_all(item, "not-a-claim", "values given to names (a tuple of them)")
        return True

    def _recurrence_tuple(self, item: Item) -> bool:
        """``(x_{n+1}, y_{n+1}) = (−\\frac{a}{2}y_n, −\\frac{a}{2}x_{n+1})``: a tuple of quantities at the next step given
        a tuple of expressions is the rule of a new method (one sweep of coordinate descent), when nothing in its
        section has defined those quantities yet — a y_n of another section's method is another quantity."""
        terms = item.stmt.terms
        if len(terms) != 2 or item.stmt.relations[0] not in DEFINING_RELATIONS:
            return False
        names, values = terms[0].expr, terms[1].expr
        if type(names) is not Coords or type(values) is not Coords or len(names.args) != len(values.args) \
                or len(names.args) < 2 or not all(isinstance(x, sp.Symbol) for x in names.args):
            return False
        steps = [read_index(x) for x in names.args]
        if any(ix is None or ix.letter is None for ix in steps) or len({ix.base for ix in steps}) != len(steps):
            return False
        bases = {ix.base for ix in steps if ix is not None}
        for other in self.items[:item.index]:
            first = other.stmt.terms[0].expr if other.stmt.terms else None
            if other.section == item.section and isinstance(first, sp.Symbol) \
                    and (ix := read_index(first)) is not None and ix.base in bases:
                return False  # the section's own rule for these quantities: the tuple restates it, a claim
        self.decide_all(item, "not-a-claim", "definition (a rule of a new method written as a tuple of next steps)")
        return True

    def _gives_value(self, item: Item, name: sp.Expr) -> bool:
        """Is ``name = number`` a value the text gives ("Let β = 0.9", "β₁ = 0.9, t = 1:", x^{(0)} = 1) rather
        than the solution of an equation ("f'(x) = 0 ⇔ … ⇔ x = 0": a root is not a value to compute with)?"""
        ix = read_index(name) if isinstance(name, sp.Symbol) else None
        if LOCUS_BEFORE.search(self._words_before(item.index, 120) + "$"):
            return False  # "does not meet the plane $v = 0$": which points, no value of v from here on
        if item.block_cue or item.condition_cue or (ix is not None and ix.letter is None and ix.offset == 0):
            return True
        if ix is not None and ix.letter is None and ix.base in self._updated_bases():
            return False  # h^{(1)} = 4 where the document has the update h^{(t+1)} = …: an answer, not a given
        solving = _SOLVING.search(item.block.text)
        # "α = 0.9 ⇒ 1/(1 − α) = 10": before the first ⇒ a value is the premise; after it, a root
        return solving is None or item.stmt.terms[-1].end <= solving.start()

    def _equation_beside(self, item: Item) -> sp.Symbol | None:
        """``s_0 = s_0(1 − α) + s_1β`` and ``s_1 = s_0α + s_1(1 − β)`` in one display ("solves sQ = s, that is …"): a
        row beside one that reads its own left side (an equation, not a definition), each reading the other's name,
        is an equation of the same system — never a definition of its name (a slip in it made every later use of
        s_1 false). The other row's name, or None."""
        stmt = item.stmt
        lhs, rhs = (stmt.terms[0].expr, stmt.terms[1].expr) if len(stmt.terms) > 1 else (None, None)
        if stmt.relations[:1] != ["="] or not isinstance(lhs, sp.Symbol) or rhs is None or lhs in rhs.free_symbols:
            return None
        if self._by_block is None:  # (one pass over the items, not one per item: a long note stays linear)
            self._by_block = {}
            for it in self.items:
                self._by_block.setdefault(id(it.block), []).append(it)
        for other in self._by_block.get(id(item.block), ()):
            if other is item or len(other.stmt.terms) < 2 or other.stmt.relations[:1] != ["="]:
                continue
            name, value = other.stmt.terms[0].expr, other.stmt.terms[1].expr
            if isinstance(name, sp.Symbol) and value is not None and name in value.free_symbols \
                    and lhs in value.free_symbols and name in rhs.free_symbols:
                return name
        return None

    def _posed_by_existence(self, item: Item) -> bool:
        """Does the formula's sentence say some numbers exist that make it true ("on dit que f admet un DL s'il
        existe des réels c_0, …, c_n et une fonction ε telle que … de sorte que pour tout x : $$f(x) = …$$")? It
        then defines a property of f, not f."""
        sentence = re.split(r"[.!?](?:\s|$)|\n\s*\n", self._words_before(item.index, 400))[-1]
        return bool(_EXIST_SUCH_IN.search(sentence))

    def _if_of_if_then(self, item: Item) -> bool:
        """Is the formula the condition of an "if …, then …" ("si $f(x) = c_0 + c_1(x − a) + ⋯$ alors
        $\\lim f(x) = c_0$")? It poses f for that sentence only; it defines no f for the notes after it."""
        return bool(_IF_BEFORE.search(self._sentence_before(item.index))
                    and _THEN_AFTER.match(self._words_after(item.index, 50)))

    def _called_a_line(self, item: Item) -> bool:
        """Do the words around the formula call it a line ("the tangent line at 2 is $y = 4x − 4$", "$y = −x − 1$
        est une asymptote", "касательная $y = …$")? Each such ``y = …`` is a line's equation, its own, no value of y
        that a later line restates."""
        if str(item.stmt.terms[0].expr) not in ("y", "z"):
            return False  # (a line's equation gives y, a plane's z; "line 3 of the algorithm: $w_{t+1} = …$" names)
        before = self._sentence_before(item.index)[-80:]
        if _POINT_BEFORE.search(before):
            return False  # "the tangent line to g at $y = q$": the point it is taken at (:meth:`_at_a_point`)
        return bool(_LINE_BEFORE.search(before) or _LINE_AFTER.match(self._words_after(item.index, 60)))

    def _called_event(self, item: Item) -> bool:
        """Do the words right before the formula call it an event ("the event $I_j = 1$", "событие $X = 1$")?"""
        return bool(_EVENT_WORDS.search(self._sentence_before(item.index)))

    def _updated_bases(self) -> set[str]:
        """Bases the document gives an update rule for anywhere (x^{(t+1)} = …, m_t ← …): their values at a
        fixed step are computed by that rule, so a number written for one is an answer, not a given."""
        if self._updated is None:
            self._updated = set()
            for it in self.items:
                stmt = it.stmt
                if stmt.relations and stmt.relations[0] in DEFINING_RELATIONS and len(stmt.terms) >= 2:
                    lhs, rhs = stmt.terms[0].expr, stmt.terms[1].expr
                    ix = read_index(lhs) if isinstance(lhs, sp.Symbol) else None
                    if ix is not None and ix.letter is not None and rhs is not None and any(
                            (other := read_index(x)) is not None and other.base == ix.base for x in rhs.free_symbols):
                        self._updated.add(ix.base)
        return self._updated

    def _record_derived(self, item: Item) -> None:
        """Keep ``x = A = … = V`` when every link is proved (and the rows of a restated computation): V is a
        value the document established for x — an answer stated earlier is checked against it, and a
        number is used by the worked arithmetic that follows (h^{(1)} = 4 in the second step)."""
        stmt = item.stmt
        name = stmt.terms[0].expr if stmt.terms else None
        if not isinstance(name, sp.Symbol) or not stmt.relations:
            return
        if not all(self.verdicts.get((item.index, k), ("",))[0] == "proved" for k in range(len(stmt.relations))):
            return
        first = item
        while first.index in self._continues:  # a restated row counts when every row before it is proved
            first = self.items[self._continues[first.index]]
            if not all(self.verdicts.get((first.index, k), ("",))[0] == "proved"
                       for k in range(len(first.stmt.relations))):
                return
        if first is item and len(stmt.relations) < 2 \
                and not self.verdicts[(item.index, 0)][1].startswith(condition_chain.SOLVED):
            return  # x = V proved on its own says nothing new about an earlier answer x = V (unless solved for)
        value = self._prepare(stmt.terms[-1].expr, item)
        if value is None or value.has(DOTS):
            return
        self._derived.append((item.index, item.section, name, value))
        if _number(value) and name not in self._examples(item) and not self._worked_from_definition(item, name):
            self.examples.append((item.index, item.section, name, value))

    def _answers_derived_later(self) -> None:
        """An answer stated before its derivation ("$$h^{(1)} = 4$$", then the steps that give it): proved
        when a later chain of the same section establishes the same value for the same name."""
        if not self._derived:
            return
        for item in self.items:
            stmt = item.stmt
            verdict = self.verdicts.get((item.index, 0))
            if verdict is None or verdict[0] != "not-a-claim" or not verdict[1].startswith(_ANSWER_SHAPES):
                continue
            name, value = stmt.terms[0].expr, self._prepare(stmt.terms[1].expr, item)
            if not isinstance(name, sp.Symbol) or value is None or value.has(DOTS):
                continue
            lines = [self.items[index].block.position(self.items[index].stmt.terms[-1].start)[0]
                     for index, section, derived_name, derived in self._derived
                     if index > item.index and section == item.section and derived_name == name
                     and _same_value(value, derived)]
            if lines:
                self.decide(item, 0, "proved", f"the answer, derived on line {lines[-1]}", override=True)

    def _minimizers(self) -> None:
        """``h^* = 3``, ``w^* = Σx_iy_i/(Σx_i² + λ)``, "minimized at ``\\hat θ = …``" read as a given value or a
        naming, where the section defines ``R(h)``: the marked name is the minimizer of the one function of that
        variable in scope, a claim proved when ``R'(h^*) = 0`` and ``R''(h^*) > 0`` (or ``R`` is a quadratic in
        ``h`` whose leading coefficient is a sum of squares: its one stationary point is its minimum). A hat marks
        an optimum only when the words before it say so (a hat is as often an estimate or a prediction). Only ever
        proved: a star may name the optimum of something the checker does not see, so a point that is not
        stationary stays what it was. Scalar objectives only: a quadratic form in matrices is not differentiated."""
        for item in self.items:
            stmt = item.stmt
            if len(stmt.terms) != 2 or stmt.relations[0] != "=":
                continue
            verdict = self.verdicts.get((item.index, 0))
            if verdict is None or verdict[0] != "not-a-claim" or not verdict[1].startswith(_ANSWER_SHAPES):
                continue
            star, value = stmt.terms[0].expr, stmt.terms[1].expr
            if not isinstance(star, sp.Symbol) or value is None:
                continue
            sentence = re.split(r"\n[ \t]*\n|[.!?。](?:\s|$)", self._words_before(item.index, 240))[-1]
            base = _optimum_base(star.name, sentence)
            if base is None:
                continue
            if star.name.endswith("^{*}") and self._starred_optimum(item, base, value):
                continue
            candidates = [fd for fd in self.functions(item).defs.values()
                          if len(fd.params) == 1 and fd.params[0].name == base]
            own = [fd for index, section, fd in self.function_defs  # the section's latest objective first
                   if index < item.index and section == item.section and fd in candidates]
            if own:
                candidates = own[-1:]
            if len(candidates) == 1 and _MATRIX_ALGEBRA.search(_source(item, stmt.terms[1])):
                self._matrix_minimizer(item, candidates[0])
                continue
            if len(candidates) != 1 or (value := self._prepare(value, item)) is None:
                continue
            fd = candidates[0]
            param = fd.params[0]
            if param in value.free_symbols or not value.free_symbols <= fd.body.free_symbols - {param}:
                continue  # the point must be a value in the objective's own parameters (λ, x_i, n)
            if (why := _stationary_minimum(fd.name, fd.body, param, value)) is not None:
                self.decide(item, 0, "proved", f"the minimizer of {fd.name}: {why}", override=True)

    def _gradient_steps(self) -> None:
        r"""``x_{t+1} = x_t − ηλx_t`` read as a definition where the section defines ``f(x) = \frac{λ}{2}x^2``: the
        update is a gradient-descent step on the one function of ``x`` in scope (the rate named), a claim proved
        when the right side is exactly ``x_t − c·f′(x_t)``. Only ever proved: another rule stays a definition."""
        for item in self.items:
            stmt = item.stmt
            verdict = self.verdicts.get((item.index, 0))
            if len(stmt.terms) < 2 or verdict is None or verdict[0] != "not-a-claim" \
                    or not verdict[1].startswith(_DEFINITION_SHAPES):
                continue
            left = stmt.terms[0].expr
            index = read_index(left) if isinstance(left, sp.Symbol) else None
            if index is None or index.letter is None:
                continue
            candidates = [fd for fd in self.functions(item).defs.values()
                          if len(fd.params) == 1 and fd.params[0].name == index.base]
            current = index.at(index.letter, index.offset - 1)
            if len(candidates) != 1 or (right := self._prepare(stmt.terms[1].expr, item)) is None \
                    or current not in right.free_symbols:
                continue
            rate = optima.gradient_step(candidates[0].body, candidates[0].params[0], current, right)
            if rate is not None:
                self.decide(item, 0, "proved", f"a gradient step on {candidates[0].name} with rate "
                            f"{printing.text(rate)}: {printing.text(current)} − {printing.text(rate)}·"
                            f"{candidates[0].name}′({printing.text(current)})", override=True)

    def _starred_optimum(self, item: Item, base: str, value: sp.Expr) -> bool:
        r"""``p^* = E[M]/(2E[η])`` after ``\max_p E[pM − ηp^2]`` in its section: the starred name is the optimizer
        of the nearest optimum over ``p`` before it. Only ever proved (the star is a reading, not a statement)."""
        for earlier in reversed(self.items[:item.index]):
            if earlier.section != item.section:
                break
            opts = [o for t in earlier.stmt.terms if t.expr is not None for o in optima.optima(t.expr)
                    if len(o.variables) == 1 and o.variables[0].name == base]
            if not opts:
                continue
            opt = opts[0]
            if opt.kind in ("min", "max"):
                opt = optima.Optimum(opt.objective, sp.core.symbol.Str("arg" + opt.kind), *opt.args[2:])
            decision = self._closed_optimum(opt, value, item, self._definitions(item))
            if decision.status != "true":
                return False
            line = earlier.block.position(earlier.stmt.terms[0].start)[0]
            self.decide(item, 0, "proved", f"{decision.reason} (the optimum of line {line}, by its star)", override=True)
            return True
        return False

    def _listed_cases(self) -> None:
        """"use $η_k = η$ for the first K steps, then $η_k = ηr$ for the next K, then $η_k = ηr^2$": one paragraph
        gives a name a value per case of a schedule, in inline formulas joined by words of succession (then,
        next, after, otherwise). None restates another: each is a case, not a claim (a refutation of ηr² against
        ηr, or a proof that one is the other times a factor, is about nothing the text says). Words that restate
        ("i.e.", "so", "hence", "equivalently") keep the later one a claim."""
        if self._lines is None or not self.text:
            return
        last: dict[sp.Symbol, Item] = {}
        for item in self.items:
            stmt = item.stmt
            if item.block.display or len(stmt.relations) != 1 or stmt.relations[0] != "=" \
                    or not isinstance(stmt.terms[0].expr, sp.Symbol) or stmt.terms[1].expr is None:
                continue
            name = stmt.terms[0].expr
            before, last[name] = last.get(name), item
            if before is None or before.block is item.block or before.stmt.terms[1].expr == stmt.terms[1].expr:
                continue
            start = self._lines.offset(before.block.line, before.block.col)
            end = self._lines.offset(item.block.line, item.block.col)
            between = self.text[start:end]
            if end - start > 400 or _PARAGRAPH_BREAK.search(between) or _LIST_ITEM.search(between) \
                    or not _SUCCESSION.search(between[-60:]) or _RESTATING.search(between) \
                    or _CONDITIONAL.search(between) or _SENTENCE_END.search(between):
                continue  # (the word of succession leads into this formula; items of a list are statements apart)
            line, _ = before.block.position(before.stmt.terms[0].start)
            self.decide(item, 0, "not-a-claim", f"one of the values its paragraph gives {printing.text(name)} in turn "
                        f"(line {line}: another case, not a restatement)", override=True)
            at = _place(item, stmt.terms[1].start)
            self.findings = [f for f in self.findings if not (
                f.code in ("math/false", "math/undecided", "math/new-scheme") and (f.line, f.col) == at)]

    def _earlier_sections(self) -> None:
        """``x_{k+1} − x^* = x_k − [f''(x_k)]^{-1}f'(x_k) − x^*`` under "## Convergence", after Newton's rule named
        ``x_{k+1}`` under the heading before: namings hold in their own section only (another section may start
        another method with the same letters), so the link was left open. A reader carries the rule over; so
        does this pass, to prove only: a link left undecided, or a claim in unknown functions, is proved when it
        holds with the latest naming of an earlier section put in for each name its own section leaves
        undefined. Nothing is refuted this way (the earlier method may not be the one meant)."""
        if not self.namings:
            return
        latest: dict[sp.Symbol, list[tuple[int, int, sp.Expr]]] = {}
        for index, section, name, value in self.namings:
            latest.setdefault(name, []).append((index, section, value))
        for item in self.items:
            open_links = [k for k, relation in enumerate(item.stmt.relations) if relation == "="
                          and _reopened(self.verdicts.get((item.index, k)))]
            if not open_links:
                continue
            definitions = self._definitions(item)
            carried: dict[sp.Symbol, sp.Expr] = {}
            lines: list[int] = []
            for name in sorted({x for t in item.stmt.terms if t.expr is not None for x in t.expr.free_symbols
                                if x in latest and x not in definitions}, key=str):
                before = [(index, value) for index, section, value in latest[name]
                          if index < item.index and section != item.section]
                if before:
                    carried[name] = before[-1][1]
                    lines.append(self._line_of(before[-1][0]))
            if not carried:
                continue
            merged = {**carried, **{name: definitions[name] for name in definitions}}
            where = ", ".join(str(line) for line in sorted(set(lines)))
            put_in = f"with the naming{'s' if len(lines) > 1 else ''} of line{'s' if ',' in where else ''} {where} " \
                "(an earlier section) put in"
            for k in open_links:
                left, right = item.stmt.terms[k], item.stmt.terms[k + 1]
                at = _place(item, right.start)
                why = self._holds_whatever(item, left, right, merged)
                if why is not None:
                    self.decide(item, k, "proved", f"{put_in}, {why}", override=True)
                    self.findings = [f for f in self.findings if not (
                        f.code in ("math/undecided", "math/shape-claim", "math/false") and (f.line, f.col) == at)]
                elif self.verdicts[(item.index, k)][0] == "false" \
                        and (spreads := self._spreads_positive(item, left, right, merged)) is not None:
                    # T = (X̄ − μ)/(V/√n) = Z/√(U/(n − 1)): with X̄ = σZ̄ + μ carried over it holds for V, σ > 0
                    self.findings = [f for f in self.findings if not (f.code == "math/false" and (f.line, f.col) == at)]
                    self.report(item, right.start, "info", "math/undecided", f"not decided: {put_in}, {spreads}")
                    self.decide(item, k, "undecided", f"{put_in}, {spreads}", override=True)

    def _restated_definitions(self) -> None:
        """A definition that restates one given earlier in the document (in any section, as a naming or
        a row of a system) is a claim that holds: "we recall that m_t = β₁m_{t−1} + (1 − β₁)g_t", or the
        same rule rewritten (``s_t ← s_{t−1} + (1 − β₂)(g_t² − s_{t−1})`` after ``s_t ← β₂s_{t−1} + …``);
        so is a value restated ("we know from part 1 that h* = −1").

        A restatement that differs may be a new scheme (another method under a new heading), so it stays a
        definition — unless the prose says it follows ("this can be rewritten as", "hence") and it restates,
        in symbols the earlier definition already reads, a definition of its own section with no other
        method announced between: then it is a slip, reported as false.
        """
        earlier: dict[sp.Symbol, list[tuple[int, int, sp.Expr]]] = {}
        for index, section, name, value in self.namings:
            earlier.setdefault(name, []).append((index, section, value))
        for scope in self.systems:
            for name, row in scope.rows.items():
                if name in scope.definitions:
                    earlier.setdefault(name, []).append((row.index, scope.section, scope.definitions[name]))
        for item in self.items:  # ∂E/∂w = A proved from E's definition: a later "∂E/∂w = A" restates it
            lhs = item.stmt.terms[0].expr if item.stmt.terms else None
            if self.verdicts.get((item.index, 0), ("",))[0] == "proved" and isinstance(lhs, sp.Symbol) \
                    and calculus.derivative_parts(lhs.name) is not None and item.stmt.terms[1].expr is not None:
                proved = self._prepare(item.stmt.terms[1].expr, item)
                if proved is not None:
                    earlier.setdefault(lhs, []).append((item.index, item.section, proved))
        values: dict[sp.Expr, list[tuple[int, sp.Expr]]] = {}
        for index, _, name, value in self.examples:
            values.setdefault(name, []).append((index, value))
        for item in self.items:
            verdict = self.verdicts.get((item.index, 0))
            if verdict is None or verdict[0] != "not-a-claim" \
                    or not verdict[1].startswith(_DEFINITION_SHAPES + _VALUE_SHAPES):
                continue
            stmt = item.stmt
            name = stmt.terms[0].expr
            if not isinstance(name, sp.Symbol) or stmt.terms[1].expr is None or _word_label(name):
                continue
            value = self._prepare(stmt.terms[1].expr, item)
            if value is None or value.has(DOTS):
                continue
            if not value.free_symbols:
                given = [index for index, old in values.get(name, []) if index < item.index and _same_value(value, old)
                         and self.items[index].section == item.section]  # ("x = 0" said of features sections before)
                # "sick (y = 1) or healthy (y = 0)", then "the label y = 1": a name given several values is a variable
                # that takes them in turn; naming one of them again restates nothing
                other = [old for index, old in values.get(name, []) if index < item.index and not _same_value(value, old)]
                if given and len(stmt.relations) == 1 and not other:
                    self.decide(item, 0, "proved", f"restates the value given on line {self._line_of(given[-1])}",
                                override=True)
                continue
            before = sorted((entry for entry in earlier.get(name, []) if entry[0] < item.index
                             and not entry[2].has(DOTS)), key=lambda entry: entry[0])
            if not before:
                continue
            verdicts = [(index, section, old, compare(value, old, seconds=LINK_SECONDS / 2))
                        for index, section, old in reversed(before)]
            agreeing = [index for index, _, old, verdict in verdicts if value == old or (
                verdict.status == "true" or _same_value(value, old))
                and not _summand_hides_index(value) and not _summand_hides_index(old)]
            if agreeing:
                self.decide(item, 0, "proved", f"restates the definition on line {self._line_of(agreeing[0])}",
                            override=True)
                continue
            index, section, old, verdict = verdicts[0]
            if item.claim_cue and section == item.section and verdict.status == "false" \
                    and value.free_symbols <= old.free_symbols | {name} and not self._scheme_between(item, name) \
                    and not _NEW_EXAMPLE.search(self._text_between(self.items[index], item)):
                # (not after "\item Let X ~ N(0, 1) and Y = X²": each item of a list of examples sets up its own)
                written = (_source(item, stmt.terms[0]), _source(item, stmt.terms[1]))
                self.report(item, stmt.terms[1].start, "error", "math/false",
                            f"restates the definition on line {self._line_of(index)} differently: "
                            + _false_message(written, old, value, verdict, {}))
                self.decide(item, 0, "false", f"differs from the definition on line {self._line_of(index)}",
                            override=True)

    def _later_forms(self) -> None:
        """``π = TR − TC = P_1Q_1 + P_2Q_2 − TC = … = −5Q_1² + 40Q_1 − …``, then ``π = −5Q_1² + 40Q_1 − … = 95``: a
        name restated as a later form of the chain that named it is the chain's own claim, not a new one. So is a
        link that holds once the name is given a later form of its chain (``s² = (1/n)Σ(X_k − X̄)² = ((n−1)/n)σ²``,
        then ``σ²/n = s²/(n−1)``; a chain may name a power of a letter, ``s²``). Refuted against the first form
        only, the link is re-read: proved when every link of the chain up to that form is, else undecided with the
        first link that is not (where a slip or a reading would sit), never false here."""
        named = {index: name for index, _section, name, _value in self.namings}
        # (a power is never a naming of its own: ``s² = ((n − 1)/n)σ²`` alone gives s² its one form here)
        chains = [(chain, named.get(chain.index) or chain.stmt.terms[0].expr) for chain in self.items
                  if set(chain.stmt.relations) == {"="} and _chain_name(chain.stmt.terms[0].expr)
                  and (len(chain.stmt.terms) >= 3 and chain.index in named
                       or not isinstance(chain.stmt.terms[0].expr, sp.Symbol)
                       and self.verdicts.get((chain.index, 0), ("",))[0] == "not-a-claim")]
        if not chains:
            return
        for item in self.items:
            for k in range(len(item.stmt.relations)):
                if self.verdicts.get((item.index, k), ("",))[0] == "false":
                    self._in_a_later_form(item, k, chains)

    def _in_a_later_form(self, item: Item, k: int, chains: list[tuple[Item, sp.Expr]]) -> None:
        """Re-read false link ``k`` of ``item`` with a name given each later form of the latest chain that names
        it (:meth:`_later_forms`)."""
        left, right = item.stmt.terms[k].expr, item.stmt.terms[k + 1].expr
        if left is None or right is None:
            return
        sides = (self._prepare(left, item), self._prepare(right, item))
        if sides[0] is None or sides[1] is None:
            return
        for chain, name in sorted(chains, key=lambda c: -c[0].index):
            if chain.index >= item.index or chain.section != item.section \
                    or not any(side.has(name) for side in sides):  # type: ignore[union-attr]
                continue
            first = 2 if isinstance(name, sp.Symbol) else 1  # (a letter's first form is its value already)
            for j in range(len(chain.stmt.terms) - 1, first - 1, -1):
                form = chain.stmt.terms[j].expr
                form = self._prepare(form, chain) if form is not None else None
                if form is None or form.has(name):
                    continue
                try:
                    put = [side.subs(name, form) for side in sides]  # type: ignore[union-attr]
                except (TypeError, ValueError, AttributeError):
                    continue
                if any(p.has(name) for p in put) \
                        or compare(put[0], put[1], seconds=LINK_SECONDS / 2).status != "true":
                    continue
                self._restates_chain(item, k, chain, j, name, restated=k == 0 and left == name)
                return
            return  # the latest chain that names it decides

    def _restates_chain(self, item: Item, k: int, chain: Item, j: int, name: sp.Expr, *, restated: bool) -> None:
        line = chain.block.position(chain.stmt.terms[j].start)[0]
        gap = next((i for i in range(1, j) if self.verdicts.get((chain.index, i), ("",))[0] != "proved"), None)
        at = _place(item, item.stmt.terms[k + 1].start)
        self.findings = [f for f in self.findings if not (f.code == "math/false" and (f.line, f.col) == at)]
        what = printing.text(name)
        if gap is None:
            why = (f"restates the chain that names {what} (line {line}) in its later form" if restated
                   else f"holds with {what} as defined on line {line}" if j == 1
                   else f"holds with {what} in the later form its chain gives (line {line})")
            self.decide(item, k, "proved", why, override=True)
            return
        where = chain.block.position(chain.stmt.terms[gap + 1].start)[0]  # (where link ``gap`` is placed)
        why = (f"the later form (line {line}) of the chain that names {what}" if restated
               else f"holds with {what} in the later form its chain gives (line {line})")
        why += f"; the chain's link on line {where} is not proved, so neither is this"
        self.report(item, item.stmt.terms[k + 1].start, "info", "math/undecided", f"not decided: {why}")
        self.decide(item, k, "undecided", why, override=True)

    def _at_another_step(self, item: Item, left: Term, right: Term,
                         definitions: dict[sp.Symbol, sp.Expr]) -> tuple[Term, Term, str, tuple[str, str]] | None:
        """``v_k = …`` where the recurrence in scope is written at ``t`` (``v_t = βv_{t−1} + …``) and ``k`` is nothing
        else in the document: the rule at a step the text calls ``k``. The link is read with ``k`` renamed ``t``
        (every name at a step ``k + j`` and ``k`` itself), so it is checked like the same claim written at ``t``."""
        if not isinstance(left.expr, sp.Symbol) or right.expr is None:
            return None
        ix = read_index(left.expr)
        recurrences = Recurrences(definitions.stepped(), self._examples(item))
        rule = recurrences.by_base.get(ix.base) if ix is not None else None
        if rule is None or ix.letter is None or ix.letter == rule.lhs.letter or rule.lhs.letter is None:
            return None
        other, own = ix.letter, rule.lhs.letter
        names = left.expr.free_symbols | right.expr.free_symbols
        if any(x.name == own for x in names if isinstance(x, sp.Symbol)):
            return None  # both letters in one link: a relation between two steps, not the rule renamed
        if any(x.name == other for x in (*definitions, *self._examples(item)) if isinstance(x, sp.Symbol)):
            return None  # k has a value or a definition of its own
        # m_T = (1 − β)Σ_{t=1}^{T} β^{T−t}g_t: the sum counts with the rule's own letter; it is renamed first
        left, right = (dataclasses.replace(term, expr=_bound_renamed(term.expr, own, names))
                       for term in (left, right))
        names = left.expr.free_symbols | right.expr.free_symbols
        mapping: dict[sp.Basic, sp.Basic] = {}
        for x in names:
            if not isinstance(x, sp.Symbol):
                continue
            if x.name == other:
                mapping[x] = S.symbol(own)
            elif (at := read_index(x)) is not None and at.letter == other:
                mapping[x] = at.at(own, at.offset)
        renamed = (dataclasses.replace(left, expr=left.expr.xreplace(mapping)),
                   dataclasses.replace(right, expr=right.expr.xreplace(mapping)))
        return (renamed[0], renamed[1], f"the rule of {printing.text(rule.lhs.at(own, 0))} at a step called {other}",
                (own, other))

    @staticmethod
    def _reads_of(definitions: Mapping[sp.Symbol, sp.Expr],
                  defined: frozenset[str] = frozenset()) -> Callable[[str], frozenset[str] | None]:
        """For a name as the chain rule reads it: the names its definition reads, through every definition in
        scope (None when the name is not defined, or its definitions go round). A function the notes never define
        (σ in ``h = σ(z)``) reads only its arguments; one they define (``defined``) may read more through its
        body, so a name applying it is left unread."""
        by_name = {str(x): x for x in definitions if isinstance(x, sp.Symbol)}

        def reads(name: str, depth: int = 0) -> frozenset[str] | None:
            sym = by_name.get(name)
            if sym is None or depth > len(by_name):
                return None
            try:
                value = substitute(definitions[sym], dict(definitions))
            except CircularDefinition:
                return None
            if any(type(call).__name__.rstrip("'") in defined for call in value.atoms(AppliedUndef)) \
                    or value.has(sp.Indexed, sp.Sum, sp.Integral, sp.Derivative):
                return None  # w_{ij} under a sum, a function with a body of its own: what it reads is not in sight
            found: set[str] = set()
            for x in value.free_symbols:
                if isinstance(x, sp.Symbol) and "(" in x.name:  # σ(d + h v) kept as one name: its arguments
                    args = chain_rule.call_arguments(x.name, defined)
                    if args is None:
                        return None
                    for arg in args:
                        inner = reads(arg, depth + 1) if arg in by_name else frozenset({arg})
                        if inner is None:
                            return None
                        found |= inner | {arg}
                elif isinstance(x, sp.Symbol) and "\\" in x.name and not x.name.startswith("\\"):
                    return None  # a name with a macro inside: what it reads is not all in sight
                else:
                    found.add(str(x))
            return frozenset(found)
        return reads

    @staticmethod
    def _definition_text(name: str, definitions: Mapping[sp.Symbol, sp.Expr]) -> str:
        """`` (its definition: …)`` for a name defined in scope, as printed for a reader."""
        value = next((v for x, v in definitions.items() if str(x) == name), None)
        return "" if value is None else f" (its definition: {printing.text(value)})"

    def _condition_given_as_value(self, item: Item) -> bool:
        """Is the condition of ``item``'s sentence a value given to a name, already substituted ("当 $β_1 = 0.9$
        时，$v_1 = 0.1 g_1$", "when $\\beta = 0.9$, …")? Then the claim was checked under it, not without it."""
        return bool(self._sentence_values(item))

    def _sentence_values(self, item: Item) -> dict[sp.Symbol, sp.Expr]:
        """The values given in ``item``'s sentence just before it ("$λ = 0$ makes $\\hat β_λ = \\hat β_{OLS}$", "when
        $β = 0.9$, …", or above its list): the condition the claim is stated under."""
        if self._lines is None or not self.text:
            return {}
        start = self._lines.offset(item.block.line, item.block.col)
        found: dict[sp.Symbol, sp.Expr] = {}
        for index, _section, name, value in self.examples:
            given = self.items[index]
            if index >= item.index or given.block is item.block:
                continue
            end = self._lines.offset(given.block.line, given.block.col) + len(given.block.text)
            between = self.text[end:start]
            if 0 <= start - end and not re.search(r"[.!?。！？]\s|\n[ \t]*\n", between) \
                    and (start - end <= 80 or _LIST_ITEMS_ONLY.fullmatch(between)):
                found[name] = value  # the value is given in the same sentence just before the claim
        return found

    def _worded_point(self, item: Item, letters: set[sp.Basic]) -> tuple[dict[sp.Symbol, sp.Expr], str] | None:
        """"thus when t = 0, N = 0. Then we can get …": a letter set to a number in the words just before ``item``,
        typed without math markup, after "when", "at", "if" — the point a formula of the display is taken at. The
        values for ``letters`` and how they read; None when the words give none."""
        words = _MATH_SPAN.sub(" ", self._words_before(item.index, 240))
        found: dict[sp.Symbol, sp.Expr] = {}
        said = []
        for match in _WORDED_POINT.finditer(words):
            x = next((y for y in letters if isinstance(y, sp.Symbol) and y.name == match.group(1)), None)
            if x is not None and x not in found:
                found[x] = sp.Rational(match.group(2))
                said.append(f"{match.group(1)} = {match.group(2)}")
        return (found, ", ".join(said)) if found else None

    def _line_of(self, index: int) -> int:
        """The line of an item's first right side (where a definition's value is written)."""
        other = self.items[index]
        return other.block.position(other.stmt.terms[min(1, len(other.stmt.terms) - 1)].start)[0]

    def _worked_at_values(self, item: Item, left: Term, right: Term) -> bool:
        """``1 − β^{10} ≈ 0.651`` in "with β = 0.9 an average keeps …": the sentence's condition is a value given just
        before, no side is a bare name, one is written as a decimal, and both are numbers once the values given are
        put in — worked arithmetic under the condition that gave the value (``β = 0.9`` itself, or a name set anew, is
        never read this way)."""
        if left.expr is None or right.expr is None or isinstance(left.expr, sp.Symbol) or isinstance(right.expr, sp.Symbol):
            return False
        from .arithmetic import tolerance

        if not any(tolerance(_source(item, t)) is not None for t in (left, right)) \
                or not self._condition_given_as_value(item):
            return False  # "imagine that ‖∇f(w)‖ = 0.1" (w = 6 given sentences before): the condition is this link
        examples = self._examples(item)
        sides = [self._prepare(t.expr, item) for t in (left, right)]
        return all(v is not None and v.free_symbols <= set(examples) and _number(v.xreplace(examples)) for v in sides)

    def _named_value(self, item: Item, k: int, left: Term, right: Term, definitions: Mapping[sp.Symbol, sp.Expr],
                     stated: bool = False) -> bool:
        """``η* = 2/(5 + 1)`` after ``η* = 2/(λ_min + λ_max)`` and the example values ``λ_min = 1``, ``λ_max = 5``: the
        name's definition at the values given, a claim. Only a proof is taken (the values may be another example's),
        unless the prose ``stated`` the value as a result ("we get z = 2"): then a wrong value is an error. True when
        decided here."""
        name, shown = left.expr, right.expr
        if not isinstance(name, sp.Symbol) or shown is None or name not in definitions:
            return False
        value = self._prepare(shown, item)
        if value is None or value.free_symbols:
            return False
        examples = self._examples(item)
        try:
            defined = substitute(definitions[name], definitions)
        except CircularDefinition:
            return False
        if not defined.free_symbols or not defined.free_symbols <= set(examples):
            return False
        at = defined.xreplace({x: examples[x] for x in defined.free_symbols})
        status, at = _compare_values(at, value)
        if status != "true" and not (stated and status == "false" and (at.is_number or isinstance(at, Coords))):
            return False
        given = ", ".join(f"{printing.text(x)} = {_value_text(examples[x])}"
                          for x in sorted(defined.free_symbols, key=str))
        where = f"the definition of {printing.text(name)} with the values given ({given})"
        if status == "true":
            self.decide(item, k, "proved", where)
            return True
        wrong = f"{where} gives {_value_text(at) if isinstance(at, Coords) else _exact(at)}, not {_source(item, right)}"
        # what follows computes with the value it should have had (one slip, one error)
        self.examples[:] = [(i, sec, x, at if (i, x) == (item.index, name) else v) for i, sec, x, v in self.examples]
        self.report(item, right.start, "error", "math/false", f"false worked value: {wrong}")
        self.decide(item, k, "false", wrong)
        return True

    def _examples(self, item: Item, own_section: bool = False) -> dict[sp.Symbol, sp.Expr]:
        """Numbers given to names before ``item`` ("Suppose α = 1/4", "x^{(0)} = 1"), the latest for each name:
        in its section, or earlier in the document when its section gives none (a problem statement's values
        hold in its solution, whatever headings the solution has); ``own_section``: its section's only. Never
        from before the start of another exercise (:meth:`_after_new_exercise`): each poses its own values."""
        here = {name: (index, value) for index, section, name, value in self.examples
                if section == item.section and index < item.index and not self._after_new_exercise(index, item)}
        earlier = {} if own_section else {name: (index, value) for index, section, name, value in self.examples
                                          if section != item.section and index < item.index
                                          and not self._after_new_exercise(index, item)
                                          and not self._names_a_point(index)
                                          and self._chapter(section) == self._chapter(item.section)}
        return {name: value for name, (index, value) in {**earlier, **here}.items()
                if index not in self._rival_values and not self._computed_anew(name, index, item.index)
                and not (self._in_list_item(index) and self.items[index].block is not item.block
                         and self.verdicts.get((index, 0), ("", ""))[1].startswith("condition (the prose"))}
        # ("- If $γ = 0$: only the newest gradient is kept": a case a list item poses, no value γ keeps after it)

    @functools.cached_property
    def _rival_values(self) -> frozenset[int]:
        """The value statements whose name the same paragraph gives another value too: "the coin may be loaded
        ($p = 0.2$), the owner says it is fair ($p = 0.5$)". Two hypotheses to weigh, and p the variable they
        differ in: neither is a value the links after them may compute with."""
        if self._lines is None or not self.text:
            return frozenset()
        out: set[int] = set()
        latest: dict[sp.Symbol, tuple[int, sp.Expr, int]] = {}
        for index, _section, name, value in self.examples:
            block = self.items[index].block
            start = self._lines.offset(block.line, block.col)
            if (before := latest.get(name)) is not None and before[1] != value \
                    and not re.search(r"\n[ \t]*\n", self.text[before[2]:start]):
                out.update((before[0], index))
            latest[name] = (index, value, start)
        return frozenset(out)

    @functools.cached_property
    def _chapters(self) -> frozenset[int]:
        """The top headings that cut the notes into chapters: two or more, each with headings under it; else none."""
        tops = [k for k in range(1, len(self._levels) + 1) if k not in self._parent]
        under = {self._lineage(k)[-1] for k in range(1, len(self._levels) + 1) if k in self._parent}
        return frozenset(tops) if len(tops) >= 2 and set(tops) <= under else frozenset()

    def _chapter(self, section: int) -> int | None:
        """The outermost heading above ``section`` when the notes are cut into chapters (:attr:`_chapters`:
        "Homework 3", "Homework 4"); None otherwise. A value given in one chapter is not an example value in the
        next, which poses its own (a sample mean of other data)."""
        top = self._lineage(section)[-1] if section else None
        return top if top in self._chapters else None

    def _in_list_item(self, index: int) -> bool:
        """Does item ``index`` stand in a list item's line ("- If $γ = 0$: …", "2. when $x = 1$")?"""
        return bool(re.search(r"(?:^|\n)[ \t]*(?:[-*+]|\d+[.)])[ \t]+[^\n]*$", self._words_before(index, 200)))

    def _points_named(self, item: Item) -> set[sp.Symbol]:
        """The names whose latest value before ``item`` names a point (:meth:`_names_a_point`, "at $x = 0$")."""
        latest: dict[sp.Symbol, int] = {}
        for index, _section, name, _value in self.examples:
            if index < item.index:
                latest[name] = max(index, latest.get(name, -1))
        return {name for name, index in latest.items() if self._names_a_point(index)}

    def _points_in_paragraph(self, item: Item) -> set[sp.Symbol]:
        """The points named (:meth:`_points_named`) in ``item``'s own paragraph, no blank line between."""
        if self._lines is None or not self.text:
            return set()
        here = self._lines.offset(item.block.line, item.block.col)
        out = set()
        for index, _section, name, _value in self.examples:
            if index < item.index and self._names_a_point(index):
                named = self.items[index].block
                start = self._lines.offset(named.line, named.col)
                if start <= here and not re.search(r"\n[ \t]*\n", self.text[start:here]):
                    out.add(name)
        return out

    def _names_a_point(self, index: int) -> bool:
        """Does the value statement ``index`` gives name a point something happens at ("a discontinuity at $t = 1$",
        "the series around $s = 1$")? Such a value is its section's, and no later section computes with it (a
        number there is still an example value in its own section: :meth:`_at_a_point` is about letters)."""
        return bool(_AT_A_POINT.search(self._words_before(index, 40))
                    or _POINT_AFTER.match(self._words_after(index, 12)))  # "$x=0$处": at x = 0

    @functools.cached_property
    def _integer_letters(self) -> frozenset[str]:
        """The letters the notes say are integers (:data:`_INTEGER_LETTER`: "for every integer $n$", "$k \\in
        \\mathbb{Z}$", "$n = 1, 2, \\dots$"), by name."""
        return frozenset(next(g for g in m.groups() if g) for m in _INTEGER_LETTER.finditer(self.text or ""))

    @functools.cached_property
    def _exercise_starts(self) -> list[int]:
        """Offsets in the text where a new exercise or example starts, by its words (:data:`_NEW_EXERCISE`) or its
        LaTeX markup (:data:`_EXERCISE_MARKUP`), in order."""
        text = self.text or ""
        return sorted(m.start() for pattern in (_NEW_EXERCISE, _EXERCISE_MARKUP) for m in pattern.finditer(text))

    def _after_new_exercise(self, index: int, item: Item) -> bool:
        """Does a new exercise or example start between statement ``index`` and ``item`` ("**Exercise 2.**",
        "Soluzione dell'esercizio 3")? Then what statement ``index`` gave belongs to the one before."""
        if self._lines is None or not self._exercise_starts or index < 0:
            return False
        given = self._lines.offset(self.items[index].block.line, self.items[index].block.col)
        here = self._lines.offset(item.block.line, item.block.col)
        k = bisect.bisect_right(self._exercise_starts, given)
        return k < len(self._exercise_starts) and self._exercise_starts[k] < here

    def _plain_differentials(self, left: str, right: str) -> bool:
        """``d{f(x)} = f′(x)\\,dx``: a plain d applied to a brace group or a call on one side, a plain d before a
        name on the other, in notes that never write d as a quantity of its own (``$d$``, "lengths $d$, $A$": there
        ``d(A + B) = dA + 2dB`` is a product, checked)."""
        sides = [_LEIBNIZ.sub(" ", side) for side in (left, right)]
        if not all(_PLAIN_DIFFERENTIAL.search(side) for side in sides) \
                or not any(_DIFFERENTIAL_OF.search(side) for side in sides):
            return False
        return not re.search(r"\$\s*d\s*\$|\$\s*d\s*[,=<>]|\\mathbb\{R\}\^\{?d\b", self.text or "")

    def _stated_for(self, item: Item, words: re.Pattern[str]) -> bool:
        """Do the notes state the fact ``words`` name (independence, stationarity) for ``item``: in its own sentence,
        or before it in its section other than as a case ("when X and Y are independent, Cov(X, Y) = 0" is one
        case, not an assumption every later claim makes — with it, ``Cov(X + a, Y + b) = 7Cov(X, Y)`` was proved)."""
        if words.search(self._sentence_before(item.index) + " " + self._words_after(item.index, 120)):
            return True
        section = self.section_words(item)
        return any(not _CASE_CLAUSE.search(section[max(0, m.start() - 80):m.start()].rsplit(".", 1)[-1])
                   for m in words.finditer(section))

    def _not_rebound(self, item: Item, given: dict[sp.Symbol, sp.Expr]) -> dict[sp.Symbol, sp.Expr]:
        r"""``given`` without the values another section gave to names that ``item``'s section has since made the
        variables of a function (``f(x, y) = \sin(xy)`` under "Hessians" after "y = 0 at the kink" under "Kinks"):
        a claim about ∂f/∂x is about every x and y there, and the old example's values prove nothing of it."""
        params = {p for index, section, fd in self.function_defs
                  if section == item.section and index < item.index for p in fd.params}
        if not params or not given:
            return given
        here = self._examples(item, own_section=True)
        return {x: v for x, v in given.items() if x not in params or x in here}

    def _computed_anew(self, name: sp.Symbol, given: int, until: int) -> bool:
        """Is a power of ``name`` (``σ^2``, ``√σ``) worked out afresh from numbers after the value given at ``given``, up to
        and including the item ``until`` (when that is in another block)? Then the notes compute a new example
        ("σ² = … = 1" for rescaled data), and the old value of σ holds neither there nor for the claims after."""
        from .arithmetic import written_with_numbers

        block = self.items[given].block
        for other in self.items[given + 1 : until + 1]:
            if other.index == until and other.block is block:
                break  # σ = 2√2, σ² = 8 in one display: the same example, checked against its value
            terms = other.stmt.terms
            first = terms[0].expr if terms else None
            if len(terms) > 1 and (first == name or isinstance(first, sp.Pow) and first.base == name) \
                    and written_with_numbers(text := _source(other, terms[1])) and not _ONE_NUMBER.fullmatch(text):
                return True  # σ² = ⅕(1 + 0.25 + …), w_1 = 0 + 0.1·4: worked anew from numbers, not β² = 0.81 checked
            if len(terms) > 2 and first == name and other.section != self.items[given].section \
                    and written_with_numbers(_source(other, terms[-1])):
                return True  # s = (1/n)Σ(y_i − m)² = 9 under "Sample B": s worked out anew, its old 2.25 gone
        return False

    def _sum_of_values(self, item: Item, k: int, left: Term, right: Term) -> bool:
        """``Σ_{i=1}^{3}(x_i − x̄)^2 = 1 + 0 + 1`` once x_1, x_2, x_3 and x̄ have values: the sum written out term by
        term is arithmetic in those values."""
        sides = []
        examples = self._examples(item)
        for term in (left, right):
            expr = term.expr
            if expr is not None and expr.has(sp.Sum):
                expr = finite_sums.expand(expr, frozenset(x.name for x in examples))
                if expr.has(sp.Sum) or not expr.free_symbols <= set(examples):
                    return False
            sides.append(dataclasses.replace(term, expr=expr))
        if (sides[0].expr, sides[1].expr) == (left.expr, right.expr):
            return False
        return self._arithmetic(item, k, sides[0], sides[1])

    def _arithmetic(self, item: Item, k: int, left: Term, right: Term,
                    premises: Mapping[sp.Symbol, sp.Expr] | None = None) -> bool:
        """Decide a link between numbers (worked arithmetic, a defined function at a point); False if the
        link is not arithmetic. ``premises`` are values given before a ⇒ of the same statement."""
        from .arithmetic import PLAIN_FUNCTION, decide as decide_numbers, tolerance, written_with_numbers
        from .decimal_comma import as_points

        if item.stmt.relations[k] == "approx" and _ORDER_OF.search(item.block.text[left.end:right.start]):
            # q ∼ 10³ ∼ 10⁵: sizes "on the order of", or a distribution; never a value worked out to its digits
            law = stated_laws.names_a_law(_source(item, right))
            self.decide(item, k, "not-a-claim", "a law (∼ says how it is distributed), no value" if law
                        else "approximation (∼ states an order of magnitude, not a value)")
            return True
        texts = (_source(item, left), _source(item, right))
        if item.block in self.decimal_commas:  # 1 − 0,0064: the digits the rounding rules read are 0.0064's
            texts = (as_points(texts[0]), as_points(texts[1]))
        texts = (_BRACED_COMMA.sub(".", texts[0]), _BRACED_COMMA.sub(".", texts[1]))  # 0{,}03226: TeX's own comma
        if any(_ELIDED_TERMS.search(t) for t in texts) \
                and all(written_with_numbers(_ELIDED_TERMS.sub("+", t).strip("+ ")) for t in texts):
            why = "an ellipsis stands for terms not written: the numbers cannot be added up"
            self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            self.decide(item, k, "undecided", why)  # ¼[(−40) + (−20) + …] = −50: the mean of four, two written
            return True
        if len(item.stmt.terms) == 2 and item.stmt.relations[k] == "=" and all(_BARE_NUMBER.fullmatch(t) for t in texts) \
                and left.expr is not None and right.expr is not None and left.expr.is_number and right.expr.is_number \
                and left.expr != right.expr:
            # "0 = −1" as the last row of an elimination, "the statement 0 = −1 is false": no computation writes two
            # different bare integers as its whole claim; a chain that ends so (2 + 3 = 5 = 6) is still checked
            self.decide(item, k, "not-a-claim", "two different integers set equal on their own: a contradiction the "
                                                "argument reaches, not a computation")
            return True
        raws, points = _at_points(self, item, (left.expr, right.expr))
        if not points and any(r is not None and r.has(Coords) for r in raws):
            raws = tuple(reduce_coords(r, lambda _: True) for r in raws)  # 0.0478 × [0.8808, 0.9084]: a tuple
        if all(type(r) is Coords for r in raws):  # a + b = (4, 6), [0.88 × 0.12, …] ≈ [0.105, …]: entry by entry
            return self._tuple_arithmetic(item, k, right, raws, texts, points)
        a, b = self._prepare(raws[0], item), self._prepare(raws[1], item)
        if a is None or b is None:
            return False
        if any(x.has(Coords) for x in (a, b)):  # ‖∇f(1, 1)‖ once the gradient of the f defined is taken: (3, 5)
            a, b = (reduce_coords(x, lambda _: True) for x in (a, b))
            if type(a) is Coords or type(b) is Coords:
                return False
        sides = []
        for raw, value, text in ((left.expr, a, texts[0]), (right.expr, b, texts[1])):
            if value.has(DOTS) and written_with_numbers(text):
                value = value.xreplace({DOTS: 1})  # 0.333\dots read as 0.333·(…): the digits shown
            numbers = written_with_numbers(text)
            called = any(type(c).__name__.rstrip("'") in self.functions(item).defs
                         or type(c).__name__.startswith(GRADIENT_PREFIX) for c in raw.atoms(AppliedUndef))
            sides.append((value, numbers, called))
        free = set().union(*(v.free_symbols for v, _, _ in sides))
        used: dict[sp.Symbol, sp.Expr] = {}
        general: tuple[sp.Expr, sp.Expr] | None = None  # the sides before the example's values are put in
        defined = ""  # names worked out from their definitions at the values given
        if free:
            if item.stmt.relations[k] == "approx" and not any(tolerance(t) is not None for t in texts):
                return False  # 1 − β^t ≈ 1 "for large t": asymptotics, not the worked example's numbers (≈ 0.651 is)
            far = self._points_named(item) - self._points_in_paragraph(item)  # (the origin named paragraphs before)
            far |= self._solved_here(item)  # (y + 2y = 3 ⟹ 3y = 3 ⟹ y = 1: y is the unknown, not a value tried before)
            examples = {**{x: v for x, v in self._examples(item).items() if x not in far}, **(premises or {})}
            if isinstance(left.expr, sp.Symbol) and read_index(left.expr) is None and not b.free_symbols \
                    and _plain_name(left.expr) and left.expr in examples and examples[left.expr].is_number \
                    and not premises:
                # "Newton's method has order q = 2 … the secant method only q ≈ 1.618": a plain name given another
                # number is a new value (another method, another example), not arithmetic on the first one
                return False
            euler = [x for x in free if x.name == "e" and x not in examples and x not in self._definitions(item)
                     and not self.e_name]
            if euler:  # 2(0 + 1)e^{(0+1)^2} = 2e: a bare e that nothing names is Euler's number
                examples[euler[0]] = sp.E
            if not free <= set(examples) and (through := self._through_definitions(item, free, examples)):
                # (y − t)² = (8 − 8)² with y = w·x defined and w, x, t given: y is worked out from its definition
                sides = [(v.xreplace(through), n, c) for v, n, c in sides]
                defined = ", ".join(sorted(printing.text(x) for x in through))
                free = set().union(*(v.free_symbols for v, _, _ in sides))
            # a side written with digits, or a defined function at a number (f'(−1)): the author computes
            if not free <= set(examples) or not any(numbers or (called and not value.free_symbols)
                                                   for value, numbers, called in sides):
                return False
            used = {s: examples[s] for s in free}
            general = (sides[0][0], sides[1][0])
            sides = [(v.xreplace(used), n, c) for v, n, c in sides]
        elif points:
            if not any(numbers for _, numbers, _ in sides):
                return False  # ‖a + b‖² = ‖a‖² + 2a^⊤b + ‖b‖²: a statement for all tuples, not the example's arithmetic
        elif not all(numbers or called for _, numbers, called in sides):
            return False  # p_k(0) read as p_k·0: not a number the author wrote
        with time_budget(LINK_SECONDS):
            verdict = decide_numbers(sides[0][0], sides[1][0], texts[0], texts[1], item.stmt.relations[k] == "approx")
        if verdict is None:
            return False
        used = {**points, **used}
        given = ", ".join(f"{printing.text(s)} = {_value_text(v)}" for s, v in sorted(used.items(), key=str)
                          if v != sp.E or s.name != "e")
        given = "; ".join(filter(None, [given, "e read as Euler's number" if sp.E in used.values() else ""]))
        where = f" (with {given})" if given else ""
        if defined:
            where = f" ({defined} by {'their definitions' if ',' in defined else 'its definition'}" \
                + (f", with {given})" if given else ")")

        if verdict.holds and general is not None and _holds_for_all(*general):
            # f'(√(d − 1)) = 0 with d = 4 given in another example: it holds whatever d is, which is the reason
            names = ", ".join(sorted(printing.text(x) for x in used))
            self.decide(item, k, "proved", f"symbolically equal whatever {names} {'are' if len(used) > 1 else 'is'}"
                                           + (f", so also with {given}" if given else ""))
        elif verdict.holds:
            self.decide(item, k, "proved", verdict.reason + where)
            if "digits written" in verdict.reason:  # 0.256 − 0.3×0.512 = 0.102: 0.102 is a rounded result now
                self._rounded_results.update(v for v, _, _ in sides if _decimal_places(v) is not None)
        elif used and (rounded := _within_rounded_inputs(
                a, b, {s: v for s, v in used.items() if v in self._rounded_results}, used, texts,
                item.stmt.relations[k] == "approx")):
            self.report(item, right.start, "info", "math/undecided", f"not decided: {rounded}")
            self.decide(item, k, "undecided", rounded)
        elif used and sorted(bool(raw.free_symbols) for raw in (left.expr, right.expr)) == [False, True] \
                and (0 in (left.expr, right.expr) or self._posed_system(item, used)):
            # 2θ₀ + θ₁ = 0 with θ₀ = 2, θ₁ = 3 given: an equation posed in the letters (a first-order condition
            # the next step solves), not the worked value at the starting point; it is read as a condition
            return False
        elif used and (stale := prose_values.stale_value(self, item, used)) is not None:
            self.report(item, right.start, "info", "math/undecided", f"not decided: {stale}")
            self.decide(item, k, "undecided", stale)
        elif (rounded := self._within_written_rounding(item, texts, used, verdict)) is not None:
            self.report(item, right.start, "info", "math/undecided", f"not decided: {rounded}")
            self.decide(item, k, "undecided", rounded)
        elif used and (at := self._at_written_point(a, b, texts)) is not None:
            self.decide(item, k, "proved", at)  # x² + 2y² = 1² + 2·0.0²: at the iterate written, not at x = y = 0
        elif used and put_in.decide(self, item, k, left, right, computed=True):
            pass  # (x_3 − x̄)(y_3 − ȳ) = (1)(2.67): each group rounded as written, not the product
        elif (plain := PLAIN_FUNCTION.search(" ".join(texts))) is not None:
            # "ranges to over 8,000 ($log(8103) = 9$)": a function typed as plain text is an aside in words as often
            # as a computation, and its value is rounded freely; read as the function, the sides differ
            doubt = f"{plain.group(1)} typed as plain text, read as the function: {verdict.reason} (a rounded value, or a slip?)"
            self.report(item, right.start, "info", "math/undecided", f"not decided: {doubt}")
            self.decide(item, k, "undecided", doubt)
        elif _COMMON_LOG.search(" ".join(texts)) and any(v.has(sp.log) for v, _, _ in sides) \
                and (common := decide_numbers(_common_log(sides[0][0]), _common_log(sides[1][0]), texts[0], texts[1],
                                              item.stmt.relations[k] == "approx")) is not None and common.holds:
            self.decide(item, k, "proved", f"{common.reason}, reading \\log as the logarithm to base 10{where}")
        elif used and general is not None and (solved := self._solved_later(item, *general)) is not None:
            self.decide(item, k, "not-a-claim", solved)  # 29.6 + 55.4e^{−0.2t} = 40 after t = 3, then t = 6.0: posed
        elif premises and _CONTRADICTION.search(self._words_after(item.index, 160)):
            # "μ = 0 ⟹ 1 = 1ᵀμ = 0, which is a contradiction": the premise is put in to be refuted; a link it breaks
            # may be what a fact stated before (1ᵀμ = 1) makes true
            why = f"a proof by contradiction: under the premise the chain reaches what the text calls absurd ({verdict.reason})"
            self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            self.decide(item, k, "undecided", why)
        elif k == 0 and (part := self._continues_span(item)) is not None:
            self.report(item, right.start, "info", "math/undecided", f"not decided: {part}")
            self.decide(item, k, "undecided", part)  # $b = 0 − (0.5)$ $(½(…)) = 0 − (−3)$: one product, two spans
        elif item.stmt.relations[k] == "approx" and (named := [raw for raw in (left.expr, right.expr)
                                                              if isinstance(raw, sp.Symbol) and raw in used]) \
                and _near(sides[0][0], sides[1][0], sp.Rational(1, 20)):
            # E_3 = 0.00553 ≈ c_4 with c_4 = 0.00547 given: two quantities said to be close, neither a rounding of
            # the other (a slip by a factor, c_4 ≈ 0.0553, stays false)
            why = (f"≈ between {printing.text(named[0])}, given its own value, and another quantity within 5 % of it: "
                   "said to be close, not rounded to the digits written")
            self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            self.decide(item, k, "undecided", why)
        elif (coded := self._defined_in_code(item, left, right)) is not None:
            why = f"{coded}; read with the definition in the math: {verdict.reason}"
            self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            self.decide(item, k, "undecided", why)
        else:
            self.report(item, right.start, "error", "math/false", f"false arithmetic: {verdict.reason}{where}")
            self.decide(item, k, "false", "arithmetic: " + verdict.reason + where)
        return True

    def _defined_in_code(self, item: Item, left: Term, right: Term) -> str | None:
        """Why a refutation through a function the math defines may be no slip: since that definition, a code block
        the notes show (GeoGebra, Python) assigns the function anew (``f(x)=2 * (x^(3)+x^(2))`` after "the function
        f is stretched by 2"), and the notes go on with that one, which the reader of the math does not see."""
        if self._lines is None or not self.text:
            return None
        raw = self.source if len(self.source) == len(self.text) else self.text  # (same offsets, code not blanked)
        called = {type(c).__name__ for t in (left, right) if t.expr is not None for c in t.expr.atoms(AppliedUndef)}
        last = {fd.name: index for index, _section, fd in self.function_defs if fd.name in called and index < item.index}
        end = self._lines.offset(item.block.line, item.block.col)
        for name, since in sorted(last.items()):
            start = self._lines.offset(self.items[since].block.line, self.items[since].block.col)
            spans = [(self._lines.offset(it.block.line, it.block.col),
                      self._lines.offset(it.block.line, it.block.col) + len(it.block.text))
                     for it in self.items[since:item.index]]
            letter = re.escape(name.lstrip("\\"))
            for match in re.finditer(rf"^[ \t]*{letter}\s*\(\s*[A-Za-z]\w*\s*\)\s*(?::=|=|<-)\s*(.+)$", raw[:end], re.M):
                if match.start() < start or any(a <= match.start() < b for a, b in spans):
                    continue  # (before the definition, or a line of a display: the math the reader reads)
                line = self._lines.position(match.start())[0]
                return f"{name} is assigned anew in code on line {line} ({match.group(0).strip()[:60]})"
        return None

    def _solved_later(self, item: Item, sa: sp.Expr, sb: sp.Expr) -> str | None:
        """Why a refuted link in one unknown is an equation the notes go on to solve: a statement soon after it in
        its section gives that unknown a number (``w = 1/5``) that satisfies it. Exercise solutions write the equation,
        then its rearrangements, then the root; each step is false for other values of the unknown, none is a slip.
        A step that the root does not satisfy (``4x = x + 5`` before ``x = 1``) is still refuted. None otherwise."""
        from .arithmetic import tolerance

        letters = (sa - sb).free_symbols
        if len(letters) != 1 or item.claim_cue:
            return None  # ("hence |b| = −b" claims, whatever root comes next)
        (unknown,) = letters
        if not isinstance(unknown, sp.Symbol) or unknown in self._sentence_ranges(item):
            return None  # (b ≤ 0 in its sentence: a claim over that range)
        roots = self._roots_of(sa - sb, unknown)
        before = self.items[item.index - 1] if item.index else None
        if roots and before is not None and before.block is item.block \
                and (earlier := self._equation_roots(before, unknown)) is not None:
            if earlier != roots:
                roots = set()  # t² + 3t = −t² − 6t after t² + 3t = −t² − 3t: a wrong step of the solving, refuted
            elif self.verdicts.get((before.index, 0), ("",))[0] == "not-a-claim":
                line = before.block.position(before.stmt.terms[0].start)[0]
                return (f"the equation in {printing.text(unknown)} on line {line}, rearranged (the same roots): posed "
                        "as that one is")
        for other in self.items[item.index + 1:item.index + 1 + _SOLVED_REACH]:
            if other.section != item.section or self._after_new_exercise(item.index, other):
                break
            terms = other.stmt.terms
            if roots and (later := self._equation_roots(other, unknown)) is not None and later == roots:
                line = other.block.position(terms[0].start)[0]
                return (f"an equation in {printing.text(unknown)} that the notes go on to solve (line {line} has the "
                        f"same roots)")
            if len(terms) < 2 or terms[0].expr != unknown or other.stmt.relations[0] != "=":
                continue
            root = terms[-1].expr
            if root is None or root.free_symbols or not root.is_number:
                continue
            if _root_within(sa - sb, unknown, root, tolerance(_source(other, terms[-1]))):
                line = other.block.position(terms[-1].start)[0]
                return (f"an equation in {printing.text(unknown)} that the notes go on to solve ({printing.text(unknown)} "
                        f"= {printing.text(root)} on line {line} satisfies it)")
            return None  # the root the notes reach does not satisfy this step: left to be refuted
        return None

    @staticmethod
    def _roots_of(expr: sp.Expr, unknown: sp.Symbol) -> set[sp.Expr]:
        """The real roots of the polynomial ``expr`` in ``unknown`` (at most four), or the empty set when it is no
        such polynomial or they cannot be found in time."""
        try:
            with time_budget(LINK_SECONDS / 2):
                poly = sp.Poly(sp.expand(expr), unknown)
                if poly.degree() < 1 or poly.degree() > 4 or poly.free_symbols - {unknown}:
                    return set()
                found = sp.solveset(poly.as_expr(), unknown, domain=sp.S.Reals)
        except (BudgetExceeded, sp.PolynomialError, TypeError, ValueError, NotImplementedError):
            return set()
        return set(found) if isinstance(found, sp.FiniteSet) else set()

    def _equation_roots(self, other: Item, unknown: sp.Symbol) -> set[sp.Expr] | None:
        """The real roots of ``other`` read as one equation in ``unknown`` (two sides, ``=``, nothing else unknown),
        or None when it is no such equation (``2t^2 + 6t = 0``: {0, −3})."""
        terms = other.stmt.terms
        if len(terms) != 2 or other.stmt.relations != ["="] or any(t.expr is None for t in terms):
            return None
        sides = [self._prepare(t.expr, other) for t in terms]
        if any(side is None for side in sides):
            return None
        difference = sides[0] - sides[1]  # type: ignore[operator]
        if difference.free_symbols != {unknown}:
            return None
        return self._roots_of(difference, unknown) or None

    @staticmethod
    def _step_of_defined(name: sp.Symbol, definitions: Mapping[sp.Symbol, sp.Expr]) -> bool:
        """Is ``name`` a step of a quantity the definitions give by its steps (``v_{100}`` under ``v_t = …``)?"""
        own = read_index(name)
        return own is not None and any((ix := read_index(x)) is not None and ix.base == own.base
                                       for x in definitions if isinstance(x, sp.Symbol))

    def _posed_system(self, item: Item, used: Mapping[sp.Symbol, sp.Expr]) -> bool:
        """Is ``item`` a row of a system posed in letters whose values come from another section only? After one
        example solves x_3 = 5, x_2 = −4, the next section's ``27x_2 − 9x_3 = −27`` beside ``x_1 + 9x_2 − 8x_3 = 0`` is
        a new system to solve, not arithmetic on the old solution (in the section that gives the values, it is)."""
        if set(used) & set(self._examples(item, own_section=True)):
            return False
        for other in self.items:
            if other is item or other.block is not item.block or len(other.stmt.terms) != 2:
                continue
            sides = [t.expr for t in other.stmt.terms]
            if any(side is None for side in sides):
                continue
            if sorted(bool(side.free_symbols) for side in sides) == [False, True] \
                    and set(used) & (sides[0].free_symbols | sides[1].free_symbols):
                return True
        return False

    @staticmethod
    def _at_written_point(a: sp.Expr, b: sp.Expr, texts: tuple[str, str]) -> str | None:
        """Why a link of a formula against that formula with numbers written in for its letters holds at those
        numbers (:mod:`.substituted`), or None when the other side is not written so or differs there."""
        for formula, numbers, (ft, nt) in ((a, b, texts), (b, a, texts[::-1])):
            found = substitution(ft, nt)
            if found is None or numbers.free_symbols:
                continue
            named = {s.name: s for s in formula.free_symbols if isinstance(s, sp.Symbol)}
            if set(found) != set(named):
                continue
            try:
                point = {named[x]: sp.Rational(v) for x, v in found.items()}
            except (TypeError, ValueError):
                continue
            if sp.simplify(formula.xreplace(point) - numbers) == 0:
                shown = ", ".join(f"{x} = {v}" for x, v in sorted(found.items()))
                return f"the formula at the point written in it ({shown}), not at values the letters had before"
        return None

    def _within_written_rounding(self, item: Item, texts: tuple[str, str], used: Mapping[sp.Symbol, sp.Expr],
                                 verdict: "Arithmetic") -> str | None:
        """``(16.32 − 16.0)/(3.01 − 3.0) = (L(w + Δ) − L(w))/Δ`` with ``L(3.01) = 16.3216`` shown as 16.32 before: a
        computation from decimals the notes rounded earlier may miss the exact value by more than its own last
        digit. Each decimal the notes showed earlier as a rounded result may move by half a unit of its last digit
        (a value given, β = 0.98, is exact); the side is read again with those decimals as letters, and when
        the difference is within what they can move it (to first order, with a margin) the reason it is undecided;
        None when the slip is larger than any such rounding could make it."""
        difference = abs(sp.N(verdict.left - verdict.right, 30))
        calls = frozenset(type(c).__name__ for t in item.stmt.terms if t.expr is not None for c in t.expr.atoms(AppliedUndef))
        slack = sp.Integer(0)
        for text in texts:
            literals = [lit for lit in _ROUNDED_DECIMAL.findall(text) if sp.Rational(lit) in self._rounded_results]
            if not literals or len(literals) > 8:
                continue
            letters = [S.symbol(f"\\varkappa_{{{n}}}") for n in range(len(literals))]
            marked = iter(range(len(literals)))

            def lettered(m: re.Match[str], marked: Iterator[int] = marked) -> str:
                return f"\\varkappa_{{{next(marked)}}}" if sp.Rational(m.group()) in self._rounded_results else m.group()
            try:
                read = parse_expr(_ROUNDED_DECIMAL.sub(lettered, text), functions=DEFAULT_FUNCTIONS | calls)
            except LatexParseError:
                return None
            side = self._prepare(read, item)
            if side is None:
                return None
            side = side.xreplace(dict(used))
            at = {x: sp.Rational(lit) for x, lit in zip(letters, literals)}
            for x, lit in zip(letters, literals):
                try:
                    rate = sp.N(sp.diff(side, x).xreplace(at), 30)
                except (TypeError, ValueError, ArithmeticError):
                    return None
                if not rate.is_real:
                    return None
                slack += abs(rate) * sp.Rational(1, 2 * 10 ** len(lit.split(".")[1]))
        if slack == 0 or difference > sp.Rational(3, 2) * slack:
            return None
        return ("within the rounding of the decimals it is computed from (each may be a value rounded before): the "
                "exact value and the one written may differ by that much")

    def _tuple_arithmetic(self, item: Item, k: int, right: Term, sides: tuple[sp.Expr, ...], texts: tuple[str, str],
                          points: Mapping[sp.Symbol, sp.Expr]) -> bool:
        """``a + b = (4, 6)``, ``2a = (2, 4)`` with ``a`` and ``b`` given as tuples: both sides are tuples of numbers,
        compared coordinate by coordinate to the digits each is written with; a wrong coordinate is named with its
        exact value. False (not arithmetic) unless the two have one length and every coordinate is a number."""
        from .arithmetic import decide as decide_numbers, written_with_numbers
        from .worked_values import coordinate_texts

        a, b = sides
        free = a.free_symbols | b.free_symbols
        if free and points:  # x_0 − η g_0 with the tuples put in: the numbers given to the rest (η = 0.5) too
            examples = self._examples(item)
            scalars = {x: examples[x] for x in free if x in examples and examples[x].is_number}
            if len(scalars) == len(free):
                a, b = (tuples.settle(x.xreplace(scalars)) for x in (a, b))
                points = {**points, **scalars}
        if len(a.args) != len(b.args) or a.free_symbols or b.free_symbols \
                or not any(coordinate_texts(t) or (points and written_with_numbers(_MATRIX_MARKUP.sub(" ", t)))
                           for t in texts):
            return False  # (x_0 + η_0d_0 = [2; 2] − 0.25[4; 8] with x_0, d_0 given: the tuples written as a computation)
        shown = [coordinate_texts(t) or [""] * len(a.args) for t in texts]
        if any(len(part) != len(a.args) for part in shown):
            return False
        approx = item.stmt.relations[k] == "approx"
        with time_budget(LINK_SECONDS):
            each = [decide_numbers(x, y, lt or f"coordinate {n} of {texts[0]}", rt or f"coordinate {n} of {texts[1]}", approx)
                    for n, (x, y, lt, rt) in enumerate(zip(a.args, b.args, *shown), start=1)]
        if any(e is None for e in each):
            return False
        where = " (with " + ", ".join(f"{printing.text(x)} = {_value_text(v)}" for x, v in sorted(points.items(), key=str)) \
            + ")" if points else ""
        wrong = [(n, e) for n, e in enumerate(each, start=1) if e is not None and not e.holds]
        if not wrong:
            self.decide(item, k, "proved", f"coordinate by coordinate ({len(each)} coordinates)" + where)
            return True
        n, first = wrong[0]
        message = first.reason + where
        self.report(item, right.start, "error", "math/false", f"false arithmetic: {message}")
        self.decide(item, k, "false", "arithmetic: " + message)
        return True

    def _defined_value(self, item: Item, left: sp.Expr, right: sp.Expr) -> bool:
        """``p(1) = 1 − c + δ`` after ``p(r) = r² − cr + δ``, ``g(1) − g(0) = 3``: values of functions the notes
        define, at points. Such a side has no free symbols, yet it is an evaluation to check, not a condition posed
        on a constant."""
        defs = self.functions(item).defs

        def defined(call: AppliedUndef) -> bool:  # f, or its gradient or Hessian (∇²f(x^0) after f(x) = …)
            parts = calculus.derivative_parts(name := type(call).__name__)
            return name in defs or (parts is not None and parts[2] in defs) or (  # M'(0) after M(t) = c/(c − t)
                (prime := primed(name)) is not None and prime[0] in defs and len(call.args) == 1)
        for side in (left, right):  # g(1) − g(0) = 3 as well: values of defined functions, worked out
            calls = side.atoms(AppliedUndef)
            if not calls or not all(defined(c) for c in calls):
                continue
            if not side.free_symbols or side.free_symbols <= self._points_given(item):
                return True  # (at a point whose value is written before: x^0 = [0, 1]^T, then x^0 − H^{-1}∇f(x^0))
        return False

    def _points_given(self, item: Item) -> set[sp.Basic]:
        """The vectors with a written value in force at ``item`` (``x^0 = [0, 1]^T``): points to evaluate at. (A
        number given to a name may be the answer an equation after it is solved for: not a point.)"""
        examples, definitions = self._examples(item), self._definitions(item)
        return {x for x, v in examples.items() if isinstance(v, Coords)} | {
            x for x in definitions if isinstance(definitions[x], Coords)}

    def _introduced(self, item: Item, exprs: Iterable[sp.Expr | None]) -> set[sp.Symbol]:
        free: set[sp.Symbol] = set()
        for e in exprs:
            if e is not None:
                free |= e.free_symbols
        free.discard(DOTS)
        known = self._known_symbols(item)
        new = {s for s in free - known  # ∂J/∂w_1 after J = …: a derivative the definitions give, nothing new
               if not self._derivative_given(s, item)}
        if not new:
            return set()
        # m_{t+1}, g_{t-2}, v_0: the same quantities at other steps are not new symbols; nor is g_i in a sum;
        # nor the step letter itself where the statement steps by it (Σ_{i=0}^{k-1} in a closed form of v_k)
        bases = self._known_bases(item)
        steps = {ix.letter for e in exprs if e is not None for x in e.free_symbols
                 if isinstance(x, sp.Symbol) and (ix := read_index(x)) is not None and ix.letter}
        if steps:  # only the letter the rules in force step by (a claim at another letter is read elsewhere)
            steps &= {ix.letter for x in self._definitions(item).stepped() if (ix := read_index(x)) is not None}
        return {s for s in new if S.role(s) != "index" and s.name not in steps
                and not ((ix := read_index(s)) is not None and any(ix.base in b for b in bases))
                and not any(s.name.split("[")[0].replace("^{(\\cdot)}", "") in b for b in bases)}

    def _known_bases(self, item: Item) -> list[set[str]]:
        """Names and step-indexed bases of what is known at ``item``, as the running sets they are kept in
        (checked one by one, never merged, so that a long section stays linear)."""
        self._related_before(item)
        out = [self._running[item.section][2], self._naming_bases.get(item.section, set())]
        scope = self._scope_for(item)
        if scope is not None:
            if id(scope) not in self._scope_bases:
                self._scope_bases[id(scope)] = _bases_of(self._scope_symbols.get(id(scope), set()))
            out.append(self._scope_bases[id(scope)])
        symbols = set()
        for fd in self.functions(item).defs.values():
            symbols |= fd.body.free_symbols
        out.append(_bases_of(symbols))
        return out

    def _undefined_one_sided(self, item: Item, a: sp.Expr, b: sp.Expr, sa: sp.Expr, sb: sp.Expr,
                             definitions: dict[sp.Symbol, sp.Expr]) -> list[sp.Symbol]:
        """Names a false verdict rests on although nothing gives them a meaning: written on one side only, still on
        one side only once the definitions are applied, given no value, and neither named nor read (by name or
        base) by an update rule or system of the document (``x^* + Δx^{(t)} = x^* + Δx^{(t-1)} − γ∇f``: a change
        of variables, not a claim about unknowns). An input the update rules read (g_t) is not such a name."""
        given = set(definitions) | set(self._examples(item))
        written = a.free_symbols ^ b.free_symbols
        substituted = sa.free_symbols ^ sb.free_symbols
        related: set[sp.Symbol] = {name for _, _, name, _ in self.namings}
        for _, _, name, value in self.namings:
            if read_index(name) is not None:  # an update rule (v_t = βv_{t-1} + g_t), not a change of variables
                related |= value.free_symbols
        for scope in self.systems:
            for name, value in scope.definitions.items():
                related |= {name} | value.free_symbols
        for name, value in definitions.items():
            if read_index(name) is not None:  # an update rule (v_t = βv_{t-1} + g_t), not a change of variables
                related |= value.free_symbols
        bases = _bases_of(related)  # an input the definitions read (g_t) is known, though nothing defines it
        # a name an earlier statement of the section already wrote (ξ_k in the Taylor expansion before) is a
        # quantity this link speaks about, not one it names
        before: set[sp.Symbol] = set()
        for other in self.items[:item.index]:
            if other.section == item.section and other.block is not item.block:
                for term in other.stmt.terms:
                    if term.expr is not None:
                        before |= term.expr.free_symbols
        return sorted((x for x in written & substituted if x not in given and x != DOTS and x not in before
                       and not _bases_of([x]) & bases), key=str)

    def _family_definitions(self) -> dict[str, list[tuple[sp.Symbol, sp.Expr]]]:
        """Every ``X_{t+1} = …`` the document states, by base, in either direction (``φ_{t+1} − φ_t = b_{t+1}``
        names b_{t+1} as much as ``b_{t+1} = φ_{t+1} − φ_t`` does), from every section: a quantity defined for
        every step holds at every step, wherever the note wrote it down."""
        if self._families is None:
            self._families = {}
            for other in self.items:
                terms, relations = other.stmt.terms, other.stmt.relations
                ends = []
                for k, relation in enumerate(relations):
                    if relation != "=":
                        continue
                    if k == 0 or relations[k - 1] != "=":  # the first link of a run of equalities (a ⟹ b = c)
                        ends.append((terms[k].expr, terms[k + 1].expr))
                    if k == len(relations) - 1 or relations[k + 1] != "=":  # … and its last
                        ends.append((terms[k + 1].expr, terms[k].expr))
                for name, value in ends:
                    ix = read_index(name) if isinstance(name, sp.Symbol) else None
                    if ix is None or ix.letter not in STEP_LETTERS or value is None or name in value.free_symbols:
                        continue
                    found = self._families.setdefault(ix.base, [])
                    if all(v != value for _, v in found) and len(found) < 8:
                        found.append((name, value))
        return self._families

    @staticmethod
    def _steps_of_defined(left: sp.Expr | None, sa: sp.Expr, sb: sp.Expr,
                          definitions: Mapping[sp.Symbol, sp.Expr]) -> bool:
        """Whether the link restates a quantity defined at a step letter as a recurrence in it (``q_t = 0.5q_{t−1} +
        0.5`` with ``q_t = 1 − 0.5^t`` in force): the sides then share that quantity, though not its symbol — a claim
        the closed form satisfies, not an equation in unknowns. Only the defined name alone on the left counts
        (``α_k²/(2γ_{k+1}) = 1/(2M)`` with γ_k defined is an equation α_k is chosen to solve)."""
        if not isinstance(left, sp.Symbol) or left not in definitions or (own := read_index(left)) is None \
                or not own.letter:
            return False
        return any((ix := read_index(x)) is not None and (ix.base, ix.letter) == (own.base, own.letter)
                   and x not in definitions for x in sa.free_symbols | sb.free_symbols)

    def _family_reading(self, item: Item, sa: sp.Expr, sb: sp.Expr,
                        definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
        """``θ_2 = θ_1 + s_1 + μv_1 = θ_1 + s_1 + μs_0`` under ``v_{t+1} = θ_{t+1} − θ_t`` stated in another section:
        a false verdict that rests on a step of a quantity the section leaves undefined (v_1, b_t) is read again
        with the document's own definition of that quantity at that step (one definition per quantity, applied
        with the section's definitions until nothing changes). Proved when some such reading makes the sides
        equal; otherwise the false verdict stands, now with more of the document behind it."""
        from .recurrence import Recurrence

        loose = [x for x in sa.free_symbols ^ sb.free_symbols
                 if (ix := read_index(x)) is not None and x not in definitions and ix.base in self._family_definitions()]
        if not loose:
            return None
        bases = sorted({read_index(x).base for x in loose})
        families = self._family_definitions()
        # one quantity at a time first (the others keep the section's reading), then all of them together
        choices: list[tuple[tuple[str, tuple[sp.Symbol, sp.Expr]], ...]] = [
            ((base, option),) for base in bases for option in families[base]]
        if len(bases) > 1:
            choices += [tuple(zip(bases, combo)) for combo in
                        itertools.islice(itertools.product(*(families[base] for base in bases)), 12)]
        unrolled = 0
        for picked in choices:
            choice = [option for _, option in picked]
            # the definition read as this link's sides are (∇f of a function in force evaluated, as in sa, sb)
            recurrences = {base: Recurrence(read_index(name), self._prepare(value, item) or value)
                           for base, (name, value) in picked}
            la, lb = sa, sb
            swapped: set[sp.Symbol] = set()
            for _ in range(6):
                # every numbered step (p_2, p_1: the unrolling ends at the start); of the steps at a letter, the latest
                # one written on one side only: x^{(k+1)} against x^{(k)} − h∇f(x^{(k)}) takes x^{(k+1)} back to x^{(k)},
                # never x^{(k)} on both sides further down to different depths
                steps = [(x, ix) for x in la.free_symbols | lb.free_symbols
                         if (ix := read_index(x)) is not None and ix.base in recurrences and x not in definitions]
                apart = [(ix.offset, ix.base) for x, ix in steps
                         if ix.letter is not None and x in la.free_symbols ^ lb.free_symbols]
                swap = {x: recurrences[ix.base].at(ix) for x, ix in steps if ix.letter is None
                        or (x in la.free_symbols ^ lb.free_symbols
                            and ix.offset == max(o for o, base in apart if base == ix.base))}
                if not swap:
                    break
                swapped |= set(swap)
                try:
                    la, lb = substitute(la.xreplace(swap), definitions), substitute(lb.xreplace(swap), definitions)
                except CircularDefinition:
                    break
            if (la, lb) == (sa, sb):
                continue
            stepped = Recurrences(definitions.stepped(), self._examples(item)) \
                if isinstance(definitions, ScopeView) else None
            if stepped:  # the section's own recurrences, unrolled as the plain reading unrolls them
                unrolled += 1
                if unrolled > _FAMILY_READINGS_UNROLLED:
                    break  # (each unrolling is the costly part: a fixed number of them, never a clock)
                la, lb = stepped.unroll(la, lb)
            if compare(_doit(la), _doit(lb), seconds=LINK_SECONDS).status == "true":
                used = "; ".join(f"{printing.text(name)} = {printing.text(value)}" for name, value in choice)
                read = sorted(swapped, key=str)
                return f"reading {', '.join(printing.text(x) for x in read)} by the document's " \
                       f"definition {used} at that step"
        return None

    def _increment_reading(self, item: Item, written: str, a: sp.Expr, b: sp.Expr,
                           definitions: dict[sp.Symbol, sp.Expr]) -> str | None:
        """``\\delta w^{(t)}``, ``\\Delta x``: an increment prefix is parsed as a factor. When δ is given no value, read
        each δ·name as one name (the increment); one defined nowhere that stands on one side only makes the false
        verdict rest on an unknown (``w^* + δw^{(t)} = w^* + δw^{(t-1)} − η∇L``: a change of variables)."""
        given = set(definitions) | set(self._examples(item))
        for match in _INCREMENT.finditer(written):
            prefix, letter = match.group(1), match.group(2)
            delta = next((s for s in (a.free_symbols | b.free_symbols) if s.name == "\\" + prefix), None)
            if delta is None or delta in given:
                continue

            fuse = functools.partial(_fuse_increment, delta, letter)
            fa, fb = a.replace(lambda e: e.is_Mul, fuse), b.replace(lambda e: e.is_Mul, fuse)
            fresh = {s for s in fa.free_symbols ^ fb.free_symbols if s.name.startswith(delta.name + " ")}
            if fresh:
                name = sorted(fresh, key=str)[0]
                rest = sp.Symbol(name.name.split(" ", 1)[1])
                return (f"{printing.text(name)} read as {printing.text(delta)} times {printing.text(rest)}: as one name "
                        "(an increment, defined nowhere) it stands on one side only")
        return None

    def _applications(self) -> dict[str, int]:
        """How often each letter is applied to one parenthesised name in the document's math."""
        if self._applied is None:
            counts: dict[str, int] = {}
            for block in dict.fromkeys(item.block for item in self.items):
                for match in _APPLIED.finditer(block.text):
                    name = match.group(1) or match.group(2)
                    # T_k(a) = cosh(k·arccosh a): a name applied to a letter on the left of "=" is defined as a
                    # function there, which counts as often as two uses (not a(λ_i) = aλ_i + 1, a factor again)
                    rest = re.split(r"\\\\|\n", block.text[match.end():], maxsplit=1)[0]
                    defined = match.group(1) is not None and re.match(r"\s*&?\s*=", rest) is not None \
                        and re.search(r"(?<![\\A-Za-z])" + name + r"(?![A-Za-z_(])", rest) is None
                    counts[name] = counts.get(name, 0) + (2 if defined else 1)
            self._applied = counts
        return self._applied

    def _superscript_steps(self, written: str) -> str | None:
        """A reason to doubt a false verdict on ``h^2 = (w^1 + w^2)/2``: where the notes write a letter to the
        power 1 (``w^1``, a power nobody writes), its numbered superscripts count steps, not powers."""
        if self._step_superscripts is None:
            letters: set[str] = set()
            for block in dict.fromkeys(item.block for item in self.items):
                letters |= {m.group("letter") for m in _POWER_ONE.finditer(block.text)}
            self._step_superscripts = frozenset(letters)
        if self._stepped_vectors is None:
            texts = [item.block.text for item in self.items]
            # (\mathbf{x}^0 there, and h^2 where h^k = βh^{k-1} + … and h^1 are written, are read as steps already)
            self._stepped_vectors = step_superscripts.stepped_vectors(texts) | step_superscripts.stepped_letters(texts)
        for m in _NUMBERED_SUPERSCRIPT.finditer(written):
            bold = re.search(r"\\(?:mathbf|boldsymbol|vec)\{$", written[:m.start()]) is not None
            if m.group("letter") in self._step_superscripts \
                    and step_superscripts.key(m.group("letter"), bold) not in self._stepped_vectors:
                return (f"the superscripts of {m.group('letter')} are step numbers in these notes (they write "
                        f"{m.group('letter')}^1), not powers")
        if self._step_letters is None:  # x^{k+1} = x^k − α^k∇f(x^k): k counts steps in superscripts
            self._step_letters = frozenset(m.group(1) for item in self.items
                                           for m in _SUPERSCRIPT_STEP.finditer(item.block.text))
        for letter in sorted(self._step_letters):
            if (m := re.search(rf"((?:\\[A-Za-z]+|[A-Za-z]))\s*\^\s*(?:\{{\s*{letter}\s*\}}|{letter})(?![A-Za-z0-9+\-])",
                               written)):
                return (f"{m.group(1)}^{letter} may be {m.group(1)} at step {letter} (the notes count steps in "
                        f"superscripts, as in ^{{{letter}+1}}), not a power")
        return None

    def _annotated(self, item: Item, side: Term) -> Term:
        """``side`` with each ``\\underbrace{X}_{=Y}`` written inside it read as Y: the note is what the author
        uses to go on (``⟨w, x⟩ + α⟨v, x⟩ = ⟨w, x⟩`` because ⟨v, x⟩ = 0), so the link after it is checked with
        it. The note itself is its own statement, just before (checked, or taken as given)."""
        if side.expr is None:
            return side
        swap: dict[sp.Expr, sp.Expr] = {}
        for other in reversed(self.items[max(0, item.index - 6):item.index]):
            if other.block is not item.block:
                break
            terms = other.stmt.terms
            if len(terms) != 2 or other.stmt.relations != ["="] or terms[0].expr is None or terms[1].expr is None:
                continue
            if side.start <= terms[0].start and terms[1].end <= side.end and side.expr.has(terms[0].expr) \
                    and not isinstance(terms[0].expr, sp.Number):
                swap[terms[0].expr] = terms[1].expr
        if not swap:
            return side
        try:
            return dataclasses.replace(side, expr=side.expr.xreplace(swap))
        except (TypeError, ValueError):
            return side

    def _recurrence_replacing(self, item: Item, definitions: Mapping[sp.Symbol, sp.Expr]) -> int | None:
        """The line of the definition in force that ``X_t = f(X_{t−1}, …)`` replaces, when that definition reads no
        step at all (``Δ_t = dL/dθ``): a recurrence in X is then a new rule, not a claim the old one satisfies (the old
        one gives every step the same value, so any average of X_{t−1} and the old value "holds"). None otherwise:
        ``m_t = βm_{t−1} + (1 − β)g_t`` after a closed form that reads the steps is a claim, proved by induction."""
        stmt = item.stmt
        lhs, rhs = stmt.terms[0].expr, stmt.terms[1].expr
        if not isinstance(lhs, sp.Symbol) or lhs not in definitions or rhs is None or stmt.relations[0] not in DEFINING_RELATIONS \
                or (ix := read_index(lhs)) is None or not ix.letter:
            return None
        previous = [x for x in rhs.free_symbols if (jx := read_index(x)) is not None and jx.base == ix.base
                    and jx.letter == ix.letter and jx.offset == ix.offset - 1]
        if not previous:
            return None
        try:
            with time_budget(LINK_SECONDS):
                old = substitute(definitions[lhs], dict(definitions))
        except (BudgetExceeded, CircularDefinition):
            return None
        letter = sp.Symbol(ix.letter)
        if any((jx := read_index(x)) is not None and jx.letter == ix.letter or x.name == ix.letter
               for x in old.free_symbols) or old.has(letter):
            return None
        earlier = other_schemes.earlier_definitions(self, item, lhs)
        if not earlier:
            return None
        at = self.items[earlier[0][0]]
        return at.block.position(at.stmt.terms[0].start)[0]

    def _regularized_rule(self, item: Item, definitions: dict[sp.Symbol, sp.Expr], introduced: set[sp.Symbol]) -> bool:
        """``θ_{t+1} = (1 − ηλ)θ_t − η∇L(θ_t)``, the rule in force restated with the λ of a penalty the prose adds
        (:mod:`.regularized`): decided against the rule with the regularized gradient, and in force from here on
        as a scheme of its own. False when no such reading applies (then it is another scheme, unchecked)."""
        stmt = item.stmt
        if stmt.relations[0] != "=" or (reading := self._regularized_reading(item, definitions, introduced)) is None:
            return False
        self._decide_regularized(item, 0, reading)
        self._record_naming(item, definitions)  # later statements about it follow the regularized rule
        self._scheme_namings.add(item.index)
        for k, relation in enumerate(stmt.relations[1:], start=1):
            if relation == "=" and stmt.terms[k].expr is not None and stmt.terms[k + 1].expr is not None:
                self._budgeted_link(item, k, stmt.terms[k], stmt.terms[k + 1])  # … = (1 − ηλ)θ_t − …: algebra
        self.decide_all(item, "undecided", "follows a rule restated with a penalty; not compared", start=1)
        return True

    def _regularized_reading(self, item: Item, definitions: Mapping[sp.Symbol, sp.Expr],
                             new: set[sp.Symbol] | None = None) -> regularized.Reading | None:
        """The first link of ``item`` (an update rule restated) read against the rule in force on the objective
        regularized as the prose says; ``new``: the names it reads that the rule does not (found when None)."""
        lhs, rhs = item.stmt.terms[0].expr, item.stmt.terms[1].expr
        if not isinstance(lhs, sp.Symbol) or lhs not in definitions or rhs is None or read_index(lhs) is None:
            return None
        try:
            with time_budget(LINK_SECONDS):
                rule = substitute(definitions[lhs], dict(definitions))
                restated = self._prepare(rhs, item, atomized=False)
                if restated is None or lhs in restated.free_symbols:
                    return None
                restated = substitute(restated, {k: v for k, v in definitions.items() if k != lhs})
                if new is None:
                    new = {x for x in atomize(restated).free_symbols - atomize(rule).free_symbols
                           if read_index(x) is None and not x.name.startswith(GRADIENT_PREFIX)}
                earlier = other_schemes.earlier_definitions(self, item, lhs)
                at = self.items[earlier[0][0]] if earlier else item
                line = at.block.position(at.stmt.terms[0].start)[0]
                if not new:
                    # b_{j+1} = b_j − τ(∇Q + μ sign b_j) after "with the lasso penalty μ‖b‖₁ instead": the rule in force
                    # (ridge's) is not the one this restates
                    between = self._text_between(at, item)
                    found = regularized.iterate_gradient(atomize(rule))
                    other = regularized.other_penalty(between, regularized.plain_base(found[1].name)) if found else None
                    if other is None:
                        return None
                    why = f"a rule for the objective with {other}, a penalty of another kind than the rule of line {line} has"
                    return regularized.Reading("undecided", why, restated, Verdict("undecided"), "")
                return regularized.decide(rule, restated, set(new), self._words_before(item.index, 2000), line)
        except (BudgetExceeded, CircularDefinition):
            return None

    def _text_between(self, first: Item, then: Item) -> str:
        """The document text after ``first``'s display and before ``then``'s (their own delimiters left out)."""
        if self._lines is None or not self.text:
            return ""
        start = self._lines.offset(*first.block.position(len(first.block.text)))
        end = self._lines.offset(then.block.line, then.block.col)
        return self.text[start:end].lstrip("$").lstrip("\\])").rstrip().rstrip("$")

    def _decide_regularized(self, item: Item, k: int, reading: regularized.Reading, override: bool = False) -> None:
        """Link ``k`` decided by the penalty's reading: a false one says the rule it should be, written out
        (``override``: in place of the verdict it had, "a definition", when the rule in force is one the words name)."""
        left, right = item.stmt.terms[k], item.stmt.terms[k + 1]
        if reading.verdict == "false":
            self.report(item, right.start, "error", "math/false",
                        f"false update rule: {_clip(_source(item, left))} = {_clip(_source(item, right))}; "
                        f"{reading.because}: {reading.shown}"
                        f"{_witness(reading.outcome)}")
        elif reading.verdict == "undecided":
            self.report(item, right.start, "info", "math/undecided", f"not decided: {reading.because}")
        self.decide(item, k, reading.verdict, reading.because, override=override)

    def _proved_quietly(self, item: Item, k: int, left: Term, right: Term, names: str | None = None) -> None:
        """``Σ_{i≤t} (1−β)β^{t−i} ḡ = (1 − β^t) ḡ`` in a statement that introduces ḡ: the link is checked as any
        other, with the new names free, and stands only when proved (then it holds whatever they are); a
        refutation or doubt says nothing about the new scheme, so it leaves no finding and no verdict."""
        mark = len(self.findings)
        self._budgeted_link(item, k, left, right)
        verdict = self.verdicts.get((item.index, k))
        if verdict is not None and verdict[0] == "proved":
            if names is not None and (free := _free_names(names)):
                why = _whatever(free) + (f": {verdict[1]}" if verdict[1] else "")
                self.decide(item, k, "proved", why, override=True)
            return
        del self.findings[mark:]
        self.verdicts.pop((item.index, k), None)

    def _matrix_proved_quietly(self, item: Item, k: int, left: Term, right: Term,
                               definitions: dict[sp.Symbol, sp.Expr], names: str) -> None:
        """:meth:`_proved_quietly` for a link only matrix algebra reads: it stands only when proved there (an
        identity of the free algebra holds whatever the new names are); anything else leaves no trace."""
        mark = len(self.findings)
        if self._matrix_link(item, k, left, right, definitions, unparsed=True):
            verdict = self.verdicts.get((item.index, k))
            if verdict is not None and verdict[0] == "proved":
                if free := _free_names(names):
                    self.decide(item, k, "proved", f"{_whatever(free)}: {verdict[1]}", override=True)
                return
        self.verdicts.pop((item.index, k), None)
        self._matrix_decided.discard((item.index, k))
        del self.findings[mark:]

    def _defined_calls_only(self, item: Item, left: Term, right: Term) -> bool:
        """Does the link apply functions, each of them defined by an earlier statement (none named by this one)?"""
        calls = [c for t in (left, right) if t.expr is not None for c in t.expr.atoms(AppliedUndef)]
        defined = self.functions(item).defs
        return bool(calls) and all(type(c).__name__ in defined and self._defined_before(type(c).__name__, item)
                                   for c in calls)

    def _defined_before(self, name: str, item: Item) -> bool:
        """Is function ``name`` defined by a statement before ``item``'s?"""
        return any(fd.name == name and index < item.index for index, _, fd in self.function_defs)

    def _holds_whatever(self, item: Item, left: Term, right: Term, definitions: dict[sp.Symbol, sp.Expr],
                        names: str | None = None) -> str | None:
        """A link that holds whatever the things it leaves open are. A rearrangement in functions the notes never
        define (Newton's ``x_k − [f''(x_k)]^{-1}f'(x_k) − x^* = x_k − x^* − [f''(x_k)]^{-1}f'(x_k)``) holds for
        every f when it holds with each application read as an unknown number; a link in names the notes
        introduce without defining (``names``) holds for every value of them when it holds with them free.
        Proved either way; anything else stays what it was (a claim about shape, a different scheme). Never where
        the order of products matters (``2Aᵀy − 2bᵀA = 2Aᵀy − 2Aᵀb``: numbers commute, a row and a column do not)."""
        if self._order_matters(item, left, right):
            return None
        opened = self._opaque_sides(item, left, right, definitions)
        if opened is None:
            return None
        sa, sb, _ = opened
        try:
            verdict = compare(sa, sb, seconds=LINK_SECONDS)
        except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
            return None
        if verdict.status != "true":
            return None
        if names is not None:
            return f"{_whatever(names)}: {verdict.reason}"
        calls = sorted({(primed(type(call).__name__) or (type(call).__name__,))[0]  # g and g' are one g
                        for side in (left.expr, right.expr) for call in side.atoms(AppliedUndef)
                        if self._has_unknown_function(call, item)})
        if any(fd.name in calls for _, _, fd in self.function_defs) and not self._holds_opaque(left, right, definitions):
            return None  # ∫₀¹ g''(u(s))ds = g''(w) "for a general g" held only through a quadratic g defined elsewhere
        if not calls:
            try:  # −log R(t) = λt with R(t) = e^{−λt}: every function it applies is defined, and put in
                defined = self.functions(item).defs
                applied = any(type(call).__name__ not in defined for side in (left.expr, right.expr)
                              for call in substitute(side, definitions).atoms(AppliedUndef))
            except CircularDefinition:
                applied = True
            if not applied:  # (and say so only where a function was applied: r + x = y − x has none)
                called = any(side.atoms(AppliedUndef) for side in (left.expr, right.expr))
                return f"with the functions' definitions put in; {verdict.reason}" if called else verdict.reason
            calls = ["the functions"]  # (κ'(n)/κ(n) with κ(n) = e^{q(n)}: an unknown q inside a definition)
        return f"{_whatever(', '.join(calls))}: each application read as an unknown number; {verdict.reason}"

    @staticmethod
    def _holds_opaque(left: Term, right: Term, definitions: dict[sp.Symbol, sp.Expr]) -> bool:
        """Whether the link holds with every application kept opaque, no function's definition put in
        (``φ(x^*) = φ(x + Δx)`` with ``x^* = x + Δx``): then it holds whatever the function is, defined or not."""
        try:
            with time_budget(LINK_SECONDS):
                a, b = atomize(substitute(left.expr, definitions)), atomize(substitute(right.expr, definitions))
                opaque: dict[sp.Expr, sp.Symbol] = {}  # (f(b) − f(a) = ∫_a^b f'(x)dx: the values named as FTC names them)
                a = computation.opaque_calls(_linear_integrals(a), opaque)
                b = computation.opaque_calls(_linear_integrals(b), opaque)
                if a.atoms(AppliedUndef, sp.Derivative, sp.Integral, sp.Subs) \
                        or b.atoms(AppliedUndef, sp.Derivative, sp.Integral, sp.Subs):
                    return False
                return compare(a, b, seconds=LINK_SECONDS).status == "true"
        except (BudgetExceeded, CircularDefinition, TypeError, ValueError, ZeroDivisionError):
            return False

    def _opaque_sides(self, item: Item, left: Term, right: Term, definitions: dict[sp.Symbol, sp.Expr]
                      ) -> tuple[sp.Expr, sp.Expr, frozenset[sp.Symbol]] | None:
        """Both sides with the definitions put in and each application of an unknown function (and each integral
        linear in one) replaced by a symbol of its own, with those symbols; None when something is left that no
        symbol stands for (a derivative, an integral of an unknown function in a non-linear place)."""
        a, b = self._prepare(left.expr, item), self._prepare(right.expr, item)
        if a is None or b is None or a.has(DOTS) or b.has(DOTS):
            return None
        try:
            sa, sb = substitute(a, definitions), substitute(b, definitions)
        except (CircularDefinition, ValueError, RecursionError):  # (ValueError: a definition put in as a derivative's
            return None  # variable; RecursionError: definitions nested deeper than SymPy builds, H_{k+1} = H_k + …)
        opaque: dict[sp.Expr, sp.Symbol] = {}
        sa, sb = _linear_integrals(sa), _linear_integrals(sb)
        sa, sb = computation.opaque_calls(sa, opaque), computation.opaque_calls(sb, opaque)
        if sa.atoms(AppliedUndef, sp.Derivative, sp.Integral, sp.Subs) \
                or sb.atoms(AppliedUndef, sp.Derivative, sp.Integral, sp.Subs):
            return None
        return sa, sb, frozenset(opaque.values())

    def _false_whatever(self, item: Item, k: int, left: Term, right: Term,
                        definitions: dict[sp.Symbol, sp.Expr]) -> bool:
        """A link in unknown functions that is false whatever they are: ``x_{k+1} − x^* = x_k −
        [f''(x_k)]^{-1}f'(x_k) + x^*`` after Newton's rule. Refuted (and reported) only when the difference of the
        sides, with the definitions in, no longer contains any application of an unknown function, so no
        property of f the notes assume (convexity, f'(x^*) = 0) can make it hold, and when every name of that
        difference is written on both sides (``x_{k+1} = x_k − αf'(x_k) + β(x_k − x_{k−1})`` brings in β: another
        method, not a slip)."""
        if left.expr is None or right.expr is None or (k == 0 and isinstance(left.expr, sp.Symbol)) \
                or is_condition(left.expr, right.expr) \
                or not any(self._has_unknown_function(t.expr, item) for t in (left, right)) \
                or any(_vanishing_beside_unknown(t.expr, _source(item, t)) for t in (left, right)):
            return False  # (a name given a value, "f'(x^*) = 0", a link with no f in it: no claim to refute here)
        opened = self._opaque_sides(item, left, right, definitions)
        if opened is None:
            return False
        sa, sb, _ = opened
        try:
            with time_budget(LINK_SECONDS):
                gap = sp.expand(sa - sb)
            if gap == 0 or not gap.free_symbols or not all(_plain_name(x) for x in gap.free_symbols):
                return False  # (a derivative or a value of a function read as a name is a function too)
            if any(not (x in left.expr.free_symbols and x in right.expr.free_symbols) for x in gap.free_symbols):
                # an application of f (its stand-in is on neither side as written); β(x_k − x_{k−1}) with β new:
                # another method; a name on one side only may be what the link names (x^⋆ = Q^{-1}p said in words);
                # x^* on both sides is the same point, written with the wrong sign
                return False
            verdict = compare(sa, sb, seconds=LINK_SECONDS)
        except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
            return False
        if verdict.status != "false":
            return False
        written = (_source(item, left), _source(item, right))
        derived = _as_written(self._prepare(left.expr, item).free_symbols
                              | self._prepare(right.expr, item).free_symbols, definitions, verdict)
        message = _false_message(written, sa, sb, verdict, derived)
        self.report(item, right.start, "error", "math/false",
                    f"{message}; the sides differ by {printing.text(gap)} whatever the unknown functions are")
        self.decide(item, k, "false", "the sides differ by an expression free of the unknown functions")
        return True

    def _renamed_rule(self, item: Item, left: Term, right: Term) -> str | None:
        """``x_{n+1} = x_n − f'(x_n)/f''(x_n)`` after ``x_{n+1} = x_n − f(x_n)/f'(x_n)``: the rule written before for
        an unknown function, applied to another (its derivative, to optimize with Newton's method; or ``f_a``). Proved
        when one renaming of that function and its derivatives (f, f', … to g, g', … or to g', g'', …) turns the
        earlier rule into this one; None otherwise."""
        name, new = left.expr, right.expr
        if not isinstance(name, sp.Symbol) or new is None:
            return None
        rules = [other for other in reversed(self.items[:item.index]) if len(other.stmt.terms) >= 2
                 and other.stmt.terms[0].expr == name and other.stmt.relations[0] == "="
                 and other.stmt.terms[1].expr is not None][:_RULES_TRIED]
        targets = {_function_and_order(type(c).__name__)[0] for c in new.atoms(AppliedUndef)}
        for earlier in rules:  # the nearest first (the same name may be the rule of another method in between)
            old = earlier.stmt.terms[1].expr
            bases = {_function_and_order(type(c).__name__)[0] for c in old.atoms(AppliedUndef)}
            if len(bases) != 1 or not targets or old == new or next(iter(bases)) in self.functions(earlier).defs:
                continue  # (a rule for a function the notes define, Heron's f_a, is no rule for any function)
            if isinstance(old, AppliedUndef):
                continue  # x_3 = g_3(Z_i), then "let x_3 = g_4(Z_i)": a name given by a function is no rule to rename
            (base,) = bases
            for target in sorted(targets):
                for shift in (0, 1):
                    swap = {call: sp.Function(_with_primes(target, _function_and_order(type(call).__name__)[1] + shift))(
                        *call.args) for call in old.atoms(AppliedUndef)}
                    if (target, shift) != (base, 0) and old.xreplace(swap) == new:
                        return (f"the rule of line {self._line_of(earlier.index)} with {_with_primes(target, shift)} "
                                f"for {base}")
        return None

    def _has_unknown_function(self, expr: sp.Expr, item: Item) -> bool:
        functions = self.functions(item)
        for call in expr.atoms(AppliedUndef):
            name = type(call).__name__
            if name == "Norm" or _function_and_order(name)[0] in functions.defs or name.startswith(GRADIENT_PREFIX) \
                    or functions.member(_function_and_order(name)[0]) is not None:
                continue  # (g_1(x) of the family g_n(x) = …: its member)
            if name.split("_")[0] in LOSS_NAMES:
                continue
            return True
        return False

    def _opened_by_definitions(self, item: Item, written: sp.Expr, substituted: sp.Expr) -> str | None:
        r"""A function the notes leave open that the definitions put into a link which writes a known function of
        the same argument in its place, or None: ``u = f^{-1}(x)`` for a general f, then ``x\sin^{-1}x + \cos u =
        x\sin^{-1}x + \cos(\sin^{-1}x)`` works the example f = sin. Refuted with f^{-1}(x) an arbitrary number, the
        link is false for some f only; a link that writes no known function there (σ'(z) dropped) is still refuted."""
        functions = self.functions(item)
        known = {a for call in written.atoms(sp.Function) if not isinstance(call, AppliedUndef)
                 for a in call.args if isinstance(a, sp.Symbol)}
        for x in sorted(substituted.free_symbols - written.free_symbols, key=lambda x: x.name):
            name = getattr(x, "name", "")
            if "(" not in name or not name.endswith(")") or name.startswith(GRADIENT_PREFIX):
                continue
            head, inner = name[:name.index("(")], name[name.index("(") + 1:-1]
            if _function_and_order(head)[0] not in functions.defs and S.symbol(inner) in known:
                return _INVERSE_MARK.sub("", head) or head
        return None

    def _cancelled_gap(self, item: Item, k: int, left: Term, right: Term) -> bool:
        """``α_f + (1 − α_f) = 2``: the letters cancel and a nonzero number is left, so the link holds for
        no value of them; report it (the ordinary check would read the lone letters as being named)."""
        d = identities.cancelled_gap(left.expr, right.expr)
        if d is None:
            return False
        letters = ", ".join(sorted(printing.text(x) for x in left.expr.free_symbols | right.expr.free_symbols))
        self.report(item, right.start, "error", "math/false",
                    f"false for every value of {letters}: {_source(item, left)} = {_source(item, right)}; "
                    f"the left side minus the right side is {printing.text(d)}, not 0")
        self.decide(item, k, "false", "the sides differ by a constant whatever the letters are")
        return True

    def _budgeted_link(self, item: Item, k: int, left: Term, right: Term) -> None:
        """Check one link with the definitions in scope, within the link budget."""
        try:
            with time_budget(LINK_SECONDS * 2):
                self._verify_link(item, k, left, right, self._definitions(item))
        except BudgetExceeded:
            self.report(item, right.start, "info", "math/undecided", f"not decided within {LINK_SECONDS * 2:g} s")
            self.decide(item, k, "undecided", f"not decided within {LINK_SECONDS * 2:g} s")

    def _verify_link(self, item: Item, k: int, left: Term, right: Term,
                     definitions: dict[sp.Symbol, sp.Expr]) -> None:
        """Decide one link; a refutation through a function defined in an earlier section, of a link that
        writes letters that definition never uses, is undecided (:meth:`_elsewhere_defined`)."""
        mark = len(self.findings)
        self._decide_link(item, k, left, right, definitions)
        if self.verdicts.get((item.index, k), ("",))[0] == "proved" \
                and (product := self._proved_as_product(item, left, right,
                                                        self.verdicts[(item.index, k)][1])) is not None:
            self.report(item, right.start, "info", "math/undecided", f"not decided: {product}")
            self.decide(item, k, "undecided", product, override=True)
            return
        if (item.index, k) in self._matrix_unread and self.verdicts.get((item.index, k), ("",))[0] == "false":
            # My = ê refuted as numbers, where ê = y − X(XᵀX)⁻¹Xᵀy is 0: the matrices' own algebra is not read
            self.findings[mark:] = [f for f in self.findings[mark:] if f.code not in {"math/false", "math/coefficient"}]
            why = "matrix notation the matrix reader does not read; as numbers a product with a matrix inverse cancels"
            self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            self.decide(item, k, "undecided", why, override=True)
            return
        if self.verdicts.get((item.index, k), ("",))[0] == "proved" and (item.index, k) not in self._matrix_decided \
                and (differential := self._matrix_differential(item, left, right)) is not None:
            # f'(X)[dX] = 2X dX for f(X) = X² "for a square matrix X": XdX + dXX is 2XdX only as numbers
            why = (f"d{differential} is the differential of a matrix: read as numbers, which commute, the sides agree, "
                   "which says nothing of matrices")
            self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            self.decide(item, k, "undecided", why, override=True)
            return
        if (item.index, k) in self._matrix_unread and self.verdicts.get((item.index, k), ("",))[0] == "proved" \
                and (item.index, k) not in self._matrix_decided:  # (∇J(θ) = Xᵀ(Xθ − Y): the gradient reader proved it)
            why = ("matrix notation the matrix reader does not read; read as numbers, which commute, the sides agree, "
                   "which says nothing of matrices")
            self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            self.decide(item, k, "undecided", why, override=True)
            return
        if self.verdicts.get((item.index, k), ("",))[0] != "false":
            return
        elsewhere = self._doubted_refutation(item, k, left, right, definitions)
        if elsewhere is None:
            return
        # (the wrong term of an expansion is reported as math/coefficient: the same refutation, withdrawn too)
        self.findings[mark:] = [f for f in self.findings[mark:] if f.code not in ("math/false", "math/coefficient")]
        self.report(item, right.start, "info", "math/undecided", f"not decided: {elsewhere}")
        self.decide(item, k, "undecided", elsewhere, override=True)

    def _proved_as_product(self, item: Item, left: Term, right: Term, why: str) -> str | None:
        """Why a proof may rest on a misreading: it reads ``ε(x − 1)`` as ε times (x − 1), where the document
        applies ε to brackets elsewhere (``x^nε(x)``: a function). Read as a call, the link is compared again; the
        proof stands when it holds then too, or when that reading cannot be parsed. ``lim_{x→1} ε(x − 1) = 0``
        held only as a product (ε·0), and a limit of a function at a point is no such product. A subscripted
        name (``p_n(λf + g) = λp_n(f) + p_n(g)``) is doubted where the proof is the bare comparison (``why``): the
        comparison again cannot put in what a proof from a stated equation used."""
        written = _SIZING.sub("", _source(item, left) + " " + _source(item, right))
        if "(" not in written:
            return None
        functions = self.functions(item)
        counts = self._applications()
        letters = (left.expr.free_symbols if left.expr is not None else set()) \
            | (right.expr.free_symbols if right.expr is not None else set())
        for call in _CALL_OR_PRODUCT.finditer(written):
            name = call.group(1)
            if name in functions.defs or name in DEFAULT_FUNCTIONS or name == "E" or counts.get(name, 0) < 2 \
                    or written[:call.start()].rstrip().endswith(("_", "^", "_{", "^{")):
                continue  # (h_\theta(x_i): the subscript of a call, not θ applied)
            shown = call.group(0)[:call.group(0).index("(")].strip()  # p_n of p_n(f): the factor is the name written
            try:
                if parse_expr(name) not in letters:
                    if not why.startswith(("symbolically equal", "with the values given before")) \
                            or parse_expr(shown) not in letters:
                        continue  # o(h) read as the remainder, E(X) as the expectation: no factor to doubt
                else:
                    shown = name
            except LatexParseError:
                continue
            try:
                with time_budget(LINK_SECONDS):
                    sides = [parse_expr(_source(item, t), functions=DEFAULT_FUNCTIONS | {name}) for t in (left, right)]
                    held = compare(sides[0], sides[1], seconds=LINK_SECONDS / 2).status == "true"
            except (LatexParseError, BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
                continue
            if not held:
                return (f"it holds with {call.group(0)} read as {shown} times the bracket; the document applies {shown} "
                        "to brackets elsewhere, and read as a function applied it is not shown")
        return None

    def _doubted_refutation(self, item: Item, k: int, left: Term, right: Term,
                            definitions: dict[sp.Symbol, sp.Expr]) -> str | None:
        """Why a refutation of link ``k`` may be no slip (the first reason found), or None: each doubt below names
        a reading the refutation rests on that the notes may not mean. The ones that only read the text come
        first: the link's time budget may run out in the others."""
        return _derivative_in_another_case(item, left, right) or _power_as_call(item, left, right) \
            or _bracketless_operator(item, left, right) \
            or _pseudo_inverse(left, right, definitions) or self._subscript_lost(item, left, right) \
            or self._named_in_another_part(item, left, right) \
            or self._elsewhere_defined(item, left, right) or self._undefined_one_side(item, left, right,
                                                                                          definitions) \
            or self._sums_to_one(item, left, right) or self._numbers_against_parameters(item, left, right) \
            or self._operator_before_call(item, left, right, definitions) or self._mean_in_words(item, left, right) \
            or self._approximation_in_words(item) or self._newer_model(item, left, right, definitions) \
            or (self._continues_span(item) if k == 0 else None) \
            or self._per_coordinate(item, left, right, definitions) or self._orthogonal_in_a_norm(left, right, definitions) \
            or _derivative_as_operator(left, right) or self._spreads_positive(item, left, right, definitions) \
            or self._at_the_chains_bar(item, k, left, right) or self._in_an_index_case(item, left, right, definitions) \
            or self._at_a_chains_value(item, left, right, definitions) or self._named_differential(item, left, right) \
            or self._bare_labelled_call(left, right) or self._expansion_in_other_names(item, left, right, definitions) \
            or (_COMPOSITION_DOUBT if _COMPOSITION.search(written := _source(item, left) + " " + _source(item, right))
                and not _COMPOSITION_APPLIED.search(written) else None)

    def _solved_here(self, item: Item) -> set[sp.Basic]:
        """The names the statement solves for: a link ``y = 1`` after an implication (``y + 2y = 3 ⟹ 3y = 3 ⟹ y =
        1``). Its links before it are equations in that name, never arithmetic with a value tried earlier (y = 0
        "substituted" into another system the notes gave up on)."""
        stmt = item.stmt
        out: set[sp.Basic] = set()
        for k, relation in enumerate(stmt.relations):
            if relation in ("=>", "<=>") and k + 1 < len(stmt.relations) and stmt.relations[k + 1] == "=":
                name, value = stmt.terms[k + 1].expr, stmt.terms[k + 2].expr
                if isinstance(name, sp.Symbol) and value is not None and value.is_number:
                    out.add(name)
        return out

    def _subscript_lost(self, item: Item, left: Term, right: Term) -> str | None:
        """Why a refutation may be no slip: the link writes ``F'b`` where the notes write ``F'_a`` (a partial
        derivative by its subscript) elsewhere: read as F′ times b, it is most likely F′_b with its underscore lost."""
        written = _source(item, left) + " " + _source(item, right)
        for m in re.finditer(r"(?<![A-Za-z\\])([A-Za-z])'\s*([a-z])(?![A-Za-z])", written):
            if re.search(rf"(?<![A-Za-z\\]){m.group(1)}'_", self.text or ""):
                return (f"{m.group(1)}'{m.group(2)} is read as {m.group(1)}′ times {m.group(2)}; the notes write "
                        f"{m.group(1)}'_… elsewhere: {m.group(1)}'_{m.group(2)} with its underscore lost?")
        return None

    def _matrix_differential(self, item: Item, left: Term, right: Term) -> str | None:
        """The capital ``X`` when the link writes its differential ``dX`` and the notes take X for a matrix (in words,
        "for a square matrix $X$", or in notation), beside another factor of it; None otherwise."""
        if not self._may_use_matrices():
            return None
        written = self._expanded(_source(item, left) + " " + _source(item, right))
        letters = {m.group(1) for m in re.finditer(r"(?<![A-Za-z\\])(?:d|\\mathrm\{d\})\s*([A-Z])(?![A-Za-z])", written)}
        matrices = {str(x) for x in self._matrix_notation().matrices}
        found = sorted(x for x in letters if x in matrices and len(re.findall(rf"(?<![A-Za-z\\]){x}(?![A-Za-z])", written)) >= 2)
        return found[0] if found else None

    def _expansion_in_other_names(self, item: Item, left: Term, right: Term,
                                  definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
        """Why a refutation may be no slip: a side written out with an ellipsis (``Y_2^2 + ⋯ + Y_n^2``) in names whose
        family the other side, definitions put in, never writes (``S_XX = Σ(X_i − X̄)²``): another set of coordinates
        (Y = AX, said elsewhere), no coefficient of the definitions to compare."""
        sides = [self._prepare(t.expr, item) for t in (left, right)]
        if any(x is None for x in sides) or sum(x.has(DOTS) for x in sides) != 1:  # type: ignore[union-attr]
            return None
        dotted, other = sides if sides[0].has(DOTS) else sides[::-1]  # type: ignore[union-attr]
        try:
            other = substitute(other, dict(definitions))
        except CircularDefinition:
            return None
        members = [x for x in dotted.free_symbols if x != DOTS and read_index(x) is not None]
        written = sp.Tuple(other, *(v for v in definitions.values() if isinstance(v, sp.Basic)))
        if isinstance(definitions, ScopeView):
            written = sp.Tuple(written, *(v for v in definitions.stepped().values() if isinstance(v, sp.Basic)))
        if not members or any(_family_written(x, written) for x in members):
            return None  # (v_100 = 0.1θ_100 + … after v_t = βv_{t−1} + (1 − β)θ_t: θ is the rule's)
        names = sorted({_family_base(x) for x in members})
        return (f"the expansion is written in {', '.join(names)}, which the other side and the definitions never "
                "write (other coordinates, related in words?)")

    def _bare_labelled_call(self, left: Term, right: Term) -> str | None:
        """Why a refutation may be no slip: the link writes ``q_0`` bare where the notes define ``q_0(x)`` (``q_0(x) :=
        1``, a constant body the reader takes for no function): the bare name is that function's value. (``n_0(r_0 −
        q̂)``, a bracket of more than a letter, is a product, and defines nothing.)"""
        for x in sorted((x for t in (left, right) if t.expr is not None for x in t.expr.free_symbols), key=str):
            m = re.fullmatch(r"([A-Za-z])_\{(\d)\}", getattr(x, "name", ""))
            if m and re.search(rf"(?<![A-Za-z\\]){m.group(1)}_\{{?{m.group(2)}\}}?\s*\(\s*[A-Za-z]\s*\)\s*&?\s*"
                               r"(?::=|=|\\coloneqq(?![A-Za-z]))", self.text or ""):
                return (f"{printing.text(x)} is applied to an argument elsewhere ({m.group(1)}_{m.group(2)}(…)): written "
                        "bare here it may be that function's value, not a number of its own")
        return None

    @functools.cached_property
    def _differential_letters(self) -> frozenset[str]:
        """The letters whose differential the notes write alone as a formula ("a small change $dx$", "$\\mathrm{d}t$")."""
        found = set()
        for it in self.items:
            if not it.stmt.relations and (m := _BARE_DIFFERENTIAL.fullmatch(it.block.text.strip())):
                found.add(m.group(1))
        return frozenset(found)

    def _named_differential(self, item: Item, left: Term, right: Term) -> str | None:
        r"""Why a refutation may be no slip: the notes name ``dx`` alone, a small change of x, and the link writes it
        (``f(x + dx) − f(x) = 2x\,dx + dx^2``), read here as d times x (so ``dx^2`` is d·x², not (dx)²)."""
        written = _source(item, left) + " " + _source(item, right)
        for letter in sorted(self._differential_letters):
            if re.search(r"(?<![A-Za-z\\])(?:d|\\mathrm\{d\})\s*" + re.escape(letter) + r"(?![A-Za-z])", written):
                return (f"d{letter} may be one name, the small change of {letter} the notes write alone, read here as "
                        f"d times {letter}")
        return None

    def _at_a_chains_value(self, item: Item, left: Term, right: Term,
                           definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
        """Why a refutation may be no slip: an earlier chain of the section works a quantity out to a number
        (``E(Y) = Σ i/6 = 21/6 = 3.5``), and the link holds at that value (``var(Y) = E((Y − 3.5)²)``, where the
        definitions give E[Y²] − E[Y]²). The chain's first link may be undecided, so this is doubt, not a proof."""
        a, b = self._prepare(left.expr, item), self._prepare(right.expr, item)
        if a is None or b is None:
            return None
        try:
            a, b = substitute(a, dict(definitions)), substitute(b, dict(definitions))
        except CircularDefinition:
            return None
        statistics = expectation.has_statistics(a) or expectation.has_statistics(b)
        if statistics:  # var(Y) − E[(Y − 7/2)²]: each expectation read linearly, E[Y] one number
            reading = expectation.read(a, b)
            a, b = reading.left, reading.right
        difference = a - b
        for earlier in reversed(self.items[:item.index]):
            if earlier.section != item.section or len(earlier.stmt.terms) < 3 \
                    or any(r not in ("=", "\\approx", "≈") for r in earlier.stmt.relations):
                continue
            first, last = earlier.stmt.terms[0].expr, earlier.stmt.terms[-1].expr
            if first is None or last is None or first.is_number or not last.is_number:
                continue
            quantity = self._prepare(first, earlier)
            if quantity is not None and statistics and expectation.has_statistics(quantity):
                quantity = expectation.read(quantity, sp.Integer(0)).left
            if quantity is None or quantity.is_number or not difference.has(quantity):
                continue
            try:
                with time_budget(LINK_SECONDS / 2):
                    held = compare(difference.xreplace({quantity: last}), sp.Integer(0),
                                   seconds=LINK_SECONDS / 2).status == "true"
            except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
                continue
            if held:
                return (f"it holds with {printing.text(quantity)} = {printing.text(last)}, the value the chain on line "
                        f"{self._line_of(earlier.index)} works out")
        return None

    def _in_an_index_case(self, item: Item, left: Term, right: Term,
                          definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
        """Why a refutation may be no slip: the words just before pose a case of two indices ("Falls $j \\neq c$:",
        "if $i = k$"), and the link holds for one value of a quantity indexed by one of them (``∂L/∂z_j = p_j − 0``
        from ``p_j − y_j``: y_j = 0). What a case implies for such a quantity (a one-hot y is 0 off its class) is
        said in words the checker does not read; taking y_j as a free number refutes the link wrongly."""
        words = self._words_before(item.index, 160)
        words = re.split(r"\n[ \t]*\n", words)[-1]  # (the paragraph or list item the display belongs to)
        match = next(reversed(list(_INDEX_CASE.finditer(words))), None)  # (the case nearest the display)
        if match is None or not _CASE_WORD.search(words[max(0, match.start() - 40):match.start()]):
            return None
        letters = {match.group(1), match.group(3)}
        a, b = self._prepare(left.expr, item), self._prepare(right.expr, item)
        if a is None or b is None:
            return None
        difference = substitute(a, dict(definitions)) - substitute(b, dict(definitions))
        case = f"{match.group(1)} {'≠' if match.group(2) != '=' else '='} {match.group(3)}"
        own = [x for x in (a.free_symbols | b.free_symbols)
               if (ix := read_index(x)) is not None and ix.letter in letters and ix.offset == 0]
        if own and difference.has(sp.Sum):
            # ∂L/∂z_j = p_j − 0 from −Σ_k y_k(δ_kj − p_j): which terms of the family the case keeps (a one-hot y,
            # "only y_c = 1") is said in words
            return (f"it is said in the case {case} the words pose, and what that case makes of the terms of the sum "
                    "the definitions give is read in words only")
        for x in sorted(difference.free_symbols, key=str):
            ix = read_index(x)
            if ix is None or ix.letter not in letters or ix.offset != 0:
                continue
            try:
                with time_budget(LINK_SECONDS / 2):
                    solved = sp.solve(difference, x)
            except (BudgetExceeded, NotImplementedError, TypeError, ValueError):
                continue
            if len(solved) == 1 and not solved[0].free_symbols and solved[0].is_number:
                return (f"it holds when {printing.text(x)} = {printing.text(solved[0])}, which the case {case} the "
                        "words pose may give (what a case implies is read in words only)")
        return None

    def _at_the_chains_bar(self, item: Item, k: int, left: Term, right: Term) -> str | None:
        """Why a refutation may be no slip: an earlier term of the chain is evaluated at a point by a bar
        (``(∂τ/∂x)²|_{1/θ}``), and the link goes on at that point without writing it again (``(1/θ²)(−1/x²)² = θ²``,
        true at x = 1/θ). The letter the bar binds is the one the link's left side holds and its right side lacks."""
        stmt = item.stmt
        if k == 0 or left.expr is None or right.expr is None:
            return None
        loose = [x for x in left.expr.free_symbols - right.expr.free_symbols if isinstance(x, sp.Symbol)]
        if len(loose) != 1:
            return None
        for term in stmt.terms[:k]:
            for match in _BAR_POINT.finditer(_source(item, term)):
                point = match.group(1).split("=")[-1]
                try:
                    value = parse_expr(point)
                except LatexParseError:
                    continue
                if not isinstance(value, sp.Expr) or loose[0] in value.free_symbols:
                    continue
                try:
                    held = compare(left.expr.xreplace({loose[0]: value}), right.expr, seconds=LINK_SECONDS).status
                except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
                    continue
                if held == "true":
                    return (f"it holds at {printing.text(loose[0])} = {printing.text(value)}, the point the bar earlier "
                            "in the chain evaluates at (the link goes on there without saying so)")
        return None

    @functools.cached_property
    def _squares_named(self) -> frozenset[str]:
        r"""Letters only whose square the notes name (``V^2 = \frac{1}{n-1}\sum…``, ``s^2 := …``): a spread, whose
        root the notes take positive."""
        found = re.finditer(r"(?<![\\A-Za-z_^])([A-Za-z])\s*\^\s*\{?\s*2\s*\}?\s*(?:=|:=|\\coloneqq|\\equiv)", self.text or "")
        return frozenset(m.group(1) for m in found)

    def _spreads_positive(self, item: Item, left: Term, right: Term,
                          definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
        """Why a refutation may be no slip: ``√n(X̄ − a)/σ / √(nS²/σ² · 1/(n − 1)) = √(n − 1)(X̄ − a)/S`` holds for the
        standard deviations σ, S positive, as they are; read as any real numbers, √(S²) is |S|. Only letters that
        stand for a spread (σ with any index, S or s written squared) are taken positive, and only under a root."""
        sides = [self._prepare(t.expr, item) for t in (left, right)]
        if any(x is None for x in sides) or not any(p.exp.is_Rational and not p.exp.is_Integer
                                                    for x in sides for p in x.atoms(sp.Pow)):  # type: ignore[union-attr]
            return None
        try:
            sides = [substitute(x, definitions) for x in sides]  # type: ignore[arg-type]
        except CircularDefinition:
            return None
        written = " ".join(_source(item, t) for t in (left, right))
        spreads = {x for x in sides[0].free_symbols | sides[1].free_symbols if isinstance(x, sp.Symbol)
                   and (x.name.startswith("\\sigma") or (x.name in ("S", "s") and re.search(rf"(?<!\\){x.name}\^\{{?2", written))
                        or x.name in self._squares_named)}
        if not spreads:
            return None
        signed = _signed_by_range(spreads, {x: sp.Interval.open(0, sp.oo) for x in spreads})
        if signed is None:
            return None
        swap, said = signed
        try:
            verdict = compare(sides[0].xreplace(swap), sides[1].xreplace(swap), seconds=LINK_SECONDS)
        except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
            return None
        if verdict.status != "true" and not verdict.reason.startswith("numerically equal"):
            return None  # (equal at random points with the spreads positive is doubt enough, not a proof)
        return f"it holds for {said} (a spread under a root: √(σ²) = σ), which the notes take without saying"

    def _per_coordinate(self, item: Item, left: Term, right: Term,
                        definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
        """Why a refutation may be no slip: the link writes one coordinate (``y_{k-1}^{(j)}``) of a vector that the
        definitions it is compared with, or the section before it, write whole (``u_k = μu_{k−1} + Dy_{k−1}``, then
        ``u_k = μu_{k−1} + d_j y_{k−1}^{(j)}``): the rule restated for one coordinate, which the scalar reading
        cannot relate."""
        written = {x for t in (left, right) if t.expr is not None for x in t.expr.free_symbols
                   if isinstance(x, sp.Symbol) and _COORDINATE_MARK.search(x.name)}
        if not written:
            return None
        try:
            put = [substitute(t.expr, definitions) for t in (left, right) if t.expr is not None]
        except CircularDefinition:
            return None
        whole = {x.name for e in put for x in e.free_symbols}
        whole |= {x.name for other in self.items[:item.index] if other.section == item.section
                  for t in other.stmt.terms if t.expr is not None for x in t.expr.free_symbols}
        for x in sorted(written, key=lambda x: x.name):
            if (base := _COORDINATE_MARK.sub("", x.name)) in whole:
                return (f"{printing.text(x)} is one coordinate of {printing.text(S.symbol(base))}, which the notes "
                        "write whole: a rule restated per coordinate is not compared with the vector form")
        return None

    @functools.cached_property
    def _orthogonal_letters(self) -> frozenset[str]:
        """Letters the notes state orthogonal to another (``a \\perp b``, ``a^T b = 0``, ``\\langle a, b\\rangle = 0``)."""
        return frozenset(x for m in _ORTHOGONAL.finditer(self.text or "") for x in m.groups() if x)

    def _orthogonal_in_a_norm(self, left: Term, right: Term, definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
        """Why a refutation may be no slip: a norm of a sum holds vectors the notes state orthogonal (``‖2a + 3b‖² =
        ‖2a‖² + ‖3b‖²`` after ``a^T b = 0``). Read as numbers, the cross term 2·2a·3b stays; Pythagoras drops it."""
        letters = self._orthogonal_letters
        if not letters:
            return None
        for term in (left, right):
            if term.expr is None:
                continue
            try:
                written = substitute(term.expr, definitions)  # ‖r‖² with r = 2a + 3b
            except CircularDefinition:
                continue
            for norm in written.atoms(Norm):
                summed = sp.expand(norm.args[0])
                members = sorted(printing.text(x) for x in summed.free_symbols
                                 if isinstance(x, sp.Symbol) and _letter_of(x.name) in letters)
                if len(members) >= 2 and isinstance(summed, sp.Add):
                    named = ", ".join(members)
                    return (f"{named} are orthogonal, as the notes state: the norm of their sum is read here as of "
                            "numbers, where the cross terms do not vanish")
        return None

    def _named_in_another_part(self, item: Item, left: Term, right: Term) -> str | None:
        """Why a refutation may be no slip: the link writes a name that only another part of the exercise named
        ("a) $q = 2r$ … b) $q + r = 3r$"). Each part poses its own values, so the name is not put in; but the part
        may mean the other's result, and refuted with the name free, the link says nothing."""
        hidden = self._other_exercises(item)
        if hidden[0] >= hidden[1]:
            return None
        names = {x for t in (left, right) if t.expr is not None for x in t.expr.free_symbols}
        own = {self._definition_target(other) for other in self.items[hidden[1]:item.index]}
        for other in self.items[hidden[0]:hidden[1]]:
            if (target := self._definition_target(other)) in names and target not in own:
                line = other.block.position(other.stmt.terms[0].start)[0]
                return (f"{printing.text(target)} is named in another part of the exercise (line {line}), not in this "
                        "one: read free, as each part poses its own values, it may be that part's result")
        return None

    def _operator_before_call(self, item: Item, left: Term, right: Term,
                              definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
        """Why a refutation may be no slip: a capital nothing defines stands right before a call of a function the
        notes define (``Jg(u)``, ``Df(x)``, ``Hf(x)``): the Jacobian, the derivative or the Hessian of g, an
        operator applied to it, which the product J·g(u) is not."""
        defs = self.functions(item).defs
        for term in (left, right):
            for m in _OPERATOR_CALL.finditer(_source(item, term)):
                letter, name = m.group(1), m.group(2)
                if name in defs and S.symbol(letter) not in definitions and letter not in defs:
                    return (f"{letter}{name}(…) may be an operator ({letter} of {name}: a Jacobian, a derivative) "
                            f"applied to {name}, not the product of {letter} and {name}(…)")
        return None

    def _numbers_against_parameters(self, item: Item, left: Term, right: Term) -> str | None:
        """Why a refutation may be no slip: the link writes no name at all (``f((0, 0)) = 1``), and the definitions
        turn it into one in parameters nothing gives a value (``b_0`` of a model ``f(X) = b_0 + b_1X_1 + …``
        stated sections before): the claim holds for some of their values — the setting it is made in, which the
        notes state in words. A function with no such parameter (``f(x) = x² + 1``, ``f(2) = 4``) is refuted."""
        if left.expr is None or right.expr is None:
            return None
        calls = left.expr.atoms(AppliedUndef) | right.expr.atoms(AppliedUndef)
        if not calls:
            return None  # plain arithmetic (3 · 4 = 11): nothing is left open
        elsewhere = {type(c).__name__ for c in calls} & {fd.name for _, section, fd in self.function_defs
                                                         if section != item.section}
        if (left.expr.free_symbols or right.expr.free_symbols) and not elsewhere:
            return None  # (100x_1 + 25 = h(x) in an example, h(x) = θ_1x_1 + θ_0 from the general section: its θ open)
        a, b = self._prepare(left.expr, item), self._prepare(right.expr, item)
        if a is None or b is None:
            return None
        free = sorted((a - b).free_symbols - left.expr.free_symbols - right.expr.free_symbols - {DOTS}, key=str)
        if not free:
            return None
        names = ", ".join(printing.text(x) for x in free[:4]) + (", …" if len(free) > 4 else "")
        return (f"it holds only for some values of {names}, which the definitions leave open (the setting of the "
                "claim, stated in words?)")

    def _newer_model(self, item: Item, left: Term, right: Term, definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
        """Why a refutation may be of a new model, not a slip: ``y_k = exp(a_k)/u`` after the rule ``y_n = σ(a_n)``
        of an earlier model, where u is defined after that rule and the rule never reads it. The name is read
        through the old rule at a new index; the notes start another model with it ("for 3 classes"). The
        reason, or None."""
        if not isinstance(definitions, ScopeView):
            return None
        for bare, other in ((left, right), (right, left)):
            name = bare.expr
            if not isinstance(name, sp.Symbol) or other.expr is None or definitions.entry(name) is not None \
                    or (ix := read_index(name)) is None:
                continue
            for rule in [x for x in definitions if isinstance(x, sp.Symbol) and (r := read_index(x)) is not None
                         and r.base == ix.base and r.letter is not None and r.letter != ix.letter]:
                entry = definitions.entry(rule)
                if entry is None:
                    continue
                try:
                    reads = substitute(entry[1], definitions).free_symbols
                except CircularDefinition:
                    continue
                later = sorted((x for x in other.expr.free_symbols if isinstance(x, sp.Symbol) and x not in reads
                                and (e := definitions.entry(x)) is not None and e[0] > entry[0]), key=str)
                if later:
                    shown = ", ".join(printing.text(x) for x in later)
                    return (f"{printing.text(name)} read through the rule of line {self._line_of(entry[0])} "
                            f"({printing.text(rule)} = {printing.text(entry[1])}), but its other side reads {shown}, "
                            "defined after that rule and never read by it: a new model, not compared with the old rule")
        return None

    def _unread_prime(self, item: Item, left: Term, right: Term) -> str | None:
        """``f'(s) = f'(a)f(b) + f'(b)f(a)`` after ``f(s) = ab``: a derivative ``f′`` of a function whose body, as
        defined, never reads its variable but reads other names. By the definition f′ is 0, so the link is decided
        by a dependence the notes leave to words (here, that a and b vary with s): proved as 0 = 0 it would say
        nothing. The reason, or None."""
        if left.expr is None or right.expr is None or left.expr == 0 or right.expr == 0:
            return None  # (f(x) = c, then f'(x) = 0: what the definition says of a constant body)
        functions = self.functions(item)
        for term in (left, right):
            for call in term.expr.atoms(AppliedUndef):
                prime = primed(type(call).__name__)
                fd = functions.defs.get(prime[0]) if prime is not None else None
                if fd is not None and len(fd.params) == 1 and fd.params[0] not in fd.body.free_symbols \
                        and fd.body.free_symbols and not fd.body.has(sp.Sum, sp.Integral):
                    return (f"{prime[0]} as defined on line {fd.line} does not read {printing.text(fd.params[0])} "
                            f"(its body: {printing.text(fd.body)}), so {prime[0]}′ is 0 by what the notes write: "
                            "the link rests on a dependence they leave to words")
        return None

    def _approximation_in_words(self, item: Item) -> str | None:
        """Why a refutation may be no slip: the words of the formula's sentence call it an approximation ("the
        function is well approximated by a line, as in $f(x + h) = f(x) + hf'(x)$", "приближённо", "近似"), written
        with ``=``. It is not an identity, so a difference is what it leaves out. None when the words say nothing
        of the kind."""
        after = re.split(r"[.!?](?:\s|$)|\n\s*\n", self._words_after(item.index, 160))[0]
        found = _APPROXIMATE.search(self._sentence_before(item.index)) or _APPROXIMATE.search(after)
        if found is None:
            return None
        return f"the words around it call it an approximation (“{found.group(0)}”), not an identity"

    def _mean_in_words(self, item: Item, left: Term, right: Term) -> str | None:
        """Why a refutation may rest on a letter's meaning: ``E[X²] − 2E[X]μ + μ² = E[X²] − μ²`` holds once μ is
        E[X], which notes often say only in words ("the mean of X is μ"): see
        :meth:`derive.check.expectation.Reading.mean_letter`. None when no such reading makes the sides agree."""
        a, b = self._prepare(left.expr, item), self._prepare(right.expr, item)
        if a is None or b is None or not (expectation.has_statistics(a) or expectation.has_statistics(b)):
            return None
        try:
            return expectation.read(_doit(a), _doit(b)).mean_letter(LINK_SECONDS / 2)
        except (BudgetExceeded, TypeError, ValueError):
            return None

    def _sums_to_one(self, item: Item, left: Term, right: Term) -> str | None:
        """Why a refutation may be no slip: the link holds once a sum it writes is 1 (``p_i(y_1 + ⋯ + y_n) − y_i =
        p_i − y_i`` for a one-hot y, ``Σ_j p_j = 1`` for probabilities) — a fact notes state in words, which the
        checker does not model. None when no sum written in the link does that."""
        a, b = self._prepare(left.expr, item), self._prepare(right.expr, item)
        if a is None or b is None:
            return None
        candidates = [s for side in (a, b) for s in side.atoms(sp.Sum)]
        candidates += [s for side in (a, b) for s in side.atoms(sp.Add) if s.has(DOTS) and DOTS in s.args]
        for total in candidates:
            try:
                if compare(a.xreplace({total: sp.Integer(1)}), b.xreplace({total: sp.Integer(1)}),
                           seconds=LINK_SECONDS / 2).status == "true":
                    shown = printing.text(total)
                    if isinstance(total, sp.Add):  # y_1 + y_2 + … + y_n, the ellipsis before the last term
                        terms = sorted((t for t in total.args if t != DOTS), key=sp.default_sort_key)
                        shown = " + ".join([printing.text(t) for t in terms[:-1]] + ["…", printing.text(terms[-1])])
                    return (f"it holds when {shown} = 1 (as probabilities and one-hot labels sum to 1), a fact "
                            "the words may state")
            except (BudgetExceeded, TypeError, ValueError):
                return None
        return None

    def _elsewhere_defined(self, item: Item, left: Term, right: Term) -> str | None:
        r"""Why a refutation may be about another function: a side of the link is a function (its gradient, its
        derivative) whose definition in force comes from an earlier section (a slide on ``f(x) = x^4 + …``) and writes letters that definition
        does not use (``\nabla f(x) = Ax - b`` on a later slide about quadratics). Notes reuse ``f`` for each new
        example, often without a new definition; a slip about the same ``f`` uses its letters, and stays found."""
        functions = self.functions(item)
        applied: set[str] = set()
        points: dict[str, set[sp.Symbol]] = {}  # name -> letters of the points it is applied at (f(x + h): x, h)
        for expr in (left.expr, right.expr):
            if isinstance(expr, AppliedUndef):  # a side that is the function itself: the link says what it is
                applied.add(_called_function(expr))
            for call in expr.atoms(AppliedUndef) if expr is not None else ():
                # or it is applied at a point made of other letters: (f(x + h) − f(x))/h = f'(x) + (h/2)f''(x) in a
                # new section means any f (a Taylor step), whatever example an earlier section gave; ∇Q(θ_{t−1}) in
                # an update rule is the objective of the introduction at the iterate
                if any(not isinstance(arg, sp.Symbol) for arg in call.args):
                    points.setdefault(_called_function(call), set()).update(
                        x for arg in call.args for x in arg.free_symbols)
        written = set().union(*((e.free_symbols if e is not None else set()) for e in (left.expr, right.expr)))
        for name in sorted((applied | set(points)) & set(functions.defs)):
            fd = functions.defs[name]
            where = next(((index, section) for index, section, other in self.function_defs if other is fd), None)
            if where is None or where[1] == item.section:
                continue
            letters = fd.body.free_symbols | set(fd.params)
            seen = written if name in applied else points[name]
            foreign = {x for x in seen - letters if isinstance(x, sp.Symbol) and x != DOTS}
            if foreign:
                return (f"{name} is defined in an earlier section (line {fd.line}) without "
                        f"{', '.join(sorted(printing.text(x) for x in foreign))}: this section may mean another {name}")
        return None

    def _undefined_one_side(self, item: Item, left: Term, right: Term,
                            definitions: dict[sp.Symbol, sp.Expr]) -> str | None:
        r"""Why a refutation may be no slip: a name written on one side only that nothing in the document gives
        a value (``\frac{1}{2m}\sum (\hat y - y)^2 = \frac{1}{2m}\sum (h(x) - y)^2``, with ``ŷ`` only ever
        meant as ``h(x)`` in words). The link then says what the name stands for; it is not refuted by taking
        the name as a free number. Indexed names (``g_{t-1}``: a step of a known quantity) do not count."""
        if left.expr is None or right.expr is None or any(
                (item.index, j - 1) in self._per_example for j, t in enumerate(item.stmt.terms) if t is right):
            return None  # (ŷ^{(i)} on the right only, after ∂L/∂w: put in with the model at each example)
        one_sided = (left.expr.free_symbols ^ right.expr.free_symbols) - {DOTS}
        given = set(definitions) | set(self._examples(item)) | {name for _, _, name, _ in self.namings}
        given |= {name for _, _, name, _ in self.examples}
        summed = {ix.base for name in given if isinstance(name, sp.Symbol) and (ix := read_index(name)) is not None}
        # ĝ summed in Σ_i ρ^{t−i}ĝ_i (or ĝ^{[i]}) where a rule reads ĝ_t: an input of the recurrence, at its steps
        summed |= {ix.base for name in definitions for x in definitions[name].free_symbols
                   if isinstance(x, sp.Symbol) and (ix := read_index(x)) is not None}
        free = sorted((x for x in one_sided if isinstance(x, sp.Symbol) and x not in given
                       and x.name.replace(sum_induction.SUP_LABEL, "") not in summed
                       and _MARKED.match(x.name) and read_index(x) is None and S.role(x) != "index"), key=str)
        if not free:
            return None
        names = ", ".join(printing.text(x) for x in free)
        return f"{names} appears on one side only and is given no value anywhere: the link may say what it stands for"

    def _decide_link(self, item: Item, k: int, left: Term, right: Term,
                     definitions: dict[sp.Symbol, sp.Expr]) -> None:
        """One link; a gradient of a function written in matrix notation is also read coordinate by coordinate
        (:meth:`_gradient_in_matrices`): a refutation there stands, and a proof by the scalar reading stands only
        when the coordinates agree on random matrices too (the scalar reading drops order and transposes)."""
        if self._in_index_notation(item, k, left, right, definitions):
            return
        if isinstance(left.expr, sp.Symbol) and left.expr.name.startswith(GRADIENT_PREFIX) and right.expr is not None \
                and (held := self._model_per_example(item, left, right, definitions)) is not None:
            if held[0] == "false":  # ∂L/∂w = (1/m)Σ(ŷ^{(i)} − y^{(i)})x^{(i)} after ŷ = wx + b: the model at each example
                self.report(item, right.start, "error", "math/false", f"false derivative: "
                            f"{_clip(_source(item, left))} = {_clip(_source(item, right))}; {held[1]}")
            self.decide(item, k, *held)
            self._per_example.add((item.index, k))
            return
        checked = self._gradient_in_matrices(item, k, left, right)
        if checked is not None and checked.status == "false":
            return
        self._verify_scalar_link(item, k, left, right, definitions)
        verdict = self.verdicts.get((item.index, k))
        if checked is None and verdict is not None and verdict[0] == "proved" and _written_alike(item, left, right):
            self.decide(item, k, "proved", "both sides are written alike", override=True)  # matrices or not
            return
        if checked is None and verdict is not None and verdict[0] == "proved" \
                and (item.index, k) not in self._matrix_decided and self._order_matters(item, left, right):
            # (f(u + hê) − f(u))/h = hêᵀAᵀAê + 2êᵀ(AᵀAu − Ay): true for numbers, false for a matrix A (Aᵀy is meant)
            why = ("the scalar reading holds, but it drops the order of products and the transposes of the matrices "
                   "it reads, and matrix algebra did not decide it")
            self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            self.decide(item, k, "undecided", why, override=True)
            return
        if checked is None or verdict is None or verdict[0] != "proved":
            return
        if checked.status == "true":
            self._matrix_decided.add((item.index, k))
            # a proof in matrix algebra is the reason; the scalar reading's agreement adds nothing an author needs
            why = checked.reason if checked.reason.startswith("proved") else \
                f"{verdict[1] or 'proved in the scalar reading'}; {checked.reason}"
            self.decide(item, k, "proved", why, override=True)
        else:
            self.report(item, right.start, "info", "math/undecided", f"not decided: {checked.reason}")
            self.decide(item, k, "undecided", f"the scalar reading holds, but {checked.reason}", override=True)

    def _model_per_example(self, item: Item, left: Term, right: Term,
                           definitions: dict[sp.Symbol, sp.Expr]) -> tuple[str, str] | None:
        """:func:`per_example.derivative` with the definitions in scope; else, to prove only, with the model an
        earlier section defines (the loss written again under "The Loop", its model two sections up)."""
        assert right.expr is not None
        functions, text = self.functions(item).defs, self.text or ""
        held = per_example.derivative(left.expr, right.expr, functions, definitions, text, LINK_SECONDS)
        if held is not None:
            return held
        earlier: dict[sp.Symbol, sp.Expr] = {}
        for start, name, value in sorted(
                [(index, name, value) for index, section, name, value in self.namings if section != item.section]
                + [(scope.index, name, value) for scope in self.systems if scope.section != item.section
                   for name, value in scope.definitions.items()], key=lambda entry: entry[0]):
            if start < item.index:
                earlier[name] = value
        if not earlier:
            return None
        carried = per_example.derivative(left.expr, right.expr, functions, {**earlier, **definitions}, text,
                                         LINK_SECONDS)
        if carried is None or carried[0] != "proved":
            return None
        return "proved", f"with the model of an earlier section, {carried[1]}"

    def _limit_of_a_call(self, item: Item, left: Term, right: Term) -> str | None:
        r"""``\lim_{h→0} ε(h) = 0``: a limit whose body multiplies a letter by the limit's variable where the notes
        write that letter applied to it, ``ε(h)``. Read as the product ``εh`` the limit is 0 whatever ε is; as the
        function the notes mean it is what they claim about ε. The call as written, or None."""
        if not any(t.expr is not None and t.expr.has(sp.Limit) for t in (left, right)):
            return None
        defined = self.functions(item).defs
        for term in (left, right):
            if term.expr is None:
                continue
            for limit in term.expr.atoms(sp.Limit):
                var = limit.args[1]
                if not isinstance(var, sp.Symbol):
                    continue
                for factor in limit.args[0].free_symbols - {var}:
                    if not isinstance(factor, sp.Symbol) or factor.name in defined:
                        continue
                    written = _source(item, term).replace("\\epsilon", "\\varepsilon")  # as the reader names ε
                    if re.search(re.escape(factor.name) + r"\s*(?:\\left)?\(\s*" + re.escape(var.name)
                                 + r"\s*(?:\\right)?\)", written):
                        return f"{printing.text(factor)}({printing.text(var)})"
        return None

    def _in_index_notation(self, item: Item, k: int, left: Term, right: Term,
                           definitions: Mapping[sp.Symbol, sp.Expr]) -> bool:
        r"""``∂/∂x_i x^⊤Ax = ∂/∂x_i Σ_j x_j (Ax)_j``, ``∂/∂A_{ij} tr(AB) = ∂/∂A_{ij} Σ_{k,l} A_{kl}B_{lk}``: one side
        in index notation, the other a number written in matrix notation, which the scalar reader would read as
        ``Ax²``. The matrix side is written in index notation (:func:`entries.index_text`) and both are written
        out at small sizes: True when that decides the link (proved, or false at every size)."""
        sides = (left, right)
        indexed = [t.expr.has(sp.Indexed) and finite_sums.index_notation(t.expr) for t in sides]
        if not any(indexed) or all(indexed):
            return False
        written = [self._expanded(_source(item, t)) for t in sides]
        rewritten = [None if ix else index_text(w) for ix, w in zip(indexed, written)]
        if all(r is None for r in rewritten):
            return False
        try:
            exprs = [t.expr if r is None else parse_expr(r) for r, t in zip(rewritten, sides)]
        except LatexParseError:
            return False
        if not all(finite_sums.index_notation(e) for e in exprs) or any(
                x in definitions for e in exprs for x in e.free_symbols):
            return False  # a name the notes define: its definition, not its letter, is what the link is about
        if _vanished_by_what_is_written(*exprs, definitions):
            return False  # ∂/∂u_r cᵀv with v a function of u in words: 0 = 0 as written proves nothing (usual path)
        shown = next(w for w, r in zip(written, rewritten) if r is not None)
        if (small := finite_sums.small_sizes(*exprs, LINK_SECONDS)) is not None:
            self.decide(item, k, "proved", f"{shown} in index notation; {small}")
            return True
        if (apart := finite_sums.apart_at_small_sizes(*exprs, LINK_SECONDS)) is None:
            return False
        if apart.startswith(finite_sums.SYMMETRIC):
            self._if_symmetric(item, k, right, apart)
            return True
        if item.assumed or item.trailing_condition or self._sentence_conditions(item):
            return False  # a condition in its sentence may be what makes it hold: the usual path decides
        why = f"{shown} in index notation; {apart}"
        self.report(item, right.start, "error", "math/false",
                    f"false equality: {_clip(written[0])} = {_clip(written[1])}; {why}")
        self.decide(item, k, "false", why)
        return True

    def _if_symmetric(self, item: Item, k: int, right: Term, apart: str) -> None:
        """A link in index notation that holds exactly when the matrices it names equal their transposes
        (``∂tr(CD)/∂C_{ij} = D_{ij}``): proved when the notes call each of them symmetric, else undecided with
        that reason (a transposed index is a slip only for a matrix that is not symmetric)."""
        families = apart[len(finite_sums.SYMMETRIC):].split(", ")
        said = self._matrix_notation().symmetric
        if families and all(f in said or f.upper() in said for f in families):
            self.decide(item, k, "proved", f"written out at small sizes, with {', '.join(families)} symmetric as "
                                           "the notes say")
            return
        self.report(item, right.start, "info", "math/undecided", f"not decided: {apart}")
        self.decide(item, k, "undecided", apart)

    def _verify_scalar_link(self, item: Item, k: int, left: Term, right: Term,
                            definitions: dict[sp.Symbol, sp.Expr]) -> None:
        if asymptotic.has_order(left.expr, right.expr):
            self._expansion(item, k, left, right, definitions)
            return
        if (called := self._limit_of_a_call(item, left, right)) is not None:
            why = (f"{called} may be a function of its variable (written with its argument in parentheses), read "
                   "here as a product: the limit is not decided")
            self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            self.decide(item, k, "undecided", why)
            return
        if self._matrix_link(item, k, left, right, definitions):
            return
        if self._through_computation(item, k, left, right):
            return  # ∂L/∂b = δ with a = σ(z), δ = (a − y)σ'(z) named before: through the nodes, whatever σ is
        functions = self.functions(item)
        a, b = self._prepare(left.expr, item), self._prepare(right.expr, item)
        if a is None or b is None:
            self.report(item, right.start, "info", "math/undecided", "not checked: circular function definitions")
            self.decide(item, k, "undecided", "it reads a circular function definition")
            return
        left_open = calculus.unresolved(a) or calculus.unresolved(b)
        if left_open:
            self.report(item, right.start, "info", "math/undecided", f"not decided: {left_open}")
            self.decide(item, k, "undecided", left_open)
            return
        if (a.has(DOTS) or b.has(DOTS)) and not (tuples.only_open(a) and tuples.only_open(b)):
            self._verify_dots(item, k, left, right, a, b, definitions)
            return  # (x_1, …, x_n): an ellipsis that is a coordinate goes on, compared by :mod:`.tuples`
        if self._closed_form(item, k, left, right, a, b, definitions):
            return
        try:
            if a.has(sp.Sum) or b.has(sp.Sum):  # Σ_i (ŷ_i − y_i)x_i after ŷ_i = wx_i: the definition goes in
                summed = {x for x in definitions if isinstance(x, sp.Symbol) and x.name.endswith("}")}
                a, b = sums.defined_summands(a, summed), sums.defined_summands(b, summed)
            sa, sb = substitute(a, definitions), substitute(b, definitions)
            sa, sb = sums.bound_subscripts(sa), sums.bound_subscripts(sb)
            sa, sb = data_sums.indexed(sa), data_sums.indexed(sb)  # Σ x(mx + c − y): x, y the summed sample
        except CircularDefinition:
            self.report(item, right.start, "info", "math/undecided", "not checked: circular system of definitions")
            self.decide(item, k, "undecided", "it reads a circular system of definitions")
            return
        if (basis := _unit_vectors(sa, sb, _source(item, left) + " " + _source(item, right))) is not None:
            sa, sb = basis  # p × q = (p_2q_3 − p_3q_2)\mathbf{i} − …: i, j, k the unit vectors, coordinates of a tuple
        if (named := self._integral_in_a_differential_letter(a, b, definitions)) is not None:
            why = (f"an integral in {printing.text(named)}, which the notes make a function (d{printing.text(named)} "
                   "= …): a change of variable, not modelled")
            self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            self.decide(item, k, "undecided", why)  # ∫_0^π x sin x dx = ∫_0^π u dv with dv = sin x dx set in words
            return
        if self._unbounded_link(item, k, right, sa, sb):
            return  # ∫ x e^x dx = x e^x − ∫ e^x dx, M(t) = ∫ p(x) e^{tx} dx: never evaluated, no range is written
        if (sa, sb) != (a, b) and functions.defs:
            # c^{(n+1)} = c^{(n)} − ν∇f(c^{(n)}) stated for a general f, then f(x) = 3x⁴ + … and the step written out:
            # the rule's ∇f is the f in force here, as a reader takes it
            sa, sb = _gradients_in_force(sa, functions), _gradients_in_force(sb, functions)
        examples = self._examples(item)
        recurrences = Recurrences(definitions.stepped(), examples)
        instantiated = False
        if recurrences.instantiates(sa, sb):
            # m_t = β²m_{t-2} + …, w_{t+1} = …, m_2 = … with m_0 = 0, y_0 for y_k = …: unroll, shift and instantiate
            before = (sa, sb)
            sa, sb = recurrences.unroll(sa, sb)
            instantiated = (sa, sb) != before
        initial = {x: v for x, v in examples.items() if (ix := read_index(x)) is not None and ix.letter is None}
        if initial:  # x^{(0)} = 0 stated before: the starting point is that number in what follows
            sa, sb = sa.xreplace(initial), sb.xreplace(initial)
        started = ""
        entries: set[sp.Basic] = set()  # the terms of sums written out, named as the notes name them
        if sa.has(sp.Sum, sp.Product) or sb.has(sp.Sum, sp.Product):
            # ½Σ_{i=1}^{4}(h − y_i) = ½(4h − 3) after y_1 = −2, …: the sum written out, its terms named as the
            # notes name them, so that the stated data and the terms written on the other side apply
            known = frozenset(x.name for x in a.free_symbols | b.free_symbols | set(examples) if isinstance(x, sp.Symbol))
            wa, wb = finite_sums.expand(sa, known), finite_sums.expand(sb, known)
            if (wa, wb) != (sa, sb):
                entries = (wa.free_symbols | wb.free_symbols) - (sa.free_symbols | sb.free_symbols)
                sa, sb = wa.xreplace(initial), wb.xreplace(initial)
                started = "the finite sums written out term by term"
        if recurrences and self.zero_init and sa.free_symbols and sb.free_symbols \
                and not sa.free_symbols & sb.free_symbols:
            # v_1 = 0.1 g_1 where the prose says the state starts at zero ("初始化为 0", "initialized to 0"): the
            # recurrence is unrolled down to that stated start, as for a v_0 = 0 written in symbols
            zeros = {start: sp.Integer(0) for x in sa.free_symbols | sb.free_symbols
                     if (ix := read_index(x)) is not None and ix.letter is None and ix.offset > 0
                     and ix.base in recurrences.by_base and (start := ix.at(None, 0)) not in examples}
            if zeros:
                za, zb = Recurrences(definitions.stepped(), {**examples, **zeros}).unroll(sa, sb)
                if za.free_symbols & zb.free_symbols:
                    sa, sb = za, zb
                    started = (f"with {', '.join(sorted(printing.text(z) for z in zeros))} = 0 as the text says "
                               "the state starts at zero")
        if sum_induction.bounded(sa - sb) and sums.prove(sa, sb, seconds=LINK_SECONDS) in (None, sums.DIFFER) \
                and ((by_induction := sum_induction.prove(a, b, LINK_SECONDS)) is not None  # whatever η_k stands for
                     or (by_induction := sum_induction.prove(sa, sb, LINK_SECONDS)) is not None):
            self.decide(item, k, "proved", by_induction)  # Σ_{i=0}^{k}(1/η_{i+1} − 1/η_i) = 1/η_{k+1} − 1/η_0
            return
        if sums.has_generic(sa, sb) and (small := finite_sums.small_sizes(sa, sb, LINK_SECONDS)) is not None:
            # Σ_j x_j(Σ_k a_{jk}x_k) = Σ_{j,k} a_{jk}x_jx_k, ∂/∂x_i of one: written out at small sizes (linearity,
            # when it proves it for every size, is the better reason)
            da, db = _doit(sa), _doit(sb)
            better = sums.prove(da, db, seconds=LINK_SECONDS) if da.has(sp.Sum) or db.has(sp.Sum) else None
            self.decide(item, k, "proved", better if better not in (None, sums.DIFFER) else small)
            return
        # (X^⊤w)_i = Σ_k X_{ik}w_k: entries that differ at every small size (the false path checks its conditions)
        derived = left.expr.has(sp.Derivative) or right.expr.has(sp.Derivative)
        written = _source(item, left) + " " + _source(item, right)
        # only entries of products and derivatives in coordinates are refuted so: (Σ_i z_i)² − Σ_i z_i² = −Σ_i z_i²
        # "assuming z̄ = 0" holds under what the words give the family, which a written-out case never knows
        apart = finite_sums.apart_at_small_sizes(  # (and ∂/∂C_{ij} Σ_{k,l} C_{kl}D_{lk} = D_{ij}, taken: D_{ji})
            sa, sb, LINK_SECONDS, unsummed=derived) if (derived or without_entries(written) != written) and all(
            finite_sums.index_notation(t.expr) for t in (left, right)) \
            and not _vanished_by_what_is_written(left.expr, right.expr, definitions) else None  # (not x^⊤Ax as Ax²)
        # (nor ∂/∂w_{jk} (a_k − t_k) with a_k's dependence on w_{jk} in words: 0 as written, no case refutes)
        if apart is not None and apart.startswith(finite_sums.SYMMETRIC):
            self._if_symmetric(item, k, right, apart)
            return
        if operator_norms(left.expr) or operator_norms(right.expr):
            # \|I − ηA\|_2 = 1 − μ/L: the norm of a matrix depends on its eigenvalues or singular values, which
            # scalars cannot stand for; only a link that holds whatever its value is decided
            if compare(sa, sb, seconds=LINK_SECONDS).status == "true":  # symbolically and at random points
                self.decide(item, k, "proved", "holds whatever the value of the matrix norm")
            else:
                reason = "the norm of a matrix (an operator norm) is not modelled"
                self.report(item, right.start, "info", "math/undecided", f"not decided: {reason}")
                self.decide(item, k, "undecided", reason)
            return
        if (held := self._named_derivatives(sa, sb, definitions)) is not None:
            self.decide(item, k, "proved", held)  # ∂L/∂ŷ·∂ŷ/∂z = (ŷ − y)/(ŷ(1 − ŷ))·ŷ(1 − ŷ): each factor taken
            return
        if sa.free_symbols and sb.free_symbols and not sa.free_symbols & sb.free_symbols and not instantiated \
                and apart is None \
                and not self._steps_of_defined(left.expr, sa, sb, definitions) \
                and not self._derivative_given(left.expr, item) and not self._derivative_given(right.expr, item) \
                and not (left.expr.free_symbols & right.expr.free_symbols
                         and left.expr.has(sp.Derivative) | right.expr.has(sp.Derivative)):
            # r₁ + r₂ = s: sides with nothing in common relate unknowns; no identity is claimed
            # (but ∂f/∂x₂ = 3x₂ for f = x₁² + 3x₁x₂ is a claim about a derivative the definitions give, and so
            # is d/dw₁[w₁x₁ + w₂x₂] = x₂ whose sides shared x₂ before the derivative was taken)
            if self._differentiates_defined(left.expr, item) or self._differentiates_defined(right.expr, item):
                if self._indexed_derivative(item, k, left, right, definitions):
                    return  # ∂L/∂z_k = ŷ_k − y_k for L = −Σ_i y_i log ŷ_i, ŷ_i = e^{z_i}/Σ_j e^{z_j}: each coordinate
                why = "the derivative of a function the notes define could not be taken here (its body does not write its variables)"
                self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
                self.decide(item, k, "undecided", why)  # ∇f(x_1, …, x_n) = Ax + b for f written in the vector x
                return
            if right.expr not in definitions and self._names_right_side(item, k, left, right, definitions):
                return
            if (zeroed := self._set_to_zero(item, sa, sb, definitions)) is not None:
                self.decide(item, k, "proved", zeroed)  # "Setting it to zero: cβ = d" after dL/dβ = 2cβ − 2d
                return
            self.decide(item, k, "not-a-claim", "an equation in unknowns (the sides share no symbol)")
            return
        if (why := _derivative_at_unstated_values(left.expr, right.expr, sa, sb)) is not None:
            self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            self.decide(item, k, "undecided", why)  # ∂E/∂w5 = 0.7414 × 0.5933: at the forward pass's numbers
            return
        if (sa.free_symbols | sb.free_symbols) & self.broken:
            self.report(item, right.start, "info", "math/undecided", "not checked: it reads a circular definition")
            self.decide(item, k, "undecided", "it reads a circular or ambiguous definition")
            return
        settled = [ranges.settle(side, self.stated_ranges, 3 * LINK_SECONDS) for side in (sa, sb)]
        need = next((why for _, why in settled if why), None)
        if need and (linear := _integrals_by_linearity(sa, sb)) is not None:
            self.decide(item, k, "proved", linear)  # ∫₀¹⟨∇f(y + t(x − y)), d⟩dt − ∫₀¹⟨∇f(y), d⟩dt = ∫₀¹⟨… − ∇f(y), d⟩dt
            return
        if need:
            self.report(item, right.start, "info", "math/undecided", f"not decided: {need}")
            self.decide(item, k, "undecided", need)
            return
        sa, sb = _doit(settled[0][0]), _doit(settled[1][0])
        inner_products = signs = False
        if has_vectors(sa) or has_vectors(sb):
            ra, rb = reduce_coords(sa, _tuple_factor), reduce_coords(sb, _tuple_factor)
            inner_products = ra.has(Inner) or rb.has(Inner)
            signs = _sign_dependent(sa, ra) or _sign_dependent(sb, rb)
            reduced = self._vectors(item, k, right, ra, rb, (_source(item, left), _source(item, right)),
                                    item.stmt.relations[k] == "approx")
            if reduced is None:
                return
            sa, sb = reduced
        statistics = expectation.has_statistics(sa) or expectation.has_statistics(sb)
        unmodelled, raw_sides = None, (sa, sb)
        if statistics:
            plain = expectation.read(sa, sb)
            moments = [(m, v) for m, v in self._sentence_conditions(item) if expectation.moment_of_step(m, v)]
            if moments:
                # "if E[g_k] = g for all k, then E[m_t] = (1 − β^t)g": the stated mean put in at every step
                ml, mr = (_doit(expectation.put_moments(side, moments)) for side in (plain.left, plain.right))
                if compare(ml, mr, seconds=LINK_SECONDS).status == "true":
                    stated = ", ".join(f"E[{printing.text(m.args[0])}] = {printing.text(v)}" for m, v in moments)
                    self.decide(item, k, "proved", f"with {stated} at every step, as its sentence states")
                    return
            sa, sb, unmodelled = _doit(plain.left), _doit(plain.right), plain.doubt()
        verdict = None
        sa, sb = sums.log_products(sa), sums.log_products(sb)
        if not statistics and (sa.has(sp.Sum) or sb.has(sp.Sum)):
            by_terms = sums.prove(sa, sb, seconds=LINK_SECONDS)
            if by_terms in (None, sums.DIFFER) and (open_y := data_sums.open_prediction(sa, sb)) is not None:
                self.report(item, right.start, "info", "math/undecided", f"not decided: {open_y}")
                self.decide(item, k, "undecided", open_y)  # Σ(mx + c − y) = Σ(ŷ − y), ŷ = mx + c said elsewhere
                return
            if sa.has(sp.Sum) and sb.has(sp.Sum) and (why := sums.refute(sa, sb, seconds=LINK_SECONDS)):
                verdict = Verdict("false", why)  # the false path below checks its conditions, then says why
            elif by_terms is not None and by_terms != sums.DIFFER:
                self.decide(item, k, "proved", by_terms)  # linearity of Σ: faster than evaluating the sums
                return
            elif by_terms is None and (linear := sums.by_linearity(sa, sb, seconds=LINK_SECONDS)):
                self.decide(item, k, "proved", linear)  # (1/n)Σ(x_i − x̄)² = (1/n)Σx_i² − x̄², x̄ the mean
                return
            elif by_terms in (None, sums.DIFFER) and (moved := sums.by_shift(sa, sb, seconds=LINK_SECONDS)):
                self.decide(item, k, "proved", moved)  # Σ_{k=m}^{n} a_{k+r} = Σ_{l=m+r}^{n+r} a_l
                return
            elif by_terms == sums.DIFFER and sa != 0 and sb != 0 and not (sa - sb).has(sp.Derivative, AppliedUndef) \
                    and not any(x.name.startswith(GRADIENT_PREFIX) for x in (sa - sb).free_symbols) \
                    and any(term.expr.has(sp.Derivative) or any(x.name.startswith(GRADIENT_PREFIX)
                                                                for x in term.expr.free_symbols)
                            or any(type(call).__name__.startswith(GRADIENT_PREFIX)  # ∂/∂θ_1 J(θ_0, θ_1), a call
                                   for call in term.expr.atoms(AppliedUndef)) for term in (left, right)):
                # d MSE/dw = (1/n)Σ(wx_i − y_i)x_i for (2/n)Σ…: a derivative worked out is an identity in the data,
                # not an equation the notes solve (those set it to 0), so summands that differ refute it
                why = "the derivative's summands differ from the written ones for some data (each x_i a value of its own)"
                if not (inner_products or signs):
                    written = (_source(item, left), _source(item, right))
                    self.report(item, right.start, "error", "math/false",
                                f"false equality under the definitions in scope: {_clip(written[0])} = "
                                f"{_clip(written[1])}; {why}")
                    self.decide(item, k, "false", why)
                    return
        if verdict is None and apart is not None:
            verdict = Verdict("false", apart)  # refuted below, after the conditions of its sentence
        if verdict is None:
            verdict = compare(sa, sb, seconds=LINK_SECONDS)
            if verdict.status == "undecided" and statistics and (sa.has(sp.Sum) or sb.has(sp.Sum)) and (
                    sp.expand(sa - sb) == 0 or sums.prove(sa, sb, seconds=LINK_SECONDS) not in (None, sums.DIFFER)):
                self.decide(item, k, "proved", "linearity of the expectation: the sums agree once it is taken through")
                return  # E(Σ a_iX_i) = Σ E(a_iX_i): no random point evaluates a sum of n expectations, but they agree
            if verdict.status == "undecided" and (held := self._holds_as_written(item, left, right)) is not None:
                self.decide(item, k, "proved", held)  # too large once the definitions are in, plain algebra without
                return
        if verdict.status == "false" and statistics and unmodelled and self.text:
            # a fact the text states (independence, stationarity) may be what the link uses
            stated = expectation.read(*raw_sides, independent=self._stated_for(item, expectation.INDEPENDENT),
                                      stationary=self._stated_for(item, expectation.STATIONARY))
            if stated.assumed and compare(_doit(stated.left), _doit(stated.right), seconds=LINK_SECONDS).status == "true":
                self.decide(item, k, "proved", "under " + " and ".join(sorted(set(stated.assumed))))
                return
        if verdict.status != "true" and statistics and self.text and (drawn := self._uniform_draw(item)) \
                and (proof := self._uniform_mean(raw_sides, drawn)):
            self.decide(item, k, "proved", proof)
            return
        if verdict.status == "false" and (inner_products or signs):
            # a difference may be a fact not modelled: ⟨u, v⟩ beyond bilinearity, or the signs of coordinates
            # under |·| and √ (‖(0, ε − δ)‖₁ = ε − δ when δ < ε, said in words)
            reason = ("inner products: only bilinearity and symmetry are modelled" if inner_products else
                      "the norm of a tuple depends on the signs of its coordinates, not known here")
            self.report(item, right.start, "info", "math/undecided", f"not decided: {reason}")
            self.decide(item, k, "undecided", reason)
            return
        if verdict.status == "false" and unmodelled:
            # only linearity is modelled: a false verdict may just lack an independence or stationarity assumption
            self.report(item, right.start, "info", "math/undecided", f"not decided: {unmodelled}")
            self.decide(item, k, "undecided", unmodelled)
            return
        if verdict.status == "false" and (signed := _signed_by_range(sa.free_symbols | sb.free_symbols, {
                **self.stated_ranges, **self._sentence_ranges(item),
                **self._toward_minus_infinity(item, sa.free_symbols | sb.free_symbols)})):
            # |c| = c after "let c > 0": the counterexample broke the range the text states; with the sign known
            # the sides may agree (only to prove: a range may belong to another part of the notes)
            swap, said = signed
            try:
                held = compare(sa.xreplace(swap), sb.xreplace(swap), seconds=LINK_SECONDS).status == "true"
            except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
                held = False
            if held:
                self.decide(item, k, "proved", f"for {said}, as the text states")
                return
        if verdict.status == "false" and (sa.has(sp.Piecewise) or sb.has(sp.Piecewise)) \
                and (held := self._on_stated_interval(sa, sb, item)):
            self.decide(item, k, "proved", held)  # q'(s) = 6s "for s > 1", q given by cases with its kink at 1
            return
        if verdict.status in ("false", "undecided") and (whole := {x for x in sa.free_symbols | sb.free_symbols
                                                    if isinstance(x, sp.Symbol) and x.name in self._integer_letters}):
            # sin(nπ) = 0, cos(nπ) = (−1)^n "for every integer n": the counterexample took n = 0.207
            swap: dict[sp.Basic, sp.Basic] = {x: sp.Dummy(x.name, integer=True) for x in whole}
            swap.update({x: sp.pi for x in sa.free_symbols | sb.free_symbols if str(x) == "\\pi"})
            try:
                at_integers = compare(sa.xreplace(swap), sb.xreplace(swap), seconds=LINK_SECONDS)
            except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
                at_integers = Verdict("undecided", "not decided in time")
            integral = at_integers.status
            names = ", ".join(sorted(printing.text(x) for x in whole))
            bare = _SIZING.sub("", _source(item, left) + " " + _source(item, right))
            if integral == "false" and any(c.group(1) not in self.functions(item).defs and c.group(1) not in DEFAULT_FUNCTIONS
                                           for c in _CALL_OR_PRODUCT.finditer(bare)):
                integral = "undecided"  # T_{n+1}(x_j) = (−1)^j: T_{n+1} times x_j is not what is meant
            if integral == "false" and verdict.status == "undecided" and at_integers.counterexample:
                # cos(nπ) = (−1)^{n+1}: no real n evaluates it, every integer refutes it
                at = ", ".join(f"{printing.text(x)} = {printing.text(v)}" for x, v in at_integers.counterexample.items())
                self.report(item, right.start, "error", "math/false",
                            f"false for {names} an integer, as the notes state: {_clip(_source(item, left))} = "
                            f"{_clip(_source(item, right))} differs at {at}")
                self.decide(item, k, "false", f"false for {names} an integer (at {at})")
                return
            if integral == "true":
                self.decide(item, k, "proved", f"with {names} an integer, as the notes state")
                return
            if integral != "false" and verdict.status == "false":
                why = f"it may hold with {names} an integer, as the notes state, which could not be decided"
                self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
                self.decide(item, k, "undecided", why)
                return
        if verdict.status == "false" and (sa.has(sp.log) or sb.has(sp.log)) \
                and _COMMON_LOG.search(_source(item, left) + " " + _source(item, right)):
            # \log(a²b/√c) + 2 = \log(a²b/√c) + \log 100: school notes write \log for the logarithm to base 10
            try:
                common = compare(_common_log(sa), _common_log(sb), seconds=LINK_SECONDS).status == "true"
            except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
                common = False
            if common:
                self.decide(item, k, "proved", "reading \\log as the logarithm to base 10")
                return
        for name, value, reading in (("I", sp.Integer(1), "I as the identity matrix"), ("e", sp.E, "e as Euler's number")):
            # (I − ηΛ)x: I is not a number; "(e is a constant)": e^{(h+1)^2} at 0 is e
            alternative = {x: value for x in (sa.free_symbols | sb.free_symbols) if x.name == name}
            if verdict.status == "false" and alternative and \
                    compare(sa.xreplace(alternative), sb.xreplace(alternative), seconds=LINK_SECONDS).status == "true":
                self.decide(item, k, "proved", f"reading {reading}")
                return
        if verdict.status == "false" and (reading := self._family_reading(item, sa, sb, definitions)):
            self.decide(item, k, "proved", reading)
            return
        if verdict.status == "false":
            # (not for a claim its sentence makes "for every x": a value given before is one case, not the claim)
            given = {} if _UNIVERSAL.match(self._words_after(item.index, 60)) else self._examples(item)
            given = self._not_rebound(item, given)
            # (nor the point a series is taken at, "the Taylor series at $x = 0$", where both sides write its letter:
            # the factoring that follows is about every x, and x = 0 would prove 1 − x − x² = 1 − 2x; "at $x = 2$,
            # x² + 1 = 5" evaluates there)
            points, near = self._points_named(item), self._points_in_paragraph(item)
            given = {x: v for x, v in given.items()
                     if x not in points or (x in near and (
                         x not in sa.free_symbols or x not in sb.free_symbols
                         or re.search(re.escape(x.name) + r"\s*=", self._sentence_before(item.index))))}
            # ("at x = 2 we have"; a point named in another paragraph, "the origin (the point at $x = 0$)", is no
            # value for "we look for x with f'(x) = 0")
            # (nor a name its own sentence or paragraph gives a range: "we must have b ≤ 0. It follows that …" speaks
            # of any such b, not of the corner b = 0 another case set)
            ranged = set(self._sentence_ranges(item))
            # (nor the variable of a function the link writes, i_L(t) = 3e^{−2t} − 3 after "C.I.: t = 0": it is about
            # every t, and the instant of the initial condition proves nothing of it)
            ranged |= {S.symbol(m.group(1)) for term in (left, right) for m in _CALLED_LETTER.finditer(_source(item, term))}
            # (nor the letter a derivative the link writes is taken in: d/du(u² + v²) = d/du(9) is about every u of
            # the curve, and u = 0 from another example proves nothing of it)
            ranged |= {S.symbol(m.group(1) or m.group(2)) for term in (left, right)
                       for m in _DIFFERENTIATED_IN.finditer(_source(item, term))}
            used = {x: v for x, v in given.items() if x in sa.free_symbols | sb.free_symbols and x not in ranged}
            used.update(worked_values.every_step_values(given, sa.free_symbols | sb.free_symbols))  # g_t = 1
            at_values = compare(sa.xreplace(used), sb.xreplace(used), seconds=LINK_SECONDS) if used else None
            if at_values is not None and at_values.status == "true":
                values = ", ".join(f"{printing.text(x)} = {printing.text(v)}" for x, v in sorted(used.items(), key=str))
                self.decide(item, k, "proved", f"with the values given before ({values})")
                return
            if at_values is not None and at_values.status == "false" and (any(
                    re.search(r"\d\.\d", _source(item, term)) for term in (left, right)) or item.assumed):
                # 0.9(0.2θ_99 + …) after "let β = 0.9": the term that differs is named at the values the text gives
                sa, sb, verdict = sa.xreplace(used), sb.xreplace(used), at_values
            # only the start of a recurrence (v_t read from v_{t-1}), or of a quantity no rule steps: η_0 in
            # η_t = η_0γ^{⌊t/s⌋} is a parameter of the schedule, not a start the notes left unstated
            ruled: dict[str, bool] = {}  # base → does its rule read the base at a lettered step?
            for name, body in definitions.stepped().items():
                if (ix := read_index(name)) is not None:
                    ruled[ix.base] = ruled.get(ix.base, False) or any(
                        (at := read_index(x)) is not None and at.base == ix.base and at.letter is not None
                        for x in body.free_symbols)
            unknown_start = {x: sp.Integer(0) for x in sa.free_symbols | sb.free_symbols
                             if ruled and (ix := read_index(x)) is not None and ix.letter is None and ix.offset == 0
                             and ruled.get(ix.base, True)}  # (with no rule in scope, x_0 is a point, not a start)
            if unknown_start and compare(sa.xreplace(unknown_start), sb.xreplace(unknown_start),
                                         seconds=LINK_SECONDS).status == "true":
                names = ", ".join(sorted(printing.text(x) for x in unknown_start))
                self.report(item, right.start, "info", "math/undecided",
                            f"not decided: it holds if {names} = 0, a starting value not stated before it")
                self.decide(item, k, "undecided", f"holds if {names} = 0 (a starting value not stated before it)")
                return
            if (blocked := recurrences.blocked & (sa.free_symbols | sb.free_symbols)):
                names = ", ".join(sorted(printing.text(x) for x in blocked))
                rest = {x: sp.Integer(0) for x in blocked if recurrences.at_rest(x)}
                at_rest = compare(sa.xreplace(rest), sb.xreplace(rest), seconds=LINK_SECONDS) \
                    if len(rest) == len(blocked) else None
                if at_rest is not None and at_rest.status == "true":
                    self.decide(item, k, "proved", f"taking {names} = 0 (nothing moved before the first step)")
                    return
                if at_rest is not None and at_rest.status == "false":
                    blocked = set()  # false at rest as for any start: reported with the start at rest
                    sa, sb, verdict = sa.xreplace(rest), sb.xreplace(rest), at_rest
            if blocked:
                why = f"{names} would read a step before the start, which the notes give no value for"
                self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
                self.decide(item, k, "undecided", why)
                return
        if verdict.status == "false" and (source := self._follows_from_equation(item, sa, sb, definitions)):
            # "Dividing the expansion above by f''(x_k), we get …": a consequence of an equation, not an identity.
            # Proved only from an equation the notes pose (a condition, an equation in unknowns); from a claim
            # the checker could not decide it is only as good as that claim.
            if source.endswith(_UNDECIDED_PREMISE):
                self.report(item, right.start, "info", "math/undecided", f"not decided: {source}")
                self.decide(item, k, "undecided", source)
            else:
                self.decide(item, k, "proved", source)
            return
        if verdict.status == "false" and (later := self._defined_after(item, left, right, sa, sb, definitions)) is not None:
            status, why = later  # "… = α‖x_t − x^*‖², where α = …": the definition follows the link
            if status == "undecided":
                self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            self.decide(item, k, status, why)
            return
        if verdict.status == "false" and (earlier := scope_rules.earlier_section_reading(self, item, sa, sb,
                                                                                         definitions)) is not None:
            if earlier[0] == "undecided":  # ‖x_{k+1} − x*‖² after "Definition: x_{k+1} = …" under another heading
                self.report(item, right.start, "info", "math/undecided", f"not decided: {earlier[1]}")
            self.decide(item, k, *earlier)
            return
        if verdict.status == "false" and (fixed := scope_rules.fixed_parameter_reading(
                self, item, left.expr + right.expr, sa, sb)) is not None:
            if fixed[0] == "undecided":  # x_{k+1} = x_k − α(Ax_k + b) under x_{k+1} = x_k + α_k p_k
                self.report(item, right.start, "info", "math/undecided", f"not decided: {fixed[1]}")
            self.decide(item, k, *fixed)
            return
        if verdict.status == "false" and k == 0 and (model := restated_models.new_model(self, item, left, right)) is not None:
            self.report(item, right.start, "info", "math/new-scheme", f"not checked: {model}")
            self.decide(item, k, "undecided", model)  # h_θ(x) = θ₀ + θ₁x after a new feature x = frontage·depth
            return
        if verdict.status == "false" and (refit := self._reparametrized(item, left, right, sa, sb, definitions)):
            # "we can rewrite this model as y_i = β₀ + β₁ sin t_i + β₂ cos t_i + ε_i": some β make it hold
            if refit.status == "false":
                self.report(item, right.start, "error", "math/false",
                            f"false restated model: {_clip(_source(item, left))} = {_clip(_source(item, right))}; "
                            f"{refit.reason}")
            elif refit.status == "undecided":
                self.report(item, right.start, "info", "math/undecided", f"not decided: {refit.reason}")
            self.decide(item, k, refit.status, refit.reason)
            return
        if verdict.status == "false" and (mapped := self._defined_map(item, a, b)) is not None:
            self.report(item, right.start, "info", "math/undecided", f"not decided: {mapped}")
            self.decide(item, k, "undecided", mapped)  # T(Tx) = Tx after Tx = argmin_{w∈W} ‖x − w‖: T is a map
            return
        if verdict.status == "false" and (shadow := self._unread_redefinition(item, a, b)) is not None:
            if (read := self._as_products(item, left, right, definitions)) is not None:
                self.decide(item, k, "proved", read)  # R(1 + i) with i = \text{rate}/12 unread: the calls were
                return  # what refuted it, and read as products it holds whatever i is
            self.report(item, right.start, "info", "math/undecided", f"not decided: {shadow}")
            self.decide(item, k, "undecided", shadow)
            return
        if verdict.status == "false" and (fact := self._stated_fact(item, a, b, definitions)) is not None:
            status, why = fact  # ‖h‖₂ = 1 stated before: a fact about an expression, not a definition of a name
            if status == "undecided":
                self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
            self.decide(item, k, status, why)
            return
        if verdict.status == "false" and self._holds_as_meant(item, a, b):
            # the system has a known mistake (reported there); this link follows it as meant
            self.decide(item, k, "proved", "under the system as meant (its mistake is reported at its row)")
            return
        if verdict.status == "false":
            conditions = self._sentence_conditions(item)
            if conditions:
                under = self._under(conditions, sa, sb)
                if under == "true":
                    self.decide(item, k, "proved", "under the condition stated before it in its sentence")
                    return
                if under != "false":  # could not be applied, or not decided in time: never a false finding
                    self.report(item, right.start, "info", "math/undecided",
                                "not decided: it holds only under a condition of its sentence that could not be applied")
                    self.decide(item, k, "undecided", "stated under a condition that could not be applied")
                    return
            if item.trailing_condition and (sa.has(sp.Piecewise) or sb.has(sp.Piecewise)) \
                    and (refuted := self._refuted_on_trailing_range(item, sa, sb)):
                # q'(s) = 8s "for s > 1" where q' is 6s there: the range after it picks one case, which differs
                written = (_source(item, left), _source(item, right))
                self.report(item, right.start, "error", "math/false",
                            f"false equality under the condition after it: {_clip(written[0])} = {_clip(written[1])}; {refuted}")
                self.decide(item, k, "false", refuted)
                return
            if item.trailing_condition:
                self.report(item, right.start, "info", "math/undecided",
                            "not decided: a condition follows it in its sentence")
                self.decide(item, k, "undecided", "stated under a condition that follows it (not applied)")
                return
            if item.index in self._restated:
                self.report(item, right.start, "info", "math/undecided",
                            "not decided: it restates a named quantity differently, and no word says it follows "
                            "(write “hence”, “so”, “we get” to make it a claim)")
                self.decide(item, k, "undecided", "restates a named quantity differently: a second definition, "
                            "or a slip? (no word says it follows)")
                return
            if k == 0 and isinstance(left.expr, sp.Symbol) and (scheme := self._restated_row_scheme(item, left.expr)):
                self.report(item, right.start, "info", "math/undecided", f"not decided: {scheme}")
                self.decide(item, k, "undecided", scheme)
                return
            if (restated := self._holds_as_restated(item, a, b, definitions)) is not None:
                self.report(item, right.start, "info", "math/undecided", f"not decided: {restated}")
                self.decide(item, k, "undecided", restated)
                return
            if (basis := self._in_another_basis(item, left, right)) is not None:
                self.report(item, right.start, "info", "math/undecided", f"not decided: {basis}")
                self.decide(item, k, "undecided", basis)  # "in the eigenvector basis M = diag(24s², 4)"
                return
            if (scheme := self._parameter_changed(item, left, right, definitions)) is not None:
                self.report(item, right.start, "info", "math/undecided", f"not decided: {scheme}")
                self.decide(item, k, "undecided", scheme)  # x₊ = x − η_x·2x after x₊ = x − γ·2x, η_x set later
                return
            if k == 0 and (reading := self._regularized_reading(item, definitions)) is not None:
                self._decide_regularized(item, k, reading)  # x_t = (1 − 2αλ)x_{t−1} − … on f(x) + λ‖x‖² (named F)
                return
            if (scheme := other_schemes.other_scheme(self, item, a, b, definitions)) is not None:
                self.report(item, right.start, "info", "math/undecided", f"not decided: {scheme}")
                self.decide(item, k, "undecided", scheme)
                return
            if item.assumed and not conditions and not self._condition_given_as_value(item):
                self.report(item, right.start, "info", "math/undecided",
                            "not decided: it holds under a condition its sentence states in words")
                self.decide(item, k, "undecided", "stated under a condition given in words (not applied)")
                return
            if (sample := scope_rules.sample_reading(self, item, left.expr + right.expr, sa, sb)) is not None:
                if sample[0] == "undecided":  # ∇L(w_0) = −2·1·(2 − w_0·1): at an observation, not for all x, y
                    self.report(item, right.start, "info", "math/undecided", f"not decided: {sample[1]}")
                self.decide(item, k, *sample)
                return

            if (worded := self._worded_point(item, sa.free_symbols | sb.free_symbols)) is not None:
                values, said = worded
                try:
                    held = compare(sa.xreplace(values), sb.xreplace(values), seconds=LINK_SECONDS).status == "true"
                except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
                    held = False
                if held:  # "when t = 0, N = 0. Then N = 0 = −100e^{−0.1t} + c = −100 + c": evaluated there
                    self.decide(item, k, "proved", f"at {said}, as the words before it say (typed without math)")
                    return
            if (why := apart) is not None or sa.has(sp.Sum) and sb.has(sp.Sum) and (
                    why := sums.refute(sa, sb, seconds=LINK_SECONDS)) is not None:
                written = (_source(item, left), _source(item, right))
                self.report(item, right.start, "error", "math/false",
                            f"false equality under the definitions in scope: {_clip(written[0])} = "
                            f"{_clip(written[1])}; {why}")
                self.decide(item, k, "false", why)
                return
            if (numbered := _with_the_number_pi(sa, sb)) is not None:
                if numbered[2].status == "false":
                    sa, sb, verdict = numbered  # (2π∫₀^∞ e^{−u/2}du = 2π: the counterexample never sets π = 0.207)
                elif numbered[2].status == "true":
                    self.decide(item, k, "proved", "with π the number π (3.14159…)")  # cos²x = sin²(π/2 − x)
                    return
                else:
                    why = "it may hold with π the number π, which could not be decided"
                    self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
                    self.decide(item, k, "undecided", why)
                    return
            if (same := self._restated_link(item, left, right)) is not None:
                self.decide(item, k, *same)  # "consider the preconditioned system: M⁻¹Ax = M⁻¹b", once more
                return
            if (first := self._rule_from_first_step(item, a, b, definitions)) is not None:
                # x_{k+1} − x* = (1 − 2η)(x_k − x*) where only x_1 = x_0 − ηf'(x_0) is written: that step's rule
                self.decide(item, k, *first)
                if first[0] == "undecided":
                    self.report(item, right.start, "info", "math/undecided", f"not decided: {first[1]}")
                return
            if (products := self._as_products(item, left, right, definitions)) is not None:
                self.decide(item, k, "proved", products)  # R(1 + i) in a loan's balance: the payment times (1 + i)
                return
            if (solved := self._solved_later(item, sa, sb)) is not None:
                self.decide(item, k, "not-a-claim", solved)  # log₂(w² + 4w + 3) = 4 + log₂(w² + w), …, w = 1/5
                return
            if (posed := self._posed_differential_equation(item, left, right)) is not None:
                self.decide(item, k, "not-a-claim", posed)  # "Example: dy/dx − 3y = sin x" under a new heading
                return
            reason = doubt(sa, sb, functions, left.expr + right.expr, recurrences.modelled())
            if reason == INDEXED_DOUBT and _summed_only(sa) and _summed_only(sb) and any(
                    t.expr.has(sp.Derivative) or any(x.name.startswith(GRADIENT_PREFIX) for x in t.expr.free_symbols)
                    for t in (left, right)):
                reason = None  # ∂p_i/∂z_i of e^{z_i}/Σ_j e^{z_j}: each z_j summed over is a value of its own
            if reason is None and (opened := self._opened_by_definitions(item, a + b, sa + sb)):
                reason = (f"the definitions bring in the function {opened}, which the notes leave open, into a link "
                          f"that writes known functions in its place: it may hold for the {opened} of this example")
            written_text = _source(item, left) + " " + _source(item, right)
            if reason is None and (said := _WORD_IN_MATH.search(written_text)):
                # $t=0 or \alpha t=1$: a word typed between formulas, read as letters multiplying them
                reason = f"“{said.group(0)}” is a word typed inside the formula, read as a product of letters"
            if reason is None and _CANCEL.search(written_text):
                # \frac{\cancel 4^2}{\cancel 2 \sqrt 2}: what is struck through, and what is written over it, annotate
                # a cancellation the reader does by hand; read as algebra they are other numbers
                reason = "\\cancel marks terms struck through by hand (and what replaces them): not read as algebra"
            if reason is None and (sa.has(sp.I) or sb.has(sp.I)) and _BARS.search(written_text):
                # z·z* = |z|² with z = a + jb: bars are read as a real number's (|z|² = z²), not a complex modulus
                reason = "|…| of a complex number is read as a real absolute value (|z|² as z²): the modulus is not modelled"
            if reason is None and _TRANSPOSE.search(without_entries(written_text)) \
                    and not _tuple_transposes_only(written_text):
                reason = "transposes: matrix algebra is not modelled element-wise"
            if reason is None and (named := (a.free_symbols | b.free_symbols) & self.existential):
                reason = f"{', '.join(sorted(printing.text(x) for x in named))} is only known to exist (“for some”)"
            # (only a word this link writes: \hat{Var} in the link before does not doubt 1/(100/3 − 25) = 3/125)
            if reason is None and (words := [w for w in item.words if w in written_text]):
                reason = (f"“{words[0]}” is read as one name (a word of four letters or more, with a vowel): it "
                          "may be an operator or a function" if reads_as_word(words[0])
                          else f"“{words[0]}” is read as a product of letters")
            unsized = _SIZING.sub("", written_text)  # h_{\theta}\left( x \right) is the call h_θ(x) as well
            calls = [c for c in _CALL_OR_PRODUCT.finditer(unsized) if c.group(1) not in functions.defs
                     and (c.group(1) not in DEFAULT_FUNCTIONS or _read_as_product(c.group(0)))
                     and not _family_call(c.group(0)[:c.group(0).rindex("(")], functions)
                     and not _read_as_statistics(c.group(0), a, b)]

            if reason is None and calls:
                reason = f"{calls[0].group(0)} may be a function of its argument, not a product"
            if reason is None and any(isinstance(x, sp.Symbol) and x.name == "E" for x in sa.free_symbols | sb.free_symbols) \
                    and (expectation.has_statistics(a) or expectation.has_statistics(b)):
                # Var(X) = μ_2 − μ_1² with μ_k = E(X^k): a letter E that the definitions put in beside a variance is the
                # expectation written with round brackets, not a number E
                reason = "E(…) in the definitions it reads is the expectation, read here as a letter E times its argument"
            applied = [(c.group(0), c.group(1) or c.group(2)) for c in _APPLIED.finditer(written_text)]
            # T_k(1 + ε) after T_k(a) = cosh(k arccosh a): any argument, once the name is applied as a function
            applied += [(c.group(0) + "…)", c.group(1)) for c in _BEFORE_BRACKET.finditer(written_text)
                        if not _EVENT_INSIDE.search(_bracketed(written_text, c.end()))]

            applied = [(whole, name) for whole, name in applied
                       if name not in functions.defs and name not in DEFAULT_FUNCTIONS
                       and not ("(" in whole and _family_call(whole[:whole.rindex("(")], functions))
                       and self._applications().get(name, 0) >= 2 and not _EVENT_INSIDE.search(whole)
                       and not _read_as_statistics(whole, a, b)]
            # ε_2(\sin x) after y²ε_2(y): a Greek letter applied to any argument, once it is applied to a name
            applied += [(c.group(0) + "…)", c.group(1)) for c in _GREEK_BEFORE_BRACKET.finditer(written_text)
                        if c.group(1) not in functions.defs and self._applications().get(c.group(1), 0) >= 1
                        and not _EVENT_INSIDE.search(_bracketed(written_text, c.end()))]
            if reason is None and applied:
                whole, name = applied[0]
                reason = (f"{whole} may be the function {name} applied to its argument "
                          f"(the document applies {name} to parentheses elsewhere), not a product")
            if reason is None and (wrappers := self._wrappers(item, left, right, a, b)):
                reason = f"{', '.join(wrappers)} (defined nowhere) read as the identity on its argument"
            if reason is None and "\\int" not in written_text and _DIFFERENTIAL.search(self._expanded(written_text)):
                # d(AB) = dA·B + A·dB, dA^{-1} = −A^{-1}dA A^{-1}: d is the differential, not a factor d
                reason = "differentials (an upright d before a name or a bracket) are not modelled: d is no factor"
            if reason is None and (bare := _bare_operator(written_text)):
                reason = f"“{bare.group(1)}” is written without a backslash and read as letters, not as the function"
            if reason is None and "\\int" not in written_text and not any(x.name == "d" for x in definitions) \
                    and self._plain_differentials(_source(item, left), _source(item, right)):
                # d{f(x)} = f′(x) dx: a plain d on both sides, before what it applies to, and nothing names a d
                reason = "d may be the differential (d f(x) = f′(x) dx), which is not modelled"
            if reason is None:
                reason = self._superscript_steps(written_text)
            if reason is None:
                reason = self._function_redefined_since(item, a, b, definitions)
            if reason is None:
                reason = self._orthogonal_stated(item, sa, sb)
            if reason is None:
                reason = self._increment_reading(item, written_text, a, b, definitions)
            if reason is None:
                reason = _specialized(a, b, sa, sb)
            if reason is None:
                reason = _derivative_of_unwritten(left.expr, right.expr, sa, sb, definitions)
            if reason is None:
                reason = _vanished_by_what_is_written(left.expr, right.expr, definitions)
            if reason is None:
                reason = _gradient_of_unread(left.expr, right.expr, sa, sb, functions)
            if reason is None and left.expr.has(sp.Piecewise) != right.expr.has(sp.Piecewise):
                # S_{ηα}(w_i) = \begin{cases} w_i − ηα & w_i > ηα \\ … \end{cases}: the split defines what its other
                # side writes; read as a product (S_{ηα} times w_i), that side was never the function it names
                named = _source(item, right if left.expr.has(sp.Piecewise) else left)
                if (called := _BEFORE_BRACKET.search(named)) is not None:
                    reason = f"a definition by cases of {called.group(0).rstrip('( ')}(…), which reads here as a product"
            if reason is None:
                reason = _limit_of_unwritten(left.expr, right.expr)
            if reason is None:
                reason = _norm_defined(left.expr, right.expr)
            if reason is None:
                reason = _order_dependent(sa, sb)
            if reason is None and (loose := sorted(printing.text(x) for x in entries
                                                   if (x in sa.free_symbols) != (x in sb.free_symbols))):
                reason = (f"{', '.join(loose)} (terms of a sum written out) "
                          f"{'stands' if len(loose) == 1 else 'stand'} on one side only with no stated value")
            if reason is None and (loose := [x for x in self._undefined_one_sided(item, a, b, sa, sb, definitions)
                                             if x not in self._differentiated_parameters(item, left)]):
                names = ", ".join(printing.text(x) for x in loose)
                one = len(loose) == 1
                reason = (f"{names} {'stands' if one else 'stand'} on one side only and nothing defines "
                          f"{'it' if one else 'them'}: the link may name {'it' if one else 'them'} rather than "
                          "claim an identity")
            if reason is None and (named := self._differential_since(item, left.expr)) is not None:
                # "we set u = log x and dv = x dx. Then we get v = x²/2": the new dv chose a new v, the old v is gone
                reason = (f"the notes set d{printing.text(named)} anew on line {self._differential_lines[named.name][-1]} "
                          f"after {printing.text(named)} was named: a new {printing.text(named)}, not a slip of the old one")
            if reason is None and (member := _unapplied_member(sa, sb, definitions, [n for _, _, n, _ in self.namings])) \
                    is not None:
                # g_2 = v_2y_2 − 1 = … after v_i = Σ_{j≥3} … = f(x_i) − …, i = 1, 2: v_2 stayed a letter, so the
                # sides were compared without what the notes say it is
                reason = (f"{printing.text(member)} is a member of a family the notes define for every index, whose "
                          "definition could not be put in here")
            if reason is None and (held := sorted(printing.text(x) for x in left.expr.free_symbols | right.expr.free_symbols
                                                  if isinstance(self._examples(item).get(x), Rows))):
                # Av = λv after A = [[4, 2], [1, 3]]: read per coordinate, A would be a number; the matrix it holds
                # is only put in where a determinant, a trace or a written matrix beside it asks for it
                reason = (f"{', '.join(held)} {'holds a matrix' if len(held) == 1 else 'hold matrices'} written out "
                          "before: a product with it is not modelled per coordinate")
            if reason is None and k > 0 and item.stmt.relations[k] == "=" and right.expr == 0 \
                    and left.expr.free_symbols - set(self._examples(item)):
                # det(A − λI) = … = (4 − λ)(3 − λ) − 2 = 0: a chain worked out to an expression, then set to zero,
                # is the equation it gives (for λ), not a claim that the expression vanishes
                self.decide(item, k, "not-a-claim", CONSTANT_SIDE)
                return
            if reason is None and (put := _unwritten_value(sa, sb)) is not None:
                # n·Kh³/12 = K(b − a)³/(12n²) with h = (b − a)/n for n intervals, taken for granted
                reason = (f"it holds with {printing.text(put[0])} = {printing.text(printing.textbook(put[1]))}, a value "
                          "the notes do not write here: the step puts it in")
            if reason:
                self.report(item, right.start, "info", "math/undecided", f"not decided: {reason}")
                self.decide(item, k, "undecided", reason)
                return
            written = (_source(item, left), _source(item, right))
            derived = _as_written(a.free_symbols | b.free_symbols, definitions, verdict)
            self.report(item, right.start, "error", "math/false", _false_message(
                written, sa, sb, verdict, derived, self._differing_entry.get((item.index, k))))
            self.decide(item, k, "false", "the sides differ (a counterexample is in the finding)")
            return
        if verdict.status == "undecided":
            if "not proved" not in verdict.reason:
                self.report(item, right.start, "info", "math/undecided", f"not decided: {verdict.reason}")
            self.decide(item, k, "undecided", verdict.reason)
            return
        if sa == 0 and sb == 0 and (vanished := _both_vanish_unwritten(left.expr, right.expr, definitions)):
            # d(a₂L)/dS₂ · v₂ = d(a₂L)/dS₂ · dS₂/du₁ with nothing making a₂L depend on S₂: both sides are 0 by what
            # is written, which proves nothing about the dependence the author has in mind
            self.report(item, right.start, "info", "math/undecided", f"not decided: {vanished}")
            self.decide(item, k, "undecided", vanished)
            return
        wrappers = self._wrappers(item, left, right, a, b)
        self.decide(item, k, "proved", f"reading {', '.join(wrappers)} (defined nowhere) as its argument"
                    if wrappers else started or verdict.reason or _EQUAL_IN_SCOPE)

    def _matrix_notation(self) -> matrices.Notation:
        if self._matrix_table is None:
            from . import matrices

            blocks = list(dict.fromkeys(id(item.block) for item in self.items))
            texts = {id(item.block): item.block.text for item in self.items}
            self._matrix_table = matrices.notation([self._expanded(texts[b]) for b in blocks], self.text)
        return self._matrix_table

    def _may_use_matrices(self) -> bool:
        """Does the document write anything the matrix reader would take (a transpose, a bold or declared
        name, a Greek capital)? Without any, no link is in matrix notation and its module is never loaded."""
        if self._matrix_hint is None:
            texts = dict.fromkeys(self._expanded(item.block.text) for item in self.items)
            self._matrix_hint = any(_MATRIX_HINT.search(text) for text in texts) \
                or bool(_MATRICES_IN_WORDS.search(self.text or ""))  # "Let $A$, $B$ be matrices"
        return self._matrix_hint

    def _expanded(self, text: str) -> str:
        """``text`` with the document's macros expanded (``\\v{x}`` → ``\\mathbf{x}``), for the matrix reader; where
        the document writes transposes as primes (``X^\\prime WX``), as transposes, as its parsed blocks read them."""
        text = expand(text, self.macro_table).text if self.macro_table is not None else text
        if self.primes_transpose:
            from .prime_transpose import as_transposes

            text = as_transposes(text)
        if self.t_transposes:
            from .prime_transpose import t_as_transposes

            text = t_as_transposes(text)
        return text

    def _order_matters(self, item: Item, left: Term, right: Term) -> bool:
        """Does the link transpose something and multiply a matrix written in bold, or a capital it transposes
        (``X^Ty``)? Then numbers, which commute and equal their transposes, prove nothing. (A plain capital
        not transposed is as often a constant, ``L``, ``M``, or a sum's limit, ``\\sum_{w=1}^W``, so it does not
        count: a scalar proof may still stand there.)"""
        return self._order_matters_in(_source(item, left) + " " + _source(item, right))

    def _order_matters_in(self, written: str) -> bool:
        """:meth:`_order_matters` for text as written."""
        if not self._may_use_matrices():
            return False
        from . import matrices

        text = without_entries(self._expanded(written))  # (X^Tw)_i is read index by index
        if _TRANSPOSED_CAPITAL.search(text):
            return True  # X^Ty, θX^TX: a capital transposed is a matrix
        if _OUTER_PRODUCT.search(text):
            return True  # uu^T, xy^⊤: a column times a row is a matrix, and u^Tu beside it is a number
        if _QUADRATIC_FORM.search(text):
            return True  # x^TAx: the capital between a transposed vector and a vector is a matrix
        if not matrices.TRANSPOSE_WRITTEN.search(text):
            return False
        rest = matrices.TRANSPOSE_WRITTEN.sub(" ", text)  # (the T of ^T is no name)
        # xᵀΣ⁻¹μ, μᵀΛμ: a capital inverted, or a Greek capital, beside transposes is a matrix (a covariance)
        return _MATRIX_NAME.search(rest) is not None or _INVERTED_OR_GREEK_CAPITAL.search(rest) is not None

    def _matrix_link(self, item: Item, k: int, left: Term, right: Term, definitions: dict[sp.Symbol, sp.Expr],
                     *, unparsed: bool = False) -> bool:
        """A link in matrix notation (a transpose, a name written as a matrix or a vector) decided by
        :mod:`.matrices`, the order of products kept: True when it is decided here. ``unparsed``: the scalar
        reader failed on a side, so only a claim whose two sides use the same names is taken."""
        if not self._may_use_matrices() or {(item.index, left.start), (item.index, right.start)} & self.matrices_put_in.keys():
            return False  # \det(A − λI) with A written out before: computed from the entries, not in matrix algebra
        from . import matrices

        if any(t.expr is not None and expectation.has_statistics(t.expr) for t in (left, right)):
            return False  # E(X) = E(σZ + μ): an expectation (the matrix reader would take E for a matrix)
        written = (_source(item, left), _source(item, right))
        table = self._matrix_notation()
        read = (self._expanded(written[0]), self._expanded(written[1]))  # \v{x}, \m{X}: the document's macros
        if not matrices.applies(*(without_entries(side) for side in read), table):
            return False
        # names with a definition, a value given before (λ = 0) or known only to exist: a difference they may
        # explain is undecided, never false
        known = [*definitions, *self.broken, *self._examples(item), *self.existential]
        defined = matrices.defined_letters([x.name for x in known])
        namings: dict[sp.Symbol, tuple[str, str]] = {}  # the last naming before this item of each name in scope
        for index, _section, name, _value in self.namings:
            if index < item.index and name in definitions:
                named = self.items[index]
                namings[name] = (self._expanded(_source(named, named.stmt.terms[0])),
                                 self._expanded(_source(named, named.stmt.terms[1])))
        decision = None
        if not definitions.keys() & {x for t in (left, right) if t.expr is not None for x in t.expr.free_symbols}:
            from . import matrix_calculus  # ∇_A tr(AB) = Bᵀ: a gradient of a written expression, entry by entry

            decision = matrix_calculus.gradient_link(*read, table)
        calculus_read = decision is not None  # both sides read there: its reasons beat the scalar reader's
        if decision is None:
            decision = matrices.decide(*read, table, defined, list(namings.values()))
        product = _whole_matrices(" ".join(read), table.matrices | table.vectors)
        if decision is None and not unparsed and product & table.matrices and (
                len(product & table.matrices) >= 2 or len(product) >= 2 and self._reads_an_inverse(item, definitions)):
            # (My = 2ê, with ê = y − Xβ̂ and β̂ = (XᵀX)⁻¹Xᵀy: as numbers ê is 0, and any multiple of it "holds")
            self._matrix_unread.add((item.index, k))  # d(AXB) = B(dX)A: numbers commute, so no scalar proof holds
        if decision is None or (unparsed and decision.status == "undecided" and not calculus_read):
            return False  # the scalar reader's own reason stands
        if unparsed and decision.status == "false" and not calculus_read and not matrices.same_names(*read, table):
            return False  # a name on one side only: perhaps a definition, not a claim
        if decision.status == "false" and (stated := self._matrix_hypotheses(item, table) & (
                matrices.stems(read[0], table) | matrices.stems(read[1], table))):
            # "Let UᵀU = I": an equation stated before about its matrices may be what makes it hold
            decision = matrices.Decision("undecided", "an equation stated before about "
                                         f"{', '.join(sorted(stated))} may make it hold (not applied in matrix algebra)")
        if decision.status == "false" and left.expr is not None and right.expr is not None \
                and (unread := self._unread_redefinition(item, left.expr, right.expr)) is not None:
            decision = matrices.Decision("undecided", unread)  # H² = H after H = I − (1/n)𝟏𝟏^T, not read
        if decision.status == "false":
            # a condition the prose states (in its sentence, after it, in words) may be what makes it hold
            hedge = ("stated under a condition of its sentence (not applied in matrix algebra)"
                     if item.trailing_condition or item.assumed or self._sentence_conditions(item) else
                     "restates a named quantity differently (no word says it follows)"
                     if item.index in self._restated else None)
            if hedge is not None:
                decision = matrices.Decision("undecided", hedge)
        self._matrix_decided.add((item.index, k))
        if decision.status == "true":
            self.decide(item, k, "proved", decision.reason)
        elif decision.status == "false":
            self.report(item, right.start, "error", "math/false",
                        f"false equality in matrix algebra: {_clip(written[0])} = {_clip(written[1])}; "
                        f"{decision.reason}")
            self.decide(item, k, "false", decision.reason)
        else:
            reason = decision.reason
            self.report(item, right.start, "info", "math/undecided", f"not decided: {reason}")
            self.decide(item, k, "undecided", reason)
        return True

    def _in_another_basis(self, item: Item, left: Term, right: Term) -> str | None:
        """A matrix written in another basis ("in the eigenvector basis $M = \\text{diag}(24s^2, 4)$"): the same map
        in other coordinates (PᵀMP), not an identity between the entries. None unless the sentence says so and a side
        writes a diagonal or a matrix."""
        written = _source(item, left) + _source(item, right)
        if not _OTHER_BASIS.search(self._sentence_before(item.index)) or not re.search(r"diag|\\begin\s*\{[pbvBV]?matrix", written):
            return None
        return "a matrix in the basis its sentence names (the same map in other coordinates), not entry by entry"

    def _parameter_changed(self, item: Item, left: Term, right: Term,
                           definitions: dict[sp.Symbol, sp.Expr]) -> str | None:
        """A refuted restatement of a defined name that reads names first written *after* that definition, in place
        of a parameter of the definition, and set there to numbers or to formulas that do not read what they replace
        (``x_+ = x − η_x·2x`` after ``x_+ = x − γ·2x``, with "we set η_x = 0.3" or "η_x = min(0.2/x², 0.1)" in
        between): the rule run with a parameter of its own, another scheme, not a slip in the first. None
        otherwise."""
        name = left.expr
        if not isinstance(name, sp.Symbol) or name not in definitions or right.expr is None:
            return None
        earlier = other_schemes.earlier_definitions(self, item, name)  # (namings and rows of systems)
        if not earlier:
            return None
        defined_at = earlier[0][0]
        first = self._first_written()
        # only names the notes set to a number there ("we set η_x = 0.3"): a parameter of a variant being run, not a
        # name a slip brings in or a refinement defines
        valued = {x for x, value in self._examples(item).items() if getattr(value, "is_number", False)}
        replaced = definitions[name].free_symbols - right.expr.free_symbols - {name}
        # or a name defined by a formula that does not read what it replaces (η_y = min(0.2/(4y² + ε), 0.1) in
        # place of γ): a step size of its own; m̂_t = m_t/(1 − β₁ᵗ) in place of m_t refines the rule instead
        # (nor is m_t in place of m̂_t = m_t/(1 − β₁ᵗ): a name the replaced one is defined from)
        own = {x for x in right.expr.free_symbols if x in definitions and not definitions[x].free_symbols & replaced
               and not any(x in definitions[r].free_symbols for r in replaced if r in definitions)}
        later = sorted((x for x in right.expr.free_symbols - definitions[name].free_symbols
                        if isinstance(x, sp.Symbol) and ((x in valued and x not in definitions) or x in own)
                        and defined_at < first.get(x, -1) <= item.index), key=str)
        if not later or not replaced:
            return None  # (and the rule's own parameter, γ, left out: replaced, not added to)
        names = ", ".join(printing.text(x) for x in later)
        defining = self.items[defined_at]
        line = defining.block.position(defining.stmt.terms[0].start)[0]
        return (f"reads {names}, first written after {printing.text(name)} was defined on line {line}: the rule with a "
                "parameter of its own (another scheme), not checked against that definition")

    def _differentiated_by(self) -> dict[str, int]:
        """The item each name is first the variable of a derivative in (``∂/∂c (…)``, ``∂E/∂c``), by its LaTeX
        (built once)."""
        if self._by_variable is None:
            self._by_variable = {}
            for other in self.items:
                for term in other.stmt.terms:
                    if term.expr is None:
                        continue
                    for d in term.expr.atoms(sp.Derivative):
                        for x in d.variables:
                            self._by_variable.setdefault(printing.latex(x), other.index)
                    for x in term.expr.atoms(sp.Symbol, AppliedUndef):
                        name = x.name if isinstance(x, sp.Symbol) else type(x).__name__
                        parts = calculus.derivative_parts(name)
                        if parts is not None and parts[0] in ("partial", "gradient") and parts[1]:  # ∂E/∂c, ∇_c E
                            for v in parts[1]:
                                self._by_variable.setdefault(v.strip(), other.index)
        return self._by_variable

    def _solved_unknown(self, item: Item, left: Term, right: Term) -> str | None:
        """``c = z̄ − a·t̄`` after the notes took ``∂/∂c`` of an objective, in terms of ``a``, another name they
        differentiate by: the value the first-order condition gives c at the optimum, a condition, not c's
        definition (put into ``∂/∂a (z_k − a·t_k − c)²`` it would change what a partial derivative holds fixed).
        The reason, or None."""
        if not isinstance(left.expr, sp.Symbol) or right.expr is None:
            return None
        by = self._differentiated_by()
        first = by.get(printing.latex(left.expr))
        if first is None or (first >= item.index and not _SOLUTION_CUE.search(self._words_before(item.index, 160))):
            return None  # z = wx + b defined before ∂L/∂z is taken: an intermediate of the chain rule (unless the
            # prose calls it the solution: "derive the solution: w₀ = Ȳ − w₁X̄", then ∂L/∂w₀ below)
        if self.items[first].section != item.section:
            return None  # ∇_W L in a backpropagation section, W = UΣVᵀ (an SVD) in another: a name used anew
        if any(other.stmt.terms[0].expr == left.expr and other.stmt.relations[:1] in (["="], [":="])
               and not self.verdicts.get((other.index, 0), ("", ""))[1].startswith("condition (solves for")
               for other in self.items[:min(first, item.index)]):
            return None  # z_i = Σ_j w_{ij}a_j + b_i defined before the chain rule took ∂L/∂z_i: restated, a node
        others = sorted(printing.text(x) for x in right.expr.free_symbols
                        if isinstance(x, sp.Symbol) and x != left.expr and printing.latex(x) in by)
        if not others:
            return None
        line = self.items[first].block.position(self.items[first].stmt.terms[0].start)[0]
        return (f"condition (solves for {printing.text(left.expr)}, a variable the notes differentiate by on line "
                f"{line}, in terms of {', '.join(others)}: its value at the optimum, not a definition)")

    def _first_written(self) -> dict[sp.Symbol, int]:
        """The item each name is first written in (built once)."""
        if self._first_seen is None:
            self._first_seen = {}
            for other in self.items:
                for term in other.stmt.terms:
                    if term.expr is not None:
                        for x in term.expr.free_symbols:
                            self._first_seen.setdefault(x, other.index)
        return self._first_seen

    def _constraint(self, item: Item) -> bool:
        r"""Does "subject to" (``\text{s.t.}``, "such that", "при условии", "满足", "u.d.N.") stand before the statement in
        its row of the display?"""
        before = item.block.text[:item.stmt.terms[0].start]
        row = re.split(r"\\\\|\n\s*\n", before)[-1]
        return _SUBJECT_TO.search(row) is not None

    def _index_case(self, item: Item) -> bool:
        """``i = j`` after another statement of the same display: two index letters equated, a case."""
        stmt = item.stmt
        if len(stmt.relations) != 1 or stmt.relations[0] != "=" or item.index == 0 \
                or self.items[item.index - 1].block is not item.block:
            return False
        sides = [t.expr for t in stmt.terms]
        return all(isinstance(x, sp.Symbol) and x.name in _INDEX_LETTERS for x in sides) and sides[0] != sides[1]

    def _reparametrized(self, item: Item, left: Term, right: Term, sa: sp.Expr, sb: sp.Expr,
                        definitions: dict[sp.Symbol, sp.Expr]) -> "reparametrize.Reading | None":
        """A refuted link that restates a model in coefficients of its own, in a sentence about a model: an
        existence claim about those coefficients, decided by :mod:`.reparametrize` (None when it is not one)."""
        if left.expr is None or right.expr is None \
                or not reparametrize.names_a_model(self._sentence_before(item.index)):
            return None
        # coefficients the restatement writes whose letter the other side does not hold are its own, whatever an
        # earlier model bound them to (β₀ = h₀ for a falling ball, then β₀ of the seasonal model): not put in
        fresh = {x for side, other in ((left.expr, sb), (right.expr, sa)) for x in side.free_symbols
                 if isinstance(x, sp.Symbol) and reparametrize.coefficient_like(x)
                 and reparametrize.letter(x) not in {reparametrize.letter(y) for y in other.free_symbols
                                                     if isinstance(y, sp.Symbol)}}
        if (added := reparametrize.added_terms(sa, sb)) is not None:
            return reparametrize.Reading("not-a-claim", f"definition (a model extended by {added}: a new model, "
                                                        "not a restatement)")
        examples = self._examples(item)
        if fresh & (set(definitions) | set(examples)):  # (or a value "the null hypothesis β₀ = 0" gave them)
            kept = {name: value for name, value in definitions.items() if name not in fresh}
            values = {name: value for name, value in examples.items() if name not in fresh}
            try:
                sa, sb = (_doit(substitute(side, kept)).xreplace(values) for side in (left.expr, right.expr))
            except CircularDefinition:
                return None
        given = (set(definitions) | set(examples)) - fresh
        coefficients = reparametrize.new_coefficients(sa, sb, left.expr + right.expr, given)
        data = reparametrize.observations(sa, sb)
        if not coefficients or not data:
            return None
        return reparametrize.decide(sa, sb, coefficients, data, LINK_SECONDS)

    def _gradient_in_matrices(self, item: Item, k: int, left: Term, right: Term) -> "matrices.Decision | None":
        """``∇R(w) = X^⊤(Xw − y)`` after ``R(w) = ½‖Xw − y‖²`` in a document with matrix notation: the gradient
        (or the Hessian ``∇²R(w) = X^⊤X``) checked coordinate by coordinate on random matrices and taken
        symbolically (:mod:`.matrix_gradient`). A refutation is reported
        here (and returned); agreement is returned for the reason of a proof; None when not read there."""
        if right.expr is None or not isinstance(left.expr, (AppliedUndef, sp.Symbol)) or not self._may_use_matrices():
            return None
        # ∇f(x), or ∇_x f with the point left unwritten (the function's own parameter)
        parts = calculus.derivative_parts(left.expr.name if isinstance(left.expr, sp.Symbol)
                                          else type(left.expr).__name__)
        if parts is None or parts[0] not in ("gradient", "hessian"):
            return None
        chosen = self.functions(item).defs.get(parts[2])  # the definition in force here (or the one retried)
        found = [(index, fd) for index, _section, fd in self.function_defs  # (before, or "where f(x) = …" after)
                 if fd is chosen and index != item.index and len(fd.params) == 1]
        if not found:
            return None
        index, fd = found[-1]
        if parts[1] is not None and parts[1] != (str(fd.params[0]),):
            return None  # ∇_x of a function of w: another variable
        from . import matrix_gradient
        defined = self.items[index]
        check = matrix_gradient.check if parts[0] == "gradient" else matrix_gradient.check_hessian
        decision = check(self._expanded(_source(defined, defined.stmt.terms[1])), str(fd.params[0]),
                         self._expanded(_source(item, right)), self._matrix_notation())
        if decision is not None and decision.status == "false":
            self.report(item, right.start, "error", "math/false",
                        f"false {'gradient' if parts[0] == 'gradient' else 'Hessian'} in matrix algebra: "
                        f"{_clip(_source(item, left))} = {_clip(_source(item, right))}"
                        f" for {fd.name} of line {fd.line}: {decision.reason}")
            self.decide(item, k, "false", decision.reason)
        return decision

    def _matrix_hypotheses(self, item: Item, table: matrices.Notation) -> set[str]:
        r"""Names of the matrix equations stated before ``item`` as hypotheses or conditions (``Let U^\top U = I``,
        ``Ax^* = b``: not claims), which a later link may use without saying."""
        from . import matrices

        found: set[str] = set()
        for earlier in self.items[:item.index]:
            terms = earlier.stmt.terms
            for j, relation in enumerate(earlier.stmt.relations):
                verdict, reason = self.verdicts.get((earlier.index, j), ("", ""))
                if relation != "=" or verdict != "not-a-claim" or reason.startswith(("definition", "values given")):
                    continue  # a claim, or a definition (substituted where it names one name), not a hypothesis
                sides = (self._expanded(_source(earlier, terms[j])), self._expanded(_source(earlier, terms[j + 1])))
                if matrices.applies(*sides, table):
                    found |= matrices.stems(sides[0], table) | matrices.stems(sides[1], table)
        return found

    def _items_naming(self) -> dict[str, list[int]]:
        """The statements by the first side as written (``w^*``), in document order: looked up, not rescanned
        for every link (which made a note of 4,000 displays quadratic). Built on first use."""
        if self._by_first_side is None:
            self._by_first_side = {}
            for other in self.items:
                if len(other.stmt.terms) >= 2:
                    self._by_first_side.setdefault(_source(other, other.stmt.terms[0]), []).append(other.index)
        return self._by_first_side

    def _optimum_links(self, item: Item, definitions: dict[sp.Symbol, sp.Expr]) -> None:
        r"""Every ``=`` link of ``item`` with an optimum on a side (``\hat θ = \arg\min_θ F``, ``\arg\min A =
        \arg\min B``, ``\arg\min_x F = c``) gets its verdict from :mod:`.optima`; a name given an argmin is a
        definition (its closed form, stated later, is checked by :meth:`_argmin_closed_form`)."""
        stmt = item.stmt
        for k, relation in enumerate(stmt.relations):
            left, right = stmt.terms[k], stmt.terms[k + 1]
            if relation not in CHECKED_RELATIONS or (item.index, k) in self.verdicts or left.expr is None \
                    or right.expr is None or not (left.expr.has(optima.Optimum) or right.expr.has(optima.Optimum)):
                continue
            a, b = left.expr, right.expr
            if isinstance(a, sp.Symbol) and isinstance(b, optima.Optimum) and (k == 0 or (
                    stmt.relations[k - 1] not in LINK_RELATIONS and a not in definitions)):
                # (also "⟺ ŵ = argmin_w …": a new statement after the arrow, naming ŵ if nothing gave it a value)
                self.decide(item, k, "not-a-claim", f"definition (names {optima.describe(b)})")
                continue
            if isinstance(b, optima.Optimum) and not a.has(optima.Optimum):
                a, b = b, a
            if not isinstance(a, optima.Optimum) or (b.has(optima.Optimum) and not isinstance(b, optima.Optimum)):
                self.decide(item, k, "undecided", "an optimum (argmin, min) inside an expression is not modelled")
                continue
            if isinstance(b, optima.Optimum):
                decision = optima.compare_optima(self._optimum_read(a, item, definitions),
                                                 self._optimum_read(b, item, definitions))
                written = _source(item, left) + " " + _source(item, right)
                if decision.status == "true" and _written_alike(item, left, right):
                    decision = optima.Decision("true", "both sides are written alike")  # matrices or not
                elif decision.status == "true" and _TRANSPOSE.search(written) and not _tuple_transposes_only(written) \
                        and not _inner_products_only(written):
                    # ½(x + sΔx)^⊤P(x + sΔx) against ½s²Δx^⊤PΔx + sΔx^⊤Px: the scalar reading drops the order
                    decision = optima.Decision("undecided", "the scalar reading holds, but it drops the order of "
                                                            "products and the transposes of the matrices")
            else:
                decision = self._closed_optimum(a, b, item, definitions)
                if decision.status == "undecided" and a.kind == "argmin":
                    optimum, closed = (left, right) if a is left.expr else (right, left)
                    decision = self._matrix_optimum(_source(item, optimum), _source(item, closed)) or decision
            self._optimum_verdict(item, k, right, decision, "")

    def _integral_in_a_differential_letter(self, a: sp.Expr, b: sp.Expr,
                                           definitions: Mapping[sp.Symbol, sp.Expr]) -> sp.Symbol | None:
        """The variable of an integral on a side that the notes give a differential (``dv = \\sin x\\,dx``) whose
        integrand does not read it, or reads another such letter (``\\int u\\,dv``): the integral is in a function,
        so its bounds and integrand are not the letter's."""
        for side in (a, b):
            for node in side.atoms(sp.Integral, unbounded.Unbounded):
                var = node.var if isinstance(node, unbounded.Unbounded) else node.limits[0][0]
                body = node.body if isinstance(node, unbounded.Unbounded) else node.function
                if isinstance(var, sp.Symbol) and var.name in self._differentials and (
                        var not in body.free_symbols or any(x.name in self._differentials
                                                            for x in body.free_symbols - {var})):
                    return var  # (∫_0^∞ e^{-u} du reads its own letter only: a dummy, whatever u stood for)
        return None

    @property
    def _differentials(self) -> frozenset[str]:
        """The names the notes give a differential of (``dv = \\sin(x)\\,dx``, a side of its own)."""
        return frozenset(self._differential_lines)

    @functools.cached_property
    def _differential_items(self) -> dict[str, list[int]]:
        """For each name the notes give a differential of, the items that set it, in order."""
        out: dict[str, list[int]] = {}
        for it in self.items:
            for term in it.stmt.terms[:-1]:
                if (m := _DIFFERENTIAL_SIDE.fullmatch(_source(it, term))) is not None:
                    try:
                        name = parse_expr(m.group(1))
                    except LatexParseError:
                        continue
                    if isinstance(name, sp.Symbol):
                        out.setdefault(name.name, []).append(it.index)
        return out

    @functools.cached_property
    def _differential_lines(self) -> dict[str, list[int]]:
        """:attr:`_differential_items` as the lines a reader finds them on."""
        return {name: [self.items[i].block.line for i in indices] for name, indices in self._differential_items.items()}

    def _differential_since(self, item: Item, left: sp.Expr | None) -> sp.Symbol | None:
        """The bare name on the left of ``item`` when the notes set its differential anew (``dv = x\\,dx``) after
        its last naming and before ``item``: the name was chosen again (a new example of integration by parts)."""
        if not isinstance(left, sp.Symbol) or left.name not in self._differential_items:
            return None
        named = max((index for index, _, name, _ in self.namings if name == left and index < item.index), default=-1)
        return left if any(named < i < item.index for i in self._differential_items[left.name]) else None

    def _differential_link(self, item: Item, k: int) -> None:
        r"""``du = \frac{1}{x}\,dx`` (integration by parts, a substitution): differentials, whose ``d`` is no factor.
        With the notes' ``u`` of ``x`` in scope it is proved when ``u'(x)`` is the factor before ``dx``; it is never
        refuted (an example may choose a new ``u`` in words), and otherwise it is a differential relation."""
        left, right = item.stmt.terms[k], item.stmt.terms[k + 1]
        lhs, rhs = _source(item, left), _source(item, right)
        named, ends = _DIFFERENTIAL_SIDE.fullmatch(lhs), _TRAILING_DIFFERENTIAL.search(rhs)
        if (item.index, k) in self.verdicts or named is None:
            return
        if ends is None:
            if _SOME_DIFFERENTIAL.search(rhs):  # dw = \frac{du}{(1 + u)^2}: differentials, in another shape
                self.decide(item, k, "not-a-claim", "a differential relation (du = … dx): what a substitution sets")
            elif _SOME_DIFFERENTIAL.search(item.block.text.replace(lhs, " ", 1)):
                # u = x, du = 1dx, dv = x/(1 + x²)^n, v = ∫ …dx: the parts of an integration by parts, dx left out
                self.decide(item, k, "not-a-claim", "a differential named with its dx left out (the parts of an "
                                                    "integration by parts)")
            return
        try:
            factor = parse_expr(rhs[:ends.start()].strip() or "1")
            name, var = parse_expr(named.group(1)), parse_expr(ends.group(1))
        except LatexParseError:
            name = var = factor = None
        definitions = self._definitions(item)
        if isinstance(name, sp.Symbol) and isinstance(var, sp.Symbol) and name in definitions and factor is not None:
            try:
                value = substitute(definitions[name], definitions)
            except CircularDefinition:
                value = None
            if value is not None and var in value.free_symbols \
                    and compare(sp.diff(value, var), factor, seconds=LINK_SECONDS).status == "true":
                self.decide(item, k, "proved", f"the differential of {printing.text(name)} = {printing.text(value)}: "
                                               f"d{printing.text(name)} = {printing.text(sp.diff(value, var))} "
                                               f"d{printing.text(var)}")
                return
            self.report(item, right.start, "info", "math/undecided",
                        "not decided: a differential the definitions in scope do not give as written")
            self.decide(item, k, "undecided", "a differential the definitions in scope do not give as written")
            return
        self.decide(item, k, "not-a-claim", "a differential relation (du = … dx): what a substitution sets")

    def _unbounded_link(self, item: Item, k: int, right: Term, sa: sp.Expr, sb: sp.Expr, *,
                        prove_only: bool = False) -> bool:
        r"""A link whose sides, definitions put in, hold an integral written without bounds (``\int f(x)\,dx``,
        ``\int_\Omega``): its verdict comes from :mod:`.unbounded` alone, which refutes only an antiderivative (no
        range is written, so no value over one is computed). True when it decided (``prove_only``: proved)."""
        if not (sa.has(unbounded.Unbounded) or sb.has(unbounded.Unbounded)):
            return False
        decision = unbounded.decide(sa, sb, LINK_SECONDS)
        if decision.status != "true" and (remarked := self._remarked_namings(item, right)):
            # "&∫ e^{tan x} sec²x dx \\ &Пусть u = tan x, … \\ =&∫ e^u du = e^u + C = e^{tan x} + C": the chain goes on in
            # the name its remark row sets; only a proof is taken from it (the rows before the remark are in x)
            mapping, line = remarked
            again = unbounded.decide(unbounded.substituted(sa, mapping), unbounded.substituted(sb, mapping),
                                     LINK_SECONDS)
            names = ", ".join(f"{printing.text(x)} = {printing.text(v)}" for x, v in mapping.items())
            if again.status == "true" or again.status == decision.status == "false":  # (its message then: the
                decision = unbounded.Decision(again.status, f"{again.reason}, with {names} as the remark on line "
                                                            f"{line} sets")  # slip alone)
            elif decision.status == "false" and "did not finish" in again.reason:  # (out of time: no verdict)
                decision = unbounded.Decision("undecided", f"{again.reason} (with {names} as the remark on line "
                                                           f"{line} sets)")
        if prove_only and decision.status != "true":
            return False
        if decision.status == "false" and (item.assumed or item.trailing_condition or self._sentence_conditions(item)):
            decision = unbounded.Decision("undecided", f"{decision.reason} (under a condition of its sentence, "
                                                       "not applied)")
        if decision.status == "true":
            if any(_DERIVATIVE_OF_INTEGRAL.search(_source(item, t)) for t in (item.stmt.terms[k], right)):
                # d/dθ ∫ f(y, θ) dy = ∫ ∂f/∂θ dy: the derivative moved under the integral sign first, which needs
                # the regularity the notes assume; say so, rather than call it linearity alone
                decision = unbounded.Decision("true", "the derivative taken under the integral sign (for integrands "
                                                      f"regular enough, as the notes assume); then {decision.reason}")
            self.decide(item, k, "proved", decision.reason)
        elif decision.status == "false":
            left = item.stmt.terms[k]
            self.report(item, right.start, "error", "math/false", f"false equality: "
                        f"{_clip(_source(item, left))} = {_clip(_source(item, right))}; {decision.reason}")
            self.decide(item, k, "false", decision.reason)
        else:
            self.report(item, right.start, "info", "math/undecided", f"not decided: {decision.reason}")
            self.decide(item, k, "undecided", decision.reason)
        return True

    def _unbounded_of_unknown(self, item: Item, k: int, definitions: dict[sp.Symbol, sp.Expr]) -> bool:
        """A link between integrals without bounds of unknown functions, proved by :mod:`.unbounded` (the shape
        claim it sits in is otherwise not checked)."""
        left, right = item.stmt.terms[k], item.stmt.terms[k + 1]
        if left.expr is None or right.expr is None \
                or not (left.expr.has(unbounded.Unbounded) or right.expr.has(unbounded.Unbounded)):
            return False
        a, b = self._prepare(left.expr, item), self._prepare(right.expr, item)
        if a is None or b is None:
            return False
        try:
            sa, sb = substitute(a, definitions), substitute(b, definitions)
        except CircularDefinition:
            return False
        return self._unbounded_link(item, k, right, sa, sb, prove_only=True)

    def _matrix_optimum(self, optimum: str, closed: str) -> optima.Decision | None:
        """``\\arg\\min_θ \\frac12\\|Y − Xθ\\|^2 = (X^\\top X)^{-1}X^\\top Y`` as written: the matrix reading of
        :func:`.matrix_argmin.first_order` (None when it does not apply)."""
        from . import matrix_argmin  # only a document with a minimizer needs it

        found = matrix_argmin.argmin(self._expanded(optimum))
        if found is None:
            return None
        decision = matrix_argmin.first_order(found[1], found[0], self._expanded(closed), self._matrix_notation())
        return None if decision is None else optima.Decision(decision.status, decision.reason)

    def _optimum_read(self, opt: sp.Expr, item: Item, definitions: dict[sp.Symbol, sp.Expr]) -> sp.Expr:
        """The optimum with the document's functions and definitions in its objective, its variables held."""
        objective = self._prepare(opt.objective, item)
        if objective is None:
            return opt
        try:
            objective = substitute(objective, definitions, hold=frozenset(opt.variables))
        except CircularDefinition:
            return opt
        return optima.Optimum(objective, *opt.args[1:])

    def _closed_optimum(self, opt: sp.Expr, value: sp.Expr, item: Item,
                        definitions: dict[sp.Symbol, sp.Expr]) -> optima.Decision:
        r"""``\arg\max_p E[pM − ηp^2] = E[M]/(2E[η])``: the objective and the value read together (their
        expectations linearly, with the variable a constant inside), then :func:`.optima.closed_form`."""
        opt = self._optimum_read(opt, item, definitions)
        value = self._prepare(value, item)
        if value is None:
            return optima.Decision("undecided", "it reads a circular definition")
        try:
            value = substitute(value, definitions)
        except CircularDefinition:
            return optima.Decision("undecided", "it reads a circular definition")
        objective = opt.objective
        if expectation.has_statistics(objective) or expectation.has_statistics(value):
            variables = sp.Add(*opt.variables)
            reading = expectation.read(objective, value + variables)
            objective, value = reading.left, sp.expand(reading.right - variables)
            if objective.has(expectation.Expect) or value.has(expectation.Expect):
                return optima.Decision("undecided", "an expectation that is not read linearly")
        return optima.closed_form(opt, value, objective=objective)

    def _optimum_verdict(self, item: Item, k: int, at: Term, decision: optima.Decision, where: str) -> None:
        verdict = {"true": "proved", "false": "false"}.get(decision.status, "undecided")
        if decision.status == "false":
            self.report(item, at.start, "error", "math/false", f"false optimum{where}: {decision.reason}")
        self.decide(item, k, verdict, decision.reason + where, override=True)

    def _derivative_of_named(self, item: Item, k: int, left: Term, right: Term) -> bool:
        """``y' = 2x + 3`` after "if y = x² + 3x + 4" in the same section: the prime of a name the notes gave as an
        expression in one letter is that expression's derivative, so the link is a claim to check, not the
        naming of something new. True when decided here."""
        name = left.expr
        partial = None  # ∂f/∂q = z after f = qz: the derivative in the letter written below the bar
        if isinstance(name, sp.Symbol) and name.name.startswith(GRADIENT_PREFIX) and right.expr is not None:
            variable, stem = gradient_parts(name.name)
            if variable is None or not stem:
                return False
            base, partial = S.symbol(stem), S.symbol(variable)
        elif not (isinstance(name, sp.Symbol) and name.name.endswith("'") and not name.name.endswith("''")) \
                or right.expr is None:
            return False
        else:
            base = S.symbol(name.name[:-1])
        if len(base.name) == 1 and base.name.isupper() and partial is None:
            return False  # X' is a transpose as often as a derivative
        if item.stmt.remark and item.block_cue and k == 0:
            return False  # "&Пусть\ f' = \sin u, …": a part of the next integration by parts named, not f's derivative
        functions = {index for index, _, fd in self.function_defs if fd.name == base.name}
        for other in reversed(self.items[: item.index]):
            if other.section != item.section or other.index in functions:
                return False  # f(x, y) = xy defined last: a function's derivative is the calculus module's
            terms = other.stmt.terms
            if len(terms) < 2 or terms[0].expr != base or other.stmt.relations[0] != "=":
                continue
            # read with the functions in force at the claim: z = f(u, v), then "for f(u, v) = u² + v²", then ∂z/∂x
            # is about that f, not one an earlier section defined
            given = self._prepare(terms[1].expr, item)
            claimed = self._prepare(right.expr, item)
            letters = given.free_symbols - {base} if given is not None else set()
            through = ""
            definitions = self._definitions(item)
            described = self._described_in_words(other, {x for x in letters - {partial} if x not in definitions},
                                                 partial) if partial is not None and claimed is not None else None
            if described is not None:
                # ∂y_k/∂a_k after y_k = e^{a_k}/S "(S is the total Σe^{a_i})": S depends on a_k as the words say
                given, claimed = given.xreplace(described[0]), claimed.xreplace(described[0])
                letters = given.free_symbols - {base}
                through = f", with {described[1]}"
            if partial is not None and given is not None and claimed is not None and (partial not in letters or any(
                    x in definitions for x in letters - {partial} if isinstance(x, sp.Symbol))):
                # ∂L/∂b after L = −y log ŷ − …, ŷ = σ(z), z = wᵀx + b: b reaches L through the definitions (and
                # ∂p_j/∂z_j after p_j = e^{z_j}/Z, Z = Σ_m e^{z_m}: through Z as well as directly)
                try:
                    given, claimed = substitute(given, definitions), substitute(claimed, definitions)
                except CircularDefinition:
                    return False
                letters = given.free_symbols - {base}
                through = ", through the definitions in scope"
            if given is None or claimed is None or base in given.free_symbols \
                    or given.has(sp.Derivative, calculus.Prime) or not claimed.free_symbols <= letters \
                    or (len(letters) != 1 if partial is None else partial not in letters):
                return False
            var = next(iter(letters)) if partial is None else partial
            derivative = _diff_in_member(given, var)
            if derivative.free_symbols and not claimed.free_symbols:
                return False  # ∂E/∂w5 = 0.0845: the derivative's value at numbers the notes worked, not a formula
            verdict = compare(derivative, claimed, seconds=LINK_SECONDS)
            line = other.block.position(terms[1].start)[0]
            where = f"the derivative in {printing.text(var)} of {_clip(_source(other, terms[0]))} = " \
                    f"{_clip(_source(other, terms[1]))} (line {line}){through}"
            if verdict.status == "false" and (bare := _bare_operator(_source(other, terms[1]) + " "
                                                                     + _source(item, right))):
                # C = −Σ[y lna + (1 − y) ln(1 − a)]: "ln" with no backslash is read as the letters l·n
                why = f"{where}: “{bare.group(1)}” is written without a backslash and read as letters, not as the function"
                self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
                self.decide(item, k, "undecided", why)
            elif described is not None and verdict.status != "true":
                # a description in words is read, not stated as an equation: it can make a link proved, not false
                why = f"{where}: not decided ({verdict.reason or 'the sides differ'})"
                self.report(item, right.start, "info", "math/undecided", f"not decided: {why}")
                self.decide(item, k, "undecided", why)
            elif verdict.status == "true":  # (what the comparison needed, when it needed more: labels ±1 by case)
                self.decide(item, k, "proved", where + (f"; {verdict.reason}" if verdict.reason.startswith("holds")
                                                        else ""))
            elif verdict.status == "false":
                self.report(item, right.start, "error", "math/false",
                            f"false derivative: {_clip(_source(item, left))} = {_clip(_source(item, right))}; "
                            f"{where} is {printing.text(derivative)}")
                self.decide(item, k, "false", f"{where} is {printing.text(derivative)}")
            else:
                self.report(item, right.start, "info", "math/undecided", f"not decided: {verdict.reason}")
                self.decide(item, k, "undecided", f"{where}: {verdict.reason}")
            return True
        return False

    def _described_in_words(self, item: Item, letters: set[sp.Basic], variable: sp.Symbol
                            ) -> tuple[dict[sp.Symbol, sp.Expr], str] | None:
        """The letters of ``letters`` that the words right after ``item`` describe by a formula depending on
        ``variable`` ("where $Z$ is the total $\\sum_m e^{z_m}$", "($S$는 전체 합 $\\sum e^{a_i}$)"), with the
        values and a phrase saying so; None if none is. A name described so is not a constant in ``variable``:
        read as one, the quotient rule of a softmax came out false."""
        words = re.split(r"\n[ \t]*\n", self._words_after(item.index, 240))[0]
        words = re.sub(r"^(?:\$\$?|\\[)\]]|\\end\{[^}]*\}\s*\$?\$?)", lambda m: " " * len(m.group()), words)
        found: dict[sp.Symbol, sp.Expr] = {}
        written: list[str] = []
        ix = read_index(variable)
        for match in _DESCRIBED.finditer(words):
            if _DESCRIBED_GAP.fullmatch(match.group(2)) is None:
                continue
            try:
                name, value = parse_expr(self._expanded(match.group(1))), parse_expr(self._expanded(match.group(3)))
            except LatexParseError:
                continue
            if not isinstance(name, sp.Symbol) or name not in letters or name in found \
                    or not isinstance(value, sp.Expr) or isinstance(value, sp.Symbol):
                continue
            if variable in value.free_symbols or (ix is not None and any(
                    str(a.base.label) == ix.base for a in value.atoms(sp.Indexed))):
                if not found:  # (the line of the first description)
                    line = item.block.position(len(item.block.text))[0] + words[:match.start()].count("\n")
                found[name] = value
                written.append(f"{match.group(1).strip()} = {match.group(3).strip()}")
        if not found:
            return None
        return found, f"{' and '.join(written)} as the words after it describe (line {line})"

    def _argmin_closed_form(self, item: Item, k: int, left: Term, right: Term) -> bool:
        r"""``w^* = (X^\top X + λI)^{-1}X^\top y`` after ``w^* = \arg\min_w \|Xw − y\|^2 + λ\|w\|^2``: the
        closed form is checked against the objective's first-order condition (:func:`.matrix_argmin.first_order`).
        True when decided here."""
        name = _source(item, left)
        for index in reversed(self._items_naming().get(name, ())):
            if index >= item.index:
                continue
            earlier = self.items[index]
            terms = earlier.stmt.terms
            named = terms[1].expr if len(terms) > 1 else None
            written = self._expanded(_source(earlier, terms[1]))
            if "min" not in written and not isinstance(named, optima.Optimum):
                continue  # every spelling of an argmin says "min"
            from . import matrix_argmin  # only a document that names a minimizer twice needs it

            found = matrix_argmin.argmin(written)
            if found is None and not isinstance(named, optima.Optimum):
                continue
            decision = None if found is None else matrix_argmin.first_order(
                found[1], found[0], self._expanded(_source(item, right)), self._matrix_notation())
            line = earlier.block.position(terms[1].start)[0]
            under = self._sentence_values(item) if named is not None else {}
            under = {x: v for x, v in under.items() if named is not None and x in named.free_symbols}
            if decision is not None and decision.status == "false" and under:
                decision = None  # "λ = 0 makes …": the objective is meant at the value its sentence gives
            if decision is None and isinstance(named, optima.Optimum) and right.expr is not None:
                scalar = self._closed_optimum(named.xreplace(under), right.expr, item, self._definitions(item))
                if scalar.status == "undecided":
                    return False
                given = ", ".join(f"{printing.text(x)} = {printing.text(v)}" for x, v in sorted(under.items(), key=str))
                self._optimum_verdict(item, k, right, scalar, f" (the optimum named on line {line}"
                                      + (f", with {given} as its sentence says)" if given else ")"))
                return True
            if decision is None:
                return False
            self._closed_form_verdict(item, k, right, decision, f" (the minimizer of line {line})",
                                      f"false closed form of the minimizer on line {line}: {_clip(name)} = "
                                      f"{_clip(_source(item, right))}")
            return True
        return False

    def _stationary_closed_form(self, item: Item, k: int, left: Term, right: Term) -> bool:
        r"""``w = (X^T X + λI)^{-1} X^T y`` announced as the solution ("the optimal weight vector", "решение",
        "minimizer", "setting the gradient to zero") after ``Q(w) = ‖Xw − y‖² + λ‖w‖²`` in matrix notation: the
        closed form must make the gradient of the objective in scope vanish (:func:`.matrix_argmin.first_order`) —
        false with the objective's line when it does not, proved for every size where that module proves it.
        True when decided here."""
        if not isinstance(left.expr, sp.Symbol) or right.expr is None or not self._may_use_matrices() \
                or not _SOLUTION_CUE.search(self._words_before(item.index, 160)):
            return False
        named = _bare_variable(_source(item, left))
        found = [(index, fd) for index, _section, fd in self.function_defs
                 if index < item.index and len(fd.params) == 1 and _bare_variable(printing.latex(fd.params[0])) == named]
        if not found or self.functions(item).defs.get(found[-1][1].name) is not found[-1][1]:
            return False  # no objective of this variable in force here
        fd = found[-1][1]
        decision = self._first_order_of(item, fd, right)
        if decision is None:
            return False
        if decision.status == "false":
            # J(θ) = ½‖Aθ − b‖², then the penalised J(θ) = … + μ/2‖θ‖²: "for plain least squares the minimizer is"
            # names the first; a closed form of an objective the notes defined under this name before is that one's
            for _, earlier in reversed(found[:-1]):
                if earlier.name == fd.name and earlier.body != fd.body \
                        and (before := self._first_order_of(item, earlier, right)) is not None \
                        and before.status == "true":
                    self._closed_form_verdict(item, k, right, before,
                                              f" (the minimizer of {fd.name} as defined on line {earlier.line}; "
                                              f"line {fd.line} defines {fd.name} anew)", "")
                    return True
        self._closed_form_verdict(item, k, right, decision, f" (the minimizer of {fd.name}, line {fd.line})",
                                  f"false closed form: the gradient of {fd.name} (line {fd.line}) does not vanish at "
                                  f"{_clip(_source(item, right))}")
        return True

    def _closed_form_verdict(self, item: Item, k: int, right: Term, decision: "matrices.Decision", where: str,
                             wrong: str) -> None:
        """A closed form's decision as the link's verdict (``where`` names the objective), with its finding: the
        error says ``wrong`` and why, an undecided one is a note."""
        if decision.status == "false":
            self.report(item, right.start, "error", "math/false", f"{wrong}; {decision.reason}")
        elif decision.status == "undecided":
            self.report(item, right.start, "info", "math/undecided", f"not decided: {decision.reason}")
        self.decide(item, k, {"true": "proved", "false": "false"}.get(decision.status, "undecided"),
                    decision.reason + where)

    def _expansion(self, item: Item, k: int, left: Term, right: Term, definitions: dict[sp.Symbol, sp.Expr]) -> None:
        """A link with a big-O remainder (a Taylor expansion): :mod:`.asymptotic` decides it, on the sides with
        the document's functions and definitions in but its unknown functions kept as functions (not atoms)."""
        written = (_source(item, left), _source(item, right))
        sides: list[sp.Expr] = []
        try:
            for term in (left, right):
                assert term.expr is not None
                side = self.functions(item).expand(term.expr)
                sides.append(substitute(side, definitions))
        except CircularDefinition:
            sides = []
        along = ""
        if sides and (_TRANSPOSE.search(" ".join(written)) or _NORM_REMAINDER.search(" ".join(written))) \
                and not any(has_vectors(x) or x.has(sp.Derivative) for x in sides):
            line = [_along_a_line(x) for x in sides]
            if all(x is not None for x in line):
                # f(x + p) = f(x) + ∇f(x)ᵀp + ½pᵀ∇²f(x)p + O(‖p‖³) is Taylor's expansion of g(t) = f(x + tp) at
                # t = 1: ∇f(x)ᵀp is g′(0), pᵀ∇²f(x)p is g″(0); in one dimension it is read with p a number
                sides, along = [x for x in line if x is not None], " (read along the line x + tp: the vectors as numbers)"
        if not sides:
            outcome = asymptotic.Expansion("undecided", "it reads a circular definition")
        elif not along and (_TRANSPOSE.search(" ".join(written))
                            or any(has_vectors(x) or x.has(sp.Derivative) for x in sides)):
            outcome = asymptotic.Expansion("undecided", "an expansion in a vector, or with a derivative written "
                                           "as d/dx, is not modelled")
        else:
            written_order = [asymptotic.remainder_order(o.args[0])
                             for term in (left.expr, right.expr) if term is not None for o in term.atoms(asymptotic.BigO)]
            small = written_order[0][0] if len(written_order) == 1 and isinstance(written_order[0], tuple) else None
            outcome = asymptotic.decide(sides[0], sides[1], small=small, seconds=LINK_SECONDS)
        if outcome.status == "false":
            self.report(item, right.start, "error", "math/false",
                        f"false expansion: {_clip(written[0])} = {_clip(written[1])}; {outcome.reason}{along}")
            self.decide(item, k, "false", outcome.reason + along)
        elif outcome.status == "true":
            self.decide(item, k, "proved", outcome.reason + along)
        else:
            self.report(item, right.start, "info", "math/undecided", f"not decided: {outcome.reason}")
            self.decide(item, k, "undecided", outcome.reason)

    def _inner_as_norm(self, item: Item, k: int, sa: sp.Expr, sb: sp.Expr) -> bool:
        """``−⟨∇f, ∇f⟩ = −‖∇f‖²``: an inner product on one side only, whose other side has squared the norm out
        already. Coordinate by coordinate ⟨u, v⟩ is Σ uᵢvᵢ and ‖u‖² is Σ uᵢ², so with each inner product of two
        vector quantities read as their product the sides are compared; only a proof is taken from it (True when
        proved here), since what else the notes know of the inner product is not modelled."""
        def product(e: sp.Expr) -> sp.Expr:
            return e.replace(lambda x: isinstance(x, Inner) and len(x.args) == 2
                             and all(not _scalar(v) for a in x.args for v in a.free_symbols) and all(
                                 a.free_symbols for a in x.args), lambda x: x.args[0] * x.args[1])

        pa, pb = product(sa), product(sb)
        if pa.has(Inner) or pb.has(Inner):
            return False
        if compare(pa, pb, seconds=LINK_SECONDS).status != "true":
            return False
        self.decide(item, k, "proved", "coordinate by coordinate: ⟨u, v⟩ = Σ uᵢvᵢ and ‖u‖² = Σ uᵢ²")
        return True

    def _vectors(self, item: Item, k: int, right: Term, sa: sp.Expr, sb: sp.Expr,
                 written: tuple[str, str] = ("", ""), approx: bool = False) -> tuple[sp.Expr, sp.Expr] | None:
        """Sides whose tuples are computed from their coordinates (:mod:`.vectors`): inner products expanded.

        Two tuples of one length are equal when every coordinate is: all proved is proved; the first
        coordinate that differs is returned, so that the usual checks and the finding are about it. A tuple
        that is left combined with something else (a name not known to be a tuple) makes the link undecided.
        None means the link is decided here."""
        if (sa.has(Coords) or sb.has(Coords)) and isinstance(sa, sp.Add) and isinstance(sb, sp.Add) \
                and (common := {t for t in set(sa.args) & set(sb.args) if not t.has(Coords)}):
            # ∇L(w) + ξ = (h₁w₁, h₂w₂) + ξ: the same term added on both sides cancels, whatever its coordinates
            sa = sp.Add(*(t for t in sa.args if t not in common))
            sb = sp.Add(*(t for t in sb.args if t not in common))
        ca, cb = vector_shape(sa), vector_shape(sb)
        opened = tuples.is_open(sa) or tuples.is_open(sb)
        if ca is not None and ca == cb and not any(x.has(Coords) for x in entries(sa) + entries(sb)) \
                and (not opened or tuples.align([sa.args, sb.args])):
            pairs = [(_linear_inner(x), _linear_inner(y)) for x, y in zip(entries(sa), entries(sb)) if x != DOTS]
        elif not sa.has(Coords) and not sb.has(Coords):
            if sa.has(Inner) != sb.has(Inner) and self._inner_as_norm(item, k, sa, sb):
                return None
            return _linear_inner(sa), _linear_inner(sb)
        else:
            reason = ("tuples or matrices of different shapes" if ca is not None and cb is not None and not opened else
                      "tuples with an ellipsis whose written coordinates are not at the same places" if opened
                      and ca is not None and cb is not None else
                      "a tuple next to a name or an operation whose coordinates are not known")
            self.report(item, right.start, "info", "math/undecided", f"not decided: {reason}")
            self.decide(item, k, "undecided", reason)
            return None
        undecided = None
        from .arithmetic import decide as decide_numbers

        # (−1.05, −0.40)ᵀ: the digits each written coordinate shows; a side not written as a tuple (∇f(−4, −2))
        # is computed, exactly
        shown = [texts if (texts := tuples.entry_texts(text)) is not None and len(texts) == len(pairs)
                 else None for text in written]
        columns = [texts or [""] * len(pairs) for texts in shown]
        rounded = 0
        for n, (x, y) in enumerate(pairs):
            verdict = compare(x, y, seconds=LINK_SECONDS)
            if verdict.status == "false" and not x.free_symbols and not y.free_symbols and any(shown):
                numbers = decide_numbers(x, y, columns[0][n], columns[1][n], approx)
                if numbers is not None and numbers.holds:
                    rounded += 1  # cos(−4) − 0.4 written −1.05: the digits shown, as for a number alone
                    continue
            if verdict.status == "false":
                if not opened:  # (with an ellipsis the coordinates compared are not numbered as written)
                    width = len(sa.args[0].args) if len(ca) == 2 else 1
                    self._differing_entry[(item.index, k)] = f"coordinate {n + 1}" if len(ca) == 1 \
                        else f"entry ({n // width + 1}, {n % width + 1})"
                return x, y
            if verdict.status == "undecided" and undecided is None:
                undecided = verdict.reason
        if undecided is not None:
            reason = f"a coordinate: {undecided}"
            self.report(item, right.start, "info", "math/undecided", f"not decided: {reason}")
            self.decide(item, k, "undecided", reason)
            return None
        digits = f", {rounded} to the digits written" if rounded else ""
        self.decide(item, k, "proved", f"coordinate by coordinate ({len(pairs)} written coordinates; the "
                    "ellipsis stands for the same pattern on both sides)" if opened else
                    f"coordinate by coordinate ({len(pairs)} coordinates{digits})" if len(ca) == 1
                    else f"entry by entry ({len(pairs)} entries{digits})")
        return None

    def _closed_form(self, item: Item, k: int, left: Term, right: Term, a: sp.Expr, b: sp.Expr,
                     definitions: dict[sp.Symbol, sp.Expr]) -> bool:
        """``m_t = (1−β)Σ_{i=1}^t β^{t−i} g_i`` for a recurrence in scope: by induction, or refuted at a small t."""
        from . import induction

        recurrences = Recurrences(definitions.stepped(), self._examples(item))
        if not recurrences:
            return False
        for target, closed in ((a, b), (b, a)):
            if not induction.applies(target, closed, recurrences):
                continue
            others = {s: v for s, v in definitions.items() if s != target and not (
                (ix := read_index(s)) is not None and ix.base == read_index(target).base)}
            try:
                closed = induction.constant_powers(substitute(closed, others), recurrences)
            except CircularDefinition:
                return False
            result = induction.decide(target, closed, recurrences, LINK_SECONDS * 2)
            family = _family(self._sentence_conditions(item)) if result.status != "true" else None
            ruled: Mapping[sp.Symbol, sp.Expr] = definitions
            if family is not None:
                # "with constant gradients g_i = g, m_t = (1 − β^t) g": the claim holds under its condition
                ruled = under = {s: family(v) for s, v in definitions.items()}
                closed = family(closed)
                result = induction.decide(target, closed, Recurrences(under, self._examples(item)),
                                          LINK_SECONDS * 2)
                result = induction.Induction(result.status, result.reason + " (under the condition of its sentence)",
                                             result.step)
            if result.status == "false":
                # No initial value stated: the closed form may assume X_0 = 0, as notes usually do.
                zero = read_index(target).at(None, 0)
                if zero not in recurrences.initial:
                    assumed = {**self._examples(item), zero: sp.Integer(0)}
                    retry = induction.decide(target, closed, Recurrences(ruled, assumed), LINK_SECONDS * 2)
                    if retry.status == "true" and self.zero_init:
                        result = induction.Induction("true", retry.reason + f", with {printing.text(zero)} = 0 as the "
                                                     "text says the state starts at zero")
                    elif retry.status == "true":
                        result = induction.Induction("undecided", f"holds if {printing.text(zero)} = 0, and no "
                                                     "initial value is stated")
            if result.status == "false" and (values := self._worked_parameters(item, closed, definitions)):
                # w_t = 3 − 3·0.8^t after "η = 0.1": a closed form of the worked example, its numbers already in
                under = {s: v.xreplace(values) for s, v in definitions.stepped().items()}
                retry = induction.decide(target, closed, Recurrences(under, self._examples(item)), LINK_SECONDS * 2)
                if retry.status == "true":
                    given = ", ".join(f"{printing.text(x)} = {printing.text(v)}"
                                      for x, v in sorted(values.items(), key=lambda kv: kv[0].name))
                    result = induction.Induction("true", f"{retry.reason}, with the values given before ({given})")
                elif retry.status == "false":
                    recurrences, result = Recurrences(under, self._examples(item)), retry
            if result.status == "false" and family is None and (dropped := induction.left_out(target, closed, recurrences)):
                # "without the loss gradients, only the decay is left: w_T = Π(1 − η_tλ)w_0": the rule with some of
                # its inputs set to zero, a case stated in words, not the rule's closed form
                names = ", ".join(printing.text(x) for x in dropped)
                result = induction.Induction("undecided", f"it leaves out {names}, which the rule reads: a special "
                                             f"case, perhaps stated in words; as the rule's closed form it {result.reason}")
            if result.status == "false" and family is None and (others := induction.foreign(target, closed, recurrences)):
                # v_n = αΣβ^{n−t}δ_t after "v_new = βv_old + αδ_new", with v_t = β₂v_{t−1} + (1 − β₂)δ_t² in force:
                # about the rule the words just gave, not a slip in this one
                names = ", ".join(printing.text(x) for x in others)
                result = induction.Induction("undecided", f"it reads {names}, which the rule in force does not: the "
                                             f"closed form of another rule?; as this rule's closed form it {result.reason}")
            if result.status == "false" and family is None and (
                    values := induction.instance(target, closed, recurrences)) is not None:
                # u_n = 5 + 4n after u_n = u_{n−1} + d, with neither d nor u_0 given: an example, numbers put in for them
                result = induction.Induction("undecided", f"an example of the recurrence: it holds with {values}, "
                                                          "values the notes leave open there")
            letter = read_index(target).letter
            if self._step_alias is not None and self._step_alias[0] == letter:
                letter = self._step_alias[1]  # the step the author counts with (T), not the rule's letter (t)
                result = induction.Induction(result.status, re.sub(
                    rf"\b(at|on) {re.escape(self._step_alias[0])}\b", rf"\1 {letter}", result.reason), result.step)
            if result.status == "true":
                self.decide(item, k, "proved", result.reason)
            elif result.status == "false" and result.step is not None:
                given, says = induction.at_step(target, closed, recurrences, result.step)
                self.report(item, right.start, "error", "math/false",
                            f"false closed form: {_clip(_source(item, left))} = {_clip(_source(item, right))}; at "
                            f"{letter} = {result.step} the recurrence gives {printing.text(printing.textbook(given))}, "
                            f"the closed form {printing.text(printing.textbook(says))}")
                self.decide(item, k, "false", result.reason)
            else:
                self.decide(item, k, "undecided", result.reason)
            return True
        return False

    def _uniform_mean(self, sides: tuple[sp.Expr, sp.Expr], drawn: dict[str, sp.Symbol]) -> str | None:
        """``E_i[∇f_i(w)] = (1/n) Σ ∇f_i(w)`` when the text draws i uniformly from {1, …, n}: the expectation is
        the mean over the index. The reason when the sides then agree (only a proof is taken from it)."""
        reading = expectation.read(*sides, uniform=drawn)
        a, b = _doit(reading.left), _doit(reading.right)
        if sums.prove(a, b, seconds=LINK_SECONDS) not in (None, sums.DIFFER) \
                or compare(a, b, seconds=LINK_SECONDS).status == "true":
            letters = ", ".join(f"{x} uniform on 1, …, {printing.text(n)}" for x, n in sorted(drawn.items()))
            return f"the expectation over an index drawn uniformly is the mean ({letters}, as the text states)"
        return None

    def _worked_parameters(self, item: Item, closed: sp.Expr,
                           definitions: Mapping[sp.Symbol, sp.Expr]) -> dict[sp.Symbol, sp.Expr]:
        """The example values of the recurrence's parameters (η = 0.1, not a state's w_0) that the closed form
        does not write: ``0.8^t`` in place of ``(1 − 2η)^t`` is the worked example's closed form, its values
        already in. A parameter the closed form writes keeps it general (it must hold for every η), so a
        general closed form is never proved for one example only."""
        names = {x for v in definitions.stepped().values() for x in v.free_symbols if read_index(x) is None}
        return {x: v for x, v in self._examples(item).items() if x in names and x not in closed.free_symbols
                and not v.free_symbols}

    def _sentence_conditions(self, item: Item) -> list[tuple[sp.Expr, sp.Expr]]:
        """The equations stated as the condition of ``item``: those right after it when a condition word
        follows it ("$m_t = g_t$ when $\\beta = 0$"), else those before it in its sentence ("If $\\beta = 0$,
        then …"), up to the nearest formula that is not a condition."""
        def condition(other: Item) -> bool:
            return other.condition_cue and other.sentence == item.sentence and other.block is not item.block
        chosen: list[Item] = []
        if item.trailing_condition:
            for other in self.items[item.index + 1:item.index + 6]:
                if other.block is item.block:
                    continue
                if not other.condition_cue:
                    break
                chosen.append(other)
        if not chosen:
            for other in reversed(self.items[max(0, item.index - 6):item.index]):
                if other.block is item.block:
                    continue
                if not condition(other):
                    break
                chosen.append(other)
        out = []
        for other in chosen:
            stmt = other.stmt
            if len(stmt.terms) == 2 and stmt.relations[0] == "=" and None not in (stmt.terms[0].expr, stmt.terms[1].expr):
                a, b = self._prepare(stmt.terms[0].expr, other), self._prepare(stmt.terms[1].expr, other)
                if a is not None and b is not None:
                    out.append((a, b))
        return out

    def _under(self, conditions: list[tuple[sp.Expr, sp.Expr]], left: sp.Expr, right: sp.Expr) -> str | None:
        """The verdict of ``left = right`` once the conditions are applied; None if one cannot be."""
        mapping: dict[sp.Symbol, sp.Expr] = {}
        for a, b in conditions:
            if isinstance(a, sp.Symbol):
                mapping[a] = b
            elif isinstance(b, sp.Symbol):
                mapping[b] = a
            else:
                unknowns = sorted((a - b).free_symbols & (left - right).free_symbols, key=str)
                try:
                    with time_budget(LINK_SECONDS):
                        solved = sp.solve(a - b, unknowns[0], dict=True) if unknowns else []
                except (BudgetExceeded, NotImplementedError, ValueError, TypeError):
                    return None
                if len(solved) != 1:
                    return None
                mapping.update(solved[0])
        return compare(left.xreplace(mapping), right.xreplace(mapping), seconds=LINK_SECONDS).status

    def _wrappers(self, item: Item, left: Term, right: Term, a: sp.Expr, b: sp.Expr) -> list[str]:
        r"""Undefined macros (``\vect{x}``) read as wrappers by this link or the system rows it reads."""
        names = dict.fromkeys(left.transparent + right.transparent)
        scope = self._scope_for(item)
        if scope is not None:
            for sym in sorted(a.free_symbols | b.free_symbols, key=str):
                row = scope.rows.get(sym)  # type: ignore[call-overload]
                for term in row.stmt.terms if row is not None else ():
                    names.update(dict.fromkeys(term.transparent))
        return list(names)

    def _where_defines(self, index: int) -> bool:
        """Is item ``index`` introduced by "where" itself ("…, where $μ = E[X]$", "где", "其中")? Only that word
        makes a name the link uses on both sides the link's own; "with $η = 1/L$" states a choice, a condition."""
        item = self.items[index]
        return not item.condition_cue and bool(_WHERE_ONLY.search(self._words_before(index, 40).rstrip(":,：，").rstrip()))

    def _after_where(self, index: int) -> bool:
        """Is the display of item ``index`` introduced by a bare "where"/"with" (its own paragraph before
        it, "with⏎⏎$$μ = …$$")? Such a display defines what the formula before it used."""
        return bool(_WHERE_WORD.search(self._words_before(index, 80).rstrip(":,：，").rstrip()))

    def _alternative(self, item: Item) -> bool:
        """Is the item's inline formula one of a list of alternatives ("for example $α_k ≡ α$ or $α_k = α/n^c$")?
        Neither is the value of the name from there on, so neither is recorded, and neither is a claim."""
        if self._lines is None or not self.text or item.block.display:
            return False
        start = self._lines.offset(item.block.line, item.block.col)
        end = start + len(item.block.text)
        before, after = self.text[max(0, start - 40):start], self.text[end:end + 80]
        return bool(_OR_BEFORE.search(before) or _OR_AFTER.match(after) or _ONE_OF.search(before)
                    or _ONE_OF_AHEAD.search(self.text[max(0, start - 200):start]) or _ONE_OF_AFTER.match(after))

    def _variant_lead_in(self, item: Item) -> bool:
        """Do the words since the display before this one name an implementation (PyTorch, TensorFlow, "the
        implementation") without a step of derivation (substituting, expanding)? Then a restated rule is that
        implementation's own ("in PyTorch they move ε outside the root. This gives us $$…$$"), not a claim about
        the rule stated before it. (A method's name, AdamW, is read against that method's own rules instead.)"""
        if self._lines is None or not self.text or item.index == 0:
            return False
        if self.items[item.index - 1].block is item.block:
            return False  # a row of the same display: what the words before the display say holds for its first row
        previous = next((it for it in reversed(self.items[: item.index]) if it.block.display), None)
        if previous is None:
            return False
        end = self._lines.offset(previous.block.line, previous.block.col) + len(previous.block.text)
        start = self._lines.offset(item.block.line, item.block.col)
        words = self.text[max(end, start - 400):start]
        return bool(_IMPLEMENTATION.search(words)) and not DERIVATION.search(words)

    def _matrix_minimizer(self, item: Item, fd: FunctionDef) -> None:
        """``\\hat θ = (X^T X)^{-1} X^T y`` "minimizing" ``J(θ) = \\|Xθ − y\\|^2`` defined above: the closed form
        against the objective's first-order condition in matrix algebra (:func:`.matrix_argmin.first_order`).
        Only a proof counts: the mark is a reading of the words, not a statement the checker may refute."""
        decision = self._first_order_of(item, fd, item.stmt.terms[1])
        if decision is not None and decision.status == "true":
            self.decide(item, 0, "proved", f"{decision.reason} (the minimizer of {fd.name}, line {fd.line})", override=True)

    def _first_order_of(self, item: Item, fd: FunctionDef, closed: Term) -> "matrices.Decision | None":
        """The closed form ``closed`` of ``item`` against the first-order condition of the objective ``fd`` as its
        definition writes it (:func:`.matrix_argmin.first_order`, in matrix algebra); None when not read there."""
        where = [index for index, _, defined in self.function_defs if defined is fd and index < item.index]
        if not where or len(self.items[where[-1]].stmt.terms) < 2:
            return None
        defining = self.items[where[-1]]
        from . import matrix_argmin  # only a document that names a matrix minimizer needs it

        return matrix_argmin.first_order(self._expanded(_source(defining, defining.stmt.terms[1])),
                                         printing.latex(fd.params[0]), self._expanded(_source(item, closed)),
                                         self._matrix_notation())

    def _words_before(self, index: int, width: int) -> str:
        """Up to ``width`` characters of the text before item ``index``'s display, its opening ``$`` dropped."""
        if self._lines is None or not self.text:
            return ""
        item = self.items[index]
        end = self._lines.offset(item.block.line, item.block.col)
        return self.text[max(0, end - width):end].rstrip().rstrip("$").rstrip()

    def section_words(self, item: Item) -> str:
        """The heading of ``item``'s section and the text from it to ``item``'s display: what the section says it
        is about before the formula (the method a rule written over several displays is)."""
        if self._lines is None or not self.text:
            return ""
        line = self._section_lines[item.section - 1] if 0 < item.section <= len(self._section_lines) else 1
        start = self._lines.offset(max(line, 1), 1)
        end = self._lines.offset(item.block.line, item.block.col)
        return self.text[start:end] if start <= end else ""

    def _at_a_point(self, item: Item) -> bool:
        """Is ``item`` a letter set to another letter right after "at" ("the tangent line at $x = c$")? It names the
        point a formula is taken at; a number there (at $x = 2$) is still an example value, and a formula ("the
        optimum lies at $p^* = …$") is a claim."""
        stmt = item.stmt
        lhs, rhs = stmt.terms[0].expr, stmt.terms[1].expr
        return len(stmt.terms) == 2 and stmt.relations[0] == "=" and isinstance(lhs, sp.Symbol) \
            and isinstance(rhs, sp.Symbol) and bool(_AT_A_POINT.search(self._words_before(item.index, 40)))

    def _sought(self, item: Item, names: set[sp.Basic]) -> bool:
        """Does the sentence before ``item`` seek the new ``names`` ("we look for constants $A_1$ and $A_2$ with",
        "найдём коэффициенты $a, b$", "求待定系数 $A$, $B$")? Then the formula is an equation they must satisfy (an
        ansatz with undetermined coefficients), which its rewrites follow from, not a definition of them."""
        sentence = self._sentence_before(item.index)
        if _PARTIAL_FRACTIONS.search(sentence):
            return True  # "die allgemeine Darstellung der Partialbruchzerlegung": its coefficients are the unknowns
        cue = _SOUGHT.search(sentence)
        if cue is None:
            return False
        written = {m.group(1).strip() for m in re.finditer(r"\$([^$]{1,60})\$", sentence[cue.start():])}
        shown = {part.strip() for text in written for part in re.split(r",|\\quad|\s+and\s+", text)}
        return any(any(re.fullmatch(re.escape(x.name).replace(r"\{", r"\{?").replace(r"\}", r"\}?"), w) for w in shown)
                   for x in names if isinstance(x, sp.Symbol))

    def _sentence_before(self, index: int) -> str:
        """The words of item ``index``'s own sentence before its formula (up to 200 characters back)."""
        return re.split(r"[.!?](?:\s|$)|\n\s*\n", self._words_before(index, 200))[-1]

    def _equation_for(self, item: Item) -> sp.Symbol | None:
        """The name a lead-in "for $y_k$ we get" announces an equation for, when the statement is one (y_k written
        in it, but not alone on its left: "for y we get y = 3" states the solution, a claim); None otherwise."""
        lead = _EQUATION_FOR.search(self._sentence_before(item.index))
        if lead is None or len(item.stmt.terms) != 2 or item.stmt.relations != ["="]:
            return None
        try:
            name = parse_expr(lead.group(1))
        except LatexParseError:
            return None
        left, right = (t.expr for t in item.stmt.terms)
        if not isinstance(name, sp.Symbol) or left is None or right is None or left == name \
                or name not in left.free_symbols | right.free_symbols:
            return None
        return name

    def _words_after(self, index: int, width: int) -> str:
        """Up to ``width`` characters of the text right after item ``index``'s block (its closing delimiter kept)."""
        if self._lines is None or not self.text:
            return ""
        block = self.items[index].block
        line, col = block.position(len(block.text))
        start = self._lines.offset(line, col)
        return self.text[start:start + width]

    def _announced(self, index: int) -> bool:
        """Do the words before item ``index`` say it defines: its own cue, or a sentence ending in a colon
        just before it, across a blank line ("Some books write it another way:⏎⏎$$…$$")?"""
        if self.items[index].block_cue:
            return True
        before = self._words_before(index, 240)
        if not before.endswith((":", "：")):
            return False
        sentence = re.split(r"[.!?。！？]\s|\n[ \t]*\n", before)[-1]
        return bool(DEFINES.search(sentence))

    def _restated_row_scheme(self, item: Item, name: sp.Symbol) -> str | None:
        """``θ_t = (1 − ηλ)θ_{t−1} − ηg_t`` refuted against the system's θ_t after the prose has named another
        method since that row ("weight decay … its typical form is", "PyTorch's Nesterov form"): the display
        may define the new method's rule rather than restate the old one. The reason, or None."""
        scope = self._scope_for(item)
        row = scope.rows.get(name) if scope is not None else None
        if row is None or row.index >= item.index or not self._scheme_between(item, name, since=row.index):
            return None
        line = row.block.position(row.stmt.terms[0].start)[0]
        return (f"restates {printing.text(name)} (defined on line {line}) after the text names another method: "
                "a new rule, or a slip?")

    def _composed_names(self, item: Item) -> dict[str, str]:
        """Names the section equates with a function applied before ``item`` (``y = f(g(x))``, as a condition or a
        naming): ``y`` → ``f``, for the chain rule written with the function's letters."""
        found: dict[str, str] = {}
        for other in self.items[max(0, item.index - _WHERE_REACH):item.index]:
            terms = other.stmt.terms
            if other.section != item.section or len(terms) != 2 or other.stmt.relations != ["="]:
                continue
            name, value = terms[0].expr, terms[1].expr
            if isinstance(name, sp.Symbol) and isinstance(value, AppliedUndef) \
                    and any(isinstance(a, AppliedUndef) for a in value.args):
                found[name.name] = type(value).__name__
        return found

    def _as_products(self, item: Item, left: Term, right: Term, definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
        """``P(1 + i)^2 − R(1 + i) − R``: a letter before a bracket read as a call makes a true link false. When
        the letter is no function the document defines or ever applies to a plain name (``R(x)``), and the link
        holds with each such call read as a product, it is proved so, and the reason says which were read."""
        if left.expr is None or right.expr is None:
            return None
        functions, applied = self.functions(item), self._applications()
        calls = {c for side in (left.expr, right.expr) for c in side.atoms(AppliedUndef)
                 if len(c.args) == 1 and _LETTER_CALL.fullmatch(type(c).__name__)
                 and type(c).__name__ not in functions.defs and not applied.get(type(c).__name__, 0)
                 and not isinstance(c.args[0], sp.Symbol)}  # (R, L, f are read as functions by default)
        if not calls:
            return None
        product = {c: S.symbol(type(c).__name__) * c.args[0] for c in calls}

        def as_written(expr: sp.Expr) -> sp.Expr:
            # R\;(1 + i)^2: the power is the bracket's (R·(1 + i)²), as the product reading writes it, not the call's
            powers = {p: S.symbol(type(p.base).__name__) * p.base.args[0] ** p.exp for p in expr.atoms(sp.Pow)
                      if p.base in product}
            return expr.xreplace(powers).xreplace(product)
        try:
            pa, pb = (self._prepare(as_written(t.expr), item) for t in (left, right))
            if pa is None or pb is None:
                return None
            sa, sb = _doit(substitute(pa, definitions)), _doit(substitute(pb, definitions))
        except CircularDefinition:
            return None
        if compare(sa, sb, seconds=LINK_SECONDS).status != "true":
            return None
        read = ", ".join(sorted(f"{printing.text(c)}" for c in calls))
        return f"with {read} read as a product (the letter is no function in these notes)"

    def _defined_map(self, item: Item, a: sp.Expr, b: sp.Expr) -> str | None:
        r"""A name of the link that the notes define applied to a variable by an optimum (``T\mathbf{x} =
        \arg\min_{w ∈ W} ‖x − w‖``): a map (a projection), not a number, so ``T(Tx) = Tx`` and ``T² = T`` state
        its properties, which scalar algebra cannot refute. The reason, or None."""
        names = {x for x in a.free_symbols | b.free_symbols if isinstance(x, sp.Symbol)}
        for other in self.items[:item.index]:
            terms = other.stmt.terms
            if len(terms) < 2 or other.stmt.relations[:1] != ["="] or not isinstance(terms[0].expr, sp.Mul) \
                    or terms[1].expr is None or not terms[1].expr.has(optima.Optimum):
                continue
            factors = [f for f in terms[0].expr.args if isinstance(f, sp.Symbol)]
            # (the map is the factor the optimum does not read: T in Tx = argmin_w ‖x − w‖, not x)
            maps = {f for f in factors if f not in terms[1].expr.free_symbols}
            if len(factors) == 2 and len(terms[0].expr.args) == 2 and len(maps) == 1 and (hit := names & maps):
                line = other.block.position(terms[0].start)[0]
                return (f"{printing.text(hit.pop())} is applied as a map defined on line {line} "
                        "by an optimum: its properties (a projection's T² = T) are not modelled")
        return None

    def _unread_redefinition(self, item: Item, a: sp.Expr, b: sp.Expr) -> str | None:
        """A name of the link whose latest definition before it could not be read (``Δx_t = −RMS[Δx]_{t−1}/…``
        in a quoted algorithm after an earlier ``Δx_t``): the definition in force is unknown, so a false
        verdict under the earlier one is not certain. The reason, or None."""
        names = {x for x in a.free_symbols | b.free_symbols if isinstance(x, sp.Symbol)}
        pending = set(names)
        for other in reversed(self.items[:item.index]):
            if not pending:
                return None
            terms = other.stmt.terms
            if len(terms) < 2 or not other.stmt.relations or other.stmt.relations[0] not in DEFINING_RELATIONS:
                continue
            name = terms[0].expr
            if name not in pending or terms[1].expr is not None \
                    and self.verdicts.get((other.index, 0), ("",))[0] not in ("not-a-claim", ""):
                continue  # (Cᵀ = C read as C = C, a claim the checker decided: no definition of C)
            pending.discard(name)
            if terms[1].expr is None:
                line = other.block.position(terms[0].start)[0]
                again = " again" if any(t.stmt.terms[0].expr == name and t.stmt.relations[:1] == ["="]
                                        for t in self.items[:other.index]) else ""
                return (f"{printing.text(name)} is defined{again} on line {line} by an expression that could not be "
                        "read: which definition holds here is not known")
        return None

    def _later_definitions(self, item: Item, names: set[sp.Symbol]) -> dict[sp.Symbol, tuple[int, sp.Expr]]:
        """Of ``names``, those the next few statements of the section define (item index, value)."""
        later: dict[sp.Symbol, tuple[int, sp.Expr]] = {}
        for other in self.items[item.index + 1:item.index + 1 + _WHERE_REACH]:
            name = self._definition_target(other)
            if other.section != item.section or name not in names or name in later \
                    or scope_rules.condition_after(self, other) or self._solved_for_named(other):
                continue  # "… falling out when α = 1": a condition after the link is never its definition (nor
                # β = (1 − μ)κ, the definitions of μ and κ solved for β: a claim)
            value = self._prepare(other.stmt.terms[1].expr, other)
            if value is not None and name not in value.free_symbols:
                later[name] = (other.index, value)
        return later

    def _defined_after(self, item: Item, left: Term, right: Term, sa: sp.Expr, sb: sp.Expr,
                       definitions: Mapping[sp.Symbol, sp.Expr]) -> tuple[str, str] | None:
        """A refuted link that reads a name its section defines only in the next few statements ("…, where
        α = …"): put that definition in. Proved if the sides then agree; otherwise undecided (the link may
        have been written with the definition in mind, or be a slip), never false on a name left free."""
        # a name on one side; or on both when the words say it is defined for this line ("…, where μ = E[X]"):
        # a name on both sides that is merely defined again below (x_t) is not the link's own definition
        later = self._later_definitions(item, {x for x in sa.free_symbols ^ sb.free_symbols if x not in definitions})
        both = {x for x in sa.free_symbols & sb.free_symbols if isinstance(x, sp.Symbol) and x not in definitions}
        later.update({x: found for x, found in self._later_definitions(item, both).items()
                      if self._where_defines(found[0])})
        later = {x: found for x, found in later.items() if (item.section, x) not in self._sought_constants}
        if not later:  # (a = 4/3 after "we look for constants a, b with …": the solution, not a's definition)
            return None
        names = ", ".join(sorted(printing.text(x) for x in later))
        line = min(self.items[i].block.position(self.items[i].stmt.terms[0].start)[0] for i, _ in later.values())
        try:
            mapping = {x: v for x, (_, v) in later.items()}
            pa, pb = substitute(sa.xreplace(mapping), definitions), substitute(sb.xreplace(mapping), definitions)
        except CircularDefinition:
            return "undecided", f"{names} is defined only after it (line {line})"
        if expectation.has_statistics(pa) or expectation.has_statistics(pb):
            plain = expectation.read(pa, pb)  # "where μ = E[X]": the value is read as the sides already were
            pa, pb = plain.left, plain.right
        verdict = compare(_doit(pa), _doit(pb), seconds=LINK_SECONDS)
        if verdict.status == "true":
            return "proved", f"with {names} as defined right after it (line {line})"
        loose = (pa.free_symbols ^ pb.free_symbols) - set(definitions) - set(mapping)
        if verdict.status == "false" and not loose and all(self.items[i].block_cue or self.items[i].condition_cue
                                             or self._after_where(i) for i, _ in later.values()):
            # "…, where α = …", "… with μ = …": the words say the definition is the one the link means
            written = (_source(item, left), _source(item, right))
            self.report(item, right.start, "error", "math/false",
                        _false_message(written, pa, pb, verdict, {}) + f" (with {names} as defined on line {line})")
            return "false", f"the sides differ with {names} as defined right after it (line {line})"
        return "undecided", f"{names} is defined only after it (line {line}), and even so the sides differ"

    def _stated_fact(self, item: Item, a: sp.Expr, b: sp.Expr,
                     definitions: Mapping[sp.Symbol, sp.Expr]) -> tuple[str, str] | None:
        """A refuted link under an equation its section stated before about a norm or a function's value of
        its names (``where ‖h‖₂ = 1``, "if ‖x‖ = 1"): not a definition of a name, so substitution never used it.

        Put in where the link writes it: a naming or a condition that makes the sides equal proves the link (a
        condition stated before it in its section is a hypothesis in force there, and the reason names it); one
        that changes nothing lets the false verdict stand. One the link does not write as it was stated (so it
        could not be put in) makes the verdict undecided, never false. None when no earlier equation concerns
        the link."""
        names = {x for x in a.free_symbols | b.free_symbols if isinstance(x, sp.Symbol)}
        unapplied: list[tuple[int, str]] = []
        for other in reversed(self.items[:item.index]):
            if other.section != item.section:
                break
            terms = other.stmt.terms
            if len(terms) != 2 or other.stmt.relations != ["="]:
                continue
            verdict = self.verdicts.get((other.index, 0))
            if verdict is None or verdict[0] != "not-a-claim" or other.index in self._case_items:
                continue  # (one case of a function given by cases is in its definition, never a fact of its own)
            fa, fb = self._prepare(terms[0].expr, other), self._prepare(terms[1].expr, other)
            if fa is None or fb is None or not fa.free_symbols or not _fact_subject(fa):
                continue  # a name is a definition; a sum or a product set to a value is an equation or a claim
            if not fa.free_symbols & names:
                continue
            line = other.block.position(terms[0].start)[0]
            stated = f"{_source(other, terms[0])} = {_source(other, terms[1])}"
            if isinstance(fa, Coords) and len(fa.args) == 2 and not isinstance(fb, Coords) \
                    and all(isinstance(x, sp.Symbol) for x in fa.args):
                unapplied.append((line, stated))  # (u, v) = ∫ ρuv ds: a bracket defined, which (v, u) is too, not a pair
                continue
            if not (a.has(fa) or b.has(fa)):
                unapplied.append((line, stated))  # not written here as it was stated
                continue
            try:
                pa = substitute(a.xreplace({fa: fb}), definitions)
                pb = substitute(b.xreplace({fa: fb}), definitions)
            except CircularDefinition:
                unapplied.append((line, stated))
                continue
            if compare(_doit(pa), _doit(pb), seconds=LINK_SECONDS).status == "true":
                if "condition" in verdict[1]:  # "a constraint: ‖v‖ = 1", "Пусть ‖v‖ = 1": in force from there on
                    return "proved", f"under the condition {_clip(stated)} stated on line {line}"
                return "proved", f"with {stated} stated on line {line}"
        if not unapplied:
            return None
        line, stated = unapplied[0]
        return "undecided", f"an equation stated on line {line} ({_clip(stated)}) may make it hold (not applied)"

    def _sign_labels(self) -> tuple[frozenset[str], dict[sp.Symbol, sp.Expr]]:
        r"""The letters the notes declare to take the values −1 and 1 only (``y_i \in \{-1, 1\}``, ``y \in
        \{\pm 1\}``: class labels, whose squares are 1), and the names they define as products of such labels
        (``s = y_1 y_2``), which are −1 or 1 as well."""
        letters = frozenset(m.group("base") for m in _SIGN_DOMAIN.finditer(self.text or ""))
        if not letters:
            return letters, frozenset()
        names: dict[sp.Symbol, sp.Expr] = {}
        for it in self.items:
            terms = it.stmt.terms
            if len(terms) == 2 and isinstance(terms[0].expr, sp.Symbol) and terms[1].expr is not None \
                    and not _signed_label(terms[0].expr, letters) and terms[1].expr.free_symbols and all(
                        _signed_label(factor, letters) for factor in sp.Mul.make_args(terms[1].expr)):
                names.setdefault(terms[0].expr, terms[1].expr)
        return letters, names

    def _follows_from_equation(self, item: Item, left: sp.Expr, right: sp.Expr,
                               definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
        """Is ``left = right`` an earlier equation of its section multiplied or divided by a factor?

        Notes derive from equations, not only from identities ("0 = f'(x_k) − e_k f''(x_k) + …; dividing by
        f''(x_k), we get …"). Such a link is false as an identity but follows from the equation: ``left −
        right = c·(A − B)`` with ``c`` a nonzero factor whose denominator shares nothing with ``A − B``
        (else ``c`` would be the quotient of anything by anything). Only equations the checker did not
        prove or read as definitions count (those are identities or already substituted), from the few
        statements before ``item`` in its section. Returns the reason, or None.
        """
        target = left - right
        if (zeroed := self._set_to_zero(item, left, right, definitions)) is not None:
            return zeroed
        unposed: str | None = None
        for other in reversed(self.items[max(0, item.index - _EQUATION_REACH):item.index]):
            if other.section != item.section:
                break
            stmt = other.stmt
            terms = stmt.terms
            if len(terms) < 2 or len(terms) > 6 or any(r not in ("=",) for r in stmt.relations):
                continue
            posing = [_an_equation(self.verdicts.get((other.index, j)), terms[j], terms[j + 1])
                      for j in range(len(stmt.relations))]
            # dΨ/da = −sK(w − sa) + Ma = 0: a derivative proved, then set to zero — the equation is its value's
            set_to_zero = terms[-1].expr == 0 and posing[-1]
            held = [posing[j] or set_to_zero and j < len(posing) - 1
                    and self.verdicts.get((other.index, j), ("",))[0] == "proved" for j in range(len(stmt.relations))]
            if not any(posing) or not all(held):
                continue  # (a chain that also names or claims something is no equation to derive from)
            for i in range(len(terms)):
                for j in range(i + 1, len(terms)):
                    if not (any(posing[i:j]) and all(held[i:j])):
                        continue  # dΨ/da = −sK(w − sa) + Ma = 0: the derivative proved, then set to zero
                    factor = self._equation_factor(other, terms[i].expr, terms[j].expr, target, definitions)
                    if factor is not None:
                        line = other.block.position(terms[j].start)[0]
                        how = "" if factor == 1 else f", multiplied by {printing.text(factor)}" \
                            if sp.count_ops(factor) <= 6 else ", multiplied by a factor"
                        posed = all(self.verdicts.get((other.index, m), ("",))[0] in ("not-a-claim", "proved")
                                    for m in range(i, j))
                        if posed:
                            return f"follows from the equation on line {line}{how}"
                        unposed = unposed or f"follows from the equation on line {line}{how}{_UNDECIDED_PREMISE}"
        return unposed  # (an equation the notes pose, further back, is the better premise than an undecided one)

    def _set_to_zero(self, item: Item, left: sp.Expr, right: sp.Expr,
                     definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
        """After words that set the formula before to zero ("Igualar a cero:", "setting the gradient to zero"), is
        ``left = right`` that formula's right side set to zero: ``left − right`` it times a factor, or a name alone
        on the left whose value on the right makes it zero (its solution)? The reason, or None. Only the nearest
        display of the section before ``item`` is the formula the words mean, and not one found false."""
        if not self._zero_cue(item):
            return None
        target = left - right
        for other in reversed(self.items[max(0, item.index - _EQUATION_REACH):item.index]):
            if other.section != item.section:
                return None
            terms = other.stmt.terms
            if len(terms) < 2 or other.block is item.block:
                continue
            if self.verdicts.get((other.index, len(terms) - 2), ("",))[0] == "false":
                return None
            line = other.block.position(terms[-1].start)[0]
            factor = self._equation_factor(other, terms[-1].expr, sp.Integer(0), target, definitions)
            if factor is None:
                solved = self._solves_zero(other, terms[-1].expr, left, right, definitions)
                return f"solves the right side of line {line} set to zero, as the words say" if solved else None
            how = "" if factor == 1 else f", multiplied by {printing.text(factor)}" \
                if sp.count_ops(factor) <= 6 else ", multiplied by a factor"
            return f"the right side of line {line} set to zero, as the words say{how}"
        return None

    def _zero_cue(self, item: Item) -> bool:
        """Do the words right before ``item`` set the formula before it to zero (:data:`_SET_TO_ZERO`)?"""
        return _SET_TO_ZERO.search(self._sentence_before(item.index)) is not None

    def _solves_zero(self, other: Item, zeroed: sp.Expr | None, left: sp.Expr, right: sp.Expr,
                     definitions: Mapping[sp.Symbol, sp.Expr]) -> bool:
        """Is ``left`` a name ``zeroed`` (a side of ``other``) holds, and does ``right`` put in for it make ``zeroed``
        zero (``β = d/c`` after ``2cβ − 2d`` set to zero)?"""
        if not isinstance(left, sp.Symbol) or zeroed is None or left in right.free_symbols:
            return False
        expr = self._prepare(zeroed, other)
        if expr is None:
            return False
        try:
            with time_budget(LINK_SECONDS):
                expr = _doit(substitute(expr, dict(definitions)))
                if left not in expr.free_symbols:
                    return False
                return compare(expr.xreplace({left: right}), sp.Integer(0), seconds=LINK_SECONDS).status == "true"
        except (BudgetExceeded, CircularDefinition, TypeError, ValueError, ZeroDivisionError):
            return False

    def _equation_factor(self, other: Item, a: sp.Expr | None, b: sp.Expr | None, target: sp.Expr,
                         definitions: Mapping[sp.Symbol, sp.Expr]) -> sp.Expr | None:
        """The factor c with ``target = c·(a − b)``, when it is a genuine factor (see above), else None."""
        if a is None or b is None:
            return None
        pa, pb = self._prepare(a, other), self._prepare(b, other)
        if pa is None or pb is None:
            return None
        try:
            with time_budget(LINK_SECONDS):
                difference = _signs_reduced(_doit(substitute(pa, definitions) - substitute(pb, definitions)))
                target = _signs_reduced(target)  # (y_i ∈ {−1, 1} declared: y_i² = 1 on both)
                if difference == 0 or not difference.free_symbols or difference.has(optima.Optimum) \
                        or sp.expand(difference) == 0:
                    return None  # (an argmin is a point, not an equation to divide: arg min f = arg min q)
                factor = sp.cancel(sp.together(target / difference))
                if factor == 0 or factor.has(sp.zoo, sp.nan) or sums.has_generic(factor):
                    return None  # a "factor" holding a sum over an unstated set relates unrelated things
                if factor.free_symbols and len(difference.free_symbols) == 1:
                    return None  # in one variable, two polynomials with common roots divide by chance
                if (factor.free_symbols | factor.atoms(AppliedUndef)) - (target.free_symbols | target.atoms(AppliedUndef)):
                    return None  # a factor reading what only the equation reads divides the equation itself away
                _, denominator = sp.fraction(factor)
                # each sum in one canonical form first: cancel takes the 3 out of Σ 3 log q_i, and SymPy's gcd then
                # sees no common factor between 3Σ log q_i − log Π q_i² and the difference it came from
                denominator = sums.pulled_out(denominator)
                if sp.gcd(denominator, sums.pulled_out(sp.numer(sp.together(difference)))).free_symbols:
                    return None
        except (BudgetExceeded, CircularDefinition, sp.PolynomialError, TypeError, ValueError):
            return None
        return factor

    def _holds_as_restated(self, item: Item, a: sp.Expr, b: sp.Expr,
                           definitions: dict[sp.Symbol, sp.Expr]) -> str | None:
        """Why a false verdict is not certain when it rests on a name its section names twice.

        "Let v_t = g̃_t" … "Now our recursion looks like: v_t = βv_{t-1} + (1−β)g_t" (no word says it follows):
        the first naming stands for the checker, but a reader may take the second. When the link holds with
        the restated value, which reading is meant is undecided; a link false under both readings stays false.
        """
        overlay: dict[sp.Symbol, sp.Expr] = {}
        lines: dict[sp.Symbol, int] = {}
        for index in sorted(self._restated):
            other = self.items[index]
            if index >= item.index or other.section != item.section:
                continue
            name, value = other.stmt.terms[0].expr, other.stmt.terms[1].expr
            value = self._prepare(value, other) if value is not None else None
            if isinstance(name, sp.Symbol) and value is not None and not value.has(DOTS):
                overlay[name] = value
                lines[name] = other.block.position(other.stmt.terms[0].start)[0]
        if not overlay:
            return None
        mixed = {name: definitions[name] for name in definitions}
        mixed.update(overlay)
        try:
            with time_budget(LINK_SECONDS):
                sa, sb = substitute(a, mixed), substitute(b, mixed)
                stepped = dict(definitions.stepped()) if isinstance(definitions, ScopeView) else {}
                stepped.update({x: v for x, v in overlay.items() if x in stepped or read_index(x) is not None})
                recurrences = Recurrences(stepped, self._examples(item))
                if recurrences:
                    sa, sb = recurrences.unroll(sa, sb)
                sa, sb = _doit(sa), _doit(sb)
                if compare(sa, sb, seconds=LINK_SECONDS).status != "true":
                    return None
        except (CircularDefinition, BudgetExceeded):
            return None
        names = ", ".join(f"{printing.text(x)} (line {lines[x]})" for x in sorted(overlay, key=str))
        return f"holds when {names} is read as restated later with no word that it follows: which naming stands?"

    def _by_coordinates(self, item: Item, k: int, right: Term, reading: dimensions.Reading) -> None:
        """``\\|w\\|_2 = \\sum_{i=1}^d w_i^2``: the norm against the sum over its ``d`` coordinates."""
        try:
            with time_budget(LINK_SECONDS * 2):
                outcome = dimensions.decide(reading, LINK_SECONDS)
        except BudgetExceeded:
            self.decide(item, k, "undecided", "a norm against its coordinates: not decided in time")
            return
        verdict = outcome.verdict
        if verdict.status == "true":
            self.decide(item, k, "proved", verdict.reason)
        elif verdict.status == "false" and not re.search(r"_\s*\{?\s*2(?!\d)", _source(item, item.stmt.terms[k])) \
                and (defined := _norm_defined(item.stmt.terms[k].expr, right.expr)):  # ‖w‖₂ names its norm
            self.report(item, right.start, "info", "math/undecided", f"not decided: {defined}")
            self.decide(item, k, "undecided", defined)
        elif verdict.status == "false" and outcome.left is not None and outcome.right is not None:
            written = (_source(item, item.stmt.terms[k]), _source(item, right))
            sides = [e for e in (item.stmt.terms[k].expr, right.expr) if e is not None]
            one = any(len(n.args) == 2 for e in sides for n in e.atoms(Norm))
            meaning = ("the sum of the absolute values of the coordinates" if one
                       else "the square root of the sum of squared coordinates")
            self.report(item, right.start, "error", "math/false",
                        _false_message(written, outcome.left, outcome.right, verdict, {}) + "; with the norm as"
                        f" {meaning}, at {printing.text(reading.size)} = {outcome.size}")
            self.decide(item, k, "false", f"a norm against its coordinates, refuted at {printing.text(reading.size)}"
                        f" = {outcome.size}")
        else:
            self.decide(item, k, "undecided", verdict.reason)

    def _holds_as_meant(self, item: Item, a: sp.Expr, b: sp.Expr) -> bool:
        """Does the link hold under the corrected system, when the system in scope is a known mistake?"""
        from .catalog_match import classify

        scope = self._scope_for(item)
        if scope is None or classify(scope) is None or scope.corrected is None:
            return False
        try:
            sa, sb = substitute(a, scope.corrected), substitute(b, scope.corrected)
        except CircularDefinition:
            return False
        return compare(_doit(sa), _doit(sb), seconds=LINK_SECONDS).status == "true"

    def _ellipsis_sum(self, item: Item, k: int, claimed: Term, where: sp.Expr, other: sp.Expr,
                      definitions: dict[sp.Symbol, sp.Expr]) -> bool:
        """A sum written out with an ellipsis against Σ or a geometric closed form (:mod:`.ellipsis_sums`):
        True when decided here."""
        try:
            other_s = substitute(other, definitions)
        except CircularDefinition:
            return False
        reading = ellipsis_sums.decide(where, other_s, DOTS, LINK_SECONDS, _source(item, claimed))
        if reading is None:
            return False
        written = f"{_source(item, item.stmt.terms[k])} = {_source(item, item.stmt.terms[k + 1])}"
        if reading.status == "false" and (steps := self._superscript_steps(written)) is not None:
            # h^k = (w^1 + w^2 + ⋯ + w^k)/k where the notes write w^1: a sum of steps, not a geometric one
            self.report(item, claimed.start, "info", "math/undecided", f"not decided: {steps}")
            self.decide(item, k, "undecided", steps)
            return True
        if reading.status == "false":
            self.report(item, item.stmt.terms[k + 1].start, "error", "math/false",
                        f"false expansion: {_clip(_source(item, item.stmt.terms[k]))} = "
                        f"{_clip(_source(item, item.stmt.terms[k + 1]))}; {reading.reason}")
            self.decide(item, k, "false", reading.reason)
        else:
            self.decide(item, k, "proved", reading.reason)
        return True

    def _verify_dots(self, item: Item, k: int, left: Term, right: Term, a: sp.Expr, b: sp.Expr,
                     definitions: dict[sp.Symbol, sp.Expr]) -> None:
        """``… = X − \\dots``, ``(1−β)(g_t + βg_{t−1} + … + β^{t−1}g_1)``: check what is written — the
        coefficient of each variable the expansion shows, against the definitions unrolled as far as it goes
        (a term after the ellipsis, at a fixed step such as g_1, against the recurrence's closed form)."""
        # (only the values of its own section: "w_0 = 3 as a first guess" in a warm-up is no coordinate of the
        # general w^Tu = w_0u_0 + … + w_mu_m sections later)
        given = {x: v for x, v in self._examples(item, own_section=True).items()
                 if v.is_number and x in a.free_symbols | b.free_symbols}
        if given:  # "x_0 = 1, w_0 = b so that b joins the sum": the values given hold in what is written out
            a, b = a.xreplace(given), b.xreplace(given)
        claimed_term, other, where = (right, a, b) if b.has(DOTS) else (left, b, a)
        written = (left if claimed_term is right else right).expr
        if written is not None and written.has(Norm) and (spelled := norms_in_coordinates(written, where)) != written:
            other = self._prepare(spelled, item)  # ‖w‖₁ = |w_1| + … + |w_d|: the norm in the coordinates written
        if not calculus.linear_in(where, DOTS):
            self.report(item, claimed_term.start, "info", "math/undecided",
                        r"not checked: \dots stands inside a power or a fraction, not as terms of a sum")
            self.decide(item, k, "undecided", "an ellipsis inside a power or a fraction, not as terms of a sum")
            return
        if self._ellipsis_sum(item, k, claimed_term, where, other, definitions):
            return  # w_1x_1 + ⋯ + w_dx_d = Σ_{j=1}^{d} w_jx_j, 1 + β + ⋯ + β^{t−1} = (1 − β^t)/(1 − β)
        written_other = (left if claimed_term is right else right).expr
        if written_other is not None and written_other.is_number and where.free_symbols - {DOTS} \
                and claimed_term.expr is not None and claimed_term.expr.has(DOTS):
            # A^{n−1}b + c_1A^{n−2}b + … + c_nA^{−1}b = 0 (Cayley–Hamilton): an expansion set to a number is an equation
            # a fact makes hold, not an identity whose terms the number has
            self.decide(item, k, "not-a-claim", "an expansion set to a number (an equation, not an identity)")
            return
        if isinstance(written_other, sp.Symbol) and written_other not in definitions \
                and written_other not in where.free_symbols and claimed_term.expr is not None \
                and claimed_term.expr.has(DOTS) and not self._step_of_defined(written_other, definitions):
            # a_{11}x_1 + a_{12}x_2 + … + a_{1n}x_n = b_1, a row of a general system: the expansion is set equal to a
            # name nothing defines (an equation to solve, or the name's definition), not to terms it expands
            self.decide(item, k, "not-a-claim", "an expansion set equal to a name nothing defines (an equation, or "
                                                "the name's definition), not an identity")
            return
        explicit = sp.expand(where.xreplace({DOTS: 0}))
        # what the expansion writes out stays as written (g_t, not ∇f(w_t)), unless it is given a number or
        # renamed (x_0 = 1, w_0 = b: "so that b joins the sum" is the point of the rewrite)
        hold = frozenset(s for s in explicit.free_symbols if s in definitions
                         and not (definitions[s].is_number or isinstance(definitions[s], sp.Symbol)))
        try:
            other_s = substitute(other, definitions, hold=hold)
            explicit_s = substitute(explicit, definitions, hold=hold)
        except CircularDefinition:
            self.decide(item, k, "undecided", "it reads a circular system of definitions")
            return
        other_s, why = _coordinates(explicit_s, other_s)
        if other_s is None:
            self.report(item, claimed_term.start, "info", "math/undecided", f"not checked: {why}")
            self.decide(item, k, "undecided", why)
            return
        recurrences = Recurrences(definitions.stepped(), self._examples(item))
        target = other if isinstance(other, sp.Symbol) else None
        if recurrences:
            # Unroll the defined side until it shows every older input the expansion writes out
            # ((1−β)(g_t + βg_{t−1} + β²g_{t−2} + …)); never below a state the expansion itself shows.
            inputs = [ix for ix in map(read_index, filter(_variable, explicit_s.free_symbols))
                      if ix is not None and ix.base not in recurrences.by_base]
            present = {(ix.base, ix.letter): ix.offset for ix in map(read_index, other_s.free_symbols) if ix is not None}
            floor: dict[tuple[str, str | None], int] = {}
            for base, rec in recurrences.by_base.items():
                older = [ix.offset for ix in inputs if ix.letter == rec.lhs.letter
                         and ix.offset < present.get((ix.base, ix.letter), ix.offset + 1)]
                own = [ix.offset for ix in map(read_index, explicit_s.free_symbols)
                       if ix is not None and ix.base == base and ix.letter == rec.lhs.letter]
                if older and not own:
                    floor[(base, rec.lhs.letter)] = min(older) - 1
            if floor:
                other_s, _ = recurrences.unroll(other_s, sp.Integer(0), floor)
        variables = [s for s in explicit_s.free_symbols if s not in hold and _variable(s)]
        left_states = _unexpanded_states(other_s, explicit_s, target) if target is not None else []
        checked, unchecked = [], []
        for var in sorted(variables, key=lambda s: s.name):
            if _summed(other_s, var):
                # Σ_{i=1}^{k} β^{k−i} g_i on the other side holds g_1 too, unseen by a coefficient of the symbol
                unchecked.append(printing.text(var))
                continue
            whole = not calculus.linear_in(explicit_s, var) or (not calculus.linear_in(other_s, var)
                                                                and all(_older(state, var) for state in left_states))
            ix = read_index(var)
            if whole:
                # |w_1| + |w_2| + … + |w_d|, w_1² + … + w_d²: each term in one coordinate is compared whole
                written, actual = _part_in(explicit_s, var, variables), _part_in(other_s, var, variables)
                if written is None or actual is None:
                    unchecked.append(printing.text(var))
                    continue
            elif ix is not None and ix.letter is None and target is not None and var not in other_s.free_symbols:
                written = calculus.coefficient(explicit_s, var)
                actual = recurrences.coefficient(target, var) if recurrences else None  # g_1 after the ellipsis
                if actual is None:
                    unchecked.append(printing.text(var))
                    continue
            elif not calculus.linear_in(other_s, var) or not all(_older(state, var) for state in left_states):
                # a state the definitions leave unexpanded (x^{(k+m-1)}) may itself contain var: its
                # coefficient on the defined side is not known
                unchecked.append(printing.text(var))
                continue
            else:
                written, actual = calculus.coefficient(explicit_s, var), calculus.coefficient(other_s, var)
            verdict = compare(written, actual, seconds=LINK_SECONDS)
            if verdict.status == "false" and actual.free_symbols - written.free_symbols \
                    and (not written.free_symbols or _DECIMAL_WRITTEN.search(_source(item, claimed_term))):
                # 0.1θ_{100} + 0.1·0.9θ_{99} + … after "let β = 0.9": the numbers are the coefficients at the values given
                given = {name: value for name, value in self._examples(item).items() if name in actual.free_symbols}
                if given:
                    at_values = actual.xreplace(given)
                    verdict = compare(written, at_values, seconds=LINK_SECONDS)
                    if verdict.status == "false" and at_values.free_symbols - written.free_symbols:
                        verdict = Verdict("undecided", "numbers written, symbols left after the values given")
                    elif verdict.status == "false":
                        verdict = Verdict("false", "", {**given})
                else:  # 0.9^{t-1}(0.1) for β^{t-1}(1 − β), the value of β given only in words or code
                    verdict = Verdict("undecided", "numbers written where the definitions have "
                                      + ", ".join(sorted(printing.text(x) for x in actual.free_symbols))
                                      + ", given no value in the notes' formulas")
            if verdict.status == "false" and _EXPECTATION_CALL.search(_source(item, left) + " " + _source(item, right)) \
                    and not any(x.name == "E" for x in self._definitions(item) if isinstance(x, sp.Symbol)):
                # E(X) = E(I_1) + … + E(I_20) after X = I_1 + … + I_20: E( … ) read once as the letter E times X and
                # once as an unknown function E, neither the expectation the notes mean
                why = "E(…) is the expectation here, read as a letter or an unknown function: not compared"
                self.report(item, claimed_term.start, "info", "math/undecided", f"not decided: {why}")
                self.decide(item, k, "undecided", why)
                return
            if verdict.status == "false" and (untaken := sorted(
                    printing.text(x) for t in (left, right) if t.expr is not None
                    for x in t.expr.free_symbols | t.expr.atoms(AppliedUndef)  # (∂f(x)/∂x_1: a call)
                    if self._differentiates_defined(x, item) and self._prepare(x, item) == atomize(x))):
                # ∂f/∂x_1 dx_1 + … for f(x) = aᵀx: a derivative in a coordinate of a function written in the
                # vector stays a name, and a name is no coefficient to compare
                why = f"{untaken[0]}: the derivative of a function the notes define could not be taken here"
                self.report(item, claimed_term.start, "info", "math/undecided", f"not decided: {why}")
                self.decide(item, k, "undecided", why)
                return
            if verdict.status == "false" and (vectors := _vectors_by_coordinates(explicit_s, sp.Tuple(other_s, *(
                    t.expr for t in (left, right) if t is not claimed_term and t.expr is not None)))):
                # β₀ + β₁x₁ + ⋯ + β_Dx_D after y = β₀ + βᵀx with β, x vectors: their coordinates are not modelled
                why = (f"{vectors}: a vector on one side, its coordinates on the other (what the coordinates of a "
                       "vector are is not modelled here)")
                self.report(item, claimed_term.start, "info", "math/undecided", f"not decided: {why}")
                self.decide(item, k, "undecided", why)
                return
            if verdict.status == "false" and actual == 0 and (family := read_index(var)) is not None and not any(
                    (ix := read_index(x)) is not None and ix.base == family.base for x in other_s.free_symbols) \
                    and self._doubted_refutation(item, k, left, right, definitions) is None:  # (a doubt says more)
                # x_j − x_0 = t_0p_0 + … + t_{j−1}p_{j−1} with x_{k+1} = x_k + t_kp_k: x_j left whole (a step the
                # recurrence is not instantiated at) writes no p at all, so every coefficient "is" 0
                why = (f"the other side, definitions put in, writes no {printing.text(var)} nor any of its family: "
                       "what the ellipsis stands for is not unrolled there")
                self.report(item, claimed_term.start, "info", "math/undecided", f"not decided: {why}")
                self.decide(item, k, "undecided", why)
                return
            if verdict.status == "false":
                self.report(item, claimed_term.start, "error", "math/coefficient",
                            f"the term in {printing.text(var)}: written {'' if whole else 'with '}"
                            f"{printing.text(printing.textbook(written))}, but the definitions give "
                            f"{printing.text(printing.textbook(actual))}{_witness(verdict)}")
                self.decide(item, k, "false", f"wrong term in {printing.text(var)} in the expansion" if whole
                            else f"wrong coefficient of {printing.text(var)} in the expansion")
                return
            (checked if verdict.status == "true" else unchecked).append(printing.text(var))
        if checked and not unchecked:
            # what is left once every written-out term is taken away (b in w_1x_1 + ⋯ + b): both sides show it whole
            zero = {var: 0 for var in variables} | {DOTS: 0}
            rest_written, rest_actual = explicit_s.xreplace(zero), other_s.xreplace(zero)
            rest = rest_written.free_symbols | rest_actual.free_symbols
            # only plain constants (b, a number): an indexed or called quantity there may be what the ellipsis holds
            if not any(read_index(x) is not None or "(" in str(x) or not isinstance(x, sp.Symbol) for x in rest):
                verdict = compare(rest_written, rest_actual, seconds=LINK_SECONDS)
                if verdict.status == "false":
                    self.report(item, claimed_term.start, "error", "math/coefficient",
                                f"the terms free of {', '.join(checked)}: written {printing.text(printing.textbook(rest_written))}, "
                                f"but the definitions give {printing.text(printing.textbook(rest_actual))}{_witness(verdict)}")
                    self.decide(item, k, "false", "wrong terms besides those written around the ellipsis")
                    return
                if verdict.status != "true":
                    unchecked.append("the rest")
            elif sp.expand(rest_written) != 0:
                unchecked.append("the rest")  # written terms in (∂L/∂W_1)², … that are no variable: never compared
        if checked and unchecked:  # a slip in the term left out would pass: not proved
            self.decide(item, k, "undecided", "an ellipsis: the terms in " + ", ".join(checked) + " agree, but the"
                        " term in " + ", ".join(unchecked) + " could not be compared with the definitions")
        elif checked:
            self.decide(item, k, "proved", "the terms written around the ellipsis (in "
                        + ", ".join(checked) + ")")
        elif unchecked:
            self.decide(item, k, "undecided", "an ellipsis: the terms in " + ", ".join(unchecked)
                        + " could not be compared with the definitions")
        else:
            self.decide(item, k, "undecided", "an ellipsis: no term of a weight, state or input to compare")


#: How many earlier rules for the same name a restatement in another function is compared with.
_RULES_TRIED = 4


def _with_primes(name: str, order: int) -> str:
    """``f`` with ``order`` primes as the parser names it: ``f''``, and ``f'_{a}`` for a subscripted ``f_{a}``."""
    if "_" in name:
        cut = name.index("_")
        return name[:cut] + "'" * order + name[cut:]
    return name + "'" * order


#: ``\sigma^2(\theta)``, ``\sigma_2^2(\theta)``: a letter squared right before one name in brackets.
_POWER_CALL = re.compile(r"(\\[A-Za-z]+|(?<![\\A-Za-z])[A-Za-z])(?:_\{?\w+\}?)?\^\{?\d\}?\s*(?:\\left)?\(\s*"
                         r"(\\[A-Za-z]+|[A-Za-z])\s*(?:\\right)?\)")


def _power_as_call(item: Item, left: Term, right: Term) -> str | None:
    """Why a refutation may be no slip: ``θ² = σ²(θ)`` names the asymptotic variance as a function of θ, read as
    σ² times θ (a letter that is no function the reader knows, squared right before one name in brackets)."""
    for term in (left, right):
        for match in _POWER_CALL.finditer(_source(item, term)):
            if match.group(1).lstrip("\\") not in DEFAULT_FUNCTIONS and match.group(1).lstrip("\\") not in _KNOWN_CALLS:
                return (f"{match.group(0)} may be a function of {match.group(2)} (a variance written σ²(θ), say), "
                        "read here as a power times the bracket")
    return None


#: ``\Biggr\rvert_{1/\theta}``, ``\Big|_{x = 2}``, ``\right|_{x^*}``: an evaluation bar and the point below it.
_BAR_POINT = re.compile(r"(?:\\[Bb]igg?[rl]?|\\right|\\middle)?\s*(?:\||\\rvert|\\vert)\s*_\s*\{((?:[^{}]|\{[^{}]*\})+)\}")
#: ``\operatorname{proj}_{\mathcal{L}^\perp} X``: an operator the notes name, applied without brackets.
_NAMED_OPERATOR = re.compile(r"\\operatorname\*?\s*\{\s*([A-Za-z]{2,})\s*\}\s*(?:[_^]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|"
                             r"\\[A-Za-z]+\s*\{[^{}]*\}|\\?[A-Za-z0-9]+)\s*)*(?![\s(\[{]|\\left)")


def _bracketless_operator(item: Item, left: Term, right: Term) -> str | None:
    """Why a refutation may be no slip: ``\\operatorname{proj}_{L^⊥} X`` applies an operator the notes name to what
    follows it, with no brackets; the reader takes the name as a factor, and the projection of X as proj·X."""
    for term in (left, right):
        written = _source(item, term)
        factors = " ".join(x.name for x in term.expr.free_symbols if isinstance(x, sp.Symbol)) if term.expr is not None else ""
        for match in _NAMED_OPERATOR.finditer(written):
            # (only an operator the reader took as a factor, a name of its own: tr and det it computes)
            if match.group(1) not in _KNOWN_CALLS and match.group(1) in factors \
                    and re.match(r"\s*\\?[A-Za-z]", written[match.end():] or " "):
                return (f"\\operatorname{{{match.group(1)}}} may be an operator applied to what follows it without "
                        "brackets, read here as a factor")
    return None


#: Functions the reader knows whose powers are written before the bracket (``\sin^2(x)``).
_KNOWN_CALLS = frozenset({"sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "log", "ln", "exp",
                          "arcsin", "arccos", "arctan"})


def _vanishing_beside_unknown(expr: sp.Expr, written: str) -> bool:
    """``(z − p)H̃(z)|_{z = p}``: a product evaluated where one factor vanishes, beside a function of the variable
    the notes do not define (written ``H̃(z)``, read as a call or as a product) that may have a pole there — the
    residue the notes mean is a limit, not 0 times a value."""
    for at in expr.atoms(EvaluatedAt):
        body, var, point = at.args[0], at.args[1], at.args[2]
        called = bool(body.atoms(AppliedUndef)) or re.search(
            rf"[A-Za-z}}]\s*(?:\\left)?\(\s*{re.escape(printing.latex(var))}\s*(?:\\right)?\)", written) is not None
        if called and any(not f.atoms(AppliedUndef) and f.has(var) and f.is_Add
                          and sp.simplify(f.xreplace({var: point})) == 0 for f in sp.Mul.make_args(body)):
            return True
    return False


def _family_call(written: str, functions: Functions) -> bool:
    """Is ``written`` (``T_{(1,f,0)}``, ``g_1``) a member of a family of functions the notes define by a label
    (``T_{(n,f,0)}(x) = …``)? Then it was read as the call it is, not left a product."""
    try:
        name = parse_expr(written)
    except LatexParseError:
        return False
    return isinstance(name, sp.Symbol) and functions.member(name.name) is not None


#: A case of two indices in inline math: ``$j \\neq c$``, ``$i = k$`` (a single letter on each side).
_INDEX_CASE = re.compile(r"\$\s*([A-Za-z])\s*(\\neq?\b|\\not\s*=|≠|=)\s*([A-Za-z])\s*\$")


#: An entry of a bracketed product, ``(AB)_{kk}``, ``(X^Tw)_i``: a number, whatever the letters inside.
_ENTRY_OF_PRODUCT = re.compile(r"(?:\\left)?\((?:[^()]|\([^()]*\))*(?:\\right)?\)\s*_\s*(?:\{[^{}]*\}|\w)")


def _whole_matrices(text: str, names: Iterable[str]) -> set[str]:
    """The matrix letters one product of ``text`` multiplies whole (``AXB``, ``B(dX)A``): the most found in a run
    without a sum, a relation or a separator, letters as entries (``C_{kl}``, a number) or labels (``L_X``) left out."""
    from .latex_tokens import tokenize

    names = set(names)
    text = _ENTRY_OF_PRODUCT.sub(" ", text)  # (AB)_{kk}: an entry of a product, a number
    toks = tokenize(text).tokens
    best: set[str] = set()
    run: set[str] = set()
    for i, tok in enumerate(toks):
        if tok.kind == "rel" or tok.is_char("+", "-", ",", "|", ";", "&") \
                or tok.kind == "macro" and tok.text in ("mid", "quad", "qquad", "langle", "rangle", "left", "right"):
            best, run = (run if len(run) > len(best) else best), set()
            continue
        after = toks[i + 1] if i + 1 < len(toks) else None
        if tok.kind == "letter" and tok.text in names and not (i and toks[i - 1].is_char("_", "^")) \
                and not (after is not None and after.is_char("_")) \
                and not (tok.text in ("P", "E") and after is not None
                         and (after.is_char("(", "[") or after.kind == "macro" and after.text == "{")):
            run.add(tok.text)  # (P(Y | X), E[…]: a probability, an expectation, not a matrix times a bracket)
    return run if len(run) > len(best) else best


def _read_as_statistics(written: str, a: sp.Expr, b: sp.Expr) -> bool:
    """Was ``E(…)`` (``V(…)``), written bare, read as the expectation (the variance) in the sides ``a``, ``b``? Then
    it is no letter times a bracket to doubt; ``E_θ(T)`` with its subscript is (only a bare E is read so)."""
    operator = {"E": expectation.Expect, "V": expectation.Variance}.get(written[:1])
    return operator is not None and re.match(r"[EV]\s*(?:\\left)?\(", written) is not None \
        and (a.has(operator) or b.has(operator))


def _chain_name(expr: sp.Expr | None) -> bool:
    """Can a chain's first side be a name its later forms stand for: a letter, or a power of one (``s²``)?"""
    return isinstance(expr, sp.Symbol) or (isinstance(expr, sp.Pow) and isinstance(expr.base, sp.Symbol)
                                           and expr.exp.is_Integer and expr.exp > 1)


def _place(item: Item, offset: int) -> tuple[int, int]:
    """(line, column) of ``offset`` in ``item``'s block, kept inside the block: where findings and links are placed,
    so that a finding can be found again by the place of its link."""
    return item.block.position(min(max(offset, 0), max(len(item.block.text) - 1, 0)))


def _function_and_order(name: str) -> tuple[str, int]:
    """``f''`` → (f, 2), ``f'_{a}`` → (f_{a}, 1), ``g`` → (g, 0): a call's function and how often it is differentiated."""
    return primed(name) or (name, 0)


def _word_label(name: sp.Symbol) -> bool:
    """Is ``name`` a quantity named in words (``\\text{balance owed}``)? Such labels name each stage anew (the
    balance after one month, then after two), so a second value is a new definition, never a restatement."""
    return name.name.startswith("\\text{") and " " in name.name


def _part_in(expr: sp.Expr, var: sp.Symbol, variables: Iterable[sp.Symbol]) -> sp.Expr | None:
    """The terms of ``expr`` that hold ``var``, when none of them holds another of ``variables`` too (``|w_2|`` in
    ``|w_1| + |w_2| + |w_d|``); None when a term mixes them (``(w_1 + w_2)²``), or the part is linear and the
    coefficient comparison applies."""
    others = [v for v in variables if v != var]
    terms = [t for t in sp.Add.make_args(sp.expand(expr)) if t.has(var)]
    if any(t.has(*others) for t in terms if others):
        return None
    return sp.Add(*terms)


def _decimal_places(value: sp.Expr) -> int | None:
    """3 for 51/500 (written 0.102); None for a value no short decimal writes (1/3) or a whole number."""
    if not isinstance(value, sp.Rational) or value.is_Integer:
        return None
    return next((d for d in range(1, 7) if (value * 10 ** d).is_Integer), None)


def _within_rounded_inputs(a: sp.Expr, b: sp.Expr, rounded: Mapping[sp.Symbol, sp.Expr],
                           used: Mapping[sp.Symbol, sp.Expr], texts: tuple[str, str], approx: bool) -> str | None:
    """A worked number computed from inputs the notes showed rounded before (``x = 0.102`` after ``0.256 −
    0.3×0.512 = 0.102``, an iterate 0.1024…): the result written may come from the unrounded input. The reason
    it is undecided when some values inside those inputs' rounding make the link hold (or change which side is
    larger); None otherwise. Given values (``β = 0.9``) are exact: only ``rounded`` ones move."""
    from .arithmetic import decide as decide_numbers

    rounded = {s: v for s, v in rounded.items() if _decimal_places(v) is not None}
    if not rounded or len(rounded) > 3:
        return None
    differences = []
    for signs in itertools.product((-1, 1), repeat=len(rounded)):
        shifted = dict(used)
        for (name, value), sign in zip(rounded.items(), signs):
            places = _decimal_places(value)
            assert places is not None
            shifted[name] = value + sign * sp.Rational(1, 2 * 10 ** places)
        left, right = a.xreplace(shifted), b.xreplace(shifted)
        verdict = decide_numbers(left, right, texts[0], texts[1], approx)
        if verdict is None:
            return None
        difference = sp.N(left - right, 30)
        if verdict.holds or not difference.is_real:
            return ("equal within the rounding of the inputs the notes show ("
                    + ", ".join(f"{printing.text(n)} = {float(v):g}" for n, v in sorted(rounded.items(), key=str))
                    + "): the result may come from their unrounded values")
        differences.append(difference)
    if min(differences) < 0 < max(differences):
        return ("equal for some values within the rounding of the inputs the notes show: the result may come "
                "from their unrounded values")
    return None


#: Words saying a chain of reasoning reached an absurdity (a proof by contradiction).
_CONTRADICTION = re.compile(r"contradict|absurd|impossible|противоречи|Widerspruch|矛盾|contradicci|تناقض|mâu thuẫn", re.I)


#: A decimal written to two places or more with a nonzero fraction (16.32, 0.0478): a value rounded before and reused,
#: when the notes showed it so (one place, 0.3 or 0.9, is how notes give exact data: weights, rates).
_ROUNDED_DECIMAL = re.compile(r"(?<![\d.])\d+\.(?=\d*[1-9])\d{2,}(?![\d.])")


def _holds_for_all(a: sp.Expr, b: sp.Expr) -> bool:
    """Do the sides agree whatever their names are (symbolically and at random points), within a link's budget?"""
    try:
        return compare(_doit(a), _doit(b), seconds=LINK_SECONDS).status == "true"
    except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
        return False


def _with_the_number_pi(sa: sp.Expr, sb: sp.Expr) -> tuple[sp.Expr, sp.Expr, Verdict] | None:
    """A refuted link that writes π (a name to the reader, since notes also write π for a policy or a probability)
    read with π the number: both sides and the verdict there, once. Proved when the sides then agree; when they
    still differ, its message states the counterexample with the number (never "at π = 0.207"). None when π is
    not written."""
    pis = [x for x in sa.free_symbols | sb.free_symbols if isinstance(x, sp.Symbol) and x.name == "\\pi"]
    if not pis:
        return None
    na, nb = _doit(sa.xreplace({pis[0]: sp.pi})), _doit(sb.xreplace({pis[0]: sp.pi}))
    return na, nb, compare(na, nb, seconds=LINK_SECONDS)


def _fact_subject(expr: sp.Expr) -> bool:
    """Is ``expr`` what a stated fact is about: a norm, an absolute value, a function's value, or a power
    of one (``‖h‖₂``, ``‖h‖²``)? Sums and products set to values are equations and claims, not facts."""
    base = expr.base if isinstance(expr, sp.Pow) else expr
    return bool(getattr(base, "is_Function", False))


def _unexpanded_states(defined: sp.Expr, written: sp.Expr, target: sp.Symbol) -> list[sp.Symbol]:
    """Symbols of the defined side of an expansion of ``target`` that the written side does not show and that
    are ``target`` at another step (``x^{(k+m-1)}`` in the definition of ``x^{(k+m)}``): states not unrolled."""
    base = step_base(target.name)
    if base is None:
        return []
    return [s for s in defined.free_symbols - written.free_symbols
            if isinstance(s, sp.Symbol) and s != target and step_base(s.name) == base]


def _older(state: sp.Symbol, var: sp.Symbol) -> bool:
    """Is ``state`` provably from an earlier step than ``var`` (so it cannot contain it)? m_{t-3} before g_{t-1}."""
    a, b = read_index(state), read_index(var)
    return a is not None and b is not None and a.letter == b.letter and a.offset < b.offset


#: The end of a "follows from" reason whose premise is a claim the checker left undecided.
_UNDECIDED_PREMISE = ", which is itself not decided"


#: Spacing and a remark in words beside a side (``\quad (\text{take the average})``): not part of what it writes.
_SPACING = re.compile(r"\\q?quad\s*\(?\s*\\text\{[^{}]*\}\s*\)?|\\(?:q?quad|[,;:!]|[ ]|left|right)|\s+")


def _written_alike(item: Item, left: Term, right: Term) -> bool:
    """Are the two sides the same text, spacing and a remark in words aside (a line of a derivation restated as it
    stood)? Such a link holds whatever its letters are: matrices, operators or numbers."""
    a, b = (_SPACING.sub("", _source(item, t)) for t in (left, right))
    return bool(a) and a == b and left.expr is not None and left.expr == right.expr  # (a side put in from
    # elsewhere, a row restated or a chain continued, keeps the place of the text it stands for: its own text)


#: A name marked as a pseudo-inverse or adjoint: ``M^+``, ``S^{+}``, ``A^\dagger``.
_PSEUDO_INVERSE = re.compile(r"^(.+?)\^\{?\s*(?:\+|\\dagger)\s*\}?$")


def _pseudo_inverse(left: Term, right: Term, definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
    """Why a refutation may be no slip: the link (or a definition it reads) writes ``M^+`` beside ``M``, the
    pseudo-inverse (or adjoint) of a matrix, which the reader took for a letter of its own, free of M; the
    Penrose conditions ``M^+MM^+ = M^+`` hold for the one the notes mean."""
    names = {x for t in (left, right) if t.expr is not None for x in t.expr.free_symbols if isinstance(x, sp.Symbol)}
    for x in list(names):
        value = definitions.get(x)
        if isinstance(value, sp.Basic):
            names |= {y for y in value.free_symbols if isinstance(y, sp.Symbol)}
    written = {x.name for x in names}
    defined = {x.name for x in definitions if isinstance(x, sp.Symbol)}
    for name in sorted(written - defined):  # (x^+ = x − t∇f(x), the next iterate, is a name with a value)
        m = _PSEUDO_INVERSE.match(name)
        if m and m.group(1).strip() in written | defined:
            return (f"{printing.text(S.symbol(name))} is read as a letter of its own, free of "
                    f"{printing.text(S.symbol(m.group(1).strip()))}: a pseudo-inverse or adjoint is not modelled")
    return None


def _an_equation(verdict: tuple[str, str] | None, left: Term, right: Term) -> bool:
    """Is a link with this verdict an equation a later link may be derived from? Not an identity (proved,
    false: those hold or are reported), not a definition (already substituted), not a condition or a value
    given for a case ("if β = 0"), which a later general statement does not assume; but a sum of terms in
    several quantities set to zero ("−2Sw + 2λw = 0": a stationarity condition) is an equation."""
    if verdict is None:
        return False
    status, reason = verdict
    if status == "undecided":
        return True
    if status == "not-a-claim" and reason == CONSTANT_SIDE:
        sides = [t.expr for t in (left, right) if t.expr is not None]
        return len(sides) == 2 and 0 in sides and any(isinstance(e, sp.Add) and len(e.free_symbols) >= 2 for e in sides)
    return status == "not-a-claim" and reason.startswith(("a form with unknown functions", "an equation in unknowns"))


#: Anything that makes :mod:`.matrices` read a link: a transpose, a bold or vector-styled name, a declared
#: dimension (``\in \mathbb{R}^{n×n}``); a superset of what its ``notation``/``applies`` look for.
#: A name with an accent over it (``\hat y``, ``\bar x``, ``\tilde w``): how notes name a prediction, a mean, an estimate.
_MARKED = re.compile(r"\\(?:hat|bar|tilde|widehat|widetilde|overline)\{")

#: Operators notes apply to a matrix, spelled as the reader names them: the trace and the determinant.
_OPERATOR_NAME = re.compile(r"\\(?:mathrm|operatorname)\{(?:tr|Tr|trace|det)\}|\\?(?:tr|Tr|trace|det)")

_MATRIX_HINT = re.compile(r"\^\s*(?:T|\{\s*T(?![A-Za-z])|\{?\s*(?:\\top|\\intercal|⊤|\\(?:mathrm|mathsf|text\w*|rm|sf|mathbf|bf)\s*\{?\s*T))"
                          r"|\\(?:mathbf|boldsymbol|bm|pmb|mathbold|bf|vb|vec|vect)(?![A-Za-z])"
                          r"|\\in\s*\\(?:mathbb|mathbf|Bbb)"
                          r"|\\(?:operatorname|mathrm|text|rm)\s*\{\s*(?:tr|Tr|trace)\s*\}|\\(?:tr|Tr|trace)(?![A-Za-z])"
                          r"|(?<![A-Za-z\\])tr\s*(?:\\(?:left|[bB]ig{1,2}l?)\s*)?\(")  # tr(AB) in plain letters

#: Capitals the words call matrices ("$A$, $B$ be matrices", "матрица $A$"): :func:`.matrices.notation` reads
#: which; this only says that some may be.
_MATRICES_IN_WORDS = re.compile(r"\$\s*[A-Z]\s*\$[^.$]{0,60}?(?:\bmatri(?:x|ces|ce|z|zen)\b|матриц|矩阵|行列|행렬)"
                                r"|(?:\bmatri(?:x|ces|ce|z|zen)\b|матриц\w*|矩阵|行列|행렬)[^.$]{0,40}?\$\s*[A-Z]\s*\$", re.I)
#: "there exist … such that", "il existe … tels que / de sorte que", "существуют … такие, что", "存在…使得" anywhere
#: in a sentence: its formulas say what the numbers it names make true.
_EXIST_SUCH_IN = re.compile(r"(?:\bthere (?:is|are|exists?)\b|\bil existe\b|\bexisten?\b|\bes gibt\b|существу\w*|存在)"
                            r"[^.]{0,300}?(?:\bsuch that|\btel(?:le)?s? que|\bde sorte que|\btal(?:es)? que|\bso ?dass"
                            r"|так\w*,?\s*что|使得)", re.IGNORECASE)
#: A theorem-like environment: what it states is shown by the proof after it.
_STATEMENT_ENV = re.compile(r"\\begin\{(prop|proposition|thm|theorem|th[ée]or[èe]me|lem|lemma|lemme|cor|corollary|corollaire"
                            r"|satz|теорема|лемма|утверждение)\*?\}.*?\\end\{\1\*?\}"
                            r"|(`{3,}|:{3,})\{prf:(?:theorem|proposition|lemma|corollary)\}.*?\n\2[ \t]*(?:\n|$)",
                            re.S | re.IGNORECASE)
#: A proof environment: LaTeX's ``\begin{proof} … \end{proof}`` (and the French and Russian names), MyST's
#: ``{prf:proof}`` directive.
_PROOF_ENV = re.compile(r"\\begin\{(proof|preuve|demonstration|démonstration|demo|доказательство)\*?\}.*?\\end\{\1\*?\}"
                        r"|(`{3,}|:{3,})\{prf:proof\}.*?\n\2[ \t]*(?:\n|$)", re.S | re.IGNORECASE)
#: Words that place what follows at −∞: "en $-\\infty$", "at $-\\infty$", "$x \\to -\\infty$", "в $-\\infty$".
_MINUS_INFINITY = re.compile(r"(?:\b(?:en|at|near|au voisinage de|à|in|bei|в|при|quand|when|as)\s*\$\s*-\s*\\infty\s*\$"
                             r"|\\to\s*-\s*\\infty)", re.IGNORECASE)
#: The variable of ``x \\to -\\infty``.
_TOWARD_MINUS_INFINITY = re.compile(r"([A-Za-z])\s*\\to\s*-\s*\\infty")
#: A condition word right before a formula ("… remarquer que si $f(x) = …$").
_IF_BEFORE = re.compile(r"(?:^|[\s(,])(?:if|when|si|wenn|falls|если|когда|cuando|se|如果|若)\s*$", re.IGNORECASE)
#: "…$, then", "$ alors": the consequent follows the formula.
_THEN_AFTER = re.compile(r"^\s*(?:\$|\\\))?\s*,?\s*(?:then|alors|то|тогда|dann|entonces|então|allora|则|那么)\b",
                         re.IGNORECASE)
#: Words that call an equation a line or a curve: its ``y = …`` is that line's, no value of y.
_LINE_WORDS = re.compile(r"\b(?:tangent(?: line)?|asymptotes?|(?:straight |regression |secant )?line|normal line|plane"
                         r"|tangente|asymptote|droite|recta|as[íi]ntota|Tangente|Asymptote|Gerade)\b"
                         r"|касательн\w*|асимптот\w*|прям\w*|切线|渐近线|直线|接線|漸近線|접선|점근선", re.IGNORECASE)
#: The word a few words before the formula: "the tangent line at 2 is", "l'asymptote de $f$ en $+\infty$ est".
_LINE_BEFORE = re.compile(r"(?:" + _LINE_WORDS.pattern + r")(?:[^.;!?\n]{0,40}?)\s*(?:is|est|ist|es|:|равна|—)?\s*$",
                          re.IGNORECASE)
#: A preposition of a point right before the formula ("at", "en", "в точке"): it names where, not a line.
_POINT_BEFORE = re.compile(r"(?:\b(?:at|en|au point|bei|an der Stelle)|в точке|при)\s*$", re.IGNORECASE)
#: The same, said right after the formula ("$y = −x − 1$ is an asymptote", "$y = …$ est une asymptote").
_LINE_AFTER = re.compile(r"^[\s$]*(?:is|est|ist|es|является)\s+(?:an?|the|une?|la|le|die|eine?|la)?\s*"
                         + _LINE_WORDS.pattern, re.IGNORECASE)
#: How many statements after a link may define a name it reads ("…, where α = …").
_WHERE_REACH = 3
#: The word that introduces such a definition, last before its display.
#: How many statements back an identical link keeps its reading (a nearby recall, not a formula of another part).
_RESTATED_REACH = 30
_WHERE_ONLY = re.compile(r"(?:\bwhere|\bwobei|\boù|\bгде|其中|式中|여기서)\s*$", re.IGNORECASE)
_WHERE_WORD = re.compile(r"(?:\b(?:where|with|here)|\bгде|\bпри этом|其中|这里|式中|여기서)\s*$", re.IGNORECASE)

#: The labels of the document being checked that are −1 or 1 only (:meth:`DocumentChecker._sign_labels`): their
#: letters and the names defined as their products.
_SIGNS: contextvars.ContextVar[tuple[frozenset[str], dict[sp.Symbol, sp.Expr]]] = contextvars.ContextVar(
    "signs", default=(frozenset(), {}))


def compare(lhs: sp.Expr, rhs: sp.Expr, *, seconds: float = 2.0, seed: int = 1) -> Verdict:
    """:func:`derive.proof.compare`, and where the notes declare labels −1 or 1 only, a link false for numbers
    in general is compared again in every case of those labels: it holds when every case does (``dΨ/dα`` with
    ``s = y_1y_2`` needs ``s² = 1``)."""
    verdict = proof.compare(lhs, rhs, seconds=seconds, seed=seed)
    letters, names = _SIGNS.get()
    if verdict.status != "false" or not letters:
        return verdict
    lhs, rhs = sp.sympify(lhs).xreplace(names), sp.sympify(rhs).xreplace(names)  # s = y_1y_2: its labels' cases
    labels = sorted((x for x in lhs.free_symbols | rhs.free_symbols
                     if isinstance(x, sp.Symbol) and _signed_label(x, letters)), key=str)
    if not labels or len(labels) > 5:
        return verdict
    try:
        for values in itertools.product((-1, 1), repeat=len(labels)):
            case = dict(zip(labels, map(sp.Integer, values)))
            if proof.compare(lhs.xreplace(case), rhs.xreplace(case), seconds=seconds, seed=seed).status != "true":
                return verdict
    except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError, AttributeError):
        return verdict
    shown = ", ".join(printing.text(x) for x in labels)
    return Verdict("true", f"holds for every value of {shown} in {{−1, 1}}, as the notes state (each case compared)")


def _unapplied_member(sa: sp.Expr, sb: sp.Expr, definitions: Mapping[sp.Symbol, sp.Expr],
                      named: Iterable[sp.Basic]) -> sp.Symbol | None:
    """A name at a number (``v_{2}``) left in the compared sides although the definitions in scope, or a naming
    anywhere before, give its family at a letter that is no step (``v_i = …``, ``i = 1, 2``), or None."""
    families = {ix.base for x in (*definitions, *named) if isinstance(x, sp.Symbol) and (ix := read_index(x)) is not None
                and ix.letter is not None and ix.letter not in STEP_LETTERS}
    if not families:
        return None
    return next((x for x in sorted(sa.free_symbols | sb.free_symbols, key=str) if isinstance(x, sp.Symbol)
                 and x not in definitions and (ix := read_index(x)) is not None and ix.letter is None
                 and ix.base in families), None)


def _signs_reduced(expr: sp.Expr) -> sp.Expr:
    """``expr`` with the labels −1 or 1 the notes declare raised to even powers set to 1 (``y_1²s = y_2``·… with
    ``s = y_1y_2``): the form in which an equation and its rearrangement differ by a factor."""
    letters, names = _SIGNS.get()
    if not letters:
        return expr
    expr = sp.expand(expr.xreplace(names))
    return expr.replace(lambda e: isinstance(e, sp.Pow) and e.exp.is_Integer and _signed_label(e.base, letters)
                        and isinstance(e.base, sp.Symbol), lambda e: e.base ** (e.exp % 2))


def _signed_label(x: sp.Expr, letters: frozenset[str]) -> bool:
    """Is ``x`` a label −1 or 1 (``y_{2}`` when the notes declare ``y_i ∈ {−1, 1}``), such a label's power, or ±1?"""
    if isinstance(x, sp.Pow) and x.exp.is_Integer:
        x = x.base
    if x in (sp.S.One, sp.S.NegativeOne):
        return True
    return isinstance(x, sp.Symbol) and bool(m := _LETTER.match(x.name)) and m.group(0) in letters


#: A declaration that labels take the values −1 and 1 only: ``y_i \in \{-1, 1\}``, ``y \in \lbrace -1, +1 \rbrace``,
#: ``y^{(i)} \in \{\pm 1\}``.
_SIGN_DOMAIN = re.compile(r"(?<![A-Za-z\\])(?P<base>[A-Za-z])(?:_\{?[A-Za-z0-9]{1,3}\}?|\^\{?\([A-Za-z]\)\}?)?\s*\\in\s*"
                          r"(?:\\\{|\\lbrace|\\left\\\{|\{)\s*(?:-\s*1\s*,\s*\+?\s*1|\+?\s*1\s*,\s*-\s*1|\\pm\s*1)\s*"
                          r"(?:\\\}|\\rbrace|\\right\\\}|\})")
#: The letter a symbol's name starts with (``y`` of ``y_{1}``, ``y^{(i)}``).
_LETTER = re.compile(r"[A-Za-z](?=$|[_^])")

#: A side that is a differential of one name: ``du``, ``dv``, ``\mathrm{d}u``, ``d\theta`` (its name captured; a
#: capital after d, ``dW``, ``dZ``, is how backpropagation notes name a gradient, not a differential).
_DIFFERENTIAL_SIDE = re.compile(r"(?:d|\\mathrm\{d\}|\\text\{d\}|\\operatorname\{d\})\s*([a-z]|\\[a-z]+)")
#: A differential anywhere in a side (``\frac{du}{(1+u)^2}``, ``du/u``).
_SOME_DIFFERENTIAL = re.compile(r"(?<![A-Za-z\\])(?:d|\\mathrm\{d\})\s*[a-z](?![A-Za-z])")  # (dZ, dW: gradients' names)
#: A side that ends with a differential ``dx``, ``\,dx``, ``\mathrm{d}x`` (its variable captured).
_TRAILING_DIFFERENTIAL = re.compile(r"(?:\\[,;!]\s*)?(?<![A-Za-z\\])(?:d|\\mathrm\{d\}|\\text\{d\})\s*([a-z]|\\[a-z]+)\s*[.,]?\s*$")

#: How many statements before a link may hold the equation it is derived from.
_EQUATION_REACH = 6
#: How many statements after an equation in one unknown the notes may take to reach its root (each rearrangement of
#: a logarithmic or exponential equation is a statement of its own).
_SOLVED_REACH = 15

#: Words that say a formula gives an optimum ("minimized at", "the minimum", "setting … to zero", "solving").
_OPTIMUM_WORDS = re.compile(r"minimi|maximi|minimum|maximum|optim|argmin|argmax|\\arg|stationary|(?:set|equat)\w* "
                            r"(?:\S+ ){0,4}(?:to )?(?:zero|0)|solv|миним|максим|оптим|最小|最大|最优|极值", re.I)
#: Source that writes matrix algebra (a transpose, an inverse, a norm, bold letters).
_MATRIX_ALGEBRA = re.compile(r"\^\s*\{?\s*(?:T\b|\\top|\\intercal|\\mathsf\{T\}|\\mathrm\{T\}|-1)|\\\||\\mathbf|\\boldsymbol")
#: A name marking an optimum: ``w^{*}``, ``w_{opt}``, ``w_{\\text{opt}}``, ``\\hat{θ}``.
_MARKED_OPTIMUM = re.compile(r"(?P<base>[^_^]+)(?:\^\{\*\}|_\{(?:\\text\{|\\mathrm\{)?(?:opt|best)\}?\})"
                             r"|\\hat\{(?P<hat>[^_^{}]+|\\[A-Za-z]+)\}")


def _optimum_base(name: str, words: str) -> str | None:
    """The variable a name marks the optimum of: ``w^{*}``, ``w_{\\text{opt}}`` → ``w``; ``\\hat{θ}`` → ``θ`` only
    when the words before it speak of an optimum."""
    found = _MARKED_OPTIMUM.fullmatch(name)
    if found is None:
        return None
    if found["hat"] is not None:
        return found["hat"] if _OPTIMUM_WORDS.search(words) else None
    return found["base"]


def _stationary_minimum(name: str, body: sp.Expr, param: sp.Symbol, value: sp.Expr) -> str | None:
    """Why ``value`` minimizes ``body`` over ``param``: the derivative vanishes there (sums over the data kept as
    sums: ``Σ_i (wx_i − y_i)x_i`` at ``w = Σx_iy_i/Σx_i²``) and the second derivative is positive there, or the
    objective is a quadratic in ``param`` whose leading coefficient is a sum of squares plus nonnegative terms."""
    try:
        with time_budget(LINK_SECONDS):
            slope = sums.pulled_out(sp.diff(body, param).xreplace({param: value}))
            if compare(sums.as_unknowns(slope), sp.Integer(0), seconds=LINK_SECONDS).status != "true":
                return None
            curvature = sums.pulled_out(sp.diff(body, param, 2))
            at = sums.as_unknowns(curvature.xreplace({param: value}))
            if at.is_number and bool(sp.N(at) > 0):
                return f"{name}′ = 0 there and {name}″ > 0"
            if param not in curvature.free_symbols and (leading := sums.squares(curvature)):
                return f"{name}′ = 0 there, and {name} is a quadratic whose {name}″ is {leading}"
    except (BudgetExceeded, TypeError, ValueError):
        return None
    return None


#: The verdicts of a first link that may be an answer stated before its derivation.
def _counts_steps(name: sp.Symbol, items: list[Item]) -> bool:
    """Is ``name`` the letter some quantity of the notes is indexed by (k in ``m^{[k]}``, t in ``v_t``)?"""
    if name.name not in STEP_LETTERS:
        return False
    for item in items:
        for term in item.stmt.terms:
            if term.expr is not None and any((ix := read_index(x)) is not None and ix.letter == name.name
                                             for x in term.expr.free_symbols if isinstance(x, sp.Symbol)):
                return True
    return False


def _called_function(call: AppliedUndef) -> str:
    """The function an application calls, without its primes or gradient: ``f''(x)`` and ``∇f(x)`` call f."""
    name = type(call).__name__
    name = gradient_parts(name)[1] if name.startswith(GRADIENT_PREFIX) else name
    return name.rstrip("'")


def _plain_name(x: sp.Symbol) -> bool:
    """A name that stands for a number on its own, not for a function's value or derivative read as a name
    (``∇f(x_k)``, ``f'(x^*)``, ``φ(x)``)."""
    return not x.name.startswith(GRADIENT_PREFIX) and not any(c in x.name for c in "('∂") \
        and "nabla" not in x.name and "∇" not in x.name


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
#: The start of another item of a list (Markdown or LaTeX).
_LIST_ITEM = re.compile(r"\\item\b|\n[ \t]*(?:[-*+]|\d+[.)])[ \t]")
#: Words that pass from one case of a schedule to the next.
_SUCCESSION = re.compile(r"\b(?:then|next|after(?:wards)?|otherwise|until|later)\b|потом|затем|далее|然后|之后",
                         re.IGNORECASE)
#: The end of a sentence: a schedule's cases are listed in one ("Let m_t = …. Then m_t = …" follows, it lists nothing).
_SENTENCE_END = re.compile(r"[.!?。](?:\s|$)")
#: "if μ = 0, then …": a condition's then leads into a claim, not into the next case of a schedule.
_CONDITIONAL = re.compile(r"\b(?:if|when|whenever)\b|если|когда|如果", re.IGNORECASE)
#: Words that say a formula restates the one before.
_RESTATING = re.compile(r"\b(?:i\.\s?e\.|that is|so|hence|thus|therefore|equivalently|rewritten|gives?)\b"
                        r"|т\.\s?е\.|то есть|значит|поэтому|即",
                        re.IGNORECASE)


def _reopened(verdict: tuple[str, str] | None) -> bool:
    """A verdict a naming carried over from an earlier section may still turn into a proof: undecided (but not
    for want of time or a checker error), or a claim in unknown functions left unchecked."""
    if verdict is None:
        return False
    status, reason = verdict
    if status == "undecided":
        return not reason.startswith(("not examined", "checker error"))
    if status == "false":
        # T = (X̄ − μ)/(V/√n) = Z/√(U/(n − 1)) refuted with X̄ and Z̄ taken apart, where the proof before (its own
        # section) named X̄ = σZ̄ + μ: a counterexample the notes' reader would never take
        return reason == "the sides differ (a counterexample is in the finding)"
    return status == "not-a-claim" and reason.startswith("a form with unknown functions")


_VALUE_SHAPES = ("a value given to a name",)
_DEFINITION_SHAPES = ("definition (a naming)", "definition (a row of a system)", "definition (←)")
_ANSWER_SHAPES = ("definition (a naming)", "a value given to a name", "definition (a row of a system)")


def _unrolled_to_closed(head: sp.Expr | None, left: sp.Expr | None, right: sp.Expr | None) -> bool:
    """Is ``left`` the head of its chain (m_t) partly unrolled (it still reads m_{t-2}) and ``right`` free of
    every step of it? Then ``left = right`` holds only through the start value, and with every link before
    it proved it says the same as ``head = right``, which induction can decide."""
    if not isinstance(head, sp.Symbol) or left is None or right is None or (ix := read_index(head)) is None \
            or ix.letter is None or ix.offset != 0:
        return False  # m_{t+1} = βm_t + … = Σ…: an inductive step reads its hypothesis, not a closed form of m_{t+1}

    def steps(expr: sp.Expr) -> set[int]:
        return {r.offset for x in expr.free_symbols if isinstance(x, sp.Symbol)
                and (r := read_index(x)) is not None and r.base == ix.base and r.letter == ix.letter}

    return any(o < ix.offset for o in steps(left)) and not steps(right)


def _is_recurrence(left: sp.Expr | None, right: sp.Expr | None) -> bool:
    """Does ``left = right`` give a quantity at a step from its own earlier steps (m_t = βm_{t-1} + …)?"""
    if not isinstance(left, sp.Symbol) or right is None or (ix := read_index(left)) is None or ix.letter is None:
        return False
    return any((r := read_index(s)) is not None and r.base == ix.base and r.letter == ix.letter and r.offset < ix.offset
               for s in right.free_symbols if isinstance(s, sp.Symbol))


def _is_probability(expr: sp.Basic) -> bool:
    """A probability of an event (one opaque symbol the parser made of ``P(y = 1 | x)``), or ``P`` applied."""
    if isinstance(expr, sp.Symbol):  # (the name the parser gives it: ``P(X>s+t|X>s)``, ``P(A \\mid B)``)
        name = expr.name
        return name.startswith(("P(", "p(", "Pr(")) and name.endswith(")") and bool(_EVENT_INSIDE.search(name))
    return isinstance(expr, AppliedUndef) and type(expr).__name__ in ("P", "Pr")


def _probability_law(left: sp.Expr | None, right: sp.Expr | None) -> bool:
    """``P(X > s + t | X > s) = P(X > t)``, ``P(A|B) = P(B|A)P(A)/P(B)``: a probability of an event stated through
    other probabilities is a law (memorylessness, Bayes, total probability), a claim the checker cannot decide,
    never a naming. ``P(y = 1 | x) = σ(w·x)`` (no probability on the right) models the event: a definition."""
    if left is None or right is None or not _is_probability(left) or isinstance(right, sp.Piecewise):
        return False  # (P(x_i | y) = P(x_i = 1 | y) if x_i = 1, …: a definition by cases, not a law)
    return any(_is_probability(a) for a in sp.preorder_traversal(right))


def _compare_values(at: sp.Expr, value: sp.Expr) -> tuple[str, sp.Expr]:
    """Compare a definition's value at given numbers with the value written: as numbers, or coordinate by
    coordinate once tuple arithmetic is done (``x^{(0)} − α∇g(x^{(0)})`` at ``x^{(0)} = (−1, 1)``, ``α = ½``
    against ``(−1, 1) − ½(−8, 0)``); "true" needs every coordinate equal, one that differs is "false". The
    value at the numbers comes back reduced, so a message prints the tuple, not its arithmetic."""
    if not (at.has(Coords) or value.has(Coords)):
        return compare(at, value, seconds=LINK_SECONDS).status, at
    a, b = (reduce_coords(x, lambda _: True) for x in (at, value))
    if not (isinstance(a, Coords) and isinstance(b, Coords)) or len(a.args) != len(b.args):
        return "undecided", at
    each = [compare(x, y, seconds=LINK_SECONDS).status for x, y in zip(a.args, b.args)]
    if "false" in each:
        return "false", a
    return ("true" if all(e == "true" for e in each) else "undecided"), a


#: A unit vector of the axes as notes mark it: ``\mathbf{i}``, ``\vec{j}``, ``\hat{k}``, ``\hat{\imath}``, ``\hat{\mathbf{i}}``.
_UNIT_VECTOR = re.compile(r"\\(?:mathbf|vec|hat|boldsymbol|bm|mathbfit)\s*\{?\s*(?:\\(?:mathbf|boldsymbol)\s*\{\s*)?"
                          r"(?:([ijk])(?![A-Za-z])|\\([ij])math\b)")


def _axis(x: sp.Symbol) -> str | None:
    """The axis letter a name reads as (``i``, ``\\hat{i}`` → i), or None."""
    m = re.fullmatch(r"\\hat\{([ijk])\}|([ijk])", x.name)
    return (m.group(1) or m.group(2)) if m else None


def _unit_vectors(sa: sp.Expr, sb: sp.Expr, text: str) -> tuple[sp.Expr, sp.Expr] | None:
    """``p × q = (p_2q_3 − p_3q_2)\\mathbf{i} − (p_1q_3 − p_3q_1)\\mathbf{j} + …`` where the other side is a tuple: the
    marked i, j, k of the text are the unit vectors of the axes, so a side linear in them is the tuple of their
    coefficients. Both sides so, or None when the link is not of that kind (read as numbers, i, j, k refuted it)."""
    marked = {m.group(1) or m.group(2) for m in _UNIT_VECTOR.finditer(text)}
    if not marked:
        return None
    sides = [sa, sb]
    for n, (side, other) in enumerate(((sa, sb), (sb, sa))):
        if not isinstance(other, Coords) or isinstance(side, Coords) or len(other.args) not in (2, 3):
            continue
        axes: dict[str, set[sp.Symbol]] = {}
        for x in side.free_symbols:
            if isinstance(x, sp.Symbol) and (letter := _axis(x)) is not None:
                axes.setdefault(letter, set()).add(x)
        letters = "ijk"[:len(other.args)]
        if not set(axes) & marked or set(axes) - set(letters) or any(len(xs) > 1 for xs in axes.values()):
            return None
        basis = [next(iter(axes[name])) if name in axes else S.symbol(name) for name in letters]
        expanded = sp.expand(side)
        coefficients = [expanded.coeff(b) for b in basis]
        if any(c.free_symbols & set(basis) for c in coefficients) \
                or sp.expand(expanded - sum(c * b for c, b in zip(coefficients, basis))) != 0:
            return None
        sides[n] = Coords(*coefficients)
        return sides[0], sides[1]
    return None


def _diff_in_member(expr: sp.Expr, var: sp.Symbol) -> sp.Expr:
    """``∂/∂z_i`` of ``expr``, where a sum over ``z_k`` holds z_i as one of its terms: ``∂/∂z_i Σ_k e^{z_k} = e^{z_i}``
    (i in the sum's range, as notes take it). Read as a name apart from the summed ``z[k]``, the sum was a constant,
    and the softmax's ``∂p_i/∂z_i`` came out ``p_i``."""
    ix = read_index(var)
    members = [a for a in expr.atoms(sp.Indexed) if ix is not None and str(a.base.label) == ix.base] \
        if expr.has(sp.Sum) and ix is not None and ix.letter is not None and ix.offset == 0 else []
    if not members:
        return sp.diff(expr, var)
    letter = sp.Symbol(ix.letter, integer=True)
    member = members[0].base[letter]
    derivative = sp.diff(expr.xreplace({var: member}), member)

    def picked(total: sp.Sum) -> sp.Expr:
        deltas = [d for d in total.function.atoms(sp.KroneckerDelta) if letter in d.args]
        if len(total.limits) != 1 or not deltas:
            return total
        return total.function.xreplace({total.limits[0][0]: letter})  # the one term the delta keeps

    derivative = derivative.replace(lambda e: isinstance(e, sp.Sum), picked)
    return derivative.xreplace({member: var})


def _premises(stmt: Statement, k: int) -> dict[sp.Symbol, sp.Expr]:
    """Values given before a ⇒ that precedes link ``k``: ``α = 0.9 ⇒ 1/(1 − α) = 10``."""
    out: dict[sp.Symbol, sp.Expr] = {}
    if "=>" not in stmt.relations[:k]:
        return out
    last = max(j for j, r in enumerate(stmt.relations[:k]) if r == "=>")
    for j in range(last):
        a, b = stmt.terms[j].expr, stmt.terms[j + 1].expr
        if stmt.relations[j] == "=" and isinstance(a, sp.Symbol) and _number(b):
            out[a] = b
    return out


def _calls_kept(before: sp.Expr, after: sp.Expr) -> bool:
    """Does ``after`` go through the functions ``before`` calls (``ℓ(w)`` in ``J(w) = −(1/n)·ℓ(w)`` and in
    ``J(w) = −ℓ(w)``), with no name ``before`` lacks? Then it is the same quantity written again, not a new one."""
    calls = before.atoms(AppliedUndef)
    return bool(calls) and after.atoms(AppliedUndef) <= calls and after.free_symbols <= before.free_symbols


def _general_count(specific: sp.Expr, general: sp.Expr) -> tuple[sp.Symbol, int] | None:
    """The letter and number for which ``general`` (a sum up to a letter n) is ``specific`` (the same sum up to a
    number): ``(1/n)Σ_{i=1}^{n} …`` at n = 4 is ``¼Σ_{i=1}^{4} …``. None when there is no one such letter."""
    extra = general.free_symbols - specific.free_symbols
    bounds = {int(limit[2]) for total in specific.atoms(sp.Sum) for limit in total.limits if limit[2].is_Integer}
    if len(extra) != 1 or len(bounds) != 1:
        return None
    letter, count = next(iter(extra)), bounds.pop()
    if not isinstance(letter, sp.Symbol) or not any(letter in limit[2].free_symbols for total in general.atoms(sp.Sum)
                                                    for limit in total.limits):
        return None
    try:
        same = compare(general.xreplace({letter: sp.Integer(count)}), specific, seconds=LINK_SECONDS).status == "true"
    except (BudgetExceeded, TypeError, ValueError):
        return None
    return (letter, count) if same else None


def _summand_hides_index(expr: sp.Expr) -> bool:
    """Does a sum in ``expr`` hold its index only inside an opaque name (``f(x_i)`` read as one symbol)? Then the
    summand looks constant, ``(1/N)Σ_i f(x_i)`` equals ``f(x_i)`` as algebra, and a comparison's "true" says nothing
    (the full-batch gradient is not the gradient at one example)."""
    for total in expr.atoms(sp.Sum):
        for limit in total.limits:
            index = re.escape(str(limit[0]))
            if any("(" in x.name and re.search(rf"(?<![A-Za-z\\]){index}(?![A-Za-z])", x.name)
                   for x in total.function.free_symbols if isinstance(x, sp.Symbol)):
                return True
    return False


def _same_value(a: sp.Expr, b: sp.Expr) -> bool:
    """Equal as identities, or once a letter e is read as Euler's number ("$e$ is a constant", 2e = 2·exp(1)):
    the comparison answers and restatements need, as the links themselves get. The same expression is the
    same value even where the comparison cannot evaluate it (``\\E[M]/(2\\E[\\eta])`` written twice)."""
    if a == b or compare(a, b, seconds=LINK_SECONDS / 2).status == "true":
        return True
    euler = {x: sp.E for x in a.free_symbols | b.free_symbols if isinstance(x, sp.Symbol) and x.name == "e"}
    return bool(euler) and compare(a.xreplace(euler), b.xreplace(euler), seconds=LINK_SECONDS / 2).status == "true"


#: Words that call a formula an approximation: "approximately", "приближённо", "近似", "aproximadamente", "näherungsweise".
_APPROXIMATE = re.compile(r"\bapproximat\w*|\broughly\b|приближ\w*|近似|대략|\baproxima\w*|\bapproch\w*|\bapprossima\w*|"
                          r"\bnäherung\w*|\bnegligib\w*|\bneglect\w*|\bnégligeable|\bvernachlässig\w*|пренебре\w*|忽略",
                          re.IGNORECASE)  # (and "the mass is negligible, so M + m = M": a term left out)
#: A word that opens the condition of a case, between a formula and its comparison (``\text{if } x \ge 0``).
_CASE_WORD = re.compile(r"\b(?:if|for|when|whenever|si|cuando|quand|lorsque|falls|wenn)\b|если|при|когда|当|若|如果",
                        re.IGNORECASE)
#: "otherwise" right after a formula: the last case of a definition by cases.
_OTHERWISE_AFTER = re.compile(r"^[\s,;.$]*(?:\\quad\s*)?(?:\\text\{\s*)?(?:otherwise|else|elsewhere|sinon|sonst|иначе|"
                              r"в противном случае|de lo contrario|en otro caso|否则)\b", re.IGNORECASE)
#: "otherwise $b = 0$", "else", "иначе", "否则": the case left by the conditions before it.
_OTHERWISE = re.compile(r"(?:\botherwise|\belse|иначе|в противном случае|否则|sonst|sinon)\b[^.;:!?]{0,30}$", re.IGNORECASE)
#: A differential written alone as a formula: ``dx``, ``\mathrm{d}t``, ``d\theta``.
_BARE_DIFFERENTIAL = re.compile(r"(?:d|\\mathrm\s*\{\s*d\s*\}|\\operatorname\s*\{\s*d\s*\})\s*([a-zA-Z]|\\[a-z]+)")
#: A function named in words, and a quantifier that makes it any one ("for any functions", "funções … quaisquer").
_FUNCTION_WORD = re.compile(r"\bfunctions?\b|\bfunç(?:ão|ões)\b|\bFunktion(?:en)?\b|\bfonctions?\b|\bfunci(?:ón|ones)\b"
                            r"|\bfunzion[ei]\b|функци\w*|函数|関数", re.IGNORECASE)
_GENERIC_WORD = re.compile(r"\b(?:any|arbitrary|every|all|quaisquer|qualquer|quelconques?|cualesquiera|cualquier"
                           r"|beliebige?[nrs]?|alle[n]?|toutes?|qualsiasi|two|duas|dois|dos|deux|zwei|due)\b"
                           r"|любы\w+|произвольн\w+|всех|двух|две|任意|任何|所有|两个",  # ("two functions": new ones)
                           re.IGNORECASE)
#: The quantifier before the function word ("for any functions $f$", "duas funções, $f(x)$"), or after the names
#: ("funções $f$ e $g$ quaisquer"), in the sentence of a bare function name.
_GENERIC_AHEAD = re.compile(rf"(?:{_GENERIC_WORD.pattern})\s+(?:\w+\s+){{0,2}}(?:{_FUNCTION_WORD.pattern})[^.;:!?]{{0,30}}$",
                            re.IGNORECASE)
_GENERIC_BEHIND = re.compile(r"^(?:\$|\\\))?\s*(?:(?:,|and|e|et|und|y|и)\s*(?:\$|\\\()[^$]{1,12}(?:\$|\\\))\s*)*"
                             r"(?:quaisquer|quelconques?|cualesquiera|beliebig\w*|arbitrary|arbitrari\w*|qualsiasi|произвольн\w+)",
                             re.IGNORECASE)
#: "… for every $x$", "for all", "при любом", "对任意": the claim before it holds whatever x is.
_UNIVERSAL = re.compile(r"^\s*(?:\$\$?|\\[)\]])?\s*[,;]?\s*(?:for (?:every|all|any|each)\b|при (?:любом|всех|любых)|"
                        r"для (?:всех|любого|любых)|对(?:任意|所有|一切)|für alle\b|pour tout)", re.IGNORECASE)
#: "For $y_k$ we get", "Для $y_k$ получаем", "对 $y_k$ 得到": an equation for the name follows.
#: Words that set the formula before them to zero ("Igualar a cero", "setting the gradient to zero", "приравняв к
#: нулю", "令导数为零", "gleich null setzen", "en l'annulant"): the link after them is that formula's condition.
_SET_TO_ZERO = re.compile(
    r"\b(?:set\w*|equat\w*|putting|put)\b[^.$]{0,40}?\b(?:to|equal to)\s+(?:zero|0)\b|\bvanish|"
    r"\bigual\w*\s+(?:\S+\s+){0,3}?a\s+(?:cero|zero)\b|приравн\w*\s+(?:\S+\s+){0,3}?(?:к\s+)?нул|"
    r"(?:令|设).{0,20}?(?:为|等于)\s*(?:0|零)|gleich\s+(?:null|0)|nullsetz|égal\w*\s+(?:\S+\s+){0,3}?à\s+zéro|"
    r"annul|uguagli\w*\s+(?:\S+\s+){0,3}?a\s+zero", re.IGNORECASE)
#: Words that seek constants, coefficients or unknowns: the formula after them is an equation they must satisfy.
_SOUGHT = re.compile(
    r"\blook(?:ing)? for\b|\bseek|\bfind\b|\bdetermin|\bunknown|\bundetermined|\bto be (?:found|determined)|"
    r"неизвестн|найд[её]м|найти|ищем|определ\w* (?:коэффициент|констант|числ)|待定|求出?|未知|\bbusca|"
    r"incógnit|gesucht|\bbestimm|unbekannt|cherch|détermin|\binconnu|\bcerch|incognit|procura", re.IGNORECASE)
#: Words that name a partial fraction decomposition: the constants over its denominators are unknowns to find.
_PARTIAL_FRACTIONS = re.compile(r"partial[- ]fraction|Partialbruch|простейши\w* дроб|部分分式|fractions? partielles?|"
                                r"fracci\w* (?:parciales|simples)|fratti semplici|frações parciais", re.IGNORECASE)
_EQUATION_FOR = re.compile(r"(?:\bfor|\bдля|对于?|\bfür)\s*(?:\$|\\\()\s*([^$]{1,40}?)\s*(?:\$|\\\))\s*,?\s*"
                           r"(?:we\s+|one\s+)?(?:get|obtain|have|find|получаем|получим|имеем|находим|得到|有|erhalten|"
                           r"ergibt sich)\s*:?\s*$", re.IGNORECASE)
#: Words announcing that a formula is the solution of the objective in scope (its minimizer, the weights where the
#: gradient vanishes), in the languages of the notes.
_SOLUTION_CUE = re.compile(
    r"\b(?:solution|optimal|optimum|minimi[sz]er|minimi[sz]ing|closed[- ]form|normal equations?|setting (?:the|its) "
    r"(?:gradient|derivative)s? (?:to )?(?:zero|0)|equating|stationary)\b|(?:решени|оптимальн|минимум|минимизир|"
    r"приравн|в явном виде|最优|最小|解析解|闭式解|\bLösung|\boptimal)", re.IGNORECASE)


def _bare_variable(text: str) -> str:
    r"""A variable as a reader names it, without the marks of its optimum or style: ``w^*``, ``\hat{w}``,
    ``\mathbf{w}_\star`` and ``w`` are all ``w``."""
    text = re.sub(r"\\(?:hat|widehat|bar|tilde|mathbf|boldsymbol|bm|vec)\b", "", text)
    text = re.sub(r"[\^_]\s*(?:\{\s*(?:\*|\\star|\\ast|opt)\s*\}|\*|\\star|\\ast)", "", text)
    return re.sub(r"[\s{}]", "", text)


def _number(expr: sp.Expr | None) -> bool:

    """A side that is a number (4, 2√2, 1/(2e)): no names left."""
    return expr is not None and not expr.free_symbols and bool(expr.is_number)


def _family(conditions: list[tuple[sp.Expr, sp.Expr]]):
    """A condition ``g_i = g`` over a whole family (any index): the substitution it makes, or None."""
    families = {}
    for lhs, rhs in conditions:
        ix = read_index(lhs)
        # g_i = g; also g_t = g ("if g_t = g is constant") when the value reads no indexed name: a step
        # letter's equation to another step (v_t = v_{t-1}) is a steady state, not a constant family
        constant = not any(read_index(x) is not None for x in rhs.free_symbols if isinstance(x, sp.Symbol))
        if ix is not None and ix.letter is not None and (ix.letter not in ("t", "k", "n") or constant) and \
                not (rhs.free_symbols & {lhs}):
            families[ix.base] = rhs
    if not families:
        return None

    def apply(expr: sp.Expr) -> sp.Expr:
        mapping = {}
        for atom in expr.atoms(sp.Symbol, sp.Indexed):
            if isinstance(atom, sp.Indexed) and str(atom.base.label) in families:
                mapping[atom] = families[str(atom.base.label)]
            elif isinstance(atom, sp.Symbol) and (r := read_index(atom)) is not None and r.base in families:
                mapping[atom] = families[r.base]
        return expr.xreplace(mapping) if mapping else expr
    return apply


_STEP_SIZES = frozenset({r"\eta", r"\alpha", r"\gamma", r"\lambda", r"\mu", r"\beta", r"\rho", r"\epsilon",
                         r"\varepsilon", r"\tau"})


#: Names of methods and schemes: prose that names one between two statements of the same quantity
#: announces another method, whose definition the second statement is.
_SCHEME = re.compile(r"\b(?:AdamW|SGDW|Adam|AMSGrad|NAdam|RAdam|AdaMax|Adagrad|AdaGrad|Adadelta|RMS[Pp]rop|Lion|Nesterov|"
                     r"[Hh]eavy[- ]ball|[Dd]ecoupled|[Ss]tochastic [Gg]radient|[Ff]ull[- ][Bb]atch|mini-?batch|"
                     r"[Ww]eight[- ][Dd]ecay|PyTorch|TensorFlow|Keras|JAX|optax)\b"
                     r"|(?:декуплир|Нестеров|стохастическ|затухани\w* вес)|(?:解耦|随机梯度|权重衰减)")
#: A heading that announces a worked example (its definitions are the example's own).
_EXAMPLE_HEADING = re.compile(r"\b(?:examples?|exemples?|beispiel(?:e)?|ejemplos?|esempio|esempi|worked example)\b|"
                              r"(?<![а-яё])пример\w*|例題|例\s*\d|^[#\s]*例|예제|예시", re.IGNORECASE | re.MULTILINE)
#: A heading that names an optimization method: the section is that method's, not a part of the one around it.
_METHOD_HEADING = re.compile(_SCHEME.pattern + r"|\b(?:SGD|[Mm]omentum|[Oo]ptimi[sz]er|[Gg]radient [Dd]escent|NAG|Adafactor)\b")
#: "$a$ or $b$" around an inline formula (the closing/opening dollar of the neighbour included).
_OR_WORDS = r"(?:or|или|либо|或|或者|oder|ou|o)"
_OR_BEFORE = re.compile(r"\$\s*,?\s*" + _OR_WORDS + r"\s*\$?\s*$", re.IGNORECASE)
_OR_AFTER = re.compile(r"\$?\s*,?\s*" + _OR_WORDS + r"\s*\$", re.IGNORECASE)
#: "at least one of $a = 0$ and $b = 0$ holds", "至少有一个成立": alternatives, though joined by "and".
_ONE_OF = re.compile(r"(?:\b(?:at least one of|one of|either)|хотя бы одно из|至少有?一个|至少一)\s*[:：]?\s*\$?\s*$",
                     re.IGNORECASE)
_ONE_OF_AHEAD = re.compile(r"(?:\b(?:at least one of|one of|either)\b|хотя бы одно из)[^.。$]*\$[^$]*\$\s*"
                           r"(?:,|and|и|和|与|或)\s*\$?\s*$", re.IGNORECASE)
_ONE_OF_AFTER = re.compile(r"\$?\s*(?:(?:和|与|或|,|and)\s*\$[^$]{1,40}\$\s*)?(?:至少有?一个|中至少)")
#: Words that name an implementation of a method, whose formulas are its own variant of the method's.
_IMPLEMENTATION = re.compile(r"\b(?:PyTorch|TensorFlow|Keras|JAX|optax|implementation|implemented)\b", re.IGNORECASE)
#: A block that solves an equation: the values it ends with are roots, not values to compute with.
_SOLVING = re.compile(r"\\(?:Leftrightarrow|iff|implies|Rightarrow|Longrightarrow|Longleftrightarrow)\b|⇔|⇒")


def _coordinates(explicit: sp.Expr, other: sp.Expr) -> tuple[sp.Expr | None, str]:
    """``w_1x_1 + w_2x_2 + … + w_nx_n + b`` against ``w^T x + b``: the vector form in the coordinates the expansion
    writes out. A product of two vectors (w^T x, or u^T u) is the sum over the coordinates both show (w_1x_1 +
    w_2x_2 + w_nx_n): a term ``w_k x_k`` stands for itself, the ellipsis for the rest. Returns ``(other, "")`` with
    nothing to expand, ``(expanded, "")`` when every vector stands in such a product, else ``(None, why)``."""
    coords = _written_coordinates(explicit)
    vectors = {v for v in other.free_symbols if v.name in coords and v not in explicit.free_symbols}
    if not vectors:
        return other, ""
    names = ", ".join(sorted(printing.text(v) for v in vectors))
    out = sp.Integer(0)
    for term in sp.Add.make_args(sp.expand(other)):
        try:
            powers = {v: sp.degree(term, v) for v in vectors if term.has(v)}
        except sp.PolynomialError:  # the vector inside a sum or a function: no power of it to read
            return None, f"{names} written out in coordinates against a form that is not a polynomial in {names}"
        if not powers:
            out += term
            continue
        factors = [v for v, p in sorted(powers.items(), key=lambda vp: str(vp[0])) for _ in range(int(p))]
        if len(factors) != 2:
            return None, f"{names} written out in coordinates against a vector form that is not an inner product"
        u, v = factors
        keys = set(coords[u.name]) | set(coords[v.name])  # w_2 x_1 written: x_2 is still the partner of w_2
        rest = term / (u * v)
        out += rest * sp.Add(*(_coordinate(coords[u.name], u.name, key) * _coordinate(coords[v.name], v.name, key)
                               for key in sorted(keys)))
    return out, ""


def _written_coordinates(explicit: sp.Expr) -> dict[str, dict[str, sp.Symbol]]:
    """vector name -> coordinate suffix -> the coordinate, for each ``w_1``, ``w_d`` an expansion writes."""
    coords: dict[str, dict[str, sp.Symbol]] = {}
    for sym in explicit.free_symbols:
        ix = read_index(sym)
        if ix is not None and ix.style == "sub" and sym.name.startswith(ix.base):
            coords.setdefault(ix.base, {})[sym.name[len(ix.base):]] = sym
    return coords


def _norm_coordinates(left: sp.Expr, right: sp.Expr) -> set[sp.Symbol]:
    """The vectors whose norm one side takes and whose coordinates the other writes (``‖w‖₁ = |w_1| + … + |w_d|``),
    with those coordinates: the link writes the norm out, it names nothing new."""
    found: set[sp.Symbol] = set()
    for side, other in ((left, right), (right, left)):
        coords = _written_coordinates(other)
        for norm in side.atoms(Norm):
            vector = norm.args[0]
            if isinstance(vector, sp.Symbol) and vector.name in coords and vector not in other.free_symbols:
                found |= {vector, *coords[vector.name].values()}
    return found


def norms_in_coordinates(written: sp.Expr, expansion: sp.Expr) -> sp.Expr:
    """The norms of vectors in ``written`` (as parsed: ``‖w‖₁``, ``‖w‖₂²``) spelled out over the coordinates that
    ``expansion`` (``|w_1| + |w_2| + … + |w_d|``) writes; the scalar reading would make ``‖w‖₁`` and ``‖w‖₂`` both
    ``|w|``."""
    coords = _written_coordinates(expansion)
    return written.replace(lambda e: isinstance(e, Norm) and isinstance(e.args[0], sp.Symbol)
                           and e.args[0].name in coords and e.args[0] not in expansion.free_symbols,
                           lambda e: _norm_in_coordinates(e, coords[e.args[0].name]))


def _norm_in_coordinates(norm: sp.Expr, known: dict[str, sp.Symbol]) -> sp.Expr:
    """``‖w‖₁`` as ``|w_1| + |w_2| + |w_d|`` and ``‖w‖`` (``‖w‖₂``) as the root of the sum of squares, over the
    coordinates an expansion writes (its ellipsis stands for the rest, as in :func:`_coordinates`); another norm
    stays as it is."""
    vector = norm.args[0]
    order = norm.args[1] if len(norm.args) == 2 else 2
    parts = [_coordinate(known, vector.name, key) for key in sorted(known)]
    if order == 1:
        return sp.Add(*(sp.Abs(c) for c in parts))
    if order == 2:
        return sp.sqrt(sp.Add(*(c ** 2 for c in parts)))
    return norm


def _coordinate(known: dict[str, sp.Symbol], base: str, suffix: str) -> sp.Symbol:
    """The coordinate ``base`` + ``suffix`` (x_2), as written when the expansion shows it, else made like its siblings."""
    if suffix in known:
        return known[suffix]
    return sp.Symbol(base + suffix, **next(iter(known.values())).assumptions0)


def _names(sources: tuple[str, ...]) -> frozenset:
    """The symbols written in ``sources`` (TeX of inline formulas), each read alone; anything else is skipped."""
    out = set()
    for text in sources:
        try:
            expr = parse_expr(text)
        except LatexParseError:  # "where $\\theta^t$ is …" and other non-names: nothing introduced
            continue
        if isinstance(expr, sp.Symbol):
            out.add(expr)
    return frozenset(out)


def _fuse_increment(delta: sp.Symbol, letter: str, expr: sp.Expr) -> sp.Expr:
    """In a product, δ times the name spelled with ``letter`` (w, w_t, w^{(t)}) becomes one name ``δ w…``."""
    if not (expr.is_Mul and delta in expr.args):
        return expr
    names = [f for f in expr.args if isinstance(f, sp.Symbol) and f != delta
             and (f.name == letter or f.name.startswith(letter + "_") or f.name.startswith(letter + "^"))]
    if not names:
        return expr
    fused = sp.Symbol(f"{delta.name} {names[0].name}", **names[0].assumptions0)
    return expr / (delta * names[0]) * fused

def _linear_inner(expr: sp.Expr) -> sp.Expr:
    """Inner products expanded by bilinearity over constants; each one left is an opaque quantity named after
    the product of its arguments (so ⟨u, v⟩ and ⟨v, u⟩ are one symbol)."""
    if not expr.has(Inner):
        return expr
    return linear_inner(expr, _scalar, lambda product: S.symbol(r"\langle " + printing.latex(product) + r"\rangle"))


def _written_numbers(left: sp.Expr, right: sp.Expr) -> bool:
    """``‖(3, 4)‖ = 5``, ``(1, 2) + (3, 4) = (4, 6)``: tuples or matrices of numbers on both sides are
    arithmetic to check, not a condition."""
    return (has_vectors(left) or has_vectors(right)) and not left.free_symbols and not right.free_symbols


def _sign_dependent(before: sp.Expr, after: sp.Expr) -> bool:
    """Did computing a tuple's norm bring in |·|, max or a root (whose value depends on signs)?"""
    def count(e: sp.Expr) -> int:
        roots = [p for p in e.atoms(sp.Pow) if not p.exp.is_Integer]
        return len(e.atoms(sp.Abs, sp.Max)) + len(roots)
    return count(after) > count(before)


def _scalar(sym: sp.Symbol) -> bool:
    """A number, not a vector, for tuples and inner products: a declared hyperparameter or an unindexed step
    size or rate (η, α, δ …); θ, w, x may be vectors, so they are not."""
    if read_index(sym) is not None:
        return False
    return S.role(sym) == "hyper" or sym.name in _STEP_SIZES or sym.name in _SMALL_NUMBERS


#: Words after which an equation may state the case meant rather than a fact ("where", "где", "其中").
_WHERE_CUE = re.compile(r"\b(?:where|here|with|when|wobei|mit)\b|где|здесь|(?<![а-яё])при(?![а-яё])|其中|여기서",
                        re.IGNORECASE)


def _tuple_factor(sym: sp.Symbol) -> bool:
    """May ``sym`` multiply a written tuple coordinate by coordinate? A number does (:func:`_scalar`); so does a
    plain lowercase letter (``t`` in ``(0, 0) − t(−2, −4)``, ``a(1, 2)``): a vector written right before a
    column, with no transpose or product sign, is no product the notes could mean. Capitals (matrices) and
    indexed names (``x^{(0)}``, an iterate) are not read so."""
    return _scalar(sym) or (read_index(sym) is None and bool(_LOWER_LETTER.fullmatch(sym.name)))


_LOWER_LETTER = re.compile(r"[a-z]|\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|eta|theta|lambda|mu|nu|rho|sigma|"
                           r"tau|phi|omega|xi|kappa)")


_SMALL_NUMBERS = frozenset({r"\delta", r"\epsilon", r"\varepsilon", r"\sigma", r"\nu", r"\kappa", r"\omega"})


def _bases_of(symbols: Iterable[sp.Symbol]) -> set[str]:
    """Their names, and the bases of the step-indexed ones (m for m_{t-1})."""
    out = set()
    for sym in symbols:
        out.add(sym.name)
        ix = read_index(sym)
        if ix is not None:
            out.update((ix.base, ix.stem))  # g_{t,t-1}: g[-1] for its steps, g for a sum's g[t-τ, t-τ-1]
    return out


def _variable(sym: sp.Basic) -> bool:
    """A weight, state or input (w_{t-1}, m_{t-1}, g_{t-2}) — not a hyperparameter at a step (η_t, β_t)."""
    if S.role(sym) in ("weight", "state", "input"):
        return True
    ix = read_index(sym)
    return ix is not None and S.role(sym) != "hyper" and ix.base not in _STEP_SIZES


def _doit(expr: sp.Expr) -> sp.Expr:
    """Evaluate sums and products with symbolic bounds (geometric sums) where SymPy can."""
    if expr.has(sp.Sum, sp.Product):
        expr = coordinates.derivatives(_indexed_calls(expr))
        try:
            # a geometric sum's β = 1 branch is not the notes' case (0 < β < 1): keep the general one
            return _generic(expr.doit())
        except Exception:  # noqa: BLE001 - SymPy raises many kinds here; the link stays as written
            return expr
    return expr


def _indexed_calls(expr: sp.Expr) -> sp.Expr:
    """``Σ_i f_i(w)``: a function named with the sum's index depends on it. The name alone does not tell SymPy,
    which would sum ``f_i(w)`` as a constant (n·f_i(w)) and prove (1/n)Σ f_i² = ((1/n)Σ f_i)²; the index is
    made an argument of the call (``f_i(w, i)``), or of the atom a call was read as (``f_{i}(w)[i]``), as a
    name with it is read as an indexed quantity (x_i → x[i])."""
    def own(total: sp.Basic) -> sp.Basic:
        mapping: dict[sp.Basic, sp.Basic] = {}
        for index in (limit[0] for limit in total.limits):
            named = re.compile(r"_(?:\{" + re.escape(index.name) + r"\}|" + re.escape(index.name) + r"(?![A-Za-z0-9_{]))")
            for call in total.function.atoms(AppliedUndef):
                if index not in call.free_symbols and named.search(type(call).__name__):
                    mapping[call] = type(call)(*call.args, index)
            labels = {ix.base.label for ix in total.function.atoms(sp.Indexed)}  # already indexed: x[i]
            for atom in total.function.free_symbols:  # a call already read as an atom, "f_{i}(w)"
                if isinstance(atom, sp.Symbol) and atom != index and atom not in labels and named.search(atom.name):
                    mapping[atom] = sp.Indexed(sp.IndexedBase(atom), index)
        return total.func(total.function.xreplace(mapping), *total.limits) if mapping else total
    return expr.replace(lambda e: isinstance(e, (sp.Sum, sp.Product)), own)


def _as_written(symbols: set[sp.Symbol], definitions: dict[sp.Symbol, sp.Expr], verdict: Verdict) -> dict[sp.Symbol, sp.Expr]:
    """The values the counterexample gives to the symbols the author wrote but the point does not hold
    (m̂_t, g_t), computed from the definitions; only those that come out as numbers."""
    point = dict(verdict.counterexample)
    values: dict[sp.Symbol, sp.Expr] = {}
    for sym in sorted(symbols - set(point), key=lambda s: s.name):
        try:
            value = substitute(sym, definitions).xreplace(point)
        except (CircularDefinition, TypeError, ValueError):
            continue
        if not value.free_symbols and value.is_number:
            values[sym] = value
    return values


def _witness(verdict: Verdict) -> str:
    if not verdict.counterexample:
        return ""
    values = ", ".join(f"{printing.text(s)} = {_short(v)}" for s, v in list(verdict.counterexample.items())[:8])
    return f" (e.g. at {values})"


def _short(value: object) -> str:
    try:
        return f"{float(value):.4g}"  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)


def _read_as_product(call: str) -> bool:
    """``h_\\theta(x)``, ``g_t(x)``: the parser reads a subscripted ``g``/``h`` before parentheses as a product
    (a gradient or a step at t, times x), so a false verdict on it may rest on that reading."""
    return call[0] in SUBSCRIPT_FREE_FUNCTIONS and call[1:2] == "_"


def _written(item: Item, term: Term) -> str:
    """A side as the author typed it, for the links report (before a Markdown engine's escapes are undone)."""
    text = item.block.written or item.block.text
    return " ".join(text[term.start:term.end].split())


#: A function's signature, ``f: \mathbb{R}^n \to \mathbb{R}``, ``g\colon X \rightarrow Y``: it declares a general f.
_SIGNATURE = re.compile(r"\s*((?:[A-Za-z]|\\[A-Za-z]+)(?:_\{[^{}]*\}|_[A-Za-z0-9])?)\s*(?::|\\colon)\s*[^=]*?"
                        r"\\(?:to|rightarrow|longrightarrow|mapsto)\b")


#: A function defined by name and argument list at the start of a display (``g(t \in [0,1]) = …``).
_UNREAD_FUNCTION = re.compile(r"\s*((?:[A-Za-z]|\\[A-Za-z]+)(?:_\{[^{}]*\}|_[A-Za-z0-9])?)\s*(?:\\left)?\(")


def _signature_name(written: str) -> str:
    """The function name of a signature as the parser names its calls (``f_a`` → ``f_{a}``)."""
    try:
        parsed = parse_expr(written)
    except LatexParseError:
        return written
    return parsed.name if isinstance(parsed, sp.Symbol) else written


#: A decimal in a side as written (``0.9^{t-1}(0.1)``): values put in for the parameters.
_DECIMAL_WRITTEN = re.compile(r"\d\.\d")


#: Why a link holds when the comparison gives no reason of its own: both sides agree once the definitions are in.
_EQUAL_IN_SCOPE = "equal under the definitions in scope"
#: A side that is one number as written (``0.81``, ``-3``), not a computation.
_ONE_NUMBER = re.compile(r"[-+]?\s*\d[\d\s.,]*")


#: The markup of a matrix environment (``\begin{bmatrix}``, ``\\``, ``&``): what is left is its entries.
_MATRIX_MARKUP = re.compile(r"\\(?:begin|end)\{[bpvBV]?matrix\}|\\\\|&")


#: How many readings by the document's other definitions are unrolled through the section's recurrences, at most,
#: per link: a count, never the clock, so that the result does not depend on the machine (a budget that runs out
#: makes a file uncacheable; Adam's rules unrolled within each other ran a 4 s budget out on 7 readings).
_FAMILY_READINGS_UNROLLED = 3


def _tuple_of_numbers(text: str) -> bool:
    """Is ``text`` one written tuple (or column) whose every coordinate is a number: ``[1.0, 0.0]``?"""
    from .arithmetic import unstyled
    from .worked_values import coordinate_texts

    parts = coordinate_texts(text)
    return len(parts) > 1 and all(_ONE_NUMBER.fullmatch(unstyled(p).strip()) for p in parts)


#: A bare letter, Latin or Greek, perhaps bold: a quantity of its own (the b of Ax = b), not an abbreviation as
#: ``Δx``, ``\hat{r}`` or ``d_{t+1}`` are.
_BARE_LETTER = re.compile(r"(?:\\(?:mathbf|boldsymbol|bm|vec)\{)?\\?[A-Za-z][a-z]*\}?")
#: Index letters that count samples or coordinates (x_i, y_j) far more often than steps.
_SAMPLE_LETTERS = frozenset("ij")
#: A matrix in written math: a bold capital Latin letter that is not called.
_MATRIX_NAME = re.compile(r"\\(?:mathbf|boldsymbol|bm|pmb|symbf|mathbold)\s*\{\s*[A-Z]\s*\}(?!\s*\()")
#: A capital raised to −1 (``A^{-1}``) or a Greek capital that names a matrix (``\Sigma``, ``\Lambda``), not a call.
_INVERTED_OR_GREEK_CAPITAL = re.compile(r"(?:(?<![A-Za-z\\])[A-Z]|\\(?:Sigma|Lambda|Gamma|Omega|Phi|Psi|Theta))"
                                        r"(?:_\{[^{}]*\}|_[A-Za-z0-9])?\s*\^\s*\{\s*-\s*1\s*\}"
                                        r"|\\(?:Sigma|Lambda|Omega|Phi|Psi)(?![A-Za-z])(?!\s*\()")
#: A plain capital written transposed (``X^T y``, ``A^\top``): a matrix, since a constant is never transposed.
#: A plain capital right after a transposed factor, ``x^TAx``, ``(x^T + Δx^T) A (x + Δx)``: a quadratic form's matrix.
_QUADRATIC_FORM = re.compile(r"\^\s*(?:T\b|\{\s*(?:T|\\top)\s*\}|\\top)\s*\)?\s*[A-Z](?![A-Za-z(])")
#: A letter right before a transposed one, ``uu^T``, ``x_iy_i^\top``: an outer product (not ``u^Tu``, an inner one).
_OUTER_PRODUCT = re.compile(r"(?<![A-Za-z\\^_])[a-z](?:_\{[^{}]*\}|_[A-Za-z0-9])?(?!\s*\^)\s*(?:\\,\s*)?[a-z]"
                            r"(?:_\{[^{}]*\}|_[A-Za-z0-9])?\s*\^\s*(?:T\b|\{\s*(?:T|\\top|\\intercal)\s*\}|\\top|\\intercal)")
_TRANSPOSED_CAPITAL = re.compile(r"(?<![a-z\\])[A-Z](?:_\{[^{}]*\}|_[A-Za-z0-9])?\s*\^\s*(?:T|\{\s*(?:T|\\top|\\intercal)\s*\}|\\top|\\intercal"
                                 r"|\\(?:mathsf|mathrm|text)\{T\})")


def _at_points(checker: "DocumentChecker", item: Item, exprs: tuple[sp.Expr, ...]) -> tuple[tuple[sp.Expr, ...], dict[sp.Symbol, sp.Expr]]:
    """``exprs`` with the written tuples in force put in (``x = (1, 2)`` given, then ``x^⊤y``, ``‖x‖``, ``2x + y``),
    computed from their coordinates before anything reads the names per coordinate (which would make ``‖x‖`` a
    ``|x|``); and the tuples used."""
    names = set().union(*(e.free_symbols for e in exprs))
    points = {x: v for x, v in checker._examples(item).items() if x in names and isinstance(v, Coords)}
    if not points:
        return exprs, {}
    return tuple(reduce_coords(e.xreplace(points), lambda _: True) for e in exprs), points


def _value_text(value: sp.Expr) -> str:
    """A value given, as a reader writes it: ``(1, 2)`` for a tuple."""
    return worked_values.tuple_text(value) if isinstance(value, Coords) else printing.text(value)


def _derivative_as_operator(left: Term, right: Term) -> str | None:
    """Why a refutation may be no slip: a side is a derivative's name times terms (``\\frac{dr}{dk}s − \\frac{dr}{dk}kt``),
    and read as the operator d/dk applied to those terms it equals the other side (``0 − t``): notes write
    "differentiate in k" so. Both readings are possible, so the link is undecided, never proved."""
    for side, other in ((left, right), (right, left)):
        if side.expr is None or other.expr is None:
            continue
        for d in sorted(side.expr.free_symbols - other.expr.free_symbols, key=str):
            if not (isinstance(d, sp.Symbol) and d.name.startswith(GRADIENT_PREFIX)):
                continue
            variable, stem = gradient_parts(d.name)
            if variable is None or side.expr.xreplace({d: 0}) != 0 or sp.diff(side.expr, d, 2) != 0:
                continue
            applied = sp.diff(sp.diff(side.expr, d), S.symbol(variable))  # d/dk of what the name multiplies
            if compare(applied, other.expr, seconds=LINK_SECONDS).status == "true":
                return (f"d{stem}/d{variable} before each term may be the operator d/d{variable} applied to it, as the "
                        "other side reads it; taken as a product, the sides differ")
    return None


#: Words that suppose the equation right after them, in its clause: "suppose", "assume" (предположим, допустим,
#: supposons, supongamos, angenommen, 假设, 仮定).
# "$Z$ is the total $…$", "$S$는 전체 합 $…$", "$Z$ — сумма $…$": a name, a linking word and a few words, a formula
_DESCRIBED = re.compile(r"\$\s*([^$]{1,24}?)\s*\$([^$]{1,40}?)\$([^$]{1,160}?)\$")
_DESCRIBED_GAP = re.compile(r"\s*(?:(?:is|denotes|stands\s+for|represents|means|est|ist|bezeichnet|es|é|è|là|это|есть"
                            r"|обозначает)\b|[—–:]|[는은이가]|为|是|表示|即|は|とは)"
                            r"(?:(?!\b(?:and|or|und|et|ou|y|e|и|или)\b)[^,;.!?()\[\]{}=<>]){0,30}")
# "we can rewrite h as", "can be written as", "перепишем", "改写为": the same quantity written another way follows
_REWRITTEN = re.compile(r"\b(?:re-?writ\w*|(?:can|could|may) (?:also )?be (?:re)?written|written (?:as|in the form)"
                        r"|expressed as|equivalently)\b|перепи\w*|можно записать|запиш\w* (?:в виде|как)|改写|写成|"
                        r"可以写|等价地|\bumschreib\w*|\bumgeschrieben|\bréécri\w*|\bs'écrit|\breescrib\w*"
                        r"|\breescrev\w*|\bviết lại|書き直|書き換え|と書け|riscriv\w*", re.IGNORECASE)
#: "when t = 0" typed in the words, not in math: the letter and the number (the cue word keeps "x = 3 apples" out).
_WORDED_POINT = re.compile(r"\b(?:when|at|if|for|with|where|wenn|quand|cuando|при|когда|если)\s+([A-Za-z])\s*=\s*"
                           r"(-?\d+(?:\.\d+)?)(?![\w.]*\$)(?!\w)", re.IGNORECASE)
#: A formula in the words (``$…$``, ``\(…\)``): blanked where only the words typed without math are read.
_MATH_SPAN = re.compile(r"\$\$?[^$]*\$\$?|\\\(.*?\\\)", re.DOTALL)
#: ``0{,}03226``: a decimal comma braced so that TeX sets no space after it, in any language.
_BRACED_COMMA = re.compile(r"(?<=\d)\{,\}(?=\d)")
_SUPPOSE = re.compile(r"(?:\b(?:suppose|assume|supposons|supposer|supongamos|suponga|angenommen|nehmen wir an)\b"
                      r"|предполож|допуст|假设|假定|仮定)[^.!?;:]{0,40}$", re.IGNORECASE)
#: The letter a derivative is taken in, as written: ``\nabla_{A}``, ``\nabla_A``, ``\partial A`` (below a bar).
_DERIVATIVE_LETTER = re.compile(r"\\nabla_\{?\s*([A-Za-z])\s*\}?|\\partial\s*\{?\s*([A-Za-z])\s*\}?\s*\}")


def _derivative_in_another_case(item: Item, left: Term, right: Term) -> str | None:
    """Why a refutation may be no slip: the link differentiates in a letter it never writes otherwise, and writes
    that letter in the other case (``∇_A[\\vec a · \\vec u]``: the weights are ``\\vec a``). Read as another
    letter, the derivative is 0; the notes mean the weights."""
    written = _source(item, left) + " " + _source(item, right)
    letters = {x for m in _DERIVATIVE_LETTER.finditer(written) for x in m.groups() if x}
    names = {_letter_of(x.name) for t in (left, right) if t.expr is not None for x in t.expr.free_symbols
             if isinstance(x, sp.Symbol) and not x.name.startswith(GRADIENT_PREFIX)}
    for letter in sorted(letters):
        if letter not in names and letter.swapcase() in names:
            return (f"the derivative is taken in {letter}, which the link writes only as {letter.swapcase()}: read as "
                    f"another letter it is 0, where {letter.swapcase()} is likely meant")
    return None


def _letter_of(name: str) -> str:
    """The Latin letter a name is written with (``q`` of ``q_{4}``, ``a`` of ``\\vec{a}``), or "" for another."""
    letter = unaccented(name)[:1]
    return letter if letter.isascii() and letter.isalpha() else ""


def _near(a: sp.Expr, b: sp.Expr, within: sp.Rational) -> bool:
    """Are the numbers ``a`` and ``b`` within the fraction ``within`` of the larger in size (and of one sign)?"""
    try:
        x, y = sp.N(a, 20), sp.N(b, 20)
        if not (x.is_real and y.is_real and x.is_Number and y.is_Number) or x * y <= 0:
            return False
        return bool(abs(x - y) <= within * max(abs(x), abs(y)))
    except (TypeError, ValueError, ArithmeticError):
        return False


def _source(item: Item, term: Term) -> str:
    """What the author wrote for a side, on one line."""
    return " ".join(item.block.text[term.start:term.end].split())


#: Letters a sum's index is renamed to when it must give its own letter up, in order of preference.
_SPARE_INDICES = ("i", "j", "s", "l", "r", "\\tau")


def _bound_renamed(expr: sp.Expr, letter: str, taken: set[sp.Basic]) -> sp.Expr:
    """``expr`` with each sum or product that counts with ``letter`` counting with a spare letter instead.

    Why: ``m_T = (1 − β)Σ_{t=1}^{T} β^{T−t} g_t`` under the rule ``m_t = βm_{t−1} + (1 − β)g_t`` is the rule at a
    step called T; to read it at t, the t the sum binds must first become another letter (a bound letter is a
    dummy, so nothing else changes)."""
    if not expr.has(sp.Sum, sp.Product):
        return expr
    used = {x.name for x in expr.atoms(sp.Symbol)} | {x.name for x in taken if isinstance(x, sp.Symbol)}
    spare = next((c for c in _SPARE_INDICES if c not in used), None)

    def renamed(big: sp.Basic) -> sp.Basic:
        var = next((lim[0] for lim in big.limits if lim[0].name == letter), None)
        if var is None or spare is None:
            return big
        return big.xreplace({var: sp.Symbol(spare, **var._assumptions_orig)})  # as the letter was declared
    return expr.replace(lambda e: isinstance(e, (sp.Sum, sp.Product)), renamed)


def _summed_entries(*exprs: sp.Expr) -> set[sp.Basic]:
    """The indexed quantities of ``exprs`` whose indices a sum around them binds (``a[j]`` in ``Σ_{ij} a_ia_j``): SymPy
    counts them among the free symbols, but they name no new quantity."""
    found: set[sp.Basic] = set()
    for expr in exprs:
        for total in expr.atoms(sp.Sum, sp.Product):
            bound = {lim[0] for lim in total.limits}
            found |= {ix for ix in total.function.atoms(sp.Indexed)
                      if all(i.free_symbols and i.free_symbols <= bound for i in ix.indices)}
    return found


def _family_entries(left: sp.Expr, right: sp.Expr) -> set[sp.Basic]:
    """The indexed quantities of one side whose family (``M`` of ``M[i, k]``) the other side holds at other
    indices: entries of a matrix or vector both sides write, which name nothing new."""
    bases = [{ix.base for ix in side.atoms(sp.Indexed)} for side in (left, right)]
    labels = [{str(base.label) for base in found} for found in bases]
    entries = {ix for side, other in ((left, bases[1]), (right, bases[0])) for ix in side.atoms(sp.Indexed)
               if ix.base in other}
    # tr(CD) against Σ_{k,l} C_{kl}D_{lk}: the matrix itself on one side, its entries on the other
    return entries | {x for side, other in ((left, labels[1]), (right, labels[0])) for x in side.free_symbols
                      if isinstance(x, sp.Symbol) and x.name in other}


def _summed_only(expr: sp.Expr) -> bool:
    """Is every indexed quantity of ``expr`` inside a sum over its index (``Σ_j e^{z_j}``, not ``x_k`` alone)?"""
    def walk(e: sp.Basic, bound: frozenset) -> bool:
        if isinstance(e, sp.Indexed):
            return all(i.free_symbols <= bound for i in e.indices)
        if isinstance(e, sp.Sum):
            inner = bound | {lim[0] for lim in e.limits}
            return walk(e.function, inner) and all(walk(b, bound) for lim in e.limits for b in lim[1:])
        return all(walk(a, bound) for a in e.args)
    return walk(expr, frozenset())


def _one_case_each(a: sp.Expr, b: sp.Expr, stated: Mapping[sp.Symbol, sp.Interval]
                   ) -> Iterator[tuple[sp.Symbol, sp.Expr, sp.Expr]]:
    """For each variable of the link with a stated range: both sides with every case split in it replaced by the
    one case in force over that range (:func:`derive.piecewise.on_interval`), when there is one."""
    for x in sorted((x for x in a.free_symbols | b.free_symbols if x in stated), key=str):
        pa, pb = piecewise.on_interval(a, x, stated[x]), piecewise.on_interval(b, x, stated[x])
        if pa is not None and pb is not None and not (pa.has(sp.Piecewise) or pb.has(sp.Piecewise)):
            yield x, pa, pb


def _range_text(x: sp.Symbol, interval: sp.Interval) -> str:
    """``s > 1``, ``0 < β ≤ 1``: a range as a reader writes it."""
    name = printing.text(x)
    low = "" if interval.inf == -sp.oo else f"{printing.text(interval.inf)} {'<' if interval.left_open else '≤'} "
    high = "" if interval.sup == sp.oo else f" {'<' if interval.right_open else '≤'} {printing.text(interval.sup)}"
    if low and not high:
        return f"{name} {'>' if interval.left_open else '≥'} {printing.text(interval.inf)}"
    return f"{low}{name}{high}"


def _signed_by_range(symbols: set[sp.Basic], stated: Mapping[sp.Symbol, sp.Interval]
                     ) -> tuple[dict[sp.Symbol, sp.Symbol], str] | None:
    """The names of a link whose stated range keeps one sign (``c > 0``, ``0 < β < 1``, ``x ≤ 0``), each swapped
    for a symbol SymPy knows the sign of, and the ranges said in words; None when there is none."""
    swap: dict[sp.Symbol, sp.Symbol] = {}
    said = []
    for x in sorted((x for x in symbols if isinstance(x, sp.Symbol) and x in stated), key=str):
        interval = stated[x]
        if interval.is_subset(sp.Interval(0, sp.oo)):
            positive = interval.is_subset(sp.Interval.open(0, sp.oo))
            swap[x] = sp.Symbol(x.name, positive=True) if positive else sp.Symbol(x.name, nonnegative=True)
            said.append(f"{printing.text(x)} {'>' if positive else '≥'} 0")
        elif interval.is_subset(sp.Interval(-sp.oo, 0)):
            negative = interval.is_subset(sp.Interval.open(-sp.oo, 0))
            swap[x] = sp.Symbol(x.name, negative=True) if negative else sp.Symbol(x.name, nonpositive=True)
            said.append(f"{printing.text(x)} {'<' if negative else '≤'} 0")
    return (swap, ", ".join(said)) if swap else None


def _whatever(names: str) -> str:
    """"holds whatever g is", "holds whatever I, b, μ are": the names a proof leaves free, in words."""
    return f"holds whatever {names} {'are' if ',' in names or names == 'the functions' else 'is'}"


def _free_names(names: str) -> str:
    """The new names of a proof's "holds whatever …", without the marks a matrix reading gives another meaning
    (``R^{-T}R^TRR^{-1} = I``: T transposes, I is the identity; 2π − 2/3: π the number); "" when none is left."""
    return ", ".join(x for x in names.split(", ") if x not in ("I", "T", "⊤", "π"))


#: An upright d before a name or a bracket (``\mathrm{d}A``, ``\operatorname{d}(AB)``, ``{\rm d} x``): a differential.
_DIFFERENTIAL = re.compile(r"(?:\\(?:mathrm|operatorname|textrm|text|mathsf)\s*\{\s*d\s*\}|\{\s*\\rm\s+d\s*\})"
                           r"\s*(?:\\[A-Za-z]|[A-Za-z(\[{])")


#: A step counted in a superscript, on the left of a rule: ``x^{k+1} = …``, ``\mathbf{w}^{(t+1)} &= …``; the letter
#: k, t. (``1 − β^{t+1}`` inside a formula is a power, and says nothing of t.)
_SUPERSCRIPT_STEP = re.compile(r"(?:^|\\\\|&|\n)\s*(?:\\(?:mathbf|boldsymbol|vec|bm)\s*\{\s*)?(?:\\[A-Za-z]+|[A-Za-z])\s*\}?"
                               r"\s*\^\s*\{\s*\(?\s*([a-z])\s*\+\s*1\s*\)?\s*\}\s*&?\s*=")


#: ``\mathbf{U}`` → ``U``: the letter a bold name is set in.
_BOLD_STEM = re.compile(r"^\\(?:mathbf|boldsymbol|bm)\{([A-Za-z])\}$")


@functools.lru_cache(maxsize=64)
def _orthogonality(letter: str) -> re.Pattern[str]:
    """``U^\\top U = I`` (or ``U U^T = I``, bold or not, ``\\mathbb{I}``) written for ``letter``."""
    name = rf"(?:\\(?:mathbf|boldsymbol|bm)\s*\{{\s*{letter}\s*\}}|(?<![\\A-Za-z]){letter})"
    transposed = rf"{name}\s*\^\s*\{{?\s*(?:\\top|T|\\intercal|\\mathsf\{{T\}})\s*\}}?"
    identity = r"(?:\\mathbf\s*\{\s*I\s*\}|\\mathbb\s*\{\s*I\s*\}|I)(?![A-Za-z])"
    return re.compile(rf"(?:{transposed}\s*{name}|{name}\s*{transposed})\s*=\s*{identity}")


def _common_log(expr: sp.Expr) -> sp.Expr:
    """``expr`` with each logarithm written without a base taken to base 10."""
    return expr.replace(lambda e: isinstance(e, sp.log) and len(e.args) == 1, lambda e: sp.log(e.args[0]) / sp.log(10))


def _root_within(gap: sp.Expr, unknown: sp.Symbol, root: sp.Expr, rounding: Fraction | None) -> bool:
    """Is ``root`` a root of ``gap`` (zero there, or, for a root written rounded, ``t = 8.36``, a change of sign
    within half a unit of its last digit)? False when that cannot be told within a share of the link budget."""
    try:
        with time_budget(LINK_SECONDS / 2):
            values = [sp.N(gap.xreplace({unknown: root + shift}), 30)
                      for shift in ((0,) if rounding is None else (0, -sp.Rational(rounding), sp.Rational(rounding)))]
    except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
        return False
    if not all(v.is_number and v.is_real for v in values):
        return False
    return abs(values[0]) < 1e-12 or (len(values) == 3 and values[1] * values[2] <= 0)


def _unwritten_value(sa: sp.Expr, sb: sp.Expr) -> tuple[sp.Symbol, sp.Expr] | None:
    """:func:`.unwritten.unwritten_value` within a share of the link budget (None when it runs out)."""
    try:
        with time_budget(LINK_SECONDS / 2):
            return unwritten.unwritten_value(sa, sb, LINK_SECONDS / 4)
    except BudgetExceeded:
        return None


def _elementary_link(left: sp.Expr | None, right: sp.Expr | None) -> bool:
    """Are both sides built from the same letters with arithmetic and elementary functions only (no norm, absolute
    value, sum, integral, derivative or ellipsis, which may hold only on a range the notes assume)?"""
    if left is None or right is None or not left.free_symbols or left.free_symbols != right.free_symbols:
        return False
    kinds = (sp.Integral, sp.Abs, sp.Sum, sp.Product, sp.Derivative, sp.Piecewise, Norm, AppliedUndef)
    return not any(side.has(*kinds) or side.has(DOTS) for side in (left, right))


def _derivative_at_unstated_values(a: sp.Expr | None, b: sp.Expr | None, sa: sp.Expr, sb: sp.Expr) -> str | None:
    """``∂E/∂w5 = 0.7414 × 0.5933``: a derivative the definitions give as a formula, equated with a number where
    the formula's letters have no value stated (the forward pass worked them out in words, a table or a figure).
    The link is the derivative's value at that point, not an identity: undecided, naming the letters, never false
    because the formula is not a constant. Only a worked decimal counts so: ``f'(x) = 3`` for ``f = x² + 3x`` is
    the classic slip of a derivative taken as a constant, and stays an error."""
    for written, side, other in ((a, sa, sb), (b, sb, sa)):
        if written is None or other.free_symbols or not side.free_symbols or not other.is_number or other.is_integer:
            continue
        if written.has(sp.Derivative) or any(x.name.startswith(GRADIENT_PREFIX) for x in written.free_symbols
                                             if isinstance(x, sp.Symbol)):
            letters = ", ".join(sorted(printing.text(x) for x in side.free_symbols))
            return f"the derivative's value where {letters} take values the notes do not state here"
    return None


def _derivative_of_unwritten(a: sp.Expr, b: sp.Expr, sa: sp.Expr, sb: sp.Expr,
                             definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
    """A derivative whose operand, with the definitions put in, does not contain its variable, against a side that
    is not 0: ``\\frac{d(E·y_{o1})}{dy_{h1}} = (y_{o1} − y_{t1})·y_{o1}(1 − y_{o1})·w_{31}`` where nothing written
    makes y_{o1} a function of y_{h1} (a network drawn in a figure, a dependence said in words). The claim is about
    that unwritten dependence: undecided, never false. (A derivative that is 0 although its operand holds the
    variable, ``∂²(x_1x_2)/∂x_2²``, is still checked.)"""
    for written, side, other in ((a, sa, sb), (b, sb, sa)):
        if written is None or side != 0 or other == 0:
            continue
        for d in written.atoms(sp.Derivative):
            try:
                operand = substitute(d.expr, definitions)
            except CircularDefinition:
                continue
            if not any(v in operand.free_symbols for v in d.variables):
                return (f"the derivative in {', '.join(printing.text(v) for v in d.variables)} is 0 by what the notes "
                        "write: nothing makes its operand depend on that variable (the dependence is in the words or "
                        "a figure)")
    return None


def _vanished_by_what_is_written(a: sp.Expr | None, b: sp.Expr | None,
                                 definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
    """A refuted link with a derivative inside whose operand (definitions put in) names quantities but not the
    variable: ``∂/∂b (1 − σ(z))`` after "with z = wx_i + b" said as a condition. It came out 0 because the
    dependence is not written where the reader looks, and the refutation rests on that 0: undecided."""
    for written in (a, b):
        if written is None:
            continue
        for d in written.atoms(sp.Derivative):
            try:  # (the variable itself keeps its letter: d/dz ln(1 + e^{−z}) after z = wx + b is in z)
                operand = substitute(d.expr, {k: v for k, v in definitions.items() if k not in d.variables})
            except CircularDefinition:
                continue
            names = {x for x in operand.free_symbols if isinstance(x, sp.Symbol)} | set(operand.atoms(AppliedUndef))
            stems = {str(ix.base.label) for ix in operand.atoms(sp.Indexed)}
            if any(isinstance(v, sp.Symbol) and v.name.split("_")[0] in stems for v in d.variables):
                continue  # ∂/∂w_j Σ_k w_k²: a coordinate of the summed vector (taken by coordinates)
            if names and not any(v in operand.free_symbols for v in d.variables):
                return (f"the derivative in {', '.join(printing.text(v) for v in d.variables)} of "
                        f"{printing.text(d.expr)} is 0 by what the notes write: nothing written makes it depend on "
                        "that variable (the dependence is in the words, a condition or a figure)")
    return None


def _bracketed(text: str, start: int) -> str:
    """What the bracket opened just before ``start`` holds, up to its matching close (or the end of ``text``)."""
    depth = 1
    for i in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return text[start:i]
    return text[start:]


def _family_base(x: sp.Basic) -> str:
    """The letter a name is a member of: ``Y`` for ``Y_{2}``, ``Y_{n}``, ``Y[i]``; the name itself otherwise."""
    if isinstance(x, sp.Indexed):
        return str(x.base.label)
    return (step_base(x.name) if isinstance(x, sp.Symbol) else None) or str(x)


def _family_written(var: sp.Basic, expr: sp.Expr) -> bool:
    """Does ``expr`` write ``var``'s family at all (``Y`` in ``Y_{2}`` against ``Σ(X_i − X̄)²``: no)?"""
    base = _family_base(var)
    return any(_family_base(x) == base for x in expr.free_symbols | expr.atoms(sp.Indexed))


def _vectors_by_coordinates(written: sp.Expr, other: sp.Expr) -> str | None:
    """The names one side holds bare (``β``, ``x`` of ``βᵀx``) whose coordinates (``β_1``, ``x_D``) the other side
    writes, and the bare side never does: a vector against its coordinates. The names, or None."""
    found = []
    for bare_side, indexed_side in ((other, written), (written, other)):
        bases = {ix.base for x in indexed_side.free_symbols - bare_side.free_symbols
                 if isinstance(x, sp.Symbol) and (ix := read_index(x))}  # (β₀ on both sides is its own name)
        bare = {x for x in bare_side.free_symbols if isinstance(x, sp.Symbol) and read_index(x) is None}
        found += [x for x in bare if x.name in bases and x not in indexed_side.free_symbols]
    return ", ".join(sorted(printing.text(x) for x in found)) or None


def _gradient_of_unread(a: sp.Expr, b: sp.Expr, sa: sp.Expr, sb: sp.Expr, functions: Functions) -> str | None:
    """``∂E(w; u_k, t_k)/∂w = (p̂_k − t_k)u_k`` where the body of E, as the notes define it, never reads w (it reads
    p̂_k, which nothing written connects to w): the gradient is 0 by what is written, against a side that is not.
    The claim is about a dependence the notes leave to words: undecided, never false. None otherwise."""
    for written, side, other in ((a, sa, sb), (b, sb, sa)):
        if written is None or side != 0 or other == 0:
            continue
        for call in written.atoms(AppliedUndef):
            name = type(call).__name__
            if not name.startswith(GRADIENT_PREFIX) or name.startswith(HESSIAN_PREFIX):
                continue
            variable, function = gradient_parts(name)
            fd = functions.defs.get(function)
            if fd is None or variable is None or len(fd.params) != len(call.args):
                continue
            at = [k for k, arg in enumerate(call.args) if isinstance(arg, sp.Symbol) and arg.name == variable]
            if len(at) == 1 and fd.params[at[0]] not in fd.body.free_symbols:
                return (f"{function} as defined on line {fd.line} does not read {variable} (its body: "
                        f"{printing.text(fd.body)}), so its derivative in {variable} is 0 by what the notes write: "
                        "the dependence is in names they do not connect to it")
    return None


def _both_vanish_unwritten(a: sp.Expr | None, b: sp.Expr | None, definitions: Mapping[sp.Symbol, sp.Expr]) -> str | None:
    """Sides that are both 0 only because a derivative on each, its operand (definitions put in) free of its
    variable, vanished: the reason the link is undecided (:func:`_derivative_of_unwritten`, when both sides are
    0 rather than one); None when either side is 0 on its own terms."""
    if a is None or b is None or a == 0 or b == 0:
        return None
    if _same_operation(a, b, definitions):
        return None  # ∂/∂w_j [½Σ(…)²] = ∂/∂w_j [½Σ(…)²] rewritten: equal whatever depends on w_j
    reasons = [_derivative_of_unwritten(side, sp.Integer(1), sp.Integer(0), sp.Integer(1), definitions) for side in (a, b)]
    if not all(reasons):
        return None
    return "both sides are 0 only because " + reasons[0]


def _same_operation(a: sp.Expr, b: sp.Expr, definitions: Mapping[sp.Symbol, sp.Expr]) -> bool:
    """Are both sides one derivative in the same variables, of operands equal as written (definitions put in)?
    Then the link holds whatever the unwritten dependence is."""
    if not (isinstance(a, sp.Derivative) and isinstance(b, sp.Derivative)) or a.variables != b.variables:
        return False
    try:
        left, right = substitute(a.expr, definitions), substitute(b.expr, definitions)
    except CircularDefinition:
        return False
    return compare(left, right, seconds=LINK_SECONDS).status == "true"


def _bare_operator(text: str) -> re.Match[str] | None:
    """The first operator name typed without its backslash (:data:`_BARE_OPERATOR`), not one set upright as a
    word of its own (``{\\rm logit}``, ``\\mathrm{logit}``, ``\\operatorname{lse}``: a named function)."""
    for m in _BARE_OPERATOR.finditer(text):
        if not _UPRIGHT_BEFORE.search(text, 0, m.start()):
            return m
    return None


def _limit_of_unwritten(a: sp.Expr | None, b: sp.Expr | None) -> str | None:
    """A limit whose body, as written, does not hold its variable (``\\lim_{ε→0} u = 0`` with "defining u = ε/x" in
    the words or an annotation): read as written it is its body, and refuting that is about a dependence the notes
    give elsewhere. Undecided, never false."""
    for written in (a, b):
        if written is None:
            continue
        for lim in written.atoms(sp.Limit):
            body, var = lim.args[0], lim.args[1]
            if var not in body.free_symbols and body.free_symbols:
                return (f"the limit in {printing.text(var)} of {printing.text(body)}, which does not write "
                        f"{printing.text(var)}: it depends on it through what the notes say elsewhere")
    return None


def _norm_defined(left: sp.Expr | None, right: sp.Expr | None) -> str | None:
    """``‖w‖ = Σ_i |w_i|``: the norm of a vector written out over its own coordinates is the page saying which norm
    ``‖·‖`` means (ℓ1 here), not a claim about the Euclidean norm the checker would otherwise take."""
    for norm, other in ((left, right), (right, left)):
        if norm is None or other is None or type(norm).__name__ != "Norm" or len(norm.args) != 1 \
                or not isinstance(norm.args[0], sp.Symbol):
            continue
        name = norm.args[0]
        if any(str(x.base.label) == name.name for s in other.atoms(sp.Sum) for x in s.atoms(sp.Indexed)):
            return (f"‖{printing.text(name)}‖ written out over the coordinates of {printing.text(name)}: the page "
                    "defines which norm it means, not a claim about the Euclidean one")
    return None


#: A decimal written inside a side, with a point or a comma: ``0.0317``, ``0,1267``.
_WRITTEN_DECIMAL = re.compile(r"(?<![\d.,])\d*[.,](\d+)(?![\d.,])")


def _rounded_terms(written: str, difference: sp.Expr) -> str | None:
    """``1 - 0,0317 - 0,1267`` for ``1 − P(Z = 0) − P(Z = 1)``: a sum of decimals that stand for exact values rounded
    to their digits is within half a unit of each of them. The reason when ``difference`` (the exact value minus the
    written one) is that small, or None (only sums and differences of numbers: no product spreads the rounding)."""
    decimals = _WRITTEN_DECIMAL.findall(written)
    if not decimals or re.search(r"[^\d.,+\-\s{}]|\\", _WRITTEN_DECIMAL.sub("0", written).replace("−", "-")):
        return None
    slack = sum(sp.Rational(1, 2 * 10 ** len(digits)) for digits in decimals)
    if abs(difference) <= slack:
        return "arithmetic: equal with the decimals written taken as rounded to their digits"
    return None


#: A derivative written right before an integral: ``\frac{\partial}{\partial \theta}\int``, ``\frac{d}{dt}\int``.
_DERIVATIVE_OF_INTEGRAL = re.compile(r"\\[dt]?frac\s*\{\s*(?:\\partial|d)(?:\^\{?\d\}?)?\s*\}\s*\{[^{}]*\}\s*"
                                     r"(?:\\left\s*[\[(]\s*)?\\int")


#: A parameter that names a point, not a variable: x^*, x^{\star}, w_{opt}.
_POINT_MARK = re.compile(r"\^\{?(?:\*|\\ast|\\star)|_\{?(?:opt|\*)")


#: ``\Delta w_{t}``: the step of a stepped quantity (the parser keeps Δ with the name it marks).
_DELTA_NAME = re.compile(r"\\Delta\s*(\S.*)")


#: A remainder written with a norm, ``O(\|p\|^2)``: an expansion in a vector.
_NORM_REMAINDER = re.compile(r"(?:O|\\mathcal\{O\}|o)\s*\(\s*(?:\\\||\\lVert|\\Vert|\|)")


def _along_a_line(side: sp.Expr) -> sp.Expr | None:
    """A side of a vector Taylor expansion in one dimension: the gradient and Hessian of an unknown f as f′ and
    f″ (``\\nabla f(x)`` → ``f'(x)``). None when another vector operation is left (a norm, a named gradient)."""
    swap: dict[sp.Basic, sp.Expr] = {}
    for call in side.atoms(AppliedUndef):
        name = type(call).__name__
        if name == "Norm":
            return None
        m = re.fullmatch(r"\\nabla(?:\^\{?2\}?)?\s+(\S+)", name)
        if m is None:
            continue
        primes = "''" if name.startswith("\\nabla^") else "'"
        swap[call] = sp.Function(m.group(1) + primes)(*call.args)
    return side.xreplace(swap) if swap else side


def _integrals_by_linearity(sa: sp.Expr, sb: sp.Expr) -> str | None:
    """The reason two sides with integrals of unknown functions are equal by linearity alone — each inner product
    expanded bilinearly, each integral split into its terms with constant factors taken out, and every integral
    left read as a number of its own — or None. It only proves: what it cannot match says nothing."""
    if not any(i.atoms(AppliedUndef) for side in (sa, sb) for i in side.atoms(sp.Integral)):
        return None

    def bilinear(e: sp.Expr) -> sp.Expr:
        if not e.has(Inner):
            return e
        def expand(x: Inner) -> sp.Expr:
            out = []
            for p in sp.Add.make_args(sp.expand(x.args[0])):
                for q in sp.Add.make_args(sp.expand(x.args[1])):
                    (cp, rp), (cq, rq) = p.as_coeff_Mul(), q.as_coeff_Mul()
                    out.append(cp * cq * Inner(rp, rq))  # numbers come out; names may be vectors and stay in
            return sp.Add(*out)
        return e.replace(lambda x: isinstance(x, Inner), expand)
    try:
        with time_budget(LINK_SECONDS):
            opaque: dict[sp.Expr, sp.Symbol] = {}
            la, lb = (computation.opaque_calls(_linear_integrals(bilinear(side)), opaque) for side in (sa, sb))
            if la.atoms(AppliedUndef, sp.Integral) or lb.atoms(AppliedUndef, sp.Integral) \
                    or not any(isinstance(x, sp.Integral) for x in opaque):
                return None
            if la == lb or sp.expand(la - lb) == 0:
                return ("by linearity of the integral and of the inner product (each integral of an unknown "
                        "function read as a number): the sides have one expanded form")
            verdict = compare(la, lb, seconds=LINK_SECONDS)
    except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError, RecursionError):
        return None
    if verdict.status != "true":
        return None
    return f"by linearity of the integral (each integral of an unknown function read as a number): {verdict.reason}"


def _linear_integrals(expr: sp.Expr) -> sp.Expr:
    """Each definite integral split by linearity: a sum into its terms, a factor free of the variable taken out,
    a constant integrand integrated (``∫_0^1 f''(x_k)(x_k − x^*) dτ = f''(x_k)(x_k − x^*)``), the derivative of an
    unknown function integrated to its values at the bounds, so that the integrals of an unknown function left are
    compared as values of their own."""
    def split(integral: sp.Integral) -> sp.Expr:
        if len(integral.limits) != 1 or len(integral.limits[0]) != 3:
            return integral
        var, lo, hi = integral.limits[0]
        out = []
        for term in sp.Add.make_args(sp.expand(integral.function)):
            constant, rest = term.as_independent(var, as_Add=False)
            if isinstance(rest, AppliedUndef) and rest.args == (var,) and (prime := primed(type(rest).__name__)) \
                    and prime[1] == 1:
                # ∫₀¹ g'(t) dt = g(1) − g(0) for every differentiable g: the fundamental theorem of calculus
                out.append(constant * (S.symbol(atom_name(prime[0], (hi,))) - S.symbol(atom_name(prime[0], (lo,)))))
                continue
            out.append(constant * ((hi - lo) if rest == 1 else sp.Integral(rest, (var, lo, hi))))
        return sp.Add(*out)
    if not expr.has(sp.Integral):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Integral), split)


def _order_dependent(sa: sp.Expr, sb: sp.Expr) -> str | None:
    """``\\min\\{2/h_1, 2/h_2\\} = 2/h_1``: true exactly when one argument is the least, an order the line
    takes from its context (“because h_1 ≥ h_2”, positive curvatures). When picking one argument of every
    min/max makes the link hold, the claim is about that order: undecided, naming it, never false."""
    nodes = sorted((sa.atoms(sp.Min) | sa.atoms(sp.Max) | sb.atoms(sp.Min) | sb.atoms(sp.Max)), key=sp.default_sort_key)
    if not nodes or len(nodes) > 3 or any(len(n.args) > 4 for n in nodes):
        return None
    for picks in itertools.product(*(n.args for n in nodes)):
        chosen = dict(zip(nodes, picks))
        try:
            if compare(sa.xreplace(chosen), sb.xreplace(chosen), seconds=LINK_SECONDS).status != "true":
                continue
        except (BudgetExceeded, TypeError, ValueError, ZeroDivisionError):
            return None
        orders = "; ".join(f"{printing.text(pick)} is the {'least' if isinstance(node, sp.Min) else 'greatest'} of "
                           f"{', '.join(printing.text(x) for x in node.args)}" for node, pick in chosen.items())
        return f"holds when {orders}: an order of the arguments the line takes from its context, not checked"
    return None


def _specialized(a: sp.Expr, b: sp.Expr, sa: sp.Expr, sb: sp.Expr) -> str | None:
    """Does the link hold once a parameter the definitions bring in (not written in the link) takes a value in
    the link's own letters (``x^{(k+1)} = x^{(k)} − \\frac{1}{L}∇f`` under the rule with step h: h = 1/L)? Then it
    is the rule at a chosen parameter, which the words may or may not state: undecided, with that value."""
    written = a.free_symbols | b.free_symbols
    params = [p for p in (sa.free_symbols | sb.free_symbols) - written
              if isinstance(p, sp.Symbol) and read_index(p) is None and "(" not in p.name]
    if len(params) != 1:
        return None
    p = params[0]
    if sp.count_ops(sa) + sp.count_ops(sb) > 120:
        return None
    try:
        # the rule at a value of a step parameter is linear in it (hx vs x/L): read the root off the linear
        # equation, never ask sp.solve (radicals make it spend the whole budget, and the file is then never cached)
        equation = sp.Poly(sp.numer(sp.together(sa - sb)), p)
        if equation.degree() != 1:
            return None
        value = sp.cancel(-equation.nth(0) / equation.nth(1))
        if not value.free_symbols or not (value.free_symbols <= written) or value.has(p) or any(
                read_index(x) is not None or "(" in x.name for x in value.free_symbols):
            return None  # h = 1/L is a value in the line's letters; ν = 0 drops a term, h = 1/L − x/∇f is no value
        if compare(sa.xreplace({p: value}), sb, seconds=LINK_SECONDS).status != "true":
            return None
    except (BudgetExceeded, sp.PolynomialError, NotImplementedError, TypeError, ValueError, ZeroDivisionError):
        return None
    return (f"holds with {printing.text(p)} = {printing.text(value)}: the rule at a value of its parameter "
            "that this line chooses (state it, e.g. “with h = 1/L”, to have it checked)")


def _event(stmt: Statement) -> bool:
    """``X = x``, ``H_i = h_i``: a random variable (a capital) equal to a value written as its own small letter."""
    if stmt.relations != ["="] or len(stmt.terms) != 2:
        return False
    left, right = (t.expr for t in stmt.terms)
    if not isinstance(left, sp.Symbol) or not isinstance(right, sp.Symbol):
        return False
    a, b = left.name, right.name
    return len(a) == len(b) and a != b and a[0].isalpha() and a[0].isascii() and a[0].swapcase() == b[0] \
        and a[0].isupper() != b[0].isupper() and a[1:] == b[1:] and (len(a) == 1 or a[1] == "_")


#: A capital right before a call of a letter (``Jg(u)``, ``D f(x)``): maybe an operator applied to the function.
_OPERATOR_CALL = re.compile(r"(?<![\\A-Za-z_^{])([A-Z])\s*([a-z])\s*\(")


def _false_message(written: tuple[str, str], sa: sp.Expr, sb: sp.Expr, verdict: Verdict,
                   derived: dict[sp.Symbol, sp.Expr], entry: str | None = None) -> str:
    """One line an author can act on: the link as written, what differs (the entry of a matrix, the first
    coefficient, or the form the definitions give), and a counterexample exact enough to redo by hand."""
    point = dict(verdict.counterexample)
    parts = [f"false equality under the definitions in scope: {_clip(written[0])} = {_clip(written[1])}"]
    if entry:
        parts.append(f"{entry} differs")
    difference = _first_difference(sa, sb)
    if difference:
        parts.append(difference)
    values = ", ".join(f"{printing.text(s)} = {_exact(v)}" for s, v in sorted(point.items(), key=lambda kv: str(kv[0])))
    if values:
        so = ", ".join(f"{printing.text(s)} = {_short(v)}" for s, v in derived.items())
        try:
            left, right = float(sa.xreplace(point).evalf(20)), float(sb.xreplace(point).evalf(20))
            sides = f": left {left:.6g}, right {right:.6g}"
        except (TypeError, ValueError):
            sides = _symbolic_sides(sa.xreplace(point), sb.xreplace(point))  # at y_i = 0 (a case): left 1 − θ, right 1
        parts.append(f"at {values}{f' (so {so})' if so else ''}{sides}")
    return "; ".join(parts)


def _symbolic_sides(left: sp.Expr, right: sp.Expr) -> str:
    """Both sides at a point that leaves letters free (a case of a split, ``y_i = 0``), when they are short: what
    each side is there, for the author to compare."""
    try:
        with time_budget(LINK_SECONDS / 4):
            a, b = (printing.textbook(sp.simplify(side)) for side in (left, right))
    except (BudgetExceeded, TypeError, ValueError, RecursionError):
        return ""
    if max(sp.count_ops(a), sp.count_ops(b)) > 12 or a.has(sp.Piecewise) or b.has(sp.Piecewise):
        return ""
    return f": left {printing.text(a)}, right {printing.text(b)}"


def _first_difference(left: sp.Expr, right: sp.Expr) -> str | None:
    """Name the first variable whose coefficient differs between the sides, or give the form the left side
    (the definitions) has when it is short."""
    variables = sorted((s for s in left.free_symbols | right.free_symbols
                        if read_index(s) is not None or S.role(s) in ("weight", "state", "input")
                        or s.name.startswith(GRADIENT_PREFIX)), key=lambda s: s.name)
    try:
        with time_budget(LINK_SECONDS):
            for var in variables:
                if not calculus.linear_in(left, var) or not calculus.linear_in(right, var):
                    continue
                cl, cr = calculus.coefficient(left, var), calculus.coefficient(right, var)
                if compare(cl, cr, seconds=LINK_SECONDS / 4).status == "false":
                    return (f"the coefficient of {printing.text(var)} is {printing.text(printing.textbook(cr))} on the right, "
                            f"but the definitions give {printing.text(printing.textbook(cl))}")
            generic = _generic(left)
            if sp.count_ops(generic) <= 24 and not variables:
                shown = finite_sums.tidied(generic) if generic.has(sp.Sum) else printing.textbook(generic)
                return f"the definitions give {printing.text(shown)}"
    except (BudgetExceeded, TypeError, ValueError, RecursionError, sp.PolynomialError):
        return None  # no hint is better than none at all; the finding stands without it
    return None


def _generic(expr: sp.Expr) -> sp.Expr:
    """A geometric sum's value for β ≠ 1: the last branch of each Piecewise, as a textbook states it."""
    return expr.replace(lambda e: isinstance(e, sp.Piecewise), lambda e: e.args[-1][0])


def _exact(value: object) -> str:
    """A counterexample value exactly: decimals as written (0.207), other rationals as fractions."""
    if isinstance(value, sp.Rational) and not isinstance(value, sp.Integer):
        q = value.q
        while q % 10 == 0:
            q //= 10
        while q % 2 == 0 or q % 5 == 0:
            q //= 2 if q % 2 == 0 else 5
        if q == 1:
            return str(sp.Float(value, 15)).rstrip("0").rstrip(".") if value.q <= 10 ** 6 else f"{value.p}/{value.q}"
        return f"{value.p}/{value.q}"
    return str(value)


def _clip(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"

