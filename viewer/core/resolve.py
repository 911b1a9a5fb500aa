"""Where a state's notes and current passage stand in a comparison (core layer; no Qt).

``resolve(state, comparison)`` locates every anchor in the compared texts and gives each
passage note the passage it overlaps most. Articles are matched to the comparison's
documents by path, so any document order works. A note whose anchors are all lost is
reported lost, never dropped: it stays in the state.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from viewer.core.anchors import Anchor, locate, make_anchor
from viewer.core.model import Comparison, Passage
from viewer.core.review import PASSAGE, Note, ReviewState

# A passage note belongs to a passage covering at least this share of its located text.
MIN_OVERLAP = 0.25


@dataclass(frozen=True, slots=True)
class Located:
    """A range of ``comparison.documents[doc].text``."""

    doc: int
    start: int
    end: int


@dataclass(frozen=True)
class ResolvedNote:
    """A note and where it stands now: one range per anchor (None where that one is lost)
    and, for a passage note, the id of the passage it belongs to (None if none fits)."""

    note: Note
    ranges: tuple[Located | None, ...]
    passage: int | None

    @property
    def lost(self) -> bool:
        """None of its anchors was found: the window says so and keeps the note listed."""
        return all(r is None for r in self.ranges)

    @property
    def found(self) -> tuple[Located, ...]:
        return tuple(r for r in self.ranges if r is not None)


@dataclass(frozen=True)
class Resolution:
    """Every note of a state resolved against one comparison, in the state's note order."""

    notes: tuple[ResolvedNote, ...]

    def for_passage(self, passage_id: int) -> tuple[ResolvedNote, ...]:
        return tuple(r for r in self.notes if r.passage == passage_id)

    def passage_note(self, passage_id: int) -> Note | None:
        """The (first) passage note on this passage: the one its verdict is read from."""
        for resolved in self.notes:
            if resolved.passage == passage_id and resolved.note.kind == PASSAGE:
                return resolved.note
        return None

    def verdict(self, passage_id: int) -> str | None:
        note = self.passage_note(passage_id)
        return None if note is None else note.verdict

    def in_document(self, doc: int) -> tuple[tuple[ResolvedNote, Located], ...]:
        """Each note range in document ``doc`` (for markers in a pane), in text order."""
        found = [(r, where) for r in self.notes for where in r.found if where.doc == doc]
        return tuple(sorted(found, key=lambda item: (item[1].start, item[1].end)))

    @property
    def lost(self) -> tuple[ResolvedNote, ...]:
        return tuple(r for r in self.notes if r.lost)


def document_indexes(state: ReviewState, comparison: Comparison) -> tuple[int | None, ...]:
    """For each article, the index of its document in ``comparison`` (by path), or None."""
    free: dict[str, list[int]] = {}
    for index, document in reversed(list(enumerate(comparison.documents))):
        free.setdefault(document.path, []).append(index)
    return tuple(free[a.path].pop() if free.get(a.path) else None for a in state.articles)


def article_indexes(state: ReviewState, comparison: Comparison) -> tuple[int | None, ...]:
    """For each document of ``comparison``, the index of its article in ``state``, or None."""
    mapping: list[int | None] = [None] * len(comparison.documents)
    for article, doc in enumerate(document_indexes(state, comparison)):
        if doc is not None:
            mapping[doc] = article
    return tuple(mapping)


def _locate_all(
    anchors: Iterable[Anchor], docs: tuple[int | None, ...], comparison: Comparison
) -> tuple[Located | None, ...]:
    ranges: list[Located | None] = []
    for anchor in anchors:
        doc = docs[anchor.article]
        found = None if doc is None else locate(anchor, comparison.documents[doc].text)
        ranges.append(None if doc is None or found is None else Located(doc, *found))
    return tuple(ranges)


def best_passage(comparison: Comparison, ranges: Iterable[Located]) -> int | None:
    """The id of the passage whose spans overlap ``ranges`` most (at least MIN_OVERLAP of
    their length), or None."""
    ranges = list(ranges)
    total = sum(r.end - r.start for r in ranges)
    best: tuple[int, int] | None = None
    seen: set[int] = set()
    for where in ranges:
        for passage in comparison.passages_in(where.doc):
            if passage.id in seen:
                continue
            seen.add(passage.id)
            overlap = sum(
                max(0, min(r.end, s.end) - max(r.start, s.start))
                for r in ranges
                for s in passage.spans
                if s.doc == r.doc
            )
            if overlap and (best is None or overlap > best[0]):
                best = (overlap, passage.id)
    if best is None or best[0] < MIN_OVERLAP * total:
        return None
    return best[1]


def resolve(state: ReviewState, comparison: Comparison) -> Resolution:
    """Where each note of ``state`` stands in ``comparison``."""
    docs = document_indexes(state, comparison)
    resolved = []
    for note in state.notes:
        ranges = _locate_all(note.anchors, docs, comparison)
        found = [r for r in ranges if r is not None]
        passage = best_passage(comparison, found) if note.kind == PASSAGE and found else None
        resolved.append(ResolvedNote(note, ranges, passage))
    return Resolution(tuple(resolved))


def passage_of(comparison: Comparison, passage_id: int) -> Passage:
    for passage in comparison.passages:
        if passage.id == passage_id:
            return passage
    raise KeyError(passage_id)


def passage_anchors(
    state: ReviewState, comparison: Comparison, passage_id: int
) -> tuple[Anchor, ...]:
    """One anchor per span of the passage, naming the span's article."""
    articles = article_indexes(state, comparison)
    anchors = []
    for span in passage_of(comparison, passage_id).spans:
        article = articles[span.doc]
        if article is None:
            raise ValueError(f"{comparison.documents[span.doc].path} is not in the session")
        anchors.append(
            make_anchor(comparison.documents[span.doc].text, span.start, span.end, article)
        )
    return tuple(anchors)


def set_current_passage(
    state: ReviewState, comparison: Comparison, passage_id: int | None
) -> ReviewState:
    """Make a passage current (None: none), remembered by its text."""
    anchors = () if passage_id is None else passage_anchors(state, comparison, passage_id)
    return replace(state, current=anchors)


def current_passage(state: ReviewState, comparison: Comparison) -> int | None:
    """The id of the current passage in ``comparison``, found again by its text; or None."""
    if not state.current:
        return None
    docs = document_indexes(state, comparison)
    found = [r for r in _locate_all(state.current, docs, comparison) if r is not None]
    return best_passage(comparison, found) if found else None
