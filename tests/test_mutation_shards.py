"""scripts/mutation_check.py: CI runs one shard of the mutation list per commit, so the shards must cover it.

The shards of ``--shard I/N`` are a partition of the list (every mutation in exactly one), ``head`` picks one of
them from the commit, and a malformed spec is refused. Every mutation's snippet is checked here too: a stale
one (its snippet rewritten) is found by the plain test command, not only by CI's shard.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def mutation_check():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("mutation_check", ROOT / "scripts" / "mutation_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


@pytest.mark.parametrize("n", [1, 3, 10])
def test_the_shards_are_a_partition_of_the_list(mutation_check, n: int) -> None:  # type: ignore[no-untyped-def]
    everything = mutation_check.MUTATIONS
    shards = [mutation_check.shard(everything, f"{i}/{n}")[0] for i in range(n)]
    ids = [m.id for part in shards for m in part]
    assert sorted(ids) == sorted(m.id for m in everything) and len(ids) == len(set(ids))
    assert max(map(len, shards)) - min(map(len, shards)) <= 1  # even: each CI run costs about the same


def test_head_picks_one_shard(mutation_check) -> None:  # type: ignore[no-untyped-def]
    picked, note = mutation_check.shard(mutation_check.MUTATIONS, "head/10")
    assert picked in [mutation_check.MUTATIONS[i::10] for i in range(10)]
    assert note.startswith("shard ") and f"{len(picked)} of {len(mutation_check.MUTATIONS)}" in note


@pytest.mark.parametrize("spec", ["3", "x/3", "3/3", "-1/3", "0/0", "0/x", ""])
def test_a_malformed_shard_is_refused(mutation_check, spec: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        mutation_check.shard(mutation_check.MUTATIONS, spec)


def test_no_mutation_is_stale(mutation_check) -> None:  # type: ignore[no-untyped-def]
    assert mutation_check.stale_ids() == []
