"""The review state of a session and its simplest commands (core layer; no Qt).

A ``ReviewState`` is immutable: every command is a pure function that returns a new
state, so a window can keep the old one for undo. Times are ISO 8601 strings passed in by
the caller (no clock is read here). Notes point at text through ``Anchor``s, never at
passage ids; ``viewer.core.resolve`` says where they stand in a comparison.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from viewer.core.anchors import Anchor
from viewer.core.articles import Article, article_document
from viewer.core.documents import Document
from viewer.core.model import CompareOptions

DEFAULT_VERDICTS = (
    "credited copy",
    "uncredited copy",
    "shared quote",
    "changed fact to check",
    "not reuse",
)
PASSAGE = "passage"  # a note on a shared passage: one anchor per span of it
RANGE = "range"  # a note on a range of one article (original text to check): one anchor
NOTE_KINDS = (PASSAGE, RANGE)


@dataclass(frozen=True)
class Note:
    """A verdict and/or a plain-text note, anchored to text.

    ``author`` and ``modified`` say who changed it last and when; ``created`` when it was
    made (ISO 8601). ``verdict`` is one of the state's verdicts, or None.
    """

    id: int
    kind: str
    anchors: tuple[Anchor, ...]
    verdict: str | None = None
    text: str = ""
    author: str = ""
    created: str = ""
    modified: str = ""

    @property
    def empty(self) -> bool:
        """No verdict and no text: nothing worth keeping."""
        return self.verdict is None and not self.text.strip()


def check_verdict_name(name: str) -> str:
    """``name`` trimmed; ``ValueError`` when it is empty or spans lines."""
    trimmed = " ".join(name.split())
    if not trimmed:
        raise ValueError("a verdict needs a name")
    return trimmed


def _check_notes(notes: tuple[Note, ...], verdicts: tuple[str, ...], articles: int) -> None:
    ids: set[int] = set()
    for note in notes:
        if note.id in ids:
            raise ValueError(f"two notes have the id {note.id}")
        ids.add(note.id)
        if note.kind not in NOTE_KINDS:
            raise ValueError(f"note {note.id}: unknown kind {note.kind!r}")
        if not note.anchors or (note.kind == RANGE and len(note.anchors) != 1):
            raise ValueError(f"note {note.id}: a {note.kind} note with {len(note.anchors)} anchors")
        if note.verdict is not None and note.verdict not in verdicts:
            raise ValueError(f"note {note.id}: verdict {note.verdict!r} is not in the list")
        for anchor in note.anchors:
            if not 0 <= anchor.article < articles:
                raise ValueError(f"note {note.id}: no article {anchor.article}")


@dataclass(frozen=True)
class ReviewState:
    """Everything a session holds.

    ``pane_order`` lists article indexes left to right (all of them, once; empty means
    file order); ``current`` anchors the current passage (empty: none).
    """

    articles: tuple[Article, ...]
    options: CompareOptions = field(default_factory=CompareOptions)
    pane_order: tuple[int, ...] = ()
    current: tuple[Anchor, ...] = ()
    verdicts: tuple[str, ...] = DEFAULT_VERDICTS
    notes: tuple[Note, ...] = ()

    def __post_init__(self) -> None:
        count = len(self.articles)
        if not self.pane_order:
            object.__setattr__(self, "pane_order", tuple(range(count)))
        if sorted(self.pane_order) != list(range(count)):
            raise ValueError(
                f"pane order {list(self.pane_order)} is not a permutation of 0–{count - 1}"
            )
        if any(check_verdict_name(v) != v for v in self.verdicts):
            raise ValueError("verdict names must be trimmed, one line, not empty")
        if len(set(self.verdicts)) != len(self.verdicts):
            raise ValueError("the verdict list names a verdict twice")
        if any(not 0 <= a.article < count for a in self.current):
            raise ValueError("the current passage points at a missing article")
        _check_notes(self.notes, self.verdicts, count)

    def note(self, note_id: int) -> Note:
        """The note with this id; ``KeyError`` when there is none."""
        for note in self.notes:
            if note.id == note_id:
                return note
        raise KeyError(note_id)

    def next_note_id(self) -> int:
        return max((note.id for note in self.notes), default=0) + 1

    def documents(self) -> tuple[Document, ...]:
        """The documents to compare, in article order, rendered from the saved texts."""
        return tuple(article_document(article) for article in self.articles)


def new_state(articles: Sequence[Article], options: CompareOptions | None = None) -> ReviewState:
    """A fresh session over ``articles``: default verdicts, no notes, file order."""
    return ReviewState(tuple(articles), options or CompareOptions())


def set_options(state: ReviewState, options: CompareOptions) -> ReviewState:
    """New comparison options (notes keep their anchors and find their passages again)."""
    return replace(state, options=options)


def set_pane_order(state: ReviewState, order: Sequence[int]) -> ReviewState:
    """Panes left to right as article indexes; ``ValueError`` unless a permutation."""
    return replace(state, pane_order=tuple(order))


def replace_article(state: ReviewState, index: int, article: Article) -> ReviewState:
    """Use another version of article ``index`` (a changed file taken from disk).

    Notes keep their anchors: they find their words again in the new text or show as lost.
    """
    articles = list(state.articles)
    articles[index] = article
    return replace(state, articles=tuple(articles))
