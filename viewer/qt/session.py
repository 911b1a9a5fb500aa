"""The window's review session: the review state, its undo stack, and where its notes stand
in the current comparison (Qt layer).

The state itself (``viewer.core.review``) has no Qt in it. The window and its panels change
it only through ``Session.apply`` (one undoable step per user action) and observe it
through ``changed``. Articles are kept beside the documents the panes show: a session saves
an article's source text, not its rendering.
"""

from __future__ import annotations

import contextlib
import getpass
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from viewer.core.anchors import Anchor
from viewer.core.articles import Article, article_from_source
from viewer.core.documents import PLAIN, Document, read_source
from viewer.core.errors import DocumentError
from viewer.core.model import CompareOptions, Comparison
from viewer.core.resolve import Resolution, current_passage, resolve, set_current_passage
from viewer.core.review import Note, ReviewState, new_state, set_options


def now() -> str:
    """The local time, ISO 8601 to the second, with its offset."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def reviewer() -> str:
    """The login name: the default reviewer's name on notes."""
    with contextlib.suppress(Exception):
        return getpass.getuser()
    return "reviewer"


class _Step(QUndoCommand):
    """One user action: the state before and after it."""

    def __init__(self, session: Session, text: str, before: ReviewState, after: ReviewState):
        super().__init__(text)
        self._session, self._before, self._after = session, before, after

    def redo(self) -> None:
        self._session._set_state(self._after)

    def undo(self) -> None:
        self._session._set_state(self._before)


class Session(QObject):
    """The review state of the open articles, with undo and its current resolution."""

    changed = Signal()  # the state or the resolution changed: panels and markers refresh
    dirtyChanged = Signal(bool)  # unsaved work appeared or was saved

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo = QUndoStack(self)
        self.state: ReviewState = new_state(())
        self.comparison: Comparison | None = None
        self.resolution = Resolution(())
        self.author = reviewer()
        self.path: str | None = None  # the session file, once saved or opened
        self._articles: dict[int, tuple[Document, Article]] = {}  # id(document) → both
        self._dirty = False
        self.undo.indexChanged.connect(self._on_undo_index)

    # -- articles ------------------------------------------------------------------------
    def remember(self, document: Document, article: Article) -> None:
        """The source ``article`` that ``document`` was rendered from."""
        self._articles[id(document)] = (document, article)

    def article_of(self, document: Document) -> Article:
        """The article behind ``document`` (read again from its file if it was not kept)."""
        kept = self._articles.get(id(document))
        if kept is not None and kept[0] is document:
            return kept[1]
        article = Article(document.path, document.text, PLAIN)
        if document.format != PLAIN:
            with contextlib.suppress(DocumentError, OSError):
                article = article_from_source(read_source(document.path))
        self.remember(document, article)
        return article

    def set_documents(self, documents: Sequence[Document], options: CompareOptions) -> list[str]:
        """The window shows these documents now (file order). Notes on articles that stay
        keep their anchors; notes on closed articles are removed. Returns a line for each
        article whose notes went, for the window to say; not an undoable step."""
        articles = [self.article_of(d) for d in documents]
        old = self.state.articles
        where: dict[int, int] = {}
        for index, article in enumerate(old):
            for new_index, candidate in enumerate(articles):
                same = candidate is article or (
                    candidate.path == article.path and candidate.sha256 == article.sha256
                )
                if same and new_index not in where.values():
                    where[index] = new_index
                    break
        notes: list[Note] = []
        gone: dict[int, int] = {}
        for note in self.state.notes:
            anchors = tuple(
                replace(a, article=where[a.article]) for a in note.anchors if a.article in where
            )
            if anchors:
                notes.append(replace(note, anchors=anchors))
            for a in note.anchors:
                if a.article not in where:
                    gone[a.article] = gone.get(a.article, 0) + 1
        current: tuple[Anchor, ...] = tuple(
            replace(a, article=where[a.article]) for a in self.state.current if a.article in where
        )
        self.state = ReviewState(
            tuple(articles), options, (), current, self.state.verdicts, tuple(notes)
        )
        # Earlier steps hold the old article list: they cannot be undone past this point.
        self.undo.clear()
        if old and not where:
            # Other articles altogether (Open, not Add): a new session, not the saved one.
            self.path = None
            self._set_dirty(False)
        elif old != self.state.articles and self._worth_saving():
            self._set_dirty(True)
        self._resolve()
        return [
            f"{old[i].name}: closed with {n} note{'s' if n != 1 else ''} on it"
            for i, n in sorted(gone.items())
        ]

    # -- comparison ------------------------------------------------------------------------
    def set_comparison(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        self._resolve()

    def _resolve(self) -> None:
        comparison = self.comparison
        self.resolution = Resolution(()) if comparison is None else resolve(self.state, comparison)
        self.changed.emit()

    def current_passage(self) -> int | None:
        """The remembered current passage, found again in the current comparison."""
        if self.comparison is None:
            return None
        return current_passage(self.state, self.comparison)

    def set_options(self, options: CompareOptions) -> None:
        """The comparison options changed: part of the session, not an undoable step."""
        if options != self.state.options:
            self.state = set_options(self.state, options)
            if self._worth_saving():
                self._set_dirty(True)

    def remember_current(self, passage_id: int | None) -> None:
        """Remember the current passage by its text (not an undoable step); None keeps the
        last one (a new result has none current until the user picks one)."""
        if self.comparison is None or passage_id is None:
            return
        with contextlib.suppress(ValueError, KeyError):
            self.state = set_current_passage(self.state, self.comparison, passage_id)

    # -- changes -----------------------------------------------------------------------------
    def apply(self, text: str, command: Callable[[ReviewState], ReviewState]) -> bool:
        """Run ``command`` on the state as one undoable step named ``text``; false (and
        nothing done) when it changes nothing or refuses (``ValueError``)."""
        try:
            after = command(self.state)
        except (ValueError, KeyError):
            return False
        if after == self.state:
            return False
        self.undo.push(_Step(self, text, self.state, after))
        return True

    def _set_state(self, state: ReviewState) -> None:
        self.state = state
        self._resolve()

    def dirty(self) -> bool:
        """Unsaved work: changes since the session was last saved or opened."""
        return self._dirty

    def mark_saved(self, path: str | None) -> None:
        """The state was just written to ``path`` (or opened from it)."""
        self.path = path
        self.undo.setClean()
        self._set_dirty(False)

    def mark_unsaved(self) -> None:
        """The state holds work not in its file (restored after a crash)."""
        self._set_dirty(True)

    def _worth_saving(self) -> bool:
        """A change of articles or options is unsaved work only in a session that has
        notes or was saved: opening two files to glance at them asks nothing on close."""
        return bool(self.state.articles) and (bool(self.state.notes) or self.path is not None)

    def _on_undo_index(self, _index: int) -> None:
        # The stack announces its clearing when it is destroyed, after this object's C++
        # side is gone: nothing to mark then.
        with contextlib.suppress(RuntimeError):
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def replace_state(self, state: ReviewState, documents: Sequence[Document]) -> None:
        """Take an opened session's state, whose articles render as ``documents``."""
        for document, article in zip(documents, state.articles, strict=True):
            self.remember(document, article)
        self.state = state
        self.undo.clear()
        self._resolve()
