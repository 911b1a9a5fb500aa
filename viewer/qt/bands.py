"""The shapes and looks of a link map's bands and far bands (Qt layer)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QStaticText,
)

from viewer.qt.palette import Colours, over, standing_out

# A band or tongue is painted as its shape, filled, and its two curved edges, stroked.
# The straight sides along the widget's edges are not stroked: they can be thousands of
# pixels long, and stroking them with an antialiased pen cost as much as the rest.
Band = tuple[QPainterPath, QPainterPath]
# A pane's text viewport seen from the link map: its top in the map's coordinates, the
# view's scroll top, the viewport's height.
Frame = tuple[float, int, int]


def band_path(width: float, ly0: float, ly1: float, ry0: float, ry1: float) -> Band:
    """A band from ``ly0..ly1`` at the left edge to ``ry0..ry1`` at the right edge."""
    mid = width / 2
    shape, edges = QPainterPath(), QPainterPath()
    shape.moveTo(0.0, ly0)
    shape.cubicTo(mid, ly0, mid, ry0, width, ry0)
    shape.lineTo(width, ry1)
    shape.cubicTo(mid, ry1, mid, ly1, 0.0, ly1)
    shape.closeSubpath()
    edges.moveTo(0.0, ly0)
    edges.cubicTo(mid, ly0, mid, ry0, width, ry0)
    edges.moveTo(width, ry1)
    edges.cubicTo(mid, ry1, mid, ly1, 0.0, ly1)
    return shape, edges


def tongue_path(edge: float, tip: float, top: float, bottom: float) -> Band:
    """A far band: from ``top..bottom`` at ``edge`` narrowing to a 12 px tip at ``tip``."""
    middle = (top + bottom) / 2
    half = (edge + tip) / 2
    shape, edges = QPainterPath(), QPainterPath()
    shape.moveTo(edge, top)
    shape.cubicTo(half, top, tip, middle - 6, tip, middle - 6)
    shape.lineTo(tip, middle + 6)
    shape.cubicTo(tip, middle + 6, half, bottom, edge, bottom)
    shape.closeSubpath()
    edges.moveTo(edge, top)
    edges.cubicTo(half, top, tip, middle - 6, tip, middle - 6)
    edges.lineTo(tip, middle + 6)
    edges.cubicTo(tip, middle + 6, half, bottom, edge, bottom)
    return shape, edges


class BandLooks:
    """Bands' fills and edge pens and far articles' name labels, each made once per
    colours, palette and pixel ratio, not on every paint."""

    def __init__(self) -> None:
        self._looks: dict[tuple[int, int, int, int, int, int, bool], tuple[QColor, QPen]] = {}
        self._labels: dict[tuple[str, int, float, str, float], QPixmap] = {}

    def clear(self) -> None:
        self._looks.clear()
        self._labels.clear()

    def look(
        self,
        colours: Colours,
        carriers: int,
        possible: int,
        extra: int,
        background: QColor,
        ink: QColor,
        dashed: bool = False,
    ) -> tuple[QColor, QPen]:
        """A band's opaque fill and edge pen for a passage ``carriers`` other articles carry
        (of ``possible``); the edge stands out from the background at 3:1 or more."""
        key = (id(colours), carriers, possible, extra, background.rgba(), ink.rgba(), dashed)
        found = self._looks.get(key)
        if found is None:
            colour = QColor(colours.shared_for(carriers, possible))
            edge = colour.darker(130) if not colours.dark else colour.lighter(130)
            # The edge must be seen (the dark theme's tongue edges were about 1.2:1).
            pen = QPen(standing_out(edge, ink, background), 1)
            if dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            found = self._looks[key] = (over(colour, colours.band_alpha + extra, background), pen)
        return found

    def label(self, text: str, font: QFont, colour: QColor, ratio: float, width: float) -> QPixmap:
        """A far article's name in a small bold ``font``, elided to ``width`` (setting a
        font on the painter and drawing text on every paint was half the cost of a link
        map's paint; a name wider than the map lost both its ends)."""
        key = (text, colour.rgba(), ratio, font.key(), width)
        found = self._labels.get(key)
        if found is None:
            small = QFont(font)
            small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
            small.setBold(True)
            shown = QFontMetricsF(small).elidedText(text, Qt.TextElideMode.ElideRight, width)
            static = QStaticText(shown)
            static.setTextFormat(Qt.TextFormat.PlainText)  # a file name is data
            static.prepare(font=small)
            size = static.size()
            found = QPixmap(
                max(1, math.ceil(size.width() * ratio)), max(1, math.ceil(size.height() * ratio))
            )
            found.setDevicePixelRatio(ratio)
            found.fill(Qt.GlobalColor.transparent)
            painter = QPainter(found)
            painter.setFont(small)
            painter.setPen(colour)
            painter.drawStaticText(QPointF(0, 0), static)
            painter.end()
            self._labels[key] = found
        return found
