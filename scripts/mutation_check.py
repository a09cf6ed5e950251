"""Break the engine's and the checker's key decisions on purpose, one at a time, and see a test go red.

Each mutation is a textual patch (one snippet of one file replaced by another) applied to a fresh
copy of the project; the tests that should notice run against that copy (``PYTHONPATH`` points at
it, so the installed package is not touched). A mutation is *caught* when those tests fail, and
*survived* when they pass: then a test has a hole. The tests are first run on the unmutated copy
(the baseline), so that a test that fails anyway cannot pass for a catch.

A mutation whose snippet is no longer in its file is *stale*: the list must follow the code. Those
needing PyTorch are not run without it, except under CI (``CI`` set), where that is a failure.

Run: python scripts/mutation_check.py [--jobs N] [--only ID …] [--list]
Exit status: 0 when every mutation was caught, 1 otherwise.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPY = ("derive", "templates", "tests", "out", "pyproject.toml")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "node_modules", ".pytest_cache")


@dataclass(frozen=True)
class Mutation:
    id: str
    file: str
    before: str | tuple[str, ...]  # one snippet, or alternatives (for the file as it is on other branches)
    after: str | tuple[str, ...]  # what replaces it (paired with the alternatives)
    tests: tuple[str, ...]  # pytest arguments: files, node ids, or "-k …"
    why: str  # the decision it breaks
    needs: str | None = None  # a module that must be importable (torch)

    def apply(self, text: str) -> str | None:
        """The mutated text, from the first alternative found exactly once; None if none is."""
        befores = (self.before,) if isinstance(self.before, str) else self.before
        afters = (self.after,) if isinstance(self.after, str) else self.after
        for before, after in zip(befores, afters):
            if text.count(before) == 1:
                return text.replace(before, after)
        return None


M = Mutation
MUTATIONS: tuple[Mutation, ...] = (
    # -- the engine --------------------------------------------------------------------------------
    M("numeric-truncate", "derive/numeric.py",
      ("for step in range(1, steps + 1):", "for step in range(first_step, first_step + steps):"),
      ("for step in range(1, min(steps, 1) + 1):", "for step in range(first_step, first_step + min(steps, 1)):"),
      ("tests/test_derivation.py",),
      "trajectories cut to one step"),
    M("numeric-shape", "derive/numeric.py", "if not a or len(a) != len(b):\n        return math.inf",
      "if not a:\n        return math.inf", ("tests/test_derivation.py",),
      "the trajectory comparison ignores a length mismatch"),
    M("numeric-nan", "derive/numeric.py",
      "if not (math.isfinite(x) and math.isfinite(y) and math.isfinite(difference)):",
      "if False:", ("tests/test_derivation.py",), "the trajectory comparison lets NaN through"),
    M("proof-ignores-symbolic", "derive/proof.py", "    if zero is True:\n", "    if True:\n",
      ("tests/test_proof.py",), "compare calls agreement at random points alone a proof"),
    M("proof-numeric-blind", "derive/proof.py", "if float(abs(d)) > 1e-9 * scale:", "if float(abs(d)) > 1e9 * scale:",
      ("tests/test_proof.py", "tests/test_check_notes.py"), "random points never refute"),
    M("derive-decay-sign", "derive/derivation.py", "    decay = 1 - shrink\n", "    decay = 1 + shrink\n",
      ("tests/test_derivation.py",), "g(λ) = 1 + … instead of 1 − …"),
    M("derive-h-sign", "derive/derivation.py", "h = _tidy(-remainder / system.rate, system)",
      "h = _tidy(remainder / system.rate, system)", ("tests/test_derivation.py",), "the sign of h"),
    M("analysis-always-uniform", "derive/analysis.py", 'kind: Kind = "per-coordinate" if depends else "uniform"',
      'kind: Kind = "uniform"', ("tests/test_derivation.py",), "per-coordinate decay classified uniform"),
    M("adam-second-moment", "derive/blocks.py", "(1 - b2) * grad ** 2", "(1 - b2) * grad",
      ("tests/test_torch_conformance.py",), "Adam's v_t without the square", needs="torch"),
    M("adam-bias-correction", "derive/blocks.py",
      ("S.m / (1 - b1 ** S.t)", 'S.m / (1 - b1 ** S.t), "bias correction of the first moment")\n        if eps_on'),
      ("S.m / (1 - b1)", 'S.m / (1 - b1), "bias correction of the first moment")\n        if eps_on'),
      ("tests/test_torch_conformance.py", "tests/test_derivation.py"), "bias correction without ^t"),
    M("l2-after-preconditioner", "derive/blocks.py", "update=chain.update + coefficient * S.w_prev",
      "update=chain.update + 2 * coefficient * S.w_prev", ("tests/test_torch_conformance.py",),
      "the L2/decay block adds 2λw", needs="torch"),
    # -- the checker -------------------------------------------------------------------------------
    M("verify-false-is-info", "derive/check/verify.py", '"error", "math/false", _false_message(',
      '"info", "math/false", _false_message(', ("tests/test_check_notes.py",),
      "a false link is not an error"),
    M("verify-dots-blind", "derive/check/verify.py",
      '            if verdict.status == "false":\n                self.report(item, claimed_term.start, "error", "math/coefficient",',
      '            if verdict.status == "never":\n                self.report(item, claimed_term.start, "error", "math/coefficient",',
      ("tests/test_check_notes.py",), "a wrong coefficient before \\dots passes"),
    M("verify-raises", "derive/check/verify.py", "    def verify(self) -> list[Finding]:\n        self.bind()",
      "    def verify(self) -> list[Finding]:\n        raise RuntimeError('mutant')", ("tests/test_check_robust.py",),
      "a verifier that always raises (turned into a warning by the checker)"),
    M("catalog-twice-blind", "derive/check/catalog_match.py", "d.expr.xreplace({S.lam: 2 * S.lam}) if d.target == S.g else d.expr",
      "d.expr if d.target == S.g else d.expr", ("tests/test_check_notes.py", "tests/test_check_catalog_match.py"),
      "L2 counted twice is not recognised"),
    M("lint-no-beamer", "derive/check/lint.py", "elif name is not None and name in BEAMER_MACROS and name not in defined:",
      "elif False:", ("tests/test_check_notes.py",), "\\alert is not reported"),
    M("parser-fraction-upside-down", "derive/check/latex.py", "return numerator * sp.Pow(denominator, -1)",
      "return denominator * sp.Pow(numerator, -1)", ("tests/test_check_latex.py",), "\\frac{a}{b} read as b/a"),
    M("parser-raises-inside", "derive/check/latex.py", "        return sp.binomial(n, k)\n",
      "        return sp.binomial(n, k) + {}\n", ("tests/test_check_latex.py",),
      "an exception inside the parser (hidden by its catch-all)"),
    M("parser-no-power-bound", "derive/limits.py",
      '    if _exponent_too_large(exponent):\n        return f"the exponent',
      '    if False:\n        return f"the exponent', ("tests/test_limits.py",), "x^{10^8} is built"),
    M("heuristics-set-order", "derive/check/heuristics.py",
      "for s in sorted(both.free_symbols, key=lambda s: s.name):", "for s in both.free_symbols:",
      ("tests/test_check_input.py::test_output_is_the_same_for_every_hash_seed",),
      "a message depends on the hash seed"),
    # -- input bounds, budgets, parallel runs, cache, writer ----------------------------------------
    M("files-any-file", "derive/check/files.py", "        if not stat.S_ISREG(info.st_mode):",
      "        if False:", ("tests/test_check_input.py",), "devices and FIFOs are read"),
    M("files-no-size-limit", "derive/check/files.py", "    if len(raw) > max_bytes:  # it grew while we looked, or its size lied (/proc)",
      "    if False:", ("tests/test_check_input.py",), "no size limit on what is read (stat can lie: /proc)"),
    M("files-empty-folder-passes", "derive/check/files.py", "            if not found:", "            if False:",
      ("tests/test_check_input.py",), "a folder with no notes exits 0"),
    M("budget-watchdog-silent", "derive/budget.py", "            _raise_in(ident, _fire(budget))",
      "            _fire(budget)", ("tests/test_budget.py", "tests/test_check_threads.py"),
      "budgets do nothing off the main thread"),
    M("budget-hard-is-soft", "derive/budget.py", "return HardBudgetExceeded if self.hard else _Expired",
      "return _Expired", ("tests/test_budget.py",), "a file budget swallowed by a link's except"),
    M("budget-no-repeat", "derive/budget.py", "            heapq.heappush(_queue, (now + REPEAT, next(_serial), ident))",
      "            pass", ("tests/test_budget.py",), "a swallowed budget is never raised again"),
    M("pool-no-kill", "derive/check/pool.py", "elif limit is not None and time.monotonic() - worker.started >= limit:",
      "elif False:", ("tests/test_check_pool.py::test_a_stuck_worker_is_killed_and_a_dead_one_replaced",),
      "a stuck worker is never killed"),
    M("cache-ignores-content", "derive/check/cache.py",
      "for part in (tool_fingerprint(), path, options_digest(options), config, content):",
      "for part in (tool_fingerprint(), path, options_digest(options), config):", ("tests/test_check_pool.py",),
      "a changed file is served from the cache"),
    M("cache-keeps-timed-out", "derive/check/pool.py", "if cache is not None and entry_key is not None and not timed and not _input_problem(report):",
      "if cache is not None and entry_key is not None:", ("tests/test_check_pool.py",),
      "a result that depended on timing is cached"),
    M("writer-no-stale", "derive/writer.py", "    if complete and out_dir.is_dir():", "    if False:",
      ("tests/test_render_writer.py",), "render --check misses stale files"),
    M("writer-keeps-leftovers", "derive/writer.py", "            leftover.unlink()", "            pass",
      ("tests/test_render_writer.py",), "a .tmp of an interrupted render survives the next one"),
    # -- claims in the shape of definitions, equations, derivatives ------------------------------
    M("claims-no-restated-rows", "derive/check/claims.py",
      "    if len(definitions) < 2:\n        return False\n    rows = [it.stmt.row for it in definitions]",
      "    if True:\n        return False\n    rows = [it.stmt.row for it in definitions]",
      ("tests/test_check_claims.py",), "rows restating one name are read as two systems side by side"),
    M("equation-any-quotient", "derive/check/verify.py",
      "if sp.gcd(denominator, sp.numer(sp.together(difference))).free_symbols:", "if False:",
      ("tests/test_check_claims.py",), "any quotient counts as the factor of an earlier equation"),
    M("catalog-match-wrong-symbols", "derive/check/catalog_match.py",
      "_reachable(system.weight, by_target) if sym not in by_target)",
      "system.definitions[-1].expr.free_symbols if sym not in by_target)",
      ("tests/test_check_catalog_match.py",), "variants filtered by symbols that are not their step's"),
    M("derivative-order-one", "derive/check/calculus.py",
      "sp.diff(_square_norms(operand), *((var, int(n)) for var, n in counts))",
      "sp.diff(_square_norms(operand), *((var, 1) for var, n in counts))",
      ("tests/test_check_claims.py",), "higher derivatives of an expression taken once"),
    M("linear-through-denominators", "derive/check/calculus.py",
      "return False  # g·(√v + ε)⁻¹", "return True  # g·(√v + ε)⁻¹",
      ("tests/test_check_linear.py",), "a variable in a denominator counted as linear"),
    M("substitute-one-level", "derive/check/bind.py",
      "written[sym] = roots.replace(body, inner)", "written[sym] = body",
      ("tests/test_check_notes.py",), "definitions substituted one level deep only"),
    M("inner-equalities-dropped", "derive/check/latex.py",
      "inner = [span for tokens in raw.terms for span in _inner_equalities(tokens)]", "inner = []",
      ("tests/test_check_document.py",), "an = inside brackets gets no link (silence)"),
    M("bookdown-theorems-are-code", "derive/check/markdown.py",
      'return flavor == "rmarkdown" and m is not None', 'return flavor == "never" and m is not None',
      ("tests/test_check_document.py",), "math in a bookdown theorem fence unread"),
    M("norm-without-root", "derive/check/dimensions.py",
      "mapping[norm] = sp.sqrt(sp.Sum(base[index] ** 2, (index, lo, hi)))",
      "mapping[norm] = sp.Sum(base[index] ** 2, (index, lo, hi))",
      ("tests/test_check_dimensions.py",), "a norm read as the sum of squares without its root"),
    M("catalog-index-ignored", "derive/check/catalog_match.py",
      "frozenset(S.symbol(n) for n in symbols)", "frozenset(S.symbol(n) for n in symbols[1:])",
      ("tests/test_check_catalog_match.py",), "the generated catalog table is not what the catalog gives"),
    M("catalog-value-stale", "derive/check/catalog_match.py",
      "_SEED = 20191", "_SEED = 20192",
      ("tests/test_check_catalog_match.py",), "the stored catalog values are not at the point identify draws"),
    M("coefficient-drops-factor", "derive/check/calculus.py",
      "return sp.Mul(*rest) * coefficient(holding[0], var)", "return sp.Mul(*rest)",
      ("tests/test_check_linear.py",), "a coefficient read off the tree loses its inner factor"),
    M("display-bug-ends-file", "derive/check/verify.py",
      "                self._verify_guarded(item)\n", "                self._verify_item(item)\n",
      ("tests/test_check_equation_steps.py",), "one display's checker bug leaves the rest of the file unexamined"),
    M("no-soft-deadline", "derive/check/verify.py",
      "time.monotonic() > self.deadline[0]", "time.monotonic() > self.deadline[0] + 1e9",
      ("tests/test_check_equation_steps.py",), "a file out of time is verified on instead of stopping with its reason"),
    M("stationarity-not-an-equation", "derive/check/verify.py",
      "return len(sides) == 2 and 0 in sides and", "return False and",
      ("tests/test_check_equation_steps.py",), "an expression set to zero is not an equation later links derive from"),
    # -- context: what a formula may be checked against (false errors on unseen notes) ------------------
    M("worked-steps-recurrence", "derive/check/recurrence.py",
      "self.listed = frozenset(base for (base, _), found in rows.items()",
      "self.listed = frozenset() and frozenset(base for (base, _), found in rows.items()", ("tests/test_check_context.py",),
      "a worked list of steps is generalised into a recurrence"),
    M("state-left-unexpanded", "derive/check/verify.py",
      " or not all(_older(state, var) for state in left_states):", ":",
      ("tests/test_check_context.py",), "a coefficient is compared beside a state the definitions leave unexpanded"),
    M("stated-fact-unused", "derive/check/verify.py",
      "(fact := self._stated_fact(item, a, b, definitions)) is not None", "(fact := None) is not None",
      ("tests/test_check_context.py",), "a fact stated about an expression (‖h‖ = 1) is ignored"),
    M("where-definition-ignored", "derive/check/verify.py",
      "(later := self._defined_after(item, left, right, sa, sb, definitions)) is not None",
      "(later := None) is not None", ("tests/test_check_context.py",),
      "a name defined right after the claim (“where α = …”) is left free"),
    M("unread-redefinition-ignored", "derive/check/verify.py",
      "(shadow := self._unread_redefinition(item, a, b)) is not None", "(shadow := None) is not None",
      ("tests/test_check_context.py",), "an unreadable redefinition leaves the older definition in force"),
    M("other-method-restatement", "derive/check/verify.py",
      "(scheme := self._restated_row_scheme(item, left.expr))", "(scheme := None)",
      ("tests/test_check_context.py",), "a row restated after another method is named is reported as a slip"),
    M("several-step-indices", "derive/check/recurrence.py",
      '            return _several(m.group("base"), m.group("idx"), style) if style == "sub" else None',
      "            return None", ("tests/test_check_recurrence.py",),
      "g_{t,t-1} is not read as one quantity at a step, so d2l's unrolled momentum is not checked"),
    M("ellipsis-bridge", "derive/check/verify.py",
      "            if across is not None and left.expr == DOTS:", "            if False:",
      ("tests/test_check_recurrence.py",), "a chain A = … = B never compares A with B"),
    M("sum-index-shift", "derive/check/induction.py",
      "    difference = _absolute(_indexed(closed - step, bases, letter))",
      "    difference = _indexed(closed - step, bases, letter)", ("tests/test_check_recurrence.py",),
      "a closed form over the steps back (Σ_{τ<t} β^τ g_{t−τ}) is never proved by induction"),
    M("value-in-words-unread", "derive/check/verify.py",
      "            if item.stated_value is not None:", "            if False:",
      ("tests/test_check_other_schemes.py",), "$\\beta$=0.98 (the = outside the math) is not read: an older β applies"),
    M("stale-value-trusted", "derive/check/verify.py",
      "        elif used and (stale := prose_values.stale_value(self, item, used)) is not None:",
      "        elif False:", ("tests/test_check_other_schemes.py",),
      "arithmetic is false with an earlier section's β although the section names β again"),
    M("other-scheme-ignored", "derive/check/verify.py",
      "            if (scheme := other_schemes.other_scheme(self, item, a, b, definitions)) is not None:",
      "            if False:", ("tests/test_check_other_schemes.py",),
      "an answer key's AdamW line is refuted against the Adam line restated before it"),
    M("other-scheme-loose", "derive/check/other_schemes.py",
      "        if not beyond:\n            continue", "        if False:\n            continue",
      ("tests/test_check_other_schemes.py",),
      "a slip that reads nothing beyond the scheme in force is excused by another scheme"),
    M("superscript-steps", "derive/check/verify.py",
      "                reason = self._superscript_steps(written_text)", "                reason = None",
      ("tests/test_check_readings.py",), "h^2 = (w^1 + w^2)/2 is refuted as powers where w^1 marks steps"),
    M("chance-factor", "derive/check/verify.py",
      "                if factor.free_symbols and len(difference.free_symbols) == 1:", "                if False:",
      ("tests/test_check_readings.py",), "a claim is 'proved' from an equation through a factor that divides by chance"),
    M("let-redefines", "derive/check/verify.py",
      "                    and _LET.search(self._words_before(item.index, 40)):", "                    and False:",
      ("tests/test_check_context.py",), "'so let x_h = x_{p+1}' is refuted against the other branch's x_h"),
    M("approx-truncated", "derive/check/arithmetic.py",
      "        allowed *= 2 ", "        allowed *= 1 ", ("tests/test_check_arithmetic.py",),
      "≈ 4.96 for 4.9535 (a unit more than rounding) is called false"),
    M("order-as-count-grows", "derive/check/asymptotic.py",
      "    if _counts_steps(var, left, right):", "    if False:", ("tests/test_check_asymptotic.py",),
      "t_k = O(k) is expanded as k → 0 and refuted"),
    M("gradient-not-a-vector", "derive/check/matrices.py",
      '        if tok.kind == "macro" and tok.text == "nabla":', "        if False:",
      ("tests/test_check_matrices.py",), "∇f(x)^T A p = p^T A ∇f(x) is proved as numbers (A need not be symmetric)"),
    M("pi-a-name", "derive/check/verify.py",
      "            if (circle := _as_the_number_pi(sa, sb)) is not None:", "            if (circle := None) is not None:",
      ("tests/test_check_readings.py",), "cos²x = sin²(π/2 − x) is refuted with π read as a name"),
    M("later-definition-loose", "derive/check/verify.py",
      '        if verdict.status == "false" and not loose and all(', '        if verdict.status == "false" and all(',
      ("tests/test_check_readings.py",), "a name defined later is blamed for a difference that free names make"),
    M("value-at-iterate-defines", "derive/check/verify.py",
      "        if not rhs.free_symbols and _STEP_NUMBER.search(_source(item, stmt.terms[0])):", "        if False:",
      ("tests/test_check_readings.py",), "f(x^1) = 3.2755 defines a constant f that refutes f(x^0) = 17"),
    M("rounded-inputs-exact", "derive/check/verify.py",
      "        elif used and (rounded := _within_rounded_inputs(", "        elif False and (rounded := _within_rounded_inputs(",
      ("tests/test_check_arithmetic.py",), "f'(x) = 0.205 from the unrounded iterate shown as 0.102 is called false"),
    M("half-unit-excluded", "derive/check/arithmetic.py",
      " * (1 + sp.Rational(1, 10 ** 30)):", ":", ("tests/test_check_arithmetic.py",),
      "0.0405 written 0.041 (exactly half a unit) is called false"),
    M("admonition-title-is-text", "derive/check/lint.py",
      r'|\\end\{|(?:!!!|\?\?\?\+?|===)(?:\s|$))"', r'|\\end\{)"', ("tests/test_sites.py",),
      "a display that opens an MkDocs admonition is reported as glued to text"),
    M("closed-form-names-new", "derive/check/recurrence.py",
      "        if not self.by_base:\n            return set()\n        bases = self.modelled()",
      "        if True:\n            return set()\n        bases = self.modelled()",
      ("tests/test_check_recurrence.py::test_a_closed_form_right_after_its_recurrence_is_a_claim",
       "tests/test_check_recurrence.py::test_a_chain_that_states_its_recurrence_first_unrolls_it_in_its_next_links"),
      "a closed form written right after its recurrence is dropped as naming something new"),
    M("before-start-false", "derive/check/verify.py",
      "            if (blocked := recurrences.blocked & (sa.free_symbols | sb.free_symbols)):",
      "            if (blocked := set() & (sa.free_symbols | sb.free_symbols)):",
      ("tests/test_check_recurrence.py::test_a_step_through_a_look_ahead_point_is_instantiated_with_its_start",),
      "a link that reads a step before an unstated start is called false"),
    M("step-before-start", "derive/check/recurrence.py",
      "    return any(isinstance(s, sp.Symbol) and _NEGATIVE.search(s.name) for s in value.free_symbols)",
      "    return False",
      ("tests/test_check_recurrence.py::test_a_step_through_a_look_ahead_point_is_instantiated_with_its_start",),
      "a step is instantiated from the step before the start (y_0 from x_{-1}, which the notes never give)"),
    M("plain-rows-unrolled", "derive/check/recurrence.py",
      "        return any((ix := read(s)) is not None and ix.letter is None and ix.base in self.plain",
      "        return bool(self.plain) or any((ix := read(s)) is not None and ix.base in self.plain",
      ("tests/test_check_recurrence.py::test_definitions_at_every_step_are_put_in_at_numbered_steps_only",
       "tests/test_check_recurrence.py::test_rows_that_read_each_other_are_not_unrolled_into_each_other"),
      "definitions at every step that read each other are unrolled into each other at symbolic steps"),
    M("exit-without-flush", "derive/cli.py",
      "        sys.stdout.flush()\n        sys.stderr.flush()\n", "        pass\n",
      ("tests/test_cli.py::test_the_command_skips_teardown_but_loses_no_output",),
      "the command's fast exit drops output still in the buffers"),
    M("kramdown-commonmark-fences", "derive/check/markdown.py",
      '        elif tok.type == "fence" and flavor == "kramdown" and not _kramdown_fence(text_lines, first, stop):',
      '        elif tok.type == "fence" and flavor == "kramdown" and not True:',
      ("tests/test_check_document.py::test_kramdown_opens_a_fence_only_on_its_own_rule",),
      "a kramdown page is cut at a line CommonMark takes for a fence (`~~~~ &= …` inside a formula)"),
    M("reference-definitions-read", "derive/check/markdown.py",
      "        if not covered[k] and _REFERENCE_DEFINITION.match(line):", "        if False:",
      ("tests/test_check_document.py::test_link_reference_definitions_are_never_math",),
      "a link reference definition (`[//]: # (…)`, a README comment) is read as text with math"),
    M("worked-step-is-given", "derive/check/verify.py",
      "                and (worked := worked_values.computed_step(self, item, terms[0].expr)) is not None:",
      "                and (worked := None) is not None:",
      ("tests/test_check_recurrence.py::test_worked_values_of_a_recurrence_are_checked_to_the_digits_written",),
      "a worked value of a recurrence (m_3 = 0.28) is taken as a value the notes give"),
    M("root-asks-signs", "derive/check/roots.py",
      "    costly = [f for f in base.args if f.has(sp.Add) and f.free_symbols]",
      "    costly = []",
      ("tests/test_check_roots.py",),
      "the root of a substituted product asks SymPy the sign of every sum in it again"),
    M("brace-note-dropped", "derive/check/nested.py",
      "            out.append(Annotation(body + note, tok.start))",
      "            pass",
      ("tests/test_check_document.py::test_a_brace_note_is_a_claim_of_its_own",),
      "an \\underbrace note (= value) is not checked as a claim"),
    M("nested-relation-silent", "derive/check/nested.py",
      "        out.append(Nested(left, right, condition))",
      "        pass",
      ("tests/test_check_document.py::test_every_nested_equality_is_in_the_links",),
      "an = inside an \\overbrace or a matrix vanishes from the links report"),
    M("chain-forgets-its-recurrence", "derive/check/verify.py",
      "                definitions, own_rule = self._definitions(item, own=True), False",
      "                own_rule = False",
      ("tests/test_check_recurrence.py::test_a_chain_that_states_its_recurrence_first_unrolls_it_in_its_next_links",),
      "the links after a recurrence in the same chain are checked without it"),
    M("unrolled-side-not-through-head", "derive/check/verify.py",
      "                left = stmt.terms[0]  # m_t = β²m_{t-2} + … = (1−β)Σβ^{t−i}g_i: the head equals the closed form",
      "                pass",
      ("tests/test_check_recurrence.py::test_a_partly_unrolled_side_equal_to_a_closed_form_is_decided_through_the_chain_head",),
      "a partly unrolled side against a closed form is left undecided"),
    M("kramdown-escapes-kept", "derive/check/extract.py",
      "            text = kramdown_unescaped(text)",
      "            pass",
      ("tests/test_check_document.py::test_kramdown_text_math_is_read_after_kramdowns_escapes",),
      "math in kramdown text is read with the backslashes kramdown drops"),
    M("trace-no-rotation", "derive/check/matrices.py",
      "        spelled = min(v[i:] + v[:i] for v in (w, back) for i in range(len(v)))",
      "        spelled = min(w, back)",
      ("tests/test_check_trace.py",), "tr(AB) = tr(BA) not proved: a trace's rotations are different names"),
    M("matrix-norm-coordinatewise", "derive/check/bind.py",
      "    expr = expr.replace(lambda e: _is_norm(e) and _operator_norm(e), lambda e: OperatorNorm(*e.args))",
      "    expr = expr",
      ("tests/test_check_operator_norm.py",), "‖I − ηA‖₂ = 1 − μ/L refuted as |1 − ηA| on random numbers"),
    M("condition-at-start-values", "derive/check/verify.py",
      "                and 0 in (left.expr, right.expr):",
      "                and 0 in (left.expr, right.expr) and False:",
      ("tests/test_check_condition_values.py",), "2θ₀ + θ₁ = 0 refuted at the starting values θ₀ = 2, θ₁ = 3"),
    M("result-after-implies-unread", "derive/check/verify.py",
      '            if relation == "=" and (k == 0 or stmt.relations[k - 1] == "=>") \\',
      '            if relation == "=" and k == 0 \\',
      ("tests/test_check_condition_values.py",), "θ₀ = −θ₁/2 after ⇒ compared with the starting value θ₀ = 2"),
    M("budget-enter-leaks", "derive/budget.py",
      "            self.__exit__(None, None, None)\n            raise",
      "            raise",
      ("tests/test_budget.py",), "a budget entered while its deadline passes stays registered and raises later"),
    M("old-section-function-refutes", "derive/check/verify.py",
      "            if isinstance(expr, AppliedUndef):  # a side that is the function itself: the link says what it is",
      "            if False:",
      ("tests/test_check_reused_names.py",), "∇f(x) = Ax − b refuted by an f(x) = x⁴ + … defined on an earlier slide"),
    M("word-defined-name-refutes", "derive/check/verify.py",
      "and _MARKED.match(x.name) and read_index(x) is None",
      "and False and read_index(x) is None",
      ("tests/test_check_reused_names.py",), "a ŷ meant as h(x) in words refuted as a free number"),
    M("new-scheme-not-in-force", "derive/check/verify.py",
      "            if index < self.upto and index in self.schemes:",
      "            if False:",
      ("tests/test_check_condition_rewrites.py",), "α = ȳ − βx̄ named anew is ignored: the substitution for α is not proved"),
    M("lead-in-words-dropped", "derive/check/prose.py",
      "            if _CLAIM.search(lead) and not _DEFINE.search(lead) and not _CONDITION.search(lead):",
      "            if False:",
      ("tests/test_check_condition_rewrites.py",), "“and rearranging terms⏎⏎$$…$$”: the words before a display are not its own"),
    M("rewrite-never-refuted", "derive/check/condition_chain.py",
      "            if item.rearranged and _letters(now) == _letters(before) and common \\",
      "            if False \\",
      ("tests/test_check_condition_rewrites.py",), "a rearranged condition with a sign slip passes as a new condition"),
    M("prose-equals-unjoined", "derive/check/prose_equals.py",
      "    return gap_start <= gap_end and _GAP.fullmatch(source, gap_start, gap_end) is not None",
      "    return False",
      ("tests/test_check_prose_equals.py",), "$a$ = $b$ in prose: the = between two formulas is never compared"),
    M("mkdocs-script-delimiters-ignored", "derive/check/script_math.py",
      "            found = _katex_delimiters(text)\n",
      "            found = None\n",
      ("tests/test_mkdocs_script.py",), "a site's renderMathInElement delimiters are not read: its math is read by the defaults"),
    M("notebook-dollars-pandoc", "derive/check/markdown.py",
      'browser_dollars=flavor in ("kramdown", "jupyter") or script)',
      'browser_dollars=flavor in ("kramdown",) or script)',
      ("tests/test_check_document.py::test_notebook_dollars_pair_as_mathjax_pairs_them",),
      "a notebook's $x = 1 $ (space before the closing dollar) pairs with the next $ as Pandoc would"),
    M("tuple-transpose-guarded", "derive/check/verify.py",
      "and not _tuple_transposes_only(written_text):",
      ":",
      ("tests/test_check_tuple_transpose.py",), "∇f = [2x₁, 2x₂]ᵀ left undecided as matrix algebra (a slip in a gradient missed)"),
    M("value-condition-not-applied", "derive/check/verify.py",
      "            if item.assumed and not conditions and not self._condition_given_as_value(item):",
      "            if item.assumed and not conditions:",
      ("tests/test_check_value_condition.py",), "“当 β₁ = 0.9 时，v₁ = 0.01 g₁”: a slip under a value given in its sentence left undecided"),
    M("plus-minus-one-sign", "derive/check/plus_minus.py",
      "        if a is not None and a[0] == \"false\" or b is not None and b[0] == \"false\":",
      "        if a is not None and a[0] == \"false\":",
      ("tests/test_check_plus_minus.py",), "x = (−b ± √…)/2a wrong for the minus sign only passes"),
    M("labelled-step-unread", "derive/check/recurrence.py",
      "        labelled = _LABELLED.match(m.group(\"idx\")) if style == \"sub\" else None",
      "        labelled = None",
      ("tests/test_check_labelled_steps.py",), "V_{dw(1)} = βV_{dw(0)} + (1−β)dW_{(1)} not read as the rule at t = 1"),
    M("sum-coefficient-taken-as-zero", "derive/check/verify.py",
      "            if not calculus.linear_in(explicit_s, var) or _summed(other_s, var):",
      "            if not calculus.linear_in(explicit_s, var):",
      ("tests/test_check_labelled_steps.py",), "the term in W_(1) of an expansion called wrong against Σ_i W_(i)"),
    M("stacked-displays-apart", "derive/check/verify.py",
      "            self._continues[b.index] = a.index\n",
      "            pass\n",
      ("tests/test_check_stacked_displays.py",), "$$v_1 = …$$ stacked under $$v_1 = …$$ read as a new value, its arithmetic slip missed"),
    M("text-bold-letter-as-text", "derive/check/latex_tokens.py",
      "            if name in _LETTER_FONTS and len(arg.strip()) == 1",
      "            if False and len(arg.strip()) == 1",
      ("tests/test_check_text_letters.py",), "\\textbf{X} in math read as text: the normal equations around it never read"),
    M("bold-number-unread", "derive/check/arithmetic.py",
      "    text = unstyled(text)\n",
      "    pass\n",
      ("tests/test_check_arithmetic.py::test_a_result_set_in_bold_is_the_number_written",),
      "a worked result set in bold (\\mathbf{0.3}) not read as a number: its arithmetic never checked"),
    M("other-step-letter-new", "derive/check/verify.py",
      "            if one_sided and (renamed := self._at_another_step(item, left, right, definitions)) is not None:",
      "            if False and (renamed := self._at_another_step(item, left, right, definitions)) is not None:",
      ("tests/test_check_other_step_letter.py",), "v_k = … + β^{k−1}(1−β)g_2 + … after v_t = βv_{t−1} + …: a slip at step k read as a new name"),
    M("unroll-toward-far-start", "derive/check/recurrence.py",
      "                    and low[(ix.base, None)] - ix.offset <= reach:",
      "                    :",
      ("tests/test_check_far_steps.py",), "v_100 = 0.1θ_100 + 0.9v_99 with v_0 = 0: the sides unrolled part of the way and cut at different steps"),
    M("enumeration-label-as-factor", "derive/check/latex_tokens.py",
      "    return Tokenizer(without_labels(without_overlays(plain_letters(text)))).run()",
      "    return Tokenizer(without_overlays(plain_letters(text))).run()",
      ("tests/test_check_enumeration_labels.py",), "(2) \\ (AB)ᵀ = BᵀAᵀ read as 2·(AB)ᵀ and refuted"),
    M("far-step-message-symbolic", "derive/check/verify.py",
      "                sa, sb, verdict = sa.xreplace(used), sb.xreplace(used), at_values",
      "                pass",
      ("tests/test_check_far_steps.py",), "a slip after “let β = 0.9” named as θ_100 against a symbolic 1 − β instead of the term that differs"),
    M("result-through-a-matrix", "derive/check/condition_chain.py",
      "                root = _solve(condition, name) if scalar else None",
      "                root = _solve(condition, name)",
      ("tests/test_check_derivation_across.py::test_a_result_solved_through_a_matrix_is_never_proved_in_a_scalar_reading",),
      "x = −bA⁻¹ proved from Ax + b = 0 in a scalar reading"),
    M("continuation-dropped", "derive/check/continuation.py",
      "    item.stmt.terms[0] = continued.term\n",
      "",
      ("tests/test_check_derivation_across.py",),
      "a link with nothing on its left is left unparsed instead of continuing the chain"),
    M("restated-model-refuted", "derive/check/verify.py",
      "(model := restated_models.new_model(self, item, left, right)) is not None",
      "(model := None) is not None",
      ("tests/test_restated_models.py",),
      "a function written again as a new model is refuted against the first"),
    M("expansion-ignores-values-given", "derive/check/verify.py",
      "                given = {name: value for name, value in self._examples(item).items() if name in actual.free_symbols}",
      "                given = {}",
      ("tests/test_check_recurrence.py::test_numbers_in_an_expansion_are_the_coefficients_at_the_values_given",),
      "an expansion in numbers after \"let β = 0.9\" compared with the symbolic coefficients"),
    M("inductive-step-as-closed-form", "derive/check/verify.py",
      "            or ix.letter is None or ix.offset != 0:",
      "            or ix.letter is None:",
      ("tests/test_check_recurrence.py::test_an_inductive_step_is_never_refuted_as_a_closed_form_of_the_next_step",),
      "an inductive step m_{t+1} = … = Σ read as a closed form of the next step"),
    M("sized-call-read-as-product", "derive/check/verify.py",
      "_CALL_OR_PRODUCT.finditer(unsized)",
      "_CALL_OR_PRODUCT.finditer(written_text)",
      ("tests/test_restated_models.py::test_a_further_model_after_the_new_feature_is_never_refuted",),
      "h_θ\\left( x \\right) not doubted as a call read as a product"),
    M("overlays-hide-rows", "derive/check/latex_tokens.py",
      "    return Tokenizer(without_labels(without_overlays(plain_letters(text)))).run()",
      "    return Tokenizer(without_labels(plain_letters(text))).run()",
      ("tests/test_check_document.py::test_beamer_overlays_hold_the_rows_they_uncover",),
      "rows inside \\uncover<+->{…} read one level down, never as statements"),
    M("proved-from-undecided-premise", "derive/check/verify.py",
      "            if source.endswith(_UNDECIDED_PREMISE):",
      "            if False:",
      ("tests/test_check_claims.py::test_a_link_derived_from_an_undecided_equation_is_only_as_good_as_it",),
      "a link proved from an equation the checker could not decide"),
    M("jekyll-config-read-as-jupyter-book", "derive/check/flavors.py",
      "(jb1 and (jb1 - _SHARED_KEYS or not _JEKYLL_KEYS & set(data)))",
      "jb1",
      ("tests/test_check_document.py::test_a_jekyll_config_with_github_metadata_stays_jekyll",),
      "a Jekyll _config.yml with `repository:` read as Jupyter Book 1's"),
    M("fragment-beamer-errors", "derive/check/lint.py",
      "        return []  # a fragment \\input by another file",
      "        pass  # a fragment \\input by another file",
      ("tests/test_check_lint.py::test_beamer_commands_in_a_fragment_are_for_the_file_that_inputs_it",),
      "beamer commands in a header fragment reported against an article"),
    M("prime-after-substitution", "derive/check/calculus.py",
      "if len(letters) == 1 and letters[0].name not in stands_for else p",
      "if len(letters) == 1 else p",
      ("tests/test_check_derivatives.py",),
      "(u^2)' after u = 3x + 4 differentiated in u, refuting a true chain-rule step"),
    M("value-computed-anew", "derive/check/verify.py",
      "            if len(terms) > 1 and (first == name or isinstance(first, sp.Pow) and first.base == name) \\",
      "            if False and len(terms) > 1 \\",
      ("tests/test_check_arithmetic.py",),
      "an old example's σ = 2√2 used where the notes compute σ² afresh"),
    M("derivative-of-named", "derive/check/verify.py",
      "            if k == 0 and relation == \"=\" and self._derivative_of_named(item, k, left, right):",
      "            if False:",
      ("tests/test_check_derivatives.py",),
      "y' = 2x + 3 after y = x^2 + 3x + 4 read as a new name, never checked"),
    M("condition-own-formula", "derive/check/prose.py",
      'given = formulas[text[:condition_end].rstrip("\\0 ").count("\\0"):]',
      'given = formulas[text[:condition_end].count("\\0"):]',
      ("tests/test_check_prose.py",),
      "\"With $v_0 = 0$, the steps are $$…$$\": the display silently dropped as a condition"),
    M("subsection-lineage", "derive/check/verify.py",
      "        while chain[-1] in self._parent:",
      "        while False:",
      ("tests/test_check_subsections.py",),
      "a subsection's unrolled rule read as a new naming, never compared"),
    M("cut-off-decimals", "derive/check/arithmetic.py",
      "    if _cut_off(computed, shown_text):",
      "    if False:",
      ("tests/test_check_arithmetic.py",),
      "0.0347… written 0.034 called false"),
    M("huge-exp-guard", "derive/proof.py",
      "        if fn is mpmath.exp and mpmath.re(arg) > _EXP_LIMIT:",
      "        if False:",
      ("tests/test_proof.py",),
      "e^{e^{20}} built digit by digit (a MemoryError on real notes)"),
    M("value-name-not-definition", "derive/check/verify.py",
      "            elif any(fd.name == name and index < item.index and fd.body.free_symbols & set(fd.params)",
      "            elif False and any(fd.name == name and index < item.index and fd.body.free_symbols & set(fd.params)",
      ("tests/test_check_reused_names.py",),
      "\"σ(z) = P\" replacing the sigmoid's definition"),
    M("signature-declares", "derive/check/verify.py",
      "                del chosen[name]  # \"Let f: ℝⁿ → ℝ\" after f(x) = Ax: a general f, the example's is gone",
      "                pass",
      ("tests/test_check_reused_names.py",),
      "an example's f(x) = Ax kept for a general f: ℝⁿ → ℝ"),
    M("because-aside", "derive/check/latex.py",
      "        raw = self._merge_rows(rows_statements) + asides",
      "        raw = self._merge_rows([[*r, *[a for a in asides if a.row == k]] for k, r in enumerate(rows_statements)])",
      ("tests/test_check_arithmetic.py",),
      "a \\because reason taking over the chain the next row continues"),
    M("carry-worked-value", "derive/check/verify.py",
      "            self._carry_worked_value(item)",
      "            pass",
      ("tests/test_check_arithmetic.py",),
      "w_1 = 0 + 0.1·16 = 1.6 not carried to the next step's arithmetic"),
    M("expansion-given-values", "derive/check/verify.py",
      "        if given:  # \"x_0 = 1, w_0 = b so that b joins the sum\": the values given hold in what is written out",
      "        if False:",
      ("tests/test_check_given_in_expansions.py",),
      "x_0 = 1 given before w_1x_1 + ⋯ + b = ⋯ + w_0x_0 ignored: a true rewrite called false"),
    M("generic-coordinate", "derive/check/calculus.py",
      "    if any(_generic_coordinate(var, operand) for var, _ in counts):",
      "    if False:",
      ("tests/test_check_derivatives.py",),
      "∂/∂β_j of β_0 + β_1x_1 + ⋯ taken as 0, refuting a true chain rule"),
    M("inline-across-display-line", "derive/check/extract.py",
      "                and _DISPLAY_LINE.search(s, m.end(), found[1]):",
      "                and False:",
      ("tests/test_check_document.py",),
      "an inline `$` paired across a `$$` line, shifting every formula after it"),
    M("labelled-function-letter", "derive/check/function_letters.py",
      "            params, after = _parameters(tokens, _after_subscript(tokens, k + 1))",
      "            params, after = _parameters(tokens, k + 1)",
      ("tests/test_check_function_letters.py",),
      "m_F(−1/α) read as m_F times −1/α after m_F(z) = ∫…, refuting a closed form"),
    M("restated-runs", "derive/check/claims.py",
      "    return len(runs) == len(set(runs)) and len(runs) < len(targets)",
      "    return len(runs) == 1 and len(targets) > 1",
      ("tests/test_check_claims_restated.py",),
      "V_1 &= … \\\\ V_1 &= … \\\\ V_2 &= … read as two systems side by side, never checked"),
    M("let-us-not-defining", "derive/check/prose.py",
      "let(?!\\s+us\\b|['’]s\\b)",
      "let",
      ("tests/test_check_claims_restated.py",),
      "\"Let us expand it:\" read as a definition cue, a slip after it only a note"),
    M("connective-in-math", "derive/check/latex_tokens.py",
      "        if word.lower() in _CONNECTIVES and",
      "        if False and",
      ("tests/test_check_claims_restated.py",),
      "\"… θ_t \\\\ where \\\\ V_0 = 0\" glued into one statement, the rule lost"),
    M("typed-implication", "derive/check/latex_tokens.py",
      "        elif prev.kind == \"rel\" and prev.text == \"=\" and tok.kind == \"rel\" and tok.text == \">\" and prev.end == tok.start:",
      "        elif False:",
      ("tests/test_check_arithmetic.py",),
      "\"=>\" read as \"=\" then \">\", a link with nothing on one side"),
    M("functions-of-numbers", "derive/check/arithmetic.py",
      "    r\"|\\\\(?:sin|cos|tan)(?![A-Za-z])\")",
      "    r\"\")",
      ("tests/test_check_arithmetic.py",),
      "\\cos(0) = 1 read as a condition, never computed"),
    M("derivative-in-defined-variable", "derive/check/verify.py",
      "            if var in definitions and read_index(var) is not None and read_index(var).letter in STEP_LETTERS:",
      "            if var in definitions:",
      ("tests/test_check_derivatives.py",),
      "d/dz of ln(1 + e^{−z}) left untaken because z = wx + b is stated"),
    M("derivative-of-exponential", "derive/check/latex.py",
      "                    or (nxt.kind == \"letter\" and nxt.text == \"e\" and after is not None and after.is_char(\"^\")):",
      "                    or False:",
      ("tests/test_check_derivatives.py",),
      "\\frac{d}{dz}e^{-z} read as a function e differentiated, then raised to −z"),
    M("value-name-in-a-chain", "derive/check/verify.py",
      "                rhs = later[0]  # σ(z) = P = 1/(1 + e^{−z}): P names the value, the chain goes on to what σ is",
      "                pass",
      ("tests/test_check_reused_names.py",),
      "σ(z) = P = 1/(1 + e^{−z}) read as σ being the free number P"),
    M("matrix-entry-indices", "derive/check/latex.py",
      "        if len(part) == 2 and all(t.kind in (\"letter\", \"num\") for t in part) and part[0].kind == \"letter\":",
      "        if False:",
      ("tests/test_check_sums.py",),
      "x_{i1} under Σ_i read as x at i·1, a parse failure"),
    M("upright-operator", "derive/check/latex_tokens.py",
      "            if name in (\"text\", \"mathrm\", \"textrm\", \"operatorname\") and arg.strip() in _OPERATOR_NAMES \\",
      "            if False \\",
      ("tests/test_check_arithmetic.py",),
      "\\text{lim}_{x → 0} read as text, the limit never taken"),
    M("implementation-variant", "derive/check/verify.py",
      "        if (in_system or named_before) and self._variant_lead_in(item):",
      "        if False:",
      ("tests/test_check_other_schemes.py",),
      "PyTorch's restated rule checked against the method's, a false error"),
    M("method-heading-afresh", "derive/check/verify.py",
      "                        if not (0 < sections[k - 1] <= len(lines) and _METHOD_HEADING.search(lines[sections[k - 1] - 1]))}",
      "                        if True}",
      ("tests/test_check_subsections.py",),
      "\"## Optimizer 2: Adam\" read as part of the title's SGD rule"),
    M("parameter-specialized", "derive/check/verify.py",
      "                reason = _specialized(a, b, sa, sb)",
      "                reason = None",
      ("tests/test_check_other_schemes.py",),
      "the rule at h = 1/L called false against the rule with h"),
    M("alternatives-no-value", "derive/check/verify.py",
      "        if self._alternative(item):",
      "        if False:",
      ("tests/test_check_prose.py",),
      "\"$α_k = α$ or $α_k = α/n^c$\": the second taken as α_k's value, a later α_k = α called false"),
    M("standard-macros-known", "derive/check/latex_tokens.py",
      "    \"mid\": \"set-builder notation\", \"bigcup\": \"sets\", \"bigcap\": \"sets\", \"bbox\": \"boxes (MathJax's bbox)\",",
      "    \"mid\": \"set-builder notation\",",
      ("tests/test_check_arithmetic.py",),
      "\\bigcup, \\bbox reported as unknown macros, which MathJax and KaTeX know"),
    M("p-function-letter", "derive/check/function_letters.py",
      '_RESERVED = frozenset({"e", "E", "O", "o", "d", "i", "T"})',
      '_RESERVED = frozenset({"e", "E", "O", "o", "d", "i", "T", "P", "p"})',
      ("tests/test_check_function_letters.py",),
      "p(r) = r² − cr + δ not a function: p(−1) = 1 + c + δ read as −p, a false error"),
    M("defined-value-at-point", "derive/check/verify.py",
      "                    and not self._defined_value(item, left.expr, right.expr) \\",
      "                    and True \\",
      ("tests/test_check_function_letters.py",),
      "f(1) = 1 − c + δ for a defined f skipped as a condition on a constant"),
    M("rule-refinement", "derive/check/verify.py",
      "            refined = self._refinement(item)",
      "            refined = None",
      ("tests/test_check_claims_restated.py",),
      "the Adam rule restated with m̂, v̂ (defined after it) called false against the first rule"),
    M("split-roots", "derive/proof.py",
      "    for attempt in (sp.expand, lambda e: sp.cancel(sp.together(e)), split, sp.simplify):",
      "    for attempt in (sp.expand, lambda e: sp.cancel(sp.together(e)), sp.simplify):",
      ("tests/test_check_claims_restated.py",),
      "√(v/(1 − β^t)) against √v·√(1/(1 − β^t)) left unproved"),
    M("family-latest-step", "derive/check/verify.py",
      "                        or (x in la.free_symbols ^ lb.free_symbols",
      "                        or (True",
      ("tests/test_check_fresh2.py",),
      "x^{(k)} on both sides unrolled to different depths: a false error on a true GD step"),
    M("forward-function-near", "derive/check/verify.py",
      "                    and index - item.index <= _FORWARD_ITEMS:",
      "                    and True:",
      ("tests/test_check_fresh2.py",),
      "an example's f(x) = x²/2 statements below read as the f of a general claim above it"),
    M("mdx-math-reading", "derive/check/markdown.py",
      "    if (extension := mdx_math(config.data)) is not None:",
      "    if (extension := None) is not None:",
      ("tests/test_mkdocs_script.py",),
      "an mdx_math page read as MathJax 3 in the browser: its $x$ (enable_dollar_delimiter) left as text"),
    M("mdx-math-renderer", "derive/check/renderers.py",
      "    if mdx_math(config) is not None:\n        return MKDOCS_MDX_MATH",
      "    if False:\n        return MKDOCS_MDX_MATH",
      ("tests/test_mkdocs_script.py",),
      "MkDocs with mdx_math linted as MathJax 3 under Python-Markdown: a false error on a bare \\\\"),
    M("kramdown-raw-html", "derive/check/lint.py",
      "        if block.raw_html:\n            continue",
      "        if False:\n            continue",
      ("tests/test_kramdown_backslashes.py",),
      "\\( in a kramdown page's <p> block (passed to MathJax as written) called an escaped bracket"),
    M("integral-braced-differential", "derive/check/latex.py",
      "            at, after = inside, close + 1",
      "            at, after = None, None",
      ("tests/test_check_integrals.py",),
      "\\int_0^1{t dt}: the differential inside the braces not found, the integral never checked"),
    M("rounded-coordinates", "derive/check/verify.py",
      "                if numbers is not None and numbers.holds:",
      "                if False:",
      ("tests/test_check_fresh12.py",),
      "(cos(−4) − 0.4, −0.4) written (−1.05, −0.40): a coordinate rounded to its digits called false"),
    M("math-italic-letters", "derive/check/latex_tokens.py",
      "    if not any(ord(ch) >= 0x1D400 for ch in text):",
      "    if True:",
      ("tests/test_check_fresh12.py",),
      "𝑓(𝑥) pasted from a word processor not read as f(x): the example's f kept"),
    M("sequence-limit", "derive/check/ranges.py",
      "        if (terms := _terms_of_sequences(body, var)):",
      "        if (terms := []):",
      ("tests/test_check_fresh12.py",),
      "lim_{k→∞} ‖∇f(x_k)‖² = 0 taken as the body itself (constant in k): a false error"),
    M("bold-transpose", "derive/check/latex.py",
      "        return \"transpose\"  # x^{\\mathbf{T}}",
      "        return \"power\"  # x^{\\mathbf{T}}",
      ("tests/test_check_fresh12.py",),
      "x^{\\mathbf{T}} read as x to the power T: a false error on a quadratic form"),
    M("call-at-bracketed-step", "derive/check/recurrence.py",
      '_CALL = re.compile(r"^(?P<fn>[^()]+)\\((?P<args>(?:[^()]|\\([^()]*\\))+)\\)$")',
      '_CALL = re.compile(r"^(?P<fn>[^()]+)\\((?P<args>[^()]+)\\)$")',
      ("tests/test_check_fresh2.py",),
      "ε_0 of ε_k = f(x^{(k)}) − f(x*) kept f(x^{(k)}): a true restatement at the start called false"),
)


@dataclass
class Outcome:
    mutation: Mutation
    status: str  # caught, survived, stale, not run, timeout
    seconds: float
    detail: str = ""


def make_copy(into: Path) -> Path:
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=IGNORE, symlinks=True)
        elif source.exists():
            shutil.copy2(source, into / name)
    # derive.templates is the templates/ folder (package-dir in pyproject): the same inside the copy.
    (into / "derive" / "templates").symlink_to(into / "templates", target_is_directory=True)
    return into


def pytest(copy: Path, args: tuple[str, ...], timeout: float) -> tuple[int | None, str]:
    env = dict(os.environ, PYTHONPATH=str(copy), PYTHONDONTWRITEBYTECODE="1")
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header", "-m", "not slow", *args]
    try:
        proc = subprocess.run(cmd, cwd=copy, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    return proc.returncode, lines[-1] if lines else proc.stderr.strip()[-200:]


def run_one(mutation: Mutation, timeout: float) -> Outcome:
    start = time.monotonic()
    if mutation.needs and importlib.util.find_spec(mutation.needs) is None:
        status = "not run" if not os.environ.get("CI") else "survived"
        return Outcome(mutation, status, 0.0, f"needs {mutation.needs}")
    with tempfile.TemporaryDirectory(prefix="derive-mutant-") as tmp:
        copy = make_copy(Path(tmp))
        target = copy / mutation.file
        mutated = mutation.apply(target.read_text(encoding="utf-8"))
        if mutated is None:
            return Outcome(mutation, "stale", 0.0, "its snippet is not in the file exactly once")
        target.write_text(mutated, encoding="utf-8")
        code, last = pytest(copy, mutation.tests, timeout)
    took = time.monotonic() - start
    if code is None:
        return Outcome(mutation, "timeout", took, last)
    if code in (1, 2):  # tests failed (1) or the mutant broke collection (2)
        return Outcome(mutation, "caught", took, last)
    if code == 0:
        return Outcome(mutation, "survived", took, last)
    return Outcome(mutation, f"error (pytest exit {code})", took, last)


def baseline(mutations: list[Mutation], timeout: float) -> tuple[bool, str]:
    """The selected tests pass on the unmutated copy (else a "catch" would mean nothing)."""
    args: list[str] = []
    for m in mutations:
        if m.needs and importlib.util.find_spec(m.needs) is None:
            continue
        args.extend(a for a in m.tests if a not in args)
    with tempfile.TemporaryDirectory(prefix="derive-baseline-") as tmp:
        code, last = pytest(make_copy(Path(tmp)), tuple(args), timeout * 3)
    return code == 0, last


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2, help="mutations run at a time (default: 2)")
    parser.add_argument("--only", nargs="*", default=None, metavar="ID", help="run these mutations only")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per mutation (default: 600)")
    parser.add_argument("--list", action="store_true", help="list the mutations and exit")
    args = parser.parse_args()
    chosen = [m for m in MUTATIONS if args.only is None or m.id in args.only]
    if args.list:
        for m in chosen:
            print(f"{m.id:28} {m.file:30} {m.why}")
        return 0
    unknown = set(args.only or ()) - {m.id for m in MUTATIONS}
    if unknown:
        print(f"unknown mutation(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    start = time.monotonic()
    ok, last = baseline(chosen, args.timeout)
    print(f"baseline (unmutated copy): {'pass' if ok else 'FAIL'} — {last}", flush=True)
    if not ok:
        return 1
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        outcomes = list(pool.map(lambda m: run_one(m, args.timeout), chosen))
    width = max(len(m.id) for m in chosen)
    for o in outcomes:
        print(f"{o.status:9} {o.mutation.id:{width}}  {o.seconds:5.1f} s  {o.mutation.why}"
              + (f"  [{o.detail}]" if o.status != "caught" else ""))
    caught = sum(o.status == "caught" for o in outcomes)
    skipped = sum(o.status == "not run" for o in outcomes)
    print(f"{caught} of {len(outcomes)} mutations caught" + (f", {skipped} not run (missing dependency)" if skipped else "")
          + f" in {time.monotonic() - start:.0f} s")
    return 0 if caught + skipped == len(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
