"""N-way grouping of pairwise passages into passages with one span per place (core; no Qt).

Two pairwise spans in the same document that overlap by at least half of the longer one
are the same text: every pairwise passage linked that way joins one group, so a paragraph
four articles carry is one passage with four spans. A short match lying inside a long
passage stays a passage of its own, so it does not claim the long one for its document.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from viewer.core.errors import CANCEL_EVERY, CancelCheck, check_cancel
from viewer.core.model import Link, Passage, Range, Span

SAME_TEXT_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class PairPassage:
    """A passage between two documents: its character ranges, the ranges of its words that
    the other side matches, and word counts."""

    docs: tuple[int, int]
    chars: tuple[Range, Range]
    matched: tuple[tuple[Range, ...], tuple[Range, ...]]
    words: tuple[int, int]
    similarity: float


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)


def merge_ranges(ranges: list[Range]) -> list[Range]:
    """Sorted union of ranges; touching ranges join."""
    merged: list[Range] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def group_passages(
    pair_passages: list[PairPassage],
    texts: list[str],
    should_cancel: CancelCheck | None = None,
) -> tuple[tuple[Passage, ...], tuple[Link, ...]]:
    """Group pairwise passages into N-way passages, ordered by first document and start.

    Also returns every pairwise passage as a ``Link`` naming the passage it joined.
    """
    nodes: list[tuple[int, int, int]] = []  # (doc, start, end)
    for pp in pair_passages:
        for side in (0, 1):
            nodes.append((pp.docs[side], *pp.chars[side]))
    uf = _UnionFind(len(nodes))
    for index in range(0, len(nodes), 2):
        uf.union(index, index + 1)
    by_doc: dict[int, list[int]] = defaultdict(list)
    for index, (doc, _, _) in enumerate(nodes):
        by_doc[doc].append(index)
    for indices in by_doc.values():
        indices.sort(key=lambda i: nodes[i][1])
        active: list[int] = []
        for count, i in enumerate(indices):
            if not count % CANCEL_EVERY:
                check_cancel(should_cancel)
            _, start, end = nodes[i]
            active = [j for j in active if nodes[j][2] > start]
            for j in active:
                overlap = min(end, nodes[j][2]) - start
                longer = max(end - start, nodes[j][2] - nodes[j][1])
                if overlap >= SAME_TEXT_OVERLAP * longer:
                    uf.union(i, j)
            active.append(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(nodes)):
        groups[uf.find(index)].append(index)
    built = []
    for count, members in enumerate(groups.values()):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        built.append((_passage(members, nodes, pair_passages, texts, should_cancel), members))
    built.sort(key=lambda b: (b[0].spans[0].doc, b[0].spans[0].start, b[0].spans[0].end))
    passages: list[Passage] = []
    links: list[Link] = []
    for number, (passage, members) in enumerate(built):
        passages.append(Passage(id=number, similarity=passage.similarity, spans=passage.spans))
        for index in members:
            if index % 2 == 0:
                pp = pair_passages[index // 2]
                first, second = (0, 1) if pp.docs[0] < pp.docs[1] else (1, 0)
                links.append(
                    Link(
                        passage=number,
                        docs=(pp.docs[first], pp.docs[second]),
                        ranges=(pp.chars[first], pp.chars[second]),
                        similarity=round(pp.similarity, 4),
                    )
                )
    links.sort(key=lambda k: (k.docs, k.ranges))
    return tuple(passages), tuple(links)


def _unmatched(
    span: Range, matched: list[Range], text: str, should_cancel: CancelCheck | None = None
) -> tuple[Range, ...]:
    """The words of ``span`` outside every matched range, trimmed to word characters."""
    pieces: list[Range] = []
    position = span[0]
    for count, (start, end) in enumerate([*matched, (span[1], span[1])]):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        if start > position:
            pieces.append((position, min(start, span[1])))
        position = max(position, end)
        if position >= span[1]:
            break
    trimmed: list[Range] = []
    for count, (start, end) in enumerate(pieces):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return tuple(trimmed)


def _passage(
    members: list[int],
    nodes: list[tuple[int, int, int]],
    pair_passages: list[PairPassage],
    texts: list[str],
    should_cancel: CancelCheck | None = None,
) -> Passage:
    """One N-way passage. A word is changed when no other member matches it: a figure only
    one outlet altered is marked in that outlet alone, not in all the others."""
    ranges: dict[int, list[Range]] = defaultdict(list)
    matched: dict[int, list[Range]] = defaultdict(list)
    similarities: list[float] = []
    for index in members:
        doc, start, end = nodes[index]
        pp = pair_passages[index // 2]
        ranges[doc].append((start, end))
        matched[doc].extend(pp.matched[index % 2])
        if index % 2 == 0:
            similarities.append(pp.similarity)
    spans: list[Span] = []
    for doc in sorted(ranges):
        doc_matched = merge_ranges(matched[doc])
        for start, end in merge_ranges(ranges[doc]):
            inside = [(s, e) for s, e in doc_matched if s < end and e > start]
            changes = _unmatched((start, end), inside, texts[doc], should_cancel)
            spans.append(Span(doc, start, end, changes))
    similarity = round(sum(sorted(similarities)) / len(similarities), 4)
    return Passage(id=-1, similarity=similarity, spans=tuple(spans))
