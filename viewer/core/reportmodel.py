"""What a report says, built once for every format (core layer; no Qt).

``build_report(comparison, state)`` gathers the figures the HTML, PDF, CSV and JSON
reports show, so they all come from one place: the articles with their words and share of
original text, the who-shares-with-whom matrix, the verdict counts, one entry per passage
with its verdict and notes, the notes on ranges and the lost ones, and each article's text
cut into pieces coloured as the window colours them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from viewer.core.coverage import changed_ranges, shared_segments
from viewer.core.model import Comparison, PairStats, Span
from viewer.core.navigation import short_name
from viewer.core.passagerows import PassageRow, passage_rows
from viewer.core.relations import closeness
from viewer.core.reportcolours import shared_level
from viewer.core.resolve import Located, ResolvedNote, document_indexes, resolve
from viewer.core.review import RANGE, ReviewState
from viewer.core.verdicts import verdict_counts

MAX_COLUMNS = 8  # more articles than this are shown side by side in chosen pairs
NOT_SHARED = -1  # a piece's level when no other article carries it


@dataclass(frozen=True)
class ArticleEntry:
    """One article as the summary lists it (``doc``: its index in the comparison)."""

    doc: int
    name: str
    short: str
    path: str
    title: str
    outlet: str
    date: str
    words: int
    shared: float

    @property
    def original(self) -> float:
        return 1.0 - self.shared


@dataclass(frozen=True)
class NoteEntry:
    """A note as a report shows it: where it stands now (``ranges`` found, ``passage`` for
    a passage note) and the words it was written on (``quotes``)."""

    id: int
    kind: str
    verdict: str | None
    text: str
    author: str
    modified: str
    passage: int | None
    ranges: tuple[Located, ...]
    quotes: tuple[str, ...]
    lost: bool


@dataclass(frozen=True)
class PassageEntry:
    """One passage: the passage list's row, its spans (in the passage's order), its
    verdict and the notes on it."""

    row: PassageRow
    spans: tuple[Span, ...]
    verdict: str | None
    notes: tuple[NoteEntry, ...]

    @property
    def id(self) -> int:
        return self.row.passage


@dataclass(frozen=True, slots=True)
class Piece:
    """``text[start:end]`` of one article with one look: ``level`` indexes the shared
    colours (``NOT_SHARED`` when no other article carries it); ``changed`` words are
    marked on top."""

    start: int
    end: int
    level: int
    changed: bool


@dataclass(frozen=True)
class Report:
    """Everything a report shows; ``order`` lists the documents left to right, ``views``
    the groups of documents shown side by side (one group of all when few enough)."""

    comparison: Comparison
    state: ReviewState | None
    articles: tuple[ArticleEntry, ...]
    order: tuple[int, ...]
    verdicts: tuple[tuple[str, int], ...]
    unmarked: int  # notes without a verdict
    passages: tuple[PassageEntry, ...]
    range_notes: tuple[NoteEntry, ...]
    lost_notes: tuple[NoteEntry, ...]
    pieces: tuple[tuple[Piece, ...], ...]  # per document, covering its whole text
    views: tuple[tuple[int, ...], ...]

    def pair(self, a: int, b: int) -> PairStats:
        return self.comparison.pair(a, b)

    def passage(self, passage_id: int) -> PassageEntry:
        for entry in self.passages:
            if entry.id == passage_id:
                return entry
        raise KeyError(passage_id)


def _note_entry(resolved: ResolvedNote) -> NoteEntry:
    note = resolved.note
    return NoteEntry(
        id=note.id,
        kind=note.kind,
        verdict=note.verdict,
        text=note.text,
        author=note.author,
        modified=note.modified,
        passage=resolved.passage,
        ranges=resolved.found,
        quotes=tuple(anchor.quote for anchor in note.anchors),
        lost=resolved.lost,
    )


def document_pieces(comparison: Comparison, doc: int) -> tuple[Piece, ...]:
    """The whole text of ``doc`` in pieces of one look, in order (unshared text too)."""
    text = comparison.documents[doc].text
    possible = len(comparison.documents) - 1
    cuts = {0, len(text)}
    segments = shared_segments(comparison, doc)
    changes = changed_ranges(comparison, doc)
    for segment in segments:
        cuts.update((segment.start, segment.end))
    for start, end in changes:
        cuts.update((start, end))
    bounds = sorted(cuts)
    pieces: list[Piece] = []
    s_index = c_index = 0
    for start, end in itertools.pairwise(bounds):
        while s_index < len(segments) and segments[s_index].end <= start:
            s_index += 1
        while c_index < len(changes) and changes[c_index][1] <= start:
            c_index += 1
        level = NOT_SHARED
        if s_index < len(segments) and segments[s_index].start <= start:
            level = shared_level(len(segments[s_index].others), possible)
        changed = c_index < len(changes) and changes[c_index][0] <= start
        if (
            pieces
            and pieces[-1].end == start
            and (pieces[-1].level, pieces[-1].changed)
            == (
                level,
                changed,
            )
        ):
            pieces[-1] = Piece(pieces[-1].start, end, level, changed)
        else:
            pieces.append(Piece(start, end, level, changed))
    return tuple(pieces)


def document_order(comparison: Comparison, state: ReviewState | None) -> tuple[int, ...]:
    """Documents left to right: the session's pane order, else file order."""
    count = len(comparison.documents)
    if state is None:
        return tuple(range(count))
    docs = document_indexes(state, comparison)
    ordered = [docs[a] for a in state.pane_order if docs[a] is not None]
    ordered_ints = [d for d in ordered if d is not None]
    return (*ordered_ints, *(d for d in range(count) if d not in ordered_ints))


