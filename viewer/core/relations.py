"""Which articles share with which, for headers and the pane order (core layer; no Qt)."""

from __future__ import annotations

import itertools

from viewer.core.model import Comparison
from viewer.core.navigation import percent, short_name


def sharers(comparison: Comparison, doc: int) -> list[tuple[int, float]]:
    """(other document, share of ``doc``'s words it carries) for every other that shares,
    largest share first, ties in file order."""
    found = []
    for other in range(len(comparison.documents)):
        if other == doc:
            continue
        pair = comparison.pair(doc, other)
        if pair.passages and pair.shared[0] > 0:
            found.append((other, pair.shared[0]))
    found.sort(key=lambda item: (-item[1], item[0]))
    return found


def sharer_items(comparison: Comparison, doc: int) -> tuple[str, list[str]]:
    """("Shares ", ["47 % with 004", "3 % with 001"]), or a sentence and no items."""
    found = sharers(comparison, doc)
    if not found:
        return "Shares nothing with the others", []
    items = [f"{percent(share)} with {short_name(comparison.documents[o])}" for o, share in found]
    return "Shares ", items


def describe_sharers(comparison: Comparison, doc: int) -> str:
    """Header text such as "Shares 47 % with 004, 3 % with 001", or that it shares nothing."""
    head, items = sharer_items(comparison, doc)
    return head + ", ".join(items)


def closeness(comparison: Comparison, a: int, b: int) -> float:
    """How related two documents are: the mean of each one's share carried by the other."""
    pair = comparison.pair(a, b)
    return (pair.shared[0] + pair.shared[1]) / 2


def chain_score(comparison: Comparison, order: list[int]) -> float:
    """The summed closeness of neighbours in ``order``."""
    return sum(closeness(comparison, a, b) for a, b in itertools.pairwise(order))


def related_order(comparison: Comparison) -> list[int]:
    """Documents ordered so the most related ones are neighbours (greedy chain).

    Starts from the closest pair and grows the chain at whichever end gains most; the file
    order is kept unless the chain scores strictly higher, and ties keep file order.
    """
    count = len(comparison.documents)
    file_order = list(range(count))
    if count < 3:
        return file_order
    pairs = sorted(
        ((closeness(comparison, a, b), a, b) for a in range(count) for b in range(a + 1, count)),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    _, first, second = pairs[0]
    chain = [first, second]
    left = [d for d in file_order if d not in chain]
    while left:
        # The closest remaining document to either end; ties go to the earlier file.
        gain, at_tail, negated = max(
            (closeness(comparison, chain[end], d), end == -1, -d) for d in left for end in (-1, 0)
        )
        doc = -negated
        if not at_tail and gain > 0:
            chain.insert(0, doc)
        else:
            chain.append(doc)
        left.remove(doc)
    if chain[0] > chain[-1]:
        chain.reverse()  # the same neighbours, read from the earlier file
    if chain_score(comparison, chain) > chain_score(comparison, file_order) + 1e-9:
        return chain
    return file_order


def longest_passage(comparison: Comparison, doc: int) -> int:
    """Words in the longest passage ``doc`` shares with any other (0 when none)."""
    return max(
        (p.longest_words for p in comparison.pairs if doc in p.docs and p.passages), default=0
    )


def first_shared_passage(comparison: Comparison, a: int, b: int) -> int | None:
    """The passage of the match between ``a`` and ``b`` that starts first in ``a``."""
    links = comparison.links_between(a, b)
    if not links:
        return None
    first = min(links, key=lambda link: (link.ranges[link.side(a)][0], link.passage))
    return first.passage


def beside(order: list[int], a: int, b: int) -> list[int]:
    """``order`` with ``b`` moved just after ``a``; unchanged when they are neighbours."""
    if abs(order.index(a) - order.index(b)) == 1:
        return list(order)
    rest = [d for d in order if d != b]
    at = rest.index(a) + 1
    return [*rest[:at], b, *rest[at:]]


def far_shares(
    comparison: Comparison,
    left_doc: int,
    right_doc: int,
    far_left: dict[int, str],
    far_right: dict[int, str],
) -> list[tuple[int, int, int, int, str]]:
    """What two neighbouring panes share with articles beyond each other, not with each
    other: (passage id, side (0 the left pane, 1 the right), start, end in that pane's
    article, the far articles' names joined by ", "). ``far_right`` names the articles
    right of ``right_doc`` (for the left pane's ranges), ``far_left`` those left of
    ``left_doc``."""
    near = {link.passage for link in comparison.links_between(left_doc, right_doc)}
    tongues: dict[tuple[int, int, int, int], list[str]] = {}
    for link in comparison.links:
        if link.passage in near:
            continue
        for side, doc, far in ((0, left_doc, far_right), (1, right_doc, far_left)):
            if doc in link.docs and link.docs[1 - link.side(doc)] in far:
                other = link.docs[1 - link.side(doc)]
                start, end = link.ranges[link.side(doc)]
                names = tongues.setdefault((link.passage, side, start, end), [])
                if far[other] not in names:
                    names.append(far[other])
    return [(*key, ", ".join(names)) for key, names in tongues.items()]
