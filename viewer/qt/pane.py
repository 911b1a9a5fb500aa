"""One article pane: header (title, outlet, date, words, share), text view, overview (Qt layer)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QResizeEvent
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
from viewer.core.model import Comparison, DocumentStats
from viewer.core.tokens import count_words
from viewer.qt.articleview import ArticleView
from viewer.qt.highlights import CHANGED, marks_for
from viewer.qt.overview import Overview
from viewer.qt.palette import Colours

# Longer articles are not counted on the GUI thread when they open (about 50 ms per MB).
COUNT_AT_OPEN = 100_000


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" to fit; the full text is its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = QFontMetrics(self.font())
        self.setText(
            metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, max(20, self.width()))
        )


class Pane(QFrame):
    """Shows one article of the comparison with its highlights."""

    closeRequested = Signal(object)  # the pane

    def __init__(self, document: Document, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = ElidedLabel()
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.1)
        self.title.setFont(title_font)
        self.meta = ElidedLabel()
        self.meta.setStyleSheet("color: palette(placeholder-text);")
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip("Close this article (Ctrl+W)")
        close.clicked.connect(lambda: self.closeRequested.emit(self))
        self.view = ArticleView(document, font)
        self.overview = Overview()
        self.overview.jump = self._jump
        self.overview.locate = self._locate
        header = QWidget()
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(10, 6, 4, 6)
        header_layout.setSpacing(2)
        top_row = QHBoxLayout()
        top_row.addWidget(self.title, 1)
        top_row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        header_layout.addLayout(top_row)
        header_layout.addWidget(self.meta)
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
        self.view.verticalScrollBar().valueChanged.connect(self._update_overview_view)
        self.view.verticalScrollBar().rangeChanged.connect(self._update_overview_view)
        self.view.verticalScrollBar().rangeChanged.connect(self.overview.relayout)
        self.view.layoutReady.connect(self.overview.relayout)
        self.view.layoutReady.connect(self._update_overview_view)
        self.set_header(None)

    @property
    def document(self) -> Document:
        return self.view.article

    def set_header(self, stats: DocumentStats | None) -> None:
        """Title, then outlet · date · words · share found in the others."""
        doc = self.document
        self.title.set_full_text(doc.title)
        parts = [p for p in (doc.outlet, doc.date) if p]
        if stats is not None:
            parts.append(f"{stats.words:,} words")
        elif len(doc.text) <= COUNT_AT_OPEN:  # a big article's count comes with the result
            parts.append(f"{count_words(doc.text):,} words")
        if stats is not None:
            parts.append(f"{stats.shared * 100:.0f} % found in the others")
        parts.append(doc.name)
        self.meta.set_full_text(" · ".join(parts))
        self.header.setToolTip(doc.path)

    def apply(self, comparison: Comparison, index: int, colours: Colours) -> None:
        """Show the comparison's highlights for document ``index`` (the text is not rebuilt)."""
        marks = marks_for(comparison, index)
        possible = len(comparison.documents) - 1
        colours_of: dict[int, tuple[QColor, QColor | None]] = {
            key: (colours.shared_for(key, possible), None) for key in range(1, possible + 1)
        }
        colours_of[CHANGED] = (QColor(colours.changed), QColor(colours.changed_text))
        self.view.set_highlights(marks, colours_of)
        self.overview.set_ranges(marks.overview, {k: c[0] for k, c in colours_of.items()})
        self.overview.set_colours(colours.overview_background, colours.viewport)
        self.set_header(comparison.document_stats[index])

    def clear_highlights(self) -> None:
        self.view.set_highlights(None, {})
        self.overview.set_ranges([], {})

    def _locate(self, offsets: list[int]) -> list[float] | None:
        return self.view.fractions(offsets) if self.view.layout_ready() else None

    def _jump(self, fraction: float) -> None:
        total = self.view.document_height()
        page = self.view.viewport().height()
        self.view.scroll_to_y(fraction * total - page / 2)

    def _update_overview_view(self) -> None:
        if not self.view.layout_ready():
            return
        total = max(1.0, self.view.document_height())
        top = self.view.top()
        self.overview.set_view(top / total, (top + self.view.viewport().height()) / total)
