"""The immutable comparison result every consumer reads (core layer; no Qt).

Offsets are code-point indices into ``documents[i].text``, end-exclusive. Its JSON form
(``viewer.core.serialize``) is a public, versioned contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from viewer.core.documents import Document

Range = tuple[int, int]

# The shortest passage that can count, in words: the CLI and the window accept this range.
MIN_WORDS_RANGE = (2, 1000)


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """What counts as the same: case, punctuation, and the shortest passage in words."""

    min_words: int = 8
    ignore_case: bool = True
    ignore_punctuation: bool = True

    def __post_init__(self) -> None:
        low, high = MIN_WORDS_RANGE
        if not low <= self.min_words <= high:
            raise ValueError(
                f"minimum passage length must be {low}–{high} words, not {self.min_words}"
            )


@dataclass(frozen=True, slots=True)
class Span:
    """Where a passage lies in one document, and which ranges in it differ from the others."""

    doc: int
    start: int
    end: int
    changes: tuple[Range, ...] = ()


@dataclass(frozen=True, slots=True)
class Passage:
    """Text shared by two or more documents: one span per place it stands."""

    id: int
    similarity: float
    spans: tuple[Span, ...]

    @property
    def docs(self) -> tuple[int, ...]:
        """The distinct documents that carry this passage, in order."""
        return tuple(sorted({span.doc for span in self.spans}))

    def spans_in(self, doc: int) -> tuple[Span, ...]:
        return tuple(span for span in self.spans if span.doc == doc)


@dataclass(frozen=True, slots=True)
class Link:
    """One pairwise match in a passage: ``docs[0]`` at ``ranges[0]`` ~ ``docs[1]`` at ``ranges[1]``.

    Passages group links; links say exactly which document carries which text, for
    colouring by carriers, link-map bands and scroll mapping.
    """

    passage: int
    docs: tuple[int, int]
    ranges: tuple[Range, Range]
    similarity: float

    def side(self, doc: int) -> int:
        """0 or 1: where ``doc`` stands in this link."""
        return self.docs.index(doc)


@dataclass(frozen=True, slots=True)
class PairStats:
    """How much two documents share: each one's share of words inside their passages."""

    docs: tuple[int, int]
    shared: tuple[float, float]
    passages: int
    longest_words: int


@dataclass(frozen=True, slots=True)
class DocumentStats:
    """One document's words and the share of them found in any other document."""

    words: int
    shared: float

    @property
    def original(self) -> float:
        return 1.0 - self.shared


@dataclass(frozen=True)
class Comparison:
    """Documents, the passages they share, and the statistics drawn from them."""

    documents: tuple[Document, ...]
    options: CompareOptions
    passages: tuple[Passage, ...]
    pairs: tuple[PairStats, ...]
    document_stats: tuple[DocumentStats, ...]
    links: tuple[Link, ...] = ()
    elapsed: float = field(default=0.0, compare=False)

    def passages_in(self, doc: int) -> tuple[Passage, ...]:
        """Passages with a span in ``doc``, in the order the engine lists them."""
        return tuple(p for p in self.passages if doc in p.docs)

    def links_between(self, a: int, b: int) -> tuple[Link, ...]:
        """Pairwise matches between documents ``a`` and ``b``."""
        return tuple(link for link in self.links if set(link.docs) == {a, b})

    def pair(self, a: int, b: int) -> PairStats:
        """Statistics for documents ``a`` and ``b`` (in that orientation)."""
        for stats in self.pairs:
            if stats.docs == (a, b):
                return stats
            if stats.docs == (b, a):
                return PairStats((a, b), stats.shared[::-1], stats.passages, stats.longest_words)
        raise KeyError((a, b))
