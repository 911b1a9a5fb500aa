"""The overview strip is each pane's scroll bar: its handle is the part in view, taken
where it is pressed and dragged; a click elsewhere jumps; the wheel over it scrolls (Qt
layer; the handle's contrast is in ``test_theme``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.qt.mainwindow import MainWindow
from viewer.qt.pane import Pane

from .conftest import open_and_wait, seed_paths


def long_pane(qtbot: QtBot, window: MainWindow) -> Pane:
    open_and_wait(qtbot, window, seed_paths("000", "003"))
    window.resize(1200, 420)
    qtbot.wait(300)
    pane = max(window.row.panes, key=lambda p: p.view.document_height())
    assert pane.view.document_height() > 2 * pane.view.viewport().height()
    return pane


def test_the_pane_shows_one_scroll_control_not_two(qtbot: QtBot, window: MainWindow) -> None:
    pane = long_pane(qtbot, window)
    assert not pane.view.verticalScrollBar().isVisible()
    assert pane.overview.isVisible()
    handle = pane.overview.handle_rect()
    assert 0 < handle.height() < pane.overview.height()


def test_dragging_the_handle_moves_the_view_with_the_mouse(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = long_pane(qtbot, window)
    strip, view = pane.overview, pane.view
    handle = strip.handle_rect()
    grab = QPoint(strip.width() // 2, round(handle.top() + handle.height() * 0.8))
    top = view.top()
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=grab)
    assert abs(view.top() - top) <= 2, "pressing on the handle must not make it jump"
    moved = grab + QPoint(0, 40)
    # QTest's mouseMove sends no buttons: send the move as a drag does.
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(moved),
        strip.mapToGlobal(QPointF(moved)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(strip, event)
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=moved)
    expected = 40 * view.document_height() / strip.height()
    assert abs((view.top() - top) - expected) <= 3, (view.top() - top, expected)
    after = strip.handle_rect()
    assert abs(after.top() - (handle.top() + 40)) <= 1.5, "the grabbed point stays under the mouse"


def test_a_click_off_the_handle_jumps_there(qtbot: QtBot, window: MainWindow) -> None:
    pane = long_pane(qtbot, window)
    strip, view = pane.overview, pane.view
    assert strip.handle_rect().top() < 5  # at the top
    at = QPoint(strip.width() // 2, strip.height() - 10)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=at)
    handle = strip.handle_rect()
    assert view.top() > 0
    assert abs(handle.center().y() - at.y()) <= 2 or handle.bottom() >= strip.height() - 2


def test_the_wheel_over_the_strip_scrolls_the_view(qtbot: QtBot, window: MainWindow) -> None:
    pane = long_pane(qtbot, window)
    strip, view = pane.overview, pane.view
    top = view.top()
    point = QPointF(strip.width() / 2, strip.height() / 2)
    event = QWheelEvent(
        point,
        strip.mapToGlobal(point),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(strip, event)
    assert view.top() - top == 3 * view.verticalScrollBar().singleStep()


def test_a_click_on_the_strip_leaves_the_focus_in_the_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = long_pane(qtbot, window)
    window.activateWindow()
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    at = QPoint(pane.overview.width() // 2, pane.overview.height() - 10)
    qtbot.mouseClick(pane.overview, Qt.MouseButton.LeftButton, pos=at)
    assert pane.view.top() > 0  # the click scrolled
    assert pane.view.hasFocus(), "a click on the strip took the focus from the text"


def test_a_short_article_s_marks_stand_beside_its_text(qtbot: QtBot, window: MainWindow) -> None:
    """An article shorter than its pane: the strip stands for the pane's height, so a mark
    is level with the text it marks (it was stretched over the whole strip)."""
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.resize(1400, 1000)
    qtbot.wait(300)
    pane = next(
        p for p in window.row.panes if p.view.document_height() < p.view.viewport().height()
    )
    strip, view = pane.overview, pane.view
    qtbot.waitUntil(lambda: bool(strip._marks))
    offsets = sorted({start for start, _, _ in strip._ranges})
    assert offsets
    located = pane._locate(offsets)
    assert located is not None
    origin = view.viewport().mapTo(pane, QPoint(0, 0)).y() - strip.mapTo(pane, QPoint(0, 0)).y()
    for offset, fraction in zip(offsets, located, strict=True):
        text_y = origin + view.y_of(offset) - view.top()
        mark_y = fraction * strip.height()
        assert abs(mark_y - text_y) <= 20, (offset, mark_y, text_y)  # within a line
