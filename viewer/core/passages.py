"""Order-independent candidate passages between two texts (core layer; no Qt).

Seed and extend, as text-reuse detection does it: word n-grams that occur in both texts
(too-common ones paired by rank only) are chained along diagonals into exact runs, tiled
so that no word is in two (``viewer.core.matching.tile``); runs close to each other in both
texts are chained into candidate alignments, bridging small edits. A moved
paragraph is found wherever it stands, because seeds are looked up by hash, not by order.
Word-level detail inside each candidate is ``viewer.core.changes``' job.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import itemgetter, sub

from viewer.core.errors import CANCEL_EVERY, check_cancel, sorted_checked
from viewer.core.matching import tile

SEED_WORDS = 3
MAX_GAP = 8
MAX_SEED_FREQUENCY = 8


@dataclass(frozen=True, slots=True)
class Candidate:
    """Word ranges ``a[a0:a1]`` and ``b[b0:b1]`` that seed runs chain together."""

    a0: int
    a1: int
    b0: int
    b1: int
    seeded: int
    # The seed runs chained, in order in both texts (each cut to what it adds to the chain).
    runs: tuple[tuple[int, int, int], ...] = ()


_CHUNK = 16 * CANCEL_EVERY  # items a C-level step (zip, Counter) handles between checks


def _grams(
    ids: Sequence[int], k: int, should_cancel: Callable[[], bool] | None = None
) -> list[tuple[int, ...]]:
    grams: list[tuple[int, ...]] = []
    for start in range(0, len(ids), _CHUNK):
        check_cancel(should_cancel)
        end = start + _CHUNK + k - 1
        grams.extend(zip(*(ids[start + i : end] for i in range(k)), strict=False))
    return grams


@dataclass(frozen=True, slots=True)
class GramIndex:
    """The k-grams of one text, in order, how often each occurs and (optionally) where:
    built once per document and shared by all the pairs it is in (``exact_runs``)."""

    k: int
    grams: list[tuple[int, ...]]
    counts: Counter[tuple[int, ...]]
    positions: dict[tuple[int, ...], list[int]] | None


def gram_index(
    ids: Sequence[int],
    k: int = SEED_WORDS,
    should_cancel: Callable[[], bool] | None = None,
    positions: bool = True,
) -> GramIndex:
    """The ``GramIndex`` of a text given as word ids; without ``positions`` (a text in one
    pair only, where the index would cost memory for nothing) ``exact_runs`` indexes only
    the grams the other text has."""
    grams = _grams(ids, k, should_cancel)
    counts: Counter[tuple[int, ...]] = Counter()
    for start in range(0, len(grams), _CHUNK):
        check_cancel(should_cancel)
        counts.update(grams[start : start + _CHUNK])
    where: dict[tuple[int, ...], list[int]] | None = None
    if positions:
        where = {}
        for start in range(0, len(grams), CANCEL_EVERY):
            check_cancel(should_cancel)
            for position, gram in enumerate(grams[start : start + CANCEL_EVERY], start):
                where.setdefault(gram, []).append(position)
    return GramIndex(k, grams, counts, where)


def grown_runs(
    a: Sequence[int],
    b: Sequence[int],
    k: int = SEED_WORDS,
    max_frequency: int = MAX_SEED_FREQUENCY,
    should_cancel: Callable[[], bool] | None = None,
    indexes: tuple[GramIndex, GramIndex] | None = None,
) -> tuple[list[tuple[int, int, int]], dict[int, int]]:
    """The maximal runs ``(a_start, b_start, words)`` of equal words along a diagonal that
    hold a seed: a k-gram both texts have (a too-common one, occurring more than
    ``max_frequency`` times in either, paired by rank only). Each run is found from its
    first seed and grown both ways over equal words; the later seeds inside it cost one
    dict lookup each (no run of seeds is built, sorted or grown twice). Growing makes a
    reordered menu item or list line one run even where its too-common seeds stand on its
    siblings' diagonals only.

    Returns the runs and the words they hold on each diagonal ``j - i``.
    ``indexes`` are the texts' ``gram_index`` (built here when not given)."""
    if indexes is None or indexes[0].k != k or indexes[1].k != k:
        indexes = (
            gram_index(a, k, should_cancel, positions=False),
            gram_index(b, k, should_cancel, positions=False),
        )
    grams_a, count_a = indexes[0].grams, indexes[0].counts
    in_b = indexes[1].positions
    if in_b is None:
        in_b = {}
        grams_b = indexes[1].grams
        for start in range(0, len(grams_b), CANCEL_EVERY):
            check_cancel(should_cancel)
            for j, gram in enumerate(grams_b[start : start + CANCEL_EVERY], start):
                if gram in count_a:
                    in_b.setdefault(gram, []).append(j)
    size_a, size_b = len(a), len(b)
    grown: list[tuple[int, int, int]] = []
    reach: dict[int, int] = {}  # diagonal -> end in a of the last run grown on it
    support: dict[int, int] = {}  # diagonal -> words of the runs grown on it
    seen: dict[tuple[int, ...], int] = {}  # too-common gram -> its occurrences so far in a
    walked = 0  # words the runs grown since the last cancel check span
    for start in range(0, len(grams_a), CANCEL_EVERY):
        check_cancel(should_cancel)
        chunk = grams_a[start : start + CANCEL_EVERY]
        # The places whose gram b has, picked out in C: near-identical texts have few.
        for i in compress(range(start, start + len(chunk)), map(in_b.__contains__, chunk)):
            gram = grams_a[i]
            positions = in_b[gram]
            count = count_a[gram]
            if len(positions) > max_frequency or count > max_frequency:
                rank = seen.get(gram, 0)
                seen[gram] = rank + 1
                # Paired by rank: the occurrence of the same rank in b counted from the
                # start, and from the end. Repeated text then pairs copy i with copy i (an
                # identical copy is found whatever it repeats) at a cost linear in the
                # text, not in the square of the repeats.
                from_end = rank + len(positions) - count
                if rank < len(positions):
                    if 0 <= from_end < len(positions) and from_end != rank:
                        positions = [positions[rank], positions[from_end]]
                    else:
                        positions = [positions[rank]]
                else:
                    positions = [positions[from_end]] if 0 <= from_end < len(positions) else []
            for j in positions:
                if reach.get(j - i, -1) > i:
                    continue  # inside the run grown from an earlier seed
                i0, j0 = i, j
                while i0 > 0 and j0 > 0 and a[i0 - 1] == b[j0 - 1]:
                    i0, j0 = i0 - 1, j0 - 1
                end, last = i + k, min(size_a, size_b - j + i)  # the diagonal's end in a
                while end < last and a[end] == b[end - i + j]:
                    end += 1
                    if end - i == _STRIDE:  # a long run: compare slices from here on
                        while end + _STRIDE <= last and (
                            a[end : end + _STRIDE] == b[end - i + j : end - i + j + _STRIDE]
                        ):
                            end += _STRIDE
                reach[j - i] = end
                support[j - i] = support.get(j - i, 0) + end - i0
                grown.append((i0, j0, end - i0))
                walked += end - i0
                if walked > _WALK:  # many runs grown (up to 64 per word), or a long one
                    check_cancel(should_cancel)
                    walked = 0
    return grown, support


