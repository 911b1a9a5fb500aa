"""``compare(documents, options, should_cancel)``: the whole engine (core layer; no Qt).

Tokenise every document once, find candidate passages between every pair
(``viewer.core.passages``), align their words with diff-match-patch
(``viewer.core.changes``), keep what is real reuse with each word matched to one place at
most (``viewer.core.matching``), group pairs into N-way passages (``viewer.core.grouping``)
and count what is shared. Each pair is computed from its two documents alone.
"""

from __future__ import annotations

import gc
import itertools
import re
import time
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import repeat
from operator import add, itemgetter, sub

from viewer.core.changes import WordAlignment, align_words
from viewer.core.documents import Document
from viewer.core.errors import CANCEL_EVERY, CancelCheck, check_cancel
from viewer.core.grouping import PairPassage, group_passages, merge_ranges
from viewer.core.matching import one_to_one
from viewer.core.model import (
    CompareOptions,
    Comparison,
    DocumentStats,
    PairStats,
    Range,
)
from viewer.core.passages import (
    MAX_GAP,
    SEED_WORDS,
    GramIndex,
    chain_runs,
    gram_index,
    seed_tiles,
)
from viewer.core.tokens import (
    KeyOptions,
    Tokens,
    count_words,
    is_capitalised,
    tokenize,
    widen_to_punctuation,
)

MIN_SIMILARITY = 0.5
MAX_DOCUMENTS = 12

Progress = Callable[[int, int], None]


_check = check_cancel


def _looks_like_a_name(alignment: WordAlignment, tokens: Tokens, text: str, min_words: int) -> bool:
    """A short passage made mostly of capitalised words is a name or title, not reuse."""
    if alignment.run_words >= min_words + 4:
        return False
    capitalised = sum(
        is_capitalised(text[tokens.starts[i] : tokens.ends[i]])
        for start, _, length in alignment.blocks
        for i in range(start, start + length)
    )
    return 2 * capitalised > alignment.equal_words


def paragraph_starts(
    text: str, tokens: Tokens, should_cancel: CancelCheck | None = None
) -> bytearray:
    """``starts[i]`` is 1 when a line break stands between word ``i - 1`` and word ``i``, 2
    when a blank line does (a new paragraph); both ends of the text count as paragraphs."""
    marks = bytearray(len(tokens) + 1)
    position = text.find("\n")
    for count in itertools.count():
        if position == -1:
            break
        if not count % CANCEL_EVERY:
            _check(should_cancel)
        word = bisect_right(tokens.starts, position)
        marks[word] = min(2, marks[word] + 1)
        position = text.find("\n", position + 1)
    marks[0] = marks[len(tokens)] = 2
    return marks


# Words at a paragraph's edge that differ (a changed last name or figure) are taken into
# the passage as changes when both sides have this few before the break.
EDGE_WORDS = 3


