"""Bounded work: hostile inputs cost work in proportion to their size, and cancel is honoured
after a bounded amount of work at every stage.

Work is counted deterministically, not timed: the cells of the edit graph diff-match-patch is
given (the product of the two lengths of each outermost ``diff_main`` call: its running time
grows with it), and the lines of Python the engine and diff-match-patch execute.
"""

from __future__ import annotations

import itertools
import random
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

import diff_match_patch
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.changes import WordAlignment, equal_blocks
from viewer.core.compare import _disputed, compare
from viewer.core.documents import Document, document_from_text
from viewer.core.errors import ComparisonCancelled
from viewer.core.model import CompareOptions

PARAGRAPH_WORDS = 60


def as_text(words: list[str]) -> str:
    return "\n\n".join(
        " ".join(words[i : i + PARAGRAPH_WORDS]) for i in range(0, len(words), PARAGRAPH_WORDS)
    )


def every_kth_changed(
    count: int, vocabulary: int, k: int, seed: int = 1
) -> tuple[list[str], list[str]]:
    """Random words, and a copy with every k-th word replaced by a word of its own."""
    rng = random.Random(seed)
    a = [f"w{rng.randrange(vocabulary)}" for _ in range(count)]
    b = [f"new{i}" if i % k == k - 1 else word for i, word in enumerate(a)]
    return a, b


def docs_of(*texts: str) -> list[Document]:
    return [document_from_text(text, f"doc{i}.txt") for i, text in enumerate(texts)]


@contextmanager
def diff_cells() -> Iterator[list[int]]:
    """Collects ``len(a) * len(b)`` for every outermost diff-match-patch ``diff_main`` call."""
    cells: list[int] = []
    original = diff_match_patch.diff_match_patch.diff_main
    depth = 0

    def counting(self: Any, text1: str, text2: str, *args: Any, **kwargs: Any) -> Any:
        nonlocal depth
        if depth == 0:
            cells.append(len(text1) * len(text2))
        depth += 1
        try:
            return original(self, text1, text2, *args, **kwargs)
        finally:
            depth -= 1

    diff_match_patch.diff_match_patch.diff_main = counting
    try:
        yield cells
    finally:
        diff_match_patch.diff_match_patch.diff_main = original


class LineCounter:
    """Counts the lines of Python run in the engine and in diff-match-patch."""

    def __init__(self) -> None:
        self.lines = 0

    def _local(self, frame: FrameType, event: str, arg: object) -> Callable[..., object]:
        if event == "line":
            self.lines += 1
        return self._local

    def _global(self, frame: FrameType, event: str, arg: object) -> Callable[..., object] | None:
        name = frame.f_code.co_filename
        if "viewer/core" in name or "diff_match_patch" in name:
            return self._local
        return None

    def run(self, work: Callable[[], object]) -> None:
        previous = sys.gettrace()
        sys.settrace(self._global)
        try:
            work()
        finally:
            sys.settrace(previous)


def changed_words(document: Document, comparison: Any, doc: int) -> list[str]:
    return sorted(
        document.text[start:end]
        for passage in comparison.passages
        for span in passage.spans_in(doc)
        for start, end in span.changes
    )


def test_every_fourth_word_changed_is_diffed_in_small_pieces() -> None:
    # 3,000 words where every 4th differs: one candidate passage as long as the text.
    a, b = every_kth_changed(3000, 5000, 4)
    docs = docs_of(as_text(a), as_text(b))
    with diff_cells() as cells:
        result = compare(docs)
    # diff-match-patch's cost grows with the product of its inputs' lengths: given the
    # whole text at once it would be 3,000 x 3,000 cells, 1,500 per word.
    assert sum(cells) / (len(a) + len(b)) <= 100
    # ... and the words found changed are exactly the ones replaced, on both sides.
    assert changed_words(docs[1], result, 1) == sorted(b[3::4])
    assert changed_words(docs[0], result, 0) == sorted(a[3::4])
    assert result.pairs[0].shared == (1.0, 1.0)


def test_a_long_passage_of_common_words_is_diffed_in_small_pieces() -> None:
    # 40 different words only: no word occurs once, every 5th word replaced.
    a, b = every_kth_changed(3000, 40, 5)
    docs = docs_of(as_text(a), as_text(b))
    with diff_cells() as cells:
        result = compare(docs)
    assert sum(cells) / (len(a) + len(b)) <= 100
    assert changed_words(docs[1], result, 1) == sorted(b[4::5])


