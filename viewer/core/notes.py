"""Commands on verdicts and notes: pure functions from a state to a new state (core layer;
no Qt). A window runs them (and keeps the old state for undo); ``when`` is an ISO 8601
time and ``author`` the reviewer's name, both given by the caller.

A passage keeps its verdict and its note in one passage note, anchored to every span of
the passage; clearing both removes it. A range note sits on a range of one article.
"""

from __future__ import annotations

from dataclasses import replace

from viewer.core.anchors import make_anchor
from viewer.core.model import Comparison
from viewer.core.resolve import article_indexes, passage_anchors, resolve
from viewer.core.review import PASSAGE, RANGE, Note, ReviewState


def _check_verdict(state: ReviewState, verdict: str | None) -> None:
    if verdict is not None and verdict not in state.verdicts:
        raise ValueError(f"{verdict!r} is not one of this session's verdicts")


def _put(state: ReviewState, note: Note) -> ReviewState:
    """Replace the note with the same id (removing it when empty), or append it."""
    others = tuple(n for n in state.notes if n.id != note.id)
    if note.empty:
        return replace(state, notes=others)
    if len(others) == len(state.notes):
        return replace(state, notes=(*state.notes, note))
    return replace(state, notes=tuple(note if n.id == note.id else n for n in state.notes))


_KEEP = object()  # "leave this field as it is"


def _edit_passage(
    state: ReviewState,
    comparison: Comparison,
    passage_id: int,
    author: str,
    when: str,
    verdict: object = _KEEP,  # str or None
    text: object = _KEEP,  # str
) -> ReviewState:
    note = resolve(state, comparison).passage_note(passage_id)
    if note is None:
        anchors = passage_anchors(state, comparison, passage_id)
        note = Note(state.next_note_id(), PASSAGE, anchors, created=when)
    note = replace(note, author=author, modified=when)
    if isinstance(verdict, str) or verdict is None:
        note = replace(note, verdict=verdict)
    if isinstance(text, str):
        note = replace(note, text=text)
    return _put(state, note)


def set_passage_verdict(
    state: ReviewState,
    comparison: Comparison,
    passage_id: int,
    verdict: str | None,
    *,
    author: str,
    when: str,
) -> ReviewState:
    """Give a passage of ``comparison`` a verdict (None clears it)."""
    _check_verdict(state, verdict)
    return _edit_passage(state, comparison, passage_id, author, when, verdict=verdict)


def set_passage_text(
    state: ReviewState,
    comparison: Comparison,
    passage_id: int,
    text: str,
    *,
    author: str,
    when: str,
) -> ReviewState:
    """Write (or, with "", clear) the plain-text note of a passage of ``comparison``."""
    return _edit_passage(state, comparison, passage_id, author, when, text=text)


def add_range_note(
    state: ReviewState,
    comparison: Comparison,
    doc: int,
    start: int,
    end: int,
    *,
    text: str,
    verdict: str | None = None,
    author: str,
    when: str,
) -> ReviewState:
    """A note on ``comparison.documents[doc].text[start:end]``; it is the new last note."""
    _check_verdict(state, verdict)
    article = article_indexes(state, comparison)[doc]
    if article is None:
        raise ValueError(f"{comparison.documents[doc].path} is not in the session")
    anchor = make_anchor(comparison.documents[doc].text, start, end, article)
    note = Note(state.next_note_id(), RANGE, (anchor,), verdict, text, author, when, when)
    if note.empty:
        raise ValueError("a range note needs a text or a verdict")
    return replace(state, notes=(*state.notes, note))


def set_note_text(
    state: ReviewState, note_id: int, text: str, *, author: str, when: str
) -> ReviewState:
    """Change a note's text; a note left with neither text nor verdict is removed."""
    note = state.note(note_id)
    return _put(state, replace(note, text=text, author=author, modified=when))


def set_note_verdict(
    state: ReviewState, note_id: int, verdict: str | None, *, author: str, when: str
) -> ReviewState:
    """Change a note's verdict; a note left with neither text nor verdict is removed."""
    _check_verdict(state, verdict)
    note = state.note(note_id)
    return _put(state, replace(note, verdict=verdict, author=author, modified=when))


def delete_note(state: ReviewState, note_id: int) -> ReviewState:
    """Remove a note (``KeyError`` when there is none with this id)."""
    state.note(note_id)
    return replace(state, notes=tuple(n for n in state.notes if n.id != note_id))
