"""Highlight marks as flat, sorted ranges, looked up by position at paint time (Qt layer).

A pane's highlights are not stored in its QTextDocument: merging char formats one cursor at a
time into a 1 MB document took 70 s. Marks are kept here instead, flattened so that no two
overlap (a later mark wins where they do), and the view draws only those in the painted strip.
This module does not import Qt: the comparison process prepares the marks, so the GUI
thread only looks them up. It also holds ``Offsets``, the one place that converts core
offsets (code points) to Qt's (UTF-16 units: an emoji is one here and two there).
"""

from __future__ import annotations

import heapq
import itertools
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from viewer.core.coverage import changed_ranges, shared_segments
from viewer.core.model import Comparison

T = TypeVar("T")

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Offsets:
    """Converts between core offsets (code points) and Qt positions (UTF-16 units)."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """The code point at a UTF-16 position (the second half of a pair goes back)."""
        whole = bisect_right(self._astral_qt, position - 2)
        inside = whole < len(self._astral_qt) and self._astral_qt[whole] == position - 1
        return position - whole - (1 if inside else 0)


def flatten(marks: Sequence[tuple[int, int, T]]) -> list[tuple[int, int, T]]:
    """Non-overlapping ranges in text order; where marks overlap, the later one shows.

    Neighbouring pieces with the same payload are joined.
    """
    events: list[tuple[int, int, int]] = []
    for priority, (start, end, _) in enumerate(marks):
        if end > start:
            events.append((start, 1, priority))
            events.append((end, 0, priority))
    events.sort()
    active: list[int] = []  # heap of -priority
    ended: dict[int, int] = {}
    flat: list[tuple[int, int, T]] = []
    position = 0
    for offset, kind, priority in events:
        while active and ended.get(-active[0]):
            ended[-active[0]] -= 1
            heapq.heappop(active)
        if active and offset > position:
            payload = marks[-active[0]][2]
            if flat and flat[-1][1] == position and flat[-1][2] == payload:
                flat[-1] = (flat[-1][0], offset, payload)
            else:
                flat.append((position, offset, payload))
        position = offset
        if kind:
            heapq.heappush(active, -priority)
        else:
            ended[priority] = ended.get(priority, 0) + 1
    return flat


class RangeIndex(Generic[T]):
    """Ranges sorted by start; finds those touching a window in O(log n).

    Overlapping ranges are allowed (the search uses the running maximum of the ends).
    """

    def __init__(self, ranges: list[tuple[int, int, T]]) -> None:
        self.ranges = ranges
        self._starts = [r[0] for r in ranges]
        self._ends = list(itertools.accumulate((r[1] for r in ranges), max))

    def __len__(self) -> int:
        return len(self.ranges)

    def between(self, start: int, end: int) -> range:
        """Indices of the ranges that overlap ``[start, end)``."""
        return range(bisect_right(self._ends, start), bisect_left(self._starts, end))


class KeyedRanges:
    """Sorted, non-overlapping ranges with an int key each, in flat arrays: they cross the
    pipe from the comparison process as a few byte strings (1 MB articles' marks as tuples
    took 160 ms to unpickle on the GUI thread)."""

    def __init__(self, ranges: Sequence[tuple[int, int, int]]) -> None:
        self.starts = array("q", (r[0] for r in ranges))
        self.ends = array("q", (r[1] for r in ranges))
        self.keys = array("q", (r[2] for r in ranges))

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> tuple[int, int, int]:
        return self.starts[index], self.ends[index], self.keys[index]

    def __iter__(self) -> Iterator[tuple[int, int, int]]:
        return zip(self.starts, self.ends, self.keys, strict=True)

    def between(self, start: int, end: int) -> range:
        """Indices of the ranges that overlap ``[start, end)``."""
        return range(bisect_right(self.ends, start), bisect_left(self.starts, end))


CHANGED = -1  # key of changed words; a key n >= 1 is text that n other articles carry


@dataclass(frozen=True)
class DocumentMarks:
    """One document's highlights, flat and indexed: core ranges and the same in Qt units.

    Keys: ``CHANGED`` or the number of other articles carrying the text.
    """

    core: KeyedRanges
    qt: KeyedRanges
    overview: list[tuple[int, int, int]]  # coarse: runs of one key joined across small gaps


NO_MARKS = DocumentMarks(KeyedRanges([]), KeyedRanges([]), [])

OVERVIEW_RESOLUTION = 4000  # an overview strip is at most a few thousand pixels high


def coarse(flat: list[tuple[int, int, int]], length: int) -> list[tuple[int, int, int]]:
    """Each key's ranges joined where they are closer than 1/4000 of the text, shared keys
    first and changed last (so changes paint on top): what an overview strip can show."""
    gap = max(1, length // OVERVIEW_RESOLUTION)
    runs: dict[int, list[tuple[int, int, int]]] = {}
    for start, end, key in flat:
        same = runs.setdefault(key, [])
        if same and start - same[-1][1] <= gap:
            same[-1] = (same[-1][0], end, key)
        else:
            same.append((start, end, key))
    ordered = sorted(runs, key=lambda k: (k == CHANGED, k))
    return [run for key in ordered for run in runs[key]]


def document_marks(comparison: Comparison, doc: int) -> DocumentMarks:
    """Shared segments, then changed ranges on top, flattened."""
    marks: list[tuple[int, int, int]] = [
        (s.start, s.end, len(s.others)) for s in shared_segments(comparison, doc)
    ]
    marks += [(s, e, CHANGED) for s, e in changed_ranges(comparison, doc)]
    flat = flatten(marks)
    offsets = Offsets(comparison.documents[doc].text)
    qt = [(offsets.to_qt(s), offsets.to_qt(e), key) for s, e, key in flat]
    length = len(comparison.documents[doc].text)
    return DocumentMarks(KeyedRanges(flat), KeyedRanges(qt), coarse(flat, length))


_prepared: dict[int, tuple[Comparison, list[DocumentMarks]]] = {}


def remember(comparison: Comparison, marks: list[DocumentMarks]) -> None:
    """Keep the marks prepared with ``comparison`` (by the comparison process)."""
    while len(_prepared) >= 4:
        del _prepared[next(iter(_prepared))]
    _prepared[id(comparison)] = (comparison, marks)


def marks_for(comparison: Comparison, doc: int) -> DocumentMarks:
    """The prepared marks of ``doc``, computed here if none were prepared."""
    found = _prepared.get(id(comparison))
    if found is not None and found[0] is comparison:
        return found[1][doc]
    return document_marks(comparison, doc)
