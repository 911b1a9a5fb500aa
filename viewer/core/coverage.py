"""Per-document views of a comparison: who carries which text, where changes lie (core; no Qt).

A pane colours each character by how many other articles carry it. That count comes from
the pairwise links (a grouped passage's span is the union of its links, so it can claim
text that only some of its members carry), swept over the whole document.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.grouping import merge_ranges
from viewer.core.model import Comparison, Passage, Range


@dataclass(frozen=True, slots=True)
class Segment:
    """``text[start:end]`` is carried by the documents in ``others`` (never empty)."""

    start: int
    end: int
    others: frozenset[int]


def shared_segments(comparison: Comparison, doc: int) -> list[Segment]:
    """Maximal ranges of ``doc`` with a constant, non-empty set of other carriers."""
    events: list[tuple[int, int, frozenset[int]]] = []
    for link in comparison.links:
        if doc in link.docs:
            side = link.side(doc)
            others = frozenset({link.docs[1 - side]})
            events.append((link.ranges[side][0], 1, others))
            events.append((link.ranges[side][1], -1, others))
    events.sort(key=lambda e: (e[0], e[1]))
    active: dict[frozenset[int], int] = {}
    segments: list[Segment] = []
    position = 0
    for offset, kind, others in events:
        carriers = frozenset().union(*active) if active else frozenset()
        if offset > position and carriers:
            last = segments[-1] if segments else None
            if last and last.end == position and last.others == carriers:
                segments[-1] = Segment(last.start, offset, carriers)
            else:
                segments.append(Segment(position, offset, carriers))
        position = offset
        if kind == 1:
            active[others] = active.get(others, 0) + 1
        else:
            active[others] -= 1
            if not active[others]:
                del active[others]
    return segments


def changed_ranges(comparison: Comparison, doc: int) -> list[Range]:
    """Every range of ``doc`` whose words differ inside a shared passage, in order."""
    ranges = [c for p in comparison.passages for s in p.spans_in(doc) for c in s.changes]
    return merge_ranges(ranges)


def passage_at(comparison: Comparison, doc: int, offset: int) -> Passage | None:
    """The shortest passage whose span in ``doc`` contains ``offset``."""
    best: Passage | None = None
    best_length = 0
    for passage in comparison.passages:
        for span in passage.spans_in(doc):
            if span.start <= offset < span.end:
                length = span.end - span.start
                if best is None or length < best_length:
                    best, best_length = passage, length
    return best
