"""Pure position mapping between two documents through their shared passages (core; no Qt).

Like Meld's sync scrolling and ReText's pure mapping object: the passages two documents
share give corresponding ranges; the heaviest chain of them that is in order in both
documents (a moved passage cannot be in it) becomes a monotone piecewise-linear map. The
Qt layer feeds it pixel positions, so wrapped lines and different lengths stay smooth.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

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
    """The heaviest set of non-overlapping segments in the same order on both sides."""
    ordered = sorted(segments)
    best: list[float] = []
    previous: list[int] = []
    for i, (a0, a1, b0, b1) in enumerate(ordered):
        weight = (a1 - a0) + (b1 - b0)
        best.append(weight)
        previous.append(-1)
        for j in range(i):
            _, pa1, _, pb1 = ordered[j]
            if pa1 <= a0 and pb1 <= b0 and best[j] + weight > best[i]:
                best[i] = best[j] + weight
                previous[i] = j
    if not ordered:
        return []
    i = max(range(len(ordered)), key=best.__getitem__)
    chain: list[Segment] = []
    while i >= 0:
        chain.append(ordered[i])
        i = previous[i]
    return chain[::-1]


@dataclass(frozen=True)
class ScrollMap:
    """A monotone piecewise-linear map from positions in A to positions in B."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]

    @classmethod
    def from_segments(cls, chain: Sequence[Segment], length_a: float, length_b: float) -> ScrollMap:
        """Anchor both ends and every chained segment's start and end."""
        xs: list[float] = [0.0]
        ys: list[float] = [0.0]
        for a0, a1, b0, b1 in chain:
            for x, y in ((a0, b0), (a1, b1)):
                if x >= xs[-1] and y >= ys[-1] and (x, y) != (xs[-1], ys[-1]):
                    xs.append(float(x))
                    ys.append(float(y))
        if length_a >= xs[-1] and length_b >= ys[-1]:
            xs.append(float(length_a))
            ys.append(float(length_b))
        return cls(tuple(xs), tuple(ys))

    def map(self, x: float) -> float:
        """Where position ``x`` of A corresponds in B."""
        xs, ys = self.xs, self.ys
        if x <= xs[0]:
            return ys[0]
        if x >= xs[-1]:
            return ys[-1]
        i = bisect_right(xs, x) - 1
        while i + 1 < len(xs) and xs[i + 1] == xs[i]:
            i += 1
        x0, x1, y0, y1 = xs[i], xs[i + 1], ys[i], ys[i + 1]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)

    def inverse(self) -> ScrollMap:
        return ScrollMap(self.ys, self.xs)


def sync_fraction(top: float, page: float, total: float) -> float:
    """Meld's sync point: where in the view (0 top … 1 bottom) positions are matched.

    The top of the view at the start of a document, the bottom at its end, and the middle
    in between, moving smoothly over the first and last half page.
    """
    if total <= page or page <= 0:
        return 0.0
    if top < page / 2:
        return top / page
    bottom_gap = total - (top + page)
    if bottom_gap < page / 2:
        return 1.0 - bottom_gap / page
    return 0.5
