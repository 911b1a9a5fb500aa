"""Pure position mapping between two documents through their shared passages (core; no Qt).

Like Meld's sync scrolling and ReText's pure mapping object: the chain of shared passages
in the same order in both documents (``viewer.core.chain``) becomes a monotone map. The
Qt layer feeds it pixel positions, so wrapped lines and different lengths stay smooth.

``FollowMap`` turns that into scroll positions: for each position of the leading pane,
where a follower must stand so that the line at the leader's sync point and its
counterpart are level on screen. Followers may need to stand before their first line or
past their last one (blank room, as Beyond Compare's filler lines give); the map says how
much room each end needs. It never moves a follower backwards while the leader moves on.

The sync point (``SyncCurve``, one per leader and follower) has Meld's shape: the top of
the view at the start, the middle in between, the bottom at the end. But it moves down the
screen only while it passes over text the follower shares, so the follower never has to
step back: over a paragraph only the leader has, it stands still on screen.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from viewer.core.chain import Segment


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
    This is the shape of the sync point where the follower shares the text 1:1; over text
    the follower lacks, ``SyncCurve`` holds it still (and falls back to this curve when
    the shared text is too short to carry the ramps).
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


RAMP = 0.5  # Meld's pace: the sync point moves down the screen as fast as the view scrolls
STEEPEST = 0.9  # the sync line at most 10x as fast as the view (only to fit short text)


@dataclass(frozen=True)
class SyncCurve:
    """The leader's sync point for one follower: its screen y for each view top (pixels).

    Piecewise linear through ``(tops[i], ys[i])``, constant beyond the ends. It has Meld's
    shape (top of the view at the start, middle in between, bottom at the end), but the
    sync point moves down the screen only while the line at it passes over text the
    follower shares, and never faster than the follower's copy runs: where the leader
    has text the follower lacks, it stands still on screen. So the follower never has to
    step back to stay level (a sync point sliding down over an inserted paragraph would
    pull the follower's counterpart up the screen: the follower would scroll backwards).

    Measured along the leader's document (``line`` = view top + sync y), the sync y rises
    at slope ``min(pace, m)``, where ``m`` is the follower's height per leader pixel there
    (a chained segment's slope; between segments, the follower's gap over the leader's;
    free before the first and after the last). The follower's level top
    ``m(line) - y`` then never decreases. ``pace`` is Meld's 1/2 (the sync line moving at
    twice the scroll), raised for text shorter than two pages or with too little shared
    text to ramp from top to bottom; if even the steepest pace cannot, Meld's curve is
    kept (and the follow map's monotone fit splits the conflict).
    """

    tops: tuple[float, ...]
    ys: tuple[float, ...]

    def __call__(self, top: float) -> float:
        """The sync point's screen y for the leader's view top ``top``."""
        return _interpolate(self.tops, self.ys, top)

    def line(self, top: float) -> float:
        """Document y of the sync point for the view top ``top``."""
        return top + self(top)

    @classmethod
    def meld(cls, leader: Geometry) -> SyncCurve:
        """Meld's sync point, whatever the follower shares."""
        span, page = leader.span, leader.page
        tops = [0.0, span] if span < page else [0.0, page / 2, span - page / 2, span]
        return cls(tuple(tops), tuple(sync_fraction(t, page, leader.height) * page for t in tops))

    @classmethod
    def gated(cls, pieces: Sequence[Segment], leader: Geometry) -> SyncCurve:
        """For chained pixel segments, in order and apart in both texts (``_pieces``)."""
        height, page = leader.height, leader.page
        # Stretches of the leader's document with the follower's height per leader pixel
        # there (None: free, before the first segment and after the last).
        stretches: list[tuple[float, float, float | None]] = []
        at = 0.0
        previous_b: float | None = None
        for a0, a1, b0, b1 in pieces:
            if a0 > at:
                gap = None if previous_b is None else max(0.0, b0 - previous_b) / (a0 - at)
                stretches.append((at, a0, gap))
            stretches.append((a0, a1, (b1 - b0) / (a1 - a0)))
            at, previous_b = a1, b1
        if at < height:
            stretches.append((at, height, None))
        pace = _pace(stretches, max(RAMP, page / height), page)
        if pace is None:
            return cls.meld(leader)
        rates = [(x0, x1, pace if m is None else min(pace, m)) for x0, x1, m in stretches]
        rise = sum((x1 - x0) * rate for x0, x1, rate in rates)  # >= page
        half = page / 2
        # Sync y along the document: the ramp from the top (capped at half a page) plus
        # the ramp to the bottom (the last half page of rise), as Meld's two halves.
        lines, gained = [0.0], [0.0]
        for x0, x1, rate in rates:
            start = gained[-1]
            for target in sorted({half, rise - half}):  # where the ramps reach their caps
                if start < target < start + (x1 - x0) * rate:
                    lines.append(x0 + (target - start) / rate)
                    gained.append(target)
            lines.append(x1)
            gained.append(start + (x1 - x0) * rate)
        ys = [min(half, g) + max(0.0, g - (rise - half)) for g in gained]
        ys[-1] = page
        return cls(tuple(x - y for x, y in zip(lines, ys, strict=True)), tuple(ys))


def _pace(
    stretches: Sequence[tuple[float, float, float | None]], least: float, rise: float
) -> float | None:
    """The smallest pace >= ``least`` at which the sync y can rise by ``rise`` (None if
    even ``STEEPEST`` cannot): rising at ``min(pace, m)`` over each stretch."""

    def total(pace: float) -> float:
        return sum((x1 - x0) * (pace if m is None else min(pace, m)) for x0, x1, m in stretches)

    if total(least) >= rise:
        return least
    steepest = max(STEEPEST, least)
    if total(steepest) < rise:
        return None
    # total() is piecewise linear in the pace, bending at the stretches' slopes: walk them.
    bends = sorted(
        (m, x1 - x0) for x0, x1, m in stretches if m is not None and least < m < steepest
    )
    below = sum((x1 - x0) * m for x0, x1, m in stretches if m is not None and m <= least)
    above = sum(x1 - x0 for x0, x1, m in stretches if m is None or m > least)
    for slope, length in bends:
        if below + slope * above >= rise:
            break
        below += slope * length
        above -= length
    return min(steepest, (rise - below) / above)


def _pieces(chain: Sequence[Segment], height: float) -> list[Segment]:
    """The segments inside the leader's text, apart and in order on both sides.

    Passages that meet inside a line overlap by up to a line in pixels: the later one
    starts where the earlier one ends (its follower side interpolated, then clipped).
    """
    pieces: list[Segment] = []
    end_a, end_b = 0.0, -math.inf
    for a0, a1, b0, b1 in chain:
        start, stop = max(a0, end_a), min(a1, height)
        if stop <= start or a1 <= a0:
            continue
        slope = (b1 - b0) / (a1 - a0)
        c0 = max(end_b, b0 + slope * (start - a0))
        c1 = max(c0, b0 + slope * (stop - a0))
        pieces.append((start, stop, c0, c1))
        end_a, end_b = stop, c1
    return pieces


def _monotone_fit(values: Sequence[float]) -> list[float]:
    """The non-decreasing sequence nearest to ``values`` in the largest deviation.

    A safety net: with the gated sync point the level positions rise already; where they
    cannot (shared text too short to carry the sync point from top to bottom), the
    follower neither moves back nor lags one passage by the whole conflict: the
    shortfall is split between the two.
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

    Piecewise linear and non-decreasing. While the leader's sync point (``sync``, this
    pair's ``SyncCurve``) lies inside a chained passage, the follower's counterpart line
    is level with it on screen. Between passages the follower moves evenly from one level
    position to the next; before the first one it moves at most as fast as the leader,
    after the last one it heads for its own end at most as fast as the leader. Beyond the
    leader's ends it moves one to one.
    """

    tops: tuple[float, ...]
    follows: tuple[float, ...]
    sync: SyncCurve

    @classmethod
    def build(cls, chain: Sequence[Segment], leader: Geometry, follower: Geometry) -> FollowMap:
        """From pixel segments ``(leader y0, y1, follower y0, y1)`` in order on both sides.

        O(segments): the sync curve is walked once alongside them.
        """
        if leader.span <= 0:
            return cls._still(chain)
        pieces = _pieces(chain, leader.height)
        curve = SyncCurve.gated(pieces, leader) if pieces else SyncCurve.meld(leader)
        lines = [t + y for t, y in zip(curve.tops, curve.ys, strict=True)]
        points: list[tuple[float, float]] = []
        turn = 0
        for a0, a1, b0, b1 in pieces:
            while turn < len(lines) and lines[turn] <= a0:
                turn += 1
            inner = []
            while turn < len(lines) and lines[turn] < a1:
                inner.append(lines[turn])
                turn += 1
            for line in (a0, *inner, a1):
                top = _interpolate(lines, curve.tops, line)
                counterpart = b0 + (b1 - b0) * (line - a0) / (a1 - a0)
                points.append((top, counterpart - (line - top)))
        end = leader.span
        if not points:
            points = [(0.0, 0.0), (end, follower.span)]
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
        return cls(tuple(tops), tuple(_monotone_fit(raw)), curve)

    @classmethod
    def _still(cls, chain: Sequence[Segment]) -> FollowMap:
        """A leader that cannot scroll (it fits on screen): its longest passage is level,
        and its start is the sync point."""
        if not chain:
            return cls((0.0,), (0.0,), SyncCurve((0.0,), (0.0,)))
        a0, _, b0, _ = max(chain, key=lambda s: (s[1] - s[0]) + (s[3] - s[2]))
        return cls((0.0,), (b0 - a0,), SyncCurve((0.0,), (a0,)))

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
