"""One-to-one matching of the word alignments of one pair of documents (core layer; no Qt).

Candidate alignments of a pair can claim the same words: repeated lines, menus, product
lists, stock phrases, code and near-duplicate paragraphs each match every copy on the other
side. Greedy string tiling (``tile``, as JPlag and text-reuse detectors use it) gives every
word to one exact run at most: the longest first, runs cut at line starts, ties to the copy
that stands in the longer run of its paragraph, so copy i of a repeated block pairs with
copy i. ``one_to_one`` tiles the equal runs of all alignments, rebuilds passages from the
tiles each alignment kept (cut where a paragraph break stands in an unmatched stretch of one
text only; neighbouring pieces joined again) and keeps the pieces that still stand.
May import ``viewer.core.changes`` and ``viewer.core.errors`` only; ``viewer.core.passages``
tiles its seeds here.
"""

from __future__ import annotations

import heapq
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate, compress
from operator import add, gt, itemgetter, lt, or_

from viewer.core.changes import WordAlignment, trimmed
from viewer.core.errors import CANCEL_EVERY, CancelCheck, check_cancel

Block = tuple[int, int, int]
_SORT_CHUNK = 16 * CANCEL_EVERY
_LONG_PIECE = 64  # words of a piece that is cut with a cancel check of its own
_ANY_BREAK = bytes([0] + [1] * 255)


def _breaks_between(breaks: bytearray, end: int, start: int) -> bool:
    """Whether a line break stands anywhere from after word ``end - 1`` to word ``start``."""
    return any(breaks[end : start + 1])


def _line_starts(breaks: tuple[bytearray, bytearray]) -> tuple[bytearray, bytearray]:
    """Each text's breaks as 1 wherever a line starts: whether a stretch crosses one is
    then one ``find``."""
    return breaks[0].translate(_ANY_BREAK), breaks[1].translate(_ANY_BREAK)


def _starts(breaks: bytearray, level: int) -> list[int]:
    """Word indices where a line (level 1) or a paragraph (level 2) starts."""
    pattern = _PARAGRAPH if level == 2 else _LINE
    return [m.start() for m in pattern.finditer(breaks)]


_LINE = re.compile(b"[\x01\x02]")
_PARAGRAPH = re.compile(b"\x02")


def _cut(block: Block, starts: tuple[list[int], list[int]]) -> list[Block]:
    """``block`` cut where either text starts a line or paragraph (``_starts``)."""
    i, j, n = block
    cuts = {0, n}
    for side, first in ((0, i), (1, j)):
        marks = starts[side]
        for at in range(bisect_right(marks, first), bisect_left(marks, first + n)):
            cuts.add(marks[at] - first)
    if len(cuts) == 2:
        return [block]
    ordered = sorted(cuts)
    return [(i + x, j + x, y - x) for x, y in itertools.pairwise(ordered)]


def _pieces(
    runs: Sequence[Block],
    starts: tuple[bytearray, bytearray],
    used: tuple[bytearray, bytearray],
    should_cancel: CancelCheck | None = None,
) -> list[list[Block]]:
    """Consecutive ``runs`` of one alignment, in groups that hold together: split where
    another alignment's tile, or a paragraph break in one text only, stands in the
    unmatched stretch between two (``_join`` may join them again across alignments).
    ``starts`` are the texts' breaks as 1 wherever a line starts (``_line_starts``)."""
    groups: list[list[Block]] = []
    starts_a, starts_b = starts
    used_a, used_b = used
    group: list[Block] = []
    end_a = end_b = -1
    for count, run in enumerate(runs):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        i, j, n = run
        if (end_a == i and end_b == j) or (
            group
            and (starts_a.find(1, end_a, i + 1) == -1) == (starts_b.find(1, end_b, j + 1) == -1)
            and used_a.find(1, end_a, i) == -1
            and used_b.find(1, end_b, j) == -1
        ):
            group.append(run)
        else:
            group = [run]
            groups.append(group)
        end_a, end_b = i + n, j + n
    return groups


