"""Order-independent candidate passages between two texts (core layer; no Qt).

Seed and extend, as text-reuse detection does it: word n-grams that occur in both texts
(too-common ones ignored) are chained along diagonals into exact runs; runs close to each
other in both texts are chained into candidate alignments, bridging small edits. A moved
paragraph is found wherever it stands, because seeds are looked up by hash, not by order.
Word-level detail inside each candidate is ``viewer.core.changes``' job.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from viewer.core.errors import CANCEL_EVERY, ComparisonCancelled, check_cancel

SEED_WORDS = 3
MAX_GAP = 8
MAX_SEED_FREQUENCY = 8
_CANCEL_EVERY = 4096


@dataclass(frozen=True, slots=True)
class Candidate:
    """Word ranges ``a[a0:a1]`` and ``b[b0:b1]`` that seed runs chain together."""

    a0: int
    a1: int
    b0: int
    b1: int
    seeded: int


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


def exact_runs(
    a: Sequence[int],
    b: Sequence[int],
    k: int = SEED_WORDS,
    max_frequency: int = MAX_SEED_FREQUENCY,
    should_cancel: Callable[[], bool] | None = None,
) -> list[tuple[int, int, int]]:
    """Maximal runs ``(a_start, b_start, words)`` of shared k-grams on one diagonal."""
    grams_a = _grams(a, k, should_cancel)
    grams_b = _grams(b, k, should_cancel)
    count_a: Counter[tuple[int, ...]] = Counter()
    for start in range(0, len(grams_a), _CHUNK):
        check_cancel(should_cancel)
        count_a.update(grams_a[start : start + _CHUNK])
    index: dict[tuple[int, ...], list[int]] = {}
    for j, gram in enumerate(grams_b):
        if not j % CANCEL_EVERY:
            check_cancel(should_cancel)
        if gram in count_a:
            index.setdefault(gram, []).append(j)
    runs: list[list[int]] = []
    open_runs: dict[int, int] = {}
    for i, gram in enumerate(grams_a):
        if should_cancel is not None and i % _CANCEL_EVERY == 0 and should_cancel():
            raise ComparisonCancelled()
        positions = index.get(gram)
        if not positions or len(positions) > max_frequency or count_a[gram] > max_frequency:
            continue
        for j in positions:
            diagonal = j - i
            r = open_runs.get(diagonal)
            if r is not None and runs[r][0] + runs[r][2] == i:
                runs[r][2] += 1
            else:
                open_runs[diagonal] = len(runs)
                runs.append([i, j, 1])
    found: list[tuple[int, int, int]] = []
    for start in range(0, len(runs), CANCEL_EVERY):
        check_cancel(should_cancel)
        found.extend((i, j, n + k - 1) for i, j, n in runs[start : start + CANCEL_EVERY])
    return found


def chain_runs(
    runs: list[tuple[int, int, int]],
    max_gap: int = MAX_GAP,
    should_cancel: Callable[[], bool] | None = None,
) -> list[Candidate]:
    """Chain runs that follow each other in both texts within ``max_gap`` words."""
    chains: list[list[int]] = []  # [a0, a1, b0, b1, seeded]
    open_chains: list[list[int]] = []
    for count, (a0, b0, length) in enumerate(sorted(runs)):
        if not count % CANCEL_EVERY:
            check_cancel(should_cancel)
        a1, b1 = a0 + length, b0 + length
        open_chains = [c for c in open_chains if c[1] + max_gap >= a0]
        best: list[int] | None = None
        best_cost = 0
        best_overlap = 0
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
        elif best_overlap < length:
            best[1], best[3] = max(best[1], a1), max(best[3], b1)
            best[4] += length - best_overlap
    candidates: list[Candidate] = []
    for start in range(0, len(chains), CANCEL_EVERY):
        check_cancel(should_cancel)
        candidates.extend(Candidate(*c) for c in chains[start : start + CANCEL_EVERY])
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


def find_candidates(
    a: Sequence[int],
    b: Sequence[int],
    k: int = SEED_WORDS,
    max_gap: int = MAX_GAP,
    should_cancel: Callable[[], bool] | None = None,
) -> list[Candidate]:
    """Candidate alignments between two texts given as word-id sequences."""
    if len(a) < k or len(b) < k:
        return []
    return chain_runs(exact_runs(a, b, k, should_cancel=should_cancel), max_gap, should_cancel)
