"""Find in all panes (Ctrl+F): a bar under the panes (Qt layer)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


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
