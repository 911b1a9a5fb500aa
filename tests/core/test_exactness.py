"""Passages are exact: links respect paragraph breaks, N-way passages group only text that
is matched to the same words, changed marks differ from their counterpart, repeated text
gives no echo passages, and identical documents are identical whatever they hold."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from viewer.core.compare import compare
from viewer.core.documents import Document
from viewer.core.model import CompareOptions, Comparison
from viewer.core.tokens import count_words

from .helpers import all_seeds, doc

FIVE = CompareOptions(min_words=5, ignore_case=False)


def words_of(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct made-up words (no two alike, so nothing is shared by chance)."""
    letters = "bcdfghjklmnpqrstvwxz"
    vowels = "aeiou"
    found: list[str] = []
    while len(found) < count:
        word = "".join(rng.choice(letters) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))
        if word not in found:
            found.append(word)
    return found


def prose(seed: int, paragraphs: int, length: int = 30) -> list[str]:
    rng = random.Random(seed)
    vocabulary = words_of(rng, paragraphs * length)
    return [
        " ".join(vocabulary[p * length : (p + 1) * length]).capitalize() + "."
        for p in range(paragraphs)
    ]


def marked(result: Comparison, index: int) -> list[str]:
    text = result.documents[index].text
    return sorted(
        text[s:e] for p in result.passages for span in p.spans_in(index) for s, e in span.changes
    )


def assert_each_unit_linked_to_its_copy(result: Comparison, units: list[str]) -> None:
    """Each of ``units`` (distinct strings, alike in most words) stands once in documents 0
    and 1. Every link maps units onto the same units, and the links cover every unit."""
    texts = [result.documents[i].text for i in (0, 1)]

    def units_in(side: int, start: int, end: int) -> set[str]:
        return {
            u
            for u in units
            if (at := texts[side].find(u)) >= 0 and at < end and start < at + len(u)
        }

    links = result.links_between(0, 1)
    assert links
    covered: set[str] = set()
    for link in links:
        ranges = [link.ranges[link.side(d)] for d in (0, 1)]
        found = [units_in(d, *ranges[d]) for d in (0, 1)]
        assert found[0] == found[1], [texts[d][slice(*ranges[d])][:70] for d in (0, 1)]
        covered |= found[0]
    present = {u for u in units if u in texts[0] and u in texts[1]}
    assert covered == present


# 1. A link never crosses a paragraph break in one text while its counterpart does not.


def test_seed_link_does_not_cross_a_break_its_counterpart_lacks() -> None:
    result = compare(all_seeds(), FIVE)
    for link in result.links_between(0, 2):
        text_000 = result.documents[0].text
        start, end = link.ranges[link.side(0)]
        assert "Kyiv and Moscow" not in text_000[start:end]


def test_two_short_runs_across_a_break_are_not_a_passage() -> None:
    a = doc(
        "Shelling was reported overnight in eastern Ukraine and Crimea.\n"
        "Kyiv and Moscow have traded blame in recent weeks for a spike in violence.",
        "a.txt",
    )
    b = doc(
        "Observers counted more incidents in eastern Ukraine in recent weeks than ever.", "b.txt"
    )
    result = compare([a, b], FIVE)
    assert result.passages == ()


def test_a_break_is_crossed_when_the_words_around_it_are_shared() -> None:
    first, second = prose(1, 2, 12)
    a = doc(f"{first}\n{second}", "a.txt")
    b = doc(f"Intro words here. {first} {second} Outro words there.", "b.txt")
    (link,) = compare([a, b]).links
    start, end = link.ranges[link.side(0)]
    assert a.text[start:end] == a.text


# 2. An N-way passage groups only spans matched to each other or to the same words.


def test_articles_sharing_nothing_are_not_grouped_through_a_third() -> None:
    w = words_of(random.Random(2), 80)
    # A's words 0-5 and 14-19 are in B; 6-13 and 20-25 in C (C changes 14-19).
    a = doc(" ".join(w[0:26]) + ".", "a.txt")
    b = doc(" ".join(w[0:6] + w[40:48] + w[14:20]) + ".", "b.txt")
    c = doc(" ".join(w[50:54] + w[6:14] + w[60:66] + w[20:26] + w[70:74]) + ".", "c.txt")
    result = compare([a, b, c], CompareOptions(min_words=5))
    assert result.links_between(0, 1) and result.links_between(0, 2)
    assert result.links_between(1, 2) == ()
    for passage in result.passages:
        assert not {1, 2} <= set(passage.docs), passage


# 3. and 4. A changed word differs from its counterpart; repeats give no echo passages.


