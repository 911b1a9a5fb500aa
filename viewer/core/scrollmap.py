"""Pure position mapping between two documents through their shared passages (core; no Qt).

Like Meld's sync scrolling and ReText's pure mapping object: the passages two documents
share give corresponding ranges; the heaviest chain of them that is in order in both
documents (a moved passage cannot be in it) becomes a monotone map. The Qt layer feeds it
pixel positions, so wrapped lines and different lengths stay smooth.

``FollowMap`` turns that into scroll positions: for each position of the leading pane,
where a follower must stand so that the line at the leader's sync point and its
counterpart are level on screen. Followers may need to stand before their first line or
past their last one (blank room, as Beyond Compare's filler lines give); the map says how
much room each end needs. It never moves a follower backwards while the leader moves on.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

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


def _interpolate(xs: Sequence[float], ys: Sequence[float], x: float) -> float:
    """Piecewise-linear ``y(x)`` through the points, constant beyond the ends."""
    if x <= xs[0]:
        return ys[0]
    if x >= xs[-1]:
        return ys[-1]
    i = bisect_right(xs, x) - 1
    while i + 1 < len(xs) and xs[i + 1] == xs[i]:
        i += 1
    x0, x1, y0, y1 = xs[i], xs[i + 1], ys[i], ys[i + 1]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)


def sync_fraction(top: float, page: float, total: float) -> float:
    """Meld's sync point: where in the view (0 top … 1 bottom) positions are matched.

    The top of the view at the start of a document, the bottom at its end, and the middle
    in between, moving linearly over the first and last half page of scrolling. A document
    shorter than two pages moves it linearly from top to bottom, so every line can be at
    the sync point, and the line there never moves up while the view moves down.
    """
    span = total - page  # the largest scroll position
    if span <= 0 or page <= 0:
        return 0.0
    top = min(max(top, 0.0), span)
    if span < page:
        return top / span
    half = page / 2
    return 0.5 * min(1.0, top / half) + 0.5 * max(0.0, 1.0 - (span - top) / half)


@dataclass(frozen=True)
class Geometry:
    """A pane's scrollable text: its height and the visible height (pixels)."""

    height: float
    page: float

    @property
    def span(self) -> float:
        """The largest scroll position without blank room past the end."""
        return max(0.0, self.height - self.page)

    def breakpoints(self) -> list[float]:
        """Scroll positions where the sync fraction changes pace."""
        span, half = self.span, self.page / 2
        points = [0.0, span]
        if span >= self.page:
            points[1:1] = [half, span - half]
        return points

    def sync_line(self, top: float) -> float:
        """Document y of the sync point when the view's top is at ``top`` (in range)."""
        return top + sync_fraction(top, self.page, self.height) * self.page


def _monotone_fit(values: Sequence[float]) -> list[float]:
    """The non-decreasing sequence nearest to ``values`` in the largest deviation.

    Where level positions conflict (the sync point moves down the screen while the
    follower has nothing to scroll past), the follower neither moves back nor lags one
    passage by the whole conflict: the shortfall is split between the two.
    """
    rising: list[float] = []
    for value in values:
        rising.append(max(value, rising[-1]) if rising else value)
    falling: list[float] = []
    for value in reversed(values):
        falling.append(min(value, falling[-1]) if falling else value)
    falling.reverse()
    return [(up + down) / 2 for up, down in zip(rising, falling, strict=True)]


@dataclass(frozen=True)
class FollowMap:
    """Where a follower's view top stands for each view top of the leader (pixels).

    Piecewise linear and non-decreasing. While the leader's sync point lies inside a
    chained passage, the follower's counterpart line is level with it on screen. Between
    passages the follower moves evenly from one level position to the next; before the
    first one it moves at most as fast as the leader, after the last one it heads for its
    own end at most as fast as the leader. Beyond the leader's ends it moves one to one.
    """

    tops: tuple[float, ...]
    follows: tuple[float, ...]

    @classmethod
    def build(cls, chain: Sequence[Segment], leader: Geometry, follower: Geometry) -> FollowMap:
        """From pixel segments ``(leader y0, y1, follower y0, y1)`` in order on both sides."""
        if leader.span <= 0:
            return cls._still(chain)
        turns = leader.breakpoints()
        line_at = [leader.sync_line(t) for t in turns]
        points: list[tuple[float, float]] = []
        for a0, a1, b0, b1 in chain:
            a0, a1 = max(0.0, a0), min(leader.height, a1)
            if a1 <= a0:
                continue
            t0 = _interpolate(line_at, turns, a0)
            t1 = _interpolate(line_at, turns, a1)
            for top in [t0, *(t for t in turns if t0 < t < t1), t1]:
                line = leader.sync_line(top)
                counterpart = b0 + (b1 - b0) * (line - a0) / (a1 - a0)
                points.append((top, counterpart - (line - top)))
        end = leader.span
        if not points:
            points = [(0.0, 0.0), (end, follower.span)] if end > 0 else [(0.0, 0.0)]
        else:
            first_top, first = points[0]
            if first_top > 0:
                points.insert(0, (0.0, max(min(0.0, first), first - first_top)))
            last_top, last = points[-1]
            if last_top < end:
                points.append((end, min(max(follower.span, last), last + end - last_top)))
        tops: list[float] = []
        raw: list[float] = []
        for top, follow in points:
            if tops and top <= tops[-1]:
                raw[-1] = follow
                continue
            tops.append(top)
            raw.append(follow)
        return cls(tuple(tops), tuple(_monotone_fit(raw)))

    @classmethod
    def _still(cls, chain: Sequence[Segment]) -> FollowMap:
        """A leader that cannot scroll (it fits on screen): its longest passage is level."""
        if not chain:
            return cls((0.0,), (0.0,))
        a0, _, b0, _ = max(chain, key=lambda s: (s[1] - s[0]) + (s[3] - s[2]))
        return cls((0.0,), (b0 - a0,))

    def __call__(self, top: float) -> float:
        """The follower's view top for the leader's view top ``top``."""
        if top < self.tops[0]:
            return self.follows[0] + (top - self.tops[0])
        if top > self.tops[-1]:
            return self.follows[-1] + (top - self.tops[-1])
        return _interpolate(self.tops, self.follows, top)

    def room(self, follower: Geometry) -> tuple[float, float]:
        """Blank room the follower needs before its first line and after its last one."""
        return max(0.0, -min(self.follows)), max(0.0, max(self.follows) - follower.span)
