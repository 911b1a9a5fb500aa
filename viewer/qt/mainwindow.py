"""The main window: panes, comparison runs, navigation, files (Qt layer).

Menus and shortcuts are built in ``viewer.qt.menus``; files in ``viewer.qt.files``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor, QDragEnterEvent, QDropEvent, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from viewer.core.coverage import passage_at
from viewer.core.documents import Document
from viewer.core.model import CompareOptions, Comparison
from viewer.core.navigation import describe_passage, step_change, step_passage
from viewer.qt.files import FileKeeper
from viewer.qt.findbar import FindBar, Finder
from viewer.qt.optionsbar import OptionsBar
from viewer.qt.palette import Colours, colours_for
from viewer.qt.pane import Pane
from viewer.qt.panes import PaneRow
from viewer.qt.settings import Settings
from viewer.qt.startpage import StartPage
from viewer.qt.syncscroll import SyncScroller
from viewer.qt.worker import Comparer

MAX_PANES = 8


class MainWindow(QMainWindow):
    """Shows 2–8 articles side by side with what they share."""

    def __init__(self, settings: Settings | None = None, theme: str | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Article comparison viewer")
        self.setAcceptDrops(True)
        self.settings = settings or Settings()
        self.theme = theme or self.settings.theme()
        self.colours: Colours = colours_for(self.theme)
        self.documents: list[Document] = []
        self.comparison: Comparison | None = None
        self.docs_of_panes: list[int] = []
        self.current_passage: int | None = None
        self.focus_pane: Pane | None = None
        self.zoom_steps = self.settings.zoom()
        self.base_font = QFont(QApplication.font())
        self.base_font.setPointSizeF(max(8.0, self.base_font.pointSizeF() * 1.1))

        self.comparer = Comparer(self)
        self.comparer.finished.connect(self._on_result)
        self.comparer.failed.connect(self._on_failed)
        self.comparer.cancelled.connect(self._on_cancelled)
        self.comparer.progress.connect(self._on_progress)
        self.sync = SyncScroller(self)
        self.sync.enabled = self.settings.sync_scrolling()
        self.files = FileKeeper(self)

        self.options_bar = OptionsBar(self)
        self.options_bar.set_options(self.settings.options())
        self.options_bar.optionsChanged.connect(self._on_options_changed)
        self.addToolBar(self.options_bar)
        self.row = PaneRow()
        self.row.passageClicked.connect(self.select_passage)
        self.row.offsetClicked.connect(self._on_offset_clicked)
        self.row.closeRequested.connect(self.close_pane)
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.finder = Finder(self.find_bar, self.row, self)
        workspace = QWidget()
        layout = QVBoxLayout(workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.row, 1)
        layout.addWidget(self.find_bar)
        self.start_page = StartPage()
        self.start_page.openRequested.connect(self.files.open_dialog)
        self.start_page.samplesRequested.connect(self.files.open_samples)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(workspace)
        self.setCentralWidget(self.stack)

        self.status_text = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop the comparison under way (Esc)")
        self.cancel_button.clicked.connect(self.comparer.cancel)
        self.cancel_button.hide()
        self.statusBar().addWidget(self.status_text, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(120)
        self._relayout_timer.timeout.connect(self._after_relayout)

        from viewer.qt.menus import build_menus

        self.actions_by_name = build_menus(self)
        self._restore_window()
        self._show_legend()
        self._update_pages()

    # -- documents and panes -----------------------------------------------------------------
    def set_documents(self, documents: list[Document]) -> None:
        """Show these articles (in this order) and compare them."""
        self.documents = list(documents)[:MAX_PANES]
        self.comparison = None
        self.current_passage = None
        self.row.set_documents(self.documents, self.view_font())
        self.sync.set_panes(self.row.panes, list(range(len(self.row.panes))))
        self.files.watch([d.path for d in self.documents])
        self._update_pages()
        if self.row.panes:
            self.row.panes[0].view.setFocus()
        self._show_legend()
        self.start_comparison()

    def add_documents(self, documents: list[Document]) -> None:
        room = MAX_PANES - len(self.documents)
        if len(documents) > room:
            self.show_status(
                f"Only {MAX_PANES} articles fit side by side; {len(documents) - room} not added."
            )
        self.set_documents(self.documents + documents[: max(0, room)])

    def close_pane(self, pane: Pane | None = None) -> None:
        pane = pane or self.active_pane()
        if pane is None:
            return
        self.set_documents([d for d in self.documents if d is not pane.document])

    def replace_document(self, old: Document, new: Document) -> None:
        """Swap in a reloaded article, keep its pane position, compare again."""
        self.documents = [new if d is old else d for d in self.documents]
        for pane in self.row.panes:
            if pane.document is old:
                pane.view.set_article(new, self.view_font())
                pane.set_header(None)
        self.comparison = None
        self.start_comparison()

    def move_pane(self, delta: int) -> None:
        pane = self.active_pane()
        if pane is None or not self.row.move(pane, delta):
            return
        self.documents = [p.document for p in self.row.panes]
        self._show_comparison()

    def active_pane(self) -> Pane | None:
        focus = QApplication.focusWidget()
        for pane in self.row.panes:
            if focus is not None and pane.isAncestorOf(focus):
                return pane
        if self.focus_pane in self.row.panes:
            return self.focus_pane
        return self.row.panes[0] if self.row.panes else None

    def view_font(self) -> QFont:
        font = QFont(self.base_font)
        font.setPointSizeF(max(6.0, self.base_font.pointSizeF() * (1.1**self.zoom_steps)))
        return font

    def _update_pages(self) -> None:
        self.stack.setCurrentIndex(1 if self.documents else 0)
        title = "Article comparison viewer"
        if self.documents:
            title = " ↔ ".join(d.name for d in self.documents[:4]) + f" — {title}"
        self.setWindowTitle(title)
        if not self.documents:
            self.show_status("Open two or more articles to compare them (Ctrl+O).")
        elif len(self.documents) == 1:
            self.show_status("Add another article to compare with (Ctrl+Shift+O, drop or paste).")

    # -- comparing ---------------------------------------------------------------------------
    def options(self) -> CompareOptions:
        return self.options_bar.options()

    def start_comparison(self) -> None:
        if len(self.documents) < 2:
            self.comparer.cancel()
            self._show_comparison()
            self._update_pages()
            return
        self.comparer.start(self.documents, self.options())
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.show_status(f"Comparing {len(self.documents)} articles…")

    def _on_options_changed(self, options: CompareOptions) -> None:
        self.settings.set_options(options)
        self.start_comparison()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _end_run(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def _on_result(self, comparison: Comparison) -> None:
        self._end_run()
        if [id(d) for d in comparison.documents] != [id(d) for d in self.documents]:
            return  # the articles changed while it ran; a newer run is on its way
        self.comparison = comparison
        self.current_passage = None
        self._show_comparison()
        count = len(comparison.passages)
        self.show_status(
            f"{count} shared passage{'s' if count != 1 else ''} · compared in "
            f"{comparison.elapsed:.2f} s · Alt+Down for the next passage"
        )

    def _on_failed(self, message: str) -> None:
        self._end_run()
        self.show_status(f"The comparison failed: {message}")

    def _on_cancelled(self) -> None:
        self._end_run()
        if self.comparison is not None:
            self.show_status("Comparison cancelled; the highlights are from the previous run.")
        else:
            self.show_status("Comparison cancelled; nothing is highlighted.")

    def _show_comparison(self) -> None:
        comparison = self.comparison
        if comparison is not None:
            index = {id(d): i for i, d in enumerate(comparison.documents)}
            self.docs_of_panes = [index[id(p.document)] for p in self.row.panes]
        else:
            self.docs_of_panes = list(range(len(self.row.panes)))
        self.row.show_comparison(comparison, self.docs_of_panes, self.colours)
        self.sync.set_panes(self.row.panes, self.docs_of_panes)
        self.sync.set_comparison(comparison, self.docs_of_panes)
        self._show_legend()
        self._show_outline()
        self.finder.refresh()

    def _show_legend(self) -> None:
        self.options_bar.legend.set_colours(self.colours, max(1, len(self.documents) - 1))

    # -- passages and changes ------------------------------------------------------------
    def select_passage(self, passage_id: int, leader: Pane | None = None) -> None:
        """Make a passage current: outline it and bring it into view in every pane."""
        comparison = self.comparison
        if comparison is None or not 0 <= passage_id < len(comparison.passages):
            return
        self.current_passage = passage_id
        self._show_outline()
        passage = comparison.passages[passage_id]

        def reveal() -> None:
            for pane, doc in zip(self.row.panes, self.docs_of_panes, strict=True):
                spans = passage.spans_in(doc)
                if spans and pane is not leader:
                    pane.view.reveal(spans[0].start, spans[0].end)

        self.sync.run_locked(reveal)
        self.show_status(describe_passage(comparison, passage_id))

    def _show_outline(self) -> None:
        comparison = self.comparison
        passage = None
        if comparison is not None and self.current_passage is not None:
            passage = comparison.passages[self.current_passage]
        outline = QColor(self.colours.outline)
        for pane, doc in zip(self.row.panes, self.docs_of_panes, strict=False):
            spans = passage.spans_in(doc) if passage else ()
            pane.view.set_outline([(s.start, s.end) for s in spans], outline)
        for linkmap in self.row.linkmaps:
            linkmap.set_current(self.current_passage)

    def step_passage(self, forward: bool) -> None:
        if self.comparison is None:
            return
        target = step_passage(self.comparison, self.current_passage, forward)
        if target is None:
            self.show_status("These articles share no passage.")
        else:
            self.select_passage(target)

    def step_change(self, forward: bool) -> None:
        comparison = self.comparison
        pane = self.active_pane()
        if comparison is None or pane is None:
            return
        doc = self.docs_of_panes[self.row.panes.index(pane)]
        view = pane.view
        here = view.offset_at(view.top() + view.viewport().height() / 3)
        found = step_change(comparison, doc, here, forward)
        if found is None:
            self.show_status(f"No changed words inside shared passages of {pane.document.name}.")
            return
        passage_id, (start, end) = found
        self.select_passage(passage_id, leader=pane)
        self.sync.run_locked(lambda: view.reveal(start, end))
        self.sync.follow(pane)
        text = pane.document.text[start:end]
        self.show_status(f"Changed: “{text[:60]}” · " + describe_passage(comparison, passage_id))

    def _on_offset_clicked(self, pane: Pane, offset: int) -> None:
        self.focus_pane = pane
        if self.comparison is None:
            return
        doc = self.docs_of_panes[self.row.panes.index(pane)]
        passage = passage_at(self.comparison, doc, offset)
        if passage is not None:
            self.select_passage(passage.id, leader=pane)

    # -- view ------------------------------------------------------------------------------
    def zoom(self, steps: int | None) -> None:
        """Zoom in (+1), out (-1) or back to normal (None)."""
        self.zoom_steps = 0 if steps is None else max(-6, min(12, self.zoom_steps + steps))
        self.settings.set_zoom(self.zoom_steps)
        font = self.view_font()
        for pane in self.row.panes:
            pane.view.rebuild(font)
        self._show_comparison()
        self._relayout_timer.start()

    def set_theme(self, theme: str) -> None:
        from viewer.qt.app import apply_theme

        self.theme = theme
        self.settings.set_theme(theme)
        apply_theme(theme)
        self.colours = colours_for(theme)
        self._show_comparison()

    def set_sync(self, on: bool) -> None:
        self.sync.enabled = on
        self.settings.set_sync_scrolling(on)
        self.show_status("Synchronised scrolling " + ("on" if on else "off") + " (Ctrl+L)")

    def show_status(self, text: str) -> None:
        self.status_text.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout_timer.start()

    def _after_relayout(self) -> None:
        self.sync.invalidate()
        for pane in self.row.panes:
            pane.overview.relayout()
        for linkmap in self.row.linkmaps:
            linkmap.relayout()

    # -- window state, drops, closing ---------------------------------------------------------
    def _restore_window(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1500, 950)
        state = self.settings.state()
        if state is not None:
            self.restoreState(state)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.open_paths(paths, add=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_window(self.saveGeometry(), self.saveState())
        self.comparer.shutdown()
        super().closeEvent(event)

    def keyPressEvent(self, event):  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape and self.comparer.running:
            self.comparer.cancel()
            return
        super().keyPressEvent(event)
