"""The catalog next to the frameworks themselves: ``derive conformance [--framework torch|optax|keras]``.

Each catalog entry × regularization mode is run twice on the same random separable problem
(:class:`derive.numeric.Problem`, float64): once as the symbolic system (:mod:`derive.numeric`), once by
the framework's own optimizer, configured as :mod:`derive.conventions` says (the framework's name for
each hyperparameter, its λ, its ε placement). The largest difference per step is printed; a
trajectory that is shorter, longer or not finite is a failure, never a small number.

Frameworks are optional: whichever is importable is run (torch; optax with a CPU jax, float64
enabled; Keras 3 on the torch backend, float64). Nothing is downloaded at run time.
"""
from __future__ import annotations

import argparse
import math
from dataclasses import dataclass
from typing import Sequence

from .errors import DeriveError

TOLERANCE = 1e-12
STEPS = 12
SIZE = 5


class TrajectoryMismatch(DeriveError):
    """Two trajectories cannot be compared: different lengths or widths, or a value that is not finite."""


def step_differences(a: Sequence[Sequence[float]], b: Sequence[Sequence[float]]) -> list[float]:
    """The largest |a − b| at each step, over the whole of both trajectories.

    Raises :class:`TrajectoryMismatch` when the trajectories differ in length, when a step differs in
    width, or when any value is NaN or infinite: a truncated or broken run must fail a comparison,
    not pass it with the steps it happens to share.
    """
    if len(a) != len(b):
        raise TrajectoryMismatch(f"trajectories of different lengths: {len(a)} and {len(b)} steps")
    if not a:
        raise TrajectoryMismatch("empty trajectories")
    out: list[float] = []
    for step, (ra, rb) in enumerate(zip(a, b), start=1):
        if len(ra) != len(rb) or not ra:
            raise TrajectoryMismatch(f"step {step}: {len(ra)} and {len(rb)} coordinates")
        worst = 0.0
        for x, y in zip(ra, rb):
            x, y = float(x), float(y)
            if not (math.isfinite(x) and math.isfinite(y)):
                raise TrajectoryMismatch(f"step {step}: a value is not finite ({x}, {y})")
            worst = max(worst, abs(x - y))
        out.append(worst)
    return out


def strict_max_difference(a: Sequence[Sequence[float]], b: Sequence[Sequence[float]]) -> float:
    """max over :func:`step_differences`: raises on a length mismatch or a NaN instead of comparing less."""
    return max(step_differences(a, b))
