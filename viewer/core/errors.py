"""Core errors and cancel checks (core layer; imports nothing from the project)."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

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


def sorted_checked(items: Sequence[T], should_cancel: CancelCheck | None) -> list[T]:
    """``sorted(items)``, in slices merged one item at a time, polling ``should_cancel``:
    one ``sorted`` call on millions of items would not."""
    size = 16 * CANCEL_EVERY
    if len(items) <= size:
        check_cancel(should_cancel)
        return sorted(items)  # type: ignore[type-var]
    chunks: list[list[Any]] = []
    for start in range(0, len(items), size):
        check_cancel(should_cancel)
        chunks.append(sorted(items[start : start + size]))
    merged: list[T] = []
    for count, item in enumerate(heapq.merge(*chunks)):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        merged.append(item)
    return merged


class SessionError(Exception):
    """A session file that cannot be read or written; the message names the file and the
    problem. A failed read never changes any file."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
