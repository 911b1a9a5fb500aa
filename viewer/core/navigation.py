"""Stepping through passages and changes, and how to describe them (core layer; no Qt).

The window keeps the current passage and the current change as indices into the lists
built here, so each press moves exactly one stop and a full cycle visits every stop once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from viewer.core.coverage import changed_ranges, passage_at
from viewer.core.documents import Document
from viewer.core.model import Comparison


@dataclass(frozen=True, slots=True)
class Stop:
    """Where a step lands: an index into the stops, and whether it wrapped around an end."""

    index: int
    wrapped: bool = False


@dataclass(frozen=True, slots=True)
class Change:
    """One changed range of a document, and the passage that holds it."""

    passage: int
    start: int
    end: int


def step(count: int, current: int | None, forward: bool) -> Stop | None:
    """The stop after (before) ``current`` among ``count``; None when there are none.

    With no current stop, forward starts at the first and backward at the last.
    """
    if count <= 0:
        return None
    if current is None or not 0 <= current < count:
        return Stop(0 if forward else count - 1)
    target = current + (1 if forward else -1)
    return Stop(target % count, wrapped=not 0 <= target < count)


def step_passage(comparison: Comparison, current: int | None, forward: bool) -> Stop | None:
    """The passage after (or before) ``current``, wrapping around; None when there are none."""
    return step(len(comparison.passages), current, forward)


def changes_in(comparison: Comparison, doc: int) -> list[Change]:
    """Every changed range of ``doc`` in text order, each with the passage it lies in."""
    found = []
    for start, end in changed_ranges(comparison, doc):
        passage = passage_at(comparison, doc, start)
        if passage is not None:  # a change always lies in a passage; be safe all the same
            found.append(Change(passage.id, start, end))
    return found


def enter_changes(changes: list[Change], offset: int, forward: bool) -> Stop | None:
    """The first stop when none is current: from ``offset`` (the reading position) on.

    Forward: the first change starting at or after ``offset``; backward: the last one
    starting before it. When there is none that way, it wraps to the other end.
    """
    if not changes:
        return None
    if forward:
        index = next((i for i, c in enumerate(changes) if c.start >= offset), None)
        return Stop(index) if index is not None else Stop(0, wrapped=True)
    index = next((i for i in range(len(changes) - 1, -1, -1) if changes[i].start < offset), None)
    return Stop(index) if index is not None else Stop(len(changes) - 1, wrapped=True)


def percent(share: float) -> str:
    """A share as whole percent, rounded down: "100 %" only when whole, "<1 %" when tiny."""
    if 0.0 < share < 0.01:
        return "<1 %"
    value = math.floor(share * 100 + 1e-9)
    if share < 1.0:
        value = min(value, 99)
    return f"{value} %"


def short_name(document: Document) -> str:
    """A short label: the leading number of a name like "004-esta-…", else the name."""
    stem = Path(document.path).stem
    head = stem.split("-")[0].split("_")[0]
    if head and head != stem and len(head) <= 6:
        return head
    return stem if len(stem) <= 24 else stem[:23] + "…"


def describe_passage(comparison: Comparison, passage_id: int) -> str:
    """Status text such as "Passage 3 of 17 · in 000, 004 · 96 % alike"."""
    passage = comparison.passages[passage_id]
    names = ", ".join(short_name(comparison.documents[d]) for d in passage.docs)
    alike = f"{percent(passage.similarity)} alike"
    return f"Passage {passage_id + 1} of {len(comparison.passages)} · in {names} · {alike}"
