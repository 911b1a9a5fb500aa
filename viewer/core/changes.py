"""Word-level differences inside one candidate passage (core layer; no Qt).

The only module that imports diff_match_patch. Each word id becomes one character
(the ``diff_linesToChars`` trick, with words) so diff-match-patch compares words; no
semantic cleanup runs, because it can throw away long equalities.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from diff_match_patch import diff_match_patch

from viewer.core.errors import CANCEL_EVERY, CancelCheck, check_cancel

_EQUAL = 0
_DELETE = -1
_INSERT = 1
_FIRST_CHAR = 0x100
_SURROGATES = range(0xD800, 0xE000)

# Most words of either side diff-match-patch compares at once: its cost grows with the
# product of the sides' lengths, so larger candidates are cut into pieces first.
PIECE_WORDS = 100
# Pieces longer than this are split at single-word anchors where there are any: the
# diff's cost grows with the product of length and differences, even below PIECE_WORDS.
SPLIT_ABOVE = 16
# Anchors are the rarest shared k-grams: single words first, then longer grams.
ANCHOR_GRAMS = (1, 2, 3, 4)
# Anchor passes nested deeper than this give way to proportional slices.
MAX_DEPTH = 6


_LENGTH = itemgetter(2)


@dataclass(frozen=True, slots=True)
class WordAlignment:
    """Which words of two word ranges are equal.

    ``blocks`` are equal runs ``(a_index, b_index, length)`` in absolute word indices;
    ``spans`` are the aligned word ranges ``((a0, a1), (b0, b1))``: from the first block to
    the end of the last, unless edge words were taken in (see ``take_edges``).
    """

    blocks: tuple[tuple[int, int, int], ...]
    spans: tuple[tuple[int, int], tuple[int, int]]

    @classmethod
    def from_blocks(cls, blocks: tuple[tuple[int, int, int], ...]) -> WordAlignment:
        first, last = blocks[0], blocks[-1]
        spans = ((first[0], last[0] + last[2]), (first[1], last[1] + last[2]))
        return cls(blocks, spans)

    @property
    def a_range(self) -> tuple[int, int]:
        return self.spans[0]

    @property
    def b_range(self) -> tuple[int, int]:
        return self.spans[1]

    @property
    def equal_words(self) -> int:
        lengths: list[int] = list(map(_LENGTH, self.blocks))
        return sum(lengths)

    @property
    def run_words(self) -> int:
        """Equal words in runs of two or more: single-word coincidences do not count."""
        lengths: list[int] = list(map(_LENGTH, self.blocks))
        return sum(lengths) - lengths.count(1)

    def similarity(self) -> float:
        """Dice similarity of the two ranges in words: 1.0 when identical."""
        (a0, a1), (b0, b1) = self.spans
        return 2 * self.equal_words / ((a1 - a0) + (b1 - b0))

    def equal_runs(self, side: int) -> list[tuple[int, int]]:
        """Runs ``(first, end)`` of equal words on side 0 (a) or 1 (b)."""
        return [(block[side], block[side] + block[2]) for block in self.blocks]

    def changed(self, side: int) -> list[tuple[int, int]]:
        """Runs ``(first, end)`` of words on side 0 (a) or 1 (b) not in any equal block."""
        runs: list[tuple[int, int]] = []
        previous_end, span_end = self.spans[side]
        for block in self.blocks:
            start = block[side]
            if start > previous_end:
                runs.append((previous_end, start))
            previous_end = start + block[2]
        if span_end > previous_end:
            runs.append((previous_end, span_end))
        return runs

    def take_edges(self, lead: tuple[int, int], tail: tuple[int, int]) -> WordAlignment:
        """Widen both spans by ``lead`` words before and ``tail`` words after (as changes)."""
        (a0, a1), (b0, b1) = self.spans
        return WordAlignment(
            self.blocks, ((a0 - lead[0], a1 + tail[0]), (b0 - lead[1], b1 + tail[1]))
        )


def _encode(a: Sequence[int], b: Sequence[int]) -> tuple[str, str]:
    """One character per distinct word of ``a`` and ``b`` (a piece has few distinct words)."""
    table: dict[int, str] = {}

    def char(word: int) -> str:
        c = table.get(word)
        if c is None:
            code = _FIRST_CHAR + len(table)
            if code >= _SURROGATES.start:
                code += len(_SURROGATES)
            c = table[word] = chr(code)
        return c

    return "".join(map(char, a)), "".join(map(char, b))


def diff_piece(text_a: str, text_b: str) -> list[tuple[int, str]]:
    """diff-match-patch on one piece of at most ``PIECE_WORDS`` words a side, no timeout."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    result: list[tuple[int, str]] = dmp.diff_main(text_a, text_b, False)
    return result


