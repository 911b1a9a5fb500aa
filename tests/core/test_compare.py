"""The engine on the seed articles and on constructed cases with a known answer."""

from __future__ import annotations

import pytest

from viewer.core.compare import compare
from viewer.core.documents import Document
from viewer.core.errors import ComparisonCancelled
from viewer.core.model import CompareOptions, Comparison

from .helpers import all_seeds, doc, seed

REUTERS = [
    "Chiefs of staff of the Russian and U.S. militaries held a telephone call, the U.S. "
    "military and RIA news agency reported on Wednesday.",
    "Both sides provided few details of the call between Chairman of the U.S. Joint Chiefs of "
    "Staff General Mark Milley and General Valery Gerasimov, the head of Russian’s military "
    "general staff.",
    "But the call comes as Ukraine has said that Russia is building up armed forces near its "
    "borders in a threat to the country’s security.",
    "“The two military leaders exchanged their views on issues of mutual concern,” a U.S. "
    "military readout of the call said.",
    "Similar calls between the top military officials in the United States and Russia have "
    "taken place occasionally, including one earlier this year.",
    "Milley spoke with his Ukrainian counterpart on Wednesday as well.",
]


def shared_ranges(comparison: Comparison, doc_index: int, partner: int) -> list[tuple[int, int]]:
    return [
        (span.start, span.end)
        for passage in comparison.passages
        if doc_index in passage.docs and partner in passage.docs
        for span in passage.spans_in(doc_index)
    ]


def inside_a_passage(comparison: Comparison, doc_index: int, partner: int, text: str) -> bool:
    document = comparison.documents[doc_index]
    start = document.text.index(text)
    end = start + len(text)
    return any(s <= start and end <= e for s, e in shared_ranges(comparison, doc_index, partner))


@pytest.fixture(scope="module")
def seeds_result() -> Comparison:
    return compare(all_seeds())


def test_reuters_paragraphs_are_shared_by_000_and_004_despite_order(
    seeds_result: Comparison,
) -> None:
    for paragraph in REUTERS:
        assert inside_a_passage(seeds_result, 0, 4, paragraph.rstrip(".")), paragraph[:40]
        assert inside_a_passage(seeds_result, 4, 0, paragraph.rstrip(".")), paragraph[:40]


def test_dateline_is_not_part_of_the_passage(seeds_result: Comparison) -> None:
    text = seeds_result.documents[4].text
    dateline = text.index("SULAIMANI (ESTA) —")
    chiefs = text.index("Chiefs of staff")
    for start, end in shared_ranges(seeds_result, 4, 0):
        assert not start <= dateline < end
        assert start <= chiefs or start > chiefs + 200


def test_moved_paragraph_of_000_and_004_is_found(seeds_result: Comparison) -> None:
    # 000 has it before the Reuters block, 004 after it: a plain diff loses one of them.
    assert inside_a_passage(seeds_result, 0, 4, "traded blame in recent weeks for a spike")
    assert inside_a_passage(seeds_result, 4, 0, "traded blame for a spike in violence")
    moved = [p for p in seeds_result.passages if p.docs == (0, 4) and p.similarity < 1]
    assert len(moved) == 1
    (span_000,) = moved[0].spans_in(0)
    changed = [seeds_result.documents[0].text[s:e] for s, e in span_000.changes]
    # "Kyiv and Moscow have traded blame" became "Ukraine and Russia have traded blame".
    assert changed == ["Kyiv", "Moscow", "in recent weeks"]


def test_independently_written_seeds_share_no_passage_by_default(seeds_result: Comparison) -> None:
    carried = {p.docs for p in seeds_result.passages}
    assert carried == {(0, 4)}
    for pair in seeds_result.pairs:
        if pair.docs != (0, 4):
            assert pair.passages == 0 and pair.shared == (0.0, 0.0)


