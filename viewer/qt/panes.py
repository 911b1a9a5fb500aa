"""The row of panes with link maps between neighbours (Qt layer)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QWidget

from viewer.core.documents import Document
from viewer.core.model import Comparison
from viewer.qt.linkmap import LinkMap
from viewer.qt.palette import Colours
from viewer.qt.pane import Pane


class PaneRow(QWidget):
    """Pane, link map, pane, link map, … in screen order."""

    passageClicked = Signal(int)
    offsetClicked = Signal(object, int)  # pane, core offset
    closeRequested = Signal(object)  # pane

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panes: list[Pane] = []
        self.linkmaps: list[LinkMap] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 0)
        self._layout.setSpacing(0)

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
        for index, pane in enumerate(panes):
            if index:
                linkmap = LinkMap(panes[index - 1], pane)
                linkmap.passageClicked.connect(self.passageClicked)
                self.linkmaps.append(linkmap)
                self._layout.addWidget(linkmap)
            self._layout.addWidget(pane, 1)
            pane.show()

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
        for index, linkmap in enumerate(self.linkmaps):
            linkmap.set_comparison(comparison, docs[index], docs[index + 1], colours)