_LONG_DIAGONAL = 64  # words of runs on one diagonal that make a passage's, not chance's
_STRIDE = 32  # words compared at once (slices) while a run grows forward
_WALK = 8 * CANCEL_EVERY  # words of grown runs between two cancel checks


def chain_runs(
    runs: list[tuple[int, int, int]],
    max_gap: int = MAX_GAP,
    should_cancel: Callable[[], bool] | None = None,
) -> list[Candidate]:
    """Chain runs that follow each other in both texts within ``max_gap`` words."""
    chains: list[list[int]] = []  # [a0, a1, b0, b1, seeded]
    open_chains: list[list[int]] = []
    pieces: dict[int, list[tuple[int, int, int]]] = {}  # id(chain) -> its runs
    # No open chain ends before this (chains only grow): the open chains are filtered
    # only when one may have fallen behind, not once per run.
    soonest = 0
    for count, (a0, b0, length) in enumerate(sorted(runs)):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        a1, b1 = a0 + length, b0 + length
        if soonest + max_gap < a0:  # some chain may end too far back to take this run
            open_chains = [c for c in open_chains if c[1] + max_gap >= a0]
            soonest = min([c[1] for c in open_chains], default=a1)
        best: list[int] | None = None
        best_cost = best_overlap = 0
        for chain in open_chains:
            if b0 < chain[2]:
                continue
            overlap = max(0, chain[1] - a0, chain[3] - b0)
            if overlap >= length:
                if chain[0] <= a0 and a1 <= chain[1] and chain[2] <= b0 and b1 <= chain[3]:
                    best, best_overlap = chain, length  # already inside this chain
                    break
                continue
            gap_a = a0 + overlap - chain[1]
            gap_b = b0 + overlap - chain[3]
            if gap_a > max_gap or gap_b > max_gap:
                continue
            cost = gap_a + gap_b
            if best is None or cost < best_cost:
                best, best_cost, best_overlap = chain, cost, overlap
        if best is None:
            chain = [a0, a1, b0, b1, length]
            chains.append(chain)
            open_chains.append(chain)
            soonest = min(soonest, a1)
            pieces[id(chain)] = [(a0, b0, length)]
        elif best_overlap < length:
            best[1], best[3] = max(best[1], a1), max(best[3], b1)
            best[4] += length - best_overlap
            pieces[id(best)].append((a0 + best_overlap, b0 + best_overlap, length - best_overlap))
    candidates: list[Candidate] = []
    for start in range(0, len(chains), CANCEL_EVERY):
        check_cancel(should_cancel)
        candidates.extend(
            Candidate(c[0], c[1], c[2], c[3], c[4], tuple(pieces[id(c)]))
            for c in chains[start : start + CANCEL_EVERY]
        )
    return _drop_contained(candidates, should_cancel)


