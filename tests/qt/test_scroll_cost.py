"""A wheel step repaints only what moved (Qt layer).

Every pane follows a wheel step, so whatever one step repaints is repainted six or eight
times over. Counted here, deterministically, with an event filter: which widgets get a
paint event during one wheel step, and how much of each text view is drawn again.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from viewer.qt.articleview import ArticleView
from viewer.qt.linkmap import LinkMap
from viewer.qt.mainwindow import MainWindow
from viewer.qt.overview import Overview
from viewer.qt.scrollbar import SlimScrollBar

from .conftest import open_and_wait, seed_paths


class PaintCounter(QObject):
    """Counts paint events per widget kind, and the area each one asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.count: Counter[str] = Counter()
        self.area: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            kind = watched.objectName() or type(watched).__name__
            if isinstance(watched.parent(), ArticleView) and kind == "qt_scrollarea_viewport":
                kind = "text"
            self.count[kind] += 1
            rect = event.region().boundingRect()  # type: ignore[attr-defined]
            self.area[kind] += rect.width() * rect.height()
        return False


def wheel(widget: QWidget, notches: int = -1) -> None:
    """One real wheel event on ``widget`` (negative: down), as a mouse sends it."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_a_wheel_step_repaints_the_moving_parts_only(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "001", "002", "003", "004"))
    window.resize(1600, 700)
    qtbot.wait(300)
    panes = window.row.panes
    leader = panes[0].view
    for _ in range(3):  # past the top, where the sync point still moves down the screen
        wheel(leader.viewport())
        QApplication.processEvents()
    moved_before = [p.view.top() for p in panes]
    counter = PaintCounter()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(counter)
    try:
        wheel(leader.viewport())
        QApplication.processEvents()
    finally:
        app.removeEventFilter(counter)
    moved = sum(p.view.top() != before for p, before in zip(panes, moved_before, strict=True))
    assert moved >= 2, "the step should move the leader and at least one follower"
    # What moves: each moved pane's text, scroll bar and overview strip; the link maps.
    allowed = {
        "text",
        SlimScrollBar.__name__,
        Overview.__name__,
        LinkMap.__name__,
    }
    painted_elsewhere = {kind: n for kind, n in counter.count.items() if kind not in allowed}
    assert not painted_elsewhere, (
        f"a wheel step also repainted {painted_elsewhere}: something moving is not opaque, "
        "so Qt paints what lies behind it"
    )
    assert counter.count["text"] <= moved
    # Scrolled text is moved on screen as pixels; only the strip that comes into view is
    # drawn again, not the whole page.
    page = leader.viewport().width() * leader.viewport().height()
    assert counter.area["text"] <= moved * page / 3, (
        f"{counter.area['text'] / page:.1f} pages of text drawn for one wheel step of {moved} panes"
    )
