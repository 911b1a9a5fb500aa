"""Alignment-aware synchronised scrolling of N panes (Qt layer).

Whichever pane the user scrolls leads. Its sync point (Meld: top of the view at the start,
middle in between, bottom at the end) is mapped into every other pane through the pixel
positions of the passages the two share (``viewer.core.scrollmap``); a lock stops the
followers from scrolling each other in a loop.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject

from viewer.core.model import Comparison
from viewer.core.scrollmap import ScrollMap, link_segments, monotone_chain, sync_fraction
from viewer.qt.pane import Pane


class SyncScroller(QObject):
    """Keeps the panes' scroll positions aligned through their shared passages."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self._panes: list[Pane] = []
        self._docs: list[int] = []
        self._comparison: Comparison | None = None
        self._maps: dict[tuple[int, int], ScrollMap] = {}
        self._lock = False

    def set_panes(self, panes: list[Pane], docs: list[int]) -> None:
        """The panes in screen order and, for each, its document index in the comparison."""
        for pane in self._panes:
            with contextlib.suppress(RuntimeError, TypeError):
                pane.view.verticalScrollBar().valueChanged.disconnect(self._on_scroll)
        self._panes = list(panes)
        self._docs = list(docs)
        for pane in self._panes:
            pane.view.verticalScrollBar().valueChanged.connect(self._on_scroll)
            pane.view.verticalScrollBar().rangeChanged.connect(self.invalidate)
        self.invalidate()

    def set_comparison(self, comparison: Comparison | None, docs: list[int]) -> None:
        self._comparison = comparison
        self._docs = list(docs)
        self.invalidate()

    def invalidate(self) -> None:
        """Forget pixel maps (after a resize, zoom or new result)."""
        self._maps.clear()

    def _on_scroll(self) -> None:
        sender = self.sender()
        for pane in self._panes:
            if pane.view.verticalScrollBar() is sender:
                self.follow(pane)
                return

    def map_between(self, leader: int, follower: int) -> ScrollMap:
        """Pixel map from pane ``leader``'s document to pane ``follower``'s."""
        key = (leader, follower)
        cached = self._maps.get(key)
        if cached is not None:
            return cached
        a, b = self._panes[leader].view, self._panes[follower].view
        pixel_chain = []
        if self._comparison is not None:
            segments = link_segments(self._comparison, self._docs[leader], self._docs[follower])
            for a0, a1, b0, b1 in monotone_chain(segments):
                pixel_chain.append(
                    (
                        a.y_of(int(a0)),
                        a.bottom_of(int(a1)),
                        b.y_of(int(b0)),
                        b.bottom_of(int(b1)),
                    )
                )
        mapping = ScrollMap.from_segments(pixel_chain, a.document_height(), b.document_height())
        self._maps[key] = mapping
        return mapping

    def follow(self, leader_pane: Pane) -> None:
        """Scroll every other pane to follow ``leader_pane``."""
        if self._lock or not self.enabled or leader_pane not in self._panes:
            return
        self._lock = True
        try:
            leader = self._panes.index(leader_pane)
            view = leader_pane.view
            page = view.viewport().height()
            top = view.top()
            fraction = sync_fraction(top, page, view.document_height())
            point = top + fraction * page
            for index, pane in enumerate(self._panes):
                if index == leader:
                    continue
                target = self.map_between(leader, index).map(point)
                pane.view.scroll_to_y(target - fraction * pane.view.viewport().height())
        finally:
            self._lock = False

    def run_locked(self, action: Callable[[], object]) -> None:
        """Run ``action()`` (programmatic scrolling) without the panes following each other."""
        previous, self._lock = self._lock, True
        try:
            action()
        finally:
            self._lock = previous
