"""The row of panes with link maps between neighbours (Qt layer)."""

from __future__ import annotations

from functools import partial
from itertools import pairwise

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from viewer.core.documents import Document
from viewer.core.model import Comparison
from viewer.core.navigation import short_name
from viewer.qt.later import later
from viewer.qt.linkmap import LinkMap
from viewer.qt.palette import Colours
from viewer.qt.pane import Pane


class PaneRow(QWidget):
    """Pane, link map, pane, link map, … in screen order."""

    passageClicked = Signal(int)
    offsetClicked = Signal(object, int)  # pane, core offset
    closeRequested = Signal(object)  # pane
    panesReordered = Signal()  # a header was dragged to a new place

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panes: list[Pane] = []
        self.linkmaps: list[LinkMap] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 0)
        self._layout.setSpacing(0)
        self.drop_marker = QFrame(self)  # where a dragged pane would land
        self.drop_marker.setFrameShape(QFrame.Shape.NoFrame)
        self.drop_marker.setAutoFillBackground(True)
        self.drop_marker.setBackgroundRole(QPalette.ColorRole.Highlight)
        self.drop_marker.hide()

    def set_documents(self, documents: list[Document], font: QFont) -> None:
        """One pane per document, reusing panes already showing the same document."""
        existing = {id(p.document): p for p in self.panes}
        panes = []
        for document in documents:
            pane = existing.pop(id(document), None)
            if pane is None:
                pane = Pane(document, font)
                pane.view.offsetClicked.connect(
                    lambda offset, p=pane: self.offsetClicked.emit(p, offset)
                )
                pane.closeRequested.connect(self.closeRequested)
                pane.headerDragged.connect(self._on_drag)
                pane.headerDropped.connect(self._on_drop)
            panes.append(pane)
        for pane in existing.values():
            pane.setParent(None)
            pane.deleteLater()
        self._arrange(panes)

    def _arrange(self, panes: list[Pane]) -> None:
        for linkmap in self.linkmaps:
            linkmap.setParent(None)
            linkmap.deleteLater()
        while self._layout.count():
            self._layout.takeAt(0)
        self.linkmaps = []
        self.panes = panes
        for pane in panes:
            pane.scroll_followers.clear()  # the link maps made below follow them again
        for index, pane in enumerate(panes):
            if index:
                linkmap = LinkMap(panes[index - 1], pane)
                linkmap.passageClicked.connect(self.passageClicked)
                self.linkmaps.append(linkmap)
                self._layout.addWidget(linkmap)
            self._layout.addWidget(pane, 1)
            pane.show()
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Tab walks the panes as they stand, left to right: each pane's text and overview
        strip, then the link map to its right (Qt's own order is the order of creation)."""
        chain: list[QWidget] = []
        for index, pane in enumerate(self.panes):
            if index:
                chain.append(self.linkmaps[index - 1])
            chain += pane.focus_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _drop_slot(self, pane: Pane, at: QPoint) -> tuple[list[Pane], int]:
        """The other panes, and how many of them the dragged pane would land after."""
        x = self.mapFromGlobal(at).x()
        others = [p for p in self.panes if p is not pane]
        slot = sum(1 for p in others if p.geometry().center().x() < x)
        return others, slot

    def _on_drag(self, pane: Pane, at: QPoint) -> None:
        others, slot = self._drop_slot(pane, at)
        if not others:
            return
        if slot == 0:
            x = others[0].geometry().left() - 2
        elif slot < len(others):
            x = (others[slot - 1].geometry().right() + others[slot].geometry().left()) // 2
        else:
            x = others[-1].geometry().right() - 1
        top, height = others[0].geometry().top(), others[0].geometry().height()
        self.drop_marker.setGeometry(max(0, x - 2), top, 4, height)
        self.drop_marker.show()
        self.drop_marker.raise_()

    def _on_drop(self, pane: Pane, at: QPoint) -> None:
        self.drop_marker.hide()
        others, slot = self._drop_slot(pane, at)
        order = [*others[:slot], pane, *others[slot:]]
        if order != self.panes:
            self.reorder(order)
            self.panesReordered.emit()

    def reorder(self, panes: list[Pane]) -> None:
        """Show the same panes in this order."""
        if panes != self.panes:
            self._arrange(list(panes))

    def move(self, pane: Pane, delta: int) -> bool:
        """Move ``pane`` left (-1) or right (+1); false at the edge."""
        index = self.panes.index(pane)
        target = index + delta
        if not 0 <= target < len(self.panes):
            return False
        panes = list(self.panes)
        panes[index], panes[target] = panes[target], panes[index]
        self._arrange(panes)
        return True

    def draw_ahead(self, tops: dict[Pane, int]) -> None:
        """Draw the link maps next to a pane that will move as they will look when the
        panes stand at ``tops`` (the next wheel step, foreseen by the sync scroller), each
        in a turn of its own: a wheel notch arriving meanwhile waits for one map at most."""
        moving = {pane for pane, top in tops.items() if top != pane.view.top()}
        for linkmap in self.linkmaps:
            if {linkmap.left, linkmap.right} & moving:
                later((id(linkmap), "ahead"), partial(linkmap.draw_ahead, tops))

    def show_comparison(
        self, comparison: Comparison | None, docs: list[int], colours: Colours
    ) -> None:
        """Highlights in every pane and bands in every link map."""
        for pane, doc in zip(self.panes, docs, strict=True):
            if comparison is None:
                pane.clear_highlights()
                pane.set_header(None)
            else:
                pane.apply(comparison, doc, colours)
        names = {}
        if comparison is not None:
            names = {d: short_name(comparison.documents[d]) for d in docs}
        for index, linkmap in enumerate(self.linkmaps):
            linkmap.set_comparison(comparison, docs[index], docs[index + 1], colours)
            linkmap.set_far(
                {d: names[d] for d in docs[:index] if d in names},
                {d: names[d] for d in docs[index + 2 :] if d in names},
            )
