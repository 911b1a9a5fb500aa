"""One row per passage, as the passage list shows it (core layer; no Qt).

A row says which articles carry a passage, how long it is, how alike its copies are, how
many words changed, whether it moved, and how it starts; it also keeps the passage's copies
for a case-insensitive search (folded on the first search).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from viewer.core.chain import Segment, monotone_chain
from viewer.core.model import Comparison, Link, Span
from viewer.core.navigation import short_name
from viewer.core.tokens import SPACELESS_CHARACTER, count_words

FIRST_WORDS = 12  # words of a passage shown in its row


@dataclass(frozen=True)
class PassageRow:
    """What the passage list shows of one passage (``passage`` is its id).

    ``copies``: its text in each carrier, in document order.
    """

    passage: int
    docs: tuple[int, ...]
    names: str  # the carriers' short names: "000, 004"
    words: int
    similarity: float
    changed_words: int
    moved: bool
    first_words: str
    copies: tuple[str, ...] = field(default=(), repr=False, compare=False)

    @cached_property
    def folded(self) -> str:
        """Every copy's text as ``fold`` gives it, one copy per line."""
        return "\n".join(fold(copy) for copy in self.copies)

    def matches(self, needle: str) -> bool:
        """Whether one copy contains ``needle`` (any case, any run of white space)."""
        return fold(needle) in self.folded


def fold(text: str) -> str:
    """Text as search compares it: runs of white space as one space, case folded."""
    return " ".join(text.split()).casefold()


def word_count(text: str) -> int:
    """``count_words(text)``, faster on prose.

    A run of letters and digits between white space is one word; only the other runs
    (with punctuation, symbols, marks) go through the word pattern, in one call.
    """
    if SPACELESS_CHARACTER.search(text):  # each character of these scripts is a word
        return count_words(text)
    tokens = text.split()
    plain = sum(1 for token in tokens if token.isalnum())
    if plain == len(tokens):
        return plain
    return plain + count_words(" ".join(token for token in tokens if not token.isalnum()))


def moved_passages(comparison: Comparison) -> frozenset[int]:
    """Passages that stand out of order between two of their carriers.

    For each pair of documents, their links' heaviest chain that stands in the same order in
    both (``monotone_chain``, the order the scroll map keeps) is taken as the order they
    share. A passage with a link between two documents outside that chain is moved: in one
    of them it stands before text that it follows in the other. A second copy of a passage
    in one document is out of order in the same way.
    """
    by_pair: dict[tuple[int, int], list[Link]] = defaultdict(list)
    for link in comparison.links:
        a, b = sorted(link.docs)
        by_pair[(a, b)].append(link)
    moved: set[int] = set()
    for (a, b), links in by_pair.items():
        segments: list[Segment] = []
        for link in links:
            ra, rb = link.ranges[link.side(a)], link.ranges[link.side(b)]
            segments.append((ra[0], ra[1], rb[0], rb[1]))
        kept = Counter(monotone_chain(segments))
        for link, segment in zip(links, segments, strict=True):
            if kept[segment]:
                kept[segment] -= 1
            else:
                moved.add(link.passage)
    return frozenset(moved)


def changed_words(text: str, span: Span) -> int:
    """Words inside ``span``'s changed ranges; a range of punctuation alone counts as one."""
    return sum(max(1, word_count(text[start:end])) for start, end in span.changes)


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    """The first ``count`` words of ``text`` on one line, "…" when there is more."""
    parts = text.split(maxsplit=count)
    if len(parts) > count:
        return " ".join(parts[:count]) + " …"
    return " ".join(parts)


def passage_rows(comparison: Comparison) -> list[PassageRow]:
    """One row per passage, in passage order.

    ``words``: the words of its longest copy (in characters); ``changed_words``: the most
    words changed in any one copy (for "13,000" against "14,000", one); ``first_words``: the
    start of its copy in the first document that carries it.
    """
    moved = moved_passages(comparison)
    names = [short_name(d) for d in comparison.documents]
    rows = []
    for passage in comparison.passages:
        spans = sorted(passage.spans, key=lambda s: (s.doc, s.start))
        texts = [comparison.documents[s.doc].text for s in spans]
        copies = tuple(text[s.start : s.end] for text, s in zip(texts, spans, strict=True))
        rows.append(
            PassageRow(
                passage=passage.id,
                docs=passage.docs,
                names=", ".join(names[d] for d in passage.docs),
                words=word_count(max(copies, key=len)),
                similarity=passage.similarity,
                changed_words=max(
                    changed_words(text, s) for text, s in zip(texts, spans, strict=True)
                ),
                moved=passage.id in moved,
                first_words=first_words(copies[0]),
                copies=copies,
            )
        )
    return rows
