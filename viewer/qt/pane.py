"""One article pane: header (title, outlet, date, words, share), text view, overview (Qt layer)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.documents import Document
from viewer.core.gaps import DeletionFinder
from viewer.core.model import Comparison, DocumentStats
from viewer.core.navigation import percent
from viewer.core.relations import sharer_items
from viewer.core.tokens import count_words
from viewer.qt.articleview import ArticleView
from viewer.qt.highlights import CHANGED, marks_for
from viewer.qt.later import later
from viewer.qt.overview import Overview
from viewer.qt.palette import Colours
from viewer.qt.plaintext import tooltip

# Longer articles are not counted on the GUI thread when they open (about 50 ms per MB).
COUNT_AT_OPEN = 100_000


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" to fit; the full text is its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._head = ""
        self._items: list[str] = []
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._head, self._items = "", []
        self.setToolTip(tooltip(text))
        self._elide()

    def set_items(self, head: str, items: list[str]) -> None:
        """``head`` then comma-separated items; when short of room, whole items give way
        to "+N more" (the first always shows, shortened if it must)."""
        self._full = head + ", ".join(items)
        self._head, self._items = head, list(items)
        self.setToolTip(tooltip(self._full))
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = QFontMetrics(self.font())
        width = max(20, self.width())
        text = self._full
        if self._items and metrics.horizontalAdvance(text) > width:
            for shown in range(len(self._items) - 1, 0, -1):
                rest = len(self._items) - shown
                candidate = self._head + ", ".join(self._items[:shown]) + f", +{rest} more"
                if metrics.horizontalAdvance(candidate) <= width:
                    text = candidate
                    break
            else:
                rest = len(self._items) - 1
                text = self._head + self._items[0] + (f", +{rest} more" if rest else "")
        self.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))


class PaneHeader(QWidget):
    """The pane's header; dragging it sideways moves the pane (PaneRow does the moving)."""

    dragMoved = Signal(QPoint)  # global position while dragging
    dropped = Signal(QPoint)  # global position at release

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._press: QPoint | None = None
        self._dragging = False
        self.active = False

    def set_active(self, active: bool) -> None:
        """Mark the header of the pane that keys and navigation act on."""
        if active != self.active:
            self.active = active
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.active:
            painter = QPainter(self)
            highlight = self.palette().color(QPalette.ColorRole.Highlight)
            tint = QColor(highlight)
            tint.setAlpha(40)
            painter.fillRect(self.rect(), tint)
            painter.fillRect(0, 0, self.width(), 3, highlight)
            painter.end()
        super().paintEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.globalPosition().toPoint()
            self._dragging = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        here = event.globalPosition().toPoint()
        if self._press is not None:
            if not self._dragging and (here - self._press).manhattanLength() >= 8:
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging:
                self.dragMoved.emit(here)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging and event.button() == Qt.MouseButton.LeftButton:
            self.dropped.emit(event.globalPosition().toPoint())
        self._press, self._dragging = None, False
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        super().mouseReleaseEvent(event)


