"""Passage rows for the passage list, and the pair helpers behind the matrix (no Qt)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.articles import ReviewCase, article
from viewer.core.compare import compare
from viewer.core.documents import document_from_text
from viewer.core.model import Comparison
from viewer.core.passagerows import (
    first_words,
    fold,
    moved_passages,
    passage_rows,
    word_count,
)
from viewer.core.relations import beside, first_shared_passage, longest_passage
from viewer.core.tokens import count_words

from .helpers import all_seeds, seed


def review_case() -> tuple[ReviewCase, Comparison]:
    case = ReviewCase()
    docs = [document_from_text(case.text(n), f"{n}.txt") for n in case.NAMES]
    return case, compare(docs)


def passage_of(case: ReviewCase, comparison: Comparison, name: str, shared: int) -> int:
    """The passage whose span in article ``name`` starts inside shared paragraph ``shared``."""
    doc = case.NAMES.index(name)
    start = case.offset(name, shared)
    end = start + len(case.shared[shared])
    (found,) = [
        p.id for p in comparison.passages for s in p.spans_in(doc) if start <= s.start < end
    ]
    return found


def test_rows_give_carriers_words_changes_and_moves_as_built() -> None:
    case, comparison = review_case()
    rows = {row.passage: row for row in passage_rows(comparison)}
    expected = {  # shared paragraph: (carriers, words, changed words, moved)
        0: ("a, b", 100, 1, False),
        1: ("a, c", 60, 0, False),
        2: ("a, b", 12, 0, True),  # the lighter of the two that swap places between a and b
        3: ("c, d", 36, 2, False),
        4: ("a, c", 14, 0, True),
    }
    seen = {}
    for shared, want in expected.items():
        row = rows[passage_of(case, comparison, want[0][-1], shared)]
        seen[shared] = (row.names, row.words, row.changed_words, row.moved)
    assert seen == expected
    assert len(rows) == len(expected)


def test_a_moved_paragraph_in_the_seeds_is_the_only_moved_passage() -> None:
    # 000 and 004 carry the same Reuters paragraphs in a different order.
    result = compare([seed("000"), seed("004")])
    moved = moved_passages(result)
    assert moved and len(moved) < len(result.passages)
    for passage in moved:  # each moved one stands after a kept one in one text, before in the other
        kept = [p for p in result.passages if p.id not in moved]
        mine = result.passages[passage]
        assert any(
            (mine.spans_in(0)[0].start < k.spans_in(0)[0].start)
            != (mine.spans_in(1)[0].start < k.spans_in(1)[0].start)
            for k in kept
        )


def test_text_in_the_same_order_is_never_moved() -> None:
    paragraphs = article(5, paragraphs=6).split("\n\n")
    own = article(6, paragraphs=6).split("\n\n")
    a = "\n\n".join(paragraphs)
    b = "\n\n".join(x for pair in zip(own, paragraphs, strict=True) for x in pair)
    result = compare([document_from_text(a, "a.txt"), document_from_text(b, "b.txt")])
    assert len(result.passages) >= 3
    assert moved_passages(result) == frozenset()


def test_search_folds_case_and_white_space_in_every_copy() -> None:
    case, comparison = review_case()
    rows = {row.passage: row for row in passage_rows(comparison)}
    p3 = rows[passage_of(case, comparison, "d", 3)]
    assert p3.matches("QUORBLE")  # only in d's copy
    words = case.shared[3].split()
    assert p3.matches(f"{words[1]}\n   {words[2].upper()}")
    assert [r.passage for r in rows.values() if r.matches("quorble")] == [p3.passage]
    assert fold("  A\tb  ") == "a b"


def test_first_words_cut_after_a_dozen_words() -> None:
    text = " ".join(f"w{i}" for i in range(20))
    assert first_words(text) == " ".join(f"w{i}" for i in range(12)) + " …"
    assert first_words("two  words\n") == "two words"


def test_first_shared_passage_is_first_in_the_row_article() -> None:
    case, comparison = review_case()
    a, c = case.NAMES.index("a"), case.NAMES.index("c")
    # a carries P1 before P4; c carries P4 before P1.
    assert first_shared_passage(comparison, a, c) == passage_of(case, comparison, "a", 1)
    assert first_shared_passage(comparison, c, a) == passage_of(case, comparison, "a", 4)
    assert first_shared_passage(comparison, a, case.NAMES.index("d")) is None


def test_longest_passage_matches_the_pair_statistics() -> None:
    result = compare(all_seeds())
    for doc in range(len(result.documents)):
        pairs = [result.pair(doc, o) for o in range(len(result.documents)) if o != doc]
        assert longest_passage(result, doc) == max(p.longest_words for p in pairs)


def test_beside_moves_the_second_next_to_the_first() -> None:
    assert beside([0, 1, 2, 3], 0, 2) == [0, 2, 1, 3]
    assert beside([0, 1, 2, 3], 3, 0) == [1, 2, 3, 0]
    assert beside([0, 1, 2, 3], 2, 1) == [0, 1, 2, 3]  # neighbours already
    assert beside([3, 1, 0, 2], 2, 3) == [1, 0, 2, 3]


PIECES = ["word", "U.S.", "14,000", "—", " ", "\n", "’s", "e\u0301", "\u00ad", "😀", "a-b", "_"]
PIECES += ["\x1c", "\u00a0", "\u2028", "x1", "½", "Ⅻ", "٣", "ǅ", "\u200b"]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(st.sampled_from(PIECES)).map("".join)))
def test_word_count_counts_as_the_engine_does(text: str) -> None:
    assert word_count(text) == count_words(text)
