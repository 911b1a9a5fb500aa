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
    for count, run in enumerate(runs):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        if groups:
            last = groups[-1][-1]
            end_a, end_b = last[0] + last[2], last[1] + last[2]
            touching = end_a == run[0] and end_b == run[1]
            apart = not touching and (
                (starts_a.find(1, end_a, run[0] + 1) == -1)
                != (starts_b.find(1, end_b, run[1] + 1) == -1)
                or used_a.find(1, end_a, run[0]) != -1
                or used_b.find(1, end_b, run[1]) != -1
            )
            if not apart:
                groups[-1].append(run)
                continue
        groups.append([run])
    return groups


def _alone(
    runs: list[tuple[Block, int, int]],
    sizes: tuple[int, int],
    should_cancel: CancelCheck | None = None,
) -> list[bool]:
    """For each run, whether no other run claims any of its words in either text."""
    # How many runs claim each word, counted up to 2 (``_MORE``), one slice per run.
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
    caller knows that no two runs claim a word.
    """
    runs = list(runs)
    if apart:
        return [(block, owner) for block, _, owner in runs]
    tiles: list[tuple[Block, int]] = []
    contested = []
    for entry, alone in zip(runs, _alone(runs, sizes, should_cancel), strict=True):
        if alone:
            tiles.append((entry[0], entry[2]))
        else:
            contested.append(entry)
    paragraphs = (_starts(breaks[0], 2), _starts(breaks[1], 2))
    lines = (_starts(breaks[0], 1), _starts(breaks[1], 1))
    # 1 wherever a line starts: most runs cross none, which one find() tells.
    starts_a, starts_b = _line_starts(breaks)
    items = []
    for count, (run, weight, owner) in enumerate(contested):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        i, j, n = run
        if starts_a.find(1, i + 1, i + n) == -1 and starts_b.find(1, j + 1, j + n) == -1:
            items.append((-n, -n, -weight, i, j, owner))
            continue
        pieces = _cut(run, lines)
        if len(pieces) == 1:
            items.append((-run[2], -run[2], -weight, run[0], run[1], owner))
            continue
        for paragraph in _cut(run, paragraphs):
            for i, j, n in _cut(paragraph, lines):
                items.append((-n, -paragraph[2], -weight, i, j, owner))
    # Pieces in order: sorted slices merged lazily (a cancel check between slices), and a
    # heap for the free parts pushed back; cheaper than one heap of everything.
    chunks = []
    for start in range(0, len(items), _SORT_CHUNK):
        check_cancel(should_cancel)
        chunks.append(sorted(items[start : start + _SORT_CHUNK]))
    pending = heapq.merge(*chunks)
    following = next(pending, None)
    heap: list[tuple[int, int, int, int, int, int]] = []
    used = (bytearray(sizes[0] + 1), bytearray(sizes[1] + 1))
    owners = ([-1] * (sizes[0] + 1), [-1] * (sizes[1] + 1))
    for count in itertools.count():
        if following is None and not heap:
            break
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        if heap and (following is None or heap[0] < following):
            length, run_length, weight, i, j, owner = heapq.heappop(heap)
        else:
            assert following is not None
            length, run_length, weight, i, j, owner = following
            following = next(pending, None)
        n = -length
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
                    item = (start - t, run_length, weight, i + start, j + start, owner)
                    heapq.heappush(heap, item)
                start = t + 1
    return tiles


ROUNDS = 4


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
            if sum(n for _, _, n in tiles[k]) < sum(n for _, _, n in owned[k]):
                continue  # it lost words to others: it may stand once they withdraw
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
