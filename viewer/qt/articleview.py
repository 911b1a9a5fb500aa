"""The text view of one article: highlights, outline of the current passage, clicks (Qt layer)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QTextEdit, QWidget

from viewer.core.documents import Document
from viewer.core.links import classify_link
from viewer.core.model import Range
from viewer.qt.textbuild import Offsets, build_document, highlight_format


class ArticleView(QTextBrowser):
    """A read-only rendering of one core document with offset-exact highlights."""

    offsetClicked = Signal(int)  # core offset under a plain click
    layoutChanged = Signal()  # the text's height or the visible height changed

    def __init__(self, document: Document, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self._outline: list[Range] = []
        self._outline_colour = QColor("#d55e00")
        self._current_change: Range | None = None
        self._deletions: Callable[[int, int], list[int]] | None = None
        self._deletion_colour = QColor("#d55e00")
        self._press: QPointF | None = None
        # Blank room before the first line and after the last one (pixels), so a pane
        # following another can stand level with it past its own ends.
        self._room = (0, 0)
        self._natural = (0, 0)  # the scroll range QTextEdit itself sets
        self._extending = False
        self.verticalScrollBar().rangeChanged.connect(self._on_range_changed)
        self.set_article(document, font)

    # -- content -------------------------------------------------------------------------
    def set_article(self, document: Document, font: QFont) -> None:
        self.article = document
        self.offsets = Offsets(document.text)
        self._font = font
        self._qdoc = build_document(document, font)
        self._room = (0, 0)
        self.setDocument(self._qdoc)

    def rebuild(self, font: QFont | None = None) -> None:
        """Rebuild the text (dropping highlights), keeping the scroll position."""
        value = self.verticalScrollBar().value()
        self.set_article(self.article, font or self._font)
        self.verticalScrollBar().setValue(value)

    def qt_range(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_qt(start), self.offsets.to_qt(end)

    def paint_range(
        self, start: int, end: int, background: QColor, fg: QColor | None = None
    ) -> None:
        """Give ``text[start:end]`` (core offsets) a background (and text) colour."""
        q0, q1 = self.qt_range(start, end)
        cursor = QTextCursor(self._qdoc)
        cursor.setPosition(q0)
        cursor.setPosition(q1, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(highlight_format(background, fg))

    def highlighted_ranges(self) -> list[tuple[int, int, str]]:
        """Core ranges that carry a highlight background, with the colour: what a user sees."""
        found: list[tuple[int, int, str]] = []
        block = self._qdoc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.hasProperty(fmt.Property.UserProperty):
                    q0 = fragment.position()
                    q1 = q0 + fragment.length()
                    start, end = self.offsets.from_qt(q0), self.offsets.from_qt(q1)
                    colour = fmt.background().color().name()
                    if found and found[-1][1] == start and found[-1][2] == colour:
                        found[-1] = (found[-1][0], end, colour)
                    else:
                        found.append((start, end, colour))
                it += 1
            block = block.next()
        return found

    # -- geometry --------------------------------------------------------------------------
    def _line(self, offset: int, back: int) -> tuple[float, float]:
        """Document (top, bottom) of the line holding the character ``back`` before ``offset``."""
        position = min(self.offsets.to_qt(offset), max(0, self._qdoc.characterCount() - 1))
        block = self._qdoc.findBlock(position)
        rect = self._qdoc.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        if layout is not None and layout.lineCount():
            line = layout.lineForTextPosition(max(0, position - block.position() - back))
            if line.isValid():
                return rect.top() + line.y(), rect.top() + line.y() + line.height()
        return rect.top(), rect.bottom()

    def y_of(self, offset: int) -> float:
        """Document y (pixels) of the top of the line holding core ``offset``."""
        return self._line(offset, 0)[0]

    def bottom_of(self, end: int) -> float:
        """Document y of the bottom of the line holding the last character before ``end``."""
        return self._line(end, 1)[1]

    def offset_at(self, y: float, x: float = 20.0) -> int:
        """Core offset at document coordinates."""
        position = self._qdoc.documentLayout().hitTest(QPointF(x, y), Qt.HitTestAccuracy.FuzzyHit)
        return self.offsets.from_qt(max(0, position))

    def document_height(self) -> float:
        return self._qdoc.documentLayout().documentSize().height()

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
    def set_outline(self, ranges: list[Range], colour: QColor) -> None:
        self._outline = ranges
        self._outline_colour = colour
        self.viewport().update()

    def outline(self) -> list[Range]:
        return list(self._outline)

    def set_current_change(self, change: Range | None) -> None:
        """Frame ``change`` (core offsets) as the current change; None removes the frame."""
        self._current_change = change
        self.viewport().update()

    def current_change(self) -> Range | None:
        return self._current_change

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

    def set_deletions(self, source: Callable[[int, int], list[int]] | None, colour: QColor) -> None:
        """Where words the counterpart has were dropped: ``source(start, end)`` gives the
        core offsets in a range; each gets a thin caret."""
        self._deletions = source
        self._deletion_colour = colour
        self.viewport().update()

    def visible_deletions(self) -> list[int]:
        """Core offsets of the deletion carets in view."""
        if self._deletions is None:
            return []
        top = self.top()
        start = self.offset_at(top, 0)
        end = self.offset_at(top + self.viewport().height(), self.viewport().width())
        return self._deletions(start, end)

    def _paint_deletions(self) -> None:
        points = self.visible_deletions()
        if not points:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self._deletion_colour, 2)
        painter.setPen(pen)
        cursor = QTextCursor(self._qdoc)
        for offset in points:
            cursor.setPosition(self.offsets.to_qt(offset))
            rect = self.cursorRect(cursor)
            x = rect.left() + 0.5
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            painter.drawLine(QPointF(x - 3, rect.top()), QPointF(x + 3, rect.top()))
            painter.drawLine(QPointF(x - 3, rect.bottom()), QPointF(x + 3, rect.bottom()))
        painter.end()

    def _paint_current_change(self) -> None:
        self._paint_deletions()
        if self._current_change is None:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in self.range_rects(*self._current_change):
            painter.drawRoundedRect(rect.adjusted(-2, -1, 2, 1), 3, 3)
        painter.end()

    def paintEvent(self, event: QPaintEvent) -> None:
        background = QPainter(self.viewport())
        background.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.Base))
        background.end()
        super().paintEvent(event)
        self._paint_current_change()
        if not self._outline:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._outline_colour, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        scroll = self.verticalScrollBar().value()
        width = self.viewport().width()
        for start, end in self._outline:
            top = self.y_of(start) - scroll
            bottom = self.bottom_of(end) - scroll
            if bottom < 0 or top > self.viewport().height():
                continue
            painter.drawRoundedRect(QRectF(4, top - 2, width - 8, bottom - top + 4), 4, 4)
        painter.end()

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
        """Open a web or mail link after the user confirms its full address; refuse the rest.

        The address is shown encoded, so look-alike characters and hidden controls show.
        """
        address = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        verdict = classify_link(address)
        target = QUrl(address, QUrl.ParsingMode.StrictMode)
        if not verdict.allowed or not target.isValid():
            reason = verdict.reason or "the address is malformed"
            self._tell(f"Link not opened: {reason} ({address})")
            return
        if not confirm_link(self, address):
            self._tell(f"Link not opened: {address}")
            return
        if QDesktopServices.openUrl(target):
            self._tell(f"Opened {address}")
        else:
            self._tell(f"No program could open {address}")

    def _tell(self, message: str) -> None:
        """Say it in the window's status bar."""
        show = getattr(self.window(), "show_status", None)
        if callable(show):
            show(message)

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


def confirm_link(parent: QWidget, address: str) -> bool:
    """Ask before handing ``address`` to the desktop; the full address is shown as text."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Open link?",
        f"This article links to:\n\n{address}\n\nOpen it in your browser or mail program?",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Open
