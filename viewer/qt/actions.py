"""Making a menu action with its shortcut, reachable by name (Qt layer)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

Keys = str | QKeySequence | QKeySequence.StandardKey | Sequence[QKeySequence] | None


def add_action(
    window: QWidget,
    actions: dict[str, QAction],
    menu: QMenu,
    name: str,
    text: str,
    slot: Callable[[], object],
    keys: Keys = None,
) -> QAction:
    """An action in ``menu`` that calls ``slot``, with its shortcut(s) working anywhere in
    ``window``, kept in ``actions`` under ``name`` (tests trigger them by name)."""
    action = QAction(text, window)
    if isinstance(keys, str):
        action.setShortcut(QKeySequence(keys))
    elif isinstance(keys, list | tuple):
        action.setShortcuts(list(keys))
    elif keys is not None:
        action.setShortcut(keys)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    window.addAction(action)
    actions[name] = action
    return action
