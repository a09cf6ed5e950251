"""The checker never crashes: random LaTeX-like soup, truncated documents, odd bytes.

Whatever the input, ``check_source`` returns findings; an exception here would be a traceback in a
user's CI. The generator mixes the notation's real pieces (macros, environments, delimiters,
relations) at random, so it reaches states no hand-written test does.
"""
from __future__ import annotations

import random

import pytest

from derive.check.run import check_source

PIECES = [
    "$", "$$", r"\[", r"\]", r"\(", r"\)", r"\begin{cases}", r"\end{cases}", r"\begin{aligned}", r"\end{aligned}",
    r"\begin{align*}", r"\end{align*}", "&", r"\\", "=", "=", "=", r"\leftarrow", r"\approx", "<", "+", "-", "^", "_",
    "{", "}", "(", ")", r"\frac", r"\sqrt", r"\hat", r"\nabla_w", r"\|", r"\sum_{i=0}^{t-1}", r"\dots", r"\cdot",
    "w_{t-1}", "w_t", "m_t", r"\beta_1", r"\eta_t", r"\lambda", "g_t", "L(w)", "Q(w)", "1", "2", "x^{k+1}",
    r"\alert{", r"\text{ и }", r"\underbrace{", "}_{\\text{a}}", "\n", "\n\n", " ", "# Раздел\n", "```{dropdown} S\n",
    "```\n", "%", r"\foo", "£", "令", r"\left(", r"\right)", r"\mathbf{w}", "'", r"\qquad", ",", ".",
]


@pytest.mark.parametrize("seed", range(60))
@pytest.mark.parametrize("suffix", [".md", ".tex"])
def test_random_documents_do_not_crash(seed: int, suffix: str) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(PIECES) + (" " if rng.random() < 0.3 else "") for _ in range(rng.randint(5, 120)))
    findings = check_source("fuzz" + suffix, text)
    assert all(f.line >= 1 and f.col >= 1 for f in findings)
    assert not any(f.code == "checker/internal-error" for f in findings), [f.text() for f in findings]


@pytest.mark.parametrize("cut", range(0, 1500, 37))
def test_truncated_sample_notes_do_not_crash(cut: int) -> None:
    from pathlib import Path
    text = (Path(__file__).parent / "notes" / "adam_l2.ru.md").read_text()[:cut]
    findings = check_source("cut.md", text)
    # The checker turns an exception inside verification into a warning (the rest of the report
    # survives), so "did not raise" alone proves nothing: the warning must not be there either.
    assert not any(f.code == "checker/internal-error" for f in findings), [f.text() for f in findings]
    assert all(f.line >= 1 and f.col >= 1 for f in findings)
