"""Docstrings hold no control characters: a ``\\text{…}``, ``\\frac``, ``\\boldsymbol`` written in a docstring that is not
raw becomes a tab, a form feed or a backspace, and the documentation says something else than its source."""
from __future__ import annotations

import importlib
import inspect
import pkgutil

import derive

_CONTROL = {chr(c) for c in range(32) if chr(c) != "\n"} | {"\x7f"}


def _documented(module):  # type: ignore[no-untyped-def]
    yield module.__name__, module.__doc__
    for name, obj in vars(module).items():
        if getattr(obj, "__module__", None) != module.__name__:
            continue
        yield f"{module.__name__}.{name}", getattr(obj, "__doc__", None)
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                member = getattr(member, "__func__", member)
                yield f"{module.__name__}.{name}.{attr}", getattr(member, "__doc__", None) if callable(member) else None


def test_no_docstring_holds_a_control_character() -> None:
    bad = []
    for info in pkgutil.walk_packages(derive.__path__, "derive."):
        module = importlib.import_module(info.name)
        for where, doc in _documented(module):
            if isinstance(doc, str) and _CONTROL & set(doc):
                bad.append(where)
    assert bad == []
