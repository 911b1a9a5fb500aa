"""A painted widget that can take keyboard focus and shows it (Qt layer)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget


class FocusFramed(QWidget):
    """Takes focus by Tab or click and draws a dotted frame while it has it (the link
    map and the overview strips paint themselves, so Qt draws no focus for them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paint_focus_frame(self, painter: QPainter) -> None:
        """The dotted frame, when the widget has the keyboard focus."""
        if not self.hasFocus():
            return
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 1)
        pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -1.5, -1.5))