def templated(seed: int, count: int) -> list[str]:
    """Paragraphs that share most of their words with each other, as news briefs do."""
    rng = random.Random(seed)
    names = words_of(rng, 4 * count)
    return [
        f"The firm said on {names[4 * i].capitalize()} that shedding {10 + i} brands and labels "
        f"would save {names[4 * i + 1]} million pounds a year, chief executive "
        f"{names[4 * i + 2].capitalize()} told reporters in {names[4 * i + 3].capitalize()}."
        for i in range(count)
    ]


def test_reordered_copy_of_similar_paragraphs_links_each_to_its_own() -> None:
    paragraphs = templated(3, 6)
    order = [3, 0, 5, 1, 4, 2]
    a = doc("\n\n".join(paragraphs), "a.txt")
    b = doc("\n\n".join(paragraphs[i] for i in order), "b.txt")
    result = compare([a, b])
    assert marked(result, 0) == marked(result, 1) == []
    pairs = set()
    for link in result.links_between(0, 1):
        ranges = [link.ranges[link.side(d)] for d in (0, 1)]
        texts = [result.documents[d].text[s:e] for d, (s, e) in enumerate(ranges)]
        assert texts[0] == texts[1]
        pairs.add(texts[0])
    assert pairs == set(paragraphs)


def test_changed_words_are_the_edited_ones_among_similar_paragraphs() -> None:
    paragraphs = templated(4, 5)
    edited = [p.replace(f" {10 + i} brands", f" {20 + i} brands") for i, p in enumerate(paragraphs)]
    order = [2, 4, 0, 3, 1]
    a = doc("\n\n".join(paragraphs), "a.txt")
    b = doc("\n\n".join(edited[i] for i in order), "b.txt")
    result = compare([a, b])
    assert marked(result, 0) == sorted(str(10 + i) for i in range(5))
    assert marked(result, 1) == sorted(str(20 + i) for i in range(5))


def test_a_paragraphs_first_word_its_copy_has_is_not_marked() -> None:
    paragraphs = [
        "Commenting on the delay to the release of the Coldplay and Gorillaz albums, Mr Levy "
        "said that creating and marketing music is not an exact science and cannot always "
        "coincide with the reporting period.",
        "Regarding accessing the internet via the connection in the main house, your plan of "
        "going wireless is sensible for the long run.",
        "For the survey, the firm interviewed 1,324 chief executives throughout the world "
        "during the last three months of 2004.",
    ]
    a = doc("\n\n".join(paragraphs), "a.txt")
    b = doc("\n\n".join(reversed(paragraphs)).replace(" the ", " teh "), "b.txt")
    b = doc(b.text.replace("For the", "For teh"), "b.txt")
    result = compare([a, b])
    assert set(marked(result, 0)) == {"the"}
    assert set(marked(result, 1)) == {"teh"}


def test_reordered_menu_gives_no_echo_passages() -> None:
    dishes = ["broccoli", "onions", "green peppers", "mushrooms", "snow peas", "cashew nuts"]
    items = [
        f"{dish.capitalize()} special: choice of chicken, pork or beef sauteed with {dish}, "
        f"served with steamed rice and a spring roll, 7.50"
        for dish in dishes
    ]
    repriced = [
        item.replace("7.50", "7.95") if i in (1, 4) else item for i, item in enumerate(items)
    ]
    intro_a, intro_b = prose(5, 2, 15)
    a = doc(f"{intro_a}\n\n" + "\n".join(items) + "\n\nOpen daily from noon.", "a.txt")
    order = [4, 2, 0, 5, 1, 3]
    b = doc(f"{intro_b}\n\n" + "\n".join(repriced[i] for i in order) + "\n\nDelivery.", "b.txt")
    result = compare([a, b])
    assert_each_unit_linked_to_its_copy(result, [item.split(":")[0] for item in items])
    assert marked(result, 0) == ["7.50", "7.50"]
    assert marked(result, 1) == ["7.95", "7.95"]


def test_product_list_gives_no_echo_passages() -> None:
    products = [
        f"Acme Kettle Model {n} in brushed stainless steel, 1.7 litres, free delivery, "
        f"in stock now at all our stores"
        for n in ("A1", "B2", "C3", "D4", "E5", "F6")
    ]
    intro_a, intro_b = prose(6, 2, 15)
    a = doc(f"{intro_a}\n\n" + "\n".join(products), "a.txt")
    b = doc(f"{intro_b}\n\n" + "\n".join(products[i] for i in (5, 3, 1, 0, 4)), "b.txt")
    result = compare([a, b])
    assert_each_unit_linked_to_its_copy(result, products)
    assert marked(result, 0) == marked(result, 1) == []


