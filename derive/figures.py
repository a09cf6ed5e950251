"""The picture of the exercise: per-coordinate effective decay 1 − g of Adam + L2 against AdamW.

The data are computed once (:func:`decay_data`, from :func:`derive.simulate.simulate` on a badly
scaled quadratic) and drawn three ways from the same numbers:

* :func:`svg` — an SVG written by hand (no dependency), for MyST pages and for Jupyter
  (:class:`DecayFigure` has ``_repr_svg_``);
* :func:`pgfplots` — pgfplots code compiled by the LaTeX engine in the PDF notes;
* :func:`plot_decay` — a matplotlib figure (``pip install 'derive[plot]'``).

Every number is printed with a fixed format, so renders are byte-identical. The y axis is
logarithmic: the point of the picture is that Adam + L2 decays coordinates at rates four orders of
magnitude apart, while AdamW decays each by the same η_t·λ.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Sequence

from .display import latex_number
from .numeric import Problem
from .simulate import Simulation, badly_scaled_quadratic, simulate

if TYPE_CHECKING:
    from .derivation import Derivation

#: Okabe–Ito colours (readable for colour-blind readers), then black for the uniform decay.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
UNIFORM_COLOUR = "#000000"
#: File name of the flagship's figure next to its MyST pages.
FLAGSHIP_SVG = "weight-decay.decay.svg"


@dataclass(frozen=True)
class Series:
    """One line of the figure: a label (plain text and LaTeX), its values at steps 1, 2, …, and its style."""

    label: str
    label_latex: str
    values: tuple[float, ...]
    colour: str
    dashed: bool = False
    #: The step of the first value (RAdam's rectified branch is simulated from t = 20).
    first_step: int = 1


@dataclass(frozen=True)
class DecayFigure:
    """The figure's data: the series over steps 1…n, and what was simulated (for the caption)."""

    series: tuple[Series, ...]
    simulations: tuple[Simulation, ...]

    @property
    def steps(self) -> int:
        return len(self.series[0].values) if self.series else 0

    def svg(self) -> str:
        return svg(self)

    def pgfplots(self) -> str:
        return pgfplots(self)

    def _repr_svg_(self) -> str:
        return svg(self)

    def __repr__(self) -> str:
        lines = "; ".join(f"{s.label}: {s.values[-1]:.3g}" for s in self.series)
        return f"DecayFigure({self.steps} steps; 1 − g at the last step: {lines})"


def decay_series(sim: Simulation, name: str, *, uniform_colour: bool = False) -> tuple[Series, ...]:
    """The effective decay of a simulation as series: one per coordinate, or one if all coordinates agree.

    >>> from derive import derive
    >>> [s.label for s in decay_series(derive("adamw").simulate(steps=3), "AdamW")]
    ['AdamW']
    """
    columns = list(zip(*sim.effective_decay))
    same = all(max(col) - min(col) <= 1e-15 * max(1.0, abs(max(col))) for col in zip(*columns))
    if same or len(columns) == 1:
        return (Series(f"{name}", name, tuple(columns[0]), UNIFORM_COLOUR if uniform_colour else PALETTE[0],
                       dashed=True, first_step=sim.first_step),)
    out = []
    for i, col in enumerate(columns):
        a = sim.problem.a[i]
        out.append(Series(f"{name}, a{_sub(i + 1)} = {a:g}", f"{name}, $a_{{{i + 1}}} = {a:g}$", tuple(col),
                          PALETTE[i % len(PALETTE)], first_step=sim.first_step))
    return tuple(out)


def _sub(i: int) -> str:
    return str(i).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


@cache
def decay_data(steps: int = 100, scales: tuple[float, ...] = (100.0, 1.0, 0.01)) -> DecayFigure:
    """Adam + L2 and AdamW on ½ Σ aᵢ (wᵢ − 1)² with curvatures ``scales``, default hyperparameters.

    >>> fig = decay_data(steps=20)
    >>> [s.label for s in fig.series]
    ['Adam + L2, a₁ = 100', 'Adam + L2, a₂ = 1', 'Adam + L2, a₃ = 0.01', 'AdamW']
    >>> round(fig.series[-1].values[-1], 12)   # η_t·λ for every coordinate
    0.0001
    """
    from .derivation import derive

    problem = badly_scaled_quadratic(scales)
    l2 = simulate(derive("adam", "l2"), problem, steps=steps)
    decoupled = simulate(derive("adamw", "decoupled"), problem, steps=steps)
    series = decay_series(l2, "Adam + L2") + decay_series(decoupled, "AdamW", uniform_colour=True)
    return DecayFigure(series, (l2, decoupled))


# -- drawing: shared geometry ---------------------------------------------------------------------
def _decades(figure: DecayFigure) -> tuple[int, int]:
    values = [v for s in figure.series for v in s.values if v > 0]
    if not values:
        return -1, 0
    return math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".") if x != 0 else "0"