def _alone(
    runs: list[tuple[Block, int, int]],
    sizes: tuple[int, int],
    should_cancel: CancelCheck | None = None,
) -> list[bool]:
    """For each run (of one word or more), whether no other run claims any of its words
    in either text.

    Per text, in order of start: a run overlaps an earlier one when it starts before the
    furthest end so far, and a later one when the next start comes before its own end.
    Every step is a C-level pass (``map``, ``accumulate``, ``sorted``), none per run in
    Python: near-identical texts have tens of thousands of runs per pair."""
    if len(runs) > 4 * _SORT_CHUNK:
        return _alone_by_cover(runs, sizes, should_cancel)  # one sort would be too long
    blocks = list(map(itemgetter(0), runs))
    lengths = list(map(_LENGTH, blocks))
    alone = [True] * len(blocks)
    for side in (0, 1):
        check_cancel(should_cancel)
        starts = list(map(itemgetter(side), blocks))
        order = sorted(range(len(blocks)), key=starts.__getitem__)
        check_cancel(should_cancel)
        first = list(map(starts.__getitem__, order))
        ends = list(map(add, first, map(lengths.__getitem__, order)))
        furthest = [-1, *accumulate(ends, max)][:-1]
        nexts = [*first[1:], sizes[side] + 1]
        check_cancel(should_cancel)
        crowded = list(compress(order, map(or_, map(lt, first, furthest), map(gt, ends, nexts))))
        for count, r in enumerate(crowded):
            if not count % CANCEL_EVERY:
                check_cancel(should_cancel)
            alone[r] = False
    return alone


def _alone_by_cover(
    runs: list[tuple[Block, int, int]],
    sizes: tuple[int, int],
    should_cancel: CancelCheck | None = None,
) -> list[bool]:
    """``_alone`` with a cancel check every ``CANCEL_EVERY`` runs: how many runs claim each
    word, counted up to 2 (``_MORE``), one slice per run."""
    cover_a, cover_b = bytearray(sizes[0] + 1), bytearray(sizes[1] + 1)
    for count, ((i, j, n), _, _) in enumerate(runs):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        cover_a[i : i + n] = cover_a[i : i + n].translate(_MORE)
        cover_b[j : j + n] = cover_b[j : j + n].translate(_MORE)
    alone = []
    for count, ((i, j, n), _, _) in enumerate(runs):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        alone.append(cover_a.find(2, i, i + n) == -1 and cover_b.find(2, j, j + n) == -1)
    return alone


_MORE = bytes([1] + [2] * 255)