def test_repeated_stock_phrase_gives_no_echo_passages() -> None:
    stock = "For more information please contact our customer service team on weekdays."
    paragraphs = [f"{p} {stock}" for p in prose(7, 4, 12)]
    a = doc("\n\n".join(paragraphs), "a.txt")
    b = doc("\n\n".join(paragraphs[i] for i in (2, 0, 3, 1)), "b.txt")
    result = compare([a, b])
    assert_each_unit_linked_to_its_copy(result, paragraphs)
    assert marked(result, 0) == marked(result, 1) == []


def test_code_listing_gives_no_echo_passages() -> None:
    functions = [
        f"def get_{name}(item, default=None):\n"
        f"    value = item.get('{name}')\n"
        f"    if value is None:\n"
        f"        return default\n"
        f"    return value"
        for name in ("width", "height", "depth", "weight", "colour")
    ]
    a = doc("\n\n".join(functions), "a.py.txt")
    b = doc("\n\n".join(functions[i] for i in (3, 1, 4, 0, 2)), "b.py.txt")
    result = compare([a, b], CompareOptions(ignore_punctuation=False))
    assert_each_unit_linked_to_its_copy(result, functions)
    assert marked(result, 0) == marked(result, 1) == []


# 5. Identity: a document compared with an identical copy is all shared.


def identical_pair(text: str) -> tuple[Document, Document]:
    return doc(text, "original.txt"), doc(text, "copy.txt")


def test_paragraph_repeated_many_times_is_all_shared_with_its_copy() -> None:
    paragraph = " ".join(words_of(random.Random(8), 17)) + "."
    for repeats in (8, 9, 30):
        result = compare(identical_pair("\n\n".join([paragraph] * repeats)))
        assert result.pair(0, 1).shared == (1.0, 1.0), repeats
        assert marked(result, 0) == []


def test_identical_title_case_lines_are_all_shared() -> None:
    line = "Bank Of England Raises Interest Rates To Five Percent"
    for options in (CompareOptions(), CompareOptions(ignore_case=False)):
        result = compare(identical_pair(line), options)
        assert result.pair(0, 1).shared == (1.0, 1.0)


def pair_links(result: Comparison) -> list[tuple[object, ...]]:
    return [(link.ranges, link.similarity) for link in result.links_between(0, 1)]


def test_a_pairs_passages_do_not_change_when_a_third_article_is_added() -> None:
    paragraphs = prose(9, 4, 25)
    w, copy = identical_pair("\n\n".join(paragraphs))
    quote = " ".join(paragraphs[1].split()[5:17])
    third = doc(f"{' '.join(prose(10, 1, 20))} As one report put it, {quote}, and more.", "t.txt")
    alone = compare([w, copy])
    together = compare([w, copy, third])
    assert together.links_between(0, 2) and together.links_between(1, 2)
    assert pair_links(together) == pair_links(alone)
    assert together.pair(0, 1) == alone.pair(0, 1)
    assert alone.pair(0, 1).passages == 1


VOCABULARY = "the a of Bank England rates rise fall 5 % , . — “quoted” menu item".split()
repetitive = st.lists(
    st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=12).map(" ".join),
    min_size=1,
    max_size=8,
).flatmap(
    lambda units: st.lists(st.sampled_from(units), min_size=1, max_size=30).map(
        lambda lines: "".join(line + ("\n" if i % 3 else "\n\n") for i, line in enumerate(lines))
    )
)
capitalised = st.tuples(repetitive, st.sampled_from(["lower", "upper", "title", "asis"])).map(
    lambda pair: pair[0] if pair[1] == "asis" else getattr(pair[0], pair[1])()
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    capitalised,
    st.builds(
        CompareOptions,
        min_words=st.integers(2, 12),
        ignore_case=st.booleans(),
        ignore_punctuation=st.booleans(),
    ),
)
def test_any_document_is_all_shared_with_an_identical_copy(
    text: str, options: CompareOptions
) -> None:
    assume(count_words(text) >= options.min_words)
    result = compare(identical_pair(text), options)
    assert result.pair(0, 1).shared == (1.0, 1.0)
    assert marked(result, 0) == marked(result, 1) == []
    for link in result.links:
        assert link.ranges[0] == link.ranges[1]


def test_a_paragraph_one_article_repeats_is_shared_in_both_places() -> None:
    repeated, intro_a, intro_b, middle = prose(11, 4, 20)
    a = doc(f"{intro_a}\n\n{repeated}\n\nThe end of the first article.", "a.txt")
    b = doc(f"{intro_b}\n\n{repeated}\n\n{middle}\n\n{repeated}", "b.txt")
    result = compare([a, b])
    first = b.text.index(repeated)
    places = {first, b.text.index(repeated, first + 1)}
    linked = {link.ranges[link.side(1)] for link in result.links_between(0, 1)}
    assert linked == {(at, at + len(repeated)) for at in places}
    assert marked(result, 0) == marked(result, 1) == []
