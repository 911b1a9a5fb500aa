"""The "Edit verdicts" dialog: add, rename, remove and reorder the session's verdicts, as
one undoable step (Qt layer).

The dialog works on a copy of the review state with the commands of
``viewer.core.verdicts``; OK hands the result to ``Session.apply``. Removing a verdict
that notes carry asks whether they move to another verdict or lose theirs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.review import ReviewState
from viewer.core.verdicts import (
    VerdictInUse,
    add_verdict,
    move_verdict,
    remove_verdict,
    rename_verdict,
    verdict_counts,
)
from viewer.qt.session import Session

CLEAR = "Clear the verdict (notes keep their text)"


class VerdictEditor(QDialog):
    """Edits a copy of the state's verdict list; ``result_state`` after OK."""

    def __init__(self, state: ReviewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit verdicts")
        self.state = state
        self.list = QListWidget()
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        buttons = QVBoxLayout()
        for text, slot in (
            ("&Add…", self._ask_add),
            ("Re&name…", self._ask_rename),
            ("&Remove", self._remove_selected),
            ("Move &up", lambda: self._move_selected(-1)),
            ("Move &down", lambda: self._move_selected(1)),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(box)
        self._show()

    def _show(self, select: str | None = None) -> None:
        counts = verdict_counts(self.state)
        self.list.clear()
        for name in self.state.verdicts:
            used = counts[name]
            self.list.addItem(f"{name}  ({used} note{'s' if used != 1 else ''})" if used else name)
        if select in self.state.verdicts:
            self.list.setCurrentRow(self.state.verdicts.index(select))

    def _selected(self) -> str | None:
        row = self.list.currentRow()
        return self.state.verdicts[row] if 0 <= row < len(self.state.verdicts) else None

    def _try(self, state: ReviewState | None, select: str | None) -> bool:
        if state is None:
            return False
        self.state = state
        self.message.clear()
        self._show(select)
        return True

    # -- the edits (tests call these) -------------------------------------------------------
    def add(self, name: str) -> bool:
        try:
            state = add_verdict(self.state, name)
        except ValueError as exc:
            self.message.setText(str(exc))
            return False
        return self._try(state, state.verdicts[-1])

    def rename(self, old: str, new: str) -> bool:
        try:
            state = rename_verdict(self.state, old, new)
        except (ValueError, KeyError) as exc:
            self.message.setText(str(exc))
            return False
        return self._try(state, " ".join(new.split()))

    def remove(self, name: str) -> bool:
        """Remove ``name``; if notes carry it, ask where they go (Cancel: nothing changes)."""
        try:
            state = remove_verdict(self.state, name)
        except VerdictInUse as exc:
            others = [v for v in self.state.verdicts if v != name]
            answer = self.ask_in_use(name, exc.count, others)
            if answer is None:
                return False
            if answer == CLEAR:
                state = remove_verdict(self.state, name, clear=True)
            else:
                state = remove_verdict(self.state, name, move_to=answer)
        return self._try(state, None)

    def move(self, name: str, delta: int) -> bool:
        index = self.state.verdicts.index(name) + delta
        if not 0 <= index < len(self.state.verdicts):
            return False
        return self._try(move_verdict(self.state, name, index), name)

    def ask_in_use(self, name: str, count: int, others: list[str]) -> str | None:
        """Another verdict for the notes that carry ``name``, or CLEAR; None: cancel."""
        choices = [CLEAR, *others]
        noun = "note carries" if count == 1 else "notes carry"
        choice, ok = QInputDialog.getItem(
            self,
            "Remove a verdict in use",
            f"{count} {noun} the verdict “{name}”. Give them:",
            choices,
            0,
            False,
        )
        return choice if ok else None

    # -- buttons ---------------------------------------------------------------------------
    def _ask_add(self) -> None:
        name, ok = QInputDialog.getText(self, "Add a verdict", "Name:")
        if ok:
            self.add(name)

    def _ask_rename(self) -> None:
        old = self._selected()
        if old is None:
            return
        new, ok = QInputDialog.getText(self, "Rename a verdict", "Name:", text=old)
        if ok:
            self.rename(old, new)

    def _remove_selected(self) -> None:
        name = self._selected()
        if name is not None:
            self.remove(name)

    def _move_selected(self, delta: int) -> None:
        name = self._selected()
        if name is not None:
            self.move(name, delta)


def apply_edit(session: Session, start: ReviewState, edited: ReviewState) -> bool:
    """The dialog's result (``start`` edited) as one undoable step; nothing if the state
    is no longer the one the dialog started from."""
    return session.apply("Edit verdicts", lambda state: edited if state is start else state)


def edit_verdicts(session: Session, parent: QWidget) -> bool:
    """Show the dialog; OK applies it as one undoable step."""
    start = session.state
    editor = VerdictEditor(start, parent)
    if editor.exec() != QDialog.DialogCode.Accepted:
        return False
    return apply_edit(session, start, editor.state)