def tile(
    runs: Iterable[tuple[Block, int, int]],
    sizes: tuple[int, int],
    breaks: tuple[bytearray, bytearray],
    blockers: set[int] | None = None,
    should_cancel: CancelCheck | None = None,
    apart: bool = False,
    alone_first: bool = True,
) -> list[tuple[Block, int]]:
    """Greedy string tiling: the ``(run, weight, owner)`` that claim no word twice.

    Runs are cut where either text starts a line (paragraphs and lines are what gets
    copied, so a run that goes on past one copy into the repeated opening of the next does
    not take those words from the next copy's own match). The longest piece goes first;
    ties go to the piece whose run is longer within its paragraph (a repeated line goes
    with the copy of the paragraph it stands in), then to the higher ``weight``, then to
    the earliest. A piece that overlaps taken words keeps its free parts. ``breaks`` are
    ``viewer.core.compare.paragraph_starts``: 1 where a line starts, 2 where a paragraph
    does. Returns the tiles with their owners, as ``(block, owner)``, and adds to
    ``blockers`` the owners that took words another owner's run wanted. ``apart``: the
    caller knows that no two runs claim a word. ``alone_first``: set the runs no other
    run touches aside before ordering the rest (the result is the same either way).
    """
    runs = list(runs)
    if apart or _apart(list(map(itemgetter(0), runs)), should_cancel):
        return [(block, owner) for block, _, owner in runs]
    paragraphs = (_starts(breaks[0], 2), _starts(breaks[1], 2))
    lines = (_starts(breaks[0], 1), _starts(breaks[1], 1))
    # 1 wherever a line starts: most runs cross none, which one find() tells.
    starts_a, starts_b = _line_starts(breaks)
    # Pieces in buckets by length, longest first; within a bucket, in the order of
    # (longer run within its paragraph, higher weight, i, j, owner), packed into one int
    # (``_Keys``). A piece's free parts are shorter than it, so they join a later bucket.
    weights = list(map(itemgetter(1), runs))
    keys = _Keys(sizes, weights, max(map(itemgetter(2), runs), default=0) + 1)
    del weights
    # Runs that are not alone wait, uncut, in a bucket of their own length: one a longer
    # piece took whole on one side is dropped unseen (most coincidental seeds), the others
    # are cut at line starts when their length comes up.
    tiles: list[tuple[Block, int]] = []
    waiting: dict[int, list[tuple[Block, int, int]]] = {}
    for count, (entry, alone) in enumerate(
        zip(
            runs,
            _alone(runs, sizes, should_cancel) if alone_first else [False] * len(runs),
            strict=True,
        )
    ):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        if alone:
            tiles.append((entry[0], entry[2]))
        else:
            waiting.setdefault(entry[0][2], []).append(entry)
    buckets: dict[int, list[int]] = {}
    lengths = [-n for n in waiting]
    heapq.heapify(lengths)
    used = (bytearray(sizes[0] + 1), bytearray(sizes[1] + 1))
    owners = ([-1] * (sizes[0] + 1), [-1] * (sizes[1] + 1))
    while lengths:
        n = -heapq.heappop(lengths)
        bucket = buckets.pop(n, [])
        if blockers is None:
            # A piece taken whole on one side by a longer one gives nothing, whatever its
            # place in the order.
            bucket = _with_free_words(bucket, n, used, keys, should_cancel)
        for count, (run, weight, owner) in enumerate(waiting.pop(n, ())):
            if not count % CANCEL_EVERY:
                check_cancel(should_cancel)
            i, j, _ = run
            if blockers is None and (
                used[0].find(0, i, i + n) == -1 or used[1].find(0, j, j + n) == -1
            ):
                continue
            if (
                starts_a.find(1, i + 1, i + n) == -1 and starts_b.find(1, j + 1, j + n) == -1
            ) or len(_cut(run, lines)) == 1:
                bucket.append(keys.pack(n, weight, i, j, owner))
                continue
            for paragraph in _cut(run, paragraphs):
                for i, j, m in _cut(paragraph, lines):
                    key = keys.pack(paragraph[2], weight, i, j, owner)
                    if m == n:
                        bucket.append(key)
                    else:
                        _add(buckets, waiting, lengths, m, key)
        for count, key in enumerate(_sorted_ints(bucket, should_cancel)):
            if not count % CANCEL_EVERY:
                check_cancel(should_cancel)
            rest, i, j, owner = keys.unpack(key)
            if used[0].find(1, i, i + n) == -1 and used[1].find(1, j, j + n) == -1:
                used[0][i : i + n] = b"\1" * n
                used[1][j : j + n] = b"\1" * n
                owners[0][i : i + n] = [owner] * n
                owners[1][j : j + n] = [owner] * n
                tiles.append(((i, j, n), owner))
                continue
            if blockers is not None:
                blockers.update(owners[0][i : i + n])
                blockers.update(owners[1][j : j + n])
            if used[0].find(0, i, i + n) == -1 or used[1].find(0, j, j + n) == -1:
                continue  # taken whole on one side: no free part (the common case)
            if n > _LONG_PIECE:
                check_cancel(should_cancel)  # cutting a long piece is work of its own
            start = 0
            for t in range(n + 1):
                if t == n or used[0][i + t] or used[1][j + t]:
                    if t > start:
                        key = keys.repack(rest, i + start, j + start, owner)
                        _add(buckets, waiting, lengths, t - start, key)
                    start = t + 1
    return tiles


def _add(
    buckets: dict[int, list[int]],
    waiting: dict[int, list[tuple[Block, int, int]]],
    lengths: list[int],
    n: int,
    key: int,
) -> None:
    """Put a piece of ``n`` words in its bucket (``lengths``: a heap of the lengths still
    to do, negated)."""
    if n not in buckets:
        buckets[n] = []
        if n not in waiting:
            heapq.heappush(lengths, -n)
    buckets[n].append(key)


class _Keys:
    """A tiling piece's order within its length bucket as one int (ints sort several
    times faster than tuples): run length within its paragraph (longer first), weight
    (higher first), then i, j and owner (lower first)."""

    def __init__(self, sizes: tuple[int, int], weights: list[int], owners: int) -> None:
        """``owners``: one more than the highest owner."""
        self.top = max(sizes) + 1
        self.heaviest = max(weights, default=0)
        self.weights = self.heaviest - min(weights, default=0) + 1
        self.size_a, self.size_b, self.owners = sizes[0] + 1, sizes[1] + 1, owners

    def pack(self, run_length: int, weight: int, i: int, j: int, owner: int) -> int:
        rest = (self.top - run_length) * self.weights + self.heaviest - weight
        return self.repack(rest, i, j, owner)

    def repack(self, rest: int, i: int, j: int, owner: int) -> int:
        return ((rest * self.size_a + i) * self.size_b + j) * self.owners + owner

    def unpack(self, key: int) -> tuple[int, int, int, int]:
        """``(rest, i, j, owner)``, where ``rest`` holds the run length and weight."""
        key, owner = divmod(key, self.owners)
        key, j = divmod(key, self.size_b)
        rest, i = divmod(key, self.size_a)
        return rest, i, j, owner

    def places(self, key: int) -> tuple[int, int]:
        key //= self.owners
        key, j = divmod(key, self.size_b)
        return key % self.size_a, j


