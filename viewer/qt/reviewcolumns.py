"""The review in the passage list: Verdict and Note columns, a verdict filter, and a line
that lists the notes whose text was lost (Qt layer).

It reads the session (``viewer.qt.session``) and writes nothing: the list follows every
change of the state or of the comparison through ``Session.changed``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QLabel

from viewer.core.passagerows import PassageRow
from viewer.qt.passagelist import Column, PassageList
from viewer.qt.plaintext import tooltip
from viewer.qt.reviewing import first_line
from viewer.qt.session import Session

ANY, NONE = "any", "none"  # the verdict filter's first two choices (data); else a verdict


class ReviewColumns(QObject):
    """Shows the session's verdicts and notes in a passage list and filters by verdict."""

    def __init__(self, panel: PassageList, session: Session) -> None:
        super().__init__(panel)
        self.panel, self.session = panel, session
        panel.table.add_column(
            Column("Verdict", self.verdict_of, tip="The verdict on this passage", width=16)
        )
        panel.table.add_column(
            Column("Note", self.note_of, tip="The first line of its note", width=22)
        )
        self.verdict = QComboBox()
        self.verdict.setToolTip("Show the passages with this verdict")
        self.verdict.currentIndexChanged.connect(self._on_choice)
        panel.add_filter_widget(self.verdict)
        self.lost = QLabel()
        self.lost.setTextFormat(Qt.TextFormat.PlainText)  # it quotes article text
        panel.add_filter_widget(self.lost)
        self._verdicts: tuple[str, ...] = ()
        session.changed.connect(self.refresh)
        self.refresh()

    def verdict_of(self, row: PassageRow) -> str:
        return self.session.resolution.verdict(row.passage) or ""

    def note_of(self, row: PassageRow) -> str:
        note = self.session.resolution.passage_note(row.passage)
        return "" if note is None else first_line(note.text)

    def refresh(self) -> None:
        """The state or the comparison changed: rows, verdict choices, lost notes."""
        if self.session.state.verdicts != self._verdicts:
            self._fill_choices()
        self.panel.table.refresh()
        self._on_choice()
        lost = self.session.resolution.lost
        count = len(lost)
        self.lost.setVisible(bool(lost))
        self.lost.setText(f"{count} note{'s' if count != 1 else ''} lost" if lost else "")
        lines = [
            f"“{first_line(r.note.anchors[0].quote)}”: "
            + (first_line(r.note.text) or r.note.verdict or "")
            for r in lost
        ]
        heading = "Notes whose text is no longer found (kept in the session):"
        self.lost.setToolTip(tooltip("\n".join([heading, *lines])) if lost else "")

    def _fill_choices(self) -> None:
        chosen = self.verdict.currentData()
        self._verdicts = self.session.state.verdicts
        self.verdict.blockSignals(True)
        self.verdict.clear()
        self.verdict.addItem("Any verdict", ANY)
        self.verdict.addItem("No verdict", NONE)
        for name in self._verdicts:
            self.verdict.addItem(name, name)
        at = self.verdict.findData(chosen)
        self.verdict.setCurrentIndex(max(0, at))
        self.verdict.blockSignals(False)

    def choose(self, verdict: str | None) -> None:
        """Filter to ``verdict`` (None: passages without one)."""
        at = self.verdict.findData(NONE if verdict is None else verdict)
        self.verdict.setCurrentIndex(max(0, at))

    def _on_choice(self, _index: int = 0) -> None:
        chosen = self.verdict.currentData()
        if chosen in (ANY, None):
            self.panel.set_filter("verdict", None)
        else:
            wanted = None if chosen == NONE else chosen
            self.panel.set_filter("verdict", lambda row: self.verdict_of(row) == (wanted or ""))
