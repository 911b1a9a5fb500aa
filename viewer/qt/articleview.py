"""The text view of one article: highlights, outline of the current passage, clicks (Qt layer)."""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractSlider, QTextBrowser, QTextEdit, QWidget
from shiboken6 import isValid

from viewer.core.documents import Document
from viewer.qt.highlights import NO_MARKS, DocumentMarks, RangeIndex
from viewer.qt.later import later
from viewer.qt.layoutgate import LayoutGate
from viewer.qt.linkopen import open_link
from viewer.qt.overlays import Overlays
from viewer.qt.scrollbar import SlimScrollBar
from viewer.qt.textbuild import Offsets, build_document, highlight_format, keep_shapes
from viewer.qt.texttiles import TILE, TextTiles

_ENDS = {
    Qt.Key.Key_Home: QAbstractSlider.SliderAction.SliderToMinimum,
    Qt.Key.Key_End: QAbstractSlider.SliderAction.SliderToMaximum,
}


class ArticleView(QTextBrowser):
    """A read-only rendering of one core document with offset-exact highlights."""

    offsetClicked = Signal(int)  # core offset under a plain click
    layoutChanged = Signal()  # the text's height or the visible height changed
    layoutReady = Signal()  # the whole text is laid out: far positions are cheap now

    # Below this many characters the text is laid out at once; above, in slices.
    LAYOUT_AT_ONCE = 60_000
    LAYOUT_STEP = 8_000  # characters per step of the layout pump
    LAYOUT_SLICE = 0.012  # seconds of layout per event
    # Up to this size each paragraph keeps its shaped glyphs (about 40 bytes a character):
    # Qt drops them after every draw, and shaping again was 40 % of a wheel step's text.
    SHAPES_KEPT_UP_TO = 300_000

    def __init__(self, document: Document, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        vertical = SlimScrollBar(Qt.Orientation.Vertical, self)
        horizontal = SlimScrollBar(Qt.Orientation.Horizontal, self)
        self.setVerticalScrollBar(vertical)
        self.setHorizontalScrollBar(horizontal)
        vertical.make_opaque()  # setting a scroll bar clears the attribute
        horizontal.make_opaque()
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)  # never "Independenc e"
        # Always shown: blank room past the ends can give a short article a scroll range,
        # and a scroll bar that comes and goes would re-wrap the text.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        # Opaque: paintEvent fills the background itself, so scrolling can blit the pixels
        # already painted and repaint only the exposed strip (half the cost per event).
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.overlays = Overlays(self)  # outline, note bars, change frame, carets
        self._press: QPointF | None = None
        self._laid_out = False
        self._gate = LayoutGate(self, self.layout_ready)
        self._blocks: tuple[list[int], list[float], list[float]] | None = None
        # The block table being filled by the layout pump: next block, positions, tops, bottoms.
        self._walk: tuple[QTextBlock, list[int], list[float], list[float]] | None = None
        self._layout_position = 0
        self._layout_width = -1
        self._marks = NO_MARKS
        self._mark_colours: dict[int, tuple[QColor, QColor | None]] = {}
        self._selections: dict[int, QAbstractTextDocumentLayout.Selection] = {}
        self._extra: RangeIndex[QAbstractTextDocumentLayout.Selection] = RangeIndex([])
        self._tiles = TextTiles(self._draw_document)
        self._last_top = 0  # the scroll position of the last paint: which way it moves
        self.selectionChanged.connect(self._tiles.clear)
        self.article = document
        # Blank room before the first line and after the last one (pixels), so a pane
        # following another can stand level with it past its own ends.
        self._room = (0, 0)
        self._natural = (0, 0)  # the scroll range QTextEdit itself sets
        self._extending = False
        self.verticalScrollBar().rangeChanged.connect(self._on_range_changed)
        self._filled = False
        self.set_article(document, font, at_once=len(document.text) <= self.LAYOUT_AT_ONCE)

    # -- content -------------------------------------------------------------------------
    def set_article(self, document: Document, font: QFont, at_once: bool = True) -> None:
        """Show ``document`` in ``font``; highlights stay if it is the same article.

        Not ``at_once``: the view starts empty and takes its text in a coming turn of the
        event loop (building and attaching 1 MB of text takes 25 ms, and a window opening
        several such articles would do it all in one turn).
        """
        if document is not self.article:
            self._marks = NO_MARKS
        self.article = document
        # Finding astral characters costs 5 ms per MB: done with the text when it is filled.
        self.offsets = Offsets(document.text if at_once else "")
        self._font = font
        self._selections.clear()
        self._extra = RangeIndex([])
        self._tiles.clear()
        self._room = (0, 0)
        self._laid_out = False  # nothing may ask for far positions until laid out again
        self._blocks = None
        if at_once:
            self._fill()
        else:
            self._filled = False
            self._qdoc = QTextDocument()
            self.setDocument(self._qdoc)
            later((id(self), "text"), self._fill_if_empty)

    def _fill(self) -> None:
        """Build and show the article's text, then lay it out."""
        if not self._filled:
            self.offsets = Offsets(self.article.text)
        self._qdoc = build_document(self.article, self._font)
        if self._qdoc.characterCount() <= self.SHAPES_KEPT_UP_TO:
            keep_shapes(self._qdoc)
        self.setDocument(self._qdoc)
        self._qdoc.documentLayout().installEventFilter(self._gate)
        self._qdoc.documentLayout().update.connect(self._tiles.clear)
        self._tiles.clear()
        self._filled = True
        self._start_layout()

    def _fill_if_empty(self) -> None:
        if not self._filled:
            self._fill()

    def filled(self) -> bool:
        """The article's text is in the view (see ``set_article``)."""
        return self._filled

    # -- layout in slices ----------------------------------------------------------------------
    # Qt lays a QTextDocument out lazily, but any question about a far position (its y, the
    # document height) lays out everything before it at once: 0.3 s for 1 MB. The pump
    # finishes the layout a few milliseconds at a time; until ``layout_ready()`` the views
    # beside (overview, link map) wait for ``layoutReady`` instead of asking.
    def layout_ready(self) -> bool:
        return self._laid_out

    def _start_layout(self) -> None:
        self._laid_out = False
        self._blocks = None
        self._walk = None
        if not self._filled:
            return  # ``_fill`` starts it
        self._layout_position = 0
        self._layout_width = self.viewport().width()
        if self._qdoc.characterCount() <= self.LAYOUT_AT_ONCE:
            self._qdoc.documentLayout().documentSize()
            self._finish_layout()
        else:
            later((id(self), "layout"), self._layout_slice)

    def _layout_slice(self) -> None:
        """One slice of the layout; the next is queued behind the other panes' slices and
        the rest of the window's queued work, so a turn of the event loop holds one slice
        (three panes with a timer each held three: 40 ms and more)."""
        if self._laid_out or not self._filled:
            return
        layout = self._qdoc.documentLayout()
        started = time.perf_counter()
        while time.perf_counter() - started < self.LAYOUT_SLICE:
            if self._walk is not None:
                if self._walk_blocks(started):
                    self._finish_layout()
                    return
                break
            block = self._qdoc.findBlock(self._layout_position)
            if not block.isValid() or block == self._qdoc.lastBlock():
                layout.documentSize()  # the rest is at most one step
                self._walk = (self._qdoc.begin(), [], [], [])
                continue
            layout.blockBoundingRect(block)  # lays out everything up to this block
            self._layout_position = block.position() + block.length() + self.LAYOUT_STEP
        later((id(self), "layout"), self._layout_slice)

    def _walk_blocks(self, started: float | None) -> bool:
        """Go on filling the block table (the layout pump's last phase: 2,700 blocks of 1 MB
        take 60 ms), for a slice from ``started`` or, with None, to the end; true when it is
        complete."""
        assert self._walk is not None
        block, positions, tops, bottoms = self._walk
        layout = self._qdoc.documentLayout()
        count = 0
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            positions.append(block.position())
            tops.append(rect.top())
            bottoms.append(rect.bottom())
            block = block.next()
            count += 1
            if (
                started is not None
                and count % 64 == 0
                and time.perf_counter() - started >= self.LAYOUT_SLICE
            ):
                self._walk = (block, positions, tops, bottoms)
                return False
        self._walk = None
        self._blocks = (positions, tops, bottoms)
        return True

    def _finish_layout(self) -> None:
        self._laid_out = True
        self._tiles.clear()
        self.layoutReady.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().width() != self._layout_width:
            # Qt lays the text out again for the new width inside super(): from here on,
            # nothing (the scroll range's listeners) may ask for far positions.
            self._laid_out = False
            self._blocks = None
            self._walk = None
        super().resizeEvent(event)
        if not self._laid_out:
            self._start_layout()

    def rebuild(self, font: QFont | None = None) -> None:
        """Rebuild the text (for a new font), keeping the scroll position and highlights."""
        value = self.verticalScrollBar().value()
        self.set_article(self.article, font or self._font)
        self.verticalScrollBar().setValue(value)

    def qt_range(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_qt(start), self.offsets.to_qt(end)

    def set_highlights(
        self, marks: DocumentMarks | None, colours: dict[int, tuple[QColor, QColor | None]]
    ) -> None:
        """Show these marks, in these (background, text) colours per key.

        Nothing in the QTextDocument changes: the marks are drawn with the visible text, so
        this costs the same for a 1 MB article as for a short one.
        """
        self._marks = marks or NO_MARKS
        self._mark_colours = dict(colours)
        self._selections.clear()
        self._tiles.clear()
        self.viewport().update()

    def highlighted_ranges(self) -> list[tuple[int, int, str]]:
        """Core ranges that carry a highlight background, with the colour: what a user sees."""
        found: list[tuple[int, int, str]] = []
        for start, end, key in self._marks.core:
            colour = self._mark_colours[key][0].name()
            if found and found[-1][1] == start and found[-1][2] == colour:
                found[-1] = (found[-1][0], end, colour)
            else:
                found.append((start, end, colour))
        return found

    def shown_format(self, offset: int) -> QTextCharFormat:
        """The character format drawn at core ``offset``: the text's own, with the
        highlight's colours over it (what a user sees)."""
        cursor = QTextCursor(self._qdoc)
        cursor.setPosition(self.offsets.to_qt(offset) + 1)
        fmt = QTextCharFormat(cursor.charFormat())
        for index in self._marks.core.between(offset, offset + 1):
            fmt.merge(self._selection(index).format)
        return fmt

    def _selection(self, index: int) -> QAbstractTextDocumentLayout.Selection:
        selection = self._selections.get(index)
        if selection is None:
            q0, q1, key = self._marks.qt[index]
            background, foreground = self._mark_colours[key]
            cursor = QTextCursor(self._qdoc)
            cursor.setPosition(q0)
            cursor.setPosition(q1, QTextCursor.MoveMode.KeepAnchor)
            selection = QAbstractTextDocumentLayout.Selection()
            selection.cursor = cursor
            selection.format = highlight_format(background, foreground)
            self._selections[index] = selection
        return selection

    # -- geometry --------------------------------------------------------------------------
    def y_of(self, offset: int) -> float:
        """Document y (pixels) of the top of the line holding core ``offset``."""
        return self.tops_of((offset,))[0]

    def tops_of(self, offsets: Sequence[int]) -> list[float]:
        """``y_of`` of each offset, for offsets in ascending order: the paragraph of the
        previous one is asked again only when an offset leaves it (a scroll map asks for
        thousands; one look-up each was half the time of building it)."""
        found: list[float] = []
        last = max(0, self._qdoc.characterCount() - 1)
        layout_of = self._qdoc.documentLayout()
        to_qt = self.offsets.to_qt
        start = end = -1
        top = 0.0
        lines: QTextLayout | None = None
        for offset in offsets:
            position = min(to_qt(offset), last)
            if not start <= position < end:
                block = self._qdoc.findBlock(position)
                start, end = block.position(), block.position() + block.length()
                top = layout_of.blockBoundingRect(block).top()
                lines = block.layout()
                if lines is not None and not lines.lineCount():
                    lines = None
            if lines is not None:
                line = lines.lineForTextPosition(max(0, position - start))
                if line.isValid():
                    found.append(top + line.y())
                    continue
            found.append(top)
        return found

    def bottom_of(self, end: int) -> float:
        """Document y of the bottom of the line holding the last character before ``end``."""
        position = min(self.offsets.to_qt(end), max(0, self._qdoc.characterCount() - 1))
        block = self._qdoc.findBlock(position)
        rect = self._qdoc.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        if layout is not None and layout.lineCount():
            line = layout.lineForTextPosition(max(0, position - block.position() - 1))
            if line.isValid():
                return rect.top() + line.y() + line.height()
        return rect.bottom()

    def offset_at(self, y: float, x: float = 20.0) -> int:
        """Core offset at document coordinates."""
        position = self._qdoc.documentLayout().hitTest(QPointF(x, y), Qt.HitTestAccuracy.FuzzyHit)
        return self.offsets.from_qt(max(0, position))

    def _block_table(self) -> tuple[list[int], list[float], list[float]]:
        """(Qt position, top, bottom) of every block, walked once per layout."""
        if self._blocks is None:
            if self._walk is None:
                self._walk = (self._qdoc.begin(), [], [], [])
            self._walk_blocks(None)
        assert self._blocks is not None
        return self._blocks

    def block_span(self, offset: int) -> tuple[float, float]:
        """Document (top, bottom) of the block holding core ``offset``: cheap bounds."""
        positions, tops, bottoms = self._block_table()
        i = max(0, bisect_right(positions, self.offsets.to_qt(offset)) - 1)
        return tops[i], bottoms[i]

    def fractions(self, offsets: list[int]) -> list[float]:
        """Height fractions of sorted core offsets, at block precision (overview strips)."""
        positions, tops, bottoms = self._block_table()
        total = max(1.0, self.document_height())
        end = self._qdoc.characterCount()
        result: list[float] = []
        i = 0
        for offset in offsets:
            position = self.offsets.to_qt(offset)
            while i + 1 < len(positions) and positions[i + 1] <= position:
                i += 1
            start = positions[i]
            length = max(1, (positions[i + 1] if i + 1 < len(positions) else end) - start)
            inside = min(1.0, (position - start) / length)
            result.append((tops[i] + inside * (bottoms[i] - tops[i])) / total)
        return result

    def document_height(self) -> float:
        """The text's height; while it is still being laid out, an estimate from the part
        laid out so far (asking Qt would lay everything out at once)."""
        layout = self._qdoc.documentLayout()
        if self._laid_out:
            return layout.documentSize().height()
        block = self._qdoc.findBlock(self._layout_position)
        end = block.position() + block.length()
        done = layout.blockBoundingRect(block).bottom()
        return done * max(1.0, self._qdoc.characterCount() / max(1, end))

    def top(self) -> int:
        """The view's top in document pixels; negative inside the blank room above."""
        return self.verticalScrollBar().value()

    def room(self) -> tuple[int, int]:
        """Blank room (pixels) before the first line and after the last one."""
        return self._room

    def grow_room(self, before: int, after: int) -> None:
        """Make at least this much blank room before and after the text (never shrinks it)."""
        room = (max(self._room[0], before), max(self._room[1], after))
        if room != self._room:
            self._room = room
            self._extend_range()

    def reach(self, top: float) -> None:
        """Make the view top ``top`` reachable, growing the blank room if it must."""
        top = round(top)
        self.grow_room(max(0, -top), max(0, top - self._natural[1]))

    def _on_range_changed(self, low: int, high: int) -> None:
        if self._extending:
            return
        if (low, high) != (-self._room[0], self._natural[1] + self._room[1]):
            natural, self._natural = self._natural, (low, high)
            if natural != self._natural:
                self.layoutChanged.emit()
        self._extend_range()

    def _extend_range(self) -> None:
        bar = self.verticalScrollBar()
        low, high = -self._room[0], self._natural[1] + self._room[1]
        if (bar.minimum(), bar.maximum()) != (low, high):
            self._extending = True
            try:
                bar.setRange(low, high)
            finally:
                self._extending = False

    def scroll_to_y(self, y: float) -> None:
        self.verticalScrollBar().setValue(round(y))

    def reveal(self, start: int, end: int) -> None:
        """Scroll so the range starts a third of the way down (whole if it fits)."""
        page = self.viewport().height()
        y0 = self.y_of(start)
        y1 = self.bottom_of(end)
        if y1 - y0 < page * 2 / 3:
            self.scroll_to_y(y0 - page / 3)
        else:
            self.scroll_to_y(y0 - page / 10)

    # -- outline, clicks ---------------------------------------------------------------------
    def range_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering ``text[start:end]``, one per line it touches."""
        q0, q1 = self.qt_range(start, end)
        cursor = QTextCursor(self._qdoc)
        cursor.setPosition(q0)
        first = QRectF(self.cursorRect(cursor))
        cursor.setPosition(q1)
        last = QRectF(self.cursorRect(cursor))
        if abs(first.top() - last.top()) < 1:
            return [QRectF(first.left(), first.top(), last.left() - first.left(), first.height())]
        right = float(self.viewport().width() - 4)
        rects = [QRectF(first.left(), first.top(), right - first.left(), first.height())]
        if last.top() - first.bottom() > 1:
            rects.append(QRectF(4, first.bottom(), right - 4, last.top() - first.bottom()))
        rects.append(QRectF(4, last.top(), last.left() - 4, last.height()))
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        """The text with its highlights, then the marks over it: deletion carets, the
        current change's frame, the current passage's outline. One painter, and only what
        falls in the exposed strip: every pane repaints a strip on every wheel step. Once
        laid out, the text comes from tiles drawn before (``viewer.qt.texttiles``)."""
        painter = QPainter(self.viewport())
        rect = event.rect()
        base = self.palette().color(QPalette.ColorRole.Base)
        if self._laid_out:
            scroll = (self.horizontalScrollBar().value(), self.verticalScrollBar().value())
            ratio = self.devicePixelRatioF()
            width = self.viewport().width()
            self._tiles.paint(painter, rect, scroll, width, ratio, base, self.viewport().height())
            self._draw_ahead(scroll, width, ratio, base)
            q0, q1 = self._blocks_between(rect.top() + scroll[1], rect.bottom() + scroll[1])
        else:
            painter.fillRect(rect, base)
            q0, q1 = self._draw_text(painter, QRectF(rect))
        painter.setClipRect(rect)
        self.overlays.paint(painter, q0, q1)
        painter.end()

    def _draw_ahead(self, scroll: tuple[int, int], width: int, ratio: float, base: QColor) -> None:
        """Queue the tiles just past the view in the direction it scrolls, for an idle
        turn: as many as the last step crossed. A follower catching up through text the
        leader does not share moves several tiles a step; one tile ahead left it drawing
        two or three tiles while painting each step."""
        top = scroll[1]
        moved, self._last_top = top - self._last_top, top
        if not moved:
            return
        page = self.viewport().height()
        count = -(-abs(moved) // TILE)  # tiles the last step crossed, rounded up
        if moved > 0:
            first = (top + page) // TILE + 1
            indexes = range(first, first + count)
        else:
            last = top // TILE - 1
            indexes = range(last, last - count, -1)
        height = self.document_height()
        wanted = [
            i for i in indexes if 0 <= i * TILE < height and not self._tiles.has(i)
        ]  # none in the blank room
        if wanted:
            later(
                (id(self), "tile"),
                lambda: self._prepare_tiles(wanted, width, scroll[0], ratio, base),
            )

    def _prepare_tiles(
        self, indexes: list[int], width: int, dx: int, ratio: float, base: QColor
    ) -> None:
        if isValid(self) and self.isVisible():  # a closed window's view may be gone by now
            for index in indexes:
                self._tiles.prepare(index, width, dx, ratio, base)

    def _blocks_between(self, top: float, bottom: float) -> tuple[int, int]:
        """Qt positions from the start of the block at document y ``top`` to the end of the
        block at ``bottom``: from the block table once laid out, else by hit tests."""
        if self._laid_out:
            positions, tops, _ = self._block_table()
            first = max(0, bisect_right(tops, top) - 1)
            last = max(0, bisect_right(tops, bottom) - 1)
            end = positions[last + 1] if last + 1 < len(positions) else self._qdoc.characterCount()
            return positions[first], end
        layout = self._qdoc.documentLayout()
        fuzzy = Qt.HitTestAccuracy.FuzzyHit
        first_block = self._qdoc.findBlock(max(0, layout.hitTest(QPointF(0, top), fuzzy)))
        last_block = self._qdoc.findBlock(max(0, layout.hitTest(QPointF(1e6, bottom), fuzzy)))
        return first_block.position(), last_block.position() + last_block.length()

    def _draw_text(self, painter: QPainter, rect: QRectF) -> tuple[int, int]:
        """Draw the text in ``rect`` (viewport coordinates); return the Qt positions of the
        blocks drawn."""
        dx = self.horizontalScrollBar().value()
        dy = self.verticalScrollBar().value()
        painter.save()
        painter.translate(-dx, -dy)
        drawn = self._draw_document(painter, rect.translated(dx, dy))
        painter.restore()
        return drawn

    def _draw_document(self, painter: QPainter, clip: QRectF) -> tuple[int, int]:
        """Draw the text in ``clip`` (document coordinates, as ``painter`` is) as QTextEdit
        does, with the highlights, Find matches and the mouse selection that fall inside
        it; return the Qt positions of the blocks drawn."""
        if not self._filled:  # nothing to mark yet: the marks' offsets are the article's
            return 0, 0
        layout = self._qdoc.documentLayout()
        q0, q1 = self._blocks_between(clip.top(), clip.bottom())
        selections = [self._selection(i) for i in self._marks.qt.between(q0, q1)]
        selections += [self._extra.ranges[i][2] for i in self._extra.between(q0, q1)]
        cursor = self.textCursor()
        if cursor.hasSelection():
            group = QPalette.ColorGroup.Active if self.hasFocus() else QPalette.ColorGroup.Inactive
            selected = QAbstractTextDocumentLayout.Selection()
            selected.cursor = cursor
            selected.format.setBackground(self.palette().brush(group, QPalette.ColorRole.Highlight))
            selected.format.setForeground(
                self.palette().brush(group, QPalette.ColorRole.HighlightedText)
            )
            selections.append(selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = self.palette()
        context.cursorPosition = -1
        context.clip = clip
        context.selections = selections
        painter.save()
        painter.setClipRect(clip, Qt.ClipOperation.IntersectClip)
        layout.draw(painter, context)
        painter.restore()
        return q0, q1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Home and Ctrl+End go to the article's start and end, as in an editor or a
        browser: a read-only QTextEdit handles only Home and End."""
        action = _ENDS.get(event.key())
        if action is not None and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.verticalScrollBar().triggerAction(action)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.textCursor().hasSelection():
            self._tiles.clear()  # the selection's colours follow the focus
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self.textCursor().hasSelection():
            self._tiles.clear()
        super().focusOutEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._tiles.clear()
        super().changeEvent(event)

    def setExtraSelections(self, selections: list[QTextEdit.ExtraSelection]) -> None:  # type: ignore[override]
        """Keep Find's marks (and any other extra selection) indexed for painting."""
        super().setExtraSelections(selections)
        indexed = []
        for extra in selections:
            cursor = extra.cursor  # type: ignore[attr-defined]
            selection = QAbstractTextDocumentLayout.Selection()
            selection.cursor = cursor
            selection.format = extra.format  # type: ignore[attr-defined]
            indexed.append((cursor.selectionStart(), cursor.selectionEnd(), selection))
        indexed.sort(key=lambda item: item[0])
        self._extra = RangeIndex(indexed)
        self._tiles.clear()
        self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if (event.position() - press).manhattanLength() > 4 or self.textCursor().hasSelection():
            return
        if self.anchorAt(event.position().toPoint()):
            return
        point = event.position()
        y = point.y() + self.verticalScrollBar().value()
        self.offsetClicked.emit(self.offset_at(y, point.x()))

    def _open_link(self, url: QUrl) -> None:
        open_link(self, url)  # asks first; web and mail only

    def find_all(self, needle: str, colour: QColor) -> list[tuple[int, int]]:
        """Mark every case-insensitive match of ``needle``; return their core ranges."""
        selections: list[QTextEdit.ExtraSelection] = []
        found: list[tuple[int, int]] = []
        if needle:
            cursor = QTextCursor(self._qdoc)
            while True:
                cursor = self._qdoc.find(needle, cursor, QTextDocument.FindFlag(0))
                if cursor.isNull():
                    break
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor  # type: ignore[attr-defined]
                selection.format.setBackground(colour)  # type: ignore[attr-defined]
                selection.format.setForeground(QColor("#000000"))  # type: ignore[attr-defined]
                selections.append(selection)
                found.append(
                    (
                        self.offsets.from_qt(cursor.selectionStart()),
                        self.offsets.from_qt(cursor.selectionEnd()),
                    )
                )
        self.setExtraSelections(selections)
        return found
