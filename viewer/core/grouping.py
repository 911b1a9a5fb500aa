"""N-way grouping of pairwise passages into passages with one span per place (core; no Qt).

Pairwise passages are grouped by the words they match, not by where their spans lie: two
pairwise spans in the same document are the same text when the words each matches there
overlap by at least two thirds of the larger one's. So a paragraph four articles carry is one
passage with four spans, while two articles that each match different words of a third
are never grouped through it. A short match lying inside a long passage stays a passage
of its own, so it does not claim the long one for its document. Grouping never changes a
pairwise passage: it is kept as a ``Link``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from operator import itemgetter

from viewer.core.errors import CANCEL_EVERY, CancelCheck, check_cancel, sorted_checked
from viewer.core.model import Link, Passage, Range, Span

SAME_TEXT_OVERLAP = 2 / 3


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


def merge_ranges(ranges: list[Range], should_cancel: CancelCheck | None = None) -> list[Range]:
    """Sorted union of ranges; touching ranges join."""
    merged: list[Range] = []
    for count, (start, end) in enumerate(sorted_checked(ranges, should_cancel)):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
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

    def matched(index: int) -> tuple[Range, ...]:
        return pair_passages[index // 2].matched[index % 2]

    sizes = []
    for i in range(len(nodes)):
        check_cancel(should_cancel)
        ranges = matched(i)
        sizes.append(sum(map(itemgetter(1), ranges)) - sum(map(itemgetter(0), ranges)))
    masks: dict[int, int] = {}

    def mask(index: int) -> int:
        if index not in masks:
            masks[index] = _mask(matched(index), nodes[index][1], nodes[index][2], should_cancel)
        return masks[index]

    for indices in by_doc.values():
        indices.sort(key=lambda i: nodes[i][1])
        active: list[int] = []
        for count, i in enumerate(indices):
            if not count % CANCEL_EVERY:
                check_cancel(should_cancel)
            start = nodes[i][1]
            active = [j for j in active if nodes[j][2] > start]
            for j in active:
                check_cancel(should_cancel)
                # j starts no later than i: shift i's characters onto j's.
                common = ((mask(i) << (start - nodes[j][1])) & mask(j)).bit_count()
                if common and common >= SAME_TEXT_OVERLAP * max(sizes[i], sizes[j]):
                    uf.union(i, j)
            active.append(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(nodes)):
        groups[uf.find(index)].append(index)
    matched_in: dict[int, list[Range]] = defaultdict(list)
    for pp in pair_passages:
        check_cancel(should_cancel)
        for side in (0, 1):
            matched_in[pp.docs[side]].extend(pp.matched[side])
    everywhere = {
        doc: _union(ranges, len(texts[doc]), should_cancel) for doc, ranges in matched_in.items()
    }
    built = []
    for count, members in enumerate(groups.values()):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        passage = _passage(members, nodes, pair_passages, texts, everywhere, should_cancel)
        built.append((passage, members))
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


def _union(ranges: list[Range], size: int, should_cancel: CancelCheck | None) -> list[Range]:
    """``merge_ranges`` for ranges inside a text of ``size`` characters, by marking them:
    linear, with no sort of the hundreds of thousands of ranges a long text can have."""
    marks = bytearray(size)
    for first in range(0, len(ranges), CANCEL_EVERY):
        check_cancel(should_cancel)
        for low, high in ranges[first : first + CANCEL_EVERY]:
            marks[low:high] = b"\1" * (high - low)
    merged: list[Range] = []
    start = marks.find(1)
    while start != -1:  # each find is a memchr: no long scan between two checks
        if not len(merged) % CANCEL_EVERY:
            check_cancel(should_cancel)
        end = marks.find(0, start)
        end = size if end == -1 else end
        merged.append((start, end))
        start = marks.find(1, end)
    return merged


def _mask(
    ranges: tuple[Range, ...], start: int, end: int, should_cancel: CancelCheck | None = None
) -> int:
    """The characters of ``ranges`` (inside ``start``–``end``) as the bits of an int, bit
    ``n`` for character ``start + n``: what two passages' matched words have in common is
    then one ``&`` and one bit count in C, not a walk over thousands of ranges in Python."""
    bits = bytearray(b"0") * (end - start)
    for first in range(0, len(ranges), CANCEL_EVERY):
        check_cancel(should_cancel)
        for low, high in ranges[first : first + CANCEL_EVERY]:
            bits[low - start : high - start] = b"1" * (high - low)
    del bits[end - start :]  # a range reaching past the span (never one that starts before)
    bits.reverse()
    return int(bits, 2) if bits else 0


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
    matched: dict[int, list[Range]],
    should_cancel: CancelCheck | None = None,
) -> Passage:
    """One N-way passage. A word is changed when no pairwise passage matches it (``matched``
    holds each document's matched ranges): a figure only one outlet altered is marked in
    that outlet alone, not in all the others, and a word that any copy has exactly is never
    marked."""
    ranges: dict[int, list[Range]] = defaultdict(list)
    similarities: list[float] = []
    for index in members:
        doc, start, end = nodes[index]
        pp = pair_passages[index // 2]
        ranges[doc].append((start, end))
        if index % 2 == 0:
            similarities.append(pp.similarity)
    spans: list[Span] = []
    for doc in sorted(ranges):
        for start, end in merge_ranges(ranges[doc], should_cancel):
            inside = _overlapping(matched[doc], start, end)
            changes = _unmatched((start, end), inside, texts[doc], should_cancel)
            spans.append(Span(doc, start, end, changes))
    similarity = round(sum(sorted(similarities)) / len(similarities), 4)
    return Passage(id=-1, similarity=similarity, spans=tuple(spans))


def _overlapping(ranges: list[Range], start: int, end: int) -> list[Range]:
    """The sorted, disjoint ``ranges`` that overlap ``start``–``end``, found by bisection: a
    document with thousands of passages is not scanned once per passage."""
    first = bisect_right(ranges, (start, start))
    if first and ranges[first - 1][1] > start:
        first -= 1
    last = bisect_left(ranges, (end, end), first)
    return [(s, e) for s, e in ranges[first:last] if s < end and e > start]
