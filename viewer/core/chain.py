"""The passages two documents share, as one chain in the same order in both (core; no Qt).

The heaviest set of shared ranges in order in both documents (a moved passage cannot be
in it), and the word anchors that correspond inside each pair of copies. Scroll maps
(``viewer.core.scrollmap``) and the passage list's order are built on it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from viewer.core.changes import equal_blocks
from viewer.core.model import Comparison

Segment = tuple[float, float, float, float]  # (a_start, a_end, b_start, b_end)


def link_segments(comparison: Comparison, a: int, b: int) -> list[Segment]:
    """Corresponding character ranges of every pairwise match between ``a`` and ``b``."""
    segments: list[Segment] = []
    for link in comparison.links_between(a, b):
        ra, rb = link.ranges[link.side(a)], link.ranges[link.side(b)]
        segments.append((ra[0], ra[1], rb[0], rb[1]))
    return segments


def monotone_chain(segments: Sequence[Segment]) -> list[Segment]:
    """The heaviest set of non-overlapping segments in the same order on both sides.

    Weighted longest increasing chain in O(n log n): segments are taken in order of their
    start in A; a segment may follow any segment that ends before it starts in both texts,
    found with a prefix-maximum tree over the ends in B.
    """
    ordered = sorted(segments)
    count = len(ordered)
    if not count:
        return []
    ends_b = sorted({s[3] for s in ordered})
    rank = {value: index + 1 for index, value in enumerate(ends_b)}
    tree = [(0.0, -1)] * (len(ends_b) + 1)  # prefix maxima of (chain weight, segment)

    def update(position: int, entry: tuple[float, int]) -> None:
        while position < len(tree):
            if entry > tree[position]:
                tree[position] = entry
            position += position & -position

    def query(position: int) -> tuple[float, int]:
        best = (0.0, -1)
        while position > 0:
            if tree[position] > best:
                best = tree[position]
            position -= position & -position
        return best

    best: list[float] = [0.0] * count
    previous: list[int] = [-1] * count
    by_end_a = sorted(range(count), key=lambda i: ordered[i][1])
    added = 0
    for i, (a0, a1, b0, b1) in enumerate(ordered):
        while added < count and ordered[by_end_a[added]][1] <= a0:
            j = by_end_a[added]
            update(rank[ordered[j][3]], (best[j], j))
            added += 1
        weight = (a1 - a0) + (b1 - b0)
        before, j = query(bisect_right(ends_b, b0))
        best[i] = before + weight
        previous[i] = j
    i = max(range(count), key=best.__getitem__)
    chain: list[Segment] = []
    while i >= 0:
        chain.append(ordered[i])
        i = previous[i]
    return chain[::-1]


_WORD = re.compile(r"\w+")


ANCHOR_EVERY = 6  # words between anchors inside a run of equal words (about half a line)


def anchors(
    text_a: str,
    range_a: tuple[int, int],
    text_b: str,
    range_b: tuple[int, int],
    every: int = ANCHOR_EVERY,
) -> list[tuple[int, int]]:
    """Offsets that correspond inside two copies of a passage, in order in both texts.

    The ranges' starts and ends, and inside each run of equal words its first word, every
    ``every``-th word and its last word. Mapping through them keeps lines level where the
    copies wrap differently or one has words the other lacks.
    """
    words_a = list(_WORD.finditer(text_a, *range_a))
    words_b = list(_WORD.finditer(text_b, *range_b))
    ids: dict[str, int] = {}
    seq_a = [ids.setdefault(m.group().lower(), len(ids)) for m in words_a]
    seq_b = [ids.setdefault(m.group().lower(), len(ids)) for m in words_b]
    points = [(range_a[0], range_b[0])]
    for i, j, n in equal_blocks(seq_a, seq_b):
        for k in sorted({*range(0, n, max(1, every)), n - 1}):
            point = (words_a[i + k].start(), words_b[j + k].start())
            if point[0] > points[-1][0] and point[1] > points[-1][1]:
                points.append(point)
    if range_a[1] > points[-1][0] and range_b[1] > points[-1][1]:
        points.append((range_a[1], range_b[1]))
    return points
