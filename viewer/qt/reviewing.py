"""Verdicts and notes in the window: the "Verdict and note" panel, the Review menu and its
shortcuts, undo and redo, note markers in the panes and overview strips, and the status
line of the current passage (Qt layer).

The window only tells this module which passage is current (``passage_changed``) and when
a comparison is shown (``refresh``); everything else goes through the session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from viewer.core.navigation import describe_passage
from viewer.core.notes import (
    add_range_note,
    delete_note,
    set_note_text,
    set_note_verdict,
    set_passage_text,
    set_passage_verdict,
)
from viewer.core.review import RANGE, Note
from viewer.qt.actions import add_action
from viewer.qt.notedock import NoteDock
from viewer.qt.session import now, reviewer

if TYPE_CHECKING:
    from viewer.qt.mainwindow import MainWindow

NOTE_COLOUR = {False: "#762a83", True: "#c2a5cf"}  # light, dark: apart from every highlight


def first_line(text: str, limit: int = 60) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


class Reviewing(QObject):
    """Connects the window's current passage and panes to the review session."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.target_note: int | None = None  # a range note being edited, else the passage
        self.dock = NoteDock(window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.verdictChosen.connect(self.set_verdict)
        self.dock.noteSaved.connect(self.save_note)
        self.dock.deleteRequested.connect(self.delete_current)
        self.dock.leaveRequested.connect(self._leave_dock)
        self.dock.rangeNoteChosen.connect(self.show_range_note)
        self.session.changed.connect(self.refresh)
        self.actions: dict[str, QAction] = {}
        self.session.author = window.settings.reviewer() or self.session.author
        self.dock.hide()  # shown on demand (F9, F2): the panes keep the whole height
        from viewer.qt.reviewcolumns import ReviewColumns  # it imports first_line from here

        self.columns = ReviewColumns(window.docks.passages, self.session)
        self._wanted = False  # the user opened the panel

    # -- menus -------------------------------------------------------------------------------
    def build_menus(self) -> None:
        """Edit (undo, redo) and Review (verdicts, notes) menus, with their shortcuts."""
        window = self.window
        bar = window.menuBar()
        edit = QMenu("&Edit", bar)
        bar.insertMenu(bar.actions()[1] if len(bar.actions()) > 1 else None, edit)
        undo = self.session.undo.createUndoAction(window, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.session.undo.createRedoAction(window, "&Redo")
        redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")])
        for name, action in (("undo", undo), ("redo", redo)):
            edit.addAction(action)
            window.addAction(action)
            self.actions[name] = action
        review = QMenu("&Review", bar)
        help_menu = next((a for a in bar.actions() if a.text() == "&Help"), None)
        bar.insertMenu(help_menu, review)  # Help stays last
        self._verdict_menu = review.addMenu("&Verdict on the current passage")
        self._verdict_menu.aboutToShow.connect(self._fill_verdicts)
        for number in range(10):
            action = QAction(window)
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.triggered.connect(lambda _c=False, n=number: self.verdict_by_number(n))
            window.addAction(action)
            self.actions[f"verdict{number}"] = action
        self._add(review, "edit_note", "Edit the &note…", self.edit_note, "F2")
        self._add(
            review,
            "range_note",
            "Note on the &selected text…",
            self.note_on_selection,
            "Ctrl+Alt+N",
        )
        self._add(review, "delete_note", "&Delete verdict and note", self.delete_current, None)
        self._add(review, "edit_verdicts", "Edit the verdict &list…", self.edit_verdicts, None)
        self._add(review, "reviewer", "Your &name on notes…", self.ask_reviewer, None)
        review.addSeparator()
        panel = self.dock.toggleViewAction()
        panel.setText("Verdict and note &panel")
        panel.setShortcut(QKeySequence("F9"))
        panel.triggered.connect(lambda shown: setattr(self, "_wanted", shown))
        review.addAction(panel)
        self.actions["note_panel"] = panel

    def _add(
        self, menu: QMenu, name: str, text: str, slot: Callable[[], object], keys: str | None
    ) -> None:
        add_action(self.window, self.actions, menu, name, text, slot, keys)

    def _fill_verdicts(self) -> None:
        self._verdict_menu.clear()
        current = self._current_verdict()
        for number, name in enumerate(self.session.state.verdicts[:9], start=1):
            action = self._verdict_menu.addAction(f"&{number} {name}")
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.setCheckable(True)
            action.setChecked(name == current)
            action.triggered.connect(lambda _c=False, v=name: self.set_verdict(v))
        none = self._verdict_menu.addAction("&0 No verdict")
        none.setShortcut(QKeySequence("Alt+0"))
        none.triggered.connect(lambda _c=False: self.set_verdict(None))

    def restored(self) -> None:
        """The window's saved state was just restored: the panel is wanted if it was open."""
        self._wanted = self.dock.isVisibleTo(self.window)

    def show_panel(self, articles_open: bool) -> None:
        """The panel shows with the articles when the user opened it; never on the start
        page."""
        self.dock.setVisible(articles_open and self._wanted)

    # -- what is being reviewed ---------------------------------------------------------------
    def passage_changed(self) -> None:
        """The window made another passage current (or none)."""
        self.target_note = None
        self.session.remember_current(self.window.current_passage)
        self.refresh()
        self._extend_status()

    def _target_note(self) -> Note | None:
        if self.target_note is not None:
            try:
                return self.session.state.note(self.target_note)
            except KeyError:
                self.target_note = None
        passage = self.window.current_passage
        return None if passage is None else self.session.resolution.passage_note(passage)

    def _current_verdict(self) -> str | None:
        note = self._target_note()
        return None if note is None else note.verdict

    def refresh(self) -> None:
        """Panel, markers and verdict menu after any change of state or comparison."""
        comparison = self.window.comparison
        note = self._target_note()
        byline = ""
        if note is not None and note.author:
            byline = f"{note.author}, {note.modified.replace('T', ' ')[:16]}"
        if self.target_note is not None and note is not None:
            quote = note.anchors[0].quote
            article = self.session.state.articles[note.anchors[0].article].name
            description = f"Note on text of {article}: “{first_line(quote)}”"
            self.dock.show_target(
                description,
                self.session.state.verdicts,
                note.verdict,
                note.text,
                byline,
                range_note=True,
            )
        elif comparison is not None and self.window.current_passage is not None:
            description = describe_passage(comparison, self.window.current_passage)
            self.dock.show_target(
                description,
                self.session.state.verdicts,
                None if note is None else note.verdict,
                "" if note is None else note.text,
                byline,
            )
        else:
            self.dock.show_target(None, self.session.state.verdicts, None, "", "")
        self._show_markers()
        self._list_range_notes()

    def _list_range_notes(self) -> None:
        lines = []
        for resolved in self.session.resolution.notes:
            note = resolved.note
            if note.kind != RANGE:
                continue
            article = self.session.state.articles[note.anchors[0].article].name
            lost = " (its text is gone)" if resolved.lost else ""
            said = f": {first_line(note.text, 40)}" if note.text.strip() else ""
            quote = first_line(note.anchors[0].quote, 40)
            lines.append((note.id, f"{article} “{quote}”{said}{lost}"))
        self.dock.show_range_notes(lines)

    def show_range_note(self, note_id: int) -> None:
        """Make a note on text what the panel edits, and bring its words into view."""
        self.target_note = note_id
        self.refresh()
        resolved = next((r for r in self.session.resolution.notes if r.note.id == note_id), None)
        if resolved is None or not resolved.found:
            return
        where = resolved.found[0]
        for pane, doc in zip(self.window.row.panes, self.window.docs_of_panes, strict=False):
            if doc == where.doc:
                pane.view.reveal(where.start, where.end)

    def _show_markers(self) -> None:
        colour = QColor(NOTE_COLOUR[self.window.colours.dark])
        resolution = self.session.resolution
        for pane, doc in zip(self.window.row.panes, self.window.docs_of_panes, strict=False):
            ranges = [(where.start, where.end) for _, where in resolution.in_document(doc)]
            pane.set_notes(ranges, colour)

    def _extend_status(self) -> None:
        note = self._target_note()
        if note is None:
            return
        parts = []
        if note.verdict:
            parts.append(f"verdict: {note.verdict}")
        if note.text.strip():
            parts.append(f"note: {first_line(note.text)}")
        if parts:
            self.window.show_status(f"{self.window.status_text.text()} · {' · '.join(parts)}")

    # -- edits ---------------------------------------------------------------------------------
    def set_verdict(self, verdict: str | None) -> bool:
        """Set (or clear) the verdict of the current passage or range note."""
        comparison = self.window.comparison
        author, when = self.session.author, now()
        if self.target_note is not None:
            note_id = self.target_note
            done = self.session.apply(
                "Set verdict",
                lambda s: set_note_verdict(s, note_id, verdict, author=author, when=when),
            )
        elif comparison is not None and self.window.current_passage is not None:
            passage = self.window.current_passage
            done = self.session.apply(
                f"Verdict: {verdict or 'none'}",
                lambda s: set_passage_verdict(
                    s, comparison, passage, verdict, author=author, when=when
                ),
            )
        else:
            self.window.show_status("Pick a passage first: a verdict belongs to a passage.")
            return False
        if done:
            self.window.show_status(f"Verdict: {verdict or 'none'} (Ctrl+Z undoes it)")
        return done

    def verdict_by_number(self, number: int) -> None:
        verdicts = self.session.state.verdicts
        if number == 0:
            self.set_verdict(None)
        elif number <= len(verdicts):
            self.set_verdict(verdicts[number - 1])

    def save_note(self, text: str) -> bool:
        """Save the panel's note on the current passage or range note."""
        comparison = self.window.comparison
        author, when = self.session.author, now()
        if self.target_note is not None:
            note_id = self.target_note
            return self.session.apply(
                "Edit note", lambda s: set_note_text(s, note_id, text, author=author, when=when)
            )
        if comparison is None or self.window.current_passage is None:
            return False
        passage = self.window.current_passage
        return self.session.apply(
            "Edit note",
            lambda s: set_passage_text(s, comparison, passage, text, author=author, when=when),
        )

    def delete_current(self) -> bool:
        note = self._target_note()
        if note is None:
            return False
        self.target_note = None
        return self.session.apply("Delete note", lambda s: delete_note(s, note.id))

    def edit_verdicts(self) -> None:
        from viewer.qt.verdictedit import edit_verdicts

        if edit_verdicts(self.session, self.window):
            self.window.show_status("Verdict list changed (Ctrl+Z undoes it)")

    def ask_reviewer(self) -> None:
        name, ok = QInputDialog.getText(
            self.window, "Your name on notes", "Name:", text=self.session.author
        )
        if ok:
            self.set_reviewer(name)

    def set_reviewer(self, name: str) -> None:
        """The name put on the verdicts and notes made from now on (kept in the settings)."""
        self.window.settings.set_reviewer(name)
        self.session.author = self.window.settings.reviewer() or reviewer()
        self.window.show_status(f"Verdicts and notes are now signed {self.session.author}.")

    def edit_note(self) -> None:
        self._wanted = True
        self.dock.focus_note()

    def _leave_dock(self) -> None:
        pane = self.window.active_pane()
        if pane is not None:
            pane.view.setFocus()

    def note_on_selection(self) -> None:
        """Ask for a note on the text selected in the active pane."""
        pane = self.window.active_pane()
        cursor = pane.view.textCursor() if pane is not None else None
        if pane is None or cursor is None or not cursor.hasSelection():
            self.window.show_status("Select some text in an article first, then add a note.")
            return
        text, ok = QInputDialog.getMultiLineText(
            self.window, "Note on the selected text", "Note:", ""
        )
        if ok:
            start = pane.view.offsets.from_qt(cursor.selectionStart())
            end = pane.view.offsets.from_qt(cursor.selectionEnd())
            self.add_range_note(self.window.row.panes.index(pane), start, end, text)

    def add_range_note(self, pane_index: int, start: int, end: int, text: str) -> bool:
        """A note on ``[start, end)`` of the article in pane ``pane_index``."""
        comparison = self.window.comparison
        if comparison is None or not text.strip() or end <= start:
            return False
        doc = self.window.docs_of_panes[pane_index]
        author, when = self.session.author, now()
        done = self.session.apply(
            "Add note",
            lambda s: add_range_note(
                s, comparison, doc, start, end, text=text, author=author, when=when
            ),
        )
        if done:
            self.target_note = self.session.state.notes[-1].id
            self.refresh()
        return done

    def offset_clicked(self, doc: int, offset: int) -> None:
        """A click in a pane: a range note under it becomes what the panel edits."""
        for resolved, where in self.session.resolution.in_document(doc):
            if resolved.note.kind == RANGE and where.start <= offset < where.end:
                self.target_note = resolved.note.id
                self.refresh()
                return
