"""What a keyboard or screen-reader user gets: accessible names on the close buttons and
legend swatches, a tooltip on every option, a status tip on every action, and Help →
Keyboard shortcuts listing every action that has keys (Qt layer)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QToolButton
from pytestqt.qtbot import QtBot

from viewer.qt.mainwindow import MainWindow
from viewer.qt.shortcuts import ShortcutsDialog

from .conftest import open_and_wait, seed_paths


def test_close_buttons_and_swatches_have_accessible_names(qtbot: QtBot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, seed_paths("000", "004"))
    closes = [
        b for b in window.findChildren(QToolButton) if b.text() == "×" and b.isVisibleTo(window)
    ]
    assert len(closes) == 2
    assert all(b.accessibleName() == "Close this article" for b in closes)
    swatches = [
        label
        for label in window.options_bar.legend.findChildren(QLabel)
        if label.accessibleName().startswith("Colour: ")
    ]
    names = [s.accessibleName().removeprefix("Colour: ") for s in swatches]
    assert names == [text for _, text in window.options_bar.legend.entries]
    assert "changed words" in names


def test_every_option_has_a_tooltip(window: MainWindow) -> None:
    bar = window.options_bar
    for control in (bar.min_words, bar.ignore_case, bar.ignore_punctuation):
        assert control.toolTip()
    assert "case" in bar.ignore_case.toolTip()


def test_every_action_has_a_status_tip(window: MainWindow) -> None:
    actions = [a for a in window.findChildren(QAction) if a.text() and not a.isSeparator()]
    assert len(actions) > 30
    assert [a.text() for a in actions if not a.statusTip()] == []


def test_the_shortcuts_window_lists_every_action_with_keys(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.actions_by_name["shortcuts"].trigger()
    dialogs = [d for d in window.findChildren(ShortcutsDialog) if d.isVisible()]
    assert len(dialogs) == 1
    table = dialogs[0].table
    shown = {(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())}
    with_keys = [a for a in window.findChildren(QAction) if a.text() and a.shortcuts()]
    assert len(shown) == len({(a.text(), tuple(a.shortcuts())) for a in with_keys})
    keys = QKeySequence(QKeySequence.StandardKey.Open).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert ("Open articles", keys) in shown
    assert any(text == "Next shared passage" or "passage" in text for text, _ in shown)
    dialogs[0].close()


def test_the_link_map_steps_through_its_passages_from_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtCore import Qt

    open_and_wait(qtbot, window, seed_paths("000", "004"))
    linkmap = window.row.linkmaps[0]
    assert linkmap.focusPolicy() == Qt.FocusPolicy.StrongFocus and linkmap.accessibleName()
    order = linkmap.passages_in_order()
    assert sorted(order) == [0, 1]
    linkmap.setFocus()
    qtbot.keyClick(linkmap, Qt.Key.Key_Down)
    assert window.current_passage == order[0]
    qtbot.keyClick(linkmap, Qt.Key.Key_Down)
    assert window.current_passage == order[1]
    assert window.row.linkmaps[0].hasFocus()  # the next key still goes to the map
    qtbot.keyClick(linkmap, Qt.Key.Key_Up)
    assert window.current_passage == order[0]


def test_the_overview_strip_moves_the_view_from_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtCore import Qt

    open_and_wait(qtbot, window, seed_paths("000", "002"))
    window.resize(1400, 500)
    qtbot.wait(200)
    pane = next(p for p in window.row.panes if "/002-" in p.document.path)
    strip = pane.overview
    assert strip.focusPolicy() == Qt.FocusPolicy.TabFocus and strip.accessibleName()
    strip.setFocus()
    qtbot.keyClick(strip, Qt.Key.Key_End)
    bar = pane.view.verticalScrollBar()
    assert pane.view.top() >= bar.maximum() - pane.view.room()[1] - 2  # at the article's end
    end = pane.view.top()
    qtbot.keyClick(strip, Qt.Key.Key_PageUp)
    assert pane.view.top() < end
    qtbot.keyClick(strip, Qt.Key.Key_Home)
    assert pane.view.top() <= 0