class Pane(QFrame):
    """Shows one article of the comparison with its highlights."""

    MIN_WIDTH = 220  # below this, lines hold two or three words

    closeRequested = Signal(object)  # the pane
    headerDragged = Signal(object, QPoint)  # the pane, global position
    headerDropped = Signal(object, QPoint)

    def __init__(self, document: Document, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(self.MIN_WIDTH)
        self.title = ElidedLabel()
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.1)
        self.title.setFont(title_font)
        self.meta = ElidedLabel()
        # A palette role, not a style sheet: it follows the palette when the theme changes.
        self.meta.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.relations = ElidedLabel()  # "Shares 47 % with 004, 3 % with 001"
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip("Close this article (Ctrl+W)")
        close.setAccessibleName("Close this article")
        # Clicked, never tabbed to: Ctrl+W closes the active article, and a stop on every
        # pane's button made Tab slower to reach the next article.
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(lambda: self.closeRequested.emit(self))
        self.view = ArticleView(document, font)
        # The overview strip is the pane's scroll bar: a second one beside it showed the
        # same position and repainted on every wheel step.
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overview = Overview()
        self.overview.jump = self._jump
        self.overview.locate = self._locate
        self.overview.wheel = self.view.wheelEvent
        self._was_short = False  # the article was shorter than its view (see resizeEvent)
        header = PaneHeader()
        header.dragMoved.connect(lambda at: self.headerDragged.emit(self, at))
        header.dropped.connect(lambda at: self.headerDropped.emit(self, at))
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(10, 6, 4, 6)
        header_layout.setSpacing(2)
        top_row = QHBoxLayout()
        top_row.addWidget(self.title, 1)
        top_row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        header_layout.addLayout(top_row)
        header_layout.addWidget(self.meta)
        header_layout.addWidget(self.relations)
        self.header = header
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.view, 1)
        body.addWidget(self.overview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(body, 1)
        # What else moves with this view (its neighbours' link maps, set by the pane row):
        # called from this one slot, as each Python slot of a scroll bar's signal costs a
        # call from Qt into Python, for every pane, on every wheel step.
        self.scroll_followers: list[Callable[[], None]] = []
        self.view.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self.view.verticalScrollBar().rangeChanged.connect(self._update_overview_view)
        self.view.layoutChanged.connect(self.overview.relayout)
        self.view.layoutReady.connect(self.overview.relayout)
        self.view.layoutReady.connect(self._update_overview_view)
        self.set_header(None)

    def focus_chain(self) -> list[QWidget]:
        """What Tab stops at in this pane, in order: the text, then its overview strip."""
        return [self.view, self.overview]

    @property
    def document(self) -> Document:
        return self.view.article

    def set_header(self, stats: DocumentStats | None) -> None:
        """Title, then outlet · date · words · share found in the others."""
        doc = self.document
        self.title.set_full_text(doc.title)
        parts = [p for p in (doc.outlet, doc.author, doc.date) if p]
        if stats is not None:
            parts.append(f"{stats.words:,} words")
        elif len(doc.text) <= COUNT_AT_OPEN:  # a big article's count comes with the result
            parts.append(f"{count_words(doc.text):,} words")
        if stats is not None:
            parts.append(f"{percent(stats.shared)} shared")
        parts.append(doc.name)
        self.meta.set_full_text(" · ".join(parts))
        if stats is None:
            self.relations.set_full_text("")
        self.header.setToolTip(
            tooltip(f"{doc.path}\nDrag the header sideways to move this article.")
        )

    def apply(self, comparison: Comparison, index: int, colours: Colours) -> None:
        """Show the comparison's highlights for document ``index`` (the text is not rebuilt)."""
        marks = marks_for(comparison, index)
        possible = len(comparison.documents) - 1
        shared_text = QColor(colours.shared_text)
        colours_of: dict[int, tuple[QColor, QColor | None]] = {
            key: (colours.shared_for(key, possible), shared_text) for key in range(1, possible + 1)
        }
        colours_of[CHANGED] = (QColor(colours.changed), QColor(colours.changed_text))
        self.view.set_highlights(marks, colours_of)
        self.overview.set_ranges(marks.overview, {k: c[0] for k, c in colours_of.items()})
        finder = DeletionFinder(comparison, index)
        self.view.overlays.set_deletions(finder.points, QColor(colours.changed).darker(160))

        def prepare() -> None:  # a few milliseconds per idle turn until all are known
            if self.view.overlays.deletion_source() == finder.points and not finder.prepare(0.003):
                later((id(self), "deletions"), prepare)

        later((id(self), "deletions"), prepare)
        self.overview.set_colours(colours.overview_background, colours.viewport)
        self.set_header(comparison.document_stats[index])
        head, items = sharer_items(comparison, index)
        self.relations.set_items(head, items)

    def set_notes(self, ranges: list[tuple[int, int]], colour: QColor) -> None:
        """Text with a verdict or note: a bar beside it and a tick in the overview strip."""
        self.view.overlays.set_note_marks(ranges, colour)
        self.overview.set_notes(ranges, colour)

    def clear_highlights(self) -> None:
        self.view.set_highlights(None, {})
        self.view.overlays.set_deletions(None, QColor())
        self.overview.set_ranges([], {})

    def _scale(self) -> float:
        """The height the overview strip stands for: the article's, or the view's when the
        article is shorter, so that its marks stand beside the text they mark."""
        return max(1.0, self.view.document_height(), float(self.view.viewport().height()))

    def _locate(self, offsets: list[int]) -> list[float] | None:
        if not self.view.layout_ready():
            return None
        shrink = max(1.0, self.view.document_height()) / self._scale()
        return [fraction * shrink for fraction in self.view.fractions(offsets)]

    def _jump(self, fraction: float) -> None:
        page = self.view.viewport().height()
        self.view.scroll_to_y(fraction * self._scale() - page / 2)

    def _on_scroll(self) -> None:
        self._update_overview_view()
        for follower in self.scroll_followers:
            follower()

    def _update_overview_view(self) -> None:
        if not self.view.layout_ready():
            return
        total = self._scale()
        top = self.view.top()
        self.overview.set_view(top / total, (top + self.view.viewport().height()) / total)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A short article's marks are placed on the view's height: place them again when
        it changes (a long article's are placed again when its layout changes)."""
        super().resizeEvent(event)
        short = self.view.layout_ready() and self.view.document_height() < self._scale()
        if short or self._was_short:
            self.overview.relayout()
            self._update_overview_view()
        self._was_short = short
