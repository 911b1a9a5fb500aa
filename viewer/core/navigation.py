"""Stepping through passages and changes, and how to describe them (core layer; no Qt)."""

from __future__ import annotations

from pathlib import Path

from viewer.core.coverage import changed_ranges, passage_at
from viewer.core.documents import Document
from viewer.core.model import Comparison, Range


def step_passage(comparison: Comparison, current: int | None, forward: bool) -> int | None:
    """The passage after (or before) ``current``, wrapping around; None when there are none."""
    count = len(comparison.passages)
    if not count:
        return None
    if current is None:
        return 0 if forward else count - 1
    return (current + (1 if forward else -1)) % count


def step_change(
    comparison: Comparison, doc: int, offset: int, forward: bool
) -> tuple[int, Range] | None:
    """The next (previous) changed range in ``doc`` after (before) ``offset``, wrapping.

    Returns the passage holding it and the range; None when ``doc`` has no changes.
    """
    ranges = changed_ranges(comparison, doc)
    if not ranges:
        return None
    if forward:
        chosen = next((r for r in ranges if r[0] > offset), ranges[0])
    else:
        chosen = next((r for r in reversed(ranges) if r[0] < offset), ranges[-1])
    passage = passage_at(comparison, doc, chosen[0])
    if passage is None:  # a change always lies in a passage; be safe all the same
        return None
    return passage.id, chosen


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
    alike = f"{passage.similarity * 100:.0f} % alike"
    return f"Passage {passage_id + 1} of {len(comparison.passages)} · in {names} · {alike}"
