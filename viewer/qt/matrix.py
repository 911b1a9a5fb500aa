"""Who shares with whom: an N×N matrix of shares beside each article's figures (Qt layer).

Cell (row, column): the share of the row article's words found in the column article, and
the number of passages they share, coloured by that share with the theme's shared-text
colours (so its text has the contrast the panes' highlights have). Beside the matrix, one
row per article: its share original to it, its share found in any other article, and its
longest passage. Every figure comes from the comparison's own statistics (``PairStats``,
``DocumentStats``), the ones the pane headers and ``viewer compare`` print.

Clicking a cell, or Enter on it, asks the hub to put the two articles side by side. The
panel talks only to a ``ReviewHub``.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QPalette, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.core.model import Comparison
from viewer.core.navigation import percent, short_name
from viewer.core.relations import longest_passage
from viewer.qt.hub import ReviewHub
from viewer.qt.palette import Colours
from viewer.qt.plaintext import tooltip

Index = QModelIndex | QPersistentModelIndex
FIGURES = ("Original", "Shared", "Longest")
FIGURE_TIPS = (
    "Share of the article found in no other article",
    "Share of the article found in any other article",
    "Its longest passage shared with another article, in words",
)


def share_level(share: float, levels: int) -> int | None:
    """Index of the colour for ``share`` among ``levels`` (None: nothing shared)."""
    if share <= 0:
        return None
    return min(levels - 1, int(share * levels))


class ShareMatrix(QAbstractTableModel):
    """Rows: articles. Columns: the same articles, then ``FIGURES``."""

    def __init__(self, colours: Colours) -> None:
        super().__init__()
        self.comparison: Comparison | None = None
        self.colours = colours
        self._names: list[str] = []
        self._cells: list[list[dict[int, object]]] = []  # [row][column]: role → value

    @property
    def size(self) -> int:
        return len(self._names)

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self.comparison = comparison
        docs = comparison.documents if comparison is not None else ()
        self._names = [short_name(d) for d in docs]
        self._cells = self._fill()
        self.endResetModel()

    def set_colours(self, colours: Colours) -> None:
        self.colours = colours
        if self.size:
            self._cells = self._fill()
            self.dataChanged.emit(self.index(0, 0), self.index(self.size - 1, self.size - 1))

    def _fill(self) -> list[list[dict[int, object]]]:
        """Every cell's text, tooltip and colours, worked out once (views ask many times)."""
        comparison = self.comparison
        if comparison is None:
            return []
        count = self.size
        text, tip = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
        centre = {int(Qt.ItemDataRole.TextAlignmentRole): int(Qt.AlignmentFlag.AlignCenter)}
        ink = QBrush(QColor(self.colours.shared_text))
        # Nothing shared: the quieter ink of the header details (4.5:1 on the base colour).
        quiet = QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        fills = [QBrush(QColor(c)) for c in self.colours.shared]
        cells = []
        for row in range(count):
            stats = comparison.document_stats[row]
            figures = (percent(stats.original), percent(stats.shared))
            longest = f"{longest_passage(comparison, row):,}"
            line: list[dict[int, object]] = []
            for column in range(count):
                if column == row:
                    line.append({**centre, text: "—"})
                    continue
                pair = comparison.pair(row, column)
                cell: dict[int, object] = {**centre, text: percent(pair.shared[0])}
                cell[int(Qt.ItemDataRole.ForegroundRole)] = quiet
                mine, theirs = comparison.documents[row].name, comparison.documents[column].name
                cell[tip] = tooltip(f"{mine} shares nothing with {theirs}.")
                level = share_level(pair.shared[0], len(fills)) if pair.passages else None
                if level is not None:
                    plural = "passage" if pair.passages == 1 else "passages"
                    cell[text] = f"{percent(pair.shared[0])} · {pair.passages}"
                    cell[tip] = tooltip(
                        f"{percent(pair.shared[0])} of {mine} is found in {theirs}, in "
                        f"{pair.passages} {plural} (the longest {pair.longest_words:,} words).\n"
                        "Click or press Enter to put them side by side."
                    )
                    cell[int(Qt.ItemDataRole.BackgroundRole)] = fills[level]
                    cell[int(Qt.ItemDataRole.ForegroundRole)] = ink
                line.append(cell)
            for value, about in zip((*figures, longest), FIGURE_TIPS, strict=True):
                line.append({**centre, text: value, tip: about})
            cells.append(line)
        return cells

    def pair_at(self, index: Index) -> tuple[int, int] | None:
        """(row article, column article) of a cell of the matrix itself, else None."""
        if not index.isValid() or index.column() >= self.size or index.row() == index.column():
            return None
        return index.row(), index.column()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.size

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.size else self.size + len(FIGURES)

    def text(self, row: int, column: int) -> str:
        """What cell (row, column) shows."""
        return str(self._cells[row][column][int(Qt.ItemDataRole.DisplayRole)])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        return self._cells[index.row()][index.column()].get(int(role))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        comparison = self.comparison
        if comparison is None:
            return None
        if orientation == Qt.Orientation.Horizontal and section >= self.size:
            figure = section - self.size
            if role == Qt.ItemDataRole.DisplayRole:
                return FIGURES[figure]
            return FIGURE_TIPS[figure] if role == Qt.ItemDataRole.ToolTipRole else None
        if not 0 <= section < self.size:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._names[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            document = comparison.documents[section]
            return tooltip(f"{document.title}\n{document.name}")
        return None


class MatrixView(QTableView):
    """The matrix: Enter or Space on a cell chooses it."""

    def __init__(self, panel: MatrixPanel) -> None:
        super().__init__()
        self.panel = panel

    def sizeHint(self) -> QSize:
        """Room for every cell (the dock asks for it when it opens)."""
        model = self.model()
        if model is None or not model.columnCount():
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        width = self.verticalHeader().sizeHint().width() + frame
        width += sum(self.columnWidth(c) for c in range(model.columnCount()))
        height = self.horizontalHeader().sizeHint().height() + frame
        height += sum(self.rowHeight(r) for r in range(model.rowCount()))
        return QSize(width, height)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.panel.choose(self.currentIndex())
            return
        super().keyPressEvent(event)


class MatrixPanel(QWidget):
    """A caption over the matrix; follows the hub's comparison and colours."""

    def __init__(self, hub: ReviewHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.model = ShareMatrix(hub.colours)
        self._shown: Comparison | None = None
        self.caption = QLabel(
            "Each cell: the share of the row's article found in the column's article · the "
            "passages they share. Click a cell or press Enter to put the two side by side."
        )
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        self.view = MatrixView(self)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.clicked.connect(self.choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        escape = QShortcut(Qt.Key.Key_Escape, self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(hub.panesRequested)
        self.setFocusProxy(self.view)
        hub.comparisonChanged.connect(self._on_comparison)
        hub.coloursChanged.connect(self.model.set_colours)

    def _on_comparison(self, _comparison: Comparison | None) -> None:
        if self.isVisible():
            self._build()

    def showEvent(self, event: QShowEvent) -> None:
        self._build()  # built only while shown
        super().showEvent(event)

    def _build(self) -> None:
        if self.hub.comparison is self._shown:
            return
        self._shown = self.hub.comparison
        self.model.set_colours(self.hub.colours)
        self.model.set_comparison(self._shown)
        self.view.resizeColumnsToContents()  # once: a dozen rows
        if self.model.size > 1:
            self.view.setCurrentIndex(self.model.index(0, 1))

    def choose(self, index: QModelIndex) -> None:
        """Put the two articles of this cell side by side (other cells do nothing)."""
        pair = self.model.pair_at(index)
        if pair is not None:
            self.hub.pairRequested.emit(*pair)
