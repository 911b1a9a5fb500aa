"""Core errors (core layer; imports nothing from the project)."""

from __future__ import annotations

from collections.abc import Callable

CancelCheck = Callable[[], bool]
# Items a Python loop handles between two cancel checks (a few milliseconds of work).
CANCEL_EVERY = 1024


class DocumentError(Exception):
    """A file that cannot be read as an article; the message names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ComparisonCancelled(Exception):
    """Raised by ``compare`` when its ``should_cancel`` callable returned true."""

    def __init__(self) -> None:
        super().__init__("comparison cancelled")


def check_cancel(should_cancel: CancelCheck | None) -> None:
    """Raise ``ComparisonCancelled`` when ``should_cancel`` says so."""
    if should_cancel is not None and should_cancel():
        raise ComparisonCancelled()
