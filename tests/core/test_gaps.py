"""Where words were dropped: the place in the shorter copy, for a caret like Meld's."""

from tests.articles import article
from viewer.core import gaps
from viewer.core.compare import compare
from viewer.core.documents import document_from_text
from viewer.core.gaps import DeletionFinder, deletion_points


def test_dropped_words_leave_a_point_in_the_copy_without_them() -> None:
    text = article(7, paragraphs=3)
    words = text.split(" ")
    cut = 50
    dropped = " ".join(words[cut : cut + 2])
    shorter = " ".join(words[:cut] + words[cut + 2 :])
    full, short = document_from_text(text, "full.txt"), document_from_text(shorter, "short.txt")
    result = compare([full, short])
    (passage,) = result.passages
    (span,) = passage.spans_in(0)
    assert [text[s:e] for s, e in span.changes] == [dropped]
    points = deletion_points(result, 1)
    before = " ".join(words[:cut])
    assert points == [len(before)]  # right after the word before the gap
    assert deletion_points(result, 0) == []  # the full copy lacks nothing


def test_a_replaced_word_is_no_deletion() -> None:
    text = article(8, paragraphs=2)
    edited = text.replace(text.split(" ")[30], "Replacement", 1)
    result = compare([document_from_text(text, "a.txt"), document_from_text(edited, "b.txt")])
    assert deletion_points(result, 0) == [] and deletion_points(result, 1) == []


def test_points_in_a_range_only() -> None:
    text = article(9, paragraphs=4)
    words = text.split(" ")
    shorter = " ".join(words[:20] + words[22:150] + words[153:])
    result = compare([document_from_text(text, "a.txt"), document_from_text(shorter, "b.txt")])
    every = deletion_points(result, 1)
    assert len(every) == 2
    assert deletion_points(result, 1, 0, every[0] + 1) == every[:1]


def test_links_longer_than_the_limit_are_skipped() -> None:
    text = article(9, paragraphs=4)
    words = text.split(" ")
    shorter = " ".join(words[:20] + words[22:])
    result = compare([document_from_text(text, "a.txt"), document_from_text(shorter, "b.txt")])
    assert len(deletion_points(result, 1)) == 1
    assert deletion_points(result, 1, max_chars=len(text) // 2) == []


def test_points_worked_out_ahead_are_the_points_asked_for() -> None:
    """Idle turns work the points out ahead, a slice at a time; painting then finds the same
    points without working anything out."""
    text = article(9, paragraphs=6)
    words = text.split(" ")
    half = len(words) // 2
    # The copy has the two halves swapped (two links), with words dropped in each.
    first = words[:20] + words[22:150] + words[153:half]
    second = words[half : half + 30] + words[half + 32 :]
    shorter = " ".join(second) + "\n\n" + " ".join(first)
    docs = [document_from_text(text, "a.txt"), document_from_text(shorter, "b.txt")]
    result = compare(docs)
    assert len(result.links) == 2
    ahead = DeletionFinder(result, 1)
    slices = 0
    while not ahead.prepare(0.0):  # no time at all: one link per slice still gets done
        slices += 1
        assert slices < 100
    assert slices >= 1
    calls = []
    original = gaps._link_points
    gaps._link_points = lambda *a: calls.append(a) or original(*a)  # type: ignore[assignment]
    try:
        points = ahead.points()
    finally:
        gaps._link_points = original
    assert calls == []
    assert points == deletion_points(result, 1)
    assert len(points) == 3
