"""Shared builders for the review tests: seed articles copied to a folder, a session."""

from __future__ import annotations

import shutil
from pathlib import Path

from viewer.core.articles import read_article
from viewer.core.compare import compare
from viewer.core.model import CompareOptions, Comparison
from viewer.core.review import ReviewState, new_state

from .helpers import SEEDS

WHEN = "2024-05-02T10:15:00+02:00"
LATER = "2024-05-03T09:00:00+02:00"


def copy_seeds(folder: Path) -> list[Path]:
    """The five seed articles copied into ``folder`` (tests may move and edit them)."""
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(p, folder)) for p in sorted(SEEDS.glob("*.md"))]


def seed_state(folder: Path, options: CompareOptions | None = None) -> ReviewState:
    return new_state([read_article(p)[0] for p in copy_seeds(folder)], options)


def compared(state: ReviewState) -> Comparison:
    return compare(state.documents(), state.options)


def span_text(comparison: Comparison, passage_id: int) -> set[tuple[str, str]]:
    """(file name, text) of each span of a passage: what a user reads in the panes."""
    (passage,) = [p for p in comparison.passages if p.id == passage_id]
    docs = comparison.documents
    return {(docs[s.doc].name, docs[s.doc].text[s.start : s.end]) for s in passage.spans}