def _drop_contained(
    candidates: list[Candidate], should_cancel: Callable[[], bool] | None = None
) -> list[Candidate]:
    """Remove candidates lying inside another one in both texts."""
    keys: list[tuple[int, int, int, int, int]] = []
    for start in range(0, len(candidates), CANCEL_EVERY):
        check_cancel(should_cancel)
        keys.extend(
            (c.a0, -c.a1, c.b0, -c.b1, n)
            for n, c in enumerate(candidates[start : start + CANCEL_EVERY], start)
        )
    keys.sort()  # chains come in order of a0: nearly sorted, a linear pass
    ordered = [candidates[key[4]] for key in keys]
    kept: list[Candidate] = []
    active: list[Candidate] = []  # kept candidates that reach past the current start in a
    for count, cand in enumerate(ordered):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        active = [other for other in active if other.a1 > cand.a0]
        if not any(
            other.a0 <= cand.a0
            and cand.a1 <= other.a1
            and other.b0 <= cand.b0
            and cand.b1 <= other.b1
            for other in active
        ):
            kept.append(cand)
            active.append(cand)
    return kept


def tile_runs(
    runs: list[tuple[int, int, int]],
    sizes: tuple[int, int],
    breaks: tuple[bytearray, bytearray],
    should_cancel: Callable[[], bool] | None = None,
    support: dict[int, int] | None = None,
) -> list[tuple[int, int, int]]:
    """The runs that claim no word twice (``viewer.core.matching.tile``), in text order.

    Among pieces of equal length, the one on the diagonal with more shared words goes
    first, so a passage's own seeds win over a coincidental copy of a short phrase.
    Repeated text (menus, lists, stock phrases) so pairs each copy with one copy only.
    ``support``: the words of the runs on each diagonal, when known (``grown_runs``).
    """
    if support is None:
        support = {}
        for count, (i, j, n) in enumerate(runs):
            if not count % CANCEL_EVERY:
                check_cancel(should_cancel)
            support[j - i] = support.get(j - i, 0) + n
    weighted: list[tuple[tuple[int, int, int], int, int]] = []
    for start in range(0, len(runs), _CHUNK):
        check_cancel(should_cancel)
        chunk = runs[start : start + _CHUNK]
        diagonals = map(sub, map(itemgetter(1), chunk), map(itemgetter(0), chunk))
        weighted.extend(zip(chunk, map(support.__getitem__, diagonals), repeat(0)))
    # Setting the runs that stand alone aside first pays where most do: where most words
    # are on long diagonals (near-identical texts), not where coincidental seeds spread
    # over countless short ones (a small vocabulary). The tiles are the same either way.
    check_cancel(should_cancel)
    words = sum(support.values())
    alone_first = 2 * sum(filter(_LONG_DIAGONAL.__le__, support.values())) >= words
    tiles = tile(weighted, sizes, breaks, None, should_cancel, alone_first=alone_first)
    return sorted_checked(list(map(itemgetter(0), tiles)), should_cancel)


def find_candidates(
    a: Sequence[int],
    b: Sequence[int],
    k: int = SEED_WORDS,
    max_gap: int = MAX_GAP,
    should_cancel: Callable[[], bool] | None = None,
    breaks: tuple[bytearray, bytearray] | None = None,
) -> list[Candidate]:
    """Candidate alignments between two texts given as word-id sequences.

    ``breaks`` marks the words that start a paragraph in each text
    (``viewer.core.compare.paragraph_starts``); by default only the texts' starts.
    """
    return chain_runs(seed_tiles(a, b, k, should_cancel, breaks), max_gap, should_cancel)


def seed_tiles(
    a: Sequence[int],
    b: Sequence[int],
    k: int = SEED_WORDS,
    should_cancel: Callable[[], bool] | None = None,
    breaks: tuple[bytearray, bytearray] | None = None,
    indexes: tuple[GramIndex, GramIndex] | None = None,
) -> list[tuple[int, int, int]]:
    """Exact runs of shared k-grams, each word in at most one (``tile_runs``)."""
    if len(a) < k or len(b) < k:
        return []
    if breaks is None:
        breaks = (_edges_only(len(a)), _edges_only(len(b)))
    runs, support = grown_runs(a, b, k, should_cancel=should_cancel, indexes=indexes)
    return tile_runs(runs, (len(a), len(b)), breaks, should_cancel, support)


def _edges_only(size: int) -> bytearray:
    marks = bytearray(size + 1)
    marks[0] = marks[size] = 2
    return marks
