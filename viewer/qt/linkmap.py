"""Bands between two neighbouring panes, one per shared passage in view (Qt layer).

As Meld's link map, a filled Bézier band joins a passage's place in the left pane to its
place in the right pane; a moved passage's band crosses the others. Clicking a band
selects its passage.

Text the left pane shares with an article further right (or the right pane with one further
left) but not with this neighbour gets a "far band": a tongue pointing away from its place,
labelled with the far article's short name, so what joins non-neighbours shows too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from viewer.core.model import Comparison, Link
from viewer.core.relations import far_shares
from viewer.qt.bands import Band, BandLooks, Frame, band_path, tongue_path
from viewer.qt.focusframe import FocusFramed
from viewer.qt.later import later
from viewer.qt.palette import Colours
from viewer.qt.pane import Pane

# Qt enums looked up once: each lookup through PySide's enum types costs a microsecond or
# two, and a link map repaints on every wheel step.
_AA = QPainter.RenderHint.Antialiasing
_WINDOW = QPalette.ColorRole.Window


class LinkMap(FocusFramed):
    """Draws the passages shared by ``left`` and ``right`` as bands."""

    passageClicked = Signal(int)

    WIDTH = 44

    def __init__(self, left: Pane, right: Pane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(self.WIDTH)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # no parent repaint behind
        self.left = left
        self.right = right
        self.left_doc = 0
        self.right_doc = 1
        self.comparison: Comparison | None = None
        self.colours: Colours | None = None
        self.current: int | None = None
        self._bands: list[tuple[int, QPainterPath]] = []
        self._origins: dict[int, tuple[tuple[int, int, int, int], float]] = {}
        self._looks = BandLooks()  # fills, edge pens and far article names, made once
        # Per link: passage id and document y of both ends in both panes; rebuilt when the
        # comparison or the layout changes, so painting only subtracts scroll offsets.
        self._geometry: list[tuple[int, float, float, float, float]] | None = None
        self._links: list[Link] = []
        self._exact: dict[int, tuple[float, float, float, float]] = {}
        self._carriers: dict[int, int] = {}  # passage id → how many other articles carry it
        self.far_right: dict[int, str] = {}  # doc → short name, for panes right of ``right``
        self.far_left: dict[int, str] = {}  # doc → short name, for panes left of ``left``
        # Per far tongue: passage id, side (0 left, 1 right), core start, end, label, and
        # the document y bounds of its blocks (cheap, to skip tongues out of view).
        self._far_geometry: list[tuple[int, int, int, int, str, float, float]] | None = None
        self._far_exact: dict[tuple[int, int, int], tuple[float, float]] = {}
        # The map as it will look after the next wheel step, drawn in an idle turn (see
        # ``draw_ahead``): the size and positions it was drawn for, the picture, its bands.
        # Dropped whenever what the map shows changes (``_changed``).
        self._ahead: tuple[tuple[object, ...], QPixmap, list[tuple[int, QPainterPath]]] | None
        self._ahead = None
        self.setToolTip(
            "Shared passages between the neighbouring articles; click a band, or Tab here "
            "and use Up/Down to step through them"
        )
        self.setAccessibleName("Shared passages between neighbouring articles")
        for pane in (left, right):
            pane.scroll_followers.append(self.pane_scrolled)
            pane.view.layoutChanged.connect(self.relayout)
            pane.view.layoutReady.connect(self.relayout)

    def set_comparison(
        self, comparison: Comparison | None, left_doc: int, right_doc: int, colours: Colours
    ) -> None:
        self.comparison = comparison
        self.left_doc, self.right_doc = left_doc, right_doc
        self.colours = colours
        self._looks.clear()
        self._carriers = {p.id: len(p.docs) - 1 for p in comparison.passages} if comparison else {}
        self.relayout()

    def set_far(self, far_left: dict[int, str], far_right: dict[int, str]) -> None:
        """The articles beyond the left and right panes (document → short name)."""
        self.far_left, self.far_right = far_left, far_right
        self.relayout()

    def relayout(self) -> None:
        """Forget cached positions (new comparison, resize, zoom); find them in a coming
        turn of the event loop, not in the paint that follows a result."""
        self._geometry = None
        self._far_geometry = None
        later((id(self), "geometry"), self._compute_geometry)
        self._changed()

    def _compute_geometry(self) -> None:
        self._link_geometry(compute=True)
        self._far_link_geometry(compute=True)
        self._changed()

    def _changed(self) -> None:
        """What the map shows changed (not only where): repaint, and forget the picture
        drawn ahead."""
        self._ahead = None
        self.update()

    def _far_link_geometry(
        self, compute: bool = False
    ) -> list[tuple[int, int, int, int, str, float, float]]:
        """Per far tongue: passage id, side, core range in that pane, far article names,
        block-precise document y bounds."""
        if not (self.left.view.layout_ready() and self.right.view.layout_ready()):
            return []
        if self._far_geometry is None and not compute:
            return []  # queued by relayout()
        if self._far_geometry is None:
            self._far_geometry = []
            self._far_exact = {}
            if self.comparison is not None:
                shares = far_shares(
                    self.comparison, self.left_doc, self.right_doc, self.far_left, self.far_right
                )
                for passage, side, start, end, names in shares:
                    view = (self.left if side == 0 else self.right).view
                    b0 = view.block_span(start)[0]
                    b1 = view.block_span(max(start, end - 1))[1]
                    self._far_geometry.append((passage, side, start, end, names, b0, b1))
        return self._far_geometry

    def _far_y(self, side: int, start: int, end: int) -> tuple[float, float]:
        """Line-exact document y of a tongue's range, found when it comes near the view."""
        found = self._far_exact.get((side, start, end))
        if found is None:
            view = (self.left if side == 0 else self.right).view
            found = self._far_exact[(side, start, end)] = (view.y_of(start), view.bottom_of(end))
        return found

    def far_bands(self, compute: bool = True) -> list[tuple[int, str, QPainterPath]]:
        """(passage id, far article names, tongue shape) for far bands in view."""
        frames = (self._frame(self.left), self._frame(self.right))
        return [(p, label, shape) for p, label, (shape, _) in self._far_parts(frames, compute)]

    def _far_parts(self, frames: tuple[Frame, Frame], compute: bool) -> list[tuple[int, str, Band]]:
        result: list[tuple[int, str, Band]] = []
        if self.comparison is None:
            return result
        geometry = self._far_link_geometry(compute)
        if not geometry:
            return result
        width = float(self.width())
        for passage, side, start, end, label, b0, b1 in geometry:
            origin, scroll, height = frames[side]
            shift = origin - scroll
            if shift + b1 < origin or shift + b0 > origin + height:
                continue
            y0, y1 = self._far_y(side, start, end)
            top, bottom = shift + y0, shift + y1
            if bottom < origin or top > origin + height:
                continue
            edge, tip = (0.0, width * 0.7) if side == 0 else (width, width * 0.3)
            result.append((passage, label, tongue_path(edge, tip, top, bottom)))
        return result

    def _link_geometry(self, compute: bool = False) -> list[tuple[int, float, float, float, float]]:
        """Per link: passage id and cheap document y bounds (block precision) on both sides."""
        if not (self.left.view.layout_ready() and self.right.view.layout_ready()):
            return []  # asking for far positions now would lay the whole text out at once
        if self._geometry is None and not compute:
            return []  # queued by relayout()
        if self._geometry is None:
            self._geometry = []
            self._exact = {}
            if self.comparison is not None:
                lview, rview = self.left.view, self.right.view
                self._links = self.comparison.links_between(self.left_doc, self.right_doc)
                for link in self._links:
                    (l0, l1) = link.ranges[link.side(self.left_doc)]
                    (r0, r1) = link.ranges[link.side(self.right_doc)]
                    self._geometry.append(
                        (
                            link.passage,
                            lview.block_span(l0)[0],
                            lview.block_span(max(l0, l1 - 1))[1],
                            rview.block_span(r0)[0],
                            rview.block_span(max(r0, r1 - 1))[1],
                        )
                    )
        return self._geometry

    def _exact_geometry(self, index: int) -> tuple[float, float, float, float]:
        """Line-exact document y of link ``index``'s ends, computed when it comes into view."""
        found = self._exact.get(index)
        if found is None:
            link = self._links[index]
            (l0, l1) = link.ranges[link.side(self.left_doc)]
            (r0, r1) = link.ranges[link.side(self.right_doc)]
            lview, rview = self.left.view, self.right.view
            found = (lview.y_of(l0), lview.bottom_of(l1), rview.y_of(r0), rview.bottom_of(r1))
            self._exact[index] = found
        return found

    def pane_scrolled(self) -> None:
        """Repaint, unless this map has nothing to show at any scroll position (two
        articles that share nothing, with no far bands): then a wheel step costs it
        nothing."""
        if self._geometry == [] and self._far_geometry == [] and not self._bands:
            return
        self.update()

    def set_current(self, passage: int | None) -> None:
        self.current = passage
        self._changed()

    def _frame(self, pane: Pane, top: int | None = None) -> Frame:
        """The pane's text viewport's top in this widget's coordinates, the view's scroll
        top (or ``top``) and the viewport's height. The first is kept until the layout
        changes: four mapTo calls on every paint were a tenth of its cost."""
        view = pane.view
        viewport = view.viewport()
        key = (pane.y(), view.y(), viewport.y(), self.y())
        found = self._origins.get(id(pane))
        if found is None or found[0] != key:
            origin = viewport.mapTo(self.window(), QPoint(0, 0))
            mine = self.mapTo(self.window(), QPoint(0, 0))
            found = self._origins[id(pane)] = (key, float(origin.y() - mine.y()))
        return found[1], view.top() if top is None else top, viewport.height()

    def bands(self, compute: bool = True) -> list[tuple[int, QPainterPath]]:
        """(passage id, band shape) for every band in view, in widget coordinates.

        Painting passes ``compute=False``: until the queued geometry is found, no bands.
        """
        frames = (self._frame(self.left), self._frame(self.right))
        return [(passage, shape) for passage, (shape, _) in self._band_parts(frames, compute)]

    def _band_parts(self, frames: tuple[Frame, Frame], compute: bool) -> list[tuple[int, Band]]:
        result: list[tuple[int, Band]] = []
        if self.comparison is None:
            return result
        geometry = self._link_geometry(compute)
        if not geometry:
            return result
        (lorigin, lscroll, lheight), (rorigin, rscroll, rheight) = frames
        ltop, rtop = lorigin - lscroll, rorigin - rscroll
        lend, rend = lorigin + lheight, rorigin + rheight
        width = float(self.width())
        for index, (passage, a0, a1, b0, b1) in enumerate(geometry):
            if not (
                (ltop + a1 >= lorigin and ltop + a0 <= lend)
                or (rtop + b1 >= rorigin and rtop + b0 <= rend)
            ):
                continue
            a0, a1, b0, b1 = self._exact_geometry(index)
            ly0, ly1 = ltop + a0, ltop + a1
            ry0, ry1 = rtop + b0, rtop + b1
            if not ((ly1 >= lorigin and ly0 <= lend) or (ry1 >= rorigin and ry0 <= rend)):
                continue
            result.append((passage, band_path(width, ly0, ly1, ry0, ry1)))
        return result

    def paintEvent(self, event: QPaintEvent) -> None:
        """The bands at the panes' positions: the picture drawn ahead when it was drawn for
        them, else painted now."""
        painter = QPainter(self)
        frames = (self._frame(self.left), self._frame(self.right))
        ahead = self._ahead
        if ahead is not None and ahead[0] == self._ahead_key(frames):
            painter.drawPixmap(0, 0, ahead[1])
            self._bands = ahead[2]
        else:
            painter.fillRect(event.rect(), self.palette().color(_WINDOW))
            self._bands = self._paint_bands(painter, frames)
        self.paint_focus_frame(painter)
        painter.end()

    def draw_ahead(self, tops: dict[Pane, int]) -> None:
        """Draw the map as it will be when the panes stand at ``tops`` (view tops; a pane
        not in it stays), in an idle turn before the wheel step that takes them there:
        that step's paint is then one copy. The bands cost a fifth of a step's time."""
        if not self.isVisible() or self.comparison is None or self.colours is None:
            return
        if self._geometry is None or self._far_geometry is None:
            return  # still queued: a picture now would be dropped when they come
        frames = (
            self._frame(self.left, tops.get(self.left)),
            self._frame(self.right, tops.get(self.right)),
        )
        key = self._ahead_key(frames)
        if self._ahead is not None and self._ahead[0] == key:
            return
        ratio = self.devicePixelRatioF()
        size = QSize(round(self.width() * ratio), round(self.height() * ratio))
        # The last picture has been shown (copied to the window) or is out of date: draw
        # over it rather than make a new one (allocating it was a tenth of the drawing).
        last = self._ahead[1] if self._ahead is not None else None
        if last is not None and last.size() == size and last.devicePixelRatio() == ratio:
            picture = last
        else:
            picture = QPixmap(size)
            picture.setDevicePixelRatio(ratio)
        self._ahead = None
        picture.fill(self.palette().color(_WINDOW))
        painter = QPainter(picture)
        bands = self._paint_bands(painter, frames)
        painter.end()
        self._ahead = (key, picture, bands)

    def _ahead_key(self, frames: tuple[Frame, Frame]) -> tuple[object, ...]:
        return (self.width(), self.height(), self.devicePixelRatioF(), frames)

    def _paint_bands(
        self, painter: QPainter, frames: tuple[Frame, Frame]
    ) -> list[tuple[int, QPainterPath]]:
        """Paint the bands and tongues for the panes at ``frames`` on the background
        already filled, beside the panes' text only (not their headers); return the bands
        (passage id, shape) for clicks."""
        colours = self.colours
        if colours is None or self.comparison is None:
            return []
        (ltop, _, lheight), (rtop, _, rheight) = frames
        top = min(ltop, rtop)
        painter.save()
        painter.setClipRect(
            QRectF(0, top, self.width(), max(ltop + lheight, rtop + rheight) - top),
            Qt.ClipOperation.IntersectClip,
        )
        background = self.palette().color(_WINDOW)
        parts = self._band_parts(frames, compute=False)
        possible = len(self.comparison.documents) - 1
        current_path = None
        carriers = self._carriers
        looks = [self._band_look(carriers[p], possible, 60, background) for p, _ in parts]
        tongues = self._far_parts(frames, compute=False)
        far_looks = [
            self._band_look(carriers.get(p, 1), possible, 40, background, dashed=True)
            for p, _, _ in tongues
        ]
        # Fills without antialiasing (the antialiased edge line hides the steps), in the
        # translucent colour already blended over the background: an opaque fill costs a
        # tenth of a blended one, and the link map repaints on every wheel step. All fills
        # first, then all edges: a moved passage's band crosses others, and its edges stay
        # in sight where another band's fill covers it. Far bands are lighter tongues with
        # a dashed edge and the far article's name.
        for (_, (shape, _)), (fill, _) in zip(parts, looks, strict=True):
            painter.fillPath(shape, fill)
        for (_, _, (shape, _)), (fill, _) in zip(tongues, far_looks, strict=True):
            painter.fillPath(shape, fill)
        painter.setRenderHint(_AA, True)
        for (passage_id, (shape, edges)), (_, pen) in zip(parts, looks, strict=True):
            painter.setPen(pen)
            painter.drawPath(edges)
            if passage_id == self.current:
                current_path = shape
        labels: list[QRectF] = []
        for (passage_id, label, (shape, edges)), (_, pen) in zip(tongues, far_looks, strict=True):
            painter.setPen(pen)
            painter.drawPath(edges)
            if passage_id == self.current:
                current_path = shape
            self._paint_label(painter, label, shape, labels)
        if current_path is not None:
            painter.setPen(QPen(QColor(colours.outline), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(current_path)
        painter.restore()
        return [(passage, shape) for passage, (shape, _) in parts]

    def _paint_label(
        self, painter: QPainter, label: str, shape: QPainterPath, placed: list[QRectF]
    ) -> None:
        """A far band's article names, centred on it; below the labels ``placed`` before
        it that it would cover, while it stays on its band, else left out (two tongues at
        one height printed their names over each other)."""
        box = shape.boundingRect()
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        name = self._looks.label(
            label, self.font(), ink, self.devicePixelRatioF(), self.width() - 4
        )
        size = name.deviceIndependentSize()
        rect = QRectF(
            QPointF((self.width() - size.width()) / 2, box.center().y() - size.height() / 2), size
        )
        for other in sorted(placed, key=QRectF.top):
            if rect.intersects(other):
                rect.moveTop(other.bottom() + 1)
        if rect.bottom() > box.bottom() or any(rect.intersects(other) for other in placed):
            return
        placed.append(rect)
        painter.drawPixmap(rect.topLeft(), name)

    def _band_look(
        self, carriers: int, possible: int, extra: int, background: QColor, dashed: bool = False
    ) -> tuple[QColor, QPen]:
        """A band's opaque fill and edge pen (see ``BandLooks.look``)."""
        assert self.colours is not None
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        return self._looks.look(self.colours, carriers, possible, extra, background, ink, dashed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._looks.clear()
            self._changed()
        super().changeEvent(event)

    def passages_in_order(self) -> list[int]:
        """The passages this map joins (near and far), in the left pane's text order."""
        comparison = self.comparison
        if comparison is None:
            return []
        found: dict[int, int] = {}
        for link in comparison.links:
            for doc in (self.left_doc, self.right_doc):
                if doc in link.docs:
                    # Left-pane places first, in text order; right-only ones after them.
                    start = link.ranges[link.side(doc)][0]
                    start += 0 if doc == self.left_doc else 1 << 40
                    found[link.passage] = min(found.get(link.passage, start), start)
        return sorted(found, key=lambda p: (found[p], p))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up/Down: the previous/next passage this map joins becomes current; Enter or
        Space: the current one again (as a click on its band)."""
        order = self.passages_in_order()
        key = event.key()
        if not order or key not in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Space,
        ):
            super().keyPressEvent(event)
            return
        at = order.index(self.current) if self.current in order else -1
        if key == Qt.Key.Key_Down:
            at = min(len(order) - 1, at + 1)
        elif key == Qt.Key.Key_Up:
            at = max(0, at - 1) if at >= 0 else len(order) - 1
        else:
            at = max(0, at)
        self.passageClicked.emit(order[at])
        self.setFocus()  # the window may have focused a pane: stay for the next key

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel over the bands scrolls the left pane, as over its text (the others
        follow)."""
        self.left.view.wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        for passage_id, path in reversed(self.bands()):
            if path.contains(point):
                self.passageClicked.emit(passage_id)
                return
        for passage_id, _label, path in reversed(self.far_bands()):
            if path.boundingRect().contains(point):
                self.passageClicked.emit(passage_id)
                return
