"""The keyboard as a user meets it: every shortcut reaches one action, Tab walks the panes
in the order they stand on screen, and a theme change leaves every pane where it was read
(Qt layer)."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from viewer.qt import webinput
from viewer.qt.mainwindow import MainWindow
from viewer.qt.pane import Pane

from .alignment import gap_at_sync_line
from .conftest import open_and_wait, seed_paths
from .test_scroll_cost import wheel

ALL = ("000", "001", "002", "003", "004")


def test_no_two_actions_share_a_key_sequence(window: MainWindow) -> None:
    owners: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        for keys in action.shortcuts():
            if not keys.isEmpty():
                owners[keys.toString(QKeySequence.SequenceFormat.PortableText)].append(
                    action.text()
                )
    assert len(owners) > 20  # the walk found the window's actions
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_ctrl_l_toggles_synchronised_scrolling(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.row.panes[0].view.setFocus()
    before = window.sync.enabled
    qtbot.keyClick(window.row.panes[0].view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.sync.enabled is not before
    assert window.actions_by_name["sync"].isChecked() is not before
    assert "Synchronised scrolling" in window.status_text.text()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.sync.enabled is before


def test_ctrl_shift_u_asks_for_a_web_address(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[QWidget] = []

    class NoDialog:  # the real one would block the test waiting for a user
        @staticmethod
        def getText(parent: QWidget, *_args: object) -> tuple[str, bool]:
            asked.append(parent)
            return "", False  # the user cancels

    monkeypatch.setattr(webinput, "QInputDialog", NoDialog)
    sync = window.sync.enabled
    qtbot.keyClick(
        window,
        Qt.Key.Key_U,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert asked == [window]
    assert window.sync.enabled is sync


def _screen_order(window: MainWindow) -> list[Pane]:
    return sorted(window.row.panes, key=lambda p: p.mapTo(window, p.rect().topLeft()).x())


def _tab_walk(qtbot: QtBot, start: QWidget, count: int) -> list[QWidget | None]:
    start.setFocus()
    seen: list[QWidget | None] = [QApplication.focusWidget()]
    for _ in range(count):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def _expected_walk(window: MainWindow) -> list[QWidget]:
    """Each pane's text, its overview strip, then the link map to its right."""
    panes = _screen_order(window)
    maps = {(m.left, m.right): m for m in window.row.linkmaps}
    walk: list[QWidget] = []
    for index, pane in enumerate(panes):
        walk += [pane.view, pane.overview]
        if index + 1 < len(panes):
            walk.append(maps[(pane, panes[index + 1])])
    return walk


def _names(window: MainWindow, widgets: list[QWidget | None]) -> list[str]:
    """``000 text``, ``000 strip``, ``000|004 map``: what a failure shows."""
    names = []
    for widget in widgets:
        pane = next(
            (p for p in window.row.panes if widget is not None and p.isAncestorOf(widget)), None
        )
        linkmap = next((m for m in window.row.linkmaps if m is widget), None)
        if linkmap is not None:
            names.append(f"{linkmap.left.document.name[:3]}|{linkmap.right.document.name[:3]} map")
        elif pane is not None:
            kind = {pane.view: "text", pane.overview: "strip"}.get(widget, type(widget).__name__)  # type: ignore[call-overload]
            names.append(f"{pane.document.name[:3]} {kind}")
        else:
            names.append(type(widget).__name__)
    return names


def test_tab_follows_the_panes_as_they_stand_on_screen(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths(*ALL))
    by_name = {d.name[:3]: d for d in window.documents}
    window.arrange_panes([by_name[n] for n in ("000", "004", "002", "001", "003")])
    qtbot.wait(20)
    expected = _expected_walk(window)
    assert _names(window, expected)[:4] == ["000 text", "000 strip", "000|004 map", "004 text"]
    seen = _tab_walk(qtbot, expected[0], len(expected) - 1)
    assert _names(window, seen) == _names(window, expected)

    # Ctrl+Shift+PgDown moves the active pane (000) right: Tab follows again.
    window.row.panes[0].view.setFocus()
    window.actions_by_name["move_right"].trigger()
    qtbot.wait(20)
    assert [p.document.name[:3] for p in _screen_order(window)][:2] == ["004", "000"]
    expected = _expected_walk(window)
    seen = _tab_walk(qtbot, expected[0], len(expected) - 1)
    assert _names(window, seen) == _names(window, expected)


def test_close_buttons_are_clicked_not_tabbed_to(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004", "001"))
    closes = [b for p in window.row.panes for b in p.findChildren(QToolButton) if b.text() == "×"]
    assert len(closes) == 3
    start = window.row.panes[0].view
    seen = _tab_walk(qtbot, start, 12)
    assert not any(w in closes for w in seen)
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in closes)
    assert all(b.accessibleName() for b in closes)
    qtbot.mouseClick(closes[1], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.row.panes) == 2)


def _reading(pane: Pane) -> int:
    """The offset of the text at the top of the pane's view."""
    view = pane.view
    return view.offset_at(max(0, view.top()) + 1)


@pytest.mark.parametrize("where", ["top", "scrolled", "end"])
def test_a_theme_change_keeps_every_pane_where_it_was_read(
    qtbot: QtBot, window: MainWindow, where: str
) -> None:
    open_and_wait(qtbot, window, seed_paths(*ALL))
    window.resize(1400, 600)
    qtbot.wait(200)
    window.row.panes[0].view.setFocus()
    if where != "top":  # each pane at its own place, a third to a half down, or its end

        def place() -> None:
            for index, pane in enumerate(window.row.panes):
                view = pane.view
                room = view.verticalScrollBar().maximum() - view.room()[1]
                view.scroll_to_y(room * (0.3 + 0.05 * index if where == "scrolled" else 1))

        window.sync.run_locked(place)
    before = [(_reading(p), p.view.y_of(_reading(p))) for p in window.row.panes]
    line = max(p.view.fontMetrics().lineSpacing() for p in window.row.panes)
    for theme in ("dark", "light"):
        window.actions_by_name[f"theme_{theme}"].trigger()
        assert window.colours.dark == (theme == "dark")
        qtbot.wait(300)  # the relayout after a change, if any, has run
        moved = {
            pane.document.name[:3]: (offset, _reading(pane))
            for pane, (offset, y) in zip(window.row.panes, before, strict=True)
            if abs(pane.view.y_of(_reading(pane)) - y) > line
        }
        assert moved == {}, theme


def test_a_theme_change_keeps_a_pane_standing_in_blank_room_level(
    qtbot: QtBot, window: MainWindow
) -> None:
    """004 stands in blank room above its text to stay level with 000; a theme change
    rebuilt it at its top, and the copies stood 268 px apart until the next step."""
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    window.resize(1400, 600)
    qtbot.wait(200)
    lead, other = window.row.panes
    for _ in range(4):
        wheel(lead.view.viewport())
        QApplication.processEvents()
    assert other.view.top() < 0, "004 should stand in its blank room above"
    tops = [p.view.top() for p in window.row.panes]
    line = lead.view.fontMetrics().lineSpacing()
    gap = gap_at_sync_line(window, 0, 1)
    for theme in ("dark", "light"):
        window.actions_by_name[f"theme_{theme}"].trigger()
        qtbot.wait(300)
        now_tops = [p.view.top() for p in window.row.panes]
        assert all(abs(a - b) <= line for a, b in zip(now_tops, tops, strict=True)), (
            theme,
            tops,
            now_tops,
        )
        now = gap_at_sync_line(window, 0, 1)
        assert gap is None or (now is not None and abs(now - gap) <= line), (theme, gap, now)
