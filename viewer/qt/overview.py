"""A thin strip beside a pane: where shared and changed text lies, and the viewport (Qt layer).

It is the pane's scroll bar too (as VS Code's overview ruler, with the handle drawn over
the marks): drag the visible part, click to jump there, turn the wheel over it, or Tab
to it and use the keys. A separate scroll bar beside it repainted on every wheel step of
every pane, for a second picture of the same position.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from viewer.qt.focusframe import FocusFramed
from viewer.qt.later import later
from viewer.qt.palette import over

# (start y fraction, end y fraction, colour) for each marked stretch.
Marks = list[tuple[float, float, QColor]]


class Overview(FocusFramed):
    """Paints marks (fractions of the document height) and the visible part."""

    WIDTH = 14

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(self.WIDTH)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # paints every pixel itself
        # Reached by Tab; a click scrolls, as on a scroll bar, and leaves the focus where it
        # was (the text, usually).
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setToolTip(
            "Where shared (blue) and changed (orange) text lies; the framed part is in view: "
            "drag it, click to jump, or Tab here and use Up/Down, Page Up/Down, Home/End"
        )
        self.setAccessibleName("Overview of the article")
        self._marks: Marks = []
        self._view = (0.0, 1.0)
        self._background = QColor("#f4f4f4")
        self._viewport = QColor(0, 0, 0, 64)
        self.jump: Callable[[float], None] | None = None
        self.wheel: Callable[[QWheelEvent], None] | None = None  # scrolls the view
        self._grab = 0.0  # where the handle was taken, from its top (pixels)
        self._frame: tuple[tuple[int, int], QColor] | None = None  # the handle's edge
        # Core offsets → height fractions, or None while the text is still being laid out.
        self.locate: Callable[[list[int]], list[float] | None] | None = None
        self._ranges: list[tuple[int, int, int]] = []
        self._range_colours: dict[int, QColor] = {}
        self._pixmap: QPixmap | None = None  # the marks, drawn once per layout
        self._notes: list[tuple[int, int]] = []  # core ranges with a note
        self._note_colour = QColor("#762a83")
        self._note_marks: list[tuple[float, float]] = []  # their height fractions

    def sizeHint(self) -> QSize:
        return QSize(self.WIDTH, 100)

    def set_colours(self, background: str, viewport: str) -> None:
        self._background = QColor(background)
        self._viewport = QColor(viewport)
        self._pixmap = None
        self.update()

    def set_ranges(self, ranges: list[tuple[int, int, int]], colours: dict[int, QColor]) -> None:
        """Marks as core ranges with a colour key, painted in this order; placed by
        ``locate`` soon and whenever the layout changes."""
        self._ranges = ranges
        self._range_colours = colours
        self.relayout()

    def set_notes(self, ranges: list[tuple[int, int]], colour: QColor) -> None:
        """Text with a note: a tick at the strip's left edge."""
        if ranges == self._notes and colour == self._note_colour:
            return
        self._notes = list(ranges)
        self._note_colour = colour
        self.relayout()

    def relayout(self) -> None:
        """Place the marks again, in a coming turn (several panes' calls don't add up)."""
        later((id(self), "place"), self._place)

    def _place(self) -> None:
        if self.locate is None:
            return
        offsets = sorted(
            {offset for start, end, _ in self._ranges for offset in (start, end)}
            | {offset for start, end in self._notes for offset in (start, end)}
        )
        fractions = self.locate(offsets)
        if fractions is None:
            return  # the pane calls relayout() again once its text is laid out
        where = dict(zip(offsets, fractions, strict=True))
        # Marks closer than a pixel with the same colour are painted as one.
        pixel = 1.0 / max(1, self.height())
        marks: Marks = []
        last_key = None
        for start, end, key in self._ranges:
            top, bottom = where[start], where[end]
            if marks and key == last_key and top - marks[-1][1] < pixel:
                marks[-1] = (marks[-1][0], max(bottom, marks[-1][1]), marks[-1][2])
            else:
                marks.append((top, bottom, self._range_colours[key]))
                last_key = key
        self._marks = marks
        self._note_marks = [(where[start], where[end]) for start, end in self._notes]
        self._pixmap = None
        self.update()

    def set_view(self, top: float, bottom: float) -> None:
        """The visible part as fractions of the document height. Only where the handle
        was and where it is now is painted again (it moves on every wheel step)."""
        if (top, bottom) != self._view:
            before = self.handle_rect()
            self._view = (top, bottom)
            self.update(before.united(self.handle_rect()).toAlignedRect().adjusted(0, -1, 0, 1))

    def _marks_pixmap(self) -> QPixmap:
        if self._pixmap is None or self._pixmap.size() != self.size():
            pixmap = QPixmap(self.size())
            pixmap.fill(self._background)
            painter = QPainter(pixmap)
            height = self.height()
            for start, end, colour in self._marks:
                y0 = start * height
                y1 = max(y0 + 2, end * height)
                painter.fillRect(QRectF(2, y0, self.width() - 4, y1 - y0), colour)
            for start, end in self._note_marks:
                y0 = start * height
                painter.fillRect(
                    QRectF(0, y0 - 1, 5, max(4.0, end * height - y0 + 2)), self._note_colour
                )
            painter.end()
            self._pixmap = pixmap
        return self._pixmap

    def handle_rect(self) -> QRectF:
        """The visible part of the article: the handle (widget coordinates)."""
        height = self.height()
        top, bottom = self._view
        return QRectF(0, top * height, self.width(), max(6.0, (bottom - top) * height))

    def frame_colour(self) -> QColor:
        """The handle's edge: the text colour mixed into the strip's, 3:1 or more against
        it in both themes (WCAG 1.4.11), as the scroll bar's handle was."""
        key = (self.palette().cacheKey(), self._background.rgba())
        if self._frame is None or self._frame[0] != key:
            ink = self.palette().color(QPalette.ColorRole.WindowText)
            self._frame = (key, over(ink, 153, self._background))
        return self._frame[1]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._marks_pixmap())
        handle = self.handle_rect()
        painter.fillRect(handle, self._viewport)
        painter.setPen(self.frame_colour())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(handle.adjusted(0.5, 0.5, -0.5, -0.5))
        self.paint_focus_frame(painter)
        painter.end()

    def _drag_to(self, y: float) -> None:
        """Put the handle's grabbed point at ``y``."""
        height = self.height()
        if self.jump is None or height <= 0:
            return
        top, bottom = self._view
        middle = (y - self._grab) / height + (bottom - top) / 2
        self.jump(min(1.0, max(0.0, middle)))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Pressed on the handle: it is taken where it was pressed, and follows the mouse.
        Elsewhere: the view jumps there (the handle centred on the mouse)."""
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        y = event.position().y()
        handle = self.handle_rect()
        inside = handle.top() <= y <= handle.bottom()
        self._grab = y - handle.top() if inside else handle.height() / 2
        self._drag_to(y)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._drag_to(event.position().y())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.wheel is None:
            super().wheelEvent(event)
            return
        self.wheel(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """What a click offers, from the keyboard: Up/Down move the view by a twentieth of
        the article, Page Up/Down by a fifth, Home/End to its ends."""
        steps = {
            Qt.Key.Key_Up: -0.05,
            Qt.Key.Key_Down: 0.05,
            Qt.Key.Key_PageUp: -0.2,
            Qt.Key.Key_PageDown: 0.2,
        }
        top, bottom = self._view
        middle = (top + bottom) / 2
        key = event.key()
        if self.jump is None or key not in (*steps, Qt.Key.Key_Home, Qt.Key.Key_End):
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Home:
            target = (bottom - top) / 2
        elif key == Qt.Key.Key_End:
            target = 1.0 - (bottom - top) / 2
        else:
            target = middle + steps[key]
        self.jump(min(1.0, max(0.0, target)))
