"""Recognising a notes system as a catalog entry: the lazy step of each variant stays exact."""
from __future__ import annotations

import random

import pytest

from derive import catalog
from derive import symbols as S
from derive.proof import evaluate, random_point
from derive.check.catalog_index import VARIANTS
from derive.check.catalog_match import _full, _reached, _variants, identify, index_from_catalog, variant_system

SYSTEMS = [(name, mode) for name in catalog.names() for mode in catalog.get(name).modes]


@pytest.mark.parametrize("name, mode", SYSTEMS, ids=[f"{n}-{m}" for n, m in SYSTEMS])
def test_the_symbols_read_off_the_rows_are_those_of_the_written_out_step(name: str, mode: str) -> None:
    # identify() filters variants by these symbols before writing their steps out: they must agree exactly
    system = catalog.get(name).system(mode)
    assert _reached(system) == _full(system).free_symbols


def test_each_variant_is_recognised_from_its_own_step() -> None:
    variants = [v for v in _variants() if not v.mistake]
    assert len(variants) > 40
    for variant in variants[::7]:
        found = identify(variant.raw)
        assert found is not None and found.raw.free_symbols == variant.raw.free_symbols, variant.name


def test_the_generated_index_is_what_the_catalog_gives() -> None:
    # the checker trusts the table instead of building 87 systems: a stale table would hide a variant
    # (run `python scripts/catalog_index.py` after changing an optimizer)
    built = index_from_catalog()
    assert VARIANTS == built
    for variant in _variants():
        system = variant_system(variant.name, variant.mode)
        assert variant.symbols == _reached(system) == variant.raw.free_symbols, (variant.name, variant.mode)
        assert variant.row_names == {name for name, _ in variant.rows}


def test_the_known_mistakes_are_what_their_names_say() -> None:
    twice = next(v for v in _variants() if (v.name, v.mode) == ("adam", "l2-twice"))
    plain = next(v for v in _variants() if (v.name, v.mode) == ("adam", "l2"))
    assert twice.mistake and not plain.mistake
    assert twice.raw == plain.raw.xreplace({S.lam: 2 * S.lam})
    both = next(v for v in _variants() if (v.name, v.mode) == ("adamw", "l2+decoupled"))
    assert dict(both.rows)["g_{t}"] == S.grad + S.lam * S.w_prev


def test_each_variant_is_worth_its_written_out_step_row_by_row() -> None:
    # identify() compares a variant through value(), never writing the step out: the two must agree
    rng = random.Random(3)
    for variant in _variants():
        point = random_point(variant.raw.free_symbols, rng)
        whole, rows = evaluate(variant.raw, point), variant.value(point)
        assert whole is not None and rows is not None, (variant.name, variant.mode)
        assert abs(complex(whole) - rows) <= 1e-12 * max(1.0, abs(rows)), (variant.name, variant.mode)
