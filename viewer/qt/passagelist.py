"""The passage list: one row per passage, sortable and filtered (Qt layer).

``PassageTable`` is a table model over ``PassageRow``s (``viewer.core.passagerows``) with a
list of ``Column``s; ``PassageFilter`` is a sort/filter proxy that shows the rows passing
every named test. More columns and filters are added without touching either class::

    panel.table.add_column(Column("Verdict", lambda row: verdict_of(row.passage)))
    panel.filter.set_test("verdict", lambda row: verdict_of(row.passage) == "lift")
    panel.add_filter_widget(combo)  # beside the built-in filters
    panel.table.refresh({passage_id})  # after a verdict changed

The panel talks only to a ``ReviewHub``: it follows its comparison and current passage and
asks it for a passage when a row is chosen. Article text is shown as plain text only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.core.model import Comparison
from viewer.core.navigation import percent, short_name
from viewer.core.passagerows import PassageRow, fold, passage_rows
from viewer.qt.hub import ReviewHub
from viewer.qt.plaintext import tooltip

SORT_ROLE = Qt.ItemDataRole.UserRole  # a number or a string that the column sorts by
PASSAGE_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's passage id
TIP_CHARACTERS = 600  # of a passage's text in its row's tooltip

SortKey = int | float | str
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """A column of the passage list: its title, each row's text, and what it sorts by."""

    title: str
    text: Callable[[PassageRow], str]
    key: Callable[[PassageRow], SortKey] | None = None  # default: the text
    numeric: bool = False  # right-aligned
    tip: str = ""  # the header's tooltip
    width: int = 0  # in average characters; 0: the column takes the space left

    def sort_key(self, row: PassageRow) -> SortKey:
        return self.key(row) if self.key is not None else self.text(row).casefold()


COLUMNS = (
    Column("No.", lambda r: str(r.passage + 1), lambda r: r.passage, True, "Passage number", 5),
    Column("Articles", lambda r: r.names, lambda r: r.names, tip="The articles that carry it"),
    Column("Words", lambda r: str(r.words), lambda r: r.words, True, "Its longest copy", 6),
    Column(
        "Alike", lambda r: percent(r.similarity), lambda r: r.similarity, True, "Copies alike", 6
    ),
    Column(
        "Changed",
        lambda r: str(r.changed_words),
        lambda r: r.changed_words,
        True,
        "Words changed (the most in any one copy)",
        8,
    ),
    Column(
        "Moved",
        lambda r: "moved" if r.moved else "",
        lambda r: int(r.moved),
        tip="Out of order between two of the articles that carry it",
        width=7,
    ),
    Column("Starts with", lambda r: r.first_words, tip="Its first words in the first article"),
)


class PassageTable(QAbstractTableModel):
    """Rows of passages under a list of columns, kept sorted by one of them.

    Sort keys are computed once per row. The model sorts itself (a Python sort of the keys),
    so the proxy in front of it only filters: showing rows again costs no comparisons.
    Ties keep passage order.
    """

    def __init__(self, columns: Iterable[Column] = COLUMNS) -> None:
        super().__init__()
        self.columns: list[Column] = list(columns)
        self.rows: list[PassageRow] = []
        self.sorted_by: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self._keys: list[list[SortKey]] = [[] for _ in self.columns]
        self._row_of: dict[int, int] = {}

    def set_rows(self, rows: list[PassageRow]) -> None:
        self.beginResetModel()
        self._keys = [[c.sort_key(r) for r in rows] for c in self.columns]
        self.rows = rows
        self._put_in_order(self._order())
        self.endResetModel()

    def _order(self) -> list[int]:
        """Row indices in the order ``sorted_by`` asks for."""
        column, order = self.sorted_by
        by_passage = sorted(range(len(self.rows)), key=lambda i: self.rows[i].passage)
        if not 0 <= column < len(self.columns):
            return by_passage
        descending = order == Qt.SortOrder.DescendingOrder
        return sorted(by_passage, key=self._keys[column].__getitem__, reverse=descending)

    def _put_in_order(self, order: list[int]) -> None:
        self.rows = [self.rows[i] for i in order]
        self._keys = [[keys[i] for i in order] for keys in self._keys]
        self._row_of = {row.passage: i for i, row in enumerate(self.rows)}

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sorted_by = (column, order)
        new = self._order()
        if new == list(range(len(new))):
            return
        self.layoutAboutToBeChanged.emit()
        where = {old: at for at, old in enumerate(new)}
        persistent = self.persistentIndexList()
        moved = [self.index(where[i.row()], i.column()) for i in persistent]
        self._put_in_order(new)
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def add_column(self, column: Column) -> int:
        """Add a column at the right; returns its index."""
        at = len(self.columns)
        self.beginInsertColumns(QModelIndex(), at, at)
        self.columns.append(column)
        self._keys.append([column.sort_key(r) for r in self.rows])
        self.endInsertColumns()
        return at

    def refresh(self, passages: Iterable[int] | None = None) -> None:
        """Recompute what rows show (all, or those of ``passages``) after outside data changed."""
        rows = range(len(self.rows)) if passages is None else self.source_rows(passages)
        for i in rows:
            for c, column in enumerate(self.columns):
                self._keys[c][i] = column.sort_key(self.rows[i])
            last = len(self.columns) - 1
            self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        self.sort(*self.sorted_by)

    def source_rows(self, passages: Iterable[int]) -> list[int]:
        return [self._row_of[p] for p in passages if p in self._row_of]

    def row_of(self, passage: int) -> int | None:
        return self._row_of.get(passage)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return self._keys[index.column()][index.row()]
        if role == PASSAGE_ROLE:
            return row.passage
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.width == 0:
            text = row.copies[0] if row.copies else ""
            if len(text) > TIP_CHARACTERS:
                text = text[: TIP_CHARACTERS - 1] + "…"
            return tooltip(text) if text else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[section].tip or None
        return None