def test_statistics_of_000_and_004(seeds_result: Comparison) -> None:
    pair = seeds_result.pair(0, 4)
    assert pair.passages == 2
    assert 0.4 < pair.shared[0] < 0.55 and 0.4 < pair.shared[1] < 0.6
    assert pair.longest_words >= sum(len(p.split()) for p in REUTERS) - 2
    stats = seeds_result.document_stats
    assert stats[0].shared == pair.shared[0]
    assert stats[1].shared == 0.0 and stats[1].original == 1.0


def test_short_quote_is_found_with_a_lower_minimum() -> None:
    result = compare([seed("000"), seed("001")], CompareOptions(min_words=5))
    texts = {
        result.documents[0].text[s.start : s.end] for p in result.passages for s in p.spans_in(0)
    }
    assert "not a threat to anyone." in texts


def test_changed_figure_shows_as_a_change() -> None:
    original = seed("000")
    edited_text = original.text.replace("killed 14,000 people", "killed 13,000 people")
    result = compare([original, doc(edited_text, "edited.txt")])
    (passage,) = result.passages
    assert passage.similarity < 1
    for index, figure in ((0, "14,000"), (1, "13,000")):
        (span,) = passage.spans_in(index)
        text = result.documents[index].text
        assert (span.start, span.end) == (0, len(text))
        assert [text[s:e] for s, e in span.changes] == [figure]


def test_eight_word_quote_counts_but_a_name_does_not() -> None:
    quote = "Russia is not a threat to anyone at all"
    a = doc(f"The Kremlin said on Thursday: “{quote},” and left it there.", "a.txt")
    b = doc(f"Analysts doubted the claim that {quote} in the region.", "b.txt")
    result = compare([a, b])
    assert [a.text[s.start : s.end] for p in result.passages for s in p.spans_in(0)] == [
        f"“{quote},”"
    ]

    name = "US Secretary of State Antony Blinken"
    c = doc(f"On Monday {name} flew to Brussels for talks.", "c.txt")
    d = doc(f"Critics of {name} said the trip achieved little.", "d.txt")
    assert compare([c, d]).passages == ()
    osce = "the Organization for Security and Cooperation in Europe (OSCE)"
    e = doc(f"Kuleba spoke to {osce} about Crimea.", "e.txt")
    f = doc(f"Observers sent by {osce} saw no provocation.", "f.txt")
    assert compare([e, f]).passages == ()


def test_paragraph_carried_by_four_articles_is_one_passage_with_four_spans() -> None:
    wire = REUTERS[2]
    docs = [
        doc(f"{intro}\n\n{wire}\n\n{outro}", f"{i}.txt")
        for i, (intro, outro) in enumerate(
            [
                ("Kyiv braced for talks.", "Markets fell."),
                ("A quiet week in Moscow.", "More to follow."),
                ("Analysis by our correspondent.", "Reporting by staff."),
                ("Wire copy, lightly edited.", "Copyright the agency."),
            ]
        )
    ]
    result = compare(docs)
    (passage,) = result.passages
    assert passage.docs == (0, 1, 2, 3)
    for span in passage.spans:
        assert result.documents[span.doc].text[span.start : span.end] == wire


def test_emoji_before_a_passage_does_not_shift_offsets() -> None:
    wire = REUTERS[0]
    a = doc(f"😀🇺🇦 Breaking: {wire}", "a.txt")
    b = doc(f"{wire} More soon.", "b.txt")
    (passage,) = compare([a, b]).passages
    (span,) = passage.spans_in(0)
    assert a.text[span.start : span.end] == wire
    assert span.start == a.text.index("Chiefs")


def test_cancel_is_honoured_and_polled_often() -> None:
    big = " ".join(REUTERS * 200)
    docs: list[Document] = [doc(big, "a.txt"), doc(big[::-1], "b.txt"), doc(big, "c.txt")]
    calls = 0

    def count() -> bool:
        nonlocal calls
        calls += 1
        return False

    compare(docs, should_cancel=count)
    assert calls >= 10  # polled between pairs, passages and seed blocks, not once per run
    with pytest.raises(ComparisonCancelled):
        compare(docs, should_cancel=lambda: True)
    polls = 0

    def later() -> bool:
        nonlocal polls
        polls += 1
        return polls > calls // 2

    with pytest.raises(ComparisonCancelled):
        compare(docs, should_cancel=later)


