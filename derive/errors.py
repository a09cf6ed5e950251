"""One error hierarchy for the whole package.

Every error a user can cause derives from :class:`DeriveError`, so the CLI can turn any of
them into a one-line message and an exit code without ever showing a traceback.
"""
from __future__ import annotations


class DeriveError(Exception):
    """Base class. ``str(err)`` is a complete one-line message (with ``path:line`` when known)."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(where + message)


class UsageError(DeriveError):
    """A wrong name or option: unknown optimizer, unknown regularization mode, bad flag."""


class SystemDefinitionError(DeriveError):
    """A malformed system of definitions: a cycle, an undefined symbol, no weight update."""


class DerivationError(DeriveError):
    """The engine could not bring a system into the requested form (e.g. not linear in w_{t-1})."""


class BudgetExceeded(DeriveError):
    """Symbolic work ran past its time budget; callers report the result as undecided."""


class RenderError(DeriveError):
    """A template is missing or refers to something that does not exist."""


class NotesError(DeriveError):
    """A notes file could not be read (missing, not UTF-8, not Markdown or LaTeX)."""


class UnknownNameError(UsageError):
    """A symbol name the notation does not declare, or a parameter a derivation does not have."""


class InputError(NotesError):
    """A path the checker was asked to read and could not (not a regular file, too large, unreadable).

    ``code`` names the finding it becomes (``input/…``); ``reason`` is the message without the path.
    """

    def __init__(self, message: str, *, code: str = "input/unreadable", path: str | None = None,
                 line: int | None = None) -> None:
        super().__init__(message, path=path, line=line)
        self.code = code
        self.reason = message


def debug_traceback() -> None:
    """With ``DERIVE_TRACEBACK`` set, the traceback of the exception being handled goes to stderr: for whoever
    debugs a checker bug that the report turns into a one-line ``checker/internal-error`` finding."""
    import os
    import traceback

    if os.environ.get("DERIVE_TRACEBACK"):
        traceback.print_exc()