def chosen_pairs(comparison: Comparison, order: Sequence[int]) -> tuple[tuple[int, int], ...]:
    """With too many articles for columns: each article beside the one it shares most with
    (pairs that share nothing are left out; each pair once, in ``order``)."""
    pairs: list[tuple[int, int]] = []
    for doc in order:
        others = [o for o in order if o != doc and comparison.pair(doc, o).passages]
        if not others:
            continue
        best = max(others, key=lambda o: (closeness(comparison, doc, o), -order.index(o)))
        pair = (doc, best) if order.index(doc) < order.index(best) else (best, doc)
        if pair not in pairs:
            pairs.append(pair)
    return tuple(pairs)


def build_report(comparison: Comparison, state: ReviewState | None = None) -> Report:
    """The report of ``comparison`` (with the verdicts and notes of ``state``, if given)."""
    documents = comparison.documents
    articles = tuple(
        ArticleEntry(
            doc=index,
            name=document.name,
            short=short_name(document),
            path=document.path,
            title=document.title,
            outlet=document.outlet,
            date=document.date,
            words=stats.words,
            shared=stats.shared,
        )
        for index, (document, stats) in enumerate(
            zip(documents, comparison.document_stats, strict=True)
        )
    )
    order = document_order(comparison, state)
    notes: tuple[NoteEntry, ...] = ()
    verdicts: tuple[tuple[str, int], ...] = ()
    unmarked = 0
    if state is not None:
        notes = tuple(_note_entry(r) for r in resolve(state, comparison).notes)
        verdicts = tuple(verdict_counts(state).items())
        unmarked = sum(1 for n in state.notes if n.verdict is None)
    entries = []
    for row, passage in zip(passage_rows(comparison), comparison.passages, strict=True):
        mine = tuple(n for n in notes if n.passage == passage.id and not n.lost)
        verdict = next((n.verdict for n in mine if n.kind != RANGE), None)
        entries.append(PassageEntry(row, passage.spans, verdict, mine))
    views: tuple[tuple[int, ...], ...] = (order,)
    if len(order) > MAX_COLUMNS:
        views = chosen_pairs(comparison, order)
    return Report(
        comparison=comparison,
        state=state,
        articles=articles,
        order=order,
        verdicts=verdicts,
        unmarked=unmarked,
        passages=tuple(entries),
        range_notes=tuple(n for n in notes if n.passage is None and not n.lost),
        lost_notes=tuple(n for n in notes if n.lost),
        pieces=tuple(document_pieces(comparison, d) for d in range(len(documents))),
        views=views,
    )
