"""Recognising a notes system as a catalog entry: the lazy step of each variant stays exact."""
from __future__ import annotations

import pytest

from derive import catalog
from derive.check.catalog_match import _full, _reached, _variants, identify

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
