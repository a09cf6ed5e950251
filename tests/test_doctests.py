"""The examples in the docstrings run (doctest), and every public function of the API modules has one."""
from __future__ import annotations

import doctest
import importlib
import inspect

import pytest

MODULES = ["derive", "derive.symbols", "derive.display", "derive.printing", "derive.system", "derive.derivation",
           "derive.analysis", "derive.simulate", "derive.figures", "derive.unrolled"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed (run pytest -s to see them)"
    assert result.attempted > 0, f"{name} has no examples"


@pytest.mark.parametrize("name", MODULES)
def test_every_public_function_has_an_example(name: str) -> None:
    module = importlib.import_module(name)
    missing = []
    for attr, value in vars(module).items():
        if attr.startswith("_") or not inspect.isfunction(value) or value.__module__ != module.__name__:
            continue
        if ">>>" not in (value.__doc__ or ""):
            missing.append(attr)
    assert not missing, f"{name}: public functions without an example: {', '.join(sorted(missing))}"
