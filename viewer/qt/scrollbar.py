"""A flat, opaque scroll bar for the article panes (Qt layer).

Fusion paints its scroll bars with gradients (0.7 ms a repaint here), and a scroll bar is
not opaque, so Qt paints the pane, the row and the scroll area behind it first. This bar
behaves as QScrollBar does (it only paints differently): a groove and the two arrow buttons
(painted once per size), and a handle, with nothing painted behind. In the panes only the
horizontal one shows (for a line too wide to wrap): the overview strip beside the text is
the vertical scroll bar, and the view's own vertical bar is hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPixmap, QPolygonF
from PySide6.QtWidgets import QScrollBar, QStyle, QStyleOptionSlider, QWidget

from viewer.qt.palette import over

_CONTROL = QStyle.ComplexControl.CC_ScrollBar
_SUB = QStyle.SubControl
_VERTICAL = Qt.Orientation.Vertical


class SlimScrollBar(QScrollBar):
    """QScrollBar with a cheap flat paint: groove, handle, arrows."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.make_opaque()
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self._cache: tuple[tuple[int, int, int, bool, float], QPixmap] | None = None
        # The handle, drawn once per size, colour and pixel ratio, and its colour per
        # palette and hover.
        self._colour: tuple[tuple[int, bool], QColor] | None = None
        self._handle: tuple[tuple[int, int, int, int, float], QPixmap] | None = None
        # The handle's rectangle at the range's two ends, per size and range.
        self._ends: tuple[tuple[int, int, int, int, int], QRect, QRect] | None = None

    def make_opaque(self) -> None:
        """Nothing is painted behind this bar. QAbstractScrollArea.setVerticalScrollBar()
        clears the attribute, so the scroll area calls this again after setting the bar:
        without it each bar's repaint also repainted its pane, the pane's frame and the
        row of panes behind it."""
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def _rect(self, option: QStyleOptionSlider, control: QStyle.SubControl) -> QRect:
        return self.style().subControlRect(_CONTROL, option, control, self)

    def handle_rect(self) -> QRect:
        """Where the handle is drawn (widget coordinates); empty when there is nothing to
        scroll. The style places it at its start plus
        ``QStyle.sliderPositionFromValue(...)`` of the room it has; that room is found
        once per size and range, so a paint on a wheel step asks the style nothing."""
        low, high = self.minimum(), self.maximum()
        if high <= low:
            return QRect()
        key = (self.width(), self.height(), low, high, self.pageStep())
        if self._ends is None or self._ends[0] != key:
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            option.sliderPosition = low
            first = self._rect(option, _SUB.SC_ScrollBarSlider)
            option.sliderPosition = high
            last = self._rect(option, _SUB.SC_ScrollBarSlider)
            self._ends = (key, first, last)
        _, first, last = self._ends
        vertical = self.orientation() == _VERTICAL
        room = last.top() - first.top() if vertical else last.left() - first.left()
        offset = QStyle.sliderPositionFromValue(low, high, self.sliderPosition(), room)
        return first.translated(0, offset) if vertical else first.translated(offset, 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Two pixmaps: the groove with its arrows, and the handle."""
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._background())
        handle = self.handle_rect()
        if not handle.isEmpty():
            if self.isSliderDown():
                colour = self.palette().color(QPalette.ColorRole.Highlight)
            else:
                colour = self.handle_colour(hovered=self._hovered())
            vertical = self.orientation() == _VERTICAL
            inset = handle.adjusted(3, 1, -3, -1) if vertical else handle.adjusted(1, 3, -1, -3)
            if inset.width() > 0 and inset.height() > 0:
                painter.drawPixmap(inset.topLeft(), self._handle_pixmap(inset, colour))
        painter.end()

    def _handle_pixmap(self, inset: QRect, colour: QColor) -> QPixmap:
        """The rounded handle on the groove's colour (its corners too: opaque, so it is
        copied rather than blended)."""
        ratio = self.devicePixelRatioF()
        groove = self.groove_colour()
        key = (inset.width(), inset.height(), colour.rgba(), groove.rgba(), ratio)
        if self._handle is not None and self._handle[0] == key:
            return self._handle[1]
        pixmap = QPixmap(inset.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(groove)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        radius = min(inset.width(), inset.height()) / 2
        painter.drawRoundedRect(QRect(0, 0, inset.width(), inset.height()), radius, radius)
        painter.end()
        self._handle = (key, pixmap)
        return pixmap

    def groove_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Base).darker(104)

    def handle_colour(self, hovered: bool = False) -> QColor:
        """The handle: the text colour mixed into the groove's, so it stands out at 3:1 or
        more in light and dark themes alike (the palette's Mid was 35 on 29 in the dark
        theme: the handle could not be seen)."""
        key = (self.palette().cacheKey(), hovered)
        if self._colour is None or self._colour[0] != key:
            ink = self.palette().color(QPalette.ColorRole.WindowText)
            self._colour = (key, over(ink, 153 if hovered else 115, self.groove_colour()))
        return self._colour[1]

    def _hovered(self) -> bool:
        """The mouse is over the handle (asked of the style only when it is over the bar)."""
        if not self.underMouse():
            return False
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return bool(option.activeSubControls & _SUB.SC_ScrollBarSlider)

    def _background(self) -> QPixmap:
        """The groove and the arrow buttons, painted once per size, colours and state."""
        palette = self.palette()
        active = self.isEnabled() and self.maximum() > self.minimum()
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), palette.cacheKey(), active, ratio)
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(palette.color(QPalette.ColorRole.Window))
        painter = QPainter(pixmap)
        vertical = self.orientation() == _VERTICAL
        groove = self._rect(option, _SUB.SC_ScrollBarGroove)
        painter.fillRect(groove, self.groove_colour())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        role = QPalette.ColorRole.WindowText if active else QPalette.ColorRole.Mid
        painter.setBrush(QColor(palette.color(role)))
        buttons = ((_SUB.SC_ScrollBarSubLine, False), (_SUB.SC_ScrollBarAddLine, True))
        for control, forward in buttons:
            box = self._rect(option, control)
            if not box.isEmpty():
                painter.drawPolygon(_triangle(box, vertical, forward))
        painter.end()
        self._cache = (key, pixmap)
        return pixmap


def _triangle(box: QRect, vertical: bool, forward: bool) -> QPolygonF:
    """A small arrow in ``box`` pointing down/right (forward) or up/left."""
    centre = QPointF(box.center()) + QPointF(0.5, 0.5)
    size = max(2.0, min(box.width(), box.height()) / 4)
    sign = 1.0 if forward else -1.0
    if vertical:
        points = [
            centre + QPointF(-size, -sign * size / 2),
            centre + QPointF(size, -sign * size / 2),
            centre + QPointF(0, sign * size / 2),
        ]
    else:
        points = [
            centre + QPointF(-sign * size / 2, -size),
            centre + QPointF(-sign * size / 2, size),
            centre + QPointF(sign * size / 2, 0),
        ]
    return QPolygonF(points)
