"""The main window: panes, comparison runs, navigation, files (Qt layer).

Menus and shortcuts are built in ``viewer.qt.menus``; files in ``viewer.qt.files``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from viewer.core.chain import anchors
from viewer.core.compare import MAX_DOCUMENTS
from viewer.core.coverage import passage_at
from viewer.core.documents import Document
from viewer.core.model import CompareOptions, Comparison
from viewer.core.navigation import (
    Change,
    changes_in,
    describe_passage,
    enter_changes,
    step,
    step_passage,
)
from viewer.core.relations import related_order
from viewer.qt.application import app_icon, apply_theme
from viewer.qt.docks import ReviewDocks
from viewer.qt.files import FileKeeper
from viewer.qt.findbar import FindBar, Finder
from viewer.qt.hub import Announced, ReviewHub
from viewer.qt.later import later
from viewer.qt.optionsbar import OptionsBar
from viewer.qt.palette import DARK, LIGHT, Colours
from viewer.qt.pane import Pane
from viewer.qt.panes import PaneRow
from viewer.qt.plaintext import window_title
from viewer.qt.reviewing import Reviewing
from viewer.qt.session import Session
from viewer.qt.sessions import SessionFiles
from viewer.qt.settings import Settings
from viewer.qt.startpage import StartPage
from viewer.qt.syncscroll import SyncScroller
from viewer.qt.worker import Comparer

BIG_ARTICLE = 60_000  # characters: above this, work after a result is spread over turns
MAX_PANES = MAX_DOCUMENTS  # the CLI's and the engine's limit


class MainWindow(QMainWindow):
    """Shows 2–12 articles side by side with what they share."""

    # Announced to the review panels through ``self.hub`` on every assignment.
    comparison = Announced[Comparison | None]("set_comparison")
    current_passage = Announced[int | None]("set_current_passage")
    colours = Announced[Colours]("set_colours")

    def __init__(self, settings: Settings | None = None, theme: str | None = None) -> None:
        super().__init__()
        self.hub = ReviewHub(self)
        self.setWindowTitle("Article comparison viewer")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.settings = settings or Settings()
        self.theme = theme or self.settings.theme()
        self.colours = DARK if apply_theme(self.theme) else LIGHT
        self.documents: list[Document] = []
        self.comparison = None
        self.docs_of_panes: list[int] = []
        self.current_passage = None
        self.file_order: list[Document] = []
        self._notice = ""  # repeated with the next result's status line
        self._zoom_anchors: dict[int, tuple[int, int]] = {}  # view → (offset, top) after zoom
        self._arrange_on_result = False
        self.current_change: tuple[int, int] | None = None  # (document, index in its changes)
        self._changes: dict[int, list[Change]] = {}
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
        self.session = Session(self)
        self.files = FileKeeper(self)

        self.options_bar = OptionsBar(self)
        self.options_bar.set_options(self.settings.options())
        self.options_bar.optionsChanged.connect(self._on_options_changed)
        self.addToolBar(self.options_bar)
        self.row = PaneRow()
        self.row.passageClicked.connect(self.select_passage)
        self.row.offsetClicked.connect(self._on_offset_clicked)
        self.row.closeRequested.connect(self.close_pane)
        self.row.panesReordered.connect(self._after_reorder)
        self.sync.ahead = self.row.draw_ahead
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.finder = Finder(self.find_bar, self.row, self)
        workspace = QWidget()
        layout = QVBoxLayout(workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # Panes keep a readable width; with many of them the row scrolls sideways.
        self.row_scroller = QScrollArea()
        self.row_scroller.setWidget(self.row)
        self.row_scroller.setWidgetResizable(True)
        self.row_scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.row_scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # It never takes the focus: a click on a pane's overview strip (a scroll bar) would
        # hand it the focus, away from the text the user was reading.
        self.row_scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.row_scroller, 1)
        layout.addWidget(self.find_bar)
        self.start_page = StartPage()
        self.start_page.openRequested.connect(self.files.open_dialog)
        self.start_page.samplesRequested.connect(self.files.open_samples)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(workspace)
        self.setCentralWidget(self.stack)

        self.status_text = QLabel()
        self.status_text.setTextFormat(Qt.TextFormat.PlainText)  # it quotes article text
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
        # New panes and sending the articles to the comparison process each take tens of
        # milliseconds for 1 MB articles: in separate turns, so neither stalls the other.
        self._compare_timer = QTimer(self)
        self._compare_timer.setSingleShot(True)
        self._compare_timer.setInterval(0)
        self._compare_timer.timeout.connect(self.start_comparison)

        self.docks = ReviewDocks(self, self)
        self.sessions = SessionFiles(self)  # session files, autosave, recovery
        from viewer.qt.menus import build_menus

        self.actions_by_name = build_menus(self)
        self.reviewing = Reviewing(self)
        self.reviewing.build_menus()
        self.actions_by_name.update(self.reviewing.actions)
        from viewer.qt.shortcuts import add_status_tips

        add_status_tips(self)
        self.session.dirtyChanged.connect(lambda _dirty: self._update_title())
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._on_colour_scheme_changed)
        self._restore_window()
        self._show_legend()
        self._update_pages()

    # -- documents and panes -----------------------------------------------------------------
    def set_documents(self, documents: list[Document], arrange: bool = True) -> None:
        """Show these articles (in this order) and compare them.

        With ``arrange`` the panes are put in related order when the result comes (if the
        setting asks for it); the order given stays the file order to return to.
        """
        if len(documents) > MAX_PANES:
            self._say_left_out(documents[MAX_PANES:])
        self.documents = list(documents)[:MAX_PANES]
        kept = [d for d in self.file_order if any(d is x for x in self.documents)]
        self.file_order = kept + [d for d in self.documents if not any(d is k for k in kept)]
        self._arrange_on_result = arrange
        self.comparison = None
        self.current_passage = None
        self.current_change = None
        self._changes = {}
        self.row.set_documents(self.documents, self.view_font())
        self.sync.set_panes(self.row.panes, list(range(len(self.row.panes))))
        self.files.watch([d.path for d in self.documents])
        self._update_pages()
        if self.row.panes:
            self.row.panes[0].view.setFocus()
        self._mark_active()
        self._show_legend()
        for line in self.session.set_documents(self.documents, self.options()):
            self.notice(line)
        if len(self.documents) >= 2:
            self.show_status(f"Comparing {len(self.documents)} articles…")
            self._compare_timer.start()
        else:
            self.start_comparison()

    def add_documents(self, documents: list[Document]) -> None:
        room = max(0, MAX_PANES - len(self.documents))
        self.set_documents(self.documents + documents[:room])
        if len(documents) > room:
            self._say_left_out(documents[room:])

    def _say_left_out(self, documents: list[Document]) -> None:
        names = ", ".join(d.name for d in documents)
        self._notice = f"Only {MAX_PANES} articles fit side by side; not added: {names}"
        self.files.report("Some articles were not added", [self._notice])

    def close_pane(self, pane: Pane | None = None) -> None:
        pane = pane or self.active_pane()
        if pane is None:
            return
        self.set_documents([d for d in self.documents if d is not pane.document], arrange=False)

    def replace_document(self, old: Document, new: Document) -> None:
        """Swap in a reloaded article, keep its pane position, compare again."""
        self.documents = [new if d is old else d for d in self.documents]
        self.file_order = [new if d is old else d for d in self.file_order]
        for pane in self.row.panes:
            if pane.document is old:
                pane.view.set_article(new, self.view_font())
                pane.set_header(None)
        self.comparison = None
        self.current_change = None
        self._changes = {}
        self.start_comparison()

    def move_pane(self, delta: int) -> None:
        pane = self.active_pane()
        if pane is None or not self.row.move(pane, delta):
            return
        self._after_reorder()

    def _after_reorder(self) -> None:
        """The panes moved (keys, drag, order setting): documents follow, bands redrawn."""
        self.documents = [p.document for p in self.row.panes]
        self._show_comparison()
        self._mark_active()

    def arrange_panes(self, documents: list[Document]) -> None:
        """Put the panes in this order (the same articles)."""
        self._reorder(documents)
        self._after_reorder()

    def _reorder(self, documents: list[Document]) -> None:
        by_id = {id(p.document): p for p in self.row.panes}
        self.row.reorder([by_id[id(d)] for d in documents])
        self.documents = [p.document for p in self.row.panes]

    def set_order_by_relation(self, on: bool) -> None:
        self.settings.set_order_by_relation(on)
        if on:
            self._arrange_by_relation()
        elif self.documents:
            self.arrange_panes(self.file_order)
        self.show_status(
            "Related articles side by side" if on else "Articles in the order they were opened"
        )

    def _arrange_by_relation(self) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        order = related_order(comparison)
        self.arrange_panes([comparison.documents[i] for i in order])

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for pane in self.row.panes:
            if new is not None and pane.isAncestorOf(new):
                self.focus_pane = pane
        self._mark_active()

    def _mark_active(self) -> None:
        """Highlight the header of the pane that keys act on."""
        active = self.active_pane()
        for pane in self.row.panes:
            pane.header.set_active(pane is active and len(self.row.panes) > 1)

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

    def _update_title(self) -> None:
        title = "Article comparison viewer"
        if self.documents:
            title = " ↔ ".join(d.name for d in self.documents[:4]) + f" — {title}"
        if self.session.path:
            title = f"{Path(self.session.path).name} — {title}"
        if self.session.dirty():
            title = "*" + title  # unsaved review work
        self.setWindowTitle(window_title(title))

    def _update_pages(self) -> None:
        self.stack.setCurrentIndex(1 if self.documents else 0)
        self._update_title()
        self.reviewing.show_panel(bool(self.documents))
        if not self.documents:
            self.show_status("Open two or more articles to compare them (Ctrl+O).")
        elif len(self.documents) == 1:
            self.show_status("Add another article to compare with (Ctrl+Shift+O, drop or paste).")

    # -- comparing ---------------------------------------------------------------------------
    def options(self) -> CompareOptions:
        return self.options_bar.options()

    def start_comparison(self) -> None:
        self._compare_timer.stop()
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
        self.session.set_options(options)
        self.start_comparison()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _end_run(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def _on_result(self, comparison: Comparison) -> None:
        self._end_run()
        if sorted(id(d) for d in comparison.documents) != sorted(id(d) for d in self.documents):
            return  # the articles changed while it ran; a newer run is on its way
        self.comparison = comparison
        self.current_passage = None
        self.current_change = None
        self._changes = {}
        if self._arrange_on_result and self.settings.order_by_relation():
            self._reorder([comparison.documents[i] for i in related_order(comparison)])
        self._arrange_on_result = False
        self._show_comparison()
        count = len(comparison.passages)
        self.show_status(
            f"{count} shared passage{'s' if count != 1 else ''} · compared in "
            f"{comparison.elapsed:.2f} s" + (" · Alt+Down for the next passage" if count else "")
        )
        if self._notice:  # say it again: the run's own messages replaced it
            self.show_status(f"{self._notice} · {self.status_text.text()}")
            self._notice = ""

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
        self._realign()
        self._show_legend()
        self._show_outline()
        self._show_change_mark()
        self.finder.refresh()
        self.session.set_comparison(comparison)

    def _realign(self) -> None:
        """Realign the panes to the active one; with big articles, build each pane's scroll
        map in its own turn of the event loop first (each takes tens of milliseconds)."""
        panes = self.row.panes
        leader = self.active_pane()
        if leader is None or all(len(p.document.text) <= BIG_ARTICLE for p in panes):
            self.sync.realign(leader)
            return
        lead = panes.index(leader)
        for index in range(len(panes)):
            if index != lead:
                later((id(self), "map", index), lambda i=index: self._build_map(lead, i))
        later((id(self), "realign"), lambda: self.sync.realign(leader))

    def _build_map(self, leader: int, follower: int) -> None:
        if max(leader, follower) < len(self.row.panes):  # panes may have closed meanwhile
            self.sync.map_between(leader, follower)

    def _show_legend(self) -> None:
        self.options_bar.legend.set_colours(self.colours, max(1, len(self.documents) - 1))

    # -- passages and changes ------------------------------------------------------------
    def select_passage(
        self, passage_id: int, leader: Pane | None = None, at: int | None = None
    ) -> None:
        """Make a passage current: outline it and bring it into view in every pane.

        ``leader`` (the pane it was chosen in) stays put; the other copies stand level with
        its offset ``at`` (default: the passage's start there).
        """
        comparison = self.comparison
        if comparison is None or not 0 <= passage_id < len(comparison.passages):
            return
        self.current_passage = passage_id
        self._show_outline()
        passage = comparison.passages[passage_id]

        carriers = [
            (pane, spans[0])
            for pane, doc in zip(self.row.panes, self.docs_of_panes, strict=True)
            if (spans := passage.spans_in(doc))
        ]
        if carriers:
            # One pane shows the passage a third of the way down (the one it was chosen
            # in stays put); every other copy stands level with it.
            first = next((c for c in carriers if c[0] is leader), carriers[0])
            if first[0] is not leader:
                self.sync.run_locked(lambda: first[0].view.reveal(first[1].start, first[1].end))
            offset = at if at is not None and first[0] is leader else first[1].start
            self.level_counterparts(first[0], offset, passage_id)
        self.show_status(describe_passage(comparison, passage_id))
        self.reviewing.passage_changed()

    def level_counterparts(self, pane: Pane, offset: int, passage_id: int) -> None:
        """Bring every other copy of a passage level with ``offset`` of it in ``pane``."""
        comparison = self.comparison
        if comparison is None:
            return
        passage = comparison.passages[passage_id]
        doc = self.docs_of_panes[self.row.panes.index(pane)]
        mine = next((s for s in passage.spans_in(doc) if s.start <= offset <= s.end), None)
        if mine is None:
            return
        others = []
        for other, other_doc in zip(self.row.panes, self.docs_of_panes, strict=True):
            spans = passage.spans_in(other_doc)
            if other is pane or not spans:
                continue
            points = anchors(
                pane.document.text,
                (mine.start, mine.end),
                other.document.text,
                (spans[0].start, spans[0].end),
            )
            at = max((p for p in points if p[0] <= offset), default=points[0])
            others.append((other, at[1]))
        self.sync.level(pane, offset, others)

    def _show_outline(self) -> None:
        comparison = self.comparison
        passage = None
        if comparison is not None and self.current_passage is not None:
            passage = comparison.passages[self.current_passage]
        outline = QColor(self.colours.outline)
        for pane, doc in zip(self.row.panes, self.docs_of_panes, strict=False):
            spans = passage.spans_in(doc) if passage else ()
            pane.view.overlays.set_outline([(s.start, s.end) for s in spans], outline)
        for linkmap in self.row.linkmaps:
            linkmap.set_current(self.current_passage)

    def step_passage(self, forward: bool) -> None:
        if self.comparison is None:
            return
        stop = step_passage(self.comparison, self.current_passage, forward)
        if stop is None:
            self.show_status("These articles share no passage.")
            return
        self.select_passage(stop.index)
        if stop.wrapped:
            end = "first" if forward else "last"
            self.show_status(f"Wrapped to the {end} passage · " + self.status_text.text())

    def changes_of(self, doc: int) -> list[Change]:
        """The changed ranges of document ``doc`` in text order (kept per comparison)."""
        if self.comparison is None:
            return []
        if doc not in self._changes:
            self._changes[doc] = changes_in(self.comparison, doc)
        return self._changes[doc]

    def step_change(self, forward: bool) -> None:
        """Go to the next (previous) change of the active pane: one stop per press."""
        comparison = self.comparison
        pane = self.active_pane()
        if comparison is None or pane is None:
            return
        doc = self.docs_of_panes[self.row.panes.index(pane)]
        changes = self.changes_of(doc)
        view = pane.view
        if self.current_change is not None and self.current_change[0] == doc:
            stop = step(len(changes), self.current_change[1], forward)
        else:
            stop = enter_changes(changes, view.offset_at(view.top() + 1), forward)
        if stop is None:
            self.show_status(f"No changed words inside shared passages of {pane.document.name}.")
            return
        self.current_change = (doc, stop.index)
        change = changes[stop.index]
        self.row_scroller.ensureWidgetVisible(pane, 0, 0)
        self._show_change_mark()
        self.sync.run_locked(lambda: view.reveal(change.start, change.end))
        self.sync.follow(pane)  # panes without the passage follow as usual …
        self.select_passage(change.passage, leader=pane, at=change.start)  # … copies level
        text = " ".join(pane.document.text[change.start : change.end].split())
        if len(text) > 60:
            text = text[:59] + "…"
        prefix = ""
        if stop.wrapped:
            prefix = f"Wrapped to the {'first' if forward else 'last'} change · "
        self.show_status(
            f"{prefix}Change {stop.index + 1} of {len(changes)}: “{text}” · "
            + describe_passage(comparison, change.passage)
        )

    def _show_change_mark(self) -> None:
        """Frame the current change in its pane; no frame elsewhere."""
        for pane, doc in zip(self.row.panes, self.docs_of_panes, strict=False):
            mark = None
            if self.current_change is not None and self.current_change[0] == doc:
                changes = self.changes_of(doc)
                if self.current_change[1] < len(changes):
                    change = changes[self.current_change[1]]
                    mark = (change.start, change.end)
            pane.view.overlays.set_current_change(mark)

    def _on_offset_clicked(self, pane: Pane, offset: int) -> None:
        self.focus_pane = pane
        self._mark_active()
        self.current_change = None  # the next change is found from where the user reads
        self._show_change_mark()
        if self.comparison is None:
            return
        doc = self.docs_of_panes[self.row.panes.index(pane)]
        passage = passage_at(self.comparison, doc, offset)
        if passage is not None:
            self.select_passage(passage.id, leader=pane)
        self.reviewing.offset_clicked(doc, offset)

    # -- view ------------------------------------------------------------------------------
    def zoom(self, steps: int | None) -> None:
        """Zoom in (+1), out (-1) or back to normal (None)."""
        self.zoom_steps = 0 if steps is None else max(-6, min(12, self.zoom_steps + steps))
        self.settings.set_zoom(self.zoom_steps)
        self._rebuild_panes(self.view_font())
        self._relayout_timer.start()

    def _rebuild_panes(self, font: QFont | None = None) -> None:
        """Rebuild every pane's text (a new font, or the theme's colours) and show the
        comparison again, keeping the line at the top of each pane at the top."""
        # Remember each top line's offset, rebuild, scroll that line back to the top.
        # Rebuilding again without scrolling keeps the first anchor, so reflowed lines
        # never make the position creep backwards.
        # A pane standing in blank room above its text (to stay level with another) keeps
        # that room: rebuilding drops it, and the copies stood 268 px apart after a theme
        # change.
        reading = []
        above = [min(0, pane.view.top()) for pane in self.row.panes]
        for pane in self.row.panes:
            view = pane.view
            anchor, top = self._zoom_anchors.get(id(view), (-1, -1))
            reading.append(anchor if top == view.top() else view.offset_at(view.top() + 1))
        for pane in self.row.panes:
            pane.view.rebuild(font)
        self._show_comparison()

        def restore() -> None:
            for pane, offset, room in zip(self.row.panes, reading, above, strict=True):
                if room < 0:
                    pane.view.reach(room)
                    pane.view.scroll_to_y(room)
                elif pane.view.top() > 0 or offset > 0:
                    pane.view.scroll_to_y(pane.view.y_of(offset))
                self._zoom_anchors[id(pane.view)] = (offset, pane.view.top())

        self.sync.run_locked(restore)

    def set_theme(self, theme: str) -> None:
        """``light``, ``dark`` or ``system`` (follows the desktop, also when it changes)."""
        self.theme = theme
        self.settings.set_theme(theme)
        self._use_theme()

    def _use_theme(self, scheme: Qt.ColorScheme | None = None) -> None:
        self.colours = DARK if apply_theme(self.theme, scheme) else LIGHT
        self._rebuild_panes()  # link and quote colours come from the palette when built

    def _on_colour_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self.theme == "system":
            self._use_theme(scheme)

    def set_sync(self, on: bool) -> None:
        self.sync.enabled = on
        self.settings.set_sync_scrolling(on)
        if on:
            self.sync.realign(self.active_pane())
        self.show_status("Synchronised scrolling " + ("on" if on else "off") + " (Ctrl+L)")

    def notice(self, text: str) -> None:
        """Show ``text`` now and again, ahead of the next result's status line."""
        self._notice = text
        self.show_status(text)

    def show_status(self, text: str) -> None:
        self.status_text.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout_timer.start()

    def _after_relayout(self) -> None:
        self.sync.invalidate()
        self.sync.realign()
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
        self.reviewing.restored()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if any(url.isLocalFile() or url.scheme() in ("http", "https") for url in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        # Files, and links dragged from a browser (fetched as web pages).
        paths = [
            url.toLocalFile() if url.isLocalFile() else url.toString()
            for url in urls
            if url.isLocalFile() or url.scheme() in ("http", "https")
        ]
        if paths:
            event.acceptProposedAction()
            self.files.open_paths(paths, add=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.sessions.closing():  # unsaved work: Save, Discard or Cancel
            event.ignore()
            return
        self.settings.set_window(self.saveGeometry(), self.saveState())
        self.comparer.shutdown()
        super().closeEvent(event)

    def keyPressEvent(self, event):  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape and self.comparer.running:
            self.comparer.cancel()
            return
        super().keyPressEvent(event)
