"""Stepping through passages and changes; the status line."""

from viewer.core.compare import compare
from viewer.core.documents import document_from_text
from viewer.core.navigation import (
    Stop,
    changes_in,
    describe_passage,
    enter_changes,
    percent,
    step,
    step_passage,
)

from .helpers import all_seeds, seed


def test_passages_wrap_both_ways_and_say_so() -> None:
    result = compare(all_seeds())
    assert step_passage(result, None, True) == Stop(0)
    assert step_passage(result, 0, True) == Stop(1)
    assert step_passage(result, 1, True) == Stop(0, wrapped=True)
    assert step_passage(result, 0, False) == Stop(1, wrapped=True)
    assert step_passage(result, None, False) == Stop(1)


def test_a_cycle_visits_every_stop_once_in_order_and_in_reverse() -> None:
    for count in (1, 2, 7):
        current = None
        forward = []
        for _ in range(count):
            stop = step(count, current, True)
            assert stop is not None and not stop.wrapped
            forward.append(current := stop.index)
        assert forward == list(range(count))
        assert step(count, current, True) == Stop(0, wrapped=True)
        backward = []
        current = None
        for _ in range(count):
            stop = step(count, current, False)
            assert stop is not None and not stop.wrapped
            backward.append(current := stop.index)
        assert backward == list(range(count))[::-1]
    assert step(0, None, True) is None


def test_status_line_names_documents_and_similarity() -> None:
    result = compare(all_seeds())
    assert describe_passage(result, 1) == "Passage 2 of 2 · in 000, 004 · 100 % alike"


def test_percent_never_rounds_up_to_whole() -> None:
    assert percent(1.0) == "100 %"
    assert percent(0.996) == "99 %"
    assert percent(0.57) == "57 %"
    assert percent(0.0) == "0 %"
    assert percent(0.004) == "<1 %"


def test_two_changed_words_are_not_shown_as_100_percent_alike() -> None:
    words = " ".join(f"word{i}" for i in range(400))
    edited = words.replace("word100 ", "changed ").replace("word300 ", "altered ")
    result = compare([document_from_text(words, "a.txt"), document_from_text(edited, "b.txt")])
    (passage,) = result.passages
    assert passage.similarity < 1.0
    assert describe_passage(result, 0).endswith("· 99 % alike")


def test_changes_are_listed_in_document_order_and_entered_from_the_reading_point() -> None:
    a = seed("000")
    edited = a.text.replace("14,000", "13,000").replace("Thursday", "Friday", 1)
    result = compare([a, document_from_text(edited, "edited.txt")])
    changes = changes_in(result, 0)
    assert [a.text[c.start : c.end] for c in changes] == ["Thursday", "14,000"]
    assert all(result.passages[c.passage].spans_in(0) for c in changes)
    assert enter_changes(changes, 0, True) == Stop(0)
    assert enter_changes(changes, changes[0].start + 1, True) == Stop(1)
    assert enter_changes(changes, changes[1].start + 1, True) == Stop(0, wrapped=True)
    assert enter_changes(changes, changes[1].start + 1, False) == Stop(1)
    assert enter_changes(changes, 0, False) == Stop(1, wrapped=True)
    assert enter_changes([], 0, True) is None