Block = tuple[int, int, int]


def _common_prefix(a: Sequence[int], i: int, b: Sequence[int], j: int, limit: int) -> int:
    """How many words ``a[i:]`` and ``b[j:]`` share at the start (at most ``limit``)."""
    n, step = 0, 16
    while n < limit:
        size = min(step, limit - n)
        if a[i + n : i + n + size] == b[j + n : j + n + size]:
            n += size
            step = min(step * 2, 4096)
        elif size == 1:
            break
        else:
            step = max(1, size // 2)
    return n


def _common_suffix(a: Sequence[int], i: int, b: Sequence[int], j: int, limit: int) -> int:
    """How many words ``a[:i]`` and ``b[:j]`` share at the end (at most ``limit``)."""
    n, step = 0, 16
    while n < limit:
        size = min(step, limit - n)
        if a[i - n - size : i - n] == b[j - n - size : j - n]:
            n += size
            step = min(step * 2, 4096)
        elif size == 1:
            break
        else:
            step = max(1, size // 2)
    return n


def _unique_grams(
    ids: Sequence[int], start: int, end: int, k: int, should_cancel: CancelCheck | None
) -> dict[object, int]:
    """k-grams occurring once in ``ids[start:end]``, with their position."""
    grams: Iterable[object] = (
        ids[start:end] if k == 1 else zip(*(ids[start + n : end] for n in range(k)), strict=False)
    )
    seen: dict[object, int] = {}
    for position, gram in enumerate(grams, start):
        if not position % CANCEL_EVERY:
            check_cancel(should_cancel)
        seen[gram] = -1 if gram in seen else position
    return {gram: position for gram, position in seen.items() if position >= 0}


def _increasing(
    pairs: list[tuple[int, int]], should_cancel: CancelCheck | None
) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (sorted by first item) rising in the second."""
    tails: list[int] = []  # tails[n]: index in pairs ending the best run of length n + 1
    tail_values: list[int] = []
    previous: list[int] = []
    for index, (_, j) in enumerate(pairs):
        if not index % CANCEL_EVERY:
            check_cancel(should_cancel)
        n = bisect_left(tail_values, j)
        previous.append(tails[n - 1] if n else -1)
        if n == len(tails):
            tails.append(index)
            tail_values.append(j)
        else:
            tails[n] = index
            tail_values[n] = j
    chosen: list[tuple[int, int]] = []
    index = tails[-1] if tails else -1
    while index >= 0:
        chosen.append(pairs[index])
        index = previous[index]
    return chosen[::-1]


def _anchors(
    a: Sequence[int],
    b: Sequence[int],
    box: tuple[int, int, int, int],
    grams: tuple[int, ...] = (1,),
    should_cancel: CancelCheck | None = None,
) -> list[Block]:
    """Equal runs to split a large piece at: k-grams unique on both sides, in order (the
    patience diff's anchors), for the smallest k that gives any. Empty when none exists."""
    a0, a1, b0, b1 = box
    for k in grams:
        if a1 - a0 < k or b1 - b0 < k:
            break
        in_b = _unique_grams(b, b0, b1, k, should_cancel)
        pairs: list[tuple[int, int]] = []
        for count, (gram, i) in enumerate(_unique_grams(a, a0, a1, k, should_cancel).items()):
            if not count % CANCEL_EVERY:
                check_cancel(should_cancel)
            j = in_b.get(gram)
            if j is not None:
                pairs.append((i, j))
        if not pairs:
            continue
        pairs.sort()
        runs: list[list[int]] = []
        for count, (i, j) in enumerate(_increasing(pairs, should_cancel)):
            if not count % CANCEL_EVERY:
                check_cancel(should_cancel)
            if runs:
                ri, rj, rn = runs[-1]
                if i - ri == j - rj and i <= ri + rn:
                    runs[-1][2] = max(rn, i - ri + k)
                    continue
                if i < ri + rn or j < rj + rn:
                    continue
            runs.append([i, j, k])
        return [(i, j, n) for i, j, n in runs]
    return []


def _fallback(box: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    """No anchor: cut both sides into the same number of pieces, proportionally."""
    a0, a1, b0, b1 = box
    count = -(-max(a1 - a0, b1 - b0) // PIECE_WORDS)
    return [
        (
            a0 + (a1 - a0) * n // count,
            a0 + (a1 - a0) * (n + 1) // count,
            b0 + (b1 - b0) * n // count,
            b0 + (b1 - b0) * (n + 1) // count,
        )
        for n in range(count)
    ]


class _Aligner:
    """Equal blocks of two word-id sequences, one bounded piece at a time."""

    def __init__(self, a: Sequence[int], b: Sequence[int], should_cancel: CancelCheck | None):
        self.a = a
        self.b = b
        self.should_cancel = should_cancel
        self.blocks: list[Block] = []

    def _add(self, i: int, j: int, n: int) -> None:
        if n <= 0:
            return
        if self.blocks:
            pi, pj, pn = self.blocks[-1]
            if pi + pn == i and pj + pn == j:
                self.blocks[-1] = (pi, pj, pn + n)
                return
        self.blocks.append((i, j, n))

    def _diff(self, a0: int, a1: int, b0: int, b1: int) -> None:
        if a0 == a1 or b0 == b1:
            return
        check_cancel(self.should_cancel)
        if self._plain(a0, a1, b0, b1):
            return
        i, j = a0, b0
        for op, data in diff_piece(*_encode(self.a[a0:a1], self.b[b0:b1])):
            n = len(data)
            if op == _EQUAL:
                self._add(i, j, n)
                i += n
                j += n
            elif op == _DELETE:
                i += n
            else:
                j += n

    def _plain(self, a0: int, a1: int, b0: int, b1: int) -> bool:
        """Add the equal words of a piece whose shared words each stand once on each side,
        in the same order, and say whether it was one: its longest common subsequence is
        then those words and nothing else, so every shortest diff (diff-match-patch's
        included) pairs exactly them. Most pieces between anchors are such (a swapped
        word or two), and need no diff at all."""
        a, b = self.a[a0:a1], self.b[b0:b1]
        shared = set(a).intersection(b)
        if not shared:
            return True
        in_a = [(word, i) for i, word in enumerate(a, a0) if word in shared]
        in_b = [(word, j) for j, word in enumerate(b, b0) if word in shared]
        if len(in_a) != len(shared) or len(in_b) != len(shared):
            return False
        if any(x[0] != y[0] for x, y in zip(in_a, in_b, strict=True)):
            return False
        for (_, i), (_, j) in zip(in_a, in_b, strict=True):
            self._add(i, j, 1)
        return True

    def anchored(self, a1: int, b1: int, anchors: Sequence[Block]) -> None:
        """Equal runs known beforehand (the seeds a candidate was chained from, in order in
        both texts) taken as they are; only the short gaps between them are aligned."""
        a0 = b0 = 0
        blocks = self.blocks
        for count, (i, j, n) in enumerate(anchors):
            if not count % CANCEL_EVERY:
                check_cancel(self.should_cancel)
            if i - a0 == 1 and j - b0 == 1:  # one word each: a swapped word, mostly
                if self.a[a0] == self.b[b0]:
                    self._add(a0, b0, 1)
            elif i > a0 and j > b0:
                self.align(a0, i, b0, j)
            # self._add(i, j, n), inline: a call per anchor is a tenth of the work here
            last = blocks[-1] if blocks else (-1, -1, 0)
            if n > 0 and last[0] + last[2] == i and last[1] + last[2] == j and blocks:
                blocks[-1] = (last[0], last[1], last[2] + n)
            elif n > 0:
                blocks.append((i, j, n))
            a0, b0 = i + n, j + n
        self.align(a0, a1, b0, b1)

    def align(self, a0: int, a1: int, b0: int, b1: int, depth: int = 0) -> None:
        """Strip the common ends, then diff the middle whole, at anchors, or in slices."""
        head = _common_prefix(self.a, a0, self.b, b0, min(a1 - a0, b1 - b0))
        self._add(a0, b0, head)
        a0, b0 = a0 + head, b0 + head
        tail = _common_suffix(self.a, a1, self.b, b1, min(a1 - a0, b1 - b0))
        a1, b1 = a1 - tail, b1 - tail
        size = max(a1 - a0, b1 - b0)
        if size <= SPLIT_ABOVE or a0 == a1 or b0 == b1:
            self._diff(a0, a1, b0, b1)
        elif size <= PIECE_WORDS and self._plain(a0, a1, b0, b1):
            pass  # what the anchors would find: every shared word is one
        else:
            check_cancel(self.should_cancel)
            box = (a0, a1, b0, b1)
            grams = ANCHOR_GRAMS if size > PIECE_WORDS else ANCHOR_GRAMS[:1]
            runs = (
                _anchors(self.a, self.b, box, grams, self.should_cancel)
                if depth < MAX_DEPTH
                else []
            )
            if runs:
                for i, j, n in runs:
                    self.align(a0, i, b0, j, depth + 1)
                    self._add(i, j, n)
                    a0, b0 = i + n, j + n
                self.align(a0, a1, b0, b1, depth + 1)
            elif size <= PIECE_WORDS:
                self._diff(a0, a1, b0, b1)
            else:
                for box in _fallback((a0, a1, b0, b1)):
                    self._diff(*box)
        self._add(a1, b1, tail)


def equal_blocks(
    a: Sequence[int],
    b: Sequence[int],
    should_cancel: CancelCheck | None = None,
    anchors: Sequence[Block] = (),
) -> list[Block]:
    """Equal runs ``(a_index, b_index, length)`` between two word-id sequences.

    diff-match-patch never sees more than ``PIECE_WORDS`` words a side: a longer middle
    (after the common ends) is split at anchors, words or short n-grams that occur once on
    each side, in order; where none is left, into proportional slices. The work is bounded
    by the input's size, never by a clock, so the result does not depend on machine speed.
    """
    aligner = _Aligner(a, b, should_cancel)
    if anchors:
        aligner.anchored(len(a), len(b), anchors)
    else:
        aligner.align(0, len(a), 0, len(b))
    return aligner.blocks


def _trim(blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Drop end blocks shorter than the gap that separates them from the rest.

    An end block that holds most of the equal words is the core, never a weak end.
    """

    def gap(x: tuple[int, int, int], y: tuple[int, int, int]) -> int:
        return max(y[0] - (x[0] + x[2]), y[1] - (x[1] + x[2]))

    total = sum(block[2] for block in blocks)
    first, last = 0, len(blocks) - 1  # indices, not slices: trimming stays linear
    while first < last and blocks[first][2] < min(
        gap(blocks[first], blocks[first + 1]), total - blocks[first][2]
    ):
        total -= blocks[first][2]
        first += 1
    while first < last and blocks[last][2] < min(
        gap(blocks[last - 1], blocks[last]), total - blocks[last][2]
    ):
        total -= blocks[last][2]
        last -= 1
    return blocks[first : last + 1]


def trimmed(blocks: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``blocks`` without weak end blocks (see ``_trim``)."""
    return _trim(list(blocks))


def align_words(
    a: Sequence[int],
    b: Sequence[int],
    a_offset: int = 0,
    b_offset: int = 0,
    should_cancel: CancelCheck | None = None,
    anchors: Sequence[Block] = (),
) -> WordAlignment | None:
    """Word alignment of ``a`` and ``b`` (slices starting at the given offsets), or None.

    ``anchors`` (absolute indices, in order in both texts) are equal runs to keep as they
    are (``equal_blocks``)."""
    relative = [(i - a_offset, j - b_offset, n) for i, j, n in anchors]
    blocks = _trim(equal_blocks(a, b, should_cancel, relative))
    if not blocks:
        return None
    return WordAlignment.from_blocks(tuple((i + a_offset, j + b_offset, n) for i, j, n in blocks))
