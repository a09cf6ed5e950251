"""simulate(): the system and its derived form agree step by step; the decay figure shows 1 − g of the
derived g(λ) at the simulated state (checked against an Adam written out by hand), deterministically."""
from __future__ import annotations

import math
import os
import re
from dataclasses import replace

import pytest
import sympy as sp

import derive
from derive import catalog, figures
from derive import symbols as S
from derive.errors import UnknownNameError, UsageError
from derive.simulate import badly_scaled_quadratic, max_abs_difference

IN_CI = bool(os.environ.get("CI"))


def need(module: str) -> None:
    """Skip when an optional extra is missing locally; fail in CI, which installs it (.ci/run)."""
    try:
        __import__(module)
    except ImportError:
        if IN_CI:
            pytest.fail(f"{module} is not installed (CI installs the [plot] extra: see .ci/run)")
        pytest.skip(f"{module} not installed")


@pytest.mark.parametrize("name,mode", catalog.all_variants())
def test_system_and_step_form_agree_for_every_variant(name: str, mode: str) -> None:
    sim = derive.derive(name, mode).simulate(steps=25)
    assert sim.steps == 25 and len(sim.weights_form) == 25
    assert sim.max_difference <= 1e-12


@pytest.mark.parametrize("name,mode", catalog.all_variants())
def test_simulation_is_the_run_a_framework_makes(name: str, mode: str) -> None:
    """What simulate records is the entry's trajectory system (the rule conformance checks against
    torch.optim, optax and Keras) iterated from its initial state: NAdam's π₀ = 1, Adagrad's s₀, and
    for RAdam's rectified branch the steps before ρ_t > 5 run by the full rule, then recorded."""
    from derive import numeric as N

    d = derive.derive(name, mode)
    sim = d.simulate(steps=8)
    entry = catalog.get(name)
    values = {S.lookup(k): v for k, v in sim.hyper + sim.full_rule_hyper}
    full = N.run_system(entry.trajectory_system(mode), values, sim.problem, entry.first_step - 1 + 8)
    assert sim.step_numbers == range(entry.first_step, entry.first_step + 8)
    # RAdam's early branch is the full rule only while ρ_t ≤ 5: with β₂ = 0.999, for t ≤ 5
    n = 8 if sim.full_rule_until is None else sim.full_rule_until
    assert n == (5 if name == "radam-early" else 8)
    assert max_abs_difference(sim.weights[:n], full[entry.first_step - 1:][:n]) <= 1e-12
    assert max_abs_difference(sim.weights, full[entry.first_step - 1:]) > (1e-6 if n < 8 else -1)


def test_defaults_are_the_entrys_own() -> None:
    hyper = dict(derive.derive("adadelta", "l2").simulate(steps=1).hyper)
    assert hyper["rho"] == 0.9 and hyper["eta"] == 1.0 and hyper["eps"] == 1e-6
    assert dict(derive.derive("rmsprop").simulate(steps=1).hyper)["rho"] == 0.99
    assert dict(derive.derive("nadam").simulate(steps=1, hyper={"psi": 0.01}).hyper)["psi"] == 0.01


def test_a_wrong_form_is_caught() -> None:
    """Negative control: a decay factor off by λ/1000 shows in the trajectories."""
    d = derive.derive("adam", "l2")
    wrong = replace(d, decay=d.decay - S.lam / 1000)
    assert wrong.simulate(steps=25).max_difference > 1e-9


def test_comparison_fails_on_truncated_or_nan_data() -> None:
    assert max_abs_difference([[1.0], [2.0]], [[1.0]]) == math.inf
    assert max_abs_difference([[1.0, 2.0]], [[1.0]]) == math.inf
    assert max_abs_difference([[math.nan]], [[math.nan]]) == math.inf
    assert max_abs_difference([], []) == math.inf
    assert max_abs_difference([[1.0]], [[1.0 + 1e-3]]) == pytest.approx(1e-3)


def test_simulate_refuses_unknown_hyperparameters_and_bad_steps() -> None:
    d = derive.derive("adam", "l2")
    with pytest.raises(UnknownNameError):
        d.simulate(hyper={"mu": 0.9})
    with pytest.raises(UsageError):
        d.simulate(steps=0)
    with pytest.raises(UsageError):
        d.simulate(backend="jax")  # type: ignore[arg-type]


def test_numpy_backend_matches_pure_python() -> None:
    need("numpy")
    for name, mode in [("adam", "l2"), ("momentum", "decoupled"), ("adamw-paper", "l2"), ("nadam", "l2"),
                       ("adagrad", "l2"), ("radam", "decoupled"), ("lion", "decoupled")]:
        d = derive.derive(name, mode)
        a, b = d.simulate(steps=30), d.simulate(steps=30, backend="numpy")
        assert max_abs_difference(a.weights, b.weights) <= 1e-14
        assert max_abs_difference(a.decay, b.decay) <= 1e-14
        assert b.max_difference <= 1e-12