class PassageFilter(QSortFilterProxyModel):
    """Shows the rows that pass every test; tests are named so each can be replaced."""

    def __init__(self) -> None:
        super().__init__()
        self._tests: dict[str, Callable[[PassageRow], bool]] = {}

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The header asks to sort: the table sorts itself; rows keep its order here."""
        model = self.sourceModel()
        if isinstance(model, PassageTable):
            model.sort(column, order)

    def set_test(self, name: str, test: Callable[[PassageRow], bool] | None) -> None:
        """Show only rows passing ``test`` (None: drop the test called ``name``)."""
        if test is None and name not in self._tests:
            return
        has_begin = hasattr(self, "beginFilterChange")  # Qt 6.9+; invalidate before that
        if has_begin:
            self.beginFilterChange()
        if test is None:
            del self._tests[name]
        else:
            self._tests[name] = test
        if has_begin:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not self._tests or not isinstance(model, PassageTable):
            return True
        row = model.rows[source_row]
        return all(test(row) for test in self._tests.values())


class PassageView(QTableView):
    """The table: Enter chooses the current row; typing goes to the search field."""

    def __init__(self, panel: PassageList) -> None:
        super().__init__()
        self.panel = panel

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Coming in does not choose a row (Qt makes the first row current): the panes stay
        where they are until a key or a click chooses one."""
        had_current = self.currentIndex().isValid()
        self.panel._quiet = True
        try:
            super().focusInEvent(event)
        finally:
            self.panel._quiet = False
        if not had_current:
            self.panel.show_current(self.panel.hub.current_passage)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.panel.choose(self.currentIndex())
            return
        text = event.text()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if plain and text and text.isprintable() and not text.isspace():
            self.panel.search.setFocus()
            self.panel.search.insert(text)
            return
        super().keyPressEvent(event)


class SearchField(QLineEdit):
    """The search field: Down goes to the table."""

    def __init__(self, panel: PassageList) -> None:
        super().__init__()
        self.panel = panel

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.panel.focus_table()
            return
        super().keyPressEvent(event)


