"""Help → Keyboard shortcuts, built from the window's actions so it never drifts from them,
and a status tip for every action that has none (Qt layer)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def plain(text: str) -> str:
    """A menu text without its mnemonic marker and ellipsis: "&Open articles…" → "Open
    articles"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def window_actions(window: QWidget) -> list[QAction]:
    """Every action of the window with a text, once, in menu order."""
    seen: set[int] = set()
    actions = []
    for action in window.findChildren(QAction):
        if action.text() and not action.isSeparator() and id(action) not in seen:
            seen.add(id(action))
            actions.append(action)
    return actions


def add_status_tips(window: QWidget) -> None:
    """Give each action that has no status tip one (its tooltip, else its text)."""
    for action in window_actions(window):
        if not action.statusTip():
            tip = action.toolTip()
            action.setStatusTip(plain(tip if tip and tip != action.text() else action.text()))


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what it does, its keys) for every action with a shortcut."""
    rows = []
    for action in window_actions(window):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        if keys:
            rows.append((plain(action.text()), ", ".join(keys)))
    return rows


class ShortcutsDialog(QDialog):
    """A table of the window's actions and their keys."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard shortcuts")
        self.rows = shortcut_rows(window)
        self.table = table = QTableWidget(len(self.rows), 2, self)
        table.setAccessibleName("Keyboard shortcuts")
        table.setHorizontalHeaderLabels(["Action", "Keys"])
        for row, (text, keys) in enumerate(self.rows):
            table.setItem(row, 0, QTableWidgetItem(text))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.setSortingEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(520, 560)
