"""Opening, pasting, recent files and reloading changed files (Qt layer).

Every file that cannot be read gets a message naming it; the others stay open.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer.core.articles import Article, pasted_article, pasted_html_article, read_article
from viewer.core.compare import MAX_DOCUMENTS
from viewer.core.documents import Document
from viewer.core.errors import DocumentError
from viewer.core.fetch import is_url
from viewer.core.packaged import sample_paths, samples_folder
from viewer.core.sources import STDIN

if TYPE_CHECKING:
    from viewer.qt.mainwindow import MainWindow

FILTER = "Articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml *.docx *.pdf);;All files (*)"


READ_AT_ONCE = 512 * 1024  # bytes in all; more are read on a thread


def total_size(paths: list[str]) -> int:
    """Bytes in these files, as far as they can be seen (reading reports the rest)."""
    total = 0
    for path in paths:
        with contextlib.suppress(OSError, ValueError):
            total += os.stat(path).st_size
    return total


def read_documents(paths: list[str]) -> tuple[list[tuple[Document, Article]], list[str]]:
    """Each file that could be read, as the document to show and the article (source text)
    a session keeps; and a message for each file that could not."""
    read: list[tuple[Document, Article]] = []
    problems: list[str] = []
    for path in paths:
        try:
            article, document = read_article(path)
        except DocumentError as exc:
            problems.append(str(exc))
        else:
            read.append((document, article))
    return read, problems


class FileKeeper(QObject):
    """Loads files for the window, reports failures and watches for changes on disk."""

    _read_done = Signal(int, object)  # from the reading thread: token, what was read

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_changed)
        # A file that is deleted and re-created (as many editors save) drops out of the
        # watch; its folder's change brings it back.
        self.watcher.directoryChanged.connect(self._on_folder_changed)
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self._reload_pending)
        self.pasted = 0
        self._requests = 0  # open requests so far
        self._awaited = 0  # the request being read on the thread (0: none)
        self._read_done.connect(self._on_read)
        self.interactive = True  # false offscreen: errors go to the status bar and stderr

    def load(self, paths: list[str]) -> list[Document]:
        """Load what can be loaded; report the rest, and any warnings, naming each file."""
        return self._accept(*read_documents(paths))

    def _accept(self, read: list[tuple[Document, Article]], problems: list[str]) -> list[Document]:
        """Report what could not be read (and warnings); keep each article for the session;
        the documents to show."""
        documents = [document for document, _ in read]
        for document, article in read:
            self.window.session.remember(document, article)
        warnings = [warning for document in documents for warning in document.warnings]
        if problems:
            self.report("Some articles could not be opened", problems + warnings)
        elif warnings:
            self.report("Some articles were read with warnings", warnings)
        return documents

    def report(self, title: str, problems: list[str]) -> None:
        self.window.show_status(
            problems[0] if len(problems) == 1 else f"{title}: {len(problems)} files"
        )
        if self.interactive:
            box = QMessageBox(
                QMessageBox.Icon.Warning, title, "\n".join(problems), parent=self.window
            )
            box.setTextFormat(Qt.TextFormat.PlainText)  # file names are data, not markup
            box.open()
        else:
            import sys

            from viewer.core.terminal import escape_controls

            for problem in problems:
                print(f"viewer: {escape_controls(problem)}", file=sys.stderr)

    def open_paths(self, paths: list[str], add: bool = False) -> None:
        """Open these files (``add``: beside the articles already open).

        Up to ``READ_AT_ONCE`` bytes in all are read at once; more are read on a thread
        (decoding, Markdown) while the window goes on answering, and shown when read.
        """
        self._requests += 1
        self._awaited = 0  # a newer request wins over one still being read
        size = total_size(paths)
        fetching = any(path == STDIN or is_url(path) for path in paths)
        if size <= READ_AT_ONCE and not fetching:
            self._show_opened(self.load(paths), add)
            return
        token = self._awaited = self._requests
        urls = [path for path in paths if is_url(path)]
        self.window.show_status(
            f"Fetching {urls[0]}…"
            if len(urls) == 1 and len(paths) == 1
            else f"Reading {len(paths)} file{'s' if len(paths) != 1 else ''} ({size / 1e6:.1f} MB)…"
        )

        def read() -> None:
            try:
                read, problems = read_documents(paths)
            except Exception as exc:  # reported in the window: never a crash on a thread
                read, problems = [], [f"{', '.join(paths)}: {exc}"]
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._read_done.emit(token, (read, problems, add))

        threading.Thread(target=read, name="read-articles", daemon=True).start()

    def reading(self) -> bool:
        """Files are being read on the reading thread."""
        return self._awaited != 0

    def _on_read(
        self, token: int, found: tuple[list[tuple[Document, Article]], list[str], bool]
    ) -> None:
        if token != self._awaited:
            return  # files opened since replace these
        self._awaited = 0
        read, problems, add = found
        self._show_opened(self._accept(read, problems), add)

    def _show_opened(self, documents: list[Document], add: bool) -> None:
        if not documents:
            return
        if not add and not self.window.sessions.may_discard():
            return  # the unsaved review stays: the user chose Cancel (or saving failed)
        room = MAX_DOCUMENTS - (len(self.window.documents) if add else 0)
        if len(documents) > room:
            left_out = documents[max(0, room) :]
            documents = documents[: max(0, room)]
            self.report(
                f"Only {MAX_DOCUMENTS} articles fit side by side",
                [f"{d.path}: not opened (only {MAX_DOCUMENTS} articles fit)" for d in left_out],
            )
            names = ", ".join(d.name for d in left_out)
            # Said again with the result's status line, which would otherwise replace it.
            self.window.notice(
                f"Only {MAX_DOCUMENTS} articles fit side by side; not opened: {names}"
            )
            if not documents:
                return
        self.window.settings.add_recent([d.path for d in documents])
        if add:
            self.window.add_documents(documents)
        else:
            self.window.set_documents(documents)
        self.window.refresh_recent_menu()

    def open_dialog(self, add: bool = False) -> None:
        start = (
            str(Path(self.window.settings.recent()[0]).parent)
            if self.window.settings.recent()
            else ""
        )
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, "Add articles" if add else "Open articles", start, FILTER
        )
        if paths:
            self.open_paths(paths, add=add)

    def open_samples(self) -> None:
        folder = samples_folder()
        paths = sample_paths()
        if not paths:
            self.report("No sample articles", [f"{folder}: no sample articles found"])
            return
        self.open_paths(paths)

    def paste(self) -> None:
        """The clipboard's text becomes a new article: HTML (copied from a browser) through
        the web page extraction, a URL fetched, plain text as it is."""
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None else ""
        html = mime.html() if mime is not None and mime.hasHtml() else ""
        if not text.strip() and not html.strip():
            self.window.show_status("The clipboard holds no text to paste as an article.")
            return
        if not html and is_url(text):
            from viewer.qt.webinput import open_url

            open_url(self.window, text)
            return
        label = f"Pasted article {self.pasted + 1}"
        try:
            if html:
                article, document = pasted_html_article(html, text, label)
            else:
                article, document = pasted_article(text, label)
        except DocumentError as exc:
            self.report("The clipboard cannot be pasted as an article", [str(exc)])
            return
        self.pasted += 1
        if document.warnings:
            self.report("The pasted article was read with warnings", list(document.warnings))
        self.window.session.remember(document, article)
        self.window.add_documents([document])

    def watch(self, paths: list[str]) -> None:
        """Watch these files, and their folders so a re-created file is noticed."""
        current = set(self.watcher.files())
        wanted = {p for p in paths if os.path.isfile(p)}
        if current - wanted:
            self.watcher.removePaths(sorted(current - wanted))
        if wanted - current:
            self.watcher.addPaths(sorted(wanted - current))
        folders = set(self.watcher.directories())
        wanted_folders = {os.path.dirname(os.path.abspath(p)) for p in wanted}
        if folders - wanted_folders:
            self.watcher.removePaths(sorted(folders - wanted_folders))
        if wanted_folders - folders:
            self.watcher.addPaths(sorted(wanted_folders - folders))

    def _on_changed(self, path: str) -> None:
        self._pending.add(path)
        self._timer.start()

    def _on_folder_changed(self, folder: str) -> None:
        watched = set(self.watcher.files())
        for document in self.window.documents:
            path = document.path
            if (
                path not in watched
                and os.path.dirname(os.path.abspath(path)) == folder
                and os.path.isfile(path)
            ):
                self._on_changed(path)

    def reload_all(self) -> None:
        """Read every article that has a file again; compare again if any changed."""
        changed = []
        for old in list(self.window.documents):
            if not os.path.isfile(old.path):
                continue
            try:
                article, new = read_article(old.path)
            except DocumentError as exc:
                self.window.show_status(f"{exc}; showing the last version that could be read.")
                return
            self.window.session.remember(new, article)
            if new.text != old.text or new.title != old.title:
                self.window.replace_document(old, new)
                changed.append(new.name)
        self.watch([d.path for d in self.window.documents])
        if changed:
            self.window.notice("Reloaded " + ", ".join(changed))
        else:
            self.window.show_status("No article changed on disk.")

    def _reload_pending(self) -> None:
        pending, self._pending = self._pending, set()
        for path in sorted(pending):
            old = next((d for d in self.window.documents if d.path == path), None)
            if old is None:
                continue
            if not os.path.exists(path):
                self.window.show_status(
                    f"{path}: deleted or moved on disk; showing the last version."
                )
                continue
            try:
                article, new = read_article(path)
            except DocumentError as exc:
                self.window.show_status(f"{exc}; showing the last version that could be read.")
                continue
            self.window.session.remember(new, article)
            if path not in self.watcher.files():
                self.watcher.addPath(path)  # editors that replace the file drop the watch
            if new.text != old.text or new.title != old.title:
                self.window.replace_document(old, new)
                self.window.notice(f"Reloaded {new.name}: it changed on disk")
