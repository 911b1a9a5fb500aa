"""Shared helpers for core tests: the seed articles and quick document builders."""

from __future__ import annotations

from pathlib import Path

from viewer.core.documents import Document, document_from_text, load_document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def seed(prefix: str) -> Document:
    """The seed article whose file name starts with ``prefix`` (e.g. "000")."""
    (path,) = SEEDS.glob(f"{prefix}-*.md")
    return load_document(path)


def all_seeds() -> list[Document]:
    return [load_document(p) for p in sorted(SEEDS.glob("*.md"))]


def doc(text: str, name: str = "doc.txt") -> Document:
    return document_from_text(text, name)


def span_texts(document: Document, spans: list[tuple[int, int]]) -> list[str]:
    return [document.text[s:e] for s, e in spans]
