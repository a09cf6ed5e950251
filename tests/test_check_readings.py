"""Readings a false verdict must not rest on: superscripts that count steps, a Greek letter applied as a function."""
from __future__ import annotations

import pytest

from derive.check.run import check_document

STEPS = r"""We average the points $w^1, w^2, \dots, w^K$ as we go: $h^1 = w^1$, then

$$h^2 = \frac{w^1 + w^2}{2}$$

$$h^3 = \frac{w^1 + w^2 + w^3}{3} = \frac{2h^2 + w^3}{3}$$
"""


@pytest.mark.parametrize("name", ["notes.md", "notes.tex"])
def test_numbered_superscripts_are_steps_where_the_notes_write_w_to_the_first(name: str) -> None:
    text = STEPS if name.endswith(".md") else STEPS.replace("$$h", "\\[h").replace("}$$", "}\\]")
    result = check_document(name, text)
    assert not [f.text() for f in result.findings if f.severity == "error"]
    by_line = {(k.line, k.col): (k.verdict, k.reason) for k in result.links}
    undecided = [v for v in by_line.values() if v[0] == "undecided"]
    assert len([r for _, r in undecided if "step numbers" in r]) == 2, undecided
    # what follows from an undecided step line is undecided too (never proved from it)
    assert all("step numbers" in r or r.endswith("which is itself not decided") for _, r in undecided), undecided
    # not proved from the undecided h^2 line by a factor that only divides by chance (2/3 + 4w/3 under powers)
    assert not any(reason.startswith("follows") and "w" in reason.split(" by ")[-1].split(",")[0]
                   for _, reason in by_line.values())


def test_the_same_algebra_with_powers_is_still_refuted() -> None:
    powers = STEPS.replace("h^1 = w^1", "h = w").replace("w^1", "w")
    result = check_document("notes.md", powers)
    errors = [(f.line, f.code) for f in result.findings if f.severity == "error"]
    assert errors == [(3, "math/false"), (5, "math/false")]


def test_a_greek_letter_the_notes_apply_as_a_function_is_not_read_as_a_product() -> None:
    text = (r"The penalty $\Omega(\theta) = \frac{1}{2}\|w\|^2$ is added, and $\tilde J(\theta) = J(\theta) + "
            r"\alpha \Omega(\theta)$." "\n\n" r"An $L^1$ penalty on the representation: $\Omega(\mathbf{h}) = \|\mathbf{h}\|_1$." "\n")
    result = check_document("notes.md", text)
    assert not [f.text() for f in result.findings if f.severity == "error"]
    [link] = [k for k in result.links if k.left == r"\Omega(\mathbf{h})"]
    assert link.verdict != "false"


PHI = r"""Consider the objective \[\phi(x) = x \tan^{-1}(x) - \frac{1}{2} \log(1+x^2).\] Its derivatives are
\begin{align*}
  \phi'(x) &= \tan^{-1}(x) \\
  \phi''(x) &= \frac{1}{1+x^2}.
\end{align*}
Newton converges for $|x_0| \le \xi$, where $\xi$ is the solution to the equation
\[-\xi = \xi - (1+\xi^2) \tan^{-1}(\xi).\]
"""


def test_inverse_trig_notation_and_a_greek_function_are_read_as_textbooks_mean_them() -> None:
    result = check_document("notes.tex", PHI)
    verdicts = [(k.line, k.verdict) for k in result.links]
    assert (3, "proved") in verdicts and (4, "proved") in verdicts, verdicts
    # the equation that defines ξ is a condition on ξ, not an identity to refute
    assert (7, "not-a-claim") in verdicts and not [f for f in result.findings if f.severity == "error"]
    slip = check_document("notes.tex", PHI.replace(r"\frac{1}{1+x^2}.", r"\frac{1}{1-x^2}."))
    assert [(f.line, f.code) for f in slip.findings if f.severity == "error"] == [(4, "math/false")]


def test_pi_in_a_trigonometric_identity_is_the_number() -> None:
    text = (r"Let $\theta_k = \frac{k \pi}{2(N+1)}$. Then $1 - \sin^2 \theta_k = \cos^2 \theta_k = "
            r"\sin^2\left(\frac{\pi}{2} - \theta_k\right)$." "\n")
    links = check_document("notes.md", text).links
    assert [k.verdict for k in links[1:]] == ["proved", "proved"], [k.reason for k in links]
    slip = check_document("notes.md", text.replace(r"\frac{\pi}{2} - \theta_k", r"\pi - \theta_k"))
    assert slip.links[-1].verdict == "false"


def test_a_name_defined_later_does_not_make_a_link_false_that_other_free_names_decide() -> None:
    text = ("We solve $A \\mu = b$ where $\\xi^{k} = \\sin(k)$.\n\n$$\n\\lambda_{k}=\\frac{4}{h} \\sin ^{2} "
            "\\frac{k \\pi}{2(N+1)}\n$$\n\nIndeed, the relation $A \\xi^{k}=\\lambda_{k} \\xi^{k}$ can be verified."
            "\n\nTo see the eigenvectors, let us take $N=6$ and plot them.\n")
    link = [k for k in check_document("notes.md", text).links if k.line == 7][0]
    # N = 6 (defined after it) decides nothing here: A is still free, so the link is not false
    assert link.verdict == "undecided", link.reason


def test_a_value_at_a_numbered_iterate_is_not_a_constant_function() -> None:
    text = ("Newton's method from $\\mathbf{x}^0$ reaches $\\mathbf{x}^1$ with $f(\\mathbf{x}^1) = 3.2755$.\n\n"
            "Compare the start, where $f(\\mathbf{x}^0) = 17.0$.\n")
    result = check_document("notes.md", text)
    assert not [f.text() for f in result.findings if f.severity == "error"]
    assert not any(k.reason.startswith("definition of f") for k in result.links)


def test_pi_outside_an_angle_is_tried_as_the_number() -> None:
    # π written alone (not inside sin, cos or tan, where it is always the number) may be a policy or a
    # probability to the reader: a link that holds with π the number is proved, saying so
    text = r"Recall $\arctan(1) = \frac{\pi}{4}$, so $\int_0^1 \frac{4}{1 + x^2} dx = \pi$." + "\n"
    link = check_document("doc.md", text).links[-1]
    assert (link.verdict, link.reason) == ("proved", "with π the number π (3.14159…)")