def test_document_count_is_checked() -> None:
    with pytest.raises(ValueError, match="2 to 12"):
        compare([seed("000")])


def test_match_case_option_makes_case_count() -> None:
    sentence = REUTERS[4]
    a = doc(sentence, "a.txt")
    b = doc(sentence.upper(), "b.txt")
    assert len(compare([a, b]).passages) == 1
    assert compare([a, b], CompareOptions(ignore_case=False)).passages == ()


def test_figure_changed_by_one_outlet_is_marked_in_that_outlet_only() -> None:
    wire = doc(
        f"{REUTERS[4]} The conflict has killed 13,000 people since 2014, the UN says.", "w.txt"
    )
    same = doc(
        f"{REUTERS[4]} The conflict has killed 13,000 people since 2014, the UN says.", "s.txt"
    )
    other = doc(
        f"{REUTERS[4]} The conflict has killed 14,000 people since 2014, the UN says.", "o.txt"
    )
    result = compare([wire, same, other])
    (passage,) = result.passages
    marked = {
        span.doc: [result.documents[span.doc].text[s:e] for s, e in span.changes]
        for span in passage.spans
    }
    assert marked == {0: [], 1: [], 2: ["14,000"]}


def test_change_in_the_last_word_of_a_paragraph_is_marked() -> None:
    a = doc(f"{REUTERS[2]} Officials met in Ireland.\n\nUnrelated closing words here.", "a.txt")
    b = doc(f"{REUTERS[2]} Officials met in Chakib.\n\nSomething else entirely now.", "b.txt")
    (passage,) = compare([a, b]).passages
    (span_a,) = passage.spans_in(0)
    assert a.text[span_a.start : span_a.end].endswith("Officials met in Ireland.")
    assert [a.text[s:e] for s, e in span_a.changes] == ["Ireland"]


def test_passage_stops_at_the_paragraph_break() -> None:
    a = doc(f"{REUTERS[3]}\n\nTrump also called Russia, China and the EU foes.", "a.txt")
    b = doc(
        f"{REUTERS[3]}\n\nTanks rumble past, cannons thunder: Both Russia and Ukraine.", "b.txt"
    )
    (passage,) = compare([a, b]).passages
    for span in passage.spans:
        text = compare([a, b]).documents[span.doc].text
        assert text[span.start : span.end] == REUTERS[3]
        assert span.changes == ()


def test_long_capitalised_passages_are_reuse_not_names() -> None:
    lineup = (
        "Halliwell, Mensing, Bollan, Balmer, Potter, Sheridan (Burns 64), Lyle, Hamilton, "
        "Jones (Smith 76), Malone, Harty."
    )
    a = doc(f"The visitors lined up as follows. {lineup}", "a.txt")
    b = doc(f"Team news from the ground: {lineup}", "b.txt")
    (passage,) = compare([a, b]).passages
    (span,) = passage.spans_in(0)
    assert a.text[span.start : span.end] == lineup


def test_word_counts_do_not_count_punctuation_when_it_matters() -> None:
    a = doc(f"{REUTERS[0]} — “{REUTERS[3]}”", "a.txt")
    b = doc(REUTERS[0], "b.txt")
    plain = compare([a, b]).document_stats[0].words
    strict = compare([a, b], CompareOptions(ignore_punctuation=False)).document_stats[0].words
    # The dash and the quotation marks between the sentences are not words.
    assert plain == strict == len(REUTERS[0].split()) + len(REUTERS[3].split())


def test_the_collector_pauses_during_a_comparison_and_resumes_after() -> None:
    import gc

    seen: list[bool] = []

    def poll() -> bool:
        seen.append(gc.isenabled())
        return False

    assert gc.isenabled()
    compare([seed("000"), seed("004")], should_cancel=poll)
    assert seen and not any(seen)  # no full collection can stall a cancel check
    assert gc.isenabled()
