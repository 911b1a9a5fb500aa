"""The review panels in dock widgets, and what their requests do to the window (Qt layer).

The window needs only the few members in ``PaneWindow``; the panels need only the hub.
Imports the panels, never the main window.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from viewer.core.documents import Document
from viewer.core.model import Comparison
from viewer.core.relations import beside, first_shared_passage
from viewer.qt.hub import ReviewHub
from viewer.qt.matrix import MatrixPanel
from viewer.qt.pane import Pane
from viewer.qt.panes import PaneRow
from viewer.qt.passagelist import PassageList


class PaneWindow(Protocol):
    """What the docks use of the main window."""

    hub: ReviewHub
    comparison: Comparison | None
    documents: list[Document]  # in pane order
    row: PaneRow
    row_scroller: QScrollArea

    def arrange_panes(self, documents: list[Document]) -> None: ...
    def select_passage(
        self, passage_id: int, leader: Pane | None = None, at: int | None = None
    ) -> None: ...
    def active_pane(self) -> Pane | None: ...


def put_side_by_side(window: PaneWindow, a: int, b: int) -> None:
    """Make articles ``a`` and ``b`` (comparison indices) neighbours, ``b`` right of ``a``
    unless they already are neighbours, and make their first shared passage current."""
    comparison = window.comparison
    if comparison is None:
        return
    docs = comparison.documents
    index = {id(d): i for i, d in enumerate(docs)}
    order = [index[id(d)] for d in window.documents]
    wanted = beside(order, a, b)
    if wanted != order:
        window.arrange_panes([docs[i] for i in wanted])
    panes = {id(p.document): p for p in window.row.panes}
    for doc in (b, a):  # both in view when the row scrolls sideways
        window.row_scroller.ensureWidgetVisible(panes[id(docs[doc])], 0, 0)
    passage = first_shared_passage(comparison, a, b)
    if passage is not None:
        window.select_passage(passage)


class ReviewDocks:
    """The passage list and the matrix, each in a dock the View menu shows and focuses."""

    def __init__(self, window: QMainWindow, panes: PaneWindow) -> None:
        hub = panes.hub
        self.hub = hub
        self.window = window
        self.passages = PassageList(hub)
        self.matrix = MatrixPanel(hub)
        self.passage_dock = self._dock("Passages", "passageListDock", self.passages)
        self.matrix_dock = self._dock("Who shares with whom", "shareMatrixDock", self.matrix)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.passage_dock)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.matrix_dock)
        window.splitDockWidget(self.passage_dock, self.matrix_dock, Qt.Orientation.Horizontal)
        window.resizeDocks([self.passage_dock], [280], Qt.Orientation.Vertical)
        # Side by side, the list takes the width the matrix does not need.
        self.passage_dock.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.matrix_dock.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        for dock in (self.passage_dock, self.matrix_dock):
            dock.hide()

        def to_panes() -> None:
            pane = panes.active_pane()
            (pane.view if pane is not None else window).setFocus()

        hub.passageRequested.connect(lambda passage: panes.select_passage(passage))
        hub.pairRequested.connect(lambda a, b: put_side_by_side(panes, a, b))
        hub.panesRequested.connect(to_panes)

    def _dock(self, title: str, name: str, panel: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)  # saved and restored with the window's state
        dock.setWidget(panel)
        return dock

    def _fit_matrix(self) -> None:
        """Give the matrix dock the width its cells need (when docked)."""
        dock = self.matrix_dock
        if dock.isVisible() and not dock.isFloating():
            wanted = self.matrix.view.sizeHint().width() + 12  # the panel's margins
            self.window.resizeDocks([dock], [wanted], Qt.Orientation.Horizontal)

    def add_actions(self, menu: QMenu) -> dict[str, QAction]:
        """View menu entries with their shortcuts, ticked while their dock shows."""
        actions = {}
        for name, text, keys, dock in (
            ("passage_list", "&Passages", "Ctrl+Shift+P", self.passage_dock),
            ("share_matrix", "&Who shares with whom", "Ctrl+Shift+M", self.matrix_dock),
        ):
            action = QAction(text, self.window)
            action.setShortcut(QKeySequence(keys))
            action.setCheckable(True)
            action.setToolTip("Show the panel and go to it; again to hide it")
            action.triggered.connect(lambda _c=False, d=dock, a=action: self.toggle(d, a))
            dock.visibilityChanged.connect(
                lambda _v=False, d=dock, a=action: a.setChecked(not d.isHidden())
            )
            menu.addAction(action)
            self.window.addAction(action)
            actions[name] = action
        return actions

    def toggle(self, dock: QDockWidget, action: QAction | None = None) -> None:
        """Show the dock and put the keyboard in it; hide it when the keyboard is in it."""
        focus = QApplication.focusWidget()
        if not dock.isHidden() and focus is not None and dock.isAncestorOf(focus):
            dock.hide()
            self.hub.panesRequested.emit()
        else:
            opening = dock.isHidden()
            dock.show()
            dock.raise_()
            if opening:
                QTimer.singleShot(0, self._fit_matrix)  # once its cells are laid out
            dock.widget().setFocus(Qt.FocusReason.ShortcutFocusReason)
        if action is not None:
            action.setChecked(not dock.isHidden())
