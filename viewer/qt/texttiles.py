"""A text view's drawn text kept as pixmap tiles (Qt layer).

On a wheel step every pane scrolls, and each draws the strip of text that comes into view.
Drawing text with its highlights is most of that cost (shaping, glyphs, one clip path per
highlight), and a follower catching up after text only the leader has draws a strip several
lines tall. Tiles are the text of a band of the document, TILE pixels tall, drawn once into a
pixmap; a paint copies the parts it needs, and the tiles next in the scroll direction (as many
as the last step crossed) are drawn ahead in an idle turn. The owner clears the tiles whenever
what they show changes (highlights, Find marks, the selection, colours, the text or its
layout); width, horizontal scroll, pixel ratio and background are part of the tiles' key and
clear them on their own.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QPixmap

TILE = 128  # document pixels per tile (an integer number of device pixels at 1.25, 1.5, 2)


class TextTiles:
    """Pixmaps of the text, TILE px tall, drawn by ``draw(painter, document rectangle)``."""

    def __init__(self, draw: Callable[[QPainter, QRectF], None]) -> None:
        self._draw = draw
        self._tiles: OrderedDict[int, QPixmap] = OrderedDict()
        self._key: tuple[int, int, float, int] | None = None
        self.drawn = 0  # tiles drawn so far (tests count them)

    def clear(self) -> None:
        self._tiles.clear()

    def paint(
        self,
        painter: QPainter,
        rect: QRect,
        scroll: tuple[int, int],
        width: int,
        ratio: float,
        background: QColor,
        page: int,
    ) -> None:
        """Fill ``rect`` (viewport coordinates) from the tiles, drawing the missing ones;
        ``scroll`` is the view's (horizontal, vertical) scroll position, ``page`` its
        height: the tiles of about two pages are kept."""
        dx, dy = scroll
        key = (width, dx, ratio, background.rgba())
        if key != self._key:
            self._tiles.clear()
            self._key = key
        top, bottom = rect.top() + dy, rect.bottom() + 1 + dy  # document y
        for index in range(top // TILE, (bottom - 1) // TILE + 1):
            tile = self._tile(index, width, dx, ratio, background)
            y0 = max(top, index * TILE)
            y1 = min(bottom, (index + 1) * TILE)
            painter.drawPixmap(
                QRectF(rect.left(), y0 - dy, rect.width(), y1 - y0),
                tile,
                QRectF(
                    rect.left() * ratio,
                    (y0 - index * TILE) * ratio,
                    rect.width() * ratio,
                    (y1 - y0) * ratio,
                ),
            )
        keep = 2 * math.ceil(page / TILE) + 4
        while len(self._tiles) > keep:
            self._tiles.popitem(last=False)

    def has(self, index: int) -> bool:
        return index in self._tiles

    def prepare(self, index: int, width: int, dx: int, ratio: float, background: QColor) -> None:
        """Draw tile ``index`` now if it is missing (ahead of the scroll, in an idle turn)."""
        if (width, dx, ratio, background.rgba()) == self._key and index not in self._tiles:
            self._tile(index, width, dx, ratio, background)

    def _tile(self, index: int, width: int, dx: int, ratio: float, background: QColor) -> QPixmap:
        found = self._tiles.get(index)
        if found is not None:
            self._tiles.move_to_end(index)
            return found
        pixmap = QPixmap(max(1, math.ceil(width * ratio)), math.ceil(TILE * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(background)
        painter = QPainter(pixmap)
        painter.translate(-dx, -index * TILE)
        self._draw(painter, QRectF(dx, index * TILE, width, TILE))
        painter.end()
        self._tiles[index] = pixmap
        self.drawn += 1
        return pixmap
