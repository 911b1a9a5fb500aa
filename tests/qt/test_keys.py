"""The keyboard as a user meets it: every shortcut reaches one action, Tab walks the panes
in the order they stand on screen, and a theme change leaves every pane where it was read
(Qt layer)."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from viewer.qt import webinput
from viewer.qt.mainwindow import MainWindow

from .conftest import open_and_wait, seed_paths


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
