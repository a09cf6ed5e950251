"""A lecturer's own optimizers, read from notes: the same derivation, assumptions listed, errors at the row.

The fixture ``tests/own/lecture.en.md`` holds RMSprop with L2 (PyTorch's weight_decay), Lion (decay
×lr, the gradient defined in the prose after the block) and momentum with dampening written with
θ_k and ``\\leftarrow`` (the L2 gradient defined in the prose). Each derived form is checked twice:
symbolically against the textbook answer, and numerically against iterating the system as read.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import sympy as sp

import derive
from derive import numeric as N
from derive import symbols as S
from derive.cli import main
from derive.errors import SystemDefinitionError, UsageError
from derive.usersystem import load, own, with_regularization

LECTURE = Path(__file__).parent / "own" / "lecture.en.md"
tau, rho, gamma = S.symbol(r"\tau"), S.symbol(r"\rho"), S.symbol(r"\gamma")


@pytest.fixture(scope="module")
def lecture() -> list:
    return load(str(LECTURE))


def test_three_systems_with_their_headings(lecture: list) -> None:
    assert [o.title for o in lecture] == ["RMSprop with L2 regularization", "Lion", "Momentum with dampening"]
    assert [o.stem for o in lecture] == ["rmsprop-with-l2-regularization", "lion", "momentum-with-dampening"]
    assert [o.mode for o in lecture] == ["l2", "decoupled", "l2"]


def test_rmsprop_l2_is_per_coordinate_through_v(lecture: list) -> None:
    d = lecture[0].derivation
    v = S.symbol("v_{t}")
    assert sp.simplify(d.decay - (1 - S.eta * S.lam / (sp.sqrt(v) + S.eps))) == 0
    assert d.kind == "per-coordinate" and d.depends_on == (v,)
    assert "vhat-contains-lambda" in [n.code for n in d.notes]


def test_lion_reads_its_gradient_from_the_prose_and_decays_uniformly(lecture: list) -> None:
    d = lecture[1].derivation
    assert sp.expand(d.decay - (1 - S.eta * S.lam)) == 0 and d.kind == "uniform"
    prose = [a for a in lecture[1].system.assumptions if a.code == "prose"]
    assert prose and prose[0].line == 27 and "g_t" in prose[0].text


def test_dampened_momentum_in_theta_k_leftarrow(lecture: list) -> None:
    item = lecture[2]
    d = item.derivation
    assert sp.expand(d.decay - (1 - S.alpha * S.lam * (1 - tau))) == 0 and d.kind == "uniform"
    assert item.notation.describe() == r"w → \theta, t → k"
    assert {a.code for a in item.system.assumptions} >= {"index", "weight", "prose", "state", "hyperparameters"}


@pytest.mark.parametrize("index", [0, 1, 2])
def test_step_form_iterates_like_the_system(lecture: list, index: int) -> None:
    d = lecture[index].derivation
    hyper = {s: 0.1 + 0.05 * i for i, s in enumerate(d.system.hyperparameters()) if s != S.t}
    problem = N.Problem.random(5, seed=index)
    a = N.run_system(d.system, hyper, problem, 10)
    b = N.run_step_form(d.system, d.decay, d.rate, d.h, hyper, problem, 10)
    assert len(a) == len(b) == 10 and N.max_abs_difference(a, b) <= 1e-12
    wrong = N.run_step_form(d.system, d.decay - 0.01 * S.lam, d.rate, d.h, hyper, problem, 10)
    assert N.max_abs_difference(a, wrong) > 1e-6


# -- what is read, and how ------------------------------------------------------------------------
def _notes(tmp_path: Path, text: str, name: str = "n.md") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


MOMENTUM_PROSE = r"""# Momentum

$$
\begin{cases}
m_t = \mu m_{t-1} + g_t \\
w_t = w_{t-1} - \eta m_t
\end{cases}
$$