class PassageList(QWidget):
    """Filters above a sortable table of passages; the chosen row's passage is current."""

    def __init__(self, hub: ReviewHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.table = PassageTable()
        self.filter = PassageFilter()
        self.filter.setSourceModel(self.table)
        self._shown: Comparison | None = None  # the comparison the rows are built from
        self._quiet = False  # selection changes made here, not by the user

        self.search = SearchField(self)
        self.search.setPlaceholderText("Search passages")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(14 * self.fontMetrics().averageCharWidth())
        self.search.setToolTip("Show passages whose text (in any article) contains this")
        self.search.textChanged.connect(self._on_search)
        self.search.returnPressed.connect(self.focus_table)
        self.article = QComboBox()
        self.article.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.article.setMinimumContentsLength(14)
        self.article.setToolTip("Show the passages one article carries")
        self.article.currentIndexChanged.connect(self._on_article)
        self.changed = QCheckBox("&Changed")
        self.changed.setToolTip("Show passages with changed words")
        self.changed.toggled.connect(
            lambda on: self.set_filter("changed", _has_changes if on else None)
        )
        self.moved = QCheckBox("Mo&ved")
        self.moved.setToolTip("Show passages out of order between the articles that carry them")
        self.moved.toggled.connect(lambda on: self.set_filter("moved", _is_moved if on else None))
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.filters = QHBoxLayout()
        self.filters.setContentsMargins(0, 0, 0, 0)
        self.filters.addWidget(self.search, 2)
        self.filters.addWidget(self.article, 1)
        self.filters.addWidget(self.changed)
        self.filters.addWidget(self.moved)
        self.filters.addWidget(self.count)

        self.view = PassageView(self)
        self.view.setModel(self.filter)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        self._size_columns()
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.view.clicked.connect(self.choose)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.filters)
        layout.addWidget(self.view, 1)
        escape = QShortcut(Qt.Key.Key_Escape, self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(hub.panesRequested)
        self.setFocusProxy(self.view)

        hub.comparisonChanged.connect(self._on_comparison)
        hub.currentPassageChanged.connect(self.show_current)
        self.table.modelReset.connect(self._after_filter)
        self._on_comparison(hub.comparison)

    # -- building ----------------------------------------------------------------------------
    def _on_comparison(self, comparison: Comparison | None) -> None:
        self._fill_articles(comparison)
        if self.isVisible():
            self._build()

    def showEvent(self, event: QShowEvent) -> None:
        self._build()  # rows are built only while the list is shown
        super().showEvent(event)

    def _build(self) -> None:
        comparison = self.hub.comparison
        if comparison is self._shown:
            return
        self._shown = comparison
        rows = passage_rows(comparison) if comparison is not None else []
        self._quiet = True
        try:
            self.table.set_rows(rows)
        finally:
            self._quiet = False
        self.show_current(self.hub.current_passage)

    def _fill_articles(self, comparison: Comparison | None) -> None:
        self.article.blockSignals(True)
        self.article.clear()
        self.article.addItem("All articles", None)
        if comparison is not None:
            for index, document in enumerate(comparison.documents):
                title = document.title if len(document.title) <= 60 else document.title[:59] + "…"
                self.article.addItem(f"{short_name(document)} · {title}", index)
                tip = tooltip(document.name)
                self.article.setItemData(index + 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.article.blockSignals(False)
        self.set_filter("article", None)

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        average = self.fontMetrics().averageCharWidth()
        header.setStretchLastSection(True)
        for index, column in enumerate(self.table.columns):
            if column.width:
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Interactive)
                self.view.setColumnWidth(index, (column.width + 2) * average)
            elif index < len(self.table.columns) - 1:
                self.view.setColumnWidth(index, 16 * average)

    # -- filters -------------------------------------------------------------------------------
    def add_filter_widget(self, widget: QWidget) -> None:
        """Put another filter's widget in the row of filters, before the count."""
        self.filters.insertWidget(self.filters.count() - 1, widget)

    def set_filter(self, name: str, test: Callable[[PassageRow], bool] | None) -> None:
        """Set (None: drop) a named filter test; the current passage stays current."""
        self._quiet = True
        try:
            self.filter.set_test(name, test)
        finally:
            self._quiet = False
        self._after_filter()

    def _on_search(self, text: str) -> None:
        needle = fold(text)
        self.set_filter("text", (lambda row: needle in row.folded) if needle else None)

    def _on_article(self, _index: int) -> None:
        doc = self.article.currentData()
        self.set_filter("article", (lambda row: doc in row.docs) if doc is not None else None)

    def _after_filter(self) -> None:
        shown, total = self.filter.rowCount(), self.table.rowCount()
        plural = "passage" if total == 1 else "passages"
        counted = f"{total} {plural}" if shown == total else f"{shown} of {total} {plural}"
        self.count.setText(counted)
        self.show_current(self.hub.current_passage)

    # -- selection -----------------------------------------------------------------------------
    def visible_passages(self) -> list[int]:
        """The passage ids of the rows shown, top to bottom."""
        return [self.filter.index(r, 0).data(PASSAGE_ROLE) for r in range(self.filter.rowCount())]

    def selected_passage(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return index.data(PASSAGE_ROLE)  # type: ignore[no-any-return]

    def show_current(self, passage: int | None) -> None:
        """Select the row of ``passage`` (none when it is None or filtered out)."""
        row = self.table.row_of(passage) if passage is not None else None
        index = self.filter.mapFromSource(self.table.index(row, 0)) if row is not None else None
        selection = self.view.selectionModel()
        self._quiet = True
        try:
            if index is None or not index.isValid():
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
                return
            if index.row() != self.view.currentIndex().row() or not selection.hasSelection():
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                selection.setCurrentIndex(index, flags)
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._quiet = False

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.hub.passageRequested.emit(current.data(PASSAGE_ROLE))

    def choose(self, index: QModelIndex) -> None:
        """Make the passage of this row current (a click, Enter)."""
        if index.isValid():
            self.hub.passageRequested.emit(index.data(PASSAGE_ROLE))

    def focus_table(self) -> None:
        """Keyboard into the table, on the current row or the first one."""
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.filter.rowCount():
            self.view.setCurrentIndex(self.filter.index(0, 0))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()


def _has_changes(row: PassageRow) -> bool:
    return row.changed_words > 0


def _is_moved(row: PassageRow) -> bool:
    return row.moved
