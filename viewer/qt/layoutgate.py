"""Holds Qt's own lazy text layout back while an article view lays its text out (Qt layer)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTextEdit


class LayoutGate(QObject):
    """While the view's pump lays the text out, Qt's own lazy layout (steps of up to
    200,000 characters, 50–100 ms each) waits: the pump's steps are small. A filter of its
    own, on the document layout only: as the view's ``eventFilter`` it also saw every event
    of the viewport and the scroll bars (a Python call each, several per wheel step)."""

    def __init__(self, view: QTextEdit, ready: Callable[[], bool]) -> None:
        super().__init__(view)
        self._view = view
        self._ready = ready  # the view's text is laid out

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return (
            event.type() == QEvent.Type.Timer
            and not self._ready()
            and watched is self._view.document().documentLayout()
        )