# Hostile generators: small vocabularies, every k-th word changed, repeated paragraphs,
# shuffled paragraphs, down to one-word seeds.
@st.composite
def hostile_pair(draw: st.DrawFn) -> tuple[list[str], list[str], CompareOptions]:
    count = draw(st.integers(800, 1500))
    vocabulary = draw(st.sampled_from([3, 12, 40, 300, 5000]))
    k = draw(st.integers(3, 9))
    seed = draw(st.integers(0, 1000))
    a, b = every_kth_changed(count, vocabulary, k, seed)
    if draw(st.booleans()):  # a repeated block instead of random words
        block = draw(st.integers(5, 40))
        a = [a[i % block] for i in range(count)]
        b = [f"new{i}" if i % k == k - 1 else word for i, word in enumerate(a)]
    if draw(st.booleans()):  # b's paragraphs in another order
        paragraphs = [b[i : i + PARAGRAPH_WORDS] for i in range(0, len(b), PARAGRAPH_WORDS)]
        random.Random(seed).shuffle(paragraphs)
        b = [word for paragraph in paragraphs for word in paragraph]
    options = CompareOptions(min_words=draw(st.sampled_from([2, 3, 8])))
    return a, b, options


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_pair())
def test_diff_work_per_word_stays_bounded_on_hostile_inputs(
    case: tuple[list[str], list[str], CompareOptions],
) -> None:
    a, b, options = case
    docs = docs_of(as_text(a), as_text(b))
    with diff_cells() as cells:
        compare(docs, options)
    # A piece of at most 100 words a side costs at most 50 cells per word; candidates can
    # overlap (tiny vocabularies, two-word seeds) and diff some words more than once.
    assert sum(cells) / (len(a) + len(b)) <= 400


def test_work_grows_linearly_with_the_text() -> None:
    # Every 4th word changed: today's one long candidate. Four times the text must cost
    # about four times the work, not sixteen.
    per_word = []
    for count in (1000, 4000):
        a, b = every_kth_changed(count, 5000, 4)
        docs = docs_of(as_text(a), as_text(b))
        counter = LineCounter()
        counter.run(lambda docs=docs: compare(docs))
        per_word.append(counter.lines / (2 * count))
    assert per_word[1] <= 1.5 * per_word[0]


def test_near_identical_copies_cost_few_lines_per_word_and_pair() -> None:
    # Four copies of one text, each with every 4th word replaced by a word of its own: six
    # pairs, each one passage as long as the text, made of 1,000 three-word runs. The
    # work per word and pair is what makes twelve such 200 KB texts take 30 s, or 9 s.
    rng = random.Random(1)
    count, copies = 4000, 4
    base = [f"w{rng.randrange(5000)}" for _ in range(count)]
    texts = [
        [f"new{copy}x{i}" if i % 4 == 3 else word for i, word in enumerate(base)]
        for copy in range(copies)
    ]
    docs = docs_of(*(as_text(text) for text in texts))
    counter = LineCounter()
    result: list[Any] = []
    counter.run(lambda: result.append(compare(docs)))
    pairs = copies * (copies - 1) // 2
    # Seeding, chaining and tiling each touch every run once; the word diff inside a
    # passage starts from the seeds instead of searching the whole text for anchors again
    # (before: 140 lines per word and pair).
    assert counter.lines / (count * pairs) <= 90
    assert all(pair.shared == (1.0, 1.0) and pair.passages == 1 for pair in result[0].pairs)


def test_a_small_vocabulary_costs_about_as_much_per_word_as_a_large_one() -> None:
    # 24,000 words drawn from 16, and a copy with every 9th word replaced: nearly every
    # three-word seed occurs dozens of times, so seeds pair by rank and most of them are
    # coincidences (hundreds of thousands of short runs) that the copy's real runs block.
    # They must cost little each and leave no long stretch without a cancel check. (The
    # same text drawn from 5,000 words: one clean passage, no such seeds.)
    compare(docs_of("warm up the tokeniser", "warm up the tokeniser"))
    per_word = {}
    for vocabulary in (16, 5000):
        a, b = every_kth_changed(24_000, vocabulary, 9)
        docs = docs_of(as_text(a), as_text(b))
        counter = LineCounter()
        marks: list[int] = []

        def should_cancel(counter: LineCounter = counter, marks: list[int] = marks) -> bool:
            marks.append(counter.lines)
            return False

        result: list[Any] = []
        counter.run(
            lambda docs=docs, result=result: result.append(
                compare(docs, should_cancel=should_cancel)
            )
        )
        per_word[vocabulary] = counter.lines / (2 * len(a))
        gaps = [later - earlier for earlier, later in itertools.pairwise([0, *marks])]
        assert max(gaps) <= 80_000  # as at every stage (before: 197,000 while tiling)
        assert result[0].pairs[0].shared == (1.0, 1.0)
    # Before: 108 lines of Python per word against 30 (3.6 times); now 50 against 20.
    assert per_word[16] <= 70
    assert per_word[16] <= 3 * per_word[5000]


