"""The "Verdict and note" panel: the current passage's verdict and note, or a range note
(Qt layer). Edits go to the session as undoable steps; the text is plain, never markup."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

NO_VERDICT = "— no verdict —"


class NoteEdit(QPlainTextEdit):
    """Plain text only; Ctrl+Return saves, Escape gives the focus back."""

    saveRequested = Signal()
    leaveRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.saveRequested.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.leaveRequested.emit()
            return
        super().keyPressEvent(event)


class NoteDock(QDockWidget):
    """Shows and edits one target: a passage (verdict and note) or a range note."""

    verdictChosen = Signal(object)  # str, or None for no verdict
    rangeNoteChosen = Signal(int)  # a note on text picked in the list: its id
    noteSaved = Signal(str)
    deleteRequested = Signal()
    leaveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Verdict and note", parent)
        self.setObjectName("noteDock")
        body = QWidget()
        layout = QVBoxLayout(body)
        self.target = QLabel()
        self.target.setTextFormat(Qt.TextFormat.PlainText)  # quotes article text
        self.target.setWordWrap(True)
        self.verdict = QComboBox()
        self.verdict.setAccessibleName("Verdict")
        self.verdict.setToolTip("The verdict on the current passage (Alt+1 … Alt+9, Alt+0: none)")
        self.verdict.activated.connect(self._on_verdict)
        self.note = NoteEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("A note for the review (Ctrl+Return saves)")
        self.note.setTabChangesFocus(True)
        self.note.saveRequested.connect(self._save)
        self.note.leaveRequested.connect(self.leaveRequested)
        self.byline = QLabel()
        self.byline.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("&Save note")
        self.save_button.clicked.connect(self._save)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setToolTip("Remove this verdict and note (undo brings them back)")
        self.delete_button.clicked.connect(self.deleteRequested)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        self.range_notes = QListWidget()
        self.range_notes.setAccessibleName("Notes on text")
        self.range_notes.setToolTip("Notes on original text (Ctrl+Alt+N adds one); Enter shows it")
        self.range_notes.setMaximumHeight(90)
        self.range_notes.itemActivated.connect(self._on_range_note)
        self.range_notes.itemClicked.connect(self._on_range_note)
        self.range_label = QLabel("Notes on text:")
        self.range_label.setBuddy(self.range_notes)
        layout.addWidget(self.target)
        layout.addWidget(self.verdict)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.byline)
        layout.addLayout(buttons)
        layout.addWidget(self.range_label)
        layout.addWidget(self.range_notes)
        self.setWidget(body)
        self.show_target(None, (), None, "", "")
        self.show_range_notes([])

    def show_target(
        self,
        description: str | None,
        verdicts: tuple[str, ...],
        verdict: str | None,
        text: str,
        byline: str,
        range_note: bool = False,
    ) -> None:
        """What the panel edits now (``description`` None: nothing current)."""
        enabled = description is not None
        self.target.setText(description or "No passage is current: pick one in a pane.")
        self.verdict.blockSignals(True)
        self.verdict.clear()
        self.verdict.addItem(NO_VERDICT)
        self.verdict.addItems(list(verdicts))
        self.verdict.setCurrentIndex(verdicts.index(verdict) + 1 if verdict in verdicts else 0)
        self.verdict.blockSignals(False)
        self.verdict.setEnabled(enabled)
        if self.note.toPlainText() != text:
            self.note.setPlainText(text)
        self.note.setEnabled(enabled)
        self.byline.setText(byline)
        self.save_button.setEnabled(enabled)
        self.delete_button.setEnabled(enabled and (verdict is not None or bool(text)))
        self._range_note = range_note

    def show_range_notes(self, notes: list[tuple[int, str]]) -> None:
        """Every note on a range of text: (id, one line naming the article, its words and
        the note). Shown as plain text."""
        self.range_notes.clear()
        for note_id, line in notes:
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, note_id)
            item.setToolTip(line)
            self.range_notes.addItem(item)
        shown = bool(notes)
        self.range_label.setVisible(shown)
        self.range_notes.setVisible(shown)

    def _on_range_note(self, item: QListWidgetItem) -> None:
        self.rangeNoteChosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def focus_note(self) -> None:
        self.show()
        self.raise_()
        self.note.setFocus()

    def _on_verdict(self, index: int) -> None:
        self.verdictChosen.emit(None if index <= 0 else self.verdict.itemText(index))

    def _save(self) -> None:
        self.noteSaved.emit(self.note.toPlainText())
