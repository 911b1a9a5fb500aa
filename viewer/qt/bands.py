"""The shapes of a link map's bands and far bands (Qt layer)."""

from __future__ import annotations

from PySide6.QtGui import QPainterPath

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
