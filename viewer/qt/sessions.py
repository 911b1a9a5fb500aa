"""Session files in the window: Save (Ctrl+S), Save As (Ctrl+Shift+S), Open Session
(Ctrl+Alt+O), recent sessions, closing with unsaved work, and restoring autosaved work
after a crash (Qt layer).

The file format and its checks are ``viewer.core.sessionfile``; autosave timing is
``viewer.qt.autosaver``. Every message about an opened session (a moved, changed or
missing article file) is shown to the user, naming the file.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from viewer.core.articles import article_document
from viewer.core.autosave import Orphan
from viewer.core.errors import SessionError
from viewer.core.review import ReviewState, replace_article, set_pane_order
from viewer.core.sessionfile import ArticleCheck, OpenedSession, open_session, save_session
from viewer.core.sessionjson import SUFFIX
from viewer.core.terminal import escape_controls
from viewer.qt.actions import add_action
from viewer.qt.autosaver import Autosaver
from viewer.qt.plaintext import menu_text, tooltip

if TYPE_CHECKING:
    from viewer.qt.mainwindow import MainWindow

FILTER = f"Review sessions (*{SUFFIX});;All files (*)"
Button = QMessageBox.StandardButton


def pane_order(paths: list[str], panes: list[str]) -> tuple[int, ...] | None:
    """Article indexes (articles at ``paths``) for panes showing ``panes`` left to right;
    None when they are not the same articles."""
    free: dict[str, list[int]] = {}
    for index, path in reversed(list(enumerate(paths))):
        free.setdefault(path, []).append(index)
    order = [free[p].pop() if free.get(p) else -1 for p in panes]
    return tuple(order) if sorted(order) == list(range(len(paths))) else None


class SessionFiles(QObject):
    """Saves and opens the window's review session; autosaves it; asks before losing it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.actions: dict[str, QAction] = {}
        self.recent_menu: QMenu | None = None
        self._select_on_result = False
        self._told = ""  # what opening a session found, repeated when its result comes
        self.autosave = Autosaver(window.settings.autosave_folder, self._unsaved_work, self)
        self.autosave.failed.connect(window.show_status)
        self.session.changed.connect(self._on_changed)
        self.session.dirtyChanged.connect(self._on_dirty)
        window.comparer.finished.connect(self._after_result)

    # -- menus -------------------------------------------------------------------------------
    def add_actions(self, menu: QMenu) -> dict[str, QAction]:
        """File menu entries (after the article entries)."""
        for name, text, slot, keys in (
            ("open_session", "Open &session…", self.open_dialog, "Ctrl+Alt+O"),
            ("save_session", "&Save session", self.save, "Ctrl+S"),
            ("save_session_as", "Save session &as…", self.save_as, "Ctrl+Shift+S"),
        ):
            add_action(self.window, self.actions, menu, name, text, slot, keys)
        self.recent_menu = menu.addMenu("Open recent s&ession")
        self.fill_recent()
        return self.actions

    def fill_recent(self) -> None:
        from viewer.qt.menus import distinct_labels

        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        recent = self.window.settings.recent_sessions()
        for path, label in zip(recent, distinct_labels(recent), strict=True):
            action = menu.addAction(menu_text(label))
            action.setData(path)
            action.setToolTip(tooltip(path))
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open(p))
        menu.setToolTipsVisible(True)
        if recent:
            menu.addSeparator()
            clear = menu.addAction("Clear the list")
            clear.triggered.connect(
                lambda: (self.window.settings.clear_recent_sessions(), self.fill_recent())
            )
        menu.setEnabled(bool(recent))

    # -- the state to save -----------------------------------------------------------------------
    def current_state(self) -> ReviewState:
        """The session as the window shows it: articles as shown, pane order, options and
        the current passage."""
        window, session = self.window, self.session
        session.remember_current(window.current_passage)
        state = replace(session.state, options=window.options())
        for index, article in enumerate(state.articles):
            shown = next((d for d in window.documents if d.path == article.path), None)
            if shown is not None:
                newer = session.article_of(shown)  # reloaded from disk since: save what shows
                if newer.sha256 != article.sha256 and newer.path == article.path:
                    state = replace_article(state, index, newer)
        order = pane_order(
            [a.path for a in state.articles], [p.document.path for p in window.row.panes]
        )
        return state if order is None else set_pane_order(state, order)

    def _unsaved_work(self) -> tuple[ReviewState, str | None] | None:
        if not self.session.dirty() or not self.session.state.articles:
            return None
        return self.current_state(), self.session.path

    def _on_changed(self) -> None:
        if self.session.dirty():
            self.autosave.changed()

    def _on_dirty(self, dirty: bool) -> None:
        if dirty:
            self.autosave.changed()
        else:
            self.autosave.discard()

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the session's file (ask for one the first time)."""
        if self.session.path is None:
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self, path: str | None = None) -> bool:
        if not self.window.documents:
            self.window.show_status("Open articles first: a session saves their review.")
            return False
        if path is None:
            start = self.session.path or str(Path.home() / f"review{SUFFIX}")
            path, _ = QFileDialog.getSaveFileName(self.window, "Save session", start, FILTER)
            if not path:
                return False
            if not path.lower().endswith(SUFFIX):
                path += SUFFIX
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        try:
            save_session(self.current_state(), path)
        except SessionError as exc:
            self.report("The session was not saved", [str(exc)])
            return False
        full = str(Path(path).resolve())
        self.session.mark_saved(full)
        self.autosave.discard()
        self.window.settings.add_recent_session(full)
        self.fill_recent()
        self.window._update_title()
        self.window.show_status(f"Saved the session to {full}")
        return True

    # -- opening -----------------------------------------------------------------------------
    def open_dialog(self) -> None:
        recent = self.window.settings.recent_sessions()
        start = str(Path(recent[0]).parent) if recent else ""
        path, _ = QFileDialog.getOpenFileName(self.window, "Open session", start, FILTER)
        if path:
            self.open(path)

    def open(self, path: str) -> bool:
        """Open a session file in place of the articles shown; a damaged file changes
        nothing and says why."""
        if not self.may_discard():
            return False
        try:
            opened = open_session(path)
        except SessionError as exc:
            self.report("The session could not be opened", [str(exc)])
            return False
        self.show_opened(opened, saved_path=opened.path)
        self.window.settings.add_recent_session(opened.path)
        self.fill_recent()
        return True

    def show_opened(
        self, opened: OpenedSession, saved_path: str | None, unsaved: bool = False
    ) -> None:
        """Show an opened session: its articles, pane order, options; its current passage
        once compared. ``saved_path``: its session file; ``unsaved``: restored work."""
        state, documents = opened.state, list(opened.documents)
        changed = [c for c in opened.checks if c.disk is not None]
        for index in self.choose_disk_versions(state, changed):
            disk = opened.checks[index].disk
            assert disk is not None
            state = replace_article(state, index, disk)
            documents[index] = article_document(disk)
        if opened.messages:
            self.report("Some articles of the session are not where they were", opened.messages)
        window = self.window
        window.options_bar.set_options(state.options)
        self.session.replace_state(state, documents)
        self._select_on_result = True
        window.set_documents(documents, arrange=False)
        if len(window.row.panes) == len(documents):
            window.arrange_panes([documents[i] for i in state.pane_order])
        if opened.messages:  # said again after the comparison's status line
            self._told = " · ".join(opened.messages)
            window.show_status(self._told)
        self.session.mark_saved(saved_path)
        if unsaved:
            self.session.mark_unsaved()
        window._update_title()

    def choose_disk_versions(self, state: ReviewState, changed: list[ArticleCheck]) -> list[int]:
        """Articles whose changed file should replace the saved copy (asked per article;
        offscreen: none, the saved copy is what the notes were made on)."""
        if not self.window.files.interactive:
            return []
        chosen = []
        for check in changed:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                "An article changed on disk",
                f"{state.articles[check.index].path}\n\nThis file changed since the session "
                "was saved. Notes on text that is gone from it will be listed as lost.",
                parent=self.window,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            disk = box.addButton("Use the version on disk", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Keep the saved copy", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is disk:
                chosen.append(check.index)
        return chosen

    def _after_result(self) -> None:
        """The first comparison of an opened session: its current passage, lost notes."""
        window = self.window
        if window.comparison is None:
            return
        lost = self.session.resolution.lost
        if self._select_on_result:
            self._select_on_result = False
            passage = self.session.current_passage()
            if passage is not None:
                window.select_passage(passage)
        if self._told:
            window.show_status(f"{self._told} · {window.status_text.text()}")
            self._told = ""
        if lost:
            quotes = ", ".join(f"“{r.note.anchors[0].quote[:40]}”" for r in lost[:3])
            more = "…" if len(lost) > 3 else ""
            count = len(lost)
            window.show_status(
                f"{count} note{'s' if count != 1 else ''} lost {'their' if count != 1 else 'its'}"
                f" text (kept in the session): {quotes}{more} · {window.status_text.text()}"
            )

    # -- messages and questions ------------------------------------------------------------
    def report(self, title: str, lines: list[str] | tuple[str, ...]) -> None:
        """A message box when interactive; else the status line and stderr."""
        window = self.window
        window.show_status(lines[0] if len(lines) == 1 else f"{title}: {'; '.join(lines)}")
        if window.files.interactive:
            box = QMessageBox(QMessageBox.Icon.Warning, title, "\n".join(lines), parent=window)
            box.setTextFormat(Qt.TextFormat.PlainText)  # file names are data
            box.exec()
        else:
            for line in lines:
                print(f"viewer: {escape_controls(line)}", file=sys.stderr)

    def ask_unsaved(self) -> Button:
        """Save, Discard or Cancel: the review has unsaved changes."""
        name = Path(self.session.path).name if self.session.path else "This review"
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Unsaved review",
            f"{name} has unsaved verdicts or notes. Save them?",
            Button.Save | Button.Discard | Button.Cancel,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(Button.Save)
        return Button(box.exec())

    def may_discard(self) -> bool:
        """True when the current work may go (saved, discarded, or nothing unsaved)."""
        if not self.session.dirty() or not self.window.files.interactive:
            return True
        answer = self.ask_unsaved()
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    def closing(self) -> bool:
        """The window is asked to close: false keeps it open. A clean close leaves no
        autosave behind."""
        if not self.may_discard():
            return False
        self.autosave.close()
        return True

    # -- recovery ------------------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """At start: offer to restore work left by a window that died (interactive only)."""
        if not self.window.files.interactive:
            return False
        for orphan in self.autosave.orphans():
            answer = self.ask_restore(orphan)
            if answer == Button.Yes:
                return self.restore(orphan)
            if answer == Button.Discard:
                self.autosave.throw_away(orphan)
        return False

    def ask_restore(self, orphan: Orphan) -> Button:
        when = datetime.fromtimestamp(orphan.saved).strftime("%Y-%m-%d %H:%M")
        what = orphan.session or "an unsaved review"
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Restore unsaved work?",
            f"A viewer window that ended without closing left unsaved work on {what}, "
            f"autosaved at {when}. Restore it?",
            Button.Yes | Button.Discard | Button.Ignore,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(Button.Discard).setText("Throw it away")
        box.button(Button.Ignore).setText("Not now")
        return Button(box.exec())

    def restore(self, orphan: Orphan) -> bool:
        """Show an orphan's work as unsaved work of this window; autosave into its slot."""
        try:
            opened = open_session(orphan.path)
        except SessionError as exc:
            self.report("The autosaved work could not be restored", [str(exc)])
            return False
        if not self.autosave.take_over(orphan):
            self.window.show_status("Another window restored that work already.")
            return False
        self.show_opened(opened, saved_path=orphan.session, unsaved=True)
        self.autosave.changed()
        names = ", ".join(a.name for a in opened.state.articles)
        self.window.notice(f"Restored unsaved work on {names}")
        return True