def _with_free_words(
    bucket: list[int],
    n: int,
    used: tuple[bytearray, bytearray],
    keys: _Keys,
    should_cancel: CancelCheck | None,
) -> list[int]:
    """The pieces of length ``n`` with a free word in both texts."""
    kept = []
    used_a, used_b = used
    for count, key in enumerate(bucket):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        i, j = keys.places(key)
        if used_a.find(0, i, i + n) != -1 and used_b.find(0, j, j + n) != -1:
            kept.append(key)
    return kept


def _sorted_ints(items: list[int], should_cancel: CancelCheck | None) -> Iterable[int]:
    """``items`` in order: one sort when it is quick, else sorted slices merged lazily."""
    check_cancel(should_cancel)
    if len(items) <= 4 * _SORT_CHUNK:
        items.sort()
        return items
    chunks = []
    for start in range(0, len(items), _SORT_CHUNK):
        check_cancel(should_cancel)
        chunks.append(sorted(items[start : start + _SORT_CHUNK]))
    return heapq.merge(*chunks)


ROUNDS = 4
_LENGTH = itemgetter(2)


def _apart(blocks: list[Block], should_cancel: CancelCheck | None = None) -> bool:
    """Whether the blocks, as given, follow each other without overlap in both texts: then
    no two claim a word (near-identical texts, where every seed run stands alone and
    finding that out run by run would cost more). False says nothing."""
    for start in range(0, len(blocks), _SORT_CHUNK):
        check_cancel(should_cancel)
        if not all(
            i + n <= later[0] and j + n <= later[1]
            for (i, j, n), later in itertools.pairwise(blocks[start : start + _SORT_CHUNK + 1])
        ):
            return False
    return True


def _disjoint(ranges: list[tuple[int, int]]) -> bool:
    """Whether no two of the ranges overlap."""
    ordered = sorted(ranges)
    return all(end <= start for (_, end), (start, _) in itertools.pairwise(ordered))


def _coalesce(group: list[Block], should_cancel: CancelCheck | None = None) -> list[Block]:
    """Tiles that touch in both texts (cut apart at a line break) as one block again."""
    blocks: list[Block] = []
    for count, (i, j, n) in enumerate(group):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        if blocks and blocks[-1][0] + blocks[-1][2] == i and blocks[-1][1] + blocks[-1][2] == j:
            blocks[-1] = (blocks[-1][0], blocks[-1][1], blocks[-1][2] + n)
        else:
            blocks.append((i, j, n))
    return blocks


def _join(
    groups: list[tuple[int, list[Block]]],
    breaks: tuple[bytearray, bytearray],
    used: tuple[bytearray, bytearray],
    max_gap: int,
    should_cancel: CancelCheck | None = None,
) -> list[tuple[set[int], list[Block]]]:
    """Groups of tiles joined where one follows another within ``max_gap`` words in both
    texts with nothing taken between them: neighbouring alignments of one passage (two
    seed chains a wide edit kept apart) become one piece again."""
    groups = sorted(groups, key=lambda g: (g[1][0][0], g[1][0][1]))
    joined: list[tuple[set[int], list[Block]]] = []
    ends: dict[int, list[int]] = {}  # a-end of a joined group's last tile -> indices
    for count, (owner, group) in enumerate(groups):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        first = group[0]
        target = None
        for end_a in range(first[0], first[0] - max_gap - 1, -1):
            for index in ends.get(end_a, ()):
                last = joined[index][1][-1]
                end_b = last[1] + last[2]
                if not 0 <= first[1] - end_b <= max_gap:
                    continue
                if used[0].find(1, end_a, first[0]) != -1 or used[1].find(1, end_b, first[1]) != -1:
                    continue
                if _breaks_between(breaks[0], end_a, first[0]) != _breaks_between(
                    breaks[1], end_b, first[1]
                ) and (end_a, end_b) != (first[0], first[1]):
                    continue
                target = index
                break
            if target is not None:
                break
        if target is None:
            joined.append(({owner}, list(group)))
            target = len(joined) - 1
        else:
            last = joined[target][1][-1]
            ends[last[0] + last[2]].remove(target)
            joined[target][0].add(owner)
            joined[target][1].extend(group)
        last = joined[target][1][-1]
        ends.setdefault(last[0] + last[2], []).append(target)
    return joined


