"""Who shares with whom: header text and the order that makes related articles neighbours."""

from tests.articles import article
from viewer.core.compare import compare
from viewer.core.documents import document_from_text
from viewer.core.relations import (
    chain_score,
    describe_sharers,
    far_shares,
    related_order,
    sharers,
)

from .helpers import all_seeds


def test_seeds_name_their_sharer() -> None:
    result = compare(all_seeds())
    assert describe_sharers(result, 0).startswith("Shares 47 % with 004")
    assert describe_sharers(result, 1) == "Shares nothing with the others"


def three_articles() -> list:
    """a and c share most of a; b shares one paragraph with c only."""
    a = article(1, paragraphs=4)
    b = article(2, paragraphs=6)
    c_paragraphs = [*a.split("\n\n")[:3], b.split("\n\n")[0], article(3, paragraphs=2)]
    return [
        document_from_text(a, "a.txt"),
        document_from_text(b, "b.txt"),
        document_from_text("\n\n".join(c_paragraphs), "c.txt"),
    ]


def test_sharers_are_named_largest_share_first() -> None:
    result = compare(three_articles())
    found = sharers(result, 2)
    assert [other for other, _ in found] == [0, 1]
    assert found[0][1] > found[1][1] > 0
    text = describe_sharers(result, 2)
    assert text.startswith("Shares ") and text.index("with a") < text.index("with b")
    assert describe_sharers(result, 0).startswith("Shares ") and "with b" not in describe_sharers(
        result, 0
    )


def test_related_articles_become_neighbours() -> None:
    result = compare(three_articles())
    order = related_order(result)
    assert order == [0, 2, 1]
    assert chain_score(result, order) > chain_score(result, [0, 1, 2])
    seeds = compare(all_seeds())
    order = related_order(seeds)
    assert abs(order.index(0) - order.index(4)) == 1
    assert sorted(order) == [0, 1, 2, 3, 4]


def test_file_order_is_kept_when_it_is_as_good() -> None:
    docs = three_articles()
    result = compare([docs[0], docs[2], docs[1]])
    assert related_order(result) == [0, 1, 2]


def test_far_shares_are_what_neighbours_share_with_articles_beyond_each_other() -> None:
    """Panes a | b side by side, c right of b: what a shares with c and not with b gets a
    tongue from a's side named "c"; what b shares with c does not (c is b's neighbour)."""
    docs = three_articles()
    result = compare(docs)
    found = far_shares(result, 0, 1, far_left={}, far_right={2: "c"})
    assert found, "a shares three paragraphs with c"
    assert {(side, names) for _, side, _, _, names in found} == {(0, "c")}
    near = {link.passage for link in result.links_between(0, 1)}
    assert not {passage for passage, *_ in found} & near
    for _, _, start, end, _ in found:
        assert docs[0].text[start:end].strip() in docs[2].text
    assert far_shares(result, 0, 1, far_left={}, far_right={}) == []
    # Seen from the other side: c | b with a left of c, b's share with a is none.
    assert far_shares(result, 2, 1, far_left={0: "a"}, far_right={}) == []