def test_disputed_seed_runs_are_looked_for_with_cancel_checks() -> None:
    # A passage of 300,000 words made of 100,000 three-word runs, and as many seed runs:
    # looking for the seed runs its word diff paired otherwise walks them all.
    runs = tuple((4 * r, 4 * r, 3) for r in range(100_000))
    alignment = WordAlignment.from_blocks(runs)
    counter = LineCounter()
    marks: list[int] = []

    def should_cancel() -> bool:
        marks.append(counter.lines)
        return False

    found: list[Any] = []
    counter.run(lambda: found.extend(_disputed(list(runs), [alignment], 400_000, should_cancel)))
    gaps = [later - earlier for earlier, later in itertools.pairwise([0, *marks, counter.lines])]
    assert found == []  # every seed run is where the diff put it
    assert max(gaps) <= 80_000  # before: 500,000 lines with no check at all


@pytest.mark.parametrize(
    "options", [CompareOptions(), CompareOptions(ignore_case=False, ignore_punctuation=False)]
)
def test_cancel_is_checked_after_a_bounded_amount_of_work_at_every_stage(
    options: CompareOptions,
) -> None:
    # Two texts of 30,000 words sharing most of their text: each stage (tokenising,
    # seeding, chaining, diffing, grouping) has tens of thousands of items to go through.
    a, b = every_kth_changed(30_000, 20_000, 7)
    docs = docs_of(as_text(a), as_text(b))
    counter = LineCounter()
    marks: list[int] = []

    def should_cancel() -> bool:
        marks.append(counter.lines)
        return False

    counter.run(lambda: compare(docs, options, should_cancel=should_cancel))
    marks.append(counter.lines)
    gaps = [later - earlier for earlier, later in zip([0, *marks], marks, strict=False)]
    # 80,000 lines of Python take a few tens of milliseconds (tokenising 30,000 words alone
    # takes ~400,000): the longest stretch without a check stays well below 0.2 s.
    assert max(gaps) <= 80_000


@pytest.mark.parametrize("stage", ["first", "middle", "last"])
def test_cancel_raises_at_the_check_it_is_asked_at(stage: str) -> None:
    a, b = every_kth_changed(6000, 3000, 5)
    docs = docs_of(as_text(a), as_text(b))
    calls = 0

    def count() -> bool:
        nonlocal calls
        calls += 1
        return False

    compare(docs, should_cancel=count)
    flip_at = {"first": 1, "middle": calls // 2, "last": calls}[stage]
    seen = 0

    def flips() -> bool:
        nonlocal seen
        seen += 1
        return seen >= flip_at

    with pytest.raises(ComparisonCancelled):
        compare(docs, should_cancel=flips)
    assert seen == flip_at  # no more work once asked


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 300), min_size=100, max_size=700),
    st.lists(st.tuples(st.integers(0, 699), st.integers(0, 300)), max_size=80),
    st.booleans(),
)
def test_pieces_give_true_equal_runs_in_order(
    a: list[int], edits: list[tuple[int, int]], fresh: bool
) -> None:
    b = list(a)
    for position, word in edits:
        if position < len(b):
            b[position] = word + 1000 if fresh else word
    blocks = equal_blocks(a, b)
    assert all(a[i : i + n] == b[j : j + n] and n > 0 for i, j, n in blocks)
    ends = [(i + n, j + n) for i, j, n in blocks]
    assert all(e[0] <= s[0] and e[1] <= s[1] for e, s in zip(ends, blocks[1:], strict=False))
    if fresh:  # a copy with words replaced by new ones keeps every word no edit touched
        untouched = len(a) - len({p for p, _ in edits if p < len(a)})
        assert sum(n for _, _, n in blocks) >= untouched
