"""Core errors (core layer; imports nothing from the project)."""

from __future__ import annotations


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
