"""Anchors find their words again: exactly where nothing changed, shifted past edits
elsewhere, approximately when the words themselves were edited, and never wrongly."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from viewer.core.anchors import CONTEXT, locate, make_anchor

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

text_and_range = st.text(min_size=1, max_size=300).flatmap(
    lambda text: st.tuples(
        st.just(text),
        st.integers(0, len(text) - 1).flatmap(
            lambda s: st.tuples(st.just(s), st.integers(s + 1, len(text)))
        ),
    )
)
# Article-like text whose words rarely repeat (so a quote's context says where it is).
VOCABULARY = [f"{a}{b}" for a in "bcdfghklmnprstvz" for b in ("al", "eno", "iru", "ost", "ux")]
words = st.lists(st.sampled_from(VOCABULARY), min_size=30, max_size=120)
inserted = st.text(alphabet="XYZ \n", min_size=1, max_size=80)


@FAST
@given(text_and_range)
def test_an_anchor_finds_its_own_range(case: tuple[str, tuple[int, int]]) -> None:
    text, (start, end) = case
    assert locate(make_anchor(text, start, end), text) == (start, end)


@FAST
@given(text_and_range, st.text(max_size=300))
def test_locating_in_any_text_gives_a_range_inside_it_or_none(
    case: tuple[str, tuple[int, int]], other: str
) -> None:
    text, (start, end) = case
    found = locate(make_anchor(text, start, end), other)
    assert found is None or 0 <= found[0] < found[1] <= len(other)


def _shifted(length: int, at: int, start: int, end: int) -> tuple[int, int]:
    return (start + length, end + length) if at <= start else (start, end)


@FAST
@given(words, st.data(), inserted)
def test_an_insertion_outside_the_quote_shifts_it(
    words: list[str], data: st.DataObject, new: str
) -> None:
    text = " ".join(words)
    start = data.draw(st.integers(0, len(text) - 2))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    assume(text.find(quote) == start and text.find(quote, start + 1) == -1)
    at = data.draw(st.sampled_from([i for i in range(len(text) + 1) if i <= start or i >= end]))
    edited = text[:at] + new + text[at:]
    assert locate(make_anchor(text, start, end), edited) == _shifted(len(new), at, start, end)


@FAST
@given(words, st.data())
def test_a_deletion_outside_the_quote_and_its_context_shifts_it(
    words: list[str], data: st.DataObject
) -> None:
    """Even a quote that occurs more than once (a short one) is told apart by its context."""
    text = " ".join(words)
    start = data.draw(st.integers(0, len(text) - 2))
    end = data.draw(st.integers(start + 1, min(len(text), start + 12)))
    anchor = make_anchor(text, start, end)
    whole = anchor.prefix + anchor.quote + anchor.suffix
    assume(text.count(whole) == 1)
    before = start - CONTEXT > 0 and data.draw(st.booleans())
    if before:
        cut = data.draw(st.integers(0, start - CONTEXT - 1))
        length = data.draw(st.integers(1, start - CONTEXT - cut))
    else:
        assume(end + CONTEXT < len(text))
        cut = data.draw(st.integers(end + CONTEXT, len(text) - 1))
        length = data.draw(st.integers(1, len(text) - cut))
    edited = text[:cut] + text[cut + length :]
    assume(edited.count(whole) == 1)
    expected = (start - length, end - length) if before else (start, end)
    assert locate(anchor, edited) == expected


@FAST
@given(words, st.data(), st.sampled_from(["XQ", "", "Zorblax quint"]))
def test_a_word_edited_inside_a_long_quote_is_found_approximately(
    words: list[str], data: st.DataObject, replacement: str
) -> None:
    text = " ".join(words)
    assume(len(text) > 140)
    start = data.draw(st.integers(0, len(text) - 100))
    end = data.draw(st.integers(start + 80, min(len(text), start + 300)))
    anchor = make_anchor(text, start, end)
    # Replace one word well inside the quote.
    middle = text.index(" ", start + 35) + 1
    word_end = text.index(" ", middle) if " " in text[middle:end] else end
    assume(word_end < end - 35)
    edited = text[:middle] + replacement + text[word_end:]
    delta = len(replacement) - (word_end - middle)
    assert locate(anchor, edited) == (start, end + delta)


def test_a_repeated_quote_is_told_apart_by_its_context() -> None:
    text = "The minister said no. Later, in Kyiv, the minister said no. Then he left for Rome."
    second = text.index("the minister said no")
    anchor = make_anchor(text, second, second + len("the minister said no"))
    edited = "Breaking: " + text.replace("Then he left", "He then left")
    found = locate(anchor, edited)
    assert found is not None and found[0] == edited.index("the minister said no", 20)


def test_a_deleted_or_rewritten_quote_is_lost() -> None:
    text = "Opening words. The defence ministry reported 13,000 troops at the border. Close."
    start = text.index("The defence")
    anchor = make_anchor(text, start, text.index(" Close"))
    assert locate(anchor, "Opening words. Close.") is None
    rewritten = "Opening words. Officials in Moscow rejected every claim made by Kyiv. Close."
    assert locate(anchor, rewritten) is None
    assert locate(anchor, "") is None


def test_edits_at_the_ends_of_a_quote_move_its_ends_with_them() -> None:
    text = (
        "Alpha beta. The defence ministry reported 13,000 troops at the border, officials said."
        " Omega."
    )
    start, end = text.index("The"), text.index(" Omega")
    anchor = make_anchor(text, start, end)
    for old, new in [
        ("The defence", "Our defence"),
        ("officials said", "an official said"),
        ("13,000", "14,000"),
    ]:
        edited = "Intro.\n" + text.replace(old, new)
        found = locate(anchor, edited)
        sentence = re.search(r"\w+ defence.*said\.", edited)
        assert sentence is not None and found == sentence.span()
