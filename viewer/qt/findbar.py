"""Find in all panes (Ctrl+F): a bar under the panes (Qt layer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from viewer.core import navigation

if TYPE_CHECKING:
    from viewer.qt.articleview import ArticleView
    from viewer.qt.mainwindow import MainWindow
    from viewer.qt.pane import Pane
    from viewer.qt.panes import PaneRow


class FindBar(QWidget):
    """Emits the text to find as it is typed; Enter / Shift+Enter step through matches."""

    searchChanged = Signal(str)
    nextRequested = Signal(bool)  # forward?
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in all articles")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel()
        previous = QToolButton()
        previous.setText("▲")
        previous.setToolTip("Previous match (Shift+Enter)")
        following = QToolButton()
        following.setText("▼")
        following.setToolTip("Next match (Enter, F3)")
        close = QToolButton()
        close.setText("×")
        close.setToolTip("Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.field, 1)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.count)
        layout.addWidget(close)
        self.field.textChanged.connect(self.searchChanged)
        previous.clicked.connect(lambda: self.nextRequested.emit(False))
        following.clicked.connect(lambda: self.nextRequested.emit(True))
        close.clicked.connect(self.hide_bar)

    def open(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def hide_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def set_count(self, matches: int, articles: int) -> None:
        if not self.field.text():
            self.count.setText("")
        elif matches == 0:
            self.count.setText("no matches")
        else:
            self.count.setText(f"{matches} matches in {articles} articles")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            forward = not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.nextRequested.emit(bool(forward))
        elif key == Qt.Key.Key_Escape:
            self.hide_bar()
        else:
            super().keyPressEvent(event)


class Finder(QObject):
    """Marks matches in every pane and steps through them, pane by pane.

    The current match outlives the bar: F3 after Esc goes on from it while the text to find
    is the same. What the status bar said before the first match comes back on closing.
    """

    def __init__(self, bar: FindBar, row: PaneRow, window: MainWindow) -> None:
        super().__init__(window)
        self.bar = bar
        self.row = row
        self.window = window
        self.matches: list[tuple[Pane, int, int]] = []
        self.index = -1
        self.current: tuple[Pane, int, int] | None = None
        self._needle = ""  # the text the current match was found for
        self._status_before = ""  # the status bar's text before find wrote there …
        self._status_said = ""  # … and what find wrote last
        bar.searchChanged.connect(self.search)
        bar.nextRequested.connect(self.step)
        bar.closed.connect(self._on_closed)

    def open(self) -> None:
        self.bar.open()
        self.refresh()

    def refresh(self) -> None:
        """Search again (new text, new panes, new colours); clear the marks when hidden."""
        self.search(self.bar.field.text())

    def search(self, needle: str) -> None:
        colour = QColor(self.window.colours.find)
        self.matches = []
        articles = 0
        for pane in self.row.panes:
            found = pane.view.find_all(needle if self.bar.isVisible() else "", colour)
            articles += bool(found)
            self.matches += [(pane, s, e) for s, e in found]
        self.index = -1
        if self.bar.isVisible() and needle != self._needle:
            self.current = None  # another text: start from the first match again
        if self.current in self.matches:
            self.index = self.matches.index(self.current)
            self._mark_current(self.current[0].view)
        self.bar.set_count(len(self.matches), articles)

    def _on_closed(self) -> None:
        self.refresh()
        if self.window.status_text.text() == self._status_said:
            self.window.show_status(self._status_before)

    def step(self, forward: bool = True) -> None:
        if not self.bar.isVisible():
            self.open()
        if not self.matches:
            return
        previous = self.matches[self.index][0] if self.index >= 0 else None
        stop = navigation.step(len(self.matches), self.index if self.index >= 0 else None, forward)
        if stop is None:
            return
        self.index = stop.index
        self.current = self.matches[self.index]
        self._needle = self.bar.field.text()
        pane, start, end = self.current
        for view in {previous.view, pane.view} if previous is not None else {pane.view}:
            self._mark_current(view)
        pane.view.reveal(start, end)
        prefix = f"Wrapped to the {'first' if forward else 'last'} match · " if stop.wrapped else ""
        said = f"{prefix}Match {self.index + 1} of {len(self.matches)} in {pane.document.name}"
        if self.window.status_text.text() != self._status_said:
            self._status_before = self.window.status_text.text()
        self.window.show_status(said)
        self._status_said = said

    def _mark_current(self, view: ArticleView) -> None:
        """Give the current match its own colour in ``view``, the others the find colour."""
        colours = self.window.colours
        find, current = QColor(colours.find), QColor(colours.current_find)
        pane, start, end = self.matches[self.index]
        here = view.qt_range(start, end) if view is pane.view else None
        selections = view.extraSelections()
        for selection in selections:
            fmt = selection.format  # type: ignore[attr-defined]
            if fmt.background().color() not in (find, current):
                continue  # another kind of mark
            cursor = selection.cursor  # type: ignore[attr-defined]
            mine = (cursor.selectionStart(), cursor.selectionEnd()) == here
            fmt.setBackground(current if mine else find)
            fmt.setForeground(QColor(colours.find_text))
        view.setExtraSelections(selections)