where $g_t = \nabla L(w_{t-1}) + \lambda w_{t-1}$.
"""


def test_gradient_defined_in_the_prose_after_the_block_gives_the_right_decay(tmp_path: Path) -> None:
    (item,) = load(_notes(tmp_path, MOMENTUM_PROSE))
    eta = S.symbol(r"\eta")
    assert sp.expand(item.derivation.decay - (1 - eta * S.lam)) == 0
    assert any(a.code == "prose" and a.line == 10 for a in item.system.assumptions)


def test_gradient_nobody_defines_is_a_named_assumption_never_silent(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _notes(tmp_path, MOMENTUM_PROSE.replace("where $g_t = \\nabla L(w_{t-1}) + \\lambda w_{t-1}$.", ""))
    assert main(["show", "--system", path]) == 0
    captured = capsys.readouterr()
    assert "warning" in captured.err and "g_t is not defined anywhere: taken as the loss gradient" in captured.err
    assert "g(λ) = 1" in captured.out and "Assumed:" in captured.out


def test_unreadable_prose_definition_is_named(tmp_path: Path) -> None:
    text = MOMENTUM_PROSE.replace(r"\lambda w_{t-1}$", r"\lambda w_{t-1} \unknownmacro{}$")
    (item,) = load(_notes(tmp_path, text))
    warnings = [a for a in item.system.warnings]
    assert any("could not be read" in a.text for a in warnings) or any(a.code == "gradient" for a in warnings)


@pytest.mark.parametrize("block, decay", [
    # index n, := rows
    (r"\begin{aligned} m_n &:= \mu m_{n-1} + \nabla L(w_{n-1}) + \lambda w_{n-1} \\ "
     r"w_n &:= w_{n-1} - \eta_n m_n \end{aligned}", 1 - S.eta * S.lam),
    # forward index x_{k+1} = x_k - ..., weights called x
    (r"\begin{aligned} v_{k+1} &= \mu v_k - \alpha (\nabla f(x_k) + \lambda x_k) \\ "
     r"x_{k+1} &= x_k + v_{k+1} \end{aligned}", 1 - S.alpha * S.lam),
    # pseudo-code without indices, \gets
    (r"\begin{aligned} m &\gets \mu m + \nabla L(\theta) + \lambda \theta \\ "
     r"\theta &\gets \theta - \alpha m \end{aligned}", 1 - S.alpha * S.lam),
])
def test_index_letters_arrows_and_pseudo_code(tmp_path: Path, block: str, decay: sp.Expr) -> None:
    (item,) = load(_notes(tmp_path, f"$$\n{block}\n$$\n"))
    assert sp.expand(item.derivation.decay - decay) == 0
    d = item.derivation
    hyper = {s: 0.2 + 0.1 * i for i, s in enumerate(d.system.hyperparameters()) if s != S.t}
    problem = N.Problem.random(4, seed=3)
    assert N.max_abs_difference(N.run_system(d.system, hyper, problem, 8),
                                N.run_step_form(d.system, d.decay, d.rate, d.h, hyper, problem, 8)) <= 1e-12


def test_pseudo_code_reads_the_previous_value_before_its_row(tmp_path: Path) -> None:
    (item,) = load(_notes(tmp_path, "$$\n\\begin{aligned} m &\\gets \\beta m + g \\\\ "
                                    "w &\\gets w - \\eta m \\end{aligned}\n$$\n\nwhere $g = \\nabla L(w)$.\n"))
    rows = {d.target.name: d.expr for d in item.system.definitions}
    beta, eta = S.symbol(r"\beta"), S.symbol(r"\eta")
    assert rows["m_{t}"] == beta * S.m_prev + S.symbol("g")
    assert rows["w_{t}"] == S.w_prev - eta * S.m
    assert rows["g"] == S.grad


# -- broken systems: exit 2 with the row at fault ---------------------------------------------------
@pytest.mark.parametrize("rows, line, fragment", [
    (r"m_t = \mu w_t + g_t \\" "\n" r"w_t = w_{t-1} - \eta m_t", 3, "circular definition"),
    (r"m_t = m_t + g_t \\" "\n" r"w_t = w_{t-1} - \eta m_t", 3, "m_{t} is defined through itself"),
    (r"m_t = \mu m_{t-1} + g_t \\" "\n" r"v_t = m_t", 3, "no weight update"),
    (r"m_t = \mu m_{t-1} + g_t \\" "\n" r"w_t = w_{t-1} - \eta (m_t + q_t)", 3, "are read but never defined"),
])
def test_broken_system_exits_2_with_the_row(tmp_path: Path, rows: str, line: int, fragment: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = _notes(tmp_path, "$$\n\\begin{cases}\n" + rows + "\n\\end{cases}\n$$\n")
    assert main(["show", "--system", path]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and fragment in err
    assert f"{path}:{line}:" in err or f"{path}:{line + 1}:" in err


def test_cycle_points_at_its_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _notes(tmp_path, "text\n\n$$\n\\begin{cases}\ng_t = \\nabla L(w_{t-1}) \\\\\nm_t = \\mu w_t + g_t \\\\\n"
                            "w_t = w_{t-1} - \\eta m_t\n\\end{cases}\n$$\n")
    assert main(["show", "--system", path]) == 2
    err = capsys.readouterr().err
    assert f"{path}:6:" in err and "circular" in err  # the row m_t = μ w_t + g_t


# -- regularization blocks and unrolling on a user system ------------------------------------------
def test_reg_adds_the_catalog_blocks(tmp_path: Path) -> None:
    path = _notes(tmp_path, "$$\n\\begin{cases}\nm_t = \\mu m_{t-1} + \\nabla L(w_{t-1}) \\\\\n"
                            "w_t = w_{t-1} - \\eta_t m_t\n\\end{cases}\n$$\n")
    (plain,) = load(path)
    assert plain.mode == "none" and plain.derivation.decay == 1
    (l2,) = load(path, reg="l2")
    (dec,) = load(path, reg="decoupled")
    assert l2.mode == "l2" and sp.expand(l2.derivation.decay - (1 - S.eta * S.lam)) == 0
    assert dec.mode == "decoupled" and dec.detail == "decoupled-lr"
    assert sp.expand(dec.derivation.decay - (1 - S.eta * S.lam)) == 0
    # both agree on one step and part ways on the second (momentum carries λ in L2 only)
    from derive.analysis import part_ways
    parting = part_ways(l2.system, dec.system, 2)
    assert parting.first_difference == 2


def test_reg_swaps_the_mode_of_a_regularized_system(lecture: list) -> None:
    rms = own(lecture[0].system, reg="decoupled")
    assert rms.mode == "decoupled" and rms.derivation.kind == "uniform"
    with pytest.raises(UsageError, match="already"):
        with_regularization(lecture[0].system, "l2")


def test_unroll_on_a_user_system(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--system", f"{LECTURE}:1", "--unroll", "2", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "RMSprop with L2 regularization"
    assert data["unroll"]["versus"]["regularization"] == "decoupled"
    assert data["unroll"]["first_difference"] == 1
    assert any(a["code"] == "hyperparameters" for a in data["assumptions"])


def test_show_selects_a_system_by_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--system", f"{LECTURE}:29"]) == 0
    assert capsys.readouterr().out.startswith("Momentum with dampening")


# -- the Python path infers the same things ---------------------------------------------------------
def test_make_system_infers_and_lists_without_params() -> None:
    c = S.symbol("c_{t}")
    system = derive.make_system([
        (c, rho * S.m_prev + (1 - rho) * S.grad),
        (S.w, S.w_prev - gamma * (sp.sign(c) + S.lam * S.w_prev)),
        (S.m, S.beta2 * S.m_prev + (1 - S.beta2) * S.grad),
    ])
    assert set(system.params) == {rho, gamma, S.lam, S.beta2} and system.rate == gamma
    codes = {a.code for a in system.assumptions}
    assert {"hyperparameters", "state", "rate", "regularization"} <= codes
    d = derive.derive_system(system)
    assert d.reg_detail == "decoupled-lr" and sp.expand(d.decay - (1 - gamma * S.lam)) == 0


def test_make_system_names_the_guessed_gradient_as_a_warning() -> None:
    q = S.symbol("q_{t}")
    system = derive.make_system([(S.w, S.w_prev - S.eta * q)])
    (warning,) = system.warnings
    assert warning.code == "gradient" and "q_" in warning.text and "taken as the loss gradient" in warning.text
    assert system.definition(q).expr == S.grad


def test_no_system_in_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SystemDefinitionError, match="no system found"):
        load(_notes(tmp_path, "Only prose here, and $x = 1$.\n"))


def test_render_of_a_broken_system_exits_2_and_writes_nothing(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from derive.render import add_arguments, run

    path = _notes(tmp_path, "$$\n\\begin{cases}\nm_t = m_t + g_t \\\\\nw_t = w_{t-1} - \\eta m_t\n\\end{cases}\n$$\n")
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    out = tmp_path / "o"
    assert run(parser.parse_args(["--system", path, "--out", str(out)])) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{path}:3:" in err and "defined through itself" in err
    assert not out.exists()