def one_to_one(
    alignments: Iterable[WordAlignment],
    sizes: tuple[int, int],
    breaks: tuple[bytearray, bytearray],
    keep: Callable[[WordAlignment], bool],
    max_gap: int,
    should_cancel: CancelCheck | None = None,
) -> list[WordAlignment]:
    """The alignments (or pieces of them) that claim no word twice, in text order of side a.

    ``tile`` over the equal runs of all alignments (ties: the alignment with more equal
    words first). Each alignment then keeps its tiles, cut where a paragraph break stands
    in an unmatched stretch of one text only; pieces that follow each other closely are
    joined (``_join``), and ``keep`` says whether a piece still stands as a passage. An
    alignment that lost no word yet fed no piece that stands withdraws those runs (and
    the ones trimmed off), and the tiling is redone: a stray match cannot take words from
    a passage and then vanish.
    ``sizes`` are the word counts of the two texts, ``breaks`` their paragraph starts
    (``viewer.core.compare.paragraph_starts``), ``max_gap`` the widest gap ``_join``
    bridges.
    """
    alignments = list(alignments)
    owned = [list(alignment.blocks) for alignment in alignments]
    weights = [alignment.equal_words for alignment in alignments]
    # Alignments whose spans overlap in neither text cannot claim a word twice.
    apart = all(_disjoint([al.spans[side] for al in alignments]) for side in (0, 1))
    accepted: list[WordAlignment] = []
    starts = _line_starts(breaks)
    for _ in range(ROUNDS):
        runs = [(block, weights[k], k) for k, blocks in enumerate(owned) for block in blocks]
        tiles: list[list[Block]] = [[] for _ in owned]
        blockers: set[int] = set()
        for block, k in tile(runs, sizes, breaks, blockers, should_cancel, apart):
            tiles[k].append(block)
        used = (bytearray(sizes[0] + 1), bytearray(sizes[1] + 1))
        for runs_of_k in tiles:
            check_cancel(should_cancel)
            for i, j, n in runs_of_k:
                used[0][i : i + n] = b"\1" * n
                used[1][j : j + n] = b"\1" * n
        groups: list[tuple[int, list[Block]]] = []
        for k, runs_of_k in enumerate(tiles):
            if not k % CANCEL_EVERY:
                check_cancel(should_cancel)
            runs_of_k.sort()
            groups.extend((k, group) for group in _pieces(runs_of_k, starts, used, should_cancel))
        accepted = []
        withdrawn = False
        kept = bytearray(sizes[0] + 1)
        tried = bytearray(sizes[0] + 1)
        for _, group in _join(groups, breaks, used, max_gap, should_cancel):
            check_cancel(should_cancel)
            piece = trimmed(_coalesce(group, should_cancel))
            alignment = WordAlignment.from_blocks(tuple(piece)) if piece else None
            check_cancel(should_cancel)
            if alignment is not None and keep(alignment):
                accepted.append(alignment)
                for i, _, n in piece:
                    kept[i : i + n] = b"\1" * n
            for i, _, n in group:
                tried[i : i + n] = b"\1" * n
        for k in range(len(owned)):
            if not k % CANCEL_EVERY:
                check_cancel(should_cancel)
            if sum(map(_LENGTH, tiles[k])) < sum(map(_LENGTH, owned[k])):
                continue  # it lost words to others: it may stand once they withdraw
            if not owned[k]:
                continue
            low = min(map(itemgetter(0), owned[k]))
            high = max(map(add, map(itemgetter(0), owned[k]), map(_LENGTH, owned[k])))
            if tried[low:high] == kept[low:high]:
                continue  # every word tried was kept: each of its runs is useful (in C)
            useful = [
                (i, j, n)
                for i, j, n in owned[k]
                if tried.find(1, i, i + n) == -1 or kept.find(1, i, i + n) != -1
            ]
            if len(useful) < len(owned[k]):
                withdrawn = withdrawn or k in blockers  # else no one else gains from it
                owned[k] = useful
        if not withdrawn:
            break
    accepted.sort(key=lambda al: (al.spans[0], al.spans[1]))
    return accepted