def _adam_by_hand(l2: bool, steps: int, eta: float = 0.01, lam: float = 0.01, b1: float = 0.9, b2: float = 0.999,
                  eps: float = 1e-8) -> list[list[float]]:
    """1 − g(λ) of Adam + L2 (or AdamW) along its own trajectory, Adam written out by hand; g from the engine."""
    kind = ("adam", "l2") if l2 else ("adamw", "decoupled")
    d = derive.derive(*kind)
    args = sorted(d.decay.free_symbols, key=lambda s: s.name)
    g_fn = sp.lambdify(args, d.decay, modules="math")
    problem = badly_scaled_quadratic()
    w = list(problem.w0)
    m = [0.0] * len(w)
    v = [0.0] * len(w)
    out = []
    for t in range(1, steps + 1):
        row = []
        for i in range(len(w)):
            grad = problem.a[i] * (w[i] - problem.b[i]) + (lam * w[i] if l2 else 0.0)
            m[i] = b1 * m[i] + (1 - b1) * grad
            v[i] = b2 * v[i] + (1 - b2) * grad * grad
            m_hat, v_hat = m[i] / (1 - b1 ** t), v[i] / (1 - b2 ** t)
            values = {S.eta: eta, S.lam: lam, S.beta1: b1, S.beta2: b2, S.eps: eps, S.t: float(t), S.v_hat: v_hat}
            row.append(1 - g_fn(*(values[a] for a in args)))
            w[i] = (w[i] * (1 if l2 else 1 - eta * lam)) - eta * m_hat / (math.sqrt(v_hat) + eps)
        out.append(row)
    return out


def test_figure_data_is_one_minus_g_at_the_simulated_state() -> None:
    fig = figures.decay_data()
    adam, adamw = fig.series[:3], fig.series[3]
    by_hand = _adam_by_hand(True, fig.steps)
    for i, series in enumerate(adam):
        for step, value in enumerate(series.values):
            assert math.isclose(value, by_hand[step][i], rel_tol=1e-9), (i, step)
    assert all(math.isclose(v, 0.01 * 0.01, rel_tol=1e-12) for v in adamw.values)
    by_hand_w = _adam_by_hand(False, fig.steps)
    assert all(math.isclose(row[0], adamw.values[s], rel_tol=1e-12) for s, row in enumerate(by_hand_w))
    # the picture's point: Adam + L2 decays the three coordinates at rates far apart
    last = [s.values[-1] for s in adam]
    assert last[2] / last[0] > 1e3


def test_pgfplots_and_svg_in_the_notes_carry_those_numbers() -> None:
    from derive.render import FLAGSHIP, plan, render_files

    fig = figures.decay_data()
    files = render_files(plan([FLAGSHIP]), langs=("en",), formats=("tex", "md"))
    tex = files["weight-decay.en.tex"].decode()
    plots = re.findall(r"\\addplot\[[^\]]*\] coordinates \{([^}]*)\}", tex)
    assert len(plots) == len(fig.series) == 4
    for series, coords in zip(fig.series, plots):
        pairs = re.findall(r"\((\d+),([-+0-9.e]+)\)", coords)
        assert len(pairs) == fig.steps
        for k, ((step, value), expected) in enumerate(zip(pairs, series.values), start=1):
            assert int(step) == k and math.isclose(float(value), expected, rel_tol=1e-6)
    assert "\\usepackage{pgfplots}" in tex
    md = files["weight-decay.en.md"].decode()
    assert f"]({figures.FLAGSHIP_SVG})" in md
    svg = files[figures.FLAGSHIP_SVG].decode()
    polylines = re.findall(r'<polyline [^>]*points="([^"]*)"', svg)
    assert len(polylines) == 4
    for series, points in zip(fig.series, polylines):
        pts = [tuple(map(float, p.split(","))) for p in points.split()]
        assert len(pts) == fig.steps
        for k, (x, y) in enumerate(pts):
            ex, ey = figures.to_pixels(fig, k + 1, series.values[k])
            assert abs(x - ex) <= 0.006 and abs(y - ey) <= 0.006


def test_figure_is_deterministic_and_valid_xml() -> None:
    import xml.etree.ElementTree as ET

    a = figures.svg(figures.decay_data())
    figures.decay_data.cache_clear()
    b = figures.svg(figures.decay_data())
    assert a == b
    root = ET.fromstring(a)
    assert root.tag.endswith("svg")
    assert figures.pgfplots(figures.decay_data()) == figures.flagship_view().pgfplots.replace(
        "0.75\\linewidth", "0.8\\linewidth")


def test_matplotlib_figure() -> None:
    need("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    fig = derive.derive("adam", "l2").plot_decay(steps=20)
    lines = fig.axes[0].get_lines()
    assert len(lines) == 3 and fig.axes[0].get_yscale() == "log"
    data = figures.plot_decay(steps=30)
    assert len(data.axes[0].get_lines()) == 4
    ys = data.axes[0].get_lines()[3].get_ydata()
    assert all(math.isclose(y, 1e-4, rel_tol=1e-12) for y in ys)
    # a branch simulated from a later step is drawn at its own steps
    radam = derive.derive("radam", "l2").plot_decay(steps=5)
    assert list(radam.axes[0].get_lines()[0].get_xdata()) == [20, 21, 22, 23, 24]