WIDTH, HEIGHT = 640, 400
LEFT, RIGHT, TOP, BOTTOM = 72, 190, 20, 52


def to_pixels(figure: DecayFigure, step: int, value: float) -> tuple[float, float]:
    """Where (step, value) lands in the SVG: linear in the step, logarithmic in the value.

    >>> fig = decay_data(steps=20)
    >>> to_pixels(fig, 1, 1e-2)[0] == LEFT, to_pixels(fig, 20, 1e-4)[0] == WIDTH - RIGHT
    (True, True)
    """
    lo, hi = _decades(figure)
    x = LEFT + (step - 1) / max(1, figure.steps - 1) * (WIDTH - LEFT - RIGHT)
    y = TOP + (hi - math.log10(value)) / (hi - lo) * (HEIGHT - TOP - BOTTOM)
    return round(x, 2), round(y, 2)


def svg(figure: DecayFigure) -> str:
    """The figure as a standalone SVG document (fixed-width numbers, so the bytes are deterministic).

    >>> text = svg(decay_data(steps=20))
    >>> text.startswith("<svg "), text.count("<polyline")
    (True, 4)
    """
    lo, hi = _decades(figure)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
           f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="13">',
           "<title>Effective decay 1 − g per coordinate: Adam + L2 against AdamW</title>",
           f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>']
    for e in range(lo, hi + 1):  # decades: grid line and label 10^e
        _, y = to_pixels(figure, 1, 10.0 ** e)
        out.append(f'<line x1="{LEFT}" y1="{_fmt(y)}" x2="{LEFT + plot_w}" y2="{_fmt(y)}" stroke="#dddddd"/>')
        exponent = str(e).replace("-", "−")
        out.append(f'<text x="{LEFT - 8}" y="{_fmt(y + 4)}" text-anchor="end">10<tspan dy="-6" font-size="10">'
                   f"{exponent}</tspan></text>")
    for step in _ticks(figure.steps):
        x, _ = to_pixels(figure, step, 10.0 ** hi)
        out.append(f'<line x1="{_fmt(x)}" y1="{TOP + plot_h}" x2="{_fmt(x)}" y2="{TOP + plot_h + 5}" stroke="#000000"/>')
        out.append(f'<text x="{_fmt(x)}" y="{TOP + plot_h + 20}" text-anchor="middle">{step}</text>')
    out.append(f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#000000"/>')
    out.append(f'<text x="{LEFT + plot_w / 2:.0f}" y="{HEIGHT - 12}" text-anchor="middle" font-style="italic">t</text>')
    out.append(f'<text x="18" y="{TOP + plot_h / 2:.0f}" text-anchor="middle" '
               f'transform="rotate(-90 18 {TOP + plot_h / 2:.0f})">1 − g(λ)</text>')
    for i, s in enumerate(figure.series):
        points = " ".join("{},{}".format(*map(_fmt, to_pixels(figure, k + 1, v))) for k, v in enumerate(s.values) if v > 0)
        dash = ' stroke-dasharray="7 4"' if s.dashed else ""
        out.append(f'<polyline fill="none" stroke="{s.colour}" stroke-width="2"{dash} points="{points}"/>')
        ly = TOP + 14 + 22 * i
        lx = LEFT + plot_w + 12
        out.append(f'<line x1="{lx}" y1="{ly}" x2="{lx + 26}" y2="{ly}" stroke="{s.colour}" stroke-width="2"{dash}/>')
        out.append(f'<text x="{lx + 32}" y="{ly + 4}">{_xml(s.label)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _ticks(steps: int) -> list[int]:
    """Round step numbers for the x axis: 1 and multiples of 10, 20, 50 … (about five ticks)."""
    step = next((s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000) if steps / s <= 6), 1000 * (steps // 5000 + 1))
    return [1] + [k for k in range(step, steps + 1, step) if k != 1]


def pgfplots(figure: DecayFigure, *, width: str = "0.8\\linewidth", height: str = "6cm") -> str:
    r"""The figure as a ``tikzpicture`` with a pgfplots ``semilogyaxis`` (the preamble loads pgfplots).

    >>> code = pgfplots(decay_data(steps=20))
    >>> code.splitlines()[1].startswith("\\begin{semilogyaxis}"), code.count("\\addplot")
    (True, 4)
    """
    lo, hi = _decades(figure)
    lines = ["\\begin{tikzpicture}",
             f"\\begin{{semilogyaxis}}[width={width}, height={height}, xmin=1, xmax={figure.steps}, "
             f"ymin=1e{lo}, ymax=1e{hi},",
             "  xlabel={$t$}, ylabel={$1 - g(\\lambda)$}, legend cell align=left, legend columns=2,",
             "  legend style={font=\\footnotesize, at={(0.5,-0.22)}, anchor=north, draw=none}, grid=major, grid style={gray!25}, tick label style={font=\\footnotesize}]"]
    for s in figure.series:
        r, g, b = (int(s.colour[i:i + 2], 16) for i in (1, 3, 5))
        style = f"color={{rgb,255:red,{r};green,{g};blue,{b}}}, thick, no markers" + (", dashed" if s.dashed else "")
        coords = " ".join(f"({k + 1},{v:.6e})" for k, v in enumerate(s.values) if v > 0)
        lines.append(f"\\addplot[{style}] coordinates {{{coords}}};")
        lines.append(f"\\addlegendentry{{{s.label_latex.replace('L2', '$L_2$')}}}")
    lines += ["\\end{semilogyaxis}", "\\end{tikzpicture}"]
    return "\n".join(lines)


def plot_decay(*what: "Derivation | Simulation | DecayFigure", steps: int = 100, problem: Problem | None = None,
               ax: Any = None, **simulate_kwargs: Any) -> Any:
    """A matplotlib figure of the effective decay 1 − g per coordinate (log scale).

    Give derivations (simulated on ``problem``, the badly scaled quadratic by default), simulations,
    or nothing for the notes' figure (Adam + L2 against AdamW). Returns the matplotlib ``Figure``.
    Needs matplotlib: ``pip install 'derive[plot]'``.

    >>> fig = plot_decay(steps=10)          # doctest: +SKIP
    >>> [line.get_label() for line in fig.axes[0].get_lines()]   # doctest: +SKIP
    ['Adam + $L_2$, $a_{1} = 100$', 'Adam + $L_2$, $a_{2} = 1$', 'Adam + $L_2$, $a_{3} = 0.01$', 'AdamW']
    """
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        from .errors import UsageError

        raise UsageError("plotting needs matplotlib: pip install 'derive[plot]'") from None
    figure = _as_figure(what, steps, problem, simulate_kwargs)
    if ax is None:
        fig, ax = plt.subplots(figsize=(7, 4.2))
    else:
        fig = ax.figure
    for s in figure.series:
        ax.plot(range(s.first_step, s.first_step + len(s.values)), s.values, color=s.colour, linestyle="--" if s.dashed else "-", linewidth=1.8,
                label=s.label_latex.replace("L2", "$L_2$"))
    ax.set_yscale("log")
    ax.set_xlabel("$t$")
    ax.set_ylabel(r"$1 - g(\lambda)$")
    ax.grid(True, which="major", color="#dddddd")
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize="small")
    fig.tight_layout()
    return fig


def _as_figure(what: Sequence[Any], steps: int, problem: Problem | None, kwargs: dict[str, Any]) -> DecayFigure:
    from .derivation import Derivation

    if not what:
        return decay_data(steps) if problem is None else _figure_of(
            [simulate(d, problem, steps=steps, **kwargs) for d in _flagship_derivations()])
    if len(what) == 1 and isinstance(what[0], DecayFigure):
        return what[0]
    sims = [simulate(x, problem, steps=steps, **kwargs) if isinstance(x, Derivation) else x for x in what]
    return _figure_of(sims)


def _flagship_derivations() -> list["Derivation"]:
    from .derivation import derive

    return [derive("adam", "l2"), derive("adamw", "decoupled")]


def _figure_of(sims: Sequence[Simulation]) -> DecayFigure:
    series: list[Series] = []
    for sim in sims:
        colour_offset = len(series)
        for s in decay_series(sim, sim.label):
            colour = s.colour if s.dashed else PALETTE[(colour_offset + len(series)) % len(PALETTE)]
            series.append(Series(s.label, s.label_latex, s.values, colour, s.dashed, s.first_step))
    return DecayFigure(tuple(series), tuple(sims))


# -- the flagship's figure, as templates see it -----------------------------------------------------
@dataclass(frozen=True)
class FigureView:
    """What the notes' templates need of the figure: strings only, computed once."""

    svg_name: str
    pgfplots: str
    steps: int
    scales: str
    hyper: str
    uniform_decay: str


@cache
def flagship_view() -> FigureView:
    """The figure of the weight-decay notes: its data, the pgfplots code, and the values for the caption."""
    from . import printing
    from . import symbols as S

    figure = decay_data()
    sim = figure.simulations[0]
    hyper = dict(sim.hyper)
    order = ["eta", "lam", "beta1", "beta2", "eps"]
    values = ", ".join(f"{printing.latex(S.lookup(k))} = {latex_number(hyper[k])}" for k in order if k in hyper)
    scales = ", ".join(f"{a:g}" for a in sim.problem.a)
    uniform = hyper["eta"] * hyper["lam"]
    tikz = pgfplots(figure, width="0.75\\linewidth")
    return FigureView(FLAGSHIP_SVG, tikz, figure.steps, scales, values, latex_number(uniform))
