"""Stepping through passages and changes; the status line."""

from viewer.core.compare import compare
from viewer.core.navigation import describe_passage, step_change, step_passage

from .helpers import all_seeds, seed


def test_passages_wrap_both_ways() -> None:
    result = compare(all_seeds())
    assert step_passage(result, None, True) == 0
    assert step_passage(result, 0, True) == 1
    assert step_passage(result, 1, True) == 0
    assert step_passage(result, 0, False) == 1


def test_status_line_names_documents_and_similarity() -> None:
    result = compare(all_seeds())
    assert describe_passage(result, 1) == "Passage 2 of 2 · in 000, 004 · 100 % alike"


def test_changes_step_in_document_order_and_wrap() -> None:
    a = seed("000")
    edited = a.text.replace("14,000", "13,000").replace("Thursday", "Friday", 1)
    from viewer.core.documents import document_from_text

    result = compare([a, document_from_text(edited, "edited.txt")])
    first = step_change(result, 0, -1, True)
    assert first is not None
    _passage, (start, end) = first
    assert a.text[start:end] == "Thursday"
    second = step_change(result, 0, start, True)
    assert second is not None and a.text[second[1][0] : second[1][1]] == "14,000"
    assert step_change(result, 0, second[1][0], True) == first  # wraps
    assert step_change(result, 0, start, False) == second