class _Pair:
    """Finds the passages between two tokenised documents."""

    def __init__(
        self,
        docs: tuple[int, int],
        tokens: tuple[Tokens, Tokens],
        ids: tuple[list[int], list[int]],
        texts: tuple[str, str],
        breaks: tuple[bytearray, bytearray],
        options: CompareOptions,
        grams: tuple[GramIndex, GramIndex] | None = None,
    ) -> None:
        self.docs = docs
        self.tokens = tokens
        self.ids = ids
        self.texts = texts
        self.breaks = breaks
        self.options = options
        self.grams = grams

    def _chars(self, side: int, first: int, end: int) -> Range:
        tokens = self.tokens[side]
        return tokens.starts[first], tokens.ends[end - 1]

    def _matched(self, side: int, blocks: Sequence[tuple[int, int, int]]) -> tuple[Range, ...]:
        """The character ranges of the equal runs ``blocks`` on one side."""
        tokens = self.tokens[side]
        firsts = list(map(itemgetter(side), blocks))
        lasts = map(sub, map(add, firsts, map(itemgetter(2), blocks)), repeat(1))
        starts = map(tokens.starts.__getitem__, firsts)
        return tuple(zip(starts, map(tokens.ends.__getitem__, lasts), strict=True))

    def _span(self, side: int, first: int, end: int) -> Range:
        return widen_to_punctuation(self.texts[side], *self._chars(side, first, end))

    def _reach(self, side: int, start: int, end: int) -> tuple[int, int]:
        """Up to MAX_GAP more words each way, not crossing a paragraph break."""
        breaks = self.breaks[side]
        low = start
        while start - low < MAX_GAP and not breaks[low]:
            low -= 1
        high = end
        while high - end < MAX_GAP and not breaks[high]:
            high += 1
        return low, high

    def _edges(self, alignment: WordAlignment, used: tuple[bytearray, bytearray]) -> WordAlignment:
        """Take in a few differing words between the passage and a paragraph edge, unless
        another passage of the pair matches them (``used``)."""
        lead: list[int] = []
        tail: list[int] = []
        for side in (0, 1):
            start, end = alignment.spans[side]
            breaks = self.breaks[side]
            before = 0
            while before <= EDGE_WORDS and not breaks[start - before]:
                before += 1
            after = 0
            while after <= EDGE_WORDS and not breaks[end + after]:
                after += 1
            lead.append(before)
            tail.append(after)
        # Only a like-for-like swap ("Kyiv and Moscow" / "Ukraine and Russia"): differing
        # counts mean added or dropped words ("Breaking news:" / "Our desk says:").
        take_lead = (lead[0], lead[1]) if lead[0] == lead[1] <= EDGE_WORDS else (0, 0)
        take_tail = (tail[0], tail[1]) if tail[0] == tail[1] <= EDGE_WORDS else (0, 0)
        spans = alignment.spans
        if any(used[s].find(1, spans[s][0] - take_lead[s], spans[s][0]) != -1 for s in (0, 1)):
            take_lead = (0, 0)
        if any(used[s].find(1, spans[s][1], spans[s][1] + take_tail[s]) != -1 for s in (0, 1)):
            take_tail = (0, 0)
        widened = alignment.take_edges(take_lead, take_tail)
        # An edge word its counterpart has exactly is matched, never marked changed.
        a, b = self.ids
        (a0, a1), (b0, b1) = widened.spans
        lead_equal = [(a0 + t, b0 + t, 1) for t in range(take_lead[0]) if a[a0 + t] == b[b0 + t]]
        tail_equal = [
            (a1 - take_tail[0] + t, b1 - take_tail[1] + t, 1)
            for t in range(take_tail[0])
            if a[a1 - take_tail[0] + t] == b[b1 - take_tail[1] + t]
        ]
        if not lead_equal and not tail_equal:
            return widened
        return WordAlignment((*lead_equal, *widened.blocks, *tail_equal), widened.spans)

    def _whole_paragraphs(self, alignment: WordAlignment) -> bool:
        """Whether the alignment is whole paragraphs (or lines) in both texts."""
        return all(
            self.breaks[side][start] and self.breaks[side][end]
            for side, (start, end) in enumerate(alignment.spans)
        )

    def _stands(self, alignment: WordAlignment) -> bool:
        """Whether an alignment is reuse: long and alike enough, and not just a name."""
        if alignment.run_words < self.options.min_words:
            return False
        if alignment.similarity() < MIN_SIMILARITY:
            return False
        return self._whole_paragraphs(alignment) or not _looks_like_a_name(
            alignment, self.tokens[0], self.texts[0], self.options.min_words
        )

    def _repeats(
        self, used: tuple[bytearray, bytearray], should_cancel: CancelCheck | None
    ) -> list[WordAlignment]:
        """Whole lines or paragraphs one text repeats more often than the other: each extra
        copy, matched to nothing, is linked to an identical line the other text has and
        that is matched already. Words are aligned to one place at most unless they are
        really repeated there, as a whole unit; a phrase inside other text never is."""
        found: list[WordAlignment] = []
        least = max(self.options.min_words, 1)
        for side in (0, 1):
            other = 1 - side
            copies: dict[tuple[int, ...], tuple[int, int]] = {}
            for start, end in _units(self.breaks[other]):
                if end - start >= least and used[other].find(0, start, end) == -1:
                    copies.setdefault(tuple(self.ids[other][start:end]), (start, end))
            if not copies:
                continue
            for count, (start, end) in enumerate(_units(self.breaks[side])):
                if not count % CANCEL_EVERY:
                    _check(should_cancel)
                if end - start < least or used[side].find(1, start, end) != -1:
                    continue
                copy = copies.get(tuple(self.ids[side][start:end]))
                if copy is not None:
                    pair = (start, copy[0]) if side == 0 else (copy[0], start)
                    found.append(WordAlignment.from_blocks(((*pair, end - start),)))
        return [alignment for alignment in found if self._stands(alignment)]

    def passages(self, should_cancel: CancelCheck | None) -> list[tuple[PairPassage, Range, Range]]:
        """Pairwise passages with their word ranges in each document."""
        a, b = self.ids
        seed = min(SEED_WORDS, self.options.min_words)
        # A chain of seeds covering fewer words than this cannot grow into a passage.
        least_seeded = max(seed, (self.options.min_words + 1) // 2 + 1)
        aligned = []
        tiles = seed_tiles(a, b, seed, should_cancel, self.breaks, self.grams)
        for cand in chain_runs(tiles, MAX_GAP, should_cancel):
            if cand.seeded < least_seeded:
                continue
            _check(should_cancel)
            # Seeds are k words long, so a changed word near an end would cut the last
            # words off; look a little further (within the paragraph) and let the trim
            # decide what belongs.
            a0, a1 = self._reach(0, cand.a0, cand.a1)
            b0, b1 = self._reach(1, cand.b0, cand.b1)
            alignment = align_words(a[a0:a1], b[b0:b1], a0, b0, should_cancel, cand.runs)
            if alignment is not None and alignment.run_words >= self.options.min_words:
                aligned.append(alignment)
        aligned.extend(_disputed(tiles, aligned, len(a), should_cancel))
        chosen = one_to_one(
            aligned, (len(a), len(b)), self.breaks, self._stands, MAX_GAP, should_cancel
        )
        used = (bytearray(len(a) + 1), bytearray(len(b) + 1))
        for alignment in chosen:
            _check(should_cancel)
            for i, j, n in alignment.blocks:
                used[0][i : i + n] = b"\1" * n
                used[1][j : j + n] = b"\1" * n
        chosen.extend(self._repeats(used, should_cancel))
        found = []
        for alignment in chosen:
            _check(should_cancel)
            widened = self._edges(alignment, used)
            ranges = (widened.a_range, widened.b_range)
            passage = PairPassage(
                docs=self.docs,
                chars=(self._span(0, *ranges[0]), self._span(1, *ranges[1])),
                matched=(self._matched(0, widened.blocks), self._matched(1, widened.blocks)),
                words=(ranges[0][1] - ranges[0][0], ranges[1][1] - ranges[1][0]),
                similarity=widened.similarity(),
            )
            found.append((passage, ranges[0], ranges[1]))
        return found


def _units(breaks: bytearray) -> list[tuple[int, int]]:
    """Word ranges of the lines of a text (``paragraph_starts``), empty ones left out."""
    starts = [m.start() for m in re.finditer(b"[\x01\x02]", breaks)]
    return [(start, end) for start, end in itertools.pairwise(starts) if end > start]


def _disputed(
    tiles: list[tuple[int, int, int]],
    aligned: list[WordAlignment],
    size: int,
    should_cancel: CancelCheck | None = None,
) -> list[WordAlignment]:
    """Seed runs inside an alignment's span that its word diff paired otherwise, each as an
    alignment of its own: where the diff of a wide window chose another of two equal words
    than the seeds did (a moved paragraph opening with a word that also stands nearby),
    the longer exact run then wins the tiling."""
    diagonal: list[int | None] = [None] * size  # the diagonal j - i each word is paired on
    inside = bytearray(size + 1)
    for alignment in aligned:
        start, end = alignment.a_range
        inside[start:end] = b"\1" * (end - start)
        blocks = alignment.blocks
        for first in range(0, len(blocks), CANCEL_EVERY):
            _check(should_cancel)
            for i, j, n in blocks[first : first + CANCEL_EVERY]:
                diagonal[i : i + n] = [j - i] * n
    found: list[WordAlignment] = []
    for first in range(0, len(tiles), CANCEL_EVERY):
        _check(should_cancel)
        found.extend(
            WordAlignment.from_blocks(((i, j, n),))
            for i, j, n in tiles[first : first + CANCEL_EVERY]
            if inside.find(1, i, i + n) != -1 and diagonal[i : i + n].count(j - i) != n
        )
    return found


def _covered(ranges: list[Range]) -> int:
    return sum(end - start for start, end in merge_ranges(ranges))


def _share(covered: int, total: int) -> float:
    return round(covered / total, 4) if total else 0.0


def compare(
    documents: Sequence[Document],
    options: CompareOptions | None = None,
    should_cancel: CancelCheck | None = None,
    progress: Progress | None = None,
) -> Comparison:
    """Compare 2–12 documents; raise ``ComparisonCancelled`` when ``should_cancel()``.

    Python's cyclic garbage collector is paused meanwhile: the engine makes millions of
    small objects and no cycles, and full collections over them cost 0.15–0.3 s at a
    time on a 20 MB input (longer than a cancel may wait) and 12 % of the CPU time on
    twelve 200 KB texts. Reference counting still frees everything as usual.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _compare(documents, options, should_cancel, progress)
    finally:
        if paused:
            gc.enable()


def _compare(
    documents: Sequence[Document],
    options: CompareOptions | None,
    should_cancel: CancelCheck | None,
    progress: Progress | None,
) -> Comparison:
    started = time.perf_counter()
    options = options or CompareOptions()
    docs = tuple(documents)
    if not 2 <= len(docs) <= MAX_DOCUMENTS:
        raise ValueError(f"compare takes 2 to {MAX_DOCUMENTS} documents, not {len(docs)}")
    key_options = KeyOptions(options.ignore_case, options.ignore_punctuation)
    tokens: list[Tokens] = []
    keys: dict[str, str] = {}
    for doc in docs:
        _check(should_cancel)
        tokens.append(tokenize(doc.text, key_options, should_cancel, keys))
    del keys
    breaks = [
        paragraph_starts(doc.text, t, should_cancel) for doc, t in zip(docs, tokens, strict=True)
    ]
    vocabulary: dict[str, int] = {}
    ids: list[list[int]] = []
    for t in tokens:
        ids.append([])
        for start in range(0, len(t.keys), CANCEL_EVERY):
            _check(should_cancel)
            chunk = t.keys[start : start + CANCEL_EVERY]
            for key in dict.fromkeys(chunk):  # ids in order of first use, as before
                if key not in vocabulary:
                    vocabulary[key] = len(vocabulary)
            ids[-1].extend(map(vocabulary.__getitem__, chunk))
    # Each pair is compared in an orientation that does not depend on the input order.
    rank = {
        index: r
        for r, index in enumerate(
            sorted(range(len(docs)), key=lambda i: (docs[i].text, docs[i].path, docs[i].title))
        )
    }
    pair_list = [(i, j) for i in range(len(docs)) for j in range(i + 1, len(docs))]
    # Each document's seed grams are indexed once, for all the pairs it is in (where each
    # gram stands only when there are such pairs: two texts need not pay its memory).
    seed = min(SEED_WORDS, options.min_words)
    grams: dict[int, GramIndex] = {}

    def indexed(doc: int) -> GramIndex:
        if doc not in grams:
            grams[doc] = gram_index(ids[doc], seed, should_cancel, positions=len(docs) > 2)
        return grams[doc]

    pair_passages: list[PairPassage] = []
    coverage: dict[tuple[int, int], list[Range]] = defaultdict(list)
    longest: dict[tuple[int, int], int] = defaultdict(int)
    for done, (i, j) in enumerate(pair_list, start=1):
        _check(should_cancel)
        a, b = (i, j) if rank[i] < rank[j] else (j, i)
        pair = _Pair(
            (a, b),
            (tokens[a], tokens[b]),
            (ids[a], ids[b]),
            (docs[a].text, docs[b].text),
            (breaks[a], breaks[b]),
            options,
            (indexed(a), indexed(b)),
        )
        found = pair.passages(should_cancel)
        del pair  # nothing may hold the documents' gram indexes once they are freed below
        for passage, range_a, range_b in found:
            pair_passages.append(passage)
            coverage[(a, b)].append(range_a)
            coverage[(b, a)].append(range_b)
            longest[(i, j)] = max(longest[(i, j)], *passage.words)
        if progress is not None:
            progress(done, len(pair_list))
    for indexed_doc in list(grams):  # free each index between two checks, not all at the end
        _check(should_cancel)
        del grams[indexed_doc]
    passages, links = group_passages(pair_passages, [doc.text for doc in docs], should_cancel)
    # A pair's passages are its own links: what other documents carry never changes them.
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for link in links:
        counts[link.docs] += 1
    # Shares are over tokens (punctuation marks are tokens when they count); the word
    # count users see never includes punctuation.
    words = [len(t) for t in tokens]
    shown_words = [
        len(t) if options.ignore_punctuation else count_words(doc.text, should_cancel)
        for doc, t in zip(docs, tokens, strict=True)
    ]
    pairs = tuple(
        PairStats(
            docs=(i, j),
            shared=(
                _share(_covered(coverage[(i, j)]), words[i]),
                _share(_covered(coverage[(j, i)]), words[j]),
            ),
            passages=counts[(i, j)],
            longest_words=longest[(i, j)],
        )
        for i, j in pair_list
    )
    document_stats = tuple(
        DocumentStats(
            words=shown_words[d],
            shared=_share(
                _covered(
                    [r for other in range(len(docs)) if other != d for r in coverage[(d, other)]]
                ),
                words[d],
            ),
        )
        for d in range(len(docs))
    )
    return Comparison(
        documents=docs,
        options=options,
        passages=passages,
        pairs=pairs,
        document_stats=document_stats,
        links=links,
        elapsed=time.perf_counter() - started,
    )
