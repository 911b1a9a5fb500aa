"""Alignment-aware synchronised scrolling of N panes (Qt layer).

Whichever pane the user scrolls leads. Its sync point is mapped into every other pane
through the pixel positions of the passages the two share (``viewer.core.scrollmap.FollowMap``),
so the line there and its counterpart stand level. The sync point has Meld's shape (top of
the view at the start, middle in between, bottom at the end), but it moves down the screen
only while it passes over text the follower shares, so the follower never has to step back;
it is therefore one per pair of panes (``sync_line``). Followers get blank room past their
ends where the alignment needs it. A lock stops the followers from scrolling each other in
a loop.
"""

from __future__ import annotations

import contextlib
import itertools
import math
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QScrollBar

from viewer.core.chain import anchors, link_segments, monotone_chain
from viewer.core.model import Comparison
from viewer.core.scrollmap import FollowMap, Geometry
from viewer.qt.later import later
from viewer.qt.pane import Pane

ANCHOR_BUDGET = 1500  # word anchors per pair of panes


class SyncScroller(QObject):
    """Keeps the panes' scroll positions aligned through their shared passages."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self._panes: list[Pane] = []
        self._bars: list[QScrollBar] = []  # each pane's, to find which one moved
        self._docs: list[int] = []
        self._comparison: Comparison | None = None
        self._maps: dict[tuple[int, int], FollowMap] = {}
        self._values: dict[int, int] = {}  # pane index → last scroll value seen
        self._shares: dict[tuple[int, int], float] = {}  # document pair → shared amount
        self._lock = False
        self.leader: Pane | None = None
        # The followers stand level with ``leader`` (it scrolled last, and nothing has
        # placed a pane since): its next step moves them on from there. Otherwise the
        # next step puts them level at once.
        self._settled = False
        # Told, in an idle turn after each step the user scrolls, where every pane will
        # stand after one more step the same way (pane → view top), so what depends on
        # the positions can be drawn before the step comes.
        self.ahead: Callable[[dict[Pane, int]], None] | None = None
        # That foresight: (leader, from, to, every pane's top then) and its plan, which the
        # step, when it comes as foreseen, applies instead of working it out again.
        self._foreseen: tuple[tuple[int, int, int, tuple[int, ...]], dict[int, int]] | None
        self._foreseen = None

    def set_panes(self, panes: list[Pane], docs: list[int]) -> None:
        """The panes in screen order and, for each, its document index in the comparison."""
        for pane in self._panes:
            with contextlib.suppress(RuntimeError, TypeError):
                pane.view.verticalScrollBar().valueChanged.disconnect(self._on_scroll)
            with contextlib.suppress(RuntimeError, TypeError):
                pane.view.layoutChanged.disconnect(self.invalidate)
        self._panes = list(panes)
        self._bars = [pane.view.verticalScrollBar() for pane in self._panes]
        self._docs = list(docs)
        for pane in self._panes:
            pane.view.verticalScrollBar().valueChanged.connect(self._on_scroll)
            pane.view.layoutChanged.connect(self.invalidate)
        if self.leader not in self._panes:
            self.leader = None
        self.invalidate()

    def set_comparison(self, comparison: Comparison | None, docs: list[int]) -> None:
        self._comparison = comparison
        self._docs = list(docs)
        self.invalidate()

    def invalidate(self) -> None:
        """Forget pixel maps (after a resize, zoom or new result); build the leader's again
        in coming turns of the event loop, so the next wheel step finds them ready."""
        self._maps.clear()
        self._shares.clear()
        self._foreseen = None
        self._values = {i: p.view.top() for i, p in enumerate(self._panes)}
        later((id(self), "maps"), self._prepare_one)

    def _prepare_one(self) -> None:
        """Build one missing map from the leading pane (its first word anchors cost up to
        tens of milliseconds per follower: all five at the first wheel step took 93 ms)."""
        panes = self._panes
        if self._comparison is None or not self.enabled or len(panes) < 2:
            return
        if not all(p.view.layout_ready() for p in panes):
            return  # far positions would lay big texts out at once; the window realigns later
        lead = panes.index(self.leader) if self.leader in panes else 0
        missing = [i for i in range(len(panes)) if i != lead and (lead, i) not in self._maps]
        if missing:
            self.map_between(lead, missing[0])
        if len(missing) > 1:
            later((id(self), "maps"), self._prepare_one)

    def _on_scroll(self, value: int) -> None:
        sender = self.sender()
        for index, bar in enumerate(self._bars):
            if bar is sender:
                previous = self._values.get(index, value)
                self._values[index] = value
                if not self._lock:
                    pane = self._panes[index]
                    self.leader = pane
                    self.follow(pane, previous, placed=not self._settled)
                    self._settled = True
                    if self.ahead is not None and value != previous:
                        later((id(self), "ahead"), partial(self._foresee, index, value - previous))
                return

    def _foresee(self, leader: int, step: int) -> None:
        """Tell ``ahead`` where the panes will stand after pane ``leader`` moves ``step``
        pixels more (as a wheel turned on goes); nothing when it cannot move or a pixel
        map would have to be built for the guess."""
        if self.ahead is None or leader >= len(self._panes):
            return
        bar = self._bars[leader]
        now = bar.value()
        new = min(max(now + step, bar.minimum()), bar.maximum())
        if new == now:
            return
        plan = self._plan(leader, now, new, build=False) if self.enabled else {leader: new}
        if plan is not None:
            if self.enabled:
                self._foreseen = ((leader, now, new, self._tops()), plan)
            self.ahead({self._panes[i]: top for i, top in plan.items()})

    def _geometry(self, index: int) -> Geometry:
        view = self._panes[index].view
        return Geometry(view.document_height(), float(view.viewport().height()))

    def map_between(self, leader: int, follower: int) -> FollowMap:
        """Where pane ``follower`` stands for each view top of pane ``leader``."""
        key = (leader, follower)
        cached = self._maps.get(key)
        if cached is not None:
            return cached
        a, b = self._panes[leader].view, self._panes[follower].view
        pixel_chain: list[tuple[float, float, float, float]] = []
        if self._comparison is not None:
            segments = link_segments(self._comparison, self._docs[leader], self._docs[follower])
            chain = monotone_chain(segments)
            # About a word in two, fewer for long shared text: each anchor costs two
            # layout look-ups (a few µs each), and a map must build in a few tens of ms.
            words = sum(a1 - a0 for a0, a1, _, _ in chain) / 6
            every = max(2, math.ceil(words / ANCHOR_BUDGET))
            for a0, a1, b0, b1 in chain:
                points = anchors(
                    a.article.text, (int(a0), int(a1)), b.article.text, (int(b0), int(b1)), every
                )
                inner = points[:-1]
                ys = list(
                    zip(
                        a.tops_of([x for x, _ in inner]),
                        b.tops_of([y for _, y in inner]),
                        strict=True,
                    )
                )
                ys.append((a.bottom_of(points[-1][0]), b.bottom_of(points[-1][1])))
                # One anchor per leader line, its first word: the word a reader's eye
                # lands on at the sync point stands level, whatever the other wraps.
                kept = [ys[0]]
                for ya, yb in ys[1:]:
                    if ya > kept[-1][0] and yb >= kept[-1][1]:
                        kept.append((ya, yb))
                for (ya0, yb0), (ya1, yb1) in itertools.pairwise(kept):
                    pixel_chain.append((ya0, ya1, yb0, yb1))
        geometry = self._geometry(follower)
        mapping = FollowMap.build(pixel_chain, self._geometry(leader), geometry)
        self._maps[key] = mapping
        top, bottom = mapping.room(geometry)
        b.grow_room(math.ceil(top), math.ceil(bottom))  # none at all where none is needed
        return mapping

    def sync_line(self, leader: int, follower: int, top: float) -> float:
        """Document y in pane ``leader`` of its sync point for pane ``follower`` when its
        view top is at ``top``: the line whose counterpart the follower holds level."""
        return self.map_between(leader, follower).sync.line(top)

    def follow(self, leader_pane: Pane, previous: int | None = None, placed: bool = False) -> None:
        """Scroll every other pane to follow ``leader_pane``.

        A pane that shares passages with the leader follows it; one that shares only with
        another follower follows that one (so two articles that share text stay level
        while an unrelated one leads); the rest move as far as the leader moved (an
        article that shares nothing says nothing about where the others should be).
        With ``previous`` (the leader's scroll value before this move), a follower that is
        off its level position never moves against the leader's direction and catches up
        by at most the leader's step; without it, it goes there at once, and so it does
        on the first step after panes were ``placed`` (a passage, a change, a Find match,
        zoom) instead of waiting, perhaps past the leader's end, for the level position
        to reach it. A follower gets blank room past its ends where it needs it.
        """
        if self._lock or not self.enabled or leader_pane not in self._panes:
            return
        self._lock = True
        try:
            leader = self._panes.index(leader_pane)
            top = leader_pane.view.top()
            foreseen, self._foreseen = self._foreseen, None
            if (
                foreseen is not None
                and not placed
                and previous is not None
                and foreseen[0] == (leader, previous, top, self._tops(leader, previous))
            ):
                plan = foreseen[1]
            else:
                plan = self._plan(leader, previous, top, True, placed)
            assert plan is not None  # with build=True every map is there
            for index, place in plan.items():
                if index != leader:
                    view = self._panes[index].view
                    view.reach(place)  # no-op unless the leader stands in blank room of its own
                    view.scroll_to_y(place)
                    self._values[index] = view.top()
        finally:
            self._lock = False

    def _tops(self, moved: int | None = None, before: int = 0) -> tuple[int, ...]:
        """Every pane's view top; pane ``moved``'s as it was, ``before`` its move."""
        return tuple(
            before if i == moved else pane.view.top() for i, pane in enumerate(self._panes)
        )

    def _plan(
        self, leader: int, previous: int | None, top: int, build: bool, placed: bool = False
    ) -> dict[int, int] | None:
        """Where every pane stands when pane ``leader`` moved from ``previous`` to ``top``
        (pane index → view top, the leader's first). Without ``build``, None when a pixel
        map is missing. With ``placed``, followers that share go level at once."""
        tops = self._tops()
        moved = {leader: (previous, top)}
        plan = {leader: top}
        pending = [i for i in range(len(self._panes)) if i != leader]
        while pending:
            index, guide = next(
                ((i, g) for i in pending if (g := self._guide(i, moved, leader)) is not None),
                (pending[0], leader),
            )
            pending.remove(index)
            before, now = moved[guide]
            if self._share(guide, index) == 0:  # shares nothing with any placed pane
                bar = self._bars[index]
                target = tops[index] + (0 if before is None else now - before)
                plan[index] = min(max(target, bar.minimum()), bar.maximum())
            elif not build and (guide, index) not in self._maps:
                return None
            else:  # may stand in blank room, which follow() makes
                plan[index] = round(
                    self._target(guide, index, None if placed else before, now, tops[index])
                )
            moved[index] = (tops[index] if before is not None else None, plan[index])
        return plan

    def _guide(
        self, index: int, moved: dict[int, tuple[int | None, int]], leader: int
    ) -> int | None:
        """The pane already placed that ``index`` should follow: the leader if they share
        passages, else the placed pane it shares most with; None when it shares with none."""
        sharing = [j for j in moved if self._share(j, index) > 0]
        if not sharing:
            return None
        if leader in sharing:
            return leader
        return max(sharing, key=lambda j: self._share(j, index))

    def _share(self, a: int, b: int) -> float:
        """How much panes ``a`` and ``b`` share (0 when no passage links them); cached."""
        key = (self._docs[a], self._docs[b])
        cached = self._shares.get(key)
        if cached is None:
            comparison = self._comparison
            cached = 0.0
            if comparison is not None and comparison.links_between(*key):
                cached = sum(comparison.pair(*key).shared)
            self._shares[key] = cached
        return cached

    def _target(
        self, guide: int, index: int, previous: int | None, top: int, current: int
    ) -> float:
        """Where pane ``index``, now at ``current``, goes when pane ``guide`` moved from
        ``previous`` to ``top``."""
        mapping = self.map_between(guide, index)
        target = mapping(top)
        step = 0 if previous is None else top - previous
        if previous is not None and step:
            carried = current + target - mapping(previous)
            target = carried + max(-abs(step), min(abs(step), target - carried))
            if (target - current) * step < 0:
                target = current
        return target

    def level(self, leader_pane: Pane, offset: int, others: list[tuple[Pane, int]]) -> None:
        """Scroll each ``(pane, offset)`` so that line stands level with the leader's line at
        ``offset`` (a passage's counterparts when stepping to it), with room if needed."""
        screen = leader_pane.view.y_of(offset) - leader_pane.view.top()

        def move() -> None:
            for pane, other in others:
                target = pane.view.y_of(other) - screen
                pane.view.reach(target)
                pane.view.scroll_to_y(target)

        self.run_locked(move)

    def realign(self, leader_pane: Pane | None = None) -> None:
        """Put every other pane level with ``leader_pane`` (or the last leader) at once."""
        pane = leader_pane or self.leader or (self._panes[0] if self._panes else None)
        if pane is not None:
            self.follow(pane)
            self.leader, self._settled = pane, True

    def run_locked(self, action: Callable[[], object]) -> None:
        """Run ``action()`` (programmatic scrolling) without the panes following each other."""
        previous, self._lock = self._lock, True
        try:
            action()
        finally:
            self._lock = previous
            self._values = {i: p.view.top() for i, p in enumerate(self._panes)}
            self._settled = False  # placed, not followed: the next step levels the others
