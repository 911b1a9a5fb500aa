"""What an article view paints over its text (Qt layer): the current passage's outline, a
bar beside text with a note, the current change's frame, and a caret where words the
counterpart has were dropped. Painted in the view's exposed strip after the text."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QTextCursor

from viewer.core.model import Range

if TYPE_CHECKING:
    from viewer.qt.articleview import ArticleView


class Overlays:
    """The marks over one view's text, and their painting."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self._outline: list[Range] = []
        self._outline_colour = QColor("#d55e00")
        self._notes: list[Range] = []  # core ranges with a note: a bar in the left margin
        self._note_colour = QColor("#762a83")
        self._current_change: Range | None = None
        self._deletions: Callable[[int, int], list[int]] | None = None
        self._deletion_colour = QColor("#d55e00")

    def set_outline(self, ranges: list[Range], colour: QColor) -> None:
        """Outline these core ranges (the current passage)."""
        self._outline = ranges
        self._outline_colour = colour
        self.view.viewport().update()

    def outline(self) -> list[Range]:
        return list(self._outline)

    def set_note_marks(self, ranges: list[Range], colour: QColor) -> None:
        """Mark these core ranges (text with a note) by a bar in the left margin."""
        self._notes = sorted(ranges)
        self._note_colour = colour
        self.view.viewport().update()

    def note_marks(self) -> list[Range]:
        return list(self._notes)

    def set_current_change(self, change: Range | None) -> None:
        """Frame ``change`` (core offsets) as the current change; None removes the frame."""
        self._current_change = change
        self.view.viewport().update()

    def current_change(self) -> Range | None:
        return self._current_change

    def set_deletions(self, source: Callable[[int, int], list[int]] | None, colour: QColor) -> None:
        """Where words the counterpart has were dropped: ``source(start, end)`` gives the
        core offsets in a range; each gets a thin caret."""
        self._deletions = source
        self._deletion_colour = colour
        self.view.viewport().update()

    def deletion_source(self) -> Callable[[int, int], list[int]] | None:
        return self._deletions

    def visible_deletions(self) -> list[int]:
        """Core offsets of the deletion carets in view."""
        if self._deletions is None:
            return []
        view = self.view
        top = view.top()
        start = view.offset_at(top, 0)
        end = view.offset_at(top + view.viewport().height(), view.viewport().width())
        return self._deletions(start, end)

    def paint(self, painter: QPainter, q0: int, q1: int) -> None:
        """Paint the marks of the blocks between Qt positions ``q0`` and ``q1`` (the ones
        being painted), with ``painter`` clipped to the exposed strip."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_deletions(painter, q0, q1)
        if self._notes:
            self._paint_notes(painter, q0, q1)
        self._paint_current_change(painter)
        if self._outline:
            self._paint_outline(painter)

    def _paint_notes(self, painter: QPainter, q0: int, q1: int) -> None:
        view = self.view
        start, end = view.offsets.from_qt(q0), view.offsets.from_qt(q1)
        scroll = view.verticalScrollBar().value()
        for note_start, note_end in self._notes:
            if note_end < start or note_start > end:
                continue
            top = view.y_of(note_start) - scroll
            bottom = view.bottom_of(note_end) - scroll
            painter.fillRect(QRectF(3, top, 4, max(4.0, bottom - top)), self._note_colour)

    def _paint_deletions(self, painter: QPainter, q0: int, q1: int) -> None:
        if self._deletions is None:
            return
        view = self.view
        points = self._deletions(view.offsets.from_qt(q0), view.offsets.from_qt(q1))
        if not points:
            return
        painter.setPen(QPen(self._deletion_colour, 2))
        cursor = QTextCursor(view.document())
        for offset in points:
            cursor.setPosition(view.offsets.to_qt(offset))
            rect = view.cursorRect(cursor)
            x = rect.left() + 0.5
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            painter.drawLine(QPointF(x - 3, rect.top()), QPointF(x + 3, rect.top()))
            painter.drawLine(QPointF(x - 3, rect.bottom()), QPointF(x + 3, rect.bottom()))

    def _paint_current_change(self, painter: QPainter) -> None:
        if self._current_change is None:
            return
        painter.setPen(QPen(self.view.palette().color(QPalette.ColorRole.Text), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in self.view.range_rects(*self._current_change):
            painter.drawRoundedRect(rect.adjusted(-2, -1, 2, 1), 3, 3)

    def _paint_outline(self, painter: QPainter) -> None:
        view = self.view
        painter.setPen(QPen(self._outline_colour, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        scroll = view.verticalScrollBar().value()
        width = view.viewport().width()
        height = view.viewport().height()
        for start, end in self._outline:
            top = view.y_of(start) - scroll
            bottom = view.bottom_of(end) - scroll
            if bottom < 0 or top > height:
                continue
            painter.drawRoundedRect(QRectF(4, top - 2, width - 8, bottom - top + 4), 4, 4)
